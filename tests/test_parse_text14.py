import pymupdf

from paperkit.reading import parse

WORDS = ("the model reads each series of values and learns how the patterns of the past shape the "
         "values that follow in time while the cost of doing so stays low for long inputs and many "
         "variates").split()


def _prose_lines(n: int, start: int = 0) -> list[str]:
    """n justified-looking lines of running words (no full stop), about 60 characters each."""
    out, k = [], start
    for _ in range(n):
        line = []
        while len(" ".join(line)) < 52:
            line.append(WORDS[k % len(WORDS)])
            k += 1
        out.append(" ".join(line))
    return out


def _stix_paper(tmp_path, body_font: str = "/STIXGeneral-Regular"):
    """Two pages in two columns, the text set in STIX's text face (as Elsevier's cas-dc class sets it):
    a numbered bold heading, a sentence cut at the column break, and a numbered bibliography."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=794)
    page.insert_text((51, 60), "1. Introduction", fontname="tibo", fontsize=12)
    y = 80
    for text in _prose_lines(40):
        page.insert_text((51, y), text, fontname="tiro", fontsize=10)
        y += 12
    page.insert_text((51, y), "has also attracted numerous researchers to focus on time", fontname="tiro", fontsize=10)
    page.insert_text((307, 60), "series forecasting tasks [3]. The transformer is utilized by many", fontname="tiro", fontsize=10)
    y = 72
    for text in _prose_lines(20, 7):
        page.insert_text((307, y), text, fontname="tiro", fontsize=10)
        y += 12
    page.insert_text((307, y), "and so the section ends here.", fontname="tiro", fontsize=10)
    page = doc.new_page(width=595, height=794)
    page.insert_text((51, 60), "2. Related Work", fontname="tibo", fontsize=12)
    y = 80
    for text in _prose_lines(10, 3):
        page.insert_text((51, y), text, fontname="tiro", fontsize=10)
        y += 12
    page.insert_text((51, y), "as the works below [1, 2, 3] show.", fontname="tiro", fontsize=10)
    y += 30
    page.insert_text((51, y), "References", fontname="tibo", fontsize=12)
    y += 20
    for k, entry in enumerate(("Abdollah, M., 2022. A new model for forecasting returns. Journal 5, 1-9.",
                               "Ahamed, M.A., Cheng, Q., 2024. A series is worth four models. arXiv.",
                               "Bai, S., Kolter, J.Z., 2018. An evaluation of generic networks. arXiv.",
                               "Chen, S., Li, C., 2023. Mixing layers for forecasting. TMLR 2, 11-20.")):
        page.insert_text((51, y), f"[{k + 1}] {entry}", fontname="tiro", fontsize=8)
        y += 11
    for p in doc:
        for font in p.get_fonts():
            if font[3] == "Times-Roman":
                doc.xref_set_key(font[0], "BaseFont", body_font)
            elif font[3] == "Times-Bold":
                doc.xref_set_key(font[0], "BaseFont", "/STIXGeneral-Bold")
    path = tmp_path / "stix.pdf"
    doc.save(path)
    return parse.parse_pdf(path)


def test_stix_text_face_is_prose_not_mathematics(tmp_path):
    # Elsevier's cas-dc class (2024) sets its body in STIXGeneral: its lines were all read as math,
    # every paragraph as a display, so no sentence went on over a column break, no heading was found
    # and no bibliography entry was taken. STIX's math fonts are named STIXMath, STIXSizeOneSym...
    paper = _stix_paper(tmp_path)
    assert [s.title for s in paper.sections][:2] == ["Introduction", "Related Work"]
    assert any("focus on time series forecasting tasks [3]." in p.text for s in paper.sections for p in s.paragraphs)
    assert len(paper.references) == 4


def test_stix_math_font_is_still_mathematics():
    assert parse._font_traits("ABCDEF+STIXMath-Regular")[3]
    assert parse._font_traits("STIXSizeOneSym-Regular")[3]
    assert not parse._font_traits("ABCDEF+STIXGeneral-Regular")[3]
    assert not parse._font_traits("STIXTwoText-Italic")[3]


def _table_over_text_over_foot(tmp_path, foot_rule: bool = True):
    """A page of Elsevier's cas-dc preprint: a table across the page, two columns of text under it,
    and under them the running foot under its hairline across the text width."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=794)
    page.insert_text((51, 60), "1. Introduction", fontname="tibo", fontsize=12)
    y = 80
    for text in _prose_lines(20):
        page.insert_text((51, y), text, fontname="tiro", fontsize=10)
        y += 12
    page.insert_text((51, y), "and so the section goes on.", fontname="tiro", fontsize=10)
    page = doc.new_page(width=595, height=794)
    page.insert_text((51, 40), "Is it effective for forecasting?", fontsize=9)
    y = 70
    for text in _prose_lines(12):
        page.insert_text((51, y), text, fontsize=10, fontname="tiro")
        page.insert_text((307, y), text, fontsize=10, fontname="tiro")
        y += 12
    page.insert_text((51, y), "the results follow in the table below.", fontsize=10, fontname="tiro")
    page.insert_text((307, y), "and the results follow in the table below.", fontsize=10, fontname="tiro")
    page.insert_text((51, 255), "Table 3", fontsize=9)
    page.insert_text((51, 267), "Full results of the model and the baselines on four datasets.", fontsize=9)
    y = 290
    page.draw_line((54, y - 10), (541, y - 10), color=(0, 0, 0), width=0.5)
    for row in range(30):
        for col in range(8):
            page.insert_text((60 + col * 60, y), f"0.{300 + 7 * row + col}", fontsize=7)
        if row % 4 == 3:
            page.draw_line((54, y + 3), (541, y + 3), color=(0, 0, 0), width=0.4)
        y += 12
    page.draw_line((54, y - 8), (541, y - 8), color=(0, 0, 0), width=0.5)  # the table's last rule, y 642
    y += 28  # two columns of prose 30 pt under the table
    left = ["predictions of the model and the leading baseline, on four",
            "datasets through graphical representation. Specifically, we",
            "randomly select a variate and then input its sequence,"]
    right = ["depicted as a blue line and the forecast as a red line in",
             "the figure. It is evident that on all of the datasets the",
             "predictions closely approximate the values."]
    for a, b in zip(left, right):
        page.insert_text((51, y), a, fontsize=10, fontname="tiro")
        page.insert_text((307, y), b, fontsize=10, fontname="tiro")
        y += 12
    if foot_rule:
        page.draw_line((51, 754), (544, 754), color=(0, 0, 0), width=0.4)
    page.insert_text((51, 765), "A. Author et al.: Preprint submitted to Elsevier", fontsize=9)
    page.insert_text((495, 765), "Page 7 of 14", fontsize=9)
    path = tmp_path / "foot.pdf"
    doc.save(path)
    return parse.parse_pdf(path)


