"""Headings of the twenty-seventh split's publisher and LaTeX papers, each shape drawn here with
PyMuPDF: a section number set off from its title by a vertical bar in the text's face, its long
subsection titles wrapped over four rows, its back matter's labels in capitals before the
bibliography's heading (Wiley); appendices numbered "Appendix 1" after an outline that ends at the
bibliography (Taylor & Francis); "ACKNOWLEDGMENT" typed in capitals at the text's size, centred
over its paragraph (IEEE conference); an italic lettered heading holding an upright math letter
(IEEE); an APA entry's line that opens on initials and a year (pandoc); a bold subsection number
with its title beside it under a figure's caption (USENIX)."""

from __future__ import annotations

import pymupdf

from tests.pdf_pages import reparse as _parse
from tests.test_parse_sent19 import WORDS, _prose


def _words(text: str, font: str, size: float) -> float:
    return pymupdf.get_text_length(text, fontname=font, fontsize=size)


def _barred(page, x: float, y: float, number: str, rows: list[str], size: float = 12.0) -> float:
    """A Wiley heading: the number in bold, " | " in the text's roman, the title in bold, wrapped
    onto `rows` flush with the number; returns the baseline under it."""
    page.insert_text((x, y), number, fontname="tibo", fontsize=size)
    x1 = x + _words(number, "tibo", size)
    page.insert_text((x1, y), " | ", fontname="tiro", fontsize=size)
    page.insert_text((x1 + _words(" | ", "tiro", size), y), rows[0], fontname="tibo", fontsize=size)
    for row in rows[1:]:
        y += size * 1.15
        page.insert_text((x, y), row, fontname="tibo", fontsize=size)
    return y


def _wiley_doc() -> pymupdf.Document:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((60, 80), "Characterizing preclinical models of a syndrome", fontname="tibo", fontsize=18)
    _prose(page, 60, 120, 8, size=10, pitch=13, width=470)
    y = _barred(page, 46, 250, "1", ["INTRODUCTION"])
    y = _prose(page, 46, y + 20, 20, size=10, pitch=13, width=240)
    y = _barred(page, 307, 250, "2", ["MATERIALS AND METHODS"])
    y = _barred(page, 307, y + 20, "2.1", ["Study design"])
    y = _prose(page, 307, y + 20, 8, size=10, pitch=13, width=240)
    y = _barred(page, 307, y + 12, "2.2", ["Differences in variables describing", "the severity of shock and of lung",
                                           "injury explain the majority of", "variance between animals"])
    _prose(page, 307, y + 20, 8, size=10, pitch=13, width=240)
    page = doc.new_page(width=595, height=842)
    y = _barred(page, 46, 80, "3", ["DISCUSSION"])
    y = _prose(page, 46, y + 20, 12, size=10, pitch=13, width=240)
    for label in ("DISCLOSURES", "AUTHORS' CONTRIBUTIONS"):
        page.insert_text((46, y + 12), label, fontname="tibo", fontsize=10)
        y = _prose(page, 46, y + 28, 3, size=10, pitch=13, width=240)
    page.insert_text((46, y + 12), "REFERENCES", fontname="tibo", fontsize=10)
    y += 28
    for k in range(1, 7):
        page.insert_text((46, y), f"{k}. Author A, Other B. A study of the model number {k}. J Physiol. 2019;{k}:1-9.",
                         fontname="tiro", fontsize=8)
        y += 11
    return doc


def test_a_bar_between_a_heading_number_and_its_title_sets_them_apart():
    # Wiley's Physiological Reports: "1 | INTRODUCTION", "2.1 | Study design" in 12 pt bold, the bar
    # and the spaces round it in the text's roman: no heading was read, the whole text before "3.4"
    # went into the abstract.
    got = [(s.number, s.title, s.level) for s in _parse(_wiley_doc()).sections]
    assert ("1", "INTRODUCTION", 1) in got
    assert ("2", "MATERIALS AND METHODS", 1) in got
    assert ("2.1", "Study design", 2) in got


def test_a_numbered_subsection_title_may_wrap_over_four_rows_of_a_narrow_column():
    # Wiley: "3.4 | Differences in variables describing the severity of shock and of lung injury
    # explain the majority of variance between animals", four rows of 12 pt bold in a column 240 pt
    # wide, was read as a paragraph.
    got = {s.number: s.title for s in _parse(_wiley_doc()).sections}
    assert got.get("2.2", "").startswith("Differences in variables describing the severity of shock")
    assert got["2.2"].endswith("variance between animals")


