"""A company's profile: who it is, and its figures per calendar year, read from TOML.

Reading never guesses: an unknown key, an unreadable amount or an impossible value is an
error naming the key path (and line, when it can be found) and what would be valid.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from polcalc.i18n.messages import Message, Problem, ProfileError, did_you_mean
from polcalc.model.profile import MAX_YEAR, MIN_YEAR, PROFILE_KEYS, REQUIRED, TOP_KEYS, Key, Kind, Profile
from polcalc.model.quantity import QuantityError, parse_quantity
from polcalc.model.vocabulary import SIZES, Vocabulary

try:  # tomli's compiled wheels read a profile in a third of the standard library's time
    import tomli as tomllib
except ImportError:  # pragma: no cover - a dependency; tomllib reads the same documents alike
    import tomllib  # type: ignore[no-redef]
else:
    if tuple(int(n) for n in tomllib.__version__.split(".")[:2]) >= (2, 4):  # pragma: no cover
        import tomllib  # type: ignore[no-redef]  # tomli 2.4 reads TOML 1.1: documents tomllib refuses

MAX_BYTES = 1_000_000  # a profile is a page of figures; anything larger is a mistake
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")

_TOP = frozenset(TOP_KEYS)


# ------------------------------------------------------------------ reading files


def decode(raw: bytes, source: str) -> str:
    """UTF-8 text of a profile, or a ProfileError that says what the bytes look like."""
    if not raw.strip():
        raise ProfileError(source, [Message("pr_empty")])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):  # what Windows Notepad calls "Unicode"
        raise ProfileError(source, [Message("pr_utf16")])
    if b"\x00" in raw:
        raise ProfileError(source, [Message("pr_binary")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            raise ProfileError(source, [Message("pr_not_utf8", byte=exc.start)]) from None
        raise ProfileError(source, [Message("pr_gbk")]) from None


def parse_profile_text(text: str, source: str, vocab: Vocabulary) -> Profile:
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:  # tomllib's own words (English) after ours
        raise ProfileError(source, [Message("pr_toml_syntax", detail=str(exc))]) from None
    except RecursionError:
        raise ProfileError(source, [Message("pr_too_deep")]) from None
    return validate_profile(data, source, vocab, text)


def read_profile(path: str, raw: bytes, vocab: Vocabulary) -> Profile:
    if len(raw) > MAX_BYTES:
        raise ProfileError(path, [Message("pr_too_large", size=f"{len(raw):,}", limit=f"{MAX_BYTES:,}")])
    return parse_profile_text(decode(raw, path), path, vocab)


# ------------------------------------------------------------------ validation


def _line_of(text: str | None, key: str) -> int | None:
    """The line where `key =` first appears in the text, when it can be found."""
    if not text:
        return None
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", re.MULTILINE)
    match = pattern.search(text)
    return text.count(chr(10), 0, match.start()) + 1 if match else None


class _Problems:
    def __init__(self, text: str | None) -> None:
        self.items: list[Problem] = []
        self.text = text

    def add(self, path: str, message: Message, key: str | None = None) -> None:
        self.items.append(Problem(path, message, _line_of(self.text, key) if key else None))


# ------------------------------------------------------------------ the kinds of value (PROFILE_KEYS)
# What is left to check once the vocabulary checks pass: that each value is of its key's kind.


def _as_int(value: Any) -> int | Message:
    """A value of an int-year key as an int, or the message saying why it is not one.

    Our rule, lax on purpose: a whole number however it is written, 2020, 2020.0, "2020", " 2020 "
    or "2020.0". It came from pydantic's lax mode, which read profiles once; it is ours now, not a
    copy kept in step with pydantic. (A bool is an int to Python: validate_profile refuses a bool
    year before this reads it.)
    """
    if isinstance(value, int):
        return int(value)
    if isinstance(value, (Decimal, float)):
        if not (value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)):  # TOML's nan, inf
            return Message("pf_int_not_finite")
        return int(value) if value == int(value) else Message("pf_int_fraction")
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            try:
                number = Decimal(value.strip().replace("_", ""))
            except InvalidOperation:
                return Message("pf_int_unreadable")
            if "." in value and number.is_finite() and number == number.to_integral_value():
                return int(number)
            return Message("pf_int_unreadable")
    return Message("pf_not_int")


def _read(spec: Key, value: Any) -> Any:
    """`value` as a value of the key's kind, or the Message saying why it is not one."""
    kind = spec.kind
    if kind == Kind.YEAR:
        return _as_int(value)
    if kind == Kind.TEXT or kind == Kind.NON_EMPTY_TEXT:
        if not isinstance(value, str):
            return Message("pf_not_text")
        return Message("pf_empty_text") if kind == Kind.NON_EMPTY_TEXT and not value else value
    if kind == Kind.SIZE_WORD:
        if isinstance(value, str):  # which word: validate_profile checked it against SIZES
            return value
        return Message("pf_not_size", choices=", ".join(map(repr, SIZES[:-1])) + f" or {SIZES[-1]!r}")
    if kind == Kind.DATED:
        return value if isinstance(value, (list, tuple)) else Message("pf_not_entries")
    return value if isinstance(value, dict) else Message("pf_not_table")  # flags, figures by year or month


