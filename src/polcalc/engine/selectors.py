"""Figure selectors: the suffixes of a figure fact in a rule (`revenue.growth`, `.prev`,
`.monthly_growth_max(1+2, 3)`), each one registered object.

A selector says everything the engine and its readers need of it: the arguments it takes, the
years (or months) it reads, its value for a company, its words, and how a near miss inverts it.
Loading the rules (polcalc.engine.catalog), the facts, the fields a measure reads
(polcalc.engine.reads), the listings' words (polcalc.views.results), near misses and the
profile templates all ask the registry, so a new selector is one `register_selector` and a
pair of words.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol, TypeVar

from polcalc.core.money import format_quantity
from polcalc.core.steps import Step
from polcalc.engine.values import FactValue, missing_value, worked_out
from polcalc.i18n.numbers import figure
from polcalc.i18n.words import say, word
from polcalc.model.profile import Profile
from polcalc.model.vocabulary import Vocabulary


class FigureFacts(Protocol):
    """What a selector reads of the facts (polcalc.engine.facts.Facts)."""

    profile: Profile
    vocab: Vocabulary

    def raw(self, year: int, name: str) -> FactValue: ...


class FigureSelector:
    """A suffix of a figure (or derived ratio) fact. Subclass it, or make an instance, and
    register it; the defaults are those of a selector that takes no arguments and reads the
    measure's year alone."""

    name: str = ""  # as rule files write it: `revenue.NAME`
    # i18n key (polcalc.i18n.words) of the fact in words, `{noun}` the figure's label:
    # ("{noun}增速", "{noun} growth"); None: listings show the fact as written.
    words: str | None = None
    offsets: tuple[int, ...] = (0,)  # the years read, back from the measure's year
    every_year_before: bool = False  # reads every earlier year too (a "first time" fact)
    monthly: bool = False  # reads month figures (`months."2023-01"`) of the `offsets` years

    def problem(self, args: tuple[str, ...]) -> str | None:
        """What is wrong with the arguments a rule gives it, or None."""
        return f"{self.name} takes no arguments" if args else None

    def evaluate(self, facts: FigureFacts, name: str, year: int, args: tuple[str, ...]) -> FactValue:
        """Its value for figure `name` of a measure of `year`."""
        raise NotImplementedError

    def label(self, noun: str, lang: str) -> str | None:
        """The fact in words, `noun` the figure's label; None where it has no words."""
        return say(self.words, lang, noun=noun) if self.words else None

    def invert(self, profile: Profile, year: int, name: str, threshold: Decimal) -> Decimal | None:
        """The value figure `name` of `year` (a value's driver naming this selector) must have
        for the selector's value to reach `threshold`, other figures unchanged; None where no
        single figure decides it."""
        return None

    def months(self, args: tuple[str, ...]) -> set[int]:
        """The months a monthly selector reads, from its arguments."""
        return set()


class Plain(FigureSelector):
    """No suffix: the figure in the measure's year."""

    def evaluate(self, facts: FigureFacts, name: str, year: int, args: tuple[str, ...]) -> FactValue:
        return facts.raw(year, name)

    def invert(self, profile: Profile, year: int, name: str, threshold: Decimal) -> Decimal | None:
        return threshold


PLAIN = Plain()

SELECTORS: dict[str, FigureSelector] = {}

S = TypeVar("S", bound="FigureSelector | type[FigureSelector]")


def register_selector(selector: S) -> S:
    """Make a selector (an instance, or a class made with no arguments) one rule files may use."""
    obj = selector() if isinstance(selector, type) else selector
    if not obj.name:
        raise ValueError(f"{type(obj).__qualname__} has no name")
    known = SELECTORS.get(obj.name)
    if known is not None and type(known) is not type(obj):
        raise ValueError(f"selector {obj.name!r} is already {type(known).__qualname__}")
    SELECTORS[obj.name] = obj
    return selector


def unregister_selector(name: str) -> None:
    """Withdraw a selector (a test's): rule files using it fail to load again."""
    SELECTORS.pop(name, None)


def selector_of(name: str) -> FigureSelector:
    """The registered selector `name`; "" (no suffix) is the plain figure."""
    return SELECTORS[name] if name else PLAIN


# ------------------------------------------------------------------ the selectors rules use


class Earlier(FigureSelector):
    """The figure `back` years before the measure's year: `.prev`, `.prev2`. (Its value is the
    plain figure of that year, and a near miss inverts it as one.)"""

    def __init__(self, name: str, back: int, words: str) -> None:
        self.name, self.back, self.offsets, self.words = name, back, (back,), words

    def evaluate(self, facts: FigureFacts, name: str, year: int, args: tuple[str, ...]) -> FactValue:
        return facts.raw(year - self.back, name)


