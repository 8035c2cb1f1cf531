"""Output formats, one module each, behind one small interface.

A formatter takes companies one at a time (`company`) and is told when the run ends (`finish`);
`jsonl` writes each company as it comes, so memory stays flat however many there are.
"""

from __future__ import annotations

from enum import Enum
from typing import IO, TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the views are imported by the commands that evaluate, not by --help
    from polcalc.views.results import CompanyView


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class CheckFormatter(Protocol):
    """company() renders and writes one company, as its view (views.results.CompanyView, made in
    the run's language) shows it. Machine formats also split that in two:
    render() (pure, may run in a worker process) and write() (in order, in the main process).
    render() gives UTF-8 bytes: what crosses from a worker is neither decoded nor encoded again."""

    def company(self, company: CompanyView) -> None: ...
    def render(self, company: CompanyView) -> bytes: ...
    def write(self, text: str | bytes) -> None: ...
    def finish(self) -> None: ...


def check_formatter(fmt: OutputFormat, out: IO[str], options: dict[str, Any]) -> CheckFormatter:
    if fmt is OutputFormat.table:
        from polcalc.formats.table import TableCheck

        return TableCheck(out, **options)
    if fmt is OutputFormat.csv:
        from polcalc.formats.csvfmt import CsvCheck

        return CsvCheck(out, **options)
    from polcalc.formats.jsonfmt import JsonCheck

    return JsonCheck(out, lines=fmt is OutputFormat.jsonl, **options)


def write_measures(fmt: OutputFormat, out: IO[str], measures: list[dict[str, Any]], options: dict[str, Any]) -> None:
    if fmt is OutputFormat.table:
        from polcalc.formats.table import write_measure_table

        write_measure_table(out, measures, **options)
    elif fmt is OutputFormat.csv:
        from polcalc.formats.csvfmt import write_measure_csv

        write_measure_csv(out, measures, **options)
    else:
        from polcalc.formats.jsonfmt import write_measure_json

        write_measure_json(out, measures, lines=fmt is OutputFormat.jsonl)
