"""Body sentences of the seventeenth split's papers (session 27), each layout drawn here with
PyMuPDF in the shape a real paper printed it: a Nature journal's page with a figure across the
page, its caption set in two columns under it, a rule under the caption and one over the foot;
drop capitals whose boxes reach past their letters; columns parted by a narrow gutter off the
page's middle; a first page's unmarked notes at a column's foot; a short row of math that ends a
sentence and opens the next."""

from __future__ import annotations

import random

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import WORDS, fill, holds, key, paragraphs, section_page

BODY = ("we repeated the inference with these perturbations to the set of models using both datasets and "
        "observed similar results for the additional data while the error grew a little when the best "
        "model was left out of the set because the difference in the performance of the two best models "
        "was larger for that example").split()
LEFT = ("Fig. 3 | Inference reduces uncertainty in the activity predictions. a Normalised measurements of "
        "the activity over time with the mean and the standard deviation computed across all single-cell "
        "trajectories of the experiment. b Posterior densities of the trajectories for four of the nine "
        "models ordered by decreasing expected predictive density. c The values for all models computed "
        "by sampling. Models with higher values are more likely to").split()
RIGHT = ("predict future data correctly. Estimated values are used to construct estimates with model "
         "averaging and stacking of predictive densities. d Model probabilities are computed from the "
         "marginal likelihood of each model. e Weights of the models under each method of averaging. "
         "f The error of the posterior mean prediction for each method. g The width of the credible "
         "interval of each method compared to the best single model.").split()


def _nature_page(doc: pymupdf.Document, number: int, figure: bool, start: int) -> int:
    """One page of a Nature journal (595 x 791 pt): a rule under the running head, optionally a figure
    across the page with its caption in two columns of 7-pt type and a rule across under it, two
    columns of 8-pt text, and the journal's rule 8 pt over the foot's row. Returns the words set so far."""
    page = doc.new_page(width=595, height=791)
    page.insert_text((40, 31), "Article", fontname="hebo", fontsize=8)
    page.draw_line((40, 38), (561, 38), color=(0, 0, 0), width=0.34)
    top = 60
    if figure:
        for x0, x1 in ((60, 290), (310, 533)):
            for y0 in (50, 160, 265):
                page.draw_rect(pymupdf.Rect(x0, y0, x1, y0 + 95), color=(0, 0, 0), fill=(0.6, 0.7, 0.9), width=0.5)
        for column, words in ((40, LEFT), (306, RIGHT)):
            for i, row in enumerate(fill(words, 250, size=7)):
                page.insert_text((column, 405 + 10 * i), row, fontname="helv", fontsize=7)
        page.draw_line((40, 521), (561, 521), color=(0, 0, 0), width=0.34)
        top = 550
    draw = random.Random(number)  # (words drawn at random: no row printed alike on two pages, as furniture is)
    for column in (40, 306):
        y = top
        while y < 745:
            row = []
            while pymupdf.get_text_length(" ".join(row + [word := draw.choice(BODY)]), "tiro", 8) < 250:
                row.append(word)
                start += 1
            page.insert_text((column, y), " ".join(row), fontname="tiro", fontsize=8)
            y += 10.7
    page.draw_line((40, 755), (561, 755), color=(0, 0, 0), width=0.34)
    page.insert_text((40, 770), "Journal Communications | (2025) 16:7416", fontname="helv", fontsize=7)
    page.insert_text((556, 770), str(number), fontname="helv", fontsize=7)
    return start


def _paper(tmp_path):
    doc = pymupdf.open()
    start = _nature_page(doc, 2, False, 0)
    doc[0].insert_text((40, 52), "Results", fontname="hebo", fontsize=10)
    start = _nature_page(doc, 3, True, start)
    start = _nature_page(doc, 4, False, start)
    path = tmp_path / "nature.pdf"
    doc.save(path)
    return parse_pdf(path), start


def test_text_between_a_rule_under_a_caption_and_the_foot_rule_stays_text(tmp_path):
    # Nature Communications: a hairline across the page under each figure's caption and one 8 pt
    # over the running foot's row (a line's height: more than a running foot's rule was allowed)
    # were joined as the top and bottom rules of a table, and the two columns of text between
    # them, each line level with one across the gutter like a table's row, went into it: four
    # pages of text lost.
    paper, words = _paper(tmp_path)
    assert len(key(" ".join(paragraphs(paper))).split()) >= words, words
    assert not paper.tables, paper.tables


