"""Speed work of speed25 that must not change what the parser finds: the faster paths give the
results of the plain ones they stand in for."""

from __future__ import annotations

import importlib.util
import marshal
from pathlib import Path

import pytest

from paperkit.reading import lexicon


def _reference() -> dict[str, int]:
    """The word list read plainly into a dict (the slow reference)."""
    folder = Path(importlib.util.find_spec("symspellpy").submodule_search_locations[0])
    lines = (folder / "frequency_dictionary_en_82_765.txt").read_text(encoding="ascii").split("\n")
    return {w: int(c) for w, c in (line.split(" ") for line in lines if line)}


@pytest.fixture
def store(tmp_path, monkeypatch):
    """The word list's sorted store in a folder of the test's own, and a fresh look-up."""
    path = tmp_path / "__pycache__" / "lexicon.test.marshal"
    monkeypatch.setattr(lexicon, "_store_path", lambda: path)
    lexicon._sorted.cache_clear()
    lexicon.frequency.cache_clear()
    yield path
    lexicon._sorted.cache_clear()  # the next look-up reads the package's own store again
    lexicon.frequency.cache_clear()


def test_the_sorted_word_list_finds_every_word_with_its_count(store):
    counts = _reference()
    table = lexicon._sorted()
    assert store.is_file()  # made and written at the first look-up
    assert len(table) == len(counts)
    for word, count in counts.items():
        assert table.count(word.encode()) == count
    # words that only begin or end a listed one, or sort before the first or after the last word
    for word in ("algo", "rithm", "lgorithm", "algorithmx", "datadriven", "a" * 30, "zzzzzzzz", "", "'"):
        assert table.count(word.encode()) == counts.get(word, 0)


def test_the_store_is_read_back_and_made_again_when_the_list_changed(store, monkeypatch):
    counts = _reference()
    sample = ["the", "of", "algorithm", "overfit", "overflt", "hi", "vid", "zygote", "algo"]
    made = [lexicon.frequency(w) for w in sample]
    assert made == [counts.get(w, 0) for w in sample]
    lexicon._sorted.cache_clear()
    lexicon.frequency.cache_clear()
    monkeypatch.setattr(lexicon._Sorted, "of", None)  # read back: nothing sorted again
    assert [lexicon.frequency(w) for w in sample] == made
    monkeypatch.undo()
    monkeypatch.setattr(lexicon, "_store_path", lambda: store)
    # another list (another size or time): the store is not trusted and is made again
    real = lexicon._stamp
    monkeypatch.setattr(lexicon, "_stamp", lambda path: real(path) + ("another list",))
    lexicon._sorted.cache_clear()
    lexicon.frequency.cache_clear()
    assert [lexicon.frequency(w) for w in sample] == made
    assert marshal.loads(store.read_bytes())[0][-1] == "another list"  # written again with the new stamp


def test_a_damaged_store_is_made_again(store):
    lexicon._sorted()
    store.write_bytes(b"not marshal")
    lexicon._sorted.cache_clear()
    assert lexicon._sorted().count(b"the") == _reference()["the"]


def test_without_a_writable_folder_the_search_and_dict_give_the_counts(store, monkeypatch):
    monkeypatch.setattr(lexicon, "_writable", lambda path: False)
    assert lexicon._sorted() is None
    counts = _reference()
    sample = ["the", "algorithm", "overflt", "algo", "vid", "hi"] * 8  # past `_SCANS`: the dict too
    monkeypatch.setattr(lexicon, "_scans", [0])
    found = []
    for word in sample:
        lexicon.frequency.cache_clear()
        found.append(lexicon.frequency(word))
    assert found == [counts.get(w, 0) for w in sample]
    assert not store.exists()
