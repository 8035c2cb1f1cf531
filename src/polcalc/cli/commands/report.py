"""`polcalc report FILE... -o client.html`: a report a consultant sends a client (HTML, prints to A4)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from polcalc.cli.options import AsOfOption, LangOption, PolicyOption, handle_errors


@handle_errors
def report(
    files: Annotated[list[str], typer.Argument(help="Profiles (TOML): files, directories (every *.toml).")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="The .html file; with several profiles a folder (one report each). Default: stdout."
        ),
    ] = None,
    combined: Annotated[bool, typer.Option("--combined", help="Several profiles in one file.")] = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
    drafts: Annotated[bool, typer.Option("--drafts", help="Show and count draft policies' awards.")] = False,
    policy: PolicyOption = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file polcalc did not write.")] = False,
) -> None:
    """Write each company's report as a self-contained HTML document (print it to PDF from a browser)."""
    import sys

    from polcalc.cli.outputs import claim, written
    from polcalc.cli.usage import error, parse_as_of, require_policy, resolve_lang
    from polcalc.engine.compiled import load_catalog
    from polcalc.engine.evaluate import evaluate_company
    from polcalc.engine.nearmiss import company_near_misses
    from polcalc.formats.html import HTML_MARKER, render_report
    from polcalc.i18n.messages import ProfileError, UsageError
    from polcalc.i18n.words import say
    from polcalc.inputs.profiles import read_profile
    from polcalc.inputs.sources import expand_sources
    from polcalc.views.report import company_report

    language = resolve_lang(lang)
    day = parse_as_of(as_of, language)
    catalog = load_catalog()
    require_policy(policy, catalog, language)
    sources = expand_sources(files)
    one_each = output is not None and not combined and (len(sources) > 1 or output.is_dir())
    if one_each and output is not None:
        if output.exists() and not output.is_dir():
            raise UsageError(say("rep_out_not_dir", language, path=str(output)))
        output.mkdir(parents=True, exist_ok=True)
    # Every file the run will write is claimed before anything is evaluated (never an input,
    # never a file polcalc did not write unless --force).
    inputs = [s.name for s in sources]
    targets = [output / (Path(s.name).stem + ".html") for s in sources] if one_each and output else [output]
    for target in targets:
        if target is not None:
            claim(target, option="-o", lang=language, inputs=inputs, force=force, ours=HTML_MARKER)
    vocab = catalog.vocabulary
    reports, failures = [], 0
    for source in sources:
        try:
            profile = read_profile(source.name, source.load(), vocab)
        except ProfileError as exc:
            failures += 1
            error(exc.render(language), language)
            continue
        company = evaluate_company(profile, catalog, day, source.name, policy=policy)
        company.near_misses = company_near_misses(company, catalog, day)
        data = company_report(company, catalog, day, language, drafts)
        if one_each and output is not None:
            target = output / (Path(source.name).stem + ".html")
            with written(target, option="-o", lang=language, binary=True) as fh:
                fh.write(render_report([data], language).encode("utf-8"))
        else:
            reports.append(data)
    if not one_each and reports:
        html = render_report(reports, language)
        if output is None:
            sys.stdout.write(html)
        else:
            with written(output, option="-o", lang=language, binary=True) as fh:
                fh.write(html.encode("utf-8"))
    if failures:
        raise typer.Exit(2)