def _dated(section: str, spec: Key, items: list[Any], errors: list[tuple[tuple[Any, ...], Message]]) -> tuple[Any, ...]:
    built = []
    for i, item in enumerate(items):  # every one a table: validate_profile saw to it
        values: dict[str, Any] = {}
        for name, field in spec.entry.items():
            if name not in item:
                if field.required:
                    errors.append(((section, i, name), Message("pf_entry_missing_key")))
                continue
            value = values[name] = _read(field, item[name])
            if isinstance(value, Message):
                errors.append(((section, i, name), value))
        errors += [((section, i, name), Message("pf_entry_unknown_key")) for name in item if name not in spec.entry]
        built.append(values)
    record = spec.record
    assert record is not None  # every DATED key names its record
    return tuple(record(**values) for values in built) if not errors else ()


def _build(clean: dict[str, Any]) -> tuple[Profile | None, list[tuple[tuple[Any, ...], Message]]]:
    """The Profile, or each (key location, message) of a value of the wrong kind, in key order."""
    errors: list[tuple[tuple[Any, ...], Message]] = []
    values = dict(clean)
    for key, spec in PROFILE_KEYS.items():
        if key not in clean:
            continue
        value = _read(spec, clean[key])
        if isinstance(value, Message):
            errors.append(((key,), value))
        elif spec.kind == Kind.DATED:
            values[key] = _dated(key, spec, list(value), errors)
    if errors:
        return None, errors
    return Profile(**values), []


def validate_profile(data: dict[str, Any], source: str, vocab: Vocabulary, text: str | None = None) -> Profile:
    problems = _Problems(text)
    for key in data:
        if key not in _TOP:
            problems.add(
                key, Message("pr_unknown_key", suggest=did_you_mean(key, TOP_KEYS), valid=", ".join(TOP_KEYS)), key
            )
    for key in REQUIRED:
        if key not in data:
            problems.add(key, Message("pr_missing"))

    clean: dict[str, Any] = {k: v for k, v in data.items() if k in _TOP}
    for key, choices in (("region", vocab.regions), ("industry", vocab.industries), ("size", SIZES)):
        word = data.get(key)
        if isinstance(word, str) and word not in choices:
            message = Message(
                f"pr_unknown_{key}", value=repr(word), suggest=did_you_mean(word, choices), valid=", ".join(choices)
            )
            problems.add(key, message, key)

    status = data.get("status", {})
    if isinstance(status, dict):
        for key, value in status.items():
            if key not in vocab.status:
                message = Message(
                    "pr_unknown_status", suggest=did_you_mean(key, vocab.status), valid=", ".join(vocab.status)
                )
                problems.add(f"status.{key}", message, key)
            elif not isinstance(value, bool):
                problems.add(f"status.{key}", Message("pr_not_bool", value=repr(value)), key)

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
                message = Message(
                    "pr_not_level",
                    level=repr(rec["level"]),
                    kind=kind,
                    suggest=did_you_mean(rec["level"], levels),
                    valid=", ".join(levels),
                )
                problems.add(f"recognitions[{i}].level", message)
    for i, event in enumerate(data.get("events", []) if isinstance(data.get("events"), list) else []):
        _check_dated(event, f"events[{i}]", vocab.events, problems)

    if problems.items:
        raise ProfileError(source, problems.items)
    profile, errors = _build(clean)
    if profile is None:
        from polcalc.core.record import key_path

        raise ProfileError(source, [Problem(key_path(loc, clean), message) for loc, message in errors])
    return profile


