"""Leftovers of the tune split (session 35, helper a): rules found on real papers, each tested on
a page made here.

- Letters drawn in no room, a word's opening written again before it by a word processor (Word
  2010: `a “hi high-level`, `reports’ i insights`), are no text: `paperkit.reading.unseen_letters`.
- A figure made of text alone in type smaller than its caption's and the body's (EMNLP 2023's two
  coloured passages over "Figure 1: ...") has a crop: the lines over its caption.
"""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_fonts import show, type3_font
from pdf_pages import WORDS, column, fill, key, paragraphs, section_page


def _unseen_run_page(tmp_path, lead: str, run: str, glyphs: dict[int, str], rest: str):
    """A section's page of prose whose fourth line reads `lead`, then `run` (a PDF string body) in a
    Type 3 font whose glyphs advance by nothing (`glyphs`: code -> glyph name), then `rest`."""
    doc, page = section_page()
    y = column(page, fill(WORDS * 2, 440), 72, 110)
    page.insert_text((72, y), lead, fontname="helv", fontsize=10)
    x = 72 + pymupdf.get_text_length(lead, "helv", 10)
    font = type3_font(doc, page, glyphs, advance=0, glyph_box=(0, 0))
    show(doc, page, font, 10, [(x, y, run)])
    page.insert_text((x, y), rest, fontname="helv", fontsize=10)
    column(page, fill(WORDS[:30] + ["done."], 440), 72, y + 12)
    path = tmp_path / "unseen.pdf"
    doc.save(path)
    return parse_pdf(path)


def _text(paper) -> str:
    return " ".join(paragraphs(paper))


def test_letters_in_no_room_repeating_the_next_word_are_no_text(tmp_path):
    # (Word 2010: a quotation mark and the word's first letters, each advancing by nothing, before
    # the word itself: read as "a “hi high-level", the page shows "a “high-level")
    paper = _unseen_run_page(tmp_path, "and the report came from a group called a ", "\\223hi",
                             {0o223: "quotedblleft", ord("h"): "h", ord("i"): "i"},
                             " high-level but mysterious circle of readers.")
    text = _text(paper)
    assert "hi high" not in text
    assert "a “high-level but mysterious circle" in text


def test_mark_kept_against_the_word_before(tmp_path):
    # ("reports’ i insights": the run opens right after a word, its apostrophe that word's; the
    # space drawn after the run stays)
    paper = _unseen_run_page(tmp_path, "and the readers have ignored the reports", "\\222 i",
                             {0o222: "quoteright", ord(" "): "space", ord("i"): "i"},
                             "  insights that were printed in it.")
    text = _text(paper)
    assert " i insights" not in text
    assert key("have ignored the reports’ insights that were printed") in key(text)
    assert "reports’ insights" in text


def test_letters_in_no_room_that_start_no_word_after_them_stay(tmp_path):
    # (a run in no room that the next word does not begin with is no copy of it: left as read)
    paper = _unseen_run_page(tmp_path, "and the report came from a group called a ", "\\223xy",
                             {0o223: "quotedblleft", ord("x"): "x", ord("y"): "y"},
                             " high-level but mysterious circle of readers.")
    assert "xy" in _text(paper)


def _passages_page(tmp_path, size: float):
    """A section's page: prose in 10 pt, then a figure of two passages of prose in `size` pt and
    colour, nothing drawn, over its caption in 10 pt, then prose again. Returns the paper and the
    passages' top and bottom."""
    doc, page = section_page()
    y = column(page, fill(WORDS * 2, 440), 72, 110)
    top = y + 14
    passage = ("A good day at the shore means an encounter with fellow surfers who can be as friendly as "
               "dogs with headaches and waves that can break boards into kindling at the reef.").split()
    y = top
    for colour in ((0.75, 0, 0), (0.27, 0.45, 0.77)):
        rows = fill(passage, 400, size=size)
        for i, row in enumerate(rows):
            page.insert_text((90, y + i * (size + 2)), row, fontname="helv", fontsize=size, color=colour)
        y += len(rows) * (size + 2) + 4
    bottom = y - 4 - (size + 2) + 3
    y = column(page, ["Figure 1: Two passages from one document of the corpus, weakly related in content."],
               72, y + 6)
    column(page, fill(WORDS[:40] + ["done."], 440), 72, y + 14)
    path = tmp_path / "passages.pdf"
    doc.save(path)
    return parse_pdf(path), top, bottom


