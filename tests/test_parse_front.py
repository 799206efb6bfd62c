"""Front matter, headings and display math in shapes met on real papers, each on a page drawn here."""

from __future__ import annotations

import pytest

pymupdf = pytest.importorskip("pymupdf")

from paperkit.reading.parse import parse_document  # noqa: E402

PROSE = ("We train every model for ninety epochs with the same schedule and report the mean of three "
         "seeds, because single runs vary by more than the differences we want to measure in this study.")


class Page:
    """A page written top to bottom: each call sets a line at the next height."""

    def __init__(self, doc, width: float = 612, height: float = 792):
        self.page = doc.new_page(width=width, height=height)
        self.y = 72.0

    def line(self, text: str, font: str = "tiro", size: float = 10.0, x: float = 72, gap: float = 1.25) -> None:
        self.page.insert_text((x, self.y), text, fontname=font, fontsize=size)
        self.y += size * gap

    def skip(self, points: float) -> None:
        self.y += points

    def paragraph(self, text: str = PROSE, repeat: int = 2) -> None:
        words = (" ".join([text] * repeat)).split()
        for start in range(0, len(words), 14):
            self.line(" ".join(words[start:start + 14]))
        self.y += 6


def _parse(doc, **kw):
    with pymupdf.open(stream=doc.tobytes(), filetype="pdf") as again:
        return parse_document(again, **kw)


def test_a_title_set_in_two_sizes_is_whole():
    # ICLR's title: "AN IMAGE IS WORTH 16X16 WORDS:" in smaller capitals over a larger second line.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("AN IMAGE IS WORTH 16X16 WORDS:", size=14)
    page.line("TRANSFORMERS FOR IMAGE RECOGNITION AT SCALE", size=17)
    page.skip(10)
    page.line("Ada Okafor, Bo Lindqvist", x=200)
    page.skip(14)
    page.line("Abstract", "tibo", 12, x=270)
    page.paragraph()
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    paper = _parse(doc)
    assert paper.title == "AN IMAGE IS WORTH 16X16 WORDS: TRANSFORMERS FOR IMAGE RECOGNITION AT SCALE"
    assert paper.authors == ("Ada Okafor", "Bo Lindqvist")


def test_a_long_title_past_the_middle_of_a_page_without_headings_is_whole():
    # A cover page: four title lines in large type reaching below the middle, no heading on it; a
    # hyphen that belongs to the compound ("Vision-" + "and-Language") is kept.
    doc = pymupdf.open()
    page = Page(doc)
    page.skip(240)
    for row in ("Landmark Tours: Solving Vision-", "and-Language Navigation with", "Fine-Grained Alignment",
                "Supervision"):
        page.line(row, "tibo", 28, gap=1.35)
    page.skip(100)
    page.line("Ada Okafor", size=13, x=260)
    second = Page(doc)
    second.line("1 Introduction", "tibo", 12)
    second.paragraph()
    paper = _parse(doc)
    assert paper.title == "Landmark Tours: Solving Vision-and-Language Navigation with Fine-Grained Alignment Supervision"


def test_a_subtitle_in_another_face_stays_out_of_the_title():
    doc = pymupdf.open()
    page = Page(doc)
    page.line("MineCraft Kit", "tibo", 25)
    page.line("Release 0.4.0", "tibi", 18)
    page.skip(20)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    assert _parse(doc).title == "MineCraft Kit"


def test_an_abstract_led_by_a_bold_word_without_punctuation():
    # Springer's journals: "**Abstract** Automatic music transcription is ..." on the abstract's first line.
    doc = pymupdf.open()
    page = Page(doc)
    page.line("Automatic Transcription of Music", "tibo", 14)
    page.skip(20)
    words = PROSE.split()
    first = " ".join(words[:12])
    page.page.insert_text((72, page.y), "Abstract", fontname="tibo", fontsize=10)
    page.page.insert_text((72 + pymupdf.get_text_length("Abstract ", "tibo", 10), page.y), first,
                          fontname="tiro", fontsize=10)
    page.y += 12.5
    for start in range(12, len(words), 14):
        page.line(" ".join(words[start:start + 14]))
    page.skip(12)
    page.line("1 Introduction", "tibo", 12)
    page.paragraph()
    paper = _parse(doc)
    assert paper.abstract is not None and paper.abstract.startswith("We train every model")
