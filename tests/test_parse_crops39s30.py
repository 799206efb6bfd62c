"""Float crops (issue 14: real papers read faithfully), the thirtieth split's: a plot's labels set in a
TrueType font Acrobat Distiller renamed ("TT50o00", no typewriter face), and a ruled table's last row
set under its last rule with no rule closing the table. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _parse


def _rename_font(doc, base: str, name: str) -> None:
    """Give the page font PyMuPDF inserted as `base` the name a typesetter gave it."""
    for page in doc:
        for xref, _, _, font, _, _ in page.get_fonts():
            if font == base:
                doc.xref_set_key(xref, "BaseFont", f"/{name}")


def test_labels_in_a_distiller_renamed_truetype_font_are_the_plots(tmp_path):
    # ICCV 2015 (a PowerPoint figure through Acrobat Distiller): the plot's labels "f(y) = y" are set
    # in Times New Roman renamed "TT50o00"; the name read as a typewriter face's ("tt" and a digit),
    # so the labels were taken for code kept as text, and the crop stopped at the curve's end, 6 pt
    # short of the label running past it.
    doc = pymupdf.open()
    page = _page(doc)
    page.draw_line((80, 110), (250, 110), color=(0.5, 0.5, 0.5), width=0.8)  # the y axis's line
    page.draw_line((165, 140), (165, 72), color=(0.5, 0.5, 0.5), width=0.8)  # the f(y) axis
    # (the curve filled as a thin band: its box ends where its ink does, at x 250)
    page.draw_polyline([(80, 117.5), (165, 109.5), (250, 72.5), (250, 73.5), (165, 110.5), (80, 118.5)],
                       color=None, fill=(0, 0, 0), closePath=True)
    page.insert_text((168, 79), "f (y)", fontname="tiit", fontsize=6.6)
    page.insert_text((236, 95), "f (y) = y", fontname="tiit", fontsize=6.6)  # past the curve's end
    page.insert_text((244, 117), "y", fontname="tiit", fontsize=6.6)
    page.insert_text((90, 127), "f (y) = ay", fontname="tiit", fontsize=6.6)
    page.insert_text((76, 160), "Figure 1. ReLU vs. PReLU. For PReLU, the coefficient of the", fontname="tiro", fontsize=9)
    page.insert_text((76, 171), "negative part is not constant and is adaptively learned.", fontname="tiro", fontsize=9)
    _lines(page, 76, 288, 200, 40)
    _lines(page, 310, 536, 80, 52)
    _rename_font(doc, "Times-Italic", "TT50o00")
    path = tmp_path / "check.pdf"
    doc.save(path)
    label = [w for w in pymupdf.open(path)[1].get_text("words") if w[1] < 100 and 230 < w[0] < 300]
    right = max(w[2] for w in label)
    assert right > 252, label  # (the label runs past the curve's end)
    figure = _parse(doc, tmp_path)[("figure", "1")].bbox
    assert figure is not None and figure[2] >= right - 0.5 and figure[3] < 150, (figure, right)

