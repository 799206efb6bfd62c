"""The surname pattern of the bibliography reader, kept equal to its older spelling while it
compiles faster (speed12): a lowercase prefix of at most three letters ("de", "mc") still needs a
capital right after it, without a lookahead asking for that capital twice."""

import random
import re

from paperkit.reading import bibliography
from paperkit.reading.bibliography import parse_reference


def _old_surname() -> str:
    """The pattern as it was written before, with the lookahead for the capital."""
    upper = bibliography._UPPER
    return bibliography._SURNAME.replace("[a-z]{1,3})?", f"[a-z]{{1,3}}(?=[{upper}]))?")


def test_surname_reads_lowercase_prefixes_as_before():
    surname = re.compile(bibliography._SURNAME)
    assert surname.fullmatch("deGruyter")
    assert surname.fullmatch("McDonald")
    assert surname.fullmatch("d’Alembert")
    assert surname.fullmatch("van der Berg")
    assert surname.fullmatch("Łukasiewicz")
    assert not surname.fullmatch("abcdEfg")  # (a prefix of four letters is no prefix)
    assert not surname.fullmatch("smith")
    assert surname.match("abcdEfg") is None


def test_surname_matches_as_the_lookahead_spelling_did():
    old, new = _old_surname(), bibliography._SURNAME
    assert old != new
    words = ["van ", "de ", "St. ", "Smith", "deG", "mc", "Ł", "’", "'", "-", ", ", " and ", "J.", "ab", "x", " "]
    rng = random.Random(12)
    patterns = [(re.compile(old), re.compile(new)),
                (re.compile(rf"(?P<s>{old}),\s+(?P<g>[A-Z]\.)"), re.compile(rf"(?P<s>{new}),\s+(?P<g>[A-Z]\.)"))]
    for _ in range(3000):
        text = "".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
        for before, after in patterns:
            for how in ("match", "search", "fullmatch"):
                a, b = getattr(before, how)(text), getattr(after, how)(text)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), text


def test_surname_first_entries_still_read():
    entry = parse_reference("deGruyter, A., and McDonald, B. 2019. A study of names. In Proceedings of Names.")
    assert tuple(entry.authors) == ("A. deGruyter", "B. McDonald")
    assert entry.title == "A study of names" and entry.year == 2019


def test_upper_letters_are_the_class_letters():
    upper = bibliography._UPPER
    assert bibliography._UPPER_CHARS == frozenset(ch for ch in map(chr, range(0x3000)) if re.fullmatch(f"[{upper}]", ch))


def test_citation_letter_read_from_the_printed_year():
    # Two 2019 papers by Okafor listed "2019b" first: the printed letters, not the list order, say
    # which one "(Okafor, 2019a)" cites; a year inside a longer number ("12019a") is no year.
    texts = ["Ada Okafor. 2019b. Second study. In Proceedings of Things, pages 12019a–3.",
             "Ada Okafor. 2019a. First study. In Proceedings of Things."]
    entries = [parse_reference(text) for text in texts]
    assert [e.year for e in entries] == [2019, 2019]
    cites = bibliography.link_citations([(0, 0, 1, "As shown before (Okafor, 2019a), and later (Okafor, 2019b).")], entries)
    assert [(c.text, c.refs) for c in cites] == [("(Okafor, 2019a)", (1,)), ("(Okafor, 2019b)", (0,))]
