"""Speed work that must not change what the parser reads (helper speed11): each faster path is
compared with the slower one it replaced on random pages."""

from __future__ import annotations

import copy
import random
import re

import pymupdf

from paperkit.reading import parse
from paperkit.reading.parse import FOOTNOTE_MARK, Line, _attach_lead_marks, _graphic_boxes


def _line(rng: random.Random, height: float, texts: list[str]) -> Line:
    size = rng.choice([5.0, 6.0, 9.0, 10.0])
    x0 = rng.uniform(40, 500)
    y0 = rng.uniform(0.5 * height, height - 20) if rng.random() < 0.8 else rng.uniform(20, height - 20)
    text = rng.choice(texts)
    return Line(page=0, x0=x0, y0=y0, x1=x0 + rng.uniform(2, 250), y1=y0 + size * rng.uniform(0.8, 1.3), text=text,
                size=size, bold=False, italic=False, math_chars=rng.choice([0, 0, 0, 5]),
                base=None if rng.random() < 0.1 else y0 + 0.8 * size, spans=[(x0, x0 + 5, text, "")])


def _lead_marks_before(lines: list[Line], height: float) -> list[Line]:
    """`_attach_lead_marks` as it was: every mark against every line of the page."""
    marks = [ln for ln in lines if FOOTNOTE_MARK.match(ln.text) and ln.base is not None and ln.y0 > 0.6 * height]
    if not marks:
        return lines
    taken: set[int] = set()
    for mark in marks:
        if any(other is not mark and mark.x0 - 2 * mark.size <= other.x1 <= mark.x0 + 0.5 and
               other.y0 < mark.y1 and mark.y0 < other.y1 for other in lines):
            continue
        for ln in lines:
            if ln is mark or ln.lead_mark or ln.base is None or id(ln) in taken or len(ln.text) < 15 or \
                    not re.match(r"[A-Za-z(“\"]", ln.text) or ln.math_chars > 0.2 * len(ln.text):
                continue
            if -0.5 <= ln.x0 - mark.x1 <= 3 * ln.size and mark.size <= 0.8 * ln.size and \
                    ln.y0 - 0.4 * ln.size <= mark.y0 and mark.y1 <= ln.y1 + 1 and mark.base < ln.base - 0.15 * ln.size:
                ln.lead_mark = mark.text
                ln.text = mark.text + ln.text
                ln.x0 = mark.x0
                ln.spans[:0] = mark.spans
                taken.add(id(mark))
                break
    return [ln for ln in lines if id(ln) not in taken]


def test_lead_marks_found_by_bisection_as_by_the_full_scan():
    texts = ["1", "2", "12", "*", "†", "https://www.kaggle.com/c/", "The effect of the model on the data",
             "(see the appendix for more)", "“quoted words in a row”", "3.2 0.41 0.55 0.61", "short"]
    rng = random.Random(11)
    attached = 0
    for _ in range(400):
        height = 792.0
        lines = [_line(rng, height, texts) for _ in range(rng.randint(1, 60))]
        # a mark set right before a line of words now and then, as a footnote's
        for ln in list(lines):
            if len(ln.text) >= 15 and ln.base is not None and rng.random() < 0.3:
                lines.append(Line(page=0, x0=ln.x0 - 3, y0=ln.y0 - 1, x1=ln.x0 - 0.2, y1=ln.y0 + 4, text="3",
                                  size=0.5 * ln.size, bold=False, italic=False, math_chars=0,
                                  base=ln.base - 0.3 * ln.size, spans=[(ln.x0 - 3, ln.x0, "3", "")]))
        rng.shuffle(lines)
        before = _lead_marks_before(copy.deepcopy(lines), height)
        after = _attach_lead_marks(copy.deepcopy(lines), height)
        assert after == before
        attached += sum(1 for ln in after if ln.lead_mark)
    assert attached > 20  # (the random pages do attach marks)


def test_white_boxes_weighed_against_level_lines_as_against_all():
    rng = random.Random(12)
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    texts = ["Figure 3: The white ground of a plot", "we show that the model is trained on the data and then tested",
             "0.41 0.55", "Table 2: Results", "and the results of the experiments are shown in the tables below"]
    behind, across = parse._behind_text, parse._across_text
    for _ in range(150):
        lines = [_line(rng, 792.0, texts) for _ in range(rng.randint(0, 50))]
        marks = []
        for _ in range(rng.randint(1, 40)):
            x0, y0 = rng.uniform(0, 600), rng.uniform(0, 780)
            box = (x0, y0, x0 + rng.uniform(0, 400), y0 + rng.uniform(0, 500))
            marks.append(("fill-path", box, None, rng.random() < 0.6))
        fast = _graphic_boxes(page, lines, marks=marks, seen=[])
        try:  # the checks given every line of the page, as before
            parse._behind_text = lambda box, level, area: behind(box, lines, area)
            parse._across_text = lambda box, level: across(box, lines)
            slow = _graphic_boxes(page, lines, marks=marks, seen=[])
        finally:
            parse._behind_text, parse._across_text = behind, across
        assert fast == slow


def test_white_paint_told_from_near_white_as_by_the_colour_conversion():
    from pymupdf import mupdf

    from paperkit.reading.ink import page_marks

    # (no component within a rounding of the bound: MuPDF's conversions may differ in the last digits)
    rng = random.Random(14)
    doc = pymupdf.open()
    page = doc.new_page()
    colours = []
    for i in range(300):
        colour = tuple(rng.choice([1.0, 0.9995, 0.99, 0.5, 0.0]) for _ in range(rng.choice([1, 3, 4])))
        colours.append(colour)
        x, y = rng.uniform(0, 500), rng.uniform(0, 700)
        page.draw_rect(pymupdf.Rect(x, y, x + 20, y + 10), color=None if i % 2 else colour, fill=colour if i % 2 else None)
    spaces = {1: mupdf.FzColorspace.Fixed_GRAY, 3: mupdf.FzColorspace.Fixed_RGB, 4: mupdf.FzColorspace.Fixed_CMYK}
    rgb = mupdf.FzColorspace(mupdf.FzColorspace.Fixed_RGB)
    want = []
    for colour in colours:  # (MuPDF's conversion of the colour to RGB, within a rounding of white)
        converted = mupdf.fz_convert_color(mupdf.FzColorspace(spaces[len(colour)]), list(colour), rgb,
                                           mupdf.FzColorspace(), mupdf.FzColorParams())
        want.append(all(c >= 0.998 for c in converted[:3]))
    got = [white for _, _, _, white in page_marks(page)]
    assert got == want
    assert 0 < sum(got) < len(got)
