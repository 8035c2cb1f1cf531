"""The plain classes the cached catalog holds (polcalc.core.record): immutable values, validated by pydantic
only when rule files are read, and a warm start that never imports pydantic."""

from __future__ import annotations

import dataclasses
import os
import pickle
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import polcalc
from polcalc.core.record import Record
from polcalc.core.text import Text
from polcalc.engine import cache
from polcalc.engine.awards import Fixed, UpTo
from polcalc.engine.compiled import load_catalog
from polcalc.i18n.messages import ProfileError
from polcalc.inputs.profiles import validate_profile
from polcalc.model.conditions import FactRef, Selector, parse_fact
from polcalc.model.profile import PROFILE_KEYS, Key, Kind, Profile

# ---------------------------------------------------------------- records


def test_records_are_immutable_values():
    text = Text(zh="甲", en="a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        text.zh = "乙"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del text.en
    assert text == Text(zh="甲", en="a") and text != Text(zh="甲", en="b")
    assert hash(text) == hash(Text(zh="甲", en="a"))
    assert repr(text) == "Text(zh='甲', en='a')"
    assert dataclasses.replace(text, en="b") == Text(zh="甲", en="b")
    assert Fixed(kind="fixed", amount=Decimal(1)) != Text(zh="甲", en="a")


def test_records_take_values_by_position_or_name_and_refuse_others():
    assert Selector("since", ("2020",)) == Selector(name="since", args=("2020",))
    assert Selector("ever").args == ()
    with pytest.raises(TypeError, match="missing 'zh'"):
        Text(en="a")
    with pytest.raises(TypeError, match="unexpected 'fr'"):
        Text(zh="甲", en="a", fr="a")
    with pytest.raises(TypeError, match="given twice"):
        Selector("a", name="b")


def test_a_field_left_out_of_comparison_is_left_out_of_equality_and_hash():
    fact = parse_fact("recognized.little_giant.since(2020)")
    assert fact.text == "recognized.little_giant.since(2020)"
    assert fact == FactRef(fact.name, fact.selectors) and hash(fact) == hash(FactRef(fact.name, fact.selectors))
    assert "text=" not in repr(fact)  # field(repr=False)


def test_checks_of_a_record_run_when_it_is_built():
    with pytest.raises(ValueError, match="per needs max"):
        UpTo(kind="up_to", per=parse_fact("rent"))


def test_every_class_the_cached_catalog_holds_is_a_record_of_a_module_the_cache_key_covers():
    seen: set[int] = set()
    modules: set[str] = set()

    def walk(obj: Any) -> None:
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, dict):
            for key, value in obj.items():
                walk(key)
                walk(value)
        elif isinstance(obj, (list, tuple, set, frozenset)):
            for value in obj:
                walk(value)
        elif type(obj).__module__.startswith("polcalc."):
            assert isinstance(obj, Record) or type(obj).__name__ == "Catalog", type(obj)
            modules.add(type(obj).__module__.removeprefix("polcalc."))
            for value in vars(obj).values():  # what is pickled
                walk(value)

    catalog = load_catalog().rules()  # what the cache file holds
    walk(catalog)
    assert {
        "model.rules",
        "model.reference",
        "model.vocabulary",
        "core.text",
        "model.conditions",
        "engine.catalog",
    } <= modules
    package = Path(polcalc.__file__).parent
    assert all((package / (name.replace(".", "/") + ".py")).is_file() for name in modules)  # keyed: every source
    copy = pickle.loads(pickle.dumps(catalog))
    assert copy.measures == catalog.measures and copy.vocabulary == catalog.vocabulary


