"""Front matter and bibliographies of the twenty-eighth split's misses, each shape drawn here with
PyMuPDF: a manuscript's title in roman type double-spaced over its lines going on in lower case, an
"Abstract" label alone atop a page after a page that ends on an e-mail address, a label set apart
before an entry that opens "COVID-19", revtex's e-mail notes over the bibliography's first entries
at the foot of the last page of text, PLOS's "References" under two columns that end two rows
apart, and labels in parentheses set flush right ("(7)" in from "(10)") with an entry opening a
page."""

from __future__ import annotations

import re

import pymupdf

from tests.pdf_pages import reparse as _parse
from tests.test_parse_sent19 import _prose


def test_a_roman_title_double_spaced_goes_on_in_lower_case():
    # A PLOS submission through pandoc and XeLaTeX: the title in 17 pt roman Helvetica, centred,
    # its lines 41 pt apart (2.4 sizes, the boxes 1.5 sizes apart), each going on in lower case;
    # the names in 12 pt under it. The title stopped at its first line.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for y, text in ((145, "Biogeography & environmental conditions shape"),
                    (186.2, "bacteriophage-bacteria networks across the human"), (227.4, "microbiome")):
        width = pymupdf.get_text_length(text, "helv", 17)
        page.insert_text((306 - width / 2, y), text, fontname="helv", fontsize=17)
    page.insert_text((150, 272), "Geoffrey D Hannigan and Patrick D Schloss", fontname="helv", fontsize=12)
    page.insert_text((72, 330), "Abstract", fontname="hebo", fontsize=12)
    _prose(page, 72, 350, 12, size=10, pitch=24, width=460, first="Viruses and bacteria are critical components of the")
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Introduction", fontname="hebo", fontsize=12)
    _prose(page, 72, 100, 25, size=10, pitch=24, width=460)
    assert _parse(doc).title == "Biogeography & environmental conditions shape bacteriophage-bacteria networks " \
                                "across the human microbiome"


def test_an_abstract_label_atop_a_page_after_an_unended_line_opens_the_abstract():
    # An APA manuscript (papaja): the author note's page ends on "... E-mail: name@gmail.com", no
    # full stop; the next page opens on "Abstract" centred in the text's own 12 pt roman, the
    # abstract under it. The label was read as the note's last words and the abstract was lost.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    title = "Too Beautiful to be Fake: Attractive Faces"
    page.insert_text((306 - pymupdf.get_text_length(title, "tibo", 12) / 2, 250), title, fontname="tibo", fontsize=12)
    page.insert_text((220, 290), "Dominique Makowski and An Shu Te", fontname="tiro", fontsize=12)
    page = doc.new_page(width=612, height=792)
    page.insert_text((101, 130), "Correspondence concerning this article should be addressed to Dominique",
                     fontname="tiro", fontsize=12)
    page.insert_text((72, 154), "Makowski, HSS 04-18, Singapore. E-mail: dom.makowski@gmail.com", fontname="tiro", fontsize=12)
    page = doc.new_page(width=612, height=792)
    page.insert_text((306 - pymupdf.get_text_length("Abstract", "tiro", 12) / 2, 88), "Abstract", fontname="tiro", fontsize=12)
    y = _prose(page, 72, 120, 8, font="tiro", size=12, pitch=24, width=460,
               first="Technological advances render the distinction between artificial and real")
    page.insert_text((72, y), "stimuli ever more difficult.", fontname="tiro", fontsize=12)
    page = doc.new_page(width=612, height=792)
    page.insert_text((280, 80), "Introduction", fontname="tibo", fontsize=12)
    _prose(page, 72, 110, 25, font="tiro", size=12, pitch=24, width=460)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("Technological advances render the distinction")


def _entries(page, x_label: float, x_text: float, y: float, entries: list[tuple[str, list[str]]],
             font: str = "helv", size: float = 11.0, pitch: float = 12.5, gap: float = 25.0) -> float:
    for label, rows in entries:
        page.insert_text((x_label, y), label, fontname=font, fontsize=size)
        for row in rows:
            page.insert_text((x_text, y), row, fontname=font, fontsize=size)
            y += pitch
        y += gap - pitch
    return y


