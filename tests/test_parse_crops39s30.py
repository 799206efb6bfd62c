"""Float crops (issue 14: real papers read faithfully), the thirtieth split's: a plot's labels set in a
TrueType font Acrobat Distiller renamed ("TT50o00", no typewriter face), and a ruled table's last row
set under its last rule with no rule closing the table (a heading under an algorithm's closing rule
stays a heading). Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines
from test_parse_crops14 import _page, _parse, _rule

from paperkit.reading.parse import parse_pdf


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


def test_a_ruled_tables_row_under_its_last_rule_is_the_tables(tmp_path):
    # ICLR 2017: "Table 2" over a table with a rule under its head and one over its last row,
    # "GCN (rand. splits) 67.9 ± 0.5 ...", set apart from the rows over it; no rule closes the
    # table, white space lies between that row and the text. The crop ended at the last rule.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 108, 504, 80, 8)
    page.insert_text((160, 186), "Table 2: Summary of results in terms of classification accuracy (in percent).",
                     fontname="tiro", fontsize=10)
    columns = (158, 244, 299, 353, 408)
    head = ("Method", "Citeseer", "Cora", "Pubmed", "NELL")
    rows = [("ManiReg [3]", "60.1", "59.5", "70.7", "21.8"), ("SemiEmb [28]", "59.6", "59.0", "71.1", "26.7"),
            ("LP [32]", "45.3", "68.0", "63.0", "26.5"), ("DeepWalk [22]", "43.2", "67.2", "65.3", "58.1"),
            ("ICA [18]", "69.1", "75.1", "73.9", "23.1"), ("Planetoid* [29]", "64.7 (26s)", "75.7 (13s)", "77.2 (25s)", "61.9 (185s)"),
            ("GCN (this paper)", "70.3 (7s)", "81.5 (4s)", "79.0 (38s)", "66.0 (48s)")]
    for x, text in zip(columns, head):
        page.insert_text((x, 212), text, fontname="tibo", fontsize=10)
    _rule(page, 152, 460, 215.6)
    y = 225.5
    for row in rows:
        for x, text in zip(columns, row):
            page.insert_text((x, y), text, fontname="tiro", fontsize=10)
        y += 11.2
    _rule(page, 152, 460, 296.2)
    last = ("GCN (rand. splits)", "67.9 ± 0.5", "80.1 ± 0.5", "78.9 ± 0.7", "58.4 ± 1.7")
    for x, text in zip(columns, last):
        page.insert_text((x, 307), text, fontname="tiro", fontsize=10)
    _lines(page, 108, 504, 336, 20)
    table = _parse(doc, tmp_path)[("table", "2")].bbox
    assert table is not None and table[3] >= 308.5 and table[3] < 320, table


def test_a_heading_under_an_algorithms_closing_rule_stays_a_heading(tmp_path):
    # RecSys 2018: "Algorithm 4 Offline Test ..." between rules, its numbered lines ("1: Initialize
    # ..."), a closing rule, then "4 EXPERIMENTS" a line's height under it, the number and the title
    # lined up with the line numbers and the text over it: a heading, no row of a table.
    doc = pymupdf.open()
    page = _page(doc)
    _lines(page, 54, 294, 80, 5)
    _rule(page, 54, 294, 143.4, width=0.8)
    page.insert_text((54, 152), "Algorithm 4 Offline Test of DeepPage Framework.", fontname="tiro", fontsize=9)
    _rule(page, 54, 294, 156.5)
    steps = ["Initialize Actor", "Receive state s1", "while I not empty do", "Select action at",
             "for ei in at do", "Record reward ri", "end for", "Compute reward rt", "Execute action at",
             "Remove all ei from I", "end while"]
    y = 168.0
    for k, step in enumerate(steps):
        page.insert_text((58, y), f"{k + 1}:", fontname="tiro", fontsize=8)
        page.insert_text((70, y), step, fontname="tiro", fontsize=8)
        y += 10.5
    _rule(page, 54, 294, y - 6)
    page.insert_text((58, y + 14), "4", fontname="tibo", fontsize=10)
    page.insert_text((70, y + 14), "EXPERIMENTS", fontname="tibo", fontsize=10)
    _lines(page, 54, 294, y + 26, 30)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    titles = [s.title for s in paper.sections]
    assert "EXPERIMENTS" in titles, titles



def test_prose_in_two_columns_under_a_ruled_band_across_the_page_is_no_row_of_it(tmp_path, monkeypatch):
    # IEEE Signal Processing Magazine: a page's head, a tinted band across the page with a rule at
    # its foot and lines of cells inside it, then the text in two columns right under the rule, the
    # columns' lines flush with the band's cells. The line under the rule, with the other column's
    # beside it, was taken as a row of a table under its last rule, then the next and the next (the
    # band's box grown over each): on the magazine's page the text went into the band, out of the
    # paragraphs. No line of prose under the band is a row of it.
    from paperkit.reading import parse as parse_module

    doc = pymupdf.open()
    page = _page(doc)
    page.draw_rect((0, 20, 612, 150), color=None, fill=(0.85, 0.9, 0.95))
    _rule(page, 0, 612, 150, width=1.0)
    for y in (121, 133, 145):
        page.insert_text((42, y), "FEATURE", fontname="hebo", fontsize=10)
        page.insert_text((302, y), "MAY 2013", fontname="hebo", fontsize=10)
    _lines(page, 42, 277, 162, 40)
    _lines(page, 302, 540, 162, 40, start=400)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    taken = []
    row_rule = parse_module._row_under_last_rule

    def spy(line, lines, boxes, rules):
        found = row_rule(line, lines, boxes, rules)
        if found:
            taken.append(line.text)
        return found

    monkeypatch.setattr(parse_module, "_row_under_last_rule", spy)
    monkeypatch.setenv("PAPERKIT_PROCESSES", "1")  # (the spy sees the pages read in this process)
    parse_pdf(path)
    assert taken == []
