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
