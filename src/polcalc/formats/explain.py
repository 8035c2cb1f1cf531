"""`explain` as text: the measure in full, then (with a profile) the company's trace."""

from __future__ import annotations

from decimal import Decimal
from typing import IO, Any

from rich.text import Text as RichText

from polcalc.formats.table import make_console
from polcalc.money import format_wan

_MARK = {True: "✓", False: "✗", None: "?"}


def _wan(value: Any) -> str:
    return format_wan(Decimal(value)) if value is not None else "—"


def write_explanation(out: IO[str], detail: dict[str, Any], trace: dict[str, Any] | None) -> None:
    con = make_console(out)
    d = detail
    con.print(RichText(f"{d['id']}  {d['title']}", style="bold"))
    con.print(d["summary"])
    con.print(
        f"Policy: {d['policy_title']} ({d['policy']}), {d['issuer']}"
        f"{', ' + d['document_number'] if d['document_number'] else ', no document number'}"
        f"{', issued ' + d['issued'] if d['issued'] else ''}; article {d['article']}"
    )
    con.print(f"Department: {d['department']}")
    con.print(f"Benefit: {d['benefit']}; award: {d['award']}; cap: {_wan(d['cap'])}")
    for t in d["tiers"]:
        cap = f" (cap {_wan(t['cap'])})" if t["cap"] is not None else ""
        con.print(f"  · {t['label']}: {' and '.join(t['conditions'])} → {t['award']}{cap}")
    conds = d["policy_conditions"] + d["conditions"]
    con.print("Who qualifies: " + ("; ".join(conds) if conds else "no condition the rules can test"))
    con.print(f"Figures of year: {d['year']}")
    for caveat in d["caveats"]:
        con.print(f"For the department to judge: {caveat}")
    window = f"{d['valid_from'] or 'issue'} to {d['deadline'] or 'no end stated'}"
    con.print(
        f"In force: {window}{'; DRAFT, never in force' if d['draft'] else ''}"
        f"{' (' + d['validity_note'] + ')' if d['validity_note'] else ''}"
    )
    if d["interpretation"]:
        con.print(f"Reading taken: {d['interpretation']}")
    if d["policy_interpretation"]:
        con.print(f"Reading taken (whole document): {d['policy_interpretation']}")
    if d["exclusions"]:
        con.print(f"Exclusions: {d['exclusions']}")
    if d["stacking"]:
        con.print(f"Stacking: {d['stacking']}")
    if d["does_not_stack_with"]:
        con.print(f"Does not stack with: {', '.join(d['does_not_stack_with'])}")
    if d["related"]:
        con.print(f"Related: {', '.join(d['related'])}")
    if trace is not None:
        _write_trace(con, trace)


def _write_check(con, check: dict[str, Any], indent: str = "  ") -> None:
    value = f" — is {check['value']}" if check["value"] else ""
    missing = f" — missing {', '.join(check['missing'])}" if check["missing"] else ""
    note = f" [{check['note']}]" if check["note"] else ""
    con.print(f"{indent}{_MARK[check['holds']]} {check['condition']}{value}{missing}{note}")
    for part in check["parts"]:
        _write_check(con, part, indent + "    ")


def _write_trace(con, t: dict[str, Any]) -> None:
    r = t["result"]
    con.print()
    con.print(RichText(f"For {t['name']} ({t['file']}), figures of {t['year']}, as of {t['as_of']}", style="bold"))
    if t["policy_checks"]:
        con.print("Document-wide conditions:")
        for ch in t["policy_checks"]:
            _write_check(con, ch)
    if t["checks"]:
        con.print("Conditions:")
        for ch in t["checks"]:
            _write_check(con, ch)
    for tier in t["tiers"]:
        con.print(f"Tier {tier['label']}: {'reached' if tier['reached'] else 'not reached'}")
        for ch in tier["checks"]:
            _write_check(con, ch, "    ")
    if t["steps"]:
        con.print("Arithmetic:")
        for step in t["steps"]:
            con.print(f"  {step}")
    if t["cap"] is not None:
        con.print(f"Cap {_wan(t['cap'])}: {'binding' if t['capped'] else 'not binding'}")
    if t["stacking"]:
        con.print(f"Stacking: {t['stacking']}")
    v = t["validity"]
    con.print(
        f"Validity: {v['from'] or '—'} to {v['to'] or 'no end stated'}: "
        f"{'draft, never in force' if v['draft'] else ('open' if v['open'] else 'not open')} on {t['as_of']}"
    )
    amount = (
        _wan(r["amount"])
        if r["amount"] is not None
        else (f"up to {_wan(r['amount_max'])}" if r["amount_max"] is not None else "no fixed amount")
    )
    line = f"Result: {r['status']}"
    if r["status"] == "eligible":
        line += f", {amount}"
    if r["missing"]:
        line += f"; fill in: {', '.join(r['missing'])}"
    con.print(RichText(line, style="bold"))
    for hint in t["near_misses"]:
        con.print(f"Near miss: {hint['text']}")
