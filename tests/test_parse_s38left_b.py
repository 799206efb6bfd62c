"""Leftovers of the tune split's headings, titles, abstracts and sentences (session 38, helper b):
each layout fact on pages drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import Page, _parse  # noqa: E402  (heads9's page writer and parse helper)


def _titles(paper) -> list[tuple]:
    return [(s.number, s.title, s.level) for s in paper.sections if s.title]


def _block_paragraph(page: Page, repeat: int = 2) -> None:
    """A paragraph of a Word manuscript that indents none: flush left, an empty line under it."""
    page.paragraph(repeat=repeat, size=10, per_line=13)
    page.skip(8)


def test_italic_lines_flush_over_unindented_paragraphs_under_one_level_numbered_sections():
    # A Word manuscript: sections numbered on one level in bold at the text's size ("2. Methods"),
    # unnumbered back matter in the same bold, no paragraph indented, and subsections in italics at
    # the text's size, flush left over their paragraphs: "Data" right under "2. Methods", "Statistical
    # analysis" under an empty line. Each ran into its paragraph (its first line flush under it, not
    # indented), and a numbered paper's unnumbered lines were never looked at: no subsection.
    doc = pymupdf.open()
    page = Page(doc, top=72)
    page.line("1. Introduction", "tibo", 10, gap=1.15)
    _block_paragraph(page, 3)
    page.line("2. Methods", "tibo", 10, gap=1.15)
    page.line("Data", "tiit", 10, gap=1.15)
    _block_paragraph(page, 3)
    page.line("Statistical analysis", "tiit", 10, gap=1.15)
    _block_paragraph(page, 3)
    page.line("3. Results", "tibo", 10, gap=1.15)
    _block_paragraph(page, 3)
    page = Page(doc, top=72)
    _block_paragraph(page, 2)
    page.line("Declaration of Interests", "tibo", 10, gap=1.15)
    _block_paragraph(page, 2)
    page.line("Acknowledgements", "tibo", 10, gap=1.15)
    _block_paragraph(page, 2)
    paper = _parse(doc)
    assert _titles(paper) == [("1", "Introduction", 1), ("2", "Methods", 1), (None, "Data", 2),
                              (None, "Statistical analysis", 2), ("3", "Results", 1),
                              (None, "Declaration of Interests", 1), (None, "Acknowledgements", 1)]


def _pieces(page: Page, pieces: list[tuple[str, str]], size: float = 10.0, x: float = 72) -> None:
    """One row set from pieces in their own fonts, each after the last."""
    for text, font in pieces:
        page.page.insert_text((x, page.y), text, fontname=font, fontsize=size)
        x += pymupdf.get_text_length(text, fontname=font, fontsize=size)
    page.y += size * 1.25


def test_a_bold_heading_whose_commas_and_parentheses_stay_roman_is_bold():
    # NIPS 2016 workshop: "**MSE**, **Coefficient of determination** (**R2**)": the heading's source
    # bolds its words alone, the comma and the parentheses in the text's face. One roman mark made
    # the row no bold one, and so no heading, beside "General Linear Model (GLM)" in full bold.
    doc = pymupdf.open()
    page = Page(doc, top=72)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    page.line("2 Methods", "tibo", 12, gap=1.6)
    page.line("General Linear Model (GLM)", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    page.line("Support Vector Regression (SVR)", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    _pieces(page, [("MSE", "tibo"), (",", "tiro"), (" Coefficient of determination", "tibo"), (" (", "tiro"),
                   ("R2", "tibo"), (")", "tiro")])
    page.skip(4)
    page.paragraph(repeat=2)
    page.line("3 Results", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    paper = _parse(doc)
    titles = [t for _, t, _ in _titles(paper)]
    assert "MSE, Coefficient of determination (R2)" in titles
    assert titles.index("MSE, Coefficient of determination (R2)") == titles.index("3 Results".split(" ", 1)[1]) - 1


def test_a_subsection_line_left_at_a_page_foot_in_the_type_of_the_others_is_a_heading():
    # NIPS 2016 workshop: "Akaike Information Criterion (AIC)" in bold at the text's size, the last
    # line of page 2, its paragraph opening page 3; "F-test" and "General Linear Model (GLM)" in the
    # same bold at the same left edge head paragraphs elsewhere. A heading-like line last on its
    # page was taken for a venue's line at the foot: the subsection was lost.
    doc = pymupdf.open()
    page = Page(doc, top=72)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=4)
    page = Page(doc, top=72)
    page.line("2 Methods", "tibo", 12, gap=1.6)
    page.line("General Linear Model (GLM)", "tibo", 10, gap=1.6)
    page.paragraph(repeat=4)
    page.line("Support Vector Regression (SVR)", "tibo", 10, gap=1.6)
    page.paragraph(repeat=4)
    while page.y < 700:
        page.paragraph(repeat=2)
    page.line("Akaike Information Criterion (AIC)", "tibo", 10, gap=1.6)
    page = Page(doc, top=72)
    page.paragraph(repeat=4)
    page.line("F-test", "tibo", 10, gap=1.6)
    page.paragraph(repeat=4)
    page.line("3 Results", "tibo", 12, gap=1.6)
    page.paragraph(repeat=4)
    paper = _parse(doc)
    assert [t for _, t, _ in _titles(paper)] == ["Introduction", "Methods", "General Linear Model (GLM)",
                                                 "Support Vector Regression (SVR)", "Akaike Information Criterion (AIC)",
                                                 "F-test", "Results"]


def test_a_bookmark_that_runs_its_number_into_the_title_is_named_as_printed():
    # Frontiers: the outline's entry "4.5A prototypical example: the spinal cord" for the printed "4.5 A
    # prototypical example: ...": no number read off the entry, the section came out unnumbered as
    # "4.5A prototypical example ...", at the top level.
    doc = pymupdf.open()
    page = Page(doc, top=72)
    page.line("1 Introduction", "hebo", 12, gap=1.6)
    page.paragraph(repeat=3)
    page.line("2 Methods", "hebo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("2.1 A prototypical example", "hebo", 11, gap=1.6)
    page.paragraph(repeat=3)
    page.line("3 Results", "hebo", 12, gap=1.6)
    page.paragraph(repeat=2)
    doc.set_toc([[1, "1 Introduction", 1], [1, "2 Methods", 1], [2, "2.1A prototypical example", 1],
                 [1, "3 Results", 1]])
    paper = _parse(doc)
    assert _titles(paper) == [("1", "Introduction", 1), ("2", "Methods", 1), ("2.1", "A prototypical example", 2),
                              ("3", "Results", 1)]


def test_a_supplement_label_under_the_title_printed_again_is_no_section():
    # CVPR's supplement: the paper's title printed again atop its first page, "Supplementary Material"
    # in large roman type alone under it, then "6. Theoretical Foundations". The label names the
    # supplement (as "Supplementary Material" set over the title again does); it was read as a section.
    title = "Latent Vision Memory Unlocks Vision Models"
    doc = pymupdf.open()
    page = Page(doc, top=72)
    page.line(title, "tibo", 18, x=110, gap=2.0)
    page.line("Ada Okafor, Bo Lindqvist", "tiro", 11, x=230, gap=2.0)
    page.line("1. Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=6)
    page.line("2. Method", "tibo", 12, gap=1.6)
    page.paragraph(repeat=6)
    page = Page(doc, top=72)
    page.line("3. Results", "tibo", 12, gap=1.6)
    page.paragraph(repeat=6)
    page = Page(doc, top=300)
    page.line(title, "tibo", 14, x=140, gap=1.8)
    page.line("Supplementary Material", "tiro", 14, x=230, gap=2.0)
    page.line("6. Theoretical Foundations", "tibo", 12, gap=1.6)
    page.paragraph(repeat=6)
    page.line("7. Methodology Details", "tibo", 12, gap=1.6)
    page.paragraph(repeat=6)
    paper = _parse(doc)
    titles = [t for _, t, _ in _titles(paper)]
    assert "Theoretical Foundations" in titles and "Methodology Details" in titles
    assert "Supplementary Material" not in titles


def test_a_bold_row_of_column_heads_over_unruled_cells_is_no_section():
    # NDSS 2014: a table without rules in the right column, its column heads "Python  JS/Chrome
    # JS/Node.js" in bold at the text's size over rows of cells ("HMAC-SHA-256  13.7 µs  26.9 µs
    # 11.4 µs"), each number set flush right under its head, the caption under the table: the heads,
    # an em apart, read as one line, were taken for a section.
    from pdf_pages import prose

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((50, 70), "1. Introduction", fontname="tibo", fontsize=12)
    prose(page, 50, 296, 80, 700)
    page.insert_text((316, 70), "2. Evaluation", fontname="tibo", fontsize=12)
    prose(page, 316, 562, 80, 300)
    heads, x = [], 420.0  # (each head and its right edge, 1.15 em apart)
    for text in ("Python", "JS/Chrome", "JS/Node.js"):
        x += pymupdf.get_text_length(text, "tibo", 10)
        heads.append((text, x))
        x += 11.5
    rows = [("HMAC-SHA-256", ["13.7 us", "26.9 us", "11.4 us"]), ("AES-128", ["5.4 us", "41.3 us", "18.7 us"]),
            ("Mint macaroon", ["16.0 us", "27.2 us", "19.4 us"]), ("Verify", ["96.3 us", "358.5 us", "68.9 us"])]
    y = 330
    for text, right in heads:
        page.insert_text((right - pymupdf.get_text_length(text, "tibo", 10), y), text, fontname="tibo", fontsize=10)
    for name, cells in rows:
        y += 12
        page.insert_text((330, y), name, fontname="tiro", fontsize=10)
        for text, (_, right) in zip(cells, heads):
            page.insert_text((right - pymupdf.get_text_length(text, "tiro", 10), y), text, fontname="tiro", fontsize=10)
    page.insert_text((340, y + 22), "TABLE II. Overhead of macaroon primitives.", fontname="tiro", fontsize=8)
    page.insert_text((316, y + 50), "3. Conclusion", fontname="tibo", fontsize=12)
    prose(page, 316, 562, y + 60, 700)
    paper = _parse(doc)
    assert [t for _, t, _ in _titles(paper)] == ["Introduction", "Evaluation", "Conclusion"]


def test_a_bold_opening_phrase_wrapped_into_a_dash_goes_on_in_its_paragraph():
    # A Word report, ragged right: "**Pneumonia is like an unwelcome**" / "**houseguest**—whether it's
    # caused by bacteria, viruses, or fungi, ...": the paragraph stresses its first words in bold and
    # the sentence runs on from the bold word with a dash. The bold first line ending short of the
    # edge was read as a heading, the sentence cut in two.
    doc = pymupdf.open()
    page = Page(doc, top=72)
    page.line("Introduction", "tibo", 12, gap=1.6)
    page.line("Pneumonia is like an unwelcome", "tibo", 11, gap=1.15)
    # (a comma where the report has its dash: the base-14 fonts here set no dash)
    _pieces(page, [("houseguest", "tibo"), (", whether it is caused by bacteria, viruses,", "tiro")], size=11)
    page.y -= 11 * 1.25 - 11 * 1.15
    for text in ("or fungi, it crashes into your lungs, inflaming the tiny air",
                 "sacs and filling them with fluid. We trained deep learning",
                 "models to act like a second pair of eyes for radiologists."):
        page.line(text, "tiro", 11, gap=1.15)
    page.skip(14)
    page.line("Dataset Description", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3, size=11, per_line=11)
    paper = _parse(doc)
    assert [t for _, t, _ in _titles(paper)] == ["Introduction", "Dataset Description"]
    from pdf_pages import holds

    assert holds(paper, "Pneumonia is like an unwelcome houseguest, whether it is caused by bacteria, viruses, "
                        "or fungi, it crashes into your lungs")


def test_an_unbookmarked_subheading_over_a_paragraph_with_a_hung_dash_is_kept():
    # ACL 2026: "Low-Quality Explanations" in bold at the text's size (\subsubsection*, no bookmark)
    # over a paragraph whose second line opens on a dash that microtype hangs 2 pt into the margin
    # ("— Wrong Final Answer"). The paragraph read as set 2 pt left of the heading, no paragraph
    # flush under it: the heading was dropped, its twin "High-Quality Explanations" kept.
    doc = pymupdf.open()
    page = Page(doc, top=72)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    page.line("2 Examples", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("High-Quality Explanations", "tibo", 10, gap=1.5)
    page.paragraph(repeat=2)
    page.line("Low-Quality Explanations", "tibo", 10, gap=1.5)
    page.line("Example 7: Elementary Math (Cube Net Folding) and the way we read it in class", "tiro", 10)
    page.line("- Wrong final answer, which the reader finds after the long and careful check", "tiro", 10, x=69.8)
    page.line("we made of every step in the solution that the model had written for the task.", "tiro", 10)
    page.skip(6)
    page.line("3 Results", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    doc.set_toc([[1, "1 Introduction", 1], [1, "2 Examples", 1], [1, "3 Results", 1]])
    paper = _parse(doc)
    assert [t for _, t, _ in _titles(paper)] == ["Introduction", "Examples", "High-Quality Explanations",
                                                 "Low-Quality Explanations", "Results"]


def test_a_subsection_in_the_section_names_type_over_a_line_cut_by_a_figure_is_a_heading():
    # CHI 2015 in Word: subsections in the 9 pt bold of the section names beside 10 pt text. "Values
    # and Beliefs about Using the Phone" stands over one line of its paragraph, "Through qualitative
    # analysis, we found that both interview-", a figure and its caption under that line, the
    # paragraph going on past them: one line of nine words read as no paragraph under a heading.
    doc = pymupdf.open()
    page = Page(doc, top=60)
    page.line("INTRODUCTION", "tibo", 9, gap=1.3)
    page.paragraph(repeat=2)
    page.line("RELATED WORK", "tibo", 9, gap=1.3)
    page.skip(5)
    page.line("Sensing Muscles with EMG", "tibo", 9, gap=1.3)
    page.paragraph(repeat=2)
    page.line("Values and Beliefs about Using the Phone", "tibo", 9, gap=1.3)
    page.line("Through qualitative analysis, we found that both the interview-", "tiro", 10)
    page.page.draw_rect(pymupdf.Rect(120, page.y, 420, page.y + 120), color=(0, 0, 0), fill=(0.8, 0.8, 0.8))
    page.skip(134)
    page.line("Figure 2: Adults believe they are absorbed by phone use but still available.", "tiro", 9, gap=2.0)
    page.line("ees and the survey takers hold views about phones that we describe in the next part.", "tiro", 10)
    page.paragraph(repeat=2)
    page = Page(doc, top=60)
    page.line("DISCUSSION", "tibo", 9, gap=1.3)
    page.paragraph(repeat=2)
    paper = _parse(doc)
    assert [t for _, t, _ in _titles(paper)] == ["INTRODUCTION", "RELATED WORK", "Sensing Muscles with EMG",
                                                 "Values and Beliefs about Using the Phone", "DISCUSSION"]


def test_a_reports_first_heading_over_its_title_block_in_the_headings_type_is_a_heading():
    # A course report in Word: its title in 18 pt, the authors under it, then "GitHub link of my code"
    # in the 16 pt bold of every heading, flush at their left edge, over a link; "Reference" and
    # "Introduction" follow in that type on page 1. The first bold line before any heading was taken
    # for a line of the title block: the section was lost.
    doc = pymupdf.open()
    page = Page(doc, top=80)
    page.line("Fine-Grained Handwriting Recognition", "helv", 18, x=150, gap=1.8)
    page.line("Ada Okafor 0716314, Bo Lindqvist 0716315", "helv", 13, x=170, gap=2.2)
    page.line("GitHub link of my code", "hebo", 16, x=90, gap=1.6)
    page.line("https://github.com/example/handwriting-project", "helv", 12, x=114, gap=1.6)
    page.line("Reference", "hebo", 16, x=90, gap=1.6)
    page.line("https://arxiv.org/pdf/2002.10191.pdf", "helv", 12, x=114, gap=1.6)
    page.line("Introduction", "hebo", 16, x=90, gap=1.6)
    page.paragraph(repeat=4, size=12, font="helv", per_line=11, x=90)
    page = Page(doc, top=80)
    page.line("Proposed approach", "hebo", 16, x=90, gap=1.6)
    page.paragraph(repeat=4, size=12, font="helv", per_line=11, x=90)
    page.line("Conclusion", "hebo", 16, x=90, gap=1.6)
    page.paragraph(repeat=2, size=12, font="helv", per_line=11, x=90)
    paper = _parse(doc)
    titles = [t for _, t, _ in _titles(paper)]
    assert titles[:1] == ["GitHub link of my code"] and "Introduction" in titles and "Conclusion" in titles
    assert paper.title == "Fine-Grained Handwriting Recognition"
