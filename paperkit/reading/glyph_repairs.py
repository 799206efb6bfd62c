"""Repairs of text layers whose glyphs read wrong, which few papers need.

`repair_degenerate_sizes`: spans that say no usable size (a converter that scales the font matrix
instead), given one from their glyphs. `glyph_name_text` and `named_glyphs`: a font whose map to
Unicode gives U+FFFD, its glyphs named by the names its program gives them. The parse
(`paperkit.reading.parse`, `_repair_text_layer`) finds the spans that need them and imports this
only then.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections import Counter

from paperkit.reading.patterns import cached


def repair_degenerate_sizes(blocks: list[dict]) -> None:
    """Give spans with no usable font size one from their glyphs. Some converters (Ghostscript's
    Type 3 fonts) scale the font matrix instead of the size: every span says 0.24 pt and its box
    reaches hundreds of points above its baseline. Such a span gets the size that the average
    glyph width of its printed line implies (about half an em), rounded to a point so that the
    lines of one paragraph still compare, and a box of that height on its baseline."""
    rows: dict[int, list[dict]] = {}
    for b in blocks:
        for ln in b.get("lines", ()):
            for s in ln["spans"]:
                if s["size"] < 1.0 and s["text"].strip():
                    if (row := rows.get(y := round(s["origin"][1]))) is None:
                        row = rows[y] = []
                    row.append(s)
    if not rows:
        return
    # The widths of a row's letters say its size only to a tenth or so ("the" is narrower than "was"):
    # rows of the body text, within a tenth of the page's usual estimate, all get that one size, or
    # the size would change from line to line inside a paragraph (9, 10, 11 pt) and cut it there.
    chars = {y: max(1, sum(len(s["text"]) for s in row)) for y, row in rows.items()}
    guess = {y: min(30.0, max(4.0, 2.0 * sum(s["bbox"][2] - s["bbox"][0] for s in row) / chars[y]))
             for y, row in rows.items()}
    weighted = sorted((guess[y], chars[y]) for y in rows)
    half, seen, usual = sum(chars.values()) / 2, 0, weighted[-1][0]
    for value, count in weighted:
        seen += count
        if seen >= half:
            usual = value
            break
    # A glyph so scaled in a row of text whose own size is usable (a symbol of a Type 3 math font,
    # SIGGRAPH 2000's ∂Ω at 0.12 pt among 9 pt Times words) is set in the row's size: its own width
    # guessed it 12 pt, and the row was cut in three lines at it.
    sized: dict[int, Counter] = {}
    for b in blocks:
        for ln in b.get("lines", ()):
            for s in ln["spans"]:
                if s["size"] >= 1.0 and round(s["origin"][1]) in rows and s["text"].strip():
                    sized.setdefault(round(s["origin"][1]), Counter())[round(s["size"] * 2) / 2] += len(s["text"].strip())
    for y, row in rows.items():
        size = float(round(usual if abs(guess[y] - usual) <= 0.1 * usual else guess[y]))
        onto = None  # the row an accent over one of its symbols is set on
        if y in sized and sum(sized[y].values()) >= 2 * chars[y]:
            size = sized[y].most_common(1)[0][0]
        elif (near := min((k for k in sized if 0 < abs(k - y) < 0.75 * sized[k].most_common(1)[0][0]),
                          key=lambda k: abs(k - y), default=None)) is not None:
            # (a script of the symbols so scaled, its baseline raised or lowered less than half the
            # row's size off the row's: a script's size, "L^n" beside 9 pt words; further up, an
            # accent over a symbol, the arrow over a vector's N: read on that symbol's row)
            size = sized[near].most_common(1)[0][0]
            if abs(near - y) < 0.5 * size:
                size *= 0.7
            else:
                onto = near
        for s in row:
            if onto is not None:
                s["origin"] = (s["origin"][0], float(onto))
            base = s["origin"][1]
            s["size"], s["bbox"] = size, (s["bbox"][0], base - 0.8 * size, s["bbox"][2], base + 0.2 * size)
    for b in blocks:
        for ln in b.get("lines", ()):
            spans = ln["spans"]
            if len(spans) == 1:  # (a line of one span, each word of Ghostscript's text: its box)
                x = spans[0]["bbox"]
                ln["bbox"] = (x[0], x[1], x[2], x[3])
            elif spans:
                boxes = [s["bbox"] for s in spans]
                ln["bbox"] = (min(x[0] for x in boxes), min(x[1] for x in boxes), max(x[2] for x in boxes), max(x[3] for x in boxes))


def glyph_name_text(name: str) -> str:
    """The text a glyph's name spells by the Adobe Glyph List's rules: a suffix after a dot dropped
    ("f_i.alt"), components joined by underscores each named ("T_h": "Th", "f_f_i": "ffi"),
    "uniXXXX" and "uXXXX" read as code points; "" when a part names nothing (a font's own name
    such as "g12" or "glyph7"). Ligatures come out as their letters."""
    import pymupdf

    base = name.split(".", 1)[0]
    if not base:
        return ""
    out = []
    for part in base.split("_"):
        if cached(r"uni(?:[0-9A-F]{4})+").fullmatch(part):
            out.extend(chr(int(part[i:i + 4], 16)) for i in range(3, len(part), 4))
        elif cached(r"u[0-9A-F]{4,6}").fullmatch(part):
            out.append(chr(min(int(part[1:], 16), 0x10FFFF)))
        else:
            code = pymupdf.mupdf.fz_unicode_from_glyph_name_strict(part) if part else 0
            if not code:
                return ""
            out.append(chr(code))
    text = unicodedata.normalize("NFKC", "".join(out)) if any("\ufb00" <= c <= "\ufb06" for c in out) else "".join(out)
    return text if text.isprintable() and "\ufffd" not in text and \
        not any(0xD800 <= ord(c) <= 0xF8FF for c in text) else ""


def named_glyphs(doc, xref: int) -> tuple[dict[int, str], dict[int, float]] | None:
    """A font's glyphs that its program names (`glyph_name_text`): glyph -> text, and glyph -> advance
    in ems; None when it names none or cannot be read. (Kept on the document, per font.)"""
    import pymupdf

    cache = getattr(doc, "_paperkit_glyph_names", None)
    if cache is None:
        cache = {}
        with contextlib.suppress(Exception):
            doc._paperkit_glyph_names = cache
    if xref in cache:
        return cache[xref]
    found = None
    with contextlib.suppress(Exception):
        buffer = doc.extract_font(xref)[3]
        if buffer:
            font = pymupdf.Font(fontbuffer=buffer)
            texts, advances = {}, {}
            for glyph in range(1, min(font.glyph_count, 4096)):
                text = glyph_name_text(pymupdf.mupdf.fz_get_glyph_name2(font.this, glyph))
                if text:
                    texts[glyph] = text
                    advances[glyph] = pymupdf.mupdf.fz_advance_glyph(font.this, glyph, 0)
            found = (texts, advances) if texts else None
    cache[xref] = found
    return found
