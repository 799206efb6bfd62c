"""Body text read from pages drawn here with PyMuPDF, each reproducing a shape met in real papers
(a Ghostscript font without a size, double-spaced Word text, ...): the paragraph must come out as
printed, sentence for sentence."""

from __future__ import annotations

import re

import pymupdf
import pytest

from paperkit.reading.parse import parse_pdf
from pdf_fonts import LETTERS, mapped_glyph, show, type3_font
from pdf_pages import section_page

WORDS = ("the model reads every page of the paper and keeps each sentence whole while the reader "
         "turns the pages so that nothing printed is lost or mixed with the drawings beside it").split()


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _paragraphs(paper) -> list[str]:
    return [p.text for s in paper.sections for p in s.paragraphs]


def _holds(paper, sentence: str) -> bool:
    return any(_key(sentence) in _key(p) for p in _paragraphs(paper))


def _parse(doc: pymupdf.Document, path):
    doc.save(path)
    return parse_pdf(path)


def _set(page, lines: list[str], x: float, y: float, pitch: float = 12, size: float = 10) -> float:
    """Lines of Helvetica from baseline `y` down, `pitch` apart; returns the baseline after the last."""
    for i, line in enumerate(lines):
        page.insert_text((x, y + pitch * i), line, fontname="helv", fontsize=size)
    return y + pitch * len(lines)


def _fill(words: list[str], width: float) -> list[str]:
    """Words set in lines of 10 pt Helvetica no wider than `width`."""
    lines = [""]
    for word in words:
        longer = f"{lines[-1]} {word}".strip()
        if pymupdf.get_text_length(longer, "helv", 10) > width:
            lines.append(word)
        else:
            lines[-1] = longer
    return lines


def _compiled(tmp_path, source: str):
    """The paper parsed from a page that pdflatex compiles from `source` at test time (skipped where
    pdflatex is missing)."""
    import shutil
    import subprocess

    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed: the page is compiled from TeX at test time")
    (tmp_path / "page.tex").write_text(source, encoding="utf-8")
    subprocess.run(["pdflatex", "-interaction=batchmode", "-halt-on-error", "page.tex"], cwd=tmp_path,
                   check=True, capture_output=True, timeout=120)
    return parse_pdf(tmp_path / "page.pdf")


def _type3_page(doc, lines: list[str], top: float) -> None:
    """A page in a Type 3 font whose size is folded into its matrix (as Ghostscript writes): the
    text layer says 0.024 pt, glyph boxes stand hundreds of points tall."""
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, top - 40), "1 Introduction", fontname="hebo", fontsize=14)
    font = type3_font(doc, page, {32: "space", 46: "period", **LETTERS}, advance=1250, glyph_box=(1000, 3000),
                      font_box=(1250, 50000), scale=0.2)
    show(doc, page, font, 0.04, [(72, top + 14 * i, text) for i, text in enumerate(lines)])


def test_a_font_without_a_size_does_not_crash_and_its_lines_make_one_paragraph(tmp_path):
    words = WORDS * 2
    lines = [" ".join(words[i:i + 8]) for i in range(0, 48, 8)]
    lines[-1] += "."
    doc = pymupdf.open()
    _type3_page(doc, lines, 200)
    path = tmp_path / "type3.pdf"
    doc.save(path)
    assert pymupdf.open(path)[0].get_text("dict")["blocks"][-1]["lines"][0]["spans"][0]["size"] < 1
    paper = parse_pdf(path)  # was ZeroDivisionError
    assert _holds(paper, " ".join(lines)), _paragraphs(paper)


def test_double_spaced_lines_are_one_paragraph(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=16)
    words = WORDS * 3
    lines = [" ".join(words[i:i + 11]) for i in range(0, 88, 11)]
    lines[-1] += "."
    for i, text in enumerate(lines):  # 12 pt type on a 24 pt pitch, as Word's double spacing sets it
        page.insert_text((72, 120 + 24 * i), text, fontname="helv", fontsize=12)
    paper = _parse(doc, tmp_path / "double.pdf")
    assert _holds(paper, " ".join(lines)), _paragraphs(paper)


@pytest.mark.parametrize("pitch", [13, 24])  # single spacing, and a thesis's wide line spacing
def test_highlighted_lines_stay_in_their_paragraph(tmp_path, pitch):
    # A reader's highlights baked into the page are filled boxes behind the text, like a figure's
    # drawing; the text over them is still the paragraph's.
    doc, page = section_page()
    words = WORDS * 3
    lines = [" ".join(words[i:i + 12]) for i in range(0, 96, 12)]
    lines[-1] += "."
    ends = [72 + pymupdf.get_text_length(text, "helv", 10) + 1 for text in lines]
    for i in (2, 3, 4):
        page.draw_rect(pymupdf.Rect(71, 108 + pitch * i, ends[i], 108 + pitch * (i + 1)), color=None, fill=(1, 1, 0))
    page.draw_rect(pymupdf.Rect(200, 108, ends[0], 108 + pitch), color=None, fill=(0, 1, 1))  # part of a line
    for i, text in enumerate(lines):
        page.insert_text((72, 118 + pitch * i), text, fontname="helv", fontsize=10)
    paper = _parse(doc, tmp_path / "highlights.pdf")
    assert _holds(paper, " ".join(lines)), _paragraphs(paper)


def test_text_beside_a_wrapped_figure_is_not_interleaved_with_its_caption(tmp_path):
    # One-column page, a figure and its caption set beside the text (wrapfigure): the text lines
    # run past the middle of the page, so the middle does not tell the two apart.
    doc, page = section_page()
    words = WORDS * 4
    left = _fill(words[:90], 262)
    left[-1] += "."
    caption = ["Figure 1: Training error of the two", "networks over the epochs of the run", "with the solid line for the first net",
               "and the dashed line for the second", "one as measured in the experiment."]
    page.draw_rect(pymupdf.Rect(350, 100, 540, 140), color=(0, 0, 0), width=0.8)
    page.draw_polyline([(355, 105), (420, 130), (535, 135)], color=(0, 0, 0))
    for i, text in enumerate(left):
        page.insert_text((72, 110 + 13 * i), text, fontname="helv", fontsize=10)
    for i, text in enumerate(caption):
        page.insert_text((350, 110 + 13 * (i + 4)), text, fontname="helv", fontsize=10)
    below = [" ".join(words[i:i + 13]) for i in range(0, 52, 13)]
    below[-1] += "."
    for i, text in enumerate(below):
        page.insert_text((72, 300 + 13 * i), text, fontname="helv", fontsize=10)
    paper = _parse(doc, tmp_path / "wrapfigure.pdf")
    assert max(pymupdf.get_text_length(t, "helv", 10) for t in left) + 72 > 306  # past the middle
    assert _holds(paper, " ".join(left)), _paragraphs(paper)
    assert [_key(f.caption) for f in paper.figures] == [_key(" ".join(caption)[len("Figure 1:"):])]


def test_a_raised_digit_after_an_italic_letter_is_an_exponent_not_a_footnote_call(tmp_path):
    # mathptmx and newtx set math variables in the text's italic: "c⁰", "ℓ²" must keep their digit.
    doc, page = section_page()
    lines = _fill(WORDS * 2, 420)
    y = 110
    for text in lines[:-1]:
        page.insert_text((72, y), text, fontname="helv", fontsize=10)
        y += 13
    x = 72 + pymupdf.get_text_length("Note that ", "helv", 10)
    page.insert_text((72, y), "Note that ", fontname="helv", fontsize=10)
    page.insert_text((x, y), "c", fontname="heit", fontsize=10)
    x += pymupdf.get_text_length("c", "heit", 10)
    page.insert_text((x, y - 3.5), "0", fontname="helv", fontsize=7)
    x += pymupdf.get_text_length("0", "helv", 7)
    page.insert_text((x, y), " is a zero vector at the first step.", fontname="helv", fontsize=10)
    paper = _parse(doc, tmp_path / "exponent.pdf")
    assert any("Note that c0 is a zero vector" in p for p in _paragraphs(paper)), _paragraphs(paper)


def test_a_tall_line_does_not_cut_its_paragraph(tmp_path):
    # A tall piece in a line (a raised exponent, a large operator) lifts the line's top; the
    # distance from there to the next line's top then looks like a paragraph gap.
    doc, page = section_page()
    lines = _fill(WORDS * 3, 400)
    lines[-1] += "."
    y = 110
    for i, text in enumerate(lines):
        page.insert_text((72, y), text, fontname="helv", fontsize=10)
        if i == 2:
            x = 72 + pymupdf.get_text_length(text, "helv", 10) + 2
            page.insert_text((x, y), "S", fontname="helv", fontsize=18)  # a large operator in the line
        y += 12
    paper = _parse(doc, tmp_path / "scripts.pdf")
    assert _holds(paper, " ".join(lines[:3]) + " S " + " ".join(lines[3:])), _paragraphs(paper)


