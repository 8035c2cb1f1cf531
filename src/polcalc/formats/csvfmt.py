"""CSV: one row per company and measure, amounts as plain yuan; a BOM on request for Excel."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO, Any

from polcalc.engine import CompanyResult
from polcalc.report import company_dict

CHECK_COLUMNS = [
    "file",
    "name",
    "region",
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
]
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


def cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(map(str, value))
    return value


def rows_text(rows: Iterable[Iterable[Any]]) -> str:
    """Rows as CSV text (for a worker to render, the main process to write in order)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([cell(v) for v in row])
    return buffer.getvalue()


class CsvCheck:
    def __init__(
        self, out: IO[str], *, lang: str = "en", include_drafts: bool = False, bom: bool = False, **_: Any
    ) -> None:
        if bom:
            out.write("\ufeff")
        self.out = out
        csv.writer(out, lineterminator="\n").writerow(CHECK_COLUMNS)
        self.lang, self.drafts = lang, include_drafts

    def render(self, result: CompanyResult) -> str:
        data = company_dict(result, self.lang, self.drafts)
        company = {"file": data["file"], "name": data["name"], "region": data["region"]}
        return rows_text([{**r, **company}[c] for c in CHECK_COLUMNS] for r in data["results"])

    def write(self, text: str) -> None:
        self.out.write(text)

    def company(self, result: CompanyResult) -> None:
        self.write(self.render(result))

    def finish(self) -> None:
        pass


def write_measure_csv(out: IO[str], measures: list[dict[str, Any]], *, bom: bool = False, **_: Any) -> None:
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(MEASURE_COLUMNS)
    for m in measures:
        writer.writerow([cell(m[c]) for c in MEASURE_COLUMNS])
