"""`explain` as text: the measure in full, then (with a profile) the company's trace.

Every label follows --lang and amounts are written as the language writes them; the trace's
texts (values, notes, arithmetic) come already worded in the language (views.explain). The
rules' condition expressions are shown as the rules write them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import IO

from rich.console import Console
from rich.text import Text as RichText

from polcalc.formats.table import make_console
from polcalc.i18n.numbers import money
from polcalc.i18n.words import say, word
from polcalc.views.explain import CheckLine, MeasureDetail, Outcome, Trace, Yuan

_MARK = {True: "✓", False: "✗", None: "?"}


def _money(value: Yuan | None, lang: str) -> str:
    return money(Decimal(value), lang) if value is not None else "—"


def _day(value: dt.date | None, otherwise: str) -> str:
    return value.isoformat() if value is not None else otherwise


def write_explanation(
    out: IO[str], d: MeasureDetail, trace: Trace | None, lang: str = "en", quiet: bool = False
) -> None:
    """quiet: no near misses under the trace."""
    con = make_console(out)
    m = d.measure
    con.print(RichText(f"{m.id}  {m.title}", style="bold"))
    con.print(m.summary)
    number = say("ex_number", lang, number=m.document_number) if m.document_number else word("ex_no_number", lang)
    con.print(
        say(
            "ex_policy",
            lang,
            title=d.policy_title,
            policy=m.policy,
            issuer=m.issuer,
            number=number,
            issued=say("ex_issued", lang, date=d.issued.isoformat()) if d.issued else "",
            article=m.article,
        )
    )
    con.print(say("ex_department", lang, department=m.department))
    benefit = word(f"benefit_{m.benefit}", lang)
    con.print(say("ex_benefit", lang, benefit=benefit, award=m.award, cap=_money(m.cap, lang)))
    for t in d.tiers:
        cap = say("ex_tier_cap", lang, cap=_money(t.cap, lang)) if t.cap is not None else ""
        conditions = word("ex_and", lang).join(t.conditions)
        con.print(say("ex_tier", lang, label=t.label, conditions=conditions, award=t.award, cap=cap))
    conds = d.policy_conditions + d.conditions
    con.print(say("ex_who", lang, conditions="; ".join(conds) if conds else word("ex_no_conditions", lang)))
    if d.judged:
        con.print(say("ex_judged", lang, conditions="; ".join(d.judged)))
    con.print(say("ex_year", lang, year=d.year))
    for caveat in m.caveats:
        con.print(say("ex_caveat", lang, caveat=caveat))
    con.print(
        say(
            "ex_in_force",
            lang,
            start=_day(m.valid_from, word("ex_from_issue", lang)),
            end=_day(m.deadline, word("ex_no_end", lang)),
            draft=word("ex_draft", lang) if m.draft else "",
            note=say("ex_note", lang, note=d.validity_note) if d.validity_note else "",
        )
    )
    if m.interpretation:
        con.print(say("ex_reading", lang, text=m.interpretation))
    if d.policy_interpretation:
        con.print(say("ex_reading_policy", lang, text=d.policy_interpretation))
    if d.exclusions:
        con.print(say("ex_exclusions", lang, text=d.exclusions))
    if d.stacking:
        con.print(say("ex_stacking", lang, text=d.stacking))
    if d.does_not_stack_with:
        con.print(say("ex_no_stack_with", lang, ids=", ".join(d.does_not_stack_with)))
    if d.related:
        con.print(say("ex_related", lang, ids=", ".join(d.related)))
    if trace is not None:
        _write_trace(con, trace, lang, quiet)


def _write_check(con: Console, check: CheckLine, lang: str, indent: str = "  ") -> None:
    value = say("tr_is", lang, value=check.value) if check.value else ""
    missing = say("tr_missing", lang, keys=", ".join(check.missing)) if check.missing else ""
    note = f" [{check.note}]" if check.note else ""
    con.print(f"{indent}{_MARK[check.holds]} {check.condition}{value}{missing}{note}")
    for part in check.parts:
        _write_check(con, part, lang, indent + "    ")


def _write_trace(con: Console, t: Trace, lang: str, quiet: bool) -> None:
    con.print()
    as_of = t.as_of.isoformat()
    head = say("tr_head", lang, name=t.name, file=t.file, year=t.year, as_of=as_of)
    con.print(RichText(head, style="bold"))
    if t.policy_checks:
        con.print(word("tr_policy_checks", lang))
        for ch in t.policy_checks:
            _write_check(con, ch, lang)
    if t.checks:
        con.print(word("tr_checks", lang))
        for ch in t.checks:
            _write_check(con, ch, lang)
    for tier in t.tiers:
        state = word("tr_reached" if tier.reached else "tr_not_reached", lang)
        con.print(say("tr_tier", lang, label=tier.label, state=state))
        for ch in tier.checks:
            _write_check(con, ch, lang, "    ")
    if t.steps:
        con.print(word("tr_arithmetic", lang))
        for step in t.steps:
            con.print(f"  {step}")
    if t.cap is not None:
        state = word("tr_binding" if t.capped else "tr_not_binding", lang)
        con.print(say("tr_cap", lang, cap=_money(t.cap, lang), state=state))
    if t.stacking:
        con.print(say("ex_stacking", lang, text=t.stacking))
    v = t.validity
    state = "tr_draft" if v.draft else ("tr_open" if v.open else "tr_not_open")
    con.print(
        say(
            "tr_validity",
            lang,
            start=_day(v.start, "—"),
            end=_day(v.end, word("ex_no_end", lang)),
            state=word(state, lang),
            as_of=as_of,
        )
    )
    con.print(RichText(_result_line(t.outcome, lang), style="bold"))
    if not quiet:
        for text in t.near_texts:
            con.print(say("tr_near", lang, text=text))


def _result_line(r: Outcome, lang: str) -> str:
    if r.amount is not None:
        amount = _money(r.amount, lang)
    elif r.amount_min is not None and r.amount_max is not None:
        amount = f"{_money(r.amount_min, lang)}–{_money(r.amount_max, lang)}"
    elif r.amount_max is not None:
        amount = say("tr_up_to", lang, amount=_money(r.amount_max, lang))
    else:
        amount = word("tr_no_amount", lang)
    line = say("tr_result", lang, status=word(r.status, lang))
    if r.status == "eligible":
        line += say("tr_amount", lang, amount=amount)
    if r.missing:
        line += say("tr_fill_in", lang, keys=", ".join(r.missing))
    return line
