"""Near misses at the boundary, for every money measure with a threshold on a figure.

Starting from the hand-computed eligible case of each money measure (tests/test_explain_all.py),
for every condition of the form `figure (or its growth, increase) >= threshold` that the case
meets: set that figure one unit under its threshold. The measure must then lose its eligibility
or its tier, and a near-miss hint must offer the way back, a promise kept when the engine
evaluates the changed profile. Also, every hint on every case keeps its promise.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from polcalc.engine.awards import Tiers
from polcalc.engine.compiled import load_catalog
from polcalc.engine.evaluate import ELIGIBLE, evaluate_company, evaluate_measure
from polcalc.engine.facts import Facts
from polcalc.engine.nearmiss import near_misses, threshold_value
from polcalc.inputs.profiles import validate_profile
from polcalc.model.conditions import Comparison, iter_comparisons
from tests.test_explain_all import AS_OF, CASES

CATALOG = load_catalog()


def _profile(measure_id: str, data: dict):
    region = CATALOG.policy_of(CATALOG.measures[measure_id]).region
    data = {k: v for k, v in data.items() if v not in (None, {}, [])}
    data["years"] = {str(y): v for y, v in data.get("years", {}).items()}
    return validate_profile({"name": "case", "region": region, **data}, "case", CATALOG.vocabulary)


def _result(measure_id: str, profile):
    as_of = dt.date.fromisoformat(AS_OF[CATALOG.measures[measure_id].policy_id])
    return next(r for r in evaluate_company(profile, CATALOG, as_of).results if r.id == measure_id), as_of


def _kept(result, profile, as_of) -> list:
    hints = near_misses(result, profile, CATALOG, as_of)
    for hint in hints:
        after = evaluate_measure(
            result.measure, profile.with_figure(hint.year, hint.figure, hint.needed), CATALOG, as_of
        )
        worth = after.amount if after.amount is not None else after.amount_max
        assert after.status == ELIGIBLE and worth == hint.amount_after, (result.id, hint)
    return hints


def _thresholds(measure_id: str, result, facts: Facts) -> list[Comparison]:
    """The figure thresholds the case meets: in the measure's conditions and its reached tier's."""
    m = CATALOG.measures[measure_id]
    conds = list(m.when)
    if isinstance(m.award, Tiers) and result.computed.tier_index is not None:
        conds += list(m.award.tiers[result.computed.tier_index].when)
    return [c for c in iter_comparisons(conds) if threshold_value(c, facts) is not None]


def _step(figure: str):
    """One unit of a figure: a yuan, a person, a tonne; a hundredth of a percent for a share."""
    return Decimal("0.0001") if CATALOG.vocabulary.figures[figure].unit == "ratio" else Decimal(1)


def _nothing_under(cmp: Comparison) -> bool:
    """`x > 0` or a count `x >= 1`: one unit under is none at all, no near miss from nothing (read
    from the rule alone)."""
    return cmp.value == 0 or (cmp.op == ">=" and cmp.value == 1)


# The boundaries where one unit under is not enough to lose the case, or reaching the threshold
# alone does not restore it, each for a reason read from the rule and the case: the test asserts
# these outcomes too, so an engine that breaks a comparison fails rather than skips.
ANOTHER_ROUTE = {  # an any-of: the case meets the other route too
    ("xishan-2022:3a", "insured_employees.prev > 30"): "at 30 insured staff the small-firm test (20%) passes",
    ("xishan-2020:9.3.3a", "sales >= 10亿"): "the case's growth also reaches the top tier",
}
NOT_RESTORED = {  # the figure moves another fact the measure reads (a growth, a ratio)
    ("xinzhou-2022:13", "industrial_output.growth >= 10%"): "2022 output also decides the 5亿 first-time test",
    ("xishan-2020:10.1b", "revenue >= 2亿"): "revenue also sets the growth the measure reads",
    ("xishan-2020:3.2", "insured_employees.prev > 30"): "insured staff also set the layoff rate",
    ("xishan-2020:9.3.4a", "sales >= 6亿"): "sales also set the growth of the other route",
    ("xishan-2020:9.3.6", "revenue.growth >= 10%"): "revenue also sets the increase the bands read",
    ("xishan-2020:9.3.1", "sales.growth >= 14%"): "the case is a wholesaler: its own route is 18%, retail's 14%",
}

BOUNDARIES = []
NOTHING_UNDER = []
for _mid, _case in sorted(CASES.items()):
    _p = _profile(_mid, _case.profile)
    _r, _ = _result(_mid, _p)
    for _cmp in _thresholds(_mid, _r, Facts(_p, CATALOG, _r.year)):
        (NOTHING_UNDER if _nothing_under(_cmp) else BOUNDARIES).append((_mid, _cmp.text))


@pytest.mark.parametrize("measure_id", sorted(CASES))
def test_every_hint_on_every_case_keeps_its_promise(measure_id: str):
    profile = _profile(measure_id, CASES[measure_id].profile)
    result, as_of = _result(measure_id, profile)
    assert result.status == ELIGIBLE
    _kept(result, profile, as_of)


def test_boundaries_are_many():
    # Every threshold measure of the documents contributes; a drop here means cases lost theirs.
    assert len(BOUNDARIES) >= 35, len(BOUNDARIES)
    assert set(ANOTHER_ROUTE) | set(NOT_RESTORED) <= set(BOUNDARIES)


@pytest.mark.parametrize(("measure_id", "condition"), BOUNDARIES)
def test_one_unit_under_a_threshold_loses_it_and_a_hint_shows_the_way_back(measure_id: str, condition: str):
    profile = _profile(measure_id, CASES[measure_id].profile)
    before, as_of = _result(measure_id, profile)
    facts = Facts(profile, CATALOG, before.year)
    cmp = next(c for c in _thresholds(measure_id, before, facts) if c.text == condition)
    year, figure, least = threshold_value(cmp, facts)
    under = profile.with_figure(year, figure, least - _step(figure))
    after, _ = _result(measure_id, under)
    worse = (
        after.status != ELIGIBLE
        or (after.amount or 0) < (before.amount or 0)
        or (after.computed.tier_index != before.computed.tier_index)
    )
    assert worse == ((measure_id, condition) not in ANOTHER_ROUTE), (measure_id, condition, after.status)
    if not worse:
        return
    at_threshold, _ = _result(measure_id, profile.with_figure(year, figure, least))
    restored = at_threshold.status == ELIGIBLE and at_threshold.computed.tier_index == before.computed.tier_index
    assert restored == ((measure_id, condition) not in NOT_RESTORED), (measure_id, condition)
    if not restored:
        return
    hints = _kept(after, under, as_of)
    assert any(h.figure == figure and h.year == year and h.needed <= least for h in hints), (measure_id, hints)