def test_the_cache_key_changes_with_any_source_file_of_the_package(tmp_path: Path):
    # Not only the pickled classes' modules: how 万 is read (core/money.py, model/quantity.py)
    # shapes the amounts a catalog holds just as much (issue 11: a stale cap of 30万 for 60万).
    code = tmp_path / "polcalc"
    shutil.copytree(Path(polcalc.__file__).parent, code, ignore=shutil.ignore_patterns("__pycache__"))
    rule = tmp_path / "r.toml"
    rule.write_text("x = 1\n")
    key = cache.key_of([rule], code)
    assert key == cache.key_of([rule], code)
    for edited in ("model/rules.py", "model/quantity.py", "core/money.py", "formats/table.py"):
        with (code / edited).open("a") as fh:
            fh.write("# an edit\n")
        changed = cache.key_of([rule], code)
        assert changed != key, edited
        key = changed
    (code / "model" / "new_module.py").write_text("X = 1\n")
    assert cache.key_of([rule], code) != key


# ---------------------------------------------------------------- a warm start

WARM_RUN = """
import sys
from polcalc.engine.compiled import load_catalog
from polcalc.engine.evaluate import evaluate_company
from polcalc.formats.jsonfmt import dumps
from polcalc.inputs.profiles import read_profile
catalog = load_catalog()
profile = read_profile("p.toml", open(sys.argv[1], "rb").read(), catalog.vocabulary)
company = evaluate_company(profile, catalog, __import__("datetime").date(2020, 6, 30))
print(len(company.results), *sorted(m for m in ("pydantic", "pydantic_core", "rich") if m in sys.modules))
"""


def test_a_warm_cache_evaluates_a_company_without_importing_pydantic_or_rich(tmp_path: Path):
    profile = Path(__file__).parents[1] / "sample_companies" / "anning-manufacturer.toml"
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(polcalc.__file__).parents[1]),
        "XDG_CACHE_HOME": str(tmp_path),
        "POLCALC_NO_CACHE": "",
    }
    runs = [
        subprocess.run([sys.executable, "-c", WARM_RUN, str(profile)], env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    assert all(r.returncode == 0 for r in runs), runs[0].stderr + runs[1].stderr
    cold, warm = (r.stdout.split() for r in runs)
    assert "pydantic" in cold  # the first run validated the rule files
    assert int(warm[0]) > 0 and warm[1:] == []


# ---------------------------------------------------------------- a profile's remaining type checks


def _agree(record: type, keys: dict[str, Key]) -> None:
    assert tuple(keys) == tuple(f.name for f in dataclasses.fields(record))
    for f in dataclasses.fields(record):
        no_default = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        assert keys[f.name].required is no_default, f"{record.__name__}.{f.name}"


def test_the_format_names_the_fields_of_the_records_it_is_read_into():
    """PROFILE_KEYS is the format, the records what it is read into: the same keys in the same
    order, and a key a profile must have is a field without a default."""
    _agree(Profile, PROFILE_KEYS)
    dated = [spec for spec in PROFILE_KEYS.values() if spec.kind == Kind.DATED]
    assert len(dated) == 2
    for spec in dated:
        assert spec.record is not None and spec.entry
        _agree(spec.record, spec.entry)
    assert all(not spec.entry for spec in PROFILE_KEYS.values() if spec.kind != Kind.DATED)


def _problems(data: dict[str, Any]) -> list[str]:
    with pytest.raises(ProfileError) as info:
        validate_profile({"name": "x", "region": "xishan", **data}, "p.toml", load_catalog().vocabulary)
    return [p.render("en") for p in info.value.problems]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"name": ""}, ["name: String should have at least 1 character"]),
        ({"notes": 3}, ["notes: Input should be a valid string"]),
        ({"size": 3}, ["size: Input should be 'micro', 'small', 'medium' or 'large'"]),
        ({"status": "yes"}, ["status: Input should be a valid dictionary"]),
        ({"years": [1]}, ["years: Input should be a valid dictionary"]),
        ({"events": {"kind": "x"}}, ["events: Input should be a valid tuple"]),
        (
            {"events": [{"year": 2020, "when": 1}]},
            ["events[0].kind: Field required", "events[0].when: Extra inputs are not permitted"],
        ),
        (
            {"events": [{"kind": "tax_evasion", "year": 2020.5}]},
            ["events[0].year: Input should be a valid integer, got a number with a fractional part"],
        ),
        (
            {"events": [{"kind": "tax_evasion", "year": "soon"}]},
            ["events[0].year: Input should be a valid integer, unable to parse string as an integer"],
        ),
        ({"events": [{"kind": "tax_evasion", "year": [2020]}]}, ["events[0].year: Input should be a valid integer"]),
        (
            {"events": [{"kind": "tax_evasion", "year": Decimal("NaN")}]},
            ["events[0].year: Input should be a finite number"],
        ),
        (
            {"recognitions": [{"kind": "little_giant", "level": 3, "year": "x", "zz": 1}]},
            [
                "recognitions[0].level: Input should be a valid string",
                "recognitions[0].year: Input should be a valid integer, unable to parse string as an integer",
                "recognitions[0].zz: Extra inputs are not permitted",
            ],
        ),
        (
            {"events": [{"kind": "tax_evasion", "year": 2020, "note": 1}]},
            ["events[0].note: Input should be a valid string"],
        ),
    ],
)
def test_a_value_of_the_wrong_type_is_named_as_pydantic_named_it(data: dict[str, Any], expected: list[str]):
    assert _problems(data) == expected


