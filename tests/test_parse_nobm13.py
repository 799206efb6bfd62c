"""Section headings read from the printed page alone, as a PDF without bookmarks must be read: the
type a paper's headings are set in, their numbers and letters, headings wrapped over two lines, and
a short bibliography without a heading. Pages drawn with PyMuPDF, no outline written."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from paperkit.reading.parse import parse_document  # noqa: E402

from test_parse_heads9 import PROSE  # noqa: E402  (the page writer heads9's tests use)
from test_parse_heads9 import Page as _Page  # noqa: E402


class Page(_Page):
    """heads9's page writer, with a heading set apart above and below."""

    def heading(self, text: str, font: str = "tibo", size: float = 12.0) -> None:
        self.skip(8)
        self.line(text, font, size, gap=1.6)


def _plain(page: Page, text: str, size: float = 10.0, symbol: str = "") -> None:
    """A heading in the text's roman type on a row of its own, space above and below it; `symbol`
    set after it in the Symbol font (a math variable)."""
    page.skip(10)
    page.line(text, "tiro", size, gap=0)
    if symbol:
        width = pymupdf.get_text_length(text + " ", fontname="tiro", fontsize=size)
        page.page.insert_text((72 + width, page.y), symbol, fontname="symb", fontsize=size)
    page.skip(2 * size)


def _parse(doc):
    assert not doc.get_toc()
    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as again:
        return parse_document(again)


def _titles(paper) -> list[tuple]:
    return [(s.number, s.title) for s in paper.sections]


def _front(page: Page) -> None:
    page.line("A Paper Without Bookmarks", "tibo", 18)
    page.skip(10)
    page.line("Ada Okafor and Bo Lindqvist")
    page.skip(10)


def test_headings_in_the_smaller_type_of_the_named_sections_are_headings():
    # SIGCHI: every section and subsection in 9 pt bold sans beside 10 pt text, no numbers
    # ("INTRODUCTION", "AUDIO EDITING INTERFACE", "Transcript-based speech editing"), its
    # subsubsections in 9 pt italic sans. Only the usual names were found; the rest were lost.
    doc = pymupdf.open()
    page = Page(doc)
    _front(page)
    page.heading("ABSTRACT", "hebo", 9)
    page.paragraph()
    page.heading("Author Keywords", "hebo", 9)
    page.line("Audio editing, storytelling, music browsing")
    page.heading("INTRODUCTION", "hebo", 9)
    page.paragraph()
    page.heading("RELATED WORK", "hebo", 9)
    page.paragraph()
    page.heading("AUDIO EDITING INTERFACE", "hebo", 9)
    page.paragraph()
    page.heading("Transcript-based speech editing", "hebo", 9)
    page.paragraph()
    page.heading("Finding music that fits an emotion", "heit", 9)
    page.paragraph()
    page = Page(doc)
    page.heading("CONCLUSION", "hebo", 9)
    page.paragraph()
    titles = [t for _, t in _titles(_parse(doc))]
    for title in ("INTRODUCTION", "AUDIO EDITING INTERFACE", "Transcript-based speech editing",
                  "Finding music that fits an emotion", "CONCLUSION"):
        assert title in titles, titles
    assert "Author Keywords" not in titles, titles


def _numbered_paper(doc) -> Page:
    page = Page(doc)
    _front(page)
    page.heading("1 Introduction")
    page.paragraph()
    page.heading("2 Method")
    page.paragraph()
    page.heading("3 Conclusion")
    page.paragraph()
    return page


def test_lettered_appendices_after_the_numbered_sections_are_numbered():
    # NeurIPS: "A Derivation of Kernel Function" in the type of "3 Conclusion", before the
    # references (and "C k-means Precision-Recall" after lettered "B"): the letter was read as the
    # title's first word ("A Twist") and the appendix lost its number.
    doc = pymupdf.open()
    page = _numbered_paper(doc)
    page = Page(doc)
    page.heading("A Derivation of Kernel Function")
    page.paragraph()
    page.heading("B Further Experiments")
    page.paragraph()
    sections = _titles(_parse(doc))
    assert ("A", "Derivation of Kernel Function") in sections, sections
    assert ("B", "Further Experiments") in sections, sections


def test_a_title_opening_on_a_capital_a_is_no_appendix():
    # A bold line "A Note on Speed" before the numbered sections stays a title: the letters run
    # only after the last numbered section.
    doc = pymupdf.open()
    page = Page(doc)
    _front(page)
    page.heading("A Note on Speed")
    page.paragraph()
    page.heading("1 Introduction")
    page.paragraph()
    page.heading("2 Method")
    page.paragraph()
    sections = _titles(_parse(doc))
    assert ("A", "Note on Speed") not in sections, sections


