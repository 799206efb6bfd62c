"""The summary and review draft the reader writes at the end of a pass (or on demand).

The review templates (`paperkit.review.documents`) write them. Drafts are regenerated from the notes each time,
but a draft the reader has edited by hand is never overwritten: the digest of what was last
generated is kept in `notes/<id>/drafts.json`, and a file that no longer matches it is left alone.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from paperkit.review import documents
from paperkit.errors import PaperkitError
from paperkit.files import atomic_write_text
from paperkit.reading.paper import Paper
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


def write_drafts(workspace: Workspace, paper_id: str, paper: Paper | None = None) -> list[DraftResult]:
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
            path = _write(kind, workspace, paper_id, paper, overwrite)
        except PaperkitError as exc:
            results.append(DraftResult(kind, None, f"{kind} not written: {exc}"))
            continue
        shown = path.relative_to(workspace.root).as_posix() if path.is_relative_to(workspace.root) else str(path)
        record[kind] = {"path": shown, "digest": _digest(path)}
        results.append(DraftResult(kind, path, f"{kind} written: {shown}"))
    atomic_write_text(_record_path(workspace, paper_id), json.dumps(record, indent=2) + "\n")
    return results


def _write(kind: str, workspace: Workspace, paper_id: str, paper: Paper | None, overwrite: bool) -> Path:
    """Write one draft from the review templates (`paperkit.review.documents`)."""
    if kind == "summary":
        return Path(documents.write_summary(workspace, paper_id, paper=paper, overwrite=overwrite))
    return Path(documents.write_review(workspace, paper_id, paper=paper, overwrite=overwrite))
