"""The commands as scripts use them: formats, exit codes, errors on stderr (shared/CONTRACT.md)."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.i18n.numbers import money

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


def test_table_shows_amounts_in_yuan_in_english_and_in_wan_in_chinese():
    res = run("check", SAMPLE, *IN_2020, "--lang", "en")
    assert res.exit_code == 0
    assert "¥460,000.00" in res.stdout and "46.00万" not in res.stdout
    assert "Total: cash grants ¥684,000.00 · fee savings ¥192,000.00" in res.stdout
    res = run("check", SAMPLE, *IN_2020, "--lang", "zh")
    assert "46.00万" in res.stdout and "¥" not in res.stdout
    assert "合计: 现金奖补 68.40万 · 费用减免 19.20万" in res.stdout


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


# ------------------------------------------------------------------ terminals and pipes

PLAIN_ENV = {"FORCE_COLOR": None, "NO_COLOR": None, "TTY_COMPATIBLE": None, "TERM": "xterm-256color"}
ANSI = "\x1b["


def _table_run(env: dict[str, str | None], *args: str):
    return runner.invoke(app, ["check", SAMPLE, *IN_2020, "--lang", "en", *args], env={**PLAIN_ENV, **env})


def test_no_colour_in_a_pipe():
    assert ANSI not in _table_run({}).stdout


def test_force_color_styles_a_pipe_but_no_color_and_dumb_terminals_win():
    assert ANSI in _table_run({"FORCE_COLOR": "1"}).stdout  # so the checks below can fail
    assert ANSI in _table_run({"FORCE_COLOR": "1", "NO_COLOR": ""}).stdout  # empty NO_COLOR means unset
    assert ANSI not in _table_run({"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    assert ANSI not in _table_run({"FORCE_COLOR": "1", "TERM": "dumb"}).stdout


def _tables(out: str) -> list[list[str]]:
    """Each company's table: the lines under its header rule, up to the blank line closing it."""
    tables: list[list[str]] = []
    current: list[str] | None = None
    for line in out.splitlines():
        if "────" in line:
            current = []
            tables.append(current)
        elif current is not None and line.strip():
            current.append(line)
        else:
            current = None
    return tables


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_table_fits_60_80_and_120_columns_and_never_cuts_an_amount(lang: str):
    files = sorted(str(p) for p in Path("sample_companies").glob("*.toml"))
    data = json.loads(run("check", *files, "--format", "json", *IN_2020).stdout)
    expected = [
        {
            money(Decimal(str(r[k])), lang)
            for r in company["results"]
            if r["status"] == "eligible"
            for k in ("amount", "amount_min", "amount_max", "cap")
            if r[k] is not None
        }
        for company in data["companies"]
    ]
    assert "¥8,640.00" in expected[files.index("sample_companies/xishan-2022-sme.toml")] or lang == "zh"  # a range
    for width in (60, 80, 120):
        res = runner.invoke(app, ["check", *files, *IN_2020, "--lang", lang], env={**PLAIN_ENV, "COLUMNS": str(width)})
        assert res.exit_code == 0, res.stderr
        too_wide = [line for line in res.stdout.splitlines() if cell_len(line) > width]
        assert not too_wide, (width, too_wide)
        tables = _tables(res.stdout)
        assert len(tables) == len(files)
        for file, table, amounts in zip(files, tables, expected, strict=True):
            # Each amount whole on one line of its company's table: never folded, never cut to "…".
            missing = [a for a in amounts if not any(a in line for line in table)]
            assert not missing, (width, file, missing)


# ------------------------------------------------------------------ languages and --quiet

WIDE = {**PLAIN_ENV, "COLUMNS": "200"}  # one table row per line, so whole phrases can be asserted


def wide(*args: str):
    return runner.invoke(app, list(args), env=WIDE)


def test_check_in_english():
    out = wide("check", SAMPLE, *IN_2020, "--lang", "en").stdout
    assert "Measure" in out and "Award" in out and "Amount" in out and "Deadline" in out
    row = next(line for line in out.splitlines() if "xishan-2020:19.2" in line)
    assert "growth 15%: 0.2% × ¥230,000,000" in row and "¥460,000.00" in row and "¥800,000.00" in row and "yes" in row
    assert "Near misses: what would qualify, or lift a tier" in out
    assert (
        "xishan-2020:19.2: gross industrial output 2020 ¥230,000,000 → ¥240,000,000 (+¥10,000,000) meets "
        "industrial_output.growth >= 20% → ¥720,000.00 (+¥260,000.00)"
    ) in out
    assert re.search(r"Measures that need data \(fill these in to evaluate\) \[\d+\]: [a-z]", out)
    assert "万" not in out and "亿" not in out  # the award's arithmetic too: figures in yuan


