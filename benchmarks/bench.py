"""polcalc benchmarks, run apart from the tests:

    python benchmarks/bench.py                      # check over 10,000 files, screen over 100,000 rows
    python benchmarks/bench.py --files 2000 --rows 20000 --runs 5

Reports companies per second and peak memory (RSS of the polcalc process and its workers) for
`check` over N profile files (jsonl) and `screen` over an N-row CSV, each also at N/10 to show
whether memory is flat in N, screen over --district rows (10,000) writing the workbook and the
dashboard (--xlsx, --html, both), and the cold start of `polcalc check` on one sample (the default
table, and json) beside `python -c "import typer, rich.table, pydantic"`, medians of several runs.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import population, to_csv_rows, to_toml

ROOT = Path(__file__).resolve().parents[1]
POLCALC = shutil.which("polcalc", path=str(Path(sys.executable).parent)) or shutil.which("polcalc") or "polcalc"
SAMPLE = str(ROOT / "sample_companies" / "xishan-machinery.toml")


def run(cmd: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MiB of the process and the workers it waited for)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 2):
        raise SystemExit(f"{' '.join(cmd)} failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024


def write_files(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, data in enumerate(population(n)):
        (folder / f"c{i:06d}.toml").write_text(to_toml(data), encoding="utf-8")


def write_csv(path: Path, n: int) -> None:
    rows = [to_csv_rows(d) for d in population(n)]
    header = ["id", *sorted({k for r in rows for k in r})]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header)
        writer.writeheader()
        for i, row in enumerate(rows):
            writer.writerow({"id": f"C{i:06d}", **row})


def generate(kind: str, target: Path, n: int) -> None:
    """Make the data in a child process: a forked polcalc would otherwise start with this
    process's memory (the generated rows) and report it as its own peak."""
    subprocess.run([sys.executable, __file__, "--generate", kind, str(target), str(n)], check=True)


def district_runs(path: Path, tmpdir: Path, extra: list[str]) -> list[str]:
    """screen's documents for the district beside its plain run: the workbook, the dashboard,
    both (issue 12's target: both in under 10 s for 10,000 rows on the 2-core machine)."""
    out = []
    n = sum(1 for _ in path.open(encoding="utf-8")) - 1
    for label, docs in (
        ("jsonl", []),
        ("--xlsx", ["--xlsx", str(tmpdir / "d.xlsx")]),
        ("--html", ["--html", str(tmpdir / "d.html")]),
        ("--xlsx --html", ["--xlsx", str(tmpdir / "d.xlsx"), "--html", str(tmpdir / "d.html")]),
    ):
        seconds, rss = run([POLCALC, "screen", str(path), "--format", "jsonl", *docs, "--force", *extra])
        out.append(f"screen {n:>7} rows {label:<14}: {seconds:7.2f} s  peak {rss:6.1f} MiB")
    return out


def median_time(cmd: list[str], runs: int) -> float:
    return statistics.median(run(cmd)[0] for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=10, help="runs for the cold-start medians")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--district", type=int, default=10_000, help="rows for screen --xlsx/--html")
    parser.add_argument("--generate", nargs=3, metavar=("KIND", "TARGET", "N"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate:
        kind, target, n = args.generate
        (write_files if kind == "files" else write_csv)(Path(target), int(n))
        return
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    as_of = ["--as-of", "2020-06-30"]
    lines = [f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}", ""]
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        for n in (args.files // 10, args.files):
            folder = tmpdir / f"files{n}"
            generate("files", folder, n)
            seconds, rss = run([POLCALC, "check", str(folder), "--format", "jsonl", *as_of, *jobs])
            lines.append(f"check  {n:>7} files : {seconds:7.2f} s  {n / seconds:8.0f} companies/s  peak {rss:6.1f} MiB")
            shutil.rmtree(folder)
        for n in (args.rows // 10, args.rows):
            path = tmpdir / f"rows{n}.csv"
            generate("csv", path, n)
            seconds, rss = run([POLCALC, "screen", str(path), "--format", "jsonl", *as_of, *jobs])
            lines.append(f"screen {n:>7} rows  : {seconds:7.2f} s  {n / seconds:8.0f} companies/s  peak {rss:6.1f} MiB")
            if n == args.district:
                lines += district_runs(path, tmpdir, [*as_of, *jobs])
            path.unlink()
        if args.district not in (args.rows // 10, args.rows):
            path = tmpdir / "district.csv"
            generate("csv", path, args.district)
            lines += district_runs(path, tmpdir, [*as_of, *jobs])
    bare = median_time([sys.executable, "-c", "import typer, rich.table, pydantic"], args.runs)
    lines += ["", f"cold start, bare imports (typer, rich.table, pydantic): {bare * 1000:.0f} ms"]
    for label, fmt in (("table", []), ("json", ["--format", "json"])):
        cold = median_time([POLCALC, "check", SAMPLE, *fmt], args.runs)
        lines.append(
            f"cold start, polcalc check one sample ({label}): {cold * 1000:.0f} ms, "
            f"ratio {cold / bare:.2f} (target <= 1.25)"
        )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
