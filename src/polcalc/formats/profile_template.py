"""The text of a new company profile: every key a region's measures read, commented, grouped by year.

`polcalc init` fills it with a person's answers; keys not answered stay commented out with their
meaning, unit and the measures that read them, so the file is itself the guide to completing it.
Which keys appear comes from the rules (polcalc.fields), so it never falls out of step with them.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from polcalc.engine.catalog import Catalog
from polcalc.engine.reads import FieldUse, facts_of, fields_used
from polcalc.engine.selectors import SELECTORS
from polcalc.i18n.messages import ProfileError
from polcalc.i18n.words import both, word
from polcalc.inputs.profiles import validate_profile
from polcalc.model.conditions import AllOf, Comparison
from polcalc.model.quantity import parse_quantity
from polcalc.model.rules import Measure
from polcalc.model.vocabulary import SIZES, Vocabulary

SCHEMA_NAME = "profile.schema.json"
EXAMPLES = {
    "yuan": "2.3亿",
    "usd": "50万",
    "count": "150",
    "rank": "8",
    "tonnes": "1200",
    "m2": "3500",
    "mu": "200",
    "ratio": "70%",
}
_BARE_NUMBER = re.compile(r"^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$")  # a TOML number as typed (no leading zeros)
_COLUMN = 36  # where the explaining comment starts
_MAX_IDS = 6  # "read by" lists this many measure ids, then a count


# ------------------------------------------------------------------ what a region reads


@dataclass
class RegionKeys:
    """The keys one region's measures read, in the order a person fills them in."""

    region: str
    industry: FieldUse | None
    size: FieldUse | None
    statuses: list[FieldUse]
    years: dict[int, list[FieldUse]]  # year -> figures read for that year
    months: dict[int, dict[str, list[str]]]  # year -> figure -> ["2023-01", ...]
    month_uses: dict[str, FieldUse]  # figure -> its monthly use
    recognitions: list[FieldUse]
    events: list[FieldUse]
    first_time: dict[str, int] = field(default_factory=dict)  # figure -> year before which every year is read


def region_keys(
    catalog: Catalog,
    region: str,
    industry: str | None = None,
    size: str | None = None,
    status: dict[str, bool] | None = None,
) -> RegionKeys:
    """What the region's measures read; given an industry, size or statuses, only the measures open to them.

    Without a size, measures reading it derive it from the year's staff, revenue or assets (the
    industry's row of the size classes): those figures are read too.
    """
    if industry is not None or size is not None or status:
        catalog = _open_to(catalog, region, industry, size, status or {})
    uses = fields_used(catalog, region)
    by_section: dict[str, list[FieldUse]] = {}
    for (section, _), use in uses.items():
        by_section.setdefault(section, []).append(use)
    years: dict[int, list[FieldUse]] = {}
    first_time: dict[str, int] = {}
    for use in by_section.get("figure", []):
        for year in use.years:
            years.setdefault(year, []).append(use)
        if use.all_years_before:
            first_time[use.name] = use.all_years_before
    size_use = uses.get(("size", "size"))
    if size_use is not None and size is None:
        for year, measures in _years_of(catalog, size_use.measures).items():
            present = {u.name for u in years.get(year, [])}
            for name in _size_figures(catalog, industry):
                if name not in present:
                    years.setdefault(year, []).append(FieldUse("size_figure", name, {year}, measures=measures))
    return RegionKeys(
        region=region,
        industry=uses.get(("industry", "industry")),
        size=size_use,
        statuses=by_section.get("status", []),
        years=dict(sorted(years.items())),
        months=_months_read(catalog, region),
        month_uses={u.name: u for u in by_section.get("month_figure", [])},
        recognitions=by_section.get("recognition", []),
        events=by_section.get("event", []),
        first_time=first_time,
    )


