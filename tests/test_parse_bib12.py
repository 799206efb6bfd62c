"""Bibliographies of the ninth split's shapes, drawn on PyMuPDF pages by the tests themselves: a word
processor's underlined URLs, keys typed by hand, and a one-column appendix after a two-column list.
"""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_document

PROSE = ("We train every model for ninety epochs with the same schedule and report the mean of three seeds, "
         "because single runs vary by more than the differences we want to measure here in this study.")


class Pages:
    """Lines written top to bottom in Times, a new page when asked."""

    def __init__(self) -> None:
        self.doc = pymupdf.open()
        self.page = None
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        self.page = self.doc.new_page(width=612, height=792)
        self.y = 72.0

    def line(self, text: str, font: str = "tiro", size: float = 10.0, x: float = 72.0, gap: float = 0.0,
             underline: str = "") -> None:
        """`underline`: the part of `text` (its end) underlined as a word processor underlines a link,
        a thin filled rectangle just under the baseline."""
        self.y += gap
        self.page.insert_text((x, self.y), text, fontname=font, fontsize=size)
        if underline:
            start = x + pymupdf.get_text_length(text[:text.index(underline)], fontname=font, fontsize=size)
            end = start + pymupdf.get_text_length(underline, fontname=font, fontsize=size)
            self.page.draw_rect(pymupdf.Rect(start, self.y + 1.0, end, self.y + 1.5), color=None, fill=(0.1, 0.1, 0.1))
        self.y += size * 1.2

    def justified(self, text: str, x: float, right: float, size: float = 9.0) -> None:
        """A line spread to the column's right edge word by word, each word drawn alone (Word's
        justified lines, which PyMuPDF reads as pieces when the spaces grow wide)."""
        words = text.split()
        widths = [pymupdf.get_text_length(w, fontname="tiro", fontsize=size) for w in words]
        space = (right - x - sum(widths)) / (len(words) - 1)
        for word, width in zip(words, widths):
            self.page.insert_text((x, self.y), word, fontname="tiro", fontsize=size)
            x += width + space
        self.y += size * 1.2

    def heading(self, text: str) -> None:
        self.line(text, "tibo", 12, gap=8)

    def paragraph(self, text: str = PROSE, words: int = 14) -> None:
        parts = text.split()
        for start in range(0, len(parts), words):
            self.line(" ".join(parts[start:start + words]))
        self.y += 6

    def parse(self):
        with pymupdf.open(stream=self.doc.tobytes(), filetype="pdf") as again:
            return parse_document(again)


def _introduction_then_references() -> Pages:
    pages = Pages()
    pages.heading("1 Introduction")
    pages.paragraph()
    pages.heading("References")
    return pages


def test_underlined_urls_are_no_table_rules_that_take_the_entries_between_them():
    # A Word paper (NDSS 2006) underlines every URL: two underlines 50 pt apart, the second within the
    # first's width, were stacked as a table's rules, and the entries between them left the list.
    pages = _introduction_then_references()
    entries = [
        [('[AA] S. Andersen and V. Abella, "Data Execution Prevention. Changes to', ""),
         ('Functionality in Microsoft Windows XP Service Pack 2, Part 3,"', ""),
         ("http://www.microsoft.com/technet/prodtechnol/winxppro/maintain.mspx.", "http://www.microsoft.com/technet/prodtechnol/winxppro/maintain.mspx")],
        [('[ABL04] L. von Ahn, M. Blum, and J. Langford, "Telling', ""),
         ('Humans and Computers Apart Automatically,"', "justified"),
         ("Communications of the ACM, Feb. 2004.", "")],
        [("[AL] Alexa, http://www.alexa.com/.", "http://www.alexa.com/")],
        [("[ASA+05] K. Anagnostakis, S. Sidiroglou, P. Akritidis, K. Xinidis, E. Markatos,", ""),
         ('and A. Keromytis. "Detecting Targeted Attacks Using Shadow Honeypots,"', ""),
         ("in Proc. USENIX Security Symposium, August 2005.", "")],
        [("[ASLR] PaX Address Space Layout Randomization (ASLR).", ""),
         ("http://pax.grsecurity.net/docs/aslr.txt.", "http://pax.grsecurity.net/docs/aslr.txt")],
    ]
    for entry in entries:
        for k, (text, underline) in enumerate(entry):
            if underline == "justified":
                pages.justified(text, 81, 400)
            else:
                pages.line(text, size=9, x=72 if k == 0 else 81, underline=underline)
        pages.y += 4
    paper = pages.parse()
    assert len(paper.references) == len(entries), paper.references
    assert paper.references[1] == ('[ABL04] L. von Ahn, M. Blum, and J. Langford, "Telling Humans and Computers '
                                   'Apart Automatically," Communications of the ACM, Feb. 2004.')
    assert paper.references[2] == "[AL] Alexa, http://www.alexa.com/."
    assert not paper.tables and not paper.figures


