"""Front matter, headings and display math in shapes met on real papers, each on a page drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from tests.pdf_pages import reparse as _parse

PROSE = ("We train every model for ninety epochs with the same schedule and report the mean of three "
         "seeds, because single runs vary by more than the differences we want to measure in this study.")


class Page:
    """A page written top to bottom: each call sets a line at the next height."""

    def __init__(self, doc, width: float = 612, height: float = 792):
        self.page = doc.new_page(width=width, height=height)
        self.y = 72.0

    def line(self, text: str, font: str = "tiro", size: float = 10.0, x: float = 72, gap: float = 1.25) -> None:
        self.page.insert_text((x, self.y), text, fontname=font, fontsize=size)
        self.y += size * gap

    def skip(self, points: float) -> None:
        self.y += points

    def paragraph(self, text: str = PROSE, repeat: int = 2) -> None:
        words = (" ".join([text] * repeat)).split()
        for start in range(0, len(words), 14):
            self.line(" ".join(words[start:start + 14]))
        self.y += 6

    def abstract_and_introduction(self, x: float = 72) -> None:
        """The rest of a first page under its front matter: an "Abstract" heading (at `x`) and its
        paragraph, then "1 Introduction" and its paragraph."""
        self.skip(14)
        self.line("Abstract", "tibo", 12, x=x)
        self.paragraph()
        self.line("1 Introduction", "tibo", 12)
        self.paragraph()


def _title_and_abstract(page: Page, title: str) -> float:
    """The title, an "Abstract" heading and its paragraph; returns the height where the paragraph starts."""
    page.line(title, "tibo", 16)
    page.skip(12)
    page.line("Abstract", "tibo", 12)
    top = page.y
    page.paragraph()
    return top


def test_a_title_set_in_two_sizes_is_whole():
    # ICLR's title: "AN IMAGE IS WORTH 16X16 WORDS:" in smaller capitals over a larger second line.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("AN IMAGE IS WORTH 16X16 WORDS:", size=14)
    page.line("TRANSFORMERS FOR IMAGE RECOGNITION AT SCALE", size=17)
    page.skip(10)
    page.line("Ada Okafor, Bo Lindqvist", x=200)
    page.skip(14)
    page.line("Abstract", "tibo", 12, x=270)
    page.paragraph()
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    paper = _parse(doc)
    assert paper.title == "AN IMAGE IS WORTH 16X16 WORDS: TRANSFORMERS FOR IMAGE RECOGNITION AT SCALE"
    assert paper.authors == ("Ada Okafor", "Bo Lindqvist")


def test_a_long_title_past_the_middle_of_a_page_without_headings_is_whole():
    # A cover page: four title lines in large type reaching below the middle, no heading on it; a
    # hyphen that belongs to the compound ("Vision-" + "and-Language") is kept.
    doc = pymupdf.open()
    page = Page(doc)
    page.skip(240)
    for row in ("Landmark Tours: Solving Vision-", "and-Language Navigation with", "Fine-Grained Alignment",
                "Supervision"):
        page.line(row, "tibo", 28, gap=1.35)
    page.skip(100)
    page.line("Ada Okafor", size=13, x=260)
    second = Page(doc)
    second.line("1 Introduction", "tibo", 12)
    second.paragraph()
    paper = _parse(doc)
    assert paper.title == "Landmark Tours: Solving Vision-and-Language Navigation with Fine-Grained Alignment Supervision"


def test_a_subtitle_in_another_face_stays_out_of_the_title():
    doc = pymupdf.open()
    page = Page(doc)
    page.line("MineCraft Kit", "tibo", 25)
    page.line("Release 0.4.0", "tibi", 18)
    page.skip(20)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    assert _parse(doc).title == "MineCraft Kit"


def test_an_abstract_led_by_a_bold_word_without_punctuation():
    # Springer's journals: "**Abstract** Automatic music transcription is ..." on the abstract's first line.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Automatic Transcription of Music", "tibo", 14)
    page.skip(20)
    words = PROSE.split()
    first = " ".join(words[:12])
    page.page.insert_text((72, page.y), "Abstract", fontname="tibo", fontsize=10)
    page.page.insert_text((72 + pymupdf.get_text_length("Abstract ", "tibo", 10), page.y), first,
                          fontname="tiro", fontsize=10)
    page.y += 12.5
    for start in range(12, len(words), 14):
        page.line(" ".join(words[start:start + 14]))
    page.skip(12)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    paper = _parse(doc)
    assert paper.abstract is not None and paper.abstract.startswith("We train every model")


def _sections(paper):
    return [(s.number, s.title, s.level) for s in paper.sections]


def test_an_axis_title_over_a_caption_is_no_section_and_a_bold_line_under_a_subsection_is_below_it():
    # MapReduce (OSDI'04): "Worker Failure" in bold at body size under "3.3 Fault Tolerance", and a plot
    # whose bold x-axis title "Seconds" stands between the drawing and "Figure 2: ...".
    doc = pymupdf.open()
    page = Page(doc)
    page.line("3 Implementation", "tibo", 12)
    page.paragraph()
    page.line("3.3 Fault Tolerance", "tibo", 12)
    page.paragraph()
    page.line("Worker Failure", "tibo")
    page.paragraph()
    top = page.y
    page.page.draw_rect(pymupdf.Rect(150, top, 450, top + 120), color=(0, 0, 0), width=1)
    for k in range(5):
        page.page.draw_line((150 + 60 * k, top + 40), (210 + 60 * k, top + 90 - 10 * k), color=(0, 0, 0))
    page.y = top + 132
    page.line("0     20     40     60     80     100", size=9, x=150)
    page.skip(4)
    page.line("Seconds", "tibo", x=280)
    page.skip(6)
    page.line("Figure 2: Data transfer rate over time.", size=10, x=200)
    page.skip(8)
    page.paragraph()
    page.line("4 Refinements", "tibo", 12)
    page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [("3", "Implementation", 1), ("3.3", "Fault Tolerance", 2),
                                (None, "Worker Failure", 3), ("4", "Refinements", 1)]


def test_a_printed_table_of_contents_and_chapter_labels():
    # A thesis: a "Contents" page whose entries end in page numbers, then "Chapter 1" over each title.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Join Algorithms using Map/Reduce", "tibo", 20)
    page.skip(30)
    page.line("Contents", "tibo", 16)
    page.skip(8)
    for entry in ("1 Introduction 2", "2 Join Algorithms 3", "Bibliography 4"):
        page.line(entry, "tibo", 12, gap=1.8)
    for number, title, sub in (("1", "Introduction", None), ("2", "Join Algorithms", "2.1 Map-side joins")):
        chapter = Page(doc)
        chapter.skip(60 + 30 * int(number))  # (at one height on every page it would be a running head)
        chapter.line(f"Chapter {number}", "tibo", 20, gap=2)
        chapter.line(title, "tibo", 24, gap=2)
        chapter.paragraph()
        if sub:
            chapter.line(sub, "tibo", 14)
            chapter.paragraph()
    last = Page(doc)
    last.line("Bibliography", "tibo", 24, gap=2)
    last.line("[1] J. Dean and S. Ghemawat. MapReduce: simplified data processing. OSDI, 2004.")
    paper = _parse(doc, use_outline=False)
    assert _sections(paper) == [("1", "Introduction", 1), ("2", "Join Algorithms", 1), ("2.1", "Map-side joins", 2),
                                (None, "Bibliography", 1)]


def test_bold_headings_with_a_colon_a_full_stop_or_a_second_line_are_whole():
    # Dynamo (SOSP'07) and ICML'17: "4.6 Handling Failures: Hinted Handoff", "6.5 Balancing background
    # vs. foreground" wrapped onto "tasks", and a bold italic heading wrapped over two lines. ACM's
    # "Categories and Subject Descriptors" is a front-matter label.
    doc = pymupdf.open()
    page = Page(doc)
    _title_and_abstract(page, "A Highly Available Store")
    page.line("Categories and Subject Descriptors", "tibo", 12)
    page.line("D.4.2 [Operating Systems]: Storage Management; D.4.5 [Operating Systems]: Reliability.")
    page.skip(8)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    page.line("4.6 Handling Failures: Hinted Handoff", "tibo", 12)
    page.paragraph()
    page.line("6.5 Balancing background vs. foreground", "tibo", 12)
    page.line("tasks", "tibo", 12)
    page.paragraph()
    page.line("7. Inductive Biases, Statistical Learners and", "tibi", 12)
    page.line("Probe Datasets", "tibi", 12)
    page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [("1", "Introduction", 1), ("4.6", "Handling Failures: Hinted Handoff", 2),
                                ("6.5", "Balancing background vs. foreground tasks", 2),
                                ("7", "Inductive Biases, Statistical Learners and Probe Datasets", 1)]


def _runs(page: Page, runs: list[tuple[str, str, float]], x: float = 72) -> None:
    """One printed line made of runs in different fonts and sizes on one baseline."""
    for text, font, size in runs:
        if font == "SY":  # the Symbol font as a file, so its private-use pieces of brackets are kept
            symbol = pymupdf.Font("symb")
            page.page.insert_font(fontname="SY", fontbuffer=symbol.buffer)
            page.page.insert_text((x, page.y), text, fontname="SY", fontsize=size)
            x += symbol.text_length(text, size)
            continue
        page.page.insert_text((x, page.y), text, fontname=font, fontsize=size)
        x += pymupdf.get_text_length(text, font, size)
    page.y += max(size for _, _, size in runs) * 1.25


def test_headings_with_acronyms_in_faked_small_caps_and_with_math_variables():
    # ICLR's appendix: "D.8 VTAB BREAKDOWN" in faked small capitals whose acronym is typed in full
    # capitals; NeurIPS: "4.1 The case of fixed depth m" in bold with the variable in math italic.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    _runs(page, [("4.1 The case of fixed depth ", "tibo", 10), ("m", "tiit", 10),
                 (" and variable weights norm ", "tibo", 10), ("w", "tiit", 10)])
    page.skip(4)
    page.paragraph()
    page.line("References", "tibo", 12)
    page.line("[1] A. Okafor. A study of things. 2020.")
    page.skip(8)
    page.line("A Appendix", "tibo", 12)
    page.paragraph()
    _runs(page, [("D.8", "tiro", 10), ("   ", "tiro", 10), ("VTAB B", "tiro", 10), ("REAKDOWN", "tiro", 8)])
    page.skip(4)
    page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [("1", "Introduction", 1), ("4.1", "The case of fixed depth m and variable weights norm w", 2),
                                (None, "References", 1), ("A", "Appendix", 1), ("D.8", "VTAB BREAKDOWN", 2)]


def test_small_capitals_make_a_heading_only_at_about_body_size():
    # amsart and IEEE-like classes set numbered headings in a small-capitals font at (about) body size;
    # the text layer gives them in mixed case. Small capitals in smaller type (a table's row label at
    # 0.9x) are not headings. The two sizes bracket the 0.95x threshold from both sides.
    doc = pymupdf.open()
    page = Page(doc)
    _title_and_abstract(page, "Counting Things Carefully")
    page.line("1. Introduction", "cour", 9.5)  # renamed below to a small-capitals font
    page.paragraph()
    page.line("2. Method", "cour", 9.5)
    page.paragraph()
    page.line("3. Ablation grid", "cour", 9.0)
    page.paragraph()
    for font in page.page.get_fonts():
        if font[3] == "Courier":
            doc.xref_set_key(font[0], "BaseFont", "/CMCSC10")
    paper = _parse(doc)
    assert [(s.number, s.title) for s in paper.sections] == [("1", "Introduction"), ("2", "Method")]
    assert "Ablation grid" in paper.sections[-1].text


def _equation_doc(runs: list[tuple[str, str, float]], subscript: tuple[str, float, float] | None = None):
    """A page with prose, one display equation numbered "(4)" and more prose. The equation is made of
    `runs` (fonts "tiit" become a math italic, "SY" is the Symbol font), or else is "v" with a lowered
    `subscript` (text, x of what follows it, size) and "= x + y"."""
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Method", "tibo", 12)
    page.paragraph()
    page.skip(4)
    baseline = page.y
    if runs:
        _runs(page, runs, x=250)
    else:
        page.y += 12.5
    if subscript:  # "v", the subscript and "= x + y" as one text object, so one line of the text layer
        text, x, size = subscript
        italic = pymupdf.Font("tiit")
        writer = pymupdf.TextWriter(page.page.rect)
        writer.append((250, baseline), "v", font=italic, fontsize=10)
        writer.append((250 + italic.text_length("v", 10), baseline + 2.5), text, font=italic, fontsize=size)
        writer.append((x, baseline), "= x + y", font=italic, fontsize=10)
        writer.write_text(page.page)
    page.page.insert_text((500, baseline), "(4)", fontname="tiro", fontsize=10)
    page.skip(6)
    page.paragraph("The loss above is minimised with plain gradient descent and a fixed step size in all runs.", 1)
    for font in page.page.get_fonts():  # TeX's math italic, so the equation reads as math
        if font[3] == "Times-Italic":
            doc.xref_set_key(font[0], "BaseFont", "/CMMI10")
    return doc


def _equation(paper):
    return next(p for s in paper.sections for p in s.paragraphs if p.equation == "4")


def test_a_display_equation_with_glyphs_the_text_cannot_name_is_drawn_from_the_page():
    # Big brackets built from pieces of the Symbol font come out as private-use code points.
    paper = _parse(_equation_doc([("L", "tiit", 10), (" = ", "tiro", 10), ("\uf8eb", "SY", 10), ("x", "tiit", 10),
                                  (" + ", "tiro", 10), ("y", "tiit", 10), ("\uf8f6", "SY", 10)]))
    equation = _equation(paper)
    assert equation.render_as_image and equation.page == 1
    assert equation.bbox is not None and equation.bbox[0] < 255 and equation.bbox[2] > 500
    assert "x + y" in equation.text
    assert not any(0xE000 <= ord(ch) <= 0xF8FF or ch == "\ufffd" for s in paper.sections for p in s.paragraphs
                   for ch in p.text)


def test_a_display_equation_with_subscripts_is_drawn_from_the_page_and_a_plain_one_is_text():
    # "v" with a lowered "ij" reads "vij" in the text layer: flat, so the page's pixels are shown.
    flat = _equation(_parse(_equation_doc([], ("ij", 270, 7))))
    assert flat.render_as_image and "vij" in flat.text
    plain = _equation(_parse(_equation_doc([("w", "tiit", 10), (" = ", "tiro", 10), ("x + y", "tiit", 10)])))
    assert not plain.render_as_image and plain.text.startswith("w = x + y")


def test_bold_paragraph_leads_and_a_venue_line_at_the_foot_are_no_sections():
    # Justified two-column text: "Goal-oriented Metrics" in bold with the paragraph going on beside it
    # after a wide space, a bold lead broken across lines ("Text Su-" / "pervision ..."), and a venue
    # line alone at the foot of the first page.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Survey of Navigation", "tibo", 16)
    page.skip(10)
    page.line("1 Evaluation", "tibo", 12)
    page.paragraph()
    page.page.insert_text((72, page.y), "Goal-oriented Metrics", fontname="tibo", fontsize=10)
    page.page.insert_text((72 + pymupdf.get_text_length("Goal-oriented Metrics", "tibo", 10) + 16, page.y),
                          "mainly consider the distance to the goal and", fontname="tiro", fontsize=10)
    page.y += 12.5
    page.paragraph()
    page.line("Visual Representation Learning from Text Su-", "tibo")
    page.page.insert_text((72, page.y), "pervision", fontname="tibo", fontsize=10)
    page.page.insert_text((72 + pymupdf.get_text_length("pervision ", "tibo", 10), page.y),
                          "Visual representation learning is a long standing problem of the field.",
                          fontname="tiro", fontsize=10)
    page.y += 12.5
    page.paragraph()
    # BERT's "Task #2: ..." lead filling its justified line, the paragraph going on right under it.
    lead = "Task #2: Predicting Neighbouring Sentences Across Documents"
    right = 72 + pymupdf.get_text_length(lead, "tibo", 10)
    page.line(lead, "tibo")
    page.line("We train every model for ninety epochs with the")
    last = "same schedule and report the mean of three seeds."
    page.line(last, x=right - pymupdf.get_text_length(last, "tiro", 10))  # the justified right edge
    page.skip(6)
    page.page.insert_text((480, 760), "ICASSP 2017", fontname="tiro", fontsize=10)
    second = Page(doc)
    second.line("2 Methods", "tibo", 12)
    second.paragraph()
    paper = _parse(doc)
    assert [(s.number, s.title) for s in paper.sections] == [("1", "Evaluation"), ("2", "Methods")]
    assert all(lead in paper.sections[0].text for lead in ("Goal-oriented Metrics", "Text Su", "Task #2"))
    # the broken lead is one word again, and its paragraph one paragraph
    assert any(p.text.startswith("Visual Representation Learning from Text Supervision Visual representation")
               for p in paper.sections[0].paragraphs)


def test_subsections_in_upright_body_type_are_found_by_their_number_and_the_space_around_them():
    # Springer's svjour: "2 State of the art" in bold, "2.1 Multi-pitch detection" in the text's own
    # upright type, "2.1.1 ..." in italics. A line opening with a number inside a paragraph is text.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("2 State of the art", "tibo", 10)
    page.skip(8)
    page.line("2.1 Multi-pitch detection and note tracking")
    page.skip(8)
    page.paragraph()
    page.line("2.1.1 Feature-based multi-pitch detection", "tiit")
    page.skip(6)
    page.paragraph()
    page.line("in the second run only, while the average over all runs was lower at")
    page.line("2.2 Million frames per second, as the table shows for every setting we tried.")
    page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [("2", "State of the art", 1), ("2.1", "Multi-pitch detection and note tracking", 2),
                                ("2.1.1", "Feature-based multi-pitch detection", 3)]


def test_an_appendix_before_the_references_and_a_broken_ff_ligature():
    # JMLR: the appendix comes before the bibliography ("A.1 Network Size"), and its Type 1 fonts give
    # the "ff" ligature as U+21B5 ("E↵ect on Features").
    doc = pymupdf.open()
    page = Page(doc)
    page.line("7 Salient Features", "tibo", 12)
    page.paragraph()
    _runs(page, [("7.1 E", "tibo", 11), ("\u21b5", "SY", 11), ("ect on Features", "tibo", 11)])
    page.paragraph()
    page.line("Appendix A. A Practical Guide for Training Dropout Networks", "tibo", 12)
    page.paragraph()
    page.line("A.1 Network Size", "tibo", 11)
    page.paragraph()
    page.line("References", "tibo", 12)
    page.line("[1] A. Okafor. A study of things. 2020.")
    paper = _parse(doc)
    assert _sections(paper) == [("7", "Salient Features", 1), ("7.1", "Effect on Features", 2),
                                ("A", "A Practical Guide for Training Dropout Networks", 1), ("A.1", "Network Size", 2),
                                (None, "References", 1)]


def test_text_a_reader_highlighted_stays_text():
    # Papers saved from a PDF reader carry highlight annotations: their fills lie behind the marked
    # lines (an abstract's sentences, a heading) and must not turn them into a graphic's interior.
    doc = pymupdf.open()
    page = Page(doc)
    top = _title_and_abstract(page, "Counting Things Carefully")
    page.line("3.2 Training on Multiple GPUs", "tibo", 11)
    page.paragraph()
    page.page.add_highlight_annot(pymupdf.Rect(72, top - 10, 400, top + 25))
    page.page.add_highlight_annot(page.page.search_for("3.2 Training on Multiple GPUs")[0])
    paper = _parse(doc)
    assert [(s.number, s.title) for s in paper.sections] == [("3.2", "Training on Multiple GPUs")]
    assert paper.abstract is not None and paper.abstract.startswith("We train every model for ninety epochs")
    assert "differences we want to measure in this study" in paper.abstract


def test_a_legend_label_in_small_type_beside_the_abstract_stays_out_of_it():
    # ResNet's page 1: the legend of Figure 1 ("56-layer", 6.5 pt) stands level with the abstract's
    # first lines and comes between them in reading order.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Deep Residual Learning", "tibo", 16)
    page.skip(12)
    page.line("Abstract", "tibo", 12)
    page.page.insert_text((470, page.y - 4), "56-layer", fontname="tiro", fontsize=6.5)
    page.paragraph()
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    paper = _parse(doc)
    assert paper.abstract is not None and paper.abstract.startswith("We train every model")
    assert "56-layer" not in paper.abstract


def test_a_paragraph_lead_under_a_numbered_heading_goes_back_to_its_paragraph():
    # ACL survey: "4.3.1 Data Augmentation" with the next paragraph's bold lead right under it, the
    # paragraph's text starting beside the lead after a justified line's wide space.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("4 Methods", "tibo", 12)
    page.paragraph()
    page.line("4.3.1 Data Augmentation", "tibo")
    lead = "Trajectory-Instruction Augmentation"
    page.page.insert_text((72 + pymupdf.get_text_length(lead, "tibo", 10) + 16, page.y), "Augmenting the",
                          fontname="tiro", fontsize=9.8)  # (its box's top a hair lower: read after the lead)
    page.line(lead, "tibo")
    page.paragraph()
    page.line("4.3.2 Curriculum Learning", "tibo")
    page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [("4", "Methods", 1), ("4.3.1", "Data Augmentation", 3),
                                ("4.3.2", "Curriculum Learning", 3)]
    assert "Trajectory-Instruction Augmentation" in paper.sections[1].text


def test_an_outline_that_opens_with_the_title_gives_the_title_not_a_section():
    # Springer's bookmarks: level 1 is the paper's title (set over two lines), its sections level 2.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("J Intell Inf Syst", size=8)
    page.skip(30)
    page.line("Automatic music transcription: challenges", "tibo", 13, gap=1.15)
    page.line("and future directions", "tibo", 13)
    page.skip(10)
    page.line("Emmanouil Benetos", "tibo", 9.5)
    page.skip(20)
    page.line("Abstract Automatic music transcription is considered by many to be a key enabling technology.")
    page.skip(10)
    page.line("1 Introduction", "tibo", 11)
    page.paragraph()
    page.line("2 State of the art", "tibo", 11)
    page.paragraph()
    doc.set_toc([[1, "Automatic music transcription: challenges and future directions", 1],
                 [2, "Introduction", 1, {"kind": pymupdf.LINK_GOTO, "page": 0, "to": pymupdf.Point(72, 200)}],
                 [2, "State of the art", 1, {"kind": pymupdf.LINK_GOTO, "page": 0, "to": pymupdf.Point(72, 300)}]])
    paper = _parse(doc)
    assert paper.title == "Automatic music transcription: challenges and future directions"
    assert [s.title for s in paper.sections][:2] == ["Introduction", "State of the art"]


def test_an_acknowledgements_heading_the_outline_leaves_out_is_a_section():
    # hyperref bookmarks \section but not \section*: the outline of a NeurIPS or JMLR paper lists its
    # numbered sections and stops short of the printed "Acknowledgements" over its paragraph.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Study of Training Schedules", "tibo", 16)
    page.skip(20)
    for number, title in (("1", "Introduction"), ("2", "Method"), ("3", "Conclusion")):
        page.line(f"{number} {title}", "tibo", 12)
        page.paragraph()
    page.line("Acknowledgements", "tibo", 12)
    page.paragraph("We thank the reviewers and the people who kept the cluster running through the winter.", 1)
    page.line("References", "tibo", 12)
    page.line("[1] A. Author. A paper about schedules. In Proceedings of a venue, 2019.")
    doc.set_toc([[1, "1 Introduction", 1], [1, "2 Method", 1], [1, "3 Conclusion", 1]])
    paper = _parse(doc)
    assert _sections(paper) == [("1", "Introduction", 1), ("2", "Method", 1), ("3", "Conclusion", 1),
                                (None, "Acknowledgements", 1), (None, "References", 1)]
    assert "kept the cluster running" in paper.sections[3].text
    assert "kept the cluster running" not in paper.sections[2].text


LONG_TITLE = ["Deep Residual Adapters: Learning Less by Sharing", "More Layers across Many Different Tasks"]


@pytest.mark.parametrize(("title", "printed"), [
    (["Deep Residual Adapters: Learning Less"], ["Appendix for “Deep Residual Adapters: Learning Less”"]),
    (LONG_TITLE, ["Appendix for “" + LONG_TITLE[0], LONG_TITLE[1] + "”"]),
    (["Deep Residual Adapters: Learning Less"], ["Supplementary Material", "Deep Residual Adapters"])])
def test_a_supplements_repeated_title_is_no_section(title, printed):
    # BERT's and Rahman et al.'s arXiv copies bind a supplement after the references that opens with
    # the paper's title printed again ("Appendix for “BERT: ...”"; "Supplementary Material" over the
    # title): it names the supplement, it is no section. It still ends the bibliography, and the text
    # under it is kept.
    doc = pymupdf.open()
    page = Page(doc)
    for text in title:
        page.line(text, "tibo", 16)
    page.skip(20)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    page.line("References", "tibo", 12)
    page.line("Ada Okafor. A paper about adapters. In Proceedings of a venue, 2019.")
    page = Page(doc)
    for text in printed:
        page.line(text, "tibo", 14)
    page.skip(8)
    page.paragraph("We organize the appendix into three parts that follow the order of the paper itself.", 1)
    page.line("A Additional Details", "tibo", 12)
    page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [("1", "Introduction", 1), (None, "References", 1), ("A", "Additional Details", 1)]
    assert len(paper.references) == 1
    assert "We organize the appendix" in paper.sections[2].text


def test_outline_entries_with_broken_pages_or_lower_case_titles_keep_their_printed_numbers():
    # JMLR's dropout paper bookmarks its appendices with destinations on pages 1 and 4, behind the
    # entries before them, and titles them without "Appendix A." (the title itself starts with "A").
    # word2vec Explained bookmarks "B wevi: Word Embedding Visual Inspector": a letter before a
    # lower-case word reads as an article, but after appendix A it is appendix B.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Study of Dropout", "tibo", 16)
    page.skip(20)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    page = Page(doc)
    page.line("2 Conclusion", "tibo", 12)
    page.paragraph()
    page = Page(doc)
    page.line("Appendix A. A Practical Guide for Training", "tibo", 12)
    page.paragraph()
    page.line("B wevi: Word Embedding Visual Inspector", "tibo", 12)
    page.paragraph()
    doc.set_toc([[1, "Introduction", 1], [1, "Conclusion", 2], [1, "A Practical Guide for Training", 1],
                 [1, "B wevi: Word Embedding Visual Inspector", 3]])
    paper = _parse(doc)
    assert _sections(paper) == [("1", "Introduction", 1), ("2", "Conclusion", 1),
                                ("A", "A Practical Guide for Training", 1),
                                ("B", "wevi: Word Embedding Visual Inspector", 1)]
    assert [s.page for s in paper.sections] == [1, 2, 3, 3]
    assert all(s.paragraphs for s in paper.sections)


def test_a_numbered_heading_in_large_type_may_end_with_a_period():
    # A CVPR submission's appendix heading "7. A. Proof of Theorem 1." ends with a period, as run-in
    # paragraph heads do; set in larger type on a line of its own, it is a section all the same.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("6. Conclusion", "tibo", 12)
    page.paragraph()
    page.line("7. A. Proof of Theorem 1.", "tibo", 12)
    page.paragraph()
    page.line("Worker Failure.", "tibo")
    page.paragraph()
    # BERT's appendix: a bold subsection heading at the text's size, wrapped with a hanging indent.
    page.line("7.1 Detailed Descriptions for the GLUE", "tibo")
    page.line("Benchmark Experiments.", "tibo", x=90)
    page.paragraph()
    page.line("7.2. Lemma.", "tibo")  # amsthm's \swapnumbers, its statement on the next line
    page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [("6", "Conclusion", 1), ("7", "A. Proof of Theorem 1", 1),
                                ("7.1", "Detailed Descriptions for the GLUE Benchmark Experiments", 2)]


def test_an_image_in_a_heading_leaves_no_file_name_in_its_bookmarked_title():
    # Plan4MC: "5.5 Obtain Stone Pickaxe [icon] with Bare Hands". hyperref writes the
    # \includegraphics arguments into the bookmark: "[scale=0.4,align=c]minecraft/stonepickaxe.png".
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    lead = "2 Obtain Stone Pickaxe"
    page.page.draw_rect((72 + pymupdf.get_text_length(lead, "tibo", 12) + 4, page.y - 10,
                         72 + pymupdf.get_text_length(lead, "tibo", 12) + 16, page.y + 2), fill=(0.3, 0.2, 0.1))
    page.page.insert_text((72 + pymupdf.get_text_length(lead, "tibo", 12) + 20, page.y), "with Bare Hands",
                          fontname="tibo", fontsize=12)
    page.line(lead, "tibo", 12)
    page.paragraph()
    page.line("3 Conclusion", "tibo", 12)
    page.paragraph()
    doc.set_toc([[1, "1 Introduction", 1],
                 [1, "2 Obtain Stone Pickaxe [scale=0.4,align=c]minecraft/stonepickaxe.png with Bare Hands", 1],
                 [1, "3 Conclusion", 1]])
    paper = _parse(doc)
    assert _sections(paper) == [("1", "Introduction", 1), ("2", "Obtain Stone Pickaxe with Bare Hands", 1),
                                ("3", "Conclusion", 1)]
    assert paper.sections[1].paragraphs


def test_body_text_after_a_run_in_abstract_is_kept_when_no_heading_opens_it():
    # A 1994 IEEE scan: "Abstract—" runs into its paragraph, and the introduction's heading ("I.
    # INTRODUCTION" in OCR'd small capitals) is not found. Its text is the body's, in a section
    # without a heading, not dropped as front matter.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Learning Long-Term Dependencies Is Difficult", "tibo", 18)
    page.skip(12)
    page.line("Abstract- Recurrent networks can map input sequences to output sequences, but they")
    page.line("are hard to train when the dependencies to be captured span long intervals of time.")
    page.skip(14)
    opening = "We are interested in training recurrent networks to map input sequences to output sequences."
    page.line(opening)
    page.paragraph()
    second = Page(doc)
    second.line("2 Minimal Task", "tibo", 12)
    second.paragraph()
    paper = _parse(doc)
    assert paper.abstract.startswith("Recurrent networks can map")
    first = paper.sections[0]
    assert (first.number, first.title) == (None, "") and first.label == "Text before the first heading"
    assert first.paragraphs[0].text.startswith(opening)
    assert [s.title for s in paper.sections[1:]] == ["Minimal Task"]
    assert paper.introduction is first  # what pass 1 reads as the introduction


def test_ieee_membership_grades_after_the_names_are_no_authors():
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Learning Long-Term Dependencies Is Difficult", "tibo", 18)
    page.skip(6)
    page.line("Yoshua Bengio, Patrice Simard, and Paolo Frasconi, Student Member, IEEE", x=120)
    page.abstract_and_introduction(x=270)
    paper = _parse(doc)
    assert paper.authors == ("Yoshua Bengio", "Patrice Simard", "Paolo Frasconi")


def test_pieces_of_formulas_and_sentences_in_large_type_are_no_headings():
    # A 1994 paper whose broken font gives odd sizes: a formula's pieces ("C C", "2 m"), the tail of a
    # sentence ("ABCD is large.)") and a lemma's head ("Lemma 2 if k > 1") came out as headings.
    printed = ("1 Introduction", "C C", "1 2 m", "ABCD is large.)", "Lemma 2 if k > 1",
               "In both the AIS and SETM algorithms (see", "2 Discovering Large Itemsets")
    assert _headed_sections([(text, "tibo", 12) for text in printed], repeat=2) == \
        [("1", "Introduction", 1), ("2", "Discovering Large Itemsets", 1)]


def test_an_elsevier_masthead_is_no_title_and_affiliation_letters_are_no_part_of_names():
    # Elsevier: the journal's name in 14 pt between "Contents lists available at ScienceDirect" and
    # "journal homepage: ...", above the title in the same size; the authors in the title's face at
    # 11 pt with affiliation letters and a starred mark ("Haytham M. Fayek a,⇤").
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Contents lists available at ScienceDirect", size=8, x=219)
    page.line("Neural Networks", size=14, x=239)
    page.line("journal homepage: www.elsevier.com/locate/neunet", size=8, x=196)
    page.skip(20)
    page.line("Evaluating deep learning architectures for", size=14)
    page.line("Speech Emotion Recognition", size=14)
    page.line("Haytham M. Fayek a,*, Margaret Lech a, Lawrence Cavedon b", size=11)
    page.abstract_and_introduction()
    paper = _parse(doc)
    assert paper.title == "Evaluating deep learning architectures for Speech Emotion Recognition"
    assert paper.authors == ("Haytham M. Fayek", "Margaret Lech", "Lawrence Cavedon")


@pytest.mark.parametrize("bookmarked", [False, True])
def test_a_subtitle_a_size_smaller_under_the_title_joins_it_after_a_colon(bookmarked):
    # Springer (svjour): "Survey on automatic transcription of music" in 16 pt bold, the subtitle
    # "Historical overview of techniques" in 12 pt bold a little lower; the authors in 10 pt bold.
    # The outline may open with the title at level 1 and the subtitle at level 2: neither is a section.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Survey on automatic transcription of music", "tibo", 16, gap=1.6)
    page.line("Historical overview of techniques", "tibo", 12, gap=2.2)
    page.line("Tiago Fernandes Tavares, Romis Attux", "tibo", 10)
    page.abstract_and_introduction()
    if bookmarked:
        doc.set_toc([[1, "Survey on automatic transcription of music", 1], [2, "Historical overview of techniques", 1],
                     [3, "Abstract", 1], [3, "1 Introduction", 1]])
    paper = _parse(doc)
    assert paper.title == "Survey on automatic transcription of music: Historical overview of techniques"
    assert paper.authors == ("Tiago Fernandes Tavares", "Romis Attux")
    assert [(s.number, s.title) for s in paper.sections] == [("1", "Introduction")]


def test_bookmarked_run_in_labels_are_no_sections():
    # The Royal Society's back matter: "Ethics. Animal housing ...", "Funding. This work ..." are
    # run-in labels of their paragraphs, but the PDF outline lists them as subsections.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Discussion", "tibo", 12)
    page.paragraph()
    for label, text in (("Ethics.", "Animal housing and welfare were in compliance with the rules of the house."),
                        ("Funding.", "This work was supported by a grant that paid for the birds and their food.")):
        page.page.insert_text((72, page.y), label, fontname="tibo", fontsize=9)
        page.page.insert_text((72 + pymupdf.get_text_length(label + " ", "tibo", 9), page.y), text,
                              fontname="tiro", fontsize=8)
        page.y += 11
    doc.set_toc([[1, "Discussion", 1], [2, "Ethics", 1], [2, "Funding", 1]])
    paper = _parse(doc)
    assert [(s.number, s.title) for s in paper.sections] == [("1", "Discussion")]
    assert "Funding. This work was supported" in paper.sections[0].text


def test_bookmarks_with_bibtex_keys_name_headings_as_printed_and_a_squared_capital_is_kept():
    # ACL: "\subsection{M$^2$ \citep{dahlmeier-ng-2012-better}}" prints "2.1 M² (Dahlmeier and Ng, 2012)"
    # and bookmarks "M2 dahlmeier-ng-2012-better"; the ² is a power in a math font, not a footnote call.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Related Work", "tibo", 12)
    page.paragraph()
    y = page.y + 6
    page.page.insert_text((72, y), "2.1", fontname="tibo", fontsize=11)
    page.page.insert_text((95, y), "M", fontname="tibo", fontsize=11)
    page.page.insert_text((95 + pymupdf.get_text_length("M", "tibo", 11), y - 4), "2", fontname="tiro", fontsize=8)
    page.page.insert_text((108, y), " (Dahlmeier and Ng, 2012)", fontname="tibo", fontsize=11)
    page.y = y + 16
    page.paragraph()
    page.line("2.2 ERRANT (Bryant et al., 2017)", "tibo", 11)
    page.paragraph()
    doc.set_toc([[1, "Related Work", 1], [2, "M2 dahlmeier-ng-2012-better", 1],
                 [2, "ERRANT bryant-etal-2017-automatic", 1]])
    paper = _parse(doc)
    assert [(s.number, s.title) for s in paper.sections] == [
        ("1", "Related Work"), ("2.1", "M2 (Dahlmeier and Ng, 2012)"), ("2.2", "ERRANT (Bryant et al., 2017)")]


def test_a_bold_heading_with_a_math_variable_wrapped_onto_a_second_line_is_whole():
    # ICCV: "2.2.1 L₂ Feature Regularization Makes Optimization" / "Easier": the L in the math italic,
    # its subscript in a roman math font, every word in bold; the title runs onto a second line.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("2.2 Case Study", "tibo", 12)
    page.paragraph()
    y = page.y + 6
    page.page.insert_text((72, y), "2.2.1", fontname="tibo", fontsize=10)
    page.page.insert_text((102, y), "L", fontname="tiit", fontsize=10)
    page.page.insert_text((108, y + 1.5), "2", fontname="tiro", fontsize=7)
    page.page.insert_text((114, y), "Feature Regularization Makes Optimization", fontname="tibo", fontsize=10)
    page.page.insert_text((102, y + 12), "Easier", fontname="tibo", fontsize=10)
    page.y = y + 30
    page.paragraph()
    paper = _parse(doc)
    assert [(s.number, s.title) for s in paper.sections] == [
        ("2.2", "Case Study"), ("2.2.1", "L2 Feature Regularization Makes Optimization Easier")]


def _elsevier_front(page: Page, label_font: str) -> None:
    """An Elsevier journal's first page down to the body: title, names, affiliations, dates, and the
    keywords in a shaded box beside the boxed abstract, whose label opens its first line."""
    page.line("Clustering and classification of email contents", "cobo", 20, x=54)
    page.skip(10)
    page.line("Ada Okafor a, Bo Lindqvist b", "cobo", 14, x=54)
    page.skip(10)
    page.line("a Department of Computer Science, Boise State University, USA", "coit", 9, x=54)
    page.line("b Yarmouk University, Jordan", "coit", 9, x=54)
    page.skip(20)
    page.line("Received 3 September 2013; revised 12 February 2014; accepted 13 March 2014", size=9, x=54)
    page.line("Available online 7 January 2015", size=9, x=54)
    page.skip(30)
    top = page.y
    page.page.draw_rect(pymupdf.Rect(54, top - 12, 180, top + 60), color=None, fill=(0.9, 0.9, 0.9))
    for keyword in ("KEYWORDS", "Emails classification;", "Document similarity;", "Feature extraction"):
        page.line(keyword, size=8, x=62)
    page.y = top
    words = PROSE.split() * 2
    page.page.insert_text((192, page.y), "Abstract", fontname=label_font, fontsize=8.5)
    after = 192 + pymupdf.get_text_length("Abstract ", "tibo", 8.5)  # (where the label ends as read)
    page.page.insert_text((after, page.y), " ".join(words[:13]), fontname="tiro", fontsize=8.5)
    page.y += 11
    for start in range(13, len(words), 15):
        page.line(" ".join(words[start:start + 15]), size=8.5, x=192)
    page.skip(30)


def _two_columns(page: Page, columns: list[list[str]], font: str) -> None:
    top = page.y
    words = PROSE.split()
    for x, heads in zip((54, 311), columns):
        page.y = top
        for head in heads:
            page.line(head, font, 9, x=x)
            page.skip(6)
            for start in range(0, 36, 9):
                page.line(" ".join(words[start:start + 9]), size=9, x=x)
            page.skip(6)


def _headed_sections(headings: list[tuple[str, str, float]], toc: list | None = None, repeat: int = 1) -> list[tuple]:
    """The sections read from a page of headings (text, font, size), each over a paragraph (`repeat`
    times the sample prose)."""
    doc = pymupdf.open()
    page = Page(doc)
    for text, font, size in headings:
        page.line(text, font, size)
        page.paragraph(repeat=repeat)
    if toc:
        doc.set_toc(toc)
    return _sections(_parse(doc))


def test_an_abstract_whose_bold_label_opens_a_line_under_the_dates_starts_at_the_label():
    # Elsevier: the boxed abstract beside the keywords box is read in one run with the dates above it
    # ("Received ...", "Available online ..."); the abstract starts at its bold label.
    doc = pymupdf.open()
    page = Page(doc)
    _elsevier_front(page, "tibo")
    _two_columns(page, [["1. Introduction"], ["2. Related work"]], "tibo")
    paper = _parse(doc)
    assert paper.abstract is not None and paper.abstract.startswith("We train every model for ninety epochs")
    assert _sections(paper) == [("1", "Introduction", 1), ("2", "Related work", 1)]


@pytest.mark.parametrize("label", ["heading", "run-in"])
def test_a_compound_broken_at_a_line_end_in_the_abstract_keeps_its_hyphen(label):
    # USENIX (Spanner): "... multi-version, globally-" / "distributed, and ..." in the abstract, the
    # title printing "Globally-Distributed": the paper's words say the hyphen is the compound's.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Spanner: A Globally-Distributed Database", "tibo", 16)
    page.skip(14)
    opening = "Spanner is a scalable, multi-version, globally-"
    if label == "heading":
        page.line("Abstract", "tibo", 12)
    else:
        opening = "Abstract: " + opening
    page.line(opening)
    page.line("distributed, and synchronously-replicated database that we built and run.")
    page.paragraph()
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    paper = _parse(doc)
    assert paper.abstract is not None and paper.abstract.startswith(
        "Spanner is a scalable, multi-version, globally-distributed, and synchronously-replicated database")


def test_an_nih_author_manuscripts_banner_and_margin_bar_leave_the_title_and_abstract():
    # An NIH author manuscript: a shaded banner at the top ("NIH Public Access" in 22 pt over
    # "Author Manuscript"), a coloured bar down the left margin of every page touching it, then
    # "Published in final edited form as:" and the journal's reference above the title in 14 pt.
    doc = pymupdf.open()
    page = Page(doc)
    blue, sand = (0.71, 0.78, 0.87), (1.0, 0.94, 0.84)
    page.page.draw_rect(pymupdf.Rect(18, 36, 36, 720), color=None, fill=blue)
    page.page.draw_rect(pymupdf.Rect(35.5, 18, 522, 74), color=blue, fill=sand)
    page.y = 36
    page.line("NIH Public Access", size=22, x=95)
    page.line("Author Manuscript", "tibo", 14, x=95)
    page.line("Vision Res. Author manuscript; available in PMC 2010 May 1.", size=11, x=95)
    page.skip(6)
    page.line("Published in final edited form as:", x=90)
    page.line("Vision Res. 2009 May; 49(10): 1154-1165.", x=96)
    page.skip(30)
    page.line("Top-down and bottom-up mechanisms in biasing competition in", "hebo", 14, x=90)
    page.line("the human brain", "hebo", 14, x=90)
    page.skip(8)
    page.line("Diane M. Beck and Sabine Kastner", "hebo", 10, x=90)
    page.abstract_and_introduction(x=90)
    paper = _parse(doc)
    assert paper.title == "Top-down and bottom-up mechanisms in biasing competition in the human brain"
    assert paper.abstract is not None and paper.abstract.startswith("We train every model")
    assert _sections(paper) == [("1", "Introduction", 1)]


def test_a_journals_name_over_its_volume_and_issue_is_no_title():
    # The Journal of Statistical Software: its name in 28 pt script at the top, "August 2014, Volume
    # 59, Issue 10." under it, then the paper's title in 17 pt bold.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Journal of Statistical Software", "tiit", 28, x=200)
    page.line("August 2014, Volume 59, Issue 10.", "tiit", 10, x=190)
    page.skip(60)
    page.line("Tidy Data", "tibo", 17, x=258)
    page.skip(12)
    page.line("Hadley Wickham", "tibo", 12, x=252)
    page.abstract_and_introduction(x=280)
    paper = _parse(doc)
    assert paper.title == "Tidy Data"


def test_an_outline_entry_goes_to_the_numbered_heading_not_a_list_item_above_it_reading_the_same():
    # JSS: a bulleted list in section 3 names the kinds of messy data ("• Column headers are values,
    # not variable names."); subsection 3.1 is headed by the first, and the bookmark omits the number.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Tidy Data", "tibo", 17)
    page.skip(20)
    page.line("1. Introduction", "tibo", 14)
    page.paragraph()
    page.line("2. Tidying messy datasets", "tibo", 14)
    page.paragraph(repeat=1)
    page.line("\u2022 Column headers are values, not variable names.", x=84)
    page.line("\u2022 Multiple variables are stored in one column.", x=84)
    page.skip(6)
    page.paragraph(repeat=1)
    page.line("2.1. Column headers are values, not variable names", "tibo", 12)
    page.paragraph()
    doc.set_toc([[1, "Introduction", 1], [1, "Tidying messy datasets", 1],
                 [2, "Column headers are values, not variable names", 1]])
    paper = _parse(doc)
    assert _sections(paper) == [("1", "Introduction", 1), ("2", "Tidying messy datasets", 1),
                                ("2.1", "Column headers are values, not variable names", 2)]
    assert "Column headers are values" in paper.sections[1].text


def test_a_bold_label_after_the_references_is_no_section():
    # JSS closes with "Affiliation:" in bold over the author's address, after the bibliography.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Tidy Data", "tibo", 17)
    page.skip(20)
    page.line("1. Introduction", "tibo", 14)
    page.paragraph()
    page.line("References", "tibo", 14)
    page.line("Codd EF (1990). The Relational Model for Database Management. Addison-Wesley.")
    page.line("Dasu T, Johnson T (2003). Exploratory Data Mining and Data Cleaning. John Wiley & Sons.")
    page.skip(12)
    page.line("Affiliation:", "tibo", 12)
    page.line("Hadley Wickham")
    page.line("RStudio and Rice University")
    paper = _parse(doc)
    assert [title for _, title, _ in _sections(paper) if title] == ["Introduction", "References"]
    assert len(paper.references) == 2
    assert "Hadley Wickham" in paper.sections[-1].text


def test_a_hyphenated_heading_in_faked_small_caps_keeps_its_number():
    # ICLR: "3.2 K-NEAREST NEIGHBORS CONVOLUTIONAL KERNEL" in faked small capitals, the hyphenated
    # word's initial in full size ("K-N" + "EAREST"), the number a wide space before it.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    page.line("3.1 DATA-DRIVEN KERNELS", "tiro", 10)
    page.skip(4)
    page.paragraph()
    page.page.insert_text((72, page.y), "3.2", fontname="tiro", fontsize=10)
    _runs(page, [("K-N", "tiro", 10), ("EAREST", "tiro", 8), (" N", "tiro", 10), ("EIGHBORS KERNEL", "tiro", 8)], x=96)
    page.skip(4)
    page.paragraph()
    paper = _parse(doc)
    assert _sections(paper)[-1] == ("3.2", "K-NEAREST NEIGHBORS KERNEL", 2)


def test_a_heading_in_faked_small_caps_ending_in_an_acronyms_plural_keeps_its_number():
    # ICLR: "3   RECOMMENDATIONS WITH RNNS", the plural's "S" a small capital after "RNN" in full size
    # ("RNN" + "S" is no initial); the number a wide space before the title.
    doc = pymupdf.open()
    page = Page(doc)
    for number, runs in (("1", [("I", 12), ("NTRODUCTION", 9.6)]),
                         ("2", [("R", 12), ("ECOMMENDATIONS WITH", 9.6), (" RNN", 12), ("S", 9.6)])):
        page.page.insert_text((72, page.y), number, fontname="tiro", fontsize=12)
        _runs(page, [(text, "tiro", size) for text, size in runs], x=90)
        page.skip(4)
        page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [("1", "INTRODUCTION", 1), ("2", "RECOMMENDATIONS WITH RNNS", 1)]


def test_a_heading_in_capitals_broken_at_a_hyphen_is_mended_from_the_papers_words():
    # VLDB: "3. DECISION TREES WITH SPARSE IN-" / "PUT DATA" in bold capitals; "input" is a word of
    # the paper, so the hyphen was the line break's.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1. INTRODUCTION", "tibo", 12)
    page.paragraph("The input of a decision tree is a table whose columns are features and whose rows are examples.", 2)
    page.line("2. DECISION TREES WITH SPARSE IN-", "tibo", 12)
    page.line("PUT DATA", "tibo", 12)
    page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [("1", "INTRODUCTION", 1), ("2", "DECISION TREES WITH SPARSE INPUT DATA", 1)]


def test_italic_subsubsections_numbered_without_a_period_are_headings():
    # IEEE Computer Society journals: "6.1.1 Pixel-Level Feature Maps" in italic sans at body size,
    # the number set apart from the words, no period after it, its paragraph right under it.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("6 FEATURES", "hebo", 12)
    page.paragraph()
    page.line("6.1 HOG Features", "hebo", 10)
    for number, title in (("6.1.1", "Pixel-Level Feature Maps"), ("6.1.2", "Spatial Aggregation")):
        _runs(page, [(number, "heit", 10), ("  ", "heit", 10), (title, "heit", 10)])
        page.y -= 1
        page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [("6", "FEATURES", 1), ("6.1", "HOG Features", 2),
                                ("6.1.1", "Pixel-Level Feature Maps", 3), ("6.1.2", "Spatial Aggregation", 3)]


def test_the_second_group_of_authors_read_in_the_right_column_is_no_section():
    # AAAI: two author groups side by side under the title, names in 12 pt bold; the right group's
    # e-mail line starts by chance at the right column's edge, so the reading order reads the group
    # at the top of the right column, after the left column's "Introduction".
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Deep Generative Framework for Paraphrase Generation", "tibo", 14.5, x=140)
    page.skip(8)
    top = page.y
    page.line("Ankush Gupta, Arvind Agarwal", "tibo", 12, x=130)
    page.line("{ankushgupta,arvagarw}@in.ibm.com", x=130)
    page.line("IBM Research Labs, New Delhi, India", x=140)
    page.y = top
    page.line("Prawaan Singh, Piyush Rai", "tibo", 12, x=344)
    page.line("prawaan@iitk.ac.in and piyush@cse.iitk.ac.in", x=320)
    page.line("Indian Institute of Technology, Kanpur", x=340)
    page.skip(20)
    column_top = page.y
    words = PROSE.split()
    page.line("Abstract", "tibo", 10, x=150)
    for start in range(0, 3 * len(words), 8):
        page.line(" ".join((words * 3)[start:start + 8]), size=9, x=60)
    page.line("Introduction", "tibo", 12, x=130)
    for start in range(0, 2 * len(words), 8):
        page.line(" ".join((words * 2)[start:start + 8]), x=54)
    page.y = column_top
    for start in range(0, 5 * len(words), 8):
        page.line(" ".join((words * 5)[start:start + 8]), x=320)
    paper = _parse(doc)
    assert [title for _, title, _ in _sections(paper)] == ["Introduction"]
    assert paper.abstract is not None and paper.abstract.startswith("We train every model")


def test_an_outline_entry_numbered_before_a_lower_case_word_keeps_its_number():
    # ICML: the bookmark "3.1.1 tanh Unit" (the unit's name in lower case), printed so.
    headings = [("3 Gated Feedback RNN", "tibo", 12), ("3.1 Practical Implementation", "tibo", 11),
                ("3.1.1 tanh Unit", "tibo", 10)]
    toc = [[level, text, 1] for level, (text, _, _) in enumerate(headings, 1)]
    assert _headed_sections(headings, toc)[-1] == ("3.1.1", "tanh Unit", 3)


def test_a_supplement_after_the_bibliography_that_the_outline_leaves_out_keeps_its_headings():
    # ICML: the paper's outline lists its sections; the supplementary material, compiled on its
    # own and appended after the references, opens a page with the title again, then "Text
    # Generation" and bold "Sample #1", "Sample #2" over the samples.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Gated Feedback Recurrent Neural Networks", "tibo", 14)
    page.skip(12)
    sections = [("1", "Introduction"), ("2", "Models"), ("3", "Tasks"), ("4", "Results"), ("5", "Conclusion")]
    for number, title in sections:
        page.line(f"{number} {title}", "tibo", 12)
        page.paragraph(repeat=1)
    page.line("References", "tibo", 12)
    page.line("Bahdanau, D. and Bengio, Y. Neural machine translation. arXiv preprint, 2014.")
    page = Page(doc)
    page.line("Supplementary Material: Gated Feedback Recurrent Neural Networks", "tibo", 14)
    page.skip(12)
    page.line("Text Generation", "tibo", 12)
    page.paragraph()
    for k in (1, 2):
        page.line(f"Sample #{k}", "tibo", 10)
        page.paragraph(repeat=1)
    doc.set_toc([[1, f"{number} {title}", 1] for number, title in sections])
    paper = _parse(doc)
    assert [(s.number, s.title) for s in paper.sections] == sections + [
        (None, "References"), (None, "Text Generation"), (None, "Sample #1"), (None, "Sample #2")]
    assert len(paper.references) == 1


def test_a_heading_read_in_a_column_over_full_width_text_far_below_it_is_its_own_block():
    # ICLR (Adam): a page with a stretch of two columns makes the short lines at the left edge
    # column lines and the full lines full width; "7.2 TEMPORAL AVERAGING" (capitals at body
    # size) stands 20 pt above its paragraph, which does not go on its line.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("7 EXTENSIONS", size=12)
    page.paragraph()
    words = PROSE.split()
    top = page.y
    for x in (72, 320):
        page.y = top
        for start in range(0, len(words), 7):
            page.line(" ".join(words[start:start + 7]), x=x)
    page.skip(14)
    page.paragraph()
    page.line("AdaMax than Adam, namely, a bound.")
    page.skip(14)
    page.line("7.2 TEMPORAL AVERAGING")
    page.skip(8)
    page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [("7", "EXTENSIONS", 1), ("7.2", "TEMPORAL AVERAGING", 2)]
    assert paper.sections[1].text.startswith("We train every model")


def test_a_bold_heading_stacked_under_a_numbered_one_is_a_heading_a_level_below():
    # ACL: "3.3 Training Techniques" with "Reward Shaping" (an unnumbered subsubsection in the same
    # bold type) on the next line, a little further down than a wrapped title's second line; the
    # unnumbered headings in the subsections' type sit a level below them. A title wrapped at its
    # own leading ("3.4 Divergent Versions: When and" / "How Many?") stays whole.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("3 Learning", "tibo", 12)
    page.paragraph(repeat=1)
    page.line("3.2 Learning of Evaluator", "tibo", 11)
    page.paragraph(repeat=1)
    page.line("Supervised Learning", "tibo", 11)
    page.paragraph(repeat=1)
    page.line("3.3 Training Techniques", "tibo", 11, gap=1.6)
    page.line("Reward Shaping", "tibo", 11)
    page.paragraph(repeat=1)
    page.line("3.4 Divergent Versions: When and", "tibo", 11, gap=1.2)
    page.line("How Many?", "tibo", 11)
    page.paragraph(repeat=1)
    page.line("4 Experiment", "tibo", 12)
    page.paragraph(repeat=1)
    paper = _parse(doc)
    assert _sections(paper) == [
        ("3", "Learning", 1), ("3.2", "Learning of Evaluator", 2), (None, "Supervised Learning", 3),
        ("3.3", "Training Techniques", 2), (None, "Reward Shaping", 3),
        ("3.4", "Divergent Versions: When and How Many?", 2), ("4", "Experiment", 1)]


def test_a_numbered_heading_whose_title_opens_with_a_bracket_is_a_heading():
    # OSDI (Parameter Server): "3.1 (Key,Value) Vectors" in 12 pt bold.
    sections = _headed_sections([("3 Architecture", "tibo", 14), ("3.1 (Key,Value) Vectors", "tibo", 12)])
    assert sections == [("3", "Architecture", 1), ("3.1", "(Key,Value) Vectors", 2)]


def test_a_scans_roman_section_numbers_read_as_digits_are_roman():
    # A scanned IEEE journal paper (1994) with an OCR text layer: "II." is read as "11.", "III." is
    # lost in a figure's text; the section headings are capitals at body size, the subsections
    # italic ("A. Simulated Annealing").
    printed = ["I. INTRODUCTION", "11. MINIMAL TASK ILLUSTRATING THE PROBLEM", "IV. LEARNING TO LATCH", "A. Analysis",
               "V. ALTERNATIVE APPROACHES", "A. Simulated Annealing", "B. Discrete Error Propagation", "VI. CONCLUSION"]
    sections = _headed_sections([(text, "tiro" if text.isupper() else "tiit", 9) for text in printed])
    assert sections == [
        ("I", "INTRODUCTION", 1), ("II", "MINIMAL TASK ILLUSTRATING THE PROBLEM", 1), ("IV", "LEARNING TO LATCH", 1),
        ("A", "Analysis", 2), ("V", "ALTERNATIVE APPROACHES", 1), ("A", "Simulated Annealing", 2),
        ("B", "Discrete Error Propagation", 2), ("VI", "CONCLUSION", 1)]


def test_a_volume_and_issue_line_under_the_title_leaves_the_title():
    # A journal that prints "Volume 12, Issue 3" under the title and names: no masthead above it.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Counting Things Carefully", "tibo", 17, x=200)
    page.line("Ada Okafor", x=250)
    page.line("Journal of Counting, Volume 12, Issue 3, 2020", size=8, x=220)
    page.abstract_and_introduction(x=280)
    paper = _parse(doc)
    assert paper.title == "Counting Things Carefully"
    assert paper.authors == ("Ada Okafor",)


def test_addresses_countries_and_campuses_under_the_names_are_no_authors():
    # Under the names: a street address with its postcode, a city and country, a campus ("UC
    # Berkeley"), JMLR's "Editor: ..." line; none of them names an author.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Top-down and bottom-up mechanisms in biasing competition", "hebo", 14)
    page.skip(8)
    for text, font in (("Diane M. Beck and Sabine Kastner", "hebo"), ("405 North Mathews Ave., Urbana, IL 61801", "helv"),
                       ("New Delhi, India", "helv"), ("UC Berkeley", "helv"), ("Editor: Samy Bengio", "helv")):
        page.line(text, font, 10)
    page.abstract_and_introduction()
    paper = _parse(doc)
    assert paper.authors == ("Diane M. Beck", "Sabine Kastner")


def test_names_set_apart_by_wide_spaces_are_several_authors():
    # CVPR and ICCV: "Ross Girshick   Jeff Donahue   Trevor Darrell" on one line, no commas, the
    # names a wide space apart, some with a raised mark ("Chunshui Cao†", "Liang Wang♮").
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Rich feature hierarchies for accurate object detection", "tibo", 14, x=100)
    page.skip(10)
    for row in (["Ross Girshick", "Jeff Donahue", "Trevor Darrell"], ["Chunshui Cao\u2020", "Liang Wang\u266e"]):
        x = 150.0
        for name in row:
            page.page.insert_text((x, page.y), name, fontname="tiro", fontsize=12)
            x += pymupdf.get_text_length(name, "tiro", 12) + 12
        page.y += 15
    page.line("UC Berkeley", size=12, x=260)
    page.abstract_and_introduction(x=150)
    paper = _parse(doc)
    assert paper.authors == ("Ross Girshick", "Jeff Donahue", "Trevor Darrell", "Chunshui Cao", "Liang Wang")


@pytest.mark.parametrize("label", ["Keywords", "Key words"])
def test_the_abstract_ends_at_the_keywords_after_it(label):
    # NIH manuscript: "Keywords" in bold under the abstract, then the introduction without a heading
    # (Springer and Elsevier print "Key words"; neither is a section);
    # JMLR, KDD, IEEE: the keywords or index terms run on in the abstract's paragraph.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Top-down and bottom-up mechanisms in biasing competition", "hebo", 14)
    page.skip(12)
    page.line("Abstract", "hebo", 12)
    page.paragraph(repeat=1)
    page.line(label, "hebo", 10)
    page.line("Visual attention; Suppression; Brain; Bias; fMRI")
    page.skip(10)
    page.paragraph("Suppose that you are looking for a face in a crowd. Two basic phenomena occur while processing that scene.")
    page = Page(doc)
    page.line("1. Multiple stimuli compete", "hebo", 12)
    page.paragraph()
    paper = _parse(doc)
    assert paper.abstract == PROSE
    assert "Suppose that you are looking" in paper.sections[0].text
    assert label not in [s.title for s in paper.sections]
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Dropout: A Simple Way to Prevent Overfitting", "tibo", 14)
    page.skip(12)
    page.line("Abstract", "tibo", 12)
    page.paragraph(PROSE + " Keywords: neural networks, regularization, model combination", repeat=1)
    page.line("1. Introduction", "tibo", 12)
    page.paragraph()
    assert _parse(doc).abstract == PROSE


def test_unnumbered_subsections_in_roman_under_bold_sections_of_one_size_sit_a_level_below():
    # PLOS ONE: sections and subsections both in 12 pt, without numbers; sections bold, subsections
    # roman. "Experiment" under "Evaluation" is a subsection too; "Conclusion" is a section.
    printed = [("Introduction", "hebo"), ("Compositional model", "hebo"), ("Model structure", "helv"),
               ("Learning", "helv"), ("Evaluation", "hebo"), ("Experiment", "helv"), ("Conclusion", "hebo")]
    sections = _headed_sections([(text, font, 12) for text, font in printed])
    assert sections == [(None, "Introduction", 1), (None, "Compositional model", 1), (None, "Model structure", 2),
                        (None, "Learning", 2), (None, "Evaluation", 1), (None, "Experiment", 2), (None, "Conclusion", 1)]


@pytest.mark.parametrize("label_rise", [0.0, 1.0])
def test_a_boxed_abstract_beside_a_keywords_column_under_a_drawn_band_is_whole(label_rise):
    # Elsevier's first page: a band ruled across the page holds "ARTICLE INFO" and "ABSTRACT"; under
    # it the keywords, short lines in small type, stand level with the abstract's lines at the right.
    # The keywords grow the band's box line by line; the abstract's lines must not go into it, nor
    # its first line when the first label's top stands a point above that line's ("Article history:"
    # grows the box down level with it before the line is read).
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Conditional Advancement of Learning Algorithms", "tibo", 16)
    page.line("Kevin Bronik, Le Zhang", "tiro", 10.5)
    page.skip(10)
    band = pymupdf.Rect(72, page.y, 540, page.y + 30)
    page.page.draw_line((72, band.y0), (540, band.y0), width=0.5)
    page.page.draw_line((72, band.y1), (180, band.y1), width=0.5)
    page.page.draw_line((200, band.y1), (540, band.y1), width=0.5)
    page.page.insert_text((74, band.y0 + 20), "ARTICLE INFO", fontname="tibo", fontsize=9)
    page.page.insert_text((200, band.y0 + 20), "ABSTRACT", fontname="tibo", fontsize=9)
    top = band.y1 + 7
    keywords = ["Article history:", "Machine learning", "Neural networks", "Fuzzy inference", "Segmentation",
                "Validation metrics", "Loss functions"]
    for k, word in enumerate(keywords):
        page.page.insert_text((72, top - label_rise + 8.5 * k), word, fontname="tiro", fontsize=6.5)
    words = (" ".join([PROSE] * 3)).split()
    rows = [" ".join(words[start:start + 19]) for start in range(0, len(words), 19)]
    for k, row in enumerate(rows):
        page.page.insert_text((200, top + 0.4 + 9.6 * k), row, fontname="tiro", fontsize=7)
    page.y = top + 9.6 * len(rows) + 24
    page.line("1. Introduction", "tibo", 9)
    half = [" ".join(words[start:start + 7]) for start in range(0, len(words), 7)]
    for k, row in enumerate(half):  # the body in two columns
        page.page.insert_text((72, page.y + 11 * k), row, fontname="tiro", fontsize=8)
        page.page.insert_text((316, page.y - 11 + 11 * k), row, fontname="tiro", fontsize=8)
    paper = _parse(doc)
    assert paper.abstract is not None and paper.abstract.startswith("We train every model")
    assert all(row in paper.abstract for row in rows)


def test_long_questions_in_a_table_grown_by_its_answers_stay_in_the_table():
    # GPT-2's table of questions: its rules make a box round the header only (a question wider than
    # a cell stands between them and the bottom rule); each row's short answer and probability grow
    # that box down, so the long questions under the header are taken into it although the drawing's
    # own box ends at the header. None of them may come out as text.
    doc = pymupdf.open()
    page = Page(doc)
    _title_and_abstract(page, "Language Models are Multitask Learners")
    top = page.y + 10
    _rules_across(page, 100, 490, [top, top + 13])
    for x, head in ((109, "Question"), (341, "Generated Answer"), (420, "Correct"), (453, "Probability")):
        page.page.insert_text((x, top + 9), head, fontname="tiro", fontsize=7)
    rows = [("Who wrote the book the origin of species?", "Charles Darwin"),
            ("Who is the founder of the ubuntu project?", "Mark Shuttleworth"),
            ("Who is the quarterback for the green bay packers?", "Aaron Rodgers"),
            ("Who was the author of the art of war?", "Sun Tzu"),
            ("Who is regarded as the founder of psychoanalysis?", "Sigmund Freud"),
            ("Largest state in the us by land mass?", "California"),
            ("Who took the first steps on the moon in 1969?", "Neil Armstrong"),
            ("What is the meaning of shalom in english?", "peace"),
            ("Who is the largest supermarket chain in the uk?", "Tesco"),
            ("When was the first star wars film released?", "1977"),
            ("Who came up with the theory of relativity?", "Albert Einstein"),
            ("Panda is a national animal of which country?", "China"),
            ("Who is mostly responsible for writing the declaration of independence?", "Thomas Jefferson")]
    y = top + 13 + 8
    for k, (question, answer) in enumerate(rows):
        for x, text in ((109, question), (341, answer), (460, f"{80 - 2 * k}.4%")):
            page.page.insert_text((x, y), text, fontname="tiro", fontsize=7)
        page.page.insert_text((428, y - 0.5), "3", fontname="zadb", fontsize=9)  # a check mark, its top the row's highest
        y += 8
    _rules_across(page, 100, 490, [y - 4])
    page.y = y + 14
    page.line("Table 5. The most confident answers generated by the model on the development set.", size=9)
    page.skip(8)
    page.line("2 Results", "tibo", 12)
    page.paragraph()
    paper = _parse(doc)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs) + (paper.abstract or "")
    assert not [q for q, _ in rows if q[:20] in text]
    assert "We train every model" in text


def _rules_across(page: Page, x0: float, x1: float, ys: list[float]) -> None:
    for y in ys:
        page.page.draw_line((x0, y), (x1, y), width=0.5)


def test_bookmarks_with_unresolved_references_or_a_broken_word_are_named_as_printed():
    # An IEEE journal's bookmarks, written before LaTeX had resolved its references: "Proof of Lemma
    # ??" for the printed "7.1 Proof of Lemma 1", and "The Traditional Classification Pr-oblem" for a
    # heading printed over two lines broken at "PR-". A proof's run-in head ("Proof of Lemma 2. ...")
    # must not be taken for the entry; the heading is found by its number and named as printed.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Learning with Noisy Labels", "tibo", 16)
    page.skip(20)
    page.line("1 INTRODUCTION", "hebo", 10)
    page.paragraph()
    page.line("2 THE TRADITIONAL CLASSIFICATION PR-", "hebo", 10)
    page.line("OBLEM", "hebo", 10)
    page.paragraph()
    page = Page(doc)
    page.line("3 PROOF", "hebo", 10)
    page.line("Proof of Lemma 2. Let the loss be bounded; then the weighted risk converges to the true risk as the")
    page.paragraph()
    page.line("3.1 Proof of Lemma 1", "hebo", 10)
    page.paragraph()
    doc.set_toc([[1, "1 Introduction", 1], [1, "2 The Traditional Classification Pr-oblem", 1],
                 [1, "3 Proof", 2], [2, "3.1 Proof of Lemma ??", 2]])
    paper = _parse(doc)
    assert [(n, t.lower()) for n, t, _ in _sections(paper)] == [
        ("1", "introduction"), ("2", "the traditional classification problem"), ("3", "proof"),
        ("3.1", "proof of lemma 1")]


def test_an_italic_subsection_heading_wrapped_onto_a_second_line_or_led_by_a_lower_case_word_is_whole():
    # IEEEtran's italic subsections in a narrow column: "B. Consequences on Learning Requirements and"
    # / "Model Complexity" is one heading over the indented paragraph; "D. kNN-Based Methods" starts
    # with a lower-case letter and is a heading all the same.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Classification in the Presence of Label Noise", "tibo", 16)
    page.skip(20)
    page.line("I. INTRODUCTION", "tiro", 10)
    page.skip(4)
    page.paragraph()
    page.skip(4)
    page.line("II. CONSEQUENCES OF LABEL NOISE", "tiro", 10)
    page.skip(4)
    page.line("A. Effects on Accuracy", "tiit", 10)
    page.skip(2)
    page.paragraph()
    page.line("B. Consequences on Learning Requirements and", "tiit", 10)
    page.line("Model Complexity", "tiit", 10)
    page.skip(2)
    page.line(PROSE[:90], x=82)
    page.paragraph()
    page.line("D. kNN-Based Methods", "tiit", 10)
    page.skip(2)
    page.line(PROSE[:90], x=82)
    page.paragraph()
    page.line("III. EXPERIMENTS", "tiro", 10)
    page.skip(4)
    page.paragraph()
    paper = _parse(doc)
    assert [(n, t) for n, t, _ in _sections(paper)] == [
        ("I", "INTRODUCTION"), ("II", "CONSEQUENCES OF LABEL NOISE"), ("A", "Effects on Accuracy"),
        ("B", "Consequences on Learning Requirements and Model Complexity"), ("D", "kNN-Based Methods"),
        ("III", "EXPERIMENTS")]
    assert paper.sections[3].paragraphs and paper.sections[3].paragraphs[0].text.startswith("We train")


def test_the_bookmarked_biographies_of_an_ieee_journal_are_no_sections():
    # IEEEtran bookmarks "Biographies" after the references, with each author's name under it; the
    # page prints only the biographies' text (a name in bold leading each).
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Constrained Optimisation by Learning", "tibo", 16)
    page.skip(20)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    page.line("References", "tibo", 12)
    page.line("[1] A. Author, Some paper, Journal of Things, 2020.")
    page.skip(12)
    page.line("Ming Fei received the B.S. degree from a university in 2019; his research interests include learning.")
    page.line("Ling Wang received the Ph.D. degree from a university in 2010; his research interests include optimisation.")
    doc.set_toc([[1, "Introduction", 1], [1, "References", 1], [1, "Biographies", 1], [2, "Ming Fei", 1],
                 [2, "Ling Wang (Member, IEEE)", 1]])
    paper = _parse(doc)
    assert [t for _, t, _ in _sections(paper)] == ["Introduction", "References"]


def _justified(page: Page, runs: list[tuple[str, str]], size: float = 9, x: float = 49, width: float = 250) -> None:
    """One line of runs (text, font), its words spread to fill the column from `x` to `x + width`."""
    words = [(word, font) for text, font in runs for word in text.split()]
    inked = sum(pymupdf.get_text_length(word, font, size) for word, font in words)
    space = (width - inked) / (len(words) - 1)
    for word, font in words:  # (each word with its space, so that the text layer parts the words)
        page.page.insert_text((x, page.y), word + " ", fontname=font, fontsize=size)
        x += pymupdf.get_text_length(word, font, size) + space
    page.y += size * 1.1


def _column_paragraph(page: Page, text: str, font: str, size: float = 9, x: float = 49, width: float = 250) -> None:
    """A paragraph set justified in a column: full lines spread to its width, the last one not."""
    line: list[str] = []
    for word in text.split():
        if line and pymupdf.get_text_length(" ".join(line + [word]), font, size) > width:
            _justified(page, [(" ".join(line), font)], size, x, width)
            line = []
        line.append(word)
    page.line(" ".join(line), font, size, x=x, gap=1.1)


def test_a_bold_abstract_with_a_word_in_roman_italics_is_whole():
    # IEEE journals set the abstract in bold; a word it stresses is in roman italics ("the candidate
    # operators are considered as *actions*; and ..."). Its lines are still the abstract's, not a
    # paragraph of their own before the introduction.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Constrained Multi-objective Optimization with Operator Selection", "tiro", 20, x=49)
    page.line("Fei Ming, Wenyin Gong, Ling Wang", size=11, x=72)
    page.skip(20)
    top = page.y
    _column_paragraph(page, " ".join([PROSE] * 5), "tiro", 10, x=312)  # the introduction goes on in the right column
    page.y = top
    _justified(page, [("Abstract-", "tibi"), ("Solving constrained multi-objective optimization", "tibo")])
    for text in ("problems with evolutionary algorithms has attracted considerable",
                 "attention. This work proposes an online operator selection",
                 "framework assisted by deep reinforcement learning. The",
                 "dynamics of the population, including its convergence, diversity,",
                 "and feasibility, are regarded as the state; the candidate operators"):
        _justified(page, [(text, "tibo")])
    _justified(page, [("are considered as", "tibo"), ("actions", "tiit"), ("; and the improvement of the population", "tibo")])
    _column_paragraph(page, "state is treated as the reward. By using a deep network to learn a policy to estimate the "
                      "values of all actions, the framework picks the best one.", "tibo")
    page.skip(6)
    _column_paragraph(page, "Index Terms- Constrained multi-objective optimization, evolutionary algorithms, deep "
                      "reinforcement learning, operator selection", "tibo")
    page.skip(14)
    for number, initial, rest in (("I.", "I", "NTRODUCTION"), ("II.", "R", "ELATED WORK"), ("III.", "M", "ETHOD")):
        _runs(page, [(f"{number} {initial}", "tiro", 10), (rest, "tiro", 8)], x=130)  # faked small capitals
        page.skip(4)
        _column_paragraph(page, " ".join([PROSE] * 2), "tiro", 10)
    paper = _parse(doc)
    assert paper.abstract is not None and paper.abstract.startswith("Solving constrained multi-objective optimization")
    assert paper.abstract.endswith("the framework picks the best one.")
    assert _sections(paper) == [("I", "INTRODUCTION", 1), ("II", "RELATED WORK", 1), ("III", "METHOD", 1)]


def _numbered_opening(page: Page, titles: list[str], repeat: int = 2) -> None:
    """A paper's title, then sections numbered 1, 2, ... with these titles, each over a paragraph."""
    page.line("A Study of Training Schedules", "tibo", 16)
    page.skip(20)
    for number, title in enumerate(titles, 1):
        page.line(f"{number} {title}", "tibo", 12)
        page.paragraph(repeat=repeat)


