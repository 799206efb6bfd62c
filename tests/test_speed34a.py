"""The shape of a parse's helper processes (session 34): the page helper that lingers after its
pages and works out the white-margin trims ahead (`forked.map_pages(linger=True)`, then
`forked.speculate(recipe=...)`) instead of a fork of its own. Each gives what the serial path
gives, on PDFs made here, and leaves no helper behind."""

from __future__ import annotations

import pymupdf
import pytest

from test_forked import _pages, _reaped, forks  # noqa: F401 - (the fixture `helpers` extends)
from test_speed30b import _bordered_plots

from paperkit.reading import forked
from paperkit.reading.parse import parse_pdf


@pytest.fixture
def helpers(forks, monkeypatch):
    """test_forked's count of the helpers forked (`forks`), with two processes asked for and no
    MuPDF message heard yet in this process."""
    monkeypatch.setenv(forked.PROCESSES_ENV, "2")
    monkeypatch.setattr(pymupdf, "JM_mupdf_warnings_store", [])
    return forks


def _square(doc, key):
    return (doc.page_count, key * key)


def _make_square():
    return _square


def test_a_lingering_page_helper_does_the_work_ahead(tmp_path, helpers):
    """The pages come back as from any helper; the work ahead is then the lingering helper's (no
    second fork), with the results the parent would work out; the helper is reaped after."""
    path = _pages(tmp_path, 6)
    reopen = lambda: pymupdf.open(path)  # noqa: E731
    with pymupdf.open(path) as doc:
        got = forked.map_pages(doc, lambda page, i: (i, page.get_text().strip()), reopen, processes=2, linger=True)
        assert got == [(i, f"Page {i} of the test document") for i in range(6)]
        assert len(helpers) == 1 and reopen in forked._LINGERING
        keys = list(range(10))
        ahead = forked.speculate(reopen, keys, _square, recipe=(_make_square, ()))
        assert ahead is not None and len(helpers) == 1  # (no fork of its own)
        assert reopen not in forked._LINGERING
        while len(ahead.results) < len(keys) and ahead._drain(block=True):
            pass  # (all of it sent: the helper's, not the parent's)
        computed = []
        got = ahead.take(keys[2:], lambda key: computed.append(key) or (6, key * key))
        assert got == {k: (6, k * k) for k in keys[2:]} and not computed
    assert _reaped(helpers)


def test_a_lingering_helper_not_asked_for_work_is_released(tmp_path, helpers):
    path = _pages(tmp_path, 6)
    reopen = lambda: pymupdf.open(path)  # noqa: E731
    with pymupdf.open(path) as doc:
        forked.map_pages(doc, lambda page, i: i, reopen, processes=2, linger=True)
    assert reopen in forked._LINGERING
    forked.release(reopen)
    assert reopen not in forked._LINGERING and _reaped(helpers)
    forked.release(reopen)  # (again: nothing to do)


def test_a_lingering_helper_that_failed_leaves_its_work_to_a_fork_or_the_parent(tmp_path, helpers):
    """A lingering helper gone before its order (killed here) costs nothing but the fork the work
    ahead would have had anyway; its pages, read before, are the serial path's."""
    import os
    import signal

    path = _pages(tmp_path, 6)
    reopen = lambda: pymupdf.open(path)  # noqa: E731
    with pymupdf.open(path) as doc:
        got = forked.map_pages(doc, lambda page, i: i * 10, reopen, processes=2, linger=True)
    assert got == [i * 10 for i in range(6)]
    lingering = forked._LINGERING[reopen]
    os.kill(lingering.pid, signal.SIGKILL)
    ahead = forked.speculate(reopen, [1, 2, 3], _square, recipe=(_make_square, ()))
    assert ahead is not None
    assert ahead.take([1, 2, 3], lambda key: (6, key * key)) == {1: (6, 1), 2: (6, 4), 3: (6, 9)}
    assert _reaped(helpers)


def test_a_paper_trimmed_by_its_lingering_page_helper_is_the_paper_read_serially(tmp_path, helpers, monkeypatch):
    """A paper of bordered plots: its trims are worked out ahead by the page helper, one fork in
    all, and the paper is the serial path's."""
    path = _bordered_plots(tmp_path)
    orders = []
    real = forked.speculate

    def speculating(reopen, keys, work, recipe=None):
        orders.append(reopen in forked._LINGERING and recipe is not None)
        return real(reopen, keys, work, recipe=recipe)

    monkeypatch.setattr(forked, "speculate", speculating)
    ahead = parse_pdf(path)
    assert orders == [True] and len(helpers) == 1  # (the page helper trimmed: no second fork)
    assert not forked._LINGERING and _reaped(helpers)
    monkeypatch.setenv(forked.PROCESSES_ENV, "1")
    assert parse_pdf(path).to_json() == ahead.to_json()
    assert len(ahead.figures) == 6 and all(f.bbox and f.bbox[2] - f.bbox[0] < 250 for f in ahead.figures)