def test_a_paragraph_ending_beside_the_next_ones_subscripted_first_line_stays_in_order(tmp_path):
    # "...of the lay- / ers considered.   The function F(x, {Wi}) represents the": two pieces of one
    # printed row; the subscript and the taller braces make the second piece's box start above the
    # first one's and end below it.
    doc, page = section_page()
    first = ["the model reads every page of the paper and keeps each sentence whole while the", "reader considered."]
    page.insert_text((72, 110), first[0], fontname="helv", fontsize=10)
    page.insert_text((72, 122), first[1], fontname="helv", fontsize=10)
    x = 72 + pymupdf.get_text_length(first[1], "helv", 10) + 9
    for piece, size, dy in (("The function F(x, ", 10, 0), ("{", 12, 0), ("W", 10, 0), ("i", 7, 3), ("}", 12, 0),
                            (") represents the", 10, 0)):
        page.insert_text((x, 122 + dy), piece, fontname="helv", fontsize=size)
        x += pymupdf.get_text_length(piece, "helv", size)
    second = ["turns the pages so that nothing printed is lost or mixed with the drawings beside", "it as the reader goes."]
    page.insert_text((72, 134), second[0], fontname="helv", fontsize=10)
    page.insert_text((72, 146), second[1], fontname="helv", fontsize=10)
    paper = _parse(doc, tmp_path / "row.pdf")
    text = " ".join(_paragraphs(paper))
    assert _key(" ".join(first) + " The function F(x, {Wi}) represents the " + " ".join(second)) in _key(text), _paragraphs(paper)


def test_an_underlined_sentence_stays_in_its_paragraph(tmp_path):
    # A reader's underline under a line is a drawing lower than the line: the line is not inside
    # a figure.
    doc, page = section_page()
    lines = _fill(WORDS * 3, 300)
    lines[-1] += "."
    for i, text in enumerate(lines):
        page.insert_text((72, 110 + 13 * i), text, fontname="helv", fontsize=10)
    page.draw_line((80, 137.5), (360, 137.5), color=(1, 0.7, 0), width=2)
    paper = _parse(doc, tmp_path / "squiggle.pdf")
    assert _holds(paper, " ".join(lines)), _paragraphs(paper)


def test_pieces_of_one_row_read_left_to_right_whatever_their_tops(tmp_path):
    # A bold run-in head and the rest of its row, set apart by a wide space; a taller glyph in the
    # rest puts its top above the head's, and by the tops it would be read first.
    doc, page = section_page()
    head = "Worker Failure."
    page.insert_text((72, 110), head, fontname="hebo", fontsize=10)
    x = 72 + pymupdf.get_text_length(head, "hebo", 10) + 16
    page.insert_text((x, 110), "The master pings every", fontname="helv", fontsize=10)
    x += pymupdf.get_text_length("The master pings every ", "helv", 10)
    page.insert_text((x, 110), "{", fontname="helv", fontsize=12)
    x += pymupdf.get_text_length("{", "helv", 12)
    page.insert_text((x, 110), "worker} in turn while the job runs and", fontname="helv", fontsize=10)
    rest = _fill(WORDS, 380)
    rest[-1] += "."
    for i, text in enumerate(rest):
        page.insert_text((72, 123 + 13 * i), text, fontname="helv", fontsize=10)
    paper = _parse(doc, tmp_path / "runin.pdf")
    assert _holds(paper, head + " The master pings every {worker} in turn while the job runs and " + " ".join(rest)), \
        _paragraphs(paper)


def test_a_framed_text_figure_stays_out_of_the_text(tmp_path):
    # A sample output set as prose inside a ruled frame is a figure, though its lines run across the
    # frame edge to edge like highlighted text does.
    doc, page = section_page()
    before = _fill(WORDS, 440)
    before[-1] += "."
    for i, text in enumerate(before):
        page.insert_text((72, 110 + 13 * i), text, fontname="helv", fontsize=10)
    sample = _fill("smugglers lure migrants onto overcrowded ships by offering discounts to those who bring "
                   "more passengers along the coast said the agency in its report on the crossings".split(), 430)
    page.draw_rect(pymupdf.Rect(76, 160, 536, 166 + 13 * len(sample)), color=(0, 0, 0), width=0.5)
    for i, text in enumerate(sample):
        page.insert_text((80, 173 + 13 * i), text, fontname="helv", fontsize=10)
    top = 190 + 13 * len(sample)
    page.insert_text((72, top), "Figure 1: A sample summary.", fontname="helv", fontsize=10)
    after = _fill(WORDS, 440)
    after[-1] += "."
    for i, text in enumerate(after):
        page.insert_text((72, top + 26 + 13 * i), text, fontname="helv", fontsize=10)
    paper = _parse(doc, tmp_path / "framed.pdf")
    assert _holds(paper, " ".join(before)) and _holds(paper, " ".join(after)), _paragraphs(paper)
    assert not any("smugglers" in p or "crossings" in p for p in _paragraphs(paper)), _paragraphs(paper)


def _column(page, lines: list[str], x: float, top: float, size: float = 10) -> float:
    for i, text in enumerate(lines):
        page.insert_text((x, top + 1.2 * size * i), text, fontname="helv", fontsize=size)
    return top + 1.2 * size * len(lines)


def test_a_sentence_goes_on_over_an_uncalled_note_at_the_column_foot(tmp_path):
    # IEEE's first page: the affiliation and copyright note closes the left column in small print,
    # with no mark calling it, between a sentence and its end at the top of the right column.
    doc, page = section_page()
    left = _fill(WORDS * 20, 230)[:46]
    _column(page, left, 72, 110)
    page.draw_line((72, 672), (150, 672), width=0.4)
    _column(page, ["Manuscript received May 1, 2019; revised June 2, 2019."], 72, 684, size=8)
    _column(page, ["The authors are with a university somewhere on the map."], 72, 700, size=8)
    right = _fill(WORDS * 8, 230)[:46] + ["Then the text ends here."]
    _column(page, right, 320, 110)
    paper = _parse(doc, tmp_path / "note.pdf")
    assert _holds(paper, left[-1] + " " + right[0])


def test_a_sentence_goes_on_over_a_page_break_when_the_next_page_opens_with_its_citation(tmp_path):
    doc, page = section_page()
    text = _fill(WORDS * 20, 230)
    _column(page, text[:50], 72, 110)
    _column(page, text[50:98] + ["like the earlier detector"], 320, 110)
    second = doc.new_page(width=612, height=792)  # a float across the top, then the columns
    second.draw_rect(pymupdf.Rect(150, 60, 460, 200), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    second.insert_text((72, 222), "Fig. 2. The network architecture of our model.", fontname="helv", fontsize=8)
    rest = _fill(["[9],"] + WORDS * 12, 230)
    _column(second, rest[:40], 72, 250)
    _column(second, rest[40:78] + ["and so on."], 320, 250)
    paper = _parse(doc, tmp_path / "cite.pdf")
    assert _holds(paper, "like the earlier detector " + rest[0])


def test_a_row_pushed_down_by_an_inline_icon_stays_in_its_paragraph(tmp_path):
    # Plan4MC: "In combat [icon], we introduce distance reward and attack | reward to further ...":
    # the icon, taller than the type, sets the next row lower than the usual pitch.
    doc, page = section_page()
    above = _fill((WORDS * 2)[:40] + ["first."], 440)
    y = _column(page, above, 72, 110)
    page.insert_text((72, y), "Then in combat", fontname="helv", fontsize=10)
    icon = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 16, 16), False)
    icon.clear_with(120)
    page.insert_image(pymupdf.Rect(146, y - 12, 162, y + 4), pixmap=icon)
    tail = ", we introduce distance reward and attack the mobs while it goes"
    page.insert_text((532 - pymupdf.get_text_length(tail, "helv", 10), y), tail, fontname="helv", fontsize=10)
    below = _fill(["reward"] + (WORDS * 2)[:40] + ["done."], 440)
    _column(page, below, 72, y + 17.5)
    paper = _parse(doc, tmp_path / "icon.pdf")
    assert _holds(paper, "while it goes reward " + " ".join(WORDS[:5]))



def _unnamed_glyph(doc, page, x: float, y: float, size: float = 10) -> None:
    """One glyph of a Type 3 font whose ToUnicode entry names no character: the text layer reads it
    as U+FFFD, as it does a math symbol a TeX font leaves unmapped."""
    mapped_glyph(doc, page, x, y, size, "D800")


def test_a_line_of_running_words_with_an_unnamed_math_glyph_stays_in_its_paragraph(tmp_path):
    # Graph_2306.03589: "... results to | node-level tasks. The goal then is to predict a function
    # X [U+FFFD] yG(X), where we assume ...": the line was taken for a display equation.
    doc, page = section_page()
    above = _fill((WORDS * 2)[:40] + ["extend", "the", "results", "to"], 440)
    y = _column(page, above, 72, 110) + 2  # (clear of the line above: the glyph's box stands tall)
    head = "node-level tasks. The goal is to predict a function X "
    page.insert_text((72, y), head, fontname="helv", fontsize=10)
    x = 72 + pymupdf.get_text_length(head, "helv", 10)
    _unnamed_glyph(doc, page, x, y)
    page.insert_text((x + 8, y), " y(X), where we assume that the graph is fixed and", fontname="helv", fontsize=10)
    _column(page, _fill(WORDS[:30] + ["done."], 440), 72, y + 12)
    paper = _parse(doc, tmp_path / "glyph.pdf")
    assert _holds(paper, "extend the results to node-level tasks")


