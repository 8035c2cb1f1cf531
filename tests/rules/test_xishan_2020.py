"""Xishan 2020: hand-computed cases, the article in each test's name."""

from __future__ import annotations

import datetime as dt
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


def test_3_2_refund_half_of_2019_premiums_for_firm_over_30_insured_within_target():
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
    data = {
        **MACHINERY,
        "status": {**MACHINERY["status"], "temporary_difficulty": False},
        "years": {2019: {"insured_employees": 240, "layoffs": 1}},
    }
    r = evaluate("xishan-2020:3.2", data)
    assert r.status == "needs_data"
    assert r.missing == ("years.2019.unemployment_insurance_paid",)


def test_3_2_layoff_rate_exactly_the_5_5pct_target_passes_just_over_fails():
    # 55 of 1000 insured = 5.5% exactly ("不高于" includes it): 50% × 150万 = 75万; 56 of 1000 = 5.6% fails.
    data = {
        **MACHINERY,
        "years": {2019: {"insured_employees": 1000, "layoffs": 55, "unemployment_insurance_paid": "150万"}},
    }
    r = evaluate("xishan-2020:3.2", data)
    assert r.status == "eligible" and r.amount == Decimal("750000")
    data["years"][2019]["layoffs"] = 56
    assert evaluate("xishan-2020:3.2", data).status == "ineligible"


def test_3_2_31_insured_staff_fall_under_the_5_5pct_target_not_20pct():
    # 30 insured (含) may lay off 20%; 31 insured laying off 6 (19.35%) are judged on 5.5% and fail.
    data = {
        **MACHINERY,
        "size": "small",
        "years": {2019: {"insured_employees": 31, "layoffs": 6, "unemployment_insurance_paid": "4.65万"}},
    }
    assert evaluate("xishan-2020:3.2", data).status == "ineligible"
    data["years"][2019]["layoffs"] = 1  # 1/31 = 3.23%: 50% × 4.65万 = 2.325万
    assert evaluate("xishan-2020:3.2", data).amount == Decimal("23250")


def difficulty(benefit: str | int, insured_2020: int, premiums_2019: str, layoffs: int = 2, **status: bool) -> dict:
    return {
        **MACHINERY,
        "size": "small",
        "status": {**MACHINERY["status"], "temporary_difficulty": True, **status},
        "years": {
            2019: {"insured_employees": 50, "layoffs": layoffs, "unemployment_insurance_paid": premiums_2019},
            2020: {"insured_employees": insured_2020, "unemployment_benefit_monthly": benefit},
        },
    }


def test_3_2_firm_in_difficulty_gets_6_months_of_benefit_per_insured_employee():
    # 2/50 laid off in 2019 = 4% ≤ 5.5%. 6 × 1350 × 48 = 388,800 yuan, above 50% × 8万 = 4万.
    r = evaluate("xishan-2020:3.2", difficulty(1350, 48, "8万"))
    assert r.status == "eligible" and r.amount == Decimal("388800")
    assert r.computed.tier is not None and r.computed.tier_index == 1


def test_3_2_difficulty_route_keeps_the_layoff_standard_and_the_higher_sum():
    # 3/50 = 6% > 5.5%: neither route; 6 × 100 × 10 = 6000 < 50% × 8万 = 4万: the premium route pays.
    assert evaluate("xishan-2020:3.2", difficulty(1350, 48, "8万", layoffs=3)).status == "ineligible"
    r = evaluate("xishan-2020:3.2", difficulty(100, 10, "8万"))
    assert r.amount == Decimal("40000") and r.computed.tier_index == 0


def test_3_2_difficulty_route_needs_the_local_benefit():
    # The 50% route pays 4万 for sure; the difficulty route might pay more once the benefit is given.
    data = difficulty(1350, 48, "8万")
    del data["years"][2020]["unemployment_benefit_monthly"]
    r = evaluate("xishan-2020:3.2", data)
    assert r.status == "eligible" and r.amount == Decimal("40000")
    assert r.computed.more_data == ("years.2020.unemployment_benefit_monthly",)


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


# ---------------------------------------------------------------- articles 1-9: coverage and ids

ARTICLES_1_TO_9_IDS = {
    "1.1a", "1.1b", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "3.1", "3.2",
    "4.1a", "4.1b", "4.1c", "4.1d", "4.2a", "4.2b", "4.2c", "4.3", "4.4", "4.5",
    "5.1", "5.2", "5.3", "5.4", "6.1a", "6.1b", "6.1c", "6.2", "7.1a", "7.1b", "7.2", "7.3", "8",
    "9.1.1", "9.1.2", "9.1.3a", "9.1.3b", "9.1.3c", "9.2.1a", "9.2.1b", "9.2.2", "9.2.3",
    "9.3.1", "9.3.2", "9.3.3a", "9.3.3b", "9.3.4a", "9.3.4b", "9.3.5", "9.3.6", "9.3.7a", "9.3.7b",
}  # fmt: skip


def _article_of(measure_id: str) -> str:
    article = measure_id.split(":", 1)[1]
    return article[:-1] if article[-1].isalpha() else article


def test_articles_1_to_9_each_have_a_measure(catalog):
    policy = catalog.policies["xishan-2020"]
    mine = [a for a in policy.articles if int(a.split(".")[0]) <= 9]
    assert len(mine) == 37
    covered = {_article_of(m) for m in catalog.measures if m.startswith("xishan-2020:")}
    assert [a for a in mine if a not in covered] == []


