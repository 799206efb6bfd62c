"""Word spaces a text layer lost, put back by reading the letters again one by one.

A word space set as positioning with no space character is left unread where it is narrower than
PyMuPDF's threshold: a page printed anew with a stand-in font for one it did not embed, or by a
producer that draws no spaces and sets rows tightly. The parse (`paperkit.reading.parse`) finds
such a paper by its glued words (`_respace_lines`) and only then reads its letters again here,
letter by letter (`lost_spaces`, `letter_gaps`), or a glued abstract's or heading's rows (`respaced`):
a tenth of the papers, so this is imported only when they need it.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter

from paperkit.reading.pdf import text_flags


# A word gap the text layer kept as positioning only, no space character, measured against the
# glyph's own usual gap: this much of an em wider than the gap after that glyph inside its words.
LOST_SPACE_GAP = 0.12


def lost_spaces(doc, pages: list[int], reopen=None, read: dict | None = None,
                textpages: dict | None = None) -> dict[str, str]:
    """The words of `pages` that their letters' gaps part in two or more ("aboutone": "about one"):
    a word space set as positioning with no space character, left unread where it is narrower than
    the reader's threshold. That happens when a page is printed anew with a stand-in font for one
    it did not embed (a browser's or cairo's print to PDF: the stand-in's wider letters close up
    the gaps the original's left between words) or by a producer that draws no spaces and sets
    rows tightly. The gap after each letter is weighed against that glyph's usual gap after it in
    its font at its size (its lower quartile over the pages, most letters standing inside words;
    a letter seen there less than 5 times is left as read: a heading's capitals): a stand-in's
    letters overlap their neighbours by their own amount, and a word gap stands out from it by
    about a fifth of an em. Only a gap before a letter (after a letter, a digit or a closing mark)
    or before a digit (after a letter) parts a word, within one font at one size, and never a
    capital from the small letters after it: a number's digits and a formula's symbols stay as
    read, and so does a heading's "Algorithm" whose stand-in capital is wider than its original
    or a small-capitals heading's larger initial. A word the pages print whole more often than
    parted stays whole. Returns each word as printed and as parted (`Parted`: with the words parted
    at every printing, and how often printed).

    The pages' letters are read page by page (`letter_gaps`), in forked helpers as the pages
    were first read when `reopen` opens the document again (`map_pages`); what is weighed across
    the pages (each glyph's usual gap, how often each word is printed whole) is weighed here.
    `read` keeps what was read of each page (page -> `letter_gaps`) for a later call. `textpages`:
    the text layers the parse's page reading made of pages in this process (page -> TextPage, as
    `get_textpage(flags=text_flags())` makes it), whose letters this process reads from them (a
    third of a page's letter-by-letter reading was the run of its content stream that made its
    text layer again), here; the other pages are read anew, in forked helpers when they are enough."""
    from paperkit.reading.forked import ask, lingering_pages, map_pages

    if read is None:
        read = {}
    wanted = frozenset(k for k in pages if k not in read)
    kept = textpages or {}
    if wanted and reopen is None:  # (read here: only the pages wanted are loaded)
        read.update((k, letter_gaps(doc[k], k, wanted, kept.get(k))) for k in sorted(wanted))
    elif wanted:
        # The pages whose text layers this process kept are read here: their letters come without
        # another run of their content streams, cheaper than a helper's fork, its copy of the
        # document and its pickled letters (the lost-space check of the parse's first pages, three
        # of them, forked a helper for about as much work as it saved, and the parse waited for it).
        # Only the others are spread over helpers, by their own count.
        # The pages the page helper that lingers read (`map_pages(linger=True)`) are read there, from
        # the text layers it kept of them, while this process reads its own (a page read anew here
        # cost about twice as much, a fork of its own more).
        rest = sorted(k for k in wanted if k not in kept)
        theirs = [k for k in rest if k in lingering_pages(reopen)]
        answer = ask(reopen, kept_letter_gaps, (theirs, wanted)) if theirs else None
        if answer is None:
            theirs = []
        rest = [k for k in rest if k not in theirs]
        read.update((k, letter_gaps(doc[k], k, wanted, kept[k])) for k in sorted(wanted) if k in kept)
        if answer is not None:
            found_there = answer.get() or {}
            read.update((k, found_there[k]) for k in theirs if k in found_there)
            rest = sorted(rest + [k for k in theirs if k not in found_there])  # (those it could not read)
        if rest:
            found_now = map_pages(doc, functools.partial(_letter_gaps_here, wanted=wanted, kept={}, pid=os.getpid()),
                                  reopen, pages=rest)
            read.update((k, found_now[k]) for k in rest)
    gaps: dict[tuple, list[float]] = {}  # (font, size, letter) -> its gaps to the next letter, in em, in page order
    for page_index in pages:
        if (found := read[page_index]) is not None:
            for key, page_gaps in zip(found[0], found[1]):
                if (have := gaps.get(key)) is None:
                    gaps[key] = list(page_gaps)
                else:
                    have.extend(page_gaps)
    usual = {key: sorted(found)[len(found) // 4] for key, found in gaps.items() if len(found) >= 5}
    # Every word of every row, printed whole unless a gap in it parts it (the rows a gap parts
    # are read again below); in the order first printed.
    printed = Counter(" ".join(row for page_index in pages if (found := read[page_index]) is not None
                               for row in found[2]).split())
    parted: dict[str, Counter] = {}  # word -> the ways a gap parted it, in the order first seen
    unparted = Counter()  # of `printed`: a parted word's printings, and the words of a row left unread
    for page_index in pages:
        if (found := read[page_index]) is None:
            continue
        keys, _, rows, at_row, at_offset, at_key, at_gap = found
        usual_here = [usual.get(key) for key in keys]
        spaces: dict[int, list[int]] = {}  # row -> where a space goes in it
        for row, offset, key, gap in zip(at_row, at_offset, at_key, at_gap):
            if (known := usual_here[key]) is not None and gap - known >= LOST_SPACE_GAP:
                spaces.setdefault(row, []).append(offset)
        for row, offsets in spaces.items():
            plain = rows[row]
            spaced = "".join(plain[a:b] + " " for a, b in zip([0] + offsets, offsets)) + plain[offsets[-1]:]
            news = spaced.split()
            at = 0
            tokens = plain.split()
            for t, token in enumerate(tokens):
                parts = []
                while at < len(news) and len("".join(parts)) < len(token):
                    parts.append(news[at])
                    at += 1
                if "".join(parts) != token:
                    unparted.update(tokens[t:])
                    break
                way = " ".join(parts)
                if way != token:
                    parted.setdefault(token, Counter())[way] += 1
                    unparted[token] += 1
    out = Parted()
    for token in printed:
        if (ways := parted.get(token)) is not None:
            way, n = ways.most_common(1)[0]
            if n > printed[token] - unparted[token]:
                out[token] = way
                if n == printed[token]:
                    out.everywhere[token] = n
    return out


class Parted(dict):
    """The words `lost_spaces` parts, each as printed -> as parted; `everywhere`: those of them
    parted the same way at every one of their printings in the pages read -> how many."""

    def __init__(self):
        super().__init__()
        self.everywhere: dict[str, int] = {}


def kept_letter_gaps(doc, pages: list[int], wanted: frozenset) -> dict[int, tuple | None]:
    """`letter_gaps` of those of `pages` whose text layers the parse's page reading kept on `doc`
    (`doc._paperkit_textpages`: page -> TextPage) in this process, by page; a lingering page helper's
    answer (`paperkit.reading.forked.ask`) for the pages it read."""
    kept = getattr(doc, "_paperkit_textpages", None) or {}
    return {k: letter_gaps(doc[k], k, wanted, kept[k]) for k in pages if k in kept}


def _letter_gaps_here(page, index: int, wanted: frozenset, kept: dict, pid: int) -> tuple | None:
    """`letter_gaps`, read from the page's kept text layer (`kept`: page -> TextPage) in the process
    that made it (`pid`); a forked helper reads its pages anew. (The parent reads its share of the
    pages faster, and so takes more of them.)"""
    return letter_gaps(page, index, wanted, kept.get(index) if os.getpid() == pid else None)


def letter_gaps(page, index: int, wanted: frozenset, textpage=None) -> tuple | None:
    """What `lost_spaces` weighs of a page of `wanted` (None for another, or one turned by
    /Rotate), read letter by letter: (the keys, each a font at its size and a letter; the gaps
    after each key's letter to the next one of its font at its size, in em, as listed keys; the
    page's upright rows as text, its letters' characters joined; and of each gap that may part a
    word, four arrays: its row, the offset in the row's text of the letter after it, its key's
    place in the keys, and the gap). Both letters of a gap are no spaces and in one font at one
    size; a gap that may part a word stands before a letter (after a letter, a digit or a closing
    mark) or before a digit (after a letter), and never between a capital and a small letter.
    (`textpage`: the page's text layer as `page.get_textpage(flags=text_flags())` makes it, when
    already made: its letters are read from it.)"""
    if index not in wanted or page.rotation:
        return None
    from array import array

    keys: list[tuple] = []
    gaps: list[list[float]] = []
    letters: dict[tuple, dict[str, int]] = {}  # font and size -> letter -> its key's place
    kinds: dict[str, int] = {}  # two letters -> 0: no gap weighed, 1: weighed, 2: weighed and may part a word
    rows: list[str] = []
    at_row, at_offset, at_key, at_gap = array("i"), array("i"), array("i"), array("d")
    found = page.get_text("rawdict", flags=text_flags()) if textpage is None else textpage.extractRAWDICT()
    for block in found["blocks"]:
        for raw in block.get("lines", ()):
            if tuple(raw.get("dir", (1, 0))) != (1, 0):
                continue
            row_number = len(rows)
            text: list[str] = []
            a = a_font = a_size = a_x1 = None  # the letter before, its font and size, size and right edge
            offset = 0
            for span in raw["spans"]:
                size = span["size"]
                if not size >= 4:
                    continue
                font = (span["font"], round(size, 1))
                if (placed := letters.get(font)) is None:
                    placed = letters[font] = {}
                same = a_font == font
                for ch in span["chars"]:
                    c = ch["c"]
                    text.append(c)
                    bbox = ch["bbox"]
                    if same:
                        pair = a + c
                        if (kind := kinds.get(pair)) is None:
                            kind = kinds[pair] = 0 if a.isspace() or c.isspace() else \
                                2 if (c.isalpha() and (a.isalnum() or a in ",.;:)]") or c.isdigit() and
                                      (a.isalpha() or a in ",;:")) and not (a.isupper() and c.islower()) else 1
                        if kind:
                            gap = (bbox[0] - a_x1) / a_size
                            if (k := placed.get(a)) is None:
                                k = placed[a] = len(gaps)
                                keys.append((font, a))
                                gaps.append([])
                            gaps[k].append(gap)
                            if kind == 2:
                                at_row.append(row_number)
                                at_offset.append(offset)
                                at_key.append(k)
                                at_gap.append(gap)
                    offset += len(c)
                    a, a_x1, a_size, same = c, bbox[2], size, True
                a_font = font
            rows.append("".join(text))
    return keys, gaps, rows, at_row, at_offset, at_key, at_gap


def respaced(doc, blocks: list, text: str) -> str:
    """`text` with the spaces its text layer lost put back: the blocks' rows read again character by
    character, and a gap of a tenth of an em or more between two letters parts two words, as
    pdftotext reads it (letters of one word touch, or overlap by their kerning). Only the words
    the gaps split change; the text is kept as made otherwise."""
    split: dict[str, str] = {}
    ends: dict[str, str] = {}  # a row's last word, broken by a hyphen: its start, respaced
    for page_index in sorted({ln.page for b in blocks for ln in b.lines}):
        page = doc[page_index]
        if page.rotation:
            continue
        lines = [ln for b in blocks for ln in b.lines if ln.page == page_index]
        clip = (min(ln.x0 for ln in lines) - 1, min(ln.y0 for ln in lines) - 1,
                max(ln.x1 for ln in lines) + 1, max(ln.y1 for ln in lines) + 1)
        for block in page.get_text("rawdict", flags=text_flags(), clip=clip)["blocks"]:
            for row in block.get("lines", []):
                if tuple(row.get("dir", (1, 0))) != (1, 0):
                    continue
                plain, spaced, prev = [], [], None
                for span in row["spans"]:
                    for ch in span["chars"]:
                        c = ch["c"]
                        plain.append(c)
                        if prev is not None and not c.isspace() and not prev["c"].isspace() and \
                                ch["bbox"][0] - prev["bbox"][2] >= 0.1 * span["size"]:
                            spaced.append(" ")
                        spaced.append(c)
                        prev = ch
                news = "".join(spaced).split()
                at = 0
                for token in "".join(plain).split():
                    parts = []
                    while at < len(news) and "".join(parts) != token and len("".join(parts)) < len(token):
                        parts.append(news[at])
                        at += 1
                    if "".join(parts) != token:
                        break
                    if len(parts) > 1:
                        split[token] = " ".join(parts)
                        if token.endswith("-") and len(parts[-1]) > 1:
                            # (the row's last word broken at its end is joined with the next row's
                            # start in the text: "unprece-" | "dented", read "unprecedented")
                            ends[token[:-1]] = " ".join(parts)[:-1]
    for token, parts in split.items():
        text = re.sub(rf"(?<!\S){re.escape(token)}(?!\S)", parts, text)
    for token, parts in ends.items():
        text = re.sub(rf"(?<!\S){re.escape(token)}(?=\w)", parts, text)
    return text


def respaced_heading(doc, block, title: str) -> str:
    """A heading's `title` with the word spaces its text layer lost put back (`respaced`), as its
    block's row prints them; the title is the block's text or its tail after the number ("A" of
    "APPENDIX A:LOADANDPBSk-STALENESS", the number glued to the title by its colon). The title is
    kept as read where the gaps part it into more than one lone letter or a run of 20 letters
    stays whole (a heading letter-spaced throughout, or no lost space at all)."""
    spaced = respaced(doc, [block], title)
    if spaced == title:
        whole = respaced(doc, [block], block.text)
        letters = "".join(title.split())
        if "".join(whole.split()).endswith(letters) and letters:
            # (the tail of the block's text respaced that holds the title's characters)
            count, at = 0, len(whole)
            while count < len(letters) and at > 0:
                at -= 1
                count += not whole[at].isspace()
            spaced = whole[at:]
    # (a gap at a hyphen parts no words: "T-VISIBILITY", its "T" in a math italic set off the hyphen)
    if " -" not in title:
        spaced = re.sub(r"(?<=\S) -(?=\S)", "-", spaced)
    if "- " not in title:
        spaced = re.sub(r"(?<=\S)- (?=\S)", "-", spaced)
    new = [w for w in spaced.split() if w not in title.split()]
    if max(map(len, spaced.split()), default=0) >= 20 or sum(len(w) == 1 for w in new) > max(1, len(new) // 4):
        return title
    return spaced
