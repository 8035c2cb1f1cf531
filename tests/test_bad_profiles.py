"""The corpus of bad profiles: each one's exact message, exit status 2, no traceback, and the
good files of the same run still evaluated. A message ending in "valid: …" lists the vocabulary."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.engine.compiled import load_catalog

CORPUS = Path(__file__).parent / "bad_profiles"
GOOD = "sample_companies/xishan-machinery.toml"
runner = CliRunner()

EXPECTED = {
    "bad_recognition_level.toml": "recognitions[0].level: 'city' is not a level of little_giant; valid: provincial, national",
    "boolean_year.toml": "events[0].year: true is not a year: write a whole year, e.g. 2020",
    "binary.toml": "this is a binary file, not a TOML profile",
    "chinese_numerals.toml": "years.2020.revenue (line 5): cannot read '三千万' as an amount: write digits with an optional 万 or 亿 (e.g. 3000万, 1.2亿, 3,000,000)",
    "deeply_nested.toml": "nested too deeply: a profile is a few flat tables",
    "double_decimal_point.toml": "years.2020.revenue (line 5): cannot read '1.2.3亿' as an amount: write digits with an optional 万 or 亿 (e.g. 3000万, 1.2亿, 3,000,000)",
    "duplicate_key.toml": "TOML syntax error: Cannot overwrite a value (at line 6, column 17)",
    "empty.toml": "the file is empty: a profile needs at least name and region",
    "fractional_count.toml": "years.2020.insured_employees (line 5): a count must be a whole number, not 12.5",
    "gbk_encoded.toml": "the file is GBK/GB18030-encoded: save it as UTF-8 (e.g. iconv -f GBK -t UTF-8)",
    "impossible_month.toml": "months.2023-13: '2023-13' is not a month; write [months.\"2023-01\"]",
    "impossible_year.toml": "years.1890: '1890' is not a year (1990-2100); write [years.2020]",
    "missing_region.toml": "region: missing: every profile needs name and region",
    "misspelt_figure.toml": "years.2020.revenu (line 5): unknown figure (did you mean 'revenue'?)",
    "misspelt_status.toml": "status.above_scal (line 5): unknown status (did you mean 'above_scale'?); valid: …",
    "negative_money.toml": "years.2020.revenue (line 5): cannot be negative ('-5万')",
    "percent_for_a_count.toml": "years.2020.layoffs (line 5): '5%' is a percentage; this field takes an amount",
    "syntax_error.toml": "TOML syntax error: Illegal character '\\n' (at line 5, column 16)",
    "too_large.toml": "file is 1,000,001 bytes; a profile may be at most 1,000,000",
    "unknown_event.toml": "events[0].kind: unknown kind 'fire'; valid: …",
    "unknown_industry.toml": "industry (line 3): unknown industry 'restaurant'; valid: …",
    "unknown_region.toml": "region (line 2): unknown region 'beijing'; valid: anning, xinzhou, xishan, yangquan-chengqu, kunming, yangquan",
    "unknown_size.toml": "size (line 4): unknown size 'tiny'; valid: micro, small, medium, large",
    "unknown_top_key.toml": "regoin (line 4): unknown key (did you mean 'region'?); valid keys: name, region, industry, size, status, years, months, recognitions, events, notes",
    "whitespace_only.toml": "the file is empty: a profile needs at least name and region",
    "wrong_type_figure.toml": "years.2020.revenue (line 5): expected a number, got true",
    "wrong_type_name.toml": "name: Input should be a valid string",
    "wrong_type_status.toml": "status.above_scale (line 5): must be true or false, not 'yes'",
    "yearly_figure_by_month.toml": "months.2023-01.revenue (line 5): this figure is yearly only; put it under [years.YYYY]",
    # issue 11: encodings and sizes a real file may have
    "utf16.toml": 'the file is UTF-16-encoded (Notepad\'s "Unicode"): save it as UTF-8',
    "year_zero.toml": "years.0: '0' is not a year (1990-2100); write [years.2020]",
    "year_99999.toml": "years.99999: '99999' is not a year (1990-2100); write [years.2020]",
    "float_overflow.toml": "years.2020.revenue (line 5): 1E+400 is too large: a figure must be below 10^15",
    "hundred_digits.toml": "years.2020.revenue (line 5): 100000000000… is too large: a figure must be below 10^15",
    "fullwidth_digits.toml": "years.2020.revenue (line 5): cannot read '１２３万' as an amount: write digits with an optional 万 or 亿 (e.g. 3000万, 1.2亿, 3,000,000)",
}


def test_every_file_of_the_corpus_has_an_expected_message():
    assert sorted(p.name for p in CORPUS.glob("*.toml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_profile_message(name: str):
    path = CORPUS / name
    res = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr  # one message
    prefix = f"polcalc: error: {path}: "
    assert lines[0].startswith(prefix)
    message, expected = lines[0][len(prefix) :], EXPECTED[name]
    if expected.endswith("valid: …"):
        head, _, listed = message.partition("; valid: ")
        assert head + "; valid: …" == expected
        vocab = load_catalog().vocabulary
        words = set(vocab.status) | set(vocab.industries) | set(vocab.events) | set(vocab.figures)
        assert set(listed.split(", ")) <= words | {
            "name",
            "region",
            "industry",
            "size",
            "status",
            "years",
            "months",
            "recognitions",
            "events",
            "notes",
        }
    else:
        assert message == expected
    assert json.loads(res.stdout)["companies"] == []


def test_the_whole_corpus_with_one_good_file_evaluates_the_good_one():
    res = runner.invoke(app, ["check", str(CORPUS), GOOD, "--format", "jsonl"])
    assert res.exit_code == 2
    assert len(res.stderr.strip().splitlines()) == len(EXPECTED)
    (line,) = res.stdout.strip().splitlines()
    assert json.loads(line)["file"] == GOOD
    assert "Traceback" not in res.stderr


def test_a_directory_with_no_profiles(tmp_path: Path):
    res = runner.invoke(app, ["check", str(tmp_path)])
    assert res.exit_code == 2
    assert res.stderr.strip() == f"polcalc: error: {tmp_path}: directory has no *.toml profiles"


def test_a_year_no_measure_reads_is_a_warning_not_an_error(tmp_path: Path):
    path = tmp_path / "old.toml"
    path.write_text('name = "x"\nregion = "xishan"\n[years.2031]\nrevenue = "100万"\n', encoding="utf-8")
    res = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert res.exit_code == 0
    assert "warning" in res.stderr and "years.2031" in res.stderr
    assert len(json.loads(res.stdout)["companies"]) == 1


# ------------------------------------------------------------------ issue 11: what real files hold

HEAD = 'name = "测试公司"\nregion = "xishan"\nindustry = "catering"\nsize = "small"\n[years.2020]\nrevenue = "1.2亿"\n'


def _revenue(res) -> list[str]:
    """The profile's revenue as the run read it: a measure's reasons would differ if it were misread."""
    assert res.exit_code == 0, res.stderr
    (company,) = json.loads(res.stdout)["companies"]
    return company


@pytest.mark.parametrize(
    ("case", "raw"),
    [
        ("utf8_bom", b"\xef\xbb\xbf" + HEAD.encode()),  # Windows editors add one: accepted
        ("crlf", HEAD.replace("\n", "\r\n").encode()),
        ("yi_yuan", HEAD.replace('"1.2亿"', '"1.2亿元"').encode()),
        ("crlf_and_bom", b"\xef\xbb\xbf" + HEAD.replace("\n", "\r\n").encode()),
    ],
)
def test_good_files_in_other_spellings_evaluate_as_the_plain_one(tmp_path: Path, case: str, raw: bytes):
    plain, other = tmp_path / "plain.toml", tmp_path / f"{case}.toml"
    plain.write_text(HEAD, encoding="utf-8")
    other.write_bytes(raw)
    want = _revenue(runner.invoke(app, ["check", str(plain), "--format", "json", "--as-of", "2020-06-30"]))
    got = _revenue(runner.invoke(app, ["check", str(other), "--format", "json", "--as-of", "2020-06-30"]))
    assert got["results"] == want["results"] and got["name"] == "测试公司"


@pytest.mark.parametrize("name", ["测试\n公司", "测试\u200b公司\u200d", "a\r\nb\tc"])
def test_a_name_with_newlines_or_invisible_characters_keeps_table_and_csv_rows_whole(tmp_path: Path, name: str):
    import csv
    import io

    path = tmp_path / "p.toml"
    path.write_text(HEAD.replace('"测试公司"', json.dumps(name, ensure_ascii=False)), encoding="utf-8")
    data = json.loads(runner.invoke(app, ["check", str(path), "--format", "json", "--as-of", "2020-06-30"]).stdout)
    assert data["companies"][0]["name"] == name  # machine formats: the text exactly
    res = runner.invoke(app, ["check", str(path), "--format", "csv", "--as-of", "2020-06-30"])
    rows = list(csv.reader(io.StringIO(res.stdout_bytes.decode(), newline="")))  # (.stdout folds \r\n)
    assert len(rows) == 1 + len(data["companies"][0]["results"])
    assert {r[1] for r in rows[1:]} == {name}
    res = runner.invoke(app, ["check", str(path), "--as-of", "2020-06-30"])
    assert res.exit_code == 0 and "Traceback" not in res.stderr


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path):
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    res = runner.invoke(app, ["check", str(fifo), GOOD, "--format", "jsonl"])
    assert res.exit_code == 2
    assert res.stderr.strip() == f"polcalc: error: {fifo}: not a regular file (a FIFO, a device…)"
    assert json.loads(res.stdout)["file"] == GOOD  # the good file of the run still evaluated


def test_a_directory_named_like_a_profile(tmp_path: Path):
    folder = tmp_path / "dir.toml"
    folder.mkdir()
    res = runner.invoke(app, ["check", str(folder), GOOD, "--format", "jsonl"])
    assert res.exit_code == 2
    assert res.stderr.strip() == f"polcalc: error: {folder}: directory has no *.toml profiles"
    assert json.loads(res.stdout)["file"] == GOOD


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "locked.toml"
    path.write_text(HEAD, encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads a chmod 000 file: make its open fail as it would for a user
        from polcalc.inputs import sources

        real = open

        def denied(file, *args, **kwargs):
            if os.fspath(file) == str(path):
                raise PermissionError(13, "Permission denied", str(path))
            return real(file, *args, **kwargs)

        monkeypatch.setattr(sources, "open", denied, raising=False)
    res = runner.invoke(app, ["check", str(path), GOOD, "--format", "jsonl"])
    assert res.exit_code == 2
    assert res.stderr.strip() == f"polcalc: error: {path}: cannot read: Permission denied"
    assert json.loads(res.stdout)["file"] == GOOD


POP_HEAD = "name,region,industry,size,revenue_2019,revenue_2020\n"
POP_ROW = "精工,xishan,equipment_manufacturing,small,2亿,2.3亿\n"


def _screen(tmp_path: Path, name: str, raw: bytes, *args: str):
    path = tmp_path / name
    path.write_bytes(raw)
    return path, runner.invoke(app, ["screen", str(path), "--format", "jsonl", *args])


def test_screen_a_table_without_its_header(tmp_path: Path):
    path, res = _screen(tmp_path, "t.csv", POP_ROW.encode())
    assert res.exit_code == 2 and res.stdout == ""
    assert res.stderr.startswith(f"polcalc: error: {path}: column '精工' is not a profile column")
    assert "the header needs at least the columns name and region" in res.stderr


def test_screen_ragged_rows_each_named_and_the_others_evaluated(tmp_path: Path):
    raw = (POP_HEAD + POP_ROW.rstrip("\n") + ",extra\n" + POP_ROW + "短,xishan\n").encode()
    path, res = _screen(tmp_path, "t.csv", raw)
    assert res.exit_code == 2
    assert res.stderr.strip() == f"polcalc: error: {path}: line 2: 7 cells for 6 columns"
    assert [json.loads(x)["line"] for x in res.stdout.splitlines()] == [3, 4]  # short rows: cells left empty


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screen_nul_bytes(tmp_path: Path, lang: str):
    path, res = _screen(tmp_path, "t.csv", (POP_HEAD + POP_ROW.replace("精工", "精\x00工")).encode(), "--lang", lang)
    assert res.exit_code == 2 and res.stdout == "" and "Traceback" not in res.stderr
    expected = {
        "en": f"polcalc: error: {path}: line 2: a NUL byte: this is not a text table",
        "zh": f"polcalc: 错误：{path}：第2行：含 NUL 字节，不是文本表格",
    }
    assert res.stderr.startswith(expected[lang]) and len(res.stderr.strip().splitlines()) == 1


def test_screen_a_text_file_renamed_xlsx(tmp_path: Path):
    path, res = _screen(tmp_path, "t.xlsx", (POP_HEAD + POP_ROW).encode())
    assert res.exit_code == 2
    assert res.stderr.strip() == f"polcalc: error: {path}: cannot read as an Excel workbook (BadZipFile)"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_screen_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str):
    import zipfile

    from polcalc.inputs import population

    monkeypatch.setattr(population, "XLSX_MAX_UNPACKED", 8 << 20)  # the real limit's logic, on a small bomb
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * (16 << 20) + b"</a>")
    assert path.stat().st_size < 1 << 20
    opened: list[str] = []
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: opened.append("x"))
    res = runner.invoke(app, ["screen", str(path), "--format", "jsonl", "--lang", lang])
    assert res.exit_code == 2 and opened == []  # never handed to openpyxl
    expected = {
        "en": f"polcalc: error: {path}: the workbook unpacks to 16 MB (or too many parts), over the 8 MB limit; refused",
        "zh": f"polcalc: 错误：{path}：工作簿解压后有 16 MB（或文件过多），超过上限 8 MB，拒绝读取",
    }
    assert res.stderr.strip() == expected[lang]


@pytest.mark.parametrize("written", ['"1800"', "1800.0", "1800", '" 2101 "'])
def test_an_entry_year_out_of_range_is_refused_however_it_is_written(tmp_path: Path, written: str):
    path = tmp_path / "p.toml"
    path.write_text(
        f'name = "x"\nregion = "xishan"\n[[events]]\nkind = "major_safety_accident"\nyear = {written}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["check", str(path), "--lang", "en"])
    assert result.exit_code == 2
    year = written.strip('" ').removesuffix(".0")
    assert f"events[0].year: {year} is not a plausible year (1990-2100)" in result.output, result.output
