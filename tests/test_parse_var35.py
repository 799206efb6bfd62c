"""Papers without bookmarks and metadata: headings and titles read from the printed page alone
(pages drawn here with PyMuPDF, no outline, no metadata)."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.test_parse_s24sent import _fill

WORDS = ("the model reads every page of the paper and keeps each sentence whole while the reader "
         "turns the pages so that nothing printed is lost or mixed with the drawings beside it and "
         "every heading is found where the author set it").split()


def _paragraph(page, y: float, size: float, n: int = 2) -> float:
    """`n` copies of the words set as one paragraph in Times, its first line indented; the y under it."""
    pitch = 1.25 * size
    for k, line in enumerate(_fill(WORDS * n, 440, size)):
        page.insert_text((72 + (18 if k == 0 else 0), y), line[:1].upper() + line[1:] if k == 0 else line,
                         fontname="tiro", fontsize=size)
        y += pitch
    return y


def _face_headed_pdf(path, heading_font: str = "helv") -> None:
    """Pages of Times text whose headings are set in `heading_font`, regular, at the text's size."""
    doc = pymupdf.open()
    size = 11
    heads = [["Introduction", "Related Work"], ["Methods", "Data Collection"], ["Results", "Discussion"]]
    for number, pair in enumerate(heads):
        page = doc.new_page(width=595, height=842)
        y = 90
        if number == 0:
            page.insert_text((130, y), "A Study of Headings in a Face of Their Own", fontname="tibo", fontsize=16)
            y += 50
        for head in pair:
            page.insert_text((72, y), head, fontname=heading_font, fontsize=size)
            y = _paragraph(page, y + 1.6 * size, size) + 1.2 * size
    doc.save(path)


def _titles(paper) -> list[str]:
    return [s.title for s in paper.sections if s.title]


def test_headings_in_a_sans_face_of_their_own_at_the_text_size_are_headings(tmp_path):
    path = tmp_path / "face.pdf"
    _face_headed_pdf(path)
    with pymupdf.open(path) as doc:
        assert not doc.get_toc()
    titles = _titles(parse_pdf(path))
    for head in ("Introduction", "Related Work", "Methods", "Data Collection", "Results", "Discussion"):
        assert head in titles, titles


def test_lines_in_the_text_s_own_face_at_its_size_stay_text(tmp_path):
    path = tmp_path / "same.pdf"
    _face_headed_pdf(path, heading_font="tiro")
    titles = _titles(parse_pdf(path))
    # (the same lines in the text's face: only the rules of a plain line over a paragraph weigh them,
    # and a page's first line under no paragraph is no heading by those)
    assert "Methods" not in titles and "Results" not in titles, titles


def test_a_series_name_over_the_title_set_further_apart_is_no_part_of_it(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((150, 84), "Classical Text in Translation", fontname="tiro", fontsize=16)
    page.insert_text((90, 112), "An Example of Statistical Investigation of the Text", fontname="tiro", fontsize=16)
    page.insert_text((110, 131), "Concerning the Connection of Samples in Chains", fontname="tiro", fontsize=16)
    page.insert_text((250, 170), "A. A. Markov", fontname="tiit", fontsize=13)
    _paragraph(page, 230, 11, n=3)
    path = tmp_path / "kicker.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert paper.title == ("An Example of Statistical Investigation of the Text "
                           "Concerning the Connection of Samples in Chains"), paper.title


def test_a_title_whose_rows_step_evenly_keeps_its_first_row(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for k, row in enumerate(("Classical Text in Translation", "An Example of Statistical Investigation of the Text",
                             "Concerning the Connection of Samples in Chains")):
        page.insert_text((90, 84 + 19 * k), row, fontname="tiro", fontsize=16)
    page.insert_text((250, 160), "A. A. Markov", fontname="tiit", fontsize=13)
    _paragraph(page, 230, 11, n=3)
    path = tmp_path / "even.pdf"
    doc.save(path)
    assert parse_pdf(path).title.startswith("Classical Text in Translation"), parse_pdf(path).title


def test_back_matter_labels_in_the_type_of_acknowledgements_are_sections(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    y = 80
    for number, head in enumerate(("Introduction", "Methods", "Conclusion"), start=1):
        page.insert_text((72, y), f"{number} {head}", fontname="hebo", fontsize=12)
        y = _paragraph(page, y + 20, 10) + 14
    page = doc.new_page(width=595, height=842)
    y = 80
    page.insert_text((72, y), f"{number}.1 Outlook", fontname="hebo", fontsize=11)
    y = _paragraph(page, y + 18, 10) + 14
    for head in ("Acknowledgements", "Author details", "Competing interests"):
        page.insert_text((72, y), head, fontname="hebo", fontsize=8)
        y += 14
        for line in _fill(WORDS * 2, 440, 8)[:4]:
            page.insert_text((72, y), line[:1].upper() + line[1:], fontname="tiro", fontsize=8)
            y += 10
        y += 12
    page.insert_text((72, y), "References", fontname="hebo", fontsize=8)
    for k in range(1, 6):
        page.insert_text((72, y + 12 * k), f"{k}. A. Author, B. Writer, A study of reading, J. Pap. {k}, 1-{k}0 (2011)",
                         fontname="tiro", fontsize=8)
    path = tmp_path / "back.pdf"
    doc.save(path)
    sections = {s.title: s.level for s in parse_pdf(path).sections if s.title}
    assert sections.get("Acknowledgements") == 1, sections
    assert sections.get("Author details") == 1 and sections.get("Competing interests") == 1, sections
