"""The award kinds: one class each, carrying its data and everything polcalc does with it.

A kind's class is the record a rule file's `award = { kind = ... }` is validated into, and knows
how to compute its amount for a company's facts (each step recorded as data, polcalc.core.steps),
which facts and conditions it reads, what loading and `rules check` find wrong with it, and how
a listing states it (in words of polcalc.i18n). `@register_award` adds it to the kinds rule files
may name (polcalc.model.rules builds the format's award union from them), so a new kind is one
class here, its words in polcalc.i18n.words if it needs new ones, and its tests.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from typing import Annotated, ClassVar, Literal, cast

from polcalc.core.money import format_quantity, format_rate
from polcalc.core.record import CONFIG, Constrained, Record, frozen
from polcalc.core.steps import MONEY, NUMBER, PRICE, RATE, Q, Step
from polcalc.core.text import Text
from polcalc.engine.conditions import Check, check_all
from polcalc.engine.facts import Facts
from polcalc.i18n.numbers import figure, money, price
from polcalc.i18n.words import say, word
from polcalc.model.conditions import Comparison, FactRef
from polcalc.model.rules import ANY_KIND, AwardModel, register_award
from polcalc.model.values import BiText, Cond, Fact, Money, Quantity, RateValue
from polcalc.model.vocabulary import Vocabulary

Namer = Callable[[FactRef], str]  # a fact in words, as the listing shows it (views.results.fact_label)


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

    def line(self, step: Step) -> None:
        """A one-step award: the step is both its arithmetic and its formula."""
        self.formula = (step,)
        self.steps.append(step)


def value_of(c: Computed) -> Decimal:
    """What an award is worth when compared with another: its amount, else its ceiling."""
    return c.amount if c.amount is not None else (c.amount_max or Decimal(0))


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


def number(fact: FactRef, facts: Facts, out: Computed) -> Decimal | None:
    """A fact's number, or None with what is missing or why it is undefined noted in `out`."""
    fv = facts.get(fact)
    if fv.missing:
        out.missing += fv.missing
        return None
    if fv.undefined or not isinstance(fv.value, Decimal):
        out.undefined = fv.undefined or Step("why_not_number", {"fact": fact.text})
        return None
    return fv.value


def quantity_of(fact: FactRef, facts: Facts, value: Decimal) -> Q:
    """A value in the unit of a fact's figure (money, m², a share ...)."""
    return Q(value, facts.get(fact).unit or NUMBER)


class AwardKind(AwardModel):
    """The base of every kind: what each must do, and what most do alike."""

    __slots__ = ()
    grants_money: ClassVar[bool] = True  # False: a service, a deferral; listed, never summed

    def compute(self, facts: Facts) -> Computed:
        """The award for these facts, uncapped by the measure. Each step is recorded as data
        (amounts with their units), never as text: a batch run computes thousands and shows none."""
        raise NotImplementedError

    def describe(self, lang: str, name: Namer, vocab: Vocabulary | None) -> str:
        """A short statement of the award, for listings."""
        raise NotImplementedError

    def worked(self, computed: Computed, lang: str) -> str | None:
        """An eligible result's award as the kind words it, where not by its arithmetic (a set
        sum, an unstated ceiling), else None."""
        return None

    def least(self) -> Decimal | None:
        """The least the award surely pays, where it states one (lint's "cap below the award")."""
        return None

    def ceiling(self) -> Decimal | None:
        """The ceiling the award itself sets, shown as the measure's cap where it sets none."""
        return None

    def lint(self, cap: Decimal | None) -> list[str]:
        """What loads but is probably wrong, `cap` being the measure's."""
        least = self.least()
        if cap is not None and least is not None and cap < least:
            return [f"cap {cap} is below the award's {least}"]
        return []

    def choices(self) -> tuple[Tier, ...]:
        """The tiers the award picks the best of: explain lists them, near misses try the others."""
        return ()

    def same_for_everyone(self) -> bool:
        """Whether every company gets the same: the award reads no fact and judges no condition."""
        return next(self.facts(), None) is None and next(self.conditions(), None) is None


