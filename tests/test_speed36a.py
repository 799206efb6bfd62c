"""Speed of `paperkit outline` without a change of its output (issue 14's speed aim, session 36, a).

- The lost-space check (`_respace_lines`) reads first, by themselves, the pages with the most glued
  words and any page with a row run together whole (a word of `LOST_SPACE_RUN` letters or more the
  paper prints nowhere else). A link, an e-mail address or a path ("https://doi.org/10.1371/
  journal.pbio.3002872", "name.surname@university.ac.uk", "coverage/susceptibility") runs its words
  together with "/" or "@", not for a lost space: it no longer makes its page one of the first. A
  journal that prints the paper's DOI link in every page's footer (PLOS) had every page read again
  letter by letter, where the two most glued pages found nothing to part.
"""

from __future__ import annotations

from paperkit.reading import parse
from tests.test_speed31 import _pages, _words

LINKS = ("https://doi.org/10.1371/journal.pbio.3002872", "Elaine.Ferguson@glasgow.ac.uk",
         "coverage/susceptibility.", "github.com/somebody/Serengeti_vaccination_impacts.")


def _spy(monkeypatch, found: dict | None = None) -> list:
    called = []
    monkeypatch.setattr(parse, "_lost_spaces", lambda doc, pages, reopen=None, read=None:
                        called.append(pages) or dict(found or {}))
    return called


def test_a_link_in_every_footer_does_not_make_every_page_one_of_the_first(monkeypatch):
    called = _spy(monkeypatch)
    pages = _pages([1, 3, 1, 4, 1])
    for k, lines in enumerate(pages):
        lines[-1].text += " " + LINKS[k % len(LINKS)]
    assert parse._respace_lines(pages, [None] * 5, None, _words(pages)) is False
    assert called == [[1, 3]]  # (the two most glued pages alone, as without the links; every page before)


def test_a_row_run_together_still_makes_its_page_one_of_the_first(monkeypatch):
    called = _spy(monkeypatch)
    pages = _pages([1, 3, 1, 4, 1])
    for lines in pages:
        lines[-1].text += " " + LINKS[0]
    pages[4][-1].text += " wordsofarowthatlostitsspaces,all"
    assert parse._respace_lines(pages, [None] * 5, None, _words(pages)) is False
    assert called == [[1, 3, 4]]


def test_the_first_pages_parting_words_have_every_page_read_as_before(monkeypatch):
    called = _spy(monkeypatch, {"pagesread": "pages read", "readpages": "read pages"})
    pages = _pages([1, 3, 1, 4, 1])
    for lines in pages:
        lines[-1].text += " " + LINKS[0]
    assert parse._respace_lines(pages, [None] * 5, None, _words(pages)) is True
    assert called == [[1, 3], [0, 1, 2, 3, 4]]
    tokens = {token for lines in pages for ln in lines for token in ln.text.split()}
    assert "pagesread" not in tokens and LINKS[0] in tokens
