"""Xinzhou 2022 (忻政办发〔2022〕86号): hand-computed cases from the text, the article in each test's name."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from polcalc.engine.compiled import load_catalog
from tests.conftest import evaluate

AS_OF = dt.date(2023, 2, 15)

FIRM = {
    "name": "x",
    "region": "xinzhou",
    "industry": "equipment_manufacturing",
    "size": "small",
    "status": {"above_scale": True},
}


def firm(years: dict | None = None, months: dict | None = None, **status: bool) -> dict:
    data = {**FIRM, "status": {**FIRM["status"], **status}, "years": years or {}}
    if months is not None:
        data["months"] = months
    return data


def ev(measure: str, data: dict, as_of: dt.date = AS_OF):
    return evaluate(f"xinzhou-2022:{measure}", data, as_of)


# ---------------------------------------------------------------- policy-wide


def test_every_article_has_a_measure():
    catalog = load_catalog()
    policy = catalog.policies["xinzhou-2022"]
    assert policy.articles == tuple(str(n) for n in range(1, 19))
    ids = [m.article for m in catalog.measures_for(policy="xinzhou-2022")]
    for article in policy.articles:
        assert any(re.fullmatch(rf"{re.escape(article)}[a-z]?", a) for a in ids), article


def test_no_end_date_for_the_policy_but_windows_for_7_9_11_12():
    catalog = load_catalog()
    assert catalog.policies["xinzhou-2022"].valid_to is None
    r = ev("1", firm(), as_of=dt.date(2030, 1, 1))
    assert r.open and r.deadline is None
    assert not ev("1", firm(), as_of=dt.date(2022, 12, 29)).open
    for article in ("7", "9", "12"):
        assert ev(article, firm()).deadline == dt.date(2023, 3, 31)
        assert ev(article, firm(), as_of=dt.date(2023, 3, 31)).open
        assert not ev(article, firm(), as_of=dt.date(2023, 4, 1)).open
    # Article 11's "年内": 2022, as the text uses "全年"/"年底" (articles 1 and 8).
    assert ev("11", firm()).deadline == dt.date(2022, 12, 31)
    assert ev("11", firm(), as_of=dt.date(2022, 12, 31)).open
    assert not ev("11", firm(), as_of=dt.date(2023, 1, 1)).open


# ---------------------------------------------------------------- article 5 (5a, 5b, 5c)


def test_5_three_separate_reliefs_in_text_order():
    catalog = load_catalog()
    ids = [m.id for m in catalog.measures_for(policy="xinzhou-2022") if m.article.startswith("5")]
    assert ids == ["xinzhou-2022:5a", "xinzhou-2022:5b", "xinzhou-2022:5c"]
    assert all(catalog.measures[i].benefit == "tax_relief" for i in ids)


def small_low_profit(income: str | int, employees: int = 80, assets: str = "3000万") -> dict:
    return firm({2022: {"taxable_income": income, "employees": employees, "total_assets": assets}})


def test_5_income_exactly_300wan_saves_62_5wan():
    # Tax: 100万 × 12.5% × 20% = 2.5万, plus 200万 × 25% × 20% = 10万 → 12.5万, against 75万 at 25%.
    r = ev("5a", small_low_profit("300万"))
    assert r.status == "eligible"
    assert r.amount == Decimal("625000")


def test_5_income_one_yuan_over_300wan_is_not_small_low_profit():
    assert ev("5a", small_low_profit(3_000_001)).status == "ineligible"


def test_5_income_exactly_100wan_saves_22_5pct():
    # Tax 2.5万 against 25万: 22.5万 saved.
    assert ev("5a", small_low_profit("100万")).amount == Decimal("225000")


def test_5_income_inside_first_band():
    # 80万: tax 80万 × 2.5% = 2万 against 20万: 18万 saved.
    assert ev("5a", small_low_profit("80万")).amount == Decimal("180000")


def test_5_income_across_both_bands_exact_to_the_fen():
    # 1,234,567: 22.5% × 1,000,000 = 225,000, plus 20% × 234,567 = 46,913.40.
    assert ev("5a", small_low_profit(1_234_567)).amount == Decimal("271913.40")


def test_5_staff_300_pass_301_fail():
    assert ev("5a", small_low_profit("260万", employees=300)).amount == Decimal("545000")
    assert ev("5a", small_low_profit("260万", employees=301)).status == "ineligible"


def test_5_assets_5000wan_pass_one_yuan_more_fails():
    assert ev("5a", small_low_profit("50万", assets="5000万")).amount == Decimal("112500")
    assert ev("5a", small_low_profit("50万", assets="50000001")).status == "ineligible"


def test_5_no_taxable_income_no_relief():
    assert ev("5a", small_low_profit(0)).status == "ineligible"


def test_5_missing_assets_names_the_key():
    r = ev("5a", firm({2022: {"taxable_income": "120万", "employees": 40}}))
    assert r.status == "needs_data"
    assert r.missing == ("years.2022.total_assets",)


def test_5b_vat_exemption_for_small_scale_taxpayers_even_with_a_loss():
    # A small-scale VAT taxpayer with no taxable income gets no 5a relief but is shown 5b.
    data = firm({2022: {"taxable_income": 0, "employees": 12, "total_assets": "300万"}}, small_scale_vat_taxpayer=True)
    assert ev("5a", data).status == "ineligible"
    r = ev("5b", data)
    assert r.status == "eligible" and r.amount is None and r.measure.award.kind == "none"
    assert ev("5b", firm(small_scale_vat_taxpayer=False)).status == "ineligible"
    assert ev("5b", firm()).missing == ("status.small_scale_vat_taxpayer",)


def test_5c_six_taxes_two_fees_listed_without_amount():
    r = ev("5c", firm())
    assert r.status == "eligible" and r.amount is None and r.measure.award.kind == "none"
    assert r.measure.caveats


# ---------------------------------------------------------------- article 9


def test_9_half_of_the_guarantee_fees_saved():
    r = ev("9", firm({2022: {"batch_guarantee_fees": "3.6万"}}))
    assert r.status == "eligible"
    assert r.amount == Decimal("18000")
    assert r.measure.benefit == "fee_reduction"


def test_9_no_batch_guarantee_business_no_saving():
    assert ev("9", firm({2022: {"batch_guarantee_fees": 0}})).status == "ineligible"


def test_9_missing_fees_names_the_key():
    r = ev("9", firm())
    assert r.status == "needs_data" and r.missing == ("years.2022.batch_guarantee_fees",)


# ---------------------------------------------------------------- article 11


def test_11_up_to_six_months_rent_the_zone_decides():
    # 6 × 3.2万 = 19.2万 at most.
    r = ev("11", firm({2022: {"standard_factory_monthly_rent": "3.2万"}}, provincial_zone_factory_tenant=True))
    assert r.status == "eligible"
    assert r.amount is None
    assert r.amount_max == Decimal("192000")
    assert r.computed.amount_min is None  # "up to": the zone may grant anything from nothing


def test_11_not_a_zone_tenant_or_not_industrial_is_ineligible():
    data = firm({2022: {"standard_factory_monthly_rent": "3.2万"}}, provincial_zone_factory_tenant=False)
    assert ev("11", data).status == "ineligible"
    data = firm({2022: {"standard_factory_monthly_rent": "3.2万"}}, provincial_zone_factory_tenant=True)
    data["industry"] = "wholesale"
    assert ev("11", data).status == "ineligible"


# ---------------------------------------------------------------- article 12


def monthly(jan: tuple[str, str], feb: tuple[str, str], mar: tuple[str, str]) -> dict:
    months = {}
    for m, (before, after) in zip((1, 2, 3), (jan, feb, mar), strict=True):
        months[f"2022-{m:02d}"] = {"industrial_output": before}
        months[f"2023-{m:02d}"] = {"industrial_output": after}
    return months


def test_12_one_month_growing_exactly_50pct_gets_25wan_match():
    # February: 4000万 → 6000万 = 50% exactly; the others grow less.
    months = monthly(("5000万", "5500万"), ("4000万", "6000万"), ("5000万", "5100万"))
    r = ev("12", firm(months=months, white_list=True))
    assert r.status == "eligible"
    assert r.amount == Decimal("250000")
    assert r.measure.benefit == "matching_grant"


def test_12_best_month_just_under_50pct_is_ineligible():
    months = monthly(("5000万", "5500万"), ("4000万", "5999.9万"), ("5000万", "5100万"))
    assert ev("12", firm(months=months, white_list=True)).status == "ineligible"


def test_12_growth_exactly_100pct_gets_50wan_just_under_gets_25wan():
    months = monthly(("3000万", "6000万"), ("4000万", "4400万"), ("5000万", "5100万"))
    assert ev("12", firm(months=months, white_list=True)).amount == Decimal("500000")
    months = monthly(("3000万", "5999.99万"), ("4000万", "4400万"), ("5000万", "5100万"))
    assert ev("12", firm(months=months, white_list=True)).amount == Decimal("250000")


def test_12_only_white_list_firms():
    months = monthly(("3000万", "6000万"), ("4000万", "4400万"), ("5000万", "5100万"))
    assert ev("12", firm(months=months, white_list=False)).status == "ineligible"


def test_12_missing_march_names_the_key():
    months = monthly(("3000万", "6000万"), ("4000万", "4400万"), ("5000万", "5100万"))
    del months["2023-03"]
    r = ev("12", firm(months=months, white_list=True))
    assert r.status == "needs_data"
    assert r.missing == ('months."2023-03".industrial_output',)


# ---------------------------------------------------------------- article 13


def output(*by_year: tuple[int, str], leader: bool = True) -> dict:
    return firm({y: {"industrial_output": v} for y, v in by_year}, chain_leader=leader)


def test_13_growth_exactly_10pct_to_over_5yi_gets_base_10wan():
    # 4.6亿 → 5.06亿 = 10% exactly; increase 0.46亿 is under one whole 亿: 10万.
    r = ev("13", output((2021, "4.6亿"), (2022, "5.06亿")))
    assert r.status == "eligible"
    assert r.amount == Decimal("100000")
    assert r.cap == Decimal("500000")


def test_13_growth_just_under_10pct_is_ineligible():
    assert ev("13", output((2021, "4.6亿"), (2022, "5.0599亿"))).status == "ineligible"


def test_13_output_exactly_5yi_passes_just_under_fails():
    assert ev("13", output((2021, "4.5亿"), (2022, "5亿"))).amount == Decimal("100000")
    assert ev("13", output((2021, "4.5亿"), (2022, "4.9999亿"))).status == "ineligible"


def test_13_whole_yi_of_increase_only():
    # Increase exactly 1亿: 10万 + 5万 = 15万; 0.9999亿: 10万.
    assert ev("13", output((2021, "4.5亿"), (2022, "5.5亿"))).amount == Decimal("150000")
    assert ev("13", output((2021, "4.5001亿"), (2022, "5.5亿"))).amount == Decimal("100000")


def test_13_increase_2_5yi_counts_two_whole_yi():
    # 4亿 → 6.5亿: 10万 + 2 × 5万 = 20万.
    assert ev("13", output((2021, "4亿"), (2022, "6.5亿"))).amount == Decimal("200000")


def test_13_capped_at_50wan():
    # 4亿 → 13亿: 10万 + 9 × 5万 = 55万, capped at 50万.
    r = ev("13", output((2021, "4亿"), (2022, "13亿")))
    assert r.amount == Decimal("500000")
    assert r.computed.capped


def test_13_increase_of_exactly_8yi_reaches_50wan_just_under_takes_45wan():
    # 4亿 → 12亿: 10万 + 8 × 5万 = 50万, not capped; 4亿 → 11.9999亿: 7 whole 亿 → 45万.
    r = ev("13", output((2021, "4亿"), (2022, "12亿")))
    assert r.amount == Decimal("500000") and not r.computed.capped
    assert ev("13", output((2021, "4亿"), (2022, "11.9999亿"))).amount == Decimal("450000")


def test_13_increase_is_year_on_year_not_the_part_above_5yi():
    # 4.6亿 → 6.9亿: increase 2.3亿 → 2 whole 亿 → 20万 (the part above 5亿, 1.9亿, would give 15万).
    # 3亿 → 5.5亿: increase 2.5亿 → 2 whole → 20万 (the part above 5亿 would give 10万).
    assert ev("13", output((2021, "4.6亿"), (2022, "6.9亿"))).amount == Decimal("200000")
    assert ev("13", output((2021, "3亿"), (2022, "5.5亿"))).amount == Decimal("200000")


def test_13_not_the_first_time_over_5yi():
    # 2020 already 5.2亿: 2022's 5.5亿 is not a first.
    assert ev("13", output((2020, "5.2亿"), (2021, "4.5亿"), (2022, "5.5亿"))).status == "ineligible"


def test_13_only_manufacturing_chain_leaders():
    assert ev("13", output((2021, "4亿"), (2022, "6.5亿"), leader=False)).status == "ineligible"
    data = output((2021, "4亿"), (2022, "6.5亿"))
    data["industry"] = "mining"
    assert ev("13", data).status == "ineligible"


def test_13_missing_2021_output_names_the_key():
    r = ev("13", output((2022, "6.5亿")))
    assert r.status == "needs_data"
    assert "years.2021.industrial_output" in r.missing


# ---------------------------------------------------------------- deferral and services


def test_7_water_and_gas_deferral_is_no_money():
    r = ev("7", firm())
    assert r.status == "eligible" and r.amount is None
    assert r.measure.benefit == "deferral"


@pytest.mark.parametrize("article", ["1", "2", "3", "4", "6", "8", "10", "14", "15", "16", "17", "18"])
def test_service_articles_carry_no_money(article):
    r = ev(article, firm())
    assert r.status == "eligible"
    assert r.amount is None and r.amount_max is None
    assert r.measure.award.kind == "none"
