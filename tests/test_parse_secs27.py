"""Section headings of the seventeenth split's papers, each on a page made here: a word processor's
heading marked by an underline alone, a numbered heading atop a page whose number a running-head
rule took, an italic heading wrapped under its title, capitals over a subheading, an appendix's
label over its title, and more."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.pdf_pages import lines, section_page


def _titles(paper) -> list[tuple[str | None, str]]:
    return [(s.number, s.title) for s in paper.sections]


def _underlined_page(path, underline: bool) -> None:
    """A Word paper: an unnumbered bold section, then "1. Autonomous Learning of Attacks" in the
    text's own type, the title (not the number) underlined by a filled hairline."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "Evaluation of Approach", fontname="tibo", fontsize=11)
    y, k = lines(page, 72, 540, 92, 4, size=11)
    page.insert_text((72, y + 14), "1.", fontname="tiro", fontsize=11)
    page.insert_text((90, y + 14), "Autonomous Learning of Attacks", fontname="tiro", fontsize=11)
    if underline:
        width = pymupdf.get_text_length("Autonomous Learning of Attacks", fontname="tiro", fontsize=11)
        page.draw_rect(pymupdf.Rect(90, y + 15.5, 90 + width, y + 16.25), color=None, fill=(0, 0, 0))
    y, k = lines(page, 72, 540, y + 40, 6, size=11, start=k)
    page.insert_text((72, y + 14), "2.", fontname="tiro", fontsize=11)
    page.insert_text((90, y + 14), "Recognition of New Attacks", fontname="tiro", fontsize=11)
    if underline:
        width = pymupdf.get_text_length("Recognition of New Attacks", fontname="tiro", fontsize=11)
        page.draw_rect(pymupdf.Rect(90, y + 15.5, 90 + width, y + 16.25), color=None, fill=(0, 0, 0))
    lines(page, 72, 540, y + 40, 6, size=11, start=k)
    doc.save(path)


def test_underlined_numbered_heading_in_text_type(tmp_path):
    path = tmp_path / "underlined.pdf"
    _underlined_page(path, underline=True)
    titles = _titles(parse_pdf(path))
    assert ("1", "Autonomous Learning of Attacks") in titles
    assert ("2", "Recognition of New Attacks") in titles


def test_numbered_line_without_underline_stays_text(tmp_path):
    path = tmp_path / "plain.pdf"
    _underlined_page(path, underline=False)
    titles = _titles(parse_pdf(path))
    assert ("1", "Autonomous Learning of Attacks") not in titles


def test_numbered_heading_atop_pages_keeps_its_number(tmp_path):
    """A word processor sets "2." and "Transactions" apart on one row at the top of a page, as it
    does "4." on another: the numbers at one height on page after page are the headings', not page
    numbers."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "A Peer-to-Peer Electronic Cash System", fontname="tibo", fontsize=16)
    page.insert_text((108, 130), "1.", fontname="tibo", fontsize=11.5)
    page.insert_text((133, 130), "Introduction", fontname="tibo", fontsize=11.5)
    k = 0
    _, k = lines(page, 108, 506, 150, 30, size=10, start=k)
    for number, title in (("2.", "Transactions"), ("3.", "Timestamp Server"), ("4.", "Proof-of-Work")):
        page = doc.new_page(width=612, height=792)
        page.insert_text((108, 92), number, fontname="tibo", fontsize=11.5)
        page.insert_text((133, 92), title, fontname="tibo", fontsize=11.5)
        _, k = lines(page, 108, 506, 112, 40, size=10, start=k)
    path = tmp_path / "tops.pdf"
    doc.save(path)
    titles = _titles(parse_pdf(path))
    assert ("2", "Transactions") in titles
    assert ("4", "Proof-of-Work") in titles


def _hung_heading_page(path, hang: float) -> None:
    """A journal's italic subsubsection in 10 pt over 9.5 pt text, broken by hand well short of the
    column's edge, its second line hung under the title past the number (`hang` from the number)."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "3 Methods", fontname="tibo", fontsize=12)
    y, k = lines(page, 72, 300, 92, 6, size=9.5)
    page.insert_text((72, y + 8), "3.2.2", fontname="tiit", fontsize=10)
    page.insert_text((72 + hang, y + 8), "Cost-Sensitive Dataspace Weighting", fontname="tiit", fontsize=10)
    page.insert_text((72 + hang, y + 21), "with Adaptive Boosting", fontname="tiit", fontsize=10)
    lines(page, 72, 300, y + 35, 8, size=9.5, start=k)
    doc.save(path)


