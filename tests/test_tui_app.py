"""The reader app driven through Textual's Pilot: a whole reading, resuming, conflicts, figures."""

from __future__ import annotations

import asyncio
import functools
from pathlib import Path

import pytest
from textual import events

from paperkit.reading.notes import Notes, ReadingState
from paperkit.tui.app import ReaderApp
from paperkit.tui.clock import ManualClock
from paperkit.tui.screens.figure import FigureScreen
from paperkit.tui.screens.pass1 import Pass1Screen
from paperkit.tui.screens.pass2 import Pass2Screen
from paperkit.tui.screens.pass3 import Pass3Screen
from paperkit.tui.session import ReadingSession
from paperkit.tui.widgets.paper_text import MathFold, PaperText
from tui_support import PAPER_ID, make_paper, make_pdf

SIZE = (100, 30)


def run_async(test):
    """Run an async test on a fresh event loop (no async pytest plugin is needed)."""

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper


def make_app(workspace, clock=None, paper=None, **kwargs) -> ReaderApp:
    session = ReadingSession(paper or make_paper(), PAPER_ID, workspace, clock=clock or ManualClock())
    opened = []
    kwargs.setdefault("tick_s", 3600.0)  # the manual clock does not move anyway; tests tick by hand
    app = ReaderApp(session, opener=opened.append, **kwargs)
    app.opened = opened  # type: ignore[attr-defined]
    return app


def notes_text(workspace) -> str:
    return (workspace.notes_dir(PAPER_ID) / "notes.md").read_text(encoding="utf-8")


