"""Regular expressions compiled when first used, and compiled once per install, not once per command.

The parser and the bibliography reader hold over a hundred patterns. Python compiles a pattern in
Python code (a parser, then a code generator), and theirs (Unicode letter classes, lists of name
particles) took 30 to 40 ms on every `paperkit outline`: a tenth of the time a bare PyMuPDF pass
takes on a paper of ten pages. Two things cut that down:

- A pattern is compiled the first time one of its methods is asked for, not at import: many serve
  shapes few papers have (Vancouver author lists, theorem labels, junk titles). After that the
  method is the compiled pattern's own, looked up as directly as before.
- What compiling a pattern produces (the regular-expression engine's code, a list of numbers, and
  its group names) is kept in a small file beside the package's bytecode, as Python keeps a
  module's bytecode: `__pycache__/patterns.<interpreter>.marshal`. A later command hands the
  engine that code directly, which takes microseconds instead of a fraction of a millisecond.
  The file is written (atomically, at exit, only when something new was compiled) where the
  package folder is writable, read with `marshal` (plain numbers, strings and containers; nothing
  in it is run), and trusted only when written by this very interpreter (its version and the
  engine's format number); whatever is wrong with it, or with the engine's internal entry points
  on another Python, the pattern is compiled as `re.compile` would.
"""

from __future__ import annotations

import atexit
import marshal
import re
import sys
import threading
from pathlib import Path
from typing import Any

try:  # the engine's internals, the same on CPython 3.11 to 3.13; without them: plain re.compile
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another interpreter
    _sre = None

_MOST_ENTRIES = 2000  # a store grown past this (patterns edited again and again) starts afresh


class _LaterPattern:
    """Stands for `re.compile(pattern, flags)` until first used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Only attributes not yet set arrive here: the first `match`, `search`, `pattern`, ...
        value = getattr(_compile(*self._source), name)
        setattr(self, name, value)  # found on the instance from now on
        return value

    def __repr__(self) -> str:
        return f"compile_later({self._source[0]!r})"


def compile_later(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern that behaves as `re.compile(pattern, flags)` and is compiled on first use."""
    return _LaterPattern(pattern, int(flags))  # type: ignore[return-value]


def cached(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` for a pattern written where it is used (`cached(r"\\d+").sub(...)`
    in place of `re.sub(r"\\d+", ...)`): compiled once per process, through the store like
    `compile_later`'s. Only for patterns written in the source, not ones built from data (the store
    keeps every pattern it is given)."""
    key = (pattern, int(flags))
    found = _SEEN.get(key)
    if found is None:
        found = _SEEN[key] = _compile(*key)
    return found


_SEEN: dict[tuple[str, int], re.Pattern[str]] = {}


class _Store:
    """The compiled forms of patterns, read from and written back to one file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[tuple[str, int], tuple] | None = None
        self._new: dict[tuple[str, int], tuple] = {}
        self._lock = threading.Lock()

    def compile(self, pattern: str, flags: int) -> re.Pattern[str]:
        key = (pattern, flags)
        known = self._load().get(key)
        if known is not None:
            try:
                return _sre.compile(pattern, *known)
            except Exception:  # not this engine's code after all: compiled anew below
                pass
        try:
            compiled, made = _engine_code(pattern, flags)
        except re.error:
            raise
        except Exception:  # the internals differ on this interpreter
            return re.compile(pattern, flags)
        with self._lock:
            if not self._new:
                atexit.register(self.save)
            self._new[key] = made
        return compiled

    def _load(self) -> dict[tuple[str, int], tuple]:
        if self._entries is None:
            self._entries = _read(self.path) if self.path is not None else {}
        return self._entries

    def save(self) -> None:
        """Write the store with what this process compiled (the file read again first, so that
        another command's entries written meanwhile are kept). Nothing is raised: a folder that
        cannot be written only means compiling again next time."""
        with self._lock:
            new, self._new = self._new, {}
        if not new or self.path is None:
            return
        try:
            entries = _read(self.path)
            if len(entries) + len(new) > _MOST_ENTRIES:
                entries = {}
            entries.update(new)
            from paperkit.files import atomic_open

            self.path.parent.mkdir(exist_ok=True)
            with atomic_open(self.path, "wb") as handle:
                handle.write(marshal.dumps((_stamp(), entries)))
        except Exception:
            pass


def _stamp() -> tuple:
    """What the stored code depends on: the interpreter's exact version and the engine's format."""
    return (sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE)


def _read(path: Path) -> dict[tuple[str, int], tuple]:
    try:
        stamp, entries = marshal.loads(path.read_bytes())  # (`marshal.load` of a file reads it in small pieces: 30x slower)
        return entries if stamp == _stamp() and isinstance(entries, dict) else {}
    except Exception:  # missing, unreadable, truncated, another version's: an empty store
        return {}


def _engine_code(pattern: str, flags: int) -> tuple[re.Pattern[str], tuple]:
    """Compile as `re.compile` does, keeping what the engine is handed: (the pattern, and the
    arguments after it)."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # (its opcodes are an int subclass)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    made = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    return _sre.compile(pattern, *made), made


def _store_path() -> Path | None:
    tag = sys.implementation.cache_tag
    return Path(__file__).parent / "__pycache__" / f"patterns.{tag}.marshal" if tag else None


_STORE = _Store(_store_path()) if _sre is not None else None


def _compile(pattern: str, flags: int) -> re.Pattern[str]:
    return _STORE.compile(pattern, flags) if _STORE is not None else re.compile(pattern, flags)


def save_compiled() -> None:
    """Write what this process compiled to the store now (done at exit anyway; a process that ends
    with `os._exit`, as a forked page reader does, calls this first)."""
    if _STORE is not None:
        _STORE.save()
