"""The summary and review draft the reader writes at the end of a pass (or on demand).

The review side (`paperkit.documents`) owns the real templates; until it is available a minimal
built-in Markdown draft is written instead. Drafts are regenerated from the notes each time,
but a draft the reader has edited by hand is never overwritten: the digest of what was last
generated is kept in `notes/<id>/drafts.json`, and a file that no longer matches it is left alone.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from paperkit.errors import PaperkitError, UsageError
from paperkit.files import atomic_write_text
from paperkit.notes import CRITICAL_QUESTIONS, FIVE_CS, Notes
from paperkit.paper import Paper
from paperkit.workspace import Workspace

KINDS = ("summary", "review")


@dataclass(frozen=True)
class DraftResult:
    kind: str
    path: Path | None
    message: str


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _record_path(workspace: Workspace, paper_id: str) -> Path:
    return workspace.notes_dir(paper_id) / "drafts.json"


def _load_record(workspace: Workspace, paper_id: str) -> dict[str, dict[str, str]]:
    try:
        return json.loads(_record_path(workspace, paper_id).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def write_drafts(workspace: Workspace, paper_id: str, notes: Notes, paper: Paper | None = None) -> list[DraftResult]:
    record = _load_record(workspace, paper_id)
    results = []
    for kind in KINDS:
        previous = record.get(kind)
        # Paths are kept relative to the workspace, so it can move or be shared; older records held absolute ones.
        last = workspace.root / previous["path"] if previous is not None else None
        if last is not None and last.exists() and _digest(last) != previous["digest"]:
            results.append(DraftResult(kind, last, f"kept your edited {last.name}"))
            continue
        # First time: an existing file (written by hand or by `paperkit summary`) is not ours to replace.
        overwrite = previous is not None
        try:
            path, note = _write(kind, workspace, paper_id, notes, paper, overwrite)
        except PaperkitError as exc:
            results.append(DraftResult(kind, None, f"{kind} not written: {exc}"))
            continue
        shown = path.relative_to(workspace.root).as_posix() if path.is_relative_to(workspace.root) else str(path)
        record[kind] = {"path": shown, "digest": _digest(path)}
        results.append(DraftResult(kind, path, f"{kind} written: {shown}{note}"))
    atomic_write_text(_record_path(workspace, paper_id), json.dumps(record, indent=2) + "\n")
    return results


def _write(kind: str, workspace: Workspace, paper_id: str, notes: Notes, paper: Paper | None, overwrite: bool) -> tuple[Path, str]:
    """Write one draft; returns its path and, when the built-in draft stood in, why."""
    note = ""
    try:
        from paperkit import documents
    except ImportError:
        documents = None
    if documents is not None:
        try:
            if kind == "summary":
                return Path(documents.write_summary(workspace, paper_id, paper=paper, overwrite=overwrite)), ""
            return Path(documents.write_review(workspace, paper_id, paper=paper, overwrite=overwrite)), ""
        except UsageError:
            raise  # the file exists and is not ours to replace
        except PaperkitError as exc:
            # Not in papers.toml (a local PDF), or a template that fails: a built-in draft still helps.
            note = f" (built-in template: {exc.message})"
    path = workspace.reviews_dir(paper_id) / f"{kind}.md"
    if path.exists() and not overwrite:
        raise UsageError(f"{path.name} exists", hint="delete it to have the reader write a fresh draft")
    atomic_write_text(path, builtin_summary(notes) if kind == "summary" else builtin_review(notes))
    return path, note


# --------------------------------------------------------------------------- built-in drafts
def _title(notes: Notes) -> str:
    return notes.title or notes.paper_id


def _marks(marks) -> list[str]:
    return [m.render() for m in marks] or ["- (none yet)"]


def builtin_summary(notes: Notes) -> str:
    out = [f"# Summary: {_title(notes)}", "", f"arXiv:{notes.paper_id}", ""]
    for key in FIVE_CS:
        out += [f"**{key.capitalize()}.** {notes.five_cs.get(key, '').strip() or '—'}", ""]
    out += ["## Claims", ""] + _marks(notes.claims) + [""]
    points = [f"- **{label}:** {' '.join(text.split())}" for label, text in notes.sections.items() if text.strip()]
    if points:
        out += ["## Key points", ""] + points + [""]
    return "\n".join(out).rstrip() + "\n"


def builtin_review(notes: Notes) -> str:
    out = [f"# Review draft: {_title(notes)}", "", "## Summary of the paper", "", notes.five_cs.get("contributions", "").strip() or "—", ""]
    out += ["## Claims checked", ""] + _marks(notes.claims) + [""]
    out += ["## Weaknesses and questions", ""]
    for key, question in CRITICAL_QUESTIONS.items():
        out += [f"- {question} {notes.critical.get(key, '').strip() or '—'}"]
    out += ["", "## Points that need clarification", ""] + _marks(notes.not_understood) + [""]
    out += ["## Clarity", "", notes.five_cs.get("clarity", "").strip() or "—", ""]
    return "\n".join(out).rstrip() + "\n"
