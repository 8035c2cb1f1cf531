"""Results and measures as plain data (dicts of str, int, Decimal, bool, None).

Every output format reads these, so json, jsonl, csv and the table agree on every amount.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from polcalc.core.money import json_number
from polcalc.engine.awards import kind_of
from polcalc.engine.evaluate import ELIGIBLE, CompanyResult, Result, measure_cap
from polcalc.engine.selectors import SELECTORS
from polcalc.i18n.steps import render_step
from polcalc.i18n.words import say, word
from polcalc.model.conditions import FactRef
from polcalc.model.rules import AwardModel
from polcalc.model.vocabulary import Vocabulary

# How the total groups benefits: cash is money paid; the others are money not spent.
TOTAL_GROUPS = {
    "grant": "cash",
    "matching_grant": "cash",
    "tax_relief": "tax_relief",
    "fee_reduction": "fee_savings",
}


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def failed_reasons(result: Result, lang: str = "en", shown: dict[int, str] | None = None) -> list[str]:
    """Each failed condition with what the company has, then why the award cannot be computed.

    `shown` remembers, by id(), what a fact adds to a reason ("(is medium)", a derivation's note),
    across the results of one company whose facts are all alive: its measures share the facts
    (size, revenue) that many of their conditions fail on."""
    reasons = []
    for check in result.checks:
        if check.holds is False:
            fact = check.fact
            if shown is not None and fact is not None and check.right is None and not fact.undefined:
                # Check.value and explain_note for one fact that has a value: show() and note().
                suffix = shown.get(id(fact))
                if suffix is None:
                    suffix = shown[id(fact)] = _suffix(fact.show(lang), fact.note(lang) or "", lang)
                reasons.append(check.describe(lang) + suffix)
            else:
                reasons.append(check.describe(lang) + _suffix(check.value(lang), check.explain_note(lang), lang))
    if result.computed.undefined:
        reasons.append(render_step(result.computed.undefined, lang))
    if not result.computed.reached:
        reasons.append(word("below_lowest_tier", lang))
    return reasons


def _suffix(value: str, note: str, lang: str) -> str:
    actual = say("reason_is", lang, value=value) if value else ""
    return f"{actual} [{note}]" if note else actual


class _Fixed:
    """What a result says that depends only on its measure, built once per measure and language
    (a batch run serialises the same measures for every company): the whole dict as a result
    that is not eligible says it, to be copied and filled in, and the measure's cap for JSON."""

    __slots__ = ("cap", "caveats", "lines", "measure", "policy", "template")

    def __init__(self, result: Result, lang: str) -> None:
        m = result.measure
        self.measure, self.policy = m, result.policy  # held: they keep the id of the key theirs
        self.lines: dict[bool, str] = {}  # the CSV line less what varies by company, for check and screen
        self.caveats = [x.get(lang) for x in m.caveats]
        self.cap = json_number(measure_cap(m))
        # The keys in the order every format writes them; the lists are replaced in each copy.
        self.template: dict[str, Any] = {
            "id": m.id,
            "policy": m.policy_id,
            "article": m.article,
            "title": m.title.get(lang),
            "title_zh": m.title.zh,
            "title_en": m.title.en,
            "benefit": m.benefit,
            "deadline": _date(result.deadline),
            "valid_from": _date(result.valid_from),
            "draft": result.draft,
            "year": result.year,
            "caveats": self.caveats,
            "status": None,
            "amount": None,
            "amount_max": None,
            "amount_min": None,
            "cap": self.cap,
            "open": None,
            "tier": None,
            "capped": False,
            "missing": None,
            "more_data": None,
            "reasons": None,
            "stacked_out_by": None,
            "counted": False,
        }


def fixed_part(result: Result, lang: str) -> _Fixed:
    """What a result shows that is the same for every company, once per catalog and language."""
    table = result.catalog.fixed_fields
    fixed = table.get((result.measure.id, lang))
    if fixed is None:
        fixed = table[(result.measure.id, lang)] = _Fixed(result, lang)
    return fixed


def result_dict(result: Result, lang: str = "en", shown: dict[int, str] | None = None) -> dict[str, Any]:
    """The result as plain data; `shown` as for failed_reasons (one company's results)."""
    fixed = fixed_part(result, lang)
    c = result.computed
    d = fixed.template.copy()  # a copy keeps the key order; only what varies is set
    d["caveats"] = fixed.caveats[:]
    set_row_fields(d, result, fixed)
    if d["status"] == ELIGIBLE:
        d["amount_min"] = json_number(c.amount_min)
        d["tier"] = c.tier.get(lang) if c.tier else None
        d["capped"] = c.capped
        d["more_data"] = list(c.more_data)
        d["reasons"] = []
    else:
        d["more_data"] = []
        d["reasons"] = failed_reasons(result, lang, shown)
    d["counted"] = result.counted()
    return d


def set_row_fields(d: dict[str, Any], result: Result, fixed: _Fixed, missing: bool = True) -> None:
    """Set in `d` (result_dict's, or the csv's few) the fields the csv writes too that vary by
    company; the others are the measure's (fixed.template). Always the same keys, set in the
    csv's order, so the csv fills them into a line made once per measure; with `missing` False
    no "missing" (screen's csv has none, and finding them builds the checks)."""
    c = result.computed
    d["status"] = status = result.status
    eligible = status == ELIGIBLE
    d["amount"] = json_number(c.amount) if eligible else None
    d["amount_max"] = json_number(c.amount_max) if eligible else None
    d["cap"] = fixed.cap if c.cap is None else json_number(c.cap)
    d["open"] = result.open
    d["stacked_out_by"] = result.stacked_out_by
    if missing:
        d["missing"] = [] if eligible else list(result.missing)


@dataclass
class Totals:
    """Sums of certain amounts by kind; uncertain ("up to", ranges) kept apart, never added in."""

    certain: dict[str, Decimal] = field(
        default_factory=lambda: {"cash": Decimal(0), "tax_relief": Decimal(0), "fee_savings": Decimal(0)}
    )
    up_to: Decimal = Decimal(0)  # the most the discretionary and range awards could add
    discretionary: int = 0  # eligible awards with no stated ceiling
    deferrals: int = 0
    services: int = 0
    stacked_out: int = 0
    drafts_left_out: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            **{k: json_number(v) for k, v in self.certain.items()},
            "up_to_more": json_number(self.up_to),
            "unstated_amounts": self.discretionary,
            "deferrals": self.deferrals,
            "services": self.services,
            "stacked_out": self.stacked_out,
            "drafts_left_out": self.drafts_left_out,
        }


