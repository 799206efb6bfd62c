"""Figures: the PNG a figure renders to, and when the reader asks the terminal whether it draws images."""

from __future__ import annotations

import pytest

from paperkit.errors import PaperkitError
from paperkit.reading.paper import Figure
from paperkit.tui import figures
from tui_support import make_paper, make_pdf


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"TERM": "xterm-kitty"}, True),
        ({"TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"}, True),
        ({"TERM": "xterm-256color", "TERM_PROGRAM": "WezTerm"}, True),
        ({"TERM": "foot"}, True),
        ({"TERM": "xterm-256color"}, False),
        ({"TERM": "screen-256color", "TERM_PROGRAM": "tmux"}, False),
        ({}, False),
    ],
)
def test_terminals_that_name_themselves_as_drawing_images(environ, expected):
    assert figures.might_draw_images(environ) is expected


class _Tty:
    def isatty(self) -> bool:
        return True


def _fake_textual_image(monkeypatch, protocol: str):
    """textual-image as imported on a terminal that answered `protocol` (importing the real one asks the terminal)."""
    import sys
    import types

    renderable = types.SimpleNamespace(SixelImage="sixel", TGPImage="tgp", HalfcellImage="halfcell", Image=protocol)
    widget = types.SimpleNamespace(Image=f"{protocol}-widget")
    package = types.SimpleNamespace(renderable=renderable, widget=widget)
    for name, module in (("textual_image", package), ("textual_image.renderable", renderable), ("textual_image.widget", widget)):
        monkeypatch.setitem(sys.modules, name, module)
    monkeypatch.setattr(figures.sys, "__stdout__", _Tty())


def test_the_terminal_is_asked_only_when_it_might_draw_images(monkeypatch):
    _fake_textual_image(monkeypatch, "sixel")
    assert figures.terminal_image_widget("auto", {"TERM": "xterm-kitty"}) == "sixel-widget"
    assert figures.terminal_image_widget("auto", {"TERM": "xterm-256color"}) is None  # not asked
    assert figures.terminal_image_widget("ask", {"TERM": "xterm-256color"}) == "sixel-widget"
    assert figures.terminal_image_widget("off", {"TERM": "xterm-kitty"}) is None


def test_half_block_pictures_are_not_taken_for_image_support(monkeypatch):
    _fake_textual_image(monkeypatch, "halfcell")
    assert figures.terminal_image_widget("ask", {"TERM": "xterm-kitty"}) is None


def test_no_terminal_on_stdout_draws_no_images(monkeypatch):
    _fake_textual_image(monkeypatch, "tgp")
    monkeypatch.setattr(figures.sys, "__stdout__", None)
    assert figures.terminal_image_widget("ask", {"TERM": "xterm-kitty"}) is None


def test_a_figure_renders_to_a_png_named_after_it(tmp_path):
    pdf = make_pdf(tmp_path / "paper.pdf", pages=3)
    paper = make_paper(source=str(pdf))
    png = figures.render_figure_png(paper, Figure("table", "2", "boxes", 3), tmp_path / "out")
    assert png == tmp_path / "out" / "table-2.png" and png.read_bytes().startswith(b"\x89PNG")


def test_an_encrypted_pdf_needs_its_password_to_render(tmp_path):
    pdf = make_pdf(tmp_path / "locked.pdf", pages=1, password="pw")
    paper = make_paper(source=str(pdf))
    figure = Figure("figure", "1", "a box", 1)
    with pytest.raises(PaperkitError):
        figures.render_figure_png(paper, figure, tmp_path / "out")
    assert figures.render_figure_png(paper, figure, tmp_path / "out", password="pw").exists()


def _formula(**overrides) -> "Paragraph":
    from paperkit.reading.paper import Paragraph

    fields = dict(text="L = \ufffd x", page=1, math=True, equation="3", bbox=(50.0, 200.0, 250.0, 230.0), render_as_image=True)
    fields.update(overrides)
    return Paragraph(**fields)


def test_a_formula_region_is_shown_like_a_figure_and_renders_its_box(tmp_path):
    import pymupdf

    from paperkit.reading.paper import formula_region

    region = formula_region(_formula())
    assert (region.kind, region.number, region.label, region.bbox) == ("equation", "3", "Eq. (3)", (50.0, 200.0, 250.0, 230.0))
    assert formula_region(_formula(equation=None)).label == "Formula on p. 1"
    assert formula_region(_formula(render_as_image=False)) is None  # text that reads as text stays text
    assert formula_region(_formula(bbox=None)) is None
    pdf = make_pdf(tmp_path / "paper.pdf", pages=1)
    png = figures.render_figure_png(make_paper(source=str(pdf)), region, tmp_path / "out")
    assert png.name == "equation-3.png"
    pix = pymupdf.Pixmap(str(png))
    assert (pix.width, pix.height) == (2 * (200 + 8), 2 * (30 + 8))  # the box and a 4 pt margin, at zoom 2


def test_the_reader_offers_the_pdf_region_for_a_formula_and_shows_it_on_enter():
    import asyncio

    from textual.app import App

    from paperkit.reading.paper import Paragraph
    from paperkit.tui.widgets.paper_text import PaperText, ParagraphText, PdfRegion, part_widgets

    shown = []

    class Host(App):
        def compose(self):
            yield PaperText()

        def show_figure(self, figure):
            shown.append(figure)

    async def run():
        app = Host()
        async with app.run_test(size=(100, 20)) as pilot:
            widgets = part_widgets("Method", (Paragraph("Plain prose stays text.", 1), _formula()), fold_math=True)
            await app.query_one(PaperText).show(widgets)
            await pilot.pause()
            region = app.query_one(PdfRegion)
            assert "Eq. (3)" in str(region.render()) and "\ufffd" not in str(region.render())
            assert [str(w.render()) for w in app.query(ParagraphText)] == ["Plain prose stays text."]
            region.focus()
            await pilot.press("enter")
        assert [(f.kind, f.number, f.page) for f in shown] == [("equation", "3", 1)]

    asyncio.run(run())
