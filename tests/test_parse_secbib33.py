"""Section headings of the twenty-third split's papers, each on a page made here: a post's first
heading under its opening paragraphs on page 1, a question set as a subsubsection in larger
italics, Word's IEEE headings in the text's own type (a long roman one centred, lettered and
parenthesised ones in italics ending in a full stop), and a supplement's label over the paper's
title printed again after the references."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.pdf_pages import RUNNING, _line, lines


def _titles(paper) -> list[tuple[str | None, str]]:
    return [(s.number, s.title) for s in paper.sections]


def _paragraph(page, x0: float, x1: float, y: float, count: int, size: float = 10, start: int = 0,
               indent: float = 10) -> tuple[float, int]:
    """A paragraph of `count` lines from baseline y, its first line set in by `indent`, its last
    ending a sentence; returns the next baseline and the next word's index."""
    k = start
    for row in range(count):
        left = x0 + (indent if row == 0 else 0)
        text, k = _line(RUNNING, k, x1 - left, size)
        if row == count - 1:
            text = " ".join(text.split()[:6]) + "."
        page.insert_text((left, y), text, fontname="tiro", fontsize=size)
        y += size * 1.2
    return y, k


def test_heading_under_the_opening_paragraphs_of_page_one(tmp_path):
    """A post that opens with paragraphs under no heading (its abstract, its list of properties),
    then "Cryptographic Hashes and Commitments" in the bold 12 pt of every later heading, still on
    page 1: a heading, not a line of the title block."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((180, 80), "Transparent Logs for Skeptical Clients", fontname="tibo", fontsize=15)
    page.insert_text((280, 100), "Russ Cox", fontname="tiro", fontsize=10)
    y, k = 130, 0
    for count in (5, 3, 4, 3):
        y, k = _paragraph(page, 144, 468, y, count, start=k)
        y += 2
    page.insert_text((144, y + 14), "Cryptographic Hashes and Commitments", fontname="tibo", fontsize=12)
    y, k = _paragraph(page, 144, 468, y + 34, 8, start=k, indent=0)
    _paragraph(page, 144, 468, y + 2, 6, start=k)
    page = doc.new_page(width=612, height=792)
    y, k = _paragraph(page, 144, 468, 80, 6, start=k)
    page.insert_text((144, y + 14), "Merkle Trees", fontname="tibo", fontsize=12)
    y, k = _paragraph(page, 144, 468, y + 34, 8, start=k, indent=0)
    page.insert_text((144, y + 14), "Serving a Log", fontname="tibo", fontsize=12)
    _paragraph(page, 144, 468, y + 34, 8, start=k, indent=0)
    path = tmp_path / "post.pdf"
    doc.save(path)
    titles = [title for _, title in _titles(parse_pdf(path))]
    assert titles[:4] == ["", "Cryptographic Hashes and Commitments", "Merkle Trees", "Serving a Log"], titles


def test_title_block_lines_on_page_one_stay_no_headings(tmp_path):
    """Without paragraphs of text above them, page 1's lines in large type are its title block,
    however the headings after them are set."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((180, 80), "Transparent Logs for Skeptical Clients", fontname="tibo", fontsize=12)
    page.insert_text((200, 100), "A Study of Merkle Trees", fontname="tibo", fontsize=12)
    y, k = _paragraph(page, 144, 468, 130, 5)
    _paragraph(page, 144, 468, y + 2, 4, start=k)
    page = doc.new_page(width=612, height=792)
    y, k = _paragraph(page, 144, 468, 80, 6, start=k)
    page.insert_text((144, y + 14), "Merkle Trees", fontname="tibo", fontsize=12)
    _paragraph(page, 144, 468, y + 34, 8, start=k, indent=0)
    path = tmp_path / "title.pdf"
    doc.save(path)
    titles = [title for _, title in _titles(parse_pdf(path))]
    assert "A Study of Merkle Trees" not in titles and "Merkle Trees" in titles, titles


