"""Results and measures as plain data (dicts of str, int, Decimal, bool, None).

Every output format reads these, so json, jsonl, csv and the table agree on every amount.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from polcalc.core.money import json_number
from polcalc.engine.awards import kind_of
from polcalc.engine.evaluate import ELIGIBLE, NEEDS_DATA, CompanyResult, Result, measure_cap
from polcalc.engine.selectors import SELECTORS
from polcalc.i18n.steps import is_fixed_sum, render_formula, render_step
from polcalc.i18n.words import say, word
from polcalc.model.conditions import FactRef
from polcalc.model.rules import AwardModel
from polcalc.model.vocabulary import Vocabulary

if TYPE_CHECKING:
    from polcalc.views.hints import HintView

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


class MeasurePart:
    """A result's measure in one language: what the result shows that is the same for every
    company (its id, title, window, caveats, the cap it sets ...). Built once per measure and
    language (a batch run shows the same measures for every company), kept in
    Compiled.fixed_fields. `template` is the json's dict as a result that is not eligible has
    it, to be copied and filled in; `lines` the csv's line less what varies by company."""

    __slots__ = (
        "_rule",
        "article",
        "benefit",
        "cap",
        "caveats",
        "deadline",
        "department",
        "draft",
        "grants_money",
        "id",
        "json_cap",
        "lang",
        "lines",
        "policy",
        "rules",
        "template",
        "title",
        "valid_from",
        "year",
    )

    def __init__(self, result: Result, lang: str) -> None:
        m = result.measure
        self.rules, self.lang = m, lang  # the measure as the rules have it
        self.id, self.policy, self.article, self.benefit = m.id, m.policy_id, m.article, m.benefit
        self.title = m.title.get(lang)
        self.department = m.department.get(lang)
        self.deadline, self.valid_from = result.deadline, result.valid_from
        self.draft, self.year = result.draft, result.year
        self.caveats = [x.get(lang) for x in m.caveats]
        self.cap = measure_cap(m)  # a result's cap when its award sets none of its own
        self.json_cap = json_number(self.cap)
        self.grants_money = kind_of(m.award).grants_money
        self._rule: str | None = None
        self.lines: dict[bool, str] = {}  # the CSV line less what varies by company, for check and screen
        # The keys in the order every format writes them; the lists are replaced in each copy.
        self.template: dict[str, Any] = {
            "id": m.id,
            "policy": m.policy_id,
            "article": m.article,
            "title": self.title,
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
            "cap": self.json_cap,
            "open": None,
            "tier": None,
            "capped": False,
            "missing": None,
            "more_data": None,
            "reasons": None,
            "stacked_out_by": None,
            "counted": False,
        }

    @property
    def rule(self) -> str:
        """The award as the rule states it (describe_award, its facts as the rules name them)."""
        if self._rule is None:
            self._rule = describe_award(self.rules.award, self.lang)
        return self._rule


def measure_parts(result: Result, lang: str) -> dict[str, MeasurePart]:
    """The MeasureParts made so far in a language of the result's catalog, by measure id."""
    return result.catalog.fixed_fields.setdefault(lang, {})


def measure_part(result: Result, lang: str, parts: dict[str, MeasurePart] | None = None) -> MeasurePart:
    """The result's measure in a language, made once per catalog, measure and language;
    `parts` its catalog's measure_parts, when the caller has them."""
    table = measure_parts(result, lang) if parts is None else parts
    found = table.get(result.measure.id)
    if found is None:
        found = table[result.measure.id] = MeasurePart(result, lang)
    return found


