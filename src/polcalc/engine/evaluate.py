"""Evaluating measures for a company: conditions, award arithmetic, caps, validity, stacking.

Pure functions over the catalog and a profile; nothing here knows of terminals or files.
Every number carries its trace, so `explain` can show the arithmetic that produced it: recorded
as data (polcalc.steps.Step), worded in a language only when shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import ROUND_FLOOR, Decimal

from polcalc.core.money import format_quantity, format_rate
from polcalc.core.steps import MONEY, NUMBER, PRICE, RATE, Q, Step
from polcalc.core.text import Text
from polcalc.engine.catalog import Catalog, iter_award_facts
from polcalc.engine.conditions import (
    Check,
    Checker,
    Verdict,
    check_all,
    check_each,
    checkers_of,
    judged_checkers,
    judged_verdict,
    overall,
    verdict_of,
)
from polcalc.engine.facts import Facts
from polcalc.engine.hint import Hint
from polcalc.model.conditions import FactRef
from polcalc.model.profile import Profile
from polcalc.model.rules import (
    CASH_BENEFITS,
    Award,
    Fixed,
    Measure,
    NoMoney,
    PerUnit,
    Policy,
    Progressive,
    Range,
    Rate,
    Sum,
    Tiers,
    UpTo,
)

ELIGIBLE, INELIGIBLE, NEEDS_DATA = "eligible", "ineligible", "needs_data"
_STATUS = {True: ELIGIBLE, False: INELIGIBLE, None: NEEDS_DATA}


@dataclass
class Computed:
    amount: Decimal | None = None
    amount_max: Decimal | None = None
    amount_min: Decimal | None = None
    steps: list[Step] = field(default_factory=list)  # the arithmetic, line by line (steps.render_step)
    formula: tuple[Step, ...] = ()  # its terms in one line with the company's numbers: "0.2% × 2.3亿"
    missing: tuple[str, ...] = ()
    more_data: tuple[str, ...] = ()  # eligible, but a higher tier needs these to be judged
    undefined: Step | None = None  # why the award cannot be computed (steps.render_step words it)
    tier: Text | None = None
    tier_index: int | None = None
    cap: Decimal | None = None
    capped: bool = False
    reached: bool = True  # False: a tiered award whose lowest tier is not reached
    # The tiers judged and the facts they were judged on: their checks are built when read.
    tiers_judged: tuple[Tiers, Facts] | None = field(default=None, repr=False, compare=False)

    @property
    def tier_checks(self) -> list[tuple[Text, list[Check]]]:
        """Each tier's label and conditions tested, in order (explain shows them)."""
        if self.tiers_judged is None:
            return []
        award, facts = self.tiers_judged
        return [(tier.label, check_all(tier.when, facts)) for tier in award.tiers]


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
            self._checks = self._context.checks_of(_plan(self.measure, self._context.catalog))
        return self._checks

    @property
    def computed(self) -> Computed:
        """The award computed (its amounts, steps, tier, cap), or why it could not be."""
        if self._computed is None:
            assert self._context is not None
            # Name what the award reads too, so filling in the profile is one edit, not several rounds.
            facts = self._context.facts_for(self.year)
            self._computed = Computed(missing=compute(self.measure.award, facts).missing)
        return self._computed

    @property
    def id(self) -> str:
        return self.measure.id

    @property
    def catalog(self) -> Catalog:
        """The catalog the result was evaluated with (its memo holds what views derive once)."""
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
        keys = [k for c in self.checks for k in c.missing] + list(self.computed.missing)
        return tuple(dict.fromkeys(keys))

    @property
    def draft(self) -> bool:
        return self.policy.draft

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


def _number(fact: FactRef, facts: Facts, out: Computed) -> Decimal | None:
    fv = facts.get(fact)
    if fv.missing:
        out.missing += fv.missing
        return None
    if fv.undefined or not isinstance(fv.value, Decimal):
        out.undefined = fv.undefined or Step("why_not_number", {"fact": fact.text})
        return None
    return fv.value


def _figure(fact: FactRef, facts: Facts, value: Decimal) -> Q:
    """A value in the unit of a fact's figure (money, m², a share ...)."""
    return Q(value, facts.get(fact).unit or NUMBER)