def test_the_line_right_under_a_running_heads_double_rule_stays_text(tmp_path):
    # ICML's running head sits over two rules drawn across the page; on a page whose first line
    # continues a sentence from the page before, that line stands a few points under the rules
    # (GPT-2, page 3: "to infer and perform many different tasks on examples with").
    doc, page = section_page()
    first = _fill(WORDS, 400)
    y = 110
    for line in first:
        page.insert_text((72, y), line, fontname="helv", fontsize=10)
        y += 12
    page.insert_text((72, y), "and it goes on over the page where it", fontname="helv", fontsize=10)
    for number in (2, 3, 4):
        later = doc.new_page(width=612, height=792)
        later.insert_text((200, 50), "Language Models Read Pages", fontname="helv", fontsize=9)
        later.draw_line((54, 53), (558, 53), width=0.5)
        later.draw_line((54, 68), (558, 68), width=0.5)
        later.insert_text((300, 760), str(number), fontname="helv", fontsize=9)
        _set(later, first, 72, 300)
    second = doc[1]
    continued = "ends a few points under the rules of the running head above this line."
    second.insert_text((72, 78), continued, fontname="helv", fontsize=10)
    second.insert_text((72, 90), "The next sentence starts after it and is read on as well as the one before.",
                       fontname="helv", fontsize=10)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, "and it goes on over the page where it " + continued), "\n".join(_paragraphs(paper))


def test_a_paragraphs_last_line_that_opens_like_a_caption_ends_its_sentence(tmp_path):
    # A page-wide paragraph whose last line is only "Table 2." (NeurIPS, "... as can be seen in
    # Appendix" / "Table 2."), on a page whose lower half is set in two columns of short lines: the
    # short line may be put in the left column, and still it is no caption.
    doc, page = section_page()
    lines = _fill(WORDS + "and the models exhibit low variance over several seeds as can be seen in Appendix".split(), 470)
    y = 110
    for line in lines:
        page.insert_text((72, y), line, fontname="helv", fontsize=10)
        y += 12
    page.insert_text((72, y), "Table 2.", fontname="helv", fontsize=10)
    y += 30
    left, right = _fill(WORDS, 220), _fill(list(reversed(WORDS)), 220)
    for k in range(3):
        for i, line in enumerate(left if k % 2 == 0 else right):
            page.insert_text((72, y + 12 * i), line, fontname="helv", fontsize=10)
            page.insert_text((320, y + 12 * i), (right if k % 2 == 0 else left)[i % len(right)], fontname="helv", fontsize=10)
        y += 12 * len(left) + 14
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, "as can be seen in Appendix Table 2."), "\n".join(_paragraphs(paper))
    assert not paper.tables


def test_a_caption_wrapped_into_a_one_column_paragraph_is_read_after_the_text_beside_it(tmp_path):
    # NIPS 2012: a figure and its caption set on the right of a paragraph (wrapfigure) in a one-column
    # paper; the rest of the page runs across. The paragraph's lines and the caption's must not interleave.
    doc, page = section_page()
    y = 110
    y = _set(page, _fill(WORDS * 3, 430), 108, y)
    page.draw_rect(pymupdf.Rect(348, y, 504, y + 60), color=(0, 0, 0), fill=(0.7, 0.7, 0.8))
    y += 75
    beside = _fill("we found that this small amount of weight decay was important for the model to learn and in "
                   "other words weight decay here is not merely a regularizer: it reduces the training error of "
                   "the model on every split we tried.".split(), 230)
    caption = ["Figure 3: Ninety six kernels of size", "eleven by eleven learned by the first", "layer on the input "
               "images of the set.", "The top kernels were learned on one", "device and the bottom ones on the", "other."]
    for i in range(max(len(beside), len(caption))):
        if i < len(beside):
            page.insert_text((108, y + 11 * i), beside[i], fontname="helv", fontsize=10)
        if i < len(caption):
            page.insert_text((348, y + 2 + 11 * i), caption[i], fontname="helv", fontsize=9)
    y += 11 * max(len(beside), len(caption)) + 14
    y = _set(page, _fill(WORDS * 2, 430), 108, y)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, "weight decay here is not merely a regularizer: it reduces the training error of the model "
                         "on every split we tried."), "\n".join(_paragraphs(paper))
    assert [f.number for f in paper.figures] == ["3"]
    assert paper.figures[0].caption.endswith("on the other.")


def test_a_hanging_caption_beside_the_text_keeps_out_of_its_rows_and_a_capital_goes_on_after_it(tmp_path):
    # JMLR: a plot and its caption on the right half of a one-column page, the caption's lines indented
    # under its label; its last line shares a row with the justified left column's "The Street View
    # House Numbers (SVHN)", whose sentence goes on under it with a capital: "Data Set (Netzer ...".
    doc, page = section_page()
    y = 110
    y = _set(page, _fill(WORDS * 2, 450), 90, y, pitch=13)
    page.draw_rect(pymupdf.Rect(306, y, 522, y + 180), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    top = y + 192
    beside = (" ".join(WORDS) + ". ") * 3  # the text left of the plot
    page.insert_textbox(pymupdf.Rect(90, y - 9, 296, y + 175), beside, fontname="helv", fontsize=10,
                        align=pymupdf.TEXT_ALIGN_JUSTIFY)
    caption = [(306, "Figure 4: Test error for different architectures"), (354, "with and without dropout. The net-"),
               (354, "works have two to four hidden layers each"), (354, "with a thousand units or two.")]
    for i, (x, text) in enumerate(caption):
        page.insert_text((x, top + 12 * i), text, fontname="helv", fontsize=9)
    page.insert_text((90, top + 14), "6.1.2 Street View House Numbers", fontname="hebo", fontsize=10)
    text = ("The Street View House Numbers (SVHN) Data Set (Netzer et al., 2011) consists of color images of house "
            "numbers collected by Google Street View and cropped to one digit each, which every model we trained reads.")
    page.insert_textbox(pymupdf.Rect(90, top + 27, 296, top + 110), text, fontname="helv", fontsize=10,
                        align=pymupdf.TEXT_ALIGN_JUSTIFY)
    _set(page, _fill(WORDS, 430), 90, top + 130, pitch=13)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, text), "\n".join(_paragraphs(paper))
    assert paper.figures and paper.figures[0].caption.endswith("with a thousand units or two.")


def test_two_columns_whose_gutter_is_off_the_page_middle_are_not_joined_row_by_row(tmp_path):
    # A 1994 scan: columns at 73-298 and 306-531 on a 618 pt page, so the 8 pt gutter lies left of the
    # page's middle (309); lines of both columns on one baseline must not be merged across it.
    doc = pymupdf.open()
    page = doc.new_page(width=618, height=795)
    page.insert_text((73, 80), "1 Introduction", fontname="hebo", fontsize=12)
    left = _fill(WORDS * 3, 222)
    right = _fill(list(reversed(WORDS)) * 3, 222)
    _set(page, left, 73, 110, pitch=11)
    _set(page, right, 306, 110, pitch=11)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, " ".join(left)), "\n".join(_paragraphs(paper))
    assert _holds(paper, " ".join(right))


def test_a_venue_stamp_at_the_foot_of_one_page_stays_out_of_the_text(tmp_path):
    # ICASSP 2017: "978-1-5090-4117-6/17/$31.00 ©2017 IEEE" and "ICASSP 2017" printed in body type at the
    # foot of page 1 only, far under both columns; the right column's sentence goes on at the top of
    # page 2. An equation's number alone at the foot of a page is kept.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 80), "1 Introduction", fontname="hebo", fontsize=12)
    left, right = _fill(WORDS * 12, 240)[:56], _fill(list(reversed(WORDS)) * 12, 240)[:55]
    _set(page, left, 54, 100, pitch=11, size=9)
    _set(page, right, 315, 100, pitch=11, size=9)
    last = 100 + 11 * (len(right) - 1)
    page.insert_text((54, 757), "978-1-5090-4117-6/17/$31.00 2017 IEEE", fontname="helv", fontsize=10)
    page.insert_text((502, 757), "ICASSP 2017", fontname="helv", fontsize=10)
    cut = "and the bins of one source are close together and those of bins"
    page.insert_text((315, last + 11), cut, fontname="helv", fontsize=9)
    second = doc.new_page(width=612, height=792)
    on = "dominated by different sources are far apart, as the loss asks of them."
    second.insert_text((54, 80), on, fontname="helv", fontsize=9)
    _set(second, left[:20], 54, 91, pitch=11, size=9)
    second.insert_text((270, 757), "(7)", fontname="helv", fontsize=9)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, cut + " " + on), "\n".join(_paragraphs(paper))
    assert not any("ICASSP" in p or "978-1" in p for p in _paragraphs(paper))
    assert any("(7)" in p for p in _paragraphs(paper))