def test_question_in_larger_italics_is_a_heading(tmp_path):
    """sig-alternate's subsubsection: a question in 11 pt italics over 9 pt text, eleven words on
    one line and twelve wrapped onto two ("What if there were no table available to set the phone"
    / "down?"): headings, however many words they run to."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 60), "Video Intelligibility on Cell Phones", fontname="tibo", fontsize=18)
    page.insert_text((72, 100), "1. INTRODUCTION", fontname="tibo", fontsize=12)
    y, k = lines(page, 72, 300, 118, 10, size=9)
    page.insert_text((72, y + 8), "What if the phone rings when driving or on the bus?", fontname="tiit", fontsize=11)
    y, k = _paragraph(page, 72, 300, y + 24, 8, size=9, start=k, indent=0)
    page.insert_text((72, y + 8), "What if there were no table available to set the phone", fontname="tiit", fontsize=11)
    page.insert_text((72, y + 20), "down?", fontname="tiit", fontsize=11)
    y, k = _paragraph(page, 72, 300, y + 36, 8, size=9, start=k, indent=0)
    page.insert_text((72, y + 14), "2. RESULTS", fontname="tibo", fontsize=12)
    lines(page, 72, 300, y + 32, 10, size=9, start=k)
    path = tmp_path / "question.pdf"
    doc.save(path)
    titles = [title for _, title in _titles(parse_pdf(path))]
    assert "What if the phone rings when driving or on the bus?" in titles, titles
    assert "What if there were no table available to set the phone down?" in titles, titles


def test_word_ieee_headings_in_the_texts_type(tmp_path):
    """Word's IEEE template in plain 10 pt: "III. A BRIEF HISTORY OF RELIABLE COMPUTING" centred in
    its column but nearly filling it, the paragraph's indented first line under it; "A. Transactions
    and related technologies." and "1) Asynchronous model." in italics on lines of their own, each
    ending in a full stop, over their paragraphs."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    long = "III. A BRIEF HISTORY OF RELIABLE COMPUTING"
    width = pymupdf.get_text_length(long, fontname="tiro", fontsize=10)
    x0, x1 = 72, 72 + width + 22

    def centred(text: str, y: float) -> None:
        w = pymupdf.get_text_length(text, fontname="tiro", fontsize=10)
        page.insert_text(((x0 + x1 - w) / 2, y), text, fontname="tiro", fontsize=10)

    page.insert_text((72, 60), "How the Hidden Hand Shapes the Market", fontname="tiro", fontsize=24)
    centred("I. INTRODUCTION", 110)
    y, k = _paragraph(page, x0, x1, 126, 8)
    centred("II. THE HAND OF THE MARKET", y + 6)
    y, k = _paragraph(page, x0, x1, y + 22, 6, start=k)
    centred(long, y + 6)
    y, k = _paragraph(page, x0, x1, y + 22, 4, start=k)
    page.insert_text((x0 + 7, y + 6), "A. Transactions and related technologies.", fontname="tiit", fontsize=10)
    y, k = _paragraph(page, x0, x1, y + 20, 7, start=k)
    page.insert_text((x0 + 7, y + 6), "B. Reliable multicast.", fontname="tiit", fontsize=10)
    y, k = _paragraph(page, x0, x1, y + 20, 7, start=k)
    page.insert_text((x0 + 14, y + 6), "1) Asynchronous model.", fontname="tiit", fontsize=10)
    y, k = _paragraph(page, x0, x1, y + 20, 7, start=k)
    centred("IV. DISCUSSION", y + 6)
    _paragraph(page, x0, x1, y + 22, 6, start=k)
    path = tmp_path / "ieee.pdf"
    doc.save(path)
    titles = _titles(parse_pdf(path))
    assert ("III", "A BRIEF HISTORY OF RELIABLE COMPUTING") in titles, titles
    assert ("A", "Transactions and related technologies") in titles, titles
    assert ("B", "Reliable multicast") in titles, titles
    assert ("1", "Asynchronous model") in titles, titles


