"""Fonts whose glyphs no text layer names, read by their character codes and solved as ciphers.

A paper printed anew from one read by its codes (see `paperkit.reading.cipher`) names every glyph
of such a font U+FFFD. The parse (`paperkit.reading.parse`) finds those pages (`_unnamed_pages`);
their spans are then read by character code (`coded_page`), each font's codes solved as a letter
cipher (`cipher_keys`), and the pages read again with the keys (`deciphered`). Few papers need it,
so this is imported only when one does.
"""

from __future__ import annotations

from collections import Counter

from paperkit.reading import cipher
from paperkit.reading.pdf import coded_text, page_fonts, plain_text, text_flags


# A font's commonest code is its space glyph where it is this share of the font's codes or more
# (a word processor draws its spaces; no letter of English is 12 % of a text's letters and spaces).
CIPHER_SPACE_SHARE = 0.12


def coded(text: str) -> str:
    """A span's text read by character code as private-use characters (U+E000 + code): no code reads
    as a space, a line end or a letter by accident. Spaces the text layer put in stay spaces."""
    return "".join(ch if ch == " " else chr(0xE000 + (ord(ch) & 0xFFF)) for ch in text)


def coded_page(page, fonts: set[str] | None = None) -> list[dict]:
    """The page's spans read by character code (U+FFFD no more: each unnamed glyph gives its code),
    those in `fonts` only where given."""
    return [s for b in coded_text(page, "rawdict")["blocks"]  # (the text layer by code, made once a page)
            for ln in b.get("lines", ()) for s in ln["spans"] if fonts is None or s["font"] in fonts]


def cipher_keys(doc, pages: list[int]) -> dict[str, tuple[str | None, dict[str, str]]]:
    """The fonts of `pages` whose glyphs no text layer names, each solved as a letter cipher from
    its words across the pages (`paperkit.reading.cipher`): font -> (its space glyph's code or
    None, code -> text). A font name standing for two fonts (two subsets of one typeface, on
    different pages) is left unread: its codes mean different letters in each."""
    texts: dict[str, list[str]] = {}
    objects: dict[str, set] = {}
    for k in pages:
        page = doc[k]
        for xref, _, _, basefont, *_ in page_fonts(page):
            objects.setdefault(basefont.split("+", 1)[-1], set()).add(xref)
        # (from the text layer the parse kept of the page, where it has it: no second run of the page)
        unnamed = {s["font"] for b in plain_text(page, getattr(doc, "_paperkit_textpages", None))["blocks"]
                   for ln in b.get("lines", ()) for s in ln["spans"] if "\ufffd" in s["text"]}
        for span in coded_page(page, unnamed):
            texts.setdefault(span["font"], []).append(coded("".join(ch["c"] for ch in span["chars"])))
    out = {}
    for font, found in texts.items():
        if len(objects.get(font, ())) > 1:
            continue
        text = " ".join(found)
        counts = Counter(text.replace(" ", ""))
        if not counts:
            continue
        code, n = counts.most_common(1)[0]
        space = code if n >= CIPHER_SPACE_SHARE * sum(counts.values()) else None
        order = (text.replace(space, " ") if space else text).split()
        key = cipher.solve(Counter(order), order)
        if key:
            out[font] = (space, key)
    return out


def deciphered(page, blocks: list[dict], keys: dict, textpage) -> None:
    """The page's spans in fonts solved as ciphers (`cipher_keys`) read by their keys, in place
    (`blocks`: the page's text as read from `textpage`): each unnamed letter by the code of the
    glyph drawn at its place; an unread code stays U+FFFD."""
    if not any(s["font"] in keys and "\ufffd" in s["text"] for b in blocks for ln in b.get("lines", ()) for s in ln["spans"]):
        return
    codes = {(span["font"], round(ch["origin"][0], 1), round(ch["origin"][1], 1)): ch["c"]
             for span in coded_page(page, set(keys)) for ch in span["chars"]}
    raw = page.get_text("rawdict", flags=text_flags(), textpage=textpage)["blocks"]
    for b0, b1 in zip(blocks, raw):
        for l0, l1 in zip(b0.get("lines", ()), b1.get("lines", ())):
            for s0, s1 in zip(l0["spans"], l1["spans"]):
                font = s0["font"]
                if font not in keys or "\ufffd" not in s0["text"]:
                    continue
                space, key = keys[font]
                out = []
                for ch in s1["chars"]:
                    c = ch["c"]
                    if c == "\ufffd" and (code := codes.get((font, round(ch["origin"][0], 1), round(ch["origin"][1], 1)))):
                        code = coded(code)
                        c = " " if code == space else key.get(code, "\ufffd")
                    out.append(c)
                s0["text"] = "".join(out)