def test_a_caption_in_two_columns_under_a_figure_across_the_page_is_one_caption(tmp_path):
    # Nature Communications: "Fig. 3 | ..." fills the left column under the panels, its rest goes on
    # in the right column level with it, both in 7-pt type over the 8-pt text. The right column's
    # part was read as text, run into the paragraph the right column goes on with.
    paper, _ = _paper(tmp_path)
    figure = next(f for f in paper.figures if f.number == "3")
    assert key(figure.caption).endswith(key("compared to the best single model."))
    assert key("more likely to predict future data correctly") in key(figure.caption)
    assert not any("predict future data correctly" in p for p in paragraphs(paper))
    assert not holds(paper, "Estimated values are used to construct estimates")


def test_a_drop_capital_whose_box_reaches_far_over_its_letter_opens_its_paragraph(tmp_path):
    # ACM Queue: "W" in 93 pt beside five lines ("hile developing these systems we have learned" /
    # ... / "new mistakes, rather than repeating ours."), its font box's top 20 pt over the first
    # line's: read as a paragraph of its own, it cut the paragraph before its last line, and "hile"
    # lost its capital.
    doc, page = section_page()
    y = 110
    for row in fill((WORDS * 3)[:50] + ["first."], 440):
        page.insert_text((72, y), row, fontname="helv", fontsize=10)
        y += 15
    page.insert_text((72, y + 10), "THINGS TO AVOID", fontname="helv", fontsize=10)
    y += 25
    page.insert_text((72, y + 60), "W", fontname="helv", fontsize=93, color=(0.1, 0.4, 0.4))
    x = 72 + pymupdf.get_text_length("W", "helv", 93) + 2
    for row in fill(("hile developing these systems we have learned almost as many things not to do as ideas "
                     "that are worth doing. We present some of them here in the hopes that others can focus on "
                     "making new mistakes, rather than repeating ours.").split(), 512 - x):
        page.insert_text((x, y), row, fontname="helv", fontsize=10)
        y += 15
    for row in fill((WORDS * 3)[:50] + ["last."], 440):
        page.insert_text((72, y + 10), row, fontname="helv", fontsize=10)
        y += 15
    doc.save(tmp_path / "dropcap.pdf")
    paper = parse_pdf(tmp_path / "dropcap.pdf")
    assert holds(paper, "While developing these systems we have learned almost as many things")
    assert holds(paper, "others can focus on making new mistakes, rather than repeating ours.")


def test_columns_parted_by_a_narrow_gutter_off_the_pages_middle_under_an_abstract_across_it(tmp_path):
    # ASME's Word journal, page 1: the abstract set over the right column and the page's middle (16
    # of its 92 lines of words cross it), the text's columns 64.8-307 and 316.8-556.7 pt on a 612 pt
    # page. With no strip free of lines, the gutter was taken at the page's middle, 306 pt, inside
    # the left column's justified lines: the right column's short last line of a paragraph
    # ("obscured.") level with a left one ran on after it ("... Shannon [3], they obscured.").
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((234, 70), "A New Approach to Linear Filtering", fontname="hebo", fontsize=16)
    page.insert_text((100, 120), "R. E. KALMAN", fontname="hebo", fontsize=9)
    abstract = ("the classical filtering and prediction problem is examined again using the representation of "
                "random processes and the state transition method of analysis of dynamic systems and new results "
                "are found for the formulation and the methods of solution of the problem which apply without "
                "change to stationary and nonstationary statistics and to growing memory and infinite memory "
                "filters while a nonlinear difference equation is derived for the covariance matrix of the "
                "optimal estimation error and the filtering problem is shown to be the dual of the regulator "
                "problem so that the new method developed here is applied to two problems and extends earlier "
                "results while the discussion is largely self contained and proceeds from first principles").split()
    y = 112
    for row in fill(abstract, 326, font="tiit", size=9):
        page.insert_text((234, y), row, fontname="tiit", fontsize=9)
        y += 10
    draw = random.Random(7)

    def justified(x0: float, x1: float, y: float) -> None:
        words = []
        while pymupdf.get_text_length(" ".join(words + ["method"]), "tiro", 9) < x1 - x0 - 12:
            words.append(draw.choice(BODY))
        spare = (x1 - x0) - pymupdf.get_text_length("".join(words), "tiro", 9)
        x = x0
        for word in words:  # (each word placed, the spaces stretched so the row ends at x1)
            page.insert_text((x, y), word, fontname="tiro", fontsize=9)
            x += pymupdf.get_text_length(word, "tiro", 9) + spare / (len(words) - 1)

    y = 300
    for k in range(36):
        justified(64.8, 307, y)
        if k == 12:
            page.insert_text((316.8, y - 9.9), "of the problem tend to be", fontname="tiro", fontsize=9)
            page.insert_text((316.8, y), "obscured.", fontname="tiro", fontsize=9)
        elif k != 11:
            justified(316.8, 556.7, y)
        y += 9.9
    path = tmp_path / "asme.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert not any("obscured" in p and not p.startswith("obscured") and "to be obscured" not in p
                   for p in paragraphs(paper)), paragraphs(paper)
    assert holds(paper, "of the problem tend to be obscured.")


