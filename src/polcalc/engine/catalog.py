"""Loading the rules: vocabulary, reference data and every policy file, checked as one whole.

The Catalog is the rules validated, all a cache file holds; polcalc.engine.compiled.load_catalog
gives them compiled, with every table derived from them.

A bad rule file fails loudly with its file and key path; nothing in a rule file is executed.
"""

from __future__ import annotations

import os
import sys
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from polcalc.core.record import key_path, validate
from polcalc.engine.selectors import SELECTORS
from polcalc.i18n.messages import RuleError, suggest
from polcalc.model.conditions import Comparison, FactRef, iter_comparisons
from polcalc.model.reference import Reference
from polcalc.model.rules import AwardModel, Measure, Policy, PolicyFile
from polcalc.model.vocabulary import SIZES, Vocabulary

if TYPE_CHECKING:
    from pydantic import ValidationError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def rules_dir() -> Path:
    """Where the rules are: $POLCALC_RULES, the copy inside an installed wheel, or the repo's."""
    if env := os.environ.get("POLCALC_RULES"):
        return Path(env)
    packaged = Path(__file__).parents[1] / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh, parse_float=Decimal)
    except OSError as exc:
        raise RuleError(str(path), [f"cannot read: {exc.strerror}"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(str(path), [f"TOML syntax: {exc}"]) from None


def validation_problems(exc: ValidationError, data: Any) -> list[str]:
    problems = []
    for err in exc.errors():
        msg = err["msg"].removeprefix("Value error, ")
        if err["type"] in ("extra_forbidden", "unexpected_keyword_argument"):  # a model's word, a dataclass's
            msg = "unknown key"
        elif err["type"] == "missing_argument":
            msg = "Field required"  # as pydantic words it for a model
        problems.append(f"{key_path(err['loc'], data)}: {msg}")
    return problems


@dataclass
class Catalog:
    """The rules validated and cross-checked: plain records, all a cache file holds. What is
    derived from them for evaluating companies is polcalc.engine.compiled.Compiled's."""

    vocabulary: Vocabulary
    reference: Reference
    policies: dict[str, Policy]
    measures: dict[str, Measure]  # in document order
    sources: dict[str, Path] = field(default_factory=dict)  # policy id -> rule file

    def policy_of(self, measure: Measure) -> Policy:
        return self.policies[measure.policy_id]

    def measures_for(self, region: str | None = None, policy: str | None = None) -> list[Measure]:
        """The measures a company of `region` meets (or one policy's), in document order."""
        return [
            m
            for m in self.measures.values()
            if (region is None or self.policies[m.policy_id].region in self.applies_in(region))
            and (policy is None or m.policy_id == policy)
        ]

    def applies_in(self, region: str) -> tuple[str, ...]:
        """The regions whose documents apply to a company of `region`: itself and those it lies in."""
        return self.vocabulary.ancestry(region) if region in self.vocabulary.regions else (region,)

    @property
    def regions(self) -> list[str]:
        return list(self.vocabulary.regions)


def _merge_vocabulary(
    base: dict[str, Any], files: list[tuple[Path, PolicyFile]]
) -> tuple[Vocabulary, dict[tuple[str, str], str]]:
    """The common vocabulary plus each policy file's entries, and the file each entry came from."""
    merged: dict[str, dict[str, Any]] = {k: dict(base.get(k, {})) for k in Vocabulary.SECTIONS}
    origin: dict[tuple[str, str], str] = {}
    problems: list[str] = []
    for path, pf in files:
        for section in ("regions", "industries", "status", "figures", "derived", "recognitions", "events"):
            for name, entry in getattr(pf, section).items():
                # Two documents of one city may both declare it; only a conflicting entry is an error.
                if name in merged[section] and validate(type(entry), merged[section][name]) != entry:
                    where = origin.get((section, name), "common/vocabulary.toml")
                    problems.append(f"{path.name}: {section}.{name}: already defined differently in {where}")
                if name not in merged[section]:
                    merged[section][name] = asdict(entry)
                    origin[(section, name)] = path.name
    if problems:
        raise RuleError("rules", problems)
    return validate(Vocabulary, merged), origin


def build_catalog(common: Path, policy_files: list[Path]) -> tuple[Catalog | None, list[str]]:
    """Load and cross-check rule files, collecting every problem rather than stopping at the first."""
    from pydantic import ValidationError  # only here: a warm cache never imports pydantic

    problems: list[str] = []

    def load(path: Path) -> dict[str, Any] | None:
        try:
            return read_toml(path)
        except RuleError as exc:
            problems.extend(f"{path}: {p}" for p in exc.problems)
            return None

    vocab_data = load(common / "vocabulary.toml")
    ref_data = load(common / "reference.toml")
    reference = None
    if ref_data is not None:
        try:
            reference = validate(Reference, ref_data)
        except ValidationError as exc:
            problems += [f"{common / 'reference.toml'}: {p}" for p in validation_problems(exc, ref_data)]

    files: list[tuple[Path, PolicyFile]] = []
    for path in policy_files:
        data = load(path)
        if data is None:
            continue
        try:
            files.append((path, validate(PolicyFile, data)))
        except ValidationError as exc:
            problems += [f"{path.name}: {p}" for p in validation_problems(exc, data)]
    if vocab_data is None or reference is None:
        return None, problems
    try:
        vocabulary, origin = _merge_vocabulary(vocab_data, files)
    except ValidationError as exc:
        return None, problems + [f"{common / 'vocabulary.toml'}: {p}" for p in validation_problems(exc, vocab_data)]
    except RuleError as exc:
        return None, problems + exc.problems

    for key, region in vocabulary.regions.items():
        where = origin.get(("regions", key), "common/vocabulary.toml")
        if region.parent is not None and region.parent not in vocabulary.regions:
            problems.append(
                f"{where}: regions.{key}.parent: {region.parent!r} is not a region"
                f"{suggest(region.parent, vocabulary.regions)}"
            )
        elif region.parent is not None and key in vocabulary.ancestry(region.parent):
            problems.append(f"{where}: regions.{key}.parent: {region.parent!r} lies in {key!r} (a circle)")
    for key, industry in vocabulary.industries.items():
        where = origin.get(("industries", key), "common/vocabulary.toml")
        if industry.sector not in reference.size_classes.sectors:
            problems.append(
                f"{where}: industries.{key}.sector: {industry.sector!r} is no row of the size "
                f"classes{suggest(industry.sector, reference.size_classes.sectors)}"
            )
        if industry.above_scale is not None and not hasattr(reference.above_scale, industry.above_scale):
            problems.append(f"{where}: industries.{key}.above_scale: {industry.above_scale!r} is no threshold")
    policies: dict[str, Policy] = {}
    measures: dict[str, Measure] = {}
    sources: dict[str, Path] = {}
    for path, pf in files:
        pol = pf.policy
        if pol.id in policies:
            problems.append(f"{path.name}: policy.id {pol.id!r} is also in {sources[pol.id].name}")
        policies[pol.id] = pol
        sources[pol.id] = path
        if pol.region not in vocabulary.regions:
            problems.append(
                f"{path.name}: policy.region {pol.region!r} is not a region{suggest(pol.region, vocabulary.regions)}"
            )
        problems += [f"{path.name}: policy.when: {p}" for p in condition_problems(pol.when, vocabulary, reference)]
        for i, m in enumerate(pf.measures):
            where = f"{path.name}: measures[{i}]({m.id})"
            if m.policy_id != pol.id:
                problems.append(f"{where}.id: must start with '{pol.id}:'")
            if m.id in measures:
                problems.append(f"{where}.id: duplicate measure id")
            measures[m.id] = m
            problems += [f"{where}.when: {p}" for p in condition_problems(m.when, vocabulary, reference)]
            problems += [f"{where}.judged: {p}" for p in condition_problems(m.judged, vocabulary, reference)]
            problems += [f"{where}.award: {p}" for p in award_problems(m.award, vocabulary, reference)]
    return Catalog(vocabulary, reference, policies, measures, sources), problems


# ------------------------------------------------------------------ fact names


def fact_problem(fact: FactRef, vocab: Vocabulary, reference: Reference) -> str | None:
    """None when the fact names something that exists, else what is wrong."""
    sel = fact.selectors
    names = [s.name for s in sel]
    if fact.name in vocab.figures or fact.name in vocab.derived:
        for s in sel:
            selector = SELECTORS.get(s.name)
            if selector is None:
                return f"{fact.text}: unknown selector {s.name!r}{suggest(s.name, SELECTORS)}"
            if err := selector.problem(s.args):
                return f"{fact.text}: {err}"
        return None
    if fact.name in vocab.status or fact.name in ("industry", "size", "region"):
        return f"{fact.text}: takes no selector" if sel else None
    if fact.name == "event":
        if not sel or sel[0].name not in vocab.events:
            word = names[0] if names else ""
            return f"{fact.text}: unknown event {word!r}{suggest(word, vocab.events)}"
        return None if names[1:] in ([], ["ever"], ["prev"]) else f"{fact.text}: event takes .ever or .prev"
    if fact.name == "recognized":
        if not sel or sel[0].name not in vocab.recognitions:
            word = names[0] if names else ""
            return f"{fact.text}: unknown recognition {word!r}{suggest(word, vocab.recognitions)}"
        rest = list(sel[1:])
        if rest and rest[-1].name == "levels" and not rest[-1].args:
            rest.pop()  # .levels: the set of levels held, for `== provincial` / `in [...]`
        if not rest or (
            len(rest) == 1
            and (
                rest[0].name == "ever"
                or (rest[0].name == "since" and len(rest[0].args) == 1 and rest[0].args[0].isdigit())
            )
        ):
            return None
        return f"{fact.text}: recognized takes .ever or .since(YEAR), then optionally .levels"
    if fact.name == "ref":
        if not sel or sel[0].name not in reference.series:
            word = names[0] if names else ""
            return f"{fact.text}: unknown reference series {word!r}{suggest(word, reference.series)}"
        return None if names[1:] in ([], ["prev"]) else f"{fact.text}: ref takes .prev"
    known = [*vocab.figures, *vocab.derived, *vocab.status, "industry", "size", "region", "event", "recognized", "ref"]
    return f"unknown fact {fact.name!r}{suggest(fact.name, known)}"


def condition_problems(conds, vocab: Vocabulary, reference: Reference) -> list[str]:
    problems = []
    for cmp in iter_comparisons(conds):
        problems += _comparison_problems(cmp, vocab, reference)
    return problems


def _comparison_problems(cmp: Comparison, vocab: Vocabulary, reference: Reference) -> list[str]:
    out = []
    if err := fact_problem(cmp.fact, vocab, reference):
        out.append(f"{cmp.text!r}: {err}")
    if isinstance(cmp.value, FactRef) and (err := fact_problem(cmp.value, vocab, reference)):
        out.append(f"{cmp.text!r}: {err}")
    if (
        cmp.fact.name == "recognized"
        and cmp.fact.selectors[-1:]
        and cmp.fact.selectors[-1].name == "levels"
        and cmp.op not in ("==", "!=", "in", "not in")
    ):
        out.append(f"{cmp.text!r}: .levels is a set of levels: compare with ==, !=, in or not in")
    words: set[str] | None = None
    if cmp.fact.name == "industry":
        words = vocab.industry_words()
    elif cmp.fact.name == "size":
        words = set(SIZES)
    elif cmp.fact.name == "region":
        words = set(vocab.regions)
    elif cmp.fact.name == "recognized" and cmp.fact.selectors and cmp.fact.selectors[0].name in vocab.recognitions:
        words = set(vocab.recognitions[cmp.fact.selectors[0].name].levels)
    if words is not None:
        values = cmp.value if isinstance(cmp.value, tuple) else (cmp.value,) if isinstance(cmp.value, str) else ()
        for v in values:
            if v not in words:
                out.append(f"{cmp.text!r}: {v!r} is not a valid {cmp.fact.name} value{suggest(v, words)}")
    return out


def award_problems(award: AwardModel, vocab: Vocabulary, reference: Reference) -> list[str]:
    """What every kind must meet (the facts it reads and the conditions it judges name known
    things), then what its own kind asks (polcalc.engine.awards)."""
    problems = [f"{f.text}: {err}" for f in award.facts() if (err := fact_problem(f, vocab, reference))]
    for where, conds in award.conditions():
        problems += [f"{where}: {p}" for p in condition_problems(conds, vocab, reference)]
    return problems + award.problems()
