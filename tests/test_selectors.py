"""A new figure selector is one registered object: rule files may use it, and the catalog checks
it, the facts evaluate it, the reads, the listings and near misses know it, with no other code
knowing of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from polcalc.engine.catalog import rules_dir
from polcalc.engine.compiled import Compiled, build_rules, load_catalog
from polcalc.engine.evaluate import ELIGIBLE, INELIGIBLE, NEEDS_DATA, Result, evaluate_company
from polcalc.engine.facts import Facts
from polcalc.engine.nearmiss import near_misses, threshold_value
from polcalc.engine.reads import facts_of, fields_used
from polcalc.engine.selectors import SELECTORS, FigureFacts, FigureSelector, register_selector, unregister_selector
from polcalc.engine.values import FactValue
from polcalc.i18n.words import keys
from polcalc.inputs.profiles import validate_profile
from polcalc.model.conditions import parse_fact
from polcalc.model.profile import Profile
from polcalc.views.results import fact_label
from tests.ruletext import header, measure

AS_OF = dt.date(2020, 6, 1)


class Sum3(FigureSelector):
    """`FIGURE.sum3`: the figure summed over the measure's year and the two before."""

    name = "sum3"
    offsets = (0, 1, 2)

    def evaluate(self, facts: FigureFacts, name: str, year: int, args: tuple[str, ...]) -> FactValue:
        parts = [facts.raw(year - k, name) for k in self.offsets]
        missing = tuple(key for part in parts for key in part.missing)
        if missing:
            return FactValue(None, missing)
        total = sum((part.value for part in parts), Decimal(0))  # type: ignore[misc]
        return FactValue(
            total,
            shown=lambda lang: " + ".join(part.show(lang) for part in parts),
            unit=facts.vocab.unit_of(name),
            driver=(year, name, self.name) if name in facts.vocab.figures else None,
        )

    def label(self, noun: str, lang: str) -> str | None:
        # The shipped selectors name a key of polcalc.i18n.words (`words`); a test's own words
        # stay in the test, leaving that module as it is.
        return f"近三年{noun}合计" if lang == "zh" else f"{noun} over three years"

    def invert(self, profile: Profile, year: int, name: str, threshold: Decimal) -> Decimal | None:
        earlier = [profile.figure(year - k, name) for k in (1, 2)]
        return None if None in earlier else threshold - sum(earlier)  # type: ignore[arg-type]


CONDITION = "revenue.sum3 >= 30000000"


@pytest.fixture
def sum3() -> Iterator[FigureSelector]:
    before = dict(SELECTORS)
    register_selector(Sum3)
    yield SELECTORS["sum3"]
    unregister_selector("sum3")
    assert before == SELECTORS  # as it was, in the same order: `unknown selector` suggests in it


def _catalog(tmp_path: Path, condition: str = CONDITION) -> tuple[Compiled | None, list[str]]:
    path = tmp_path / "syn-2020.toml"
    path.write_text(
        header("syn-2020", ["1"]) + measure("syn-2020:1", extra=f'when = ["{condition}"]'), encoding="utf-8"
    )
    return build_rules(rules_dir() / "common", [path])


def _loaded(tmp_path: Path) -> Compiled:
    catalog, problems = _catalog(tmp_path)
    assert problems == [] and catalog is not None
    return catalog


def _profile(catalog: Compiled, **revenue: int) -> Profile:
    years = {year.removeprefix("y"): {"revenue": value} for year, value in revenue.items()}
    return validate_profile({"name": "x", "region": "xishan", "years": years}, "t", catalog.vocabulary)


def _result(catalog: Compiled, profile: Profile) -> Result:
    (result,) = evaluate_company(profile, catalog, AS_OF).results
    return result