def test_running_foot_rule_does_not_pull_a_table_over_the_text_above_it(tmp_path):
    # Elsevier's cas-dc preprint: the hairline over the running foot, 86 pt under Table 3's last rule,
    # joined the table's drawing; the two columns of text between them went into the table.
    paper = _table_over_text_over_foot(tmp_path)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "graphical representation. Specifically, we randomly select" in text
    assert "It is evident that on all of the datasets" in text
    table = next(t for t in paper.tables if t.number == "3")
    assert table.bbox is not None and table.bbox[3] < 660, table.bbox


def _columns(page, lines: list[str], size: float, top: float = 60, bottom: float = 740, font: str = "tiro") -> None:
    """Lines of text down the left column, then the right one."""
    x, y = 42, top
    for text in lines:
        page.insert_text((x, y), text, fontname=font, fontsize=size)
        y += size * 1.15
        if y > bottom:
            if x > 300:
                break
            x, y = 304, top


def test_introduction_under_an_unlabelled_abstract_in_type_larger_than_the_methods(tmp_path):
    # Nature Machine Intelligence: no "Abstract" label and no "Introduction" heading; the introduction
    # runs under the abstract in 9.3 pt, the methods and references later in 7.5 pt, more characters
    # in all, so the body's size by count is 7.5 pt. Page 1's paragraphs were taken for front matter.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=791)
    page.insert_text((42, 110), "Learning plastic matching of robot dynamics", fontname="hebo", fontsize=24)
    page.insert_text((42, 170), "Felix Ruppert and Alexander Sprowitz", fontname="helv", fontsize=12)
    y = 200
    for text in ("Animals achieve agile locomotion with reduced control effort and energy efficiency by using the",
                 "compliance in their muscles and tendons. However, it is not known how locomotion controllers learn",
                 "to use the intelligence embodied in their leg mechanics. Here we present a framework to match the",
                 "control patterns and the mechanics based on the concept of elasticity and long-term plasticity."):
        page.insert_text((42, y), text, fontname="hebo", fontsize=9.5)
        y += 10.5
    intro = _prose_lines(36) + ["ments produce forces comparable to the actuators. The challenge",
                                "of how a controller learns to use those dynamics then arises."]
    _columns(page, intro, 9.3, top=300, bottom=720)
    page = doc.new_page(width=595, height=791)
    _columns(page, _prose_lines(100, 5) + ["and so the introduction ends here."], 9.3)
    for k in range(3):
        page = doc.new_page(width=595, height=791)
        if k == 0:
            page.insert_text((42, 50), "Methods", fontname="hebo", fontsize=10)
        _columns(page, _prose_lines(150, k) + ["and the methods end here."], 7.5, top=62)
    path = tmp_path / "nature.pdf"
    doc.save(path)
    paper = parse.parse_pdf(path)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "ments produce forces comparable to the actuators. The challenge" in text


