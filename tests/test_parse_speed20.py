"""The ink device reads a stroke's state and matrix by the fields' getters (ink._device_class): the
boxes it gives are those read through PyMuPDF's proxy attributes, stroke by stroke, for every kind
of stroke the widening rule tells apart (thin, thick, mitred, round, square-capped, scaled by the
matrix, clipped with an ordinary or a huge miter limit)."""

from __future__ import annotations

import os

import pymupdf

from paperkit.reading import ink


def _strokes_pdf(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=400)
    strokes = []
    for i, (width, miter, join, cap, scale, clip) in enumerate([
            (0.5, 10, 0, 0, 1, False),  # a hairline: MuPDF's bound
            (6.5, 10, 0, 0, 1, False),  # a thick mitred arrow: capped to its half width times sqrt 2
            (6.5, 10, 1, 1, 1, False),  # thick, round joins and caps: its half width
            (4.0, 4, 2, 2, 1, False),  # bevelled, square caps
            (1.0, 10, 0, 0, 3, False),  # thin, drawn three times larger by the matrix
            (3.0, 100000, 0, 0, 1, True),  # matplotlib's miter limit inside a clip: MuPDF's bound
            (3.0, 10, 0, 0, 1, True),  # an ordinary limit inside a clip: capped
            (2.5, 1, 0, 2, 0.5, False),  # miter limit 1, halved by the matrix
            (8.0, 10, 0, 0, "1.5 0.5 0.3 2", False)]):  # sheared and stretched
        y = 20 + 40 * i
        body = f"{width} w {miter} M {join} j {cap} J 20 {y} m 120 {y + 25} l 220 {y} l S"
        if clip:
            body = f"10 {y - 10} 300 40 re W n " + body
        matrix = scale if isinstance(scale, str) else f"{scale} 0 0 {scale}"
        strokes.append(f"q {matrix} 0 0 cm {body} Q")
    xref = page.get_contents()[0] if page.get_contents() else None
    content = "\n".join(strokes).encode()
    if xref is None:
        page.insert_text((300, 380), "x", fontname="helv")
        xref = page.get_contents()[0]
    doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + content + b"\n")
    path = tmp_path / "strokes.pdf"
    doc.save(path)
    return path


def _proxy_device():
    """The ink device with the stroke's box read through the proxies' attributes, as it was."""
    from pymupdf import mupdf

    base = ink._device_class()

    def rect(r):
        return (r.x0, r.y0, r.x1, r.y1)

    class ProxyDevice(base):
        def stroke_path(self, ctx, path, stroke, ctm, colorspace, color, alpha, color_params):
            clip = self.clips[-1]
            if clip is ink.NOTHING:
                return
            b = rect(mupdf.ll_fz_bound_path(path, stroke, ctm))
            if not (clip and stroke.miterlimit > 100):
                scale = abs(ctm.a * ctm.d - ctm.b * ctm.c) ** 0.5
                half = stroke.linewidth / 2 * scale
                if half * max(1.0, stroke.miterlimit) > ink.STROKE_MARGIN:
                    square = stroke.linejoin in (mupdf.FZ_LINEJOIN_MITER, mupdf.FZ_LINEJOIN_MITER_XPS) or \
                        mupdf.FZ_LINECAP_SQUARE in (stroke.start_cap, stroke.end_cap)
                    cap = max(ink.STROKE_MARGIN, half * (1.415 if square else 1.0))
                    bare = rect(mupdf.ll_fz_bound_path(path, None, ctm))
                    b = (max(b[0], bare[0] - cap), max(b[1], bare[1] - cap), min(b[2], bare[2] + cap),
                         min(b[3], bare[3] + cap))
            self.marks.append(("stroke-path", b, clip, False))

    return ProxyDevice


def test_stroke_boxes_read_by_getters_equal_the_proxies(tmp_path):
    from pymupdf import mupdf

    with pymupdf.open(_strokes_pdf(tmp_path)) as doc:
        page = doc[0]
        marks = [m for m in ink.page_marks(page) if m[0] == "stroke-path"]
        device = _proxy_device()()
        ink._run(page, device)
        mupdf.fz_close_device(device)
        expected = [m for m in device.marks if m[0] == "stroke-path"]
    assert len(marks) == 9
    assert [m[:3] for m in marks] == [m[:3] for m in expected]
    # the rule is in force: the thick mitred stroke is cut well inside MuPDF's generous bound
    # (half its width times the miter limit, 32.5 pt), to its half width times sqrt 2
    assert marks[1][1][1] > 65 - 32.5 + 20
    # while under matplotlib's miter limit in a clip it keeps MuPDF's bound (1.5 x 100000 pt wide)
    assert marks[5][1][0] < -1000