def test_appendix_headings_with_math_and_the_checklist_after_the_outline_are_sections():
    # NeurIPS 2024: "A.1 β-DPO Implementation Details" (β in a math font, dropped from the bookmark:
    # "-DPO Implementation Details"); "A.4 The ablation study w.r.t. M0" (bold, "w.r.t." in bold
    # italics, M₀ in math italics: no run-in label); "NeurIPS Paper Checklist", set with \section*
    # after the last bookmark.
    doc = pymupdf.open()
    _numbered_opening(Page(doc), ["Introduction", "Method"])
    page = Page(doc)
    page.line("A Experiment", "tibo", 12)
    _runs(page, [("A.1 ", "tibo", 10), ("\u03b2", "SY", 10), ("-DPO Implementation Details", "tibo", 10)])
    page.skip(4)
    page.paragraph()
    _runs(page, [("A.4 The ablation study ", "tibo", 10), ("w.r.t. ", "tibi", 10), ("M", "tiit", 10), ("0", "tiro", 7)])
    page.skip(4)
    page.paragraph()
    page.line("B Broader Impacts", "tibo", 12)
    page.paragraph()
    page.line("NeurIPS Paper Checklist", "tibo", 12)
    page.paragraph("1. Claims. Do the main claims made in the abstract and introduction reflect the contributions?", 1)
    doc.set_toc([[1, "Introduction", 1], [1, "Method", 1], [1, "Experiment", 2], [2, "-DPO Implementation Details", 2],
                 [2, "The ablation study w.r.t. M0", 2], [1, "Broader Impacts", 2]])
    paper = _parse(doc)
    assert _sections(paper) == [("1", "Introduction", 1), ("2", "Method", 1), ("A", "Experiment", 1),
                                ("A.1", "\u03b2-DPO Implementation Details", 2), ("A.4", "The ablation study w.r.t. M0", 2),
                                ("B", "Broader Impacts", 1), (None, "NeurIPS Paper Checklist", 1)]


