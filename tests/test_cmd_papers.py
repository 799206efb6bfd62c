from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from paperkit.reading import arxiv_source
from paperkit import http as phttp
from paperkit.http import ManualClock, Recorded, ReplayTransport
from paperkit.library.store import Library

FIXTURES = Path(__file__).parent / "fixtures" / "arxiv"
REPO_ROOT = Path(__file__).resolve().parents[1]
FAKE_PDF = b"%PDF-1.5\n" + b"x" * 2000 + b"\n%%EOF\n"


def atom(name: str) -> Recorded:
    return Recorded(200, {"Content-Type": "application/atom+xml"}, (FIXTURES / name).read_bytes())


def pdf() -> Recorded:
    return Recorded(200, {"Content-Type": "application/pdf", "Content-Length": str(len(FAKE_PDF))}, FAKE_PDF)


@pytest.fixture
def serve(monkeypatch):
    clock = ManualClock()
    monkeypatch.setattr(phttp, "default_clock", lambda: clock)

    def install(*replies: Recorded) -> ReplayTransport:
        transport = ReplayTransport(replies)
        monkeypatch.setattr(phttp, "default_transport", lambda: transport)
        return transport

    return install


def test_add_fills_facts_from_arxiv_and_list_shows_them(workspace, serve, run):
    serve(atom("1603.08511.xml"), atom("2004.11362.xml"))
    code, out, err = run("papers", "add", "1603.08511", "https://arxiv.org/abs/2004.11362", "--tag", "seminar")
    assert code == 0, err
    assert "added 1603.08511  Colorful Image Colorization (2016)" in out
    lib = Library.load(workspace)
    entry = lib.get("2004.11362")
    assert entry.title == "Supervised Contrastive Learning" and entry.version == 5
    assert entry.categories == ("cs.LG", "cs.CV", "stat.ML") and entry.tags == ("seminar",)
    assert entry.added == dt.date.today() and entry.status == "to-read"
    assert "abstract" not in workspace.library_path.read_text()  # the authors' text stays in the cache

    code, out, _ = run("papers", "list")
    assert code == 0
    assert "1603.08511" in out and "Supervised Contrastive Learning" in out and "to-read" in out


def test_add_offline_without_cache_adds_the_bare_id_with_a_warning(workspace, serve, run):
    transport = serve()
    code, out, err = run("papers", "add", "--offline", "1710.09412v2", "--status", "pass-1")
    assert code == 0
    assert "warning: no cached metadata for arXiv:1710.09412v2" in err
    assert transport.requests == []
    entry = Library.load(workspace).get("1710.09412")
    assert entry.title == "" and entry.version == 2 and entry.status == "pass-1"
    assert 'title = ""' not in workspace.library_path.read_text()  # unknown facts are left out, not written empty


def test_add_with_network_down_warns_and_adds(workspace, serve, run):
    serve()  # nothing answers
    code, out, err = run("papers", "add", "1603.08511")
    assert code == 0 and "cannot reach export.arxiv.org" in err
    assert "1603.08511" in Library.load(workspace)


def test_adding_twice_does_not_duplicate_and_merges_tags(workspace, serve, run):
    serve(atom("1603.08511.xml"))
    run("papers", "add", "1603.08511", "--tag", "a")
    code, out, _ = run("papers", "add", "arXiv:1603.08511", "--tag", "b")
    assert code == 0 and "already in papers.toml; tags now a, b" in out
    assert Library.load(workspace).ids() == ["1603.08511"]


def test_adding_again_online_fills_in_a_paper_added_offline(workspace, serve, run):
    transport = serve(atom("1603.08511.xml"))
    run("papers", "add", "--offline", "1603.08511", "--tag", "colour")
    assert transport.requests == []
    code, out, err = run("papers", "add", "1603.08511")
    assert code == 0 and out.startswith("filled in 1603.08511  Colorful Image Colorization (2016)") and err == ""
    entry = Library.load(workspace).get("1603.08511")
    assert entry.authors[0] == "Richard Zhang" and entry.tags == ("colour",) and entry.year == 2016
    code, out, _ = run("papers", "add", "1603.08511")
    assert code == 0 and "already in papers.toml" in out and len(transport.requests) == 1


