"""The thirty-eighth held-out split's sentences and sections, and tune papers failing the same ways.
A panel's caption set under its frame with the top of its line a hair over the frame's foot (Word:
"(a) work-item-level synchronization pseudo-code." under a framed listing, its line's box 0.006 pt
into the frame's) is the figure's, not a paragraph that stands between the two halves of a sentence
carried over the page. A line under a formula drawn as outlines in a row of prose is text, no label.
SIGCHI's fourth heading level is set in the regular weight of the headings' face. A line of
capitalised words holding an unnamed glyph is prose, no display. The short lines of a narrow
column are prose together, and the line under them, right over a plot, ends their sentence."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_fonts import mapped_glyph
from pdf_pages import WORDS, fill, holds, lines, paragraphs, section_page


def _panel(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """A framed panel: a box with boxes and arrows drawn inside."""
    page.draw_rect((x0, y0, x1, y1), color=(0, 0, 0), width=0.6)
    for k in range(4):
        bx = x0 + 10 + k * (x1 - x0 - 20) / 4
        page.draw_rect((bx, y0 + 8, bx + 30, y0 + 20), color=(0, 0, 1), width=0.5)
        page.draw_line((bx + 15, y0 + 20), (bx + 15, y1 - 8), color=(1, 0, 0), width=0.5)


def _caption_touching(page, x: float, foot: float, text: str) -> None:
    """A 9 pt line whose box's top stands 0.006 pt over `foot`."""
    ascent = pymupdf.Font("tiro").ascender * 9
    page.insert_text((x, foot - 0.006 + ascent), text, fontname="tiro", fontsize=9)


def test_a_panel_caption_touching_its_frame_is_the_figures_not_text_across_a_page_break(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 70), "Gravel: Fine-Grain Network Messages", fontname="tiro", fontsize=18)
    page.insert_text((54, 110), "1 Introduction", fontname="tibo", fontsize=11)
    y, k = lines(page, 54, 296, 128, 52, size=9)
    y, k = lines(page, 318, 560, 80, 58, size=9, start=k)
    page.insert_text((318, y), "First, it handles the issues that occur when exporting", fontname="tiro",
                     fontsize=9)
    page = doc.new_page(width=612, height=792)
    _panel(page, 55, 75, 297, 92)
    _caption_touching(page, 87, 92, "(a) work-item-level synchronization pseudo-code.")
    _panel(page, 55, 103, 297, 166)
    _caption_touching(page, 85, 166, "(b) work-group-level synchronization pseudo-code.")
    _panel(page, 55, 177, 297, 250)
    page.insert_text((63, 259), "(c) work-item-level behavior.    (d) work-group-level behavior.",
                     fontname="tiro", fontsize=9)
    page.insert_text((56, 272), "Figure 5. Work-item vs. work-group-level synchronization.", fontname="tibo",
                     fontsize=9)
    page.insert_text((54, 290), "messages from the hardware to the network interface. Second, the queue",
                     fontname="tiro", fontsize=9)
    lines(page, 54, 296, 301, 40, size=9, start=k)
    lines(page, 318, 560, 80, 58, size=9, start=k)
    doc.save(tmp_path / "panels.pdf")
    paper = parse_pdf(tmp_path / "panels.pdf")
    assert holds(paper, "First, it handles the issues that occur when exporting messages from the hardware "
                        "to the network interface."), paragraphs(paper)
    assert not any("synchronization pseudo-code" in p for p in paragraphs(paper)), paragraphs(paper)


def _formula_picture(page, x0: float, base: float, x1: float) -> None:
    """Letters of a formula drawn as filled outlines, no text, on a baseline: Word's math font
    printed as shapes, each letter a path of many short segments."""
    import math

    x = x0
    while x + 6 <= x1:
        top = base - (6.6 if (x - x0) % 32 < 8 else 4.9)
        points = [(x + 3 + 3 * math.cos(t / 20 * math.tau), (base + top) / 2 + (base - top) / 2 * math.sin(t / 20 * math.tau))
                  for t in range(40)]
        page.draw_polyline(points, color=None, fill=(0, 0, 0), closePath=True)
        x += 6


