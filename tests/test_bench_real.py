"""The real-paper benchmark's truth making and scoring, on small PDFs drawn here (no real papers, no network)."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path

import pymupdf
import pytest

from benchmarks import bench_real, real_truth
from benchmarks.real_truth import Pages, agreed_sentences, is_prose, pymupdf_pages, split_sentences
from corpus.samples import crop_verdict
from paperkit.reading.paper import Figure, Footnote, Paper, Paragraph, Reference, Section

BODY = [
    "Deep networks learn useful features from raw pixels when they are trained on enough labelled images.",
    "We study how the depth of a network changes what it learns, and we measure it on three datasets.",
    "Our main finding is that deeper models need a careful initialisation before they train at all.",
    "The rest of this paper describes the method, the experiments and what they show about depth.",
]
ACROSS = ("This sentence starts at the bottom of the first page and it carries on", "at the top of the second page without a break.")
FIGURE_NEIGHBOUR = "The figure below shows the training loss of every model we trained for this paper."
CAPTION = "Figure 1: Training loss of every model we trained, plotted against the number of steps taken."
FOOTNOTE = "1 The code and the trained models are available from the authors on request for everyone."
REFERENCE = "[1] Ada Lovelace and Charles Babbage. Notes on the analytical engine and what it computes. 1843."


def _write(page, y: float, text: str, size: float = 10, x: float = 72) -> float:
    page.insert_text((x, y), text, fontsize=size, fontname="helv")
    return y + size * 1.3


def _paper_pdf(path: Path, *, hyphen_word: str | None = None) -> Path:
    """Two pages: a running head, review line numbers, body text, a figure with a caption, a
    footnote, a sentence across the page break and a numbered reference list."""
    doc = pymupdf.open()
    for number in (1, 2):
        page = doc.new_page(width=612, height=792)
        _write(page, 30, "Anonymous submission to a conference. Do not distribute.", size=8)
        for i in range(40):  # line numbers in the left margin
            page.insert_text((30, 80 + i * 13), f"{(number - 1) * 40 + i + 1:03d}", fontsize=7, fontname="helv")
        _write(page, 760, str(number), size=9, x=300)
    page = doc[0]
    y = 90
    y = _write(page, y, "1 Introduction", size=12)
    for sentence in BODY:
        words = sentence.split()
        y = _write(page, y, " ".join(words[:9]))
        y = _write(page, y, " ".join(words[9:]))
    if hyphen_word:
        a, b = hyphen_word.split("-", 1)
        y = _write(page, y, f"Here the word {a}-")
        y = _write(page, y, f"{b} is broken at the end of a line in this sentence.")
        y = _write(page, y, f"Elsewhere the same word is printed as {hyphen_word.replace('-', '')} inside a line.")
    y = _write(page, y + 6, FIGURE_NEIGHBOUR)
    page.draw_rect(pymupdf.Rect(72, y, 300, y + 120), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    page.insert_text((90, y + 60), "loss 0.5 1.0", fontsize=10, fontname="helv")  # an axis label
    y = _write(page, y + 135, CAPTION)
    y = _write(page, y + 6, ACROSS[0])
    _write(page, 700, FOOTNOTE, size=7)
    page = doc[1]
    y = _write(page, 90, ACROSS[1])
    y = _write(page, y, "We thank the reviewers for their careful reading of an early draft of this paper.")
    y = _write(page, y + 12, "References", size=12)
    _write(page, y, REFERENCE, size=9)
    doc.save(path)
    return path


def test_agreed_sentences_are_body_prose_only(tmp_path):
    pdf = _paper_pdf(tmp_path / "paper.pdf")
    a = pymupdf_pages(pdf)
    got = [s.text for s in agreed_sentences(a, copy.deepcopy(a), real_truth.graphics(pdf))]
    assert set(BODY) <= set(got)
    assert " ".join(ACROSS) in got  # joined across the page break, running head and page number gone
    assert FIGURE_NEIGHBOUR in got
    assert not any("Training loss" in s or "available from the authors" in s or "Lovelace" in s for s in got)
    assert not any(re.search(r"\b0\d\d\b", s) for s in got)  # no review line numbers inside sentences


def test_a_sentence_the_other_extractor_reads_differently_is_not_truth(tmp_path):
    pdf = _paper_pdf(tmp_path / "paper.pdf")
    a = pymupdf_pages(pdf)
    b = copy.deepcopy(a)
    for line in b.lines:
        for word in line.words:
            if word.text == "careful":
                word.text = "carefull"
    got = [s.text for s in agreed_sentences(a, b)]
    assert BODY[0] in got and BODY[2] not in got


def test_sample_tags_the_page_break_and_the_figure(tmp_path):
    pdf = _paper_pdf(tmp_path / "paper.pdf")
    a = pymupdf_pages(pdf)
    sampled = real_truth.sample_sentences(pdf, "paper", a, copy.deepcopy(a))
    where = {s["text"]: s["where"] for s in sampled}
    assert where[" ".join(ACROSS)] == "page-break"
    assert where[FIGURE_NEIGHBOUR] == "beside-figure"
    assert where[BODY[1]] == "body"
    assert [s["page"] for s in sampled] == sorted(s["page"] for s in sampled)


@pytest.mark.parametrize("word, expect", [("algo-rithm", "algorithm"), ("user-specified", None)])
def test_line_end_hyphens_are_resolved_by_the_papers_own_words(tmp_path, word, expect):
    pdf = _paper_pdf(tmp_path / "paper.pdf", hyphen_word=word if expect else None)
    a = pymupdf_pages(pdf)
    if expect:
        got = [s.text for s in agreed_sentences(a, copy.deepcopy(a))]
        assert f"Here the word {expect} is broken at the end of a line in this sentence." in got
    plain, hyphenated = {"userspecified"}, {"user-specified"}
    assert real_truth.join_hyphen("the user-", "specified", (set(), hyphenated)) == "-"
    assert real_truth.join_hyphen("an algo-", "rithm", ({"algorithm"}, set())) == ""
    assert real_truth.UNRESOLVED in real_truth.join_hyphen("a fro-", "bnicator", (set(), set()))
    assert real_truth.join_hyphen("the user-", "specified", (plain, hyphenated)).startswith("-")  # both: unresolved
    assert not is_prose("Here the word fro-\u2063bnicator is broken at the end of a line.")


def test_sentences_are_split_but_not_at_abbreviations():
    text = ("Deep models (e.g. ResNets) work well, as He et al. showed in Fig. 3 of their paper. "
            "They also generalise. Why? Nobody knows.")
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts == ["Deep models (e.g. ResNets) work well, as He et al. showed in Fig. 3 of their paper.",
                     "They also generalise.", "Why?", "Nobody knows."]


def test_prose_filter():
    assert is_prose("We train every model for ten epochs on a single machine with eight cores.")
    assert not is_prose("Too short to count as a sentence.")
    assert not is_prose("we start with a lower-case letter and so we are not a sentence start here.")
    assert not is_prose("Figure 2: The loss of the models we trained on all of the datasets here.")
    assert not is_prose("The loss is L = sum_i (y_i - f(x_i))^2 + lambda ||w||^2 over 1000 points x_1, x_2.")


@pytest.mark.skipif(not real_truth.pdftotext_available(), reason="pdftotext (poppler-utils) is not installed")
def test_pdftotext_agrees_with_pymupdf_on_a_clean_page(tmp_path):
    pdf = _paper_pdf(tmp_path / "paper.pdf")
    got = [s.text for s in agreed_sentences(pymupdf_pages(pdf), real_truth.pdftotext_pages(pdf), real_truth.graphics(pdf))]
    assert set(BODY) <= set(got) and " ".join(ACROSS) in got


@pytest.mark.skipif(not real_truth.pdftotext_available(), reason="pdftotext (poppler-utils) is not installed")
def test_making_truth_again_keeps_checked_sentences_with_their_places_and_unscored_fields(tmp_path):
    pdf = _paper_pdf(tmp_path / "paper.pdf")
    first = real_truth.make_truth(pdf, "paper")
    assert len(first["sentences"]) >= 3 and len(first["sentence_places"]) == len(first["sentences"])
    # A person deletes the first sampled sentence and marks the paper titles+abstracts only.
    checked = dict(first, sentences=first["sentences"][1:], sentence_places=first["sentence_places"][1:],
                   sections=None, figures=None, tables=None, bibliography=None,
                   checked=["title", "abstract", "sentences"])
    again = real_truth.make_truth(pdf, "paper", checked)
    assert again["sentences"] == checked["sentences"]
    assert again["sentence_places"] == checked["sentence_places"]
    assert again["sections"] is None and again["figures"] is None and again["bibliography"] is None


# ─────────────────────────────── scoring ───────────────────────────────


def _paper(**kw) -> Paper:
    paragraphs = (Paragraph(BODY[0] + " " + BODY[1], 1), Paragraph("This sentence starts at the bottom of the first "
                                                                   "page and it carries on", 1))
    base = dict(title="Depth and Initialisation", authors=(), abstract="We study depth in deep networks and more.",
                sections=(Section("1", "Introduction", 1, 1, paragraphs), Section("2", "Method", 1, 2, ()),
                          Section("2.1", "Data", 2, 2, ())),
                figures=(Figure("figure", "1", "Training loss", 1),), tables=(Figure("table", "II", "Results", 2),),
                references=("a", "b"), pages=2, bibliography=(Reference("a"), Reference("b")),
                footnotes=(Footnote("1", "The code is available from the authors on request.", 1),))
    base.update(kw)
    return Paper(**base)


TRUTH = {
    "title": "Depth and initialisation.", "abstract": True, "abstract_start": "We study depth in deep networks",
    "sections": [{"number": "1", "title": "Introduction", "level": 1}, {"number": "2", "title": "Method", "level": 1},
                 {"number": "3", "title": "Results", "level": 1}],
    "figures": ["1", "2"], "tables": ["2"], "bibliography": 2, "pages": 2,
    "sentences": [BODY[0], BODY[1], " ".join(ACROSS), "The code is available from the authors on request."],
    "sentence_places": [{"page": 1, "where": "body"}, {"page": 1, "where": "beside-figure"},
                        {"page": 1, "where": "page-break"}, {"page": 1, "where": "body"}],
}


def test_score_paper_counts_each_measure():
    raw = bench_real.norm(BODY[0] + " " + " ".join(ACROSS))
    sc = bench_real.score_paper(_paper(), TRUTH, raw, name="p")
    assert (sc.sentences, sc.intact_ours, sc.intact_raw) == (4, 3, 2)  # the cut page-break sentence is missed
    assert sc.by_place["page-break"] == [1, 0, 1] and sc.by_place["body"] == [2, 2, 1]
    assert sc.missed == [" ".join(ACROSS)]
    assert sc.title and sc.abstract is True
    assert (sc.sections.tp, sc.sections.pred, sc.sections.true) == (2, 2, 3)  # 2.1 is deeper than the truth lists
    assert (sc.floats.tp, sc.floats.pred, sc.floats.true) == (2, 2, 3)  # "II" counts as table 2
    assert sc.bib_right and "2/2" in bench_real.row(sc)


def test_the_references_heading_is_not_scored_as_a_section():
    sections = _paper().sections + (Section(None, "References", 1, 2, ()),)
    truth = dict(TRUTH, sections=TRUTH["sections"][:2] + [{"number": "", "title": "Bibliography", "level": 1}])
    sc = bench_real.score_paper(_paper(sections=sections), truth, "", name="p")
    assert (sc.sections.tp, sc.sections.pred, sc.sections.true) == (2, 2, 2)


def test_lrecs_bibliographical_references_heading_is_the_references_heading():
    # LREC numbers its list's heading as a section, "6. Bibliographical References": the references'
    # heading all the same, scored by the entries' count, not as a section.
    sections = _paper().sections + (Section("6", "Bibliographical References", 1, 2, ()),)
    sc = bench_real.score_paper(_paper(sections=sections), TRUTH, "", name="p")
    assert (sc.sections.tp, sc.sections.pred, sc.sections.true) == (2, 2, 3)


def test_abstract_sentences_count_and_a_glued_heading_is_no_part_of_a_sentence():
    sentence = "We study depth in deep networks and more."
    assert f" {bench_real.norm(sentence)} " in f" {bench_real.paper_haystack(_paper())} "  # the abstract is read
    heads = [{"number": "3", "title": "RELATED WORK", "level": 1}, {"number": "3.1", "title": "Peer to Peer", "level": 2}]
    glued = "RELATED WORK 3.1 Peer to Peer There are several systems that store data."
    assert bench_real.without_heading(glued, heads) == "There are several systems that store data."
    assert bench_real.without_heading("Peer to Peer systems store data.", heads) == "Peer to Peer systems store data."
    assert bench_real.without_heading("There are several systems.", heads) == "There are several systems."


def test_a_sentence_split_over_two_paragraphs_is_not_intact():
    hay = bench_real.paper_haystack(_paper())
    assert bench_real.intact([BODY[1], "first page and it carries on This sentence"], hay) == [True, False]
    assert bench_real.intact(["ﬁne-tuned models."], bench_real.norm("all fine-tuned models.")) == [True]


def test_a_footnote_call_after_punctuation_may_be_taken_out_of_the_sentence():
    truth = "Prior methods adapt to unseen environments,3 bridging the gap between seen and unseen ones."
    without = bench_real.norm("Prior methods adapt to unseen environments, bridging the gap between seen and unseen ones.")
    assert bench_real.intact([truth], without) == [True]
    assert bench_real.intact([truth], bench_real.norm(truth)) == [True]
    # a number that is no call stays part of the sentence
    assert bench_real.intact(["We train for 3 epochs on all of the data we have here."],
                             bench_real.norm("We train for epochs on all of the data we have here.")) == [False]


def test_wrong_title_missing_abstract_and_bibliography_tolerance():
    sc = bench_real.score_paper(_paper(title="No Title Given", abstract=None), TRUTH, "")
    assert not sc.title and sc.abstract is False
    assert bench_real.bibliography_right(95, 100) and not bench_real.bibliography_right(94, 100)
    assert not bench_real.bibliography_right(0, 12)
    assert bench_real.abstract_found(_paper(), dict(TRUTH, abstract=False)) is None


def test_counts_and_totals():
    c = bench_real.Counts(2, 4, 2) + bench_real.Counts(1, 1, 2)
    assert (c.precision, c.recall) == (0.6, 0.75) and abs(c.f1 - 2 * 0.6 * 0.75 / 1.35) < 1e-9
    sc = bench_real.score_paper(_paper(), TRUTH, "", name="p")
    text = bench_real.totals([sc, sc])
    assert "| sentences intact (8 in 2 papers) | 0.750 |" in text and "title exact | 2/2" in text


def test_crops_are_whole_too_big_cut_or_missing():
    truth_box = [100.0, 200.0, 300.0, 400.0]
    assert crop_verdict((98, 198, 302, 402), truth_box) == "whole"
    assert crop_verdict((103, 203, 297, 397), truth_box) == "whole"  # 3 pt slack on each side
    assert crop_verdict((104, 200, 300, 400), truth_box) == "cut"  # a sliver of the graphic left out
    assert crop_verdict((100, 200, 300, 380), truth_box) == "cut"  # the x-axis label cut off
    assert crop_verdict((90, 150, 310, 400), truth_box) == "whole"  # 50 pt taller, 20 pt wider: allowed
    assert crop_verdict((100, 130, 300, 400), truth_box) == "too big"  # 70 pt taller: swallows text
    assert crop_verdict((70, 200, 300, 400), truth_box) == "too big"  # 30 pt wider


def test_crop_counts_match_kind_number_and_page():
    figures = (Figure("figure", "1", "Loss", 1, bbox=(70, 100, 300, 250)),
               Figure("figure", "2", "Grid", 2, bbox=(70, 100, 300, 150)),
               Figure("figure", "3", "Moved", 3, bbox=(70, 100, 300, 250)))
    tables = (Figure("table", "II", "Results", 2, bbox=(70, 100, 540, 300)), Figure("table", "4", "No box", 2))
    truth = dict(TRUTH, float_boxes=[
        {"kind": "figure", "number": "1", "page": 1, "box": [72, 102, 298, 248]},   # whole
        {"kind": "figure", "number": "2", "page": 2, "box": [72, 102, 298, 248]},   # cut: panels below missed
        {"kind": "figure", "number": "3", "page": 4, "box": [72, 102, 298, 248]},   # on another page: missing
        {"kind": "table", "number": "2", "page": 2, "box": [72, 102, 300, 298]},    # "II" is table 2; too wide
        {"kind": "table", "number": "4", "page": 2, "box": [72, 402, 300, 498]},    # no box: missing
        {"kind": "table", "number": "5", "page": 2, "box": [72, 402, 300, 498]},    # not found at all
    ])
    sc = bench_real.score_paper(_paper(figures=figures, tables=tables), truth, "", name="p")
    c = sc.crops
    assert (c.whole, c.too_big, c.cut, c.missing, c.true) == (1, 1, 1, 3, 6)
    assert any(w.startswith("figure 2 p2: cut") for w in c.wrong)
    assert "figure 3 p4: missing (found on page 3)" in c.wrong
    assert "| 1/6 |" in bench_real.row(sc)
    total = bench_real.totals([sc, bench_real.score_paper(_paper(), TRUTH, "", name="q")])
    assert "crops whole (6 boxed floats in 1 papers) | 0.167 (1 whole, 1 too big, 1 cut, 3 missing)" in total
    assert bench_real.score_paper(_paper(), TRUTH, "", name="q").crops is None  # no box truth: not scored
    assert "| – |" in bench_real.row(bench_real.score_paper(_paper(), TRUTH, "", name="q"))


def _float_page(path: Path) -> Path:
    """A two-column page: body text, a two-panel figure with tick labels and its caption below, and a
    table with its caption above and rules; a second page repeats the running head."""
    doc = pymupdf.open()
    for number in (1, 2, 3):
        page = doc.new_page(width=612, height=792)
        page.insert_text((72, 40), "Proceedings of a conference on drawn papers", fontsize=8, fontname="helv")
        page.insert_text((300, 770), str(number), fontsize=9, fontname="helv")
        for column in (72, 320):
            for i in range(4):
                page.insert_text((column, 80 + 12 * i), "This is body text that runs across the column width here.",
                                 fontsize=9, fontname="helv")
    page = doc[0]
    # figure: two panels with axes and ticks, y from 140 to 300, left column
    for x0 in (72, 176):
        page.draw_rect(pymupdf.Rect(x0 + 14, 140, x0 + 100, 280), color=(0, 0, 0))
        page.draw_polyline([(x0 + 14, 270), (x0 + 50, 200), (x0 + 100, 160)], color=(0, 0, 1))
        for t in range(3):
            page.insert_text((x0 + 14 + 40 * t, 292), f"{t}.5", fontsize=7, fontname="helv")
        page.insert_text((x0 + 2, 210), "1.0", fontsize=7, fontname="helv")
    page.insert_text((72, 318), "Figure 1: Two panels of training loss, each with its own axes.", fontsize=8,
                     fontname="helv")
    for i in range(5):
        page.insert_text((72, 340 + 12 * i), "This is body text that runs across the column width here.",
                         fontsize=9, fontname="helv")
    # table in the right column: caption above, rules and cells
    page.insert_text((320, 160), "Table 1: Scores of the models we compared.", fontsize=8, fontname="helv")
    page.draw_line((320, 170), (540, 170), color=(0, 0, 0))
    for i, row in enumerate(("Model Score", "Ours 0.91", "Base 0.85")):
        page.insert_text((326, 184 + 14 * i), row.split()[0], fontsize=8, fontname="helv")
        page.insert_text((480, 184 + 14 * i), row.split()[1], fontsize=8, fontname="helv")
    page.draw_line((320, 218), (540, 218), color=(0, 0, 0))
    for i in range(5):
        page.insert_text((320, 240 + 12 * i), "This is body text that runs across the column width here.",
                         fontsize=9, fontname="helv")
    doc.save(path)
    return path


def test_float_boxes_are_proposed_from_the_pixels_around_each_caption(tmp_path):
    boxes = real_truth.float_boxes_guess(_float_page(tmp_path / "f.pdf"), ["1"], ["1"])
    assert [(b["kind"], b["number"], b["page"]) for b in boxes] == [("figure", "1", 1), ("table", "1", 1)]
    fig, table = (b["box"] for b in boxes)
    # both panels, the tick labels under them and the y tick label left of the first
    assert fig[0] <= 75 and fig[1] <= 140.5 and fig[2] >= 275 and 292 <= fig[3] < 300
    assert fig[1] > 120  # not the body text above
    # the table below its caption: from its top rule to its bottom rule, the caption left out
    assert 165 < table[1] <= 170.5 and 217.5 <= table[3] < 225 and table[0] <= 320.5 and table[2] >= 539.5


def test_a_rerun_keeps_checked_float_boxes(tmp_path, monkeypatch):
    monkeypatch.setattr(real_truth, "TRUTH", tmp_path)
    pdf = _float_page(tmp_path / "tune" / "p.pdf") if (tmp_path / "tune").mkdir() is None else None
    monkeypatch.setattr(real_truth, "load_manifest", lambda: {"p": {"split": "tune", "kind": "paper"}})
    checked = [{"kind": "figure", "number": "1", "page": 1, "box": [1.0, 2.0, 3.0, 4.0]}]
    (tmp_path / "p.json").write_text(json.dumps({"figures": ["1"], "tables": ["1"], "float_boxes": checked,
                                                 "float_boxes_checked": True}))
    assert real_truth.propose_float_boxes(tmp_path, "tune", []) == 0
    assert json.loads((tmp_path / "p.json").read_text())["float_boxes"] == checked
    (tmp_path / "p.json").write_text(json.dumps({"figures": ["1"], "tables": ["1"]}))
    real_truth.propose_float_boxes(tmp_path, "tune", [])
    assert len(json.loads((tmp_path / "p.json").read_text())["float_boxes"]) == 2
    assert pdf.exists()


# ─────────────────────────────── corpus, manifest, fetch ───────────────────────────────


def test_missing_corpus_prints_one_line_and_succeeds(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(bench_real.ENV, raising=False)
    assert bench_real.main(["--corpus", str(tmp_path / "absent")]) == 0
    assert bench_real.main([]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 2 and all("real-paper corpus not found" in line for line in out)


def test_the_manifest_lists_every_paper_with_its_source_and_truth():
    manifest = real_truth.load_manifest()
    assert {e["split"] for e in manifest.values()} <= {"tune", "heldout"}  # heldout is empty between splits
    for name, entry in manifest.items():
        assert re.fullmatch(r"[0-9a-f]{64}", entry["sha256"]) and re.fullmatch(r"[0-9a-f]{40}", entry["commit"])
        # (a PDF whose repository saved it without an extension is named as the repository names it)
        file_name = entry["path"].rsplit("/", 1)[-1]
        assert entry["repo"].count("/") == 1 and (file_name.lower().endswith(".pdf") or "." not in file_name) and entry["pages"] > 0
        if entry["kind"] == "paper":
            truth = json.loads((real_truth.TRUTH / f"{name}.json").read_text(encoding="utf-8"))
            assert truth["title"] and len(truth["sentences"]) == len(truth["sentence_places"])
    text = real_truth.MANIFEST.read_text(encoding="utf-8")
    # no value names a place on someone's machine: every path is inside its GitHub repository
    assert not re.search(r'=\s*"(?:/|~|[A-Za-z]:\\)', text)


def test_manifest_parse(tmp_path):
    path = tmp_path / "m.toml"
    path.write_text('[papers."a.b"]\nsplit = "tune"\nkind = "paper"\narxiv = "1603.08511"\n', encoding="utf-8")
    assert real_truth.load_manifest(path) == {"a.b": {"split": "tune", "kind": "paper", "arxiv": "1603.08511"}}


def test_fetch_downloads_through_paperkit_arxiv_code(tmp_path, monkeypatch):
    from paperkit import http as phttp
    from paperkit.http import ManualClock, Recorded, ReplayTransport

    body = b"%PDF-1.4\n% test\n" + b"0123456789" * 300 + b"\n%%EOF\n"
    transport = ReplayTransport([Recorded(200, {"Content-Type": "application/pdf", "Content-Length": str(len(body))},
                                          body, chunk_bytes=512)])
    monkeypatch.setattr(phttp, "default_transport", lambda: transport)
    monkeypatch.setattr(phttp, "default_clock", lambda: ManualClock())
    manifest = {
        "same": {"split": "tune", "kind": "paper", "arxiv": "1603.08511", "sha256": hashlib.sha256(body).hexdigest(),
                 "repo": "o/r", "commit": "c" * 40, "path": "p.pdf"},
        "noid": {"split": "tune", "kind": "paper", "repo": "o/r", "commit": "c" * 40, "path": "x/y.pdf"},
        "held": {"split": "heldout", "kind": "paper", "arxiv": "1706.03762", "repo": "o/r", "commit": "c" * 40,
                 "path": "z.pdf"},
    }
    lines = bench_real.fetch(tmp_path, manifest, "tune")
    assert (tmp_path / "tune" / "same.pdf").read_bytes() == body
    assert lines[0] == "same: fetched arXiv:1603.08511"
    assert lines[1].startswith("noid: no arXiv id; get x/y.pdf from github.com/o/r")
    assert transport.requests == ["https://arxiv.org/pdf/1603.08511"] and len(lines) == 2
    assert bench_real.fetch(tmp_path, manifest, "tune")[0] == "same: already there"


def test_fetch_takes_the_exact_file_from_a_local_clone(tmp_path):
    import git

    work = tmp_path / "clones" / "o+r" / "repo"
    repo = git.Repo.init(work)
    body = b"%PDF-1.4\n% clone copy\n%%EOF\n"
    (work / "x").mkdir()
    (work / "x" / "y.pdf").write_bytes(body)
    repo.index.add(["x/y.pdf"])
    commit = repo.index.commit("paper", author=git.Actor("a", "a@b"), committer=git.Actor("a", "a@b")).hexsha
    (work / "x" / "y.pdf").write_bytes(b"changed later")  # the work tree is not what is taken
    manifest = {
        "p": {"split": "tune", "kind": "paper", "repo": "o/r", "commit": commit, "path": "x/y.pdf",
              "sha256": hashlib.sha256(body).hexdigest()},
        "wrong": {"split": "tune", "kind": "paper", "repo": "o/r", "commit": commit, "path": "x/y.pdf",
                  "sha256": "0" * 64},
        "gone": {"split": "tune", "kind": "paper", "repo": "o/missing", "commit": commit, "path": "x/y.pdf"},
    }
    lines = bench_real.fetch(tmp_path / "corpus", manifest, "tune", clones=tmp_path / "clones")
    assert lines[0] == "p: copied from the clone of o/r"
    assert (tmp_path / "corpus" / "tune" / "p.pdf").read_bytes() == body
    # a file whose sha256 is not the manifest's is never put in the corpus
    assert lines[1].startswith("wrong: no arXiv id") and lines[2].startswith("gone: no arXiv id")
    assert not (tmp_path / "corpus" / "tune" / "wrong.pdf").exists()


def test_a_parser_crash_is_scored_as_nothing_read(tmp_path, monkeypatch):
    from paperkit.reading import parse

    (tmp_path / "tune").mkdir()
    pdf = _paper_pdf(tmp_path / "tune" / "p.pdf")
    (tmp_path / "truth").mkdir()
    (tmp_path / "truth" / "p.json").write_text(json.dumps(TRUTH), encoding="utf-8")
    monkeypatch.setattr(bench_real, "TRUTH", tmp_path / "truth")
    monkeypatch.setattr(bench_real, "load_manifest", lambda: {"p": {"split": "tune", "kind": "paper", "style": "x",
                                                                   "sha256": hashlib.sha256(pdf.read_bytes()).hexdigest()}})

    def crash(path):
        raise ZeroDivisionError("float division by zero")

    monkeypatch.setattr(parse, "parse_pdf", crash)
    [sc] = bench_real.run(tmp_path, "tune", timing=False)
    assert sc.note == "parser failed: ZeroDivisionError" and sc.intact_ours == 0 and not sc.title
    assert sc.intact_raw == 2  # the alternative still reads the drawn page


def test_unknown_headings_and_bibliography_are_not_scored():
    sc = bench_real.score_paper(_paper(), dict(TRUTH, sections=None, bibliography=None), "", name="p")
    assert sc.sections is None and sc.bib_right is None
    line = bench_real.row(sc)
    assert "| – |" in line and "2/?" in line
    text = bench_real.totals([sc])
    assert "bibliography count within 5 % | 0/0" in text and "sections P / R / F1 (micro) | 1.000" in text


def test_a_sentence_spliced_across_a_break_with_a_mid_column_line_is_not_truth():
    from benchmarks.real_truth import Line, Sentence, Word, _clean_breaks, _column_edges

    def line(page, y, text="words of the line"):
        return Line(page, 1, [Word(text, 72, y, 200, y + 10)])

    body = [line(1, 100), line(1, 700), line(2, 80), line(2, 92), line(2, 400), line(2, 700)]
    edges = _column_edges(body)
    assert _clean_breaks(Sentence("s", [body[1], body[2]]), edges)  # bottom of page 1 -> top of page 2
    assert not _clean_breaks(Sentence("s", [body[1], body[4]]), edges)  # -> a line in mid-column (a caption's rest)
    assert not _clean_breaks(Sentence("s", [body[0], body[2]]), edges)  # from a line that is not the column's last


def test_a_sentence_that_jumps_over_body_lines_under_a_drawing_is_not_truth(tmp_path):
    """A reader's highlight drawn over lines of a paragraph reads as a figure; the lines under it
    are dropped and the text before and after them would splice into a sentence never printed."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    lines = ["The method is simple and it works on every dataset we tried so far in our",
             "experiments. Users give a map function that turns one record into many pairs",
             "of keys and values, and a reduce function that merges all values of one key.",
             "It is fast, and it needs no labels at all for any of the tasks that we study.",
             "Many real tasks are written in this model, as the rest of this paper shows in detail."]
    y = 100
    for text in lines:
        y = _write(page, y, text)
    # a box a reader drew around the middle three lines: a "graphic" to the truth's filters
    page.draw_rect(pymupdf.Rect(68, 101, 470, 145), color=(1, 0.6, 0), width=1)
    plain = "A plain sentence far below the box stays in the truth as the paper printed it."
    _write(page, 220, plain)
    pdf = tmp_path / "highlighted.pdf"
    doc.save(pdf)
    a = pymupdf_pages(pdf)
    sampled = [s["text"] for s in real_truth.sample_sentences(pdf, "p", a, copy.deepcopy(a))]
    spliced = [s.text for s in agreed_sentences(a, copy.deepcopy(a), real_truth.graphics(pdf))
               if "in our Many real" in s.text]
    assert spliced  # what both extractors' filtered lines give: a sentence the paper never printed
    assert spliced[0] not in sampled
    assert plain in sampled


