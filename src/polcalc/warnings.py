"""Things worth telling the user that do not stop the run: figures no measure reads, and
growth rates that cannot be computed from a base of zero."""

from __future__ import annotations

from polcalc.catalog import Catalog
from polcalc.engine import CompanyResult
from polcalc.fields import fields_used


def years_read(catalog: Catalog, region: str) -> tuple[frozenset[int], int | None]:
    """The years the region's measures read, and the year before which every year counts."""
    key = ("years_read", region)
    if key not in catalog.memo:
        years: set[int] = set()
        before: int | None = None
        for use in fields_used(catalog, region).values():
            years |= use.years
            if use.all_years_before is not None:
                before = max(before or use.all_years_before, use.all_years_before)
        catalog.memo[key] = (frozenset(years), before)
    return catalog.memo[key]


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