def test_a_line_under_a_formula_drawn_in_a_row_of_prose_is_text_and_a_heading_follows_it(tmp_path):
    # CHI 2010 (Word 2007): "Pavg=Vrms ×Irms, where Vrms is derived from the line" / "voltage.",
    # the formula's letters drawn as outlines; the drawing took "voltage." in as a label, the row
    # over the heading ended "the line", and "SENSOR PERFORMANCE EVALUATION" (9 pt bold, as every
    # section name) was read as a line of the paragraph.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((120, 70), "A Contactless Power Sensor", fontname="tiro", fontsize=18)
    y = 110.0
    k = 0
    for name in ("INTRODUCTION", "RELATED WORK"):
        page.insert_text((54, y), name, fontname="hebo", fontsize=9)
        y, k = lines(page, 54, 297, y + 12, 8, start=k)
        y += 4
    page.insert_text((54, y), "Finally, we then calculate the average power as follows:", fontname="tiro",
                     fontsize=10)
    row = y + 15
    _formula_picture(page, 54, row - 1.5, 78)
    page.insert_text((79, row), "=", fontname="tiro", fontsize=10)
    _formula_picture(page, 86, row - 1.5, 110)
    page.insert_text((111, row), "\u00d7", fontname="tiro", fontsize=10)
    _formula_picture(page, 118, row - 1.5, 141)
    _formula_picture(page, 174, row - 1.5, 198)
    page.insert_text((140, row), ", where", fontname="tiro", fontsize=10)
    page.insert_text((199, row), "is derived from the line", fontname="tiro", fontsize=10)
    page.insert_text((54, row + 12), "voltage.", fontname="tiro", fontsize=10)
    page.insert_text((54, row + 28), "SENSOR PERFORMANCE EVALUATION", fontname="hebo", fontsize=9)
    y, k = lines(page, 54, 297, row + 40, 10, start=k)
    page.insert_text((54, y + 4), "CONCLUSION", fontname="hebo", fontsize=9)
    lines(page, 54, 297, y + 16, 6, start=k)
    doc.save(tmp_path / "formula.pdf")
    paper = parse_pdf(tmp_path / "formula.pdf")
    titles = [s.title for s in paper.sections]
    assert "SENSOR PERFORMANCE EVALUATION" in titles, titles
    assert holds(paper, "is derived from the line voltage."), paragraphs(paper)


def test_a_fourth_level_in_the_regular_weight_of_sigchis_heading_face_is_a_heading(tmp_path):
    # UIST 2009 (SIGCHI in Word): sections in capitals in 9 pt Arial bold, subsections in its bold
    # in mixed case, subsubsections in its italics, and under "Part A: Hands-Free Finger Gestures"
    # a fourth level in its regular weight, "Hands-Free Training Phase", over 10 pt Times: read as
    # a paragraph of three words.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 70), "Always-Available Muscle Input", fontname="tiro", fontsize=18)
    y, k = 100.0, 0
    heads = (("INTRODUCTION", "hebo"), ("RELATED WORK", "hebo"), ("EXPERIMENT", "hebo"),
             ("Design and Procedure", "hebo"), ("Part A: Hands-Free Finger Gestures", "heit"),
             ("Hands-Free Training Phase", "helv"), ("Hands-Free Testing Phase", "helv"),
             ("Part B: Hands-Busy Finger Gestures", "heit"), ("Hands-Busy Training Phase", "helv"),
             ("DISCUSSION", "hebo"), ("CONCLUSION", "hebo"))
    for title, font in heads:
        if y > 700:
            page, y = doc.new_page(width=612, height=792), 70.0
        page.insert_text((54, y + 12), title, fontname=font, fontsize=9)
        y, k = lines(page, 54, 297, y + 23, 6, start=k)
        page.insert_text((54, y), "and so the sentence ends here.", fontname="tiro", fontsize=10)
        y += 6
    doc.save(tmp_path / "sigchi.pdf")
    titles = [(s.title, s.level) for s in parse_pdf(tmp_path / "sigchi.pdf").sections]
    for title in ("Hands-Free Training Phase", "Hands-Free Testing Phase", "Hands-Busy Training Phase"):
        assert (title, 4) in titles, titles
    assert ("Part A: Hands-Free Finger Gestures", 3) in titles, titles