def test_words_cut_at_a_kern_into_pieces_are_whole_again(tmp_path):
    # Ghostscript's Type 3 text of a 1994 paper: every kerned piece of a line is a text object of its
    # own ("asso" "ciation", "b" "et" "w" "een"), touching the next; word spaces stay spaces.
    # words placed one by one without space glyphs (4 pt apart), cut into pieces 0.4 pt apart
    rows = [["we", "consider", "the", "problem", "of", "disco|v|ering"], ["asso|ciation", "rules", "b|et|w|een", "items"],
            ["in", "a", "large", "database", "of", "sales", "transactions."]]
    doc = pymupdf.open()
    _type3_page(doc, [], 200)  # its font, /T3: every glyph 10 pt wide at this size
    runs = []
    for k, row in enumerate(rows):
        x = 72.0
        for word in row:
            for piece in word.split("|"):
                runs.append((x, 200 + 14 * k, piece))
                x += 10 * len(piece) + 0.4
            x += 3.6
    show(doc, doc[-1], "T3", 0.04, runs)
    path = tmp_path / "kerned.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert _holds(paper, "we consider the problem of discovering association rules between items in a large database "
                         "of sales transactions."), _paragraphs(paper)
    assert any("discovering association rules between items" in p for p in _paragraphs(paper)), _paragraphs(paper)


def test_digits_and_ligatures_of_a_type3_font_without_names_are_read_by_their_codes(tmp_path):
    # dvips/Ghostscript bitmap fonts (a 1994 VLDB paper): the digits' glyphs are named "/1" ... "/9"
    # and come out as U+0001 ... U+0009; TeX's "ff" ligature at code 11 comes out as U+FFFD.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 160), "1 Introduction", fontname="hebo", fontsize=14)
    digits = {48 + k: str(k) for k in range(10)}  # glyphs named "/0" ... "/9"
    font = type3_font(doc, page, {11: "#0B", 32: "space", 46: "period", **digits, **LETTERS})
    show(doc, page, font, 10, [(72, 200, "we found a di\\013erent result on 650 of the 95120 pages we read in the study.")])
    path = tmp_path / "type3.pdf"
    doc.save(path)
    raw = pymupdf.open(path)[0].get_text()
    assert "\x06\x050" in raw and "di\x0berent" in raw  # what the text layer gives
    paper = parse_pdf(path)
    assert "we found a different result on 650 of the 95120 pages we read in the study." in _paragraphs(paper), \
        _paragraphs(paper)


def test_review_line_numbers_in_the_texts_own_size_are_taken_out_when_they_stand_in_the_margin(tmp_path):
    # ICML 2021 submissions number the lines in 10 pt, the text's own size, in the page's margin.
    doc, page = section_page()
    lines = _fill(WORDS * 3, 420)
    for i, line in enumerate(lines):
        page.insert_text((27, 110 + 12 * i), f"{i + 10:03d}", fontname="helv", fontsize=10)
        page.insert_text((72, 110 + 12 * i), line, fontname="helv", fontsize=10)
    paper = _parse(doc, tmp_path / "p.pdf")
    first = paper.sections[0].paragraphs[0]
    assert first.text.startswith(lines[0]) and not re.search(r"\b0\d\d\b", first.text), first.text
    assert first.line_numbers == (10, 10 + len(lines) - 1)


def test_a_margin_number_joined_to_a_line_that_hangs_into_the_margin_still_leaves_the_text(tmp_path):
    # ICML 2024: numbers in the text's own size stand 13 pt left of the text; a line opening with a
    # quotation mark hangs a point and a half into the margin, so its number reads as part of it
    # ("535 'Pause Giant AI Experiments' open letter"). That line's left edge is no edge of the text block:
    # every number on the page is taken out, that one too.
    doc, page = section_page()
    lines = _fill(WORDS * 5, 420)
    lines[4] = "'" + lines[4]
    for i, line in enumerate(lines):
        page.insert_text((27, 110 + 12 * i), f"{i + 530:03d}", fontname="helv", fontsize=10)
        page.insert_text((54.5 if line.startswith("'") else 56.5, 110 + 12 * i), line, fontname="helv", fontsize=10)
    paper = _parse(doc, tmp_path / "p.pdf")
    first = paper.sections[0].paragraphs[0]
    assert first.text.startswith(lines[0]) and not re.search(r"\b5\d\d\b", first.text), first.text
    assert f" {lines[4]} " in first.text
    assert first.line_numbers == (530, 530 + len(lines) - 1)


def test_margin_numbers_stay_out_of_the_text_when_one_overfull_line_runs_out_under_them(tmp_path):
    # ICML 2015 review copy: numbers in the text's own size in the right margin; a footnote's long URL
    # runs past the text block to under them, so the text's right edge is not the block's.
    doc, page = section_page()
    lines = _fill(WORDS * 12, 420)
    for i, line in enumerate(lines):
        page.insert_text((532, 110 + 12 * i), f"{i + 165:03d}", fontname="helv", fontsize=10)
        page.insert_text((72, 110 + 12 * i), line, fontname="helv", fontsize=10)
    url = "2 Dataset can be found at http://www.vision.example.org/datasets/extra/food-101/images/all/classes/index.html"
    page.insert_text((86, 110 + 12 * len(lines) + 20), url, fontname="helv", fontsize=10)
    assert page.get_text("dict")["blocks"][-1]["bbox"][2] > 535  # out under the numbers
    paper = _parse(doc, tmp_path / "p.pdf")
    first = paper.sections[0].paragraphs[0]
    assert first.text.startswith(lines[0]) and not re.search(r"\b1\d\d\b", first.text), first.text
    assert first.line_numbers == (165, 165 + len(lines) - 1)


def test_a_subscript_the_text_layer_gives_as_a_line_of_its_own_stays_in_its_line(tmp_path):
    # ICML: the "i" of "Y_i" set under a line that ends in a broken word ("... Opera-") is a line of
    # its own in the text layer; read as the next line it made "Operai" of the word, or a paragraph "i".
    doc, page = section_page()
    lines = _fill(WORDS * 2, 420)
    y = _set(page, lines, 72, 110)
    head = "the answer for each instance, written Y"
    page.insert_text((72, y), head, fontname="helv", fontsize=10)
    x = 72 + pymupdf.get_text_length(head, "helv", 10)
    page.insert_text((x + 5, y), ":= the value it returns at the end. Opera-", fontname="helv", fontsize=10)
    page.insert_text((x, y + 2.5), "i", fontname="helv", fontsize=7)
    _set(page, ["tionalized, one run is a single forward pass of the model without any pause."], 72, y + 12)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _paragraphs(paper) == [" ".join(lines) + " the answer for each instance, written Yi := the value it returns at "
                                  "the end. Operationalized, one run is a single forward pass of the model without any pause."]


@pytest.mark.parametrize("bold, roman", [
    # a bold phrase going on over the line break, then roman (ACL 2025 review copy)
    (["C2: the reported magnitude of the entropy and the", "acceptance correlation."], ""),
    # a bold lead without punctuation, then roman on both sides of the break (ICML 2019)
    (["BMM performance under low levels of label noise"], "We"),
])
def test_a_sentence_goes_on_over_a_line_break_where_the_face_changes_from_bold_to_roman(tmp_path, bold, roman):
    # The line above runs to the column's right edge without ending its sentence; the face at the
    # break is one (bold on both sides, or roman on both). The paragraph had been cut at the break.
    doc, page = section_page()
    first = f"{bold[0]} {roman}".strip()
    width = pymupdf.get_text_length(first, "helv", 10) + 3  # the lead's line fills the column
    y = _set(page, _fill(WORDS, width), 72, 110) + 10
    page.insert_text((72, y), bold[0], fontname="hebo", fontsize=10)
    page.insert_text((72 + pymupdf.get_text_length(bold[0] + " ", "hebo", 10), y), roman, fontname="helv", fontsize=10)
    y += 12
    x = 72
    if len(bold) > 1:
        page.insert_text((72, y), bold[1], fontname="hebo", fontsize=10)
        x += pymupdf.get_text_length(bold[1] + " ", "hebo", 10)
    after = _fill(WORDS, width - (x - 72))
    page.insert_text((x, y), after[0], fontname="helv", fontsize=10)
    _set(page, _fill(WORDS, width), 72, y + 12)
    paper = _parse(doc, tmp_path / "p.pdf")
    paragraphs = _paragraphs(paper)
    assert len(paragraphs) == 2, paragraphs
    assert paragraphs[1].startswith(" ".join(bold + [roman]).strip() + " " + after[0]), paragraphs[1]


