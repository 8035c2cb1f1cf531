"""An .xlsx is a zip: one that would unpack past the limit is refused from its directory alone."""

from __future__ import annotations

import zipfile

import pytest
from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.inputs import population

runner = CliRunner()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_zip_bomb_refused_before_unpacking(tmp_path, monkeypatch, lang):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (3 << 20))  # 3 MB of zeros: a few KB packed
    assert bomb.stat().st_size < 100_000
    monkeypatch.setattr(population, "XLSX_MAX_UNPACKED", 1 << 20)
    opened: list[str] = []
    monkeypatch.setattr("openpyxl.load_workbook", lambda *a, **k: opened.append("x"))
    r = runner.invoke(app, ["screen", str(bomb), "--lang", lang])
    assert r.exit_code == 2
    assert "bomb.xlsx" in r.output and ("MB" in r.output)
    assert opened == []  # never handed to openpyxl


def test_renamed_text_file_as_xlsx_is_one_clear_error(tmp_path):
    fake = tmp_path / "table.xlsx"
    fake.write_text("name,region\nx,xishan\n", encoding="utf-8")
    r = runner.invoke(app, ["screen", str(fake), "--lang", "en"])
    assert r.exit_code == 2 and "table.xlsx" in r.output and "Traceback" not in r.output
