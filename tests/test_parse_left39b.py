"""Leftovers of the tune split's headings (session 39): an "Authors" heading over the authors of a
page printed from the web, numbered headings in capitals at the text's size (AASTeX), bold parts of
an IEEE section at the paragraph indent, a bold label over a list, a case study's heading over a
short paragraph (pages drawn here with PyMuPDF)."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from tests.pdf_pages import reparse as _parse  # noqa: E402
from tests.test_parse_heads9 import Page, _titles  # noqa: E402  (heads9's page writer)


def _front(page: Page, title: str) -> None:
    """A title, its authors and an abstract in bold italics run in, as IEEEtran sets them."""
    page.line(title, "tibo", 18, centred=True, gap=1.8)
    page.line("Ada Okafor and Bo Lindqvist", centred=True, gap=2.2)
    page.line("Abstract", "tibo", centred=True, gap=1.8)
    page.paragraph(repeat=2, after=10)


def test_an_authors_heading_over_the_list_of_authors_stays_before_a_summary_abstract():
    # Manubot (a manuscript printed from its web page): "Authors" in the bold 16 pt of the sections'
    # headings over the list of names and affiliations, then "Summary" over the abstract, then
    # "Statement of need". The heading above the abstract is no title-block line.
    doc = pymupdf.open()
    page = Page(doc, top=70)
    page.line("Small Benchmarks for Machine Learning Methods", "hebo", 22, gap=1.6)
    page.line("This manuscript was automatically generated from a repository on September 22, 2020.",
              "heit", 9, gap=2.6)
    page.line("Authors", "hebo", 16, gap=1.6)
    for name in ("Ada Okafor", "Bo Lindqvist", "Chen Wei"):
        page.line(name, "hebo", 11, x=86, gap=1.4)
        page.line("Department of Biostatistics, Institute for Biomedical Informatics, University of Somewhere",
                  "helv", 9, x=86, gap=2.2)
    page.line("Summary", "hebo", 16, gap=1.6)
    page.paragraph(font="helv", repeat=3, per_line=13)
    page.line("Statement of need", "hebo", 16, gap=1.6)
    page.paragraph(font="helv", repeat=4, per_line=13)
    page = Page(doc, top=70)
    page.line("Differentiating attributes", "hebo", 16, gap=1.6)
    page.paragraph(font="helv", repeat=6, per_line=13)
    paper = _parse(doc)
    titles = [title for _, title, _ in _titles(paper)]
    assert titles[:3] == ["Authors", "Statement of need", "Differentiating attributes"]
    assert paper.abstract and paper.abstract.startswith("We train every model")


def _aastex_pages(doc) -> None:
    """AASTeX's two pages: a section's last paragraph at the foot of page 1 ending on "Section 4" with
    no full stop, then "2. METHOD" centred in capitals at the text's size atop page 2 over "2.1. Data"
    in italics; at the end, "DATA AVAILABILITY" centred in capitals, and two appendices stacked,
    "A. FIDUCIAL VALUES" right over "B. SAMPLER SETTINGS"."""
    page = Page(doc, top=80)
    page.line("A Surrogate Model for Star Formation Rates", "tibo", 16, centred=True, gap=2)
    page.line("1. INTRODUCTION", centred=True, gap=1.8)
    page.paragraph(repeat=9, indent=10)
    page.paragraph("The remainder of this paper is organised as follows. Section 2 presents the tool and "
                   "Section 3 our results. We provide some concluding remarks in Section 4", repeat=1, indent=10)
    page = Page(doc, top=80)
    page.line("2", x=72, gap=2.2)
    page.line("2. METHOD", centred=True, gap=1.6)
    page.line("2.1. Data and parameters", "tiit", centred=True, gap=1.8)
    page.paragraph(repeat=6, indent=10)
    page.line("3. DISCUSSION", centred=True, gap=1.8)
    page.paragraph(repeat=4, indent=10)
    page.line("DATA AVAILABILITY", centred=True, gap=1.8)
    page.paragraph("The data underlying this article is available in the archive deposit for this work.",
                   repeat=1, indent=10)
    page.line("ACKNOWLEDGEMENTS", centred=True, gap=1.8)
    page.paragraph(repeat=2, indent=10)
    page.line("APPENDIX", centred=True, gap=2.5)
    page.line("A. FIDUCIAL VALUES OF THE MODEL", centred=True, gap=1.8)
    page.line("B. SAMPLER SETTINGS", centred=True, gap=1.8)
    page.paragraph(repeat=2)


def test_a_numbered_heading_in_capitals_atop_a_page_is_no_part_of_the_sentence_before_it():
    doc = pymupdf.open()
    _aastex_pages(doc)
    titles = _titles(_parse(doc))
    assert ("2", "METHOD", 1) in titles
    assert ("2.1", "Data and parameters", 2) in titles


def test_capitals_headings_of_the_back_matter_and_stacked_appendices_at_the_text_size():
    doc = pymupdf.open()
    _aastex_pages(doc)
    titles = [(number, title) for number, title, _ in _titles(_parse(doc))]
    assert (None, "DATA AVAILABILITY") in titles
    assert ("A", "FIDUCIAL VALUES OF THE MODEL") in titles
    assert ("B", "SAMPLER SETTINGS") in titles


def test_bold_parts_of_a_numbered_section_at_the_paragraph_indent_are_its_subsections():
    # IEEEtran (BigMM 2019): "Textual Feature Extractor", "Visual Feature Extractor" in bold at the
    # paragraph indent on lines of their own under "III. METHODOLOGY", each right under the
    # paragraph before it, the next paragraph indented under it; the subsections elsewhere are
    # lettered in italics ("A. Dataset").
    doc = pymupdf.open()
    page = Page(doc, top=80)
    _front(page, "Detecting Fake News with Many Modalities")
    page.line("I. INTRODUCTION", centred=True, gap=1.8)
    page.paragraph(repeat=3, indent=10, after=0)
    page.skip(6)
    page.line("II. METHODOLOGY", centred=True, gap=1.8)
    page.paragraph(repeat=2, indent=10, after=0)
    page.line("Textual Feature Extractor", "tibo", x=82)
    page.paragraph(repeat=2, indent=10, after=0)
    page.line("Visual Feature Extractor", "tibo", x=82)
    page.paragraph(repeat=2, indent=10, after=0)
    page.skip(6)
    page.line("III. DATASET", centred=True, gap=1.8)
    page.line("A. Twitter Dataset", "tiit", gap=1.5)
    page.paragraph(repeat=3, indent=10)
    titles = _titles(_parse(doc))
    assert ("II", "METHODOLOGY", 1) in titles
    assert titles[2:4] == [(None, "Textual Feature Extractor", 2), (None, "Visual Feature Extractor", 2)]


def test_a_bold_label_alone_over_a_numbered_list_is_a_heading():
    # IEEEtran: "Contributions." in bold on a line of its own, the list "1) A reusable ..." under it.
    doc = pymupdf.open()
    page = Page(doc, top=80)
    _front(page, "Why Detectors Fail Across Years")
    page.line("I. INTRODUCTION", centred=True, gap=1.8)
    page.paragraph(repeat=4, indent=10)
    page.line("Contributions.", "tibo", gap=1.3)
    page.line("1) A reusable decomposition that separates three ways the traffic changes from year to")
    page.line("year, each with a null floor of its own.", x=84)
    page.line("2) A decisive ablation that tells the two axes apart in the data of every year.")
    page.skip(8)
    page.paragraph(repeat=2, indent=10)
    page.line("II. RELATED WORK", centred=True, gap=1.8)
    page.paragraph(repeat=3, indent=10)
    page.line("III. RESULTS", centred=True, gap=1.8)
    page.paragraph(repeat=2, indent=10)
    titles = [(number, title) for number, title, _ in _titles(_parse(doc))]
    assert (None, "Contributions") in titles


def test_a_case_heading_over_a_short_paragraph_of_math_like_its_siblings():
    # ACL's appendix (bookmarked): "A.7 Case Study", then "Case 1: ...", "Case 2: ..." and "Case 3:
    # ..." in bold, none bookmarked (\subsubsection*), the last over a short paragraph whose inline
    # math ("{4, 4, 6, 12}") reads as a display's.
    doc = pymupdf.open()
    page = Page(doc, top=80)
    page.line("Knowing When a Problem Has No Answer", "tibo", 18, centred=True, gap=2)
    page.line("1 Introduction", "tibo", 12, gap=1.5)
    page.paragraph(repeat=3)
    page.line("A Appendix", "tibo", 12, gap=1.5)
    page.line("A.1 Case Study", "tibo", 11, gap=1.5)
    page.paragraph(repeat=1)
    cases = []
    for k, name in enumerate(("Latent Unsolvability", "Topological Impossibility")):
        cases.append(page.y)
        page.line(f"Case {k + 1}: {name}", "tibo", gap=1.5)
        page.paragraph(repeat=2)
    page.line("Case 3: Flexible Reasoning", "tibo", gap=1.5)
    page.page.insert_text((72, page.y), "Use the numbers", fontname="tiro", fontsize=10)
    page.page.insert_text((148, page.y), "{4, 4, 6, 12} = x + y", fontname="symb", fontsize=10)
    page.page.insert_text((240, page.y), "to compute the answer.", fontname="tiro", fontsize=10)
    page.y += 16
    page.line("A.2 Hyperparameters", "tibo", 11, gap=1.5)
    page.paragraph(repeat=2)
    doc.set_toc([[1, "1 Introduction", 1], [1, "A Appendix", 1], [2, "A.1 Case Study", 1], [2, "A.2 Hyperparameters", 1]])
    titles = [title for _, title, _ in _titles(_parse(doc))]
    assert "Case 2: Topological Impossibility" in titles
    assert "Case 3: Flexible Reasoning" in titles


def test_an_enumerated_subsubsection_alone_on_its_line_over_its_paragraph():
    # Word's IEEE conference template: "1) Feature Extraction:" upright at the text size on a line
    # of its own, a blank line's space over it, its paragraph opening on the next line at the
    # label's indent, under the italic "C. Speaker Recognition:". (A run-in one has its text beside
    # it on the line.)
    doc = pymupdf.open()
    page = Page(doc, top=80)
    _front(page, "Sentiment of Speakers in Recorded Speech")
    page.line("I. INTRODUCTION", centred=True, gap=1.8)
    page.paragraph(repeat=2, indent=10)
    page.line("II. BACKGROUND", centred=True, gap=1.8)
    page.line("A. Sentiment Analysis:", "tiit", gap=1.4)
    page.paragraph(repeat=2, indent=10)
    page.line("B. Speaker Recognition:", "tiit", gap=1.4)
    page.paragraph(repeat=1, indent=10)
    page.skip(12)
    for k, name in enumerate(("Feature Extraction", "Feature Matching")):
        page.line(f"{k + 1}) {name}:", x=82, gap=1.2)
        page.paragraph(repeat=2, indent=10, after=0)
        page.skip(14)
    page.line("III. PROPOSED SYSTEM", centred=True, gap=1.8)
    page.paragraph(repeat=2, indent=10)
    titles = _titles(_parse(doc))
    assert ("B", "Speaker Recognition:", 2) in titles or ("B", "Speaker Recognition", 2) in titles
    assert ("1", "Feature Extraction", 3) in titles
    assert ("2", "Feature Matching", 3) in titles
