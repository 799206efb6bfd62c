"""Speed changes of session 35 (b), the papers slowest against a bare read: per-page and per-span
work made cheaper with the same results as before (each fast path checked against the plain way it
replaced), and the cipher solver's tables kept in a store instead of being made again by each
command."""

from __future__ import annotations

import dataclasses
import functools
import random

import pymupdf
import pytest

from paperkit.reading import cipher, lexicon, parse
from paperkit.reading.parse import Line


# ─────────────────────────────── the cipher's tables ───────────────────────────────

needs_list = pytest.mark.skipif(not lexicon.available(), reason="the word list (symspellpy) is not installed")


@needs_list
def test_cipher_tables_are_stored_and_read_back_as_made(tmp_path, monkeypatch):
    """The first command makes the words' and pairs' tables and writes the store; the next reads
    them back from it, not from the word list, equal item for item and in the same order (each
    float as it was: the climb's sums come out the same)."""
    store = tmp_path / "__pycache__" / "cipher.test.marshal"
    monkeypatch.setattr(cipher, "_store_path", lambda: store)
    made = []
    words_of = cipher._words_of
    monkeypatch.setattr(cipher, "_words_of", lambda path: made.append(path) or words_of(path))
    cipher._tables.cache_clear()
    try:
        words, pairs = cipher._tables()
        assert store.is_file() and len(made) == 1
        cipher._tables.cache_clear()
        again_words, again_pairs = cipher._tables()
        assert len(made) == 1  # (read from the store: the list was not read again)
        plain = words_of(lexicon._list_path())
        assert list(again_words.items()) == list(plain.items()) == list(words.items())
        assert again_pairs == cipher._pairs_of(plain) == pairs
        assert cipher._words() is again_words and cipher._pairs() is again_pairs
    finally:
        cipher._tables.cache_clear()


@needs_list
def test_a_stale_or_broken_cipher_store_is_made_again(tmp_path, monkeypatch):
    """A store of another format (or of another list, or cut short) is not trusted: the tables are
    made from the list again, and the store written anew."""
    import marshal

    store = tmp_path / "__pycache__" / "cipher.test.marshal"
    store.parent.mkdir()
    monkeypatch.setattr(cipher, "_store_path", lambda: store)
    cipher._tables.cache_clear()
    try:
        for stale in (marshal.dumps((("old format",), {"zz": 1.0}, [[0.0]])), b"\x00\x01"):
            store.write_bytes(stale)
            cipher._tables.cache_clear()
            words, pairs = cipher._tables()
            assert "zz" not in words and len(pairs) == 27 and words == cipher._words_of(lexicon._list_path())
            assert marshal.loads(store.read_bytes())[1] == words
    finally:
        cipher._tables.cache_clear()


# ─────────────────────────────── a scan's rules ───────────────────────────────

def _scanned_rules_plainly(page) -> list[list[int]]:
    """The runs of dark pixels `_with_scanned_rules` reads, found as before session 35: each row
    split at its light pixels and every run measured."""
    pix = page.get_pixmap(colorspace=pymupdf.csGRAY, alpha=False, annots=False)
    dark = pix.samples.translate(parse._DARK_PIXELS)
    least = 0.2 * pix.width
    found: list[list[int]] = []
    for y in range(pix.height):
        row = dark[y * pix.stride:y * pix.stride + pix.width]
        if row.count(1) < least:
            continue
        x = 0
        for run in row.split(b"\x00"):
            if len(run) >= least:
                last = next((r for r in found if r[3] == y and abs(r[0] - x) <= 2 and abs(r[2] - x - len(run)) <= 2), None)
                if last is not None:
                    last[3] = y + 1
                else:
                    found.append([x, y, x + len(run), y + 1])
            x += len(run) + 1
    return [r for r in found if r[3] - r[1] <= 3]


