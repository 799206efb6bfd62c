"""Leftovers of the tune split: headings, sentences and crops, each layout fact on pages drawn here
with PyMuPDF."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import PROSE, Page, _parse  # noqa: E402  (heads9's page writer and parse helper)
from test_parse_heads16 import _first_page, _names  # noqa: E402


def test_a_name_over_an_address_block_is_no_heading():
    # A preprint's last page, "Contact Information" in 17 pt bold, then each author's name in 14 pt
    # bold (the subsections' type) over an address in Courier: the street, "Phone:", "E-mail:".
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 14, gap=1.6)
    page.paragraph(repeat=4, size=12, per_line=12)
    page.line("1.1 Scope of the study", "tibo", 14, gap=1.6)
    page.paragraph(repeat=4, size=12, per_line=12)
    page.line("2 Method", "tibo", 14, gap=1.6)
    page.paragraph(repeat=4, size=12, per_line=12)
    page = Page(doc)
    page.line("Contact Information", "tibo", 17, gap=1.6)
    for name, mail in (("Jane Q. Doe", "jqd@cs.example.edu"), ("Rafael Osei", "osei@lab.example.com")):
        page.line(name, "tibo", 14, gap=1.6)
        page.line("Computer Science Department", "cour", 12, gap=1.2)
        page.line("5000 Forbes Avenue", "cour", 12, gap=1.2)
        page.line("Phone: (412) 268-8734", "cour", 12, gap=1.2)
        page.line(f"E-mail: {mail}", "cour", 12, gap=1.2)
        page.skip(14)
    names = _names(_parse(doc))
    assert "Contact Information" in names
    assert "Jane Q. Doe" not in names and "Rafael Osei" not in names


def _shaded_box(page, box: tuple, grey: float = 0.955) -> None:
    """A shaded box as PLOS draws it: the ground filled, then each edge traced as a fill of no width
    in the same grey (no frame one can see)."""
    x0, y0, x1, y1 = box
    shape = page.page.new_shape()
    shape.draw_rect(pymupdf.Rect(box))
    shape.finish(color=None, fill=(grey,) * 3)
    for a, b in (((x0, y0), (x0, y1)), ((x0, y0), (x1, y0)), ((x1, y0), (x1, y1))):
        shape.draw_polyline([a, b, a])
        shape.finish(color=None, fill=(grey,) * 3, closePath=True)
    shape.commit(overlay=False)


BULLET = ("The incidence of the condition is increasing worldwide, and children born to mothers with it "
          "have a heightened risk of obesity and of metabolic disease in later life.")


def test_a_shaded_summary_under_headings_of_its_own_is_text_and_its_headings_sections():
    # PLOS Medicine: the "Author summary" before the Introduction in a grey box, its heading in
    # 12 pt regular, its three questions in 11.5 pt bold over bulleted paragraphs, the box's edges
    # traced as fills of no width in the ground's grey. Its text is the paper's, and its headings a
    # section with three subsections (not levels 2 and 3 under no section).
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("Abstract", "hebo", 14, gap=1.6)
    page.paragraph(repeat=3, size=9.5, per_line=14)
    page = Page(doc)
    top = page.y - 14
    page.line("Author summary", "helv", 12, gap=2.4)
    for question in ("Why was this study done?", "What did the researchers do and find?", "What do these findings mean?"):
        page.line(question, "hebo", 11.5, gap=2.0)
        page.paragraph(BULLET, repeat=2, size=10, per_line=15)
        page.skip(40)  # (a wide space over each question)
    _shaded_box(page, (66, top, 447, page.y))
    page.skip(20)
    page.line("Introduction", "hebo", 12, gap=1.6)
    page.paragraph(repeat=3, size=10, per_line=14)
    page.line("Study design", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3, size=10, per_line=14)
    paper = _parse(doc)
    levels = {s.title: s.level for s in paper.sections if s.title}
    assert levels.get("Author summary") == 1
    assert levels.get("Why was this study done?") == levels.get("What do these findings mean?") == 2
    assert levels.get("Introduction") == 1
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "heightened risk of obesity" in text


def test_an_unbookmarked_supplementary_information_heading_is_kept():
    # BMC: "Supplementary Information" in the sections' 10.3 pt bold (the text is 9.8 pt) after
    # the methods, which the outline leaves out: a section of its own, not the methods' last lines.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("Background", "hebo", 10.3, gap=1.6)
    page.paragraph(repeat=4, size=9.8, per_line=13)
    page.line("Methods", "hebo", 10.3, gap=1.6)
    page.paragraph(repeat=4, size=9.8, per_line=13)
    page.line("Supplementary Information", "hebo", 10.3, gap=1.6)
    page.line("The online version contains supplementary material available at the journal.", "helv", 7.5)
    page.skip(10)
    page.line("Acknowledgements", "hebo", 10.3, gap=1.6)
    page.paragraph(repeat=1, size=9.8, per_line=13)
    doc.set_toc([[1, "Background", 1], [1, "Methods", 1], [1, "Acknowledgements", 1]])
    assert "Supplementary Information" in _names(_parse(doc))


def _justified(page, text: str, size: float = 9.0, x0: float = 90, x1: float = 524, lines: int = 4) -> None:
    """A justified paragraph in Times at `size` under the page's pen, which moves under it."""
    rect = pymupdf.Rect(x0, page.y - size, x1, page.y - size + (lines + 2) * size * 1.5)
    unused = page.page.insert_textbox(rect, text, fontsize=size, fontname="tiro", align=pymupdf.TEXT_ALIGN_JUSTIFY)
    assert unused >= 0
    page.y += rect.height - unused


