"""`paperkit papers`: the reading list in the nearest workspace's papers.toml."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sys
from pathlib import Path

import click

from paperkit.errors import NetworkError, UsageError
from paperkit.library.store import STATUSES, Library, LibraryEntry, entry_from_metadata
from paperkit.workspace import require_workspace


@click.group()
def papers() -> None:
    """The reading list in papers.toml: add, import, list, show, remove, tag, status, bibtex."""


@papers.command()
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Tag the papers (repeatable).")
@click.option("--status", type=click.Choice(STATUSES), default="to-read", show_default=True, help="Reading status.")
@click.option("--offline", is_flag=True, help="Use cached arXiv metadata only; never ask the network.")
def add(ids: tuple[str, ...], tags: tuple[str, ...], status: str, offline: bool) -> None:
    """Add arXiv papers (ids or URLs), with title, authors, year and categories from arXiv.

    When arXiv cannot be reached and nothing is cached, the bare id is added with a warning;
    `paperkit papers add` again later does not duplicate it.
    """
    from paperkit.reading.arxiv_source import fetch_metadata
    from paperkit.ids import parse_arxiv_id

    workspace = require_workspace()
    aids = list(dict.fromkeys(parse_arxiv_id(text) for text in ids))  # every id checked before any change
    # The network is slow: look everything up before taking the library's lock.
    new_entries = []
    before = Library.load(workspace)
    for aid in aids:
        known = before.get(aid.base)
        if known is not None and known.title:
            new_entries.append((aid, None))
            continue
        try:
            metadata = fetch_metadata(aid, offline=offline)
        except NetworkError as exc:
            if known is not None:  # still no facts for a bare entry: nothing to warn about twice
                new_entries.append((aid, None))
                continue
            click.echo(f"paperkit: warning: {exc.message}; adding {aid} without title or authors", err=True)
            entry = LibraryEntry(id=aid.base, version=aid.version)
        else:
            entry = entry_from_metadata(metadata, version=aid.version if aid.version is not None else metadata.version)
        new_entries.append((aid, entry))

    today = dt.date.today()
    said: list[str] = []  # printed once the library is saved: a refused write must not say "added"
    with Library.edit(workspace) as lib:
        for aid, entry in new_entries:
            current = lib.get(aid.base)
            if current is not None:
                merged = tuple(dict.fromkeys(current.tags + tags))
                if merged != current.tags:
                    lib.update(aid.base, tags=list(merged))
                if entry is not None and entry.title and not current.title:
                    # Added offline before: fill in the facts arXiv has given now, keep the rest.
                    facts = {"title": entry.title, "authors": list(entry.authors), "year": entry.year, "categories": list(entry.categories)}
                    lib.update(aid.base, **{k: v for k, v in facts.items() if v})
                    said.append(f"filled in {_describe(lib.require(aid.base))}")
                    continue
                said.append(f"{aid.base} is already in {workspace.library_path.name}" + (f"; tags now {', '.join(merged)}" if merged != current.tags else ""))
                continue
            entry = lib.add(dataclasses.replace(entry, tags=tuple(tags), status=status, added=today))
            said.append(f"added {_describe(entry)}")
    for line in said:
        click.echo(line)


@papers.command("list")
@click.argument("query", nargs=-1, metavar="[WORDS...]")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Only papers with this tag (repeatable: all of them).")
@click.option("--status", type=click.Choice(STATUSES), help="Only papers with this status.")
@click.option("--year", "years", metavar="YEAR", help="Only papers of a year (2016) or a range (2015-2018, 2015-, -2018).")
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="Show at most N papers (see --page).")
@click.option("--page", type=click.IntRange(min=1), default=1, show_default=True, metavar="P", help="With --limit: which page of N.")
@click.option("--no-pager", is_flag=True, help="Print straight to the terminal, without a pager.")
def list_(query: tuple[str, ...], tags: tuple[str, ...], status: str | None, years: str | None, limit: int | None, page: int, no_pager: bool) -> None:
    """Show the reading list as a table; WORDS filter on id, title, authors, venue and tags.

    On a terminal a long list opens in a pager and titles are shortened to fit; piped, every
    column is printed whole.
    """
    from paperkit.library.listing import Filter, render_rows

    workspace = require_workspace()
    entries = Library.load(workspace).entries()
    wanted = Filter.build(words=query, tags=tags, status=status, years=years)
    shown = [e for e in entries if wanted.matches(e)]
    if not shown:
        if entries:
            click.echo("no papers match")
        else:
            click.echo(f"{workspace.library_path.name} has no papers yet: add one with `paperkit papers add ID`")
        return
    total = len(shown)
    if limit is not None:
        shown = shown[(page - 1) * limit : page * limit]
    terminal = sys.stdout.isatty()
    width = shutil.get_terminal_size().columns if terminal else None
    lines = render_rows(shown, width=width)
    if limit is not None:
        more = f"; --page {page + 1} for more" if page * limit < total else ""
        lines.append(f"papers {(page - 1) * limit + 1 if shown else 0}-{(page - 1) * limit + len(shown)} of {total}{more}")
    if terminal and not no_pager and len(lines) > shutil.get_terminal_size().lines - 1:
        click.echo_via_pager(line + "\n" for line in lines)
    else:
        click.echo("\n".join(lines))


@papers.command()
@click.argument("paper_id", metavar="ID")
def show(paper_id: str) -> None:
    """Everything known about one paper (the abstract too, when arXiv metadata is cached)."""
    import textwrap

    from paperkit.reading.arxiv_source import cached_metadata, cached_pdf
    from paperkit.ids import ArxivId, is_arxiv_id, parse_arxiv_id

    entry = Library.load(require_workspace()).require(paper_id)
    metadata = pdf = None
    if is_arxiv_id(entry.id):
        aid = parse_arxiv_id(entry.id)
        versioned = ArxivId(aid.base, entry.version)
        metadata = cached_metadata(versioned) or cached_metadata(aid)
        pdf = cached_pdf(versioned) or cached_pdf(aid)
    rows = [
        ("id", entry.id + (f" (v{entry.version})" if entry.version else "")),
        ("title", entry.title),
        ("authors", ", ".join(entry.authors)),
        ("year", str(entry.year or "")),
        ("venue", entry.venue or ""),
        ("doi", entry.doi or ""),
        ("url", entry.url or ""),
        ("citekey", entry.citekey or ""),
        ("categories", ", ".join(entry.categories)),
        ("status", entry.status),
        ("tags", ", ".join(entry.tags)),
        ("code", entry.code or ""),
        ("reproduction", entry.reproduction or ""),
        ("added", entry.added.isoformat() if entry.added else ""),
    ]
    if metadata is not None:
        rows += [("journal", metadata.journal_ref or ""), ("doi", "" if entry.doi else metadata.doi or ""), ("comment", metadata.comment or "")]
    if entry.pdf:
        rows.append(("pdf", entry.pdf + ("" if Path(entry.pdf).is_file() else " (not found)")))
    elif is_arxiv_id(entry.id):
        rows.append(("pdf", str(pdf) if pdf else "not cached (`paperkit fetch` downloads it)"))
    for name, value in rows:
        if value:
            click.echo(f"{name:>12}: {value}")
    if metadata is not None and metadata.abstract:
        click.echo("")
        click.echo(textwrap.fill(metadata.abstract, width=88))


@papers.command()
@click.argument("paper_id", metavar="ID")
def remove(paper_id: str) -> None:
    """Take a paper off the list (its notes and reviews stay on disk)."""
    with Library.edit(require_workspace()) as lib:
        entry = lib.remove(paper_id)
    click.echo(f"removed {_describe(entry)}")


@papers.command()
@click.argument("paper_id", metavar="ID")
@click.argument("tags", nargs=-1, required=True, metavar="TAG...")
@click.option("--remove", "remove_", is_flag=True, help="Remove these tags instead of adding them.")
def tag(paper_id: str, tags: tuple[str, ...], remove_: bool) -> None:
    """Add (or with --remove, drop) tags of a paper."""
    with Library.edit(require_workspace()) as lib:
        current = lib.require(paper_id).tags
        if remove_:
            new = tuple(t for t in current if t not in tags)
        else:
            new = tuple(dict.fromkeys(current + tags))
        entry = lib.update(paper_id, tags=list(new))
    click.echo(f"{entry.id}: tags {', '.join(entry.tags) or '(none)'}")


@papers.command()
@click.argument("paper_id", metavar="ID")
@click.argument("new_status", metavar="STATUS", type=click.Choice(STATUSES))
def status(paper_id: str, new_status: str) -> None:
    """Set a paper's reading status (to-read, pass-1, pass-2, pass-3, reviewed)."""
    with Library.edit(require_workspace()) as lib:
        entry = lib.update(paper_id, status=new_status)
    click.echo(f"{entry.id}: {entry.status}")


