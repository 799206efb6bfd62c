"""The ink of a page that is not text: vector paths with their clips, images and shadings.

One run over the page's content stream with a MuPDF device written here gives every mark in
drawing order: its kind (`fill-path`, `stroke-path`, `fill-image`, `fill-imgmask`, `fill-shade`,
as in PyMuPDF's `Page.get_bboxlog`), its box, the clip rectangle in force when a path is drawn
(None: unclipped) and whether the path paints white.

The parser needs both the boxes and the clips: a plot's curve is often drawn past its axes and
clipped to them (matplotlib, pgfplots), and its unclipped box would reach down over the caption.
PyMuPDF gives boxes (`get_bboxlog`) and clips (`get_cdrawings`) in two runs over the page, the
second building a dictionary of every path segment; on a page of a scatter plot with thousands of
points that was half a second. Here one run keeps only what the parser reads.

MuPDF bounds a stroke generously: its path widened by half the line width times the miter limit
(ten by default), whatever its corners. For the thin lines of most drawings that is a point or two,
and the clustering of thin-lined drawings relies on it; a network diagram's thick arrows (6.5 pt)
were bounded 70 pt past their ink, above the page's top, into the other column and over the caption
below, so the figure's box took in its neighbours. A stroke's widening is kept up to `STROKE_MARGIN`
or, when more, to half its width as drawn (√2 of it at a mitred or square corner, where a very sharp
miter's spike may reach a few points further).

A path's box is the box of its points, a curve's control points among them (MuPDF's bound): a
curve's control points may lie well off the curve, and an S-shaped connector in a flow chart was
bounded 20 pt left of its ink, into the margin, and the figure's crop with it. A path of a curve
is bounded by the curve itself (`_curve_walker`); which paths have one (and no more than
`MOST_CURVES`) is read from the path's commands where this MuPDF lays them out as expected
(`_curved_test`), else by walking any path of `CURVE_SIZE` or more.

`page_marks_and_text` makes the page's text layer in the same run. The parser needs both, and
running a page's content stream was most of the time of both `page.get_text` and the marks: a
page of a dense plot took 0.3 s to run, twice. The device hands MuPDF's structured-text device
every call that device reads, text, images and shadings (which bound ActualText), and every
call that pushes or pops a clip, mask, group or tile, whose scissor clips the text
(`TEXT_MEDIABOX_CLIP` is MuPDF's `FZ_STEXT_CLIP`): the text device sees what `get_text` shows it.
"""

from __future__ import annotations

from functools import cache

PATHS = ("fill-path", "stroke-path")
# A stroke's box at least this wide and tall (points) is looked at for level rules apart drawn as one
# path (see `level_rules` in `_device_class`): one rule's box is a point or two tall.
RULES_APART_SIZE = (50.0, 20.0)
# A path this large (points, either side) is looked at for curves bounded past their ink: a curve's
# control points lie at most 5/9 of its box's size past the curve, and less than the benchmark's and
# the crops' slack of a few points on a smaller path.
CURVE_SIZE = 5.0
# A path of more curves than this is bounded by MuPDF's box, control points and all: a connector or a
# brace is a few curves, and walking every curve of a map's coastline, a glyph drawn as outlines or a
# plot's hundreds of round markers in Python cost a survey's parse a third of its time, while each of
# so many short curves overshoots by little.
MOST_CURVES = 16
STROKE_MARGIN = 8.0  # points: of MuPDF's widening of a stroke's bound, kept at least this much
# An image as large as this (points squared; a quarter of a Letter page) has its soft mask looked at
# when that mask has no more pixels than UNSEEN_MASK_PIXELS: an image so large lying over the page's
# text made its text a figure's; a small one is cheaper left as it is.
UNSEEN_IMAGE_AREA = 0.25 * 612 * 792
UNSEEN_MASK_PIXELS = 1 << 20

Box = tuple[float, float, float, float]
# The clip in force under a clip that leaves nothing to draw in (an empty path, or clips that do not
# meet): the marks drawn under it are never seen, and are not recorded.
NOTHING: Box = (0.0, 0.0, -1.0, -1.0)
Mark = tuple[str, Box, "Box | None", bool]  # kind, box, clip (None: unclipped), paints white


class Marks(list):
    """A page's marks (a list of `Mark`), with `image_pixels`: the pixel count (width times height)
    of each `fill-image` mark's image, in the marks' order (what decoding it would cost)."""

    def __init__(self) -> None:
        super().__init__()
        self.image_pixels: list[int] = []
# (white is only looked up for a path large enough to hold a line of text)


