"""Disk writes that never leave a half-written file, and locks for files several processes write.

Every write in paperkit goes through `atomic_write_*`: the data goes to a temporary file in the
same folder, is flushed to disk, then `os.replace` swaps it in, so a reader (or a crash) sees
either the old file or the new one. `locked(path)` serialises read-modify-write cycles across
processes with a side lock file (`<name>.lock`). `atomic_create_*` writes a file only if it does not
exist yet, so of two processes creating the same file exactly one wins.

A writer holds an advisory lock on its temporary file until the swap, so the next write in that
folder can tell the leftovers of a killed writer (unlocked `.<name>.<random>.tmp`, untouched for a
few seconds: a new temporary file is unlocked for the instant between its creation and its lock)
from the temporary file of a writer still at work, and removes only the former. Where the platform
has no `flock`, leftovers are kept (never guessed at).

A read-only file or folder is respected: writing it is one line for people (a `PaperkitError`),
never a silent replacement and never a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

LOCK_TIMEOUT_S = 30.0
STALE_AFTER_S = 5.0  # an unlocked temporary file untouched this long belongs to a writer that died
# What tempfile.mkstemp(prefix=".<name>.", suffix=".tmp") names: 8 random characters before .tmp.
_TEMP_NAME = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")

try:
    import fcntl
except ImportError:  # Windows: no flock, so leftovers are not cleaned
    fcntl = None  # type: ignore[assignment]


def _read_umask() -> int:
    # os.umask can only be read by setting it; done once at import, before any thread could race it.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def _read_only(path: Path) -> bool:
    """No write permission, or no write bit at all (which even root is asked to respect here)."""
    try:
        return not os.access(path, os.W_OK) or not path.stat().st_mode & 0o222
    except OSError:
        return False


def _refuse_unwritable(target: Path) -> None:
    """One line instead of a silent replacement of a read-only file or a PermissionError."""
    from paperkit.errors import PaperkitError

    if target.is_dir():
        raise PaperkitError(f"{target} is a folder, not a file", hint="move it aside and run the command again")
    if target.parent.is_dir() and _read_only(target.parent):
        raise _permission_error(target, PermissionError(errno.EACCES, "the folder is read-only"))
    if target.exists() and _read_only(target):
        raise PaperkitError(f"{target} is read-only; paperkit leaves it as it is", hint=f"make it writable (chmod u+w {target.name}) to let paperkit change it")


def _permission_error(target: Path, exc: OSError):
    from paperkit.errors import PaperkitError

    folder = target.parent
    return PaperkitError(
        f"cannot write {target.name} in {folder}: {exc.strerror or 'permission denied'}",
        hint="make the folder writable, or run the command in a workspace you may write to",
    )


def clean_stale_temp_files(folder: Path) -> list[Path]:
    """Remove the temporary files killed writers left in `folder`; returns what was removed."""
    import time

    if fcntl is None:
        return []
    removed = []
    with contextlib.suppress(OSError):
        names = [name for name in os.listdir(folder) if _TEMP_NAME.match(name)]
        for name in names:
            path = folder / name
            try:
                fd = os.open(path, os.O_RDONLY)
                if time.time() - os.fstat(fd).st_mtime < STALE_AFTER_S:
                    os.close(fd)
                    continue
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a live writer holds it
            else:
                with contextlib.suppress(OSError):
                    os.unlink(path)
                    removed.append(path)
            finally:
                os.close(fd)
    return removed


@contextlib.contextmanager
def _temporary_sibling(target: Path, mode: str) -> Iterator[tuple[IO, str]]:
    """A locked, open temporary file beside `target`, removed on failure."""
    if mode not in ("w", "wb"):
        raise ValueError("atomic writes are 'w' or 'wb' only")
    _refuse_unwritable(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        clean_stale_temp_files(target.parent)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except PermissionError as exc:
        raise _permission_error(target, exc) from exc
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES):
            raise _permission_error(target, exc) from exc
        raise
    if fcntl is not None:
        # Released when the file is closed, after the swap. Where flock fails (some network file
        # systems), the cleaner's flock fails too and treats the file as live: nothing is lost.
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        kwargs = {"encoding": "utf-8", "newline": ""} if mode == "w" else {}
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle, tmp
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _finish(handle: IO, tmp: str, mode_from: Path | None, durable: bool = True) -> None:
    handle.flush()
    if durable:
        os.fsync(handle.fileno())
    if mode_from is not None and mode_from.exists():
        # Keep the permissions the user gave the file.
        os.chmod(tmp, mode_from.stat().st_mode & 0o7777)
    else:
        # mkstemp makes files only the owner can read; a new file gets what open() would give it.
        os.chmod(tmp, 0o666 & ~_UMASK)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "wb", *, durable: bool = True) -> Iterator[IO]:
    """Open a temporary sibling of `path` for writing; on success it replaces `path` atomically.

    On any exception the temporary file is removed and `path` is left as it was. `durable=False`
    skips the fsync before the swap (a few milliseconds): for a cache, whose file a crash may leave
    empty or cut short, as long as its reader takes such a file for a miss.
    """
    target = Path(path)
    with _temporary_sibling(target, mode) as (handle, tmp):
        yield handle
        _finish(handle, tmp, target, durable)
        os.replace(tmp, target)  # while the temp file is still locked, so no cleaner removes it


def atomic_create_text(path: str | os.PathLike, text: str) -> bool:
    """Write `path` whole, only if it does not exist yet; False (nothing written) if it does.

    The complete temporary file is hard-linked to its name, which fails if the name exists: of
    several processes creating the same file at once exactly one gets True, and nobody ever sees
    a half-written file. Where hard links are not supported, an exclusive create is used instead.
    """
    target = Path(path)
    with _temporary_sibling(target, "w") as (handle, tmp):
        handle.write(text)
        _finish(handle, tmp, None)
        try:
            os.link(tmp, target)
        except FileExistsError:
            os.unlink(tmp)
            return False
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
                raise
            os.unlink(tmp)
            return _exclusive_create(target, text)
        os.unlink(tmp)
    return True


def _exclusive_create(target: Path, text: str) -> bool:
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    return True


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    with atomic_open(path, "wb") as handle:
        handle.write(data)


def atomic_write_text(path: str | os.PathLike, text: str, *, durable: bool = True) -> None:
    with atomic_open(path, "w", durable=durable) as handle:
        handle.write(text)


def lock_path(path: str | os.PathLike) -> Path:
    target = Path(path)
    return target.with_name(target.name + ".lock")


@contextlib.contextmanager
def locked(path: str | os.PathLike, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold an inter-process lock for `path` (on the side file `<path>.lock`)."""
    from filelock import FileLock, Timeout  # here, not at the top: reading commands never lock (25 ms to import)

    from paperkit.errors import PaperkitError

    lock_file = lock_path(path)
    try:
        if lock_file.parent.is_dir() and _read_only(lock_file.parent) and not lock_file.exists():
            raise PermissionError(errno.EACCES, "the folder is read-only")
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(lock_file), timeout=timeout)
        lock.acquire()
    except PermissionError as exc:
        raise PaperkitError(
            f"cannot lock {Path(path).name}: {lock_file.parent} is not writable ({exc.strerror or 'permission denied'})",
            hint="make the folder writable, or run the command in a workspace you may write to",
        ) from exc
    except Timeout as exc:
        raise PaperkitError(
            f"{path} is locked by another paperkit process",
            hint=f"wait for it to finish, or delete {lock_file.name} if no paperkit is running",
        ) from exc
    try:
        yield
    finally:
        lock.release()
