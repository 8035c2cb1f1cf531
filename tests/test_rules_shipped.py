"""The shipped rules as a whole: clean under `rules check`, the contract's ids present, every
article of every document a measure, and a company never shown another region's measure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from polcalc.engine.compiled import load_catalog
from polcalc.engine.evaluate import evaluate_company
from polcalc.engine.lint import rule_problems
from polcalc.inputs.profiles import read_profile

CONTRACT_IDS = [
    "xishan-2020:19.2",
    "xishan-2020:9.3.6",
    "xishan-2020:3.2",
    "anning-2020:5",
    "xinzhou-2022:13",
    "xishan-2022:23",
    "yangquan-chengqu-2023-industry:15",
    "yangquan-chengqu-2023-investment:7",
    "xishan-2020:13.1a",
    "xishan-2020:13.1b",
    "yangquan-chengqu-2023-industry:2a",
    "yangquan-chengqu-2023-industry:2b",
]
POLICIES = {
    "anning-2020": "anning",
    "xinzhou-2022": "xinzhou",
    "xishan-2020": "xishan",
    "xishan-2022": "xishan",
    "yangquan-chengqu-2023-industry": "yangquan-chengqu",
    "yangquan-chengqu-2023-investment": "yangquan-chengqu",
}


def test_shipped_rules_pass_rules_check():
    assert rule_problems() == []


def test_the_six_documents_and_their_regions():
    catalog = load_catalog()
    assert {pid: p.region for pid, p in catalog.policies.items()} == POLICIES


@pytest.mark.parametrize("measure_id", CONTRACT_IDS)
def test_contract_ids_exist(measure_id: str):
    assert measure_id in load_catalog().measures


def test_article_counts_match_the_documents():
    # Anning 10, Xinzhou 18, Yangquan industry 20, investment 18, Xishan 2022 draft 31,
    # Xishan 2020: 20 numbered articles (72 sub-articles) plus the unnumbered closing section.
    catalog = load_catalog()
    counts = {pid: len(p.articles) for pid, p in catalog.policies.items()}
    assert counts == {
        "anning-2020": 10,
        "xinzhou-2022": 18,
        "yangquan-chengqu-2023-industry": 20,
        "yangquan-chengqu-2023-investment": 18,
        "xishan-2022": 31,
        "xishan-2020": 72,
    }
    top = {a.split(".")[0] for a in catalog.policies["xishan-2020"].articles}
    assert top == {str(n) for n in range(1, 22)}


def test_only_the_draft_is_a_draft():
    catalog = load_catalog()
    assert [pid for pid, p in catalog.policies.items() if p.draft] == ["xishan-2022"]


@pytest.mark.parametrize("path", sorted(Path("sample_companies").glob("*.toml")), ids=lambda p: p.stem)
def test_a_sample_sees_only_its_own_regions_measures(path: Path):
    catalog = load_catalog()
    profile = read_profile(str(path), path.read_bytes(), catalog.vocabulary)
    results = evaluate_company(profile, catalog, dt.date(2023, 1, 1)).results
    assert {r.policy.region for r in results} == {profile.region}
    assert len(results) == len(catalog.measures_for(region=profile.region))
