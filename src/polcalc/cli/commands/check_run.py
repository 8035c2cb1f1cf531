"""The work of `polcalc check`, free of typer: the typer command (check.py) and the fast path
of the console script (cli/entry.py) both call run_check with the options specs.CHECK declares."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from polcalc.cli.usage import error, parse_as_of, require_policy, resolve_lang, warn
from polcalc.formats import OutputFormat

if TYPE_CHECKING:
    import datetime as dt

    from polcalc.cli.specs import CheckOptions
    from polcalc.formats.ics import Calendar

PARALLEL_FROM = 200  # below this many profiles, starting workers costs more than it saves


def run_check(files: list[str], options: CheckOptions) -> int:
    """Evaluate the profiles and write the results; the exit status (2: some file was bad).
    Raises PolcalcError for a bad option value, before anything is evaluated. (The options are
    declared in specs.CHECK.)"""
    fmt, as_of, lang, policy, quiet = options.fmt, options.as_of, options.lang, options.policy, options.quiet
    show_all, drafts, bom, near = options.show_all, options.drafts, options.bom, options.near
    jobs, calendar, force = options.jobs, options.calendar, options.force
    from polcalc.cli.batch import default_jobs, ordered_map
    from polcalc.cli.progress import progress_bar
    from polcalc.engine.compiled import load_catalog
    from polcalc.engine.evaluate import evaluate_company
    from polcalc.formats import check_formatter
    from polcalc.i18n.messages import ProfileError
    from polcalc.inputs.profiles import read_profile
    from polcalc.inputs.sources import Source, expand_sources
    from polcalc.views.results import company_view
    from polcalc.views.warnings import profile_warnings

    language = resolve_lang(lang)
    day = parse_as_of(as_of, language)
    catalog = load_catalog()
    require_policy(policy, catalog, language)
    sources = expand_sources(files)
    ics = _open_calendar(calendar, language, [s.name for s in sources], force)
    formatter = check_formatter(
        fmt,
        sys.stdout,
        {
            "as_of": day,
            "lang": language,
            "include_drafts": drafts,
            "show_all": show_all,
            "bom": bom,
            "quiet": quiet,
        },
    )
    with_hints = near if near is not None else (fmt is OutputFormat.table and not quiet)
    # The table is for people (few companies, rendered here); machine formats render in workers.
    # (The calendar needs each company here, so it keeps the run in this process.)
    parallel = fmt is not OutputFormat.table and len(sources) >= PARALLEL_FROM and ics is None
    workers = (jobs or default_jobs()) if parallel else 1

    def work(chunk: list[Source]) -> list[tuple[object, list[str], list[str]]]:
        out: list[tuple[object, list[str], list[str]]] = []
        for source in chunk:
            try:
                profile = read_profile(source.name, source.load(), catalog.vocabulary)
            except ProfileError as exc:
                out.append((None, [exc.render(language)], []))
                continue
            company = evaluate_company(profile, catalog, day, source.name, policy=policy)
            notes = [f"{source.name}: {m}" for m in profile_warnings(company, catalog, language)]
            if with_hints:
                from polcalc.engine.nearmiss import company_near_misses

                company.near_misses = company_near_misses(company, catalog, day)
            # The vocabulary words near misses' keys and units. Across processes only the rendered
            # output travels; in this process the company's view itself does.
            view = company_view(company, language, catalog.vocabulary)
            out.append((formatter.render(view) if workers > 1 else view, [], notes))
        return out

    failures = evaluated = 0
    with progress_bar(len(sources)) as advance:
        for item, errors, notes in ordered_map(work, sources, workers):
            for message in errors:
                failures += 1
                error(message, language)
            for message in [] if quiet else notes:
                warn(message, language)
            if item is not None:
                evaluated += 1
            if isinstance(item, (str, bytes)):
                formatter.write(item)
            elif item is not None:
                formatter.company(item)  # type: ignore[arg-type]
                if ics is not None:
                    ics.add(item)  # type: ignore[arg-type]
            advance()
    formatter.finish()
    if ics is not None and calendar is not None:
        _write_calendar(calendar, ics, day, language, quiet, evaluated > 0 or not failures)
    return 2 if failures else 0


def _open_calendar(path: str | None, lang: str, inputs: list[str], force: bool) -> Calendar | None:
    """Fail before evaluating anything when the calendar must not be written where asked."""
    if path is None:
        return None
    from polcalc.cli.outputs import claim
    from polcalc.formats.ics import MARKER, Calendar

    claim(path, option="--calendar", lang=lang, inputs=inputs, force=force, ours=MARKER)
    return Calendar(lang)


def _write_calendar(path: str, ics: Calendar, day: dt.date, lang: str, quiet: bool, valid: bool) -> None:
    """Write the calendar whole; a run that evaluated no profile (all bad) leaves the old one."""
    from polcalc.cli.outputs import written
    from polcalc.i18n.words import say

    if not valid:
        if not quiet:
            print(say("out_kept", lang, option="--calendar", path=path), file=sys.stderr)
        return
    with written(path, option="--calendar", lang=lang, binary=True) as fh:
        fh.write(ics.to_ical())
    if not quiet:
        message = "calendar_written" if len(ics) else "calendar_empty"
        print(say(message, lang, path=path, n=len(ics), as_of=day.isoformat()), file=sys.stderr)
