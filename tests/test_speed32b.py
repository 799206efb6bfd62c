"""Speed changes of session 32 (b): the document's stages after the page read, made cheaper with
the same results as before."""

from __future__ import annotations

import sys

from paperkit.reading import parse
from tests.test_speed31 import _pages, _words


def test_no_character_lowers_to_more_than_one_letter():
    """`_respace_lines` looks for a row run together whole (a word of `LOST_SPACE_RUN` letters or
    more) only among tokens of that many characters or more: a token's lower case has no more
    letters than the token has characters (U+0130 lowers to "i" and a combining dot, one letter)."""
    assert not [c for c in range(sys.maxunicode + 1) if sum(map(str.isalpha, chr(c).lower())) > 1]


def test_the_first_pages_read_take_in_a_page_with_a_row_run_together(monkeypatch):
    """The pages read first are the two with the most glued words and any page with a word of
    `LOST_SPACE_RUN` letters or more printed nowhere else (its punctuation aside: "rows,run.together"),
    not one whose long token has fewer letters ("10.1145/3292500.3330701": digits). (A link's
    letters run together, "https://github.com/...", no longer count since session 36:
    tests/test_speed36a.py.)"""
    called = []
    monkeypatch.setattr(parse, "_lost_spaces", lambda doc, pages, reopen=None, read=None: called.append(pages) or {})
    pages = _pages([1, 3, 1, 4, 1])
    pages[0][-1].text += " somebody.wrote,arowthatran(together)"  # 29 letters
    pages[4][-1].text += " doi:10.1145/3292500.3330701.12345678"  # 3 letters, 37 characters
    pages[2][-1].text += " Ṣ" + "İ" * 19  # 20 letters in lower case, and 19 combining dots
    assert parse._respace_lines(pages, [None] * 5, None, _words(pages)) is False
    assert called == [[0, 1, 2, 3]]
