"""arXiv metadata and PDFs, cache first.

Metadata comes from the Atom API through the `arxiv` package (its query URLs and its feed
parser); its HTTP requests are routed through `paperkit.http.HttpClient`, which adds the
timeouts, the cross-process rate limit and the `Retry-After`-aware retries the package lacks.

Cache layout (under `paperkit.cache.cache_dir()`)::

    arxiv/<id>.json        Metadata as JSON (id as asked: "1603.08511" or "1603.08511v2";
                           old-style ids with "/" replaced by "_")
    arxiv/<id>.pdf         the PDF, verified to start with %PDF-
    arxiv/last-request     time of the last request to arXiv (the rate limit)

Whatever is cached is used without asking the network; `offline=True` never asks it.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from paperkit import http
from paperkit.cache import cache_dir
from paperkit.errors import InvalidInputError, NetworkError, NotFoundError, PaperkitError
from paperkit.files import atomic_open, atomic_write_text
from paperkit.ids import ArxivId, is_arxiv_id, parse_arxiv_id
from paperkit.reading.paper import Metadata
from paperkit.workspace import slug

REQUEST_INTERVAL_S = 3.0  # arXiv's terms of use: no more than one request every three seconds
OFFLINE_ENV = "PAPERKIT_OFFLINE"
_PDF_MAGIC = b"%PDF-"
_PDF_END = b"%%EOF"
_TAIL_BYTES = 2048  # writers may put a little whitespace or a trailing comment after %%EOF
_SPACES = re.compile(r"\s+")


def arxiv_cache() -> Path:
    folder = cache_dir() / "arxiv"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_client() -> http.HttpClient:
    """The HTTP client for arXiv: real transport and clock unless tests swapped the factories."""
    clock = http.default_clock()
    limiter = http.RateLimiter(arxiv_cache() / "last-request", REQUEST_INTERVAL_S, clock)
    return http.HttpClient(http.default_transport(), clock=clock, limiter=limiter)


def _offline(offline: bool) -> bool:
    return offline or os.environ.get(OFFLINE_ENV, "") not in ("", "0")


def _hint(aid: ArxivId) -> str:
    return f"run `paperkit fetch {aid}` when online, or read a local file with --pdf PATH"


# -- metadata ----------------------------------------------------------------------------------


def cached_metadata(aid: ArxivId) -> Metadata | None:
    """Metadata from the cache, or None. An unversioned id falls back to the newest cached version."""
    path = _cached_file(aid, ".json")
    if path is None:
        return None
    try:
        return Metadata.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (ValueError, TypeError, KeyError):
        return None  # a damaged cache entry is refetched, never trusted


def fetch_metadata(aid: ArxivId, *, offline: bool = False, client: http.HttpClient | None = None) -> Metadata:
    cached = cached_metadata(aid)
    if cached is not None:
        return cached
    if _offline(offline):
        raise NetworkError(f"no cached metadata for arXiv:{aid} and working offline", hint=_hint(aid))
    metadata = _query(aid, client or make_client())
    atomic_write_text(arxiv_cache() / f"{slug(aid.versioned)}.json", json.dumps(metadata.to_json(), indent=2) + "\n")
    return metadata


def _query(aid: ArxivId, client: http.HttpClient) -> Metadata:
    import arxiv

    what = f"arXiv:{aid} metadata"
    api = arxiv.Client(page_size=1, delay_seconds=0.0, num_retries=0)  # paperkit's client waits and retries
    api._session = _ArxivSession(client, what=what, hint=_hint(aid))
    search = arxiv.Search(id_list=[aid.versioned], max_results=1)
    try:
        results = list(api.results(search))
    except arxiv.HTTPError as exc:
        if exc.status in (400, 404):
            raise NotFoundError(f"arXiv has no paper {aid} (HTTP {exc.status})", hint="check the id") from None
        raise NetworkError(f"could not get {what}: export.arxiv.org answered HTTP {exc.status}", hint=_hint(aid)) from None
    except arxiv.ArxivError as exc:
        raise NetworkError(f"could not get {what}: {exc.message}", hint=_hint(aid)) from None
    if not results:
        raise NotFoundError(f"arXiv has no paper {aid}", hint="check the id (arxiv.org/abs/<id> shows it)")
    result = results[0]
    if "/api/errors" in result.entry_id:
        reason = _SPACES.sub(" ", result.summary).strip() or "the API reported an error"
        raise NotFoundError(f"arXiv has no paper {aid}: {reason}", hint="check the id")
    return metadata_from_result(result, asked=aid)


class _ArxivSession:
    """Stands in for the `requests.Session` of `arxiv.Client`: its GETs go through `HttpClient`."""

    def __init__(self, client: http.HttpClient, *, what: str, hint: str):
        self._client = client
        self._what = what
        self._hint = hint

    def get(self, url: str, headers: dict[str, str] | None = None, **_: Any) -> "_Reply":
        response = self._client.get(url, what=self._what, hint=self._hint)
        try:
            content = response.read()
        except http.TransportError as exc:
            raise NetworkError(f"could not get {self._what}: {exc}", hint=self._hint) from exc
        return _Reply(response.status, content)


class _Reply:
    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content


def metadata_from_result(result: Any, *, asked: ArxivId | None = None) -> Metadata:
    """`Metadata` from an `arxiv.Result` (whitespace in title and abstract collapsed)."""
    short = result.entry_id.split("arxiv.org/abs/")[-1]
    aid = parse_arxiv_id(short) if is_arxiv_id(short) else asked
    if aid is None:
        raise InvalidInputError(f"arXiv answered with an entry id it cannot be: {result.entry_id!r}")
    if asked is not None:
        if _without_subject_class(aid.base) != _without_subject_class(asked.base):
            raise InvalidInputError(f"arXiv answered with {aid.base} when asked for {asked.base}", hint="try again later")
        # The API drops the subject class of old-style ids (math.GT/0309136 -> math/0309136): keep the asked form.
        aid = ArxivId(asked.base, aid.version)
    return Metadata(
        arxiv_id=aid.base,
        version=aid.version,
        title=_SPACES.sub(" ", result.title).strip(),
        authors=tuple(a.name for a in result.authors),
        abstract=_SPACES.sub(" ", result.summary).strip(),
        categories=tuple(result.categories),
        primary_category=result.primary_category or None,
        published=_iso(result.published),
        updated=_iso(result.updated),
        doi=result.doi or None,
        journal_ref=_SPACES.sub(" ", result.journal_ref).strip() if result.journal_ref else None,
        comment=_SPACES.sub(" ", result.comment).strip() if result.comment else None,
        pdf_url=result.pdf_url or aid.pdf_url,
    )


def _without_subject_class(base: str) -> str:
    archive, slash, number = base.partition("/")
    return f"{archive.split('.')[0]}/{number}" if slash else base


def _iso(when: Any) -> str | None:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ") if when is not None else None


# -- PDF ---------------------------------------------------------------------------------------


def cached_pdf(aid: ArxivId) -> Path | None:
    path = _cached_file(aid, ".pdf")
    if path is None:
        return None
    with path.open("rb") as handle:
        return path if handle.read(len(_PDF_MAGIC)) == _PDF_MAGIC else None


def fetch_pdf(
    aid: ArxivId, *, offline: bool = False, progress: bool = False, client: http.HttpClient | None = None
) -> Path:
    """The PDF of `aid` in the cache, downloading it first if needed.

    The download streams into a temporary file next to its final place and is renamed there
    only once it is complete and starts with %PDF-; an error or Ctrl-C on the way leaves
    nothing behind.
    """
    cached = cached_pdf(aid)
    if cached is not None:
        return cached
    if _offline(offline):
        raise NetworkError(f"no cached PDF for arXiv:{aid} and working offline", hint=_hint(aid))
    client = client or make_client()
    what = f"the PDF of arXiv:{aid}"
    response = client.get(aid.pdf_url, what=what, hint=_hint(aid))
    if response.status == 404:
        response.close()
        raise NotFoundError(f"arXiv has no PDF for {aid} (HTTP 404)", hint="check the id and version")
    if response.status != 200:
        response.close()
        raise NetworkError(f"could not get {what}: arxiv.org answered HTTP {response.status}", hint=_hint(aid))
    target = arxiv_cache() / f"{slug(aid.versioned)}.pdf"
    try:
        with atomic_open(target, "wb") as handle, _DownloadBar(progress, aid, response.content_length) as advance:
            _stream_pdf(response, handle, advance, what, aid)
    finally:
        response.close()
    return target


def _stream_pdf(response: http.HttpResponse, handle: Any, advance: Any, what: str, aid: ArxivId) -> int:
    head = b""
    tail = b""  # the last bytes, where a complete PDF has its %%EOF marker
    received = 0
    try:
        for chunk in response.chunks:
            if not chunk:
                continue
            if len(head) < len(_PDF_MAGIC):
                head += chunk[: len(_PDF_MAGIC) - len(head)]
                if len(head) >= len(_PDF_MAGIC) and head != _PDF_MAGIC:
                    raise _not_a_pdf(response, chunk, aid)
            handle.write(chunk)
            tail = (tail + chunk)[-_TAIL_BYTES:]
            received += len(chunk)
            advance(len(chunk))
    except http.TransportError as exc:
        raise NetworkError(f"download of {what} interrupted after {received} bytes: {exc}", hint="run the command again") from exc
    if head != _PDF_MAGIC:
        raise _not_a_pdf(response, head, aid)
    expected = response.content_length
    if expected is not None and received != expected:
        raise NetworkError(
            f"download of {what} stopped after {received} of {expected} bytes", hint="run the command again"
        )
    if _PDF_END not in tail:
        raise NetworkError(f"download of {what} is incomplete: no %%EOF at the end after {received} bytes", hint="run the command again")
    return received


def _not_a_pdf(response: http.HttpResponse, start: bytes, aid: ArxivId) -> PaperkitError:
    kind = response.header("content-type") or "no content type"
    looks = "an HTML page" if "html" in kind.lower() or start.lstrip()[:1] == b"<" else "a file that is not a PDF"
    return InvalidInputError(
        f"arxiv.org sent {looks} ({kind}) instead of the PDF of arXiv:{aid}; nothing was saved",
        hint="arXiv may be rate-limiting or under maintenance: try later, or download it in a browser and use --pdf PATH",
    )


class _DownloadBar:
    """A rich download bar on stderr when asked for; otherwise a no-op `advance`."""

    def __init__(self, enabled: bool, aid: ArxivId, total: int | None):
        self.enabled = enabled
        self.aid = aid
        self.total = total
        self._bar = None

    def __enter__(self):
        if not self.enabled:
            return lambda n: None
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

        self._bar = Progress(
            TextColumn(f"{self.aid}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
            console=Console(stderr=True), transient=True,
        )
        self._bar.__enter__()
        task = self._bar.add_task("pdf", total=self.total)
        return lambda n: self._bar.advance(task, n)

    def __exit__(self, *exc: Any) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


# -- cache lookup --------------------------------------------------------------------------------


def _cached_file(aid: ArxivId, suffix: str) -> Path | None:
    folder = arxiv_cache()
    exact = folder / f"{slug(aid.versioned)}{suffix}"
    if exact.is_file():
        return exact
    if aid.version is not None:
        return None
    versions = []
    for path in folder.glob(f"{slug(aid.base)}v*{suffix}"):
        number = path.name[len(slug(aid.base)) + 1 : -len(suffix)]
        if number.isdigit():
            versions.append((int(number), path))
    return max(versions)[1] if versions else None
