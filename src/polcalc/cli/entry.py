"""The console script.

`polcalc check` on plain arguments goes straight to its work (commands/check_run.py) without
building the typer app: typer coerces every parameter through a pydantic validator it builds at
start-up, which alone costs more than checking one company (a cold start within 1.25x of
importing our dependencies). The command line is read with the declarations typer builds the
command from (cli/specs.py); anything that reader does not take (help, shell completion, an
option it does not know, a value it cannot convert, a missing file argument) goes to the typer
app, so typer stays the one judge of usage errors and the one place help is shown.

Exit status (shared/CONTRACT.md): 0 ran, 2 bad input or usage, 1 a bug.
"""

from __future__ import annotations

import os
import sys


def _fast(argv: list[str]) -> int | None:
    """check's exit status when it ran here, None when typer should run the command line."""
    if argv[:1] != ["check"] or any(k.startswith("_POLCALC_COMPLETE") for k in os.environ):
        return None
    from polcalc.cli.specs import CHECK, CheckOptions, read

    parsed = read(CHECK, argv[1:])
    if parsed is None or not parsed[0]:  # no file: typer says one is missing
        return None
    files, options = parsed
    from polcalc.cli.commands.check_run import run_check
    from polcalc.cli.usage import report
    from polcalc.i18n.messages import PolcalcError

    try:
        return run_check(files, CheckOptions(**options))
    except PolcalcError as exc:
        return report(exc, options.get("lang"))


def _lang_asked(argv: list[str]) -> str:
    """The language of the command line (--lang zh, --lang=zh), else the locale's: for the one
    message written after the command itself has failed."""
    from polcalc.i18n.words import LANGS, default_lang

    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        else:
            continue
        return value if value in LANGS else default_lang()
    return default_lang()


def _run_typer() -> None:
    from polcalc.cli.app import app

    app()


def main() -> None:
    argv = sys.argv[1:]
    try:
        status = _fast(argv)
        if status is None:
            _run_typer()  # exits by itself
        sys.exit(status)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`| head`): as typer does, say nothing more and exit 1.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except Exception as exc:  # a bug: say so in one line, never a traceback
        _bug(exc, argv)


def _bug(exc: Exception, argv: list[str]) -> None:
    from polcalc.i18n.words import say

    error = f"{type(exc).__name__}: {exc}"
    print(say("internal_error", _lang_asked(argv), error=error), file=sys.stderr)
    sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
