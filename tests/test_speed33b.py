"""Speed changes of session 33 (b): the page's line building and the document's stages after the
page read, made cheaper with the same results as before (each fast path checked against the plain
way it replaced)."""

from __future__ import annotations

import random

from paperkit.reading import parse


def _prose_text_plainly(text: str) -> bool:
    """`parse._prose_text` as it was: each whitespace-parted word matched on its own."""
    words = text.split()
    prose = sum(1 for w in words if parse.PROSE_WORD.match(w))
    return prose >= 5 and prose >= 0.7 * len(words)


def test_prose_text_in_one_search_is_the_word_by_word_answer():
    """`_prose_text` counts `PROSE_WORD`'s words in one search of the text: the same answer as
    matching each word of `str.split`, whatever whitespace parts the words (tabs, no-break and thin
    spaces, the separators `str.split` takes) and whatever stops or capitals they hold."""
    fast = parse._prose_text.__wrapped__
    lines = ["the workers read their input split and write intermediate pairs",
             "Table 3: results of the method on the data", "a b c d e f g", "x = y + z, for all i",
             "one, two; three: four. five six", "one,two three four five six", "word\u00a0word word word word word",
             "tab\tseparated words in a line here", "new\nline words are also here", "trailing words here now ok \n",
             "", "   ", "the the the the the", "The The the the the the the", "éte été the words are here now"]
    for text in lines:
        assert fast(text) == _prose_text_plainly(text), text
    alphabet = list("abcdefxyz") + list("ABé,.;:-'’()0") + [" ", " ", " ", "\t", "\n", "\u00a0", "\u2009", "\x1c",
                                                            "\u3000", "\u200b", "\x85"]
    rng = random.Random(33)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        assert fast(text) == _prose_text_plainly(text), repr(text)
