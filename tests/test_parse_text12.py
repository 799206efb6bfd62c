"""Body text read from pages drawn here with PyMuPDF (helper text12): shapes met in real papers
where the parser dropped or mixed up sentences of the body."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import fill
from pdf_pages import holds as _holds
from pdf_pages import paragraphs as _paragraphs


def _fill(text: str, width: float, size: float) -> list[str]:
    return fill(text.split(), width, "tiro", size)


def _put(page, text: str, x: float, top: float, width: float, size: float, pitch: float) -> float:
    for i, line in enumerate(_fill(text, width, size)):
        page.insert_text((x, top + pitch * i), line, fontname="tiro", fontsize=size)
    return top + pitch * len(_fill(text, width, size))


ABSTRACT = ("Metacognition refers to the ability to monitor the state of one's own knowledge and it is "
            "studied here in two kinds of animals that live with people or apart from them. In two studies "
            "the subjects watched a person hide a reward behind a fence and could look through a window "
            "in the fence to see where it was before they chose a side of the fence to walk to.")
OPENING = ("The capacity to think about one's own mental states informs much of human experience and "
           "many daily tasks require the ability to reflect on the current state of knowledge. "
           "Additionally this capacity is thought to underlie a wide array of other processes such as "
           "learning alone and acting together with others in groups of many kinds.")
SECOND = ("But are humans alone in their capacity to think about their own knowledge or do other animals "
          "share this capacity with them? Recent work suggests that some primates share the ability to "
          "represent what they know and to take action when they find that they do not know enough.")
NOTE = ("The first author thanks the members of the center for their help with the animals and the "
        "foundation that supported the work with a fellowship for study abroad during two summers.")
LATER = ("Twenty animals of many breeds took part in this study at the center where they were tested "
         "once each on a quiet morning and each of them passed the warm up trials before the test trials.")


def test_an_unheaded_introduction_under_an_unlabelled_abstract_is_kept(tmp_path):
    # APA journals (Journal of Comparative Psychology): the abstract, in small type indented under the
    # names, bears no label; the introduction starts under the keywords in two columns of body type
    # without a heading, and notes on the authors stand at the foot in small type. The introduction's
    # page-1 paragraphs were taken for front matter and dropped.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=792)
    page.insert_text((120, 110), "Metacognition in Canids: A Comparison of Two Kinds", fontname="tiro", fontsize=16)
    page.insert_text((230, 150), "Amanda Example", fontname="tiro", fontsize=11)
    page.insert_text((225, 162), "Yale University", fontname="tiro", fontsize=9)
    y = _put(page, ABSTRACT, 130, 200, 335, 8, 10)
    page.insert_text((130, y + 12), "Keywords: metacognition, information seeking", fontname="tiro", fontsize=8)
    left = _put(page, OPENING, 48, 420, 240, 9, 11)
    _put(page, SECOND, 306, 420, 240, 9, 11)
    _put(page, NOTE, 48, max(left, 520) + 40, 240, 8, 9.5)
    page = doc.new_page(width=595, height=792)
    page.insert_text((48, 80), "Method", fontname="tiro", fontsize=11)
    _put(page, LATER, 48, 100, 240, 9, 11)
    _put(page, LATER, 306, 100, 240, 9, 11)
    path = tmp_path / "apa.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert paper.abstract and paper.abstract.startswith("Metacognition refers")
    assert _holds(paper, OPENING.split(". ")[0] + ".")
    assert _holds(paper, SECOND.split("? ")[0] + "?")
    assert not _holds(paper, NOTE)  # the note on the authors is not the body's


WORDS = ("the store keeps every block it is given and hands it back when asked for it by the hash of its "
         "contents so that a client can check what it gets against what it asked for").split()


def _helv_lines(words: list[str], width: float, size: float = 10) -> list[str]:
    return fill(words, width, "helv", size)


def test_a_line_dense_with_small_capitals_stays_in_its_paragraph(tmp_path):
    # USENIX OSDI 2004: RPC names in small capitals that Times fakes as 8 pt capitals among 10 pt words,
    # "The VSTORE and VRETRIEVE RPCs are like STORE": more of the line's letters are 8 pt than 10 pt,
    # so the line read as 8 pt type and the paragraph was cut after it.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "1 The Block Store", fontname="hebo", fontsize=12)
    y = 100
    for line in _helv_lines(WORDS * 2, 420)[:-1]:
        page.insert_text((72, y), line, fontname="helv", fontsize=10)
        y += 12
    x = 84  # the paragraph's indented first line
    for text, size in (("The", 10), ("VSTORE", 8), ("and", 10), ("VRETRIEVE", 8), ("RPCs are like", 10), ("STORE", 8)):
        page.insert_text((x, y), text, fontname="helv", fontsize=size)
        x += pymupdf.get_text_length(text + " ", "helv", size)
    y += 12
    page.insert_text((72, y), "and", fontname="helv", fontsize=10)
    x = 72 + pymupdf.get_text_length("and ", "helv", 10)
    page.insert_text((x, y), "RETRIEVE", fontname="helv", fontsize=8)
    x += pymupdf.get_text_length("RETRIEVE", "helv", 8)
    page.insert_text((x, y), ", but for signed blocks. Signed blocks are indexed by the public key.",
                     fontname="helv", fontsize=10)
    for line in _helv_lines(WORDS * 2, 420):
        y += 12
        page.insert_text((72, y), line, fontname="helv", fontsize=10)
    path = tmp_path / "caps.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert _holds(paper, "The VSTORE and VRETRIEVE RPCs are like STORE and RETRIEVE, but for signed blocks."), \
        _paragraphs(paper)


def test_a_row_of_math_that_begins_the_next_sentence_goes_on_in_the_line_below(tmp_path):
    # COLING 2025: "(h0, h1, h2, . . . , hn+1) ∈Rdt∗(n+2). To achieve" is mostly math and fills the
    # column; it read as a display's row, and "inter-modal interaction, inspired by ..." under it,
    # flush left at the usual pitch, opened a paragraph of its own.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "1 Interaction", fontname="hebo", fontsize=12)
    y = 100
    for line in _helv_lines(WORDS * 2, 420)[:-1]:
        page.insert_text((72, y), line, fontname="helv", fontsize=10)
        y += 15
    tail = "To achieve"
    room = 420 - pymupdf.get_text_length(" " + tail, "helv", 10)
    math = "(h0, h1, h2, . . . , hn+1) R dt*(n+2)."
    while pymupdf.get_text_length(math.replace(") R", ", h) R", 1), "symb", 10) < room:
        math = math.replace(") R", ", h) R", 1)
    page.insert_text((72, y), math, fontname="symb", fontsize=10)
    x = 72 + pymupdf.get_text_length(math + " ", "symb", 10)
    page.insert_text((x, y), tail, fontname="helv", fontsize=10)
    y += 15
    page.insert_text((72, y), "inter-modal interaction, inspired by earlier work, we first project the",
                     fontname="helv", fontsize=10)
    page.insert_text((72, y + 15), "visual representation into the dimension of the text representation.",
                     fontname="helv", fontsize=10)
    path = tmp_path / "math.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert _holds(paper, "To achieve inter-modal interaction, inspired by earlier work, we first project the"), \
        "\n".join(_paragraphs(paper))
