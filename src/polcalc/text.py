"""Bilingual text and the small helpers every module shares."""

from __future__ import annotations

from collections.abc import Iterable

from polcalc.errors import nearest
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
    guess = nearest(word, choices)
    return f" (did you mean {guess!r}?)" if guess is not None else ""
