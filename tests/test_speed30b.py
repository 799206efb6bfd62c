"""Work of the page stage spread over forked helpers (session 30): the trims of white margins worked
out ahead by a helper while the parse goes on (`forked.speculate`, `parse._trims_ahead`), and the
pages read again without a watermark read as the pages were (`forked.map_pages`). Each gives what
the serial path gives, on PDFs made here."""

from __future__ import annotations

import os
import time

import pymupdf
import pytest

from test_forked import _reaped, forks  # noqa: F401 - (the fixture `helpers` extends)
from test_parse_watermark29 import _proof

from paperkit.reading import forked
from paperkit.reading.paper import Figure
from paperkit.reading.parse import _trim_white_margins, _trims_ahead, parse_pdf


@pytest.fixture
def helpers(forks, monkeypatch):
    """test_forked's count of the helpers forked (`forks`), with two processes asked for, and no
    MuPDF message heard yet in this process (a test before may have left some: no work is then
    done ahead, `_trims_ahead`)."""
    monkeypatch.setenv(forked.PROCESSES_ENV, "2")
    monkeypatch.setattr(pymupdf, "JM_mupdf_warnings_store", [])
    return forks


def test_work_done_ahead_is_the_work_done_here(helpers):
    keys = list(range(40))
    ahead = forked.speculate(lambda: "doc", keys, lambda doc, key: (doc, key * key))
    assert ahead is not None and len(helpers) == 1
    computed: list[int] = []

    def compute(key):
        computed.append(key)
        return ("doc", key * key)

    wanted = [k for k in keys if k % 3]  # (some of the helper's work is not needed)
    got = ahead.take(wanted, compute)
    assert got == {k: ("doc", k * k) for k in wanted}
    assert all(k in wanted for k in computed)
    assert _reaped(helpers)


def test_a_helper_that_fails_leaves_its_work_to_the_parent(helpers):
    def reopen():
        raise RuntimeError("cannot open")

    ahead = forked.speculate(reopen, [1, 2, 3], lambda doc, key: key)
    assert ahead is not None
    assert ahead.take([1, 3], lambda key: -key) == {1: -1, 3: -3}  # (all worked out here)
    assert _reaped(helpers)


def test_no_work_ahead_from_a_thread(helpers, monkeypatch):
    import threading

    got = []
    thread = threading.Thread(target=lambda: got.append(forked.speculate(lambda: None, [1], lambda d, k: k)))
    thread.start()
    thread.join()
    assert got == [None] and not helpers


def _bordered(tmp_path):
    """Three pages, each with an 800-pixel image of a dark square in a wide white border."""
    doc = pymupdf.open()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 800, 800), False)
    pix.clear_with(255)
    pix.set_rect(pymupdf.IRect(200, 200, 600, 600), (20, 20, 20))
    box = (100.0, 100.0, 260.0, 260.0)
    for _ in range(3):
        doc.new_page(width=400, height=400).insert_image(pymupdf.Rect(box), pixmap=pix)
    path = tmp_path / "bordered_pages.pdf"
    doc.save(path)
    return path, box


def test_white_margins_trimmed_ahead_are_those_trimmed_after(tmp_path, helpers, monkeypatch):
    """The floats standing at a drawing's box take the helper's trims; one that stands elsewhere (a
    box grown past its drawing) is trimmed as before; the boxes are the serial path's."""
    path, box = _bordered(tmp_path)
    images = [[box + (800 * 800,)] for _ in range(3)]
    grown = (100.0, 100.0, 260.0, 300.0)  # (the image's left, top and right edges are its sides)
    figures = [Figure("figure", "1", "", 1, box), Figure("figure", "2", "", 3, grown)]
    tables = [Figure("table", "1", "", 2, box)]
    with pymupdf.open(path) as doc:
        monkeypatch.setenv(forked.PROCESSES_ENV, "1")
        serial = _trim_white_margins(doc, [figures, tables], images)
        assert _trims_ahead(doc, [[box]] * 3, images, [None] * 3, lambda: pymupdf.open(path)) is None  # (no idle core)
        monkeypatch.setenv(forked.PROCESSES_ENV, "2")
        ahead = _trims_ahead(doc, [[box]] * 3, images, [None] * 3, lambda: pymupdf.open(path))
        assert ahead is not None and len(ahead.keys) == 3
        taken = []
        real_take = ahead.take

        def take(keys, compute):
            taken.extend(keys)
            return real_take(keys, compute)

        ahead.take = take
        trimmed = _trim_white_margins(doc, [figures, tables], images, [None] * 3, ahead=ahead)
    assert sorted(k[0] for k in taken) == [0, 1]  # (the grown box on page 3 is no drawing's)
    assert trimmed == serial
    for f in (trimmed[0][0], trimmed[1][0]):  # the white border (40 pt a side) is cut
        assert all(abs(v - w) <= 1.5 for v, w in zip(f.bbox, (140, 140, 220, 220))), f.bbox
    assert _reaped(helpers)


def _bordered_plots(tmp_path):
    """Six pages of text, each with a plot of its own in a wide white border, and its caption."""
    doc = pymupdf.open()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 800, 600), False)
    pix.clear_with(255)
    pix.set_rect(pymupdf.IRect(150, 120, 650, 480), (30, 60, 90))
    for n in range(6):
        page = doc.new_page(width=612, height=792)
        page.insert_text((72, 60), f"A study of bordered plots, part {n + 1}", fontname="tibo", fontsize=12)
        for k in range(12):
            page.insert_text((72, 90 + 14 * k), "The measurements were taken on every day of the season "
                             "and are shown in the figure below.", fontname="tiro", fontsize=10)
        # (each page's plot in a place of its own: the same box on every page would be the pages' furniture)
        x, y = 150 + 7 * n, 300 + 11 * n
        page.insert_image(pymupdf.Rect(x, y, x + 300, y + 225), pixmap=pymupdf.Pixmap(pix))
        page.insert_text((x, y + 245), f"Figure {n + 1}: The measurements of part {n + 1}.", fontname="tiro", fontsize=9)
    path = tmp_path / "plots.pdf"
    doc.save(path)
    return path


