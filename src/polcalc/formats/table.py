"""The human table (Rich): the awards a company can claim, a total that never mixes certain
sums with ranges, and what to fill in to evaluate more. Colour only on a terminal."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import IO, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from polcalc.engine import ELIGIBLE, NEEDS_DATA, CompanyResult, Result
from polcalc.i18n import word
from polcalc.money import format_wan
from polcalc.report import describe_award, totals


def make_console(out: IO[str]) -> Console:
    # Rich itself honours NO_COLOR and TERM=dumb, and writes no colour when `out` is not a terminal.
    return Console(file=out, highlight=False, soft_wrap=False, markup=False, emoji=False)


def amount_cell(result: Result, lang: str) -> str:
    c = result.computed
    if result.status != ELIGIBLE:
        return ""
    if c.amount is not None:
        return format_wan(c.amount)
    if c.amount_min is not None and c.amount_max is not None:
        return f"{format_wan(c.amount_min)}–{format_wan(c.amount_max)}"
    if c.amount_max is not None:
        return f"≤ {format_wan(c.amount_max)}"
    if result.measure.award.kind == "none":
        return "—"
    return word("not_stated", lang)


def _award_cell(result: Result, lang: str) -> str:
    """For an eligible result its arithmetic with the company's numbers; else the rule."""
    c = result.computed
    if result.status != ELIGIBLE:
        return describe_award(result.measure.award, lang)
    if result.measure.award.kind == "up_to" and c.amount_max is None:
        return word("discretionary", lang)
    tier = c.tier.get(lang) + ": " if c.tier is not None else ""
    if c.formula and c.amount is not None and c.formula != format_wan(c.amount):
        return tier + c.formula
    if c.formula and c.amount is None:
        return tier + c.formula
    return tier.rstrip(": ") or describe_award(result.measure.award, lang)


def _open_cell(result: Result, lang: str) -> str:
    if result.draft:
        return word("draft", lang)
    return word("yes" if result.open else "no", lang)