def kind_of(award: AwardModel) -> AwardKind:
    """The award with its behaviour: every kind registered by the engine is an AwardKind
    (Measure.award is typed by the model layer, which cannot name this class)."""
    return cast(AwardKind, award)


# Nested awards (a tier's, a sum's parts): any registered kind, as a measure's award.
AnyAward = Annotated[AwardKind, ANY_KIND]


# ------------------------------------------------------------------ the kinds, in the format's order


@register_award
@frozen
class Fixed(AwardKind):
    """A set sum."""

    kind: Literal["fixed"]
    amount: Money

    def compute(self, facts: Facts) -> Computed:
        out = Computed(amount=self.amount, amount_max=self.amount)
        out.line(Step("fixed", {"amount": Q(self.amount, MONEY)}))
        return out

    def describe(self, lang: str, name: Namer, vocab: Vocabulary | None) -> str:
        return money(self.amount, lang)

    def worked(self, computed: Computed, lang: str) -> str | None:
        # The rule's sum, in the language's convention of writing money.
        return money(computed.amount, lang) if computed.amount is not None else None

    def least(self) -> Decimal | None:
        return self.amount


@register_award
@frozen
class Rate(AwardKind):
    """rate × a figure (optionally the figure rounded down to whole `step`s, times another)."""

    kind: Literal["rate"]
    rate: RateValue
    of: Fact
    step: Quantity | None = None
    times: Fact | None = None

    def compute(self, facts: Facts) -> Computed:
        out = Computed()
        base = number(self.of, facts, out)
        times = number(self.times, facts, out) if self.times else Decimal(1)
        if base is None or times is None:
            return out
        values: dict[str, object] = {"rate": Q(self.rate, RATE), "base": quantity_of(self.of, facts, base)}
        if self.step is not None:
            steps = (base / self.step).to_integral_value(rounding=ROUND_FLOOR)
            values["steps"], values["step"] = Q(steps, NUMBER), quantity_of(self.of, facts, self.step)
            base = steps * self.step
        if self.times:
            values["times"] = quantity_of(self.times, facts, times)
        value = self.rate * base * times
        if value < 0:
            step = Step("rate_negative", values)
            value = Decimal(0)
        else:
            values["result"] = Q(value, MONEY)
            step = Step("rate", values)
        out.line(step)
        out.amount = out.amount_max = value
        return out

    def describe(self, lang: str, name: Namer, vocab: Vocabulary | None) -> str:
        times = f" × {name(self.times)}" if self.times else ""
        step = say("aw_rate_step", lang, step=format_quantity(self.step, "ratio")) if self.step else ""
        return f"{format_rate(self.rate)} × {name(self.of)}{step}{times}"

    def problems(self) -> list[str]:
        return ["rate: step must be positive"] if self.step is not None and self.step <= 0 else []


@register_award
@frozen
class PerUnit(AwardKind):
    """`amount` for every `unit` of a figure; whole units only unless whole_units = false."""

    kind: Literal["per_unit"]
    amount: Money
    unit: Quantity = Decimal(1)
    of: Fact
    whole_units: bool = True

    def compute(self, facts: Facts) -> Computed:
        out = Computed()
        base = number(self.of, facts, out)
        if base is None:
            return out
        units = base / self.unit
        if self.whole_units:
            units = units.to_integral_value(rounding=ROUND_FLOOR)
        units = max(units, Decimal(0))
        value = self.amount * units
        out.line(
            Step(
                "per_unit",
                {
                    "base": quantity_of(self.of, facts, base),
                    "units": Q(units, NUMBER),
                    "whole": self.whole_units,
                    "unit": quantity_of(self.of, facts, self.unit),
                    "price": Q(self.amount, PRICE),  # 250元 a m², never rounded to 0.03万
                    "result": Q(value, MONEY),
                },
            )
        )
        out.amount = out.amount_max = value
        return out

    def describe(self, lang: str, name: Namer, vocab: Vocabulary | None) -> str:
        # The sum per unit exactly (250元, not 0.03万), the unit in the figure's unit.
        of = self.of.name
        unit = vocab.unit_of(of) if vocab and (of in vocab.figures or of in vocab.derived) else "count"
        return f"{price(self.amount, lang)} / {figure(self.unit, unit, lang)} {name(self.of)}"


