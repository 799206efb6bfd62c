"""The bibliography-fields benchmark's scoring, on entries written here (no real papers)."""

from __future__ import annotations

import json

from benchmarks import bench_bib_fields as bench
from paperkit.reading.bibliography import parse_reference
from paperkit.reading.paper import Citation


def test_surnames_must_all_be_there_in_order_with_their_particles():
    assert bench.surnames_right(("Aviv Tamar", "Dotan Di Castro", "Shie Mannor"), ["Tamar", "Di Castro", "Mannor"])
    assert not bench.surnames_right(("Aviv Tamar", "Castro", "Shie Mannor"), ["Tamar", "Di Castro", "Mannor"])
    assert not bench.surnames_right(("Tamar", "Aviv", "Di Castro"), ["Tamar", "Di Castro"])
    assert bench.surnames_right(("A. S. d’Avila Garcez",), ["d'Avila Garcez"])


def test_titles_compare_without_case_accents_punctuation_or_line_end_hyphens():
    assert bench.title_key("Domain-adaptive deep net- work compression.") == bench.title_key("Domain-adaptive deep network compression")
    assert bench.title_key("Čížek’s estimator") == bench.title_key("cizek s estimator")
    assert bench.title_key(None) == "" and bench.title_key("Deep learning") != bench.title_key("Deep learning (2016)")


def test_entries_are_found_by_label_or_words_and_each_field_is_scored():
    refs = [bench.as_ref(parse_reference(t)) for t in (
        "[1] A. Okafor and L. Moreau. A study of model size. In ICML, 2019. arXiv:1901.00001.",
        "[2] B. Chen. Another study of data. Nature, 2020.")]
    truth = [{"label": "1", "authors": ["Okafor", "Moreau"], "title": "A study of model size", "year": 2019, "arxiv": "1901.00001"},
             {"label": "9", "authors": ["Chen"], "title": "Another study of data", "year": 2021},
             {"key": "Zed 2001", "authors": ["Zed"], "title": "Nothing printed like this", "year": 2001}]
    counts = bench.score_entries(truth, refs)
    assert counts.right == {"found": 2, "authors": 2, "title": 2, "year": 1, "ids": 1}
    assert counts.scored == {"found": 3, "authors": 3, "title": 3, "year": 3, "ids": 1}
    paper = {"entries": truth, "citations": [{"page": 3, "text": "[1]", "refs": ["1"]}, {"page": 3, "text": "[2]", "refs": ["9"]},
                                             {"page": 5, "text": "[1]", "refs": ["1"]}]}
    cites = [Citation(text="[1]", refs=(0,), section=0, paragraph=0, page=2), Citation(text="[2]", refs=(0,), section=0, paragraph=1, page=3)]
    assert bench.citations_linked(paper, refs, cites)[:2] == (1, 3)


def test_the_naive_reader_cuts_at_full_stops():
    ref = bench.naive_reference("[3] Okafor, A. and Moreau, L. A study. Venue, 2019.")
    assert ref.label == "3" and ref.year == 2019 and ref.title != "A study"


def test_the_truth_file_lists_entries_with_their_fields():
    truth = json.loads(bench.TRUTH_FILE.read_text(encoding="utf-8"))["papers"]
    assert len(truth) >= 12
    for paper in truth.values():
        keys = {e.get("label") or e.get("key") for e in paper["entries"]}
        assert len(keys) == len(paper["entries"]) >= 5
        assert all(e["authors"] and "year" in e and "title" in e for e in paper["entries"])


def test_missing_corpus_prints_one_line_and_succeeds(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("PAPERKIT_REAL_CORPUS", raising=False)
    assert bench.main(["--corpus", str(tmp_path / "none")]) == 0
    assert "skipped" in capsys.readouterr().out
