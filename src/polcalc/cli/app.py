"""The command line: wiring only. Each command lives in polcalc/commands/; the core knows no terminal.
The console script (polcalc/entry.py) runs this app, or check's fast path."""

from __future__ import annotations

import typer

from polcalc.cli.commands import check as check_cmd
from polcalc.cli.commands import explain as explain_cmd
from polcalc.cli.commands import init as init_cmd
from polcalc.cli.commands import list_ as list_cmd
from polcalc.cli.commands import report as report_cmd
from polcalc.cli.commands import rules as rules_cmd
from polcalc.cli.commands import schema as schema_cmd
from polcalc.cli.commands import screen as screen_cmd

app = typer.Typer(
    name="polcalc",
    help="Which local subsidies a company qualifies for, how much, capped where, and by when.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("check")(check_cmd.check)
app.command("list")(list_cmd.list_measures)
app.command("explain")(explain_cmd.explain)
app.command("init")(init_cmd.init)
app.command("schema")(schema_cmd.schema)
app.command("screen")(screen_cmd.screen)
app.command("report")(report_cmd.report)
app.add_typer(rules_cmd.app, name="rules")
