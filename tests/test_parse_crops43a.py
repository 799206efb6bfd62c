"""Wrong crops of session 43 found on tune papers whose floats nobody had checked, each drawn here
with PyMuPDF in the shape a real paper printed it."""

from __future__ import annotations

import pymupdf

from test_parse_floats import _floats, _save
from pdf_pages import prose as _prose


def _put(page, x: float, y: float, text: str, size: float = 9, font: str = "helv") -> float:
    page.insert_text((x, y), text, fontname=font, fontsize=size)
    return x + pymupdf.get_text_length(text, font, size)


def _name_with_scripts(page, x: float, y: float, sup: str, sub: str, sub_now: bool = True) -> tuple[float, tuple]:
    """"Big − Vul" in math, its superscript and subscript stacked after it (TeX's Big-Vul^rand_train),
    each word a span of its own shorter than the subscript, in no math font; the x after it, and the
    subscript's place and text when it is drawn later (`sub_now` false)."""
    x = _put(page, x, y, "Big") + 2.2
    x = _put(page, x, y, "-", font="tiro") + 2.2
    x = _put(page, x, y, "Vul")
    end = _put(page, x + 0.5, y - 3.2, sup, size=6.3, font="tiro")
    if sub_now:
        end = max(end, _put(page, x + 0.5, y + 2.2, sub, size=6.3, font="tiro"))
    return end, (x + 0.5, y + 2.2, sub)


def test_a_table_under_a_caption_line_broken_at_its_scripts_keeps_its_crop(tmp_path):
    # IEEE TSE 2023: "TABLE 2" over its title's two lines, the second naming three sets in math,
    # "Big − Vul" with "rand" over "train", "val", "test" stacked after it; the line came in pieces,
    # one opening on the subscript "train" (read in the subscript's size), taken into the ruled table
    # 7 pt under it as a label at its edge: the table's box reached over its caption and the table
    # was lost.
    doc = pymupdf.open()
    first = doc.new_page(width=567, height=738)
    _prose(first, 26.2, 277.3, 46, 700)
    _prose(first, 289, 540, 46, 700)
    page = doc.new_page(width=567, height=738)
    _prose(page, 289, 540, 46, 700)
    _put(page, 134.4, 53, "TABLE 2")
    _put(page, 34.1, 62.4, "Number of Top-10 CWE Examples From the Big-Vul test in")
    x, _ = _name_with_scripts(page, 61.7, 71.5, "rand", "train")
    x = _put(page, x, 71.5, ", ", font="tiro")
    x, _ = _name_with_scripts(page, x, 71.5, "rand", "val")
    x = _put(page, x + 4, 71.5, "and", font="tiro") + 2.2
    _name_with_scripts(page, x, 71.5, "rand", "test")
    for y in (81.9, 111.3, 217.4):
        page.draw_line((26.2, y), (277.3, y), color=(0, 0, 0), width=0.5)
    _put(page, 221, 93.5, "Examples in", size=9, font="tiro")
    _put(page, 32, 107, "CWE ID", size=9, font="tiro")
    _put(page, 210, 107, "train/valid/test", size=9, font="tiro")
    for k in range(9):
        _put(page, 32, 122 + 10.5 * k, f"CWE-{119 + 17 * k}", size=9, font="tiro")
        _put(page, 222, 122 + 10.5 * k, f"{698 - 50 * k}/{108 - 5 * k}/{187 - 9 * k}", size=9, font="tiro")
    _prose(page, 26.2, 277.3, 235, 700)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper)[("table", "2")]
    assert table.bbox is not None and table.bbox[1] > 78 and table.bbox[3] > 215, table.bbox


