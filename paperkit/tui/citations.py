"""A paper's reference list as citations the reader can look up and add (no Textual here).

Today's paper model keeps each reference as the printed string; a newer parser may give objects
with `title`, `authors`, `year`, `arxiv_id` (and `text`), which are used when present. From a
string, the title is read as the sentence after the authors ("A. Author. Title. Venue 2016.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from paperkit.tui.reading_list import arxiv_id_in

_LABEL = re.compile(r"^\s*\[(?P<label>[^\]]{1,12})\]\s*")
# A full stop that ends a part of the entry: not after a lone initial ("A.") nor "et al."
_PART_END = re.compile(r"(?<![\s.][A-Z])(?<!^[A-Z])(?<!\bal)\.\s+|(?<=[!?])\s+")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_NUMERIC_CITE = re.compile(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\]")
_AUTHOR_YEAR_CITE = re.compile(r"\b([A-Z][A-Za-z'’-]+)(?:\s+et\s+al\.?|\s+and\s+[A-Z][A-Za-z'’-]+)?,?\s*\(?((?:19|20)\d\d)[a-z]?\)?")


@dataclass(frozen=True)
class Citation:
    index: int  # place in the paper's reference list
    text: str  # the entry as printed
    label: str  # "3" for "[3] ...", else the place in the list, from 1
    authors: str
    title: str
    year: str | None
    arxiv_id: str | None

    @property
    def see_also(self) -> str:
        """How the notes list it: "1603.08511 — Title", or the entry as printed without an id."""
        return f"{self.arxiv_id} — {self.title}" if self.arxiv_id and self.title else (self.arxiv_id or self.text)


def reference_text(entry) -> str:
    return entry if isinstance(entry, str) else str(getattr(entry, "text", None) or entry)


def parse_reference(index: int, entry) -> Citation:
    text = " ".join(reference_text(entry).split())
    match = _LABEL.match(text)
    label = match.group("label") if match else str(index + 1)
    body = text[match.end():] if match else text
    parts = [p.strip() for p in _PART_END.split(body) if p.strip()]
    authors = parts[0] if len(parts) > 1 else ""
    title = parts[1] if len(parts) > 1 else body
    year = _YEAR.search(body)
    structured = {name: None if isinstance(entry, str) else getattr(entry, name, None) for name in ("authors", "title", "year", "arxiv_id")}
    if not isinstance(entry, str) and not structured["arxiv_id"]:
        structured["arxiv_id"] = getattr(entry, "arxiv", None)  # the parser's `Reference.arxiv`
    if isinstance(structured["authors"], (list, tuple)):
        structured["authors"] = ", ".join(structured["authors"])
    return Citation(
        index=index,
        text=text,
        label=label,
        authors=str(structured["authors"] or authors),
        title=str(structured["title"] or title).rstrip("."),
        year=str(structured["year"]) if structured["year"] else (year.group(1) if year else None),
        arxiv_id=structured["arxiv_id"] or arxiv_id_in(body),
    )


def citations(references) -> list[Citation]:
    return [parse_reference(i, entry) for i, entry in enumerate(references)]


def paper_citations(paper) -> list[Citation]:
    """The paper's bibliography as the parser split and read it, else its printed entries."""
    entries = getattr(paper, "bibliography", None) or paper.references
    return citations(entries)


def _numbers(group: str) -> list[str]:
    numbers: list[str] = []
    for part in re.split(r"\s*,\s*", group):
        ends = re.split(r"\s*[–-]\s*", part)
        if len(ends) == 2 and ends[0].isdigit() and ends[1].isdigit() and int(ends[1]) - int(ends[0]) < 50:
            numbers += [str(n) for n in range(int(ends[0]), int(ends[1]) + 1)]
        else:
            numbers.append(part)
    return numbers


def cited_in(text: str, cited: list[Citation]) -> list[Citation]:
    """The references a passage cites: "[3]", "[2, 5–7]", or "Zhang et al. (2016)" / "Zhang et al., 2016"."""
    by_label = {c.label: c for c in cited}
    found: list[Citation] = []
    for match in _NUMERIC_CITE.finditer(text):
        found += [by_label[n] for n in _numbers(match.group(1)) if n in by_label]
    for match in _AUTHOR_YEAR_CITE.finditer(text):
        surname, year = match.group(1), match.group(2)
        found += [c for c in cited if c.year == year and re.search(rf"\b{re.escape(surname)}\b", c.authors or c.text)]
    unique: list[Citation] = []
    for citation in found:
        if citation not in unique:
            unique.append(citation)
    return unique
