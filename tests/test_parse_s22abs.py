"""Abstracts of the twenty-second split's papers, on pages made here: a font whose ToUnicode gives
its ligatures as U+FFFF (ACM's Linux Libertine re-saved: "di\\uffffcult", "\\uffffe" opening a
sentence)."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_fonts import show, type3_font
from pdf_pages import WORDS, column, fill, paragraphs


def _ffff_glyph(doc, page, x: float, y: float, size: float = 10) -> float:
    """One glyph of a Type 3 font whose ToUnicode maps it to U+FFFF; the x after it."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfchar <61> <FFFF> endbfchar "
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    font = type3_font(doc, page, {97: "g7"}, name="LB", advance=500, glyph_box=(450, 700), to_unicode=cmap)
    show(doc, page, font, size, [(x, y, "a")])
    return x + 0.5 * size


def _row(doc, page, pieces: list[str], x: float, y: float) -> None:
    """Words with the U+FFFF glyph between the pieces, in one row from x."""
    for k, piece in enumerate(pieces):
        if k:
            x = _ffff_glyph(doc, page, x, y)
        page.insert_text((x, y), piece, fontname="helv", fontsize=10)
        x += pymupdf.get_text_length(piece, "helv", 10)


def test_ligatures_given_as_ffff_are_spelt_out_in_the_abstract_and_text(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 90), "Tracing Distributed Systems", fontname="hebo", fontsize=16)
    page.insert_text((220, 115), "Ada Lovelace and Charles Babbage", fontname="helv", fontsize=10)
    page.insert_text((72, 160), "Abstract", fontname="hebo", fontsize=12)
    _row(doc, page, ["Monitoring distributed systems is notoriously di", "cult; problems are varied. ", "e tools"],
         72, 178)
    y = column(page, fill(["used", "today"] + WORDS * 2, 450), 72, 190)
    page.insert_text((72, y + 20), "1 Introduction", fontname="hebo", fontsize=12)
    _row(doc, page, ["Our tracing is e", "cient and easy to use in production so", "ware of many kinds."], 72, y + 40)
    column(page, fill(WORDS * 4, 450), 72, y + 52)
    doc.save(tmp_path / "ffff.pdf")
    paper = parse_pdf(tmp_path / "ffff.pdf")
    assert paper.abstract.startswith("Monitoring distributed systems is notoriously difficult; problems are varied. "
                                     "The tools used today"), paper.abstract
    text = " ".join(paragraphs(paper))
    assert "Our tracing is efficient and easy to use in production software of many kinds." in text, text
    assert "\uffff" not in text


def test_a_long_list_of_authors_in_capitals_is_no_abstract(tmp_path):
    # ACM's journals: the names in capitals, over forty words in five lines, above the abstract,
    # which has no label; the names were taken for the abstract.
    names = ", ".join(f"{first} {last}" for first, last in zip(
        ["ADA", "CHARLES", "GRACE", "ALAN", "EDSGER", "BARBARA", "DONALD", "JOHN", "NIKLAUS", "TONY", "LESLIE",
         "FRANCES", "ROBIN", "DANA", "KEN", "DENNIS", "MICHAEL", "SHAFI", "SILVIO", "RONALD", "ADI"],
        ["LOVELACE", "BABBAGE", "HOPPER", "TURING", "DIJKSTRA", "LISKOV", "KNUTH", "BACKUS", "WIRTH", "HOARE",
         "LAMPORT", "ALLEN", "MILNER", "SCOTT", "THOMPSON", "RITCHIE", "STONEBRAKER", "GOLDWASSER", "MICALI",
         "RIVEST", "SHAMIR"])) + ", and LEONARD ADLEMAN, Example Labs, USA"
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 90), "Disaggregating the Storage Engine: A Production Experience", fontname="hebo", fontsize=14)
    y = column(page, fill(names.split(), 460, size=11), 72, 115, size=11, pitch=13)
    abstract = ["As", "in", "the", "general", "industry,"] + WORDS * 2 + ["done."]
    y = column(page, fill(abstract, 460, size=9), 72, y + 12, size=9, pitch=11)
    page.insert_text((72, y + 24), "1 INTRODUCTION", fontname="hebo", fontsize=10)
    column(page, fill(WORDS * 5, 460), 72, y + 40)
    doc.save(tmp_path / "names.pdf")
    paper = parse_pdf(tmp_path / "names.pdf")
    assert (paper.abstract or "").startswith("As in the general industry, the model reads"), paper.abstract


def test_a_line_in_larger_type_at_the_page_foot_is_no_title_over_the_abstract(tmp_path):
    # A 1987 letters journal's scan: title, names and an abstract without a label in the body's type
    # or smaller, no headings; the publisher's line at the page's foot reads a size larger than all of
    # them, was taken for the title, and every paragraph above it for a notice over the title.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((90, 110), "HYBRID SAMPLING OF LATTICES", fontname="hebo", fontsize=10)
    page.insert_text((90, 130), "Ada LOVELACE", fontname="helv", fontsize=10)
    page.insert_text((90, 142), "Department of Engines, University of London, London, UK", fontname="helv", fontsize=9)
    y = column(page, fill(["We", "present", "a", "new", "method."] + WORDS * 2 + ["done."], 400, size=9),
               100, 180, size=9, pitch=11)
    y = column(page, fill(WORDS * 6, 460), 72, y + 24)
    column(page, ["0370-2693/87/$ 03.50 © Example Science Publishers B.V.", "(North-Holland Physics Publishing Division)"], 300, 600, size=10.5)
    doc.save(tmp_path / "foot.pdf")
    paper = parse_pdf(tmp_path / "foot.pdf")
    assert (paper.abstract or "").startswith("We present a new method. the model reads"), paper.abstract


