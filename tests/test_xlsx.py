"""`screen --xlsx`: the district workbook reads back (openpyxl) to the numbers of screen's json."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from polcalc.cli.app import app

runner = CliRunner()
AS_OF = ["--as-of", "2020-06-30"]
POPULATION = (
    "id,name,region,industry,size,status_above_scale,status_strategic_emerging,"
    "industrial_output_2019,industrial_output_2020\n"
    "A1,甲机械,xishan,equipment_manufacturing,medium,true,false,2亿,2.3亿\n"  # 19.2: 0.2% × 2.3亿 = 46万
    'A2,"=HYPERLINK(""http://x"",""y"")",xishan,phosphorus_chemical,large,true,true,4亿,4.8亿\n'  # 150万 cap
    "A3,丙,xishan,equipment_manufacturing,medium,true,false,2亿,\n"
)


def _screen(tmp_path: Path, *extra: str):
    table = tmp_path / "pop.csv"
    table.write_text(POPULATION, encoding="utf-8")
    book = tmp_path / "district.xlsx"
    res = runner.invoke(app, ["screen", str(table), "--format", "json", "--xlsx", str(book), *AS_OF, *extra])
    return res, book


def test_the_workbook_holds_the_numbers_screen_prints(tmp_path: Path):
    res, book = _screen(tmp_path, "--lang", "zh")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["企业", "措施明细", "汇总"]
    summary = {row[0]: row for row in wb["汇总"].iter_rows(min_row=2, values_only=True)}
    for m in data["measures"]:
        assert summary[m["id"]][2:6] == (m["eligible"], m["total"], m["up_to_more"], m["needs_data"]), m["id"]
    rows = [r for r in wb["措施明细"].iter_rows(min_row=2, values_only=True) if r[0] == "xishan-2020:19.2"]
    assert [(r[2], r[5]) for r in rows] == [("A1", 460000), ("A2", 1500000)]
    companies = {r[0]: r for r in wb["企业"].iter_rows(min_row=2, values_only=True)}
    for company in data["companies"]:  # certain sum: the company's eligible amounts, stacking applied
        counted = [r for r in company["results"] if r["status"] == "eligible" and r["counted"]]
        assert companies[company["id"]][5] == sum(r["amount"] or 0 for r in counted), company["id"]


def test_money_shows_in_wan_headers_stay_and_filter(tmp_path: Path):
    _, book = _screen(tmp_path)
    ws = openpyxl.load_workbook(book)["By measure"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    amount = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "xishan-2020:19.2")[5]
    assert amount.value == 460000 and "万元" in amount.number_format
    assert ws.column_dimensions["B"].width >= 20  # titles fit


def test_a_formula_like_name_is_text(tmp_path: Path):
    _, book = _screen(tmp_path)
    names = [r[2].value for r in openpyxl.load_workbook(book)["Companies"].iter_rows(min_row=2)]
    assert '\'=HYPERLINK("http://x","y")' in names
    assert all(r[2].data_type == "s" for r in openpyxl.load_workbook(book)["Companies"].iter_rows(min_row=2))


def test_an_existing_workbook_is_replaced_only_with_force(tmp_path: Path):
    res, book = _screen(tmp_path)
    assert res.exit_code == 0
    before = book.read_bytes()
    again, _ = _screen(tmp_path)
    assert again.exit_code == 2 and "--force" in again.stderr and book.read_bytes() == before
    forced, _ = _screen(tmp_path, "--force")
    assert forced.exit_code == 0
