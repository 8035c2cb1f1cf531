"""Options every command shares, the decorator that turns our errors into exit status 2, the
checks of --region and --policy, and shell completion of regions, policies and measure ids."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from polcalc.errors import PolcalcError, UsageError
from polcalc.formats import OutputFormat
from polcalc.i18n import LANGS, default_lang, say

if TYPE_CHECKING:
    from polcalc.catalog import Catalog

F = TypeVar("F", bound=Callable[..., Any])


# ------------------------------------------------------------------ shell completion
# Each runs in a fresh process per <TAB>: the catalog is loaded there, lazily, never at import.


def complete_lang(incomplete: str) -> list[str]:
    return [lang for lang in LANGS if lang.startswith(incomplete)]


def complete_region(incomplete: str) -> list[str]:
    from polcalc.catalog import load_catalog

    return [r for r in load_catalog().regions if r.startswith(incomplete)]


def complete_policy(incomplete: str) -> list[tuple[str, str]]:
    """Policy ids, each with its document's title as the shell's help."""
    from polcalc.catalog import load_catalog

    lang = default_lang()
    return [(pid, p.title.get(lang)) for pid, p in load_catalog().policies.items() if pid.startswith(incomplete)]


def complete_measure(incomplete: str) -> list[tuple[str, str]]:
    """Measure ids, each with its title as the shell's help. (bash splits words at ':' unless
    COMP_WORDBREAKS is told otherwise: the README says how.)"""
    from polcalc.catalog import load_catalog

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


# ------------------------------------------------------------------ messages and errors


def error(message: str, lang: str | None = None) -> None:
    print(say("error", lang or default_lang(), message=message), file=sys.stderr)


def warn(message: str, lang: str | None = None) -> None:
    print(say("warning", lang or default_lang(), message=message), file=sys.stderr)


def handle_errors(func: F) -> F:
    """Our own exceptions become one line on stderr and exit status 2, never a traceback, worded in
    the run's --lang (an invalid or absent one: the locale's)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PolcalcError as exc:
            lang = kwargs.get("lang")
            lang = lang if lang in LANGS else default_lang()
            error(exc.render(lang), lang)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


def parse_as_of(value: str | None, lang: str | None = None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(say("bad_as_of", lang or default_lang(), value=repr(value))) from None


def resolve_lang(value: str | None) -> str:
    if value is None:
        return default_lang()
    if value not in LANGS:
        raise UsageError(say("bad_lang", default_lang(), value=repr(value), choices=", ".join(LANGS)))
    return value


def did_you_mean(value: str, choices: Iterable[str], lang: str) -> str:
    """' (did you mean 'xishan'?)' for the nearest valid choice, or ''."""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.7)
    return say("did_you_mean", lang, guess=repr(close[0])) if close else ""


def _check_word(key: str, value: str | None, choices: list[str], lang: str) -> None:
    """A usage error naming the nearest valid choice and all of them, for an unknown value."""
    if value is not None and value not in choices:
        raise UsageError(
            say(key, lang, value=repr(value), suggest=did_you_mean(value, choices, lang), valid=", ".join(choices))
        )


def check_region(region: str | None, catalog: Catalog, lang: str) -> None:
    _check_word("not_a_region", region, catalog.regions, lang)


def check_policy(policy: str | None, catalog: Catalog, lang: str) -> None:
    _check_word("not_a_policy", policy, list(catalog.policies), lang)
