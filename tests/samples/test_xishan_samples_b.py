"""The Xishan online retailer and bank branch get the awards of articles 9.3.4 and 10-21 they were built to hit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from polcalc.engine.compiled import load_catalog
from polcalc.engine.evaluate import Result, evaluate_company
from polcalc.inputs.profiles import read_profile

SAMPLES = Path(__file__).resolve().parents[2] / "sample_companies"
IN_FORCE = dt.date(2020, 6, 30)
P = "xishan-2020:"


def results(name: str) -> dict[str, Result]:
    path = SAMPLES / name
    catalog = load_catalog()
    profile = read_profile(str(path), path.read_bytes(), catalog.vocabulary)
    return {r.id: r for r in evaluate_company(profile, catalog, IN_FORCE).results}


@pytest.fixture(scope="module")
def retailer() -> dict[str, Result]:
    return results("xishan-retail-online.toml")


@pytest.fixture(scope="module")
def bank() -> dict[str, Result]:
    return results("xishan-bank.toml")


# ---------------------------------------------------------------- online retailer


def test_retailer_13_3_exactly_1yi_online_stays_in_the_50wan_band(retailer):
    r = retailer[P + "13.3"]
    assert r.status == "eligible" and r.amount == Decimal("500000") and r.open
    assert r.stacked_out_by is None  # a different thing from 9.3.4: both count


def test_retailer_9_3_4a_retail_sales_up_12_5pct_takes_4wan(retailer):
    # 3.6亿 against 3.2亿 = +12.5%: the 12% grade (4万); 15% and 8亿 are not reached.
    r = retailer[P + "9.3.4a"]
    assert r.status == "eligible" and r.amount == Decimal("40000") and r.stacked_out_by is None


def test_retailer_9_3_4b_special_award_up_to_50wan(retailer):
    r = retailer[P + "9.3.4b"]
    assert r.status == "eligible" and r.amount is None and r.amount_max == Decimal("500000")


def test_retailer_20_1_private_medium_firm_over_1500wan_takes_10wan(retailer):
    r = retailer[P + "20.1"]
    assert r.status == "eligible" and r.amount == Decimal("100000") and r.measure.caveats


def test_retailer_20_2a_city_fast_growing_sme_takes_5wan_20_2b_not(retailer):
    assert retailer[P + "20.2a"].amount == Decimal("50000")
    assert retailer[P + "20.2b"].status == "ineligible"


def test_retailer_not_a_new_cross_border_firm_nor_exporter(retailer):
    assert retailer[P + "14.2.2"].status == "ineligible"
    assert retailer[P + "14.2.1"].status == "ineligible"  # export earnings 0


# ---------------------------------------------------------------- bank branch


def test_bank_16_1_bought_4200_m2_takes_210wan(bank):
    # 4200 m² × 500元 = 210万, within the 1000万 cap; paid 4:3:3 over three years.
    r = bank[P + "16.1"]
    assert r.status == "eligible" and r.amount == Decimal("2100000") and r.cap == Decimal("10000000")
    assert r.stacked_out_by is None


def test_bank_16_2_rent_award_is_stacked_out_by_16_1(bank):
    # 20% × 300万 = 60万 < 210万: the same institution's offices take only the higher award.
    r = bank[P + "16.2"]
    assert r.status == "eligible" and r.amount == Decimal("600000") and r.stacked_out_by == P + "16.1"


def test_bank_16_4_one_in_100000_of_180yi_is_18wan(bank):
    r = bank[P + "16.4"]
    assert r.status == "eligible" and r.amount == Decimal("180000")


@pytest.mark.parametrize("article", ["16.3a", "16.3b", "16.5", "16.6"])
def test_bank_other_finance_measures_do_not_apply(bank, article):
    assert bank[P + article].status == "ineligible"


def test_bank_17_park_fund_is_not_for_firms(bank):
    r = bank[P + "17"]
    assert r.status == "ineligible" and r.missing == ()


def test_bank_21_business_environment_service(bank):
    r = bank[P + "21"]
    assert r.status == "eligible" and r.amount is None
