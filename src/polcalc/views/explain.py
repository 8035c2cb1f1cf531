"""What `explain` shows, as plain data: a measure in full, and its trace for one company.

Every text in it is in the run's language: conditions' values and notes, the arithmetic
(`steps`, `formula`), the stacking sentence, near misses.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from polcalc.core.money import json_number
from polcalc.engine.awards import kind_of
from polcalc.engine.catalog import Catalog
from polcalc.engine.evaluate import Check, CompanyResult, Result
from polcalc.engine.nearmiss import near_misses
from polcalc.i18n.steps import render_formula, render_steps
from polcalc.i18n.words import say
from polcalc.model.conditions import AnyOf, Condition, iter_comparisons
from polcalc.model.rules import Measure
from polcalc.views.hints import hint_dict
from polcalc.views.results import describe_award, measure_dict, result_dict


def _conditions(conds: tuple[Condition, ...], lang: str) -> list[str]:
    out = []
    for cond in conds:
        comparisons = list(iter_comparisons([cond]))
        if len(comparisons) == 1 and comparisons[0] is cond:
            out.append(cond.text)  # type: ignore[union-attr]
        else:
            group = "cond_any" if isinstance(cond, AnyOf) else "cond_all"
            out.append(say(group, lang, items=" | ".join(c.text for c in comparisons)))
    return out


def measure_detail(measure: Measure, catalog: Catalog, as_of: dt.date, lang: str) -> dict[str, Any]:
    policy = catalog.policy_of(measure)
    data = measure_dict(measure, catalog, as_of, lang)
    group = measure.stacking_group
    data.update(
        {
            "policy_title": policy.title.get(lang),
            "issued": policy.issued.isoformat() if policy.issued else None,
            "source": policy.source,
            "policy_conditions": _conditions(policy.when, lang),
            "conditions": _conditions(measure.when, lang),
            "judged": _conditions(measure.judged, lang),
            "tiers": [
                {
                    "label": t.label.get(lang),
                    "conditions": _conditions(t.when, lang),
                    "award": describe_award(t.award, lang, catalog.vocabulary),
                    "cap": json_number(t.cap),
                }
                for t in kind_of(measure.award).choices()
            ],
            "year": measure.year or policy.year,
            "validity_note": (measure.validity_note or policy.validity_note).get(lang)
            if (measure.validity_note or policy.validity_note)
            else None,
            "exclusions": policy.exclusions.get(lang) if policy.exclusions else None,
            "stacking": policy.stacking.get(lang) if policy.stacking else None,
            "does_not_stack_with": [
                m.id for m in catalog.measures.values() if group and m.stacking_group == group and m.id != measure.id
            ],
            "related": list(measure.related),
            "policy_interpretation": policy.interpretation.get(lang) if policy.interpretation else None,
        }
    )
    return data


def check_dict(check: Check, lang: str = "en") -> dict[str, Any]:
    return {
        "condition": check.describe(lang),
        "holds": check.holds,
        "value": check.value(lang) or None,
        "missing": list(check.missing),
        "note": check.explain_note(lang) or None,
        "parts": [check_dict(c, lang) for c in check.children],
    }


def company_trace(
    result: Result, company: CompanyResult, catalog: Catalog, as_of: dt.date, lang: str
) -> dict[str, Any]:
    policy = result.policy
    n_policy = len(policy.when)
    c = result.computed
    stacked = None
    if result.stacked_out_by:
        stacked = say("tr_stacked_out", lang, other=result.stacked_out_by)
    elif result.measure.stacking_group:
        peers = [
            r.id
            for r in company.results
            if r.measure.stacking_group == result.measure.stacking_group and r.id != result.id
        ]
        ids = ", ".join([result.id, *peers])
        stacked = say("tr_stacking_group", lang, group=result.measure.stacking_group, ids=ids)
    hints = near_misses(result, company.profile, catalog, as_of)
    return {
        "file": company.source,
        "name": company.profile.name,
        "year": result.year,
        "as_of": as_of.isoformat(),
        "result": result_dict(result, lang),
        "policy_checks": [check_dict(ch, lang) for ch in result.checks[:n_policy]],
        "checks": [check_dict(ch, lang) for ch in result.checks[n_policy:]],
        "tiers": [
            {
                "label": label.get(lang),
                "reached": all(ch.holds for ch in checks),
                "checks": [check_dict(ch, lang) for ch in checks],
            }
            for label, checks in c.tier_checks
        ],
        "steps": render_steps(c.steps, lang),
        "formula": render_formula(c.formula, lang) or None,
        "cap": json_number(result.cap),
        "capped": c.capped,
        "stacking": stacked,
        "validity": {
            "from": result.valid_from.isoformat() if result.valid_from else None,
            "to": result.deadline.isoformat() if result.deadline else None,
            "open": result.open,
            "draft": result.draft,
        },
        "near_misses": [hint_dict(h, lang, catalog.vocabulary) for h in hints],
    }
