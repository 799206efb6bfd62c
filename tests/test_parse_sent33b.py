"""Body sentences of the twenty-third split's papers (issue 14): page 1's text kept whole beside a
stamp down its margin, over a white fill at its foot."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import WORDS, fill, holds, paragraphs

SENTENCES = ("Technical security measures for the networks are quickly embracing many learning methods. "
             "Indeed such methods can recognise abnormal patterns in large sets of traffic data. "
             "However the adoption of these methods in future mobile networks is still in its infancy. "
             "Thus research efforts need to take into account the practical issues of each deployment.")


def test_a_stamp_down_the_margin_over_a_white_fill_at_the_foot_keeps_the_column_as_text(tmp_path):
    # IEEE Xplore's conference copy: its stamp ("2022 IEEE International Conference ... | DOI ...")
    # runs 630 pt up page 1's left margin, and a white rectangle is painted over the foot of the left
    # column, 26 pt under the stamp's lower end. The stamp was taken for rotated tick labels over the
    # white box, which grew to hold it, up the whole column: every line of the left column was taken
    # into that "figure" and page 1's body (the abstract and the introduction) was lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((200, 70), "A Study of Security in Mobile Networks", fontname="hebo", fontsize=18)
    page.insert_text((49, 110), "I. Introduction", fontname="hebo", fontsize=10)
    rows = fill(SENTENCES.split() * 3, 250, font="tiro")
    y = 130
    for _ in range(3):
        for text in rows:
            if y > 700:
                break
            page.insert_text((49, y), text, fontname="tiro", fontsize=10)
            y += 12
    y = 90
    for text in rows * 4:
        if y > 700:
            break
        page.insert_text((312, y), text, fontname="tiro", fontsize=10)
        y += 12
    # the stamp, read bottom to top down the left margin
    stamp = ("2022 IEEE International Conference on Software Testing, Verification and Validation Workshops "
             "(ICSTW) | 978-1-6654-9628-5/22/$31.00 (c)2022 IEEE | DOI: 10.1109/ICSTW55395.2022.00016")
    page.insert_text((18, 711), stamp, fontname="helv", fontsize=7.5, rotate=90)
    # the white fill at the foot of the left column, with the copyright line in it
    # (in two pieces, and one over the page's head, as the copy paints them)
    for box in ((286, 737, 326, 792), (0, 0, 612, 50), (0, 737, 286, 792)):
        page.draw_rect(pymupdf.Rect(*box), color=None, fill=(1, 1, 1))
    page.insert_text((46, 755), "978-1-6654-9628-5/22/$31.00 (c)2022 IEEE", fontname="tiro", fontsize=8)
    page.insert_text((46, 763), "DOI 10.1109/NET.2022.00016", fontname="tiro", fontsize=8)
    page.insert_text((304, 755), "7", fontname="tiro", fontsize=8)
    path = tmp_path / "stamp.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    for sentence in SENTENCES.split(". "):
        assert holds(paper, sentence.rstrip(".") + "."), sentence


ESSAY = ("Suppose we want to keep and publish a public log of data that only grows. Suppose also that the "
         "readers doubt that we keep it as we say we do, and that we could leave things out of it or "
         "take them out again tomorrow. How can we convince the readers that we behave?")
LEAD = "This post is about a data structure we can use to publish a log of records with three properties:"
ITEMS = ("1. For any record in a log of many records, we can give a short proof that lets the reader "
         "check that the record is in the log.",
         "2. For any earlier log that the reader saw and kept, we can give a short proof that lets the "
         "reader check that the earlier log is a prefix of this one.",
         "3. An auditor can quickly iterate over the records in the log.")
AFTER = ("This post explains the design and the making of such a log, which we call a transparent log. "
         "To start, we need some building blocks that everyone knows and that we use again and again.")


def test_a_list_items_one_line_on_page_one_under_an_unlabelled_opening_is_kept(tmp_path):
    # A troff essay (Ghostscript): title, name and date, then the text with no "Abstract" label and no
    # heading until page 2. Page 1's paragraphs of two lines and more after the opening (read as the
    # abstract) are the text; a list's last item, one line in the body's type, was taken for front
    # matter and lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((220, 80), "Transparent Logs for Doubting Readers", fontname="tibo", fontsize=15)
    page.insert_text((285, 100), "Ann Writer", fontname="tiro", fontsize=10)
    page.insert_text((278, 112), "March 1, 2019", fontname="tiro", fontsize=10)
    y = 140
    for text, indent in [(ESSAY, 0), (LEAD, 10)] + [(item, 0) for item in ITEMS] + [(AFTER, 10)]:
        for k, row in enumerate(fill(text.split(), 330, font="tiro")):
            page.insert_text((141 + (indent if k == 0 else 0), y), row, fontname="tiro", fontsize=10)
            y += 12
        y += 4 if text[:2] in ("1.", "2.", "3.") else 0
    page = doc.new_page(width=612, height=792)
    page.insert_text((141, 80), "Merkle Trees", fontname="tibo", fontsize=12)
    y = 100
    for row in fill((AFTER + " " + ESSAY).split(), 330, font="tiro"):
        page.insert_text((141, y), row, fontname="tiro", fontsize=10)
        y += 12
    path = tmp_path / "essay.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert holds(paper, ITEMS[1]), [p[:40] for p in paragraphs(paper)]
    assert holds(paper, ITEMS[2]), [p[:40] for p in paragraphs(paper)]
    assert holds(paper, AFTER.split(". ")[0] + ".")


def test_a_line_of_inline_math_that_ends_on_a_new_sentences_first_words_goes_on_below(tmp_path):
    # ACM (an EEG model): "[1, N]} ∪ {m : m_ij = 1 | ...}. This masking is" fills the column, mostly
    # math, and ends on the first three words of the next sentence; the line under it, "only applied
    # at the finest-scale input.", was cut off as though the row were a display.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=14)
    math, tail = "[1,N]}U{m:m=1|i=[1,C],j=[1,N]}.", "This masking is"
    width = pymupdf.get_text_length(math + " ", "symb", 10) + pymupdf.get_text_length(tail, "helv", 10)
    rows = fill(WORDS * 3 + "and the masked input is denoted as follows".split(), width)
    y = 110
    for row in rows:  # (15 pt apart: Helvetica's boxes 12 pt apart would overlap as pieces of one row)
        page.insert_text((72, y), row, fontname="helv", fontsize=10)
        y += 15
    page.insert_text((72, y), math, fontname="symb", fontsize=10)
    page.insert_text((72 + pymupdf.get_text_length(math + " ", "symb", 10), y), tail, fontname="helv", fontsize=10)
    for row in fill("only applied at the finest scale of the input. The masks are then carried down to the coarser "
                    "scales so that the masking is the same.".split() + WORDS, width):
        y += 15
        page.insert_text((72, y), row, fontname="helv", fontsize=10)
    path = tmp_path / "math.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert holds(paper, "This masking is only applied at the finest scale of the input."), paragraphs(paper)


LEFT = ["Decision analytic methods often require the explicit",
        "valuation of health states or benefit ratios for a range",
        "of outcomes. Health state utilities, used in the quality",
        "adjustment of the expected survival of patients, are prone",
        "to a variety of systematic biases and may be burdensome",
        "to elicit from the subjects. The second general problem is",
        "that decision analysis requires that the model being tested",
        "give a binary result so that the rate of true and false",
        "results can be estimated. Take the case of a patient who is",
        "deciding whether to undergo treatment for a disease that",
        "is rare and that is hard to tell apart from others. The patient"]
RIGHT = ["is unsure whether disease is present. A simple decision",
         "tree is given in the figure where p is the probability of",
         "the disease and each outcome has a value in terms such as",
         None,
         "adjusted life years. Solving the decision tree we find",
         "where the threshold probability is the one at which the",
         "expected benefit of treatment is equal to the expected",
         "benefit of avoiding treatment, as the decision tree says."]


def test_a_readers_note_typed_at_the_end_of_a_columns_row_is_no_part_of_it(tmp_path):
    # Medical Decision Making as a reader saved it: typed notes (FreeText annotations) in Chinese over
    # the words they gloss, one right after "are prone" at the end of a left column's row, reaching
    # into the gutter. The text layer reads the note's words into the row: one line crossing the
    # gutter, which cut the page into bands, and the right column's top was read into the middle of
    # the left column's paragraph ("used in is unsure whether disease is present").
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((50, 60), "1 Background", fontname="hebo", fontsize=12)
    for k, row in enumerate(LEFT):
        page.insert_text((50, 80 + 12 * k), row, fontname="tiro", fontsize=10)
        if row.endswith("are prone"):
            end = 50 + pymupdf.get_text_length(row, "tiro", 10)
            # (the note in 9.5 pt on the row's baseline)
            page.add_freetext_annot(pymupdf.Rect(end + 2, 80 + 12 * k - 7.6, end + 52, 80 + 12 * k + 6), "tend to",
                                    fontsize=9.5, fontname="helv")
    for k, row in enumerate(RIGHT):
        if row is None:  # (a display equation, set in from the column's edge)
            page.insert_text((400, 80 + 12 * k), "p(a - c) = (1 - p)(d - b)", fontname="tiro", fontsize=10)
        else:
            page.insert_text((310, 80 + 12 * k), row, fontname="tiro", fontsize=10)
    path = tmp_path / "noted.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert holds(paper, "The patient is unsure whether disease is present."), paragraphs(paper)
    assert holds(paper, "Health state utilities, used in the quality adjustment of the expected survival of "
                        "patients, are prone to a variety of systematic biases and may be burdensome to elicit "
                        "from the subjects."), paragraphs(paper)
    assert not holds(paper, "tend to")


def test_an_overfull_line_of_the_left_column_beside_a_heading_on_the_right_stays_in_its_column(tmp_path):
    # SoCC 2018 (XeTeX, Linux Libertine): two lines at the foot of the left column run 16 and 19 pt
    # past its measure into the gutter, "We start with simulations, in which we evaluate CostAware"
    # and "against Opt. Owing to the super-linear complexity of Opt [76],", the second up to the
    # right column's "5.3 Micro-benchmark" beside it. Read as lines across both columns, they cut
    # the page into bands and the heading was read between them: the sentence was cut in two.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((70, 60), "5 Evaluation", fontname="hebo", fontsize=12)
    words = (WORDS * 8)
    y, k = 80.0, 0
    while y < 560:
        row = fill(words[k:k + 20], 227, font="tiro")[0]
        k += len(row.split())
        page.insert_text((70, y), row, fontname="tiro", fontsize=10)
        page.insert_text((315, y), row, fontname="tiro", fontsize=10)
        y += 12
    top = y + 12 * 2
    first, second = "We start with simulations, in which we evaluate CostAware", \
        "against Opt. Owing to the super-linear complexity of Opt [76],"
    # (set wide, as the overfull lines are: ending 16 and 19 pt past the column's measure)
    # (the heading's baseline 2.5 pt over the second's: its top is over the second's)
    page.insert_text((315, y + 12 - 2.5), "5.3 Micro-benchmark", fontname="hebo", fontsize=12)
    for text, x, end in ((first, 80, 313.5), (second, 70, 315.8)):
        natural = pymupdf.get_text_length(text, "tiro", 10)
        page.insert_text((x, y), text, fontname="tiro", fontsize=10, morph=(pymupdf.Point(x, y),
                         pymupdf.Matrix((end - x) / natural, 1)))
        y += 12
    for row in fill("we ran two algorithms on small data traces taken at random from the data sets.".split() +
                    words[:40], 227, font="tiro"):
        page.insert_text((70, y), row, fontname="tiro", fontsize=10)
        y += 12
    for i, row in enumerate(fill(words[:60], 227, font="tiro")):
        page.insert_text((315, top + 12 * i), row, fontname="tiro", fontsize=10)
    path = tmp_path / "overfull.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert holds(paper, "We start with simulations, in which we evaluate CostAware against Opt."), paragraphs(paper)


def test_a_sentences_short_last_line_right_over_a_table_is_text(tmp_path):
    # SIGMOD 2007 (dvips): "... the updated Orders table (join keys" / "are bold)." and right under
    # the short line, its box reaching 2.5 pt into the table's, a table of symbols. The line over it
    # is dense with names ("Table B(ii)", "Orders"), too few of its words lower-case for a line of
    # prose, so the short line was taken into the table as a label and the sentence lost its end.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    # (the paragraph goes on from the page before: its first lines here are its last)
    page.insert_text((54, 50), "3.3 Joins", fontname="hebo", fontsize=11)
    rows = ["c id3 and c id4) randomly. Table B(i) below shows the output of",
            "the join and Table B(ii) shows the updated Orders table (join keys",
            "are bold)."]
    for k, row in enumerate(rows):
        page.insert_text((54, 70 + 10.5 * k), row, fontname="tiro", fontsize=9)
    top = 70 + 10.5 * 2 + 0.5  # (the short line's box reaches into the table's)
    page.draw_rect(pymupdf.Rect(68, top, 279, top + 53), color=(0, 0, 0), width=0.5)
    for i in range(1, 5):
        page.draw_line((68, top + 10.6 * i), (279, top + 10.6 * i), color=(0, 0, 0), width=0.3)
    for j in range(1, 4):
        page.draw_line((68 + 52.75 * j, top), (68 + 52.75 * j, top + 53), color=(0, 0, 0), width=0.3)
    for i in range(5):
        for j in range(4):
            page.insert_text((71 + 52.75 * j, top + 8 + 10.6 * i), f"o {j}{i}", fontname="tiro", fontsize=6)
    page.insert_text((140, top + 63), "Table B. After Joining", fontname="tibo", fontsize=6.5)
    after = fill((WORDS * 2)[:40], 238, font="tiro")
    for k, row in enumerate(after):
        page.insert_text((54, top + 80 + 10.5 * k), row, fontname="tiro", fontsize=9)
    path = tmp_path / "table.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert holds(paper, "Table B(i) below shows the output of the join and Table B(ii) shows the updated Orders "
                        "table (join keys are bold)."), paragraphs(paper)


def test_a_word_opening_on_an_unnamed_ligature_is_spelt_where_the_glyph_stands_inside_words_too(tmp_path):
    # Signal Processing 2003 (Elsevier): the fonts name their fi, fl and ff ligatures nothing. "di?erent"
    # inside a word was spelt "different", but "?nd" opening a word, two letters after the glyph, was
    # left as a symbol set against a word might be: "followed to nd the probability density". The
    # glyph inside the same text's words says it is a ligature.
    from pdf_fonts import show
    from test_parse_left29b import _fill, _parse, _section_page, _set, _unnamed_ligature_font

    doc, page = _section_page()
    y = _set(page, _fill(WORDS * 2, 440), 72, 110)
    font = _unnamed_ligature_font(doc, page)
    show(doc, page, font, 10, [(72, y, "a slightly di\x02erent approach is followed to \x02nd the density")])
    _set(page, _fill(WORDS + ["done."], 440), 72, y + 12)
    paper = _parse(doc.tobytes())
    assert holds(paper, "a slightly different approach is followed to find the density"), paragraphs(paper)
