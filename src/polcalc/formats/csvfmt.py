"""CSV: one row per company and measure, amounts as plain yuan; a BOM on request for Excel."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import IO, Any

from polcalc.formats.sink import Sink
from polcalc.views.results import CompanyView, ResultView, set_row_fields

# A result's columns are keys of its json dict (ResultView.as_dict), written as cell() does.
CHECK_FIELDS = (
    "id",
    "title",
    "benefit",
    "status",
    "amount",
    "amount_max",
    "cap",
    "deadline",
    "open",
    "draft",
    "stacked_out_by",
    "missing",
)
# screen's: no benefit, no missing (its rows are mostly the eligible); its header names "id" measure.
SCREEN_FIELDS = tuple(k for k in CHECK_FIELDS if k not in ("benefit", "missing"))
CHECK_COLUMNS = ["file", "name", "region", *CHECK_FIELDS]
MEASURE_COLUMNS = [
    "id",
    "region",
    "policy",
    "title",
    "benefit",
    "award",
    "cap",
    "valid_from",
    "deadline",
    "open",
    "draft",
    "department",
]


# A text cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets
# (`=HYPERLINK(...)` as a company's name would run when the CSV is opened).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutral(text: str) -> str:
    """A text cell made inert as OWASP recommends (CSV injection): a leading single quote before a
    formula start, so the spreadsheet shows the text as written. Only text: numbers (an amount,
    a line number) are never passed here, so a negative amount stays a number. The one home of
    this rule: the xlsx writer uses it too. Machine formats (json, jsonl) keep the text exactly."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cell(value: Any) -> Any:
    if isinstance(value, str):
        return neutral(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return neutral(" ".join(map(str, value)))
    return value


# The writer ends rows with \r\n only so that it quotes a field holding a lone \r (it quotes the
# characters of its line terminator); the rows are written with \n.
_BUFFER = io.StringIO()
_WRITER = csv.writer(_BUFFER, lineterminator="\r\n")


def row_text(row: Iterable[Any]) -> str:
    """One row as csv.writer writes it (cell() of each value), less the newline."""
    _BUFFER.seek(0)
    _BUFFER.truncate()
    _WRITER.writerow([cell(v) for v in row])
    return _BUFFER.getvalue()[:-2]


def rows_text(rows: Iterable[Iterable[Any]]) -> str:
    """Rows as CSV text (for a worker to render, the main process to write in order)."""
    _BUFFER.seek(0)
    _BUFFER.truncate()
    ends = []
    for row in rows:
        _WRITER.writerow([cell(v) for v in row])
        ends.append(_BUFFER.tell())
    text, start, out = _BUFFER.getvalue(), 0, []
    for end in ends:  # each row's own \r\n becomes \n; one inside a quoted field stays
        out.append(text[start : end - 2])
        start = end
    return "\n".join(out) + "\n" if out else ""


def field_text(value: Any) -> str:
    """One value as csv.writer writes it within a row (a row of one empty field it writes as "")."""
    return row_text([value, ""])[:-1]  # less the comma before the empty last field


_FIELDS: dict[str, str] = {}


def _text_field(text: str) -> str:
    """field_text of a text, remembered: the same keys recur in many companies' rows."""
    found = _FIELDS.get(text)
    if found is None:
        if len(_FIELDS) > 10_000:  # bounded, whatever a run's keys
            _FIELDS.clear()
        found = _FIELDS[text] = field_text(text)
    return found


# A value of a result's dict as csv.writer writes cell() of it within a row: numbers and our own
# words as they are (no comma, quote or newline in them), every text through _text_field and so
# cell()'s neutral(). By type: a row per company and measure makes this the CSV's hot loop.
_ENCODE: dict[type, Callable[[Any], str]] = {
    type(None): lambda _: "",
    bool: lambda v: "true" if v else "false",
    int: str,
    Decimal: str,
    str: _text_field,
    list: lambda v: _text_field(" ".join(map(str, v))),
}


def result_line(result: ResultView, head: str, check: bool = True) -> str:
    """The result's CSV line after `head` (the company's fields, each followed by a comma): the
    fields of its json dict (ResultView.as_dict) that CHECK_FIELDS (or, for screen, SCREEN_FIELDS)
    name. The measure's fields are encoded once per measure, language and set of columns, into a
    line with a %s slot for each field that varies by company (set_row_fields: the same keys, in
    the columns' order, for every result); per result only those are found and encoded."""
    fixed = result.measure
    varying: dict[str, Any] = {}
    set_row_fields(varying, result, missing=check)
    line = fixed.lines.get(check)
    if line is None:
        fields, t = CHECK_FIELDS if check else SCREEN_FIELDS, fixed.template
        if [k for k in fields if k in varying] != list(varying):
            raise AssertionError(f"set_row_fields must set {list(varying)} in the order of {fields}")
        line = fixed.lines[check] = ",".join(
            "%s" if k in varying else _ENCODE[type(t[k])](t[k]).replace("%", "%%") for k in fields
        )
    encode = _ENCODE
    return head + line % tuple([encode[type(v)](v) for v in varying.values()]) + "\n"


def result_lines(results: Iterable[ResultView], company: list[Any], check: bool = True) -> str:
    """A line per result (result_line), each starting with the company's fields."""
    head = row_text(company) + ","
    return "".join([result_line(r, head, check) for r in results])


class CsvCheck:
    def __init__(self, out: IO[str], *, bom: bool = False, **_: Any) -> None:
        self.sink = Sink(out)  # the language is the views': each says its results in one
        if bom:
            self.sink.write("\ufeff")
        self.sink.write(row_text(CHECK_COLUMNS) + "\n")

    def rows(self, company: CompanyView) -> str:
        return result_lines(company.results, [company.source, company.name, company.region])

    def render(self, company: CompanyView) -> bytes:
        return self.rows(company).encode("utf-8")

    def write(self, text: str | bytes) -> None:
        self.sink.write(text)

    def company(self, company: CompanyView) -> None:
        self.write(self.rows(company))  # in this process: text, no encoding of our own

    def finish(self) -> None:
        pass


def write_measure_csv(out: IO[str], measures: list[dict[str, Any]], *, bom: bool = False, **_: Any) -> None:
    if bom:
        out.write("\ufeff")
    out.write(rows_text([MEASURE_COLUMNS, *([m[c] for c in MEASURE_COLUMNS] for m in measures)]))
