"""Find the reproduction plugin for a paper, so pass 3 can offer `paperkit reproduce <name> --overfit`."""

from __future__ import annotations

from paperkit.errors import PaperkitError
from paperkit.ids import is_arxiv_id, parse_arxiv_id
from paperkit.workspace import Workspace


def overfit_command(name: str) -> str:
    return f"paperkit reproduce {name} --overfit"


def reproduction_for(paper_id: str, workspace: Workspace | None = None) -> str | None:
    """The plugin whose `papers` include this paper (any version), from the registry (no torch import)."""
    from paperkit.training import registry

    if not is_arxiv_id(paper_id):
        return None
    base = parse_arxiv_id(paper_id).base
    try:
        found = registry.discover(workspace.reproductions_dir if workspace is not None else None)
    except PaperkitError:  # e.g. two plugin folders with one name: the reader still opens, without the hint
        return None
    for info in found.plugins.values():
        if any(is_arxiv_id(p) and parse_arxiv_id(p).base == base for p in info.papers):
            return info.name
    return None