def test_a_continuation_that_is_a_lone_line_is_not_truth():
    from benchmarks.real_truth import Line, Sentence, Word, _clean_breaks, _column_edges

    end, lone, para = (Line(1, 1, [Word("a", 72, 700, 200, 710)]), Line(2, 7, [Word("b", 72, 80, 200, 90)]),
                       Line(2, 8, [Word("c", 72, 95, 200, 105)]))
    edges = _column_edges([end, lone, para, Line(2, 8, [Word("d", 72, 110, 200, 120)])])
    assert not _clean_breaks(Sentence("s", [end, lone]), edges)


def test_bookmark_sections_split_the_appendix_letter_and_drop_latex_and_references(tmp_path):
    doc = pymupdf.open()
    for heading in ("1 Introduction", "2 Obtain Stone Pickaxe with Bare Hands", "References", "A Algorithms"):
        page = doc.new_page()
        if heading != "References":
            number, title = heading.split(" ", 1)
            page.insert_text((72, 80), number, fontsize=12, fontname="hebo")
            page.insert_text((100, 80), title, fontsize=12, fontname="hebo")
        else:
            page.insert_text((72, 80), heading, fontsize=12, fontname="hebo")
        page.insert_text((72, 110), "Body text of the section follows here.", fontsize=10, fontname="helv")
    doc.set_toc([[1, "1 Introduction", 1],
                 [1, "2 Obtain Stone Pickaxe [scale=0.4,align=c]minecraft/stonepickaxe.png with Bare Hands", 2],
                 [1, "References", 3], [1, "A Algorithms", 4]])
    pdf = tmp_path / "bookmarks.pdf"
    doc.save(pdf)
    source, sections = real_truth.sections_guess(pdf)
    assert source == "bookmarks"
    assert [(s["number"], s["title"], s["level"]) for s in sections] == [
        ("1", "Introduction", 1), ("2", "Obtain Stone Pickaxe with Bare Hands", 1), ("A", "Algorithms", 1)]


