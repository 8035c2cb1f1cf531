"""`polcalc schema`: the JSON Schema of the company-profile format, for editors (docs/editors.md)."""

from __future__ import annotations

import sys

from polcalc.cli.options import handle_errors


@handle_errors
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of company profiles, built from the rules' vocabulary."""
    from polcalc.engine.compiled import load_catalog
    from polcalc.inputs.schema import render_schema

    sys.stdout.write(render_schema(load_catalog().vocabulary))
