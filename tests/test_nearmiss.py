"""Near misses are promises: applying a hint to the profile must yield exactly what it says."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from polcalc.engine.compiled import load_catalog
from polcalc.engine.evaluate import evaluate_company, evaluate_measure
from polcalc.engine.nearmiss import near_misses
from polcalc.inputs.profiles import read_profile
from tests.conftest import make_profile

AS_OF = dt.date(2020, 6, 30)
SAMPLES = sorted(Path("sample_companies").glob("*.toml"))


def output_profile(prev: str, cur: str) -> dict:
    return {
        "name": "m",
        "region": "xishan",
        "industry": "equipment_manufacturing",
        "size": "medium",
        "status": {"above_scale": True, "strategic_emerging": False},
        "years": {2019: {"industrial_output": prev}, 2020: {"industrial_output": cur}},
    }


def hints_for(measure_id: str, data: dict):
    catalog = load_catalog()
    profile = make_profile(data)
    result = next(r for r in evaluate_company(profile, catalog, AS_OF).results if r.id == measure_id)
    return result, near_misses(result, profile, catalog, AS_OF)


def test_19_2_growth_8_7pct_needs_260wan_more_output_for_22wan():
    result, hints = hints_for("xishan-2020:19.2", output_profile("2亿", "2.174亿"))
    assert result.status == "ineligible"
    (hint,) = hints
    assert hint.key == "years.2020.industrial_output"
    assert hint.needed == Decimal("220000000") and hint.change == Decimal("2600000")
    assert hint.amount_after == Decimal("220000")


def test_19_2_hint_one_yuan_short_of_the_threshold_is_not_enough():
    # The hint's figure is the least that works: one yuan less fails.
    catalog = load_catalog()
    _, (hint,) = hints_for("xishan-2020:19.2", output_profile("2亿", "2.174亿"))
    profile = make_profile(output_profile("2亿", "2.174亿")).with_figure(2020, "industrial_output", hint.needed - 1)
    assert evaluate_measure(catalog.measures["xishan-2020:19.2"], profile, catalog, AS_OF).status == "ineligible"


def test_19_2_eligible_firm_is_shown_the_next_tier():
    result, hints = hints_for("xishan-2020:19.2", output_profile("2亿", "2.3亿"))
    assert result.amount == Decimal("460000")
    (hint,) = hints
    assert hint.needed == Decimal("240000000") and hint.amount_after == Decimal("720000")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_hint_on_every_sample_keeps_its_promise(path: Path):
    catalog = load_catalog()
    for as_of in (AS_OF, dt.date(2023, 3, 1)):
        profile = read_profile(str(path), path.read_bytes(), catalog.vocabulary)
        for result in evaluate_company(profile, catalog, as_of).results:
            for hint in near_misses(result, profile, catalog, as_of):
                changed = profile.with_figure(hint.year, hint.figure, hint.needed)
                after = evaluate_measure(result.measure, changed, catalog, as_of)
                assert after.status == "eligible", (result.id, hint)
                worth = after.amount if after.amount is not None else after.amount_max
                assert worth == hint.amount_after, (result.id, hint)


def test_no_hint_from_nothing():
    # A firm with no output in 2020 at all is not "near" the 10% growth of 19.2.
    result, hints = hints_for("xishan-2020:19.2", output_profile("2亿", "0"))
    assert result.status == "ineligible" and hints == []


def test_a_company_keeps_hint_objects_and_every_format_words_them_alike():
    # The engine holds Hints (no language); the json's dict and the table word them through
    # views.hints, so the sentence a person reads is the one a script reads.
    import io

    from polcalc.engine.hint import Hint
    from polcalc.engine.nearmiss import company_near_misses
    from polcalc.formats.table import TableCheck
    from polcalc.views.results import company_dict, company_view

    catalog = load_catalog()
    sample = Path("sample_companies/xishan-machinery.toml")
    profile = read_profile(str(sample), sample.read_bytes(), catalog.vocabulary)
    company = evaluate_company(profile, catalog, AS_OF)
    company.near_misses = company_near_misses(company, catalog, AS_OF)
    assert company.near_misses and all(isinstance(h, Hint) for h in company.near_misses)
    with pytest.raises(ValueError):
        company_dict(company, "zh")  # hints without the vocabulary cannot be worded
    data = company_dict(company, "zh", vocab=catalog.vocabulary)
    out = io.StringIO()
    TableCheck(out, as_of=AS_OF, lang="zh").company(company_view(company, "zh", catalog.vocabulary))
    assert [h["measure"] for h in data["near_misses"]] == [h.measure_id for h in company.near_misses]
    printed = "".join(out.getvalue().split())  # the table wraps long lines to its width
    assert all("".join(h["text"].split()) in printed for h in data["near_misses"])
