"""Writing documents from templates: summaries, review sheets, talk outlines, reproduction reports.

Each `write_*` gathers what paperkit knows about a paper (its papers.toml entry, a parsed `Paper`
when the caller has one, the reader's notes), renders the template and writes the file under
`reviews/<id>/`. An existing file is never replaced unless `overwrite=True` (`--force`): a
half-filled review is work someone did.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from paperkit.errors import NotFoundError, UsageError
from paperkit.reading.notes import CRITICAL_QUESTIONS, FIVE_CS, Notes, load_notes
from paperkit.reading.paper import Paper
from paperkit.review.forms import Form, forms_for, get_form
from paperkit.workspace import Workspace, slug

DEFAULT_TALK_PARTS: tuple[tuple[str, int], ...] = (
    ("Background", 5),
    ("Main idea", 5),
    ("Training details", 5),
    ("Experiments", 10),
    ("Questions", 5),
)


@dataclass(frozen=True)
class PaperFacts:
    """The bibliographic facts a template may print."""

    id: str
    title: str = ""
    authors: tuple[str, ...] = ()
    year: int | None = None
    abstract: str = ""
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    status: str = ""
    code: str = ""
    reproduction: str = ""
    sections: tuple[str, ...] = ()  # section labels of the parsed paper ("§ 3 Method")

    @property
    def is_arxiv(self) -> bool:
        from paperkit.ids import is_arxiv_id

        return is_arxiv_id(self.id)

    @property
    def url(self) -> str:
        """The arXiv abstract page; "" for a paper known only as a local PDF."""
        return f"https://arxiv.org/abs/{self.id}" if self.is_arxiv else ""


def load_library(workspace: Workspace):
    from paperkit.library.store import Library

    return Library.load(workspace)


def library_entry(workspace: Workspace, paper_id: str):
    """The paper's `LibraryEntry`; a missing paper is one line with a hint."""
    entry = load_library(workspace).get(paper_id)
    if entry is None:
        raise NotFoundError(f"paper {paper_id} is not in {workspace.library_path.name}", hint=f"run `paperkit papers add {paper_id}`")
    return entry


def paper_facts(workspace: Workspace, paper_id: str, paper: Paper | None = None) -> PaperFacts:
    """Library entry first (the reader may have corrected it), then the parsed paper, then arXiv metadata.

    A paper read from a local PDF is not in the library; given its parsed `paper`, the facts come
    from that alone (the reader writes its drafts this way).
    """
    if paper is not None and paper_id not in load_library(workspace):
        from paperkit.library.store import LibraryEntry

        entry = LibraryEntry(id=paper_id, status="")
    else:
        entry = library_entry(workspace, paper_id)
    meta = paper.metadata if paper is not None else None
    authors = entry.authors or (paper.authors if paper else ()) or (meta.authors if meta else ())
    abstract = (paper.abstract if paper and paper.abstract else "") or (meta.abstract if meta else "")
    return PaperFacts(
        id=entry.id,
        title=entry.title or (paper.title if paper else "") or (meta.title if meta else ""),
        authors=tuple(authors),
        year=entry.year or (meta.year if meta else None),
        abstract=abstract,
        categories=entry.categories or (meta.categories if meta else ()),
        tags=entry.tags,
        status=entry.status,
        code=entry.code or "",
        reproduction=entry.reproduction or "",
        sections=tuple(s.label for s in paper.sections if s.level == 1) if paper else (),
    )


def base_context(workspace: Workspace, paper_id: str, form: Form, *, paper: Paper | None, reviewer: str | None) -> dict[str, Any]:
    facts = paper_facts(workspace, paper_id, paper)
    notes: Notes = load_notes(workspace.notes_dir(facts.id), facts.id, facts.title)
    # Every five-C and critical-question key is present, so templates may name any of them
    # even before the reader has answered it (StrictUndefined would reject a missing key).
    notes = dataclasses.replace(
        notes,
        five_cs={key: notes.five_cs.get(key, "") for key in FIVE_CS},
        critical={key: notes.critical.get(key, "") for key in CRITICAL_QUESTIONS},
    )
    return {
        "paper": facts,
        "notes": notes,
        "form": form,
        "reviewer": reviewer or "",
        "today": _dt.date.today().isoformat(),
        # "Missing baselines: what would you..." -> "Missing baselines"
        "critical_titles": {key: question.split(":")[0] for key, question in CRITICAL_QUESTIONS.items()},
    }


