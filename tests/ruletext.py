"""Synthetic rule files for tests: a policy header and measures written as TOML text."""

from __future__ import annotations


def header(policy_id: str, articles: list[str]) -> str:
    return f"""
[policy]
id = "{policy_id}"
region = "xishan"
title = {{ zh = "测试", en = "test" }}
issuer = {{ zh = "测试", en = "test" }}
year = 2020
valid_from = 2020-01-01
valid_to = 2020-12-31
source = "none.txt"
articles = [{", ".join(f'"{a}"' for a in articles)}]
"""


def measure(mid: str, award: str = '{ kind = "fixed", amount = "5万" }', extra: str = "") -> str:
    return f"""
[[measures]]
id = "{mid}"
title = {{ zh = "甲", en = "a" }}
summary = {{ zh = "甲", en = "a" }}
benefit = "grant"
department = {{ zh = "局", en = "bureau" }}
award = {award}
{extra}
"""
