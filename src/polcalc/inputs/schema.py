"""The JSON Schema (draft 2020-12) of the company-profile format, built from the rules' vocabulary.

Editors (taplo, VS Code's Even Better TOML) use it to validate and complete a profile while it is
typed. It is generated, so it cannot drift from what `polcalc check` accepts:

    polcalc schema > docs/profile.schema.json     (tests/test_schema.py checks it is current)

The schema is fully inlined (no $ref): taplo ignores its `x-taplo` hints next to a $ref, and
older validators ignore every keyword next to one.
"""

from __future__ import annotations

import json
from typing import Any

from polcalc.i18n.words import both
from polcalc.model.profile import MAX_YEAR, MIN_YEAR, PROFILE_KEYS, REQUIRED, Key, Kind
from polcalc.model.quantity import LIMIT
from polcalc.model.vocabulary import SIZES, Figure, Vocabulary

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# The forms parse_quantity reads (polcalc/money.py), written with [0-9] rather than \d so that
# ECMA-262 validators (editors) and Python's re agree.
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
MONEY_PATTERN = rf"^\s*\+?{_DIGITS}\s*(?:万元|亿元|万|亿|元)?\s*$"
PLAIN_PATTERN = rf"^\s*\+?{_DIGITS}\s*$"
PERCENT_PATTERN = r"^\s*\+?[0-9]+(?:\.[0-9]+)?\s*(?:%|％|‰)\s*$"


def _years(low: int, high: int) -> str:
    """The four-digit years low..high as alternatives of a regex: 199[0-9]|20[0-9]{2}|2100 for 1990..2100."""
    parts = []
    while low <= high:  # the longest run from low that is a prefix followed by any digits
        digits = 0
        while low % 10 ** (digits + 1) == 0 and low + 10 ** (digits + 1) - 1 <= high:
            digits += 1
        prefix = str(low)[: len(str(low)) - digits]
        parts.append(prefix + ("" if not digits else "[0-9]" if digits == 1 else f"[0-9]{{{digits}}}"))
        low += 10**digits
    return "|".join(parts)


YEAR_PATTERN = f"^(?:{_years(MIN_YEAR, MAX_YEAR)})$"  # the keys of [years]: MIN_YEAR..MAX_YEAR, as the reader checks
MONTH_PATTERN = f"^(?:{_years(MIN_YEAR, MAX_YEAR)})-(?:0[1-9]|1[0-2])$"
BELOW = int(LIMIT)  # every figure is below it, as parse_quantity checks


def bilingual(zh: str, en: str) -> str:
    return f"{zh} / {en}"


def figure_schema(spec: Figure) -> dict[str, Any]:
    """One figure's value: money as a number or a string as people write it, counts as integers."""
    zh_unit, en_unit = both(f"unit_{spec.unit}_forms")
    description = f"{bilingual(spec.zh, spec.en)}\n\n{bilingual(zh_unit, en_unit)}"
    value: dict[str, Any]
    number = {"type": "number", "minimum": 0, "exclusiveMaximum": BELOW}
    if spec.unit in ("yuan", "usd"):
        value = {"anyOf": [number, {"type": "string", "pattern": MONEY_PATTERN}]}
    elif spec.unit == "count":
        value = {"type": "integer", "minimum": 0, "exclusiveMaximum": BELOW}
    elif spec.unit == "rank":
        value = {"type": "integer", "minimum": 1, "exclusiveMaximum": BELOW}
    elif spec.unit == "ratio":
        value = {
            "anyOf": [{"type": "number", "minimum": 0, "maximum": 1}, {"type": "string", "pattern": PERCENT_PATTERN}]
        }
    else:  # tonnes, m2, mu: plain quantities, no 万/亿
        value = {"anyOf": [number, {"type": "string", "pattern": PLAIN_PATTERN}]}
    return {"description": description, **value}


def _figures(vocab: Vocabulary, *, monthly: bool, description: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": {
            name: figure_schema(spec) for name, spec in vocab.figures.items() if spec.monthly or not monthly
        },
        "additionalProperties": False,
    }


# What each key says in an editor (taplo's hover): a key of a dated entry as "events.year", the
# entry itself as "events[]", the figures of one year or month as "years.*".
_ABOUT: dict[str, str] = {
    "name": bilingual("企业名称（必填）", "company name (required)"),
    "region": bilingual("所在地区（必填），决定适用的政策", "region (required): which policies apply"),
    "industry": bilingual("行业", "industry"),
    "size": bilingual("企业规模（工信部联企业〔2011〕300号）", "size class (工信部联企业〔2011〕300号)"),
    "status": bilingual("企业身份，true/false；未写的视为未知", "statuses, true or false; one left out is unknown"),
    "years": bilingual("按自然年填写的数字：[years.2020]", "figures of a calendar year: [years.2020]"),
    "years.*": bilingual("该年度的数字", "the figures of that year"),
    "months": bilingual(
        '按月填写的数字（仅限按月考核的指标）：[months."2023-01"]',
        'monthly figures, for the figures measures read by month: [months."2023-01"]',
    ),
    "months.*": bilingual("该月的数字", "the figures of that month"),
    "recognitions": bilingual(
        "获得的称号，每项一个 [[recognitions]]；未列出的视为未获得",
        "titles obtained, one [[recognitions]] each; a title not listed was not obtained",
    ),
    "recognitions[]": bilingual("获得的称号：种类、级别、年份", "a title obtained: kind, level and year"),
    "recognitions.kind": bilingual("称号种类", "kind of title"),
    "recognitions.level": bilingual("级别（因称号而异）", "level (which ones depends on the kind)"),
    "recognitions.year": bilingual("获得年份", "year obtained"),
    "events": bilingual(
        "发生的事项，每项一个 [[events]]；未列出的视为未发生",
        "things that happened, one [[events]] each; one not listed did not happen",
    ),
    "events[]": bilingual("发生的事项：种类、年份", "something that happened: kind and year"),
    "events.kind": bilingual("事项种类", "kind of event"),
    "events.year": bilingual("发生年份", "year it happened"),
    "events.note": bilingual("备注", "a note"),
    "notes": bilingual("备注", "notes"),
}


