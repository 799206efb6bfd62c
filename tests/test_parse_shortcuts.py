"""Shortcuts of the parser that must give what the long way gives."""

from __future__ import annotations

import pymupdf

from paperkit.reading import parse


def _long_way(text: str) -> str:
    return parse._compose_accents(" ".join(parse._named_ligatures(parse._without_invisible(text)).split()))


def test_shown_text_is_the_long_way_for_every_kind_of_row():
    rows = ["Plain words  of a row ", "\ttabbed\trow\n", "", "   ", "a `code` quote", "Yor`ub´a", "o\x1ecial E\x1bects",
            "the \xadparameters", "dual\xadscreen", "zero\u200bwidth", "Sch¨utt", "c¸a", "E↵ect", "\x10quoted\x11",
            "Ef\uf001cient", "naïve café", "x = y + 1", "\x0bvertical"]
    for row in rows:
        assert parse._shown_text(row) == _long_way(row), row


def test_a_line_of_one_span_and_of_several_keeps_its_text():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "A  plain   row of words", fontsize=10)
    page.insert_text((72, 130), "Bold", fontsize=10, fontname="hebo")
    page.insert_text((100, 130), " and plain", fontsize=10)
    texts = sorted(ln.text for ln in parse._page_lines(page, 0))
    assert texts == ["A plain row of words", "Bold and plain"]
