"""Conditions a department judges (issue 14): a rank in the district, "contributing most".

Given in the profile, the fact decides like any condition; not given, the result stands with
its caveat and explain names the key that would settle it. Each case is worked from the text
of Xishan 2020 (shared/policies/xishan-2020.txt), the article in the test's name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.engine.compiled import load_catalog
from polcalc.engine.evaluate import ELIGIBLE, INELIGIBLE, evaluate_company
from polcalc.engine.nearmiss import company_near_misses
from tests.conftest import IN_FORCE_2020, evaluate, make_profile

runner = CliRunner()
AS_OF = ["--as-of", "2020-06-30"]


def _maker(industry: str, rank: int | None = None, **status: bool) -> dict[str, Any]:
    """An above-scale manufacturer whose output grew 15% in 2020 (2亿 → 2.3亿): 19.2's 0.2% tier."""
    year_2020: dict[str, Any] = {"industrial_output": "2.3亿"}
    if rank is not None:
        year_2020["industrial_output_rank"] = rank
    return {
        "name": "测试制造",
        "region": "xishan",
        "industry": industry,
        "size": "medium",
        "status": {"above_scale": True, "strategic_emerging": False, **status},
        "years": {2019: {"industrial_output": "2亿"}, 2020: year_2020},
    }


def _reasons(result) -> str:
    return " ".join(c.describe("en") for c in result.failed)


# ------------------------------------------------------------------ 19.2: output rank within the sector


@pytest.mark.parametrize(
    ("industry", "limit"),
    [("equipment_manufacturing", 10), ("processing_manufacturing", 10), ("phosphorus_chemical", 8), ("biomedicine", 3)],
)
def test_xishan_2020_19_2_rank_at_the_sectors_limit_passes_one_past_fails(industry: str, limit: int):
    at = evaluate("xishan-2020:19.2", _maker(industry, limit))
    assert at.status == ELIGIBLE and at.amount == 460_000  # 0.2% × 2.3亿, under the 80万 cap
    past = evaluate("xishan-2020:19.2", _maker(industry, limit + 1))
    assert past.status == INELIGIBLE and past.amount is None
    assert f"industrial_output_rank <= {limit}" in _reasons(past)


def test_xishan_2020_19_2_food_maker_ranked_fourth_fails_though_top_ten():
    # 食品及生物医药行业排名前3: the 10 of equipment makers does not apply to it.
    result = evaluate("xishan-2020:19.2", _maker("food_manufacturing", 4))
    assert result.status == INELIGIBLE and "industrial_output_rank <= 3" in _reasons(result)


def test_xishan_2020_19_2_without_a_rank_stays_eligible_with_the_caveat_and_names_the_key():
    result = evaluate("xishan-2020:19.2", _maker("equipment_manufacturing"))
    assert result.status == ELIGIBLE and result.amount == 460_000
    assert any("前10" in c.zh for c in result.measure.caveats)
    unsettled = [k for c in result.checks for k in c.unsettled]
    assert unsettled == ["years.2020.industrial_output_rank"]
    assert result.missing == ()  # eligible: nothing is "needed" for it


def test_xishan_2020_19_2_a_given_rank_settles_it_nothing_left_unsettled():
    result = evaluate("xishan-2020:19.2", _maker("equipment_manufacturing", 3))
    assert [k for c in result.checks for k in c.unsettled] == []


def test_xishan_2020_19_2_rank_is_never_derived_from_the_companys_own_output():
    # A firm with a huge output is still unranked until the profile says so.
    data = _maker("equipment_manufacturing")
    data["years"][2020]["industrial_output"] = "50亿"
    result = evaluate("xishan-2020:19.2", data)
    assert [k for c in result.checks for k in c.unsettled] == ["years.2020.industrial_output_rank"]


# ------------------------------------------------------------------ 9.3.5 and 9.3.6: turnover-increase rank