def write_document(path: Path, text: str, *, overwrite: bool) -> Path:
    from paperkit.files import atomic_write_text

    if path.exists() and not overwrite:
        raise UsageError(f"{path} already exists", hint="edit it, or pass --force to replace it with a fresh sheet")
    atomic_write_text(path, text)
    return path


def review_path(workspace: Workspace, paper_id: str, form: Form, reviewer: str | None) -> Path:
    stem = "seminar-review" if form.template == "seminar-review.md" else "review"
    return workspace.reviews_dir(paper_id) / f"{stem}-{slug(name_slug(reviewer or 'me'))}.md"


def name_slug(name: str) -> str:
    """A person's or group's name as part of a file name: "Yael Sadé" -> "yael-sadé", "יעל" -> "יעל".

    Letters, marks and digits of every script are kept (NFC, lower case), so two people never
    share a file; runs of anything else become one "-". A name holding a path separator or a
    control character is refused rather than cleaned, so no name can point outside its folder.
    """
    import unicodedata

    text = unicodedata.normalize("NFC", name.strip())
    bad = [c for c in text if c in "/\\" or unicodedata.category(c).startswith("C")]
    if bad or text in (".", ".."):
        shown = repr(bad[0]) if bad else repr(text)
        raise UsageError(f"the name {name!r} contains {shown}, which cannot be part of a file name", hint="give the name without slashes or control characters")
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" or c in "._" else "-" for c in text)
    slug = re.sub(r"-{2,}", "-", kept).strip("-.").lower()
    if not slug:
        raise UsageError(f"the name {name!r} has no letters or digits for a file name", hint="give a name with letters or digits")
    return slug


def write_summary(workspace: Workspace, paper_id: str, *, paper: Paper | None = None, overwrite: bool = False) -> Path:
    from paperkit.review.templating import render

    form = get_form("summary")
    context = base_context(workspace, paper_id, form, paper=paper, reviewer=None)
    path = workspace.reviews_dir(context["paper"].id) / "summary.md"
    return write_document(path, render(form.template, context, workspace), overwrite=overwrite)


def write_review(
    workspace: Workspace,
    paper_id: str,
    *,
    form: str = "neurips",
    reviewer: str | None = None,
    paper: Paper | None = None,
    overwrite: bool = False,
) -> Path:
    from paperkit.review.templating import render

    chosen = get_form(form, review_only=True, forms=forms_for(workspace))
    context = base_context(workspace, paper_id, chosen, paper=paper, reviewer=reviewer)
    path = review_path(workspace, context["paper"].id, chosen, reviewer)
    return write_document(path, render(chosen.template, context, workspace), overwrite=overwrite)


@dataclass(frozen=True)
class TalkPart:
    name: str
    minutes: int
    hints: tuple[str, ...] = field(default=())


def time_budget(total: int | None, parts: tuple[tuple[str, int], ...] = DEFAULT_TALK_PARTS) -> list[tuple[str, int]]:
    """Scale `parts` to `total` minutes, whole minutes that add up exactly (largest remainder)."""
    if not parts:
        raise UsageError("a talk needs at least one part", hint="pass --part NAME=MINUTES")
    given = sum(m for _, m in parts)
    if any(m <= 0 for _, m in parts):
        raise UsageError("every talk part needs a positive number of minutes", hint="e.g. --part Experiments=10")
    if total is None or total == given:
        return list(parts)
    if total < len(parts):
        raise UsageError(f"{total} minutes cannot hold {len(parts)} parts", hint="give at least one minute per part")
    exact = [m * total / given for _, m in parts]
    minutes = [max(1, int(x)) for x in exact]
    order = sorted(range(len(parts)), key=lambda i: exact[i] - int(exact[i]), reverse=True)
    i = 0
    while sum(minutes) < total:
        minutes[order[i % len(order)]] += 1
        i += 1
    while sum(minutes) > total:  # only when the one-minute floor pushed it over
        j = max(range(len(minutes)), key=lambda k: minutes[k])
        minutes[j] -= 1
    return [(name, m) for (name, _), m in zip(parts, minutes)]


