"""National reference data (rules/common/reference.toml): values by year, each with its source."""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from polcalc.rules import Money, Quantity
from polcalc.vocabulary import Unit


class Series(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    zh: str
    en: str
    unit: Unit
    source: str
    values: dict[int, Quantity]

    def at(self, year: int) -> Decimal | None:
        return self.values.get(year)


class AboveScale(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str
    industry: Money
    wholesale: Money
    retail: Money
    lodging_catering: Money
    services_2000: Money
    services_1000: Money
    services_500: Money

    def threshold(self, category: str) -> Decimal:
        return getattr(self, category)


class Reference(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    series: dict[str, Series] = Field(default_factory=dict)
    above_scale: AboveScale