def test_a_label_set_apart_before_an_entry_opening_with_a_numbered_name_opens_it():
    # A Word manuscript: labels "1" ... "13" in a column of their own before the entries, no bracket
    # nor full stop; "5" stands before "COVID-19 Omicron Repository. GitHub ...", a name with a
    # number after its hyphen: the entry was read into the one before.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Main text", fontname="hebo", fontsize=12)
    _prose(page, 72, 100, 20, font="helv", size=11, pitch=13.2, width=460)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "References:", fontname="hebo", fontsize=11)
    names = ["Volz E, Mishra S, Chand M, et al. Assessing transmissibility of lineage B.1.1.7 in England.",
             "Mishra S, Mindermann S, Sharma M, et al. Changing composition of lineages and rise of Delta.",
             "WHO. Genomic sequencing of SARS-CoV-2: a guide to implementation for maximum impact.",
             "Brito AF, Semenova E, Dudas G, et al. Global disparities in genomic surveillance. medRxiv 2021.",
             "COVID-19 Omicron Repository. GitHub https://github.com/CADDE-",
             "Shu Y, McCauley J. GISAID: Global initiative on sharing all influenza data. Eurosurveillance.",
             "Hadfield J, Megill C, Bell SM, et al. Nextstrain: real-time tracking of pathogen evolution.",
             "Kucharski AJ, Hodcroft EB, Kraemer MUG. Sharing, synthesis and sustainability of data."]
    entries = [(str(k), [text, "Journal of Things 2021; 593: 266-9."] if k != 5 else
                [text, "CENTRE/covid19omicron (accessed Nov 30, 2021)."]) for k, text in enumerate(names, 1)]
    # (five to a page, as the manuscript's long entries fall: a file of six numbers or more down a
    # page's margin reads as review line numbers)
    _entries(page, 73, 95, 110, entries[:5])
    page = doc.new_page(width=612, height=792)
    _entries(page, 73, 95, 84, entries[5:])
    paper = _parse(doc)
    texts = [re.sub(r"^\[\d+\]\s*", "", str(getattr(r, "text", r))) for r in paper.references]
    assert any(text.startswith("COVID-19 Omicron Repository") for text in texts)
    assert not any("COVID-19 Omicron" in text for text in texts if text.startswith("Brito"))


def test_the_bibliography_under_e_mail_notes_at_a_page_s_foot_is_no_note():
    # revtex (PRFluids preprint): the last page of text ends on the acknowledgements, then the
    # authors' e-mail notes, "∗name@..." and "† name@...", and right under them the bibliography's
    # first entries "[1]" to "[7]", no heading over the list; "[8]" on opens the next page. The
    # first entries were taken into the last note and the list, its label 1 lost, was no list.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((200, 80), "Unifying theory of scaling in drop impact", fontname="hebo", fontsize=14)
    _prose(page, 72, 120, 40, size=12, pitch=14.5, width=460)
    page = doc.new_page(width=612, height=792)
    y = _prose(page, 72, 84, 13, size=12, pitch=21, width=460)
    page.insert_text((72, y), "and research.", fontname="tiro", fontsize=12)
    # (the mark raised 4 pt in 8 pt type, the address in the entries' 10.9 pt)
    page.insert_text((84, 416), "*", fontname="tiro", fontsize=8)
    page.insert_text((95, 420), "vatsal@example.com", fontname="tiro", fontsize=10.9)
    page.insert_text((84, 437.7), "§", fontname="tiro", fontsize=8)
    page.insert_text((95, 441.7), "lohse@example.com", fontname="tiro", fontsize=10.9)

    def entry(k: int) -> list[str]:
        return [f"[{k}] A. Author and B. Author, Drop impact on a solid surface number {k}, Annu. Rev. Fluid Mech.",
                f"{40 + k}, 365 (20{10 + k})."]
    y = 462.0
    for k in range(1, 8):
        page.insert_text((77, y), entry(k)[0], fontname="tiro", fontsize=10.9)
        page.insert_text((95, y + 21.5), entry(k)[1], fontname="tiro", fontsize=10.9)
        y += 43
    page = doc.new_page(width=612, height=792)
    y = 80.0
    for k in range(8, 20):
        page.insert_text((77, y), entry(k)[0], fontname="tiro", fontsize=10.9)
        page.insert_text((95, y + 21.5), entry(k)[1], fontname="tiro", fontsize=10.9)
        y += 43
    paper = _parse(doc)
    assert len(paper.references) == 19


