"""Where profiles come from: files, directories (every *.toml inside) and '-' for stdin.

Arguments are expanded first (so a run knows how many profiles it has); each file is read only
when its turn comes, possibly in a worker process. A bad argument never stops the others.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from polcalc.core.record import Record, frozen
from polcalc.i18n.messages import Message, ProfileError
from polcalc.inputs.profiles import MAX_BYTES


@frozen
class Source(Record):
    name: str  # as the user wrote it (or the path found inside a directory)
    raw: bytes | None = None  # given for stdin; read lazily from `name` otherwise
    error: ProfileError | None = None

    def load(self) -> bytes:
        """The profile's bytes (at most one past the size limit), or the ProfileError to report."""
        if self.error is not None:
            raise self.error
        if self.raw is not None:
            return self.raw
        try:
            # Only a regular file: opening a FIFO would wait for a writer for ever, a device may
            # never end (stdin is given as "-").
            if not stat.S_ISREG(os.stat(self.name).st_mode) and not os.path.isdir(self.name):
                raise ProfileError(self.name, [Message("file_not_regular")])
            with open(self.name, "rb") as fh:
                # read(MAX_BYTES + 1) alone would allocate a megabyte for every profile of a few
                # hundred bytes: ask for the size the file has, and read on only if it grew.
                want = min(os.fstat(fh.fileno()).st_size, MAX_BYTES) + 1
                data = fh.read(want)
                if len(data) == want and want <= MAX_BYTES:
                    data += fh.read(MAX_BYTES + 1 - want)
                return data
        except FileNotFoundError:
            raise ProfileError(self.name, [Message("file_missing")]) from None
        except IsADirectoryError:  # pragma: no cover - directories are expanded
            raise ProfileError(self.name, [Message("file_is_dir")]) from None
        except OSError as exc:
            raise ProfileError(self.name, [Message("file_unreadable", reason=exc.strerror)]) from None


def expand_sources(args: list[str]) -> list[Source]:
    sources: list[Source] = []
    for arg in args:
        if arg == "-":
            sources.append(Source("<stdin>", sys.stdin.buffer.read(MAX_BYTES + 1)))
            continue
        path = Path(arg)
        if path.is_dir():
            found = _profiles_below(str(path))
            if not found:
                sources.append(Source(arg, error=ProfileError(arg, [Message("file_no_profiles")])))
            sources += [Source(name) for name in found]
        else:
            sources.append(Source(arg))
    return sources


def _profiles_below(folder: str) -> list[str]:
    """Every *.toml file below `folder`, named and ordered as sorted(Path(folder).rglob("*.toml"))
    would give them (hidden ones included, symlinked directories not entered), but as strings
    listed one directory at a time: a Path per file cost 1 KB each at the peak, so a run's memory
    grew with the number of files."""
    found: list[str] = []
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: os.path.normcase(e.name))
    except OSError:
        return found
    for entry in entries:
        name = entry.name if folder == "." else os.path.join(folder, entry.name)
        try:
            is_dir = entry.is_dir() and not entry.is_symlink()
        except OSError:
            is_dir = False
        if is_dir:
            found += _profiles_below(name)
        elif os.path.normcase(entry.name).endswith(".toml") and os.path.isfile(name):
            found.append(name)
    return found
