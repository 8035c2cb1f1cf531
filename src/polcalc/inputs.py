"""Where profiles come from: files, directories (every *.toml inside) and '-' for stdin.

Yields one item per profile, in order, so a bad file never stops the others.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from polcalc.errors import ProfileError
from polcalc.profile import MAX_BYTES


@dataclass(frozen=True)
class Source:
    name: str  # as the user wrote it (or the path found inside a directory)
    raw: bytes | None = None
    error: ProfileError | None = None


def iter_sources(args: list[str]) -> Iterator[Source]:
    for arg in args:
        if arg == "-":
            yield Source("<stdin>", sys.stdin.buffer.read(MAX_BYTES + 1))
            continue
        path = Path(arg)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.toml") if p.is_file())
            if not found:
                yield Source(arg, error=ProfileError(arg, ["directory has no *.toml profiles"]))
            for p in found:
                yield _read(str(p))
        else:
            yield _read(arg)


def _read(name: str) -> Source:
    path = Path(name)
    try:
        with path.open("rb") as fh:
            return Source(name, fh.read(MAX_BYTES + 1))
    except FileNotFoundError:
        return Source(name, error=ProfileError(name, ["no such file"]))
    except IsADirectoryError:  # pragma: no cover - directories are expanded above
        return Source(name, error=ProfileError(name, ["is a directory"]))
    except OSError as exc:
        return Source(name, error=ProfileError(name, [f"cannot read: {exc.strerror}"]))