def test_articles_1_to_9_measure_ids_are_exactly_these(catalog):
    ids = {
        m.split(":", 1)[1]
        for m in catalog.measures
        if m.startswith("xishan-2020:") and int(m.split(":", 1)[1].split(".")[0].rstrip("abcdefgh")) <= 9
    }
    assert ids == ARTICLES_1_TO_9_IDS


def test_article_ids_name_listed_articles(catalog):
    articles = set(catalog.policies["xishan-2020"].articles)
    for m in catalog.measures:
        if m.startswith("xishan-2020:"):
            assert _article_of(m) in articles, m


def test_articles_1_to_9_departments_follow_the_annex(catalog):
    dept = {m.id.split(":")[1]: m.department.zh for m in catalog.measures.values() if m.policy_id == "xishan-2020"}
    assert dept["1.1a"] == dept["2.3"] == "区财政局（区金融办）"
    assert dept["3.1"] == dept["3.2"] == "区人力资源和社会保障局"
    assert dept["4.1b"] == dept["4.3"] == "区科技工业和信息化局"
    assert dept["4.4"] == dept["4.5"] == "区商务和投资促进局"
    assert dept["5.1"] == "区发展和改革局"
    assert dept["6.1a"] == dept["6.2"] == "区住房城乡建设局"
    assert dept["7.3"] == dept["8"] == "区科技工业和信息化局"
    assert dept["9.1.1"] == dept["9.2.3"] == dept["9.3.3a"] == dept["9.3.7a"] == "区商务和投资促进局"
    assert dept["9.3.5"] == "区公安分局"
    assert dept["9.3.6"] == "区市场监管局"


# ---------------------------------------------------------------- profiles


def firm(industry: str, size: str = "medium", years: dict | None = None, **status: bool) -> dict:
    data: dict = {"name": "t", "region": "xishan", "industry": industry, "size": size, "status": status}
    if years:
        data["years"] = years
    return data


def with_events(data: dict, *kinds: str, year: int = 2020) -> dict:
    return {**data, "events": [{"kind": k, "year": year} for k in kinds]}


# ---------------------------------------------------------------- articles 1-3


def test_1_1a_small_firm_gets_forbearance_medium_does_not():
    r = evaluate("xishan-2020:1.1a", firm("catering", "small"))
    assert r.status == "eligible" and r.amount is None and r.amount_max is None
    assert r.measure.caveats
    assert evaluate("xishan-2020:1.1a", firm("catering", "medium")).status == "ineligible"


def test_1_1b_private_medium_firm_may_get_interest_subsidy():
    r = evaluate("xishan-2020:1.1b", firm("wholesale", "medium", private=True))
    assert r.status == "eligible" and r.amount is None and r.amount_max is None
    assert evaluate("xishan-2020:1.1b", firm("wholesale", "medium", private=False)).status == "ineligible"
    r = evaluate("xishan-2020:1.1b", firm("wholesale", "medium"))
    assert r.status == "needs_data" and r.missing == ("status.private",)


def test_1_4_large_firm_is_not_an_sme():
    assert evaluate("xishan-2020:1.4", firm("software_it", "small")).status == "eligible"
    assert evaluate("xishan-2020:1.4", firm("software_it", "large")).status == "ineligible"


def test_3_1_reduced_rate_runs_to_april_2021_while_3_2_closes_with_the_policy():
    data = firm("equipment_manufacturing")
    r31 = evaluate("xishan-2020:3.1", data, dt.date(2021, 4, 30))
    assert r31.status == "eligible" and r31.deadline == dt.date(2021, 4, 30) and r31.open
    assert not evaluate("xishan-2020:3.1", data, dt.date(2021, 5, 1)).open
    assert not evaluate("xishan-2020:1.2", data, dt.date(2021, 1, 1)).open


# ---------------------------------------------------------------- article 4


def producer(**figures) -> dict:
    return firm("other_manufacturing", "small", {2020: figures}, epidemic_supplies_producer=True)


def test_4_1a_covid_project_up_to_50wan():
    r = evaluate("xishan-2020:4.1a", with_events(firm("biomedicine"), "covid_rd_project"))
    assert r.status == "eligible" and r.amount is None and r.amount_max == Decimal("500000")
    assert evaluate("xishan-2020:4.1a", with_events(firm("biomedicine"), "covid_rd_project", year=2019)).status == (
        "ineligible"
    )


def test_4_1b_ten_pct_of_2020_new_equipment():
    # 10% × 300万 = 30万.
    r = evaluate("xishan-2020:4.1b", producer(new_production_equipment_investment="300万"))
    assert r.status == "eligible" and r.amount == Decimal("300000")


def test_4_1b_exactly_1000wan_reaches_the_100wan_cap_and_more_is_capped():
    r = evaluate("xishan-2020:4.1b", producer(new_production_equipment_investment="1000万"))
    assert r.amount == Decimal("1000000") and not r.computed.capped
    r = evaluate("xishan-2020:4.1b", producer(new_production_equipment_investment="1200万"))
    assert r.amount == Decimal("1000000") and r.computed.capped and r.cap == Decimal("1000000")


