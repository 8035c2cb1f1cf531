"""The rules cache as files (issue 11): processes starting together on no cache all answer right
and leave one valid cache; a truncated, garbage or directory cache is rebuilt or passed by."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from polcalc.core.files import TEMP_MARK

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = str(ROOT / "sample_companies" / "xishan-machinery.toml")
CHECK = ["check", SAMPLE, "--format", "json", "--as-of", "2020-06-30"]


def _start(cache: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    env.pop("POLCALC_NO_CACHE", None)
    code = "from polcalc.cli.entry import main; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, *CHECK], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _run(cache: Path) -> str:
    proc = _start(cache)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "Traceback" not in err, err
    return out


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The JSON of a warm run, and the cache file it read."""
    cache = tmp_path_factory.mktemp("warm")
    _run(cache)
    out = _run(cache)
    (pickled,) = (cache / "polcalc").glob("catalog-*.pickle")
    return out, pickled


def test_six_processes_on_no_cache_agree_and_leave_one_valid_cache(tmp_path: Path, warm: tuple[str, Path]):
    procs = [_start(tmp_path) for _ in range(6)]
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0 and "Traceback" not in err, err
        assert out == warm[0]
    folder = tmp_path / "polcalc"
    (pickled,) = folder.glob("catalog-*.pickle")
    assert pickled.name == warm[1].name
    assert [p.name for p in folder.iterdir() if TEMP_MARK in p.name or p.suffix == ".tmp"] == []
    with pickled.open("rb") as fh:
        pickle.load(fh)  # whole: no process saw or left half a pickle


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "directory"])
def test_a_damaged_cache_is_rebuilt_or_passed_by(tmp_path: Path, warm: tuple[str, Path], damage: str):
    target = tmp_path / "polcalc" / warm[1].name
    target.parent.mkdir()
    good = warm[1].read_bytes()
    if damage == "directory":
        target.mkdir()
    else:
        target.write_bytes({"truncated": good[: len(good) // 2], "garbage": os.urandom(4096), "empty": b""}[damage])
    assert _run(tmp_path) == warm[0]
    if damage == "directory":
        assert target.is_dir()  # not ours to remove; every run passes it by
    else:
        assert type(pickle.loads(target.read_bytes())) is type(pickle.loads(good))  # rebuilt whole
    assert _run(tmp_path) == warm[0]
