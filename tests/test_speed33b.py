"""Speed changes of session 33 (b): the page's line building and the document's stages after the
page read, made cheaper with the same results as before (each fast path checked against the plain
way it replaced)."""

from __future__ import annotations

import random

from paperkit.reading import parse


def _prose_text_plainly(text: str) -> bool:
    """`parse._prose_text` as it was: each whitespace-parted word matched on its own."""
    words = text.split()
    prose = sum(1 for w in words if parse.PROSE_WORD.match(w))
    return prose >= 5 and prose >= 0.7 * len(words)


def test_prose_text_in_one_search_is_the_word_by_word_answer():
    """`_prose_text` counts `PROSE_WORD`'s words in one search of the text: the same answer as
    matching each word of `str.split`, whatever whitespace parts the words (tabs, no-break and thin
    spaces, the separators `str.split` takes) and whatever stops or capitals they hold."""
    fast = parse._prose_text.__wrapped__
    lines = ["the workers read their input split and write intermediate pairs",
             "Table 3: results of the method on the data", "a b c d e f g", "x = y + z, for all i",
             "one, two; three: four. five six", "one,two three four five six", "word\u00a0word word word word word",
             "tab\tseparated words in a line here", "new\nline words are also here", "trailing words here now ok \n",
             "", "   ", "the the the the the", "The The the the the the the", "éte été the words are here now"]
    for text in lines:
        assert fast(text) == _prose_text_plainly(text), text
    alphabet = list("abcdefxyz") + list("ABé,.;:-'’()0") + [" ", " ", " ", "\t", "\n", "\u00a0", "\u2009", "\x1c",
                                                            "\u3000", "\u200b", "\x85"]
    rng = random.Random(33)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert fast(text) == _prose_text_plainly(text), repr(text)


def _picture_page(rename: bool):
    """A page of prose with a run of Courier glyphs, its font named LINEW10 (LaTeX's picture-mode
    line font) when `rename`."""
    import pymupdf

    from tests.pdf_pages import prose
    from tests.test_parse_text27 import _rename

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    prose(page, 72, 540, 60, 300)
    for i in range(6):
        page.insert_text((200 + 7.7 * i, 400 + 2.5 * i), "X", fontname="cour", fontsize=10)
    if rename:
        _rename(doc, "Courier", "LINEW10")
    return pymupdf.open("pdf", doc.tobytes())


def test_a_pages_picture_font_glyphs_are_ink_and_no_words():
    """`_page_lines` asks the page's fonts once whether one is a picture font (the set the text
    layer's repairs gather as they walk the spans): a page with LINEW10 glyphs still gives them as
    ink and reads no "X" among its lines; the same glyphs in Courier are words."""
    for rename in (True, False):
        doc = _picture_page(rename)
        blank_ink: list = []
        lines = parse._page_lines(doc[0], 0, [], None, [], blank_ink, [])
        xs = [ln for ln in lines if set(ln.text) <= {"X", " "}]
        if rename:
            assert blank_ink and not xs, (blank_ink, [ln.text for ln in lines])
        else:
            assert not blank_ink and xs, (blank_ink, [ln.text for ln in lines])
        fonts: set = set()
        blocks = doc[0].get_text("dict", flags=parse._text_flags())["blocks"]
        parse._repair_text_layer(doc[0], blocks, fonts)
        assert fonts == {span["font"] for block in blocks for raw in block.get("lines", ()) for span in raw["spans"]}
