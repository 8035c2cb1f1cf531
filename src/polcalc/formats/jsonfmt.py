"""JSON and JSON Lines, as shared/CONTRACT.md fixes them. Decimals are written exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import IO, Any

import orjson

from polcalc.engine import CompanyResult
from polcalc.report import company_dict


def _default(value: object) -> object:
    if isinstance(value, Decimal):
        return orjson.Fragment(str(value))  # the number exactly as written, never through a float
    raise TypeError(f"cannot serialise {type(value).__name__}")


def dumps(obj: Any, indent: int | None = None) -> str:
    """JSON text, non-ASCII kept as is; orjson because batch runs serialise every company (5x faster)."""
    option = orjson.OPT_INDENT_2 if indent else 0
    return orjson.dumps(obj, default=_default, option=option).decode("utf-8")


class JsonCheck:
    def __init__(
        self, out: IO[str], *, lines: bool, as_of: dt.date, lang: str = "en", include_drafts: bool = False, **_: Any
    ) -> None:
        self.out, self.lines, self.as_of, self.lang, self.drafts = out, lines, as_of, lang, include_drafts
        self.companies: list[dict[str, Any]] = []

    def company(self, result: CompanyResult) -> None:
        data = company_dict(result, self.lang, self.drafts)
        if self.lines:
            self.out.write(dumps(data) + "\n")
            self.out.flush()
        else:
            self.companies.append(data)

    def finish(self) -> None:
        if not self.lines:
            self.out.write(dumps({"as_of": self.as_of.isoformat(), "companies": self.companies}, indent=2) + "\n")


def write_measure_json(out: IO[str], measures: list[dict[str, Any]], *, lines: bool) -> None:
    if lines:
        for m in measures:
            out.write(dumps(m) + "\n")
    else:
        out.write(dumps({"measures": measures}, indent=2) + "\n")
