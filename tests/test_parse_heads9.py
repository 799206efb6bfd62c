"""Headings and titles in shapes met on real papers (a magazine's layout, IEEE headings with math,
starred sections, review line numbers), each on pages drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from tests.pdf_pages import reparse as _parse

PROSE = ("We train every model for ninety epochs with the same schedule and report the mean of three "
         "seeds, because single runs vary by more than the differences we want to measure in this study.")


class Page:
    """A page written top to bottom: each call sets a line at the next height."""

    def __init__(self, doc, width: float = 612, height: float = 792, top: float = 72.0):
        self.page = doc.new_page(width=width, height=height)
        self.width = width
        self.y = top

    def line(self, text: str, font: str = "tiro", size: float = 10.0, x: float = 72, gap: float = 1.25,
             centred: bool = False) -> None:
        if centred:
            x = (self.width - pymupdf.get_text_length(text, fontname=font, fontsize=size)) / 2
        self.page.insert_text((x, self.y), text, fontname=font, fontsize=size)
        self.y += size * gap

    def skip(self, points: float) -> None:
        self.y += points

    def paragraph(self, text: str = PROSE, repeat: int = 2, size: float = 10.0, font: str = "tiro",
                  per_line: int = 14, x: float = 72, indent: float = 0.0, after: float = 6) -> None:
        words = (" ".join([text] * repeat)).split()
        for k, start in enumerate(range(0, len(words), per_line)):
            self.line(" ".join(words[start:start + per_line]), font, size, x=x + (indent if k == 0 else 0))
        self.y += after


def _titles(paper) -> list[tuple]:
    return [(s.number, s.title, s.level) for s in paper.sections]


# ─────────────────────────────── titles ───────────────────────────────


def test_a_running_head_set_large_over_page_one_is_not_the_title():
    # CACM: the section label "contributed articles" in 40 pt over page 1's title, and again in
    # 12 pt at the same place at the top of every later page: a running head, not the title.
    doc = pymupdf.open()
    page = Page(doc, top=60)
    page.line("contributed articles", size=40)
    page.skip(30)
    page.line("Small Models Still Matter", "tibo", 24)
    page.skip(20)
    page.line("Ada Okafor, Bo Lindqvist")
    page.skip(14)
    page.paragraph(repeat=6)
    for _ in range(2):
        later = Page(doc, top=60 - 40 * 1.053 + 12 * 1.053)  # (tops level with page 1's label)
        later.line("contributed articles", size=12)
        later.skip(20)
        later.paragraph(repeat=8)
    assert _parse(doc).title == "Small Models Still Matter"


def test_a_title_prefix_ending_in_a_colon_may_be_set_much_smaller():
    # CACM: "What Serverless Computing" / "Is and Should Become:" in 26 pt over "The Next Phase of"
    # / "Cloud Computing" in 40 pt: one title.
    doc = pymupdf.open()
    page = Page(doc, top=100)
    page.line("Why Small Models", "tibo", 24, gap=1.0)
    page.line("Still Matter:", "tibo", 24, gap=1.35)
    page.line("A Field Guide", "tibo", 40, gap=1.0)
    page.skip(20)
    page.line("Ada Okafor, Bo Lindqvist")
    page.skip(14)
    page.paragraph(repeat=6)
    assert _parse(doc).title == "Why Small Models Still Matter: A Field Guide"


def test_a_column_of_text_beside_the_title_is_not_part_of_it():
    # The same title in the left part of a magazine's page 1, a column of 10 pt text beside it whose
    # lines stand between the title's lines in height: none of them joins the title.
    doc = pymupdf.open()
    page = Page(doc, top=100)
    page.line("Why Small Models", "tibo", 24, gap=1.0)
    page.line("Still Matter:", "tibo", 24, gap=1.35)
    page.line("A Field Guide", "tibo", 40, gap=1.0)
    page.skip(20)
    page.line("Ada Okafor, Bo Lindqvist")
    page.skip(14)
    page.paragraph(repeat=6)
    y = 70.0
    words = " ".join([PROSE] * 3).split()
    for start in range(0, 60, 6):
        page.page.insert_text((380, y), " ".join(words[start:start + 6]), fontname="tibo", fontsize=10)
        y += 11.5
    assert _parse(doc).title == "Why Small Models Still Matter: A Field Guide"


# ─────────────────────────────── headings without numbers ───────────────────────────────


def _magazine(doc, main_heads: list[list[str]], sidebar: str | None = None) -> None:
    """Pages of a paper without numbered headings: each heading in bold at the text's size (one or
    two lines), a paragraph under it; a sidebar (a 26 pt heading over 8 pt prose) on the last page."""
    page = Page(doc)
    page.line("A Magazine Article About Models", "tibo", 20)
    page.skip(10)
    page.paragraph(repeat=12)
    page = Page(doc)  # (a page-1 line without a number is read as the title block's)
    page.paragraph(repeat=3)
    for head in main_heads:
        if page.y > 600:
            page = Page(doc)
        for text in head:
            page.line(text, "tibo", 10)
        page.paragraph(repeat=3)
    if sidebar:
        page = Page(doc)
        page.line(sidebar, "tibo", 26)
        page.skip(6)
        page.paragraph(repeat=4, size=8, per_line=18)
        page.line("Closing Remarks", "tibo", 10)
        page.paragraph(repeat=3)


def test_a_bold_heading_wrapped_onto_a_second_line_is_one_heading():
    # CACM: "Understanding What" / "Serverless Is Today" in bold at the text's size, in a column
    # too narrow for it.
    doc = pymupdf.open()
    _magazine(doc, [["Understanding What", "Small Models Are"], ["Model Economics"]])
    titles = [title for _, title, _ in _titles(_parse(doc))]
    assert "Understanding What Small Models Are" in titles
    assert "Model Economics" in titles


def test_a_bold_line_set_in_further_under_a_bold_heading_is_a_heading_of_its_own():
    # "Human evaluation" over "Selfplay" set in a little further (an empty skeleton's subsections):
    # two headings, not one wrapped.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Magazine Article About Models", "tibo", 20)
    page.skip(10)
    page.paragraph(repeat=12)
    page = Page(doc)
    page.paragraph(repeat=3)
    page.line("Human evaluation", "tibo", 10)
    page.line("Selfplay", "tibo", 10, x=83)
    page.paragraph(repeat=3)
    titles = [title for _, title, _ in _titles(_parse(doc))]
    assert "Human evaluation Selfplay" not in titles


def test_a_sidebar_heading_in_large_type_does_not_push_the_sections_down():
    # CACM: a sidebar's 26 pt heading over 8 pt text, beside sections headed in bold at the text's
    # size: all are sections (level 1); the sidebar's size ranks no other heading.
    doc = pymupdf.open()
    _magazine(doc, [["Model Economics"], ["Research Challenges"]], sidebar="The Cost of Models")
    levels = {title: level for _, title, level in _titles(_parse(doc))}
    assert levels["Model Economics"] == 1
    assert levels["Research Challenges"] == 1
    assert levels["The Cost of Models"] == 1


# ─────────────────────────────── IEEE headings with math ───────────────────────────────


def _ieee_pages(doc, heading_spans: list[tuple[str, str, float, float]], after: str) -> None:
    """A page of an IEEE-style paper with roman sections; under "II. METHOD" an italic subsection
    heading drawn from `heading_spans` (text, font, size, rise), then the paragraph `after` set in
    a little (its first line indented)."""
    page = Page(doc)
    page.line("Estimators Revisited", "tibo", 20)
    page.skip(10)
    for roman, name in (("I.", "INTRODUCTION"), ("II.", "METHOD")):
        page.skip(8)
        page.line(f"{roman} {name}", "tiro", 10, x=150, gap=1.8)
        page.paragraph(repeat=2)
    # (written with the fonts embedded: the base-14 encoding has no "ˆ")
    writer = pymupdf.TextWriter(page.page.rect)
    x = 72.0
    for text, font, size, rise in heading_spans:
        writer.append((x, page.y - rise), text, font=pymupdf.Font(font), fontsize=size)
        x += pymupdf.Font(font).text_length(text, fontsize=size)
    writer.write_text(page.page)
    page.y += 12.5
    page.line(after, x=82)
    page.paragraph(repeat=2)
    page.skip(8)
    page.line("III. RESULTS", "tiro", 10, x=150, gap=1.8)
    page.paragraph(repeat=2)


def test_an_italic_heading_with_a_hat_over_a_bold_letter_stays_apart_from_its_paragraph():
    # IEEE: "A. Part 1: Estimate X, holding Ŝ constant" in italics but for the bold math letters and
    # the hat drawn apart in roman ("ˆ" is a letter to Unicode): the italic heading's line, not
    # joined to the paragraph under it ("Given Ŝ, the optimal value of X is").
    doc = pymupdf.open()
    _ieee_pages(doc, [("A. Part 1: Estimate ", "tiit", 10, 0), ("X", "tibo", 10, 0), (", holding ", "tiit", 10, 0),
                      ("\u02c6", "tiro", 10, 0), ("S", "tibo", 10, 0), (" constant", "tiit", 10, 0)],
                "Given S, the optimal value of X is found by least squares over the window of data.")
    titles = {number: title for number, title, _ in _titles(_parse(doc))}
    assert titles["A"].startswith("Part 1: Estimate X, holding")
    assert titles["A"].endswith("constant")


def test_a_bookmark_without_the_math_at_the_end_of_its_heading_is_named_as_printed():
    # hyperref drops the math of "A. Null-hypothesis, H₀" from its bookmark ("Null-hypothesis"):
    # the heading is named as printed.
    doc = pymupdf.open()
    _ieee_pages(doc, [("A. Null-hypothesis, ", "tiit", 10, 0), ("H", "tiit", 10, 0), ("0", "tiro", 7, -2)],
                "Under the null hypothesis the residuals are white and their sum of squares is chi-square.")
    doc.set_toc([[1, "I Introduction", 1], [1, "II Method", 1], [2, "II-A Null-hypothesis", 1],
                 [1, "III Results", 1]])
    titles = {number: title for number, title, _ in _titles(_parse(doc))}
    assert titles["A"] == "Null-hypothesis, H0"


# ─────────────────────────────── starred sections ───────────────────────────────


def test_a_starred_section_in_the_type_of_the_bookmarked_ones_is_kept_whatever_its_name():
    # ICLR: "Ethic Statement", "The Use of Large Language Models" set with \section* in the
    # sections' type, so hyperref bookmarks none of them: kept as sections, whatever they are called.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Paper About Models", "tibo", 17)
    page.skip(10)
    for head in ("1 Introduction", "2 Method", "3 Conclusion", "Use of Language Models", "Appendix Summary"):
        if page.y > 560:
            page = Page(doc)
        page.line(head, "tibo", 12)
        page.paragraph(repeat=3)
    doc.set_toc([[1, "Introduction", 1], [1, "Method", 1], [1, "Conclusion", 1]])
    titles = [title for _, title, _ in _titles(_parse(doc))]
    assert "Use of Language Models" in titles
    assert "Appendix Summary" in titles


# ─────────────────────────────── review line numbers ───────────────────────────────


def test_margin_numbers_either_side_of_a_rounding_step_are_one_file():
    # A review copy's line numbers, right-aligned at x = 98 give or take a tenth of a point (97.9
    # and 98.04, either side of a step of the rounding that grouped them): one file, all taken out,
    # so none is left as text (between a heading's two lines, it cut the heading in two).
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Paper Under Review", "tibo", 17)
    page.skip(10)
    page.line("Abstract", "tibo", 12, x=108)
    page.paragraph(x=108)
    page.line("1 Introduction", "tibo", 12, x=108)
    width = pymupdf.get_text_length("000", fontname="tiro", fontsize=6)
    words = " ".join([PROSE] * 4).split()
    for k in range(40):
        page.line(" ".join(words[k % 20:k % 20 + 14]), x=108)
        right = 98.04 if k % 9 == 4 else 97.9
        page.page.insert_text((right - width, page.y - 12.5 - 1), f"{k + 100:03d}", fontname="tiro", fontsize=6)
    paper = _parse(doc)
    text = " ".join([paper.abstract or ""] + [p.text for s in paper.sections for p in s.paragraphs])
    assert "ninety epochs" in text
    assert not any(word.isdigit() for word in text.split())


# ─────────────────────────────── headings and what follows them ───────────────────────────────


def test_a_bold_lead_under_a_wrapped_numbered_heading_is_not_the_headings():
    # "4.1 Meta-evaluation of reference-based" / "human annotation" (wrapped under its title, past
    # its number), then the next paragraph's bold lead back at the number's edge ("Reference-based
    # evaluators are suboptimal in" / "the ground truth setting  First, we ..."): the heading ends
    # before the lead.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Evaluators Revisited", "tibo", 17)
    page.skip(10)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph(repeat=3)
    page.skip(6)
    page.page.insert_text((72, page.y), "4.1", fontname="tibo", fontsize=11)
    page.line("Meta-evaluation of reference-based", "tibo", 11, x=96.5, gap=1.23)
    page.line("human annotation", "tibo", 11, x=96.5, gap=1.6)
    page.line("Reference-based evaluators are suboptimal in", "tibo", 11, gap=1.23)
    page.page.insert_text((72, page.y), "the ground truth setting", fontname="tibo", fontsize=11)
    page.line("First, we report the correlation", "tiro", 11, x=210, gap=1.23)
    page.paragraph(repeat=2, size=11, per_line=9)
    page.line("4.2 Meta-evaluation of evaluators", "tibo", 11)
    page.paragraph(repeat=2)
    titles = {number: title for number, title, _ in _titles(_parse(doc))}
    assert titles["4.1"] == "Meta-evaluation of reference-based human annotation"


def test_a_nomenclature_on_page_one_is_a_section():
    # AIAA: the list of symbols under its own centred heading, "Nomenclature", on page 1 before the
    # first numbered section: a section, not a line of the title block.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Stability of a Blended Wing Body", "tibo", 18, x=150)
    page.skip(8)
    page.line("Ada Okafor and Bo Lindqvist", x=230)
    page.skip(16)
    page.paragraph(repeat=2)
    page.skip(10)
    page.line("Nomenclature", "tibo", 12, x=265, gap=1.8)
    for symbol, meaning in (("AVL", "Athena Vortex Lattice"), ("BWB", "Blended Wing Body"),
                            ("CFD", "Computational Fluid Dynamics"), ("VLM", "Vortex Lattice Method")):
        page.page.insert_text((72, page.y), symbol, fontname="tiro", fontsize=10)
        page.line(meaning, x=150)
    page.skip(10)
    page.line("I. Introduction", "tibo", 12, x=260, gap=1.8)
    page.paragraph(repeat=3)
    page.line("II. Method", "tibo", 12, x=270, gap=1.8)
    page.paragraph(repeat=3)
    page.line("III. Results", "tibo", 12, x=270, gap=1.8)
    page.paragraph(repeat=3)
    titles = [title for _, title, _ in _titles(_parse(doc))]
    assert "Nomenclature" in titles


def test_a_usual_section_name_in_the_numbered_sections_plain_type_is_a_section():
    # UAI 1999: "1 Introduction", "2 Method", ... and "Acknowledgments" in 8.5 pt upright type beside
    # 10 pt text, no bold: only numbers mark the sections; the unnumbered one is known by its type
    # (theirs) and its name.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Paper in Plain Type", "tibo", 17)
    page.skip(10)
    page.paragraph(repeat=2)
    for head in ("1 Introduction", "2 Method", "3 Conclusion", "Acknowledgments"):
        if page.y > 600:
            page = Page(doc)
        page.skip(8)
        page.line(head, "tiro", 8.5, gap=2.4)
        page.paragraph(repeat=2)
    titles = [title for _, title, _ in _titles(_parse(doc))]
    assert titles[:3] == ["Introduction", "Method", "Conclusion"]
    assert "Acknowledgments" in titles


def test_a_bold_numbered_heading_with_math_wraps_under_its_title():
    # "A.2 If g(X) = E[Y|X] + c, then refinement error is null, and calibration error is non null" /
    # "provided c ≠ 0": bold but for its math (set in the math fonts), wrapped under its title past
    # its number: one heading, the math's "=" notwithstanding.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Local Recalibration", "tibo", 17)
    page.skip(10)
    page.line("A Proofs", "tibo", 12, gap=1.6)
    page.line("A.1 First Statement", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    page.skip(4)
    spans = [("If", "tibo"), (" g", "tiit"), ("(", "tiro"), ("X", "tibo"), (") =", "tiro"), (" E", "helv"),
             ("[", "tiro"), ("Y", "tibo"), ("|", "tiro"), ("X", "tibo"), ("] +", "tiro"), (" c", "tiit"),
             (", then refinement error is null, and calibration error is non null", "tibo")]
    page.page.insert_text((72, page.y), "A.2", fontname="tibo", fontsize=10)
    x = 96.6
    for text, font in spans:
        page.page.insert_text((x, page.y), text, fontname=font, fontsize=10)
        x += pymupdf.get_text_length(text, fontname=font, fontsize=10)
    page.y += 11.3
    page.page.insert_text((96.6, page.y), "provided", fontname="tibo", fontsize=10)
    page.page.insert_text((96.6 + pymupdf.get_text_length("provided", fontname="tibo", fontsize=10), page.y),
                          " c = 0", fontname="tiro", fontsize=10)
    page.y += 20
    page.paragraph(repeat=2)
    page.line("A.3 Third Statement", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    titles = {number: title for number, title, _ in _titles(_parse(doc))}
    assert titles["A.2"].startswith("If g(X) = E[Y|X] + c, then")
    assert titles["A.2"].endswith("non null provided c = 0")


def test_a_bookmark_that_keeps_some_math_but_drops_the_rest_is_named_as_printed():
    # the bookmark "Estimating PD(|X)" keeps the bar but lacks the ρ printed in "Estimating PDρ(Y|X)"
    doc = pymupdf.open()
    _ieee_pages(doc, [("A. Estimating P", "tiit", 10, 0), ("D\u03c1", "tiit", 7, -2), ("(Y |X)", "tiit", 10, 0)],
                "Under the null hypothesis the residuals are white and their sum of squares is chi-square.")
    doc.set_toc([[1, "I Introduction", 1], [1, "II Method", 1], [2, "II-A Estimating PD(Y|X)", 1],
                 [1, "III Results", 1]])
    titles = {number: title for number, title, _ in _titles(_parse(doc))}
    assert "\u03c1" in titles["A"]