def test_a_line_of_capitalised_words_opening_on_an_unnamed_glyph_goes_on_after_a_colon(tmp_path):
    # Cognition 2017: "... Human Face Categorization (minRT:" / "~260 ms) or Familiar Face
    # Recognition (minRT: ~360 ms). The", each tilde a symbol font's glyph the text layer cannot name
    # (U+FFFD). With fewer than four running words in lower case, the second line was read as a
    # display equation's piece, and the line over it, ending on a colon, ended its paragraph there.
    doc, page = section_page()
    last = "is largely known for either Human Face Categorization (minRT:"
    width = pymupdf.get_text_length(last, "helv", 10)  # (the line over the glyph's fills the column)
    rows = fill(WORDS * 2, width, "helv") + [last]
    y = 110.0
    for row in rows:
        page.insert_text((72, y), row, fontname="helv", fontsize=10)
        y += 14.5
    mapped_glyph(doc, page, 72, y, 10, "D800")
    x = 72 + 7
    page.insert_text((x, y), "260 ms) or Familiar Face Recognition (minRT:", fontname="helv", fontsize=10)
    x += pymupdf.get_text_length("260 ms) or Familiar Face Recognition (minRT: ", "helv", 10)
    mapped_glyph(doc, page, x, y, 10, "D800")
    page.insert_text((x + 7, y), "360 ms). The", fontname="helv", fontsize=10)
    for row in fill(WORDS, width, "helv") + ["and that is the end."]:
        y += 14.5
        page.insert_text((72, y), row, fontname="helv", fontsize=10)
    doc.save(tmp_path / "tilde.pdf")
    paper = parse_pdf(tmp_path / "tilde.pdf")
    assert holds(paper, "for either Human Face Categorization (minRT: 260 ms) or Familiar Face Recognition "
                        "(minRT: 360 ms)."), paragraphs(paper)


def test_a_narrow_columns_last_line_right_over_a_plot_ends_its_sentence(tmp_path):
    # A course report in Word 365: 11 pt text in a 140 pt column, "utility, with opportunities for"
    # / "enhancement through targeted" / "regularization or expanded data" / "diversity.", a plot's
    # image 0.7 pt under the last line. No line of the column had five words to count as prose, so
    # "diversity." was taken as the plot's label and grew its box over the line above it.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 60), "Pneumonia Classification", fontname="tiro", fontsize=18)
    page.insert_text((108, 90), "Results", fontname="tibo", fontsize=13)
    rows = ["Validation accuracy stabilized", "early in training, plateauing", "after initial improvements.",
            "While the plateau implies", "diminishing returns from", "extended training, the", "sustained accuracy level",
            "underscores retained baseline", "diagnostic utility, with", "opportunities for enhancement",
            "through careful and targeted", "regularization or expanded data", "diversity."]
    y = 110.0
    for row in rows:
        page.insert_text((108, y), row, fontname="tiro", fontsize=11)
        y += 13
    foot = y - 13 + 11 * 0.25  # (the last line's box's foot, about)
    top = foot + 0.7
    page.draw_rect((109, top, 306, top + 116), color=(0.6, 0.6, 0.6), width=0.5)
    for k in range(12):
        page.draw_line((115 + 15 * k, top + 100 - 5 * (k % 5)), (130 + 15 * k, top + 95 - 5 * ((k + 1) % 5)),
                       color=(0, 0.6, 0), width=1)
    page.insert_text((150, top + 135), "Figure 13: Model Accuracy plot", fontname="tiro", fontsize=11)
    y = top + 165
    for row in ("Transfer learning leverages", "pre-trained neural networks.", "They were trained on",
                "extensive datasets first."):
        page.insert_text((108, y), row, fontname="tiro", fontsize=11)
        y += 13
    doc.save(tmp_path / "narrow.pdf")
    paper = parse_pdf(tmp_path / "narrow.pdf")
    assert holds(paper, "with opportunities for enhancement through careful and targeted regularization or "
                        "expanded data diversity."), paragraphs(paper)
