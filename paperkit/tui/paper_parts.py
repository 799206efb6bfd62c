"""The whole paper as parts the reader can show, find text in and jump to (no Textual here).

A pass shows only some of the paper; search (`/`) and the outline (`g`) reach all of it: the
title and abstract, every section and subsection (appendix included), the figure and table
captions, the footnotes when the parser found them, and the references.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from paperkit.reading.paper import Figure, Paper, Paragraph, Section

_APPENDIX_TITLE = re.compile(r"^\s*(appendix|appendices|supplementary|supplemental)\b", re.IGNORECASE)
_REFERENCES_TITLE = re.compile(r"^\s*(references|bibliography)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Part:
    key: str  # "front", "section:3", "figures", "footnotes", "references"
    title: str
    paragraphs: tuple[Paragraph, ...]
    level: int = 1  # 2 for a subsection
    section: Section | None = None
    appendix: bool = False
    figure: Figure | None = None  # set on the outline's figure and table entries only

    @property
    def page(self) -> int:
        return self.paragraphs[0].page if self.paragraphs else (self.section.page if self.section else 1)


def is_appendix(section: Section, after_references: bool) -> bool:
    """Lettered sections ("A", "B.2"), headings that say so, and whatever follows the references."""
    number = section.number or ""
    return after_references or bool(re.match(r"^[A-Z](\.\d+)*$", number)) or bool(_APPENDIX_TITLE.match(section.title))


def paper_parts(paper: Paper) -> list[Part]:
    parts = [Part("front", "Title and abstract", tuple(
        Paragraph(text, 1) for text in (paper.title, ", ".join(paper.authors), paper.abstract or "") if text
    ))]
    after_references = False
    for index, section in enumerate(paper.sections):
        if _REFERENCES_TITLE.match(section.title) and not section.paragraphs:
            after_references = True
            continue
        parts.append(Part(
            f"section:{index}", section.label, section.paragraphs, level=section.level, section=section,
            appendix=is_appendix(section, after_references),
        ))
        after_references = after_references or bool(_REFERENCES_TITLE.match(section.title))
    captions = [*paper.figures, *paper.tables]
    if captions:
        parts.append(Part("figures", "Figures and tables", tuple(Paragraph(caption_line(f), f.page) for f in captions)))
    footnotes = tuple(getattr(paper, "footnotes", ()) or ())  # filled by newer parsers only
    if footnotes:
        parts.append(Part("footnotes", "Footnotes", tuple(_footnote_paragraph(f) for f in footnotes)))
    if paper.references:
        parts.append(Part("references", f"References ({len(paper.references)})", tuple(Paragraph(r, paper.pages) for r in paper.references)))
    return parts


def caption_line(figure: Figure) -> str:
    return f"{figure.label} (p. {figure.page}): {figure.caption}"


def _footnote_paragraph(footnote) -> Paragraph:
    if isinstance(footnote, Paragraph):
        return footnote
    if isinstance(footnote, str):
        return Paragraph(footnote, 1)
    mark = getattr(footnote, "mark", None) or getattr(footnote, "number", None)
    text = getattr(footnote, "text", str(footnote))
    return Paragraph(f"{mark} {text}" if mark else text, getattr(footnote, "page", 1) or 1)


# ---------------------------------------------------------------------- search
@dataclass(frozen=True)
class Hit:
    part: int
    paragraph: int  # -1: the part's heading
    start: int
    end: int


def search_pattern(query: str) -> re.Pattern[str] | None:
    """Case-insensitive, and a space matches any run of whitespace (PDF text breaks lines anywhere)."""
    words = query.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)


def find(parts: list[Part], query: str) -> list[Hit]:
    pattern = search_pattern(query)
    if pattern is None:
        return []
    return [
        Hit(p, q, m.start(), m.end())
        for p, part in enumerate(parts)
        for q, text in enumerate([part.title, *(paragraph.text for paragraph in part.paragraphs)], start=-1)
        for m in pattern.finditer(text)
    ]


class Finder:
    """One search over the whole paper: its hits, the current one, the count."""

    def __init__(self, parts: list[Part]):
        self.parts = parts
        self.query = ""
        self.hits: list[Hit] = []
        self.index: int | None = None

    def search(self, query: str) -> int:
        self.query = query.strip()
        self.hits = find(self.parts, self.query)
        self.index = None
        return len(self.hits)

    def clear(self) -> None:
        self.search("")

    @property
    def current(self) -> Hit | None:
        return self.hits[self.index] if self.index is not None and self.hits else None

    def step(self, delta: int, from_part: int = 0) -> Hit | None:
        """The next (delta 1) or previous (-1) hit; the first step starts from the part on screen."""
        if not self.hits:
            return None
        if self.index is None:
            after = [i for i, h in enumerate(self.hits) if h.part >= from_part]
            before = [i for i, h in enumerate(self.hits) if h.part <= from_part]
            if delta > 0:
                self.index = after[0] if after else 0
            else:
                self.index = before[-1] if before else len(self.hits) - 1
        else:
            self.index = (self.index + delta) % len(self.hits)
        return self.hits[self.index]

    def spans_in(self, part: int) -> dict[int, list[tuple[int, int, bool]]]:
        """paragraph index -> [(start, end, is_current)] for the hits in one part."""
        spans: dict[int, list[tuple[int, int, bool]]] = {}
        current = self.current
        for hit in self.hits:
            if hit.part == part:
                spans.setdefault(hit.paragraph, []).append((hit.start, hit.end, hit == current))
        return spans

    def count_text(self) -> str:
        if not self.query:
            return ""
        if not self.hits:
            return f"“{self.query}”: no match"
        where = f"{self.index + 1}/" if self.index is not None else ""
        return f"“{self.query}”: {where}{len(self.hits)} match{'es' if len(self.hits) != 1 else ''}"


# ---------------------------------------------------------------------- figures where the text mentions them
_MENTION = re.compile(r"\b(?P<kind>Fig(?:ure)?s?\.?|Tables?|Tab\.)\s*(?P<number>[A-Z]?\.?\d+)", re.IGNORECASE)


def figures_mentioned(paper: Paper) -> dict[int, list[tuple[Figure, bool]]]:
    """section index -> [(figure or table, whether this section mentions it first)], in the
    order the text mentions them."""
    by_key = {(f.kind, f.number): f for f in (*paper.figures, *paper.tables)}
    first_seen: set[tuple[str, str]] = set()
    found: dict[int, list[tuple[Figure, bool]]] = {}
    for index, section in enumerate(paper.sections):
        for paragraph in section.paragraphs:
            for match in _MENTION.finditer(paragraph.text):
                kind = "table" if match.group("kind").lower().startswith("tab") else "figure"
                key = (kind, match.group("number"))
                figure = by_key.get(key)
                if figure is None or any(f is figure for f, _first in found.get(index, [])):
                    continue
                found.setdefault(index, []).append((figure, key not in first_seen))
                first_seen.add(key)
    return found


def footnotes_in(paper: Paper, section: Section) -> list[Paragraph]:
    """The section's footnotes, when the parser found them (on the section itself, or on the paper
    with a page within the section's pages); none with today's parses."""
    own = getattr(section, "footnotes", None)
    if own:
        return [_footnote_paragraph(f) for f in own]
    notes = [_footnote_paragraph(f) for f in (getattr(paper, "footnotes", ()) or ())]
    if not notes:
        return []
    pages = {section.page, *(p.page for p in section.paragraphs)}
    return [n for n in notes if n.page in pages]
