"""Near misses: the smallest change to one figure that would qualify a company, or lift it a tier.

A hint is only given once it is proven: the changed profile is evaluated again and must yield
the promised status and amount. So a hint never promises what the engine would not pay.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import ROUND_CEILING, Decimal

from polcalc.engine.catalog import Catalog
from polcalc.engine.evaluate import ELIGIBLE, Check, CompanyResult, Result, check_all, evaluate_measure
from polcalc.engine.facts import Facts
from polcalc.engine.hint import Hint
from polcalc.model.conditions import Comparison
from polcalc.model.profile import Profile
from polcalc.model.rules import Tiers

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
    threshold = cmp.value
    if selector == "":
        needed = threshold
    else:
        base = facts.profile.figure(year - 1, figure)
        if base is None:
            return None
        if selector == "increase":
            needed = base + threshold
        elif selector in ("growth", "prev_growth"):
            needed = base * (1 + threshold)
        else:
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
    award = result.measure.award
    if isinstance(award, Tiers):
        # Tiers above the one reached (or all, when none was): their failing conditions.
        for index, tier in enumerate(award.tiers):
            if result.computed.tier_index is not None and index == result.computed.tier_index:
                continue
            yield from _failing(check_all(tier.when, facts))


def company_near_misses(company: CompanyResult, catalog: Catalog, as_of: dt.date, limit: int = 8) -> list[Hint]:
    """The nearest proven hints across a company's measures, by smallest relative change."""
    hints = [
        h for r in company.results if r.stacked_out_by is None for h in near_misses(r, company.profile, catalog, as_of)
    ]
    hints.sort(key=lambda h: (h.relative, -h.gain))
    return hints[:limit]


def near_misses(result: Result, profile: Profile, catalog: Catalog, as_of: dt.date) -> list[Hint]:
    """Proven hints for one result, nearest first (smallest relative change of the figure)."""
    if result.status == ELIGIBLE and not isinstance(result.measure.award, Tiers):
        return []
    if result.status == ELIGIBLE and result.computed.capped:
        return []
    # needs_data results are included: a hint there meets a condition through another route.
    facts = Facts(profile, catalog, result.year)
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