def _bordered_images_pdf(tmp_path):
    """One page with three raster plots saved with white borders: 40 x 40 pixels, white round a
    dark 20 x 20 centre, each drawn 80 pt square."""
    doc = pymupdf.open()
    page = doc.new_page(width=400, height=400)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    pix.clear_with(255)
    pix.set_rect(pymupdf.IRect(10, 10, 30, 30), (20, 20, 20))
    for x, y in ((50, 50), (200, 200), (50, 280)):
        page.insert_image(pymupdf.Rect(x, y, x + 80, y + 80), pixmap=pix)
    path = tmp_path / "bordered.pdf"
    doc.save(path)
    return path


def test_white_margins_of_floats_on_one_page_are_trimmed_from_one_display_list(tmp_path, monkeypatch):
    from paperkit.reading.paper import Figure
    from paperkit.reading.parse import _trim_white_margins

    boxes = [(50.0, 50.0, 130.0, 130.0), (200.0, 200.0, 280.0, 280.0), (50.0, 280.0, 130.0, 360.0)]
    images = [[box + (1600,) for box in boxes]]
    figures = [Figure("figure", str(i + 1), "", 1, box) for i, box in enumerate(boxes[:2])]
    tables = [Figure("table", "1", "", 1, boxes[2])]
    with pymupdf.open(_bordered_images_pdf(tmp_path)) as doc:
        # each float on its own, as when every float rendered the page anew
        alone = [_trim_white_margins(doc, [[f]], images)[0][0].bbox for f in figures + tables]
        made = []
        listing = pymupdf.Page.get_displaylist
        monkeypatch.setattr(pymupdf.Page, "get_displaylist", lambda page, *a, **k: made.append(page.number) or listing(page, *a, **k))
        trimmed_figures, trimmed_tables = _trim_white_margins(doc, [figures, tables], images)
        trimmed = [f.bbox for f in trimmed_figures + trimmed_tables]
    assert made == [0]  # one display list for the page's three floats, figures and tables
    assert trimmed == alone
    for (x0, y0, x1, y1), box in zip(trimmed, boxes):  # the white border (20 pt a side) is cut
        assert abs(x0 - (box[0] + 20)) <= 1.5 and abs(y0 - (box[1] + 20)) <= 1.5
        assert abs(x1 - (box[2] - 20)) <= 1.5 and abs(y1 - (box[3] - 20)) <= 1.5


def test_white_margins_of_floats_on_several_pages_are_trimmed_in_forked_helpers_as_serially(tmp_path, monkeypatch):
    """Pages with floats to trim are read as the parse reads its pages (`map_pages`): with a
    helper forked for them when their images are worth it, the boxes are those the serial path cuts."""
    from paperkit.reading import forked
    from paperkit.reading.paper import Figure
    from paperkit.reading.parse import _TRIM_FORK_PIXELS, _trim_white_margins

    doc = pymupdf.open()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 800, 800), False)
    pix.clear_with(255)
    pix.set_rect(pymupdf.IRect(200, 200, 600, 600), (20, 20, 20))
    box = (100.0, 100.0, 260.0, 260.0)
    for _ in range(3):
        doc.new_page(width=400, height=400).insert_image(pymupdf.Rect(box), pixmap=pix)
    path = tmp_path / "bordered_pages.pdf"
    doc.save(path)
    images = [[box + (800 * 800,)] for _ in range(3)]
    assert 3 * 800 * 800 >= _TRIM_FORK_PIXELS
    figures = [Figure("figure", "1", "", 1, box), Figure("figure", "2", "", 3, box)]
    tables = [Figure("table", "1", "", 2, box)]
    made: list[int] = []
    real, parent = os.fork, os.getpid()

    def counting():
        pid = real()
        if os.getpid() == parent:
            made.append(pid)
        return pid

    with pymupdf.open(path) as doc:
        serial = _trim_white_margins(doc, [figures, tables], images)
        monkeypatch.setattr(forked.os, "fork", counting)
        monkeypatch.setattr(forked, "_lone_thread", lambda: True)
        monkeypatch.setenv(forked.PROCESSES_ENV, "2")
        mapped = _trim_white_margins(doc, [figures, tables], images, reopen=lambda: pymupdf.open(path))
    assert len(made) == 1  # (one helper: two processes asked for)
    assert mapped == serial
    for f in mapped[0] + mapped[1]:  # the white border (40 pt a side) is cut
        assert all(abs(v - w) <= 1.5 for v, w in zip(f.bbox, (140, 140, 220, 220))), f.bbox
