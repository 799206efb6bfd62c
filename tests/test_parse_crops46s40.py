"""Float crops, the fortieth split's (ACL Anthology, ACM, IEEE). Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import justified as _justified, lines as _lines

from paperkit.reading.parse import parse_pdf


def _parse(doc, tmp_path):
    path = tmp_path / "paper.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    return {(f.kind, f.number): f for f in paper.figures + paper.tables}




def _rule(page, x0: float, x1: float, y: float, width: float = 0.5) -> None:
    page.draw_line((x0, y), (x1, y), color=(0, 0, 0), width=width)


def _highlight(page, x0: float, y0: float, x1: float, y1: float) -> None:
    """A word's green highlight, a fill behind it."""
    page.draw_rect((x0, y0, x1, y1), color=None, fill=(0.77, 0.9, 0.79), overlay=False)


ARTICLE = ("West Ham are discussing a deal for the young starlet",
           "after he impressed on trial. The skilful forward from",
           "the island club was invited to train with the academy",
           "earlier this month and has impressed coaches after",
           "spending two weeks with the club. He also has offers",
           "from clubs in Belgium. The club will have the cheapest",
           "pricing strategy in the league in a bid to fill the",
           "large stadium when they make the switch for the next")


def test_a_caption_in_the_other_column_does_not_part_a_tables_pieces(tmp_path):
    # EMNLP 2023 (ACL Anthology): Table 2, an example in one column, "Article" between the first
    # two rules, then the article's ten justified lines in 9 pt, 6 pt in from either end of the
    # rules (a cell's padding), then two summaries between further rules, the caption under the
    # last; words highlighted in green, their fills touching the rules over their lines (those
    # rules taken for a drawing's edges). The article's lines, worded as prose, parted the
    # remaining rules; Table 3's caption in the right column, level with the article's last lines,
    # was taken for a caption between the table's pieces: the crop began at the summaries' rule,
    # the article cut off.
    doc = pymupdf.open()
    first = doc.new_page(width=595, height=842)
    _lines(first, 71, 289, 80, 55, size=11)
    _lines(first, 306, 524, 80, 55, size=11, start=60)
    page = doc.new_page(width=595, height=842)
    _rule(page, 70.9, 289.1, 71.2)
    page.insert_text((76.9, 79.5), "Article", fontname="tibi", fontsize=9)
    _rule(page, 70.9, 289.1, 82.0)
    _highlight(page, 76.9, 82.4, 116.3, 90.6)
    y = 90.0
    _highlight(page, 76.9, 92.4, 146.8, 100.5)
    _highlight(page, 202.7, 112.3, 267.9, 120.5)
    for k, text in enumerate(ARTICLE):
        _justified(page, 76.9, 283.1, y, text)
        y += 10.0
    page.insert_text((76.9, y), "season.", fontname="tiro", fontsize=9)
    _rule(page, 70.9, 289.1, y + 2.8)
    page.insert_text((76.9, y + 11.5), "Summary by Contrastive Search", fontname="tibi", fontsize=9)
    _rule(page, 70.9, 289.1, y + 13.6)
    _highlight(page, 77.9, y + 14.2, 117.3, y + 22.6)
    page.insert_text((77.9, y + 22), "West Ham are discussing Robert Smith.", fontname="tiro", fontsize=9)
    page.insert_text((77.9, y + 32), "Young Smith impressed on trial at Upton Park.", fontname="tiro", fontsize=9)
    bottom = y + 36
    _rule(page, 70.9, 289.1, bottom)
    page.insert_text((70.9, bottom + 18), "Table 2: An actual example of news summaries generated", fontname="tiro",
                     fontsize=10)
    page.insert_text((70.9, bottom + 30), "by two decoding methods on an article.", fontname="tiro", fontsize=10)
    _lines(page, 71, 289, bottom + 60, 30, size=11, start=7)
    # Table 3 in the right column, its caption level with the article's last lines
    for y in (71.2, 87.0, 122.7, 158.5):
        _rule(page, 311.1, 519.5, y)
    for k, y in enumerate((82.0, 99.0, 109.0, 119.0, 135.0, 145.0, 155.0)):
        for x, cell in ((318, "CNN-DM" if k == 2 else ""), (400, "1.3B"), (450, "+21.83%"), (495, "-5.0%")):
            if cell:
                page.insert_text((x, y), cell, fontname="tiro", fontsize=9)
    page.insert_text((305.8, 177), "Table 3: Relative improvements in faithfulness and", fontname="tiro",
                     fontsize=10)
    page.insert_text((305.8, 189), "reduction of diversity of the new method.", fontname="tiro", fontsize=10)
    _lines(page, 306, 524, 215, 45, size=11, start=40)
    floats = _parse(doc, tmp_path)
    box, three = floats[("table", "2")].bbox, floats[("table", "3")].bbox
    assert box is not None and box[1] <= 73 and bottom - 2 <= box[3] <= bottom + 2 and box[2] < 295, box
    assert three is not None and three[0] >= 305 and three[1] <= 73 and three[3] <= 160, three


