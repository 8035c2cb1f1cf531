"""`polcalc screen companies.csv`: a whole population at once, for departments and consultancies."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from polcalc.cli.options import AsOfOption, FormatOption, LangOption, handle_errors
from polcalc.cli.usage import error, parse_as_of, require_policy, resolve_lang
from polcalc.formats import OutputFormat

if TYPE_CHECKING:
    from polcalc.engine.evaluate import CompanyResult

COMPANY_COLUMNS = [
    "id",
    "line",
    "name",
    "region",
    "measure",
    "title",
    "status",
    "amount",
    "amount_max",
    "cap",
    "deadline",
    "open",
    "draft",
    "stacked_out_by",
]
MEASURE_ROW_COLUMNS = ["measure", "title", "company_id", "line", "name", "amount", "amount_max", "stacked_out_by"]
# A --by-measure file starting with this header line is ours to replace (cli.outputs.is_ours).
MEASURE_ROW_MARKER = (",".join(MEASURE_ROW_COLUMNS) + "\n").encode()


@handle_errors
def screen(
    table: Annotated[
        str, typer.Argument(help="A CSV file (UTF-8) or .xlsx workbook, one row per company; - for stdin.")
    ],
    fmt: FormatOption = OutputFormat.table,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    policy: Annotated[str | None, typer.Option("--policy", "-p", help="Only this policy's measures.")] = None,
    measures_out: Annotated[
        Path | None,
        typer.Option("--by-measure", help="Also write, per measure, each qualifying company and its amount (CSV)."),
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", help="Per company, every measure, not only eligible.")] = False,
    drafts: Annotated[bool, typer.Option("--drafts", help="Count draft policies' awards.")] = False,
    bom: Annotated[
        bool, typer.Option("--bom", help="CSV output starts with a UTF-8 BOM so Excel shows Chinese.")
    ] = False,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes; default: all cores.")
    ] = None,
    xlsx_out: Annotated[
        Path | None,
        typer.Option("--xlsx", help="Also write a workbook: per company, per measure and a summary sheet."),
    ] = None,
    html_out: Annotated[
        Path | None,
        typer.Option(
            "--html", help="Also write the district's dashboard: cost per measure and policy, near misses (HTML)."
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Replace an existing --by-measure or --html file polcalc did not write, or an --xlsx file."
        ),
    ] = False,
) -> None:
    """Screen a population (CSV): each company's awards, and per measure who qualifies and the total cost."""
    from polcalc.cli.batch import default_jobs, ordered_map
    from polcalc.cli.outputs import Discard, claim, written
    from polcalc.cli.progress import progress_bar
    from polcalc.engine.compiled import load_catalog
    from polcalc.engine.evaluate import evaluate_company
    from polcalc.engine.nearmiss import company_near_misses
    from polcalc.formats.csvfmt import row_text
    from polcalc.formats.jsonfmt import dumps, stream_opening
    from polcalc.formats.sink import Sink
    from polcalc.i18n.messages import ProfileError
    from polcalc.i18n.words import say
    from polcalc.inputs.population import Row, parse_header, read_rows, row_profile
    from polcalc.views.district import District
    from polcalc.views.screen import Tally, add_results, screen_summary, workbook_rows

    language = resolve_lang(lang)
    day = parse_as_of(as_of, language)
    catalog = load_catalog()
    require_policy(policy, catalog, language)
    if measures_out is not None:
        claim(measures_out, option="--by-measure", lang=language, inputs=[table], force=force, ours=MEASURE_ROW_MARKER)
    if xlsx_out is not None:  # a workbook carries no marker we can read unpacked: replaced only with --force
        claim(
            xlsx_out,
            option="--xlsx",
            lang=language,
            inputs=[table, *([str(measures_out)] if measures_out else [])],
            force=force,
        )
    if html_out is not None:
        from polcalc.formats.html import HTML_MARKER

        others = [str(p) for p in (measures_out, xlsx_out) if p is not None]
        claim(html_out, option="--html", lang=language, inputs=[table, *others], force=force, ours=HTML_MARKER)
    header, rows = read_rows(table)
    columns = parse_header(header, catalog.vocabulary, table)

    Cells = list[tuple[list[Any], list[list[Any]]]]  # per company: its workbook row, its rows per measure
    Chunk = tuple[dict[str, Tally], Cells, District | None]

    def work(chunk: list[Row]) -> list[tuple[bytes, str, Chunk | None, str | None]]:
        # The chunk's tallies travel once, summed, with its first row: per row they would cost
        # the main process more to receive than the workers spend evaluating. The output travels
        # as UTF-8, written as it comes (formats.Sink).
        out: list[tuple[bytes, str, Chunk | None, str | None]] = []
        summed: dict[str, Tally] = {}
        cells: Cells = []
        district = District() if html_out is not None else None
        for row in chunk:
            try:
                ident, profile = row_profile(row, columns, catalog.vocabulary, table)
            except ProfileError as exc:
                out.append((b"", "", None, exc.render(language)))
                continue
            company = evaluate_company(
                profile, catalog, day, f"{table}:{row.line}", policy=policy, detail=show_all, money_only=not show_all
            )
            add_results(summed, company.results, drafts)
            text = _render(ident, row.line, company, fmt, language, show_all)
            rows_text = _measure_rows(ident, row.line, company, drafts) if measures_out is not None else ""
            if xlsx_out is not None:
                cells.append(workbook_rows(ident, row.line, company, drafts, language))
            if district is not None:  # every hint of the company: the page counts them per measure
                hints = company_near_misses(company, catalog, day, limit=len(company.results) * 4)
                district.add_company(ident, row.line, company, hints, drafts)
            out.append((text, rows_text, None, None))
        if out:
            text, rows_text, _, problem = out[0]
            # The workbook's rows and the dashboard's sums (each only when asked for) travel
            # with the chunk's tallies.
            out[0] = (text, rows_text, (summed, cells, district), problem)
        return out

    out = Sink(sys.stdout)
    if bom and fmt is OutputFormat.csv:
        out.write("\ufeff")
    if fmt is OutputFormat.csv:
        out.write(row_text(COMPANY_COLUMNS) + "\n")
    totals: dict[str, Tally] = {}
    dashboard = District()
    screened = failures = 0
    first = True
    keep_old = False  # no row screened: every streamed output leaves the existing file as it was
    opened: list[Path] = []
    with contextlib.ExitStack() as stack:

        def streamed(path: Path, option: str, **kw: Any) -> Any:
            # Written whole when the run ends, or not at all. Discard, raised once, is swallowed by
            # the innermost file: the check pushed before each later one raises it again.
            if opened:
                stack.push(lambda kind, *_: _discard_again(keep_old and kind is None))
            opened.append(path)
            return stack.enter_context(written(path, option=option, lang=language, **kw))

        by_measure = None
        if measures_out is not None:
            by_measure = streamed(measures_out, "--by-measure", encoding="utf-8-sig" if bom else "utf-8")
            by_measure.write(row_text(MEASURE_ROW_COLUMNS) + "\n")
        book = None
        if xlsx_out is not None:
            from polcalc.formats.xlsx import DistrictBook

            book = DistrictBook(streamed(xlsx_out, "--xlsx", binary=True), language)
        with progress_bar(_count_hint(table)) as advance:
            for text, measure_rows, chunk, problem in ordered_map(work, rows, jobs or default_jobs(), 256):
                advance()
                if chunk is not None:  # a chunk's first row: its tallies and workbook rows
                    tallies, chunk_cells, chunk_district = chunk
                    for measure_id, tally in tallies.items():
                        totals.setdefault(measure_id, Tally()).add(tally)
                    if chunk_district is not None:
                        dashboard.add(chunk_district)
                    if book is not None:  # written while the workers evaluate the next chunks
                        book.add([c for c, _ in chunk_cells], [r for _, rows_of in chunk_cells for r in rows_of])
                if problem:
                    failures += 1
                    error(problem, language)
                    dashboard.add_unreadable(problem)
                    continue
                screened += 1
                if fmt is OutputFormat.json:
                    out.write(stream_opening(day) if first else ",\n")
                    first = False
                if fmt is not OutputFormat.table:
                    out.write(text)
                if by_measure is not None:
                    by_measure.write(measure_rows)
        summary = screen_summary(totals, catalog, language, screened, failures)
        if failures and not screened:  # no valid row: the existing files are kept
            for option, path in (("--by-measure", measures_out), ("--xlsx", xlsx_out)):
                if path is not None:
                    print(say("out_kept", language, option=option, path=str(path)), file=sys.stderr)
            keep_old = True
            if opened:
                raise Discard
        if book is not None and not keep_old:
            book.close(summary)
    if html_out is not None:
        if not keep_old:
            from polcalc.formats.html import render_district
            from polcalc.views.district import district_view

            page = render_district(
                district_view(dashboard, summary, catalog, drafts, language), language, table, day.isoformat()
            )
            with written(html_out, option="--html", lang=language, binary=True) as fh:
                fh.write(page.encode("utf-8"))
        else:
            print(say("out_kept", language, option="--html", path=str(html_out)), file=sys.stderr)
    if fmt is OutputFormat.json:
        head = stream_opening(day) if first else "\n"
        measures = dumps(summary.measure_dicts(), indent=2).replace("\n", "\n  ")
        out.write(head + '  ],\n  "measures": ' + measures + "\n}\n")
    out.flush()
    if fmt is OutputFormat.table or sys.stderr.isatty():
        from polcalc.formats.table import print_screen_summary

        print_screen_summary(sys.stdout if fmt is OutputFormat.table else sys.stderr, summary, language)
    if failures:
        raise typer.Exit(2)


