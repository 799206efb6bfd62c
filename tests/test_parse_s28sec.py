"""Headings of the twenty-eighth split, each shape drawn here with PyMuPDF: an outline whose entries
carry numbers the page does not print (Typst's APA manuscript bookmarks "0.1 Simulation Example",
"0.1.1 Simulate the Data" over headings printed bare, the levels of its outline not the numbers'),
and a float's label in bold on a line of its own over its italic caption ("Figure 1", APA)."""

from __future__ import annotations

import pymupdf

from tests.pdf_pages import reparse as _parse
from tests.test_parse_sent19 import _prose


def _para(page, x: float, y: float, n: int, start: int = 0) -> float:
    y = _prose(page, x, y, n - 1, size=11, pitch=21, width=460, start=start)
    page.insert_text((x, y), "and so the paragraph ends here.", fontname="tiro", fontsize=11)
    return y + 21


def _apa_manuscript(figure: bool = False, outline: bool = True) -> pymupdf.Document:
    """Three pages of 11 pt Times, double spaced, bold headings at the text's size flush left (bold
    italic one level down), bookmarked with hidden numbers under a "0" the page never prints."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 80), "A Study of Reaction Times in Lexical Decisions", fontname="tibo", fontsize=14)
    y = _para(page, 72, 130, 8)
    page.insert_text((72, y + 8), "Simulation Example", fontname="tibo", fontsize=11)
    y = _para(page, 72, y + 29, 6, start=3)
    page.insert_text((72, y + 8), "Simulate the Data", fontname="tibi", fontsize=11)
    _para(page, 72, y + 29, 8, start=7)
    page = doc.new_page(width=612, height=792)
    y = 80
    if figure:
        page.insert_text((72, y), "Figure 1", fontname="tibo", fontsize=11)
        y = _prose(page, 72, y + 21, 3, font="tiit", size=11, pitch=21, width=460, start=9)
        page.insert_text((72, y), "the solid line marks the overall mean.", fontname="tiit", fontsize=11)
        picture = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 60, 40), False)
        picture.set_rect(picture.irect, (40, 120, 40))
        page.insert_image(pymupdf.Rect(120, y + 20, 480, y + 240), pixmap=picture)
        y += 280
    page.insert_text((72, y), "Default Parameterization", fontname="tibo", fontsize=11)
    y = _para(page, 72, y + 21, 6, start=2)
    page.insert_text((72, y + 8), "Prior Specification", fontname="tibi", fontsize=11)
    y = _para(page, 72, y + 29, 6, start=5)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Classical Parameterization", fontname="tibo", fontsize=11)
    y = _para(page, 72, 101, 5, start=4)
    page.insert_text((72, y + 8), "Prior Specification", fontname="tibi", fontsize=11)
    y = _para(page, 72, y + 29, 5, start=8)
    page.insert_text((72, y + 8), "Estimating the Tail", fontname="tibi", fontsize=11)
    y = _para(page, 72, y + 29, 5, start=1)
    page.insert_text((72, y + 8), "Conclusion", fontname="tibo", fontsize=11)
    _para(page, 72, y + 29, 4, start=6)
    if outline:
        doc.set_toc([[1, "0.1 Simulation Example", 1], [1, "0.1.1 Simulate the Data", 1],
                     [1, "0.2 Default Parameterization", 2], [2, "0.2.1 Prior Specification", 2],
                     [1, "0.3 Classical Parameterization", 3], [2, "0.3.1 Prior Specification", 3],
                     [1, "0.3.2 Estimating the Tail", 3], [1, "0.4 Conclusion", 3]])
    return doc


def test_an_outline_that_numbers_headings_printed_bare_gives_no_numbers():
    # Typst bookmarked "0.1 Simulation Example": the sections were read "0.1", "0.1.1", ... where the
    # page prints none (sections F1 0.00).
    paper = _parse(_apa_manuscript())
    got = [(s.number, s.title) for s in paper.sections if s.title != "Text before the first heading"]
    assert ("", "Simulation Example") in got or (None, "Simulation Example") in got, got
    assert not any(number for number, _ in got), got
    titles = [title for _, title in got]
    assert titles.count("Prior Specification") == 2, titles
    for want in ("Simulate the Data", "Default Parameterization", "Estimating the Tail", "Conclusion"):
        assert want in titles, titles


def test_the_hidden_numbers_give_the_levels():
    # (the outline files "0.1.1 Simulate the Data" and "0.3.2 Estimating the Tail" beside the sections:
    # the numbers' depth under the unprinted "0" is the level)
    paper = _parse(_apa_manuscript())
    levels = {s.title: s.level for s in paper.sections}
    assert levels["Simulation Example"] == 1 and levels["Simulate the Data"] == 2, levels
    assert levels["Estimating the Tail"] == 2 and levels["Conclusion"] == 1, levels


def test_a_figure_label_in_bold_over_its_italic_caption_is_no_heading():
    # APA's "Figure 1" in bold on a line of its own over the caption's italic title was kept as an
    # unbookmarked subheading.
    paper = _parse(_apa_manuscript(figure=True))
    titles = [s.title for s in paper.sections]
    assert "Figure 1" not in titles, titles
    assert "Default Parameterization" in titles, titles


def _peerj_proof(ground: bool = True) -> pymupdf.Document:
    """A journal's proof in 11 pt Times over three pages: the paper's title bookmarked over its sections
    (the outline files every section a level down), sections in 14 pt bold sans capitals, subsections in
    12 pt bold sans each on a white band stroked round in white hairlines; the back matter's group in
    the sections' type and its labels in the subsections' type, none bookmarked."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((186, 80), "Clustering Methods for Sequence Data", fontname="hebo", fontsize=20)
    page.insert_text((186, 130), "INTRODUCTION", fontname="hebo", fontsize=14)
    y = _prose(page, 186, 152, 9, size=11, pitch=15, width=370)
    page.insert_text((186, y + 14), "METHODS", fontname="hebo", fontsize=14)
    y += 38
    for k, name in enumerate(("Soil dataset from a field study", "Murine gut microbiota dataset")):
        if ground:
            # (reaching 2.7 pt under the line's box: more than a point of play)
            page.draw_rect(pymupdf.Rect(183, y - 13.3, 567, y + 6.4), color=None, fill=(1, 1, 1))
            for a, b in (((182.5, y - 13.5), (567.8, y - 13.5)), ((182.6, y - 13.5), (182.6, y + 6.6)),
                         ((567.6, y - 13.5), (567.6, y + 6.6))):
                page.draw_line(a, b, color=(1, 1, 1), width=0.4)
        page.insert_text((186, y), name, fontname="hebo", fontsize=12)
        y = _prose(page, 186, y + 19, 7, size=11, pitch=15, width=370, start=3 + 5 * k)
        page.insert_text((186, y), "and so the paragraph ends here.", fontname="tiro", fontsize=11)
        y += 30
    page = doc.new_page(width=612, height=792)
    page.insert_text((186, 80), "CONCLUSIONS", fontname="hebo", fontsize=14)
    y = _prose(page, 186, 102, 6, size=11, pitch=15, width=370, start=2)
    page.insert_text((186, y + 14), "ADDITIONAL INFORMATION", fontname="hebo", fontsize=14)
    y += 40
    for k, (name, text) in enumerate((("Funding", "This study was supported by grants from the institutes."),
                                      ("Grant Disclosures", "The following grant information was disclosed."),
                                      ("Competing Interests", "The authors declare there are no competing interests."),
                                      ("Data Availability", "The data are available in a public repository."))):
        page.insert_text((186, y), name, fontname="hebo", fontsize=12)
        page.insert_text((186, y + 17), text, fontname="tiro", fontsize=11)
        y += 44
    page.insert_text((186, y + 10), "REFERENCES", fontname="hebo", fontsize=14)
    y += 32
    for k in range(6):
        page.insert_text((186, y), f"Author{k} A. 201{k}. A title of a paper on clustering. Journal {k}:{k}1-{k}9.",
                         fontname="tiro", fontsize=10)
        y += 14
    doc.set_toc([[1, "Clustering Methods for Sequence Data", 1], [2, "Introduction", 1], [2, "Methods", 1],
                 [3, "Soil dataset from a field study", 1], [3, "Murine gut microbiota dataset", 1],
                 [2, "Conclusions", 2], [2, "References", 2]])
    return doc