def test_label_over_the_title_printed_again_is_no_heading(tmp_path):
    """ICLR's appendix opens, after the references, with "Appendix for" in 12 pt italics over the
    paper's title in quotes, bold, on two lines: the label names the supplement, no section."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((108, 80), "Retroformer: Retrospective Large Language Agents", fontname="tibo", fontsize=17)
    page.insert_text((108, 130), "1 Introduction", fontname="tibo", fontsize=12)
    y, k = lines(page, 108, 504, 150, 20)
    page.insert_text((108, y + 14), "References", fontname="tibo", fontsize=12)
    y += 34
    for n in range(8):
        page.insert_text((108, y), f"Author {chr(65 + n)}. A paper on agents and their tools. In Proceedings, 202{n}.",
                         fontname="tiro", fontsize=10)
        y += 16
    page = doc.new_page(width=612, height=792)
    page.insert_text((108, 84), "Appendix for", fontname="tiit", fontsize=12)
    page.insert_text((108, 106), "\u201cRetroformer: Retrospective Large Language Agents", fontname="tibo", fontsize=12)
    page.insert_text((108, 120), "with Policy Gradient Optimization\u201d", fontname="tibo", fontsize=12)
    page.insert_text((108, 160), "A Challenges", fontname="tibo", fontsize=12)
    lines(page, 108, 504, 180, 12, start=k)
    path = tmp_path / "appendix.pdf"
    doc.save(path)
    titles = [title for _, title in _titles(parse_pdf(path))]
    assert "Challenges" in titles, titles
    assert not any(title.startswith("Appendix") for title in titles), titles


def _word_paragraph(page, y: float, count: int, start: int, size: float = 11, end: str = ".") -> tuple[float, int]:
    """A Word manuscript's paragraph: its first line set in half an inch, `count` lines 12.6 pt
    apart across 108-504, the last ending its sentence with `end`."""
    k = start
    for row in range(count):
        left = 144 if row == 0 else 108
        text, k = _line(RUNNING, k, 504 - left, size)
        if row == count - 1:
            text = " ".join(text.split()[:5]) + end
        page.insert_text((left, y), text, fontname="tiro", fontsize=size)
        y += 12.6
    return y, k


def test_word_headings_in_the_texts_own_type(tmp_path):
    """A Word manuscript whose headings are set in its text's own 11 pt roman, each flush left on a
    line of its own after a blank line, its paragraph's indented first line right under it ("Precision
    is Nice but Oomph is the Bomb"), or at the top of a page; nothing else marks them. Its "Select
    References" heads the list at the top of a page, the text before it ending in a closing quote;
    the endnotes under the list, each opening on a raised number, are no entries."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((229, 72), "The Cult of Statistical Significance", fontname="tiro", fontsize=11)
    page.insert_text((197, 98), "By Stephen Ziliak and Deirdre McCloskey", fontname="tiro", fontsize=11)
    y, k = 136, 0
    for count in (6, 5, 7):
        y, k = _word_paragraph(page, y, count, k)
    page.insert_text((108, y + 12.6), "Precision is Nice but Oomph is the Bomb", fontname="tiro", fontsize=11)
    y, k = _word_paragraph(page, y + 25.2, 8, k)  # (a blank line over the heading, none under it)
    y, k = _word_paragraph(page, y, 6, k)
    page.insert_text((108, y + 12.6), "Size Matters No Matter Where You Draw the Line", fontname="tiro", fontsize=11)
    y, k = _word_paragraph(page, y + 25.2, 7, k)
    page = doc.new_page(width=612, height=792)
    page.insert_text((108, 72), "What the Sizeless Scientists Say in Defense", fontname="tiro", fontsize=11)
    y, k = _word_paragraph(page, 98, 9, k)
    _word_paragraph(page, y, 6, k, end='."')
    page = doc.new_page(width=612, height=792)
    page.insert_text((108, 98), "Select References", fontname="tiro", fontsize=11)
    y = 123
    for n in range(9):
        page.insert_text((108, y), f"Fisher, R. A. 19{25 + n}. Statistical Methods for Research Workers. Edinburgh and",
                         fontname="tiro", fontsize=11)
        page.insert_text((144, y + 12.6), "London, Oliver and Boyd, with a preface by the editors of the series",
                         fontname="tiro", fontsize=11)
        page.insert_text((144, y + 25.2), "on statistics and probability.", fontname="tiro", fontsize=11)
        y += 37.8
    y += 12.6
    for n in range(1, 4):
        page.insert_text((108, y - 2), str(n), fontname="tiro", fontsize=7)
        page.insert_text((112, y), f"Letter no. {n} of Gosset to E. S. Pearson, quoted in Pearson 1939, p. 243.",
                         fontname="tiro", fontsize=11)
        y += 12.6
    path = tmp_path / "word.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    titles = [title for _, title in _titles(paper)]
    assert "Precision is Nice but Oomph is the Bomb" in titles, titles
    assert "Size Matters No Matter Where You Draw the Line" in titles, titles
    assert "What the Sizeless Scientists Say in Defense" in titles, titles
    assert "The Cult of Statistical Significance" not in titles, titles
    assert len(paper.references) == 9, [r.raw for r in paper.references]