def test_4_1b_not_a_producer_of_epidemic_supplies_is_ineligible():
    data = firm("other_manufacturing", "small", {2020: {"new_production_equipment_investment": "300万"}})
    r = evaluate("xishan-2020:4.1b", data)
    assert r.status == "needs_data" and r.missing == ("status.epidemic_supplies_producer",)
    data["status"] = {"epidemic_supplies_producer": False}
    assert evaluate("xishan-2020:4.1b", data).status == "ineligible"


def test_4_1b_and_7_3_same_equipment_take_the_higher():
    # 4.1b: 10% × 200万 = 20万; 7.3: 2% × 500万 = 10万, stacked out by 4.1b.
    data = firm(
        "phosphorus_chemical",
        "medium",
        {2020: {"new_production_equipment_investment": "200万", "technical_upgrade_investment": "600万",
                "technical_upgrade_equipment_cost": "500万"}},
        epidemic_supplies_producer=True,
        above_scale=True,
    )  # fmt: skip
    r41, r73 = evaluate("xishan-2020:4.1b", data), evaluate("xishan-2020:7.3", data)
    assert r41.amount == Decimal("200000") and r41.stacked_out_by is None
    assert r73.amount == Decimal("100000") and r73.stacked_out_by == "xishan-2020:4.1b"


def test_4_2b_upgrade_subsidy_share_not_stated():
    r = evaluate("xishan-2020:4.2b", producer(technical_upgrade_equipment_cost="80万"))
    assert r.status == "eligible" and r.amount is None and r.amount_max is None


def test_4_4_twenty_pct_of_rent_waived():
    # 20% × 150万 = 30万; 20% × 500万 = 100万 exactly; 20% × 600万 = 120万 → capped at 100万.
    data = firm(
        "real_estate", "large", {2020: {"rent_waived_for_sme_tenants": "150万"}}, commercial_property_operator=True
    )
    assert evaluate("xishan-2020:4.4", data).amount == Decimal("300000")
    data["years"][2020]["rent_waived_for_sme_tenants"] = "500万"
    r = evaluate("xishan-2020:4.4", data)
    assert r.amount == Decimal("1000000") and not r.computed.capped
    data["years"][2020]["rent_waived_for_sme_tenants"] = "600万"
    r = evaluate("xishan-2020:4.4", data)
    assert r.amount == Decimal("1000000") and r.computed.capped


def test_4_4_no_rent_waived_is_ineligible():
    data = firm("real_estate", "large", {2020: {"rent_waived_for_sme_tenants": 0}}, commercial_property_operator=True)
    assert evaluate("xishan-2020:4.4", data).status == "ineligible"


def test_4_5_supermarket_up_to_20wan_only_in_retail():
    r = evaluate("xishan-2020:4.5", firm("retail", "large", large_supermarket=True))
    assert r.status == "eligible" and r.amount is None and r.amount_max == Decimal("200000")
    assert evaluate("xishan-2020:4.5", firm("wholesale", "large", large_supermarket=True)).status == "ineligible"


# ---------------------------------------------------------------- articles 5 and 6


def test_5_1_2000_yuan_per_whole_100_million():
    data = firm("real_estate", "large", {2020: {"social_investment_completed": "2.9999亿"}})
    assert evaluate("xishan-2020:5.1", data).amount == Decimal("4000")
    data["years"][2020]["social_investment_completed"] = "3亿"
    assert evaluate("xishan-2020:5.1", data).amount == Decimal("6000")


def test_5_1_under_100_million_is_ineligible():
    data = firm("real_estate", "large", {2020: {"social_investment_completed": "0.9999亿"}})
    assert evaluate("xishan-2020:5.1", data).status == "ineligible"
    data["years"][2020]["social_investment_completed"] = "1亿"
    assert evaluate("xishan-2020:5.1", data).amount == Decimal("2000")


def test_6_1a_output_growth_must_be_above_zero():
    data = firm("construction", "large", {2019: {"construction_output": "5亿"}, 2020: {"construction_output": "5亿"}})
    assert evaluate("xishan-2020:6.1a", data).status == "ineligible"
    data["years"][2020]["construction_output"] = "5.0001亿"
    r = evaluate("xishan-2020:6.1a", data)
    assert r.status == "eligible" and r.amount is None


def test_6_1b_qualification_upgrade_in_2020():
    data = with_events(firm("construction"), "construction_qualification_upgraded")
    assert evaluate("xishan-2020:6.1b", data).status == "eligible"
    assert evaluate("xishan-2020:6.1b", firm("construction")).status == "ineligible"


def test_6_1c_construction_hq_at_exactly_1_billion_output():
    data = firm("construction", "large", {2020: {"construction_output": "10亿"}}, headquarters=True)
    assert evaluate("xishan-2020:6.1c", data).status == "eligible"
    data["years"][2020]["construction_output"] = "9.9999亿"
    assert evaluate("xishan-2020:6.1c", data).status == "ineligible"


def test_6_2_two_wan_per_10000_m2_pro_rata():
    # 15,000 m² → 1.5 × 2万 = 3万; 123,456 m² → 12.3456 × 2万 = 246,912 yuan.
    data = firm("real_estate", "large", {2020: {"housing_sales_area": 15000}})
    assert evaluate("xishan-2020:6.2", data).amount == Decimal("30000")
    data["years"][2020]["housing_sales_area"] = 123456
    assert evaluate("xishan-2020:6.2", data).amount == Decimal("246912")
    assert evaluate("xishan-2020:6.2", {**data, "industry": "construction"}).status == "ineligible"


