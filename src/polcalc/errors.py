"""The project's own exceptions. The CLI turns them into one line on stderr and exit status 2."""

from __future__ import annotations


class PolcalcError(Exception):
    """Bad input the user can fix: the message says what and where."""

    exit_code = 2


class ProfileError(PolcalcError):
    """A company profile that cannot be used."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


class RuleError(PolcalcError):
    """A rule file that cannot be used (names its file and key)."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "\n  ".join(problems))


class UsageError(PolcalcError):
    """An option or argument the command cannot take."""