def test_an_acknowledgments_label_with_a_full_stop_on_a_line_of_its_own_is_a_section():
    # NeurIPS 2018: "Acknowledgments." in bold at body size on a line of its own over its paragraph,
    # after the last bookmarked section; a run-in label with its text on the same line stays text,
    # and so does a label over no paragraph (an empty skeleton's "Limitations." over "Conclusion.").
    doc = pymupdf.open()
    page = Page(doc)
    _numbered_opening(page, ["Introduction", "Conclusion"])
    for label in ("Limitations.", "Future work."):
        page.line(label, "tibo", 10)
        page.skip(6)
    page.line("Acknowledgments.", "tibo", 10)
    page.paragraph("We thank the reviewers and the people who kept the cluster running through the winter.", 1)
    _runs(page, [("Funding.", "tibo", 10), (" This work was paid for by a grant that is named here.", "tiro", 10)])
    page.skip(8)
    page.line("References", "tibo", 12)
    page.line("[1] A. Author. A paper about schedules. In Proceedings of a venue, 2019.")
    doc.set_toc([[1, "1 Introduction", 1], [1, "2 Conclusion", 1]])
    paper = _parse(doc)
    assert _sections(paper) == [("1", "Introduction", 1), ("2", "Conclusion", 1), (None, "Acknowledgments", 1),
                                (None, "References", 1)]
    assert "kept the cluster running" in paper.sections[2].text and "paid for by a grant" in paper.sections[2].text


