"""Headings of the real-paper parser's leftovers (session 27), each layout fact on pages drawn here
with PyMuPDF: the front matter of an article's first page after a cover page, an italic heading
whose title opens on a dimension ("A. 3-D ..."), a heading after the references in their heading's
type, a heading over a numbering that starts again, a name's digit at a heading's end, and Word's
"4.2.1" headings set tight against their text."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from pdf_pages import fill  # noqa: E402
from test_parse_heads9 import PROSE, Page, _parse, _titles  # noqa: E402  (heads9's page writer and parse helper)


def test_the_front_matter_under_a_covers_title_printed_again_is_no_section():
    # Quantitative Finance (Taylor & Francis): the download sheet names "R. Cont"; the article's page
    # prints the title again, then "Rama Cont" in bold, the address, and "Received 28 October 2000"
    # before its abstract. The name, the address and the date were read as three sections.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Empirical properties of asset returns and statistical issues", "tibo", 16, gap=2)
    page.line("R. Okafor", "tibo", 12, gap=2)
    page.line("To cite this article: R. Okafor (2001) Empirical properties of asset returns and statistical", "tiro", 10)
    page.line("issues, Quantitative Finance, 1:2, 223-236, DOI: 10.1080/713665670", "tiro", 10)
    page.line("Published online: 08 Apr 2010.", "tiro", 9)
    page = Page(doc)
    page.line("Quantitative Finance Volume 1 (2001) 223-236", "tiro", 8, gap=3)
    page.line("Empirical properties of asset returns and", "tibo", 22, gap=1.1)
    page.line("statistical issues", "tibo", 22, gap=1.6)
    page.line("Rama Okafor", "tibo", 12, gap=1.6)
    page.line("Centre de Mathematiques Appliquees, Ecole Polytechnique", "tibo", 10.5, gap=1.4)
    page.line("Received 28 October 2000", "tibo", 10, gap=2)
    page.line("Abstract", "tibo", 11, gap=1.4)
    page.paragraph(repeat=2)
    for number, name in (("1", "What is a stylized fact?"), ("2", "Statistical properties"), ("3", "Conclusion")):
        page.line(f"{number} {name}", "tibo", 12, gap=1.8)
        page.paragraph(repeat=3)
    paper = _parse(doc)
    titles = [title for _, title, _ in _titles(paper)]
    assert not any("Okafor" in title or "Centre" in title or "Received" in title for title in titles), titles
    assert ("1", "What is a stylized fact?", 1) in _titles(paper)


def _ieee_page(doc) -> Page:
    page = Page(doc)
    page.line("Graph Signal Processing: Overview and Challenges", "tibo", 18, gap=2.5)
    page.line("Antonio Ortega and Pascal Frossard", "tiro", 11, gap=2)
    page.line("Abstract", "tibo", 10, gap=1.4)
    page.paragraph(repeat=2)
    page.line("I. INTRODUCTION", "tibo", 10, gap=1.8)
    page.paragraph(repeat=3)
    return page


def test_an_italic_subsection_whose_title_opens_on_a_dimension_is_a_heading():
    # IEEE Signal Processing Letters (Word): "A. 3-D Log-Mels generation" in italics at the text's
    # size over its paragraph; the title opens on a digit, and the line went with its paragraph.
    doc = pymupdf.open()
    page = _ieee_page(doc)
    page.line("II. PROPOSED METHOD", "tibo", 10, gap=1.8)
    page.line("A. 3-D Log-Mels generation", "tiit", 10, gap=1.3)
    page.paragraph(repeat=3)
    page.line("B. Architecture of the network", "tiit", 10, gap=1.3)
    page.paragraph(repeat=3)
    titles = [(n, t) for n, t, _ in _titles(_parse(doc))]
    assert ("A", "3-D Log-Mels generation") in titles, titles
    assert ("B", "Architecture of the network") in titles


def test_a_heading_in_the_references_type_after_them_ends_them():
    # Proceedings of the IEEE: "ABOUT THE AUTHORS" in the 8 pt bold capitals of its "REFERENCES"
    # (the text is 10 pt), under a rule across the page below three columns of entries: read with
    # the first column, before the entries of the other two. It heads the biographies under it;
    # the entries above it stay the list's.
    doc = pymupdf.open()
    page = _ieee_page(doc)
    page.line("II. CONCLUSION", "tibo", 10, gap=1.8)
    page.paragraph(repeat=2)
    page = Page(doc)
    page.page.insert_text((72, 72), "REFERENCES", fontname="hebo", fontsize=8)
    k = 1
    for x in (72, 236, 400):
        y = 90
        for _ in range(6):
            page.page.insert_text((x, y), f"[{k}] A. Author and B. Writer,", fontname="tiro", fontsize=7)
            page.page.insert_text((x + 12, y + 8), "Signal processing on graphs, 2013.", fontname="tiro", fontsize=7)
            y += 20
            k += 1
    page.page.draw_line((72, 222), (540, 222), color=(0, 0, 0), width=0.5)
    page.page.insert_text((72, 236), "ABOUT THE AUTHORS", fontname="hebo", fontsize=8)
    for x in (72, 312):  # (the biographies in two columns, the entries in three)
        for row in range(10):
            page.page.insert_text((x, 250 + 10 * row), "Antonio Ortega received the degree of engineer in 1986" if row == 0 else
                                  "and joined the department of engineering of the university", fontname="tiro", fontsize=8)
    paper = _parse(doc)
    titles = [t for _, t, _ in _titles(paper)]
    assert "ABOUT THE AUTHORS" in titles, titles
    assert len(paper.references) == 18, len(paper.references)


def _sections_page(doc, names: tuple[str, ...], parts: bool = False) -> Page:
    """A page with a title and sections numbered 1, 2, 3 in bold (each with a subsection "N.1" when
    `parts`), prose under each."""
    page = Page(doc)
    page.line("A Study of Measured Things", "tibo", 16, gap=2.5)
    for number, name in enumerate(names, 1):
        page.line(f"{number} {name}", "tibo", 12, gap=1.6)
        page.paragraph(repeat=2)
        if parts:
            page.line(f"{number}.1 Details of the part", "tibo", 11, gap=1.6)
            page.paragraph(repeat=1)
    return page


def test_a_heading_over_a_numbering_that_starts_again_heads_it():
    # ACL 2023: after the appendix's "A.3 More Comparison Examples", "ACL 2023 Responsible NLP
    # Checklist" in the bold 11 pt of the subsections, over its own "A For every submission:", "B
    # Did you use ...": read as a paragraph's heading under A.3 (level 3), it heads the new series.
    doc = pymupdf.open()
    page = _sections_page(doc, ("Introduction", "Method", "Conclusion"), parts=True)
    page.line("References", "tibo", 12, gap=1.6)
    for k in range(4):
        page.line(f"Ada Author and Bo Writer. 201{k}. Measured things, part {k}. In Proceedings of ACL.", "tiro", 10)
    page = Page(doc)
    page.line("A Appendix", "tibo", 12, gap=1.6)
    page.paragraph(repeat=1)
    page.line("A.1 Datasets", "tibo", 11, gap=1.6)
    page.paragraph(repeat=2)
    page.line("A.2 More Comparison Examples", "tibo", 11, gap=1.6)
    page.paragraph(repeat=2)
    page = Page(doc)
    page.line("ACL 2023 Responsible NLP Checklist", "tibo", 11, gap=1.6)
    page.line("A Questions for every submission", "tibo", 12, gap=1.6)
    page.paragraph(repeat=1)
    page.line("B Did you use or create scientific artifacts?", "tibo", 12, gap=1.6)
    page.paragraph(repeat=1)
    found = _titles(_parse(doc))
    checklist = [level for _, title, level in found if title == "ACL 2023 Responsible NLP Checklist"]
    assert checklist == [1], found
    assert ("A.1", "Datasets", 2) in found


def test_a_digit_on_a_headings_last_word_in_its_type_is_the_names():
    # EMNLP 2025: "3.5 Generalizability to Lean4", the 4 in the heading's own type on its baseline:
    # the language's name, not a footnote's mark (those are raised and smaller).
    doc = pymupdf.open()
    _sections_page(doc, ("Introduction", "Generalizability to Lean4", "Conclusion"))
    titles = [(n, t) for n, t, _ in _titles(_parse(doc))]
    assert ("2", "Generalizability to Lean4") in titles, titles


def _rows(page: Page, words: list[str], indent: float = 0.0) -> None:
    """A paragraph of 12 pt rows filling 440 pt (the first set in by `indent`), at a 15 pt pitch."""
    rows = fill(words, 440 - indent, font="tiro", size=12)
    for k, row in enumerate(rows):
        page.line(row, "tiro", 12, x=72 + (indent if k == 0 else 0))


def test_a_subsubsection_in_the_texts_type_set_tight_over_its_paragraph_is_a_heading():
    # A Word paper (arXiv 2024): "4.2 System Latency Evaluation" in bold italics, right under it
    # "4.2.1 Latency evaluation with different prompt lengths" in the text's roman 12 pt, and right
    # under that the paragraph's first line indented, no space between them: the subsubsection's
    # heading went into the paragraph.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Study of Measured Things", "tibo", 16, gap=2.5)
    words = (PROSE + " " + PROSE).split()
    page.line("4 Evaluation", "tibo", 13, gap=1.4)
    _rows(page, words, 12)
    page.line("4.1 Kernel Performance Evaluation", "tibi", 12)
    _rows(page, words, 12)
    page.line("4.2 System Latency Evaluation", "tibi", 12)
    page.line("4.2.1 Latency evaluation with different prompt lengths", "tiro", 12)
    _rows(page, ["Firstly,"] + words, 12)
    page.skip(14)  # (a figure's caption stood between, in the paper)
    page.line("4.2.2 Latency evaluation on different models", "tiro", 12)
    _rows(page, ["Then"] + words, 12)
    titles = [(n, t) for n, t, _ in _titles(_parse(doc))]
    assert ("4.2.1", "Latency evaluation with different prompt lengths") in titles, titles
    assert ("4.2.2", "Latency evaluation on different models") in titles, titles


def test_an_unbookmarked_heading_under_an_appendix_without_subsections_is_its_subsection():
    # NeurIPS 2016: the outline bookmarks "D Information sharing between coordinates" (level 1), not
    # the starred "Global averaging cells" in the subsections' bold 10 pt under it; the paper's
    # subsections reach level 2 elsewhere, and the unbookmarked heading was put a level under them
    # all (3), two under the appendix it follows.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Study of Measured Things", "tibo", 16, gap=2.5)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("1.1 Transfer learning", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    page = Page(doc)
    page.line("D Information sharing between coordinates", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("Global averaging cells", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    doc.set_toc([[1, "1 Introduction", 1], [2, "1.1 Transfer learning", 1],
                 [1, "D Information sharing between coordinates", 2]])
    found = _titles(_parse(doc))
    assert (None, "Global averaging cells", 2) in found, found


def test_a_subsection_at_the_paragraph_indent_right_under_its_section_is_a_heading():
    # arXiv 2019 (ACM's layout): subsections in bold at the paragraphs' indent ("Training
    # Configurations" over its text); "LPDNN" right under "DEPLOYMENT OPTIMIZATION", its paragraph's
    # first line at the same indent, was taken for a paragraph's lead and joined to its text.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Study of Measured Things", "tibo", 16, gap=2.5)
    page.line("INTRODUCTION", "tibo", 10, gap=1.6)
    page.paragraph(repeat=3)
    page = Page(doc)
    page.line("TRAINING AND BENCHMARKING", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    page.skip(4)
    for name in ("Network Architectures", "Training Configurations"):
        page.line(name, "tibo", 10, x=82)
        page.line("We train every model for ninety epochs with the same schedule and report", x=82)
        page.paragraph(repeat=1)
        page.skip(4)
    page.line("DEPLOYMENT OPTIMIZATION", "tibo", 10, gap=1.8)
    page.line("LPDNN", "tibo", 10, x=82)
    page.line("LPDNN is an inference engine optimizer developed within the project to speed", x=82)
    page.paragraph(repeat=1)
    titles = [t for _, t, _ in _titles(_parse(doc))]
    assert "Training Configurations" in titles, titles
    assert "LPDNN" in titles, titles


def test_a_white_strip_over_a_blank_row_takes_no_heading_in():
    # CHI 2013 (Word): a white strip one row high across the column (from 70.6 to 296.7) over the
    # blank row between the introduction's last line and "RELATED WORK" (9 pt bold at the column's
    # edge, 54, its top on the strip's bottom); read as a drawing, it took the heading right under
    # it in as its label and the section was lost.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Study of Measured Things", "tibo", 16, gap=2.5)
    page.line("INTRODUCTION", "hebo", 9, x=54, gap=1.6)
    for row in fill((PROSE + " " + PROSE).split(), 240, font="tiro", size=10):
        page.line(row, "tiro", 10, x=54, gap=1.15)
    top = page.y - 11.5 + 3.0  # (the last row's bottom)
    page.page.draw_rect((70.6, top, 296.7, top + 11.5), color=None, fill=(1, 1, 1))
    page.y = top + 11.5 + 8.0
    page.line("RELATED WORK", "hebo", 9, x=54, gap=1.8)
    page.line("Crowdsourcing complex tasks", "hebo", 9, x=54, gap=1.3)
    for row in fill((PROSE + " " + PROSE).split(), 240, font="tiro", size=10):
        page.line(row, "tiro", 10, x=54, gap=1.15)
    titles = [t for _, t, _ in _titles(_parse(doc))]
    assert "RELATED WORK" in titles and "Crowdsourcing complex tasks" in titles, titles
