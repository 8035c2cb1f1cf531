"""`polcalc explain MEASURE [FILE]`: a measure in full, or its trace for one company."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from polcalc.cli.options import AsOfOption, FormatOption, LangOption, MeasureArgument, QuietOption, handle_errors
from polcalc.cli.usage import did_you_mean, parse_as_of, resolve_lang
from polcalc.formats import OutputFormat


@handle_errors
def explain(
    measure_id: MeasureArgument,
    file: Annotated[str | None, typer.Argument(help="A profile to trace the measure for (- for stdin).")] = None,
    fmt: FormatOption = OutputFormat.table,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    quiet: QuietOption = False,
) -> None:
    """Show a measure in full, or how it applies to one company, step by step."""
    from polcalc.engine.compiled import load_catalog
    from polcalc.engine.evaluate import evaluate_company
    from polcalc.formats.explain import write_explanation
    from polcalc.formats.jsonfmt import dumps
    from polcalc.i18n.messages import UsageError
    from polcalc.i18n.words import say
    from polcalc.inputs.profiles import read_profile
    from polcalc.inputs.sources import expand_sources
    from polcalc.views.explain import company_trace, explanation_json, measure_detail

    language = resolve_lang(lang)
    day = parse_as_of(as_of, language)
    catalog = load_catalog()
    measure = catalog.measures.get(measure_id)
    if measure is None:
        suggest = did_you_mean(measure_id, catalog.measures, language)
        raise UsageError(say("no_measure", language, value=repr(measure_id), suggest=suggest))
    if fmt is OutputFormat.csv:
        raise UsageError(say("explain_no_csv", language))
    detail = measure_detail(measure, catalog, day, language)
    trace = None
    if file is not None:
        sources = expand_sources([file])
        if len(sources) != 1:
            raise UsageError(say("one_profile", language, file=file))
        source = sources[0]
        profile = read_profile(source.name, source.load(), catalog.vocabulary)
        region = catalog.policy_of(measure).region
        if profile.region != region:
            raise UsageError(
                say("other_region", language, measure=measure_id, region=region, file=file, other=profile.region)
            )
        company = evaluate_company(profile, catalog, day, source.name)
        result = next(r for r in company.results if r.id == measure_id)
        trace = company_trace(result, company, catalog, day, language)
    if fmt in (OutputFormat.json, OutputFormat.jsonl):
        sys.stdout.write(dumps(explanation_json(detail, trace), indent=None if fmt is OutputFormat.jsonl else 2) + "\n")
    else:
        write_explanation(sys.stdout, detail, trace, language, quiet)
