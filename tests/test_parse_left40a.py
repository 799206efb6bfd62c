"""Run-in subsection heads of amsart ("2.1. *Title.* Text..."), with upright math in the title or a
piece of the row's math read as a line of its own before it, each on pages drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import PROSE, Page, _parse  # noqa: E402  (heads9's page writer and parse helper)


def _titles(paper) -> list[tuple]:
    return [(s.number, s.title, s.level) for s in paper.sections]


def _pieces(page: Page, pieces: list[tuple[str, str]], x: float = 72, size: float = 10.0) -> None:
    """One row of pieces in their fonts, side by side, at the page's next height."""
    for text, font in pieces:
        page.page.insert_text((x, page.y), text, fontname=font, fontsize=size)
        x += pymupdf.get_text_length(text, fontname=font, fontsize=size)
    page.y += size * 1.25


def _amsart(row: list[tuple[str, str]], before=None) -> object:
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1. Introduction", "tibo", 10, x=250)
    page.skip(6)
    page.paragraph(repeat=3)
    page.skip(4)
    if before:
        before(page)
    _pieces(page, row)
    page.paragraph(repeat=2)
    page.skip(4)
    _pieces(page, [("1.2. ", "tiro"), ("Our contributions. ", "tibo"), ("We keep the schedule of the", "tiro")])
    page.paragraph(repeat=2)
    return _parse(doc)


def test_a_run_in_head_with_upright_parentheses_in_its_italic_title_is_a_subsection():
    # amsart: "4.2.5. *Rationality of P*(*Y*)*.* To show that..." (the parentheses set upright among
    # the italic title's words): the subsection is a heading all the same.
    paper = _amsart([("1.1. ", "tiro"), ("Rationality of P", "tiit"), ("(", "tiro"), ("Y", "tiit"), (")", "tiro"),
                     (".", "tiit"), (" To show that the price is rational we use the lemma", "tiro")])
    titles = _titles(paper)
    assert [(n, t.replace(" ", ""), level) for n, t, level in titles] == [
        ("1", "Introduction", 1), ("1.1", "RationalityofP(Y)", 2), ("1.2", "Ourcontributions", 2)]


def test_a_run_in_head_after_a_big_delimiter_of_its_rows_math_read_first_is_a_subsection():
    # amsart: the row "3.1.2. *Log normal belief.* If v is the distribution m exp (..." with a big
    # parenthesis set higher than the row's words, which the reader takes for a line before the row's:
    # the line before the row ends a sentence, so the head is a run-in subsection all the same.
    def bracket(page: Page) -> None:
        page.page.insert_text((420, page.y - 2.5), "(", fontname="tiro", fontsize=10)

    paper = _amsart([("1.1. ", "tiro"), ("Log normal belief. ", "tiit"),
                     ("If v is the distribution m exp", "tiro")], before=bracket)
    titles = _titles(paper)
    assert ("1.1", "Log normal belief", 2) in titles, titles


def test_a_word_spelt_down_the_page_from_the_titles_first_letter_is_read_into_the_title():
    # NAACL 2024: "V Attack: Taking advantage of ..." in 14 pt bold, the letters "e", "r", "t" set one
    # under another beneath its "V" in the same type: the title is "VertAttack: ...".
    doc = pymupdf.open()
    page = Page(doc, top=100)
    page.line("V Attack: Taking advantage of Text Classifiers' horizontal vision", "tibo", 14, x=100, gap=1.3)
    for letter in "ert":
        page.line(letter, "tibo", 14, x=104, gap=1.3)
    page.skip(20)
    page.line("Ada Okafor and Bo Lindqvist", "tibo", 12, x=230)
    page.skip(20)
    page.paragraph(repeat=8)
    assert _parse(doc).title == "VertAttack: Taking advantage of Text Classifiers' horizontal vision"


