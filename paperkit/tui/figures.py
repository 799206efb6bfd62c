"""Figures of the paper: render one to PNG, show it in the terminal when it can draw images, or open it.

Rendering, opening and the terminal's image support are side effects the app receives as
arguments, so tests never open a window or talk to a real terminal.

Terminal images come from the `textual-image` package, which asks the terminal what it can draw
(Sixel or Kitty's graphics protocol) when it is imported; that has to happen before Textual takes
the terminal over, and costs a round trip (up to 0.1 s per question on a terminal that does not
answer). So the terminal is only asked when it says it might draw images (`might_draw_images`),
or when the reader asks for it with `--images`. The package's other fallback, coloured half
blocks, is too coarse to read a plot's labels or a table, so such terminals get the PNG offer.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from paperkit.errors import PaperkitError
from paperkit.reading.paper import Figure, Paper

# Terminals that draw Sixel or Kitty graphics and say who they are in the environment.
_IMAGE_TERMINALS = {"WezTerm", "iTerm.app", "vscode", "ghostty", "mlterm", "contour", "konsole"}
_IMAGE_TERMS = ("xterm-kitty", "foot", "mlterm", "contour", "wezterm", "xterm-ghostty")


def figure_png_path(out_dir: Path, figure: Figure) -> Path:
    return out_dir / f"{figure.kind}-{figure.number.replace('/', '_')}.png"


def render_figure_png(paper: Paper, figure: Figure, out_dir: Path, *, password: str | None = None) -> Path:
    if not paper.source:
        raise PaperkitError("this paper has no PDF on disk to render figures from")
    try:
        from paperkit.reading.parse import render_figure
    except ImportError as exc:
        raise PaperkitError("figure rendering is not available in this installation") from exc
    out = figure_png_path(out_dir, figure)
    result = render_figure(paper.source, figure, out, password=password)
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


def might_draw_images(environ: Mapping[str, str]) -> bool:
    """Whether the terminal names itself as one that draws Sixel or Kitty graphics (no terminal query)."""
    term = environ.get("TERM", "")
    return (
        "KITTY_WINDOW_ID" in environ
        or "WEZTERM_PANE" in environ
        or environ.get("TERM_PROGRAM", "") in _IMAGE_TERMINALS
        or term.startswith(_IMAGE_TERMS)
    )


ImageWidget = Callable[[Path], object]


def terminal_image_widget(mode: str = "auto", environ: Mapping[str, str] | None = None) -> ImageWidget | None:
    """The widget class that draws a PNG in this terminal, or None (then the app offers to open the PNG).

    mode: "auto" asks the terminal only when it names itself as graphics-capable, "ask" always
    asks it, "off" never shows images. Must be called before the app starts.
    """
    environ = os.environ if environ is None else environ
    if mode == "off" or (mode == "auto" and not might_draw_images(environ)):
        return None
    if not (sys.__stdout__ and sys.__stdout__.isatty()):
        return None
    try:
        import textual_image.renderable as renderables
        import textual_image.widget as widgets
    except Exception:  # not installed, or the terminal query failed: images are an extra, reading goes on
        return None
    if renderables.Image in (renderables.SixelImage, renderables.TGPImage):
        return widgets.Image
    return None