@register_award
@frozen
class Range(AwardKind):
    """Between min and max (per head when `per` names a count); the department fixes the sum."""

    kind: Literal["range"]
    min: Money
    max: Money
    per: Fact | None = None

    def compute(self, facts: Facts) -> Computed:
        out = Computed()
        count = Decimal(1)
        if self.per is not None:
            got = number(self.per, facts, out)
            if got is None:
                return out
            count = got
        out.amount_min, out.amount_max = self.min * count, self.max * count
        # Ends as written: shares of a money figure (60%–90%), else sums per head (400元–6000元).
        ends = RATE if self.per is not None and facts.get(self.per).unit in ("yuan", "usd") else PRICE
        out.line(
            Step(
                "range",
                {
                    "low": Q(self.min, ends),
                    "high": Q(self.max, ends),
                    "per": quantity_of(self.per, facts, count) if self.per else None,
                    "least": Q(out.amount_min, MONEY),
                    "most": Q(out.amount_max, MONEY),
                },
            )
        )
        return out

    def bounds(self, per_unit: str | None) -> tuple[str, str]:
        """The ends as written: shares of a money figure (60%–90%), else sums per head (400元–6000元)."""
        if per_unit in ("yuan", "usd"):
            return format_rate(self.min), format_rate(self.max)
        return format_quantity(self.min, "yuan"), format_quantity(self.max, "yuan")

    def describe(self, lang: str, name: Namer, vocab: Vocabulary | None) -> str:
        unit = vocab.unit_of(self.per.name) if vocab and self.per and self.per.name in vocab.figures else None
        low, high = self.bounds(unit)
        per = f" × {name(self.per)}" if self.per else ""
        return f"{low}–{high}{per}"

    def least(self) -> Decimal | None:
        return self.min

    def problems(self) -> list[str]:
        return [f"range: min {self.min} is above max {self.max}"] if self.min > self.max else []


@register_award
@frozen
class UpTo(AwardKind):
    """Discretionary: at most `max` (times `per` when given, e.g. 6 × monthly rent), or unstated."""

    kind: Literal["up_to"]
    max: Quantity | None = None
    per: Fact | None = None

    def __post_init__(self) -> None:
        if self.per is not None and self.max is None:
            raise ValueError("per needs max: the ceiling is max × per")
        if self.max is not None and self.max < 0:
            raise ValueError("max cannot be negative")

    def compute(self, facts: Facts) -> Computed:
        out = Computed()
        if self.per is not None and self.max is not None:
            per = number(self.per, facts, out)
            if per is None:
                return out
            out.amount_max = self.max * per
            out.line(
                Step(
                    "up_to_per",
                    {
                        "most": Q(self.max, RATE),
                        "per": quantity_of(self.per, facts, per),
                        "result": Q(out.amount_max, MONEY),
                    },
                )
            )
        else:
            out.amount_max = self.max
            out.steps.append(
                Step("up_to", {"most": Q(self.max, MONEY)}) if self.max is not None else Step("unstated", {})
            )
        return out

    def describe(self, lang: str, name: Namer, vocab: Vocabulary | None) -> str:
        if self.per is not None and self.max is not None:
            return say("aw_up_to_per", lang, most=format_rate(self.max), per=name(self.per))
        if self.max is None:
            return word("aw_unstated", lang)
        return say("aw_up_to", lang, most=money(self.max, lang))

    def worked(self, computed: Computed, lang: str) -> str | None:
        # No ceiling to be had (unstated, or its multiplier missing): the department decides.
        return word("discretionary", lang) if computed.amount_max is None else None

    def ceiling(self) -> Decimal | None:
        return self.max if self.per is None else None


