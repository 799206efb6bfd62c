"""`paperkit papers import`: BibTeX, biblatex and CSL-JSON exports into papers.toml.

The files under fixtures/references/ are written for these tests in the styles of Zotero with
Better BibTeX (biblatex), JabRef, Google Scholar, arXiv's own BibTeX and Zotero's CSL-JSON.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from paperkit.errors import InvalidInputError
from paperkit.library import importing
from paperkit.library.importing import bibtex_names, import_file, latex_to_text, read_records
from paperkit.library.store import Library, LibraryEntry

REFERENCES = Path(__file__).parent / "fixtures" / "references"
ALL = ("zotero-betterbibtex.bib", "jabref.bib", "google-scholar.bib", "arxiv.bib", "zotero.json")


def _import_all(workspace):
    return [import_file(workspace, REFERENCES / name) for name in ALL]


def test_better_bibtex_biblatex_fields_become_entries(workspace):
    report = import_file(workspace, REFERENCES / "zotero-betterbibtex.bib")
    assert [key for _, key in report.added] == [
        "1603.08511", "heDeepResidualLearning2016", "mullerGeometrieNoeudsFictifs2003", "1412.6980",
    ]
    lib = Library.load(workspace)
    colour = lib.require("1603.08511")
    assert colour.title == "Colorful Image Colorization" and colour.year == 2016
    assert colour.authors == ("Richard Zhang", "Phillip Isola", "Alexei A. Efros")
    assert colour.categories == ("cs.CV",) and colour.citekey == "zhangColorfulImageColorization2016"
    assert colour.pdf == "/home/ada/Zotero/storage/8XK2J4QP/Zhang et al. - 2016 - Colorful Image Colorization.pdf"
    assert colour.doi is None  # arXiv's own DOI adds nothing to the arXiv id
    assert "colorization" in colour.tags
    resnet = lib.require("heDeepResidualLearning2016")
    assert resnet.venue == "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)"
    assert resnet.doi == "10.1109/CVPR.2016.90" and resnet.year == 2016 and resnet.tags == ("deep learning", "resnet")
    knots = lib.require("mullerGeometrieNoeudsFictifs2003")
    assert knots.title == "Géométrie des nœuds fictifs à la manière de Müller"
    assert knots.authors == ("Jörg Müller", "Élise François", "Pieter van der Berg")
    assert knots.venue == "Journal de Mathématiques Fictives"


def test_an_entry_without_title_is_reported_and_skipped(workspace, run):
    code, out, err = run("papers", "import", str(REFERENCES / "zotero-betterbibtex.bib"))
    assert code == 0
    assert "zotero-betterbibtex.bib:53: skipped @misc{untitledReadingGroupNotes2020}: no title" in err
    assert out.strip().endswith("imported zotero-betterbibtex.bib: 4 added, 0 merged, 1 skipped")
    assert "untitled" not in workspace.library_path.read_text()


def test_jabref_relative_pdf_paths_are_taken_from_the_bib_folder(workspace):
    import_file(workspace, REFERENCES / "jabref.bib")
    lib = Library.load(workspace)
    assert lib.require("1603.08511").pdf == str(REFERENCES / "Zhang2016 - Colorful Image Colorization.pdf")
    assert lib.require("1603.08511").version == 2  # eprint = {1603.08511v2}
    assert lib.require("Srivastava2014").pdf == str(REFERENCES / "papers" / "srivastava14a.pdf")
    assert lib.require("He2016").tags == ("seminar",)


def test_google_scholar_arxiv_preprints_are_arxiv_papers_without_a_venue(workspace):
    import_file(workspace, REFERENCES / "google-scholar.bib")
    lib = Library.load(workspace)
    assert lib.require("1603.08511").venue is None  # "arXiv preprint arXiv:1603.08511" is no venue
    assert lib.require("vaswani2017attention").authors[6] == "Łukasz Kaiser"


def test_csl_json_items_become_entries(workspace):
    report = import_file(workspace, REFERENCES / "zotero.json")
    assert len(report.added) == 3 and report.skipped == [("zotero.json item 4", "http://zotero.org/users/1234567/items/ZZ11AA22: no title")]
    lib = Library.load(workspace)
    assert lib.require("1603.08511").authors[2] == "Alexei A. Efros"
    nature = lib.require("rumelhartLearningRepresentationsBackpropagating1986")
    assert nature.venue == "Nature" and nature.doi == "10.1038/323533a0" and nature.year == 1986
    # A Zotero item URI is no usable key: the key is made from author, year and title.
    attention = next(e for e in lib.entries() if e.title == "Attention is All you Need")
    assert attention.id == "vaswani2017attention" and attention.tags == ("transformers", "attention")


def test_duplicates_across_exports_are_merged_never_doubled(workspace):
    zotero, jabref, scholar, arxiv, csl = _import_all(workspace)
    lib = Library.load(workspace)
    assert len(lib) == 8
    assert [(w, m) for w, m in jabref.merged] == [
        ("jabref.bib:3", "Zhang2016 merged into 1603.08511 (same arXiv id)"),
        ("jabref.bib:15", "He2016 merged into heDeepResidualLearning2016 (same DOI)"),
    ]
    assert len(jabref.added) == 1  # Srivastava2014
    # Google Scholar: arXiv id from the journal text, Dropout by title and year (other capitals).
    assert len(scholar.added) == 1 and len(scholar.unchanged) == 2
    assert [m for _, m in csl.merged] == ["http://zotero.org/users/1234567/items/3BWQ9ZKD merged into vaswani2017attention (same title and year)"]
    assert lib.require("1603.08511").tags == (
        "Computer Science - Computer Vision and Pattern Recognition", "colorization", "self-supervised", "seminar",
    )
    assert lib.require("1412.6980").citekey == "kingmaAdamMethodStochastic2017"  # the first import's key stays


def test_importing_the_same_files_twice_changes_nothing(workspace, run):
    _import_all(workspace)
    before = workspace.library_path.read_bytes()
    for name in ALL:
        code, out, _ = run("papers", "import", str(REFERENCES / name))
        assert code == 0 and " 0 added, 0 merged" in out
    assert workspace.library_path.read_bytes() == before


def test_duplicates_inside_one_file_are_merged(tmp_path, workspace):
    bib = tmp_path / "twice.bib"
    bib.write_text(
        "@article{a, title={Deep Residual Learning for Image Recognition}, year={2016}, doi={10.1109/CVPR.2016.90}}\n"
        "@article{a, title={Deep residual learning for image recognition}, year={2016}, keywords={resnet}}\n"
        "@misc{c, title={Something}, eprint={arXiv:1603.08511v3}}\n"
        "@misc{d, title={Something}, url={https://arxiv.org/pdf/1603.08511.pdf}}\n"
    )
    report = import_file(workspace, bib)
    assert [m for _, m in report.merged] == [
        "a merged into a (same title and year as twice.bib:1)",
        "d merged into 1603.08511 (same arXiv id as twice.bib:3)",
    ]
    lib = Library.load(workspace)
    assert lib.ids() == ["a", "1603.08511"] and lib.require("a").tags == ("resnet",)


def test_a_syntax_error_is_one_line_with_its_line_and_nothing_is_written(workspace, run):
    before = workspace.library_path.read_bytes()
    code, out, err = run("papers", "import", str(REFERENCES / "broken.bib"))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "broken.bib:6: BibTeX syntax error in @article{broken2021" in err and "nothing was imported" in err
    assert workspace.library_path.read_bytes() == before


def test_a_json_syntax_error_names_its_line(tmp_path):
    bad = tmp_path / "refs.json"
    bad.write_text('[\n  {"title": "A"},\n  {"title": "B",}\n]\n')
    with pytest.raises(InvalidInputError, match=r"refs.json:3: JSON syntax error"):
        read_records(bad)


def test_a_concurrent_writer_during_an_import_loses_nothing(workspace, monkeypatch):
    real = importing.read_records

    def read_while_someone_adds(path):
        found = real(path)
        # Another paperkit process adds a paper after the file was read, before the import writes.
        with Library.edit(workspace) as other:
            other.add(LibraryEntry(id="1710.09412", title="mixup"))
        return found

    monkeypatch.setattr(importing, "read_records", read_while_someone_adds)
    report = import_file(workspace, REFERENCES / "arxiv.bib")
    lib = Library.load(workspace)
    assert lib.get("1710.09412").title == "mixup"
    assert len(report.added) == 2 and {"2004.11362", "1412.6980"} <= set(lib.ids())


def test_comments_in_papers_toml_survive_an_import(workspace):
    workspace.library_path.write_text('# my list\n[papers."1603.08511"]  # keep\ntitle = "Colorful Image Colorization"\n')
    import_file(workspace, REFERENCES / "jabref.bib")
    text = workspace.library_path.read_text()
    assert text.startswith('# my list\n[papers."1603.08511"]  # keep\n')
    assert Library.load(workspace).require("1603.08511").authors[0] == "Richard Zhang"  # filled in


def test_import_tags_and_status_apply_to_new_papers(workspace, run):
    code, _, _ = run("papers", "import", str(REFERENCES / "arxiv.bib"), "--tag", "imported", "--status", "pass-1")
    assert code == 0
    entry = Library.load(workspace).require("2004.11362")
    assert entry.tags == ("imported",) and entry.status == "pass-1"


def test_citation_keys_that_are_no_names_are_made_safe(tmp_path, workspace):
    bib = tmp_path / "keys.bib"
    bib.write_text("@article{../../evil, title={Path Trick}, year={2020}}\n@article{Smith 2020, title={Other}, year={2020}}\n")
    import_file(workspace, bib)
    ids = Library.load(workspace).ids()
    assert ids == ["evil", "Smith-2020"]
    assert Library.load(workspace).require("evil").citekey == "../../evil"


def test_a_local_key_in_use_by_another_paper_gets_a_suffix(tmp_path, workspace):
    with Library.edit(workspace) as lib:
        lib.add(LibraryEntry(id="smith2020", title="First"))
    bib = tmp_path / "clash.bib"
    bib.write_text("@article{smith2020, title={Second}, year={2020}}\n")
    import_file(workspace, bib)
    assert Library.load(workspace).require("smith2020b").title == "Second"


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"Fran{\c c}ois", "François"),
        (r"{\"U}ber {{ImageNet}}", "Über ImageNet"),
        (r"Learning with $\ell_1$ Norms -- a Study", r"Learning with $\ell_1$ Norms – a Study"),
        (r"Dr.~No \& Co", "Dr. No & Co"),
        ("Plain {Braces}  and\n  spaces", "Plain Braces and spaces"),
    ],
)
def test_latex_becomes_unicode(latex, text):
    assert latex_to_text(latex) == text


def test_bibtex_names_keep_von_parts_and_literal_names():
    assert bibtex_names(r"de la Fontaine, Jean-Luc and {The Reading Group} and Smith, Jr., John and others") == [
        "Jean-Luc de la Fontaine", "The Reading Group", "John Smith Jr.",
    ]


ACCENTED = [
    r"M{\"u}ller", r"M\"{u}ller", r"M\"uller", r"Fran{\c c}ois", r"Fran\c{c}ois", r"{\'E}cole", r"J\'{e}r\^{o}me",
    r"{\O}ster{\aa}s", r"\o{}re", r"Ca\~{n}ete", r"{\L}ukasz", r"Erd\H{o}s", r"Dvo\v{r}\'ak", r"Stra{\ss}e",
    r"na\"{\i}ve", r"{\ae}sir", r"\r{A}ngstr\"om", r"B\k{a}k", r"pages 1--34", r"A---B", r"R\&D at 50\%", r"Dr.~No",
    r"{\AE}sop and {\OE}uvre", r"\`{a} la", r"\u{g}", r"\={a}", r"\.{z}",
]


@pytest.mark.parametrize("latex", ACCENTED)
def test_the_fast_accent_path_agrees_with_pylatexenc(latex):
    from pylatexenc.latex2text import LatexNodes2Text

    reference = " ".join(LatexNodes2Text(math_mode="verbatim").latex_to_text(latex).replace("\xa0", " ").split())
    assert importing._fast_latex(latex) is not None  # taken without pylatexenc
    assert latex_to_text(latex) == reference


def test_other_latex_goes_to_pylatexenc():
    assert importing._fast_latex(r"\textit{ImageNet} with $\alpha$") is None
    assert latex_to_text(r"\textit{ImageNet} Classification") == "ImageNet Classification"


def test_pdf_paths_from_each_managers_file_field(tmp_path, workspace):
    bib = tmp_path / "files.bib"
    bib.write_text(
        "@article{bbt, title={A}, file={/home/ada/Zotero/storage/AB/a.pdf;/home/ada/Zotero/storage/AB/a.html}}\n"
        "@article{zotero, title={B}, file={Snapshot:/z/b.html:text/html;Full Text PDF:/z/b.pdf:application/pdf}}\n"
        "@article{mendeley, title={C}, file={:C\\:/Users/ada/c.pdf:pdf}}\n"
        "@article{jabref, title={D}, file={Paper:sub/d.pdf:PDF}}\n"
        "@article{none, title={E}, file={:e.html:HTML}}\n"
    )
    import_file(workspace, bib)
    lib = Library.load(workspace)
    assert [lib.require(k).pdf for k in ("bbt", "zotero", "mendeley", "jabref", "none")] == [
        "/home/ada/Zotero/storage/AB/a.pdf", "/z/b.pdf", "C:/Users/ada/c.pdf", str(tmp_path / "sub" / "d.pdf"), None,
    ]


def test_a_file_without_references_is_one_line(tmp_path, workspace, run):
    empty = tmp_path / "notes.bib"
    empty.write_text("Just some text, no entries.\n")
    before = workspace.library_path.read_bytes()
    code, _, err = run("papers", "import", str(empty))
    assert code == 1 and "notes.bib holds no references" in err and workspace.library_path.read_bytes() == before