def test_unlabelled_abstract_goes_on_at_the_top_of_page_two(tmp_path):
    # IJHCI 2007: the abstract, indented in 9 pt under the names without a label, fills page 1 down
    # to the notes and ends "... field trials of other tech-"; "nology, applications, ..." opens page
    # 2 over the first heading. It was a paragraph of its own, in a section without a heading.
    doc = pymupdf.open()
    page = doc.new_page(width=504, height=720)
    page.insert_text((131, 166), "Conducting In Situ Evaluations for Computing", fontname="hebo", fontsize=14.5)
    page.insert_text((330, 215), "Sunny Consolvo", fontname="hebo", fontsize=11)
    page.insert_text((330, 227), "Intel Research Seattle, WA", fontname="helv", fontsize=9)
    y = 420
    for text in _prose_lines(10) + ["and the tools that are proposed will be useful for the field trials of other tech-"]:
        page.insert_text((89, y), text, fontname="tiro", fontsize=9)
        y += 11
    page.insert_text((89, 565), "Thanks to the many researchers, staff, and participants who have helped us.", fontname="tiro", fontsize=8)
    page.insert_text((77, 575), "Correspondence should be sent to Sunny Consolvo, Seattle, WA 98105.", fontname="tiro", fontsize=8)
    page = doc.new_page(width=504, height=720)
    page.insert_text((79, 95), "nology, applications, or formative studies that are concerned with data in", fontname="tiro", fontsize=9)
    page.insert_text((79, 106), "situ.", fontname="tiro", fontsize=9)
    page.insert_text((67, 143), "1. INTRODUCTION", fontname="hebo", fontsize=10)
    y = 167
    for text in _prose_lines(30, 3) + ["and so the introduction ends."]:
        page.insert_text((67, y), text, fontname="tiro", fontsize=10)
        y += 12
    path = tmp_path / "ijhci.pdf"
    doc.save(path)
    paper = parse.parse_pdf(path)
    assert paper.abstract is not None and paper.abstract.endswith(
        "field trials of other technology, applications, or formative studies that are concerned with data in situ.")
    assert not any(p.text.startswith("nology") for s in paper.sections for p in s.paragraphs)


def test_a_few_lines_in_each_column_over_figures_read_column_by_column(tmp_path):
    # Computers and Geotechnics (Elsevier, 2012), page 8: "5. Examples" and two lines in the left
    # column, "5.1. Collapse of granular column" and two lines in the right one, then two figures
    # across the page. Three lines a column were too few for two columns: the rows were read across
    # the gutter, each sentence cut in two.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=794)
    page.insert_text((33, 60), "4. Method", fontname="tibo", fontsize=8)
    _columns(page, _prose_lines(120) + ["and so the method is complete."], 8, top=80, bottom=740)
    page = doc.new_page(width=595, height=794)
    page.insert_text((33, 75), "5. Examples", fontname="tibo", fontsize=8)
    page.insert_text((44, 95), "In the following, two examples demonstrating the capabilities", fontname="tiro", fontsize=8)
    page.insert_text((33, 106), "of the methods developed are presented.", fontname="tiro", fontsize=8)
    page.insert_text((302, 75), "5.1. Collapse of granular column", fontname="tiit", fontsize=8)
    page.insert_text((313, 95), "The first example concerns the collapse of a granular column.", fontname="tiro", fontsize=8)
    page.insert_text((302, 106), "The setup is as shown in the figure: at time zero a column is", fontname="tiro", fontsize=8)
    for y0 in (125, 500):
        page.draw_rect((121, y0, 461, y0 + 340), color=(0, 0, 0), fill=(0.8, 0.8, 0.8))
    page.insert_text((147, 480), "Fig. 7. Collapse of granular column (time step 0.04, aspect ratio 1.42).", fontname="tiro", fontsize=6.5)
    page.insert_text((172, 855 - 100), "Fig. 8. Granular column at time 4.0 (aspect ratio 1.42).", fontname="tiro", fontsize=6.5)
    path = tmp_path / "columns.pdf"
    doc.save(path)
    paper = parse.parse_pdf(path)
    texts = [p.text for s in paper.sections for p in s.paragraphs]
    assert "In the following, two examples demonstrating the capabilities of the methods developed are presented." in texts
    assert any(t.startswith("The first example concerns the collapse of a granular column. The setup is") for t in texts)