class TableCheck:
    def __init__(
        self,
        out: IO[str],
        *,
        as_of: dt.date,
        lang: str = "en",
        include_drafts: bool = False,
        show_all: bool = False,
        **_: Any,
    ) -> None:
        self.console = make_console(out)
        self.as_of, self.lang, self.drafts, self.show_all = as_of, lang, include_drafts, show_all
        self.first = True

    def company(self, company: CompanyResult) -> None:
        lang = self.lang
        if not self.first:
            self.console.print()
        self.first = False
        p = company.profile
        self.console.print(RichText(p.name, style="bold"), RichText(f"· {p.region} · {company.source}", style="dim"))
        self.console.print(RichText(f"{word('as_of', lang)} {self.as_of.isoformat()}", style="dim"))
        eligible = [r for r in company.results if r.status == ELIGIBLE]
        # Measures that grant no money are listed under the table, not as rows, unless --all.
        services = [
            r for r in eligible if r.measure.award.kind == "none" and not self.show_all and (self.drafts or not r.draft)
        ]
        hidden = {id(r) for r in eligible if r.measure.award.kind == "none" and r.draft and not self.drafts}
        shown = company.results if self.show_all else [r for r in eligible if r not in services and id(r) not in hidden]
        if not shown:
            self.console.print(word("no_awards", lang))
        else:
            notes: list[str] = []
            self.console.print(self._table(shown, notes))
            for i, note in enumerate(notes, 1):
                self.console.print(RichText(f"※{i} {note}", style="dim"))
        self._no_money(services)
        self._total(company.results)
        self._near(company.near_misses or [])
        self._needs_data(company.results)

    def _table(self, results: list[Result], notes: list[str]) -> Table:
        lang = self.lang
        table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
        # Numbers and dates never wrap; the two text columns share what is left of the width.
        table.add_column(word("measure", lang), overflow="fold", min_width=18, ratio=3)
        table.add_column(word("award", lang), overflow="fold", min_width=10, ratio=2)
        table.add_column(word("amount", lang), justify="right", overflow="fold", min_width=8)
        table.add_column(word("cap", lang), justify="right", no_wrap=True)
        table.add_column(word("deadline", lang), no_wrap=True, min_width=10)
        table.add_column(word("open", lang), no_wrap=True)
        for r in results:
            title = f"{r.id}\n{r.measure.title.get(lang)}"
            amount = amount_cell(r, lang)
            style = None
            if r.status != ELIGIBLE:
                amount = word(r.status, lang)
                style = "dim"
            elif r.stacked_out_by:
                amount += f"\n({word('stacked', lang)}: {r.stacked_out_by})"
                style = "dim"
            if r.status == ELIGIBLE and r.measure.caveats:
                notes.append(f"{r.id} ({word('caveat', lang)}): " + " ".join(c.get(lang) for c in r.measure.caveats))
                title += f" ※{len(notes)}"
            table.add_row(
                title,
                _award_cell(r, lang),
                amount,
                format_wan(r.cap) if r.cap is not None else "",
                r.deadline.isoformat() if r.deadline else "—",
                _open_cell(r, lang),
                style=style,
            )
        return table

    def _total(self, results: list[Result]) -> None:
        lang = self.lang
        t = totals(results, self.drafts)
        parts = [f"{word(k, lang)} {format_wan(v)}" for k, v in t.certain.items() if v]
        if not parts:
            parts = [f"{word('cash', lang)} {format_wan(Decimal(0))}"]
        line = f"{word('total', lang)}: " + " · ".join(parts)
        extra = []
        if t.up_to:
            extra.append(f"{word('up_to_more', lang)} {format_wan(t.up_to)} {word('uncertain', lang)}")
        if t.discretionary:
            extra.append(f"{t.discretionary} {word('unstated', lang)}")
        if t.deferrals:
            extra.append(f"{word('deferrals', lang)}: {t.deferrals}")
        if t.services:
            extra.append(f"{word('services', lang)}: {t.services}")
        if t.drafts_left_out:
            extra.append(f"{word('drafts_left_out', lang)}: {t.drafts_left_out}")
        self.console.print(RichText(line, style="bold"))
        if extra:
            self.console.print("; ".join(extra))

    def _no_money(self, services: list[Result]) -> None:
        if not services:
            return
        self.console.print(RichText(word("no_money_head", self.lang), style="bold"))
        items = [
            f"{r.id} {r.measure.title.get(self.lang)}" + (f" ({word('draft', self.lang)})" if r.draft else "")
            for r in services
        ]
        self.console.print(RichText("; ".join(items)))

    def _near(self, hints: list[dict[str, Any]]) -> None:
        if not hints:
            return
        self.console.print(RichText(word("near_head", self.lang), style="bold"))
        for h in hints:
            gain = f" (+{format_wan(Decimal(h['gain']))})" if h["amount_before"] is not None else ""
            self.console.print(f"  {h['measure']}: {h['text']}{gain}")

    def _needs_data(self, results: list[Result]) -> None:
        pending = [r for r in results if r.status == NEEDS_DATA or r.computed.more_data]
        if not pending or self.show_all:
            return
        keys = Counter(k for r in pending for k in (r.missing if r.status == NEEDS_DATA else r.computed.more_data))
        listed = ", ".join(f"{k} ({n})" if n > 1 else k for k, n in keys.most_common(8))
        more = f" … +{len(keys) - 8}" if len(keys) > 8 else ""
        head = word("needs_data_head", self.lang)
        self.console.print(RichText(f"{head} [{len(pending)}]: {listed}{more}", style="dim"))

    def finish(self) -> None:
        pass


def write_measure_table(out: IO[str], measures: list[dict[str, Any]], *, lang: str = "en", **_: Any) -> None:
    console = make_console(out)
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column(word("measure", lang), overflow="fold", ratio=3)
    table.add_column(word("award", lang), overflow="fold", ratio=3)
    table.add_column(word("cap", lang), justify="right", no_wrap=True)
    table.add_column(word("deadline", lang), no_wrap=True)
    table.add_column(word("open", lang), no_wrap=True)
    for m in measures:
        cap = (
            format_wan(m["cap"] if isinstance(m["cap"], Decimal) else Decimal(m["cap"])) if m["cap"] is not None else ""
        )
        open_cell = word("draft", lang) if m["draft"] else word("yes" if m["open"] else "no", lang)
        table.add_row(f"{m['id']}\n{m['title']}", m["award"], cap, m["deadline"] or "—", open_cell)
    console.print(table)
    console.print(f"{len(measures)} {word('measures', lang)}")