def _trade(industry: str, rank: int | None) -> dict[str, Any]:
    """An above-quota lodging or catering firm whose 2020 turnover grew 20% (3000万 → 3600万)."""
    year_2020: dict[str, Any] = {"revenue": "3600万"}
    if rank is not None:
        year_2020["revenue_increase_rank"] = rank
    return {
        "name": "测试",
        "region": "xishan",
        "industry": industry,
        "size": "medium",
        "status": {"above_scale": True},
        "years": {2019: {"revenue": "3000万"}, 2020: year_2020},
    }


def test_xishan_2020_9_3_6_rank_10_passes_11_fails_missing_keeps_the_caveat():
    # Increase 600万: the band 500万—1000万（含） pays 20万.
    assert evaluate("xishan-2020:9.3.6", _trade("catering", 10)).amount == 200_000
    past = evaluate("xishan-2020:9.3.6", _trade("catering", 11))
    assert past.status == INELIGIBLE and "revenue_increase_rank <= 10" in _reasons(past)
    unknown = evaluate("xishan-2020:9.3.6", _trade("catering", None))
    assert unknown.status == ELIGIBLE and unknown.amount == 200_000
    assert [k for c in unknown.checks for k in c.unsettled] == ["years.2020.revenue_increase_rank"]


def test_xishan_2020_9_3_5_rank_10_passes_11_fails_missing_keeps_the_caveat():
    assert evaluate("xishan-2020:9.3.5", _trade("lodging", 10)).status == ELIGIBLE
    past = evaluate("xishan-2020:9.3.5", _trade("lodging", 11))
    assert past.status == INELIGIBLE and "revenue_increase_rank <= 10" in _reasons(past)
    unknown = evaluate("xishan-2020:9.3.5", _trade("lodging", None))
    assert unknown.status == ELIGIBLE and any("前10" in c.zh for c in unknown.measure.caveats)


# ------------------------------------------------------------------ 14.2.1: the district's top three exporters


def _exporter(rank: int | None) -> dict[str, Any]:
    year_2020: dict[str, Any] = {"export_earnings": "800万"}
    if rank is not None:
        year_2020["export_earnings_rank"] = rank
    return {"name": "出口", "region": "xishan", "industry": "wholesale", "years": {2020: year_2020}}


def test_xishan_2020_14_2_1_rank_3_passes_4_fails_missing_keeps_the_caveat():
    third = evaluate("xishan-2020:14.2.1", _exporter(3))
    assert third.status == ELIGIBLE and third.amount_max == 200_000
    fourth = evaluate("xishan-2020:14.2.1", _exporter(4))
    assert fourth.status == INELIGIBLE and "export_earnings_rank <= 3" in _reasons(fourth)
    unknown = evaluate("xishan-2020:14.2.1", _exporter(None))
    assert unknown.status == ELIGIBLE and [k for c in unknown.checks for k in c.unsettled] == [
        "years.2020.export_earnings_rank"
    ]


# ------------------------------------------------------------------ 9.3.3b, 9.3.4b, 9.3.7b: "contributing most"


@pytest.mark.parametrize(
    ("measure", "industry"),
    [("xishan-2020:9.3.3b", "wholesale"), ("xishan-2020:9.3.4b", "retail"), ("xishan-2020:9.3.7b", "repair")],
)
def test_xishan_2020_9_3_special_awards_follow_the_departments_judgement(measure: str, industry: str):
    def firm(**status: bool) -> dict[str, Any]:
        return {"name": "商贸", "region": "xishan", "industry": industry, "status": {"above_scale": True, **status}}

    assert evaluate(measure, firm(top_contributor=True)).status == ELIGIBLE
    refused = evaluate(measure, firm(top_contributor=False))
    assert refused.status == INELIGIBLE and "top_contributor" in _reasons(refused)
    unknown = evaluate(measure, firm())
    assert unknown.status == ELIGIBLE
    assert [k for c in unknown.checks for k in c.unsettled] == ["status.top_contributor"]


# ------------------------------------------------------------------ near misses, validation, the CLI


