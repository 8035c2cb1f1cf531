"""A company's profile: who it is, and its figures per calendar year, read from TOML.

Reading never guesses: an unknown key, an unreadable amount or an impossible value is an
error naming the key path (and line, when it can be found) and what would be valid.
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from polcalc.errors import ProfileError
from polcalc.money import QuantityError, parse_quantity
from polcalc.text import suggest
from polcalc.vocabulary import SIZES, Vocabulary

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

MAX_BYTES = 1_000_000  # a profile is a page of figures; anything larger is a mistake
MIN_YEAR, MAX_YEAR = 1990, 2100
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")

Size = Literal["micro", "small", "medium", "large"]


class Recognition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    kind: str
    level: str
    year: int


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    kind: str
    year: int
    note: str | None = None


class Profile(BaseModel):
    """A validated profile. Figures are Decimal, keyed by year (int) or month ('YYYY-MM')."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    name: str = Field(min_length=1)
    region: str
    industry: str | None = None
    size: Size | None = None
    status: dict[str, bool] = Field(default_factory=dict)
    years: dict[int, dict[str, Decimal]] = Field(default_factory=dict)
    months: dict[str, dict[str, Decimal]] = Field(default_factory=dict)
    recognitions: tuple[Recognition, ...] = ()
    events: tuple[Event, ...] = ()
    notes: str | None = None

    def figure(self, year: int, name: str) -> Decimal | None:
        return self.years.get(year, {}).get(name)

    def with_figure(self, year: int, name: str, value: Decimal) -> Profile:
        """A copy with one figure changed (what-if analysis)."""
        years = {y: dict(v) for y, v in self.years.items()}
        years.setdefault(year, {})[name] = value
        return self.model_copy(update={"years": years})


TOP_KEYS = tuple(Profile.model_fields)


# ------------------------------------------------------------------ reading files


def decode(raw: bytes) -> str:
    """UTF-8 text of a profile, or a ProfileError that says what the bytes look like."""
    if not raw.strip():
        raise ValueError("the file is empty: a profile needs at least name and region")
    if b"\x00" in raw:
        raise ValueError("this is a binary file, not a TOML profile")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            raise ValueError(f"not UTF-8 text (byte {exc.start}): save the file as UTF-8") from None
        raise ValueError("the file is GBK/GB18030-encoded: save it as UTF-8 (e.g. iconv -f GBK -t UTF-8)") from None


def parse_profile_text(text: str, source: str, vocab: Vocabulary) -> Profile:
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(source, [f"TOML syntax error: {exc}"]) from None
    except RecursionError:
        raise ProfileError(source, ["nested too deeply: a profile is a few flat tables"]) from None
    return validate_profile(data, source, vocab, text)


def read_profile(path: str, raw: bytes, vocab: Vocabulary) -> Profile:
    if len(raw) > MAX_BYTES:
        raise ProfileError(path, [f"file is {len(raw):,} bytes; a profile may be at most {MAX_BYTES:,}"])
    try:
        text = decode(raw)
    except ValueError as exc:
        raise ProfileError(path, [str(exc)]) from None
    return parse_profile_text(text, path, vocab)


# ------------------------------------------------------------------ validation


def _line_of(text: str | None, key: str) -> str:
    """' (line N)' where `key =` first appears in the text, when it can be found."""
    if not text:
        return ""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", re.MULTILINE)
    match = pattern.search(text)
    return f" (line {text.count(chr(10), 0, match.start()) + 1})" if match else ""


class _Problems:
    def __init__(self, text: str | None) -> None:
        self.items: list[str] = []
        self.text = text

    def add(self, path: str, message: str, key: str | None = None) -> None:
        where = _line_of(self.text, key) if key else ""
        self.items.append(f"{path}{where}: {message}")


