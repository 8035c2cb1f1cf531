"""The one way polcalc writes a file (core.files, cli.outputs): whole or not at all, never over
an input, never over a file of someone else's without --force."""

from __future__ import annotations

import os

import pytest

from polcalc.cli.outputs import Discard, atomic_output, claim, is_ours, written
from polcalc.core.files import TEMP_MARK, atomic_write
from polcalc.i18n.messages import UsageError


def _leftovers(folder) -> list[str]:
    return [p.name for p in folder.iterdir() if TEMP_MARK in p.name]


def test_written_whole_and_temp_gone(tmp_path):
    target = tmp_path / "out.txt"
    with atomic_write(target) as fh:
        fh.write("hello")
        assert not target.exists()  # nothing in place until the block ends
    assert target.read_text() == "hello"
    assert _leftovers(tmp_path) == []


def test_failure_keeps_old_file_and_removes_temp(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(KeyboardInterrupt), atomic_write(target) as fh:
        fh.write("half")
        raise KeyboardInterrupt
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_discard_keeps_old_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old")
    with atomic_write(target) as fh:
        fh.write("nothing valid")
        raise Discard
    assert target.read_text() == "old"
    assert _leftovers(tmp_path) == []


def test_symlink_target_is_replaced_link_kept(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    with atomic_write(link) as fh:
        fh.write("new")
    assert link.is_symlink() and real.read_text() == "new"


def test_permissions_follow_umask_not_mkstemp(tmp_path):
    old = os.umask(0o022)
    try:
        with atomic_write(tmp_path / "a.txt") as fh:
            fh.write("x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_claim_refuses_an_input_by_any_spelling(tmp_path, monkeypatch, lang):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.toml").write_text("x")
    (tmp_path / "alias.toml").symlink_to(tmp_path / "good.toml")
    for spelling in ["good.toml", "./good.toml", str(tmp_path / "good.toml"), "alias.toml"]:
        with pytest.raises(UsageError) as info:
            claim(spelling, option="--calendar", lang=lang, inputs=["good.toml"], force=True)
        text = info.value.render(lang)
        assert spelling in text and "good.toml" in text and "--calendar" in text
        assert ("输入" in text) if lang == "zh" else ("input" in text)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_claim_refuses_a_foreign_file_unless_forced(tmp_path, lang):
    target = tmp_path / "mine.ics"
    target.write_text("BEGIN:VCALENDAR\nPRODID:-//someone else//\n")
    with pytest.raises(UsageError) as info:
        claim(target, option="--calendar", lang=lang, ours=b"PRODID:-//polcalc//")
    assert "--force" in info.value.render(lang)
    claim(target, option="--calendar", lang=lang, ours=b"PRODID:-//polcalc//", force=True)
    target.write_text("BEGIN:VCALENDAR\nPRODID:-//polcalc//x\n")
    assert is_ours(target, b"PRODID:-//polcalc//")
    claim(target, option="--calendar", lang=lang, ours=b"PRODID:-//polcalc//")


def test_claim_refuses_missing_folder_and_directory(tmp_path):
    with pytest.raises(UsageError, match="does not exist"):
        claim(tmp_path / "nope" / "x.ics", option="--calendar", lang="en")
    with pytest.raises(UsageError, match="is a directory"):
        claim(tmp_path, option="--calendar", lang="en", force=True)


def test_unwritable_is_one_usage_error(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes into a read-only folder")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with (
            pytest.raises(UsageError, match="cannot write"),
            written(folder / "x.csv", option="--by-measure", lang="en") as fh,
        ):
            fh.write("x")
    finally:
        folder.chmod(0o700)


def test_atomic_output_claims_then_writes(tmp_path):
    target = tmp_path / "rows.csv"
    with atomic_output(target, option="--by-measure", lang="en", ours=b"measure,") as fh:
        fh.write("measure,title\n")
    assert target.read_text() == "measure,title\n"
