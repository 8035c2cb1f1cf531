"""Interface words: every key in both languages; amounts as each language writes them."""

from __future__ import annotations

import string
from decimal import Decimal

import pytest

from polcalc.i18n.numbers import money, quantity
from polcalc.i18n.words import default_lang, keys, say, word

# Keys whose text has no words, only fields and ASCII punctuation, the same in both languages.
NEUTRAL = {"n_unstated"}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(keys()))
def test_every_key_has_both_languages_with_the_same_fields(key: str):
    zh, en = keys()[key]
    assert zh.strip() and en.strip()
    assert _fields(zh) == _fields(en), key
    if key not in NEUTRAL:
        assert zh != en, key
        assert any(ord(c) >= 0x2E80 for c in zh), f"{key}: no Chinese in {zh!r}"  # CJK or full-width


def test_say_fills_fields_even_one_named_key():
    assert say("bad_lang", "en", value="'fr'", choices="zh, en") == "--lang 'fr': choose one of zh, en"
    text = say(
        "near_text", "en", key="years.2020.x", current="1", needed="2", change="1", condition="x >= 2", after="y"
    )
    assert text.startswith("years.2020.x 1 → 2 (+1) meets x >= 2")


@pytest.mark.parametrize(
    "amount, zh, en",
    [
        ("460000", "46.00万", "¥460,000.00"),
        ("1500000", "150.00万", "¥1,500,000.00"),
        ("8640", "0.86万", "¥8,640.00"),
        ("123456789.125", "12,345.68万", "¥123,456,789.13"),
        ("0", "0.00万", "¥0.00"),
    ],
)
def test_money_in_each_languages_convention(amount: str, zh: str, en: str):
    assert money(Decimal(amount), "zh") == zh
    assert money(Decimal(amount), "en") == en


def test_figures_in_each_language():
    assert quantity(Decimal("230000000"), "yuan", "zh") == "2.3亿"
    assert quantity(Decimal("230000000"), "yuan", "en") == "¥230,000,000"
    assert quantity(Decimal("1234.5"), "yuan", "en") == "¥1,234.50"
    assert quantity(Decimal("0.15"), "ratio", "en") == quantity(Decimal("0.15"), "ratio", "zh") == "15%"


@pytest.mark.parametrize(
    "env, lang",
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_TW.UTF-8"}, "zh"),  # LC_ALL wins
        ({}, "en"),
    ],
)
def test_default_language_from_the_locale(monkeypatch: pytest.MonkeyPatch, env: dict[str, str], lang: str):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert default_lang() == lang


def test_an_unknown_word_is_a_bug_not_a_blank():
    with pytest.raises(KeyError):
        word("no_such_key", "en")
