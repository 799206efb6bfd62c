"""Patterns compiled on first use, and taken from the store of compiled patterns, behave as compiled ones."""

from __future__ import annotations

import marshal
import re

import pytest

from paperkit.reading import patterns
from paperkit.reading.patterns import compile_later


def test_a_later_pattern_matches_as_the_compiled_one():
    later = compile_later(r"^(?P<label>fig(?:ure)?\.?|table)\s*(?P<num>\d+)", re.IGNORECASE)
    now = re.compile(later.pattern, later.flags)
    for text in ("Figure 3: a plot", "TABLE 12 results", "see figure 3", "Fig.7"):
        a, b = later.match(text), now.match(text)
        assert (a and a.groupdict()) == (b and b.groupdict())
    assert later.sub("X", "Table 4 and table 5") == now.sub("X", "Table 4 and table 5")
    assert later.groupindex == now.groupindex


def test_nothing_is_compiled_until_the_pattern_is_used():
    broken = compile_later(r"(unclosed")  # an error re.compile would raise at once
    with pytest.raises(re.error):
        broken.search("text")


# The store of compiled patterns: what a command compiled, the next command takes as it is.

SAMPLES = ("Figure 3: a plot", "TABLE II", "van der Berg, J. and Smith, A. (2019). Title.", "1 Introduction",
           "Acknowledgements", "arXiv:1603.08511", "[12] A. Author. 2003", "x", "", "Ünïcode wörds — dash",
           "References", "Theorem 2.1", "Proc. of the IEEE, vol. 3, pp. 1-10, 2001.")


def _same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in SAMPLES:
        x, y = a.search(text), b.search(text)
        assert (x and (x.span(), x.groups())) == (y and (y.span(), y.groups()))
        assert a.sub("#", text) == b.sub("#", text)


def test_a_stored_pattern_is_the_compiled_one_without_compiling_again(tmp_path, monkeypatch):
    source, flags = r"^(?P<label>fig(?:ure)?\.?|table)\s*(?P<num>\d+|[IVXL]+)", re.IGNORECASE
    first = patterns._Store(tmp_path / "p.marshal")
    _same(first.compile(source, int(flags)), re.compile(source, flags))
    first.save()
    assert (tmp_path / "p.marshal").is_file()

    compiled_again = []
    monkeypatch.setattr(patterns, "_engine_code", lambda *args: compiled_again.append(args))
    monkeypatch.setattr(patterns.re, "compile", lambda *args: compiled_again.append(args))
    second = patterns._Store(tmp_path / "p.marshal")
    stored = second.compile(source, int(flags))
    assert compiled_again == []
    monkeypatch.undo()
    _same(stored, re.compile(source, flags))


def test_every_parser_pattern_comes_back_from_the_store_as_compiled(tmp_path):
    from paperkit.reading import bibliography, parse

    sources = {obj._source for module in (parse, bibliography) for obj in vars(module).values()
               if isinstance(obj, patterns._LaterPattern)}
    assert len(sources) > 80
    store = patterns._Store(tmp_path / "p.marshal")
    for source in sources:
        store.compile(*source)
    store.save()
    again = patterns._Store(tmp_path / "p.marshal")
    assert set(again._load()) == sources
    for source in sources:
        _same(again.compile(*source), re.compile(*source))


def test_a_damaged_or_foreign_store_is_ignored(tmp_path):
    path = tmp_path / "p.marshal"
    path.write_bytes(b"\x00garbage")
    store = patterns._Store(path)
    _same(store.compile(r"a+b", 0), re.compile(r"a+b"))
    store.save()  # replaced by a good one
    assert set(patterns._Store(path)._load()) == {(r"a+b", 0)}

    # Another interpreter's store, whose code for "y" is really that of "x", is not trusted.
    made = patterns._engine_code("x", 0)[1]
    path.write_bytes(marshal.dumps((("another Python",), {("y", 0): made})))
    assert patterns._Store(path).compile("y", 0).search("x") is None


def test_a_store_that_cannot_be_written_costs_nothing_but_time(tmp_path):
    blocked = tmp_path / "p.marshal"
    blocked.mkdir()  # a folder where the file would go: neither read nor written
    store = patterns._Store(blocked)
    _same(store.compile(r"(\d+)-(\d+)", 0), re.compile(r"(\d+)-(\d+)"))
    store.save()  # no error
    assert blocked.is_dir()


def test_cached_compiles_a_pattern_once_per_process():
    first = patterns.cached(r"[A-Z]{2,}\d")
    assert patterns.cached(r"[A-Z]{2,}\d") is first
    _same(first, re.compile(r"[A-Z]{2,}\d"))
