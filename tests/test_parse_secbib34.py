"""Section headings of the twenty-fourth split's papers, each on a page made here: a Word paper's
whole numbered outline in the text's own plain type, an outline of unnumbered bookmarks whose titles
open on the article "A", an appendix lettered with a full stop after numbered sections, a heading in
capitals broken at a hyphen, unnumbered subsections in the bookmarked subsections' larger type past
the outline's end, a heading over a paragraph broken by its display, a heading wrapped past its
appendix letter, a run-in lead with no room for its text on its line, and a supplement's headings
past the outline and the references."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.pdf_pages import RUNNING, _line


def _titles(paper) -> list[tuple[str | None, str]]:
    return [(s.number, s.title) for s in paper.sections]


def _paragraph(page, x0: float, x1: float, y: float, count: int, size: float = 10, start: int = 0,
               indent: float = 10, font: str = "tiro") -> tuple[float, int]:
    """A paragraph of `count` lines from baseline y, its first line set in by `indent`, its last
    ending a sentence (its first opening one); returns the next baseline and the next word's index."""
    k = start
    for row in range(count):
        left = x0 + (indent if row == 0 else 0)
        text, k = _line(RUNNING, k, x1 - left, size)
        if row == 0:
            text = text[:1].upper() + text[1:]
        if row == count - 1:
            text = " ".join(text.split()[:6]) + "."
        page.insert_text((left, y), text, fontname=font, fontsize=size)
        y += size * 1.2
    return y, k


def _references(page, x: float, y: float, count: int, step: float, size: float = 10, numbered: bool = False,
                heading: float = 12) -> float:
    """A "References" heading at baseline y and `count` one-line entries under it; the next baseline."""
    page.insert_text((x, y), "References", fontname="tibo", fontsize=heading)
    y += 20
    for n in range(count):
        label = f"[{n + 1}] A. Author{n}." if numbered else f"Author{chr(65 + n)}, J. ({1990 + n})."
        page.insert_text((x, y), f"{label} A study of things number {n}. Journal, {n}:1-9.", fontname="tiro", fontsize=size)
        y += step
    return y


