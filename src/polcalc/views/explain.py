"""What `explain` shows, as typed data: a measure in full (MeasureDetail), and its trace for one
company (Trace). The text (formats.explain) reads their attributes; `explain --format json` writes
explanation_json, whose keys and values each class's as_json decides, in one place: a class's
fields in the order they are declared, dates as ISO text, tuples as lists.

Every text in them is in the run's language: conditions' values and notes, the arithmetic
(`steps`, `formula`), the stacking sentence, near misses. Amounts are yuan as the json writes
them (core.money.json_number: rounded to fen), so the text shows the very amounts the json has.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from polcalc.core.money import json_number
from polcalc.engine.awards import kind_of
from polcalc.engine.catalog import Catalog
from polcalc.engine.compiled import Compiled
from polcalc.engine.evaluate import Check, CompanyResult, Result
from polcalc.engine.nearmiss import near_misses
from polcalc.i18n.steps import render_formula, render_steps
from polcalc.i18n.words import say
from polcalc.model.conditions import AnyOf, Condition, iter_comparisons
from polcalc.model.rules import Measure
from polcalc.views.hints import HintView, hint_view
from polcalc.views.measures import MeasureView, Yuan, measure_view
from polcalc.views.results import describe_award, result_dict
from polcalc.views.view import View

# ------------------------------------------------------------------ the measure in full


@dataclass(slots=True)
class TierDetail(View):
    """One tier of the award as the rules give it."""

    label: str
    conditions: tuple[str, ...]
    award: str
    cap: Yuan | None


@dataclass(slots=True)
class MeasureDetail(View):
    """A measure in full: the measure as `list --format json` gives it (views.measures), then
    what explain adds; its JSON is the two run together, the measure's keys first."""

    measure: MeasureView
    policy_title: str
    issued: dt.date | None
    source: str
    policy_conditions: tuple[str, ...]
    conditions: tuple[str, ...]
    judged: tuple[str, ...]
    tiers: tuple[TierDetail, ...]
    year: int
    validity_note: str | None
    exclusions: str | None
    stacking: str | None
    does_not_stack_with: tuple[str, ...]
    related: tuple[str, ...]
    policy_interpretation: str | None

    def as_json(self) -> dict[str, Any]:
        own = View.as_json(self)
        return {**own.pop("measure"), **own}


def _conditions(conds: tuple[Condition, ...], lang: str) -> tuple[str, ...]:
    out = []
    for cond in conds:
        comparisons = list(iter_comparisons([cond]))
        if len(comparisons) == 1 and comparisons[0] is cond:
            out.append(cond.text)  # type: ignore[union-attr]
        else:
            group = "cond_any" if isinstance(cond, AnyOf) else "cond_all"
            out.append(say(group, lang, items=" | ".join(c.text for c in comparisons)))
    return tuple(out)


def measure_detail(measure: Measure, catalog: Catalog, as_of: dt.date, lang: str) -> MeasureDetail:
    policy = catalog.policy_of(measure)
    vocab = catalog.vocabulary
    group = measure.stacking_group
    validity_note = measure.validity_note or policy.validity_note
    return MeasureDetail(
        measure=measure_view(measure, catalog, as_of, lang),
        policy_title=policy.title.get(lang),
        issued=policy.issued,
        source=policy.source,
        policy_conditions=_conditions(policy.when, lang),
        conditions=_conditions(measure.when, lang),
        judged=_conditions(measure.judged, lang),
        tiers=tuple(
            TierDetail(
                label=t.label.get(lang),
                conditions=_conditions(t.when, lang),
                award=describe_award(t.award, lang, vocab),
                cap=json_number(t.cap),
            )
            for t in kind_of(measure.award).choices()
        ),
        year=measure.year or policy.year,
        validity_note=validity_note.get(lang) if validity_note else None,
        exclusions=policy.exclusions.get(lang) if policy.exclusions else None,
        stacking=policy.stacking.get(lang) if policy.stacking else None,
        does_not_stack_with=tuple(
            m.id for m in catalog.measures.values() if group and m.stacking_group == group and m.id != measure.id
        ),
        related=measure.related,
        policy_interpretation=policy.interpretation.get(lang) if policy.interpretation else None,
    )


# ------------------------------------------------------------------ the trace for one company


