"""Polite HTTP: the only place paperkit talks to the network.

Three layers, each swappable in tests:

* a `Transport` does one GET and streams the body (`RequestsTransport` in real life, a replay of
  recorded responses in tests);
* a `Clock` tells the time and sleeps (tests pass a fake one, so nothing sleeps for real);
* `HttpClient` adds what arXiv's terms ask for: explicit timeouts, at most one request per
  `interval` seconds across every paperkit process (`RateLimiter`, a timestamp file under a
  lock), and a bounded number of retries with exponential backoff that honours `Retry-After`
  on 429/503. A connection the server closes before any answer is retried the same way (a
  server restarting or shedding load does that instead of answering 503).

Messages say what happened, measured: how long paperkit actually waited for an answer (the
connect and read timeouts are different numbers, and retries add up), and how many bytes of a
body arrived before the connection closed.
"""

from __future__ import annotations

import contextlib
import email.utils
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from paperkit import __version__
from paperkit.errors import NetworkError
from paperkit.files import atomic_write_text, locked

USER_AGENT = f"paperkit/{__version__} (paper reader; polite: 1 request per 3 s)"
CONNECT_TIMEOUT_S = 10.0
READ_TIMEOUT_S = 60.0  # between two chunks of the body, not for the whole download
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
CHUNK_BYTES = 64 * 1024