def test_a_conclusions_heading_the_outline_leaves_out_is_a_section_where_it_is_printed():
    # ACL 2025: "Conclusions" set with \section* in the sections' own type between the last numbered
    # section and "Limitations", both left out of the bookmarks; a bold "Results" line in body type
    # is a subsection the outline's deeper levels would list, not one it left out.
    doc = pymupdf.open()
    page = Page(doc)
    _numbered_opening(page, ["Introduction", "Data", "Models", "Methods"], repeat=1)
    page.line("Results", "tibo", 10)
    page.paragraph(repeat=1)
    for title in ("Conclusions", "Limitations"):
        page.line(title, "tibo", 12)
        page.paragraph(repeat=1)
    page.line("References", "tibo", 12)
    page.line("[1] A. Author. A paper about schedules. In Proceedings of a venue, 2019.")
    doc.set_toc([[1, "Introduction", 1], [1, "Data", 1], [1, "Models", 1], [1, "Methods", 1]])
    paper = _parse(doc)
    assert _sections(paper) == [("1", "Introduction", 1), ("2", "Data", 1), ("3", "Models", 1), ("4", "Methods", 1),
                                (None, "Conclusions", 1),
                                (None, "Limitations", 1), (None, "References", 1)]


def test_a_line_of_an_italic_statement_opening_with_a_number_is_no_heading():
    # ICML: a lemma stated in italics, its sentence broken after "=" so that the next line opens
    # with "1. Let U, V be two random variables. Then": that line goes on with the statement; an
    # IEEE-style italic subsection after a finished sentence is still a heading.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Introduction", "tibo", 12)
    _column_paragraph(page, " ".join([PROSE] * 2), "tiro", 10, x=72, width=300)
    _justified(page, [("Lemma 1.", "tibo"), ("Let the variables describe a partition of the space, with", "tiit")], 10, 72, 300)
    _justified(page, [("exactly one of them for any point whose value is then =", "tiit")], 10, 72, 300)
    page.line("1. Let U, V be two random variables. Then", "tiit", 10, x=72, gap=1.2)
    page.line("d(AU, AV) < d(U, V).", "tiit", 10, x=150, gap=1.2)
    page.skip(8)
    page.line("1.1. Analysis", "tiit", 10)
    _column_paragraph(page, " ".join([PROSE] * 2), "tiro", 10, x=72, width=300)
    paper = _parse(doc)
    assert _sections(paper) == [("1", "Introduction", 1), ("1.1", "Analysis", 2)]
    assert "then = 1. Let U, V be two random variables" in paper.sections[0].text


