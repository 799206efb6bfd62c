"""Disk writes that never leave a half-written file, and locks for files several processes write.

Every write in paperkit goes through `atomic_write_*`: the data goes to a temporary file in the
same folder, is flushed to disk, then `os.replace` swaps it in, so a reader (or a crash) sees
either the old file or the new one. `locked(path)` serialises read-modify-write cycles across
processes with a side lock file (`<name>.lock`).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from filelock import FileLock

LOCK_TIMEOUT_S = 30.0


def _read_umask() -> int:
    # os.umask can only be read by setting it; done once at import, before any thread could race it.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "wb") -> Iterator[IO]:
    """Open a temporary sibling of `path` for writing; on success it replaces `path` atomically.

    On any exception the temporary file is removed and `path` is left as it was.
    """
    if mode not in ("w", "wb"):
        raise ValueError("atomic_open writes only ('w' or 'wb')")
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        kwargs = {"encoding": "utf-8", "newline": ""} if mode == "w" else {}
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            # Keep the permissions the user gave the file.
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            # mkstemp makes files only the owner can read; a new file gets what open() would give it.
            os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with atomic_open(path, "wb") as handle:
        handle.write(data)


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    with atomic_open(path, "w") as handle:
        handle.write(text)


def lock_path(path: str | os.PathLike) -> Path:
    target = Path(path)
    return target.with_name(target.name + ".lock")


@contextlib.contextmanager
def locked(path: str | os.PathLike, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold an inter-process lock for `path` (on the side file `<path>.lock`)."""
    from paperkit.errors import PaperkitError
    from filelock import Timeout

    lock_file = lock_path(path)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(str(lock_file), timeout=timeout):
            yield
    except Timeout as exc:
        raise PaperkitError(
            f"{path} is locked by another paperkit process",
            hint=f"wait for it to finish, or delete {lock_file.name} if no paperkit is running",
        ) from exc
