"""The typer side of the options every command shares: their declarations, shell completion of
regions, policies and measure ids, and the decorator that turns our errors into an exit status.
(What a command does with the values is in usage.py, which knows nothing of typer.)"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from polcalc.cli.usage import report
from polcalc.formats import OutputFormat
from polcalc.i18n.messages import PolcalcError
from polcalc.i18n.words import LANGS, default_lang

F = TypeVar("F", bound=Callable[..., Any])


# ------------------------------------------------------------------ shell completion
# Each runs in a fresh process per <TAB>: the catalog is loaded there, lazily, never at import.


def complete_lang(incomplete: str) -> list[str]:
    return [lang for lang in LANGS if lang.startswith(incomplete)]


def complete_region(incomplete: str) -> list[str]:
    from polcalc.engine.catalog import load_catalog

    return [r for r in load_catalog().regions if r.startswith(incomplete)]


def complete_policy(incomplete: str) -> list[tuple[str, str]]:
    """Policy ids, each with its document's title as the shell's help."""
    from polcalc.engine.catalog import load_catalog

    lang = default_lang()
    return [(pid, p.title.get(lang)) for pid, p in load_catalog().policies.items() if pid.startswith(incomplete)]


def complete_measure(incomplete: str) -> list[tuple[str, str]]:
    """Measure ids, each with its title as the shell's help. (bash splits words at ':' unless
    COMP_WORDBREAKS is told otherwise: the README says how.)"""
    from polcalc.engine.catalog import load_catalog

    lang = default_lang()
    return [(mid, m.title.get(lang)) for mid, m in load_catalog().measures.items() if mid.startswith(incomplete)]


# ------------------------------------------------------------------ options

FormatOption = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table (for people), json, jsonl or csv (for scripts).")
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="The day a measure's window is checked against (YYYY-MM-DD); default today."),
]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="zh or en; default from LANG/LC_ALL (zh… → Chinese).", autocompletion=complete_lang),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Only the results: no warnings, notes or hints (errors still show).")
]
RegionOption = Annotated[
    str | None,
    typer.Option("--region", "-r", help="anning, xinzhou, xishan or yangquan-chengqu.", autocompletion=complete_region),
]
PolicyOption = Annotated[
    str | None,
    typer.Option(
        "--policy", "-p", help="Only this policy's measures, e.g. xishan-2020.", autocompletion=complete_policy
    ),
]
MeasureArgument = Annotated[
    str, typer.Argument(help="A measure id, e.g. xishan-2020:19.2.", autocompletion=complete_measure)
]


# ------------------------------------------------------------------ errors


def handle_errors(func: F) -> F:
    """Our own exceptions become one line on stderr and exit status 2, never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PolcalcError as exc:
            raise typer.Exit(report(exc, kwargs.get("lang"))) from None
        except KeyboardInterrupt:  # Ctrl-C: click would say "Aborted!" and exit 1; the shell's 130
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]
