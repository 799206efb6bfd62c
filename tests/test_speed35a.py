"""Speed of `paperkit outline` without a change of its output (issue 14's speed aim, session 35, a):
the idle second core used in the stages after the pages are read.

- `map_pages(pages=...)` loads and reads only the pages asked for (the others' results None), in
  forked helpers as the whole document's pages are, counting the processes for those pages alone;
  the lost-space check's letter re-read (`paperkit.reading.lost_spaces`) asks for the pages it
  wants instead of loading every page of the paper.
- `_respace_lines` reads its first pages (those with the most glued words and every page with a row
  run together) as it reads the rest: through `map_pages` with the parse's `reopen`, in forked
  helpers when cores are idle (a row run together on every page put all of them among the first,
  read serially before).
- The helpers stopped mid-parse (the page helper that lingers, once its trims are taken or none
  were asked of it) are reaped when the parse ends (`forked.reaped_later`), not as each is stopped:
  the kernel frees a killed helper's memory on its own core while the parse's later stages go on.
"""

from __future__ import annotations

import os
import random

import pymupdf

from paperkit.reading import forked, lost_spaces, parse
from paperkit.reading.parse import parse_document
from tests.test_forked import _pages, _reaped, forks  # noqa: F401 - the fixture
from tests.test_speed31 import _pages as _line_pages
from tests import test_parse_spaces30 as spaces30
from tests.test_parse_spaces30 import WORDS, _reprinted_page
from tests.test_speed31 import _reprinted_paper, _words


def test_only_the_pages_asked_for_are_read_serially(tmp_path):
    path = _pages(tmp_path, 8)
    loaded = []
    with pymupdf.open(path) as doc:
        got = forked.map_pages(doc, lambda page, i: loaded.append(i) or (i, page.get_text().strip()),
                               pages=[1, 4, 7])
    assert loaded == [1, 4, 7]
    assert got == [None, (1, "Page 1 of the test document"), None, None, (4, "Page 4 of the test document"),
                   None, None, (7, "Page 7 of the test document")]


def test_only_the_pages_asked_for_are_read_in_forked_helpers(tmp_path, forks):  # noqa: F811
    path = _pages(tmp_path, 9)
    asked = [0, 2, 3, 5, 8]
    with pymupdf.open(path) as doc:
        got = forked.map_pages(doc, lambda page, i: (i, page.get_text().strip(), os.getpid()),
                               lambda: pymupdf.open(path), processes=2, pages=asked)
    assert [(i, text) for i, text, _ in filter(None, got)] == [(i, f"Page {i} of the test document") for i in asked]
    assert [k for k, result in enumerate(got) if result is None] == [1, 4, 6, 7]
    assert len(forks) == 1 and _reaped(forks)