def test_a_subheading_on_a_white_band_stroked_in_white_stays_a_heading():
    # PeerJ's proofs paint a white band behind each subheading, its top and sides stroked in white
    # hairlines too thin for the ink's test of white: read as a drawing, the band took the subheading
    # in as its label, and every bookmarked subsection was lost (recall 0.29).
    # (an entry not found on its page is kept apart, without its text and out of order)
    sections = _parse(_peerj_proof()).sections
    titles = [s.title for s in sections]
    assert titles.index("Methods") < titles.index("Soil dataset from a field study") < \
        titles.index("Murine gut microbiota dataset"), titles
    for s in sections:
        if s.title in ("Soil dataset from a field study", "Murine gut microbiota dataset"):
            assert s.paragraphs, s.title


def test_back_matter_under_an_outline_that_bookmarks_the_title_over_its_sections():
    # The section type is the level-2 entries' where the paper's title is bookmarked over them all;
    # the back matter's labels in the type of its "Funding" are kept up to the references.
    titles = [s.title for s in _parse(_peerj_proof()).sections]
    for want in ("ADDITIONAL INFORMATION", "Funding", "Grant Disclosures", "Competing Interests", "Data Availability"):
        assert want in titles or want.title() in titles, titles


def _revtex_paper() -> pymupdf.Document:
    """Two pages of REVTeX: numbered sections "I. INTRODUCTION" in 9 pt bold capitals centred over a
    column of 10 pt text, then unnumbered back matter in that very type."""
    doc = pymupdf.open()
    y = 0.0
    heads = [("I. INTRODUCTION", 0), ("II. PRIOR", 1), ("III. POSTERIOR", 0), ("IV. CONCLUSION", 1),
             ("DATA AVAILABILITY", 0), ("CREDIT AUTHOR STATEMENT", 1), ("ACKNOWLEDGMENTS", 0)]
    page = None
    for k, (head, new) in enumerate(heads):
        if page is None or new:
            page = doc.new_page(width=612, height=792)
            y = 80
        width = pymupdf.get_text_length(head, fontname="tibo", fontsize=9)
        page.insert_text((54 + (245 - width) / 2, y), head, fontname="tibo", fontsize=9)
        y = _prose(page, 54, y + 22, 7, size=10, pitch=11, width=245, start=4 * k)
        page.insert_text((54, y), "and so the paragraph ends here.", fontname="tiro", fontsize=10)
        y += 30
    return doc