# ---------------------------------------------------------------- article 7 and 8


def test_7_1a_sixty_pct_of_city_clean_production_award():
    data = with_events(
        firm("phosphorus_chemical", years={2020: {"city_clean_production_award": "10万"}}),
        "clean_production_audit_passed",
    )
    r = evaluate("xishan-2020:7.1a", data)
    assert r.status == "eligible" and r.amount == Decimal("60000")


def test_7_1a_audit_passed_in_2019_does_not_count():
    data = with_events(
        firm("phosphorus_chemical", years={2020: {"city_clean_production_award": "10万"}}),
        "clean_production_audit_passed",
        year=2019,
    )
    assert evaluate("xishan-2020:7.1a", data).status == "ineligible"


def test_7_1b_seventy_pct_of_city_green_award_for_provincial_recognition_this_year():
    data = firm("phosphorus_chemical", years={2020: {"city_green_manufacturing_award": "30万"}})
    data["recognitions"] = [{"kind": "green_manufacturing_demo", "level": "provincial", "year": 2020}]
    assert evaluate("xishan-2020:7.1b", data).amount == Decimal("210000")
    data["recognitions"] = [{"kind": "green_manufacturing_demo", "level": "national", "year": 2019}]
    assert evaluate("xishan-2020:7.1b", data).status == "ineligible"


def test_7_2_under_10000_tonnes_is_ineligible():
    data = {**MACHINERY, "industry": "phosphorus_chemical", "years": {2020: {"phosphogypsum_used": 9999}}}
    assert evaluate("xishan-2020:7.2", data).status == "ineligible"
    data["years"][2020]["phosphogypsum_used"] = 10000
    assert evaluate("xishan-2020:7.2", data).amount == Decimal("50000")


def upgrade(industry: str, invest: str, equipment: str, above_scale: bool = True) -> dict:
    years = {2020: {"technical_upgrade_investment": invest, "technical_upgrade_equipment_cost": equipment}}
    return firm(industry, "medium", years, above_scale=above_scale)


def test_7_3_exactly_500wan_investment_pays_2pct_of_equipment():
    # 2% × 400万 = 8万.
    r = evaluate("xishan-2020:7.3", upgrade("phosphorus_chemical", "500万", "400万"))
    assert r.status == "eligible" and r.amount == Decimal("80000")
    assert r.measure.caveats


def test_7_3_just_under_500wan_is_ineligible():
    assert evaluate("xishan-2020:7.3", upgrade("phosphorus_chemical", "499.99万", "400万")).status == "ineligible"


def test_7_3_capped_at_30wan():
    # 2% × 2000万 = 40万 → 30万.
    r = evaluate("xishan-2020:7.3", upgrade("phosphorus_chemical", "2500万", "2000万"))
    assert r.amount == Decimal("300000") and r.computed.capped


def test_7_3_needs_above_scale_and_phosphorus_chemicals():
    assert evaluate("xishan-2020:7.3", upgrade("phosphorus_chemical", "800万", "600万", False)).status == "ineligible"
    assert evaluate("xishan-2020:7.3", upgrade("equipment_manufacturing", "800万", "600万")).status == "ineligible"


def test_8_equipment_maker_same_shape_as_7_3():
    # 2% × 1500万 = 30万 exactly, at the cap.
    r = evaluate("xishan-2020:8", upgrade("equipment_manufacturing", "1800万", "1500万"))
    assert r.amount == Decimal("300000") and not r.computed.capped
    assert evaluate("xishan-2020:8", upgrade("equipment_manufacturing", "499万", "400万")).status == "ineligible"
    assert evaluate("xishan-2020:8", upgrade("processing_manufacturing", "800万", "600万")).status == "ineligible"


# ---------------------------------------------------------------- article 9.1 and 9.2


def building(**figures) -> dict:
    return firm("property_management", "medium", {2020: figures}, commercial_property_operator=True)


def test_9_1_1_seventy_and_fifty_pct_inclusive():
    r = evaluate("xishan-2020:9.1.1", building(building_occupancy_rate="70%", building_same_industry_share="50%"))
    assert r.status == "eligible" and r.amount == Decimal("200000")


def test_9_1_1_just_under_either_share_is_ineligible():
    low = building(building_occupancy_rate="69.99%", building_same_industry_share="60%")
    assert evaluate("xishan-2020:9.1.1", low).status == "ineligible"
    low = building(building_occupancy_rate="90%", building_same_industry_share="49.9%")
    assert evaluate("xishan-2020:9.1.1", low).status == "ineligible"


def test_9_1_2_five_pct_of_contract_capped_at_20wan():
    # 5% × 300万 = 15万; 5% × 500万 = 25万 → 20万.
    data = building(building_occupancy_rate="30%", building_renovation_contract="300万")
    assert evaluate("xishan-2020:9.1.2", data).amount == Decimal("150000")
    data["years"][2020]["building_renovation_contract"] = "500万"
    r = evaluate("xishan-2020:9.1.2", data)
    assert r.amount == Decimal("200000") and r.computed.capped


def test_9_1_2_occupancy_just_under_30pct_is_ineligible():
    data = building(building_occupancy_rate="29.9%", building_renovation_contract="300万")
    assert evaluate("xishan-2020:9.1.2", data).status == "ineligible"


