"""Steps of arithmetic (polcalc.core.steps) in words: the one place that turns them into Chinese
or English. `render_step` for an arithmetic line (or a reason), `render_formula` for the
one-line arithmetic the table shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from polcalc.core.money import format_quantity, format_rate
from polcalc.core.steps import MONEY, NUMBER, PRICE, RATE, Q, Step
from polcalc.core.text import Text
from polcalc.i18n.numbers import figure, money, number, price
from polcalc.i18n.words import say, word


def show(value: object, lang: str) -> str:
    """One value of a step in the language: a Q by its unit, a Text in the language, a step rendered."""
    if isinstance(value, Q):
        amount, unit = value
        if unit == MONEY:
            return money(amount, lang)
        if unit == PRICE:
            return price(amount, lang)
        if unit == RATE:
            return format_rate(amount)
        if unit == "ratio":
            return format_quantity(amount, "ratio")
        if unit == NUMBER:
            return number(amount, lang)
        return figure(amount, unit, lang)
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, Step):
        return render_step(value, lang)
    return str(value)


def _expr(v: dict[str, Any], lang: str) -> str:
    """A rate's arithmetic: "0.2% × 2.3亿", the whole steps counted, any multiplier after."""
    base = show(v["base"], lang)
    if v.get("steps") is not None:
        base = say("step_whole_steps", lang, base=base, n=show(v["steps"], lang), size=show(v["step"], lang))
    times = f" × {show(v['times'], lang)}" if v.get("times") is not None else ""
    return f"{show(v['rate'], lang)} × {base}{times}"


def _per(v: dict[str, Any], lang: str) -> str:
    return f" × {show(v['per'], lang)}" if v.get("per") is not None else ""


def _band_expr(v: dict[str, Any], lang: str) -> str:
    return f"{show(v['rate'], lang)} × {show(v['part'], lang)}"


def _per_unit(v: dict[str, Any], lang: str) -> str:
    return say(
        "step_per_unit",
        lang,
        base=show(v["base"], lang),
        units=show(v["units"], lang),
        whole=word("step_whole", lang) if v["whole"] else "",
        unit=show(v["unit"], lang),
        price=show(v["price"], lang),
        result=show(v["result"], lang),
    )


def _range(v: dict[str, Any], lang: str) -> str:
    return say(
        "step_range",
        lang,
        low=show(v["low"], lang),
        high=show(v["high"], lang),
        per=_per(v, lang),
        least=show(v["least"], lang),
        most=show(v["most"], lang),
    )


def _band(v: dict[str, Any], lang: str) -> str:
    fields = {"expr": _band_expr(v, lang), "lower": show(v["lower"], lang), "result": show(v["result"], lang)}
    if v["upper"] is None:
        return say("step_band_top", lang, **fields)
    return say("step_band", lang, upper=show(v["upper"], lang), **fields)


# Lines whose wording is more than one sentence with its values filled in.
_LINES: dict[str, Callable[[dict[str, Any], str], str]] = {
    "rate": lambda v, lang: f"{_expr(v, lang)} = {show(v['result'], lang)}",
    "rate_negative": lambda v, lang: say("step_negative", lang, expr=_expr(v, lang)),
    "per_unit": _per_unit,
    "range": _range,
    "up_to_per": lambda v, lang: say(
        "step_up_to_per", lang, expr=f"{show(v['most'], lang)}{_per(v, lang)}", result=show(v["result"], lang)
    ),
    "band": _band,
}

# The same steps as terms of the one-line formula ("0.2% × 2.3亿", "22.5% × 100万 + 20% × 200万").
_TERMS: dict[str, Callable[[dict[str, Any], str], str]] = {
    "fixed": lambda v, lang: show(v["amount"], lang),
    "rate": _expr,
    "rate_negative": _expr,
    "per_unit": lambda v, lang: f"{show(v['price'], lang)} × {show(v['units'], lang)}",
    "range": lambda v, lang: f"{show(v['low'], lang)}–{show(v['high'], lang)}{_per(v, lang)}",
    "up_to_per": lambda v, lang: f"≤ {show(v['most'], lang)}{_per(v, lang)}",
    "band": _band_expr,
}


def render_step(step: Step, lang: str) -> str:
    """A step as a line of text in the language. Kinds without a rule of their own are one
    sentence of polcalc.i18n, `step_<kind>` (or the kind itself, for reasons: `why_…`)."""
    kind, values = step
    line = _LINES.get(kind)
    if line is not None:
        return line(values, lang)
    key = kind if kind.startswith("why_") else f"step_{kind}"
    return say(key, lang, **{name: show(value, lang) for name, value in values.items()})


def render_steps(steps: Sequence[Step], lang: str) -> list[str]:
    return [render_step(s, lang) for s in steps]


def render_formula(terms: Sequence[Step], lang: str) -> str:
    """The award's arithmetic in one line with the company's numbers; "" when there is none."""
    return " + ".join(_TERMS[t.kind](t.values, lang) for t in terms)


def is_fixed_sum(terms: Sequence[Step], amount: Decimal | None) -> bool:
    """Whether the formula is nothing but the amount itself (a fixed sum, not capped)."""
    return len(terms) == 1 and terms[0].kind == "fixed" and terms[0].values["amount"].value == amount