@papers.command()
@click.argument("ids", nargs=-1, metavar="[ID...]")
@click.option("--out", "out", type=click.Path(dir_okay=False), help="Write to FILE instead of printing.")
@click.option("--force", is_flag=True, help="Replace FILE if it exists (your edits in it are lost).")
def bibtex(ids: tuple[str, ...], out: str | None, force: bool) -> None:
    """BibTeX records for the given papers (default: all), with arXiv eprint fields."""
    from paperkit.reading.arxiv_source import cached_metadata
    from paperkit.library.bibtex import bibliography, incomplete
    from paperkit.files import atomic_write_text
    from paperkit.ids import is_arxiv_id, parse_arxiv_id

    if out and Path(out).exists() and not force:
        raise UsageError(f"{out} already exists", hint="pass --force to replace it, or choose another --out")
    lib = Library.load(require_workspace())
    entries = [lib.require(i) for i in ids] if ids else lib.entries()
    # Cached metadata adds DOI and journal; bibtex never asks the network.
    metadata = {}
    for entry in entries:
        if is_arxiv_id(entry.id):
            found = cached_metadata(parse_arxiv_id(entry.id))
            if found is not None:
                metadata[entry.id] = found
    for entry in incomplete(entries):
        missing = " and ".join(name for name, value in (("title", entry.title), ("authors", entry.authors)) if not value)
        click.echo(
            f"paperkit: warning: {entry.id} has no {missing} (added offline?); "
            + (f"`paperkit papers add {entry.id}` online fills them in" if is_arxiv_id(entry.id) else f"add them to papers.toml"),
            err=True,
        )
    text = bibliography(entries, metadata)
    if out:
        atomic_write_text(out, text)
        click.echo(f"wrote {len(entries)} records to {out}")
    else:
        click.echo(text, nl=False)


@papers.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="Tag every imported paper (repeatable).")
@click.option("--status", type=click.Choice(STATUSES), default="to-read", show_default=True, help="Status of new papers.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the summary and the skipped entries.")
def import_(file: Path, tags: tuple[str, ...], status: str, quiet: bool) -> None:
    """Import a BibTeX/biblatex (.bib) or CSL-JSON file from Zotero, JabRef, Google Scholar or arXiv.

    Papers with an arXiv id become arXiv entries, others local entries keyed by their citation
    key. Duplicates (same arXiv id, DOI, or title and year) are merged, never doubled, so
    importing the same file again changes nothing. Never uses the network.
    """
    from paperkit.library.importing import import_file

    workspace = require_workspace()
    report = import_file(workspace, file, tags=tags, status=status)
    for where, reason in report.skipped:
        click.echo(f"{where}: skipped {reason}", err=True)
    if not quiet:
        for where, what in report.merged:
            click.echo(f"{where}: {what}")
    click.echo(report.summary(workspace.library_path.name))


def _describe(entry: LibraryEntry) -> str:
    title = entry.title or "(title unknown)"
    return f"{entry.id}  {title}" + (f" ({entry.year})" if entry.year else "")