def test_9_1_3a_first_billion_yuan_building_50wan():
    r = evaluate("xishan-2020:9.1.3a", with_events(building(), "first_billion_yuan_building"))
    assert r.amount == Decimal("500000")
    assert evaluate("xishan-2020:9.1.3a", building()).status == "ineligible"


def test_9_1_3b_and_c_per_headquarters_brought_in():
    # 2 top-500 × 50万 = 100万; 3 city headquarters × 20万 = 60万.
    data = building(top500_hq_attracted=2, city_hq_attracted=3)
    assert evaluate("xishan-2020:9.1.3b", data).amount == Decimal("1000000")
    assert evaluate("xishan-2020:9.1.3c", data).amount == Decimal("600000")
    data = building(top500_hq_attracted=0, city_hq_attracted=0)
    assert evaluate("xishan-2020:9.1.3b", data).status == "ineligible"
    assert evaluate("xishan-2020:9.1.3c", data).status == "ineligible"


def hq(years: dict, *events: str) -> dict:
    return with_events(firm("leasing_business_services", "large", years, headquarters=True), *events)


def test_9_2_1a_three_pct_of_purchase_capped_at_80wan():
    # 3% × 2000万 = 60万; 3% × 3000万 = 90万 → 80万.
    data = hq({2020: {"office_purchase_price": "2000万"}}, "new_headquarters")
    assert evaluate("xishan-2020:9.2.1a", data).amount == Decimal("600000")
    data = hq({2020: {"office_purchase_price": "3000万"}}, "new_headquarters")
    r = evaluate("xishan-2020:9.2.1a", data)
    assert r.amount == Decimal("800000") and r.computed.capped


def test_9_2_1a_headquarters_not_new_in_2020_is_ineligible():
    data = hq({2020: {"office_purchase_price": "2000万"}})
    assert evaluate("xishan-2020:9.2.1a", data).status == "ineligible"


def test_9_2_1b_ten_pct_of_rent_capped_at_40wan():
    # 10% × 300万 = 30万; 10% × 500万 = 50万 → 40万.
    assert evaluate("xishan-2020:9.2.1b", hq({2020: {"office_rent_paid": "300万"}}, "new_headquarters")).amount == (
        Decimal("300000")
    )
    r = evaluate("xishan-2020:9.2.1b", hq({2020: {"office_rent_paid": "500万"}}, "new_headquarters"))
    assert r.amount == Decimal("400000") and r.computed.capped


def test_9_2_2_full_rent_at_exactly_1_billion_and_stacks_out_9_2_1b():
    # 100% × 300万 = 300万; 9.2.1b's 30万 on the same office is stacked out.
    data = hq({2020: {"revenue": "10亿", "office_rent_paid": "300万"}}, "new_headquarters")
    r = evaluate("xishan-2020:9.2.2", data)
    assert r.status == "eligible" and r.amount == Decimal("3000000")
    assert evaluate("xishan-2020:9.2.1b", data).stacked_out_by == "xishan-2020:9.2.2"


def test_9_2_2_just_under_1_billion_is_ineligible():
    data = hq({2020: {"revenue": "9.9999亿", "office_rent_paid": "300万"}})
    assert evaluate("xishan-2020:9.2.2", data).status == "ineligible"


def test_9_2_3_growth_exactly_10pct_one_pct_of_increase():
    # 4亿 → 4.4亿: increase 4000万 × 1% = 40万.
    r = evaluate("xishan-2020:9.2.3", hq({2019: {"revenue": "4亿"}, 2020: {"revenue": "4.4亿"}}))
    assert r.status == "eligible" and r.amount == Decimal("400000")


def test_9_2_3_growth_just_under_10pct_is_ineligible():
    r = evaluate("xishan-2020:9.2.3", hq({2019: {"revenue": "4亿"}, 2020: {"revenue": "4.3999亿"}}))
    assert r.status == "ineligible"


def test_9_2_3_capped_at_50wan():
    # 10亿 → 12亿: 1% × 2亿 = 200万 → 50万.
    r = evaluate("xishan-2020:9.2.3", hq({2019: {"revenue": "10亿"}, 2020: {"revenue": "12亿"}}))
    assert r.amount == Decimal("500000") and r.computed.capped


# ---------------------------------------------------------------- article 9.3


def trade(industry: str, figure: str, prev: str, cur: str, *events: str, above_scale: bool = True) -> dict:
    data = firm(industry, "medium", {2019: {figure: prev}, 2020: {figure: cur}}, above_scale=above_scale)
    return with_events(data, *events)


def test_9_3_1_new_wholesaler_sales_growth_exactly_18pct():
    r = evaluate("xishan-2020:9.3.1", trade("wholesale", "sales", "1亿", "1.18亿", "first_above_scale"))
    assert r.status == "eligible" and r.amount == Decimal("50000")
    r = evaluate("xishan-2020:9.3.1", trade("wholesale", "sales", "1亿", "1.1799亿", "first_above_scale"))
    assert r.status == "ineligible"


def test_9_3_1_new_retailer_needs_14pct():
    assert evaluate("xishan-2020:9.3.1", trade("retail", "sales", "5000万", "5700万", "first_above_scale")).amount == (
        Decimal("50000")
    )
    assert (
        evaluate("xishan-2020:9.3.1", trade("retail", "sales", "5000万", "5699万", "first_above_scale")).status
        == "ineligible"
    )


