from __future__ import annotations

import re

from paperkit.library.bibtex import bibliography, bibtex_entry, cite_key, escape, incomplete, protect_capitals
from paperkit.library.store import LibraryEntry
from paperkit.reading.paper import Metadata

COLORIZATION = LibraryEntry(
    id="1603.08511",
    title="Colorful Image Colorization",
    authors=("Richard Zhang", "Phillip Isola", "Alexei A. Efros"),
    year=2016,
    categories=("cs.CV",),
)
MIXUP = LibraryEntry(
    id="1710.09412",
    title="mixup: Beyond Empirical Risk Minimization",
    authors=("Hongyi Zhang", "Moustapha Cisse", "Yann N. Dauphin", "David Lopez-Paz"),
    year=2017,
    categories=("cs.LG", "stat.ML"),
)
OLD = LibraryEntry(id="math.GT/0309136", title="A Fictional Invariant of Knots & Links", authors=("Ada Example",), year=2003)


def fields(record: str) -> dict[str, str]:
    return {m.group(1): m.group(2) for m in re.finditer(r"^\s+(\w+)\s+= \{(.*)\},?$", record, re.MULTILINE)}


def test_new_style_preprint_is_misc_with_arxiv_fields():
    record = bibtex_entry(COLORIZATION)
    assert record.startswith("@misc{zhang2016colorful,\n")
    assert record.endswith("}\n")
    got = fields(record)
    assert got == {
        "title": "{Colorful} {Image} {Colorization}",
        "author": "Richard Zhang and Phillip Isola and Alexei A. Efros",
        "year": "2016",
        "eprint": "1603.08511",
        "archivePrefix": "arXiv",
        "primaryClass": "cs.CV",
        "url": "https://arxiv.org/abs/1603.08511",
    }


def test_lowercase_words_stay_unbraced_and_key_skips_nothing_meaningful():
    got = fields(bibtex_entry(MIXUP))
    assert got["title"] == "mixup: {Beyond} {Empirical} {Risk} {Minimization}"
    assert got["primaryClass"] == "cs.LG"
    assert cite_key(MIXUP) == "zhang2017mixup"
    assert cite_key(LibraryEntry(id="1803.03635", title="The Lottery Ticket Hypothesis", authors=("Jonathan Frankle",), year=2018)) == "frankle2018lottery"


def test_old_style_id_with_journal_and_doi_is_an_article():
    meta = Metadata(
        arxiv_id="math.GT/0309136", version=2, title=OLD.title, authors=OLD.authors,
        primary_category="math.GT", doi="10.1000/fictional.0309136", journal_ref="J. Fict. Topol. 1 (2004) 1-12",
    )
    record = bibtex_entry(OLD, meta)
    assert record.startswith("@article{example2003fictional,")
    got = fields(record)
    assert got["title"] == r"{A} {Fictional} {Invariant} of {Knots} \& {Links}"
    assert got["eprint"] == "math.GT/0309136"
    assert got["primaryClass"] == "math.GT"
    assert got["journal"] == "J. Fict. Topol. 1 (2004) 1-12"
    assert got["doi"] == "10.1000/fictional.0309136"
    assert got["url"] == "https://arxiv.org/abs/math.GT/0309136"


def test_old_style_without_metadata_takes_primary_class_from_the_archive():
    got = fields(bibtex_entry(LibraryEntry(id="hep-th/9901001", title="x", authors=("A B",), year=1999)))
    assert got["eprint"] == "hep-th/9901001" and got["primaryClass"] == "hep-th"


def test_escaping_leaves_math_alone():
    assert escape("50% of R&D #1 on_the_fly") == r"50\% of R\&D \#1 on\_the\_fly"
    assert escape(r"An $\ell_1$ bound") == r"An $\ell_1$ bound"
    assert protect_capitals(r"Sparse $\ell_1$ Recovery in CIFAR-10") == r"{Sparse} $\ell_1$ {Recovery} in {CIFAR-10}"


def test_non_arxiv_entry_is_exported_under_its_name_with_accented_names():
    entry = LibraryEntry(id="smith-notes", title="Notes", authors=("José Ñúñez",), year=2020)
    record = bibtex_entry(entry)
    assert record.startswith("@misc{smith-notes,")  # an imported paper's name is the user's citation key
    assert "eprint" not in record and "José Ñúñez" in record
    assert cite_key(entry) == "nunez2020notes"


def test_an_imported_citation_key_venue_doi_and_url_are_exported():
    entry = LibraryEntry(
        id="1603.08511", title="Colorful Image Colorization", authors=("Richard Zhang",), year=2016,
        venue="ECCV 2016", doi="10.1007/978-3-319-46487-9_40", citekey="zhangColorful2016",
    )
    record = bibtex_entry(entry)
    assert record.startswith("@article{zhangColorful2016,")
    got = fields(record)
    assert got["journal"] == "ECCV 2016" and got["doi"] == "10.1007/978-3-319-46487-9_40"
    local = fields(bibtex_entry(LibraryEntry(id="page", title="A Page", url="https://example.org/a%20b")))
    assert local["url"] == r"https://example.org/a\%20b"


def test_the_version_read_stays_in_eprint_and_url():
    got = fields(bibtex_entry(LibraryEntry(id="1603.08511", version=2, title="T", authors=("A B",), year=2016)))
    assert got["eprint"] == "1603.08511v2" and got["url"] == "https://arxiv.org/abs/1603.08511v2"


def test_a_tilde_is_escaped_not_a_non_breaking_space():
    assert escape("Dr. ~No at ~/papers") == r"Dr. \textasciitilde{}No at \textasciitilde{}/papers"
    assert escape(r"$\tilde x \sim p$ ~") == r"$\tilde x \sim p$ \textasciitilde{}"


def test_incomplete_lists_entries_without_title_or_authors():
    bare = LibraryEntry(id="1710.09412")
    assert incomplete([COLORIZATION, bare, LibraryEntry(id="x", title="T")]) == [bare, LibraryEntry(id="x", title="T")]


def test_bibliography_disambiguates_clashing_keys():
    twin = LibraryEntry(id="1603.08512", title="Colorful Image Colorization, again", authors=("R Zhang",), year=2016)
    text = bibliography([COLORIZATION, twin, MIXUP])
    keys = re.findall(r"^@\w+\{([^,]+),", text, re.MULTILINE)
    assert keys == ["zhang2016colorfula", "zhang2016colorfulb", "zhang2017mixup"]
