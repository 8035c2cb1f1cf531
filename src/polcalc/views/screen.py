"""A district-wide screen: per company its awards, per measure who qualifies and what it costs.

Only running sums are kept per measure (never the list of companies), so memory stays flat
however large the population; the per-company and per-measure rows are streamed out.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from polcalc.core.money import json_number
from polcalc.engine.evaluate import ELIGIBLE, NEEDS_DATA, CompanyResult, Result
from polcalc.views.results import ResultView, result_view


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


def add_results(tallies: dict[str, Tally], results: list[Result], include_drafts: bool) -> None:
    """Add each result to its measure's tally in `tallies` (made when first needed): drafts left out
    unless asked for, a service's eligibility not counted, a stacked-out award counted apart.
    In place, not a Tally per result: a screen adds up every result of every company."""
    for result in results:
        status = result.status
        if status == ELIGIBLE:
            if not result.grants_money:
                continue
        elif status != NEEDS_DATA:
            continue
        if result.draft and not include_drafts:
            continue
        tally = tallies.get(result.id)
        if tally is None:
            tally = tallies[result.id] = Tally()
        if status == NEEDS_DATA:
            tally.needs_data += 1  # (reading its award would work out what else it reads: unused here)
            continue
        if result.stacked_out_by:
            tally.stacked_out += 1
            continue
        tally.eligible += 1
        c = result.computed
        if c.amount is not None:
            tally.certain += c.amount
        elif c.amount_max is not None:
            tally.up_to += c.amount_max
        else:
            tally.unstated += 1


def screened_results(company: CompanyResult, lang: str, show_all: bool) -> list[ResultView]:
    """The results a screen shows of a company: the eligible ones, or with show_all every one."""
    shown: dict[int, str] = {}  # views.results.failed_reasons: one company's facts
    return [result_view(r, lang, shown) for r in company.results if show_all or r.status == ELIGIBLE]


def screened_company(ident: str, line: int, company: CompanyResult, lang: str, show_all: bool) -> dict[str, Any]:
    return {
        "id": ident,
        "line": line,
        "name": company.profile.name,
        "region": company.profile.region,
        "results": [r.as_dict() for r in screened_results(company, lang, show_all)],
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
