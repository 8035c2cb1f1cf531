"""Reference data: the SME size classes of 工信部联企业〔2011〕300号 (and the size derived from them
when a profile gives none), and the small low-profit enterprise criteria and rates by year.

The bounds below are copied by hand from the notice (shared/reference.md), not read from
reference.toml, so a mistyped row in the data fails here.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.core.record import validate
from polcalc.engine.awards import Progressive
from polcalc.engine.compiled import load_catalog
from polcalc.engine.facts import Facts
from polcalc.model.conditions import iter_comparisons, parse_fact
from polcalc.model.reference import SizeRow, SmallLowProfit
from tests.conftest import evaluate, make_profile

WAN = 10_000
S, R, A = "employees", "revenue", "total_assets"

# sector -> (an industry of it, large from (= SME below), medium from, small from); money in 万元.
SIZE_TABLE: dict[str, tuple[str, dict[str, int], dict[str, int], dict[str, int]]] = {
    "industry": ("equipment_manufacturing", {S: 1000, R: 40000}, {S: 300, R: 2000}, {S: 20, R: 300}),
    "construction": ("construction", {R: 80000, A: 80000}, {R: 6000, A: 5000}, {R: 300, A: 300}),
    "wholesale": ("wholesale", {S: 200, R: 40000}, {S: 20, R: 5000}, {S: 5, R: 1000}),
    "retail": ("retail", {S: 300, R: 20000}, {S: 50, R: 500}, {S: 10, R: 100}),
    "transport": ("transport_logistics", {S: 1000, R: 30000}, {S: 300, R: 3000}, {S: 20, R: 200}),
    "warehousing": ("warehousing", {S: 200, R: 30000}, {S: 100, R: 1000}, {S: 20, R: 100}),
    "lodging_catering": ("catering", {S: 300, R: 10000}, {S: 100, R: 2000}, {S: 10, R: 100}),
    "info_transmission": ("internet", {S: 2000, R: 100000}, {S: 100, R: 1000}, {S: 10, R: 100}),
    "software_it": ("software_it", {S: 300, R: 10000}, {S: 100, R: 1000}, {S: 10, R: 50}),
    "real_estate": ("real_estate", {R: 200000, A: 10000}, {R: 1000, A: 5000}, {R: 100, A: 2000}),
    "property": ("property_management", {S: 1000, R: 5000}, {S: 300, R: 1000}, {S: 100, R: 500}),
    "leasing_business": ("leasing_business_services", {S: 300, A: 120000}, {S: 100, A: 8000}, {S: 10, A: 100}),
    "other": ("other", {S: 300}, {S: 100}, {S: 10}),
}


def yuan(figures: dict[str, int]) -> dict[str, int]:
    """Bounds as profile figures: staff as counts, money from 万元 to yuan."""
    return {k: v if k == S else v * WAN for k, v in figures.items()}


def derive(industry: str | None, figures: dict[str, Any], year: int = 2020, **extra: Any):
    data: dict[str, Any] = {"name": "t", "region": "xishan", "years": {year: figures}, **extra}
    if industry is not None:
        data["industry"] = industry
    catalog = load_catalog()
    return Facts(make_profile(data), catalog, year).get(parse_fact("size"))


def boundary_cases() -> list[tuple[str, str, dict[str, int], str]]:
    """For each sector and class: exactly at its lower bounds passes in; one under any bound falls a class."""
    cases = []
    for sector, (industry, large, medium, small) in SIZE_TABLE.items():
        for name, bounds, below in (("large", large, "medium"), ("medium", medium, "small"), ("small", small, "micro")):
            at = yuan(bounds)
            cases.append((f"{sector}-{name}-at", industry, at, name))
            for figure in at:  # one staff or one yuan under one bound, the others still at theirs
                cases.append((f"{sector}-{name}-{figure}-under", industry, {**at, figure: at[figure] - 1}, below))
    return cases


BOUNDARY = boundary_cases()


@pytest.mark.parametrize(("case", "industry", "figures", "size"), BOUNDARY, ids=[c[0] for c in BOUNDARY])
def test_size_boundary_pairs_per_sector(case: str, industry: str, figures: dict[str, int], size: str):
    fv = derive(industry, figures)
    assert fv.value == size, fv.derived_note
    assert fv.derived_note and f"→ {size} (" in fv.derived_note


def test_every_industry_names_a_size_class_row_and_every_row_is_checked_here():
    catalog = load_catalog()
    rows = catalog.reference.size_classes.sectors
    assert set(rows) == set(SIZE_TABLE)
    for name, industry in catalog.vocabulary.industries.items():
        assert industry.sector in rows, name
    for sector, (industry, *_) in SIZE_TABLE.items():
        assert catalog.vocabulary.industries[industry].sector == sector


def test_a_firm_must_meet_both_lower_bounds_of_a_row():
    # Industry: 1500 staff would be large, but revenue 1000万 < 4亿 keeps it an SME, and < 2000万
    # keeps it out of medium: it is small (20+ staff and 300万+).
    assert derive("equipment_manufacturing", {S: 1500, R: "1000万"}).value == "small"
    # 19 staff with revenue 3亿: under the small class's 20 staff, so micro whatever the revenue.
    assert derive("equipment_manufacturing", {S: 19, R: "3亿"}).value == "micro"
    # Retail: 260 staff and 2亿 (the online-retailer sample): under 300 staff → SME; 50+ and 500万+ → medium.
    assert derive("retail", {S: 260, R: "2亿"}).value == "medium"
    # Phosphorus chemicals: 420 staff and 6.7亿 (that sample): staff under 1000 → medium despite the revenue.
    assert derive("phosphorus_chemical", {S: 420, R: "6.7亿"}).value == "medium"
    # Real estate: revenue 30亿 is large-sized, assets 9000万 are under 1亿 → SME; 5000万+ and 1000万+ → medium.
    assert derive("real_estate", {R: "30亿", A: "9000万"}).value == "medium"


def test_a_row_reads_only_its_own_figures():
    # 其他未列明行业 counts staff only: no revenue is asked for, a huge one changes nothing.
    assert derive("tourism", {S: 100}).value == "medium"
    assert derive("tourism", {S: 99, R: "50亿"}).value == "small"
    # 建筑业 reads revenue and assets, not staff.
    assert derive("construction", {R: "6000万", A: "5000万"}).value == "medium"


def test_derivation_shows_the_figures_the_bounds_and_the_notice():
    fv = derive("equipment_manufacturing", {S: 240, R: "2.4亿"})
    assert fv.value == "small"
    assert fv.note("en") == (
        "derived: 240 staff, revenue ¥240,000,000 in 2020 → small (industry: medium from 300 staff and revenue "
        "¥20,000,000 not met; small from 20 staff and revenue ¥3,000,000; 工信部联企业〔2011〕300号)"
    )
    assert fv.note("zh") == (
        "推算：2020年从业人员 240 人，营业收入 2.4亿 → 小型（工业：未达到中型标准 从业人员 300 人且营业收入 2000万；"
        "达到小型标准 从业人员 20 人且营业收入 300万；工信部联企业〔2011〕300号）"
    )
    large = derive("equipment_manufacturing", {S: 1000, R: "4亿"})
    assert "→ large (industry: large from 1,000 staff and revenue ¥400,000,000;" in large.note("en")
    assert "→ 大型（工业：达到大型标准 从业人员 1000 人且营业收入 4亿；" in large.note("zh")


def test_a_given_size_always_wins():
    fv = derive("equipment_manufacturing", {S: 5, R: "10万"}, size="large")
    assert fv.value == "large" and fv.derived_note is None
    data = {**FIRM_3_2, "size": "large"}
    assert evaluate("xishan-2020:3.2", data).status == "ineligible"  # derived it would be small: eligible


@pytest.mark.parametrize(
    ("industry", "figures", "missing"),
    [
        ("equipment_manufacturing", {}, ("size", "years.2020.employees", "years.2020.revenue")),
        ("equipment_manufacturing", {S: 240}, ("size", "years.2020.revenue")),
        ("construction", {S: 50}, ("size", "years.2020.revenue", "years.2020.total_assets")),
        ("leasing_business_services", {R: "1亿"}, ("size", "years.2020.employees", "years.2020.total_assets")),
        ("other", {}, ("size", "years.2020.employees")),
        (None, {S: 240, R: "2.4亿"}, ("size", "industry")),
    ],
)
def test_missing_figures_name_the_keys_to_add(industry, figures, missing):
    fv = derive(industry, figures)
    assert fv.value is None and fv.missing == missing


# Xishan 2020 3.2: 50% of 2019's unemployment-insurance premiums for an SME within the layoff target.
FIRM_3_2: dict[str, Any] = {
    "name": "t",
    "region": "xishan",
    "industry": "equipment_manufacturing",
    "years": {
        2019: {"insured_employees": 200, "layoffs": 4, "unemployment_insurance_paid": "38.4万"},
        2020: {"employees": 240, "revenue": "2.4亿"},
    },
}


def test_3_2_uses_the_derived_size_of_the_evaluation_year():
    r = evaluate("xishan-2020:3.2", FIRM_3_2)
    assert r.status == "eligible" and r.amount == Decimal("192000")  # 50% × 38.4万
    # 2019 figures would make it large; the measure's year (2020) is the one read.
    years = {**FIRM_3_2["years"], 2019: {**FIRM_3_2["years"][2019], "employees": 1200, "revenue": "5亿"}}
    assert evaluate("xishan-2020:3.2", {**FIRM_3_2, "years": years}).status == "eligible"
    # Large in 2020 (1000 staff and 4亿 both reached): not an SME, no refund.
    large = {**FIRM_3_2["years"], 2020: {"employees": 1000, "revenue": "4亿"}}
    assert evaluate("xishan-2020:3.2", {**FIRM_3_2, "years": large}).status == "ineligible"


def test_3_2_without_size_or_figures_needs_them():
    data = {**FIRM_3_2, "years": {2019: FIRM_3_2["years"][2019]}}
    r = evaluate("xishan-2020:3.2", data)
    assert r.status == "needs_data"
    assert r.missing == ("size", "years.2020.employees", "years.2020.revenue")


runner = CliRunner()


def test_explain_shows_the_derivation(tmp_path):
    profile = tmp_path / "firm.toml"
    profile.write_text(
        'name = "t"\nregion = "xishan"\nindustry = "equipment_manufacturing"\n'
        '[years.2019]\ninsured_employees = 200\nlayoffs = 4\nunemployment_insurance_paid = "38.4万"\n'
        '[years.2020]\nemployees = 240\nrevenue = "2.4亿"\n',
        encoding="utf-8",
    )
    args = ["explain", "xishan-2020:3.2", str(profile), "--as-of", "2020-06-30", "--lang", "zh"]
    res = runner.invoke(app, [*args, "--format", "json"])
    assert res.exit_code == 0, res.stderr
    trace = json.loads(res.stdout)["trace"]
    size_check = next(c for c in trace["checks"] if c["condition"].startswith("size "))
    assert size_check["holds"] is True and size_check["value"] == "small"
    assert size_check["note"].startswith("推算：2020年从业人员 240 人，营业收入 2.4亿 → 小型（工业：")
    assert trace["result"]["amount"] == 192000
    text = runner.invoke(app, args)
    assert text.exit_code == 0, text.stderr
    flat = " ".join(text.stdout.split())  # the terminal renderer wraps long lines
    assert "实际为 small [推算：2020年从业人员 240 人，营业收入 2.4亿 → 小型" in flat  # --lang zh: all in Chinese
    assert "工信部联企业〔2011〕300号" in flat


def test_size_rows_are_validated_at_load():
    good = {"zh": "x", "en": "x", "sme_below": {S: 300}, "medium": {S: 100}, "small": {S: 10}}
    validate(SizeRow, good)
    with pytest.raises(ValidationError, match="same figures"):
        validate(SizeRow, {**good, "medium": {S: 100, R: "1000万"}})
    with pytest.raises(ValidationError, match="bounds must rise"):
        validate(SizeRow, {**good, "medium": {S: 400}})
    with pytest.raises(ValidationError):
        validate(SizeRow, {**good, "small": {"headcount": 10}})


# ---------------------------------------------------------------- small low-profit enterprises


def test_small_low_profit_criteria_and_tax_by_year():
    slp = load_catalog().reference.small_low_profit
    assert (slp.taxable_income_max, slp.employees_max, slp.total_assets_max) == (3_000_000, 300, 50_000_000)
    # 2022: 100万 × 12.5% × 20% = 2.5万, plus 200万 × 25% × 20% = 10万.
    assert slp.tax(2022, Decimal(3_000_000)) == Decimal("125000")
    assert slp.tax(2022, Decimal(800_000)) == Decimal("20000")  # 2.5% effective
    # 2023 to 2027: all of it counted at 25%, taxed at 20%: 5% of 300万 = 15万.
    assert slp.tax(2023, Decimal(3_000_000)) == slp.tax(2027, Decimal(3_000_000)) == Decimal("150000")
    assert slp.tax(2021, Decimal(1)) is None and slp.tax(2028, Decimal(1)) is None
    assert slp.qualifies(Decimal(3_000_000), Decimal(300), Decimal(50_000_000))
    assert not slp.qualifies(Decimal(3_000_001), Decimal(300), Decimal(50_000_000))
    assert all(p.source for p in slp.periods) and slp.source


def test_small_low_profit_periods_are_validated():
    band = {"up_to": "300万", "counted": "25%", "rate": "20%"}
    base = {"source": "s", "taxable_income_max": "300万", "employees_max": 300, "total_assets_max": "5000万"}
    period = {"first_year": 2023, "last_year": 2027, "source": "s", "bands": [band]}
    validate(SmallLowProfit, {**base, "periods": [period]})
    with pytest.raises(ValidationError, match="overlap"):
        validate(SmallLowProfit, {**base, "periods": [period, {**period, "first_year": 2027, "last_year": 2028}]})
    with pytest.raises(ValidationError, match="last band"):
        validate(SmallLowProfit, {**base, "periods": [{**period, "bands": [{**band, "up_to": "100万"}]}]})


def test_xinzhou_5_agrees_with_the_reference_data():
    # Xinzhou 2022:5a keeps its own bands (a progressive award cannot yet read reference data);
    # this holds them to the national figures: relief = statutory 25% − effective rate, per band.
    catalog = load_catalog()
    measure = catalog.measures["xinzhou-2022:5a"]
    ref = catalog.reference
    statutory = ref.series["statutory_income_tax_rate"].at(2022)
    period = ref.small_low_profit.period(2022)
    assert isinstance(measure.award, Progressive) and period is not None
    assert [(b.up_to, b.rate) for b in measure.award.bands] == [
        (b.up_to, statutory - b.effective) for b in period.bands
    ]
    bounds = {c.fact.text: c.value for c in iter_comparisons(measure.when) if c.op == "<="}
    slp = ref.small_low_profit
    assert bounds == {
        "taxable_income": slp.taxable_income_max,
        "employees": slp.employees_max,
        "total_assets": slp.total_assets_max,
    }