def test_panel_titles_side_by_side_over_a_figure_are_no_heading():
    # A 1994 technical report: a figure's two panels are titled above their frames in type a point
    # larger than the body ("M.order" and "M.cust"), side by side on one baseline, far apart.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    page.skip(10)
    page.page.insert_text((160, page.y), "M.order", fontname="tiro", fontsize=11)
    page.page.insert_text((400, page.y), "M.cust", fontname="tiro", fontsize=11)
    page.skip(6)
    for x in (100, 340):
        page.page.draw_rect(pymupdf.Rect(x, page.y, x + 180, page.y + 140), color=(0, 0, 0), width=0.5)
    page.skip(160)
    page.line("Figure 1: Execution times of the three algorithms.")
    page.skip(10)
    page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [("1", "Introduction", 1)]


def test_a_run_in_abstract_going_on_over_the_page_under_the_affiliations_is_whole():
    # Springer: "Abstract" in bold runs into its paragraph, which fills page 1 down to the authors'
    # affiliations in small print and goes on, mid-sentence, at the top of page 2; the keywords and
    # the introduction follow there.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Automatic music transcription: challenges", "tibo", 14)
    page.line("Ada Okafor · Bo Lindqvist", "tibo", 10)
    page.skip(12)
    words = (" ".join([PROSE] * 9)).split()
    _runs(page, [("Abstract", "tibo", 9.5), (" " + " ".join(words[:12]), "tiro", 9.5)])
    for start in range(12, len(words), 14):
        page.line(" ".join(words[start:start + 14]), size=9.5, gap=1.2)
    page.line("measure in this study, and the wealth of musical scores and corresponding", size=9.5)
    page.y = 690
    page.line("A. Okafor, Department of Computer Science, City University London, London, UK", size=8)
    page.line("B. Lindqvist, Centre for Digital Music, Queen Mary University of London, UK", size=8)
    second = Page(doc)
    second.line("audio data now available are a rich source of training data for the methods.", size=9.5)
    second.skip(8)
    second.line("Keywords Music signal analysis, Music information retrieval", size=9.5)
    second.skip(14)
    second.line("1 Introduction", "tibo", 10)
    second.paragraph()
    paper = _parse(doc)
    assert paper.abstract is not None and paper.abstract.startswith("We train every model")
    assert paper.abstract.endswith("and corresponding audio data now available are a rich source of training data for the methods.")
    assert _sections(paper) == [("1", "Introduction", 1)]


