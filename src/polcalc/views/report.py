"""A company's report as plain data: what `check --format json` says of it (views.results, never
recomputed), with what a document for a client adds: the citation, the arithmetic (explain's
steps), the department's caveats and reading of ambiguous clauses, near misses, missing data,
non-cash measures and the timeline of windows and deadlines.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from polcalc.engine.catalog import Catalog
from polcalc.engine.evaluate import CompanyResult
from polcalc.i18n.steps import render_formula, render_steps
from polcalc.views.keys import key_words, profile_facts
from polcalc.views.results import TOTAL_GROUPS, company_view


def company_report(
    company: CompanyResult, catalog: Catalog, as_of: dt.date, lang: str, include_drafts: bool = False
) -> dict[str, Any]:
    vocab = catalog.vocabulary
    view = company_view(company, lang, vocab)
    data = view.as_dict(include_drafts)  # the json's dict: its amounts are the report's
    policies: dict[str, dict[str, Any]] = {}
    non_cash: list[dict[str, Any]] = []
    timeline: list[dict[str, Any]] = []
    for result, shown, d in zip(company.results, view.results, data["results"], strict=True):
        if not shown.eligible or (shown.measure.draft and not include_drafts):
            continue
        m, policy = result.measure, result.policy
        if not shown.measure.grants_money or m.benefit == "deferral":
            non_cash.append({**d, "summary": m.summary.get(lang)})
            continue
        c = result.computed
        entry = {
            **d,
            "group": TOTAL_GROUPS.get(m.benefit, "other"),
            "summary": m.summary.get(lang),
            "department": m.department.get(lang),
            "interpretation": m.interpretation.get(lang) if m.interpretation else None,
            "steps": render_steps(c.steps, lang),
            "formula": render_formula(c.formula, lang) or None,
        }
        group = policies.setdefault(
            policy.id,
            {
                "id": policy.id,
                "title": policy.title.get(lang),
                "document_number": policy.document_number,
                "issuer": policy.issuer.get(lang),
                "draft": policy.draft,
                "awards": [],
            },
        )
        group["awards"].append(entry)
        timeline.append(d)
    timeline.sort(key=lambda d: (d["deadline"] or "9999", d["id"]))
    pending, keys = view.needs_data()
    return {
        **data,
        "as_of": as_of.isoformat(),
        "region_label": vocab.regions[company.profile.region].label.get(lang)
        if company.profile.region in vocab.regions
        else company.profile.region,
        "facts": profile_facts(company.profile, vocab, lang),
        "policies": list(policies.values()),
        "non_cash": non_cash,
        "timeline": timeline,
        "needs_data": [(key_words(k, vocab, lang), n) for k, n in keys.most_common()],
        "needs_data_measures": pending,
    }
