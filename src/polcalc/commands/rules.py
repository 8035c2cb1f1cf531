"""`polcalc rules check [PATH]`: validate rule files and report every problem with file and key."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from polcalc.commands.options import handle_errors

app = typer.Typer(help="Work on rule files.", no_args_is_help=True)


@app.command("check")
@handle_errors
def check_rules(
    path: Annotated[
        Path | None, typer.Argument(help="A rules directory or one policy file; default: the shipped rules.")
    ] = None,
) -> None:
    """Validate rule files: every problem, each with its file and key."""
    from polcalc.lint import check_rules as run_checks

    problems = run_checks(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"polcalc: {len(problems)} problem(s) in the rules", file=sys.stderr)
        raise typer.Exit(2)
    print("rules ok")
