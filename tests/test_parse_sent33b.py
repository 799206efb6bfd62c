"""Body sentences of the twenty-third split's papers (issue 14): page 1's text kept whole beside a
stamp down its margin, over a white fill at its foot."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.pdf_pages import fill, holds, paragraphs

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