def _open_to(catalog: Catalog, region: str, industry: str | None, size: str | None, status: dict[str, bool]) -> Catalog:
    """The catalog less the region's measures a condition they all must meet rules out for this
    industry, size or status ("industry in [catering]" for a miner): what they read is not worth asking."""
    words = {industry, *catalog.vocabulary.industries[industry].groups} if industry else set()

    def ruled_out(cmp: Comparison) -> bool:
        if cmp.fact.name == "industry" and industry is not None:
            have = words
        elif cmp.fact.name == "size" and size is not None:
            have = {size}
        elif cmp.fact.name in status and not cmp.fact.selectors:
            value = status[cmp.fact.name]
            if cmp.op in ("is", "is not"):
                return value != (cmp.op == "is")
            return isinstance(cmp.value, bool) and cmp.op in ("==", "!=") and (value == cmp.value) != (cmp.op == "==")
        else:
            return False
        wanted = set(cmp.value) if isinstance(cmp.value, tuple) else {cmp.value}
        if cmp.op in ("in", "=="):
            return not (have & wanted)
        if cmp.op in ("not in", "!="):
            return bool(have & wanted)
        return False

    def open_(m: Measure) -> bool:
        conds = list(catalog.policy_of(m).when) + list(m.when)
        while any(isinstance(c, AllOf) for c in conds):  # every item of a top-level `all` must hold too
            conds = [i for c in conds for i in (c.items if isinstance(c, AllOf) else (c,))]
        return not any(isinstance(c, Comparison) and ruled_out(c) for c in conds)

    kept = {mid: m for mid, m in catalog.measures.items() if catalog.policy_of(m).region != region or open_(m)}
    return replace(catalog, measures=kept)  # its compiled tables start empty: they are not init fields


