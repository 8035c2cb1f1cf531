"""`polcalc rules check [PATH]`: validate rule files and report every problem with file and key."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from polcalc.cli.options import LangOption, handle_errors
from polcalc.cli.usage import resolve_lang

app = typer.Typer(help="Work on rule files.", no_args_is_help=True)


@app.command("check")
@handle_errors
def rules_check(
    path: Annotated[
        Path | None, typer.Argument(help="A rules directory or one policy file; default: the shipped rules.")
    ] = None,
    lang: LangOption = None,
) -> None:
    """Validate rule files: every problem, each with its file and key."""
    from polcalc.engine.lint import rule_problems
    from polcalc.i18n.words import say, word

    language = resolve_lang(lang)
    problems = rule_problems(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(say("rules_problems", language, n=len(problems)), file=sys.stderr)
        raise typer.Exit(2)
    print(word("rules_ok", language))