@dataclass(slots=True)
class CheckLine(View):
    """One condition tested: what it asks, what the company has and why, and a group's parts."""

    condition: str
    holds: bool | None  # None: the profile lacks what it needs
    value: str | None
    missing: tuple[str, ...]
    note: str | None
    parts: tuple[CheckLine, ...]


def check_line(check: Check, lang: str) -> CheckLine:
    return CheckLine(
        condition=check.describe(lang),
        holds=check.holds,
        value=check.value(lang) or None,
        missing=check.missing,
        note=check.explain_note(lang) or None,
        parts=tuple(check_line(c, lang) for c in check.children),
    )


@dataclass(slots=True)
class TierTrace(View):
    """One tier for the company: whether all its conditions hold, and each of them."""

    label: str
    reached: bool
    checks: tuple[CheckLine, ...]


@dataclass(slots=True)
class Validity(View):
    start: dt.date | None = field(metadata={"json": "from"})
    end: dt.date | None = field(metadata={"json": "to"})
    open: bool
    draft: bool


@dataclass(slots=True)
class Outcome:
    """What the trace's last line states, read from the trace's result (one source, so the
    text and the json cannot disagree)."""

    status: str
    amount: Yuan | None
    amount_min: Yuan | None
    amount_max: Yuan | None
    missing: tuple[str, ...]


@dataclass(slots=True)
class Trace(View):
    """The measure for one company: every condition with the company's value, the tiers, the
    arithmetic, the cap, stacking, validity, the result and the near misses."""

    file: str
    name: str
    year: int
    as_of: dt.date
    # The result as `check --format json` gives it (views.results.result_dict: the contract's).
    result: dict[str, Any]
    policy_checks: tuple[CheckLine, ...]
    checks: tuple[CheckLine, ...]
    tiers: tuple[TierTrace, ...]
    steps: tuple[str, ...]
    formula: str | None
    cap: Yuan | None
    capped: bool
    stacking: str | None
    validity: Validity
    near_misses: tuple[HintView, ...]  # as views.hints words them for every format

    @property
    def outcome(self) -> Outcome:
        r = self.result
        return Outcome(
            status=r["status"],
            amount=r["amount"],
            amount_min=r["amount_min"],
            amount_max=r["amount_max"],
            missing=tuple(r["missing"]),
        )

    @property
    def near_texts(self) -> tuple[str, ...]:
        """Each near miss in a sentence."""
        return tuple(h.text for h in self.near_misses)


def _stacking(result: Result, company: CompanyResult, lang: str) -> str | None:
    if result.stacked_out_by:
        return say("tr_stacked_out", lang, other=result.stacked_out_by)
    group = result.measure.stacking_group
    if not group:
        return None
    peers = [r.id for r in company.results if r.measure.stacking_group == group and r.id != result.id]
    return say("tr_stacking_group", lang, group=group, ids=", ".join([result.id, *peers]))


def company_trace(result: Result, company: CompanyResult, catalog: Compiled, as_of: dt.date, lang: str) -> Trace:
    n_policy = len(result.policy.when)
    c = result.computed
    hints = near_misses(result, company.profile, catalog, as_of)
    return Trace(
        file=company.source,
        name=company.profile.name,
        year=result.year,
        as_of=as_of,
        result=result_dict(result, lang),
        policy_checks=tuple(check_line(ch, lang) for ch in result.checks[:n_policy]),
        checks=tuple(check_line(ch, lang) for ch in result.checks[n_policy:]),
        tiers=tuple(
            TierTrace(
                label=label.get(lang),
                reached=all(ch.holds for ch in checks),
                checks=tuple(check_line(ch, lang) for ch in checks),
            )
            for label, checks in c.tier_checks
        ),
        steps=tuple(render_steps(c.steps, lang)),
        formula=render_formula(c.formula, lang) or None,
        cap=json_number(result.cap),
        capped=c.capped,
        stacking=_stacking(result, company, lang),
        validity=Validity(start=result.valid_from, end=result.deadline, open=result.open, draft=result.draft),
        near_misses=tuple(hint_view(h, lang, catalog.vocabulary) for h in hints),
    )


def explanation_json(detail: MeasureDetail, trace: Trace | None) -> dict[str, Any]:
    """What `explain --format json` prints: the measure, and its trace or null."""
    return {"measure": detail.as_json(), "trace": trace.as_json() if trace is not None else None}