def test_back_matter_labels_in_capitals_before_the_bibliography_stand_at_its_level():
    # Wiley: "DISCLOSURES", "AUTHORS' CONTRIBUTIONS" in 10 pt bold capitals, then "REFERENCES" in
    # the same type, after 12 pt numbered sections: sections of the back matter, not paragraph
    # headings under "4 DISCUSSION".
    levels = {s.title: s.level for s in _parse(_wiley_doc()).sections}
    assert levels.get("DISCLOSURES") == 1
    assert levels.get("AUTHORS' CONTRIBUTIONS") == 1


def _tandf_doc(outline: bool) -> pymupdf.Document:
    doc = pymupdf.open()
    page = doc.new_page(width=486, height=720)
    page.insert_text((60, 80), "Generating missing values for simulation", fontname="tibo", fontsize=18)
    page.insert_text((60, 130), "1. Introduction", fontname="hebo", fontsize=11)
    _prose(page, 60, 150, 30, size=10.5, pitch=12.5, width=360)
    page = doc.new_page(width=486, height=720)
    page.insert_text((60, 60), "2. Conclusion", fontname="hebo", fontsize=11)
    y = _prose(page, 60, 80, 20, size=10.5, pitch=12.5, width=360)
    page.insert_text((60, y + 14), "References", fontname="hebo", fontsize=11)
    y += 34
    for k in range(1, 13):
        page.insert_text((60, y), f"[{k}]", fontname="tiro", fontsize=9.5)
        page.insert_text((80, y), f"Author A, Other B. A study of the method number {k}. Stat Comput. 2016;{k}:1-9.",
                         fontname="tiro", fontsize=9.5)
        y += 11
    page.insert_text((60, y + 14), "Appendices", fontname="hebo", fontsize=11)
    page.insert_text((60, y + 32), "Appendix 1", fontname="hebo", fontsize=11)
    _prose(page, 60, y + 50, 6, size=10.5, pitch=12.5, width=360)
    page = doc.new_page(width=486, height=720)
    page.insert_text((60, 60), "Appendix 2", fontname="hebo", fontsize=11)
    _prose(page, 60, 80, 10, size=10.5, pitch=12.5, width=360)
    if outline:
        doc.set_toc([[1, "1. Introduction", 1], [1, "2. Conclusion", 2], [1, "References", 2]])
    return doc


def test_an_appendix_numbered_with_a_digit_is_a_heading():
    # Taylor & Francis: "Appendix 1", "Appendix 2" in 11 pt bold on lines of their own.
    got = [(s.number, s.title) for s in _parse(_tandf_doc(outline=False)).sections]
    assert ("1", "Appendix") in got and ("2", "Appendix") in got


def test_appendices_after_an_outline_that_ends_at_the_bibliography_are_kept():
    # Taylor & Francis: the bookmarks end at "References"; "Appendices" over "Appendix 1" follows the
    # last entries on the page, in the bibliography heading's 11 pt bold beside 10.5 pt text: the
    # appendices after it were dropped with the outline.
    got = [(s.number, s.title) for s in _parse(_tandf_doc(outline=True)).sections]
    assert ("1", "Appendix") in got and ("2", "Appendix") in got


def test_a_centred_section_name_in_capitals_at_the_text_size_heads_its_paragraph():
    # An IEEE conference paper: "ACKNOWLEDGMENT" typed in 10 pt capitals (no small capitals),
    # centred in its column, a little space under it, over the paragraph's indented first line:
    # read as the paragraph's first words.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Thermal Soaring for Cooperative Gliders", fontname="tibo", fontsize=20)
    page.insert_text((54, 130), "I. INTRODUCTION", fontname="tiro", fontsize=10)
    y = _prose(page, 54, 145, 30, size=10, pitch=12, width=245)
    width = _words("ACKNOWLEDGMENT", "tiro", 10)
    page.insert_text((54 + (245 - width) / 2, y + 6), "ACKNOWLEDGMENT", fontname="tiro", fontsize=10)
    _prose(page, 64, y + 21, 1, size=10, pitch=12, width=235)
    _prose(page, 54, y + 33, 4, size=10, pitch=12, width=245, start=20)
    _prose(page, 313, 110, 50, size=10, pitch=12, width=245, start=3)
    titles = [s.title for s in _parse(doc).sections]
    assert "ACKNOWLEDGMENT" in titles


