"""open_paper: paths and arXiv ids, the parse cache, and metadata attachment."""

from __future__ import annotations

import pytest

from corpus import samples
from paperkit.errors import NetworkError
from paperkit.reading.paper import Metadata


@pytest.fixture(scope="module")
def pdf_bytes():
    return samples.generate_bytes("lncs", 0)


@pytest.fixture
def pdf(tmp_path, pdf_bytes):
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf_bytes[0])
    return path


@pytest.fixture
def count_parses(monkeypatch):
    import paperkit.reading.parse

    calls = []
    real = paperkit.reading.parse.parse_pdf

    def counting(path, **kwargs):
        calls.append(path)
        return real(path, **kwargs)

    monkeypatch.setattr(paperkit.reading.parse, "parse_pdf", counting)
    return calls


def test_cache_hit_does_not_reparse(pdf, tmp_path, count_parses):
    from paperkit.reading.resolve import open_paper

    first = open_paper(str(pdf))
    copy = tmp_path / "renamed copy.pdf"
    copy.write_bytes(pdf.read_bytes())
    second = open_paper(str(copy))  # same bytes, other path: still a cache hit
    assert len(count_parses) == 1
    assert second == first.__class__(**{**first.__dict__, "source": str(copy)})
    assert second.source == str(copy)


def test_changed_file_is_parsed_again(pdf, count_parses):
    from paperkit.reading.resolve import open_paper

    open_paper(str(pdf))
    pdf.write_bytes(pdf.read_bytes() + b"\n% appended comment\n%%EOF\n")
    open_paper(str(pdf))
    assert len(count_parses) == 2


def test_damaged_cache_entry_is_reparsed(pdf, count_parses):
    from paperkit.reading.resolve import open_paper, parsed_cache_path

    open_paper(str(pdf))
    parsed_cache_path(pdf).write_text("{not json")
    paper = open_paper(str(pdf))
    assert len(count_parses) == 2 and paper.sections


def _metadata(title: str, authors: tuple[str, ...]) -> Metadata:
    return Metadata(arxiv_id="1603.08511", version=2, title=title, authors=authors, abstract="From arXiv.")


def test_arxiv_id_uses_arxiv_source(pdf, pdf_bytes, monkeypatch):
    from paperkit.reading import arxiv_source
    from paperkit.reading.resolve import open_paper

    truth = pdf_bytes[1]
    asked = []
    monkeypatch.setattr(arxiv_source, "fetch_pdf", lambda aid, **kw: asked.append(("pdf", str(aid), kw)) or pdf)
    meta = _metadata(truth.title, tuple(truth.authors))
    monkeypatch.setattr(arxiv_source, "fetch_metadata", lambda aid, **kw: asked.append(("meta", str(aid), kw)) or meta)
    paper = open_paper("https://arxiv.org/abs/1603.08511v2", offline=True)
    assert [(kind, aid, kw["offline"]) for kind, aid, kw in asked] == [("pdf", "1603.08511v2", True), ("meta", "1603.08511v2", True)]
    assert paper.metadata == meta
    assert paper.title == truth.title and list(paper.authors) == truth.authors
    assert paper.abstract == truth.abstract  # the PDF's own abstract is kept when there is one


def test_doubtful_pdf_title_gives_way_to_metadata(pdf, monkeypatch):
    from paperkit.reading import arxiv_source
    from paperkit.reading.resolve import open_paper

    meta = _metadata("A Completely Different Title", ("Grace Hopper", "Alan Turing"))
    monkeypatch.setattr(arxiv_source, "fetch_pdf", lambda aid, **kw: pdf)
    monkeypatch.setattr(arxiv_source, "fetch_metadata", lambda aid, **kw: meta)
    paper = open_paper("1603.08511")
    assert paper.title == meta.title and paper.authors == meta.authors


def test_local_pdf_for_an_id_without_network(pdf, monkeypatch):
    from paperkit.reading import arxiv_source
    from paperkit.reading.resolve import open_paper

    def offline(aid, **kw):
        raise NetworkError("no cached metadata and working offline")

    monkeypatch.setattr(arxiv_source, "fetch_pdf", lambda aid, **kw: pytest.fail("must not download with --pdf"))
    monkeypatch.setattr(arxiv_source, "fetch_metadata", offline)
    monkeypatch.setattr(arxiv_source, "cached_metadata", lambda aid: None)
    paper = open_paper("1603.08511", pdf=str(pdf), offline=True)
    assert paper.metadata is None and paper.sections


def test_uncached_id_offline_is_a_network_error(monkeypatch):
    from paperkit.reading.resolve import open_paper

    with pytest.raises(NetworkError, match="--pdf"):
        open_paper("2004.11362", offline=True)


@pytest.fixture
def encrypted_pdf(tmp_path, pdf_bytes):
    import pymupdf

    doc = pymupdf.open(stream=pdf_bytes[0], filetype="pdf")
    path = tmp_path / "locked.pdf"
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="s3cret", owner_pw="owner-s3cret")
    doc.close()
    return path


def _cache_files():
    import os
    from pathlib import Path

    return [p for p in Path(os.environ["PAPERKIT_CACHE"]).rglob("*") if p.is_file()]


def test_an_encrypted_pdf_is_never_served_without_its_password(encrypted_pdf, pdf_bytes, run):
    from paperkit.reading.resolve import needs_password

    assert needs_password(encrypted_pdf)
    title = pdf_bytes[1].title
    code, out, err = run("outline", str(encrypted_pdf), "--password", "s3cret")
    assert code == 0 and title in out
    for extra, words in (((), "is encrypted"), (("--password", "wrong"), "wrong password")):
        code, out, err = run("outline", str(encrypted_pdf), *extra)
        assert code != 0 and title not in out
        assert err.count("\n") == 1 and "Traceback" not in err
        assert words in err
    # nothing in the cache holds the paper's text in clear
    probe = " ".join(title.split()[:3]).encode()
    assert all(probe not in p.read_bytes() for p in _cache_files())


def test_a_plaintext_parse_left_by_an_older_version_is_deleted_not_served(encrypted_pdf, count_parses):
    import json

    from paperkit.errors import PaperkitError
    from paperkit.reading.resolve import open_paper, parsed_cache_path

    parsed_cache_path(encrypted_pdf).parent.mkdir(parents=True, exist_ok=True)
    parsed_cache_path(encrypted_pdf).write_text(json.dumps({"title": "the secret text"}))
    with pytest.raises(PaperkitError, match="encrypted"):
        open_paper(str(encrypted_pdf))
    assert not parsed_cache_path(encrypted_pdf).exists()
    assert open_paper(str(encrypted_pdf), password="s3cret").sections
    assert open_paper(str(encrypted_pdf), password="s3cret").sections
    assert len(count_parses) == 3  # every open parses again (and checks the password first)


def test_a_plain_pdf_does_not_need_a_password(pdf):
    from paperkit.reading.resolve import needs_password

    assert not needs_password(pdf)