def test_check_in_chinese():
    out = wide("check", SAMPLE, *IN_2020, "--lang", "zh").stdout
    assert "措施" in out and "奖补" in out and "金额" in out and "截止" in out and "Measure" not in out
    row = next(line for line in out.splitlines() if "xishan-2020:19.2" in line)
    assert "增长15%: 0.2% × 2.3亿" in row and "46.00万" in row and "80.00万" in row and "是" in row
    assert "差一点：再达到以下数字即可符合或升档" in out
    assert (
        "xishan-2020:19.2: 2020年工业总产值 2.3亿 → 2.4亿（+1000万）即满足 "
        "industrial_output.growth >= 20% → 72.00万 (+26.00万)"
    ) in out
    needs = re.search(r"缺少数据的措施（补充后可评估） \[\d+\]: (.*) …\s+另\s+\d+\s+项", out, re.S)
    assert needs and "2020年" in needs.group(1) and "years." not in needs.group(1)  # words, not keys
    assert "¥" not in out


def test_list_in_both_languages():
    en = wide("list", "--policy", "xishan-2020", "--lang", "en").stdout
    row = next(line for line in en.splitlines() if "xishan-2020:19.2" in line)
    assert "¥1,500,000.00" in row and "2020-12-31" in row
    assert "Measure" in en and "Cap" in en and re.search(r"\n\d+ measures$", en.rstrip())
    zh = wide("list", "--policy", "xishan-2020", "--lang", "zh").stdout
    row = next(line for line in zh.splitlines() if "xishan-2020:19.2" in line)
    assert "150.00万" in row and "分档：增长10%" in row
    assert "上限" in zh and re.search(r"\n\d+ 项措施$", zh.rstrip()) and "¥" not in zh


def test_machine_formats_stay_plain_yuan_in_either_language():
    for lang in ("zh", "en"):
        data = json.loads(run("check", SAMPLE, "--format", "json", *IN_2020, "--lang", lang).stdout)
        r = next(r for r in data["companies"][0]["results"] if r["id"] == "xishan-2020:19.2")
        assert r["amount"] == 460000 and r["cap"] == 800000
        rows = list(
            csv.DictReader(io.StringIO(run("check", SAMPLE, "--format", "csv", *IN_2020, "--lang", lang).stdout))
        )
        assert next(r for r in rows if r["id"] == "xishan-2020:19.2")["amount"] == "460000"


def test_errors_in_both_languages():
    res = run("list", "--region", "xishn", "--lang", "zh")
    assert res.exit_code == 2
    assert res.stderr.startswith("polcalc: 错误：--region 'xishn' 不是已知地区（是否为 'xishan'？）；可选：anning")
    res = run("list", "--region", "xishn", "--lang", "en")
    assert res.stderr.startswith("polcalc: error: --region 'xishn' is not a region (did you mean 'xishan'?); valid:")
    res = run("check", SAMPLE, "--policy", "xishan-2021", "--lang", "zh")
    assert res.exit_code == 2 and "不是已知政策文件" in res.stderr
    res = run("check", SAMPLE, "--as-of", "2020-13-01", "--lang", "zh")
    assert res.exit_code == 2 and "日期请写作 YYYY-MM-DD" in res.stderr
    res = run("explain", "xishan-2020:19.22", "--lang", "zh")
    assert res.exit_code == 2 and "没有措施 'xishan-2020:19.22'（是否为" in res.stderr
    res = run("explain", "xishan-2020:19.2", "--format", "csv", "--lang", "zh")
    assert res.exit_code == 2 and "explain 没有 csv 格式" in res.stderr
    res = run("check", "no/such.toml", "--lang", "zh")
    assert res.exit_code == 2 and res.stderr.startswith("polcalc: 错误：no/such.toml")


def test_quiet_keeps_the_table_and_the_total_only(tmp_path: Path):
    profile = tmp_path / "odd-year.toml"
    profile.write_text(
        Path(SAMPLE).read_text(encoding="utf-8") + '\n[years.2031]\nindustrial_output = "1亿"\n', encoding="utf-8"
    )
    loud = wide("check", str(profile), *IN_2020, "--lang", "en")
    assert "polcalc: warning:" in loud.stderr and "years.2031" in loud.stderr  # so the quiet run can fail
    assert "※1" in loud.stdout and "Near misses" in loud.stdout and "Measures that need data" in loud.stdout
    assert "Also available (no money)" in loud.stdout
    quiet = wide("check", str(profile), *IN_2020, "--lang", "en", "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    out = quiet.stdout
    assert "xishan-2020:19.2" in out and "¥460,000.00" in out and "Total: cash grants ¥684,000.00" in out
    for section in ("※", "Near misses", "Measures that need data", "Also available"):
        assert section not in out, section
    res = runner.invoke(app, ["check", str(profile), "no/such.toml", "-q"], env=WIDE)
    assert res.exit_code == 2 and "no such file" in res.stderr and "warning" not in res.stderr  # errors still show


def test_quiet_on_list_and_explain():
    assert not wide("list", "--policy", "anning-2020", "-q", "--lang", "en").stdout.rstrip().endswith("measures")
    loud = wide("explain", "xishan-2020:19.2", SAMPLE, *IN_2020, "--lang", "en").stdout
    quiet = wide("explain", "xishan-2020:19.2", SAMPLE, *IN_2020, "--lang", "en", "-q").stdout
    assert "Near miss:" in loud and "Near miss:" not in quiet and "Result: eligible, ¥460,000.00" in quiet
