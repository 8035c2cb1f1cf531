"""Whole populations as one table (CSV): one row per company, documented columns.

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
from pathlib import Path
from typing import Any

from polcalc.errors import ProfileError, UsageError
from polcalc.profile import Profile, validate_profile
from polcalc.text import suggest
from polcalc.vocabulary import Vocabulary

PLAIN = ("id", "name", "region", "industry", "size", "notes")
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
    problems: list[str] = []
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
            problems.append(f"column {h!r} is not a profile column{suggest(generic, known)}")
    if "name" not in header or "region" not in header:
        problems.append("the header needs at least the columns name and region")
    if problems:
        raise ProfileError(source, [*problems, "columns are documented in docs/screen.md"])
    return columns


def _row_data(row: list[str], columns: list[Column], line: int, source: str) -> dict[str, Any]:
    data: dict[str, Any] = {}
    problems: list[str] = []
    for col, cell in zip(columns, row, strict=False):  # a short row leaves the last cells blank
        value = cell.strip()
        if not value:
            continue  # blank: unknown, not zero
        if col.kind == "plain":
            if col.name != "id":
                data[col.name] = value
        elif col.kind == "status":
            low = value.lower()
            if low in _TRUE or low in _FALSE:
                data.setdefault("status", {})[col.name] = low in _TRUE
            else:
                problems.append(f"column {col.header}: {value!r} is not true or false")
        elif col.kind == "figure":
            data.setdefault("years", {}).setdefault(str(col.year), {})[col.name] = value
        elif col.kind == "month":
            data.setdefault("months", {}).setdefault(f"{col.year}-{col.month:02d}", {})[col.name] = value
        elif col.kind == "event":
            for part in value.split(";"):
                if part.strip().isdigit():
                    data.setdefault("events", []).append({"kind": col.name, "year": int(part)})
                else:
                    problems.append(f"column {col.header}: {part!r} is not a year")
        elif col.kind == "recognition":
            for part in value.split(";"):
                level, _, year = part.strip().partition(":")
                if year.strip().isdigit():
                    data.setdefault("recognitions", []).append(
                        {"kind": col.name, "level": level.strip(), "year": int(year)}
                    )
                else:
                    problems.append(f"column {col.header}: {part!r} is not level:year (e.g. national:2021)")
    if len(row) > len(columns):
        problems.append(f"{len(row)} cells for {len(columns)} columns")
    if problems:
        raise ProfileError(f"{source}: line {line}", problems)
    return data


@dataclass(frozen=True)
class Row:
    line: int
    cells: list[str]


def read_rows(path: str) -> tuple[list[str], Iterator[Row]]:
    """The header and the data rows of a CSV file (UTF-8, with or without BOM), read as they go."""
    try:
        handle = sys_open(path)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror}") from None
    reader = csv.reader(handle)
    try:
        header = next(reader)
    except StopIteration:
        raise UsageError(f"{path}: the file is empty: it needs a header row") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text: save the table as CSV UTF-8") from None

    def rows() -> Iterator[Row]:
        try:
            for cells in reader:
                if any(c.strip() for c in cells):
                    yield Row(reader.line_num, cells)
        except UnicodeDecodeError:
            raise UsageError(f"{path}: not UTF-8 text (line {reader.line_num + 1}): save as CSV UTF-8") from None
        finally:
            handle.close()

    return header, rows()


def sys_open(path: str) -> io.TextIOBase:
    if path == "-":
        import sys

        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
    return Path(path).open(encoding="utf-8-sig", newline="")


def row_profile(row: Row, columns: list[Column], vocab: Vocabulary, source: str) -> tuple[str, Profile]:
    """(the row's id, its profile); ProfileError naming the line and the column otherwise."""
    where = f"{source}: line {row.line}"
    data = _row_data(row.cells, columns, row.line, source)
    ident = next((c.strip() for col, c in zip(columns, row.cells, strict=False) if col.name == "id" and c.strip()), "")
    try:
        profile = validate_profile(data, where, vocab)
    except ProfileError as exc:
        by_key = {col.key: col.header for col in columns}
        raise ProfileError(where, [_column_message(p, by_key) for p in exc.problems]) from None
    return ident or str(row.line), profile


def _column_message(problem: str, by_key: dict[str, str]) -> str:
    key = problem.split(":", 1)[0].split(" (line")[0]
    header = by_key.get(key)
    return f"column {header}{problem[len(key) :]}" if header else problem
