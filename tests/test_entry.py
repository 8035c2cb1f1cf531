"""The console script's fast path for `check` reads the command line exactly as the typer command
does, gives the same output and exit status, and leaves everything else to typer."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from polcalc.cli import entry
from polcalc.cli.app import app
from polcalc.cli.specs import CHECK, CheckOptions, read

runner = CliRunner()
SAMPLE = "sample_companies/xishan-machinery.toml"
ANNING = "sample_companies/anning-manufacturer.toml"


def _check_command():
    return typer.main.get_command(app).commands["check"]  # type: ignore[attr-defined]


def _fast_reading(args: list[str]) -> dict | None:
    parsed = read(CHECK, args)
    return None if parsed is None else {"files": parsed[0], **vars(CheckOptions(**parsed[1]))}


READ_ALIKE = [
    [SAMPLE],
    [SAMPLE, ANNING, "-"],
    [SAMPLE, "--format", "json", "--as-of", "2020-06-30"],
    ["--format=csv", SAMPLE, "--as-of=2021-01-01", "--bom"],
    ["-f", "jsonl", "-j", "3", "-p", "xishan-2020", SAMPLE, "-q"],
    [SAMPLE, "--all", "--drafts", "--near", "--no-near", "--lang", "zh"],
    [SAMPLE, "--near", "--calendar", "out.ics", "--jobs=12"],
    [SAMPLE, "--lang", "fr", "--as-of", "yesterday", "--policy", "nowhere"],  # our checks, not typer's
    [SAMPLE, "--format", "json", "--format", "table"],  # the last one wins, as in click
]


@pytest.mark.parametrize("args", READ_ALIKE)
def test_the_fast_reader_gives_what_typer_gives(args: list[str]):
    ctx = _check_command().make_context("check", list(args))
    assert _fast_reading(args) == ctx.params


@pytest.mark.parametrize(
    "args",
    [
        [],  # typer says a file is missing
        ["--all"],
        [SAMPLE, "-h"],
        [SAMPLE, "--help"],
        ["--", SAMPLE],
        [SAMPLE, "-fjson"],  # typer reads attached short values; this reader leaves them to it
        [SAMPLE, "-qf", "json"],
        [SAMPLE, "-f=json"],
        [SAMPLE, "--format", "xml"],  # typer's own error names the choices
        [SAMPLE, "--format", "JSON"],
        [SAMPLE, "--jobs", "0"],
        [SAMPLE, "--jobs", "two"],
        [SAMPLE, "--format"],
        [SAMPLE, "--as-of", "--all"],
        [SAMPLE, "--quiet=yes"],
        [SAMPLE, "--region", "xishan"],  # not an option of check
    ],
)
def test_anything_unusual_is_left_to_typer(args: list[str]):
    reading = read(CHECK, args)
    assert reading is None or not reading[0]


def _fast(monkeypatch, capsys, args: list[str]) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.argv", ["polcalc", "check", *args])
    monkeypatch.setattr(entry, "_run_typer", lambda: pytest.fail("went to typer"))
    with pytest.raises(SystemExit) as exit_:
        entry.main()
    out = capsys.readouterr()
    return exit_.value.code, out.out, out.err


@pytest.mark.parametrize(
    "args",
    [
        [SAMPLE, "--format", "json", "--as-of", "2020-06-30"],
        [SAMPLE, ANNING, "--as-of", "2020-06-30", "--lang", "zh"],  # the table with its near misses
        [SAMPLE, "--as-of", "2020-06-30", "--lang", "en", "--all", "-q"],
        [SAMPLE, "nope.toml", "--format", "jsonl", "--as-of", "2020-06-30", "--lang", "en"],  # exit 2
        [SAMPLE, "--lang", "fr"],  # a usage error of ours
        [SAMPLE, "--policy", "xishan2020", "--lang", "en"],
    ],
)
def test_the_fast_path_prints_what_the_typer_command_prints(monkeypatch, capsys, args: list[str]):
    typer_run = runner.invoke(app, ["check", *args])
    status, out, err = _fast(monkeypatch, capsys, args)
    assert (status, out, err) == (typer_run.exit_code, typer_run.stdout, typer_run.stderr)


def test_a_bug_on_the_fast_path_is_one_line_and_status_1(monkeypatch, capsys):
    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr("polcalc.cli.commands.check_run.run_check", broken)
    status, out, err = _fast(monkeypatch, capsys, [SAMPLE, "--lang", "en"])
    assert status == 1 and out == ""
    assert err == "polcalc: internal error (a bug, please report it): RuntimeError: boom\n"


def test_the_fast_path_imports_neither_typer_nor_pydantic(tmp_path: Path):
    """What the cold start saves: the rules come from the cache, the command line needs no typer."""
    script = (
        "import sys\n"
        "from polcalc.cli.entry import main\n"
        f"sys.argv = ['polcalc', 'check', {SAMPLE!r}, '--format', 'json', '--as-of', '2020-06-30']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert e.code == 0, e.code\n"
        "print(sorted(m for m in ('typer', 'pydantic', 'click') if m in sys.modules))\n"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": "", "HOME": str(tmp_path)}
    first = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert first.stdout.splitlines()[-1] == "['pydantic']"  # the first run validates and caches the rules
    warm = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert warm.stdout.splitlines()[-1] == "[]"
