"""Anning 2020 (安政通〔2020〕3号): hand-computed cases from the text, the article in each test's name."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from polcalc.engine.compiled import load_catalog
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


def test_5_refund_half_of_2019_premiums():
    # 50% × 27.6万 paid in 2019 = 13.8万.
    data = with_years({2019: {"insured_employees": 180, "layoffs": 9, "unemployment_insurance_paid": "27.6万"}})
    r = evaluate("anning-2020:5", data)
    assert r.status == "eligible"
    assert r.amount == Decimal("138000")
    assert r.amount_max == Decimal("138000")


def test_5_few_layoffs_is_the_departments_call_not_a_rate_the_text_never_gives():
    # 12/200 = 6% laid off in 2019: the text sets no layoff-rate test, so the refund stands
    # (50% × 30万 = 15万) with the "few layoffs" test shown as a caveat for 人社局.
    data = with_years({2019: {"insured_employees": 200, "layoffs": 12, "unemployment_insurance_paid": "30万"}})
    r = evaluate("anning-2020:5", data)
    assert r.status == "eligible" and r.amount == Decimal("150000")
    assert any("少裁员" in c.zh for c in r.measure.caveats)


def test_5_layoff_figures_are_not_asked_for():
    r = evaluate("anning-2020:5", with_years({2019: {"unemployment_insurance_paid": "4.5万"}}))
    assert r.status == "eligible" and r.amount == Decimal("22500")


def test_5_premiums_paid_in_2019_two_yuan_refunds_one_none_refunds_nothing():
    # The ordinary route needs premiums actually paid in 2019 (a paying, insured firm).
    r = evaluate("anning-2020:5", with_years({2019: {"unemployment_insurance_paid": 2}}))
    assert r.status == "eligible" and r.amount == Decimal("1")
    assert evaluate("anning-2020:5", with_years({2019: {"unemployment_insurance_paid": 0}})).status == "ineligible"


def test_5_a_large_firm_is_not_excluded():
    data = with_years({2019: {"insured_employees": 1200, "layoffs": 0, "unemployment_insurance_paid": "180万"}})
    data["size"] = "large"
    assert evaluate("anning-2020:5", data).amount == Decimal("900000")


def test_5_difficulty_route_six_months_of_benefit_per_insured_employee():
    # In difficulty: 6 × 1350 × 40 insured in 2020 = 32.4万,
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


def test_5_difficulty_route_one_insured_employee_passes_none_fails():
    # 6 × 1350 × 1 = 8100; with nobody insured in 2020 and nothing paid in 2019, no refund.
    data = with_years(
        {
            2019: {"unemployment_insurance_paid": 0},
            2020: {"insured_employees": 1, "unemployment_benefit_monthly": 1350},
        },
        temporary_difficulty=True,
    )
    r = evaluate("anning-2020:5", data)
    assert r.status == "eligible" and r.amount == Decimal("8100")
    data["years"][2020]["insured_employees"] = 0
    assert evaluate("anning-2020:5", data).status == "ineligible"


def test_5_difficulty_route_not_open_to_a_firm_not_in_difficulty():
    # Not in difficulty: only 50% × 6万 = 3万, although 6 × 1350 × 40 would be more.
    data = with_years(
        {
            2019: {"insured_employees": 40, "unemployment_insurance_paid": "6万"},
            2020: {"insured_employees": 40, "unemployment_benefit_monthly": 1350},
        },
    )
    r = evaluate("anning-2020:5", data)
    assert r.amount == Decimal("30000") and r.computed.tier_index == 0


def test_5_difficulty_route_without_benefit_level_asks_for_it():
    # Neither route's money figure is given: both are named as missing.
    data = with_years({2020: {"insured_employees": 40}}, temporary_difficulty=True)
    r = evaluate("anning-2020:5", data)
    assert r.status == "needs_data"
    assert set(r.missing) == {"years.2019.unemployment_insurance_paid", "years.2020.unemployment_benefit_monthly"}


def test_5_missing_premiums_names_the_key():
    data = with_years({2019: {"insured_employees": 180, "layoffs": 1}})
    r = evaluate("anning-2020:5", data)
    assert r.status == "needs_data"
    assert r.missing == ("years.2019.unemployment_insurance_paid",)


# ---------------------------------------------------------------- article 6


def test_6_range_400_to_6000_per_payment():
    # 12 one-off payments: 400 × 12 = 4,800 to 6,000 × 12 = 72,000; the department fixes the sum.
    r = evaluate("anning-2020:6", with_years({2020: {"employment_subsidy_payments": 12}}))
    assert r.status == "eligible"
    assert r.amount is None
    assert r.computed.amount_min == Decimal("4800")
    assert r.amount_max == Decimal("72000")


def test_6_monthly_subsidies_count_one_payment_per_person_per_month():
    # 10 one-off hires + 2 trainees paid monthly for 6 months = 22 payments: 8,800 to 132,000.
    r = evaluate("anning-2020:6", with_years({2020: {"employment_subsidy_payments": 10 + 2 * 6}}))
    assert r.computed.amount_min == Decimal("8800")
    assert r.amount_max == Decimal("132000")


def test_6_one_payment_is_enough_none_is_not():
    r = evaluate("anning-2020:6", with_years({2020: {"employment_subsidy_payments": 1}}))
    assert r.status == "eligible" and r.computed.amount_min == Decimal("400") and r.amount_max == Decimal("6000")
    assert evaluate("anning-2020:6", with_years({2020: {"employment_subsidy_payments": 0}})).status == "ineligible"


def test_6_missing_payments_names_the_key():
    r = evaluate("anning-2020:6", with_years({}))
    assert r.status == "needs_data"
    assert r.missing == ("years.2020.employment_subsidy_payments",)


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
