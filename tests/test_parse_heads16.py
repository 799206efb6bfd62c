"""Headings of the eleventh split's papers: each layout fact on pages drawn here with PyMuPDF."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import PROSE, Page, _parse  # noqa: E402  (heads9's page writer and parse helper)
from test_parse_heads14 import _titles  # noqa: E402

from paperkit.reading import parse as P  # noqa: E402


def _names(paper) -> list[str]:
    return [s.title for s in paper.sections if s.title]


def _first_page(doc, top: float = 72.0) -> Page:
    """Page 1 with a title in large bold type over what the test writes."""
    page = Page(doc, top=top)
    page.line("A Study of Measured Things", "tibo", 18, gap=2.5)
    return page


def test_an_outline_entry_naming_the_title_over_every_later_entry_is_no_section():
    # papaja's bookmarks: "Abstract", then the title again (over the first page of text), with
    # "Introduction" and "Methods" a level under it: the title is the document, its entries sections.
    title = "Ordered Structure in Simulated Signals of Many Kinds"
    doc = pymupdf.open()
    page = Page(doc, top=90)
    page.line(title, "tibo", 16, gap=2.5)
    page.line("Abstract", "tibo", 12, gap=1.6)
    page.paragraph(repeat=4, size=12, per_line=12)
    page = Page(doc, top=90)
    page.line(title, "tibo", 12, gap=2.0)
    page.line("Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=4, size=12, per_line=12)
    page.line("Methods", "tibo", 12, gap=1.6)
    page.paragraph(repeat=4, size=12, per_line=12)
    doc.set_toc([[1, "Abstract", 1], [1, title, 2], [2, "Introduction", 2], [2, "Methods", 2]])
    paper = _parse(doc)
    assert paper.title == title
    assert _titles(paper) == [(None, "Introduction", 1), (None, "Methods", 1)]


def test_a_long_bold_heading_wrapped_in_the_type_of_the_short_ones_is_a_heading():
    # PLOS: subsections in 12 pt bold over 10 pt text; one whose title is a sentence long wraps
    # onto a second line, past the words a short heading keeps to.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("Introduction", "hebo", 12, gap=1.5)
    page.paragraph(repeat=2)
    page.line("Statistical analysis", "hebo", 12, gap=1.5)
    page.paragraph(repeat=2)
    page.line("DNA extraction", "hebo", 12, gap=1.5)
    page.paragraph(repeat=2)
    page.line("Identification of sites in cord blood associated with maternal glucose", "hebo", 12, gap=1.2)
    page.line("and the intervention", "hebo", 12, gap=1.5)
    page.paragraph(repeat=2)
    paper = _parse(doc)
    assert "Identification of sites in cord blood associated with maternal glucose and the intervention" in _names(paper)


def test_two_bold_lines_in_one_size_and_two_typefaces_are_two_headings():
    # PLOS: "Methods" in Helvetica Bold 12 pt right over "Design of the intervention study" in a
    # serif bold 12 pt: the section's heading and its first subsection's, not one heading.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("Introduction", "hebo", 12, gap=1.5)
    page.paragraph(repeat=2)
    page.line("Methods", "hebo", 12, gap=1.5)
    page.line("Design of the intervention study", "tibo", 12, gap=1.5)
    page.paragraph(repeat=2)
    page.line("Ethics statement", "tibo", 12, gap=1.5)
    page.paragraph(repeat=2)
    names = _names(_parse(doc))
    assert "Methods" in names and "Design of the intervention study" in names


def test_font_family_drops_subset_tags_weights_and_design_sizes():
    assert P._font_family("ABCDEF+Helvetica-Bold") == "helvetica"
    assert P._font_family("Times New Roman Bold+FPEF") == "times new roman"
    assert P._font_family("Arial,Bold") == "arial"
    assert P._font_family("CMBX12") == "cmbx"


def _word_ieee_page(doc, lines: list[tuple]) -> Page:
    """A page of a Word paper in the IEEE style: each item ("label", title, font, size) or
    ("text", repeat); an italic heading's label set apart from its title by a tab."""
    page = Page(doc, top=60)
    for item in lines:
        if item[0] == "text":
            page.paragraph(repeat=item[1], x=72)
            continue
        label, title, font, size = item
        if label is None:
            page.line(title, font, size, gap=1.6)
            continue
        page.page.insert_text((72, page.y), label, fontname=font, fontsize=size)
        page.line(title, font, size, x=72 + 4.2 * size, gap=1.4)
    return page