def test_a_drop_capital_opens_the_first_word_of_its_paragraph():
    # IEEE journals open the introduction with a drop capital two lines tall ("C" in 28 pt beside
    # "ONSTRAINED multi-objective optimization problems" and the next line): it is the first word's.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Constrained Optimization with Operator Selection", "tibo", 18)
    page.skip(10)
    for number, initial, rest in (("I.", "I", "NTRODUCTION"), ("II.", "R", "ELATED WORK"), ("III.", "M", "ETHOD")):
        _runs(page, [(f"{number} {initial}", "tiro", 10), (rest, "tiro", 8)], x=130)
        page.skip(4)
        if number == "I.":
            top = page.y
            page.page.insert_text((72, top + 12), "C", fontname="tibo", fontsize=28.5)
            x = 72 + pymupdf.get_text_length("C", "tibo", 28.5) + 2
            page.line("ONSTRAINED multi-objective optimization problems (CMOPs)", x=x)
            page.line("contain multiple conflicting objective functions and constraints,", x=x)
            page.line("which widely exist in real-world applications and scientific research.")
        page.paragraph()
    paper = _parse(doc)
    assert [s.title for s in paper.sections] == ["INTRODUCTION", "RELATED WORK", "METHOD"]
    assert paper.sections[0].paragraphs[0].text.startswith(
        "CONSTRAINED multi-objective optimization problems (CMOPs) contain multiple conflicting")


def test_a_scans_heading_read_as_overlapping_pieces_of_one_row_is_whole():
    # A 1994 IEEE scan: the OCR text layer gives "111. SIMPLE", "RECURRENT", "NETWORK", "SOLUTION"
    # as pieces of one row whose boxes overlap their neighbours; they are one heading's row.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Learning Long-Term Dependencies Is Difficult", "tibo", 18)
    page.skip(10)
    for number, title in (("I.", "INTRODUCTION"), ("11.", "MINIMAL TASK"), ("111.", "SIMPLE RECURRENT NETWORK SOLUTION"),
                          ("IV.", "LEARNING TO LATCH")):
        if number == "111.":
            x = 72.0
            for word in [f"{number} SIMPLE", "RECURRENT", "NETWORK", "SOLUTION"]:
                page.page.insert_text((x, page.y), word + " ", fontname="tibo", fontsize=10)
                x += pymupdf.get_text_length(word, "tibo", 10) - 7  # (each piece's box reaches into the next)
            page.y += 12.5
        else:
            page.line(f"{number} {title}", "tibo", 10)
        page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [("I", "INTRODUCTION", 1), ("II", "MINIMAL TASK", 1),
                                ("III", "SIMPLE RECURRENT NETWORK SOLUTION", 1), ("IV", "LEARNING TO LATCH", 1)]


def test_the_title_and_names_printed_again_under_a_cover_page_are_front_matter():
    # USENIX: a cover page (title, names, the proceedings' line), then the paper's first page
    # prints title and names again above the abstract: front matter, not a section before the
    # introduction.
    doc = pymupdf.open()
    cover = Page(doc)
    cover.y = 250
    cover.line("Simple Testing Can Prevent Most Critical Failures", "hebo", 20)
    cover.line("Ding Yuan, Yu Luo, Xin Zhuang, University of Toronto", "hebo", 14)
    cover.line("This paper is included in the Proceedings of OSDI 14", "hebo", 16)
    page = Page(doc)
    page.line("Simple Testing Can Prevent Most Critical Failures", size=14.5)
    page.line("An Analysis of Production Failures in Distributed Systems", size=14.5)
    page.line("Ding Yuan, Yu Luo, Xin Zhuang, Guilherme Renna Rodrigues, University of Toronto", size=12)
    page.abstract_and_introduction()
    paper = _parse(doc)
    assert paper.title == "Simple Testing Can Prevent Most Critical Failures"
    assert paper.abstract is not None and paper.abstract.startswith("We train every model")
    assert _sections(paper) == [("1", "Introduction", 1)]


def test_acm_classification_terms_and_keywords_under_their_labels_are_front_matter():
    # ACM (2007): under the abstract, "Categories and Subject Descriptors", "General Terms" and
    # "Keywords" in the headings' type, each over its list; the introduction follows.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Dynamo: A Highly Available Key-value Store", "hebo", 18)
    page.skip(10)
    page.line("ABSTRACT", "hebo", 12)
    page.paragraph()
    for label, lines in (("Categories and Subject Descriptors", [
            "D.4.2 [Operating Systems]: Storage Management; D.4.5 [Operating Systems]:",
            "Reliability; D.4.2 [Operating Systems]: Performance; C.2.4 [Computer",
            "Communication Networks]: Distributed Systems"]),
            ("General Terms", ["Algorithms, Management, Measurement, Performance, Design, Reliability."]),
            ("Keywords", ["Fault tolerance, scalability, data storage, clustered storage, replication"])):
        page.line(label, "hebo", 12)
        for text in lines:
            page.line(text, size=9, gap=1.2)
        page.skip(6)
    for heading in ("1. INTRODUCTION", "2. BACKGROUND"):
        page.line(heading, "hebo", 12)
        page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [("1", "INTRODUCTION", 1), ("2", "BACKGROUND", 1)]


@pytest.mark.parametrize("bookmarked", [True, False])
def test_ieee_bookmarks_numbered_in_roman_with_lettered_subsections_name_the_printed_headings(bookmarked):
    # IEEEtran with hyperref bookmarks "II Recurrent Neural Networks and Graph Data" and
    # "II-A Recurrent Neural Networks (RNNs)" for "II. RECURRENT NEURAL NETWORKS AND GRAPH DATA" in
    # capitals and the italic "A. Recurrent Neural Networks (RNNs)": the number is no part of the
    # title, and a subsection is found by the letter it prints, whatever case its title starts with.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Gated Graph Recurrent Neural Networks", size=24)
    for text in ("I. INTRODUCTION", "II. RECURRENT NEURAL NETWORKS AND GRAPH DATA",
                 "A. Recurrent Neural Networks (RNNs)", "B. k-step prediction", "III. GRAPH RECURRENT NEURAL NETWORKS"):
        page.skip(8)
        page.line(text, "tiit" if text[1] == "." else "tiro", x=72 if text[1] == "." else 150)
        page.skip(5)
        page.paragraph()
    if not bookmarked:  # the headings as printed
        assert _sections(_parse(doc)) == [
            ("I", "INTRODUCTION", 1), ("II", "RECURRENT NEURAL NETWORKS AND GRAPH DATA", 1),
            ("A", "Recurrent Neural Networks (RNNs)", 2), ("B", "k-step prediction", 2),
            ("III", "GRAPH RECURRENT NEURAL NETWORKS", 1)]
        return
    doc.set_toc([[1, "I Introduction", 1], [1, "II Recurrent Neural Networks and Graph Data", 1],
                 [2, "II-A Recurrent Neural Networks (RNNs)", 1], [2, "II-B k-step prediction", 1],
                 [1, "III Graph Recurrent Neural Networks", 1]])
    assert _sections(_parse(doc)) == [
        ("I", "Introduction", 1), ("II", "Recurrent Neural Networks and Graph Data", 1),
        ("A", "Recurrent Neural Networks (RNNs)", 2), ("B", "k-step prediction", 2), ("III", "Graph Recurrent Neural Networks", 1)]


def test_a_numbered_bold_heading_printed_in_lower_case_is_a_section_when_it_names_one():
    # SIAM SDM 2019: "1 introduction", bold at body size, all in lower case as printed; the next
    # sections are "2 The Proposed Framework" and so on. A lower-case title after a number reads as a
    # list item or a sentence, unless it is a section's usual name.
    assert _headed_sections([("1 introduction", "tibo", 10), ("2 The Proposed Framework", "tibo", 10),
                             ("3 a bold list item of the text", "tibo", 10)]) == \
        [("1", "introduction", 1), ("2", "The Proposed Framework", 1)]


