"""Session and group bundles: one PDF and one self-contained HTML page holding many sheets.

A session's bundle opens with a cover (the paper, each group's role, what it handed in and, from
git, who committed it when), then every sheet of the paper; a group's bundle opens with the
group's members and roles, then the sheets it handed in. In the PDF each sheet starts on a fresh
page under its own bookmark; the HTML page links each sheet from the cover and inlines its
stylesheet and formulas (MathML), so it loads nothing from anywhere.

`anonymous=True` is for sharing reviews outside the class: reviewer names become "Reviewer 1",
"Reviewer 2", … in every sheet, and members and commit identities are left off the cover.
"""

from __future__ import annotations

import datetime as _dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from paperkit.review.export import (
    PdfInfo,
    PdfPart,
    build_pdf,
    document_title,
    draft_banner,
    header_value,
    html_page,
    pdf_part,
    refuse_conflicts,
    render_body,
)
from paperkit.review.seminar import Seminar, Session, expected_sheets
from paperkit.workspace import Workspace, slug

_SHORT_NAME = 3  # shorter names (a group letter) are replaced in header lines only, never in prose


@dataclass(frozen=True)
class BundleSheet:
    title: str
    markdown: str
    problems: tuple[str, ...] = ()


@dataclass
class Bundle:
    name: str  # output file name without extension, e.g. "session-2026-04-29"
    title: str
    cover: str  # XHTML fragment
    sheets: list[BundleSheet] = field(default_factory=list)


# ---------------------------------------------------------------------------- anonymising
def reviewer_names(markdown: str) -> list[str]:
    """The people a sheet names: its Reviewer header and a meta-review's Reviewers list."""
    names = [header_value(markdown, "Reviewer")]
    names += [n.strip() for n in header_value(markdown, "Reviewers").split(",")]
    return [n for n in names if n]


def anonymise(markdown: str, aliases: dict[str, str]) -> str:
    """Every name in `aliases` replaced by its alias: in header lines always, in the text when the
    name is long enough not to be mistaken for a letter or a word (a group called "D")."""

    def header(match: re.Match) -> str:
        key, value = match.group(1), match.group(2)
        parts = [aliases.get(part.strip(), part.strip()) for part in value.split(",")]
        return f"- **{key}:** {', '.join(parts)}"

    text = re.sub(r"^- \*\*(Reviewers?):\*\*[ \t]*(.*)$", header, markdown, flags=re.MULTILINE)
    for name in sorted(aliases, key=len, reverse=True):
        if len(name) >= _SHORT_NAME:
            text = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", aliases[name], text)
    return text


def anonymised(sheets: list[BundleSheet]) -> list[BundleSheet]:
    aliases: dict[str, str] = {}
    for sheet in sheets:
        for name in reviewer_names(sheet.markdown):
            aliases.setdefault(name, f"Reviewer {len(aliases) + 1}")
    return [BundleSheet(anonymise(s.title, aliases), anonymise(s.markdown, aliases), s.problems) for s in sheets]


# ---------------------------------------------------------------------------- building
def _load(workspace: Workspace, path: Path) -> BundleSheet:
    from paperkit.errors import PaperkitError
    from paperkit.review.forms import forms_for
    from paperkit.review.sheets import check_sheet, parse_sheet

    text = path.read_text(encoding="utf-8")
    refuse_conflicts(text, str(path.relative_to(workspace.root)) if path.is_relative_to(workspace.root) else str(path))
    try:
        problems = tuple(str(p) for p in check_sheet(parse_sheet(text, str(path), forms_for(workspace))))
    except PaperkitError as exc:
        problems = (exc.message,)
    return BundleSheet(document_title(text, path.stem), text, problems)


def _submissions(workspace: Workspace, plan: Seminar, session: Session) -> dict[tuple[str, str], str]:
    """(group, file) -> "committed 2026-04-29 09:00 by Ann", for the cover; {} outside git."""
    from paperkit.review.seminar import session_submissions
    from paperkit.vcs import repository_root

    if repository_root(workspace.root) is None:
        return {}
    found = {}
    for item in session_submissions(workspace, plan, session, _dt.date.today()):
        if item.when is not None:
            found[(item.group, item.file)] = f"committed {item.when.strftime('%Y-%m-%d %H:%M')} by {item.author}"
    return found


