"""Comfort: every character on every screen meets WCAG AA contrast (4.5:1) in both themes, the text
keeps a readable width, and help and quit stay visible in a small terminal."""

from __future__ import annotations

import pytest

from paperkit.reading.notes import ReadingState
from paperkit.tui.app import THEMES
from paperkit.tui.clock import ManualClock
from paperkit.tui.themes import THEMES as THEME_OBJECTS
from paperkit.tui.widgets.paper_text import ParagraphText
from test_tui_app import make_app, run_async
from tui_support import PAPER_ID

AA = 4.5


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    def linear(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_matches_the_wcag_reference_values():
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((0x77, 0x77, 0x77), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert contrast((0xff, 0xaf, 0x00), (0xda, 0xda, 0xda)) < 1.5  # the old light theme's headings


@pytest.mark.parametrize("theme", THEME_OBJECTS, ids=lambda t: t.name)
def test_the_theme_colours_used_for_text_meet_aa(theme):
    from textual.color import Color

    colours = theme.to_color_system().generate()
    pairs = [("accent", "background"), ("accent", "surface"), ("footer-key-foreground", "panel"), ("foreground", "panel")]
    for fg, bg in pairs:
        ratio = contrast(Color.parse(colours[fg]).rgb, Color.parse(colours[bg]).rgb)
        assert ratio >= AA, (theme.name, fg, bg, round(ratio, 2))


def low_contrast_text(app) -> list[tuple[float, str]]:
    """(ratio, text) of every rendered run of text under 4.5:1: what the terminal will show.
    Box drawing and scrollbars are not text; under a dialog only the dialog is (the rest is dimmed on purpose)."""
    dialogs = app.screen.query(".dialog")
    region = dialogs.first().region if dialogs else None
    found = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        x = 0
        for segment in strip:
            start, x = x, x + segment.cell_length
            text, style = segment.text, segment.style
            if style is None or all(ch == " " or 0x2500 <= ord(ch) <= 0x259F for ch in text):
                continue
            if region is not None and not (region.y <= y < region.bottom and region.x <= start < region.right):
                continue
            fg, bg = (style.bgcolor, style.color) if style.reverse else (style.color, style.bgcolor)
            assert fg is not None and bg is not None and not style.dim, (text, str(style))
            ratio = contrast(fg.get_truecolor(), bg.get_truecolor())
            if ratio < AA:
                found.append((round(ratio, 2), text.strip()))
    return found


async def _search(pilot) -> None:
    await pilot.press("slash")
    pilot.app.screen.query_one("#search").value = "every metric"
    await pilot.press("enter")


SCENES = {
    "pass 1 title": (ReadingState(current_pass=1), ()),
    "pass 1 figures": (ReadingState(current_pass=1, pass1_step=3), ()),
    "pass 1 headings": (ReadingState(current_pass=1, pass1_step=2), ()),
    "pass 1 references": (ReadingState(current_pass=1, pass1_step=6), ()),
    "citation card": (ReadingState(current_pass=1, pass1_step=6), ("enter",)),
    "pass 1 in a field": (ReadingState(current_pass=1), ("f",)),
    "pass 1 over budget": (ReadingState(current_pass=1, seconds={"1": 900.0}), ()),
    "pass 1 confirm": (ReadingState(current_pass=1), ("s",)),
    "pass 2 search": (ReadingState(current_pass=2), _search),
    "pass 2 math focused": (ReadingState(current_pass=2, section=1), ()),
    "pass 2 passage selected": (ReadingState(current_pass=2), ("v", "shift+down")),
    "pass 3": (ReadingState(current_pass=3), ()),
    "outline": (ReadingState(current_pass=2), ("g",)),
    "help": (ReadingState(current_pass=1), ("question_mark",)),
}


@pytest.mark.parametrize("scene", SCENES)
@pytest.mark.parametrize("theme", THEMES)
@run_async
async def test_all_text_meets_wcag_aa(workspace, theme, scene):
    state, keys = SCENES[scene]
    state.save(workspace.notes_dir(PAPER_ID))
    app = make_app(workspace, theme=theme)
    app.session.add_claim("a claim", "§ 2")
    app.session.add_not_understood("a passage", "§ 2")
    async with app.run_test(size=(100, 30)) as pilot:
        await app.screen.ensure_side()
        if callable(keys):
            await keys(pilot)
        else:
            await pilot.press(*keys)
        if scene == "pass 2 math focused":
            app.screen.query_one("MathFold").focus()
        await pilot.pause()
        assert low_contrast_text(app) == []


@run_async
async def test_the_text_keeps_about_100_columns_centred_in_a_wide_terminal(workspace):
    ReadingState(current_pass=2).save(workspace.notes_dir(PAPER_ID))
    app = make_app(workspace)
    async with app.run_test(size=(250, 50)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one("#reading").content_region
        for paragraph in app.screen.query(ParagraphText):
            region = paragraph.region
            assert region.width <= 100
            assert abs((region.x - pane.x) - (pane.right - region.right)) <= 1  # centred
