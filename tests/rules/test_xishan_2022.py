"""Xishan 2022 draft: hand-computed cases, the article in each test's name.

The draft was never in force: every measure must say open == False on any date, and
every result must carry draft == True.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from polcalc.engine.compiled import load_catalog
from tests.conftest import evaluate

MID_2022 = dt.date(2022, 7, 1)
POLICY = "xishan-2022"

SME = {
    "name": "s",
    "region": "xishan",
    "industry": "catering",
    "size": "small",
}


def refund_case(insured: int, layoffs: int, paid: str, size: str = "small") -> dict:
    """Job-retention inputs: 2021 is the year before the 2022 policy year."""
    return {
        **SME,
        "size": size,
        "years": {2021: {"insured_employees": insured, "layoffs": layoffs, "unemployment_insurance_paid": paid}},
    }


def rent_case(rent: str, risk_area: bool, size: str = "small", industry: str = "catering", leases: bool = True) -> dict:
    return {
        **SME,
        "size": size,
        "industry": industry,
        "status": {"leases_state_owned_premises": leases, "premises_in_covid_risk_area": risk_area},
        "years": {2022: {"state_premises_monthly_rent": rent}},
    }


# ---------------------------------------------------------------- the document as a whole


def test_every_article_1_to_31_has_a_measure_and_nothing_else():
    catalog = load_catalog()
    policy = catalog.policies[POLICY]
    assert policy.articles == tuple(str(n) for n in range(1, 32))
    articles = {re.sub(r"[a-z]$", "", m.article) for m in catalog.measures_for(policy=POLICY)}
    assert articles == set(policy.articles)


def test_policy_is_a_draft_for_2022_with_no_window():
    policy = load_catalog().policies[POLICY]
    assert policy.draft is True
    assert policy.year == 2022
    assert policy.valid_from is None and policy.valid_to is None
    assert policy.issued is None and policy.document_number is None
    assert "draft" in policy.validity_note.en


@pytest.mark.parametrize("as_of", [dt.date(2022, 1, 1), MID_2022, dt.date(2022, 12, 31), dt.date(2023, 4, 30)])
def test_every_measure_is_never_open_and_flagged_draft(as_of):
    catalog = load_catalog()
    ids = [m.id for m in catalog.measures_for(policy=POLICY)]
    assert len(ids) == 49
    for mid in ids:
        r = evaluate(mid, refund_case(40, 2, "3.2万"), as_of)
        assert r.open is False, mid
        assert r.draft is True, mid
        assert r.deadline is None, mid


def test_draft_results_are_not_counted_in_totals():
    r = evaluate("xishan-2022:23", rent_case("1万", risk_area=False), MID_2022)
    assert r.status == "eligible"
    assert not r.counted()
    assert r.counted(include_drafts=True)


# ---------------------------------------------------------------- 3a job-retention refund, up to 90%


def test_3a_sme_ceiling_is_90pct_of_2021_premiums_amount_not_fixed():
    # 2/40 = 5% ≤ 5.5% (2021 target): 60% × 3.2万 = 1.92万 to 90% × 3.2万 = 2.88万; the share is not fixed.
    r = evaluate("xishan-2022:3a", refund_case(40, 2, "3.2万"), MID_2022)
    assert r.status == "eligible"
    assert r.amount is None
    assert r.amount_max == Decimal("28800")
    assert r.computed.amount_min == Decimal("19200")


def test_3a_layoff_rate_exactly_5_5pct_passes_just_over_fails():
    # 11/200 = 5.5% exactly: 60% × 24.6万 = 14.76万 to 90% × 24.6万 = 22.14万. 12/200 = 6% > 5.5%.
    r = evaluate("xishan-2022:3a", refund_case(200, 11, "24.6万", size="medium"), MID_2022)
    assert r.status == "eligible" and r.amount_max == Decimal("221400")
    assert r.computed.amount_min == Decimal("147600")
    assert evaluate("xishan-2022:3a", refund_case(200, 12, "24.6万", size="medium"), MID_2022).status == "ineligible"


def test_3a_30_insured_may_lay_off_exactly_20pct_not_more():
    # 6/30 = 20%: 90% × 2.1万 = 1.89万; 7/30 = 23.3% fails.
    r = evaluate("xishan-2022:3a", refund_case(30, 6, "2.1万", size="micro"), MID_2022)
    assert r.status == "eligible" and r.amount_max == Decimal("18900")
    assert evaluate("xishan-2022:3a", refund_case(30, 7, "2.1万", size="micro"), MID_2022).status == "ineligible"


def test_3a_31_insured_falls_under_the_5_5pct_test():
    # 2/31 = 6.45%: above 5.5%, and the 20% allowance stops at 30 insured.
    assert evaluate("xishan-2022:3a", refund_case(31, 2, "2.2万"), MID_2022).status == "ineligible"
    # 1/31 = 3.23% passes: 90% × 2.2万 = 1.98万.
    assert evaluate("xishan-2022:3a", refund_case(31, 1, "2.2万"), MID_2022).amount_max == Decimal("19800")


def test_3a_no_layoffs_fen_exact():
    # 0 laid off: 90% × 12,345.67 = 11,111.103 yuan, 60% × = 7,407.402 (before rounding to fen).
    r = evaluate("xishan-2022:3a", refund_case(12, 0, "12345.67", size="micro"), MID_2022)
    assert r.amount_max == Decimal("11111.103")
    assert r.computed.amount_min == Decimal("7407.402")


def test_3a_large_firm_qualifies_but_share_not_stated():
    r = evaluate("xishan-2022:3a", refund_case(900, 10, "150万", size="large"), MID_2022)
    assert r.status == "eligible"
    assert r.amount is None and r.amount_max is None


def test_3a_reads_2021_premiums_not_2022():
    data = {
        **SME,
        "years": {
            2021: {"insured_employees": 40, "layoffs": 1},
            2022: {"insured_employees": 40, "layoffs": 0, "unemployment_insurance_paid": "5万"},
        },
    }
    r = evaluate("xishan-2022:3a", data, MID_2022)
    assert r.status == "needs_data"
    assert r.missing == ("years.2021.unemployment_insurance_paid",)


def test_3a_missing_layoffs_are_named():
    data = {"name": "s", "region": "xishan", "years": {2021: {"insured_employees": 40}}}
    r = evaluate("xishan-2022:3a", data, MID_2022)
    assert r.status == "needs_data"
    assert "years.2021.layoffs" in r.missing


# ---------------------------------------------------------------- 23 rent relief, 3 or 6 months


def test_23_risk_area_six_months_rent():
    # 6 × 1.85万 = 11.1万.
    r = evaluate("xishan-2022:23", rent_case("1.85万", risk_area=True), MID_2022)
    assert r.status == "eligible" and r.amount == Decimal("111000") and r.amount_max == Decimal("111000")


def test_23_other_area_three_months_rent():
    # 3 × 1.85万 = 5.55万.
    r = evaluate("xishan-2022:23", rent_case("1.85万", risk_area=False), MID_2022)
    assert r.status == "eligible" and r.amount == Decimal("55500")


def test_23_fen_exact():
    # 6 × 12,345.67 = 74,074.02; 3 × = 37,037.01.
    assert evaluate("xishan-2022:23", rent_case("12345.67", True), MID_2022).amount == Decimal("74074.02")
    assert evaluate("xishan-2022:23", rent_case("12345.67", False), MID_2022).amount == Decimal("37037.01")


def test_23_small_passes_medium_fails():
    assert evaluate("xishan-2022:23", rent_case("2万", False, size="small"), MID_2022).amount == Decimal("60000")
    assert evaluate("xishan-2022:23", rent_case("2万", False, size="micro"), MID_2022).amount == Decimal("60000")
    assert evaluate("xishan-2022:23", rent_case("2万", False, size="medium"), MID_2022).status == "ineligible"


def test_23_service_sector_only():
    assert evaluate("xishan-2022:23", rent_case("2万", False, industry="retail"), MID_2022).status == "eligible"
    assert evaluate("xishan-2022:23", rent_case("2万", False, industry="repair"), MID_2022).status == "eligible"
    for industry in ("food_manufacturing", "construction", "agriculture"):
        assert evaluate("xishan-2022:23", rent_case("2万", False, industry=industry), MID_2022).status == "ineligible"


def test_23_private_landlord_is_ineligible_without_asking_rent():
    data = {**SME, "status": {"leases_state_owned_premises": False, "premises_in_covid_risk_area": True}}
    assert evaluate("xishan-2022:23", data, MID_2022).status == "ineligible"


def test_23_missing_rent_and_risk_status_are_named():
    data = {**SME, "status": {"leases_state_owned_premises": True}}
    r = evaluate("xishan-2022:23", data, MID_2022)
    assert r.status == "needs_data"
    assert set(r.missing) == {"status.premises_in_covid_risk_area"}
    data["status"]["premises_in_covid_risk_area"] = True
    r = evaluate("xishan-2022:23", data, MID_2022)
    assert r.status == "needs_data" and r.missing == ("years.2022.state_premises_monthly_rent",)


# ---------------------------------------------------------------- grants with no stated sum


def test_3b_retention_training_subsidy_unfixed_for_disrupted_sme():
    data = {**SME, "status": {"disrupted_by_force_majeure": True}, "years": {2022: {"insured_employees": 12}}}
    r = evaluate("xishan-2022:3b", data, MID_2022)
    assert r.status == "eligible" and r.amount is None and r.amount_max is None
    data["status"]["disrupted_by_force_majeure"] = False
    assert evaluate("xishan-2022:3b", data, MID_2022).status == "ineligible"


def test_3c_needs_a_kunming_hukou_hire_by_a_non_state_firm():
    data = {**SME, "status": {"private": True}, "years": {2022: {"local_hukou_hires": 1}}}
    assert evaluate("xishan-2022:3c", data, MID_2022).status == "eligible"
    data["years"][2022]["local_hukou_hires"] = 0
    assert evaluate("xishan-2022:3c", data, MID_2022).status == "ineligible"


def test_3e_one_new_graduate_is_enough_for_an_sme():
    data = {**SME, "size": "medium", "years": {2022: {"new_graduate_hires": 1}}}
    assert evaluate("xishan-2022:3e", data, MID_2022).status == "eligible"
    data["size"] = "large"
    assert evaluate("xishan-2022:3e", data, MID_2022).status == "ineligible"


# ---------------------------------------------------------------- no-money measures


def test_7a_procurement_price_deduction_is_no_money():
    r = evaluate("xishan-2022:7a", SME, MID_2022)
    assert r.status == "eligible" and r.amount is None and r.amount_max is None
    assert r.measure.benefit == "service"


def test_9_bank_incentive_is_not_money_for_the_firm():
    r = evaluate("xishan-2022:9", SME, MID_2022)
    assert r.status == "eligible" and r.amount is None and r.measure.award.kind == "none"


def test_only_3a_and_23_carry_computed_amounts():
    catalog = load_catalog()
    kinds = {m.id: m.award.kind for m in catalog.measures_for(policy=POLICY)}
    assert kinds["xishan-2022:3a"] == "tiers" and kinds["xishan-2022:23"] == "tiers"
    assert {k for k, v in kinds.items() if v == "up_to"} == {
        "xishan-2022:3b",
        "xishan-2022:3c",
        "xishan-2022:3e",
        "xishan-2022:24b",
        "xishan-2022:26a",
        "xishan-2022:26b",
    }


def test_24a_utility_deferral_for_small_firm_in_difficulty():
    data = {**SME, "status": {"temporary_difficulty": True}}
    r = evaluate("xishan-2022:24a", data, MID_2022)
    assert r.status == "eligible" and r.measure.benefit == "deferral"
    assert evaluate("xishan-2022:24a", {**data, "size": "medium"}, MID_2022).status == "ineligible"