def _check_dated(entry: Any, path: str, kinds: dict[str, Any], problems: _Problems) -> None:
    if not isinstance(entry, dict):
        problems.add(path, Message("pr_not_dated"))
        return
    kind = entry.get("kind")
    if isinstance(kind, str) and kind not in kinds:
        message = Message(
            "pr_unknown_kind", value=repr(kind), suggest=did_you_mean(kind, kinds), valid=", ".join(kinds)
        )
        problems.add(f"{path}.kind", message)
    year = entry.get("year")
    if isinstance(year, bool):
        # A bool is an int to Python: true would be read as year 1, and the event silently lost.
        problems.add(f"{path}.year", Message("pr_year_not_whole", value=str(year).lower()))
    elif year is not None:
        whole = _as_int(year)  # however it is written ("1800", 1800.0): the year it reads as
        if isinstance(whole, int) and not MIN_YEAR <= whole <= MAX_YEAR:
            problems.add(f"{path}.year", Message("pr_implausible_year", year=whole, low=MIN_YEAR, high=MAX_YEAR))


def _figures_by_period(
    table: dict[str, Any], section: str, vocab: Vocabulary, problems: _Problems
) -> dict[Any, dict[str, Decimal]]:
    out: dict[Any, dict[str, Decimal]] = {}
    for period, figures in table.items():
        path = f"{section}.{period}"
        key: Any
        if section == "years":
            if not (period.isdigit() and MIN_YEAR <= int(period) <= MAX_YEAR):
                problems.add(path, Message("pr_not_a_year", period=repr(period), low=MIN_YEAR, high=MAX_YEAR))
                continue
            key = int(period)
        else:
            match = _MONTH.match(period)
            if not (match and MIN_YEAR <= int(match[1]) <= MAX_YEAR and 1 <= int(match[2]) <= 12):
                problems.add(path, Message("pr_not_a_month", period=repr(period)))
                continue
            key = period
        if not isinstance(figures, dict):
            problems.add(path, Message("pr_not_figures"))
            continue
        out[key] = found = {}
        for name, raw in figures.items():
            spec = vocab.figures.get(name)
            if spec is None:
                hint = Message("pr_derived") if name in vocab.derived else did_you_mean(name, vocab.figures)
                problems.add(f"{path}.{name}", Message("pr_unknown_figure", hint=hint), name)
                continue
            if section == "months" and not spec.monthly:
                problems.add(f"{path}.{name}", Message("pr_yearly_only"), name)
                continue
            unit = spec.unit
            try:
                value = parse_quantity(raw, allow_percent=unit == "ratio", allow_money=unit in ("yuan", "usd"))
            except QuantityError as exc:
                problems.add(f"{path}.{name}", exc.message, name)
                continue
            if value < 0:
                problems.add(f"{path}.{name}", Message("pr_negative", value=repr(raw)), name)
                continue
            if unit == "rank" and (value < 1 or value != value.to_integral_value()):
                problems.add(f"{path}.{name}", Message("pr_not_rank", value=repr(raw)), name)
                continue
            if unit == "count" and value != value.to_integral_value():
                problems.add(f"{path}.{name}", Message("pr_not_whole", value=raw), name)
                continue
            if unit == "ratio" and value > 1:
                problems.add(f"{path}.{name}", Message("pr_over_100", value=repr(raw)), name)
                continue
            found[name] = value
    return out