def test_the_ink_of_a_region_leaves_white_paint_out():
    """The one ink rule of both crop truths (the LaTeX corpus's panels, real papers' pixel boxes):
    a plot's white ground reaching past its drawing is nothing a reader sees."""
    import pymupdf

    from corpus.samples import ink_extent, page_in_gray

    doc = pymupdf.open()
    page = doc.new_page(width=300, height=200)
    page.draw_rect((40, 30, 260, 170), color=None, fill=(1, 1, 1))  # the ground, 20 pt past the plot
    page.draw_rect((60, 50, 240, 150), color=(0, 0, 0), width=1)  # the plot's frame
    box = ink_extent(page_in_gray(page, 4), 4, (40, 30, 260, 170))
    assert box is not None and all(abs(a - b) <= 1 for a, b in zip(box, (59.5, 49.5, 240.5, 150.5))), box
    assert ink_extent(page_in_gray(page, 4), 4, (95, 85, 200, 140)) is None  # inside the frame: blank


def test_norm_drops_math_accents_the_truth_writes_plain():
    # the page prints "Ŝ" (precomposed or S + combining circumflex); a hand-typed truth writes "S"
    printed = "Part 1: Estimate X, holding \u015c constant"
    combining = "Part 1: Estimate X, holding S\u0302 constant"
    assert bench_real.norm(printed) == bench_real.norm(combining) == bench_real.norm("Part 1: Estimate X, holding S constant")


