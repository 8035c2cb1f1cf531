"""The code stays as ruff lints and formats it: CI runs the tests, so drift shows there."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PATHS = ["src", "tests", "benchmarks"]


def _ruff() -> list[str]:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    # ruff is in the test extras: missing, it is a broken set-up to fail on, not a reason to skip
    # (a skipped style test in CI is drift nobody sees).
    assert found is not None, "ruff is not installed: pip install -e '.[test]'"
    return [found]


@pytest.mark.parametrize("args", [["check", *PATHS], ["format", "--check", *PATHS]], ids=["check", "format"])
def test_ruff_is_clean(args: list[str]):
    run = subprocess.run([*_ruff(), *args], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
