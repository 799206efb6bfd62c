"""Body text kept whole around inline math and program text (helper text9): a row whose math or
typewriter glyphs are sized or placed apart from its words is still a row of its paragraph."""

from __future__ import annotations

import re

import pymupdf

from paperkit.reading.parse import Line, _join_row_pieces, _merge_same_baseline, _page_lines, _runs_on_below, parse_pdf

TIMES, ITALIC, COURIER, SYMBOL = "Times-Roman", "Times-Italic", "Courier", "Symbol"
_FONTS = {TIMES: "tiro", ITALIC: "tiit", COURIER: "cour", SYMBOL: "symb"}


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def _paragraphs(paper) -> list[str]:
    return [p.text for s in paper.sections for p in s.paragraphs]


def _holds(paper, sentence: str) -> bool:
    return any(_key(sentence) in _key(p) for p in _paragraphs(paper))


def _row(page, x: float, y: float, pieces: list[tuple], *, one_line: bool = True) -> float:
    """Pieces (text, font, size[, rise]) set left to right from (x, baseline y), each raised by its
    rise (negative: lowered). One text object for the row (one line of the text layer) unless
    `one_line` is false, when each piece is written on its own; returns the x after the last."""
    writer = pymupdf.TextWriter(page.rect) if one_line else None
    for piece in pieces:
        text, font, size = piece[:3]
        rise = piece[3] if len(piece) > 3 else 0.0
        if one_line:
            x = writer.append((x, y - rise), text, font=pymupdf.Font(_FONTS[font]), fontsize=size)[1].x
        else:
            page.insert_text((x, y - rise), text, fontname=_FONTS[font], fontsize=size)
            x += pymupdf.get_text_length(text, _FONTS[font], size)
    if writer is not None:
        writer.write_text(page)
    return x


def _page():
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=14)
    return doc, page


def _parse(doc, path):
    doc.save(path)
    return parse_pdf(path)


def test_a_row_of_words_with_program_text_in_a_smaller_face_stays_in_its_paragraph(tmp_path):
    # The row's type is its words': typewriter text set smaller among them (a 9 pt Courier among
    # 10 pt Times, outweighing the words) does not make the row a line of other type.
    doc, page = _page()
    y = 110
    for text in ("We looked at the text the stacked model wrote for these inputs and saw",
                 "that it had failed to close the markup of both records. In the example the"):
        _row(page, 72, y, [(text, TIMES, 10)])
        y += 12
    _row(page, 72, y, [("tags", TIMES, 10), (" <username-of-writer> and <contributor-name>", COURIER, 9),
                       (" in both", TIMES, 10)])
    y += 12
    for text in ("trials stay open. However, the gated model closed both of them, which shows",
                 "that it learned about the structure of the markup."):
        _row(page, 72, y, [(text, TIMES, 10)])
        y += 12
    paper = _parse(doc, tmp_path / "code.pdf")
    assert _holds(paper, "In the example the tags <username-of-writer> and <contributor-name> in both trials stay open.")


def test_a_row_opening_on_a_symbol_with_stacked_scripts_stays_in_its_paragraph(tmp_path):
    # "θ^αβ_k is set to 0": the symbol stands on the row's baseline, its scripts in 7 pt outweigh
    # it, and the words follow a math space after them: one row in the words' size. (End to end:
    # written this way the pieces reach the parser as one line of the text layer, so this guards
    # the behaviour; the merge rule for two lines on one baseline is tested directly below.)
    doc, page = _page()
    y = 110
    for text in ("The prediction k has the highest overlap with the ground truth box among all",
                 "the five predictions made by the cell. Otherwise"):
        _row(page, 72, y, [(text, TIMES, 10)])
        y += 12
    _row(page, 72, y, [("θ", TIMES, 10), ("αβ", TIMES, 7, 4.5)])
    _row(page, 87, y, [("is set to 0. The localization loss for the k-th bounding", TIMES, 10)])
    _row(page, 76, y, [("k", ITALIC, 7, -3)])  # (the subscript, drawn back under the superscript)
    y += 12
    for text in ("box prediction is then defined as a sum of squared errors between the",
                 "predicted coordinates and its ground truth labels."):
        _row(page, 72, y, [(text, TIMES, 10)])
        y += 12
    paper = _parse(doc, tmp_path / "lead.pdf")
    assert _holds(paper, "The localization loss for the k-th bounding box prediction is then defined as a sum of squared errors")
    opening = [p for p in _paragraphs(paper) if "made by the cell. Otherwise" in p]
    assert len(opening) == 1 and "is set to 0. The localization loss" in opening[0]


