"""How common an English word is: the word list behind line-end hyphens the paper gives no evidence for.

The list is symspellpy's English frequency dictionary (MIT): 82,765 lower-case words, each with its
count in the Google Books n-grams, one "word count" line each, in plain text inside the installed
package. It is read as bytes the first time a word is asked for (about 1 ms) and searched for
each word asked (a fraction of a millisecond each); it is never split into a dict (about 40 ms)
and symspellpy itself is never imported (only its folder is looked up). A parse asks for at most
a few dozen words, and only for the hyphens its own paper says nothing about.

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


@functools.lru_cache(maxsize=4096)
def frequency(word: str) -> int:
    """The word's count in the list (0 when it is not listed); `word` in lower case."""
    if not word.isascii() or not word.isalpha():
        return 0
    data = _data()
    key = b"\n" + word.encode() + b" "
    at = data.find(key)
    if at < 0:
        return 0
    end = data.find(b"\n", at + len(key))
    return int(data[at + len(key):end if end >= 0 else len(data)])
