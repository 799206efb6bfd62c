"""Body sentences of the nineteenth split's papers (session 29), each layout fact on pages drawn here
with PyMuPDF: an outline entry that bookmarks a paragraph's run-in label with the paragraph's words
after it, and a sidebar's note in small type beside the end of an abstract carried over a page."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import PROSE, Page, _parse  # noqa: E402  (heads9's page writer and parse helper)

LEAD = "Classification of demyelinating lesions."
RUN_ON = ("Immunohistochemical analysis was employed to identify the key features needed for the "
          "classification of the lesions. Double immunostaining was performed on sections from all "
          "dissected tissue blocks to visualize the proteolipid protein and the leukocyte antigen as "
          "described before by the research group at the institute.")


def _run_in_paragraph(page: Page, lead: str, text: str, per_line: int = 15) -> None:
    """A paragraph that opens on a bold run-in label, its text going on in roman on the same line."""
    width = pymupdf.get_text_length(lead + " ", fontname="tibo", fontsize=10)
    words = text.split()
    page.page.insert_text((72, page.y), lead, fontname="tibo", fontsize=10)
    page.page.insert_text((72 + width, page.y), " ".join(words[:per_line - 4]), fontname="tiro", fontsize=10)
    page.y += 12.5
    for start in range(per_line - 4, len(words), per_line):
        page.line(" ".join(words[start:start + per_line]))


def _methods(subsection: str) -> tuple[pymupdf.Document, Page]:
    """A page with a title, "Methods" and a paragraph, the subsection's heading and a paragraph."""
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Study of Measured Things", "tibo", 16, gap=2.5)
    for name, font, size in (("Methods", "hebo", 12), (subsection, "tibo", 11)):
        page.line(name, font, size, gap=1.6)
        page.paragraph(repeat=3)
    return doc, page


def test_a_bookmark_of_a_run_in_label_with_its_paragraphs_words_is_no_heading():
    # PLOS ONE (InDesign, 2026): the outline bookmarks each paragraph's bold run-in label together
    # with the paragraph's words after it, cut off at 250 characters ("Classification of
    # demyelinating lesions. Immunohistochemical analysis was employed ..."). The paragraph of three
    # lines at a page's foot began with the bookmark's words and was read as a heading, its
    # sentences lost from the text.
    doc, page = _methods("Human tissue analysis")
    _run_in_paragraph(page, LEAD, RUN_ON)
    later = Page(doc)
    later.paragraph(repeat=3)
    later.line("Results", "hebo", 12, gap=1.6)
    later.paragraph(repeat=3)
    bookmark = f"{LEAD}\u2002{RUN_ON}"[:160]
    doc.set_toc([[1, "Methods", 1], [2, "Human tissue analysis", 1], [3, bookmark, 1], [1, "Results", 2]])
    paper = _parse(doc)
    titles = [s.title for s in paper.sections]
    assert not any(title.startswith("Classification") for title in titles), titles
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "Double immunostaining was performed on sections from all dissected tissue blocks" in text


def test_a_heading_with_a_colon_in_its_bookmark_stays_a_heading():
    # The same outline's heading with a colon and a few words after it, printed on a line of its own.
    doc, _ = _methods("Step 1: Collecting the samples")
    doc.set_toc([[1, "Methods", 1], [2, "Step 1: Collecting the samples", 1]])
    titles = [s.title for s in _parse(doc).sections]
    assert "Step 1: Collecting the samples" in titles, titles


def test_a_sidebars_note_beside_the_abstracts_last_lines_is_not_the_abstracts():
    # PLOS ONE (InDesign, 2026): page 1's left margin holds the article's notes in 8 pt (citation,
    # dates, "Funding: ..."), the abstract's 10 pt column beside them; the funding statement goes on
    # atop page 2's margin, above the abstract's last lines in the main column. Its words were read
    # into the abstract's last sentence ("... a role for pharmacological contributed financially
    # to this study ...").
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Study of Measured Things", "tibo", 16, x=200, gap=2.5)
    page.line("Abstract", "hebo", 12, x=200, gap=1.6)
    abstract = ("Myelination is critical for the conduction of signals along the axons of the brain and its "
                "loss is a hallmark of several diseases. " * 6 + "Together, these findings support a role for "
                "pharmacological").split()
    for start in range(0, len(abstract), 11):
        page.line(" ".join(abstract[start:start + 11]), x=200)
    for k, text in enumerate(("Received: March 16, 2026", "Funding: This work was funded by the",
                              "company Leuven, a for-profit orga-", "nization. No other commercial company")):
        page.page.insert_text((36, 600 + 11 * k), text, fontname="helv", fontsize=8)
    later = Page(doc)
    for k, text in enumerate(("contributed financially to this study. The", "funder provided support in the form of",
                              "salaries for the authors, but did not have", "any additional role in the study design.")):
        later.page.insert_text((36, 72 + 11 * k), text, fontname="helv", fontsize=8)
    later.line("antagonism in promoting remyelination and highlight this receptor as a promising", x=200)
    later.line("therapeutic target for demyelinating disorders.", x=200)
    later.y += 30
    later.line("Introduction", "hebo", 12, x=200, gap=1.6)
    later.paragraph(repeat=4, x=200, per_line=11)
    paper = _parse(doc)
    assert paper.abstract is not None
    assert "contributed financially" not in paper.abstract, paper.abstract[-200:]
    assert paper.abstract.rstrip().endswith("therapeutic target for demyelinating disorders."), paper.abstract[-200:]
    body = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "contributed financially" not in body


