"""Yangquan Chengqu 2023 (城政办发〔2023〕5号): hand-computed cases from the text, article in each name.

Two documents in one notice: the twenty industrial measures (`-industry`) and the eighteen
investment measures (`-investment`). Amounts below are worked out from the text, not the engine.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from polcalc.engine.compiled import load_catalog
from tests.conftest import evaluate

IND = "yangquan-chengqu-2023-industry"
INV = "yangquan-chengqu-2023-investment"
IN_FORCE = dt.date(2023, 6, 30)

FIRM = {
    "name": "f",
    "region": "yangquan-chengqu",
    "industry": "building_materials",
    "size": "medium",
    "status": {"above_scale": True},
}


def firm(**extra) -> dict:
    data = {**FIRM, **extra}
    data["status"] = {**FIRM["status"], **extra.get("status", {})}
    return data


def ind(article: str, data: dict, as_of: dt.date = IN_FORCE):
    return evaluate(f"{IND}:{article}", data, as_of)


# ---------------------------------------------------------------- both documents


@pytest.mark.parametrize("policy_id", [IND, INV])
def test_every_listed_article_has_a_measure(policy_id):
    catalog = load_catalog()
    policy = catalog.policies[policy_id]
    covered = {re.sub(r"[a-z]$", "", m.article) for m in catalog.measures_for(policy=policy_id)}
    assert set(policy.articles) == covered


def test_article_counts_are_20_and_18():
    catalog = load_catalog()
    assert catalog.policies[IND].articles == tuple(str(n) for n in range(1, 21))
    assert catalog.policies[INV].articles == tuple(str(n) for n in range(1, 19))


def test_fixed_letter_ids_exist():
    ids = set(load_catalog().measures)
    assert {f"{IND}:2a", f"{IND}:2b", f"{IND}:4a", f"{IND}:4b", f"{IND}:14a", f"{IND}:14b", f"{IND}:15"} <= ids
    assert {f"{IND}:3a", f"{IND}:3b", f"{IND}:3c", f"{IND}:3d"} <= ids
    assert f"{IND}:2" not in ids and f"{IND}:3" not in ids


@pytest.mark.parametrize("policy_id", [IND, INV])
def test_one_year_from_issue_ends_2024_02_12(policy_id):
    policy = load_catalog().policies[policy_id]
    assert policy.valid_from == dt.date(2023, 2, 13)
    assert policy.valid_to == dt.date(2024, 2, 12)
    assert policy.document_number == "城政办发〔2023〕5号"


def test_15_open_on_last_day_closed_the_day_after():
    data = firm(years={2022: {"revenue": "2900万"}, 2023: {"revenue": "3100万"}})
    assert ind("15", data, dt.date(2024, 2, 12)).open
    late = ind("15", data, dt.date(2024, 2, 13))
    assert not late.open and late.deadline == dt.date(2024, 2, 12)
    assert not ind("15", data, dt.date(2023, 2, 12)).open


# ---------------------------------------------------------------- 2a: Q1 2023 monthly output growth


def q1(jan22, feb22, mar22, jan23, feb23, mar23, **extra) -> dict:
    months = {
        "2022-01": jan22,
        "2022-02": feb22,
        "2022-03": mar22,
        "2023-01": jan23,
        "2023-02": feb23,
        "2023-03": mar23,
    }
    return firm(months={k: {"industrial_output": v} for k, v in months.items()}, **extra)


def test_2a_march_growth_exactly_30pct_takes_2wan():
    # 1-2月 1100万 vs 1000万 = +10%; 3月 1300万 vs 1000万 = +30% (inclusive): 2万.
    r = ind("2a", q1("500万", "500万", "1000万", "550万", "550万", "1300万"))
    assert r.status == "eligible"
    assert r.amount == Decimal("20000")


def test_2a_march_growth_just_under_30pct_is_ineligible():
    # 1299.9万 / 1000万 = +29.99%: no band reached.
    r = ind("2a", q1("500万", "500万", "1000万", "550万", "550万", "1299.9万"))
    assert r.status == "ineligible"


def test_2a_exactly_50pct_takes_3wan_and_just_under_100pct_stays_3wan():
    assert ind("2a", q1("500万", "500万", "1000万", "550万", "550万", "1500万")).amount == Decimal("30000")
    assert ind("2a", q1("500万", "500万", "1000万", "550万", "550万", "1999.9万")).amount == Decimal("30000")


def test_2a_just_under_50pct_stays_2wan():
    # 3月 1499.9万 vs 1000万 = +49.99%: the 30% band, 2万.
    assert ind("2a", q1("500万", "500万", "1000万", "550万", "550万", "1499.9万")).amount == Decimal("20000")


def test_2a_exactly_100pct_takes_5wan():
    r = ind("2a", q1("500万", "500万", "1000万", "550万", "550万", "2000万"))
    assert r.amount == Decimal("50000")


def test_2a_january_and_february_are_combined():
    # January alone fell (400万 vs 600万) but January+February grew: 1100万 vs 1000万 = +10%.
    # March +150%: 5万.
    r = ind("2a", q1("600万", "400万", "400万", "400万", "700万", "1000万"))
    assert r.status == "eligible" and r.amount == Decimal("50000")


def test_2a_combined_jan_feb_can_be_the_best_period():
    # 1-2月 1500万 vs 1000万 = +50%; 3月 +10%: best period 50% -> 3万.
    r = ind("2a", q1("500万", "500万", "1000万", "700万", "800万", "1100万"))
    assert r.amount == Decimal("30000")


def test_2a_flat_jan_feb_is_not_positive_growth():
    # 1-2月 exactly 0% growth: "每月均正增长" fails even with March at +100%.
    r = ind("2a", q1("500万", "500万", "1000万", "400万", "600万", "2000万"))
    assert r.status == "ineligible"


def test_2a_not_above_scale_is_ineligible():
    data = q1("500万", "500万", "1000万", "550万", "550万", "2000万", status={"above_scale": False})
    assert ind("2a", data).status == "ineligible"


def test_2a_missing_march_names_the_key():
    data = q1("500万", "500万", "1000万", "550万", "550万", "2000万")
    del data["months"]["2023-03"]
    r = ind("2a", data)
    assert r.status == "needs_data"
    assert r.missing == ('months."2023-03".industrial_output',)


# ---------------------------------------------------------------- 2b: 小升规


def test_2b_entered_above_scale_in_2023_takes_2wan():
    data = firm(
        status={"small_to_above_cultivated": True},
        events=[{"kind": "first_above_scale", "year": 2023}],
    )
    r = ind("2b", data)
    assert r.status == "eligible" and r.amount == Decimal("20000")


def test_2b_three_consecutive_years_takes_3wan_two_years_nothing():
    data = firm(
        status={"small_to_above_cultivated": True},
        events=[{"kind": "first_above_scale", "year": 2021}],
        years={2023: {"consecutive_years_above_scale": 3}},
    )
    r = ind("2b", data)
    assert r.status == "eligible" and r.amount == Decimal("30000")
    data["years"][2023]["consecutive_years_above_scale"] = 2
    assert ind("2b", data).status == "ineligible"


def test_2b_not_on_cultivation_list_is_ineligible():
    data = firm(
        status={"small_to_above_cultivated": False},
        events=[{"kind": "first_above_scale", "year": 2023}],
    )
    assert ind("2b", data).status == "ineligible"


def test_2b_unknown_cultivation_status_needs_data():
    data = firm(events=[{"kind": "first_above_scale", "year": 2023}])
    r = ind("2b", data)
    assert r.status == "needs_data"
    assert r.missing == ("status.small_to_above_cultivated",)


# ---------------------------------------------------------------- 3a-3d: district top-ups


def recognised(*recs: tuple[str, str, int]) -> dict:
    return firm(recognitions=[{"kind": k, "level": lv, "year": y} for k, lv, y in recs])


def test_3a_provincial_specialized_sme_in_2020_takes_2wan_2019_nothing():
    assert ind("3a", recognised(("specialized_sme", "provincial", 2020))).amount == Decimal("20000")
    assert ind("3a", recognised(("specialized_sme", "provincial", 2019))).status == "ineligible"


def test_3a_city_level_specialized_sme_is_not_enough():
    assert ind("3a", recognised(("specialized_sme", "city", 2022))).status == "ineligible"


def test_3b_and_3d_provincial_then_national_little_giant_take_both():
    data = recognised(("little_giant", "provincial", 2021), ("little_giant", "national", 2023))
    assert ind("3b", data).amount == Decimal("30000")
    assert ind("3d", data).amount == Decimal("50000")


def test_3d_provincial_little_giant_only_is_not_national():
    data = recognised(("little_giant", "provincial", 2022))
    assert ind("3b", data).amount == Decimal("30000")
    assert ind("3d", data).status == "ineligible"


def test_3c_provincial_single_champion_takes_3wan_a_national_one_alone_does_not():
    # The text tops up the provincial single champion; it names no national one.
    assert ind("3c", recognised(("single_champion", "provincial", 2020))).amount == Decimal("30000")
    assert ind("3c", recognised(("single_champion", "national", 2022))).status == "ineligible"
    both = recognised(("single_champion", "provincial", 2020), ("single_champion", "national", 2022))
    assert ind("3c", both).amount == Decimal("30000")


def test_3b_national_little_giant_alone_takes_3d_not_3b():
    data = recognised(("little_giant", "national", 2022))
    assert ind("3b", data).status == "ineligible"
    assert ind("3d", data).amount == Decimal("50000")


def test_3d_recognition_after_2023_does_not_count():
    assert ind("3d", recognised(("little_giant", "national", 2024))).status == "ineligible"


# ---------------------------------------------------------------- 4a / 4b: local sourcing


def sourcing(total22, local22, total23, local23, figure="local_purchases", **status: bool) -> dict:
    return firm(
        status=status,
        years={
            2022: {"total_purchases": total22, figure: local22},
            2023: {"total_purchases": total23, figure: local23},
        },
    )


def test_4b_7_5_points_counts_one_whole_step():
    # 1800/6000 = 30% -> 2625/7000 = 37.5%: +7.5 points = 1 step of 5 = 5% × 7000万 = 350万; 1% = 3.5万.
    r = ind("4b", sourcing("6000万", "1800万", "7000万", "2625万", white_list=True))
    assert r.status == "eligible" and r.amount == Decimal("35000")


def test_4b_exactly_5_points_passes():
    # 30% -> 35% on 4000万 of purchases: 5% × 4000万 × 1% = 2万.
    r = ind("4b", sourcing("4000万", "1200万", "4000万", "1400万", white_list=True))
    assert r.amount == Decimal("20000")


def test_4b_just_under_5_points_is_ineligible():
    # 30% -> 34.99%.
    r = ind("4b", sourcing("4000万", "1200万", "4000万", "1399.6万", white_list=True))
    assert r.status == "ineligible"


def test_4b_capped_at_5wan():
    # 30% -> 45% on 7000万: 15% × 7000万 × 1% = 10.5万 -> 5万.
    r = ind("4b", sourcing("6000万", "1800万", "7000万", "3150万", white_list=True))
    assert r.amount == Decimal("50000") and r.computed.capped


def test_4b_not_white_listed_is_ineligible():
    assert ind("4b", sourcing("6000万", "1800万", "7000万", "2625万", white_list=False)).status == "ineligible"


def test_4b_missing_last_year_purchases_names_the_keys():
    data = firm(status={"white_list": True}, years={2023: {"total_purchases": "7000万", "local_purchases": "2625万"}})
    r = ind("4b", data)
    assert r.status == "needs_data"
    assert set(r.missing) == {"years.2022.local_purchases", "years.2022.total_purchases"}


def test_4a_chain_leader_30_to_42pct_of_2yi_takes_20wan():
    # +12 points = 2 steps = 10% × 2亿 = 2000万; 1% = 20万.
    data = sourcing("1.8亿", "5400万", "2亿", "8400万", figure="city_local_purchases", chain_leader=True)
    r = ind("4a", data)
    assert r.status == "eligible" and r.amount == Decimal("200000")


def test_4a_exactly_5_points_passes_just_under_fails():
    # City sourcing 30% -> 35% on 1亿: 5% × 1亿 = 500万; 1% = 5万. 30% -> 34.99%: no step.
    data = sourcing("1亿", "3000万", "1亿", "3500万", figure="city_local_purchases", chain_leader=True)
    r = ind("4a", data)
    assert r.status == "eligible" and r.amount == Decimal("50000")
    data = sourcing("1亿", "3000万", "1亿", "3499万", figure="city_local_purchases", chain_leader=True)
    assert ind("4a", data).status == "ineligible"


def test_4a_capped_at_50wan():
    # 30% -> 70% on 3亿: 8 steps = 40% × 3亿 = 1.2亿; 1% = 120万 -> 50万.
    data = sourcing("3亿", "9000万", "3亿", "2.1亿", figure="city_local_purchases", chain_leader=True)
    r = ind("4a", data)
    assert r.amount == Decimal("500000") and r.cap == Decimal("500000")


def test_4a_not_a_chain_leader_is_ineligible():
    data = sourcing("1.8亿", "5400万", "2亿", "8400万", figure="city_local_purchases", chain_leader=False)
    assert ind("4a", data).status == "ineligible"


# ---------------------------------------------------------------- 14a / 14b: last year's (2022) indicators


def test_14a_and_14b_listed_firm_takes_2wan_and_1wan():
    data = firm(status={"rd_institution_listed": True, "rd_growth_target_met": True})
    assert ind("14a", data).amount == Decimal("20000")
    assert ind("14b", data).amount == Decimal("10000")


def test_14b_target_not_met_is_ineligible():
    data = firm(status={"rd_institution_listed": True, "rd_growth_target_met": False})
    assert ind("14b", data).status == "ineligible"
    assert ind("14a", data).status == "eligible"


def test_14a_reads_2022_above_scale_from_2022_revenue():
    # No above_scale status: derived from 2022 main revenue against the 2000万 industrial threshold.
    data = {**FIRM, "status": {"rd_institution_listed": True}, "years": {2022: {"revenue": "2000万"}}}
    assert ind("14a", data).amount == Decimal("20000")
    data["years"] = {2022: {"revenue": "1999万"}, 2023: {"revenue": "5000万"}}
    assert ind("14a", data).status == "ineligible"


# ---------------------------------------------------------------- 15: revenue first past a threshold


def revenue(**by_year: str) -> dict:
    return firm(years={int(y[1:]): {"revenue": v} for y, v in by_year.items()})


def test_15_just_over_3000wan_first_time_takes_1wan():
    # 突破 = exceeds: 3000.01万 > 3000万 (never exceeded before) -> 1万.
    r = ind("15", revenue(y2022="2900万", y2023="3000.01万"))
    assert r.status == "eligible" and r.amount == Decimal("10000")


def test_15_exactly_3000wan_does_not_break_through():
    # Reaching 3000万 exactly is not exceeding it: no award.
    assert ind("15", revenue(y2022="2900万", y2023="3000万")).status == "ineligible"


def test_15_exactly_3000wan_last_year_then_above_is_still_the_first_time():
    # 2022 at exactly 3000万 did not exceed it; 2023 at 3500万 does, for the first time -> 1万.
    assert ind("15", revenue(y2022="3000万", y2023="3500万")).amount == Decimal("10000")


def test_15_crossing_two_thresholds_in_one_year_takes_the_higher_only():
    # 2500万 -> 6000万 passes 3000万 and 5000万 in 2023: one award, 2万 (not 1万 + 2万).
    assert ind("15", revenue(y2022="2500万", y2023="6000万")).amount == Decimal("20000")


def test_15_just_over_1yi_first_time_takes_5wan_exactly_1yi_stays_2wan():
    # 9000万 -> 1.0001亿 exceeds 1亿 for the first time: 5万. Exactly 1亿 does not exceed 1亿, and
    # 3000万 and 5000万 were already exceeded in 2022 (9000万): nothing.
    assert ind("15", revenue(y2022="9000万", y2023="1.0001亿")).amount == Decimal("50000")
    assert ind("15", revenue(y2022="9000万", y2023="1亿")).status == "ineligible"
    # From 4000万, exactly 1亿 passes 5000万 (first time) but not 1亿: 2万.
    assert ind("15", revenue(y2022="4000万", y2023="1亿")).amount == Decimal("20000")


def test_15_past_3000wan_before_only_the_new_threshold_pays():
    # 2022 already 4000万: 2023 5200万 passes 5000万 only -> 2万.
    assert ind("15", revenue(y2022="4000万", y2023="5200万")).amount == Decimal("20000")


def test_15_regaining_an_earlier_peak_is_not_first():
    # 1.2亿 in 2021, fell to 9000万, back to 1.1亿: no threshold passed for the first time.
    assert ind("15", revenue(y2021="1.2亿", y2022="9000万", y2023="1.1亿")).status == "ineligible"


def test_15_missing_2022_revenue_names_the_key():
    r = ind("15", revenue(y2023="6000万"))
    assert r.status == "needs_data"
    assert "years.2022.revenue" in r.missing


# ---------------------------------------------------------------- 16: provincial new-material insurance


def premium(amount: str) -> dict:
    return firm(status={"first_batch_new_material": True}, years={2023: {"new_material_insurance_premium": amount}})


def test_16_80pct_of_premium():
    r = ind("16", premium("200万"))
    assert r.status == "eligible" and r.amount == Decimal("1600000")
    assert r.measure.benefit == "matching_grant"


def test_16_capped_at_500wan_boundary():
    assert ind("16", premium("625万")).amount == Decimal("5000000")
    r = ind("16", premium("700万"))
    assert r.amount == Decimal("5000000") and r.computed.capped


def test_16_without_first_batch_product_is_ineligible():
    data = premium("200万")
    data["status"]["first_batch_new_material"] = False
    assert ind("16", data).status == "ineligible"


# ---------------------------------------------------------------- non-money measures and their windows


def test_5_supply_guarantee_ends_march_2023():
    r = ind("5", firm(), dt.date(2023, 3, 31))
    assert r.status == "eligible" and r.amount is None and r.open
    assert r.deadline == dt.date(2023, 3, 31)
    assert not ind("5", firm(), dt.date(2023, 4, 1)).open


def test_11_deferral_for_small_firms_in_difficulty_until_30_june_2023():
    data = firm(size="small", status={"temporary_difficulty": True})
    r = ind("11", data)
    assert r.status == "eligible" and r.amount is None and r.deadline == dt.date(2023, 6, 30)
    assert r.measure.benefit == "deferral"
    assert ind("11", firm(size="medium", status={"temporary_difficulty": True})).status == "ineligible"


def test_12_guarantee_support_has_no_amount():
    r = ind("12", firm())
    assert r.status == "eligible" and r.amount is None and r.measure.benefit == "loan_support"


def test_investment_3_needs_the_industry():
    data = {"name": "p", "region": "yangquan-chengqu"}
    r = evaluate(f"{INV}:3", data, IN_FORCE)
    assert r.status == "needs_data" and r.missing == ("industry",)
    r = evaluate(f"{INV}:3", {**data, "industry": "construction"}, IN_FORCE)
    assert r.status == "eligible" and r.amount is None


def test_investment_grants_no_money_to_firms():
    for m in load_catalog().measures_for(policy=INV):
        assert m.award.kind == "none", m.id
        assert m.benefit == "service", m.id
    assert load_catalog().measures[f"{INV}:17"].caveats
