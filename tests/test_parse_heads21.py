"""Sentences and headings of real papers that came out cut or renamed, each shape drawn here with
PyMuPDF: a justified line of inline math going on with its sentence, scripts stacked at one x, a
fraction parting a row, a bold phrase opening a line, a version number after a heading's last word."""

from __future__ import annotations

import re

import pymupdf

from paperkit.reading.parse import _split_heading_number
from tests.pdf_pages import reparse as _parse

WORDS = ("the model reads every page of the paper and keeps each sentence whole while the reader "
         "turns the pages so that nothing printed is lost or mixed with the drawings beside it").split()
LEFT, RIGHT = 72.0, 540.0


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _paragraphs(paper) -> list[str]:
    return [p.text for s in paper.sections for p in s.paragraphs]


def _holds(paper, sentence: str) -> bool:
    return any(_key(sentence) in _key(p) for p in _paragraphs(paper))


def _new_page() -> tuple[pymupdf.Document, pymupdf.Page]:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_font(fontname="uni", fontbuffer=pymupdf.Font("cjk").buffer)
    page.insert_text((LEFT, 80), "1 Introduction", fontname="hebo", fontsize=14)
    return doc, page


def _width(text: str, font: str, size: float) -> float:
    if font == "uni":
        return pymupdf.Font("cjk").text_length(text, fontsize=size)
    return pymupdf.get_text_length(text, fontname=font, fontsize=size)


def _justified(page, text: str, y: float, font: str = "helv", size: float = 10.0,
               left: float = LEFT, right: float = RIGHT) -> None:
    """One line flush on both sides: its words spread over the measure."""
    words = text.split()
    spare = right - left - sum(_width(w, font, size) for w in words)
    gap = spare / max(1, len(words) - 1)
    at = left
    for word in words:
        page.insert_text((at, y), word, fontname=font, fontsize=size)
        at += _width(word, font, size) + gap


def _lines(words: list[str], width: float = RIGHT - LEFT, font: str = "helv", size: float = 10.0) -> list[str]:
    lines = [""]
    for word in words:
        longer = f"{lines[-1]} {word}".strip()
        if _width(longer, font, size) > width * 0.97:
            lines.append(word)
        else:
            lines[-1] = longer
    return lines


def _paragraph(page, words: list[str], y: float, font: str = "helv", pitch: float = 12.0,
               right: float = RIGHT) -> float:
    """A paragraph justified but for its last line; returns the baseline after it."""
    lines = _lines(words, width=right - LEFT, font=font)
    for k, line in enumerate(lines):
        if k < len(lines) - 1:
            _justified(page, line, y, font, right=right)
        else:
            page.insert_text((LEFT, y), line, fontname=font, fontsize=10)
        y += pitch
    return y


def test_a_justified_line_of_inline_math_goes_on_with_the_sentence_above():
    # AAAI 2018: a proposition's "... If signals are independent, i.e., taking the recursive" fills the
    # column, and its sentence goes on "model of Eqn. (4)∼(5), for ∀i = 1, · · · , d, j = 1, · · · , n,"
    # on a line mostly of math, flush on both sides: it was read as a display and the sentence cut.
    # (set 14 pt apart: this font's boxes are 13 pt tall, and boxes that overlap read as one row)
    doc, page = _new_page()
    y = _paragraph(page, WORDS * 2, 110, font="uni", pitch=14)
    _justified(page, "Suppose the reader keeps each page whole. If signals are independent, i.e., taking the recursive",
               y, font="uni")
    _justified(page, "model of ∑∀ι∈Λ ≤ ∑∀κ∈Λ α·β·γ·δ ≤ ∞, ∂∇αβ ≈ ∏κ∈Λ ω·ψ·χ ≤ ∑∀ι∈Λ ≥ θ·φ·ξ, ∀ι∈Λ,", y + 14, font="uni")
    _justified(page, "and ωκ ≥ 0 and |∑ακ| < 1, then the frequency response of the reader converges to", y + 28, font="uni")
    page.insert_text((LEFT, y + 42), "the same page of the paper.", fontname="uni", fontsize=10)
    paper = _parse(doc)
    assert _holds(paper, "If signals are independent, i.e., taking the recursive model of"), _paragraphs(paper)


