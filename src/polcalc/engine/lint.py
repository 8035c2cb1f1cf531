"""Checks beyond what loading enforces, for analysts editing rule files (`polcalc rules check`).

Loading already refuses unknown keys, unknown facts, bad dates and duplicate ids. These checks
find what loads but is probably wrong: an article with no measure, tiers whose bands overlap or
leave a gap, a cap below the smallest award.
"""

from __future__ import annotations

import re
from pathlib import Path

from polcalc.engine.awards import kind_of
from polcalc.engine.catalog import Catalog, build_catalog, rules_dir
from polcalc.model.rules import Measure

_LETTER = re.compile(r"[a-z]$")


def rule_problems(path: Path | None = None) -> list[str]:
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


def lint_measure(m: Measure) -> list[str]:
    """What the measure's award finds probably wrong in itself, against the measure's cap."""
    return kind_of(m.award).lint(m.cap)