def test_a_paper_with_trims_worked_out_ahead_is_the_paper_read_serially(tmp_path, helpers, monkeypatch):
    path = _bordered_plots(tmp_path)
    made = []
    real = forked.speculate

    def speculating(*args, **kwargs):
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(forked, "speculate", speculating)
    ahead = parse_pdf(path)
    assert made  # (the trims were worked out ahead)
    monkeypatch.setenv(forked.PROCESSES_ENV, "1")
    assert parse_pdf(path).to_json() == ahead.to_json()
    assert len(ahead.figures) == 6 and all(f.bbox and f.bbox[2] - f.bbox[0] < 250 for f in ahead.figures)  # (trimmed: the white border cut)
    assert _reaped(helpers)


def test_pages_read_again_without_a_watermark_are_read_as_the_pages_were(tmp_path, helpers, monkeypatch):
    """A paper marked on every page reads its pages twice: the second time too in forked helpers
    when cores are idle, with the serial path's result."""
    path = tmp_path / "proof.pdf"
    path.write_bytes(_proof(pages=8))
    calls = []
    real = forked.map_pages

    def mapping(doc, read, reopen=None, processes=None, **kwargs):
        calls.append(reopen is not None)
        return real(doc, read, reopen, processes, **kwargs)

    monkeypatch.setattr(forked, "map_pages", mapping)
    forked_paper = parse_pdf(path)
    assert calls == [True, True] and len(helpers) == 2  # (the pages, then the pages again)
    monkeypatch.setenv(forked.PROCESSES_ENV, "1")
    assert parse_pdf(path).to_json() == forked_paper.to_json()
    assert not forked_paper.figures
    assert _reaped(helpers)


def test_a_trim_on_which_mupdf_complains_is_left_to_the_parent(tmp_path, helpers, monkeypatch):
    """MuPDF's messages (a damaged object met while a page is drawn) reach the output from the
    parent alone: a helper's trim that met one is the parent's to redo, and a document MuPDF has
    complained of already is trimmed by the parent as before."""
    from paperkit.reading import parse

    path, box = _bordered(tmp_path)
    images = [[box + (800 * 800,)] for _ in range(3)]
    real = parse._trimmed_box

    def complaining(listed, clip, sides, turn):
        pymupdf.JM_mupdf_warnings_store.append("format error: cannot find object in xref (798 0 R)")
        return real(listed, clip, sides, turn)

    monkeypatch.setattr(pymupdf, "JM_mupdf_warnings_store", [])
    with pymupdf.open(path) as doc:
        key = (0, box, (True, True, True, True))
        assert parse._trim_by_key([None] * 3, quiet=True)(doc, key) != parse._SAID
        monkeypatch.setattr(parse, "_trimmed_box", complaining)
        assert parse._trim_by_key([None] * 3, quiet=True)(doc, key) == parse._SAID
        assert parse._trim_by_key([None] * 3)(doc, key) != parse._SAID  # (the parent's own: kept)
        assert _trims_ahead(doc, [[box]] * 3, images, [None] * 3, lambda: pymupdf.open(path)) is None
        monkeypatch.setattr(parse, "_trimmed_box", real)
        pymupdf.JM_mupdf_warnings_store.clear()
        figures = [Figure("figure", str(n + 1), "", n + 1, box) for n in range(3)]
        serial = _trim_white_margins(doc, [figures], images)
        ahead = forked.Speculation(0, -1, -1, [(n, box, (True, True, True, True)) for n in range(3)])
        ahead.results = {(0, box, (True, True, True, True)): parse._SAID}  # (as a helper that met a complaint sends)
        assert _trim_white_margins(doc, [figures], images, [None] * 3, ahead=ahead) == serial


def test_what_mupdf_reports_in_a_page_helper_reaches_the_parent(tmp_path, helpers, monkeypatch):
    """The damage a helper's pages met is known to the parent (PyMuPDF's store of MuPDF's
    messages), as when the parent reads every page: the trims are then not worked out ahead."""
    path, box = _bordered(tmp_path)
    monkeypatch.setattr(pymupdf, "JM_mupdf_warnings_store", [])
    parent = os.getpid()

    def read(page, index):
        if os.getpid() != parent:
            pymupdf.JM_mupdf_warnings_store.append(f"format error on page {index}")
        else:
            time.sleep(0.5)  # (the parent is slow: the helper takes the other pages)
        return index

    with pymupdf.open(path) as doc:
        assert forked.map_pages(doc, read, lambda: pymupdf.open(path), processes=2) == [0, 1, 2]
        said = list(pymupdf.JM_mupdf_warnings_store)
        images = [[box + (800 * 800,)] for _ in range(3)]
        ahead = _trims_ahead(doc, [[box]] * 3, images, [None] * 3, lambda: pymupdf.open(path))
    assert len(helpers) == 1 and _reaped(helpers)
    if said:  # (the helper read a page: the parent read them all where it was slow to start)
        assert all(s.startswith("format error on page") for s in said)
        assert ahead is None
    else:
        ahead.stop()
