"""Letters a text layer holds that the page never shows, which few papers need.

A word processor may write, before a word opened by a quotation mark, a run of characters that
take no room at all: the mark and the word's first letters again, each advancing by nothing
(Word 2010's "a “hi high-level”, "reports’ i insights", "noting, “if if we": the page shows
"a “high-level", "reports’ insights", "noting, “if we"). Read as text, every such word is
doubled in part. `without_unseen_repeats` takes those runs out of the rows the parse names
(`paperkit.reading.parse` finds them by their text, `UNSEEN_CUE`, and imports this only then):
the run's letters go, its quotation mark stays where the page shows one.
"""

from __future__ import annotations

from paperkit.reading.patterns import compile_later

# A row whose text may hold such a run: a quotation mark, then a word that the next word begins
# with ("“hi high", "’ i insights", "“a a"). Most rows have none; only these are read letter by letter.
UNSEEN_CUE = compile_later(r"[“”\"‘’'] ?(\w{1,12}) +\1")

# (a character advancing by less than this is drawn in no room: a letter of the text's sizes is
# a point wide or more)
_NO_ROOM = 0.01


def without_unseen_repeats(textpage, wanted: dict) -> list:
    """The rows of `wanted` less their unseen runs. `wanted`: (the row's block number, its place in
    the block) -> (its row of `get_text("dict")`, anything); the rows changed are given back, as
    their (row, anything), their spans' text changed in place."""
    return rows_mended(textpage, wanted, _row_without_unseen)


def rows_mended(textpage, wanted: dict, mend) -> list:
    """`mend(stext_line, row)` on each row of `wanted` read letter by letter from `textpage` (the
    page's text layer): `wanted` maps (the row's block number, its place in the block) to (its row
    of `get_text("dict")`, anything); `mend` changes the row's spans in place and says whether it
    changed any. The rows changed are given back, as their (row, anything)."""
    import pymupdf

    text_block = pymupdf.mupdf.FZ_STEXT_BLOCK_TEXT
    numbers = {number for number, _ in wanted}
    last = max(numbers)
    changed = []
    for number, stext_block in enumerate(textpage.this):
        if number > last:
            break
        if number not in numbers or stext_block.m_internal.type != text_block:
            continue
        for k, stext_line in enumerate(stext_block):
            row = wanted.get((number, k))
            if row is not None and mend(stext_line, row[0]):
                changed.append(row)
    return changed


def _row_without_unseen(stext_line, raw: dict) -> bool:
    """`without_unseen_repeats` for one row (`stext_line` its letters in the text layer, `raw` its
    row of `get_text("dict")`): whether it lost any. A run is the characters in a row that advance
    by nothing, a letter or digit among them, the first word drawn after it beginning with its
    letters; a row drawn all in no room (a font that says no widths) is left as it is."""
    chars = []
    for ch in stext_line:
        m = ch.m_internal
        chars.append((chr(m.c), m.quad.lr.x - m.quad.ll.x))
    texts = [s["text"] for s in raw["spans"]]
    if "".join(texts) != "".join(c for c, _ in chars):  # (not the row read)
        return False
    if sum(1 for c, w in chars if w < _NO_ROOM and not c.isspace()) * 2 > len(chars):
        return False
    drop: set[int] = set()
    i = 0
    while i < len(chars):
        if chars[i][1] >= _NO_ROOM or chars[i][0].isspace():
            i += 1
            continue
        j = i
        while j < len(chars) and chars[j][1] < _NO_ROOM:
            j += 1
        letters = "".join(c for c, _ in chars[i:j] if c.isalnum())
        after = j
        while after < len(chars) and chars[after][0].isspace():
            after += 1
        word = ""
        for c, _ in chars[after:]:
            if not c.isalnum():
                break
            word += c
        if letters and j < len(chars) and word.startswith(letters):
            drop.update(k for k in range(i, j) if chars[k][0].isalnum() or chars[k][0].isspace())
            # (the mark the run held stands where the page draws it, right against the word: a
            # space drawn after the run is that mark's room, read as a blank, when a space stands
            # before the run already)
            marked = any(not (c.isalnum() or c.isspace()) for c, _ in chars[i:j])
            if marked and i > 0 and chars[i - 1][0].isspace() and j < after:
                drop.update(range(j, after))
        i = j
    if not drop:
        return False
    spans_without(raw, texts, drop)
    return True


def spans_without(raw: dict, texts: list[str], drop: set[int]) -> None:
    """The row's spans (`raw["spans"]`, their texts `texts` joined as the row's letters) less the
    letters at the places in `drop`, changed in place."""
    at = 0
    for span, text in zip(raw["spans"], texts):
        span["text"] = "".join(c for k, c in enumerate(text, at) if k not in drop)
        at += len(text)
