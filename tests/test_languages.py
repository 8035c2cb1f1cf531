"""Texts outside the tables follow --lang too: conditions' groups, reasons, warnings, `rules check`,
the internal-error line; and every kind of arithmetic step is worded in both languages."""

from __future__ import annotations

import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polcalc.cli import entry
from polcalc.cli.app import app
from polcalc.core.steps import MONEY, NUMBER, PRICE, RATE, Q, Step
from polcalc.core.text import Text
from polcalc.engine.catalog import rules_dir
from polcalc.i18n.numbers import figure, price
from polcalc.i18n.steps import render_formula, render_step

runner = CliRunner()

# 2019 revenue 0: growth from it cannot be computed; output +5%, under 19.2's lowest tier (10%);
# 2031 is a year no measure reads.
ZERO_BASE = """name = "w"
region = "xishan"
industry = "equipment_manufacturing"
[status]
above_scale = true
[years.2019]
revenue = 0
industrial_output = "1亿"
[years.2020]
revenue = "1亿"
industrial_output = "1.05亿"
[years.2031]
revenue = 5
"""


@pytest.fixture
def zero_base(tmp_path: Path) -> Path:
    path = tmp_path / "w.toml"
    path.write_text(ZERO_BASE, encoding="utf-8")
    return path


def check_json(path: Path, lang: str):
    res = runner.invoke(app, ["check", str(path), "--format", "json", "--as-of", "2020-06-30", "--lang", lang])
    assert res.exit_code == 0, res.stderr
    results = {r["id"]: r for r in json.loads(res.stdout)["companies"][0]["results"]}
    return results, res.stderr.splitlines()


def test_warnings_and_reasons_in_each_language(zero_base: Path):
    zh, zh_warnings = check_json(zero_base, "zh")
    en, en_warnings = check_json(zero_base, "en")
    assert (
        f"polcalc: 警告：{zero_base}: years.2031：xishan 的措施不读取这些年份（读取 2018–2022 年）；请检查年份"
        in zh_warnings
    )
    assert (
        f"polcalc: warning: {zero_base}: years.2031: no measure of xishan reads these years (they read 2018–2022); "
        "check the year"
    ) in en_warnings
    # xishan-2020:9.2.3 asks for revenue growth of 10%: undefined from a base of 0.
    assert f"polcalc: 警告：{zero_base}: xishan-2020:9.2.3: 2019年 revenue 为 0，增长率无法计算" in zh_warnings
    assert (
        f"polcalc: warning: {zero_base}: xishan-2020:9.2.3: growth of revenue from a base of 0 in 2019 is undefined"
        in en_warnings
    )
    assert zh["xishan-2020:9.2.3"]["reasons"] == [
        "revenue.growth >= 10%（实际为 无法计算） [2019年 revenue 为 0，增长率无法计算]"
    ]
    assert en["xishan-2020:9.2.3"]["reasons"] == [
        "revenue.growth >= 10% (is undefined) [growth of revenue from a base of 0 in 2019 is undefined]"
    ]
    assert zh["xishan-2020:19.2"]["reasons"] == ["未达到最低档次"]
    assert en["xishan-2020:19.2"]["reasons"] == ["below the lowest tier"]


def test_groups_of_conditions_in_each_language(tmp_path: Path):
    # xishan-2020:3.2: any of two routes, each all of two conditions.
    profile = tmp_path / "f.toml"
    profile.write_text(
        'name = "f"\nregion = "xishan"\nsize = "small"\n'
        "[years.2019]\ninsured_employees = 240\nlayoffs = 6\nunemployment_insurance_paid = 1000\n",
        encoding="utf-8",
    )
    traces = {}
    for lang in ("zh", "en"):
        args = ["explain", "xishan-2020:3.2", str(profile), "--format", "json", "--as-of", "2020-06-30", "--lang", lang]
        res = runner.invoke(app, args)
        assert res.exit_code == 0, res.stderr
        traces[lang] = json.loads(res.stdout)
    zh, en = (traces[lang]["trace"]["checks"][1] for lang in ("zh", "en"))
    assert zh["condition"].startswith("满足其一：全部满足：insured_employees.prev <= 30 | ")
    assert en["condition"].startswith("any of: all of: insured_employees.prev <= 30 | ")
    assert zh["parts"][1]["parts"][1]["value"] == "2.5%（6 / 240）"
    assert en["parts"][1]["parts"][1]["value"] == "2.5% (6 / 240)"
    assert (
        zh["parts"][1]["parts"][1]["note"]
        == "ref.unemployment_target.prev = 5.5%（全国城镇调查失业率控制目标，2019年）"
    )
    assert traces["zh"]["measure"]["conditions"][1].startswith("满足其一：insured_employees.prev <= 30 | ")
    assert traces["en"]["measure"]["conditions"][1].startswith("any of: insured_employees.prev <= 30 | ")


