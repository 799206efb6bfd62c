"""Speed of `paperkit outline` without a change of its output (issue 14's speed aim).

(`_document_words`'s look-back among broken lines is tested in tests/test_speed29c.py.)
- `_gutter` and `_gutters` may be given the page's lines of words, found once for both: the same
  gutters as when each finds them.
- `_display_math` reads an equation number only from a line that ends in ")": the same answer.
"""

from __future__ import annotations

import random

from paperkit.reading import parse
from paperkit.reading.parse import EQUATION_NUMBER, Line, _display_math, _gutter, _gutters


def _line(page: int, x0: float, y0: float, x1: float, height: float, text: str, math_chars: int = 0,
          code: bool = False) -> Line:
    return Line(page=page, x0=x0, y0=y0, x1=x1, y1=y0 + height, text=text, size=10.0, bold=False, italic=False,
                math_chars=math_chars, code=code)


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