def test_a_word_broken_at_the_end_of_a_line_of_math_goes_on_in_the_next_line(tmp_path):
    # SIAM SDM 2019: "Let hi ∈Rl×1 and hi,d ∈Rq×1, d = 1, . . . , D de-" is mostly math, so it read
    # as a piece of a display equation and the paragraph was cut before "note the general ...".
    doc, page = section_page()
    y = _set(page, _fill(WORDS, 420), 72, 110, pitch=15)
    page.insert_text((72, y), "Let", fontname="helv", fontsize=10)
    x = 72 + pymupdf.get_text_length("Let ", "helv", 10)
    math = "h i R l x 1 and h i,d R q x 1, d = 1, . . . , D"
    page.insert_text((x, y), math, fontname="symb", fontsize=10)
    x += pymupdf.get_text_length(math + " ", "symb", 10)
    page.insert_text((x, y), "de-", fontname="helv", fontsize=10)
    # (15 pt apart: Helvetica's boxes, taller than Times', 12 pt apart would touch and make one row)
    _set(page, ["note the general representation and the dimension-specific ones for every node."], 72, y + 15)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert any("denote the general representation" in p for p in _paragraphs(paper)), _paragraphs(paper)


def test_a_line_mostly_of_math_with_words_of_its_own_goes_on_the_sentence_of_the_full_line_above(tmp_path):
    # CEAS 2006: "In our experiments, each message is ultimately represented" fills the column; the next
    # line, "as a vector <x1, ..., xm>, where x1, ..., xm are the values of ...", is mostly math and
    # was read as a display equation, cutting the sentence in two.
    doc, page = section_page()
    lines = _fill(WORDS * 2, 420)[:-1]
    y = _set(page, lines, 72, 110, pitch=15)
    parts = [("as a vector", "helv"), ("x1, . . . , xm, y1, . . . , ym, z1, . . . , zm", "symb"),
             ("where the values are given.", "helv")]
    x = 72
    for text, font in parts:
        page.insert_text((x, y), text, fontname=font, fontsize=10)
        x += pymupdf.get_text_length(text + " ", font, 10)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert any(f"{lines[-1]} as a vector" in p for p in _paragraphs(paper)), _paragraphs(paper)


def test_a_review_copys_stacked_corner_marks_stay_out_of_a_sentence_across_the_page(tmp_path):
    # CVPR review copies: "CVPR" over "#****" in both top corners and a "CONFIDENTIAL REVIEW COPY" line,
    # three lines deep; a sentence cut at the foot of one page goes on under them on the next.
    doc = pymupdf.open()
    body = _fill(WORDS * 6, 440)
    for number in range(4):
        page = doc.new_page(width=612, height=792)
        for x in (9, 561):
            page.insert_text((x, 24), "CVPR", fontname="helv", fontsize=9)
            page.insert_text((x + 2, 35), "#****", fontname="helv", fontsize=10)
        page.insert_text((139, 45), "CVPR 2017 Submission #****. CONFIDENTIAL REVIEW COPY. DO NOT DISTRIBUTE.",
                         fontname="helv", fontsize=8)
        if number == 0:
            page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=12)
        _set(page, body[:40], 72, 100, pitch=15)
        page.insert_text((300, 740), str(number + 1), fontname="helv", fontsize=10)
    cut, on = "and evaluate it on other computer vision tasks such as cross-domain im-", "age recognition, as planned."
    doc[1].insert_text((72, 700), cut, fontname="helv", fontsize=10)
    doc[2].insert_text((72, 88), on, fontname="helv", fontsize=10)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, "tasks such as cross-domain image recognition, as planned."), "\n".join(_paragraphs(paper))
    assert not any("****" in p for p in _paragraphs(paper))


def test_a_white_panel_under_the_whole_text_area_is_no_figure(tmp_path):
    # USENIX ATC 2013 proceedings: every page is set on a white rectangle covering both columns.
    # Taken for a graphic, it made each page a figure's interior and its text and headings were lost.
    doc, page = section_page()
    page.draw_rect((68, 68, 550, 724), color=None, fill=(1, 1, 1))
    left = _fill(WORDS * 4, 225)
    right = _fill(list(reversed(WORDS)) * 4, 225)
    _set(page, left, 73, 110)
    page.insert_text((316, 100), "2 The Data Model", fontname="hebo", fontsize=12)
    _set(page, right, 316, 125)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert [s.title for s in paper.sections] == ["Introduction", "The Data Model"]
    assert _holds(paper, " ".join(left)) and _holds(paper, " ".join(right)), "\n".join(_paragraphs(paper))


def test_the_first_line_under_a_screenshot_reaching_past_its_caption_stays_text(tmp_path):
    # UIST 2013: a screenshot's image runs a few points past the caption set over its foot, down
    # into the first line of the column under it; that line was taken for the figure's own text.
    doc, page = section_page()
    shot = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 64, 40), False)
    shot.clear_with(230)
    page.insert_image(pymupdf.Rect(60, 100, 560, 356), pixmap=shot)
    page.insert_text((80, 328), "Figure 1. Our editing interface shows two views of each speech track.",
                     fontname="hebo", fontsize=8)
    top = _fill(WORDS * 2, 240)
    _set(page, top, 54, 358, pitch=11)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, " ".join(top)), "\n".join(_paragraphs(paper))


def test_a_footnote_mark_the_text_layer_sets_apart_opens_its_note(tmp_path):
    # ACL 2018: each footnote's mark ("2", 6 pt, raised) comes as a line of its own, 17 pt left of
    # the note ("https://www.kaggle.com/c/" in 9 pt); neither line was a note's, so the notes were
    # read into the body and cut a sentence running on to the next page.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 80), "4 Experiments", fontname="hebo", fontsize=12)
    words = (WORDS * 4)[:-3]
    lines = _fill(words, 218)
    y = _set(page, lines[:-1], 307, 110, pitch=13.6, size=11)
    page.insert_text((307, y), "with the batch size of 80. We also fine-tune the", fontname="helv", fontsize=11)
    page.draw_line((307, 738), (380, 738), width=0.4)
    _set(page, _fill(WORDS * 4, 218), 72, 110, pitch=13.6, size=11)
    # the left column's note ends 15 pt short of the right one's mark (a gutter, not an exponent's base)
    left_note = "We present the results of Gupta et al. (2018)."
    page.insert_text((72, 749), "1", fontname="helv", fontsize=6)
    page.insert_text((292 - pymupdf.get_text_length(left_note, "helv", 9), 753), left_note, fontname="helv", fontsize=9)
    page.insert_text((307, 749), "2", fontname="helv", fontsize=6)
    page.insert_text((327, 753), "https://www.kaggle.com/c/", fontname="cour", fontsize=9)
    page.insert_text((327, 763), "quora-question-pairs", fontname="cour", fontsize=9)
    second = doc.new_page(width=595, height=842)
    second.insert_text((72, 80), "Seq2Seq baseline models with Adam optimizer for a fair comparison.", fontname="helv",
                       fontsize=11)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert [f.text for f in paper.footnotes][-1] == "https://www.kaggle.com/c/ quora-question-pairs"
    assert _holds(paper, "We also fine-tune the Seq2Seq baseline models with Adam optimizer for a fair comparison.")
    assert not _holds(paper, "kaggle")


def test_a_footnote_justified_in_words_across_a_one_column_pages_middle_stays_one_note(tmp_path):
    # NeurIPS (ViT, one column): the note's first line is set justified with wide spaces and comes as
    # separate words; those past the page's middle had made a "right column" without a mark, read
    # as body text and spliced into the sentence the page leaves open.
    doc, page = section_page()
    lines = _fill(WORDS * 4, 396)
    y = _set(page, lines, 108, 110)
    page.insert_text((108, y), "This seemingly discouraging outcome may be expected: Transformers lack some of the",
                     fontname="helv", fontsize=10)
    page.draw_line((108, 700), (250, 700), width=0.4)
    page.insert_text((108, 716), "1", fontname="helv", fontsize=6)
    x = 112
    for word in "Fine-tuning code and pre-trained models are available at https://github.com/".split():
        page.insert_text((x, 720), word, fontname="helv", fontsize=9)
        x += pymupdf.get_text_length(word, "helv", 9) + 11.5
    page.insert_text((108, 730), "google-research/vision_transformer", fontname="helv", fontsize=9)
    second = doc.new_page(width=612, height=792)
    second.insert_text((108, 80), "inductive biases inherent to convolutions, such as translation equivariance.",
                       fontname="helv", fontsize=10)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert [f.text for f in paper.footnotes] == [
        "Fine-tuning code and pre-trained models are available at https://github.com/ google-research/vision_transformer"]
    assert _holds(paper, "Transformers lack some of the inductive biases inherent to convolutions")


