"""Papers printed anew through cairo (poppler's `pdftocairo`, a browser's print to PDF), read by what
the printed page keeps when the copy's text layer loses it. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf
import pytest

from pdf_pages import holds
from pdf_pages import lines as _lines

from paperkit.reading.glyph_repairs import glyph_name_text as _glyph_name_text
from paperkit.reading.parse import parse_pdf


@pytest.mark.parametrize("name, text", [("f_i", "fi"), ("f_f_i", "ffi"), ("T_h", "Th"), ("fi", "fi"),
                                        ("uni00540068", "Th"), ("u1F600", "\U0001F600"), ("quoteright", "’"),
                                        ("f_i.alt", "fi"), ("g12", ""), ("glyph7", ""), (".notdef", ""), ("T_g12", "")])
def test_a_glyph_name_spells_its_text_by_the_glyph_list(name, text):
    assert _glyph_name_text(name) == text


SENTENCES = ["Specifically, the efficient flow of the first files is the fifth of the offices.",
             "The official figures find that the staff fill the offline buffers efficiently.",
             "Their final effort shows the benefit of a flexible schedule for the affected fields."]
LIGATURES = {"ffi": "\ufb03", "ffl": "\ufb04", "ff": "\ufb00", "fi": "\ufb01", "fl": "\ufb02"}


def _ligatures(text: str) -> str:
    for letters, ligature in LIGATURES.items():
        text = text.replace(letters, ligature)
    return text


def _unnamed_ligatures(path) -> None:
    """Rewrite the body font's map to Unicode as cairo writes a subset of a font's ligatures: each
    ligature's glyph mapped to U+FFFD, the other glyphs to their characters."""
    doc = pymupdf.open(path)
    page = doc[0]
    xref = next(f[0] for f in page.get_fonts() if f[4] == "F0")
    glyphs = {glyph: ucs for trace in page.get_texttrace() if "Nimbus" in trace["font"]
              for ucs, glyph, _, _ in trace["chars"]}
    entries = "".join(f"<{glyph:04x}> <{0xFFFD if 0xFB00 <= ucs <= 0xFB06 else ucs:04x}>\n"
                      for glyph, ucs in sorted(glyphs.items()))
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<< /Registry (Adobe)\n"
            "/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n"
            f"{len(glyphs)} beginbfchar\n{entries}endbfchar\nendcmap\n"
            "CMapName currentdict /CMap defineresource pop\nend\nend\n")
    unicode_xref = int(doc.xref_get_key(xref, "ToUnicode")[1].split()[0])
    doc.update_stream(unicode_xref, cmap.encode())
    doc.saveIncr()


def test_a_ligature_mapped_to_no_character_is_named_by_its_glyph(tmp_path):
    # ACM papers in Linux Libertine printed through cairo: the ligatures' glyphs ("f_i", "f_f_i",
    # "T_h") in a subset of their own whose map to Unicode names each U+FFFD; the words lost their
    # letters ("Speci cally", "di cult", " is is") and 12 of 30 sentences of a paper broke.
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="F0", fontbuffer=pymupdf.Font("tiro").buffer)
    page.insert_text((72, 80), "1 Introduction", fontname="tibo", fontsize=12)
    y, _ = _lines(page, 72, 520, 100, 4)
    for sentence in SENTENCES:
        page.insert_text((72, y), _ligatures(sentence), fontname="F0", fontsize=10)
        y += 12
    _lines(page, 72, 520, y, 6, start=9)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    _unnamed_ligatures(path)
    text = pymupdf.open(path)[0].get_text(flags=pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP)
    assert "Speci\ufffdcally" in text, text[:400]  # (the copy's text layer names no ligature)
    paper = parse_pdf(path)
    for sentence in SENTENCES:
        assert holds(paper, sentence), [p.text for s in paper.sections for p in s.paragraphs]


def _unnamed(font: str, weight: bytes = b"", angle: bytes = b"") -> bytes:
    """A base-14 face whose program no longer names its weight or slope (as cairo's re-embedded
    subsets, "CairoFont-N-M"): the CFF's ItalicAngle made 0 where `angle` (its real number's bytes)
    is given, the Weight's string "Bold" (SID 384) made "Regular" (SID 388) where `weight` is."""
    buffer = pymupdf.Font(font).buffer
    if angle:
        assert buffer.count(angle + bytes([12, 2])) == 1
        buffer = buffer.replace(angle + bytes([12, 2]), bytes([0x1E, 0x0A, 0x00, 0x0F])[:len(angle)] + bytes([12, 2]))
    if weight:
        assert buffer.count(weight) == 1
        buffer = buffer.replace(weight, bytes([248, 24, 4]))
    return buffer.replace(b"Italic", b"Kursiv").replace(b"Bold", b"Fett")


def test_a_font_drawn_leaning_but_not_named_so_is_italic(tmp_path):
    # An Elsevier preprint printed through cairo: its subsections' headings ("2.1. Nonuniform
    # smoothness models") in CM text italic, renamed "CairoFont-7-0" with a roman's flags and an
    # italic angle of 0; read as roman lines, the four subsections were lost.
    from paperkit.reading.parse import _ITALIC_SLANT, _stems_and_slant

    italic = _unnamed("tiit", angle=bytes([0x1E, 0xE1, 0x5A, 0x5F]))
    assert _stems_and_slant(italic)[1] >= _ITALIC_SLANT
    assert _stems_and_slant(pymupdf.Font("tiro").buffer)[1] < _ITALIC_SLANT
    assert _stems_and_slant(pymupdf.Font("hebo").buffer)[1] < _ITALIC_SLANT
    assert _stems_and_slant(pymupdf.Font("heit").buffer)[1] >= _ITALIC_SLANT
    doc = pymupdf.open()
    headings = iter([("1.", "Introduction", "F6"), ("1.1.", "Nonuniform smoothness models", "F7"),
                     ("1.2.", "Heterogeneous smoothness models", "F7"), ("2.", "Methods", "F6"),
                     ("2.1.", "Simulations", "F7"), ("2.2.", "Analyses", "F7")])
    for page_index in range(2):
        page = doc.new_page()
        page.insert_font(fontname="F6", fontbuffer=_unnamed("tibo", weight=bytes([248, 20, 4])))
        page.insert_font(fontname="F7", fontbuffer=italic)
        y = 80.0
        if page_index == 0:
            page.insert_text((72, y), "On the validity of smoothness models for one-dimensional data", fontname="tiro", fontsize=16)
            y += 40
        for _ in range(3):
            number, title, font = next(headings)
            page.insert_text((72, y), f"{number} {title}", fontname=font, fontsize=10)
            y, _ = _lines(page, 72, 540, y + 16, 10)
            y += 14
    path = tmp_path / "paper.pdf"
    doc.save(path)
    spans = [s for b in pymupdf.open(path)[0].get_text("dict")["blocks"] for ln in b.get("lines", ())
             for s in ln["spans"] if s["text"].startswith("1.1.")]
    assert spans and not spans[0]["flags"] & 2 and "ital" not in spans[0]["font"].lower(), spans
    paper = parse_pdf(path)
    assert [(s.number, s.title) for s in paper.sections] == [
        ("1", "Introduction"), ("1.1", "Nonuniform smoothness models"), ("1.2", "Heterogeneous smoothness models"),
        ("2", "Methods"), ("2.1", "Simulations"), ("2.2", "Analyses")], [(s.number, s.title) for s in paper.sections]