def test_near_misses_never_suggest_changing_a_rank():
    catalog = load_catalog()
    for rank in (11, 30):
        profile = make_profile(_maker("equipment_manufacturing", rank))
        company = evaluate_company(profile, catalog, IN_FORCE_2020)
        hints = company_near_misses(company, catalog, IN_FORCE_2020, limit=100)
        assert not [h for h in hints if h.figure.endswith("_rank")]
        assert not [h for h in hints if h.measure_id == "xishan-2020:19.2"]  # no figure change can help


SAMPLE = Path(__file__).resolve().parent.parent / "sample_companies" / "xishan-machinery.toml"


def _with_rank(tmp_path: Path, value: str) -> Path:
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "[years.2020]\n", f"[years.2020]\nindustrial_output_rank = {value}\n"
    )
    path = tmp_path / "ranked.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _result(stdout: str, measure: str) -> dict[str, Any]:
    data = json.loads(stdout)
    return next(r for r in data["companies"][0]["results"] if r["id"] == measure)


def test_done_when_an_equipment_maker_ranked_11th_is_refused_19_2_and_unranked_is_eligible(tmp_path: Path):
    ranked = runner.invoke(app, ["check", str(_with_rank(tmp_path, "11")), "-f", "json", "--all", *AS_OF])
    assert ranked.exit_code == 0, ranked.stderr
    r = _result(ranked.stdout, "xishan-2020:19.2")
    assert r["status"] == "ineligible" and any("industrial_output_rank <= 10" in x for x in r["reasons"])
    plain = runner.invoke(app, ["check", str(SAMPLE), "-f", "json", *AS_OF])
    r = _result(plain.stdout, "xishan-2020:19.2")
    assert r["status"] == "eligible" and r["amount"] == 460_000 and r["caveats"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_explain_names_the_key_that_would_settle_the_rank(lang: str):
    res = runner.invoke(app, ["explain", "xishan-2020:19.2", str(SAMPLE), "-f", "json", "--lang", lang, *AS_OF])
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    notes = [c["note"] for c in data["trace"]["checks"] if c["note"]]
    assert any("years.2020.industrial_output_rank" in n for n in notes)
    assert "industrial_output_rank" in " ".join(data["measure"]["judged"])


@pytest.mark.parametrize("value", ["0", "-1", "1.5", '"first"'])
def test_a_rank_is_a_whole_number_from_1(tmp_path: Path, value: str):
    res = runner.invoke(app, ["check", str(_with_rank(tmp_path, value)), *AS_OF])
    assert res.exit_code == 2
    assert "years.2020.industrial_output_rank" in res.stderr and "Traceback" not in res.stderr


def test_screen_reads_a_rank_column(tmp_path: Path):
    path = tmp_path / "pop.csv"
    path.write_text(
        "id,name,region,industry,status_above_scale,status_strategic_emerging,"
        "industrial_output_2019,industrial_output_2020,industrial_output_rank_2020\n"
        "A,甲,xishan,equipment_manufacturing,true,false,2亿,2.3亿,10\n"
        "B,乙,xishan,equipment_manufacturing,true,false,2亿,2.3亿,11\n"
        "C,丙,xishan,equipment_manufacturing,true,false,2亿,2.3亿,\n",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["screen", str(path), "--format", "jsonl", "--all", *AS_OF])
    assert res.exit_code == 0, res.stderr
    status = {}
    for line in res.stdout.splitlines():
        company = json.loads(line)
        status[company["id"]] = next(r["status"] for r in company["results"] if r["id"] == "xishan-2020:19.2")
    assert status == {"A": "eligible", "B": "ineligible", "C": "eligible"}


@pytest.mark.parametrize(("rank", "status"), [(10, ELIGIBLE), (11, INELIGIBLE), (None, ELIGIBLE)])
def test_xishan_2020_19_2_screens_way_without_reasons_judges_the_rank_as_check_does(rank: int | None, status: str):
    # A screen (detail=False) reads each condition's outcome alone, never its Check.
    profile = make_profile(_maker("equipment_manufacturing", rank))
    for detail in (True, False):
        company = evaluate_company(profile, load_catalog(), IN_FORCE_2020, detail=detail, money_only=not detail)
        result = next(r for r in company.results if r.id == "xishan-2020:19.2")
        assert result.status == status, detail