def test_bad_id_is_one_line_exit_2_and_changes_nothing(workspace, serve, run):
    before = workspace.library_path.read_bytes()
    code, out, err = run("papers", "add", "1603.08511", "1613.00001")
    assert code == 2
    assert err.strip().splitlines() == [err.strip()]
    assert "month 13" in err and err.startswith("paperkit: error:")
    assert workspace.library_path.read_bytes() == before


def test_unknown_paper_on_arxiv_changes_nothing(workspace, serve, run):
    serve(atom("empty.xml"))
    before = workspace.library_path.read_bytes()
    code, _, err = run("papers", "add", "2312.99999")
    assert code == 1 and "arXiv has no paper 2312.99999" in err
    assert workspace.library_path.read_bytes() == before


def test_tag_status_show_remove_round_trip(workspace, serve, run):
    serve(atom("1603.08511.xml"))
    run("papers", "add", "1603.08511")
    assert run("papers", "tag", "1603.08511", "colour", "eccv")[0] == 0
    assert run("papers", "tag", "1603.08511", "eccv", "--remove")[0] == 0
    code, out, _ = run("papers", "status", "https://arxiv.org/abs/1603.08511v5", "pass-2")
    assert code == 0 and out.strip() == "1603.08511: pass-2"
    entry = Library.load(workspace).get("1603.08511")
    assert entry.tags == ("colour",) and entry.status == "pass-2"

    code, out, _ = run("papers", "show", "1603.08511")
    assert code == 0
    assert "Richard Zhang, Phillip Isola, Alexei A. Efros" in out
    assert "Paraphrase written for paperkit's tests" in out  # abstract from the cache
    assert "not cached" in out  # no PDF yet

    code, out, _ = run("papers", "remove", "1603.08511")
    assert code == 0 and out.startswith("removed 1603.08511")
    assert Library.load(workspace).entries() == []


@pytest.mark.parametrize(
    "args",
    [
        ("papers", "show", "1111.1111"),
        ("papers", "remove", "1111.1111"),
        ("papers", "tag", "1111.1111", "x"),
        ("papers", "status", "1111.1111", "pass-1"),
        ("papers", "bibtex", "1111.1111"),
    ],
)
def test_unknown_paper_is_one_line_error_and_nothing_changes(workspace, run, args):
    (workspace.library_path).write_text('# mine\n[papers."1603.08511"]\ntitle = "T"\n')
    before = workspace.library_path.read_bytes()
    code, _, err = run(*args)
    assert code == 1
    assert err.strip() == "paperkit: error: 1111.1111 is not in papers.toml (add it with `paperkit papers add 1111.1111`)"
    assert workspace.library_path.read_bytes() == before


def test_bad_status_is_a_usage_error(workspace, run):
    workspace.library_path.write_text('[papers."1603.08511"]\ntitle = "T"\n')
    code, _, err = run("papers", "status", "1603.08511", "skimmed")
    assert code == 2 and "skimmed" in err


def test_syntax_error_in_library_is_reported_with_line_and_column(workspace, run):
    workspace.library_path.write_text('[papers."1603.08511"]\ntitle = "T\n')
    before = workspace.library_path.read_bytes()
    code, _, err = run("papers", "tag", "1603.08511", "x")
    assert code == 1
    assert "papers.toml:2:" in err and "TOML syntax error" in err and len(err.strip().splitlines()) == 1
    assert workspace.library_path.read_bytes() == before


def test_list_filters_by_tag_and_status(workspace, run):
    shutil.copy(REPO_ROOT / "papers.toml", workspace.library_path)
    run("papers", "status", "1710.09412", "reviewed")
    code, out, _ = run("papers", "list", "--status", "reviewed")
    assert code == 0 and "1710.09412" in out and "1603.08511" not in out
    code, out, _ = run("papers", "list", "--tag", "colorization")
    assert "1603.08511" in out and "1703.04044" in out and "2004.11362" not in out
    code, out, _ = run("papers", "list", "--tag", "nothing-has-this")
    assert out.strip() == "no papers match"


