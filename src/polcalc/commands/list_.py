"""`polcalc list`: the measures of a region or policy, no company needed."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from polcalc.commands.options import AsOfOption, FormatOption, LangOption, handle_errors, parse_as_of, resolve_lang
from polcalc.formats import OutputFormat


@handle_errors
def list_measures(
    region: Annotated[
        str | None, typer.Option("--region", "-r", help="anning, xinzhou, xishan or yangquan-chengqu.")
    ] = None,
    policy: Annotated[str | None, typer.Option("--policy", "-p", help="A policy id, e.g. xishan-2020.")] = None,
    fmt: FormatOption = OutputFormat.table,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    bom: Annotated[bool, typer.Option("--bom", help="csv: start with a UTF-8 BOM so Excel shows Chinese.")] = False,
) -> None:
    """List measures with their awards, caps and deadlines."""
    from polcalc.catalog import load_catalog
    from polcalc.errors import UsageError
    from polcalc.formats import write_measures
    from polcalc.report import measure_dict
    from polcalc.text import suggest

    catalog = load_catalog()
    if region is not None and region not in catalog.regions:
        raise UsageError(
            f"--region {region!r} is not a region{suggest(region, catalog.regions)}; "
            f"valid: {', '.join(catalog.regions)}"
        )
    if policy is not None and policy not in catalog.policies:
        raise UsageError(
            f"--policy {policy!r} is not a policy{suggest(policy, catalog.policies)}; "
            f"valid: {', '.join(catalog.policies)}"
        )
    day = parse_as_of(as_of)
    language = resolve_lang(lang)
    measures = [measure_dict(m, catalog, day, language) for m in catalog.measures_for(region, policy)]
    write_measures(fmt, sys.stdout, measures, {"lang": language, "bom": bom})