def _bookmarked_paper(label_x: float, bullet: str = "\u2022 ", label: str = "Assumptions", sibling: bool = False) -> object:
    """Numbered sections, bookmarked, and in section 2 a bold line at `label_x` over bulleted items set
    in from the column's edge, each a paragraph of prose; with `sibling`, an unbookmarked bold heading
    "Case Study" over a paragraph and a display before it."""
    doc = pymupdf.open()
    page = Page(doc)
    for number, name in (("1", "Introduction"), ("2", "The Estimator")):
        page.line(f"{number} {name}", "tibo", 12)
        page.skip(4)
        page.paragraph(repeat=2)
    page.line("In what follows we make the following assumptions on the estimator and its data.")
    if sibling:
        page.skip(6)
        page.line("Case Study", "tibo", 10)
        page.skip(2)
        page.paragraph(repeat=2)
        page.line("(12 - 4 - 4) * 6", x=170)
        page.skip(10)
    page.skip(8)
    page.line(label, "tibo", 10, x=label_x)
    page.skip(8 if sibling else 2)
    page.page.insert_font(fontname="R", fontbuffer=pymupdf.Font("tiro").buffer)  # (its bullet read as "•")
    for item in ("(A1) Smooth functional.", "(A2) Bounded kernel.") if not sibling else ("No False Refusal:", "Flexibility:"):
        page.line(bullet + item + " The unknown functional belongs to the class of smooth functionals on the",
                  "R", x=82)
        page.line("domain, and we will use this property when we bound the risk of the estimator in the", "R", x=92)
        page.line("next section, where every constant of the bound is made explicit for the reader.", "R", x=92)
        page.skip(4)
    page.skip(6)
    page.line("3 Upper Bound on Risk", "tibo", 12)
    page.skip(4)
    page.paragraph(repeat=2)
    doc.set_toc([[1, "1 Introduction", 1], [1, "2 The Estimator", 1], [1, "3 Upper Bound on Risk", 1]])
    return _parse(doc)


def test_a_bold_line_at_the_columns_edge_over_bulleted_items_set_in_heads_a_subsection():
    # AISTATS 2013: "Assumptions" in bold at the text's size, flush with the column's paragraphs, over
    # "• (A1) Hölder continuous functional. The unknown ..." set in from the column's edge (no bookmark:
    # \subsection*): a heading under section 3, as a bold line over a paragraph flush with it is.
    assert _titles(_bookmarked_paper(72)) == [("1", "Introduction", 1), ("2", "The Estimator", 1),
                                              (None, "Assumptions", 2), ("3", "Upper Bound on Risk", 1)]


def test_a_bold_label_set_in_from_the_columns_edge_over_bulleted_items_heads_nothing():
    # A field list's label ("Parameters", Sphinx) stands in from the column's edge, over its entries
    # set in further: no heading.
    assert _titles(_bookmarked_paper(78)) == [("1", "Introduction", 1), ("2", "The Estimator", 1),
                                              ("3", "Upper Bound on Risk", 1)]


def _row(page: Page, runs: list[tuple[str, str, float]], x: float = 72) -> None:
    """One row of runs of words, each in its font and size, side by side on one baseline."""
    for text, font, size in runs:
        page.page.insert_text((x, page.y), text, fontname=font, fontsize=size)
        x += pymupdf.get_text_length(text, fontname=font, fontsize=size)
    page.y += 12.5


def test_a_line_mostly_of_terms_in_smaller_sans_goes_on_with_its_paragraph():
    # ICCV 2023: "... and 7 interaction" / "actions (PickupObject, PutObject, ..., Tog-" and "gleOnObject,
    # ..., SliceObject). Similar actions are" (the action names in 8 pt sans among 10 pt Times, most of
    # each line) / "commonly used in other related work ...": one paragraph, read in its order.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Introduction", "tibo", 12)
    page.skip(4)
    for _ in range(3):
        _row(page, [("We define a high-level action to be a set of primitive actions that can", "tiro", 10)])
    _row(page, [("the seven actions (", "tiro", 10),
                ("PickupObject, PutObject, OpenObject, CloseObject, Tog-", "helv", 8)])
    _row(page, [("gleOnObject, ToggleOffObject, SliceObject, GotoObject). ", "helv", 8),
                ("Similar actions are", "tiro", 10)])
    _row(page, [("commonly used in other related work such as the planners before it", "tiro", 10)])
    page.line("the language models of the last years.")
    page.skip(8)
    for _ in range(4):
        _row(page, [("We define a high-level action to be a set of primitive actions that can", "tiro", 10)])
    page.line("be done in one go.")
    paper = _parse(doc)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "Similar actions are commonly used in other related work" in text, text


def _boxed_tips() -> object:
    """Numbered sections; atop page 2 a box whose title, "Benchmark Building Tips", is printed in white
    bold on a dark band: the box's lighter ground lies inside the dark fill a point and a half in from
    its sides and foot (tcolorbox)."""
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Introduction", "tibo", 12)
    page.skip(4)
    page.paragraph(repeat=5)
    page = Page(doc)
    top = page.y
    bottom = top + 18 + 4 * 12.5 + 6
    page.page.draw_rect(pymupdf.Rect(72, top, 360, bottom), color=None, fill=(0.07, 0.15, 0.31))
    page.page.draw_rect(pymupdf.Rect(73.4, top + 18, 358.6, bottom - 1.4), color=None, fill=(0.91, 0.92, 0.93))
    page.page.insert_text((80, top + 13), "Benchmark Building Tips", fontname="tibo", fontsize=10, color=(1, 1, 1))
    page.y = top + 18 + 11
    for k, tip in enumerate(("Know your reliability and compute tradeoff before building",
                             "Compute matters, so reduce the samples of a scenario to save",
                             "Reliability matters, so add samples to the scenarios to improve",
                             "Align the allocation of the resources with their importance"), 1):
        page.line(f"{k}. {tip} (Section {k + 1})", size=9, x=78)
    page.y = bottom + 14
    page.paragraph(repeat=2)
    page.skip(6)
    page.line("2 Method", "tibo", 12)
    page.skip(4)
    page.paragraph(repeat=3)
    return _parse(doc)