def compute(award: Award, facts: Facts) -> Computed:
    """The award for these facts. Each step is recorded as data (amounts with their units), never
    as text: a batch run computes thousands and shows none; explain and the table word them."""
    out = Computed()
    if isinstance(award, Fixed):
        out.amount = out.amount_max = award.amount
        step = Step("fixed", {"amount": Q(award.amount, MONEY)})
        out.formula = (step,)
        out.steps.append(step)
    elif isinstance(award, Rate):
        base = _number(award.of, facts, out)
        times = _number(award.times, facts, out) if award.times else Decimal(1)
        if base is None or times is None:
            return out
        values: dict[str, object] = {"rate": Q(award.rate, RATE), "base": _figure(award.of, facts, base)}
        if award.step is not None:
            steps = (base / award.step).to_integral_value(rounding=ROUND_FLOOR)
            values["steps"], values["step"] = Q(steps, NUMBER), _figure(award.of, facts, award.step)
            base = steps * award.step
        if award.times:
            values["times"] = _figure(award.times, facts, times)
        value = award.rate * base * times
        if value < 0:
            step = Step("rate_negative", values)
            value = Decimal(0)
        else:
            values["result"] = Q(value, MONEY)
            step = Step("rate", values)
        out.formula = (step,)
        out.steps.append(step)
        out.amount = out.amount_max = value
    elif isinstance(award, PerUnit):
        base = _number(award.of, facts, out)
        if base is None:
            return out
        units = base / award.unit
        if award.whole_units:
            units = units.to_integral_value(rounding=ROUND_FLOOR)
        units = max(units, Decimal(0))
        value = award.amount * units
        step = Step(
            "per_unit",
            {
                "base": _figure(award.of, facts, base),
                "units": Q(units, NUMBER),
                "whole": award.whole_units,
                "unit": _figure(award.of, facts, award.unit),
                "price": Q(award.amount, PRICE),  # 250元 a m², never rounded to 0.03万
                "result": Q(value, MONEY),
            },
        )
        out.formula = (step,)
        out.steps.append(step)
        out.amount = out.amount_max = value
    elif isinstance(award, Range):
        count = Decimal(1)
        if award.per is not None:
            got = _number(award.per, facts, out)
            if got is None:
                return out
            count = got
        out.amount_min, out.amount_max = award.min * count, award.max * count
        # Ends as written: shares of a money figure (60%–90%), else sums per head (400元–6000元).
        ends = RATE if award.per is not None and facts.get(award.per).unit in ("yuan", "usd") else PRICE
        step = Step(
            "range",
            {
                "low": Q(award.min, ends),
                "high": Q(award.max, ends),
                "per": _figure(award.per, facts, count) if award.per else None,
                "least": Q(out.amount_min, MONEY),
                "most": Q(out.amount_max, MONEY),
            },
        )
        out.formula = (step,)
        out.steps.append(step)
    elif isinstance(award, UpTo):
        if award.per is not None and award.max is not None:
            per = _number(award.per, facts, out)
            if per is None:
                return out
            out.amount_max = award.max * per
            step = Step(
                "up_to_per",
                {"most": Q(award.max, RATE), "per": _figure(award.per, facts, per), "result": Q(out.amount_max, MONEY)},
            )
            out.formula = (step,)
            out.steps.append(step)
        else:
            out.amount_max = award.max
            out.steps.append(
                Step("up_to", {"most": Q(award.max, MONEY)}) if award.max is not None else Step("unstated", {})
            )
    elif isinstance(award, Progressive):
        base = _number(award.of, facts, out)
        if base is None:
            return out
        total, lower = Decimal(0), Decimal(0)
        for band in award.bands:
            upper = band.up_to
            part = max(Decimal(0), (min(base, upper) if upper is not None else base) - lower)
            if part > 0:
                total += part * band.rate
                out.steps.append(
                    Step(
                        "band",
                        {
                            "rate": Q(band.rate, "ratio"),
                            "part": Q(part, "yuan"),
                            "lower": Q(lower, "yuan"),
                            "upper": Q(upper, "yuan") if upper is not None else None,
                            "result": Q(part * band.rate, MONEY),
                        },
                    )
                )
            if upper is None or base <= upper:
                break
            lower = upper
        out.amount = out.amount_max = total
        out.formula = tuple(out.steps)
        out.steps.append(Step("total", {"total": Q(total, MONEY)}))
    elif isinstance(award, NoMoney):
        out.steps.append(Step("no_money", {}))
    elif isinstance(award, Sum):
        exact = True
        total_max = Decimal(0)
        for part in award.parts:
            sub = compute(part, facts)
            out.steps += sub.steps
            out.missing += sub.missing
            out.undefined = out.undefined or sub.undefined
            out.formula += sub.formula
            if sub.amount is None:
                exact = False
            total_max += sub.amount_max or Decimal(0)
        if out.missing or out.undefined:
            return out
        out.amount_max = total_max
        out.amount = total_max if exact else None
        out.steps.append(Step("sum", {"total": Q(total_max, MONEY)}))
    elif isinstance(award, Tiers):
        _compute_tiers(award, facts, out)
    return out