@frozen
class Band(Record):
    __pydantic_config__ = CONFIG
    up_to: Money | None = None  # None: no upper end
    rate: RateValue


@register_award
@frozen
class Progressive(AwardKind):
    """Each band's rate applied to the part of the figure within it (tax-bracket style)."""

    kind: Literal["progressive"]
    of: Fact
    bands: tuple[Band, ...]

    def compute(self, facts: Facts) -> Computed:
        out = Computed()
        base = number(self.of, facts, out)
        if base is None:
            return out
        total, lower = Decimal(0), Decimal(0)
        for band in self.bands:
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
        return out

    def describe(self, lang: str, name: Namer, vocab: Vocabulary | None) -> str:
        return say("aw_banded", lang, of=name(self.of))


@register_award
@frozen
class NoMoney(AwardKind):
    """A service, a deferral, a process promise: listed, never summed."""

    kind: Literal["none"]
    grants_money: ClassVar[bool] = False

    def compute(self, facts: Facts) -> Computed:
        return Computed(steps=[Step("no_money", {})])

    def describe(self, lang: str, name: Namer, vocab: Vocabulary | None) -> str:
        return word("aw_none", lang)


@frozen
class Tier(Record):
    __pydantic_config__ = CONFIG
    label: BiText
    when: tuple[Cond, ...]
    award: AnyAward
    cap: Money | None = None


