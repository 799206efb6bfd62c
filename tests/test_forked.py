"""Pages read in forked processes (paperkit.reading.forked): the same results as the serial
path, the serial path wherever forking is unsafe, and no helper left behind after an error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import pymupdf
import pytest

from paperkit.reading import forked
from paperkit.reading.demo import DEMO_PDF
from paperkit.reading.parse import parse_pdf


@pytest.fixture
def forks(monkeypatch):
    """The pids of the helpers forked during the test (counted in this process only).

    The test runner (xdist's channel) and PyMuPDF's optional layout package (ONNX Runtime's pool)
    run native threads in this process, which keep `paperkit` serial; here they are not counted,
    as they never touch what a helper does. Python threads still are."""
    made: list[int] = []
    real = os.fork
    parent = os.getpid()

    def counting():
        pid = real()
        if os.getpid() == parent:
            made.append(pid)
        return pid

    monkeypatch.setattr(forked.os, "fork", counting)
    monkeypatch.setattr(forked, "_lone_thread", lambda: True)
    monkeypatch.delenv(forked.PROCESSES_ENV, raising=False)
    return made


def _reaped(pids: list[int]) -> bool:
    """Whether every helper in `pids` has ended and been reaped (other tests in the same worker may
    leave children of their own: those are not this module's business)."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)  # returns while the helper still runs or is unreaped
        except ChildProcessError:
            continue
        return False
    return True


def _pages(tmp_path, count: int = 6):
    doc = pymupdf.open()
    for i in range(count):
        page = doc.new_page()
        page.insert_text((72, 72), f"Page {i} of the test document")
    path = tmp_path / "pages.pdf"
    doc.save(path)
    return path


# As `paperkit outline` runs where nothing starts threads (the benchmark's processes too): the
# optional layout package, which would, is kept out as it is of paperkit's own install.
_BOTH_WAYS = """
import json, os, sys
sys.modules['pymupdf.layout'] = None
sys.modules['pymupdf4llm'] = None
from paperkit.reading.demo import DEMO_PDF
from paperkit.reading.parse import parse_pdf
forks = []
real = os.fork
def counting():
    pid = real()
    if pid:
        forks.append(pid)
    return pid
os.fork = counting
os.environ['PAPERKIT_PROCESSES'] = '3'
parallel = parse_pdf(DEMO_PDF).to_json()
made = len(forks)
os.environ['PAPERKIT_PROCESSES'] = '1'
serial = parse_pdf(DEMO_PDF).to_json()
print(json.dumps({'forks': made, 'after': len(forks), 'same': parallel == serial, 'figures': len(serial['figures'])}))
"""


def test_a_paper_read_in_forked_processes_is_the_paper_read_serially():
    done = subprocess.run([sys.executable, "-c", _BOTH_WAYS], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got == {"forks": 2, "after": 2, "same": True, "figures": got["figures"]}  # the forked path really ran
    assert got["figures"] > 0


def test_a_paper_read_by_forked_helpers_in_this_process(forks, monkeypatch):
    monkeypatch.setenv(forked.PROCESSES_ENV, "2")
    parallel = parse_pdf(DEMO_PDF)
    assert len(forks) == 1
    monkeypatch.setenv(forked.PROCESSES_ENV, "1")
    assert parse_pdf(DEMO_PDF).to_json() == parallel.to_json()
    assert len(forks) == 1 and _reaped(forks)


def test_pages_come_back_in_order_whichever_process_read_them(tmp_path, forks):
    path = _pages(tmp_path, 9)
    with pymupdf.open(path) as doc:
        got = forked.map_pages(doc, lambda page, i: (i, page.get_text().strip(), os.getpid()),
                               lambda: pymupdf.open(path), processes=3)
    assert [(i, text) for i, text, _ in got] == [(i, f"Page {i} of the test document") for i in range(9)]
    assert len(forks) == 2
    assert _reaped(forks)


def test_a_helper_that_fails_leaves_its_pages_to_the_parent(tmp_path, forks):
    path = _pages(tmp_path)
    parent = os.getpid()

    def reopen():
        raise RuntimeError("cannot open")  # in every helper

    with pymupdf.open(path) as doc:
        got = forked.map_pages(doc, lambda page, i: (i, os.getpid()), reopen, processes=2)
    assert got == [(i, parent) for i in range(6)]
    assert len(forks) == 1
    assert _reaped(forks)


def test_an_error_is_the_serial_paths_error(tmp_path, forks):
    """Whichever process meets a bad page first, the error raised is that of the first bad page."""
    path = _pages(tmp_path)

    def read(page, i):
        if i in (2, 4):
            raise ValueError(f"page {i} is damaged")
        return i

    with pymupdf.open(path) as doc:
        with pytest.raises(ValueError, match="page 2 is damaged"):
            forked.map_pages(doc, read, lambda: pymupdf.open(path), processes=2)
    assert forks
    assert _reaped(forks)


def test_an_interrupt_stops_and_reaps_the_helpers(tmp_path, forks):
    path = _pages(tmp_path)
    parent = os.getpid()

    def read(page, i):
        if os.getpid() == parent:
            raise KeyboardInterrupt
        time.sleep(30)  # a helper holds its first page: the parent takes the others
        return i

    with pymupdf.open(path) as doc:
        with pytest.raises(KeyboardInterrupt):
            forked.map_pages(doc, read, lambda: pymupdf.open(path), processes=2)
    assert forks
    assert _reaped(forks)


def test_no_fork_from_a_thread_under_serial_env_or_for_few_pages(tmp_path, forks, monkeypatch):
    path = _pages(tmp_path)
    got = []

    def parse_in_thread():
        with pymupdf.open(path) as doc:
            got.append(forked.map_pages(doc, lambda page, i: i, lambda: pymupdf.open(path), processes=2))

    thread = threading.Thread(target=parse_in_thread)
    thread.start()
    thread.join()
    assert got == [list(range(6))] and not forks  # the terminal reader parses in a worker thread
    assert forked.usable_processes(2) == 1  # too few pages to repay a fork
    monkeypatch.setattr(forked, "_lone_thread", lambda: False)  # a library's native thread pool
    assert forked.usable_processes(600) == 1
    with pymupdf.open(path) as doc:
        assert forked.map_pages(doc, lambda page, i: i, lambda: pymupdf.open(path), processes=2) == list(range(6))
    assert not forks
    monkeypatch.setenv(forked.PROCESSES_ENV, "1")
    assert forked.usable_processes(600) == 1
    parse_pdf(DEMO_PDF)
    assert not forks


def test_a_page_that_fails_in_the_parent_ends_the_read_though_it_would_read_again(tmp_path, forks):
    """A Ctrl-C during MuPDF's run of a page comes out of PyMuPDF's bindings as an ordinary error:
    it must end the parse, as serially, not be read away by reading the pages again."""
    path = _pages(tmp_path)
    parent = os.getpid()
    failed: list[int] = []

    def read(page, i):
        if os.getpid() != parent:
            time.sleep(30)  # a helper holds its first page
        elif not failed:
            failed.append(i)
            raise RuntimeError("interrupted in a device callback")
        return i

    with pymupdf.open(path) as doc:
        with pytest.raises(RuntimeError, match="interrupted"):
            forked.map_pages(doc, read, lambda: pymupdf.open(path), processes=2)
    assert failed and _reaped(forks)


def test_a_helper_keeps_the_patterns_it_compiled(tmp_path, forks, monkeypatch):
    """A helper ends without the parent's exit handlers: what it compiled goes to the store of
    compiled patterns before it exits (the parent writes its own at its exit, after this test)."""
    from paperkit.reading import patterns

    store = patterns._Store(tmp_path / "patterns.marshal")
    monkeypatch.setattr(patterns, "_STORE", store)
    path = _pages(tmp_path, 9)
    parent = os.getpid()

    def read(page, index):
        time.sleep(0.05)  # (so that the helper takes pages too)
        mine = os.getpid() == parent
        return index, mine, patterns.cached(rf"Page {index} of (\w+)").search(page.get_text()).group(1)

    got = forked.map_pages(pymupdf.open(path), read, reopen=lambda: pymupdf.open(path), processes=2)
    assert [g[2] for g in got] == ["the"] * 9 and len(forks) == 1
    helper_pages = {index for index, mine, _ in got if not mine}
    assert helper_pages
    saved = patterns._Store(tmp_path / "patterns.marshal")._load()
    assert {(rf"Page {i} of (\w+)", 0) for i in helper_pages} <= set(saved)
