"""How common an English word is: the word list behind line-end hyphens the paper gives no evidence for.

The list is symspellpy's English frequency dictionary (MIT): 82,765 lower-case words, each with its
count in the Google Books n-grams, one "word count" line each, in plain text inside the installed
package. It is read as bytes the first time a word is asked for (about 2 ms) and searched for
each word asked (half a millisecond each, most of it for words not listed, the whole list read
through); symspellpy itself is never imported (only its folder is looked up). Most parses ask
for a few dozen words at most, for the hyphens their own paper says nothing about; a paper whose
ligatures have no Unicode names asks for several spellings of hundreds of words ("over\ufffdt":
"overfit", "overflt", ...), and from the `_SCANS`-th word on the list is split into a dict
once (about 16 ms) and looked up there.

Pure reading of an installed file: no network, nothing written. Without the package, `available`
is False and callers keep the rule they had before the list.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

_LIST = "frequency_dictionary_en_82_765.txt"


@functools.cache
def _data() -> bytes:
    """The list as one bytes object, with a newline before its first line so that every entry is
    found as b"\\nword ". Empty when the package is not installed."""
    spec = importlib.util.find_spec("symspellpy")  # finds the folder without running the package
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / _LIST
        if path.is_file():
            return b"\n" + path.read_bytes()
    return b""


def available() -> bool:
    return bool(_data())


_SCANS = 30  # words searched for in the bytes before the list is made a dict (32 searches cost about as much)
_scans = [0]


@functools.lru_cache(maxsize=4096)
def frequency(word: str) -> int:
    """The word's count in the list (0 when it is not listed); `word` in lower case."""
    if not word.isascii() or not word.isalpha():
        return 0
    if _scans[0] >= _SCANS:
        return int(_index().get(word.encode(), 0))
    _scans[0] += 1
    data = _data()
    key = b"\n" + word.encode() + b" "
    at = data.find(key)
    if at < 0:
        return 0
    end = data.find(b"\n", at + len(key))
    return int(data[at + len(key):end if end >= 0 else len(data)])


@functools.cache
def _index() -> dict[bytes, bytes]:
    """The list as a dict, word -> count (as bytes)."""
    words_and_counts = iter(_data().split())
    return dict(zip(words_and_counts, words_and_counts))
