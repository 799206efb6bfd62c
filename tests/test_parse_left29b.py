"""Reading order and back matter of a magazine's last pages, drawn on PyMuPDF pages by the tests
themselves: references set in two narrow columns inside a page's right column, and the authors'
biographies after them."""

from __future__ import annotations

import pymupdf

from pdf_pages import lines as _lines

from paperkit.reading.parse import parse_document

SURNAMES = ("Arora", "Bartlett", "Belkin", "Cohen", "Delalleau", "Eldan", "Feldman", "Golowich", "Hardt",
            "Kawaguchi", "Liang", "Livni", "Mhaskar", "Morcos", "Neyshabur", "Poggio", "Recht", "Smith",
            "Soudry", "Telgarsky", "Toneva", "Vapnik", "Yao", "Zhou")


def _entry_lines(k: int) -> list[str]:
    """Entry k's three lines as a narrow column sets them: the number, then two lines set in."""
    return [f"{k}. {SURNAMES[k - 1]}, S., Cohen, N., Hu, W.",
            "Implicit regularization in deep",
            f"networks. Adv. Neural Inf. {2000 + k}."]


def _page_with_narrow_references(biography: bool = False) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((50, 70), "Rethinking How Deep Networks Learn", fontname="tibo", fontsize=16)
    page.insert_text((50, 100), "1 Introduction", fontname="tibo", fontsize=12)
    _lines(page, 50, 296, 118, 50)
    y, _ = _lines(page, 316, 562, 118, 14)
    page.insert_text((316, y + 6), "References", fontname="tibo", fontsize=7)
    top = y + 18
    for column, (x, first) in enumerate(((316, 1), (446, 13))):
        y = top
        for k in range(first, first + 12):
            for n, text in enumerate(_entry_lines(k)):
                page.insert_text((x + (0 if n == 0 else 8), y), text, fontname="helv", fontsize=6.5)
                y += 7.5
        if biography and column == 1:
            # The authors' names in the bold type of "References", their address on the line under
            page.insert_text((x, y + 10), "Jane Doe and Richard Roe", fontname="tibo", fontsize=7)
            page.insert_text((x, y + 17.5), "({jane, richard}@example.com), Example", fontname="helv", fontsize=6.5)
            page.insert_text((x, y + 25), "Lab, Springfield, USA.", fontname="helv", fontsize=6.5)
    return doc.tobytes()


def _parse(data: bytes):
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return parse_document(doc)


def test_references_in_two_narrow_columns_inside_the_right_column_are_read_column_by_column():
    # CACM sets its references in two columns of 6.5 pt inside the page's right column, under the
    # text's last paragraph: read row by row across both, each entry took a line of the one beside
    # it ("1. Arora ... 13. Delalleau ..."), and the list fell apart into 13 entries of 46.
    paper = _parse(_page_with_narrow_references())
    entries = [str(getattr(r, "text", r)) for r in (paper.bibliography or paper.references)]
    assert len(entries) == 24
    for k, entry in enumerate(entries, 1):
        assert entry.startswith(f"{k}. {SURNAMES[k - 1]},")
        assert entry.endswith(f"{2000 + k}.")


def test_authors_names_over_their_address_after_the_references_are_no_heading():
    # The biography after CACM's references opens with the authors' names in the bold type of its
    # "References" heading, their e-mail address on the line under: a byline, no section.
    paper = _parse(_page_with_narrow_references(biography=True))
    assert [s.title for s in paper.sections if s.title] == ["Introduction", "References"]
    assert len(paper.bibliography or paper.references) == 24


# ─────────────────── a page of prose with one thing in it (the tests below) ───────────────────

WORDS = ("the model reads every page of the paper and keeps each sentence whole while the reader "
         "turns the pages so that nothing printed is lost or mixed with the drawings beside it").split()


def _fill(words: list[str], width: float, font: str = "helv") -> list[str]:
    """Words set in lines of 10 pt type no wider than `width`."""
    lines = [""]
    for word in words:
        longer = f"{lines[-1]} {word}".strip()
        if pymupdf.get_text_length(longer, font, 10) > width:
            lines.append(word)
        else:
            lines[-1] = longer
    return lines


def _set(page, lines: list[str], x: float, y: float, pitch: float = 12, font: str = "helv") -> float:
    """Lines from baseline `y` down, `pitch` apart; returns the baseline after the last."""
    for i, line in enumerate(lines):
        page.insert_text((x, y + pitch * i), line, fontname=font, fontsize=10)
    return y + pitch * len(lines)


def _section_page():
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=14)
    return doc, page


def _paragraphs(paper) -> list[str]:
    return [p.text for s in paper.sections for p in s.paragraphs]


def _key(text: str) -> str:
    return " ".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


def _holds(paper, sentence: str) -> bool:
    return any(f" {_key(sentence)} " in f" {_key(p)} " for p in _paragraphs(paper))