def test_an_elsevier_masthead_that_ends_on_the_bare_journal_address_is_no_title():
    # Elsevier (ACHA 2011): the journal's name in 14 pt between "Contents lists available at
    # ScienceDirect" and a line with only its address, "www.elsevier.com/locate/acha"; the title
    # under it is half a point smaller.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Contents lists available at ScienceDirect", size=8, x=219)
    page.skip(12)
    page.line("Applied and Computational Harmonic Analysis", size=14, x=150)
    page.skip(12)
    page.line("www.elsevier.com/locate/acha", size=8, x=230)
    page.skip(30)
    page.line("Wavelets on graphs via spectral graph theory", size=13.5)
    page.line("David K. Hammond, Pierre Vandergheynst, Remi Gribonval", size=10.5)
    page.abstract_and_introduction()
    assert _parse(doc).title == "Wavelets on graphs via spectral graph theory"


def test_a_bookmarked_appendix_heading_whose_title_opens_in_lower_case_takes_its_printed_letter():
    # NeurIPS appendix: "C k-means Precision-Recall" printed, bookmarked "k-means Precision-Recall"
    # (hyperref leaves the letter out); a lower-case title after a letter reads as a sentence
    # ("A new method") unless the bookmark names it.
    toc = [[1, "Introduction", 1], [1, "k-means Precision-Recall", 1], [1, "k-nn Precision-Recall", 1]]
    assert _headed_sections([("1 Introduction", "tibo", 12), ("C k-means Precision-Recall", "tibo", 12),
                             ("D k-nn Precision-Recall", "tibo", 12)], toc) == \
        [("1", "Introduction", 1), ("C", "k-means Precision-Recall", 1), ("D", "k-nn Precision-Recall", 1)]


def test_a_numbered_heading_with_an_equation_in_its_title_is_a_section():
    # JMLR 2010: "5. The Case π = 0 and a Hybrid Method", "6. Estimating π and Testing for π = 0" in
    # bold; an equals sign had ruled a line out as a heading (a formula in large type).
    assert _headed_sections([("1. Introduction", "tibo", 12), ("5. The Case p = 0 and a Hybrid Method", "tibo", 12),
                             ("6. Estimating p and Testing for p = 0", "tibo", 12), ("6.4 Testing for p = 0", "tibo", 12),
                             ("x = 0", "tibo", 12)]) == \
        [("1", "Introduction", 1), ("5", "The Case p = 0 and a Hybrid Method", 1),
         ("6", "Estimating p and Testing for p = 0", 1), ("6.4", "Testing for p = 0", 2)]


def _small_caps(page, x: float, y: float, text: str, size: float = 11) -> None:
    """`text` in small capitals as IEEE sets its headings: each word's first letter at `size`, the
    rest in capitals at 8/10 of it."""
    for word in text.split():
        pieces = [(word, size)] if word.endswith(".") else [(word[0].upper(), size), (word[1:].upper(), 0.8 * size)]
        for piece, at in pieces:  # (a section's number, "VII.", at full size)
            page.insert_text((x, y), piece, fontname="tiro", fontsize=at)
            x += pymupdf.get_text_length(piece, "tiro", at)
        x += pymupdf.get_text_length(" ", "tiro", size)


def test_a_table_of_contents_under_the_abstract_gives_no_sections():
    # An IEEE magazine draft: "CONTENTS" under the abstract, then one row per section, its roman
    # numeral, its title (both bold) and its page number each a line of its own; the sections,
    # headed in small capitals, start on page 2.
    doc = pymupdf.open()
    page = Page(doc)
    _title_and_abstract(page, "Learning to Solve Problems with Spiking Networks")
    page.skip(10)
    _small_caps(page.page, 280, page.y, "Contents")
    page.y += 24
    entries = [("I", "Introduction", "2"), ("II", "Methods", "2"), ("III", "The learning problem", "3"),
               ("IV", "Challenges of gradient-based learning", "3"), ("V", "Discussion", "4")]
    for number, title, at in entries:
        for x, text, font in ((90, number, "tibo"), (120, title, "tibo"), (517, at, "tiro")):
            page.page.insert_text((x, page.y), text, fontname=font, fontsize=11)
        page.y += 24
    for n, (number, title, _) in enumerate(entries):
        if n % 2 == 0:
            page = Page(doc)
        _small_caps(page.page, 200, page.y, f"{number}. {title}")
        page.y += 16
        words = (" ".join([PROSE] * 2)).split()
        for start in range(0, len(words), 13):
            page.line(" ".join(words[start:start + 13]), size=11)
        page.skip(8)
    paper = _parse(doc)
    got = [(s.number, s.title.lower(), s.page) for s in paper.sections]
    assert all(page > 1 for _, _, page in got), got  # nothing from the contents
    assert ("I", "introduction", 2) in got and ("V", "discussion", 4) in got, got


def test_a_heading_right_over_the_next_one_is_two_sections():
    # An IEEE draft: an empty section's heading "VII. IMPLEMENTATION" stands right over "VIII. APPLICATION",
    # and "IX. DISCUSSION" (its text left to write) right over "REFERENCES": read as one heading
    # wrapped over two lines, each pair became one section.
    doc = pymupdf.open()
    _title_and_abstract(Page(doc), "Learning to Solve Problems with Spiking Networks")
    words = (" ".join([PROSE] * 2)).split()
    for stack in (["I. Introduction"], ["II. Implementation", "III. Application"], ["IV. Methods"], ["V. Results"],
                  ["VI. Discussion", "References"]):
        page = Page(doc)
        for heading in stack:
            _small_caps(page.page, 200, page.y, heading)
            page.y += 17
        if stack[-1] == "References":
            for n in range(1, 4):
                page.line(f'[{n}] A. Okafor and L. Moreau, "A study of models," in Proc. Conf. Learning, 2020, pp. 1-9.')
            break
        for start in range(0, len(words), 13):
            page.line(" ".join(words[start:start + 13]), size=11)
    paper = _parse(doc)
    got = [(s.number, s.title.lower()) for s in paper.sections]
    assert got == [("I", "introduction"), ("II", "implementation"), ("III", "application"), ("IV", "methods"),
                   ("V", "results"), ("VI", "discussion"), (None, "references")], got


def test_an_ieee_small_caps_heading_with_acronyms_plurals_inside_is_a_heading():
    # IEEE SPM: "II. UNDERSTANDING SNNS AS RNNS (FRIEDEMANN)": the plural's "S" after "SNN" in full
    # size stands inside the heading, not at its end, and the line was taken for ordinary capitals,
    # so the heading was read into the paragraph under it. (A caption's sentences in small capitals,
    # "... MIXTURES. MACS ARE ...", still are no heading: the IEEE fixture keeps its table caption.)
    doc = pymupdf.open()
    page = Page(doc)
    _title_and_abstract(page, "Learning to Solve Problems with Spiking Networks")
    page = Page(doc)
    for number, runs in (("I.", [("I", 11), ("NTRODUCTION", 8.8)]),
                         ("II.", [("U", 11), ("NDERSTANDING", 8.8), (" SNN", 11), ("S", 8.8), (" AS", 8.8),
                                  (" RNN", 11), ("S", 8.8), (" (FRIEDEMANN)", 11)]),
                         ("III.", [("T", 11), ("HE", 8.8), (" L", 11), ("EARNING", 8.8), (" P", 11), ("ROBLEM", 8.8)])):
        page.page.insert_text((180, page.y), number, fontname="tiro", fontsize=11)
        _runs(page, [(text, "tiro", size) for text, size in runs], x=180 + pymupdf.get_text_length(number + " ", "tiro", 11))
        page.y += 3  # (the paragraph right under it, a little more than a line's pitch down)
        words = (" ".join([PROSE] * 2)).split()
        for start in range(0, len(words), 13):
            page.line(" ".join(words[start:start + 13]), size=11)
        page.skip(8)
    paper = _parse(doc)
    assert [(s.number, s.title) for s in paper.sections if s.number] == \
        [("I", "INTRODUCTION"), ("II", "UNDERSTANDING SNNS AS RNNS (FRIEDEMANN)"), ("III", "THE LEARNING PROBLEM")], \
        _sections(paper)


def test_a_numbered_heading_wrapped_under_its_title_in_the_code_face_is_whole():
    # EMNLP 2014: "4.7 Model Analysis: Comparison with" in bold, then "word2vec" in the typewriter
    # face on the next line, under the title, all in the text size: the heading lost its last word, which
    # stood as a paragraph of its own.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    page.page.insert_text((72, page.y), "4.7", fontname="tibo", fontsize=10)
    title_x = 72 + pymupdf.get_text_length("4.7   ", "tibo", 10)
    page.page.insert_text((title_x, page.y), "Model Analysis: Comparison with", fontname="tibo", fontsize=10)
    page.y += 13.5
    page.page.insert_text((title_x, page.y), "word2vec", fontname="cour", fontsize=10)
    page.y += 18
    page.paragraph()
    paper = _parse(doc)
    assert ("4.7", "Model Analysis: Comparison with word2vec", 2) in _sections(paper), _sections(paper)


def test_an_annexe_heading_in_small_capitals_opens_the_appendix():
    # IEEE/ACM TASLP (a French team): "ANNEXE" in faked small capitals after "VI. CONCLUSION", over
    # "A. Euclidean distance": it was read as a paragraph of the conclusion.
    doc = pymupdf.open()
    page = Page(doc)
    _title_and_abstract(page, "Harmonic and Percussive Separation with Projective Factorisation")
    page = Page(doc)
    for number, title in (("I.", "Introduction"), ("II.", "Related Work"), ("III.", "Conclusion"), ("", "Annexe")):
        _small_caps(page.page, 200, page.y, f"{number} {title}".strip(), size=10)  # (the text's size)
        page.y += 16
        if not number:
            page.line("A. Euclidean distance", "tiit", 10)
        page.paragraph()
    paper = _parse(doc)
    titles = [s.title.lower() for s in paper.sections]
    assert titles[-2:] == ["annexe", "euclidean distance"], _sections(paper)


def _introduction_after_the_abstract(doc, page: Page, heading: str, font: str, size: float) -> None:
    """The introduction's heading and a paragraph of other words under an abstract of PROSE; the
    parsed abstract must be that PROSE."""
    page.line(heading, font, size)
    page.paragraph("Open networks let anyone deploy an application near the radio, which is what this paper studies.")
    paper = _parse(doc)
    assert paper.abstract is not None and paper.abstract.startswith("We train every model for ninety epochs")


def test_the_affiliations_and_grant_lines_over_an_ieee_abstract_are_not_the_abstract():
    # IEEE Open journals: affiliations, the corresponding author and the grant, four long lines in
    # small type, over "ABSTRACT" in bold on a line of its own beside the abstract's first line.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Security Threats to Access Control in Open Networks", "hebo", 18)
    page.skip(8)
    page.line("ADA OKAFOR AND BO LINDQVIST", "hebo", 10)
    page.line("Department of Computer Science and Information Engineering, Boise State University, Boise, ID 83725, USA",
              "helv", 7)
    page.line("CORRESPONDING AUTHOR: A. OKAFOR (e-mail: ada.okafor@boisestate.example.edu)", "helv", 7)
    page.line("This work was supported in part by the Idaho Open Networks Project under Grant 2023-117, and", "helv", 7)
    page.line("by the National Science Council of the United States under Grant 111-2221-E-011-067-MY3.", "helv", 7)
    page.skip(30)
    words = PROSE.split() * 2
    page.page.insert_text((72, page.y), "ABSTRACT", fontname="hebo", fontsize=9)
    page.line(" ".join(words[:11]), x=130)
    for start in range(11, len(words), 14):
        page.line(" ".join(words[start:start + 14]))
    page.skip(12)
    _introduction_after_the_abstract(doc, page, "I. INTRODUCTION", "hebo", 9)


def test_a_block_of_long_affiliation_lines_is_not_taken_for_an_unlabelled_abstract():
    # Elsevier: the abstract's label drawn in a ruled band is not read, so the abstract is found
    # without it; the affiliations above it, one long line each, are not the abstract.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Whole slide image redundancy reduction for efficient diagnosis", "tiro", 13)
    page.skip(6)
    page.line("Ada Okafor a, Bo Lindqvist b, Cy Marsh c", "tiro", 10)
    page.skip(4)
    for aff in ("a College of Computer Science and Artificial Intelligence, Fudan University, Shanghai 200438, China",
                "b Shanghai Key Laboratory of Metabolic Remodeling and Health, Institute of Metabolism, China",
                "Zhongshan Hospital, Fudan University, Shanghai 200438, China",
                "c Hunan Provincial Key Laboratory of Intelligent Computing and Language Information, China"):
        page.line(aff, "tiro", 6.5, gap=1.3)
    page.skip(30)
    words = PROSE.split() * 2
    for start in range(0, len(words), 14):
        page.line(" ".join(words[start:start + 14]), size=7.2, x=200)
    page.skip(20)
    _introduction_after_the_abstract(doc, page, "1. Introduction", "tibo", 8)


def test_subsection_headings_in_computer_modern_bold_without_a_bold_flag_are_sections():
    # Springer LNCS on arXiv: "3.1 An O(nk) worst case ..." at body size in CMBX10, a font the PDF
    # does not flag as bold; only its name says so.
    doc = pymupdf.open()
    page = Page(doc)
    _title_and_abstract(page, "Pattern-defeating Quicksort")
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    page.line("1.1 An O(nk) worst case of sorting with k distinct keys", "cour", 10)
    page.paragraph()
    page.line("1.2 Block partitioning", "cour", 10)
    page.paragraph("One of the most important optimizations for a modern quicksort removes its branches.")
    for font in page.page.get_fonts():
        if font[3] == "Courier":
            doc.xref_set_key(font[0], "BaseFont", "/CMBX10")
    paper = _parse(doc)
    assert [(s.number, s.title) for s in paper.sections] == [
        ("1", "Introduction"), ("1.1", "An O(nk) worst case of sorting with k distinct keys"),
        ("1.2", "Block partitioning")]
    assert paper.sections[-1].paragraphs[0].text.startswith("One of the most important")


def test_a_bold_list_label_wrapping_under_its_hanging_indent_stays_one_paragraph():
    # WWW 2007: "c) **Signatures over IR-based document**" / "**vectors**: Charikar's simhash ...",
    # the label's line short of the column's edge, the next line starting under the label's text.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Near-Duplicates on the Web", "tibo", 16)
    page.skip(12)
    page.line("1 Signature schemes", "tibo", 12)
    opening = ("A simple compression scheme for shingle-based fingerprints keeps only those",
               "fingerprints whose remainder modulus p is zero, for a chosen p, and no more.")
    right = max(72 + pymupdf.get_text_length(text, "tiro", 9) for text in opening)
    for text in opening:
        page.line(text, "tiro", 9)
    page.skip(4)
    label = "Signatures over IR-based document and the"  # ends 15 pt short of the column's edge
    while 85 + pymupdf.get_text_length(label + " x", "tibo", 9) < right - 15:
        label += " x"
    page.page.insert_text((72, page.y), "c)", fontname="tiro", fontsize=9)
    page.line(label, "tibo", 9, x=85)
    page.page.insert_text((85, page.y), "vectors", fontname="tibo", fontsize=9)
    page.line(": Charikar's simhash [17] is a finger-",
              "tiro", 9, x=85 + pymupdf.get_text_length("vectors", "tibo", 9))
    for text in ("printing technique that compresses document vectors", "as we study in the rest of this paper."):
        page.line(text, "tiro", 9, x=85)
    paper = _parse(doc)
    texts = [p.text for s in paper.sections for p in s.paragraphs]
    assert any("document and the" in t and "vectors: Charikar's simhash" in t for t in texts), texts


