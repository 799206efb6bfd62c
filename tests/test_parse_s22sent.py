"""Body sentences of the twenty-second split (session 32), each drawn here with PyMuPDF in the shape a
real paper printed it: a magazine's hairline bleeding off the page's foot beside a figure, an appendix
after a bibliography printed under no heading, a scan's publisher line at the foot of page 1 set larger
than its title, a running foot's rule stroked 2 pt thick over a row of three pieces."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import WORDS, column, fill, holds, paragraphs, section_page


def _parse(doc: pymupdf.Document, path):
    doc.save(path)
    return parse_pdf(path)


def test_a_hairline_bleeding_off_the_foot_beside_a_figure_takes_no_text(tmp_path):
    # ACM Queue (InDesign): a hairline down the left of the text column on every page, from the top
    # of the text to past the page's foot; on a page with a figure under the text it joined the
    # figure's drawing, whose box then reached up over the column and took its lines as labels.
    doc = pymupdf.open()
    page = doc.new_page(width=419, height=558)
    page.insert_text((132, 80), "1 Introduction", fontname="hebo", fontsize=12)
    sentence = "The lower graph of figure four contrasts the two methods."
    # (a paragraph carried over from the page before, its last lines atop the column, then a new one
    # set in)
    y = column(page, fill((WORDS * 2)[:12] + ["first."], 250, "tiro", 10.5), 132, 105, font="tiro", size=10.5, pitch=14)
    rows = fill(sentence.split() + (WORDS * 2)[:30] + ["done."], 240, "tiro", 10.5)
    page.insert_text((144, y), rows[0], fontname="tiro", fontsize=10.5)
    rows = fill(" ".join(rows[1:]).split(), 250, "tiro", 10.5)
    column(page, rows, 132, y + 14, font="tiro", size=10.5, pitch=14)
    page.draw_line((124.3, 99), (124.3, 594), color=(0.1, 0.1, 0.1), width=0.5)
    page.insert_text((132, 340), "FIGURE 5: First 8 seconds of the two flows", fontname="hebo", fontsize=10)
    page.draw_rect(pymupdf.Rect(36, 350, 383, 527), color=None, fill=(0.0, 0.58, 0.39))
    page.draw_rect(pymupdf.Rect(77, 367, 366, 494), color=None, fill=(1, 1, 1))
    page.draw_polyline([(81, 480), (150, 380), (250, 470), (360, 400)], color=(0.8, 0.1, 0.1), width=1)
    paper = _parse(doc, tmp_path / "bleeding_rule.pdf")
    assert holds(paper, sentence), paragraphs(paper)


def test_an_appendix_after_a_bibliography_under_no_heading_stays_text(tmp_path):
    # ACM Queue: "References" not read as a heading, the numbered entries found by their labels, and
    # the appendix on the next page ("Appendix – Detailed Description" in the text's size, read into
    # its first paragraph) went into the bibliography as the last entry's rest, pages of it.
    doc, page = section_page()
    column(page, fill((WORDS * 6)[:100] + ["done."], 440, "tiro", 10), 72, 110, font="tiro", size=10)
    page = doc.new_page(width=612, height=792)
    y = 90
    for k in range(1, 9):
        entry = f"{k}. Author, A., Writer, B. {1990 + k}. A study of the network number {k}. Journal {k}(2): {k}1-{k}9."
        y = column(page, fill(entry.split(), 440, "tiro", 10), 72, y, font="tiro", size=10) + 2
    page = doc.new_page(width=612, height=792)
    sentence = "Each phase normally lasts for the estimated round trip time."
    rows = ["Appendix - Detailed Description"] + \
        fill((WORDS * 3)[:50] + ["first."] + sentence.split() + (WORDS * 3)[:50] + ["done."], 440, "tiro", 10)
    column(page, rows, 72, 90, font="tiro", size=10)
    paper = _parse(doc, tmp_path / "appendix_after_list.pdf")
    assert holds(paper, sentence), paragraphs(paper)


def test_a_publisher_line_at_the_foot_of_page_one_larger_than_the_title_opens_no_front_matter(tmp_path):
    # Physics Letters B 1987 (a scan, its OCR layer): title, names, an abstract set in from both
    # margins and the text all in 9 pt, the publisher's line at the page's foot in 9.5 pt. Taken
    # for the title (the largest type on the page), it put everything over it above the title: no
    # abstract was found, and page 1's text went as front matter.
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=770)
    page.insert_text((63, 131), "HYBRID SEARCH METHODS", fontname="tibo", fontsize=9)
    page.insert_text((63, 154), "Simon SMITH", fontname="tiro", fontsize=9)
    page.insert_text((63, 168), "Physics Department, Imperial College, London, UK", fontname="tiro", fontsize=9)
    page.insert_text((63, 266), "Received 8 June 1987", fontname="tiro", fontsize=9)
    column(page, fill((WORDS * 3)[:60] + ["done."], 440, "tiro", 9), 70, 303, font="tiro", size=9, pitch=10)
    sentence = "Computer simulation of lattice field theory with fermionic degrees of freedom is difficult."
    rows = fill(sentence.split() + (WORDS * 4)[:90] + ["done."], 500, "tiro", 9)
    column(page, rows, 40, 385, font="tiro", size=9, pitch=12)
    page.insert_text((251, 690), "0370-2693/87/$ 03.50 Elsevier Science Publishers B.V.", fontname="tiro", fontsize=9.5)
    page = doc.new_page(width=595, height=770)
    column(page, fill((WORDS * 6)[:120] + ["done."], 500, "tiro", 9), 40, 80, font="tiro", size=9, pitch=12)
    paper = _parse(doc, tmp_path / "publisher_line.pdf")
    assert holds(paper, sentence), paragraphs(paper)


def test_a_running_foot_rule_stroked_two_points_thick_over_three_pieces_is_furniture(tmp_path):
    # The Innovation (Cell Press): the rule over the running foot is stroked across the page, its box
    # 2 pt high, over a row of three pieces (the logo's letters "ll", the journal's line, the page
    # number); a hairline down the outer margin, in pieces, meets it. Kept, rule and hairline made an
    # L whose box held the table at the top of the left column and the whole right column's text.
    doc = pymupdf.open()
    page = doc.new_page(width=603, height=783)
    page.insert_text((43, 55), "Table 1. Types and examples of data used for fraud detection", fontname="hebo", fontsize=8)
    page.draw_rect(pymupdf.Rect(43, 62.8, 294, 63.8), color=None, fill=(0.89, 0.37, 0.26))
    for k in range(6):
        page.draw_rect(pymupdf.Rect(43, 80 + 55 * k, 294, 130 + 55 * k), color=None, fill=(0.87, 0.87, 0.87))
        page.insert_text((48, 95 + 55 * k), f"Structured {k}   numbers   cell text {k}", fontname="helv", fontsize=8)
    page.draw_rect(pymupdf.Rect(43, 426, 294, 427), color=None, fill=(0.89, 0.37, 0.26))
    column(page, fill((WORDS * 4)[:70] + ["done."], 250, "tiro", 8), 43, 450, font="tiro", size=8, pitch=10.5)
    page.insert_text((306, 90), "1 Survey of methods", fontname="hebo", fontsize=9)
    sentence = "A number of rules and static thresholds can be used to filter out misbehavior."
    rows = fill((WORDS * 4)[:60] + ["first."] + sentence.split() + (WORDS * 8)[:150] + ["done."], 250, "tiro", 8)
    column(page, rows, 306, 104, font="tiro", size=8, pitch=10.5)
    for top, bottom in ((128.6, 420.4), (427.5, 512.9), (520.0, 633.9), (641.0, 762.0)):
        page.draw_rect(pymupdf.Rect(578.8, top, 579.9, bottom), color=None, fill=(0.89, 0.37, 0.26))
    page.draw_rect(pymupdf.Rect(29.4, 752.5, 591.5, 752.5 + 0.01), color=(0.89, 0.37, 0.26), width=2)
    page.insert_text((29, 763), "ll", fontname="hebo", fontsize=9)
    page.insert_text((378, 763), "The Innovation 2, 100176, November 28, 2021", fontname="helv", fontsize=7.5)
    page.insert_text((553, 763), "3", fontname="helv", fontsize=7.5)
    paper = _parse(doc, tmp_path / "foot_rule.pdf")
    assert holds(paper, sentence), paragraphs(paper)


def test_a_prose_line_under_a_paragraph_dense_with_math_over_a_framed_listing_stays_text(tmp_path):
    # CCS 2019: the paragraph's last lines are dense with math ("G(F (x1,x2), F (y1,y2)). Furthermore,
    # the abstract counterpart of"), none prose; its last line, "the above program becomes the
    # following.", stands right over a listing framed in hairlines, whose box took it as a label.
    doc, page = section_page()
    y = column(page, fill((WORDS * 3)[:50] + ["first."], 440, "tiro", 9), 72, 110, font="tiro", size=9, pitch=11)
    for text in ("s2 = t2) → G(s1, s2) = G(t1, t2). After applying our uninterpreted",
                 "function abstraction, the abstract property becomes ϕabs ≡out =",
                 "G(F (x1,x2), F (y1,y2)). Furthermore, the abstract counterpart of",
                 "the above program becomes the following."):
        page.insert_text((72, y), text, fontname="tiro", fontsize=9)
        y += 11
    top = y - 8
    page.draw_rect(pymupdf.Rect(68, top, 320, top + 47), color=(0.3, 0.3, 0.3), width=0.4)
    for k, text in enumerate(("x1 , x2 , y1 , y2 : int32 // input declarations", "u1 := F ( x1 , x2 )",
                              "u2 := F ( y1 , y2 )", "out := G( u1 , u2 )")):
        page.insert_text((74, top + 10 + 10 * k), text, fontname="cour", fontsize=8)
    column(page, fill((WORDS * 3)[:50] + ["done."], 440, "tiro", 9), 72, top + 62, font="tiro", size=9, pitch=11)
    paper = _parse(doc, tmp_path / "math_paragraph.pdf")
    assert holds(paper, "Furthermore, the abstract counterpart of the above program becomes the following."), paragraphs(paper)


def test_page_numbers_down_the_outer_margin_level_with_the_text_are_furniture(tmp_path):
    # Emerald (PAR 2020): the page number in bold in the outer margin, 150 pt down the page, level with
    # the text's seventh line ("278" on page 8, "279" on page 9), was read into the sentence beside it.
    doc = pymupdf.open()
    sentence = "They found that business cycles can influence trends and activities in illegal markets."
    for k in range(6):
        page = doc.new_page(width=496, height=680)
        if k == 0:
            page.insert_text((100, 70), "1 Introduction", fontname="hebo", fontsize=12)
        page.insert_text((20, 61), "PAR", fontname="hebo", fontsize=12)
        page.insert_text((20 if k % 2 else 451, 159), str(271 + k), fontname="hebo", fontsize=12)
        words = (WORDS * 4)[k:k + 45] + ["then."] + sentence.split() + (WORDS * 6)[:100] + ["done."]
        column(page, fill(words, 345, "tiro", 9.5), 100, 92, font="tiro", size=9.5, pitch=10.5)
    paper = _parse(doc, tmp_path / "margin_folios.pdf")
    assert holds(paper, sentence), paragraphs(paper)
    assert not any("273" in p.split() for p in paragraphs(paper)), paragraphs(paper)


def test_a_centred_bold_caption_goes_on_into_a_longer_line_further_left(tmp_path):
    # ICMI 2008 (Word): "Figure 2: Screenshot of the VoiceLabel labeling tool. ... the sensor data",
    # centred in bold, over "recorded during the data collection phase, ...", longer and 8 pt further
    # left; taken for the text after a centred caption, the caption's last lines went on the
    # sentence that page 1 broke ("... reduces the chance of interrupting the").
    doc, page = section_page()
    column(page, fill((WORDS * 8)[:150] + ["first."] + "This hands-free setup reduces the chance of interrupting the".split(),
                      440, "tiro", 9), 72, 110, font="tiro", size=9, pitch=11)
    page = doc.new_page(width=612, height=792)
    page.draw_rect(pymupdf.Rect(61, 76, 549, 375), color=(0, 0, 0), fill=(0.7, 0.8, 0.9))
    rows = ("Figure 2: Screenshot of the labeling tool. The tool allows the labeler to easily browse the sensor data",
            "recorded during the data collection phase, along with the audio waveform containing the activity labels.",
            "It also extracts activity transition points as segment bubbles holding the recognized label.")
    y = 392
    for text in rows:
        width = pymupdf.get_text_length(text, "tibo", 9)
        page.insert_text((305 - width / 2, y), text, fontname="tibo", fontsize=9)
        y += 10.3
    column(page, fill("activity and enables data collection even in hands-busy situations such as biking.".split() +
                      (WORDS * 3)[:50] + ["done."], 440, "tiro", 9), 72, y + 14, font="tiro", size=9, pitch=11)
    paper = _parse(doc, tmp_path / "centred_caption.pdf")
    assert holds(paper, "This hands-free setup reduces the chance of interrupting the activity and enables data "
                        "collection even in hands-busy situations such as biking."), paragraphs(paper)
    assert paper.figures and paper.figures[0].caption.endswith("holding the recognized label."), paper.figures


def test_a_circled_number_alone_on_its_line_is_no_page_number(tmp_path):
    # A circled "①" alone on its line is a digit to Python's str.isdigit but no number int() reads:
    # counting the page numbers (`_stepping_folios`) crashed the parse (arxiv25_ml_agent_autonomous_mle).
    doc = pymupdf.open()
    for k in range(4):
        page = doc.new_page(width=612, height=792)
        if k == 0:
            page.insert_text((72, 80), "1 Introduction", fontname="hebo", fontsize=14)
        column(page, fill((WORDS * 3)[:60] + ["done."], 440, "tiro", 10), 72, 110, font="tiro", size=10)
        page.insert_text((72, 400), "①", fontname="china-s", fontsize=10)
    paper = _parse(doc, tmp_path / "circled.pdf")
    assert paragraphs(paper)
