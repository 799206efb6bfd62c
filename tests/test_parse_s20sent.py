"""Body sentences of the twentieth split (session 30), each drawn here with PyMuPDF in the shape a
real paper printed it: a scanned page whose scan is trimmed to less than the page's width, a
bibliography's last lines atop the last page's right column, a scan's page 1 in a type of its own
under its abstract, bold panel captions wrapping onto bold lines."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import WORDS, fill, holds, section_page


def _parse(doc: pymupdf.Document, path):
    doc.save(path)
    return parse_pdf(path)


def _scan(tmp_path, trimmed: tuple[float, float, float, float], *, hidden: bool = True):
    """Two pages of two columns of prose, each printed as one 1-bit image (a fax-style scan) over
    `trimmed` of the page, the words laid over it in the OCR's unseen text layer (`hidden`) or seen."""
    doc = pymupdf.open()
    sentence = " ".join(WORDS[:24]) + " finally."
    for number in (1, 2):
        printed = pymupdf.open()
        page = printed.new_page(width=581, height=794)
        rows: list[tuple[float, float, str, float]] = []

        def write(x: float, y: float, text: str, size: float = 9.5) -> None:
            page.insert_text((x, y), text, fontname="tiro", fontsize=size)
            rows.append((x, y, text, size))

        if number == 1:
            write(40, 60, "1 Introduction", 12)
        y = 80
        for x in (40, 300):
            y = 80
            for _ in range(6):
                for text in fill((WORDS * 2)[:30] + ["ends."] + sentence.split(), 240, "tiro", 9.5):
                    write(x, y, text)
                    y += 11.5
                y += 6
        pix = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY, clip=pymupdf.Rect(trimmed))
        scan = doc.new_page(width=581, height=794)
        scan.insert_image(pymupdf.Rect(trimmed), pixmap=pix)
        for x, y, text, size in rows:
            scan.insert_text((x, y), text, fontname="tiro", fontsize=size, render_mode=3 if hidden else 0)
    return doc, sentence


def test_a_scan_trimmed_short_of_the_page_s_width_is_the_page_not_a_figure(tmp_path):
    # Nature Medicine 1996, scanned: each page one 1-bit image 93 % of the page's width and 95 % of
    # its height, the OCR's words over it unseen; the image was taken for a figure holding the
    # page, and the whole paper's text for the figure's (nothing read).
    doc, sentence = _scan(tmp_path, (18, 21, 560, 772))
    paper = _parse(doc, tmp_path / "scan.pdf")
    assert holds(paper, sentence)
    assert not paper.figures


def test_only_an_unseen_text_layer_makes_a_page_a_scan(tmp_path):
    # The same image under words that are printed (seen) is no scan: a large picture under text.
    from paperkit.reading.parse import _scanned_page

    for hidden in (True, False):
        doc, _ = _scan(tmp_path, (18, 21, 560, 772), hidden=hidden)
        doc.save(tmp_path / f"{hidden}.pdf")
        with pymupdf.open(tmp_path / f"{hidden}.pdf") as again:
            assert _scanned_page(again[0]) is hidden


def test_a_bibliography_s_last_two_lines_beside_a_full_left_column_are_a_column(tmp_path):
    # arXiv 2018, last page: the conclusion and the references fill the left column, the last
    # entry's three lines (no prose: names, initials, a year, a volume) top the right column; with
    # under four lines on the right the page was read as one column, the entry's lines woven in
    # between the conclusion's, row by row.
    doc, first = section_page()
    for x in (54, 320):
        for k, text in enumerate(fill((WORDS * 6)[:110] + ["over."], 235, "tiro")):
            first.insert_text((x, 110 + 11 * k), text, fontname="tiro", fontsize=10)
    page = doc.new_page(width=612, height=792)
    sentence = " ".join(WORDS[:30]) + " at last."
    rows = fill(sentence.split() + (WORDS * 3)[:70] + ["end."], 235, "tiro")
    y = 66
    for text in rows:
        page.insert_text((54, y), text, fontname="tiro", fontsize=10)
        y += 11
    for k, text in enumerate(["Spruill, M. C. 2007. Asymptotic distribution of coordinates",
                              "on high dimensional spheres. Electron. Comm. Probab.", "12:234-247."]):
        page.insert_text((320, 66 + 11 * k), text, fontname="tiro", fontsize=10)
    paper = _parse(doc, tmp_path / "last.pdf")
    assert holds(paper, sentence)


