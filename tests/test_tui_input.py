"""Input that never goes astray: bursts keep their order across focus changes, fields keep their
letters, tab stays inside the side panel, decisions ask first, lists on screen take the keys."""

from __future__ import annotations

import sys

import pytest
from textual import events

from paperkit.reading.notes import Notes, ReadingState
from paperkit.tui.screens.confirm import ConfirmScreen
from paperkit.tui.screens.pass1 import Pass1Screen
from paperkit.tui.screens.pass2 import Pass2Screen
from test_tui_app import SIZE, make_app, notes_text, run_async
from tui_support import PAPER_ID

KEY_NAMES = {"\t": "tab", " ": "space", "\x1b": "escape", "\n": "enter"}


async def burst(pilot, typed: str) -> None:
    """Keys as a fast typist (or a loaded machine) delivers them: all queued before the app handles any."""
    for char in typed:
        pilot.app.post_message(events.Key(KEY_NAMES.get(char, char), None if char == "\x1b" else char))
    for _ in range(6):
        await pilot.pause()


@run_async
async def test_a_burst_across_fields_lands_in_the_fields_in_order(workspace):
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "fAAA\tBBB\tCCC")
        assert app.session.notes.five_cs == {"category": "AAA", "context": "BBB", "correctness": "CCC"}


@run_async
async def test_letters_typed_right_after_a_command_reach_the_field_it_opened(workspace):
    app = make_app(workspace, paper=None)
    async with app.run_test(size=SIZE) as pilot:
        await burst(pilot, "2kwns")  # pass 2, key points, then letters that are also commands
        assert isinstance(app.screen, Pass2Screen)
        assert app.session.section_notes(app.session.pass2_sections[0]) == "wns"
        assert app.session.state.section == 0 and not (workspace.reviews_dir(PAPER_ID)).exists()


@run_async
async def test_tab_cycles_inside_the_answer_panel_and_never_falls_out(workspace):
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        fields = app.screen._side_fields()
        assert len(fields) > 5
        for _ in range(len(fields)):
            await pilot.press("tab")
        assert app.focused is fields[0]  # round the panel and back to the first question
        await pilot.press("shift+tab")
        assert app.focused is fields[-1]
        await burst(pilot, "s\tw")  # letters after tabbing past the last field are still text
        assert app.session.notes.decision is None
        assert app.session.notes.five_cs.get("category") == "w" and app.session.notes.pass1 == "s"
        assert not isinstance(app.screen, ConfirmScreen)


@run_async
async def test_stop_asks_first_and_no_keeps_reading(workspace):
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, Pass1Screen) and app.session.notes.decision is None
        await pilot.press("s", "y")
        await pilot.pause()
    assert Notes.parse(notes_text(workspace)).decision == "stop"


@run_async
async def test_the_figure_list_takes_arrows_and_enter_when_its_part_is_shown(workspace):
    shown = []
    app = make_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        app.show_figure = shown.append  # type: ignore[method-assign]
        await pilot.press("n", "n", "n", "down", "enter")
        assert [f.label for f in shown] == ["Fig. 2"]


@run_async
async def test_pass_three_lists_take_the_keys_at_once(workspace):
    ReadingState(current_pass=3).save(workspace.notes_dir(PAPER_ID))
    app = make_app(workspace, paper=None)
    app.session.add_not_understood("why smoothing", "§ 2")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "not-understood"
        await pilot.press("enter")
        assert type(app.screen).__name__ == "SectionScreen"


@run_async
async def test_the_footer_says_how_to_leave_a_field_and_keeps_help_and_quit_when_small(workspace):
    app = make_app(workspace)
    async with app.run_test(size=(60, 15)) as pilot:
        way_out = app.screen.query_one("#way-out")
        assert "? help" in str(way_out.render()) and "q quit" in str(way_out.render())
        assert way_out.region.right <= 60 and way_out.region.y == 14
        await pilot.press("f")
        assert "esc leave field" in str(way_out.render())
        await pilot.press("escape")
        assert "q quit" in str(way_out.render())


@pytest.mark.slow  # a real `paperkit read --demo` in a pseudo-terminal: a few seconds
@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_a_burst_typed_into_a_real_terminal_keeps_its_order(workspace):
    """The whole path: the terminal driver parses one write of `fAAA<tab>BBB<tab>CCC` into keys."""
    import fcntl
    import os
    import struct
    import subprocess
    import termios
    import threading
    import time

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    output = bytearray()

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            output.extend(chunk)

    proc = subprocess.Popen(
        [sys.executable, "-m", "paperkit", "read", "--demo"], cwd=workspace.root, start_new_session=True,
        stdin=slave, stdout=slave, stderr=slave, env=dict(os.environ, TERM="xterm-256color", COLUMNS="100", LINES="30"),
    )
    os.close(slave)
    threading.Thread(target=drain, daemon=True).start()
    try:
        deadline = time.monotonic() + 60
        while b"The five Cs" not in output:  # the side panel's first heading: its fields are there
            assert proc.poll() is None and time.monotonic() < deadline, bytes(output[-500:])
            time.sleep(0.05)
        os.write(master, b"fAAA\tBBB\tCCC")
        time.sleep(0.5)
        os.write(master, b"\x11")  # ctrl+q quits from a field too; it is handled after the burst, in order
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        os.close(master)
    notes = Notes.parse((workspace.notes_dir("demo") / "notes.md").read_text(encoding="utf-8"))
    assert notes.five_cs == {"category": "AAA", "context": "BBB", "correctness": "CCC"}