def _ruled_rows(page, x0: float, x1: float, top: float, rows: int) -> float:
    """A table of two columns under a head row, ruled over and under the head and under the last
    row, in 9 pt Times; the y of its last rule."""
    page.draw_line((x0, top), (x1, top), color=(0, 0, 0), width=0.5)
    _put(page, x0 + 6, top + 11, "CWE ID", font="tiro")
    _put(page, x1 - 90, top + 11, "Transfer learning", font="tiro")
    page.draw_line((x0, top + 15), (x1, top + 15), color=(0, 0, 0), width=0.5)
    for k in range(rows):
        _put(page, x0 + 6, top + 26 + 10.5 * k, f"CWE-{119 + 17 * k}", font="tiro")
        _put(page, x1 - 80, top + 26 + 10.5 * k, f"{17.65 + k:.2f}% ({33 - k}/187)", font="tiro")
    foot = top + 30 + 10.5 * (rows - 1)
    page.draw_line((x0, foot), (x1, foot), color=(0, 0, 0), width=0.5)
    return foot


def _two_pages(doc):
    first = doc.new_page(width=567, height=738)
    _prose(first, 26.2, 277.3, 46, 700)
    _prose(first, 289, 540, 46, 700)
    return doc.new_page(width=567, height=738)


def test_a_lone_subscript_under_a_captions_superscript_keeps_the_captions_next_line_out_of_the_crop(tmp_path):
    # IEEE TSE 2023: "RQ2: Test Sequence Accuracy on Big-Vul^rand_test" over "With Transfer
    # Learning", the subscript "test" given apart under "rand": taken for a line of its own, it parted
    # the caption's last line from the rest, and the table under the caption took that line into its
    # crop, 16 pt over its first rule.
    doc = pymupdf.open()
    page = _two_pages(doc)
    _prose(page, 289, 540, 46, 700)
    _put(page, 134.4, 53, "TABLE 8")
    x = _put(page, 62.5, 62.5, "RQ2: Test Sequence Accuracy on Big-Vul")
    _put(page, x + 0.5, 59.3, "rand", size=6.3, font="tiro")
    _put(page, 106.9, 72.5, "With Transfer Learning")
    _put(page, x + 0.5, 64.9, "test", size=6.3, font="tiro")
    foot = _ruled_rows(page, 26.2, 277.3, 81.9, 10)
    _prose(page, 26.2, 277.3, foot + 14, 700)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper)[("table", "8")]
    assert table.bbox is not None and table.bbox[1] > 76 and table.bbox[3] > foot - 1, table.bbox


def test_a_listings_rule_under_a_tables_note_is_no_part_of_the_tables_crop(tmp_path):
    # IEEE TSE 2023: Table 8's note, four lines of italics under its last rule, then 20 pt lower
    # the rule that opens "Listing 1. CVE-2018-11375 is correctly predicted ..." right under it: the
    # table's crop ran down over the note to the listing's rule.
    doc = pymupdf.open()
    page = _two_pages(doc)
    _prose(page, 289, 540, 46, 700)
    _put(page, 134.4, 53, "TABLE 8")
    _put(page, 62.5, 63, "RQ2: Test Sequence Accuracy With Transfer Learning")
    foot = _ruled_rows(page, 26.2, 277.3, 71.9, 12)
    for k, note in enumerate(("The 'Improvement over source domain training' and 'Improvement",
                              "over target domain training' columns show the percentage and",
                              "numerical improvement compared to the result in Table 6. Transfer",
                              "learning achieved better overall performance and on all CWE IDs.")):
        _put(page, 26.2, foot + 12 + 9 * k, note, size=8, font="tiit")
    rule = foot + 63
    page.draw_line((26.2, rule), (277.3, rule), color=(0, 0, 0), width=1.0)
    _put(page, 26.2, rule + 10, "Listing 1. CVE-2018-11375 is correctly predicted by the", font="tiro")
    _put(page, 26.2, rule + 21, "model trained with target domain only.", font="tiro")
    for k in range(6):
        _put(page, 40, rule + 40 + 9 * k, f"  int d = ((buf[{k}] >> 4) & 0xf) << {k};", size=7, font="cour")
    _prose(page, 26.2, 277.3, rule + 110, 700)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper)[("table", "8")]
    assert table.bbox is not None and abs(table.bbox[3] - foot) < 3, (table.bbox, foot)


