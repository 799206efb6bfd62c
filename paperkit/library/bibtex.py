"""BibTeX for papers in the library, with the arXiv fields biblatex and natbib styles read.

A preprint is ``@misc`` with ``eprint``/``archivePrefix``/``primaryClass``; a paper with a
journal reference or DOI is ``@article`` and keeps the eprint fields. Titles keep the authors'
capitals: every word with a capital letter is wrapped in braces, so no style lowercases
"ImageNet", "Bayesian" or "The Lottery Ticket Hypothesis" into something the authors never
wrote. Authors are "and"-joined as written ("Yann N. Dauphin"); BibTeX splits first, von and
last parts itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from paperkit.ids import ArxivId, is_arxiv_id, parse_arxiv_id
from paperkit.library.store import LibraryEntry
from paperkit.reading.paper import Metadata

_SPECIAL = re.compile(r"(?<!\\)([&%#])")
_MATH = re.compile(r"(\$[^$]*\$)")
_STOP_WORDS = {"a", "an", "the", "on", "of", "for", "and", "in", "to", "as", "with", "towards", "toward", "is"}


def escape(text: str) -> str:
    """Escape BibTeX's special characters outside $...$ math, which is left untouched.

    A literal ``~`` would be a non-breaking space in LaTeX, so it becomes ``\\textasciitilde{}``.
    """
    parts = _MATH.split(text)
    return "".join(
        part if part.startswith("$") else _SPECIAL.sub(r"\\\1", part).replace("_", r"\_").replace("~", r"\textasciitilde{}")
        for part in parts
    )


def protect_capitals(title: str) -> str:
    """Brace every word holding a capital letter ("Colorful Image" -> "{Colorful} {Image}")."""
    parts = _MATH.split(title)
    out = []
    for part in parts:
        if part.startswith("$"):
            out.append(part)
            continue
        out.append(re.sub(r"[^\s{}]+", lambda m: f"{{{m.group(0)}}}" if any(c.isupper() for c in m.group(0)) else m.group(0), part))
    return "".join(out)


def cite_key(entry: LibraryEntry) -> str:
    """"zhang2016colorful": first author's last name, year, first significant title word (ASCII)."""
    last = _ascii(entry.authors[0].split()[-1]) if entry.authors else ""
    words = [_ascii(w) for w in re.findall(r"[^\W_]+", entry.title)]
    first_word = next((w for w in words if w and w not in _STOP_WORDS), "")
    key = f"{last}{entry.year or ''}{first_word}"
    return key or "arxiv" + re.sub(r"\W", "_", entry.id)


def record_key(entry: LibraryEntry) -> str:
    """The key a record is exported under: the user's own (kept by an import, or a local paper's
    name, which an import took from the citation key), else `cite_key`."""
    if entry.citekey:
        return entry.citekey
    return cite_key(entry) if is_arxiv_id(entry.id) else entry.id


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def incomplete(entries: Iterable[LibraryEntry]) -> list[LibraryEntry]:
    """Entries a bibliography would print without title or authors (added offline, never filled in)."""
    return [e for e in entries if not e.title or not e.authors]


def bibtex_entry(entry: LibraryEntry, metadata: Metadata | None = None, *, key: str | None = None) -> str:
    """One BibTeX record. `metadata` (cached arXiv facts) adds DOI, journal reference and primary class.

    The entry's own `doi`, `venue` and `url` (from an import) are used when no metadata has them.
    """
    doi = (metadata.doi if metadata else None) or entry.doi
    journal = (metadata.journal_ref if metadata else None) or entry.venue
    kind = "article" if doi or journal else "misc"
    fields: list[tuple[str, str]] = [("title", "{" + protect_capitals(escape(entry.title or entry.id)) + "}")]
    if entry.authors:
        fields.append(("author", "{" + escape(" and ".join(entry.authors)) + "}"))
    if journal:
        fields.append(("journal", "{" + escape(journal) + "}"))
    if entry.year:
        fields.append(("year", f"{{{entry.year}}}"))
    if is_arxiv_id(entry.id):
        aid = parse_arxiv_id(entry.id)
        primary = (metadata.primary_category if metadata else None) or entry.primary_category or aid.archive
        read = ArxivId(aid.base, entry.version if entry.version is not None else aid.version)
        fields.append(("eprint", f"{{{read.versioned}}}"))  # the version the reader cited
        fields.append(("archivePrefix", "{arXiv}"))
        if primary:
            fields.append(("primaryClass", f"{{{primary}}}"))
        fields.append(("url", f"{{{read.abs_url}}}"))
    elif entry.url:
        fields.append(("url", "{" + entry.url.replace("%", r"\%") + "}"))
    if doi:
        fields.append(("doi", f"{{{doi}}}"))
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(f"  {name.ljust(width)} = {value}" for name, value in fields)
    return f"@{kind}{{{key or record_key(entry)},\n{body}\n}}\n"


def bibliography(entries: Iterable[LibraryEntry], metadata: dict[str, Metadata] | None = None) -> str:
    """Records for several papers, with clashing keys told apart by a, b, c suffixes."""
    metadata = metadata or {}
    entries = list(entries)
    keys = [record_key(e) for e in entries]
    seen: dict[str, int] = {}
    records = []
    for entry, key in zip(entries, keys):
        if keys.count(key) > 1:
            seen[key] = seen.get(key, 0) + 1
            key = f"{key}{chr(ord('a') + seen[key] - 1)}"
        records.append(bibtex_entry(entry, metadata.get(entry.id), key=key))
    return "\n".join(records)