def test_word_italic_headings_numbered_a_1_and_i_under_two_roman_sections():
    # IRJET (Word): "I. INTRODUCTION" and "II. TECHNOLOGY" in bold capitals, only two of them;
    # under them italic headings on lines of their own, "A." then "1)", "a)" and "ii.", each label
    # tabbed four ems from its title; "1)" counts anew under each subsection.
    doc = pymupdf.open()
    _word_ieee_page(doc, [
        (None, "I. INTRODUCTION", "tibo", 10), ("text", 2),
        ("a)", "Advent of Neural networks", "tiit", 10), ("text", 2),
        ("b)", "Training vs Inference", "tiit", 10), ("text", 2),
        (None, "II. TECHNOLOGY", "tibo", 10), ("text", 2),
        ("A.", "Hardware for Machine learning", "tiit", 10), ("text", 2),
        ("1)", "First Generation", "tiit", 10), ("text", 2),
        ("2)", "Second Generation", "tiit", 10), ("text", 2),
    ])
    _word_ieee_page(doc, [
        ("B.", "Optimization Techniques", "tiit", 10), ("text", 2),
        ("1)", "Precision Reduction", "tiit", 10), ("text", 2),
        ("i.", "Digital Signal Processor", "tiit", 10), ("text", 2),
        ("ii.", "Systolic Arrays", "tiit", 10), ("text", 2),
        (None, "CONCLUSION", "tibo", 10), ("text", 2),
    ])
    got = [(s.number, s.title) for s in _parse(doc).sections if s.title]
    assert got == [("I", "INTRODUCTION"), ("a", "Advent of Neural networks"), ("b", "Training vs Inference"),
                   ("II", "TECHNOLOGY"), ("A", "Hardware for Machine learning"), ("1", "First Generation"),
                   ("2", "Second Generation"), ("B", "Optimization Techniques"), ("1", "Precision Reduction"),
                   ("i", "Digital Signal Processor"), ("ii", "Systolic Arrays"), (None, "CONCLUSION")]


