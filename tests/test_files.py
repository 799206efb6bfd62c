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


def _write_forever(path: str, started) -> None:
    from paperkit.files import atomic_open

    with atomic_open(path, "w") as handle:
        handle.write("half")
        handle.flush()
        started.set()
        import time

        time.sleep(600)  # killed here, like kill -9 during a write


def _killed_writer(path) -> None:
    import signal

    ctx = multiprocessing.get_context("spawn")
    started = ctx.Event()
    proc = ctx.Process(target=_write_forever, args=(str(path), started))
    proc.start()
    assert started.wait(60)
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(30)


def test_the_next_write_cleans_what_a_killed_writer_left(tmp_path):
    target = tmp_path / "papers.toml"
    target.write_text("old")
    _killed_writer(target)
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) == 1 and target.read_text() == "old"
    atomic_write_text(tmp_path / "other.md", "x")
    assert leftovers[0].exists()  # just written: it might be a writer between creating and locking it
    os.utime(leftovers[0], (1e9, 1e9))  # later
    atomic_write_text(tmp_path / "other.md", "y")  # any later write in that folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.md", "papers.toml"]


def test_a_live_writers_temporary_file_is_left_alone(tmp_path):
    from paperkit.files import atomic_open, clean_stale_temp_files

    with atomic_open(tmp_path / "a.txt", "w") as handle:
        handle.write("in progress")
        handle.flush()
        (live,) = tmp_path.glob(".a.txt.*.tmp")
        os.utime(live, (1e9, 1e9))  # however old: it is locked
        assert clean_stale_temp_files(tmp_path) == []
        assert len(list(tmp_path.glob(".a.txt.*.tmp"))) == 1
    assert (tmp_path / "a.txt").read_text() == "in progress"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_read_only_file_is_not_replaced(tmp_path):
    from paperkit.errors import PaperkitError

    target = tmp_path / "papers.toml"
    target.write_text("mine")
    os.chmod(target, 0o444)
    with pytest.raises(PaperkitError, match="read-only") as info:
        atomic_write_text(target, "theirs")
    assert "\n" not in str(info.value)
    assert target.read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["papers.toml"]


def test_a_read_only_folder_is_one_line_for_writes_and_locks(tmp_path):
    from paperkit.errors import PaperkitError

    folder = tmp_path / "ws"
    folder.mkdir()
    (folder / "papers.toml").write_text("mine")
    os.chmod(folder, 0o555)
    try:
        with pytest.raises(PaperkitError, match="cannot write papers.toml"):
            atomic_write_text(folder / "papers.toml", "theirs")
        with pytest.raises(PaperkitError, match="cannot lock papers.toml") as info:
            with locked(folder / "papers.toml"):
                pass
        assert "\n" not in str(info.value)
        assert [p.name for p in folder.iterdir()] == ["papers.toml"]
        assert (folder / "papers.toml").read_text() == "mine"
    finally:
        os.chmod(folder, 0o755)


def test_create_writes_only_a_new_file(tmp_path):
    from paperkit.files import atomic_create_text

    assert atomic_create_text(tmp_path / "a.md", "first") is True
    assert atomic_create_text(tmp_path / "a.md", "second") is False
    assert (tmp_path / "a.md").read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
