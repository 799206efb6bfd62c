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


# ─── `_join_rule_pieces`: a scatter plot's short strokes ───
# A page of scatter plots (ICML 2019: 64,000 short strokes, markers drawn as two crossing dashes)
# had each stroke compared with the last 16 chains of its height and the heights either side,
# nearly all of them ended left of it. Now a chain ended left of a stroke is dropped from the
# chains compared (the strokes come left to right: it is touched by no later one), and only the
# strokes in a run of heights with a cell's border among them are looked at (a run without one
# joins nothing). The same joins, in the same order, as the plain reference of session 25.


def _scatter_pieces(rng):
    """Markers drawn as short dashes at every height of a plot, its axes and grid lines across it
    (30 pt or wider: borders by their length), and a table's rules in pieces beside or under it."""
    from tests.test_parse_speed25 import _rule_pieces

    rects = _rule_pieces(rng)
    top, bottom = rng.uniform(50, 300), rng.uniform(320, 700)
    left, right = rng.uniform(40, 200), rng.uniform(250, 560)
    for _ in range(rng.choice([50, 300, 1000])):
        x, y = rng.uniform(left, right), rng.uniform(top, bottom)
        dash = rng.choice([0.6, 0.8, 1.5])
        rects.append([x, y, x + dash, y + rng.choice([0.2, 0.6, 0.8])])
        rects.append([x + 0.1, y + 0.1, x + 0.1 + dash, y + rng.choice([0.3, 0.7])])
    for _ in range(rng.choice([0, 2, 6])):  # axes and grid lines
        y = rng.uniform(top, bottom)
        rects.append([left, y, right, y + rng.choice([0.3, 0.5])])
    if rng.random() < 0.5:  # a grid line drawn in pieces, end to end, a marker's dash in a gap
        y, x = rng.uniform(top, bottom), left
        while x < right:
            rects.append([x, y, x + 40, y + 0.4])
            gap = rng.choice([0, 0.2, 0.5])
            if gap and rng.random() < 0.5:  # (level with the piece, thicker: it joins no chain of it)
                rects.append([x + 40 + gap / 2, y + 0.1, x + 40 + gap / 2 + 0.6, y + 1.1])
            x += 40 + gap
    rng.shuffle(rects)
    return rects


def test_join_rule_pieces_among_a_scatter_plots_strokes_gives_the_plain_joins():
    import random

    from paperkit.reading.parse import _join_rule_pieces
    from tests.test_parse_speed25 import _plain_join_rule_pieces

    rng = random.Random(36)
    joins = 0
    for _ in range(80):
        rects = _scatter_pieces(rng)
        want = _plain_join_rule_pieces([list(r) for r in rects])
        got = _join_rule_pieces([list(r) for r in rects])
        assert got == want
        joins += len(got) < len(rects)
    assert joins > 15
