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
