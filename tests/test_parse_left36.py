"""Leftovers of issue 14 on the tune split (session 36): floats of text between rules drawn as one
path, and the running text beside them (pages drawn here with PyMuPDF)."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.pdf_pages import holds
from tests.test_parse_s24sent import _fill

WORDS = ("the model reads every page of the paper and keeps each sentence whole while the reader "
         "turns the pages so that nothing printed is lost or mixed with the drawings beside it and "
         "every heading is found where the author set it").split()
LEFT_SENTENCE = "Any new design of the system is rightly viewed with suspicion by careful administrators."


def _column(page, x0: float, x1: float, y: float, bottom: float, first: str = "", size: float = 10) -> float:
    """Running text in Times from baseline y while it stays over `bottom`, `first` leading it."""
    words = first.split() + WORDS * 6
    for k, line in enumerate(_fill(words, x1 - x0 - (22 if first else 0), size)):
        if y > bottom:
            break
        page.insert_text((x0 + (22 if first and k == 0 else 0), y), line, fontname="tiro", fontsize=size)
        y += 11
    return y


def _listing_under_columns_pdf(path) -> None:
    """USENIX 2004's page: a figure with its caption atop the left column, a rule under that caption;
    a bold heading and running text under it; the right column's running text beside; under both
    columns a rule across the page over a command's output in 8 pt Courier (its columns of cells
    set apart), "Figure 2: ..." under it. The two rules are stroked as ONE path, as Distiller did."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 90), "Operating System Support for Consolidating Workloads", fontname="tibo", fontsize=16)
    page.insert_text((270, 115), "A. Author", fontname="tiro", fontsize=11)
    page.insert_text((54, 150), "Introduction", fontname="tibo", fontsize=10)
    _column(page, 54, 274, 165, 740, first="Consolidation frees administrators for other work.")
    _column(page, 302, 522, 80, 740)
    page = doc.new_page(width=612, height=792)
    # the left column's figure: boxes drawn over their caption
    for x in (60, 110, 160, 210):
        page.draw_rect(pymupdf.Rect(x, 150, x + 40, 240), color=(0, 0, 0), fill=(0.8, 0.8, 0.8), width=0.5)
    page.insert_text((90, 264), "Figure 1: Zones and resource pools.", fontname="tibo", fontsize=10)
    shape = page.new_shape()
    shape.draw_line((54, 134.5), (274, 134.5))
    shape.finish(color=(0, 0, 0), width=0.4, closePath=False)
    shape.draw_line((54, 270), (274, 270))  # under Figure 1's caption ...
    shape.draw_line((54, 495), (522, 495))  # ... and over Figure 2, across the page: one path
    shape.finish(color=(0, 0, 0), width=0.4, closePath=False)
    shape.commit()
    page.insert_text((54, 285), "Security Experience", fontname="tibo", fontsize=10)
    _column(page, 54, 274, 299, 492, first=LEFT_SENTENCE)
    _column(page, 302, 512, 84, 492)
    # (a command's output: its cells run together into pieces of a row, set off by runs of spaces
    # the font draws as gaps, each piece where its characters fall)
    page.insert_text((60, 507), "$ prstat -Z 10", fontname="helv", fontsize=8)
    y = 517
    for k in range(19):
        pieces = [(65 + 5 * (k % 3), f"{12000 + 7 * k} {'root' if k % 2 else '70002'}"),
                  (148 + 6 * (k % 2), f"{100 + k}M {60 + k}M sleep"), (259 + 5 * (k % 2), "59"), (292, "0"),
                  (314, f"0:{k:02d}:31 {k / 10:.1f}% httpd/{k}")]
        for x, piece in pieces:
            page.insert_text((x, y), piece, fontname="helv", fontsize=8)
        y += 9.5
    # (the caption across the page, as wide as the columns over the rule)
    caption = ("Monitoring zones with a tool. The top half of this split view shows the individual processes "
               "consuming the most cycles. The bottom half shows a view of the usage of every zone.").split()
    first, *rest = _fill(caption, 468 - pymupdf.get_text_length("Figure 2: ", "tibo", 10), 10)
    page.insert_text((54, 710), "Figure 2:", fontname="tibo", fontsize=10)
    page.insert_text((54 + pymupdf.get_text_length("Figure 2: ", "tibo", 10), 710), first, fontname="tiro", fontsize=10)
    for k, line in enumerate(rest):
        page.insert_text((72, 721 + 11 * k), line, fontname="tiro", fontsize=10)
    doc.save(path)


