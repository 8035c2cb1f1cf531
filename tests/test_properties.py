"""Properties over generated valid profiles (hypothesis): no exception, no amount negative or
above its cap, amounts monotone in the figure that drives a tier, json and table agree, and the
same profile evaluated twice gives the same result, csv writes json's fields."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polcalc.cli.commands.screen import COMPANY_COLUMNS
from polcalc.engine.awards import Tiers
from polcalc.engine.compiled import load_catalog
from polcalc.engine.evaluate import ELIGIBLE, evaluate_company, evaluate_measure
from polcalc.formats.csvfmt import CHECK_COLUMNS, SCREEN_FIELDS, CsvCheck, cell, result_line, row_text
from polcalc.formats.jsonfmt import dumps
from polcalc.formats.table import TableCheck
from polcalc.i18n.numbers import money
from polcalc.model.profile import Event, Profile, Recognition
from polcalc.views.results import company_dict, company_view, failed_reasons, result_view

CATALOG = load_catalog()
VOCAB = CATALOG.vocabulary
AS_OF = dt.date(2022, 6, 30)
REGIONS = sorted({p.region for p in CATALOG.policies.values()})  # those with documents of their own
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _years(region: str) -> list[int]:
    years = {(m.year or CATALOG.policy_of(m).year) for m in CATALOG.measures_for(region=region)}
    return sorted({y - k for y in years for k in (0, 1, 2)})


def _value(unit: str):
    if unit == "rank":
        return st.integers(1, 50).map(Decimal)
    if unit == "count":
        return st.integers(0, 3000).map(Decimal)
    if unit == "ratio":
        return st.integers(0, 10_000).map(lambda n: Decimal(n) / 10_000)
    # Money and physical quantities: whole yuan up to 50亿, skewed towards realistic sizes.
    return st.one_of(st.integers(0, 10**7), st.integers(0, 5 * 10**9)).map(Decimal)


@st.composite
def profiles(draw, region: str | None = None) -> Profile:
    region = region or draw(st.sampled_from(REGIONS))
    years = _years(region)
    figures = sorted(VOCAB.figures)
    data_years = {}
    for year in years:
        chosen = draw(st.lists(st.sampled_from(figures), unique=True, max_size=len(figures)))
        data_years[year] = {f: draw(_value(VOCAB.figures[f].unit)) for f in chosen}
    monthly = [f for f, spec in VOCAB.figures.items() if spec.monthly]
    months = {}
    for year in years[-2:]:
        for month in (1, 2, 3):
            if draw(st.booleans()):
                months[f"{year}-{month:02d}"] = {f: draw(_value("yuan")) for f in monthly}
    status = draw(st.dictionaries(st.sampled_from(sorted(VOCAB.status)), st.booleans()))
    recognitions = draw(
        st.lists(
            st.sampled_from(sorted(VOCAB.recognitions)).flatmap(
                lambda k: st.tuples(st.just(k), st.sampled_from(VOCAB.recognitions[k].levels), st.sampled_from(years))
            ),
            max_size=3,
        )
    )
    events = draw(st.lists(st.tuples(st.sampled_from(sorted(VOCAB.events)), st.sampled_from(years)), max_size=2))
    return Profile(
        name="generated",
        region=region,
        industry=draw(st.none() | st.sampled_from(sorted(VOCAB.industries))),
        size=draw(st.none() | st.sampled_from(["micro", "small", "medium", "large"])),
        status=status,
        years=data_years,
        months=months,
        recognitions=tuple(Recognition(kind=k, level=lv, year=y) for k, lv, y in recognitions),
        events=tuple(Event(kind=k, year=y) for k, y in events),
    )


@SETTINGS
@given(profiles())
def test_amounts_are_never_negative_nor_above_their_cap(profile: Profile):
    for r in evaluate_company(profile, CATALOG, AS_OF).results:
        assert r.status in ("eligible", "ineligible", "needs_data")
        for value in (r.amount, r.amount_max, r.computed.amount_min):
            if value is not None:
                assert value >= 0, r.id
                if r.cap is not None:
                    assert value <= r.cap, (r.id, value, r.cap)
        if r.amount is not None and r.amount_max is not None:
            assert r.amount <= r.amount_max, r.id


@SETTINGS
@given(profiles(), st.sampled_from(["en", "zh"]))
def test_a_result_view_shows_amounts_only_when_eligible_and_the_measures_cap_unless_the_awards(
    profile: Profile, lang: str
):
    # The one place a field's value is decided: the table, the calendar, the csv and the json
    # all read it there.
    company = evaluate_company(profile, CATALOG, AS_OF)
    for r, view in zip(company.results, company_view(company, lang).results, strict=True):
        assert view.measure.id == r.id and view.status == r.status and view.eligible == (r.status == ELIGIBLE)
        amounts = (view.amount, view.amount_max, view.amount_min)
        c = r.computed
        assert amounts == ((c.amount, c.amount_max, c.amount_min) if view.eligible else (None, None, None))
        assert view.cap == r.cap  # the award's, else the measure's
        assert view.missing == (() if view.eligible else r.missing)
        assert view.tier == (c.tier.get(lang) if view.eligible and c.tier else None)


@SETTINGS
@given(profiles())
def test_evaluating_twice_gives_the_same_result(profile: Profile):
    first = dumps(company_dict(evaluate_company(profile, CATALOG, AS_OF)))
    second = dumps(company_dict(evaluate_company(profile, CATALOG, AS_OF)))
    assert first == second


@SETTINGS
@given(profiles())
def test_json_and_table_agree_on_every_amount(profile: Profile):
    company = evaluate_company(profile, CATALOG, AS_OF, "generated.toml")
    data = json.loads(dumps(company_dict(company)))
    out = io.StringIO()
    table = TableCheck(out, as_of=AS_OF, lang="en", show_all=True)
    table.console.width = 400  # one row per line, so each amount can be found whole
    table.company(company_view(company, "en"))
    text = out.getvalue()
    for r in data["results"]:
        if r["status"] == ELIGIBLE and r["amount"] is not None:
            assert money(Decimal(str(r["amount"])), "en") in text, r["id"]  # ¥460,000.00 in English


@SETTINGS
@given(profiles(), st.sampled_from(["en", "zh"]))
def test_csv_writes_the_fields_of_the_json(profile: Profile, lang: str):
    # CSV rows are encoded as text from result_dict's fields, measure by measure: they must agree.
    profile = dataclasses.replace(profile, name='Firm "A", Ltd\nsecond line')
    company = evaluate_company(profile, CATALOG, AS_OF, "dir, with comma/generated.toml")
    data = company_dict(company, lang)
    expected = io.StringIO()
    writer = csv.writer(expected, lineterminator="\n")
    for r in data["results"]:
        writer.writerow([cell({**r, **data}[c]) for c in CHECK_COLUMNS])
    out = io.StringIO()
    assert CsvCheck(out).render(company_view(company, lang)).decode("utf-8") == expected.getvalue()
    # screen's columns: its own company fields, then the result's without benefit and missing
    assert COMPANY_COLUMNS[4:] == ["measure", *SCREEN_FIELDS[1:]]  # its header names id "measure"
    head = row_text(["C1", 7, profile.name, profile.region]) + ","
    screened = io.StringIO()
    writer = csv.writer(screened, lineterminator="\n")
    for r in data["results"]:
        writer.writerow(["C1", 7, profile.name, profile.region, *(cell(r[k]) for k in SCREEN_FIELDS)])
    lines = (result_line(result_view(r, lang), head, check=False) for r in company.results)
    assert "".join(lines) == screened.getvalue()


@SETTINGS
@given(profiles(), st.sampled_from(["en", "zh"]))
def test_a_companys_reasons_read_as_each_results_own(profile: Profile, lang: str):
    # company_dict words each fact once for all its results: the reasons must be those of each alone.
    company = evaluate_company(profile, CATALOG, AS_OF)
    data = company_dict(company, lang)
    assert [r["reasons"] for r in data["results"]] == [
        [] if r.status == ELIGIBLE else failed_reasons(r, lang) for r in company.results
    ]


def _tier_drivers():
    """(measure, year, figure) for every tiered measure whose tiers compare a yearly figure."""
    out = []
    for m in CATALOG.measures.values():
        if not isinstance(m.award, Tiers):
            continue
        year = m.year or CATALOG.policy_of(m).year
        for tier in m.award.tiers:
            for cond in tier.when:
                fact = getattr(cond, "fact", None)
                if (
                    fact is not None
                    and fact.name in VOCAB.figures
                    and all(s.name in ("growth", "increase") for s in fact.selectors)
                    and getattr(cond, "op", "") in (">=", ">")
                ):
                    out.append((m.id, year, fact.name))
    return sorted(set(out))


DRIVERS = _tier_drivers()


@SETTINGS
@given(st.sampled_from(DRIVERS), st.data())
def test_amounts_are_monotone_in_the_figure_that_drives_a_tier(driver, data):
    measure_id, year, figure = driver
    measure = CATALOG.measures[measure_id]
    profile = data.draw(profiles(CATALOG.policy_of(measure).region))
    low, high = sorted(data.draw(st.tuples(_value("yuan"), _value("yuan"))))
    results = [evaluate_measure(measure, profile.with_figure(year, figure, v), CATALOG, AS_OF) for v in (low, high)]
    if all(r.status == ELIGIBLE and r.amount is not None for r in results):
        assert results[0].amount <= results[1].amount, (measure_id, low, high)
