"""Evaluating measures for a company: conditions, award arithmetic, caps, validity, stacking.

Pure functions over the catalog and a profile; nothing here knows of terminals or files.
Every number carries its trace, so `explain` can show the arithmetic that produced it: recorded
as data (polcalc.steps.Step), worded in a language only when shown.
"""

from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass, field, replace
from decimal import ROUND_FLOOR, Decimal
from typing import Any, NamedTuple

from polcalc.catalog import Catalog
from polcalc.conditions import AnyOf, Comparison, Condition, FactRef
from polcalc.facts import Facts, FactValue
from polcalc.i18n import say, word
from polcalc.money import format_quantity, format_rate
from polcalc.profile import Profile
from polcalc.rules import (
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
from polcalc.steps import MONEY, NUMBER, PRICE, RATE, Q, Step, render_step
from polcalc.text import Text

ELIGIBLE, INELIGIBLE, NEEDS_DATA = "eligible", "ineligible", "needs_data"
_STATUS = {True: ELIGIBLE, False: INELIGIBLE, None: NEEDS_DATA}


class Check(NamedTuple):
    """One condition tested: what it asks, what the company has, and whether it holds.

    A NamedTuple holding the facts themselves: a company's evaluation makes hundreds of these,
    and their texts are only composed, in a language, when someone reads them (explain, reasons)."""

    text: str  # the rule's expression; "" for a group (describe() words it)
    holds: bool | None  # None: the profile lacks what it needs
    fact: FactValue | None = None
    missing: tuple[str, ...] = ()
    comparison: Comparison | None = None
    children: tuple[Check, ...] = ()
    right: FactValue | None = None  # the other side, when a condition compares two facts
    group: str = ""  # "any" or "all" for a group of conditions

    def describe(self, lang: str) -> str:
        """The condition: the rule's expression, or a group's parts after "any of:" / "all of:"."""
        if not self.group:
            return self.text
        return say(f"cond_{self.group}", lang, items=" | ".join(c.describe(lang) for c in self.children))

    def value(self, lang: str) -> str:
        """What the company has, as the language writes it ("" when the condition reads no figure)."""
        if self.fact is None:
            return ""
        return word("undefined", lang) if self.undefined else self.fact.show(lang)

    @property
    def undefined(self) -> Step | None:
        """Why the value cannot be computed (a growth from a base of 0), or None."""
        return (self.fact.undefined if self.fact else None) or (self.right.undefined if self.right else None)

    def explain_note(self, lang: str) -> str:
        """Why the value is undefined, how a derived value was derived, the other side's value."""
        if self.fact is None:
            return ""
        undefined = self.undefined
        if undefined:
            return render_step(undefined, lang)
        note = self.fact.note(lang) or ""
        if self.right is not None and self.comparison is not None:
            note = (note + "; " if note else "") + f"{self.comparison.value} = {self.right.show(lang)}"
        return note

    @property
    def actual(self) -> str:
        """value() in English."""
        return self.value("en")

    @property
    def note(self) -> str:
        """explain_note() in English."""
        return self.explain_note("en")


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
    tier_checks: list[tuple[Text, list[Check]]] = field(default_factory=list)
    reached: bool = True  # False: a tiered award whose lowest tier is not reached


# The Computed of every result whose conditions fail: shared (most results are such), so it
# must never be mutated; apply_cap and the tier code only touch Computeds made by compute().
_NOTHING = Computed()


@dataclass
class Result:
    measure: Measure
    policy: Policy
    year: int
    status: str
    checks: list[Check]
    computed: Computed
    open: bool
    valid_from: dt.date | None
    deadline: dt.date | None
    stacked_out_by: str | None = None

    @property
    def id(self) -> str:
        return self.measure.id

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
    near_misses: list[Any] | None = None  # nearmiss.Hint, filled in when asked for


# ------------------------------------------------------------------ conditions


_ORDER = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt}


