"""Fonts whose text layer names each glyph by its index in the font, not by its character.

A composite font (Identity-H) embedded from a TrueType font by some printers (PDFlib from Word, 2012)
may carry no map to Unicode and glyphs the text layer cannot name: its characters read as U+FFFD, and
read by code (MuPDF's TEXT_CID_FOR_UNKNOWN_UNICODE) they are the glyphs' indices. In the standard
Macintosh glyph order of a TrueType font the printable ASCII characters stand 29 places before their
codes (the space is glyph 3, "A" is glyph 36): "7KLV SDSHU" for "This paper", the full stop and
comma U+0011 and U+000F. The parse (`_repair_text_layer`) sends here a page with many such unnamed
characters in composite fonts; a font whose words, each code moved 29 places on, read as listed
words (`paperkit.reading.lexicon`) far more often than as given is read so on the page. Few papers
need it, so this is imported only when one does.
"""

from __future__ import annotations

import re

from paperkit.reading import lexicon

SHIFT = 29  # places from a glyph's index in the Macintosh order to its ASCII code
# The fewest words (two letters or more, after the shift) a font must print on the page to be weighed,
# and the least share of them that must read as listed words after the shift (and three times the share
# before it): a font of math symbols or a dingbat font has control characters too.
LEAST_WORDS = 8
LISTED_SHARE = 0.6

# (a space the text layer gives stays one: MuPDF reads the space glyph as a space, or puts one in a gap)
_TABLE = {code: chr(code + SHIFT) for code in range(3, 0x7F - SHIFT) if code != 0x20}
_WORD = re.compile(r"[A-Za-z]{2,}")


def shifted(text: str) -> str:
    """The text with each character of a glyph index moved to its ASCII character."""
    return text.translate(_TABLE)


def _listed_share(texts: list[str]) -> tuple[int, float]:
    words = [w.lower() for text in texts for w in _WORD.findall(text)]
    if not words:
        return 0, 0.0
    return len(words), sum(1 for w in words if lexicon.frequency(w) > 0) / len(words)


def repair_glyph_indices(page, blocks: list[dict], unnamed: list[dict], fonts: set[str]) -> bool:
    """Read in place the page's spans in composite `fonts` (their text U+FFFD, in `unnamed`) whose
    codes are glyph indices in the Macintosh order (see the module); whether any was."""
    from paperkit.reading.pdf import coded_text

    wanted = {s["font"] for s in unnamed if s["font"] in fonts and "\ufffd" in s["text"]}
    if not wanted or not lexicon.available():
        return False
    coded: dict[tuple, str] = {}  # (font, origin) -> the span's text by code
    by_font: dict[str, list[str]] = {}
    for b in coded_text(page)["blocks"]:  # (the page's text layer by code, made once a page)
        for ln in b.get("lines", ()):
            for s in ln["spans"]:
                if s["font"] in wanted:
                    coded[s["font"], round(s["origin"][0], 1), round(s["origin"][1], 1)] = s["text"]
                    by_font.setdefault(s["font"], []).append(s["text"])
    read = set()
    for font, texts in by_font.items():
        moved = [shifted(text) for text in texts]
        count, share = _listed_share(moved)
        if count >= LEAST_WORDS and share >= LISTED_SHARE and _listed_share(texts)[1] * 3 <= share:
            read.add(font)
    if not read:
        return False
    for b in blocks:
        for ln in b.get("lines", ()):
            for s in ln["spans"]:
                if s["font"] in read and \
                        (text := coded.get((s["font"], round(s["origin"][0], 1), round(s["origin"][1], 1)))) is not None:
                    s["text"] = shifted(text)
    return True