def test_a_footnote_call_after_a_citation_or_before_a_stop_may_be_taken_out_of_the_sentence():
    for truth, read in (("We use XGBoost [10]1 in all of our experiments on these data.",
                         "We use XGBoost [10] in all of our experiments on these data."),
                        ("We compare against the multi-view method (ERL-MVSC)9.",
                         "We compare against the multi-view method (ERL-MVSC)."),
                        ("The data come from the shared task [22]3) and are public here.",
                         "The data come from the shared task [22]) and are public here."),
                        # a superscript call of a range or a list of references (Nature)
                        ("Others reported problems with it (the sim2real gap)59\u201361, we did not here.",
                         "Others reported problems with it (the sim2real gap), we did not here."),
                        ("Others reported problems with it (the gap)50,51,55. We did not here.",
                         "Others reported problems with it (the gap). We did not here.")):
        assert bench_real.intact([truth], bench_real.norm(read)) == [True]


def test_a_decimal_in_a_sentence_with_a_footnote_call_is_no_call():
    # ICML 2009: "(eg. a value of 0.80 indicates a 20% reduction in spam for the user)2." read
    # without its call "2": the ".80" of "0.80" was taken out as a call too, and the sentence missed.
    truth = "All results are relative to this baseline (eg. a value of 0.80 indicates a 20% reduction in spam)2."
    read = "All results are relative to this baseline (eg. a value of 0.80 indicates a 20% reduction in spam)."
    assert bench_real.intact([truth], bench_real.norm(read)) == [True]


