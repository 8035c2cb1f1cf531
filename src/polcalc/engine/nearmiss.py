"""Near misses: the smallest change to one figure that would qualify a company, or lift it a tier.

A hint is only given once it is proven: the changed profile is evaluated again and must yield
the promised status and amount. So a hint never promises what the engine would not pay.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import ROUND_CEILING, Decimal

from polcalc.engine.awards import kind_of
from polcalc.engine.compiled import Compiled
from polcalc.engine.conditions import Verdict, check_all
from polcalc.engine.evaluate import ELIGIBLE, Check, CompanyResult, Result, evaluate_measure
from polcalc.engine.facts import Facts, moves_with_figures
from polcalc.engine.hint import Hint
from polcalc.engine.selectors import selector_of
from polcalc.model.conditions import Comparison, FactRef, iter_comparisons
from polcalc.model.profile import Profile
from polcalc.model.rules import Measure

RAISING_OPS = (">=", ">")
MAX_RELATIVE_CHANGE = Decimal("0.5")  # beyond +50% of the figure a change is no "near" miss


def _failing(checks: list[Check]) -> Iterator[Comparison]:
    """Failing comparisons, also inside groups still undecided for lack of data: in
    {any = [a, b]} with `a` unknown and `b` failing, meeting `b` qualifies the company."""
    for check in checks:
        if check.holds is True:
            continue
        if check.comparison is not None and check.holds is False:
            yield check.comparison
        yield from _failing(list(check.children))


def threshold_value(cmp: Comparison, facts: Facts) -> tuple[int, str, Decimal] | None:
    """The least value of one profile figure for which `cmp` holds, other figures unchanged;
    None where no single figure decides it (a status, a ratio of two figures, a month group)."""
    if cmp.op not in RAISING_OPS or not isinstance(cmp.value, Decimal):
        return None
    fv = facts.get(cmp.fact)
    if fv.driver is None or not isinstance(fv.value, Decimal):
        return None
    year, figure, selector = fv.driver
    needed = selector_of(selector).invert(facts.profile, year, figure, cmp.value)
    if needed is None:
        return None
    # Figures are whole yuan, units, tonnes; shares (ratio figures) are exact.
    step = Decimal(1) if facts.vocab.figures[figure].unit != "ratio" else Decimal("0.0001")
    least = (needed / step).to_integral_value(rounding=ROUND_CEILING) * step
    if cmp.op == ">" and least == needed:
        least += step
    return year, figure, least


def _target(cmp: Comparison, facts: Facts) -> tuple[int, str, Decimal] | None:
    """The value one figure must rise to for `cmp` to hold, or None if none can or it already does."""
    found = threshold_value(cmp, facts)
    if found is None:
        return None
    year, figure, needed = found
    current = facts.profile.figure(year, figure)
    return found if current is not None and needed > current else None


def _worth(result: Result) -> Decimal | None:
    """What a result is worth for comparing tiers: its amount, else its ceiling ("up to")."""
    return result.amount if result.amount is not None else result.amount_max


def _candidates(result: Result, facts: Facts) -> Iterator[Comparison]:
    yield from _failing(result.checks)
    # Tiers above the one reached (or all, when none was): their failing conditions.
    for index, tier in enumerate(kind_of(result.measure.award).choices()):
        if result.computed.tier_index is not None and index == result.computed.tier_index:
            continue
        yield from _failing(check_all(tier.when, facts))


def company_near_misses(company: CompanyResult, catalog: Compiled, as_of: dt.date, limit: int = 8) -> list[Hint]:
    """The nearest proven hints across a company's measures, by smallest relative change."""
    facts: dict[int, Facts] = {}  # one company's facts per year, shared by its measures
    hints = [
        h
        for r in company.results
        if r.stacked_out_by is None
        for h in near_misses(r, company.profile, catalog, as_of, facts)
    ]
    hints.sort(key=lambda h: (h.relative, -h.gain))
    return hints[:limit]


