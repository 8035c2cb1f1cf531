"""What a person looks at, in a real browser: the sample report and the district's page render in
headless Chromium (Debian's package, driven by Playwright) with no console error, the total
visible, and nothing wider than an A4 page in print mode; both print to a PDF.

The screenshots are the README's pictures: `POLCALC_DOCS_SHOTS=1 python -m pytest
tests/test_browser.py` writes them to docs/ (otherwise to the test's temporary folder).
Skipped only where no browser can be had (no Playwright, no Chromium), saying which.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from polcalc.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
AS_OF = ["--as-of", "2020-06-30"]
A4_WIDTH = 794  # 210 mm at 96 px an inch
# The flags this machine's closed network needs (no background fetches, no QUIC), as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Elements reaching past the page's right edge, and cells whose content is wider than they are.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > width + 0.5) out.push(`${el.tagName} ends at ${Math.round(r.right)}px`);
  }
  for (const el of document.querySelectorAll('td, th, .figure, dd'))
    if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName} "${el.textContent.slice(0, 30)}" overflows`);
  if (document.documentElement.scrollWidth > width) out.push(`page scrolls to ${document.documentElement.scrollWidth}px`);
  return out;
}"""


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')"
    )
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium on this machine (Debian: apt-get install chromium; .ci/run installs it)")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _shots(tmp_path: Path) -> Path:
    return ROOT / "docs" if os.environ.get("POLCALC_DOCS_SHOTS") == "1" else tmp_path


def _look(browser: Any, page_file: Path, shot: Path) -> tuple[Any, list[str]]:
    """Open the page as a person would (a 1000 px window), screenshot it, then lay it out as it
    prints on A4; the console errors and page errors seen meanwhile."""
    page = browser.new_page(viewport={"width": 1000, "height": 1400})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: errors.append(f"request {r.url}"))
    page.goto(page_file.as_uri())
    page.screenshot(path=str(shot), clip={"x": 0, "y": 0, "width": 1000, "height": 1400})
    return page, errors


def _printed(page: Any, pdf: Path) -> list[str]:
    page.set_viewport_size({"width": A4_WIDTH, "height": 1123})
    page.emulate_media(media="print")
    overflow = page.evaluate(OVERFLOW)
    page.pdf(path=str(pdf), format="A4", print_background=True)
    return overflow


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sample_report_renders_and_fits_a4(browser: Any, tmp_path: Path, lang: str) -> None:
    report = tmp_path / "r.html"
    args = ["report", "sample_companies/xishan-machinery.toml", "-o", str(report), *AS_OF, "--lang", lang]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    page, errors = _look(browser, report, _shots(tmp_path) / ("report.png" if lang == "zh" else "report-en.png"))
    total = page.locator('[data-total="cash"]')
    assert total.is_visible() and total.inner_text() == ("68.40万" if lang == "zh" else "¥684,000.00")
    assert page.locator("svg.chart rect").count() > 0  # the chart drew its bars
    assert _printed(page, tmp_path / "r.pdf") == []
    assert errors == []
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    page.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_district_page_renders_and_fits_a4(browser: Any, tmp_path: Path, lang: str) -> None:
    dashboard = tmp_path / "d.html"
    args = ["screen", "sample_companies/district.csv", "--html", str(dashboard), *AS_OF, "--lang", lang]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 2 and dashboard.exists()  # two rows of the sample cannot be read
    page, errors = _look(browser, dashboard, _shots(tmp_path) / ("district.png" if lang == "zh" else "district-en.png"))
    total = page.locator('[data-total="certain"]')
    assert total.is_visible() and total.inner_text() == ("2,085.60万" if lang == "zh" else "¥20,855,990.00")
    assert page.locator("svg.chart").count() == 3
    assert page.locator("ul.problems li").count() == 2
    assert _printed(page, tmp_path / "d.pdf") == []
    assert errors == []
    page.close()


def test_the_a4_check_sees_what_overflows(browser: Any, tmp_path: Path) -> None:
    # The checks above pass on silence: this shows they would speak.
    page_file = tmp_path / "wide.html"
    page_file.write_text(
        '<table style="width:100%;table-layout:fixed"><tr><td>' + "9" * 400 + "</td></tr></table>"
        '<script>console.error("boom")</script>',
        "utf-8",
    )
    page, errors = _look(browser, page_file, tmp_path / "wide.png")
    assert any("overflows" in o for o in _printed(page, tmp_path / "wide.pdf")) and errors == ["boom"]
    page.close()
