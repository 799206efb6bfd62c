"""Type 3 fonts for the parser's tests: the fonts old PDF tool chains write (Ghostscript, dvips), whose
text layers carry odd sizes, unnamed glyphs and low glyph boxes. Every glyph is drawn as a filled box."""

from __future__ import annotations


def type3_font(doc, page, glyphs: dict[int, str], *, name: str = "T3", advance: int = 500,
               glyph_box: tuple[int, int] = (500, 700), font_box: tuple[int, int] | None = None,
               scale: float = 0.001, to_unicode: bytes | None = None) -> str:
    """Add a Type 3 font to `page`'s resources as /`name` and return the name. `glyphs` maps each
    character code to its glyph name; every glyph advances `advance` units and draws a `glyph_box`
    rectangle; `font_box` is the FontBBox's upper corner (the glyph box by default), `scale` the
    FontMatrix's; `to_unicode` an optional ToUnicode CMap."""
    proc = doc.get_new_xref()
    doc.update_object(proc, "<< >>")
    w, h = glyph_box
    doc.update_stream(proc, f"{advance} 0 0 0 {w} {h} d1 0 0 {w} {h} re f".encode())
    first, last = min(glyphs), max(glyphs)
    fx, fy = font_box or glyph_box
    unicode = ""
    if to_unicode is not None:
        cmap = doc.get_new_xref()
        doc.update_object(cmap, "<< >>")
        doc.update_stream(cmap, to_unicode)
        unicode = f" /ToUnicode {cmap} 0 R"
    font = doc.get_new_xref()
    doc.update_object(font, f"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 {fx} {fy}] "
                            f"/FontMatrix [{scale} 0 0 {scale} 0 0] "
                            f"/CharProcs << {' '.join(f'/{g} {proc} 0 R' for g in set(glyphs.values()))} >> "
                            f"/Encoding << /Type /Encoding /Differences [{' '.join(f'{c} /{g}' for c, g in sorted(glyphs.items()))}] >> "
                            f"/FirstChar {first} /LastChar {last} /Widths [{' '.join([str(advance)] * (last - first + 1))}] "
                            f"/Resources << >>{unicode} >>")
    return register_font(doc, page, name, font)


def register_font(doc, page, name: str, font: int) -> str:
    """Name the font object `font` (an xref) `name` in the page's resources; returns `name`."""
    kind, value = doc.xref_get_key(page.xref, "Resources")
    resources = int(value.split()[0]) if kind == "xref" else page.xref
    prefix = "" if kind == "xref" else "Resources/"
    kind, value = doc.xref_get_key(resources, prefix + "Font")
    if kind == "xref":
        doc.xref_set_key(int(value.split()[0]), name, f"{font} 0 R")
    else:
        doc.xref_set_key(resources, f"{prefix}Font/{name}", f"{font} 0 R")
    return name

def show(doc, page, font: str, size: float, runs: list[tuple[float, float, str]]) -> None:
    """Append text in `font` at `size` to the page: (x, y from the top, PDF string body) per run."""
    stream = "".join(f"BT /{font} {size} Tf 1 0 0 1 {x} {page.rect.height - y} Tm ({text}) Tj ET\n" for x, y, text in runs)
    xref = page.get_contents()[-1]
    doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + stream.encode())


LETTERS = {ord(c): c for c in "abcdefghijklmnopqrstuvwxyz"}


def mapped_glyph(doc, page, x: float, y: float, size: float, unicode: str, *, advance: int = 600,
                 glyph_box: tuple[int, int] = (600, 700), name: str = "T3") -> None:
    """One glyph of a Type 3 font at (x, y from the top) whose ToUnicode entry names the UTF-16 code
    `unicode` (four hex digits: "D800", none the text layer can read, gives U+FFFD)."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <61> <" + unicode.encode() +
            b"> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    font = type3_font(doc, page, {97: "g7"}, name=name, advance=advance, glyph_box=glyph_box,
                      font_box=glyph_box, to_unicode=cmap)
    show(doc, page, font, size, [(x, y, "a")])