def test_an_upright_math_letter_leaves_an_italic_lettered_heading_italic():
    # ICRA (IEEEtran): "B. Estimation of h_max and k" in italics at 10 pt, the k a bold upright vector
    # from CMBX10: read as a paragraph.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "A Compliant Multimodule Climbing Robot", fontname="tibo", fontsize=20)
    y = 110
    for number, name in (("I.", "INTRODUCTION"), ("II.", "MODEL")):
        width = _words(f"{number} {name}", "tibo", 10)
        page.insert_text((54 + (245 - width) / 2, y + 10), f"{number} {name}", fontname="tibo", fontsize=10)
        y = _prose(page, 64, y + 25, 1, size=10, pitch=12, width=235)
        y = _prose(page, 54, y, 8, size=10, pitch=12, width=245, start=9)
    page.insert_text((54, y + 8), "A. Estimation of stiffness", fontname="tiit", fontsize=10)
    y = _prose(page, 64, y + 22, 1, size=10, pitch=12, width=235)
    y = _prose(page, 54, y, 6, size=10, pitch=12, width=245, start=9)
    text = "B. Estimation of height and "
    page.insert_text((54, y + 8), text, fontname="tiit", fontsize=10)
    page.insert_text((54 + _words(text, "tiit", 10), y + 8), "k", fontname="tibo", fontsize=10)
    y = _prose(page, 64, y + 22, 1, size=10, pitch=12, width=235)
    _prose(page, 54, y, 6, size=10, pitch=12, width=245, start=9)
    width = _words("III. RESULTS", "tibo", 10)
    page.insert_text((313 + (245 - width) / 2, 120), "III. RESULTS", fontname="tibo", fontsize=10)
    _prose(page, 323, 135, 1, size=10, pitch=12, width=235)
    _prose(page, 313, 147, 40, size=10, pitch=12, width=245, start=9)
    got = [(s.number, s.title) for s in _parse(doc).sections]
    assert ("B", "Estimation of height and k") in got


def test_an_entry_line_opening_on_initials_and_a_year_is_no_lettered_heading():
    # pandoc's APA references: "R. C. (2023). An aberrant abundance of Cronbach's" (the title in
    # italics), an entry's second line after "Hussey, I., Alsalti, T., ... & Arslan,", read as
    # appendix "R". TeX justifies the line word by word, so "(2023)." is a span of its own with no
    # letter in it: the line reads as italic but for its initials (an italic lettered heading's
    # shape), is split off as a block of its own, and the bibliography was cut there.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((150, 80), "Unreliable heterogeneity in meta-analysis", fontname="tibo", fontsize=18)
    page.insert_text((48, 130), "Introduction", fontname="tibo", fontsize=12)
    y = _prose(page, 48, 150, 30, size=10, pitch=12, width=480)
    page.insert_text((48, y + 10), "References", fontname="tibo", fontsize=12)
    y += 30
    for k, name in enumerate(("Baker", "Cohen", "Hussey", "Ioannidis", "Lord", "Schmidt")):
        page.insert_text((48, y), f"{name}, I., Alsalti, T., Bosco, F., Elson, M., & Arslan,", fontname="tiro", fontsize=10)
        x = 63.0
        for word in ("R.", "C.", "(2023)."):  # (set word by word, as TeX justifies a line: a span each)
            page.insert_text((x, y + 12), word, fontname="tiro", fontsize=10)
            x += _words(word + " ", "tiro", 10) + 1
        page.insert_text((x, y + 12), f"An aberrant abundance of values number {k}", fontname="tiit", fontsize=10)
        page.insert_text((63, y + 24), "alpha values at .70. ", fontname="tiit", fontsize=10)
        page.insert_text((63 + _words("alpha values at .70. ", "tiit", 10), y + 24), "PsyArXiv. https://doi.org/10.",
                         fontname="tiro", fontsize=10)
        page.insert_text((63, y + 36), "31234/osf.io/dm8xn", fontname="tiro", fontsize=10)
        y += 50
    numbers = [s.number for s in _parse(doc).sections]
    assert "R" not in numbers


