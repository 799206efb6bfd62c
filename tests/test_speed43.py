"""Speed of `paperkit outline` without a change of its output (issue 14's speed aim, session 43).

- The page helper that lingers after the pages are read (`map_pages(linger=True)`) answers
  questions (`forked.ask`) with its copy of the document as its reading left it, then lingers on.
- The lost-space check reads the letters of the pages that helper read there, from the text layers
  it kept of them, while the parent reads its own: no page is run again for them, here or in a
  fork of its own (they were read anew, in the parent or a helper forked for them).
"""

from __future__ import annotations

import os
import time

import pymupdf

from paperkit.reading import forked, parse
from paperkit.reading.parse import parse_document
from tests.test_forked import _pages, _reaped, forks  # noqa: F401 - the fixture
from tests.test_speed35a import _reprinted_pages


def _count_and_pid(doc, extra):
    return doc.page_count, extra, os.getpid()


def _fails(doc):
    raise ValueError("no answer")


def test_a_lingering_helper_answers_questions_and_lingers_on(tmp_path, forks):  # noqa: F811
    path = _pages(tmp_path, 6)
    reopen = lambda: pymupdf.open(path)  # noqa: E731
    with pymupdf.open(path) as doc, forked.reaped_later():
        got = forked.map_pages(doc, lambda page, i: (i, os.getpid()), reopen, processes=2, linger=True)
        assert len(forks) == 1
        theirs = {i for i, pid in got if pid == forks[0]}
        assert forked.lingering_pages(reopen) == theirs
        assert forked.lingering_pages(lambda: None) == frozenset()  # (another document's: none lingers)
        first = forked.ask(reopen, _count_and_pid, ("one",))
        assert first.get() == (6, "one", forks[0])
        assert forked.ask(reopen, _count_and_pid, ("two",)).get() == (6, "two", forks[0])  # (it lingered on)
        assert forked.ask(reopen, lambda doc: None, ()) is None  # (no pickle: not asked, it lingers on)
        assert forked.ask(reopen, _fails, ()).get() is None  # (it failed: gone)
        assert forked.lingering_pages(reopen) == frozenset() and forked.ask(reopen, _count_and_pid, (3,)) is None
        forked.release(reopen)
    assert _reaped(forks)
    assert forked.ask(lambda: None, _count_and_pid, (1,)) is None


def test_the_letters_of_the_lingering_helpers_pages_are_read_there(forks, monkeypatch):  # noqa: F811
    """A paper whose text layer lost its narrow word gaps, read in two processes, the parent slowed
    so that the helper takes pages: the lost-space check asks the lingering helper for its pages'
    letters, and no page is read anew for them (`map_pages(pages=...)` is never called). The
    outline is the same as read serially."""
    data = _reprinted_pages(6, monkeypatch)
    monkeypatch.setenv(forked.PROCESSES_ENV, "1")
    serial = parse_document(pymupdf.open("pdf", data))
    parent = os.getpid()
    read_page = parse._read_page

    def slow_here(page, index, *args, **kwargs):
        if os.getpid() == parent:
            time.sleep(0.2)
        return read_page(page, index, *args, **kwargs)

    monkeypatch.setattr(parse, "_read_page", slow_here)
    anew: list = []
    asked: list = []
    map_pages, ask = forked.map_pages, forked.ask
    monkeypatch.setattr(forked, "map_pages", lambda *a, **kw: (kw.get("pages") is None or anew.append(kw["pages"]),
                                                               map_pages(*a, **kw))[1])
    monkeypatch.setattr(forked, "ask", lambda reopen, question, args: (asked.append(args[0]), ask(reopen, question, args))[1])
    monkeypatch.setenv(forked.PROCESSES_ENV, "2")
    parallel = parse_document(pymupdf.open("pdf", data), reopen=lambda: pymupdf.open("pdf", data))
    assert parallel.to_json() == serial.to_json()
    assert asked and all(asked) and anew == []
    assert len(forks) == 1 and _reaped(forks)


# ─────────────────────────── glued words counted once a page ───────────────────────────

def test_the_glued_words_are_counted_once_a_page_and_pick_the_same_first_pages(monkeypatch):
    """`_respace_lines` counts the glued words page by page, once (each token weighed once across
    the pages), and adds them up for the paper: no second count over the whole text. The first
    pages read are those the counts over the whole text and then over each page picked."""
    from tests.test_speed31 import _pages as _line_pages, _words

    counted: list = []
    glued_words = parse._glued_words
    monkeypatch.setattr(parse, "_glued_words", lambda text, words, *args: counted.append(text) or glued_words(text, words, *args))
    called: list = []
    monkeypatch.setattr(parse, "_lost_spaces", lambda doc, pages, reopen=None, read=None: called.append(pages) or {})
    pages = _line_pages([1, 3, 1, 4, 1])
    pages[0][-1].text += " somebody.wrote,arowthatran(together)"  # (a row run together: read first too)
    words = _words(pages)
    assert parse._respace_lines(pages, [None] * 5, None, words) is False
    assert called == [[0, 1, 3]] and len(counted) == 5
    whole = " ".join(ln.text for lines in pages for ln in lines).lower()
    assert sum(glued_words(text, words) for text in counted) == glued_words(whole, words) >= parse.LOST_SPACE_GLUED


def test_no_character_lowers_to_nothing_or_to_a_space_and_re_spaces_are_python_spaces():
    """What `_respace_lines` relies on to skip a page with no row run together whole by one search
    of its lower-cased text (`\\S{LOST_SPACE_RUN}`): a token of so many characters lowers to a run
    of at least as many characters that are no spaces, as `re` and `str.split` both read spaces."""
    import re
    import sys

    space = re.compile(r"\s")
    for c in map(chr, range(sys.maxunicode + 1)):
        lower = c.lower()
        assert lower and (c.isspace() or not any(ch.isspace() for ch in lower))
        assert bool(space.match(c)) == c.isspace()


# ─────────────────────── an author-year citation with one entry to name ───────────────────────

def test_a_citation_whose_author_and_year_name_one_entry_weighs_no_other_names(monkeypatch):
    """`link_citations` weighs the other names a citation prints against each entry's authors only
    where the first author and the year name two entries or more: one entry is taken as it is (its
    authors' surnames are not looked up), and two are still told apart by the names."""
    from paperkit.reading import bibliography
    from paperkit.reading.bibliography import link_citations, parse_reference

    entries = [parse_reference("Richard Zhang, Phillip Isola, and Alexei Efros. Colorful. In ECCV, 2016."),
               parse_reference("Diederik Kingma and Jimmy Ba. Adam. In ICLR, 2015."),
               parse_reference("Diederik Kingma and Max Welling. Auto-encoding. In ICLR, 2015.")]
    asked: list = []
    surname = bibliography._surname
    monkeypatch.setattr(bibliography, "_surname", lambda author: asked.append(author) or surname(author))
    found = link_citations([(0, 0, 1, "Colour (Zhang et al., 2016) as Kingma and Welling (2015) did.")], entries)
    assert [(c.text, c.refs) for c in found] == [("(Zhang et al., 2016)", (0,)), ("Kingma and Welling (2015)", (2,))]
    # (each entry's first author for the index; then the authors of Kingma's two 2015 entries, to
    # tell them apart: none of Zhang's)
    assert asked[:3] == ["Richard Zhang", "Diederik Kingma", "Diederik Kingma"]
    assert sorted(asked[3:]) == sorted(["Diederik Kingma", "Jimmy Ba", "Diederik Kingma", "Max Welling"])
