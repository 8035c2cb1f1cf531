"""The console script.

`polcalc check` on plain arguments goes straight to its work (commands/check_run.py) without
building the typer app: typer coerces every parameter through a pydantic validator it builds at
start-up, which alone costs more than checking one company (issue 5: a cold start within 1.25x
of importing our dependencies). Anything this reader does not know (help, shell completion, an
option it does not list, a value it cannot convert, a missing file argument) goes to the typer
app, so typer stays the one judge of usage errors and the one place help is written.
tests/test_entry.py holds the two readings of check's options to each other.

Exit status (shared/CONTRACT.md): 0 ran, 2 bad input or usage, 1 a bug.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any

# check's options, as the typer command in commands/check.py declares them.
CHECK_VALUES = {
    "--format": "fmt",
    "-f": "fmt",
    "--as-of": "as_of",
    "--lang": "lang",
    "--policy": "policy",
    "-p": "policy",
    "--jobs": "jobs",
    "-j": "jobs",
    "--calendar": "calendar",
}
CHECK_FLAGS: dict[str, tuple[str, bool]] = {
    "--all": ("show_all", True),
    "--drafts": ("drafts", True),
    "--bom": ("bom", True),
    "--near": ("near", True),
    "--no-near": ("near", False),
    "--quiet": ("quiet", True),
    "-q": ("quiet", True),
    "--force": ("force", True),
}
_POSITIVE = re.compile(r"[1-9][0-9]*")


def parse_check(args: list[str]) -> dict[str, Any] | None:
    """run_check's arguments for check's command line, or None: leave it to typer."""
    from polcalc.formats import OutputFormat

    files: list[str] = []
    options: dict[str, Any] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "-" or not arg.startswith("-"):
            files.append(arg)
            continue
        if arg in CHECK_FLAGS:
            key, flag = CHECK_FLAGS[arg]
            options[key] = flag
            continue
        name, eq, value = arg.partition("=")
        if name not in CHECK_VALUES or (eq and not name.startswith("--")):
            return None  # -h, --, bundled short options, -fjson, anything new: typer reads it
        if not eq:
            if i == len(args) or args[i].startswith("-"):
                return None
            value = args[i]
            i += 1
        key = CHECK_VALUES[name]
        if key == "fmt":
            if value not in OutputFormat.__members__:
                return None
            options[key] = OutputFormat(value)
        elif key == "jobs":
            if not _POSITIVE.fullmatch(value):
                return None
            options[key] = int(value)
        else:
            options[key] = value
    return {"files": files, **options} if files else None


def _fast(argv: list[str]) -> int | None:
    """check's exit status when it ran here, None when typer should run the command line."""
    if argv[:1] != ["check"] or any(k.startswith("_POLCALC_COMPLETE") for k in os.environ):
        return None
    arguments = parse_check(argv[1:])
    if arguments is None:
        return None
    from polcalc.cli.commands.check_run import run_check
    from polcalc.cli.usage import report
    from polcalc.i18n.messages import PolcalcError

    try:
        return run_check(**arguments)
    except PolcalcError as exc:
        return report(exc, arguments.get("lang"))


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