def _headed(title: str, heads: list[str], font: str = "tibo", size: float = 12, under: float = 18, rows: int = 6,
            indent: float = 10, title_font: str = "tibo") -> pymupdf.Document:
    """A page under `title`: each heading in `font` at `size`, a paragraph of `rows` lines `under`
    points under its baseline."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 70), title, fontname=title_font, fontsize=14)
    y, k = 100, 0
    for head in heads:
        page.insert_text((72, y + 14), head, fontname=font, fontsize=size)
        y, k = _paragraph(page, 72, 540, y + 14 + under, rows, start=k, indent=indent)
    return doc


def test_whole_numbered_outline_in_the_texts_plain_type(tmp_path):
    """A Word paper (a CVPR workshop's, certified by PDF eXpress) that sets "1. Introduction", "2.
    Recursive Filters", "2.1. Recursion Type" in the plain 10 pt of its paragraphs, a blank line
    over each and the paragraph's indented first line under it: its sections, since their numbers
    run in an outline's order from "1. Introduction"."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((180, 80), "Recursive Filters for Stereo Matching", fontname="tibo", fontsize=14)
    y, k = 120, 0
    heads = ["1. Introduction", "2. Recursive Filters", "2.1. Recursion Rate Calculation", "2.2. Recursion Type",
             "3. Analyses of Filters", "3.1. Complexity", "4. Experiments", "5. Conclusion"]
    for n, head in enumerate(heads):
        if y > 640:
            page = doc.new_page(width=612, height=792)
            y = 80
        page.insert_text((72, y + 12), head, fontname="tiro", fontsize=10)
        y, k = _paragraph(page, 72, 540, y + 12 + 16.5, 5, start=k)
        y, k = _paragraph(page, 72, 540, y, 4, start=k)
    path = tmp_path / "word.pdf"
    doc.save(path)
    got = [(number, title) for number, title in _titles(parse_pdf(path)) if number]
    assert got == [("1", "Introduction"), ("2", "Recursive Filters"), ("2.1", "Recursion Rate Calculation"),
                   ("2.2", "Recursion Type"), ("3", "Analyses of Filters"), ("3.1", "Complexity"),
                   ("4", "Experiments"), ("5", "Conclusion")], got


def test_numbered_list_in_plain_type_stays_text(tmp_path):
    """Numbered rows in the text's plain type that do not open on a section's usual name and run
    no outline ("1. Collect the data", "2. Train the model" as a list's items, set apart): no
    headings."""
    doc = _headed("A Paper Without Headings", ["1. Collect the Data", "2. Train the Model", "3. Test the Model"],
                  font="tiro", size=10, under=16.5, rows=4)
    path = tmp_path / "list.pdf"
    doc.save(path)
    assert not [number for number, _ in _titles(parse_pdf(path)) if number]


def test_unnumbered_outline_keeps_the_article_a(tmp_path):
    """SciPy's proceedings bookmark unnumbered sections; "A Simple Example: Photon Flux
    Measurements" and "A Bayesian Approach" open on the article "A", no appendix's letter."""
    heads = ["Introduction", "A Simple Example: Photon Flux Measurements", "Frequentist Approach", "A Bayesian Approach",
             "Conclusion"]
    doc = _headed("Frequentism and Bayesianism in Python", heads, font="hebo", size=9, under=14, rows=5, indent=0,
                  title_font="hebo")
    doc.set_toc([[1, "Introduction", 1], [1, "A Simple Example: Photon Flux Measurements", 1],
                 [2, "Frequentist Approach", 1], [2, "A Bayesian Approach", 1], [1, "Conclusion", 1]])
    path = tmp_path / "scipy.pdf"
    doc.save(path)
    got = _titles(parse_pdf(path))
    assert (None, "A Simple Example: Photon Flux Measurements") in got and (None, "A Bayesian Approach") in got, got


def test_appendix_lettered_with_a_full_stop(tmp_path):
    """"A. Hardware Configuration" in the bold 12 pt of "1. Introduction" and "2. Concepts", after
    them: appendix A."""
    doc = _headed("Speeding up Mutual Information on the GPU", ["1. Introduction", "2. Concepts", "A. Hardware Configuration"])
    path = tmp_path / "dicta.pdf"
    doc.save(path)
    got = _titles(parse_pdf(path))
    assert ("A", "Hardware Configuration") in got, got


def test_heading_in_capitals_broken_at_a_hyphen(tmp_path):
    """sig-alternate's "5. EXPERIMENTAL RESULTS AND DISCUS-" / "SION" in bold capitals: the
    hyphen is the break's, though the paper prints "discussion" nowhere else."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 70), "Estimating Conversion Rate", fontname="tibo", fontsize=14)
    page.insert_text((72, 110), "1. INTRODUCTION", fontname="tibo", fontsize=12)
    y, k = _paragraph(page, 72, 290, 128, 8)
    page.insert_text((72, y + 14), "2. EXPERIMENTAL RESULTS AND DISCUS-", fontname="tibo", fontsize=12)
    page.insert_text((90, y + 28), "SION", fontname="tibo", fontsize=12)
    _paragraph(page, 72, 290, y + 46, 8, start=k)
    path = tmp_path / "kdd.pdf"
    doc.save(path)
    got = _titles(parse_pdf(path))
    assert ("2", "EXPERIMENTAL RESULTS AND DISCUSSION") in got, got



def _jmp_paper(path, display: bool = False) -> None:
    """An article-class preprint in 11 pt: bookmarked "1 Introduction", "2 Mixture models" (14 pt
    bold), "2.1 Finite mixture modeling", "2.2 The Chinese restaurant process" (12 pt bold); then,
    unbookmarked, "Appendix A: Foundations" and under it "The Dirichlet process" in the
    subsections' 12 pt bold (\\subsection*) and "Dirichlet process mixtures" in 11 pt bold
    (\\subsubsection*), before the references."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 70), "A Tutorial on Nonparametric Models", fontname="tibo", fontsize=17)
    y, k = 100, 0
    for text, size in [("1 Introduction", 14.4), ("2 Mixture models and clustering", 14.4),
                       ("2.1 Finite mixture modeling", 12), ("2.2 The Chinese restaurant process", 12)]:
        if y > 600:
            page = doc.new_page(width=612, height=792)
            y = 60
        page.insert_text((72, y + 16), text, fontname="tibo", fontsize=size)
        y, k = _paragraph(page, 72, 540, y + 36, 6, size=11, start=k, indent=0)
        y, k = _paragraph(page, 72, 540, y, 5, size=11, start=k, indent=17)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 76), "Appendix A: Foundations", fontname="tibo", fontsize=14.4)
    y, k = _paragraph(page, 72, 540, 100, 5, size=11, start=k, indent=0)
    page.insert_text((72, y + 16), "The Dirichlet process", fontname="tibo", fontsize=12)
    y, k = _paragraph(page, 72, 540, y + 34, 5, size=11, start=k, indent=0)
    y, k = _paragraph(page, 72, 540, y, 4, size=11, start=k, indent=17)
    page.insert_text((72, y + 14), "Dirichlet process mixtures", fontname="tibo", fontsize=11)
    if display:
        page.insert_text((72, y + 32), "A mixture adds a third step to the model above Antoniak (1974),",
                         fontname="tiro", fontsize=11)
        page.insert_text((260, y + 56), "q ~ G = S p d", fontname="symb", fontsize=11)
        y, k = _paragraph(page, 72, 540, y + 80, 3, size=11, start=k, indent=0)
    else:
        y, k = _paragraph(page, 72, 540, y + 32, 5, size=11, start=k, indent=0)
    page = doc.new_page(width=612, height=792)
    _references(page, 72, 76, 8, 28, size=11, heading=14.4)
    doc.set_toc([[1, "1 Introduction", 1], [1, "2 Mixture models and clustering", 1],
                 [2, "2.1 Finite mixture modeling", 1], [2, "2.2 The Chinese restaurant process", 2]])
    doc.save(path)


