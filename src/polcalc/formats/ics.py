"""Deadlines as an iCalendar file (RFC 5545), for `check --calendar FILE`.

One all-day event on the deadline for each measure a company qualifies for that is open on the
run's day and has a deadline: drafts never (they were never in force), nor awards that do not
stack with a higher one the company gets (it claims that one). The text follows --lang.

Written by hand rather than with a library: the format needs only content lines, escaping and
folding, and this keeps `polcalc` free of a dependency (tests read the file back with the
`icalendar` package, an independent parser).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shlex
from dataclasses import dataclass

from polcalc.i18n.numbers import money
from polcalc.i18n.words import say, word
from polcalc.views.results import CompanyView, ResultView

LINE_OCTETS = 75  # RFC 5545 3.1: lines longer than this are folded
PRODID = "-//polcalc//polcalc deadlines//EN"
MARKER = b"PRODID:-//polcalc//"  # a calendar carrying it is ours to replace (cli.outputs.is_ours)


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, newlines as \\n."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line, folded at 75 octets of UTF-8 and never inside a character, CRLF-ended.
    A continuation line starts with one space, which counts toward its 75."""
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > LINE_OCTETS:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += octets
    parts.append(current)
    return "\r\n".join(parts) + "\r\n"


@dataclass(frozen=True)
class Event:
    uid: str
    day: dt.date
    summary: str
    description: str
    measure_id: str
    policy_id: str


def _amount(result: ResultView, lang: str) -> str | None:
    """The amount of an eligible result in words, or None for one that grants no money."""
    if result.amount is not None:
        return money(result.amount, lang)
    if result.amount_min is not None and result.amount_max is not None:
        return f"{money(result.amount_min, lang)}–{money(result.amount_max, lang)}"
    if result.amount_max is not None:
        return say("tr_up_to", lang, amount=money(result.amount_max, lang))
    if not result.measure.grants_money:
        return None
    return word("not_stated", lang)


def calendar_results(company: CompanyView) -> list[ResultView]:
    """The results that deserve a date in the company's calendar."""
    return [
        r
        for r in company.results
        if r.eligible and r.open and not r.measure.draft and r.measure.deadline is not None and r.stacked_out_by is None
    ]


def company_events(company: CompanyView, lang: str) -> list[Event]:
    # The same company and measure keep the same UID from run to run, so re-importing the file
    # updates its events instead of doubling them.
    who = hashlib.sha256(f"{company.name}\n{company.region}".encode()).hexdigest()[:16]
    source = "" if company.source in ("", "<stdin>") else " " + shlex.quote(company.source)
    events = []
    for r in calendar_results(company):
        m = r.measure
        assert m.deadline is not None
        lines = [say("ics_deadline", lang, date=m.deadline.isoformat())]
        if m.valid_from is not None:
            lines.append(say("ics_window", lang, start=m.valid_from.isoformat(), end=m.deadline.isoformat()))
        amount = _amount(r, lang)
        if amount is not None:
            lines.append(say("ics_amount", lang, amount=amount))
        else:
            lines.append(say("ics_award", lang, award=word(f"benefit_{m.benefit}", lang)))
        if r.cap is not None:
            lines.append(say("ics_cap", lang, cap=money(r.cap, lang)))
        lines.append(say("ics_department", lang, department=m.department))
        lines += [say("ics_caveat", lang, caveat=c) for c in m.caveats]
        lines.append(say("ics_details", lang, command=f"polcalc explain {m.id}{source}"))
        events.append(
            Event(
                uid=f"{m.id.replace(':', '-')}-{who}@polcalc",
                day=m.deadline,
                summary=f"{m.id} {m.title} — {company.name}",
                description="\n".join(lines),
                measure_id=m.id,
                policy_id=m.policy,
            )
        )
    return events


class Calendar:
    """Events gathered company by company (only their text is kept), written as one file."""

    def __init__(self, lang: str, stamp: dt.datetime | None = None) -> None:
        self.lang = lang
        self.stamp = (stamp or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
        self.events: dict[str, Event] = {}  # by UID: a company given twice gets its events once

    def add(self, company: CompanyView) -> None:
        for event in company_events(company, self.lang):
            self.events.setdefault(event.uid, event)

    def __len__(self) -> int:
        return len(self.events)

    def to_ical(self) -> bytes:
        # An empty calendar is still written (with no event), so a script never reads a stale file.
        stamp = self.stamp.strftime("%Y%m%dT%H%M%SZ")
        lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            f"PRODID:{PRODID}",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            f"X-WR-CALNAME:{escape(word('ics_name', self.lang))}",
        ]
        for e in sorted(self.events.values(), key=lambda e: (e.day, e.summary)):
            lines += [
                "BEGIN:VEVENT",
                f"UID:{e.uid}",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{e.day:%Y%m%d}",
                f"DTEND;VALUE=DATE:{e.day + dt.timedelta(days=1):%Y%m%d}",  # DTEND is exclusive
                f"SUMMARY:{escape(e.summary)}",
                f"DESCRIPTION:{escape(e.description)}",
                f"CATEGORIES:{escape(e.policy_id)}",
                f"X-POLCALC-MEASURE:{escape(e.measure_id)}",
                "TRANSP:TRANSPARENT",  # a deadline does not make anyone busy
                "END:VEVENT",
            ]
        lines.append("END:VCALENDAR")
        return "".join(fold(line) for line in lines).encode("utf-8")


def build_calendar(companies: list[CompanyView], lang: str = "en", stamp: dt.datetime | None = None) -> bytes:
    calendar = Calendar(lang, stamp)
    for company in companies:
        calendar.add(company)
    return calendar.to_ical()