def test_italic_heading_hung_under_its_title_goes_on(tmp_path):
    path = tmp_path / "hung.pdf"
    _hung_heading_page(path, 30)
    titles = _titles(parse_pdf(path))
    assert ("3.2.2", "Cost-Sensitive Dataspace Weighting with Adaptive Boosting") in titles


def _hashed_bold() -> bytes:
    """Times Bold under a hashed name that says no weight ("AdvOTcb88df00a1b", as a typesetter that
    renames its fonts embeds them), its program's weight rewritten to Regular."""
    from tests.test_parse_cairo13 import _unnamed_bold

    buffer = _unnamed_bold()
    assert buffer.count(b"NimbusRoman-Fett") == 1
    return buffer.replace(b"NimbusRoman-Fett", b"AdvOTcb88df00a1b")


def test_hashed_font_drawn_bold_beside_named_weights_is_bold(tmp_path):
    """A journal's section headings in a font with a hashed name, bold only in its glyphs, at the
    text's size: page 1 names a weight ("Helvetica-Bold" for its banner), which says nothing of a
    font whose name is a hash."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 60), "ARTICLE", fontname="hebo", fontsize=9)
    page.insert_text((72, 100), "Epidemic monitoring with surveys", fontname="tiro", fontsize=18)
    _, k = lines(page, 72, 540, 140, 30, size=9.5)
    for name in ("Methods", "Results", "Discussion"):
        page = doc.new_page(width=612, height=792)
        page.insert_font(fontname="F6", fontbuffer=_hashed_bold())
        xref = next(f[0] for f in page.get_fonts() if f[4] == "F6")
        doc.xref_set_key(xref, "BaseFont", "/AdvOTcb88df00a1b")
        y, k = lines(page, 72, 540, 72, 12, size=9.5, start=k)
        page.insert_text((72, y + 12), name, fontname="F6", fontsize=9.5)
        lines(page, 72, 540, y + 26, 12, size=9.5, start=k)
    path = tmp_path / "hashed.pdf"
    doc.save(path)
    titles = [title for _, title in _titles(parse_pdf(path))]
    assert "Methods" in titles and "Results" in titles and "Discussion" in titles, titles


def _appendix_page(path, label: str, title: str) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "1. INTRODUCTION", fontname="tibo", fontsize=12)
    y, k = lines(page, 72, 300, 92, 20, size=9)
    page.insert_text((72, y + 14), "2. CONCLUSIONS", fontname="tibo", fontsize=12)
    lines(page, 72, 300, y + 34, 10, size=9, start=k)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 66), label, fontname="tibo", fontsize=12)
    page.insert_text((72, 80), title, fontname="tibo", fontsize=12)
    lines(page, 72, 300, 100, 20, size=9, start=k)
    doc.save(path)


def test_appendix_label_over_its_title_is_a_heading_of_its_own(tmp_path):
    path = tmp_path / "appendix.pdf"
    _appendix_page(path, "APPENDIX", "A. PROOF OF CORRECTNESS")
    titles = _titles(parse_pdf(path))
    assert [t for _, t in titles].count("Appendix") == 1, titles
    assert ("A", "PROOF OF CORRECTNESS") in titles
    path = tmp_path / "spaced.pdf"
    _appendix_page(path, "A P P E N D I X", "RANDOM PROCESSES: BASIC CONCEPTS")
    titles = _titles(parse_pdf(path))
    assert (None, "Appendix") in titles and (None, "RANDOM PROCESSES: BASIC CONCEPTS") in titles, titles


def test_capitals_heading_over_subheading_are_two(tmp_path):
    """CHI's section in bold capitals right over its first subsection in bold upper and lower
    case, no space between: two headings, not one wrapped."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "INTRODUCTION", fontname="hebo", fontsize=9)
    y, k = lines(page, 72, 300, 84, 12, size=10)
    page.insert_text((72, y), "and so the paragraph ends.", fontname="tiro", fontsize=10)
    y += 12
    page.insert_text((72, y + 4), "USABILITY EVALUATION", fontname="hebo", fontsize=9)
    page.insert_text((72, y + 14.3), "Participants", fontname="hebo", fontsize=9)
    y, k = lines(page, 72, 300, y + 26, 8, size=10, start=k)
    page.insert_text((72, y + 4), "Method", fontname="hebo", fontsize=9)
    lines(page, 72, 300, y + 16, 8, size=10, start=k)
    path = tmp_path / "stacked.pdf"
    doc.save(path)
    titles = [t for _, t in _titles(parse_pdf(path))]
    assert "USABILITY EVALUATION" in titles and "Participants" in titles, titles