class Change(FigureSelector):
    """A year's figure against the year before's, the later year `back` before the measure's:
    `.growth` (back 0) and `.prev_growth` (back 1) as a ratio, undefined from a base of 0;
    `.increase` (not `ratio`) as the difference."""

    def __init__(self, name: str, words: str, back: int = 0, ratio: bool = True) -> None:
        self.name, self.words, self.back, self.ratio, self.offsets = name, words, back, ratio, (back, back + 1)

    def evaluate(self, facts: FigureFacts, name: str, year: int, args: tuple[str, ...]) -> FactValue:
        top = year - self.back
        cur, base = facts.raw(top, name), facts.raw(top - 1, name)
        if cur.missing or base.missing:
            return missing_value(*cur.missing, *base.missing)
        if cur.undefined or base.undefined:
            return FactValue(undefined=cur.undefined or base.undefined)
        driver = (top, name, self.name) if name in facts.vocab.figures else None
        if not self.ratio:
            diff = cur.value - base.value  # type: ignore[operator]
            return worked_out(diff, facts.vocab.unit_of(name), cur, "−", base, driver)
        if base.value == 0:
            return FactValue(undefined=Step("why_zero_base", {"name": name, "year": top - 1}))
        growth = cur.value / base.value - 1  # type: ignore[operator]
        return FactValue(
            growth,
            shown=lambda lang: say(
                "fact_growth",
                lang,
                value=format_quantity(growth, "ratio"),
                current=cur.show(lang),
                base=base.show(lang),
                year=top - 1,
            ),
            unit="ratio",
            driver=driver,
        )

    def invert(self, profile: Profile, year: int, name: str, threshold: Decimal) -> Decimal | None:
        base = profile.figure(year - 1, name)
        if base is None:
            return None
        return base * (1 + threshold) if self.ratio else base + threshold


class PeakBefore(FigureSelector):
    """`.peak_before`: the highest value of any year before the measure's in the profile (for
    "首次突破"); the year before must be given."""

    name, words, offsets, every_year_before = "peak_before", "selector_peak_before", (1,), True

    def evaluate(self, facts: FigureFacts, name: str, year: int, args: tuple[str, ...]) -> FactValue:
        years = facts.profile.years
        earlier = [yr for yr in years if yr < year and name in years[yr]]
        if year - 1 not in earlier:
            return missing_value(f"years.{year - 1}.{name}")
        peak_year = max(earlier, key=lambda yr: years[yr][name])
        value = years[peak_year][name]
        unit = facts.vocab.unit_of(name)
        return FactValue(
            value,
            shown=lambda lang: say("fact_peak", lang, value=figure(value, unit, lang), year=year, peak=peak_year),
            unit=unit,
        )


class MonthlyGrowth(FigureSelector):
    """`.monthly_growth_min(1+2, 3)`, `.monthly_growth_max(...)`: the growth of each month group
    (1+2: January and February combined) against the same months a year before; the lowest or
    the highest."""

    offsets, monthly = (0, 1), True

    def __init__(self, name: str, highest: bool) -> None:
        self.name, self.highest = name, highest

    def problem(self, args: tuple[str, ...]) -> str | None:
        if not args:
            return f"{self.name} takes month arguments"
        for group in args:
            if not all(p.isdigit() and 1 <= int(p) <= 12 for p in group.split("+")):
                return "month groups are like 1+2, 3"
        return None

    def months(self, args: tuple[str, ...]) -> set[int]:
        return {int(p) for group in args for p in group.split("+")}

    def evaluate(self, facts: FigureFacts, name: str, year: int, args: tuple[str, ...]) -> FactValue:
        months_of = facts.profile.months
        missing: list[str] = []
        growths: list[tuple[str, Decimal]] = []
        for group in args:
            months = [int(m) for m in group.split("+")]
            totals = []
            for yr in (year, year - 1):
                total = Decimal(0)
                for m in months:
                    key = f"{yr}-{m:02d}"
                    value = months_of.get(key, {}).get(name)
                    if value is None:
                        missing.append(f'months."{key}".{name}')
                    else:
                        total += value
                totals.append(total)
            if not missing:
                if totals[1] == 0:
                    return FactValue(
                        undefined=Step("why_zero_months", {"name": name, "group": group, "year": year - 1})
                    )
                growths.append((group, totals[0] / totals[1] - 1))
        if missing:
            return missing_value(*missing)
        _, value = (max if self.highest else min)(growths, key=lambda g: g[1])

        def shown(lang: str) -> str:
            detail = word("fact_list_sep", lang).join(
                say("fact_month_group", lang, group=g, growth=format_quantity(v, "ratio")) for g, v in growths
            )
            return say("fact_months", lang, value=format_quantity(value, "ratio"), detail=detail)

        return FactValue(value, shown=shown, unit="ratio")


# In this order `unknown selector` suggests among them.
for _selector in (
    Earlier("prev", 1, "selector_prev"),
    Earlier("prev2", 2, "selector_prev2"),
    Change("growth", "selector_growth"),
    Change("prev_growth", "selector_prev_growth", back=1),
    Change("increase", "selector_increase", ratio=False),
    PeakBefore(),
    MonthlyGrowth("monthly_growth_min", highest=False),
    MonthlyGrowth("monthly_growth_max", highest=True),
):
    register_selector(_selector)
