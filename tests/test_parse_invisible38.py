"""Characters that print nothing stay out of the text: a soft hyphen written before a word it may
break (InDesign's habit: "the \\xadparameters"), a zero-width space (a word processor's optional
break) and a word joiner. A soft hyphen inside a word is a printed hyphen (producers that map the
hyphen glyph to Latin-1's soft-hyphen code: "dual\\xadscreen"); at a line's end it is the break's
hyphen and still joins the word's halves."""

from __future__ import annotations

import re

import pymupdf

from tests.pdf_pages import RUNNING, fill, paragraphs, reparse, section_page

# (two printable stand-ins whose codes the font's ToUnicode map names as the invisible characters:
# PyMuPDF sets no glyph for them, so a page made with `insert_text` cannot hold them otherwise)
STAND_INS = {"~": 0x200B, "^": 0x2060}


def _page_with(rows: list[str]) -> pymupdf.Document:
    doc, page = section_page()
    font = pymupdf.Font("tiro")
    page.insert_font(fontname="U", fontbuffer=font.buffer)
    for i, row in enumerate(rows):
        page.insert_text((72, 110 + 12 * i), row, fontname="U", fontsize=10)
    chars = sorted(set("".join(rows)))
    pairs = [f"<{font.has_glyph(ord(c)):04x}> <{STAND_INS.get(c, ord(c)):04x}>" for c in chars]
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo "
            "<</Registry(Adobe)/Ordering(UCS)/Supplement 0>> def /CMapName /Adobe-Identity-UCS def "
            "/CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange "
            f"{len(pairs)} beginbfchar\n" + "\n".join(pairs) +
            "\nendbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    for xref in range(1, doc.xref_length()):
        found = re.search(r"/ToUnicode (\d+) 0 R", doc.xref_object(xref))
        if found:
            doc.update_stream(int(found.group(1)), cmap.encode())
    return doc


def test_soft_hyphens_and_zero_width_spaces_inside_a_line_are_dropped():
    words = RUNNING * 3
    marked = list(words)
    marked[5] = "\xad" + marked[5]  # (before a word, as InDesign writes it)
    marked[20] = marked[20] + "\xad" + marked[21]  # (a printed hyphen coded as a soft one)
    del marked[21]
    marked[33] = marked[33] + "~"  # (a zero-width space after a word)
    marked[40] = "^" + marked[40]  # (a word joiner)
    doc = _page_with(fill(marked, 440, font="tiro"))
    # (the premise: the page's text layer holds them)
    raw = pymupdf.open("pdf", doc.tobytes())[0].get_text()
    assert all(ch in raw for ch in "\xad\u200b\u2060")
    text = " ".join(paragraphs(reparse(doc)))
    assert not any(ch in text for ch in "\xad\u200b\u2060")
    printed = words[:20] + [words[20] + "-" + words[21]] + words[22:]
    assert " ".join(printed) in text


def test_a_soft_hyphen_at_a_line_end_still_joins_the_word():
    first, rest = " ".join(RUNNING[:9]), " ".join(RUNNING[9:18])
    doc = _page_with([first + " ma\xad", "chine " + rest + "."])
    text = " ".join(paragraphs(reparse(doc)))
    assert first + " machine " + rest in text
