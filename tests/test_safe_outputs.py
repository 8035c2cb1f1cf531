"""Issue 11: nothing the user gave is lost or served stale. An output that is an input of the run
is refused; a foreign file is replaced only with --force; a run that writes nothing valid keeps
the old output; Ctrl-C leaves no half file. Through the typer app and the console script."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.core.files import TEMP_MARK

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_companies" / "xishan-machinery.toml"
BROKEN = ROOT / "tests" / "bad_profiles" / "syntax_error.toml"
POP = "name,region,industry,size,revenue_2019,revenue_2020\n精工,xishan,equipment_manufacturing,small,2亿,2.3亿\n"
REFUSED = {"en": "an input of this run", "zh": "就是本次运行的输入"}
FOREIGN = {"en": "add --force", "zh": "请加 --force"}
KEPT = {"en": "the existing file is left as it was", "zh": "原文件保持不变"}


def _temps(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if TEMP_MARK in p.name]


def _polcalc(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    """The console script (its fast path for check), as a user runs it."""
    code = "import sys; from polcalc.cli.entry import main; sys.argv[0] = 'polcalc'; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, **kw)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SAMPLE, tmp_path / "good.toml")
    (tmp_path / "pop.csv").write_text(POP, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("spelt", ["good.toml", "./good.toml", "alias.toml", "{tmp}/good.toml", "d/../good.toml"])
def test_check_refuses_a_calendar_onto_its_own_profile(here: Path, lang: str, spelt: str):
    (here / "alias.toml").symlink_to(here / "good.toml")
    (here / "d").mkdir()
    before = (here / "good.toml").read_bytes()
    out = spelt.format(tmp=here)
    res = runner.invoke(app, ["check", "good.toml", "--lang", lang, "--calendar", out, "--force"])
    assert res.exit_code == 2 and REFUSED[lang] in res.stderr
    assert out in res.stderr and "good.toml" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert (here / "good.toml").read_bytes() == before


def test_a_directory_input_counts_by_its_files(here: Path):
    (here / "profiles").mkdir()
    shutil.move(here / "good.toml", here / "profiles" / "a.toml")
    res = _polcalc("check", "profiles", "--calendar", "profiles/a.toml", "--lang", "en", cwd=here)
    assert res.returncode == 2 and "profiles/a.toml" in res.stderr and "Traceback" not in res.stderr
    assert (here / "profiles" / "a.toml").read_bytes() == SAMPLE.read_bytes()


def test_the_console_script_refuses_too(here: Path):
    res = _polcalc("check", "good.toml", "--calendar", "./good.toml", "--lang", "zh", cwd=here)
    assert res.returncode == 2 and REFUSED["zh"] in res.stderr and "Traceback" not in res.stderr
    assert (here / "good.toml").read_bytes() == SAMPLE.read_bytes()


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("option", ["--by-measure", "--xlsx", "--html"])
def test_screen_refuses_its_outputs_onto_its_population(here: Path, lang: str, option: str):
    for out in ["pop.csv", "./pop.csv"]:
        res = runner.invoke(app, ["screen", "pop.csv", "--lang", lang, option, out, "--force"])
        assert res.exit_code == 2 and REFUSED[lang] in res.stderr
        assert (here / "pop.csv").read_text(encoding="utf-8") == POP


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_all_bad_keeps_the_existing_calendar(here: Path, lang: str):
    keep = here / "keep.ics"
    assert runner.invoke(app, ["check", "good.toml", "--as-of", "2020-06-30", "--calendar", "keep.ics"]).exit_code == 0
    before = keep.read_bytes()
    assert before.count(b"BEGIN:VEVENT") > 0
    res = runner.invoke(app, ["check", str(BROKEN), "--lang", lang, "--calendar", "keep.ics"])
    assert res.exit_code == 2 and KEPT[lang] in res.stderr
    assert keep.read_bytes() == before and _temps(here) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("option", "out"), [("--by-measure", "m.csv"), ("--html", "d.html")])
def test_all_bad_keeps_the_screens_existing_output(here: Path, lang: str, option: str, out: str):
    assert runner.invoke(app, ["screen", "pop.csv", option, out]).exit_code == 0
    before = (here / out).read_bytes()
    (here / "bad.csv").write_text("name,region\nx,beijing\n", encoding="utf-8")
    res = runner.invoke(app, ["screen", "bad.csv", "--lang", lang, option, out])
    assert res.exit_code == 2 and KEPT[lang] in res.stderr
    assert (here / out).read_bytes() == before and _temps(here) == []


def test_all_bad_keeps_every_output_of_the_screen_at_once(here: Path):
    # The streamed files are dropped together, not only the innermost one.
    outputs = ["--by-measure", "m.csv", "--xlsx", "d.xlsx", "--html", "d.html"]
    assert runner.invoke(app, ["screen", "pop.csv", *outputs]).exit_code == 0
    before = {name: (here / name).read_bytes() for name in ("m.csv", "d.xlsx", "d.html")}
    (here / "bad.csv").write_text("name,region\nx,beijing\n", encoding="utf-8")
    res = runner.invoke(app, ["screen", "bad.csv", *outputs, "--force"])
    assert res.exit_code == 2 and res.stderr.count(KEPT["en"]) == 3
    assert {name: (here / name).read_bytes() for name in before} == before and _temps(here) == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_foreign_file_is_replaced_only_with_force(here: Path, lang: str):
    (here / "mine.ics").write_text("BEGIN:VCALENDAR\r\nPRODID:-//Apple Inc.//iCal//EN\r\nEND:VCALENDAR\r\n")
    (here / "notes.csv").write_text("my,own\nnotes,here\n")
    (here / "notes.html").write_text("<p>my notes</p>\n")
    for args, out in [
        (["check", "good.toml", "--calendar"], "mine.ics"),
        (["screen", "pop.csv", "--by-measure"], "notes.csv"),
        (["screen", "pop.csv", "--html"], "notes.html"),
    ]:
        before = (here / out).read_bytes()
        res = runner.invoke(app, [*args, out, "--lang", lang])
        assert res.exit_code == 2 and FOREIGN[lang] in res.stderr and out in res.stderr
        assert (here / out).read_bytes() == before
        res = runner.invoke(app, [*args, out, "--lang", lang, "--force"])
        assert res.exit_code == 0, res.stderr
        assert (here / out).read_bytes() != before
        res = runner.invoke(app, [*args, out, "--lang", lang])  # now ours: replaced without --force
        assert res.exit_code == 0, res.stderr


def test_by_measure_with_bom_is_still_ours(here: Path):
    assert runner.invoke(app, ["screen", "pop.csv", "--bom", "--by-measure", "m.csv"]).exit_code == 0
    assert (here / "m.csv").read_bytes().startswith(b"\xef\xbb\xbfmeasure,")
    assert runner.invoke(app, ["screen", "pop.csv", "--bom", "--by-measure", "m.csv"]).exit_code == 0


def test_ctrl_c_during_check_leaves_the_old_calendar(here: Path):
    many = here / "many"
    many.mkdir()
    for i in range(3000):
        (many / f"c{i:04}.toml").write_bytes(SAMPLE.read_bytes())
    out = here / "d.ics"
    assert runner.invoke(app, ["check", "good.toml", "--as-of", "2020-06-30", "--calendar", str(out)]).exit_code == 0
    before = out.read_bytes()
    _interrupted_keep(
        here, ["check", "many", "--format", "jsonl", "--as-of", "2020-06-30", "--calendar", str(out)], out, before
    )


def test_ctrl_c_during_screen_with_workers_leaves_the_old_by_measure(here: Path):
    rows = POP.splitlines()[1]
    (here / "big.csv").write_text(POP.splitlines()[0] + "\n" + (rows + "\n") * 200_000, encoding="utf-8")
    out = here / "m.csv"
    assert runner.invoke(app, ["screen", "pop.csv", "--by-measure", str(out)]).exit_code == 0
    before = out.read_bytes()
    _interrupted_keep(
        here, ["screen", "big.csv", "-j", "2", "--format", "jsonl", "--by-measure", str(out)], out, before
    )


def _interrupted_keep(here: Path, args: list[str], out: Path, before: bytes) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", "from polcalc.cli.entry import main; main()", *args],
        cwd=here,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own group, signalled whole as a terminal's Ctrl-C is
    )
    assert proc.stdout is not None and proc.stdout.readline()  # the first company is out: mid-run
    time.sleep(0.5)
    assert proc.poll() is None, "the run ended before it could be interrupted: make it longer"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    assert out.read_bytes() == before and _temps(here) == []
