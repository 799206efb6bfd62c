"""The reader's links to the library (papers.toml): pass status, cited papers, the authors' code.

A paper without an arXiv id (a local PDF) is not in papers.toml: these calls then say what they
could not do instead of failing.

The library (tomlkit, file locks) is imported by the calls that need it, not with this module:
the reader's first frame needs only `arxiv_id_in`.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TYPE_CHECKING

from paperkit.errors import PaperkitError
from paperkit.ids import is_arxiv_id
from paperkit.reading.paper import Paper
from paperkit.workspace import Workspace

if TYPE_CHECKING:
    from paperkit.library.store import LibraryEntry

STATUS_ORDER = ("to-read", "pass-1", "pass-2", "pass-3", "reviewed")
# New-style (2301.01234v2) and old-style (hep-th/9901001) arXiv ids, as they appear in reference lists.
ARXIV_IN_TEXT = re.compile(r"(?<![\w.])(?:arxiv:\s*)?(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[A-Z]{2})?/\d{7}(?:v\d+)?)", re.IGNORECASE)


def arxiv_id_in(text: str) -> str | None:
    """The first arXiv id cited in `text` (a reference entry or what the reader typed), without version."""
    match = ARXIV_IN_TEXT.search(text)
    return re.sub(r"v\d+$", "", match.group(1)) if match else None


def _new_entry(paper_id: str, title: str = "", paper: Paper | None = None, status: str = "to-read") -> LibraryEntry:
    from paperkit.library.store import LibraryEntry, entry_from_metadata

    meta = paper.metadata if paper is not None else None
    added = _dt.date.today()
    if meta is not None:
        return entry_from_metadata(meta, status=status, added=added)
    return LibraryEntry(
        id=paper_id,
        title=title or (paper.title if paper else ""),
        authors=tuple(paper.authors) if paper else (),
        status=status,
        added=added,
    )


def record_pass(workspace: Workspace, paper_id: str, finished_pass: int, paper: Paper | None = None) -> str:
    """Raise the paper's library status to `pass-<n>` (never lower it); add the paper if missing."""
    status = f"pass-{finished_pass}"
    if not is_arxiv_id(paper_id):
        return f"status {status} not recorded: {paper_id} is not an arXiv id, so it is not in papers.toml"
    from paperkit.library.store import Library

    try:
        with Library.edit(workspace) as lib:
            entry = lib.get(paper_id)
            if entry is None:
                lib.add(_new_entry(paper_id, paper=paper, status=status))
            elif STATUS_ORDER.index(status) > _rank(entry.status):
                lib.update(paper_id, status=status)
            else:
                return f"library status stays {entry.status}"
    except PaperkitError as exc:
        return f"status {status} not recorded: {exc}"
    return f"library status: {status}"


def _rank(status: str | None) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else 0


def add_to_reading_list(workspace: Workspace, arxiv_id: str, title: str = "") -> str:
    """Add a cited paper to papers.toml as to-read; returns what happened, in words."""
    from paperkit.library.store import Library

    try:
        with Library.edit(workspace) as lib:
            if lib.get(arxiv_id) is not None:
                return f"{arxiv_id} is already in the reading list"
            lib.add(_new_entry(arxiv_id, title=title))
    except PaperkitError as exc:
        return f"{arxiv_id} not added to the reading list: {exc}"
    return f"{arxiv_id} added to the reading list (papers.toml)"


def code_link(workspace: Workspace, paper_id: str) -> str | None:
    """The authors' code as recorded in the library entry (`code = "..."`), if any."""
    from paperkit.library.store import Library

    try:
        entry = Library.load(workspace).get(paper_id)
    except PaperkitError:
        return None
    return entry.code if entry is not None else None


def library_statuses(workspace: Workspace) -> dict[str, str]:
    """arXiv id and lower-cased title -> status, for every paper in papers.toml (empty if unreadable)."""
    from paperkit.library.store import Library

    try:
        entries = Library.load(workspace).entries()
    except PaperkitError:
        return {}
    statuses = {}
    for entry in entries:
        statuses[entry.id] = entry.status
        if entry.title:
            statuses[_title_key(entry.title)] = entry.status
    return statuses


def _title_key(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", title.lower()).split())


def status_of(statuses: dict[str, str], arxiv_id: str | None, title: str = "") -> str | None:
    """A cited paper's status in the library: by arXiv id, else by title; None when not in it."""
    if arxiv_id and arxiv_id in statuses:
        return statuses[arxiv_id]
    return statuses.get(_title_key(title)) if title else None
