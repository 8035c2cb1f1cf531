"""The rules compiled: one object holding the validated rules and everything derived from them.

`load_catalog()` returns a Compiled: the Catalog (the validated rules, all the cache file holds)
that also owns every table derived from those rules for evaluating and showing companies, each
entry built when first asked for and kept for the process. A batch tests the same few hundred
conditions and resolves the same hundred facts for every company: compiling them once is most of
what makes it fast. The tables, each with one home:

- `plan(measure)`: the measure compiled (its conditions, its award bound, its window per date);
  `plans(...)`: those of the measures a company of a region meets;
- `checkers(conds)` / `verdict(conds)`: conditions compiled (polcalc.engine.conditions), equal
  conditions sharing one checker so a company tests each once;
- `resolvers`: per fact, how Facts resolves it (polcalc.engine.facts);
- `may_hint`, `fixed_verdicts`: what near misses derive per measure (polcalc.engine.nearmiss);
- `years_read(region)`: the years a region's measures read (polcalc.engine.reads), for the
  warnings about figures no measure reads (polcalc.views.warnings);
- `fixed_fields`: what a result shows that is the same for every company, per language and
  measure (polcalc.views.results).

Nothing derived is kept in a module. A Compiled made from a Catalog starts with empty tables,
and is pickled as its rules alone (closures do not pickle); the rules cache also keeps the years
read, plain data that every start would otherwise derive alike. Tables are keyed by value (a
measure's id, a condition), never by an object's id().
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from polcalc.engine import cache
from polcalc.engine import catalog as loading
from polcalc.engine.awards import Computed, apply_cap, kind_of
from polcalc.engine.catalog import Catalog, rules_dir
from polcalc.engine.conditions import (
    Checker,
    Verdict,
    compile_condition,
    judged_checker,
    verdict_from,
)
from polcalc.engine.facts import Facts, Resolver
from polcalc.engine.reads import years_read
from polcalc.i18n.messages import RuleError
from polcalc.model.conditions import Condition
from polcalc.model.rules import Measure, Policy


def load_catalog(directory: Path | None = None) -> Compiled:
    """The rules of `directory` (by default rules_dir()), validated and compiled, once per process."""
    return _load_catalog(str(directory or rules_dir()))


@lru_cache(maxsize=4)
def _load_catalog(directory: str) -> Compiled:
    root = Path(directory)
    if not root.is_dir():
        raise RuleError(str(root), ["no rules directory here"])
    files = sorted(root.glob("*.toml"))
    key = cache.key_of([root / "common" / "vocabulary.toml", root / "common" / "reference.toml", *files])
    cached = cache.load(key)
    if cached is not None:
        rules, years = cached
        return Compiled.of(rules, years)
    catalog, problems = loading.build_catalog(root / "common", files)
    if problems or catalog is None:
        raise RuleError(str(root), problems)
    compiled = Compiled.of(catalog)
    # With the rules, what every start would derive alike: the years each region reads (a
    # check's warnings) cost a tenth of a cold start to work out, nothing to unpickle.
    cache.store(key, (catalog, {region: compiled.years_read(region) for region in catalog.regions}))
    return compiled


def build_rules(common: Path, policy_files: list[Path]) -> tuple[Compiled | None, list[str]]:
    """Rules from files of one's own (a test's, a draft rule file's), uncached: build_catalog's,
    compiled, with every problem found."""
    catalog, problems = loading.build_catalog(common, policy_files)
    return (Compiled.of(catalog) if catalog is not None else None), problems


def window(measure: Measure, policy: Policy) -> tuple[dt.date | None, dt.date | None]:
    return (measure.valid_from or policy.valid_from, measure.valid_to or policy.valid_to)


def is_open(measure: Measure, policy: Policy, as_of: dt.date) -> bool:
    if policy.draft:
        return False  # a draft was never in force as written
    start, end = window(measure, policy)
    return (start is None or start <= as_of) and (end is None or as_of <= end)


Selection = tuple[str, str | None, bool]  # region, policy (None: every one), money only


@dataclass(eq=False)
class Compiled(Catalog):
    resolvers: dict[str, Resolver] = field(default_factory=dict, init=False, repr=False)
    may_hint: dict[str, bool] = field(default_factory=dict, init=False, repr=False)
    fixed_verdicts: dict[str, Verdict | None] = field(default_factory=dict, init=False, repr=False)
    _years_read: dict[str, tuple[frozenset[int], int | None]] = field(default_factory=dict, init=False, repr=False)
    # Per language, per measure id, what a result shows that is the same for every company: a
    # views.results.MeasurePart (the views' own type, which the engine cannot name).
    fixed_fields: dict[str, dict[str, Any]] = field(default_factory=dict, init=False, repr=False)
    _plans: dict[str, Plan] = field(default_factory=dict, init=False, repr=False)
    _selections: dict[Selection, list[Plan]] = field(default_factory=dict, init=False, repr=False)
    _shared: dict[Condition, Checker] = field(default_factory=dict, init=False, repr=False)
    _checkers: dict[tuple[Condition, ...], tuple[Checker, ...]] = field(default_factory=dict, init=False, repr=False)
    _verdicts: dict[tuple[Condition, ...], Verdict] = field(default_factory=dict, init=False, repr=False)

    @classmethod
    def of(cls, catalog: Catalog, years: dict[str, tuple[frozenset[int], int | None]] | None = None) -> Compiled:
        """The catalog's rules with empty tables, but for the years read if given (the cache's)."""
        compiled = cls(**{f.name: getattr(catalog, f.name) for f in fields(Catalog)})
        compiled._years_read.update(years or {})
        return compiled

    def rules(self) -> Catalog:
        """The validated rules alone: what a cache file holds."""
        return Catalog(**{f.name: getattr(self, f.name) for f in fields(Catalog)})

    def __reduce__(self) -> Any:
        # Pickled as the rules alone; compiled again where it is loaded.
        return (Compiled.of, (self.rules(),))

    def years_read(self, region: str) -> tuple[frozenset[int], int | None]:
        """The years the region's measures read, and the year before which every year counts."""
        found = self._years_read.get(region)
        if found is None:
            found = self._years_read[region] = years_read(self, region)
        return found

    # -------------------------------------------------------------- conditions

    def checkers(self, conds: Sequence[Condition]) -> tuple[Checker, ...]:
        """Per condition, a function giving its Check. Equal conditions (measures often repeat
        one, "above_scale") share one checker, so check_each tests them once per company."""
        key = tuple(conds)
        found = self._checkers.get(key)
        if found is None:
            found = self._checkers[key] = tuple(self._checker(c) for c in key)
        return found

    def verdict(self, conds: Sequence[Condition]) -> Verdict:
        """Whether every condition holds (None: some cannot be judged and none fails)."""
        key = tuple(conds)
        found = self._verdicts.get(key)
        if found is None:
            found = self._verdicts[key] = verdict_from(self.checkers(key))
        return found

    def _checker(self, cond: Condition) -> Checker:
        found = self._shared.get(cond)
        if found is None:
            found = self._shared[cond] = compile_condition(cond, self.vocabulary)
        return found

    # -------------------------------------------------------------- measures

    def plan(self, measure: Measure) -> Plan:
        """The measure compiled (a catalog's measure ids are unique)."""
        found = self._plans.get(measure.id)
        if found is None:
            found = self._plans[measure.id] = Plan(measure, self.policy_of(measure), self)
        return found

    def plans(self, region: str, policy: str | None, money_only: bool) -> list[Plan]:
        """The plans of the measures a company of the region meets, in document order; money_only
        leaves out those that grant no money."""
        key = (region, policy, money_only)
        found = self._selections.get(key)
        if found is None:
            measures = self.measures_for(region=region, policy=policy)
            chosen = [m for m in measures if kind_of(m.award).grants_money] if money_only else measures
            found = self._selections[key] = [self.plan(m) for m in chosen]
        return found


