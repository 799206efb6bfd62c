"""A journal's running foot that stands lower on the first page than on the others is furniture
there too, not words read into the paragraph that goes on overleaf."""

from __future__ import annotations

from test_parse_references import Pages

FOOT = "© 2020, Journal of Examples | Impact Factor value: 7.5 | Certified Journal | Page {}"
SENTENCE = ("The millions of images uploaded to the sites every day are sorted by recognition models, "
            "which classify them well.")


def _paper(first_foot_y: float, foot_y: float):
    pages = Pages()
    pages.heading("1 Introduction")
    for page in range(5):
        while pages.y < 640:
            pages.paragraph()
        if page == 0:  # the sentence broken at the foot of page 1, going on at the top of page 2
            pages.line("Our everyday lives are full of pictures. The millions of images uploaded to the")
        pages.page.insert_text((72, first_foot_y if page == 0 else foot_y), FOOT.format(159 + page),
                               fontname="tibo", fontsize=10)
        pages.new_page()
        if page == 0:
            pages.line("sites every day are sorted by recognition models, which classify them well.")
            pages.y += 6
    return pages.parse()


def test_a_running_foot_set_lower_on_the_first_page_stays_out_of_the_text():
    paper = _paper(first_foot_y=745, foot_y=734)
    text = " ".join(p.text for s in paper.sections for p in s.paragraphs)
    assert SENTENCE in text
    assert "Impact Factor" not in text


def test_a_sentence_cut_after_a_word_goes_on_overleaf_with_an_acronym():
    """Ragged-right type (PLOS): the line before the page break and the one after it differ in width,
    and the part past a page of a figure alone opens with an acronym, not in lower case."""
    pages = Pages()
    pages.heading("1 Results")
    while pages.y < 640:
        pages.paragraph()
    pages.line("GDM was associated with 47 DMRs, 2-h PG with 5. Of the GDM-associated")  # (shorter)
    pages.new_page()  # a page of a figure alone between
    pages.page.draw_rect((100, 100, 500, 500), color=(0, 0, 0), fill=(0.8, 0.8, 0.9))
    pages.y = 520
    pages.line("Fig 2. Overlap of the sites between the exposures.", size=8)
    pages.new_page()
    pages.line("DMRs, 20 of the 47 DMRs also had significant sites overlapping the reported locations of")
    pages.line("each region.")
    paper = pages.parse()
    text = [p.text for s in paper.sections for p in s.paragraphs]
    assert any("5. Of the GDM-associated DMRs, 20 of the 47 DMRs also had" in t for t in text), text[-2:]


def test_a_sentence_goes_on_past_a_boxed_aside_at_the_foot_of_the_page():
    """BMC: "Box 1 ..." in 9 pt over a box of 8 pt text at the foot of a page, between a sentence cut
    there and its end overleaf; the aside's title did not end that sentence."""
    pages = Pages()
    pages.heading("1 Methods")
    while pages.y < 560:
        pages.paragraph()
    pages.line("We sought to tell these classes apart from the scores by creating optimised")
    pages.y += 14
    pages.line("Box 1 Score generation from the published regression weights", size=9)
    pages.line("For each individual a weighted score was obtained by multiplying each value by its weight", size=8)
    pages.line("and then summing these values over all the sites of the model.", size=8)
    pages.new_page()
    pages.line("classification thresholds for each of the two comparisons in the data.")
    paper = pages.parse()
    text = [p.text for s in paper.sections for p in s.paragraphs]
    assert any("by creating optimised classification thresholds for each" in t for t in text), text[-3:]