def test_9_3_1_new_restaurant_has_no_growth_test_and_old_wholesaler_is_out():
    assert evaluate(
        "xishan-2020:9.3.1", trade("catering", "revenue", "180万", "260万", "first_above_scale")
    ).amount == (Decimal("50000"))
    assert evaluate("xishan-2020:9.3.1", trade("wholesale", "sales", "1亿", "1.5亿")).status == "ineligible"


def test_9_3_1_missing_2019_sales_names_the_key():
    data = with_events(firm("wholesale", years={2020: {"sales": "1.2亿"}}, above_scale=True), "first_above_scale")
    r = evaluate("xishan-2020:9.3.1", data)
    assert r.status == "needs_data" and r.missing == ("years.2019.sales",)


def test_9_3_2_new_leasing_firm_needs_20pct_software_firm_does_not():
    r = evaluate(
        "xishan-2020:9.3.2", trade("leasing_business_services", "revenue", "1000万", "1200万", "first_above_scale")
    )
    assert r.amount == Decimal("50000")
    r = evaluate(
        "xishan-2020:9.3.2", trade("leasing_business_services", "revenue", "1000万", "1199万", "first_above_scale")
    )
    assert r.status == "ineligible"
    r = evaluate("xishan-2020:9.3.2", trade("software_it", "revenue", "2000万", "2100万", "first_above_scale"))
    assert r.amount == Decimal("50000")


def test_9_3_3a_wholesale_growth_tiers():
    # Base 4亿: 4.6亿 = 15% → 2万; 4.8亿 = 20% → 4万; 5亿 = 25% → 8万.
    for cur, amount in (("4.6亿", "20000"), ("4.8亿", "40000"), ("5亿", "80000")):
        r = evaluate("xishan-2020:9.3.3a", trade("wholesale", "sales", "4亿", cur))
        assert r.status == "eligible" and r.amount == Decimal(amount), cur


def test_9_3_3a_just_under_15pct_and_under_6yi_is_ineligible():
    assert evaluate("xishan-2020:9.3.3a", trade("wholesale", "sales", "4亿", "4.5999亿")).status == "ineligible"


def test_9_3_3a_sales_level_alone_reaches_a_tier():
    # No growth, but 8亿 of sales: the 4万 tier; exactly 6亿: 2万; 10亿: 8万.
    assert evaluate("xishan-2020:9.3.3a", trade("wholesale", "sales", "8亿", "8亿")).amount == Decimal("40000")
    assert evaluate("xishan-2020:9.3.3a", trade("wholesale", "sales", "6亿", "6亿")).amount == Decimal("20000")
    assert evaluate("xishan-2020:9.3.3a", trade("wholesale", "sales", "10亿", "10亿")).amount == Decimal("80000")
    assert evaluate("xishan-2020:9.3.3a", trade("wholesale", "sales", "6亿", "5.9999亿")).status == "ineligible"


def test_9_3_3b_special_award_up_to_50wan():
    r = evaluate("xishan-2020:9.3.3b", trade("wholesale", "sales", "4亿", "4亿"))
    assert r.status == "eligible" and r.amount is None and r.amount_max == Decimal("500000")
    assert r.measure.caveats


def test_9_3_4a_retail_growth_and_sales_tiers():
    # Base 2亿: 2.2亿 = 10% → 2万; 2.24亿 = 12% → 4万; 2.3亿 = 15% → 8万; 2.1999亿 → none.
    for cur, amount in (("2.2亿", "20000"), ("2.24亿", "40000"), ("2.3亿", "80000")):
        assert evaluate("xishan-2020:9.3.4a", trade("retail", "sales", "2亿", cur)).amount == Decimal(amount), cur
    assert evaluate("xishan-2020:9.3.4a", trade("retail", "sales", "2亿", "2.1999亿")).status == "ineligible"
    assert evaluate("xishan-2020:9.3.4a", trade("retail", "sales", "6亿", "6亿")).amount == Decimal("40000")


def test_9_3_4b_special_award_up_to_50wan():
    assert evaluate("xishan-2020:9.3.4b", trade("retail", "sales", "2亿", "2亿")).amount_max == Decimal("500000")


def test_9_3_5_hotel_growth_exactly_15pct_amount_unstated():
    r = evaluate("xishan-2020:9.3.5", trade("lodging", "revenue", "2000万", "2300万"))
    assert r.status == "eligible" and r.amount is None and r.amount_max is None
    assert evaluate("xishan-2020:9.3.5", trade("lodging", "revenue", "2000万", "2299万")).status == "ineligible"


def catering(prev: str, cur: str) -> dict:
    return trade("catering", "revenue", prev, cur)


def test_9_3_6_growth_exactly_10pct_and_increase_exactly_30wan_takes_5wan():
    r = evaluate("xishan-2020:9.3.6", catering("300万", "330万"))
    assert r.status == "eligible" and r.amount == Decimal("50000")


def test_9_3_6_increase_just_under_30wan_is_ineligible():
    # 200万 → 229.99万: growth 15% but the increase 29.99万 is under the first band.
    assert evaluate("xishan-2020:9.3.6", catering("200万", "229.99万")).status == "ineligible"


