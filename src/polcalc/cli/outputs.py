"""The files a run writes besides stdout (--calendar, --by-measure, init's profile, reports):
what polcalc may overwrite, and how it writes.

Two rules keep whatever the user gave from being lost:
- an output that is also an input of the same run is refused, compared as files (a symlink,
  a `./` spelling or a hard link of an input is that input);
- an existing file is replaced only when polcalc wrote it (it carries the writer's marker, see
  is_ours) or --force is given.
And every file is written whole or not at all (core.files.atomic_write): a run interrupted, or
one that evaluates nothing valid (the writer raises Discard), leaves the old file as it was.

    claim(path, option="--calendar", inputs=names, force=force, lang=lang, ours=MARKER)  # before the run
    with written(path, option="--calendar", lang=lang) as fh:                          # after it
        fh.write(data)

atomic_output() is the two at once, for a writer that streams during the run.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any

from polcalc.core.files import Discard, atomic_write
from polcalc.i18n.messages import UsageError
from polcalc.i18n.words import say

__all__ = ["HEAD_BYTES", "Discard", "atomic_output", "claim", "is_ours", "written"]

HEAD_BYTES = 4096  # where a marker must stand: the first lines of the file


def is_ours(path: str | os.PathLike[str], marker: bytes | None) -> bool:
    """Whether the existing file at `path` was written by polcalc: the writer's marker (an ics
    PRODID, a CSV's header line, an HTML generator tag) stands in its first HEAD_BYTES. The one
    definition of "ours"; a writer with no marker (None) owns no existing file."""
    if marker is None:
        return False
    try:
        with open(path, "rb") as fh:
            return marker in fh.read(HEAD_BYTES)
    except OSError:
        return False


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _input_named(path: str, inputs: Iterable[str]) -> str | None:
    """The input (as the user spelt it) that is the same file as `path`, or None."""
    target = _identity(path)
    if target is None:
        return None
    for name in inputs:
        if name not in ("-", "<stdin>") and _identity(name) == target:
            return name
    return None


def claim(
    path: str | os.PathLike[str],
    *,
    option: str,
    lang: str,
    inputs: Iterable[str] = (),
    force: bool = False,
    ours: bytes | None = None,
) -> None:
    """Raise UsageError, before anything is evaluated, when `path` must not be written: its
    folder is missing, it is a folder, it is one of `inputs` (files: expand directories first),
    or it exists, is not ours and --force was not given."""
    name = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(name))
    if not os.path.isdir(folder):
        raise UsageError(say("out_no_dir", lang, option=option, path=name, dir=os.path.dirname(name) or "."))
    if os.path.isdir(name):
        raise UsageError(say("out_is_dir", lang, option=option, path=name))
    same = _input_named(name, inputs)
    if same is not None:
        raise UsageError(say("out_is_input", lang, option=option, path=name, input=same))
    if os.path.lexists(name) and not force and not is_ours(name, ours):
        raise UsageError(say("out_not_ours", lang, option=option, path=name))


@contextlib.contextmanager
def written(
    path: str | os.PathLike[str], *, option: str, lang: str, binary: bool = False, encoding: str = "utf-8"
) -> Iterator[IO[Any]]:
    """core.files.atomic_write, a failure to write named in one line (UsageError) instead of a
    traceback. Raise Discard inside to keep the old file."""
    try:
        with atomic_write(path, binary=binary, encoding=encoding, newline="" if not binary else None) as fh:
            yield fh
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise UsageError(say("out_unwritable", lang, option=option, path=os.fspath(path), reason=reason)) from None


@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike[str],
    *,
    option: str,
    lang: str,
    inputs: Iterable[str] = (),
    force: bool = False,
    ours: bytes | None = None,
    binary: bool = False,
    encoding: str = "utf-8",
) -> Iterator[IO[Any]]:
    """claim() then written(): for a writer that streams its file while the run goes on."""
    claim(path, option=option, lang=lang, inputs=inputs, force=force, ours=ours)
    with written(path, option=option, lang=lang, binary=binary, encoding=encoding) as fh:
        yield fh