def test_a_formulas_letters_drawn_between_its_brackets_are_read_in_their_place(tmp_path):
    # Nature 2016: "with baseline v(s_t^i) for variance reduction. On" is drawn as the row with the
    # brackets and a space between them, then "v", "s", "t" set into that space: appended after
    # the row's last word they cut "On" off "the first pass through ...".
    doc, page = _section_page()
    y = _set(page, _fill(WORDS * 2, 440), 72, 110)
    head = "so we trained it using the update rule with a baseline "
    page.insert_text((72, y), head, fontname="tiro", fontsize=10)
    x = 72 + pymupdf.get_text_length(head, "tiro", 10)
    brackets = "(      )"  # (in the math font, blanks between them)
    page.insert_text((x, y), brackets, fontname="symb", fontsize=10)
    width = pymupdf.get_text_length(brackets, "symb", 10)
    page.insert_text((x + width, y), " for variance reduction. On", fontname="tiro", fontsize=10)
    page.insert_text((x + 5, y), "v", fontname="tiit", fontsize=10)  # (the letters after them, in their room)
    page.insert_text((x + 12, y), "s", fontname="tiit", fontsize=10)
    _set(page, ["the first pass through the training pipeline the baseline was set to zero and then"] +
         _fill(WORDS, 440)[:-1] + ["we stopped."], 72, y + 12)
    paper = _parse(doc.tobytes())
    assert _holds(paper, "On the first pass through the training pipeline the baseline was set to zero and then")


def test_a_short_centred_display_ending_the_sentence_goes_on_the_paragraph_above(tmp_path):
    # ACM (acmart): "... implying a storage" / "lower bound of" / "Ω(N)." centred on a row of its own:
    # the display ends the sentence, which was cut before it.
    doc, page = _section_page()
    lines = _fill(WORDS * 2 + ["and", "any", "provenance", "complete", "system", "must", "therefore", "store", "at",
                               "least", "one", "record", "per", "action", "implying", "a", "storage"], 440)
    y = _set(page, lines, 72, 110)
    page.insert_text((72, y), "lower bound of", fontname="helv", fontsize=10)
    page.insert_text((290, y + 13), "W(N).", fontname="symb", fontsize=10)
    _set(page, _fill(["Aggregation"] + WORDS + ["done."], 440), 72, y + 27)
    paper = _parse(doc.tobytes())
    text = next(p for p in _paragraphs(paper) if "implying a storage" in p)
    assert text.endswith("lower bound of W(N)."), text  # (the Symbol font's Omega, as its text layer reads it)


def test_an_items_italic_lead_that_looks_like_a_heading_runs_on_into_its_answer(tmp_path):
    # BMC 2019: "4. Should there be confidence intervals or p values for" in italics, then under its
    # words "decision curves?" in italics and the answer in roman on that row: read as an IEEE
    # italic heading, the question was cut after its first line.
    doc, page = _section_page()
    y = _set(page, _fill(WORDS * 2, 440)[:-1] + ["required."], 72, 110, font="tiro")
    page.insert_text((72, y), "4.", fontname="tiro", fontsize=10)
    page.insert_text((86, y), "Should there be confidence intervals or p values for", fontname="tiit", fontsize=10)
    page.insert_text((86, y + 12), "decision curves?", fontname="tiit", fontsize=10)
    x = 86 + pymupdf.get_text_length("decision curves? ", "tiit", 10)
    page.insert_text((x, y + 12), "Statistical significance is not a concept of", fontname="tiro", fontsize=10)
    _set(page, _fill(WORDS + ["done."], 420, "tiro"), 86, y + 24, font="tiro")
    paper = _parse(doc.tobytes())
    assert _holds(paper, "Should there be confidence intervals or p values for decision curves?")


def _unnamed_ligature_font(doc, page) -> str:
    """A Type 3 font of lower-case letters whose code 2 ("fi") its ToUnicode names as no character:
    the text layer reads that glyph as U+FFFD."""
    from pdf_fonts import type3_font

    letters = {c: f"g{c}" for c in range(97, 123)}
    entries = " ".join(f"<{c:02X}> <{c:04X}>" for c in range(97, 123))
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 28 beginbfchar " + entries.encode() +
            b" <20> <0020> <02> <D800> endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    return type3_font(doc, page, {2: "fi", 32: "space", **letters}, advance=500, to_unicode=cmap)


