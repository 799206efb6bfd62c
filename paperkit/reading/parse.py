"""PDF → `Paper`: title, authors, abstract, sections with paragraphs, figures, tables, references.

The parser reads text lines with their fonts from PyMuPDF and decides from layout evidence:

1. Page furniture: lines at the top or bottom of a page whose text (digits masked) recurs at the
   same height on several pages are running headers/footers; lone numbers there are page numbers.
2. Graphics: vector drawings and images are clustered into regions; text inside a region (axis
   ticks, table cells) is not body text. Captions ("Figure 3:", "Fig. 3.", "Table 2." ...) are
   attached to the nearest region above or below them.
3. Reading order: a page with text on both sides of the middle is two-column; full-width lines
   (title, wide figures) cut it into bands read left column first, then right.
4. Paragraphs: a new one starts at a larger vertical gap, a first-line indent, or a font change.
5. Headings: short paragraphs in bold or larger type than the body, with a section number
   ("3", "3.2.", "A", "Appendix B.") or a known unnumbered name; unnumbered levels come from size.
   When the PDF has an outline (bookmarks), it is the list of headings and only their place is found.
6. Math: a paragraph is math-heavy when symbols or math fonts make up much of it.

Everything is pure computation over the opened document; `render_figure` is the only writer.
"""

from __future__ import annotations

import functools
import os
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from paperkit.reading.paper import Figure, Footnote, Paper, Paragraph, Section

# ───────────────────────────── patterns ─────────────────────────────

CAPTION = re.compile(
    r"^(?P<label>fig(?:ure)?\.?|table)\s*(?P<num>(?:[A-Z]\.?)?\d+(?:\.\d+)*|[IVXL]+|[A-Z])\s*(?P<sep>[:.|—–-])\s*",
    re.IGNORECASE,
)
# IEEEtran sets "TABLE II" on a line of its own, the caption below it in small capitals.
CAPTION_LABEL_LINE = re.compile(r"^(?P<label>TABLE|Table)\s+(?P<num>[IVXL]+|\d+)$")
HEADING_NUMBER = re.compile(
    r"^(?:(?P<app>appendix)\s+)?(?P<num>(?:\d{1,2}|[A-Z])(?:\.\d{1,2}){0,3})(?:\.|:)?\s+(?P<title>\S.*)$",
    re.IGNORECASE,
)
# IEEEtran and revtex number sections with roman numerals and subsections with letters: "IV. EXPERIMENTS".
ITALIC_HEADING = re.compile(r"^(?:[A-Z]|\d{1,2}(?:\.\d{1,2})*)\.\s+[A-Z]")
ROMAN_HEADING = re.compile(r"^(?P<num>[IVX]{1,5})\.\s+(?P<title>\S.*)$")
# A footnote mark printed after a heading's last word ("Method1", "Method∗"), not part of its title.
TRAILING_MARK = re.compile(r"(?<=[a-z\)])(?:\d|[∗*†‡§¶])$")
# "Appendix B", "Appendix A.1. Title" (elsarticle numbers appendix subsections after the letter).
APPENDIX_ONLY = re.compile(r"^appendix\s*(?P<num>[A-Z](?:\.\d{1,2}){0,3})?(?:[.:]\s*(?P<title>.*))?$", re.IGNORECASE)
UNNUMBERED_HEADINGS = re.compile(
    r"^(abstract|introduction|related work|background|method(s|ology)?|approach|experiments?|results|"
    r"discussion|limitations|conclusions?|concluding remarks|acknowledge?ments?|references|bibliography|"
    r"appendix|appendices|supplementary material|broader impacts?|ethics statement|reproducibility statement)\b",
    re.IGNORECASE,
)
# Bold run-in labels of the front matter (acmart, IEEEtran, elsarticle), never section headings.
FRONT_MATTER_LABELS = re.compile(r"^(keywords|index terms|ccs concepts|acm reference format)\b", re.IGNORECASE)
REFERENCE_HEADINGS = re.compile(r"^(references|bibliography|literature cited|works cited)$", re.IGNORECASE)
REFERENCE_START = re.compile(r"^\s*(\[\d{1,3}\]|\d{1,3}\.\s|\[[A-Z][A-Za-z+\-]{0,8}\s?\d{2}[a-z]?\])")
PAGE_NUMBER = re.compile(r"^(page\s+)?(\d{1,4}|[ivxlc]{1,6})(\s+of\s+\d+)?$", re.IGNORECASE)
AFFILIATION = re.compile(
    r"@|universit|institut|college|school|department|dept\.|laborator|\blab\b|research|inc\.|corp|google|"
    r"microsoft|meta\b|openai|deepmind|academy|centre|center|\.edu|\.com|\.org",
    re.IGNORECASE,
)
# Small-capitals fonts: Computer Modern's cmcsc, Latin Modern "Caps", "...-SC" cuts of Times and others.
SMALL_CAPS_FONT = re.compile(r"(?i:csc\d|smallcap|caps)|(?<=[a-z0-9_-])SC(?![a-z])")
# A section number standing alone on its line piece: "3", "2.1", "A.2".
BARE_NUMBER = re.compile(r"^(?:\d{1,2}|[A-Z])(?:\.\d{1,2}){0,3}\.?$")
# A line opening with a section number: "2.1 Early-stopping", "4 Experiments" (a lone capital letter
# is left out: "A Twist" may be a heading's second line).
NUMBERED_LINE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}|[A-Z](?:\.\d{1,2}){1,3})\.?\s+[A-Z]")
WRAPPED_HEADING = re.compile(r"^(?:\d{1,2}|[A-Z])(?:\.\d{1,2}){0,3}\.?\s+[A-Z]")
# A run-in heading's number has a dot in it ("2.1.", "A.3"): a lone "1." opens a list item instead.
RUN_IN_NUMBER = re.compile(r"^(?:[A-Z]|\d{1,2})(?:\.\d{1,2}){1,3}\.?$")
# Bold lead-ins of theorem-like paragraphs ("2.3. Lemma." with amsthm's \swapnumbers) are not headings.
THEOREM_WORDS = re.compile(
    r"^(theorem|lemma|proposition|corollary|definition|remark|example|assumption|conjecture|claim|proof|"
    r"note|observation|fact|algorithm|exercise|problem)(\s+[\dA-Z.]+)?(\s*\(.*\))?$", re.IGNORECASE)
MATH_FONT = re.compile(r"cmmi|cmsy|cmex|msbm|msam|math|symbol|stix|cmbsy|rsfs|eufm|esint", re.IGNORECASE)
_SENTENCE_END = (".", "?", "!", ":")


def _is_math_char(ch: str) -> bool:
    if ch in "=<>^_{}|∑∏∫√∞∂∇‖±×÷·∘≈≠≤≥∈∉⊂⊆∪∩∀∃→←↦⊙⊗⊕′″":
        return True
    cat = unicodedata.category(ch)
    if cat == "Sm":
        return True
    code = ord(ch)
    # Greek, super/subscripts, letterlike symbols (ℝ), mathematical alphanumerics.
    return 0x0370 <= code <= 0x03FF or 0x2070 <= code <= 0x209F or 0x2100 <= code <= 0x214F or 0x1D400 <= code <= 0x1D7FF


def _math_count(text: str) -> int:
    """How many characters of `text` are math symbols (plain ASCII text is counted in C)."""
    if text.isascii():
        return sum(text.count(ch) for ch in "=<>^_{}|")
    return sum(1 for ch in text if _is_math_char(ch))


# ───────────────────────────── lines ─────────────────────────────


@dataclass
class Line:
    page: int  # 0-based
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float
    bold: bool  # every visible character bold
    italic: bool  # every visible character italic (IEEE subsection headings)
    math_chars: int  # characters in math fonts or math symbols
    # (x0, x1, text, style) where style holds "b" bold, "i" italic, "c" small capitals: run-in headings.
    spans: list[tuple[float, float, str, str]] = field(default_factory=list)
    column: int = 0  # 0 full width / single column, 1 left, 2 right
    smallcaps: bool = False  # most letters set in a small-capitals font (amsart section headings)
    lineno: int | None = None  # the review line number printed beside it (lineno package), if any
    lead_mark: str | None = None  # a raised small mark opening the line ("¹The effect"): a footnote's start
    calls: list[str] = field(default_factory=list)  # footnote marks called in the line, taken out of its text
    code: bool = False  # part of a code listing or an algorithm float: kept line by line
    base: float | None = None  # baseline of its main text (None: use y1); sub- and superscripts move y0 and y1

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass
class Block:
    """A paragraph-like run of lines in reading order."""

    lines: list[Line]
    kind: str = "text"  # text, heading, caption, graphic-text, furniture
    run_in: bool = False  # the lead phrase of a paragraph split off as its heading ("2.1. Notation.")

    @property
    def text(self) -> str:
        return _join_lines([ln.text for ln in self.lines])

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def size(self) -> float:
        return max(ln.size for ln in self.lines)

    @property
    def bold(self) -> bool:
        return all(ln.bold for ln in self.lines)

    @property
    def italic(self) -> bool:
        return all(ln.italic for ln in self.lines)

    @property
    def smallcaps(self) -> bool:
        return all(ln.smallcaps for ln in self.lines)


def _join_lines(texts: list[str], words: Counter | None = None) -> str:
    """Lines of one paragraph as one string; a line-end hyphen is undone unless the hyphen is part
    of the word (see `_keeps_hyphen`), which needs the document's `words` as evidence."""
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and text[:1].islower():
            if words is not None and _keeps_hyphen(out, text, words):
                out += text
            else:
                out = out[:-1] + text  # undo end-of-line hyphenation
        elif words is not None and out.endswith("-") and len(out) > 1 and out[-2].isalpha() and text[:1].isupper():
            # A name broken before a capital: "SupCon-" + "Lite" is the paper's "SupConLite" when it
            # prints that elsewhere; otherwise a compound such as "Fisher-Rao" keeps its hyphen.
            head = re.search(r"[^\W\d_]+-$", out)
            tail = re.match(r"[^\W\d_]+", text)
            joined = (head.group(0)[:-1] + tail.group(0)).lower() if head and tail else ""
            out = (out[:-1] if joined and words.get(joined, 0) else out) + text
        elif out:
            out += " " + text
        else:
            out = text
    return " ".join(out.split())


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _document_words(lines) -> Counter:
    """How often each word (lower case, hyphenated compounds whole) occurs away from a line end:
    the evidence for line-end hyphens."""
    words: Counter = Counter()
    for ln in lines:
        found = _WORD.findall(ln.text.lower())
        if ln.text.endswith("-") and found:
            found = found[:-1]
        words.update(found)
        words.update(part for w in found if "-" in w for part in w.split("-"))
    return words


