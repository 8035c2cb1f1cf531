"""Conditions tested against a company's facts: the Check a reader sees, the one evaluator.

A batch tests the same few hundred conditions for every company, so each condition is compiled
into a closure over its parsed parts (never from its text) that gives its Check
(`compile_condition`); a verdict alone (`verdict_from`: a screen needs no reasons) is read from
the same checks. The compiled rules (polcalc.engine.compiled) keep what is compiled, once per
process. tests/reference_conditions.py restates the language's meaning plainly, and
tests/test_compiled.py holds the compiled checks to it.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from typing import Any, Literal, NamedTuple, Protocol, overload

from polcalc.core.steps import Step
from polcalc.engine.facts import Facts, FactValue
from polcalc.i18n.steps import render_step
from polcalc.i18n.words import say, word
from polcalc.model.conditions import AnyOf, Comparison, Condition, FactRef
from polcalc.model.vocabulary import Vocabulary


class Check(NamedTuple):
    """One condition tested: what it asks, what the company has, and whether it holds.

    A NamedTuple holding the facts themselves: a company's evaluation makes hundreds of these,
    and their texts are only composed, in a language, when someone reads them (explain, reasons)."""

    text: str  # the rule's expression; "" for a group (describe() words it)
    holds: bool | None  # None: the profile lacks what it needs
    fact: FactValue | None = None
    missing: tuple[str, ...] = ()
    comparison: Comparison | None = None
    children: tuple[Check, ...] = ()
    right: FactValue | None = None  # the other side, when a condition compares two facts
    group: str = ""  # "any" or "all" for a group of conditions

    def describe(self, lang: str) -> str:
        """The condition: the rule's expression, or a group's parts after "any of:" / "all of:"."""
        if not self.group:
            return self.text
        return say(f"cond_{self.group}", lang, items=" | ".join(c.describe(lang) for c in self.children))

    @property
    def unsettled(self) -> tuple[str, ...]:
        """For a condition a department judges that the profile cannot decide: the keys that would."""
        return self.children[0].missing if self.group == "judged" else ()

    def value(self, lang: str) -> str:
        """What the company has, as the language writes it ("" when the condition reads no figure)."""
        if self.fact is None:
            return ""
        return word("undefined", lang) if self.undefined else self.fact.show(lang)

    @property
    def undefined(self) -> Step | None:
        """Why the value cannot be computed (a growth from a base of 0), or None."""
        return (self.fact.undefined if self.fact else None) or (self.right.undefined if self.right else None)

    def explain_note(self, lang: str) -> str:
        """Why the value is undefined, how a derived value was derived, the other side's value."""
        if self.group == "judged":
            return say("judged_unsettled", lang, keys=", ".join(self.unsettled))
        if self.fact is None:
            return ""
        undefined = self.undefined
        if undefined:
            return render_step(undefined, lang)
        note = self.fact.note(lang) or ""
        if self.right is not None and self.comparison is not None:
            note = (note + "; " if note else "") + f"{self.comparison.value} = {self.right.show(lang)}"
        return note

    @property
    def actual(self) -> str:
        """value() in English."""
        return self.value("en")

    @property
    def note(self) -> str:
        """explain_note() in English."""
        return self.explain_note("en")


# ------------------------------------------------------------------ comparing


_ORDER = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt}


def _group(children: tuple[Check, ...], anyof: bool) -> Check:
    """The check of an any-of (anyof) or all-of group, from its children's. An undecided group, or
    an any-of that fails, names what its undecided children lack."""
    outcomes = [c.holds for c in children]
    if anyof:
        holds = True if True in outcomes else (None if None in outcomes else False)
    else:
        holds = False if False in outcomes else (None if None in outcomes else True)
    missing = (
        ()
        if holds is not None and not (holds is False and anyof)
        else tuple(k for c in children if c.holds is None for k in c.missing)
    )
    return Check("", holds, missing=missing, children=children, group="any" if anyof else "all")


def overall(checks: Sequence[Check]) -> bool | None:
    outcomes = [c.holds for c in checks]
    return False if False in outcomes else (None if None in outcomes else True)


# ------------------------------------------------------------------ compiled

Verdict = Callable[[Facts], bool | None]  # True, False, or None: the profile lacks what it needs


class Checker(Protocol):
    """A compiled condition: its Check, or with `verdict` True its outcome alone (Check.holds,
    without building the Check). A result's status needs no more, and a batch asks it of every
    condition for every company. One evaluator either way; asked for the outcome alone, a group
    stops at the first child that settles it."""

    @overload
    def __call__(self, facts: Facts, verdict: Literal[False] = False) -> Check: ...
    @overload
    def __call__(self, facts: Facts, verdict: Literal[True]) -> bool | None: ...


_Test = Callable[[object, object, Facts], bool]

# Check(...) with every field given, minus the Python-level __new__ that fills in defaults:
# the compiled checkers make a Check per condition per company.
_tuple = tuple.__new__


def verdict_from(checkers: Sequence[Checker]) -> Verdict:
    """Whether every condition holds (None: some cannot be judged and none fails), from their
    checkers' outcomes."""
    if not checkers:
        return _always_true
    checkers = tuple(checkers)

    if len(checkers) == 1:
        (only,) = checkers
        return lambda facts: only(facts, True)
    return lambda facts: outcome(checkers, facts, False)


