"""Bilingual text: every user-facing string of the rules is one."""

from __future__ import annotations

from polcalc.core.record import CONFIG, Record, frozen


@frozen
class Text(Record):
    """A sentence in Chinese and English; every user-facing string of the rules is one."""

    __pydantic_config__ = CONFIG
    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en
