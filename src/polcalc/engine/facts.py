"""Resolving a rule's fact names against one profile, for one evaluation year.

A fact that the profile lacks comes back with the profile keys that would supply it
(`years.2020.industrial_output`), so `needs_data` can say exactly what to fill in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol

from polcalc.core.steps import Step
from polcalc.engine.selectors import SELECTORS
from polcalc.engine.values import FactValue, worked_out
from polcalc.engine.values import missing_value as _missing
from polcalc.i18n.numbers import figure
from polcalc.i18n.words import say, word
from polcalc.model.conditions import FactRef
from polcalc.model.profile import Profile

if TYPE_CHECKING:
    from polcalc.model.conditions import Condition
    from polcalc.model.reference import Reference, SizeRow
    from polcalc.model.vocabulary import Vocabulary


class Rules(Protocol):
    """What facts, and the conditions and awards tested on them, read of the rules: the compiled
    rules (polcalc.engine.compiled.Compiled) as seen from this module, which sits below it."""

    vocabulary: Vocabulary
    reference: Reference
    resolvers: dict[str, Resolver]  # per fact's text, how to resolve it

    # Each an engine.conditions.Checker (that module imports this one).
    def checkers(self, conds: Sequence[Condition]) -> tuple[Any, ...]: ...

    def verdict(self, conds: Sequence[Condition]) -> Callable[[Facts], bool | None]: ...


class Facts:
    """Facts of one profile in one evaluation year (the measure's `year`)."""

    def __init__(self, profile: Profile, catalog: Rules, year: int) -> None:
        self.profile = profile
        self.catalog = catalog
        self.vocab = catalog.vocabulary
        self.year = year
        self._cache: dict[str, FactValue] = {}
        # Conditions tested on these facts, by their compiled checker (polcalc.engine.conditions keeps it).
        self.checked: dict[Callable[[Facts], object], Any] = {}
        # Per fact, how to resolve it (which method, with which arguments): worked out once for
        # the rules, a batch resolving the same hundred facts for every company.
        self._how = catalog.resolvers

    def get(self, fact: FactRef) -> FactValue:
        found = self._cache.get(fact.text)
        if found is None:
            found = self._cache[fact.text] = self._resolve(fact)
        return found

    def _resolve(self, fact: FactRef) -> FactValue:
        how = self._how.get(fact.text)
        if how is None:
            how = self._how[fact.text] = _resolver(fact, self.vocab)
        return how(self)

    def _region(self) -> FactValue:
        return FactValue(self.profile.region, shown=self.profile.region)

    # -------------------------------------------------------------- figures

    def raw(self, year: int, name: str) -> FactValue:
        """A figure (or derived ratio) of one year."""
        if name in self.vocab.derived:
            spec = self.vocab.derived[name]
            num, den = self.raw(year, spec.numerator), self.raw(year, spec.denominator)
            if num.missing or den.missing:
                return _missing(*num.missing, *den.missing)
            if den.value == 0:
                why = Step("why_zero_denominator", {"name": name, "year": year, "denominator": spec.denominator})
                return FactValue(undefined=why)
            return worked_out(num.value / den.value, "ratio", num, "/", den)  # type: ignore[operator]
        value = self.profile.figure(year, name)
        if value is None:
            return _missing(f"years.{year}.{name}")
        unit = self.vocab.figures[name].unit
        return FactValue(value, (), None, lambda lang: figure(value, unit, lang), unit, (year, name, ""))

    def _figure_fact(self, name: str, selector: str, args: tuple[str, ...]) -> FactValue:
        """A figure with a selector (polcalc.engine.selectors): `revenue.growth`. (The bare
        figure, selector "", is resolved as `raw` itself.)"""
        return SELECTORS[selector].evaluate(self, name, self.year, args)

    # -------------------------------------------------------------- everything else

    def _status(self, name: str) -> FactValue:
        value = self.profile.status.get(name)
        if value is not None:
            return FactValue(value, (), None, _YES_NO[value])
        if name == "above_scale":
            return self._derive_above_scale()
        return _missing(f"status.{name}")

    def _derive_above_scale(self) -> FactValue:
        industry = self.vocab.industries.get(self.profile.industry or "")
        if industry is None or industry.above_scale is None:
            return _missing("status.above_scale")
        revenue = self.profile.figure(self.year, "revenue")
        if revenue is None:
            return _missing("status.above_scale", f"years.{self.year}.revenue")
        threshold = self.catalog.reference.above_scale.threshold(industry.above_scale)
        value = revenue >= threshold
        year = self.year

        def note(lang: str) -> str:
            return say(
                "fact_above_scale",
                lang,
                revenue=figure(revenue, "yuan", lang),
                year=year,
                op="≥" if value else "<",
                threshold=figure(threshold, "yuan", lang),
                industry=industry.label.get(lang),
            )

        return FactValue(
            value,
            shown=lambda lang: say("fact_detail", lang, value=word(str(value).lower(), lang), detail=note(lang)),
            derived_note=note,
        )

    def _industry(self) -> FactValue:
        ind = self.profile.industry
        if ind is None:
            return _missing("industry")
        words = frozenset({ind, *self.vocab.industries[ind].groups})
        return FactValue(words, shown=ind)

    def _size(self) -> FactValue:
        if self.profile.size is not None:  # a given label always wins over the figures
            return FactValue(self.profile.size, shown=self.profile.size)
        return self._derive_size()

    def _derive_size(self) -> FactValue:
        """The size class of 工信部联企业〔2011〕300号 from the evaluation year's figures."""
        industry = self.vocab.industries.get(self.profile.industry or "")
        if industry is None:
            return _missing("size", "industry")
        size_classes = self.catalog.reference.size_classes
        row = size_classes.sectors.get(industry.sector)
        if row is None:
            return _missing("size")
        values = {name: self.profile.figure(self.year, name) for name in row.figures}
        absent = [f"years.{self.year}.{name}" for name, value in values.items() if value is None]
        if absent:
            return _missing("size", *absent)
        size = row.classify(values)  # type: ignore[arg-type]
        year, document = self.year, size_classes.document_number

        def note(lang: str) -> str:
            return say(
                "fact_size",
                lang,
                values=_size_figures(row, values, lang),  # type: ignore[arg-type]
                year=year,
                size=word(f"size_{size}", lang),
                reason=_size_reason(row, size, lang),
                document=document,
            )

        return FactValue(size, shown=size, derived_note=note)

    def _event(self, kind: str, selector: str) -> FactValue:
        years = [e.year for e in self.profile.events if e.kind == kind]
        if selector == "ever":
            hit = any(yr <= self.year for yr in years)
        else:
            hit = (self.year - (1 if selector == "prev" else 0)) in years
        return FactValue(hit, (), None, _YES_NO[hit])

    def _recognized(self, kind: str, selector, as_set: bool = False) -> FactValue:
        """The highest level obtained in the window, or (as_set) every level obtained in it:
        a provincial and a national recognition are two titles, each topped up separately."""
        levels = self.vocab.recognitions[kind].levels
        if selector is None:
            lo = self.year
        elif selector.name == "ever":
            lo = -1
        else:
            lo = int(selector.args[0])
        got = [r.level for r in self.profile.recognitions if r.kind == kind and lo <= r.year <= self.year]
        if as_set:
            held = frozenset(got)
            return FactValue(held, shown=", ".join(sorted(held, key=levels.index)) if held else _no_level)
        best = max(got, key=levels.index) if got else None
        return FactValue(best, (), None, best or _no_level)

    def _reference(self, series: str, selector: str) -> FactValue:
        ser = self.catalog.reference.series[series]
        year = self.year - (1 if selector == "prev" else 0)
        value = ser.at(year)
        if value is None:
            return FactValue(undefined=Step("why_no_reference", {"series": series, "year": year}))
        return FactValue(
            value,
            shown=lambda lang: say(
                "fact_reference",
                lang,
                value=figure(value, ser.unit, lang),
                series=ser.zh if lang == "zh" else ser.en,
                year=year,
            ),
            unit=ser.unit,
        )


Resolver = Callable[[Facts], FactValue]


def _resolver(fact: FactRef, vocab: Vocabulary) -> Resolver:
    name, sel = fact.name, fact.selectors
    if name in vocab.figures or name in vocab.derived:
        selector, args = (sel[0].name, sel[0].args) if sel else ("", ())
        if selector == "":
            return lambda facts: facts.raw(facts.year, name)
        return lambda facts: facts._figure_fact(name, selector, args)
    if name in vocab.status:
        return lambda facts: facts._status(name)
    if name == "industry":
        return Facts._industry
    if name == "size":
        return Facts._size
    if name == "region":
        return Facts._region
    if name == "event":
        kind, when = sel[0].name, sel[1].name if len(sel) > 1 else ""
        return lambda facts: facts._event(kind, when)
    if name == "recognized":
        as_set = sel[-1].name == "levels"
        window = sel[1:-1] if as_set else sel[1:]
        kind, since = sel[0].name, window[0] if window else None
        return lambda facts: facts._recognized(kind, since, as_set)
    if name == "ref":
        series, when = sel[0].name, sel[1].name if len(sel) > 1 else ""
        return lambda facts: facts._reference(series, when)
    raise KeyError(fact.text)  # the catalog checked every name: unreachable


def _yes_no(value: bool) -> Callable[[str], str]:
    return lambda lang: word("true" if value else "false", lang)


_YES_NO = {True: _yes_no(True), False: _yes_no(False)}


def _no_level(lang: str) -> str:
    return word("no_level", lang)


def _size_figure(name: str, value: Decimal, lang: str) -> str:
    return say(f"size_{name}", lang, value=figure(value, "count" if name == "employees" else "yuan", lang))


def _size_figures(row: SizeRow, values: dict[str, Decimal], lang: str) -> str:
    """Figures as a size-class row reads them: "240 staff, revenue 2.4亿" / "从业人员 240 人，营业收入 2.4亿"."""
    return word("fact_list_sep", lang).join(_size_figure(name, values[name], lang) for name in row.figures)


def _size_reason(row: SizeRow, size: str, lang: str) -> str:
    """Why a row puts a firm in its class: the bounds it reaches, or the ones it misses."""

    def bounds(level: str) -> str:
        limits: dict[str, Decimal] = getattr(row, level)
        return word("size_and", lang).join(_size_figure(name, limits[name], lang) for name in row.figures)

    def reached(name: str, level: str) -> str:
        return say("size_from", lang, size=word(f"size_{name}", lang), bounds=bounds(level))

    def missed(name: str, level: str) -> str:
        return say("size_not_met", lang, size=word(f"size_{name}", lang), bounds=bounds(level))

    sep = word("size_reason_sep", lang)
    if size == "large":
        reason = reached("large", "sme_below")
    elif size == "medium":
        reason = reached("medium", "medium")
    elif size == "small":
        reason = missed("medium", "medium") + sep + reached("small", "small")
    else:
        reason = say("size_so_micro", lang, bounds=bounds("small"))
    return f"{row.zh}：{reason}" if lang == "zh" else f"{row.en}: {reason}"


def moves_with_figures(fact: FactRef, vocab: Vocabulary) -> bool:
    """Whether the fact's value can change when one of the profile's figures does: the figures
    and what is derived from them, the size class and above_scale (worked out from employees,
    revenue or assets where the profile does not say)."""
    return fact.name in vocab.figures or fact.name in vocab.derived or fact.name in ("size", "above_scale")