class Clock(Protocol):
    def time(self) -> float: ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """Wall-clock time: the rate limit is shared between processes, so monotonic time will not do."""

    def time(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class TransportError(Exception):
    """The request failed below HTTP (no connection, timeout, connection dropped mid-body)."""

    def __init__(self, message: str, *, transient: bool, waited: float = 0.0):
        super().__init__(message)
        self.transient = transient  # worth retrying (timeouts, resets), unlike "no route to host"
        self.waited = waited  # seconds this try spent before failing


@dataclass
class HttpResponse:
    url: str
    status: int
    headers: dict[str, str]  # names lower-cased
    chunks: Iterable[bytes]  # the body, streamed; iterating may raise TransportError
    close: Callable[[], None] = field(default=lambda: None, repr=False)

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    @property
    def content_length(self) -> int | None:
        return _content_length(self.header("content-length"))

    def read(self) -> bytes:
        try:
            return b"".join(self.chunks)
        finally:
            self.close()


class Transport(Protocol):
    def get(self, url: str, *, headers: Mapping[str, str], timeout: tuple[float, float]) -> HttpResponse: ...


class RequestsTransport:
    """GET with `requests`, streaming the body and turning its exceptions into `TransportError`."""

    def __init__(self) -> None:
        import requests

        self._requests = requests
        self._session = requests.Session()

    def get(self, url: str, *, headers: Mapping[str, str], timeout: tuple[float, float]) -> HttpResponse:
        requests = self._requests
        host = _host(url)
        started = time.monotonic()
        try:
            reply = self._session.get(url, headers=dict(headers), timeout=timeout, stream=True)
        except requests.Timeout as exc:
            waited = time.monotonic() - started
            if isinstance(exc, requests.ConnectTimeout):
                message = f"could not connect to {host}: no reply in {_seconds(waited)}"
            else:
                message = f"{host} took the request but sent no answer in {_seconds(waited)}"
            raise TransportError(message, transient=True, waited=waited) from exc
        except requests.ConnectionError as exc:
            waited = time.monotonic() - started
            if _closed_before_answer(exc):
                raise TransportError(f"{host} closed the connection before answering", transient=True, waited=waited) from exc
            raise TransportError(f"cannot reach {host} ({_root_cause(exc)})", transient=False, waited=waited) from exc
        except requests.RequestException as exc:
            raise TransportError(f"request to {host} failed ({_root_cause(exc)})", transient=False) from exc
        # urllib3 would raise on a short body before handing over the bytes it did read; take
        # them, and compare with Content-Length here, so a report counts every byte that came.
        reply.raw.enforce_content_length = False
        expected = _content_length(reply.headers.get("content-length"))

        def chunks() -> Iterator[bytes]:
            try:
                yield from reply.iter_content(CHUNK_BYTES)
            except requests.RequestException as exc:
                raise TransportError(f"connection to {host} dropped ({_root_cause(exc)})", transient=True) from exc
            arrived = reply.raw.tell()  # bytes on the wire (before any content decoding)
            if expected is not None and arrived < expected:
                raise TransportError(
                    f"connection to {host} closed {expected - arrived} bytes before the end of the body", transient=True
                )

        return HttpResponse(
            url=url,
            status=reply.status_code,
            headers={k.lower(): v for k, v in reply.headers.items()},
            chunks=chunks(),
            close=reply.close,
        )


def _seconds(value: float) -> str:
    return f"{value:.0f} s" if value >= 10 else f"{value:.1f} s"


def _content_length(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _closed_before_answer(exc: BaseException) -> bool:
    """Whether the server hung up (or reset) before sending a status line, anywhere in the chain."""
    import http.client

    closed = (http.client.RemoteDisconnected, ConnectionResetError, ConnectionAbortedError, BrokenPipeError)
    seen: set[int] = set()
    pending: list[BaseException] = [exc]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, closed):
            return True
        pending += [e for e in (current.__cause__, current.__context__, *current.args) if isinstance(e, BaseException)]
    return False


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _root_cause(exc: BaseException) -> str:
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


class RateLimiter:
    """At most one request per `interval` seconds across processes.

    The time of the last request lives in `stamp_path`; the lock is held while waiting, so
    processes queue instead of all waking at once.
    """

    def __init__(self, stamp_path: Path, interval: float, clock: Clock):
        self.stamp_path = Path(stamp_path)
        self.interval = interval
        self.clock = clock

    def wait(self) -> float:
        """Sleep until a request is allowed, record it, and return how long it slept."""
        with locked(self.stamp_path):
            last = self._last()
            now = self.clock.time()
            delay = 0.0
            if last is not None:
                # A stamp from the future (clock moved back) still waits one interval at most.
                delay = min(max(last + self.interval - now, 0.0), self.interval)
            if delay > 0:
                self.clock.sleep(delay)
                now = self.clock.time()
            atomic_write_text(self.stamp_path, f"{now!r}\n")
            return delay

    def _last(self) -> float | None:
        with contextlib.suppress(FileNotFoundError, ValueError):
            return float(self.stamp_path.read_text().strip())
        return None


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """`Retry-After` as seconds from `now`: either delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    with contextlib.suppress(TypeError, ValueError, IndexError):
        when = email.utils.parsedate_to_datetime(value)
        return max(when.timestamp() - now, 0.0)
    return None


class HttpClient:
    def __init__(
        self,
        transport: Transport,
        *,
        clock: Clock,
        limiter: RateLimiter | None = None,
        retries: int = 3,
        backoff_s: float = 3.0,
        max_wait_s: float = 120.0,
        timeout: tuple[float, float] = (CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
    ):
        self.transport = transport
        self.clock = clock
        self.limiter = limiter
        self.retries = retries  # extra tries after the first
        self.backoff_s = backoff_s  # first wait; doubles on every retry
        self.max_wait_s = max_wait_s  # a server asking for a longer pause is an error, not a hang
        self.timeout = timeout

    def get(self, url: str, *, what: str, hint: str | None = None) -> HttpResponse:
        """GET `url`; returns the first answer that is not worth retrying (any status).

        Raises `NetworkError` naming `what` when every try failed, the connection cannot be
        made, or the server asks to wait longer than `max_wait_s`.
        """
        attempt = 0
        waited = 0.0  # for answers and between tries, as the closing message reports it
        while True:
            if self.limiter is not None:
                self.limiter.wait()
            try:
                response = self.transport.get(url, headers={"User-Agent": USER_AGENT}, timeout=self.timeout)
            except TransportError as exc:
                waited += exc.waited
                if not exc.transient:
                    raise NetworkError(f"could not get {what}: {exc}", hint=hint) from exc
                failure, delay = str(exc), self._backoff(attempt)
            else:
                if response.status not in RETRY_STATUSES:
                    return response
                response.close()
                failure = f"{_host(url)} answered HTTP {response.status}"
                delay = retry_after_seconds(response.header("retry-after"), self.clock.time())
                if delay is None:
                    delay = self._backoff(attempt)
            if attempt >= self.retries:
                tries = f"{attempt + 1} tries" + (f", {_seconds(waited)} in all" if waited > 0 else "")
                raise NetworkError(f"could not get {what}: {failure} ({tries})", hint=hint)
            if delay > self.max_wait_s:
                raise NetworkError(f"could not get {what}: {failure}, asked to wait {delay:.0f} s", hint=hint)
            self.clock.sleep(delay)
            waited += delay
            attempt += 1

    def _backoff(self, attempt: int) -> float:
        return self.backoff_s * (2**attempt)


# Tests replace these two factories (monkeypatch) to keep every request and sleep off the real world.
def default_transport() -> Transport:
    return RequestsTransport()


def default_clock() -> Clock:
    return SystemClock()


# -- recorded traffic, for tests and for demos without a network ---------------------------------


@dataclass
class Recorded:
    """One recorded answer: status, headers and body (split in chunks to exercise streaming)."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    chunk_bytes: int = 4096
    drop_after: int | None = None  # the connection drops after this many body bytes


class ReplayTransport:
    """A `Transport` answering requests with `Recorded` replies in order; `requests` lists the URLs asked."""

    def __init__(self, replies: Iterable[Recorded]):
        self.replies = list(replies)
        self.requests: list[str] = []

    @classmethod
    def from_file(cls, path: Path) -> "ReplayTransport":
        """Replies from a JSON list of {"status", "headers", "body_file" (next to the JSON), "drop_after"}."""
        import json

        path = Path(path)
        replies = []
        for item in json.loads(path.read_text(encoding="utf-8")):
            body = (path.parent / item["body_file"]).read_bytes() if item.get("body_file") else b""
            replies.append(Recorded(item.get("status", 200), dict(item.get("headers", {})), body, drop_after=item.get("drop_after")))
        return cls(replies)

    def get(self, url: str, *, headers: Mapping[str, str], timeout: tuple[float, float]) -> HttpResponse:
        self.requests.append(url)
        if not self.replies:
            raise TransportError(f"cannot reach {_host(url)} (no recorded reply left)", transient=False)
        reply = self.replies.pop(0)
        return HttpResponse(
            url=url,
            status=reply.status,
            headers={k.lower(): v for k, v in reply.headers.items()},
            chunks=self._chunks(reply, url),
        )

    @staticmethod
    def _chunks(reply: Recorded, url: str) -> Iterator[bytes]:
        body = reply.body if reply.drop_after is None else reply.body[: reply.drop_after]
        for start in range(0, len(body), reply.chunk_bytes):
            yield body[start : start + reply.chunk_bytes]
        if reply.drop_after is not None:
            raise TransportError(f"connection to {_host(url)} dropped (recorded)", transient=True)


class ManualClock:
    """A clock that moves only when slept on: no test waits for real."""

    def __init__(self, start: float = 1_700_000_000.0):
        self.now = start
        self.sleeps: list[float] = []

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
