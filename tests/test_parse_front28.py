"""Front matter of the eighteenth split's misses, each on a page drawn here: publishers' and
repositories' cover sheets before the paper (Taylor & Francis's download sheet, Elsevier's journal
pre-proof, two EPrints sheets one after the other)."""

from __future__ import annotations

import pymupdf

from tests.test_parse_sent19 import WORDS, _justified
from tests.test_parse_sent19 import _prose as prose_lines
from tests.pdf_pages import reparse as _parse


def _prose(page, x: float, y: float, n: int, size: float = 10.0, pitch: float = 12.0, width: float = 240.0,
           **more) -> float:
    return prose_lines(page, x, y, n, size=size, pitch=pitch, width=width, **more)


def _paper_page(doc, title: str, abstract: str, *, labelled: bool = False) -> None:
    """A paper's own first page: title in 18 pt, names, an abstract without a label (or under
    "Abstract"), then "1. Introduction" over the text."""
    page = doc.new_page(width=595, height=842)
    page.insert_text((60, 90), title, fontname="tibo", fontsize=18)
    page.insert_text((60, 120), "Alice Smith, Bob Jones", fontname="tiro", fontsize=11)
    y = 170
    if labelled:
        page.insert_text((60, 160), "Abstract", fontname="tibo", fontsize=10)
        y = 180
    _prose(page, 80, y, 7, size=9, pitch=11, width=430, first=abstract)
    page.insert_text((60, 270), "1. Introduction", fontname="tibo", fontsize=10)
    _prose(page, 60, 290, 38, width=470)


ABSTRACT = "Optimization for complex systems in engineering often involves costly simulation runs"


def test_a_download_sheet_that_cites_the_article_is_a_cover():
    # Taylor & Francis's download sheet: the journal's name, the title in 14 pt, the names, "To cite
    # this article:", "To link to this article:", "Full Terms & Conditions of access and use can be
    # found at ..." at the foot; the paper's page after it sets its abstract without a label.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((120, 60), "Technometrics", fontname="helv", fontsize=12)
    page.insert_text((95, 180), "Bayesian Guided Pattern Search for Robust Local Optimization", fontname="hebo", fontsize=14)
    page.insert_text((95, 240), "Matthew A. Taddy, Herbert K. H. Lee & Genetha A. Gray", fontname="hebo", fontsize=10)
    page.insert_text((95, 280), "To cite this article: Matthew A. Taddy, Herbert K. H. Lee & Genetha A. Gray (2009)",
                     fontname="helv", fontsize=8)
    page.insert_text((95, 292), "Bayesian Guided Pattern Search for Robust Local Optimization, Technometrics, 51:4",
                     fontname="helv", fontsize=8)
    page.insert_text((95, 320), "To link to this article: https://doi.org/10.1198/TECH.2009.08007", fontname="helv", fontsize=8)
    page.insert_text((130, 380), "Published online: 01 Jan 2012.", fontname="helv", fontsize=8)
    page.insert_text((155, 775), "Full Terms & Conditions of access and use can be found at", fontname="helv", fontsize=8)
    _paper_page(doc, "Bayesian Guided Pattern Search for Robust Local Optimization", ABSTRACT)
    paper = _parse(doc)
    assert paper.title == "Bayesian Guided Pattern Search for Robust Local Optimization"
    assert (paper.abstract or "").startswith(ABSTRACT)


def test_a_journal_pre_proof_sheet_is_a_cover():
    # Elsevier's journal pre-proof: "Journal Pre-proof" in bold over the title in small type, the
    # record's fields, and the notice "This is a PDF file of an article that has undergone
    # enhancements after acceptance, such as the addition of a cover page ..."; the paper's page
    # follows with its title in large type.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((90, 110), "Journal Pre-proof", fontname="tibo", fontsize=14)
    page.insert_text((90, 140), "An overview of machine unlearning", fontname="tiro", fontsize=10)
    page.insert_text((90, 170), "Chunxiao Li, Haipeng Jiang, Yu Guo", fontname="tiro", fontsize=10)
    page.insert_text((90, 220), "PII: S2667-2952(24)00057-6", fontname="tiro", fontsize=9)
    page.insert_text((90, 400), "This is a PDF file of an article that has undergone enhancements after acceptance, such as the",
                     fontname="tiro", fontsize=9)
    page.insert_text((90, 412), "addition of a cover page and metadata, and formatting for readability, but it is not yet the",
                     fontname="tiro", fontsize=9)
    page.insert_text((90, 424), "definitive version of record. This version will undergo additional copyediting and review.",
                     fontname="tiro", fontsize=9)
    _paper_page(doc, "An Overview of Machine Unlearning", "Nowadays, machine learning is widely used in "
                "various applications and settings", labelled=True)
    paper = _parse(doc)
    assert paper.title == "An Overview of Machine Unlearning"
    assert (paper.abstract or "").startswith("Nowadays, machine learning is widely used")


