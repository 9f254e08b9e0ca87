"""Regular expressions compiled on first use."""

from __future__ import annotations

import re


class Lazy:
    """``Lazy(source, flags)()`` is ``re.compile(source, flags)``, compiled at the first call:
    the expressions of rare statements, of messages and of statements the parser gives up on
    cost a plain file nothing (compiling them all took longer than reading a short file)."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self.compiled: re.Pattern[str] | None = None

    def __call__(self) -> re.Pattern[str]:
        if self.compiled is None:
            self.compiled = re.compile(self.source, self.flags)
        return self.compiled
