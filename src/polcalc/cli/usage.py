"""What every command does with the user's words, free of typer so the fast path of `check`
(polcalc/entry.py) can use it: messages on stderr, --as-of and --lang, the checks of --region
and --policy, and our errors turned into an exit status."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from polcalc.i18n.messages import PolcalcError, UsageError, nearest
from polcalc.i18n.words import LANGS, default_lang, say

if TYPE_CHECKING:
    from polcalc.engine.catalog import Catalog


def error(message: str, lang: str | None = None) -> None:
    print(say("error", lang or default_lang(), message=message), file=sys.stderr)


def warn(message: str, lang: str | None = None) -> None:
    print(say("warning", lang or default_lang(), message=message), file=sys.stderr)


def report(exc: PolcalcError, lang: str | None) -> int:
    """One line on stderr, worded in the run's --lang (an invalid or absent one: the locale's);
    returns the exit status."""
    lang = lang if lang in LANGS else default_lang()
    error(exc.render(lang), lang)
    return exc.exit_code


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
    """' (did you mean 'x'?)' for the nearest valid choice, or ''."""
    guess = nearest(value, choices)
    return say("did_you_mean", lang, guess=repr(guess)) if guess is not None else ""


def _require_word(key: str, value: str | None, choices: list[str], lang: str) -> None:
    """A usage error naming the nearest valid choice and all of them, for an unknown value."""
    if value is not None and value not in choices:
        raise UsageError(
            say(key, lang, value=repr(value), suggest=did_you_mean(value, choices, lang), valid=", ".join(choices))
        )


def require_region(region: str | None, catalog: Catalog, lang: str) -> None:
    _require_word("not_a_region", region, catalog.regions, lang)


def require_policy(policy: str | None, catalog: Catalog, lang: str) -> None:
    _require_word("not_a_policy", policy, list(catalog.policies), lang)