def _talk_hints(name: str, notes: Notes, facts: PaperFacts) -> tuple[str, ...]:
    """What the notes already say that belongs in a part, matched by the part's name."""
    key = name.lower()
    hints: list[str] = []
    if "background" in key or "context" in key or "related" in key:
        hints += [notes.five_cs.get("context", "")] + list(notes.see_also)
    elif "idea" in key or "method" in key:
        hints += [notes.five_cs.get("contributions", "")]
        hints += [f"{label}: {text}" for label, text in notes.sections.items() if re.search(r"method|approach|objective|model", label, re.I) and text]
    elif "training" in key or "detail" in key:
        hints += [f"{label}: {text}" for label, text in notes.sections.items() if re.search(r"train|implement|detail|setup|optimi", label, re.I) and text]
        hints += [notes.code]
    elif "experiment" in key or "result" in key:
        hints += [m.render()[2:] for m in notes.claims]
        hints += [f"{label}: {text}" for label, text in notes.sections.items() if re.search(r"experiment|result|evaluat", label, re.I) and text]
    elif "question" in key or "discussion" in key:
        hints += [m.render()[2:] for m in notes.not_understood]
        hints += [text for text in notes.critical.values()]
    return tuple(" ".join(h.split()) for h in hints if h and h.strip())


def write_talk(
    workspace: Workspace,
    paper_id: str,
    *,
    minutes: int | None = None,
    parts: tuple[tuple[str, int], ...] = DEFAULT_TALK_PARTS,
    paper: Paper | None = None,
    overwrite: bool = False,
    presenter: str | None = None,
    session_date: str | None = None,
) -> Path:
    from paperkit.review.templating import render

    form = get_form("talk")
    context = base_context(workspace, paper_id, form, paper=paper, reviewer=None)
    budget = time_budget(minutes, parts)
    context["parts"] = [TalkPart(name, m, _talk_hints(name, context["notes"], context["paper"])) for name, m in budget]
    context["minutes"] = sum(m for _, m in budget)
    context["presenter"] = presenter or ""
    context["session_date"] = session_date or ""
    path = workspace.reviews_dir(context["paper"].id) / "talk.md"
    return write_document(path, render(form.template, context, workspace), overwrite=overwrite)


# ---------------------------------------------------------------------------- reproduction reports
def paper_for_plugin(workspace: Workspace, plugin: str) -> str:
    """The library entry whose `reproduction` is `plugin`."""
    for entry in load_library(workspace).entries():
        if entry.reproduction == plugin:
            return entry.id
    raise NotFoundError(
        f"no paper in {workspace.library_path.name} has reproduction = {plugin!r}",
        hint=f"pass --paper ID, or set reproduction = \"{plugin}\" in the paper's entry",
    )


def write_coding_report(workspace: Workspace, paper_id: str, *, author: str | None = None, overwrite: bool = False) -> Path:
    """A coding group's sheet that needs no paperkit run: task, approach, results, what was hard,
    a link to the code; at the report's path, so the seminar plan counts it as the group's hand-in."""
    from paperkit.review.templating import render

    form = get_form("coding")
    context = base_context(workspace, paper_id, form, paper=None, reviewer=author)
    path = workspace.reviews_dir(context["paper"].id) / f"reproduction-report-{name_slug(author or 'me')}.md"
    return write_document(path, render(form.template, context, workspace), overwrite=overwrite)


def write_report(
    workspace: Workspace,
    run: str | Path,
    *,
    paper_id: str | None = None,
    author: str | None = None,
    overwrite: bool = False,
) -> Path:
    from paperkit.training.records import find_run
    from paperkit.review.templating import render

    record = find_run(workspace.runs_root, str(run))
    form = get_form("report")
    context = base_context(workspace, paper_id or paper_for_plugin(workspace, record.plugin), form, paper=None, reviewer=author)
    context["run"] = record
    name = name_slug(author) if author else name_slug(record.plugin)
    path = workspace.reviews_dir(context["paper"].id) / f"reproduction-report-{name}.md"
    return write_document(path, render(form.template, context, workspace), overwrite=overwrite)