def _compare(op: str, left: object, right: object, levels: tuple[str, ...] | None) -> bool:
    if op == "in":
        return bool(_as_set(left) & set(right))  # type: ignore[arg-type]
    if op == "not in":
        return not (_as_set(left) & set(right))  # type: ignore[arg-type]
    if isinstance(left, frozenset):  # industry words: == means "is, or belongs to"
        return (right in left) == (op == "==")
    if levels is not None:  # recognition levels compare by their order; none is below all
        rank = {lv: i for i, lv in enumerate(levels)}
        lv, rv = rank.get(left, -1), rank.get(right, -1)  # type: ignore[arg-type]
        left, right = lv, rv
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    if left is None:
        return False
    return _ORDER[op](left, right)


def _as_set(value: object) -> set[object]:
    return set(value) if isinstance(value, frozenset) else {value}


def check_condition(cond: Condition, facts: Facts) -> Check:
    if isinstance(cond, Comparison):
        return _check_comparison(cond, facts)
    children = tuple(check_condition(c, facts) for c in cond.items)
    outcomes = [c.holds for c in children]
    if isinstance(cond, AnyOf):
        holds = True if True in outcomes else (None if None in outcomes else False)
        group = "any"
    else:
        holds = False if False in outcomes else (None if None in outcomes else True)
        group = "all"
    missing = (
        ()
        if holds is not None and not (holds is False and isinstance(cond, AnyOf))
        else tuple(k for c in children if c.holds is None for k in c.missing)
    )
    return Check("", holds, missing=missing, children=children, group=group)


def _check_comparison(cmp: Comparison, facts: Facts) -> Check:
    fv = facts.get(cmp.fact)
    right: object = cmp.value
    right_fv: FactValue | None = None
    if isinstance(right, FactRef):
        right_fv = facts.get(right)
        right = right_fv.value
    missing = fv.missing + (right_fv.missing if right_fv else ())
    if missing:
        return Check(cmp.text, None, missing=missing, comparison=cmp)
    if fv.undefined or (right_fv is not None and right_fv.undefined):
        return Check(cmp.text, False, fv, comparison=cmp, right=right_fv)
    if cmp.op in ("is", "is not"):
        holds = bool(fv.value) == (cmp.op == "is")
        return Check(cmp.text, holds, fv, comparison=cmp)
    levels = None
    if cmp.fact.name == "recognized":
        levels = facts.vocab.recognitions[cmp.fact.selectors[0].name].levels
    holds = _compare(cmp.op, fv.value, right, levels)
    return Check(cmp.text, holds, fv, comparison=cmp, right=right_fv)


def check_all(conds, facts: Facts) -> list[Check]:
    return [check_condition(c, facts) for c in conds]


def _until_false(conds, facts: Facts) -> list[Check]:
    """Conditions in order up to the first that fails: enough for the status, when no one will
    read the full list of reasons (a screen of a whole population)."""
    out = []
    for cond in conds:
        check = check_condition(cond, facts)
        out.append(check)
        if check.holds is False:
            break
    return out


def _and(a: bool | None, b: bool | None) -> bool | None:
    return False if a is False or b is False else (None if a is None or b is None else True)


def overall(checks: list[Check]) -> bool | None:
    outcomes = [c.holds for c in checks]
    return False if False in outcomes else (None if None in outcomes else True)


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
    for index, tier in enumerate(award.tiers):
        checks = check_all(tier.when, facts)
        out.tier_checks.append((tier.label, checks))
        verdict = overall(checks)
        if verdict is None:
            unknown += [k for c in checks for k in c.missing]
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


# Each measure's window, once per run: keyed by id and as-of, valid only for the very objects it
# was computed from (two catalogs in one process may share an id, e.g. a draft rule file).
_WINDOWS: dict[tuple[str, dt.date], tuple[Measure, Policy, tuple[dt.date | None, dt.date | None, bool]]] = {}