def totals(results: list[Result], include_drafts: bool = False) -> Totals:
    out = Totals()
    for r in results:
        if r.status != ELIGIBLE:
            continue
        if r.draft and not include_drafts:
            out.drafts_left_out += 1
            continue
        if r.stacked_out_by:
            out.stacked_out += 1
            continue
        benefit = r.measure.benefit
        group = TOTAL_GROUPS.get(benefit)
        c = r.computed  # eligible: its amounts are the result's
        if c.amount is not None and group:
            out.certain[group] += c.amount
        elif c.amount_max is not None and group:
            out.up_to += c.amount_max
        elif benefit == "deferral":
            out.deferrals += 1
        elif group:
            out.discretionary += 1
        else:
            out.services += 1
    return out


def company_dict(
    company: CompanyResult, lang: str = "en", include_drafts: bool = False, vocab: Vocabulary | None = None
) -> dict[str, Any]:
    """The company as the json writes it; `vocab` words its near misses, when it has any."""
    shown: dict[int, str] = {}
    near = None
    if company.near_misses is not None:
        from polcalc.views.hints import hint_dict  # here: a check without --near never needs it

        if vocab is None:
            raise ValueError("a company's near misses are worded with the vocabulary: pass vocab")
        near = [hint_dict(h, lang, vocab) for h in company.near_misses]
    return {
        "file": company.source,
        "name": company.profile.name,
        "region": company.profile.region,
        "results": [result_dict(r, lang, shown) for r in company.results],
        "totals": totals(company.results, include_drafts).as_dict(),
        **({"near_misses": near} if near is not None else {}),
    }


# ------------------------------------------------------------------ measures without a company


def fact_label(fact: FactRef, vocab: Vocabulary | None, lang: str) -> str:
    """A fact in words: `industrial_output.prev` -> "last year's gross industrial output"."""
    label = vocab.label_of(fact.name) if vocab else None
    if label is None:
        return fact.text
    text = label.get(lang)
    for sel in fact.selectors:
        selector = SELECTORS.get(sel.name)
        worded = selector.label(text, lang) if selector is not None else None
        if worded is None:
            return fact.text
        text = worded
    return text


def describe_award(award: AwardModel, lang: str = "en", vocab: Vocabulary | None = None) -> str:
    """A short statement of the award, for listings: its kind states it, naming facts in words."""
    return kind_of(award).describe(lang, lambda fact: fact_label(fact, vocab, lang), vocab)