def test_two_repository_sheets_before_the_paper_are_both_covers():
    # Strathprints (EPrints): a sheet with the repository's name in 16 pt and its notice ("Copyright
    # (c) and Moral Rights for the papers on this site are retained by the individual authors ..."),
    # then the author's version's own sheet saying the same; the paper starts on page 3, its title
    # in 14 pt bold over 11 pt text, no abstract, "Introduction" over its first paragraph.
    doc = pymupdf.open()
    for head in ("Strathprints Institutional Repository", "Chowdhury, G. (2003) Natural language processing."):
        page = doc.new_page(width=595, height=842)
        page.insert_text((110, 180), head, fontname="helv", fontsize=16 if head.startswith("Strath") else 11)
        page.insert_text((80, 240), "Strathprints is designed to allow users to access the research output of the",
                         fontname="helv", fontsize=9)
        page.insert_text((80, 252), "University of Strathclyde. Copyright (c) and Moral Rights for the papers on",
                         fontname="helv", fontsize=9)
        page.insert_text((80, 264), "this site are retained by the individual authors and/or other copyright owners.",
                         fontname="helv", fontsize=9)
    page = doc.new_page(width=595, height=842)
    page.insert_text((165, 80), "Natural Language Processing", fontname="tibo", fontsize=14)
    page.insert_text((165, 105), "Gobinda G. Chowdhury", fontname="tiro", fontsize=10)
    page.insert_text((165, 117), "Dept. of Computer and Information Sciences", fontname="tiro", fontsize=10)
    page.insert_text((75, 160), "Introduction", fontname="tibo", fontsize=12)
    _prose(page, 75, 190, 40, size=11, pitch=16, width=440)
    paper = _parse(doc)
    assert paper.title == "Natural Language Processing"
    assert not (paper.abstract or "").startswith("Strathprints is designed")


def _labelled_abstract_and_text(page, y: float, x: float = 60, width: float = 470, size: float = 10.0) -> None:
    page.insert_text((x, y), "Abstract", fontname="tibo", fontsize=9)
    _prose(page, x, y + 16, 5, size=9, pitch=11, width=width,
           first="Three historical episodes in which the application of significance testing misled")
    page.insert_text((x, y + 90), "1. Introduction", fontname="tibo", fontsize=size)
    _prose(page, x, y + 110, 36, size=size, pitch=1.2 * size, width=width)


def test_a_kind_label_over_the_title_and_the_author_under_it_are_no_part_of_it():
    # Accident Analysis and Prevention 2004: "Viewpoint" in 13 pt over the 17 pt title, the one
    # author "Ezra Hauer" in 13 pt under it calling a note, his address in small italic under that.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((192, 105), "Accident Analysis and Prevention 36 (2004) 495-500", fontname="tiro", fontsize=8)
    page.insert_text((266, 136), "Viewpoint", fontname="tiro", fontsize=13)
    page.insert_text((161, 160), "The harm done by tests of significance", fontname="tiro", fontsize=17)
    page.insert_text((259, 185), "Ezra Hauer", fontname="tiro", fontsize=13)
    page.insert_text((323, 179), "*", fontname="tiro", fontsize=8)
    page.insert_text((194, 200), "35 Merton Street, Apt. 1706, Toronto, Ont., Canada M4S 3G4", fontname="tiit", fontsize=8)
    _labelled_abstract_and_text(page, 240)
    paper = _parse(doc)
    assert paper.title == "The harm done by tests of significance"


def test_a_lone_author_over_an_affiliation_is_no_subtitle():
    # Neural Networks 2008: the 14 pt title over two lines ("... robots:" / "A review"), then "Auke
    # Jan Ijspeert" in 11 pt, then "School of Computer and Communication Sciences, EPFL ..." in
    # 6.5 pt italic; the text in 8.5 pt.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((33, 188), "Central pattern generators for locomotion control in animals and robots:",
                     fontname="tiro", fontsize=14)
    page.insert_text((33, 205), "A review", fontname="tiro", fontsize=14)
    page.insert_text((33, 227), "Auke Jan Ijspeert", fontname="tiro", fontsize=11)
    page.insert_text((33, 240), "School of Computer and Communication Sciences, EPFL, Station 14, 1015 Lausanne, Switzerland",
                     fontname="tiit", fontsize=6.5)
    _labelled_abstract_and_text(page, 280, x=33, width=520, size=8.5)
    paper = _parse(doc)
    assert paper.title == "Central pattern generators for locomotion control in animals and robots: A review"


