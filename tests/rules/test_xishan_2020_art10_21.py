"""Xishan 2020, articles 10 to 21: hand-computed cases from the text, the article in each test's name."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from polcalc.engine.compiled import load_catalog
from tests.conftest import evaluate

P = "xishan-2020:"


def firm(industry: str, years: dict | None = None, size: str = "medium", **status: bool) -> dict:
    data: dict = {"name": "t", "region": "xishan", "industry": industry, "size": size, "status": dict(status)}
    if years:
        data["years"] = years
    return data


def events(data: dict, *kinds: str, year: int = 2020) -> dict:
    return {**data, "events": [{"kind": k, "year": year} for k in kinds]}


def recognised(data: dict, kind: str, level: str, year: int = 2020) -> dict:
    return {**data, "recognitions": [*data.get("recognitions", []), {"kind": kind, "level": level, "year": year}]}


def wan(n: str) -> Decimal:
    return Decimal(n) * 10_000


# ---------------------------------------------------------------- completeness


def test_articles_10_to_21_each_have_a_measure():
    catalog = load_catalog()
    policy = catalog.policies["xishan-2020"]
    mine = [a for a in policy.articles if 10 <= int(a.split(".")[0]) <= 21]
    assert mine == [
        "10.1", "10.2", "11.1", "11.2", "12.1", "12.2", "12.3", "12.4", "12.5", "13.1", "13.2", "13.3",
        "14.1", "14.2.1", "14.2.2", "14.2.3", "15.1", "15.2", "15.3", "16.1", "16.2", "16.3", "16.4",
        "16.5", "16.6", "17", "18.1", "18.2", "19.1", "19.2", "19.3", "19.4", "20.1", "20.2", "21",
    ]  # fmt: skip
    ids = [m.article for m in catalog.measures_for(policy="xishan-2020")]
    for article in mine:
        assert any(re.fullmatch(rf"{re.escape(article)}[a-z]?", a) for a in ids), article


def test_21_unnumbered_section_is_a_service_and_says_so():
    measure = load_catalog().measures[P + "21"]
    assert measure.benefit == "service" and measure.award.kind == "none"
    assert "21" in measure.interpretation.en and "unnumbered" in measure.interpretation.en
    r = evaluate(P + "21", firm("retail"))
    assert r.status == "eligible" and r.amount is None and r.amount_max is None


@pytest.mark.parametrize("article", ["11.1", "11.2"])
def test_11_tourism_land_services_carry_no_money(article):
    r = evaluate(P + article, firm("tourism"))
    assert r.status == "eligible" and r.amount is None
    assert evaluate(P + article, firm("retail")).status == "ineligible"


def test_11_2_rural_collectives_filed_as_agriculture_see_the_land_measure():
    assert evaluate(P + "11.2", firm("agriculture")).status == "eligible"
    assert evaluate(P + "11.1", firm("agriculture")).status == "ineligible"


# ---------------------------------------------------------------- article 10


def test_10_1a_new_above_scale_cultural_firm_takes_5wan():
    r = evaluate(P + "10.1a", events(firm("culture_creative"), "first_above_scale"))
    assert r.status == "eligible" and r.amount == wan("5")


def test_10_1a_entered_above_scale_in_2019_is_not_new():
    assert (
        evaluate(P + "10.1a", events(firm("culture_creative"), "first_above_scale", year=2019)).status == "ineligible"
    )


def culture(prev: str, cur: str) -> dict:
    return firm("culture_creative", {2019: {"revenue": prev}, 2020: {"revenue": cur}}, above_scale=True)


def test_10_1b_growth_exactly_15pct_in_the_1_to_2yi_band_takes_10wan():
    r = evaluate(P + "10.1b", culture("1亿", "1.15亿"))
    assert r.status == "eligible" and r.amount == wan("10")


def test_10_1b_growth_just_under_15pct_is_ineligible():
    assert evaluate(P + "10.1b", culture("1亿", "1.1499亿")).status == "ineligible"


def test_10_1b_exactly_1yi_belongs_to_the_1_to_2yi_band_just_under_takes_5wan():
    assert evaluate(P + "10.1b", culture("8000万", "1亿")).amount == wan("10")
    assert evaluate(P + "10.1b", culture("8000万", "9999万")).amount == wan("5")


def test_10_1b_exactly_2yi_takes_15wan_exactly_4yi_takes_20wan():
    assert evaluate(P + "10.1b", culture("1.5亿", "2亿")).amount == wan("15")
    assert evaluate(P + "10.1b", culture("3亿", "3.9999亿")).amount == wan("15")
    assert evaluate(P + "10.1b", culture("3亿", "4亿")).amount == wan("20")


@pytest.mark.parametrize(
    ("level", "amount"), [("district", "20"), ("city", "30"), ("provincial", "40"), ("national", "60")]
)
def test_10_2a_park_title_by_level(level, amount):
    r = evaluate(P + "10.2a", recognised(firm("culture_creative"), "cultural_industry_park", level))
    assert r.status == "eligible" and r.amount == wan(amount)


def test_10_2a_title_won_in_2019_is_not_paid_again_in_2020():
    data = recognised(firm("culture_creative"), "cultural_industry_park", "city", year=2019)
    assert evaluate(P + "10.2a", data).status == "ineligible"


def test_10_2a_two_levels_in_one_year_pay_the_higher_sum():
    data = recognised(firm("culture_creative"), "cultural_industry_park", "district")
    data = recognised(data, "cultural_industry_park", "provincial")
    assert evaluate(P + "10.2a", data).amount == wan("40")


def test_10_2b_half_the_rent_in_the_first_year_capped_at_100wan():
    # A district title from 2018 counts; 50% × 150万 = 75万; 50% × 260万 = 130万 → 100万.
    data = recognised(
        firm("culture_creative", {2020: {"cultural_park_rent": "150万"}}), "cultural_industry_park", "district", 2018
    )
    assert evaluate(P + "10.2b", data).amount == wan("75")
    data["years"][2020]["cultural_park_rent"] = "260万"
    r = evaluate(P + "10.2b", data)
    assert r.amount == wan("100") and r.computed.capped


def test_10_2b_park_without_a_title_is_ineligible():
    data = firm("culture_creative", {2020: {"cultural_park_rent": "150万"}})
    assert evaluate(P + "10.2b", data).status == "ineligible"


# ---------------------------------------------------------------- article 12 (amounts not stated)


def test_12_1a_approval_within_three_years_open_amount():
    data = recognised(firm("biomedicine"), "new_product_approval", "national", 2018)
    r = evaluate(P + "12.1a", data)
    assert r.status == "eligible" and r.amount is None and r.amount_max is None
    data = recognised(firm("biomedicine"), "new_product_approval", "national", 2017)
    assert evaluate(P + "12.1a", data).status == "ineligible"


def test_12_1b_consistency_evaluation_passed_in_2020():
    assert evaluate(P + "12.1b", events(firm("biomedicine"), "generic_consistency_passed")).status == "eligible"
    assert evaluate(P + "12.1b", firm("biomedicine")).status == "ineligible"


def test_12_2a_new_recognised_care_institution_and_12_2b_existing_one_growing_10pct():
    new = recognised(events(firm("elderly_care"), "entered_district"), "integrated_care_institution", "city")
    assert evaluate(P + "12.2a", new).status == "eligible"
    assert (
        evaluate(P + "12.2b", {**new, "years": {2019: {"revenue": "1000万"}, 2020: {"revenue": "1100万"}}}).status
        == "ineligible"
    )
    old = recognised(
        firm("elderly_care", {2019: {"revenue": "1000万"}, 2020: {"revenue": "1100万"}}),
        "integrated_care_institution",
        "provincial",
    )
    assert evaluate(P + "12.2b", old).status == "eligible"
    old["years"][2020]["revenue"] = "1099.99万"
    assert evaluate(P + "12.2b", old).status == "ineligible"


def test_12_3a_new_health_project_needs_1000wan_revenue():
    data = events(firm("healthcare", {2020: {"revenue": "1000万"}}), "entered_district")
    assert evaluate(P + "12.3a", data).status == "eligible"
    data["years"][2020]["revenue"] = "999.99万"
    assert evaluate(P + "12.3a", data).status == "ineligible"


def beauty(*revenues: str) -> dict:
    return firm("medical_beauty", {2020 - len(revenues) + 1 + i: {"revenue": r} for i, r in enumerate(revenues)})


def test_12_5_crossing_two_marks_in_one_year_counts_once_at_the_higher():
    r = evaluate(P + "12.5", beauty("4000万", "1.2亿"))
    assert r.status == "eligible" and r.amount is None
    assert r.computed.tier.en == "first above 1亿"


def test_12_5_exactly_1yi_has_not_passed_1yi():
    r = evaluate(P + "12.5", beauty("4000万", "1亿"))
    assert r.computed.tier.en == "first above 5000万"


def test_12_5_an_earlier_peak_means_not_the_first_time():
    assert evaluate(P + "12.5", beauty("1.5亿", "9000万", "1.2亿")).status == "ineligible"


def test_12_5_without_last_year_revenue_needs_data():
    r = evaluate(P + "12.5", firm("medical_beauty", {2020: {"revenue": "1.2亿"}}))
    assert r.status == "needs_data" and r.missing == ("years.2019.revenue",)


# ---------------------------------------------------------------- article 13


def test_13_1a_exactly_500wan_takes_2pct():
    r = evaluate(P + "13.1a", firm("other", {2020: {"it_fixed_asset_investment": "500万"}}))
    assert r.status == "eligible" and r.amount == wan("10")
    years = {2020: {"it_fixed_asset_investment": "499.99万", "it_project_fixed_asset_investment": "499.99万"}}
    assert evaluate(P + "13.1a", firm("other", years)).status == "ineligible"


def test_13_1a_threshold_is_the_project_total_the_award_the_years_investment():
    # 13.1: "投资额达500万元以上的项目，按年度项目固定资产实际投资的2%": a 800万 project with
    # 499.99万 invested in 2020 qualifies; 2% × 499.99万 = 99,998 yuan.
    years = {2020: {"it_fixed_asset_investment": "499.99万", "it_project_fixed_asset_investment": "800万"}}
    r = evaluate(P + "13.1a", firm("other", years))
    assert r.status == "eligible" and r.amount == Decimal("99998")
    years[2020]["it_project_fixed_asset_investment"] = "500万"
    assert evaluate(P + "13.1a", firm("other", years)).amount == Decimal("99998")
    r = evaluate(P + "13.1a", firm("other", {2020: {"it_fixed_asset_investment": "300万"}}))
    assert r.status == "needs_data" and "years.2020.it_project_fixed_asset_investment" in r.missing


def test_13_1a_capped_at_100wan():
    r = evaluate(P + "13.1a", firm("other", {2020: {"it_fixed_asset_investment": "6000万"}}))
    assert r.amount == wan("100") and r.computed.capped


def test_13_1b_20pct_capped_at_50wan():
    assert evaluate(P + "13.1b", firm("other", {2020: {"it_pilot_project_investment": "200万"}})).amount == wan("40")
    assert evaluate(P + "13.1b", firm("other", {2020: {"it_pilot_project_investment": "300万"}})).amount == wan("50")


def test_13_1c_30pct_capped_at_100wan_and_stacks_out_13_1a():
    data = firm("other", {2020: {"info_industry_demo_investment": "300万"}})
    assert evaluate(P + "13.1c", data).amount == wan("90")
    both = firm("other", {2020: {"info_industry_demo_investment": "600万", "it_fixed_asset_investment": "600万"}})
    c = evaluate(P + "13.1c", both)
    assert c.amount == wan("100") and c.stacked_out_by is None
    a = evaluate(P + "13.1a", both)
    assert a.amount == wan("12") and a.stacked_out_by == P + "13.1c"


def test_13_2a_software_firm_entering_above_scale_takes_5wan():
    r = evaluate(P + "13.2a", events(firm("software_it"), "first_above_scale"))
    assert r.status == "eligible" and r.amount == wan("5")
    # One entry into the statistics is one achievement (附则【其他】): the first-above-scale group.
    assert r.measure.stacking_group == "xishan-2020:first-above-scale"


def test_13_2a_electronics_maker_is_stacked_out_by_19_1():
    data = events(firm("electronics"), "first_above_scale")
    assert evaluate(P + "13.2a", data).stacked_out_by == P + "19.1"
    assert evaluate(P + "19.1", data).amount == wan("10")


@pytest.mark.parametrize(("level", "amount"), [("pilot", "5"), ("certified", "10")])
def test_13_2b_integration_standard_pilot_or_certified(level, amount):
    r = evaluate(P + "13.2b", recognised(firm("other"), "integration_management_system", level))
    assert r.amount == wan(amount)


def test_13_2c_service_provider_takes_5wan():
    r = evaluate(P + "13.2c", recognised(firm("software_it"), "integration_service_provider", "national"))
    assert r.amount == wan("5")


def test_13_2d_growth_exactly_30pct_takes_20wan_just_under_fails():
    data = firm("internet", {2019: {"revenue": "1亿"}, 2020: {"revenue": "1.3亿"}}, above_scale=True)
    assert evaluate(P + "13.2d", data).amount == wan("20")
    data["years"][2020]["revenue"] = "1.2999亿"
    assert evaluate(P + "13.2d", data).status == "ineligible"


def online(amount: str, industry: str = "retail") -> dict:
    return firm(industry, {2020: {"online_sales": amount}})


@pytest.mark.parametrize(
    ("sales", "award"),
    [
        ("2000万", "10"),
        ("5000万", "10"),
        ("50000001", "30"),
        ("8000万", "30"),
        ("80000001", "50"),
        ("1亿", "50"),
        ("100000001", "80"),
    ],
)
def test_13_3_online_sales_bands_upper_ends_inclusive(sales, award):
    r = evaluate(P + "13.3", online(sales))
    assert r.status == "eligible" and r.amount == wan(award)


def test_13_3_just_under_2000wan_is_ineligible():
    assert evaluate(P + "13.3", online("1999.99万")).status == "ineligible"


def test_13_3_not_a_trading_firm_is_ineligible():
    assert evaluate(P + "13.3", online("1亿", "software_it")).status == "ineligible"


def test_13_3_missing_online_sales_names_the_key():
    r = evaluate(P + "13.3", firm("wholesale"))
    assert r.status == "needs_data" and r.missing == ("years.2020.online_sales",)


# ---------------------------------------------------------------- article 14


def test_14_1a_whole_yi_only():
    assert evaluate(P + "14.1a", firm("other", {2020: {"domestic_investment_in_place": "1亿"}})).amount == wan("2")
    assert evaluate(P + "14.1a", firm("other", {2020: {"domestic_investment_in_place": "2.9亿"}})).amount == wan("4")
    assert (
        evaluate(P + "14.1a", firm("other", {2020: {"domestic_investment_in_place": "9999万"}})).status == "ineligible"
    )


def test_14_1a_capped_at_20wan_per_project():
    r = evaluate(P + "14.1a", firm("other", {2020: {"domestic_investment_in_place": "12亿"}}))
    assert r.amount == wan("20") and r.computed.capped


def test_14_1b_per_10m_usd_capped_at_50wan():
    assert evaluate(P + "14.1b", firm("other", {2020: {"foreign_investment_in_place": "1000万"}})).amount == wan("5")
    assert evaluate(P + "14.1b", firm("other", {2020: {"foreign_investment_in_place": "2500万"}})).amount == wan("10")
    assert evaluate(P + "14.1b", firm("other", {2020: {"foreign_investment_in_place": "999万"}})).status == "ineligible"
    assert evaluate(P + "14.1b", firm("other", {2020: {"foreign_investment_in_place": "1.2亿"}})).amount == wan("50")


def test_14_1_domestic_and_foreign_in_one_project_take_the_higher():
    data = firm("other", {2020: {"domestic_investment_in_place": "3亿", "foreign_investment_in_place": "2000万"}})
    assert evaluate(P + "14.1a", data).stacked_out_by == P + "14.1b"  # 6万 < 10万


def test_14_2_1_top_three_exporter_up_to_20wan():
    r = evaluate(P + "14.2.1", firm("wholesale", {2020: {"export_earnings": "3000万"}}))
    assert r.status == "eligible" and r.amount is None and r.amount_max == wan("20") and r.cap == wan("20")


def cbec(trade: str) -> dict:
    return events(firm("retail", {2020: {"cross_border_ecommerce_trade": trade}}), "entered_district")


def test_14_2_2_exactly_3m_usd_does_not_exceed_it():
    assert evaluate(P + "14.2.2", cbec("300万")).status == "ineligible"
    r = evaluate(P + "14.2.2", cbec("3000001"))
    assert r.status == "eligible" and r.amount is None and r.amount_max == wan("5")


def test_14_2_2_exactly_50m_usd_stays_in_the_30m_tier():
    assert evaluate(P + "14.2.2", cbec("5000万")).amount_max == wan("60")
    assert evaluate(P + "14.2.2", cbec("50000001")).amount_max == wan("100")


def test_14_2_2_firm_already_in_the_district_is_ineligible():
    data = firm("retail", {2020: {"cross_border_ecommerce_trade": "2000万"}})
    assert evaluate(P + "14.2.2", data).status == "ineligible"


def platform(clients: int, trade: str, orders: int) -> dict:
    return firm(
        "software_it",
        {2020: {"cbec_platform_clients": clients, "cbec_platform_trade": trade, "cbec_platform_orders": orders}},
    )


def test_14_2_3_twenty_clients_and_1m_usd_takes_50wan():
    assert evaluate(P + "14.2.3", platform(20, "100万", 0)).amount == wan("50")
    assert evaluate(P + "14.2.3", platform(19, "100万", 0)).status == "ineligible"


def test_14_2_3_one_million_orders_is_enough_without_the_value():
    assert evaluate(P + "14.2.3", platform(25, "99.99万", 1_000_000)).amount == wan("50")
    assert evaluate(P + "14.2.3", platform(25, "99.99万", 999_999)).status == "ineligible"


# ---------------------------------------------------------------- article 15


def test_15_1_new_city_leading_enterprise_takes_10wan():
    assert evaluate(P + "15.1", recognised(firm("agriculture"), "agri_leading_enterprise", "city")).amount == wan("10")
    data = recognised(firm("agriculture"), "agri_leading_enterprise", "city", 2019)
    assert evaluate(P + "15.1", data).status == "ineligible"


def test_15_2_certification_10wan_per_firm():
    assert evaluate(P + "15.2", events(firm("agriculture"), "agri_quality_certification")).amount == wan("10")


def test_15_3_1000_yuan_per_mu_pro_rata():
    r = evaluate(P + "15.3", firm("agriculture", {2020: {"apple_dwarf_planting_area": "52.5"}}))
    assert r.amount == Decimal("52500")
    # A firm outside farming is not asked for a planting area.
    assert evaluate(P + "15.3", firm("equipment_manufacturing")).status == "ineligible"


# ---------------------------------------------------------------- article 16


def bank(years: dict, **status: bool) -> dict:
    status = {"legal_person_financial_institution": False, "branch_hq_outside_kunming": True,
              "new_type_financial_institution": False, **status}  # fmt: skip
    return events(firm("finance", years, **status), "entered_district")


def test_16_1_500_yuan_per_m2():
    r = evaluate(P + "16.1", bank({2020: {"own_office_floor_area": 4200}}))
    assert r.status == "eligible" and r.amount == wan("210")


def test_16_1_exactly_20000_m2_reaches_the_cap_more_is_capped():
    r = evaluate(P + "16.1", bank({2020: {"own_office_floor_area": 20000}}))
    assert r.amount == wan("1000") and not r.computed.capped
    r = evaluate(P + "16.1", bank({2020: {"own_office_floor_area": 25000}}))
    assert r.amount == wan("1000") and r.computed.capped


def test_16_1_institution_not_newly_settled_is_ineligible():
    data = {**bank({2020: {"own_office_floor_area": 4200}}), "events": []}
    assert evaluate(P + "16.1", data).status == "ineligible"


def test_16_1_missing_institution_type_names_both_statuses():
    data = events(firm("finance", {2020: {"own_office_floor_area": 4200}}), "entered_district")
    r = evaluate(P + "16.1", data)
    assert r.status == "needs_data"
    assert set(r.missing) == {"status.legal_person_financial_institution", "status.branch_hq_outside_kunming"}


def test_16_2_20pct_of_rent_capped_and_stacked_under_16_1():
    assert evaluate(P + "16.2", bank({2020: {"office_rent_paid": "300万"}})).amount == wan("60")
    assert evaluate(P + "16.2", bank({2020: {"office_rent_paid": "600万"}})).amount == wan("100")
    both = bank({2020: {"office_rent_paid": "300万", "own_office_floor_area": 4200}})
    assert evaluate(P + "16.2", both).stacked_out_by == P + "16.1"


def test_16_3a_half_rate_and_half_cap_for_new_type_institutions():
    data = bank(
        {2020: {"own_office_floor_area": 4000}}, branch_hq_outside_kunming=False, new_type_financial_institution=True
    )
    assert evaluate(P + "16.3a", data).amount == wan("100")
    assert evaluate(P + "16.1", data).status == "ineligible"
    data["years"][2020]["own_office_floor_area"] = 25000
    assert evaluate(P + "16.3a", data).amount == wan("500")


def test_16_3b_10pct_of_rent_capped_at_50wan():
    data = bank(
        {2020: {"office_rent_paid": "300万"}}, branch_hq_outside_kunming=False, new_type_financial_institution=True
    )
    assert evaluate(P + "16.3b", data).amount == wan("30")
    data["years"][2020]["office_rent_paid"] = "700万"
    assert evaluate(P + "16.3b", data).amount == wan("50")


def test_16_4_one_in_100000_of_new_deposits_and_loans_capped_at_30wan():
    assert evaluate(P + "16.4", bank({2020: {"deposits_loans_newly_included": "180亿"}})).amount == wan("18")
    assert evaluate(P + "16.4", bank({2020: {"deposits_loans_newly_included": "400亿"}})).amount == wan("30")


def legal_bank(d2018: str, d2019: str, l2018: str, l2019: str) -> dict:
    return firm(
        "finance",
        {
            2018: {"deposits_year_end": d2018, "loans_year_end": l2018},
            2019: {"deposits_year_end": d2019, "loans_year_end": l2019},
        },
        legal_person_financial_institution=True,
        deposit_loan_data_in_xishan=True,
    )


def test_16_5_half_permille_of_the_2019_increase():
    # Deposits +8% (1.6亿), loans +13.3% (2亿): 0.5‰ × 3.6亿 = 18万.
    r = evaluate(P + "16.5", legal_bank("20亿", "21.6亿", "15亿", "17亿"))
    assert r.status == "eligible" and r.amount == wan("18") and r.year == 2019


def test_16_5_exactly_7pct_deposits_or_12pct_loans_is_not_higher():
    assert evaluate(P + "16.5", legal_bank("20亿", "21.4亿", "15亿", "17亿")).status == "ineligible"
    assert evaluate(P + "16.5", legal_bank("20亿", "21.6亿", "15亿", "16.8亿")).status == "ineligible"
    assert evaluate(P + "16.5", legal_bank("20亿", "21.4001亿", "15亿", "16.8001亿")).status == "eligible"


def test_16_5_capped_at_30wan():
    assert evaluate(P + "16.5", legal_bank("100亿", "110亿", "80亿", "100亿")).amount == wan("30")


def test_16_5_an_increase_of_exactly_6yi_reaches_the_cap():
    # Deposits +4亿 (+8%), loans +2亿 (+20%): 0.5‰ × 6亿 = 30万, the cap itself, not cut.
    r = evaluate(P + "16.5", legal_bank("50亿", "54亿", "10亿", "12亿"))
    assert r.amount == wan("30") and not r.computed.capped
    # One yuan more of loans: 0.5‰ × 600,000,001 = 300,000.0005 → capped at 30万.
    r = evaluate(P + "16.5", legal_bank("50亿", "54亿", "10亿", "1200000001"))
    assert r.amount == wan("30") and r.computed.capped


def test_16_5_warns_that_the_exclusions_are_checked_on_2019():
    caveats = load_catalog().measures[P + "16.5"].caveats
    assert any("2020" in c.en and "exclusions" in c.en for c in caveats)


# ---------------------------------------------------------------- article 17


def test_17_firms_are_plainly_ineligible_the_park_committee_gets_3000wan():
    r = evaluate(P + "17", firm("equipment_manufacturing"))
    assert r.status == "ineligible" and r.missing == ()
    r = evaluate(P + "17", events({"name": "committee", "region": "xishan"}, "haikou_park_fund_allocated"))
    assert r.status == "eligible" and r.amount == wan("3000")


# ---------------------------------------------------------------- article 18


@pytest.mark.parametrize(
    ("kind", "level", "amount"),
    [
        ("tech_center", "national", "50"),
        ("industrial_design_center", "provincial", "20"),
        ("tech_center", "city", "10"),
    ],
)
def test_18_1_platform_award_by_level(kind, level, amount):
    assert evaluate(P + "18.1", recognised(firm("equipment_manufacturing"), kind, level)).amount == wan(amount)


def test_18_1_city_design_centre_or_old_recognition_is_not_paid():
    assert evaluate(P + "18.1", recognised(firm("other"), "industrial_design_center", "city")).status == "ineligible"
    data = recognised(firm("other"), "tech_center", "national", 2019)
    assert evaluate(P + "18.1", data).status == "ineligible"


def test_18_2_incubator_growing_exactly_10pct_takes_10wan():
    data = recognised(
        firm("science_tech_services", {2019: {"revenue": "800万"}, 2020: {"revenue": "880万"}}),
        "incubator",
        "city",
        2017,
    )
    assert evaluate(P + "18.2", data).amount == wan("10")
    data["years"][2020]["revenue"] = "879.99万"
    assert evaluate(P + "18.2", data).status == "ineligible"


# ---------------------------------------------------------------- article 19


def test_19_1_first_above_scale_10wan_strategic_emerging_20wan():
    data = events(firm("processing_manufacturing", strategic_emerging=False), "first_above_scale")
    assert evaluate(P + "19.1", data).amount == wan("10")
    data["status"]["strategic_emerging"] = True
    assert evaluate(P + "19.1", data).amount == wan("20")


def test_19_1_silent_on_strategic_emerging_takes_the_10wan():
    r = evaluate(P + "19.1", events(firm("processing_manufacturing"), "first_above_scale"))
    assert r.status == "eligible" and r.amount == wan("10")


def shrunk(o2018: str, o2019: str, o2020: str) -> dict:
    years = {2018: {"industrial_output": o2018}, 2019: {"industrial_output": o2019}, 2020: {"industrial_output": o2020}}
    return firm("equipment_manufacturing", years, above_scale=True, strategic_emerging=False)


def test_19_3_fall_of_exactly_30pct_is_not_below_minus_30pct():
    assert evaluate(P + "19.3", shrunk("1亿", "7000万", "7700万")).status == "ineligible"
    r = evaluate(P + "19.3", shrunk("1亿", "6999万", "7700万"))
    assert r.status == "eligible"


def test_19_3_flat_output_has_not_turned_positive():
    assert evaluate(P + "19.3", shrunk("1亿", "6000万", "6000万")).status == "ineligible"
    assert evaluate(P + "19.3", shrunk("1亿", "6000万", "6001万")).amount == Decimal("60010")


def test_19_3_growth_exactly_5pct_and_10pct_tiers():
    assert evaluate(P + "19.3", shrunk("1亿", "6000万", "6300万")).amount == Decimal("126000")
    assert evaluate(P + "19.3", shrunk("1亿", "6000万", "6299万")).amount == Decimal("62990")
    assert evaluate(P + "19.3", shrunk("1亿", "6000万", "6600万")).amount == Decimal("198000")


def test_19_3_capped_and_stacks_out_19_2():
    # 0.3% × 3.3亿 = 99万 → 60万; 19.2 would give 0.1% × 3.3亿 = 33万: only 19.3 counts.
    data = shrunk("5亿", "3亿", "3.3亿")
    r = evaluate(P + "19.3", data)
    assert r.amount == wan("60") and r.computed.capped and r.stacked_out_by is None
    r2 = evaluate(P + "19.2", data)
    assert r2.amount == wan("33") and r2.stacked_out_by == P + "19.3"


def test_19_2_only_manufacturers_can_rank_mining_and_utilities_cannot():
    # 19.2 ranks equipment/processing manufacturing, phosphorus chemicals, food and biomedicine:
    # a +10% processing manufacturer gets 0.1% × 2.2亿 = 22万; a mine or utility growing as fast gets nothing.
    years = {2019: {"industrial_output": "2亿"}, 2020: {"industrial_output": "2.2亿"}}
    data = firm("processing_manufacturing", years, above_scale=True, strategic_emerging=False)
    assert evaluate(P + "19.2", data).amount == wan("22")
    for industry in ("mining", "utilities"):
        data = firm(industry, years, above_scale=True, strategic_emerging=False)
        assert evaluate(P + "19.2", data).status == "ineligible"


def test_19_4a_60pct_of_the_city_award_capped_at_100wan():
    data = events(firm("equipment_manufacturing", {2020: {"city_listing_award": "150万"}}), "ipo_listing")
    r = evaluate(P + "19.4a", data)
    assert r.amount == wan("90") and r.measure.benefit == "matching_grant"
    data["years"][2020]["city_listing_award"] = "200万"
    assert evaluate(P + "19.4a", data).amount == wan("100")


def test_19_4b_neeq_quotation_20wan():
    assert evaluate(P + "19.4b", events(firm("software_it"), "neeq_listing")).amount == wan("20")
    assert evaluate(P + "19.4b", events(firm("software_it"), "neeq_listing", year=2019)).status == "ineligible"


# ---------------------------------------------------------------- article 20


def test_20_1_revenue_exactly_1500wan_takes_10wan():
    data = firm("other", {2020: {"revenue": "1500万"}}, size="small", private=True)
    assert evaluate(P + "20.1", data).amount == wan("10")
    data["years"][2020]["revenue"] = "1499.99万"
    assert evaluate(P + "20.1", data).status == "ineligible"


def test_20_1_large_or_state_firm_is_ineligible():
    assert (
        evaluate(P + "20.1", firm("other", {2020: {"revenue": "3亿"}}, size="large", private=True)).status
        == "ineligible"
    )
    assert evaluate(P + "20.1", firm("other", {2020: {"revenue": "3000万"}}, private=False)).status == "ineligible"


def test_20_2a_little_giant_5wan_for_private_smes_only():
    data = recognised(firm("electronics", private=True), "little_giant", "national")
    assert evaluate(P + "20.2a", data).amount == wan("5")
    assert evaluate(P + "20.2a", {**data, "size": "large"}).status == "ineligible"


def test_20_2b_ranking_10wan_also_for_large_private_firms():
    data = recognised(firm("wholesale", size="large", private=True), "private_enterprise_ranking", "provincial")
    assert evaluate(P + "20.2b", data).amount == wan("10")


# ---------------------------------------------------------------- 附则


def test_tax_evasion_bars_the_online_sales_award():
    data = events(online("1亿"), "tax_evasion")
    assert evaluate(P + "13.3", data).status == "ineligible"


@pytest.mark.parametrize("kind", ["work_safety_accident", "major_environmental_accident"])
def test_review_veto_for_safety_or_major_environmental_accident_bars_every_measure(kind):
    # 附则【申报程序】: 涉及安全生产事故及重大环保事故的实行"一票否决".
    assert evaluate(P + "13.3", events(online("1亿"), kind)).status == "ineligible"
    assert evaluate(P + "13.3", events(online("1亿"), kind, year=2019)).amount == wan("50")


def test_16_5_exclusions_are_checked_in_the_policy_year_2020_not_the_figures_year():
    # 附则: a firm with tax evasion found "当年度" (the policy's year, 2020) is barred, though 16.5
    # reads 2019's deposits and loans; the same event in 2019 is not the policy year's.
    bank = legal_bank("20亿", "21.6亿", "15亿", "17亿")
    barred = evaluate(P + "16.5", {**bank, "events": [{"kind": "tax_evasion", "year": 2020}]})
    assert barred.status == "ineligible"
    earlier = evaluate(P + "16.5", {**bank, "events": [{"kind": "tax_evasion", "year": 2019}]})
    assert earlier.status == "eligible" and earlier.amount == wan("18")
