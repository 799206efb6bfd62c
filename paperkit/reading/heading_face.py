"""Headings told by a typeface of their own, not by weight or size.

Some manuscripts set their headings in the text's size and in a regular weight, in a family other
than the text's: Typst's APA manuscript prints "Methods" and "Item Construction" in Roboto Regular
over Times; a journal typeset by Arbortext sets its subsections "A. Data Sets" in a hashed sans
face at the text's size, not bold by name, flags or stems. With bookmarks the outline names them;
on the printed page alone their face is all that sets them apart. Such a face is the headings'
when nearly all its lines are short lines standing alone, over the text's own face, on more than
one page: its lines are then read as bold (`Line.bold`, `Line.face`), and the rules for bold
headings weigh them as they weigh any.
"""

from __future__ import annotations

from collections import Counter

# The fewest lines in the face, and the share of them that must stand alone over the text's face.
LEAST_LINES = 3
ALONE_SHARE = 0.75
# The most words the first line of a heading in the face holds, and the most lines of a run in it.
MOST_WORDS = 20
MOST_RUN = 5


def mark_heading_faces(pages_lines: list, furniture: set, body: float) -> int:
    """Give the bold flag and the face to lines in a family of their own that the document uses
    for headings alone (see the module's docstring); return how many lines were marked."""
    chars: Counter = Counter()
    for lines in pages_lines:
        for ln in lines:
            if id(ln) in furniture:
                continue
            if ln.family and abs(ln.size - body) < 0.3:
                chars[ln.family] += len(ln.text)
    if not chars:
        return 0
    text_face, text_chars = chars.most_common(1)[0]
    candidates: dict[str, list] = {}
    for lines in pages_lines:
        ordered = [ln for ln in sorted(lines, key=lambda ln: (ln.y0, ln.x0)) if id(ln) not in furniture]
        k = 0
        while k < len(ordered):
            ln = ordered[k]
            if not _in_other_face(ln, text_face, body):
                k += 1
                continue
            # (a run of lines in the face, one under another: a heading's lines, or headings stacked)
            run = [ln]
            while k + len(run) < len(ordered) and ordered[k + len(run)].family == ln.family and \
                    _in_other_face(ordered[k + len(run)], text_face, body) and \
                    ordered[k + len(run)].y0 - run[-1].y1 < 2.5 * body:
                run.append(ordered[k + len(run)])
            k += len(run)
            below = ordered[k] if k < len(ordered) else None
            alone = len(run) <= MOST_RUN and below is not None and below.family in (text_face, ln.family) and \
                below.column == run[-1].column and 0 <= below.y0 - run[-1].y1 < 3.5 * body and \
                (run[0].text[:1].isupper() or run[0].text[:1].isdigit()) and \
                all(len(r.text.split()) <= MOST_WORDS for r in run[:1]) and \
                not run[-1].text.rstrip().endswith((",", ";"))
            candidates.setdefault(ln.family, []).extend((r, alone) for r in run)
    marked = 0
    for family, found in candidates.items():
        alone = [ln for ln, ok in found if ok]
        pages = {ln.page for ln in alone}
        if len(alone) < LEAST_LINES or len(pages) < 2 or len(alone) < ALONE_SHARE * len(found):
            continue
        if sum(len(ln.text) for ln, _ in found) > 0.2 * text_chars:
            continue  # (a face this much of the text is set in is no headings' face)
        for ln in alone:
            ln.bold = True
            ln.face = family
            ln.spans = [(x0, x1, text, style if "b" in style else "b" + style) for x0, x1, text, style in ln.spans]
            marked += 1
    return marked


def _in_other_face(ln, text_face: str, body: float) -> bool:
    """Whether the line is set wholly in one family other than the text's, upright, near the text's
    size, neither code nor math."""
    return bool(ln.family) and ln.family != text_face and not ln.code and not ln.italic and \
        not ln.math_chars and 0.85 * body <= ln.size <= body + 0.5
