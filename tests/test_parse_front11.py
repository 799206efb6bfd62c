"""Titles, headings and bibliographies in shapes met on real papers (helper front11), each on a page
drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from paperkit.reading import parse as P  # noqa: E402
from tests.pdf_pages import reparse as _parse

PROSE = ("We train every model for ninety epochs with the same schedule and report the mean of three "
         "seeds, because single runs vary by more than the differences we want to measure in this study.")


def _paragraph(page, x: float, y: float, width_words: int = 9, lines: int = 6, size: float = 9.0) -> float:
    words = (PROSE + " " + PROSE).split()
    for k in range(lines):
        page.insert_text((x, y), " ".join(words[k * width_words % 30:k * width_words % 30 + width_words]),
                         fontname="tiro", fontsize=size)
        y += size * 1.2
    return y + 6


def test_a_title_opening_with_the_article_a_is_the_title_not_a_heading_lettered_a():
    # The outline lists the title, whose "A" reads as a heading's letter: it is the title, whole.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((86, 78), "A Hierarchical Feature Selection Method for", fontname="tiro", fontsize=24)
    page.insert_text((165, 105), "Network Anomaly Detection", fontname="tiro", fontsize=24)
    page.insert_text((153, 128), "Jiewen Mao, Dong Jiang, Yongquan Hu", fontname="tiro", fontsize=11)
    page.insert_text((59, 196), "Abstract", fontname="tibo", fontsize=9)
    y = _paragraph(page, 49, 208)
    for heading in ("1 Introduction", "2 Related Works"):
        page.insert_text((49, y + 10), heading, fontname="tibo", fontsize=11)
        y = _paragraph(page, 49, y + 24, lines=6)
    doc.set_toc([[1, "A Hierarchical Feature Selection Method for Network Anomaly Detection", 1],
                 [1, "Introduction", 1], [1, "Related Works", 1]])
    paper = _parse(doc)
    assert paper.title == "A Hierarchical Feature Selection Method for Network Anomaly Detection"
    assert [(s.number, s.title) for s in paper.sections] == [("1", "Introduction"), ("2", "Related Works")]


def _filled(text: str, width: float, size: float = 9.0) -> list[str]:
    """`text` broken into lines as full as fit in `width` (a justified column's lines end at its edge)."""
    out, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and pymupdf.get_text_length(trial, fontname="tiro", fontsize=size) > width:
            out.append(line)
            trial = word
        line = trial
    return out + [line]


def _two_column_references(labels_right: list[str], texts_right: list[list[str]]):
    """A page of a numbered bibliography in two columns 12 pt apart (49-300 and 312-563), each entry's
    label hung left of its text (at 49 and 312, the text at 76 and 339)."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for x, labels, texts in ((49.0, [f"[{n}]" for n in range(1, 11)],
                              [_filled(f"A. Author{n}, B. Writer, and C. Person. “A study of thing {n} in the wild "
                                       "with many words”. In: Proceedings of the Conference on Things and Other "
                                       f"Things (2016), pp. {n}–{n + 9}.", 224) for n in range(1, 11)]),
                             (312.0, labels_right, texts_right)):
        y = 66.0
        for label, lines in zip(labels, texts):
            page.insert_text((x, y), label, fontname="tiro", fontsize=9)
            for k, text in enumerate(lines):
                page.insert_text((x + 27, y + 12 * k), text, fontname="tiro", fontsize=9)
            y += 12 * len(lines)
    return doc, page


def test_the_gutter_leaves_the_right_columns_hanging_labels_on_their_side():
    # The strip free of lines of words runs from the left column's end to the right column's text,
    # past the right column's labels: the gutter is the part no line crosses, left of the labels.
    right = [(f"[{n}]", _filled(f"C. Other{n} and D. Person. “Scenarios for development, test and validation of "
                                f"automated vehicles”. In: Journal of Systems and Software {n} (2018), pp. 1–9.", 224))
             for n in range(11, 21)]
    doc, page = _two_column_references([r[0] for r in right], [r[1] for r in right])
    lines = P._page_lines(page, 0)
    assert max(ln.x1 for ln in lines if ln.x0 < 100) < 306  # (the page as drawn: columns apart)
    assert not any(ln.x0 < 306 < ln.x1 for ln in lines)  # no line read across the gutter


def test_a_bare_number_opening_a_wrapped_line_is_no_label_in_a_bracketed_list():
    # "26. 2019." ends a date cut at "Accessed: 2019-11-": in a list labelled "[n]" it is no entry "26."
    entries = []
    for n in range(20, 28):
        entries.append(f"[{n}] K. Korosec. Waymo's self driving cars hit {n} million miles. https://example.org/cars. Accessed: 2019-11-")
        entries.append(f"{n + 3}. 2019.")
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    y = 72.0
    for text in entries:
        page.insert_text((72, y), text, fontname="tiro", fontsize=9)
        y += 11
    lines = P._page_lines(page, 0)
    out = P._split_references(sorted(lines, key=lambda ln: ln.y0))
    assert len(out) == 8
    assert all(entry.startswith("[") for entry in out)


def test_first_appendix_letter_a_before_b_in_the_outline_is_a_letter():
    assert P._numbered_in_turn("A simple kernel", "8", "B coalescedA kernel") == ("A", "simple kernel")
    assert P._numbered_in_turn("A simple kernel", "8", "Related work") == (None, "A simple kernel")
    assert P._numbered_in_turn("A simple kernel", "8") == (None, "A simple kernel")


def test_a_numbered_heading_between_two_framed_listings_parts_their_rules():
    # Listing A framed by rules at 115 and 330, the heading "B COALESCEDA KERNEL" in bold 10 pt, then
    # listing B framed by rules at 369 and 716: two floats, the heading between them stays text.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for y in (115, 330, 369, 716):
        page.draw_line((54, y), (294, y), width=0.4)
    page.insert_text((54, 105), "A SIMPLE KERNEL", fontname="tibo", fontsize=10)
    page.insert_text((54, 359), "B COALESCEDA KERNEL", fontname="tibo", fontsize=10)
    for y in range(128, 325, 11):
        page.insert_text((78, y), "acc += B[k * N + globalCol] * A[globalRow * N + k];", fontname="cour", fontsize=9)
    for y in range(382, 710, 11):
        page.insert_text((78, y), "const int localRow = get_local_id(0);", fontname="cour", fontsize=9)
    _paragraph(page, 318, 80, lines=40)
    lines = P._page_lines(page, 0)
    boxes = P._graphic_boxes(page, lines)
    heading = next(ln for ln in lines if ln.text.startswith("B COALESCEDA"))
    assert not any(P._inside(heading, box, 0.0) for box in boxes)


def test_an_appendix_without_a_letter_keeps_its_word_in_the_title():
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "On Learning From Noisy Examples", fontname="tibo", fontsize=16)
    y = 100.0
    for heading in ("1 Introduction", "2 Results", "Appendix: Bounding lemmas"):
        page.insert_text((72, y + 10), heading, fontname="tibo", fontsize=12)
        y = _paragraph(page, 72, y + 28, width_words=14, lines=5, size=10)
    paper = _parse(doc)
    assert [(s.number, s.title) for s in paper.sections][-1] == (None, "Appendix: Bounding lemmas")


def test_an_outline_entry_printed_over_two_blocks_is_placed():
    # IEEEtran: "IV. USING THE FITTED ATTRIBUTED SBM FOR LINK" in 10 pt over "PREDICTION AND
    # COLLABORATIVE FILTERING" in 8 pt small capitals: two blocks that together print the entry.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "Attributed Stochastic Block Models", fontname="tibo", fontsize=20)
    y = 110.0
    for heading in ("III. SYNTHETIC DATA RESULTS", None, "V. APPLICATIONS"):
        if heading is None:
            # (Times has no small capitals: \scshape sets each word's initial at 10 pt, the rest at 8)
            # (the space after "SBM" a span of its own, as TeX's output gives it)
            writer, roman, other = pymupdf.TextWriter(page.rect), pymupdf.Font("tiro"), pymupdf.Font("cour")
            at = pymupdf.Point(63, y + 10)
            for piece, size in (("IV. U", 10), ("SING THE FITTED ATTRIBUTED", 8), (" SBM", 10), (" ", 8), ("FOR LINK", 8)):
                _, at = writer.append(at, piece, font=other if piece == " " else roman, fontsize=size)
            writer.write_text(page)
            page.insert_text((77, y + 22), "PREDICTION AND COLLABORATIVE FILTERING", fontname="tiro", fontsize=8)
            y += 14
        else:
            page.insert_text((63, y + 10), heading, fontname="tiro", fontsize=10)
        y = _paragraph(page, 49, y + 26, width_words=14, lines=6, size=10)
    doc.set_toc([[1, "Synthetic Data Results", 1],
                 [1, "Using the fitted attributed SBM for link prediction and collaborative filtering", 1],
                 [1, "Applications", 1]])
    paper = _parse(doc)
    assert [(s.number, s.title.lower()) for s in paper.sections] == [
        ("III", "synthetic data results"),
        ("IV", "using the fitted attributed sbm for link prediction and collaborative filtering"),
        ("V", "applications")]
