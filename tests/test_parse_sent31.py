"""Body sentences of the twenty-first split's papers (session 31), each drawn here with PyMuPDF in the
shape a real paper printed it: a caption all in bold with the next paragraph right under it, a row of
prose whose formula is a picture spanning two lines, a running head's and foot's rules drawn as one path."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import WORDS, column, fill, holds, paragraphs, section_page
from test_parse_text27 import _ink


def _parse(doc: pymupdf.Document, path):
    doc.save(path)
    return parse_pdf(path)


def _set(page, rows: list[str], x: float, y: float) -> float:
    """Rows in 9 pt Times, 10.4 pt apart (a Word paper's body); the baseline under the last."""
    return column(page, rows, x, y, font="tiro", size=9, pitch=10.4)


def test_a_paragraph_right_under_a_bold_caption_is_no_part_of_it(tmp_path):
    # SIGMOD 2015 (Word): "Figure 2: Common admin operation execution time by size" all in bold, the
    # next paragraph in the plain face 14 pt under its baseline where the text's lines stand 10.4 pt
    # apart; read as the caption's next lines, the paragraph left the text.
    doc, page = section_page()
    y = _set(page, fill((WORDS * 4)[:70] + ["first."], 440, "tiro", 9), 72, 110)
    page.draw_rect(pymupdf.Rect(120, y + 6, 480, y + 150), color=(0, 0, 0), fill=(0.6, 0.7, 0.9))
    y += 162
    page.insert_text((72, y), "Figure 2: Common admin operation execution time by size", fontname="tibo", fontsize=9)
    sentence = "Amazon Redshift also obtains a number of advantages by operating as a managed service in the cloud."
    y = _set(page, fill(sentence.split(), 440, "tiro", 9), 72, y + 14.2)
    _set(page, fill((WORDS * 4)[:70] + ["last."], 440, "tiro", 9), 72, y + 6)
    paper = _parse(doc, tmp_path / "bold_caption.pdf")
    assert holds(paper, sentence), paragraphs(paper)
    assert [f.caption for f in paper.figures] == ["Common admin operation execution time by size"]


def test_a_running_heads_and_foots_rules_drawn_as_one_path_make_no_figure_of_the_page(tmp_path):
    # Journal of Object Technology (Word): the rule under the running head and the rule over the
    # foot are one stroked path of two level lines; its box, the whole text area, took every line of
    # the page as a figure's and the page's text was lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((90, 60), "An Evaluation of the Terms Goals and Tasks", fontname="tiro", fontsize=10)
    shape = page.new_shape()
    shape.draw_line((90, 67), (522, 67))
    shape.draw_line((90, 736), (522, 736))
    shape.finish(width=0.75, color=(0, 0, 0))
    shape.commit()
    page.insert_text((90, 110), "1 Introduction", fontname="hebo", fontsize=14)
    sentence = "Rather, desires and goals all address the issue of what needs to be done."
    rows = fill((WORDS * 3)[:40] + ["first."] + sentence.split() + (WORDS * 3)[:40] + ["done."], 430, "tiro", 12)
    column(page, rows, 90, 140, font="tiro", size=12, pitch=14)
    page.insert_text((90, 750), "VOL. 4, NO. 2", fontname="tiro", fontsize=10)
    paper = _parse(doc, tmp_path / "head_foot_rules.pdf")
    assert holds(paper, sentence), paragraphs(paper)


def test_rows_round_two_formula_pictures_clustered_into_one_drawing_stay_text(tmp_path):
    # IEEE Trans. Signal Processing 1997 (a scan, its math left as pictures): "sequence of classes of
    # length [T] using all available input" over "information [i.e., compute [Pr(c1, ..., cT)]]. In";
    # the two pictures, a point apart, clustered into one drawing whose box held the start of the
    # upper row's second piece, and both pieces after the pictures were taken as its labels.
    doc, page = section_page()
    y = column(page, fill((WORDS * 3)[:40] + ["first."], 440), 72, 110) + 12
    left = "sequence of classes of length"
    x = 72 + pymupdf.get_text_length(left, "helv", 10)
    page.insert_text((72, y), left, fontname="helv", fontsize=10)
    page.insert_image((x + 3, y - 9, x + 13, y + 2), pixmap=_ink(10, 11))
    piece = "using all available input"
    page.insert_text((x + 16, y), piece, fontname="helv", fontsize=10)
    right = x + 16 + pymupdf.get_text_length(piece, "helv", 10)
    y += 12
    left = "information [i.e., compute"
    x = 72 + pymupdf.get_text_length(left, "helv", 10)
    page.insert_text((72, y), left, fontname="helv", fontsize=10)
    end = right - pymupdf.get_text_length("]. In", "helv", 10)
    page.insert_image((x + 3, y - 9, end - 1, y + 3), pixmap=_ink(int(end - x - 4), 12))
    page.insert_text((end, y), "]. In", fontname="helv", fontsize=10)
    # (the prose under it justified to the same edges, as the column's rows are)
    rest = "this case, the outputs are treated as being statistically dependent, which makes the estimation " \
        "more difficult. " + " ".join((WORDS * 2)[:30]) + " done."
    page.insert_textbox(pymupdf.Rect(72, y + 3, right, y + 120), rest, fontname="helv", fontsize=10,
                        lineheight=1.2, align=pymupdf.TEXT_ALIGN_JUSTIFY)
    paper = _parse(doc, tmp_path / "pictures.pdf")
    assert holds(paper, "sequence of classes of length using all available input"), paragraphs(paper)
    assert holds(paper, "In this case, the outputs are treated as being statistically dependent"), paragraphs(paper)


def test_a_scan_stored_as_strips_across_the_page_is_no_figure(tmp_path):
    # ACM TOPLAS 1990 (a scan with an OCR layer): the page's scan is 23 images as wide as the page,
    # 32 pt high, one under another, the OCR's invisible text over them. No strip is big enough to
    # be the page's scan alone; clustered into one drawing they made the page a figure, and the
    # text of most pages was lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    strip = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 612, 36), False)
    strip.clear_with(235)
    for k in range(22):
        page.insert_image(pymupdf.Rect(0, 36 * k, 612, 36 * (k + 1)), pixmap=strip)
    page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=14, render_mode=3)
    sentence = "Auxiliary data and statements are shown in italics."
    rows = fill((WORDS * 4)[:60] + ["first."] + sentence.split() + (WORDS * 4)[:60] + ["done."], 440, "tiro", 10)
    for i, text in enumerate(rows):
        page.insert_text((72, 110 + 12 * i), text, fontname="tiro", fontsize=10, render_mode=3)
    paper = _parse(doc, tmp_path / "strips.pdf")
    assert holds(paper, sentence), paragraphs(paper)
