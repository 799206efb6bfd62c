"""Speed of `paperkit outline` without a change of its output (issue 14's speed aim, session 37, a):
the per-image work of a page.

- A page's fonts (`paperkit.reading.pdf.page_fonts`) are looked up once a page: each asking of
  PyMuPDF's `get_fonts` walks the page's whole resources, every image among them, and the readers
  that want a page's fonts (the repairs of unnamed glyphs, the drawn bold faces) asked for the same
  page's two or three times (USENIX ATC 2013's TAO: 14,000 image masks on a page).
- The ink device bounds an image, and passes an image mask on to the text device, with the
  bindings' own functions given pointers, not the SWIG proxies: the boxes and the text layer are
  those of the slow path.
"""

from __future__ import annotations

import pymupdf

from paperkit.reading import pdf as pdf_module
from paperkit.reading.ink import _teeing_device_class, page_marks, page_marks_and_text
from paperkit.reading.parse import parse_pdf

FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP


def _masked_pdf(tmp_path, masks: int = 30):
    """A page of text with `masks` 1-bit image masks (a row of rules set as images, as some
    typesetters set a table's rules and some scanners their letters) and one RGB image."""
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=300)
    page.insert_text((40, 40), "Words over the masks", fontname="helv")
    page.insert_text((40, 250), "Words under the masks", fontname="helv")
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 4, 4), False)
    pix.clear_with(90)
    page.insert_image(pymupdf.Rect(300, 200, 340, 240), pixmap=pix)
    mask = doc.get_new_xref()
    doc.update_object(mask, "<< /Type /XObject /Subtype /Image /ImageMask true /Width 8 /Height 1 "
                            "/BitsPerComponent 1 /Decode [1 0] >>")
    doc.update_stream(mask, b"\xff")
    kind, value = doc.xref_get_key(page.xref, "Resources")
    if kind == "xref":
        doc.xref_set_key(int(value.split()[0]), "XObject/Rule", f"{mask} 0 R")
    else:
        doc.xref_set_key(page.xref, "Resources/XObject/Rule", f"{mask} 0 R")
    xref = page.get_contents()[0]
    rules = b"".join(b"\nq 0 0 1 rg %d 0 0 1.5 %d %d cm /Rule Do Q" % (100 + k, 40 + 2 * k, 60 + 4 * k)
                     for k in range(masks))
    doc.update_stream(xref, doc.xref_stream(xref) + rules + b"\n")
    path = tmp_path / "masked.pdf"
    doc.save(path)
    return path


def test_an_image_masks_box_is_its_unit_square_through_its_matrix(tmp_path):
    with pymupdf.open(_masked_pdf(tmp_path, masks=3)) as doc:
        page = doc[0]
        marks = page_marks(page)
        masks = [box for kind, box, _, _ in marks if kind == "fill-imgmask"]
        assert len(masks) == 3
        for k, box in enumerate(masks):  # (PDF space turned to the page's: y from the top)
            assert box == (40 + 2 * k, 300 - 60 - 4 * k - 1.5, 40 + 2 * k + 100 + k, 300 - 60 - 4 * k)
        images = [box for kind, box, _, _ in marks if kind == "fill-image"]
        assert images == [(300.0, 200.0, 340.0, 240.0)]
        assert marks.image_pixels == [16]


def test_the_tee_passes_the_masks_on_as_the_two_runs_read_them(tmp_path):
    with pymupdf.open(_masked_pdf(tmp_path)) as doc:
        page = doc[0]
        marks, textpage = page_marks_and_text(page, FLAGS)
        assert marks == page_marks(page)
        assert len([m for m in marks if m[0] == "fill-imgmask"]) == 30
        assert textpage.extractDICT() == page.get_text("dict", flags=FLAGS)
    assert "fill_image_mask" in vars(_teeing_device_class())  # (its own callback, which hands pointers on)


def test_a_pages_fonts_are_looked_up_once(tmp_path, monkeypatch):
    path = _masked_pdf(tmp_path)  # (PyMuPDF's insert_text asks for the fonts too)
    asked = []
    original = pymupdf.Page.get_fonts
    monkeypatch.setattr(pymupdf.Page, "get_fonts", lambda self, *a, **k: asked.append(self.number) or original(self, *a, **k))
    with pymupdf.open(path) as doc:
        first = pdf_module.page_fonts(doc[0])
        again = pdf_module.page_fonts(doc[0])  # (another Page object of the same page)
        assert asked == [0]
        assert again is first and first == original(doc[0])


def test_the_parse_asks_for_each_pages_fonts_once_at_most(tmp_path, monkeypatch):
    path = tmp_path / "bold.pdf"
    doc = pymupdf.open()
    for k in range(3):
        page = doc.new_page(width=400, height=300)
        page.insert_text((40, 40), f"Heading {k + 1}", fontname="hebo", fontsize=14)
        page.insert_text((40, 80), "Running text set in a plain face, with a few words in it.", fontname="helv")
    doc.save(path)
    asked = []
    original = pymupdf.Page.get_fonts
    monkeypatch.setattr(pymupdf.Page, "get_fonts", lambda self, *a, **k: asked.append(self.number) or original(self, *a, **k))
    monkeypatch.setenv("PAPERKIT_PROCESSES", "1")
    parse_pdf(str(path))
    assert len(asked) == len(set(asked))


def test_the_repairs_of_unnamed_glyphs_ask_for_the_pages_fonts_once(tmp_path, monkeypatch):
    # (a page whose text layer leaves characters unnamed, U+FFFD, goes through both repairs that
    # read its fonts' maps: the Windows code page's and the glyph names')
    from paperkit.reading import parse

    path = _masked_pdf(tmp_path, masks=2)
    asked = []
    original = pymupdf.Page.get_fonts
    monkeypatch.setattr(pymupdf.Page, "get_fonts", lambda self, *a, **k: asked.append(self.number) or original(self, *a, **k))
    with pymupdf.open(path) as doc:
        page = doc[0]
        spans = [{"font": "Helvetica", "text": "Words \ufffd over", "size": 11.0}]
        blocks = [{"type": 0, "lines": [{"spans": spans}]}]
        parse._repair_windows_codes(page, blocks, spans)
        parse._repair_glyph_names(page, blocks, spans)
        assert asked == [0]
        assert spans[0]["text"] == "Words \ufffd over"  # (a font with no map to Unicode: nothing to name)
