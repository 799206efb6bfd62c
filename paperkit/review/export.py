"""Exporting sheets: Markdown as it is, HTML with a print stylesheet, PDF through PyMuPDF.

The template's blanks (`<!-- TODO -->` comments) are dropped before rendering, and so is every
section that held nothing else; raw HTML in a sheet is escaped, so every HTML export is
well-formed XHTML whatever a reviewer typed. A sheet still holding git conflict markers is
refused. The PDF is laid out by PyMuPDF's `Story` from the same HTML and stylesheet (formulas
drawn as images there, MathML in HTML; see `markup`), with title, author and subject metadata,
bookmarks, live links and "n / N" page numbers; a sheet `check` finds incomplete is stamped
DRAFT in both. Bundles (a group's or a session's sheets) are one PDF, a cover and then each
sheet from a fresh page, bookmarked per sheet.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from paperkit.errors import InvalidInputError, UsageError
from paperkit.review.templating import read_template_file, without_comments
from paperkit.workspace import Workspace

FORMATS = ("md", "html", "pdf")
STYLESHEET = "print.css"
_PAGE_MARGIN_PT = 54  # three quarters of an inch on each side of an A4 page
# MuPDF's Story repaints a table header's background as a stray grey band in empty space after a
# table crosses a page break, so PDF tables mark their header by weight and a rule instead.
_PDF_CSS = "\nth { background-color: transparent; border-bottom: 2px solid #555; }\n"


def parse_formats(text: str) -> tuple[str, ...]:
    """"md", "html", "pdf" or "all" (also comma-separated) -> the formats to write, in a fixed order."""
    wanted = {part.strip().lower() for part in text.split(",") if part.strip()}
    if "all" in wanted:
        return FORMATS
    unknown = wanted - set(FORMATS)
    if unknown or not wanted:
        shown = ", ".join(sorted(unknown)) or repr(text)
        raise UsageError(f"unknown export format {shown}", hint="use md, html, pdf or all")
    return tuple(f for f in FORMATS if f in wanted)


def document_title(markdown: str, fallback: str) -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return fallback


def header_value(markdown: str, key: str) -> str:
    """A header bullet's value ("- **Reviewer:** Ann" -> "Ann"), "" when absent."""
    match = re.search(rf"^- \*\*{re.escape(key)}:\*\*[ \t]*(.*)$", markdown, flags=re.MULTILINE)
    return match.group(1).strip() if match else ""


def refuse_conflicts(markdown: str, source: str) -> None:
    """A sheet still holding git conflict markers is never exported (they would print as text)."""
    from paperkit.review.sheets import conflict_lines

    lines = conflict_lines(markdown)
    if lines:
        raise InvalidInputError(
            f"{source}: unresolved git conflict markers on line {lines[0]}",
            hint="keep one version, delete the <<<<<<< ======= >>>>>>> lines, then export again",
        )


def without_empty_sections(markdown: str) -> str:
    """Blanks removed, and every `##`/`###` section left holding nothing but blanks dropped with
    its heading, so an export never shows a question nobody answered as an empty heading."""
    blocks: list[tuple[int, list[str]]] = [(0, [])]  # (heading level, lines); level 0 = before any
    fence = False
    for line in without_comments(markdown).splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        match = None if fence else re.match(r"^(#{2,3}) ", line)
        if match:
            blocks.append((len(match.group(1)), [line]))
        else:
            blocks[-1][1].append(line)
    keep = [True] * len(blocks)
    for i in range(len(blocks) - 1, 0, -1):
        level, lines = blocks[i]
        children = []
        for j in range(i + 1, len(blocks)):
            if blocks[j][0] <= level:
                break
            children.append(j)
        keep[i] = any(line.strip() for line in lines[1:]) or any(keep[j] for j in children)
    return "\n".join(line for i, (_, lines) in enumerate(blocks) if keep[i] for line in lines).strip() + "\n"


def render_body(markdown: str) -> str:
    """The sheet as an XHTML fragment for a web page: blanks and unanswered sections removed,
    raw HTML escaped, tables rendered, formulas as MathML."""
    from paperkit.review.markup import to_xhtml

    return to_xhtml(without_empty_sections(markdown), "mathml").body


