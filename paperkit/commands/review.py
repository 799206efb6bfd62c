"""`paperkit summary | talk | report | review ... | seminar ...`: documents written from templates."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

import click

from paperkit.errors import NotFoundError, PaperkitError, UsageError
from paperkit.review.forms import REVIEW_FORMS
from paperkit.workspace import Workspace, require_workspace

_FORCE = click.option("--force", is_flag=True, help="Replace an existing file (your edits in it are lost).")


def _written(path: Path, workspace: Workspace) -> None:
    click.echo(f"wrote {_shown(path, workspace)}")


def _shown(path: Path, workspace: Workspace) -> str:
    try:
        return str(path.resolve().relative_to(workspace.root.resolve()))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------------------- documents
@click.command()
@click.argument("paper_id", metavar="ID")
@_FORCE
def summary(paper_id: str, force: bool) -> None:
    """Write reviews/ID/summary.md from your notes, with blanks marked for the rest."""
    from paperkit.review.documents import write_summary

    workspace = require_workspace()
    _written(write_summary(workspace, paper_id, overwrite=force), workspace)


def _parse_part(text: str) -> tuple[str, int]:
    name, sep, minutes = text.rpartition("=")
    if not sep or not name.strip() or not minutes.strip().isdigit():
        raise UsageError(f"--part {text!r} is not NAME=MINUTES", hint='e.g. --part "Main idea=5"')
    return name.strip(), int(minutes)


@click.command()
@click.argument("paper_id", metavar="ID")
@click.option("--minutes", type=click.IntRange(min=1), default=None, help="Total length; parts are scaled to it (default: 30, or the seminar's talk_minutes).")
@click.option("--part", "parts", multiple=True, metavar="NAME=MIN", help="A part and its minutes, in order (repeat; replaces the default parts).")
@click.option("--presenter", metavar="NAME", help="Who presents (default: the presenting group of the seminar plan).")
@click.option("--date", "session_date", metavar="YYYY-MM-DD", help="The date of the talk (default: its session's date in the plan).")
@click.option("--slides", is_flag=True, help="Do not write talk.md: export the existing one as a slide deck, exports/ID-talk-slides.pdf.")
@_FORCE
def talk(paper_id: str, minutes: int | None, parts: tuple[str, ...], presenter: str | None, session_date: str | None, slides: bool, force: bool) -> None:
    """Write reviews/ID/talk.md: an outline with a time budget per part (--slides: the deck)."""
    from paperkit.review.documents import DEFAULT_TALK_PARTS, write_talk

    workspace = require_workspace()
    if slides:
        _talk_slides(workspace, paper_id)
        return
    from paperkit.review.seminar import parse_date, planned_talk

    if session_date:
        session_date = parse_date(session_date).isoformat()
    planned_presenter, planned_date = planned_talk(workspace, _library_key(workspace, paper_id))
    presenter, session_date = presenter or planned_presenter, session_date or planned_date
    chosen = tuple(_parse_part(p) for p in parts) or DEFAULT_TALK_PARTS
    if minutes is None and not parts:
        minutes = _seminar_minutes(workspace)
    path = write_talk(workspace, paper_id, minutes=minutes, parts=chosen, overwrite=force, presenter=presenter, session_date=session_date)
    _written(path, workspace)


def _talk_slides(workspace: Workspace, paper_id: str) -> None:
    from paperkit.files import atomic_write_bytes
    from paperkit.review.export import refuse_conflicts
    from paperkit.review.slides import slides_pdf
    from paperkit.workspace import slug

    key = _library_key(workspace, paper_id)
    source = workspace.reviews_dir(key) / "talk.md"
    if not source.is_file():
        raise NotFoundError(f"no talk outline for {key} yet", hint=f"write it with `paperkit talk {key}`")
    text = source.read_text(encoding="utf-8")
    refuse_conflicts(text, _shown(source, workspace))
    target = workspace.root / "exports" / f"{slug(key)}-talk-slides.pdf"
    atomic_write_bytes(target, slides_pdf(text))
    _written(target, workspace)


def _seminar_minutes(workspace: Workspace) -> int | None:
    from paperkit.review.documents import load_library
    from paperkit.review.seminar import SECTION, parse_seminar

    data = load_library(workspace).section(SECTION)
    return parse_seminar(data, workspace.library_path.name).talk_minutes if data else None


@click.command()
@click.argument("run", required=False)
@click.option("--paper", "paper_id", metavar="ID", help="The paper reproduced (default: the entry whose reproduction is the run's plugin).")
@click.option("--author", metavar="NAME", help="Who reports (a person or a seminar group); names the file.")
@_FORCE
def report(run: str | None, paper_id: str | None, author: str | None, force: bool) -> None:
    """Write a reproduction report for RUN (a run folder, or a run id under runs/).

    Without RUN, `report --paper ID --author GROUP` writes a coding group's sheet for work done in
    its own code or notebook: task, approach, results, what was hard, and a link to the code.
    """
    from paperkit.review.documents import write_coding_report, write_report

    workspace = require_workspace()
    if run is None:
        if not paper_id:
            raise UsageError("give a RUN, or --paper ID for a coding sheet without a paperkit run", hint="e.g. paperkit report --paper 1603.08511 --author B")
        _written(write_coding_report(workspace, paper_id, author=author, overwrite=force), workspace)
        return
    _written(write_report(workspace, run, paper_id=paper_id, author=author, overwrite=force), workspace)


# ---------------------------------------------------------------------------- review sheets
@click.group()
def review() -> None:
    """Review sheets: new, check, export, merge, submit."""


@review.command("new")
@click.argument("paper_id", metavar="ID")
@click.option("--form", default="neurips", show_default=True, help=f"Form preset: {', '.join(REVIEW_FORMS)}, or one of templates/forms.toml.")
@click.option("--reviewer", metavar="NAME", help="Your name (names the file: review-NAME.md; default 'me').")
@_FORCE
def review_new(paper_id: str, form: str, reviewer: str | None, force: bool) -> None:
    """Start a review sheet for ID, pre-filled from your notes."""
    from paperkit.review.documents import write_review

    workspace = require_workspace()
    _written(write_review(workspace, paper_id, form=form, reviewer=reviewer, overwrite=force), workspace)


META_REVIEW_STEM = "meta-review"  # merge writes meta-review-<form>.md, one per form


def _sheet_paths(workspace: Workspace | None, target: str) -> list[Path]:
    """TARGET as a file, or every sheet of the paper with that id."""
    path = Path(target)
    if path.is_file():
        return [path]
    if workspace is None:
        raise NotFoundError(f"{target} is neither a file nor a paper in a workspace", hint="pass a sheet's path")
    from paperkit.review.documents import library_entry

    folder = workspace.reviews_dir(target)
    if not folder.is_dir():
        library_entry(workspace, target)  # an unknown id says so, with its hint
        raise NotFoundError(f"no sheets for {target} yet", hint=f"start one with `paperkit review new {target}`")
    sheets = sorted(folder.glob("*.md"))
    if not sheets:
        raise NotFoundError(f"no sheets for {target} yet", hint=f"start one with `paperkit review new {target}`")
    return sheets


@review.command("check")
@click.argument("target", metavar="ID|PATH")
def review_check(target: str) -> None:
    """Check sheets are complete: sections filled, weaknesses cited, scores in range."""
    from paperkit.review.forms import forms_for
    from paperkit.review.sheets import check_sheet, load_sheet
    from paperkit.workspace import find_workspace

    workspace = find_workspace()
    forms = forms_for(workspace)
    incomplete = 0
    for path in _sheet_paths(workspace, target):
        shown = _shown(path, workspace) if workspace else str(path)
        problems = check_sheet(load_sheet(path, forms))
        if problems:
            incomplete += 1
            for problem in problems:
                click.echo(f"{shown}: {problem}")
        else:
            click.echo(f"{shown}: complete")
    if incomplete:
        raise PaperkitError(f"{incomplete} sheet(s) incomplete", hint="fill in the fields named above, then check again")


@review.command("export")
@click.argument("paper_ids", nargs=-1, metavar="[ID ...]")
@click.option("--group", "groups", multiple=True, metavar="G", help="A seminar group: its own sheets, and for pdf one combined PDF with a cover page (repeat).")
@click.option("--format", "fmt", default="all", show_default=True, help="md, html, pdf, or all (comma-separated allowed).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Folder for the exports (default: exports/ in the workspace).")
def review_export(paper_ids: tuple[str, ...], groups: tuple[str, ...], fmt: str, out_dir: str | None) -> None:
    """Export sheets as Markdown, HTML and PDF (exports are derived files, regenerated each time).

    With --group, only the sheets the group hands in under the seminar plan (a presenter's
    summary.md and talk.md, a coder's reproduction report, a reviewer's seminar review), of the
    given papers or of all its sessions, and for pdf one combined PDF per group.
    """
    from paperkit.review.export import Document, cover_html, export_document, group_pdf, parse_formats, stylesheet
    from paperkit.files import atomic_write_bytes
    from paperkit.workspace import slug

    workspace = require_workspace()
    formats = parse_formats(fmt)
    out = Path(out_dir) if out_dir else workspace.root / "exports"
    css = stylesheet(workspace)

    def document(path: Path, paper_id: str) -> Document:
        problems = _problems(workspace, path)
        if problems:
            click.echo(f"warning: {_shown(path, workspace)} is incomplete ({len(problems)} problem(s), first: {problems[0]}); exported as DRAFT", err=True)
        return Document(path, f"{slug(paper_id)}-{path.stem}", problems)

    if not groups:
        ids = list(paper_ids) or sorted(p.name for p in workspace.reviews_root.glob("*") if p.is_dir() and any(p.glob("*.md")))
        if not ids:
            raise NotFoundError("no sheets to export", hint="write one with `paperkit review new ID`")
        for paper_id in ids:
            for path in _sheet_paths(workspace, paper_id):
                for written in export_document(document(path, paper_id), formats, out, css):
                    _written(written, workspace)
        return

    from paperkit.review.seminar import group_sheets, load_seminar

    plan = load_seminar(workspace)
    for group in groups:
        if group not in plan.groups:
            raise NotFoundError(f"no group {group!r} in [seminar.groups]", hint=f"known groups: {', '.join(plan.groups) or 'none'}")
    wanted = {_library_key(workspace, p) for p in paper_ids}
    for group in groups:
        sheets = [(s, role, path) for s, role, path in group_sheets(workspace, plan, group) if not wanted or s.paper in wanted]
        present = [(s, role, path) for s, role, path in sheets if path.is_file()]
        if not present:
            raise NotFoundError(f"group {group} has no sheets to export yet", hint="`paperkit seminar status` shows what each group hands in")
        docs = [document(path, s.paper) for s, _, path in present]
        for doc in docs:
            for written in export_document(doc, formats, out, css):
                _written(written, workspace)
        if "pdf" in formats:
            rows = [(s.date.isoformat(), s.paper, f"{role}: {path.name}" + ("" if path.is_file() else " (missing)")) for s, role, path in sheets]
            cover = cover_html(f"{plan.title} — group {group}", list(plan.groups[group]), rows)
            target = out / f"group-{slug(group)}.pdf"
            atomic_write_bytes(target, group_pdf(cover, docs, css, title=f"{plan.title}: group {group}"))
            _written(target, workspace)


def _problems(workspace: Workspace, path: Path) -> tuple[str, ...]:
    """What `review check` finds in the sheet at `path` (a conflict stops the export itself)."""
    from paperkit.review.export import refuse_conflicts
    from paperkit.review.forms import forms_for
    from paperkit.review.sheets import check_sheet, parse_sheet

    text = path.read_text(encoding="utf-8")
    refuse_conflicts(text, _shown(path, workspace))
    return tuple(str(p) for p in check_sheet(parse_sheet(text, str(path), forms_for(workspace))))


def _library_key(workspace: Workspace, paper_id: str) -> str:
    from paperkit.review.documents import library_entry

    return library_entry(workspace, paper_id).id


@review.command("merge")
@click.argument("paper_id", metavar="ID")
@click.option("--form", default=None, help="Merge only sheets of this form (default: the conference review sheets, review-*.md).")
@_FORCE
def review_merge(paper_id: str, form: str | None, force: bool) -> None:
    """Combine several reviewers' sheets into reviews/ID/meta-review-FORM.md (one per form).

    Scores off the form's scale are left out of the mean with a warning naming sheet and field;
    sheets that fail `review check` are listed; strengths, weaknesses and questions are gathered
    per reviewer.
    """
    from paperkit.review.documents import write_document
    from paperkit.review.forms import forms_for, get_form
    from paperkit.review.sheets import load_sheet, merge_sheets, render_meta_review

    workspace = require_workspace()
    forms = forms_for(workspace)
    key = _library_key(workspace, paper_id)
    folder = workspace.reviews_dir(key)
    if form is not None:
        wanted = get_form(form, review_only=True, forms=forms).name
        sheets = [s for s in (load_sheet(p, forms) for p in sorted(folder.glob("*review-*.md"))) if s.form.name == wanted]
    else:
        sheets = [load_sheet(p, forms) for p in sorted(folder.glob("review-*.md"))]
    meta = merge_sheets(sheets)
    text = render_meta_review(meta, _dt.date.today().isoformat())
    path = write_document(folder / f"{META_REVIEW_STEM}-{meta.form.name}.md", text, overwrite=force)
    _written(path, workspace)
    for warning in meta.warnings:
        click.echo(f"warning: {warning}", err=True)
    for name, count in meta.incomplete.items():
        click.echo(f"warning: {name} fails `paperkit review check` ({count} problem{'s' if count != 1 else ''})", err=True)
    for summary in meta.scores:
        if summary.disagreement:
            scores = ", ".join(f"{name} {value}" for name, value in summary.values.items())
            click.echo(f"disagreement: {summary.scale.label} spreads {summary.spread} points ({scores})")


@review.command("submit")
@click.argument("paper_id", metavar="ID")
@click.option("--reviewer", metavar="NAME", help="Submit NAME's own sheets (review-NAME.md, ...), committed with NAME as the author.")
@click.option("--email", metavar="ADDRESS", help="The author's e-mail (default: git's user.email when NAME is git's user.name, else a no-reply address).")
@click.option("--group", metavar="G", help="A seminar group: also submit the sheets its role hands in; the commit gets a 'Group: G' trailer.")
@click.option("--incomplete", is_flag=True, help="Commit even when `review check` finds problems (a draft).")
@click.option("--push", "push_after", is_flag=True, help="Push the commit to the shared remote (the branch's upstream, else origin).")
@click.option("--remote", metavar="NAME", help="The remote --push sends to.")
def review_submit(paper_id: str, reviewer: str | None, email: str | None, group: str | None, incomplete: bool, push_after: bool, remote: str | None) -> None:
    """Commit the paper's sheets in the workspace's git repository (and with --push, send them).

    Without --reviewer or --group every sheet of the paper is committed. --reviewer NAME picks
    the sheets named after NAME; --group G the sheets G's role hands in for this paper (a
    presenter's summary.md and talk.md, a coder's report, a reviewer's seminar review). The
    author is NAME (with --email, or git's user.email) or else git's configured user; the
    committer is always git's configured user. Nothing else you have staged goes into the commit.
    Without --push the commit stays on this machine: the mentor sees it only after `git push`.
    """
    from paperkit.review.documents import name_slug
    from paperkit.review.forms import forms_for
    from paperkit.review.sheets import CONFLICT_FIELD, check_sheet, load_sheet
    from paperkit.vcs import commit_paths, configured_identity, push, unmerged_paths

    workspace = require_workspace()
    key = _library_key(workspace, paper_id)
    folder = workspace.reviews_dir(key)
    paths = sorted(folder.glob("*.md")) if folder.is_dir() else []
    if reviewer or group:
        chosen: set[Path] = set()
        if reviewer:
            suffix = f"-{name_slug(reviewer)}.md"
            chosen |= {p for p in paths if p.name.endswith(suffix)}
        if group:
            chosen |= set(_group_sheets(workspace, group, key, required=True))
        paths = sorted(chosen)
    if not paths:
        who = " by " + " and group ".join(x for x in (reviewer, group) if x) if reviewer or group else ""
        raise NotFoundError(f"no sheets{who} for {key} to submit", hint=f"start one with `paperkit review new {key}`")
    unmerged = unmerged_paths(workspace.root, paths)
    if unmerged:
        raise UsageError(f"git conflict not resolved in {unmerged[0]}", hint="edit it to keep one version, then `git add` it and submit again")
    forms = forms_for(workspace)
    checked = [(p, problem) for p in paths for problem in check_sheet(load_sheet(p, forms))]
    conflicts = [(p, problem) for p, problem in checked if problem.field == CONFLICT_FIELD]
    if conflicts:
        path, problem = conflicts[0]
        raise UsageError(f"{path.name}: {problem}", hint="a sheet with conflict markers cannot be submitted, not even with --incomplete")
    if checked and not incomplete:
        for path, problem in checked:
            click.echo(f"{path.name}: {problem}", err=True)
        raise UsageError(f"{len(checked)} problem(s) in the sheets above", hint="fill them in, or pass --incomplete to commit a draft")
    names = ", ".join(p.name for p in paths)
    state = " (draft)" if checked else ""
    author_email = None
    if reviewer:
        git_name, git_email = configured_identity(workspace.root)
        author_email = email or (git_email if git_name == reviewer.strip() else None) or f"{name_slug(reviewer)}@users.noreply.paperkit"
    message = f"review {key}: submit {names}{state}" + (f" by {reviewer.strip()}" if reviewer else "")
    if group:
        message += f"\n\nGroup: {group}"
    sha = commit_paths(workspace.root, paths, message, author_name=reviewer.strip() if reviewer else None, author_email=author_email)
    click.echo(f"committed {sha[:10]}: {message.splitlines()[0]}")
    if push_after:
        click.echo(f"pushed to {push(workspace.root, remote)}")
    else:
        click.echo("not pushed yet: `git push` (or submit with --push) sends it to the shared repository")


def _group_sheets(workspace: Workspace, group: str, paper_id: str, required: bool = False) -> list[Path]:
    """The existing sheets seminar group `group` hands in for the paper; none without a seminar plan."""
    from paperkit.review.documents import load_library
    from paperkit.review.seminar import SECTION, group_sheets, load_seminar, parse_seminar

    data = load_library(workspace).section(SECTION)
    if not data and not required:
        return []
    plan = load_seminar(workspace) if required else parse_seminar(data, workspace.library_path.name)
    if required and group not in plan.groups:
        raise NotFoundError(f"no group {group!r} in [seminar.groups]", hint=f"known groups: {', '.join(plan.groups) or 'none'}")
    return [path for _, _, path in group_sheets(workspace, plan, group, paper_id) if path.is_file()]


# ---------------------------------------------------------------------------- seminar
@click.group()
def seminar() -> None:
    """The seminar plan in papers.toml ([seminar]; see docs/seminar.md)."""


@seminar.group("plan", invoke_without_command=True)
@click.pass_context
def seminar_plan(ctx: click.Context) -> None:
    """Print the schedule: per session the paper and each group's role (add, set, group change it)."""
    if ctx.invoked_subcommand is not None:
        return
    from paperkit.review.documents import load_library
    from paperkit.review.seminar import load_seminar

    workspace = require_workspace()
    plan = load_seminar(workspace)
    library = load_library(workspace)
    click.echo(f"{plan.title} ({len(plan.sessions)} sessions, talks of {plan.talk_minutes} min)")
    for session in plan.sessions:
        entry = library.get(session.paper)
        title = entry.title if entry else ""
        click.echo(f"\n{session.date.isoformat()}  {session.paper}" + (f"  {title}" if title else "") + (f"  [{session.topic}]" if session.topic else ""))
        for role, group in session.roles():
            members = ", ".join(plan.groups.get(group, ()))
            click.echo(f"  {role:<10} {group}" + (f" ({members})" if members else ""))
    if plan.groups:
        click.echo("\nGroups:")
        for group, members in plan.groups.items():
            click.echo(f"  {group}: {', '.join(members) or '(no members listed)'}")


def _groups_list(text: str | None) -> list[str] | None:
    return None if text is None else [g.strip() for g in text.split(",") if g.strip()]


@seminar_plan.command("group")
@click.argument("name")
@click.argument("members", nargs=-1)
def seminar_plan_group(name: str, members: tuple[str, ...]) -> None:
    """Add group NAME, or replace its members: `seminar plan group A "Dana Levi" "Eli Cohen"`."""
    from paperkit.review.seminar import edit_plan, set_group

    workspace = require_workspace()
    edit_plan(workspace, lambda table: set_group(table, name, list(members)))
    click.echo(f"group {name}: {', '.join(members) or '(no members listed)'}")


_SESSION_OPTIONS = [
    click.option("--paper", metavar="ID", help="The paper discussed (a key of [papers])."),
    click.option("--presenter", metavar="G", help="The group presenting it."),
    click.option("--coders", metavar="G,G", help="The groups coding its idea, comma-separated."),
    click.option("--reviewer", metavar="G", help="The group reviewing it."),
    click.option("--topic", metavar="TEXT", help="A few words on the session's theme."),
]


def _session_options(command):
    for option in reversed(_SESSION_OPTIONS):
        command = option(command)
    return command


@seminar_plan.command("add")
@click.option("--date", "date_text", required=True, metavar="YYYY-MM-DD", help="The session's date.")
@_session_options
def seminar_plan_add(date_text: str, paper: str | None, presenter: str | None, coders: str | None, reviewer: str | None, topic: str | None) -> None:
    """Add a session; every problem of the resulting plan is reported at once, and nothing is saved then."""
    from paperkit.review.seminar import add_session, edit_plan, parse_date

    missing = [name for name, value in (("--paper", paper), ("--presenter", presenter), ("--reviewer", reviewer)) if not value]
    if missing:
        raise UsageError(f"a session needs {', '.join(missing)}", hint="e.g. --paper 1603.08511 --presenter A --coders B,C --reviewer D")
    date = parse_date(date_text)
    workspace = require_workspace()
    plan = edit_plan(workspace, lambda table: add_session(
        table, date=date, paper=paper, presenter=presenter, coders=_groups_list(coders) or [], reviewer=reviewer, topic=topic or ""))
    click.echo(f"added the session of {date.isoformat()} ({len(plan.sessions)} sessions)")


@seminar_plan.command("set")
@click.argument("date_text", metavar="DATE")
@click.option("--date", "new_date", metavar="YYYY-MM-DD", help="Move the session to this date.")
@_session_options
def seminar_plan_set(date_text: str, new_date: str | None, paper: str | None, presenter: str | None, coders: str | None, reviewer: str | None, topic: str | None) -> None:
    """Change the session on DATE: only the options given change."""
    from paperkit.review.seminar import edit_plan, parse_date, update_session

    date = parse_date(date_text, "DATE")
    changes = {
        "date": parse_date(new_date) if new_date else None, "paper": paper, "presenter": presenter,
        "coders": _groups_list(coders), "reviewer": reviewer, "topic": topic,
    }
    if all(value is None for value in changes.values()):
        raise UsageError("nothing to change", hint="pass --paper, --presenter, --coders, --reviewer, --topic or --date")
    workspace = require_workspace()
    edit_plan(workspace, lambda table: update_session(table, date, changes))
    click.echo(f"changed the session of {date.isoformat()}")


@seminar.command("status")
@click.option("--ref", default="HEAD", show_default=True, help="The history to read, e.g. origin/main after `git fetch`.")
@click.option("--today", "today_text", metavar="YYYY-MM-DD", help="Judge deadlines as on this day (default: today).")
@click.option("--group", "groups", multiple=True, metavar="G", help="Only this group's hand-ins (repeat).")
@click.option("--anonymous", is_flag=True, help="Leave out who committed each sheet.")
def seminar_status(ref: str, today_text: str | None, groups: tuple[str, ...], anonymous: bool) -> None:
    """Per session and group: what was submitted (committed), by whom, when, on time or late,
    complete or not, with every problem. Exits 1 when something already due is missing, so a
    CI job can remind the class."""
    from paperkit.review.documents import load_library
    from paperkit.review.seminar import load_seminar, parse_date, session_submissions
    from paperkit.vcs import ref_exists, repository_root

    workspace = require_workspace()
    if repository_root(workspace.root) is None:
        raise PaperkitError("the workspace is not a git repository, so nothing has been submitted", hint="run `paperkit init --git` and submit with `paperkit review submit`")
    if not ref_exists(workspace.root, ref):
        raise NotFoundError(f"git knows no commit {ref!r}", hint="run `git fetch` for origin/..., or commit something first")
    plan = load_seminar(workspace)
    unknown = [g for g in groups if g not in plan.groups]
    if unknown:
        raise NotFoundError(f"no group {unknown[0]!r} in [seminar.groups]", hint=f"known groups: {', '.join(plan.groups) or 'none'}")
    library = load_library(workspace)
    today = parse_date(today_text, "--today") if today_text else _dt.date.today()
    overdue = []
    for session in plan.sessions:
        entry = library.get(session.paper)
        title = f"  {entry.title}" if entry and entry.title else ""
        click.echo(f"{session.date.isoformat()}  {session.paper}{title}")
        for item in session_submissions(workspace, plan, session, today, ref):
            if groups and item.group not in groups:
                continue
            line = f"  {item.role:<10} {item.group:<6} {item.file:<34} "
            if item.when is None:
                line += f"{item.state} (due {item.due.isoformat()})"
            else:
                who = "" if anonymous else f" by {item.author} <{item.email}>"
                timing = "on time" if item.on_time else f"late (due {item.due.isoformat()})"
                count = f", {len(item.problems)} problem{'s' if len(item.problems) != 1 else ''}" if item.problems else ""
                line += f"{item.state}{count}: {item.when.strftime('%Y-%m-%d %H:%M')}{who}, {timing}"
            if item.uncommitted:
                line += "; uncommitted changes (not counted)"
            click.echo(line)
            for problem in item.problems:
                click.echo(f"      {problem}")
            if item.overdue:
                overdue.append(f"{session.date.isoformat()} {item.group} {item.file}")
    if overdue:
        raise PaperkitError(f"{len(overdue)} hand-in(s) due and missing: {', '.join(overdue)}", hint="commit and push them with `paperkit review submit`")


@seminar.command("bundle")
@click.option("--session", "sessions", multiple=True, metavar="DATE|ID", help="A session, by date or paper id (repeat).")
@click.option("--group", "groups", multiple=True, metavar="G", help="A group (repeat).")
@click.option("--anonymous", is_flag=True, help="Reviewers become Reviewer 1, 2, …; members and commit identities are left out.")
@click.option("--format", "fmt", default="pdf,html", show_default=True, help="pdf, html, or both (comma-separated).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Folder for the bundles (default: exports/ in the workspace).")
def seminar_bundle(sessions: tuple[str, ...], groups: tuple[str, ...], anonymous: bool, fmt: str, out_dir: str | None) -> None:
    """One PDF and one self-contained HTML page per session or group: a cover, then every sheet.

    Without --session or --group: every session and every group of the plan.
    """
    from paperkit.review.bundles import group_bundle, session_bundle, write_bundle
    from paperkit.review.export import parse_formats, stylesheet
    from paperkit.review.seminar import load_seminar

    workspace = require_workspace()
    plan = load_seminar(workspace)
    formats = tuple(f for f in parse_formats(fmt) if f != "md")
    if not formats:
        raise UsageError("bundles are pdf or html", hint="pass --format pdf,html")
    chosen = []
    for wanted in sessions:
        match = [s for s in plan.sessions if wanted in (s.date.isoformat(), s.paper)]
        if not match:
            raise NotFoundError(f"no session {wanted!r} in the plan", hint=f"sessions: {', '.join(s.date.isoformat() for s in plan.sessions) or 'none'}")
        chosen += match
    for group in groups:
        if group not in plan.groups:
            raise NotFoundError(f"no group {group!r} in [seminar.groups]", hint=f"known groups: {', '.join(plan.groups) or 'none'}")
    if not sessions and not groups:
        chosen, groups = list(plan.sessions), tuple(plan.groups)
    bundles = [session_bundle(workspace, plan, s, anonymous=anonymous) for s in chosen]
    bundles += [group_bundle(workspace, plan, g, anonymous=anonymous) for g in groups]
    out = Path(out_dir) if out_dir else workspace.root / "exports"
    css = stylesheet(workspace)
    for bundle in bundles:
        for problem_sheet in (s for s in bundle.sheets if s.problems):
            click.echo(f"warning: {bundle.name}: {problem_sheet.title} is incomplete ({len(problem_sheet.problems)} problem(s)); stamped DRAFT", err=True)
        for written in write_bundle(bundle, formats, out, css):
            _written(written, workspace)
