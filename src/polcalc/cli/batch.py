"""Running one function over many inputs on every core, results in input order, memory flat.

Workers are forked, so they inherit the loaded rules instead of loading them again; inputs go
out and results come back in chunks, and only a bounded number of chunks are in flight.
Where fork is unavailable, or the run is small, everything runs in this process.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_WORK: Callable[[list], list] | None = None  # set before forking; the workers inherit it


def _run_chunk(chunk: list) -> list:
    assert _WORK is not None
    return _WORK(chunk)


def _quiet_worker() -> None:
    """Ctrl-C reaches the whole process group: the main process alone answers it (exit 130),
    the workers, ended by the pool, say nothing (no traceback per worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ordered_map(work: Callable[[list[T]], list[R]], items: Iterable[T], jobs: int, chunk_size: int = 64) -> Iterator[R]:
    """work(chunk) -> results for the chunk, in order; run in `jobs` processes when jobs > 1."""
    global _WORK
    chunks = _chunks(items, chunk_size)
    mp = None
    if jobs > 1:
        import multiprocessing as mp  # only here: a run in one process need not pay for its import
    if mp is None or "fork" not in mp.get_all_start_methods():
        for chunk in chunks:
            yield from work(chunk)
        return
    _WORK = work
    ctx = mp.get_context("fork")
    with ctx.Pool(jobs, initializer=_quiet_worker) as pool:
        pending: deque = deque()
        limit = jobs * 4  # chunks in flight: enough to keep every worker busy, few enough to stay flat
        for chunk in chunks:
            pending.append(pool.apply_async(_run_chunk, (chunk,)))
            if len(pending) >= limit:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
    _WORK = None
