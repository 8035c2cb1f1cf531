"""A near miss as the engine proves it (engine.nearmiss): figures and amounts, no words.

Apart from nearmiss so that a CompanyResult (engine.evaluate, which nearmiss imports) can hold
its hints; views.hints gives them words.
"""

from __future__ import annotations

from decimal import Decimal

from polcalc.core.record import Record, frozen


@frozen
class Hint(Record):
    measure_id: str
    condition: str  # the rule's condition the change satisfies
    year: int
    figure: str  # the profile key's figure name
    current: Decimal
    needed: Decimal
    amount_before: Decimal | None
    amount_after: Decimal | None
    status_before: str
    ceiling: bool = False  # the amounts are "up to" ceilings, the department fixes the sum

    @property
    def key(self) -> str:
        return f"years.{self.year}.{self.figure}"

    @property
    def change(self) -> Decimal:
        return self.needed - self.current

    @property
    def gain(self) -> Decimal:
        return (self.amount_after or Decimal(0)) - (self.amount_before or Decimal(0))

    @property
    def relative(self) -> Decimal:
        return self.change / self.current if self.current else Decimal("Infinity")