def test_figure_of_small_type_alone_is_cropped(tmp_path):
    paper, top, bottom = _passages_page(tmp_path, 9)
    assert [f.number for f in paper.figures] == ["1"]
    box = paper.figures[0].bbox
    assert box is not None
    # (the passages' rows, and not the prose over them nor the caption under them)
    assert top - 12 < box[1] < top and bottom - 3 < box[3] < bottom + 6
    assert box[0] >= 85 and box[2] <= 500


def test_figure_of_text_in_the_body_type_gets_no_such_crop(tmp_path):
    # (passages in the body's own type are no figure of small type: the rule takes none of them)
    paper, _, _ = _passages_page(tmp_path, 10)
    assert [f.number for f in paper.figures] == ["1"]
    assert paper.figures[0].bbox is None


def _dialogue_table_page(tmp_path, text_over: bool, text_under: bool = False):
    """A page of a table of dialogues: rows of prose in the text's 11 pt between rules of one width,
    30 to 120 pt apart, a double rule between its two dialogues, its caption under the last rule; `text_over`: a paragraph of running text
    over the table too; `text_under`: a rule under the running head and one over the foot, as wide
    as the table's, and running text under the caption."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 80.0
    if text_over:
        y = column(page, fill(WORDS * 3, 430, font="tiro", size=11), 80, 90, font="tiro", size=11, pitch=13.5) + 10
    rules = [y]
    dialogue = ("I have never been to the falls but I would love to go there one day with my family since "
                "everyone says that the view from the bridge is wonderful in the early morning").split()
    for count in (8, 3, 0, 9, 2, 3):
        if not count:  # (a double rule between the two dialogues)
            y += 2
        else:
            rows = fill(dialogue * 3, 420, font="tiro", size=11)[:count]
            y = column(page, rows, 85, y + 14, font="tiro", size=11, pitch=13.5) - 4
        rules.append(y)
    for r in rules:
        page.draw_line((79, r), (516, r), width=0.4)
    y = column(page, ["Table 7: Some of the randomly selected instances that were evaluated by a reader."],
               71, rules[-1] + 22, font="tiro", size=10)
    if text_under:
        page.draw_line((79, 54), (516, 54), width=0.4)
        page.draw_line((79, 790), (516, 790), width=0.4)
        column(page, fill(WORDS * 6, 430, font="tiro", size=11), 80, y + 20, font="tiro", size=11, pitch=13.5)
    page.insert_text((290, 800), "2715", fontname="tiro", fontsize=11)
    path = tmp_path / "dialogues.pdf"
    doc.save(path)
    return parse_pdf(path), rules


def test_table_alone_on_its_page_takes_its_rows_of_prose(tmp_path):
    paper, rules = _dialogue_table_page(tmp_path, text_over=False)
    table = next(t for t in paper.tables if t.number == "7")
    assert table.bbox is not None
    assert abs(table.bbox[1] - rules[0]) < 2 and abs(table.bbox[3] - rules[-1]) < 2


def test_table_under_running_text_keeps_to_its_rules(tmp_path):
    # (running text over the rules: the page holds more than the table, and rows of prose in the
    # text's type are not taken past the rules that close them)
    paper, rules = _dialogue_table_page(tmp_path, text_over=True)
    table = next(t for t in paper.tables if t.number == "7")
    assert table.bbox is not None and table.bbox[1] > rules[0] + 5


def _examples_page(tmp_path, gap: float):
    """A two-column page: Figure 1 drawn across the top, its caption under it; under that three
    examples of text across the page (a label, a hypothesis in capitals, an explanation), Figure
    2's caption `gap` pt under them; then two columns of prose."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.draw_rect((160, 80, 450, 170), width=1)
    page.draw_line((170, 125), (440, 125), width=1)
    column(page, ["Fig. 1. Example grammar acceptor for the second stage of the alignment algorithm"], 150, 194,
           font="tiro", size=9)
    y = 222.0
    top = y - 8
    for label, said, heard in (("a)", "A family of ten children will be always called", "A FAMILY OF TEN #del ALWAYS #ins16 b iy CALLED"),
                               ("b)", "upon her arm and I rushed towards her", "UPON HER ARM #ins20 s #ins21 sil AND I RUSHED sil"),
                               ("c)", "Morning dawned before I arrived at the village", "MORNING DAWNED BEFORE I ARRIVED #ins18 sh ah")):
        page.insert_text((70, y + 10), label, fontname="tiro", fontsize=9)
        page.insert_text((90, y), f"Reference: {said} ...", fontname="tiro", fontsize=9)
        page.insert_text((90, y + 10), f"Hypothesis: sil {heard} #del sil", fontname="tiro", fontsize=8)
        page.insert_text((90, y + 20), "Explanation: transposition of words", fontname="tiro", fontsize=9)
        y += 39
    bottom = y - 39 + 22
    y = column(page, ["Fig. 2. Examples of typical text-audio discrepancies detected in second stage decoding, "
                      "a) to c), each a chapter read"], 54, bottom + gap + 7, font="tiro", size=9, pitch=10)
    for x in (54, 318):
        column(page, fill(WORDS * 4, 240, font="tiro", size=9), x, y + 24, font="tiro", size=9, pitch=10.5)
    path = tmp_path / "examples.pdf"
    doc.save(path)
    return parse_pdf(path), top, bottom


