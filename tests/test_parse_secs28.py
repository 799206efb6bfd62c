"""Section headings of the eighteenth split's papers, each on a page made here: a magazine's faked
small capitals whose text layer garbles the letters' case, and a journal's subheads bold only in the
glyphs of a hashed font, beside a text face whose stems are heavy too and figure labels whose font
names its weight."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.pdf_pages import lines


def _titles(paper) -> list[tuple[str | None, str]]:
    return [(s.number, s.title) for s in paper.sections]


def _small_caps_row(page, x: float, y: float, runs: list[str], big: float) -> None:
    """A heading in small capitals faked at two sizes of one font: the runs alternate between the
    large size (initials) and 80 % of it, set one after the other on one baseline, in the case the
    text layer gives them (not the case printed)."""
    for k, run in enumerate(runs):
        size = big if k % 2 == 0 else 0.8 * big
        page.insert_text((x, y), run, fontname="hebo", fontsize=size)
        x += pymupdf.get_text_length(run, fontname="hebo", fontsize=size)


def test_small_capitals_with_garbled_case_are_headings(tmp_path):
    """IEEE Wireless Communications: headings in small capitals faked at 18 and 14.4 pt (15 and
    12 pt for subheadings), whose font maps some capitals to lower-case codes and some small
    capitals to upper-case ones: "f" + "uture" + " r" + "eseArch" + " d" + "IrectIons". The sizes
    tell the case: the large letters are capitals, the small ones lower case."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Intelligible Protocol Learning for Slicing", fontname="tiro", fontsize=20)
    _small_caps_row(page, 72, 130, ["I", "ntroduction"], 18)
    y, k = lines(page, 72, 300, 150, 14, size=9)
    _small_caps_row(page, 72, y + 14, ["f", "uture", " r", "eseArch", " d", "IrectIons"], 18)
    y, k = lines(page, 72, 300, y + 34, 8, size=9, start=k)
    _small_caps_row(page, 72, y + 12, ["s", "cAlAbIlItY", " ", "of", " P", "rotocol", " l", "eArnIng"], 15)
    y, k = lines(page, 72, 300, y + 30, 8, size=9, start=k)
    _small_caps_row(page, 72, y + 14, ["c", "onclusIon"], 18)
    lines(page, 72, 300, y + 34, 8, size=9, start=k)
    path = tmp_path / "magazine.pdf"
    doc.save(path)
    titles = [title for _, title in _titles(parse_pdf(path))]
    assert "Future Research Directions" in titles, titles
    assert "Scalability of Protocol Learning" in titles, titles
    assert "Conclusion" in titles, titles


