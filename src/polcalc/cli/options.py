"""The typer side of the options every command shares: their declarations, shell completion of
regions, policies and measure ids, and the decorator that turns our errors into an exit status.
(What a command does with the values is in usage.py, which knows nothing of typer.)"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from polcalc.cli.specs import AS_OF, FORMAT, LANG, POLICY, QUIET
from polcalc.cli.usage import report
from polcalc.i18n.messages import PolcalcError
from polcalc.i18n.words import LANGS, default_lang

F = TypeVar("F", bound=Callable[..., Any])


# ------------------------------------------------------------------ shell completion
# Each runs in a fresh process per <TAB>: the catalog is loaded there, lazily, never at import.


def complete_lang(incomplete: str) -> list[str]:
    return [lang for lang in LANGS if lang.startswith(incomplete)]


def complete_region(incomplete: str) -> list[str]:
    from polcalc.engine.compiled import load_catalog

    return [r for r in load_catalog().regions if r.startswith(incomplete)]


def complete_policy(incomplete: str) -> list[tuple[str, str]]:
    """Policy ids, each with its document's title as the shell's help."""
    from polcalc.engine.compiled import load_catalog

    lang = default_lang()
    return [(pid, p.title.get(lang)) for pid, p in load_catalog().policies.items() if pid.startswith(incomplete)]


def complete_measure(incomplete: str) -> list[tuple[str, str]]:
    """Measure ids, each with its title as the shell's help. (bash splits words at ':' unless
    COMP_WORDBREAKS is told otherwise: the README says how.)"""
    from polcalc.engine.compiled import load_catalog

    lang = default_lang()
    return [(mid, m.title.get(lang)) for mid, m in load_catalog().measures.items() if mid.startswith(incomplete)]


# ------------------------------------------------------------------ options

# The options several commands share, declared in specs.py (check's fast path reads them there).
FormatOption = FORMAT.annotation()
AsOfOption = AS_OF.annotation()
LangOption = LANG.annotation(complete_lang)
QuietOption = QUIET.annotation()
RegionOption = Annotated[
    str | None,
    typer.Option(
        "--region",
        "-r",
        help="A region id, as `polcalc list` shows them (TAB completes).",
        autocompletion=complete_region,
    ),
]
PolicyOption = POLICY.annotation(complete_policy)
MeasureArgument = Annotated[
    str,
    typer.Argument(
        help="A measure id (policy:article), as `polcalc list` shows them.", autocompletion=complete_measure
    ),
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