def _keeps_hyphen(before: str, after: str, words: Counter) -> bool:
    """Whether "user-" + "specified" is the compound "user-specified" rather than a hyphenated word:
    the compound is printed elsewhere and the joined word is not, or the fragment before already
    holds a hyphen ("state-of-the-" + "art"), or both halves are words of the paper and their join
    is not."""
    head_match = re.search(r"([^\W\d_]+(?:-[^\W\d_]+)*)-$", before)
    tail_match = re.match(r"[^\W\d_]+", after)
    if not head_match or not tail_match:
        return False
    compound = head_match.group(1).lower()
    head, tail = compound.split("-")[-1], tail_match.group(0).lower()
    joined = head + tail
    if words.get(f"{head}-{tail}", 0) > words.get(joined, 0):
        return True
    if words.get(joined, 0):
        return False
    if "-" in compound or "-" in after.split()[0].strip(".,;:)"):  # "state-of-the-" + "art", "state-" + "of-the-art"
        return True
    return len(head) >= 2 and len(tail) >= 3 and words.get(head, 0) > 0 and words.get(tail, 0) > 0


@functools.lru_cache(maxsize=512)
def _font_traits(font: str) -> tuple[bool, bool, bool, bool, bool]:
    """(bold, italic, small caps, math, monospace) as the font's name says: a paper uses a few dozen
    fonts over thousands of spans, so each name is read once."""
    return (bool(re.search(r"bold|black|heavy|semibold|medi", font, re.IGNORECASE)),
            bool(re.search(r"ital|obliq|-it\b|cmti|cmsl", font, re.IGNORECASE)),
            bool(SMALL_CAPS_FONT.search(font)), bool(MATH_FONT.search(font)), bool(MONOSPACE_FONT.search(font)))


def _is_italic(span: dict) -> bool:
    return bool(span.get("flags", 0) & 2) or _font_traits(span.get("font", ""))[1]


def _is_bold(span: dict) -> bool:
    return bool(span.get("flags", 0) & 16) or _font_traits(span.get("font", ""))[0]


def _span_style(span: dict) -> str:
    return ("b" if _is_bold(span) else "") + ("i" if _is_italic(span) else "") + \
        ("c" if _font_traits(span.get("font", ""))[2] else "")


def _page_lines(page, page_index: int, rotated: list | None = None) -> list[Line]:
    import pymupdf

    # Ligatures are expanded ("ﬁ" → "fi") so that titles and captions read and compare as typed.
    flags = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
    data = page.get_text("dict", flags=flags)
    _repair_degenerate_sizes(data["blocks"])
    lines: list[Line] = []
    for block in data["blocks"]:
        for raw in block.get("lines", ()):
            if raw.get("dir", (1, 0))[0] < 0.9:  # rotated text (arXiv stamps in the margin, y-axis titles)
                if rotated is not None:
                    rotated.append(tuple(raw["bbox"]))
                continue
            spans = [s for s in raw["spans"] if s["text"].strip()]
            if not spans:
                continue
            lead_mark, calls, raw_spans = _footnote_marks(raw["spans"])
            text = "".join(s["text"] for s in raw_spans)
            visible = sum(len(s["text"].strip()) for s in spans)
            size_weight = Counter()
            math = 0
            for s in spans:
                size_weight[round(s["size"] * 2) / 2] += len(s["text"].strip())
                if _font_traits(s["font"])[3]:
                    math += len(s["text"].strip())
                else:
                    math += _math_count(s["text"])
            x0, y0, x1, y1 = raw["bbox"]
            if calls:  # a raised call mark must not make the line look taller (and the gap above it wider)
                y0 = min(s["bbox"][1] for s in raw_spans if s["text"].strip())
            letters = sum(1 for s in spans for ch in s["text"] if ch.isalpha())
            caps_letters = sum(1 for s in spans if _font_traits(s["font"])[2] for ch in s["text"] if ch.isalpha())
            faked = _faked_small_caps(spans)
            if faked:
                caps_letters = letters
            lines.append(
                Line(
                    page=page_index, x0=x0, y0=y0, x1=x1, y1=y1, text=_compose_accents(" ".join(text.split())),
                    size=faked or size_weight.most_common(1)[0][0],
                    bold=all(_is_bold(s) for s in spans) and visible > 0,
                    italic=all(_is_italic(s) for s in spans if s["text"].strip()[:1].isalpha()) and visible > 0,
                    math_chars=math,
                    spans=[(s["bbox"][0], s["bbox"][2], s["text"], _span_style(s)) for s in spans],
                    smallcaps=caps_letters >= 3 and caps_letters >= 0.75 * letters,
                    lead_mark=lead_mark, calls=calls,
                    code=all(_font_traits(s["font"])[4] for s in spans),
                    base=max(spans, key=lambda s: (s["size"], len(s["text"])))["origin"][1],
                )
            )
    return _merge_same_baseline(lines, page.rect.width / 2)


def _repair_degenerate_sizes(blocks: list[dict]) -> None:
    """Give spans with no usable font size one from their glyphs. Some converters (Ghostscript's
    Type 3 fonts) scale the font matrix instead of the size: every span says 0.24 pt and its box
    reaches hundreds of points above its baseline. Such a span gets the size that the average
    glyph width of its printed line implies (about half an em), rounded to a point so that the
    lines of one paragraph still compare, and a box of that height on its baseline."""
    rows: dict[int, list[dict]] = {}
    for b in blocks:
        for ln in b.get("lines", ()):
            for s in ln["spans"]:
                if s["size"] < 1.0 and s["text"].strip():
                    rows.setdefault(round(s["origin"][1]), []).append(s)
    if not rows:
        return
    for row in rows.values():
        width = sum(s["bbox"][2] - s["bbox"][0] for s in row)
        size = float(round(min(30.0, max(4.0, 2.0 * width / max(1, sum(len(s["text"]) for s in row))))))
        for s in row:
            base = s["origin"][1]
            s["size"], s["bbox"] = size, (s["bbox"][0], base - 0.8 * size, s["bbox"][2], base + 0.2 * size)
    for b in blocks:
        for ln in b.get("lines", ()):
            boxes = [s["bbox"] for s in ln["spans"]]
            if boxes:
                ln["bbox"] = (min(x[0] for x in boxes), min(x[1] for x in boxes), max(x[2] for x in boxes), max(x[3] for x in boxes))


FOOTNOTE_MARK = re.compile(r"^(?:\d{1,2}|[∗*†‡§¶♯♮]{1,2})$")


def _footnote_marks(spans: list[dict]) -> tuple[str | None, list[str], list[dict]]:
    """(mark opening the line, marks called inside it, the spans without the called marks).

    A footnote mark is a digit or symbol in small type raised above the line's baseline. Inside a
    line it is a call ("CIFAR-100.⁴") when it follows text set in an ordinary font, not a math
    superscript ("x²"); at the start of a line it opens a footnote."""
    visible = [s for s in spans if s["text"].strip()]
    if len(visible) < 2:
        return None, [], spans
    main = max(visible, key=lambda s: (s["size"], len(s["text"])))
    baseline, size = main["origin"][1], main["size"]

    def raised(s: dict) -> bool:
        return bool(FOOTNOTE_MARK.match(s["text"].strip())) and s["size"] <= 0.8 * size and \
            s["origin"][1] < baseline - 0.15 * size

    def variable(s: dict) -> bool:
        # A lone italic letter is a math variable in a text font (mathptmx, newtxmath): "c⁰", "l²".
        return _is_italic(s) and bool(re.search(r"(?:^|[^\w])[A-Za-z]$", s["text"].rstrip()))

    lead = visible[0]["text"].strip() if raised(visible[0]) else None
    calls: list[str] = []
    kept: list[dict] = []
    for i, s in enumerate(spans):
        before = kept[-1] if kept else None
        if i > 0 and s["text"].strip() and raised(s) and before is not None and before["text"].strip() and \
                not MATH_FONT.search(before["font"]) and re.search(r"[A-Za-z.,;:)\]]$", before["text"].rstrip()) and \
                not variable(before):
            calls.append(s["text"].strip())
            continue
        kept.append(s)
    return lead, calls, kept


# pdfLaTeX without T1 fonts sets an accented letter as two glyphs, the spacing accent first
# ("Sch¨utt", "´ecole"); the cedilla comes after its letter ("c¸a").
_SPACING_ACCENTS = {"¨": "\u0308", "´": "\u0301", "ˆ": "\u0302", "˜": "\u0303", "ˇ": "\u030c", "˘": "\u0306",
                    "˚": "\u030a", "˝": "\u030b"}
_ACCENT_BEFORE = re.compile(r"([¨´ˆ˜ˇ˘˚˝]) ?([A-Za-zı])")
_CEDILLA_AFTER = re.compile(r"([CcSsTt]) ?¸")


def _compose_accents(text: str) -> str:
    if not any(ch in text for ch in "¨´ˆ˜ˇ˘˚˝¸"):
        return text
    text = _ACCENT_BEFORE.sub(lambda m: unicodedata.normalize("NFC", m.group(2).replace("ı", "i") +
                                                              _SPACING_ACCENTS[m.group(1)]), text)
    return _CEDILLA_AFTER.sub(lambda m: unicodedata.normalize("NFC", m.group(1) + "\u0327"), text)


def _faked_small_caps(spans: list[dict]) -> float | None:
    """The size of a line set in faked small capitals, else None. A font without a small-caps
    shape (Times) gives `\\scshape` as capitals in two sizes: each word's first letter at the
    text size, the rest about 80 % of it ("E" + "XPERT USAGE" in ICLR's subsubsections). The line
    counts at the larger size, so the heading's number beside it joins it."""
    sized = [(round(s["size"], 1), s["text"].strip()) for s in spans if any(ch.isalpha() for ch in s["text"])]
    if not sized or any(ch.islower() for _, text in sized for ch in text):
        return None
    big = max(size for size, _ in sized)
    small = [size for size, _ in sized if size < big - 0.5]
    if not small or not all(0.65 * big <= size <= 0.9 * big for size in small):
        return None
    # Only the initials are large: single capitals (or a hyphenated word's initial) at the text size.
    if not all(len(text) <= 2 for size, text in sized if size >= big - 0.5):
        return None
    return round(big * 2) / 2


