"""Misses left on the tune corpus in session 31 (body text, headings), each on pages drawn here."""

from __future__ import annotations

import pymupdf

import paperkit.reading.parse as P
from tests.test_parse_sent19 import _prose as prose_lines
from tests.pdf_pages import reparse as _parse

LEFT, RIGHT, SIZE, PITCH = 50.0, 300.0, 10.0, 12.0


def _paragraph(page, y: float, n: int, last: str = "and so the paragraph ends here.") -> float:
    """A paragraph of the column: its first line indented an em, n lines in all, the last one short
    and ending its sentence; the baseline after it."""
    y = prose_lines(page, LEFT + SIZE, y, 1, size=SIZE, pitch=PITCH, width=RIGHT - LEFT - SIZE)
    y = prose_lines(page, LEFT, y, n - 2, size=SIZE, pitch=PITCH, width=RIGHT - LEFT, start=9)
    page.insert_text((LEFT, y), last, fontname="tiro", fontsize=SIZE)
    return y + PITCH


def _centred(page, y: float, text: str) -> None:
    width = pymupdf.get_text_length(text, fontname="tiro", fontsize=SIZE)
    page.insert_text(((LEFT + RIGHT - width) / 2, y), text, fontname="tiro", fontsize=SIZE)


def _plain_headings_paper():
    """Title, abstract and four headings in plain 10 pt Times, set apart by 3 pt of space alone;
    the outline names them (hyperref leaves the numbers out)."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((LEFT, 60), "Temporal Behaviour of Things in General", fontname="tiro", fontsize=20)
    page.insert_text((LEFT, 84), "Alice Smith, Independent Researcher", fontname="tiro", fontsize=11)
    page.insert_text((LEFT, 110), "Abstract\u2014We study things in general and find that they behave well.",
                     fontname="tiro", fontsize=9)
    y = 150.0
    _centred(page, y, "I. Introduction")
    y = _paragraph(page, y + 15, 8)
    page.insert_text((LEFT, y + 6), "A. Relationship to Prior Papers", fontname="tiro", fontsize=SIZE)
    y = _paragraph(page, y + 21, 7)
    _centred(page, y + 6, "II. Background")
    page.insert_text((LEFT, y + 21), "A. Rolling Windows in Operations", fontname="tiro", fontsize=SIZE)
    y = _paragraph(page, y + 36, 9, last="and the background ends here.")
    prose_lines(page, 312, 150, 50, size=SIZE, pitch=PITCH, width=250, start=30)  # the right column
    page = doc.new_page(width=612, height=792)
    page.insert_text((LEFT, 80), "References", fontname="tiro", fontsize=SIZE)
    for k in range(5):
        page.insert_text((LEFT, 96 + 10 * k), f"[{k + 1}] A. Author, A paper about things, 20{10 + k}.",
                         fontname="tiro", fontsize=8)
    doc.set_toc([[1, "Introduction", 1], [2, "Relationship to Prior Papers", 1], [1, "Background", 1],
                 [2, "Rolling Windows in Operations", 1], [1, "References", 2]])
    return doc


def test_headings_in_the_texts_own_type_stand_apart_from_their_paragraphs():
    # IEEEtran preprint in plain type: "I. Introduction" centred over its paragraph's indented first
    # line, 15 pt baseline to baseline where the paragraph's lines stand 12 apart, was read as the
    # paragraph's first line: the outline's entry found no heading, the paragraph began "I.
    # Introduction The ...". Likewise "II. Background" right over "A. Rolling Windows ...".
    paper = _parse(_plain_headings_paper())
    got = [(s.number, s.title) for s in paper.sections if s.title and s.title != "References"]
    assert got == [("I", "Introduction"), ("A", "Relationship to Prior Papers"), ("II", "Background"),
                   ("A", "Rolling Windows in Operations")]
    for s in paper.sections:
        for p in s.paragraphs:
            assert not p.text.startswith(("I.", "A.", "II.")), p.text[:60]


def test_a_lettered_list_item_filling_its_row_stays_one_paragraph():
    # A lettered item whose first row fills the column before its hanging indent is no heading,
    # though the line under it stands indented.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((LEFT, 60), "A Paper", fontname="tibo", fontsize=16)
    page.insert_text((LEFT, 90), "1 Introduction", fontname="tibo", fontsize=12)
    y = _paragraph(page, 110, 6)
    first = "A. The first option keeps the workers busy all day while the"
    assert pymupdf.get_text_length(first, fontname="tiro", fontsize=SIZE) > RIGHT - LEFT - 4 * SIZE
    page.insert_text((LEFT, y + 3), first, fontname="tiro", fontsize=SIZE)
    page.insert_text((LEFT + SIZE, y + 18), "master waits for the disks to finish their work.",
                     fontname="tiro", fontsize=SIZE)
    _paragraph(page, y + 33, 5)
    paper = _parse(doc)
    texts = [p.text for s in paper.sections for p in s.paragraphs]
    assert any("the first option keeps the workers busy all day while the master waits" in t.lower() for t in texts)


def test_a_colour_band_down_the_page_is_no_figure():
    # A magazine's opening page (IEEE Internet Computing): an image 180 pt wide down the left side
    # of the page, bleeding off its top and bottom, the authors' names printed on it; the title
    # runs from over the band across the page. As a drawing, the band grew over the title and took
    # in every line of the page as its labels: the introduction was lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 20, 100), False)
    pix.set_rect(pix.irect, (150, 60, 140))
    page.insert_image(pymupdf.Rect(9, -9, 189, 804), pixmap=pix)
    page.insert_text((131, 260), "Globally Distributed", fontname="hebo", fontsize=50)
    page.insert_text((131, 320), "Things and Stuff", fontname="hebo", fontsize=50)
    page.insert_text((57, 445), "Alice Smith, Bob Jones,", fontname="hebo", fontsize=9)
    page.insert_text((57, 457), "Carol White", fontname="hebo", fontsize=9)
    prose_lines(page, 204, 445, 24, size=10, pitch=12, width=165)
    opening = "when we launched the system in early spring it"
    prose_lines(page, 385, 445, 24, size=10, pitch=12, width=165, start=40, first=opening)
    page = doc.new_page(width=612, height=792)
    page.insert_text((204, 80), "Existing Approaches", fontname="hebo", fontsize=13)
    prose_lines(page, 204, 100, 30, size=10, pitch=12, width=330, start=80)
    assert P._graphic_boxes(doc[0], P._page_lines(doc[0], 0)) == []
    paper = _parse(doc)
    texts = " ".join([paper.abstract or ""] + [p.text for s in paper.sections for p in s.paragraphs])
    assert opening in texts.lower()


def _page_of_prose(doc):
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 60), "A Study of Masked Things", fontname="tibo", fontsize=16)
    page.insert_text((72, 90), "1 Introduction", fontname="tibo", fontsize=12)
    return page


def test_a_readers_note_between_the_lines_is_no_text():
    # A reader's free-text annotation printed into the page (CVPR 2022, a student's copy): "ordinary
    # or standard" in 8 pt, grey-blue, written between two lines of a paragraph, reaching into both.
    # It was read into the sentence: "allows for learning ordinary or standard high-capacity models".
    doc = pymupdf.open()
    page = _page_of_prose(doc)
    y = prose_lines(page, 72, 110, 6, size=10, pitch=14, width=440)
    page.insert_text((72, y), "our scalable approach allows for learning", fontname="tiro", fontsize=10)
    page.insert_text((72, y + 14), "high capacity models that generalize well and", fontname="tiro", fontsize=10)
    page.insert_text((200, y + 6), "ordinary or standard", fontname="helv", fontsize=8, color=(0.2, 0.2, 0.55))
    prose_lines(page, 72, y + 28, 8, size=10, pitch=14, width=440, start=20)
    texts = " ".join(p.text for s in _parse(doc).sections for p in s.paragraphs)
    assert "allows for learning high capacity models" in texts
    assert "ordinary" not in texts


def test_a_coloured_superscript_on_its_line_stays():
    # A link's superscript in colour, split off its line by the text layer, sits on that line (its
    # foot deep in it): the line's own, not a note between two lines.
    doc = pymupdf.open()
    page = _page_of_prose(doc)
    y = prose_lines(page, 72, 110, 6, size=10, pitch=10.5, width=440)
    page.insert_text((72, y), "as the survey shows", fontname="tiro", fontsize=10)
    page.insert_text((155, y - 4), "see", fontname="tiro", fontsize=7, color=(0, 0, 0.8))
    page.insert_text((168, y), "the workers keep their input", fontname="tiro", fontsize=10)
    prose_lines(page, 72, y + 10.5, 8, size=10, pitch=10.5, width=440, start=20)
    texts = " ".join(p.text for s in _parse(doc).sections for p in s.paragraphs)
    assert "see" in texts.split()


def test_a_shaded_summary_under_a_larger_plain_heading_is_text():
    # PLOS's "Author summary" at the foot of page 1: a grey box holding the heading in 12 pt regular
    # Arial and three lines of the summary in 10 pt. The heading's short row left too little of the
    # box's width covered to read it as a shaded paragraph, and nothing in it bold: it was a figure,
    # and the summary's lines its labels.
    doc = pymupdf.open()
    page = _page_of_prose(doc)
    prose_lines(page, 72, 110, 38, size=10, pitch=14, width=440)
    shape = page.new_shape()
    shape.draw_rect(pymupdf.Rect(62, 646, 540, 724))
    shape.finish(fill=(0.95, 0.95, 0.95), color=None)
    shape.commit()
    page.insert_text((72, 664), "Author summary", fontname="helv", fontsize=12)
    opening = "the brain is active even in the absence of external stimuli and"
    prose_lines(page, 72, 684, 3, size=10, pitch=14, width=450, start=30, first=opening)
    page = doc.new_page(width=612, height=792)
    prose_lines(page, 72, 80, 40, size=10, pitch=14, width=440, start=60)
    texts = " ".join(p.text for s in _parse(doc).sections for p in s.paragraphs)
    assert opening in texts


def test_a_subsection_number_apart_from_its_title_under_a_table_is_no_tick_label():
    # A Word paper (an ATM'22 challenge report): a ruled table of settings, then "3.3" and "Testing
    # protocols" in bold on one baseline, a tab between them, indented, 13 pt under the table's last
    # rule, the paragraph under them at the margin. The bare number was read as a tick label just
    # outside the table's frame: the table's box grew over it and took the title in too.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((125, 60), "An Airway Segmentation Method", fontname="tibo", fontsize=16)
    page.insert_text((125, 90), "3", fontname="tibo", fontsize=12)
    page.insert_text((150, 90), "Implementation Details", fontname="tibo", fontsize=12)
    page.insert_text((224, 112), "3.2", fontname="tibo", fontsize=10)
    page.insert_text((252, 112), "Training protocols", fontname="tibo", fontsize=10)
    y = prose_lines(page, 125, 132, 8, size=10, pitch=12, width=345)
    shape = page.new_shape()
    top = y + 10
    rows = [("Data augmentation", "flips and gamma"), ("Initialization", "he normal"), ("Batch size", "2"),
            ("Patch size", "256x256x16"), ("Training time", "5 hours")]
    for k, (name, value) in enumerate(rows):
        page.insert_text((135, top + 14 + 18 * k), name, fontname="tiro", fontsize=10)
        page.insert_text((280, top + 14 + 18 * k), value, fontname="tiro", fontsize=10)
    bottom = top + 18 * len(rows) + 4
    for rule in [top + 18 * k for k in range(len(rows))] + [bottom]:
        shape.draw_line((129, rule), (472, rule))
    shape.draw_line((129, top), (129, bottom))
    shape.draw_line((270, top), (270, bottom))
    shape.draw_line((472, top), (472, bottom))
    shape.finish(color=(0, 0, 0), width=0.6)
    shape.commit()
    page.insert_text((224, bottom + 22), "3.3", fontname="tibo", fontsize=10)
    page.insert_text((252, bottom + 22), "Testing protocols", fontname="tibo", fontsize=10)
    prose_lines(page, 125, bottom + 42, 8, size=10, pitch=12, width=345, start=12)
    sections = [(s.number, s.title) for s in _parse(doc).sections]
    assert ("3.3", "Testing protocols") in sections
