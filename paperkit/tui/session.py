"""One reading of one paper: what each pass shows, the notes, where the reader is, time spent.

No Textual here: the screens call these methods and display what they return, so the method
(the order of pass 1, the sections of pass 2, the budgets) is tested without a terminal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from paperkit.reading.notes import Mark, Notes, ReadingState
from paperkit.reading.paper import Paper, Section
from paperkit.tui import reading_list
from paperkit.tui.clock import Clock, SystemClock
from paperkit.tui.notes_store import NotesStore, SaveResult
from paperkit.tui.paper_parts import Finder, Part, paper_parts
from paperkit.workspace import Workspace

if TYPE_CHECKING:  # drafts (and its file locking) is imported when a pass ends, not before the first frame
    from paperkit.tui.drafts import DraftResult

# Pass 1 shows only these parts, in this order (Keshav, "How to Read a Paper").
PASS1_STEPS: tuple[tuple[str, str], ...] = (
    ("title", "Title"),
    ("abstract", "Abstract"),
    ("headings", "Section headings"),
    ("figures", "Figures and tables"),
    ("conclusion", "Conclusion"),
    ("introduction", "Introduction"),
    ("references", "References"),
)


@dataclass(frozen=True)
class Budget:
    label: str
    limit_s: float | None  # over this, the header turns to a warning


BUDGETS: dict[int, Budget] = {
    1: Budget("5–10 min", 10 * 60),
    2: Budget("up to 1 h", 60 * 60),
    3: Budget("1–5 h", 5 * 60 * 60),
}
PASS_TITLES = {1: "Bird's-eye view", 2: "Content, math skipped", 3: "Critical re-read"}
# A tick longer than this means the machine slept or the app was suspended; it is not reading time.
MAX_TICK_S = 30.0


def paper_id_for(paper: Paper, source: str | None = None) -> str:
    """The id notes are filed under: the arXiv id when known, else the PDF's file name."""
    if paper.metadata is not None:
        return paper.metadata.arxiv_id
    name = Path(source or paper.source or paper.title or "paper").stem
    found = reading_list.arxiv_id_in(name)
    return found or re.sub(r"[^\w.-]+", "-", name).strip("-") or "paper"


def format_duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def where_for(section: Section) -> str:
    """How a mark cites its section: "§ 3.2", or the page when the heading has no number."""
    return f"§ {section.number}" if section.number else f"p. {section.page}"