def page_marks(page) -> list[Mark]:
    """The page's non-text marks in drawing order, on the page as shown (turned by its /Rotate).
    Only the page's own content is run: annotations (a reader's highlights and pen strokes over
    the text) are no part of the paper."""
    from pymupdf import mupdf

    device = _device_class()()
    # MuPDF runs a page turned by its /Rotate: the marks come as the page is shown, where the parser
    # reads its text (PyMuPDF's get_bboxlog turns the page back first).
    _run(page, device)
    mupdf.fz_close_device(device)
    return device.marks


def page_marks_and_text(page, flags: int):
    """(`page_marks(page)`, the page's `pymupdf.TextPage` as `page.get_textpage(flags=flags)` makes
    it) from one run over the page's content stream; the annotations and widgets, which
    `get_textpage` reads too, are then run for the text alone. The TextPage is None where one run
    cannot stand in for two, and the caller reads the text itself: a page turned by /Rotate (PyMuPDF
    reads its text unturned), text in a colour of more than four inks (which the forwarding call
    cannot pass), or flags other than the parser's (which may ask the text device for more calls)."""
    import weakref

    import pymupdf
    from pymupdf import mupdf

    if page.rotation or flags & ~(pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP |
                                  pymupdf.TEXT_PRESERVE_LIGATURES) or not _can_tee():
        return page_marks(page), None
    stext = mupdf.FzStextPage(mupdf.fz_bound_page(page.this))
    text_device = mupdf.fz_new_stext_device(stext, mupdf.FzStextOptions(flags))
    device = _teeing_device_class()(text_device.m_internal)
    _run(page, device)
    mupdf.fz_close_device(device)
    if device.unforwarded:
        return device.marks, None
    mupdf.fz_run_page_annots(page.this, text_device, mupdf.FzMatrix(), mupdf.FzCookie())
    mupdf.fz_run_page_widgets(page.this, text_device, mupdf.FzMatrix(), mupdf.FzCookie())
    mupdf.fz_close_device(text_device)
    textpage = pymupdf.TextPage(stext)
    textpage.parent = weakref.proxy(page)  # as Page.get_textpage sets it (get_text checks it)
    return device.marks, textpage


def _run(page, device) -> None:
    """Run the page's content stream through `device`. A Ctrl-C that lands in one of the device's
    Python callbacks reaches MuPDF as an error, which PyMuPDF's bindings raise as an FzErrorGeneric
    naming KeyboardInterrupt: it is raised as the KeyboardInterrupt it is (else: a traceback, exit 1)."""
    from pymupdf import mupdf

    try:
        mupdf.fz_run_page_contents(page.this, device, mupdf.FzMatrix(), mupdf.FzCookie())
    except Exception as error:
        if "<class 'KeyboardInterrupt'>" in str(error):
            raise KeyboardInterrupt from None
        raise


# The device callbacks the teeing device passes on to the text device (see the module's docstring):
# what the text device reads (text; images and shadings bound ActualText) and the clip stack, whose
# scissor clips the text: every push and pop of a clip, mask, group or tile. The ink device records
# the second set too.
_TEXT_ONLY = ("stroke_text", "ignore_text", "begin_metatext", "end_metatext", "begin_mask", "end_mask",
              "begin_group", "end_group", "end_tile")
_INK_AND_TEXT = ("fill_shade", "fill_image", "fill_image_mask", "clip_path", "clip_stroke_path", "clip_text",
                 "clip_stroke_text", "clip_image_mask", "pop_clip")


def _mupdf_call(name: str) -> str:
    """The MuPDF binding that makes the call of device callback `name`."""
    return {"end_mask": "ll_fz_end_mask_tr", "fill_text": "ll_fz_fill_text2",
            "begin_tile": "ll_fz_begin_tile_tid"}.get(name, f"ll_fz_{name}")


_TEE_CALLS = tuple(_mupdf_call(n) for n in ("fill_text", "begin_tile") + _TEXT_ONLY + _INK_AND_TEXT) + \
    ("fz_new_stext_device", "fz_run_page_annots", "fz_run_page_widgets")


@cache
def _can_tee() -> bool:
    """Whether this PyMuPDF's MuPDF bindings have every call the teeing device makes (the range
    pyproject admits reaches back to releases that may lack some): without them the page is run twice."""
    from pymupdf import mupdf

    return all(hasattr(mupdf, name) for name in _TEE_CALLS)


