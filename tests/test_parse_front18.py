"""Front matter and panel captions read as printed: a Word report's title double-spaced over two
lines, a journal's name set as its logo far larger than the title, and a panel's own caption
wrapped onto a short second line. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf

from pdf_pages import holds, lines as _lines, paragraphs

from tests.pdf_pages import reparse as _parse


def _centred(page, y: float, text: str, font: str, size: float) -> None:
    width = pymupdf.get_text_length(text, fontname=font, fontsize=size)
    page.insert_text(((page.rect.width - width) / 2, y), text, fontname=font, fontsize=size)


def test_a_title_double_spaced_in_its_own_face_goes_on_over_its_second_line():
    # A Microsoft Research report from Word: the 14 pt bold title's two lines stand 2.2 sizes apart
    # (baseline to baseline), the name under it in 12 pt roman 2 sizes under its last line; only
    # the first line was taken for the title.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _centred(page, 97, "Sequential Minimal Optimization:", "tibo", 14)
    _centred(page, 128.1, "A Fast Algorithm for Training Support Vector Machines", "tibo", 14)
    _centred(page, 156.5, "John C. Platt", "tiro", 12)
    _centred(page, 170.3, "Microsoft Research", "tiro", 12)
    _centred(page, 195.6, "Technical Report MSR-TR-98-14", "tiro", 12)
    page.insert_text((90, 252), "ABSTRACT", fontname="tibo", fontsize=12)
    _lines(page, 104, 500, 270, 10, size=11)
    page.insert_text((90, 466), "1. INTRODUCTION", fontname="tibo", fontsize=12)
    _lines(page, 90, 520, 496, 20, size=11)
    paper = _parse(doc)
    assert paper.title == "Sequential Minimal Optimization: A Fast Algorithm for Training Support Vector Machines", \
        paper.title


def test_a_journals_logo_far_larger_than_the_title_is_no_title():
    # MDPI: the journal's name "sensors" in 25 pt bold italic at the head of page 1, "Review" in
    # 10 pt italic under it, then the 18 pt bold upright title in another family; the logo, the
    # largest type of the page, was taken for the title. (PyMuPDF's fonts declare taller boxes than
    # the paper's: the title stands lower here, as far under the logo's box.)
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((116, 72.6), "sensors", fontname="tibi", fontsize=25)
    page.insert_text((76, 118.5), "Review", fontname="tiit", fontsize=10)
    page.insert_text((76, 141.7), "A Survey of Vision-Based Human Action", fontname="hebo", fontsize=18)
    page.insert_text((77, 162), "Evaluation Methods", fontname="hebo", fontsize=18)
    page.insert_text((77, 190.4), "Qing Lei, Ji-Xiang Du, Hong-Bo Zhang, Shuang Ye and Duan-Sheng Chen",
                     fontname="hebo", fontsize=10)
    page.insert_text((97, 208.5), "Department of Computer Science and Technology, Huaqiao University, China",
                     fontname="tiro", fontsize=9)
    page.insert_text((82, 294), "Abstract:", fontname="tibo", fontsize=10)
    _lines(page, 126, 519, 294, 1)
    _lines(page, 82, 519, 306, 10)
    page.insert_text((77, 533), "1. Introduction", fontname="tibo", fontsize=10)
    _lines(page, 77, 519, 552, 20)
    paper = _parse(doc)
    assert paper.title == "A Survey of Vision-Based Human Action Evaluation Methods", paper.title


def test_a_panels_caption_wrapped_onto_a_short_line_keeps_it():
    # A paper in 12 pt: the page ends mid-sentence ("... Consequently,"); the next page opens with
    # a figure of four images, each with its own caption in 10 pt, "(d) InfoGAN: Continuous
    # variable controlling" over "gender."; that short line, farther under the image than a
    # label's reach, stayed text and the sentence went on with it ("Consequently, gender.").
    # (PyMuPDF's fonts declare taller boxes than the paper's: the captions' lines stand 14 pt apart
    # here, for as little of the short line's box within a label's reach.)
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((99, 80), "5.4 Qualitative Assessment", fontname="tibo", fontsize=12)
    y, _ = _lines(page, 99, 513, 110, 40, size=12)
    page.insert_text((99, y), "the degree of this smiling is not as significant as Figure 2b. Consequently,",
                     fontname="tiro", fontsize=12)
    page = doc.new_page(width=612, height=792)
    shot = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    shot.clear_with(120)
    for x0, y0 in ((99, 69), (315, 69), (99, 300), (315, 300)):
        page.insert_image(pymupdf.Rect(x0, y0, x0 + 199, y0 + 199), pixmap=shot)
    for x0, first, second in ((99, "(a) InfoStyleGAN: Continuous variable control-", "ling of head orientation."),
                              (315, "(b) InfoStyleGAN: Continuous variable control-", "ling smiling and hair color.")):
        page.insert_text((x0, 283.4), first, fontname="tiro", fontsize=10)
        page.insert_text((x0, 295.4), second, fontname="tiro", fontsize=10)
    for x0, first, second in ((99, "(c) InfoGAN: Continuous variable controlling the", "rotation side to side."),
                              (315, "(d) InfoGAN: Continuous variable controlling", "gender.")):
        page.insert_text((x0, 513.4), first, fontname="tiro", fontsize=10)
        page.insert_text((x0, 527.4), second, fontname="tiro", fontsize=10)
    page.insert_text((99, 548.5), "Figure 2: Effects of control and disentanglement by InfoGAN and InfoStyleGAN.",
                     fontname="tiro", fontsize=12)
    page.insert_text((99, 589), "these controls on the tuned baseline do not show a consistent effect like those.",
                     fontname="tiro", fontsize=12)
    page.insert_text((99, 650), "6 Anomaly Detection", fontname="tibo", fontsize=12)
    _lines(page, 99, 513, 675, 5, size=12)
    paper = _parse(doc)
    assert holds(paper, "Consequently, these controls on the tuned baseline do not show a consistent effect"), \
        "\n".join(paragraphs(paper))
    assert not any("gender" in p for p in paragraphs(paper)), "\n".join(paragraphs(paper))
