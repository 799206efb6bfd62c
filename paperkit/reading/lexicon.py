"""How common an English word is: the word list behind line-end hyphens the paper gives no evidence for.

The list is symspellpy's English frequency dictionary (MIT): 82,765 lower-case words, each with its
count in the Google Books n-grams, one "word count" line each, in plain text inside the installed
package; symspellpy itself is never imported (only its folder is looked up). Most parses ask for a
few dozen words, for the hyphens their own paper says nothing about; a paper whose ligatures have
no Unicode names asks for several spellings of hundreds ("over\\ufffdt": "overfit", "overflt", ...).

The list is kept sorted by word in a small file beside the package's bytecode, as the compiled
patterns are (`patterns.py`): `__pycache__/lexicon.<interpreter>.marshal`, the sorted lines as one
bytes object and the offsets where they start. A command reads it in about a millisecond (two
bytes objects, no objects per word) and finds a word by bisection in microseconds. Before it, every
command read the list as bytes and searched it through for each word (half a millisecond each) and,
from the 30th word on, split it into a dict (16 ms): 10 to 30 ms of a short paper's outline. The
file is made the first time a word is asked for (about 50 ms: the list sorted), written atomically,
read with `marshal` (bytes and numbers; nothing in it is run), and trusted only when its stamp
names the list as it is now (path, size, modification time) and this interpreter's array layout.
Where the package folder cannot be written, the list is searched and then split as before.

Pure reading of an installed file (and the store beside the bytecode): no network. Without the
package, `available` is False and callers keep the rule they had before the list.
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import marshal
import os
import sys
from array import array
from pathlib import Path

_LIST = "frequency_dictionary_en_82_765.txt"
_FORMAT = 1  # of the store's contents; a store of another format is made again


@functools.cache
def _list_path() -> Path | None:
    spec = importlib.util.find_spec("symspellpy")  # finds the folder without running the package
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / _LIST
        if path.is_file():
            return path
    return None


def available() -> bool:
    return _list_path() is not None


class _Sorted:
    """The list's lines sorted by word: `blob` holds them joined by newlines, `starts` where each
    begins. As a sequence its items are the words, for `bisect`."""

    def __init__(self, blob: bytes, starts: array) -> None:
        self.blob = blob
        self.starts = starts

    @classmethod
    def of(cls, data: bytes) -> _Sorted:
        lines = sorted((line for line in data.split(b"\n") if line), key=lambda line: line.split(b" ", 1)[0])
        starts = array("I", [0])
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        return cls(b"\n".join(lines), starts)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> bytes:
        start = self.starts[index]
        return self.blob[start:self.blob.index(b" ", start)]

    def count(self, word: bytes) -> int:
        at = bisect.bisect_left(self, word)
        if at == len(self.starts):
            return 0
        start = self.starts[at]
        space = self.blob.index(b" ", start)
        if self.blob[start:space] != word:
            return 0
        end = self.blob.find(b"\n", space)
        return int(self.blob[space + 1:end if end >= 0 else len(self.blob)])


def _store_path() -> Path | None:
    tag = sys.implementation.cache_tag
    return Path(__file__).parent / "__pycache__" / f"lexicon.{tag}.marshal" if tag else None


def _stamp(path: Path) -> tuple:
    """What the store depends on: the list as it is now, the store's format, the array's layout.
    (The list's path resolved: one environment run through two paths, a symlinked `.venv` and its
    target, finds one list, whose store the one made through the other path serves.)"""
    found = path.stat()
    return (_FORMAT, os.path.realpath(path), found.st_size, found.st_mtime_ns, sys.byteorder, array("I").itemsize)


def _writable(store: Path) -> bool:
    folder = store.parent if store.parent.is_dir() else store.parent.parent
    return os.access(folder, os.W_OK)


@functools.cache
def _sorted() -> _Sorted | None:
    """The sorted list from the store, made and stored when missing or stale; None where there is
    no list, or no store and none can be written (then: `_scan` and `_index`)."""
    path, store = _list_path(), _store_path()
    if path is None or store is None:
        return None
    try:
        stamp = _stamp(path)
    except OSError:
        return None
    try:
        # (`marshal.load` of a file reads it in small pieces: `loads` of its bytes is much faster)
        found, blob, starts = marshal.loads(store.read_bytes())
        if found == stamp:
            offsets = array("I")
            offsets.frombytes(starts)
            return _Sorted(blob, offsets)
    except Exception:  # missing, unreadable, truncated, another version's: made again below
        pass
    if not _writable(store):
        return None
    table = _Sorted.of(_data())
    try:
        from paperkit.files import atomic_open

        store.parent.mkdir(exist_ok=True)
        with atomic_open(store, "wb") as handle:
            handle.write(marshal.dumps((stamp, table.blob, table.starts.tobytes())))
    except Exception:  # not written after all: sorted again by the next command
        pass
    return table


@functools.lru_cache(maxsize=4096)
def frequency(word: str) -> int:
    """The word's count in the list (0 when it is not listed); `word` in lower case."""
    if not word.isascii() or not word.isalpha():
        return 0
    table = _sorted()
    if table is not None:
        return table.count(word.encode())
    return _scan(word.encode())


# Without a store: the list read as bytes and searched through for each word (half a millisecond
# each, most of it for words not listed); from the `_SCANS`-th word on split into a dict once
# (about 16 ms) and looked up there.

@functools.cache
def _data() -> bytes:
    """The list as one bytes object, with a newline before its first line so that every entry is
    found as b"\\nword ". Empty when the package is not installed."""
    path = _list_path()
    return b"\n" + path.read_bytes() if path is not None else b""


_SCANS = 30  # words searched for in the bytes before the list is made a dict (32 searches cost about as much)
_scans = [0]


def _scan(key: bytes) -> int:
    if _scans[0] >= _SCANS:
        return int(_index().get(key, 0))
    _scans[0] += 1
    data = _data()
    at = data.find(b"\n" + key + b" ")
    if at < 0:
        return 0
    start = at + len(key) + 2
    end = data.find(b"\n", start)
    return int(data[start:end if end >= 0 else len(data)])


@functools.cache
def _index() -> dict[bytes, bytes]:
    """The list as a dict, word -> count (as bytes)."""
    words_and_counts = iter(_data().split())
    return dict(zip(words_and_counts, words_and_counts))
