"""Near misses (engine.hint.Hint) in words: HintView, the one view of a hint that the json, the
table, the report, explain and the district page all read. The engine keeps Hint
objects; only here do they meet a language.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from polcalc.core.money import json_number
from polcalc.engine.hint import Hint
from polcalc.i18n.numbers import figure, money
from polcalc.i18n.words import say, word
from polcalc.model.vocabulary import Vocabulary
from polcalc.views.keys import key_words
from polcalc.views.view import View


@dataclass(slots=True)
class HintView(View):
    """A near miss as every format shows it (the json's near_misses), in one language."""

    measure: str
    condition: str
    key: str
    current: Decimal
    needed: Decimal
    change: Decimal
    status_before: str
    amount_before: Decimal | None
    amount_after: Decimal | None
    up_to: bool  # the amounts are ceilings: the department fixes the sum
    gain: Decimal
    text: str

    def as_json(self) -> dict[str, Any]:
        # Figures and amounts as the json writes yuan (json_number), in the fields' order.
        return {k: json_number(v) if isinstance(v, Decimal) else v for k, v in View.as_json(self).items()}


def hint_view(hint: Hint, lang: str, vocab: Vocabulary) -> HintView:
    return HintView(
        measure=hint.measure_id,
        condition=hint.condition,
        key=hint.key,
        current=hint.current,
        needed=hint.needed,
        change=hint.change,
        status_before=hint.status_before,
        amount_before=hint.amount_before,
        amount_after=hint.amount_after,
        up_to=hint.ceiling,
        gain=hint.gain,
        text=hint_text(hint, lang, vocab),
    )


def hint_dict(hint: Hint, lang: str, vocab: Vocabulary) -> dict[str, Any]:
    """The hint as the json writes it."""
    return hint_view(hint, lang, vocab).as_json()


def hint_text(hint: Hint, lang: str, vocab: Vocabulary) -> str:
    """The hint in a sentence: the key in words, figures in the figure's unit and amounts as the
    language writes them."""
    unit = vocab.unit_of(hint.figure)
    return say(
        "near_text",
        lang,
        key=key_words(hint.key, vocab, lang),
        current=figure(hint.current, unit, lang),
        needed=figure(hint.needed, unit, lang),
        change=figure(hint.change, unit, lang),
        condition=hint.condition,
        after=("≤ " if hint.ceiling else "") + money(hint.amount_after, lang)
        if hint.amount_after is not None
        else word("eligible", lang),
    )
