"""The value types of rule and reference files, each read the way people write it: money
("200万"), quantities, rates ("0.2%"), facts and conditions (parsed, never executed), and
bilingual text. Pydantic reads their markers only when a file is validated (polcalc.core.record).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from polcalc.core.record import Before
from polcalc.core.text import Text
from polcalc.model.conditions import Condition, FactRef, parse_condition, parse_fact
from polcalc.model.quantity import parse_quantity


def _money(value: object) -> Decimal:
    amount = parse_quantity(value, allow_percent=False)
    if amount < 0:
        raise ValueError(f"an amount cannot be negative ({value!r})")
    return amount


def _rate(value: object) -> Decimal:
    rate = parse_quantity(value, allow_money=False)
    if rate < 0:
        raise ValueError(f"a rate cannot be negative ({value!r})")
    return rate


def _text(value: object) -> object:
    # A plain string is allowed where only one language was written; say so loudly instead.
    if isinstance(value, str):
        raise ValueError('write a table {zh = "...", en = "..."}: every text is bilingual')
    return value


Money = Annotated[Decimal, Before(_money)]
Quantity = Annotated[Decimal, Before(lambda v: parse_quantity(v))]
RateValue = Annotated[Decimal, Before(_rate)]
Fact = Annotated[FactRef, Before(lambda v: parse_fact(v) if isinstance(v, str) else v)]
Cond = Annotated[Condition, Before(parse_condition)]
BiText = Annotated[Text, Before(_text)]
