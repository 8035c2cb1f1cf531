"""Writing a file whole or not at all: the one low-level helper every writer of polcalc uses
(the outputs a run is asked for, through cli/outputs.py; the rules cache, in engine/cache.py).

The text goes to a temporary file beside the target (same folder, so same file system), is
flushed and fsynced, and only then renamed over the target with os.replace, which is atomic on
POSIX and Windows. Ctrl-C, a full disk or a crash leaves the old file as it was and no temporary
file behind (a kill -9 may leave one: its name, TEMP_MARK, says whose it is).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from typing import IO, Any

TEMP_MARK = ".polcalc-"  # in every temporary file's name: `.{target}.polcalc-XXXX.tmp`


class Discard(Exception):  # a signal to atomic_write, not an error
    """Raised inside atomic_write to drop what was written and leave the target untouched."""


def _mode_for(path: str) -> int:
    """The permissions the file would get from open(): the old file's, else 0o666 less the umask
    (mkstemp creates 0o600, which would hide a calendar from the rest of a team)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_write(
    path: str | os.PathLike[str], *, binary: bool = False, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[Any]]:
    """Write `path` through the file this yields: renamed into place when the block ends normally,
    removed (the target untouched) when it raises, Discard included (which is swallowed).
    A symlinked target is followed: the file it points to is replaced, the link kept."""
    target = os.path.realpath(path)
    folder, name = os.path.split(target)
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{name}{TEMP_MARK}", suffix=".tmp")
    try:
        mode = "wb" if binary else "w"
        with os.fdopen(fd, mode, **({} if binary else {"encoding": encoding, "newline": newline})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(temp, _mode_for(target))
        os.replace(temp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, Discard):
            return
        raise
    _sync_folder(folder)


def _sync_folder(folder: str) -> None:
    """The rename itself survives a power cut only once the folder is synced (POSIX)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder; its rename is durable enough
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    with atomic_write(path, binary=True) as fh:
        fh.write(data)
