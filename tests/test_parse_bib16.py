"""Bibliographies of the sixteenth split's shapes, drawn on PyMuPDF pages by the tests themselves."""

from __future__ import annotations

import pymupdf

from tests.test_parse_bib12 import _introduction_then_references


def test_short_author_year_entries_hang_their_few_wrapped_lines():
    # An astronomy journal's list: most entries fit one line and end on a page number, no full stop;
    # the few that wrap set their second line in under a full first line. Each line at the margin
    # opens an entry.
    pages = _introduction_then_references()
    entries = [
        ("Aleo P. D., et al., 2023, ApJS, 266, 9", None),
        ("Astier P., et al., 2006, A&A, 447, 31", None),
        ("Bellm E. C., et al., 2019a, PASP, 131, 018002", None),
        ("Betancourt M. J., Byrne S., Girolami M., Hoffman M. D., Gelman A., 2014, preprint,", "(arXiv:1411.6669)"),
        ("Betoule M., et al., 2014, A&A, 568, A22", None),
        ("Bingham E., et al., 2019, J. Machine Learning Res., 20, 1", None),
        ("Blei D. M., Kucukelbir A., McAuliffe J. D., Jordan M. I., Wainwright M. J., 2016,", "preprint, (arXiv:1601.00670)"),
        ("Briday M., et al., 2022, A&A, 657, A22", None),
        ("Brout D., Scolnic D., 2021, ApJ, 909, 26", None),
        ("Brout D., et al., 2019, ApJ, 874, 150", None),
        ("Burkardt J., Smith A. B., Jones C. D., 2014, Department of Scientific Computing,", "Florida State University, Tallahassee"),
        ("Burns C. R., et al., 2011, AJ, 141, 19", None),
        ("Carpenter B., et al., 2017, J. Statistical Software, 76, 1", None),
    ]
    for first, rest in entries:
        if rest:
            pages.justified(first, 72, 540)
            pages.line(rest, size=9, x=84)
        else:
            pages.line(first, size=9)
    paper = pages.parse()
    assert len(paper.references) == len(entries), paper.references
    assert paper.references[3].endswith("(arXiv:1411.6669)")
    assert paper.references[4].startswith("Betoule M.")


def test_white_strips_behind_lines_across_the_column_hide_no_entries():
    # A Word paper shades some entries' lines white, each a strip one line high from the column's
    # left edge to its right, past the line's words: unseen on the page, no figure of those lines.
    pages = _introduction_then_references()
    entries = [
        ("1. von Ahn, L., Dabbish, L. Labeling Images with a Computer", "Game. CHI 2004"),
        ("2. Bernstein, M., et al. Soylent: A Word Processor with a Crowd", "Inside. UIST 2010."),
        ("3. Kittur, A., Smus, B., Khamkar, S., Kraut, R. E. CrowdForge:", "crowdsourcing complex work. UIST 2011."),
        ("4. Kriplean, T., Morgan, J. T., Freelon, D., Borning, A., Bennett,",
         "L. Supporting Reflective Public Thought with ConsiderIt.", "CSCW 2012."),
        ("5. Kulkarni, A., Can, M., Hartmann, B. Collaboratively", "crowdsourcing workflows with turkomatic. CSCW 2012."),
        ("6. Laniado, D., Eynard, D., Colombetti, M. Using WordNet to", "turn a folksonomy into a hierarchy of concepts."),
        ("7. Little, G., Chilton, L. B., Goldman, M., Miller, R. C. TurKit:", "human computation algorithms. UIST 2010."),
    ]
    for k, (first, *rest) in enumerate(entries):
        for text, x in ((first, 72.0), *((r, 84.0) for r in rest)):
            if k == 3:  # the shaded entry: a white strip behind each of its lines, edge to edge
                top = pages.y - 9 * 0.85
                pages.page.draw_rect(pymupdf.Rect(70, top, 330, top + 9 * 1.2), color=None, fill=(1, 1, 1))
            pages.line(text, size=9, x=x)
        pages.y += 4
    paper = pages.parse()
    assert len(paper.references) == len(entries), paper.references
    assert paper.references[3].startswith("4. Kriplean") and paper.references[3].endswith("CSCW 2012.")
    assert paper.references[2].endswith("UIST 2011.")
