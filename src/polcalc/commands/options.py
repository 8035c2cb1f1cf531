"""Options every command shares, and the decorator that turns our errors into exit status 2."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from polcalc.errors import PolcalcError, UsageError
from polcalc.formats import OutputFormat
from polcalc.i18n import LANGS, default_lang

F = TypeVar("F", bound=Callable[..., Any])

FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table (for people), json, jsonl or csv (for scripts).")
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="The day a measure's window is checked against (YYYY-MM-DD); default today."),
]
LangOption = Annotated[str | None, typer.Option("--lang", help="zh or en; default from LANG/LC_ALL (zh… → Chinese).")]


def error(message: str) -> None:
    print(f"polcalc: error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"polcalc: warning: {message}", file=sys.stderr)


def handle_errors(func: F) -> F:
    """Our own exceptions become one line on stderr and exit status 2, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PolcalcError as exc:
            error(str(exc))
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def parse_as_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of {value!r}: write a date as YYYY-MM-DD, e.g. 2020-06-30") from None


def resolve_lang(value: str | None) -> str:
    if value is None:
        return default_lang()
    if value not in LANGS:
        raise UsageError(f"--lang {value!r}: choose one of {', '.join(LANGS)}")
    return value
