from __future__ import annotations

import sys

import click

from paperkit.workspace import init_workspace


def _interactive() -> bool:
    return sys.stdin.isatty()


@click.command()
@click.argument("path", default=".", type=click.Path(file_okay=False))
@click.option(
    "--git/--no-git",
    "use_git",
    default=None,
    help="Make the workspace a git repository, so sheets can be submitted (asked when interactive; default: no).",
)
def init(path: str, use_git: bool | None) -> None:
    """Make PATH (default: here) a workspace: papers.toml, a .gitignore and, if wanted, a git repository."""
    from paperkit.vcs import init_repository, repository_root

    workspace = init_workspace(path)
    click.echo(f"workspace ready: {workspace.library_path}")
    existing = repository_root(workspace.root)
    if existing is not None:
        click.echo(f"inside the git repository {existing}")
        return
    if use_git is None and _interactive():
        use_git = click.confirm("Make it a git repository (needed to submit sheets)?", default=True)
    if use_git:
        click.echo(f"git repository created: {init_repository(workspace.root)}")
    else:
        click.echo("not a git repository: `paperkit init --git` (or `git init`) makes it one before you submit sheets")