def test_an_abstracts_run_in_label_is_no_part_of_its_first_sentence():
    assert bench_real.without_heading("Abstract\u2014We propose a simple model of graphs.", []) == \
        "We propose a simple model of graphs."
    assert bench_real.without_heading("ABSTRACT: Deep nets are large.", []) == "Deep nets are large."
    # a sentence about abstracts keeps its words
    assert bench_real.without_heading("Abstract syntax trees are parsed first.", []) == "Abstract syntax trees are parsed first."


# ─────────────────────────────── variants ───────────────────────────────


def _marked_pdf(path: Path) -> Path:
    _paper_pdf(path)
    with pymupdf.open(path) as doc:
        doc.set_toc([[1, "1 Introduction", 1]])
        doc.set_metadata({"title": "No Title Given", "author": "someone"})
        doc.saveIncr()
    return path


def test_the_unmarked_variant_has_no_bookmarks_or_metadata_and_the_same_text(tmp_path):
    pdf = _marked_pdf(tmp_path / "p.pdf")
    (tmp_path / "out").mkdir()
    copy_ = bench_real.variant_copy(pdf, "unmarked", tmp_path / "out")
    with pymupdf.open(copy_) as doc, pymupdf.open(pdf) as original:
        assert doc.get_toc() == [] and not doc.metadata["title"] and not doc.metadata["author"]
        assert [p.get_text() for p in doc] == [p.get_text() for p in original]
    assert pymupdf.open(pdf).get_toc()  # the original is left as it was