class Plan:
    """What evaluating a measure needs that is the same for every company: its policy, the year it
    reads, its conditions compiled, its award bound, its window per as-of date."""

    __slots__ = (
        "award_fixed",
        "checkers",
        "compute_award",
        "fixed_award",
        "measure",
        "policy",
        "policy_checkers",
        "policy_verdict",
        "verdict",
        "windows",
        "year",
    )

    def __init__(self, measure: Measure, policy: Policy, rules: Compiled) -> None:
        self.measure, self.policy = measure, policy
        self.year = measure.year or policy.year
        self.checkers: tuple[Checker, ...] = rules.checkers(measure.when)
        self.verdict: Verdict = rules.verdict(measure.when)
        if measure.judged:  # a judged condition stops a result only when the profile decides against it
            self.checkers += tuple(judged_checker(c) for c in rules.checkers(measure.judged))
            self.verdict = verdict_from(self.checkers)
        self.policy_verdict: Verdict = rules.verdict(policy.when)
        self.policy_checkers: tuple[Checker, ...] = rules.checkers(policy.when)
        self.windows: dict[dt.date, tuple[dt.date | None, dt.date | None, bool]] = {}
        award = kind_of(measure.award)
        self.compute_award = award.compute  # bound once: evaluation is hot, the kind never changes
        self.award_fixed = award.same_for_everyone()
        self.fixed_award: Computed | None = None  # the award when it is the same for every company

    def compute(self, facts: Facts) -> Computed:
        """The award, capped. One that reads no fact (a set sum, a service) is computed once and
        shared by every result: never to be mutated."""
        if self.fixed_award is not None:
            return self.fixed_award
        measure = self.measure
        computed = self.compute_award(facts)
        if measure.cap is not None and not computed.missing:
            apply_cap(computed, measure.cap)
        if self.award_fixed:
            self.fixed_award = computed
        return computed

    def window(self, as_of: dt.date) -> tuple[dt.date | None, dt.date | None, bool]:
        found = self.windows.get(as_of)
        if found is None:
            start, end = window(self.measure, self.policy)
            found = self.windows[as_of] = (start, end, is_open(self.measure, self.policy, as_of))
        return found
