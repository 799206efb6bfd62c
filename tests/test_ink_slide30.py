"""Ink (issue 14: real papers read faithfully), the thirtieth session's: a stroked rectangle whose
outline lies all outside its clip paints nothing and is no mark. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page  # noqa: E402
from test_parse_crops27 import _parse  # noqa: E402
from test_parse_crops30a import _cell  # noqa: E402


def test_a_slides_frame_all_outside_its_clip_is_no_part_of_the_figures_crop(tmp_path):
    # ACL 2023: a figure saved from a presentation, its slide's grey frame stroked round the slide
    # and the slide clipped to its content, the frame 20 pt past every side of the clip. The frame
    # paints nothing, but its box, clipped, was the whole clip: the crop reached 14 pt past the
    # drawing on each side.
    slide = pymupdf.open()
    sp = slide.new_page(width=800, height=600)
    sp.draw_rect(pymupdf.Rect(20, 20, 780, 580), color=(0.81, 0.81, 0.82), width=1)
    for k in range(6):
        sp.draw_circle((200 + 80 * k, 200), 25, color=(0.2, 0.4, 0.7), fill=(0.3, 0.5, 0.7))
        sp.draw_line((200 + 80 * k, 225), (200 + 80 * k, 380), color=(0, 0, 0), width=1.5)
    sp.draw_rect(pymupdf.Rect(150, 380, 650, 420), color=(0, 0, 0), fill=(0.9, 0.6, 0.6), width=1)
    doc = pymupdf.open()
    page = _page(doc, 595, 842)
    # (the slide's part from 100, 140 to 700, 460, set 454 pt wide at the top of the page)
    page.show_pdf_page(pymupdf.Rect(71, 71, 524, 312.6), slide, 0, clip=pymupdf.Rect(100, 140, 700, 460))
    _cell(page, 71, 330, "Figure 1: An example of conversational recommendation scenarios.")
    _lines(page, 71, 290, 360, 30)
    _lines(page, 306, 524, 360, 30, start=60)
    figure = _parse(doc, tmp_path)[1][("figure", "1")].bbox
    # (the drawing: 150..650 by 175..420 on the slide, 109..486 by 97.5..282.6 on the page)
    assert figure is not None and figure[0] > 100 and figure[2] < 495 and figure[1] > 85, figure
