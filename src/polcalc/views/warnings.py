"""Things worth telling the user that do not stop the run: figures no measure reads, and
growth rates that cannot be computed from a base of zero."""

from __future__ import annotations

from polcalc.core.steps import Step
from polcalc.engine.compiled import Compiled
from polcalc.engine.evaluate import CompanyResult
from polcalc.i18n.steps import render_step
from polcalc.i18n.words import say


def profile_warnings(company: CompanyResult, catalog: Compiled, lang: str = "en") -> list[str]:
    out: list[str] = []
    profile = company.profile
    read, all_before = catalog.years_read(profile.region)
    unread = sorted(y for y in profile.years if y not in read and not (all_before and y < all_before))
    if unread and read:
        keys = ", ".join(f"years.{y}" for y in unread)
        out.append(say("warn_years_unread", lang, keys=keys, region=profile.region, first=min(read), last=max(read)))
    for r in company.results:
        # Only the reasons are worded: the checks that hold a value are never composed here. The test
        # is Check.undefined spelled out: it runs over every check of every measure, and is rarely true.
        reasons: list[Step] = [
            c.undefined  # type: ignore[misc]
            for c in r.checks
            if c.fact is not None and (c.fact.undefined or (c.right is not None and c.right.undefined))
        ]
        if r.computed.undefined:
            reasons.append(r.computed.undefined)
        if reasons:
            out += [f"{r.id}: {text}" for text in dict.fromkeys(render_step(reason, lang) for reason in reasons)]
    return out
