"""`paperkit outline` run as a process ends at once after its output and its atexit handlers,
without Python's teardown of every object (cli._end_now); other commands and profiled runs end as usual."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pymupdf = pytest.importorskip("pymupdf")


def _pdf(tmp_path):
    pdf = tmp_path / "one.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "A Title of a Paper", fontsize=16)
    doc.save(pdf)
    return pdf


def _run(tmp_path, code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PAPERKIT_CACHE": str(tmp_path / "cache")})


def test_outline_process_ends_after_its_output_and_atexit_handlers(tmp_path):
    pdf = _pdf(tmp_path)
    code = ("import atexit, sys\nfrom paperkit.cli import main\n"
            "atexit.register(lambda: print('ATEXIT'))\n"
            f"sys.argv = ['paperkit', 'outline', '--json', {str(pdf)!r}]\n"
            "main()\nprint('RETURNED')\n")
    done = _run(tmp_path, code)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.rstrip("\n").split("\n")
    assert lines[-1] == "ATEXIT" and "RETURNED" not in done.stdout
    assert json.loads("\n".join(lines[:-1]))["pages"] == 1  # the whole output was flushed
    assert len(list((tmp_path / "cache" / "parsed").iterdir())) == 1  # and the parse cached


def test_outline_under_a_profiler_ends_as_usual(tmp_path):
    pdf = _pdf(tmp_path)
    stats = tmp_path / "stats"
    code = ("import cProfile, sys\nfrom paperkit.cli import main\n"
            f"sys.argv = ['paperkit', 'outline', {str(pdf)!r}]\n"
            f"cProfile.run('main()', {str(stats)!r})\nprint('RETURNED')\n")
    done = _run(tmp_path, code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("RETURNED") and stats.is_file()


def test_a_failed_outline_ends_with_its_error_as_usual(tmp_path):
    code = ("import atexit, sys\nfrom paperkit.cli import main\n"
            "atexit.register(lambda: print('ATEXIT'))\n"
            f"sys.argv = ['paperkit', 'outline', {str(tmp_path / 'missing.pdf')!r}]\n"
            "main()\n")
    done = _run(tmp_path, code)
    assert done.returncode != 0 and done.stderr.startswith("paperkit: error:")
    assert done.stdout.strip() == "ATEXIT"


def test_main_called_with_arguments_returns(tmp_path, monkeypatch, capsys):
    from paperkit.cli import main

    monkeypatch.setenv("PAPERKIT_CACHE", str(tmp_path / "cache"))
    main(["outline", "--json", str(_pdf(tmp_path))])  # (a test's process goes on)
    assert json.loads(capsys.readouterr().out)["pages"] == 1
