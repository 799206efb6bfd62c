"""An APA manuscript's title (papaja): bold, in the text's own size, double-spaced, its first line
filling the measure and its second centred under it; without metadata the page alone tells it."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_document

LINE1 = "The Structure of Chaos: An Empirical Comparison of Fractal Physiology"
LINE2 = "Complexity Indices using NeuroKit2"


def _centred(page, y: float, text: str, font: str, size: float = 12.0) -> None:
    width = pymupdf.get_text_length(text, fontname=font, fontsize=size)
    page.insert_text(((page.rect.width - width) / 2, y), text, fontname=font, fontsize=size)


def test_a_bold_title_in_the_texts_size_goes_on_over_its_centred_second_line():
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 46), "Running head: STRUCTURE OF CHAOS", fontname="tiro", fontsize=12)
    _centred(page, 231, LINE1, "tibo")
    _centred(page, 255, LINE2, "tibo")
    _centred(page, 297, "Dominique Makowski, An Shu Te, Tam Pham, and Zen J. Lau", "tiro")
    _centred(page, 321, "School of Social Sciences, Nanyang Technological University, Singapore", "tiro")
    _centred(page, 720, "Author Note", "tiro")
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "Abstract", fontname="tibo", fontsize=12)
    for k in range(12):
        page.insert_text((72, 100 + 24 * k), "Complexity measures are used more and more to describe the signals of "
                         "physiology,", fontname="tiro", fontsize=12)
    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as again:
        paper = parse_document(again)
    assert paper.title == f"{LINE1} {LINE2}"
