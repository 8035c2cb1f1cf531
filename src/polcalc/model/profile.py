"""A company's profile: who it is, and its figures per calendar year (read by polcalc.inputs.profiles)."""

from __future__ import annotations

from dataclasses import field, fields, replace
from decimal import Decimal
from typing import Literal

from polcalc.core.record import Record, frozen

Size = Literal["micro", "small", "medium", "large"]


# Plain frozen records (polcalc.core.record), built once validate_profile has checked every value by hand:
# evaluating a company must not import pydantic (its import costs more than the evaluation).


@frozen
class Recognition(Record):
    kind: str
    level: str
    year: int


@frozen
class Event(Record):
    kind: str
    year: int
    note: str | None = None


@frozen
class Profile(Record):
    """A validated profile. Figures are Decimal, keyed by year (int) or month ('YYYY-MM')."""

    name: str
    region: str
    industry: str | None = None
    size: Size | None = None
    status: dict[str, bool] = field(default_factory=dict)
    years: dict[int, dict[str, Decimal]] = field(default_factory=dict)
    months: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    recognitions: tuple[Recognition, ...] = ()
    events: tuple[Event, ...] = ()
    notes: str | None = None

    def figure(self, year: int, name: str) -> Decimal | None:
        return self.years.get(year, {}).get(name)

    def with_figure(self, year: int, name: str, value: Decimal) -> Profile:
        """A copy with one figure changed (what-if analysis)."""
        years = {y: dict(v) for y, v in self.years.items()}
        years.setdefault(year, {})[name] = value
        return replace(self, years=years)


TOP_KEYS = tuple(f.name for f in fields(Profile))