def _tex_page(doc: pymupdf.Document, width: float, height: float):
    """A page whose Times faces are embedded ("R", "B", "I"), as pdfTeX embeds them; `_tex_metrics`
    then gives them the ascent and descent pdfTeX declares."""
    page = doc.new_page(width=width, height=height)
    for name, face in (("R", "tiro"), ("B", "tibo"), ("I", "tiit")):
        page.insert_font(fontname=name, fontbuffer=pymupdf.Font(face).buffer)
    return page


def _tex_metrics(doc: pymupdf.Document) -> pymupdf.Document:
    """Every embedded font declaring NimbusRomNo9L's ascent and descent (690, -209), as pdfTeX's
    Times does (PyMuPDF declares the font's whole box, 1044, -341): a 10 pt line's box 9 pt tall."""
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "Type")[1] == "/FontDescriptor":
            doc.xref_set_key(xref, "Ascent", "690")
            doc.xref_set_key(xref, "Descent", "-209")
    return doc


def _tex_prose(page, x: float, y: float, n: int, width: float, start: int = 0) -> float:
    """n lines of running text in the embedded roman at 10 pt on a 12 pt pitch."""
    k = start
    for _ in range(n):
        words: list[str] = []
        while _words(" ".join(words + [WORDS[k % len(WORDS)]]), "tiro", 10) < width:
            words.append(WORDS[k % len(WORDS)])
            k += 1
        page.insert_text((x, y), " ".join(words), fontname="R", fontsize=10)
        y += 12
    return y


def test_a_bold_number_with_its_title_beside_it_under_a_figure_is_no_tick_label():
    # OSDI (USENIX, pdfTeX's Times): "6.1.2" and "DPF Behavior with Mice Percentage" in 10 pt bold,
    # a quad apart, right under "Fig. 9: ..." under two plots and their panels' captions. The
    # centred caption starts within a point of the title's left edge, two lines over it, so the
    # title reads as a caption's line beside the number and the two stay apart; the box of the plot
    # over it, grown to hold its panel's caption "(a) ...", ends 23 pt over the number; and the
    # paragraph's first line is indented, its next line more than a line (9 pt boxes) under the
    # number. The bare "6.1.2" was taken as a tick label of that plot, and its title with it.
    doc = pymupdf.open()
    page = _tex_page(doc, 612, 792)
    page.insert_text((150, 70), "Privacy Budget Scheduling", fontname="B", fontsize=20)
    page.insert_text((55, 110), "6.1.1", fontname="B", fontsize=10)
    page.insert_text((85, 110), "DPF Behavior on a Single Block", fontname="B", fontsize=10)
    _tex_prose(page, 64, 124, 1, 230)
    _tex_prose(page, 54, 136, 4, 240, start=12)
    for x0, x1 in ((84, 166), (208, 290)):
        page.draw_rect(pymupdf.Rect(x0, 200, x1, 266), color=(0, 0, 0), width=0.8)
        page.draw_polyline([(x0 + 3, 256), (x0 + 30, 226), (x1 - 3, 206)], color=(1, 0, 0), width=1)
        for k, tick in enumerate(("0", "100", "200", "300")):
            page.insert_text((x0 + 1 + 25 * k, 274), tick, fontname="helv", fontsize=6.35)
    page.insert_text((97, 284), "N Parameter", fontname="helv", fontsize=6.35)
    page.insert_text((212, 284), "Pipeline Scheduling Delay", fontname="helv", fontsize=6.35)
    for x, label, name in ((57.4, "(a)", "Number of pipelines allocated."), (203.2, "(b)", "Scheduling delay.")):
        page.insert_text((x, 297), label, fontname="R", fontsize=7)
        page.insert_text((x + _words(label + " ", "tiro", 7), 297), name, fontname="B", fontsize=8)
    page.insert_text((85.6, 308.5), "Fig. 9:", fontname="R", fontsize=8)
    page.insert_text((85.6 + _words("Fig. 9: ", "tiro", 8), 308.5), "DPF and DPF-T behavior on multiple blocks.",
                     fontname="B", fontsize=8)
    page.insert_text((55, 328), "6.1.2", fontname="B", fontsize=10)
    page.insert_text((85, 328), "DPF Behavior with Mice Percentage", fontname="B", fontsize=10)
    _tex_prose(page, 64, 342, 1, 230)
    _tex_prose(page, 54, 354, 10, 240, start=12)
    got = [(s.number, s.title) for s in _parse(_tex_metrics(doc)).sections]
    assert ("6.1.2", "DPF Behavior with Mice Percentage") in got
