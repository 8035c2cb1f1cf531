"""HTML documents people hand on: a company's report and a district's dashboard.

Jinja2 templates (formats/templates/, package data) with autoescape on: a company's name is
text, never markup. Charts are inline SVG (formats.svg); the page loads nothing from anywhere.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from polcalc.formats.svg import bar_chart
from polcalc.i18n.numbers import money
from polcalc.i18n.words import word

TEMPLATES = Path(__file__).parent / "templates"
# A page with this in its head is ours to replace (cli.outputs.is_ours): base.html writes it.
HTML_MARKER = b'<meta name="generator" content="polcalc">'
KINDS = ("cash", "tax_relief", "fee_savings")
TOP_MEASURES = 15  # bars in the dashboard's chart of measures; the table lists them all


@lru_cache(maxsize=1)
def _env():  # jinja2 is imported only by the commands that write HTML
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _helpers(lang: str) -> dict[str, Any]:
    from markupsafe import Markup, escape

    def state(d: dict[str, Any]) -> Markup:
        key, css = (
            ("draft", "draft") if d["draft"] else (("state_open", "open") if d["open"] else ("state_closed", "closed"))
        )
        return Markup('<span class="badge {}">{}</span>').format(css, escape(word(key, lang)))

    return {
        "lang": lang,
        "w": lambda key: word(key, lang),
        # A long sum may wrap at its thousands separators, never overflow its cell.
        "money": lambda v: Markup(str(escape(money(Decimal(str(v)), lang))).replace(",", ",<wbr>")),
        "state": state,
    }


def amount_text(d: dict[str, Any], lang: str) -> str:
    """An eligible result's amount in words: the sum, a range, "≤ max" or not stated (as check's table)."""
    cell = lambda v: money(Decimal(str(v)), lang)  # noqa: E731
    if d["amount"] is not None:
        return cell(d["amount"])
    if d["amount_min"] is not None and d["amount_max"] is not None:
        return f"{cell(d['amount_min'])}–{cell(d['amount_max'])}"
    if d["amount_max"] is not None:
        return f"≤ {cell(d['amount_max'])}"
    return word("not_stated", lang)


def award_chart(rows: list[tuple[str, dict[str, Decimal]]], lang: str, with_up_to: bool = False) -> str:
    from markupsafe import Markup

    legend = {k: word(k, lang) for k in KINDS if any(v.get(k) for _, v in rows)}
    if with_up_to and any(v.get("up_to") for _, v in rows):
        legend["up_to"] = word("up_to_more", lang)
    return Markup(bar_chart(rows, legend, lambda v: money(v, lang), word("rep_chart", lang)))


def render_report(reports: list[dict[str, Any]], lang: str) -> str:
    """One HTML document for one or more companies (views.report.company_report dicts)."""
    companies = []
    for r in reports:
        awards = [a for p in r["policies"] for a in p["awards"]]
        for a in awards:
            a["amount_text"] = amount_text(a, lang)
        rows = [
            (f"{a['article']} {a['title']}", {a["group"]: Decimal(str(a["amount"]))})
            for a in awards
            if a["counted"] and a["amount"] is not None and a["group"] in KINDS
        ]
        companies.append({**r, "chart": award_chart(rows, lang), "n_awards": len(awards)})
    return _env().get_template("report.html").render(companies=companies, **_helpers(lang))


def _yuan(v: Any) -> Decimal:
    return Decimal(str(v)) if v is not None else Decimal(0)


def _cost_chart(rows: list[tuple[str, Decimal, Decimal]], lang: str, title: str) -> str:
    """Bars of certain cost and, beside it, what ranges could add (the dashboard's two charts)."""
    from markupsafe import Markup

    legend = {"certain": word("cost", lang)}
    if any(up for _, _, up in rows):
        legend["up_to"] = word("up_to_more", lang)
    data = [(label, {"certain": total, "up_to": up}) for label, total, up in rows if total or up]
    return Markup(bar_chart(data, legend, lambda v: money(v, lang), title))


def band_labels(lang: str) -> list[str]:
    """The distribution's bars: no award, sums the department sets, then the certain-total bands."""
    from polcalc.views.district import band_bounds

    labels = [word("band_none", lang), word("band_set", lang)]
    for lo, below in band_bounds():
        if not lo:
            labels.append(f"< {money(below, lang)}")
        elif below is None:
            labels.append(f"≥ {money(lo, lang)}")
        else:
            labels.append(f"{money(lo, lang)}–{money(below, lang)}")
    return labels


def render_district(data: dict[str, Any], lang: str, table: str, as_of: str) -> str:
    """The district's page (views.district.district_view data) for the screen of `table`."""
    from markupsafe import Markup

    by_cost = sorted(data["measures"], key=lambda m: -(_yuan(m["total"]) + _yuan(m["up_to_more"])))
    charts = {
        "policies": _cost_chart(
            [(p["title"], _yuan(p["total"]), _yuan(p["up_to_more"])) for p in data["policies"]],
            lang,
            word("dist_by_policy", lang),
        ),
        "measures": _cost_chart(
            [(f"{m['id']} {m['title']}", _yuan(m["total"]), _yuan(m["up_to_more"])) for m in by_cost[:TOP_MEASURES]],
            lang,
            word("dist_top_measures", lang),
        ),
        "bands": Markup(
            bar_chart(
                [(label, {"count": Decimal(n)}) for label, n in zip(band_labels(lang), data["bands"], strict=True)],
                {"count": word("dist_companies", lang)},
                lambda v: f"{int(v):,}",
                word("dist_distribution", lang),
            )
        ),
    }
    return (
        _env()
        .get_template("district.html")
        .render(**data, charts=charts, table=table, as_of=as_of, top_measures=TOP_MEASURES, **_helpers(lang))
    )
