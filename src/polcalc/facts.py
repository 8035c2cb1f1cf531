"""Resolving a rule's fact names against one profile, for one evaluation year.

A fact that the profile lacks comes back with the profile keys that would supply it
(`years.2020.industrial_output`), so `needs_data` can say exactly what to fill in.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from polcalc.conditions import FactRef
from polcalc.money import format_quantity
from polcalc.profile import Profile

if TYPE_CHECKING:
    from polcalc.catalog import Catalog


class FactValue:
    """A fact's value for one company and year, with what is needed to show it.

    `shown` ("15% (2.3亿 vs 2亿 in 2019)") is composed only when read: a batch evaluation
    resolves thousands of facts and shows almost none of them."""

    __slots__ = ("_shown", "derived_note", "driver", "missing", "undefined", "unit", "value")

    def __init__(
        self,
        value: object = None,  # Decimal, bool, str (a level or size), frozenset (industry words) or None
        missing: tuple[str, ...] = (),  # profile keys that would supply it
        undefined: str | None = None,  # why it cannot be computed from what the profile gives
        shown: str | Callable[[], str] = "",
        unit: str | None = None,
        driver: tuple[int, str, str] | None = None,  # the figure it moves with: (year, name, selector)
        derived_note: str | None = None,  # set when the value was derived, not given
    ) -> None:
        self.value, self.missing, self.undefined, self._shown = value, missing, undefined, shown
        self.unit, self.driver, self.derived_note = unit, driver, derived_note

    @property
    def shown(self) -> str:
        if callable(self._shown):
            self._shown = self._shown()
        return self._shown


def _missing(*keys: str) -> FactValue:
    return FactValue(missing=tuple(keys))


class Facts:
    """Facts of one profile in one evaluation year (the measure's `year`)."""

    def __init__(self, profile: Profile, catalog: Catalog, year: int) -> None:
        self.profile = profile
        self.catalog = catalog
        self.vocab = catalog.vocabulary
        self.year = year
        self._cache: dict[str, FactValue] = {}

    def get(self, fact: FactRef) -> FactValue:
        key = fact.text
        if key not in self._cache:
            self._cache[key] = self._resolve(fact)
        return self._cache[key]

    # -------------------------------------------------------------- dispatch

    def _resolve(self, fact: FactRef) -> FactValue:
        name, sel = fact.name, fact.selectors
        if name in self.vocab.figures or name in self.vocab.derived:
            return self._figure_fact(name, sel[0].name if sel else "", sel[0].args if sel else ())
        if name in self.vocab.status:
            return self._status(name)
        if name == "industry":
            return self._industry()
        if name == "size":
            return self._size()
        if name == "region":
            return FactValue(self.profile.region, shown=self.profile.region)
        if name == "event":
            return self._event(sel[0].name, sel[1].name if len(sel) > 1 else "")
        if name == "recognized":
            return self._recognized(sel[0].name, sel[1] if len(sel) > 1 else None)
        if name == "ref":
            return self._reference(sel[0].name, sel[1].name if len(sel) > 1 else "")
        raise KeyError(fact.text)  # the catalog checked every name: unreachable

    # -------------------------------------------------------------- figures

    def raw(self, year: int, name: str) -> FactValue:
        """A figure (or derived ratio) of one year."""
        if name in self.vocab.derived:
            spec = self.vocab.derived[name]
            num, den = self.raw(year, spec.numerator), self.raw(year, spec.denominator)
            if num.missing or den.missing:
                return _missing(*num.missing, *den.missing)
            if den.value == 0:
                return FactValue(undefined=f"{name} of {year}: {spec.denominator} is 0")
            value = num.value / den.value  # type: ignore[operator]
            return FactValue(
                value, shown=lambda: f"{format_quantity(value, 'ratio')} ({num.shown} / {den.shown})", unit="ratio"
            )
        value = self.profile.figure(year, name)
        if value is None:
            return _missing(f"years.{year}.{name}")
        unit = self.vocab.figures[name].unit
        return FactValue(value, shown=lambda: format_quantity(value, unit), unit=unit, driver=(year, name, ""))

    def _figure_fact(self, name: str, selector: str, args: tuple[str, ...]) -> FactValue:
        y = self.year
        if selector == "":
            return self.raw(y, name)
        if selector in ("prev", "prev2"):
            fv = self.raw(y - (1 if selector == "prev" else 2), name)
            return fv
        if selector in ("growth", "prev_growth", "increase"):
            top = y if selector != "prev_growth" else y - 1
            cur, base = self.raw(top, name), self.raw(top - 1, name)
            if cur.missing or base.missing:
                return _missing(*cur.missing, *base.missing)
            if cur.undefined or base.undefined:
                return FactValue(undefined=cur.undefined or base.undefined)
            driver = (top, name, selector) if name in self.vocab.figures else None
            if selector == "increase":
                diff = cur.value - base.value  # type: ignore[operator]
                unit = self.vocab.unit_of(name)
                return FactValue(
                    diff,
                    shown=lambda: f"{format_quantity(diff, unit)} ({cur.shown} − {base.shown})",
                    unit=unit,
                    driver=driver,
                )
            if base.value == 0:
                return FactValue(undefined=f"growth of {name} from a base of 0 in {top - 1} is undefined")
            growth = cur.value / base.value - 1  # type: ignore[operator]
            return FactValue(
                growth,
                shown=lambda: f"{format_quantity(growth, 'ratio')} ({cur.shown} vs {base.shown} in {top - 1})",
                unit="ratio",
                driver=driver,
            )
        if selector == "peak_before":
            earlier = [yr for yr in self.profile.years if yr < y and name in self.profile.years[yr]]
            if y - 1 not in earlier:
                return _missing(f"years.{y - 1}.{name}")
            peak_year = max(earlier, key=lambda yr: self.profile.years[yr][name])
            value = self.profile.years[peak_year][name]
            unit = self.vocab.unit_of(name)
            return FactValue(
                value, shown=lambda: f"{format_quantity(value, unit)} (best year before {y}: {peak_year})", unit=unit
            )
        if selector in ("monthly_growth_min", "monthly_growth_max"):
            return self._monthly_growth(name, args, selector.endswith("max"))
        raise KeyError(selector)  # pragma: no cover - checked at load

    def _monthly_growth(self, name: str, groups: tuple[str, ...], want_max: bool) -> FactValue:
        """Growth of each month group (e.g. 1+2 combined) against the same months a year before."""
        y = self.year
        missing: list[str] = []
        growths: list[tuple[str, Decimal]] = []
        for group in groups:
            months = [int(m) for m in group.split("+")]
            totals = []
            for year in (y, y - 1):
                total = Decimal(0)
                for m in months:
                    key = f"{year}-{m:02d}"
                    value = self.profile.months.get(key, {}).get(name)
                    if value is None:
                        missing.append(f'months."{key}".{name}')
                    else:
                        total += value
                totals.append(total)
            if not missing:
                if totals[1] == 0:
                    return FactValue(undefined=f"{name} of months {group} in {y - 1} is 0: growth undefined")
                growths.append((group, totals[0] / totals[1] - 1))
        if missing:
            return _missing(*missing)
        _, value = (max if want_max else min)(growths, key=lambda g: g[1])
        detail = ", ".join(f"{g}: {format_quantity(v, 'ratio')}" for g, v in growths)
        return FactValue(value, shown=lambda: f"{format_quantity(value, 'ratio')} (months {detail})", unit="ratio")

    # -------------------------------------------------------------- everything else

    def _status(self, name: str) -> FactValue:
        value = self.profile.status.get(name)
        if value is not None:
            return FactValue(value, shown=str(value).lower())
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
        note = (
            f"derived: revenue {format_quantity(revenue, 'yuan')} in {self.year} "
            f"{'≥' if value else '<'} {format_quantity(threshold, 'yuan')} threshold for {industry.en}"
        )
        return FactValue(value, shown=f"{str(value).lower()} ({note})", derived_note=note)

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
        derived = row.classify(values)  # type: ignore[arg-type]
        note = (
            f"derived: {row.values_text(values)} in {self.year} → {derived.size} "  # type: ignore[arg-type]
            f"({derived.reason}; {size_classes.document_number})"
        )
        return FactValue(derived.size, shown=derived.size, derived_note=note)

    def _event(self, kind: str, selector: str) -> FactValue:
        years = [e.year for e in self.profile.events if e.kind == kind]
        if selector == "ever":
            hit = any(yr <= self.year for yr in years)
        else:
            hit = (self.year - (1 if selector == "prev" else 0)) in years
        return FactValue(hit, shown=str(hit).lower())

    def _recognized(self, kind: str, selector) -> FactValue:
        levels = self.vocab.recognitions[kind].levels
        if selector is None:
            lo = self.year
        elif selector.name == "ever":
            lo = -1
        else:
            lo = int(selector.args[0])
        got = [r.level for r in self.profile.recognitions if r.kind == kind and lo <= r.year <= self.year]
        best = max(got, key=levels.index) if got else None
        return FactValue(best, shown=best or "none")

    def _reference(self, series: str, selector: str) -> FactValue:
        ser = self.catalog.reference.series[series]
        year = self.year - (1 if selector == "prev" else 0)
        value = ser.at(year)
        if value is None:
            return FactValue(undefined=f"reference {series} has no value for {year}")
        return FactValue(value, shown=lambda: f"{format_quantity(value, ser.unit)} ({ser.en}, {year})", unit=ser.unit)