def test_lettered_subsections_in_plain_type_and_titles_with_a_symbol():
    # A preprint whose headings' font names no bold: "A.1 Cryptographic primitives" under the
    # appendix "A", and "B.2 Policy-server leakage function L_policy" with a math symbol among its
    # words, each a row of its own with space around it. Letters and the symbol both lost them.
    doc = pymupdf.open()
    page = Page(doc)
    _front(page)

    def plain(text: str, size: float = 10.0, symbol: str = "") -> None:
        _plain(page, text, size, symbol)

    plain("1 Introduction", 12)
    page.paragraph()
    plain("2 Protocol", 12)
    page.paragraph()
    plain("2.1 Canonical request binding")
    page.paragraph()
    plain("2.2 Leakage of the policy server", symbol="l")
    page.paragraph()
    page = Page(doc)
    plain("Appendix A: Proof Chain", 12)
    page.paragraph()
    plain("A.1 Cryptographic primitives")
    page.paragraph()
    plain("A.2 Security game for effects")
    page.paragraph()
    sections = _titles(_parse(doc))
    assert ("2.2", "Leakage of the policy server l") in sections, sections
    assert ("A.1", "Cryptographic primitives") in sections, sections
    assert ("A.2", "Security game for effects") in sections, sections


def test_a_numbered_subsection_opening_on_a_name_in_lower_case():
    # ICML: "3.1.1. tanh UNIT" in the text's roman type, under "3.1 Practical Implementation".
    doc = pymupdf.open()
    page = _numbered_paper(doc)
    page.heading("3.1 Practical Implementation", "tibo", 10)
    page.paragraph()
    _plain(page, "3.1.1. tanh UNIT")
    page.paragraph()
    sections = _titles(_parse(doc))
    assert ("3.1.1", "tanh UNIT") in sections, sections


def test_a_small_capitals_subsection_ending_in_a_full_stop():
    # ICLR: "E.1 TIR DATA CONSTRUCTION & COLD START." in small capitals on a row of its own.
    doc = pymupdf.open()
    page = _numbered_paper(doc)
    page = Page(doc)
    page.heading("Appendix E: Implementation", "tibo", 12)
    page.paragraph()
    _plain(page, "E.1 TIR DATA CONSTRUCTION & COLD START.")
    page.paragraph()
    sections = _titles(_parse(doc))
    assert ("E.1", "TIR DATA CONSTRUCTION & COLD START") in sections, sections


def test_a_capitals_heading_wrapped_at_a_broken_word_or_centred():
    # TPAMI: "3 THE TRADITIONAL CLASSIFICATION PR-" / "OBLEM" (the second line set in the smaller
    # capitals); IEEE: "IV. USING THE FITTED MODEL FOR LINK" / "PREDICTION AND FILTERING", centred.
    doc = pymupdf.open()
    page = _numbered_paper(doc)
    page.heading("4 THE TRADITIONAL CLASSIFICATION PR-", "tibo", 12)
    page.line("OBLEM", "tibo", 9.6)
    page.paragraph("the traditional problem is solved by " + PROSE)
    sections = _titles(_parse(doc))
    assert ("4", "THE TRADITIONAL CLASSIFICATION PROBLEM") in sections, sections

    doc = pymupdf.open()
    page = Page(doc)
    _front(page)

    def centred(text: str, size: float = 10.0, gap: float = 2.0) -> None:
        page.line(text, "tiro", size, x=306 - pymupdf.get_text_length(text, fontname="tiro", fontsize=size) / 2, gap=gap)

    for title in ("I. INTRODUCTION", "II. MODEL", "III. FITTING"):
        page.skip(10)
        centred(title)
        page.paragraph()
    page.skip(10)
    centred("IV. USING THE FITTED MODEL FOR LINK", gap=1.3)
    centred("PREDICTION AND FILTERING", 8)
    page.paragraph()
    sections = _titles(_parse(doc))
    assert ("IV", "USING THE FITTED MODEL FOR LINK PREDICTION AND FILTERING") in sections, sections


def test_an_unnumbered_heading_in_the_type_of_a_subsubsection_is_below_it():
    # NeurIPS sets subsections and subsubsections alike in 10 pt bold: "Tokenization" in that type
    # under "3.2.2 Encoder" is a paragraph's heading inside 3.2.2, not a subsection beside 3.2.
    doc = pymupdf.open()
    page = _numbered_paper(doc)
    page.heading("3.1 Transformers", "tibo", 10)
    page.paragraph()
    page.heading("3.1.1 Encoder", "tibo", 10)
    page.paragraph()
    page.heading("Tokenization", "tibo", 10)
    page.paragraph()
    levels = {s.title: s.level for s in _parse(doc).sections}
    assert levels.get("Tokenization") == 4, levels