def _grid(page, xs: list[float], ys: list[float]) -> None:
    """A table's grid of thin filled rules, as Word draws its cell borders."""
    for y in ys:
        page.draw_rect((xs[0], y, xs[-1], y + 0.5), color=None, fill=(0, 0, 0))
    for x in xs:
        page.draw_rect((x, ys[0], x + 0.5, ys[-1]), color=None, fill=(0, 0, 0))


def _small_caps(page, x: float, y: float, text: str) -> None:
    """Words in small capitals, as Word fakes them: each word's first letter in 8 pt, the rest in 6.5."""
    for word in text.split():
        for piece, size in ((word[0], 8), (word[1:] + " ", 6.5)):
            page.insert_text((x, y), piece, fontname="tiro", fontsize=size)
            x += pymupdf.get_text_length(piece, fontname="tiro", fontsize=size)


def test_a_word_ieee_caption_with_its_title_beside_its_label_holds_its_table(tmp_path):
    # A Word paper in IEEE's conference style (Cluster 2013): "TABLE I", a tab and "KERNEL LAUNCH
    # TIME" in capitals on one line over a table in a grid, its head "GPU" in bold under the label.
    # Read apart, the label took "GPU" for its title and the table's crop was lost; "TABLE II",
    # nothing flush under it, was no caption at all.
    doc = pymupdf.open()
    first = doc.new_page(width=612, height=792)
    _lines(first, 54, 299, 80, 55)
    _lines(first, 313, 558, 80, 55, start=60)
    page = doc.new_page(width=612, height=792)
    _, k = _lines(page, 54, 299, 80, 24)
    tables = []
    for number, title, top, left in (("I", "KERNEL LAUNCH TIME", 380.0, 90.9), ("II", "DATA TRANSFER TIME", 500.0, 63.7)):
        page.insert_text((left, top), "TABLE " + number, fontname="tiro", fontsize=8)
        _small_caps(page, 185.4, top, title)
        xs = [79.2, 122.8, 151.8, 187.2, 229.9, 271.4]
        ys = [top + 8, top + 27, top + 43]
        _grid(page, xs, ys)
        head = ("GPU", "K20", "K10", "FX 5800", "2000") if number == "I" else ("Size (byte)", "2", "16", "1k", "4k")
        for x, cell in zip(xs, head):
            page.insert_text((x + (13.5 if number == "I" and x == xs[0] else 5), top + 19), cell, fontname="tibo",
                             fontsize=8)
        for x, cell in zip(xs, ("Time (us)", "13.5", "13.4", "13.78", "9.4")):
            page.insert_text((x + 5, top + 38), cell, fontname="tiro", fontsize=8)
        tables.append((number, ys))
    _lines(page, 54, 299, 570, 15, start=k)
    _lines(page, 313, 558, 80, 55, start=200)
    floats = _parse(doc, tmp_path)
    for number, ys in tables:
        assert ("table", number) in floats, number
        box = floats[("table", number)].bbox
        assert box is not None and ys[0] - 2 <= box[1] <= ys[0] + 2 and ys[-1] - 2 <= box[3] <= ys[-1] + 2, (number, box)
    assert floats[("table", "I")].caption.rstrip(".").endswith("KERNEL LAUNCH TIME"), floats[("table", "I")].caption
