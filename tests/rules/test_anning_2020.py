"""Anning 2020 (安政通〔2020〕3号): hand-computed cases from the text, the article in each test's name."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from polcalc.catalog import load_catalog
from tests.conftest import evaluate

PLANT = {
    "name": "a",
    "region": "anning",
    "industry": "processing_manufacturing",
    "size": "medium",
    "status": {"above_scale": True, "temporary_difficulty": False},
}


def with_years(years: dict, **status: bool) -> dict:
    return {**PLANT, "status": {**PLANT["status"], **status}, "years": years}


# ---------------------------------------------------------------- policy-wide


def test_every_article_has_a_measure():
    catalog = load_catalog()
    policy = catalog.policies["anning-2020"]
    assert policy.articles == tuple(str(n) for n in range(1, 11))
    ids = [m.article for m in catalog.measures_for(policy="anning-2020")]
    for article in policy.articles:
        assert any(re.fullmatch(rf"{re.escape(article)}[a-z]?", a) for a in ids), article


def test_window_closes_after_2020():
    data = with_years({2019: {"insured_employees": 180, "layoffs": 9, "unemployment_insurance_paid": "27.6万"}})
    r = evaluate("anning-2020:5", data, as_of=dt.date(2020, 12, 31))
    assert r.open and r.deadline == dt.date(2020, 12, 31)
    assert not evaluate("anning-2020:5", data, as_of=dt.date(2021, 1, 1)).open
    assert not evaluate("anning-2020:5", data, as_of=dt.date(2020, 2, 7)).open


# ---------------------------------------------------------------- article 5


def test_5_refund_half_of_2019_premiums_within_target():
    # 9 of 180 insured laid off in 2019 = 5%, within 2019's 5.5% target: 50% × 27.6万 = 13.8万.
    data = with_years({2019: {"insured_employees": 180, "layoffs": 9, "unemployment_insurance_paid": "27.6万"}})
    r = evaluate("anning-2020:5", data)
    assert r.status == "eligible"
    assert r.amount == Decimal("138000")
    assert r.amount_max == Decimal("138000")


def test_5_layoff_rate_exactly_at_target_passes_just_over_fails():
    # 11/200 = 5.5% exactly: eligible, 50% × 30万 = 15万; 12/200 = 6%: not.
    data = with_years({2019: {"insured_employees": 200, "layoffs": 11, "unemployment_insurance_paid": "30万"}})
    r = evaluate("anning-2020:5", data)
    assert r.status == "eligible" and r.amount == Decimal("150000")
    data["years"][2019]["layoffs"] = 12
    assert evaluate("anning-2020:5", data).status == "ineligible"


def test_5_no_layoffs_is_eligible_for_a_large_firm_too():
    data = with_years({2019: {"insured_employees": 1200, "layoffs": 0, "unemployment_insurance_paid": "180万"}})
    data["size"] = "large"
    assert evaluate("anning-2020:5", data).amount == Decimal("900000")


def test_5_thirty_insured_may_lay_off_exactly_20pct():
    # 6/30 = 20%: eligible, 50% × 4.5万 = 2.25万; 7/30 = 23.3%: not.
    data = with_years({2019: {"insured_employees": 30, "layoffs": 6, "unemployment_insurance_paid": "4.5万"}})
    r = evaluate("anning-2020:5", data)
    assert r.status == "eligible" and r.amount == Decimal("22500")
    data["years"][2019]["layoffs"] = 7
    assert evaluate("anning-2020:5", data).status == "ineligible"


def test_5_thirty_one_insured_fall_under_the_national_target_not_20pct():
    # 6/31 = 19.4%: within 20% but above 5.5%, and 31 > 30 insured: ineligible.
    data = with_years({2019: {"insured_employees": 31, "layoffs": 6, "unemployment_insurance_paid": "4.6万"}})
    assert evaluate("anning-2020:5", data).status == "ineligible"


def test_5_difficulty_route_six_months_of_benefit_per_insured_employee():
    # In difficulty, 1/40 laid off in 2019 (2.5%): 6 × 1350 × 40 insured in 2020 = 32.4万,
    # above 50% × 6万 = 3万 of the ordinary route, so the difficulty route applies.
    data = with_years(
        {
            2019: {"insured_employees": 40, "layoffs": 1, "unemployment_insurance_paid": "6万"},
            2020: {"insured_employees": 40, "unemployment_benefit_monthly": 1350},
        },
        temporary_difficulty=True,
    )
    r = evaluate("anning-2020:5", data)
    assert r.status == "eligible"
    assert r.amount == Decimal("324000")
    assert r.computed.tier_index == 1


def test_5_difficulty_route_takes_the_higher_of_the_two():
    # 50% × 80万 = 40万 beats 6 × 1350 × 40 = 32.4万.
    data = with_years(
        {
            2019: {"insured_employees": 40, "layoffs": 1, "unemployment_insurance_paid": "80万"},
            2020: {"insured_employees": 40, "unemployment_benefit_monthly": 1350},
        },
        temporary_difficulty=True,
    )
    r = evaluate("anning-2020:5", data)
    assert r.amount == Decimal("400000") and r.computed.tier_index == 0


def test_5_difficulty_route_still_needs_few_layoffs():
    # 5/40 = 12.5% > 5.5%: neither route, even in difficulty.
    data = with_years(
        {
            2019: {"insured_employees": 40, "layoffs": 5, "unemployment_insurance_paid": "6万"},
            2020: {"insured_employees": 40, "unemployment_benefit_monthly": 1350},
        },
        temporary_difficulty=True,
    )
    assert evaluate("anning-2020:5", data).status == "ineligible"


def test_5_difficulty_route_without_benefit_level_asks_for_it():
    # Only the difficulty route's figures are given: the local benefit level is named as missing.
    data = with_years(
        {2019: {"insured_employees": 40, "layoffs": 1}, 2020: {"insured_employees": 40}},
        temporary_difficulty=True,
    )
    r = evaluate("anning-2020:5", data)
    assert r.status == "needs_data"
    assert set(r.missing) == {"years.2019.unemployment_insurance_paid", "years.2020.unemployment_benefit_monthly"}


def test_5_missing_premiums_names_the_key():
    data = with_years({2019: {"insured_employees": 180, "layoffs": 1}})
    r = evaluate("anning-2020:5", data)
    assert r.status == "needs_data"
    assert r.missing == ("years.2019.unemployment_insurance_paid",)


# ---------------------------------------------------------------- article 6


def test_6_range_400_to_6000_per_person():
    # 12 people: 400 × 12 = 4,800 to 6,000 × 12 = 72,000; the department fixes the sum.
    r = evaluate("anning-2020:6", with_years({2020: {"employment_support_headcount": 12}}))
    assert r.status == "eligible"
    assert r.amount is None
    assert r.computed.amount_min == Decimal("4800")
    assert r.amount_max == Decimal("72000")


def test_6_one_person_is_enough_none_is_not():
    r = evaluate("anning-2020:6", with_years({2020: {"employment_support_headcount": 1}}))
    assert r.status == "eligible" and r.amount_max == Decimal("6000")
    assert evaluate("anning-2020:6", with_years({2020: {"employment_support_headcount": 0}})).status == "ineligible"


def test_6_missing_headcount_names_the_key():
    r = evaluate("anning-2020:6", with_years({}))
    assert r.status == "needs_data"
    assert r.missing == ("years.2020.employment_support_headcount",)


# ---------------------------------------------------------------- article 10


def test_10_exactly_500wan_investment_qualifies_amount_not_stated():
    r = evaluate("anning-2020:10", with_years({2020: {"technical_upgrade_investment": "500万"}}))
    assert r.status == "eligible"
    assert r.amount is None and r.amount_max is None
    assert r.measure.caveats  # 符合产业政策 is the department's call


def test_10_just_under_500wan_is_ineligible():
    data = with_years({2020: {"technical_upgrade_investment": "4999999.99"}})
    assert evaluate("anning-2020:10", data).status == "ineligible"


def test_10_non_industrial_firm_is_ineligible():
    data = {**with_years({2020: {"technical_upgrade_investment": "800万"}}), "industry": "retail"}
    assert evaluate("anning-2020:10", data).status == "ineligible"


# ---------------------------------------------------------------- articles 2, 7, 8 and the services


def test_2_needs_a_newly_attracted_project():
    assert evaluate("anning-2020:2", with_years({})).status == "ineligible"
    data = {**with_years({}), "events": [{"kind": "newly_introduced_project", "year": 2020}]}
    r = evaluate("anning-2020:2", data)
    assert r.status == "eligible" and r.amount is None and r.amount_max is None and r.cap is None


def test_7_deferral_for_firms_in_difficulty_only():
    r = evaluate("anning-2020:7", with_years({}, temporary_difficulty=True))
    assert r.status == "eligible" and r.amount is None
    assert r.measure.benefit == "deferral"
    assert evaluate("anning-2020:7", with_years({})).status == "ineligible"


def test_8_hardship_tax_relief_amount_left_to_tax_office():
    r = evaluate("anning-2020:8", with_years({}))
    assert r.status == "eligible" and r.amount is None
    assert r.measure.benefit == "tax_relief"


@pytest.mark.parametrize("article", ["1", "4", "9"])
def test_service_articles_carry_no_money(article):
    r = evaluate(f"anning-2020:{article}", with_years({}))
    assert r.status == "eligible"
    assert r.amount is None and r.amount_max is None
    assert r.measure.award.kind == "none"
