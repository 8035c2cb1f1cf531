"""Exact quantities: parsing what people write ("3000万", "1.2亿", "15%") and formatting yuan.

Everything is `Decimal`; a float never enters (TOML is read with parse_float=Decimal).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from polcalc.errors import Message

FEN = Decimal("0.01")
WAN = Decimal(10_000)
YI = Decimal(100_000_000)

_SUFFIX = {"万": WAN, "亿": YI, "万元": WAN, "亿元": YI, "元": Decimal(1)}
_PERCENT = {"%": Decimal("0.01"), "‰": Decimal("0.001"), "％": Decimal("0.01")}
# A plain decimal with optional thousands separators, then an optional unit.
_NUMBER = re.compile(
    r"^(?P<sign>[-+]?)(?P<digits>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(?P<unit>万元|亿元|万|亿|元|%|％|‰)?$"
)


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


def to_fen(amount: Decimal) -> Decimal:
    return amount.quantize(FEN, rounding=ROUND_HALF_UP)


def json_number(amount: Decimal | None) -> int | Decimal | None:
    """Yuan for JSON: whole yuan as int, else rounded to fen (kept Decimal, written exactly)."""
    if amount is None:
        return None
    fen = to_fen(amount)
    return int(fen) if fen == fen.to_integral_value() else fen


def format_wan(amount: Decimal) -> str:
    """万元 with two decimals: 460000 -> '46.00万'."""
    return f"{to_fen(amount / WAN):,.2f}万"


def format_yuan(amount: Decimal) -> str:
    return f"¥{to_fen(amount):,.2f}"


def format_rate(rate: Decimal) -> str:
    """A rate as the text writes it: 0.2% or 100%, or a plain multiplier above 1 (6 months' worth: 6)."""
    return normalize(rate) if rate > 1 else format_quantity(rate, "ratio")


def format_quantity(value: Decimal, unit: str) -> str:
    """A figure as a person reads it: money in 万/亿, ratios as percent, counts plain."""
    if unit == "ratio":
        return f"{normalize(value * 100)}%"
    if unit == "yuan":
        if abs(value) >= YI:
            return f"{normalize(value / YI)}亿"
        if abs(value) >= WAN:
            return f"{normalize(value / WAN)}万"
        return f"{normalize(value)}元"
    if unit == "usd":
        return f"US${value.normalize():,f}"
    return f"{normalize(value)}"


def normalize(value: Decimal) -> str:
    """Shortest exact text of a decimal: 2.30 -> '2.3', 1E+1 -> '10'; long fractions to 4 places."""
    if value != value.to_integral_value() and -value.as_tuple().exponent > 4:
        value = value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    text = format(value.normalize(), "f")
    return text
