"""A raised citation printed in pieces, each character a span of its own (Nature's "²,⁹⁻¹¹" set as
"2", ",", "9", "–", "11" on one raised baseline), is one call: none of it stays in the sentence."""

from __future__ import annotations

import pymupdf

from test_parse_references import Pages


def test_a_raised_citation_in_pieces_is_one_call_linked_to_every_entry():
    pages = Pages()
    pages.heading("1 Introduction")
    for _ in range(3):
        pages.paragraph()
    x = 72.0

    def put(text: str, raised: bool, font: str = "tiro") -> None:
        nonlocal x
        size, rise = (6.0, 3.0) if raised else (10.0, 0.0)
        pages.page.insert_text((x, pages.y - rise), text, fontname=font, fontsize=size)
        x += pymupdf.get_text_length(text, fontname=font, fontsize=size)

    put("Gaits were learned", False)
    put("1", True)
    put(" and control has been investigated", False)
    # (the digits and the punctuation in two faces: each piece a span of its own, as the journal's are)
    for piece, font in (("2", "tiro"), (",", "helv"), ("4", "tiro"), ("-", "helv"), ("6", "tiro")):
        put(piece, True, font)
    put(". By design the gait is stable.", False)
    pages.y += 12.5
    pages.heading("References")
    for n in range(1, 7):
        pages.line(f"Ada Okafor{n} and Lin Moreau. A study of model number {n}. Nature {n}, 2020.", x=90, label=f"{n}.")
    paper = pages.parse()
    assert len(paper.bibliography) == 6
    assert [(c.text, c.refs) for c in paper.citations] == [("1", (0,)), ("2,4-6", (1, 3, 4, 5))]
    assert "Gaits were learned and control has been investigated. By design" in paper.sections[0].paragraphs[-1].text