def test_sentence_goes_on_under_a_drawing_in_its_column(tmp_path):
    # IEEE Access (Word): "... KRI facilitates a value-at-risk" over a plot set in the left column,
    # "approach. Consequently, ..." under it. With no text between, nothing said the paragraph was
    # interrupted, and the sentence was cut in two.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((47, 60), "4. Results", fontname="tibo", fontsize=10)
    y = 80
    for text in _prose_lines(5) + ["These findings show that while the first score optimizes",
                                   "for detection density, the second facilitates a value-at-risk"]:
        page.insert_text((47, y), text, fontname="tiro", fontsize=10)
        y += 12
    page.draw_rect((60, y, 280, y + 130), color=(0, 0, 0), fill=(0.2, 0.4, 0.8))
    y += 150
    for text in ["approach. Consequently, these metrics should be viewed as", "complementary instruments."]:
        page.insert_text((47, y), text, fontname="tiro", fontsize=10)
        y += 12
    y = 60
    for text in _prose_lines(40, 2):  # the right column
        page.insert_text((320, y), text, fontname="tiro", fontsize=10)
        y += 12
    path = tmp_path / "drawing.pdf"
    doc.save(path)
    paper = parse.parse_pdf(path)
    assert any("facilitates a value-at-risk approach. Consequently" in p.text for s in paper.sections for p in s.paragraphs)


def test_short_last_line_over_a_framed_box_stays_with_its_paragraph(tmp_path):
    # IEEE (arXiv, 2023): "... boosted trees [Chen and Guestrin(2016)]. We also provide" / "a
    # comparison to a transformer-based neural network in" / "subsection 6.1." right over the top
    # edge of a box framed round the next paragraph. The two lines over it are dense with citations
    # and compounds, too few plain words to read as prose, so the short line went into the box.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 60), "4. Methods", fontname="tibo", fontsize=10)
    y = 80
    for text in _prose_lines(6) + ["efforts on tuning a common implementation of gradient",
                                   "boosted trees [Chen and Guestrin(2016)]. We also provide",
                                   "a comparison to a transformer-based neural network in"]:
        page.insert_text((54, y), text, fontname="tiro", fontsize=10)
        y += 11
    page.insert_text((54, y), "subsection 6.1.", fontname="tiro", fontsize=10)
    top = y + 1
    y += 11
    for text in ["XGBoost is a popular, well documented, and performant", "implementation of the boosted tree algorithm."]:
        page.insert_text((57, y), text, fontname="tiro", fontsize=10)
        y += 11
    page.draw_rect((54, top, 295, y + 2), color=(0, 0, 0), width=0.5)
    y = 60
    for text in _prose_lines(40, 2):  # the right column
        page.insert_text((320, y), text, fontname="tiro", fontsize=10)
        y += 12
    path = tmp_path / "framed.pdf"
    doc.save(path)
    paper = parse.parse_pdf(path)
    assert any(p.text.endswith("a comparison to a transformer-based neural network in subsection 6.1.")
               for s in paper.sections for p in s.paragraphs)


def _ref_line(page: int, column: int, x0: float, y0: float, text: str) -> parse.Line:
    return parse.Line(page=page, x0=x0, y0=y0, x1=x0 + 4.0 * len(text), y1=y0 + 7, text=text, size=8.0, bold=False,
                      italic=False, math_chars=0, column=column, base=y0 + 6)


