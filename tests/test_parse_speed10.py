"""Speed work that must not change what the parser reads (helper speed10)."""

from __future__ import annotations

from paperkit.reading.parse import Line, _merge_same_baseline


def _piece(x0: float, x1: float, text: str, size: float = 10.0, base: float = 100.0, **kw) -> Line:
    return Line(page=0, x0=x0, y0=base - 0.8 * size, x1=x1, y1=base + 0.2 * size, text=text, size=size,
                bold=kw.pop("bold", False), italic=False, math_chars=kw.pop("math_chars", 0), base=base, **kw)


def test_pieces_that_overlap_by_a_kern_join_without_a_space():
    # (the bound on the overlap is the larger of 1 pt and 0.15 em: 1.5 pt at 10 pt, 1 pt at 5 pt)
    joined = _merge_same_baseline([_piece(50, 56, "F"), _piece(54.7, 80, "ast")], mid=300.0)
    assert [ln.text for ln in joined] == ["Fast"]
    small = _merge_same_baseline([_piece(50, 53, "F", size=5), _piece(52.2, 60, "ast", size=5)], mid=300.0)
    assert [ln.text for ln in small] == ["Fast"]
    apart = _merge_same_baseline([_piece(50, 56, "F"), _piece(54.3, 80, "ast")], mid=300.0)
    assert [ln.text for ln in apart] == ["F", "ast"]


def test_joined_row_keeps_the_widest_box_and_the_first_baseline():
    row = _merge_same_baseline([_piece(120, 200, "of the", base=100.4), _piece(50, 118, "Most words", base=100.0),
                                _piece(201, 260, "row", base=99.8)], mid=400.0)
    assert len(row) == 1
    assert row[0].text == "Most words of the row"
    assert (row[0].x0, row[0].x1, row[0].base) == (50, 260, 100.0)


def test_gutters_and_caption_labels_still_part_and_join():
    # a gap over one of three columns' gutters keeps the pieces apart; a bold bare label joins its caption
    cols = _merge_same_baseline([_piece(50, 150, "left text"), _piece(152, 250, "middle text")], mid=400.0,
                                gutters=[151.0])
    assert [ln.text for ln in cols] == ["left text", "middle text"]
    cap = _merge_same_baseline([_piece(50, 80, "Fig. 1", bold=True), _piece(100, 200, "A caption")], mid=400.0)
    assert [ln.text for ln in cap] == ["Fig. 1. A caption"]
