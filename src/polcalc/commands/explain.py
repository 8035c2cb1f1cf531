"""`polcalc explain MEASURE [FILE]`: a measure in full, or its trace for one company."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from polcalc.commands.options import AsOfOption, FormatOption, LangOption, handle_errors, parse_as_of, resolve_lang
from polcalc.formats import OutputFormat


@handle_errors
def explain(
    measure_id: Annotated[str, typer.Argument(help="A measure id, e.g. xishan-2020:19.2.")],
    file: Annotated[str | None, typer.Argument(help="A profile to trace the measure for (- for stdin).")] = None,
    fmt: FormatOption = OutputFormat.table,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> None:
    """Show a measure in full, or how it applies to one company, step by step."""
    from polcalc.catalog import load_catalog
    from polcalc.engine import evaluate_company
    from polcalc.errors import UsageError
    from polcalc.formats.explain import write_explanation
    from polcalc.formats.jsonfmt import dumps
    from polcalc.inputs import expand_sources
    from polcalc.profile import read_profile
    from polcalc.text import suggest
    from polcalc.trace import company_trace, measure_detail

    catalog = load_catalog()
    measure = catalog.measures.get(measure_id)
    if measure is None:
        raise UsageError(
            f"no measure {measure_id!r}{suggest(measure_id, catalog.measures)}; `polcalc list` shows them all"
        )
    day, language = parse_as_of(as_of), resolve_lang(lang)
    detail = measure_detail(measure, catalog, day, language)
    trace = None
    if file is not None:
        sources = expand_sources([file])
        if len(sources) != 1:
            raise UsageError(f"{file}: explain takes one profile")
        source = sources[0]
        profile = read_profile(source.name, source.load(), catalog.vocabulary)
        region = catalog.policy_of(measure).region
        if profile.region != region:
            raise UsageError(f"{measure_id} is a measure of {region}; {file} is a company of {profile.region}")
        company = evaluate_company(profile, catalog, day, source.name)
        result = next(r for r in company.results if r.id == measure_id)
        trace = company_trace(result, company, catalog, day, language)
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        sys.stdout.write(
            dumps({"measure": detail, "trace": trace}, indent=None if fmt is OutputFormat.jsonl else 2) + "\n"
        )
    elif fmt is OutputFormat.csv:
        raise UsageError("explain has no csv form: use --format json")
    else:
        write_explanation(sys.stdout, detail, trace)