@cache
def _teeing_device_class():
    """The ink device that also passes the text device its calls (see the module's docstring)."""
    from pymupdf import mupdf

    ink = _device_class()
    floats, colorspace_n, fill_text2 = mupdf.floats_getitem, mupdf.ll_fz_colorspace_n, mupdf.ll_fz_fill_text2
    fill_image_mask = getattr(getattr(mupdf, "_mupdf", None), "ll_fz_fill_image_mask", mupdf.ll_fz_fill_image_mask)

    class TeeingInkDevice(ink):
        def __init__(self, text_device):
            super().__init__()
            self.text = text_device
            self.unforwarded = False  # a text call it could not pass on
            for name in ("fill_text", "begin_tile") + _TEXT_ONLY:  # the ink device turns on its own
                getattr(self, f"use_virtual_{name}")()

        def fill_text(self, ctx, text, ctm, colorspace, color, alpha, color_params):
            # (PyMuPDF's ll_fz_fill_text takes the colour as a list: its components are read here;
            # structs go as pointers, see `_device_class`)
            space = colorspace.this if colorspace else None
            n = colorspace_n(space) if space else 0
            if n > 4:
                self.unforwarded = True
                return
            # (grey and RGB, nearly every text's colour, read without a list: a page fills text a
            # hundred times and more)
            if n == 1:
                fill_text2(self.text, text, ctm.this, space, floats(color, 0), 0.0, 0.0, 0.0, alpha, color_params.this)
            elif n == 3:
                fill_text2(self.text, text, ctm.this, space, floats(color, 0), floats(color, 1), floats(color, 2), 0.0,
                           alpha, color_params.this)
            else:
                c = [floats(color, i) for i in range(n)] + [0.0] * (4 - n)
                fill_text2(self.text, text, ctm.this, space, c[0], c[1], c[2], c[3], alpha, color_params.this)

        def fill_image_mask(self, ctx, image, ctm, colorspace, color, alpha, color_params):
            # (a page may set its rules, or its letters, as thousands of image masks: passed on with
            # pointers too)
            fill_image_mask(self.text, image, ctm.this, colorspace, color, alpha, color_params.this)
            ink.fill_image_mask(self, ctx, image, ctm, colorspace, color, alpha, color_params)

        def clip_path(self, ctx, path, even_odd, ctm, scissor):
            # (a plot clips each of its marks: this call is passed on with pointers, see `_device_class`)
            mupdf.ll_fz_clip_path(self.text, path, even_odd, ctm.this, scissor.this)
            ink.clip_path(self, ctx, path, even_odd, ctm, scissor)

        def begin_tile(self, ctx, area, view, xstep, ystep, ctm, id, doc_id):
            mupdf.ll_fz_begin_tile_tid(self.text, area, view, xstep, ystep, ctm, id, doc_id)
            return 0  # not cached: the tile is run, as for a device without begin_tile

    def passed_on(name: str, ink_too: bool):
        """The callback `name` that makes the same call on the text device (MuPDF's fz_<name>), and
        records the ink as the ink device does when `ink_too`."""
        call = getattr(mupdf, _mupdf_call(name))
        own = getattr(ink, name) if ink_too else None

        def callback(self, ctx, *args):
            call(self.text, *args)
            if own is not None:
                own(self, ctx, *args)
        return callback

    for name in _TEXT_ONLY:
        setattr(TeeingInkDevice, name, passed_on(name, ink_too=False))
    for name in _INK_AND_TEXT:
        if name not in vars(TeeingInkDevice):
            setattr(TeeingInkDevice, name, passed_on(name, ink_too=True))
    return TeeingInkDevice


def _unseen(image) -> bool:
    """Whether an image's soft mask hides all of it: every pixel of the mask is 0, fully
    transparent. Some PDF editors lay such an image over each page they touch (a reader's
    highlighter tool: a 100-pixel square stretched over the text area of every page but the
    first, its mask all zero); seen as ink, it made each page one figure and its text the figure's.
    Only a mask of at most `UNSEEN_MASK_PIXELS` is decoded (an invisible layer needs no more)."""
    from pymupdf import mupdf

    mask = image.mask
    if not mask or mask.w * mask.h > UNSEEN_MASK_PIXELS:
        return False
    pixmap = mupdf.fz_get_unscaled_pixmap_from_image(mupdf.FzImage(mupdf.ll_fz_keep_image(mask)))
    samples = bytes(mupdf.fz_pixmap_samples_memoryview(pixmap))
    return samples.count(0) == len(samples)  # (counted in C: `any` walks a million bytes in Python, 9 ms)


