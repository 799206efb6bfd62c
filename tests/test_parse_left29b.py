"""Reading order and back matter of a magazine's last pages, drawn on PyMuPDF pages by the tests
themselves: references set in two narrow columns inside a page's right column, and the authors'
biographies after them."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import parse_document

SURNAMES = ("Arora", "Bartlett", "Belkin", "Cohen", "Delalleau", "Eldan", "Feldman", "Golowich", "Hardt",
            "Kawaguchi", "Liang", "Livni", "Mhaskar", "Morcos", "Neyshabur", "Poggio", "Recht", "Smith",
            "Soudry", "Telgarsky", "Toneva", "Vapnik", "Yao", "Zhou")


def _entry_lines(k: int) -> list[str]:
    """Entry k's three lines as a narrow column sets them: the number, then two lines set in."""
    return [f"{k}. {SURNAMES[k - 1]}, S., Cohen, N., Hu, W.",
            "Implicit regularization in deep",
            f"networks. Adv. Neural Inf. {2000 + k}."]


def _page_with_narrow_references(biography: bool = False) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((50, 70), "Rethinking How Deep Networks Learn", fontname="tibo", fontsize=16)
    page.insert_text((50, 100), "1 Introduction", fontname="tibo", fontsize=12)
    _lines(page, 50, 296, 118, 50)
    y, _ = _lines(page, 316, 562, 118, 14)
    page.insert_text((316, y + 6), "References", fontname="tibo", fontsize=7)
    top = y + 18
    for column, (x, first) in enumerate(((316, 1), (446, 13))):
        y = top
        for k in range(first, first + 12):
            for n, text in enumerate(_entry_lines(k)):
                page.insert_text((x + (0 if n == 0 else 8), y), text, fontname="helv", fontsize=6.5)
                y += 7.5
        if biography and column == 1:
            # The authors' names in the bold type of "References", their address on the line under
            page.insert_text((x, y + 10), "Jane Doe and Richard Roe", fontname="tibo", fontsize=7)
            page.insert_text((x, y + 17.5), "({jane, richard}@example.com), Example", fontname="helv", fontsize=6.5)
            page.insert_text((x, y + 25), "Lab, Springfield, USA.", fontname="helv", fontsize=6.5)
    return doc.tobytes()


def _parse(data: bytes):
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return parse_document(doc)


def test_references_in_two_narrow_columns_inside_the_right_column_are_read_column_by_column():
    # CACM sets its references in two columns of 6.5 pt inside the page's right column, under the
    # text's last paragraph: read row by row across both, each entry took a line of the one beside
    # it ("1. Arora ... 13. Delalleau ..."), and the list fell apart into 13 entries of 46.
    paper = _parse(_page_with_narrow_references())
    entries = [str(getattr(r, "text", r)) for r in (paper.bibliography or paper.references)]
    assert len(entries) == 24
    for k, entry in enumerate(entries, 1):
        assert entry.startswith(f"{k}. {SURNAMES[k - 1]},")
        assert entry.endswith(f"{2000 + k}.")


def test_authors_names_over_their_address_after_the_references_are_no_heading():
    # The biography after CACM's references opens with the authors' names in the bold type of its
    # "References" heading, their e-mail address on the line under: a byline, no section.
    paper = _parse(_page_with_narrow_references(biography=True))
    assert [s.title for s in paper.sections if s.title] == ["Introduction", "References"]
    assert len(paper.bibliography or paper.references) == 24


# ─────────────────── a page of prose with one thing in it (the tests below) ───────────────────

WORDS = ("the model reads every page of the paper and keeps each sentence whole while the reader "
         "turns the pages so that nothing printed is lost or mixed with the drawings beside it").split()


def _fill(words: list[str], width: float, font: str = "helv") -> list[str]:
    """Words set in lines of 10 pt type no wider than `width`."""
    lines = [""]
    for word in words:
        longer = f"{lines[-1]} {word}".strip()
        if pymupdf.get_text_length(longer, font, 10) > width:
            lines.append(word)
        else:
            lines[-1] = longer
    return lines


def _set(page, lines: list[str], x: float, y: float, pitch: float = 12, font: str = "helv") -> float:
    """Lines from baseline `y` down, `pitch` apart; returns the baseline after the last."""
    for i, line in enumerate(lines):
        page.insert_text((x, y + pitch * i), line, fontname=font, fontsize=10)
    return y + pitch * len(lines)


def _section_page():
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=14)
    return doc, page


def _paragraphs(paper) -> list[str]:
    return [p.text for s in paper.sections for p in s.paragraphs]


def _key(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


def _holds(paper, sentence: str) -> bool:
    return any(f" {_key(sentence)} " in f" {_key(p)} " for p in _paragraphs(paper))


def test_a_pull_quote_beside_a_column_is_read_at_a_sentences_end(tmp_path):
    # IEEE Wireless Communications: a pull quote's ragged lines right of the right column, in a face
    # of their own, were read row by row into the column's lines.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((40, 80), "1 Introduction", fontname="hebo", fontsize=12)
    _set(page, _fill(WORDS * 12, 190), 40, 100)
    right = _fill(WORDS * 3 + ["done."] + ["given", "the", "cost", "of", "a", "central", "orchestrator", "located",
                                           "in", "a", "separate", "cluster", "distributed", "agents", "are", "needed."]
                  + WORDS * 8, 190)
    _set(page, right[:50], 250, 100)
    quote = ["The fundamental idea", "of keeping slices", "apart is a key aspect", "of the networks that",
             "we study in this work", "and one facet of it", "is monitoring them."]
    for i, text in enumerate(quote):
        width = pymupdf.get_text_length(text, "tiit", 9)
        page.insert_text((560 - width, 104 + 13 * i), text, fontname="tiit", fontsize=9)
    paper = _parse(doc.tobytes())
    assert _holds(paper, "given the cost of a central orchestrator located in a separate cluster distributed agents are needed")
    assert _holds(paper, "The fundamental idea of keeping slices apart is a key aspect")