def _may_hint(measure: Measure, catalog: Compiled) -> bool:
    """Whether any condition of the measure (its policy's, its own, its tiers') is a threshold a
    figure can rise to: without one no hint can be found, and the reasons need not be built
    (a district's screen asks this of every result). Once per measure and catalog."""
    found = catalog.may_hint.get(measure.id)
    if found is None:
        conds = [
            *catalog.policy_of(measure).when,
            *measure.when,
            *(c for t in kind_of(measure.award).choices() for c in t.when),
        ]
        found = catalog.may_hint[measure.id] = any(
            cmp.op in RAISING_OPS and isinstance(cmp.value, Decimal) for cmp in iter_comparisons(conds)
        )
    return found


def _fixed_verdict(measure: Measure, catalog: Compiled) -> Verdict | None:
    """The verdict of the measure's conditions (its policy's and its own) that read no figure:
    False, no change of one figure can qualify the company. Once per measure and catalog."""
    if measure.id not in catalog.fixed_verdicts:
        vocab = catalog.vocabulary
        fixed = tuple(
            cond
            for cond in (*catalog.policy_of(measure).when, *measure.when)
            if not any(
                moves_with_figures(cmp.fact, vocab)
                or (isinstance(cmp.value, FactRef) and moves_with_figures(cmp.value, vocab))
                for cmp in iter_comparisons([cond])
            )
        )
        catalog.fixed_verdicts[measure.id] = catalog.verdict(fixed) if fixed else None
    return catalog.fixed_verdicts[measure.id]


def near_misses(
    result: Result, profile: Profile, catalog: Compiled, as_of: dt.date, facts_by_year: dict[int, Facts] | None = None
) -> list[Hint]:
    """Proven hints for one result, nearest first (smallest relative change of the figure);
    `facts_by_year` shares the profile's facts between the results of one company."""
    if result.status == ELIGIBLE and not kind_of(result.measure.award).choices():
        return []  # eligible, with no higher tier to reach
    if result.status == ELIGIBLE and result.computed.capped:
        return []
    if not _may_hint(result.measure, catalog):
        return []
    # needs_data results are included: a hint there meets a condition through another route.
    facts = (facts_by_year or {}).get(result.year) or result.facts()
    if facts is None or facts.profile is not profile:
        facts = Facts(profile, catalog, result.year)
    if facts_by_year is not None:
        facts_by_year[result.year] = facts
    fixed = _fixed_verdict(result.measure, catalog)
    if fixed is not None and fixed(facts) is False:
        return []  # an industry, a status, a region the change of a figure cannot give
    before = _worth(result) if result.status == ELIGIBLE else None
    seen: set[tuple[int, str, Decimal]] = set()
    hints: list[Hint] = []
    for cmp in _candidates(result, facts):
        target = _target(cmp, facts)
        if target is None or target in seen:
            continue
        seen.add(target)
        year, figure, needed = target
        current = profile.figure(year, figure)
        # From nothing (no fintech platform, no exports) a firm is not near a threshold: it would
        # be starting a new line of business, which is no hint worth giving.
        if not current or (needed - current) / current > MAX_RELATIVE_CHANGE:
            continue
        changed = profile.with_figure(year, figure, needed)
        after = evaluate_measure(result.measure, changed, catalog, as_of)
        if after.status != ELIGIBLE:
            continue
        worth = _worth(after)
        gain_ok = worth is not None and (before is None or worth > before)
        newly = result.status != ELIGIBLE
        if not (gain_ok or (newly and worth is None)):
            continue
        hints.append(
            Hint(result.id, cmp.text, year, figure, current, needed, before, worth, result.status, after.amount is None)
        )
    hints.sort(key=lambda h: (h.relative, -h.gain))
    # One hint per figure: the nearest.
    best: dict[str, Hint] = {}
    for h in hints:
        best.setdefault(h.key, h)
    return list(best.values())
