"""The project's own exceptions. The CLI turns them into one line on stderr and exit status 2.

Messages about bad input are data (a key of polcalc.i18n and its fields), worded only when shown:
`render(lang)` in the run's language; `str()` is the English text.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from polcalc.i18n.words import say


class Message:
    """A sentence by its i18n key and fields; a field may itself be a Message (a "did you mean")."""

    def __init__(self, key: str, /, **fields: Any) -> None:
        self.key = key
        self.fields = fields

    def render(self, lang: str) -> str:
        return say(self.key, lang, **{k: _render(v, lang) for k, v in self.fields.items()})

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Message({self.key!r}, **{self.fields!r})"


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The valid word a mistyped one most likely meant, or None: every "did you mean" asks this."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.7)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str]) -> Message | str:
    """' (did you mean X?)' for the nearest valid word, or ''."""
    guess = nearest(word, choices)
    return Message("pr_did_you_mean", guess=repr(guess)) if guess is not None else ""


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean X?)' for the nearest valid word, or '': in English, for rule files."""
    guess = nearest(word, choices)
    return f" (did you mean {guess!r}?)" if guess is not None else ""


def _render(value: Any, lang: str) -> Any:
    return value.render(lang) if isinstance(value, Message) else value


class Problem:
    """One thing wrong in an input: where (a key path, its line in the file, or a table's column)
    and what. With no path the message is about the whole file."""

    def __init__(self, path: str, message: Message | str, line: int | None = None, column: str | None = None) -> None:
        self.path = path
        self.message = message
        self.line = line
        self.column = column

    def what(self, lang: str) -> str:
        """The message alone, without where."""
        return _render(self.message, lang)

    def render(self, lang: str) -> str:
        text = self.what(lang)
        if self.column is not None:
            return _say("at_column", lang, column=self.column, message=text)
        if not self.path:
            return text
        where = self.path + (_say("at_line", lang, line=self.line) if self.line is not None else "")
        return _say("at_path", lang, path=where, message=text)

    def located(self, column: str | None) -> Problem:
        """The same problem named by a table's column instead of its key path."""
        return Problem(self.path, self.message, self.line, column) if column else self

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        return f"Problem({str(self)!r})"


def _say(key: str, lang: str, **fields: Any) -> str:
    return say(key, lang, **fields)


def _as_problem(problem: Problem | Message | str) -> Problem:
    return problem if isinstance(problem, Problem) else Problem("", problem)


class PolcalcError(Exception):
    """Bad input the user can fix: the message says what and where."""

    exit_code = 2

    def __init__(self, message: Message | str) -> None:
        self.message = message
        super().__init__(str(message))

    def render(self, lang: str) -> str:
        """The message in `lang` (a plain string, already worded by the raiser, is shown as is)."""
        return _render(self.message, lang)

    def __reduce__(self) -> tuple[Any, ...]:  # crosses to worker processes inside an input Source
        return (type(self), (self.message,))


class ProfileError(PolcalcError):
    """A company profile that cannot be used: its source (file, or a table's line) and its problems."""

    def __init__(self, source: str, problems: list[Problem | Message | str], at: Message | None = None) -> None:
        self.source = source
        self.problems = [_as_problem(p) for p in problems]
        self.at = at  # within the source: a table's line or row
        Exception.__init__(self, self.render("en"))

    def render(self, lang: str) -> str:
        head = _say("at_path", lang, path=self.source, message=self.at.render(lang)) if self.at else self.source
        body = _say("problem_sep", lang).join(p.render(lang) for p in self.problems)
        return _say("at_path", lang, path=head, message=body)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.source, self.problems, self.at))


class RuleError(PolcalcError):
    """A rule file that cannot be used (names its file and key). For analysts: English only."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "\n  ".join(problems))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.source, self.problems))


class UsageError(PolcalcError):
    """An option or argument the command cannot take."""
