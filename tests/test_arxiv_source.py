from __future__ import annotations

import http.server
import json
import socket
from pathlib import Path

import pytest

from loopback import loopback_server
from paperkit.reading import arxiv_source
from paperkit import http as phttp
from paperkit.reading.arxiv_source import cached_metadata, cached_pdf, fetch_metadata, fetch_pdf
from paperkit.errors import InvalidInputError, NetworkError, NotFoundError
from paperkit.http import HttpClient, ManualClock, RateLimiter, Recorded, ReplayTransport, RequestsTransport, TransportError
from paperkit.ids import parse_arxiv_id

FIXTURES = Path(__file__).parent / "fixtures" / "arxiv"
FAKE_PDF = b"%PDF-1.4\n% paperkit test document\n" + b"0123456789" * 300 + b"\n%%EOF\n"


def atom(name: str) -> Recorded:
    return Recorded(200, {"Content-Type": "application/atom+xml; charset=utf-8"}, (FIXTURES / name).read_bytes())


def pdf_reply(body: bytes = FAKE_PDF, **kwargs) -> Recorded:
    headers = {"Content-Type": "application/pdf", "Content-Length": str(len(body))}
    return Recorded(200, headers, body, chunk_bytes=512, **kwargs)


@pytest.fixture
def clock(monkeypatch) -> ManualClock:
    fake = ManualClock()
    monkeypatch.setattr(phttp, "default_clock", lambda: fake)
    return fake


@pytest.fixture
def serve(monkeypatch, clock):
    """Install a replay of recorded answers as the transport; returns it for assertions."""

    def install(*replies) -> ReplayTransport:
        transport = replies[0] if isinstance(replies[0], ReplayTransport) else ReplayTransport(replies)
        monkeypatch.setattr(phttp, "default_transport", lambda: transport)
        return transport

    return install


def leftovers() -> list[str]:
    return sorted(p.name for p in arxiv_source.arxiv_cache().iterdir() if p.name not in ("last-request", "last-request.lock"))


# -- metadata ----------------------------------------------------------------------------------


def test_metadata_fields_come_from_the_atom_entry(serve):
    transport = serve(atom("1603.08511.xml"))
    meta = fetch_metadata(parse_arxiv_id("arXiv:1603.08511"))
    assert transport.requests[0].startswith("https://export.arxiv.org/api/query?")
    assert "id_list=1603.08511" in transport.requests[0]
    assert meta.arxiv_id == "1603.08511" and meta.version == 5
    assert meta.title == "Colorful Image Colorization"
    assert meta.authors == ("Richard Zhang", "Phillip Isola", "Alexei A. Efros")
    assert meta.abstract.startswith("Paraphrase written for paperkit's tests: a network predicts")
    assert "\n" not in meta.abstract and "  " not in meta.abstract
    assert meta.categories == ("cs.CV",) and meta.primary_category == "cs.CV"
    assert meta.published == "2016-03-28T19:59:56Z" and meta.updated == "2016-10-05T18:24:19Z"
    assert meta.year == 2016
    assert meta.pdf_url == "https://arxiv.org/pdf/1603.08511v5"
    assert meta.comment.startswith("Paraphrased comment")
    assert meta.doi is None and meta.journal_ref is None


def test_metadata_is_cached_and_reused_without_requests(serve):
    transport = serve(atom("2004.11362.xml"))
    aid = parse_arxiv_id("2004.11362")
    first = fetch_metadata(aid)
    assert len(transport.requests) == 1
    assert fetch_metadata(aid) == first
    assert fetch_metadata(aid, offline=True) == first
    assert cached_metadata(aid) == first
    assert len(transport.requests) == 1
    assert first.categories == ("cs.LG", "cs.CV", "stat.ML") and first.primary_category == "cs.LG"


