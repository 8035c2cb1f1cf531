"""A company's profile: who it is, and its figures per calendar year (read by polcalc.inputs.profiles).

Its format's shape is declared here once (PROFILE_KEYS): the reader checks a profile against it
and the JSON Schema (polcalc.inputs.schema) is built from it.
"""

from __future__ import annotations

from dataclasses import field, replace
from decimal import Decimal
from typing import Final, Literal

from polcalc.core.record import Record, frozen

Size = Literal["micro", "small", "medium", "large"]


# Plain frozen records (polcalc.core.record), built once validate_profile has checked every value against
# PROFILE_KEYS: evaluating a company must not import pydantic (its import costs more than the evaluation).


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


# ------------------------------------------------------------------ the format's shape


class Kind:
    """What a key of a profile (or a key of one of its dated entries) holds. Plain names, not an
    Enum: making an Enum class would cost every start of `check` a fifth of a millisecond."""

    TEXT: Final = "text"
    NON_EMPTY_TEXT: Final = "non-empty text"
    SIZE_WORD: Final = "size word"  # one of SIZES (polcalc.model.vocabulary)
    FLAGS: Final = "table of booleans"  # status: a status word, true or false
    BY_YEAR: Final = "figures by year"  # [years.2020]
    BY_MONTH: Final = "figures by month"  # [months."2023-01"]
    DATED: Final = "list of dated entries"  # [[recognitions]], [[events]]: tables with a year
    YEAR: Final = "int year"  # MIN_YEAR..MAX_YEAR


MIN_YEAR, MAX_YEAR = 1990, 2100  # the years a profile may speak of: a year's figures, an entry's year


@frozen
class Key(Record):
    """One key of the format: its kind, whether a profile must have it, and for a list of dated
    entries the record each entry is read into and the keys of an entry."""

    kind: str  # a Kind
    required: bool = False
    record: type[Recognition | Event] | None = None
    entry: dict[str, Key] = field(default_factory=dict)


PROFILE_KEYS: dict[str, Key] = {
    "name": Key(Kind.NON_EMPTY_TEXT, required=True),
    "region": Key(Kind.TEXT, required=True),
    "industry": Key(Kind.TEXT),
    "size": Key(Kind.SIZE_WORD),
    "status": Key(Kind.FLAGS),
    "years": Key(Kind.BY_YEAR),
    "months": Key(Kind.BY_MONTH),
    "recognitions": Key(
        Kind.DATED,
        record=Recognition,
        entry={
            "kind": Key(Kind.TEXT, required=True),
            "level": Key(Kind.TEXT, required=True),
            "year": Key(Kind.YEAR, required=True),
        },
    ),
    "events": Key(
        Kind.DATED,
        record=Event,
        entry={"kind": Key(Kind.TEXT, required=True), "year": Key(Kind.YEAR, required=True), "note": Key(Kind.TEXT)},
    ),
    "notes": Key(Kind.TEXT),
}
TOP_KEYS = tuple(PROFILE_KEYS)
REQUIRED = tuple(key for key, spec in PROFILE_KEYS.items() if spec.required)
