"""A paper whose body font names no glyph at all, not even by a code the text layer knows: a page
printed anew (cairo's print to PDF) from one that was read by its character codes re-embeds the font
as a subset numbered in the order its glyphs are first drawn, each mapped to U+FFFD. The font's codes
are solved as a letter cipher from the paper's own words (`paperkit.reading.cipher`)."""

from __future__ import annotations

import pymupdf
import pytest

from paperkit.reading import lexicon
from paperkit.reading.parse import parse_document
from tests.pdf_fonts import type3_font
from tests.pdf_pages import paragraphs

SENTENCES = [
    "the people of the town have always known that the river would rise again after the long winter",
    "each year the water comes down from the hills and covers the fields where the farmers grow their food",
    "some of them have moved away to the city but most families stay because the land is good",
    "the children learn to read the signs of the weather from their parents and their grandparents",
    "when the rain begins in the spring the men work through the night to build walls of earth and stone",
    "the women carry food and water to the workers and keep the fires burning until the morning",
    "this story has been told many times in the small school near the old church on the hill",
    "there is a great deal of work to be done before the next season brings more rain to the valley",
    "our study shows that the number of houses near the river has grown over the last fifty years",
    "we found that most people would rather live close to the water than move to higher ground",
    "the results suggest that simple changes to the way houses are built could save many lives",
    "in the future these methods may help other communities that face the same kind of danger",
]


def _cipher_pdf() -> bytes:
    """Title and heading in Helvetica; the body in a Type 3 font whose codes are given to its
    letters (and its space glyph) in the order they are first drawn, each mapped to U+FFFD."""
    text = " ".join(f"{s}." for s in SENTENCES * 4)
    codes: dict[str, int] = {}
    for ch in text:
        codes.setdefault(ch, len(codes) + 1)
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Adobe-Identity-UCS def "
            "/CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange "
            f"{len(codes)} beginbfchar " + " ".join(f"<{c:02X}> <FFFD>" for c in codes.values()) +
            " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    doc = pymupdf.open()
    words = text.split(" ")
    k = 0
    for _ in range(2):
        page = doc.new_page(width=612, height=792)
        font = type3_font(doc, page, {c: f"g{c}" for c in codes.values()}, name="C0", advance=500,
                          glyph_box=(450, 500), to_unicode=cmap)
        if len(doc) == 1:
            page.insert_text((72, 60), "Rivers and Towns", fontname="hebo", fontsize=16)
            page.insert_text((72, 90), "1 Introduction", fontname="hebo", fontsize=12)
        rows, y = [], 110.0
        while k < len(words) and y < 740:
            line = []
            while k < len(words) and len(" ".join(line + [words[k]])) <= 95:
                line.append(words[k])
                k += 1
            hexed = "".join(f"{codes[ch]:02X}" for ch in " ".join(line))
            rows.append(f"BT /{font} 10 Tf 1 0 0 1 72 {792 - y} Tm <{hexed}> Tj ET")
            y += 12.0
        xref = page.get_contents()[-1] if page.get_contents() else None
        if xref is None:
            page.insert_text((72, 40), " ", fontname="helv", fontsize=8)
            xref = page.get_contents()[-1]
        doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + "\n".join(rows).encode())
    return doc.tobytes()


@pytest.mark.skipif(not lexicon.available(), reason="the word list (symspellpy) is not installed")
def test_a_font_that_names_no_glyph_is_read_as_a_solved_cipher():
    doc = pymupdf.open("pdf", _cipher_pdf())
    # (the premise: the text layer reads nothing of the body but U+FFFD)
    assert "the" not in doc[0].get_text(flags=0).split()
    paper = parse_document(doc)
    text = " ".join(paragraphs(paper))
    assert "the people of the town have always known that the river would rise again" in text, text[:300]
