"""`check --calendar`: deadlines as iCalendar events (RFC 5545), read back with the icalendar package."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest
from typer.testing import CliRunner

from polcalc.cli.app import app
from polcalc.engine.compiled import load_catalog
from polcalc.engine.evaluate import evaluate_company
from polcalc.formats.ics import LINE_OCTETS, PRODID, build_calendar, escape, fold
from polcalc.views.results import company_view
from tests.conftest import make_profile

runner = CliRunner()
SAMPLE = "sample_companies/xishan-machinery.toml"
CATERING = "sample_companies/xishan-catering.toml"


def _events(path: Path) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["X-POLCALC-MEASURE"]) + " / " + str(e["SUMMARY"]).split(" — ")[1]: e for e in cal.walk("VEVENT")}


def _expected(files: list[str], as_of: str) -> set[str]:
    """From the JSON (the contract): eligible, open, with a deadline, not a draft, not stacked out."""
    data = json.loads(runner.invoke(app, ["check", *files, "--format", "json", "--as-of", as_of]).stdout)
    return {
        f"{r['id']} / {c['name']}"
        for c in data["companies"]
        for r in c["results"]
        if r["status"] == "eligible" and r["open"] and r["deadline"] and not r["draft"] and not r["stacked_out_by"]
    }


def test_one_all_day_event_per_open_eligible_measure_and_company(tmp_path: Path):
    out = tmp_path / "deadlines.ics"
    res = runner.invoke(
        app, ["check", SAMPLE, CATERING, "--as-of", "2020-06-30", "--lang", "en", "--calendar", str(out)]
    )
    assert res.exit_code == 0, res.stderr
    events = _events(out)
    assert set(events) == _expected([SAMPLE, CATERING], "2020-06-30")
    assert any(k.endswith("西山滇味餐饮管理有限公司") for k in events)  # both companies

    e = events["xishan-2020:19.2 / 昆明西山精工机械有限公司"]
    assert str(e["SUMMARY"]) == "xishan-2020:19.2 Output-growth subsidy — 昆明西山精工机械有限公司"
    assert e["DTSTART"].dt == dt.date(2020, 12, 31) and e["DTEND"].dt == dt.date(2021, 1, 1)  # all day
    assert e["DTSTART"].params["VALUE"] == "DATE"
    description = str(e["DESCRIPTION"]).splitlines()
    assert "Deadline: 2020-12-31" in description
    assert "Window: 2020-02-14 to 2020-12-31" in description
    assert "Amount: ¥460,000.00" in description and "Cap: ¥800,000.00" in description
    assert f"Details: polcalc explain xishan-2020:19.2 {SAMPLE}" in description
    assert e["UID"] and e["DTSTAMP"]
    assert len({str(e["UID"]) for e in events.values()}) == len(events)
    assert "wrote" in res.stderr and str(out) in res.stderr


def test_drafts_never_produce_events_nor_do_stacked_out_awards(tmp_path: Path):
    out = tmp_path / "d.ics"
    res = runner.invoke(app, ["check", SAMPLE, "--as-of", "2020-06-30", "--drafts", "--calendar", str(out)])
    assert res.exit_code == 0, res.stderr
    ids = {k.split(" / ")[0] for k in _events(out)}
    assert ids and not any(i.startswith("xishan-2022:") for i in ids)  # the 2022 document is a draft
    data = json.loads(runner.invoke(app, ["check", SAMPLE, "--format", "json", "--as-of", "2020-06-30"]).stdout)
    drafts = [r["id"] for r in data["companies"][0]["results"] if r["draft"] and r["status"] == "eligible"]
    assert drafts  # so the check above could fail


def test_a_measure_not_open_on_as_of_yields_no_event(tmp_path: Path):
    # Xishan 2020 ends on 2020-12-31, but its 3.1 (social-insurance deferral) runs to 2021-04-30:
    # on 2021-01-01 the company still qualifies for both, and only 3.1 is open.
    out = tmp_path / "d.ics"
    res = runner.invoke(app, ["check", SAMPLE, "--as-of", "2021-01-01", "--lang", "en", "--calendar", str(out)])
    assert res.exit_code == 0, res.stderr
    events = _events(out)
    assert set(events) == {"xishan-2020:3.1 / 昆明西山精工机械有限公司"}
    assert events["xishan-2020:3.1 / 昆明西山精工机械有限公司"]["DTSTART"].dt == dt.date(2021, 4, 30)
    data = json.loads(runner.invoke(app, ["check", SAMPLE, "--format", "json", "--as-of", "2021-01-01"]).stdout)
    r = next(r for r in data["companies"][0]["results"] if r["id"] == "xishan-2020:19.2")
    assert r["status"] == "eligible" and r["open"] is False  # eligible, but closed: no event
    # The day before, it is open and has its event.
    runner.invoke(app, ["check", SAMPLE, "--as-of", "2020-12-31", "--calendar", str(out)])
    assert "xishan-2020:19.2 / 昆明西山精工机械有限公司" in _events(out)


def test_nothing_open_writes_an_empty_calendar_and_says_so(tmp_path: Path):
    out = tmp_path / "d.ics"
    out.write_text(f"BEGIN:VCALENDAR\r\nPRODID:{PRODID}\r\nstale", encoding="utf-8")  # a stale one of ours
    res = runner.invoke(app, ["check", SAMPLE, "--as-of", "2021-06-01", "--lang", "en", "--calendar", str(out)])
    assert res.exit_code == 0
    assert _events(out) == {}
    assert "the calendar is empty" in res.stderr
    res = runner.invoke(app, ["check", SAMPLE, "--as-of", "2021-06-01", "-q", "--calendar", str(out)])
    assert res.stderr == ""  # --quiet: no note


def test_chinese_calendar_and_amounts_in_wan(tmp_path: Path):
    out = tmp_path / "d.ics"
    runner.invoke(app, ["check", SAMPLE, "--as-of", "2020-06-30", "--lang", "zh", "--calendar", str(out)])
    e = _events(out)["xishan-2020:19.2 / 昆明西山精工机械有限公司"]
    assert str(e["SUMMARY"]) == "xishan-2020:19.2 扩销促产补助 — 昆明西山精工机械有限公司"
    description = str(e["DESCRIPTION"]).splitlines()
    assert "金额：46.00万" in description and "上限：80.00万" in description
    assert "申报期：2020-02-14 至 2020-12-31" in description


def test_the_file_is_crlf_folded_at_75_octets_and_escaped():
    profile = make_profile(
        {
            "name": "Acme, Inc.; 西山精工\\机械",  # a comma, a semicolon and a backslash to escape
            "region": "xishan",
            "industry": "equipment_manufacturing",
            "status": {"above_scale": True, "strategic_emerging": False},
            "years": {2019: {"industrial_output": "2亿"}, 2020: {"industrial_output": "2.3亿"}},
        }
    )
    company = evaluate_company(profile, load_catalog(), dt.date(2020, 6, 30), "a b.toml")
    data = build_calendar([company_view(company, "zh")], "zh", dt.datetime(2020, 6, 30, 8, 0, tzinfo=dt.timezone.utc))
    text = data.decode("utf-8")  # every fold falls between characters, or this would fail
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= LINE_OCTETS for line in lines)
    assert any(line.startswith(" ") for line in lines)  # something was folded
    assert "DTSTAMP:20200630T080000Z" in lines
    cal = icalendar.Calendar.from_ical(data)
    (e,) = [e for e in cal.walk("VEVENT") if e["X-POLCALC-MEASURE"] == "xishan-2020:19.2"]
    assert str(e["SUMMARY"]).endswith(" — Acme, Inc.; 西山精工\\机械")
    assert "详情：polcalc explain xishan-2020:19.2 'a b.toml'" in str(e["DESCRIPTION"]).splitlines()


@pytest.mark.parametrize(
    "raw, escaped",
    [("a,b", "a\\,b"), ("a;b", "a\\;b"), ("a\\b", "a\\\\b"), ("a\nb", "a\\nb"), ("a\r\nb", "a\\nb")],
)
def test_escape(raw: str, escaped: str):
    assert escape(raw) == escaped


def test_fold_never_splits_a_character():
    line = "SUMMARY:" + "扩销促产补助" * 20
    folded = fold(line)
    parts = folded.removesuffix("\r\n").split("\r\n")
    assert all(len(p.encode("utf-8")) <= LINE_OCTETS for p in parts)
    assert parts[0] + "".join(p[1:] for p in parts[1:]) == line
    assert fold("SHORT:x") == "SHORT:x\r\n"


def test_a_calendar_in_a_missing_directory_is_exit_2_before_any_output(tmp_path: Path):
    res = runner.invoke(app, ["check", SAMPLE, "--as-of", "2020-06-30", "--calendar", str(tmp_path / "no" / "d.ics")])
    assert res.exit_code == 2 and "does not exist" in res.stderr and res.stdout == ""