def test_a_row_parted_three_times_by_stacked_scripts_is_joined_whole(tmp_path):
    # "{θ¹ᵢ, θ²ᵢ, ..., θᵢ|θᵢ|}. Our model is an end-to-end": each subscript is drawn back under the
    # superscript before it, so the text layer gives the row in three pieces; the first two hold no
    # words between them, and get the words of the third only once it is joined to the second. Whole,
    # the row fills the column from its left edge with words in it: prose dense with inline math,
    # which the line under it goes on (in pieces, its math would read as a display equation).
    doc, page = _page()
    y = 134
    x = _row(page, 72, y, [("{θ", SYMBOL, 10)])
    _row(page, x, y, [("1", TIMES, 7, 4)])
    x = _row(page, x, y, [("ι", SYMBOL, 7, -2), (", θ", SYMBOL, 10)])
    _row(page, x, y, [("2", TIMES, 7, 4)])
    right = _row(page, x, y, [("ι", SYMBOL, 7, -2), (", . . . , θ|θ| }", SYMBOL, 10),
                              (". Our model is an end-to-end", TIMES, 10)])
    # (the line above ends in math: "... its frames, so θ ∈ Θ, |θ| = n, θ =")
    _row(page, 72, y - 12, [("its frames, so", TIMES, 10), (" θ ∈ Θ, |θ| = n, θ = ", SYMBOL, 10)])
    lines, words = [""], ("The video is represented as a sequence of frames in this paper. Formally, the video "
                          "is composed of").split()
    for word in words:
        longer = f"{lines[-1]} {word}".strip()
        if pymupdf.get_text_length(longer, "tiro", 10) > right - 72:
            lines.append(word)
        else:
            lines[-1] = longer
    for i, text in enumerate(lines):
        _row(page, 72, y - 12 * (len(lines) + 1 - i), [(text, TIMES, 10)])
    _row(page, 72, y + 12, [("manner trained on pixels directly.", TIMES, 10)])
    _row(page, 72, y + 24, [("Figure 1 shows our framework.", TIMES, 10)])
    paper = _parse(doc, tmp_path / "set.pdf")
    assert _holds(paper, "Our model is an end-to-end manner trained on pixels directly.")
    rows = [ln.text for ln in _page_lines(pymupdf.open(tmp_path / "set.pdf")[0], 0) if "Our model" in ln.text]
    assert len(rows) == 1 and rows[0].startswith("{θ1") and "θ2" in rows[0]  # one row, its pieces in order


def test_a_math_piece_in_script_size_opening_a_row_joins_the_words_after_it():
    # The text layer may give the symbol with its scripts and the row's words as two lines on one
    # baseline (a subscript drawn between them in the content stream): one row, in the words' size.
    lead = Line(page=0, x0=72.0, y0=122.0, x1=84.0, y1=137.0, text="θαβ", size=7.0, bold=False, italic=False,
                math_chars=3, spans=[(72.0, 84.0, "θαβ", "")], base=134.0)
    words = Line(page=0, x0=87.0, y0=123.5, x1=300.0, y1=136.8, text="is set to 0. The localization loss for the",
                 size=10.0, bold=False, italic=False, math_chars=0, spans=[(87.0, 300.0, "is set to 0.", "")], base=134.0)
    rows = _merge_same_baseline([lead, words], 306.0)
    assert [(ln.text, ln.size) for ln in rows] == [("θαβ is set to 0. The localization loss for the", 10.0)]


def _line(x0, y0, x1, y1, text, size, base, math=0, spans=None) -> Line:
    return Line(page=0, x0=x0, y0=y0, x1=x1, y1=y1, text=text, size=size, bold=False, italic=False,
                math_chars=math, spans=spans or [(x0, x1, text, "")], base=base)


