"""The commands as scripts use them: formats, exit codes, errors on stderr (shared/CONTRACT.md)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from polcalc.cli import app

runner = CliRunner()
SAMPLE = "sample_companies/xishan-machinery.toml"
IN_2020 = ["--as-of", "2020-06-30"]


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_check_json_follows_the_contract():
    res = run("check", SAMPLE, "--format", "json", *IN_2020)
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["as_of"] == "2020-06-30"
    (company,) = data["companies"]
    assert company["file"] == SAMPLE and company["region"] == "xishan" and company["name"]
    by_id = {r["id"]: r for r in company["results"]}
    r = by_id["xishan-2020:19.2"]
    assert r["status"] == "eligible"
    assert r["amount"] == 460000 and r["amount_max"] == 460000
    assert r["cap"] == 800000 and r["deadline"] == "2020-12-31" and r["open"] is True
    for result in company["results"]:
        assert {"id", "status", "amount", "amount_max", "cap", "deadline", "open"} <= set(result)
        assert result["status"] in ("eligible", "ineligible", "needs_data")


def test_check_reports_not_open_after_the_deadline():
    res = run("check", SAMPLE, "--format", "json", "--as-of", "2021-01-01")
    r = next(r for r in json.loads(res.stdout)["companies"][0]["results"] if r["id"] == "xishan-2020:19.2")
    assert r["open"] is False and r["status"] == "eligible" and r["amount"] == 460000


def test_jsonl_prints_one_company_per_line():
    res = run("check", SAMPLE, SAMPLE, "--format", "jsonl", *IN_2020)
    lines = res.stdout.strip().splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["region"] == "xishan" for line in lines)


def test_a_bad_file_does_not_stop_the_others(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\nregion = "xishn"\n', encoding="utf-8")
    res = run("check", str(bad), SAMPLE, "--format", "jsonl", *IN_2020)
    assert res.exit_code == 2
    assert len(res.stdout.strip().splitlines()) == 1
    assert str(bad) in res.stderr and "xishan" in res.stderr  # names the file and the valid region
    assert "Traceback" not in res.stderr + res.stdout


def test_missing_file_is_exit_2():
    res = run("check", "no/such.toml")
    assert res.exit_code == 2 and "no such file" in res.stderr


def test_stdin_profile():
    res = run("check", "-", "--format", "json", *IN_2020, input=Path(SAMPLE).read_text(encoding="utf-8"))
    assert res.exit_code == 0
    assert json.loads(res.stdout)["companies"][0]["file"] == "<stdin>"


def test_bad_as_of_is_exit_2():
    res = run("check", SAMPLE, "--as-of", "2020-13-01")
    assert res.exit_code == 2 and "YYYY-MM-DD" in res.stderr


def test_csv_has_header_and_plain_yuan():
    res = run("check", SAMPLE, "--format", "csv", *IN_2020)
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    row = next(r for r in rows if r["id"] == "xishan-2020:19.2")
    assert row["amount"] == "460000" and row["status"] == "eligible"


def test_csv_bom_for_excel():
    res = run("check", SAMPLE, "--format", "csv", "--bom", *IN_2020)
    assert res.stdout.startswith("\ufeff")


def test_table_shows_amount_in_wan_and_total():
    res = run("check", SAMPLE, *IN_2020, "--lang", "en")
    assert res.exit_code == 0
    assert "46.00万" in res.stdout and "Total" in res.stdout


def test_list_json_has_contract_keys():
    res = run("list", "--region", "xishan", "--format", "json")
    assert res.exit_code == 0
    measures = json.loads(res.stdout)["measures"]
    assert measures and all(m["region"] == "xishan" for m in measures)
    for m in measures:
        assert {"id", "region", "policy", "title", "cap", "deadline"} <= set(m)


def test_list_unknown_region_is_exit_2_with_valid_list():
    res = run("list", "--region", "xishn")
    assert res.exit_code == 2
    assert "did you mean 'xishan'" in res.stderr and "anning" in res.stderr
