"""The files a run writes: core.files.atomic_write (whole or not at all) and cli.outputs (what
may be overwritten)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from polcalc.cli.outputs import Discard, atomic_output, claim, is_ours
from polcalc.core.files import TEMP_MARK, atomic_write
from polcalc.i18n.messages import UsageError


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if TEMP_MARK in p.name)


def test_written_whole_and_no_temp_left(tmp_path: Path):
    out = tmp_path / "a.txt"
    with atomic_write(out) as fh:
        fh.write("one\n")
        assert not out.exists()  # nothing in place until the block ends
    assert out.read_text() == "one\n"
    assert _left(tmp_path) == []


@pytest.mark.parametrize("stop", [KeyboardInterrupt, OSError, Discard])
def test_a_failure_leaves_the_old_file_and_no_temp(tmp_path: Path, stop: type[BaseException]):
    out = tmp_path / "a.txt"
    out.write_text("old\n")
    raised = None
    try:
        with atomic_write(out) as fh:
            fh.write("half")
            raise stop()
    except BaseException as exc:  # which ones escape is what is tested
        raised = exc
    assert out.read_text() == "old\n"
    assert _left(tmp_path) == []
    assert (raised is None) == (stop is Discard)  # Discard is swallowed, the rest go on


def test_mode_of_old_file_kept_and_symlink_followed(tmp_path: Path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with atomic_write(link) as fh:
        fh.write("new")
    assert link.is_symlink() and real.read_text() == "new"
    assert real.stat().st_mode & 0o777 == 0o640


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_claim_refuses_an_input_by_any_spelling(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.toml").write_text("x")
    (tmp_path / "alias.toml").symlink_to(tmp_path / "good.toml")
    for spelt in ["good.toml", "./good.toml", str(tmp_path / "good.toml"), "alias.toml"]:
        with pytest.raises(UsageError) as err:
            claim(spelt, option="--calendar", lang=lang, inputs=["good.toml"], force=True)
        assert spelt in str(err.value) and "good.toml" in str(err.value)


def test_claim_refuses_a_foreign_file_unless_forced(tmp_path: Path):
    out = tmp_path / "keep.ics"
    out.write_text("BEGIN:VCALENDAR\nPRODID:-//someone else//\n")
    with pytest.raises(UsageError, match="--force"):
        claim(out, option="--calendar", lang="en", ours=b"PRODID:-//polcalc//")
    claim(out, option="--calendar", lang="en", ours=b"PRODID:-//polcalc//", force=True)
    out.write_text("BEGIN:VCALENDAR\nPRODID:-//polcalc//x\n")
    assert is_ours(out, b"PRODID:-//polcalc//")
    claim(out, option="--calendar", lang="en", ours=b"PRODID:-//polcalc//")


def test_atomic_output_names_a_missing_folder_and_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    with (
        pytest.raises(UsageError, match="does not exist"),
        atomic_output(tmp_path / "no" / "x.csv", option="-o", lang="en"),
    ):
        pass
    out = tmp_path / "x.csv"
    out.write_text("old")

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)  # works as root too, unlike a read-only folder
    with (
        pytest.raises(UsageError, match=r"cannot write it \(No space left"),
        atomic_output(out, option="--by-measure", lang="en", force=True) as fh,
    ):
        fh.write("new")
    assert out.read_text() == "old" and _left(tmp_path) == []