def draft_banner(problems: tuple[str, ...]) -> str:
    """The DRAFT stamp at the top of an incomplete sheet, naming its first problems."""
    if not problems:
        return ""
    shown = "; ".join(html.escape(p) for p in problems[:3]) + ("; …" if len(problems) > 3 else "")
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return f'<p class="draft"><b>DRAFT</b>: incomplete ({count}: {shown})</p>\n'


def html_page(body: str, title: str, css: str) -> str:
    """A self-contained XHTML page: the stylesheet inline, nothing loaded from elsewhere."""
    return (
        "<!DOCTYPE html>\n"
        '<html xmlns="http://www.w3.org/1999/xhtml" lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8" />\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{css}\n</style>\n"
        "</head>\n"
        f"<body>\n{body}</body>\n"
        "</html>\n"
    )


# ---------------------------------------------------------------------------- PDF
@dataclass(frozen=True)
class PdfPart:
    """One piece of a PDF that starts on a fresh page: a cover or a sheet."""

    body: str  # XHTML fragment
    images: dict[str, bytes]
    bookmark: str = ""  # a top-level bookmark for the part (bundles); "" = its own headings only
    draft: bool = False
    outline: bool = True  # bookmark the part's own headings too


@dataclass(frozen=True)
class PdfInfo:
    title: str
    author: str = ""
    subject: str = ""


def pdf_part(markdown: str, *, bookmark: str = "", problems: tuple[str, ...] = ()) -> PdfPart:
    """A sheet laid out for PDF: formulas drawn as images (the Story knows no MathML)."""
    from paperkit.review.markup import to_xhtml

    rendered = to_xhtml(without_empty_sections(markdown), "image")
    return PdfPart(draft_banner(problems) + rendered.body, rendered.images, bookmark, bool(problems))


def _story_pdf(part: PdfPart, css: str):
    """`part` on A4 pages with live links; returns (document, [(level, title, page index, y)])."""
    import pymupdf

    archive = pymupdf.Archive()
    for name, data in part.images.items():
        archive.add(data, name)
    story = pymupdf.Story(html=part.body, user_css=css + _PDF_CSS, archive=archive)
    page = pymupdf.paper_rect("a4")
    frame = page + (_PAGE_MARGIN_PT, _PAGE_MARGIN_PT, -_PAGE_MARGIN_PT, -_PAGE_MARGIN_PT)
    headings = []

    def rect(number, filled):
        return page, frame, None

    def position(where):
        if where.heading and where.open_close & 1 and where.text:
            headings.append((where.heading, " ".join(where.text.split()), where.page_num - 1, where.rect[1]))

    return story.write_with_links(rect, position), headings


def build_pdf(parts: list[PdfPart], css: str, info: PdfInfo) -> bytes:
    """Parts joined page by page, with metadata, bookmarks, live links, DRAFT stamps and "n / N"."""
    import pymupdf

    combined = pymupdf.open()
    toc: list[list] = []
    drafts: set[int] = set()
    for part in parts:
        doc, headings = _story_pdf(part, css)
        offset = combined.page_count
        combined.insert_pdf(doc)
        if part.draft:
            drafts.update(range(offset, combined.page_count))
        if part.bookmark:
            toc.append([1, part.bookmark, offset + 1])
        for level, title, page_index, y in headings if part.outline else ():
            if part.bookmark and level == 1:
                continue  # the sheet's own title is its bookmark already
            target = {"kind": pymupdf.LINK_GOTO, "to": pymupdf.Point(0, max(0, y - 4)), "page": offset + page_index}
            toc.append([level, title, offset + page_index + 1, target])
    total = combined.page_count
    for index, page in enumerate(combined):
        label = f"{index + 1} / {total}"
        width = pymupdf.get_text_length(label, fontname="helv", fontsize=8)
        bottom = page.rect.height - _PAGE_MARGIN_PT / 2
        page.insert_text(((page.rect.width - width) / 2, bottom), label, fontname="helv", fontsize=8, color=(0.35, 0.35, 0.35))
        if index in drafts:
            page.insert_text((_PAGE_MARGIN_PT, _PAGE_MARGIN_PT / 2 + 4), "DRAFT: incomplete", fontname="hebo", fontsize=10, color=(0.75, 0.1, 0.1))
    combined.set_metadata({
        "title": info.title, "author": info.author, "subject": info.subject, "creator": "paperkit", "producer": "paperkit (PyMuPDF)",
    })
    combined.set_toc(_valid_toc(toc))
    return combined.tobytes(garbage=3, deflate=True)


