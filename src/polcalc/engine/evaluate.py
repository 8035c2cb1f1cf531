"""Evaluating measures for a company: conditions, award arithmetic, caps, validity, stacking.

Pure functions over the catalog and a profile; nothing here knows of terminals or files.
Every number carries its trace, so `explain` can show the arithmetic that produced it: recorded
as data (polcalc.steps.Step), worded in a language only when shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal

from polcalc.engine.awards import Computed, kind_of, value_of
from polcalc.engine.compiled import Compiled, Plan
from polcalc.engine.conditions import Check, check_each, overall
from polcalc.engine.facts import Facts
from polcalc.engine.hint import Hint
from polcalc.model.profile import Profile
from polcalc.model.rules import CASH_BENEFITS, Measure, Policy

ELIGIBLE, INELIGIBLE, NEEDS_DATA = "eligible", "ineligible", "needs_data"
_STATUS = {True: ELIGIBLE, False: INELIGIBLE, None: NEEDS_DATA}


# The Computed of every result whose conditions fail: shared (most results are such), so it
# must never be mutated; apply_cap and the tier code only touch Computeds made by compute().
_NOTHING = Computed()


@dataclass(slots=True)
class Result:
    measure: Measure
    policy: Policy
    year: int
    status: str
    _computed: Computed | None  # None: needs data, what the award reads too is found when read
    open: bool
    valid_from: dt.date | None
    deadline: dt.date | None
    stacked_out_by: str | None = None
    # The checks, or (left None) the evaluation that builds them when first read: a screen reads
    # no reasons, and building them was most of what evaluating a company cost.
    _checks: list[Check] | None = field(default=None, repr=False)
    _context: _Context | None = field(default=None, repr=False, compare=False)

    @property
    def checks(self) -> list[Check]:
        """The policy's document-wide checks, then the measure's own, each condition in order."""
        if self._checks is None:
            assert self._context is not None
            self._checks = self._context.checks_of(self._context.catalog.plan(self.measure))
        return self._checks

    def facts(self) -> Facts | None:
        """The company's facts for the result's year as its evaluation read them (shared by the
        company's measures, what they tested kept), or None for a result made without one."""
        return self._context.facts_for(self.year) if self._context is not None else None

    @property
    def computed(self) -> Computed:
        """The award computed (its amounts, steps, tier, cap), or why it could not be."""
        if self._computed is None:
            assert self._context is not None
            # Name what the award reads too, so filling in the profile is one edit, not several rounds.
            facts = self._context.facts_for(self.year)
            self._computed = Computed(missing=kind_of(self.measure.award).compute(facts).missing)
        return self._computed

    @property
    def id(self) -> str:
        return self.measure.id

    @property
    def catalog(self) -> Compiled:
        """The rules the result was evaluated with (they hold what views derive once)."""
        assert self._context is not None
        return self._context.catalog

    @property
    def amount(self) -> Decimal | None:
        return self.computed.amount if self.status == ELIGIBLE else None

    @property
    def amount_max(self) -> Decimal | None:
        return self.computed.amount_max if self.status == ELIGIBLE else None

    @property
    def cap(self) -> Decimal | None:
        return self.computed.cap if self.computed.cap is not None else measure_cap(self.measure)

    @property
    def missing(self) -> tuple[str, ...]:
        """The profile keys that would settle the result, each once, in the order first asked."""
        keys = [k for c in self.checks if c.missing for k in c.missing]
        award = self.computed.missing
        if not keys and not award:  # most results: read per result by every format
            return ()
        return tuple(dict.fromkeys([*keys, *award]))

    @property
    def draft(self) -> bool:
        return self.policy.draft

    @property
    def grants_money(self) -> bool:
        """False for a service or a deferral: listed, never summed."""
        return kind_of(self.measure.award).grants_money

    @property
    def cash(self) -> bool:
        return self.measure.benefit in CASH_BENEFITS

    def counted(self, include_drafts: bool = False) -> bool:
        """Whether the result adds to a total (eligible, not stacked out, not a draft)."""
        return self.status == ELIGIBLE and self.stacked_out_by is None and (include_drafts or not self.draft)

    @property
    def failed(self) -> list[Check]:
        return [c for c in self.checks if c.holds is False]


@dataclass
class CompanyResult:
    source: str
    profile: Profile
    results: list[Result]
    near_misses: list[Hint] | None = None  # filled in when asked for; views.hints words them


# ------------------------------------------------------------------ conditions


def _and(a: bool | None, b: bool | None) -> bool | None:
    return False if a is False or b is False else (None if a is None or b is None else True)


# ------------------------------------------------------------------ awards


def measure_cap(measure: Measure) -> Decimal | None:
    """The ceiling the text sets for the measure as a whole, else the one its award sets."""
    return measure.cap if measure.cap is not None else kind_of(measure.award).ceiling()


# ------------------------------------------------------------------ measures and companies


class _Context:
    """What a company's evaluation shares across measures: facts per year, and each policy's
    document-wide verdict and checks (the same for every measure of the document)."""

    def __init__(self, profile: Profile, catalog: Compiled, detail: bool = True) -> None:
        self.profile, self.catalog, self.detail = profile, catalog, detail
        self.facts: dict[int, Facts] = {}
        self.policy_checks: dict[str, list[Check]] = {}
        self.policy_verdicts: dict[str, bool | None] = {}

    def facts_for(self, year: int) -> Facts:
        facts = self.facts.get(year)
        if facts is None:
            facts = self.facts[year] = Facts(self.profile, self.catalog, year)
        return facts

    # Document-wide conditions (a 附则's "当年度" exclusions) belong to the policy's own year, even
    # for a measure that reads an earlier year's figures (Xishan 2020 16.5 reads 2019's).

    def policy_verdict(self, plan: Plan) -> bool | None:
        key = plan.policy.id
        if key not in self.policy_verdicts:
            if self.detail:
                self.policy_verdicts[key] = overall(self.policy_checks_of(plan))
            else:
                self.policy_verdicts[key] = plan.policy_verdict(self.facts_for(plan.policy.year))
        return self.policy_verdicts[key]

    def policy_checks_of(self, plan: Plan) -> list[Check]:
        key = plan.policy.id
        if key not in self.policy_checks:
            facts = self.facts_for(plan.policy.year)
            self.policy_checks[key] = check_each(plan.policy_checkers, facts)
        return self.policy_checks[key]

    def checks_of(self, plan: Plan) -> list[Check]:
        facts = self.facts_for(plan.year)
        return self.policy_checks_of(plan) + check_each(plan.checkers, facts)

    def evaluate(self, plan: Plan, as_of: dt.date) -> Result:
        facts = self.facts_for(plan.year)
        policy_verdict = self.policy_verdict(plan)
        checks: list[Check] | None = None  # None: built when read
        if self.detail:
            own = check_each(plan.checkers, facts)
            checks = self.policy_checks_of(plan) + own
            verdict = _and(policy_verdict, overall(own))
        elif policy_verdict is False:
            verdict = False
        else:
            verdict = _and(policy_verdict, plan.verdict(facts))
        computed: Computed | None = _NOTHING
        if verdict is True:
            computed = plan.compute(facts)
            if computed.missing:
                verdict = None
            elif computed.undefined or not computed.reached:
                verdict = False
        elif verdict is None:
            # What else the award reads: worked out when read (a screen reads none); nothing, for
            # an award the same for every company.
            computed = _NOTHING if plan.award_fixed else None
        start, end, open_ = plan.window(as_of)
        status = _STATUS[verdict]
        return Result(plan.measure, plan.policy, plan.year, status, computed, open_, start, end, None, checks, self)


def evaluate_measure(
    measure: Measure, profile: Profile, catalog: Compiled, as_of: dt.date, context: _Context | None = None
) -> Result:
    context = context or _Context(profile, catalog)
    return context.evaluate(catalog.plan(measure), as_of)


def evaluate_company(
    profile: Profile,
    catalog: Compiled,
    as_of: dt.date,
    source: str = "",
    policy: str | None = None,
    detail: bool = True,
    money_only: bool = False,
) -> CompanyResult:
    """Every measure of the company's region (or of one of its policies), stacking applied.
    detail=False builds a result's checks (the reasons) only when they are read: a screen reads
    the statuses and amounts alone. money_only leaves out the measures that grant no money (services)."""
    context = _Context(profile, catalog, detail)
    if policy is not None and catalog.policies[policy].region not in catalog.applies_in(profile.region):
        return CompanyResult(source, profile, [])
    results = [context.evaluate(plan, as_of) for plan in catalog.plans(profile.region, policy, money_only)]
    return CompanyResult(source, profile, apply_stacking(results))


def apply_stacking(results: list[Result]) -> list[Result]:
    """Within a stacking group, only the highest eligible award counts; the others say why."""
    groups: dict[str, list[int]] = {}
    for i, r in enumerate(results):
        group = r.measure.stacking_group
        if group and r.status == ELIGIBLE:
            groups.setdefault(group, []).append(i)
    out = list(results)
    for members in groups.values():
        if len(members) < 2:
            continue
        # The highest amount wins; between equals, the first in document order.
        ranked = sorted(members, key=lambda i: (value_of(results[i].computed), -i), reverse=True)
        winner = results[ranked[0]].id
        for i in ranked[1:]:
            out[i] = replace(results[i], stacked_out_by=winner)
    return out