def test_a_footnotes_last_line_printed_alike_on_two_pages_is_no_running_foot(tmp_path):
    # AAAI 2018: footnotes 1 and 2 give one URL, broken after a hyphen, at the same place on two
    # pages; its second line ("Question-Pairs"), the last line above the page number, read as a
    # running foot and left both notes.
    doc = pymupdf.open()
    for number in (1, 2):
        page = doc.new_page(width=612, height=792)
        if number == 1:
            page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=14)
        lines = _fill(WORDS * 8, 440)
        y = _set(page, lines, 72, 110)
        page.insert_text((72, y), f"We use the question pairs released by the site.{number}", fontname="helv", fontsize=10)
        page.draw_line((72, 700), (150, 700), width=0.4)
        page.insert_text((72, 711), str(number), fontname="helv", fontsize=6)
        page.insert_text((76, 715), "https://data.example.org/First-Dataset-Release-", fontname="helv", fontsize=9)
        page.insert_text((72, 726), "Question-Pairs", fontname="helv", fontsize=9)
        page.insert_text((300, 760), str(number), fontname="helv", fontsize=10)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert [f.text for f in paper.footnotes] == ["https://data.example.org/First-Dataset-Release-Question-Pairs"] * 2


@pytest.mark.parametrize("first", ["To", "An"])
def test_a_bold_run_in_label_then_a_short_first_word_is_no_heading(tmp_path, first):
    # ACL 2023: "Regularizer of shortness and coherence" in bold, ".", then "To", the paragraph's first
    # word, at the end of the line: the short roman word was taken for a math variable in a bold
    # heading, and the paragraph was cut after its first line.
    doc, page = section_page()
    _set(page, _fill(WORDS, 218), 72, 110, pitch=13.6, size=10)
    label = "Regularizer of shortness and coherence"
    page.insert_text((72, 190), label, fontname="hebo", fontsize=10)
    end = 72 + pymupdf.get_text_length(label, "hebo", 10)
    page.insert_text((end, 190), ".", fontname="tiro", fontsize=10)  # the full stop in roman, in a span of its own
    page.insert_text((end + 10, 190), first, fontname="helv", fontsize=10)  # a justified space
    rest = _fill(("make the selected rationales readable the method keeps them short and " * 2).split(), 218)
    _set(page, rest, 72, 203.6, pitch=13.6, size=10)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, f"{first} {rest[0]}"), "\n".join(_paragraphs(paper))


def test_two_columns_under_wide_tables_of_numbers_are_not_joined_row_by_row(tmp_path):
    # TPAMI: two tables across the page, their cells of numbers in columns with a gap right of the middle,
    # over two columns of text split at 306; the gap in the tables was taken for the gutter and the
    # text's rows were joined across the real one.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((49, 60), "5 Experiments", fontname="hebo", fontsize=12)
    for r in range(30):
        y = 80 + 12 * r
        for x, cell in ((60, f"(0.{r % 5}, 0.2)"), (130, "64.24±6.59"), (200, "65.76±6.16"), (296, "71.36±5.95"),
                        (392, "69.39±5.91"), (460, "71.06±4.15"), (520, "72.73±5.15")):
            page.insert_text((x, y), cell, fontname="helv", fontsize=8)
    left = _fill(WORDS * 3, 250)
    right = _fill(list(reversed(WORDS)) * 3, 250)
    _set(page, left, 49, 470)
    _set(page, right, 309, 470)  # a gutter of 10 pt
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, " ".join(left)), "\n".join(_paragraphs(paper))
    assert _holds(paper, " ".join(right))


def _justified(page, lines: list[str], x: float, top: float, width: float) -> None:
    """Lines set flush on both sides, `width` wide, their words spread out (the last line too: the
    paragraph goes on elsewhere)."""
    for i, text in enumerate(lines):
        words = text.split()
        spare = width - sum(pymupdf.get_text_length(w, "helv", 10) for w in words)
        gap = spare / max(1, len(words) - 1)
        at = x
        for word in words:
            page.insert_text((at, top + 12 * i), word, fontname="helv", fontsize=10)
            at += pymupdf.get_text_length(word, "helv", 10) + gap


def test_a_sentence_goes_on_in_the_next_column_with_a_capitalised_word_after_the_floats(tmp_path):
    # EMNLP 2018: "... We also fine-tune the" ends a right column; the next page opens with two
    # tables, and the left column goes on "Seq2Seq baseline models with Adam optimizer". A capital
    # may go on a sentence when the line before is a full one; across columns, a full line is as
    # wide as the justified line that goes on, not one from the same left edge.
    doc, page = section_page()
    left = _fill(WORDS * 20, 225)[:46] + ["and the reader also tunes every model and keeps the"]
    _justified(page, left, 72, 110, 230)
    page.draw_rect(pymupdf.Rect(320, 100, 550, 220), color=(0, 0, 0), width=0.5)
    page.insert_text((320, 236), "Table 2: Performances of the models on the first dataset.", fontname="helv", fontsize=8)
    right = _fill(["Seq2Seq"] + WORDS * 6, 225)[:30]
    _justified(page, right, 320, 260, 230)
    _column(page, ["Then the text ends here."], 320, 260 + 12 * 30)
    paper = _parse(doc, tmp_path / "capital.pdf")
    assert _holds(paper, left[-1] + " " + right[0])


def test_a_column_ending_with_a_footnote_call_after_its_full_stop_ends_its_paragraph(tmp_path):
    # BERT: "... beneficial to both QA and NLI. 6" closes a column with a full line; the next
    # column's "The NSP task is closely related ..." is a new paragraph, not the sentence going on.
    doc, page = section_page()
    left = _fill(WORDS * 20, 225)[:46] + ["and the reader keeps every model for QA and NLI. 6"]
    _justified(page, left, 72, 110, 230)
    right = _fill(["The", "NSP"] + WORDS * 6, 225)[:30]
    _justified(page, right, 320, 110, 230)
    _column(page, ["Then the text ends here."], 320, 110 + 12 * 30)
    paper = _parse(doc, tmp_path / "mark.pdf")
    assert not _holds(paper, "NLI. 6 The NSP") and _holds(paper, right[0])


