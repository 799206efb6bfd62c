"""Speed, session 32 (a): the fixed cost of `paperkit outline` (the word list's store)."""

from __future__ import annotations


def test_the_word_lists_store_is_the_same_through_a_symlinked_environment(tmp_path):
    """The lexicon's store names the list by its resolved path: a command run through a symlinked
    `.venv` and one run through its target take the same store instead of sorting the list anew
    and writing it over each other's (about 50 ms a command, each time the path changes)."""
    from paperkit.reading import lexicon

    real = tmp_path / "env" / "site-packages" / "symspellpy"
    real.mkdir(parents=True)
    (real / lexicon._LIST).write_text("the 23135851162\nof 13151942776\n", encoding="ascii")
    (tmp_path / "linked").symlink_to(tmp_path / "env")
    linked = tmp_path / "linked" / "site-packages" / "symspellpy" / lexicon._LIST
    assert lexicon._stamp(linked) == lexicon._stamp(real / lexicon._LIST)
    (real / "other.txt").write_text("the 1\n", encoding="ascii")
    assert lexicon._stamp(real / "other.txt") != lexicon._stamp(real / lexicon._LIST)
