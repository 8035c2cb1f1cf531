"""`polcalc schema`: the JSON Schema of the company-profile format, for editors (docs/editors.md)."""

from __future__ import annotations

import sys

from polcalc.commands.options import handle_errors


@handle_errors
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of company profiles, built from the rules' vocabulary."""
    from polcalc.schema import render_schema

    sys.stdout.write(render_schema())