def test_an_oblique_heading_just_under_a_boxed_sidebar_is_no_label_of_it():
    # Trends in Cognitive Sciences (printed anew by cairo): "Basic Bayes" in 8.5 pt sans oblique
    # 6 pt under a boxed sidebar (a tinted panel, framed), its paragraph in 9 pt right under it.
    # Short and near the drawing, it read as the panel's label and left the text with it (here it
    # stays in the text; in the paper, where the type of such headings is known, it is a heading).
    text = " ".join([PROSE] * 2)
    doc = pymupdf.open()
    page = _first_page(doc)
    for head in ("Introduction", "Fundamentals"):
        page.line(head, "hebo", 8.5, x=90, gap=1.25)
        _justified(page, text)
        page.skip(8)
    for head in ("Prior knowledge", "Likelihoods"):
        page.line(head, "heit", 8.5, x=90, gap=1.25)
        _justified(page, text)
        page.skip(8)
    page = Page(doc, top=40)
    page.line("Box 1. Decision theory and control theory", "hebo", 8.5, x=98, gap=1.6)
    page.paragraph(repeat=3, size=7.5, per_line=19, font="helv", x=98)
    bottom = page.y - 6
    shape = page.page.new_shape()
    shape.draw_rect(pymupdf.Rect(90, 0.4, 523, bottom))
    shape.finish(color=(0, 0, 0), fill=(1, 1, 0.6), width=0.75)
    shape.commit(overlay=False)
    page.y = bottom + 6 + 8.5
    for head in ("Basic Bayes", "Comparing two simple hypotheses"):
        page.line(head, "heit", 8.5, x=90, gap=1.25)
        _justified(page, text)
        page.skip(8)
    paper = _parse(doc)
    read = " ".join([s.title for s in paper.sections] + [p.text for s in paper.sections for p in s.paragraphs])
    assert "Basic Bayes" in read and "Comparing two simple hypotheses" in read


def test_a_thick_outline_inside_a_clip_round_the_page_is_bounded_near_its_ink():
    # OSR 2010 (InDesign): a diagram of 2.9 pt outlines drawn with miter limit 10 under a clip round
    # the whole page. MuPDF bounds such a stroke 14.5 pt past its path on every side (half its width
    # times the miter limit) and the clip, far off, cut nothing: the crop was 14 pt too wide a side.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=4, size=10, per_line=14)
    page.y = 430  # (the drawing: about 306 to 403 pt from the top)
    page.line("Figure 1: A cylinder drawn in thick outline.", "tiro", 9)
    page.skip(8)
    page.paragraph(repeat=4, size=10, per_line=14)
    # (a cylinder: two curved ends joined by straight sides)
    drawing = (b"q 0 0 612 792 re W n 2.9 w 0 J 0 j 10 M 0 0 1 RG 150 475 m 150 490 400 490 400 475 c "
               b"400 460 150 460 150 475 c S 150 475 m 150 400 l 150 385 400 385 400 400 c 400 475 l S Q\n")
    xref = page.page.get_contents()[0]
    doc.update_stream(xref, drawing + doc.xref_stream(xref))
    paper = _parse(doc)
    figure = next(f for f in paper.figures if f.number == "1")
    x0, y0, x1, y1 = figure.bbox
    assert 150 - 9 <= x0 <= 150 and 400 <= x1 <= 400 + 9