def test_a_table_of_names_and_their_descriptions_under_one_rule_is_cropped_whole(tmp_path):
    # ICML 2021 (review): Table 1 lists hyperparameters, a name in math italics beside a sentence
    # describing it, one rule under the head row and none after; the descriptions read as prose, so
    # the rows under the first were no cells and the crop ended under the first row.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _put(page, 188, 84, "Table 1. The hyperparameters optimized for the models with TPE", font="tiro")
    _put(page, 92, 95, "Hyperparameter", size=10, font="tibo")
    _put(page, 213, 95, "Description", size=10, font="tibo")
    page.draw_line((86, 98.2), (511, 98.2), color=(0, 0, 0), width=0.4)
    rows = [("batch size", "The batch size during training."),
            ("epochs", "The number of epochs during training."),
            ("first conv", "The number of stacked convolution layers in the bottom of the network."),
            ("nb conv pool layers", "The number of consecutive convolution and max-pool layers."),
            ("conv dropout proba", "The dropout probability of convolution filters."),
            ("residual", "The number of residual layers, inspired by ResNet."),
            ("conv pool res start idx", "The layer to start the residual connections."),
            ("fc dropout proba", "The dropout probability of neurons in the fully connected layers."),
            ("use BN", "The use of batch normalization in convolution layers."),
            ("activation", "The activation function in the convolution and fc layers."),
            ("optimizer", "The optimization algorithm.")]
    for k, (name, text) in enumerate(rows):
        _put(page, 92, 107 + 11.95 * k, name, size=10, font="tiit")
        _put(page, 213, 107 + 11.95 * k, text, size=10, font="tiro")
    last = 107 + 11.95 * (len(rows) - 1)
    _prose(page, 55, 290, last + 30, 720)
    _prose(page, 307, 542, last + 30, 720)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper)[("table", "1")]
    assert table.bbox is not None and table.bbox[3] > last, (table.bbox, last)


def test_two_halves_of_a_table_side_by_side_each_ruled_under_its_head_are_one_crop(tmp_path):
    # JMLR 2013: Table 1 lists recordings in two halves side by side, "ID Country" over each, each
    # half ruled under its head, the rules 2.7 pt apart, the caption 14 pt under the rows: the rows on
    # the left rule alone were taken and the crop lost the right half.
    doc = pymupdf.open()
    page = _two_pages(doc)
    ids = ["XC103404", "XC25760", "XC26762", "XC28027", "XC29706", "XC31881", "XC32011", "XC32094",
           "XC35097", "XC35974", "XC36603", "XC36902", "XC46524", "XC48263", "XC48383", "XC54052",
           "XC55168", "XC56298", "XC56410", "XC57168", "XC65140", "XC77394", "XC77442", "XC97737", "XC99469"]
    countries = ["pl", "dn", "se", "de", "se", "nl", "nl", "no", "es", "cz", "cz", "nl", "nl",
                 "no", "de", "it", "fr", "de", "ru", "fr", "es", "dk", "se", "uk", "pl"]
    for left, start in ((199.6, 0), (309.9, 13)):
        _put(page, left + 2, 101, "ID", size=10, font="tiro")
        _put(page, left + 68, 101, "Country", size=10, font="tiro")
        page.draw_line((left, 104.6), (left + (108 if start == 0 else 102.5), 104.6), color=(0, 0, 0), width=0.4)
        for k, (i, c) in enumerate(zip(ids[start:start + 13], countries[start:start + 13])):
            _put(page, left + 2, 116 + 12 * k, i, size=10, font="tiro")
            _put(page, left + 68, 116 + 12 * k, c, size=10, font="tiro")
    _put(page, 90, 284, "Table 1: Chiffchaff audio samples used in our data set, giving the Xeno Canto ID", size=10, font="tiro")
    _put(page, 131, 296, "and the country code of each recording.", size=10, font="tiro")
    _prose(page, 90, 522, 330, 700)
    paper, _ = _save(doc, tmp_path)
    table = _floats(paper)[("table", "1")]
    assert table.bbox is not None and table.bbox[2] > 405 and table.bbox[0] < 202, table.bbox


