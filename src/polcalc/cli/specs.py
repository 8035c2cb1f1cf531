"""The commands' options, each declared once, without typer.

typer builds its commands from these (`Spec.annotation`, `signature`), and the console script's
fast path for `check` reads a plain command line with them (`read`), without importing typer,
whose start-up alone costs more than checking one company. Whatever the fast reader does not
know it leaves to typer, the one judge of usage errors and the one place help is shown.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Sequence
from dataclasses import field
from typing import Annotated, Any

from polcalc.core.record import Record, frozen
from polcalc.formats import OutputFormat

_POSITIVE = re.compile(r"[1-9][0-9]*")


def _format(text: str) -> OutputFormat | None:
    return OutputFormat(text) if text in OutputFormat.__members__ else None


def _positive(text: str) -> int | None:
    return int(text) if _POSITIVE.fullmatch(text) else None


@frozen
class Spec(Record):
    """One option: its keyword, how it is typed, its help; `flag` for an option without a value."""

    name: str
    flags: tuple[str, ...]
    type: Any
    default: Any
    help: str
    flag: bool = False
    off: str | None = None  # a switch's other flag: --no-near
    metavar: str | None = None
    min: int | None = None
    read: Callable[[str], Any] = str  # a value as typed, or None: not one the fast path takes
    complete: Callable[[str], Any] | None = field(default=None, compare=False)

    def annotation(self, complete: Callable[[str], Any] | None = None) -> Any:
        """The typer declaration: Annotated[type, typer.Option(...)]."""
        import typer

        decls = (f"{self.flags[0]}/{self.off}", *self.flags[1:]) if self.off else self.flags
        extra: dict[str, Any] = {"help": self.help}
        if self.metavar:
            extra["metavar"] = self.metavar
        if self.min is not None:
            extra["min"] = self.min
        if complete is not None:
            extra["autocompletion"] = complete
        return Annotated[self.type, typer.Option(*decls, **extra)]


FORMAT = Spec(
    "fmt",
    ("--format", "-f"),
    OutputFormat,
    OutputFormat.table,
    "table (for people), json, jsonl or csv (for scripts).",
    read=_format,
)
AS_OF = Spec(
    "as_of",
    ("--as-of",),
    str | None,
    None,
    "The day a measure's window is checked against (YYYY-MM-DD); default today.",
)
LANG = Spec("lang", ("--lang",), str | None, None, "zh or en; default from LANG/LC_ALL (zh… → Chinese).")
POLICY = Spec(
    "policy",
    ("--policy", "-p"),
    str | None,
    None,
    "Only this policy's measures: a policy id, as `polcalc list` shows them.",
)
QUIET = Spec(
    "quiet",
    ("--quiet", "-q"),
    bool,
    False,
    "Only the results: no warnings, notes or hints (errors still show).",
    flag=True,
)

# `polcalc check`'s options, in the order its help lists them.
CHECK: tuple[Spec, ...] = (
    FORMAT,
    AS_OF,
    LANG,
    Spec("show_all", ("--all",), bool, False, "Show every measure of the region, not only eligible.", flag=True),
    Spec("drafts", ("--drafts",), bool, False, "Count draft policies' awards in totals.", flag=True),
    Spec("bom", ("--bom",), bool, False, "csv: start with a UTF-8 BOM so Excel shows Chinese.", flag=True),
    POLICY,
    Spec(
        "near",
        ("--near",),
        bool | None,
        None,
        "Near misses: what would qualify or lift a tier. Default: table only.",
        flag=True,
        off="--no-near",
    ),
    Spec(
        "jobs",
        ("--jobs", "-j"),
        int | None,
        None,
        "Worker processes for machine formats; default: all cores.",
        min=1,
        read=_positive,
    ),
    QUIET,
    Spec(
        "calendar",
        ("--calendar",),
        str | None,
        None,
        "Also write open measures' deadlines as iCalendar events.",
        metavar="FILE.ics",
    ),
    Spec("force", ("--force",), bool, False, "Replace an existing --calendar file polcalc did not write.", flag=True),
)

# What check's work receives: its files and one field per option, defaults as declared above.
# A Record, as the rules' classes are: a frozen dataclass would exec its methods on every start.
CheckOptions = frozen(
    type(
        "CheckOptions",
        (Record,),
        {"__annotations__": {s.name: s.type for s in CHECK}, **{s.name: s.default for s in CHECK}},
    )
)


def signature(
    specs: Sequence[Spec], first: Sequence[inspect.Parameter] = (), complete: dict[str, Callable] | None = None
) -> inspect.Signature:
    """A command's signature for typer: `first` (its arguments), then one keyword per option."""
    complete = complete or {}
    options = [
        inspect.Parameter(
            s.name, inspect.Parameter.KEYWORD_ONLY, default=s.default, annotation=s.annotation(complete.get(s.name))
        )
        for s in specs
    ]
    return inspect.Signature([*first, *options])


def read(specs: Sequence[Spec], args: list[str]) -> tuple[list[str], dict[str, Any]] | None:
    """The arguments and options of a plain command line (`file --format json -j 2 --near`), or
    None for anything else (help, `--`, bundled or attached short options, a value the option
    would refuse, an unknown option): typer reads those, and words their errors."""
    by_flag: dict[str, tuple[Spec, bool]] = {}
    for spec in specs:
        for flag in spec.flags:
            by_flag[flag] = (spec, True)
        if spec.off:
            by_flag[spec.off] = (spec, False)
    words: list[str] = []
    options: dict[str, Any] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "-" or not arg.startswith("-"):
            words.append(arg)
            continue
        name, eq, value = arg.partition("=")
        found = by_flag.get(name)
        if found is None or (eq and not name.startswith("--")):
            return None
        spec, on = found
        if spec.flag:
            if eq:
                return None
            options[spec.name] = on
            continue
        if not eq:
            if i == len(args) or args[i].startswith("-"):
                return None
            value = args[i]
            i += 1
        converted = spec.read(value)
        if converted is None:
            return None
        options[spec.name] = converted
    return words, options
