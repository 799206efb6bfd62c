"""The workspace: the nearest folder upwards holding `papers.toml`, with notes, reviews and runs.

Layout of a workspace::

    papers.toml            the library (reading list, seminar plan)
    notes/<id>/notes.md    the reader's notes, one file per paper
    notes/<id>/state.json  where the reader was (pass, section, scroll, time spent)
    reviews/<id>/*.md      summaries, review sheets, talk outlines, exports
    runs/<plugin>/<run>/   reproduction runs
    templates/             optional overrides of the packaged templates
    reproductions/         optional workspace-local reproduction plugins
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from paperkit.errors import NotFoundError, PaperkitError

LIBRARY_FILE = "papers.toml"
WORKSPACE_ENV = "PAPERKIT_WORKSPACE"

GITIGNORE = """\
# paperkit: files that are derived or local to one machine, never handed in
*.lock
exports/
"""

EMPTY_LIBRARY = """\
# paperkit library: one [papers."<arXiv id>"] table per paper.
# Edit freely; paperkit keeps your comments and ordering.
"""


def slug(paper_id: str) -> str:
    """A folder name for a paper id (old-style ids contain a slash)."""
    return paper_id.replace("/", "_")


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def library_path(self) -> Path:
        return self.root / LIBRARY_FILE

    @property
    def notes_root(self) -> Path:
        return self.root / "notes"

    def notes_dir(self, paper_id: str) -> Path:
        return self.notes_root / slug(paper_id)

    @property
    def reviews_root(self) -> Path:
        return self.root / "reviews"

    def reviews_dir(self, paper_id: str) -> Path:
        return self.reviews_root / slug(paper_id)

    @property
    def runs_root(self) -> Path:
        return self.root / "runs"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def reproductions_dir(self) -> Path:
        return self.root / "reproductions"


def find_workspace(start: str | os.PathLike | None = None) -> Workspace | None:
    """The workspace containing `start` (default: `$PAPERKIT_WORKSPACE`, else the current folder)."""
    if start is None and os.environ.get(WORKSPACE_ENV):
        root = Path(os.environ[WORKSPACE_ENV]).expanduser().resolve()
        if not (root / LIBRARY_FILE).is_file():
            raise NotFoundError(
                f"${WORKSPACE_ENV} points at {root}, which holds no {LIBRARY_FILE}",
                hint=f"run `paperkit init {root}` or unset {WORKSPACE_ENV}",
            )
        return Workspace(root)
    here = Path(start if start is not None else os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / LIBRARY_FILE).is_file():
            return Workspace(folder)
        if (folder / LIBRARY_FILE).is_dir():
            raise PaperkitError(
                f"{folder / LIBRARY_FILE} is a folder, not the library file", hint="move it away, then run `paperkit init`"
            )
    return None


def require_workspace(start: str | os.PathLike | None = None) -> Workspace:
    workspace = find_workspace(start)
    if workspace is None:
        raise NotFoundError(
            f"no paperkit workspace here: no {LIBRARY_FILE} in this folder or any folder above it",
            hint="run `paperkit init` to make this folder a workspace",
        )
    return workspace


def init_workspace(path: str | os.PathLike) -> Workspace:
    """Create a workspace at `path` (an existing library is kept as it is)."""
    from paperkit.files import atomic_write_text

    root = Path(path).expanduser().resolve()
    if root.exists() and not root.is_dir():
        raise PaperkitError(f"{root} exists and is not a folder", hint="choose another path")
    root.mkdir(parents=True, exist_ok=True)
    library = root / LIBRARY_FILE
    if library.is_dir():
        raise PaperkitError(f"{library} is a folder, not the library file", hint="move it away, then run `paperkit init` again")
    if not library.exists():
        atomic_write_text(library, EMPTY_LIBRARY)
    ignore = root / ".gitignore"
    if not ignore.exists():  # a course's own .gitignore is kept as it is
        atomic_write_text(ignore, GITIGNORE)
    return Workspace(root)
