"""Every output polcalc prints for a fixed set of inputs, written to files, so two versions can be
compared byte for byte (a redesign must not change what a user or a script reads).

    python benchmarks/outputs.py OUT_DIR                 # this checkout's outputs
    python benchmarks/outputs.py --compare REF           # REF's outputs against this checkout's

--compare checks REF out in a git worktree, runs both sides from the same virtualenv (each with
its own source tree first on the path and no rules cache), on the same inputs (made once, by
this checkout's synthetic.py) and reports every file that differs.

The set: check over the samples and 400 synthetic companies in every format and language, at
two dates, with --all, --near and --drafts, tables at three widths; explain (text and json) of
every measure of each sample's region; list per region; screen over a 400-row population with
--by-measure; the calendar (its DTSTAMP lines dropped: they carry the time of the run); init
templates (less their #:schema line, a path into the checkout); the schema; rules check; every
bad profile's message in both languages.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
N_SYNTHETIC = 400


def make_inputs(folder: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from synthetic import population, to_csv_rows, to_toml

    files = folder / "files"
    files.mkdir(parents=True)
    companies = population(N_SYNTHETIC, seed=7)
    for i, data in enumerate(companies):
        (files / f"c{i:04d}.toml").write_text(to_toml(data), encoding="utf-8")
    rows = [to_csv_rows(d) for d in companies]
    header = ["id", *sorted({k for r in rows for k in r})]
    with (folder / "population.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header)
        writer.writeheader()
        for i, row in enumerate(rows):
            writer.writerow({"id": f"C{i:04d}", **row})


def _entry():
    try:
        from polcalc.cli.entry import main
    except ImportError:  # before the layered packages of issue 13
        from polcalc.entry import main  # type: ignore[import-not-found,no-redef]
    return main


def _run(argv: list[str], columns: int = 100) -> tuple[int, bytes, str]:
    """One command line in this process: (exit status, stdout bytes, stderr)."""
    main = _entry()
    os.environ["COLUMNS"] = str(columns)
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="\n", write_through=True)
    err = io.StringIO()
    old_argv = sys.argv
    sys.argv = ["polcalc", *argv]
    status = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = old_argv
    out.flush()
    return status, out.buffer.getvalue(), err.getvalue()  # type: ignore[attr-defined]


def commands(inputs: Path, work: Path) -> list[tuple[str, list[str], int]]:
    """(file name, argv, columns) of every command of the set."""
    samples = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "sample_companies").glob("*.toml"))
    files, population = str(inputs / "files"), str(inputs / "population.csv")
    out: list[tuple[str, list[str], int]] = []
    for lang in ("en", "zh"):
        for day in ("2020-06-30", "2023-03-01"):
            base = ["check", "sample_companies", "--as-of", day, "--lang", lang]
            for fmt in ("json", "jsonl", "csv", "table"):
                out.append((f"check-samples-{day}-{lang}.{fmt}", [*base, "--format", fmt], 100))
            out.append((f"check-samples-all-{day}-{lang}.table", [*base, "--all"], 100))
            out.append((f"check-samples-near-{day}-{lang}.jsonl", [*base, "--format", "jsonl", "--near"], 100))
            out.append((f"check-samples-drafts-{day}-{lang}.table", [*base, "--drafts"], 100))
            out.append((f"check-samples-quiet-{day}-{lang}.table", [*base, "-q"], 100))
        for width in (60, 80, 140):
            for sample in samples:
                name = Path(sample).stem
                argv = ["check", sample, "--as-of", "2020-06-30", "--lang", lang]
                out.append((f"table-{name}-{width}-{lang}.txt", argv, width))
        syn = ["check", files, "--as-of", "2020-06-30", "--lang", lang]
        out.append((f"check-synthetic-{lang}.jsonl", [*syn, "--format", "jsonl"], 100))
        out.append((f"check-synthetic-{lang}.csv", [*syn, "--format", "csv"], 100))
        out.append((f"check-synthetic-all-{lang}.json", [*syn, "--format", "json", "--all"], 100))
        out.append((f"check-synthetic-near-{lang}.jsonl", [*syn, "--format", "jsonl", "--near"], 100))
        scr = ["screen", population, "--as-of", "2020-06-30", "--lang", lang]
        for fmt in ("json", "jsonl", "csv", "table"):
            out.append((f"screen-{lang}.{fmt}", [*scr, "--format", fmt], 100))
        out.append((f"screen-all-{lang}.jsonl", [*scr, "--format", "jsonl", "--all"], 100))
        by_measure = str(work / f"by-measure-{lang}.csv")
        out.append((f"screen-by-measure-{lang}.jsonl", [*scr, "--format", "jsonl", "--by-measure", by_measure], 100))
        out.append((f"list-{lang}.json", ["list", "--format", "json", "--lang", lang, "--as-of", "2020-06-30"], 100))
        for region in ("anning", "xinzhou", "xishan", "yangquan-chengqu"):
            for fmt in ("table", "csv"):
                argv = ["list", "--region", region, "--format", fmt, "--lang", lang, "--as-of", "2020-06-30"]
                out.append((f"list-{region}-{lang}.{fmt}", argv, 100))
            out.append((f"init-{region}-{lang}.toml", ["init", "--region", region, "--lang", lang], 100))
        calendar = str(work / f"calendar-{lang}.ics")
        argv = ["check", "sample_companies", "--as-of", "2020-06-30", "--lang", lang, "--calendar", calendar, "-q"]
        out.append((f"calendar-run-{lang}.txt", argv, 100))
        for bad in sorted((ROOT / "tests" / "bad_profiles").glob("*.toml")):
            out.append((f"bad-{bad.stem}-{lang}.txt", ["check", str(bad.relative_to(ROOT)), "--lang", lang], 100))
    out.append(("schema.json", ["schema"], 100))
    out.append(("rules-check.txt", ["rules", "check"], 100))
    return out


def explain_commands(lang: str) -> list[tuple[str, list[str], int]]:
    try:
        from polcalc.engine.compiled import load_catalog
    except ImportError:  # before the compiled rules of issue 13
        from polcalc.engine.catalog import load_catalog  # type: ignore[attr-defined,no-redef]
    catalog = load_catalog()
    out = []
    for sample in sorted((ROOT / "sample_companies").glob("*.toml")):
        region = next(
            line.split("=", 1)[1].strip().strip('"')
            for line in sample.read_text(encoding="utf-8").splitlines()
            if line.startswith("region")
        )
        rel = str(sample.relative_to(ROOT))
        for mid, measure in catalog.measures.items():
            if catalog.policies[measure.policy_id].region != region:
                continue
            argv = ["explain", mid, rel, "--as-of", "2020-06-30", "--lang", lang]
            name = f"explain-{sample.stem}-{mid.replace(':', '_')}-{lang}"
            out.append((name + ".txt", argv, 100))
            out.append((name + ".json", [*argv, "--format", "json"], 100))
    return out


def write_outputs(target: Path, inputs: Path) -> None:
    """Run the whole set here (cwd: the repository), one file per command."""
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        jobs = commands(inputs, work)
        for lang in ("en", "zh"):
            jobs += explain_commands(lang)
        for name, argv, columns in jobs:
            status, stdout, stderr = _run(argv, columns)
            text = stderr.replace(str(inputs), "INPUTS").replace(str(work), "WORK")
            stdout = stdout.replace(str(inputs).encode(), b"INPUTS").replace(str(work).encode(), b"WORK")
            if argv[0] == "init":  # its #:schema line points into the checkout, wherever that is
                stdout = b"".join(x for x in stdout.splitlines(True) if not x.startswith(b"#:schema "))
            (target / name).write_bytes(stdout + f"\n--- exit {status}\n--- stderr\n{text}".encode())
        for produced in sorted(work.iterdir()):
            data = produced.read_bytes()
            if produced.suffix == ".ics":
                data = b"".join(line for line in data.splitlines(True) if not line.startswith(b"DTSTAMP:"))
            (target / f"file-{produced.name}").write_bytes(data)


def _side(source: Path, target: Path, inputs: Path) -> None:
    """This script, run against the checkout at `source` in a child process."""
    env = dict(os.environ, PYTHONPATH=str(source / "src"), POLCALC_NO_CACHE="1", NO_COLOR="1", LANG="C.UTF-8")
    env.pop("POLCALC_RULES", None)
    cmd = [sys.executable, str(Path(__file__).resolve()), str(target), "--inputs", str(inputs)]
    subprocess.run(cmd, cwd=source, env=env, check=True)


def compare(ref: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        base = tmpdir / "base"
        subprocess.run(["git", "worktree", "add", "--detach", str(base), ref], cwd=ROOT, check=True)
        try:
            make_inputs(tmpdir / "inputs")
            _side(base, tmpdir / "before", tmpdir / "inputs")
            _side(ROOT, tmpdir / "after", tmpdir / "inputs")
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=True)
        before = {p.name: p.read_bytes() for p in (tmpdir / "before").iterdir()}
        after = {p.name: p.read_bytes() for p in (tmpdir / "after").iterdir()}
        differ = sorted(n for n in before.keys() | after.keys() if before.get(n) != after.get(n))
        for name in differ:
            print(f"differs: {name}")
            if name in before and name in after:
                import difflib

                lines = difflib.unified_diff(
                    before[name].decode("utf-8", "replace").splitlines(),
                    after[name].decode("utf-8", "replace").splitlines(),
                    "before",
                    "after",
                    lineterm="",
                    n=1,
                )
                print("\n".join(list(lines)[:40]))
        print(f"{len(before)} outputs compared with {ref}: {len(differ)} differ")
        return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("target", nargs="?", type=Path, help="write this checkout's outputs here")
    parser.add_argument("--inputs", type=Path, help="the synthetic inputs (made when not given)")
    parser.add_argument("--compare", metavar="REF", help="compare REF's outputs with this checkout's")
    args = parser.parse_args()
    if args.compare:
        raise SystemExit(compare(args.compare))
    if args.target is None:
        parser.error("give OUT_DIR or --compare REF")
    os.chdir(ROOT)
    inputs = args.inputs
    if inputs is None:
        inputs = Path(tempfile.mkdtemp())
        make_inputs(inputs)
    write_outputs(args.target, inputs)
    if args.inputs is None:
        shutil.rmtree(inputs)


if __name__ == "__main__":
    main()