def test_small_capitals_in_right_case_are_kept_as_printed(tmp_path):
    """A row in faked small capitals whose case reads right keeps it: "T" + "echnical" + " C" +
    "hallenges" is not read anew (nor is a large run's acronym, "6G")."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Intelligible Protocol Learning for Slicing", fontname="tiro", fontsize=20)
    _small_caps_row(page, 72, 130, ["I", "ntroduction"], 18)
    y, k = lines(page, 72, 300, 150, 14, size=9)
    _small_caps_row(page, 72, y + 14, ["T", "echnical", " C", "hallenges", " ", "in", " 6G N", "etworks"], 18)
    lines(page, 72, 300, y + 34, 8, size=9, start=k)
    path = tmp_path / "right.pdf"
    doc.save(path)
    titles = [title for _, title in _titles(parse_pdf(path))]
    assert "Technical Challenges in 6G Networks" in titles, titles


def _hashed(code: str, name: str) -> bytes:
    """A bold base-14 font under a hashed name that says no weight (as a typesetter that renames its
    fonts embeds them), its program's weight rewritten to Regular (`name` as long as the font's own)."""
    buffer = pymupdf.Font(code).buffer
    own = {"cobo": b"NimbusMonoPS-Bold", "tibo": b"NimbusRoman-Bold"}[code]
    assert len(name) == len(own) and buffer.count(bytes([248, 20, 4])) == 1
    return buffer.replace(bytes([248, 20, 4]), bytes([248, 24, 4])).replace(own, name.encode()).replace(b"Bold", b"Fett")


def _hashed_font(doc, page, alias: str, code: str, name: str) -> str:
    page.insert_font(fontname=alias, fontbuffer=_hashed(code, name))
    xref = next(f[0] for f in page.get_fonts() if f[4] == alias)
    doc.xref_set_key(xref, "BaseFont", f"/{name}")
    return alias


def _subheads_paper(path, text_hashed: bool, figure_labels: bool) -> None:
    """A journal's pages: "Results" in Times Bold on page 1, then subheads at about the text's size
    in Times Bold under a hashed name that says no weight; the text in Times, or (`text_hashed`) in
    Courier Bold under a hashed name (stems of 0.108 em, over the bold threshold, as Nature
    Communications' text face); (`figure_labels`) a figure's panel label in Helvetica-Bold on each page."""
    from tests.test_parse_reprint25 import _body

    doc = pymupdf.open()
    k = 0
    for page_index, subheads in enumerate((("Data for learning", "Problem modeling"),
                                           ("Baseline methods", "Training details"))):
        page = doc.new_page(width=612, height=792)
        text = _hashed_font(doc, page, "F1", "cobo", "AdvOTdd63dae3abcd") if text_hashed else "tiro"
        head = _hashed_font(doc, page, "F2", "tibo", "AdvOT70e1938eabc")
        y = 72.0
        if page_index == 0:
            page.insert_text((72, y), "Offline learning for energy management", fontname="tiro", fontsize=18)
            page.insert_text((72, y + 40), "Results", fontname="tibo", fontsize=12)
            y += 56
        for subhead in subheads:
            page.insert_text((72, y), subhead, fontname=head, fontsize=10.5)
            y, k = _body(page, y + 14, 12, text, k)
            y += 10
        if figure_labels:
            page.insert_text((72, y + 20), "a", fontname="hebo", fontsize=9)
            page.draw_rect(pymupdf.Rect(82, y + 10, 300, y + 120), color=(0, 0, 0))
    doc.save(path)


def test_hashed_text_face_with_heavy_stems_is_not_bold_beside_bolder_subheads(tmp_path):
    """Nature Communications: every font's name is a hash; the text face draws stems of 0.109 em,
    over the bold threshold, its subheads (at about the text's size) 0.153 em. The running text's
    face is the page's regular one; the subheads, clearly heavier, are bold."""
    path = tmp_path / "hashed.pdf"
    _subheads_paper(path, text_hashed=True, figure_labels=False)
    titles = [title for _, title in _titles(parse_pdf(path))]
    assert titles[-4:] == ["Data for learning", "Problem modeling", "Baseline methods", "Training details"], titles


def test_hashed_subheads_bold_on_pages_whose_figures_name_a_weight(tmp_path):
    """A hashed font's weight is read from its glyphs on a page where another font names its weight
    (a figure's panel label in "Helvetica-Bold" on every page), as on one that names none."""
    path = tmp_path / "figures.pdf"
    _subheads_paper(path, text_hashed=False, figure_labels=True)
    titles = [title for _, title in _titles(parse_pdf(path))]
    assert titles[-4:] == ["Data for learning", "Problem modeling", "Baseline methods", "Training details"], titles


def _back_matter_band_paper(path) -> None:
    """PLOS ONE (3B2): the last text page's two columns end balanced, the right one with the back
    matter ("Acknowledgments"); then "References" in the left column and the bibliography in two
    columns of 7 pt under it, both starting on one line."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((58, 80), "Deep Bottleneck Features for Language Identification", fontname="tibo", fontsize=16)
    page.insert_text((58, 120), "Introduction", fontname="hebo", fontsize=10)
    y, k = lines(page, 58, 297, 136, 50, size=9)
    lines(page, 315, 554, 80, 56, size=9, start=k)
    page = doc.new_page(width=612, height=792)
    page.insert_text((58, 80), "Conclusions", fontname="hebo", fontsize=10)
    y, k = lines(page, 58, 297, 96, 14, size=9, start=k)
    page.insert_text((315, 80), "Acknowledgments", fontname="hebo", fontsize=10)
    lines(page, 315, 554, 96, 13, size=9, start=k)
    page.insert_text((58, y + 14), "References", fontname="hebo", fontsize=10)
    top = y + 30
    for column, x in enumerate((58, 315)):
        y = top
        for n in range(1, 13):
            number = 12 * column + n
            page.insert_text((x, y), f"{number}. Author{number} A, Writer B ({1990 + number}) A study of spoken "
                                     f"language number {number}.", fontname="tiro", fontsize=7)
            page.insert_text((x + 10, y + 8), f"Journal of Speech {number}: {number}1-{number}9.", fontname="tiro",
                             fontsize=7)
            y += 17
    doc.save(path)


def test_bibliography_columns_under_a_heading_below_balanced_columns(tmp_path):
    path = tmp_path / "plos.pdf"
    _back_matter_band_paper(path)
    paper = parse_pdf(path)
    assert len(paper.references) == 24, [str(r)[:40] for r in paper.references]
    ack = next(s for s in paper.sections if s.title == "Acknowledgments")
    assert not any("Author13" in p.text for p in ack.paragraphs)


def test_subsection_right_under_its_section_is_a_heading_of_its_own(tmp_path):
    """IEEE ICIP: "2. FAST λ1-MIN ALGORITHMS" centred in bold capitals (bold but for its math
    letter), "2.1. Gradient Projection Methods" in bold right under it at the column's edge: the
    subsection's number goes on from the section's, so the two are two headings, not one heading
    wrapped."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 72), "Fast Minimization Algorithms: A Review", fontname="tibo", fontsize=14)
    page.insert_text((130, 110), "1. INTRODUCTION", fontname="tibo", fontsize=10)
    y, k = lines(page, 54, 297, 126, 20, size=10)
    x = 110.0
    for text, font, size in (("2. FAST ", "tibo", 10), ("l", "symb", 10), ("1", "tiro", 7), ("-MIN ALGORITHMS", "tibo", 10)):
        page.insert_text((x, y + 14), text, fontname=font, fontsize=size)
        x += pymupdf.get_text_length(text, fontname=font, fontsize=size)
    page.insert_text((54, y + 29), "2.1. Gradient Projection Methods", fontname="tibo", fontsize=10)
    lines(page, 54, 297, y + 45, 20, size=10, start=k)
    path = tmp_path / "icip.pdf"
    doc.save(path)
    titles = _titles(parse_pdf(path))
    assert [number for number, _ in titles if number and number.startswith("2")] == ["2", "2.1"], titles
    assert ("2.1", "Gradient Projection Methods") in titles, titles


def test_heading_whose_word_spaces_are_only_gaps_is_read_by_them(tmp_path):
    """VLDB 2017: "3. LOOKAHEAD INFORMATION PASSING" in bold, its words set apart by 0.12 to 0.15 em of
    positioning and no space character, which the text layer reads "LOOKAHEADINFORMATIONPASSING":
    the heading's row is read again by the gaps between its letters."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 72), "Looking Ahead Makes Query Plans Robust", fontname="tibo", fontsize=16)
    page.insert_text((54, 110), "1. INTRODUCTION", fontname="tibo", fontsize=12)
    y, k = lines(page, 54, 297, 128, 20, size=9)
    page.insert_text((54, y + 16), "3.", fontname="tibo", fontsize=12)
    lines(page, 54, 297, y + 34, 20, size=9, start=k)
    # (the words in one TJ array, set apart by -120 thousandths of the em and no space character)
    page.clean_contents()
    font = next(f[4] for f in page.get_fonts() if f[3] == "Times-Bold")
    xref = page.get_contents()[0]
    doc.update_stream(xref, doc.xref_stream(xref) + f"\nBT /{font} 12 Tf 1 0 0 1 74 {792 - y - 16} Tm "
                      f"[(LOOKAHEAD) -120 (INFORMATION) -120 (PASSING)] TJ ET\n".encode())
    path = tmp_path / "vldb.pdf"
    doc.save(path)
    text = " ".join(s["text"] for b in pymupdf.open(path)[0].get_text("dict")["blocks"] for ln in b.get("lines", ())
                    for s in ln["spans"])
    assert "LOOKAHEADINFORMATION" in text.replace(" ", "") and "LOOKAHEAD INFORMATION" not in text
    titles = _titles(parse_pdf(path))
    assert ("3", "LOOKAHEAD INFORMATION PASSING") in titles or ("3", "Lookahead Information Passing") in titles, titles


def test_columns_breaking_level_beside_a_heading_in_one_type_are_read_in_turn(tmp_path):
    """Two columns of one text in one type, set on a grid, may break level beside a heading in the
    left column (the right column's paragraph gap on the heading's rows): the left column is read to
    its foot, the right one after it; the text at the right column's top is under the heading."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((58, 72), "Memory Access Patterns of Scientific Codes", fontname="tibo", fontsize=16)
    page.insert_text((58, 110), "1 INTRODUCTION", fontname="tibo", fontsize=10)
    y, k = lines(page, 58, 297, 126, 40, size=9)
    page = doc.new_page(width=612, height=792)
    y, k = lines(page, 58, 297, 72, 20, size=9, start=k)
    page.insert_text((58, y + 10), "6 EVALUATION", fontname="tibo", fontsize=10)
    lines(page, 58, 297, y + 26, 20, size=9, start=k)
    page.insert_text((315, 72), "Zebra crossings mark the top of the right column.", fontname="tiro", fontsize=9)
    lines(page, 315, 554, 72 + 10.8, 19, size=9, start=k + 400)
    lines(page, 315, 554, y + 26, 20, size=9, start=k + 800)
    path = tmp_path / "grid.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    evaluation = next(s for s in paper.sections if "EVALUATION" in s.title.upper())
    assert any("Zebra crossings" in p.text for p in evaluation.paragraphs), [s.title for s in paper.sections]