def _merge_same_baseline(lines: list[Line], mid: float) -> list[Line]:
    """PyMuPDF may split one printed line into pieces (e.g. an equation and its number); rejoin
    pieces on the same baseline that are close horizontally — but not two columns' lines across
    the gutter in the middle, which in LaTeX's two-column classes is barely wider than a space."""
    def base(ln: Line) -> float:
        return ln.y1 if ln.base is None else ln.base

    # By baseline, not by box: a subscript lowers the box of one piece of a printed line ("F(x, {Wi})
    # represents" beside "ers considered.") and would part it from the rest.
    lines.sort(key=lambda ln: (round(base(ln)), ln.x0))
    merged: list[Line] = []
    for ln in lines:
        prev = merged[-1] if merged else None
        gutter = prev is not None and prev.x1 < mid < ln.x0 and ln.x0 - prev.x1 > 0.7 * max(prev.size, ln.size)
        # A heading's number may be set larger than its title (IEEEtran compsoc: "1" in 14 pt, then
        # "INTRODUCTION" in 11 pt small capitals): a bare bold number joins the bold words after it.
        number_first = prev is not None and prev.bold and ln.bold and bool(BARE_NUMBER.match(prev.text))
        if (prev and not gutter and abs(base(prev) - base(ln)) < 1.5 and -1.0 <= ln.x0 - prev.x1 < max(prev.size, ln.size) * 1.2
                and (abs(prev.size - ln.size) < 1.0 or number_first)):
            prev.text = f"{prev.text} {ln.text}"
            prev.x1 = max(prev.x1, ln.x1)
            prev.y0 = min(prev.y0, ln.y0)
            prev.bold = prev.bold and ln.bold
            prev.italic = prev.italic and ln.italic
            prev.smallcaps = prev.smallcaps and ln.smallcaps
            prev.math_chars += ln.math_chars
            prev.spans.extend(ln.spans)
            prev.calls.extend(ln.calls)
            prev.code = prev.code and ln.code
        else:
            merged.append(ln)
    return merged


# ───────────────────────────── graphics ─────────────────────────────


def _graphic_boxes(page) -> list[tuple[float, float, float, float]]:
    """Bounding boxes of vector drawings and images on the page, clustered into regions."""
    width, height = page.rect.width, page.rect.height
    rects = []
    log = [(kind, bbox) for kind, bbox in page.get_bboxlog()
           if not kind.startswith(("fill-text", "stroke-text", "ignore-text", "clip", "ignore"))]
    clips = _path_clips(page, sum(1 for kind, _ in log if kind in ("fill-path", "stroke-path")))
    for kind, bbox in log:
        x0, y0, x1, y1 = bbox
        if kind in ("fill-path", "stroke-path") and clips:
            clip = clips.pop(0)
            if clip is not None:
                x0, y0, x1, y1 = max(x0, clip[0]), max(y0, clip[1]), min(x1, clip[2]), min(y1, clip[3])
                if x1 < x0 or y1 < y0:
                    continue  # clipped away entirely
        if x1 - x0 > width * 0.95 and y1 - y0 > height * 0.95:
            continue  # page background
        if x1 - x0 < 0.5 and y1 - y0 < 0.5:
            continue
        rects.append([x0, y0, x1, y1])
    return _cluster(_stack_rules(rects), gap=8.0)


def _path_clips(page, paths: int) -> list[tuple[float, float, float, float] | None]:
    """The clip rectangle around each vector path of the page, in drawing order (None: unclipped).

    A plot's curve is often drawn past its axes and clipped to them (pgfplots, matplotlib); its
    unclipped box would reach down over the caption and the next heading. The box log has no clip
    paths, the drawing list does: its paths pair with the log's one to one ("fs", a filled and
    stroked path, is two entries there). If the two disagree, nothing is clipped."""
    clips: list[tuple[float, float, float, float] | None] = []
    scissors: list[tuple[int, tuple[float, float, float, float] | None]] = []  # (level, clip) open around us
    for item in page.get_cdrawings(extended=True):
        level = item.get("level", 0)
        while scissors and scissors[-1][0] >= level:
            scissors.pop()
        clip = scissors[-1][1] if scissors else None
        kind = item.get("type") or ""
        if kind in ("clip", "group"):
            cut = item.get("scissor") if kind == "clip" else None
            if cut is not None:
                cut = tuple(cut)
                clip = cut if clip is None else (max(clip[0], cut[0]), max(clip[1], cut[1]),
                                                 min(clip[2], cut[2]), min(clip[3], cut[3]))
            scissors.append((level, clip))
            continue
        clips.extend([clip] * (2 if kind == "fs" else 1))
    return clips if len(clips) == paths else []


def _stack_rules(rects: list[list[float]]) -> list[list[float]]:
    """Join horizontal rules of equal width stacked above one another (a table ruled with \\hline or
    booktabs, its rows far apart) into one box; alone, each rule would be dropped as a hairline."""
    rules: list[list[list[float]]] = []  # groups of rules with the same ends (within 3 pt)
    others = []
    for r in rects:
        if r[3] - r[1] < 2 and r[2] - r[0] > 30:
            group = next((g for g in rules if abs(g[0][0] - r[0]) < 3 and abs(g[0][2] - r[2]) < 3), None)
            if group is None:
                rules.append([r])
            else:
                group.append(r)
        else:
            others.append(r)
    for group in rules:
        group.sort(key=lambda r: r[1])
        box = list(group[0])
        for r in group[1:]:
            if r[1] - box[3] < 60:
                box[1], box[3] = min(box[1], r[1]), max(box[3], r[3])
            else:
                others.append(box)
                box = list(r)
        others.append(box)
    return others


def _cluster(rects: list[list[float]], gap: float) -> list[tuple[float, float, float, float]]:
    clusters: list[list[float]] = []
    for r in sorted(rects, key=lambda r: (r[1], r[0])):
        clusters.append(list(r))
        merged = True
        while merged and len(clusters) > 1:
            merged = False
            last = clusters[-1]
            for i in range(len(clusters) - 1):
                c = clusters[i]
                if c[0] - gap <= last[2] and last[0] - gap <= c[2] and c[1] - gap <= last[3] and last[1] - gap <= c[3]:
                    c[0], c[1] = min(c[0], last[0]), min(c[1], last[1])
                    c[2], c[3] = max(c[2], last[2]), max(c[3], last[3])
                    clusters.pop()
                    clusters.append(clusters.pop(i))
                    merged = True
                    break
    # Lone hairlines (footnote rules, header rules) are not graphics.
    return [tuple(c) for c in clusters if (c[2] - c[0]) * (c[3] - c[1]) > 200 or (c[3] - c[1] > 8 and c[2] - c[0] > 8)]


def _without_highlights(page, boxes: list[tuple], lines: list[Line]) -> list[tuple]:
    """Drop the boxes that are the colour behind text, not a drawing: a reader's highlights baked
    into the page (a student's annotated copy), a shaded paragraph. Lines of prose run across such
    a box from edge to edge, one under the other with no empty band between them (the line
    spacing, however wide, counts as the lines'); a figure or table leaves most of its box to the
    drawing, or its cells leave gaps across a row. A text figure in a frame (a sample summary in a
    ruled box) is text edge to edge too, but rules run down both its sides."""
    out = []
    rules: list | None = None
    for box in boxes:
        width, height = box[2] - box[0], box[3] - box[1]
        crossing = [ln for ln in lines if min(ln.x1, box[2]) - max(ln.x0, box[0]) > 0 and
                    min(ln.y1, box[3]) - max(ln.y0, box[1]) > 0.5 * ln.height]
        if width <= 0 or height <= 0 or not any(len(ln.text.split()) >= 4 for ln in crossing):
            out.append(box)
            continue
        rows = len({round(ln.y0 / 3) for ln in crossing})  # pieces of one row (split by an inline icon) count once
        across = sum((min(ln.x1, box[2]) - max(ln.x0, box[0])) for ln in crossing) / (width * rows)
        covered, reach = 0.0, box[1]
        for ln in sorted(crossing, key=lambda ln: ln.y0):
            top, bottom = max(box[1], ln.y0 - 0.5 * ln.height), min(box[3], ln.y1 + 0.5 * ln.height)
            covered += max(0.0, bottom - max(top, reach))
            reach = max(reach, bottom)
        if not (across >= 0.75 and covered >= 0.8 * height):
            out.append(box)
            continue
        if rules is None:
            rules = [b for kind, b in page.get_bboxlog() if kind == "stroke-path" or (kind == "fill-path" and b[2] - b[0] < 2)]
        sides = [r for r in rules if r[3] - r[1] >= 0.8 * height and r[1] >= box[1] - 2 and r[3] <= box[3] + 2]
        if any(abs(r[0] - box[0]) < 2 for r in sides) and any(abs(r[2] - box[2]) < 2 for r in sides):
            out.append(box)  # its frame: a stroked rectangle, or rules down both sides
    return out


def _inside(line: Line, box, margin: float) -> bool:
    x0, y0, x1, y1 = box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin
    ix = max(0.0, min(line.x1, x1) - max(line.x0, x0))
    iy = max(0.0, min(line.y1, y1) - max(line.y0, y0))
    area = max(1e-6, (line.x1 - line.x0) * (line.y1 - line.y0))
    return ix * iy / area > 0.6


# ───────────────────────────── line numbers ─────────────────────────────

_DIGITS = re.compile(r"^\d{1,5}$")


def _strip_line_numbers(pages_lines: list[list[Line]]) -> bool:
    """Remove the review line numbers of a submission (the `lineno` package, ICML/ICLR/NeurIPS styles)
    and note each number on the text line beside it (`Line.lineno`). Returns whether any were found.

    A margin number is a line holding only digits; the numbers of one column stand in a vertical
    file at one x position, increase downwards in small steps (1, or 5 with modulo numbering), and
    sit level with text lines, in smaller type. A figure's axis ticks or a table's column of counts
    do not form such a file: ticks share a row, table counts are set in the table's type."""
    found = False
    for index, lines in enumerate(pages_lines):
        files: dict[int, list[Line]] = {}
        for ln in lines:
            if _DIGITS.match(ln.text) and ln.x1 - ln.x0 < 30:
                files.setdefault(round(ln.x1 / 4), []).append(ln)
        numbers: list[Line] = []
        for file in files.values():
            file.sort(key=lambda ln: ln.y0)
            if len(file) < 6:
                continue
            steps = [int(b.text) - int(a.text) for a, b in zip(file, file[1:])]
            # Margin numbers are set smaller than the text beside them (lineno: \tiny); a column of
            # counts in a table without rules is set in the table's own type.
            level = [ln.size for n in file for ln in lines if ln.y0 <= (n.y0 + n.y1) / 2 <= ln.y1 and not _DIGITS.match(ln.text)]
            smaller = bool(level) and statistics.median(n.size for n in file) < 0.9 * statistics.median(level)
            if smaller and sum(1 for d in steps if 0 < d <= 10) >= 0.8 * len(steps):
                numbers.extend(file)
        if not numbers:
            continue
        found = True
        drop = {id(n) for n in numbers}
        text = [ln for ln in lines if id(ln) not in drop]
        for number in numbers:
            middle = (number.y0 + number.y1) / 2
            beside = [ln for ln in text if ln.y0 - 1 <= middle <= ln.y1 + 1 and ln.lineno is None]
            if beside:
                nearest = min(beside, key=lambda ln: min(abs(ln.x0 - number.x1), abs(number.x0 - ln.x1)))
                nearest.lineno = int(number.text)
        pages_lines[index] = text
    return found


# ───────────────────────────── code and algorithms ─────────────────────────────

ALGORITHM = re.compile(r"^Algorithm\s+\d+[.:]?(?:\s|$)")
MONOSPACE_FONT = re.compile(r"mono|courier|cmtt|typewriter|lmtt|txtt|sfmtt|inconsolata|consol|menlo|\btt\d", re.IGNORECASE)


