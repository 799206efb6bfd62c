"""Exporting sheets: Markdown as it is, HTML with a print stylesheet, PDF through PyMuPDF.

The template's blanks (`<!-- TODO -->` comments) are dropped before rendering and raw HTML in a
sheet is escaped, so every HTML export is well-formed XHTML whatever a reviewer typed. The PDF is
laid out by PyMuPDF's `Story` from the same HTML and stylesheet, so the two exports agree; a
group's combined PDF is a cover page followed by each document, joined page by page.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from pathlib import Path

from paperkit.errors import UsageError
from paperkit.review.templating import read_template_file, without_comments
from paperkit.workspace import Workspace

FORMATS = ("md", "html", "pdf")
STYLESHEET = "print.css"
_PAGE_MARGIN_PT = 54  # three quarters of an inch on each side of an A4 page


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


def render_body(markdown: str) -> str:
    """The sheet as an XHTML fragment for a web page: blanks removed, raw HTML escaped, tables
    rendered, formulas as MathML."""
    from paperkit.review.markup import to_xhtml

    return to_xhtml(without_comments(markdown), "mathml").body


def pdf_from_markdown(markdown: str, css: str) -> bytes:
    """The sheet as a PDF: the same XHTML, but formulas drawn as images (the Story knows no MathML)."""
    from paperkit.review.markup import to_xhtml

    rendered = to_xhtml(without_comments(markdown), "image")
    return pdf_from_html(rendered.body, css, rendered.images)


def html_page(body: str, title: str, css: str) -> str:
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


def pdf_from_html(body: str, css: str, images: dict[str, bytes] | None = None) -> bytes:
    """Lay `body` out on A4 pages with PyMuPDF's Story; `images` are the files its <img> tags name."""
    import pymupdf

    archive = pymupdf.Archive()
    for name, data in (images or {}).items():
        archive.add(data, name)
    story = pymupdf.Story(html=body, user_css=css, archive=archive)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    page = pymupdf.paper_rect("a4")
    frame = page + (_PAGE_MARGIN_PT, _PAGE_MARGIN_PT, -_PAGE_MARGIN_PT, -_PAGE_MARGIN_PT)
    more = True
    while more:
        device = writer.begin_page(page)
        more, _ = story.place(frame)
        story.draw(device)
        writer.end_page()
    writer.close()
    return buffer.getvalue()


def join_pdfs(parts: list[bytes]) -> bytes:
    import pymupdf

    combined = pymupdf.open()
    for data in parts:
        with pymupdf.open("pdf", data) as part:
            combined.insert_pdf(part)
    return combined.tobytes(garbage=3, deflate=True)


@dataclass(frozen=True)
class Document:
    """One sheet to export: where it is and what to call its exports."""

    path: Path
    name: str  # output name without extension, e.g. "1603.08511-review-ann"

    @property
    def markdown(self) -> str:
        return self.path.read_text(encoding="utf-8")


def export_document(doc: Document, formats: tuple[str, ...], out_dir: Path, css: str) -> list[Path]:
    from paperkit.files import atomic_write_bytes, atomic_write_text

    text = doc.markdown
    written = []
    body = render_body(text) if "html" in formats else ""
    for fmt in formats:
        target = out_dir / f"{doc.name}.{fmt}"
        if fmt == "md":
            atomic_write_text(target, text)
        elif fmt == "html":
            atomic_write_text(target, html_page(body, document_title(text, doc.name), css))
        else:
            atomic_write_bytes(target, pdf_from_markdown(text, css))
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


def group_pdf(cover: str, docs: list[Document], css: str) -> bytes:
    """Cover page, then each document starting on a fresh page."""
    parts = [pdf_from_html(cover, css)]
    parts += [pdf_from_markdown(doc.markdown, css) for doc in docs]
    return join_pdfs(parts)


def stylesheet(workspace: Workspace | None) -> str:
    return read_template_file(STYLESHEET, workspace)
