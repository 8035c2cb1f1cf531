"""Things worth telling the user that do not stop the run: figures no measure reads, and
growth rates that cannot be computed from a base of zero."""

from __future__ import annotations

from polcalc.catalog import Catalog
from polcalc.conditions import FactRef, iter_comparisons
from polcalc.engine import CompanyResult
from polcalc.rules import Measure


def _facts_of(measure: Measure):
    from polcalc.catalog import iter_award_facts
    from polcalc.rules import Tiers

    for cmp in iter_comparisons(measure.when):
        yield cmp.fact
        if isinstance(cmp.value, FactRef):
            yield cmp.value
    yield from iter_award_facts(measure.award)
    if isinstance(measure.award, Tiers):
        for tier in measure.award.tiers:
            for cmp in iter_comparisons(tier.when):
                yield cmp.fact


def years_read(catalog: Catalog, region: str) -> tuple[set[int], int | None]:
    """The years the region's measures read, and the year before which every year counts
    (for 'first time' facts that look at all earlier years), if any."""
    years: set[int] = set()
    all_before: int | None = None
    for m in catalog.measures_for(region=region):
        y = m.year or catalog.policy_of(m).year
        years.update((y, y - 1, y - 2))
        if any(s.name == "peak_before" for f in _facts_of(m) for s in f.selectors):
            all_before = max(all_before or y, y)
    return years, all_before


def profile_warnings(company: CompanyResult, catalog: Catalog) -> list[str]:
    out: list[str] = []
    profile = company.profile
    read, all_before = years_read(catalog, profile.region)
    unread = sorted(y for y in profile.years if y not in read and not (all_before and y < all_before))
    if unread and read:
        out.append(
            f"years.{', years.'.join(map(str, unread))}: no measure of {profile.region} reads these years "
            f"(they read {min(read)}–{max(read)}); check the year"
        )
    for r in company.results:
        reasons = [c.note for c in r.checks if c.actual == "undefined" and c.note]
        if r.computed.undefined:
            reasons.append(r.computed.undefined)
        out += [f"{r.id}: {reason}" for reason in dict.fromkeys(reasons)]
    return out