def test_a_bookmark_with_an_acronym_in_lower_case_gives_way_to_the_printed_heading():
    # ACM (acronym package): the bookmark reads "4.2 Multi-Slice with Guaranteed prb" where the page
    # prints "4.2 Multi-Slice with Guaranteed PRBs".
    doc = pymupdf.open()
    page = Page(doc)
    _title_and_abstract(page, "Slicing the Radio Access Network")
    for number, title in (("1", "Introduction"), ("2", "Multi-Slice with Guaranteed PRBs")):
        page.line(f"{number} {title}", "tibo", 12)
        page.paragraph()
    doc.set_toc([[1, "1 Introduction", 1], [1, "2 Multi-Slice with Guaranteed prb", 1]])
    paper = _parse(doc)
    assert _sections(paper) == [("1", "Introduction", 1), ("2", "Multi-Slice with Guaranteed PRBs", 1)]


def test_an_ieee_lettered_subsection_right_under_its_section_heading_is_a_heading_of_its_own():
    # IEEE Open journals: "IV. EXPERIMENT RESULT" in bold and "A. RESEARCH QUESTION" in bold oblique on
    # the next line, set as close as two lines of a paragraph.
    doc = pymupdf.open()
    page = Page(doc)
    _title_and_abstract(page, "Security Threats to Open Networks")
    page.line("I. INTRODUCTION", "hebo", 10)
    page.paragraph()
    page.line("II. EXPERIMENT RESULT", "hebo", 10)
    page.line("A. RESEARCH QUESTION", "hebo", 10)
    page.paragraph()
    page.line("B. PRIVILEGE MANAGEMENT THREATS", "hebo", 10)
    page.paragraph()
    paper = _parse(doc)
    titles = [s.title for s in paper.sections]
    assert any(t.endswith("EXPERIMENT RESULT") for t in titles), titles
    assert any(t.endswith("RESEARCH QUESTION") and "EXPERIMENT" not in t for t in titles), titles


def test_a_scans_headings_in_plain_type_smaller_than_the_text_are_found_by_their_numbers():
    # A scan with an OCR text layer (ClearScan): no face is named bold, the headings come out a little
    # smaller than the text, their numbers apart from their titles on the row, and a subsection title
    # wraps onto a second row. A plain line whose number jumps ahead, and a list's items numbered in
    # the text's own type ("3. State Update" under section 2), stay text.
    doc = pymupdf.open()
    page = Page(doc)

    def heading(number: str, words: list[str]) -> None:
        page.skip(8)
        page.page.insert_text((72, page.y), number, fontname="tiro", fontsize=8.5)
        for row in words:
            page.page.insert_text((92, page.y), row, fontname="tiro", fontsize=8.5)
            page.y += 10
        page.skip(12)

    _title_and_abstract(page, "Probabilistic Analysis of Latent Semantics")
    heading("1", ["Introduction"])
    page.paragraph()
    heading("2", ["Latent Variable Models"])
    heading("2.1", ["Counting Words and Documents"])
    page.paragraph()
    heading("2.2", ["Fitting the Model Again: Better Generalization", "by Tempered Expectation Maximization"])
    page.paragraph()
    heading("9", ["Reasons"])
    page.paragraph()
    page = Page(doc)
    for item in ("2. Input transform", "3. State Update"):  # a list's items in the text's own type
        page.skip(10)
        page.line(item)
        page.skip(10)
        page.line("c = tanh(W x + U h + b)", x=90)
    page.skip(6)
    page.paragraph()
    heading("3", ["Experiments"])
    page.paragraph()
    paper = _parse(doc)
    assert _sections(paper) == [
        ("1", "Introduction", 1), ("2", "Latent Variable Models", 1), ("2.1", "Counting Words and Documents", 2),
        ("2.2", "Fitting the Model Again: Better Generalization by Tempered Expectation Maximization", 2),
        ("3", "Experiments", 1)]


def test_a_numbered_line_in_plain_capitals_going_back_behind_the_sections_is_no_section():
    # JMLR: bold sections "1. Introduction" ... "3. Parallel Implementation", and under section 3 an
    # algorithm's steps set as lines of their own in plain capitals, "1. FORWARD PHASE".
    doc = pymupdf.open()
    page = Page(doc)
    for title in ("1. Introduction", "2. A Neural Model", "3. Parallel Implementation"):
        page.line(title, "tibo", 12)
        page.paragraph()
    page.skip(8)
    page.line("1. FORWARD PHASE", x=90)
    page.skip(8)
    page.line("(a) Perform forward computation for the word features layer of the model.", x=100)
    page.line("(b) Perform forward computation for the hidden layer of the model.", x=100)
    page.skip(8)
    page.paragraph()
    page.line("4. Experimental Results", "tibo", 12)
    page.paragraph()
    paper = _parse(doc)
    assert [s.number for s in paper.sections] == ["1", "2", "3", "4"]


def test_an_ieee_journals_subsubsections_numbered_with_a_parenthesis_are_headings():
    # IEEE Open journals: "1) E2 SUBSCRIPTION ISSUES" in plain capitals a size below the text, on a
    # line of its own under "B. THREATS ..." under "III. ...". A list item in the text's own case is text.
    doc = pymupdf.open()
    page = Page(doc)
    _title_and_abstract(page, "Security Threats to Open Networks")
    for text, font, size in (("I. INTRODUCTION", "hebo", 10), ("II. THREAT ANALYSIS", "hebo", 10),
                             ("A. PRIVILEGE MANAGEMENT THREATS", "hebi", 9), ("1) E2 SUBSCRIPTION ISSUES", "tiro", 9),
                             ("2) TERMINATION DOS ATTACK", "tiro", 9), ("1) Open the interface to the router", "tiro", 10),
                             ("III. CONCLUSION", "hebo", 10)):
        page.skip(4)
        page.line(text, font, size)
        page.skip(2)
        page.paragraph(repeat=1)
    paper = _parse(doc)
    assert _sections(paper) == [("I", "INTRODUCTION", 1), ("II", "THREAT ANALYSIS", 1),
                                ("A", "PRIVILEGE MANAGEMENT THREATS", 2), ("1", "E2 SUBSCRIPTION ISSUES", 3),
                                ("2", "TERMINATION DOS ATTACK", 3), ("III", "CONCLUSION", 1)]


def test_bold_subsubsection_heads_the_outline_leaves_out_are_headings_but_labels_and_code_are_not():
    # ICLR 2017: "LSTM Preprocessing Layer" in bold at body size on a line of its own under "2.3 Our
    # Method" (\subsubsection*: not bookmarked). A field list's bold "Parameters" over entries set in
    # further (Sphinx), and a line of code in bold over a paragraph, head no sections.
    doc = pymupdf.open()
    page = Page(doc)
    _title_and_abstract(page, "Reading Passages with Pointers")
    words = PROSE.split()
    for text, x in (("1 Introduction", None), ("2 Method", None), ("2.1 Our Method", None),
                    ("Preprocessing Layer", 72), ("Pointer Layer", 72), ("2.2 Training", None), ("Parameters", 90),
                    ("Reporter.incrementCounter(Kind.EVEN, 1)", 72), ("3 Experiments", None), ("3.1 Data", None),
                    ("3.2 Results", None), ("4 Conclusion", None)):
        if page.y > 640:
            page = Page(doc)
        page.skip(4)
        page.line(text, "tibo", 12 if x is None else 10)
        for start in range(0, len(words), 12):
            page.line(" ".join(words[start:start + 12]), x=x + 18 if x == 90 else 72)
        page.skip(4)
    doc.set_toc([[1, "1 Introduction", 1], [1, "2 Method", 1], [2, "2.1 Our Method", 1], [2, "2.2 Training", 2],
                 [1, "3 Experiments", 2], [2, "3.1 Data", 2], [2, "3.2 Results", 2], [1, "4 Conclusion", 2]])
    paper = _parse(doc)
    assert _sections(paper) == [("1", "Introduction", 1), ("2", "Method", 1), ("2.1", "Our Method", 2),
                                (None, "Preprocessing Layer", 3), (None, "Pointer Layer", 3), ("2.2", "Training", 2),
                                ("3", "Experiments", 1), ("3.1", "Data", 2), ("3.2", "Results", 2),
                                ("4", "Conclusion", 1)]


def test_a_plots_labels_in_tiny_bold_type_are_no_headings():
    # A scanned IEEE paper (1994): a plot drawn as an image, its legend and axis titles read by the
    # OCR as text in 5 pt bold, "I Sequence Presentations, Latch Problem" ("I" a tick mark): read as
    # subsection "I" of the section above.
    printed = [("I. INTRODUCTION", "tiro", 9), ("II. THE PROBLEM", "tiro", 9), ("A. Experimental Results", "tiit", 9),
               ("I Sequence Presentations, Latch Problem", "tibo", 5), ("T Final Classification Error, Parity Problem", "tibo", 5),
               ("III. CONCLUSION", "tiro", 9), ("References", "tibo", 6)]  # (CACM's, in small type)
    sections = _headed_sections(printed)
    assert sections == [("I", "INTRODUCTION", 1), ("II", "THE PROBLEM", 1), ("A", "Experimental Results", 2),
                        ("III", "CONCLUSION", 1), (None, "References", 1)]


def test_a_subtitle_barely_larger_than_the_body_with_a_hyphened_meta_joins_the_title():
    # The title in 14.5 pt bold, under it a subtitle in 12 pt bold ("meta-" in it is no company's
    # name), the names in 12 pt bold; the body is set in 11 pt, so the subtitle is barely larger.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("The Calibration Mirage", "tibo", 14.5, gap=1.55)
    page.line("Revisiting meta-evaluation of small language models", "tibo", 12, gap=2.8)
    page.line("Ada Okafor, Bo Lindqvist", "tibo", 12, x=200)
    page.skip(14)
    page.line("Abstract", "tibo", 12)
    words = (" ".join([PROSE] * 3)).split()
    for section in ("", "1 Introduction"):
        if section:
            page.line(section, "tibo", 12, gap=1.6)
        for start in range(0, len(words), 12):
            page.line(" ".join(words[start:start + 12]), size=11)
        page.skip(8)
    paper = _parse(doc)
    assert paper.title == "The Calibration Mirage: Revisiting meta-evaluation of small language models"
    assert paper.authors == ("Ada Okafor", "Bo Lindqvist")


def test_an_indented_abstract_beside_the_right_column_is_read_whole_under_a_wide_address():
    # ACL: the names side by side over two columns, the right one's e-mail address in typewriter type
    # wider than its column and starting left of the column's edge; the abstract set in from both
    # edges of the left column, the right column's text beside it from the abstract's height on.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Sorting Document Vectors by Their Angles", "tibo", 14.5, x=160, gap=2)
    top = page.y
    for x, lines in ((130, ("Ada Okafor", "Department of Engineering", "Northern University")),
                     (370, ("Bo Lindqvist", "Department of Engineering", "Faculty of Sciences"))):
        page.y = top
        for k, text in enumerate(lines):
            page.line(text, "tibo" if k == 0 else "tiro", 12, x=x, gap=1.2)
    page.line("ada.okafor@north.ac.uk", "cour", 11, x=110)
    page.y -= 13.2
    page.line("bo.lindqvist@sciences.ac.uk", "cour", 11, x=304)
    page.skip(24)
    top = page.y
    page.line("Abstract", "tibo", 12, x=160, gap=1.6)
    words = PROSE.split()
    for k in range(0, 3 * len(words), 6):
        page.line(" ".join((words * 3)[k:k + 6]), size=10, x=89, gap=1.2)
    page.skip(16)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    for k in range(0, 3 * len(words), 7):
        page.line(" ".join((words * 3)[k:k + 7]), size=11, gap=1.2)
    page.y = top
    right = ("The weights learned this way should be smaller on the whole, and the angle between the "
             "vectors of two similar documents should be lower than between two that differ a lot. ") * 6
    words = right.split()
    for k in range(0, len(words), 7):
        page.line(" ".join(words[k:k + 7]), size=11, x=317, gap=1.2)
    paper = _parse(doc)
    assert paper.abstract.startswith("We train every model"), paper.abstract
    assert "angle" not in paper.abstract, paper.abstract


def _caps_font_renamed(doc) -> None:
    """Every page's Courier renamed to a small-capitals font's name (as Latin Modern's is), so the text
    layer reads its words as set in small capitals."""
    for page in doc:
        for xref, *_, ref, _ in page.get_fonts():
            if "Courier" in doc.xref_get_key(xref, "BaseFont")[1]:
                doc.xref_set_key(xref, "BaseFont", "/LMRomanCaps10-Regular")


def test_a_numbered_heading_in_small_capitals_after_a_roman_number_is_a_section():
    # Biometrika: "1. Introduction" centred in the body's size, its number in roman type and its words in
    # a small-capitals font; subsections "1.1. ..." in italics. The number's piece carried no letters and
    # made the heading's line not small capitals.
    doc = pymupdf.open()
    page = Page(doc)
    _title_and_abstract(page, "Subsampling Sparse Networks of Many Kinds")
    for number, title in (("1.", "Introduction"), ("2.", "General Theorems")):
        page.skip(12)
        page.page.insert_text((250, page.y), number, fontname="tiro", fontsize=11)
        page.page.insert_text((268, page.y), title, fontname="cour", fontsize=11)
        page.y += 16
        page.line(f"{number}1. Notation and Setup", "tiit", 11, x=210, gap=1.6)
        words = (" ".join([PROSE] * 2)).split()
        for start in range(0, len(words), 13):
            page.line(" ".join(words[start:start + 13]), size=11)
    _caps_font_renamed(doc)
    paper = _parse(doc)
    got = [(s.number, s.title) for s in paper.sections]
    assert got[:2] == [("1", "Introduction"), ("1.1", "Notation and Setup")], got
    assert ("2", "General Theorems") in got, got


def test_a_numbered_italic_heading_ending_in_an_upright_acronym_is_a_section():
    # IEEE (a journal's class in sans serif): "4.5.2 Application of GMX" in italics at the body's size,
    # the acronym set upright in bold by its macro, right over its paragraph's run-in "Setup." head.
    doc = pymupdf.open()
    page = Page(doc)
    _title_and_abstract(page, "Detecting Contamination in Code Models")
    page.line("4.5 Real-World Application", "tibo", 10, gap=1.6)
    page.paragraph()
    page.page.insert_text((72, page.y), "4.5.1", fontname="tiit", fontsize=10)
    page.page.insert_text((100, page.y), "Application of", fontname="tibi", fontsize=10)
    page.page.insert_text((164, page.y), "GMX", fontname="tibo", fontsize=10)
    page.y += 12.5
    page.paragraph("Setup. We apply the measure to several open models and compare what each of them gives on the "
                   "same benchmarks, because the scores should agree when no model has seen the answers.")
    paper = _parse(doc)
    got = [(s.number, s.title) for s in paper.sections]
    assert ("4.5.1", "Application of GMX") in got, got
