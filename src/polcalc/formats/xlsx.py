"""A district's workbook (`screen --xlsx`): per company, per measure and a summary sheet.

Written with XlsxWriter: it only writes, in a single pass with constant memory, several times
faster than openpyxl for a 10,000-row population (openpyxl stays our reader of .xlsx input).
Rows are written as the screen's chunks arrive, while the workers evaluate the next ones.
Money cells hold exact yuan as numbers; the number format shows them in 万元 (Excel's `0!.0000`
puts the decimal point four digits from the right, the value itself unchanged), so a sum in
Excel is a sum of yuan. Text cells go through csvfmt.neutral, the one rule against formula
injection, and are written as strings, never as formulas.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import IO, Any

from polcalc.core.money import json_number
from polcalc.formats.csvfmt import neutral
from polcalc.formats.svg import wide_len
from polcalc.i18n.words import word
from polcalc.views.screen import ScreenSummary

WAN_FORMAT = '0!.0000"万元"'  # 4600000 shows as 460.0000万元; the cell holds 4600000


def _number(value: Any) -> Any:
    # XlsxWriter stores numbers as Excel does (a double); whole yuan below 2^53 are exact.
    return int(value) if isinstance(value, Decimal) and value == value.to_integral_value() else value


class _Sheet:
    """One worksheet streamed row by row: cells typed as the workbook needs them, money in 万元,
    column widths fitted to the widest text seen (wide characters count two)."""

    def __init__(self, book: Any, name: str, headers: list[str], money: set[int], head: Any, wan: Any) -> None:
        self.ws = book.add_worksheet(name)
        self.widths = [wide_len(h) + 2 for h in headers]
        self.money, self.wan, self.columns, self.row = money, wan, len(headers), 0
        self.ws.write_row(0, 0, headers, head)

    def add(self, rows: Iterable[Sequence[Any]]) -> None:
        ws, widths, money, wan = self.ws, self.widths, self.money, self.wan
        n = self.row
        for row in rows:
            n += 1
            for col, value in enumerate(row):
                if value is None or value == "":
                    continue
                if col in money:
                    ws.write_number(n, col, _number(value), wan)
                    widths[col] = max(widths[col], 16)
                elif isinstance(value, (int, Decimal)) and not isinstance(value, bool):
                    ws.write_number(n, col, _number(value))
                else:
                    text = neutral(str(value))
                    ws.write_string(n, col, text)
                    # A character is at most two columns wide: most cells need no measuring.
                    if len(text) * 2 + 2 > widths[col] and widths[col] < 60:
                        widths[col] = max(widths[col], min(wide_len(text) + 2, 60))
        self.row = n

    def finish(self) -> None:
        for col, width in enumerate(self.widths):
            self.ws.set_column(col, col, width)
        self.ws.freeze_panes(1, 0)
        self.ws.autofilter(0, 0, max(self.row, 1), self.columns - 1)


class DistrictBook:
    """The workbook, written into `out` (a binary file): add companies' rows as they come, then
    close() with the per-measure summary. companies: (id, line, name, region, measures met,
    certain, up to); measure rows: (measure, title, company id, line, name, amount, up to,
    stacked out by)."""

    def __init__(self, out: IO[bytes], lang: str) -> None:
        import xlsxwriter

        options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
        self.book = xlsxwriter.Workbook(out, options)
        head = self.book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1})
        wan = self.book.add_format({"num_format": WAN_FORMAT})
        self.head, self.wan, self.lang = head, wan, lang
        w = self._w
        self.companies = _Sheet(
            self.book,
            w("xl_companies"),
            [w("xl_id"), w("xl_line"), w("xl_name"), w("xl_region"), w("xl_met"), w("xl_certain"), w("xl_up_to")],
            {5, 6},
            head,
            wan,
        )
        self.measures = _Sheet(
            self.book,
            w("xl_by_measure"),
            [
                w("xl_measure"),
                w("xl_title"),
                w("xl_id"),
                w("xl_line"),
                w("xl_name"),
                w("xl_amount"),
                w("xl_up_to"),
                w("xl_stacked"),
            ],
            {5, 6},
            head,
            wan,
        )

    def _w(self, key: str) -> str:  # the sheets' names and headers, in the run's language
        return word(key, self.lang)

    def add(self, company_rows: Iterable[Sequence[Any]], measure_rows: Iterable[Sequence[Any]]) -> None:
        self.companies.add(company_rows)
        self.measures.add(measure_rows)

    def close(self, summary: ScreenSummary) -> None:
        w = self._w
        sheet = _Sheet(
            self.book,
            w("xl_summary"),
            [w(k) for k in ("xl_measure", "xl_title", "xl_qualifying", "xl_certain", "xl_up_to_more", "xl_needs_data")],
            {3, 4},
            self.head,
            self.wan,
        )
        sheet.add(
            [m.id, m.title, m.tally.eligible, json_number(m.total), json_number(m.up_to_more), m.tally.needs_data]
            for m in summary.measures
        )
        for s in (self.companies, self.measures, sheet):
            s.finish()
        self.book.close()
