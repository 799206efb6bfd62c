"""A section of the body named like the bibliography ("Reference", one kind of artifact a study
found) in a paper whose outline lists it but not the printed "REFERENCES" heading: the list
starts at the last heading of that name, and the body's section keeps its paragraphs."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_document
from tests.pdf_pages import lines

ENTRIES = [f"[{n}] A. Author{n}, B. Writer. A study of classrooms number {n}. In Proc. CHI, 2012." for n in range(1, 7)]


def _paper():
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 70), "A Study of Things in Rooms", fontname="hebo", fontsize=18)
    y, k = 100, 0
    toc = []
    for level, name in [(1, "INTRODUCTION"), (1, "RESULTS"), (2, "Record"), (2, "Reference"), (2, "Structure")]:
        page.insert_text((72, y), name, fontname="hebo", fontsize=12 if level == 1 else 11)
        toc.append([level, name, 1, y - 10])
        y, k = lines(page, 72, 540, y + 16, 4, start=k)
        y, k = lines(page, 72, 540, y + 4, 3, start=k)
        y += 10
    page = doc.new_page(width=612, height=792)
    y = 80
    page.insert_text((72, y), "CONCLUSION", fontname="hebo", fontsize=12)
    toc.append([1, "CONCLUSION", 2, y - 10])
    y, k = lines(page, 72, 540, y + 16, 4, start=k)
    y += 10
    page.insert_text((72, y), "REFERENCES", fontname="hebo", fontsize=12)
    y += 18
    for entry in ENTRIES:
        page.insert_text((72, y), entry, fontname="tiro", fontsize=9)
        y += 12
    doc.set_toc([[lvl, name, pno, {"kind": pymupdf.LINK_GOTO, "page": pno - 1, "to": pymupdf.Point(72, top)}]
                 for lvl, name, pno, top in toc])
    data = doc.tobytes()
    return parse_document(pymupdf.open("pdf", data))


def test_a_subsection_named_reference_is_no_bibliography_before_the_printed_one():
    paper = _paper()
    assert len(paper.references) == len(ENTRIES), paper.references
    assert "Author1" in paper.references[0]
    named = [s for s in paper.sections if s.title == "Reference"]
    assert named and len(named[0].paragraphs) >= 1