def test_9_3_6_growth_just_under_10pct_is_ineligible():
    # 1000万 → 1099.99万: 9.9999%.
    assert evaluate("xishan-2020:9.3.6", catering("1000万", "1099.99万")).status == "ineligible"


def test_9_3_6_growth_exactly_100wan_takes_5wan_band():
    assert evaluate("xishan-2020:9.3.6", catering("1000万", "1100万")).amount == Decimal("50000")
    assert evaluate("xishan-2020:9.3.6", catering("1000万", "1100.01万")).amount == Decimal("100000")


def test_9_3_6_increase_exactly_500wan_and_1000wan_stay_in_the_lower_band():
    assert evaluate("xishan-2020:9.3.6", catering("5000万", "5500万")).amount == Decimal("100000")
    assert evaluate("xishan-2020:9.3.6", catering("5000万", "5500.01万")).amount == Decimal("200000")
    assert evaluate("xishan-2020:9.3.6", catering("1亿", "1.1亿")).amount == Decimal("200000")
    assert evaluate("xishan-2020:9.3.6", catering("1亿", "1.1001亿")).amount == Decimal("300000")


def test_9_3_6_increase_exactly_2000wan_takes_30wan_above_takes_40wan():
    # "1000万—2000万（含）" claims exactly 2000万; only above it is "2000万及以上" paid 40万.
    r = evaluate("xishan-2020:9.3.6", catering("2亿", "2.2亿"))
    assert r.amount == Decimal("300000")
    assert evaluate("xishan-2020:9.3.6", catering("2亿", "2.2001亿")).amount == Decimal("400000")
    assert evaluate("xishan-2020:9.3.6", catering("3亿", "3.5亿")).amount == Decimal("400000")


def test_9_3_6_ranking_is_a_caveat_not_a_condition():
    r = evaluate("xishan-2020:9.3.6", catering("300万", "400万"))
    assert r.status == "eligible"
    assert any("前10" in c.zh for c in r.measure.caveats)


def test_9_3_6_missing_2019_turnover_names_the_key():
    data = firm("catering", "small", {2020: {"revenue": "500万"}}, above_scale=True)
    r = evaluate("xishan-2020:9.3.6", data)
    assert r.status == "needs_data" and r.missing == ("years.2019.revenue",)


def test_9_3_6_food_safety_accident_bars_the_award():
    data = {**catering("300万", "400万"), "events": [{"kind": "food_safety_accident", "year": 2020}]}
    assert evaluate("xishan-2020:9.3.6", data).status == "ineligible"


def test_9_3_7a_service_growth_tiers():
    # Base 1亿: 1.1亿 → 2万; 1.15亿 → 4万; 1.2亿 → 8万; 1.0999亿 → none.
    for cur, amount in (("1.1亿", "20000"), ("1.15亿", "40000"), ("1.2亿", "80000")):
        r = evaluate("xishan-2020:9.3.7a", trade("repair", "revenue", "1亿", cur))
        assert r.amount == Decimal(amount), cur
    assert evaluate("xishan-2020:9.3.7a", trade("repair", "revenue", "1亿", "1.0999亿")).status == "ineligible"
    assert evaluate("xishan-2020:9.3.7a", trade("software_it", "revenue", "1亿", "1.2亿")).status == "ineligible"


def test_9_3_7b_special_award_up_to_20wan():
    r = evaluate("xishan-2020:9.3.7b", trade("resident_services", "revenue", "1亿", "1亿"))
    assert r.status == "eligible" and r.amount_max == Decimal("200000")


def test_7_2_only_industrial_or_construction_firms_use_phosphogypsum():
    data = {**MACHINERY, "industry": "catering", "years": {2020: {"phosphogypsum_used": 50000}}}
    assert evaluate("xishan-2020:7.2", data).status == "ineligible"
    data["industry"] = "building_materials"
    assert evaluate("xishan-2020:7.2", data).amount == Decimal("250000")


# ---------------------------------------------------------------- boundary pairs at caps and tier edges


def test_9_3_1_lodging_and_catering_entrants_go_to_their_annex_departments(catalog):
    # Annex: the commerce bureau has modern trade "除住宿、餐饮外"; lodging → 公安分局, catering → 市场监管局.
    dept = catalog.measures["xishan-2020:9.3.1"].department.zh
    assert "区商务和投资促进局（批发、零售）" in dept
    assert "区公安分局（住宿）" in dept and "区市场监管局（餐饮）" in dept


def test_7_2_exactly_400000_tonnes_reaches_the_200wan_cap_uncapped():
    # 40 lots × 5万 = 200万 exactly; 409,999 t is still 40 whole lots.
    data = {**MACHINERY, "industry": "phosphorus_chemical", "years": {2020: {"phosphogypsum_used": 400000}}}
    r = evaluate("xishan-2020:7.2", data)
    assert r.amount == Decimal("2000000") and not r.computed.capped
    data["years"][2020]["phosphogypsum_used"] = 409999
    r = evaluate("xishan-2020:7.2", data)
    assert r.amount == Decimal("2000000") and not r.computed.capped


def test_7_3_equipment_1500wan_is_exactly_the_30wan_cap_and_more_is_capped():
    # 2% × 1500万 = 30万; 2% × 1500.5万 = 30.01万 → 30万.
    r = evaluate("xishan-2020:7.3", upgrade("phosphorus_chemical", "1800万", "1500万"))
    assert r.amount == Decimal("300000") and not r.computed.capped
    r = evaluate("xishan-2020:7.3", upgrade("phosphorus_chemical", "1800万", "1500.5万"))
    assert r.amount == Decimal("300000") and r.computed.capped


