"""`explain`: the measure in full, the company's trace with its arithmetic, as text and JSON."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from polcalc.cli.app import app

runner = CliRunner()
SAMPLE = "sample_companies/xishan-machinery.toml"


def test_explain_measure_alone_cites_its_source():
    res = runner.invoke(app, ["explain", "xishan-2020:19.2", "--lang", "en"])
    assert res.exit_code == 0, res.stderr
    out = res.stdout
    assert "Xishan District People's Government" in out and "article 19.2" in out
    assert "Reading taken:" in out and "2020-12-31" in out
    assert re.search(r"industry in\s+\[[a-z_, ]+\]", out)  # square brackets survive the renderer (no markup)


def test_explain_trace_shows_the_arithmetic_with_the_companys_numbers():
    res = runner.invoke(app, ["explain", "xishan-2020:19.2", SAMPLE, "--as-of", "2020-05-01", "--lang", "en"])
    assert res.exit_code == 0, res.stderr
    flat = " ".join(res.stdout.split())  # the terminal renderer wraps long lines
    assert "Arithmetic: tier reached: growth 15% 0.2% × ¥230,000,000 = ¥460,000.00 Cap" in flat
    assert "15% (¥230,000,000 vs ¥200,000,000 in 2019)" in flat
    assert "Cap ¥800,000.00: not binding" in res.stdout
    assert "Result: eligible, ¥460,000.00" in res.stdout
    assert "Near miss: gross industrial output 2020 ¥230,000,000 → ¥240,000,000 (+¥10,000,000) meets" in flat
    assert "万" not in res.stdout and "亿" not in res.stdout


def test_explain_json_is_the_same_trace_as_data():
    res = runner.invoke(
        app, ["explain", "xishan-2020:19.2", SAMPLE, "--format", "json", "--as-of", "2020-05-01", "--lang", "en"]
    )
    data = json.loads(res.stdout)
    trace = data["trace"]
    assert trace["result"]["amount"] == 460000
    assert trace["formula"] == "0.2% × ¥230,000,000"
    assert trace["capped"] is False and trace["validity"]["open"] is True
    reached = [t["label"] for t in trace["tiers"] if t["reached"]]
    assert reached == ["growth 10%", "growth 15%"]


def test_explain_unknown_measure_suggests_nearest():
    res = runner.invoke(app, ["explain", "xishan-2020:19.22"])
    assert res.exit_code == 2 and "did you mean" in res.stderr


def test_explain_refuses_a_company_of_another_region(tmp_path):
    other = tmp_path / "a.toml"
    other.write_text('name = "a"\nregion = "anning"\n', encoding="utf-8")
    res = runner.invoke(app, ["explain", "xishan-2020:19.2", str(other)])
    assert res.exit_code == 2 and "anning" in res.stderr


WIDE = {"COLUMNS": "400", "NO_COLOR": "1"}  # no wrapping, so whole sentences can be asserted


def test_explain_in_english_labels_and_yuan():
    res = runner.invoke(app, ["explain", "xishan-2020:19.2", SAMPLE, "--as-of", "2020-05-01", "--lang", "en"], env=WIDE)
    out = res.stdout.splitlines()
    assert "Department: District Science, Technology, Industry and Information Bureau" in out
    assert any(line.startswith("Benefit: grant; award: tiers: growth 10%") for line in out)
    assert any(line.endswith("; cap: ¥1,500,000.00") for line in out)
    assert "  · growth 15%: industrial_output.growth >= 15% and not strategic_emerging → 0.2% × " in "\n".join(out)
    assert "Tier growth 20%: not reached" in out and "Arithmetic:" in out
    assert "Validity: 2020-02-14 to 2020-12-31: open on 2020-05-01" in out


def test_explain_in_chinese_labels_and_wan():
    res = runner.invoke(app, ["explain", "xishan-2020:19.2", SAMPLE, "--as-of", "2020-05-01", "--lang", "zh"], env=WIDE)
    assert res.exit_code == 0, res.stderr
    out = res.stdout.splitlines()
    assert "责任部门：区科技工业和信息化局" in out
    assert any(line.startswith("文件：关于应对新冠肺炎疫情稳定经济运行20条措施的意见（xishan-2020）") for line in out)
    assert any(line.startswith("类别：奖励补助；奖补：分档：") and line.endswith("；上限：150.00万") for line in out)
    assert "档次 增长20%：未达到" in out and "计算：" in out
    assert "上限 80.00万：未封顶" in out
    assert "有效期：2020-02-14 至 2020-12-31：2020-05-01 有效" in out
    assert "结果：符合，46.00万" in out
    assert ("差一点：2020年工业总产值 2.3亿 → 2.4亿（+1000万）即满足 industrial_output.growth >= 20% → 72.00万") in out
    for english in ("Policy:", "Department:", "Who qualifies:", "Arithmetic:", "Result:", "binding", "meets", "¥"):
        assert english not in res.stdout, english


def trace_in(lang: str, measure: str = "xishan-2020:19.2", profile: str = SAMPLE, as_of: str = "2020-05-01") -> dict:
    args = ["explain", measure, profile, "--format", "json", "--as-of", as_of, "--lang", lang]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)["trace"]


def test_the_same_trace_in_both_languages():
    # 2亿 → 2.3亿 is +15% exactly: the 15% tier, 0.2% × 2.3亿 = 46万, under its 80万 cap.
    zh, en = trace_in("zh"), trace_in("en")
    numbers = ("status", "amount", "amount_max", "amount_min", "cap", "capped", "deadline", "open")
    assert [zh["result"][k] for k in numbers] == [en["result"][k] for k in numbers]
    assert (zh["result"]["tier"], en["result"]["tier"]) == ("增长15%", "growth 15%")
    assert zh["steps"] == ["达到档次：增长15%", "0.2% × 2.3亿 = 46.00万"]
    assert en["steps"] == ["tier reached: growth 15%", "0.2% × ¥230,000,000 = ¥460,000.00"]
    assert (zh["formula"], en["formula"]) == ("0.2% × 2.3亿", "0.2% × ¥230,000,000")
    zh_growth, en_growth = (next(c for t in tr["tiers"] for c in t["checks"]) for tr in (zh, en))
    assert zh_growth["value"] == "15%（2.3亿，较2019年的2亿）"
    assert en_growth["value"] == "15% (¥230,000,000 vs ¥200,000,000 in 2019)"
    not_emerging = zh["tiers"][0]["checks"][1], en["tiers"][0]["checks"][1]
    assert [c["value"] for c in not_emerging] == ["否", "false"]
    assert zh["stacking"].startswith("叠加组 xishan-2020:industrial-output：")
    assert en["stacking"].startswith("stacking group xishan-2020:industrial-output: the highest of")


def test_a_sum_per_unit_reads_exactly_with_the_units_of_its_figure(tmp_path):
    # 250 yuan per m² of own office (xishan-2020:16.3a), 800 m²: 20万. The unit price is never 0.03万.
    profile = tmp_path / "bank.toml"
    profile.write_text(
        'name = "b"\nregion = "xishan"\nindustry = "finance"\n[status]\nnew_type_financial_institution = true\n'
        '[years.2020]\nown_office_floor_area = 800\n[[events]]\nkind = "entered_district"\nyear = 2020\n',
        encoding="utf-8",
    )
    zh, en = (trace_in(lang, "xishan-2020:16.3a", str(profile), "2020-06-30") for lang in ("zh", "en"))
    assert zh["result"]["amount"] == en["result"]["amount"] == 200000
    assert zh["steps"] == ["800平方米 = 800 × 1平方米；× 250元 = 20.00万"]
    assert en["steps"] == ["800 m² = 800 × 1 m²; × ¥250 = ¥200,000.00"]
    assert (zh["formula"], en["formula"]) == ("250元 × 800", "¥250 × 800")


def _words(checks: list[dict]) -> list[str]:
    """The texts of checks, with their parts': values and notes (conditions are the rules' expressions)."""
    return [t for c in checks for t in (c["value"] or "", c["note"] or "", *_words(c["parts"]))]


def test_a_chinese_trace_has_no_english_words():
    trace = trace_in("zh")
    checks = trace["policy_checks"] + trace["checks"] + [c for t in trace["tiers"] for c in t["checks"]]
    text = " ".join([*_words(checks), *trace["steps"], trace["formula"], trace["stacking"]])
    assert "2.3亿，较2019年的2亿" in text and "否" in text  # so the test can fail
    for english in ("tier reached", "vs", "in 2019", "true", "false", "stacking group", "counts", "¥"):
        assert english not in text, english


# The json's keys, in order: scripts read them, and the views' field order decides it.
MEASURE_KEYS = [
    *("id", "region", "policy", "article", "title", "title_zh", "title_en", "summary", "benefit", "department"),
    *("award", "cap", "valid_from", "deadline", "open", "draft", "document_number", "issuer", "interpretation"),
    *("caveats", "stacking_group", "policy_title", "issued", "source", "policy_conditions", "conditions", "judged"),
    *("tiers", "year", "validity_note", "exclusions", "stacking", "does_not_stack_with", "related"),
    "policy_interpretation",
]
TRACE_KEYS = [
    *("file", "name", "year", "as_of", "result", "policy_checks", "checks", "tiers", "steps", "formula", "cap"),
    *("capped", "stacking", "validity", "near_misses"),
]


def test_explain_json_keeps_its_keys_in_order():
    res = runner.invoke(app, ["explain", "xishan-2020:19.2", SAMPLE, "--format", "json", "--as-of", "2020-05-01"])
    data = json.loads(res.stdout)
    assert list(data) == ["measure", "trace"]
    measure, trace = data["measure"], data["trace"]
    assert list(measure) == MEASURE_KEYS
    assert list(measure["tiers"][0]) == ["label", "conditions", "award", "cap"]
    assert list(trace) == TRACE_KEYS
    assert list(trace["checks"][0]) == ["condition", "holds", "value", "missing", "note", "parts"]
    assert list(trace["tiers"][0]) == ["label", "reached", "checks"]
    assert list(trace["validity"]) == ["from", "to", "open", "draft"]
    assert trace["validity"] == {"from": "2020-02-14", "to": "2020-12-31", "open": True, "draft": False}
    assert trace["as_of"] == "2020-05-01" and measure["issued"] == "2020-02-14"
    alone = runner.invoke(app, ["explain", "xishan-2020:19.2", "--format", "json", "--as-of", "2020-05-01"])
    assert json.loads(alone.stdout) == {"measure": measure, "trace": None}


def test_explain_shows_each_measure_as_list_does():
    # explain's measure starts with what `list --format json` says of it, key for key, in its order.
    import datetime as dt

    from polcalc.engine.compiled import load_catalog
    from polcalc.views.explain import measure_detail
    from polcalc.views.measures import measure_dict

    catalog = load_catalog()
    day = dt.date(2020, 6, 30)
    for measure in catalog.measures.values():
        for lang in ("zh", "en"):
            listed = measure_dict(measure, catalog, day, lang)
            shown = measure_detail(measure, catalog, day, lang).as_json()
            assert list(shown.items())[: len(listed)] == list(listed.items()), (measure.id, lang)
