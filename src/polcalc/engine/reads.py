"""Which profile keys the measures read: for the docs, for `init`, and for warnings about
figures no measure reads. Derived from the rules, so it never falls out of step with them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from polcalc.engine.catalog import Catalog
from polcalc.engine.selectors import selector_of
from polcalc.model.conditions import FactRef, iter_comparisons
from polcalc.model.rules import Measure

SIZE_FIGURES = ("employees", "revenue", "total_assets")  # what the size classes of 300号 read


@dataclass
class FieldUse:
    # figure, month_figure, status, recognition, event, industry, size; derivation: a figure read
    # only to derive a size class or above-scale status the profile does not give
    section: str
    name: str
    years: set[int] = field(default_factory=set)
    all_years_before: int | None = None  # "first time" facts read every earlier year
    measures: list[str] = field(default_factory=list)


def facts_of(measure: Measure, catalog: Catalog) -> Iterator[FactRef]:
    """Every fact a measure reads: document-wide conditions, its own, its award's and its tiers'."""
    conds = list(catalog.policy_of(measure).when) + list(measure.when) + list(measure.judged)
    for _, judged in measure.award.conditions():
        conds += list(judged)
    for cmp in iter_comparisons(conds):
        yield cmp.fact
        if isinstance(cmp.value, FactRef):
            yield cmp.value
    yield from measure.award.facts()


def fields_used(catalog: Catalog, region: str | None = None) -> dict[tuple[str, str], FieldUse]:
    out: dict[tuple[str, str], FieldUse] = {}
    vocab = catalog.vocabulary

    def use(section: str, name: str, measure: Measure) -> FieldUse:
        entry = out.setdefault((section, name), FieldUse(section, name))
        if measure.id not in entry.measures:
            entry.measures.append(measure.id)
        return entry

    for m in catalog.measures_for(region=region):
        year = m.year or catalog.policy_of(m).year
        for fact in facts_of(m, catalog):
            if fact.name in vocab.figures or fact.name in vocab.derived:
                names = (
                    [vocab.derived[fact.name].numerator, vocab.derived[fact.name].denominator]
                    if fact.name in vocab.derived
                    else [fact.name]
                )
                sel = selector_of(fact.selectors[0].name if fact.selectors else "")
                for name in names:
                    entry = use("month_figure" if sel.monthly else "figure", name, m)
                    entry.years.update(year - k for k in sel.offsets)
                    if sel.every_year_before:
                        entry.all_years_before = max(entry.all_years_before or year, year)
            elif fact.name in vocab.status:
                use("status", fact.name, m)
                if fact.name == "above_scale":  # derived from the year's revenue when not given
                    use("derivation", "revenue", m).years.add(year)
            elif fact.name in ("event", "recognized"):
                use(fact.name if fact.name == "event" else "recognition", fact.selectors[0].name, m)
            elif fact.name in ("industry", "size"):
                use(fact.name, fact.name, m)
                if fact.name == "size":  # derived from the year's staff, revenue and assets when not given
                    for name in SIZE_FIGURES:
                        use("derivation", name, m).years.add(year)
    return out


def years_read(catalog: Catalog, region: str) -> tuple[frozenset[int], int | None]:
    """The years the region's measures read, and the year before which every year counts."""
    years: set[int] = set()
    before: int | None = None
    for use in fields_used(catalog, region).values():
        years |= use.years
        if use.all_years_before is not None:
            before = max(before or use.all_years_before, use.all_years_before)
    return frozenset(years), before
