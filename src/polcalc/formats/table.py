"""The human table (Rich): the awards a company can claim, a total that never mixes certain
sums with ranges, and what to fill in to evaluate more.

Colour only on a terminal, never with NO_COLOR or TERM=dumb. The table fits the terminal's width
and never cuts a number: amounts, caps and dates never wrap, and when they would leave the text
too little room, columns are merged (cap under the amount, open under the deadline, the award
under the measure) instead of squeezed.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from polcalc.core.money import to_fen
from polcalc.i18n.numbers import money
from polcalc.i18n.words import say, word
from polcalc.views.keys import key_words
from polcalc.views.results import CompanyView, ResultView

if TYPE_CHECKING:  # a check's table never shows a screen's summary: not imported for it
    from polcalc.views.screen import ScreenSummary

MEASURE_MIN = 18  # the measure column: an id such as xishan-2020:19.2 and a few words of title
AWARD_MIN = 14  # "discretionary", "0.2% × 2.3亿" on one line
ONE_LINE_MAX = 15  # a range longer than this breaks after its dash, each end whole on its line


def make_console(out: IO[str]) -> Console:
    """Styles only on a terminal (Rich's own test, FORCE_COLOR included); none at all when NO_COLOR
    is set and not empty, or TERM=dumb. Rich alone would keep bold and dim under NO_COLOR."""
    env = os.environ
    plain = env.get("NO_COLOR", "") != "" or env.get("TERM", "").lower() == "dumb"
    return Console(
        file=out,
        highlight=False,
        soft_wrap=False,
        markup=False,
        emoji=False,
        color_system=None if plain else "auto",
    )


def _overhead(columns: int) -> int:
    # SIMPLE_HEAD, pad_edge=False: an edge each side, then a divider and two pads between columns.
    return 2 + 3 * (columns - 1)


def _width(lines: list[str]) -> int:
    return max((cell_len(line) for line in lines), default=0)


def amount_lines(result: ResultView, lang: str) -> list[str]:
    """The amount cell, one whole amount (or word) per line."""
    if not result.eligible:
        return [word(result.status, lang)]
    if result.amount is not None:
        return [money(result.amount, lang)]
    if result.amount_min is not None and result.amount_max is not None:
        low, high = money(result.amount_min, lang), money(result.amount_max, lang)
        one = f"{low}–{high}"
        return [one] if cell_len(one) <= ONE_LINE_MAX else [f"{low}–", high]
    if result.amount_max is not None:
        return [f"≤ {money(result.amount_max, lang)}"]
    if not result.measure.grants_money:
        return ["—"]
    return [word("not_stated", lang)]


def _open_cell(result: ResultView, lang: str) -> str:
    if result.measure.draft:
        return word("draft", lang)
    return word("yes" if result.open else "no", lang)


@dataclass
class _Row:
    measure: str
    award: str
    amount: list[str]
    cap: str
    deadline: str
    open: str  # yes / no / draft, for the open column
    state: str  # open / not open / draft, for the line under the deadline when merged
    style: str | None


@dataclass
class _Column:
    header: str
    cells: list[str]
    number: bool  # amounts, caps, dates: never wrapped; text columns fold to the width left
    minimum: int = 0
    justify: str = "left"

    def natural(self) -> int:
        return _width([self.header, *(line for cell in self.cells for line in cell.split("\n"))])


def _cap_line(cap: str, lang: str) -> str:
    """The cap as a line under another cell's text, when the cap column is merged away."""
    return "\n" + say("cap_line", lang, cap=cap) if cap else ""


def _text_widths(available: int, texts: list[_Column]) -> list[int]:
    """Widths for the text columns: their own if they fit, else the first (the measure) gets
    three fifths of what is left and the other the rest, each at least its minimum."""
    naturals = [c.natural() for c in texts]
    if sum(naturals) <= available:
        return naturals
    if len(texts) == 1:
        return [max(available, texts[0].minimum)]
    first, second = texts
    a = max(first.minimum, available * 3 // 5)
    b = max(second.minimum, min(naturals[1], available - a))
    a = max(first.minimum, min(naturals[0], available - b))
    return [a, max(second.minimum, min(naturals[1], available - a))]


def _fits(columns: list[_Column], width: int) -> bool:
    numbers = sum(c.natural() for c in columns if c.number)
    return numbers + sum(c.minimum for c in columns if not c.number) + _overhead(len(columns)) <= width


def _render(layouts: list[list[_Column]], width: int, styles: list[str | None]) -> Table:
    """The first layout whose numbers fit whole beside the text columns' minimum (else the last),
    with the text columns' widths set here: Rich alone would squeeze a date or an amount."""
    columns = next((cols for cols in layouts if _fits(cols, width)), layouts[-1])
    numbers = sum(c.natural() for c in columns if c.number)
    texts = [c for c in columns if not c.number]
    text_widths = iter(_text_widths(width - numbers - _overhead(len(columns)), texts))
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for c in columns:
        if c.number:
            table.add_column(c.header, justify=c.justify, no_wrap=True)  # type: ignore[arg-type]
        else:
            table.add_column(c.header, overflow="fold", width=next(text_widths))
    for i, style in enumerate(styles):
        table.add_row(*(c.cells[i] for c in columns), style=style)
    return table


class TableCheck:
    def __init__(
        self,
        out: IO[str],
        *,
        as_of: dt.date,
        lang: str = "en",
        include_drafts: bool = False,
        show_all: bool = False,
        quiet: bool = False,
        **_: Any,
    ) -> None:
        self.console = make_console(out)
        self.as_of, self.lang, self.drafts, self.show_all = as_of, lang, include_drafts, show_all
        self.quiet = quiet  # the table and the total only: no notes, near misses or data to fill in
        self.first = True

    def company(self, company: CompanyView) -> None:
        lang = self.lang
        if not self.first:
            self.console.print()
        self.first = False
        self.console.print(
            RichText(company.name, style="bold"), RichText(f"· {company.region} · {company.source}", style="dim")
        )
        self.console.print(RichText(f"{word('as_of', lang)} {self.as_of.isoformat()}", style="dim"))
        eligible = [r for r in company.results if r.eligible]
        # Measures that grant no money are listed under the table, not as rows, unless --all.
        services = [
            r
            for r in eligible
            if not r.measure.grants_money and not self.show_all and (self.drafts or not r.measure.draft)
        ]
        hidden = {id(r) for r in eligible if not r.measure.grants_money and r.measure.draft and not self.drafts}
        shown = company.results if self.show_all else [r for r in eligible if r not in services and id(r) not in hidden]
        if not shown:
            self.console.print(word("no_awards", lang))
        else:
            notes: list[str] = []
            self.console.print(self._table(shown, notes))
            for i, note in enumerate(notes, 1):
                self.console.print(RichText(f"※{i} {note}", style="dim"))
        if not self.quiet:
            self._no_money(services)
        self._total(company)
        if not self.quiet:
            self._near(company)
            self._needs_data(company)

    def _rows(self, results: list[ResultView], notes: list[str]) -> list[_Row]:
        lang = self.lang
        rows = []
        for r in results:
            title = f"{r.measure.id}\n{r.measure.title}"
            award = r.award
            style = None
            if not r.eligible:
                style = "dim"
            elif r.stacked_out_by:
                award += f"\n({word('stacked', lang)}: {r.stacked_out_by})"
                style = "dim"
            if r.eligible and r.measure.caveats and not self.quiet:
                notes.append(f"{r.measure.id} ({word('caveat', lang)}): " + " ".join(r.measure.caveats))
                title += f" ※{len(notes)}"
            state = "draft" if r.measure.draft else ("state_open" if r.open else "state_closed")
            rows.append(
                _Row(
                    title,
                    award,
                    amount_lines(r, lang),
                    money(r.cap, lang) if r.cap is not None else "",
                    r.measure.deadline.isoformat() if r.measure.deadline else "—",
                    _open_cell(r, lang),
                    word(state, lang),
                    style,
                )
            )
        return rows

    def _table(self, results: list[ResultView], notes: list[str]) -> Table:
        lang = self.lang
        rows = self._rows(results, notes)
        h = {k: word(k, lang) for k in ("measure", "award", "amount", "cap", "deadline", "open", "amount_cap")}
        amounts = ["\n".join(r.amount) for r in rows]
        with_cap = [
            a + ("\n" + say("cap_line", lang, cap=r.cap) if r.cap else "") for a, r in zip(amounts, rows, strict=True)
        ]
        measure = _Column(h["measure"], [r.measure for r in rows], False, MEASURE_MIN)
        award = _Column(h["award"], [r.award for r in rows], False, AWARD_MIN)
        deadline_state = _Column(h["deadline"], [f"{r.deadline}\n{r.state}" for r in rows], True)
        layouts = [
            [
                measure,
                award,
                _Column(h["amount"], amounts, True, justify="right"),
                _Column(h["cap"], [r.cap for r in rows], True, justify="right"),
                _Column(h["deadline"], [r.deadline for r in rows], True),
                _Column(h["open"], [r.open for r in rows], True),
            ],
            # Narrower: the cap under the amount, whether open under the deadline ...
            [measure, award, _Column(h["amount_cap"], with_cap, True, justify="right"), deadline_state],
            # ... and then the award under the measure.
            [
                _Column(h["measure"], [f"{r.measure}\n{r.award}" for r in rows], False, MEASURE_MIN),
                _Column(h["amount_cap"], with_cap, True, justify="right"),
                deadline_state,
            ],
        ]
        return _render(layouts, self.console.width, [r.style for r in rows])

    def _total(self, company: CompanyView) -> None:
        lang = self.lang
        t = company.totals(self.drafts)
        parts = [f"{word(k, lang)} {money(v, lang)}" for k, v in t.certain.items() if v]
        if not parts:
            parts = [f"{word('cash', lang)} {money(Decimal(0), lang)}"]
        line = f"{word('total', lang)}: " + " · ".join(parts)
        extra = []
        if t.up_to:
            extra.append(f"{word('up_to_more', lang)} {money(t.up_to, lang)} {word('uncertain', lang)}")
        if t.discretionary:
            extra.append(say("n_unstated", lang, n=t.discretionary, what=word("unstated", lang)))
        if t.deferrals:
            extra.append(f"{word('deferrals', lang)}: {t.deferrals}")
        if t.services:
            extra.append(f"{word('services', lang)}: {t.services}")
        if t.drafts_left_out:
            extra.append(f"{word('drafts_left_out', lang)}: {t.drafts_left_out}")
        self.console.print(RichText(line, style="bold"))
        if extra:
            self.console.print("; ".join(extra))

    def _no_money(self, services: list[ResultView]) -> None:
        if not services:
            return
        self.console.print(RichText(word("no_money_head", self.lang), style="bold"))
        items = [
            f"{r.measure.id} {r.measure.title}" + (f" ({word('draft', self.lang)})" if r.measure.draft else "")
            for r in services
        ]
        self.console.print(RichText("; ".join(items)))

    def _near(self, company: CompanyView) -> None:
        hints = company.near_misses
        if not hints:
            return
        self.console.print(RichText(word("near_head", self.lang), style="bold"))
        for h in hints:
            gain = f" (+{money(to_fen(h.gain), self.lang)})" if h.amount_before is not None else ""
            self.console.print(f"  {h.measure}: {h.text}{gain}")

    def _needs_data(self, company: CompanyView) -> None:
        if self.show_all:
            return
        pending, keys = company.needs_data()
        if not pending:
            return
        vocab = company.key_vocabulary()
        named = [(key_words(k, vocab, self.lang), n) for k, n in keys.most_common(8)]
        listed = ", ".join(f"{k} ({n})" if n > 1 else k for k, n in named)
        more = say("more_keys", self.lang, n=len(keys) - 8) if len(keys) > 8 else ""
        head = word("needs_data_head", self.lang)
        self.console.print(RichText(f"{head} [{pending}]: {listed}{more}", style="dim"))

    def finish(self) -> None:
        pass


def write_measure_table(
    out: IO[str], measures: list[dict[str, Any]], *, lang: str = "en", quiet: bool = False, **_: Any
) -> None:
    console = make_console(out)
    h = {k: word(k, lang) for k in ("measure", "award", "cap", "deadline", "open")}
    caps = [money(Decimal(m["cap"]), lang) if m["cap"] is not None else "" for m in measures]
    dates = [m["deadline"] or "—" for m in measures]
    opens = [word("draft", lang) if m["draft"] else word("yes" if m["open"] else "no", lang) for m in measures]
    states = [word("draft" if m["draft"] else ("state_open" if m["open"] else "state_closed"), lang) for m in measures]
    measure = _Column(h["measure"], [f"{m['id']}\n{m['title']}" for m in measures], False, MEASURE_MIN)
    layouts = [
        [
            measure,
            _Column(h["award"], [m["award"] for m in measures], False, AWARD_MIN),
            _Column(h["cap"], caps, True, justify="right"),
            _Column(h["deadline"], dates, True),
            _Column(h["open"], opens, True),
        ],
        [  # narrower: the cap under the award, whether open under the deadline
            measure,
            _Column(
                h["award"],
                [
                    m["award"] + ("\n" + say("cap_line", lang, cap=c) if c else "")
                    for m, c in zip(measures, caps, strict=True)
                ],
                False,
                AWARD_MIN,
            ),
            _Column(h["deadline"], [f"{d}\n{s}" for d, s in zip(dates, states, strict=True)], True),
        ],
    ]
    console.print(_render(layouts, console.width, [None] * len(measures)))
    if not quiet:
        console.print(f"{len(measures)} {word('measures', lang)}")


def print_screen_summary(stream: IO[str], summary: ScreenSummary, lang: str) -> None:
    """A screen's summary: how many rows, then per measure met how many qualify, the certain cost
    and what ranges and discretionary awards could add; the total; the measures lacking data."""
    console = make_console(stream)
    failed = f"; {word('rows_failed', lang)}: {summary.failures}" if summary.failures else ""
    console.print(f"{word('screened', lang)}: {summary.screened}" + failed)
    table = Table(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    table.add_column(word("measure", lang), overflow="fold", min_width=MEASURE_MIN, ratio=1)
    table.add_column(word("qualifying", lang), justify="right", no_wrap=True)
    table.add_column(word("cost", lang), justify="right", no_wrap=True)
    table.add_column(word("up_to_more", lang), justify="right", no_wrap=True)
    for m in summary.met:
        up_to = money(m.up_to_more, lang) if m.up_to_more else ""
        table.add_row(f"{m.id}\n{m.title}", str(m.tally.eligible), money(m.total, lang), up_to)
    console.print(table)
    console.print(f"{word('total', lang)}: {money(summary.total, lang)}")
    if summary.lacking_data:
        console.print(f"{word('screen_needs_data', lang)}: {len(summary.lacking_data)}")