def test_a_schema_in_typewriter_type_over_a_figures_drawing_is_in_its_crop(tmp_path):
    # OSDI 2012: Figure 4 is a schema, "CREATE TABLE Users {" ... in 8 pt typewriter type atop the
    # left column, and 13 pt under it a drawing of the rows it interleaves; the crop held the drawing
    # alone.
    doc = pymupdf.open()
    page = _two_pages(doc)
    code = ["CREATE TABLE Users {", "  uid INT64, email STRING", "} PRIMARY KEY (uid), DIRECTORY;",
            "", "CREATE TABLE Albums {", "  uid INT64 NOT NULL, aid INT64,", "  name STRING",
            "} PRIMARY KEY (uid, aid),", "  INTERLEAVE IN PARENT Users;"]
    for k, row in enumerate(code):
        if row:
            _put(page, 72, 78 + 9.5 * k, row, size=8, font="cour")
    # (the drawing as the paper has it: an image of the rows, red frames on white)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 139, 66), False)
    pix.clear_with(255)
    for k in range(5):
        for x in range(6, 80):
            for y in (13 * k + 1, 13 * k + 12):
                pix.set_pixel(x, y, (200, 0, 0))
    page.insert_image(pymupdf.Rect(116, 167, 255, 233), pixmap=pix)
    _put(page, 72, 257, "Figure 4: Example Spanner schema for photo", size=10, font="tiro")
    _put(page, 72, 268, "metadata, and the interleaving it implies.", size=10, font="tiro")
    _prose(page, 72, 297, 285, 700)
    _prose(page, 315, 540, 72, 700)
    paper, _ = _save(doc, tmp_path)
    figure = _floats(paper)[("figure", "4")]
    assert figure.bbox is not None and figure.bbox[1] < 75, figure.bbox


def test_tables_in_two_columns_with_level_head_rules_and_captions_of_their_own_are_two_crops(tmp_path):
    # ACL 2023: Table 1 atop the left column and Table 3 atop the right, each ruled once under its
    # head, the two rules level and 3.3 pt apart end to end (the right table wider than its column);
    # each table has its own caption under it. Joined as the halves of one table, Table 1's crop
    # took Table 3.
    doc = pymupdf.open()
    page = _two_pages(doc)
    for left, right, name in ((70.5, 302.4, "Table 1"), (305.7, 525.6, "Table 3")):
        _put(page, left + 4, 92, "Method", size=10, font="tiro")
        _put(page, left + 120, 92, "Score", size=10, font="tiro")
        page.draw_line((left, 96.7), (right, 96.7), color=(0, 0, 0), width=0.8)
        for k in range(6):
            _put(page, left + 4, 110 + 12 * k, f"model {k + 1}", size=10, font="tiro")
            _put(page, left + 120, 110 + 12 * k, f"{70 + k}.{k}", size=10, font="tiro")
        _put(page, left + 4, 196, f"{name}: Scores of the models on the terms.", size=10, font="tiro")
    _prose(page, 70.5, 290, 215, 700)
    _prose(page, 312, 525, 215, 700)
    paper, _ = _save(doc, tmp_path)
    floats = _floats(paper)
    one, three = floats[("table", "1")], floats[("table", "3")]
    assert one.bbox is not None and one.bbox[2] < 304, one.bbox
    assert three.bbox is not None and three.bbox[0] > 303, three.bbox
