"""The Yangquan Chengqu sample refractory firm gets the awards it was built to hit (amounts by hand)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from polcalc.engine.compiled import load_catalog
from polcalc.engine.evaluate import Result, evaluate_company
from polcalc.inputs.profiles import read_profile

SAMPLE = Path(__file__).resolve().parents[2] / "sample_companies" / "yangquan-refractory.toml"
IND = "yangquan-chengqu-2023-industry"


@pytest.fixture(scope="module")
def refractory() -> dict[str, Result]:
    catalog = load_catalog()
    profile = read_profile(str(SAMPLE), SAMPLE.read_bytes(), catalog.vocabulary)
    company = evaluate_company(profile, catalog, dt.date(2023, 6, 30))
    return {r.id: r for r in company.results}


def test_sample_sees_only_chengqu_measures(refractory):
    assert {rid.split(":")[0] for rid in refractory} == {IND, "yangquan-chengqu-2023-investment"}
    assert len(refractory) == 26 + 18


def test_sample_2a_best_period_march_55pct_takes_3wan(refractory):
    # Jan+Feb 1240万 vs 1080万 = +14.8% (positive); March 1085万 vs 700万 = +55%: the 50% band, 3万.
    r = refractory[f"{IND}:2a"]
    assert r.status == "eligible" and r.amount == Decimal("30000") and r.open


def test_sample_3a_provincial_specialized_sme_2021_takes_2wan(refractory):
    assert refractory[f"{IND}:3a"].status == "eligible"
    assert refractory[f"{IND}:3a"].amount == Decimal("20000")
    for letter in "bcd":
        assert refractory[f"{IND}:3{letter}"].status == "ineligible"


def test_sample_4b_one_whole_step_of_in_district_sourcing(refractory):
    # 1800/6000 = 30% -> 2625/7000 = 37.5%: one 5-point step; 5% × 7000万 × 1% = 3.5万 (under the 5万 cap).
    r = refractory[f"{IND}:4b"]
    assert r.status == "eligible" and r.amount == Decimal("35000")
    assert refractory[f"{IND}:4a"].status == "ineligible"  # not a chain leader


def test_sample_15_revenue_first_past_1yi_takes_5wan(refractory):
    # 9350万 (2022, the best year so far) -> 1.12亿 (2023): first past 1亿.
    r = refractory[f"{IND}:15"]
    assert r.status == "eligible" and r.amount == Decimal("50000")


def test_sample_other_money_measures(refractory):
    assert refractory[f"{IND}:2b"].status == "ineligible"  # not on the 小升规 cultivation list
    assert refractory[f"{IND}:16"].status == "ineligible"  # no first-batch new material
    r = refractory[f"{IND}:14a"]
    assert r.status == "needs_data" and r.missing == ("status.rd_institution_listed",)


def test_sample_cash_total_is_13_5wan(refractory):
    cash = [r for r in refractory.values() if r.cash and r.counted()]
    assert sorted(r.id for r in cash) == [f"{IND}:15", f"{IND}:2a", f"{IND}:3a", f"{IND}:4b"]
    assert sum(r.amount for r in cash) == Decimal("135000")
