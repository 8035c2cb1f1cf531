"""A district-wide screen: per company its awards, per measure who qualifies and what it costs.

Only running sums are kept per measure (never the list of companies), so memory stays flat
however large the population; the per-company and per-measure rows are streamed out.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from polcalc.core.money import json_number, to_fen
from polcalc.engine.catalog import Catalog
from polcalc.engine.evaluate import ELIGIBLE, NEEDS_DATA, CompanyResult, Result
from polcalc.views.results import ResultView, result_view, totals


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


def paying(company: CompanyResult, drafts: bool) -> list[Result]:
    """The company's results that pay or may pay: eligible, money, drafts only when counted."""
    return [r for r in company.results if r.status == ELIGIBLE and r.grants_money and (drafts or not r.draft)]


def measure_rows(ident: str, line: int, company: CompanyResult, drafts: bool, lang: str) -> list[list[Any]]:
    """Per measure the company meets: measure, title, company id, line, name, amount, up to,
    stacked out by (screen's --by-measure columns), amounts as check's json writes them."""
    name = company.profile.name
    return [
        [
            r.id,
            r.measure.title.get(lang),
            ident,
            line,
            name,
            json_number(r.amount),
            json_number(r.amount_max),
            r.stacked_out_by,
        ]
        for r in paying(company, drafts)
    ]


def workbook_rows(
    ident: str, line: int, company: CompanyResult, drafts: bool, lang: str
) -> tuple[list[Any], list[list[Any]]]:
    """The company's row of the workbook (id, line, name, region, measures met, certain sum,
    up-to sum) and its rows per measure met: the numbers check's json gives."""
    rows = measure_rows(ident, line, company, drafts, lang)
    sums = totals(company.results, drafts)
    profile = company.profile
    certain = json_number(sum(sums.certain.values(), Decimal(0)))
    return [ident, line, profile.name, profile.region, len(rows), certain, json_number(sums.up_to)], rows


@dataclass(frozen=True, slots=True)
class MeasureCost:
    """One measure across the screened population, titled in the run's language."""

    id: str
    title: str
    tally: Tally

    @property
    def total(self) -> Decimal:
        """The certain cost, to the fen, as every output shows it (and adds it up)."""
        return to_fen(self.tally.certain)

    @property
    def up_to_more(self) -> Decimal:
        return to_fen(self.tally.up_to)

    def as_dict(self) -> dict[str, Any]:
        """As the screen json's "measures" write it (shared/CONTRACT.md)."""
        t = self.tally
        return {
            "id": self.id,
            "title": self.title,
            "eligible": t.eligible,
            "total": json_number(t.certain),
            "up_to_more": json_number(t.up_to),
            "unstated": t.unstated,
            "needs_data": t.needs_data,
            "stacked_out": t.stacked_out,
        }


@dataclass(frozen=True, slots=True)
class ScreenSummary:
    """What a screen found, for its summary table, the json's "measures", the workbook's summary
    sheet and the dashboard: per measure any company met or lacked data for, in document order."""

    screened: int  # rows evaluated
    failures: int  # rows that could not be read
    measures: tuple[MeasureCost, ...]

    @property
    def met(self) -> list[MeasureCost]:
        """The measures some company qualifies for."""
        return [m for m in self.measures if m.tally.eligible]

    @property
    def total(self) -> Decimal:
        """What the treasury pays for sure: the measures' totals as shown, added up."""
        return sum((m.total for m in self.measures), Decimal(0))

    @property
    def up_to_more(self) -> Decimal:
        """The most the ranges and discretionary awards could add."""
        return sum((m.up_to_more for m in self.measures), Decimal(0))

    @property
    def lacking_data(self) -> list[MeasureCost]:
        """The measures some company may meet once its profile says more."""
        return [m for m in self.measures if m.tally.needs_data]

    def measure_dicts(self) -> list[dict[str, Any]]:
        return [m.as_dict() for m in self.measures]


def screen_summary(
    totals: dict[str, Tally], catalog: Catalog, lang: str, screened: int, failures: int
) -> ScreenSummary:
    """The summary of the tallies `add_results` kept, the measures in the catalog's order."""
    measures = catalog.measures
    costs = tuple(MeasureCost(mid, measures[mid].title.get(lang), totals[mid]) for mid in measures if mid in totals)
    return ScreenSummary(screened, failures, costs)
