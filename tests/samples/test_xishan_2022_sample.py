"""The Xishan 2022 sample restaurant against the 2022 draft: amounts by hand, never open, never counted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from polcalc.engine.compiled import load_catalog
from polcalc.engine.evaluate import Result, evaluate_company
from polcalc.inputs.profiles import read_profile

SAMPLE = Path(__file__).resolve().parents[2] / "sample_companies" / "xishan-2022-sme.toml"
AS_OF = dt.date(2022, 7, 1)


@pytest.fixture(scope="module")
def results() -> dict[str, Result]:
    catalog = load_catalog()
    profile = read_profile(str(SAMPLE), SAMPLE.read_bytes(), catalog.vocabulary)
    company = evaluate_company(profile, catalog, AS_OF)
    return {r.id: r for r in company.results}


def draft_results(results: dict[str, Result]) -> list[Result]:
    return [r for mid, r in results.items() if mid.startswith("xishan-2022:")]


def test_sample_sees_all_49_draft_measures(results):
    assert len(draft_results(results)) == 49


def test_sample_draft_measures_never_open_never_counted(results):
    for r in draft_results(results):
        assert r.draft is True and r.open is False, r.id
        assert not r.counted(), r.id


def test_sample_3a_refund_between_60_and_90pct_of_2021_premiums(results):
    # 2021: 1 of 24 insured laid off = 4.2% (≤ 30 insured: 20% allowed);
    # 60% × 14,400 = 8,640 to 90% × 14,400 = 12,960 yuan.
    r = results["xishan-2022:3a"]
    assert r.status == "eligible"
    assert r.amount is None
    assert r.computed.amount_min == Decimal("8640")
    assert r.amount_max == Decimal("12960")


def test_sample_23_six_months_rent_in_risk_area(results):
    # 6 × 2.6万 = 15.6万.
    r = results["xishan-2022:23"]
    assert r.status == "eligible" and r.amount == Decimal("156000") and r.amount_max == Decimal("156000")


def test_sample_hiring_subsidies_apply_without_a_sum(results):
    for mid in ("xishan-2022:3c", "xishan-2022:3e"):
        r = results[mid]
        assert r.status == "eligible" and r.amount is None and r.amount_max is None, mid


def test_sample_utility_deferral_applies(results):
    assert results["xishan-2022:24a"].status == "eligible"


def test_sample_not_disrupted_not_manufacturing_not_farming(results):
    for mid in ("xishan-2022:3b", "xishan-2022:1c", "xishan-2022:7b", "xishan-2022:26a", "xishan-2022:26b"):
        assert results[mid].status == "ineligible", mid