def test_rules_far_apart_stroked_as_one_path_frame_no_text_into_a_figure(tmp_path):
    path = tmp_path / "rules.pdf"
    _listing_under_columns_pdf(path)
    with pymupdf.open(path) as doc:
        strokes = [d for d in doc[1].get_drawings() if d["type"] == "s" and len(d["items"]) == 2]
        assert strokes and strokes[0]["rect"].height > 200  # (the two rules are one path)
    paper = parse_pdf(path)
    assert "Security Experience" in [s.title for s in paper.sections], [s.title for s in paper.sections]
    assert holds(paper, LEFT_SENTENCE)
    figure = next(f for f in paper.figures if f.number == "2")
    assert figure.bbox is None or figure.bbox[1] >= 490, figure.bbox


def _paragraph(page, y: float, n: int = 2) -> float:
    """A paragraph of Times text across the page from baseline y; the baseline under it."""
    for k, line in enumerate(_fill(WORDS * n, 440, 10)):
        page.insert_text((72 + (15 if k == 0 else 0), y), line[:1].upper() + line[1:] if k == 0 else line,
                         fontname="tiro", fontsize=10)
        y += 12
    return y


def _partly_bookmarked_pdf(path) -> None:
    """Pages of numbered sections and subsections in bold, an outline naming all of them but one
    subsection, "2.3 Data Collection" (set as the others are)."""
    doc = pymupdf.open()
    heads = [[("1", "Introduction", 1), ("2", "Method", 1), ("2.1", "Setup", 2)],
             [("2.2", "Training Procedure", 2), ("2.3", "Data Collection", 2), ("3", "Results", 1)],
             [("3.1", "Main Comparison", 2), ("3.2", "Ablations", 2), ("4", "Conclusion", 1)]]
    toc = []
    for number, page_heads in enumerate(heads):
        page = doc.new_page(width=612, height=792)
        y = 80
        if number == 0:
            page.insert_text((160, y), "Routing Tokens to Residual Experts", fontname="tibo", fontsize=16)
            y += 40
        else:
            y = _paragraph(page, y) + 10  # (the section before runs on over the page's top)
        for num, title, level in page_heads:
            size = 12 if level == 1 else 10
            page.insert_text((72, y), num, fontname="tibo", fontsize=size)
            page.insert_text((100, y), title, fontname="tibo", fontsize=size)
            if num != "2.3":
                toc.append([level, title, number + 1, y - size])
            y = _paragraph(page, y + 1.8 * size) + 10
    doc.set_toc([[level, title, page, {"kind": pymupdf.LINK_GOTO, "page": page - 1, "to": pymupdf.Point(72, top)}]
                 for level, title, page, top in toc])
    doc.save(path)


def test_a_numbered_heading_the_outline_skips_is_kept_after_its_bookmarked_predecessor(tmp_path):
    path = tmp_path / "outline.pdf"
    _partly_bookmarked_pdf(path)
    with pymupdf.open(path) as doc:
        assert "Data Collection" not in [t[1] for t in doc.get_toc()]
    sections = [(s.number, s.title, s.level) for s in parse_pdf(path).sections if s.title]
    assert ("2.3", "Data Collection", 2) in sections, sections
    assert ("2.2", "Training Procedure", 2) in sections and ("3", "Results", 1) in sections, sections


def _small_caps(page, x: float, y: float, text: str, size: float = 10, centre: float | None = None) -> None:
    """IEEE's heading type: each word's first letter (and a roman numeral) at `size`, its other
    letters capitals at 0.8 of it; centred on `centre` when given."""
    pieces = []
    for word in text.split():
        pieces += [(word, size)] if word.rstrip(".").isupper() and len(word) <= 4 and word.endswith(".") else \
            [(word[0], size), (word[1:].upper(), 0.8 * size)]
        pieces.append((" ", size))
    width = sum(pymupdf.get_text_length(t, "tiro", z) for t, z in pieces)
    x = centre - width / 2 if centre is not None else x
    for t, z in pieces:
        page.insert_text((x, y), t, fontname="tiro", fontsize=z)
        x += pymupdf.get_text_length(t, "tiro", z)


