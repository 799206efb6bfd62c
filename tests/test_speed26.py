"""Speed of `paperkit outline` without a change of its output (issue 14's speed aim).

- `_rows_parted_by_fractions` passes over a piece that no row in larger type can part (most pieces
  of a page: a table's cells, a plot's labels) and gathers a piece's neighbours only once a row could
  be its left half: what it returns is what the version that gathered them for every piece returned.
- `_symbol_glyphs` answers at once for a span opening with printable ASCII or a letter: the same
  answer as the test of every character's Unicode category.
- `_span_traits` keeps its answer per font name and flags: the same as working it out each time.
- `_inside` writes min() and max() out: the same overlap, the same answer.
- `_italic_but_acronyms` answers no at once for a line without an italic span.
- `_math_count` of text with characters past ASCII counts its ASCII ones in C, as `_is_math_char`
  takes them ("+" and "~" too), and looks each other character up once: the same count.
"""

from __future__ import annotations

import bisect
import copy
import random
import unicodedata

from paperkit.reading import parse
from paperkit.reading.parse import _RUNNING_WORD, Line, _italic_but_acronyms, _rows_parted_by_fractions


def _gathering_rows_parted_by_fractions(lines: list[Line]) -> list[Line]:
    """`_rows_parted_by_fractions` as it was: the rows near every piece gathered first."""
    pieces = [ln for ln in lines if len(ln.text) <= 16 and ln.base is not None and not ln.code]
    if not pieces or len(lines) < 3:
        return lines
    rows = sorted((ln for ln in lines if ln.base is not None and not ln.code), key=lambda ln: ln.base)
    keys = [ln.base for ln in rows]
    taken: set[int] = set()
    for piece in pieces:
        if id(piece) in taken:
            continue
        lo, hi = bisect.bisect_left(keys, piece.base - 8.0), bisect.bisect_right(keys, piece.base + 8.0)
        near = [ln for ln in rows[lo:hi] if id(ln) not in taken]
        for a in near:
            size = a.size
            if a is piece or piece.size > 0.8 * size or not (piece.y0 < a.y1 and piece.y1 > a.y0) or a.x1 > piece.x0 + 1.0:
                continue
            b = next((ln for ln in near if ln is not a and ln is not piece and abs(ln.base - a.base) < 1.5 and abs(ln.size - size) < 0.6 and
                      ln.x0 >= piece.x1 - 1.0 and a.x1 < ln.x0 <= a.x1 + 4.0 * size and
                      not any(o is not a and o is not ln and o.size > 0.8 * size and a.x1 < o.x0 < ln.x0 and
                              abs(o.base - a.base) < 1.5 for o in near)), None)
            if b is None or len(_RUNNING_WORD.findall(f"{a.text} {b.text}")) < 3:
                continue
            inside = [ln for ln in near if ln is not a and ln is not b and ln.size <= 0.8 * size and
                      ln.x0 >= a.x1 - 1.0 and ln.x1 <= b.x0 + 1.0 and ln.y0 < a.y1 and ln.y1 > a.y0]
            if not inside or min(ln.x0 for ln in inside) - a.x1 > 0.6 * size or b.x0 - max(ln.x1 for ln in inside) > 0.6 * size:
                continue
            inside.sort(key=lambda ln: ln.x0)
            stacks: list[list[Line]] = []
            for ln in inside:
                if stacks and ln.x0 < max(x.x1 for x in stacks[-1]):
                    stacks[-1].append(ln)
                else:
                    stacks.append([ln])
            order = [ln for stack in stacks for ln in sorted(stack, key=lambda ln: ln.y0)]
            a.text = " ".join([a.text] + [ln.text for ln in order] + [b.text])
            for ln in order + [b]:
                a.spans.extend(ln.spans)
                a.calls.extend(ln.calls)
                a.math_chars += ln.math_chars
                a.scripts += ln.scripts + (ln is not b)
                taken.add(id(ln))
            a.bold, a.italic = a.bold and b.bold, a.italic and b.italic
            a.x1 = b.x1
            a.y0, a.y1 = min([a.y0] + [ln.y0 for ln in order + [b]]), max([a.y1] + [ln.y1 for ln in order + [b]])
            break
    return [ln for ln in lines if id(ln) not in taken] if taken else lines


def _line(x0: float, x1: float, base: float, size: float, text: str, code: bool = False) -> Line:
    return Line(page=0, x0=x0, y0=base - 0.8 * size, x1=x1, y1=base + 0.2 * size, text=text, size=size, bold=False,
                italic=False, math_chars=0, spans=[(x0, x1, text, "")], base=base, code=code)


def _fraction_rows(rng: random.Random) -> list[Line]:
    """Rows of prose, some parted by a fraction in script size (numerator raised, denominator lowered,
    between the row's two halves), among table cells and labels in the text's size or smaller, and
    now and then a heading in larger type."""
    lines = []
    base = 60.0
    for _ in range(rng.randint(1, 12)):
        size = rng.choice([9.0, 10.0, 10.0, 12.0])
        if rng.random() < 0.5:  # a row parted by a fraction
            left_end = rng.uniform(150, 220)
            lines.append(_line(50, left_end, base, size, "the model we train on all of these tasks ="))
            script = rng.choice([5.0, 7.0, 8.0, 9.5])
            gap = rng.uniform(0.5, 1.0) * size
            lines.append(_line(left_end + 1, left_end + gap, base - 3, script, rng.choice(["1", "n", "x+1"])))
            lines.append(_line(left_end + 1, left_end + gap, base + 3, script, rng.choice(["T − 1", "2", "k"])))
            lines.append(_line(left_end + gap + rng.uniform(0.5, 6), 300, base + rng.choice([0.0, 0.4, 2.0]),
                               size + rng.choice([0.0, 0.0, 0.3, 2.0]), rng.choice(["for all of the runs we made,", "x y", "and so on"])))
        for _ in range(rng.randint(0, 6)):  # cells, labels, marks
            x0 = rng.uniform(40, 500)
            lines.append(_line(x0, x0 + rng.uniform(3, 40), base + rng.uniform(-4, 4), rng.choice([6.0, 8.0, size, 14.0]),
                               rng.choice(["0.91", "a", "(3)", "Table", "x_i"]), code=rng.random() < 0.05))
        base += rng.choice([11.0, 12.0, 24.0])
    rng.shuffle(lines)
    return lines


