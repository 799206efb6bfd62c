"""White paint is told the same way every time: the colour conversion behind it reads its options
from memory that lives as long as the ink device does (see `ink._device_class`)."""

from __future__ import annotations

import gc
import weakref

import pymupdf

from paperkit.reading.ink import page_marks


def _white_boxes_page():
    """White boxes behind text in grey, RGB and CMYK, and one box of each in a light tint."""
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=300)
    for i, white in enumerate(((1,), (1, 1, 1), (0, 0, 0, 0))):
        page.draw_rect(pymupdf.Rect(20, 20 + 40 * i, 180, 50 + 40 * i), color=None, fill=white)
    for i, tint in enumerate(((0.9,), (0.9, 0.9, 1), (0.1, 0, 0, 0))):
        page.draw_rect(pymupdf.Rect(220, 20 + 40 * i, 380, 50 + 40 * i), color=None, fill=tint)
    return doc, page


def test_white_paint_is_told_alike_in_every_run(capfd):
    doc, page = _white_boxes_page()
    seen = set()
    for _ in range(40):
        # (allocations and collections between runs: memory freed behind the device's back is
        # written over, and a conversion that read it would be refused or go astray)
        junk = [pymupdf.Matrix(i, 0, 0, i, 0, 0) for i in range(1, 200)] + [bytearray(64) for _ in range(200)]
        del junk
        gc.collect()
        marks = page_marks(page)
        seen.add(tuple(white for _, _, _, white in marks))
    assert seen == {(True, True, True, False, False, False)}
    out, err = capfd.readouterr()
    assert "cmsCreateTransform" not in out + err


def test_conversion_options_live_as_long_as_the_device_class(monkeypatch):
    """The options struct the conversion is handed a pointer to is kept alive by the device class
    (freed, its memory was read as a rendering intent: "cmsCreateTransform failed" in one process of
    a few, and white told otherwise there)."""
    from pymupdf import mupdf

    from paperkit.reading import ink

    made = []

    class Tracked(mupdf.FzColorParams):
        def __init__(self, *args):
            super().__init__(*args)
            made.append(weakref.ref(self))

    monkeypatch.setattr(mupdf, "FzColorParams", Tracked)
    ink._device_class.cache_clear()
    try:
        ink._device_class()
        gc.collect()
        assert made and all(ref() is not None for ref in made)
    finally:
        ink._device_class.cache_clear()
        ink._teeing_device_class.cache_clear()
