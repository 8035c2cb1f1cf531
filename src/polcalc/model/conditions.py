"""The condition language of rule files: a tiny grammar of our own, parsed, never executed.

A condition is one comparison written as a string, or a table grouping others:

    "industrial_output.growth >= 10%"          fact, operator, value
    "above_scale"                               a status that must be true
    "not event.major_safety_accident"           ... or false
    "industry in [equipment_manufacturing, processing_manufacturing]"
    "layoff_rate.prev <= ref.unemployment_target.prev"   a value may be another fact
    { any = ["sales.growth >= 15%", "sales >= 6亿"] }      one of several
    { all = [...] }                                          every one of several

A fact is NAME(.SELECTOR)* where a selector may take arguments: `revenue.growth`,
`industrial_output.monthly_growth_max(1+2, 3)`, `recognized.little_giant.since(2020)`.
Which names exist is checked against the vocabulary when the catalog loads.
"""

from __future__ import annotations

import re
from dataclasses import field
from decimal import Decimal

from polcalc.core.record import Record, frozen
from polcalc.model.quantity import QuantityError, parse_quantity

OPERATORS = (">=", "<=", "==", "!=", ">", "<", "not in", "in")

_IDENT = r"[A-Za-z_][A-Za-z0-9_\-]*"
_SELECTOR = rf"{_IDENT}(?:\([^()]*\))?"
_FACT = re.compile(rf"^{_IDENT}(?:\.{_SELECTOR})*$")
_SELECTOR_RE = re.compile(rf"({_IDENT})(?:\(([^()]*)\))?")
_LITERAL_WORD = re.compile(rf"^{_IDENT}$")


class ConditionSyntaxError(ValueError):
    pass


@frozen
class Selector(Record):
    name: str
    args: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.name}({', '.join(self.args)})" if self.args else self.name


@frozen
class FactRef(Record):
    """A reference to a fact of the profile (or of the reference data, `ref.`...)."""

    name: str
    selectors: tuple[Selector, ...] = ()
    text: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Computed once: facts are looked up by their text in every evaluation.
        object.__setattr__(self, "text", ".".join([self.name, *map(str, self.selectors)]))

    def __str__(self) -> str:
        return self.text


Value = Decimal | bool | str | tuple[str, ...] | FactRef


@frozen
class Comparison(Record):
    fact: FactRef
    op: str  # one of OPERATORS, or "is" (truthy) / "is not" (falsy)
    value: Value | None
    text: str

    def __hash__(self) -> int:
        # Equal comparisons have equal texts, and a str caches its hash: the compiled rules look
        # conditions up by value (a tier's, per company), so hashing must cost next to nothing.
        return hash(self.text)


@frozen
class AnyOf(Record):
    items: tuple[Condition, ...]


@frozen
class AllOf(Record):
    items: tuple[Condition, ...]


Condition = Comparison | AnyOf | AllOf


def parse_fact(text: str) -> FactRef:
    text = text.strip()
    if not _FACT.match(text):
        raise ConditionSyntaxError(
            f"{text!r} is not a fact name (letters, digits and _, joined by dots, e.g. revenue.growth)"
        )
    head, _, rest = text.partition(".")
    selectors: list[Selector] = []
    pos = 0
    while pos < len(rest):
        match = _SELECTOR_RE.match(rest, pos)
        if not match:  # pragma: no cover - _FACT already vouched for the shape
            raise ConditionSyntaxError(f"cannot read selector in {text!r}")
        args = tuple(a.strip() for a in match[2].split(",")) if match[2] else ()
        selectors.append(Selector(match[1], args))
        pos = match.end() + 1  # skip the dot
    return FactRef(head, tuple(selectors))


def _parse_value(text: str) -> Value:
    text = text.strip()
    if text in ("true", "false"):
        return text == "true"
    if text.startswith("[") and text.endswith("]"):
        items = tuple(i.strip() for i in text[1:-1].split(",") if i.strip())
        for item in items:
            if not _LITERAL_WORD.match(item):
                raise ConditionSyntaxError(f"list item {item!r} must be a plain word")
        return items
    if text[:1].isdigit() or text[:1] in "-+":
        try:
            return parse_quantity(text)
        except QuantityError as exc:
            raise ConditionSyntaxError(str(exc)) from exc
    if "." in text:
        return parse_fact(text)
    if _LITERAL_WORD.match(text):
        return text  # a word: an industry, a level, a size class
    raise ConditionSyntaxError(f"cannot read the value {text!r}")


def parse_comparison(text: str) -> Comparison:
    """Parse one comparison string; raise ConditionSyntaxError saying what is wrong."""
    if not isinstance(text, str):
        raise ConditionSyntaxError("a condition is a string or a table {any = [...]} / {all = [...]}")
    stripped = " ".join(text.split())
    if not stripped:
        raise ConditionSyntaxError("empty condition")
    if stripped.startswith("not ") and not any(f" {op} " in stripped for op in OPERATORS):
        return Comparison(parse_fact(stripped[4:]), "is not", None, stripped)
    for op in OPERATORS:
        # Word operators need spaces around them; symbols may stand bare.
        pattern = f" {op} " if op[0].isalpha() else op
        if pattern in stripped:
            left, _, right = stripped.partition(pattern)
            if not left.strip() or not right.strip():
                raise ConditionSyntaxError(f"{stripped!r}: '{op}' needs a fact on its left and a value on its right")
            value = _parse_value(right)
            if op in ("in", "not in") and not isinstance(value, tuple):
                raise ConditionSyntaxError(f"{stripped!r}: '{op}' takes a list, e.g. [a, b]")
            return Comparison(parse_fact(left), op, value, stripped)
    return Comparison(parse_fact(stripped), "is", None, stripped)


def parse_condition(raw: object) -> Condition:
    if isinstance(raw, (Comparison, AnyOf, AllOf)):
        return raw
    if isinstance(raw, str):
        return parse_comparison(raw)
    if isinstance(raw, dict) and len(raw) == 1 and ("any" in raw or "all" in raw):
        key = next(iter(raw))
        items = raw[key]
        if not isinstance(items, list) or not items:
            raise ConditionSyntaxError(f"'{key}' takes a non-empty list of conditions")
        parsed = tuple(parse_condition(i) for i in items)
        return AnyOf(parsed) if key == "any" else AllOf(parsed)
    raise ConditionSyntaxError(
        'a condition is a string like "revenue >= 1000万" or a table {any = [...]} / {all = [...]}'
    )


def iter_comparisons(conditions: tuple[Condition, ...] | list[Condition]):
    for cond in conditions:
        if isinstance(cond, Comparison):
            yield cond
        else:
            yield from iter_comparisons(cond.items)
