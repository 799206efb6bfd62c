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
