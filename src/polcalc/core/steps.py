"""The arithmetic behind an award, recorded as data: the engine records each step of an award
(and each reason a figure cannot be computed) as a `Step`: what kind of step, and its numbers,
each with what it is (`Q`: money, a sum per unit, a rate, a plain number, or a company's figure in
its unit). polcalc.i18n.steps words them, in Chinese or English, only where they are shown: a
batch evaluation records the data and never pays for the words.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NamedTuple

# What a number is, beside a figure's own unit (yuan, usd, count, tonnes, m2, mu, ratio).
MONEY = "money"  # an amount of the award: 46.00万 / ¥460,000.00
PRICE = "price"  # a sum per unit, exact: 250元 / ¥250
RATE = "rate"  # a rate as the text writes it: 0.2%, 100%, or a multiplier (6)
NUMBER = "number"  # a count of units: 3000 / 3,000


class Q(NamedTuple):
    """A number and what it is, so that each language can write it its own way."""

    value: Decimal
    unit: str


class Step(NamedTuple):
    """One line of arithmetic (or a reason), as data: `kind` names its wording; `values` holds its
    numbers (Q), labels (Text) and plain words (str, int, bool). Rendered by `render_step`."""

    kind: str
    values: dict[str, Any]
