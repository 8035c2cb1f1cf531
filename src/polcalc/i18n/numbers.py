"""Amounts and figures as each language writes them: 46.00万 / ¥460,000.00, 800平方米 / 800 m²."""

from __future__ import annotations

from decimal import Decimal

from polcalc.core.money import WAN, format_quantity, format_wan, format_yuan, normalize


def money(amount: Decimal, lang: str) -> str:
    """An amount as each language writes it: 46.00万 in Chinese, ¥460,000.00 in English."""
    return format_wan(amount) if lang == "zh" else format_yuan(amount)


def quantity(value: Decimal, unit: str, lang: str) -> str:
    """A company's figure: money in 万/亿 in Chinese and in yuan in English (¥230,000,000, fen only
    when there are some); other units alike in both."""
    if unit != "yuan" or lang == "zh":
        return format_quantity(value, unit)
    return f"¥{int(value):,}" if value == value.to_integral_value() else format_yuan(value)


# A figure's unit after its number: 800平方米 in Chinese, 800 m² in English.
_UNIT_WORDS = {"tonnes": ("吨", " t"), "m2": ("平方米", " m²"), "mu": ("亩", " mu")}


def number(value: Decimal, lang: str) -> str:
    """A plain number, exact: 35000 in Chinese, 35,000 in English (thousands separated)."""
    text = normalize(value)
    if lang == "zh":
        return text
    whole, dot, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    return f"{sign}{int(whole.lstrip('-')):,}{dot}{fraction}"


def figure(value: Decimal, unit: str, lang: str) -> str:
    """A company's figure with its unit: money as `quantity` writes it, areas and weights with
    their unit (800平方米, 800 m²), counts as numbers, shares in percent."""
    if unit in _UNIT_WORDS:
        zh, en = _UNIT_WORDS[unit]
        return f"{normalize(value)}{zh}" if lang == "zh" else f"{number(value, lang)}{en}"
    if unit == "rank":
        return f"第{normalize(value)}名" if lang == "zh" else f"rank {normalize(value)}"
    if unit in ("count", "plain"):
        return number(value, lang)
    return quantity(value, unit, lang)


def price(amount: Decimal, lang: str) -> str:
    """A sum per unit, exact: under 1万 in 元 in Chinese (250元, never 0.03万), else in 万 as
    `money`; in English in yuan, fen only when there are some (¥250, ¥50,000)."""
    if lang == "zh":
        return f"{normalize(amount)}元" if abs(amount) < WAN else format_wan(amount)
    return quantity(amount, "yuan", lang)