def test_a_caption_ending_on_a_short_line_of_math_keeps_it(tmp_path):
    # IEEE TSP: Figure 3's caption ends "... for various values of" / "α."; the lone "α." counted as a
    # display equation, left the caption and was joined to the sentence that the page before left
    # open ("... and the training α."), so the sentence's real continuation stood apart.
    doc, page = section_page()
    lines = _fill(WORDS * 4 + "the mean errors are shown in Figure 2b and the training".split(), 450)
    _set(page, lines, 72, 720 - 12 * (len(lines) - 1))
    page = doc.new_page(width=612, height=792)
    page.draw_rect(pymupdf.Rect(90, 60, 300, 200), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    page.insert_font(fontname="uni", fontbuffer=pymupdf.Font("cjk").buffer)
    caption = ["Figure 3. Relative improvement of the gated network over the plain one",
               "on an AR diffusion process for various values of"]
    _set(page, caption, 72, 220, pitch=12, size=9)
    page.insert_text((72, 247), "α.", fontname="uni", fontsize=9)  # (its box clear of the line above's)
    rest = "error of each architecture versus the number of training steps in Figure 2a. " + " ".join(WORDS) + "."
    _set(page, _fill(rest.split(), 450), 72, 275)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert paper.figures and paper.figures[0].caption.endswith("for various values of α.")
    assert _holds(paper, "shown in Figure 2b and the training error of each architecture"), "\n".join(_paragraphs(paper))


def test_a_paragraph_ending_on_a_short_line_of_math_keeps_it(tmp_path):
    # ICML 2021: "... we just need to recover a d dimensional manifold in the ambient space of dimension"
    # / "p." (p in a math font): the lone "p." counted as a display equation and stood as a paragraph.
    doc, page = section_page()
    page.insert_font(fontname="uni", fontbuffer=pymupdf.Font("cjk").buffer)
    lines = _fill(WORDS * 2, 450) + ["so that we only need to recover a manifold in the ambient space of dimension"]
    y = _set(page, lines, 72, 110, pitch=13)
    page.insert_text((72, y + 1.5), "ρ.", fontname="uni", fontsize=10)  # (its box clear of the line above's)
    _set(page, _fill(["With"] + WORDS, 450), 84, y + 20, pitch=13)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert any(text.endswith("in the ambient space of dimension ρ.") for text in _paragraphs(paper)), _paragraphs(paper)
    assert "ρ." not in _paragraphs(paper)


_INLINE_MATH_TEX = r"""\documentclass{article}
\usepackage[margin=1.5in]{geometry}
\begin{document}
\begin{center}{\Large\bfseries A Study of Rows}\end{center}
\section{Introduction}
Deep networks are trained by gradient descent on large data sets, and this paper is about the rows of its text.

In this paper, we consider fully connected networks with ReLU activations, with $d$ layers and $w$ hidden
units per layer. In what follows, we denote the dataset by $(x_s, y_s)_{s=1}^n \in \mathbf{R}^{d_{in}} \times
\mathbf{R}$, and the parameters of the network by $\Theta \in \mathbf{R}^{d_{net}}$, the network output for an
input $x$ by $\hat{y}_\Theta(x)$. Here we copy the weights of a pre-trained network into $\Theta^g_0$, and then
start with a random $\Theta_0$ as in the first assumption, and we retain the features. The average of the losses
is $\frac{1}{n}\sum_{i=1}^{n} \ell_i$ over all samples seen so far in training, and the sum
$\textstyle\sum_{k=1}^{K} a_k$ is taken over every block of the network.
\end{document}
"""


def test_inline_math_drawn_taller_than_its_row_is_read_in_its_row(tmp_path):
    # NeurIPS 2020: a fraction, a sum with its limits or stacked scripts ("Θ^g_0") in running text are
    # drawn taller than their row; the text layer gives their pieces as lines of their own whose
    # baselines are raised or lowered, and by baseline they were read before or after the row
    # ("... with d layers and w hidden s=1 ∈Rdin ×R, and the parameters units per layer.").
    paper = _compiled(tmp_path, _INLINE_MATH_TEX)
    text = next((p for p in _paragraphs(paper) if p.startswith("In this paper")), "")
    for piece in ("The average of the losses is 1 n", "over all samples seen so far in training",
                  "is taken over every block of the network.", "into Θg 0, and then start"):
        assert _key(piece) in _key(text), (piece, _paragraphs(paper))


def test_text_wrapped_right_of_a_figure_and_its_caption_is_read_beside_them(tmp_path):
    # LNCS (ECCV): a figure on the left of a one-column page, its caption under it, the paragraph
    # wrapped on their right; a table higher on the page has text wrapped beside it too, so the
    # column edge most lines share is that one's. The caption and the lines beside it are read as
    # two columns, not row by row ("Fig. 4. Effect of varying λ in different" / "λ, mAP starts ...").
    doc, page = section_page()
    page.draw_rect(pymupdf.Rect(72, 100, 240, 220), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    y = _set(page, _fill(WORDS * 2, 290), 250, 110)
    y = _set(page, _fill(WORDS * 8, 468)[:-1], 72, max(y, 230) + 6)  # (most of the page runs across)
    beside = ("Varying the weight: the hyperparameter controls the weight between both losses and in "
              "Figure 4 we illustrate the effect of varying it on four tasks for both models. It shows that "
              "the performance has less variation in the middle of its range than near one. For a larger "
              "weight the precision starts dropping since the impact of the second loss decreases a lot.")
    lines = _fill(beside.split(), 220)
    _set(page, lines, 316, y + 10)
    bottom = y + 10 + 12 * (len(lines) - 1)
    page.draw_rect(pymupdf.Rect(72, y + 4, 300, bottom - 36), color=(0, 0, 0), fill=(0.7, 0.8, 0.8))
    caption = ["Fig. 4. Effect of varying the weight between the losses in", "different zero-shot tasks for the first model (left)",
               "and the second model (right)."]  # (wider than the table's text stands off the edge)
    _set(page, caption, 72, bottom - 24, pitch=11, size=9)
    _set(page, ["4.3 Zero Shot Recognition"], 72, bottom + 30)
    _set(page, _fill(WORDS * 8, 468)[:-1], 72, bottom + 50)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, beside), "\n".join(_paragraphs(paper))
    assert paper.figures and paper.figures[0].caption.endswith("and the second model (right).")


def test_a_row_dense_with_inline_math_that_fills_the_column_goes_on_in_the_next_line(tmp_path):
    # AAAI (CLIP4Clip): "{v1 i , v2 i , . . . , vi|vi| }. Our model is an end-to-end" is more math
    # than words, so it counted as a display's piece and the paragraph was cut before "manner (E2E)
    # trained on pixels ...", though the row fills the column from its left edge.
    doc, page = section_page()
    lines = _fill(WORDS * 2, 420)[:-1]
    y = _set(page, lines, 72, 110, pitch=15)
    words = "Our model is an end-to-end"
    right = max(72 + pymupdf.get_text_length(line, "helv", 10) for line in lines)
    math = "{v1 i, v2 i, . . . , vi|vi|"
    for letter in "wuzabcdefghjkmnpqrst":  # as many sets as fill the row up to the column's right edge
        if 72 + pymupdf.get_text_length(f"{math}, {letter}1 i}}. ", "symb", 10) + \
                pymupdf.get_text_length(words, "helv", 10) > right:
            break
        math += f", {letter}1 i"
    math += "}."
    page.insert_text((72, y), math, fontname="symb", fontsize=10)
    x = 72 + pymupdf.get_text_length(math + " ", "symb", 10)
    page.insert_text((x, y), words, fontname="helv", fontsize=10)
    assert x + pymupdf.get_text_length(words, "helv", 10) > right - 15  # (the row fills the column)
    _set(page, ["manner trained on pixels directly by taking the frames as input to the network."], 72, y + 15)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, "Our model is an end-to-end manner trained on pixels"), _paragraphs(paper)


def test_an_unnamed_glyph_drawn_above_its_row_of_words_stays_in_the_row(tmp_path):
    # TPAMI: the radical of "of order O(√1/n) [41]" is a glyph the text layer cannot name, drawn a
    # little above the row; alone on its raised baseline it was read before the row as a display
    # equation's piece, and cut "The Rademacher complexity has a convergence rate" from its end.
    doc, page = section_page()
    above = _fill(WORDS * 2 + ["and", "the", "complexity", "has", "a", "convergence", "rate"], 440)
    y = _column(page, above, 72, 110) + 2
    head = "of order O("
    page.insert_text((72, y), head, fontname="helv", fontsize=10)
    x = 72 + pymupdf.get_text_length(head, "helv", 10)
    page.insert_text((x + 8, y), "1/n) [41]. If the function class has proper conditions on its", fontname="helv",
                     fontsize=10)
    _unnamed_glyph(doc, page, x, y - 4)  # (drawn after the row: the text layer gives it a line of its own)
    _column(page, _fill(WORDS[:30] + ["done."], 440), 72, y + 12)
    paper = _parse(doc, tmp_path / "glyph.pdf")
    assert _holds(paper, "has a convergence rate of order O( 1/n) [41]. If the function class"), _paragraphs(paper)
    assert "\ufffd" not in " ".join(_paragraphs(paper))


def test_a_word_broken_with_a_soft_hyphen_at_a_line_end_is_whole(tmp_path):
    # UAI 1999: the break's hyphen comes through as U+00AD ("... is well-known tech\xad" / "nique
    # which ..."); the word stayed cut in two, "tech\xad nique", with an invisible character in it.
    doc, page = section_page()
    lines = _fill(WORDS, 420) + ["Latent semantic analysis (LSA) is a well-known tech",
                                 "nique which partially addresses these questions and others."]
    y = _set(page, lines, 72, 110)
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <2D> <00AD> endbfchar "
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    font = type3_font(doc, page, {45: "hy"}, advance=333, glyph_box=(300, 300), to_unicode=cmap)
    show(doc, page, font, 10, [(72 + pymupdf.get_text_length(lines[-2], "helv", 10), y - 24, "-")])
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, "is a well-known technique which partially addresses"), _paragraphs(paper)
    assert "\xad" not in " ".join(_paragraphs(paper))


def test_a_bold_lead_on_a_line_of_its_own_at_the_paragraph_indent_opens_its_paragraph(tmp_path):
    # AAAI 2018: "Monolingual Setting" in bold italics on a line of its own, at the paragraph indent,
    # then "DNN-ED is the basic ..." at the same indent and the paragraph's next lines flush left: a
    # lead of the paragraph (a list of baselines), not a section of its own. (It follows the
    # paragraph before at the text's own leading, as AAAI prints it: a line set at the indent with
    # space above it is a subsection, test_parse_heads18.)
    doc, page = section_page()
    y = _set(page, _fill(WORDS, 440), 72, 110) + 1
    page.insert_text((82, y), "Monolingual Setting", fontname="tibi", fontsize=10)
    # (13 pt down: the text layer's boxes of the base-14 Times are taller than the paper's font's)
    page.insert_text((82, y + 13), "DNN-ED is the basic feed-forward network model proposed before.", fontname="tiro",
                     fontsize=10)
    _set(page, ["DMCNN is the model that uses convolutions to capture features automatically, and the",
                "last one is ours without the gate."], 72, y + 26, pitch=13)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert not any(s.title == "Monolingual Setting" for s in paper.sections), [s.title for s in paper.sections]
    assert _holds(paper, "Monolingual Setting DNN-ED is the basic feed-forward network model"), _paragraphs(paper)


_EXTENSION_GLYPHS_TEX = r"""\documentclass{article}
\begin{document}
\section{Introduction}
The reader keeps every sentence of the paper whole while it turns the pages and reads the rows of text.
The complexity of the class has a convergence rate of order $O(\sqrt{1/n})$ [41], and if the class has
proper conditions on its variance, the complexity will quickly converge and the reader keeps it whole.
The loss adds up over the samples, $\sum_{i=1}^n \ell_i$, a noise level $\widetilde{\sigma}$ is drawn at random,
the norm is $\sqrt{\textstyle\sum_k a_k^2}$, and the product $\prod_j x_j$ stays small for the chosen inputs.

\noindent Then $\widehat{H}_t$ holds.
\end{document}
"""