def test_references_under_columns_ending_two_rows_apart_start_a_band():
    # PLOS ONE 2013: the back matter's two columns end two rows apart (the left in 9 pt, the right
    # in 8 pt), "References" in 10 pt bold at the left column's edge under them, then the list's
    # two columns in 7 pt, both starting level. The list was read column by column from the page's
    # top: its left half, then the right column's back matter, then the list's right half.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _prose(page, 58, 60, 30, size=9, pitch=11, width=235)
    _prose(page, 315, 60, 34, size=8, pitch=9.2, width=235, start=5)
    page.insert_text((315, 400), "Author Contributions. Conceived and designed the experiments.", fontname="tiro", fontsize=8)
    page.insert_text((58, 454), "References", fontname="hebo", fontsize=10)
    for column, (x, first) in enumerate(((62, 1), (315, 13))):
        y = 472.0
        for k in range(first, first + 12):
            page.insert_text((x, y), f"{k}. Author AB, Other CD (2011) The title of paper {k}.", fontname="tiro", fontsize=7)
            page.insert_text((x + 10, y + 8), f"Journal of Studies {k}: 9-22.", fontname="tiro", fontsize=7)
            y += 16.5
    paper = _parse(doc)
    assert len(paper.references) == 24
    assert [str(getattr(r, "text", r)).split(".")[0] for r in paper.references[:14]] == [str(k) for k in range(1, 15)]


def test_labels_in_parentheses_set_flush_right_open_entries_across_a_page():
    # achemso (J. Chem. Educ.): labels "(1)" ... "(18)" set flush right, "(7)" 6 pt in from
    # "(10)"; "(7)" opens page 8 after "(6)" ended page 7 with a full stop. At the page's margin
    # (the "(10)"s), "(7)" was no margin line, nor apart from the entry before: one entry of two.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Conclusions", fontname="hebo", fontsize=12)
    _prose(page, 72, 100, 20, size=12, pitch=24, width=460)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "References", fontname="hebo", fontsize=14)

    def entry(page, k: int, y: float) -> float:
        label = f"({k})"
        page.insert_text((96 - pymupdf.get_text_length(label, "tiro", 12), y), label, fontname="tiro", fontsize=12)
        page.insert_text((99, y), f"Author, P.; Other, L. J. A title of the work numbered {k}. Journal of",
                         fontname="tiro", fontsize=12)
        page.insert_text((99, y + 24), f"Chemical Education 20{10 + k}, {60 + k}, 863.", fontname="tiro", fontsize=12)
        return y + 58
    y = 120.0
    for k in range(1, 7):
        y = entry(page, k, y)
    page = doc.new_page(width=612, height=792)
    y = 84.0
    for k in range(7, 13):
        y = entry(page, k, y)
    paper = _parse(doc)
    assert len(paper.references) == 12


def _centred(page, y: float, text: str, font: str = "tiro", size: float = 10.0, middle: float = 306.0) -> None:
    page.insert_text((middle - pymupdf.get_text_length(text, font, size) / 2, y), text, fontname=font, fontsize=size)


def test_a_centred_abstract_label_opening_its_block_heads_the_abstract():
    # AASTeX 6.31 twocolumn: "ABSTRACT" centred in the text's 10 pt roman capitals, an abstract of
    # two lines set in from both edges right under it, read in one block with it: the label
    # opened the block, and the abstract was not found.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _centred(page, 110, "COMPAS Star-formation LnL GP surrogate", font="tibo")
    _centred(page, 128, "Avi Vajpeyi and Jeff Riley", size=9)
    _centred(page, 142, "School of Physics and Astronomy, Monash University, Australia", size=8)
    _centred(page, 190, "ABSTRACT")
    first = "We are using GPs to build surrogate likelihoods for COMPAS star formation parameters, given the"
    x = 306 - pymupdf.get_text_length(first, "tiro", 10) / 2
    page.insert_text((x, 204), first, fontname="tiro", fontsize=10)
    page.insert_text((x, 216), "LVK observed dataset.", fontname="tiro", fontsize=10)
    _centred(page, 260, "1. INTRODUCTION", middle=180)
    _prose(page, 60, 276, 30, size=10, pitch=12, width=240)
    _prose(page, 330, 260, 32, size=10, pitch=12, width=240, start=9)
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("We are using GPs to build surrogate likelihoods")


