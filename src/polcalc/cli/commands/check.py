"""`polcalc check FILE...`: evaluate company profiles."""

from __future__ import annotations

import inspect
from typing import Annotated, Any

import typer

from polcalc.cli.commands.check_run import run_check
from polcalc.cli.options import complete_lang, complete_policy, handle_errors
from polcalc.cli.specs import CHECK, CheckOptions, signature

FILES = inspect.Parameter(
    "files",
    inspect.Parameter.POSITIONAL_OR_KEYWORD,
    annotation=Annotated[
        list[str], typer.Argument(help="Profiles (TOML): files, directories (every *.toml), - for stdin.")
    ],
)


def _check(files: list[str], **options: Any) -> None:
    """Evaluate one or more company profiles against their region's measures."""
    status = run_check(files, CheckOptions(**options))
    if status:
        raise typer.Exit(status)


check = handle_errors(_check)
# Its options as specs.CHECK declares them (the fast path of the console script reads the same).
check.__signature__ = signature(CHECK, [FILES], {"lang": complete_lang, "policy": complete_policy})  # type: ignore[attr-defined]
