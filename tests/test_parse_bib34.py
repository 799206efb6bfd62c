"""Bibliography entries of the twenty-fourth split's papers on a page made here: a list keyed by
names and full years ("[Bayes1763]", "[VanderPlas2014]") set in a column of their own."""

from __future__ import annotations

import pymupdf

from paperkit.reading.parse import parse_pdf
from tests.pdf_pages import lines


def test_label_column_of_names_and_years(tmp_path):
    """Keys of a name and a full year ("[Bayes1763]", "[VanderPlas2014]") set flush left in a column
    as wide as the widest of them, each entry's lines beside it: one entry each."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((150, 70), "A Python-driven Primer", fontname="hebo", fontsize=16)
    page.insert_text((72, 100), "Introduction", fontname="hebo", fontsize=10)
    y, _ = lines(page, 72, 540, 118, 10)
    page.insert_text((72, y + 14), "REFERENCES", fontname="hebo", fontsize=11)
    entries = [("[Bayes1763]", ["T. Bayes. An essay towards solving a problem in", "the doctrine of chances. Phil. Trans. 53:370-418, 1763"]),
               ("[Eddy2004]", ["S.R. Eddy. What is Bayesian statistics?. Nature", "Biotechnology 22:1177-1178, 2004"]),
               ("[Gelman2004]", ["A. Gelman, J.B. Carlin, H.S. Stern, and D.B. Rubin.", "Bayesian Data Analysis. Chapman and Hall, 2004."]),
               ("[Hardy2003]", ["M. Hardy. An illuminating counterexample. Am.", "Math. Monthly 110:234-238, 2003."]),
               ("[VanderPlas2014]", ["J. VanderPlas. Frequentism and Bayesianism. Four-", "part series on Pythonic Perambulations, 2014."]),
               ("[Wasserman2004]", ["L. Wasserman. All of statistics: a concise course in", "statistical inference. Springer, 2004."])]
    y += 32
    for label, rows in entries:
        page.insert_text((72, y), label, fontname="tiro", fontsize=8)
        for row in rows:
            page.insert_text((152, y), row, fontname="tiro", fontsize=8)
            y += 9
    path = tmp_path / "refs.pdf"
    doc.save(path)
    paper = parse_pdf(path)
    assert len(paper.bibliography) == 6, [ref.text for ref in paper.bibliography]