def test_names_with_affiliation_marks_under_a_title_are_no_part_of_it():
    # EMNLP 2023: the 14.5 pt bold title, then two rows of names in 12 pt bold, each name calling its
    # affiliations in small raised digits ("Robert Litschko1,3*   Max Muller-Eberstein2*   Rob van
    # der Goot2" / "Leon Weber1,3   Barbara Plank1,2,3"), the names about a size apart.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((81, 90), "Establishing Trustworthiness: Rethinking Tasks and Model Evaluation", fontname="tibo", fontsize=14.3)
    for y, row in ((118, (("Robert Litschko", "1,3*", 126), ("Max Muller-Eberstein", "2*", 241), ("Rob van der Goot", "2", 376))),
                   (132, (("Leon Weber", "1,3", 207), ("Barbara Plank", "1,2,3", 296)))):
        for name, marks, x in row:
            page.insert_text((x, y), name, fontname="tibo", fontsize=12)
            end = x + pymupdf.get_text_length(name, fontname="tibo", fontsize=12)
            page.insert_text((end, y - 4), marks, fontname="tiro", fontsize=8)
    page.insert_text((98, 146), "1 MaiNLP, Center for Information and Language Processing, LMU Munich, Germany",
                     fontname="tiro", fontsize=12)
    _labelled_abstract_and_text(page, 200)
    paper = _parse(doc)
    assert paper.title == "Establishing Trustworthiness: Rethinking Tasks and Model Evaluation"


def test_a_connective_in_small_capitals_between_a_title_s_lines_in_capitals():
    # A Tandem report of 1986, set in Word: the title in 12 pt bold capitals, the size of the text,
    # over three lines, the middle one "AND" in 9.5 pt bold (small capitals), each line centred.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((378, 82), "Tandem TR 86.1", fontname="tiro", fontsize=12)
    page.insert_text((90, 142), "THE 5 MINUTE RULE FOR TRADING MEMORY FOR DISC ACCESSES", fontname="tibo", fontsize=12)
    page.insert_text((296, 162), "AND", fontname="tibo", fontsize=9.5)
    page.insert_text((126, 182), "THE 5 BYTE RULE FOR TRADING MEMORY FOR CPU TIME", fontname="tibo", fontsize=12)
    page.insert_text((284, 241), "Jim Gray", fontname="tiro", fontsize=12)
    page.insert_text((269, 261), "Franco Putzolu", fontname="tiro", fontsize=12)
    page.insert_text((205, 300), "Tandem Computers, Cupertino, CA, USA", fontname="tiro", fontsize=12)
    page.insert_text((275, 478), "ABSTRACT", fontname="tiro", fontsize=12)
    _prose(page, 90, 518, 16, size=12, pitch=14, width=430,
           first="Simple cost-benefit arguments allow one to compute the break-even point for trading")
    page = doc.new_page(width=612, height=792)
    _prose(page, 90, 80, 45, size=12, pitch=14, width=430)
    paper = _parse(doc)
    assert paper.title == ("THE 5 MINUTE RULE FOR TRADING MEMORY FOR DISC ACCESSES AND "
                           "THE 5 BYTE RULE FOR TRADING MEMORY FOR CPU TIME")


def test_a_subtitle_in_roman_under_a_bold_title_of_its_size_is_joined_with_a_colon():
    # USENIX ATC 2009: "Object Storage on CRAQ" in 17 pt bold, centred over "High-throughput chain
    # replication for read-mostly workloads" in 17 pt roman, the names in 12 pt under them.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((212, 114), "Object Storage on CRAQ", fontname="tibo", fontsize=17)
    page.insert_text((93, 140), "High-throughput chain replication for read-mostly workloads", fontname="tiro", fontsize=17)
    page.insert_text((216, 170), "Jeff Terrace and Michael J. Freedman", fontname="tiro", fontsize=12)
    page.insert_text((257, 184), "Princeton University", fontname="tiro", fontsize=12)
    page.insert_text((72, 222), "Abstract", fontname="tibo", fontsize=14.5)
    _prose(page, 72, 240, 10, width=230, first="Massive storage systems typically replicate and partition data")
    page.insert_text((72, 380), "1 Introduction", fontname="tibo", fontsize=14.5)
    _prose(page, 72, 400, 30, width=230)
    for y in (222, 400):
        _prose(page, 311, y, 25, width=230, start=311)
    paper = _parse(doc)
    assert paper.title == "Object Storage on CRAQ: High-throughput chain replication for read-mostly workloads"