def validate_profile(data: dict[str, Any], source: str, vocab: Vocabulary, text: str | None = None) -> Profile:
    problems = _Problems(text)
    for key in data:
        if key not in TOP_KEYS:
            problems.add(key, "unknown key" + suggest(key, TOP_KEYS) + f"; valid keys: {', '.join(TOP_KEYS)}", key)
    for key in ("name", "region"):
        if key not in data:
            problems.add(key, "missing: every profile needs name and region")

    clean: dict[str, Any] = {k: v for k, v in data.items() if k in TOP_KEYS}
    for key, choices in (("region", list(vocab.regions)), ("industry", list(vocab.industries)), ("size", SIZES)):
        word = data.get(key)
        if isinstance(word, str) and word not in choices:
            problems.add(key, f"unknown {key} {word!r}{suggest(word, choices)}; valid: {', '.join(choices)}", key)

    status = data.get("status", {})
    if isinstance(status, dict):
        for key, value in status.items():
            if key not in vocab.status:
                problems.add(
                    f"status.{key}",
                    f"unknown status{suggest(key, vocab.status)}; valid: {', '.join(vocab.status)}",
                    key,
                )
            elif not isinstance(value, bool):
                problems.add(f"status.{key}", f"must be true or false, not {value!r}", key)

    if isinstance(data.get("years"), dict):
        clean["years"] = _figures_by_period(data["years"], "years", vocab, problems)
    if isinstance(data.get("months"), dict):
        clean["months"] = _figures_by_period(data["months"], "months", vocab, problems)
    for i, rec in enumerate(data.get("recognitions", []) if isinstance(data.get("recognitions"), list) else []):
        _check_dated(rec, f"recognitions[{i}]", vocab.recognitions, problems)
        kind = rec.get("kind") if isinstance(rec, dict) else None
        if kind in vocab.recognitions and isinstance(rec.get("level"), str):
            levels = vocab.recognitions[kind].levels
            if rec["level"] not in levels:
                problems.add(
                    f"recognitions[{i}].level",
                    f"{rec['level']!r} is not a level of {kind}{suggest(rec['level'], levels)}; "
                    f"valid: {', '.join(levels)}",
                )
    for i, event in enumerate(data.get("events", []) if isinstance(data.get("events"), list) else []):
        _check_dated(event, f"events[{i}]", vocab.events, problems)

    if problems.items:
        raise ProfileError(source, problems.items)
    try:
        return Profile.model_validate(clean)
    except ValidationError as exc:
        from polcalc.catalog import key_path

        raise ProfileError(source, [f"{key_path(e['loc'], clean)}: {e['msg']}" for e in exc.errors()]) from None


def _check_dated(entry: Any, path: str, kinds: dict[str, Any], problems: _Problems) -> None:
    if not isinstance(entry, dict):
        problems.add(path, "must be a table with kind and year")
        return
    kind = entry.get("kind")
    if isinstance(kind, str) and kind not in kinds:
        problems.add(f"{path}.kind", f"unknown kind {kind!r}{suggest(kind, kinds)}; valid: {', '.join(kinds)}")
    year = entry.get("year")
    if isinstance(year, int) and not isinstance(year, bool) and not MIN_YEAR <= year <= MAX_YEAR:
        problems.add(f"{path}.year", f"{year} is not a plausible year ({MIN_YEAR}-{MAX_YEAR})")


def _figures_by_period(
    table: dict[str, Any], section: str, vocab: Vocabulary, problems: _Problems
) -> dict[Any, dict[str, Decimal]]:
    out: dict[Any, dict[str, Decimal]] = {}
    for period, figures in table.items():
        path = f"{section}.{period}"
        key: Any
        if section == "years":
            if not (period.isdigit() and MIN_YEAR <= int(period) <= MAX_YEAR):
                problems.add(path, f"{period!r} is not a year ({MIN_YEAR}-{MAX_YEAR}); write [years.2020]")
                continue
            key = int(period)
        else:
            match = _MONTH.match(period)
            if not (match and MIN_YEAR <= int(match[1]) <= MAX_YEAR and 1 <= int(match[2]) <= 12):
                problems.add(path, f'{period!r} is not a month; write [months."2023-01"]')
                continue
            key = period
        if not isinstance(figures, dict):
            problems.add(path, "must be a table of figures")
            continue
        out[key] = {}
        for name, raw in figures.items():
            fpath = f"{path}.{name}"
            if name not in vocab.figures:
                hint = " (derived: computed from its parts)" if name in vocab.derived else suggest(name, vocab.figures)
                problems.add(fpath, f"unknown figure{hint}", name)
                continue
            spec = vocab.figures[name]
            if section == "months" and not spec.monthly:
                problems.add(fpath, "this figure is yearly only; put it under [years.YYYY]", name)
                continue
            try:
                value = parse_quantity(
                    raw, allow_percent=spec.unit == "ratio", allow_money=spec.unit in ("yuan", "usd")
                )
            except QuantityError as exc:
                problems.add(fpath, str(exc), name)
                continue
            if value < 0:
                problems.add(fpath, f"cannot be negative ({raw!r})", name)
                continue
            if spec.unit == "count" and value != value.to_integral_value():
                problems.add(fpath, f"a count must be a whole number, not {raw}", name)
                continue
            if spec.unit == "ratio" and value > 1:
                problems.add(fpath, f'{raw!r} is over 100%: write a share such as "70%" or 0.7', name)
                continue
            out[key][name] = value
    return out
