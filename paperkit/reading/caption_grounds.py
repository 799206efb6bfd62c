"""A caption set on a tinted ground of its own: the ground is the caption's, no graphic.

Some journals print each float's caption on a tinted panel of its own, ruled over and under in
colour, right under the figure (PeerJ: "Figure 1 Comparison of ..." on a pale blue ground across
the text block, a hairline along its top and a heavier rule along its foot, the plot 5 pt over it).
Read as drawn ink, the ground and its rules joined the plot over them into one graphic that held
the caption: the caption then stood inside its own figure's box, and the whole was weighed as a
shaded paragraph (the caption's lines run edge to edge across the ground) and dropped, the figure
with it; where it was kept, the figure's box reached down over the caption and across the ground.

A ground is a caption's when a caption opens at its top and the rest of what lies on it is that
caption's paragraph: the lines on it, in no larger type than the opening line, follow one another
at an even leading from its top to its foot, and nothing else is drawn on it but the hairlines
along its top and foot edges. A float whose graphic is set on a ground with its caption (a table
or a diagram on a shaded panel, its caption at the panel's top) has the graphic's own marks or
rows on the ground, and keeps it.
"""

from __future__ import annotations

import re

from paperkit.reading.patterns import compile_later

# A float's caption opening: its label and number, then a separator or a capitalised title
# ("Figure 1: ...", "Figure 1. ...", "Figure 1 Comparison of ...").
_OPENING = compile_later(
    r"^(?:fig(?:ure)?\.?|table)\s*(?:[A-Z]\.?)?\d+(?:\.\d+)*(?:\s*[:.|]\s*\S|\s+(?-i:[A-Z]))", re.IGNORECASE)


def caption_grounds(fills: list[list[float]], rects: list[list[float]], lines: list) -> set[int]:
    """The ids of the rects (of `rects`, the page's drawn marks as `_graphic_boxes` gathers them)
    that are a caption's ground and the hairlines along its edges (see the module's docstring).
    `fills`: the rects of the page's tinted fills wide and tall enough to hold a caption."""
    out: set[int] = set()
    # (the page's caption openings first: most pages have none, and a page of bar charts has
    # thousands of fills, none of them weighed then)
    openings = [ln for ln in lines if ln.text[:1] in "FfTt" and _OPENING.match(ln.text)]
    if not openings:
        return out
    for ground in fills:
        x0, y0, x1, y1 = ground
        if not any(x0 - 1 <= ln.x0 and ln.x1 <= x1 + 1 and y0 - 1 <= ln.y0 <= y0 + 2 * ln.height for ln in openings):
            continue
        on = [ln for ln in lines if ln.x0 < x1 and ln.x1 > x0 and ln.y0 < y1 and ln.y1 > y0]
        if not on or any(ln.x0 < x0 - 1 or ln.x1 > x1 + 1 or ln.y0 < y0 - 1 or ln.y1 > y1 + 1 for ln in on):
            continue  # (no text on it, or text running off it: no caption's own ground)
        on.sort(key=lambda ln: (ln.y0, ln.x0))
        first = on[0]
        if not _OPENING.match(first.text) or first.y0 - y0 > 2 * first.height:
            continue
        rows = _rows(on)
        if any(ln.size > first.size + 0.3 for ln in on) or y1 - rows[-1][1] > 2 * first.height:
            continue
        gaps = [b[0] - a[1] for a, b in zip(rows, rows[1:])]
        if gaps and (max(gaps) - min(gaps) > 1.5 or max(gaps) > 0.6 * first.height):
            continue  # (rows at uneven leading, or a band between them: a table's or a list's, not one paragraph)
        edges = []
        for r in rects:
            if r is ground:
                continue
            if r[3] - r[1] < 1.5 and r[0] >= x0 - 2 and r[2] <= x1 + 2 and r[2] - r[0] >= 0.9 * (x1 - x0) and \
                    (abs(r[1] - y0) <= 1.5 or abs(r[3] - y1) <= 1.5 or abs(r[3] - y0) <= 1.5 or abs(r[1] - y1) <= 1.5):
                edges.append(r)  # a rule along its top or foot, as wide as it
                continue
            if r[2] < x0 or r[0] > x1 or r[3] < y0 or r[1] > y1:
                continue  # off the ground
            if r[0] >= x0 - 1 and r[2] <= x1 + 1 and r[1] >= y0 - 1 and r[3] <= y1 + 1 and \
                    r[2] - r[0] >= 0.95 * (x1 - x0) and r[3] - r[1] >= 0.95 * (y1 - y0):
                edges.append(r)  # (the ground painted twice over)
                continue
            break  # something else drawn on it: a graphic's
        else:
            out.add(id(ground))
            out.update(id(r) for r in edges)
    return out


def _rows(lines: list) -> list[tuple[float, float]]:
    """The rows (top, foot) the lines stand in, top to foot: pieces of one row counted once."""
    rows: list[list[float]] = []
    for ln in lines:
        if rows and ln.y0 < rows[-1][1] - 0.5 * ln.height:
            rows[-1][1] = max(rows[-1][1], ln.y1)
        else:
            rows.append([ln.y0, ln.y1])
    return [(a, b) for a, b in rows]
