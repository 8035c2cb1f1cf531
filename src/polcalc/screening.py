"""A district-wide screen: per company its awards, per measure who qualifies and what it costs.

Only running sums are kept per measure (never the list of companies), so memory stays flat
however large the population; the per-company and per-measure rows are streamed out.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from polcalc.engine import ELIGIBLE, NEEDS_DATA, CompanyResult, Result
from polcalc.money import json_number
from polcalc.report import result_dict


@dataclass
class Tally:
    """One measure across the population."""

    eligible: int = 0
    certain: Decimal = Decimal(0)  # the sum of exact amounts: what the treasury pays for sure
    up_to: Decimal = Decimal(0)  # the most the ranges and discretionary awards could add
    unstated: int = 0  # eligible with no amount the rules can fix
    needs_data: int = 0
    stacked_out: int = 0

    def add(self, other: Tally) -> None:
        self.eligible += other.eligible
        self.certain += other.certain
        self.up_to += other.up_to
        self.unstated += other.unstated
        self.needs_data += other.needs_data
        self.stacked_out += other.stacked_out


def tally_of(result: Result, include_drafts: bool) -> Tally | None:
    """What one result adds to its measure's tally (None: nothing)."""
    if result.draft and not include_drafts:
        return None
    if result.status == NEEDS_DATA:
        return Tally(needs_data=1)
    if result.status != ELIGIBLE or result.measure.award.kind == "none":
        return None
    if result.stacked_out_by:
        return Tally(stacked_out=1)
    if result.amount is not None:
        return Tally(eligible=1, certain=result.amount)
    if result.amount_max is not None:
        return Tally(eligible=1, up_to=result.amount_max)
    return Tally(eligible=1, unstated=1)


def screened_company(ident: str, line: int, company: CompanyResult, lang: str, show_all: bool) -> dict[str, Any]:
    results = [r for r in company.results if show_all or r.status == ELIGIBLE]
    return {
        "id": ident,
        "line": line,
        "name": company.profile.name,
        "region": company.profile.region,
        "results": [result_dict(r, lang) for r in results],
    }


def tally_dict(measure_id: str, title: str, tally: Tally) -> dict[str, Any]:
    return {
        "id": measure_id,
        "title": title,
        "eligible": tally.eligible,
        "total": json_number(tally.certain),
        "up_to_more": json_number(tally.up_to),
        "unstated": tally.unstated,
        "needs_data": tally.needs_data,
        "stacked_out": tally.stacked_out,
    }