def test_a_white_title_on_the_top_band_of_a_framed_box_heads_no_section():
    # NAACL 2024: a tcolorbox of tips, its title "Benchmark Building Tips" in white on the frame's dark
    # top band over the box's light ground: the box's title, no subsection of the introduction.
    assert _titles(_boxed_tips()) == [("1", "Introduction", 1), ("2", "Method", 1)]


def test_a_narrow_sidebar_left_of_a_text_starting_past_a_quarter_of_the_page_is_not_read_into_it():
    # JOSS: the DOI, editor, dates and licence in 8 pt in a column 130 pt wide at the page's left,
    # the text in one column from 28 % of the way in, their rows interleaved: the sidebar's lines
    # ("and release the work under a") were read into the text's rows.
    doc = pymupdf.open()
    page = Page(doc, width=595, height=842, top=90)
    page.line("A Python Package for Partial Datasets", "tibo", 18, x=167, gap=2)
    page.line("1 Summary", "tibo", 12, x=167)
    page.skip(4)
    top = page.y
    words = (PROSE + " " + PROSE).split()
    rows, k = [], 0
    while len(rows) < 24:
        row = []
        while pymupdf.get_text_length(" ".join(row + [words[k % len(words)]]), fontname="tiro", fontsize=10) < 380:
            row.append(words[k % len(words)])
            k += 1
        rows.append(" ".join(row))
    for row in rows:
        page.line(row, x=167, gap=1.2)
    for j, text in enumerate(("Licence", "Authors of papers retain copyright", "and release the work under a",
                              "Creative Commons Attribution 4.0", "International License (CC BY 4.0).",
                              "Submitted: 01 January 2025", "Published: unpublished")):
        page.page.insert_text((28, top + 40 + 10 * j), text, fontname="helv", fontsize=8)
    paper = _parse(doc)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert " ".join(rows) in text, text  # (the text's rows one after another, no sidebar line among them)


def test_an_unlabelled_entry_after_a_numbered_list_spaced_entry_by_entry_is_one_more_entry():
    # I2C2 2017 (Word): "[9] Kinnunen, T., & Li, H. (2010). ... 12-40." then, a step further down as
    # each entry stands, "Ezzat, S., El Gayar, N., & Ghanem, M. (2012). Sentiment analysis ..." at
    # the entries' text, no label: a tenth entry, not the end of the ninth.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Introduction", "tibo", 12)
    page.skip(4)
    page.paragraph(repeat=3)
    page.skip(6)
    page.line("References", "tibo", 12)
    page.skip(4)
    for k in range(1, 6):
        page.page.insert_text((72, page.y), f"[{k}]", fontname="tiro", fontsize=9)
        page.line(f"Author{'abcde'[k - 1]}, A., & Writer, B. ({2000 + k}). A study of the topic number {k} and",
                  size=9, x=92, gap=1.2)
        page.line("its consequences for the field. Journal of Studies, 12(1), 1-10.", size=9, x=92, gap=1.2)
        page.skip(3)
    page.line("Ezzat, S., El Gayar, N., & Ghanem, M. (2012). Sentiment analysis of call centre audio",
              size=9, x=92, gap=1.2)
    page.line("conversations using text classification. Int. J. Comput. Inf. Syst., 4(1), 619-627.", size=9, x=92)
    paper = _parse(doc)
    assert len(paper.references) == 6, paper.references
    assert paper.references[-1].startswith("Ezzat, S."), paper.references


def test_a_bold_label_ending_in_a_stop_over_bulleted_items_heads_nothing():
    # ACL 2025 (review): "Reasoning Analysis." in bold at the column's edge over "• No False Refusal:
    # ..." items, under a case study's display: a paragraph's run-in label that the list put on a line
    # of its own, no section (the unbookmarked "Case Study" over its paragraph is one).
    assert _titles(_bookmarked_paper(72, label="Reasoning Analysis.", sibling=True)) == [
        ("1", "Introduction", 1), ("2", "The Estimator", 1), (None, "Case Study", 2), ("3", "Upper Bound on Risk", 1)]
