"""Killing the reader mid-typing loses at most the last second of notes.

The app runs in a real subprocess on a pseudo-terminal; the test types into the key-points
editor at a steady pace, sends SIGKILL after about 1.5 s, and reads notes.md back.
"""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

from paperkit.reading.notes import Notes
from tui_support import PAPER_ID

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

TYPED = "colour classification with rebalanced loss beats plain regression on every metric"
KEY_INTERVAL_S = 0.025
KILL_AFTER_S = 1.5


def _drain(fd: int) -> None:
    """Read the app's output so it never blocks writing to a full terminal."""
    while True:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


@pytest.mark.slow  # a real Textual start-up in a subprocess: a few seconds
def test_sigkill_mid_edit_keeps_all_but_the_last_second(workspace, tmp_path):
    ready = tmp_path / "ready"
    notes_dir = workspace.notes_dir(PAPER_ID)
    notes_dir.mkdir(parents=True)
    earlier = "# Notes (arXiv:2101.00001)\n\n## Pass 1\n\n### Five Cs\n\n- **Category:** a new method\n"
    (notes_dir / "notes.md").write_text(earlier, encoding="utf-8")

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", COLUMNS="80", LINES="24")
    entry = Path(__file__).with_name("tui_support.py")
    proc = subprocess.Popen(
        [sys.executable, str(entry), str(workspace.root), str(ready)],
        stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
    )
    os.close(slave)
    threading.Thread(target=_drain, args=(master,), daemon=True).start()
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert proc.poll() is None, "the app exited before it was ready"
            assert time.monotonic() < deadline, "the app did not start within a minute"
            time.sleep(0.05)
        sent_at = []
        start = time.monotonic()
        for ch in TYPED:
            if time.monotonic() - start >= KILL_AFTER_S:
                break
            os.write(master, ch.encode())
            sent_at.append(time.monotonic())
            time.sleep(KEY_INTERVAL_S)
        killed_at = time.monotonic()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
        os.close(master)

    assert proc.returncode == -signal.SIGKILL
    notes = Notes.parse((notes_dir / "notes.md").read_text(encoding="utf-8"))
    assert notes.five_cs == {"category": "a new method"}  # what was there before is intact
    saved = notes.sections.get("§ 1 Introduction", "")
    typed = TYPED[: len(sent_at)]
    assert typed.startswith(saved), (saved, typed)
    older_than_a_second = sum(1 for t in sent_at if t <= killed_at - 1.0)
    assert older_than_a_second > 0 and len(saved) >= older_than_a_second, (saved, older_than_a_second, len(typed))