def test_repository_reading_list_lists_offline(workspace, run, monkeypatch):
    shutil.copy(REPO_ROOT / "papers.toml", workspace.library_path)
    monkeypatch.setenv("PAPERKIT_OFFLINE", "1")
    code, out, err = run("papers", "list")
    assert code == 0, err
    for paper_id in ("1603.08511", "1703.04044", "2004.11362", "1710.09412", "1803.03635", "1611.03530"):
        assert paper_id in out
    assert "Lottery Ticket" in out


def test_empty_library_list_says_how_to_add(workspace, run):
    code, out, _ = run("papers", "list")
    assert code == 0 and "paperkit papers add" in out


def test_no_workspace_is_one_line_error(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    code, _, err = run("papers", "list")
    assert code == 1 and "no paperkit workspace here" in err and len(err.strip().splitlines()) == 1


def test_bibtex_to_stdout_and_file(workspace, run):
    shutil.copy(REPO_ROOT / "papers.toml", workspace.library_path)
    code, out, _ = run("papers", "bibtex", "1603.08511", "1710.09412")
    assert code == 0
    assert out.count("@misc{") == 2 and "eprint        = {1710.09412}" in out
    code, out, _ = run("papers", "bibtex", "--out", "refs.bib")
    assert code == 0 and "wrote 6 records" in out
    text = (workspace.root / "refs.bib").read_text()
    assert text.count("@misc{") == 6 and "frankle2018lottery" in text
    code, _, err = run("papers", "bibtex", "1603.08511", "--out", "refs.bib")
    assert code == 2 and "refs.bib already exists" in err and "--force" in err
    assert (workspace.root / "refs.bib").read_text() == text
    code, out, _ = run("papers", "bibtex", "1603.08511", "--out", "refs.bib", "--force")
    assert code == 0 and (workspace.root / "refs.bib").read_text().count("@misc{") == 1


def test_bibtex_uses_cached_doi_and_journal(workspace, run):
    workspace.library_path.write_text('[papers."math.GT/0309136"]\ntitle = "A Fictional Invariant"\nyear = 2003\n')
    meta = {"arxiv_id": "math.GT/0309136", "version": 2, "title": "A Fictional Invariant", "authors": ["Ada Example"],
            "doi": "10.1000/fictional.0309136", "journal_ref": "J. Fict. Topol. 1 (2004) 1-12", "primary_category": "math.GT"}
    (arxiv_source.arxiv_cache() / "math.GT_0309136v2.json").write_text(json.dumps(meta))
    code, out, _ = run("papers", "bibtex")
    assert code == 0 and out.startswith("@article{") and "doi           = {10.1000/fictional.0309136}" in out


# -- fetch -----------------------------------------------------------------------------------------


def test_fetch_downloads_metadata_and_pdf_then_works_offline(workspace, serve, run):
    transport = serve(atom("1603.08511.xml"), pdf())
    code, out, err = run("fetch", "1603.08511")
    assert code == 0, err
    assert out.startswith("ok      1603.08511  Colorful Image Colorization")
    assert transport.requests[1] == "https://arxiv.org/pdf/1603.08511"
    assert (arxiv_source.arxiv_cache() / "1603.08511.pdf").read_bytes() == FAKE_PDF
    code, out, _ = run("fetch", "--offline", "1603.08511")
    assert code == 0 and out.startswith("ok")
    assert len(transport.requests) == 2


def test_fetch_reports_each_failure_and_still_fetches_the_others(workspace, serve, run):
    serve(atom("empty.xml"), atom("1603.08511.xml"), pdf())
    code, out, err = run("fetch", "2312.99999", "1603.08511")
    lines = out.strip().splitlines()
    assert code == 1
    assert lines[0].startswith("failed  2312.99999: arXiv has no paper 2312.99999")
    assert lines[1].startswith("ok      1603.08511")
    assert err.strip() == "paperkit: error: 1 of 2 papers could not be fetched (see the lines above)"


def test_fetch_offline_uncached_suggests_pdf_path(workspace, serve, run):
    transport = serve()
    code, out, _ = run("fetch", "--offline", "1603.08511")
    assert code == 1 and "no cached metadata for arXiv:1603.08511" in out and "--pdf PATH" in out
    assert transport.requests == []


def test_fetch_without_ids_takes_the_library(workspace, serve, run):
    workspace.library_path.write_text('[papers."1603.08511"]\ntitle = "T"\nversion = 5\n[papers."local-notes"]\n')
    transport = serve(atom("1603.08511.xml"), pdf())
    code, out, err = run("fetch")
    assert code == 0, err
    assert transport.requests[1] == "https://arxiv.org/pdf/1603.08511v5"
    assert len(out.strip().splitlines()) == 1


def test_fetch_bad_id_stops_before_any_request(workspace, serve, run):
    transport = serve(atom("1603.08511.xml"))
    code, _, err = run("fetch", "1603.08511", "nonsense")
    assert code == 2 and "'nonsense' is not an arXiv id" in err and transport.requests == []


# -- list: filters, pages, whole columns when piped --------------------------------------------------


def _many(workspace, count: int) -> None:
    rows = []
    for i in range(count):
        rows.append(
            f'[papers."local-{i:03d}"]\ntitle = "Paper {i} on {"graphs" if i % 2 else "images"}"\n'
            f'authors = ["Author {i}"]\nyear = {2010 + i % 10}\ntags = ["t{i % 3}", "a-rather-long-tag-name-{i}"]\n'
            f'status = "{"pass-1" if i % 5 == 0 else "to-read"}"\n'
        )
    workspace.library_path.write_text("\n".join(rows))


def _listed(out: str) -> list[str]:
    return [line.split()[0] for line in out.strip().splitlines()[1:] if line.startswith("local-")]


def test_list_filters_by_words_year_tags_and_status(workspace, run):
    _many(workspace, 30)
    code, out, _ = run("papers", "list", "GRAPHS", "author", "--year", "2013-2015")
    assert code == 0 and _listed(out) == ["local-003", "local-005", "local-013", "local-015", "local-023", "local-025"]
    assert _listed(run("papers", "list", "--year", "2019")[1]) == ["local-009", "local-019", "local-029"]
    assert _listed(run("papers", "list", "--year", "-2010", "--tag", "t0")[1]) == ["local-000"]  # 0, 10, 20: only 0 has t0
    assert _listed(run("papers", "list", "--status", "pass-1", "--year", "2015-")[1]) == ["local-005", "local-015", "local-025"]
    assert _listed(run("papers", "list", "--tag", "t1", "--tag", "a-rather-long-tag-name-4")[1]) == ["local-004"]
    code, _, err = run("papers", "list", "--year", "2015-2010")
    assert code == 2 and "runs backwards" in err
    code, _, err = run("papers", "list", "--year", "recent")
    assert code == 2 and "is not a year or a range" in err


def test_list_pages_with_limit(workspace, run):
    _many(workspace, 30)
    code, out, _ = run("papers", "list", "--limit", "10", "--page", "2")
    assert _listed(out) == [f"local-{i:03d}" for i in range(10, 20)]
    assert out.strip().endswith("papers 11-20 of 30; --page 3 for more")
    code, out, _ = run("papers", "list", "--limit", "10", "--page", "3")
    assert out.strip().endswith("papers 21-30 of 30")


def test_piped_list_cuts_no_column(workspace, run):
    long_title = "A Title That Is Far Longer Than Any Terminal Would Show On One Line " * 3
    workspace.library_path.write_text(
        f'[papers."1603.08511"]\ntitle = "{long_title.strip()}"\ntags = ["colorization", "self-supervised", "eccv-2016-oral"]\n'
    )
    code, out, _ = run("papers", "list")
    row = out.splitlines()[1]
    assert long_title.strip() in row and row.endswith("colorization, self-supervised, eccv-2016-oral")


def test_terminal_rows_shorten_titles_and_keep_tags():
    from paperkit.library.listing import render_rows
    from paperkit.library.store import LibraryEntry

    entry = LibraryEntry(id="1603.08511", year=2016, title="T" * 200, tags=("colorization", "self-supervised"))
    header, row = render_rows([entry], width=100)
    assert len(row) <= 100 and row.endswith("colorization, self-supervised") and "…" in row
    assert header.split() == ["id", "year", "status", "title", "tags"]


# -- bad library files through the commands ----------------------------------------------------------


def test_a_path_like_key_is_refused_before_review_can_use_it(workspace, run):
    workspace.library_path.write_text('[papers.".."]\ntitle = "escape"\n')
    before = sorted(p.name for p in workspace.root.iterdir())
    for args in (("papers", "list"), ("review", "new", "..")):
        code, _, err = run(*args)
        assert code == 1 and len(err.strip().splitlines()) == 1
        assert "neither an arXiv id nor a paper name" in err
    assert sorted(p.name for p in workspace.root.iterdir()) == before and "reviews" not in before


def test_one_paper_given_twice_in_two_spellings_is_added_once(workspace, serve, run):
    serve()
    code, out, err = run("papers", "add", "--offline", "1603.08511", "arXiv:1603.08511v2")
    assert code == 0, err
    assert Library.load(workspace).ids() == ["1603.08511"]
    assert run("papers", "remove", "https://arxiv.org/abs/1603.08511v2")[0] == 0
    assert Library.load(workspace).entries() == []


def test_a_papers_toml_folder_is_named_and_init_does_not_claim_success(tmp_path, monkeypatch, run):
    (tmp_path / "papers.toml").mkdir()
    monkeypatch.chdir(tmp_path)
    code, _, err = run("papers", "list")
    assert code == 1 and "papers.toml is a folder, not the library file" in err
    code, out, err = run("init", str(tmp_path))
    assert code == 1 and "workspace ready" not in out and "is a folder" in err


def test_a_read_only_library_is_respected_with_one_line(workspace, run):
    workspace.library_path.write_text('[papers."1603.08511"]\ntitle = "T"\n')
    workspace.library_path.chmod(0o444)
    try:
        code, _, err = run("papers", "tag", "1603.08511", "x")
        assert code == 1 and "papers.toml is read-only" in err and len(err.strip().splitlines()) == 1
        assert workspace.library_path.read_text() == '[papers."1603.08511"]\ntitle = "T"\n'
        code, out, err = run("papers", "add", "1706.03762", "--offline")
        assert code == 1 and "read-only" in err and "added" not in out  # nothing claimed that was not saved
    finally:
        workspace.library_path.chmod(0o644)


def test_bibtex_warns_about_papers_without_title_or_authors(workspace, run):
    workspace.library_path.write_text('[papers."1710.09412"]\nversion = 2\n[papers."1603.08511"]\ntitle = "T"\nauthors = ["A B"]\n')
    code, out, err = run("papers", "bibtex")
    assert code == 0 and out.count("@misc{") == 2 and "eprint        = {1710.09412v2}" in out
    assert err.strip() == (
        "paperkit: warning: 1710.09412 has no title and authors (added offline?); "
        "`paperkit papers add 1710.09412` online fills them in"
    )


def test_show_gives_the_facts_an_import_brought(workspace, run, tmp_path):
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(FAKE_PDF)
    workspace.library_path.write_text(
        f'[papers.he2016deep]\ntitle = "Deep Residual Learning"\nvenue = "CVPR"\ndoi = "10.1109/CVPR.2016.90"\npdf = "{pdf}"\n'
        '[papers."1603.08511"]\ntitle = "T"\npdf = "missing.pdf"\ncitekey = "zhang2016"\n'
    )
    code, out, _ = run("papers", "show", "he2016deep")
    assert code == 0 and "venue: CVPR" in out and "doi: 10.1109/CVPR.2016.90" in out and f"pdf: {pdf}\n" in out
    code, out, _ = run("papers", "show", "1603.08511")
    assert "pdf: missing.pdf (not found)" in out and "citekey: zhang2016" in out


def test_a_long_list_on_a_terminal_goes_through_the_pager_with_titles_fitted(workspace, run, monkeypatch):
    import os
    import sys

    import click

    _many(workspace, 30)
    paged: list[str] = []
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    monkeypatch.setattr(shutil, "get_terminal_size", lambda *a, **k: os.terminal_size((80, 20)))
    monkeypatch.setattr(click, "echo_via_pager", lambda lines: paged.extend(lines))
    code, out, _ = run("papers", "list")
    assert code == 0 and out == ""
    assert len(paged) == 31 and all(len(line.rstrip("\n")) <= 80 for line in paged)
    assert paged[1].rstrip("\n").endswith("t0, a-rather-long-tag-name-0")  # tags whole
    code, out, _ = run("papers", "list", "--no-pager", "--limit", "5")
    assert code == 0 and len(out.strip().splitlines()) == 7