def test_the_abstract_is_found_on_the_paper_page_after_a_summary_page(tmp_path):
    # Cell Press's The Innovation: page 1 holds title, names, a graphical abstract and the public
    # summary's short bullets; page 2 prints title and names again over the abstract, which has no
    # label, and the introduction. Only page 1 was looked at.
    doc = pymupdf.open()

    def new_page():
        page = doc.new_page(width=612, height=792)
        page.insert_text((480, 30), "The Journal", fontname="helv", fontsize=8)  # (the running heads)
        page.insert_text((72, 45), "Review", fontname="hebo", fontsize=8)
        return page
    for page_number in range(2):
        page = new_page()
        x = 72 - 3 * page_number
        page.insert_text((x, 80), "practices in post-pandemic era", fontname="hebo", fontsize=22)
        page.insert_text((x, 105), "Ada Lovelace, Charles Babbage and Grace Hopper", fontname="helv", fontsize=8)
        if page_number == 0:
            page.insert_text((72, 140), "Public summary", fontname="hebo", fontsize=9)
            column(page, ["- Fraud in the era is becoming more sophisticated.",
                          "- We review the development of fraud detection.",
                          "- Future directions of detection are discussed."], 72, 160, size=8, pitch=14)
            continue
        y = column(page, fill(["The", "great", "losses", "caused", "by", "fraud."] + WORDS * 2 + ["done."], 460, size=8),
                   72, 150, size=8, pitch=10)
        page.insert_text((72, y + 24), "INTRODUCTION", fontname="hebo", fontsize=9)
        column(page, fill(WORDS * 5, 460, size=8), 72, y + 40, size=8, pitch=10)
    for _ in range(2):
        column(new_page(), fill(WORDS * 12, 460, size=8), 72, 80, size=8, pitch=10)
    doc.save(tmp_path / "summary.pdf")
    paper = parse_pdf(tmp_path / "summary.pdf")
    assert (paper.abstract or "").startswith("The great losses caused by fraud. the model reads"), paper.abstract


def test_a_magazine_standfirst_under_the_title_is_the_abstract(tmp_path):
    # IEEE Pervasive Computing: under the title a standfirst of two sentences in bold italic, a size
    # larger than the text, then the names and the text with no heading; the standfirst has fewer
    # than forty words, and the text's first long paragraph was taken for the abstract.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), "The Mobile Sensing Platform", fontname="hebo", fontsize=30)
    standfirst = ("The platform is a small wearable device designed for embedded activity recognition. It aims "
                  "at broadly supporting context-aware ubiquitous computing applications.").split()
    y = column(page, fill(standfirst, 400, font="hebi", size=10.5), 72, 150, font="hebi", size=10.5, pitch=13)
    page.insert_text((72, y + 20), "Ada Lovelace, Charles Babbage", fontname="hebo", fontsize=10)
    page.insert_text((72, y + 33), "Example Research", fontname="heit", fontsize=10)
    column(page, fill(["Activity-aware", "systems", "have", "inspired", "novel", "interfaces."] + WORDS * 6, 460,
                      font="tiro", size=9.5), 72, y + 60, font="tiro", size=9.5, pitch=11.5)
    doc.save(tmp_path / "standfirst.pdf")
    paper = parse_pdf(tmp_path / "standfirst.pdf")
    assert (paper.abstract or "").startswith("The platform is a small wearable device designed"), paper.abstract


def test_the_abstract_under_a_title_printed_below_another_articles_end(tmp_path):
    # Science's reports: page 1 opens with the end of the article before (its text, its "References
    # and Notes"); the paper's title in large type, its names and its lead paragraph, the abstract,
    # stand under them. The other article's last paragraph was taken for the abstract.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    column(page, fill(["The", "setup", "for", "measuring", "is", "described."] + WORDS * 5, 160, font="tiro", size=9),
           40, 60, font="tiro", size=9, pitch=11)
    page.insert_text((230, 60), "References and Notes", fontname="tibo", fontsize=8)
    column(page, [f"{k}. A. Author, B. Author, Journal {k} (2006)." for k in range(1, 12)], 230, 72, font="tiro",
           size=7, pitch=9)
    page.insert_text((230, 420), "Reducing the Size of Data", fontname="hebo", fontsize=22)
    page.insert_text((230, 445), "G. E. Hinton and R. R. Salakhutdinov", fontname="hebo", fontsize=9)
    lead = ["High-dimensional", "data", "can", "be", "converted", "to", "codes."] + WORDS * 2 + ["done."]
    y = column(page, fill(lead, 330, font="hebo", size=9), 230, 465, font="hebo", size=9, pitch=11)
    column(page, fill(WORDS * 3, 330, font="tiro", size=9), 230, y + 14, font="tiro", size=9, pitch=11)
    doc.save(tmp_path / "late.pdf")
    paper = parse_pdf(tmp_path / "late.pdf")
    assert (paper.abstract or "").startswith("High-dimensional data can be converted to codes."), paper.abstract