def test_entry_whose_quoted_title_ends_a_page_goes_on_over_it(tmp_path):
    """An author-year entry whose quoted title ends the page ("... during Vocalization.”") goes on
    at the top of the next, set in under the list's hanging indent ("Psychophysiology 46 (6):
    1216-25."): one entry, and the list goes on after it (a closing quote ends a paragraph at a
    page's foot only over a title-cased row)."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 72), "Speaker Induced Suppression in EEG", fontname="tibo", fontsize=16)
    page.insert_text((72, 110), "1 Introduction", fontname="tibo", fontsize=12)
    y, k = lines(page, 72, 540, 130, 10)
    page.insert_text((72, y + 14), "References", fontname="tibo", fontsize=12)
    y += 34
    names = ["Mirren", "Okafor", "Lindqvist", "Tanaka", "Duarte", "Novak", "Haddad", "Ibsen", "Quill", "Ferrante"]
    for name in names[:5]:
        page.insert_text((72, y), f"{name}, Colin S., and Jeffery A. Jones. 2009. \"ERP Correlates of Online Monitoring",
                         fontname="tiro", fontsize=10)
        page.insert_text((94, y + 12), "of Auditory Feedback.\" Psychophysiology 46 (6): 1216-25.", fontname="tiro",
                         fontsize=10)
        y += 24
    page.insert_text((72, 760), "Hawco, Colin S., Todd R. Ferretti, and Dwayne Keough. 2009. \"ERP Correlates of",
                     fontname="tiro", fontsize=10)
    page.insert_text((94, 772), "Online Monitoring of Auditory Feedback during Vocalization.\"", fontname="tiro", fontsize=10)
    page = doc.new_page(width=612, height=792)
    page.insert_text((94, 72), "Psychophysiology 46 (6): 1216-25. https://doi.org/10.1111/j.1469-8986.2009.", fontname="tiro",
                     fontsize=10)
    y = 84
    for name in names[5:]:
        page.insert_text((72, y), f"{name}, Shannon L. M., and Howard C. Nusbaum. 2014. \"ERP Correlates of Online",
                         fontname="tiro", fontsize=10)
        page.insert_text((94, y + 12), "of Auditory Feedback.\" Psychophysiology 46 (6): 1216-25.", fontname="tiro",
                         fontsize=10)
        y += 24
    path = tmp_path / "over.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert len(paper.references) == 11, paper.references


def test_journal_name_in_italics_after_the_references_is_no_heading(tmp_path):
    """In a paper numbered in roman numerals, an entry's journal name in italics on a row of its own
    after the references ("J. Micro Air Vehicles, 2018.") is no subsection lettered J."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 60), "Fast Attitude Estimation", fontname="tiro", fontsize=24)
    y, k = 100, 0
    for heading in ("I. INTRODUCTION", "II. METHOD", "III. CONCLUSION"):
        page.insert_text((150, y), heading, fontname="tiro", fontsize=10)
        y, k = _paragraph(page, 72, 300, y + 16, 6, start=k)
        y += 6
    page.insert_text((160, y + 6), "REFERENCES", fontname="tiro", fontsize=8)
    y += 22
    for n in range(1, 7):
        page.insert_text((72, y), f"[{n}] F. L. Markley, \"Fast quaternion attitude estimation from two", fontname="tiro",
                         fontsize=8)
        page.insert_text((86, y + 10), "vector measurements,\" in Proc. Int. Conf. on Control, 2002, pp. 1-8.",
                         fontname="tiro", fontsize=8)
        y += 22
    page.insert_text((72, y), "[7] R. Valenti and J. Xiao, \"Attitude from a linear Kalman filter,\" Int.", fontname="tiro",
                     fontsize=8)
    page.insert_text((86, y + 10), "J. Micro Air Vehicles, 2018.", fontname="tiit", fontsize=8)
    path = tmp_path / "journal.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert not any(s.number == "J" for s in paper.sections), _titles(paper)