def _rules_walker():
    """A path walker that records a path's subpaths as [x0, y0, x1, y1] (a moveto and one lineto;
    `rules`), and notes (`spoilt`) any other segment: a curve, a closing, a second line."""
    from pymupdf import mupdf

    class RulesWalker(mupdf.FzPathWalker2):
        def __init__(self):
            super().__init__()
            for name in ("moveto", "lineto", "curveto", "closepath"):
                getattr(self, f"use_virtual_{name}")()
            self.rules: list[list[float]] = []
            self.spoilt = False

        def moveto(self, ctx, x, y):
            self.rules.append([x, y])

        def lineto(self, ctx, x, y):
            if self.rules and len(self.rules[-1]) == 2:
                self.rules[-1] += (x, y)
            else:
                self.spoilt = True

        def curveto(self, ctx, x1, y1, x2, y2, x3, y3):
            self.spoilt = True

        def closepath(self, ctx):
            self.spoilt = True

    return RulesWalker()


def _curve_walker():
    """A path walker that bounds a path by its ink (`box`, [x0, y0, x1, y1] in page space through
    `matrix`, six numbers as fz_matrix): its points on the curve and each cubic's extremes, not its
    control points. `box` stays None for a path of no segment."""
    from pymupdf import mupdf

    def expand(b, x, y):
        if x < b[0]:
            b[0] = x
        if x > b[2]:
            b[2] = x
        if y < b[1]:
            b[1] = y
        if y > b[3]:
            b[3] = y

    def extremes(p0, p1, p2, p3):
        """The parameters in (0, 1) where a cubic's coordinate (p0..p3) turns."""
        # B'(t)/3 = a t^2 + b t + c
        a, b, c = -p0 + 3 * p1 - 3 * p2 + p3, 2 * (p0 - 2 * p1 + p2), p1 - p0
        if abs(a) < 1e-9:
            return [-c / b] if abs(b) > 1e-9 and 0 < -c / b < 1 else []
        d = b * b - 4 * a * c
        if d < 0:
            return []
        r = d ** 0.5
        return [t for t in ((-b + r) / (2 * a), (-b - r) / (2 * a)) if 0 < t < 1]

    class CurveWalker(mupdf.FzPathWalker2):
        def __init__(self):
            super().__init__()
            for name in ("moveto", "lineto", "curveto", "closepath"):
                getattr(self, f"use_virtual_{name}")()
            self.matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
            self.box: list[float] | None = None
            self.at = (0.0, 0.0)  # the current point, in page space
            self.start = (0.0, 0.0)
            self.moved = False  # a moveto not yet followed by a segment
            self.curves = 0  # the curves walked

        def _point(self, x, y):
            a, b, c, d, e, f = self.matrix
            return a * x + c * y + e, b * x + d * y + f

        def _reach(self, x, y):
            if self.box is None:
                self.box = [x, y, x, y]
            else:
                expand(self.box, x, y)

        def moveto(self, ctx, x, y):
            self.at = self.start = self._point(x, y)
            self.moved = True

        def _segment(self):
            if self.moved:
                self._reach(*self.at)
                self.moved = False

        def lineto(self, ctx, x, y):
            self._segment()
            self.at = self._point(x, y)
            self._reach(*self.at)

        def curveto(self, ctx, x1, y1, x2, y2, x3, y3):
            self._segment()
            self.curves += 1
            (u0, v0), (u1, v1), (u2, v2), (u3, v3) = self.at, self._point(x1, y1), self._point(x2, y2), \
                self._point(x3, y3)
            self._reach(u3, v3)
            for t in extremes(u0, u1, u2, u3) + extremes(v0, v1, v2, v3):
                s = 1 - t
                k0, k1, k2, k3 = s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t
                self._reach(k0 * u0 + k1 * u1 + k2 * u2 + k3 * u3, k0 * v0 + k1 * v1 + k2 * v2 + k3 * v3)
            self.at = (u3, v3)

        def closepath(self, ctx):
            self.at = self.start

    return CurveWalker()


_CURVES = b"CVYQcvyq"  # MuPDF's path commands that draw a curve (a cubic; V, Y: its short forms; Q: quadratic)


