"""The profile JSON Schema: generated from the vocabulary, shipped current, and agreeing with the
profile reader on the sample companies, the bad-profile corpus and the ways amounts are written."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.engine.compiled import load_catalog
from polcalc.i18n.messages import ProfileError
from polcalc.inputs.profiles import validate_profile
from polcalc.inputs.schema import MONTH_PATTERN, YEAR_PATTERN, build_schema, render_schema
from polcalc.model.profile import MAX_YEAR, MIN_YEAR, TOP_KEYS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "docs" / "profile.schema.json"
SAMPLES = sorted((ROOT / "sample_companies").glob("*.toml"))
BAD = ROOT / "tests" / "bad_profiles"
CATALOG = load_catalog()
VOCAB = CATALOG.vocabulary
SCHEMA = build_schema(CATALOG.vocabulary)
VALIDATOR = Draft202012Validator(SCHEMA)


def schema_errors(data: dict) -> list[str]:
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(data)]


def reader_accepts(data: dict) -> bool:
    try:
        validate_profile(data, "test", VOCAB)
    except ProfileError:
        return False
    return True


def test_shipped_schema_is_generated_from_the_current_rules():
    assert SHIPPED.read_text(encoding="utf-8") == render_schema(CATALOG.vocabulary), (
        "docs/profile.schema.json is stale: run polcalc schema > docs/profile.schema.json"
    )


def test_schema_command_prints_the_shipped_schema():
    res = CliRunner().invoke(app, ["schema"])
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout) == json.loads(SHIPPED.read_text(encoding="utf-8"))


def test_it_is_a_valid_draft_2020_12_schema():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


def test_top_level_keys_follow_the_profile_model_and_admit_no_other():
    assert tuple(SCHEMA["properties"]) == TOP_KEYS
    assert SCHEMA["additionalProperties"] is False and SCHEMA["required"] == ["name", "region"]
    assert schema_errors({"name": "x", "region": "xishan", "$schema": "x"})  # why profiles use #:schema


def test_enums_and_keys_come_from_the_vocabulary():
    props = SCHEMA["properties"]
    assert props["region"]["enum"] == list(VOCAB.regions)
    assert props["industry"]["enum"] == list(VOCAB.industries)
    assert props["size"]["enum"] == ["micro", "small", "medium", "large"]
    assert set(props["status"]["properties"]) == set(VOCAB.status)
    (year_figures,) = props["years"]["patternProperties"].values()
    assert set(year_figures["properties"]) == set(VOCAB.figures)  # derived figures are computed, never written
    (month_figures,) = props["months"]["patternProperties"].values()
    assert set(month_figures["properties"]) == {n for n, f in VOCAB.figures.items() if f.monthly}
    assert props["recognitions"]["items"]["properties"]["kind"]["enum"] == list(VOCAB.recognitions)
    assert props["events"]["items"]["properties"]["kind"]["enum"] == list(VOCAB.events)


def test_descriptions_are_bilingual():
    props = SCHEMA["properties"]
    (year_figures,) = props["years"]["patternProperties"].values()
    revenue = year_figures["properties"]["revenue"]["description"]
    assert "营业收入" in revenue and "operating revenue" in revenue and "yuan" in revenue and "元" in revenue
    docs = props["region"]["x-taplo"]["docs"]["enumValues"]
    assert docs[props["region"]["enum"].index("xishan")] == "昆明市西山区 / Xishan District, Kunming"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_company_validates(path: Path):
    assert schema_errors(tomllib.loads(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_names_the_schema_on_its_first_line(path: Path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "#:schema ../docs/profile.schema.json"
    assert (path.parent / first.split(" ", 1)[1]).resolve() == SHIPPED


def _bad_profiles() -> list[Path]:
    """The corpus files that are TOML at all: the rest (binary, GBK, syntax) no schema can see."""
    out = []
    for path in sorted(BAD.glob("*.toml")):
        try:
            tomllib.loads(path.read_bytes().decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
            continue
        if path.name != "too_large.toml":  # bad for its size only
            out.append(path)
    return out


@pytest.mark.parametrize("path", _bad_profiles(), ids=lambda p: p.name)
def test_the_schema_rejects_every_bad_profile_of_the_corpus(path: Path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert not reader_accepts(data)
    assert schema_errors(data), f"{path.name}: the reader refuses it, the schema lets it through"


# Values as people type them, for a money figure, a count and a share: schema and reader agree.
MONEY = ["3000万", "1.2亿", "3,000,000", "5000元", "1.5万元", "2亿元", " 300万 ", 3000000, 2.5, 0, 10**15 - 1]
NOT_MONEY = ["三千万", "1.2.3亿", "-5万", "5%", "3,00,000", "about 3000万", "", True, -1, "1e6", "１２３万", 10**15]


@pytest.mark.parametrize("value", MONEY + NOT_MONEY, ids=repr)
def test_schema_and_reader_agree_on_amounts(value):
    data = {"name": "x", "region": "xishan", "years": {"2020": {"revenue": value}}}
    assert (schema_errors(data) == []) == reader_accepts(data) == (value in MONEY)


@pytest.mark.parametrize(
    ("figure", "value", "ok"),
    [
        ("insured_employees", 150, True),
        ("insured_employees", 12.5, False),
        ("insured_employees", -3, False),
        ("insured_employees", "5%", False),
        ("building_occupancy_rate", "70%", True),
        ("building_occupancy_rate", 0.7, True),
        ("building_occupancy_rate", 1.5, False),
        ("phosphogypsum_used", 12000, True),
        ("phosphogypsum_used", "12,000", True),
        ("phosphogypsum_used", "1.2万", False),  # tonnes are plain numbers
        ("export_earnings", "50万", True),  # USD may use 万
    ],
)
def test_schema_and_reader_agree_on_counts_shares_and_quantities(figure: str, value, ok: bool):
    data = {"name": "x", "region": "xishan", "years": {"2020": {figure: value}}}
    assert reader_accepts(data) is ok
    assert (schema_errors(data) == []) is ok


def test_a_recognition_level_must_be_one_of_its_kinds_levels():
    base = {"name": "x", "region": "xishan"}
    good = {**base, "recognitions": [{"kind": "little_giant", "level": "national", "year": 2021}]}
    bad = {**base, "recognitions": [{"kind": "little_giant", "level": "city", "year": 2021}]}
    assert schema_errors(good) == [] and reader_accepts(good)
    assert schema_errors(bad) and not reader_accepts(bad)


def test_the_year_pattern_admits_exactly_the_readers_years():
    pattern = re.compile(YEAR_PATTERN)
    assert [y for y in range(1000, 10000) if pattern.match(str(y))] == list(range(MIN_YEAR, MAX_YEAR + 1))
    month = re.compile(MONTH_PATTERN)
    assert month.match(f"{MIN_YEAR}-01") and month.match(f"{MAX_YEAR}-12") and not month.match(f"{MAX_YEAR + 1}-01")


def test_years_and_months_keys_are_checked_like_the_reader():
    for key, ok in (("2020", True), ("1989", False), ("2101", False), ("20", False)):
        data = {"name": "x", "region": "xishan", "years": {key: {}}}
        assert (schema_errors(data) == []) is ok is reader_accepts(data), key
    for key, ok in (("2023-01", True), ("2023-13", False), ("2023-1", False)):
        data = {"name": "x", "region": "xishan", "months": {key: {"industrial_output": "1200万"}}}
        assert (schema_errors(data) == []) is ok is reader_accepts(data), key
    yearly_by_month = {"name": "x", "region": "xishan", "months": {"2023-01": {"revenue": "1200万"}}}
    assert schema_errors(yearly_by_month) and not reader_accepts(yearly_by_month)
