"""JSON and JSON Lines, as shared/CONTRACT.md fixes them. Decimals are written exactly."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from typing import IO, Any

from polcalc.engine import CompanyResult
from polcalc.report import company_dict

_MARK = re.compile(r'"\\u0000D(-?[0-9.]+)\\u0000"')


def _default(value: object) -> object:
    if isinstance(value, Decimal):
        # json has no exact-decimal hook: mark the number as a string, unquote it after.
        return f"\x00D{value}\x00"
    raise TypeError(f"cannot serialise {type(value).__name__}")


def dumps(obj: Any, indent: int | None = None) -> str:
    return _MARK.sub(r"\1", json.dumps(obj, ensure_ascii=False, default=_default, indent=indent))


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