def test_an_abstract_s_first_line_read_apart_by_a_note_beside_it():
    # Nature Communications 2025: the abstract without a label in 10 pt, ragged right, across the
    # middle of the page over two justified columns; left of it, level with its second line, the
    # note "Check for updates": the reading order took the opening line alone, then the note.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=791)
    page.insert_text((40, 102), "Article", fontname="hebo", fontsize=10)
    page.insert_text((400, 102), "https://doi.org/10.1038/s41467-025-58192-9", fontname="helv", fontsize=8)
    page.insert_text((40, 135), "Data-driven energy management for electric", fontname="hebo", fontsize=26)
    page.insert_text((40, 162), "vehicles using offline reinforcement learning", fontname="hebo", fontsize=26)
    page.insert_text((217, 266), "Energy management technologies have significant potential to optimize", fontname="tiro", fontsize=10)
    page.insert_text((52, 276), "Check for updates", fontname="helv", fontsize=8)
    y = 280.0
    for i in range(20):
        y = prose_lines(page, 217, y, 1, size=10, pitch=12, width=330 if i % 3 else 300, start=9 * i)

    def columns(page, top: float, rows: int) -> None:
        for x in (40, 306):
            for i in range(rows):
                _justified(page, x, top + 10.5 * i, " ".join(WORDS[(x + 9 * i + j) % len(WORDS)] for j in range(9)),
                           x + 254, size=8)

    columns(page, 571, 13)
    columns(doc.new_page(width=595, height=791), 60, 60)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("Energy management technologies have significant potential")


def test_a_reader_s_notes_in_another_script_leave_a_framed_abstract_text():
    # BMC 2019, a reader's copy: the abstract framed under its label, with run-in heads and short
    # last lines, and notes in Chinese written between its lines over the words they gloss ("诊断"
    # by "diagnostic"): the notes' short rows made the frame read as a figure's, and the abstract
    # went with it.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=791)
    page.insert_text((57, 140), "A simple, step-by-step guide to interpreting", fontname="helv", fontsize=23.5)
    page.insert_text((57, 166), "decision curve analysis", fontname="helv", fontsize=23.5)
    page.insert_text((57, 189), "Andrew J. Vickers, Ben van Calster and Ewout W. Steyerberg", fontname="helv", fontsize=10.5)
    blue = (0.12, 0.61, 0.76)
    for r in ((57, 219, 57.6, 400), (538.4, 219, 539, 400), (61, 214.6, 535, 215.2), (61, 403.4, 535, 404)):
        page.draw_rect(pymupdf.Rect(*r), color=blue, fill=blue, width=0)
    page.insert_text((63, 229), "Abstract", fontname="hebo", fontsize=10.3)
    rows = ["Background: Decision curve analysis is a method to evaluate prediction models and diagnostic tests",
            "that was introduced in a 2006 publication and decision curves are now commonly reported in",
            "the literature, but there remains some misunderstanding.",
            "Summary of commentary: In this paper, we present a didactic, step-by-step introduction to",
            "interpreting a decision curve analysis and answer some common questions about the method and",
            "we argue that many of the difficulties with interpreting decision curves can be solved by",
            "relabeling the y-axis as benefit and the x-axis as preference so that a model",
            "can be recommended for clinical use if it has the highest benefit across a range.",
            "Conclusion: Decision curves are readily interpretable if readers and authors follow a few simple",
            "guidelines set out in this paper.",
            "Keywords: Net benefit, Decision curve analysis, Educational paper"]
    for k, row in enumerate(rows):
        if row.endswith("."):
            page.insert_text((63, 247 + 14 * k), row, fontname="helv", fontsize=10)
        else:
            _justified(page, 63, 247 + 14 * k, row, 533, font="helv", size=10)
    for k, (x, note) in enumerate(zip((417, 66, 278, 300, 120, 200, 410), ("诊断", "广泛的", "教导的", "临床", "收益", "偏爱", "文献"))):
        page.insert_text((x, 254 + 14 * k), note, fontname="china-s", fontsize=7)
    page.insert_text((57, 426), "Introduction", fontname="hebo", fontsize=10.5)
    for x in (57, 305):
        prose_lines(page, x, 440, 28, size=10, pitch=12, width=230, start=x)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("Background: Decision curve analysis is a method")