def test_old_style_versioned_id_with_doi_and_journal_ref(serve):
    transport = serve(atom("math.GT_0309136v2.xml"))
    meta = fetch_metadata(parse_arxiv_id("math.GT/0309136v2"))
    assert "id_list=math.GT%2F0309136v2" in transport.requests[0]
    assert meta.arxiv_id == "math.GT/0309136" and meta.version == 2
    assert meta.title == "A Fictional Invariant of Knots & Links for Testing"
    assert meta.doi == "10.1000/fictional.0309136"
    assert meta.journal_ref == "J. Fict. Topol. 1 (2004) 1-12"
    assert meta.authors[1] == "Ludwig van Testing"
    assert (arxiv_source.arxiv_cache() / "math.GT_0309136v2.json").is_file()


def test_unversioned_lookup_falls_back_to_newest_cached_version(serve):
    cache = arxiv_source.arxiv_cache()
    for version in (2, 5):
        data = {"arxiv_id": "1603.08511", "version": version, "title": f"v{version}", "authors": []}
        (cache / f"1603.08511v{version}.json").write_text(json.dumps(data))
    assert cached_metadata(parse_arxiv_id("1603.08511")).version == 5
    assert cached_metadata(parse_arxiv_id("1603.08511v2")).title == "v2"
    assert cached_metadata(parse_arxiv_id("1603.08511v3")) is None


def test_damaged_cache_entry_is_refetched(serve):
    (arxiv_source.arxiv_cache() / "1603.08511.json").write_text("{not json")
    transport = serve(atom("1603.08511.xml"))
    assert fetch_metadata(parse_arxiv_id("1603.08511")).title == "Colorful Image Colorization"
    assert len(transport.requests) == 1


@pytest.mark.parametrize("fixture", ["empty.xml", "error_id.xml"])
def test_unknown_id_is_not_found_and_nothing_is_cached(serve, fixture):
    serve(atom(fixture))
    with pytest.raises(NotFoundError, match="arXiv has no paper 1603.08511") as info:
        fetch_metadata(parse_arxiv_id("1603.08511"))
    assert "\n" not in str(info.value)
    assert leftovers() == []


def test_429_waits_as_long_as_retry_after_says_then_succeeds(serve, clock):
    transport = serve(ReplayTransport.from_file(FIXTURES / "rate_limited.json"))
    meta = fetch_metadata(parse_arxiv_id("1603.08511"))
    assert meta.version == 5
    assert len(transport.requests) == 2
    assert clock.sleeps == [7.0]


def test_503_without_retry_after_backs_off_then_succeeds(serve, clock):
    serve(ReplayTransport.from_file(FIXTURES / "unavailable_then_ok.json"))
    assert fetch_metadata(parse_arxiv_id("2004.11362")).title == "Supervised Contrastive Learning"
    assert clock.sleeps == [3.0]  # the backoff, which also satisfies the rate limit


def test_503_every_time_gives_up_after_bounded_retries(serve, clock):
    transport = serve(ReplayTransport.from_file(FIXTURES / "unavailable.json"))
    with pytest.raises(NetworkError) as info:
        fetch_metadata(parse_arxiv_id("1603.08511"))
    message = str(info.value)
    assert "arXiv:1603.08511 metadata" in message and "HTTP 503" in message and "4 tries" in message
    assert "--pdf PATH" in message and "\n" not in message
    assert len(transport.requests) == 4 and clock.sleeps == [5.0, 5.0, 5.0]
    assert leftovers() == []


def test_retry_after_longer_than_the_cap_fails_at_once(serve, clock):
    transport = serve(Recorded(429, {"Retry-After": "3600"}))
    with pytest.raises(NetworkError, match="asked to wait 3600 s"):
        fetch_metadata(parse_arxiv_id("1603.08511"))
    assert len(transport.requests) == 1 and clock.sleeps == []


def test_retry_after_accepts_seconds_and_http_dates():
    now = 1_700_000_000.0  # 2023-11-14T22:13:20Z
    assert phttp.retry_after_seconds("12", now) == 12.0
    assert phttp.retry_after_seconds("Tue, 14 Nov 2023 22:13:50 GMT", now) == pytest.approx(30.0)
    assert phttp.retry_after_seconds("Tue, 14 Nov 2023 22:00:00 GMT", now) == 0.0
    assert phttp.retry_after_seconds("soon", now) is None
    assert phttp.retry_after_seconds(None, now) is None


