"""National reference data (rules/common/reference.toml): values by year, each with its source.

Besides the yearly series and the above-scale thresholds, it holds the SME size classes of
工信部联企业〔2011〕300号 (used to derive a profile's `size` when it gives none) and the
small low-profit enterprise criteria and income-tax bands by tax year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from decimal import Decimal
from typing import Annotated, Literal

from polcalc.core.record import CONFIG, Constrained, Record, frozen
from polcalc.model.values import Money, Quantity, RateValue
from polcalc.model.vocabulary import Unit


@frozen
class Series(Record):
    __pydantic_config__ = CONFIG
    zh: str
    en: str
    unit: Unit
    source: str
    values: dict[int, Quantity]

    def at(self, year: int) -> Decimal | None:
        return self.values.get(year)


@frozen
class AboveScale(Record):
    __pydantic_config__ = CONFIG
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


# ------------------------------------------------------------------ SME size classes

# The profile figures a size-class row may read, in the order a derivation names them.
SizeFigure = Literal["employees", "revenue", "total_assets"]
SIZE_FIGURES: tuple[str, ...] = ("employees", "revenue", "total_assets")


@frozen
class SizeRow(Record):
    """One sector's row: "以下" (sme_below) excludes the figure, "及以上" (medium, small) includes it."""

    __pydantic_config__ = CONFIG
    zh: str
    en: str
    sme_below: dict[SizeFigure, Quantity]  # under any of these: an SME; at or above all: large
    medium: dict[SizeFigure, Quantity]  # medium: at least all of these
    small: dict[SizeFigure, Quantity]  # small: at least all of these; below: micro

    def __post_init__(self) -> None:
        keys = set(self.sme_below)
        if not keys:
            raise ValueError("a row needs at least one figure")
        if set(self.medium) != keys or set(self.small) != keys:
            raise ValueError("sme_below, medium and small must name the same figures")
        for name in keys:
            if not (0 < self.small[name] <= self.medium[name] <= self.sme_below[name]):
                raise ValueError(f"{name}: bounds must rise: 0 < small <= medium <= sme_below")

    @property
    def figures(self) -> tuple[str, ...]:
        return tuple(name for name in SIZE_FIGURES if name in self.sme_below)

    def classify(self, values: Mapping[str, Decimal]) -> str:
        """The class of a firm with these figures (every one of `figures` must be given): micro,
        small, medium or large. (Why, in words, is polcalc.engine.facts's note, worded in i18n.)"""

        def reaches(level: str) -> bool:
            bounds: dict[str, Decimal] = getattr(self, level)
            return all(values[name] >= bound for name, bound in bounds.items())

        return next((size for size in ("large", "medium", "small") if reaches(_LEVEL[size])), "micro")


_LEVEL = {"large": "sme_below", "medium": "medium", "small": "small"}  # the bound each class starts from


@frozen
class SizeClasses(Record):
    __pydantic_config__ = CONFIG
    document_number: str  # how a derivation cites it: 工信部联企业〔2011〕300号
    source: str
    sectors: dict[str, SizeRow]


# ------------------------------------------------------------------ small low-profit enterprises


@frozen
class ProfitBand(Record):
    """Taxable income up to `up_to` (from the previous band's end) is counted at `counted`, taxed at `rate`."""

    __pydantic_config__ = CONFIG
    up_to: Money
    counted: RateValue
    rate: RateValue

    @property
    def effective(self) -> Decimal:
        return self.counted * self.rate


@frozen
class ProfitPeriod(Record):
    __pydantic_config__ = CONFIG
    first_year: int
    last_year: int
    source: str
    bands: Annotated[tuple[ProfitBand, ...], Constrained(min_length=1)]

    def __post_init__(self) -> None:
        if self.first_year > self.last_year:
            raise ValueError("first_year is after last_year")
        ends = [b.up_to for b in self.bands]
        if ends != sorted(set(ends)):
            raise ValueError("bands must rise: each up_to above the one before")


@frozen
class SmallLowProfit(Record):
    """Criteria (at most each figure) and the bands of each span of tax years."""

    __pydantic_config__ = CONFIG
    source: str
    taxable_income_max: Money
    employees_max: Quantity
    total_assets_max: Money
    periods: tuple[ProfitPeriod, ...] = ()

    def __post_init__(self) -> None:
        years: set[int] = set()
        for p in self.periods:
            span = set(range(p.first_year, p.last_year + 1))
            if span & years:
                raise ValueError(f"periods overlap in {min(span & years)}")
            years |= span
            if p.bands[-1].up_to != self.taxable_income_max:
                raise ValueError(f"{p.first_year}–{p.last_year}: the last band must end at taxable_income_max")

    def period(self, year: int) -> ProfitPeriod | None:
        return next((p for p in self.periods if p.first_year <= year <= p.last_year), None)

    def qualifies(self, taxable_income: Decimal, employees: Decimal, total_assets: Decimal) -> bool:
        return (
            taxable_income <= self.taxable_income_max
            and employees <= self.employees_max
            and total_assets <= self.total_assets_max
        )

    def tax(self, year: int, taxable_income: Decimal) -> Decimal | None:
        """Income tax due in `year` on a qualifying income (None: no bands for that year)."""
        period = self.period(year)
        if period is None:
            return None
        total, lower = Decimal(0), Decimal(0)
        for band in period.bands:
            total += max(Decimal(0), min(taxable_income, band.up_to) - lower) * band.effective
            lower = band.up_to
        return total


@frozen
class Reference(Record):
    __pydantic_config__ = CONFIG
    series: dict[str, Series] = field(default_factory=dict)
    above_scale: AboveScale
    size_classes: SizeClasses
    small_low_profit: SmallLowProfit