def test_a_chinese_abstract_run_in_after_its_label_is_the_abstract():
    # A Chinese journal: "摘　要" in a heavier face, then the abstract run in on its line, in the
    # text's 8.8 pt, an English abstract under the Chinese one: no abstract was read.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    title = "3D 打印技术在机械学科教学中的应用研究"
    page.insert_text((150, 80), title, fontname="china-s", fontsize=16)
    page.insert_text((230, 110), "彭　翀，徐振澎，姜兴刚", fontname="china-s", fontsize=10)
    page.insert_text((40, 150), "摘　要　在机械专业的传统教学模式中，教师在给学生讲解难以理解的概念、形状复杂的零件和原理",
                     fontname="china-s", fontsize=8.8)
    page.insert_text((20, 163), "复杂的机构时，口头的讲授和二维的插图不能有效地帮助学生理解。实体教具虽然形象直观，但使用不便。",
                     fontname="china-s", fontsize=8.8)
    page.insert_text((40, 190), "关　键　词　教具；模型设计；3D 打印；机械教学", fontname="china-s", fontsize=8.8)
    y = 240.0
    for k in range(30):
        page.insert_text((40, y), "教师在传统机械类课程教学中会讲解一些复杂的概念或者某个机械零件的结构，这时教师会用图片",
                         fontname="china-s", fontsize=10.5)
        y += 17
    paper = _parse(doc)
    assert (paper.abstract or "").startswith("在机械专业的传统教学模式中")


def test_a_summary_after_a_list_of_authors_heads_the_abstract():
    # Manubot (Chromium): "Authors" in 16.5 pt bold over a list of names, each in 11 pt bold on a line
    # of its own over its ORCID and affiliation in smaller type (one with "None" under it), then
    # "Summary" over the summary and "Statement of need" at its level: the names were read as
    # subsections and the summary as a section, no abstract. ("Summary" with a subsection under it
    # is a section: JOSS's.)
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((51, 60), "PMLB v1.0: an open source dataset collection", fontname="hebo", fontsize=22)
    page.insert_text((36, 165), "Authors", fontname="hebo", fontsize=16.5)
    y = 200.0
    for name, orcid in (("Trang T. Le", "0000-0003-3737-6565"), ("William La Cava", "0000-0002-1332-2960"),
                        ("Praneel Chakraborty", None), ("Jason H. Moore", "0000-0002-5015-1099")):
        page.insert_text((51, y), name, fontname="hebo", fontsize=11)
        if orcid:
            page.insert_text((62, y + 15), f"{orcid} · github", fontname="helv", fontsize=11)
            page.insert_text((51, y + 30), "Department of Biostatistics, University of Pennsylvania, Philadelphia, PA 19104",
                             fontname="helv", fontsize=9.2)
        else:
            page.insert_text((51, y + 30), "None", fontname="helv", fontsize=9.2)
        y += 58
    page.insert_text((36, y + 10), "Summary", fontname="hebo", fontsize=16.5)
    _prose(page, 36, y + 40, 6, font="helv", size=11, pitch=15, width=500,
           first="PMLB (Penn Machine Learning Benchmark) is an open source repository containing")
    page = doc.new_page(width=595, height=842)
    page.insert_text((36, 60), "Statement of need", fontname="hebo", fontsize=16.5)
    _prose(page, 36, 90, 20, font="helv", size=11, pitch=15, width=500)
    page.insert_text((36, 420), "Differentiating attributes", fontname="hebo", fontsize=16.5)
    _prose(page, 36, 450, 20, font="helv", size=11, pitch=15, width=500, start=5)
    paper = _parse(doc)
    # ("Authors", above the abstract on its page, heads the list of authors in the sections' type: a
    # section, as the paper's truth lists it; the names under it are none)
    assert [s.title for s in paper.sections if s.title] == ["Authors", "Statement of need", "Differentiating attributes"]
    assert (paper.abstract or "").startswith("PMLB (Penn Machine Learning Benchmark) is an open source")
