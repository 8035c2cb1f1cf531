"""`screen --html`: the district's dashboard says what `screen --format json` says, a company's
name is text, the rows that could not be read are listed, and the sums kept per chunk add up to
those of one pass."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.engine.evaluate import evaluate_company
from polcalc.engine.nearmiss import company_near_misses
from polcalc.formats.svg import WIDTH, bar_chart
from polcalc.inputs.profiles import read_profile
from polcalc.views.district import CLOSEST, District

runner = CliRunner()
SAMPLE = Path("sample_companies/district.csv")
AS_OF = ["--as-of", "2020-06-30"]


class Page(HTMLParser):
    """The dashboard's numbers: data-yuan of the totals, policies and measures; data-count."""

    def __init__(self) -> None:
        super().__init__()
        self.totals: dict[str, str] = {}
        self.counts: dict[str, int] = {}
        self.measures: dict[str, str] = {}
        self.policies: dict[str, str] = {}
        self.near: list[str] = []
        self.scripts = 0
        self._row: tuple[str, str] | None = None
        self._count: str | None = None
        self.problems: list[str] = []
        self._in_problems = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.scripts += tag == "script"
        if "data-total" in a:
            self.totals[a["data-total"]] = a["data-yuan"]
        if "data-count" in a:
            self._count = a["data-count"]
        if tag == "tr":
            self._row = next(((k, a[k]) for k in ("data-measure", "data-policy") if k in a), None)
            if "data-near" in a:
                self.near.append(a["data-near"])
        if tag == "td" and "data-yuan" in a and self._row:
            kind, ident = self._row
            (self.measures if kind == "data-measure" else self.policies)[ident] = a["data-yuan"]
        if tag == "ul" and "problems" in a.get("class", ""):
            self._in_problems = True
        if tag == "li" and self._in_problems:
            self.problems.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "ul":
            self._in_problems = False

    def handle_data(self, data: str) -> None:
        if self._count is not None:
            self.counts[self._count] = int(data.replace(",", ""))
            self._count = None
        if self._in_problems and self.problems:
            self.problems[-1] += data


def _screen(tmp_path: Path, table: Path, *extra: str) -> tuple[dict, str, str]:
    page = tmp_path / "district.html"
    res = runner.invoke(app, ["screen", str(table), "--format", "json", "--html", str(page), *AS_OF, *extra])
    assert res.exit_code == 2, res.stderr  # the sample has two rows that cannot be read
    return json.loads(res.stdout), page.read_text("utf-8"), res.stderr


def test_the_dashboard_says_what_screen_json_says(tmp_path: Path) -> None:
    data, html, stderr = _screen(tmp_path, SAMPLE, "--lang", "zh")
    page = Page()
    page.feed(html)
    measures = data["measures"]
    assert Decimal(page.totals["certain"]) == sum(Decimal(str(m["total"])) for m in measures)
    assert Decimal(page.totals["up_to_more"]) == sum(Decimal(str(m["up_to_more"])) for m in measures)
    shown = {m["id"]: Decimal(str(m["total"])) for m in measures if m["eligible"] or m["stacked_out"]}
    assert {k: Decimal(v) for k, v in page.measures.items()} == shown
    # Per policy: the sum of its measures (by their ids' policy prefix in the sample's rules).
    by_policy: dict[str, Decimal] = {}
    for m in measures:
        policy = m["id"].split(":")[0]
        by_policy[policy] = by_policy.get(policy, Decimal(0)) + Decimal(str(m["total"]))
    assert {k: Decimal(v) for k, v in page.policies.items()} == by_policy
    companies = data["companies"]
    assert page.counts["screened"] == len(companies) == 30
    money = ("grant", "matching_grant", "tax_relief", "fee_reduction")  # what the totals count
    awarded = [c for c in companies if any(r["counted"] and r["benefit"] in money for r in c["results"])]
    assert page.counts["qualifying"] == len(awarded)
    # The two bad rows are listed with their lines, as the terminal reported them.
    assert len(page.problems) == 2 and all(p in stderr for p in page.problems)
    assert "32" in page.problems[0] and "huge" in page.problems[0] and "两亿" in page.problems[1]


def test_a_hostile_name_is_text(tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>"
    table = tmp_path / "pop.csv"
    # 精工机械 (line 2) is one change from 19.2's next tier: it is listed by name.
    table.write_text(SAMPLE.read_text("utf-8").replace("昆明西山精工机械有限公司", hostile, 1), "utf-8")
    _, html, _ = _screen(tmp_path, table)
    page = Page()
    page.feed(html)
    assert page.scripts == 0 and hostile not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "xishan-2020:19.2" in page.near


def test_the_sums_of_chunks_are_those_of_one_pass(catalog) -> None:
    day = dt.date(2020, 6, 30)
    rows = []
    for path in sorted(Path("sample_companies").glob("*.toml")):
        profile = read_profile(str(path), path.read_bytes(), catalog.vocabulary)
        company = evaluate_company(profile, catalog, day, str(path), money_only=True)
        rows.append((path.stem, company, company_near_misses(company, catalog, day, limit=1000)))
    whole, parts = District(), [District(), District(), District()]
    for line, (ident, company, hints) in enumerate(rows, start=2):
        whole.add_company(ident, line, company, hints, drafts=False)
        parts[line % 3].add_company(ident, line, company, hints, drafts=False)
    total = District()
    for part in parts:
        total.add(part)
    assert total.bands == whole.bands and sum(whole.bands) == whole.screened == len(rows)
    assert total.qualifying == whole.qualifying > 0
    assert total.near == whole.near and whole.near
    assert [e[:4] for e in total.closest] == [e[:4] for e in whole.closest]
    assert len(whole.closest) <= CLOSEST


def test_a_long_total_stays_inside_the_chart() -> None:
    svg = bar_chart([("a", {"cash": Decimal("5207225088682")})], {"cash": "cash"}, lambda v: f"¥{v:,.2f}")
    # The value is written after the bar: its x plus its width at 11px stays within the viewBox.
    x = Decimal(svg.split('class="value"')[0].rsplit('x="', 1)[1].split('"')[0])
    assert x + Decimal(len("¥5,207,225,088,682.00")) * Decimal("6.5") <= WIDTH
