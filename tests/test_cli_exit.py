"""`paperkit` run as a process leaves its objects to the process's end, uncollected."""

from __future__ import annotations

import gc
import subprocess
import sys

_FROZEN_AT_EXIT = (
    "import atexit, gc, sys\n"
    "atexit.register(lambda: print('frozen', gc.get_freeze_count()))\n"
    "from paperkit.cli import main\n"
    "sys.argv = ['paperkit', '--help']\n"
    "main()\n"
)


def test_the_command_of_a_process_freezes_what_it_leaves():
    out = subprocess.run([sys.executable, "-c", _FROZEN_AT_EXIT], capture_output=True, text=True, check=True).stdout
    frozen = int(out.rsplit("frozen", 1)[1])
    assert frozen > 1000  # (every object the process had: modules, click's, paperkit's)


def test_main_called_with_arguments_freezes_nothing(run):
    before = gc.get_freeze_count()
    code, out, _ = run("--help")
    assert code == 0 and "outline" in out
    assert gc.get_freeze_count() == before
