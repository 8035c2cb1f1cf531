"""Checks beyond what loading enforces, for analysts editing rule files (`polcalc rules check`).

Loading already refuses unknown keys, unknown facts, bad dates and duplicate ids. These checks
find what loads but is probably wrong: an article with no measure, tiers whose bands overlap or
leave a gap, a cap below the smallest award.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from polcalc.engine.catalog import Catalog, build_catalog, rules_dir
from polcalc.model.conditions import Comparison
from polcalc.model.rules import Award, Fixed, Measure, Range, Sum, Tiers

_LETTER = re.compile(r"[a-z]$")


def check_rules(path: Path | None = None) -> list[str]:
    """Every problem of the rules at `path` (a rules directory or one policy file), or []."""
    shipped = rules_dir()
    if path is None:
        path = shipped
    if path.is_dir():
        common = path / "common" if (path / "common").is_dir() else shipped / "common"
        files = sorted(path.glob("*.toml"))
        if not files:
            return [f"{path}: no rule files (*.toml) here"]
    elif path.is_file():
        # One analyst's file, checked beside the shipped ones it would join (replacing its namesake).
        common = shipped / "common"
        files = [p for p in sorted(shipped.glob("*.toml")) if p.name != path.name] + [path]
    else:
        return [f"{path}: no such file or directory"]
    catalog, problems = build_catalog(common, files)
    if catalog is not None:
        only = {path.name} if path.is_file() else None
        problems += lint(catalog, only)
    return problems


def lint(catalog: Catalog, only_files: set[str] | None = None) -> list[str]:
    problems: list[str] = []
    for pid, policy in catalog.policies.items():
        source = catalog.sources[pid].name
        if only_files is not None and source not in only_files:
            continue
        measures = catalog.measures_for(policy=pid)
        covered = {_LETTER.sub("", m.article) for m in measures}
        for article in policy.articles:
            if article not in covered:
                problems.append(f"{source}: policy.articles: article {article} has no measure")
        listed = set(policy.articles)
        for m in measures:
            if _LETTER.sub("", m.article) not in listed:
                problems.append(f"{source}: {m.id}: article {m.article} is not in policy.articles")
            problems += [f"{source}: {m.id}: {p}" for p in lint_measure(m)]
    return problems


def _smallest_fixed(award: Award) -> Decimal | None:
    if isinstance(award, Fixed):
        return award.amount
    if isinstance(award, Range):
        return award.min
    if isinstance(award, Sum):
        fixed = [a for p in award.parts if (a := _smallest_fixed(p)) is not None]
        return sum(fixed, Decimal(0)) if fixed else None
    return None


def lint_measure(m: Measure) -> list[str]:
    problems = []
    award = m.award
    if m.cap is not None and (least := _smallest_fixed(award)) is not None and m.cap < least:
        problems.append(f"cap {m.cap} is below the award's {least}")
    if isinstance(award, Tiers):
        for i, tier in enumerate(award.tiers):
            least = _smallest_fixed(tier.award)
            for cap in (tier.cap, m.cap):
                if cap is not None and least is not None and cap < least:
                    problems.append(f"tiers[{i}] ({tier.label.en}): cap {cap} is below the award's {least}")
        problems += _band_problems(award)
        seen: dict[tuple[str, ...], int] = {}
        for i, tier in enumerate(award.tiers):
            key = tuple(sorted(_text(c) for c in tier.when))
            if key in seen:
                problems.append(f"tiers[{i}] has the same conditions as tiers[{seen[key]}]")
            seen.setdefault(key, i)
    return problems


def _text(cond: object) -> str:
    return cond.text if isinstance(cond, Comparison) else repr(cond)


@dataclass(frozen=True)
class _Bound:
    value: Decimal
    inclusive: bool


def _band_problems(award: Tiers) -> list[str]:
    """Tiers written as bands (a lower and an upper bound on one fact) must meet edge to edge."""
    groups: dict[tuple[str, tuple[str, ...]], list[tuple[int, _Bound, _Bound]]] = defaultdict(list)
    for i, tier in enumerate(award.tiers):
        lows: dict[str, _Bound] = {}
        highs: dict[str, _Bound] = {}
        others: list[str] = []
        for cond in tier.when:
            if isinstance(cond, Comparison) and isinstance(cond.value, Decimal) and cond.op in (">=", ">", "<=", "<"):
                bound = _Bound(cond.value, cond.op in (">=", "<="))
                (lows if cond.op.startswith(">") else highs)[cond.fact.text] = bound
            else:
                others.append(_text(cond))
        for fact in lows.keys() & highs.keys():
            groups[(fact, tuple(sorted(others)))].append((i, lows[fact], highs[fact]))
    problems = []
    for (fact, _), bands in groups.items():
        bands.sort(key=lambda b: b[1].value)
        for (i, _, hi), (j, lo, _) in itertools.pairwise(bands):
            if hi.value > lo.value or (hi.value == lo.value and hi.inclusive and lo.inclusive):
                problems.append(f"tiers[{i}] and tiers[{j}] overlap on {fact} at {lo.value}")
            elif hi.value < lo.value or (hi.value == lo.value and not hi.inclusive and not lo.inclusive):
                problems.append(f"tiers[{i}] and tiers[{j}] leave a gap on {fact} between {hi.value} and {lo.value}")
    return problems
