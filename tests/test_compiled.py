"""The compiled conditions (Compiled.verdict / checkers, polcalc.engine.compiled) agree with the
reference interpreter (tests/reference_conditions.check_condition), and an evaluation that leaves the reasons until they are read (detail=False)
agrees with the full one.

Over every condition of the shipped rules, the same conditions with every other operator their
value allows, and groups of them; on the sample companies, the hand-computed eligible case of
every money measure, and generated profiles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from hypothesis import given

from polcalc.engine.awards import AwardKind, Computed, Sum, Tiers, apply_cap, kind_of
from polcalc.engine.compiled import load_catalog
from polcalc.engine.conditions import Check
from polcalc.engine.evaluate import INELIGIBLE, NEEDS_DATA, evaluate_company
from polcalc.engine.facts import Facts
from polcalc.i18n.steps import render_step
from polcalc.inputs.profiles import read_profile
from polcalc.model.conditions import AllOf, AnyOf, Comparison, Condition, FactRef, iter_comparisons
from polcalc.model.profile import Profile
from tests.reference_conditions import check_condition, overall
from tests.test_nearmiss_all import _profile
from tests.test_properties import SETTINGS, profiles

CATALOG = load_catalog()
SAMPLES = [
    read_profile(str(p), p.read_bytes(), CATALOG.vocabulary) for p in sorted(Path("sample_companies").glob("*.toml"))
]


def _tier_conditions(award: AwardKind) -> Iterator[tuple[Condition, ...]]:
    if isinstance(award, Tiers):
        for tier in award.tiers:
            yield tier.when
            yield from _tier_conditions(tier.award)
    elif isinstance(award, Sum):
        for part in award.parts:
            yield from _tier_conditions(part)


def _shipped(region: str) -> list[tuple[Condition, ...]]:
    out = [p.when for p in CATALOG.policies.values() if p.region == region]
    for m in CATALOG.measures_for(region=region):
        out += [m.when, *_tier_conditions(kind_of(m.award))]
    return list(dict.fromkeys(conds for conds in out if conds))


def _other_ops(cmp: Comparison) -> list[Comparison]:
    """The comparison with each operator its value allows."""
    value = cmp.value
    if value is None:
        ops = ["is", "is not"]
    elif isinstance(value, tuple):
        ops = ["in", "not in"]
    elif isinstance(value, (Decimal, FactRef)):
        ops = [">=", ">", "<=", "<", "==", "!="]
    else:  # a word (a level, a size, an industry) or true/false
        ops = ["==", "!=", ">=", "<"]
    return [Comparison(cmp.fact, op, value, f"{cmp.fact.text} {op} {value}") for op in ops]


def _variants(shipped: list[tuple[Condition, ...]]) -> list[Condition]:
    """Each condition, the comparisons in it with every other operator, groups of them."""
    out: list[Condition] = []
    for conds in shipped:
        out += [*conds, AnyOf(conds), AllOf(conds)]
        for cmp in iter_comparisons(conds):
            out += _other_ops(cmp)
    return list(dict.fromkeys(out))


# Per region (a company meets only its region's rules): the tuples of conditions, their variants.
SHIPPED = {region: _shipped(region) for region in CATALOG.regions}
CONDITIONS = {region: _variants(shipped) for region, shipped in SHIPPED.items()}
COMPILED = {
    region: [(cond, CATALOG.checkers((cond,))[0], CATALOG.verdict((cond,))) for cond in conds]
    for region, conds in CONDITIONS.items()
}


def _agree(profile: Profile) -> None:
    """Every compiled check and verdict equals the reference's. Either side raising fails the
    test: two identical crashes are no agreement."""
    years = sorted({m.year or CATALOG.policy_of(m).year for m in CATALOG.measures_for(region=profile.region)})
    for year in years:
        facts = Facts(profile, CATALOG, year)
        for cond, checker, verdict in COMPILED[profile.region]:
            expected = check_condition(cond, facts)
            assert checker(facts) == expected, cond
            assert verdict(facts) == expected.holds, cond
        for conds in SHIPPED[profile.region]:
            assert CATALOG.verdict(conds)(facts) == overall([check_condition(c, facts) for c in conds]), conds


def test_compiled_conditions_agree_with_their_definition_on_the_samples():
    assert sum(map(len, CONDITIONS.values())) > 1000  # every operator, not only those the rules use
    for profile in SAMPLES:
        _agree(profile)


def test_compiled_conditions_agree_on_every_measures_eligible_case():
    from tests.test_explain_all import CASES

    for measure_id, case in CASES.items():
        _agree(_profile(measure_id, case.profile))


@SETTINGS
@given(profiles())
def test_compiled_conditions_agree_on_generated_profiles(profile: Profile):
    _agree(profile)


# ------------------------------------------------------------------ whole evaluations


def _seen(check: Check, lang: str) -> tuple:
    """A check as a reader sees it (the FactValues themselves differ between two evaluations)."""
    children = tuple(_seen(c, lang) for c in check.children)
    return check.describe(lang), check.holds, check.missing, check.value(lang), check.explain_note(lang), children


def _interpreted(result, profile: Profile) -> list[tuple]:
    """The result's checks as check_condition gives them."""
    own = Facts(profile, CATALOG, result.year)
    first = Facts(profile, CATALOG, result.policy.year)
    checks = [check_condition(c, first) for c in result.policy.when]
    checks += [check_condition(c, own) for c in result.measure.when]
    # A condition a department judges that the profile cannot decide holds, undecided inside.
    judged = [check_condition(c, own) for c in result.measure.judged]
    checks += [c if c.holds is not None else Check("", True, children=(c,), group="judged") for c in judged]
    return [_seen(c, lang) for c in checks for lang in ("en", "zh")]


