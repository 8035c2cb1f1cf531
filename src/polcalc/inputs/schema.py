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
from polcalc.model.profile import MAX_YEAR, MIN_YEAR
from polcalc.model.quantity import LIMIT
from polcalc.model.vocabulary import SIZES, Figure, Vocabulary

DIALECT = "https://json-schema.org/draft/2020-12/schema"

# The forms parse_quantity reads (polcalc/money.py), written with [0-9] rather than \d so that
# ECMA-262 validators (editors) and Python's re agree.
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
MONEY_PATTERN = rf"^\s*\+?{_DIGITS}\s*(?:万元|亿元|万|亿|元)?\s*$"
PLAIN_PATTERN = rf"^\s*\+?{_DIGITS}\s*$"
PERCENT_PATTERN = r"^\s*\+?[0-9]+(?:\.[0-9]+)?\s*(?:%|％|‰)\s*$"
YEAR_PATTERN = "^(?:199[0-9]|20[0-9]{2}|2100)$"  # MIN_YEAR..MAX_YEAR, as the reader checks
MONTH_PATTERN = "^(?:199[0-9]|20[0-9]{2}|2100)-(?:0[1-9]|1[0-2])$"
BELOW = int(LIMIT)  # every figure is below it, as parse_quantity checks


def bilingual(zh: str, en: str) -> str:
    return f"{zh} / {en}"


def _enum(values: list[str], docs: list[str], description: str) -> dict[str, Any]:
    """An enum whose values each carry a hover text in taplo (x-taplo.docs.enumValues)."""
    return {
        "type": "string",
        "enum": values,
        "description": description,
        "x-taplo": {"docs": {"enumValues": docs}},
    }


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


def _recognitions(vocab: Vocabulary) -> dict[str, Any]:
    kinds = list(vocab.recognitions)
    levels = sorted({level for r in vocab.recognitions.values() for level in r.levels})
    item: dict[str, Any] = {
        "type": "object",
        "description": bilingual("获得的称号：种类、级别、年份", "a title obtained: kind, level and year"),
        "properties": {
            "kind": _enum(
                kinds,
                [bilingual(r.zh, r.en) for r in vocab.recognitions.values()],
                bilingual("称号种类", "kind of title"),
            ),
            "level": {
                "type": "string",
                "enum": levels,
                "description": bilingual("级别（因称号而异）", "level (which ones depends on the kind)"),
            },
            "year": {
                "type": "integer",
                "minimum": MIN_YEAR,
                "maximum": MAX_YEAR,
                "description": bilingual("获得年份", "year obtained"),
            },
        },
        "required": ["kind", "level", "year"],
        "additionalProperties": False,
        # Each kind has its own levels: the reader refuses a level the kind does not have.
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                "then": {"properties": {"level": {"enum": list(rec.levels)}}},
            }
            for name, rec in vocab.recognitions.items()
        ],
    }
    return {
        "type": "array",
        "description": bilingual(
            "获得的称号，每项一个 [[recognitions]]；未列出的视为未获得",
            "titles obtained, one [[recognitions]] each; a title not listed was not obtained",
        ),
        "items": item,
    }


def _events(vocab: Vocabulary) -> dict[str, Any]:
    item = {
        "type": "object",
        "description": bilingual("发生的事项：种类、年份", "something that happened: kind and year"),
        "properties": {
            "kind": _enum(
                list(vocab.events),
                [bilingual(e.zh, e.en) for e in vocab.events.values()],
                bilingual("事项种类", "kind of event"),
            ),
            "year": {
                "type": "integer",
                "minimum": MIN_YEAR,
                "maximum": MAX_YEAR,
                "description": bilingual("发生年份", "year it happened"),
            },
            "note": {"type": "string", "description": bilingual("备注", "a note")},
        },
        "required": ["kind", "year"],
        "additionalProperties": False,
    }
    return {
        "type": "array",
        "description": bilingual(
            "发生的事项，每项一个 [[events]]；未列出的视为未发生",
            "things that happened, one [[events]] each; one not listed did not happen",
        ),
        "items": item,
    }


def build_schema(vocab: Vocabulary) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "name": {
            "type": "string",
            "minLength": 1,
            "description": bilingual("企业名称（必填）", "company name (required)"),
        },
        "region": _enum(
            list(vocab.regions),
            [bilingual(r.zh, r.en) for r in vocab.regions.values()],
            bilingual("所在地区（必填），决定适用的政策", "region (required): which policies apply"),
        ),
        "industry": _enum(
            list(vocab.industries),
            [bilingual(i.zh, i.en) for i in vocab.industries.values()],
            bilingual("行业", "industry"),
        ),
        "size": _enum(
            list(SIZES),
            [bilingual(*both(f"size_{s}")) for s in SIZES],
            bilingual("企业规模（工信部联企业〔2011〕300号）", "size class (工信部联企业〔2011〕300号)"),
        ),
        "status": {
            "type": "object",
            "description": bilingual(
                "企业身份，true/false；未写的视为未知", "statuses, true or false; one left out is unknown"
            ),
            "properties": {
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
            },
            "additionalProperties": False,
        },
        "years": {
            "type": "object",
            "description": bilingual("按自然年填写的数字：[years.2020]", "figures of a calendar year: [years.2020]"),
            "patternProperties": {
                YEAR_PATTERN: _figures(
                    vocab, monthly=False, description=bilingual("该年度的数字", "the figures of that year")
                )
            },
            "additionalProperties": False,
        },
        "months": {
            "type": "object",
            "description": bilingual(
                '按月填写的数字（仅限按月考核的指标）：[months."2023-01"]',
                'monthly figures, for the figures measures read by month: [months."2023-01"]',
            ),
            "patternProperties": {
                MONTH_PATTERN: _figures(
                    vocab, monthly=True, description=bilingual("该月的数字", "the figures of that month")
                )
            },
            "additionalProperties": False,
        },
        "recognitions": _recognitions(vocab),
        "events": _events(vocab),
        "notes": {"type": "string", "description": bilingual("备注", "notes")},
    }
    return {
        "$schema": DIALECT,
        "$comment": "Generated from the rules by `polcalc schema`; do not edit (tests/test_schema.py).",
        "title": "polcalc company profile",
        "description": bilingual(
            "polcalc 企业档案：一家企业的身份与各年度数字",
            "polcalc company profile: who a company is and its figures per year",
        ),
        "type": "object",
        "required": ["name", "region"],
        "properties": properties,
        "additionalProperties": False,
    }


def render_schema(vocab: Vocabulary) -> str:
    """The schema as the shipped file holds it: indented, Chinese kept readable, one final newline."""
    schema = build_schema(vocab)
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
