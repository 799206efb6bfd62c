"""The word list's look-up against a slow reference: the whole list read into a dict."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from paperkit.reading import lexicon


def _reference() -> tuple[list[str], dict[str, int]]:
    folder = Path(importlib.util.find_spec("symspellpy").submodule_search_locations[0])
    lines = (folder / "frequency_dictionary_en_82_765.txt").read_text(encoding="ascii").split("\n")
    pairs = [line.split(" ") for line in lines if line]
    return [w for w, _ in pairs], {w: int(c) for w, c in pairs}


def test_every_word_of_the_list_is_found_with_its_count_and_a_word_it_lacks_is_zero():
    order, counts = _reference()
    lexicon.frequency.cache_clear()
    words = [w for w in order if w.isalpha()]  # the list ends with contractions ("doesn't"), never asked for
    sample = words[:50] + words[-50:] + words[::997]  # the first line, the last word, and across the list
    assert [lexicon.frequency(w) for w in sample] == [counts[w] for w in sample]
    assert lexicon.frequency("doesn't") == 0
    # Words that only begin or end a listed one ("algorithm" is listed, "algo" is not), and words
    # no list holds, are zero; so are words with capitals, digits or letters outside ASCII.
    for word in ("algo", "rithm", "lgorithm", "algorithmx", "datadriven", "Algorithm", "abc1", "über", ""):
        assert lexicon.frequency(word) == counts.get(word, 0) == 0
    assert lexicon.available()


def test_the_search_and_the_dict_it_turns_into_give_the_same_counts(monkeypatch):
    """Both ways of looking a word up without the sorted store (a package folder that cannot be
    written): searched for in the bytes (the first words a parse asks for) and in the dict the list
    becomes after `_SCANS` searches."""
    monkeypatch.setattr(lexicon, "_sorted", lambda: None)
    order, counts = _reference()
    words = [w for w in order if w.isalpha()]
    sample = words[:20] + words[-20:] + words[::1499] + ["algo", "overflt", "datadriven", "Algorithm", "über"]
    found = {}
    for scans in (0, lexicon._SCANS):
        lexicon.frequency.cache_clear()
        monkeypatch.setattr(lexicon, "_scans", [scans] if scans else [-10_000])
        found[scans] = [lexicon.frequency(w) for w in sample]
    assert found[0] == found[lexicon._SCANS] == [counts.get(w, 0) if w.isascii() and w.isalpha() else 0 for w in sample]
    assert lexicon._index()[b"the"] == str(counts["the"]).encode()
