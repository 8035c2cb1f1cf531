"""A new award kind is one class: registered, rule files name it, and the engine computes,
checks, lints and describes it, and reads its facts, with no other code knowing of it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Literal

import pytest

from polcalc.core.record import frozen
from polcalc.core.steps import MONEY, NUMBER, PRICE, Q, Step
from polcalc.engine.awards import AwardKind, Computed, Namer, apply_cap, number, quantity_of
from polcalc.engine.catalog import rules_dir
from polcalc.engine.compiled import Compiled, build_rules
from polcalc.engine.evaluate import ELIGIBLE, NEEDS_DATA, Result, evaluate_company
from polcalc.engine.facts import Facts
from polcalc.engine.lint import lint
from polcalc.engine.reads import fields_used
from polcalc.i18n.numbers import money, price
from polcalc.i18n.steps import render_steps
from polcalc.inputs.profiles import validate_profile
from polcalc.model.rules import AWARD_KINDS, register_award, unregister_award
from polcalc.model.values import Fact, Money
from polcalc.model.vocabulary import Vocabulary
from polcalc.views.measures import measure_dict
from polcalc.views.results import describe_award
from tests.ruletext import header, measure


@frozen
class PerHeadCapped(AwardKind):
    """`amount` for each head of a count, the whole at most `most` (so much per new hire, up to a ceiling)."""

    kind: Literal["per_head_capped"]
    amount: Money
    per: Fact
    most: Money

    def compute(self, facts: Facts) -> Computed:
        out = Computed()
        heads = number(self.per, facts, out)
        if heads is None:
            return out
        value = self.amount * heads
        out.line(
            Step(
                "per_unit",
                {
                    "base": quantity_of(self.per, facts, heads),
                    "units": Q(heads, NUMBER),
                    "whole": False,
                    "unit": quantity_of(self.per, facts, Decimal(1)),
                    "price": Q(self.amount, PRICE),
                    "result": Q(value, MONEY),
                },
            )
        )
        out.amount = out.amount_max = value
        apply_cap(out, self.most)
        return out

    def describe(self, lang: str, name: Namer, vocab: Vocabulary | None) -> str:
        return f"{price(self.amount, lang)} × {name(self.per)} ≤ {money(self.most, lang)}"

    def ceiling(self) -> Decimal | None:
        return self.most

    def problems(self) -> list[str]:
        return (
            [f"per_head_capped: most {self.most} is below one head's {self.amount}"] if self.most < self.amount else []
        )

    def lint(self, cap: Decimal | None) -> list[str]:
        return (
            [f"cap {cap} never binds: the award stops at {self.most}"] if cap is not None and cap >= self.most else []
        )


AWARD = '{ kind = "per_head_capped", amount = "2000", per = "employees", most = "10万" }'


@pytest.fixture
def per_head_capped() -> Iterator[type[PerHeadCapped]]:
    before = dict(AWARD_KINDS)
    register_award(PerHeadCapped)
    yield PerHeadCapped
    unregister_award("per_head_capped")
    assert before == AWARD_KINDS  # as it was, in the same order: the union's


def _catalog(tmp_path: Path, award: str = AWARD, extra: str = "") -> tuple[Compiled | None, list[str]]:
    path = tmp_path / "syn-2020.toml"
    path.write_text(header("syn-2020", ["1"]) + measure("syn-2020:1", award, extra), encoding="utf-8")
    return build_rules(rules_dir() / "common", [path])


def _result(catalog: Compiled, employees: int | None) -> Result:
    years = {"2020": {"employees": employees}} if employees is not None else {}
    profile = validate_profile({"name": "x", "region": "xishan", "years": years}, "t", catalog.vocabulary)
    (result,) = evaluate_company(profile, catalog, dt.date(2020, 6, 1)).results
    return result


def test_a_registered_kind_is_computed_up_to_its_ceiling(per_head_capped: type[PerHeadCapped], tmp_path: Path) -> None:
    catalog, problems = _catalog(tmp_path)
    assert problems == [] and catalog is not None
    # 2000 a head: 50 heads reach the 10万 ceiling exactly, the 51st would pass it.
    at = _result(catalog, 50)
    assert (at.status, at.amount, at.computed.capped) == (ELIGIBLE, Decimal(100_000), False)
    over = _result(catalog, 51)
    assert (over.status, over.amount, over.computed.capped) == (ELIGIBLE, Decimal(100_000), True)
    assert render_steps(over.computed.steps, "en")[-1] == "capped at ¥100,000.00"
    assert _result(catalog, 49).amount == Decimal(98_000)
    missing = _result(catalog, None)
    assert missing.status == NEEDS_DATA and missing.missing == ("years.2020.employees",)


def test_a_registered_kind_is_described_and_its_facts_are_read(
    per_head_capped: type[PerHeadCapped], tmp_path: Path
) -> None:
    catalog, _ = _catalog(tmp_path)
    assert catalog is not None
    m = catalog.measures["syn-2020:1"]
    assert describe_award(m.award, "en") == "¥2,000 × employees ≤ ¥100,000.00"
    assert describe_award(m.award, "zh") == "2000元 × employees ≤ 10.00万"
    listed = measure_dict(m, catalog, dt.date(2020, 6, 1), "en")
    assert listed["award"].startswith("¥2,000 × ") and listed["cap"] == 100_000  # its ceiling is the cap
    use = fields_used(catalog)[("figure", "employees")]
    assert use.years == {2020} and use.measures == ["syn-2020:1"]


def test_a_registered_kind_checks_itself_when_loaded_and_linted(
    per_head_capped: type[PerHeadCapped], tmp_path: Path
) -> None:
    _, problems = _catalog(tmp_path, '{ kind = "per_head_capped", amount = "2000", per = "employes", most = "1000" }')
    assert any("employes: unknown fact" in p for p in problems)  # its facts, checked as every kind's
    assert any("per_head_capped: most 1000 is below one head's 2000" in p for p in problems)
    catalog, problems = _catalog(tmp_path, extra='cap = "20万"')
    assert problems == [] and catalog is not None
    assert lint(catalog) == ["syn-2020.toml: syn-2020:1: cap 200000 never binds: the award stops at 100000"]


def test_an_unregistered_kind_is_refused_again(per_head_capped: type[PerHeadCapped], tmp_path: Path) -> None:
    unregister_award("per_head_capped")
    _, problems = _catalog(tmp_path)
    assert any("'per_head_capped'" in p and "does not match any of the expected tags" in p for p in problems)
    register_award(PerHeadCapped)  # the fixture withdraws it again


def test_a_kind_names_its_word_once_and_a_word_is_taken_once(per_head_capped: type[PerHeadCapped]) -> None:
    @frozen
    class Wordless(AwardKind):
        amount: Money

    with pytest.raises(TypeError, match="kind: Literal"):
        register_award(Wordless)

    @frozen
    class Other(PerHeadCapped):
        kind: Literal["per_head_capped"]

    with pytest.raises(ValueError, match="already PerHeadCapped"):
        register_award(Other)


def test_a_nested_award_is_checked_as_a_measure_s_own_is(tmp_path: Path) -> None:
    # A part of a sum or a tier's award is any kind: its own checks run there too, named by key path.
    range_part = '{ kind = "range", min = "5万", max = "1万" }'
    _, problems = _catalog(
        tmp_path, f'{{ kind = "sum", parts = [{{ kind = "fixed", amount = "1万" }}, {range_part}] }}'
    )
    assert [p.split(".award: ", 1)[1] for p in problems] == ["parts[1]: range: min 50000 is above max 10000"]
    tiers = (
        f'{{ kind = "tiers", tiers = [{{ label = {{ zh = "一", en = "one" }}, when = [], award = {range_part} }}] }}'
    )
    _, problems = _catalog(tmp_path, tiers)
    assert [p.split(".award: ", 1)[1] for p in problems] == ["tiers[0].award: range: min 50000 is above max 10000"]