@pytest.fixture
def bad_rules(tmp_path: Path) -> Path:
    """A rules directory with one policy whose article 1 has no measure."""
    shutil.copytree(rules_dir() / "common", tmp_path / "common")
    (tmp_path / "test-2020.toml").write_text(
        '[policy]\nid = "test-2020"\nregion = "xishan"\ntitle = { zh = "测试", en = "test" }\n'
        'issuer = { zh = "测试", en = "test" }\nyear = 2020\nsource = "none.txt"\narticles = ["1"]\n',
        encoding="utf-8",
    )
    return tmp_path


def test_rules_check_in_each_language(bad_rules: Path):
    zh = runner.invoke(app, ["rules", "check", str(bad_rules), "--lang", "zh"])
    en = runner.invoke(app, ["rules", "check", str(bad_rules), "--lang", "en"])
    assert zh.exit_code == en.exit_code == 2
    assert zh.stderr.splitlines()[-1] == "polcalc: 规则中有 1 个问题"
    assert en.stderr.splitlines()[-1] == "polcalc: 1 problem(s) in the rules"
    assert runner.invoke(app, ["rules", "check", "--lang", "zh"]).stdout == "规则检查通过\n"
    assert runner.invoke(app, ["rules", "check", "--lang", "en"]).stdout == "rules ok\n"


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["check", "x.toml", "--lang", "zh"], "polcalc: 内部错误（程序缺陷，请报告）：RuntimeError: boom"),
        (["check", "--lang=en", "x.toml"], "polcalc: internal error (a bug, please report it): RuntimeError: boom"),
        (["list", "--lang=en"], "polcalc: internal error (a bug, please report it): RuntimeError: boom"),
    ],
)
def test_internal_error_in_the_language_asked(monkeypatch, capsys, argv: list[str], line: str):
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(entry, "_run_typer", broken)  # every command but check's fast path
    monkeypatch.setattr("polcalc.cli.commands.check_run.run_check", broken)
    monkeypatch.setattr("sys.argv", ["polcalc", *argv])
    with pytest.raises(SystemExit) as exit_:
        entry.main()
    assert exit_.value.code == 1
    assert capsys.readouterr().err == line + "\n"


# ------------------------------------------------------------------ every kind of step, both languages


def m(value: str) -> Q:
    return Q(Decimal(value), MONEY)


STEPS = [
    (Step("fixed", {"amount": m("50000")}), "定额 5.00万", "fixed sum ¥50,000.00"),
    (
        Step("rate_negative", {"rate": Q(Decimal("0.01"), RATE), "base": Q(Decimal("-2000000"), "yuan")}),
        "1% × -200万 为负数：无奖补",
        "1% × ¥-2,000,000 is negative: no award",
    ),
    (
        Step("up_to_per", {"most": Q(Decimal(6), RATE), "per": Q(Decimal(18000), "yuan"), "result": m("108000")}),
        "最高 6 × 1.8万 = 10.80万，由部门决定",
        "up to 6 × ¥18,000 = ¥108,000.00, the department decides",
    ),
    (
        Step("up_to", {"most": m("200000")}),
        "最高 20.00万，由部门酌定",
        "up to ¥200,000.00, at the department's discretion",
    ),
    (Step("unstated", {}), "金额未定：由部门决定", "amount not stated: the department decides"),
    (
        Step(
            "band",
            {
                "rate": Q(Decimal("0.05"), "ratio"),
                "part": Q(Decimal(2_000_000), "yuan"),
                "lower": Q(Decimal(3_000_000), "yuan"),
                "upper": None,
                "result": m("100000"),
            },
        ),
        "5% × 200万（300万以上部分）= 10.00万",
        "5% × ¥2,000,000 (part from ¥3,000,000 to above) = ¥100,000.00",
    ),
    (Step("no_money", {}), "非资金措施：服务、缓缴或程序性措施", "no money: a service, deferral or process measure"),
    (Step("no_tier", {}), "未达到任何档次", "no tier reached"),
    (Step("tier", {"label": Text(zh="增长15%", en="growth 15%")}), "达到档次：增长15%", "tier reached: growth 15%"),
    (Step("capped", {"cap": m("500000")}), "封顶 50.00万", "capped at ¥500,000.00"),
    (
        Step(
            "per_unit",
            {
                "base": Q(Decimal("35000"), "tonnes"),
                "units": Q(Decimal(3), NUMBER),
                "whole": True,
                "unit": Q(Decimal(10000), "tonnes"),
                "price": Q(Decimal(50000), PRICE),
                "result": m("150000"),
            },
        ),
        "35000吨 = 3 × 10000吨（取整）；× 5.00万 = 15.00万",
        "35,000 t = 3 whole × 10,000 t; × ¥50,000 = ¥150,000.00",
    ),
    (Step("why_not_number", {"fact": "size"}), "size 不是数值", "size is not a number"),
]


