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
@_FORCE
def talk(paper_id: str, minutes: int | None, parts: tuple[str, ...], force: bool) -> None:
    """Write reviews/ID/talk.md: an outline with a time budget per part."""
    from paperkit.review.documents import DEFAULT_TALK_PARTS, write_talk

    workspace = require_workspace()
    chosen = tuple(_parse_part(p) for p in parts) or DEFAULT_TALK_PARTS
    if minutes is None and not parts:
        minutes = _seminar_minutes(workspace)
    _written(write_talk(workspace, paper_id, minutes=minutes, parts=chosen, overwrite=force), workspace)


def _seminar_minutes(workspace: Workspace) -> int | None:
    from paperkit.review.documents import load_library
    from paperkit.review.seminar import SECTION, parse_seminar

    data = load_library(workspace).section(SECTION)
    return parse_seminar(data, workspace.library_path.name).talk_minutes if data else None


@click.command()
@click.argument("run")
@click.option("--paper", "paper_id", metavar="ID", help="The paper reproduced (default: the entry whose reproduction is the run's plugin).")
@click.option("--author", metavar="NAME", help="Who reports (a person or a seminar group); names the file.")
@_FORCE
def report(run: str, paper_id: str | None, author: str | None, force: bool) -> None:
    """Write a reproduction report for RUN (a run folder, or a run id under runs/)."""
    from paperkit.review.documents import write_report

    workspace = require_workspace()
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


META_REVIEW = "meta-review.md"  # written by merge


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
        return Document(path, f"{slug(paper_id)}-{path.stem}")

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
            atomic_write_bytes(target, group_pdf(cover, docs, css))
            _written(target, workspace)


def _library_key(workspace: Workspace, paper_id: str) -> str:
    from paperkit.review.documents import library_entry

    return library_entry(workspace, paper_id).id


@review.command("merge")
@click.argument("paper_id", metavar="ID")
@click.option("--form", default=None, help="Merge only sheets of this form (default: the conference review sheets, review-*.md).")
@_FORCE
def review_merge(paper_id: str, form: str | None, force: bool) -> None:
    """Combine several reviewers' sheets into reviews/ID/meta-review.md."""
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
    path = write_document(workspace, folder / META_REVIEW, text, overwrite=force)
    _written(path, workspace)
    for summary in meta.scores:
        if summary.disagreement:
            scores = ", ".join(f"{name} {value}" for name, value in summary.values.items())
            click.echo(f"disagreement: {summary.scale.label} spreads {summary.spread} points ({scores})")


@review.command("submit")
@click.argument("paper_id", metavar="ID")
@click.option("--reviewer", metavar="NAME", help="Submit only NAME's sheets (a seminar group: the sheets its role hands in), committed with NAME as the author.")
@click.option("--incomplete", is_flag=True, help="Commit even when `review check` finds problems (a draft).")
def review_submit(paper_id: str, reviewer: str | None, incomplete: bool) -> None:
    """Commit the paper's sheets in the workspace's git repository.

    Without --reviewer every sheet of the paper is committed. With --reviewer NAME, the sheets
    named after NAME (review-NAME.md, seminar-review-NAME.md, reproduction-report-NAME.md) and,
    when NAME is a seminar group, the sheets its role hands in for this paper (a presenter's
    summary.md and talk.md). Nothing else you have staged goes into the commit.
    """
    from paperkit.review.documents import name_slug
    from paperkit.review.forms import forms_for
    from paperkit.review.sheets import check_sheet, load_sheet
    from paperkit.vcs import commit_paths

    workspace = require_workspace()
    key = _library_key(workspace, paper_id)
    folder = workspace.reviews_dir(key)
    paths = sorted(folder.glob("*.md")) if folder.is_dir() else []
    if reviewer:
        suffix = f"-{name_slug(reviewer)}.md"
        paths = [p for p in paths if p.name.endswith(suffix)]
        paths = sorted(set(paths) | set(_group_sheets(workspace, reviewer, key)))
    if not paths:
        who = f" by {reviewer}" if reviewer else ""
        raise NotFoundError(f"no sheets{who} for {key} to submit", hint=f"start one with `paperkit review new {key}`")
    forms = forms_for(workspace)
    problems = [f"{p.name}: {problem}" for p in paths for problem in check_sheet(load_sheet(p, forms))]
    if problems and not incomplete:
        for line in problems:
            click.echo(line, err=True)
        raise UsageError(f"{len(problems)} problem(s) in the sheets above", hint="fill them in, or pass --incomplete to commit a draft")
    names = ", ".join(p.name for p in paths)
    state = " (draft)" if problems else ""
    message = f"review {key}: submit {names}{state}" + (f" by {reviewer}" if reviewer else "")
    sha = commit_paths(workspace.root, paths, message, author_name=reviewer)
    click.echo(f"committed {sha[:10]}: {message}")


def _group_sheets(workspace: Workspace, group: str, paper_id: str) -> list[Path]:
    """The existing sheets seminar group `group` hands in for the paper; none without a seminar plan."""
    from paperkit.review.documents import load_library
    from paperkit.review.seminar import SECTION, group_sheets, parse_seminar

    data = load_library(workspace).section(SECTION)
    if not data:
        return []
    plan = parse_seminar(data, workspace.library_path.name)
    return [path for _, _, path in group_sheets(workspace, plan, group, paper_id) if path.is_file()]


# ---------------------------------------------------------------------------- seminar
@click.group()
def seminar() -> None:
    """The seminar plan in papers.toml ([seminar]; see docs/seminar.md)."""


@seminar.command("plan")
def seminar_plan() -> None:
    """Print the schedule: per session the paper and each group's role."""
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


@seminar.command("status")
def seminar_status() -> None:
    """Per session, which sheets exist and which are complete."""
    from paperkit.review.seminar import load_seminar, session_status

    workspace = require_workspace()
    plan = load_seminar(workspace)
    for session in plan.sessions:
        click.echo(f"{session.date.isoformat()}  {session.paper}")
        for state in session_status(workspace, session):
            detail = f" ({len(state.problems)} problem{'s' if len(state.problems) != 1 else ''}: {state.problems[0]})" if state.problems else ""
            click.echo(f"  {state.role:<10} {state.group:<6} {state.file:<34} {state.state}{detail}")

