"""The generators behind benchmarks/bench_library.py make what the benchmark claims to measure."""

from __future__ import annotations

from benchmarks.bench_library import bibtex_text, library_text
from paperkit.library.importing import import_file
from paperkit.library.store import Library


def test_generated_library_loads_with_every_paper(workspace):
    workspace.library_path.write_text(library_text(30), encoding="utf-8")
    entries = Library.load(workspace).entries()
    assert len(entries) == 30 and all(e.title and len(e.authors) == 3 and e.year for e in entries)


def test_generated_bibtex_imports_every_entry_with_accents_and_arxiv_ids(tmp_path, workspace):
    bib = tmp_path / "gen.bib"
    bib.write_text(bibtex_text(30), encoding="utf-8")
    report = import_file(workspace, bib)
    assert len(report.added) == 30 and not report.skipped and not report.merged
    entries = Library.load(workspace).entries()
    assert sum(1 for e in entries if "à la Façon" in e.title) == 6  # every fifth: the LaTeX path
    assert sum(1 for e in entries if e.citekey) == 10  # every third is an arXiv preprint keyed by its id
