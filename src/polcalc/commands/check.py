"""`polcalc check FILE...`: evaluate company profiles."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from polcalc.commands.options import (
    AsOfOption,
    FormatOption,
    LangOption,
    error,
    handle_errors,
    parse_as_of,
    resolve_lang,
    warn,
)
from polcalc.formats import OutputFormat


@handle_errors
def check(
    files: Annotated[
        list[str], typer.Argument(help="Profiles (TOML): files, directories (every *.toml), or - for stdin.")
    ],
    fmt: FormatOption = OutputFormat.table,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    show_all: Annotated[
        bool, typer.Option("--all", help="Show every measure of the region, not only eligible ones.")
    ] = False,
    drafts: Annotated[bool, typer.Option("--drafts", help="Count draft policies' awards in totals.")] = False,
    bom: Annotated[bool, typer.Option("--bom", help="csv: start with a UTF-8 BOM so Excel shows Chinese.")] = False,
    policy: Annotated[str | None, typer.Option("--policy", "-p", help="Only this policy's measures.")] = None,
    near: Annotated[
        bool | None,
        typer.Option("--near/--no-near", help="Near misses: what would qualify or lift a tier. Default: table only."),
    ] = None,
) -> None:
    """Evaluate one or more company profiles against their region's measures."""
    from polcalc.catalog import load_catalog
    from polcalc.engine import evaluate_company
    from polcalc.errors import ProfileError
    from polcalc.formats import check_formatter
    from polcalc.inputs import iter_sources
    from polcalc.profile import read_profile
    from polcalc.warnings import profile_warnings

    day = parse_as_of(as_of)
    language = resolve_lang(lang)
    catalog = load_catalog()
    if policy is not None and policy not in catalog.policies:
        from polcalc.errors import UsageError
        from polcalc.text import suggest

        raise UsageError(
            f"--policy {policy!r} is not a policy{suggest(policy, catalog.policies)}; "
            f"valid: {', '.join(catalog.policies)}"
        )
    formatter = check_formatter(
        fmt,
        sys.stdout,
        {"as_of": day, "lang": language, "include_drafts": drafts, "show_all": show_all, "bom": bom},
    )
    with_hints = near if near is not None else fmt is OutputFormat.table
    failures = 0
    for source in iter_sources(files):
        try:
            if source.error:
                raise source.error
            profile = read_profile(source.name, source.raw or b"", catalog.vocabulary)
        except ProfileError as exc:
            failures += 1
            error(str(exc))
            continue
        company = evaluate_company(profile, catalog, day, source.name, policy=policy)
        for message in profile_warnings(company, catalog):
            warn(f"{source.name}: {message}")
        if with_hints:
            from polcalc.nearmiss import company_near_misses
            from polcalc.trace import hint_dict

            company.near_misses = [
                hint_dict(h, catalog.vocabulary.unit_of(h.figure)) for h in company_near_misses(company, catalog, day)
            ]
        formatter.company(company)
    formatter.finish()
    if failures:
        raise typer.Exit(2)
