"""paperkit.http against a server on loopback (127.0.0.1 only, every wait bounded) and fake transports."""

from __future__ import annotations

import http.server
import re
import socket
import time

import pytest

from loopback import loopback_server

from paperkit import http as phttp
from paperkit.errors import NetworkError
from paperkit.http import HttpClient, ManualClock, RequestsTransport, TransportError

BODY = b"%PDF-1.4\n" + b"x" * 49_050  # 49,059 bytes arrive ...
PROMISED = 60_000  # ... of the 60,000 the headers promise


class _Handler(http.server.BaseHTTPRequestHandler):
    calls: dict[str, int] = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        count = self.calls[self.path] = self.calls.get(self.path, 0) + 1
        if self.path == "/hang-up" or (self.path == "/hang-up-once" and count == 1):
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)  # closed before any status line
            return
        if self.path == "/silent":
            time.sleep(1.0)  # longer than the test's read timeout, bounded
            self.close_connection = True
            return
        if self.path == "/short":
            self.send_response(200)
            self.send_header("Content-Length", str(PROMISED))
            self.end_headers()
            self.wfile.write(BODY)
            self.wfile.flush()
            self.close_connection = True
            return
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")


@pytest.fixture
def server():
    _Handler.calls = {}
    with loopback_server(_Handler) as url:
        yield url


def test_a_connection_closed_before_any_answer_is_retried_like_a_503(server):
    clock = ManualClock()
    client = HttpClient(RequestsTransport(), clock=clock, timeout=(2, 2))
    response = client.get(f"{server}/hang-up-once", what="the page")
    assert response.status == 200 and response.read() == b"ok"
    assert _Handler.calls["/hang-up-once"] == 2 and clock.sleeps == [3.0]  # one backoff, as after a 503


def test_a_server_that_always_hangs_up_fails_after_the_bounded_retries(server):
    clock = ManualClock()
    client = HttpClient(RequestsTransport(), clock=clock, timeout=(2, 2), retries=2)
    with pytest.raises(NetworkError) as info:
        client.get(f"{server}/hang-up", what="the page")
    message = str(info.value)
    assert "closed the connection before answering (3 tries" in message and "\n" not in message
    assert _Handler.calls["/hang-up"] == 3 and clock.sleeps == [3.0, 6.0]


def test_a_timeout_says_how_long_was_actually_waited(server):
    clock = ManualClock()
    client = HttpClient(RequestsTransport(), clock=clock, timeout=(5, 0.3), retries=1, backoff_s=2.0)
    with pytest.raises(NetworkError) as info:
        client.get(f"{server}/silent", what="the page")
    message = str(info.value)
    # The read timeout (0.3 s) is what ran out, not the connect timeout (5 s); the total adds the
    # backoff. Only lower bounds: a loaded machine may wait longer, never shorter.
    found = re.search(r"took the request but sent no answer in ([\d.]+) s \(2 tries, ([\d.]+) s in all\)", message)
    assert found, message
    each, total = float(found[1]), float(found[2])
    assert each >= 0.3 and total >= 2 * 0.3 + 2.0 and "5 s" not in message


def test_waits_add_up_in_the_closing_message():
    class Silent:
        def get(self, url, *, headers, timeout):
            raise TransportError("example.org took the request but sent no answer in 60 s", transient=True, waited=60.0)

    clock = ManualClock()
    with pytest.raises(NetworkError) as info:
        HttpClient(Silent(), clock=clock).get("https://example.org/x", what="the page")
    # 4 tries of 60 s each, and the backoffs 3 + 6 + 12 s between them
    assert str(info.value).endswith("no answer in 60 s (4 tries, 261 s in all)")


def test_a_short_body_hands_over_every_byte_that_came_and_says_how_many_are_missing(server):
    response = RequestsTransport().get(f"{server}/short", headers={}, timeout=(2, 2))
    received = 0
    with pytest.raises(TransportError) as info:
        for chunk in response.chunks:
            received += len(chunk)
    assert received == len(BODY) == 49_059
    assert f"closed {PROMISED - len(BODY)} bytes before the end" in str(info.value) and info.value.transient


def test_a_short_pdf_download_reports_the_bytes_it_got(server, monkeypatch):
    from paperkit.ids import parse_arxiv_id
    from paperkit.reading import arxiv_source

    class Loopback(RequestsTransport):
        def get(self, url, *, headers, timeout):
            return super().get(f"{server}/short", headers=headers, timeout=(2, 2))

    monkeypatch.setattr(phttp, "default_transport", Loopback)
    monkeypatch.setattr(phttp, "default_clock", ManualClock)
    with pytest.raises(NetworkError) as info:
        arxiv_source.fetch_pdf(parse_arxiv_id("1603.08511"))
    assert "interrupted after 49059 bytes" in str(info.value)
    assert not list(arxiv_source.arxiv_cache().glob("*.pdf"))