def _choices(path: str, spec: Key, vocab: Vocabulary) -> tuple[list[str], list[str] | None] | None:
    """The words a text key must be one of, and their hover texts (x-taplo.docs.enumValues), when
    the reader checks it against a list of words."""
    if spec.kind == Kind.SIZE_WORD:
        return list(SIZES), [bilingual(*both(f"size_{s}")) for s in SIZES]
    entries: dict[str, Any] | None = {
        "region": vocab.regions,
        "industry": vocab.industries,
        "recognitions.kind": vocab.recognitions,
        "events.kind": vocab.events,
    }.get(path)
    if entries is not None:
        return list(entries), [bilingual(e.zh, e.en) for e in entries.values()]
    if path == "recognitions.level":  # all of them here; each kind's own in the entry's allOf
        return sorted({level for r in vocab.recognitions.values() for level in r.levels}), None
    return None


def _value(path: str, spec: Key, vocab: Vocabulary) -> dict[str, Any]:
    """The schema of one key of the format (polcalc.model.profile.PROFILE_KEYS), from its kind."""
    kind = spec.kind
    head: dict[str, Any]
    tail: dict[str, Any] = {}
    choices = _choices(path, spec, vocab)
    if choices is not None:
        words, docs = choices
        head = {"type": "string", "enum": words}
        if docs is not None:
            tail = {"x-taplo": {"docs": {"enumValues": docs}}}
    elif kind == Kind.TEXT:
        head = {"type": "string"}
    elif kind == Kind.NON_EMPTY_TEXT:
        head = {"type": "string", "minLength": 1}
    elif kind == Kind.YEAR:
        head = {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}
    elif kind == Kind.FLAGS:
        head = {"type": "object"}
        tail = {"properties": _statuses(vocab), "additionalProperties": False}
    elif kind == Kind.BY_YEAR or kind == Kind.BY_MONTH:
        monthly = kind == Kind.BY_MONTH
        figures = _figures(vocab, monthly=monthly, description=_ABOUT[f"{path}.*"])
        head = {"type": "object"}
        tail = {
            "patternProperties": {MONTH_PATTERN if monthly else YEAR_PATTERN: figures},
            "additionalProperties": False,
        }
    elif kind == Kind.DATED:
        head = {"type": "array"}
        tail = {"items": _entry(path, spec, vocab)}
    else:  # pragma: no cover - a kind added to the format and not to its schema
        raise AssertionError(kind)
    return {**head, "description": _ABOUT[path], **tail}  # in the order the shipped file has always had


def _entry(section: str, spec: Key, vocab: Vocabulary) -> dict[str, Any]:
    """One table of a list of dated entries ([[recognitions]], [[events]])."""
    item: dict[str, Any] = {
        "type": "object",
        "description": _ABOUT[f"{section}[]"],
        "properties": {name: _value(f"{section}.{name}", key, vocab) for name, key in spec.entry.items()},
        "required": [name for name, key in spec.entry.items() if key.required],
        "additionalProperties": False,
    }
    if section == "recognitions":  # each kind has its own levels: the reader refuses a level the kind does not have
        item["allOf"] = [
            {
                "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                "then": {"properties": {"level": {"enum": list(rec.levels)}}},
            }
            for name, rec in vocab.recognitions.items()
        ]
    return item


def _statuses(vocab: Vocabulary) -> dict[str, Any]:
    return {
        name: {
            "type": "boolean",
            "description": bilingual(s.zh, s.en)
            + (
                "\n\n"
                + bilingual(
                    "未写时由营业收入和行业统计标准推算",
                    "derived from revenue and the industry's threshold when left out",
                )
                if s.derivable
                else ""
            ),
        }
        for name, s in vocab.status.items()
    }


def build_schema(vocab: Vocabulary) -> dict[str, Any]:
    return {
        "$schema": DIALECT,
        "$comment": "Generated from the rules by `polcalc schema`; do not edit (tests/test_schema.py).",
        "title": "polcalc company profile",
        "description": bilingual(
            "polcalc 企业档案：一家企业的身份与各年度数字",
            "polcalc company profile: who a company is and its figures per year",
        ),
        "type": "object",
        "required": list(REQUIRED),
        "properties": {key: _value(key, spec, vocab) for key, spec in PROFILE_KEYS.items()},
        "additionalProperties": False,
    }


def render_schema(vocab: Vocabulary) -> str:
    """The schema as the shipped file holds it: indented, Chinese kept readable, one final newline."""
    schema = build_schema(vocab)
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
