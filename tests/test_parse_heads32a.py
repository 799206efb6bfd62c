"""Headings in the text's own plain type, set apart by colour alone (a Springer journal's LaTeX class:
"6.3. Axis-agnostic triad fusion" in blue right over "6.3.1 Select a proper reference vector", then the
paragraph in black, all at the text's pitch), drawn here on a two-column page."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from tests.pdf_pages import reparse as _parse
from tests.test_parse_crops15b import _flush

BLUE = (0x46 / 255, 0x7E / 255, 0xA6 / 255)
WORDS = ("the filter keeps the estimate of the tilt close to the measured one while the yaw is carried "
         "over from the odometry of the legs and the inertial unit in every step of the walk").split()
LEFT, RIGHT, PITCH = (57.0, 287.0), (308.0, 538.0), 13.0


class Column:
    """A column written top to bottom, a row every `PITCH` points unless told."""

    def __init__(self, page, edges: tuple[float, float], top: float = 60.0):
        self.page, (self.x0, self.x1), self.y, self.k = page, edges, top, 0

    def heading(self, number: str, title: str, bold: bool = False) -> None:
        if bold:
            self.page.insert_text((self.x0, self.y), f"{number}  {title}", fontname="tibo", fontsize=10)
        else:
            self.page.insert_text((self.x0, self.y), number, fontname="tiro", fontsize=9.96, color=BLUE)
            x = self.x0 + pymupdf.get_text_length(number, fontname="tiro", fontsize=9.96) + 10
            self.page.insert_text((x, self.y), title, fontname="tiro", fontsize=10.46, color=BLUE)
        self.y += PITCH

    def paragraph(self, rows: int = 5, end: str = ".") -> None:
        for r in range(rows):
            x = self.x0 + (10 if r == 0 else 0)
            line = ""
            while pymupdf.get_text_length(line + WORDS[self.k % len(WORDS)] + " ", fontname="tiro",
                                          fontsize=9.96) < self.x1 - x:
                line += WORDS[self.k % len(WORDS)] + " "
                self.k += 1
            line = line.strip()
            if r == 0:
                line = line[0].upper() + line[1:]
            if r == rows - 1:
                line = " ".join(line.split()[:5]) + end
            self.page.insert_text((x, self.y), line, fontname="tiro", fontsize=9.96)
            self.y += PITCH

    def skip(self, points: float) -> None:
        self.y += points


def _paper():
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=792)
    page.insert_text((120, 40), "Fusing Tilt and Yaw for Legged Robots", fontname="tibo", fontsize=16)
    left = Column(page, LEFT, top=80)
    left.heading("1.", "INTRODUCTION", bold=True)
    left.skip(5)
    left.paragraph(8)
    left.skip(10)
    left.heading("2.", "TILT OBSERVER", bold=True)
    left.skip(5)
    left.paragraph(8)
    left.skip(10)
    left.heading("2.1.", "Definition of the State Variables")
    left.skip(5)
    left.paragraph(8)
    left.skip(10)
    left.heading("2.2.", "Definition of the Filter")
    left.skip(5)
    left.paragraph(8)
    right = Column(page, RIGHT, top=60)
    # a section's heading right over its first subsection's, then the paragraph: all at the pitch
    right.heading("2.3.", "Axis-agnostic triad fusion")
    right.heading("2.3.1", "Select a proper reference vector and frame")
    right.paragraph(8)
    right.skip(10)
    # a subsection's short title ending on a full stop, on its own row
    right.heading("2.3.2", "Build two right-handed bases.")
    right.skip(5)
    right.paragraph(6)
    right.skip(10)
    right.heading("3.", "LEG ODOMETRY", bold=True)
    right.skip(5)
    right.paragraph(8)
    return doc


def _numbers(paper) -> dict[str, str]:
    return {s.number: s.title for s in paper.sections}


def test_a_heading_right_over_its_first_subsections_heading_is_two_headings():
    numbers = _numbers(_parse(_paper()))
    assert numbers.get("2.3") == "Axis-agnostic triad fusion"
    assert numbers.get("2.3.1") == "Select a proper reference vector and frame"


def test_a_short_subsection_title_may_end_on_a_full_stop():
    numbers = _numbers(_parse(_paper()))
    assert numbers.get("2.3.2", "").rstrip(".") == "Build two right-handed bases"


def test_the_paragraphs_under_the_coloured_headings_keep_their_text():
    paper = _parse(_paper())
    titles = [s.title for s in paper.sections]
    assert not any(len(t) > 60 for t in titles)
    assert "3" in _numbers(paper)


# ─────────────── a lemma's numbered items in italics, past the next section's number ───────────────


def _report_with_lemma():
    # A 2003 technical report: sections numbered in 14 pt bold, a lemma's items "1." ... "9." in the
    # text's 11 pt italics under section 2, one on a row of its own.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    y = 80.0

    def row(text, font="tiro", size=11.0, x=72.0, gap=14.0):
        nonlocal y
        page.insert_text((x, y), text, fontname=font, fontsize=size)
        y += gap

    def paragraph(rows=4):
        for r in range(rows):
            row(" ".join(WORDS[r * 3:r * 3 + 14]) + ("." if r == rows - 1 else ""), x=72 if r else 88)

    row("Convexity and Classification Bounds", "tibo", 17, x=150, gap=40)
    row("1   Introduction", "tibo", 14.35, gap=22)
    paragraph(5)
    y += 14
    row("2   Relating the risks", "tibo", 14.35, gap=22)
    paragraph(4)
    row("Lemma 5. The functions have the following properties:", "tiit", gap=18)
    row("1. The function is symmetric about one half for every value.", "tiit", x=88, gap=18)
    row("4. The function is concave on the interval and for every value it satisfies", "tiit", x=88, gap=30)
    row("5. The function is continuous on the interval.", "tiit", x=88, gap=18)
    row("9. The following statements are equivalent:", "tiit", x=88, gap=18)
    row("(a) The loss is calibrated.", "tiit", x=104, gap=24)
    paragraph(4)
    y += 14
    row("3   Further analysis", "tibo", 14.35, gap=22)
    paragraph(5)
    return doc


def test_a_lemmas_items_past_the_next_sections_number_are_no_sections():
    numbers = [s.number for s in _parse(_report_with_lemma()).sections]
    assert numbers == ["1", "2", "3"]


# ─────────────── a bold lead filling its row over a one-row paragraph and a listing ───────────────


def _steps_page():
    # ACL 2026: "Step 2: Code Movement (d60a490, Nov 2018)" in bold, justified across the column,
    # its paragraph's one row right under it, then a listing in small monospace.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 60), "Tracing Vulnerabilities to Their Origins", fontname="tibo", fontsize=15)
    x0 = 72.0
    lead = "Step 2: Code Movement (d60a490, Nov 2018)"
    x1 = x0 + pymupdf.get_text_length(lead, fontname="tibo", fontsize=11) + 8
    y = 100.0
    page.insert_text((x0, y), "1  Introduction", fontname="tibo", fontsize=12)
    y += 18
    for r in range(12):
        _flush(page, x0, x1, y, " ".join(WORDS[r:r + 9]), 11)
        y += 13.6
    y += 10
    _flush(page, x0, x1, y, lead, 11, font="tibo")
    y += 13.6
    _flush(page, x0, x1, y, "Code extracted to another file, keeping the pattern.", 11)
    y += 18
    for code in ('if ("none".equals(alg.getName())) {', "    alg = null;  // STILL UNSAFE", "}"):
        page.insert_text((x0 + 4, y), code, fontname="cour", fontsize=6.5)
        y += 8
    y += 12
    for r in range(8):
        _flush(page, x0, x1, y, " ".join(WORDS[r + 3:r + 12]), 11)
        y += 13.6
    return doc


def test_a_bold_lead_justified_over_a_one_row_paragraph_is_no_heading():
    titles = [s.title for s in _parse(_steps_page()).sections]
    assert not any(t.startswith("Step 2") for t in titles)


# ─────────────── an abstract on a tinted band short of the page's sides ───────────────


def _annual_review_page():
    # Annual Reviews' draft class: page 1's abstract, its label and the keywords on a tinted band
    # 45 pt in from the left side and 36 from the right, the journal's margin notes beside them.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    y = 120.0
    for row in ("Markov Chain Monte Carlo", "Methods for Bayesian Data", "Analysis in Astronomy"):
        page.insert_text((261, y), row, fontname="tibo", fontsize=20)
        y += 24
    page.insert_text((261, 196), "Sanjib Sharma", fontname="tibo", fontsize=12)
    for k, note in enumerate(("Annu. Rev. Astron. Astrophys. 2017.", "55:1-49", "This article's doi:",
                              "Copyright 2017 by Annual Reviews.", "All rights reserved")):
        page.insert_text((91, 434 + 9 * k), note, fontname="tiro", fontsize=7)
    page.insert_text((261, 436), "Keywords", fontname="hebo", fontsize=9, color=(0.7, 0.1, 0.1))
    page.insert_text((261, 452), "Methods: data analysis, numerical statistical", fontname="tiro", fontsize=9)
    page.insert_text((261, 475), "Abstract", fontname="hebo", fontsize=9, color=(0.7, 0.1, 0.1))
    text = ("Markov chain Monte Carlo based Bayesian data analysis has now become the method of choice for "
            "analyzing and interpreting data in almost all disciplines of science and in astronomy over the "
            "last decade we have also seen a steady increase in the number of papers that employ it and "
            "new efficient methods are continuously being developed and explored in this review.").split()
    y, k = 496.0, 0
    while k < len(text):
        row = ""
        while k < len(text) and pymupdf.get_text_length(row + text[k] + " ", fontname="tiro", fontsize=9) < 284:
            row += text[k] + " "
            k += 1
        page.insert_text((261, y), row.strip(), fontname="tiro", fontsize=9)
        y += 12
    page.draw_rect(pymupdf.Rect(45, 413, 576, y + 2), color=None, fill=(0.96, 0.94, 0.88), overlay=False)
    later = doc.new_page(width=612, height=792)
    later.insert_text((72, 80), "1. INTRODUCTION", fontname="hebo", fontsize=11)
    y = 100.0
    for r in range(30):
        later.insert_text((72, y), " ".join(WORDS[r % 10:r % 10 + 14]) + ("." if r % 6 == 5 else ""),
                          fontname="tiro", fontsize=10)
        y += 12
    return doc


def test_an_abstract_on_a_tinted_band_short_of_the_pages_sides_is_the_abstract():
    abstract = _parse(_annual_review_page()).abstract or ""
    assert abstract.startswith("Markov chain Monte Carlo based Bayesian data analysis")


# ─────────────── a plot's tiny type after the references ───────────────


def _references_then_plot_text():
    # A figure's page after the references (arXiv 2020, dvips): its panels' titles and tick labels in
    # 3 pt Type 3 fonts, left among the text's blocks.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((125, 80), "Deep Investing in the Kyle Model", fontname="tibo", fontsize=17)
    page.insert_text((125, 120), "1   Conclusion", fontname="tibo", fontsize=14)
    y = 140.0
    for r in range(20):
        page.insert_text((125, y), " ".join(WORDS[r % 10:r % 10 + 12]) + ("." if r % 5 == 4 else ""),
                         fontname="tiro", fontsize=10)
        y += 12
    page.insert_text((125, y + 20), "References", fontname="tibo", fontsize=14)
    page.insert_text((125, y + 44), "[1] Albert S. Kyle. Continuous auctions and insider trading. Econometrica, 1985.",
                     fontname="tiro", fontsize=10)
    plot = doc.new_page(width=612, height=792)
    for k, y in enumerate((180, 250, 320)):
        plot.insert_text((375, y), 'Location of "bend" in the insider order function', fontname="helv", fontsize=3)
        plot.insert_text((375, y + 60), "−3.0 −2.0 −1.0 −0.5 0.0 1.0 2.0 3.0", fontname="helv", fontsize=2.5)
    return doc


def test_a_plots_tiny_type_after_the_references_is_no_entry():
    paper = _parse(_references_then_plot_text())
    assert [r.text for r in paper.bibliography] == [
        "[1] Albert S. Kyle. Continuous auctions and insider trading. Econometrica, 1985."]