def test_a_flowcharts_input_label_beside_its_first_arrow_is_in_the_crop():
    # SPIE 2000 (Word): a flowchart whose boxes hold their own names in the text's size ("Threshold",
    # "Error Filter"), "Input" / "Pixels" in 9 pt set 6 and 11 pt left of its first arrow. The words
    # in its boxes made it read as a frame round text, whose labels are not looked for: the crop
    # began at the arrow and cut the label off.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3, size=10.2, per_line=13)
    top = page.y + 10
    shape = page.page.new_shape()
    for box in ((187, top, 252, top + 18), (265, top + 21, 317, top + 39), (187, top + 74, 252, top + 92)):
        shape.draw_rect(pymupdf.Rect(box))
    shape.draw_line((110, top + 9), (187, top + 9))
    shape.draw_line((252, top + 9), (330, top + 9))
    shape.draw_line((160, top + 9), (160, top + 83))
    shape.draw_line((160, top + 83), (187, top + 83))
    shape.draw_line((291, top + 39), (291, top + 83))
    shape.draw_line((291, top + 83), (252, top + 83))
    shape.finish(color=(0, 0, 0), width=0.6)
    shape.commit()
    page.page.insert_text((195, top + 13), "Threshold", fontname="helv", fontsize=10.2)
    page.page.insert_text((272, top + 34), "Negate", fontname="helv", fontsize=10.2)
    page.page.insert_text((195, top + 87), "Error Filter", fontname="helv", fontsize=10.2)
    page.page.insert_text((72, top + 8), "Input", fontname="helv", fontsize=9)
    page.page.insert_text((72, top + 18), "Pixels", fontname="helv", fontsize=9)
    page.page.insert_text((336, top + 8), "Output", fontname="helv", fontsize=9)
    page.page.insert_text((336, top + 18), "Pixels", fontname="helv", fontsize=9)
    page.y = top + 112
    page.line("Figure 1: The error diffusion algorithm, drawn as a flowchart.", "tibo", 9)
    page.skip(8)
    page.paragraph(repeat=3, size=10.2, per_line=13)
    figure = next(f for f in _parse(doc).figures if f.number == "1")
    assert figure.bbox is not None and figure.bbox[0] <= 72 + 1


def test_a_framed_box_of_headed_paragraphs_stays_out_of_the_sections():
    # tcolorbox (an ICLR appendix's annotation guidelines): a dark ground with a lighter one filled
    # a point inside it on three sides, the title on the dark band at the top, headed paragraphs in
    # the light part. A frame round a text figure, not a shaded paragraph of the text: its
    # headings are no sections (the PLOS summary box above has one ground and no border).
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("Abstract", "hebo", 14, gap=1.6)
    page.paragraph(repeat=3, size=9.5, per_line=14)
    page.line("Introduction", "hebo", 12, gap=1.6)
    page.paragraph(repeat=3, size=10, per_line=14)
    page = Page(doc)
    top = page.y - 14
    page.line("Annotation guideline", "helv", 12, gap=2.4)
    for question in ("Manual annotation steps", "Specific judgment criteria", "Disagreements and their resolution"):
        page.line(question, "hebo", 11.5, gap=2.0)
        page.paragraph(BULLET, repeat=2, size=10, per_line=15)
        page.skip(40)
    shape = page.page.new_shape()
    shape.draw_rect(pymupdf.Rect(66, top, 447, page.y))
    shape.finish(color=None, fill=(0.375, 0.375, 0.625))
    shape.draw_rect(pymupdf.Rect(67, top + 17, 446, page.y - 1))
    shape.finish(color=None, fill=(0.975,) * 3)
    shape.commit(overlay=False)
    page.skip(20)
    page.line("Results", "hebo", 12, gap=1.6)
    page.paragraph(repeat=3, size=10, per_line=14)
    names = _names(_parse(doc))
    assert "Results" in names and "Specific judgment criteria" not in names