class _Context:
    """What a company's evaluation shares across measures: facts per year, and each policy's
    document-wide checks per year (the same for every measure of the document)."""

    def __init__(self, profile: Profile, catalog: Catalog, detail: bool = True) -> None:
        self.profile, self.catalog, self.detail = profile, catalog, detail
        self.facts: dict[int, Facts] = {}
        self.policy_checks: dict[tuple[str, int], list[Check]] = {}
        self.policy_verdicts: dict[tuple[str, int], bool | None] = {}

    def facts_for(self, year: int) -> Facts:
        if year not in self.facts:
            self.facts[year] = Facts(self.profile, self.catalog, year)
        return self.facts[year]

    def window_for(
        self, measure: Measure, policy: Policy, as_of: dt.date
    ) -> tuple[dt.date | None, dt.date | None, bool]:
        key = (measure.id, as_of)
        cached = _WINDOWS.get(key)
        if cached is None or cached[0] is not measure or cached[1] is not policy:
            start, end = window(measure, policy)
            cached = _WINDOWS[key] = (measure, policy, (start, end, is_open(measure, policy, as_of)))
        return cached[2]

    def policy_verdict(self, policy: Policy, year: int) -> bool | None:
        key = (policy.id, year)
        if key not in self.policy_verdicts:
            self.policy_verdicts[key] = overall(self.checks_for(policy, year))
        return self.policy_verdicts[key]

    def checks_for(self, policy: Policy, year: int) -> list[Check]:
        key = (policy.id, year)
        if key not in self.policy_checks:
            self.policy_checks[key] = check_all(policy.when, self.facts_for(year))
        return self.policy_checks[key]


def evaluate_measure(
    measure: Measure, profile: Profile, catalog: Catalog, as_of: dt.date, context: _Context | None = None
) -> Result:
    context = context or _Context(profile, catalog)
    policy = catalog.policy_of(measure)
    year = measure.year or policy.year
    facts = context.facts_for(year)
    # Document-wide conditions (a 附则's "当年度" exclusions) belong to the policy's own year, even
    # for a measure that reads an earlier year's figures (Xishan 2020 16.5 reads 2019's).
    checks = context.checks_for(policy, policy.year)
    policy_verdict = context.policy_verdict(policy, policy.year)
    if context.detail or policy_verdict is not False:
        own = check_all(measure.when, facts) if context.detail else _until_false(measure.when, facts)
        checks = checks + own
        verdict = _and(policy_verdict, overall(own))
    else:
        verdict = False
    computed = _NOTHING
    if verdict is True:
        computed = compute(measure.award, facts)
        if measure.cap is not None and not computed.missing:
            apply_cap(computed, measure.cap)
        if computed.missing:
            verdict = None
        elif computed.undefined or not computed.reached:
            verdict = False
    elif verdict is None:
        # Name what the award reads too, so filling in the profile is one edit, not several rounds.
        computed = Computed(missing=compute(measure.award, facts).missing)
    status = _STATUS[verdict]
    start, end, open_ = context.window_for(measure, policy, as_of)
    return Result(measure, policy, year, status, checks, computed, open_, start, end)


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
    detail=False stops at a measure's first failing condition: same statuses and amounts,
    fewer reasons. money_only leaves out the measures that grant no money (services)."""
    context = _Context(profile, catalog, detail)
    if policy is not None and catalog.policies[policy].region != profile.region:
        return CompanyResult(source, profile, [])
    measures = catalog.measures_for(region=profile.region, policy=policy)
    if money_only:
        measures = [m for m in measures if m.award.kind != "none"]
    results = [evaluate_measure(m, profile, catalog, as_of, context) for m in measures]
    return CompanyResult(source, profile, apply_stacking(results))


def apply_stacking(results: list[Result]) -> list[Result]:
    """Within a stacking group, only the highest eligible award counts; the others say why."""
    groups: dict[str, list[Result]] = {}
    for r in results:
        if r.measure.stacking_group and r.status == ELIGIBLE:
            groups.setdefault(r.measure.stacking_group, []).append(r)
    losers: dict[str, str] = {}
    order = {r.id: i for i, r in enumerate(results)}
    for members in groups.values():
        if len(members) < 2:
            continue
        # The highest amount wins; between equals, the first in document order.
        ranked = sorted(members, key=lambda r: (_value_of(r.computed), -order[r.id]), reverse=True)
        for loser in ranked[1:]:
            losers[loser.id] = ranked[0].id
    return [replace(r, stacked_out_by=losers[r.id]) if r.id in losers else r for r in results]