def test_offline_without_cache_names_what_failed_and_suggests_pdf_path(serve):
    transport = serve(atom("1603.08511.xml"))
    with pytest.raises(NetworkError) as info:
        fetch_metadata(parse_arxiv_id("1603.08511"), offline=True)
    assert "no cached metadata for arXiv:1603.08511" in str(info.value) and "--pdf PATH" in str(info.value)
    with pytest.raises(NetworkError, match="no cached PDF for arXiv:1603.08511"):
        fetch_pdf(parse_arxiv_id("1603.08511"), offline=True)
    assert transport.requests == []


def test_offline_environment_variable(serve, monkeypatch):
    transport = serve(atom("1603.08511.xml"))
    monkeypatch.setenv("PAPERKIT_OFFLINE", "1")
    with pytest.raises(NetworkError, match="working offline"):
        fetch_metadata(parse_arxiv_id("1603.08511"))
    assert transport.requests == []


def test_network_down_is_one_clear_line_without_retries(serve, clock):
    transport = serve(ReplayTransport([]))
    with pytest.raises(NetworkError) as info:
        fetch_metadata(parse_arxiv_id("1603.08511"))
    message = str(info.value)
    assert message.startswith("could not get arXiv:1603.08511 metadata: cannot reach export.arxiv.org")
    assert "--pdf PATH" in message and "\n" not in message
    assert len(transport.requests) == 1 and clock.sleeps == []


# -- rate limit --------------------------------------------------------------------------------


def test_requests_are_spaced_three_seconds_apart(serve, clock):
    serve(atom("1603.08511.xml"), atom("2004.11362.xml"))
    fetch_metadata(parse_arxiv_id("1603.08511"))
    clock.now += 1.0  # one second passes before the next request
    fetch_metadata(parse_arxiv_id("2004.11362"))
    assert clock.sleeps == [pytest.approx(2.0)]


def test_rate_limit_is_shared_through_the_stamp_file(tmp_path):
    clock = ManualClock()
    stamp = tmp_path / "last-request"
    first, second = RateLimiter(stamp, 3.0, clock), RateLimiter(stamp, 3.0, clock)  # two "processes"
    assert first.wait() == 0.0
    assert second.wait() == 3.0
    clock.now += 10.0
    assert first.wait() == 0.0
    stamp.write_text(f"{clock.now + 1e6!r}\n")  # a stamp from the future (clock set back)
    assert second.wait() == 3.0


# -- PDF ---------------------------------------------------------------------------------------


def test_pdf_is_streamed_into_the_cache_and_reused(serve):
    transport = serve(pdf_reply())
    aid = parse_arxiv_id("1603.08511v5")
    path = fetch_pdf(aid, progress=True)
    assert path == arxiv_source.arxiv_cache() / "1603.08511v5.pdf"
    assert path.read_bytes() == FAKE_PDF
    assert transport.requests == ["https://arxiv.org/pdf/1603.08511v5"]
    assert fetch_pdf(aid) == path and fetch_pdf(aid, offline=True) == path
    assert fetch_pdf(parse_arxiv_id("1603.08511"), offline=True) == path  # newest cached version
    assert cached_pdf(aid) == path
    assert len(transport.requests) == 1


def test_old_style_pdf_lands_in_a_flat_cache_name(serve):
    transport = serve(pdf_reply())
    path = fetch_pdf(parse_arxiv_id("hep-th/9901001"))
    assert path.name == "hep-th_9901001.pdf"
    assert transport.requests == ["https://arxiv.org/pdf/hep-th/9901001"]


def test_html_page_served_as_pdf_is_rejected_and_nothing_saved(serve):
    serve(ReplayTransport.from_file(FIXTURES / "html_as_pdf.json"))
    with pytest.raises(InvalidInputError) as info:
        fetch_pdf(parse_arxiv_id("1603.08511"))
    message = str(info.value)
    assert "sent an HTML page (text/html; charset=utf-8) instead of the PDF of arXiv:1603.08511" in message
    assert "--pdf PATH" in message
    assert leftovers() == []


