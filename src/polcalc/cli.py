"""The command line: wiring only. Each command lives in polcalc/commands/; the core knows no terminal.

Exit status (shared/CONTRACT.md): 0 ran, 2 bad input or usage, 1 a bug.
"""

from __future__ import annotations

import sys

import typer

from polcalc.commands import check as check_cmd
from polcalc.commands import explain as explain_cmd
from polcalc.commands import init as init_cmd
from polcalc.commands import list_ as list_cmd
from polcalc.commands import rules as rules_cmd
from polcalc.commands import schema as schema_cmd
from polcalc.commands import screen as screen_cmd

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
app.add_typer(rules_cmd.app, name="rules")


def _lang_asked(argv: list[str]) -> str:
    """The language of the command line (--lang zh, --lang=zh), else the locale's: for the one
    message written after the command itself has failed."""
    from polcalc.i18n import LANGS, default_lang

    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        else:
            continue
        return value if value in LANGS else default_lang()
    return default_lang()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: say so in one line, never a traceback
        from polcalc.i18n import say

        error = f"{type(exc).__name__}: {exc}"
        print(say("internal_error", _lang_asked(sys.argv[1:]), error=error), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
