"""The words a profile may use: regions, industries, statuses, figures, recognitions, events.

Loaded from rules/common/vocabulary.toml; a policy file may add entries of its own, so a new
jurisdiction needs a rule file, not a code change.
"""

from __future__ import annotations

from dataclasses import field
from typing import ClassVar, Literal

from polcalc.core.record import CONFIG, Record, frozen
from polcalc.core.text import Text

Unit = Literal["yuan", "usd", "count", "rank", "tonnes", "m2", "mu", "ratio"]  # rank: 1 is first
SIZES = ("micro", "small", "medium", "large")


@frozen
class _Entry(Record):
    __pydantic_config__ = CONFIG
    zh: str
    en: str

    @property
    def label(self) -> Text:
        return Text(zh=self.zh, en=self.en)


@frozen
class Region(_Entry):
    parent: str | None = None  # the region it lies in: a city's document applies to its districts


@frozen
class Industry(_Entry):
    sector: str
    above_scale: str | None = None
    groups: tuple[str, ...] = ()


@frozen
class Status(_Entry):
    derivable: bool = False


@frozen
class Figure(_Entry):
    unit: Unit
    monthly: bool = False


@frozen
class Derived(_Entry):
    numerator: str
    denominator: str
    unit: Unit = "ratio"


@frozen
class Recognition(_Entry):
    levels: tuple[str, ...]


@frozen
class Event(_Entry):
    pass


@frozen
class Vocabulary(Record):
    __pydantic_config__ = CONFIG
    regions: dict[str, Region] = field(default_factory=dict)
    industries: dict[str, Industry] = field(default_factory=dict)
    status: dict[str, Status] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    derived: dict[str, Derived] = field(default_factory=dict)
    recognitions: dict[str, Recognition] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)

    SECTIONS: ClassVar[tuple[str, ...]] = (
        "regions",
        "industries",
        "status",
        "figures",
        "derived",
        "recognitions",
        "events",
    )

    def ancestry(self, region: str) -> tuple[str, ...]:
        """The region and those it lies in, nearest first: a district, then its city. (The catalog checks
        at load that every parent is a region and no region lies in itself.)"""
        out = [region]
        while (entry := self.regions.get(out[-1])) is not None and entry.parent and entry.parent not in out:
            out.append(entry.parent)
        return tuple(out)

    def unit_of(self, name: str) -> Unit:
        if name in self.figures:
            return self.figures[name].unit
        return self.derived[name].unit

    def label_of(self, name: str) -> Text | None:
        for section in ("figures", "derived", "status", "recognitions", "events", "industries"):
            entry = getattr(self, section).get(name)
            if entry is not None:
                return entry.label
        return None

    def industry_words(self) -> set[str]:
        words = set(self.industries)
        for ind in self.industries.values():
            words.update(ind.groups)
        return words
