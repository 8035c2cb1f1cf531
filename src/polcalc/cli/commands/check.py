"""`polcalc check FILE...`: evaluate company profiles."""

from __future__ import annotations

from typing import Annotated

import typer

from polcalc.cli.commands.check_run import run_check
from polcalc.cli.options import AsOfOption, FormatOption, LangOption, PolicyOption, QuietOption, handle_errors
from polcalc.formats import OutputFormat


@handle_errors
def check(
    files: Annotated[
        list[str], typer.Argument(help="Profiles (TOML): files, directories (every *.toml), - for stdin.")
    ],
    fmt: FormatOption = OutputFormat.table,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Show every measure of the region, not only eligible.")
    ] = False,
    drafts: Annotated[bool, typer.Option("--drafts", help="Count draft policies' awards in totals.")] = False,
    bom: Annotated[bool, typer.Option("--bom", help="csv: start with a UTF-8 BOM so Excel shows Chinese.")] = False,
    policy: PolicyOption = None,
    near: Annotated[
        bool | None,
        typer.Option("--near/--no-near", help="Near misses: what would qualify or lift a tier. Default: table only."),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes for machine formats; default: all cores."),
    ] = None,
    quiet: QuietOption = False,
    calendar: Annotated[
        str | None,
        typer.Option("--calendar", metavar="FILE.ics", help="Also write open measures' deadlines as iCalendar events."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing --calendar file polcalc did not write.")
    ] = False,
) -> None:
    """Evaluate one or more company profiles against their region's measures."""
    status = run_check(
        files,
        fmt=fmt,
        as_of=as_of,
        lang=lang,
        show_all=show_all,
        drafts=drafts,
        bom=bom,
        policy=policy,
        near=near,
        jobs=jobs,
        quiet=quiet,
        calendar=calendar,
        force=force,
    )
    if status:
        raise typer.Exit(status)
