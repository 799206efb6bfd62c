"""`paperkit read`: open a paper in the three-pass reader.

Everything that can fail for a reason the reader can fix (no workspace, a bad id, arXiv out of
reach, a corrupt PDF) is checked before the app starts, so it is reported as one line on a
normal terminal rather than inside a full-screen app.
"""

from __future__ import annotations

import click

from paperkit.errors import NotFoundError, UsageError


def _workspace(demo: bool):
    from paperkit.cache import cache_dir
    from paperkit.workspace import find_workspace, init_workspace

    workspace = find_workspace()
    if workspace is not None:
        return workspace
    if demo:
        workspace = init_workspace(cache_dir() / "demo-workspace")
        click.echo(f"no workspace here: notes for the demo paper go to {workspace.root}", err=True)
        return workspace
    raise NotFoundError(
        "reading needs a workspace for your notes, and there is none here (no papers.toml in this folder or above)",
        hint="run `paperkit init` to make this folder one, or try `paperkit read --demo`",
    )


@click.command()
@click.argument("source", required=False)
@click.option("--demo", is_flag=True, help="Open the sample paper bundled with paperkit (no network needed).")
@click.option("--pdf", "pdf", type=click.Path(dir_okay=False), help="Read this local PDF for the arXiv id SOURCE.")
@click.option("--offline", is_flag=True, help="Use only the cache; never touch the network.")
@click.option("--password", help="Password of an encrypted PDF.")
@click.option("--light", is_flag=True, help="Start with the light theme (t toggles it in the app).")
@click.option(
    "--images", type=click.Choice(["auto", "ask", "off"]), default="auto", show_default=True,
    help="Draw figures in the terminal: auto asks terminals that name themselves as graphics-capable "
    "(kitty, WezTerm, foot, iTerm2...), ask asks any terminal, off always offers to open the PNG instead.",
)
def read(source: str | None, demo: bool, pdf: str | None, offline: bool, password: str | None, light: bool, images: str) -> None:
    """Read SOURCE (an arXiv id or a PDF path) in three passes.

    Pass 1 skims title, abstract, figures, conclusion and introduction; pass 2 reads section by
    section with the math folded; pass 3 goes over what was unclear, the claims and the code.
    Notes are saved as you type to notes/<id>/notes.md in the workspace; quitting and reopening
    resumes where you were. Press ? in the app for the keys.
    """
    if demo == bool(source):
        raise UsageError("give either a SOURCE (arXiv id or PDF path) or --demo", hint="e.g. `paperkit read 1603.08511`")
    workspace = _workspace(demo)

    from paperkit.reading.resolve import open_paper

    if demo:
        from paperkit.reading.demo import DEMO_PDF

        source = str(DEMO_PDF)
    paper = open_paper(source, pdf=pdf, password=password, offline=offline, progress=True)

    from functools import partial

    from paperkit.tui.app import ReaderApp
    from paperkit.tui.figures import render_figure_png, terminal_image_widget
    from paperkit.tui.session import ReadingSession, paper_id_for

    session = ReadingSession(paper, "demo" if demo else paper_id_for(paper, source), workspace)
    image_widget = terminal_image_widget(images)  # asks the terminal, so before the app takes it over
    ReaderApp(
        session,
        theme="paperkit-light" if light else "paperkit-dark",
        render_figure=partial(render_figure_png, password=password),
        image_widget=image_widget,
    ).run()
    click.echo(f"notes: {session.store.path}")