def outcome(checkers: Sequence[Checker], facts: Facts, settles: bool) -> bool | None:
    """The outcome of an all-of (`settles` False) or an any-of (True) from its members': the
    first that settles it ends the search; else None if one cannot be judged."""
    unknown = False
    for checker in checkers:
        holds = checker(facts, True)
        if holds is settles:
            return settles
        if holds is None:
            unknown = True
    return None if unknown else not settles


def check_each(checkers: Sequence[Checker], facts: Facts) -> list[Check]:
    """The checks, each condition tested once per set of facts however many measures ask it."""
    done = facts.checked
    out = []
    for checker in checkers:
        check = done.get(checker)
        if check is None:
            check = done[checker] = checker(facts)
        out.append(check)
    return out


def check_all(conds: Sequence[Condition], facts: Facts) -> list[Check]:
    """The checks of conditions, compiled once for the rules the facts are read with."""
    return check_each(facts.catalog.checkers(conds), facts)


def _always_true(facts: Facts) -> bool:
    return True


def compile_condition(cond: Condition, vocab: Vocabulary) -> Checker:
    """A function giving the condition's Check: a closure over its parsed parts, never its text."""
    if not isinstance(cond, Comparison):
        return _group_checker(cond, vocab)
    fact, right, test, text = cond.fact, cond.value, _test(cond, vocab), cond.text
    if isinstance(right, FactRef):
        other = right
        shows_right = cond.op not in ("is", "is not")

        def compared(facts: Facts, verdict: bool = False) -> Any:
            fv, rv = facts.get(fact), facts.get(other)
            missing = fv.missing + rv.missing
            if missing:
                return None if verdict else _tuple(Check, (text, None, None, missing, cond, (), None, ""))
            if fv.undefined or rv.undefined:
                return False if verdict else _tuple(Check, (text, False, fv, (), cond, (), rv, ""))
            holds = test(fv.value, rv.value, facts)
            return holds if verdict else _tuple(Check, (text, holds, fv, (), cond, (), rv if shows_right else None, ""))

        return compared

    def tested(facts: Facts, verdict: bool = False) -> Any:
        fv = facts.get(fact)
        if fv.missing:
            return None if verdict else _tuple(Check, (text, None, None, fv.missing, cond, (), None, ""))
        if fv.undefined:
            return False if verdict else _tuple(Check, (text, False, fv, (), cond, (), None, ""))
        holds = test(fv.value, right, facts)
        return holds if verdict else _tuple(Check, (text, holds, fv, (), cond, (), None, ""))

    return tested


def _group_checker(cond: AnyOf | Condition, vocab: Vocabulary) -> Checker:
    parts = [compile_condition(c, vocab) for c in cond.items]  # type: ignore[union-attr]
    anyof = isinstance(cond, AnyOf)

    def grouped(facts: Facts, verdict: bool = False) -> Any:
        if verdict:
            return outcome(parts, facts, anyof)
        return _group(tuple([part(facts) for part in parts]), anyof)

    return grouped


def _test(cmp: Comparison, vocab: Vocabulary) -> _Test:
    """Whether a comparison holds between two known values: `compare` with the operator (and
    the set of a list) worked out once."""
    op = cmp.op
    if op in ("is", "is not"):
        want = op == "is"
        return lambda left, right, facts: bool(left) == want
    if op in ("in", "not in"):
        words = frozenset(cmp.value)  # type: ignore[arg-type]
        want = op == "in"

        def within(left: object, right: object, facts: Facts) -> bool:
            hit = not words.isdisjoint(left) if isinstance(left, frozenset) else left in words
            return hit == want

        return within
    if cmp.fact.name == "recognized":  # levels rank by the vocabulary's order
        order = _ORDER.get(op)
        rank = {lv: i for i, lv in enumerate(vocab.recognitions[cmp.fact.selectors[0].name].levels)}  # lowest first

        def ranked(left: object, right: object, facts: Facts) -> bool:
            if isinstance(left, frozenset):  # every level held: as compare() has it
                return (right in left) == (op == "==")
            lv, rv = rank.get(left, -1), rank.get(right, -1)  # type: ignore[arg-type]
            return lv == rv if op == "==" else (lv != rv if op == "!=" else order(lv, rv))  # type: ignore[misc]

        return ranked
    if op in ("==", "!="):
        equal = op == "=="

        def same(left: object, right: object, facts: Facts) -> bool:
            if isinstance(left, frozenset):  # industry words: == means "is, or belongs to"
                return (right in left) == equal
            return left == right if equal else left != right

        return same
    order = _ORDER[op]

    def ordered(left: object, right: object, facts: Facts) -> bool:
        if isinstance(left, frozenset):
            return right not in left  # as compare() has it: only == asks of a set of words
        return left is not None and order(left, right)

    return ordered


# ------------------------------------------------------------------ a department's judgement


def judged_checker(inner: Checker) -> Checker:
    """The Check of a condition a department judges: where the profile lacks what it reads, one
    that holds (group "judged") with the undecided check as its one child. So only a profile that
    decides against it stops a result; one that cannot decide leaves the caveat to say so."""

    def judged(facts: Facts, verdict: bool = False) -> Any:
        if verdict:
            holds = inner(facts, True)
            return True if holds is None else holds
        check = inner(facts)
        if check.holds is not None:
            return check
        return _tuple(Check, ("", True, None, (), None, (check,), None, "judged"))

    return judged
