"""Reading quantities as people write them: "3000万", "1.2亿", "3,000,000", "15%", "0.5‰".

Everything is `Decimal`; a float never enters (TOML is read with parse_float=Decimal).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from polcalc.core.money import WAN, YI
from polcalc.i18n.messages import Message

_SUFFIX = {"万": WAN, "亿": YI, "万元": WAN, "亿元": YI, "元": Decimal(1)}
_PERCENT = {"%": Decimal("0.01"), "‰": Decimal("0.001"), "％": Decimal("0.01")}
# A plain decimal with optional thousands separators, then an optional unit. ASCII digits only
# (re.ASCII: \d would take full-width １２３ and other scripts' digits), as the JSON Schema's
# [0-9] says: a full-width figure is refused by name rather than read one way here, another there.
_NUMBER = re.compile(
    r"^(?P<sign>[-+]?)(?P<digits>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<unit>万元|亿元|万|亿|元|%|％|‰)?$",
    re.ASCII,
)
# No figure of a company comes near 10^15 (a thousand 万亿 yuan, ~8x China's GDP): beyond it is
# a typo (1e400, a hundred digits) that would otherwise be computed with as if it were real.
LIMIT = Decimal(10) ** 15


class QuantityError(ValueError):
    """A quantity could not be read; the message says what was expected (str: in English; the
    message itself renders in either language)."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.message,))


def parse_quantity(value: object, *, allow_percent: bool = True, allow_money: bool = True) -> Decimal:
    """Read an int, Decimal or string such as "3000万", "1.2亿", "3,000,000", "15%", "0.5‰"."""
    number = _parse(value, allow_percent, allow_money)
    if abs(number) >= LIMIT:
        shown = value if isinstance(value, str) else f"{value:.6}" if isinstance(value, Decimal) else str(value)
        raise QuantityError(Message("q_too_large", value=shown if len(shown) <= 20 else shown[:12] + "…"))
    return number


def _parse(value: object, allow_percent: bool, allow_money: bool) -> Decimal:
    if isinstance(value, str):  # first: every figure of a population table is text
        return _parse_text(value, allow_percent, allow_money)
    if isinstance(value, bool):
        raise QuantityError(Message("q_bool", value=str(value).lower()))
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise QuantityError(Message("q_not_finite", value=value))
        return value
    if isinstance(value, float):  # only reachable from Python callers, never from our TOML reader
        return Decimal(str(value))
    raise QuantityError(Message("q_type", type=type(value).__name__))


def _parse_text(value: str, allow_percent: bool, allow_money: bool) -> Decimal:
    text = value.strip().replace(" ", "")
    if text.isascii() and text.isdigit():  # a plain count, the commonest cell of a population table
        return Decimal(text)
    match = _NUMBER.match(text)
    if not match:
        raise QuantityError(Message("q_not_amount_or_percent" if allow_percent else "q_not_amount", value=repr(value)))
    sign, digits, unit = match.groups()
    try:
        number = Decimal(digits.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid digits
        raise QuantityError(Message("q_not_number", value=repr(value))) from exc
    if sign == "-":
        number = -number
    if unit is None:
        return number
    if unit in _PERCENT:
        if not allow_percent:
            raise QuantityError(Message("q_percent", value=repr(value)))
        return number * _PERCENT[unit]
    if not allow_money and unit != "元":  # every other unit is a _SUFFIX
        raise QuantityError(Message("q_money_unit", value=repr(value)))
    return number * _SUFFIX[unit]
