"""`paperkit outline`: the JSON shape, the tree, and exit codes."""

from __future__ import annotations

import json

import pytest

from corpus import samples
from paperkit.cli import main


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    data, truth = samples.generate_bytes("icml", 0)
    path = tmp_path_factory.mktemp("outline") / "paper.pdf"
    path.write_bytes(data)
    return path, truth


def test_json_has_the_documented_shape(sample, capsys):
    path, truth = sample
    main(["outline", str(path), "--json"])
    data = json.loads(capsys.readouterr().out)  # exactly one JSON object
    assert isinstance(data["title"], str) and data["title"] == truth.title
    assert data["authors"] == truth.authors
    assert isinstance(data["abstract"], str)
    assert data["pages"] == truth.pages
    for section, true in zip(data["sections"], truth.sections):
        assert {"number", "title", "level", "page"} <= set(section)
        assert (section["number"], section["title"], section["level"], section["page"]) == \
               (true.number, true.title, true.level, true.page)
        assert 1 <= section["page"] <= data["pages"]
        assert not section["title"][:1].isdigit()  # the title is given without its number
    assert len(data["sections"]) == len(truth.sections)
    for key, true_items in (("figures", truth.figures), ("tables", truth.tables)):
        assert [(f["number"], f["page"]) for f in data[key]] == [(f.number, f.page) for f in true_items]
        assert all(isinstance(f["caption"], str) and f["caption"] for f in data[key])
    assert data["references"] == truth.references


def test_tree_lists_sections_figures_and_reference_count(sample, capsys):
    path, truth = sample
    main(["outline", str(path)])
    out = capsys.readouterr().out
    assert out.splitlines()[0] == truth.title
    assert "  1  Introduction  (p. 1;" in out
    assert "    3.1  Problem formulation" in out
    assert "Fig. 1" in out and "Table 1" in out
    assert f"References: {len(truth.references)}" in out


def test_second_outline_reads_the_cache(sample, capsys, monkeypatch):
    path, _ = sample
    main(["outline", str(path), "--json"])
    first = capsys.readouterr().out
    import paperkit.reading.parse

    def boom(*args, **kwargs):
        raise AssertionError("parsed again despite the cache")

    monkeypatch.setattr(paperkit.reading.parse, "parse_pdf", boom)
    main(["outline", str(path), "--json"])
    assert capsys.readouterr().out == first


@pytest.mark.parametrize(
    "args, code, words",
    [
        (["outline", "no-such-file.pdf"], 1, "no such file"),
        (["outline", "1913.00001"], 2, "not an arXiv id"),
        (["outline", "1603.08511", "--offline"], 1, "--pdf PATH"),
    ],
)
def test_errors_are_one_line_with_exit_codes(args, code, words, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exited:
        main(args)
    assert exited.value.code == code
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and words in err


def test_help_does_not_import_pymupdf():
    import subprocess
    import sys

    code = "import sys; from paperkit.cli import main\ntry:\n main(['outline','--help'])\nexcept SystemExit: pass\nprint('pymupdf' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("False")


def test_outline_imports_no_interface_or_locking_library(sample, tmp_path):
    """The command is timed against a bare PyMuPDF process: it loads only what reading a PDF needs
    (no terminal UI, templates, Markdown, file locks or torch)."""
    import os
    import subprocess
    import sys

    path, _ = sample
    code = ("import sys\nfrom paperkit.cli import main\nmain(['outline', '--json', sys.argv[1]])\n"
            "heavy = ('rich', 'textual', 'jinja2', 'markdown_it', 'filelock', 'torch')\n"
            "print([m for m in heavy if m in sys.modules], file=sys.stderr)")
    env = dict(os.environ, PAPERKIT_CACHE=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=env, check=True)
    assert json.loads(done.stdout)["pages"] > 0  # it did parse and write the cache
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_json_carries_references_citations_footnotes_and_line_ranges(tmp_path, capsys, monkeypatch):
    from pathlib import Path

    monkeypatch.setenv("PAPERKIT_CACHE", str(tmp_path))
    pdf = Path(__file__).parent / "fixtures" / "latex" / "icml-submission" / "paper.pdf"
    main(["outline", str(pdf), "--json"])
    data = json.loads(capsys.readouterr().out)
    assert len(data["bibliography"]) == len(data["references"]) == 30
    entry = data["bibliography"][0]
    assert set(entry) == {"text", "label", "authors", "title", "year", "venue", "doi", "arxiv", "url"}
    cite = data["citations"][0]
    assert set(cite) == {"text", "refs", "section", "paragraph", "page"}
    assert cite["text"] in data["sections"][cite["section"]]["paragraphs"][cite["paragraph"]]["text"]
    assert [f["mark"] for f in data["footnotes"]] == ["1", "2", "3", "4"]
    first = data["sections"][0]["paragraphs"][0]
    assert first["line_numbers"][0] <= first["line_numbers"][1]
    boxes = [f["bbox"] for f in data["figures"]]
    assert len(boxes) == 3 and all(len(b) == 4 for b in boxes)
    main(["outline", str(pdf)])
    assert "Review line numbers:" in capsys.readouterr().out
