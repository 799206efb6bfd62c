"""Sentences of the twenty-fourth split's small misses (session 34), each drawn here with PyMuPDF in the
shape a real paper printed it: a word processor's empty line of zero-width spaces over each page's foot,
acmart's short title alone in its running head, a subfigure's caption under a code listing atop a page,
a summary set across the page whose last short line falls in the left column."""

from __future__ import annotations

import pymupdf

from pdf_fonts import show, type3_font
from pdf_pages import WORDS, fill, holds, lines, paragraphs, section_page
from test_parse_text27 import _parse, _set


def _zero_width_line(doc, page, x: float, y: float) -> None:
    """One glyph whose text is U+200B (zero-width space): what Google Docs writes for an empty line."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <61> <200B> endbfchar "
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    font = type3_font(doc, page, {97: "zw"}, advance=250, glyph_box=(1, 1), to_unicode=cmap)
    show(doc, page, font, 9, [(x, y, "a")])


def test_an_empty_line_of_zero_width_spaces_over_the_foot_does_not_cut_the_sentence(tmp_path):
    # Google Docs (a white paper): a line of nothing but "\u200b" between the page's last line of text
    # and its foot; it stood between "... hides sensitive information until the" and the sentence's
    # end atop the next page, "account is unlocked.", and the paragraph was cut at the page break.
    doc, page = section_page()
    rows = fill((WORDS * 12)[:220] + ["hides", "sensitive", "information", "until", "the"], 440, font="helv")
    _set(page, rows[-50:], 72, 110, pitch=12)
    y = 110 + 12 * 50
    _zero_width_line(doc, page, 72, y + 2)
    second = doc.new_page(width=612, height=792)
    _set(second, fill(["account", "is", "unlocked."] + (WORDS * 3)[:50] + ["done."], 440), 72, 80)
    paper = _parse(doc, tmp_path / "zwsp.pdf")
    assert holds(paper, "hides sensitive information until the account is unlocked."), paragraphs(paper)


def test_a_short_title_alone_in_the_running_head_beside_a_repeated_one_is_furniture(tmp_path):
    # acmart (ISSTA '20, four pages): the running head is "ISSTA '20, ..." beside the authors on even
    # pages and beside the short title on the one odd page after the first. The short title, printed
    # once, was read into the sentence the page break cut, under the head.
    doc = pymupdf.open()
    heads = [None, ("ISSTA '20, July 2020, Virtual Event", "Ada Lovelace and Alan Turing"),
             ("Fast Fuzzing for Smart Contracts", "ISSTA '20, July 2020, Virtual Event"),
             ("ISSTA '20, July 2020, Virtual Event", "Ada Lovelace and Alan Turing")]
    k = 0
    for n, head in enumerate(heads):
        page = doc.new_page(width=612, height=792)
        if head:
            page.insert_text((54, 68), head[0], fontname="helv", fontsize=7)
            right = head[1]
            page.insert_text((558 - pymupdf.get_text_length(right, "helv", 7), 68), right, fontname="helv", fontsize=7)
        else:
            page.insert_text((72, 100), "1 Introduction", fontname="hebo", fontsize=14)
        y = 130 if n == 0 else 90
        if n == 2:
            page.insert_text((72, y), "reported any issues. The model reads every page of the paper and keeps",
                             fontname="tiro", fontsize=10)
            y += 12
        y, k = lines(page, 72, 512, y, (45 if n == 0 else 50) - (n == 2), start=k)
        if n == 1:
            page.insert_text((72, y), "the last line of the page where the sentence says that neither tool",
                             fontname="tiro", fontsize=10)
    paper = _parse(doc, tmp_path / "heads.pdf")
    assert not any("Fast Fuzzing" in p for p in paragraphs(paper)), paragraphs(paper)
    assert holds(paper, "neither tool reported any issues."), paragraphs(paper)


def test_a_subfigure_caption_under_a_listing_atop_the_page_does_not_end_the_sentence(tmp_path):
    # acmart: a sentence cut at page 2's foot ("... and 2) neither tool"), a figure atop page 3 (a
    # code listing, "(a) A contract with an echidna property." under it in 8 pt bold over 9 pt text, the figure's
    # caption under both panels), then "reported any issues with the contract." The panel's caption
    # ended with a full stop, and the sentence was not carried past it.
    doc, page = section_page()
    rows = fill((WORDS * 12)[:230] + ["neither", "tool"], 440, font="tiro")
    _set(page, rows[-52:], 72, 110, font="tiro")
    page = doc.new_page(width=612, height=792)
    for k, code in enumerate(["contract TEST {", "  bool flag0; bool flag1;", "  function set0(int val) {",
                              "    if (val % 100 == 23) { flag0 = true; } }", "}"]):
        page.insert_text((90, 80 + 11 * k), code, fontname="cour", fontsize=8)
    page.insert_text((120, 150), "(a) A contract with a property.", fontname="tibo", fontsize=9)
    page.insert_text((330, 150), "(b) The result of a campaign.", fontname="tibo", fontsize=9)
    page.insert_text((220, 170), "Figure 2: Using the tool to test a contract", fontname="tibo", fontsize=9)
    _set(page, fill(["reported", "any", "issues."] + (WORDS * 3)[:50] + ["done."], 440, font="tiro"), 72, 200,
         font="tiro")
    paper = _parse(doc, tmp_path / "panel.pdf")
    assert holds(paper, "neither tool reported any issues."), paragraphs(paper)


def test_a_summary_across_the_page_keeps_its_short_last_line_over_two_columns(tmp_path):
    # Word (a white paper): a bold summary set across the page over a text in two columns; its last
    # line, "networks.", short and flush left, fell in the left column and was read as a block of its
    # own (and lost), the summary ending "... a secure solution for 5G".
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((38, 60), "A Brief Look at Security", fontname="hebo", fontsize=22)
    page.insert_text((38, 190), "Executive Summary", fontname="hebo", fontsize=11)
    summary = fill(WORDS * 3, 520, font="hebo")[:4]  # (full rows: the last ends mid-sentence)
    y = _set(page, summary, 38, 203, pitch=11.1, font="hebo")
    page.insert_text((38, y), "networks.", fontname="hebo", fontsize=10)
    page.insert_text((38, 320), "1 Alliance", fontname="hebo", fontsize=12)
    for x in (38, 305):
        _set(page, fill((WORDS * 8)[:150] + ["done."], 250, size=9), x, 335, pitch=11, size=9)
    paper = _parse(doc, tmp_path / "summary.pdf")
    text = " ".join([paper.abstract or ""] + paragraphs(paper))
    assert " ".join(summary[-1].split()[-3:]) + " networks." in text, (paper.abstract, paragraphs(paper)[:3])


def test_a_row_of_captions_atop_a_page_with_text_right_under_it_is_no_running_head(tmp_path):
    # acmart (WWW 2018): pages of heat maps open with a row of panel captions, "(b) Heat map of learned
    # field interaction strengths of" at one height on page after page (furniture by that count),
    # "(a) Heat map of mutual informations between field" beside it, "pairs and labels." right under
    # it. Read as the head's neighbour, the "(a)" caption was dropped, and the sentence cut at the
    # foot of the page before ("... We show") ran on into "pairs and labels.". A running head stands
    # apart from the text under it.
    doc, page = section_page()
    rows = fill((WORDS * 12)[:230] + ["We", "show"], 440, font="tiro")
    _set(page, rows[-52:], 72, 110, font="tiro")
    k = 0
    for n in range(3):
        page = doc.new_page(width=612, height=792)
        for x in (90, 330):
            page.draw_rect(pymupdf.Rect(x, 60, x + 180, 220), color=(0.8, 0, 0), fill=(0.9, 0.3, 0.2))
        page.insert_text((330, 240), "(b) Heat map of learned interaction strengths of", fontname="tibo", fontsize=9)
        page.insert_text((330, 250), f"the model {n}, with its coefficient.", fontname="tibo", fontsize=9)
        if n == 0:
            page.insert_text((90, 240), "(a) Heat map of mutual informations between field", fontname="tibo", fontsize=9)
            page.insert_text((90, 250), "pairs and labels.", fontname="tibo", fontsize=9)
            page.insert_text((200, 275), "Figure 5: Heat maps of the interaction strengths", fontname="tibo", fontsize=9)
            page.insert_text((72, 300), "that the model is competitive. The model reads every page of the paper",
                             fontname="tiro", fontsize=10)
            y, k = 312, 0
        else:
            page.insert_text((200, 275), f"Figure {5 + n}: Heat maps of more interaction strengths", fontname="tibo", fontsize=9)
            y = 300
        lines(page, 72, 512, y, 35, start=k)
    paper = _parse(doc, tmp_path / "captions.pdf")
    assert not holds(paper, "We show pairs and labels."), paragraphs(paper)


def test_panel_captions_that_wrap_are_no_aside_to_carry_a_sentence_over(tmp_path):
    # acmart (WWW 2018): page 8 opens with four heat maps, their captions wrapping ("(a) Heat map of
    # mutual informations between field" / "pairs and labels.", "(b) ... strengths of" / "FMs. ...").
    # The sentence cut at page 7's foot ("... We show") was carried over the first row of captions
    # into the second ("We show pairs and labels."): captions that wrap onto a second row are no aside.
    doc, page = section_page()
    rows = fill((WORDS * 12)[:230] + ["We", "show"], 440, font="tiro")
    _set(page, rows[-52:], 72, 110, font="tiro")
    page = doc.new_page(width=612, height=792)
    for x in (90, 330):
        page.draw_rect(pymupdf.Rect(x, 60, x + 180, 220), color=(0.8, 0, 0), fill=(0.9, 0.3, 0.2))
    page.insert_text((90, 240), "(a) Heat map of mutual informations between field", fontname="tibo", fontsize=9)
    page.insert_text((330, 240), "(b) Heat map of learned interaction strengths of", fontname="tibo", fontsize=9)
    page.insert_text((90, 250), "pairs and labels.", fontname="tibo", fontsize=9)
    page.insert_text((330, 250), "the model, with its coefficient.", fontname="tibo", fontsize=9)
    page.insert_text((200, 275), "Figure 5: Heat maps of the interaction strengths", fontname="tibo", fontsize=9)
    _set(page, fill(["that", "the", "model", "is", "competitive."] + (WORDS * 3)[:50] + ["done."], 440, font="tiro"),
         72, 300, font="tiro")
    paper = _parse(doc, tmp_path / "wrapped.pdf")
    assert not holds(paper, "We show pairs and labels."), paragraphs(paper)
