"""The engine on synthetic rules: award shapes, tiers, caps, three-valued conditions, stacking."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from polcalc.engine.catalog import rules_dir
from polcalc.engine.compiled import build_rules
from polcalc.engine.evaluate import evaluate_company
from polcalc.i18n.steps import render_formula
from polcalc.inputs.profiles import validate_profile
from tests.ruletext import header, measure

HEADER = header("syn-2020", ["1"])


@pytest.fixture
def evaluate(tmp_path: Path):
    def run(rules: str, years: dict, status: dict | None = None, as_of=dt.date(2020, 6, 1)):
        path = tmp_path / "syn-2020.toml"
        path.write_text(HEADER + rules, encoding="utf-8")
        catalog, problems = build_rules(rules_dir() / "common", [path])
        assert not problems, problems
        profile = validate_profile(
            {
                "name": "x",
                "region": "xishan",
                "industry": "equipment_manufacturing",
                "size": "small",
                "status": status or {},
                "years": {str(y): v for y, v in years.items()},
            },
            "t",
            catalog.vocabulary,
        )
        return {r.id: r for r in evaluate_company(profile, catalog, as_of).results}

    return run


TIERS_WITH_STATUS = """{ kind = "tiers", tiers = [
  { label = { zh = "一", en = "one" }, when = ["revenue >= 100万"], award = { kind = "fixed", amount = "1万" } },
  { label = { zh = "二", en = "two" }, when = ["revenue >= 100万", "headquarters"], award = { kind = "fixed", amount = "5万" } },
] }"""


def test_tier_that_cannot_be_judged_keeps_the_sure_amount_and_names_what_would_settle_it(evaluate):
    r = evaluate(measure("syn-2020:1", TIERS_WITH_STATUS), {2020: {"revenue": "100万"}})["syn-2020:1"]
    assert r.status == "eligible" and r.amount == Decimal("10000")
    assert r.computed.more_data == ("status.headquarters",)


def test_tier_with_undefined_growth_does_not_sink_a_reached_tier(evaluate):
    tiers = """{ kind = "tiers", tiers = [
      { label = { zh = "一", en = "one" }, when = ["revenue >= 100万"], award = { kind = "fixed", amount = "1万" } },
      { label = { zh = "二", en = "two" }, when = ["revenue >= 100万"], award = { kind = "rate", rate = "1%", of = "revenue.growth" } },
    ] }"""
    r = evaluate(measure("syn-2020:1", tiers), {2019: {"revenue": 0}, 2020: {"revenue": "100万"}})["syn-2020:1"]
    assert r.status == "eligible" and r.amount == Decimal("10000")


def test_growth_from_zero_is_ineligible_with_the_reason(evaluate):
    r = evaluate(
        measure("syn-2020:1", '{ kind = "fixed", amount = "1万" }', 'when = ["revenue.growth >= 10%"]'),
        {2019: {"revenue": 0}, 2020: {"revenue": "100万"}},
    )["syn-2020:1"]
    assert r.status == "ineligible"
    assert "base of 0" in r.checks[0].note


def test_up_to_times_a_figure(evaluate):
    r = evaluate(measure("syn-2020:1", '{ kind = "up_to", max = 6, per = "revenue" }'), {2020: {"revenue": "1.8万"}})[
        "syn-2020:1"
    ]
    assert r.status == "eligible" and r.amount is None and r.amount_max == Decimal("108000")


def test_multiplier_rate_shown_as_a_number_not_a_percentage(evaluate):
    r = evaluate(measure("syn-2020:1", '{ kind = "rate", rate = 6, of = "revenue" }'), {2020: {"revenue": "1万"}})[
        "syn-2020:1"
    ]
    assert r.amount == Decimal("60000")
    assert render_formula(r.computed.formula, "zh") == "6 × 1万"
    assert render_formula(r.computed.formula, "en") == "6 × ¥10,000"


def test_progressive_bands(evaluate):
    award = '{ kind = "progressive", of = "taxable_income", bands = [{ up_to = "100万", rate = "22.5%" }, { up_to = "300万", rate = "20%" }] }'
    r = evaluate(measure("syn-2020:1", award), {2020: {"taxable_income": "300万"}})["syn-2020:1"]
    assert r.amount == Decimal("625000")  # 22.5万 + 40万


def test_sum_of_fixed_and_whole_units_capped(evaluate):
    award = '{ kind = "sum", parts = [{ kind = "fixed", amount = "10万" }, { kind = "per_unit", amount = "5万", unit = "1亿", of = "revenue.increase" }] }'
    rules = measure("syn-2020:1", award, 'cap = "50万"')
    assert evaluate(rules, {2019: {"revenue": "5亿"}, 2020: {"revenue": "7.99亿"}})["syn-2020:1"].amount == Decimal(
        "200000"
    )
    assert evaluate(rules, {2019: {"revenue": "5亿"}, 2020: {"revenue": "20亿"}})["syn-2020:1"].amount == Decimal(
        "500000"
    )


def test_stacking_group_counts_the_highest_only(evaluate):
    rules = measure("syn-2020:1", '{ kind = "fixed", amount = "1万" }', 'stacking_group = "g"') + measure(
        "syn-2020:2", '{ kind = "fixed", amount = "3万" }', 'stacking_group = "g"'
    )
    results = evaluate(rules.replace('articles = ["1"]', ""), {2020: {}})
    assert results["syn-2020:1"].stacked_out_by == "syn-2020:2"
    assert results["syn-2020:2"].stacked_out_by is None


def test_outside_the_window_is_not_open_but_still_computed(evaluate):
    r = evaluate(measure("syn-2020:1", '{ kind = "fixed", amount = "1万" }'), {2020: {}}, as_of=dt.date(2021, 1, 1))[
        "syn-2020:1"
    ]
    assert r.status == "eligible" and r.open is False and r.amount == Decimal("10000")


def test_any_of_with_one_true_branch_holds_even_if_another_is_unknown(evaluate):
    rules = measure(
        "syn-2020:1", '{ kind = "fixed", amount = "1万" }', 'when = [{ any = ["headquarters", "revenue >= 1万"] }]'
    )
    assert evaluate(rules, {2020: {"revenue": "2万"}})["syn-2020:1"].status == "eligible"
    assert evaluate(rules, {2020: {"revenue": "0.5万"}})["syn-2020:1"].status == "needs_data"
    r = evaluate(rules, {2020: {"revenue": "0.5万"}}, status={"headquarters": False})["syn-2020:1"]
    assert r.status == "ineligible"


def test_recognition_levels_name_each_title_held(tmp_path: Path):
    from polcalc.engine.compiled import build_rules

    rules = measure(
        "syn-2020:1",
        '{ kind = "fixed", amount = "1万" }',
        'when = ["recognized.little_giant.since(2019).levels == provincial"]',
    )
    path = tmp_path / "syn-2020.toml"
    path.write_text(HEADER + rules, encoding="utf-8")
    catalog, problems = build_rules(rules_dir() / "common", [path])
    assert not problems

    def status(*recs: tuple[str, int]) -> str:
        data = {
            "name": "x",
            "region": "xishan",
            "recognitions": [{"kind": "little_giant", "level": lv, "year": y} for lv, y in recs],
        }
        profile = validate_profile(data, "t", catalog.vocabulary)
        return evaluate_company(profile, catalog, dt.date(2020, 6, 1)).results[0].status

    assert status(("provincial", 2019)) == "eligible"
    assert status(("provincial", 2019), ("national", 2020)) == "eligible"
    assert status(("national", 2020)) == "ineligible"  # the highest level alone would have passed ">="
    assert status(("provincial", 2018)) == "ineligible"  # before the window


def test_levels_refuse_ordering_comparisons(tmp_path: Path):
    from polcalc.engine.compiled import build_rules

    path = tmp_path / "syn-2020.toml"
    path.write_text(
        HEADER
        + measure(
            "syn-2020:1",
            '{ kind = "fixed", amount = "1万" }',
            'when = ["recognized.little_giant.levels >= provincial"]',
        ),
        encoding="utf-8",
    )
    _, problems = build_rules(rules_dir() / "common", [path])
    assert any(".levels is a set of levels" in p for p in problems)


def test_two_catalogs_sharing_a_measure_id_keep_their_own_window_and_title(tmp_path: Path):
    # The run-wide caches of windows and of a result's fixed fields are keyed by measure id;
    # an analyst's draft loaded beside the shipped rules must still be read as written.
    from polcalc.engine.compiled import build_rules
    from polcalc.views.results import result_dict

    def first_result(folder: str, extra: str, title: str):
        (tmp_path / folder).mkdir()
        path = tmp_path / folder / "syn-2020.toml"
        path.write_text(
            HEADER + measure("syn-2020:1", extra=extra).replace('en = "a"', f'en = "{title}"', 1), encoding="utf-8"
        )
        catalog, problems = build_rules(rules_dir() / "common", [path])
        assert not problems
        profile = validate_profile({"name": "x", "region": "xishan"}, "t", catalog.vocabulary)
        return evaluate_company(profile, catalog, dt.date(2020, 6, 1)).results[0]

    year_long = first_result("a", "", "first")
    march = first_result("b", "valid_to = 2020-03-31", "second")
    assert (year_long.deadline, year_long.open) == (dt.date(2020, 12, 31), True)
    assert (march.deadline, march.open) == (dt.date(2020, 3, 31), False)
    assert result_dict(year_long)["title"] == "first" and result_dict(march)["title"] == "second"
    assert result_dict(march)["deadline"] == "2020-03-31"