@cache
def _curved_test():
    """A test whether a path (the pointer a device callback is given) draws a curve, read from the
    path's commands in MuPDF's fz_path (refs, packed, cmd_len, cmd_cap, cmds, ...), or None when
    this MuPDF does not lay a path out so (its layout checked on a path made here), or its Python
    cannot give a pointer's address."""
    import ctypes

    from pymupdf import mupdf

    try:
        path = mupdf.ll_fz_new_path()
        mupdf.ll_fz_moveto(path, 1, 2)
        mupdf.ll_fz_lineto(path, 5, 7)
        mupdf.ll_fz_curveto(path, 1, 2, 3, 4, 5, 6)
        address = int(path)
    except Exception:
        return None
    c_int, c_uint8, c_void_p, string_at = ctypes.c_int, ctypes.c_uint8, ctypes.c_void_p, ctypes.string_at
    pointer_at = 16 if ctypes.sizeof(c_void_p) == 8 else 12
    try:
        # (the fields that are no pointer first: a layout read wrong reads the struct's own memory)
        if c_uint8.from_address(address + 1).value != 0 or c_int.from_address(address + 4).value != 3 or \
                c_int.from_address(address + pointer_at + ctypes.sizeof(c_void_p)).value != 10 or \
                string_at(c_void_p.from_address(address + pointer_at).value, 3) != b"MLC":
            return None
    finally:
        mupdf.ll_fz_drop_path(path)

    def curved(path) -> bool:
        a = int(path)
        if c_uint8.from_address(a + 1).value != 0:
            return True  # a packed path (not what a page's run gives): walked
        n = c_int.from_address(a + 4).value
        return n > 0 and 0 < n - len(string_at(c_void_p.from_address(a + pointer_at).value, n).translate(None, _CURVES)) \
            <= MOST_CURVES

    return curved