class ResultView:
    """One result in one language, as every format shows it: the one place that decides what
    each field says (an amount only when eligible, the cap the award's or else the measure's).
    Amounts are exact Decimals, as the rules computed them; each format writes them its way.
    The measure's fields come from its MeasurePart; what costs words (reasons, the award's
    arithmetic) is worked out only when read."""

    __slots__ = (
        "_computed",
        "_reasons",
        "_result",
        "_shown",
        "amount",
        "amount_max",
        "amount_min",
        "cap",
        "eligible",
        "measure",
        "open",
        "stacked_out_by",
        "status",
    )

    def __init__(self, result: Result, measure: MeasurePart, shown: dict[int, str] | None = None) -> None:
        self.measure, self._result, self._shown, self._reasons = measure, result, shown, None
        c = self._computed = result.computed
        self.status = status = result.status
        self.amount: Decimal | None
        self.amount_max: Decimal | None
        self.amount_min: Decimal | None
        if status == ELIGIBLE:  # the amounts of one that is not are none (its award is unproven)
            self.eligible = True
            self.amount, self.amount_max, self.amount_min = c.amount, c.amount_max, c.amount_min
        else:
            self.eligible = False
            self.amount = self.amount_max = self.amount_min = None
        self.cap: Decimal | None = measure.cap if c.cap is None else c.cap
        self.open: bool = result.open
        self.stacked_out_by: str | None = result.stacked_out_by

    @property
    def tier(self) -> str | None:
        tier = self._computed.tier
        return tier.get(self.measure.lang) if self.eligible and tier is not None else None

    @property
    def capped(self) -> bool:
        return self.eligible and self._computed.capped

    @property
    def more_data(self) -> tuple[str, ...]:
        """Keys a higher tier needs to be judged, for an eligible result."""
        return self._computed.more_data if self.eligible else ()

    @property
    def missing(self) -> tuple[str, ...]:
        """The keys the profile lacks, for a result that is not eligible."""
        return () if self.eligible else self._result.missing

    @property
    def reasons(self) -> list[str]:
        """Why a result that is not eligible is not (failed_reasons); none for an eligible one."""
        if self._reasons is None:
            self._reasons = [] if self.eligible else failed_reasons(self._result, self.measure.lang, self._shown)
        return self._reasons

    @property
    def counted(self) -> bool:
        """Whether it adds to a total, drafts left out."""
        return self._result.counted()

    @property
    def award(self) -> str:
        """The award as the table words it: for an eligible result its arithmetic with the
        company's numbers (or as its kind words it), else the rule."""
        measure = self.measure
        if not self.eligible:
            return measure.rule
        c, lang = self._computed, measure.lang
        worked = kind_of(measure.rules.award).worked(c, lang)
        if worked is not None:
            return worked
        tier = self.tier + ": " if self.tier is not None else ""
        if c.formula and not is_fixed_sum(c.formula, c.amount):  # a fixed sum is the amount: not said twice
            return tier + render_formula(c.formula, lang)
        return tier.rstrip(": ") or measure.rule

    def as_dict(self) -> dict[str, Any]:
        """The result as the json writes it (shared/CONTRACT.md), its keys in the fixed order."""
        measure = self.measure
        d = measure.template.copy()  # a copy keeps the key order; only what varies is set
        d["caveats"] = measure.caveats[:]
        set_row_fields(d, self)
        if self.eligible:  # else the template's amount_min, tier and capped are the view's
            d["amount_min"] = _json(self.amount_min)
            d["tier"] = self.tier
            d["capped"] = self.capped
            d["more_data"] = list(self.more_data)
            d["reasons"] = []
        else:  # the properties' answers for a result that is not eligible, without their calls
            d["more_data"] = []
            d["reasons"] = self.reasons
        d["counted"] = self._result.counted()
        return d


def _json(amount: Decimal | None) -> int | Decimal | None:
    """json_number, with no call for the many amounts that are None."""
    return None if amount is None else json_number(amount)


def result_view(result: Result, lang: str = "en", shown: dict[int, str] | None = None) -> ResultView:
    """The result in a language; `shown` as for failed_reasons (one company's results)."""
    return ResultView(result, measure_part(result, lang), shown)


def result_dict(result: Result, lang: str = "en", shown: dict[int, str] | None = None) -> dict[str, Any]:
    """The result as plain data (ResultView.as_dict); `shown` as for failed_reasons."""
    return result_view(result, lang, shown).as_dict()