def test_unbookmarked_subsection_in_the_subsections_larger_type(tmp_path):
    """Past the outline's last entry, "The Dirichlet process" in the 12 pt bold that only the
    bookmarked subsections are set in: a subsection of the appendix over it."""
    _jmp_paper(tmp_path / "jmp.pdf")
    got = {(s.title, s.level) for s in parse_pdf(tmp_path / "jmp.pdf").sections}
    assert ("The Dirichlet process", 2) in got, got


def test_heading_over_a_paragraph_broken_by_its_display(tmp_path):
    """"Dirichlet process mixtures" in bold over a paragraph whose first line ends on a comma, a
    display under it and the paragraph's prose after: a heading over a paragraph all the same."""
    _jmp_paper(tmp_path / "jmp.pdf", display=True)
    titles = [s.title for s in parse_pdf(tmp_path / "jmp.pdf").sections]
    assert "Dirichlet process mixtures" in titles, titles


def test_heading_in_larger_type_wrapped_past_its_letter(tmp_path):
    """NeurIPS's appendix heading in 14 pt bold over 10 pt text, "D Proof of the convergence rate of
    MSPD (Theorem 4 and The-" / "orem 5)", its second row 18 pt under the first and set in under
    the title past the letter: one heading."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((108, 80), "1 Introduction", fontname="tibo", fontsize=14.35)
    y, k = _paragraph(page, 108, 504, 104, 12, start=0, indent=0)
    _references(page, 108, y + 20, 6, 12, numbered=True)
    page = doc.new_page(width=612, height=792)
    page.insert_text((108, 118), "D", fontname="tibo", fontsize=14.35)
    page.insert_text((132.7, 118), "Proof of the convergence rate of MSPD (Theorem 4 and The-", fontname="tibo", fontsize=14.35)
    page.insert_text((132.7, 136.4), "orem 5)", fontname="tibo", fontsize=14.35)
    y, k = _paragraph(page, 108, 504, 164, 2, start=k, indent=0)
    # (the page's displays stand in pairs side by side, short rows in each half: read as two columns)
    for row in range(24):
        page.insert_text((108, y + 14 + 12 * row), "where the bound holds for all" if row % 3 == 0 else "x + y = z",
                         fontname="tiro", fontsize=10)
        page.insert_text((330, y + 14 + 12 * row), "and the gap is at most" if row % 3 == 0 else "u + v = w",
                         fontname="tiro", fontsize=10)
    path = tmp_path / "neurips.pdf"
    doc.save(path)
    got = _titles(parse_pdf(path))
    assert ("D", "Proof of the convergence rate of MSPD (Theorem 4 and Theorem 5)") in got, got


def test_run_in_lead_with_no_room_for_its_text(tmp_path):
    """CVPR's \\paragraph lead "Dexterous Manipulation via Human Demonstration" in bold 10 pt ends
    17 pt short of the column's margin, too little for "Learning", the paragraph's first word,
    which opens the next line at the text's leading; the paragraph goes on at the next page's top:
    a run-in lead, no heading."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 60), "Transferring Manipulation to Robot Hands", fontname="tibo", fontsize=14)
    page.insert_text((58, 100), "1. Introduction", fontname="tibo", fontsize=12)
    y, k = 118, 0
    for x0 in (58, 317):
        yy = y if x0 == 58 else 100
        for _ in range(5 if x0 == 58 else 4):
            yy, k = _paragraph(page, x0, 554 if x0 == 317 else 295, yy, 9, start=k)
    page.insert_text((317, yy + 10), "2. Related Works", fontname="tibo", fontsize=12)
    lead = "Dexterous Manipulation via Human Demonstration"
    width = pymupdf.get_text_length(lead, "tibo", 10)
    page.insert_text((317, yy + 28), lead, fontname="tibo", fontsize=10)
    right = 317 + width + 17
    words = "Learning " + " ".join((RUNNING[k % len(RUNNING):] + RUNNING)[:22])
    page.insert_textbox(pymupdf.Rect(317, yy + 31, right, yy + 100), words, fontname="tiro", fontsize=10,
                        lineheight=1.2, align=pymupdf.TEXT_ALIGN_JUSTIFY)
    page = doc.new_page(width=612, height=792)
    _paragraph(page, 58, 295, 74, 6, start=k, indent=0)
    path = tmp_path / "cvpr.pdf"
    doc.save(path)
    titles = [title for _, title in _titles(parse_pdf(path))]
    assert "Related Works" in titles and lead not in titles, titles