# ─────────────────────────────── a paragraph's lines kept together ───────────────────────────────

LEFT, RIGHT = 72.0, 300.0


def _justified(page, y: float, pieces: list[tuple[str, str]], size: float = 10.0, last: bool = False) -> None:
    """One row from LEFT to RIGHT, words spread to fill it (or set close, a paragraph's last row):
    `pieces` are (text, font) runs, each word set on its own."""
    words = [(w, font) for text, font in pieces for w in text.split()]
    widths = [pymupdf.get_text_length(w, fontname=font, fontsize=size) for w, font in words]
    space = 0.33 * size
    if not last and len(words) > 1:
        space = (RIGHT - LEFT - sum(widths)) / (len(words) - 1)
    x = LEFT
    for (w, font), width in zip(words, widths):
        page.insert_text((x, y), w, fontname=font, fontsize=size)
        x += width + space


FILL = ("the model reads every page of the paper and keeps each sentence whole while the reader "
        "turns the pages so that nothing printed is lost").split()


def _paragraph_page(rows: list[tuple[list[tuple[str, str]], float]], figure: bool = False) -> pymupdf.Document:
    """A titled page with a section of prose, then a paragraph of the given rows ((pieces, size)
    each; the last set close), then (with `figure`) a drawn figure and its caption, then more prose."""
    doc = pymupdf.open()
    page = Page(doc)
    page.line("A Study of Measured Things", "tibo", 16, gap=2.5)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    for k in range(4):
        _justified(page.page, page.y, [(" ".join(FILL[k:k + 9]), "tiro")])
        page.y += 14
    _justified(page.page, page.y, [("first part of the study ends here.", "tiro")], last=True)
    page.y += 18
    for k, (pieces, size) in enumerate(rows):
        _justified(page.page, page.y, pieces, size=size, last=k == len(rows) - 1)
        page.y += 14
    page.y += 6
    if figure:
        for k in range(6):
            page.page.draw_rect(pymupdf.Rect(LEFT + 10 + 35 * k, page.y + 10, LEFT + 40 + 35 * k, page.y + 150),
                                color=(0, 0, 0), fill=(0.2 * (k % 3), 0.5, 0.8))
        page.y += 170
        page.line("Fig. 2. The drawing of the measured things.", "tiro", 9, gap=2)
    page.line("2 Method", "tibo", 12, gap=1.6)
    for k in range(4):
        _justified(page.page, page.y, [(" ".join(FILL[k + 3:k + 12]), "tiro")])
        page.y += 14
    _justified(page.page, page.y, [("and the method ends here.", "tiro")], last=True)
    return doc


def _holds(paper, words: str) -> bool:
    return any(words in p.text for s in paper.sections for p in s.paragraphs)


def test_a_list_in_bold_after_a_colon_goes_on_with_its_sentence():
    # EMNLP 2025: "We assess model performance on this task using three standard metrics:" at a
    # line's end, then "accuracy (ACC), area under the precision-recall" / "curve (AUPR), and area
    # under the ROC curve" in bold, in lower case: the sentence was cut at the colon.
    doc = _paragraph_page([
        ([("We assess model performance on this task with", "tiro")], 10),
        ([("the help of three standard metrics that we use:", "tiro")], 10),
        ([("accuracy (ACC), area under the precision recall", "tibo")], 10),
        ([("curve (AUPR), and the area under the ROC curve", "tibo")], 10),
        ([("(AUROC).", "tibo"), ("For each protein a binary classifier is made.", "tiro")], 10)])
    paper = _parse(doc)
    assert _holds(paper, "three standard metrics that we use: accuracy (ACC), area under the precision recall curve"), \
        [p.text for s in paper.sections for p in s.paragraphs]


def test_a_short_last_line_opening_on_math_ends_the_paragraphs_sentence():
    # ECCV 2018 (LaTeX): "... replacing the r, g, b value in texture map by x," / "y, z
    # coordinates." with y and z in the math italic: the last line was read as a display.
    doc = _paragraph_page([
        ([("Thus our position map can be easily understood", "tiro")], 10),
        ([("as replacing each value in the texture map by x,", "tiro")], 10),
        ([("y, z", "symb"), ("coordinates.", "tiro")], 10)], figure=True)
    paper = _parse(doc)
    assert _holds(paper, "in the texture map by x, y, z coordinates."), [p.text for s in paper.sections for p in s.paragraphs]


def test_a_line_a_point_smaller_inside_a_paragraph_goes_on_with_it():
    # A Word paper (MICCAI challenge 2022): "... the overall better performance. That is due" in
    # 10 pt, "to the extra vesselness feature can provide the deep learning model guidance which"
    # in 9 pt, "lead to better result." in 10 pt: the paragraph was cut in three.
    doc = _paragraph_page([
        ([("The result shows the better overall performance of", "tiro")], 10),
        ([("the model with the extra feature. That is due", "tiro")], 10),
        ([("to the extra feature that gives the model the guidance which", "tiro")], 9),
        ([("leads to a better result.", "tiro")], 10)])
    paper = _parse(doc)
    assert _holds(paper, "That is due to the extra feature that gives the model the guidance which leads to a better result."), \
        [p.text for s in paper.sections for p in s.paragraphs]