def test_a_registered_selector_decides_at_its_threshold(sum3: FigureSelector, tmp_path: Path) -> None:
    catalog = _loaded(tmp_path)
    at = _result(catalog, _profile(catalog, y2018=10_000_000, y2019=10_000_000, y2020=10_000_000))
    assert (at.status, at.amount) == (ELIGIBLE, Decimal(50_000))
    under = _result(catalog, _profile(catalog, y2018=10_000_000, y2019=10_000_000, y2020=9_999_999))
    assert under.status == INELIGIBLE
    assert under.checks[0].value("en") == "¥9,999,999 + ¥10,000,000 + ¥10,000,000"
    missing = _result(catalog, _profile(catalog, y2019=10_000_000, y2020=20_000_000))
    assert (missing.status, missing.missing) == (NEEDS_DATA, ("years.2018.revenue",))


def test_a_registered_selector_is_checked_when_loaded(sum3: FigureSelector, tmp_path: Path) -> None:
    _, problems = _catalog(tmp_path, "revenue.sum3(1) >= 30000000")
    assert problems == [
        "syn-2020.toml: measures[0](syn-2020:1).when: 'revenue.sum3(1) >= 30000000': "
        "revenue.sum3(1): sum3 takes no arguments"
    ]
    _, problems = _catalog(tmp_path, "revenue.sum4 >= 30000000")
    assert len(problems) == 1 and problems[0].endswith("revenue.sum4: unknown selector 'sum4' (did you mean 'sum3'?)")


def test_an_unregistered_selector_is_refused_again(sum3: FigureSelector, tmp_path: Path) -> None:
    unregister_selector("sum3")
    _, problems = _catalog(tmp_path)
    assert len(problems) == 1 and problems[0].endswith("revenue.sum3: unknown selector 'sum3'")
    register_selector(Sum3)  # the fixture withdraws it again


def test_a_registered_selector_reads_its_years_and_is_worded(sum3: FigureSelector, tmp_path: Path) -> None:
    catalog = _loaded(tmp_path)
    use = fields_used(catalog)[("figure", "revenue")]
    assert use.years == {2018, 2019, 2020} and use.all_years_before is None and use.measures == ["syn-2020:1"]
    fact = parse_fact("revenue.sum3")
    assert fact_label(fact, catalog.vocabulary, "zh") == "近三年营业收入（主营业务收入、营业额）合计"
    assert (
        fact_label(fact, catalog.vocabulary, "en")
        == "operating revenue (main-business revenue, turnover) over three years"
    )


def test_a_near_miss_inverts_a_registered_selector(
    sum3: FigureSelector, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = _loaded(tmp_path)
    profile = _profile(catalog, y2018=10_000_000, y2019=10_000_000, y2020=9_000_000)
    result = _result(catalog, profile)
    (cmp,) = catalog.measures["syn-2020:1"].when
    facts = Facts(profile, catalog, 2020)
    assert threshold_value(cmp, facts) == (2020, "revenue", Decimal(10_000_000))
    (hint,) = near_misses(result, profile, catalog, AS_OF)  # proven: the changed profile qualifies
    assert (hint.key, hint.needed, hint.amount_after) == ("years.2020.revenue", Decimal(10_000_000), Decimal(50_000))
    # A selector that cannot be inverted declines, and no hint is given.
    monkeypatch.setattr(sum3, "invert", lambda *args: None)
    assert threshold_value(cmp, Facts(profile, catalog, 2020)) is None
    assert near_misses(result, profile, catalog, AS_OF) == []


def test_a_name_is_one_selector() -> None:
    class Other(FigureSelector):
        name = "growth"

    with pytest.raises(ValueError, match="selector 'growth' is already Change"):
        register_selector(Other)
    with pytest.raises(ValueError, match="has no name"):
        register_selector(FigureSelector())
    assert type(SELECTORS["growth"]).__name__ == "Change"


def test_every_selector_the_rules_use_is_registered_and_worded() -> None:
    catalog = load_catalog()
    vocab = catalog.vocabulary
    used = {
        sel.name
        for m in catalog.measures.values()
        for fact in facts_of(m, catalog)
        if fact.name in vocab.figures or fact.name in vocab.derived
        for sel in fact.selectors
    }
    assert used and used <= set(SELECTORS), sorted(used - set(SELECTORS))
    assert {"growth", "prev", "monthly_growth_max"} <= used  # the test sees the rules' selectors
    words = keys()
    assert [s.name for s in SELECTORS.values() if s.words is not None and s.words not in words] == []