def _mark_algorithms(page, lines: list[Line]) -> None:
    """Mark the lines of each algorithm float on the page as code (`Line.code`).

    An algorithm float ("Algorithm 1 Training ..." between horizontal rules, as the algorithm and
    algorithm2e packages set it) runs from its caption down to the second rule below the caption:
    the first rule underlines the caption, the second closes the float."""
    rules = sorted({round(r[1], 1): r for r in _horizontal_rules(page)}.values(), key=lambda r: r[1])
    for caption in [ln for ln in lines if ALGORITHM.match(ln.text)]:
        below = [r for r in rules if r[1] > caption.y1 - 1 and r[0] < caption.x0 + 10 and r[2] > caption.x1 - 10]
        if len(below) < 2:
            continue
        bottom = below[1][1]
        left, right = below[1][0], below[1][2]
        for ln in lines:
            if caption.y0 - 1 <= ln.y0 and ln.y1 <= bottom + 1 and ln.x0 >= left - 20 and ln.x1 <= right + 20:
                ln.code = True


def _horizontal_rules(page) -> list[tuple[float, float, float, float]]:
    rules = []
    for item in page.get_cdrawings():
        x0, y0, x1, y1 = item["rect"]
        if y1 - y0 < 2 and x1 - x0 > 50:
            rules.append((x0, y0, x1, y1))
    return rules


# ───────────────────────────── footnotes ─────────────────────────────

COPYRIGHT = re.compile(r"copyright|©|permission to make|licen[cs]e|proceedings of|preprint|under review|"
                       r"workshop on|conference on|all rights reserved|published (?:in|by)|doi\.org", re.IGNORECASE)


def _split_footnotes(lines: list[Line], body: float, page_width: float, page_height: float,
                     first_page: bool) -> tuple[list[Line], list[tuple[str | None, list[Line]]]]:
    """Take footnotes and copyright/venue blocks off the foot of each column.

    The foot of a column is the run of lines in smaller type below the column's last line in body
    type. It holds footnotes when a line of it opens with a raised mark, or a copyright or venue
    block on the first page when it says so ("Permission to make digital or hard copies", "Proceedings
    of ...").
    Returns (lines left, [(mark, lines)]) where mark None is a copyright block and "" a footnote
    continued from the previous column (no mark of its own)."""
    mid = page_width / 2
    columns: dict[int, list[Line]] = {}
    for ln in lines:
        columns.setdefault(1 if ln.x1 <= mid + 4 else 2 if ln.x0 >= mid - 4 else 0, []).append(ln)
    drop: set[int] = set()
    notes: list[tuple[str | None, list[Line]]] = []
    for key in sorted(columns):
        column = sorted(columns[key], key=lambda ln: ln.y0)
        body_lines = [ln for ln in column if ln.size >= body - 0.6]
        last = max((ln.y1 for ln in body_lines), default=None)
        foot = [ln for ln in column if last is None or ln.y0 > last - 1]
        if not foot or len(foot) > 30 or any(ln.size >= body - 0.6 for ln in foot) or CAPTION.match(foot[0].text):
            continue
        if foot[0].y0 < 0.5 * page_height:
            continue  # small type high on the page: affiliations and an abstract, not a foot
        marked = any(ln.lead_mark for ln in foot)
        if not marked and not (first_page and COPYRIGHT.search(" ".join(ln.text for ln in foot[:3]))):
            continue
        if last is None and not foot[0].lead_mark and not COPYRIGHT.search(foot[0].text):
            continue  # a column all in small type (a bibliography): not a foot
        current: list[Line] = []
        mark: str | None = ""
        for ln in foot:
            if ln.lead_mark:
                if current:
                    notes.append((mark, current))
                current, mark = [ln], ln.lead_mark
            else:
                current.append(ln)
        if current:
            if mark == "" and first_page and COPYRIGHT.search(" ".join(ln.text for ln in current)):
                mark = None
            notes.append((mark, current))
        drop.update(id(ln) for ln in foot)
    return [ln for ln in lines if id(ln) not in drop], notes


# ───────────────────────────── furniture ─────────────────────────────


def _mask(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower()).strip()