def _scan(tmp_path, seed: int):
    """A one-page 'scan': an image over the whole page holding rules of one to five pixels, rules
    broken by a light pixel or two, speckle, and runs a pixel short of a fifth of the width."""
    rng = random.Random(seed)
    width, height = 612, 792
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, width, height), False)
    pix.set_rect(pix.irect, (255,))
    least = -(-width // 5)
    for _ in range(14):
        x0, y0 = rng.randrange(0, width // 2), rng.randrange(0, height - 8)
        length = rng.choice([least - 1, least, least + 1, rng.randrange(least, width - x0)])
        thick = rng.randint(1, 5)
        pix.set_rect(pymupdf.IRect(x0, y0, min(width, x0 + length), y0 + thick), (rng.choice([0, 60, 150, 191]),))
        if rng.random() < 0.5:  # (broken by a light pixel)
            gap = x0 + rng.randrange(1, max(2, length - 1))
            pix.set_rect(pymupdf.IRect(gap, y0, gap + 1, y0 + thick), (230,))
    for _ in range(3000):  # (speckle: short dark runs everywhere)
        x, y = rng.randrange(width), rng.randrange(height)
        pix.set_rect(pymupdf.IRect(x, y, x + rng.randint(1, 6), y + 1), (20,))
    doc = pymupdf.open()
    page = doc.new_page(width=width, height=height)
    page.insert_image(page.rect, pixmap=pix)
    page.insert_text((72, 300), "Table 1. The algorithm E.", fontsize=10, render_mode=3)
    path = tmp_path / f"scan{seed}.pdf"
    doc.save(path)
    return pymupdf.open(path)


@pytest.mark.parametrize("seed", range(4))
def test_a_scans_rules_are_the_runs_the_plain_walk_found(tmp_path, seed):
    """The rules read from a scan's pixels (runs of a fifth of the width or longer, found by a
    pattern) are those that splitting each row at its light pixels found, at the same places."""
    doc = _scan(tmp_path, seed)
    page = doc[0]
    marks = [("fill-image", tuple(page.rect), None, False)]
    lines = [Line(page=0, x0=72, y0=290, x1=200, y1=302, text="Table 1. The algorithm E.", size=10.0,
                  bold=False, italic=False, math_chars=0)]
    plain = _scanned_rules_plainly(page)
    assert plain  # (the page holds rules to find)
    found = parse._with_scanned_rules(page, marks, lines)[len(marks):]
    pix = page.get_pixmap(colorspace=pymupdf.csGRAY, alpha=False, annots=False)
    sx, sy = page.rect.width / pix.width, page.rect.height / pix.height
    assert found == [("fill-path", (r[0] * sx, (r[1] + r[3]) / 2 * sy - 0.5, r[2] * sx, (r[1] + r[3]) / 2 * sy + 0.5), None, False)
                     for r in plain]


# ─────────────────────────────── rows stretched wide ───────────────────────────────

def _stretched_plainly(lines: list[Line]) -> set[int]:
    """`_stretched_words` as before session 35: each run's gaps sliced and searched again at each step."""
    out: set[int] = set()
    run: list[Line] = []

    def close() -> None:
        if len(run) < 3:
            return
        gaps = [b.x0 - a.x1 for a, b in zip(run, run[1:])]
        i = 0
        while i < len(gaps):
            j = i + 1
            while j < len(gaps) and max(gaps[i:j + 1]) - min(gaps[i:j + 1]) < 0.5:
                j += 1
            pieces = run[i:j + 1]
            size = max(x.size for x in pieces)
            if j - i >= 2 and 0.3 * size < min(gaps[i:j]) and max(gaps[i:j]) < 2.5 * size and \
                    any(x.text[:1].islower() for x in pieces):
                out.update(id(x) for x in pieces[1:])
            i = j

    base = None
    for ln in lines:
        ln_base = ln.y1 if ln.base is None else ln.base
        word = parse._STRETCHED_WORD.fullmatch(ln.text) is not None
        if word and run and base is not None and abs(ln_base - base) < 1.5 and abs(ln.size - run[-1].size) < 0.3 \
                and ln.x0 > run[-1].x1:
            run.append(ln)
            continue
        close()
        run, base = ([ln], ln_base) if word else ([], None)
    close()
    return out


@pytest.mark.parametrize("seed", range(20))
def test_stretched_rows_are_found_as_before(seed):
    """Rows of single words whose gaps run even, drift or jump (justified rows, a table's cells,
    words with marks and hyphens, numbers): the same pieces are found stretched."""
    rng = random.Random(seed)
    words = ["the", "We", "compare", "FTRL-", "(a)", "b,", "non-linear", "x2", "été", "42", "Binary", "of;"]
    lines: list[Line] = []
    y = 100.0
    for _ in range(40):
        x, size = 50.0, rng.choice([9.0, 10.0, 10.2])
        even = rng.uniform(2, 20)
        for _ in range(rng.randint(1, 14)):
            text = rng.choice(words)
            width = 5.0 * len(text)
            lines.append(Line(page=0, x0=x, y0=y - size, x1=x + width, y1=y, text=text, size=size, bold=False,
                              italic=False, math_chars=0, base=y + rng.choice([0.0, 0.0, 1.0, 2.0])))
            x += width + (even + rng.uniform(-0.3, 0.3) if rng.random() < 0.8 else rng.uniform(-2, 40))
        y += rng.choice([0.5, 12.0, 12.0])
    lines.sort(key=lambda ln: (round(ln.base), ln.x0))
    assert parse._stretched_words(lines) == _stretched_plainly(lines)


# ─────────────────────────────── highlights ───────────────────────────────

@pytest.mark.parametrize("seed", range(12))
def test_highlight_boxes_are_weighed_against_the_same_lines(seed):
    """Boxes weighed for highlights against the lines level with them (found by bisection, five
    boxes or more) give what each box weighed alone against every line gives: shaded paragraphs,
    figures with labels, boxes over nothing, lines of every height and order."""
    rng = random.Random(seed)
    prose = "the method reads each page of the paper once and keeps its lines in order".split()
    lines: list[Line] = []
    for k in range(rng.randint(0, 60)):
        y0 = rng.uniform(40, 740)
        height = rng.choice([0.0, 8.0, 10.0, 12.0, 30.0])
        x0 = rng.uniform(40, 400)
        text = " ".join(rng.choice(prose) for _ in range(rng.randint(1, 12))) if rng.random() < 0.8 else "0.5 12.3"
        lines.append(Line(page=0, x0=x0, y0=y0, x1=x0 + rng.uniform(10, 250), y1=y0 + height, text=text,
                          size=10.0, bold=False, italic=False, math_chars=0))
    marks: list = []
    boxes: list[tuple] = []
    for _ in range(rng.randint(5, 30)):
        x0, y0 = rng.uniform(30, 450), rng.uniform(30, 700)
        box = (x0, y0, x0 + rng.uniform(0, 300), y0 + rng.uniform(0, 200))
        boxes.append(box)
        marks.append((rng.choice(["fill-path", "stroke-path"]), box, None, rng.random() < 0.3))
        if rng.random() < 0.3:  # (a rule down a side)
            marks.append(("stroke-path", (box[0], box[1], box[0] + 0.5, box[3]), None, False))
    whole = parse._without_highlights(marks, boxes, lines, 612.0)
    alone = [kept for box in boxes for kept in parse._without_highlights(marks, [box], lines, 612.0)]
    assert whole == alone


# ─────────────────────────────── lost spaces from the first read's text layers ───────────────────────────────

def _reprint(pages: int = 4) -> bytes:
    """Pages of prose reprinted with its narrow word gaps closed up (test_parse_spaces30's), one
    turned by /Rotate."""
    from tests.test_parse_spaces30 import _reprinted_page

    doc = pymupdf.open()
    for k in range(pages):
        doc.insert_pdf(pymupdf.open("pdf", _reprinted_page(narrow_every=3 + k)))
    doc[-1].set_rotation(90)
    return doc.tobytes()


def test_lost_spaces_read_the_letters_of_the_pages_read_in_this_process(monkeypatch):
    """Read serially, every page's text layer made with its marks is kept until the lost-space check:
    its letters are read from those (no page is run again for them), and the same words come out
    parted as from text layers made anew (the outline the same, byte for byte)."""
    from paperkit.reading import lost_spaces

    monkeypatch.setenv("PAPERKIT_PROCESSES", "1")
    data = _reprint()
    kept: list = []
    letter_gaps = lost_spaces.letter_gaps
    monkeypatch.setattr(lost_spaces, "letter_gaps",
                        lambda page, index, wanted, textpage=None: kept.append(textpage is not None) or
                        letter_gaps(page, index, wanted, textpage))
    parted: list = []
    found = lost_spaces.lost_spaces
    monkeypatch.setattr(lost_spaces, "lost_spaces", lambda *args: parted.append(found(*args)) or parted[-1])
    paper = parse.parse_document(pymupdf.open("pdf", data))
    assert kept and all(kept)  # (each page's letters from its kept text layer)
    assert parted and parted[-1]  # (the premise: words run together are found and parted)
    kept.clear()
    calls = len(parted)
    monkeypatch.setattr(parse, "_read_page", functools.partial(_read_page_keeping_nothing, parse._read_page))
    again = parse.parse_document(pymupdf.open("pdf", data))
    assert kept and not any(kept)  # (each page run again for its letters, as before)
    assert parted[calls:] == parted[:calls] and [list(p) for p in parted[calls:]] == [list(p) for p in parted[:calls]]
    assert dataclasses.asdict(again) == dataclasses.asdict(paper)


def _read_page_keeping_nothing(read_page, page, index, watermarks=frozenset(), textpages=None):
    return read_page(page, index, watermarks)


def test_the_kept_text_layers_are_let_go_after_the_lost_space_check(monkeypatch):
    """The text layers are kept on the document only until the lost-space check has read them."""
    monkeypatch.setenv("PAPERKIT_PROCESSES", "1")
    doc = pymupdf.open("pdf", _reprint(2))
    parse.parse_document(doc)
    assert getattr(doc, "_paperkit_textpages", None) == {}


def test_kept_text_layers_serve_the_parent_and_forked_helpers_read_anew(monkeypatch):
    """With helpers forked for the letters, the pages the parent takes are read from its kept text
    layers and the helpers' pages anew: the same words parted the same ways as read serially from
    text layers made anew."""
    from paperkit.reading import lost_spaces
    from paperkit.reading.ink import page_marks_and_text

    data = _reprint(6)
    doc = pymupdf.open("pdf", data)
    kept = {k: page_marks_and_text(page, parse._text_flags())[1] for k, page in enumerate(doc)}
    pages = list(range(doc.page_count))
    some = {k: kept[k] for k in (0, 2)}  # (as the parent keeps those of the pages it read: the helpers read the others)
    monkeypatch.setenv("PAPERKIT_PROCESSES", "1")
    plain = lost_spaces.lost_spaces(doc, pages)
    from_kept = lost_spaces.lost_spaces(doc, pages, lambda: pymupdf.open("pdf", data), None, kept)
    monkeypatch.setenv("PAPERKIT_PROCESSES", "2")
    forked = lost_spaces.lost_spaces(doc, pages, lambda: pymupdf.open("pdf", data), None, some)
    assert plain and from_kept == plain == forked and list(from_kept) == list(plain) == list(forked)