def range_bounds(award: Range, per_unit: str | None) -> tuple[str, str]:
    """Range ends as written: shares of a money figure (60%–90%), else sums per head (400元–6000元)."""
    if per_unit in ("yuan", "usd"):
        return format_rate(award.min), format_rate(award.max)
    return format_quantity(award.min, "yuan"), format_quantity(award.max, "yuan")


def _value_of(c: Computed) -> Decimal:
    return c.amount if c.amount is not None else (c.amount_max or Decimal(0))


def _compute_tiers(award: Tiers, facts: Facts, out: Computed) -> None:
    best: Computed | None = None
    unknown: list[str] = []
    undefined: Step | None = None
    out.tiers_judged = (award, facts)
    for index, tier in enumerate(award.tiers):
        verdict = verdict_of(tier.when, facts.catalog.memo)(facts)
        if verdict is None:
            unknown += [k for c in check_all(tier.when, facts) for k in c.missing]
            continue
        if verdict is False:
            continue
        sub = compute(tier.award, facts)
        if sub.missing or sub.undefined:
            unknown += sub.missing
            undefined = undefined or sub.undefined
            continue
        sub.tier, sub.tier_index = tier.label, index
        if tier.cap is not None:
            apply_cap(sub, tier.cap)
        if best is None or _value_of(sub) > _value_of(best):
            best = sub
    if best is None:
        if unknown:
            out.missing = tuple(dict.fromkeys(unknown))
        elif undefined:
            out.undefined = undefined
        else:
            out.reached = False
            out.steps.append(Step("no_tier", {}))
        return
    # A tier that cannot be judged might pay more: say what would settle it, keep the sure amount.
    out.more_data = tuple(dict.fromkeys(unknown))
    out.amount, out.amount_max, out.amount_min = best.amount, best.amount_max, best.amount_min
    out.tier, out.tier_index, out.cap, out.capped = best.tier, best.tier_index, best.cap, best.capped
    out.formula = best.formula
    out.steps += [Step("tier", {"label": best.tier}), *best.steps]


def apply_cap(out: Computed, cap: Decimal) -> None:
    out.cap = cap if out.cap is None else min(out.cap, cap)
    for attr in ("amount", "amount_max"):
        value = getattr(out, attr)
        if value is not None and value > cap:
            setattr(out, attr, cap)
            if attr == "amount_max" or out.amount is not None:
                out.capped = True
    if out.capped:
        out.steps.append(Step("capped", {"cap": Q(cap, MONEY)}))


def measure_cap(measure: Measure) -> Decimal | None:
    """The ceiling the text sets for the measure as a whole (the highest tier cap if tiered)."""
    if measure.cap is not None:
        return measure.cap
    award = measure.award
    if isinstance(award, Tiers) and all(t.cap is not None for t in award.tiers):
        return max(t.cap for t in award.tiers)  # type: ignore[type-var]
    if isinstance(award, UpTo) and award.per is None:
        return award.max
    return None


# ------------------------------------------------------------------ measures and companies


def window(measure: Measure, policy: Policy) -> tuple[dt.date | None, dt.date | None]:
    return (measure.valid_from or policy.valid_from, measure.valid_to or policy.valid_to)


def is_open(measure: Measure, policy: Policy, as_of: dt.date) -> bool:
    if policy.draft:
        return False  # a draft was never in force as written
    start, end = window(measure, policy)
    return (start is None or start <= as_of) and (end is None or as_of <= end)


