"""Exact amounts as people read them: yuan to fen, 万 and 亿, percent. Everything is `Decimal`.

(Reading what people write, "3000万" or "15%", is polcalc.model.quantity.)
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

FEN = Decimal("0.01")
WAN = Decimal(10_000)
YI = Decimal(100_000_000)


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
