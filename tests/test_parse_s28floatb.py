"""The twenty-eighth split's sentences and crops (part b), each on a page made here: a paragraph that
opens on a mention of an appendix's table ("Table E.2 lists ..."), a caption whose text's next line
stands a little further under its short last line, and PLOS's back matter whose two columns end two
lines apart over "References" and the bibliography's two columns."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.pdf_pages import RUNNING, _line, holds, lines


def test_paragraph_opening_on_a_mention_of_an_appendix_table_is_no_caption(tmp_path):
    """An economics working paper (pdfTeX, double-spaced): "Table E.2 lists the specific household
    surveys, ..." opens a paragraph on its indented first line. The number "E.2", then a word in
    lower case: a mention, not table "E" with the caption "2 lists ..."; the paragraph was cut after
    its second line, in the middle of a sentence."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "The Cost of Ending Poverty in Household Surveys", fontname="tibo", fontsize=16)
    page.insert_text((72, 120), "3 Data Sources", fontname="tibo", fontsize=12)
    y, k = 145.0, 0
    for _ in range(8):  # (the text double-spaced)
        text, k = _line(RUNNING, k, 468, 10)
        page.insert_text((72, y), text, fontname="tiro", fontsize=10)
        y += 20
    page.insert_text((72, y), "and its state during the whole computation.", fontname="tiro", fontsize=10)
    y += 20
    rows = ["Table E.2 lists the specific household surveys, in the indicated countries and years, for which",
            "we learn transfer policies. These are in most cases the surveys from which recent estimates of the",
            "headcount poverty rate in the national statistics were calculated, and are part of the flagship",
            "program to collect high-quality, standardized household surveys on poverty and welfare. In a few",
            "cases the data underlying the estimates are not publicly available and we use an earlier source."]
    for i, row in enumerate(rows):
        page.insert_text((87 if i == 0 else 72, y), row, fontname="tiro", fontsize=10)
        y += 20
    path = tmp_path / "mention.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert holds(paper, "Table E.2 lists the specific household surveys, in the indicated countries and years, for "
                        "which we learn transfer policies.")
    assert holds(paper, "These are in most cases the surveys from which recent estimates of the headcount poverty "
                        "rate in the national statistics were calculated, and are part of the flagship program to "
                        "collect high-quality, standardized household surveys on poverty and welfare.")


def test_caption_ends_where_the_text_stands_further_under_its_short_last_line(tmp_path):
    """BMVC 2015: a table at the head of the page, its caption under it in the text's type with its
    lines 12 pt apart, the last one short ("distance."), then the paragraph broken by the page going
    on 15 pt under it: the text's, not the caption's."""
    doc = pymupdf.open()
    page = doc.new_page(width=408, height=618)
    page.insert_text((25, 50), "Deep Face Recognition", fontname="tibo", fontsize=14)
    page.insert_text((25, 80), "3 Dataset Collection", fontname="tibo", fontsize=12)
    y, k = lines(page, 25, 383, 100, 38, size=10)
    page.insert_text((25, y), "The final dataset is curated with limited manual effort and is able to produce an accurate",
                     fontname="tiro", fontsize=10)
    page = doc.new_page(width=408, height=618)
    for r, row in enumerate((("Stage", "Aim", "Persons", "Images"), ("1", "Candidates", "5,000", "200"),
                             ("2", "Expansion", "2,622", "2,000"), ("3", "Ranking", "2,622", "1,000"))):
        for c, cell in enumerate(row):
            page.insert_text((40 + 85 * c, 40 + 10 * r), cell, fontname="tiro", fontsize=8)
    caption = ["Table 2: Dataset statistics after each stage of processing. A considerable part of the ac-",
               "quisition process is automatically carried out. Type A and M specify whether the processing",
               "stage was carried out automatically or manually. The values are the performance on the",
               "benchmark for the first configuration trained on that stage and compared using the",
               "distance."]
    y = 117.0
    for row in caption:
        page.insert_text((25, y), row, fontname="tiro", fontsize=10)
        y += 12
    y += 3
    text = ["large-scale dataset of faces labelled with their identities. The human annotation cost is quite",
            "small and the total amount of manual effort involved is only a few days of annotation work for",
            "the whole collection of images, most of it spent on the final stage of manual filtering."]
    for row in text:
        page.insert_text((25, y), row, fontname="tiro", fontsize=10)
        y += 12
    lines(page, 25, 383, y + 6, 20, size=10, start=k)
    path = tmp_path / "bmvc.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert holds(paper, "The human annotation cost is quite small and the total amount of manual effort involved "
                        "is only a few days of annotation work for the whole collection of images, most of it "
                        "spent on the final stage of manual filtering.")
    assert not any("human annotation" in (f.caption or "") for f in paper.figures), \
        [f.caption for f in paper.figures]


def test_back_matter_columns_two_lines_apart_over_a_bibliography_band(tmp_path):
    """PLOS ONE (3B2): the last text page's right column (the supporting information's last item,
    the author contributions) ends two lines lower than the left one; "References" in the left column
    under both, the bibliography in two columns of 7 pt under it. The right column's back matter is
    read before the heading, not taken into the bibliography."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((58, 80), "Modulation of Pathways in Head and Neck Cancer", fontname="tibo", fontsize=16)
    page.insert_text((58, 120), "Introduction", fontname="hebo", fontsize=10)
    y, k = lines(page, 58, 297, 136, 50, size=9)
    lines(page, 315, 554, 80, 56, size=9, start=k)
    page = doc.new_page(width=612, height=792)
    page.insert_text((58, 80), "Conclusions", fontname="hebo", fontsize=10)
    y, k = lines(page, 58, 297, 96, 14, size=9, start=k)
    page.insert_text((315, 80), "Acknowledgments", fontname="hebo", fontsize=10)
    right, k = lines(page, 315, 554, 96, 14, size=9, start=k)
    page.insert_text((315, right), "Note that the analysis is stochastic, so results may differ slightly",
                     fontname="tiro", fontsize=9)
    page.insert_text((315, right + 10.8), "from the values reported here though the results will remain.",
                     fontname="tiro", fontsize=9)
    head = right + 10.8 + 22
    page.insert_text((58, head), "References", fontname="hebo", fontsize=10)
    top = head + 16
    for column, x in enumerate((58, 315)):
        y = top
        for n in range(1, 13):
            number = 12 * column + n
            page.insert_text((x, y), f"{number}. Author{number} A, Writer B ({1990 + number}) A study of gene "
                                     f"pathways number {number}.", fontname="tiro", fontsize=7)
            page.insert_text((x + 10, y + 8), f"Journal of Cancer {number}: {number}1-{number}9.", fontname="tiro",
                             fontsize=7)
            y += 17
    path = tmp_path / "plos.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert holds(paper, "Note that the analysis is stochastic, so results may differ slightly from the values "
                        "reported here though the results will remain.")
    assert len(paper.references) == 24, [str(r)[:40] for r in paper.references]
