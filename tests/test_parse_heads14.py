"""Headings missed on papers without bookmarks (the tenth split): each layout fact on pages drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from paperkit.reading.parse import parse_document  # noqa: E402

PROSE = ("We train every model for ninety epochs with the same schedule and report the mean of three "
         "seeds, because single runs vary by more than the differences we want to measure in this study.")


class Page:
    """A page written top to bottom: each call sets a line at the next height."""

    def __init__(self, doc, width: float = 612, height: float = 792, top: float = 72.0):
        self.page = doc.new_page(width=width, height=height)
        self.y = top

    def line(self, text: str, font: str = "tiro", size: float = 10.0, x: float = 72, gap: float = 1.25) -> None:
        self.page.insert_text((x, self.y), text, fontname=font, fontsize=size)
        self.y += size * gap

    def skip(self, points: float) -> None:
        self.y += points

    def paragraph(self, text: str = PROSE, repeat: int = 2, size: float = 10.0, font: str = "tiro",
                  per_line: int = 14, x: float = 72) -> None:
        words = (" ".join([text] * repeat)).split()
        for start in range(0, len(words), per_line):
            self.line(" ".join(words[start:start + per_line]), font, size, x=x)
        self.y += 6


def _parse(doc, **kw):
    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as again:
        return parse_document(again, **kw)


def _titles(paper) -> list[tuple]:
    return [(s.number, s.title, s.level) for s in paper.sections if s.title]


def _rename_fonts(doc, names: dict[str, str]) -> None:
    """Give the base-14 fonts on every page the names a real paper's fonts carry."""
    for page in doc:
        for xref, _, _, name, *_ in page.get_fonts():
            if name in names:
                doc.xref_set_key(xref, "BaseFont", "/" + names[name])


def test_a_paper_set_in_stix_general_is_text_not_math():
    # Elsevier's cas-sc sets the whole paper in STIXGeneral (AAAI its prose): the name held "stix",
    # which counted every letter as math, so each line read as a display equation and each bold
    # heading ran into the paragraph under it: no section at all.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1. Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    page.line("2. Related Work", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    page.line("2.1. Time Series Forecasting", "tibo", 11, gap=1.6)
    page.paragraph(repeat=3)
    _rename_fonts(doc, {"Times-Bold": "STIXGeneral-Bold", "Times-Roman": "STIXGeneral-Regular"})
    paper = _parse(doc)
    assert _titles(paper) == [("1", "Introduction", 1), ("2", "Related Work", 1),
                              ("2.1", "Time Series Forecasting", 2)]
