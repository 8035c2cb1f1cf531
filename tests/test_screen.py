"""`polcalc screen`: a population CSV, row by row; per company awards, per measure who and how much."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polcalc.cli.app import app

runner = CliRunner()
AS_OF = ["--as-of", "2020-06-30"]
HEADER = (
    "id,name,region,industry,size,status_above_scale,status_strategic_emerging,"
    "industrial_output_2019,industrial_output_2020"
)
ROWS = [
    "A1,甲机械,xishan,equipment_manufacturing,medium,true,false,2亿,2.3亿",  # 19.2: 0.2% × 2.3亿 = 46万
    "A2,乙化工,xishan,phosphorus_chemical,large,true,true,4亿,4.8亿",  # 0.4% × 4.8亿 = 192万, cap 150万
    "A3,丙,xishan,equipment_manufacturing,medium,true,false,2亿,2.174亿",  # growth 8.7%: not eligible
    "A4,丁,xishan,equipment_manufacturing,medium,true,false,2亿,",  # 2020 output blank: unknown
]


@pytest.fixture
def population(tmp_path: Path):
    def write(rows=ROWS, header=HEADER) -> str:
        path = tmp_path / "companies.csv"
        path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
        return str(path)

    return write


def test_per_measure_cost_and_who_qualifies(population, tmp_path):
    by_measure = tmp_path / "by_measure.csv"
    res = runner.invoke(app, ["screen", population(), "--format", "json", "--by-measure", str(by_measure), *AS_OF])
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    m = next(m for m in data["measures"] if m["id"] == "xishan-2020:19.2")
    assert m["eligible"] == 2 and m["total"] == 460000 + 1500000 and m["needs_data"] == 1
    rows = [r for r in csv.DictReader(by_measure.open(encoding="utf-8")) if r["measure"] == "xishan-2020:19.2"]
    assert [(r["company_id"], r["amount"]) for r in rows] == [("A1", "460000"), ("A2", "1500000")]


def test_blank_cells_are_unknown_not_zero(population):
    res = runner.invoke(app, ["screen", population(), "--format", "jsonl", "--all", *AS_OF])
    a4 = json.loads(res.stdout.splitlines()[3])
    r = next(r for r in a4["results"] if r["id"] == "xishan-2020:19.2")
    assert r["status"] == "needs_data" and r["missing"] == ["years.2020.industrial_output"]


def test_a_bad_row_names_its_line_and_column_and_the_rest_is_screened(population):
    rows = [*ROWS[:2], "A9,坏,xishan,catering,small,maybe,,1亿,", "A8,坏2,xishan,catering,small,,,三千万,"]
    res = runner.invoke(app, ["screen", population(rows), "--format", "jsonl", *AS_OF])
    assert res.exit_code == 2
    assert len(res.stdout.splitlines()) == 2
    errors = res.stderr.strip().splitlines()
    assert errors[0].endswith("companies.csv: line 4: column status_above_scale: 'maybe' is not true or false")
    assert "line 5: column industrial_output_2019" in errors[1] and "三千万" in errors[1]


def test_an_unknown_column_stops_before_any_row(population):
    res = runner.invoke(
        app, ["screen", population(header=HEADER.replace("industrial_output_2020", "industral_output_2020"))]
    )
    assert res.exit_code == 2 and res.stdout == ""
    assert "column 'industral_output_2020'" in res.stderr and "industrial_output_YYYY" in res.stderr


def test_csv_output_for_excel(population):
    res = runner.invoke(app, ["screen", population(), "--format", "csv", "--bom", *AS_OF])
    assert res.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(res.stdout.lstrip("\ufeff"))))
    row = next(r for r in rows if r["id"] == "A2" and r["measure"] == "xishan-2020:19.2")
    assert row["amount"] == "1500000" and row["name"] == "乙化工"


def test_summary_table_total(population):
    res = runner.invoke(app, ["screen", population(), *AS_OF, "--lang", "en"])
    assert res.exit_code == 0
    assert "¥1,960,000.00" in res.stdout and "companies screened: 4" in res.stdout
    zh = runner.invoke(app, ["screen", population(), *AS_OF, "--lang", "zh"])
    assert "196.00万" in zh.stdout


def test_parallel_screen_equals_serial(population):
    path = population(ROWS * 150)
    serial = runner.invoke(app, ["screen", path, "--format", "jsonl", *AS_OF, "--jobs", "1"])
    parallel = runner.invoke(app, ["screen", path, "--format", "jsonl", *AS_OF, "--jobs", "2"])
    assert serial.stdout == parallel.stdout and len(parallel.stdout.splitlines()) == 600


def test_an_excel_workbook_screens_like_the_csv(population, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    for row in ROWS:
        cells = row.split(",")
        # Excel stores typed numbers as floats; the text cells stay text.
        sheet.append([float(c) if c.replace(".", "").isdigit() else (c or None) for c in cells])
    sheet.append(["A5", "戊", "xishan", "equipment_manufacturing", "medium", True, False, 200000000.0, 230000000.0])
    path = tmp_path / "companies.xlsx"
    book.save(path)
    res = runner.invoke(app, ["screen", str(path), "--format", "json", *AS_OF])
    assert res.exit_code == 0, res.stderr
    m = next(m for m in json.loads(res.stdout)["measures"] if m["id"] == "xishan-2020:19.2")
    assert m["eligible"] == 3 and m["total"] == 460000 + 1500000 + 460000


def test_an_excel_row_error_names_the_row(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(HEADER.split(","))
    book.active.append(["B1", "坏", "xishan", "catering", "small", "maybe"])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    res = runner.invoke(app, ["screen", str(path), *AS_OF])
    assert res.exit_code == 2
    assert res.stderr.strip().endswith("bad.xlsx: row 2: column status_above_scale: 'maybe' is not true or false")


def test_a_gbk_csv_is_named_as_such(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes(("\n".join([HEADER, ROWS[0]]) + "\n").encode("gbk"))
    res = runner.invoke(app, ["screen", str(path)])
    assert res.exit_code == 2 and "GBK" in res.stderr and "CSV UTF-8" in res.stderr


def test_rows_are_read_as_csv_reader_reads_them(tmp_path):
    # Lines without quotes are split by the worker, the rest read by csv.reader: together they must
    # give csv.reader's cells and line numbers, blank rows left out.
    from polcalc.inputs.population import read_rows

    text = (
        "id,name,region\r\n"
        "A1,plain,xishan\r\n"
        '"A2","quoted, with comma",xishan\r\n'
        '"A3","two\nlines and ""quotes""",xishan\n'
        "\n"
        "  ,\t, \r\n"
        ",,\n"
        'A4,a"b,xishan\r'
        "A5,\u3000spaced ,anning\n"
        'A6,"never closed\nA7,x,xishan\n'
    )
    path = tmp_path / "rows.csv"
    path.write_bytes(text.encode("utf-8"))
    header, rows = read_rows(str(path))
    got = [(row.line, row.split_cells()) for row in rows]
    reader = csv.reader(io.StringIO(text, newline=""))
    assert header == next(reader)
    expected = [(reader.line_num, cells) for cells in reader if any(c.strip() for c in cells)]
    assert got == expected
    assert [line for line, _ in got] == [2, 3, 5, 9, 10, 12]
