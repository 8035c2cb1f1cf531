"""A fact's value for one company and year, apart from how it is resolved: the facts
(polcalc.engine.facts) and the figure selectors (polcalc.engine.selectors) both make them."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from polcalc.core.steps import Step
from polcalc.i18n.numbers import figure
from polcalc.i18n.words import say

# A text for the language it is read in ("15% (¥230,000,000 vs ¥200,000,000 in 2019)",
# "15%（2.3亿，较2019年的2亿）"), or one that reads the same in both ("medium").
Shown = str | Callable[[str], str]


class FactValue:
    """A fact's value for one company and year, with what is needed to show it.

    `shown` and `derived_note` are composed only when read, in the language asked for
    (`show(lang)`, `note(lang)`): a batch evaluation resolves thousands of facts and shows almost
    none of them. Give either a text the same in both languages, or a function of the language.
    (The commonest facts pass their arguments by position: keywords cost a third of a construction.)"""

    __slots__ = ("_note", "_shown", "driver", "missing", "undefined", "unit", "value")

    def __init__(
        self,
        value: object = None,  # Decimal, bool, str (a level or size), frozenset (industry words) or None
        missing: tuple[str, ...] = (),  # profile keys that would supply it
        undefined: Step | None = None,  # why it cannot be computed from what the profile gives
        shown: Shown = "",
        unit: str | None = None,
        driver: tuple[int, str, str] | None = None,  # the figure it moves with: (year, name, selector)
        derived_note: Shown | None = None,  # set when the value was derived, not given
    ) -> None:
        self.value, self.missing, self.undefined, self._shown = value, missing, undefined, shown
        self.unit, self.driver, self._note = unit, driver, derived_note

    def show(self, lang: str) -> str:
        return self._shown(lang) if callable(self._shown) else self._shown

    def note(self, lang: str) -> str | None:
        return self._note(lang) if callable(self._note) else self._note

    @property
    def shown(self) -> str:
        """show() in English."""
        return self.show("en")

    @property
    def derived_note(self) -> str | None:
        """note() in English."""
        return self.note("en")


def missing_value(*keys: str) -> FactValue:
    """A fact the profile lacks, with the keys that would supply it."""
    return FactValue(None, keys)


def worked_out(
    value: Decimal, unit: str, left: FactValue, sign: str, right: FactValue, driver: tuple[int, str, str] | None = None
) -> FactValue:
    """A value worked out from two others, shown with them: "12% (3 / 25)", "¥30 (¥50 − ¥20)"."""
    return FactValue(
        value,
        (),
        None,
        lambda lang: say(
            "fact_detail", lang, value=figure(value, unit, lang), detail=f"{left.show(lang)} {sign} {right.show(lang)}"
        ),
        unit,
        driver,
    )
