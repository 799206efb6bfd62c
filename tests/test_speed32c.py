"""Speed, session 32 (c): a row parted by an inline formula looks for its other half among the rows on
its baseline first (a page of table cells or plot labels holds hundreds of lines level with each
other, and every row used to sort all the lines of the wider band): the same rows are joined, with
the same pieces, as by the first version, kept here as the reference."""

from __future__ import annotations

import bisect
import copy
import random

from paperkit.reading import parse
from paperkit.reading.parse import Line


def _reference(rows: list[Line], keys: list[float], taken: set[int]) -> None:
    for a in rows:
        if id(a) in taken or a.base is None:
            continue
        size = a.size
        lo, hi = bisect.bisect_left(keys, a.base - 2.5 * size), bisect.bisect_right(keys, a.base + 2.5 * size)
        near = [ln for ln in rows[lo:hi] if ln is not a and id(ln) not in taken]
        b = next((ln for ln in sorted(near, key=lambda ln: ln.x0) if abs(ln.base - a.base) < 1.5 and
                  abs(ln.size - size) < 0.6 and a.x1 + 4.0 * size < ln.x0 <= a.x1 + 8.0 * size), None)
        if b is None or len(parse._RUNNING_WORD.findall(f"{a.text} {b.text}")) < 3 or \
                any(o is not b and o.size > 0.8 * size and a.x1 < o.x0 < b.x0 and abs(o.base - a.base) < 1.5 for o in near):
            continue
        inside = [ln for ln in near if ln is not b and len(ln.text) <= 16 and ln.x0 >= a.x1 - 1.0 and
                  ln.x1 <= b.x0 + 1.0 and ln.y0 < a.y1 + 0.6 * size and ln.y1 > a.y0 - 0.6 * size]
        if not any(ln.size <= 0.8 * size for ln in inside):
            continue
        reach = a.x1
        for x0, x1 in sorted((ln.x0, ln.x1) for ln in inside):
            if x0 - reach > 0.8 * size:
                break
            reach = max(reach, x1)
        if b.x0 - reach > 0.8 * size:
            continue
        parse._join_row_halves(a, inside, b, taken)


def _page(rng: random.Random) -> list[Line]:
    """Rows of prose parted by formula pieces, among many short pieces on the same few baselines."""
    rows = []
    for _ in range(rng.randint(3, 160)):
        size = rng.choice([0.5, 5.0, 7.0, 10.0, 10.0, 10.0, 10.4, 12.0, 18.0])
        base = rng.choice([100.0, 100.0, 100.7, 101.4, 101.6, 102.9, 112.0, 125.0]) + rng.choice([0.0, 0.0, 0.4, -0.9])
        x0 = round(rng.uniform(50, 520), 1)
        x1 = x0 + round(rng.uniform(2, 140), 1)
        text = rng.choice(["age is the", "and so on the row", "2", "i=1", "N", "α", ". As a result of the", "x", "∑"])
        rows.append(Line(page=0, x0=x0, y0=base - 0.8 * size, x1=x1, y1=base + 0.25 * size, text=text, size=size,
                         bold=False, italic=False, math_chars=0, base=base))
    return sorted(rows, key=lambda ln: ln.base)


def _outcome(rows: list[Line], taken: set[int]) -> list[tuple]:
    return [(k, id(ln) in taken, ln.text, ln.x1, ln.y0, ln.y1, ln.scripts) for k, ln in enumerate(rows)]


def test_the_rows_joined_are_those_the_wide_sorted_band_joined():
    rng = random.Random(32)
    joined = 0
    for _ in range(400):
        page = _page(rng)
        ours, theirs = copy.deepcopy(page), copy.deepcopy(page)
        ours_taken: set[int] = set()
        theirs_taken: set[int] = set()
        parse._rows_parted_by_formulas(ours, [ln.base for ln in ours], ours_taken)
        _reference(theirs, [ln.base for ln in theirs], theirs_taken)
        assert _outcome(ours, ours_taken) == _outcome(theirs, theirs_taken)
        joined += bool(theirs_taken)
    assert joined >= 20  # (the pages do hold rows the rule joins)