def test_unnumbered_headings_in_the_bold_capitals_of_the_numbered_ones():
    # REVTeX: "DATA AVAILABILITY" and "CRediT AUTHOR STATEMENT" in the 9 pt bold capitals of "V.
    # CONCLUSION", centred over their paragraphs, were no headings (recall 0.75).
    titles = [s.title for s in _parse(_revtex_paper()).sections]
    for want in ("INTRODUCTION", "CONCLUSION", "DATA AVAILABILITY", "CREDIT AUTHOR STATEMENT", "ACKNOWLEDGMENTS"):
        assert want in titles, titles


def _word_manuscript() -> pymupdf.Document:
    """A double-spaced Word manuscript in 11 pt Helvetica: bold headings over its text, its references, then a
    page that opens with "Figure legends" in bold, right over the first legend at the text's pitch."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Introduction", fontname="hebo", fontsize=11)
    y = _prose(page, 72, 106, 12, font="helv", size=11, pitch=25.4, width=460, start=11)
    page.insert_text((72, y), "and so the paragraph ends here.", fontname="helv", fontsize=11)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Results", fontname="hebo", fontsize=11)
    y = _prose(page, 72, 106, 12, font="helv", size=11, pitch=25.4, width=460)
    page.insert_text((72, y), "and so the paragraph ends here.", fontname="helv", fontsize=11)
    y += 50.8
    page.insert_text((72, y), "Discussion", fontname="hebo", fontsize=11)
    y = _prose(page, 72, y + 25.4, 8, font="helv", size=11, pitch=25.4, width=460, start=7)
    page.insert_text((72, y), "and so the paragraph ends here.", fontname="helv", fontsize=11)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "References", fontname="hebo", fontsize=11)
    y = 105.4
    for k in range(1, 9):
        page.insert_text((72, y), f"{k}.", fontname="helv", fontsize=11)
        page.insert_text((108, y), f"Author{k} A, Writer B. 201{k}. A study of the gut microbiota in mice.",
                         fontname="helv", fontsize=11)
        page.insert_text((108, y + 12.7), f"Journal of Studies {k}:{k}1-{k}9.", fontname="helv", fontsize=11)
        y += 38.1
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Figure legends", fontname="hebo", fontsize=11)
    y = 105.4
    for k in (1, 2):
        page.insert_text((72, y), f"Figure {k}. The microbiota changes with the treatment given to the mice.",
                         fontname="hebo", fontsize=11)
        y = _prose(page, 72, y + 25.4, 4, font="helv", size=11, pitch=25.4, width=460, start=3 * k)
        page.insert_text((72, y), "and so the legend ends here.", fontname="helv", fontsize=11)
        y += 50.8
    return doc


def test_a_bold_heading_right_over_the_first_legend_is_a_heading():
    # "Figure legends" at the text's pitch over "Figure 1. ..." was read as the legend's first line:
    # no heading (recall 0.88), and no caption of Figure 1.
    paper = _parse(_word_manuscript())
    titles = [s.title for s in paper.sections]
    assert "Figure legends" in titles, titles


def _plos_2013(three: bool = True) -> pymupdf.Document:
    """A PLOS page of 9 pt Times: sections in 10 pt bold, subsections in 10 pt Helvetica (regular)
    over one or two lines, and one subsection's long title wrapped over three lines."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((58, 70), "Results", fontname="tibo", fontsize=10)
    y = 88.0
    subs = [["Inferred Meta-pathways Distinguished Clinical Phenotypes"],
            ["Meta-pathway Analysis More Strongly Distinguishes Clinical", "Phenotypes than Hierarchical Clustering"],
            ["Enriched Pathways Reflect Known Biology and Identify Novel", "Activity of the Hedgehog and Wnt Pathways",
             "Specific to the Negative Tumors"],
            ["GLI1 Overexpression Confirms Hedgehog Pathway Activity in", "the Tumors"],
            ["Validation of Hedgehog Pathway Activation"]]
    for k, rows in enumerate(subs):
        for row in rows:
            page.insert_text((58, y), row, fontname="helv", fontsize=10)
            y += 12
        y = _prose(page, 58, y + 4, 5, size=9, pitch=11, width=480, start=3 * k)
        page.insert_text((58, y), "and so the paragraph ends here.", fontname="tiro", fontsize=9)
        y += 20
    return doc


