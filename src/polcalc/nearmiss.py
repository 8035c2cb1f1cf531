"""Near misses: the smallest change to one figure that would qualify a company, or lift it a tier.

A hint is only given once it is proven: the changed profile is evaluated again and must yield
the promised status and amount. So a hint never promises what the engine would not pay.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal

from polcalc.catalog import Catalog
from polcalc.conditions import Comparison
from polcalc.engine import ELIGIBLE, Check, CompanyResult, Result, check_all, evaluate_measure
from polcalc.facts import Facts
from polcalc.profile import Profile
from polcalc.rules import Tiers

RAISING_OPS = (">=", ">")
MAX_RELATIVE_CHANGE = Decimal("0.5")  # beyond +50% of the figure a change is no "near" miss


@dataclass(frozen=True)
class Hint:
    measure_id: str
    condition: str  # the rule's condition the change satisfies
    year: int
    figure: str  # the profile key's figure name
    current: Decimal
    needed: Decimal
    amount_before: Decimal | None
    amount_after: Decimal | None
    status_before: str

    @property
    def key(self) -> str:
        return f"years.{self.year}.{self.figure}"

    @property
    def change(self) -> Decimal:
        return self.needed - self.current

    @property
    def gain(self) -> Decimal:
        return (self.amount_after or Decimal(0)) - (self.amount_before or Decimal(0))

    @property
    def relative(self) -> Decimal:
        return self.change / self.current if self.current else Decimal("Infinity")


def _failing(checks: list[Check]) -> Iterator[Comparison]:
    for check in checks:
        if check.holds is not False:
            continue
        if check.comparison is not None:
            yield check.comparison
        yield from _failing(list(check.children))


def _target(cmp: Comparison, facts: Facts) -> tuple[int, str, Decimal] | None:
    """The value one profile figure must take for `cmp` to hold, or None if no single figure can."""
    if cmp.op not in RAISING_OPS or not isinstance(cmp.value, Decimal):
        return None
    fv = facts.get(cmp.fact)
    if fv.driver is None or not isinstance(fv.value, Decimal):
        return None
    year, figure, selector = fv.driver
    threshold = cmp.value
    current = facts.profile.figure(year, figure)
    if current is None:
        return None
    if selector == "":
        needed = threshold
    elif selector == "increase":
        needed = (current - fv.value) + threshold
    elif selector in ("growth", "prev_growth"):
        base = current / (1 + fv.value)  # the base year's figure
        needed = base * (1 + threshold)
    else:
        return None
    unit = Decimal(1)  # money in whole yuan, counts in whole units: round up to reach the threshold
    needed = needed.to_integral_value(rounding=ROUND_CEILING)
    if cmp.op == ">" or (selector == "" and cmp.op == ">=" and needed < threshold):
        needed += unit
    return (year, figure, needed) if needed > current else None


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
    facts = Facts(profile, catalog, result.year)
    before = result.amount if result.status == ELIGIBLE else None
    seen: set[tuple[int, str, Decimal]] = set()
    hints: list[Hint] = []
    for cmp in _candidates(result, facts):
        target = _target(cmp, facts)
        if target is None or target in seen:
            continue
        seen.add(target)
        year, figure, needed = target
        current = profile.figure(year, figure)
        assert current is not None
        if current and (needed - current) / current > MAX_RELATIVE_CHANGE:
            continue
        changed = profile.with_figure(year, figure, needed)
        after = evaluate_measure(result.measure, changed, catalog, as_of)
        if after.status != ELIGIBLE:
            continue
        gain_ok = after.amount is not None and (before is None or after.amount > before)
        newly = result.status != ELIGIBLE
        if not (gain_ok or (newly and after.amount is None)):
            continue
        hints.append(Hint(result.id, cmp.text, year, figure, current, needed, before, after.amount, result.status))
    hints.sort(key=lambda h: (h.relative, -h.gain))
    # One hint per figure: the nearest.
    best: dict[str, Hint] = {}
    for h in hints:
        best.setdefault(h.key, h)
    return list(best.values())
