"""Speed of `paperkit outline` without a change of its output (issue 14's speed aim, session 37, c):
pages of plots with tens of thousands of paths.

- The ink device bounds a thin stroke (its widening small, or clipped with a miter limit past any
  page) inline, without `stroke_box`'s call: the same box as `stroke_box` gives, for thin and thick
  lines, clipped and not.
- `_graphic_boxes` passes a path less than half the page wide and a fifth of it tall by the
  page-wide tests (background, margin bars, running head and foot rules, column rules), none of
  which can hold for it: the boxes are those of the same marks taken through every test.
- `_join_rule_pieces` looks for a cell's border before it gathers the thin pieces: a page without
  one returns at once.
"""

from __future__ import annotations

import pymupdf

from paperkit.reading import ink, parse


def _page_of_strokes():
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    shape = page.new_shape()
    # thin short strokes (a plot's), a thick cornered path, a thick level line, square caps
    for k in range(40):
        shape.draw_line((60 + 3 * k, 100 + (k % 7)), (61.5 + 3 * k, 100.4 + (k % 7)))
        shape.finish(width=0.5, color=(0, 0, 1))
    shape.draw_polyline([(100, 300), (200, 320), (150, 400)])
    shape.finish(width=6.5, color=(0, 0, 0))
    shape.draw_line((80, 500), (400, 500))
    shape.finish(width=12, color=(0.5, 0.5, 0.5))
    shape.draw_polyline([(300, 600), (340, 640), (380, 600)])
    shape.finish(width=3, color=(0, 0, 0), lineCap=2, lineJoin=0)
    shape.commit()
    # strokes under a clip, one with matplotlib's miter limit, one thick
    page.insert_text((0, 0), "")  # (a content stream to append to)
    doc.update_stream(page.get_contents()[0], page.read_contents() + (
        b"q 50 650 200 100 re W n 100000 M 1 w 60 660 m 120 700 l 180 665 l S "
        b"10 M 9 w 70 720 m 150 740 l 200 700 l S Q").replace(b"\n", b" "))
    return doc, page


def test_a_thin_stroke_is_bounded_as_stroke_box_bounds_it():
    from pymupdf import mupdf

    device_class = ink._device_class()

    class Whole(device_class):
        """`stroke_path` as it was: every stroke through `stroke_box`."""

        def stroke_path(self, ctx, path, stroke, ctm, colorspace, color, alpha, color_params):
            clip = self.clips[-1]
            if clip is ink.NOTHING:
                return
            b = device_class.stroke_box(path, stroke, ctm, clip is not None)
            self.marks.append(("stroke-path", b, clip, False))

    doc, page = _page_of_strokes()
    marks = ink.page_marks(page)
    whole = Whole()
    mupdf.fz_run_page_contents(page.this, whole, mupdf.FzMatrix(), mupdf.FzCookie())
    mupdf.fz_close_device(whole)
    strokes = [m[:3] for m in marks if m[0] == "stroke-path"]
    assert len(strokes) == 45
    assert strokes == [m[:3] for m in whole.marks]
    # (the thick lines were bounded by the whole rule: wider than MuPDF's thin bound would leave them)
    assert any(b[3] - b[1] > 10 for _, b, _ in strokes)


def _marks(kind: str) -> list:
    width, height = 612.0, 792.0
    boxes = [(100, 100, 100.3, 100.3), (100, 100, 100.6, 100.2),  # too small to be ink, and just not
             (50, 200, 50 + 0.5 * width - 0.01, 210), (50, 230, 50 + 0.5 * width, 232),  # at half the page's width
             (400, 100, 401, 100 + 0.2 * height), (420, 100, 421, 100.01 + 0.2 * height),  # at a fifth of its height
             (560, 50, 561, 700), (20, 50, 21, 790),  # bars down the margins
             (40, 30, 580, 31), (40, 760, 580, 761),  # rules at the head and the foot
             (0, 0, 612, 792), (300, 300, 200, 200)]  # the page's ground, an empty box
    boxes += [(200 + 2 * k, 400 + (k % 9), 201 + 2 * k, 401 + (k % 9)) for k in range(300)]  # a plot's marks
    return [(kind, tuple(float(v) for v in b), None, False) for b in boxes]


def test_small_paths_pass_the_page_wide_tests_by_to_the_same_boxes():
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    # (a shade's box goes through every test; a path's as small as these only through the last)
    through_all = parse._graphic_boxes(page, [], _marks("fill-shade"), size=(612.0, 792.0))
    seen: list = []
    assert parse._graphic_boxes(page, [], _marks("fill-path"), seen, size=(612.0, 792.0)) == through_all
    assert len(through_all) >= 2
    grounds, drawn = seen[0]
    assert (100.0, 100.0, 100.6, 100.2) in drawn and (100.0, 100.0, 100.3, 100.3) not in drawn


def test_pieces_without_a_border_return_at_once():
    pieces = [[10.0 + 2 * k, 100.0, 11.5 + 2 * k, 100.5] for k in range(50)]
    assert parse._join_rule_pieces(pieces) is pieces
    pieces.append([200.0, 100.0, 260.0, 100.5])  # a cell's border level with them, end to end with the last
    pieces.append([260.0, 100.0, 300.0, 100.5])
    joined = parse._join_rule_pieces(pieces)
    assert [200.0, 100.0, 300.0, 100.5] in joined
