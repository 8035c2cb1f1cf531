"""What one company costs in each phase of `check`, in one process, counted in instructions:

    python benchmarks/phases.py                # read, evaluate, json: instructions per company
    python benchmarks/phases.py --time         # the same phases in microseconds (best of 7)

Timings on a shared 2-core VM swing 20-30% between runs; valgrind's callgrind counts the
instructions a phase executes, the same on every run of the same code and inputs, so a change
of a few percent shows. Each phase is counted as the difference between a run that does it once
more over N synthetic companies and one that does not (--phase is that inner run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

PHASES = ("read", "evaluate", "json")
AS_OF = dt.date(2020, 6, 30)


def _inputs(n: int) -> list[bytes]:
    from synthetic import population, to_toml

    return [to_toml(data).encode("utf-8") for data in population(n)]


def run_phase(n: int, phase: str | None, rounds: int = 1) -> dict[str, float]:
    """Every phase once over n companies (filling every table), then `phase` `rounds` times
    more; the best time of each phase."""
    from polcalc.engine.compiled import load_catalog
    from polcalc.engine.evaluate import evaluate_company
    from polcalc.formats.jsonfmt import dumps_bytes
    from polcalc.inputs.profiles import read_profile
    from polcalc.views.results import company_dict

    rules = load_catalog()
    raws = _inputs(n)
    steps = {
        "read": lambda _: [read_profile(f"c{i}.toml", raw, rules.vocabulary) for i, raw in enumerate(raws)],
        "evaluate": lambda profiles: [evaluate_company(p, rules, AS_OF, "c.toml") for p in profiles],
        "json": lambda companies: [dumps_bytes(company_dict(c, "zh", vocab=rules.vocabulary)) for c in companies],
    }
    done = {"read": steps["read"](None)}
    done["evaluate"] = steps["evaluate"](done["read"])
    done["json"] = steps["json"](done["evaluate"])
    feeds = {"read": None, "evaluate": done["read"], "json": done["evaluate"]}
    best: dict[str, float] = {}
    for name in PHASES if phase == "all" else ([phase] if phase else []):
        for _ in range(rounds):
            start = time.perf_counter()
            steps[name](feeds[name])
            best[name] = min(best.get(name, float("inf")), time.perf_counter() - start)
    return best


def instructions(n: int, phase: str | None) -> int:
    """Instructions of this script's --phase run under callgrind."""
    cmd = [sys.executable, __file__, "--companies", str(n), "--phase", phase or "none"]
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},  # the same dict layouts on every run
    ).stderr
    found = re.search(r"Collected : (\d+)", out)
    if found is None:
        raise SystemExit(f"callgrind gave no count:\n{out}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--companies", type=int, default=200)
    parser.add_argument("--time", action="store_true", help="microseconds instead of instructions")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        run_phase(args.companies, None if args.phase == "none" else args.phase)
        return
    n = args.companies
    if args.time:
        best = run_phase(n, "all", rounds=7)
        print("  ".join(f"{name} {best[name] / n * 1e6:.1f} us" for name in PHASES), "per company")
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed: use --time, or apt-get install valgrind")
    run_phase(1, None)  # the rules cache filled, so that no counted run validates the rules
    base = instructions(n, None)
    counts = {name: (instructions(n, name) - base) // n for name in PHASES}
    print("  ".join(f"{name} {counts[name]:,}" for name in PHASES), "instructions per company")


if __name__ == "__main__":
    main()