class _Plan:
    """What evaluating a measure needs that is the same for every company: its policy, the year it
    reads, its conditions compiled, its window per as-of date. Built once per process (never
    pickled with the catalog: closures do not pickle)."""

    __slots__ = (
        "award_fixed",
        "checkers",
        "fixed_award",
        "measure",
        "policy",
        "policy_checkers",
        "policy_verdict",
        "verdict",
        "windows",
        "year",
    )

    def __init__(self, measure: Measure, policy: Policy, memo: dict) -> None:
        self.measure, self.policy = measure, policy
        self.year = measure.year or policy.year
        self.verdict: Verdict = verdict_of(measure.when, memo)
        self.checkers: tuple[Checker, ...] = checkers_of(measure.when, memo)
        if measure.judged:
            when, judged = self.verdict, judged_verdict(measure.judged, memo)
            self.verdict = lambda facts: False if judged(facts) is False else when(facts)
            self.checkers += judged_checkers(measure.judged, memo)
        self.policy_verdict: Verdict = verdict_of(policy.when, memo)
        self.policy_checkers: tuple[Checker, ...] = checkers_of(policy.when, memo)
        self.windows: dict[dt.date, tuple[dt.date | None, dt.date | None, bool]] = {}
        self.award_fixed = _reads_no_facts(measure.award)
        self.fixed_award: Computed | None = None  # the award when it is the same for every company

    def compute(self, facts: Facts) -> Computed:
        """The award, capped. One that reads no fact (a set sum, a service) is computed once and
        shared by every result: like _NOTHING, never to be mutated."""
        if self.fixed_award is not None:
            return self.fixed_award
        measure = self.measure
        computed = compute(measure.award, facts)
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


def _reads_no_facts(award: Award) -> bool:
    """Whether the award is the same for every company: it reads neither a figure nor a tier's conditions."""
    if isinstance(award, Tiers):
        return False
    if isinstance(award, Sum):
        return all(_reads_no_facts(part) for part in award.parts)
    return next(iter_award_facts(award), None) is None


def _plan(measure: Measure, catalog: Catalog) -> _Plan:
    """The measure compiled, once per catalog (its memo: a catalog's measure ids are unique)."""
    plans = catalog.memo.get("plans")
    if plans is None:
        plans = catalog.memo["plans"] = {}
    plan = plans.get(measure.id)
    if plan is None:
        plan = plans[measure.id] = _Plan(measure, catalog.policy_of(measure), catalog.memo)
    return plan


def _plans(catalog: Catalog, region: str, policy: str | None, money_only: bool) -> list[_Plan]:
    """The plans of the measures a company of the region meets, once per catalog and selection."""
    key = ("selection", region, policy, money_only)
    found = catalog.memo.get(key)
    if found is None:
        measures = catalog.measures_for(region=region, policy=policy)
        chosen = [m for m in measures if m.award.kind != "none"] if money_only else measures
        found = catalog.memo[key] = [_plan(m, catalog) for m in chosen]
    return found


class _Context:
    """What a company's evaluation shares across measures: facts per year, and each policy's
    document-wide verdict and checks (the same for every measure of the document)."""

    def __init__(self, profile: Profile, catalog: Catalog, detail: bool = True) -> None:
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

    def policy_verdict(self, plan: _Plan) -> bool | None:
        key = plan.policy.id
        if key not in self.policy_verdicts:
            if self.detail:
                self.policy_verdicts[key] = overall(self.policy_checks_of(plan))
            else:
                self.policy_verdicts[key] = plan.policy_verdict(self.facts_for(plan.policy.year))
        return self.policy_verdicts[key]

    def policy_checks_of(self, plan: _Plan) -> list[Check]:
        key = plan.policy.id
        if key not in self.policy_checks:
            facts = self.facts_for(plan.policy.year)
            self.policy_checks[key] = check_each(plan.policy_checkers, facts)
        return self.policy_checks[key]

    def checks_of(self, plan: _Plan) -> list[Check]:
        facts = self.facts_for(plan.year)
        return self.policy_checks_of(plan) + check_each(plan.checkers, facts)

    def evaluate(self, plan: _Plan, as_of: dt.date) -> Result:
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
    measure: Measure, profile: Profile, catalog: Catalog, as_of: dt.date, context: _Context | None = None
) -> Result:
    context = context or _Context(profile, catalog)
    return context.evaluate(_plan(measure, catalog), as_of)


def evaluate_company(
    profile: Profile,
    catalog: Catalog,
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
    results = [context.evaluate(plan, as_of) for plan in _plans(catalog, profile.region, policy, money_only)]
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
        ranked = sorted(members, key=lambda i: (_value_of(results[i].computed), -i), reverse=True)
        winner = results[ranked[0]].id
        for i in ranked[1:]:
            out[i] = replace(results[i], stacked_out_by=winner)
    return out
