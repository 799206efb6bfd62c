"""Speed of `paperkit outline` without a change of its output (issue 14's speed aim, session 31, b):

- `_lost_spaces` reads a paper's letters page by page (`_letter_gaps`, through
  `paperkit.reading.forked.map_pages`: in forked processes when cores are idle) and weighs only the
  gaps that may part a word against each glyph's usual gap: the same words parted the same ways as
  when it kept every letter of every row and weighed each pair again.
"""

from __future__ import annotations

from collections import Counter

import pymupdf
import pytest

from paperkit.reading import lost_spaces, parse
from tests.test_parse_spaces30 import _reprinted_page


def _lost_spaces_before(doc, pages: list[int]) -> dict[str, str]:
    """`_lost_spaces` as it was (session 30): every letter of every row kept, every pair weighed."""
    rows: list[list[tuple]] = []
    gaps: dict[tuple, list[float]] = {}
    for page_index in pages:
        page = doc[page_index]
        if page.rotation:
            continue
        for block in page.get_text("rawdict", flags=parse._text_flags())["blocks"]:
            for raw in block.get("lines", ()):
                if tuple(raw.get("dir", (1, 0))) != (1, 0):
                    continue
                row = [((span["font"], round(span["size"], 1)), span["size"], ch["c"], ch["bbox"][0], ch["bbox"][2])
                       for span in raw["spans"] if span["size"] >= 4 for ch in span["chars"]]
                rows.append(row)
                for a, b in zip(row, row[1:]):
                    if not a[2].isspace() and not b[2].isspace() and a[0] == b[0]:
                        gaps.setdefault((a[0], a[2]), []).append((b[3] - a[4]) / a[1])
    usual = {key: sorted(found)[len(found) // 4] for key, found in gaps.items() if len(found) >= 5}
    parted: dict[str, Counter] = {}
    for row in rows:
        plain, spaced = [], []
        for a, b in zip([None] + row, row):
            if a is not None and (b[2].isalpha() and (a[2].isalnum() or a[2] in ",.;:)]") or
                                  b[2].isdigit() and (a[2].isalpha() or a[2] in ",;:")) and \
                    not (a[2].isupper() and b[2].islower()) and a[0] == b[0] and \
                    (gap := usual.get((a[0], a[2]))) is not None and \
                    (b[3] - a[4]) / a[1] - gap >= lost_spaces.LOST_SPACE_GAP:
                spaced.append(" ")
            plain.append(b[2])
            spaced.append(b[2])
        news = "".join(spaced).split()
        at = 0
        for token in "".join(plain).split():
            parts = []
            while at < len(news) and len("".join(parts)) < len(token):
                parts.append(news[at])
                at += 1
            if "".join(parts) != token:
                break
            parted.setdefault(token, Counter())[" ".join(parts)] += 1
    out = {}
    for token, ways in parted.items():
        way, n = ways.most_common(1)[0]
        if way != token and n > ways.get(token, 0):
            out[token] = way
    return out


def _mixed_page() -> bytes:
    """A page of numbers, punctuation, capitals and tiny type beside prose in two sizes of one font:
    digits after letters, letters after closing marks, a capital before small letters, type under
    4 pt between two letters of one word, spaces drawn as characters."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_font(fontname="tiro")
    rows = []
    for r in range(30):
        size = 10 if r % 3 else 9.96  # (two sizes that round alike: one key, each letter's own size)
        pieces = ["(Table) -40 (3) 50 (4) -250 (\\(see) 30 (\\)) 20 (x) -250 (a,) 50 (b;) 50 (c) -260 (ABC) 40 (def)",
                  "(r) 60 (e) 60 (s) -300 (u) 40 (lts) -100 (of) -320 (1.5) -300 (times) 300 (and) -110 (more)"]
        rows.append(f"BT /tiro {size} Tf 1 0 0 1 72 {720 - 14 * r} Tm [{pieces[r % 2]}] TJ "
                    f"/tiro 3 Tf [(tiny)] TJ /tiro {size} Tf [(word) -90 (s) ( ) (end)] TJ ET")
    page.insert_text((72, 40), "Results in Mixed Type", fontname="tiro", fontsize=14)
    xref = page.get_contents()[-1]
    doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + "\n".join(rows).encode())
    return doc.tobytes()


def _paper() -> pymupdf.Document:
    """Pages of reprinted prose (some gaps closed up, some words kerned apart), a page of mixed
    type, and a page turned by /Rotate."""
    doc = pymupdf.open()
    for data in (_reprinted_page(narrow_every=5), _mixed_page(), _reprinted_page(narrow_every=3, kerned="symmetric"),
                 _reprinted_page(narrow_every=10 ** 6), _reprinted_page(narrow_every=7, kerned="computation")):
        doc.insert_pdf(pymupdf.open("pdf", data))
    doc.insert_pdf(pymupdf.open("pdf", _reprinted_page(narrow_every=4)))
    doc[-1].set_rotation(90)
    return pymupdf.open("pdf", doc.tobytes())


@pytest.mark.parametrize("pages", [[0, 1, 2, 3, 4, 5], [0], [1, 3], [2, 4, 5], []])
def test_lost_spaces_parts_what_it_parted_before(monkeypatch, pages):
    monkeypatch.setenv("PAPERKIT_PROCESSES", "1")
    doc = _paper()
    before = _lost_spaces_before(doc, pages)
    now = parse._lost_spaces(doc, pages)
    assert now == before and list(now) == list(before)
    if 0 in pages:
        assert before  # (the premise: words run together are found and parted)


def test_lost_spaces_read_by_forked_processes_as_serially(monkeypatch):
    data = _paper().tobytes()
    doc = pymupdf.open("pdf", data)
    pages = [0, 1, 2, 3, 4, 5]
    monkeypatch.setenv("PAPERKIT_PROCESSES", "1")
    serial = parse._lost_spaces(doc, pages, lambda: pymupdf.open("pdf", data))
    monkeypatch.setenv("PAPERKIT_PROCESSES", "3")
    forked = parse._lost_spaces(doc, pages, lambda: pymupdf.open("pdf", data))
    assert serial and forked == serial and list(forked) == list(serial)
    assert serial == _lost_spaces_before(doc, pages)


def test_letter_gaps_of_a_page_not_asked_for_or_turned_are_none():
    doc = _paper()
    assert lost_spaces.letter_gaps(doc[0], 0, frozenset({1})) is None
    assert lost_spaces.letter_gaps(doc[5], 5, frozenset({5})) is None
    keys, gaps, rows, *candidates = lost_spaces.letter_gaps(doc[1], 1, frozenset({1}))
    assert len(keys) == len(gaps) and rows and len({len(c) for c in candidates}) == 1


def test_watermark_candidates_clip_as_clipped_does():
    """`_watermark_candidates` clips each filled path's box itself: the boxes `_clipped` gave."""
    import random

    from paperkit.reading.parse import Line, _clipped, _watermark_candidates

    rng = random.Random(31)
    values = [0.0, -0.0, 10.0, 50.0, 100.0, 300.0, 500.0, 612.0, 700.0]
    marks = []
    for _ in range(400):
        box = tuple(rng.choice(values) for _ in range(4))
        clip = None if rng.random() < 0.3 else tuple(rng.choice(values) for _ in range(4))
        marks.append((rng.choice(["fill-path", "fill-path", "stroke-path"]), box, clip, rng.random() < 0.1))
    lines = [Line(page=0, x0=x, y0=y, x1=x + 40, y1=y + 10, text="words", size=10, bold=False, italic=False,
                  math_chars=0) for x in (60.0, 120.0, 320.0) for y in (60.0, 200.0, 400.0, 600.0)]

    def before(marks, lines, width, height):
        out = set()
        least = parse.WATERMARK_AREA * width * height
        for kind, box, clip, white in marks:
            if kind != "fill-path" or white:
                continue
            b = _clipped(box, clip) if clip is not None else box
            if (b[2] - b[0]) * (b[3] - b[1]) < least:
                continue
            inside = 0
            for ln in lines:
                if ln.x0 >= b[0] and ln.x1 <= b[2] and ln.y0 >= b[1] and ln.y1 <= b[3]:
                    inside += 1
                    if inside >= parse.WATERMARK_LINES:
                        break
            out.add((tuple(round(v) for v in b), inside >= parse.WATERMARK_LINES))
        return frozenset(out)

    found = _watermark_candidates(marks, lines, 612.0, 792.0)
    assert found == before(marks, lines, 612.0, 792.0) and found


def test_column_rule_reads_only_the_wide_marks():
    """`_graphic_boxes` gives `_column_rule` the page's marks over 10 pt wide alone (found once a
    page): the same verdict as with every mark, a frame's top and foot among them or not."""
    import random

    from paperkit.reading.parse import Line, _column_rule

    rng = random.Random(3)
    prose = "the words of a line of running text set in its column here"
    lines = [Line(page=0, x0=x, y0=60.0 + 12 * k, x1=x + 220, y1=70.0 + 12 * k, text=prose, size=10, bold=False,
                  italic=False, math_chars=0) for x in (72.0, 318.0) for k in range(50)]
    rule = (304.0, 60.0, 304.5, 660.0)
    verdicts = set()
    for trial in range(60):
        marks = [("fill-path", (x, y, x + w, y + 1), None, False)
                 for x, y, w in ((rng.choice([290.0, 300.0, 100.0]), rng.choice([59.5, 60.0, 300.0, 659.8, 700.0]),
                                  rng.choice([1.5, 8.0, 10.0, 10.5, 30.0])) for _ in range(rng.randint(0, 6)))]
        kept = lines if trial % 2 else lines[:50]  # (the right column or not)
        every = _column_rule(rule, kept, marks)
        assert _column_rule(rule, kept, [m for m in marks if m[1][2] - m[1][0] > 10]) == every
        verdicts.add(every)
    assert verdicts == {True, False}
