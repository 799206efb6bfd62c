"""Headings of the twenty-first split's shapes, drawn on PyMuPDF pages by the tests themselves."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_document

SENTENCES = ("We ask whether the scales measure what the single item measures. The answers of every "
             "participant were read twice by two raters who did not know the hypotheses. Each rater "
             "coded the answers alone and the two codings were compared at the end of the study.").split()


def _goto(page: int, y: float) -> dict:
    return {"kind": pymupdf.LINK_GOTO, "page": page, "to": pymupdf.Point(72, y)}


def test_a_bookmarked_heading_in_a_face_of_its_own_is_cut_out_of_the_paragraph():
    # Typst's APA manuscript: double-spaced 12 pt Times, the headings in 12 pt Roboto (no bold, no
    # larger type) at the text's step, flush left after a paragraph that ends its sentence, the next
    # paragraph's first line set in by half an inch. Read in one run with the paragraphs around them,
    # the outline's entries find no block that prints them; each entry points at its line.
    doc = pymupdf.open()
    heads = []
    titles = ["Theoretical Background", "Evidence Using Gold Standard Items", "Item Wording",
              "Statistical Analysis", "Sample Description"]
    page = doc.new_page(width=612, height=792)
    y, k = 80.0, 0
    for n, title in enumerate(titles):
        if y > 560:
            page = doc.new_page(width=612, height=792)
            y = 80.0
        for row in range(6):  # a paragraph: its first line set in 36 pt, its last ending a sentence
            x = 108.0 if row == 0 else 72.0
            line = ""
            while pymupdf.get_text_length(line + SENTENCES[k % len(SENTENCES)] + " ", fontname="tiro", fontsize=12) < 540 - x:
                line += SENTENCES[k % len(SENTENCES)] + " "
                k += 1
            if row == 5:
                while not line.rstrip().endswith("."):
                    line = line.rstrip().rsplit(" ", 1)[0] + " "
                k = 0
            page.insert_text((x, y), line.strip(), fontname="tiro", fontsize=12)
            y += 26
        page.insert_text((72, y), title, fontname="helv", fontsize=12)
        heads.append([1, title, len(doc), _goto(len(doc) - 1, y - 20)])
        y += 26
    for row in range(3):
        page.insert_text((108.0 if row == 0 else 72.0, y), "The last paragraph closes the paper here.", fontname="tiro", fontsize=12)
        y += 26
    doc.set_toc(heads)
    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as again:
        paper = parse_document(again)
    got = [s.title for s in paper.sections if s.title]
    assert got == titles, got
    assert all(s.paragraphs for s in paper.sections if s.title)