def set_row_fields(d: dict[str, Any], view: ResultView, missing: bool = True) -> None:
    """Set in `d` (the json's dict, or the csv's few) the view's fields the csv writes too that
    vary by company, as the json writes them; the others are the measure's (MeasurePart.template).
    Always the same keys, set in the csv's order, so the csv fills them into a line made once per
    measure; with `missing` False no "missing" (screen's csv has none, and finding them builds
    the checks)."""
    d["status"] = view.status
    d["amount"] = None if view.amount is None else json_number(view.amount)
    d["amount_max"] = None if view.amount_max is None else json_number(view.amount_max)
    cap = view.cap
    d["cap"] = view.measure.json_cap if cap is view.measure.cap else json_number(cap)
    d["open"] = view.open
    d["stacked_out_by"] = view.stacked_out_by
    if missing:
        d["missing"] = list(view.missing)


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


class CompanyView:
    """One company's results in one language, as every format shows it: its ResultViews (in
    the catalog's order), its totals, its near misses in words (views.hints) and the data it
    lacks. `vocab` words the near misses' keys; a company given near misses needs it."""

    __slots__ = ("_company", "_near", "lang", "name", "region", "results", "source", "vocab")

    def __init__(self, company: CompanyResult, lang: str = "en", vocab: Vocabulary | None = None) -> None:
        self._company, self.lang, self.vocab = company, lang, vocab
        self.source, self.name, self.region = company.source, company.profile.name, company.profile.region
        shown: dict[int, str] = {}  # failed_reasons: the company's facts, each worded once
        # One company's results share a catalog: its parts are looked up once.
        parts = measure_parts(company.results[0], lang) if company.results else {}
        self.results = [ResultView(r, measure_part(r, lang, parts), shown) for r in company.results]
        self._near: list[HintView] | None = None

    def totals(self, include_drafts: bool = False) -> Totals:
        return totals(self._company.results, include_drafts)

    @property
    def near_misses(self) -> list[HintView] | None:
        """The near misses as views.hints words them, nearest first; None when none were sought."""
        hints = self._company.near_misses
        if hints is None or self._near is not None:
            return self._near
        if self.vocab is None:
            raise ValueError("a company's near misses are worded with the vocabulary: pass vocab")
        from polcalc.views.hints import hint_view  # here: a check without --near never needs it

        self._near = [hint_view(h, self.lang, self.vocab) for h in hints]
        return self._near

    def needs_data(self) -> tuple[int, Counter[str]]:
        """How many results more data would settle (those that need data, and eligible ones a
        higher tier of which needs more), and how many of them need each key."""
        pending = [r for r in self.results if r.status == NEEDS_DATA or r.more_data]
        keys = Counter(k for r in pending for k in (r.missing if r.status == NEEDS_DATA else r.more_data))
        return len(pending), keys

    def key_vocabulary(self) -> Vocabulary:
        """The vocabulary that words profile keys: the one given, else the rules' own."""
        if self.vocab is not None:
            return self.vocab
        if not self._company.results:
            raise ValueError("a company with no result has no rules to word its keys: pass vocab")
        return self._company.results[0].catalog.vocabulary

    def as_dict(self, include_drafts: bool = False) -> dict[str, Any]:
        """The company as the json writes it (shared/CONTRACT.md)."""
        near = self.near_misses
        return {
            "file": self.source,
            "name": self.name,
            "region": self.region,
            "results": [r.as_dict() for r in self.results],
            "totals": self.totals(include_drafts).as_dict(),
            **({"near_misses": [h.as_json() for h in near]} if near is not None else {}),
        }


def company_view(company: CompanyResult, lang: str = "en", vocab: Vocabulary | None = None) -> CompanyView:
    return CompanyView(company, lang, vocab)


def company_dict(
    company: CompanyResult, lang: str = "en", include_drafts: bool = False, vocab: Vocabulary | None = None
) -> dict[str, Any]:
    """The company as the json writes it; `vocab` words its near misses, when it has any."""
    return CompanyView(company, lang, vocab).as_dict(include_drafts)


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
