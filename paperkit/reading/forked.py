"""A document's pages read in forked worker processes, when the machine has cores to spare.

Most of a parse is page by page (running each page's content stream, building its lines and the
boxes of its drawings) and needs nothing of the other pages; `map_pages` spreads that work over
the usable cores: the process forks helpers, each opens the document anew (a forked copy of an
open file shares its read position with the parent, so no two processes may read through one
descriptor), and all of them, the parent included, take page numbers from one pipe until none is
left, so a slow page of plots does not hold the others back. A helper sends its pages' results
back pickled, each as it is read (the parent takes them between its own pages), and exits.

Forking is only safe, and only used, where nothing can be caught halfway: on Linux, from the
main thread of a process running no other thread (the terminal reader parses in a worker thread,
and a library's native threads may hold locks a fork would copy held), with an opener for the
document given, for a document long enough to repay a fork, and with cores idle (the 1-minute
load average at least half a core below their number). `PAPERKIT_PROCESSES=1` forces the serial path,
`PAPERKIT_PROCESSES=n` allows up to n processes however busy the machine. Both paths give the
same results; whatever goes wrong in a helper (an error, a crash, Ctrl-C) leaves its pages to the
parent, and when a page fails in the parent, the pages before it are read again in order, so a
damaged document fails with the same error, that of its first bad page, either way.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

PROCESSES_ENV = "PAPERKIT_PROCESSES"  # 1: read serially; n: up to n processes, however busy the machine
PAGES_PER_PROCESS = 3  # a fork, the document opened again and the results pickled cost about one page
MOST_PROCESSES = 8

_INDEX = 4  # bytes of one page number in the pipe (written at once: each read takes one number whole)


def usable_processes(pages: int) -> int:
    """How many processes (the caller's included) may read `pages` pages; 1 means serially."""
    if not _fork_allowed():
        return 1
    asked = os.environ.get(PROCESSES_ENV, "").strip()
    if asked:
        return max(1, int(asked)) if asked.isdigit() else 1
    try:
        cpus = len(os.sched_getaffinity(0))
        spare = cpus - os.getloadavg()[0]  # cores other work leaves idle, about
    except OSError:
        return 1
    # On a busy machine a helper only waits for a core, and its fork and pickles cost about a
    # tenth of the pages' work on top. (Half a core more is allowed: the load average counts this
    # command's own helpers of the minute before, when it is run again and again.)
    return max(1, min(cpus, int(spare + 1.5), pages // PAGES_PER_PROCESS, MOST_PROCESSES))


def map_pages(doc, read: Callable[[Any, int], Any], reopen: Callable[[], Any] | None = None,
              processes: int | None = None, linger: bool = False, pages: list[int] | None = None) -> list:
    """`[read(page, index) for index, page in enumerate(doc)]`, read by up to `processes` processes
    (default: `usable_processes`) when `reopen()` opens the same document again; what `read`
    returns must pickle. `linger`: one helper, its pages sent, stays with its copy of the document
    open for work ahead (`speculate` with a recipe, given the same `reopen`) until `release(reopen)`:
    the parse's trims then need no fork of its own. `pages`: only these pages (increasing page
    indices) are loaded and read, the others' results None (and the processes are counted for
    these pages alone)."""
    count = doc.page_count
    if pages is None:
        pages = range(count)
    elif len(pages) < count:
        pages = [index for index in pages if 0 <= index < count]
    if reopen is not None and processes is None:
        processes = usable_processes(len(pages))
    if reopen is None or processes is None or processes < 2 or len(pages) < 2 or not _fork_allowed():
        return _serially(doc, read, pages)
    try:
        return _forked(doc, read, reopen, min(processes, len(pages)), linger, pages)
    except _PageFailed as failed:  # (the helpers are gone by now)
        bad, error = failed.index, failed.__cause__
    except Exception:  # no pipe, fork or pickle to be had, before any page failed: serially
        return _serially(doc, read, pages)
    for index in pages:  # the serial path fails at the first bad page, which may come before
        if index >= bad:
            break
        read(doc[index], index)
    raise error  # (raised as it was, out of the handler: its own cause and context stay)


def _serially(doc, read, pages) -> list:
    if isinstance(pages, range):
        return [read(page, index) for index, page in enumerate(doc)]
    results: list = [None] * doc.page_count
    for index in pages:
        results[index] = read(doc[index], index)
    return results


class _PageFailed(Exception):
    """`read` raised (its error is the `__cause__`) on page `index`, in the parent."""

    def __init__(self, index: int) -> None:
        super().__init__(index)
        self.index = index


def _read_here(doc, read, index: int):
    try:
        return read(doc[index], index)
    except Exception as error:  # (not a KeyboardInterrupt: that ends the parse as it would serially)
        raise _PageFailed(index) from error


def _fork_allowed() -> bool:
    """Whether this process may fork helpers at all: on Linux, from its main thread, alone."""
    import threading

    if sys.platform != "linux" or not hasattr(os, "fork"):
        return False
    if threading.current_thread() is not threading.main_thread() or threading.active_count() != 1:
        return False
    return _lone_thread()


def _lone_thread() -> bool:
    """Whether the process runs one thread, native ones counted (a library's thread pool: PyMuPDF's
    optional layout package starts ONNX Runtime's at import, and then pages are read serially)."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _forked(doc, read, reopen, processes: int, linger: bool = False, pages=None) -> list:
    import gc

    linger = linger and reopen not in _LINGERING
    kept: tuple | None = None  # (pid, its results' pipe, its orders' pipe): the helper that lingers
    orders_r = orders_w = -1
    count = doc.page_count
    if pages is None:
        pages = range(count)
    results: list = [None] * count
    if len(pages) < count:
        wanted = set(pages)
        done = [index not in wanted for index in range(count)]  # (the pages not asked for are left None)
    else:
        done = [False] * count
    tasks_r, tasks_w = os.pipe()
    helpers: dict[int, int] = {}  # pid -> read end of its result pipe
    try:
        # Every page number is in the pipe before anyone reads, and the pipe is closed for writing:
        # a reader at its end has nothing left to take.
        numbers = b"".join(i.to_bytes(_INDEX, "little") for i in pages)
        os.set_blocking(tasks_w, False)  # a pipe holds 64 KiB, or 4 KiB for a user over their pipe quota
        if os.write(tasks_w, numbers) < len(numbers):
            raise OSError("the page numbers do not fit in the pipe")
        os.close(tasks_w)
        tasks_w = -1
        # The objects made so far are left out of the collector's work in the helpers, whose
        # collections would otherwise write to every one of them, copying the pages they share.
        gc.freeze()
        try:
            for n in range(processes - 1):
                out_r, out_w = os.pipe()
                _widen(out_w)
                if linger and n == 0:
                    orders_r, orders_w = os.pipe()
                pid = os.fork()
                if pid == 0:  # the helper: never returns
                    os.close(out_r)
                    if orders_w >= 0:
                        os.close(orders_w)
                    _helper(reopen, read, tasks_r, out_w, orders_r)
                os.close(out_w)
                if orders_r >= 0:
                    os.close(orders_r)
                    orders_r = -1
                    kept = (pid, out_r, orders_w)
                else:
                    helpers[pid] = out_r
        finally:
            gc.unfreeze()
        # (the helpers' pages are taken off their pipes between the parent's own pages, as they
        # come: when the last page is read, only its own result is left to pickle, send and load)
        streams = ([_Stream(kept[1])] if kept is not None else []) + [_Stream(fd) for fd in helpers.values()]
        for index in _taken(tasks_r):
            results[index] = _read_here(doc, read, index)
            done[index] = True
            for stream in streams:
                stream.drain(block=False)
        if kept is not None:  # (it stays after its pages' end, so its pipe stays open)
            pid, out_r, orders_w = kept
            stream = streams.pop(0)
            stream.drain(block=True)
            os.set_blocking(out_r, True)
            if stream.said is not None:
                for index, result in stream.got:
                    results[index] = result
                    done[index] = True
                _heard(stream.said)
                _LINGERING[reopen] = _Lingering(pid, out_r, orders_w, frozenset(index for index, _ in stream.got))
            else:  # (it failed: its pages are read here, below)
                _close(out_r, orders_w)
                _stop(pid)
            kept = None
        for pid, stream in zip(list(helpers), streams):
            stream.drain(block=True, to_end=True)
            os.close(helpers.pop(pid))
            _, status = os.waitpid(pid, 0)
            if status == 0 and stream.said is not None:
                for index, result in stream.got:
                    results[index] = result
                    done[index] = True
                _heard(stream.said)
    finally:
        for fd in (tasks_r, tasks_w, *helpers.values()):
            if fd >= 0:
                os.close(fd)
        for pid in helpers:  # only after an error or Ctrl-C: stop and reap them
            _stop(pid)
        if kept is not None:
            _close(kept[1], kept[2])
            _stop(kept[0])
        _close(orders_r)
    for index in range(count):  # pages a failed helper had taken
        if not done[index]:
            results[index] = _read_here(doc, read, index)
    return results


def _messages() -> list:
    """The warnings and errors MuPDF has reported in this process (PyMuPDF's store of them, which
    `pymupdf.TOOLS.mupdf_warnings()` reads), or an empty list."""
    store = getattr(sys.modules.get("pymupdf"), "JM_mupdf_warnings_store", None)
    return store if isinstance(store, list) else []


def _heard(said: list) -> None:
    """What MuPDF reported in a helper, added to this process's store: the parent knows of the
    damage its helpers met (their printed messages go with them), as when it reads every page."""
    _messages().extend(said)


def _taken(tasks: int):
    """Page numbers taken from the task pipe until it is empty."""
    while True:
        data = os.read(tasks, _INDEX)
        if len(data) < _INDEX:
            return
        yield int.from_bytes(data, "little")


def _helper(reopen, read, tasks: int, out: int, orders: int = -1) -> None:
    """A forked helper's whole life: read pages from its own copy of the document, send each
    `(index, result)` back as it is read and then `(-1, what MuPDF said)` (`_Stream`), and exit
    without running the parent's cleanup (buffers, atexit handlers, finalizers). With an `orders`
    pipe (`map_pages(linger=True)`), it then waits for one order of work ahead (`speculate`), done
    with the same copy of the document, or for the pipe's end; questions (`ask`) may come before
    it, each answered in turn."""
    import gc
    import signal

    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends a helper quietly; the parent reports it
        gc.disable()  # a short life: what it makes is freed at its exit
        before = len(_messages())
        doc = reopen()
        for index in _taken(tasks):  # (each page's result sent as it is read: `_Stream`)
            _send(out, (index, read(doc[index], index)))
        _send(out, (-1, _messages()[before:]))  # (the end of its pages, and what MuPDF said meanwhile)
        code = 0
        from paperkit.reading.patterns import save_compiled

        save_compiled()  # (the patterns only this helper compiled: its exit runs no atexit handler)
        if orders >= 0:
            os.close(tasks)
            while (order := _receive(orders)) is not None:  # (None: the pipe's end, the parent wants nothing more)
                code = 1
                if len(order) == 2:  # a question (`ask`): answered, then the next order waited for
                    question, args = order
                    _send(out, (True, question(doc, *args)))
                    code = 0
                    continue
                make, args, keys = order
                _speculate_here(doc, keys, make(*args), out, orders)
                code = 0
                break
            save_compiled()
    except BaseException:  # noqa: BLE001 - the parent reads this helper's pages itself
        pass
    finally:
        os._exit(code)


def _stop(pid: int) -> None:
    """The helper killed, and reaped: at once, or inside `reaped_later` when that block ends."""
    import signal

    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    later = getattr(_REAPING, "later", None)
    if later is not None:
        later.append(pid)
        return
    _reap(pid)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass


_REAPING = threading.local()  # `later`: the pids `_stop` killed inside `reaped_later`, to be reaped at its end


@contextlib.contextmanager
def reaped_later():
    """The helpers stopped inside this block (`_stop`: a lingering page helper, a speculation's)
    are reaped when it ends, not as each is stopped: a killed helper's memory is given back by the
    kernel on the helper's own core while the parse goes on, instead of the parse waiting for it (a
    millisecond or more on an idle machine; on a busy one, until the helper is scheduled again).
    Every helper is reaped by the block's end, however it ends."""
    if getattr(_REAPING, "later", None) is not None:  # (within another such block: reaped at its end)
        yield
        return
    _REAPING.later = later = []
    try:
        yield
    finally:
        _REAPING.later = None
        for pid in later:
            _reap(pid)


class Speculation:
    """Work done ahead in a forked helper while the parent goes on with its own (`speculate`):
    results by key, taken when the parent comes to need them (`take`). Every result is the same
    whichever process works it out, so the parse is the same whether the helper ran, failed, or
    was never started."""

    def __init__(self, pid: int, results: int, wants: int, keys: list) -> None:
        self.pid, self.pipe, self.wants = pid, results, wants
        self.keys = keys  # the keys of the helper's work, in its order
        self.results: dict = {}
        self.at = None  # the key the helper works on now
        self._buffer = bytearray()

    def _drain(self, block: bool) -> bool:
        """Read what the helper has sent (waiting for something when `block`); False once it has
        ended."""
        import pickle

        os.set_blocking(self.pipe, block)
        try:
            data = os.read(self.pipe, 1 << 16)
        except BlockingIOError:
            return True
        if not data:
            return False
        self._buffer += data
        while len(self._buffer) >= _INDEX:
            size = int.from_bytes(self._buffer[:_INDEX], "little")
            if len(self._buffer) < _INDEX + size:
                break
            key, done, result = pickle.loads(bytes(self._buffer[_INDEX:_INDEX + size]))
            del self._buffer[:_INDEX + size]
            if done:
                self.results[key] = result
            else:
                self.at = key
        return True

    def take(self, keys: list, compute: Callable[[Any], Any]) -> dict:
        """`{key: result}` of `keys` (of `self.keys`): the helper is told these are all the parent
        needs (it leaves the rest of its work), and the parent works out from the last of them
        back, each with `compute(key)`, the ones the helper has not sent, until only the one the
        helper works on is left, which is waited for (all of them where the helper is gone or at
        work it turns out the parent does not need). The helper is then stopped: it is asked once."""
        import pickle

        out: dict = {}
        wanted = set(keys)
        try:
            if self.pipe >= 0:
                data = pickle.dumps(wanted, protocol=pickle.HIGHEST_PROTOCOL)
                os.set_blocking(self.wants, False)
                try:
                    os.write(self.wants, len(data).to_bytes(_INDEX, "little") + data)
                except OSError:  # (too many to tell at once, or the helper has ended: it goes on)
                    pass
            order = [key for key in self.keys if key in wanted]
            alive = self.pipe >= 0
            while order:
                if alive:
                    alive = self._drain(block=False)
                while order and order[-1] in self.results:
                    order.pop()
                while order and order[0] in self.results:  # (what the helper has done, in its order)
                    order.pop(0)
                if not order:
                    break
                if alive and len(order) == 1 and self.at == order[0]:  # the one the helper is at: waited for
                    alive = self._drain(block=True)
                    continue
                key = order.pop()
                out[key] = compute(key)
        finally:
            self.stop()
        for key in keys:
            if key not in out and key in self.results:
                out[key] = self.results[key]
        return out

    def stop(self) -> None:
        """End the helper (done or not) and close its pipes; safe to call again."""
        for fd in (self.pipe, self.wants):
            if fd >= 0:
                os.close(fd)
        self.pipe = self.wants = -1
        if self.pid:
            _stop(self.pid)
            self.pid = 0


def speculate(reopen: Callable[[], Any], keys: list, work: Callable[[Any, Any], Any],
              recipe: tuple | None = None) -> Speculation | None:
    """Fork a helper that opens the document again (`reopen()`) and works out the results of
    `keys`, in their order: `work(doc, key)` each, sending each as it comes, and leaving out those
    the parent says (`Speculation.take`) it does not need. None where forking is not allowed
    (see `_fork_allowed`) or fails. Only for work the parent may do itself (the caller decides
    whether cores are idle: `usable_processes`); each result must pickle. `recipe`: `(make, args)`,
    pickled, where `make(*args)` is `work`: a page helper that lingers for the same `reopen`
    (`map_pages(linger=True)`) is then given the work instead of a new fork."""
    import gc

    if recipe is not None and (lingering := _LINGERING.pop(reopen, None)) is not None:
        import pickle

        try:
            data = pickle.dumps((recipe[0], recipe[1], keys), protocol=pickle.HIGHEST_PROTOCOL)
            _write_all(lingering.orders, len(data).to_bytes(_INDEX, "little") + data)
            return Speculation(lingering.pid, lingering.results, lingering.orders, keys)
        except Exception:  # (it has ended, or the recipe does not pickle: a helper of its own)
            lingering.stop()
    if not _fork_allowed():
        return None
    try:
        out_r, out_w = os.pipe()
        wants_r, wants_w = os.pipe()
    except OSError:
        return None
    gc.freeze()  # (as in `_forked`: the helper's collections would copy the pages it shares)
    try:
        pid = os.fork()
    except OSError:
        for fd in (out_r, out_w, wants_r, wants_w):
            os.close(fd)
        return None
    finally:
        gc.unfreeze()
    if pid == 0:  # the helper: never returns
        os.close(out_r)
        os.close(wants_w)
        _speculating(reopen, keys, work, out_w, wants_r)
    os.close(out_w)
    os.close(wants_r)
    return Speculation(pid, out_r, wants_w, keys)


def _speculating(reopen, keys, work, out: int, wants: int) -> None:
    import gc
    import signal

    code = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        gc.disable()
        _speculate_here(reopen(), keys, work, out, wants)
        code = 0
    except BaseException:  # noqa: BLE001 - the parent computes what did not come
        pass
    finally:
        os._exit(code)


def _speculate_here(doc, keys, work, out: int, wants: int) -> None:
    """A helper's work ahead: `work(doc, key)` of `keys` in their order, each sent as it comes,
    less those the parent says (on `wants`) it does not need."""
    import pickle

    os.set_blocking(wants, False)
    told, needed = bytearray(), None
    for key in keys:  # (the helper's `work` may keep what it made for one key for the next: its own copy)
        if needed is None:  # (the parent's word, once it comes: the keys it still needs)
            try:
                told += os.read(wants, 1 << 16)
            except BlockingIOError:
                pass
            if len(told) >= _INDEX and len(told) >= _INDEX + int.from_bytes(told[:_INDEX], "little"):
                needed = pickle.loads(bytes(told[_INDEX:]))
        if needed is not None and key not in needed:
            continue
        _send(out, (key, False, None))  # (where it is: the parent waits only for the key it is at)
        _send(out, (key, True, work(doc, key)))


class _Stream:
    """A page helper's results as they come down its pipe (`_helper`): `got`, the `(index, result)`
    of each page it has sent, and `said`, what MuPDF said in it, once its pages' end has come (None
    until then: a helper that ends before it sent that failed, and its pages are the parent's)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.got: list = []
        self.said: list | None = None
        self._buffer = bytearray()

    def drain(self, block: bool, to_end: bool = False) -> None:
        """Take the messages the helper has sent so far (`block`: until its pages' end has come,
        and with `to_end` the pipe's end too, or until the pipe ends first). Each read asks for no
        more than the message under way lacks: nothing is read past the pages' end unless `to_end`
        (a lingering helper's work ahead comes after it, on the same pipe)."""
        import pickle

        os.set_blocking(self.fd, block)
        buffer = self._buffer
        while True:
            if self.said is not None:
                if not to_end:
                    return
                need = 1 << 16
            elif len(buffer) < _INDEX:
                need = _INDEX - len(buffer)
            else:
                need = _INDEX + int.from_bytes(buffer[:_INDEX], "little") - len(buffer)
            try:
                data = os.read(self.fd, need)
            except BlockingIOError:
                return
            if not data:
                return
            if self.said is not None:
                continue
            buffer += data
            if len(buffer) > _INDEX and len(buffer) == _INDEX + int.from_bytes(buffer[:_INDEX], "little"):
                index, result = pickle.loads(bytes(buffer[_INDEX:]))
                buffer.clear()
                if index < 0:
                    self.said = result
                else:
                    self.got.append((index, result))


def _widen(fd: int) -> None:
    """The pipe made to hold a megabyte where the system allows it (Linux), not 64 KiB: a helper
    that sends its pages as it reads them then seldom waits for the parent to take them."""
    try:
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


def _send(out: int, message) -> None:
    """One message to the parent, pickled after its length."""
    import pickle

    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    _write_all(out, len(data).to_bytes(_INDEX, "little") + data)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _read_exactly(fd: int, size: int) -> bytes | None:
    """`size` bytes from the pipe (waiting for them), or None at its end before."""
    parts, left = [], size
    while left:
        data = os.read(fd, min(left, 1 << 20))
        if not data:
            return None
        parts.append(data)
        left -= len(data)
    return b"".join(parts)


def _receive(fd: int):
    """One message `_send` wrote on the pipe (waiting for it), or None at the pipe's end first."""
    import pickle

    head = _read_exactly(fd, _INDEX)
    if head is None:
        return None
    body = _read_exactly(fd, int.from_bytes(head, "little"))
    return None if body is None else pickle.loads(body)


def _close(*fds: int) -> None:
    for fd in fds:
        if fd >= 0:
            os.close(fd)


class _Lingering:
    """A page helper kept after its pages (`map_pages(linger=True)`, the indices of those it read
    in `pages`), waiting for an order."""

    def __init__(self, pid: int, results: int, orders: int, pages: frozenset = frozenset()) -> None:
        self.pid, self.results, self.orders, self.pages = pid, results, orders, pages

    def stop(self) -> None:
        """Its pipes closed (at their end it leaves) and the helper stopped and reaped."""
        _close(self.results, self.orders)
        self.results = self.orders = -1
        if self.pid:
            _stop(self.pid)
            self.pid = 0


_LINGERING: dict = {}  # `reopen` -> its lingering page helper


def lingering_pages(reopen) -> frozenset:
    """The indices of the pages read by the page helper lingering for `reopen`, none where none lingers."""
    lingering = _LINGERING.get(reopen) if reopen is not None else None
    return lingering.pages if lingering is not None else frozenset()


class Answer:
    """A question's answer to come from a lingering page helper (`ask`)."""

    def __init__(self, reopen, lingering: _Lingering) -> None:
        self._reopen, self._lingering = reopen, lingering

    def get(self):
        """The answer (waited for), or None where the helper failed (it is then stopped)."""
        lingering, self._lingering = self._lingering, None
        if lingering is None:
            return None
        try:
            got = _receive(lingering.results)
        except Exception:
            got = None
        if got is None:
            if _LINGERING.get(self._reopen) is lingering:
                del _LINGERING[self._reopen]
            lingering.stop()
            return None
        return got[1]


def ask(reopen, question: Callable[..., Any], args: tuple) -> Answer | None:
    """`question(doc, *args)` worked out by the page helper lingering for `reopen` (`map_pages(linger=True)`)
    with its copy of the document, as its `read` left it (what `read` kept of its pages there, the
    helper has), while this process goes on: the helper answers and lingers on for the next order.
    None where no helper lingers or the question does not pickle; `question` and its answer must
    pickle, and the parent must take the answer (`Answer.get`) before any other order."""
    import pickle

    lingering = _LINGERING.get(reopen) if reopen is not None else None
    if lingering is None:
        return None
    try:
        data = pickle.dumps((question, args), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        return None
    try:
        _write_all(lingering.orders, len(data).to_bytes(_INDEX, "little") + data)
    except OSError:  # (it has ended)
        del _LINGERING[reopen]
        lingering.stop()
        return None
    return Answer(reopen, lingering)


def release(reopen) -> None:
    """Stop the page helper lingering for `reopen`, if one is (its work ahead was not asked for)."""
    lingering = _LINGERING.pop(reopen, None) if reopen is not None else None
    if lingering is not None:
        lingering.stop()
