"""Whole populations as one table (CSV, or the first sheet of an .xlsx): one row per company.

Columns (header names, any order; blank cells are unknown, never zero):

    id, name, region, industry, size, notes
    status_<status>                  true/false (also 1/0, yes/no, 是/否)
    <figure>_<YYYY>                  a yearly figure: industrial_output_2020 = 2.3亿
    <figure>_<YYYY>_<MM>             a monthly figure: industrial_output_2023_01
    recognition_<kind>               level:year, several separated by ';' (national:2021;provincial:2019)
    event_<kind>                     year(s) it happened, separated by ';' (2020)

Each row becomes the same profile a TOML file would give and is validated the same way; an
error names the line and the column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, compress
from pathlib import Path
from typing import Any, NamedTuple

from polcalc.i18n.messages import Message, Problem, ProfileError, UsageError, did_you_mean
from polcalc.inputs.profiles import validate_profile
from polcalc.model.profile import PROFILE_KEYS, REQUIRED, Kind, Profile
from polcalc.model.vocabulary import Vocabulary

# A cell each for the id and the profile's keys that hold one word or text (name, region, industry, size, notes).
PLAIN = ("id", *(k for k, s in PROFILE_KEYS.items() if s.kind in (Kind.TEXT, Kind.NON_EMPTY_TEXT, Kind.SIZE_WORD)))
_FIGURE = re.compile(r"^(?P<name>[a-z][a-z0-9_]*?)_(?P<year>\d{4})(?:_(?P<month>\d{2}))?$")
_TRUE = {"true", "1", "yes", "y", "是", "t"}
_FALSE = {"false", "0", "no", "n", "否", "f"}


@dataclass(frozen=True)
class Column:
    header: str
    kind: str  # plain, status, figure, month, recognition, event
    name: str
    year: int | None = None
    month: int | None = None

    @cached_property
    def period(self) -> str:
        """The key of its year ('2020') or month ('2023-01') in the profile's years or months."""
        return str(self.year) if self.kind == "figure" else f"{self.year}-{self.month:02d}"

    @property
    def key(self) -> str:
        """The profile key path this column fills, as validation messages name it."""
        if self.kind == "figure":
            return f"years.{self.year}.{self.name}"
        if self.kind == "month":
            return f"months.{self.year}-{self.month:02d}.{self.name}"
        if self.kind == "status":
            return f"status.{self.name}"
        return self.name


def parse_header(header: list[str], vocab: Vocabulary, source: str) -> list[Column]:
    """Columns of a population file; any unknown column is an error before any row is read."""
    columns: list[Column] = []
    problems: list[Message] = []
    known = [
        *PLAIN,
        *(f"status_{s}" for s in vocab.status),
        *(f"{f}_YYYY" for f in vocab.figures),
        *(f"recognition_{r}" for r in vocab.recognitions),
        *(f"event_{e}" for e in vocab.events),
    ]
    for raw in header:
        h = raw.strip().lstrip("\ufeff")
        if h in PLAIN:
            columns.append(Column(h, "plain", h))
        elif h.startswith("status_") and h[7:] in vocab.status:
            columns.append(Column(h, "status", h[7:]))
        elif h.startswith("recognition_") and h[12:] in vocab.recognitions:
            columns.append(Column(h, "recognition", h[12:]))
        elif h.startswith("event_") and h[6:] in vocab.events:
            columns.append(Column(h, "event", h[6:]))
        elif (m := _FIGURE.match(h)) and m["name"] in vocab.figures:
            month = int(m["month"]) if m["month"] else None
            columns.append(Column(h, "month" if month else "figure", m["name"], int(m["year"]), month))
        else:
            generic = _FIGURE.sub(lambda m: f"{m['name']}_YYYY", h)
            problems.append(Message("tbl_not_a_column", column=repr(h), suggest=did_you_mean(generic, known)))
    if any(key not in header for key in REQUIRED):
        problems.append(Message("tbl_needs_name_region"))
    if problems:
        raise ProfileError(source, [*problems, Message("tbl_columns_doc")])
    return columns


