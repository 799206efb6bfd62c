"""The one run over a page that gives both its marks and its text layer (ink.page_marks_and_text)
against the two runs it replaces: page_marks and PyMuPDF's own get_text("dict")."""

from __future__ import annotations

import pymupdf
import pytest

from paperkit.reading.ink import page_marks, page_marks_and_text

FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP


def _drawn_pdf(tmp_path):
    """Text in grey, RGB and CMYK, white text on a white box, a plot clipped to its frame, text drawn
    outside a clip (hidden: the text layer leaves it out), a soft-masked group, an image, and an
    annotation holding text (text, no mark); a second page turned by /Rotate."""
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=300)
    page.insert_text((40, 40), "Plain words in grey", fontname="helv", color=(0.3, 0.3, 0.3))
    page.insert_text((40, 60), "Words in red", fontname="helv", color=(1, 0, 0))
    page.insert_text((40, 80), "Words in cyan ink", fontname="helv", color=(1, 0, 0, 0))
    page.draw_rect(pymupdf.Rect(200, 30, 380, 90), color=None, fill=(1, 1, 1))
    page.insert_text((210, 60), "White on white", fontname="helv", color=(1, 1, 1))
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 4, 4), False)
    pix.clear_with(128)
    page.insert_image(pymupdf.Rect(300, 200, 340, 240), pixmap=pix)
    page.add_freetext_annot(pymupdf.Rect(40, 250, 200, 280), "A reader's note")
    xref = page.get_contents()[0]
    extra = (b"\nq 40 100 120 80 re W n 0 0 1 RG 1 w 30 90 m 200 200 l S "  # a curve past its clip
             b"BT /helv 9 Tf 45 150 Td (Tick inside the frame) Tj ET Q"
             b"\nq 200 100 40 20 re W n BT /helv 12 Tf 200 160 Td (Hidden beyond the clip) Tj ET Q"
             b"\nq /GS1 gs BT /helv 10 Tf 210 130 Td (Under a soft mask) Tj ET Q\n")
    doc.update_stream(xref, doc.xref_stream(xref) + extra)
    # A luminosity soft mask: a form that paints the left half white.
    mask = doc.get_new_xref()
    doc.update_object(mask, "<< /Type /XObject /Subtype /Form /BBox [0 0 400 300] /Group << /S /Transparency /CS /DeviceGray >> >>")
    doc.update_stream(mask, b"1 g 0 0 220 300 re f")
    gs = doc.get_new_xref()
    doc.update_object(gs, f"<< /Type /ExtGState /SMask << /S /Luminosity /G {mask} 0 R >> >>")
    kind, value = doc.xref_get_key(page.xref, "Resources")
    if kind == "xref":
        doc.xref_set_key(int(value.split()[0]), "ExtGState/GS1", f"{gs} 0 R")
    else:
        doc.xref_set_key(page.xref, "Resources/ExtGState/GS1", f"{gs} 0 R")
    turned = doc.new_page(width=400, height=300)
    turned.insert_text((40, 40), "A landscape table", fontname="helv")
    turned.draw_rect(pymupdf.Rect(40, 60, 200, 120), color=(0, 0, 0))
    turned.set_rotation(90)
    path = tmp_path / "drawn.pdf"
    doc.save(path)
    return path


def test_one_run_gives_the_marks_and_the_text_of_two(tmp_path):
    with pymupdf.open(_drawn_pdf(tmp_path)) as doc:
        for page in doc:
            marks, textpage = page_marks_and_text(page, FLAGS)
            assert marks == page_marks(page)
            assert (textpage is None) == bool(page.rotation)  # a turned page: the caller reads its text
            expected = page.get_text("dict", flags=FLAGS)
            assert page.get_text("dict", flags=FLAGS, textpage=textpage) == expected
        text = doc[0].get_text()
        assert "Hidden beyond the clip" not in text and "Tick inside the frame" in text
        assert "A reader's note" in text  # the annotation's text, which no mark stands for


def test_a_pymupdf_without_the_calls_of_one_run_reads_the_page_twice(tmp_path, monkeypatch):
    from paperkit.reading import ink

    monkeypatch.setattr(ink, "_can_tee", lambda: False)  # as on a PyMuPDF whose bindings lack a call
    with pymupdf.open(_drawn_pdf(tmp_path)) as doc:
        page = doc[0]
        marks, textpage = page_marks_and_text(page, FLAGS)
        assert textpage is None and marks == page_marks(page)


def test_this_pymupdf_has_every_call_of_one_run():
    from pymupdf import mupdf

    from paperkit.reading import ink

    assert [name for name in ink._TEE_CALLS if not hasattr(mupdf, name)] == []


def test_a_ctrl_c_in_a_device_callback_is_a_keyboard_interrupt(tmp_path, monkeypatch):
    """(PyMuPDF's bindings raise it as an FzErrorGeneric naming it: a traceback, not "interrupted")"""
    from paperkit.reading import ink

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(ink._device_class(), "stroke_path", interrupted)
    with pymupdf.open(_drawn_pdf(tmp_path)) as doc:
        for run in (lambda page: page_marks(page), lambda page: page_marks_and_text(page, FLAGS)):
            with pytest.raises(KeyboardInterrupt):
                run(doc[0])
