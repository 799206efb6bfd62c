"""Papers printed anew through cairo (Firefox's print to PDF): each face's box is the one its font
declares, taller than the letters, so the rules read the printed geometry (baselines, sizes) where
the boxes' gaps mislead. Pages drawn with PyMuPDF."""

from __future__ import annotations

import pymupdf
import pytest

from pdf_pages import lines as _lines

from paperkit.reading.parse import parse_pdf


def test_a_title_stands_apart_from_the_names_by_its_baselines(tmp_path):
    # ICASSP printed through cairo: a 12 pt bold title in two lines 13.2 pt apart, the names in
    # 12 pt italic 26.7 pt under its last baseline; the faces' declared boxes (Times Bold reaching
    # 1.04 em up and 0.34 down) left 9 pt between the boxes, less than the title's size, and the
    # names ran on the title.
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((80, 100), "DEEP CLUSTERING AND CONVENTIONAL NETWORKS FOR MUSIC", fontname="tibo", fontsize=12)
    page.insert_text((180, 113.2), "SEPARATION: STRONGER TOGETHER", fontname="tibo", fontsize=12)
    page.insert_text((120, 139.9), "Yi Luo     Zhuo Chen     John R. Hershey", fontname="tiit", fontsize=12)
    page.insert_text((150, 167), "Department of Electrical Engineering, Columbia University", fontname="tiro", fontsize=12)
    page.insert_text((150, 200), "ABSTRACT", fontname="tibo", fontsize=10)
    _lines(page, 72, 300, 216, 12)
    page.insert_text((72, 380), "1. INTRODUCTION", fontname="tibo", fontsize=10)
    _lines(page, 72, 300, 396, 20)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    title = [s for b in pymupdf.open(path)[0].get_text("dict")["blocks"] for ln in b.get("lines", ())
             for s in ln["spans"] if s["text"].startswith("SEPARATION")][0]
    names = [s for b in pymupdf.open(path)[0].get_text("dict")["blocks"] for ln in b.get("lines", ())
             for s in ln["spans"] if s["text"].startswith("Yi Luo")][0]
    assert names["bbox"][1] - title["bbox"][3] < 12, (title["bbox"], names["bbox"])  # the boxes' gap misleads
    paper = parse_pdf(path)
    assert paper.title == "DEEP CLUSTERING AND CONVENTIONAL NETWORKS FOR MUSIC SEPARATION: STRONGER TOGETHER", \
        paper.title


def _windows_quote(path) -> None:
    """Rewrite the page's font map to Unicode as cairo writes it when printing a font that named its
    quotes by Windows bytes (0x92 the right quote, 0x93 and 0x94 the double ones): the quotes'
    glyphs mapped to U+0092..U+0094, the other glyphs to their characters."""
    doc = pymupdf.open(path)
    page = doc[0]
    glyphs = {glyph: ucs for trace in page.get_texttrace() for ucs, glyph, _, _ in trace["chars"]}
    windows = {0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94}
    entries = "".join(f"<{glyph:04x}> <{windows.get(ucs, ucs):04x}>\n" for glyph, ucs in sorted(glyphs.items()))
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<< /Registry (Adobe)\n"
            "/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n"
            f"{len(glyphs)} beginbfchar\n{entries}endbfchar\nendcmap\n"
            "CMapName currentdict /CMap defineresource pop\nend\nend\n")
    xref = page.get_fonts()[0][0]
    unicode_xref = int(doc.xref_get_key(xref, "ToUnicode")[1].split()[0])
    doc.update_stream(unicode_xref, cmap.encode())
    doc.saveIncr()


@pytest.mark.parametrize("quoted", [False, True])
def test_a_character_mapped_to_a_windows_byte_is_named(tmp_path, quoted):
    # Dynamo printed through cairo: the title's apostrophe, byte 0x92 in the original's Arial, mapped
    # to U+0092; the text layer gave U+FFFD and the title read "Amazons".
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_font(fontname="F0", fontbuffer=pymupdf.Font("tibo").buffer)
    page.insert_text((72, 100), "Dynamo: Amazon’s Highly Available Key-value Store", fontname="F0", fontsize=18)
    page.insert_text((200, 130), "Giuseppe DeCandia, Deniz Hastorun", fontname="tiro", fontsize=12)
    if quoted:  # (two characters named by Windows bytes in one font: each told by its glyph)
        page.insert_text((72, 700), "“Dynamo” ends the paper.", fontname="F0", fontsize=10)
    page.insert_text((72, 170), "ABSTRACT", fontname="tibo", fontsize=10)
    _lines(page, 72, 300, 186, 12)
    page.insert_text((72, 350), "1. INTRODUCTION", fontname="tibo", fontsize=10)
    _lines(page, 72, 300, 366, 20)
    path = tmp_path / "paper.pdf"
    doc.save(path)
    _windows_quote(path)
    text = pymupdf.open(path)[0].get_text(flags=pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP)
    assert "Amazon\ufffds" in text, text[:80]
    paper = parse_pdf(path)
    assert paper.title == "Dynamo: Amazon’s Highly Available Key-value Store", paper.title
    if quoted:
        assert "“Dynamo” ends the paper." in " ".join(s.text for s in paper.sections), [s.text[-80:] for s in paper.sections]
