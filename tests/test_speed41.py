"""Speed changes of session 41: the serial part of a parse whose pages are read in forked helpers."""

from __future__ import annotations

import pymupdf

from paperkit.reading import forked, parse
from tests.test_speed35b import _reprint


def test_the_letters_of_kept_text_layers_are_read_here_and_only_the_others_spread(monkeypatch):
    """The lost-space check reads the pages whose text layers this process kept (the pages it read
    itself) here, from those layers; only the other pages go to `map_pages` (forked helpers where
    they are enough), none at all when every page's layer is kept. The words parted are the same,
    in the same order, as read serially from text layers made anew."""
    from paperkit.reading import lost_spaces
    from paperkit.reading.ink import page_marks_and_text

    data = _reprint(6)
    doc = pymupdf.open("pdf", data)
    kept = {k: page_marks_and_text(page, parse._text_flags())[1] for k, page in enumerate(doc)}
    pages = list(range(doc.page_count))
    monkeypatch.setenv("PAPERKIT_PROCESSES", "1")
    plain = lost_spaces.lost_spaces(doc, pages)
    assert plain  # (the premise: words run together are found and parted)
    spread: list = []
    map_pages = forked.map_pages
    monkeypatch.setattr(forked, "map_pages", lambda *args, **kw: spread.append(kw.get("pages")) or map_pages(*args, **kw))
    monkeypatch.setenv("PAPERKIT_PROCESSES", "2")
    reopen = lambda: pymupdf.open("pdf", data)  # noqa: E731
    every = lost_spaces.lost_spaces(doc, pages, reopen, None, kept)
    assert spread == []  # (every layer kept: no helper forked, no page run again)
    some = lost_spaces.lost_spaces(doc, pages, reopen, None, {k: kept[k] for k in (1, 3, 4)})
    assert spread == [[0, 2, 5]]
    assert every == some == plain and list(every) == list(some) == list(plain)
    assert every.everywhere == some.everywhere == plain.everywhere


# ─────────────────────────────── page results as they come ───────────────────────────────

def test_a_helpers_results_are_taken_as_they_come_and_nothing_past_their_end():
    """`_Stream` takes each whole message off the pipe as it comes (a message cut short waits for
    its rest), keeps what MuPDF said from the end message, and reads nothing after that end (a
    lingering helper's work ahead follows it on the same pipe)."""
    import os
    import pickle

    r, w = os.pipe()
    try:
        forked._send(w, (3, "page three"))
        forked._send(w, (0, ["page", 0]))
        third = pickle.dumps((5, "page five"), protocol=pickle.HIGHEST_PROTOCOL)
        whole = len(third).to_bytes(forked._INDEX, "little") + third
        os.write(w, whole[:7])
        stream = forked._Stream(r)
        stream.drain(block=False)
        assert stream.got == [(3, "page three"), (0, ["page", 0])] and stream.said is None
        os.write(w, whole[7:])
        forked._send(w, (-1, ["warning: something"]))
        forked._send(w, ("work ahead", True, 1))
        stream.drain(block=True)
        assert stream.got[-1] == (5, "page five") and stream.said == ["warning: something"]
        assert forked._receive(r) == ("work ahead", True, 1)  # (left on the pipe for the parent)
    finally:
        os.close(w)
        os.close(r)
    r, w = os.pipe()
    forked._send(w, (1, "page one"))
    os.close(w)  # (the helper ended before its pages' end: it failed)
    stream = forked._Stream(r)
    stream.drain(block=True, to_end=True)
    os.close(r)
    assert stream.got == [(1, "page one")] and stream.said is None


def test_the_parent_takes_a_helpers_pages_between_its_own(tmp_path, monkeypatch):
    """A helper sends each page as it reads it, and the parent takes them off the pipe between its
    own pages: a slow page in the parent finds the helper's pages already there (they used to come
    all at once, pickled at the helper's end, while the parent waited). The pages are the same,
    in order, whichever process read them; a helper that fails still leaves its pages to the parent."""
    import os
    import time

    from tests.test_forked import _pages, _reaped

    monkeypatch.setattr(forked, "_lone_thread", lambda: True)
    made: list = []
    fork = os.fork
    monkeypatch.setattr(forked.os, "fork", lambda: (pid := fork()) and made.append(pid) or pid)
    path = _pages(tmp_path, 6)
    parent = os.getpid()
    seen: list = []
    drain = forked._Stream.drain

    def watched(self, block, to_end=False):
        drain(self, block, to_end)
        if not block:
            seen.append(len(self.got))

    monkeypatch.setattr(forked._Stream, "drain", watched)

    def read(page, i):
        if os.getpid() == parent:
            time.sleep(0.3)  # (the helper reads the other pages meanwhile)
        return i, page.get_text().strip()

    for linger in (False, True):
        seen.clear()
        with pymupdf.open(path) as doc:
            reopen = lambda: pymupdf.open(path)  # noqa: E731
            got = forked.map_pages(doc, read, reopen, processes=2, linger=linger)
            forked.release(reopen)
        assert got == [(i, f"Page {i} of the test document") for i in range(6)]
        assert seen and max(seen) >= 1  # (the helper's pages taken while the parent still read its own)
    assert len(made) == 2 and _reaped(made)
