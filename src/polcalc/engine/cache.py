"""The validated rules, cached: parsing and validating every rule file on each start costs more
than the whole evaluation of a company, and the rules change only when their files do.

It holds the Catalog and the years each region reads (engine.compiled._load_catalog). The
cache is keyed by the content of every rule file, polcalc's version, Python's and every
source file of the package, so an edited rule file is validated again on the next run and an
old pickle is never loaded into changed code; a cache that cannot be read is rebuilt.
POLCALC_NO_CACHE=1 turns it off; it lives in $XDG_CACHE_HOME/polcalc (~/.cache/polcalc).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

from polcalc import __version__


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "polcalc"


def enabled() -> bool:
    return os.environ.get("POLCALC_NO_CACHE", "") in ("", "0")


PACKAGE = Path(__file__).resolve().parents[1]  # polcalc/


def key_of(paths: list[Path], code: Path | None = None) -> str:
    """The key of a catalog built from these rule files by the source under `code` (ours by
    default): every .py file of the package, since any of them may shape what the catalog holds
    (the classes it pickles, how a quantity is read, what is derived when it is built)."""
    digest = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    root = str(code or PACKAGE)
    named = [(os.path.relpath(path, root).replace(os.sep, "/"), path) for path in _sources(root)]
    for name, path in [*sorted(named), *((p.name, str(p)) for p in paths)]:
        digest.update(name.encode() + b"\0")
        try:
            with open(path, "rb") as fh:
                digest.update(fh.read())
        except OSError:
            digest.update(b"<unreadable>")  # loading will report it; never cache around it
        digest.update(b"\0")
    return digest.hexdigest()[:32]


def _sources(folder: str) -> list[str]:
    """Every .py file under `folder`. os.scandir, not Path.rglob: every start computes the key,
    and rglob's first call (fnmatch, a Path per entry) costs it three times as much."""
    found: list[str] = []
    for entry in os.scandir(folder):
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__":
                found += _sources(entry.path)
        elif entry.name.endswith(".py"):
            found.append(entry.path)
    return found


def load(key: str) -> Any:
    if not enabled():
        return None
    path = cache_dir() / f"catalog-{key}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)  # our own file, written by store() below for this exact content
    except Exception:  # a missing, stale or damaged cache is simply rebuilt
        return None


def store(key: str, catalog: object) -> None:
    if not enabled():
        return
    from polcalc.core.files import atomic_write  # only when writing: a warm start need not pay its import

    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("catalog-*.pickle"):
            old.unlink(missing_ok=True)  # one rules version at a time
        # Whole or not at all: a run started meanwhile reads the old pickle or the new, never half.
        with atomic_write(folder / f"catalog-{key}.pickle", binary=True) as fh:
            pickle.dump(catalog, fh, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError:
        pass  # a read-only home is no reason to fail: the next run validates again
