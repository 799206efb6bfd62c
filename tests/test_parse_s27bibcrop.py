"""Bibliographies and float crops of the twenty-seventh split's misses, each shape drawn here with
PyMuPDF: an APA list whose entry runs its authors' names onto a second line that opens on the last
author's initials and the year, the title after them in italics (pandoc/XeTeX: "R. C. (2023). An
aberrant abundance of ..." read as a lettered heading "R", which ended the list)."""

from __future__ import annotations

import pymupdf

from tests.pdf_pages import reparse as _parse
from tests.test_parse_sent19 import _prose

_NAMES = ["Aguinis", "Borenstein", "Cheung", "Dimitrov", "Enders", "Field", "Green", "Hedges", "Hussey",
          "Ioannidis", "Kane", "Langan", "Olkin", "Raju", "Schmidt", "Thompson"]


def _apa_list_doc(broken: str = "Hussey") -> pymupdf.Document:
    """Two pages: a paper's text under "1 Introduction", then "References" and an APA list hanging
    from the margin, each entry's title in italics; the entry of `broken` runs its authors onto a
    second line that opens on the last author's initials and the year."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((150, 100), "Unreliable Measures in Pooled Studies", fontname="tibo", fontsize=17)
    page.insert_text((72, 150), "1 Introduction", fontname="tibo", fontsize=12)
    _prose(page, 72, 175, 40, size=10, pitch=12, width=450)
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 90), "References", fontname="tibo", fontsize=12)
    y = 115.0

    def put(x: float, pieces: list[tuple[str, str]]) -> None:
        # (word by word, as XeTeX sets a justified line: each word a span of its own)
        for text, font in pieces:
            for word in text.split():
                page.insert_text((x, y), word, fontname=font, fontsize=10)
                x += pymupdf.get_text_length(word + " ", fontname=font, fontsize=10) + 1.5

    for k, name in enumerate(_NAMES):
        if name == broken:
            put(72, [(f"{name}, I., Alsalti, T., Bosco, F., Elson, M., & Arslan,", "tiro")])
            y += 12
            put(87, [("R. C. (2023).", "tiro"), ("An aberrant abundance of measured", "tiit")])
            y += 12
            put(87, [("alpha values at .70.", "tiit"), ("PsyArXiv. https://doi.org/10.1/x", "tiro")])
        else:
            put(72, [(f"{name}, A. B., & Other, C. D. ({1990 + k}). A study of the method", "tiro")])
            y += 12
            put(87, [("number", "tiro"), (f"{k}. Psychological Methods, {k + 1}(2), 11-29.", "tiit")])
        y += 14
    doc.set_toc([[1, "1 Introduction", 1], [1, "References", 2]])
    return doc


def test_initials_and_year_opening_an_entry_line_are_no_lettered_heading():
    # pandoc/XeTeX APA list: "R. C. (2023). An aberrant abundance of Cronbach's" under "Hussey, I.,
    # ..., & Arslan,", its title in italics, was read as heading "R" (a letter, upright initials taken
    # for an acronym in an italic line): the list ended there, 34 entries of 74.
    paper = _parse(_apa_list_doc())
    assert len(paper.bibliography) == len(_NAMES)
    assert not any(s.title.startswith("C. (2023)") or s.number == "R" for s in paper.sections)


def test_bullets_alone_before_evenly_spaced_entries_open_each_entry():
    # A Word report: "10. References" over bulleted entries, the bullet in a smaller symbol font in a
    # piece of its own before each, one line each, evenly spaced, none ending in a full stop
    # ("Vaswani et al., 'Attention Is All You Need', 2017"): the five were read as one entry.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 90), "Emotion Detection with Transformers", fontname="tibo", fontsize=16)
    page.insert_text((72, 130), "1. Introduction", fontname="tibo", fontsize=11)
    _prose(page, 72, 150, 20, size=11, pitch=13.5, width=460)
    page.insert_text((72, 450), "2. References", fontname="tibo", fontsize=11)
    entries = ["Vaswani et al., 'Attention Is All You Need', 2017",
               "Liu et al., 'RoBERTa: A Robustly Optimized BERT Pretraining Approach', 2019",
               "Sanh et al., 'DistilBERT: Smaller, faster, cheaper and lighter BERT', 2019",
               "Hugging Face Transformers Documentation",
               "Kaggle Competition Dataset - official data source for this project",
               "Paszke et al., 'PyTorch: An Imperative Style, High-Performance Deep Learning Library', 2019",
               "Wolf et al., 'Transformers: State-of-the-Art Natural Language Processing', 2020"]
    y = 475.0
    for text in entries:
        page.insert_text((90, y), "•", fontname="helv", fontsize=10)
        page.insert_text((108, y), text, fontname="tiro", fontsize=11)
        y += 21.6
    paper = _parse(doc)
    assert [r.text for r in paper.bibliography] == entries


def test_a_bold_bibliography_name_with_a_colon_on_its_own_line_heads_the_list():
    # Google Docs: "Reference:" in 12 pt bold on a line of its own over "[1]: https://www.kaggle.com/
    # ..." in the text's type: read as a run-in label, no heading, and the entries as the
    # conclusion's text (0 of 2).
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 90), "Transfer Learning for Natural Scenes", fontname="tibo", fontsize=16)
    page.insert_text((72, 130), "Conclusion", fontname="tibo", fontsize=12)
    _prose(page, 72, 150, 20, size=12, pitch=14, width=460)
    page.insert_text((72, 450), "Reference:", fontname="tibo", fontsize=12)
    page.insert_text((72, 478), "[1]: https://www.kaggle.com/puneet6060/intel-image-classification",
                     fontname="tiro", fontsize=12)
    page.insert_text((72, 506), "[2]: https://towardsdatascience.com/first-place-solution-for-scene-classification",
                     fontname="tiro", fontsize=12)
    paper = _parse(doc)
    assert len(paper.bibliography) == 2
    assert not any("kaggle" in p.text for s in paper.sections for p in s.paragraphs)


def test_bare_numbers_set_apart_label_entries_whatever_name_follows():
    # A Word manuscript (Vancouver): "9 MacDonald NE. Vaccine hesitancy ...", "15 Neumann-Böhme S,
    # ...", "27 PM Marape launches ...", "29 de Figueiredo A, ...", the bare number apart from the
    # text: only a name of one capital then lower case was taken after it, and those entries ran
    # into the ones before (35 of 39).
    firsts = ["Gupta RK, Topol EJ. Vaccine breakthrough infections.", "MacDonald NE. Vaccine hesitancy: definition.",
              "Thomas SJ, Moreira ED, et al. Safety of the vaccine.", "Neumann-Böhme S, Varghese NE. Once we have it.",
              "Uzun O, Akpolat T, et al. Vaccination vs. hospitalization.", "PM Marape launches nationwide campaign.",
              "Watson OJ, Barnsley G. Global impact of the first year.", "de Figueiredo A, Simas C. Mapping global trends.",
              "Hale T, Angrist N, et al. A global panel database.", "WHO issues its first emergency use validation.",
              "Salomoni MG, Di Valerio Z. Hesitant or not hesitant."]
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((150, 90), "Vaccine Acceptance in the Western Pacific", fontname="tibo", fontsize=14)
    page.insert_text((72, 130), "1 Introduction", fontname="tibo", fontsize=10)
    _prose(page, 72, 150, 20, size=10, pitch=11.5, width=450)
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 80), "References", fontname="tibo", fontsize=10)
    y = 100.0
    for k, first in enumerate(firsts, start=1):
        page.insert_text((72, y), str(k), fontname="tiro", fontsize=10)
        page.insert_text((85, y), first, fontname="tiro", fontsize=10)
        page.insert_text((85, y + 11.5), f"Journal of Public Health 2021; {k}: {k}1-{k}9.", fontname="tiro", fontsize=10)
        y += 35
    paper = _parse(doc)
    assert len(paper.bibliography) == len(firsts)


def _report_doc(head_y: float, entries: list[str], heading: str = "Reference") -> pymupdf.Document:
    """A Word report's page 1: title, the team's ids, and `heading` in 16 pt bold over `entries` in
    12 pt, set in; then "Introduction" and its text, and a second page of text."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((176, 80), "VRDL Homework Final Project", fontname="helv", fontsize=18)
    page.insert_text((127, 117), "309553047 0716314 0716072", fontname="helv", fontsize=14)
    page.insert_text((90, head_y), heading, fontname="hebo", fontsize=16)
    y = head_y + 29
    for text in entries:
        page.insert_text((114, y), text, fontname="helv", fontsize=12)
        y += 18
    page.insert_text((90, y + 12), "Introduction", fontname="hebo", fontsize=16)
    _prose(page, 90, y + 40, 20, font="helv", size=12, pitch=18, width=410)
    page = doc.new_page(width=595, height=842)
    page.insert_text((90, 80), "Conclusion", fontname="hebo", fontsize=16)
    _prose(page, 90, 110, 20, font="helv", size=12, pitch=18, width=410)
    return doc


def test_a_bibliography_heading_in_the_singular_above_the_first_section_on_page_1_heads_its_list():
    # A Word report puts its "Reference" (16 pt bold, as its sections) under the title, above
    # "Introduction": taken for the title block's, its entries for front matter (0 of 2).
    entries = ["Zhuang P, Wang Y, Qiao Y. Learning attentive pairwise interaction. AAAI 2020.",
               "Huang G, Liu Z, Weinberger KQ. Densely connected convolutional networks. CVPR 2017."]
    paper = _parse(_report_doc(208, entries))
    assert [r.text for r in paper.bibliography] == entries
    assert [s.title for s in paper.sections][-2:] == ["Introduction", "Conclusion"]


def test_web_addresses_each_alone_on_its_line_are_entries_of_their_own():
    # The report's list is two links, one a line, evenly spaced, no full stop: read as one entry.
    entries = ["https://github.com/PeiqinZhuang/API-Net", "https://arxiv.org/pdf/2002.10191.pdf",
               "https://www.kaggle.com/c/bengaliai-cv19"]
    paper = _parse(_report_doc(208, entries, heading="References"))
    assert [r.text for r in paper.bibliography] == entries
