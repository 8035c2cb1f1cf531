"""`explain`: the measure in full, the company's trace with its arithmetic, as text and JSON."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from polcalc.cli import app

runner = CliRunner()
SAMPLE = "sample_companies/xishan-machinery.toml"


def test_explain_measure_alone_cites_its_source():
    res = runner.invoke(app, ["explain", "xishan-2020:19.2", "--lang", "en"])
    assert res.exit_code == 0, res.stderr
    out = res.stdout
    assert "Xishan District People's Government" in out and "article 19.2" in out
    assert "Reading taken:" in out and "2020-12-31" in out
    assert "[industrial]" in out  # square brackets survive the terminal renderer (no markup)


def test_explain_trace_shows_the_arithmetic_with_the_companys_numbers():
    res = runner.invoke(app, ["explain", "xishan-2020:19.2", SAMPLE, "--as-of", "2020-05-01", "--lang", "en"])
    assert res.exit_code == 0, res.stderr
    assert "0.2% × 2.3亿 = 46.00万" in res.stdout
    assert "15% (2.3亿 vs 2亿 in 2019)" in res.stdout
    assert "Cap 80.00万: not binding" in res.stdout
    assert "Result: eligible, 46.00万" in res.stdout


def test_explain_json_is_the_same_trace_as_data():
    res = runner.invoke(app, ["explain", "xishan-2020:19.2", SAMPLE, "--format", "json", "--as-of", "2020-05-01"])
    data = json.loads(res.stdout)
    trace = data["trace"]
    assert trace["result"]["amount"] == 460000
    assert trace["formula"] == "0.2% × 2.3亿"
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