def _heading_under_ruled_table_pdf(path) -> None:
    """IEEE's two columns: the right one opens with "TABLE I: ..." over a table ruled in a grid of
    8 pt cells, and 3 pt under its last rule the next section's heading, "II. NATIVE BINARY ANALYSIS
    EVALUATION" in roman capitals centred over its paragraph."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((130, 70), "A Symbolic Execution Framework for Binaries", fontname="tibo", fontsize=18)
    _small_caps(page, 0, 110, "I. Introduction", centre=175)
    _column(page, 50, 300, 126, 740, first="Symbolic execution explores the states of a program.")
    page.insert_text((338, 56), "TABLE I: Logic bomb benchmark results (300s)", fontname="tiro", fontsize=10)
    xs, ys = (342, 393, 438, 466, 498, 530), (65, 74.2, 83.4, 92.6, 101.8, 111)
    for y in ys:
        page.draw_line((xs[0], y), (xs[-1], y), color=(0, 0, 0), width=0.4)
    for x in xs:
        page.draw_line((x, ys[0]), (x, ys[-1]), color=(0, 0, 0), width=0.4)
    rows = [("", "Manticore", "Angr", "Triton", "KLEE"), ("Passed", "16", "17", "3", "10"),
            ("Failed", "33", "28", "57", "37"), ("Timed out", "14", "18", "3", "7"), ("Inapplicable", "0", "0", "0", "9")]
    for row, y in zip(rows, ys):
        for cell, x in zip(row, xs):
            page.insert_text((x + 3, y + 7), cell, fontname="tiro", fontsize=8)
    _small_caps(page, 0, 122, "II. Native Binary Analysis Evaluation", centre=437.5)
    _column(page, 312, 563, 138, 740, first="We evaluated the analysis on a benchmark suite of logic bombs.")
    page = doc.new_page(width=612, height=792)
    _column(page, 50, 300, 60, 400)
    _small_caps(page, 0, 420, "III. Conclusion", centre=175)
    _column(page, 50, 300, 436, 600, first="The framework finds bugs in binaries and contracts.")
    doc.save(path)


def test_a_roman_numbered_heading_right_under_a_ruled_table_heads_its_section(tmp_path):
    path = tmp_path / "ieee.pdf"
    _heading_under_ruled_table_pdf(path)
    paper = parse_pdf(path)
    titles = [s.title for s in paper.sections]
    assert any("NATIVE BINARY" in t.upper() for t in titles if t), titles


def _heading_over_display_pdf(path) -> None:
    """Numbered subsections in 12 pt bold over 10 pt text, "3.3 Proof details" right over a line of
    math (a display's piece) at the text's pitch, its paragraph under that."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "Sparse Transforms for Dimension Reduction", fontname="tibo", fontsize=16)
    y = 120
    for num, title in (("3", "Analysis"), ("3.1", "Preliminaries"), ("3.2", "Notation")):
        page.insert_text((72, y), f"{num}  {title}", fontname="tibo", fontsize=12)
        y = _paragraph(page, y + 16) + 10
    page.insert_text((72, y), "3.3  Proof details", fontname="tibo", fontsize=12)
    page.insert_text((120, y + 13), "Z = S d h r x - E[Y]", fontname="symb", fontsize=10)
    y = _paragraph(page, y + 27) + 10
    page.insert_text((72, y), "4  Conclusion", fontname="tibo", fontsize=12)
    _paragraph(page, y + 16)
    doc.save(path)


def test_a_bold_heading_over_a_line_of_math_stays_a_heading(tmp_path):
    path = tmp_path / "display.pdf"
    _heading_over_display_pdf(path)
    sections = [(s.number, s.title) for s in parse_pdf(path).sections]
    assert ("3.3", "Proof details") in sections, sections
