"""The words a profile may use: regions, industries, statuses, figures, recognitions, events.

Loaded from rules/common/vocabulary.toml; a policy file may add entries of its own, so a new
jurisdiction needs a rule file, not a code change.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from polcalc.text import Text

Unit = Literal["yuan", "usd", "count", "tonnes", "m2", "mu", "ratio"]
SIZES = ("micro", "small", "medium", "large")


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    zh: str
    en: str

    @property
    def label(self) -> Text:
        return Text(zh=self.zh, en=self.en)


class Region(_Entry):
    pass


class Industry(_Entry):
    sector: str
    above_scale: str | None = None
    groups: tuple[str, ...] = ()


class Status(_Entry):
    derivable: bool = False


class Figure(_Entry):
    unit: Unit
    monthly: bool = False


class Derived(_Entry):
    numerator: str
    denominator: str
    unit: Unit = "ratio"


class Recognition(_Entry):
    levels: tuple[str, ...]


class Event(_Entry):
    pass


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    regions: dict[str, Region] = Field(default_factory=dict)
    industries: dict[str, Industry] = Field(default_factory=dict)
    status: dict[str, Status] = Field(default_factory=dict)
    figures: dict[str, Figure] = Field(default_factory=dict)
    derived: dict[str, Derived] = Field(default_factory=dict)
    recognitions: dict[str, Recognition] = Field(default_factory=dict)
    events: dict[str, Event] = Field(default_factory=dict)

    SECTIONS: ClassVar[tuple[str, ...]] = (
        "regions",
        "industries",
        "status",
        "figures",
        "derived",
        "recognitions",
        "events",
    )

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
