"""Regular expressions compiled when first used, not when their module is imported.

The parser and the bibliography reader hold about ninety patterns. Python compiles a pattern in
Python code, and theirs (Unicode letter classes, lists of name particles) took 30 to 40 ms, all of it
at import, on every `paperkit outline`: a tenth of the time a bare PyMuPDF pass takes on a paper of
ten pages. Many serve shapes few papers have (Vancouver author lists, theorem labels, junk titles),
so a pattern is compiled the first time one of its methods is asked for; after that the method is
the compiled pattern's own, looked up as directly as before.
"""

from __future__ import annotations

import re
from typing import Any


class _LaterPattern:
    """Stands for `re.compile(pattern, flags)` until first used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Only attributes not yet set arrive here: the first `match`, `search`, `pattern`, ...
        value = getattr(re.compile(*self._source), name)
        setattr(self, name, value)  # found on the instance from now on
        return value

    def __repr__(self) -> str:
        return f"compile_later({self._source[0]!r})"


def compile_later(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern that behaves as `re.compile(pattern, flags)` and is compiled on first use."""
    return _LaterPattern(pattern, flags)  # type: ignore[return-value]