@cache
def _device_class():
    """The device class, made on first use: `pymupdf.mupdf` is only imported by the parse."""
    from pymupdf import mupdf

    rgb = mupdf.FzColorspace(mupdf.FzColorspace.Fixed_RGB)
    params = mupdf.FzColorParams()

    # (the binding's own conversion into one reused result, its three components read by their
    # getters: mupdf.py's ll_fz_convert_color makes a result and reads four fields a call, and a page
    # of plots asks for thousands of colours)
    binding = getattr(mupdf, "_mupdf", None)
    convert = getattr(binding, "ll_fz_convert_color2", mupdf.ll_fz_convert_color2)
    converted = mupdf.fz_convert_color2_v()
    red, green, blue = (getattr(mupdf.fz_convert_color2_v, name).fget for name in ("v0", "v1", "v2"))
    rgb_space, color_params = rgb.m_internal, params.internal()
    # (`color_params` points into `params`: the two Python objects must live as long as `white`. Once
    # they were freed when this function returned, and the conversion read whatever memory was there
    # as its rendering intent: at times the colour library refused it ("cmsCreateTransform failed"),
    # the colour was converted another way and a paper's outline came out otherwise one run in a few.)
    alive = (rgb, params)

    def white(colorspace, color) -> bool:
        if not colorspace or not alive:
            return False
        convert(colorspace, color, rgb_space, converted, None, color_params)
        # (within a rounding of white: a drawing program's ground of (0.99998, 1, 1), unseen, made
        # EMNLP 2022's workflow figure 460 pt wide, past the page's edge)
        return red(converted) >= 0.998 and green(converted) >= 0.998 and blue(converted) >= 0.998

    # A path's white is only looked up when its box could hold a line of text, 10 by 3 points (white
    # matters only for a box behind a caption; converting the colour of every marker of a scatter plot
    # cost more than the rest).

    # The bindings take a struct's SWIG proxy (the fz_matrix or fz_rect a callback is given, the
    # fz_rect a call returns) slowly: they look its pointer up by attribute, about a microsecond a
    # time, and reading a rect's four corners cost more than bounding its path. Calls here are given
    # the pointer itself (`.this`), and corners are read by the fields' getters, which take it too.
    x0_of, y0_of, x1_of, y1_of = (getattr(mupdf.fz_rect, name).fget for name in ("x0", "y0", "x1", "y1"))
    # (the binding's own function, not the Python function of mupdf.py that only calls it: a page of
    # plots bounds tens of thousands of paths)
    bound_path = getattr(getattr(mupdf, "_mupdf", None), "ll_fz_bound_path", mupdf.ll_fz_bound_path)
    # (and an image's box, the unit square through its matrix, by the binding's function given the
    # pointers: a page of 14,000 image masks, USENIX ATC 2013's TAO, spent a third of its run
    # handing the proxies over)
    transform_rect = getattr(getattr(mupdf, "_mupdf", None), "ll_fz_transform_rect", mupdf.ll_fz_transform_rect)
    unit = mupdf.fz_unit_rect.this

    def box(rect) -> Box:
        r = rect.this
        return (x0_of(r), y0_of(r), x1_of(r), y1_of(r))

    # (a stroke's state and matrix read by their fields' getters too: a plot of forty thousand lines
    # read six fields a stroke through the proxies, a third of the page's run)
    a_of, b_of, c_of, d_of = (getattr(mupdf.fz_matrix, name).fget for name in ("a", "b", "c", "d"))
    width_of, miter_of = mupdf.fz_stroke_state.linewidth.fget, mupdf.fz_stroke_state.miterlimit.fget

    def stroke_box(path, stroke, ctm, clipped: bool = False) -> Box:
        """A stroke's box, widened by at most `STROKE_MARGIN` or the half width it is drawn with;
        MuPDF's own bound when `clipped` with a miter limit past any page (see `stroke_path`)."""
        s, m = stroke.this, ctm.this
        r = bound_path(path, s, m).this
        b = (x0_of(r), y0_of(r), x1_of(r), y1_of(r))
        miter = miter_of(s)
        if clipped and miter > 100:
            return b
        half = width_of(s) / 2 * abs(a_of(m) * d_of(m) - b_of(m) * c_of(m)) ** 0.5
        if half * max(1.0, miter) <= STROKE_MARGIN:
            return b  # MuPDF's widening is small already
        bare = box(bound_path(path, None, m))
        if bare[3] - bare[1] < 0.01 or bare[2] - bare[0] < 0.01:
            # A straight level (or upright) line has no corner: its ink is half its width to either
            # side of it, and past its ends only by its caps (a butt cap, the default, none). Word
            # and dvips paint a table's shaded ground as one line 99 pt thick (Quantitative Finance
            # 2001: grey behind Table 1): bounded as a cornered path, it reached 70 pt past the
            # ground's ends, over the margin and into the other column.
            caps = (stroke.start_cap, stroke.end_cap) + ((stroke.dash_cap,) if stroke.dash_len else ())
            along = 0.0 if all(c == mupdf.FZ_LINECAP_BUTT for c in caps) else half
            level = bare[3] - bare[1] < 0.01
            reach = (along, half) if level else (half, along)
            return (max(b[0], bare[0] - reach[0]), max(b[1], bare[1] - reach[1]),
                    min(b[2], bare[2] + reach[0]), min(b[3], bare[3] + reach[1]))
        square = stroke.linejoin in (mupdf.FZ_LINEJOIN_MITER, mupdf.FZ_LINEJOIN_MITER_XPS) or \
            mupdf.FZ_LINECAP_SQUARE in (stroke.start_cap, stroke.end_cap)
        cap = max(STROKE_MARGIN, half * (1.415 if square else 1.0))
        return (max(b[0], bare[0] - cap), max(b[1], bare[1] - cap), min(b[2], bare[2] + cap), min(b[3], bare[3] + cap))

    is_rect = mupdf.ll_fz_path_is_rect
    e_of, f_of = mupdf.fz_matrix.e.fget, mupdf.fz_matrix.f.fget
    walker = _rules_walker()
    walk_path = getattr(binding, "ll_fz_walk_path", mupdf.ll_fz_walk_path)

    def level_rules(path, ctm, b: Box) -> list[Box] | None:
        """The boxes of the level rules a stroke draws, when it draws nothing else and more than one
        (each its own subpath of one straight segment), each widened as MuPDF widened the whole
        (`b`); else None. Word and Distiller stroke rules far apart as one path (USENIX 2004: the
        rule under a figure's caption in the left column and the one over the next figure across
        the page, 225 pt lower): as one mark its box was a frame round the running text between
        them, and that text was taken into the figure."""
        walker.rules.clear()
        walker.spoilt = False
        walk_path(path, walker.m_internal, walker.m_internal)
        rules = walker.rules
        if walker.spoilt or len(rules) < 2 or any(len(rule) != 4 for rule in rules):
            return None
        m = ctm.this
        a, bb, c, d, e, f = a_of(m), b_of(m), c_of(m), d_of(m), e_of(m), f_of(m)
        bare = box(bound_path(path, None, m))
        left, top, right, bottom = bare[0] - b[0], bare[1] - b[1], b[2] - bare[2], b[3] - bare[3]
        out = []
        for x0, y0, x1, y1 in rules:
            u0, v0, u1, v1 = a * x0 + c * y0 + e, bb * x0 + d * y0 + f, a * x1 + c * y1 + e, bb * x1 + d * y1 + f
            if abs(v1 - v0) >= 0.01:
                return None  # not level
            out.append((min(u0, u1) - left, v0 - top, max(u0, u1) + right, v0 + bottom))
        return out

    def _outside(path, stroke, ctm, clip: Box) -> bool:
        """Whether a stroked rectangle's outline lies all outside the clip, every edge with its ink
        past the clip's edge: a slide's frame round a figure saved from a presentation, clipped to
        the slide's content (ACL 2023: a grey frame 20 pt past every side of the figure's clip), paints
        nothing, and its box would be the whole clip."""
        m = ctm.this
        half = width_of(stroke.this) / 2 * abs(a_of(m) * d_of(m) - b_of(m) * c_of(m)) ** 0.5
        bare = box(bound_path(path, None, m))
        return bare[0] + half < clip[0] and bare[1] + half < clip[1] and bare[2] - half > clip[2] and \
            bare[3] - half > clip[3] and bool(is_rect(path, ctm))

    curve_walker = _curve_walker()
    curved = _curved_test() or (lambda path: True)

    def uncurved(path, ctm, b: Box, bare: Box | None = None) -> Box:
        """`b`, a path's box, less what its curves' control points widened it by (see the module's
        docstring): each side moved in by as much as the curve's own bound lies inside the bound of
        its points (`bare`, MuPDF's, when known), the box of a stroke keeping its widening. (Called
        for a path `curved` found so; a path of no curve or more than `MOST_CURVES` keeps `b`, where
        `curved` cannot read the commands and every path is walked.)"""
        m = ctm.this
        curve_walker.matrix = (a_of(m), b_of(m), c_of(m), d_of(m), e_of(m), f_of(m))
        curve_walker.box = None
        curve_walker.moved = False
        curve_walker.curves = 0
        walk_path(path, curve_walker.m_internal, curve_walker.m_internal)
        ink = curve_walker.box
        if ink is None or not 0 < curve_walker.curves <= MOST_CURVES:
            return b
        if bare is None:
            bare = box(bound_path(path, None, m))
        return (b[0] + max(0.0, ink[0] - bare[0]), b[1] + max(0.0, ink[1] - bare[1]),
                b[2] - max(0.0, bare[2] - ink[2]), b[3] - max(0.0, bare[3] - ink[3]))

    class InkDevice(mupdf.FzDevice2):
        """Records marks; text callbacks are not overridden, so text costs nothing here."""

        def __init__(self):
            super().__init__()
            self.marks = Marks()
            self.clips: list[Box | None] = [None]
            for name in ("fill_path", "stroke_path", "fill_shade", "fill_image", "fill_image_mask", "clip_path",
                         "clip_stroke_path", "clip_text", "clip_stroke_text", "clip_image_mask", "pop_clip"):
                getattr(self, f"use_virtual_{name}")()

        # (the two callbacks of every path of a plot: `box` written out in them)
        def fill_path(self, ctx, path, even_odd, ctm, colorspace, color, alpha, color_params):
            clip = self.clips[-1]
            # (a fill painted fully transparent counts: a drawing program's ground laid at opacity 0
            # behind a diagram, SIGMOD 2015's Figure 7, bounds the figure as drawn, a label over its
            # boxes inside it; only a stroke so painted is no ink, below)
            if clip is NOTHING:
                return
            r = bound_path(path, None, ctm.this).this
            x0, y0, x1, y1 = x0_of(r), y0_of(r), x1_of(r), y1_of(r)
            if (x1 - x0 >= CURVE_SIZE or y1 - y0 >= CURVE_SIZE) and curved(path):
                x0, y0, x1, y1 = uncurved(path, ctm, (x0, y0, x1, y1), (x0, y0, x1, y1))
            self.marks.append(("fill-path", (x0, y0, x1, y1), clip, x1 - x0 >= 10 and y1 - y0 >= 3 and white(colorspace, color)))

        def stroke_path(self, ctx, path, stroke, ctm, colorspace, color, alpha, color_params):
            # A stroke inside a clip with a miter limit past any page (matplotlib's 100000) keeps
            # MuPDF's bound: the clip bounds it, as the plot's frame does its lines. With an ordinary
            # limit it is bounded as an unclipped one, the clip cutting it further: a thick line well
            # inside a clip round the whole page (OSR 2010's 2.9 pt outlines, miter limit 10) was
            # bounded 14 pt past its ink.
            clip = self.clips[-1]
            if clip is NOTHING or alpha <= 0.0:
                # (or stroked fully transparent: TACL 2018's Figure 5, the boxes round its rows' labels
                # stroked at opacity 0, 29 pt left of the words; bounded as ink, they widened the crop)
                return
            # (`stroke_box`'s common case written out, a thin line: MuPDF's own bound. A plot of
            # forty thousand lines made the call and the proxies' lookups a third of its strokes' cost.)
            s, m = stroke.this, ctm.this
            r = bound_path(path, s, m).this
            miter = miter_of(s)
            if clip is not None and miter > 100 or width_of(s) / 2 * abs(a_of(m) * d_of(m) - b_of(m) * c_of(m)) ** 0.5 * \
                    (miter if miter > 1.0 else 1.0) <= STROKE_MARGIN:
                b = (x0_of(r), y0_of(r), x1_of(r), y1_of(r))
            else:
                b = stroke_box(path, stroke, ctm, clip is not None)
            if (b[2] - b[0] >= CURVE_SIZE or b[3] - b[1] >= CURVE_SIZE) and curved(path):
                b = uncurved(path, ctm, b)
            if clip is not None and b[0] < clip[0] and b[1] < clip[1] and b[2] > clip[2] and b[3] > clip[3] and \
                    _outside(path, stroke, ctm, clip):
                return  # a rectangle's outline all outside its clip: nothing of it is seen
            if b[2] - b[0] >= RULES_APART_SIZE[0] and b[3] - b[1] >= RULES_APART_SIZE[1] and \
                    not (clip is not None and miter > 100) and not is_rect(path, m) and \
                    (rules := level_rules(path, ctm, b)) is not None:
                # (each rule as far as its clip reaches, one all outside it none: a plot's grid
                # stroked as one path and clipped to its frame (SIGGRAPH 1993's Figure 3, its level
                # lines running 43 pt past the frame on both sides) gave rules as wide as the
                # unclipped path, and the figure over its caption was cut as wide as them)
                if clip is not None:
                    rules = [(max(r[0], clip[0]), max(r[1], clip[1]), min(r[2], clip[2]), min(r[3], clip[3]))
                             for r in rules]
                    rules = [r for r in rules if r[0] < r[2] and r[1] < r[3]]
                paints_white = white(colorspace, color)
                self.marks.extend(("stroke-path", r, clip, r[2] - r[0] >= 10 and r[3] - r[1] >= 3 and paints_white)
                                  for r in rules)
                return
            self.marks.append(("stroke-path", b, clip, b[2] - b[0] >= 10 and b[3] - b[1] >= 3 and white(colorspace, color)))

        def fill_shade(self, ctx, shade, ctm, alpha, color_params):
            if self.clips[-1] is NOTHING:
                return
            self.marks.append(("fill-shade", box(mupdf.ll_fz_bound_shade(shade, ctm)), self.clips[-1], False))

        def fill_image(self, ctx, image, ctm, alpha, color_params):
            b = box(transform_rect(unit, ctm.this))
            if alpha <= 0.0 or self.clips[-1] is NOTHING or ((b[2] - b[0]) * (b[3] - b[1]) >= UNSEEN_IMAGE_AREA and _unseen(image)):
                return  # painted fully transparent (see `_unseen`) or clipped away: no ink
            self.marks.image_pixels.append(image.w * image.h)
            self.marks.append(("fill-image", b, self.clips[-1], False))

        def fill_image_mask(self, ctx, image, ctm, colorspace, color, alpha, color_params):
            if self.clips[-1] is NOTHING:
                return
            self.marks.append(("fill-imgmask", box(transform_rect(unit, ctm.this)), self.clips[-1], False))

        def _clip(self, rect) -> None:
            outer = self.clips[-1]
            x0, y0, x1, y1 = b = box(rect)
            if x0 > x1 or y0 > y1 or outer is NOTHING:
                # A path that bounds nothing ("0 0 m W n": a point) clips all away: what is drawn
                # under it is never seen (CVPR 2023: 82 pt rules set as 1-pixel image masks under
                # such clips, one reaching 27 pt past the page's left edge, made a figure's crop
                # start off the page)
                self.clips.append(NOTHING)
            elif outer is None:
                self.clips.append(b)
            else:
                clip = (max(x0, outer[0]), max(y0, outer[1]), min(x1, outer[2]), min(y1, outer[3]))
                self.clips.append(clip if clip[0] <= clip[2] and clip[1] <= clip[3] else NOTHING)

        def clip_path(self, ctx, path, even_odd, ctm, scissor):
            self._clip(bound_path(path, None, ctm.this))

        def clip_stroke_path(self, ctx, path, stroke, ctm, scissor):
            self._clip(bound_path(path, None, ctm.this))

        # Text and image-mask clips (outlined text, soft masks) leave a path's box as it is.
        def clip_text(self, ctx, text, ctm, scissor):
            self.clips.append(self.clips[-1])

        def clip_stroke_text(self, ctx, text, stroke, ctm, scissor):
            self.clips.append(self.clips[-1])

        def clip_image_mask(self, ctx, image, ctm, scissor):
            self.clips.append(self.clips[-1])

        def pop_clip(self, ctx):
            if len(self.clips) > 1:
                self.clips.pop()

    InkDevice.stroke_box = staticmethod(stroke_box)  # (the whole bound, for tests of `stroke_path`'s common case)
    return InkDevice
