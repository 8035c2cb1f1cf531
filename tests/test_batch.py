"""Batch runs: many profiles in worker processes give exactly the serial output, in order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.cli.batch import ordered_map

runner = CliRunner()
SAMPLES = sorted(Path("sample_companies").glob("*.toml"))


def test_ordered_map_keeps_order_across_processes():
    def work(chunk: list[int]) -> list[int]:
        return [n * n for n in chunk]

    assert list(ordered_map(work, range(1000), jobs=2, chunk_size=7)) == [n * n for n in range(1000)]


def _population(tmp_path: Path, n: int) -> Path:
    for i in range(n):
        shutil.copy(SAMPLES[i % len(SAMPLES)], tmp_path / f"c{i:04d}.toml")
    (tmp_path / "c0007.toml").write_text('name = "bad"\nregion = "nowhere"\n', encoding="utf-8")
    return tmp_path


def test_parallel_check_equals_serial_and_reports_bad_files(tmp_path: Path):
    folder = _population(tmp_path, 240)
    args = ["check", str(folder), "--format", "jsonl", "--as-of", "2020-06-30"]
    serial = runner.invoke(app, [*args, "--jobs", "1"])
    parallel = runner.invoke(app, [*args, "--jobs", "2"])
    assert serial.exit_code == parallel.exit_code == 2
    assert serial.stdout == parallel.stdout
    lines = parallel.stdout.splitlines()
    assert len(lines) == 239
    assert [json.loads(line)["file"] for line in lines] == sorted(
        str(p) for p in folder.glob("*.toml") if p.name != "c0007.toml"
    )
    assert "c0007.toml" in parallel.stderr and "nowhere" in parallel.stderr


def test_json_is_one_object_written_as_it_goes(tmp_path: Path):
    folder = _population(tmp_path, 220)
    res = runner.invoke(app, ["check", str(folder), "--format", "json", "--as-of", "2020-06-30", "--jobs", "2"])
    data = json.loads(res.stdout)
    assert data["as_of"] == "2020-06-30" and len(data["companies"]) == 219


def test_json_with_no_company_is_still_one_object(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text("name = 1\n", encoding="utf-8")
    res = runner.invoke(app, ["check", str(bad), "--format", "json", "--as-of", "2020-06-30"])
    assert res.exit_code == 2
    assert json.loads(res.stdout) == {"as_of": "2020-06-30", "companies": []}


def test_a_sink_writes_text_and_bytes_in_order_whatever_the_stream():
    import io

    from polcalc.formats.sink import Sink

    def through(stream: io.TextIOBase) -> bytes | str:
        sink = Sink(stream)
        for piece in ("头 ", "中文 ".encode(), "text ", "续\n".encode()):
            sink.write(piece)
        sink.flush()
        return stream.buffer.getvalue() if hasattr(stream, "buffer") else stream.getvalue()  # type: ignore[attr-defined]

    # UTF-8: the bytes go to the buffer as they are, after the text before them
    assert through(io.TextIOWrapper(io.BytesIO(), encoding="utf-8")) == "头 中文 text 续\n".encode()
    # no buffer: decoded; another encoding: decoded, then encoded as the stream says
    assert through(io.StringIO()) == "头 中文 text 续\n"
    assert through(io.TextIOWrapper(io.BytesIO(), encoding="gb18030")) == "头 中文 text 续\n".encode("gb18030")


def test_a_directory_gives_its_profiles_as_sorted_rglob_would(tmp_path: Path, monkeypatch):
    """Names and order as pathlib gives them: nested folders between their siblings, hidden files,
    a folder named like a profile, symlinks to files followed, to folders not entered."""
    from polcalc.inputs.sources import expand_sources

    for rel in ["b.toml", "a/z.toml", "a/b/c.toml", "ab.toml", ".hidden.toml", "A.toml", "x.toml/in.toml", "n.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text('name = "x"\n', encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "link.toml").symlink_to(tmp_path / "b.toml")
    (tmp_path / "linked-dir").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "dangling.toml").symlink_to(tmp_path / "gone.toml")

    def rglob_names(folder: Path) -> list[str]:
        return [str(p) for p in sorted(p for p in folder.rglob("*.toml") if p.is_file())]

    expected = rglob_names(tmp_path)
    assert len(expected) == 8
    assert [s.name for s in expand_sources([str(tmp_path)])] == expected
    assert [s.name for s in expand_sources([f"{tmp_path}/"])] == expected
    monkeypatch.chdir(tmp_path)
    assert [s.name for s in expand_sources(["."])] == rglob_names(Path("."))
    assert [s.name for s in expand_sources(["./a"])] == ["a/b/c.toml", "a/z.toml"]
