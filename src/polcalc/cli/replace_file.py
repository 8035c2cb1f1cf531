"""Writing an output file whole or not at all.

TODO(merge): use cli/outputs.py (branch safe-outputs: the one atomic-write helper, which also
refuses an output that is an input and asks --force for files not ours) and delete this file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from polcalc.i18n.messages import UsageError
from polcalc.i18n.words import say


def replace_file(path: Path, data: bytes, lang: str) -> None:
    """A temporary file in the same folder, then a rename: a reader never sees half a file."""
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=folder)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp's 0600 would hide the file from its readers
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as exc:
        raise UsageError(say("out_unwritable", lang, path=str(path), reason=exc.strerror or exc)) from None
