"""Speed of `paperkit outline` without a change of its output.

- `_with_stray_subscripts` searches only the lines that can take a subscript (four words or more),
  by baseline: what it returns is what the loop over every line near the piece's baseline returned,
  on built pages and on lines out of their baseline order.
"""

from __future__ import annotations

import bisect
import copy
import random

import pymupdf

from paperkit.reading import parse
from paperkit.reading.parse import Line, _text_offset_at, _with_stray_subscripts


def _loop_stray_subscripts(lines: list[Line]) -> list[Line]:
    """`_with_stray_subscripts` as it was: every line near the piece's baseline tried in turn."""
    pieces = [ln for ln in lines if len(ln.text) <= 3 and ln.base is not None and " " not in ln.text]
    if not pieces:
        return lines
    keys = [round(ln.y1 if ln.base is None else ln.base) for ln in lines]
    taken: set[int] = set()
    for piece in pieces:
        lo, hi = bisect.bisect_left(keys, round(piece.base) - 7), bisect.bisect_right(keys, round(piece.base))
        for ln in lines[lo:hi]:
            if ln is piece or ln.base is None or id(ln) in taken or piece.size > 0.8 * ln.size or \
                    not (ln.x0 < piece.x0 and piece.x1 < ln.x1) or not 0.1 * ln.size < piece.base - ln.base < 0.5 * ln.size \
                    or len(ln.text.split()) < 4:
                continue
            at = _text_offset_at(ln, piece.x0 - 1.0)
            if at is None:
                break
            ln.text = ln.text[:at] + piece.text + ln.text[at:]
            ln.spans = sorted(ln.spans + piece.spans, key=lambda span: span[0])
            ln.scripts += 1
            taken.add(id(piece))
            break
    return [ln for ln in lines if id(ln) not in taken] if taken else lines


def _shown(lines: list[Line]) -> list[tuple]:
    return [(ln.text, ln.spans, ln.scripts, ln.x0, ln.base) for ln in lines]


def _both(lines: list[Line]) -> tuple[list[tuple], list[tuple]]:
    mine, theirs = copy.deepcopy(lines), copy.deepcopy(lines)
    return _shown(_with_stray_subscripts(mine)), _shown(_loop_stray_subscripts(theirs))


def _subscripts_pdf(tmp_path, seed: int):
    """Two columns of prose, subscripts set under their words, letters given one by one beside them
    (a text layer that gives letters apart), short lines of one to three words."""
    rng = random.Random(seed)
    doc = pymupdf.open()
    for _ in range(2):
        page = doc.new_page(width=612, height=792)
        y = 60.0
        while y < 740:
            for x0 in (50, 320):
                words = rng.choice([1, 2, 3, 5, 8])
                text = " ".join(rng.choice(["alpha", "beta", "x", "model", "loss", "of", "the"]) for _ in range(words))
                page.insert_text((x0, y), text, fontsize=10, fontname="helv")
                for _ in range(rng.randint(0, 3)):  # subscripts under the line, inside or outside its width
                    page.insert_text((x0 + rng.uniform(-5, 160), y + rng.uniform(0.5, 4.5)), rng.choice("ijk1"),
                                     fontsize=rng.choice([5, 7, 9]), fontname="helv")
                for _ in range(rng.randint(0, 4)):  # letters set one by one, on the baseline or near it
                    page.insert_text((x0 + 200 + rng.uniform(0, 60), y + rng.uniform(-3, 3)), rng.choice("abcd"),
                                     fontsize=10, fontname="helv")
            y += rng.choice([6.0, 12.0, 13.5])
    path = tmp_path / f"subscripts{seed}.pdf"
    doc.save(path)
    return path


def test_indexed_subscript_search_gives_what_the_loop_gave_on_built_pages(tmp_path, monkeypatch):
    seen: list[list[Line]] = []
    real = parse._with_stray_subscripts

    def keep(lines):
        seen.append(copy.deepcopy(lines))
        return real(lines)

    monkeypatch.setattr(parse, "_with_stray_subscripts", keep)
    for seed in range(3):
        with pymupdf.open(_subscripts_pdf(tmp_path, seed)) as doc:
            for index, page in enumerate(doc):
                parse._page_lines(page, index)
    monkeypatch.setattr(parse, "_with_stray_subscripts", real)
    joined = 0
    for lines in seen:
        mine, theirs = _both(lines)
        assert mine == theirs
        joined += len(lines) - len(mine)
    assert len(seen) >= 6 and joined > 20  # (subscripts were placed: the search was exercised)


def test_indexed_subscript_search_on_lines_out_of_baseline_order():
    rng = random.Random(7)
    for trial in range(200):
        lines = []
        for _ in range(rng.randint(2, 40)):
            x0 = rng.uniform(0, 300)
            words = rng.choice([1, 1, 2, 4, 6])
            text = "a" if words == 1 and rng.random() < 0.6 else " ".join("word" for _ in range(words))
            size = rng.choice([6.0, 7.0, 10.0])
            base = rng.choice([None, rng.uniform(0, 60)])
            y1 = (base if base is not None else rng.uniform(0, 60)) + 2
            x1 = x0 + (5 if len(text) <= 3 else 200)
            lines.append(Line(page=0, x0=x0, y0=y1 - size, x1=x1, y1=y1, text=text, size=size, bold=False,
                              italic=False, math_chars=0, spans=[(x0, x1, text, "")], base=base))
        if trial % 2 == 0:  # sorted by rounded baseline, as `_merge_same_baseline` leaves them
            lines.sort(key=lambda ln: round(ln.y1 if ln.base is None else ln.base))
        mine, theirs = _both(lines)
        assert mine == theirs