def test_unnumbered_outline_keeps_an_appendix_letter_printed_before_the_title(tmp_path):
    """JMLR bookmarks its appendix "A Practical Guide for Training Dropout Networks" among unnumbered
    entries, and prints "Appendix A. A Practical Guide ...": there the "A" of the page's label is the
    appendix's letter, the title's own "A" its article."""
    doc = _headed("Dropout: A Simple Way to Prevent Overfitting",
                  ["Introduction", "Related Work", "Appendix A. A Practical Guide for Training Dropout Networks"],
                  rows=5, indent=0)
    doc.set_toc([[1, "Introduction", 1], [1, "Related Work", 1], [1, "A Practical Guide for Training Dropout Networks", 1]])
    path = tmp_path / "jmlr.pdf"
    doc.save(path)
    got = _titles(parse_pdf(path))
    assert ("A", "A Practical Guide for Training Dropout Networks") in got, got


def test_supplement_headings_past_the_outline_and_the_references(tmp_path):
    """AISTATS's arXiv copy: the outline stops at "3 Experiments"; after the references, a page opens on
    "Supplementary material" (12 pt bold, kept by its usual name), then "Proof of Lemma 4" and
    "Proof of Lemma 5" in the subsections' 10 pt bold, each over its proof's bold label: headings of
    the supplement too."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 60), "Distribution-Free Distribution Regression", fontname="tibo", fontsize=14)
    y, k = 80, 0
    for head in ["1 Introduction", "2 Method", "2.1 Setting", "2.2 Estimator", "3 Experiments"]:
        if y > 600:
            page = doc.new_page(width=612, height=792)
            y = 60
        page.insert_text((72, y + 14), head, fontname="tibo", fontsize=10 if "." in head else 12)
        y, k = _paragraph(page, 72, 540, y + 32, 6, start=k)
    _references(page, 72, y + 14, 6, 14)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Supplementary material", fontname="tibo", fontsize=12)
    y = 90
    for head in ["Proof of Lemma 4", "Proof of Lemma 5"]:
        page.insert_text((72, y + 14), head, fontname="tibo", fontsize=10)
        page.insert_text((72, y + 30), "Proof.", fontname="tibo", fontsize=10)  # (the proof's bold label over its display)
        page.insert_text((200, y + 48), "E[K] <= E[1 + 1/K]", fontname="tiro", fontsize=10)
        y, k = _paragraph(page, 72, 540, y + 66, 6, start=k, indent=0)
    doc.set_toc([[1, "1 Introduction", 1], [1, "2 Method", 1], [2, "2.1 Setting", 1], [2, "2.2 Estimator", 2],
                 [1, "3 Experiments", 2]])
    path = tmp_path / "aistats.pdf"
    doc.save(path)
    titles = [title for _, title in _titles(parse_pdf(path))]
    assert "Proof of Lemma 4" in titles and "Proof of Lemma 5" in titles, titles


def test_heading_in_larger_type_short_of_the_margin_stays_a_heading(tmp_path):
    """AAAI's subsection "Approaches based on Evolutionary Algorithms" in 11 pt bold over 10 pt text
    set tight under it, short of the margin by less than the paragraph's first word: a heading on
    its own line (a run-in lead is set in the paragraph's own size)."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 60), "Multi-Gradient Descent for Recommender Systems", fontname="tibo", fontsize=14)
    page.insert_text((58, 100), "Related Work", fontname="tibo", fontsize=12)
    y, k = _paragraph(page, 58, 295, 118, 8)
    head = "Approaches based on Evolutionary Algorithms"
    width = pymupdf.get_text_length(head, "tibo", 11)
    page.insert_text((58, y + 12), head, fontname="tibo", fontsize=11)
    words = "Traditional " + " ".join((RUNNING[k % len(RUNNING):] + RUNNING)[:30])
    page.insert_textbox(pymupdf.Rect(58, y + 15, 58 + width + 20, y + 100), words, fontname="tiro", fontsize=10,
                        lineheight=1.2, align=pymupdf.TEXT_ALIGN_JUSTIFY)
    path = tmp_path / "aaai.pdf"
    doc.save(path)
    titles = [title for _, title in _titles(parse_pdf(path))]
    assert head in titles, titles
