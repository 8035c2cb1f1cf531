"""JSON and JSON Lines, as shared/CONTRACT.md fixes them. Decimals are written exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import IO, Any

import orjson

from polcalc.formats.sink import Sink
from polcalc.views.results import CompanyView


def _default(value: object) -> object:
    if isinstance(value, Decimal):
        return orjson.Fragment(str(value))  # the number exactly as written, never through a float
    raise TypeError(f"cannot serialise {type(value).__name__}")


def dumps_bytes(obj: Any, indent: int | None = None) -> bytes:
    """JSON as UTF-8, non-ASCII kept as is; orjson because batch runs serialise every company (5x faster)."""
    return orjson.dumps(obj, default=_default, option=orjson.OPT_INDENT_2 if indent else 0)


def dumps(obj: Any, indent: int | None = None) -> str:
    """dumps_bytes as text."""
    return dumps_bytes(obj, indent).decode("utf-8")


def stream_opening(as_of: dt.date) -> str:
    """The start of a run's one object, written before its companies stream in."""
    return '{\n  "as_of": "' + as_of.isoformat() + '",\n  "companies": [\n'


def nested_bytes(data: Any) -> bytes:
    """One company as an item of the streamed "companies" list, indented to its place."""
    return b"    " + dumps_bytes(data, indent=2).replace(b"\n", b"\n    ")


def nested(data: Any) -> str:
    """nested_bytes as text."""
    return nested_bytes(data).decode("utf-8")


class JsonCheck:
    """jsonl: one company per line. json: one object per run (shared/CONTRACT.md), written company
    by company as they come, so neither format holds the run's results in memory."""

    def __init__(
        self,
        out: IO[str],
        *,
        lines: bool,
        as_of: dt.date,
        include_drafts: bool = False,
        **_: Any,
    ) -> None:
        # The language is the views': each company's is the one it was made in.
        self.lines, self.as_of, self.drafts = lines, as_of, include_drafts
        self.sink = Sink(out)
        self.count = 0

    def render(self, company: CompanyView) -> bytes:
        data = company.as_dict(self.drafts)
        if self.lines:
            return dumps_bytes(data) + b"\n"
        return nested_bytes(data)

    def write(self, text: str | bytes) -> None:
        if not self.lines:
            self.sink.write(stream_opening(self.as_of) if self.count == 0 else ",\n")
        self.sink.write(text)
        self.count += 1
        if self.lines:
            self.sink.flush()

    def company(self, company: CompanyView) -> None:
        self.write(self.render(company))

    def finish(self) -> None:
        if self.lines:
            return
        if self.count == 0:
            self.sink.write(dumps({"as_of": self.as_of.isoformat(), "companies": []}, indent=2) + "\n")
        else:
            self.sink.write("\n  ]\n}\n")


def write_measure_json(out: IO[str], measures: list[dict[str, Any]], *, lines: bool) -> None:
    if lines:
        for m in measures:
            out.write(dumps(m) + "\n")
    else:
        out.write(dumps({"measures": measures}, indent=2) + "\n")