def test_keys_typed_by_hand_open_entries_at_the_margin_of_a_hanging_list():
    # NDSS 2006: "[H]", "[J105]", "[M311]" among "[HC]", "[J04]", "[M52]": no key of a style file's
    # making, but each opens its line at the margin, the entries' later lines set in.
    pages = _introduction_then_references()
    entries = [
        ('[G04] Archana Ganapathi, Yi-Min Wang, Ni Lao, and Ji-Rong Wen, "Why PCs Are',
         'Fragile and What We Can Do About It," in Proc. IEEE DSN, June 2004.'),
        ("[H] The Honeynet Project, http://www.honeynet.org/.", None),
        ("[HC] Honeyclient Development Project,", "http://www.honeyclient.org/."),
        ('[J04] Xuxian Jiang, Dongyan Xu, "Collapsar: A VM-Based Architecture for',
         'Network Attack Detention Center," in Proc. USENIX Security Symposium, Aug. 2004.'),
        ("[J105] Microsoft Security Advisory (903144) - A COM Object (Javaprxy.dll) Could",
         "Cause Internet Explorer to Unexpectedly Exit, http://www.microsoft.com/technet/."),
        ("[J205] Microsoft Security Bulletin MS05-037 - Vulnerability in JView Profiler",
         "Could Allow Remote Code Execution, http://www.microsoft.com/technet/."),
        ("[M52] Microsoft Security Bulletin MS05-002, Vulnerability in Cursor and Icon",
         "Format Handling Could Allow Remote Code Execution."),
        ("[M311] Microsoft Security Bulletin MS03-011, Flaw in Microsoft VM Could Enable",
         "System Compromise, http://www.microsoft.com/technet/security/."),
    ]
    for first, rest in entries:
        pages.line(first, size=9)
        if rest:
            pages.line(rest, size=9, x=81)
        pages.y += 4
    paper = pages.parse()
    assert len(paper.references) == len(entries), paper.references
    assert paper.references[1] == "[H] The Honeynet Project, http://www.honeynet.org/."
    assert paper.references[5].startswith("[J205] Microsoft Security Bulletin MS05-037")


def test_a_one_column_appendix_after_a_two_column_list_is_no_entry():
    # ICML: the list stands in two columns; the appendix starts on a new page in one column with a
    # paragraph and a list before its first heading. Those lines were taken as entries.
    pages = _introduction_then_references()
    pages.new_page()
    surnames = ["Allen", "Amari", "Bando", "Cherry", "Chung", "Drude", "Gannot", "Hershey", "Kim", "Luo",
                "Moliner", "Pandey", "Sawada", "Taal", "Wang", "Yu"]
    for n, name in enumerate(surnames):
        x = 72 if n < 8 else 320
        if n == 8:
            pages.y = 72.0
        pages.line(f"{name}, J. and Berkley, D. A. Image method for", x=x, size=9)
        pages.line(f"efficiently simulating small-room acoustics. The", x=x + 10, size=9)
        pages.line(f"Journal of the Acoustics Society, 65(4), {1979 + n}.", x=x + 10, size=9)
        pages.y += 4
    pages.new_page()
    pages.line("We organize the appendix as follows:")
    pages.y += 6
    for letter, what in (("A", "provides a background on score-based diffusion and diffusion posterior sampling."),
                         ("B", "provides the posterior score derivation and its relation to the classic EM algorithm."),
                         ("C", "presents both algorithms in detail and provides the configurations we used for them."),
                         ("D", "explains the diffusion prior's training configuration and its model architecture.")):
        pages.line(f"- Appendix {letter} {what}", x=84)
        pages.y += 6
    pages.heading("A Score-based Diffusion")
    pages.paragraph(PROSE + " " + PROSE, words=18)
    paper = pages.parse()
    assert len(paper.references) == len(surnames), paper.references
    assert not any("appendix" in r.lower() for r in paper.references)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "We organize the appendix as follows:" in text and "Appendix D explains" in text
    assert paper.sections[-1].title == "Score-based Diffusion"


def test_a_hairline_under_words_that_touches_a_drawing_stays_the_drawings():
    # ACL 2021: a caption underlines "Underline" 2 pt over a coloured frame round a word on the line
    # below: that hairline is part of the drawing it touches, as every hairline was before links'
    # underlines were left out (alone, the frame joined the figure under the caption).
    from paperkit.reading.parse import _graphic_boxes, _page_lines

    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((100, 100), "Underline highlights ambiguities in the text.", fontname="tiro", fontsize=10)
    width = pymupdf.get_text_length("Underline", fontname="tiro", fontsize=10)
    page.draw_line((100, 101.2), (100 + width, 101.2), color=(0, 0, 0), width=0.4)
    page.insert_text((120, 112), "Appearance, Aroma and Overall are the aspects.", fontname="tiro", fontsize=10)
    left = 120.0
    frame = (left - 1, 103.5, left + pymupdf.get_text_length("Appearance", fontname="tiro", fontsize=10) + 1, 113.4)
    for a, b in (((frame[0], frame[1]), (frame[2], frame[1])), ((frame[0], frame[3]), (frame[2], frame[3])),
                 ((frame[0], frame[1]), (frame[0], frame[3])), ((frame[2], frame[1]), (frame[2], frame[3]))):
        page.draw_line(a, b, color=(0.5, 0, 0.5), width=0.8)
    boxes = _graphic_boxes(page, _page_lines(page, 0))
    assert len(boxes) == 1 and boxes[0][1] < 101.5, boxes


def test_citations_reach_entries_with_keys_typed_by_hand():
    # A word processor's author types the keys: "[H]", "[J105]" beside LaTeX-like "[ABL04]". Each is
    # the entry's label, and a citation naming them links, while a bracket in math ("E[H]") and one
    # holding words ("[see H]") do not.
    from paperkit.reading.bibliography import link_citations, parse_reference

    entries = [parse_reference(text) for text in (
        "[ABL04] A. Author. Title one. Venue, 2004.", "[AL] B. Other. Title two. Venue, 2005.",
        "[J105] C. Third. Title three. Venue, 2005.", "[H] D. Fourth. Title four. Venue, 2006.")]
    assert [e.label for e in entries] == ["ABL04", "AL", "J105", "H"]
    assert [e.title for e in entries][2:] == ["Title three", "Title four"]
    cited = link_citations([(0, 0, 1, "as in [ABL04, J105] and [H]; E[H] is no citation, nor [see H].")], entries)
    assert [(c.text, c.refs) for c in cited] == [("[ABL04, J105]", (0, 2)), ("[H]", (3,))]
