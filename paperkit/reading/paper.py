"""The paper model: what paperkit knows about one paper.

Two sources fill it: arXiv metadata (`Metadata`, from the Atom API) and the parsed PDF
(`Paper`, from PyMuPDF). Both are frozen dataclasses that round-trip through JSON, so a parsed
paper is cached once and later opened without touching the PDF.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from paperkit.reading.patterns import compile_later

FigureKind = Literal["figure", "table", "equation"]  # "equation": a formula shown from the PDF (formula_region)

# (the reader's passes use these two, the outline never: compiled when first used)
_INTRO = compile_later(r"^\s*introduction\b", re.IGNORECASE)
_CONCLUSION = compile_later(r"^\s*(conclusions?|concluding remarks|discussion and conclusions?|summary( and (conclusions?|outlook))?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Metadata:
    """Bibliographic facts about an arXiv paper."""

    arxiv_id: str  # base id without version, e.g. "1603.08511" or "hep-th/9901001"
    version: int | None
    title: str
    authors: tuple[str, ...]
    abstract: str = ""
    categories: tuple[str, ...] = ()
    primary_category: str | None = None
    published: str | None = None  # ISO 8601 date-time
    updated: str | None = None
    doi: str | None = None
    journal_ref: str | None = None
    comment: str | None = None
    pdf_url: str | None = None

    @property
    def year(self) -> int | None:
        return int(self.published[:4]) if self.published else None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Metadata":
        data = dict(data)
        data["authors"] = tuple(data.get("authors", ()))
        data["categories"] = tuple(data.get("categories", ()))
        return cls(**data)


@dataclass(frozen=True)
class Paragraph:
    text: str
    page: int  # 1-based
    math: bool = False  # math-heavy: pass 2 collapses it behind a placeholder
    # First and last review line number printed beside it (submission PDFs with `lineno`), else None.
    line_numbers: tuple[int, int] | None = None
    code: bool = False  # a code listing or algorithm: `text` keeps its lines ("\n") and indentation
    equation: str | None = None  # a display equation's printed number ("3" for "(3)"), if it has one
    bbox: tuple[float, float, float, float] | None = None  # display equations and blocks drawn from the page: PDF points on `page`
    render_as_image: bool = False  # the text layer cannot express it: show the PDF's pixels of `bbox`


def formula_region(paragraph: Paragraph) -> Figure | None:
    """A block the text layer cannot spell (`render_as_image`), as a region of its page that the
    reader renders and shows the way it shows figures; None for text that reads as text."""
    if not (paragraph.render_as_image and paragraph.bbox):
        return None
    number = paragraph.equation or f"p{paragraph.page}-{round(paragraph.bbox[1])}"
    return Figure("equation", number, paragraph.text, paragraph.page, paragraph.bbox)


@dataclass(frozen=True)
class Section:
    number: str | None  # "3.2", "A", or None for unnumbered headings
    title: str  # without its number
    level: int  # 1 for sections, 2 for subsections, ...
    page: int  # 1-based page where the heading stands
    paragraphs: tuple[Paragraph, ...] = ()

    @property
    def label(self) -> str:
        """How notes cite it: "§ 3.2 Method", "Related work", or for text before the paper's first
        heading (a section without a title), "Text before the first heading"."""
        if self.number:
            return f"§ {self.number} {self.title}"
        return self.title or "Text before the first heading"

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class Figure:
    kind: FigureKind
    number: str  # "3", "A.1"
    caption: str  # full caption text, including "Figure 3:" prefix stripped
    page: int  # 1-based
    # PDF points (x0, y0, x1, y1) of the graphic: every panel, axis titles and ticks, legends, panel captions
    bbox: tuple[float, float, float, float] | None = None
    caption_bbox: tuple[float, float, float, float] | None = None  # the caption's lines; a crop shows both

    @property
    def label(self) -> str:
        if self.kind == "equation":
            return f"Eq. ({self.number})" if self.number[:1].isdigit() else f"Formula on p. {self.page}"
        return f"{'Fig.' if self.kind == 'figure' else 'Table'} {self.number}"


@dataclass(frozen=True)
class Reference:
    """One bibliography entry: its printed text and the fields read from it (None when not found)."""

    text: str  # the whole entry as printed, label included
    label: str | None = None  # "12" for "[12]" or "12.", "ZIS16" for "[ZIS16]"; None in author-year lists
    authors: tuple[str, ...] = ()  # as printed ("A. Okafor" or "Ada Okafor")
    title: str | None = None
    year: int | None = None
    venue: str | None = None  # journal, proceedings or publisher
    doi: str | None = None  # "10.1109/cvpr.2016.90"
    arxiv: str | None = None  # "1603.08511"
    url: str | None = None  # a printed URL other than a DOI or arXiv link


@dataclass(frozen=True)
class Citation:
    """An in-text citation ("[3, 6]", "(Zhang et al., 2016)") and the entries it names."""

    text: str  # as printed
    refs: tuple[int, ...]  # 0-based indices into Paper.bibliography
    section: int  # index into Paper.sections
    paragraph: int  # index into that section's paragraphs
    page: int  # 1-based


@dataclass(frozen=True)
class Footnote:
    """A footnote, kept out of the running text and attached to the paragraph that calls it."""

    mark: str  # "1", "*", "†" as printed
    text: str
    page: int  # 1-based
    section: int | None = None  # index into Paper.sections of the calling paragraph (None: not found)
    paragraph: int | None = None  # index into that section's paragraphs


@dataclass(frozen=True)
class Paper:
    """A parsed paper. `sections` are in reading order, subsections flattened with their level."""

    title: str
    authors: tuple[str, ...]
    abstract: str | None
    sections: tuple[Section, ...]
    figures: tuple[Figure, ...]
    tables: tuple[Figure, ...]
    references: tuple[str, ...]
    pages: int
    source: str | None = None  # path of the PDF it was parsed from
    metadata: Metadata | None = field(default=None, compare=False)
    warnings: tuple[str, ...] = ()  # e.g. "no text layer: is this a scanned PDF?"
    bibliography: tuple[Reference, ...] = ()  # the entries of `references`, parsed, in the same order
    citations: tuple[Citation, ...] = ()  # in reading order
    footnotes: tuple[Footnote, ...] = ()

    def _find(self, pattern: re.Pattern[str]) -> Section | None:
        for section in self.sections:
            if section.level == 1 and pattern.search(section.title):
                return section
        return None

    @property
    def introduction(self) -> Section | None:
        """The "Introduction" section; else the text that opens the paper without a heading read
        (a section without a title before the first one), which is where an introduction stands."""
        found = self._find(_INTRO)
        if found is None and self.sections and not self.sections[0].number and not self.sections[0].title:
            return self.sections[0]
        return found

    @property
    def conclusion(self) -> Section | None:
        found = None
        for section in self.sections:  # the last matching top-level section wins
            if section.level == 1 and _CONCLUSION.search(section.title):
                found = section
        return found

    def to_json(self) -> dict[str, Any]:
        """The documented `paperkit outline --json` shape (plus paragraphs and bounding boxes)."""
        return {
            "title": self.title,
            "authors": list(self.authors),
            "abstract": self.abstract,
            "sections": [
                {
                    "number": s.number,
                    "title": s.title,
                    "level": s.level,
                    "page": s.page,
                    "paragraphs": [_flat_json(p) for p in s.paragraphs],
                }
                for s in self.sections
            ],
            "figures": [_figure_json(f) for f in self.figures],
            "tables": [_figure_json(t) for t in self.tables],
            "references": list(self.references),
            "pages": self.pages,
            "source": self.source,
            "metadata": self.metadata.to_json() if self.metadata else None,
            "warnings": list(self.warnings),
            "bibliography": [_flat_json(r) for r in self.bibliography],
            "citations": [_flat_json(c) for c in self.citations],
            "footnotes": [_flat_json(f) for f in self.footnotes],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Paper":
        return cls(
            title=data["title"],
            authors=tuple(data.get("authors", ())),
            abstract=data.get("abstract"),
            sections=tuple(
                Section(
                    number=s.get("number"),
                    title=s["title"],
                    level=s["level"],
                    page=s["page"],
                    paragraphs=tuple(_paragraph_from_json(p) for p in s.get("paragraphs", ())),
                )
                for s in data.get("sections", ())
            ),
            figures=tuple(_figure_from_json(f, "figure") for f in data.get("figures", ())),
            tables=tuple(_figure_from_json(t, "table") for t in data.get("tables", ())),
            references=tuple(data.get("references", ())),
            pages=data["pages"],
            source=data.get("source"),
            metadata=Metadata.from_json(data["metadata"]) if data.get("metadata") else None,
            warnings=tuple(data.get("warnings", ())),
            bibliography=tuple(Reference(**{**r, "authors": tuple(r.get("authors", ()))})
                               for r in data.get("bibliography", ())),
            citations=tuple(Citation(**{**c, "refs": tuple(c["refs"])}) for c in data.get("citations", ())),
            footnotes=tuple(Footnote(**f) for f in data.get("footnotes", ())),
        )


def _flat_json(item: Paragraph | Reference | Citation | Footnote) -> dict[str, Any]:
    """`dataclasses.asdict` of a dataclass whose fields hold no dataclass, list or dict (strings,
    numbers, tuples of them): the same dict, without asdict's deep copy of every value, which took
    a few milliseconds of each `outline --json` on a paper of a thousand paragraphs and entries."""
    return {name: getattr(item, name) for name in item.__dataclass_fields__}


def _paragraph_from_json(data: dict[str, Any]) -> Paragraph:
    data = dict(data)
    for key in ("line_numbers", "bbox"):
        if data.get(key) is not None:
            data[key] = tuple(data[key])
    return Paragraph(**data)


def _figure_json(figure: Figure) -> dict[str, Any]:
    return {
        "number": figure.number,
        "caption": figure.caption,
        "page": figure.page,
        "bbox": list(figure.bbox) if figure.bbox else None,
        "caption_bbox": list(figure.caption_bbox) if figure.caption_bbox else None,
    }


def _figure_from_json(data: dict[str, Any], kind: FigureKind) -> Figure:
    bbox, caption_bbox = data.get("bbox"), data.get("caption_bbox")
    return Figure(kind=kind, number=data["number"], caption=data["caption"], page=data["page"],
                  bbox=tuple(bbox) if bbox else None, caption_bbox=tuple(caption_bbox) if caption_bbox else None)
