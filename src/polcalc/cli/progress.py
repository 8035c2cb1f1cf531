"""A progress bar on stderr, only on a terminal and only for runs longer than a moment."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

MIN_ITEMS = 50  # a handful of profiles is done before a bar could help


@contextmanager
def progress_bar(total: int, label: str = "companies") -> Iterator[Callable[[], None]]:
    """Yields advance(); a no-op when stderr is not a terminal (pipes, CI, tests)."""
    if total < MIN_ITEMS or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task(label, total=total)
        yield lambda: progress.advance(task)
