"""The rule model: one policy document per TOML file, validated by pydantic when loaded.

The classes are frozen dataclasses (see polcalc.core.record): pydantic reads their annotations only
when a rule file is validated, never when a cached catalog is used.

The format is documented in docs/rules.md; this module is its single definition, but for the
award kinds: each is a class of polcalc.engine.awards, registered here by its `kind` word.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
from collections.abc import Iterator
from dataclasses import field, fields
from functools import cached_property
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from polcalc.core.record import CONFIG, Constrained, Record, forget_validators, frozen
from polcalc.model.conditions import FactRef
from polcalc.model.values import BiText, Cond, Money
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


class AwardModel(_Strict):
    """What the rule format knows of an award: a record whose `kind` word names its class, and
    the checks loading makes of every kind.

    The kinds themselves are classes of polcalc.engine.awards, each carrying its data and all
    that is done with it (compute, describe, lint): computing one reads a company's facts, which
    the engine holds, and this layer may not import the engine. Loading (engine.catalog) sits
    below the kinds in the engine's imports, so it checks them through these methods alone.
    A kind's class declares `kind: Literal["word"]`: the word rule files name it by.
    """

    __slots__ = ()
    kind: str  # each kind's own field narrows it to its word

    def nested(self) -> Iterator[tuple[str, AwardModel]]:
        """The awards inside this one (a tier's, a sum's parts), each with its key path."""
        return iter(())

    def facts(self) -> Iterator[FactRef]:
        """Every fact the award's arithmetic reads (its fields that are facts), nested awards'
        included; not the facts of the conditions it judges."""
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if isinstance(value, FactRef):
                yield value
        for _, inner in self.nested():
            yield from inner.facts()

    def conditions(self) -> Iterator[tuple[str, tuple[Cond, ...]]]:
        """The conditions the award judges itself (a tier's), each with its key path in the award."""
        for where, inner in self.nested():
            for path, conds in inner.conditions():
                yield f"{where}.{path}", conds

    def problems(self) -> list[str]:
        """What is wrong with the award beyond unknown facts and conditions (loading checks those)."""
        return [f"{where}: {p}" for where, inner in self.nested() for p in inner.problems()]


# The registered kinds, by word, in the order the rule format lists them (error messages too).
AWARD_KINDS: dict[str, type[AwardModel]] = {}

K = TypeVar("K", bound=type[AwardModel])


def register_award(cls: K) -> K:
    """Make `cls` a kind rule files may name: validation builds its award union afresh."""
    kind = _kind_word(cls)
    if AWARD_KINDS.get(kind, cls) is not cls:
        raise ValueError(f"award kind {kind!r} is already {AWARD_KINDS[kind].__qualname__}")
    AWARD_KINDS[kind] = cls
    forget_validators()
    return cls


def _kind_word(cls: type[AwardModel]) -> str:
    """The word of a kind's `kind: Literal["word"]` field, read from its annotation: a string
    here (annotations are not evaluated: their names resolve only when pydantic validates)."""
    note = inspect.get_annotations(cls).get("kind")  # its own: a base's `kind: str` is no word
    if isinstance(note, str):
        node = ast.parse(note, mode="eval").body
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
            note = node.slice.value
    elif get_origin(note) is Literal and len(get_args(note)) == 1:
        note = get_args(note)[0]
    if not isinstance(note, str):
        raise TypeError(f"{cls.__name__}: declare the kind's word as its own field: kind: Literal['word']")
    return note


def unregister_award(kind: str) -> None:
    """Withdraw a kind (a test's): rule files naming it fail to load again."""
    AWARD_KINDS.pop(kind, None)
    forget_validators()


class AnyKind:
    """Annotated marker: an award of any registered kind, told apart by `kind`. The union is
    built when a file is validated, not when this module is imported, so it holds every kind
    registered by then (the annotated class, the kinds' common base, only informs type checkers)."""

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic import Field

        members = tuple(AWARD_KINDS.values())
        if len(members) == 1:  # a union of one is its member, and has nothing to discriminate
            return handler.generate_schema(members[0])
        return handler.generate_schema(Annotated[Union[members], Field(discriminator="kind")])  # noqa: UP007


ANY_KIND = AnyKind()
Award = Annotated[AwardModel, ANY_KIND]


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