def _row_data(row: list[str], columns: list[Column], line: int, source: str, where: str = "line") -> dict[str, Any]:
    data: dict[str, Any] = {}
    problems: list[Problem] = []
    # Only the cells not empty (most are, in a population table); a short row leaves the last blank.
    for col, cell in compress(zip(columns, row, strict=False), row):
        value = cell.strip()
        if not value:
            continue  # blank: unknown, not zero
        kind = col.kind
        if kind == "figure":
            data.setdefault("years", {}).setdefault(col.period, {})[col.name] = value
        elif kind == "plain":
            if col.name != "id":
                data[col.name] = value
        elif kind == "status":
            low = value.lower()
            if low in _TRUE or low in _FALSE:
                data.setdefault("status", {})[col.name] = low in _TRUE
            else:
                problems.append(Problem("", Message("tbl_not_bool", value=repr(value)), column=col.header))
        elif kind == "month":
            data.setdefault("months", {}).setdefault(col.period, {})[col.name] = value
        elif kind == "event":
            for part in value.split(";"):
                if part.strip().isdigit():
                    data.setdefault("events", []).append({"kind": col.name, "year": int(part)})
                else:
                    problems.append(Problem("", Message("tbl_not_year", value=repr(part)), column=col.header))
        elif kind == "recognition":
            for part in value.split(";"):
                level, _, year = part.strip().partition(":")
                if year.strip().isdigit():
                    data.setdefault("recognitions", []).append(
                        {"kind": col.name, "level": level.strip(), "year": int(year)}
                    )
                else:
                    message = Message("tbl_not_level_year", value=repr(part))
                    problems.append(Problem("", message, column=col.header))
    if len(row) > len(columns):
        problems.append(Problem("", Message("tbl_cells", cells=len(row), columns=len(columns))))
    if problems:
        raise ProfileError(source, problems, _at(where, line))
    return data


def _at(where: str, line: int) -> Message:
    """A CSV line or a workbook's row, as messages name it."""
    return Message("tbl_row" if where == "row" else "tbl_line", line=line)


class Row(NamedTuple):
    """A NamedTuple, not a dataclass: every row is pickled to a worker, and a tuple pickles faster."""

    line: int  # the CSV line, or the spreadsheet row
    # The cells; or a CSV line with nothing to unquote, as read (split by the worker, in split_cells):
    # one text crosses to a worker more cheaply than its hundred-odd cells, and the process that
    # reads the file, alone, does not parse it.
    cells: list[str] | str
    where: str = "line"  # how messages name it: line 12 (CSV), row 12 (xlsx)

    def split_cells(self) -> list[str]:
        """The cells, as csv.reader reads them: a line with no quote is its text between commas."""
        return self.cells.rstrip("\r\n").split(",") if isinstance(self.cells, str) else self.cells


def read_rows(path: str) -> tuple[list[str], Iterator[Row]]:
    """The header and the data rows of a CSV (UTF-8) or .xlsx file, read as they go."""
    if path.lower().endswith((".xlsx", ".xlsm")):
        return _read_xlsx(path)
    try:
        handle = sys_open(path)
    except OSError as exc:
        raise UsageError(
            Message("at_path", path=path, message=Message("file_unreadable", reason=exc.strerror))
        ) from None
    reader = csv.reader(handle)
    try:
        header = next(reader)
    except StopIteration:
        raise UsageError(Message("tbl_empty", path=path)) from None
    except UnicodeDecodeError:
        raise UsageError(Message("at_path", path=path, message=_not_utf8(path))) from None

    limit = csv.field_size_limit()

    def rows() -> Iterator[Row]:
        line_num = reader.line_num  # the lines read so far, as csv.reader counts them
        record = None  # a record being read by csv.reader
        try:
            for line in handle:
                line_num += 1
                if "\x00" in line:  # no text table holds one: a binary file, or UTF-16 read as UTF-8
                    at = Message("at_path", path=_at("line", line_num), message=Message("tbl_nul"))
                    raise UsageError(Message("at_path", path=path, message=at))
                if '"' in line or len(line) > limit:
                    # What only csv.reader reads right (quotes, records over several lines) or
                    # refuses as it does: it reads this record, from this line on.
                    record = csv.reader(chain((line,), handle))
                    cells = next(record)
                    line_num += record.line_num - 1
                    record = None
                    if any(c.strip() for c in cells):
                        yield Row(line_num, cells)
                elif not (line[0] == "," or line[0].isspace()) or line.replace(",", "").strip():
                    yield Row(line_num, line)  # not blank: some cell has more than white space
        except UnicodeDecodeError:
            line_num += record.line_num - 1 if record is not None else 0
            at = Message("at_path", path=_at("line", line_num + 1), message=_not_utf8(path))
            raise UsageError(Message("at_path", path=path, message=at)) from None
        finally:
            handle.close()

    return header, rows()


