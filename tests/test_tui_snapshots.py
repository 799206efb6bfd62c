"""SVG snapshots of each pass screen at 80x24 (baselines in tests/__snapshots__/, made with --snapshot-update).

Rendering is made deterministic: a clock that does not move, a fixed theme, a generated paper, and
the side panel (mounted just after the first frame) waited for.
"""

from __future__ import annotations

from paperkit.reading.notes import ReadingState
from paperkit.tui.app import ReaderApp
from paperkit.tui.clock import ManualClock
from paperkit.tui.session import ReadingSession
from tui_support import PAPER_ID, make_paper

SIZE = (80, 24)


def app_at(workspace, state: ReadingState, prepare=None, theme: str = "paperkit-dark", paper=None) -> ReaderApp:
    state.save(workspace.notes_dir(PAPER_ID))
    session = ReadingSession(paper or make_paper(), PAPER_ID, workspace, clock=ManualClock())
    if prepare:
        prepare(session)
        session.save()
    return ReaderApp(session, theme=theme, opener=lambda path: None)


async def side_mounted(pilot) -> None:
    await pilot.app.screen.ensure_side()


def test_pass1_title(workspace, snap_compare):
    app = app_at(workspace, ReadingState(current_pass=1, seconds={"1": 125.0}))
    assert snap_compare(app, terminal_size=SIZE, run_before=side_mounted)


def test_pass1_light_theme_with_a_multi_line_answer(workspace, snap_compare):
    def answers(session):
        session.set_five_c("category", "A new method:\nclassification over colour bins")

    app = app_at(workspace, ReadingState(current_pass=1, pass1_step=1), answers, theme="paperkit-light")
    assert snap_compare(app, terminal_size=SIZE, run_before=side_mounted)


def test_pass1_figures(workspace, snap_compare):
    assert snap_compare(app_at(workspace, ReadingState(current_pass=1, pass1_step=3)), terminal_size=SIZE, run_before=side_mounted)


def test_pass2_section_with_folded_math(workspace, snap_compare):
    def marks(session):
        session.add_claim("beats regression on ImageNet", "§ 2")
        session.set_section_notes(session.pass2_sections[1], "Loss = rebalanced cross-entropy")

    state = ReadingState(current_pass=2, section=1, seconds={"1": 400.0, "2": 754.0})
    assert snap_compare(app_at(workspace, state, marks), terminal_size=SIZE, run_before=side_mounted)


async def code_looked_up(pilot) -> None:
    await side_mounted(pilot)
    await pilot.app.workers.wait_for_complete()  # the code link and plugin lookup run in a worker
    await pilot.pause()


def test_pass3_marks_and_questions(workspace, snap_compare):
    def marks(session):
        session.add_not_understood("why the prior is smoothed", "§ 2.1")
        session.add_claim("fools people in 32 % of trials", "§ 3, Table 1")
        session.set_critical("baselines", "no GAN baseline")

    assert snap_compare(app_at(workspace, ReadingState(current_pass=3), marks), terminal_size=SIZE, run_before=code_looked_up)


def test_help(workspace, snap_compare):
    assert snap_compare(app_at(workspace, ReadingState()), press=["question_mark"], terminal_size=SIZE, run_before=side_mounted)


async def searched(pilot) -> None:
    await side_mounted(pilot)
    await pilot.press("slash")
    pilot.app.screen.query_one("#search").value = "every metric"
    await pilot.press("enter")
    await pilot.pause()


def test_pass2_search_hits_highlighted(workspace, snap_compare):
    app = app_at(workspace, ReadingState(current_pass=2))
    assert snap_compare(app, terminal_size=SIZE, run_before=searched)


def test_outline(workspace, snap_compare):
    app = app_at(workspace, ReadingState(current_pass=2, section=2))
    assert snap_compare(app, press=["g"], terminal_size=SIZE, run_before=side_mounted)


def test_pass2_passage_selected_with_the_keys(workspace, snap_compare):
    app = app_at(workspace, ReadingState(current_pass=2))
    assert snap_compare(app, press=["v", "down", "shift+down"], terminal_size=SIZE, run_before=side_mounted)


def _in_library(workspace) -> None:
    (workspace.root / "papers.toml").write_text('[papers."1603.06668"]\ntitle = "Learning representations"\nstatus = "pass-2"\n', encoding="utf-8")


def test_pass1_references_with_the_library_ticked(workspace, snap_compare):
    _in_library(workspace)
    app = app_at(workspace, ReadingState(current_pass=1, pass1_step=6))
    assert snap_compare(app, terminal_size=SIZE, run_before=side_mounted)


def test_citation_card(workspace, snap_compare):
    _in_library(workspace)
    app = app_at(workspace, ReadingState(current_pass=1, pass1_step=6))
    assert snap_compare(app, press=["down", "down", "enter"], terminal_size=SIZE, run_before=side_mounted)


def test_pass2_line_numbers_footnotes_and_the_sections_figures(workspace, snap_compare):
    from test_tui_pass2 import numbered_paper

    app = app_at(workspace, ReadingState(current_pass=2), paper=numbered_paper())
    assert snap_compare(app, press=["end"], terminal_size=SIZE, run_before=side_mounted)