def _discard_again(discard: bool) -> bool:
    from polcalc.cli.outputs import Discard

    if discard:
        raise Discard
    return False


def _render(ident: str, line: int, company: CompanyResult, fmt: OutputFormat, lang: str, show_all: bool) -> bytes:
    from polcalc.formats.csvfmt import result_lines
    from polcalc.formats.jsonfmt import dumps_bytes, nested_bytes
    from polcalc.views.screen import screened_company, screened_results

    if fmt is OutputFormat.jsonl:
        return dumps_bytes(screened_company(ident, line, company, lang, show_all)) + b"\n"
    if fmt is OutputFormat.json:
        return nested_bytes(screened_company(ident, line, company, lang, show_all))
    if fmt is OutputFormat.csv:
        # COMPANY_COLUMNS: the company's fields, then the result's from measure on.
        shown = screened_results(company, lang, show_all)
        profile = company.profile
        return result_lines(shown, [ident, line, profile.name, profile.region], check=False).encode("utf-8")
    return b""


def _measure_rows(ident: str, line: int, company: CompanyResult, drafts: bool) -> str:
    from polcalc.formats.csvfmt import rows_text
    from polcalc.views.screen import measure_rows

    return rows_text(measure_rows(ident, line, company, drafts, "zh"))  # the CSV's titles are Chinese


def _count_hint(table: str) -> int:
    """Rows in the file, for the progress bar (a quick count of lines; 0 for stdin and workbooks)."""
    if table == "-" or table.lower().endswith((".xlsx", ".xlsm")):
        return 0
    with open(table, "rb") as fh:
        return max(0, sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b"")) - 1)