def test_scripts_stacked_at_one_x_keep_their_row_whole():
    # EMNLP 2018: "leading to sequences {w_{i,j}}_{j=1}^{s} ∈ R^{d_i} (i = 1, 2, . . . , n). We center" /
    # "each type of word embedding to zero mean.": the superscript "s" and the subscript "j=1" start
    # at one x, and the text layer gives the row as two pieces that overlap by the script's width;
    # kept apart, "We center" stood in a display of its own, cut from the rest of its sentence.
    # (set 16 pt apart: this font's boxes are 14 pt tall at 11 pt, and boxes that overlap read as one row)
    doc, page = _new_page()
    rest = "∈ℝ (ι = α, β, γ, δ, ε, ζ, . . . , ν). We center"
    right = LEFT + sum(_width(t, "uni", z) for t, z in (("{w", 11), ("i,j", 8), ("}", 11), ("j=1", 8), (rest, 11))) + 3
    y = _paragraph(page, WORDS * 2 + "and the model reads each type of sequence".split(), 110, pitch=16, right=right) + 4
    x = LEFT
    page.insert_text((x, y), "{w", fontname="uni", fontsize=11)
    x += _width("{w", "uni", 11)
    page.insert_text((x, y + 1.6), "i,j", fontname="uni", fontsize=8)
    x += _width("i,j", "uni", 8) + 1
    page.insert_text((x, y), "}", fontname="uni", fontsize=11)
    x += _width("}", "uni", 11)
    page.insert_text((x, y - 4), "s", fontname="uni", fontsize=8)  # the superscript ...
    page.insert_text((x, y + 3), "j=1", fontname="uni", fontsize=8)  # ... over the subscript, at one x
    x += _width("j=1", "uni", 8)
    page.insert_text((x + 2, y), rest, fontname="uni", fontsize=11)
    page.insert_text((LEFT, y + 18), "each type of word embedding to zero mean.", fontname="uni", fontsize=11)
    page.insert_text((LEFT, y + 46), "Naive baseline We compare to it.", fontname="uni", fontsize=11)
    paper = _parse(doc)
    assert _holds(paper, "We center each type of word embedding to zero mean."), _paragraphs(paper)


def test_a_fraction_in_script_size_between_a_rows_halves_stays_in_the_row():
    # TMLR: "... Chaudhry et al. (2018): FWT = 1/(T−1) ∑ max(...). For all experiments," / "we train
    # 500 epochs per task.": the fraction's "1" over "T −1", set small in a gap of the row, parted it
    # in two lines too far apart to join; read after the row, "T −1" stood inside the next sentence.
    doc, page = _new_page()
    head, tail = "mance Chaudhry et al. (2018): FWT =", "max (0, R) over the pages. For all experiments,"
    x = LEFT + _width(head, "helv", 10) + 3
    right = x + _width("κ ≤ 1", "uni", 7) + 3 + _width(tail, "helv", 10)
    y = _paragraph(page, WORDS * 2 + "and the increase in error from the best perfor-".split(), 110, right=right)
    page.insert_text((LEFT, y), head, fontname="helv", fontsize=10)
    page.insert_text((x + _width("κ ≤ 1", "uni", 7) + 3, y), tail, fontname="helv", fontsize=10)
    page.insert_text((x + 4, y - 3.5), "1", fontname="uni", fontsize=7)  # the numerator, raised
    page.insert_text((x, y + 3.5), "κ ≤ 1", fontname="uni", fontsize=7)  # the denominator, lowered
    page.insert_text((LEFT, y + 12), "we train 500 epochs per task. We use it.", fontname="helv", fontsize=10)
    paper = _parse(doc)
    assert _holds(paper, "For all experiments, we train 500 epochs per task."), _paragraphs(paper)


def test_a_bold_phrase_opening_a_line_goes_on_with_the_sentence():
    # EMNLP 2025: "... However, these approaches assume that" / "**the latent's activation based on input
    # reflects a**" / "causal influence on the model output, ...": the face changes at the line break,
    # which kept the roman line apart from the bold one, as from a heading under a paragraph. A line
    # that opens in lower case goes on with the sentence.
    doc, page = _new_page()
    y = _paragraph(page, WORDS * 2, 110)
    _justified(page, "and the reader keeps every page. However, these approaches assume that", y)
    _justified(page, "the latent activation based on the input reflects a", y + 12, font="hebo")
    page.insert_text((LEFT, y + 24), "causal influence on the model output, which has never been proven.",
                     fontname="helv", fontsize=10)
    paper = _parse(doc)
    assert _holds(paper, "However, these approaches assume that the latent activation based on the input "
                         "reflects a causal influence on the model output, which has never been proven."), _paragraphs(paper)


