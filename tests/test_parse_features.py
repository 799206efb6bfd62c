"""What real papers have and the hand-written corpus lacked: long bibliographies in three styles,
citations, review line numbers, footnotes, figure panels (tests/fixtures/latex/, made by
corpus/latex_gen.py; truth from TeX and the source, never from paperkit).

Floors sit at or just below what docs/BENCHMARKS.md ("outline-text") reports, so a regression fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import samples
from paperkit.reading.bibliography import link_citations, parse_reference
from paperkit.reading.paper import Paper
from paperkit.reading.parse import parse_pdf

LATEX = Path(__file__).parent / "fixtures" / "latex"
TUNED = ("icml-submission", "numbered-refs")


@pytest.fixture(scope="module")
def parsed():
    return {name: parse_pdf(LATEX / name / "paper.pdf") for name in TUNED}


def _score(parsed, name):
    return samples.text_score(parsed[name], LATEX / name / "truth.json")


@pytest.mark.parametrize("name", TUNED)
def test_every_bibliography_entry_is_split_and_read(parsed, name):
    score = _score(parsed, name)
    assert score.references_found == score.references_true
    assert score.reference_fields == score.reference_fields_true, name


@pytest.mark.parametrize("name", TUNED)
def test_citations_link_to_their_entries(parsed, name):
    score = _score(parsed, name)
    assert score.citations_linked == score.citations_true
    paper = parsed[name]
    for c in paper.citations:  # each citation points into the paragraph it was read from
        assert c.text in paper.sections[c.section].paragraphs[c.paragraph].text


def test_line_numbers_leave_the_text_and_stay_as_ranges(parsed):
    paper = parsed["icml-submission"]
    score = _score(parsed, "icml-submission")
    assert score.sentence_rate >= 0.99, score.missed[:5]
    ranges = [p.line_numbers for s in paper.sections for p in s.paragraphs if p.line_numbers]
    assert len(ranges) > 20
    assert all(a <= b for a, b in ranges)
    starts = [a for a, _ in ranges]
    assert sum(1 for x, y in zip(starts, starts[1:]) if y > x) >= 0.9 * (len(starts) - 1)  # they run on
    assert not any(p.line_numbers for s in parsed["numbered-refs"].sections for p in s.paragraphs)


def test_the_new_fields_round_trip_through_json(parsed):
    paper = parsed["icml-submission"]
    again = Paper.from_json(json.loads(json.dumps(paper.to_json())))
    assert again.bibliography == paper.bibliography and again.citations == paper.citations
    assert again.sections == paper.sections and again.footnotes == paper.footnotes


@pytest.mark.parametrize("text, fields", [
    ("[7] K. He, X. Zhang, S. Ren, and J. Sun. Deep residual learning for image recognition. In CVPR, pages "
     "770–778, 2016. doi: 10.1109/CVPR.2016.90.",
     dict(label="7", authors=("K. He", "X. Zhang", "S. Ren", "J. Sun"), title="Deep residual learning for image "
          "recognition", year=2016, venue="CVPR", doi="10.1109/CVPR.2016.90")),
    ("Zhang, R., Isola, P., & Efros, A. A. (2016). Colorful image colorization. In European Conference on "
     "Computer Vision (pp. 649–666). Springer.",
     dict(label=None, authors=("R. Zhang", "P. Isola", "A. A. Efros"), title="Colorful image colorization",
          year=2016, venue="European Conference on Computer Vision")),
    ("[ZIE16] Richard Zhang, Phillip Isola, and Alexei A. Efros. Colorful image colorization. arXiv preprint "
     "arXiv:1603.08511, 2016.",
     dict(label="ZIE16", authors=("Richard Zhang", "Phillip Isola", "Alexei A. Efros"),
          title="Colorful image colorization", year=2016, venue=None, arxiv="1603.08511")),
    ("Diederik P. Kingma and Jimmy Ba. Adam: A method for stochastic optimization. In International Conference "
     "on Learning Representations, 2015. URL https://arxiv.org/abs/1412.6980.",
     dict(authors=("Diederik P. Kingma", "Jimmy Ba"), title="Adam: A method for stochastic optimization", year=2015,
          venue="International Conference on Learning Representations", arxiv="1412.6980", url=None)),
    ("1. Toneva, M., Sordoni, A., et al.: An empirical study of example forgetting. In: Proceedings of the "
     "International Conference on Learning Representations (2019)",
     dict(label="1", authors=("M. Toneva", "A. Sordoni"), title="An empirical study of example forgetting",
          year=2019, venue="Proceedings of the International Conference on Learning Representations")),
])
def test_reference_fields_in_each_style(text, fields):
    ref = parse_reference(text)
    for key, value in fields.items():
        assert getattr(ref, key) == value, (key, getattr(ref, key))


def test_citations_in_each_style():
    numbered = [parse_reference(f"[{i}] A. Author{i}. Title {i}. Venue, 2020.") for i in range(1, 8)]
    found = link_citations([(0, 0, 1, "as shown [2, 4–6] and in [7].")], numbered)
    assert [c.refs for c in found] == [(1, 3, 4, 5), (6,)]
    alpha = [parse_reference("[ZIE16] R. Zhang. Colorful. ECCV, 2016."), parse_reference("[Kin14] D. Kingma. Adam. ICLR, 2014.")]
    assert [c.refs for c in link_citations([(0, 0, 1, "see [Kin14, ZIE16].")], alpha)] == [(1, 0)]
    authoryear = [parse_reference("Richard Zhang, Phillip Isola, and Alexei Efros. Colorful. In ECCV, 2016."),
                  parse_reference("Diederik Kingma and Jimmy Ba. Adam. In ICLR, 2015."),
                  parse_reference("Diederik Kingma and Max Welling. Auto-encoding. In ICLR, 2014.")]
    text = "Colour (Zhang et al., 2016; Kingma and Ba, 2015) as Kingma and Welling (2014) did, unlike (Smith, 2001)."
    found = link_citations([(2, 3, 4, text)], authoryear)
    assert [(c.text, c.refs) for c in found] == [("(Zhang et al., 2016; Kingma and Ba, 2015)", (0, 1)),
                                                  ("Kingma and Welling (2014)", (2,))]
    assert (found[0].section, found[0].paragraph, found[0].page) == (2, 3, 4)


@pytest.mark.parametrize("name", TUNED)
def test_footnotes_are_kept_apart_and_attached_to_their_call(parsed, name):
    paper = parsed[name]
    score = _score(parsed, name)
    assert score.footnotes_found >= score.footnotes_true - 1 and len(paper.footnotes) == score.footnotes_true
    for note in paper.footnotes:
        assert note.section is not None, note
        calling = paper.sections[note.section].paragraphs[note.paragraph]
        assert note.page - 1 <= calling.page <= note.page
        assert note.text not in " ".join(p.text for s in paper.sections for p in s.paragraphs)
    marks = [n.mark for n in paper.footnotes]
    assert marks == [str(i) for i in range(1, len(marks) + 1)]


def test_a_copyright_block_stays_out_of_the_text(parsed):
    text = " ".join(p.text for s in parsed["icml-submission"].sections for p in s.paragraphs)
    assert "Permission to make" not in text and "Copyright 2025" not in text
    assert not any(ch.isdigit() for ch in text.split("CIFAR-100.")[1][:1])  # no call mark glued on


def test_algorithms_and_listings_are_kept_line_by_line(parsed):
    code = {name: [p.text for s in parsed[name].sections for p in s.paragraphs if p.code] for name in TUNED}
    algorithm = code["icml-submission"]
    assert len(algorithm) == 1 and algorithm[0].startswith("Algorithm 1 Training with rebalanced targets\nRequire:")
    rows = algorithm[0].split("\n")
    assert len(rows) == 9 and rows[-1].split() == ["7:", "return", "θ"]
    assert rows[4].startswith("3:") and rows[4].index("g") > rows[3].index("for")  # nested one level deeper
    listing = code["numbered-refs"]
    assert listing == ["def train_step(model, batch, optimiser):\n    images, labels = batch\n"
                       "    loss = model.loss(images, labels) # mean over the batch\n    optimiser.zero_grad()\n"
                       "    loss.backward()\n    optimiser.step()\n    return loss.item()"]


def test_sentences_survive_page_column_and_float_breaks(parsed):
    for name, floor in (("icml-submission", 0.99), ("numbered-refs", 0.99)):
        score = _score(parsed, name)
        assert score.sentence_rate >= floor, (name, score.missed[:5])


@pytest.mark.parametrize("name", TUNED)
def test_figure_crops_hold_every_panel(parsed, name):
    score = _score(parsed, name)
    assert score.boxes_right == score.boxes_true, score.boxes_wrong
    text = " ".join(p.text for s in parsed[name].sections for p in s.paragraphs)
    assert "(a) " not in text and "(b) " not in text  # panel captions stay with their figure


@pytest.mark.parametrize("name", TUNED)
def test_display_equations_are_one_block_with_their_number_and_box(parsed, name):
    paper = parsed[name]
    tex = (LATEX / name / "paper.tex").read_text(encoding="utf-8")
    equations = [p for s in paper.sections for p in s.paragraphs if p.equation]
    assert [p.equation for p in equations] == [str(i + 1) for i in range(tex.count("\\begin{equation}"))]
    for p in equations:
        assert p.math and p.bbox is not None and p.render_as_image  # fractions and sums: rows a line cannot hold
        x0, y0, x1, y1 = p.bbox
        assert 10 < y1 - y0 < 60 and x1 - x0 > 90
    everything = json.dumps(paper.to_json(), ensure_ascii=False)
    assert "\ufffd" not in everything


def test_a_bibliography_heading_missing_from_the_bookmarks_still_opens_the_references():
    import pymupdf

    from paperkit.reading.parse import parse_document

    with pymupdf.open(LATEX / "article-onecol" / "paper.pdf") as doc:
        toc = doc.get_toc(simple=False)
        assert any(entry[1] == "References" for entry in toc)
        doc.set_toc([entry for entry in toc if entry[1] != "References"])
        data = doc.tobytes()
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        paper = parse_document(doc)
    assert len(paper.references) == 4 and all(r.title for r in paper.bibliography)
    assert [s.title for s in paper.sections].count("References") == 1


def test_held_out_papers_keep_their_measured_quality():
    # Measured once (docs/BENCHMARKS.md, "outline-text"), before anything was tuned on them:
    # alpha-twocol 132/132 sentences, 26/26 entries, 122/123 fields, 27/27 citations, 4/4 footnotes,
    # 3/3 crops; neurips-submission 176/178, 40/40, 184/184, 39/39, 4/4, 3/3.
    # neurips-submission was studied after that (a booktabs table's rules not stacked) and is tuned now.
    for name, sentences in (("alpha-twocol", 0.99), ("neurips-submission", 0.99)):
        score = samples.text_score(parse_pdf(LATEX / name / "paper.pdf"), LATEX / name / "truth.json")
        assert score.sentence_rate >= sentences, (name, score.missed[:3])
        assert score.references_found == score.references_true and score.citations_linked == score.citations_true
        assert score.reference_fields >= score.reference_fields_true - 1
        assert score.footnotes_found == score.footnotes_true and score.boxes_right == score.boxes_true


def test_a_ruled_table_is_one_box_and_its_cells_stay_out_of_the_text():
    # neurips-submission Table 2: booktabs rules whose left ends differ by 0.15 pt (196.48, 196.63).
    paper = parse_pdf(LATEX / "neurips-submission" / "paper.pdf")
    table = next(t for t in paper.tables if t.number == "2")
    assert table.bbox is not None and table.bbox[1] < 267 and table.bbox[3] > 336
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "Top-1" not in text and "Augmentation strength 73.9" not in text
