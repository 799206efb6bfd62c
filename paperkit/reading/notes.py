"""Reading notes: one human-readable Markdown file per paper, `notes/<id>/notes.md`.

The file has one `##` heading per pass and one `###` heading per part of a pass (the five Cs,
the decision, one per section read in pass 2, claims, "not understood", critical questions).
Claims and "not understood" items are bullet lists whose trailing parenthesis cites where in
the paper they come from ("§ 3.2", "Fig. 4", "Table 2"). `render` and `parse` round-trip, and
`parse` keeps headings it does not know, so notes edited by hand are never lost.

Where the reader was (pass, section, scroll position, time spent) is machine state, kept beside
the notes in `state.json` (see `ReadingState`), not mixed into the prose.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

from paperkit.errors import InvalidInputError

FIVE_CS: dict[str, str] = {
    "category": "What type of paper is this? (a new method, an analysis, a system, a dataset...)",
    "context": "Which papers is it related to? Which theory does it build on?",
    "correctness": "Do the assumptions look valid?",
    "contributions": "What are the main contributions?",
    "clarity": "Is it well written?",
}

CRITICAL_QUESTIONS: dict[str, str] = {
    "assumptions": "Hidden assumptions: what must be true for the method to work?",
    "baselines": "Missing baselines: what would you compare against that the authors did not?",
    "ablations": "Ablations: does each experiment vary one thing at a time?",
    "generalization": "Another dataset: would the result survive a different dataset or scale?",
}

Decision = Literal["stop", "continue"]

_FIVE_C_TITLES = {key: key.capitalize() for key in FIVE_CS}
_CRITICAL_TITLES = {
    "assumptions": "Hidden assumptions",
    "baselines": "Missing baselines",
    "ablations": "Ablations",
    "generalization": "Another dataset",
}
_DECISION_TEXT = {"stop": "Stop after pass 1", "continue": "Go on to pass 2"}
_PASS1_PARTS = ("Five Cs", "Decision", "Notes")
_PASS2_PARTS = ("Claims", "Not understood", "See also")
_PASS3_PARTS = ("Critical questions", "Code", "Notes")
_WHERE = re.compile(r"^(?P<text>.*?)\s*\((?P<where>(?:§|Fig\.|Figure|Table|Tab\.|p\.|Eq\.|Appendix|Sec\.)[^()]*)\)\s*$", re.DOTALL)
_BOLD_ITEM = re.compile(r"^- \*\*(?P<key>[^*]+?):\*\*\s?(?P<value>.*)$")


@dataclass
class Mark:
    """A marked claim or "not understood" passage and where it stands in the paper."""

    text: str
    where: str = ""

    def render(self) -> str:
        return f"- {_one_line(self.text)} ({self.where})" if self.where else f"- {_one_line(self.text)}"


@dataclass
class Notes:
    paper_id: str
    title: str = ""
    five_cs: dict[str, str] = field(default_factory=dict)
    decision: Decision | None = None
    decision_reason: str = ""
    pass1: str = ""
    sections: dict[str, str] = field(default_factory=dict)  # section label -> key points
    claims: list[Mark] = field(default_factory=list)
    not_understood: list[Mark] = field(default_factory=list)
    see_also: list[str] = field(default_factory=list)  # "1505.05192 — Title"
    critical: dict[str, str] = field(default_factory=dict)
    code: str = ""
    pass3: str = ""
    preamble: str = ""
    extra: dict[str, str] = field(default_factory=dict)  # "Pass 1/Heading" -> text kept verbatim

    # ------------------------------------------------------------------ rendering
    def render(self) -> str:
        title = f" — {self.title}" if self.title else ""
        out: list[str] = [f"# Notes{title} (arXiv:{self.paper_id})", ""]
        if self.preamble.strip():
            out += [self.preamble.strip(), ""]

        out += ["## Pass 1", "", "### Five Cs", ""]
        for key, name in _FIVE_C_TITLES.items():
            out.append(f"- **{name}:** {_indent_continuation(self.five_cs.get(key, ''))}".rstrip())
        out.append("")
        out += ["### Decision", ""]
        if self.decision:
            reason = f" — {_one_line(self.decision_reason)}" if self.decision_reason.strip() else ""
            out += [f"{_DECISION_TEXT[self.decision]}{reason}", ""]
        out += _block("Notes", self.pass1)
        out += self._render_extra("Pass 1")

        out += ["## Pass 2", ""]
        for label, text in self.sections.items():
            out += _block(label, text, keep_empty=True)
        out += ["### Claims", ""] + [m.render() for m in self.claims] + ([""] if self.claims else [])
        out += ["### Not understood", ""] + [m.render() for m in self.not_understood] + ([""] if self.not_understood else [])
        out += ["### See also", ""] + [f"- {_one_line(s)}" for s in self.see_also] + ([""] if self.see_also else [])
        out += self._render_extra("Pass 2")

        out += ["## Pass 3", "", "### Critical questions", ""]
        for key, name in _CRITICAL_TITLES.items():
            out.append(f"- **{name}:** {_indent_continuation(self.critical.get(key, ''))}".rstrip())
        out.append("")
        out += _block("Code", self.code, keep_empty=True)
        out += _block("Notes", self.pass3)
        out += self._render_extra("Pass 3")
        out += self._render_extra("")
        return "\n".join(out).rstrip() + "\n"

    def _render_extra(self, pass_name: str) -> list[str]:
        out: list[str] = []
        for key, text in self.extra.items():
            owner, _, heading = key.partition("/")
            if owner == pass_name:
                if heading:
                    out += [f"{'###' if owner else '##'} {heading}", ""]
                out += [text.strip(), ""] if text.strip() else []
        return out

    # ------------------------------------------------------------------ parsing
    @classmethod
    def parse(cls, text: str, paper_id: str | None = None) -> "Notes":
        lines = text.splitlines()
        notes = cls(paper_id=paper_id or "")
        header = re.match(r"^# Notes(?: — (?P<title>.*?))? \(arXiv:(?P<id>[^)]+)\)\s*$", lines[0]) if lines else None
        if header:
            notes.title = header.group("title") or ""
            notes.paper_id = paper_id or header.group("id")
            lines = lines[1:]
        elif lines and lines[0].startswith("# "):
            lines = lines[1:]

        current_pass = ""
        current_part: str | None = None
        buffer: list[str] = []
        preamble: list[str] = []

        def flush() -> None:
            body = "\n".join(buffer).strip("\n")
            if current_part is None:
                if current_pass == "":
                    preamble.extend(buffer)
                elif body.strip():
                    known = current_pass in ("Pass 1", "Pass 2", "Pass 3")
                    notes.extra[f"{current_pass}/" if known else f"/{current_pass}"] = body
            else:
                notes._assign(current_pass, current_part, body)
            buffer.clear()

        for line in lines:
            if line.startswith("## ") and not line.startswith("### "):
                flush()
                current_pass, current_part = line[3:].strip(), None
            elif line.startswith("### "):
                flush()
                current_part = line[4:].strip()
            else:
                buffer.append(line)
        flush()
        notes.preamble = "\n".join(preamble).strip()
        return notes

    def _assign(self, pass_name: str, part: str, body: str) -> None:
        if pass_name == "Pass 1" and part == "Five Cs":
            self.five_cs = _parse_bold_items(body, _FIVE_C_TITLES)
        elif pass_name == "Pass 1" and part == "Decision":
            first = body.strip()
            for key, phrase in _DECISION_TEXT.items():
                if first.startswith(phrase):
                    self.decision = key  # type: ignore[assignment]
                    self.decision_reason = first[len(phrase):].lstrip(" —-").strip()
        elif pass_name == "Pass 1" and part == "Notes":
            self.pass1 = body.strip()
        elif pass_name == "Pass 2" and part == "Claims":
            self.claims = _parse_marks(body)
        elif pass_name == "Pass 2" and part == "Not understood":
            self.not_understood = _parse_marks(body)
        elif pass_name == "Pass 2" and part == "See also":
            self.see_also = [m.text if not m.where else f"{m.text} ({m.where})" for m in _parse_marks(body)]
        elif pass_name == "Pass 2":
            self.sections[part] = body.strip()
        elif pass_name == "Pass 3" and part == "Critical questions":
            self.critical = _parse_bold_items(body, _CRITICAL_TITLES)
        elif pass_name == "Pass 3" and part == "Code":
            self.code = body.strip()
        elif pass_name == "Pass 3" and part == "Notes":
            self.pass3 = body.strip()
        else:
            self.extra[f"{pass_name}/{part}"] = body

    # ------------------------------------------------------------------ queries
    @property
    def passes_done(self) -> list[int]:
        """Passes that hold anything the reader wrote."""
        done = []
        if any(v.strip() for v in self.five_cs.values()) or self.decision or self.pass1.strip():
            done.append(1)
        if any(v.strip() for v in self.sections.values()) or self.claims or self.not_understood:
            done.append(2)
        if any(v.strip() for v in self.critical.values()) or self.code.strip() or self.pass3.strip():
            done.append(3)
        return done


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _indent_continuation(text: str) -> str:
    """Multi-line values of a bullet continue on lines indented by two spaces."""
    return "\n  ".join(text.strip().splitlines())


def _block(heading: str, text: str, keep_empty: bool = False) -> list[str]:
    if not text.strip() and not keep_empty:
        return []
    return [f"### {heading}", ""] + ([text.strip(), ""] if text.strip() else [])


def _parse_bold_items(body: str, titles: dict[str, str]) -> dict[str, str]:
    by_title = {title.lower(): key for key, title in titles.items()}
    values: dict[str, list[str]] = {}
    current: str | None = None
    for line in body.splitlines():
        match = _BOLD_ITEM.match(line)
        if match and match.group("key").strip().lower() in by_title:
            current = by_title[match.group("key").strip().lower()]
            values[current] = [match.group("value")]
        elif current is not None and (line.startswith("  ") or not line.strip()):
            values[current].append(line[2:] if line.startswith("  ") else "")
        else:
            current = None
    parsed = {key: "\n".join(v).strip() for key, v in values.items()}
    return {key: value for key, value in parsed.items() if value}  # an empty answer is no answer


def _parse_marks(body: str) -> list[Mark]:
    items: list[list[str]] = []
    for line in body.splitlines():
        if line.startswith("- "):
            items.append([line[2:]])
        elif items and line.startswith("  "):
            items[-1].append(line.strip())
    marks = []
    for parts in items:
        text = " ".join(parts).strip()
        match = _WHERE.match(text)
        marks.append(Mark(match.group("text").strip(), match.group("where").strip()) if match else Mark(text))
    return marks


def notes_path(notes_dir: Path) -> Path:
    return notes_dir / "notes.md"


def read_notes_text(path: Path) -> str:
    """notes.md as text; a file that is not UTF-8 is one line for people, and is left as it is."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"{path} is not UTF-8 text (byte {exc.start})",
            hint="save it as UTF-8 in an editor, or move it away to start fresh notes",
        ) from None