class ReadingSession:
    def __init__(self, paper: Paper, paper_id: str, workspace: Workspace, clock: Clock | None = None):
        self.paper = paper
        self.paper_id = paper_id
        self.workspace = workspace
        self.clock = clock or SystemClock()
        self.notes_dir = workspace.notes_dir(paper_id)
        self.store = NotesStore(self.notes_dir, paper_id, title=paper.title, clock=self.clock)
        self.notes: Notes = self.store.load()
        self.state = ReadingState.load(self.notes_dir)
        self.pass2_sections: list[Section] = self._pass2_sections()
        self.state.section = min(max(self.state.section, 0), max(len(self.pass2_sections) - 1, 0))
        self.state.pass1_step = min(max(self.state.pass1_step, 0), len(PASS1_STEPS) - 1)
        self.dirty = False
        self._last_tick = self.clock.monotonic()
        self._parts: list[Part] | None = None
        self._finder: Finder | None = None

    # ------------------------------------------------------------------ the whole paper (search, outline)
    @property
    def parts(self) -> list[Part]:
        if self._parts is None:  # built on first use: the first frame does not need it
            self._parts = paper_parts(self.paper)
        return self._parts

    @property
    def finder(self) -> Finder:
        """One search for the whole reading: it survives switching passes."""
        if self._finder is None:
            self._finder = Finder(self.parts)
        return self._finder

    @property
    def searching(self) -> bool:
        return self._finder is not None and bool(self._finder.query)

    def part_of_section(self, section: Section | None) -> int:
        for index, part in enumerate(self.parts):
            if section is not None and part.section is section:
                return index
        return 0

    # ------------------------------------------------------------------ structure
    def _pass2_sections(self) -> list[Section]:
        sections = list(self.paper.sections)
        if not sections:
            return []
        intro, conclusion = self.paper.introduction, self.paper.conclusion
        start = sections.index(intro) if intro in sections else 0
        end = sections.index(conclusion) if conclusion in sections else len(sections) - 1
        if end < start:
            end = len(sections) - 1
        return sections[start : end + 1]

    @property
    def current_section(self) -> Section | None:
        return self.pass2_sections[self.state.section] if self.pass2_sections else None

    def marks_in(self, section: Section) -> list[tuple[str, Mark]]:
        where = where_for(section)
        pattern = re.compile(rf"^{re.escape(where)}(?![\d.])")
        marked = [("claim", m) for m in self.notes.claims] + [("not understood", m) for m in self.notes.not_understood]
        return [(kind, m) for kind, m in marked if pattern.match(m.where)]

    def section_for(self, where: str) -> Section | None:
        """The section a mark's citation points at (for re-reading it in pass 3)."""
        for section in self.paper.sections:
            if re.match(rf"^{re.escape(where_for(section))}(?![\d.])", where):
                return section
        return None

    # ------------------------------------------------------------------ navigation
    def go_to_pass(self, number: int) -> None:
        self.tick()
        self.state.current_pass = number
        self.state.scroll = 0.0
        self.save_state()

    def go_to_step(self, step: int) -> bool:
        step = min(max(step, 0), len(PASS1_STEPS) - 1)
        if step == self.state.pass1_step:
            return False
        self.state.pass1_step, self.state.scroll = step, 0.0
        self.save_state()
        return True

    def go_to_section(self, index: int) -> bool:
        index = min(max(index, 0), max(len(self.pass2_sections) - 1, 0))
        if index == self.state.section:
            return False
        self.state.section, self.state.scroll = index, 0.0
        self.save_state()
        return True

    # ------------------------------------------------------------------ time
    def tick(self) -> None:
        now = self.clock.monotonic()
        delta, self._last_tick = now - self._last_tick, now
        if 0 < delta <= MAX_TICK_S:
            key = str(self.state.current_pass)
            self.state.seconds[key] = self.state.seconds.get(key, 0.0) + delta

    def spent(self, number: int) -> float:
        return self.state.seconds.get(str(number), 0.0)

    def over_budget(self, number: int) -> bool:
        limit = BUDGETS[number].limit_s
        return limit is not None and self.spent(number) > limit

    # ------------------------------------------------------------------ editing
    def set_five_c(self, key: str, text: str) -> None:
        self._set(self.notes.five_cs, key, text)

    def set_critical(self, key: str, text: str) -> None:
        self._set(self.notes.critical, key, text)

    def set_section_notes(self, section: Section, text: str) -> None:
        self._set(self.notes.sections, section.label, text)

    def section_notes(self, section: Section) -> str:
        return self.notes.sections.get(section.label, "")

    def set_text(self, field: str, text: str) -> None:
        """One of the free-text fields: pass1, pass3, code, decision_reason."""
        if getattr(self.notes, field) != text:
            setattr(self.notes, field, text)
            self.dirty = True

    def _set(self, table: dict[str, str], key: str, text: str) -> None:
        if table.get(key, "") != text:
            table[key] = text
            self.dirty = True

    def add_claim(self, text: str, where: str) -> Mark:
        mark = Mark(" ".join(text.split()), where.strip())
        self.notes.claims.append(mark)
        self.dirty = True
        return mark

    def add_not_understood(self, text: str, where: str) -> Mark:
        mark = Mark(" ".join(text.split()), where.strip())
        self.notes.not_understood.append(mark)
        self.dirty = True
        return mark

    def add_reference(self, text: str) -> str:
        """Add a cited paper (a reference entry, or an arXiv id typed in) to See also and the reading list."""
        arxiv_id = reading_list.arxiv_id_in(text)
        entry = " ".join(text.split())
        if arxiv_id and reading_list.ARXIV_IN_TEXT.fullmatch(entry):
            entry = arxiv_id  # typed in: file it under the bare id
        if entry not in self.notes.see_also:
            self.notes.see_also.append(entry)
            self.dirty = True
        if arxiv_id is None:
            return "added to See also in the notes (no arXiv id in it, so not to papers.toml)"
        return reading_list.add_to_reading_list(self.workspace, arxiv_id, title="" if entry == arxiv_id else entry)

    def add_citation(self, citation) -> str:
        """Add a cited paper (a parsed `Citation`) to See also, and to papers.toml with its real
        title when its arXiv id is printed."""
        if citation.see_also not in self.notes.see_also:
            self.notes.see_also.append(citation.see_also)
            self.dirty = True
        if citation.arxiv_id is None:
            return "added to See also in the notes (no arXiv id printed, so not to papers.toml)"
        return reading_list.add_to_reading_list(self.workspace, citation.arxiv_id, title=citation.title)

    def decide(self, decision: str) -> None:
        if self.notes.decision != decision:
            self.notes.decision = decision  # type: ignore[assignment]
            self.dirty = True

    # ------------------------------------------------------------------ disk
    def save(self) -> SaveResult | None:
        """Write notes.md if anything changed (and state.json with it)."""
        result = None
        if self.dirty:
            result = self.store.save(self.notes)
            self.dirty = False
        self.save_state()
        return result

    def save_state(self) -> None:
        self.state.save(self.notes_dir)

    def finish_pass(self, number: int) -> list[str]:
        """Record the pass as done: notes saved, library status raised, summary and review drafted."""
        self.tick()
        if number not in self.state.finished:
            self.state.finished.append(number)
            self.state.finished.sort()
        messages = []
        result = self.save()
        if result is not None and result.conflict_copy is not None:
            messages.append(conflict_message(result))
        messages.append(reading_list.record_pass(self.workspace, self.paper_id, number, self.paper))
        messages += [d.message for d in self.write_drafts()]
        return messages

    def write_drafts(self) -> list[DraftResult]:
        from paperkit.tui import drafts

        self.save()
        return drafts.write_drafts(self.workspace, self.paper_id, self.paper)  # the templates read the saved notes


def conflict_message(result: SaveResult) -> str:
    return (
        f"notes.md had changed on disk: that version is kept as {result.conflict_copy.name}, "
        f"yours is in notes.md"
    )
