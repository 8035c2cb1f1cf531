"""Where output goes: a text stream that also takes UTF-8 bytes, in the order written."""

from __future__ import annotations

import codecs
import os
from typing import IO


class Sink:
    """A text stream that also takes UTF-8 bytes, everything in the order written. Bytes go straight
    to the stream's binary buffer when its text would be written as those very bytes (UTF-8, '\n'
    line ends: stdout on POSIX), sparing a run's tens of megabytes a decode and an encode; they are
    decoded otherwise (a StringIO, another encoding)."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.binary: IO[bytes] | None = getattr(out, "buffer", None)
        try:
            utf8 = codecs.lookup(getattr(out, "encoding", None) or "").name == "utf-8"
        except LookupError:
            utf8 = False
        if not utf8 or os.linesep != "\n":
            self.binary = None
        self.pending = False  # text written since the last bytes: it must reach the buffer first
        self.line_buffered = bool(getattr(out, "line_buffering", False))  # a terminal: shown as it comes

    def write(self, data: str | bytes) -> None:
        if isinstance(data, str):
            self.out.write(data)
            self.pending = self.binary is not None
        elif self.binary is None:
            self.out.write(data.decode("utf-8"))
        else:
            if self.pending:
                self.out.flush()
                self.pending = False
            self.binary.write(data)
            if self.line_buffered:
                self.binary.flush()

    def flush(self) -> None:
        self.out.flush()  # the text layer, then its binary buffer
