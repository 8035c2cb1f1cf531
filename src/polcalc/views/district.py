"""A district's dashboard (`screen --html`) as plain data: what the population costs per measure and
per policy, how many companies qualify, how the awards are spread, who is one change from a
measure, and which rows could not be read.

Like the screen's tallies, only running sums and a bounded list are kept (never every company),
so memory stays flat however large the population; workers fill a District per chunk and the
main process adds them up.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from polcalc.core.money import json_number
from polcalc.engine.catalog import Catalog
from polcalc.engine.evaluate import CompanyResult
from polcalc.engine.hint import Hint
from polcalc.views.results import totals
from polcalc.views.screen import ScreenSummary

# Lower bounds (yuan) of the bands of a company's certain total; the first band starts above 0.
BANDS = (Decimal(0), Decimal(10_000), Decimal(50_000), Decimal(100_000), Decimal(500_000), Decimal(1_000_000))
CLOSEST = 30  # the companies nearest a measure listed by name on the page
UNREADABLE_SHOWN = 200  # rows that could not be read, listed (all are counted)


@dataclass
class NearTally:
    """One measure's companies one change away, and what meeting it would add."""

    companies: int = 0
    gain: Decimal = Decimal(0)  # certain amounts the changes would add
    up_to: Decimal = Decimal(0)  # ceilings, where the department sets the sum

    def add(self, other: NearTally) -> None:
        self.companies += other.companies
        self.gain += other.gain
        self.up_to += other.up_to


@dataclass
class District:
    screened: int = 0
    qualifying: int = 0  # companies with at least one award counted (money, not stacked out)
    # Companies by certain total: [none, only sums the department sets, then one per BANDS entry].
    bands: list[int] = field(default_factory=lambda: [0] * (len(BANDS) + 2))
    near: dict[str, NearTally] = field(default_factory=dict)
    # The nearest hints of the population: (relative change, -gain, line, company id, name, hint).
    closest: list[tuple[Decimal, Decimal, int, str, str, Hint]] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)  # the first UNREADABLE_SHOWN messages
    unreadable_count: int = 0

    def add_company(self, ident: str, line: int, company: CompanyResult, hints: list[Hint], drafts: bool) -> None:
        """One screened company: its totals into the bands, its nearest hint per measure into
        the near misses (drafts' only when they are counted)."""
        self.screened += 1
        sums = totals(company.results, drafts)
        certain = sum(sums.certain.values(), Decimal(0))
        if certain > 0:
            self.bands[2 + sum(1 for lo in BANDS[1:] if certain >= lo)] += 1
        elif sums.up_to or sums.discretionary:
            self.bands[1] += 1
        else:
            self.bands[0] += 1
        self.qualifying += certain > 0 or bool(sums.up_to or sums.discretionary)
        drafts_out = set() if drafts else {r.id for r in company.results if r.draft}
        seen: set[str] = set()
        for h in hints:  # nearest first: a company counts once per measure, by its nearest change
            if h.measure_id in seen or h.measure_id in drafts_out:
                continue
            seen.add(h.measure_id)
            tally = self.near.setdefault(h.measure_id, NearTally())
            tally.companies += 1
            if h.ceiling:
                tally.up_to += h.gain
            else:
                tally.gain += h.gain
            self._keep([(h.relative, -h.gain, line, ident, company.profile.name, h)])

    def add_unreadable(self, message: str) -> None:
        self.unreadable_count += 1
        if len(self.unreadable) < UNREADABLE_SHOWN:
            self.unreadable.append(message)

    def add(self, other: District) -> None:
        self.screened += other.screened
        self.qualifying += other.qualifying
        self.bands = [a + b for a, b in zip(self.bands, other.bands, strict=True)]
        for measure_id, tally in other.near.items():
            self.near.setdefault(measure_id, NearTally()).add(tally)
        self._keep(other.closest)
        for message in other.unreadable:
            self.add_unreadable(message)
        self.unreadable_count += other.unreadable_count - len(other.unreadable)

    def _keep(self, entries: list[tuple[Decimal, Decimal, int, str, str, Hint]]) -> None:
        # Rows' lines are unique in a file, so the key never reaches the (unordered) hint.
        self.closest = heapq.nsmallest(CLOSEST, [*self.closest, *entries], key=lambda e: e[:3])


def band_bounds() -> list[tuple[Decimal, Decimal | None]]:
    """The certain-total bands as (from, below) in yuan; the last one is open-ended."""
    return [(lo, BANDS[i + 1] if i + 1 < len(BANDS) else None) for i, lo in enumerate(BANDS)]


def district_view(
    district: District, summary: ScreenSummary, catalog: Catalog, drafts: bool, lang: str
) -> dict[str, Any]:
    """The dashboard's data: its totals are the screen's (the json's "measures"); per policy they
    are the sums of its measures."""
    from polcalc.views.hints import hint_dict

    vocab = catalog.vocabulary
    measures = [m.as_dict() for m in summary.measures if m.tally.eligible or m.tally.stacked_out]
    lacking = [m.as_dict() for m in sorted(summary.lacking_data, key=lambda m: (-m.tally.needs_data, m.id))]
    policies: dict[str, dict[str, Any]] = {}
    for m in summary.measures:
        policy = catalog.policy_of(catalog.measures[m.id])
        p = policies.setdefault(
            policy.id,
            {
                "id": policy.id,
                "title": policy.title.get(lang),
                "document_number": policy.document_number,
                "draft": policy.draft,
                "measures_met": 0,
                "awards": 0,
                "total": Decimal(0),
                "up_to_more": Decimal(0),
            },
        )
        p["measures_met"] += m.tally.eligible > 0
        p["awards"] += m.tally.eligible
        p["total"] += m.total
        p["up_to_more"] += m.up_to_more
    titles = {m.id: m.title for m in summary.measures}
    near = [
        {
            "id": mid,
            "title": titles.get(mid) or catalog.measures[mid].title.get(lang),
            "companies": t.companies,
            "gain": json_number(t.gain),
            "up_to": json_number(t.up_to),
        }
        for mid, t in sorted(district.near.items(), key=lambda kv: (-kv[1].companies, kv[0]))
    ]
    closest = [
        {
            "company": ident,
            "line": line,
            "name": name,
            **hint_dict(h, lang, vocab),
            "title": catalog.measures[h.measure_id].title.get(lang),
        }
        for _, _, line, ident, name, h in district.closest
    ]
    return {
        "screened": district.screened,
        "qualifying": district.qualifying,
        "total": json_number(summary.total),
        "up_to_more": json_number(summary.up_to_more),
        "drafts": drafts,
        "measures": measures,
        "needs_data": lacking,
        "policies": [
            {**p, "total": json_number(p["total"]), "up_to_more": json_number(p["up_to_more"])}
            for p in policies.values()
        ],
        "bands": district.bands,
        "near": near,
        "closest": closest,
        "unreadable": district.unreadable,
        "unreadable_count": district.unreadable_count,
    }