def test_the_processes_are_counted_for_the_pages_asked_for(tmp_path, forks, monkeypatch):  # noqa: F811
    """Two pages of a long paper are no fork's worth (`PAGES_PER_PROCESS`), however long the paper."""
    monkeypatch.setattr(forked.os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    monkeypatch.setattr(forked.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    path = _pages(tmp_path, 12)
    with pymupdf.open(path) as doc:
        got = forked.map_pages(doc, lambda page, i: (i, os.getpid()), lambda: pymupdf.open(path), pages=[3, 9])
    assert got[3] == (3, os.getpid()) and got[9] == (9, os.getpid())
    assert forks == []


def test_an_error_is_that_of_the_first_bad_page_asked_for(tmp_path, forks):  # noqa: F811
    path = _pages(tmp_path, 8)

    def read(page, i):
        if i in (5, 7):
            raise ValueError(f"bad page {i}")
        return i

    with pymupdf.open(path) as doc:
        for processes in (1, 2):
            try:
                forked.map_pages(doc, read, lambda: pymupdf.open(path), processes=processes, pages=[2, 5, 6, 7])
            except ValueError as error:
                assert str(error) == "bad page 5"
            else:
                raise AssertionError("no error")
    assert _reaped(forks)


def test_the_letters_are_read_again_only_on_the_pages_wanted(monkeypatch):
    """`lost_spaces` hands `map_pages` the pages it wants read: no other page is loaded."""
    seen = []
    real = forked.map_pages

    def spy(doc, read, reopen=None, processes=None, linger=False, pages=None):
        seen.append(pages)
        return real(doc, read, reopen, processes=1, linger=linger, pages=pages)

    monkeypatch.setattr(forked, "map_pages", spy)
    doc = _reprinted_paper(5)
    read: dict = {}
    found = lost_spaces.lost_spaces(doc, [1, 3], reopen=lambda: doc, read=read)
    assert seen == [[1, 3]] and sorted(read) == [1, 3]
    assert found == lost_spaces.lost_spaces(doc, [1, 3])  # (read here, serially: the same words parted)


def test_the_first_pages_are_read_again_as_the_rest_are(monkeypatch):
    """`_respace_lines` hands its `reopen` to the first pages' read as to the rest's."""
    called = []
    monkeypatch.setattr(parse, "_lost_spaces", lambda doc, pages, reopen=None, read=None: called.append((pages, reopen)) or {})
    pages = _line_pages([1, 3, 1, 4, 1])

    def reopen():
        raise AssertionError("not opened here")

    assert parse._respace_lines(pages, [None] * 5, None, _words(pages), reopen) is False
    assert called == [([1, 3], reopen)]


def _reprinted_pages(count: int, monkeypatch) -> bytes:
    """`count` pages of prose whose narrow word gaps a stand-in font closed up, each page's words in
    an order of its own (no page repeats another's rows, which would read as running heads)."""
    shuffled = random.Random(3)
    doc = pymupdf.open()
    for _ in range(count):
        monkeypatch.setattr(spaces30, "WORDS", shuffled.sample(WORDS, len(WORDS)))
        doc.insert_pdf(pymupdf.open("pdf", _reprinted_page(narrow_every=5)))
    monkeypatch.setattr(spaces30, "WORDS", WORDS)
    return doc.tobytes()


def test_a_text_layer_that_lost_its_gaps_reads_the_same_in_forked_helpers(forks, monkeypatch):  # noqa: F811
    data = _reprinted_pages(5, monkeypatch)
    monkeypatch.setenv(forked.PROCESSES_ENV, "1")
    serial = parse_document(pymupdf.open("pdf", data))
    monkeypatch.setenv(forked.PROCESSES_ENV, "2")
    parallel = parse_document(pymupdf.open("pdf", data), reopen=lambda: pymupdf.open("pdf", data))
    assert parallel.to_json() == serial.to_json()
    # (the pages read; then the letters of the two with the most glued words, and the others': the
    # letters of the pages the parent read come from its kept text layers, here, and only those of
    # the helper's pages go to helpers, two or more of them: how many the helper took varies)
    assert 1 <= len(forks) <= 3 and _reaped(forks)


def test_a_helper_stopped_inside_reaped_later_is_reaped_at_its_end(tmp_path, forks):  # noqa: F811
    path = _pages(tmp_path, 6)
    with pymupdf.open(path) as doc, forked.reaped_later():
        forked.map_pages(doc, lambda page, i: i, lambda: pymupdf.open(path), processes=2, linger=True)
        assert len(forks) == 1
        forked.release(lambda: None)  # (another document's: nothing lingers for it)
        lingering = next(iter(forked._LINGERING.values()))
        forked._LINGERING.clear()
        lingering.stop()  # killed, not waited for
        with forked.reaped_later():  # (a block within the block: reaped at the outer one's end)
            pass
        assert not _reaped(forks)
    assert _reaped(forks)


def test_the_parse_reaps_its_helpers_after_its_stages(forks, monkeypatch):  # noqa: F811
    """The page helper that lingers is stopped mid-parse (its trims taken, or none asked of it) and
    reaped only when the parse is over: the parse never waits for a helper's memory to be freed."""
    from paperkit.reading.demo import DEMO_PDF

    events = []
    real_parse, real_reap = parse._parse_document, forked._reap
    monkeypatch.setattr(parse, "_parse_document", lambda *a, **k: (real_parse(*a, **k), events.append("parsed"))[0])
    monkeypatch.setattr(forked, "_reap", lambda pid: (events.append(pid), real_reap(pid)))
    monkeypatch.setenv(forked.PROCESSES_ENV, "2")
    paper = parse.parse_pdf(DEMO_PDF)
    assert len(forks) == 1 and events == ["parsed", forks[0]] and _reaped(forks)
    monkeypatch.setenv(forked.PROCESSES_ENV, "1")
    assert parse.parse_pdf(DEMO_PDF).to_json() == paper.to_json()
