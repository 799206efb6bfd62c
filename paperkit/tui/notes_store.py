"""notes.md on disk as the reader sees it: load once, save often, never overwrite someone else's edit.

The app saves the whole notes file shortly after each edit. Between two saves the file may have
been changed by another program (an editor, a sync tool, a second `paperkit read`). Before each
save the store compares the file with the content it last loaded or wrote; when they differ it
keeps both: the other version goes to `notes.conflict-<time>.md` beside it, and the reader's
version becomes notes.md, so the app can keep autosaving without losing either.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from paperkit.reading.notes import Notes, notes_path, read_notes_text
from paperkit.tui.clock import Clock, SystemClock


def _digest(text: str | None) -> str | None:
    return None if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SaveResult:
    path: Path
    written: bool  # False when the file already held exactly this content
    conflict_copy: Path | None = None  # where the other version was kept, if the file had changed


class NotesStore:
    def __init__(self, notes_dir: Path, paper_id: str, title: str = "", clock: Clock | None = None):
        self.notes_dir = Path(notes_dir)
        self.path = notes_path(self.notes_dir)
        self.paper_id = paper_id
        self.title = title
        self.clock = clock or SystemClock()
        self._known: str | None = None  # digest of the content last read from or written to disk

    def load(self) -> Notes:
        text = self._read()
        self._known = _digest(text)
        if text is None:
            return Notes(paper_id=self.paper_id, title=self.title)
        notes = Notes.parse(text, paper_id=self.paper_id)
        if self.title and not notes.title:
            notes.title = self.title
        return notes

    def save(self, notes: Notes) -> SaveResult:
        from paperkit.files import atomic_write_text, locked  # file locking is not needed before the first save

        rendered = notes.render()
        with locked(self.path):
            on_disk = self._read()
            if on_disk == rendered:
                self._known = _digest(rendered)
                return SaveResult(self.path, written=False)
            conflict = None
            if on_disk is not None and _digest(on_disk) != self._known:
                conflict = self._conflict_path()
                atomic_write_text(conflict, on_disk)
            atomic_write_text(self.path, rendered)
            self._known = _digest(rendered)
        return SaveResult(self.path, written=True, conflict_copy=conflict)

    def _read(self) -> str | None:
        try:
            return read_notes_text(self.path)
        except FileNotFoundError:
            return None

    def _conflict_path(self) -> Path:
        stamp = self.clock.now().strftime("%Y%m%d-%H%M%S")
        candidate = self.notes_dir / f"notes.conflict-{stamp}.md"
        n = 2
        while candidate.exists():
            candidate = self.notes_dir / f"notes.conflict-{stamp}-{n}.md"
            n += 1
        return candidate