@register_award
@frozen
class Tiers(AwardKind):
    """The best tier the company reaches (the highest amount among those whose conditions hold)."""

    kind: Literal["tiers"]
    tiers: Annotated[tuple[Tier, ...], Constrained(min_length=1)]

    def compute(self, facts: Facts) -> Computed:
        out = Computed(tiers_judged=(self, facts))
        best: Computed | None = None
        unknown: list[str] = []
        undefined: Step | None = None
        for index, tier in enumerate(self.tiers):
            verdict = facts.catalog.verdict(tier.when)(facts)
            if verdict is None:
                unknown += [k for c in check_all(tier.when, facts) for k in c.missing]
                continue
            if verdict is False:
                continue
            sub = tier.award.compute(facts)
            if sub.missing or sub.undefined:
                unknown += sub.missing
                undefined = undefined or sub.undefined
                continue
            sub.tier, sub.tier_index = tier.label, index
            if tier.cap is not None:
                apply_cap(sub, tier.cap)
            if best is None or value_of(sub) > value_of(best):
                best = sub
        if best is None:
            if unknown:
                out.missing = tuple(dict.fromkeys(unknown))
            elif undefined:
                out.undefined = undefined
            else:
                out.reached = False
                out.steps.append(Step("no_tier", {}))
            return out
        # A tier that cannot be judged might pay more: say what would settle it, keep the sure amount.
        out.more_data = tuple(dict.fromkeys(unknown))
        out.amount, out.amount_max, out.amount_min = best.amount, best.amount_max, best.amount_min
        out.tier, out.tier_index, out.cap, out.capped = best.tier, best.tier_index, best.cap, best.capped
        out.formula = best.formula
        out.steps += [Step("tier", {"label": best.tier}), *best.steps]
        return out

    def describe(self, lang: str, name: Namer, vocab: Vocabulary | None) -> str:
        shown = "; ".join(f"{t.label.get(lang)} → {t.award.describe(lang, name, vocab)}" for t in self.tiers)
        return say("aw_tiers", lang, tiers=shown)

    def nested(self) -> Iterator[tuple[str, AwardKind]]:
        return ((f"tiers[{i}].award", tier.award) for i, tier in enumerate(self.tiers))

    def conditions(self) -> Iterator[tuple[str, tuple[Cond, ...]]]:
        for i, tier in enumerate(self.tiers):
            yield f"tiers[{i}].when", tier.when
        yield from super().conditions()

    def ceiling(self) -> Decimal | None:
        # The highest tier cap, where every tier has one (else some tier is bounded by nothing).
        caps = [t.cap for t in self.tiers]
        return max(c for c in caps if c is not None) if all(c is not None for c in caps) else None

    def lint(self, cap: Decimal | None) -> list[str]:
        problems = []
        for i, tier in enumerate(self.tiers):
            least = tier.award.least()
            for bound in (tier.cap, cap):
                if bound is not None and least is not None and bound < least:
                    problems.append(f"tiers[{i}] ({tier.label.en}): cap {bound} is below the award's {least}")
        problems += self._band_problems()
        seen: dict[tuple[str, ...], int] = {}
        for i, tier in enumerate(self.tiers):
            key = tuple(sorted(_text(c) for c in tier.when))
            if key in seen:
                problems.append(f"tiers[{i}] has the same conditions as tiers[{seen[key]}]")
            seen.setdefault(key, i)
        return problems

    def _band_problems(self) -> list[str]:
        """Tiers written as bands (a lower and an upper bound on one fact) must meet edge to edge."""
        groups: dict[tuple[str, tuple[str, ...]], list[tuple[int, _Bound, _Bound]]] = defaultdict(list)
        for i, tier in enumerate(self.tiers):
            lows: dict[str, _Bound] = {}
            highs: dict[str, _Bound] = {}
            others: list[str] = []
            for cond in tier.when:
                if (
                    isinstance(cond, Comparison)
                    and isinstance(cond.value, Decimal)
                    and cond.op in (">=", ">", "<=", "<")
                ):
                    bound = _Bound(cond.value, cond.op in (">=", "<="))
                    (lows if cond.op.startswith(">") else highs)[cond.fact.text] = bound
                else:
                    others.append(_text(cond))
            for fact in lows.keys() & highs.keys():
                groups[(fact, tuple(sorted(others)))].append((i, lows[fact], highs[fact]))
        problems = []
        for (fact, _), bands in groups.items():
            bands.sort(key=lambda b: b[1].value)
            for (i, _, hi), (j, lo, _) in itertools.pairwise(bands):
                if hi.value > lo.value or (hi.value == lo.value and hi.inclusive and lo.inclusive):
                    problems.append(f"tiers[{i}] and tiers[{j}] overlap on {fact} at {lo.value}")
                elif hi.value < lo.value or (hi.value == lo.value and not hi.inclusive and not lo.inclusive):
                    problems.append(
                        f"tiers[{i}] and tiers[{j}] leave a gap on {fact} between {hi.value} and {lo.value}"
                    )
        return problems

    def choices(self) -> tuple[Tier, ...]:
        return self.tiers


def _text(cond: object) -> str:
    return cond.text if isinstance(cond, Comparison) else repr(cond)


@frozen
class _Bound(Record):
    value: Decimal
    inclusive: bool


@register_award
@frozen
class Sum(AwardKind):
    """Several parts added: a base sum plus an amount per unit, for instance."""

    kind: Literal["sum"]
    parts: Annotated[tuple[AnyAward, ...], Constrained(min_length=1)]

    def compute(self, facts: Facts) -> Computed:
        out = Computed()
        exact = True
        total_max = Decimal(0)
        for part in self.parts:
            sub = part.compute(facts)
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
        return out

    def describe(self, lang: str, name: Namer, vocab: Vocabulary | None) -> str:
        return " + ".join(p.describe(lang, name, vocab) for p in self.parts)

    def nested(self) -> Iterator[tuple[str, AwardKind]]:
        return ((f"parts[{i}]", part) for i, part in enumerate(self.parts))

    def least(self) -> Decimal | None:
        # The parts that state a least sum, added; None where none does.
        fixed = [a for p in self.parts if (a := p.least()) is not None]
        return sum(fixed, Decimal(0)) if fixed else None
