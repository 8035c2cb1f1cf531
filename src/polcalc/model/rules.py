"""The rule model: one policy document per TOML file, validated by pydantic when loaded.

The classes are frozen dataclasses (see polcalc.core.record): pydantic reads their annotations only
when a rule file is validated, never when a cached catalog is used.

The format is documented in docs/rules.md; this module is its single definition.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from decimal import Decimal
from functools import cached_property
from typing import Annotated, Literal

from polcalc.core.record import CONFIG, Constrained, Record, frozen
from polcalc.model.values import BiText, Cond, Fact, Money, Quantity, RateValue
from polcalc.model.vocabulary import Derived, Event, Figure, Industry, Recognition, Region, Status

Benefit = Literal[
    "grant",  # cash award or subsidy
    "matching_grant",  # a share of an award paid by a higher level
    "tax_relief",  # tax saved
    "fee_reduction",  # fees, rents, premiums saved
    "deferral",  # payment postponed: no money saved
    "loan_support",  # loans, interest subsidies, credit terms
    "service",  # a green channel, a promise, a process
]
CASH_BENEFITS = frozenset({"grant", "matching_grant"})


class _Strict(Record):
    __pydantic_config__ = CONFIG


# ------------------------------------------------------------------ awards


@frozen
class Fixed(_Strict):
    """A set sum."""

    kind: Literal["fixed"]
    amount: Money


@frozen
class Rate(_Strict):
    """rate × a figure (optionally the figure rounded down to whole `step`s, times another)."""

    kind: Literal["rate"]
    rate: RateValue
    of: Fact
    step: Quantity | None = None
    times: Fact | None = None


@frozen
class PerUnit(_Strict):
    """`amount` for every `unit` of a figure; whole units only unless whole_units = false."""

    kind: Literal["per_unit"]
    amount: Money
    unit: Quantity = Decimal(1)
    of: Fact
    whole_units: bool = True


@frozen
class Range(_Strict):
    """Between min and max (per head when `per` names a count); the department fixes the sum."""

    kind: Literal["range"]
    min: Money
    max: Money
    per: Fact | None = None


@frozen
class UpTo(_Strict):
    """Discretionary: at most `max` (times `per` when given, e.g. 6 × monthly rent), or unstated."""

    kind: Literal["up_to"]
    max: Quantity | None = None
    per: Fact | None = None

    def __post_init__(self) -> None:
        if self.per is not None and self.max is None:
            raise ValueError("per needs max: the ceiling is max × per")
        if self.max is not None and self.max < 0:
            raise ValueError("max cannot be negative")


@frozen
class Band(_Strict):
    up_to: Money | None = None  # None: no upper end
    rate: RateValue


@frozen
class Progressive(_Strict):
    """Each band's rate applied to the part of the figure within it (tax-bracket style)."""

    kind: Literal["progressive"]
    of: Fact
    bands: tuple[Band, ...]


@frozen
class NoMoney(_Strict):
    """A service, a deferral, a process promise: listed, never summed."""

    kind: Literal["none"]


@frozen
class Tier(_Strict):
    label: BiText
    when: tuple[Cond, ...]
    award: Award
    cap: Money | None = None


@frozen
class Tiers(_Strict):
    """The best tier the company reaches (the highest amount among those whose conditions hold)."""

    kind: Literal["tiers"]
    tiers: Annotated[tuple[Tier, ...], Constrained(min_length=1)]


@frozen
class Sum(_Strict):
    """Several parts added: a base sum plus an amount per unit, for instance."""

    kind: Literal["sum"]
    parts: Annotated[tuple[Award, ...], Constrained(min_length=1)]


Award = Annotated[
    Fixed | Rate | PerUnit | Range | UpTo | Progressive | NoMoney | Tiers | Sum,
    Constrained(discriminator="kind"),
]


# ------------------------------------------------------------------ measures and policies


@frozen
class Measure(_Strict):
    id: Annotated[str, Constrained(pattern=r"^[a-z0-9\-]+:[0-9]+(\.[0-9]+)*[a-z]?$")]
    title: BiText
    summary: BiText
    benefit: Benefit
    department: BiText
    award: Award
    when: tuple[Cond, ...] = ()
    # Conditions a department judges (a rank in the district, "contributing most"): a fact the
    # profile may give. Given, each decides as `when` does; not given, it does not block: the
    # result stays eligible, its caveat shown, and explain names the fact that would settle it.
    judged: tuple[Cond, ...] = ()
    cap: Money | None = None
    year: int | None = None  # the year whose figures the measure reads; default: the policy's
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    validity_note: BiText | None = None
    caveats: tuple[BiText, ...] = ()
    interpretation: BiText | None = None
    stacking_group: str | None = None
    related: tuple[str, ...] = ()

    @cached_property
    def policy_id(self) -> str:
        return self.id.split(":", 1)[0]

    @cached_property
    def article(self) -> str:
        return self.id.split(":", 1)[1]

    def __post_init__(self) -> None:
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValueError(f"valid_from {self.valid_from} is after valid_to {self.valid_to}")


@frozen
class Policy(_Strict):
    id: Annotated[str, Constrained(pattern=r"^[a-z0-9\-]+$")]
    region: str
    title: BiText
    issuer: BiText
    document_number: str | None = None  # None where the document carries none
    issued: dt.date | None = None
    year: int  # the year whose figures the measures read unless they say otherwise
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    validity_note: BiText | None = None
    draft: bool = False
    source: str  # file name under shared/policies
    articles: tuple[str, ...]  # every article the document has, for completeness checks
    when: tuple[Cond, ...] = ()  # document-wide conditions (附则): apply to every measure
    exclusions: BiText | None = None  # the document-wide rules restated, shown by explain
    stacking: BiText | None = None
    interpretation: BiText | None = None

    def __post_init__(self) -> None:
        if self.valid_from and self.valid_to and self.valid_from > self.valid_to:
            raise ValueError(f"valid_from {self.valid_from} is after valid_to {self.valid_to}")


@frozen
class PolicyFile(_Strict):
    """What one rules/*.toml holds."""

    policy: Policy
    measures: Annotated[tuple[Measure, ...], Constrained(min_length=1)]
    # Vocabulary this document introduces (merged into the common vocabulary): a new
    # jurisdiction's region (with the region it lies in) and industries come with its document.
    regions: dict[str, Region] = field(default_factory=dict)
    industries: dict[str, Industry] = field(default_factory=dict)
    status: dict[str, Status] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    derived: dict[str, Derived] = field(default_factory=dict)
    recognitions: dict[str, Recognition] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
