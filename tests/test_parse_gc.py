"""The parse keeps Python's cycle collector off while it runs, and gives it back as it found it."""

from __future__ import annotations

import gc
import threading

import pymupdf
import pytest

from paperkit.reading.demo import DEMO_PDF
from paperkit.reading.parse import cycle_collector_paused, parse_pdf


def _page_of_lines(tmp_path, pages: int = 3):
    """Pages of forty lines each: the page dicts PyMuPDF hands the parse are made of thousands of
    objects at once, which the collector, left on, counts and runs for."""
    doc = pymupdf.open()
    for i in range(pages):
        page = doc.new_page()
        for k in range(40):
            page.insert_text((72, 60 + 17 * k), f"Line {k} of page {i}: words that run on as a paragraph does.")
    path = tmp_path / "lines.pdf"
    doc.save(path)
    return path


@pytest.fixture
def collections(monkeypatch):
    """The collections that run while the test runs (pages read in this process), with the collector
    set to run after every hundred new objects."""
    monkeypatch.setenv("PAPERKIT_PROCESSES", "1")
    parse_pdf(DEMO_PDF)  # (the modules a parse imports on first use are imported: not counted)
    seen: list[int] = []
    threshold = gc.get_threshold()
    gc.set_threshold(100, 10, 10)

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    yield seen
    gc.callbacks.remove(note)
    gc.set_threshold(*threshold)


def test_no_collection_during_a_parse_and_the_collector_is_back_after(tmp_path, collections):
    path = _page_of_lines(tmp_path)
    collections.clear()
    assert gc.isenabled()
    assert parse_pdf(path).pages == 3
    # (left on, it runs five times; at most one may start as the parse hands it back)
    assert len(collections) <= 1
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off():
    gc.disable()
    try:
        parse_pdf(DEMO_PDF)
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("first_out", ["first in", "last in"])
def test_overlapping_pauses_in_threads_give_the_collector_back_once_all_end(first_out):
    """Two threads' pauses that overlap (the reader parses in worker threads): the collector stays
    off until both have ended, whichever ends first, and is on after. (PyMuPDF is not shared
    between threads here: the pauses are taken directly.)"""
    entered, release = [threading.Event(), threading.Event()], [threading.Event(), threading.Event()]
    exited = [threading.Event(), threading.Event()]

    def hold(k: int) -> None:
        with cycle_collector_paused():
            entered[k].set()
            release[k].wait(10)
        exited[k].set()

    threads = [threading.Thread(target=hold, args=(k,)) for k in (0, 1)]
    threads[0].start()
    entered[0].wait(10)
    threads[1].start()
    entered[1].wait(10)
    assert not gc.isenabled()
    order = (0, 1) if first_out == "first in" else (1, 0)
    release[order[0]].set()
    exited[order[0]].wait(10)
    assert not gc.isenabled()  # the other parse is still under way
    release[order[1]].set()
    for t in threads:
        t.join(10)
    assert gc.isenabled()
