"""Near misses (engine.hint.Hint) as plain data and words: the one view of a hint that the
json, the table, the report, explain and the district page all read. The engine keeps Hint
objects; only here do they meet a language.
"""

from __future__ import annotations

from typing import Any

from polcalc.core.money import json_number
from polcalc.engine.hint import Hint
from polcalc.i18n.numbers import figure, money
from polcalc.i18n.words import say, word
from polcalc.model.vocabulary import Vocabulary
from polcalc.views.keys import key_words


def hint_dict(hint: Hint, lang: str, vocab: Vocabulary) -> dict[str, Any]:
    return {
        "measure": hint.measure_id,
        "condition": hint.condition,
        "key": hint.key,
        "current": json_number(hint.current),
        "needed": json_number(hint.needed),
        "change": json_number(hint.change),
        "status_before": hint.status_before,
        "amount_before": json_number(hint.amount_before),
        "amount_after": json_number(hint.amount_after),
        "up_to": hint.ceiling,
        "gain": json_number(hint.gain),
        "text": hint_text(hint, lang, vocab),
    }


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
