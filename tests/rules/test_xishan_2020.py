"""Xishan 2020: hand-computed cases, the article in each test's name."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import evaluate

MACHINERY = {
    "name": "m",
    "region": "xishan",
    "industry": "equipment_manufacturing",
    "size": "medium",
    "status": {"above_scale": True, "strategic_emerging": False},
}


def output(prev: str, cur: str, **status: bool) -> dict:
    return {
        **MACHINERY,
        "status": {**MACHINERY["status"], **status},
        "years": {2019: {"industrial_output": prev}, 2020: {"industrial_output": cur}},
    }


def test_19_2_growth_exactly_15pct_takes_0_2pct_tier():
    # 2.3亿 against 2亿 is exactly 15% (binary floats say 14.999...%): 0.2% × 2.3亿 = 46万.
    r = evaluate("xishan-2020:19.2", output("2亿", "2.3亿"))
    assert r.status == "eligible"
    assert r.amount == Decimal("460000")
    assert r.cap == Decimal("800000")


def test_19_2_growth_just_under_10pct_is_ineligible():
    r = evaluate("xishan-2020:19.2", output("2亿", "2.1999亿"))
    assert r.status == "ineligible"


def test_19_2_growth_exactly_10pct_takes_0_1pct():
    r = evaluate("xishan-2020:19.2", output("2亿", "2.2亿"))
    assert r.amount == Decimal("220000")


def test_19_2_strategic_emerging_20pct_capped_at_150wan():
    # 0.4% × 4.8亿 = 192万, above the 150万 cap of the strategic-emerging 20% tier.
    r = evaluate("xishan-2020:19.2", output("4亿", "4.8亿", strategic_emerging=True))
    assert r.amount == Decimal("1500000")
    assert r.computed.capped


def test_3_2_refund_half_of_2019_premiums_for_large_firm_within_target():
    # 13 laid off of 240 insured = 5.42%, within 2019's 5.5% target: 50% × 38.4万 = 19.2万.
    data = {
        **MACHINERY,
        "years": {2019: {"insured_employees": 240, "layoffs": 13, "unemployment_insurance_paid": "38.4万"}},
    }
    r = evaluate("xishan-2020:3.2", data)
    assert r.status == "eligible"
    assert r.amount == Decimal("192000")


def test_3_2_layoff_rate_above_target_is_ineligible():
    # 14/240 = 5.83% > 5.5%.
    data = {
        **MACHINERY,
        "years": {2019: {"insured_employees": 240, "layoffs": 14, "unemployment_insurance_paid": "38.4万"}},
    }
    assert evaluate("xishan-2020:3.2", data).status == "ineligible"


def test_3_2_small_firm_may_lay_off_exactly_20pct():
    data = {
        **MACHINERY,
        "size": "small",
        "years": {2019: {"insured_employees": 30, "layoffs": 6, "unemployment_insurance_paid": "4.5万"}},
    }
    r = evaluate("xishan-2020:3.2", data)
    assert r.status == "eligible" and r.amount == Decimal("22500")
    data["years"][2019]["layoffs"] = 7
    assert evaluate("xishan-2020:3.2", data).status == "ineligible"


def test_3_2_missing_premiums_names_the_key():
    data = {**MACHINERY, "years": {2019: {"insured_employees": 240, "layoffs": 1}}}
    r = evaluate("xishan-2020:3.2", data)
    assert r.status == "needs_data"
    assert r.missing == ("years.2019.unemployment_insurance_paid",)


def test_7_2_whole_10000_tonne_lots_only():
    data = {**MACHINERY, "industry": "phosphorus_chemical", "years": {2020: {"phosphogypsum_used": 29999}}}
    assert evaluate("xishan-2020:7.2", data).amount == Decimal("100000")
    data["years"][2020]["phosphogypsum_used"] = 30000
    assert evaluate("xishan-2020:7.2", data).amount == Decimal("150000")


def test_7_2_capped_at_200wan():
    data = {**MACHINERY, "industry": "phosphorus_chemical", "years": {2020: {"phosphogypsum_used": 410000}}}
    assert evaluate("xishan-2020:7.2", data).amount == Decimal("2000000")


def test_major_accident_bars_every_measure():
    data = {**output("2亿", "2.3亿"), "events": [{"kind": "major_safety_accident", "year": 2020}]}
    assert evaluate("xishan-2020:19.2", data).status == "ineligible"
