"""A district's workbook (`screen --xlsx`): per company, per measure and a summary sheet.

Written with XlsxWriter: it only writes, in a single pass with constant memory, several times
faster than openpyxl for a 10,000-row population (openpyxl stays our reader of .xlsx input).
Money cells hold exact yuan as numbers; the number format shows them in 万元 (Excel's `0!.0000`
puts the decimal point four digits from the right, the value itself unchanged), so a sum in
Excel is a sum of yuan. Text cells go through csvfmt.neutral, the one rule against formula
injection, and are written as strings, never as formulas.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from polcalc.formats.csvfmt import neutral
from polcalc.i18n.words import word

WAN_FORMAT = '0!.0000"万元"'  # 4600000 shows as 460.0000万元; the cell holds 4600000


def _width(value: Any) -> int:
    """Display width: a Chinese character takes two columns."""
    text = str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _number(value: Any) -> Any:
    # XlsxWriter stores numbers as Excel does (a double); whole yuan below 2^53 are exact.
    return int(value) if isinstance(value, Decimal) and value == value.to_integral_value() else value


def workbook(
    companies: Sequence[Sequence[Any]],
    measure_rows: Sequence[Sequence[Any]],
    summary: Iterable[dict[str, Any]],
    lang: str,
) -> bytes:
    """The workbook's bytes. companies: (id, line, name, region, measures met, certain, up to);
    measure_rows: (measure, title, company id, line, name, amount, up to, stacked out by)."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    head = book.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1})
    wan = book.add_format({"num_format": WAN_FORMAT})
    w = lambda key: word(key, lang)  # noqa: E731 - the sheet's headers, in the run's language

    def sheet(name: str, headers: list[str], rows: Iterable[Sequence[Any]], money: set[int]) -> None:
        ws = book.add_worksheet(name)
        widths = [_width(h) + 2 for h in headers]
        ws.write_row(0, 0, headers, head)
        n = 0
        for n, row in enumerate(rows, start=1):
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
                    widths[col] = max(widths[col], min(_width(text) + 2, 60))
        for col, width in enumerate(widths):
            ws.set_column(col, col, width)
        ws.freeze_panes(1, 0)
        ws.autofilter(0, 0, max(n, 1), len(headers) - 1)

    sheet(
        w("xl_companies"),
        [w("xl_id"), w("xl_line"), w("xl_name"), w("xl_region"), w("xl_met"), w("xl_certain"), w("xl_up_to")],
        companies,
        {5, 6},
    )
    sheet(
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
        measure_rows,
        {5, 6},
    )
    sheet(
        w("xl_summary"),
        [w("xl_measure"), w("xl_title"), w("xl_qualifying"), w("xl_certain"), w("xl_up_to_more"), w("xl_needs_data")],
        ([m["id"], m["title"], m["eligible"], m["total"], m["up_to_more"], m["needs_data"]] for m in summary),
        {3, 4},
    )
    book.close()
    return buffer.getvalue()