def _shown(lines: list[Line]) -> list[tuple]:
    return [(ln.text, ln.spans, ln.calls, ln.math_chars, ln.scripts, ln.bold, ln.italic, ln.x0, ln.x1, ln.y0, ln.y1)
            for ln in lines]


def test_rows_parted_by_fractions_as_when_every_piece_gathered_its_rows():
    rng = random.Random(26)
    parted = 0
    for _ in range(400):
        lines = _fraction_rows(rng)
        mine, theirs = copy.deepcopy(lines), copy.deepcopy(lines)
        got, want = _rows_parted_by_fractions(mine), _gathering_rows_parted_by_fractions(theirs)
        assert _shown(got) == _shown(want)
        parted += len(lines) - len(got)
    assert parted > 50  # (fractions were joined: the search was exercised)


def _categories_symbol_glyphs(text: str) -> bool:
    core = text.strip()
    return bool(core) and all(unicodedata.category(ch)[0] == "C" or unicodedata.category(ch) == "So" for ch in core)


def test_symbol_glyphs_as_by_every_characters_category():
    rng = random.Random(14)
    samples = ["", " ", "abc", "□", "✓", " ✓ ", "\ue000", "\x07", "\ue000a", "a\ue000", "(1)", "∑", "☆x", "é", "１"]
    for _ in range(3000):
        samples.append("".join(chr(rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0x80, 0x3000),
                                                rng.randrange(0x2000, 0x2800), rng.randrange(0xe000, 0xe100),
                                                rng.randrange(0, 0x20), rng.randrange(0x1f300, 0x1f400)]))
                               for _ in range(rng.randint(1, 3))))
    for text in samples:
        assert parse._symbol_glyphs(text) == _categories_symbol_glyphs(text), ascii(text)


def test_span_traits_as_worked_out_each_time():
    fonts = ["", "Times-Roman", "Times-Bold", "CMBX10", "CMTI10", "CMSY10", "Courier", "LMRoman10-BoldItalic",
             "AdvTimes-b", "NimbusRomNo9L-MediItal", "CMCSC10", "Arial,Bold"]
    for font in fonts:
        for flags in (0, 2, 16, 18, 4, 20):
            span = {"font": font, "flags": flags}
            bold, italic, caps, math, mono = parse._font_traits(font)
            want = (bool(flags & 16) or bold, bool(flags & 2) or italic, caps, math, mono)
            assert parse._span_traits(span) == want
            assert parse._span_traits(span) == want  # (kept)
    assert parse._span_traits({}) == parse._span_traits({"font": "", "flags": 0})  # (a span without them)


def test_inside_as_with_min_and_max():
    def inside(line, box, margin):
        x0, y0, x1, y1 = box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin
        ix = min(line.x1, x1) - max(line.x0, x0)
        if ix <= 0:
            return False
        iy = max(0.0, min(line.y1, y1) - max(line.y0, y0))
        area = max(1e-6, (line.x1 - line.x0) * (line.y1 - line.y0))
        return ix * iy / area > 0.6

    rng = random.Random(3)
    answers = set()
    for _ in range(5000):
        x0, y0 = rng.uniform(0, 100), rng.uniform(0, 100)
        line = _line(x0, x0 + rng.choice([0.0, rng.uniform(0, 60)]), y0, rng.uniform(1, 12), "x")
        bx, by = rng.uniform(0, 100), rng.uniform(0, 100)
        box = (bx, by, bx + rng.uniform(0, 80), by + rng.uniform(0, 80))
        margin = rng.choice([0.0, 2.0, 5.0])
        assert parse._inside(line, box, margin) == inside(line, box, margin)
        answers.add(inside(line, box, margin))
    assert answers == {True, False}


def test_italic_but_acronyms_without_italics_is_no():
    upright = Line(page=0, x0=0, y0=0, x1=100, y1=10, text="4.5.2 Application of MGI", size=10, bold=False,
                   italic=False, math_chars=0, spans=[(0, 60, "4.5.2 Application of ", ""), (60, 100, "MGI", "b")])
    assert not _italic_but_acronyms(upright)
    mixed = Line(page=0, x0=0, y0=0, x1=100, y1=10, text="4.5.2 Application of MGI", size=10, bold=False,
                 italic=False, math_chars=0, spans=[(0, 60, "4.5.2 Application of ", "i"), (60, 100, "MGI", "b")])
    assert _italic_but_acronyms(mixed)


def test_math_count_as_counting_each_character():
    rng = random.Random(5)
    samples = ["", "a+b=c", "x ~ y", "“quoted” – text", "α + β ≤ γ", "é~", "∑_{i}", "𝐱 ∈ ℝ^n", "\U0001d400+"]
    for _ in range(3000):
        samples.append("".join(chr(rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0x80, 0x2300),
                                                rng.randrange(0x1d400, 0x1d800), rng.randrange(0xe000, 0xe010)]))
                               for _ in range(rng.randint(1, 12))))
    for text in samples:
        if not text.isascii():  # (plain ASCII text is counted by its own pattern, as before)
            assert parse._math_count(text) == sum(1 for ch in text if parse._is_math_char(ch)), ascii(text)