def _years_of(catalog: Catalog, measure_ids: list[str]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for mid in measure_ids:
        m = catalog.measures[mid]
        out.setdefault(m.year or catalog.policy_of(m).year, []).append(mid)
    return dict(sorted(out.items()))


def _size_figures(catalog: Catalog, industry: str | None) -> tuple[str, ...]:
    """The figures a size class is derived from: the industry's row, or every row's when unknown."""
    classes = getattr(catalog.reference, "size_classes", None)
    if classes is None:
        return ()
    if industry is not None:
        row = classes.sectors.get(catalog.vocabulary.industries[industry].sector)
        return row.figures if row is not None else ()
    return tuple(dict.fromkeys(name for row in classes.sectors.values() for name in row.figures))


def _months_read(catalog: Catalog, region: str) -> dict[int, dict[str, list[str]]]:
    """The months monthly selectors read: month groups 1+2 and 3 of 2023 read Jan-Mar 2023 and 2022."""
    out: dict[int, dict[str, set[str]]] = {}
    for m in catalog.measures_for(region=region):
        year = m.year or catalog.policy_of(m).year
        for fact in facts_of(m, catalog):
            selector = SELECTORS.get(fact.selectors[0].name) if fact.selectors else None
            if selector is None or not selector.monthly:
                continue
            months = selector.months(fact.selectors[0].args)
            for y in sorted(year - k for k in selector.offsets):
                out.setdefault(y, {}).setdefault(fact.name, set()).update(f"{y}-{mo:02d}" for mo in months)
    return {y: {name: sorted(keys) for name, keys in figs.items()} for y, figs in sorted(out.items())}


# ------------------------------------------------------------------ answers


@dataclass
class Answers:
    """What is known of the company; figures are kept as typed and written as typed."""

    region: str
    name: str | None = None
    industry: str | None = None
    size: str | None = None
    status: dict[str, bool] = field(default_factory=dict)
    years: dict[int, dict[str, str]] = field(default_factory=dict)
    months: dict[str, dict[str, str]] = field(default_factory=dict)
    recognitions: list[tuple[str, str, int]] = field(default_factory=list)  # kind, level, year
    events: list[tuple[str, int]] = field(default_factory=list)  # kind, year


def figure_problem(vocab: Vocabulary, name: str, text: str, lang: str = "en") -> str | None:
    """Why an answer cannot be this figure's value, in the profile reader's own words (in `lang`);
    None when fine.

    The answer goes through the reader itself (parse_quantity, then the sign, whole-count and
    share checks), so a value init accepts is one `check` accepts.
    """
    data = {"name": "-", "region": next(iter(vocab.regions)), "years": {"2020": {name: text.strip()}}}
    try:
        validate_profile(data, "-", vocab)
    except ProfileError as exc:
        from polcalc.i18n.words import word

        return word("problem_sep", lang).join(p.what(lang) for p in exc.problems)
    return None


def toml_value(text: str, unit: str) -> str:
    """An accepted answer as a TOML value: a plain number stays bare, anything else ("3000万") a string."""
    text = text.strip()
    if unit in ("count", "rank"):  # whole and non-negative, as figure_problem checked
        return str(int(parse_quantity(text, allow_percent=False, allow_money=False)))
    if _BARE_NUMBER.match(text):
        return text
    return toml_string(text)


def toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


# ------------------------------------------------------------------ the text


def schema_reference(target: Path | None, schema: Path | None) -> str | None:
    """The `#:schema` path for a profile written to `target` (None: standard output, read from the cwd).

    Relative to the profile, as taplo resolves it; None when there is no schema file to point to.
    """
    if schema is None or not schema.is_file():
        return None
    base = (target.parent if target is not None else Path.cwd()).resolve()
    try:
        return Path(os.path.relpath(schema.resolve(), base)).as_posix()
    except ValueError:  # another drive (Windows)
        return schema.resolve().as_uri()


def shipped_schema() -> Path:
    """docs/profile.schema.json of the source checkout (absent from an installed wheel)."""
    return Path(__file__).resolve().parents[3] / "docs" / SCHEMA_NAME


def render_profile(catalog: Catalog, answers: Answers, schema_ref: str | None) -> str:
    vocab = catalog.vocabulary
    keys = region_keys(catalog, answers.region, answers.industry, answers.size, answers.status)
    # A status answered may rule out the very measures that read it: list statuses before that.
    statuses = region_keys(catalog, answers.region, answers.industry, answers.size).statuses
    region = vocab.regions[answers.region]
    out: list[str] = []
    if schema_ref:
        out.append(f"#:schema {schema_ref}")
    out += [
        f"# 企业档案 company profile · {region.zh} {region.en} · written by `polcalc init`",
        "# 行首的 # 表示未填写：去掉 # 并填入数值即可。未填写的项视为未知，需要它的措施会提示缺少数据。",
        "# A line starting with # is not filled in: remove the # and write the value. A key left out is",
        "# unknown, and the measures that read it report needs_data naming it.",
        '# 金额 Money: "3000万", "1.2亿", "3,000,000" or a number of yuan. 人数 Counts: whole numbers.',
    ]
    if answers.industry or answers.size or answers.status:
        out += [
            "# 只列出对本企业（行业、规模、身份）开放的措施所读取的项 Only the keys read by measures open to this",
            "# industry, size and status are listed (polcalc init --region R alone lists every key of the region).",
        ]
    if not schema_ref:
        out += [
            "# 编辑器校验 Editor validation: polcalc schema > profile.schema.json, then make the first line",
            "# #:schema profile.schema.json (see docs/editors.md).",
        ]
    name = answers.name or "（请填写企业名称 company name）"
    out += ["", _line(f"name = {toml_string(name)}", "企业名称 company name (required)")]
    out.append(_line(f"region = {toml_string(answers.region)}", f"{region.zh} {region.en} (required)"))
    industry_note = _read_by(catalog, keys.industry)
    if answers.industry:
        ind = vocab.industries[answers.industry]
        out.append(_line(f"industry = {toml_string(answers.industry)}", f"{ind.zh} {ind.en}{industry_note}"))
    else:
        out.append(_line('# industry = ""', f"行业 industry, one of the list below{industry_note}"))
        out += [f"#   {key:<27} {ind.zh} {ind.en}" for key, ind in vocab.industries.items()]
    size_note = "企业规模 size: " + ", ".join(f"{s} {word(f'size_{s}', 'zh')}" for s in SIZES)
    size_note += f" (工信部联企业〔2011〕300号){_read_by(catalog, keys.size)}"
    size_code = f"size = {toml_string(answers.size)}" if answers.size else '# size = ""'
    out.append(_line(size_code, size_note))

    statuses += [FieldUse("status", name) for name in answers.status if name not in {u.name for u in statuses}]
    if statuses:
        out += ["", _rule("身份 statuses: true 是 / false 否; left out = unknown"), "[status]"]
    for use in statuses:
        spec = vocab.status[use.name]
        note = f"{spec.zh} {spec.en}"
        if spec.derivable:
            note += " (left out: derived from revenue / 未填则按营业收入推算)"
        note += _read_by(catalog, use)
        value = answers.status.get(use.name)
        if value is None:
            out.append(_line(f"# {use.name} = true/false", note))
        else:
            out.append(_line(f"{use.name} = {str(value).lower()}", note))

    all_years = sorted(set(keys.years) | set(keys.months) | set(answers.years))
    for year in all_years:
        out += ["", _rule(f"{year}年 figures of {year}")]
        figures = keys.years.get(year, [])
        given = answers.years.get(year, {})
        if figures or given:
            out.append(f"[years.{year}]")
        for use in figures:
            out.append(_figure_line(catalog, use, given.get(use.name), keys.first_time.get(use.name)))
        for name in given:  # answers for figures no measure of the region reads (kept, never dropped)
            if name not in {u.name for u in figures}:
                out.append(_line(f"{name} = {toml_value(given[name], vocab.figures[name].unit)}", ""))
        for name, months in keys.months.get(year, {}).items():
            for month in months:
                out.append(f'[months."{month}"]')
                out.append(_figure_line(catalog, keys.month_uses[name], answers.months.get(month, {}).get(name), None))

    out += _recognitions(catalog, keys, answers)
    out += _events(catalog, keys, answers)
    return "\n".join(out) + "\n"


def _figure_line(catalog: Catalog, use: FieldUse, value: str | None, first_time: int | None) -> str:
    spec = catalog.vocabulary.figures[use.name]
    zh_unit, en_unit = both(f"unit_{spec.unit}")
    example = EXAMPLES[spec.unit]
    example = example if spec.unit in ("count", "rank", "tonnes", "m2", "mu") else f'"{example}"'
    note = f"{spec.zh} {spec.en} · {zh_unit} {en_unit}, e.g. {example}"
    if first_time:
        note += f" · first-time tests also read every year before {first_time} / 首次类考核还读取此前各年"
    if use.section == "size_figure":
        note += " · for the size class, as size is left out / 未填规模时据此推算"
    note += _read_by(catalog, use)
    if value is None:
        return _line(f'# {use.name} = ""', note)
    return _line(f"{use.name} = {toml_value(value, spec.unit)}", note)


def _recognitions(catalog: Catalog, keys: RegionKeys, answers: Answers) -> list[str]:
    vocab = catalog.vocabulary
    if not keys.recognitions and not answers.recognitions:
        return []
    out = ["", _rule("称号 recognitions: one [[recognitions]] per title held; one not listed was not obtained")]
    for kind, level, year in answers.recognitions:
        rec = vocab.recognitions[kind]
        out += ["[[recognitions]]", _line(f"kind = {toml_string(kind)}", f"{rec.zh} {rec.en}")]
        out += [f"level = {toml_string(level)}", f"year = {year}"]
    out += ["# [[recognitions]]", _line('# kind = ""', "one of the kinds below"), '# level = ""', "# year = 2020"]
    for use in keys.recognitions:
        rec = vocab.recognitions[use.name]
        out.append(f"#   {use.name:<30} {rec.zh} {rec.en} · levels: {', '.join(rec.levels)}{_read_by(catalog, use)}")
    return out


def _events(catalog: Catalog, keys: RegionKeys, answers: Answers) -> list[str]:
    vocab = catalog.vocabulary
    if not keys.events and not answers.events:
        return []
    out = ["", _rule("事项 events: one [[events]] per thing that happened; one not listed did not happen")]
    for kind, year in answers.events:
        event = vocab.events[kind]
        out += ["[[events]]", _line(f"kind = {toml_string(kind)}", f"{event.zh} {event.en}"), f"year = {year}"]
    out += ["# [[events]]", _line('# kind = ""', "one of the kinds below"), "# year = 2020"]
    for use in keys.events:
        event = vocab.events[use.name]
        out.append(f"#   {use.name:<30} {event.zh} {event.en}{_read_by(catalog, use)}")
    return out


def _read_by(catalog: Catalog, use: FieldUse | None) -> str:
    """' · read by <policy> 9.3.6, 12.3a …': which measures read a key, grouped by policy."""
    if use is None:
        return ""
    by_policy: dict[str, list[str]] = {}
    for mid in use.measures:
        policy, article = mid.split(":", 1)
        by_policy.setdefault(policy, []).append(article)
    parts, shown = [], 0
    for policy, articles in by_policy.items():
        room = max(_MAX_IDS - shown, 1)
        text = ", ".join(articles[:room]) + (f" … (+{len(articles) - room})" if len(articles) > room else "")
        draft = " (草案 draft)" if catalog.policies[policy].draft else ""
        parts.append(f"{policy}{draft} {text}")
        shown += min(len(articles), room)
    return " · read by " + "; ".join(parts)


def _line(code: str, comment: str) -> str:
    if not comment:
        return code
    return f"{code:<{_COLUMN}}# {comment}" if len(code) < _COLUMN else f"{code}  # {comment}"


def _rule(title: str) -> str:
    return f"# ---- {title} " + "-" * max(4, 96 - len(title))
