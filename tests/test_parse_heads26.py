"""Headings of the sixteenth split's papers: each layout fact on pages drawn here with PyMuPDF."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import PROSE, Page, _parse, _titles  # noqa: E402  (heads9's page writer and parse helper)


def _body_page(doc, head: str | None = None, number: str | None = None, top: float = 72.0) -> Page:
    """A page of prose, opened by a bold numbered heading when `head` is given: its number and its
    title two pieces on one row, as a FrameMaker report sets them."""
    page = Page(doc, top=top)
    if head is not None:
        page.page.insert_text((72, page.y), number, fontname="hebo", fontsize=12)
        page.page.insert_text((99, page.y), head, fontname="hebo", fontsize=12)
        page.y += 12 * 2
    page.paragraph(repeat=5)
    page.page.insert_text((300, 760), str(len(doc)), fontname="tiro", fontsize=10)  # the page's number
    return page


def test_a_bold_section_number_atop_a_page_beside_its_title_is_no_page_number():
    # A report made with FrameMaker: "2" and "The Vision of Unified Objects" in Helvetica Bold at the
    # very top of page 3, two pieces level with each other; "2" is the section's number, not a folio.
    doc = pymupdf.open()
    page = Page(doc, top=90)
    page.line("A Note on Measured Things", "hebo", 18, gap=2.5)
    page.page.insert_text((72, page.y), "1", fontname="hebo", fontsize=12)
    page.page.insert_text((99, page.y), "Introduction", fontname="hebo", fontsize=12)
    page.y += 24
    page.paragraph(repeat=4)
    page.page.insert_text((300, 760), "1", fontname="tiro", fontsize=10)
    for k, head in ((2, "The Vision of Unified Objects"), (3, "Local and Remote Computing"), (4, "Lessons Learned")):
        _body_page(doc, head, str(k))
    titles = [(n, t) for n, t, _ in _titles(_parse(doc))]
    assert ("2", "The Vision of Unified Objects") in titles
    assert ("3", "Local and Remote Computing") in titles and ("4", "Lessons Learned") in titles


def test_a_letter_before_an_entrys_journal_and_pages_after_the_references_is_no_appendix():
    # IOP's references: an entry's last line "J. Risk 57-69" or "J. Econometrics 73 185-216" (the
    # journal in italics, its volume and pages upright) at the text's size less a point: no
    # appendix "J" titled "Risk 57–69".
    doc = pymupdf.open()
    page = Page(doc, top=90)
    page.line("A Study of Measured Things", "tibo", 18, gap=2.5)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=4)
    page.line("2 Conclusion", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    page.line("References", "tibo", 12, gap=1.6)
    for k, (first, last) in enumerate((("Adler R and Taqqu M 1998 Heavy tails in the markets of", "J. Risk 57-69"),
                                       ("Beran J 1992 Statistical methods for data with long range", "J. Econometrics 73 185-216"),
                                       ("Cont R 1997 Scaling and correlation in financial data", "J. Finance XLV 221-9"),
                                       ("Ding Z and Granger C 1994 Stylized facts on returns", "J. Empirical Finance 1 83"))):
        page.line(f"[{k + 1}] {first}", "tiro", 9, gap=1.1)
        page.page.insert_text((82, page.y), last.split(" ")[0] + " " + " ".join(w for w in last.split(" ")[1:] if not w[0].isdigit()),
                              fontname="tiit", fontsize=9)
        page.y += 9 * 1.1
        width = pymupdf.get_text_length(" ".join(w for w in last.split(" ") if not w[0].isdigit()) + " ", fontname="tiit", fontsize=9)
        page.page.insert_text((82 + width, page.y - 9 * 1.1), " ".join(w for w in last.split(" ") if w[0].isdigit()),
                              fontname="tiro", fontsize=9)
    paper = _parse(doc)
    assert [(n, t) for n, t, _ in _titles(paper) if n] == [("1", "Introduction"), ("2", "Conclusion")]


def test_a_step_of_a_series_in_the_heading_type_is_a_heading_over_a_short_block():
    # SIGCHI in Word: "Step 1. Intentional Category Over-Generation" ... in 9 pt italics, the type of
    # the subsubsections, each over "HIT primitives: ..." / "Output: ..." then its paragraph; where
    # those two lines are short ("HIT primitives: none"), no paragraph stands right under the step.
    doc = pymupdf.open()
    page = Page(doc, top=90)
    page.line("A Study of Measured Things", "hebo", 18, gap=2.5)
    for name in ("INTRODUCTION", "METHOD"):
        page.line(name, "hebo", 9, gap=1.6)
        page.paragraph(repeat=2)
    page = Page(doc, top=72)
    steps = ("Step 1. Category Generation", "Step 2. Best Category Vote", "Step 3. Global Structure Inference")
    for k, step in enumerate(steps):
        page.line(step, "heit", 9, gap=1.4)
        if k < 2:
            page.line("Primitives: Generate is called many times for every one of the items in the set")
        else:
            page.line("Primitives: none")
        page.line("Output: a taxonomy with all items")
        page.skip(10)
        page.paragraph(repeat=2)
    page.line("RESULTS", "hebo", 9, gap=1.6)
    page.paragraph(repeat=2)
    titles = [t for _, t, _ in _titles(_parse(doc))]
    assert all(step in titles for step in steps), titles


def test_a_subsection_heading_right_under_a_wrapped_section_heading_is_its_own():
    # Proceedings of the IEEE: "III. STATE OF THE ART AND" / "CHALLENGES" in 11 pt bold, then right
    # under it "A. Frequency Definition" in 10.5 pt bold, at the pitch of the lines above.
    doc = pymupdf.open()
    page = Page(doc, top=90)
    page.line("A Study of Measured Things", "tibo", 18, gap=2.5)
    page.line("I. INTRODUCTION", "tibo", 11, gap=1.6)
    page.paragraph(repeat=3)
    page.line("A. Related Work", "tibo", 10.5, gap=1.5)
    page.paragraph(repeat=3)
    page.line("II. STATE OF THE ART AND", "tibo", 11, gap=12 / 11)
    page.line("CHALLENGES", "tibo", 11, gap=17 / 11)
    page.line("A. Frequency Definition", "tibo", 10.5, gap=1.5)
    page.paragraph(repeat=3)
    page.line("B. Sampling", "tibo", 10.5, gap=1.5)
    page.paragraph(repeat=3)
    page = Page(doc, top=72)
    for name in ("III. APPLICATIONS", "IV. DISCUSSION", "V. CONCLUSION"):
        page.line(name, "tibo", 11, gap=1.6)
        page.paragraph(repeat=2)
    titles = [(n, t) for n, t, _ in _titles(_parse(doc))]
    assert ("II", "STATE OF THE ART AND CHALLENGES") in titles and ("A", "Frequency Definition") in titles, titles


def _numbered_prose(page: Page, start: int, count: int = 30) -> int:
    """`count` lines of prose at x = 108, each with its review line number right-aligned at x = 98
    in 6 pt; returns the next number."""
    width = pymupdf.get_text_length("000", fontname="tiro", fontsize=6)
    words = " ".join([PROSE] * 4).split()
    for k in range(count):
        page.line(" ".join(words[k % 20:k % 20 + 14]), x=108)
        page.page.insert_text((98 - width, page.y - 12.5 - 1), f"{start + k:03d}", fontname="tiro", fontsize=6)
    return start + count


def test_line_numbers_of_a_page_of_figures_stand_where_the_other_pages_file_stands():
    # An ACL submission's appendix page: a two-line bold heading ("B Temperature Scaling Experiments
    # -" / "Line Plots") over a figure, only the heading's two lines numbered: too few numbers for a
    # file of their own, the second one was read as text and cut the heading in two.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Paper Under Review", "tibo", 17)
    page.skip(10)
    page.line("1 Introduction", "tibo", 12, x=108)
    number = _numbered_prose(page, 100)
    page = Page(doc)
    page.line("A Appendix Details", "tibo", 12, x=108)
    number = _numbered_prose(page, number)
    page = Page(doc)
    for text, x in (("B Temperature Scaling Experiments -", 108), ("Line Plots", 124)):
        page.line(text, "tibo", 12, x=x, gap=1.15)
        bold = pymupdf.get_text_length("000", fontname="tibo", fontsize=6)  # (lineno sets them in the line's weight)
        page.page.insert_text((98 - bold, page.y - 13.8 - 1), f"{number:03d}", fontname="tibo", fontsize=6)
        number += 1
    page.page.draw_rect(pymupdf.Rect(108, 140, 500, 400), color=(0, 0, 0), fill=(0.3, 0.5, 0.8))
    for k in range(14):  # the plot's words: tick labels down its side
        page.page.insert_text((120, 160 + 17 * k), f"accuracy {k / 10:.1f}", fontname="helv", fontsize=7)
    page.y = 420
    page.line("Figure 6: Trends seen in temperature scaling for the datasets.", x=108)
    titles = [(n, t) for n, t, _ in _titles(_parse(doc))]
    assert any(t.endswith("Temperature Scaling Experiments - Line Plots") for _, t in titles), titles


def test_an_appendix_heading_goes_on_past_its_letter_in_another_face():
    # "C Results of temperature scaling for" in bold, then "LLaMA2-13B" in a bold typewriter face
    # under the title, past the letter: one heading (a digit's number did so already).
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Paper Under Review", "tibo", 17)
    page.skip(10)
    for k, name in enumerate(("Introduction", "Method", "Results")):
        page.line(f"{k + 1} {name}", "tibo", 12)
        page.paragraph(repeat=2)
    page.line("A Prompts", "tibo", 12)
    page.paragraph(repeat=2)
    page.line("B Results of temperature scaling for", "tibo", 12, gap=1.2)
    page.line("LLaMA2-13B", "cobo", 12, x=72 + pymupdf.get_text_length("B ", fontname="tibo", fontsize=12), gap=1.6)
    page.paragraph(repeat=2)
    titles = [(n, t) for n, t, _ in _titles(_parse(doc))]
    assert ("B", "Results of temperature scaling for LLaMA2-13B") in titles, titles
