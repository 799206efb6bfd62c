"""Speed of `paperkit outline`'s document-level passes without a change of their output (issue 14).

- `_document_words` matches ASCII lines with an ASCII word pattern, looks only at the broken lines
  just above a line (a bisection by their tops), and counts every word at the end: the same counts,
  in the same order, as the version that updated a Counter line by line and looked at every broken
  line of the page.
- `_line_index` is `list.index` for lines: the first line that is the one sought or equal to it.
- `_numbered_refs` given the labels made once gives what it gives making them itself.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest

from paperkit.reading import parse
from paperkit.reading.bibliography import _numbered_refs
from paperkit.reading.paper import Reference
from paperkit.reading.parse import Line, _document_words, _line_index


def _old_document_words(lines) -> Counter:
    """`_document_words` as it was."""
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


def _line(page: int, x0: float, y0: float, text: str, height: float = 10.0) -> Line:
    return Line(page, x0, y0, x0 + 200.0, y0 + height, text, 10.0, False, False, 0)


_PIECES = ["in-", "creasing", "state-of-the-", "art", "Über", "naïve", "co-", "operation", "data", "driven",
           "x-ray", "The", "model", "42", "e.g.", "Müller-Lyon", "-", "", "résumé-", "ﬁne", "over-", "fitting"]


def test_document_words_counts_as_before_in_the_same_order():
    rng = random.Random(29)
    for _ in range(200):
        lines = []
        for _ in range(rng.randint(0, 40)):
            text = " ".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 6)))
            lines.append(_line(rng.randint(0, 2), rng.choice((50.0, 55.0, 72.0, 300.0)),
                               rng.uniform(50.0, 700.0) if rng.random() < 0.5 else rng.choice((100.0, 111.0, 122.0)),
                               text, height=rng.choice((10.0, 12.0, -1.0, 0.0))))
        old, new = _old_document_words(lines), _document_words(iter(lines))
        assert list(new.items()) == list(old.items())


def test_document_words_skips_the_rest_of_a_word_broken_above():
    lines = [_line(0, 72.0, 100.0, "results in-"), _line(0, 72.0, 111.0, "creasing returns"),
             _line(0, 72.0, 300.0, "creasing again")]
    words = _document_words(lines)
    assert words["creasing"] == 1 and words["returns"] == 1 and "in" not in words


def test_line_index_finds_the_line_or_an_equal_one_first():
    a, b = _line(0, 72.0, 100.0, "same"), _line(0, 72.0, 100.0, "same")
    c = _line(0, 72.0, 120.0, "other")
    lines = [c, a, b]
    assert _line_index(lines, b) == lines.index(b) == 1  # (b equals a, which comes first)
    assert _line_index(lines, c) == 0
    with pytest.raises(ValueError):
        _line_index([c], a)


def test_numbered_refs_with_labels_made_once():
    entries = [Reference(text=f"[{n}] Entry {n}.", label=str(n)) for n in (1, 2, 3, 5)]
    by_label = {e.label: i for i, e in enumerate(entries) if e.label}
    for numbers in ("1", "2, 3", "1–3", "4", "5-9", "x"):
        assert _numbered_refs(numbers, entries, by_label) == _numbered_refs(numbers, entries)