def _table(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    cells = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><tr>{cells}</tr>{body}</table>"


def session_bundle(workspace: Workspace, plan: Seminar, session: Session, *, anonymous: bool = False) -> Bundle:
    """The session's cover, then its role sheets in session order, then any other sheet of the paper."""
    from paperkit.review.documents import load_library

    entry = load_library(workspace).get(session.paper)
    paper_title = entry.title if entry and entry.title else ""
    folder = workspace.reviews_dir(session.paper)
    committed = {} if anonymous else _submissions(workspace, plan, session)
    rows, paths = [], []
    for role, group, name in expected_sheets(session):
        path = folder / name
        members = "" if anonymous else ", ".join(plan.groups.get(group, ()))
        state = committed.get((group, name), "in the workspace" if path.is_file() else "missing")
        rows.append((role, group, members, name, "missing" if not path.is_file() else state))
        if path.is_file():
            paths.append(path)
    paths += [p for p in sorted(folder.glob("*.md")) if p not in paths] if folder.is_dir() else []
    sheets = [_load(workspace, p) for p in paths]
    if anonymous:
        sheets = anonymised(sheets)
        rows = [(role, group, "", name, state) for role, group, _, name, state in rows]
    title = f"{plan.title}: session of {session.date.isoformat()}"
    head = ("Role", "Group", "Members", "Sheet", "Handed in") if not anonymous else ("Role", "Group", "Sheet", "Handed in")
    table_rows = rows if not anonymous else [(r[0], r[1], r[3], r[4]) for r in rows]
    paper_line = f"{session.paper}" + (f": {paper_title}" if paper_title else "") + (f" ({session.topic})" if session.topic else "")
    cover = (
        f'<div class="cover"><h1>{html.escape(title)}</h1>'
        f"<p><b>Paper:</b> {html.escape(paper_line)}</p>"
        f"<h2>Groups and roles</h2>{_table(head, table_rows)}</div>"
    )
    return Bundle(f"session-{session.date.isoformat()}", title, cover, sheets)


def group_bundle(workspace: Workspace, plan: Seminar, group: str, *, anonymous: bool = False) -> Bundle:
    """The group's cover (members, and per session its role and hand-ins), then its sheets."""
    from paperkit.review.seminar import group_sheets

    rows, paths = [], []
    for session, role, path in group_sheets(workspace, plan, group):
        rows.append((session.date.isoformat(), session.paper, role, path.name + ("" if path.is_file() else " (missing)")))
        if path.is_file():
            paths.append((session, path))
    sheets = [_load(workspace, p) for _, p in paths]
    if anonymous:
        sheets = anonymised(sheets)
    title = f"{plan.title}: group {group}"
    members = "" if anonymous else "<h2>Members</h2><ul>" + (
        "".join(f"<li>{html.escape(m)}</li>" for m in plan.groups.get(group, ())) or "<li>(no members listed)</li>"
    ) + "</ul>"
    cover = (
        f'<div class="cover"><h1>{html.escape(title)}</h1>{members}'
        f"<h2>Sessions</h2>{_table(('Date', 'Paper', 'Role', 'Sheet'), rows)}</div>"
    )
    return Bundle(f"group-{slug(group)}", title, cover, sheets)


# ---------------------------------------------------------------------------- writing
def bundle_pdf(bundle: Bundle, css: str) -> bytes:
    parts = [PdfPart(bundle.cover, {}, "Cover", outline=False)]
    parts += [pdf_part(s.markdown, bookmark=s.title, problems=s.problems) for s in bundle.sheets]
    return build_pdf(parts, css, PdfInfo(bundle.title, "", "seminar bundle"))


def bundle_html(bundle: Bundle, css: str) -> str:
    """One page: the cover, a contents list linking each sheet, then the sheets."""
    anchors = [f"sheet-{i}" for i in range(1, len(bundle.sheets) + 1)]
    contents = "".join(f'<li><a href="#{a}">{html.escape(s.title)}</a></li>' for a, s in zip(anchors, bundle.sheets))
    body = bundle.cover + (f'<nav class="contents"><h2>Contents</h2><ol>{contents}</ol></nav>\n' if bundle.sheets else "")
    for anchor, sheet in zip(anchors, bundle.sheets):
        body += f'<section class="sheet" id="{anchor}">\n{draft_banner(sheet.problems)}{render_body(sheet.markdown)}</section>\n'
    return html_page(body, bundle.title, css)


def write_bundle(bundle: Bundle, formats: tuple[str, ...], out_dir: Path, css: str) -> list[Path]:
    from paperkit.files import atomic_write_bytes, atomic_write_text

    written = []
    if "pdf" in formats:
        atomic_write_bytes(out_dir / f"{bundle.name}.pdf", bundle_pdf(bundle, css))
        written.append(out_dir / f"{bundle.name}.pdf")
    if "html" in formats:
        atomic_write_text(out_dir / f"{bundle.name}.html", bundle_html(bundle, css))
        written.append(out_dir / f"{bundle.name}.html")
    return written
