from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from _review_samples import filled_review
from paperkit.errors import UsageError
from paperkit.review.export import Document, cover_html, export_document, group_pdf, html_page, parse_formats, render_body, stylesheet

HEADINGS = ("Summary", "Strengths", "Weaknesses", "Questions for the authors", "Limitations", "Scores")


@pytest.fixture
def sheet(tmp_path):
    text = filled_review("ann") + "\n<!-- TODO: a blank left in -->\n\nRaw <b>html</b> & a <br> tag, and 3 < 4.\n"
    path = tmp_path / "review-ann.md"
    path.write_text(text, encoding="utf-8")
    return Document(path, "1603.08511-review-ann")


def pdf_text(data: bytes) -> str:
    import pymupdf

    with pymupdf.open("pdf", data) as doc:
        return "\n".join(page.get_text() for page in doc)


def test_formats():
    assert parse_formats("all") == ("md", "html", "pdf")
    assert parse_formats("pdf,md") == ("md", "pdf")
    with pytest.raises(UsageError, match="unknown export format docx"):
        parse_formats("docx")


def test_html_is_well_formed_and_drops_blanks(sheet, tmp_path):
    out = tmp_path / "out"
    written = export_document(sheet, ("md", "html"), out, stylesheet(None))
    assert [p.name for p in written] == ["1603.08511-review-ann.md", "1603.08511-review-ann.html"]
    assert written[0].read_text(encoding="utf-8") == sheet.markdown  # Markdown as is
    page = written[1].read_text(encoding="utf-8")
    root = ET.fromstring(page.split("\n", 1)[1])  # strict XML parse, after the doctype line
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    assert root.find("h:head/h:title", ns).text == "Review: Colorful Image Colorization"
    assert [h.text for h in root.iterfind(".//h:h2", ns)] == list(HEADINGS)
    assert "TODO" not in page and "<b>" not in page and "&lt;b&gt;html&lt;/b&gt;" in page
    assert "border-collapse" in page  # the print stylesheet is inlined

    class Balanced(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack = []

        def handle_starttag(self, tag, attrs):
            if tag not in ("meta", "br", "hr", "img"):
                self.stack.append(tag)

        def handle_startendtag(self, tag, attrs):
            pass  # <br />, <meta ... />: nothing to close

        def handle_endtag(self, tag):
            assert self.stack.pop() == tag

    parser = Balanced()
    parser.feed(page)
    assert parser.stack == []


def test_pdf_round_trip_reads_back_the_sections(sheet, tmp_path):
    (pdf,) = export_document(sheet, ("pdf",), tmp_path, stylesheet(None))
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    for heading in HEADINGS:
        assert heading in text
    assert "No GAN baseline (Table\u00a02)" in text and "Overall rating (1–10): 7" in text  # a citation never splits
    assert "TODO" not in text


def test_long_sheet_flows_onto_more_pages(tmp_path):
    import pymupdf

    text = "# Long\n\n" + "\n\n".join(f"## Part {i}\n\n" + "A sentence that fills the page. " * 40 for i in range(12))
    path = tmp_path / "long.md"
    path.write_text(text, encoding="utf-8")
    (pdf,) = export_document(Document(path, "long"), ("pdf",), tmp_path, stylesheet(None))
    with pymupdf.open(pdf) as doc:
        assert doc.page_count > 1
        assert "Part 11" in doc[-1].get_text() or "Part 11" in "".join(p.get_text() for p in doc)


def test_group_pdf_starts_with_a_cover_page(sheet):
    import pymupdf

    cover = cover_html("Seminar — group A", ["Dana Levi", "Eli Cohen"], [("2026-04-29", "1603.08511", "presenter")])
    data = group_pdf(cover, [sheet, sheet], stylesheet(None))
    with pymupdf.open("pdf", data) as doc:
        first = doc[0].get_text()
        assert "Seminar — group A" in first and "Dana Levi" in first and "presenter" in first
        assert "Strengths" not in first  # each document starts on its own page
        assert doc.page_count >= 3
        assert "".join(p.get_text() for p in doc).count("Questions for the authors") == 2


def test_tables_render_in_html_and_pdf():
    body = render_body("| Field | Value |\n|---|---:|\n| Soundness | 3 |\n")
    assert "<table>" in body and "<td style=\"text-align:right\">3</td>" in body
    ET.fromstring(html_page(body, "t", "").split("\n", 1)[1])


FORMULAS = r"""# Formulas

The divergence $D_{KL}(p \| \hat p)$; optima $x^*$ and $y^*$; densities $p_{\theta}(x)$ and $q_{\phi}(z)$; inline \(a_b\).

$$
\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}
$$

\[ \sum_i x_i^2 \]

It costs $5 and $6, which is not a formula.
"""


def _mathml(page: str) -> list[ET.Element]:
    root = ET.fromstring(page.split("\n", 1)[1])
    return list(root.iter("{http://www.w3.org/1998/Math/MathML}math"))


def test_formulas_are_mathml_in_html_and_never_touched_by_markdown(tmp_path):
    path = tmp_path / "f.md"
    path.write_text(FORMULAS, encoding="utf-8")
    (page,) = export_document(Document(path, "f"), ("html",), tmp_path, stylesheet(None))
    text = page.read_text(encoding="utf-8")
    maths = _mathml(text)
    assert [m.get("display") for m in maths] == ["inline"] * 6 + ["block", "block"]
    assert "<em>" not in text and "$" not in text.replace("$5 and $6", "")  # no emphasis, no leftovers
    assert "\u2016" in ET.tostring(maths[0], encoding="unicode")  # \| is a double bar, not "|"
    assert [e.text for e in maths[1].iter("{http://www.w3.org/1998/Math/MathML}mo")] == ["*"]
    rows = list(maths[6].iter("{http://www.w3.org/1998/Math/MathML}mtr"))
    assert len(rows) == 2  # `\\` still separates the matrix rows
    assert "It costs $5 and $6" in text


def test_formulas_are_drawn_in_pdf_or_kept_verbatim(tmp_path):
    import pymupdf

    path = tmp_path / "f.md"
    path.write_text(FORMULAS, encoding="utf-8")
    (pdf,) = export_document(Document(path, "f"), ("pdf",), tmp_path, stylesheet(None))
    with pymupdf.open(pdf) as doc:
        text = doc[0].get_text()
        assert len(doc[0].get_images()) == 7  # six inline formulas and \[ … \]; mathtext has no pmatrix
        # Formulas sit on the text's baseline: p_θ(x) (3 pt deep) hangs lower than x^* (none).
        boxes = sorted((info["bbox"] for info in doc[0].get_image_info()), key=lambda b: (round(b[1] / 20), b[0]))
        first_line = [b for b in boxes if abs(b[1] - boxes[0][1]) < 15]
        bottoms = [round(b[3], 1) for b in first_line]
        assert max(bottoms) - min(bottoms) >= 2.5
    # what mathtext cannot draw is printed exactly as written, delimiters included
    assert "$$\n\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}\n$$" in text
    assert "x^*" not in text and "It costs $5 and $6" in text


def test_pdf_has_metadata_bookmarks_page_numbers_and_live_links(tmp_path):
    import pymupdf

    text = filled_review("Ann Lee", weaknesses=("No GAN baseline, see https://arxiv.org/abs/1703.04044 (§ 4.1)",))
    text = text.replace("Stated briefly in § 5.", "Stated briefly in § 5. " * 400)
    path = tmp_path / "review-ann-lee.md"
    path.write_text(text, encoding="utf-8")
    (pdf,) = export_document(Document(path, "r"), ("pdf",), tmp_path, stylesheet(None))
    with pymupdf.open(pdf) as doc:
        assert doc.metadata["title"] == "Review: Colorful Image Colorization" and doc.metadata["author"] == "Ann Lee"
        assert doc.metadata["subject"] == "neurips sheet of arXiv:1603.08511 — Colorful Image Colorization"
        assert doc.page_count >= 2
        for number, page in enumerate(doc, start=1):
            assert f"{number} / {doc.page_count}" in page.get_text()
        toc = [(level, title) for level, title, _ in doc.get_toc()]
        assert toc[0] == (1, "Review: Colorful Image Colorization") and (2, "Weaknesses") in toc and (2, "Scores") in toc
        assert [title for _, title, page in doc.get_toc() if title == "Scores"] and doc.get_toc()[-1][2] == doc.page_count
        assert "https://arxiv.org/abs/1703.04044" in {link.get("uri") for link in doc[0].get_links()}
        assert "(§\u00a04.1)" in doc[0].get_text()


def test_pdf_tables_leave_no_border_artefacts_in_empty_space(tmp_path):
    import pymupdf

    text = "# Long\n\n" + "Filler text. " * 600 + "\n\n| A | B |\n|---|---|\n" + "".join(f"| row {i} | {i} |\n" for i in range(40)) + "\nAfter.\n"
    path = tmp_path / "t.md"
    path.write_text(text, encoding="utf-8")
    (pdf,) = export_document(Document(path, "t"), ("pdf",), tmp_path, stylesheet(None))
    with pymupdf.open(pdf) as doc:
        last = doc[-1]
        after = next(b for b in last.get_text("blocks") if "After." in b[4])
        strays = [d["rect"] for d in last.get_drawings() if d["rect"].y0 > after[3]]
        assert strays == []  # was a grey band of the header's background halfway down the page


def test_unanswered_sections_are_left_out_and_incomplete_sheets_stamped_draft(tmp_path):
    import pymupdf

    text = filled_review("ann").replace("Stated briefly in § 5.", "<!-- TODO: limitations -->")
    text += "\n### Only a blank\n\n<!-- TODO: x -->\n"
    path = tmp_path / "review-ann.md"
    path.write_text(text, encoding="utf-8")
    doc = Document(path, "r", problems=("Limitations: empty (only the template's blanks are left)",))
    page, pdf = export_document(doc, ("html", "pdf"), tmp_path, stylesheet(None))
    html_text = page.read_text(encoding="utf-8")
    assert "Limitations" not in html_text.split("DRAFT")[-1].split("</p>", 1)[1] and "Only a blank" not in html_text
    assert '<p class="draft"><b>DRAFT</b>: incomplete (1 problem: Limitations: empty' in html_text
    with pymupdf.open(pdf) as out:
        text = out[0].get_text()
        assert "DRAFT: incomplete" in text and "Only a blank" not in text
        assert "Limitations" not in [title for _, title, _ in out.get_toc()]
    clean = Document(path, "clean")
    (page,) = export_document(clean, ("html",), tmp_path, stylesheet(None))
    assert "DRAFT" not in page.read_text(encoding="utf-8")


def test_conflict_markers_stop_the_export_and_fail_the_check(tmp_path):
    from paperkit.errors import InvalidInputError
    from paperkit.review.sheets import check_sheet, parse_sheet

    text = filled_review("ann").replace("## Summary\n", "## Summary\n\n<<<<<<< HEAD\nmine\n=======\ntheirs\n>>>>>>> origin/main\n")
    path = tmp_path / "review-ann.md"
    path.write_text(text, encoding="utf-8")
    problems = [str(p) for p in check_sheet(parse_sheet(text, str(path)))]
    assert problems == ["git conflict: unresolved conflict markers on lines 9, 11, 13: keep one version and delete the markers"]
    with pytest.raises(InvalidInputError, match=r"review-ann\.md: unresolved git conflict markers on line 9"):
        export_document(Document(path, "r"), ("html",), tmp_path / "out", stylesheet(None))
    assert not (tmp_path / "out").exists()