def test_the_reprinted_variant_is_printed_by_cairo_or_skipped_without_it(tmp_path, monkeypatch):
    import shutil

    pdf = _marked_pdf(tmp_path / "p.pdf")
    (tmp_path / "out").mkdir()
    if shutil.which("pdftocairo") is None:
        pytest.skip("pdftocairo (poppler-utils) is not installed")
    copy_ = bench_real.variant_copy(pdf, "reprinted", tmp_path / "out")
    with pymupdf.open(copy_) as doc:
        assert "cairo" in doc.metadata["producer"] and doc.get_toc() == []
        assert BODY[0].split()[0] in doc[0].get_text()
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert bench_real.variant_copy(pdf, "reprinted", tmp_path / "out") is None
    with pytest.raises(ValueError, match="unknown variant"):
        bench_real.variant_copy(pdf, "scanned", tmp_path / "out")


def test_a_variant_run_scores_the_copy_against_the_same_truth(tmp_path, monkeypatch):
    (tmp_path / "tune").mkdir()
    pdf = _marked_pdf(tmp_path / "tune" / "p.pdf")
    (tmp_path / "truth").mkdir()
    (tmp_path / "truth" / "p.json").write_text(json.dumps(TRUTH), encoding="utf-8")
    monkeypatch.setattr(bench_real, "TRUTH", tmp_path / "truth")
    monkeypatch.setattr(bench_real, "load_manifest", lambda: {"p": {"split": "tune", "kind": "paper", "style": "x",
                                                                   "sha256": hashlib.sha256(pdf.read_bytes()).hexdigest()}})
    seen = []
    from paperkit.reading import parse

    real = parse.parse_pdf

    def spy(path):
        with pymupdf.open(path) as doc:
            seen.append((Path(path).parent != pdf.parent, doc.get_toc()))
        return real(path)

    monkeypatch.setattr(parse, "parse_pdf", spy)
    [sc] = bench_real.run(tmp_path, "tune", timing=False, variant="unmarked")
    assert seen == [(True, [])]  # the parser read a copy without bookmarks, not the corpus's file
    assert sc.note == "" and sc.sentences == 4 and sc.intact_ours >= 2
    assert list((tmp_path / "tune").iterdir()) == [pdf]