def test_text_figure_between_two_captions_is_cropped(tmp_path):
    # (up to the caption of the float over it, set off its own caption by a float's white: 2.9 of
    # its sizes, more than two of its lines)
    for gap in (21, 29):
        paper, top, bottom = _examples_page(tmp_path, gap)
        figure = next(f for f in paper.figures if f.number == "2")
        assert figure.bbox is not None
        assert top - 3 < figure.bbox[1] < top + 3 and bottom - 4 < figure.bbox[3] < bottom + 3
        assert figure.bbox[0] < 72 and figure.bbox[2] > 340


def test_text_set_far_over_a_caption_without_a_float_over_it_is_no_figure(tmp_path):
    # (over four of its sizes of white between the examples and the caption: more than a float
    # leaves over its caption, and the text is no figure of it)
    paper, _, _ = _examples_page(tmp_path, 40)
    figure = next(f for f in paper.figures if f.number == "2")
    assert figure.bbox is None


def _grid_table_page(tmp_path):
    """A page whose top holds a table of text ruled over and under each row and down between its
    three columns of cells (each cell's words filling its column, so that a row reads as a line
    across the table), its caption under it, two columns of prose under that."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    columns = (75, 194, 342, 544)
    cells = [("Assumption", "Implications", "Still valid in a modern setup?")] + [
        (f"{k}. I/O operations are orders of", "Use compression and encoding to re-", "No, with high-performance devices, the CPU is the new")
        for k in range(1, 6)]
    y = 72.0
    page.draw_line((72, y), (544, y), width=0.4)
    for row in cells:
        for x, text in zip(columns, row):
            page.insert_text((x, y + 9), text, fontname="tiro", fontsize=9)
        for x in columns[1:3]:
            page.draw_line((x - 3, y), (x - 3, y + 12), width=0.4)
        y += 12
        page.draw_line((72, y), (544, y), width=0.4)
    column(page, ["Table 1: Assumptions (1-2 are local, and 3-5 are distributed) and their implications."],
           87, y + 20, font="tiro", size=10)
    for x in (72, 318):
        column(page, fill(WORDS * 4, 225, font="tiro", size=10), x, y + 50, font="tiro", size=10)
    path = tmp_path / "grid.pdf"
    doc.save(path)
    return parse_pdf(path)


def test_table_ruled_down_its_columns_is_no_highlight(tmp_path):
    # (rows of words read across the table, edge to edge, as a highlighted paragraph's are: the
    # rules down its columns, hairlines a row high, paint no ground, and the table stays a table)
    paper = _grid_table_page(tmp_path)
    table = next(t for t in paper.tables if t.number == "1")
    assert table.bbox is not None and table.bbox[1] < 75
    assert not any("Implications" in p or "compression and encoding" in p for p in paragraphs(paper))


def test_table_with_running_text_under_it_between_the_page_rules_keeps_to_its_rules(tmp_path):
    # (the rule under the running head and the one over the foot, as wide as the table, are the
    # page's: all its text lies between them, and the table is no more alone on its page for that)
    paper, rules = _dialogue_table_page(tmp_path, text_over=False, text_under=True)
    table = next(t for t in paper.tables if t.number == "7")
    assert table.bbox is not None and table.bbox[1] > rules[0] - 3