def test_bookmark_that_glued_words_is_named_as_printed(tmp_path):
    """A journal's outline glues "a" to the next word ("Study 2: the impact in acohort study"); the
    page prints the words apart, and the heading is named as printed."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "Background", fontname="tibo", fontsize=11)
    y, k = lines(page, 72, 300, 90, 8, size=10)
    page.insert_text((72, y + 10), "Study 2: the impact of low input DNA in a cohort study", fontname="tibi", fontsize=11)
    lines(page, 72, 300, y + 28, 8, size=10, start=k)
    doc.set_toc([[1, "Background", 1, 60], [1, "Study 2: the impact of low input DNA in acohort study", 1, y - 4]])
    path = tmp_path / "glued.pdf"
    doc.save(path)
    titles = [t for _, t in _titles(parse_pdf(path))]
    assert "Study 2: the impact of low input DNA in a cohort study" in titles, titles


def test_three_bold_labels_on_one_row_are_no_headings(tmp_path):
    """A figure's labels across a two-column page in bold at the text's size ("Intimate / Private",
    "Personal", "Social" over a scale's arrow): three on one row, no headings; a bold line alone in a
    column stays one."""
    doc, page = section_page()
    y, k = lines(page, 72, 300, 100, 4, size=10)
    page.insert_text((72, y), "and so the paragraph ends.", fontname="tiro", fontsize=10)
    page.insert_text((72, y + 24), "Design Space", fontname="tibo", fontsize=10)
    lines(page, 72, 300, y + 40, 8, size=10, start=k)
    lines(page, 312, 540, 100, 17, size=10, start=k)
    for x, label in ((98, "Intimate / Private"), (290, "Personal"), (466, "Social")):
        page.insert_text((x, 340), label, fontname="tibo", fontsize=10)
    page.insert_text((215, 364), "Increasing proxemic distance", fontname="tibo", fontsize=14)
    page.insert_text((90, 380), "Fig. 2. Design space of postures, for individual and collaborative use.",
                     fontname="tiro", fontsize=9)
    lines(page, 72, 300, 410, 12, size=10, start=k)
    lines(page, 312, 540, 410, 12, size=10, start=k + 40)
    path = tmp_path / "row.pdf"
    doc.save(path)
    titles = [t for _, t in _titles(parse_pdf(path))]
    assert "Design Space" in titles and not {"Personal", "Social", "Intimate / Private"} & set(titles), titles


def test_named_algorithm_label_under_its_rule_is_no_heading(tmp_path):
    """"Algorithm Adsorption-LS" in bold right under the rule that opens its box, the box running on
    to the next page (no closing rule on this one): the float's label, no heading."""
    doc, page = section_page()
    y, k = lines(page, 72, 300, 100, 30, size=9)
    page.insert_text((72, y), "and so the paragraph ends.", fontname="tiro", fontsize=9)
    page.draw_line((72, y + 10), (300, y + 10), width=0.4)
    page.insert_text((72, y + 19), "Algorithm Adsorption-LS", fontname="tibo", fontsize=9)
    page.insert_text((72, y + 31), "Input: G = (V, E, w)", fontname="tiro", fontsize=9)
    page.insert_text((72, y + 42), "Let n := |V|", fontname="tiro", fontsize=9)
    path = tmp_path / "algorithm.pdf"
    doc.save(path)
    titles = [t for _, t in _titles(parse_pdf(path))]
    assert "Algorithm Adsorption-LS" not in titles, titles


def test_underlined_link_in_a_numbered_line_is_no_heading(tmp_path):
    """A numbered line whose link a word processor underlines ("3. World Health Organization.
    https://...") is a list's item, not an underlined heading."""
    doc, page = section_page()
    y, k = lines(page, 72, 540, 100, 6, size=11)
    text = "World Health Organization. https://www.who.int/data/reports"
    page.insert_text((72, y + 14), "3.", fontname="tiro", fontsize=11)
    page.insert_text((90, y + 14), text, fontname="tiro", fontsize=11)
    width = pymupdf.get_text_length(text, fontname="tiro", fontsize=11)
    page.draw_rect(pymupdf.Rect(90, y + 15.5, 90 + width, y + 16.25), color=None, fill=(0, 0, 0))
    lines(page, 72, 540, y + 40, 6, size=11, start=k)
    path = tmp_path / "link.pdf"
    doc.save(path)
    assert "3" not in [n for n, _ in _titles(parse_pdf(path))]