def test_a_drop_capital_whose_advance_reaches_under_the_lines_beside_it(tmp_path):
    # IEEE Signal Processing Magazine: "M" in 78 pt, its box 3.6 pt past the left edge of the lines
    # beside it ("ost current speech recognition systems use"): read as a paragraph of its own.
    doc, page = section_page()
    page.insert_text((72, 200), "M", fontname="helv", fontsize=78, color=(0.6, 0.4, 0.4))  # (its box from 116 pt down)
    x = 72 + pymupdf.get_text_length("M", "helv", 78) - 3.6
    y = 123
    rows = fill(("ost current speech recognition systems use hidden Markov models to deal with the temporal "
                 "variability of speech and Gaussian mixture models to determine how well each state of each "
                 "model fits a frame or a short window of frames of coefficients.").split(), 300)
    for row in rows[:4]:
        page.insert_text((x, y + 12), row, fontname="helv", fontsize=9)
        y += 12
    for row in fill(" ".join(rows[4:]).split() + (WORDS * 2)[:40] + ["end."], 440):
        page.insert_text((72, y + 12), row, fontname="helv", fontsize=9)
        y += 12
    doc.save(tmp_path / "capm.pdf")
    paper = parse_pdf(tmp_path / "capm.pdf")
    assert holds(paper, "Most current speech recognition systems use hidden Markov models to deal with")