def test_a_subheading_wrapped_over_three_lines_in_the_type_of_the_others():
    # PLOS 2013: a subsection's twenty-word title over three lines in the 10 pt face of its one- and
    # two-line subsections was too long for a heading (recall 0.94).
    titles = [s.title for s in _parse(_plos_2013()).sections]
    assert any(t.startswith("Enriched Pathways Reflect") for t in titles), titles
    assert "Validation of Hedgehog Pathway Activation" in titles, titles


def _with_type3_glyphs(doc: pymupdf.Document, page: pymupdf.Page, at: tuple[float, float], codes: bytes,
                       size: float = 12.0) -> None:
    """Sets `codes` at `at` in a Type 3 font whose glyphs (filled boxes) name no character: the text
    layer reads them as control codes, as it does an old paper's math fonts."""
    proc = doc.get_new_xref()
    doc.update_object(proc, "<< /Length 0 >>")
    doc.update_stream(proc, b"600 0 0 -200 500 800 d1 0 -200 500 1000 re f")
    font = doc.get_new_xref()
    names = " ".join(f"/g{c}" for c in sorted(set(codes)))
    procs = " ".join(f"/g{c} {proc} 0 R" for c in sorted(set(codes)))
    doc.update_object(font, "<< /Type /Font /Subtype /Type3 /FontBBox [0 -200 500 800] /FontMatrix [0.001 0 0 0.001 0 0]"
                            f" /CharProcs << {procs} >> /Encoding << /Type /Encoding /Differences [{min(codes)} {names}] >>"
                            f" /FirstChar {min(codes)} /LastChar {max(codes)} /Widths [{' '.join(['600'] * (max(codes) - min(codes) + 1))}]"
                            " /Resources << >> >>")
    fonts = doc.xref_get_key(page.xref, "Resources/Font")[1]
    doc.xref_set_key(page.xref, "Resources/Font", fonts[:-2] + f" /FT3 {font} 0 R>>")
    content = page.get_contents()[-1]
    doc.update_stream(content, doc.xref_stream(content) +
                      f"\nBT /FT3 {size:g} Tf 1 0 0 1 {at[0]:g} {page.rect.height - at[1]:g} Tm <{codes.hex()}> Tj ET\n".encode())


def _old_icml_paper() -> pymupdf.Document:
    """A page of 10 pt Times with numbered bold headings, and a display whose big operator is a Type 3
    glyph 12 pt high with the subscript "PD" in 7 pt beside it."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    y = 80.0
    for k, head in enumerate(("1 INTRODUCTION", "2 DEFINITIONS", "3 MARKOV GAMES")):
        page.insert_text((72, y), head, fontname="tibo", fontsize=12)
        y = _prose(page, 72, y + 18, 6, size=10, pitch=12, width=460, start=5 * k)
        page.insert_text((72, y), "and so the paragraph ends here.", fontname="tiro", fontsize=10)
        y += 24
        if k == 2:
            page.insert_text((150, y), "PD", fontname="tiro", fontsize=7)
            display = y
            y = _prose(page, 72, y + 20, 4, size=10, pitch=12, width=460, start=2)
            page.insert_text((72, y), "and so the paragraph ends here.", fontname="tiro", fontsize=10)
    _with_type3_glyphs(doc, page, (130, display), bytes([17, 19, 18]))
    return doc


def test_a_display_piece_of_unnamed_math_glyphs_is_no_heading():
    # ICML 1994: "\x11\x13\x12 PD", a big operator's Type 3 glyphs beside its subscript, measured 12 pt
    # by the operator over 10 pt text, was read as a section "PD" (precision 0.93).
    titles = [s.title for s in _parse(_old_icml_paper()).sections]
    assert not any("PD" in t for t in titles), titles
    assert "MARKOV GAMES" in titles, titles