def test_a_year_is_read_as_leniently_as_pydantic_read_it():
    vocab = load_catalog().vocabulary
    kind = next(iter(vocab.events))
    for year in ("2020", " 2020 ", Decimal("2020.0"), 2020.0, "2020.0"):
        profile = validate_profile(
            {"name": "x", "region": "xishan", "events": [{"kind": kind, "year": year}]}, "p", vocab
        )
        assert isinstance(profile, Profile) and profile.events[0].year == 2020 and type(profile.events[0].year) is int


def test_the_cached_catalog_holds_the_rules_not_what_is_compiled_from_them():
    import datetime as dt
    import pickle

    from polcalc.engine.evaluate import evaluate_company
    from tests.conftest import make_profile

    catalog = load_catalog()
    evaluate_company(make_profile({"name": "x", "region": "xishan"}), catalog, dt.date(2020, 6, 30))
    assert catalog.resolvers  # compiled once, owned by the rules
    assert catalog.plan(catalog.measures["xishan-2020:19.2"]) is catalog.plan(catalog.measures["xishan-2020:19.2"])
    copy = pickle.loads(pickle.dumps(catalog))
    assert copy.resolvers == {} and copy.measures == catalog.measures and copy.vocabulary == catalog.vocabulary


def _module_tables() -> dict[tuple[str, str], int]:
    """The size of every dict, list and set held at module level in polcalc."""
    return {
        (name, key): len(value)
        for name, module in list(sys.modules.items())
        if name.startswith("polcalc")
        for key, value in vars(module).items()
        if isinstance(value, (dict, list, set))
    }


def test_what_is_derived_from_the_rules_is_kept_by_the_compiled_rules_not_by_a_module():
    import datetime as dt

    from polcalc.engine.compiled import Compiled
    from polcalc.engine.evaluate import evaluate_company
    from polcalc.engine.nearmiss import company_near_misses
    from polcalc.views.results import company_dict
    from polcalc.views.warnings import profile_warnings

    samples = sorted((Path(__file__).parents[1] / "sample_companies").glob("*.toml"))
    as_of = dt.date(2023, 6, 30)

    def run(rules: Compiled) -> None:
        for path in samples:
            from polcalc.inputs.profiles import read_profile

            profile = read_profile(str(path), path.read_bytes(), rules.vocabulary)
            company = evaluate_company(profile, rules, as_of)
            company.near_misses = company_near_misses(company, rules, as_of)
            for lang in ("zh", "en"):
                company_dict(company, lang, vocab=rules.vocabulary)
                profile_warnings(company, rules, lang)

    run(load_catalog())  # what is keyed by value (a class's layout, a word) is filled here
    before = _module_tables()
    second = Compiled.of(load_catalog().rules())
    run(second)
    assert second.resolvers and second.fixed_fields and second._years_read
    assert _module_tables() == before  # a second copy of the rules added nothing to any module
