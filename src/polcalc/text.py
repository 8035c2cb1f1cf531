"""Bilingual text and the small helpers every module shares."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from polcalc.shape import CONFIG, Record, frozen


@frozen
class Text(Record):
    """A sentence in Chinese and English; every user-facing string of the rules is one."""

    __pydantic_config__ = CONFIG
    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean X?)' for the nearest valid word, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.7)
    return f" (did you mean {close[0]!r}?)" if close else ""
