"""Page 1 of the thirty-sixth held-out split's 2026 preprint: the title, names and abstract (no
"Abstract" label) set in a tinted frame, a logo over its top edge, a captioned figure lower on the
page. The frame holds the page's title over paragraphs of prose: the front matter's panel, no
figure, and its abstract is found."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from pdf_pages import key, lines

ABSTRACT = ("In this paper we propose a framework that learns prompts at test time from a mixed stream of "
            "tasks drawn from several datasets and domains, routing each input to a prompt of its own. "
            "Existing methods are designed for one dataset at a time, while real applications handle many. ")


def _front_panel(tmp_path, logo: bool = True):
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    # the panel: a darker ground with the lighter one 1.4 pt inside it (tcolorbox)
    page.draw_rect((54, 78.5, 558, 389.4), color=None, fill=(0.82, 0.89, 0.96))
    page.draw_rect((55.4, 79.9, 556.6, 388), color=None, fill=(0.91, 0.95, 0.99))
    if logo:  # a picture over the panel's top edge
        page.draw_rect((426, 23, 515, 104), color=None, fill=(0.2, 0.4, 0.8))
    page.insert_text((90, 125), "Learning Prompts at Test Time in the", fontname="tiro", fontsize=21)
    page.insert_text((150, 150), "Real World for Adaptive Agents", fontname="tiro", fontsize=21)
    page.insert_text((200, 180), "Ann Author, Ben Writer, and Cid Scholar", fontname="tibo", fontsize=10)
    page.insert_text((230, 200), "North University     South University", fontname="tiro", fontsize=10)
    box = pymupdf.Rect(72, 220, 540, 375)
    assert page.insert_textbox(box, ABSTRACT * 4, fontname="tiro", fontsize=10) >= 0
    page.insert_text((54, 420), "1. Introduction", fontname="tibo", fontsize=13)
    for k in range(4):  # a bar chart
        page.draw_rect((120 + 90 * k, 520 - 15 * k, 170 + 90 * k, 590), color=None, fill=(0.3, 0.5, 0.8))
    page.insert_text((54, 612), "Figure 1: Improvement as tasks are added, one bar for each method.",
                     fontname="tiro", fontsize=11)
    lines(page, 54, 558, 640, 8, size=11)
    page = doc.new_page(width=612, height=792)
    lines(page, 54, 558, 80, 40, size=11, start=200)
    doc.save(tmp_path / "panel.pdf")
    return parse_pdf(tmp_path / "panel.pdf")


def test_a_framed_panel_holding_the_title_over_prose_is_the_front_matter(tmp_path):
    paper = _front_panel(tmp_path)
    assert paper.abstract and key(paper.abstract).startswith(key(ABSTRACT[:60])), paper.abstract
    assert "Learning Prompts at Test Time" in paper.title, paper.title


def _row(page, x0: float, x1: float, y: float, number: str, words: list[str], size: float = 10) -> None:
    """A justified row: the number, then the words spread from the hanging indent to x1, every gap alike."""
    page.insert_text((x0, y), number, fontname="tiro", fontsize=size)
    start = x0 + 20
    widths = [pymupdf.get_text_length(w, fontname="tiro", fontsize=size) for w in words]
    gap = (x1 - start - sum(widths)) / (len(words) - 1)
    for word, width in zip(words, widths):
        page.insert_text((start, y), word, fontname="tiro", fontsize=size)
        start += width + gap


def test_a_checklists_numbered_question_justified_over_its_answer_is_no_subsection(tmp_path):
    # AAAI's reproducibility checklist: "2.1. Does this paper make theoretical contributions?" in the
    # text's type, justified to the column's width (its spaces stretched), the answer "(yes/no) yes"
    # right under it at the hanging indent. A list's item wrapped, no subsection of section 2.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 72), "1. Introduction", fontname="tibo", fontsize=10)
    y, k = lines(page, 54, 293, 90, 10)
    page.insert_text((54, y + 8), "2. Theoretical Contributions", fontname="tibo", fontsize=10)
    y += 25
    _row(page, 54, 293, y, "2.1.", "Does this paper make theoretical contributions?".split())
    page.insert_text((74, y + 11), "(yes/no) yes", fontname="tiro", fontsize=10)
    page.insert_text((59, y + 27), "If yes, please address the following points:", fontname="tiro", fontsize=10)
    y += 47
    for n in range(2, 5):
        page.insert_text((64, y), f"2.{n}. All assumptions and restrictions are stated clearly", fontname="tiro", fontsize=10)
        page.insert_text((84, y + 11), "and formally (yes/partial/no) yes", fontname="tiro", fontsize=10)
        y += 30
    page.insert_text((54, y + 8), "3. Dataset Usage", fontname="tibo", fontsize=10)
    lines(page, 54, 293, y + 25, 10, start=k)
    doc.save(tmp_path / "checklist.pdf")
    got = [(s.number, s.title) for s in parse_pdf(tmp_path / "checklist.pdf").sections]
    assert not any("Does this paper" in title for _, title in got), got
    assert ("3", "Dataset Usage") in got, got


def test_a_heading_over_a_caption_set_over_its_table_is_a_section(tmp_path):
    # SSAC 2014 (Word): the appendix's last part, "Tables" in the bold 14 pt of "Appendix", heads a
    # page, "Table 1. Top 10 and bottom 10 players ..." right under it, the table's rules under the
    # caption. Nothing is drawn between the heading and the caption: no axis title, a section.
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Introduction", fontname="tibo", fontsize=14)
    lines(page, 72, 540, 100, 30)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 80), "Appendix", fontname="tibo", fontsize=14)
    y, k = lines(page, 72, 540, 100, 20, start=300)
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 85), "Tables", fontname="tibo", fontsize=14)
    page.insert_text((72, 110), "Table 1.", fontname="tibo", fontsize=10)
    page.insert_text((108, 110), "Top ten players by points added in the season (per game, minimum one hundred",
                     fontname="tiro", fontsize=10)
    page.insert_text((72, 122), "touches during the season), ranked by the model.", fontname="tiro", fontsize=10)
    top = 150
    page.draw_line((160, top), (440, top), color=(0, 0, 0), width=0.8)
    page.insert_text((165, top + 12), "Player", fontname="tibo", fontsize=10)
    page.insert_text((380, top + 12), "Points", fontname="tibo", fontsize=10)
    page.draw_line((160, top + 16), (440, top + 16), color=(0, 0, 0), width=0.5)
    for r, name in enumerate(("Ann Guard", "Ben Forward", "Cid Center", "Dan Wing", "Eve Point")):
        page.insert_text((165, top + 28 + 11 * r), name, fontname="tiro", fontsize=10)
        page.insert_text((395, top + 28 + 11 * r), f"{3.5 - 0.3 * r:.2f}", fontname="tiro", fontsize=10)
    page.draw_line((160, top + 84), (440, top + 84), color=(0, 0, 0), width=0.8)
    doc.save(tmp_path / "tables.pdf")
    got = [s.title for s in parse_pdf(tmp_path / "tables.pdf").sections]
    assert "Appendix" in got and "Tables" in got, got


def test_a_title_cased_headings_words_run_together_are_parted_as_printed(tmp_path):
    # PVLDB 2017: "4.4 Optimization: Pixel-AwarePreaggregation", the row's last word space squeezed
    # to 0.15 em as positioning, no space character: the text layer runs "Aware" into
    # "Preaggregation", a run of 19 letters with a capital after a small letter inside it.
    doc = pymupdf.open()
    k = 0
    for head in ("4.1 Overview", "4.2 Search", "4.3 Pruning"):
        page = doc.new_page(width=612, height=792)
        page.insert_text((54, 80), head, fontname="tibo", fontsize=12)
        y, k = lines(page, 54, 298, 100, 30, start=k)
        lines(page, 318, 562, 80, 40, start=k + 40)
    page = doc.new_page(width=612, height=792)
    page.insert_text((54, 80), "4.4 Optimization: Pixel-Aware", fontname="tibo", fontsize=12)
    x = 54 + pymupdf.get_text_length("4.4 Optimization: Pixel-Aware", fontname="tibo", fontsize=12) + 0.15 * 12
    page.insert_text((x, 80), "Preaggregation", fontname="tibo", fontsize=12)
    lines(page, 54, 298, 100, 30, start=k + 80)
    doc.save(tmp_path / "glued.pdf")
    with pymupdf.open(tmp_path / "glued.pdf") as saved:  # (the text layer runs the words together)
        assert "AwarePreaggregation" in saved[3].get_text()
    got = [(s.number, s.title) for s in parse_pdf(tmp_path / "glued.pdf").sections]
    assert ("4.4", "Optimization: Pixel-Aware Preaggregation") in got, got