def test_author_year_key_with_its_year_in_parentheses_opens_an_entry_at_a_column_top():
    # ACM's natbib keys, "[Allodi and Massacci(2012b)] Luca Allodi and ...", entries hanging their
    # later lines: an entry opening the next column (no space over it there) was glued onto the
    # entry before, its key not read as an entry's opening.
    entries = [["[Allodi and Massacci(2012a)] Luca Allodi and Fabio Massacci. 2012a. A preliminary",
                "analysis of vulnerability scores for attacks in wild. In CCS BADGERS Workshop."],
               ["[Allodi and Massacci(2012b)] Luca Allodi and Fabio Massacci. 2012b. A preliminary",
                "analysis of vulnerability scores: the EKITS and SYM datasets. In BADGERS. 17-24."],
               ["[Allodi and Massacci(2014)] Luca Allodi and Fabio Massacci. 2014. Comparing vulnerability",
                "severity and exploits using case-control studies. ACM Transactions 17, 1 (2014)."]]
    lines, y = [], 600.0
    for k, entry in enumerate(entries):
        column, page = (2, 0) if k == 0 else (1, 1)
        if k == 1:
            y = 71.0
        x = 307.0 if column == 2 else 54.0
        for i, text in enumerate(entry):
            lines.append(_ref_line(page, column, x + (18 if i else 0), y, text))
            y += 9.0
        y += 2.0
    # (more entries on the first page's column, so that its margin and indent are plain)
    lines = [_ref_line(0, 2, 307.0 + (18 if i % 2 else 0), 500.0 + 10 * i, f"[Author{i}({2000 + i})] Name {i}. Title."
                       if i % 2 == 0 else "the rest of the entry, its venue and pages.") for i in range(8)] + lines
    refs = parse._split_references(lines)
    assert len(refs) == 4 + 3, refs
    assert refs[-2].startswith("[Allodi and Massacci(2012b)]")


def test_prose_beside_a_columns_table_is_no_row_of_the_table_across_the_page_above(tmp_path):
    # AJPS (2011), page 5: Table 2 across the page (rules at 78, 95 and 192), then Table 3 in the left
    # column (rules at 239, 269 and 351) with the text running on in the right column, level with its
    # rows. Table 3's last rule was stacked onto Table 2 over that text, read as a row of cells beside
    # Table 3's, and five lines of it were lost to the table.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((60, 60), "1. Introduction", fontname="tibo", fontsize=12)
    _columns(page, _prose_lines(100) + ["and so the introduction goes on."], 10.5, top=80, bottom=720)
    page = doc.new_page(width=612, height=792)
    page.insert_text((60, 70), "TABLE 2 Calculation of the Points on the Curve", fontname="tibo", fontsize=11)
    for y in (78, 95, 192):
        page.draw_line((60, y), (550, y), color=(0, 0, 0), width=0.25)
    for row in range(7):
        for col in range(6):
            page.insert_text((70 + col * 80, 110 + row * 12), f"{{{row},{col}}} = 0.{row}{col}", fontname="tiro", fontsize=9)
    page.insert_text((60, 230), "TABLE 3 Calculation of Brier Scores", fontname="tibo", fontsize=10)
    for y in (239, 269, 351):
        page.draw_line((60, y), (296, y), color=(0, 0, 0), width=0.25)
    page.insert_text((70, 252), "Country  Outcome  Value  Score", fontname="tiro", fontsize=9)
    page.insert_text((70, 263), "(y)  (p)  (p - y)", fontname="tiro", fontsize=9)
    for row in range(6):
        page.insert_text((70, 282 + row * 12), f"{'ABCDEF'[row]}   {row % 2}   0.{700 + row * 31}   0.{100 + row * 57}",
                         fontname="tiro", fontsize=9)
    right = ["The score is essentially a measure of the average of the",
             "probabilities that the model assigns to the correct out-",
             "come category for each observation (whether that may be",
             "0 or 1). It has the advantage of being easily extended to",
             "measuring the fit of categorical models with more than",
             "two outcome categories. The score for our example is",
             "calculated in the same way as the one before it was."]
    for k, text in enumerate(right):
        page.insert_text((314, 294 + k * 13), text, fontname="tiro", fontsize=10.5)
    y = 380
    for text in _prose_lines(20):
        page.insert_text((60, y), text[:46], fontname="tiro", fontsize=10.5)
        page.insert_text((314, y), text[:46], fontname="tiro", fontsize=10.5)
        y += 13
    path = tmp_path / "ajps.pdf"
    doc.save(path)
    paper = parse.parse_pdf(path)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert "It has the advantage of being easily extended to measuring the fit of categorical models" in text
