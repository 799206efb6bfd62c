"""From what a user types (an arXiv id or URL, or a PDF path) to a parsed `Paper`.

Parsing is the slow step, so its result is cached as JSON in the cache folder, keyed by the
SHA-256 of the PDF's bytes (and the parser version): reopening a paper is a file read, whatever
path or id it was reached by. arXiv metadata is attached when known; it is trusted over the
PDF's own title and authors when those look doubtful (missing, a file name, or disagreeing).

A PDF that needs a password to be read is never cached: its parse would be its text in clear,
readable by anyone with the cache folder and served later without the password. Every open of
such a file goes through the password check and a fresh parse (and a parse an older paperkit
cached for it is deleted).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path

from paperkit.errors import NetworkError
from paperkit.reading.paper import Metadata, Paper

# Bump when parse.py changes what it extracts, so stale cached parses are not reused.
PARSER_VERSION = "44"


_ENCRYPT = b"/Encrypt"


def file_sha256(path: str | os.PathLike) -> str:
    return _file_identity(path)[0]


def _file_identity(path: str | os.PathLike) -> tuple[str, bool]:
    """The SHA-256 of a file's bytes, and whether `/Encrypt` is among them (`needs_password`), from
    one read of the file: a paper's bytes read and searched once instead of twice (about 1.5 ms of
    the 5 ms both took on a 3 MB paper)."""
    digest = hashlib.sha256()
    marked, tail = False, b""
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 22):
            digest.update(chunk)
            if not marked:  # (the marker may straddle two chunks)
                marked = _ENCRYPT in chunk or _ENCRYPT in tail + chunk[:len(_ENCRYPT) - 1]
                tail = chunk[1 - len(_ENCRYPT):]
    return digest.hexdigest(), marked


def needs_password(pdf_path: str | os.PathLike, *, marked: bool | None = None) -> bool:
    """Whether reading the PDF takes a password (an owner-only password does not count).

    An encrypted PDF names its /Encrypt dictionary in the trailer or the cross-reference stream's
    dictionary, which are never compressed, so a file without those bytes is not encrypted and
    PyMuPDF is opened only for the few that have them. `marked`: whether the file holds those
    bytes, when already known (`_file_identity`).
    """
    if marked is None:
        marked = _file_identity(pdf_path)[1]
    if not marked:
        return False
    import pymupdf

    from paperkit.reading.pdf import messages_to_stderr

    messages_to_stderr(pymupdf)
    try:
        with pymupdf.open(pdf_path, filetype="pdf") as doc:
            return bool(doc.needs_pass)
    except Exception:  # a damaged file: open_pdf says what is wrong when it is parsed
        return False


def parsed_cache_path(pdf_path: str | os.PathLike) -> Path:
    return _parsed_cache_path(file_sha256(pdf_path))


def _parsed_cache_path(sha256: str) -> Path:
    from paperkit.cache import cache_dir

    return cache_dir() / "parsed" / f"{sha256}-p{PARSER_VERSION}.json"


def load_or_parse(pdf_path: str | os.PathLike, *, password: str | None = None) -> Paper:
    """Parse `pdf_path`, or read the parse cached for a file with the same bytes."""
    from paperkit.files import atomic_write_text
    from paperkit.reading.parse import parse_pdf
    from paperkit.reading.pdf import check_pdf_file

    check_pdf_file(pdf_path)  # a one-line error before hashing or caching anything
    sha256, marked = _file_identity(pdf_path)
    cached = _parsed_cache_path(sha256)
    if needs_password(pdf_path, marked=marked):
        cached.unlink(missing_ok=True)  # plaintext an older paperkit left there
        return parse_pdf(pdf_path, password=password)  # checks the password first, every time
    if cached.exists():
        try:
            paper = Paper.from_json(json.loads(cached.read_text(encoding="utf-8")))
            return dataclasses.replace(paper, source=str(pdf_path))
        except (ValueError, KeyError, TypeError):
            pass  # a damaged cache entry is reparsed, never trusted
    paper = parse_pdf(pdf_path, password=password)
    data = paper.to_json()
    data["metadata"] = None  # metadata lives in its own cache; this one is about the file only
    # Not synced to the disk (2-6 ms of the command): an entry a crash leaves empty or cut short
    # fails to load above and the paper is parsed again.
    atomic_write_text(cached, json.dumps(data, ensure_ascii=False) + "\n", durable=False)
    return paper


def open_paper(source: str, *, pdf: str | None = None, password: str | None = None, offline: bool = False,
               progress: bool = False) -> Paper:
    """The parsed paper for an arXiv id/URL or a PDF path (`pdf` reads a local file for an id)."""
    if pdf is None:
        path = Path(source).expanduser()
        if path.exists():  # a local file: no arXiv id to read (paperkit.ids is not even imported)
            return load_or_parse(path, password=password)
    from paperkit.ids import is_arxiv_id, parse_arxiv_id

    if pdf is not None:
        paper = load_or_parse(pdf, password=password)
        if is_arxiv_id(source):
            return attach_metadata(paper, _known_metadata(parse_arxiv_id(source), offline))
        return paper
    if not is_arxiv_id(source):
        if not _looks_like_path(source):
            parse_arxiv_id(source)  # raises a UsageError saying why this is not an id
        return load_or_parse(path, password=password)
    from paperkit.reading import arxiv_source

    aid = parse_arxiv_id(source)
    pdf_path = arxiv_source.fetch_pdf(aid, offline=offline, progress=progress)
    paper = load_or_parse(pdf_path, password=password)
    return attach_metadata(paper, _known_metadata(aid, offline))


def _looks_like_path(source: str) -> bool:
    return source.lower().endswith(".pdf") or "/" in source or os.sep in source or source.startswith(".")


def _known_metadata(aid, offline: bool) -> Metadata | None:
    """Metadata if it can be had; a paper still opens without it (e.g. offline with only a PDF)."""
    from paperkit.reading import arxiv_source

    try:
        return arxiv_source.fetch_metadata(aid, offline=offline)
    except NetworkError:
        return arxiv_source.cached_metadata(aid)


def _similar(a: str, b: str) -> float:
    import difflib  # (only when arXiv metadata is attached: not on the way of a local PDF's outline)

    return difflib.SequenceMatcher(None, " ".join(a.lower().split()), " ".join(b.lower().split())).ratio()


def attach_metadata(paper: Paper, metadata: Metadata | None) -> Paper:
    """Attach `metadata`, preferring its title/authors over the PDF's doubtful ones."""
    if metadata is None:
        return paper
    title = paper.title
    stem = Path(paper.source).stem if paper.source else ""
    if not title or title == stem or _similar(title, metadata.title) < 0.8:
        title = metadata.title
    authors = paper.authors
    if metadata.authors and (not authors or _author_overlap(authors, metadata.authors) < 0.5):
        authors = tuple(metadata.authors)
    abstract = paper.abstract or metadata.abstract or None
    return dataclasses.replace(paper, title=title, authors=authors, abstract=abstract, metadata=metadata)


def _author_overlap(found: tuple[str, ...], known: tuple[str, ...]) -> float:
    surnames = {name.split()[-1].lower() for name in known if name.split()}
    hits = sum(1 for name in found if name.split() and name.split()[-1].lower() in surnames)
    return hits / max(len(known), 1)
