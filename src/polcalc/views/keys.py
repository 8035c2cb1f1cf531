"""Profile keys in people's words: `years.2020.industrial_output` -> 2020年工业总产值 / gross
industrial output 2020, and a company's facts as a list of (words, value).

The one home of key -> words: the terminal table's near misses and needs-data lines, and the
HTML report, all read it. The words themselves are the vocabulary's labels (rules/common/
vocabulary.toml) and the i18n size words; nothing here is a second list of names.
"""

from __future__ import annotations

from polcalc.i18n.numbers import figure
from polcalc.i18n.words import say, word
from polcalc.model.profile import Profile
from polcalc.model.vocabulary import Vocabulary


def _label(name: str, vocab: Vocabulary, lang: str) -> str:
    label = vocab.label_of(name)
    return label.get(lang) if label is not None else name


def key_words(key: str, vocab: Vocabulary, lang: str) -> str:
    """A profile key as a person names it; an unknown shape is shown as it is."""
    head, _, rest = key.partition(".")
    if head == "years" and rest:
        year, _, name = rest.partition(".")
        return say("key_year", lang, year=year, label=_label(name, vocab, lang))
    if head == "months" and rest:
        month, _, name = rest.rpartition(".")
        return say("key_month", lang, month=month.strip('"'), label=_label(name, vocab, lang))
    if head == "status" and rest:
        return _label(rest, vocab, lang)
    if key == "industry":
        return word("init_industry", lang)
    if key == "size":
        return word("key_size", lang)
    return _label(key, vocab, lang)


def profile_facts(profile: Profile, vocab: Vocabulary, lang: str) -> list[tuple[str, str]]:
    """What the profile says, each fact in words with its value: 行业 装备制造, 规上 是,
    2020年工业总产值 2.3亿."""
    out: list[tuple[str, str]] = []
    if profile.industry:
        out.append((word("init_industry", lang), _label(profile.industry, vocab, lang)))
    if profile.size:
        out.append((word("key_size", lang), word(f"size_{profile.size}", lang)))
    for name, value in profile.status.items():
        if value:  # what the company is; the many "no"s a profile records would bury it
            out.append((_label(name, vocab, lang), word("yes", lang)))
    for year in sorted(profile.years):
        for name, value in profile.years[year].items():
            unit = vocab.unit_of(name) if name in vocab.figures or name in vocab.derived else "count"
            out.append((key_words(f"years.{year}.{name}", vocab, lang), figure(value, unit, lang)))
    for month in sorted(profile.months):
        for name, value in profile.months[month].items():
            unit = vocab.unit_of(name) if name in vocab.figures else "count"
            out.append((key_words(f'months."{month}".{name}', vocab, lang), figure(value, unit, lang)))
    for r in profile.recognitions:
        out.append((_label(r.kind, vocab, lang), f"{r.level} {r.year}"))
    for e in profile.events:
        out.append((_label(e.kind, vocab, lang), str(e.year) + (f" {e.note}" if e.note else "")))
    return out
