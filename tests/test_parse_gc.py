"""The parse keeps Python's cycle collector off while it runs, and gives it back as it found it."""

from __future__ import annotations

import gc
import threading

import pymupdf
import pytest

from paperkit.reading.demo import DEMO_PDF
from paperkit.reading.parse import parse_pdf


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


def test_parses_in_threads_leave_the_collector_on(collections):
    errors: list[BaseException] = []

    def parse() -> None:
        try:
            parse_pdf(DEMO_PDF)
        except BaseException as exc:  # (a thread's error would pass unseen)
            errors.append(exc)

    threads = [threading.Thread(target=parse) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert gc.isenabled()