def test_a_truth_that_checks_only_the_front_matter_scores_only_that():
    """Sections, figures, tables and bibliography left null (a split that checked titles and
    abstracts only) are not scored: neither counted right nor wrong."""
    truth = dict(TRUTH, sections=None, figures=None, tables=None, bibliography=None)
    sc = bench_real.score_paper(_paper(), truth, "", name="front")
    assert sc.title and sc.abstract
    assert sc.sections is None and sc.floats is None and sc.bib_true is None
    assert "| – | – |" in bench_real.row(sc)
    full = bench_real.score_paper(_paper(), TRUTH, "", name="full")
    total = bench_real.totals([sc, full])
    assert "title exact | 2/2" in total
    # the floats' totals are the full truth's alone (the front-matter paper's predictions not counted)
    assert f"({full.floats.tp}/{full.floats.true} found, {full.floats.pred} given)" in total


def test_a_caption_is_no_body_text_when_its_figure_reaches_over_its_first_line_or_it_is_lettered(tmp_path):
    # CVPR 2025: the figure's drawn region reached over "Figure 5. Qualitative results ..." (its first
    # line went with the figure's text), and the caption's next lines, the same block's, were read as
    # body sentences; a supplement's "Figure A. Left: ..." has a letter for its number.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    y = 90
    for sentence in BODY:
        words = sentence.split()
        y = _write(page, y, " ".join(words[:9]))
        y = _write(page, y, " ".join(words[9:]))
    page.draw_rect(pymupdf.Rect(72, y + 10, 400, y + 150), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    caption = "Figure 5. Qualitative results of our method on the first and the second data set.\n" \
              "Top rows show that our method makes smoother estimates than the measured data do."
    page.insert_text((72, y + 147), caption, fontsize=9, fontname="helv")  # (the first line inside the region)
    lettered = "Figure A. Left: typical observations from the instrument in its spectral mode.\n" \
               "The synthetic exoplanet is very bright for the purposes of this illustration."
    page.insert_text((72, y + 230), lettered, fontsize=9, fontname="helv")
    pdf = tmp_path / "captions.pdf"
    doc.save(pdf)
    a = pymupdf_pages(pdf)
    got = [s.text for s in agreed_sentences(a, copy.deepcopy(a), real_truth.graphics(pdf))]
    assert set(BODY) <= set(got)
    assert not any("Top rows show" in s or "synthetic exoplanet" in s for s in got), got


def test_the_truth_leaves_lrecs_bibliographical_references_out_of_the_sentences():
    # LREC heads its list "6. Bibliographical References": the entries after it are no body prose.
    assert real_truth.REFERENCES_HEADING.match("6. Bibliographical References")
    assert real_truth.REFERENCES_HEADING.match("References")


def test_float_box_sheets_draw_each_page_at_its_own_size(tmp_path):
    # (a cover page larger than the paper's pages: the page after it and its box line up on the sheet)
    doc = pymupdf.open()
    doc.new_page(width=600, height=800)
    page = doc.new_page(width=300, height=400)
    page.draw_rect(pymupdf.Rect(50, 60, 150, 160), color=(0, 0, 0), fill=(0, 0, 0))
    pdf = tmp_path / "covered.pdf"
    doc.save(pdf)
    boxes = [{"page": 1, "kind": "figure", "number": 1, "box": [100, 100, 200, 200]},
             {"page": 2, "kind": "figure", "number": 2, "box": [50, 60, 150, 160]}]
    written = real_truth.render_float_boxes(pdf, boxes, tmp_path / "out", "covered")
    sheet = pymupdf.Pixmap(str([p for p in written if "sheet" in p.name][0]))
    scale = 1.4
    assert (sheet.width, sheet.height) == (round(900 * scale), round(800 * scale))

    def rgb(x: float, y: float) -> tuple:
        return sheet.pixel(int(x * scale), int(y * scale))

    assert rgb(600 + 100, 110) == (0, 0, 0)  # the box's ink, where the box is drawn
    red = rgb(600 + 48.5, 110)  # the box's frame, 1.5 pt outside its left edge
    assert red[0] > red[1] + 60 and red[0] > red[2] + 60
    assert rgb(600 + 100, 300) == (255, 255, 255)  # (not the page drawn twice its size)


def test_truth_text_leaves_out_what_prints_nothing():
    from benchmarks.real_truth import clean

    # (InDesign's soft hyphen before a word it may break; a word processor's zero-width space)
    assert clean("treat the \xadtime\u2010varying \u200bparameters") == "treat the time-varying parameters"
    assert clean("a dual\xadscreen tablet") == "a dual-screen tablet"  # (a printed hyphen's code)