def load_notes(notes_dir: Path, paper_id: str, title: str = "") -> Notes:
    """The notes for a paper, or fresh empty notes when there are none yet."""
    path = notes_path(notes_dir)
    if not path.exists():
        return Notes(paper_id=paper_id, title=title)
    notes = Notes.parse(read_notes_text(path), paper_id=paper_id)
    if title and not notes.title:
        notes.title = title
    return notes


def save_notes(notes_dir: Path, notes: Notes) -> Path:
    from paperkit.files import atomic_write_text

    path = notes_path(notes_dir)
    atomic_write_text(path, notes.render())
    return path


@dataclass
class ReadingState:
    """Where the reader was, so `paperkit read` resumes exactly there."""

    current_pass: int = 1
    pass1_step: int = 0  # index into pass 1's order: title, abstract, figures, conclusion, introduction
    section: int = 0  # index of the section shown in pass 2
    scroll: float = 0.0
    seconds: dict[str, float] = field(default_factory=lambda: {"1": 0.0, "2": 0.0, "3": 0.0})
    finished: list[int] = field(default_factory=list)

    @classmethod
    def load(cls, notes_dir: Path) -> "ReadingState":
        path = notes_dir / "state.json"
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
            state = cls(**known)
            state._check_types()
            return state
        except (ValueError, TypeError) as exc:
            raise InvalidInputError(
                f"{path} is not valid reading state ({exc})",
                hint="delete it to start the paper from the beginning; your notes are kept in notes.md",
            ) from exc

    def _check_types(self) -> None:
        """A hand-edited state.json with a value of the wrong kind is refused, not crashed on later."""
        def number(value: object) -> bool:
            return isinstance(value, (int, float)) and not isinstance(value, bool)

        for name in ("current_pass", "pass1_step", "section"):
            if not isinstance(getattr(self, name), int) or isinstance(getattr(self, name), bool):
                raise ValueError(f"{name} must be a whole number")
        if not number(self.scroll):
            raise ValueError("scroll must be a number")
        if not isinstance(self.seconds, dict) or not all(number(v) for v in self.seconds.values()):
            raise ValueError("seconds must map a pass to a number")
        if not isinstance(self.finished, list) or not all(isinstance(v, int) for v in self.finished):
            raise ValueError("finished must be a list of pass numbers")

    def save(self, notes_dir: Path) -> None:
        from paperkit.files import atomic_write_text

        atomic_write_text(notes_dir / "state.json", json.dumps(asdict(self), indent=2) + "\n")
