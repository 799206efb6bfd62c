"""Headings of the twelfth split's papers: each layout fact on pages drawn here with PyMuPDF."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import Page, _parse  # noqa: E402  (heads9's page writer and parse helper)
from test_parse_heads14 import _titles  # noqa: E402
from test_parse_heads16 import _first_page  # noqa: E402


@pytest.mark.parametrize("toc", [
    [[1, "1 . Introduction", 1], [1, "2 . Method", 1], [2, "2.1 . Overview", 1]],
    # (a CVPR review copy whose hyperref could not expand the number bookmarks the stop alone)
    [[1, ". Introduction", 1], [1, ". Method", 1], [2, ". Overview", 1]],
])
def test_a_bookmark_with_its_number_and_full_stop_spaced_apart_names_the_title_alone(toc):
    # CVPR's hyperref bookmarks: "1 . Introduction", "3.1 . Overview" (the section's number, a
    # space, its full stop): the number is the heading's, the title is what follows the stop.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1. Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("2. Method", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("2.1. Overview", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    doc.set_toc(toc)
    assert _titles(_parse(doc)) == [("1", "Introduction", 1), ("2", "Method", 1), ("2.1", "Overview", 2)]


def _runs(page: Page, runs: list[tuple[str, float]], x: float = 72, font: str = "tiro", gap: float = 1.6) -> None:
    """One printed line made of runs in their own sizes, each set right after the one before."""
    for text, size in runs:
        page.page.insert_text((x, page.y), text, fontname=font, fontsize=size)
        x += pymupdf.get_text_length(text, fontname=font, fontsize=size)
    page.y += max(size for _, size in runs) * gap


def test_a_name_in_capitals_and_lower_case_in_faked_small_capitals_keeps_the_heading_one_line():
    # ICLR's subsubsections in faked small capitals (Times has none): "A.8.1" then "T" + "RAINING A"
    # + "LGORITHMS FOR TSF" + "LOW", the name "TSFlow" giving three capitals at the text's size
    # before its small ones. The line is small capitals all the same: the number joins its title.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    for number, words in (("1.1", [("T", 10), ("RAINING ", 8), ("A", 10), ("LGORITHMS FOR ", 8), ("TSF", 10), ("LOW", 8)]),
                          ("1.2", [("E", 10), ("VALUATION ", 8), ("A", 10), ("LGORITHMS FOR ", 8), ("TSF", 10), ("LOW", 8)])):
        page.page.insert_text((72, page.y), number, fontname="tiro", fontsize=10)
        _runs(page, words, x=72 + pymupdf.get_text_length(number, fontname="tiro", fontsize=10) + 10)
        page.paragraph(repeat=2)
    assert _titles(_parse(doc)) == [("1", "Introduction", 1), ("1.1", "TRAINING ALGORITHMS FOR TSFLOW", 2),
                                    ("1.2", "EVALUATION ALGORITHMS FOR TSFLOW", 2)]


def test_a_bookmark_pointing_ahead_of_the_next_entrys_page_is_found_between_its_neighbours():
    # A preprint rewritten by Ghostscript: the bookmark "Background" points at page 4 (the
    # appendix's), though the entry after it, "1.1 Observability", is on page 1 and the heading is
    # printed there above it: it is found where it stands, between its neighbours.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Background", "tibo", 14, gap=1.6)
    page.paragraph(repeat=2)
    page.line("1.1 Observability", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    for _ in range(2):
        Page(doc).paragraph(repeat=12)
    page = Page(doc)
    page.line("Appendix", "tibo", 14, gap=1.6)
    page.paragraph(repeat=4)
    doc.set_toc([[1, "Background", 4], [2, "Observability", 1], [1, "Appendix", 4]])
    titles = _titles(_parse(doc))
    assert titles[:2] == [("1", "Background", 1), ("1.1", "Observability", 2)], titles


def numbered_paper_then_appendix(doc) -> Page:
    """A first page of sections numbered three levels deep (1, 1.1, 1.1.1) and the references; the
    next page, for an appendix, returned to be written."""
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("1.1 Setting", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    page.line("1.1.1 Data", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    page.line("References", "tibo", 12, gap=1.6)
    page.line("Ada Okafor. A study of models at scale. Proc. of Things, 2019.")
    page.line("Binta Ndiaye. Another study of models. Proc. of Things, 2020.", gap=2.0)
    return Page(doc)


def test_an_unbookmarked_bold_heading_under_the_last_entry_is_kept():
    # NeurIPS: hyperref bookmarks no \subsection*, and the last appendix "D Information sharing"
    # (the outline's last entry, after the references) holds "Global averaging cells" in the 10 pt
    # bold of the numbered subsections, over its paragraph: a heading under D, a level below it (D
    # has no subsections; a level below every level the paper numbers would put it three under D).
    doc = pymupdf.open()
    page = numbered_paper_then_appendix(doc)
    page.line("D Information sharing", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    page.line("Global averaging cells", "tibo", 10, gap=1.6)
    page.paragraph(repeat=2)
    doc.set_toc([[1, "1 Introduction", 1], [2, "1.1 Setting", 1], [3, "1.1.1 Data", 1], [1, "D Information sharing", 2]])
    titles = _titles(_parse(doc))
    assert titles[-2:] == [("D", "Information sharing", 1), (None, "Global averaging cells", 2)], titles


def test_entries_opening_with_their_year_at_the_margin_of_a_hanging_list_are_entries():
    # ACM's author-year list hangs each entry's later lines; an entry without authors (software, a
    # web page) opens with its year at the margin: "2018. Caffe. (2018). http://caffe.org/".
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    page.line("References", "tibo", 12, gap=1.6)
    for year, name in ((2017, "ONNX"), (2018, "Caffe"), (2018, "Docker")):
        page.line(f"{year}. {name}. ({year}). https://{name.lower()}.org/", size=8)
    for first, year in (("Ada Okafor and Lin Moreau", 2019), ("Binta Ndiaye and Ken Sato", 2020)):
        page.line(f"{first}. {year}. A study of models at scale and the many things", size=8)
        page.line("they measure. In Proceedings of Things. ACM, 1-9.", size=8, x=82)
    paper = _parse(doc)
    assert len(paper.references) == 5, paper.references


def test_a_bold_label_over_a_quotation_is_no_heading():
    # ACL's appendix of examples: "Example:" in bold at the text's size on a line of its own, over
    # \begin{quote} text set in from both edges of the column: a label, not a heading. (A bold
    # heading over a paragraph that fills the measure is one.)
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    page.line("2 Examples", "tibo", 12, gap=1.6)
    page.paragraph(repeat=2)
    for label in ("Example:", "Example"):
        page.line(label, "tibo", 10, gap=1.6)
        page.paragraph(repeat=1, per_line=9, x=100)
    page.line("Limits of the study", "tibo", 10, gap=1.6)
    page.paragraph(repeat=3)
    page.line("3 Conclusion", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    names = [title for _, title, _ in _titles(_parse(doc))]
    assert "Example" not in names and "Example:" not in names, names
    assert "Limits of the study" in names


def _indented_paragraph(page: Page, lines: int = 4, indent: float = 10.0) -> None:
    """A paragraph whose first line is set in by the paragraph indent, the rest at the margin."""
    words = ("We train every model for ninety epochs with the same schedule and report the mean of "
             "three seeds because single runs vary").split()
    for n in range(lines):
        page.line(" ".join(words[:12]), x=72 + (indent if n == 0 else 0), gap=1.2)
    page.y += 2


def _acm_page(doc) -> Page:
    """ACM's small format: sections in 10 pt bold capitals at the margin, subsections in 10 pt bold
    set in by the paragraph indent over a paragraph whose first line is set in as far, with space
    above the subsection as above a section."""
    page = _first_page(doc)
    for section, subsections in (("INTRODUCTION", ()), ("BACKGROUND", ()),
                                 ("TRAINING AND BENCHMARKING", ("Network Architectures", "Training Configurations")),
                                 ("DEPLOYMENT", ("Heterogeneous computing",)), ("CONCLUSION", ())):
        page.skip(6)
        page.line(section, "tibo", 10, gap=1.6)
        _indented_paragraph(page, indent=0)
        for subsection in subsections:
            page.skip(6)
            page.line(subsection, "tibo", 10, x=82, gap=1.2)
            _indented_paragraph(page)
            _indented_paragraph(page)
    return page


def test_a_bold_line_at_the_paragraph_indent_with_space_above_it_is_a_subsection():
    # ACM: "Network Architectures" in bold, set in by the paragraph indent over a paragraph whose
    # first line is set in as far, and 8 pt below the paragraph before it at 12 pt leading: a
    # subsection under "TRAINING AND BENCHMARKING", not the lead of its paragraph. (AAAI's lead,
    # right under the paragraph before at the text's leading, is one.)
    doc = pymupdf.open()
    _acm_page(doc)
    titles = _titles(_parse(doc))
    assert (None, "Network Architectures", 2) in titles and (None, "Heterogeneous computing", 2) in titles, titles


def test_an_outline_filing_headings_printed_alike_at_different_levels_gives_way_to_the_page():
    # A preprint's bookmarks: "Introduction" and "Background" at level 1, "TRAINING AND
    # BENCHMARKING" and "DEPLOYMENT" at 3, "CONCLUSION" at 2, all printed in the same 10 pt bold
    # capitals, and none of the subsections bookmarked: the page's headings and levels are read.
    doc = pymupdf.open()
    _acm_page(doc)
    doc.set_toc([[1, "Introduction", 1], [1, "Background", 1], [2, "Pipeline", 1], [3, "TRAINING AND BENCHMARKING", 1],
                 [3, "DEPLOYMENT", 1], [2, "Conclusion", 1]])
    titles = _titles(_parse(doc))
    assert [(t, lvl) for _, t, lvl in titles] == [
        ("INTRODUCTION", 1), ("BACKGROUND", 1), ("TRAINING AND BENCHMARKING", 1), ("Network Architectures", 2),
        ("Training Configurations", 2), ("DEPLOYMENT", 1), ("Heterogeneous computing", 2), ("CONCLUSION", 1)], titles


def test_a_heading_in_larger_type_over_text_set_in_from_both_edges_stays_a_heading():
    # NeurIPS: "NeurIPS Paper Checklist" in 12 pt bold over its numbered questions, set in from
    # the margin and short of the right edge: a section, though what follows it reads as quoted.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    page.line("2 Method", "tibo", 12, gap=1.6)
    page.paragraph(repeat=3)
    page.line("NeurIPS Paper Checklist", "tibo", 12, gap=1.6)
    page.paragraph(repeat=1, per_line=9, x=100)
    page.paragraph(repeat=1, per_line=9, x=100)
    names = [title for _, title, _ in _titles(_parse(doc))]
    assert "NeurIPS Paper Checklist" in names, names


def test_a_bold_lead_at_the_paragraph_indent_right_under_a_heading_opens_its_paragraph():
    # IEEE: "A. Microbiome Subject Similarity Results", then "Motivation" in bold on a line of its
    # own at the paragraph indent, the paragraph's first line at that indent, its next lines flush:
    # the space above the lead is the heading's, and the lead opens its paragraph.
    doc = pymupdf.open()
    page = _first_page(doc)
    page.line("1 Introduction", "tibo", 12, gap=1.6)
    _indented_paragraph(page)
    page.line("1.1 Microbiome Subject Similarity Results", "tibo", 10, gap=2.0)
    page.line("Motivation", "tibo", 10, x=82, gap=1.2)
    _indented_paragraph(page)
    _indented_paragraph(page)
    page.line("2 Method", "tibo", 12, gap=1.6)
    _indented_paragraph(page)
    names = [title for _, title, _ in _titles(_parse(doc))]
    assert "Motivation" not in names, names
