"""`polcalc init`: the template lists what each region reads, in the right tables, and passes
check; the questionnaire writes the answers as typed and check finds the award they earn."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.engine.compiled import load_catalog
from polcalc.engine.reads import fields_used
from polcalc.formats.profile_template import Answers, figure_problem, region_keys, render_profile, toml_value
from polcalc.inputs.profiles import parse_profile_text

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "docs" / "profile.schema.json"
CATALOG = load_catalog()
VOCAB = CATALOG.vocabulary
REGIONS = list(VOCAB.regions)
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def check_json(path: Path, as_of: str) -> dict:
    res = run("check", str(path), "--format", "json", "--as-of", as_of)
    assert res.exit_code == 0, res.stderr
    (company,) = json.loads(res.stdout)["companies"]
    return {r["id"]: r for r in company["results"]}


# ---------------------------------------------------------------- the template (non-interactive)


@pytest.mark.parametrize("region", REGIONS)
def test_template_for_each_region_passes_check(region: str, tmp_path: Path):
    out = tmp_path / "new.toml"
    res = run("init", str(out), "--region", region)
    assert res.exit_code == 0, res.stderr
    text = out.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("#:schema ") and (out.parent / first.split(" ", 1)[1]).resolve() == SCHEMA
    assert f'region = "{region}"' in text
    assert str(out) in res.stderr and "polcalc check" in res.stderr
    res = run("check", str(out), "--format", "json")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout)["companies"][0]["region"] == region


def _filled(text: str) -> str:
    """The template with every commented key filled in with an example of its unit."""
    examples = {
        "yuan": '"2.3亿"',
        "usd": '"50万"',
        "count": "150",
        "rank": "8",
        "tonnes": "1200",
        "m2": "3500",
        "mu": "200",
        "ratio": '"70%"',
    }

    def fill(match: re.Match[str]) -> str:
        name = match[1]
        if name not in VOCAB.figures:  # industry, size, kind: left as they are
            return match[0]
        return f"{name} = {examples[VOCAB.figures[name].unit]}"

    text = re.sub(r'^# (\w+) = ""', fill, text, flags=re.MULTILINE)
    return re.sub(r"^# (\w+) = true/false", r"\1 = true", text, flags=re.MULTILINE)


@pytest.mark.parametrize("region", REGIONS)
def test_template_holds_every_key_the_region_reads_in_its_table(region: str):
    res = run("init", "--region", region)  # no FILE: standard output
    assert res.exit_code == 0, res.stderr
    profile = parse_profile_text(_filled(res.stdout), "filled", VOCAB)  # uncommented, it still reads
    for (section, name), use in fields_used(CATALOG, region).items():
        if section == "figure":
            for year in use.years:
                assert name in profile.years.get(year, {}), f"years.{year}.{name}"
        elif section == "status":
            assert profile.status.get(name) is True, f"status.{name}"
        elif section in ("recognition", "event"):
            assert re.search(rf"^#   {name} ", res.stdout, re.MULTILINE), f"{section} {name}"


@pytest.mark.parametrize("region", ["xinzhou", "yangquan-chengqu"])
def test_template_lists_the_months_monthly_measures_read(region: str):
    res = run("init", "-", "--region", region)
    profile = parse_profile_text(_filled(res.stdout), "filled", VOCAB)
    # Both regions compare January to March 2023 with the same months of 2022.
    assert sorted(profile.months) == ["2022-01", "2022-02", "2022-03", "2023-01", "2023-02", "2023-03"]
    assert all("industrial_output" in figures for figures in profile.months.values())


def test_template_comment_names_meaning_unit_and_readers():
    res = run("init", "--region", "xishan", "--industry", "catering", "--name", "西山滇味")
    line = next(x for x in res.stdout.splitlines() if x.startswith('# revenue = ""'))
    assert "营业收入" in line and "operating revenue" in line and "yuan" in line and "9.3.6" in line
    assert 'name = "西山滇味"' in res.stdout and 'industry = "catering"' in res.stdout


def test_template_without_size_lists_the_figures_size_is_derived_from():
    res = run("init", "--region", "xishan", "--industry", "catering")
    profile = parse_profile_text(_filled(res.stdout), "filled", VOCAB)
    assert "employees" in profile.years[2020] and "revenue" in profile.years[2020]
    with_size = run("init", "--region", "xishan", "--industry", "catering", "--size", "medium")
    assert "for the size class" in res.stdout and "for the size class" not in with_size.stdout


def test_init_refuses_to_overwrite_without_force(tmp_path: Path):
    out = tmp_path / "mine.toml"
    out.write_text("precious", encoding="utf-8")
    res = run("init", str(out), "--region", "anning")
    assert res.exit_code == 2
    assert "already exists" in res.stderr and "--force" in res.stderr and "Traceback" not in res.stderr
    assert out.read_text(encoding="utf-8") == "precious"
    res = run("init", str(out), "--region", "anning", "--force")
    assert res.exit_code == 0 and 'region = "anning"' in out.read_text(encoding="utf-8")


def test_init_refuses_before_asking_anything(tmp_path: Path):
    out = tmp_path / "mine.toml"
    out.write_text("precious", encoding="utf-8")
    res = run("init", str(out), "--lang", "zh", input="西山滇味\n")
    assert res.exit_code == 2 and "已存在" in res.stderr and "企业名称" not in res.stderr


def test_bad_options_are_usage_errors():
    res = run("init", "--region", "xishn")
    assert res.exit_code == 2 and "did you mean 'xishan'" in res.stderr and "Traceback" not in res.stderr
    res = run("init", "--region", "xishan", "--industry", "restaurant")
    assert res.exit_code == 2 and "--industry" in res.stderr
    res = run("init", "missing-dir/new.toml", "--region", "xishan")
    assert res.exit_code == 2 and "does not exist" in res.stderr


def test_no_region_and_no_answers_says_what_to_do():
    res = run("init", input="")
    assert res.exit_code == 2
    assert "--region" in res.stderr and "Traceback" not in res.stderr


# ---------------------------------------------------------------- the questionnaire


def _caterer_answers(*, bad_first: bool = False) -> str:
    """Answers for a Xishan restaurant group, in the order init asks (the order is the rules')."""
    keys = region_keys(CATALOG, "xishan", "catering", "medium")
    lines = ["西山滇味餐饮管理有限公司", "xishan", "catering", "medium"]
    lines.append("y")  # answer the statuses
    status = {"above_scale": True, "private": True, "headquarters": False}
    lines += [{True: "y", False: "n"}.get(status.get(u.name), "") for u in keys.statuses]  # type: ignore[arg-type]
    keys = region_keys(CATALOG, "xishan", "catering", "medium", status)  # what the statuses leave open
    figures = {
        2019: {"revenue": "3600万", "insured_employees": "150", "layoffs": "4", "unemployment_insurance_paid": "7.2万"},
        2020: {"revenue": "4250万", "insured_employees": "148"},
    }
    for year in sorted(set(keys.years) | set(keys.months)):
        if year not in figures:
            lines.append("")  # Enter: skip the whole year
            continue
        lines.append("y")
        for use in keys.years[year]:
            if bad_first and year == 2019 and use.name == "revenue":
                lines += ["三千六百万", "-5万"]  # refused by the reader, asked again
            lines.append(figures[year].get(use.name, ""))
    lines += ["", ""]  # no recognitions, no events
    return "\n".join(lines) + "\n"


def test_interactive_caterer_gets_the_9_3_6_award(tmp_path: Path):
    out = tmp_path / "caterer.toml"
    res = run("init", str(out), "--lang", "en", input=_caterer_answers(bad_first=True))
    assert res.exit_code == 0, res.stderr
    text = out.read_text(encoding="utf-8")
    for line in (
        'name = "西山滇味餐饮管理有限公司"',
        'region = "xishan"',
        'industry = "catering"',
        'size = "medium"',
        "above_scale = true",
        "private = true",
        "headquarters = false",
        'revenue = "3600万"',
        'revenue = "4250万"',
        'unemployment_insurance_paid = "7.2万"',
        "insured_employees = 150",
        "layoffs = 4",
    ):
        assert re.search(rf"^{re.escape(line)}\s", text, re.MULTILINE), line
    assert "# epidemic_supplies_producer = true/false" in text  # unanswered: left as a comment
    assert "strategic_emerging" not in text  # read only by industrial measures, closed to a caterer
    # The prompt shows year, meaning, unit and an example; bad answers are refused with the reader's reason.
    assert (
        "2019 营业收入（主营业务收入、营业额） operating revenue" in res.stderr and "(yuan, e.g. 2.3亿)" in res.stderr
    )
    assert "cannot read '三千六百万' as an amount" in res.stderr and "cannot be negative" in res.stderr
    results = check_json(out, "2020-06-30")
    assert results["xishan-2020:9.3.6"]["status"] == "eligible"
    assert results["xishan-2020:9.3.6"]["amount"] == 200000  # increase 650万: the 500万-1000万 band
    assert results["xishan-2020:3.2"]["amount"] == 36000  # 50% of 2019's 7.2万 premiums


def test_interactive_groups_skipped_with_enter_ask_nothing_inside():
    answers = "某公司\n3\n18\n\n" + "\n" * 20  # name, region by number, industry by number, no size, Enter ...
    res = run("init", "--lang", "en", input=answers)
    assert res.exit_code == 0, res.stderr
    assert 'region = "xishan"' in res.stdout and 'industry = "catering"' in res.stdout
    assert "Enter the" in res.stderr and "operating revenue (" not in res.stderr  # no figure was asked
    assert '# size = ""' in res.stdout


def test_interactive_messages_follow_lang():
    zh = run("init", "--lang", "zh", "--region", "anning", "--ask", "--name", "安宁某厂", input="\n" * 10)
    en = run("init", "--lang", "en", "--region", "anning", "--ask", "--name", "安宁某厂", input="\n" * 10)
    assert zh.exit_code == en.exit_code == 0
    assert "行业" in zh.stderr and "逐项回答" in zh.stderr and "Answer each" not in zh.stderr
    assert "Industry" in en.stderr and "answer each question" in en.stderr and "逐项回答" not in en.stderr
    assert zh.stdout == en.stdout  # the file itself is bilingual


def test_interactive_required_answers_at_end_of_input_are_an_error():
    res = run("init", "--lang", "en", input="\n\n")
    assert res.exit_code == 2
    assert "no answer on standard input" in res.stderr and "Traceback" not in res.stderr


def test_interactive_region_must_be_a_choice():
    res = run("init", "--lang", "en", input="某公司\nbeijing\nxishan\n" + "\n" * 30)
    assert res.exit_code == 0, res.stderr
    assert "'beijing' is not one of the choices" in res.stderr and 'region = "xishan"' in res.stdout


# ---------------------------------------------------------------- the core helpers


def test_figure_problem_uses_the_readers_words():
    assert figure_problem(VOCAB, "revenue", "3000万") is None
    assert "cannot read" in (figure_problem(VOCAB, "revenue", "三千万") or "")
    assert "whole number" in (figure_problem(VOCAB, "layoffs", "2.5") or "")
    assert "over 100%" in (figure_problem(VOCAB, "building_occupancy_rate", "150%") or "")


def test_answers_are_written_as_typed():
    assert toml_value("3000000", "yuan") == "3000000"
    assert toml_value("3,000,000", "yuan") == '"3,000,000"'
    assert toml_value("1.2亿", "yuan") == '"1.2亿"'
    assert toml_value("0.7", "ratio") == "0.7" and toml_value("70%", "ratio") == '"70%"'
    assert toml_value("1,600", "count") == "1600"
    assert toml_value("007", "yuan") == '"007"'  # not a TOML number: kept as a string


def test_rendered_answers_read_back_as_given():
    answers = Answers(
        region="yangquan-chengqu",
        name='带"引号"的公司',
        industry="building_materials",
        years={2023: {"revenue": "1.2亿"}},
        months={"2023-01": {"industrial_output": "1200万"}},
        recognitions=[("specialized_sme", "provincial", 2022)],
        events=[("first_above_scale", 2023)],
    )
    profile = parse_profile_text(render_profile(CATALOG, answers, None), "rendered", VOCAB)
    assert profile.name == '带"引号"的公司'
    assert profile.years[2023]["revenue"] == 120_000_000
    assert profile.months["2023-01"]["industrial_output"] == 12_000_000
    assert [(r.kind, r.level, r.year) for r in profile.recognitions] == [("specialized_sme", "provincial", 2022)]
    assert [(e.kind, e.year) for e in profile.events] == [("first_above_scale", 2023)]
