"""`polcalc report`: the HTML a consultant sends says what `check --format json` says, and a
company's name is text, never markup."""

from __future__ import annotations

import json
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polcalc.cli.app import app

runner = CliRunner()
SAMPLES = sorted(Path("sample_companies").glob("*.toml"))
AS_OF = ["--as-of", "2020-06-30"]
HOSTILE = ["<script>alert(1)</script>", "=cmd|' /C calc'!A0"]


class Cells(HTMLParser):
    """The amount cells (data-amount) by measure, the totals (data-total), script tags seen."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, dict[str, str]] = {}
        self.totals: dict[str, str] = {}
        self.scripts = 0
        self._measure: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "script":
            self.scripts += 1
        if tag == "tr" and "data-measure" in a:
            self._measure = a["data-measure"]
        if "data-amount" in a and self._measure:
            self.rows[self._measure] = a
        if "data-total" in a:
            self.totals[a["data-total"]] = a["data-yuan"]


def parse(html: str) -> Cells:
    cells = Cells()
    cells.feed(html)
    return cells


def number(text: str) -> Decimal | None:
    return Decimal(text) if text else None


def json_number(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_the_report_says_what_check_json_says(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    res = runner.invoke(app, ["report", str(sample), "-o", str(out), *AS_OF, "--lang", "zh"])
    assert res.exit_code == 0, res.output
    cells = parse(out.read_text("utf-8"))
    res = runner.invoke(app, ["check", str(sample), "--format", "json", *AS_OF])
    (company,) = json.loads(res.stdout)["companies"]
    by_id = {r["id"]: r for r in company["results"]}
    for measure, attrs in cells.rows.items():
        r = by_id[measure]
        assert r["status"] == "eligible" and not r["draft"]
        assert number(attrs["data-amount"]) == json_number(r["amount"])
        assert number(attrs["data-amount-min"]) == json_number(r["amount_min"])
        assert number(attrs["data-amount-max"]) == json_number(r["amount_max"])
        assert attrs["data-counted"] == ("true" if r["counted"] else "false")
    # Every certain sum check counts is in the report, and the totals are check's.
    counted = {r["id"] for r in company["results"] if r["counted"] and r["amount"] and not r["draft"]}
    assert counted <= set(cells.rows)
    for kind in ("cash", "tax_relief", "fee_savings"):
        assert Decimal(cells.totals[kind]) == json_number(company["totals"][kind])


def test_the_sample_report_has_its_sections_in_both_languages(tmp_path: Path) -> None:
    sample = "sample_companies/xishan-machinery.toml"
    for lang, words in {
        "zh": ["政策兑现测算报告", "68.40万", "2020年工业总产值", "2.3亿", "测算过程", "差一点", "申报时间表"],
        "en": ["Support measures assessment", "¥684,000.00", "gross industrial output 2020", "Arithmetic", "Timeline"],
    }.items():
        out = tmp_path / f"{lang}.html"
        res = runner.invoke(app, ["report", sample, "-o", str(out), *AS_OF, "--lang", lang])
        assert res.exit_code == 0, res.output
        html = out.read_text("utf-8")
        text = html.replace("<wbr>", "")  # long sums may wrap at their thousands separators
        for w in words:
            assert w in text, w
        assert "years.2020.industrial_output" not in html  # keys in people's words
        assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in html


def test_a_hostile_company_name_is_text(tmp_path: Path) -> None:
    text = Path("sample_companies/xishan-machinery.toml").read_text("utf-8")
    for i, name in enumerate(HOSTILE):
        profile = tmp_path / f"h{i}.toml"
        profile.write_text(text.replace('name = "昆明西山精工机械有限公司"', f"name = {json.dumps(name)}"), "utf-8")
        out = tmp_path / f"h{i}.html"
        res = runner.invoke(app, ["report", str(profile), "-o", str(out), *AS_OF])
        assert res.exit_code == 0, res.output
        html = out.read_text("utf-8")
        assert parse(html).scripts == 0 and "<script>" not in html
        assert name.replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;") in html


def test_several_profiles_one_report_each_or_combined_and_a_bad_one_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "x"\nregion = "nowhere"\n', "utf-8")
    folder = tmp_path / "out"
    files = ["sample_companies/xishan-machinery.toml", "sample_companies/anning-manufacturer.toml", str(bad)]
    res = runner.invoke(app, ["report", *files, "-o", str(folder), *AS_OF])
    assert res.exit_code == 2 and "bad.toml" in res.stderr and "Traceback" not in res.output
    assert sorted(p.name for p in folder.iterdir()) == ["anning-manufacturer.html", "xishan-machinery.html"]
    one = tmp_path / "all.html"
    res = runner.invoke(app, ["report", *files[:2], "--combined", "-o", str(one), *AS_OF])
    assert res.exit_code == 0
    assert one.read_text("utf-8").count('<article class="company"') == 2


def test_report_never_overwrites_an_input_nor_a_file_it_did_not_write(tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    profile.write_bytes(Path("sample_companies/xishan-machinery.toml").read_bytes())
    before = profile.read_bytes()
    res = runner.invoke(app, ["report", str(profile), "-o", str(profile), *AS_OF])
    assert res.exit_code == 2 and profile.read_bytes() == before and "p.toml" in res.stderr
    foreign = tmp_path / "notes.html"
    foreign.write_text("<p>my notes</p>", encoding="utf-8")
    res = runner.invoke(app, ["report", str(profile), "-o", str(foreign), *AS_OF])
    assert res.exit_code == 2 and "--force" in res.stderr and foreign.read_text("utf-8") == "<p>my notes</p>"
    assert runner.invoke(app, ["report", str(profile), "-o", str(foreign), "--force", *AS_OF]).exit_code == 0
    assert runner.invoke(app, ["report", str(profile), "-o", str(foreign), *AS_OF]).exit_code == 0  # ours now
