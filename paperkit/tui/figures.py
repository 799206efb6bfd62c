"""Render a figure of the paper to PNG and hand it to the system's image viewer.

Both steps are side effects the app receives as functions, so tests never open a window.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from paperkit.errors import PaperkitError
from paperkit.paper import Figure, Paper


def render_figure_png(paper: Paper, figure: Figure, out_dir: Path) -> Path:
    if not paper.source:
        raise PaperkitError("this paper has no PDF on disk to render figures from")
    try:
        from paperkit.parse import render_figure
    except ImportError as exc:
        raise PaperkitError("figure rendering is not available in this installation") from exc
    out = out_dir / f"{figure.kind}-{figure.number.replace('/', '_')}.png"
    result = render_figure(paper.source, figure, out)
    return Path(result) if result else out


def open_with_system(path: Path) -> None:
    """Open `path` in the desktop's default viewer, detached from the terminal app."""
    if sys.platform.startswith("win"):
        os.startfile(path)  # type: ignore[attr-defined]
        return
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    try:
        subprocess.Popen([opener, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError as exc:
        raise PaperkitError(f"cannot open {path.name}: {exc}", hint=f"open {path} yourself") from exc
