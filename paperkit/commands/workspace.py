from __future__ import annotations

import click

from paperkit.workspace import init_workspace


@click.command()
@click.argument("path", default=".", type=click.Path(file_okay=False))
def init(path: str) -> None:
    """Make PATH (default: here) a workspace: creates papers.toml if there is none."""
    workspace = init_workspace(path)
    click.echo(f"workspace ready: {workspace.library_path}")
