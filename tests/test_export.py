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
    assert "No GAN baseline (Table 2)" in text and "Overall rating (1–10): 7" in text
    assert "TODO" not in text


def test_long_sheet_flows_onto_more_pages(tmp_path):
    import pymupdf

    text = "# Long\n\n" + "\n\n".join(f"## Part {i}\n\n" + "A sentence that fills the page. " * 40 for i in range(12))
    path = tmp_path / "long.md"
    path.write_text(text, encoding="utf-8")
    (pdf,) = export_document(Document(path, "long"), ("pdf",), tmp_path, stylesheet(None))
    with pymupdf.open(pdf) as doc:
        assert doc.page_count > 1
        pages = [page.get_text() for page in doc]
        assert "Part 0" in pages[0] and "Part 11" not in pages[0]  # the last part flowed on ...
        assert "Part 11" in pages[-1]  # ... to the last page


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
