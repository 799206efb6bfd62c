from __future__ import annotations

import multiprocessing
import os

import pytest

from paperkit.files import atomic_write_text, locked


def test_atomic_write_replaces_whole_file_and_keeps_mode(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("old")
    os.chmod(target, 0o640)
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert (target.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_failed_write_leaves_old_content_and_no_temp_file(tmp_path):
    from paperkit.files import atomic_open

    target = tmp_path / "a.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_open(target, "w") as handle:
            handle.write("half")
            raise RuntimeError("crash mid-write")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def _append_under_lock(path: str, n: int) -> None:
    from pathlib import Path

    for _ in range(n):
        with locked(path):
            current = Path(path).read_text() if Path(path).exists() else ""
            atomic_write_text(path, current + "x")


def test_lock_serialises_read_modify_write_across_processes(tmp_path):
    path = str(tmp_path / "counter.txt")
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_append_under_lock, args=(path, 25)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert open(path).read() == "x" * 75


def test_a_new_file_gets_the_permissions_open_would_give_it(tmp_path):
    from paperkit.files import _UMASK

    target = tmp_path / "new.md"
    atomic_write_text(target, "x")
    with open(tmp_path / "plain.md", "w") as handle:
        handle.write("x")
    assert target.stat().st_mode & 0o777 == (tmp_path / "plain.md").stat().st_mode & 0o777 == 0o666 & ~_UMASK
    assert os.umask(_UMASK) == _UMASK  # reading the mask left it as it was
