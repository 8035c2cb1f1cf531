"""`polcalc list`: the measures of a region or policy, no company needed."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from polcalc.cli.options import (
    AsOfOption,
    FormatOption,
    LangOption,
    PolicyOption,
    QuietOption,
    RegionOption,
    handle_errors,
)
from polcalc.cli.usage import parse_as_of, require_policy, require_region, resolve_lang
from polcalc.formats import OutputFormat


@handle_errors
def list_measures(
    region: RegionOption = None,
    policy: PolicyOption = None,
    fmt: FormatOption = OutputFormat.table,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    bom: Annotated[bool, typer.Option("--bom", help="csv: start with a UTF-8 BOM so Excel shows Chinese.")] = False,
    quiet: QuietOption = False,
) -> None:
    """List measures with their awards, caps and deadlines."""
    from polcalc.engine.compiled import load_catalog
    from polcalc.formats import write_measures
    from polcalc.views.measures import measure_dict

    language = resolve_lang(lang)
    day = parse_as_of(as_of, language)
    catalog = load_catalog()
    require_region(region, catalog, language)
    require_policy(policy, catalog, language)
    measures = [measure_dict(m, catalog, day, language) for m in catalog.measures_for(region, policy)]
    write_measures(fmt, sys.stdout, measures, {"lang": language, "bom": bom, "quiet": quiet})