def _valid_toc(toc: list[list]) -> list[list]:
    """PyMuPDF wants the first entry at level 1 and no level more than one step below the last."""
    fixed: list[list] = []
    for entry in toc:
        level = max(1, min(entry[0], (fixed[-1][0] + 1) if fixed else 1))
        fixed.append([level, *entry[1:]])
    return fixed


def sheet_info(markdown: str, *, anonymous: bool = False) -> PdfInfo:
    """PDF metadata from a sheet's own header: its title, reviewer and form of which paper."""
    form = header_value(markdown, "Form").split(" ", 1)[0]
    paper = header_value(markdown, "Paper")
    subject = " of ".join(x for x in (f"{form} sheet" if form else "", paper) if x)
    return PdfInfo(document_title(markdown, "sheet"), "" if anonymous else header_value(markdown, "Reviewer"), subject)


def pdf_from_markdown(markdown: str, css: str, problems: tuple[str, ...] = ()) -> bytes:
    """One sheet as a PDF."""
    return build_pdf([pdf_part(markdown, problems=problems)], css, sheet_info(markdown))


@dataclass(frozen=True)
class Document:
    """One sheet to export: where it is, what to call its exports, and what `check` found."""

    path: Path
    name: str  # output name without extension, e.g. "1603.08511-review-ann"
    problems: tuple[str, ...] = ()  # non-empty: exported with a DRAFT stamp

    @property
    def markdown(self) -> str:
        text = self.path.read_text(encoding="utf-8")
        refuse_conflicts(text, str(self.path))
        return text


def export_document(doc: Document, formats: tuple[str, ...], out_dir: Path, css: str) -> list[Path]:
    from paperkit.files import atomic_write_bytes, atomic_write_text

    text = doc.markdown
    written = []
    for fmt in formats:
        target = out_dir / f"{doc.name}.{fmt}"
        if fmt == "md":
            atomic_write_text(target, text)
        elif fmt == "html":
            body = draft_banner(doc.problems) + render_body(text)
            atomic_write_text(target, html_page(body, document_title(text, doc.name), css))
        else:
            atomic_write_bytes(target, pdf_from_markdown(text, css, doc.problems))
        written.append(target)
    return written


def cover_html(title: str, members: list[str], rows: list[tuple[str, str, str]]) -> str:
    """A group's cover page: who is in it and which papers it worked on, in which role."""
    items = "".join(f"<li>{html.escape(m)}</li>" for m in members) or "<li>(no members listed)</li>"
    table = "".join(
        f"<tr><td>{html.escape(date)}</td><td>{html.escape(paper)}</td><td>{html.escape(role)}</td></tr>" for date, paper, role in rows
    )
    return (
        f'<div class="cover"><h1>{html.escape(title)}</h1>'
        f"<h2>Members</h2><ul>{items}</ul>"
        f"<h2>Papers</h2><table><tr><th>Date</th><th>Paper</th><th>Role</th></tr>{table}</table></div>"
    )


def group_pdf(cover: str, docs: list[Document], css: str, title: str = "") -> bytes:
    """Cover page, then each document starting on a fresh page, each bookmarked."""
    parts = [PdfPart(cover, {}, "Cover", outline=False)]
    parts += [pdf_part(doc.markdown, bookmark=document_title(doc.markdown, doc.name), problems=doc.problems) for doc in docs]
    return build_pdf(parts, css, PdfInfo(title or "paperkit bundle", "", "seminar bundle"))


def stylesheet(workspace: Workspace | None) -> str:
    return read_template_file(STYLESHEET, workspace)