def test_9_1_2_contract_400wan_is_exactly_the_20wan_cap_and_more_is_capped():
    # 5% × 400万 = 20万; 5% × 400.01万 = 20.0005万 → 20万.
    data = building(building_occupancy_rate="30%", building_renovation_contract="400万")
    r = evaluate("xishan-2020:9.1.2", data)
    assert r.amount == Decimal("200000") and not r.computed.capped
    data["years"][2020]["building_renovation_contract"] = "400.01万"
    r = evaluate("xishan-2020:9.1.2", data)
    assert r.amount == Decimal("200000") and r.computed.capped


def test_9_2_1a_purchase_either_side_of_the_80wan_cap():
    # 3% × 2666万 = 79.98万; 3% × 2667万 = 80.01万 → 80万.
    r = evaluate("xishan-2020:9.2.1a", hq({2020: {"office_purchase_price": "2666万"}}, "new_headquarters"))
    assert r.amount == Decimal("799800") and not r.computed.capped
    r = evaluate("xishan-2020:9.2.1a", hq({2020: {"office_purchase_price": "2667万"}}, "new_headquarters"))
    assert r.amount == Decimal("800000") and r.computed.capped


def test_9_2_1b_rent_400wan_is_exactly_the_40wan_cap_and_more_is_capped():
    # 10% × 400万 = 40万; 10% × 400.01万 = 40.001万 → 40万.
    r = evaluate("xishan-2020:9.2.1b", hq({2020: {"office_rent_paid": "400万"}}, "new_headquarters"))
    assert r.amount == Decimal("400000") and not r.computed.capped
    r = evaluate("xishan-2020:9.2.1b", hq({2020: {"office_rent_paid": "400.01万"}}, "new_headquarters"))
    assert r.amount == Decimal("400000") and r.computed.capped


def test_9_2_3_increase_5000wan_is_exactly_the_50wan_cap_and_more_is_capped():
    # 5亿 → 5.5亿 (+10%): 1% × 5000万 = 50万; 5亿 → 5.5001亿: 1% × 5001万 = 50.01万 → 50万.
    r = evaluate("xishan-2020:9.2.3", hq({2019: {"revenue": "5亿"}, 2020: {"revenue": "5.5亿"}}))
    assert r.amount == Decimal("500000") and not r.computed.capped
    r = evaluate("xishan-2020:9.2.3", hq({2019: {"revenue": "5亿"}, 2020: {"revenue": "5.5001亿"}}))
    assert r.amount == Decimal("500000") and r.computed.capped


def test_9_3_3a_just_under_the_20pct_25pct_8yi_and_10yi_edges_stay_a_tier_lower():
    # 4亿 → 4.7999亿 = 19.9975%: 2万; → 4.9999亿 = 24.9975%: 4万 (sales under 6亿 either way).
    assert evaluate("xishan-2020:9.3.3a", trade("wholesale", "sales", "4亿", "4.7999亿")).amount == Decimal("20000")
    assert evaluate("xishan-2020:9.3.3a", trade("wholesale", "sales", "4亿", "4.9999亿")).amount == Decimal("40000")
    # Flat sales: 7.9999亿 only reaches 6亿 (2万); 9.9999亿 only reaches 8亿 (4万).
    assert evaluate("xishan-2020:9.3.3a", trade("wholesale", "sales", "7.9999亿", "7.9999亿")).amount == (
        Decimal("20000")
    )
    assert evaluate("xishan-2020:9.3.3a", trade("wholesale", "sales", "9.9999亿", "9.9999亿")).amount == (
        Decimal("40000")
    )


def test_9_3_4a_just_under_each_retail_edge_stays_a_tier_lower():
    # 2亿 → 2.2399亿 = 11.995%: 2万; → 2.2999亿 = 14.995%: 4万.
    assert evaluate("xishan-2020:9.3.4a", trade("retail", "sales", "2亿", "2.2399亿")).amount == Decimal("20000")
    assert evaluate("xishan-2020:9.3.4a", trade("retail", "sales", "2亿", "2.2999亿")).amount == Decimal("40000")
    # Flat retail sales: 3.9999亿 none; 4亿 2万; 5.9999亿 2万; 7.9999亿 4万; 8亿 8万.
    for level, amount in (("4亿", "20000"), ("5.9999亿", "20000"), ("7.9999亿", "40000"), ("8亿", "80000")):
        assert evaluate("xishan-2020:9.3.4a", trade("retail", "sales", level, level)).amount == Decimal(amount), level
    assert evaluate("xishan-2020:9.3.4a", trade("retail", "sales", "3.9999亿", "3.9999亿")).status == "ineligible"


def test_9_3_7a_just_under_15pct_and_20pct_stay_a_tier_lower():
    # 1亿 → 1.1499亿 = 14.99%: 2万; → 1.1999亿 = 19.99%: 4万.
    assert evaluate("xishan-2020:9.3.7a", trade("repair", "revenue", "1亿", "1.1499亿")).amount == Decimal("20000")
    assert evaluate("xishan-2020:9.3.7a", trade("repair", "revenue", "1亿", "1.1999亿")).amount == Decimal("40000")
