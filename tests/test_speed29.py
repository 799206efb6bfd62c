"""Speed of `paperkit outline` without a change of its output (issue 14's speed aim).

- `_document_words` looks for the hyphenated line a line goes on from among its page's broken lines
  a little above it (found by their tops), not among all of them: the same words counted.
- `_gutter` and `_gutters` may be given the page's lines of words, found once for both: the same
  gutters as when each finds them.
- `_display_math` reads an equation number only from a line that ends in ")": the same answer.
"""

from __future__ import annotations

import random
from collections import Counter

from paperkit.reading import parse
from paperkit.reading.parse import EQUATION_NUMBER, Line, _display_math, _document_words, _gutter, _gutters


def _line(page: int, x0: float, y0: float, x1: float, height: float, text: str, math_chars: int = 0,
          code: bool = False) -> Line:
    return Line(page=page, x0=x0, y0=y0, x1=x1, y1=y0 + height, text=text, size=10.0, bold=False, italic=False,
                math_chars=math_chars, code=code)


def _every_broken_line_document_words(lines) -> Counter:
    """`_document_words` as it was: each line looks through every broken line of its page."""
    words: Counter = Counter()
    lines = list(lines)
    broken: dict[int, list[Line]] = {}
    for ln in lines:
        if ln.text.endswith("-"):
            broken.setdefault(ln.page, []).append(ln)
    for ln in lines:
        found = parse._WORD.findall(ln.text.lower())
        if ln.text.endswith("-") and found:
            found = found[:-1]
        if found and ln.text[:1].islower() and any(abs(b.x0 - ln.x0) < 20 and 0 < ln.y0 - b.y0 < 2 * b.height
                                                   for b in broken.get(ln.page, ())):
            found = found[1:]
        words.update(found)
        if "-" in ln.text:
            words.update(part for w in found if "-" in w for part in w.split("-"))
    return words


_WORDS = ["model", "in-", "creasing", "state-of-the-art", "data", "Results", "net-", "work", "x", "the", "pre-trained"]


def _page_of_lines(rng: random.Random, page: int) -> list[Line]:
    lines = []
    for _ in range(rng.randint(0, 60)):
        text = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 6)))
        # (heights of every kind, a tall heading's and a degenerate box's among them: the tallest
        # broken line bounds the search)
        height = rng.choice([0.0, 2.0, 8.0, 10.0, 12.0, 30.0])
        lines.append(_line(page, rng.choice([50.0, 52.0, 60.0, 75.0, 300.0, 305.0]), rng.uniform(40, 700) // 0.5 * 0.5,
                           500.0, height, text))
    return lines


def test_document_words_as_when_every_broken_line_was_looked_through():
    rng = random.Random(29)
    for _ in range(300):
        lines = [ln for page in range(rng.randint(1, 3)) for ln in _page_of_lines(rng, page)]
        rng.shuffle(lines)
        assert _document_words(iter(lines)) == _every_broken_line_document_words(lines)


def _column_lines(rng: random.Random) -> list[Line]:
    lines = []
    for _ in range(rng.randint(0, 80)):
        left = rng.choice([54.0, 72.0, 200.0, 210.0, 317.0, 400.0])
        text = " ".join(rng.choice(["word", "of", "prose", "12.5", "(3)", "0.91", "x"]) for _ in range(rng.randint(1, 9)))
        lines.append(_line(0, left, rng.uniform(40, 700), left + rng.uniform(10, 480), 10.0, text))
    return lines


def test_gutters_given_the_lines_of_words_as_when_each_finds_them():
    rng = random.Random(14)
    for _ in range(300):
        lines = _column_lines(rng)
        worded = parse._worded_lines(lines)
        assert _gutter(lines, 612.0, worded) == _gutter(lines, 612.0)
        assert _gutters(lines, worded) == _gutters(lines)


def _display_math_as_it_was(line: Line) -> bool:
    visible = len(line.text) - line.text.count(" ")
    if not visible or line.code:
        return False
    return line.math_chars >= 0.5 * visible or (visible <= 15 and line.math_chars >= min(2, visible)) or \
        "\ufffd" in line.text and "\ufffd" in parse._LIGATURE_GAP.sub("", line.text) and \
        len(parse._RUNNING_WORD.findall(line.text)) < 4 or \
        bool(EQUATION_NUMBER.fullmatch(line.text.strip()))


def test_display_math_as_when_every_line_was_matched_for_its_number():
    rng = random.Random(7)
    pieces = ["(12)", "(3.1a)", " ", "where the model", "x", "=", ")", "(", "\ufffd", "fi\ufffdt", "(1)\n", "end (2) ", "(4))"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        line = _line(0, 50.0, 100.0, 300.0, 10.0, text, math_chars=rng.randint(0, 4), code=rng.random() < 0.05)
        assert _display_math(line) is _display_math_as_it_was(line)
