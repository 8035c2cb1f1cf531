"""Regions nest, and a jurisdiction is a rule file: the walkthrough of docs/rules.md, followed.

The example rule file is taken from docs/rules.md as written and loaded beside the shipped
rules, so the document cannot drift from what polcalc accepts.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from polcalc.engine.catalog import RuleError, rules_dir
from polcalc.engine.compiled import _load_catalog, load_catalog
from polcalc.engine.evaluate import ELIGIBLE, evaluate_company
from polcalc.inputs.profiles import validate_profile

DOC = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
AS_OF = dt.date(2020, 6, 30)


def _example() -> str:
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## Adding a jurisdiction") :]
    return re.search(r"```toml\n(.*?)```", section, re.S)[1]


@pytest.fixture
def rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The shipped rules copied, the caller adding files; the cache kept apart."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    target = tmp_path / "rules"
    shutil.copytree(rules_dir(), target)

    def load(extra: str | None = None, name: str = "kunming-example.toml"):
        if extra is not None:
            (target / name).write_text(extra, encoding="utf-8")
        _load_catalog.cache_clear()
        return load_catalog(target)

    yield load
    _load_catalog.cache_clear()


def _grower(catalog, region: str, industry: str = "equipment_manufacturing"):
    """An above-scale maker whose output grew 15% in 2020: the example's article 1 pays 5万."""
    data = {
        "name": "增长",
        "region": region,
        "industry": industry,
        "status": {"above_scale": True},
        "years": {"2019": {"industrial_output": "2亿"}, "2020": {"industrial_output": "2.3亿"}},
    }
    return validate_profile(data, "test", catalog.vocabulary)


def _ids(catalog, profile) -> dict[str, str]:
    return {r.id: r.status for r in evaluate_company(profile, catalog, AS_OF).results}


def test_shipped_districts_lie_in_their_cities():
    vocab = load_catalog().vocabulary
    assert vocab.ancestry("xishan") == ("xishan", "kunming")
    assert vocab.ancestry("anning") == ("anning", "kunming")
    assert vocab.ancestry("yangquan-chengqu") == ("yangquan-chengqu", "yangquan")
    assert vocab.ancestry("xinzhou") == ("xinzhou",)


def test_a_city_document_applies_to_its_districts_not_to_another_city(rules):
    catalog = rules(_example())
    xishan = _ids(catalog, _grower(catalog, "xishan"))
    assert xishan["kunming-example:1"] == ELIGIBLE and "xishan-2020:19.2" in xishan
    assert (
        _ids(catalog, _grower(catalog, "anning"))["kunming-example:1"] == ELIGIBLE
    )  # a county-level city under Kunming
    assert "kunming-example:1" not in _ids(catalog, _grower(catalog, "yangquan-chengqu"))
    assert "kunming-example:1" not in _ids(catalog, _grower(catalog, "xinzhou"))
    # The city's own list holds its own measures, a district's holds the city's too.
    assert [m.id for m in catalog.measures_for(region="kunming")] == ["kunming-example:1", "kunming-example:2"]
    assert {"kunming-example:1", "xishan-2020:19.2"} <= {m.id for m in catalog.measures_for(region="xishan")}


def test_the_walkthroughs_file_adds_a_district_and_an_industry(rules):
    catalog = rules(_example())
    assert catalog.vocabulary.ancestry("wuhua") == ("wuhua", "kunming")
    tea = _ids(catalog, _grower(catalog, "wuhua", "tea_processing"))
    assert tea == {"kunming-example:1": ELIGIBLE, "kunming-example:2": ELIGIBLE}  # only the city's document
    # 9.99% growth (2亿 → 2.1998亿) is just under the example's 10%; exactly 10% passes.
    just_under = _grower(catalog, "wuhua", "tea_processing").with_figure(2020, "industrial_output", 219_980_000)
    assert _ids(catalog, just_under)["kunming-example:1"] != ELIGIBLE
    at = _grower(catalog, "wuhua", "tea_processing").with_figure(2020, "industrial_output", 220_000_000)
    assert _ids(catalog, at)["kunming-example:1"] == ELIGIBLE


def test_the_shipped_rules_do_not_change_when_the_city_has_no_document(rules):
    catalog = rules()
    assert catalog.measures_for(region="kunming") == []
    assert [m.id for m in catalog.measures_for(region="xishan")] == [
        m.id for m in catalog.measures.values() if catalog.policy_of(m).region == "xishan"
    ]


@pytest.mark.parametrize(
    ("region", "problem"),
    [
        (
            '[regions.wuhua]\nzh = "五华区"\nen = "Wuhua"\nparent = "kunmign"\n',
            "kunming-example.toml: regions.wuhua.parent: 'kunmign' is not a region",
        ),
        ('[regions.xishan]\nzh = "西山区"\nen = "Xishan"\n', "regions.xishan: already defined"),
    ],
)
def test_a_bad_region_fails_loudly_with_its_file_and_key(rules, region: str, problem: str):
    with pytest.raises(RuleError) as caught:
        rules(_example().replace(_example()[_example().index("[regions.wuhua]") :], region))
    assert problem in " ".join(caught.value.problems)


def test_a_circle_of_regions_is_refused(rules):
    circle = '[regions.wuhua]\nzh = "五华区"\nen = "Wuhua"\nparent = "wuhua"\n'
    with pytest.raises(RuleError) as caught:
        rules(_example().replace(_example()[_example().index("[regions.wuhua]") :], circle))
    assert "a circle" in " ".join(caught.value.problems)


def test_a_file_may_repeat_a_region_as_declared_but_not_change_it(rules):
    """Two documents of one city both declare it: the same entry is accepted, a different one is not."""
    same = '\n[regions.kunming]\nzh = "昆明市"\nen = "Kunming"\n'
    assert rules(_example() + same).vocabulary.regions["kunming"].en == "Kunming"
    with pytest.raises(RuleError) as caught:
        rules(_example() + same.replace('en = "Kunming"', 'en = "Kunming City"'))
    assert (
        "kunming-example.toml: regions.kunming: already defined differently in common/vocabulary.toml"
        in caught.value.problems
    )
