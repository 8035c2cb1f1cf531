"""The validated-rules cache: used when the rule files are unchanged, rebuilt when one changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from polcalc.engine import catalog as catalog_module
from polcalc.engine.catalog import rules_dir
from polcalc.engine.compiled import _load_catalog


@pytest.fixture
def rules_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("POLCALC_NO_CACHE", raising=False)
    target = tmp_path / "rules"
    shutil.copytree(rules_dir(), target)
    _load_catalog.cache_clear()
    yield target
    _load_catalog.cache_clear()


def _count_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = catalog_module.build_catalog

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(catalog_module, "build_catalog", counting)
    return calls


def test_second_start_reads_the_cache(rules_copy: Path, monkeypatch: pytest.MonkeyPatch):
    builds = _count_builds(monkeypatch)
    first = _load_catalog(str(rules_copy))
    _load_catalog.cache_clear()
    second = _load_catalog(str(rules_copy))
    assert len(builds) == 1
    assert list(second.measures) == list(first.measures)
    assert second.measures["xishan-2020:19.2"] == first.measures["xishan-2020:19.2"]


def test_the_cache_keeps_the_years_each_region_reads(rules_copy: Path, monkeypatch: pytest.MonkeyPatch):
    from polcalc.engine import reads

    _load_catalog(str(rules_copy))
    _load_catalog.cache_clear()
    derived: list[str] = []
    real = reads.years_read
    monkeypatch.setattr("polcalc.engine.compiled.years_read", lambda c, r: derived.append(r) or real(c, r))
    warm = _load_catalog(str(rules_copy))
    assert warm.years_read("xishan") == real(warm, "xishan")
    assert warm.years_read("xishan")[0] >= {2019}  # 2020's measures read the year before
    assert derived == []  # read from the cache, for every region, not derived again
    assert set(warm._years_read) == set(warm.regions)


def test_an_edited_rule_file_is_validated_again(rules_copy: Path, monkeypatch: pytest.MonkeyPatch):
    builds = _count_builds(monkeypatch)
    _load_catalog(str(rules_copy))
    path = rules_copy / "anning-2020.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('"50%"', '"40%"', 1), encoding="utf-8")
    _load_catalog.cache_clear()
    _load_catalog(str(rules_copy))
    assert len(builds) == 2


def test_the_cache_can_be_turned_off(rules_copy: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("POLCALC_NO_CACHE", "1")
    builds = _count_builds(monkeypatch)
    _load_catalog(str(rules_copy))
    _load_catalog.cache_clear()
    _load_catalog(str(rules_copy))
    assert len(builds) == 2


def test_a_damaged_cache_is_rebuilt(rules_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    _load_catalog(str(rules_copy))
    for path in (tmp_path / "cache" / "polcalc").glob("catalog-*.pickle"):
        path.write_bytes(b"not a pickle")
    _load_catalog.cache_clear()
    builds = _count_builds(monkeypatch)
    assert "xishan-2020:19.2" in _load_catalog(str(rules_copy)).measures
    assert len(builds) == 1