def test_a_script_stacked_under_a_superscript_of_several_spans_joins_its_row():
    # "... the bias projection b_Q^(i) W^(i)⊤": the superscript "(i)" comes as three spans, and
    # the piece holding the subscript "Q" starts under its first, left of its last.
    row = _line(70.9, 359.5, 260.3, 373.1, "at coordinates where the bias projection b(i)", 11.0, 370.7, math=2,
                spans=[(70.9, 243.4, "at coordinates where the bias projection", ""), (243.4, 250.8, " b", ""),
                       (250.8, 254.1, "(", ""), (254.1, 257.0, "i", ""), (257.0, 260.3, ")", "")])
    piece = _line(250.8, 359.0, 288.6, 376.3, "Q W (i)⊤", 8.0, 370.7, math=4)
    rows = _join_row_pieces([row, piece])
    assert [ln.text for ln in rows] == ["at coordinates where the bias projection b(i) Q W (i)⊤"]


def test_a_fraction_s_denominator_under_a_row_of_words_joins_it():
    # "We use ∥H(C(X)−X)∥2 / ∥C(X)−X∥2 as a metric ...": the denominator in script size under the
    # row, inside its width, is read after its numerator, not as a display of its own.
    row = _line(108.0, 497.1, 504.0, 510.5, "C(X) −X. We use ∥H(C(X)−X)∥2 as a metric of the fraction of energy in the",
                10.0, 508.4, math=11,
                spans=[(108.0, 180.0, "C(X) −X. We use", ""), (180.0, 250.0, "∥H(C(X)−X)∥2", ""),
                       (252.0, 504.0, "as a metric of the fraction of energy in the", "")])
    denominator = _line(204.8, 506.3, 249.1, 513.1, "∥C(X)−X∥2", 7.0, 511.8, math=6)
    rows = _join_row_pieces([row, denominator])
    assert len(rows) == 1 and "∥H(C(X)−X)∥2 ∥C(X)−X∥2 as a metric" in rows[0].text


def test_a_row_set_lower_by_its_math_still_goes_on_when_it_opens_on_math():
    # A tall fraction sets its row lower than the usual pitch; the row opens on "C(X)", not on a
    # lower-case word, and still goes on with the sentence of the full row above it.
    prev = _line(108.0, 486.4, 505.2, 496.0, "pass filtering with bandwidth 27 on the delta of the corruption, i.e.,",
                 10.0, 493.8)
    row = _line(108.0, 497.1, 504.0, 513.1, "C(X) −X. We use ∥H(C(X)−X)∥2 ∥C(X)−X∥2 as a metric of the", 10.0, 508.4, math=17)
    left, right = {(0, 0): 108.0}, {(0, 0): 505.2}
    assert _runs_on_below(prev, row, left, right)
    capital = _line(108.0, 497.1, 504.0, 510.5, "The next paragraph opens here on a capital word", 10.0, 508.4)
    assert not _runs_on_below(prev, capital, left, right)


def test_a_row_joined_to_a_glyph_drawn_above_it_keeps_its_own_baseline():
    # A radical drawn above the row ("√" over "ρa log(ψT ϵmi)") opens it: the joined row keeps the
    # baseline of its words, which orders it among the page's rows, not the glyph's raised one.
    glyph = _line(254.9, 670.1, 264.9, 676.5, "\ufffd", 10.0, 670.5, math=1)
    row = _line(266.1, 671.5, 504.7, 684.1, "ρa log(ψT ϵmi) . From analysis in Case a1, notice that, if (1)", 10.0, 682.0,
                math=9)
    rows = _join_row_pieces([glyph, row])
    assert len(rows) == 1 and rows[0].base == 682.0


def test_a_name_broken_before_a_capital_keeps_the_hyphen_it_is_printed_with_most():
    # "R-" / "CNN": the paper prints "R-CNN" more often than "RCNN", so the break's hyphen is the name's.
    from collections import Counter

    from paperkit.reading.parse import _join_lines

    words = Counter({"r-cnn": 30, "r": 30, "cnn": 32, "rcnn": 2})
    assert _join_lines(["we use the original R-", "CNN that is RoI-centric"], words) == "we use the original R-CNN that is RoI-centric"
    words = Counter({"supconlite": 3, "supcon": 5, "lite": 3})
    assert _join_lines(["the SupCon-", "Lite loss"], words) == "the SupConLite loss"