def test_math_extension_glyphs_are_named_not_dropped(tmp_path):
    # ICML 2016, NeurIPS 2019: TeX's extension font (cmex) has no Unicode map: the text layer read
    # its sum, product and root signs and its wide tilde as U+FFFD, and the parser dropped them from
    # the sentence ("where σ is chosen uniformly at random from [0, σ]" for "where σ̃ ..."). A radical so
    # named, drawn above its row of words, stays in the row as the unnamed one did (TPAMI: "... has a
    # convergence rate" | "√ of order O( 1/n)").
    paper = _compiled(tmp_path, _EXTENSION_GLYPHS_TEX)
    text = " ".join(_paragraphs(paper))
    assert "\ufffd" not in text
    for sign in ("∑", "√", "∏", "σ\u0303", "Ĥ"):  # (the last in a short row, as a caption's "Figure 3: Ĥt")
        assert sign in text, (sign, text)
    assert _holds(paper, "has a convergence rate of order O(√1/n) [41], and if the class"), _paragraphs(paper)


def test_left_column_running_on_below_a_short_right_column_is_read_first(tmp_path):
    # CVPR 2025: an algorithm float across the top of the last page (many short pieces on the left),
    # then two columns, the right one only a few lines long. Read as a wrapped figure's band, every
    # left line below the right column's last was read after it, cutting a sentence in two
    # ("... rare or less reliable diagnostic" | right column | "features and lack ...").
    doc, page = section_page()
    long_row = "Require: a training set of documents, a window size, a threshold and the number of passes over them"
    _set(page, [long_row] * 6, 72, 110)
    for i in range(30):
        page.insert_text((72, 190 + 9 * i), f"{i + 1}:", fontname="helv", fontsize=8)
        page.insert_text((92, 190 + 9 * i), "update the weights of the layer", fontname="helv", fontsize=8)
    left = _fill(("The reader keeps the sentences of the left column in order. " * 2).split() +
                 ["Its", "last", "sentence", "runs", "on", "well", "below", "the", "end", "of", "the", "right",
                  "column", "and", "still", "reads", "as", "one", "sentence", "from", "its", "start", "to", "its",
                  "very", "end."] + WORDS[:30] + ["done."], 218)
    _set(page, left, 72, 480)
    right = _fill(WORDS[:40] + ["here."], 218)
    _set(page, right, 322, 480)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, "Its last sentence runs on well below the end of the right column and still reads as one "
                         "sentence from its start to its very end."), _paragraphs(paper)


def test_three_columns_a_few_points_apart_are_read_one_after_another(tmp_path):
    # CACM: three columns 10 pt apart, the page's middle inside the middle one, and a boxed sidebar
    # across the first two at the foot of the page. Lines of neighbouring columns were joined across
    # the narrow gap and the page read row by row ("... security and so | value store databases").
    doc, page = section_page()
    text = []
    for i in range(32):
        text += f"Sentence {i} of the story goes on across the columns while".split() + WORDS[i:i + 9]
        text[-1] += "."
    lines = _fill(text, 160)
    first, second = lines[:30], lines[30:60]
    third = lines[60:95]
    text = " ".join(lines[:95]).split()
    assert len(third) == 35  # (the last column runs down beside the sidebar)
    _set(page, first, 40, 110)
    _set(page, second, 210, 110)
    _set(page, third, 380, 110)
    page.draw_rect(pymupdf.Rect(36, 500, 374, 600), color=(0, 0, 0), width=0.5)
    _set(page, _fill(["A", "boxed", "note", "across", "two", "columns:"] + WORDS * 2, 320)[:6], 44, 520)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, " ".join(text)), _paragraphs(paper)


def test_rows_of_a_font_without_a_size_keep_one_size_in_a_paragraph(tmp_path):
    # Ghostscript's Type 3 text of a 1994 paper: no font size, so each row's size is guessed from the
    # widths of its letters, which vary from row to row by a tenth ("the" is narrower than "was"):
    # rows of one paragraph came out 9, 10 and 11 pt and the paragraph was cut at every change.
    # Here every other row's glyphs are a little wider.
    words = WORDS * 2
    lines = [" ".join(words[i:i + 8]) for i in range(0, 48, 8)]
    lines[-1] += "."
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 160), "1 Introduction", fontname="hebo", fontsize=14)
    fonts = [type3_font(doc, page, {32: "space", 46: "period", **LETTERS}, name=name, advance=advance,
                        glyph_box=(1000, 3000), font_box=(advance, 50000), scale=0.2)
             for name, advance in (("T3", 1190), ("T4", 1310))]
    for i, text in enumerate(lines):
        show(doc, page, fonts[i % 2], 0.04, [(72, 200 + 14 * i, text)])
    paper = _parse(doc, tmp_path / "type3.pdf")
    assert _holds(paper, " ".join(lines)), _paragraphs(paper)


@pytest.mark.parametrize("opening", ["Figs. 3 and 4 show", "Figure 2-(a) and (b) show", "Figure 1.c shows"])
def test_a_paragraph_that_opens_with_a_figure_reference_is_not_a_caption(tmp_path, opening):
    # Elsevier, ICML, VLDB: a paragraph of the text opening "Figs. 11 and 12 show ..." (read as the
    # label "Fig" with the letter "s" for its number), "Figure 2-(a) and (b) show ..." or "Figure
    # 1.c shows ..." was taken for a caption and cut after its first line.
    doc, page = section_page()
    y = _set(page, _fill(WORDS * 2 + ["done."], 440), 72, 110)
    lines = _fill(opening.split() + ["that", "the", "reader"] + WORDS * 2 + ["done."], 428)
    page.insert_text((84, y + 4), lines[0], fontname="helv", fontsize=10)  # (its first line indented)
    rest = _fill(" ".join(lines[1:]).split(), 440)
    _set(page, rest, 72, y + 16)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, " ".join([lines[0], *rest])), _paragraphs(paper)


def test_a_name_in_small_capitals_alone_on_the_last_row_ends_its_sentence(tmp_path):
    # ACL 2015: "... with the same pretrained embeddings that were used to initialize" / "QANTA." in
    # bold small capitals, a smaller size alone on the paragraph's last row, was cut off as a
    # paragraph of its own.
    doc, page = section_page()
    row = "the reader keeps every sentence of the paper whole while it turns the pages of the paper"
    y = _set(page, [row] * 4, 72, 110)
    page.insert_text((72, y), "QANTA.", fontname="hebo", fontsize=8)
    after = _fill(WORDS * 2 + ["done."], 370)
    _set(page, after[:1], 84, y + 14)
    _set(page, after[1:], 72, y + 26)
    paper = _parse(doc, tmp_path / "p.pdf")
    assert _holds(paper, f"{row} QANTA."), _paragraphs(paper)


def test_t1_ligatures_of_a_type3_font_without_names_are_read_as_ligatures(tmp_path):
    # dvips bitmap fonts in TeX's T1 encoding (a NeurIPS 2025 submission): glyphs named "/a27" ...
    # come out as their codes, the ligatures ff, fi and ffi as U+001B, U+001C and U+001E; the last
    # two split words as spaces do ("o cial"), and headings did not match their bookmarks
    # ("Non-Bypassable E\x1bects" for "Non-Bypassable Effects").
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 160), "1 Introduction", fontname="hebo", fontsize=14)
    font = type3_font(doc, page, {27: "a27", 28: "a28", 30: "a30", 32: "space", 46: "period", **LETTERS})
    show(doc, page, font, 10, [(72, 200, "the e\\033ects of the o\\036cial \\034rst run were small.")])
    path = tmp_path / "t1.pdf"
    doc.save(path)
    raw = pymupdf.open(path)[0].get_text()
    assert "e\x1bects" in raw and "o\x1ecial" in raw  # what the text layer gives
    paper = parse_pdf(path)
    assert "the effects of the official first run were small." in _paragraphs(paper), _paragraphs(paper)


_LIMITS_TEX = r"""\documentclass{article}
\begin{document}
\section{Introduction}
The reader keeps every sentence of the paper whole while it turns the pages and reads the rows of text,
and both estimators can be bounded with the sum of the variances of the sample means, which is at most
$\hat{\mu}^* \le \sum\limits_{i=1}^{M} \frac{\sigma_i^2}{|S_i|}$ for the first one and for the second one as well. The next
theorem shows that the same upper bound holds also for the variance of the weighted estimator, and the
reader keeps it whole too.
\end{document}
"""


def test_limits_stacked_on_a_sum_in_running_text_stay_in_its_row(tmp_path):
    # ICML 2016: "... ≤ ∑ σ2/|Si|. The next theorem shows that the" / "i=1" / "same upper bound ...":
    # the limits over and under a sum in running text, drawn in the gaps between the rows, were read
    # as lines of a display equation and cut the paragraph before and after them. (The hat over µ is
    # put on its letter in the row's text, where its piece is then looked for.)
    paper = _compiled(tmp_path, _LIMITS_TEX)
    assert len(_paragraphs(paper)) == 1, _paragraphs(paper)
    assert _holds(paper, "bounded with the sum of the variances of the sample means"), _paragraphs(paper)
    assert _holds(paper, "for the first one and for the second one as well. The next theorem"), _paragraphs(paper)