def _first_page_with_a_note(tmp_path, note: list[tuple[str, float]]):
    """A first page in two columns of 10-pt text, a word broken at the left column's foot ("proba-" / "bilities"),
    and under the left column, past a short rule, the `note`'s lines (text, size) in small italics
    with no mark before them."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Deep Networks for Acoustic Modeling", fontname="hebo", fontsize=20)
    page.insert_text((42, 280), "1 Introduction", fontname="hebo", fontsize=11)
    draw = random.Random(3)
    for x in (42, 292.5):
        y = 300
        while y < (690 if x < 100 else 740):
            row = []
            while pymupdf.get_text_length(" ".join(row + [w := draw.choice(BODY)]), "tiro", 10) < 235:
                row.append(w)
            if x < 100 and y + 12 >= 690:
                row[-1] = "proba-"
            elif x > 100 and y == 300:
                row[0] = "bilities"
            page.insert_text((x, y), " ".join(row), fontname="tiro", fontsize=10)
            y += 12
    page.draw_line((42, 704.7), (161.4, 704.7), width=0.25)
    y = 712
    for text, size in note:
        page.insert_text((42, y), text, fontname="tiit", fontsize=size)
        y += size + 2
    doc.save(tmp_path / "note.pdf")
    return parse_pdf(tmp_path / "note.pdf")


def test_a_papers_doi_notice_at_the_first_columns_foot_is_no_text(tmp_path):
    # IEEE Signal Processing Magazine, page 1: "Digital Object Identifier 10.1109/MSP.2012.2205597" /
    # "Date of publication: 15 October 2012" in 6-pt italics under a short rule at the left column's
    # foot, no mark before it: read as text, it came between "posterior proba-" and "bilities over
    # HMM states" at the column break.
    paper = _first_page_with_a_note(tmp_path, [("Digital Object Identifier 10.1109/MSP.2012.2205597", 6),
                                               ("Date of publication: 15 October 2012", 6)])
    text = " ".join(paragraphs(paper))
    assert "probabilities" in text and "Identifier" not in text, text[-3000:]


def test_the_authors_note_without_a_mark_at_the_first_columns_foot_is_no_text(tmp_path):
    # IEEE's conferences (IROS 2015): "The authors are with the ARC Centre of Excellence for Robotic
    # Vision," / "... (QUT). http://www.roboticvision.org/" in 8 pt, "email: name@host.org" in 9 pt,
    # under the left column, no mark: the address was read into the sentence across the break.
    paper = _first_page_with_a_note(tmp_path, [
        ("The authors are with the Centre of Excellence for Robotic Vision,", 8),
        ("Queensland University of Technology. http://www.roboticvision.org/", 8),
        ("email: niko.suenderhauf@roboticvision.org", 9)])
    text = " ".join(paragraphs(paper))
    assert "probabilities" in text and "email" not in text and "authors are with" not in text, text[-3000:]


def test_a_copyright_block_under_an_abstract_set_smaller_than_the_text(tmp_path):
    # JMLR 2003, page 1: the abstract in 10 pt (the text is 11 pt) runs down to the page's foot, then,
    # past a wider gap, "(c)2003 Kobus Barnard, ..." in 8 pt; the abstract goes on over the page
    # ("... annotated images of real" / "scenes."). The foot under the text's last 11-pt line was
    # the abstract and the block together, and the block, not among its first lines, stayed in the
    # abstract's sentence.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((110, 100), "Matching Words and Pictures", fontname="hebo", fontsize=17)
    page.insert_text((110, 140), "Kobus Barnard", fontname="hebo", fontsize=11)
    page.insert_text((110, 154), "Computer Science Department, University of Arizona", fontname="tiro", fontsize=11)
    page.insert_text((90, 200), "Editor: Jaz Kandola", fontname="tiro", fontsize=11)
    page.insert_text((282, 400), "Abstract", fontname="hebo", fontsize=11)
    y = 420
    abstract = fill((WORDS * 9)[:230], 390, font="tiro", size=10)
    for row in abstract:
        page.insert_text((110, y), row, fontname="tiro", fontsize=10)
        y += 12
    page.insert_text((110, y), "All models are assessed using a large collection of annotated images of real",
                     fontname="tiro", fontsize=10)
    page.insert_text((90, 732), "\u00a92003 Kobus Barnard, Pinar Duygulu, David Forsyth, Nando de Freitas, David Blei",
                     fontname="tiro", fontsize=8)
    page.insert_text((90, 741), "and Michael Jordan.", fontname="tiro", fontsize=8)
    page = doc.new_page(width=612, height=792)
    page.insert_text((110, 80), "scenes. We study in depth the difficult problem of measuring performance.",
                     fontname="tiro", fontsize=10)
    page.insert_text((90, 120), "1. Introduction", fontname="hebo", fontsize=12)
    y = 140
    for row in fill((WORDS * 20)[:430] + ["end."], 430, font="tiro", size=11):
        page.insert_text((90, y), row, fontname="tiro", fontsize=11)
        y += 13.5
        if y > 740:
            page = doc.new_page(width=612, height=792)
            y = 80
    doc.save(tmp_path / "jmlr.pdf")
    paper = parse_pdf(tmp_path / "jmlr.pdf")
    assert paper.abstract and key("annotated images of real scenes. We study") in key(paper.abstract), paper.abstract
    assert "Barnard" not in paper.abstract


def test_latexs_copyright_sign_drawn_as_c_in_a_circle_says_copyright():
    # LaTeX's \copyright comes out of the text layer as "c" and U+20DD, the enclosing circle.
    from paperkit.reading.parse import COPYRIGHT

    assert COPYRIGHT.search("c\u20dd2003 Kobus Barnard, Pinar Duygulu, David Forsyth")


def test_a_short_row_of_math_that_ends_a_sentence_and_opens_the_next_goes_on(tmp_path):
    # ACM TODS: "Let F(T) denote the set of all tables that can be obtained by applying f to each cell
    # of" (the column full) / "T . Let Tk ∈ Tk. Then" (flush left at the usual pitch) / a display: the
    # short row, mostly math, read as the display's first row, and the sentence was cut before "T".
    doc, page = section_page()
    y = 110
    for row in fill((WORDS * 3)[:60] + ["first."], 420):
        page.insert_text((72, y), row, fontname="helv", fontsize=10)
        y += 14
    words = ("so let the set of all tables that can be obtained by applying the map to each cell of").split()
    spare = 420 - pymupdf.get_text_length("".join(words), "helv", 10)
    x = 72
    for word in words:  # (justified to the column's right edge)
        page.insert_text((x, y), word, fontname="helv", fontsize=10)
        x += pymupdf.get_text_length(word, "helv", 10) + spare / (len(words) - 1)
    y += 14
    x = 72
    for text, font in (("T", "symb"), (" . Let ", "helv"), ("Tk", "symb"), (" ", "helv"), ("Tk", "symb"), (". Then", "helv")):
        page.insert_text((x, y), text, fontname=font, fontsize=10)
        x += pymupdf.get_text_length(text, font, 10)
    y += 18
    page.insert_text((200, y), "F(Tk) = {T2k : f(Tk)}.", fontname="symb", fontsize=10)
    y += 18
    for row in fill((WORDS * 3)[:60] + ["last."], 420):
        page.insert_text((72, y), row, fontname="helv", fontsize=10)
        y += 14
    doc.save(tmp_path / "tail.pdf")
    paper = parse_pdf(tmp_path / "tail.pdf")
    assert holds(paper, "obtained by applying the map to each cell of T . Let Tk Tk. Then"), paragraphs(paper)
