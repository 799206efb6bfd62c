"""Leftovers of the tune split's text (session 42): a row of prose parted around inline math set
under its baseline between big brackets, on a page of displays (page drawn here with PyMuPDF)."""

from __future__ import annotations

import re

import pytest

pymupdf = pytest.importorskip("pymupdf")

from paperkit.reading.parse import parse_pdf  # noqa: E402

TIMES, SYMBOL = "tiro", "symb"


def _put(page, x: float, y: float, text: str, font: str = TIMES, size: float = 9.96) -> float:
    """`text` from (x, baseline y), a text object of its own; returns the x after it."""
    page.insert_text((x, y), text, fontname=font, fontsize=size)
    return x + pymupdf.get_text_length(text, font, size)


def _display(page, y: float, number: str, lead: str, tail: str, right: str) -> None:
    """A display equation in TeX's pieces: its left side, a fraction 1/S and a sum with its
    limits left of the middle, the summand and a condition right of it, the number at the margin."""
    x = _put(page, 206, y, lead, SYMBOL)
    _put(page, x, y - 6, "1")
    _put(page, x, y + 7, "S", SYMBOL)
    _put(page, x + 12, y - 9, "S", SYMBOL, 6.97)
    _put(page, x + 9, y, "S", SYMBOL, 14.3)
    _put(page, x + 10, y + 13, "s=1", TIMES, 6.97)
    x = _put(page, 306, y, tail, SYMBOL)
    _put(page, x + 2, y - 7, "2", TIMES, 6.97)
    _put(page, x + 12, y, right, SYMBOL)
    _put(page, 488, y, number)


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def test_words_after_inline_math_under_the_baseline_between_big_brackets_stay_in_their_row(tmp_path):
    # NeurIPS: "... construction cost is O(T_eig D C_HVP(k)). This cost is shared by all": the big
    # brackets are drawn off the row, so the text layer parts it into the words up to "O", the
    # math (its baseline 1.5 pt under the row's, with its scripts) and ". This cost is shared by
    # all" from right where the math ends. The math joins the words on its left; the words after
    # it are the same row too, or, on a page whose display equations stand in pieces on both
    # halves, they read as a right column's line, a paragraph of their own after the next row.
    # (Here the brackets are small ones raised over the row.)
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    _put(page, 108, 80, "5 Estimators", "hebo", 12)
    y = 104.9
    for text in ("The subspace is found once per checkpoint with a few steps of an iterative eigensolver;",
                 "block methods such as Lanczos or LOBPCG apply identically and follow the standard second-order",
                 "toolkit used in modern analysis frameworks such as PyHessian [Yao et al., 2020]. If each iteration",
                 "requires a number of Hessian-vector products that grows with the dimension of the subspace, then"):
        _put(page, 108, y, text)
        y += 10.9
    x = _put(page, 108, y, "products, the one-time subspace construction cost is", TIMES, 9.94)
    x = _put(page, x, y, " O", SYMBOL)
    x = _put(page, x + 0.3, y - 8, "(", SYMBOL, 6)
    x = _put(page, x, y, "T", SYMBOL)
    x = _put(page, x, y + 1.5, "eig", TIMES, 6.97)
    x = _put(page, x, y + 1.5, " D C", SYMBOL)
    x = _put(page, x, y + 1.5, "HVP", TIMES, 6.97)
    x = _put(page, x + 0.5, y, "(k)", SYMBOL)
    x = _put(page, x, y - 8, ")", SYMBOL, 6)
    _put(page, x, y, ". This cost is shared by all", TIMES, 9.94)
    y += 10.9
    _put(page, 108, y, "subspace-based estimators below.")
    y += 20
    for lead, (number, left, tail, right), (first, last) in (
            ("Direct Monte Carlo. The most faithful estimator samples the subspace probe directly:",
             ("(11)", "D(D) = ", "L(w) - L(w)", "w = w + Uz."),
             ("It estimates the criterion itself, at the cost of two forward passes for each sample it",
              "draws, per sample.")),
            ("Quadratic Monte Carlo. Replacing the increment by its quadratic surrogate gives",
             ("(12)", "Q(D) = ", "a + c z + z Bz", "z ~ N(0, sI)."),
             ("Once the coefficients are set up, its cost is linear in the number of samples S drawn",
              "and in the dimension.")),
            ("Gaussian moments. The surrogate being quadratic, its mean has a closed form:",
             ("(13)", "G(D) = ", "a + s tr B + s c", "over all z."),
             ("After setup, this estimator costs a fixed number of operations; it is the fastest",
              "of the three."))):
        _put(page, 108, y, lead)
        y += 30
        _display(page, y, number, left, tail, right)
        y += 30
        _put(page, 108, y, first)
        _put(page, 108, y + 10.9, last)
        y += 30.9
    doc.save(tmp_path / "row.pdf")
    paragraphs = [p.text for s in parse_pdf(tmp_path / "row.pdf").sections for p in s.paragraphs]
    assert not any(p.lstrip().startswith(". This cost") for p in paragraphs), paragraphs
    row = [p for p in paragraphs if "construction cost is" in p]
    assert len(row) == 1 and _key("This cost is shared by all subspace-based estimators below.") in _key(row[0]), paragraphs
