"""The research-seminar plan kept in papers.toml under `[seminar]` (documented in docs/seminar.md).

Each session discusses one paper; one group presents it, two code its idea, one reviews it. Each
role hands in sheets with fixed names under `reviews/<paper>/`, so `paperkit seminar status` can
tell which exist and which are complete (by the same check as `paperkit review check`).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from paperkit.errors import InvalidInputError, NotFoundError
from paperkit.workspace import Workspace

SECTION = "seminar"


@dataclass(frozen=True)
class Session:
    date: _dt.date
    paper: str
    presenter: str
    coders: tuple[str, ...]
    reviewer: str
    topic: str = ""

    def roles(self) -> list[tuple[str, str]]:
        """(role, group) pairs in the order the session runs."""
        return [("presenter", self.presenter), *(("coder", c) for c in self.coders), ("reviewer", self.reviewer)]


@dataclass(frozen=True)
class Seminar:
    title: str
    groups: dict[str, tuple[str, ...]]  # group name -> members
    sessions: tuple[Session, ...]
    talk_minutes: int = 30
    deadlines: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_DEADLINES))  # kind -> days before

    def sessions_of(self, group: str) -> list[tuple[Session, str]]:
        """(session, role) for every role `group` holds."""
        return [(s, role) for s in self.sessions for role, g in s.roles() if g == group]


def parse_seminar(data: Any, source: str = "papers.toml", papers: set[str] | None = None) -> Seminar:
    """Validate the `[seminar]` table; a bad shape is one line naming the key."""
    where = f"{source}: {SECTION}"
    if not isinstance(data, dict):
        raise InvalidInputError(f"{where} must be a table", hint="write it as [seminar]; see docs/seminar.md")
    title = data.get("title", "Research seminar")
    if not isinstance(title, str):
        raise InvalidInputError(f"{where}.title must be text, got {title!r}", hint='e.g. title = "Deep learning seminar"')
    minutes = data.get("talk_minutes", 30)
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
        raise InvalidInputError(f"{where}.talk_minutes must be a positive whole number, got {minutes!r}", hint="e.g. talk_minutes = 30")

    raw_groups = data.get("groups", {})
    if not isinstance(raw_groups, dict):
        raise InvalidInputError(f"{where}.groups must be a table of group = [members]", hint='e.g. [seminar.groups] A = ["Dana", "Eli"]')
    groups: dict[str, tuple[str, ...]] = {}
    for name, members in raw_groups.items():
        if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
            raise InvalidInputError(f"{where}.groups.{name} must be a list of names", hint=f'e.g. {name} = ["Dana", "Eli"]')
        groups[str(name)] = tuple(members)

    raw_sessions = data.get("sessions", [])
    if not isinstance(raw_sessions, list):
        raise InvalidInputError(f"{where}.sessions must be an array of tables", hint="write each session as [[seminar.sessions]]")
    sessions = tuple(_parse_session(item, f"{where}.sessions[{i}]") for i, item in enumerate(raw_sessions, start=1))
    deadlines = _parse_deadlines(data.get("deadlines", {}), f"{where}.deadlines")
    plan = Seminar(title, groups, tuple(sorted(sessions, key=lambda s: s.date)), minutes, deadlines)
    problems = plan_problems(plan, sessions, source=where, papers=papers)
    if problems:
        raise InvalidInputError(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the seminar plan: " + "; ".join(problems),
            hint="fix them in papers.toml or with `paperkit seminar plan set`",
        )
    return plan


def plan_problems(plan: "Seminar", in_file_order: tuple[Session, ...], *, source: str = SECTION, papers: set[str] | None = None) -> list[str]:
    """Every problem of a well-shaped plan at once: unknown groups, a group holding two roles in
    one session, a paper that is not in the library (when `papers` is given)."""
    problems = []
    for i, session in enumerate(in_file_order, start=1):
        where = f"{source}.sessions[{i}]"
        if papers is not None and session.paper not in papers:
            problems.append(f"{where}.paper {session.paper!r} is not in the library (`paperkit papers add {session.paper}`)")
        for role, group in session.roles():
            key = "coders" if role == "coder" else role
            if plan.groups and group not in plan.groups:
                problems.append(f"{where}.{key} names group {group!r}, which is not in [seminar.groups]")
        held: dict[str, list[str]] = {}
        for role, group in session.roles():
            held.setdefault(group, []).append(role)
        for group, roles in held.items():
            if len(roles) > 1:
                problems.append(f"{where}: group {group!r} holds {len(roles)} roles ({', '.join(roles)}); each group has one role per session")
    return problems


DEADLINE_KINDS = ("talk", "summary", "report", "review")
# Days before the session each hand-in is due (slides the day before, sheets at the session).
DEFAULT_DEADLINES = {"talk": 1, "summary": 0, "report": 0, "review": 0}


def _parse_deadlines(raw: Any, where: str) -> dict[str, int]:
    if not isinstance(raw, dict):
        raise InvalidInputError(f"{where} must be a table of kind = days before the session", hint="e.g. deadlines = { talk = 1 }")
    deadlines = dict(DEFAULT_DEADLINES)
    for key, value in raw.items():
        if key not in DEADLINE_KINDS:
            raise InvalidInputError(f"{where}.{key} is not a hand-in", hint=f"kinds are {', '.join(DEADLINE_KINDS)}")
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise InvalidInputError(f"{where}.{key} must be whole days before the session (0 = that day), got {value!r}", hint=f"e.g. {key} = 1")
        deadlines[key] = value
    return deadlines


def _parse_session(item: Any, where: str) -> Session:
    if not isinstance(item, dict):
        raise InvalidInputError(f"{where} must be a table", hint="write each session as [[seminar.sessions]]")
    for key in ("date", "paper", "presenter", "reviewer"):
        if key not in item:
            raise InvalidInputError(f"{where}.{key} is missing", hint="a session needs date, paper, presenter, coders and reviewer")
    date = item["date"]
    if isinstance(date, str):
        try:
            date = _dt.date.fromisoformat(date)
        except ValueError:
            date = None
    if isinstance(date, _dt.datetime):
        date = date.date()
    if not isinstance(date, _dt.date):
        raise InvalidInputError(f"{where}.date must be a date like 2026-04-29, got {item['date']!r}", hint="write date = 2026-04-29")
    paper = item["paper"]
    if not isinstance(paper, str) or not paper.strip():
        raise InvalidInputError(f"{where}.paper must be a paper id, got {paper!r}", hint='e.g. paper = "1603.08511"')
    coders = item.get("coders", [])
    if isinstance(coders, str):
        coders = [coders]
    if not isinstance(coders, list):
        raise InvalidInputError(f"{where}.coders must be a list of group names, got {coders!r}", hint='e.g. coders = ["B", "C"]')
    for key, value in (("presenter", item["presenter"]), ("reviewer", item["reviewer"]), *(("coders", c) for c in coders)):
        if not isinstance(value, str):
            raise InvalidInputError(f"{where}.{key} must name a group, got {value!r}", hint='e.g. presenter = "A"')
    topic = item.get("topic", "")
    return Session(date, paper.strip(), item["presenter"], tuple(coders), item["reviewer"], str(topic))


def load_seminar(workspace: Workspace) -> Seminar:
    from paperkit.review.documents import load_library

    library = load_library(workspace)
    data = library.section(SECTION)
    if not data:
        raise NotFoundError(
            f"{workspace.library_path.name} has no [seminar] section",
            hint="add sessions with `paperkit seminar plan add`, or as described in docs/seminar.md",
        )
    return parse_seminar(data, workspace.library_path.name, papers=set(library.ids()))


def expected_sheets(session: Session) -> list[tuple[str, str, str]]:
    """(role, group, file name under reviews/<paper>/) that each role hands in."""
    from paperkit.review.documents import name_slug

    sheets = [("presenter", session.presenter, "summary.md"), ("presenter", session.presenter, "talk.md")]
    sheets += [("coder", group, f"reproduction-report-{name_slug(group)}.md") for group in session.coders]
    sheets.append(("reviewer", session.reviewer, f"seminar-review-{name_slug(session.reviewer)}.md"))
    return sheets


def group_sheets(workspace: Workspace, plan: Seminar, group: str, paper: str | None = None) -> list[tuple[Session, str, Path]]:
    """(session, role, path) of every sheet `group` hands in (for `paper` only, when given), existing or not.

    A presenter hands in the paper's summary.md and talk.md, which carry no group in their name;
    this is how `review submit --reviewer GROUP` and `review export --group GROUP` find them.
    """
    found = []
    for session in plan.sessions:
        if paper is not None and session.paper != paper:
            continue
        for role, owner, name in expected_sheets(session):
            if owner == group:
                found.append((session, role, workspace.reviews_dir(session.paper) / name))
    return found


def sheet_kind(file: str) -> str:
    """Which deadline a hand-in falls under: "talk", "summary", "report" or "review"."""
    if file == "talk.md":
        return "talk"
    if file == "summary.md":
        return "summary"
    return "report" if file.startswith("reproduction-report-") else "review"


@dataclass(frozen=True)
class Submission:
    """One hand-in of one session, as the shared git history shows it."""

    role: str
    group: str
    file: str
    due: _dt.date
    state: str  # "missing", "due today", "not due yet", "complete", "incomplete" or "unreadable"
    author: str = ""
    email: str = ""
    when: _dt.datetime | None = None
    on_time: bool | None = None  # None while nothing is committed
    problems: tuple[str, ...] = ()
    uncommitted: bool = False  # the working tree differs from what was committed (not counted)

    @property
    def overdue(self) -> bool:
        return self.state == "missing"


def session_submissions(workspace: Workspace, plan: Seminar, session: Session, today: _dt.date, ref: str = "HEAD") -> list[Submission]:
    """What each role of `session` committed to `ref`, by whom and when, checked as committed.

    Only commits count: a file in the working tree that was never committed is not submitted.
    A hand-in is on time when its first commit is dated (in the author's time zone) no later
    than its due day: the session's date minus the plan's `deadlines` for its kind.
    """
    from paperkit.errors import PaperkitError
    from paperkit.review.forms import forms_for
    from paperkit.review.sheets import check_sheet, parse_sheet
    from paperkit.vcs import file_at, file_history, has_uncommitted_changes

    forms = forms_for(workspace)
    folder = workspace.reviews_dir(session.paper)
    found = []
    for role, group, name in expected_sheets(session):
        path = folder / name
        due = session.date - _dt.timedelta(days=plan.deadlines.get(sheet_kind(name), 0))
        history = [c for c in file_history(workspace.root, path, ref) if c.when.date() <= today]  # as it stood on `today`
        uncommitted = path.exists() and has_uncommitted_changes(workspace.root, path)
        if not history:
            state = "missing" if today > due else "due today" if today == due else "not due yet"
            found.append(Submission(role, group, name, due, state, uncommitted=uncommitted))
            continue
        latest, first = history[0], history[-1]
        text = file_at(workspace.root, path, latest.sha)
        if text is None:  # deleted in the latest commit
            state = "missing" if today > due else "due today" if today == due else "not due yet"
            found.append(Submission(role, group, name, due, state, uncommitted=uncommitted))
            continue
        try:
            problems = tuple(str(p) for p in check_sheet(parse_sheet(text, name, forms)))
            state = "incomplete" if problems else "complete"
        except PaperkitError as exc:
            problems, state = (exc.message,), "unreadable"
        found.append(Submission(
            role, group, name, due, state, latest.author, latest.email, latest.when,
            first.when.date() <= due, problems, uncommitted,
        ))
    return found


def planned_talk(workspace: Workspace, paper_id: str) -> tuple[str, str]:
    """("group A (Dana Levi, Eli Cohen)", "2026-04-29") when the plan has `paper_id` presented; else ("", "")."""
    from paperkit.review.documents import load_library

    data = load_library(workspace).section(SECTION)
    if not data:
        return "", ""
    plan = parse_seminar(data, workspace.library_path.name)
    for session in plan.sessions:
        if session.paper == paper_id:
            members = ", ".join(plan.groups.get(session.presenter, ()))
            return f"group {session.presenter}" + (f" ({members})" if members else ""), session.date.isoformat()
    return "", ""


# ---------------------------------------------------------------------------- editing the plan
def parse_date(text: str, what: str = "--date") -> _dt.date:
    try:
        return _dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInputError(f"{what} must be a date like 2026-04-29, got {text!r}", hint="write YYYY-MM-DD") from None


def edit_plan(workspace: Workspace, change) -> Seminar:
    """Apply `change(table)` to papers.toml's [seminar] table (a tomlkit table, created when
    missing), validate the result with every problem at once, and save only a valid plan."""
    import tomlkit

    from paperkit.library.store import Library

    with Library.edit(workspace) as library:
        document = library.document
        if SECTION not in document:
            document.add(SECTION, tomlkit.table())
        table = document[SECTION]
        change(table)
        return parse_seminar(table.unwrap(), workspace.library_path.name, papers=set(library.ids()))


def set_group(table, name: str, members: list[str]) -> None:
    import tomlkit

    if "groups" not in table:
        table.add("groups", tomlkit.table())
    table["groups"][name] = members


def add_session(table, *, date: _dt.date, paper: str, presenter: str, coders: list[str], reviewer: str, topic: str = "") -> None:
    import tomlkit

    if "sessions" not in table:
        table.add("sessions", tomlkit.aot())
    session = tomlkit.table()
    session["date"] = tomlkit.date(date.isoformat())
    session["paper"] = paper
    if topic:
        session["topic"] = topic
    session["presenter"] = presenter
    session["coders"] = coders
    session["reviewer"] = reviewer
    table["sessions"].append(session)


def update_session(table, on: _dt.date, changes: dict[str, Any]) -> None:
    """Change the session held on `date`; a value of None leaves that field as it is."""
    import tomlkit

    sessions = table.get("sessions", [])
    matches = [s for s in sessions if _as_date(s.get("date")) == on]
    if not matches:
        known = ", ".join(str(_as_date(s.get("date"))) for s in sessions) or "none"
        raise NotFoundError(f"no session on {on.isoformat()}", hint=f"sessions: {known}; add one with `paperkit seminar plan add`")
    session = matches[0]
    for key, value in changes.items():
        if value is None:
            continue
        session[key] = tomlkit.date(value.isoformat()) if key == "date" else value


def _as_date(value: Any) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError:
        return None