def test_a_wrapped_italic_heading_goes_back_to_the_column_edge_under_its_label():
    # Word's hanging style: "i) Advanced Technologies - ReRAM and eDRAM and" / "In-memory
    # Computing", the second line back at the column's left edge, left of the label.
    doc = pymupdf.open()
    page = Page(doc, top=60)
    page.line("I. INTRODUCTION", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    page.line("II. TECHNOLOGY", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    page.page.insert_text((90, page.y), "i)", fontname="tiit", fontsize=10)
    page.line("Advanced Technologies for Memory and Storage in Processing and", "tiit", 10, x=108, gap=1.2)
    page.line("In-memory Computing", "tiit", 10, x=72, gap=1.4)
    page.paragraph(repeat=2, x=72)
    got = [(s.number, s.title) for s in _parse(doc).sections if s.title]
    assert ("i", "Advanced Technologies for Memory and Storage in Processing and In-memory Computing") in got


def test_italic_headings_a_little_smaller_than_the_text_set_tight_over_it():
    # A Word preprint (TICS): sections in 8.5 pt bold sans, subsections in 8.5 pt oblique sans,
    # each flush left right over 9 pt serif text, no indent, no wider gap.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("Introduction", "hebo", 8.5, gap=1.05)
    page.paragraph(repeat=2, size=9)
    page.line("Fundamentals of inference", "hebo", 8.5, gap=1.05)
    page.paragraph(repeat=1, size=9)
    page.line("Basic rules", "heit", 8.5, gap=1.05)
    page.paragraph(repeat=2, size=9)
    page.line("Comparing two hypotheses", "heit", 8.5, gap=1.05)
    page.paragraph(repeat=2, size=9)
    page.line("Conclusion", "hebo", 8.5, gap=1.05)
    page.paragraph(repeat=2, size=9)
    assert _names(_parse(doc)) == ["Introduction", "Fundamentals of inference", "Basic rules",
                                   "Comparing two hypotheses", "Conclusion"]


def test_a_journal_abbreviation_in_small_italics_after_the_references_is_no_appendix():
    # "J. Am. Stat. Assoc. 90, 773–795" on a line of its own in a 7 pt entry: no appendix "J".
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1. Introduction", "tibo", 11, gap=1.5)
    page.paragraph(repeat=4)
    page.line("References", "tibo", 11, gap=1.5)
    for k in range(1, 6):
        page.line(f"{k}. Author, A. and Writer, B. (1995) A study of things and other things.", "tiro", 7, gap=1.2)
        page.line("J. Am. Stat. Assoc. 90, 773-795", "tiit", 7, gap=1.4)
    paper = _parse(doc)
    assert not any(s.number == "J" for s in paper.sections)


def test_a_bold_section_name_ending_in_a_colon_on_its_own_line_is_a_heading():
    # A manuscript from a word processor: "Conclusions:" and "Methods:" in bold at the text's size.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("Background", "tibo", 12, gap=1.7)
    page.paragraph(repeat=2, size=12, per_line=12)
    page.line("Conclusions:", "tibo", 12, gap=1.7)
    page.paragraph(repeat=2, size=12, per_line=12)
    page.line("Methods:", "tibo", 12, gap=1.7)
    page.paragraph(repeat=2, size=12, per_line=12)
    assert _names(_parse(doc)) == ["Background", "Conclusions", "Methods"]


def test_question_headings_in_italics_one_long_line_or_wrapped():
    # A manuscript's subsections are questions in italics at the text's size under bold sections:
    # one of thirteen words, one wrapped over two lines.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("Background", "tibo", 12, gap=1.7)
    page.paragraph(repeat=2, size=12, per_line=12)
    page.line("Results", "tibo", 12, gap=1.7)
    page.line("Do the leaf transcriptomes of different lines represent the shared genome, or, on the", "tiit", 12, gap=1.3)
    page.line("contrary, reveal genotype specific genes?", "tiit", 12, gap=1.7)
    page.paragraph(repeat=2, size=12, per_line=12)
    page.line("Is the transcriptional response to ozone similar among all five genotypes?", "tiit", 12, gap=1.7)
    page.paragraph(repeat=2, size=12, per_line=12)
    page.line("Discussion", "tibo", 12, gap=1.7)
    page.paragraph(repeat=2, size=12, per_line=12)
    assert _names(_parse(doc)) == [
        "Background", "Results",
        "Do the leaf transcriptomes of different lines represent the shared genome, or, on the contrary, "
        "reveal genotype specific genes?",
        "Is the transcriptional response to ozone similar among all five genotypes?", "Discussion"]


def _double_spaced(page: Page, repeat: int = 2) -> None:
    words = (" ".join([PROSE] * repeat)).split()
    for start in range(0, len(words), 12):
        page.line(" ".join(words[start:start + 12]), "tiro", 12, gap=1.7)
    page.y += 4


def test_a_single_spaced_caption_ends_where_the_double_spaced_text_goes_on():
    # A double-spaced manuscript sets its captions single-spaced: the italic heading after one, a
    # little more than a caption's line below it but less than a text line's, is not the caption's.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("Background", "tibo", 12, gap=1.7)
    _double_spaced(page, 3)
    _double_spaced(page, 2)
    page.line("Figure 4. Differentially expressed genes by genotype for all the genes we analysed here,", "tiro", 12, gap=1.2)
    page.line("sorted by their response in the reference line.", "tiro", 12, gap=1.9)
    page.line("Is the response similar among all five genotypes?", "tiit", 12, gap=2.4)
    _double_spaced(page, 2)
    page.line("Discussion", "tibo", 12, gap=1.7)
    _double_spaced(page, 2)
    assert "Is the response similar among all five genotypes?" in _names(_parse(doc))


def test_a_date_under_the_title_is_no_numbered_section():
    # "01 Nov 2001" under the title and the author's name: a date, not section 01.
    doc = pymupdf.open()
    page = Page(doc, top=200)
    page.line("Consensus Made Plain", "tibo", 17, gap=3)
    page.line("Ada Lamport", "tiro", 12, gap=2.5)
    page.line("01 Nov 2001", "tiro", 12, gap=3)
    page.line("1 Introduction", "tibo", 12, gap=1.5)
    page.paragraph(repeat=4)
    page.line("2 The Problem", "tibo", 12, gap=1.5)
    page.paragraph(repeat=4)
    got = [(s.number, s.title) for s in _parse(doc).sections if s.title]
    assert got == [("1", "Introduction"), ("2", "The Problem")]


def test_smaller_bold_headings_stand_below_sections_and_subsections_sharing_one_type():
    # OSDI: "5 Implementation" and "5.1 Tablet Location" both in 12 pt bold; "Rows" in 10 pt bold
    # under "2 Data Model", which has no subsections: a paragraph's heading, below both levels.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 12, gap=1.5)
    page.paragraph(repeat=2)
    page.line("2 Data Model", "tibo", 12, gap=1.5)
    page.paragraph(repeat=1)
    page.line("Rows", "tibo", 10, gap=1.5)
    page.paragraph(repeat=2)
    page.line("3 Implementation", "tibo", 12, gap=1.5)
    page.paragraph(repeat=1)
    page.line("3.1 Tablet Location", "tibo", 12, gap=1.5)
    page.paragraph(repeat=2)
    levels = {s.title: s.level for s in _parse(doc).sections if s.title}
    assert levels["Tablet Location"] == 2 and levels["Rows"] == 3


def test_back_matter_labels_in_the_type_of_the_acknowledgements():
    # BMC: "Acknowledgements", "Funding", "Authors' contributions" in 7.5 pt semibold over their
    # 7.5 pt text beside 10 pt body text, "Declarations" a little larger over its own labels, one
    # of them with its text right under it ("Not applicable.").
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("Background", "hebo", 10.5, gap=1.5)
    page.paragraph(repeat=4)
    page.line("Discussion", "hebo", 10.5, gap=1.5)
    page.paragraph(repeat=4)
    page.line("Acknowledgements", "hebo", 7.5, gap=1.3)
    page.paragraph(repeat=1, size=7.5, per_line=20)
    page.line("Authors' contributions", "hebo", 7.5, gap=1.3)
    page.paragraph(repeat=1, size=7.5, per_line=20)
    page.line("Funding", "hebo", 7.5, gap=1.3)
    page.paragraph(repeat=1, size=7.5, per_line=20)
    page.line("Declarations", "hebo", 9, gap=1.5)
    page.line("Ethics approval and consent to participate", "hebo", 7.5, gap=1.2)
    page.line("Not applicable.", "tiro", 7.5, gap=1.6)
    page.line("Competing interests", "hebo", 7.5, gap=1.2)
    page.line("The authors declare that they have no competing interests.", "tiro", 7.5, gap=1.6)
    page.line("References", "hebo", 7.5, gap=1.3)
    for k in range(1, 7):
        page.line(f"{k}. Author A, Writer B. A study of things. J Things. 2019;{k}:1-9.", "tiro", 7.5, gap=1.2)
    names = _names(_parse(doc))
    for name in ("Acknowledgements", "Authors' contributions", "Funding", "Declarations",
                 "Ethics approval and consent to participate", "Competing interests"):
        assert name in names


def test_a_ligature_the_text_layer_cannot_name_is_no_math_and_is_spelt_in_a_title():
    # "Tip 7: Address deep neural networks' increased tendency to" / "over\ufffdt the dataset": a
    # font without a ToUnicode entry for "fi". The unnamed glyph between two letters made the
    # second line read as a display's piece, and the title lost it ("overt").
    line = P.Line(page=0, x0=72, y0=100, x1=190, y1=116, text="over\ufffdt the dataset", size=16.5, bold=True,
                  italic=False, math_chars=0)
    assert not P._display_math(line)
    assert P._clean_title("tendency to over\ufffdt the dataset") == "tendency to overfit the dataset"


def test_a_bold_heading_ending_in_a_formula_with_an_operator_name_is_a_heading():
    # JMLR: "A.1 Computing E[log(θi|α)]", the words in bold, the formula's brackets and "log" set
    # upright in roman, the variables in italics: still a bold heading.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 11, gap=1.5)
    page.paragraph(repeat=3, size=11)
    x = 72.0
    for text, font in (("A.1 Computing E", "tibo"), ("[", "helv"), ("log", "tiro"), ("(", "helv"), ("x", "tiit"),
                       ("|", "helv"), ("a", "tiit"), (")]", "helv")):
        page.page.insert_text((x, page.y), text, fontname=font, fontsize=11)
        x += pymupdf.get_text_length(text, fontname=font, fontsize=11) + 0.5
    page.y += 11 * 1.5
    page.paragraph(repeat=3, size=11)
    page.line("A.2 Newton-Raphson Methods", "tibo", 11, gap=1.5)
    page.paragraph(repeat=3, size=11)
    numbers = [s.number for s in _parse(doc).sections if s.title]
    assert numbers == ["1", "A.1", "A.2"]


def test_an_example_caption_in_bold_under_its_display_is_no_heading():
    # VLDB (Word): "Example 1: Possible projections for EMP and DEPT" in bold at the text's size on
    # a line of its own under the example's lines of code: the example's caption, no subsection.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1. Introduction", "tibo", 12, gap=1.5)
    page.paragraph(repeat=3)
    page.line("2. Data Model", "tibo", 12, gap=1.5)
    page.paragraph(repeat=2)
    for code in ("EMP1 (name, age)", "EMP2 (dept, age, DEPT.floor)", "DEPT1 (dname, floor)"):
        page.line(code, "cour", 8, x=100, gap=1.15)
    page.y += 6
    page.line("Example 1: Possible projections for EMP and DEPT", "tibo", 10, gap=1.6)
    page.paragraph(repeat=3)
    page.line("3. System Architecture", "tibo", 12, gap=1.5)
    page.paragraph(repeat=3)
    assert _names(_parse(doc)) == ["Introduction", "Data Model", "System Architecture"]


def test_an_authors_heading_on_page_one_in_the_sections_type_is_a_section():
    # A manuscript printed from its web page (manubot): "Authors" in the sections' 16.5 pt bold under
    # the title, the names listed under it, then "Abstract" and the sections.
    doc = pymupdf.open()
    page = Page(doc, top=60)
    page.line("Ten Quick Tips for Measuring Things", "hebo", 22, gap=2.2)
    page.line("Authors", "hebo", 16.5, gap=1.6)
    for name in ("Ada Lovelace", "Alan Turing"):
        page.line(name, "hebo", 11, x=90, gap=1.3)
        page.line("Department of Measurement, University of Things", "helv", 9, x=90, gap=1.6)
    page.line("Introduction", "hebo", 16.5, gap=1.6)
    page.paragraph(repeat=4, size=11, font="helv")
    page.line("Tip 1: Measure twice", "hebo", 16.5, gap=1.6)
    page.paragraph(repeat=4, size=11, font="helv")
    names = [s.title for s in _parse(doc).sections if s.title and s.level == 1]
    assert names == ["Authors", "Introduction", "Tip 1: Measure twice"]
