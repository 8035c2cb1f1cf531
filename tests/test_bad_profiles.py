"""The corpus of bad profiles: each one's exact message, exit status 2, no traceback, and the
good files of the same run still evaluated. A message ending in "valid: …" lists the vocabulary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.engine.catalog import load_catalog

CORPUS = Path(__file__).parent / "bad_profiles"
GOOD = "sample_companies/xishan-machinery.toml"
runner = CliRunner()

EXPECTED = {
    "bad_recognition_level.toml": "recognitions[0].level: 'city' is not a level of little_giant; valid: provincial, national",
    "boolean_year.toml": "events[0].year: true is not a year: write a whole year, e.g. 2020",
    "binary.toml": "this is a binary file, not a TOML profile",
    "chinese_numerals.toml": "years.2020.revenue (line 5): cannot read '三千万' as an amount: write digits with an optional 万 or 亿 (e.g. 3000万, 1.2亿, 3,000,000)",
    "deeply_nested.toml": "nested too deeply: a profile is a few flat tables",
    "double_decimal_point.toml": "years.2020.revenue (line 5): cannot read '1.2.3亿' as an amount: write digits with an optional 万 or 亿 (e.g. 3000万, 1.2亿, 3,000,000)",
    "duplicate_key.toml": "TOML syntax error: Cannot overwrite a value (at line 6, column 17)",
    "empty.toml": "the file is empty: a profile needs at least name and region",
    "fractional_count.toml": "years.2020.insured_employees (line 5): a count must be a whole number, not 12.5",
    "gbk_encoded.toml": "the file is GBK/GB18030-encoded: save it as UTF-8 (e.g. iconv -f GBK -t UTF-8)",
    "impossible_month.toml": "months.2023-13: '2023-13' is not a month; write [months.\"2023-01\"]",
    "impossible_year.toml": "years.1890: '1890' is not a year (1990-2100); write [years.2020]",
    "missing_region.toml": "region: missing: every profile needs name and region",
    "misspelt_figure.toml": "years.2020.revenu (line 5): unknown figure (did you mean 'revenue'?)",
    "misspelt_status.toml": "status.above_scal (line 5): unknown status (did you mean 'above_scale'?); valid: …",
    "negative_money.toml": "years.2020.revenue (line 5): cannot be negative ('-5万')",
    "percent_for_a_count.toml": "years.2020.layoffs (line 5): '5%' is a percentage; this field takes an amount",
    "syntax_error.toml": "TOML syntax error: Illegal character '\\n' (at line 5, column 16)",
    "too_large.toml": "file is 1,000,001 bytes; a profile may be at most 1,000,000",
    "unknown_event.toml": "events[0].kind: unknown kind 'fire'; valid: …",
    "unknown_industry.toml": "industry (line 3): unknown industry 'restaurant'; valid: …",
    "unknown_region.toml": "region (line 2): unknown region 'beijing'; valid: anning, xinzhou, xishan, yangquan-chengqu, kunming, yangquan",
    "unknown_size.toml": "size (line 4): unknown size 'tiny'; valid: micro, small, medium, large",
    "unknown_top_key.toml": "regoin (line 4): unknown key (did you mean 'region'?); valid keys: name, region, industry, size, status, years, months, recognitions, events, notes",
    "whitespace_only.toml": "the file is empty: a profile needs at least name and region",
    "wrong_type_figure.toml": "years.2020.revenue (line 5): expected a number, got true",
    "wrong_type_name.toml": "name: Input should be a valid string",
    "wrong_type_status.toml": "status.above_scale (line 5): must be true or false, not 'yes'",
    "yearly_figure_by_month.toml": "months.2023-01.revenue (line 5): this figure is yearly only; put it under [years.YYYY]",
}


def test_every_file_of_the_corpus_has_an_expected_message():
    assert sorted(p.name for p in CORPUS.glob("*.toml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_profile_message(name: str):
    path = CORPUS / name
    res = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr  # one message
    prefix = f"polcalc: error: {path}: "
    assert lines[0].startswith(prefix)
    message, expected = lines[0][len(prefix) :], EXPECTED[name]
    if expected.endswith("valid: …"):
        head, _, listed = message.partition("; valid: ")
        assert head + "; valid: …" == expected
        vocab = load_catalog().vocabulary
        words = set(vocab.status) | set(vocab.industries) | set(vocab.events) | set(vocab.figures)
        assert set(listed.split(", ")) <= words | {
            "name",
            "region",
            "industry",
            "size",
            "status",
            "years",
            "months",
            "recognitions",
            "events",
            "notes",
        }
    else:
        assert message == expected
    assert json.loads(res.stdout)["companies"] == []


def test_the_whole_corpus_with_one_good_file_evaluates_the_good_one():
    res = runner.invoke(app, ["check", str(CORPUS), GOOD, "--format", "jsonl"])
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == len(EXPECTED)
    (line,) = res.stdout.strip().splitlines()
    assert json.loads(line)["file"] == GOOD
    assert "Traceback" not in res.stderr


def test_a_directory_with_no_profiles(tmp_path: Path):
    res = runner.invoke(app, ["check", str(tmp_path)])
    assert res.exit_code == 2
    assert res.stderr.strip() == f"polcalc: error: {tmp_path}: directory has no *.toml profiles"


def test_a_year_no_measure_reads_is_a_warning_not_an_error(tmp_path: Path):
    path = tmp_path / "old.toml"
    path.write_text('name = "x"\nregion = "xishan"\n[years.2031]\nrevenue = "100万"\n', encoding="utf-8")
    res = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert res.exit_code == 0
    assert "warning" in res.stderr and "years.2031" in res.stderr
    assert len(json.loads(res.stdout)["companies"]) == 1