def test_the_text_under_an_abstract_in_a_scan_s_page_one_type_is_the_paper_s(tmp_path):
    # EMNLP 1996, a scan's text layer: page 1 in 9.3 pt, the pages after it in 9.1 pt (the body's
    # size); under the abstract the introduction, headed in the text's own type ("Introduction"
    # centred, no heading found), was taken for front matter, half a point off the body's type, and
    # page 1's text was lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 95), "A Maximum Entropy Model for Tagging", fontname="tibo", fontsize=12)
    page.insert_text((250, 130), "Ann Author", fontname="tibo", fontsize=11)
    page.insert_text((230, 145), "University of Somewhere", fontname="tiro", fontsize=9.3)
    page.insert_text((140, 180), "Abstract", fontname="tiro", fontsize=9.3)
    y = 195
    for text in fill((WORDS * 2)[:40] + ["problems."], 215, "tiro", 9.3):
        page.insert_text((62, y), text, fontname="tiro", fontsize=9.3)
        y += 11.5
    page.insert_text((130, y + 14), "Introduction", fontname="tiro", fontsize=9.3)
    y += 30
    sentence = " ".join(WORDS[5:30]) + " in the end."
    for text in fill((WORDS * 2)[:30] + ["tasks."] + sentence.split() + WORDS[:20] + ["too."], 215, "tiro", 9.3):
        page.insert_text((62, y), text, fontname="tiro", fontsize=9.3)
        y += 11.5
    y = 80
    for text in fill((WORDS * 8)[:200] + ["over."], 215, "tiro", 9.3):
        page.insert_text((312, y), text, fontname="tiro", fontsize=9.3)
        y += 11.5
    for number in (2, 3):
        later = doc.new_page(width=612, height=792)
        if number == 2:
            later.insert_text((62, 70), "The Probability Model", fontname="tibo", fontsize=11)
        for x in (62, 312):
            y = 90
            for text in fill((WORDS * 12)[:380] + ["end."], 215, "tiro", 9.1):
                if y > 720:
                    break
                later.insert_text((x, y), text, fontname="tiro", fontsize=9.1)
                y += 11.2
    paper = _parse(doc, tmp_path / "scan96.pdf")
    assert holds(paper, sentence)


def test_a_bold_panel_caption_s_next_lines_are_the_figure_s(tmp_path):
    # WWW 2018 (acmart): the panels' own captions in bold 8 pt, "(c) Heat map of learned field
    # interaction strengths of" over "FFMs. Pearson correlation coefficient with mutual in-" and
    # "formations: 0.1544."; the first line went into the figure, the rest (bold) stayed text and
    # cut the sentence carried over the page in two.
    doc, page = section_page()
    y = 110
    for text in fill((WORDS * 6)[:150] + ["We", "show"], 460, "tiro", 9):
        page.insert_text((72, y), text, fontname="tiro", fontsize=9)
        y += 11
    page = doc.new_page(width=612, height=792)
    for x in (90, 330):
        page.draw_rect(pymupdf.Rect(x, 320, x + 190, 496), color=(0.8, 0.2, 0.1), fill=(0.9, 0.5, 0.4))
    for x, letter, rest in ((90, "c", "FFMs"), (330, "d", "FwFMs")):
        page.insert_text((x, 511), f"({letter}) Heat map of the learned field interaction strengths of", fontname="tibo", fontsize=8)
        page.insert_text((x, 521), f"{rest}. Pearson correlation coefficient with mutual in-", fontname="tibo", fontsize=8)
        page.insert_text((x, 530.5), "formations: 0.1544.", fontname="tibo", fontsize=8)
    page.insert_text((104, 568), "Figure 5: Heat maps of mutual informations and learned strengths.", fontname="tibo", fontsize=9)
    y = 606
    for text in fill(["that"] + (WORDS * 2)[:40] + ["end."], 460, "tiro", 9):
        page.insert_text((72, y), text, fontname="tiro", fontsize=9)
        y += 11
    paper = _parse(doc, tmp_path / "panels.pdf")
    assert not any("Pearson" in p.text for s in paper.sections for p in s.paragraphs)
    assert holds(paper, "We show that " + " ".join(WORDS[:10]))