async def type_text(pilot, text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def paste(pilot, text: str) -> None:
    """Enter text as a terminal paste does: one event (Pilot waits for the app after every key, so
    typing each character costs far more test time than the app's handling of it)."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


@pytest.mark.slow  # three passes, three drafts and library edits through the Pilot: seconds on a busy machine
@run_async
async def test_a_whole_reading_from_pass_one_to_the_summary(workspace):
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        # Pass 1: the five parts in order, then the five Cs and the decision.
        assert isinstance(app.screen, Pass1Screen)
        seen = []
        for _ in range(7):
            seen.append(app.screen.header.where)
            await pilot.press("n")
        assert seen == ["1/7 Title", "2/7 Abstract", "3/7 Section headings", "4/7 Figures and tables",
                        "5/7 Conclusion", "6/7 Introduction", "7/7 References"]
        await pilot.press("f")
        await paste(pilot, "new method")
        await pilot.press("tab")
        await paste(pilot, "regression")
        await pilot.press("escape", "c", "y")
        await pilot.pause()

        # Pass 2: key points, a passage not understood, a claim, a cited paper, the math folded.
        assert isinstance(app.screen, Pass2Screen)
        assert "§ 1 Introduction" in app.screen.header.where
        await pilot.press("k")
        await paste(pilot, "rebalancing")
        await pilot.press("escape", "u")
        await paste(pilot, "why smoothing")
        await pilot.press("enter")
        await pilot.press("m")
        await paste(pilot, "32 % fooled")
        await pilot.press("tab")
        await paste(pilot, "a test")
        await pilot.press("enter")
        await pilot.press("n")
        await pilot.pause()
        assert "§ 2 Part 2" in app.screen.header.where
        fold = app.screen.query_one(MathFold)
        assert not fold.expanded and "math skipped" in str(fold.render())
        await pilot.press("e")
        assert fold.expanded
        await pilot.press("r")
        await paste(pilot, "proxy")
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitationScreen"
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("c", "y")
        await pilot.pause()

        # Pass 3: the marks are listed, a critical question answered, the pass finished.
        assert isinstance(app.screen, Pass3Screen)
        listed = str(app.screen.query_one("#not-understood").get_option_at_index(0).prompt)
        assert listed == "why smoothing (§ 1)"
        await pilot.press("f")
        await paste(pilot, "prior transfers")
        await pilot.press("escape", "c", "y")
        await pilot.pause()
        await pilot.press("q")

    text = notes_text(workspace)
    notes = Notes.parse(text)
    assert notes.five_cs == {"category": "new method", "context": "regression"}
    assert notes.decision == "continue"
    assert notes.sections["§ 1 Introduction"] == "rebalancing"
    assert "### Not understood\n\n- why smoothing (§ 1)\n" in text
    assert "### Claims\n\n- 32 % fooled on a test (§ 1)\n" in text
    assert notes.see_also == ["1703.04044 — Colorization as a proxy task"]
    assert notes.critical == {"assumptions": "prior transfers"}
    state = ReadingState.load(workspace.notes_dir(PAPER_ID))
    assert state.finished == [1, 2, 3] and state.current_pass == 3
    summaries = list(workspace.reviews_dir(PAPER_ID).glob("summary*.md"))
    assert summaries and "new method" in summaries[0].read_text(encoding="utf-8")
    from paperkit.library.store import Library

    library = Library.load(workspace)
    assert library.get(PAPER_ID).status == "pass-3"
    assert library.get("1703.04044").status == "to-read"  # the cited paper, added from pass 2


@run_async
async def test_stopping_after_pass_one_is_recorded(workspace):
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s", "y")
        await pilot.pause()
        assert isinstance(app.screen, Pass1Screen)
        assert "good outcome" in str(app.screen.query_one("#decision").render())
    assert Notes.parse(notes_text(workspace)).decision == "stop"
    assert ReadingState.load(workspace.notes_dir(PAPER_ID)).finished == [1]


@run_async
async def test_quitting_and_reopening_resumes_at_the_same_section_and_scroll(workspace):
    app = make_app(workspace, paper=make_paper(pages=20))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "n", "n", "n")
        await pilot.pause()
        reading = app.screen.query_one(PaperText)
        reading.scroll_to(y=6, animate=False)
        await pilot.pause()
        where = app.screen.header.where
        await pilot.press("q")
    state = ReadingState.load(workspace.notes_dir(PAPER_ID))
    assert (state.current_pass, state.section, state.scroll) == (2, 3, 6.0)

    again = make_app(workspace, paper=make_paper(pages=20))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(again.screen, Pass2Screen)
        assert again.screen.header.where == where
        assert again.screen.query_one(PaperText).scroll_y == 6


@run_async
async def test_notes_save_themselves_shortly_after_typing(workspace):
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await type_text(pilot, "an analysis")
        await pilot.pause(0.8)  # longer than the autosave delay; no explicit save
        assert "- **Category:** an analysis" in notes_text(workspace)


@run_async
async def test_a_file_changed_on_disk_is_kept_as_a_conflict_copy(workspace):
    app = make_app(workspace)
    notified = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **kw: notified.append(message)  # type: ignore[method-assign]
        await pilot.press("f")
        await type_text(pilot, "method")
        app.save_now()
        path = workspace.notes_dir(PAPER_ID) / "notes.md"
        path.write_text(path.read_text(encoding="utf-8") + "\n## Added in my editor\n\nkeep me\n", encoding="utf-8")
        await type_text(pilot, " paper")
        app.save_now()
    copies = list(workspace.notes_dir(PAPER_ID).glob("notes.conflict-*.md"))
    assert len(copies) == 1 and "keep me" in copies[0].read_text(encoding="utf-8")
    assert "- **Category:** method paper" in notes_text(workspace)
    assert any(copies[0].name in m for m in notified)


@run_async
async def test_time_spent_is_shown_against_the_budget(workspace):
    clock = ManualClock()
    app = make_app(workspace, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(25):  # 25 ticks of 25 s: over pass 1's ten minutes
            clock.advance(25)
            app._tick()
        await pilot.pause()
        header = app.screen.header
        assert "10:25 of 5–10 min" in str(header.render())
        assert header.has_class("-over-budget")


def fake_render(rendered: list[str]):
    def render(paper, figure, out_dir):
        rendered.append(figure.label)
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / "fig.png"
        path.write_bytes(b"\x89PNG\r\n\x1a\n")
        return path

    return render


async def choose_second_figure(app, pilot) -> None:
    await pilot.press("n", "n", "n")
    app.screen.query_one("#figures").focus()
    await pilot.press("down", "enter")
    await app.workers.wait_for_complete()  # rendering runs in a worker thread
    await pilot.pause()


@run_async
async def test_a_terminal_without_images_is_offered_the_png(workspace):
    rendered = []
    app = make_app(workspace, render_figure=fake_render(rendered))  # no image widget: the terminal cannot draw
    async with app.run_test(size=SIZE) as pilot:
        await choose_second_figure(app, pilot)
        assert isinstance(app.screen, FigureScreen)
        assert not app.screen.query("#figure-image")
        offer = str(app.screen.query_one("#figure-offer").render())
        assert "cannot draw images" in offer and "fig.png" in offer
        await pilot.press("o")
        await pilot.press("escape")
        assert isinstance(app.screen, Pass1Screen)
    assert rendered == ["Fig. 2"]
    assert [p.name for p in app.opened] == ["fig.png"]  # type: ignore[attr-defined]


@run_async
async def test_a_terminal_with_images_draws_the_rendered_figure(workspace, tmp_path):
    from textual_image.widget import HalfcellImage  # stands in for the Sixel/Kitty widget: needs no real terminal

    pdf = tmp_path / "paper.pdf"
    make_pdf(pdf, pages=5)
    app = make_app(workspace, paper=make_paper(source=str(pdf)), image_widget=HalfcellImage)
    async with app.run_test(size=SIZE) as pilot:
        await choose_second_figure(app, pilot)
        assert isinstance(app.screen, FigureScreen)
        image = app.screen.query_one("#figure-image", HalfcellImage)
        png = workspace.reviews_dir(PAPER_ID) / "figures" / "figure-2.png"
        assert Path(image.image) == png and png.read_bytes().startswith(b"\x89PNG")
        assert not app.screen.query("#figure-offer")
        await pilot.press("o")
    assert app.opened == [png]  # type: ignore[attr-defined]


@run_async
async def test_a_figure_that_fails_to_render_is_a_warning_not_a_crash(workspace):
    app = make_app(workspace)  # the generated paper has no PDF on disk
    notified = []
    async with app.run_test(size=SIZE) as pilot:
        app.notify = lambda message, **kw: notified.append(message)  # type: ignore[method-assign]
        await choose_second_figure(app, pilot)
        assert isinstance(app.screen, Pass1Screen)
    assert notified and "no PDF on disk" in notified[0]


@run_async
async def test_help_and_theme_toggle(workspace):
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape", "t")
        assert app.theme == "paperkit-light" and isinstance(app.screen, Pass1Screen)


@pytest.mark.parametrize("size", [(80, 24), (160, 50)])
@run_async
async def test_every_pass_fits_small_and_large_terminals(workspace, size):
    app = make_app(workspace)
    async with app.run_test(size=size) as pilot:
        for key in ("1", "2", "3"):
            await pilot.press(key)
            await pilot.pause()
            footer = app.screen.query_one("#footer-row")
            assert footer.region.bottom == size[1] and app.screen.query_one("#reading").region.width >= 40
