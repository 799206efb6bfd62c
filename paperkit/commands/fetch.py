"""`paperkit fetch`: download arXiv metadata and PDFs into the cache for offline reading."""

from __future__ import annotations

import sys

import click

from paperkit.errors import PaperkitError, UsageError


@click.command()
@click.argument("ids", nargs=-1, metavar="[ID...]")
@click.option("--offline", is_flag=True, help="Only check that everything is cached; never use the network.")
def fetch(ids: tuple[str, ...], offline: bool) -> None:
    """Fetch metadata and PDF of each ID (default: every arXiv paper in the workspace's papers.toml).

    One line per paper; papers that fail do not stop the others, and the exit status is
    non-zero if any failed. Requests are spaced 3 s apart, as arXiv asks.
    """
    from paperkit.reading.arxiv_source import fetch_metadata, fetch_pdf, make_client
    from paperkit.ids import parse_arxiv_id

    if not ids:
        ids = tuple(_library_ids())
        if not ids:
            raise UsageError("nothing to fetch: the library has no arXiv papers", hint="give ids: `paperkit fetch 1603.08511`")
    aids = list(dict.fromkeys(parse_arxiv_id(text) for text in ids))  # a typo stops everything before any request
    client = None if offline else make_client()
    progress = sys.stderr.isatty()
    failed = 0
    for aid in aids:
        try:
            metadata = fetch_metadata(aid, offline=offline, client=client)
            pdf = fetch_pdf(aid, offline=offline, progress=progress, client=client)
        except PaperkitError as exc:
            failed += 1
            click.echo(f"failed  {aid}: {exc}")
            continue
        size = pdf.stat().st_size / 1e6
        click.echo(f"ok      {aid}  {metadata.title} ({size:.1f} MB PDF)")
    if failed:
        raise PaperkitError(f"{failed} of {len(aids)} papers could not be fetched", hint="see the lines above")


def _library_ids() -> list[str]:
    from paperkit.ids import is_arxiv_id
    from paperkit.library.store import Library
    from paperkit.workspace import find_workspace

    workspace = find_workspace()
    if workspace is None:
        raise UsageError("no ids given and no workspace here", hint="give arXiv ids, or run it inside a workspace")
    return [e.id if e.version is None else f"{e.id}v{e.version}" for e in Library.load(workspace).entries() if is_arxiv_id(e.id)]