def _furniture(pages_lines: list[list[Line]]) -> set[int]:
    """ids of lines that are running headers/footers or page numbers."""
    n_pages = len(pages_lines)
    edge: list[Line] = []
    counts: Counter = Counter()
    for lines in pages_lines:
        ordered = sorted(lines, key=lambda ln: ln.y0)
        on_page = {id(ln): ln for ln in ordered[:2] + ordered[-2:]}.values()
        edge.extend(on_page)
        counts.update({(_mask(ln.text), round(ln.y0 / 4)) for ln in on_page})  # once per page
    needed = 2 if n_pages <= 4 else max(2, n_pages // 5)
    out = set()
    for ln in edge:
        key = (_mask(ln.text), round(ln.y0 / 4))
        repeated = sum(c for (t, y), c in counts.items() if t == key[0] and abs(y - key[1]) <= 1)
        if PAGE_NUMBER.match(ln.text.strip()) or (repeated >= needed and len(ln.text) < 150):
            out.add(id(ln))
    return out


# ───────────────────────────── reading order ─────────────────────────────


def _assign_columns(lines: list[Line], left_end: float, right_start: float) -> bool:
    """Put each line in the left column (1), the right one (2) or across both (0); returns whether
    the page reads as two columns. Short pieces on both halves (a display equation's parts, a code
    listing) do not make a page two-column: the right half must also hold some text."""
    for ln in lines:
        ln.column = 1 if ln.x1 <= left_end else 2 if ln.x0 >= right_start else 0
    left = sum(1 for ln in lines if ln.column == 1)
    right = sum(1 for ln in lines if ln.column == 2)
    full = sum(1 for ln in lines if ln.column == 0)
    right_chars = sum(len(ln.text) for ln in lines if ln.column == 2)
    return right >= 4 and left >= 4 and (left + right) > full * 0.5 and right >= 0.2 * (left + right) and \
        right_chars >= 120


def _side_split(lines: list[Line], page_width: float) -> float | None:
    """Where a text column beside another one starts when it is not at the middle of the page: a
    figure and its caption set beside the text in a one-column paper (wrapfigure), whose text
    lines run past the middle. The split is the left edge shared by several lines (flush left, as
    a column is) that leaves the most lines wholly on one side of it."""
    best, split = 0, None
    edges = Counter(round(ln.x0) for ln in lines if 0.3 * page_width < ln.x0 < 0.7 * page_width and
                    len(ln.text.split()) >= 5 and ln.math_chars < 0.2 * len(ln.text))  # prose, not an equation's right side
    for edge, flush in edges.items():
        if flush < 3:
            continue
        sides = sum(1 for ln in lines if ln.x1 <= edge - 3 or ln.x0 >= edge - 1.5)
        if sides > best:
            best, split = sides, float(edge)
    return split


def _in_rows(lines: list[Line]) -> list[Line]:
    """Lines top to bottom, and pieces of one printed row (same baseline) left to right: by the top
    of their boxes a piece raised by a bold run-in head or an exponent would come first."""
    out: list[Line] = []
    row: list[Line] = []
    for ln in sorted(lines, key=lambda ln: (ln.y1 if ln.base is None else ln.base, ln.x0)):
        base = ln.y1 if ln.base is None else ln.base
        if row and base - (row[0].y1 if row[0].base is None else row[0].base) >= 1.5:
            out.extend(sorted(row, key=lambda ln: ln.x0))
            row = []
        row.append(ln)
    out.extend(sorted(row, key=lambda ln: ln.x0))
    return out


def _reading_order(lines: list[Line], page_width: float, first_page: bool = False) -> list[Line]:
    mid = page_width / 2
    two_columns = _assign_columns(lines, mid + 4, mid - 4)
    if not two_columns and (split := _side_split(lines, page_width)) is not None:
        two_columns = _assign_columns(lines, split - 3, split - 1.5)
    if not two_columns:
        for ln in lines:
            ln.column = 0
        return _in_rows(lines)
    if first_page:
        # Author blocks set side by side above the columns (IEEEtran) are front matter, read top to
        # bottom: the columns begin at the first line flush with a column's left edge.
        edges = {c: min(ln.x0 for ln in lines if ln.column == c) for c in (1, 2)}
        flush = [ln.y0 for ln in lines if ln.column and ln.x0 - edges[ln.column] < 2 and len(ln.text) > 30]
        if flush:
            for column in (1, 2):
                top = min(flush)  # then up through lines set tight above it (an indented first line)
                for ln in sorted((ln for ln in lines if ln.column == column and ln.y0 < top), key=lambda ln: -ln.y0):
                    # A heading flush with the column's edge ("3 Setup" at the top of the right column,
                    # beside the abstract) begins the column too; centred author names never are flush.
                    if top - ln.y1 < ln.height * 0.8 or ln.x0 - edges[column] < 2:
                        top = ln.y0
                    elif ln.y1 < top - 2:
                        ln.column = 0
    out: list[Line] = []
    band_left: list[Line] = []
    band_right: list[Line] = []
    for ln in _in_rows(lines):
        if ln.column == 0:
            out.extend(_in_rows(band_left))
            out.extend(_in_rows(band_right))
            band_left, band_right = [], []
            out.append(ln)
        else:
            (band_left if ln.column == 1 else band_right).append(ln)
    out.extend(_in_rows(band_left))
    out.extend(_in_rows(band_right))
    return out


# ───────────────────────────── paragraphs ─────────────────────────────


def _headingish(line: Line, body: float) -> bool:
    return line.size >= body * 1.08 or line.bold


ITALIC_APPENDIX_HEADING = re.compile(r"^Appendix\s+[A-Z](?:\.\d{1,2}){1,3}\.?\s+[A-Z]")


def _italic_heading_line(line: Line) -> bool:
    """A numbered heading set in italics at body size, as IEEEtran sets "A. Problem Setting" and
    elsarticle "Appendix A.1. Hyperparameters"."""
    return line.italic and len(line.text) < 80 and bool(ITALIC_HEADING.match(line.text) or
                                                        ITALIC_APPENDIX_HEADING.match(line.text))


def _small_caps_edge(prev: Line, line: Line) -> bool:
    """One of two lines is a short line in small capitals and the other is not: a heading at body
    size (amsart) set tight against its text."""
    return prev.smallcaps != line.smallcaps and len((prev if prev.smallcaps else line).text) < 80


def _size_scale(prev: Line, line: Line, body: float) -> float:
    """Lines in larger type sit further apart: a heading wrapped over two lines in 13 pt type
    (baselines 18 pt apart) is one paragraph, not two, beside 11 pt text set 13.6 pt apart."""
    if abs(prev.size - line.size) >= 0.6 or not (_headingish(prev, body) and _headingish(line, body)):
        return 1.0
    return max(1.0, min(prev.size, line.size) / body)


EQUATION_NUMBER = re.compile(r"\((\d{1,3}(?:\.\d{1,3})?[a-z]?)\)$")


def _display_math(line: Line) -> bool:
    """A piece of a display equation: mostly math, a short piece with math in it, a glyph the text
    layer cannot name (U+FFFD), or an equation number standing alone."""
    visible = len(line.text) - line.text.count(" ")
    if not visible or line.code:
        return False
    return line.math_chars >= 0.5 * visible or (visible <= 15 and line.math_chars >= min(2, visible)) or "\ufffd" in line.text or \
        bool(EQUATION_NUMBER.fullmatch(line.text.strip()))


def _blocks(lines: list[Line], body: float, pitch: float) -> list[Block]:
    blocks: list[Block] = []
    current: list[Line] = []
    col_left: dict[tuple[int, int], float] = {}
    for ln in lines:
        key = (ln.page, ln.column)
        col_left[key] = min(col_left.get(key, ln.x0), ln.x0)
    for ln in lines:
        if not current:
            current = [ln]
            continue
        prev = current[-1]
        same_place = prev.page == ln.page and prev.column == ln.column
        # Baseline to baseline: pieces of one row read left to right may have their tops in any order.
        by_base = prev.base is not None and ln.base is not None
        gap = ln.base - prev.base if by_base else ln.y0 - prev.y0
        new = False
        if prev.code or ln.code:
            new = prev.code != ln.code or not same_place or not -1 < gap < pitch * 2.5
        elif _display_math(prev) or _display_math(ln):
            # A display equation is one block: its pieces (a fraction's rows, limits of a sum, the
            # number at the margin) stay together, and prose above or below it is another block.
            other = ln if _display_math(prev) else prev
            level = min(prev.y1, ln.y1) - max(prev.y0, ln.y0) > 0  # side by side ("log" between two pieces)
            together = _display_math(other) or level or other.math_chars >= max(2.0, 0.15 * len(other.text))
            new = not together or not same_place or not -pitch * 3 < gap < pitch * 1.5
        elif by_base and same_place and abs(gap) < 1.5 and ln.x0 > prev.x1:
            new = False  # the rest of the row after a bold run-in head ("Worker Failure.   The master ...")
        elif CAPTION_LABEL_LINE.match(prev.text) and len(current) == 1 and same_place and 0 < gap < pitch * 2:
            new = False  # "TABLE II" and its caption on the next line
        elif CAPTION_LABEL_LINE.match(ln.text) or (
                CAPTION.match(ln.text) and (not same_place or gap > pitch * 1.05 or ln.x0 - prev.x0 > 2)):
            new = True
        elif not same_place:
            new = prev.text.rstrip().endswith(_SENTENCE_END) or _headingish(prev, body) or _headingish(ln, body) or \
                abs(ln.size - prev.size) > 0.6 or _italic_heading_line(prev) or _italic_heading_line(ln) or \
                _small_caps_edge(prev, ln)
        elif (gap if by_base else min(gap, ln.y1 - prev.y1)) > pitch * 1.3 * _size_scale(prev, ln, body) or gap < -1:
            # (without baselines: a superscript raises a line's top, a subscript lowers its bottom;
            # a paragraph's gap widens both distances, a tall line in it only one)
            new = True
        elif prev.bold and ln.bold and NUMBERED_LINE.match(ln.text) and _headingish(ln, body):
            new = True  # a heading right under another ("2 BACKGROUND" / "2.1 Early-stopping")
        elif abs(ln.size - prev.size) > 0.6 or _headingish(prev, body) != _headingish(ln, body):
            new = True
        elif _italic_heading_line(prev) or _italic_heading_line(ln):
            new = True
        elif _small_caps_edge(prev, ln):
            new = True
        elif prev.bold and ln.bold:
            new = False
        elif ln.x0 - prev.x0 > body * 0.6 and prev.x0 - col_left[(prev.page, prev.column)] < 2 and \
                ln.x0 - col_left[(ln.page, ln.column)] < body * 2.5 and prev.text.rstrip().endswith(_SENTENCE_END):
            new = True  # first-line indent of the next paragraph
        elif CAPTION.match(current[0].text) is None and ln.x0 - prev.x0 > body * 0.6 and len(current) == 1 and \
                ln.x0 - col_left[(ln.page, ln.column)] < body * 2.5:
            new = False  # hanging indent: continuation of an entry
        elif ln.x0 - col_left[(ln.page, ln.column)] > body * 0.6 and ln.x0 - prev.x0 > body * 0.6 and \
                prev.text.rstrip().endswith(_SENTENCE_END):
            new = True
        if new:
            blocks.append(Block(current))
            current = [ln]
        else:
            current.append(ln)
    if current:
        blocks.append(Block(current))
    return blocks


def _run_in_lead(line: Line) -> tuple[str, str] | None:
    """(heading, rest) when the line opens with a run-in heading: a dotted section number, then a
    phrase in bold, italics or small capitals ending in a period, then the paragraph's own text
    ("2.1. **Notation.** We observe ..." in amsart). Unnumbered lead-ins ("Proof.", "Outline.")
    and theorem labels ("Definition 2.1.", "2.3. Lemma.") are paragraphs, not sections."""
    words: list[tuple[str, str]] = []
    for _, _, text, style in line.spans:
        words.extend((w, style) for w in text.split())
    if len(words) < 2:
        return None
    i = 0
    if words[0][0].lower() == "appendix":
        i = 1
    if i >= len(words) or not RUN_IN_NUMBER.match(words[i][0]):
        return None
    i += 1
    start = i
    # The title: emphasised words up to the first one ending the phrase.
    while i < len(words) and words[i][1]:
        i += 1
        if words[i - 1][0].endswith((".", ":")):
            break
    title = [w for w, _ in words[start:i]]
    if not title or len(title) > 12 or not title[-1].endswith((".", ":")):
        return None
    heading_title = " ".join(title).rstrip(".:")
    if not heading_title[:1].isupper() or THEOREM_WORDS.match(heading_title):
        return None
    heading = " ".join(w for w, _ in words[:start]) + " " + heading_title
    return heading, " ".join(w for w, _ in words[i:])


def _split_run_in(blocks: list[Block]) -> list[Block]:
    """Split paragraphs that open with a run-in heading into a heading block and the paragraph."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "text":
            out.append(block)
            continue
        current: list[Line] = []
        for j, ln in enumerate(block.lines):
            lead = _run_in_lead(ln) if (j == 0 or block.lines[j - 1].text.rstrip().endswith(_SENTENCE_END)) else None
            if lead is None:
                current.append(ln)
                continue
            if current:
                out.append(Block(current))
            heading_text, rest = lead
            out.append(Block([Line(ln.page, ln.x0, ln.y0, ln.x1, ln.y1, heading_text, ln.size, True, False, 0,
                                   column=ln.column)], run_in=True))
            # The paragraph goes on after the heading (or on the next line when it opens with a display).
            current = [Line(ln.page, ln.x0, ln.y0, ln.x1, ln.y1, rest, ln.size, False, ln.italic, ln.math_chars,
                            spans=[], column=ln.column)] if rest else []
        if current:
            out.append(Block(current))
    return out


def _is_math(block: Block) -> bool:
    text = block.text
    visible = sum(1 for ch in text if not ch.isspace())
    if visible == 0:
        return False
    math = sum(ln.math_chars for ln in block.lines)
    if math / visible >= 0.06:
        return True
    # A short display equation typeset with ordinary fonts: "= ... (3)".
    return len(text) < 160 and "=" in text and bool(re.search(r"\(\d{1,3}\)\s*$", text))


# ───────────────────────────── headings ─────────────────────────────


@dataclass
class _Heading:
    number: str | None
    title: str
    level: int
    page: int  # 1-based
    size: float


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


def _clean_title(title: str) -> str:
    return TRAILING_MARK.sub("", title.strip()).strip()


def uses_roman_sections(blocks: list[Block]) -> bool:
    """IEEEtran/revtex style: headings "II. ..." and "III. ..." both present."""
    seen = {m["num"] for b in blocks if len(b.lines) <= 2 and (m := ROMAN_HEADING.match(b.text))}
    return {"II", "III"} <= seen


def _heading(block: Block, body: float, after_references: bool, roman: bool = False) -> _Heading | None:
    text = block.text
    if block.run_in:  # split off by _split_run_in: number and title are known to be there
        found = HEADING_NUMBER.match(text)
        number = found["num"].rstrip(".")
        return _Heading(number, _clean_title(found["title"]), number.count(".") + 1, block.page + 1, block.size)
    # A numbered bold heading may wrap over three lines in a narrow column (twocol-sans).
    most_lines = 3 if block.bold and WRAPPED_HEADING.match(text) else 2
    if len(block.lines) > most_lines or len(text) > 120 or len(text) < 2:
        return None
    if CAPTION.match(text) or CAPTION_LABEL_LINE.match(block.lines[0].text) or text.endswith((",", ";")) or \
            re.search(r"[=@]", text) or FRONT_MATTER_LABELS.match(text):
        return None
    larger = block.size >= body * 1.08
    found_roman = ROMAN_HEADING.match(text) if roman else None
    found = HEADING_NUMBER.match(text)
    if not (larger or block.bold):
        # IEEEtran and revtex set headings in small capitals or italics at or below body size; without
        # bold or size to go by, only a number in front plus that styling makes a heading.
        # amsart sets section headings in small capitals, which the text layer gives in mixed case:
        # the font says so.
        numbered = found_roman or (found and not found["num"][0].isdigit()) or (found and "." in text[:4])
        title = (found_roman or found)["title"] if numbered else ""
        caps = block.smallcaps and block.size >= body * 0.95
        named = len(block.lines) == 1 and len(text.split()) <= 4 and (_is_caps(text) or caps) and \
            UNNUMBERED_HEADINGS.match(text)
        if not ((numbered and (block.italic or caps or _is_caps(title))) or named):
            return None
    if found_roman and (found_roman["title"][:1].isupper()):
        return _Heading(found_roman["num"], _clean_title(found_roman["title"]), 1, block.page + 1, block.size)
    if found:
        number = found["num"].rstrip(".")
        title = _clean_title(found["title"])
        letter = number[0].isalpha()
        level = number.count(".") + 1
        if letter and roman and not found["app"] and len(number) == 1:
            level = 2  # "A. Setup" under "IV. EXPERIMENTS"
        elif letter and not (found["app"] or after_references):
            found = None
        if found is None:
            pass
        elif len(title) < 2 or not (title[0].isupper() or title[0].isdigit()) or title.endswith("."):
            found = None
        elif not letter and int(number.split(".")[0]) > 30:
            found = None
        if found:
            return _Heading(number, title, level, block.page + 1, block.size)
    appendix = APPENDIX_ONLY.match(text)
    if appendix and (appendix["num"] or appendix["title"] is not None or text.lower().startswith("appendi")):
        title = _clean_title(appendix["title"] or "") or "Appendix"
        return _Heading(appendix["num"], title, 1, block.page + 1, block.size)
    if text.endswith((".", ":")):  # a run-in paragraph head ("Worker Failure.", "Count of URL Access:")
        return None
    words = text.split()
    text = _clean_title(text)
    if UNNUMBERED_HEADINGS.match(text) and len(words) <= 6:
        return _Heading(None, text, 0, block.page + 1, block.size)
    if larger and len(words) <= 10 and (text[0].isupper()):
        return _Heading(None, text, 0, block.page + 1, block.size)
    # A lone bold line at body size: an unnumbered subsection heading (\subsubsection*, \textbf on a
    # line of its own). Bold lines in smaller type are table heads, figure text or footnotes.
    if block.bold and len(block.lines) == 1 and len(words) <= 8 and text[0].isupper() and block.size >= body * 0.98:
        return _Heading(None, text, 0, block.page + 1, block.size)
    return None


def _assign_unnumbered_levels(headings: list[_Heading]) -> None:
    """Numbered headings know their level; unnumbered ones get it from their size rank."""
    numbered_sizes: dict[int, list[float]] = {}
    for h in headings:
        if h.number is not None:
            numbered_sizes.setdefault(h.level, []).append(h.size)
    ref = {lvl: statistics.median(sizes) for lvl, sizes in numbered_sizes.items()}
    sizes = sorted({round(h.size * 2) / 2 for h in headings if h.number is None}, reverse=True)
    for h in headings:
        if h.level:
            continue
        if ref:
            h.level = min(ref, key=lambda lvl: (abs(ref[lvl] - h.size), lvl))
        else:
            h.level = sizes.index(round(h.size * 2) / 2) + 1 if sizes else 1
        if REFERENCE_HEADINGS.match(h.title) or UNNUMBERED_HEADINGS.match(h.title):
            h.level = 1 if not ref else min(ref)


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _split_heading_number(text: str) -> tuple[str | None, str]:
    """"3.2 Title", "IV. TITLE", "Appendix A: Title", "Appendix B. Title" → (number, title); else (None, text)."""
    text = text.strip()
    appendix = APPENDIX_ONLY.match(text)
    if appendix and appendix["num"]:
        return appendix["num"], _clean_title(appendix["title"] or "") or "Appendix"
    for pattern in (ROMAN_HEADING, HEADING_NUMBER):
        match = pattern.match(text)
        if match and (match["title"][:1].isupper() or match["title"][:1].isdigit()):
            return match["num"].rstrip("."), _clean_title(match["title"])
    return None, _clean_title(text)


def _layout_headings(blocks: list[Block], body: float) -> dict[int, _Heading]:
    """Headings found from numbers, fonts and sizes alone: {block index: heading}."""
    headings: dict[int, _Heading] = {}
    after_refs = False
    roman = uses_roman_sections(blocks)
    for i, block in enumerate(blocks):
        found = _heading(block, body, after_refs, roman)
        if found is None:
            continue
        if block.page == 0 and not headings and not UNNUMBERED_HEADINGS.match(found.title) and found.number is None:
            continue  # title-block lines (title, names) are not headings
        headings[i] = found
        if REFERENCE_HEADINGS.match(found.title):
            after_refs = True
    return headings


def _outline_is_usable(from_outline: dict[int, _Heading], from_layout: dict[int, _Heading]) -> bool:
    """Trust the outline only when it reads as the paper's list of headings: most of its entries are
    found on their pages, and it is not much shorter than what the layout shows. Some classes write
    bookmarks that are not sections (llncs with hyperref bookmarks only the title), and an outline
    whose entries cannot be placed would give sections without text or numbers."""
    placed = sum(1 for i in from_outline if i >= 0)
    if placed < 2 or placed < 0.5 * len(from_outline):
        return False
    return placed >= 0.5 * len(from_layout)


def _reconcile_outline(outline: dict[int, _Heading], layout: dict[int, _Heading]) -> dict[int, _Heading]:
    """The outline's headings, checked against the printed ones.

    - Levels: a heading whose printed number the layout read the same way takes the number's depth
      from the layout ("A.1" is a subsection) — memoir's bookmarks go one level too deep after the
      bibliography, which it files as a section of its own.
    - An entry not found on the page whose title a placed entry of a higher level already has (the
      bibliography bookmarked twice, once as its own subsection) is dropped.
    - Numbered headings deeper than any outline entry, printed between two placed entries, are added:
      bookmarks often stop at subsections while the page numbers subsubsections ("3.1.1").
    """
    out: dict[int, _Heading] = {}
    placed_levels = {_norm(h.title): h.level for k, h in outline.items() if k >= 0}
    for key, h in outline.items():
        seen = layout.get(key)
        if key >= 0 and seen is not None and seen.number is not None and seen.number == h.number:
            h.level = seen.level
        if key < 0 and h.level > placed_levels.get(_norm(h.title), h.level):
            continue  # filed under its own twin (memoir's bibliography): not a heading of its own
        out[key] = h
    deepest = max((h.level for h in outline.values()), default=0)
    placed = [k for k in out if k >= 0]
    if placed:
        for key, h in layout.items():
            if h.number is not None and h.level > deepest and min(placed) < key < max(placed) and key not in out:
                parent = max((k for k in placed if k < key), default=None)  # the outline entry above it
                if parent is not None and out[parent].number and h.number.startswith(out[parent].number + "."):
                    out[key] = h
    return dict(sorted(out.items(), key=lambda item: (item[0] < 0, item[0])))


def _toc_headings(toc: list, blocks: list[Block]) -> dict[int, _Heading]:
    """Place the PDF outline's entries on the blocks that print them: {block index: heading}.

    The outline gives titles, levels and pages; the number is read from the printed heading, since
    hyperref's bookmarks leave it out by default. Entries not found on their page are kept at a
    negative key, without text."""
    placed: dict[int, _Heading] = {}
    unplaced = 0
    start = 0
    for level, title, page, *_ in toc:
        number, name = _split_heading_number(title)
        targets = {_norm(title), _norm(name)}
        for i in range(start, len(blocks)):
            block = blocks[i]
            if block.page + 1 < page - 1:
                continue
            if block.page + 1 > page + 1:
                break
            printed_number, printed = _split_heading_number(block.text)
            got = {_norm(block.text), _norm(printed)}
            if targets & got or (len(block.lines) <= 3 and any(len(t) > 3 and g.startswith(t) for t in targets for g in got)):
                placed[i] = _Heading(number or printed_number, name, level, block.page + 1, block.size)
                start = i + 1
                break
        else:
            unplaced += 1
            placed[-unplaced] = _Heading(number, name, level, max(1, page), 0.0)
    return placed


# ───────────────────────────── references ─────────────────────────────


def _split_references(lines: list[Line], words: Counter | None = None) -> list[str]:
    if not lines:
        return []
    entries: list[list[str]] = []
    numeric = sum(1 for ln in lines if REFERENCE_START.match(ln.text)) >= max(2, len(lines) // 6)
    left: dict[tuple[int, int], float] = {}
    for ln in lines:
        key = (ln.page, ln.column)
        left[key] = min(left.get(key, ln.x0), ln.x0)
    prev: Line | None = None
    for ln in lines:
        if numeric:
            start = bool(REFERENCE_START.match(ln.text))
        else:
            at_margin = ln.x0 - left[(ln.page, ln.column)] < 2.0
            gap = prev is not None and prev.page == ln.page and ln.y0 - prev.y1 > ln.height * 0.45
            start = at_margin or gap or prev is None
            if at_margin and prev is not None and not prev.text.rstrip().endswith(".") and not gap:
                start = False  # a wrapped line that happens to sit at the margin
        if start or not entries:
            entries.append([ln.text])
        else:
            entries[-1].append(ln.text)
        prev = ln
    return [text for e in entries if (text := _join_lines(e, words))]


# ───────────────────────────── front matter ─────────────────────────────


def _front_matter(first_page: list[Line], body: float, stop_y: float) -> tuple[str, list[str]]:
    """Title (largest type in the top part of page 1) and author names below it."""
    candidates = [ln for ln in first_page if ln.y0 < stop_y and sum(ch.isalpha() for ch in ln.text) >= 2]
    if not candidates:
        return "", []
    biggest = max(ln.size for ln in candidates)
    if biggest < body * 1.15:
        return "", []
    title_lines = [ln for ln in candidates if abs(ln.size - biggest) < 0.6]
    title_lines.sort(key=lambda ln: ln.y0)
    # Keep the first contiguous run of the biggest lines.
    run = [title_lines[0]]
    for ln in title_lines[1:]:
        if ln.y0 - run[-1].y1 < biggest:
            run.append(ln)
        else:
            break
    title = _join_lines([ln.text for ln in run])
    authors: list[str] = []
    below = sorted((ln for ln in candidates if ln.y0 > run[-1].y1 - 1), key=lambda ln: (ln.y0, ln.x0))
    for ln in below[:8]:
        if AFFILIATION.search(ln.text):
            continue
        for name in _author_names(ln):
            if name not in authors:
                authors.append(name)
        if authors and len(below) and ln is not below[0] and not _author_names(ln):
            break
    return title, authors


# PDF metadata titles that are not titles: tool defaults and file names.
JUNK_TITLE = re.compile(r"^(no title given|untitled\b.*|title|none|document\d*|microsoft (word|powerpoint)\b.*|"
                        r".*\.(dvi|pdf|tex|docx?|ps|eps|indd|qxd))$", re.IGNORECASE)


def _largest_top_line(first_page: list[Line]) -> str:
    """The printed title when it is not set larger than the body: the largest line of several words in
    the top third of page 1 (bold wins a tie)."""
    if not first_page:
        return ""
    top = [ln for ln in first_page if ln.y0 < 0.35 * max(ln.y1 for ln in first_page) and len(ln.text.split()) >= 2
           and not AFFILIATION.search(ln.text) and not PAGE_NUMBER.match(ln.text) and not NUMBERED_LINE.match(ln.text)]
    if not top:
        return ""
    return max(top, key=lambda ln: (ln.size, ln.bold, -ln.y0)).text


def _unlabelled_abstract(blocks: list[Block], first_heading: int) -> str | None:
    """An abstract printed without an "Abstract" heading (revtex, Quantum, ACM small): the first long
    paragraph of page 1 before the first heading, below the title and names."""
    for block in blocks[:first_heading]:
        if block.page != 0 or CAPTION.match(block.text):
            continue
        lines = list(block.lines)
        # Names, affiliations and a date set tight above it may share its block: they go first.
        while lines and ((AFFILIATION.search(lines[0].text) and len(lines[0].text.split()) <= 10) or len(lines[0].text) < 40 or
                         re.match(r"^\(.*\)$", lines[0].text)):
            lines.pop(0)
        end = next((i for i, ln in enumerate(lines) if FRONT_MATTER_LABELS.match(ln.text) or
                    ln.text.lower().startswith(("additional key words", "acm reference format"))), len(lines))
        text = _join_lines([ln.text for ln in lines[:end]])
        if len(text.split()) >= 40:
            block.kind = "abstract"
            return text
    return None


def _author_names(line: Line) -> list[str]:
    text = re.sub(r"[\d*†‡§¶∗,]+(?=\s|,|$)", ",", line.text)
    parts = re.split(r",|\band\b|·|&|;|\s{3,}", text)
    names = []
    for part in parts:
        name = " ".join(part.split()).strip(" .")
        words = name.split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not AFFILIATION.search(name):
            names.append(name)
    return names


# ───────────────────────────── the parser ─────────────────────────────


@dataclass
class _Parsed:
    """Intermediate results kept for tests and benchmarks (reading order, block kinds)."""

    blocks: list[Block]
    body_size: float


def parse_document(doc, *, source: str | None = None, use_outline: bool = True) -> Paper:
    """Parse an opened PyMuPDF document into a `Paper`."""
    from paperkit.reading.pdf import text_layer_warning

    warnings: list[str] = []
    no_text = text_layer_warning(doc)
    if no_text:
        warnings.append(no_text)
    pages_lines: list[list[Line]] = []
    page_graphics: list[list[tuple]] = []
    widths: list[float] = []
    for index, page in enumerate(doc):
        rotated: list[tuple] = []
        pages_lines.append(_page_lines(page, index, rotated))
        page_graphics.append(_with_axis_titles(_without_highlights(page, _graphic_boxes(page), pages_lines[-1]), rotated))
        widths.append(page.rect.width)
    _strip_line_numbers(pages_lines)
    words = _document_words(ln for lines in pages_lines for ln in lines)

    furniture = _furniture(pages_lines)
    sizes = Counter()
    for lines in pages_lines:
        for ln in lines:
            if id(ln) not in furniture:
                sizes[ln.size] += len(ln.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0

    # Captions first: they are never graphic text, and they locate the figures.
    ordered: list[Line] = []
    footnotes: list[Footnote] = []
    for index, lines in enumerate(pages_lines):
        kept = []
        label_line = None
        caption_lines: list[Line] = []
        if any(ALGORITHM.match(ln.text) for ln in lines):
            _mark_algorithms(doc[index], lines)
        for ln in sorted(lines, key=lambda ln: (ln.y0, ln.x0)):
            if id(ln) in furniture:
                continue
            if ln.code:
                kept.append(ln)
                continue
            # The line under an IEEE "TABLE II" label is the caption, however close to the table it sits.
            under_label = label_line is not None and 0 < ln.y0 - label_line.y1 < label_line.height * 1.5 and \
                ln.x0 < label_line.x1 and ln.x1 > label_line.x0
            label_line = ln if CAPTION_LABEL_LINE.match(ln.text) else None
            # A caption set above a table wraps onto lines that sit within the table's margin
            # (revtex: "TABLE I. ... con-" / "figurations."); they stay caption while not inside the
            # table's own box.
            continued = any(0 < ln.y0 - c.y1 < c.height * 1.5 and ln.x0 < c.x1 and ln.x1 > c.x0 and
                            abs(ln.size - c.size) < 0.6 for c in caption_lines) and \
                not any(_inside(ln, box, 0.0) for box in page_graphics[index])
            if CAPTION.match(ln.text) or label_line or under_label or continued:
                caption_lines.append(ln)
            elif _absorb(ln, page_graphics[index], 8.0):
                continue  # text inside a figure or table (its box grows to hold the labels at its edge)
            elif SUBCAPTION.match(ln.text) and _below_graphic(ln, page_graphics[index]):
                continue  # a panel's own caption, "(a) Positive pairs", under its drawing
            elif TICK_LABELS.match(ln.text) and _absorb(ln, page_graphics[index], 30.0):
                continue  # axis tick labels just outside a plot's frame
            kept.append(ln)
        kept, notes = _split_footnotes(kept, body, widths[index], doc[index].rect.height, first_page=index == 0)
        for mark, note_lines in notes:
            text = _join_lines([ln.text for ln in note_lines], words)
            if mark:
                text = text[len(mark):].lstrip() if text.startswith(mark) else text
                footnotes.append(Footnote(mark=mark, text=text, page=index + 1))
            elif mark == "" and footnotes and footnotes[-1].page >= index:  # continued from the column before
                footnotes[-1] = replace(footnotes[-1], text=_join_lines([footnotes[-1].text, text], words))
        ordered.extend(_reading_order(kept, widths[index], first_page=index == 0))

    pitches = [b.y0 - a.y0 for a, b in zip(ordered, ordered[1:])
               if a.page == b.page and a.column == b.column and abs(a.size - body) < 0.3 and 0 < b.y0 - a.y0 < body * 2.6]
    pitch = statistics.median(pitches) if pitches else body * 1.2
    blocks = _split_run_in(_blocks(ordered, body, pitch))

    # Front matter: everything on page 1 above the abstract or first heading.
    toc = doc.get_toc(simple=True) if use_outline else []
    headings = _layout_headings(blocks, body)
    if toc:
        from_outline = _toc_headings(toc, blocks)
        if _outline_is_usable(from_outline, headings):
            headings = _reconcile_outline(from_outline, headings)
    # Abstract: a heading "Abstract" or a paragraph that starts with "Abstract".
    abstract = None
    abstract_index = None
    for i, block in enumerate(blocks[:60]):
        h = headings.get(i)
        if (h and _norm(h.title) == "abstract") or (_norm(block.text) == "abstract" and len(block.lines) == 1):
            parts = []
            for j in range(i + 1, len(blocks)):
                if j in headings or blocks[j].page > block.page + 1:
                    break
                parts.append(blocks[j].text)
                blocks[j].kind = "abstract"
            abstract = " ".join(parts) or None
            abstract_index = i
            headings.pop(i, None)
            block.kind = "front"
            break
        run_in = re.match(r"^abstract\s*[.:—–-]\s*(.+)$", block.text, re.IGNORECASE | re.DOTALL)
        if run_in and block.page <= 1:
            abstract, abstract_index = run_in.group(1).strip(), i
            block.kind = "abstract"
            break
    first_heading = min([i for i in headings if i >= 0] + [abstract_index if abstract_index is not None else len(blocks)])
    stop_y = blocks[first_heading].lines[0].y0 if first_heading < len(blocks) and blocks[first_heading].page == 0 else doc[0].rect.height * 0.5
    title, authors = _front_matter(pages_lines[0] if pages_lines else [], body, stop_y)
    if not title:
        printed = (doc.metadata or {}).get("title", "").strip()
        title = printed if printed and not JUNK_TITLE.match(printed) else _largest_top_line(pages_lines[0] if pages_lines else [])
        title = title or Path(source or "untitled").stem
    if abstract is None:
        abstract = _unlabelled_abstract(blocks, first_heading)
    for i in range(first_heading):
        # A caption above the abstract (a teaser figure across both columns, `\captionof` inside
        # `\twocolumn[...]`) is found by its "Figure N:" label, wherever it stands.
        caption = CAPTION.match(blocks[i].text)
        if blocks[i].page == 0 and blocks[i].kind == "text" and not (caption and caption["sep"] in ":."):
            blocks[i].kind = "front"

    # Figures and tables.
    figures, tables = _floats(blocks, page_graphics)
    _assign_unnumbered_levels([h for h in headings.values() if h.size])
    for h in headings.values():
        if not h.level:
            h.level = 1

    # Sections in reading order, with their paragraphs.
    sections: list[Section] = []
    references: list[str] = []
    current: _Heading | None = None
    pending: list[list[Line]] = []  # the section's paragraphs as lines, made into Paragraphs at close()
    ref_lines: list[Line] = []
    in_refs = False
    calls: list[tuple[str, int, int, int]] = []  # (mark, page, section index, paragraph index)
    interrupted = False  # a float, caption or code block stood between the last paragraph and this one

    def close() -> None:
        if current is not None:
            paragraphs = []
            for index, lines in enumerate(pending):
                for ln in lines:
                    calls.extend((mark, ln.page + 1, len(sections), index) for mark in ln.calls)
                paragraphs.append(_paragraph(lines, words))
            sections.append(Section(current.number, current.title, current.level, current.page, tuple(paragraphs)))

    unplaced = sorted((k, h) for k, h in headings.items() if k < 0)
    for i, block in enumerate(blocks):
        if i in headings:
            close()
            current, pending, interrupted = headings[i], [], False
            if in_refs and not REFERENCE_HEADINGS.match(current.title):
                in_refs = False
            if REFERENCE_HEADINGS.match(current.title):
                in_refs = True
            continue
        if block.kind != "text" or current is None:
            interrupted = True
            continue
        if in_refs:
            ref_lines.extend(block.lines)
            continue
        code = block.lines[0].code
        # The paragraph a float or code block cut off: the last prose one, with only code after it.
        last = next((j for j in range(len(pending) - 1, -1, -1) if not pending[j][0].code), None)
        if last is not None and not code and _continues(pending[last], block.lines, interrupted or last < len(pending) - 1):
            pending[last] = pending[last] + block.lines  # a sentence cut by a page, column, float or footnote
        else:
            pending.append(list(block.lines))
        interrupted = code
    close()
    for _, h in unplaced:  # outline entries we could not find on the page: keep them, without text
        sections.append(Section(h.number, h.title, h.level, h.page, ()))
    if unplaced:
        sections.sort(key=lambda s: s.page)
    references = _split_references(ref_lines, words)
    footnotes = _attach_footnotes(footnotes, calls)
    from paperkit.reading.bibliography import link_citations, parse_reference

    bibliography = [parse_reference(r) for r in references]
    citations = link_citations([(si, pi, p.page, p.text) for si, s in enumerate(sections)
                                for pi, p in enumerate(s.paragraphs)], bibliography)
    if not no_text and not sections:
        warnings.append("no section headings found: the outline shows the text as one block")
    return Paper(
        title=title,
        authors=tuple(authors),
        abstract=abstract,
        sections=tuple(sections),
        figures=tuple(figures),
        tables=tuple(tables),
        references=tuple(references),
        pages=doc.page_count,
        source=source,
        warnings=tuple(warnings),
        bibliography=tuple(bibliography),
        footnotes=tuple(footnotes),
        citations=tuple(citations),
    )


def _continues(before: list[Line], after: list[Line], interrupted: bool) -> bool:
    """Whether `after` goes on with the sentence `before` left open: `before` ends without a full stop
    and `after` opens in lower case, at another page or column or after a float that stood between."""
    last, first = before[-1], after[0]
    text = last.text.rstrip()
    if not text or text.endswith(_SENTENCE_END) or not first.text[:1].islower() or _is_display(before):
        return False
    moved = (last.page, last.column) != (first.page, first.column)
    return moved or interrupted


def _preformatted(lines: list[Line]) -> str:
    """Code or an algorithm line by line, indented as printed. Pieces level with each other are one
    line (an algorithm's "2:" and its statement), its number kept in front of the indentation."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (ln.y0 + ln.y1) / 2):
        middle = (ln.y0 + ln.y1) / 2
        if rows and abs(middle - (rows[-1][0].y0 + rows[-1][0].y1) / 2) < 0.4 * ln.size and ln.page == rows[-1][0].page:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    step = max(2.0, statistics.median(ln.size for ln in lines) * 0.5)
    starts = [sorted(row, key=lambda ln: ln.x0) for row in rows]
    numbered = [row[1] if len(row) > 1 and re.fullmatch(r"\d{1,3}:?", row[0].text) else row[0] for row in starts]
    left = min(piece.x0 for piece in numbered)
    out = []
    for row, piece in zip(starts, numbered):
        label = row[0].text + " " if piece is not row[0] else ""
        rest = " ".join(ln.text for ln in row if ln is not row[0] or not label)
        out.append(label + " " * round((piece.x0 - left) / step) + rest)
    return "\n".join(out)


def _is_display(lines: list[Line]) -> bool:
    """A block that is a display equation: mostly pieces of math (or an equation number), no prose line."""
    pieces = sum(1 for ln in lines if _display_math(ln))
    prose = any(len(ln.text) > 50 and ln.math_chars < 0.2 * len(ln.text) for ln in lines)
    return not prose and pieces >= max(1, len(lines) / 2)


def _paragraph(lines: list[Line], words: Counter) -> Paragraph:
    numbered = [ln.lineno for ln in lines if ln.lineno is not None]
    line_numbers = (min(numbered), max(numbered)) if numbered else None
    if lines[0].code:
        return Paragraph(text=_preformatted(lines), page=lines[0].page + 1, code=True, line_numbers=line_numbers)
    block = Block(lines)
    text = _join_lines([ln.text for ln in lines], words)
    if _is_display(lines):
        # A display equation: its number, its box, and whether the text layer can say it at all
        # (unnamed glyphs, or rows stacked as in fractions and limits, read as a jumble in one line).
        number = next((m.group(1) for ln in lines if (m := EQUATION_NUMBER.search(ln.text.strip()))), None)
        rows = len({round((ln.y1 + ln.y0) / 2 / max(1.0, ln.size * 0.6)) for ln in lines if not EQUATION_NUMBER.fullmatch(ln.text.strip())})
        unreadable = "\ufffd" in text or rows > 1
        box = (min(ln.x0 for ln in lines), min(ln.y0 for ln in lines), max(ln.x1 for ln in lines), max(ln.y1 for ln in lines))
        return Paragraph(text=text.replace("\ufffd", "").replace("  ", " "), page=lines[0].page + 1, math=True,
                         line_numbers=line_numbers, equation=number, bbox=tuple(round(v, 1) for v in box),
                         render_as_image=unreadable)
    return Paragraph(text=text.replace("\ufffd", ""), page=lines[0].page + 1, math=_is_math(block),
                     line_numbers=line_numbers)


def _attach_footnotes(footnotes: list[Footnote], calls: list[tuple[str, int, int, int]]) -> list[Footnote]:
    """Give each footnote the paragraph that calls its mark: on its page, or the page before (a note
    that LaTeX moved to the next page)."""
    out = []
    taken: set[int] = set()
    for note in footnotes:
        for i, (mark, page, section, paragraph) in enumerate(calls):
            if i not in taken and mark == note.mark and note.page - 1 <= page <= note.page:
                taken.add(i)
                note = replace(note, section=section, paragraph=paragraph)
                break
        out.append(note)
    return out


def _floats(blocks: list[Block], page_graphics: list[list[tuple]]) -> tuple[list[Figure], list[Figure]]:
    """Figures and tables from their captions, each with the box of its graphic. A graphic belongs to
    one float only: when two captions reach for the same one (a table right above a figure caption
    whose figure has no drawing of its own), the nearer caption keeps it."""
    found: list[tuple[Block, str, re.Match, tuple | None, float]] = []
    seen: set[tuple[str, str]] = set()
    for block in blocks:
        match = CAPTION.match(block.text)
        if CAPTION_LABEL_LINE.match(block.lines[0].text) and len(block.lines) > 1:
            match = CAPTION_LABEL_LINE.match(block.lines[0].text)
        if not match or block.kind != "text":
            continue
        # In-text mentions ("Table 2. shows") are not captions: a caption is set apart (bold label,
        # smaller type, or next to a graphic).
        kind = "table" if match["label"].lower().startswith("tab") else "figure"
        scored = _nearest_graphic(block, page_graphics[block.page], prefer_above=(kind == "figure"))
        box, score = scored if scored else (None, 0.0)
        if box is None and match.re is not CAPTION_LABEL_LINE and match["sep"] not in (":", "."):
            continue
        key = (kind, match["num"])
        if key in seen:
            continue
        seen.add(key)
        found.append((block, kind, match, box, score))
    owner: dict[tuple, float] = {}
    for _, _, _, box, score in found:
        if box is not None:
            owner[box] = min(owner.get(box, score), score)
    figures: list[Figure] = []
    tables: list[Figure] = []
    for block, kind, match, box, score in found:
        if box is not None and score > owner[box]:
            box = None  # a nearer caption owns this graphic
        if box is not None:
            box = _whole_float(box, page_graphics[block.page], block)
        block.kind = "caption"
        caption = _join_lines([ln.text for ln in block.lines[1:]]) if match.re is CAPTION_LABEL_LINE else \
            block.text[match.end():].strip()
        record = Figure(kind=kind, number=match["num"], caption=caption, page=block.lines[0].page + 1,
                        bbox=tuple(round(v, 1) for v in box) if box else None)
        (tables if kind == "table" else figures).append(record)
    return figures, tables


TICK_LABELS = re.compile(r"^[−\-+]?\d[\d.,%]*(?:\s+[−\-+]?\d[\d.,%]*)*$")
SUBCAPTION = re.compile(r"^\(?[a-h]\)\s+\S")


def _with_axis_titles(boxes: list[tuple], rotated: list[tuple]) -> list[tuple]:
    """Grow each drawing's box over the rotated text beside it (a plot's y-axis title), which the
    text lines leave out. A rotated line taller than the drawing (an arXiv stamp down the margin) or
    more than 35 pt from it stays out."""
    out = []
    for box in boxes:
        x0, y0, x1, y1 = box
        for r in rotated:
            beside = -35 < box[0] - r[2] < 35 or -35 < r[0] - box[2] < 35
            if beside and r[1] >= box[1] - 10 and r[3] <= box[3] + 10:
                x0, y0, x1, y1 = min(x0, r[0]), min(y0, r[1]), max(x1, r[2]), max(y1, r[3])
        out.append((x0, y0, x1, y1))
    return out


def _absorb(line: Line, boxes: list[tuple], margin: float) -> bool:
    """Whether the line lies inside a drawing's box (grown by `margin`); a short one (a tick label, an
    axis title) then grows the box to hold it, so a plot's crop keeps the labels set just outside its
    frame. Long lines never grow it: the box must not creep down into the text after the figure.
    Nor does a drawing lower than the line take a long line in: a reader's underline or squiggle
    under a sentence (a tick label under an axis, short, still goes with its axis)."""
    for i, box in enumerate(boxes):
        if len(line.text) > 40 and box[3] - box[1] < line.height:
            continue
        if _inside(line, box, margin):
            if len(line.text) <= 40:
                boxes[i] = (min(box[0], line.x0), min(box[1], line.y0), max(box[2], line.x1), max(box[3], line.y1))
            return True
    return False


def _below_graphic(line: Line, boxes: list[tuple]) -> bool:
    """Whether the line sits just under a drawing (within two lines), overlapping it horizontally;
    the drawing's box grows to hold it, so the figure's crop keeps its panel captions."""
    for i, box in enumerate(boxes):
        if 0 <= line.y0 - box[3] < 2.5 * line.height and line.x1 > box[0] and line.x0 < box[2]:
            boxes[i] = (min(box[0], line.x0), box[1], max(box[2], line.x1), max(box[3], line.y1))
            return True
    return False


def _whole_float(box, boxes: list[tuple], caption: Block) -> tuple:
    """The caption's graphic grown to the whole float: panels set side by side (subfigures) are
    separate drawings level with the one found, within the caption's width."""
    left = min(min(ln.x0 for ln in caption.lines), box[0]) - 20
    right = max(max(ln.x1 for ln in caption.lines), box[2]) + 20
    x0, y0, x1, y1 = box
    for other in boxes:
        overlap = min(y1, other[3]) - max(y0, other[1])
        if other is not box and overlap > 0.5 * min(y1 - y0, other[3] - other[1]) and \
                other[0] >= left and other[2] <= right:
            x0, y0, x1, y1 = min(x0, other[0]), min(y0, other[1]), max(x1, other[2]), max(y1, other[3])
    return (x0, y0, x1, y1)


def _nearest_graphic(block: Block, boxes: list[tuple], prefer_above: bool):
    x0 = min(ln.x0 for ln in block.lines)
    x1 = max(ln.x1 for ln in block.lines)
    top = block.lines[0].y0
    bottom = block.lines[-1].y1
    best = None
    for box in boxes:
        overlap = min(x1, box[2]) - max(x0, box[0])
        if overlap < 0.3 * min(x1 - x0, box[2] - box[0]):
            continue
        if box[3] <= top + 2:
            distance = top - box[3]
            side_penalty = 0 if prefer_above else 15
        elif box[1] >= bottom - 2:
            distance = box[1] - bottom
            side_penalty = 15 if prefer_above else 0
        else:
            continue
        if distance > 80:
            continue
        score = distance + side_penalty
        if best is None or score < best[0]:
            best = (score, box)
    return (best[1], best[0]) if best else None


def parse_pdf(path: str | os.PathLike, *, password: str | None = None) -> Paper:
    """Parse the PDF at `path`; raises a one-line PaperkitError for unusable files."""
    from paperkit.reading.pdf import open_pdf

    doc = open_pdf(path, password=password)
    try:
        return parse_document(doc, source=str(path))
    finally:
        doc.close()


def render_figure(pdf_path: str | os.PathLike, figure: Figure, out_png: str | os.PathLike, zoom: float = 2.0,
                  *, password: str | None = None) -> Path:
    """Render a figure's (or table's) graphic to a PNG; without a known box, its whole page."""
    import pymupdf

    from paperkit.files import atomic_write_bytes
    from paperkit.reading.pdf import open_pdf

    doc = open_pdf(pdf_path, password=password)
    try:
        page = doc[figure.page - 1]
        clip = pymupdf.Rect(figure.bbox) + (-4, -4, 4, 4) if figure.bbox else page.rect
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), clip=clip & page.rect)
        atomic_write_bytes(out_png, pix.tobytes("png"))
    finally:
        doc.close()
    return Path(out_png)
