"""`polcalc explain MEASURE [FILE]`: a measure in full, or its trace for one company."""

from __future__ import annotations

from typing import Annotated

import typer

from polcalc.commands.options import AsOfOption, FormatOption, LangOption, handle_errors
from polcalc.formats import OutputFormat


@handle_errors
def explain(
    measure_id: Annotated[str, typer.Argument(help="A measure id, e.g. xishan-2020:19.2.")],
    file: Annotated[str | None, typer.Argument(help="A profile to trace the measure for.")] = None,
    fmt: FormatOption = OutputFormat.table,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Show a measure in full, or how it applies to one company, step by step."""
    raise NotImplementedError
