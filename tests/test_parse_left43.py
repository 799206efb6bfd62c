"""Leftovers of the tune split (parser version 43, left43): a row whose inline fraction holds a sum,
on pages drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from test_parse_heads9 import Page, _parse  # noqa: E402  (heads9's page writer and parse helper)


def _text(paper) -> str:
    return " | ".join(" ".join(p.text.split()) for s in paper.sections for p in s.paragraphs)


# the base-14 font drawing each math font, renamed after it below
_MATH = {"CMR10": "helv", "CMMI10": "heit", "CMEX7": "cour", "CMR5": "hebo", "CMMI5": "hebi", "CMR7": "cobo",
         "CMMI7": "coit"}
# each math glyph's advance as the TeX font has it (thousandths of the size): the sum sign runs on to its limits
_WIDTHS = {"CMR10": {"\u02c6": 500, "=": 778, " ": 333}, "CMMI10": {"D": 828, ".": 278}, "CMEX7": {"P": 1200},
           "CMR5": {"3": 681, "=": 1028, "0": 681}, "CMMI5": {"i": 534, " ": 333},
           "CMR7": {"\u02c6": 571, "4": 571, " ": 333}, "CMMI7": {"D": 935}}
_NAMES = {"Helvetica": "CMR10", "Helvetica-Oblique": "CMMI10", "Courier": "CMEX7", "Helvetica-Bold": "CMR5",
          "Helvetica-BoldOblique": "CMMI5", "Courier-Bold": "CMR7", "Courier-Oblique": "CMMI7"}


def _sum_fraction_row() -> object:
    """Two columns of prose; the right column holds the row "nal depth map is D̂ = ∑³ᵢ₌₀ D̂ᵢ / 4. The L1
    reconstruction loss" / "is employed for aligning Depth tokens.", its inline fraction set as a
    paper in Times and Computer Modern prints it (each piece where that paper has it): the sum
    sign with its limits and the numerator's hatted D drawn over the row in script sizes, the
    denominator "4" under them, below the row's baseline; the sum sign's code reads as no character
    (U+FFFD), as that paper's CMEX7 gives it."""
    doc = pymupdf.open()
    page = Page(doc)
    page.line("1 Introduction", "tibo", 12)
    page.skip(4)
    while page.y < 700:
        page.paragraph(repeat=2, per_line=7, x=58.5)
    p = page.page
    # (written with the fonts embedded: the base-14 encoding has no "ˆ"; each embedded font's box set below)
    writer = pymupdf.TextWriter(p.rect)
    rows = ("The depth tokens are read by the decoder of the depth model",
            "through a product with its features and",
            "the result is compared with the depth map that the model gives", "for the same image, each token once, and",
            "middle layer feature from DepthAnything encoder. The fi-")
    for k, row in enumerate(rows):
        writer.append((317.25, 425.21 + 11.95 * k), row, font=pymupdf.Font("tiro"), fontsize=9.96)
    for x, y, size, font, text in (
            (317.25, 488.25, 9.96, "tiro", "nal depth map is"),
            (388.03, 485.74, 9.96, "CMR10", "\u02c6"),
            (385.71, 488.25, 9.96, "CMMI10", "D"),
            (397.18, 488.25, 9.96, "CMR10", "="),
            (409.07, 477.69, 6.97, "CMEX7", "P"),
            (417.44, 479.92, 4.98, "CMR5", "3"),
            (417.44, 485.17, 4.98, "CMMI5", "i"),
            (420.10, 485.17, 4.98, "CMR5", "=0"),
            (432.27, 481.16, 6.97, "CMR7", "\u02c6"),
            (430.46, 482.92, 6.97, "CMMI7", "D"),
            (436.98, 483.92, 4.98, "CMMI5", "i"),
            (422.61, 491.69, 6.97, "CMR7", "4"),
            (441.33, 488.25, 9.96, "CMMI10", "."),
            (446.60, 488.25, 9.96, "tiro", "The L1 reconstruction loss"),
            (317.25, 500.21, 9.96, "tiro", "is employed for aligning Depth tokens.")):
        writer.append((x, y), text, font=pymupdf.Font(_MATH.get(font, font)), fontsize=size)
    for k, row in enumerate(("3) Edge tokens are aligned with the edge model in the same",
                             "way, each of four tokens a kernel applied to",
                             "the dense features of the edge encoder, and the edge map is")):
        writer.append((317.25, 512.16 + 11.95 * k), row, font=pymupdf.Font("tiro"), fontsize=9.96)
    writer.write_text(p)
    for xref, _, _, name, *_ in p.get_fonts():  # (the embedded fonts named and measured as TeX's are)
        base = name.split("+")[-1]
        if base not in _NAMES and base != "Times-Roman" or doc.xref_get_key(xref, "Subtype")[1] != "/Type0":
            continue
        tex = _NAMES.get(base, "NimbusRomNo9L-Regu")
        doc.xref_set_key(xref, "BaseFont", f"/{tex}")
        descendant = int(doc.xref_get_key(xref, "DescendantFonts")[1].strip("[]").split()[0])
        doc.xref_set_key(descendant, "BaseFont", f"/{tex}")
        if tex in _WIDTHS:
            font = pymupdf.Font(_MATH[tex])
            doc.xref_set_key(descendant, "W", "[" + " ".join(f"{font.has_glyph(ord(c))} [{w}]"
                                                            for c, w in _WIDTHS[tex].items()) + "]")
        if tex == "CMEX7":  # (its text layer reads the sum sign as no character, U+FFFD)
            cmap = int(doc.xref_get_key(xref, "ToUnicode")[1].split()[0])
            gid = pymupdf.Font(_MATH[tex]).has_glyph(ord("P"))
            doc.update_stream(cmap, (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
                                     b"1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar "
                                     b"<%04X> <D800> endbfchar endcmap CMapName currentdict /CMap defineresource pop "
                                     b"end end" % gid))
        descriptor = int(doc.xref_get_key(descendant, "FontDescriptor")[1].split()[0])
        doc.xref_set_key(descriptor, "FontName", f"/{tex}")
        ascent, descent = (40, -600) if tex == "CMEX7" else (694, -195)  # (the sum sign hangs from its baseline)
        doc.xref_set_key(descriptor, "Ascent", str(ascent))
        doc.xref_set_key(descriptor, "Descent", str(descent))
    return _parse(doc)


def test_a_sum_over_a_fraction_in_a_row_keeps_the_row_whole():
    # arXiv 2025 (chain of visual thought): "nal depth map is D̂ = ∑ D̂ᵢ / 4. The L1 reconstruction loss"
    # was read as two lines on one baseline, the sum's pieces taking the words after it, and the
    # denominator "4" left as a short line after them: the paragraph broke after "loss".
    text = _text(_sum_fraction_row())
    assert "The L1 reconstruction loss is employed for aligning Depth tokens." in text, text
