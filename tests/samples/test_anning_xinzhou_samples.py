"""The Anning and Xinzhou sample companies get the awards they were built to hit (amounts by hand)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from polcalc.engine.compiled import load_catalog
from polcalc.engine.evaluate import Result, evaluate_company
from polcalc.inputs.profiles import read_profile

SAMPLES = Path(__file__).resolve().parents[2] / "sample_companies"


def results(name: str, as_of: dt.date) -> dict[str, Result]:
    path = SAMPLES / name
    catalog = load_catalog()
    profile = read_profile(str(path), path.read_bytes(), catalog.vocabulary)
    company = evaluate_company(profile, catalog, as_of)
    return {r.id: r for r in company.results}


@pytest.fixture(scope="module")
def anning() -> dict[str, Result]:
    return results("anning-manufacturer.toml", dt.date(2020, 6, 30))


@pytest.fixture(scope="module")
def chain_leader() -> dict[str, Result]:
    return results("xinzhou-chain-leader.toml", dt.date(2023, 2, 15))


@pytest.fixture(scope="module")
def small_firm() -> dict[str, Result]:
    return results("xinzhou-small-firm.toml", dt.date(2023, 2, 15))


# ---------------------------------------------------------------- Anning manufacturer


def test_anning_sample_sees_only_anning_measures(anning):
    assert set(anning) == {f"anning-2020:{n}" for n in range(1, 11)}


def test_anning_sample_5_refund_half_of_2019_premiums(anning):
    # 50% × 13.2万 paid in 2019 = 6.6万 (whether 4 of 180 is "few layoffs" is 人社局's call: a caveat).
    r = anning["anning-2020:5"]
    assert r.status == "eligible" and r.amount == Decimal("66000") and r.open


def test_anning_sample_10_upgrade_award_open_amount(anning):
    # 860万 ≥ 500万: eligible, the amount is the departments' to set.
    r = anning["anning-2020:10"]
    assert r.status == "eligible" and r.amount is None and r.amount_max is None


def test_anning_sample_6_range_for_12_people(anning):
    r = anning["anning-2020:6"]
    assert r.status == "eligible"
    assert r.computed.amount_min == Decimal("4800") and r.amount_max == Decimal("72000")


def test_anning_sample_not_in_difficulty_and_no_new_project(anning):
    assert anning["anning-2020:7"].status == "ineligible"
    assert anning["anning-2020:2"].status == "ineligible"


# ---------------------------------------------------------------- Xinzhou chain leader


def test_chain_leader_13_first_over_5yi_with_2_whole_yi_more(chain_leader):
    # 4.3亿 → 6.5亿: 51.2% growth, first over 5亿 (2020: 3.8亿); increase 2.2亿 → 10万 + 2 × 5万 = 20万.
    r = chain_leader["xinzhou-2022:13"]
    assert r.status == "eligible" and r.amount == Decimal("200000")
    assert r.cap == Decimal("500000")


def test_chain_leader_12_february_growth_53_6pct_takes_25wan_match(chain_leader):
    # February 2800万 → 4300万 = 53.6% (January 33.3%, March 29.3%): ≥ 50%, < 100%: 50% × 50万 = 25万.
    r = chain_leader["xinzhou-2022:12"]
    assert r.status == "eligible" and r.amount == Decimal("250000")


def test_chain_leader_is_too_big_for_small_low_profit_relief(chain_leader):
    assert chain_leader["xinzhou-2022:5a"].status == "ineligible"


# ---------------------------------------------------------------- Xinzhou small firm


def test_small_firm_5_income_tax_saving(small_firm):
    # 186万: 22.5% × 100万 + 20% × 86万 = 22.5万 + 17.2万 = 39.7万
    # (tax 2.5万 + 4.3万 = 6.8万 against 46.5万 at 25%).
    r = small_firm["xinzhou-2022:5a"]
    assert r.status == "eligible" and r.amount == Decimal("397000")


def test_small_firm_9_half_the_guarantee_fee(small_firm):
    r = small_firm["xinzhou-2022:9"]
    assert r.status == "eligible" and r.amount == Decimal("12000")


def test_small_firm_11_up_to_six_months_rent_but_closed_after_2022(small_firm):
    # 6 × 1.8万 = 10.8万 at most; "年内" ended on 2022-12-31, before the as-of date.
    r = small_firm["xinzhou-2022:11"]
    assert r.status == "eligible" and r.amount is None and r.amount_max == Decimal("108000")
    assert not r.open and r.deadline == dt.date(2022, 12, 31)


def test_small_firm_gets_no_white_list_or_chain_award(small_firm):
    assert small_firm["xinzhou-2022:12"].status == "ineligible"
    assert small_firm["xinzhou-2022:13"].status == "ineligible"


def test_xinzhou_samples_pay_vat_normally_so_5b_does_not_apply(chain_leader, small_firm):
    # Both are general VAT taxpayers (revenue 6.3亿, 1800万): the small-scale exemption is not theirs.
    assert chain_leader["xinzhou-2022:5b"].status == "ineligible"
    assert small_firm["xinzhou-2022:5b"].status == "ineligible"
    assert small_firm["xinzhou-2022:5c"].status == "eligible" and small_firm["xinzhou-2022:5c"].amount is None