def test_a_version_number_after_a_headings_last_word_is_the_titles():
    # NeurIPS 2019: "A.4 Inception-v4" lost its "4" as if it were a footnote's mark ("Method1").
    doc, page = _new_page()
    y = _paragraph(page, WORDS * 2, 110)
    page.insert_text((LEFT, y + 14), "2 Inception-v4", fontname="hebo", fontsize=14)
    _paragraph(page, WORDS * 2, y + 40)
    paper = _parse(doc)
    assert [s.title for s in paper.sections] == ["Introduction", "Inception-v4"]


def test_an_appendix_subsections_number_ends_at_a_space():
    # Elsevier's preprint bookmarks "Appendix  B.1 Variable Importance": the number is "B.1", not "B"
    # with a title "1 Variable Importance".
    assert _split_heading_number("Appendix  B.1 Variable Importance") == ("B.1", "Variable Importance")
    assert _split_heading_number("Appendix A.1. Hyperparameters") == ("A.1", "Hyperparameters")
    assert _split_heading_number("Appendix B: Proofs") == ("B", "Proofs")


def test_a_subscript_stacked_under_a_headings_last_script_reads_before_it():
    # SIGGRAPH 2011: "Appendix: Derivation of RF feedback coefficient a from the desired variance σ²_H":
    # the "H" under the "2", starting a little left of it and wider, came apart from its row and was
    # put after it ("σ2 H"); as inside a row, the subscript reads first ("σH2").
    doc, page = _new_page()
    y = _paragraph(page, WORDS * 2, 110)
    head = "2 Derivation from the variance σ"
    page.insert_text((LEFT, y + 20), head, fontname="uni", fontsize=14)
    x = LEFT + _width(head, "uni", 14)
    page.insert_text((x + 0.4, y + 14), "2", fontname="uni", fontsize=9)
    page.insert_text((x, y + 23), "κλ", fontname="uni", fontsize=9)  # (math letters, as the "H" in CMMI8)
    _paragraph(page, WORDS * 2, y + 44)
    paper = _parse(doc)
    assert [s.title for s in paper.sections] == ["Introduction", "Derivation from the variance σκλ2"]


def _linked(page: int, y: float) -> dict:
    return {"kind": pymupdf.LINK_GOTO, "page": page, "to": pymupdf.Point(LEFT, y)}


def test_bookmarks_naming_a_references_label_are_the_headings_under_their_points():
    # TMLR: hyperref wrote the labels of the \ref in the appendix's headings into their bookmarks
    # ("Proof of lem:upperweight" for "A.1 Proof of Lemma 10"): not found by their words, they were
    # lost. Each is the heading printed right under the point it links to. And the bookmark "Proofs"
    # is "A Proofs", not the heading over it that only begins with its word ("Proofs of Theoretical
    # Results", which the outline leaves out).
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((LEFT, 80), "1 Introduction", fontname="hebo", fontsize=12)
    _paragraph(page, WORDS * 3, 104)
    page = doc.new_page(width=612, height=792)
    page.insert_text((LEFT, 80), "2 Method", fontname="hebo", fontsize=12)
    _paragraph(page, WORDS * 3, 104)
    page.insert_text((LEFT, 300), "Proofs of Theoretical Results", fontname="hebo", fontsize=12)
    page.insert_text((LEFT, 326), "A Proofs", fontname="hebo", fontsize=12)
    page.insert_text((LEFT, 352), "A.1 Proof of Lemma 10", fontname="hebo", fontsize=10)
    _paragraph(page, WORDS * 3, 372)
    page = doc.new_page(width=612, height=792)
    page.insert_text((LEFT, 90), "A.2 Proof of Lemma 11", fontname="hebo", fontsize=10)
    _paragraph(page, WORDS * 3, 110)
    doc.set_toc([[1, "Introduction", 1, _linked(0, 58)], [1, "Method", 2, _linked(1, 58)],
                 [1, "Proofs", 2, _linked(1, 306)], [2, "Proof of lem:upperweight", 2, _linked(1, 334)],
                 [2, "Proof of lem:upperarch", 3, _linked(2, 72)]])
    paper = _parse(doc)
    assert [(s.number, s.title) for s in paper.sections] == [
        ("1", "Introduction"), ("2", "Method"), (None, "Proofs of Theoretical Results"), ("A", "Proofs"),
        ("A.1", "Proof of Lemma 10"), ("A.2", "Proof of Lemma 11")]
