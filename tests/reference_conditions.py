"""The condition language's meaning, restated plainly: a reference for tests only.

The product compiles each condition once into a closure (polcalc.engine.conditions); this
interprets a parsed condition directly, the slow and obvious way, so tests/test_compiled.py can
hold the compiled checks to it. It shares no code with the compiler beyond the Check it builds.
"""

from __future__ import annotations

import operator

from polcalc.engine.conditions import Check
from polcalc.engine.facts import Facts, FactValue
from polcalc.model.conditions import AnyOf, Comparison, Condition, FactRef

_ORDER = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt}


def compare(op: str, left: object, right: object, levels: tuple[str, ...] | None) -> bool:
    if op == "in":
        return bool(_as_set(left) & set(right))  # type: ignore[arg-type]
    if op == "not in":
        return not (_as_set(left) & set(right))  # type: ignore[arg-type]
    if isinstance(left, frozenset):  # industry words: == means "is, or belongs to"
        return (right in left) == (op == "==")
    if levels is not None:  # recognition levels compare by their order; none is below all
        rank = {lv: i for i, lv in enumerate(levels)}
        left, right = rank.get(left, -1), rank.get(right, -1)  # type: ignore[arg-type]
    if op == "==":
        return left == right
    if op == "!=":
        return left != right
    if left is None:
        return False
    return _ORDER[op](left, right)


def _as_set(value: object) -> set[object]:
    return set(value) if isinstance(value, frozenset) else {value}


def check_condition(cond: Condition, facts: Facts) -> Check:
    if isinstance(cond, Comparison):
        return _check_comparison(cond, facts)
    children = tuple(check_condition(c, facts) for c in cond.items)
    anyof = isinstance(cond, AnyOf)
    outcomes = [c.holds for c in children]
    if anyof:
        holds = True if True in outcomes else (None if None in outcomes else False)
    else:
        holds = False if False in outcomes else (None if None in outcomes else True)
    # An undecided group, or an any-of that fails, names what its undecided children lack.
    named = holds is None or (holds is False and anyof)
    missing = tuple(k for c in children if c.holds is None for k in c.missing) if named else ()
    return Check("", holds, missing=missing, children=children, group="any" if anyof else "all")


def _check_comparison(cmp: Comparison, facts: Facts) -> Check:
    fv = facts.get(cmp.fact)
    right: object = cmp.value
    right_fv: FactValue | None = None
    if isinstance(right, FactRef):
        right_fv = facts.get(right)
        right = right_fv.value
    missing = fv.missing + (right_fv.missing if right_fv else ())
    if missing:
        return Check(cmp.text, None, missing=missing, comparison=cmp)
    if fv.undefined or (right_fv is not None and right_fv.undefined):
        return Check(cmp.text, False, fv, comparison=cmp, right=right_fv)
    if cmp.op in ("is", "is not"):
        return Check(cmp.text, bool(fv.value) == (cmp.op == "is"), fv, comparison=cmp)
    levels = None
    if cmp.fact.name == "recognized":
        levels = facts.vocab.recognitions[cmp.fact.selectors[0].name].levels
    return Check(cmp.text, compare(cmp.op, fv.value, right, levels), fv, comparison=cmp, right=right_fv)


def overall(checks: list[Check]) -> bool | None:
    outcomes = [c.holds for c in checks]
    return False if False in outcomes else (None if None in outcomes else True)
