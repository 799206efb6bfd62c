"""Sentences of the twenty-third split's older papers (session 33), each drawn here with PyMuPDF in
the shape a real paper printed it: a report typed in a typewriter face throughout, a word
processor's terms set a point smaller in another face, a bold lead sentence in ragged-right type."""

from __future__ import annotations

import pymupdf

from pdf_pages import WORDS, fill, holds, paragraphs, section_page
from test_parse_text27 import _parse, _set


def test_a_paper_typed_in_a_typewriter_face_is_prose_not_code(tmp_path):
    # SIGFIDET 1974 (a scan, its OCR layer in CourierNew): every line monospaced, read as code kept
    # line by line, and a word broken at a line's end stayed broken ("pro-" / "gramming").
    # (the whole page typed: its heading too, and a few thousand characters of prose; a page or two
    # of listing alone stays code)
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "1. INTRODUCTION", fontname="cour", fontsize=10)
    y = 110
    for _ in range(5):
        rows = fill((WORDS * 4)[:70] + ["done."], 440, font="cour")
        y = _set(page, rows, 72, y, font="cour") + 12
    rows = fill(["These", "rules", "are", "intended", "to", "simplify"], 440, font="cour")
    rows[-1] += " pro-"
    rows += fill(["gramming", "for", "the", "professional."] + (WORDS * 2)[:30] + ["done."], 440, font="cour")
    _set(page, rows, 72, y, font="cour")
    paper = _parse(doc, tmp_path / "typed.pdf")
    assert holds(paper, "These rules are intended to simplify programming for the professional."), paragraphs(paper)
    assert not any(p.code for s in paper.sections for p in s.paragraphs)


def _runs(page, runs: list[tuple[str, str, float]], x: float, y: float) -> float:
    """Runs of text in their own fonts and sizes one after another on the baseline y; the right end."""
    for text, font, size in runs:
        page.insert_text((x, y), text, fontname=font, fontsize=size)
        x += pymupdf.get_text_length(text, fontname=font, fontsize=size)
    return x


def _padded(runs: list[tuple[str, str, float]], width: float, pad: tuple[str, str, float]) -> list[tuple[str, str, float]]:
    """The runs with `pad` repeated after them while the row stays within `width`."""
    out = list(runs)
    def length(rs):
        return sum(pymupdf.get_text_length(t, fontname=f, fontsize=s) for t, f, s in rs)
    while length(out + [pad]) <= width:
        out.append(pad)
    return out


def test_terms_set_a_point_smaller_in_another_face_do_not_break_the_paragraph(tmp_path):
    # SIGMOD 1995 (Word, PDFWriter): the isolation levels' names in Arial 9 pt among Times 10 pt, on
    # the text's 12 pt pitch. A row mostly of such names ("COMMITTED and REPEATABLE READ. A new
    # formalism") weighed as 9 pt type, and the paragraph was cut before it and after it.
    doc, page = section_page()
    y = _set(page, fill((WORDS * 4)[:70] + ["done."], 440, font="tiro"), 72, 110, font="tiro") + 12
    y = _set(page, fill((WORDS * 3)[:24], 440, font="tiro")[:1], 72, y, font="tiro")  # (the paragraph's first line)
    first = _padded([("the", "tiro", 10)], 440 - pymupdf.get_text_length(
        " Snapshot Isolation lies between READ", fontname="tiro", fontsize=10), (" the", "tiro", 10))
    _runs(page, first + [(" Snapshot Isolation lies between", "tiro", 10), (" READ", "helv", 9)], 72, y)
    second = _padded([("COMMITTED", "helv", 9), (" and ", "tiro", 10), ("REPEATABLE READ", "helv", 9),
                      (". A new level:", "tiro", 10), (" READ", "helv", 9)], 440, (" A", "helv", 9))
    _runs(page, second, 72, y + 12)
    _set(page, fill(["(available", "in", "the", "longer", "version", "of", "this", "paper)", "connects"] +
                    (WORDS * 3)[:50] + ["done."], 440, font="tiro"), 72, y + 24, font="tiro")
    paper = _parse(doc, tmp_path / "terms.pdf")
    assert holds(paper, "Snapshot Isolation lies between READ COMMITTED and REPEATABLE READ."), paragraphs(paper)
    assert any("REPEATABLE READ" in p and "(available in the longer version" in p for p in paragraphs(paper)), paragraphs(paper)


def test_a_heading_a_point_larger_on_the_text_pitch_stays_a_heading(tmp_path):
    # SIGMOD 1999: "4.3.2 An Efficient Algorithm To Compute All Clusters" in 11 pt roman across the
    # column, its paragraph's first line "We will now present ..." in 10 pt right under it, at the
    # text's own pitch: no term set a point off, a heading.
    doc, page = section_page()
    y = _set(page, fill((WORDS * 4)[:70] + ["done."], 440, font="tiro"), 72, 110, font="tiro")
    head = _padded([("4.3.2 An Efficient Algorithm To Compute All Clusters", "tiro", 11)], 440, (" A", "tiro", 11))
    _runs(page, head, 72, y)
    _set(page, fill(["We", "will", "now", "present", "an", "efficient", "algorithm."] + (WORDS * 3)[:50] + ["done."],
                    440, font="tiro"), 72, y + 12, font="tiro")
    paper = _parse(doc, tmp_path / "head.pdf")
    assert any(s.title.startswith("An Efficient Algorithm") for s in paper.sections), [s.title for s in paper.sections]
    assert holds(paper, "We will now present an efficient algorithm.")
    # UbiComp 2012 (Word): "Private Nature of the In-home Sensing and Inference Data" in 9 pt, set
    # apart under the paragraph before it, over its 10 pt paragraph at the text's pitch.
    doc, page = section_page()
    y = _set(page, fill((WORDS * 4)[:70] + ["done."], 440, font="tiro"), 72, 110, font="tiro") + 6
    _runs(page, _padded([("Private Nature of the Sensing and Inference Data", "tiro", 9)], 440, (" A", "tiro", 9)), 72, y)
    _set(page, fill(["The", "home", "is", "where", "private", "activities", "take", "place."] + (WORDS * 3)[:50] + ["done."],
                    440, font="tiro"), 72, y + 12, font="tiro")
    paper = _parse(doc, tmp_path / "small.pdf")
    assert not any("Private Nature" in p and "The home" in p for p in paragraphs(paper)), paragraphs(paper)
    assert holds(paper, "The home is where private activities take place.")


def test_a_bold_lead_sentence_in_ragged_right_type_stays_in_its_paragraph(tmp_path):
    # A Google Docs report, ragged right: "We have discovered that ... do not validate the password"
    # / "provided during authentication." in bold, then "For example, ..." in roman on that line.
    # The bold line ended short of the edge, as a heading's does, and the paragraph was cut there.
    doc, page = section_page()
    y = _set(page, fill((WORDS * 4)[:70] + ["done."], 440), 72, 110) + 12
    page.insert_text((72, y), "We have discovered that all of the pools we tested do not validate the password",
                     fontname="hebo", fontsize=10)
    _runs(page, [("provided during authentication.", "hebo", 10), (" For example, all accounts appear to be", "helv", 10)],
          72, y + 12)
    _set(page, fill(["assigned", "one", "password."] + (WORDS * 3)[:40] + ["done."], 400), 72, y + 24)
    paper = _parse(doc, tmp_path / "lead.pdf")
    assert holds(paper, "We have discovered that all of the pools we tested do not validate the password "
                        "provided during authentication."), paragraphs(paper)
    assert holds(paper, "For example, all accounts appear to be assigned one password.")