def test_a_ligature_the_text_layer_cannot_name_is_spelt_in_the_word_of_a_paragraph(tmp_path):
    # Phil. Trans. 2000: "speci?c", "oversimpli?ed" with the "fi" glyph unnamed read "specic" in
    # the paragraphs, where the title's words were already spelt with the ligature.
    from pdf_fonts import show

    doc, page = _section_page()
    y = _set(page, _fill(WORDS * 2, 440), 72, 110)
    font = _unnamed_ligature_font(doc, page)
    show(doc, page, font, 10, [(72, y, "he proposed no speci\x02c mechanisms for it")])
    _set(page, _fill(WORDS + ["done."], 440), 72, y + 12)
    paper = _parse(doc.tobytes())
    assert any("proposed no specific mechanisms" in p for p in _paragraphs(paper)), _paragraphs(paper)


def test_a_symbol_glyph_a_size_off_its_row_is_read_in_the_row(tmp_path):
    # ICCV 1999: "values in", then a 9 pt omega the text layer reads as "!", then "(p) are known" in
    # 10 pt: the glyph stood apart and was read after the row, "values in (p) are known" cut in two.
    doc, page = _section_page()
    y = _set(page, _fill(WORDS * 2 + ["only", "some", "of", "the", "pixel"], 440), 72, 110, font="tiro")
    head = "values in"
    page.insert_text((72, y), head, fontname="tiro", fontsize=10)
    x = 72 + pymupdf.get_text_length(head + " ", "tiro", 10)
    page.insert_text((x, y + 0.8), "!", fontname="tiro", fontsize=9)
    x += pymupdf.get_text_length("!", "tiro", 9) + 0.5
    page.insert_text((x, y), "(p) are known to the reader now and", fontname="tiro", fontsize=10)
    _set(page, _fill(WORDS + ["done."], 440, "tiro"), 72, y + 12, font="tiro")
    paper = _parse(doc.tobytes())
    assert _holds(paper, "only some of the pixel values in (p) are known to the reader now and"), _paragraphs(paper)


def test_a_readers_note_in_another_script_over_a_column_is_no_text(tmp_path):
    # EURASIP 2011: a reader's note "PCA 与协方差" boxed in the top margin over the right column was
    # read as the column's first line, into a sentence carried over from the left column.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((50, 80), "1 Introduction", fontname="hebo", fontsize=12)
    left = _fill(WORDS * 12, 236)
    _set(page, left[:50] + ["the principal component analysis is based on the"], 50, 100)
    _set(page, ["correlation between features and finds a subspace"] + _fill(WORDS * 8, 236)[:40], 326, 100)
    page.insert_text((400, 50), "PCA 与协方差", fontname="china-s", fontsize=9)
    paper = _parse(doc.tobytes())
    assert _holds(paper, "the principal component analysis is based on the correlation between features")


def test_a_pull_quote_beside_a_column_is_read_at_a_sentences_end(tmp_path):
    # IEEE Wireless Communications: a pull quote's ragged lines right of the right column, in a face
    # of their own, were read row by row into the column's lines.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((40, 80), "1 Introduction", fontname="hebo", fontsize=12)
    _set(page, _fill(WORDS * 12, 190), 40, 100)
    right = _fill(WORDS * 3 + ["done."] + ["given", "the", "cost", "of", "a", "central", "orchestrator", "located",
                                           "in", "a", "separate", "cluster", "distributed", "agents", "are", "needed."]
                  + WORDS * 8, 190)
    _set(page, right[:50], 250, 100)
    quote = ["The fundamental idea", "of keeping slices", "apart is a key aspect", "of the networks that",
             "we study in this work", "and one facet of it", "is monitoring them."]
    for i, text in enumerate(quote):
        width = pymupdf.get_text_length(text, "tiit", 9)
        page.insert_text((560 - width, 104 + 13 * i), text, fontname="tiit", fontsize=9)
    paper = _parse(doc.tobytes())
    assert _holds(paper, "given the cost of a central orchestrator located in a separate cluster distributed agents are needed")
    assert _holds(paper, "The fundamental idea of keeping slices apart is a key aspect")


def test_an_unnumbered_heading_in_the_type_sections_and_subsections_share_is_a_section(tmp_path):
    # acmart sets "7 Enforcement" and "7.1 Authorization" in one 10.9 pt bold; "Threats to Validity"
    # in that type after "6.6 Threat Model", the next section after it, is a \section*, not a level
    # under the subsection. (One between "2.1" and "2.2" is the subsection's: a Word paper's "RLE".)
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    y = 80
    for heading in ("1 Introduction", "1.1 Problem Statement", "Threats to Validity", "2 Method", "2.1 Setup",
                    "Run Length Encoding", "2.2 Results"):
        page.insert_text((72, y), heading, fontname="tibo", fontsize=10.9)
        y = _set(page, _fill(WORDS + ["done."], 440, "tiro"), 72, y + 16, font="tiro") + 10
    paper = _parse(doc.tobytes())
    levels = {s.title: s.level for s in paper.sections}
    assert levels["Threats to Validity"] == 1, levels
    assert levels["Problem Statement"] == 2
    assert levels["Run Length Encoding"] == 3