def _same_evaluations(profile: Profile, as_of: dt.date) -> None:
    full = evaluate_company(profile, CATALOG, as_of).results
    lazy = evaluate_company(profile, CATALOG, as_of, detail=False).results
    money = evaluate_company(profile, CATALOG, as_of, detail=False, money_only=True).results
    assert [r.id for r in money] == [r.id for r in full if r.measure.award.kind != "none"]
    by_id = {r.id: r for r in lazy}
    for r in full:
        other = by_id[r.id]
        assert (r.status, r.amount, r.amount_max, r.computed.amount_min, r.stacked_out_by, r.open, r.missing) == (
            other.status,
            other.amount,
            other.amount_max,
            other.computed.amount_min,
            other.stacked_out_by,
            other.open,
            other.missing,
        ), r.id
        seen = [_seen(c, lang) for c in r.checks for lang in ("en", "zh")]
        assert seen == [_seen(c, lang) for c in other.checks for lang in ("en", "zh")], r.id
        assert seen == _interpreted(r, profile), r.id
        if r.status != INELIGIBLE:  # the award as compute() gives it, whatever was shared or left till read
            assert _award(r.computed) == _award(_computed_afresh(r, profile)), r.id


def _computed_afresh(result, profile: Profile) -> Computed:
    computed = kind_of(result.measure.award).compute(Facts(profile, CATALOG, result.year))
    if result.status == NEEDS_DATA and not computed.missing:
        return Computed()  # needs data for its conditions: the award adds nothing to name
    if result.status == NEEDS_DATA:
        return Computed(missing=computed.missing)
    if result.measure.cap is not None:
        apply_cap(computed, result.measure.cap)
    return computed


def _award(c: Computed) -> tuple:
    steps = tuple(render_step(s, "en") for s in c.steps)
    return c.amount, c.amount_max, c.amount_min, c.missing, c.more_data, c.cap, c.capped, c.tier, steps


def test_reasons_left_until_read_are_the_full_reasons_on_the_samples():
    for profile in SAMPLES:
        for as_of in (dt.date(2020, 6, 30), dt.date(2023, 6, 30)):
            _same_evaluations(profile, as_of)


@SETTINGS
@given(profiles())
def test_reasons_left_until_read_are_the_full_reasons_on_generated_profiles(profile: Profile):
    _same_evaluations(profile, dt.date(2022, 6, 30))