def test_a_short_bibliography_without_a_heading_at_the_foot_of_the_last_page():
    # revtex: four entries "[1]" to "[4]" in 9 pt across the foot of the last page's two columns,
    # no heading over them; the right column's conclusions, above them, are read after the left
    # column's entries. Five entries were needed to take a list without a heading.
    doc = pymupdf.open()
    left, right = 54, 317

    def column(page, x: float, y: float, rows: int, text: str) -> float:
        for _ in range(rows):
            page.insert_text((x, y), text, fontname="tiro", fontsize=10)
            y += 12
        return y

    page = doc.new_page(width=612, height=792)
    page.insert_text((200, 60), "Charging Bosonic Batteries", fontname="tibo", fontsize=16)
    page.insert_text((120, 100), "I. INTRODUCTION", fontname="tibo", fontsize=9)
    column(page, left, 120, 50, "the battery charges through the loss channel while the gain")
    page.insert_text((390, 100), "II. THEORY", fontname="tibo", fontsize=9)
    column(page, right, 120, 50, "we model the cell as a mode coupled to a bath of ancillas")
    page = doc.new_page(width=612, height=792)
    column(page, left, 72, 12, "the battery charges through the loss channel while the gain")
    page.insert_text((right, 60), "remove such cases.", fontname="tiro", fontsize=10)
    page.insert_text((380, 84), "III. CONCLUSIONS", fontname="tibo", fontsize=9)
    column(page, right, 104, 8, "we found that the charging is stable under every gain we")
    entries = [(left, 330, "[1] R. Alicki and M. Fannes, Entanglement boost, Phys. Rev. E 87, 042123 (2013)."),
               (left, 356, "[2] F. Campaioli and G. M. Andolina, Colloquium, Rev. Mod. Phys. 96 (2024)."),
               (right, 330, "[3] A. E. Allahverdyan, Maximal work extraction, Europhys. Lett. 67 (2004)."),
               (right, 356, "[4] F. Ciccarello and S. Lorenzo, Quantum collision models, Phys. Rep. (2022).")]
    for x, y, text in entries:
        words = text.split()
        half = len(words) // 2
        page.insert_text((x, y), " ".join(words[:half]), fontname="tiro", fontsize=9)
        page.insert_text((x + 14, y + 10), " ".join(words[half:]), fontname="tiro", fontsize=9)
    paper = _parse(doc)
    assert ("III", "CONCLUSIONS") in _titles(paper), _titles(paper)
    assert len(paper.references) == 4, paper.references
    # (the left column's paragraph ends atop the right column, read after the entries there: no entry's)
    assert not any("remove such cases" in entry for entry in paper.references), paper.references


def test_the_wrapped_end_of_a_bold_list_item_is_no_heading():
    # NeurIPS's checklist: "15. Institutional Review Board (IRB) Approvals or Equivalent for Research
    # with Human" in bold after its number in roman, its last word "Subjects" wrapped onto the next
    # line at the text's leading: a bold line of its own, read as a heading.
    doc = pymupdf.open()
    page = _numbered_paper(doc)
    page.skip(10)
    page.page.insert_text((72, page.y), "15.", fontname="tiro", fontsize=10)
    page.page.insert_text((90, page.y), "Institutional Review Board Approvals or Equivalent for Research with Human",
                          fontname="tibo", fontsize=10)
    page.y += 11
    page.line("Subjects", "tibo", 10, x=90, gap=1.5)
    page.paragraph()
    titles = [t for _, t in _titles(_parse(doc))]
    assert "Subjects" not in titles, titles


def test_a_formula_after_the_references_is_no_lettered_appendix():
    # A display after the bibliography, "T 1−ρa 2ρa+ 7" set large on a row of its own: a capital
    # variable before pieces of math, not appendix T.
    doc = pymupdf.open()
    page = _numbered_paper(doc)
    page.heading("References")
    page.line("[1] A. Author. A title of a paper. In Proceedings of a conference, 2019.")
    page = Page(doc)
    page.heading("A Proofs")
    page.paragraph()
    page.skip(10)
    page.line("T 1 ab 2 ab 7", "tibo", 12, x=200, gap=2)
    page.paragraph()
    sections = _titles(_parse(doc))
    assert ("A", "Proofs") in sections and not any(number == "T" for number, _ in sections), sections