@pytest.mark.parametrize(("step", "zh", "en"), STEPS, ids=[s[0].kind for s in STEPS])
def test_every_kind_of_step_in_both_languages(step: Step, zh: str, en: str):
    assert render_step(step, "zh") == zh
    assert render_step(step, "en") == en


def test_a_formula_of_several_terms():
    fixed = Step("fixed", {"amount": m("100000")})
    per_unit = STEPS[10][0]
    assert render_formula((fixed, per_unit), "zh") == "10.00万 + 5.00万 × 3"
    assert render_formula((fixed, per_unit), "en") == "¥100,000.00 + ¥50,000 × 3"
    assert render_formula((), "en") == ""


@pytest.mark.parametrize(
    ("value", "unit", "zh", "en"),
    [
        ("800", "m2", "800平方米", "800 m²"),
        ("120.5", "mu", "120.5亩", "120.5 mu"),
        ("35000", "tonnes", "35000吨", "35,000 t"),
        ("1234567", "count", "1234567", "1,234,567"),
        ("230000000", "yuan", "2.3亿", "¥230,000,000"),
        ("35000000", "usd", "US$35,000,000", "US$35,000,000"),
        ("0.15", "ratio", "15%", "15%"),
    ],
)
def test_figures_carry_their_unit(value: str, unit: str, zh: str, en: str):
    assert figure(Decimal(value), unit, "zh") == zh
    assert figure(Decimal(value), unit, "en") == en


@pytest.mark.parametrize(
    ("amount", "zh", "en"),
    [("250", "250元", "¥250"), ("2000", "2000元", "¥2,000"), ("0.5", "0.5元", "¥0.50"), ("50000", "5.00万", "¥50,000")],
)
def test_a_sum_per_unit_is_exact(amount: str, zh: str, en: str):
    assert price(Decimal(amount), "zh") == zh
    assert price(Decimal(amount), "en") == en


@pytest.mark.parametrize(
    ("measure", "zh", "en"),
    [
        (
            "xishan-2020:16.3a",
            "250元 / 1平方米 自建或购买的自用办公用房建筑面积",
            "¥250 / 1 m² floor area of self-built or purchased own-use offices",
        ),
        (
            "xishan-2020:5.1",
            "2000元 / 1亿 社会投资项目当年完成投资额",
            "¥2,000 / ¥100,000,000 investment completed in the year on a non-government project",
        ),
        ("xishan-2020:7.2", "5.00万 / 10000吨 综合利用磷石膏量", "¥50,000 / 10,000 t phosphogypsum put to use"),
    ],
)
def test_list_states_a_sum_per_unit_exactly(measure: str, zh: str, en: str):
    awards = {}
    for lang in ("zh", "en"):
        res = runner.invoke(app, ["list", "--policy", "xishan-2020", "--format", "json", "--lang", lang])
        assert res.exit_code == 0, res.stderr
        awards[lang] = next(m["award"] for m in json.loads(res.stdout)["measures"] if m["id"] == measure)
    assert awards == {"zh": zh, "en": en}
