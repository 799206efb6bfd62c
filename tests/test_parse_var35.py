"""Papers without bookmarks and metadata: headings and titles read from the printed page alone
(pages drawn here with PyMuPDF, no outline, no metadata)."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf

WORDS = ("the model reads every page of the paper and keeps each sentence whole while the reader "
         "turns the pages so that nothing printed is lost or mixed with the drawings beside it and "
         "every heading is found where the author set it").split()


def _fill(words: list[str], width: float, size: float) -> list[str]:
    lines, line = [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if line and pymupdf.get_text_length(trial, "tiro", size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + [line] if line else lines


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
