"""Shared helpers: build a profile from a dict and evaluate one measure for it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from polcalc.engine.compiled import load_catalog
from polcalc.engine.evaluate import Result, evaluate_company
from polcalc.inputs.profiles import validate_profile
from polcalc.model.profile import Profile

IN_FORCE_2020 = dt.date(2020, 6, 30)


def make_profile(data: dict[str, Any]) -> Profile:
    """A profile from a dict written like the TOML (years as strings or ints)."""
    data = dict(data)
    if "years" in data:
        data["years"] = {str(y): v for y, v in data["years"].items()}
    return validate_profile(data, "test", load_catalog().vocabulary)


def evaluate(measure_id: str, data: dict[str, Any], as_of: dt.date = IN_FORCE_2020) -> Result:
    """The result of one measure for a profile (stacking applied across its region)."""
    profile = make_profile(data)
    company = evaluate_company(profile, load_catalog(), as_of)
    for result in company.results:
        if result.id == measure_id:
            return result
    raise AssertionError(f"{measure_id} not evaluated for region {profile.region}")


@pytest.fixture
def catalog():
    return load_catalog()
