"""`polcalc rules check`: broken rule files are refused with file and key, never executed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.engine.catalog import rules_dir
from polcalc.engine.lint import rule_problems
from tests import ruletext
from tests.ruletext import header

HEADER = header("test-2020", ["1", "2"])


def measure(mid: str = "test-2020:1", award: str = '{ kind = "fixed", amount = "5万" }', extra: str = "") -> str:
    return ruletext.measure(mid, award, extra)


@pytest.fixture
def rules(tmp_path: Path):
    shutil.copytree(rules_dir() / "common", tmp_path / "common")

    def write(text: str) -> Path:
        (tmp_path / "test-2020.toml").write_text(HEADER + text, encoding="utf-8")
        return tmp_path

    return write


def test_a_clean_file_passes(rules):
    assert rule_problems(rules(measure() + measure("test-2020:2"))) == []


def test_article_with_no_measure(rules):
    assert rule_problems(rules(measure())) == ["test-2020.toml: policy.articles: article 2 has no measure"]


def test_unknown_fact_names_file_key_and_suggestion(rules):
    (problem,) = rule_problems(
        rules(measure(extra='when = ["industral_output.growth >= 10%"]') + measure("test-2020:2"))
    )
    assert problem.startswith("test-2020.toml: measures[0](test-2020:1).when:")
    assert "did you mean 'industrial_output'" in problem


def test_hostile_expression_is_refused_at_load(rules):
    (problem,) = rule_problems(
        rules(measure(extra="when = [\"__import__('os').system('true')\"]") + measure("test-2020:2"))
    )
    assert "measures[0](test-2020:1).when" in problem and "not a fact name" in problem


def test_overlapping_bands(rules):
    tiers = """{ kind = "tiers", tiers = [
      { label = { zh = "一", en = "one" }, when = ["revenue.increase >= 30万", "revenue.increase <= 100万"], award = { kind = "fixed", amount = "5万" } },
      { label = { zh = "二", en = "two" }, when = ["revenue.increase >= 100万", "revenue.increase <= 500万"], award = { kind = "fixed", amount = "10万" } },
    ] }"""
    problems = rule_problems(rules(measure(award=tiers) + measure("test-2020:2")))
    assert problems == ["test-2020.toml: test-2020:1: tiers[0] and tiers[1] overlap on revenue.increase at 1000000"]


def test_gapped_bands(rules):
    tiers = """{ kind = "tiers", tiers = [
      { label = { zh = "一", en = "one" }, when = ["revenue.increase >= 30万", "revenue.increase < 100万"], award = { kind = "fixed", amount = "5万" } },
      { label = { zh = "二", en = "two" }, when = ["revenue.increase > 100万", "revenue.increase <= 500万"], award = { kind = "fixed", amount = "10万" } },
    ] }"""
    (problem,) = rule_problems(rules(measure(award=tiers) + measure("test-2020:2")))
    assert "leave a gap on revenue.increase" in problem


def test_cap_below_smallest_award(rules):
    (problem,) = rule_problems(rules(measure(extra='cap = "1万"') + measure("test-2020:2")))
    assert problem == "test-2020.toml: test-2020:1: cap 10000 is below the award's 50000"


def test_dates_out_of_order(rules):
    (problem,) = rule_problems(
        rules(measure(extra="valid_from = 2020-06-01\nvalid_to = 2020-05-01") + measure("test-2020:2"))
    )
    assert "measures[0](test-2020:1)" in problem and "after valid_to" in problem


def test_duplicate_ids(rules):
    problems = rule_problems(rules(measure() + measure()))
    assert "test-2020.toml: measures[1](test-2020:1).id: duplicate measure id" in problems


def test_unknown_key_and_wrong_type_both_reported(rules):
    problems = rule_problems(rules(measure(extra='capp = "5万"') + measure("test-2020:2", extra='cap = "lots"')))
    assert any("measures[0](test-2020:1).capp: unknown key" in p for p in problems)
    assert any("measures[1](test-2020:2).cap: cannot read 'lots'" in p for p in problems)


def test_toml_syntax_error_names_the_file(rules):
    problems = rule_problems(rules("[[measures]\n"))
    assert len(problems) == 1 and "test-2020.toml" in problems[0] and "TOML syntax" in problems[0]


def test_command_exit_status(rules):
    runner = CliRunner()
    bad = runner.invoke(app, ["rules", "check", str(rules(measure()))])
    assert bad.exit_code == 2 and "article 2 has no measure" in bad.stderr
    good = runner.invoke(app, ["rules", "check", str(rules(measure() + measure("test-2020:2")))])
    assert good.exit_code == 0, good.stderr