def _not_utf8(path: str) -> Message:
    """What to say about a CSV that is not UTF-8: Excel in a Chinese locale saves CSV as GBK."""
    try:
        Path(path).read_bytes()[:65536].decode("gb18030")
    except (OSError, UnicodeDecodeError):
        return Message("tbl_not_utf8")
    return Message("tbl_gbk")


def _cell_text(value: object) -> str:
    """A spreadsheet cell as the text the user sees: Excel keeps numbers as binary floats, so
    a number is read as the shortest decimal that prints the same (2300000.0 -> 2300000)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    return str(value)


# A workbook is a zip: refused before it is unpacked when its members declare more than this
# (zipfile never reads a member past its declared size, so the declaration is what counts).
XLSX_MAX_UNPACKED = 512 * 1024 * 1024  # a million companies of 30 columns is ~200 MB of sheet XML
XLSX_MAX_MEMBERS = 10_000


def _check_zip(path: str) -> None:
    """A zip bomb (or a zip of a million parts) is refused by its directory alone."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip, or unreadable: openpyxl's own refusal names it
    unpacked = sum(i.file_size for i in infos)
    if len(infos) > XLSX_MAX_MEMBERS or unpacked > XLSX_MAX_UNPACKED:
        raise UsageError(Message("tbl_zip_too_big", path=path, size=unpacked >> 20, limit=XLSX_MAX_UNPACKED >> 20))


def _read_xlsx(path: str) -> tuple[list[str], Iterator[Row]]:
    """The first sheet of a workbook, streamed (openpyxl read-only mode keeps memory flat)."""
    from openpyxl import load_workbook

    _check_zip(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise UsageError(Message("at_path", path=path, message=Message("file_missing"))) from None
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise UsageError(Message("tbl_not_workbook", path=path, error=type(exc).__name__)) from None
    sheet = book.worksheets[0]
    rows_iter = sheet.iter_rows(values_only=True)
    try:
        header = [_cell_text(v) for v in next(rows_iter)]
    except StopIteration:
        book.close()
        raise UsageError(Message("tbl_empty_sheet", path=path)) from None
    while header and not header[-1]:
        header.pop()  # trailing empty columns of the sheet

    def rows() -> Iterator[Row]:
        try:
            for number, values in enumerate(rows_iter, start=2):
                cells = [_cell_text(v) for v in values[: len(header)]]
                if any(c.strip() for c in cells):
                    yield Row(number, cells, "row")
        finally:
            book.close()

    return header, rows()


def sys_open(path: str) -> io.TextIOBase:
    if path == "-":
        import sys

        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
    return Path(path).open(encoding="utf-8-sig", newline="")


def row_profile(row: Row, columns: list[Column], vocab: Vocabulary, source: str) -> tuple[str, Profile]:
    """(the row's id, its profile); ProfileError naming the line and the column otherwise."""
    cells = row.split_cells()
    data = _row_data(cells, columns, row.line, source, row.where)
    ident = next((c.strip() for col, c in zip(columns, cells, strict=False) if col.name == "id" and c.strip()), "")
    try:
        profile = validate_profile(data, source, vocab)
    except ProfileError as exc:  # named by the column the user typed, not the key path it fills
        by_key = {col.key: col.header for col in columns}
        problems = [p.located(by_key.get(p.path)) for p in exc.problems]
        raise ProfileError(source, problems, _at(row.where, row.line)) from None
    return ident or str(row.line), profile
