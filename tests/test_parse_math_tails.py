"""A paragraph's or caption's last row set mostly in math ("O(d) and O(n).", "∼9× at B = 4096."):
drawn here with PyMuPDF, it must end its sentence, not stand apart as a display equation."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import section_page
from test_parse_body import WORDS, _fill, _key, _paragraphs


def _set(page, lines: list[str], x: float, y: float, pitch: float = 12, size: float = 10, font: str = "helv") -> float:
    for i, line in enumerate(lines):
        page.insert_text((x, y + pitch * i), line, fontname=font, fontsize=size)
    return y + pitch * len(lines)


def test_a_paragraph_ending_on_a_math_row_under_a_row_dense_with_math_keeps_it(tmp_path):
    # NeurIPS 2018 submission: "... are O(nd²+d³) and O(n²d+n³), respectively. Meanwhile, the
    # communication complexities are" / "O(d) and O(n)." flush left at the text's pitch: the row
    # above, dense with inline math, is no prose row by its share of words, yet ends in words of
    # prose as no display's piece does; the last row stood as a paragraph of its own.
    doc, page = section_page()
    page.insert_font(fontname="uni", fontbuffer=pymupdf.Font("cjk").buffer)
    y = _set(page, _fill(WORDS * 2, 450), 72, 110, pitch=13)
    dense = "Θ ( νδ² + δ³ ) and Θ ( ν²δ + ν³ ) , respectively. Meanwhile, the communication costs are"
    page.insert_text((72, y), dense, fontname="uni", fontsize=10)
    page.insert_text((72, y + 14.5), "Θ(δ) and Θ(ν).", fontname="uni", fontsize=10)  # (its box clear of the row above's)
    _set(page, _fill(["With"] + WORDS + ["end."], 450), 84, y + 34, pitch=13)
    paper = parse_pdf(_save(doc, tmp_path / "p.pdf"))
    texts = _paragraphs(paper)
    assert any(_key("communication costs are Θ(δ) and Θ(ν).") in _key(t) for t in texts), texts
    assert not any(_key(t) == _key("Θ(δ) and Θ(ν).") for t in texts), texts


def test_a_caption_ending_on_a_math_row_without_words_keeps_it(tmp_path):
    # ECCV 2026: Figure 2's caption ends "... the SNR gap widens with batch size, reaching" /
    # "∼9× at B = 4096." (sixteen characters, no word of three letters): read as a display, the row
    # left the caption and cut the paragraph that runs from the page before to the text under it.
    doc, page = section_page()
    lines = _fill(WORDS * 4 + "they are not used during training or for hyperparameter".split(), 450)
    _set(page, lines, 72, 720 - 12 * (len(lines) - 1))
    page = doc.new_page(width=612, height=792)
    page.insert_font(fontname="uni", fontbuffer=pymupdf.Font("cjk").buffer)
    page.draw_rect(pymupdf.Rect(90, 60, 300, 200), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    caption = _fill("Figure 2: Gradient signal against batch size for the two datasets; the gap".split() + WORDS * 2, 450)[:2]
    caption[-1] = " ".join(caption[-1].split()[:-1] + ["reaching"])  # (a full row, its last word "reaching")
    _set(page, caption, 72, 220, pitch=13)
    page.insert_text((72, 247.5), "∼9× at B = 4096.", fontname="uni", fontsize=10)  # (its box clear of the row above's)
    rest = "selection, or model release. " + " ".join(WORDS) + "."
    _set(page, _fill(rest.split(), 450), 72, 272)
    paper = parse_pdf(_save(doc, tmp_path / "p.pdf"))
    assert paper.figures and paper.figures[0].caption.endswith("reaching ∼9× at B = 4096."), \
        [f.caption for f in paper.figures]
    texts = _paragraphs(paper)
    assert any(_key("for hyperparameter selection, or model release") in _key(t) for t in texts), texts


def _save(doc, path):
    doc.save(path)
    return path
