"""A table of word lists is a table, not a shaded paragraph (issue 14, item 5)."""

from __future__ import annotations

from paperkit.reading.parse import Line, _without_highlights

WORDS = ("and of or to by with from nine were for that eight low seven the six are not against was four "
         "between their two three its on as is five into over than officials prices which go way he last "
         "they earlier an Tuesday there foreign quarter she former federal days Friday next Wednesday").split()


def _rows(x0: float, x1: float, top: float, heads: list[tuple[str, bool]], per_list: int = 5):
    """Lines of word lists under heads: each list's rows fill the box but its last, which is short."""
    lines, y, k = [], top, 0
    for head, bold in heads:
        lines.append(Line(0, 240, y, 330, y + 9, head, 9.0, bold, False, 0))
        y += 10
        for r in range(per_list):
            width = (x1 - x0 - 14) if r < per_list - 1 else 90
            words = " ".join(WORDS[(k + i) % len(WORDS)] for i in range(9))
            k += 9
            lines.append(Line(0, x0 + 6, y, x0 + 6 + width, y + 9, words, 9.0, False, False, 0))
            y += 10
    return lines, y


def test_a_framed_table_of_word_lists_is_no_highlight():
    # EMNLP 1997 through dvips: Table 4 lists words in rows that fill its frame, each list's last
    # row short, under a centred head; the frame's rules are bitmaps (image masks), no paths. Its box
    # was dropped as the shading behind a paragraph, and its crop lost.
    x0, x1, top = 150.0, 462.0, 140.0
    lines, bottom = _rows(x0, x1, top, [("0.1 < w < 0.7", False), ("0.96 < w < 1", False)])
    box = (x0, top - 2, x1, bottom + 2)
    marks = [("fill-imgmask", (x0, top - 2, x1, top - 1.5), None, False),
             ("fill-imgmask", (x0, top - 2, x0 + 0.5, bottom + 2), None, False),
             ("fill-imgmask", (x1 - 0.5, top - 2, x1, bottom + 2), None, False),
             ("fill-imgmask", (x0, bottom + 1.5, x1, bottom + 2), None, False)]
    assert _without_highlights(marks, [box], lines) == [box]


def test_a_shaded_box_of_headed_paragraphs_is_a_highlight():
    # PLOS Medicine's author summary: the same rows, but under bold headings and on a grey ground:
    # the colour behind text, no float.
    x0, x1, top = 150.0, 462.0, 140.0
    lines, bottom = _rows(x0, x1, top, [("Why was this study done?", True), ("What did they find?", True)])
    box = (x0, top - 2, x1, bottom + 2)
    marks = [("fill-path", box, None, False)]
    assert _without_highlights(marks, [box], lines) == []