def test_interrupted_download_leaves_nothing_half_written(serve):
    serve(pdf_reply(drop_after=1500))
    with pytest.raises(NetworkError, match="interrupted after 1500 bytes"):
        fetch_pdf(parse_arxiv_id("1603.08511"))
    assert leftovers() == []


def test_short_body_is_rejected(serve):
    reply = pdf_reply()
    reply.headers["Content-Length"] = str(len(FAKE_PDF) + 100)
    serve(reply)
    with pytest.raises(NetworkError, match=f"stopped after {len(FAKE_PDF)} of {len(FAKE_PDF) + 100} bytes"):
        fetch_pdf(parse_arxiv_id("1603.08511"))
    assert leftovers() == []


def test_truncated_pdf_without_length_is_rejected(serve):
    serve(Recorded(200, {"Content-Type": "application/pdf"}, FAKE_PDF[:2000]))
    with pytest.raises(NetworkError, match="incomplete: no %%EOF"):
        fetch_pdf(parse_arxiv_id("1603.08511"))
    assert leftovers() == []


def test_ctrl_c_during_download_leaves_nothing(serve, monkeypatch):
    transport = serve(pdf_reply())

    def interrupted(reply, url):
        yield reply.body[:1000]
        raise KeyboardInterrupt

    monkeypatch.setattr(transport, "_chunks", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fetch_pdf(parse_arxiv_id("1603.08511"))
    assert leftovers() == []


def test_missing_pdf_is_not_found(serve):
    serve(Recorded(404, {"Content-Type": "text/html"}, b"<html>no</html>"))
    with pytest.raises(NotFoundError, match="arXiv has no PDF for 1603.08511v9"):
        fetch_pdf(parse_arxiv_id("1603.08511v9"))
    assert leftovers() == []


def test_a_cached_file_that_is_not_a_pdf_is_not_trusted(serve):
    (arxiv_source.arxiv_cache() / "1603.08511.pdf").write_bytes(b"<html>oops</html>")
    transport = serve(pdf_reply())
    assert fetch_pdf(parse_arxiv_id("1603.08511")).read_bytes() == FAKE_PDF
    assert len(transport.requests) == 1


# -- the real transport, against a server on loopback ------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path == "/pdf":
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(FAKE_PDF)))
            self.end_headers()
            self.wfile.write(FAKE_PDF)
        elif self.path == "/busy":
            self.send_response(429)
            self.send_header("Retry-After", "4")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:  # promises more than it sends, then hangs up
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"%PDF-1.4 truncated")
            self.wfile.flush()
            self.close_connection = True


@pytest.fixture
def local_server():
    with loopback_server(_Handler) as url:
        yield url


def test_requests_transport_streams_and_reports_status(local_server):
    transport = RequestsTransport()
    ok = transport.get(f"{local_server}/pdf", headers={"User-Agent": phttp.USER_AGENT}, timeout=(2, 2))
    assert ok.status == 200 and ok.content_length == len(FAKE_PDF) and ok.read() == FAKE_PDF
    busy = transport.get(f"{local_server}/busy", headers={}, timeout=(2, 2))
    assert busy.status == 429 and busy.header("Retry-After") == "4"
    busy.close()


def test_requests_transport_turns_a_dropped_connection_into_a_transport_error(local_server):
    response = RequestsTransport().get(f"{local_server}/drop", headers={}, timeout=(2, 2))
    with pytest.raises(TransportError) as info:
        response.read()
    assert info.value.transient


def test_requests_transport_connection_refused_is_not_retried():
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    clock = ManualClock()
    client = HttpClient(RequestsTransport(), clock=clock)
    with pytest.raises(NetworkError, match=f"could not get the test page: cannot reach 127.0.0.1:{port}"):
        client.get(f"http://127.0.0.1:{port}/", what="the test page")
    assert clock.sleeps == []
