"""Truth for the real-paper corpus, made without paperkit's parser.

Body sentences are those on which two independent text extractors agree: PyMuPDF's words and
poppler's `pdftotext -bbox-layout` (each in its own reading order). Each extractor's lines are
filtered by the same plain rules, computed on its own output: running heads and feet (lines in the
top or bottom band that repeat on several pages, or are bare numbers), review line numbers (bare
numbers stacked at one x), and small type (lines much lower than the body's, i.e. footnotes, captions
set small, figure labels). The lines are joined into text, line-end hyphens are resolved by evidence
from the paper itself (the joined word, or the hyphenated one, printed elsewhere inside a line) and
the text is cut into sentences. A sentence is truth when both extractors produce it, once each,
and it reads as prose: at least 8 words, a capital first, `.`, `?` or `!` last, few digits or math
characters, not a caption. Each sentence is tagged with its page and where it lies: across a page
break, across a column break, beside a figure or table, above a footnote, or in plain body text.

The rest of the truth (title, abstract, sections, figure and table numbers, bibliography size) is
proposed here from PyMuPDF (bookmarks when the PDF has them) and checked by a person on rendered
pages; `make_truth` writes the proposal and keeps any field a person already corrected
(`"checked": [...]` in the file).

Run: python -m benchmarks.real_truth --corpus DIR [--split tune|heldout|all] [NAME ...]
"""

from __future__ import annotations

import functools
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from corpus.samples import INK_THRESHOLD, ink_extent, page_in_gray

HERE = Path(__file__).resolve().parent / "real_corpus"
MANIFEST = HERE / "manifest.toml"
TRUTH = HERE / "truth"

# ─────────────────────────────── normalisation ───────────────────────────────

HYPHENS = "\u2010\u2011\u00ad"
UNRESOLVED = "\u2063"  # marks a line-end hyphen the paper gives no evidence for; such sentences are dropped


def clean(text: str) -> str:
    """NFKC (ligatures, full-width forms) and one space between words. What prints nothing goes: a
    soft hyphen opening a word (InDesign's mark of a word it may break), zero-width spaces and word
    joiners; a soft hyphen's code inside a word is a printed hyphen."""
    text = re.sub("[\u200b\u2060\ufeff]|(?<!\\S)\u00ad", "", unicodedata.normalize("NFKC", text))
    for h in HYPHENS:
        text = text.replace(h, "-")
    return re.sub(r"\s+", " ", text).strip()


def norm(text: str) -> str:
    """The comparison key of a sentence: lower-case words, punctuation and spacing ignored (as the
    LaTeX corpus's text score compares them), after `clean`. Accents are dropped too: a truth typed by
    hand writes the plain letter ("estimate X, holding S constant") where the page prints a math
    accent over it (Ŝ), and either is the same word to a reader."""
    from corpus.samples import _words

    plain = "".join(c for c in unicodedata.normalize("NFKD", clean(text)) if not unicodedata.combining(c))
    return _words(plain)


# ─────────────────────────────── lines from the two extractors ───────────────────────────────


@dataclass
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Line:
    page: int  # 1-based
    block: int
    words: list[Word]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (min(w.x0 for w in self.words), min(w.y0 for w in self.words),
                max(w.x1 for w in self.words), max(w.y1 for w in self.words))

    @property
    def height(self) -> float:
        hs = sorted(w.y1 - w.y0 for w in self.words)
        return hs[len(hs) // 2]


@dataclass
class Pages:
    lines: list[Line]
    sizes: list[tuple[float, float]]  # (width, height) per page

    @functools.cached_property
    def by_page(self) -> dict[int, list[Line]]:
        out: dict[int, list[Line]] = {}
        for line in self.lines:
            out.setdefault(line.page, []).append(line)
        return out


def pymupdf_pages(pdf: Path) -> Pages:
    """Lines of every page in PyMuPDF's order (its blocks and lines), words with their boxes."""
    import pymupdf

    lines: list[Line] = []
    sizes = []
    with pymupdf.open(pdf) as doc:
        for number, page in enumerate(doc, 1):
            sizes.append((page.rect.width, page.rect.height))
            current: dict[tuple[int, int], Line] = {}
            for x0, y0, x1, y1, text, block, line, _ in page.get_text("words", sort=False):
                key = (block, line)
                if key not in current:
                    current[key] = Line(number, block, [])
                    lines.append(current[key])
                current[key].words.append(Word(text, x0, y0, x1, y1))
    return Pages(lines, sizes)


def pdftotext_available() -> bool:
    return shutil.which("pdftotext") is not None


def pdftotext_pages(pdf: Path) -> Pages:
    """Lines of every page in poppler's reading order, from `pdftotext -bbox-layout`."""
    from xml.etree import ElementTree

    out = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"], check=True,
                         capture_output=True).stdout.decode("utf-8", "replace")
    out = re.sub(r"<!DOCTYPE[^>]*>", "", out)
    out = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", out)
    out = re.sub(r"&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)", "&amp;", out)
    root = ElementTree.fromstring(out)
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    lines: list[Line] = []
    sizes = []
    block_id = 0
    for number, page in enumerate(root.iter("{http://www.w3.org/1999/xhtml}page"), 1):
        sizes.append((float(page.get("width")), float(page.get("height"))))
        for block in page.iterfind(".//h:block", ns):
            block_id += 1
            for line in block.iterfind("h:line", ns):
                words = [Word(w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("xMax")),
                              float(w.get("yMax"))) for w in line.iterfind("h:word", ns)]
                if words:
                    lines.append(Line(number, block_id, words))
    return Pages(lines, sizes)


# ─────────────────────────────── filters (each extractor on its own output) ───────────────────────────────

BARE_NUMBER = re.compile(r"^\d{1,4}$")
ARXIV_STAMP = re.compile(r"^arXiv:\s?\d{4}\.\d{4,5}")
# (a supplement's floats may be lettered: "Figure A. Left: ...", "Table C. Comparative ...")
CAPTION_START = re.compile(r"^(Figure|Fig\.|FIGURE|FIG\.|Table|TABLE|Algorithm|Listing)\s*(?:[0-9IVX]|[A-Z]\d*[.:])", re.I)
# (LREC's list is headed "6. Bibliographical References")
REFERENCES_HEADING = re.compile(r"^(\d+\.?\s*|[IVX]+\.\s*)?(References|REFERENCES|R EFERENCES|Bibliography|BIBLIOGRAPHY|"
                                r"Bibliographical References|BIBLIOGRAPHICAL REFERENCES|"
                                r"Literature Cited|LITERATURE CITED|Works Cited)$")
APPENDIX_HEADING = re.compile(r"^(Appendix|APPENDIX|Appendices|APPENDICES|Supplementary|SUPPLEMENTARY|"
                              r"A\.?\s+[A-Z][A-Za-z ]{2,50})$")




def _line_number_columns(lines: list[Line]) -> set[tuple[int, int]]:
    """(page, rounded x0) of stacks of bare numbers: review line numbers."""
    counts: Counter = Counter()
    for line in lines:
        for w in line.words:
            if BARE_NUMBER.match(w.text):
                counts[(line.page, round(w.x1 / 4))] += 1
    return {key for key, n in counts.items() if n >= 10}


def _inside(box, region, slack: float = 2.0) -> bool:
    return box[0] >= region[0] - slack and box[1] >= region[1] - slack and box[2] <= region[2] + slack \
        and box[3] <= region[3] + slack


def body_lines(pages: Pages, regions: dict[int, list] | None = None) -> list[Line]:
    """The lines that can hold body text, in the extractor's order; `regions` are the graphics
    (images, clusters of drawings) per page, whose text (axis labels, table cells) is not body text."""
    regions = regions or {}
    # (a caption whose first line the figure's drawn region reaches over: that line goes with the
    # region's text, and the caption's rest in its block, read after it, is no body text either)
    captioned: set[tuple[int, int]] = set()
    kept = []
    for line in pages.lines:
        if any(_inside(line.bbox, r) for r in regions.get(line.page, ())):
            if CAPTION_START.match(clean(line.text)):
                captioned.add((line.page, line.block))
        elif (line.page, line.block) not in captioned:
            kept.append(line)
    lines = kept
    stacks = _line_number_columns(lines)
    kept = []
    for line in lines:
        if ARXIV_STAMP.match(clean(line.text)):
            continue
        words = [w for w in line.words if not (BARE_NUMBER.match(w.text) and (line.page, round(w.x1 / 4)) in stacks)
                 and not (len(w.text) > 2 and (w.y1 - w.y0) > 2 * (w.x1 - w.x0))]  # numbers; turned text
        if words:
            kept.append(Line(line.page, line.block, words))
    lines = kept
    # captions: a block's lines from one that starts with "Figure N", "Table N", ... on (a figure's
    # panel labels may open the block the caption is in: "(a) Input Image" ... "Figure 2. We ...")
    kept = []
    for line in lines:
        if (line.page, line.block) not in captioned and CAPTION_START.match(clean(line.text)):
            captioned.add((line.page, line.block))
        if (line.page, line.block) not in captioned:
            kept.append(line)
    lines = kept
    # the bibliography, up to an appendix
    kept, inside = [], False
    for line in lines:
        text = clean(line.text)
        if REFERENCES_HEADING.match(text):
            inside = True
        elif inside and APPENDIX_HEADING.match(text):
            inside = False
        if not inside:
            kept.append(line)
    lines = kept
    # running heads and feet: in the outer 9 % of the page, repeated (digits ignored) on 3+ pages or bare numbers
    def band(line: Line) -> bool:
        height = pages.sizes[line.page - 1][1]
        _, y0, _, y1 = line.bbox
        return y1 < 0.09 * height or y0 > 0.91 * height

    repeated = Counter(re.sub(r"\d+", "#", line.text) for line in lines if band(line))
    lines = [line for line in lines if not (band(line) and (repeated[re.sub(r"\d+", "#", line.text)] >= 3
                                                            or BARE_NUMBER.match(line.text)
                                                            or re.fullmatch(r"[\divxlc]{1,6}", line.text)))]
    # small type: well below the body's line height
    heights = sorted(line.height for line in lines if len(line.words) >= 6)
    body = heights[len(heights) // 2] if heights else 10.0
    return [line for line in lines if line.height >= 0.84 * body]


# ─────────────────────────────── text and sentences ───────────────────────────────


def vocabulary(*pages: Pages) -> tuple[set[str], set[str]]:
    """(words, hyphenated words) printed inside lines anywhere in the paper, lower-case."""
    plain, hyphenated = set(), set()
    for p in pages:
        for line in p.lines:
            for w in line.words[:-1]:  # a line's last word may be a broken one
                token = clean(w.text).strip(".,;:()[]\"'!?").lower()
                if re.fullmatch(r"[a-z]+", token):
                    plain.add(token)
                elif re.fullmatch(r"[a-z]+(-[a-z]+)+", token):
                    hyphenated.add(token)
    return plain, hyphenated


def join_hyphen(left: str, right: str, vocab: tuple[set[str], set[str]]) -> str:
    """How a word broken as `left-` / `right` at a line end is written: joined, kept or unresolved."""
    plain, hyphenated = vocab
    a = re.search(r"([A-Za-z]*)-?$", left).group(1).lower()
    b = re.match(r"([A-Za-z]*)", right).group(1).lower()
    joined, kept = f"{a}{b}" in plain, f"{a}-{b}" in hyphenated
    if joined and not kept:
        return ""
    if kept and not joined:
        return "-"
    return "-" + UNRESOLVED


def paragraph_text(lines: list[Line], vocab) -> tuple[list[str], list[list[tuple[int, int, Line]]]]:
    """Join lines into runs of text; a run ends where a block ends in a heading-like line or in
    sentence-final punctuation. Returns the texts and, per text, (start, end, line) spans."""
    texts: list[str] = []
    spans: list[list[tuple[int, int, Line]]] = []
    buf = ""
    where: list[tuple[int, int, Line]] = []

    def flush():
        nonlocal buf, where
        if buf.strip():
            texts.append(buf)
            spans.append(where)
        buf, where = "", []

    for i, line in enumerate(lines):
        text = clean(line.text)
        if not text:
            continue
        block_start = i == 0 or lines[i - 1].block != line.block or lines[i - 1].page != line.page
        if block_start and buf:
            prev_block = [ln for ln in lines[max(0, i - 40):i] if ln.block == lines[i - 1].block
                          and ln.page == lines[i - 1].page]
            heading_like = len(prev_block) == 1 and len(prev_block[0].words) < 10
            if heading_like or re.search(r"[.?!:]\W{0,2}$", buf):
                flush()
        if buf:
            m = re.search(r"([A-Za-z]+)-$", buf)
            if m and re.match(r"[A-Za-z]", text):
                glue = join_hyphen(buf, text, vocab)
                buf = buf[:-1] + glue
            elif m or buf.endswith(("–", "—")):
                pass  # "lead-" + "3", a dash at a line end: no space
            else:
                buf += " "
        start = len(buf)
        buf += text
        where.append((start, len(buf), line))
    flush()
    return texts, spans


ABBREVIATIONS = ("et al", "e.g", "i.e", "fig", "figs", "eq", "eqs", "sec", "secs", "tab", "vs", "cf", "resp",
                 "approx", "no", "dr", "mr", "ms", "st", "ref", "refs", "ch", "vol", "pp", "etc", "al", "viz", "incl")
_BOUNDARY = re.compile(r"[.?!][\"'”’)\]]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a run of text."""
    out, start = [], 0
    for m in _BOUNDARY.finditer(text):
        before = text[start:m.start() + 1]
        last = re.search(r"(\S+)\.$", before)
        if last:
            token = last.group(1).lower().lstrip("(")
            if token.rstrip(".") in ABBREVIATIONS or token.endswith("e.g") or token.endswith("i.e") or \
                    re.fullmatch(r"[a-z]", token) or re.fullmatch(r"([a-z]\.)+[a-z]", token):
                continue
        end = m.start() + len(m.group(0).rstrip())
        out.append((start, end))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


MATH = set("=+<>×·∑∏∫√∞≤≥≈≠∈∀∃∂∇αβγδεζηθλμνξπρστφχψωΓΔΘΛΞΠΣΦΨΩ^_{}|\\")

def is_prose(sentence: str) -> bool:
    words = sentence.split()
    if len(words) < 8 or len(words) > 90 or UNRESOLVED in sentence:
        return False
    if not re.match(r"^[\"“(]?[A-Z]", sentence) or not re.search(r"[.?!][\"”’)]?$", sentence):
        return False
    if CAPTION_START.match(sentence) or "http" in sentence or "@" in sentence or "www." in sentence:
        return False
    digits = sum(ch.isdigit() for ch in sentence)
    math = sum(ch in MATH for ch in sentence)
    if digits + math > max(3, 0.04 * len(sentence)):
        return False
    return all(ch.isalnum() or ch in " .,;:!?'\"()[]-–—/%&’‘“”" for ch in sentence)


@dataclass
class Sentence:
    text: str
    lines: list[Line] = field(default_factory=list)


def sentences(pages: Pages, vocab, regions: dict[int, list] | None = None) -> list[Sentence]:
    lines = body_lines(pages, regions)
    texts, spans = paragraph_text(lines, vocab)
    out = []
    for text, where in zip(texts, spans):
        for s, e in split_sentences(text):
            raw = text[s:e].strip()
            used = [line for (a, b, line) in where if a < e and b > s]
            out.append(Sentence(raw, used))
    return out


def agreed_sentences(a: Pages, b: Pages, regions: dict[int, list] | None = None) -> list[Sentence]:
    """Prose sentences both extractors produce exactly once (texts and places from `a`)."""
    vocab = vocabulary(a, b)
    mine, theirs = sentences(a, vocab, regions), sentences(b, vocab, regions)
    count_a = Counter(norm(s.text) for s in mine)
    count_b = Counter(norm(s.text) for s in theirs)
    return [s for s in mine if is_prose(s.text) and count_a[norm(s.text)] == 1 and count_b[norm(s.text)] == 1]


# ─────────────────────────────── where a sentence lies ───────────────────────────────


def graphics(pdf: Path) -> dict[int, list[tuple[float, float, float, float]]]:
    """Per page: images and clusters of vector drawings (not a page-size frame)."""
    import pymupdf

    boxes: dict[int, list] = {}
    with pymupdf.open(pdf) as doc:
        for number, page in enumerate(doc, 1):
            area = page.rect.width * page.rect.height
            found = [tuple(info["bbox"]) for info in page.get_image_info()]
            try:
                found += [tuple(r) for r in page.cluster_drawings() if r.width > 40 and r.height > 30]
            except Exception:  # older PyMuPDF
                pass
            boxes[number] = [b for b in found if (b[2] - b[0]) * (b[3] - b[1]) < 0.6 * area]
    return boxes


def _clean_breaks(sentence: Sentence, edges: dict) -> bool:
    """Whether every page or column break inside the sentence goes from the last body line of a
    column to the first of the next: a sentence that both extractors splice with a float or a caption
    left over in mid-column is not truth."""
    lines = sentence.lines
    for before, after in zip(lines, lines[1:]):
        if before.page == after.page and not (after.bbox[1] < before.bbox[1] - 30):
            continue
        top = edges.get((after.page, _column(after)), (after.bbox[1], after.bbox[3]))[0]
        bottom = edges.get((before.page, _column(before)), (before.bbox[1], before.bbox[3]))[1]
        if before.bbox[3] < bottom - 2 or after.bbox[1] > top + 2:
            return False
        if edges.get(("block", after.page, after.block), 0) < 2:
            return False  # the continuation is a lone line (a caption's or a label's rest), not a paragraph
    return True


def _skips_text(sentence: Sentence, pages: Pages, body: float) -> bool:
    """Whether the sentence jumps over body-like lines inside one column: a line of the page's text
    (any extractor line, filtered or not) lying between two of its consecutive lines, in their column
    and in body type. A filter that dropped such lines (a drawing over the text, such as a reader's
    highlight, read as a figure) splices what stood before and after them into a sentence the paper
    never printed; a float placed mid-column is skipped over legitimately but looks the same, so such
    sentences are left out of the truth either way."""
    lines = sentence.lines
    left = min(line.bbox[0] for line in lines)
    right = max(line.bbox[2] for line in lines)
    for before, after in zip(lines, lines[1:]):
        if before.page != after.page or after.bbox[1] <= before.bbox[3] or _column(before) != _column(after):
            continue
        for other in pages.by_page.get(before.page, ()):
            x0, y0, x1, y1 = other.bbox
            middle = (y0 + y1) / 2
            if before.bbox[3] < middle < after.bbox[1] and x0 >= left - 3 and x1 <= right + 3 \
                    and x1 - x0 >= 0.5 * (right - left) and 0.84 * body <= other.height <= 1.25 * body:
                return True
    return False


def _column(line: Line) -> int:
    return int(line.bbox[0] > 250)  # left or right half of a US Letter / A4 page


def _column_edges(lines: list[Line]) -> dict:
    """(page, column) -> (top y0, bottom y1) of the body lines."""
    edges: dict = {}
    for line in lines:
        edges[("block", line.page, line.block)] = edges.get(("block", line.page, line.block), 0) + 1
        key = (line.page, _column(line))
        top, bottom = edges.get(key, (line.bbox[1], line.bbox[3]))
        edges[key] = (min(top, line.bbox[1]), max(bottom, line.bbox[3]))
    return edges


def place(sentence: Sentence, sizes, figures, footnotes) -> str:
    pages = {line.page for line in sentence.lines}
    if len(pages) > 1:
        return "page-break"
    page = sentence.lines[0].page
    width = sizes[page - 1][0]
    xs = [line.bbox[0] for line in sentence.lines]
    ys = [line.bbox[1] for line in sentence.lines]
    if any(ys[i + 1] < ys[i] - 30 and abs(xs[i + 1] - xs[i]) > width / 4 for i in range(len(ys) - 1)):
        return "column-break"
    for line in sentence.lines:
        x0, y0, x1, y1 = line.bbox
        for fx0, fy0, fx1, fy1 in figures.get(page, ()):
            if fx0 < x1 and fx1 > x0 and (0 <= fy0 - y1 <= 36 or 0 <= y0 - fy1 <= 36):
                return "beside-figure"
    for line in sentence.lines:
        x0, y0, x1, y1 = line.bbox
        for fx0, fy0, fx1, fy1 in footnotes.get(page, ()):
            if fx0 < x1 and fx1 > x0 and 0 <= fy0 - y1 <= 40:
                return "above-footnote"
    return "body"


def sample_sentences(pdf: Path, name: str, a: Pages, b: Pages, want: int = 30) -> list[dict]:
    """Up to `want` agreed sentences, stratified by place, in reading order."""
    regions = graphics(pdf)
    edges = _column_edges(body_lines(a, regions))
    heights = sorted(line.height for line in a.lines if len(line.words) >= 6)
    body = heights[len(heights) // 2] if heights else 10.0
    agreed = [s for s in agreed_sentences(a, b, regions) if _clean_breaks(s, edges) and not _skips_text(s, a, body)]
    figures = {page: list(boxes) for page, boxes in regions.items()}
    for line in a.lines:
        if CAPTION_START.match(clean(line.text)):
            figures.setdefault(line.page, []).append(line.bbox)
    kept_ids = {id(line) for line in body_lines(a, regions)}
    footnotes: dict[int, list] = {}
    for line in a.lines:
        if line.height < 0.84 * body and line.bbox[1] > 0.6 * a.sizes[line.page - 1][1] and id(line) not in kept_ids:
            footnotes.setdefault(line.page, []).append(line.bbox)
    tagged = [(i, s, place(s, a.sizes, figures, footnotes)) for i, s in enumerate(agreed)]
    rng = random.Random(int(hashlib.sha256(name.encode()).hexdigest()[:8], 16))
    chosen: list = []
    quotas = {"page-break": 7, "column-break": 7, "beside-figure": 7, "above-footnote": 3}
    for where, quota in quotas.items():
        group = [t for t in tagged if t[2] == where]
        chosen += rng.sample(group, min(quota, len(group)))
    rest = [t for t in tagged if t not in chosen]
    chosen += rng.sample(rest, min(max(0, want - len(chosen)), len(rest)))
    chosen.sort(key=lambda t: t[0])
    return [{"text": s.text, "page": s.lines[0].page, "where": where} for _, s, where in chosen]


# ─────────────────────────────── the rest of the truth (proposed, then checked) ───────────────────────────────

CAPTION_NUMBER = re.compile(r"^(Figure|Fig\.|FIGURE|FIG\.|Table|TABLE)\s*([0-9]+|[IVX]+)(\s*[.:|]|\s+(?=[A-Z])|$)")


def floats(pdf: Path) -> dict[str, list[str]]:
    """Numbers of the figures and tables whose captions start a line ("Figure 3:", "Fig. 3.", "TABLE II")."""
    import pymupdf

    found: dict[str, set] = {"figures": set(), "tables": set()}
    with pymupdf.open(pdf) as doc:
        for page in doc:
            lines = page.get_text("text").splitlines()
            for i, text in enumerate(lines):
                text = clean(text)
                m = CAPTION_NUMBER.match(text)
                if m and not m.group(3).strip() and m.group(3) != "" and re.match(r"[A-Z][a-z]+ (shows|lists|"
                                                                                 r"gives|compares|presents)", text[m.end():]):
                    m = None  # "Table 2 shows ...": a sentence, not a caption (Springer captions have no colon)
                if m:
                    kind = "tables" if m.group(1).lower().startswith("tab") else "figures"
                    found[kind].add(m.group(2))
    key = lambda n: (0, int(n)) if n.isdigit() else (1, n)  # noqa: E731
    return {k: sorted(v, key=key) for k, v in found.items()}


def title_guess(pdf: Path) -> str:
    """The largest type in the upper half of page 1."""
    import pymupdf

    with pymupdf.open(pdf) as doc:
        page = doc[0]
        spans = []
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    if span["text"].strip() and span["bbox"][1] < 0.5 * page.rect.height and \
                            not re.match(r"^arXiv:", span["text"]):
                        spans.append((round(span["size"], 1), span["bbox"][1], span["text"]))
    if not spans:
        return ""
    biggest = max(s[0] for s in spans if len(s[2].strip()) > 3) if any(len(s[2].strip()) > 3 for s in spans) else 0
    return clean(" ".join(t for size, _, t in sorted(spans, key=lambda s: s[1]) if size == biggest))


def abstract_guess(pdf: Path) -> tuple[bool, str]:
    """Whether page 1 or 2 has an "Abstract" heading (or run-in "Abstract—"), and its first 8 words."""
    import pymupdf

    with pymupdf.open(pdf) as doc:
        text = "\n".join(doc[i].get_text("text") for i in range(min(2, doc.page_count)))
    text = re.sub(r"\n\d{3}(?=\n)", "", text)  # review line numbers, so "Net-" + "002" + "works" joins
    text = re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", text)  # "representa-" + "tion"
    text = clean(text.replace("\n", " \n "))
    m = re.search(r"\b(Abstract|ABSTRACT|A B S T R A C T|a b s t r a c t|Summary|SUMMARY)\b\s*[—–\-.:]?\s*", text)
    if not m:
        return False, ""
    words = [w for w in text[m.end():].split() if w != "\n" and not re.fullmatch(r"\d{3}", w)]
    return True, " ".join(words[:8])


def _printed_heading(doc, page: int, title: str) -> tuple[str, str]:
    """(number, title) of a bookmark as printed on its page: bookmarks often leave the number out,
    and a citation in a heading becomes its key there."""
    if not 1 <= page <= doc.page_count:
        return "", title
    lines = [clean(t) for t in doc[page - 1].get_text("text").splitlines() if t.strip()]
    want = norm(title).split()[:4]
    for i, line in enumerate(lines):
        m = re.match(r"^((?:[A-Z]|\d+|[IVX]+)(?:\.\d+)*)\.?\s+(.+)$", line)
        if m and norm(m.group(2)).split()[:len(want)] == want:
            number, printed = m.group(1), m.group(2)
        elif re.fullmatch(r"(?:[A-Z]|\d+|[IVX]+)(?:\.\d+)*\.?", line) and i + 1 < len(lines) and \
                norm(lines[i + 1]).split()[:len(want)] == want:
            number, printed = line.rstrip("."), lines[i + 1]
        else:
            continue
        if number.isalpha() and len(number) == 1 and not re.match(r"[A-Z]", title[:1]):
            continue
        cited = re.search(r"[a-z]+-(?:etal-)?\d{4}", title)
        return number, printed if cited else title
    return "", title


def _latex_leftovers(title: str) -> str:
    """A bookmark title without the LaTeX source some bookmarks keep, e.g. an inline
    "[scale=0.4,align=c]dir/icon.png" left by an \\includegraphics in a heading."""
    title = re.sub(r"\[[a-z]+=[^\]]*\]\s*\S+\.(?:png|pdf|jpe?g|eps)\b\s*", "", title)
    return " ".join(title.split())


def sections_guess(pdf: Path) -> tuple[str, list[dict]]:
    """("bookmarks", toc) when the PDF has bookmarks, else ("layout", numbered heading lines in bold
    or larger type)."""
    import pymupdf

    with pymupdf.open(pdf) as doc:
        toc = doc.get_toc()
        if len(toc) >= 3:
            if toc[0][0] == 1 and all(level > 1 for level, _, _ in toc[1:]):  # the paper's title as the root
                toc = [[level - 1, title, page] for level, title, page in toc[1:]]
            out = []
            for level, title, page in toc:
                title = _latex_leftovers(clean(title))
                m = re.match(r"^((?:[A-Z]|\d+|[IVX]+)(?:\.\d+)*)\.?\s+(.*)$", title)
                if m and (m.group(1)[0].isdigit() or "." in m.group(1) or re.fullmatch(r"[IVX]+", m.group(1))):
                    number, rest = m.group(1), m.group(2)
                elif m and len(m.group(1)) == 1 and _printed_heading(doc, page, m.group(2))[0] == m.group(1):
                    number, rest = m.group(1), m.group(2)  # an appendix letter the bookmark kept ("A Algorithms")
                else:
                    number, rest = _printed_heading(doc, page, title)
                if norm(rest) in ("abstract", "references", "bibliography", ""):
                    continue
                if re.fullmatch(r"(\d+|[A-Z])(\.\d+)*", number):
                    level = number.count(".") + 1  # some bookmark trees nest wrongly; the printed number does not
                out.append({"number": number, "title": rest, "level": level, "page": page})
            return "bookmarks", out
        sizes: Counter = Counter()
        for page in doc:
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        sizes[round(span["size"], 1)] += len(span["text"])
        body = sizes.most_common(1)[0][0] if sizes else 10.0
        out = []
        for number, page in enumerate(doc, 1):
            for block in page.get_text("dict")["blocks"]:
                lines = block.get("lines", [])
                spans = [s for line in lines[:3] for s in line["spans"] if s["text"].strip()]
                if not spans or len(lines) > 3:
                    continue
                text = clean(" ".join("".join(s["text"] for s in line["spans"]) for line in lines))
                bold = all(s["flags"] & 16 or "Bold" in s["font"] or "Medi" in s["font"] for s in spans)
                bigger = spans[0]["size"] > body + 0.5
                m = re.match(r"^((?:\d+|[IVX]+)(?:\.\d+)*)\.?\s+([A-Z].{1,80})$", text)
                if m and (bold or bigger) and not text.endswith(".") and len(text.split()) <= 12:
                    out.append({"number": m.group(1), "title": m.group(2), "level": m.group(1).count(".") + 1,
                                "page": number})
        return "layout", out


def bibliography_guess(pdf: Path) -> tuple[str, int]:
    """("labels", largest [N]) for numbered lists, else ("entries", count of entry starts) after the
    References heading, up to the next heading (a short line in larger type, or an appendix
    heading). An entry starts at its column's left edge when the other lines hang indented; without
    a hanging indent, after a vertical gap."""
    import pymupdf

    labels: list[int] = []
    dotted: list[int] = []
    starts = 0
    started = done = False
    entry_height = None
    regions = graphics(pdf)
    with pymupdf.open(pdf) as doc:
        for page in doc:
            if done:
                break
            rows: dict[tuple[int, int], list] = {}  # PyMuPDF cuts justified lines into pieces: rejoin them
            for block in page.get_text("dict")["blocks"]:
                for line in block.get("lines", []):
                    text = clean("".join(s["text"] for s in line["spans"]))
                    if not text:
                        continue
                    x0, y0, x1, y1 = line["bbox"]
                    if y1 < 0.07 * page.rect.height or y0 > 0.93 * page.rect.height or \
                            any(_inside(line["bbox"], r) for r in regions.get(page.number + 1, ())):
                        continue  # running heads, page numbers, figures
                    if BARE_NUMBER.match(text):
                        continue
                    key = (int(x0 >= page.rect.width * 0.45), round(y1))
                    if key in rows:
                        rows[key][0] = (min(rows[key][0][0], x0), min(rows[key][0][1], y0), max(rows[key][0][2], x1),
                                        max(rows[key][0][3], y1))
                        rows[key][1] += " " + text
                    else:
                        rows[key] = [(x0, y0, x1, y1), text]
            body = []
            for (column, _), (bbox, text) in sorted(rows.items()):
                if not started:
                    started = bool(REFERENCES_HEADING.match(text))
                    continue
                height = bbox[3] - bbox[1]
                if entry_height is None:
                    entry_height = height
                if height > 3 * entry_height:
                    continue  # turned text
                if APPENDIX_HEADING.match(text) or (height > 1.2 * entry_height and len(text.split()) < 12
                                                    and re.match(r"[A-Z0-9]", text)):
                    done = True
                    break
                body.append((column, bbox, text))
                m = re.match(r"^\[(\d+)\]", text)
                if m:
                    labels.append(int(m.group(1)))
                m = re.match(r"^(\d+)\.(\s+[A-Z]|$)", text)
                if m:
                    dotted.append(int(m.group(1)))
            for column in (0, 1):
                col = [(b, t) for c, b, t in body if c == column]
                if len(col) < 2:
                    continue
                left = min(b[0] for b, _ in col)
                hanging = sum(1 for b, _ in col if 5 <= b[0] - left <= 30) >= len(col) // 4
                prev = None
                for b, t in col:
                    if hanging:
                        starts += abs(b[0] - left) < 2.5
                    else:
                        starts += prev is None or b[1] - prev[3] > 0.35 * (b[3] - b[1])
                    prev = b
    if labels:
        return "labels", max(labels)
    if dotted and len(set(dotted)) >= 0.8 * max(dotted):  # "1. Author ..." lists
        return "labels", max(dotted)
    return "entries", starts


# ─────────────────────────────── float boxes (proposed from pixels, then checked by eye) ───────────────────────────────

FLOAT_SLACK = 4.0  # points a graphic may reach past its column's text edge and still count as inside it


@dataclass
class _TextLine:
    text: str
    box: tuple[float, float, float, float]
    size: float
    gaps: float  # the widest gap between two words of the line, in points
    opens_block: bool = False  # the first line of its PyMuPDF block (a caption starts one; a mention in a paragraph does not)


def _text_lines(page) -> list[_TextLine]:
    """PyMuPDF's lines of a page with their largest font size and widest word gap."""
    sizes: dict[tuple[int, int], float] = {}
    for b, block in enumerate(page.get_text("dict")["blocks"]):
        for n, line in enumerate(block.get("lines", [])):
            spans = [s for s in line["spans"] if s["text"].strip()]  # the size of most of the line's letters
            sizes[(block["number"], n)] = max(spans, key=lambda s: len(s["text"].strip()))["size"] if spans else 0.0
    rows: dict[tuple[int, int], list] = {}
    for x0, y0, x1, y1, text, block, line, _ in page.get_text("words", sort=False):
        rows.setdefault((block, line), []).append((x0, y0, x1, y1, text))
    out = []
    for key, words in rows.items():
        words.sort()
        gaps = max((b[0] - a[2] for a, b in zip(words, words[1:])), default=0.0)
        box = (min(w[0] for w in words), min(w[1] for w in words), max(w[2] for w in words), max(w[3] for w in words))
        out.append(_TextLine(clean(" ".join(w[4] for w in words)), box, sizes.get(key, box[3] - box[1]), gaps,
                             key[1] == 0))
    return out


def _body_size(doc) -> float:
    sizes: Counter = Counter()
    for page in doc:
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                for span in line["spans"]:
                    sizes[round(span["size"], 1)] += len(span["text"].strip())
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _is_prose_line(line: _TextLine, body: float, column_width: float) -> bool:
    """A line of running text: body type, most of its column wide, words close together (a table row
    or a figure's labels have wide gaps), not a panel label ("(a) ...")."""
    words = line.text.split()
    wordy = sum(1 for w in words if re.fullmatch(r"\W*[A-Za-z][a-z]+\W*", w))
    return abs(line.size - body) <= 0.8 and line.box[2] - line.box[0] >= 0.55 * column_width and len(words) >= 5 \
        and wordy >= 0.6 * len(words) and line.gaps <= 1.3 * body and not re.match(r"^\(?[a-z]\)\s", line.text)


def _is_heading_line(line: _TextLine, body: float, x0: float, x1: float) -> bool:
    """A title, author or heading line: type clearly larger than the body's, words close together,
    flush with the column's left edge or centred in it (a figure's large labels are neither)."""
    aligned = abs(line.box[0] - x0 - FLOAT_SLACK) < 8 or abs((line.box[0] + line.box[2]) / 2 - (x0 + x1) / 2) < 8
    return aligned and line.size >= body + 0.8 and len(line.text) >= 4 and line.gaps <= 1.3 * line.size \
        and sum(ch.isalpha() for ch in line.text) >= 3


def _columns(lines: list[_TextLine], body: float, width: float) -> list[tuple[float, float]]:
    """The text columns of a page, (x0, x1), from its prose lines: one or two."""
    prose = [ln for ln in lines if abs(ln.size - body) <= 0.8 and len(ln.text.split()) >= 6 and ln.gaps <= 1.3 * body]
    prose = [ln for ln in prose if not BARE_NUMBER.match(ln.text.split()[0])] or prose
    if not prose:
        return [(0.1 * width, 0.9 * width)]
    left = [ln for ln in prose if ln.box[2] < 0.55 * width]
    right = [ln for ln in prose if ln.box[0] > 0.45 * width]
    if len(left) >= 3 and len(right) >= 3 and len(left) + len(right) >= 0.6 * len(prose):
        def edges(group):
            x0s = sorted(ln.box[0] for ln in group)
            x1s = sorted(ln.box[2] for ln in group)
            return x0s[len(x0s) // 10], x1s[-1 - len(x1s) // 10]
        return [edges(left), edges(right)]
    x0s = sorted(ln.box[0] for ln in prose)
    x1s = sorted(ln.box[2] for ln in prose)
    return [(x0s[len(x0s) // 10], x1s[-1 - len(x1s) // 10])]


def _caption_extent(lines: list[_TextLine], first: _TextLine) -> tuple[float, float, float, float]:
    """The box of a caption: its first line and the lines that follow it closely in the same column."""
    box = list(first.box)
    for ln in lines:  # the rest of the first line, when PyMuPDF cut it off the label ("Fig. 5." | "tSNE ...")
        middle = (ln.box[1] + ln.box[3]) / 2
        if first.box[1] <= middle <= first.box[3] and 0 <= ln.box[0] - box[2] < 12:
            box = [box[0], min(box[1], ln.box[1]), ln.box[2], max(box[3], ln.box[3])]
    pitch = 1.6 * max(first.size, first.box[3] - first.box[1])
    below = sorted((ln for ln in lines if ln.box[1] > first.box[1] + 1), key=lambda ln: ln.box[1])
    for ln in below:
        if ln.box[2] < box[0] - 5 or ln.box[0] > box[2] + 5:
            continue  # another column
        if ln.box[1] - box[3] > pitch - (first.box[3] - first.box[1]) or abs(ln.size - first.size) > 0.25 * first.size:
            break
        box = [min(box[0], ln.box[0]), box[1], max(box[2], ln.box[2]), ln.box[3]]
    return tuple(box)


def _ink_box(gray, zoom: float, region: tuple[float, float, float, float]):
    """The box, in points, of the ink of a page render inside a region (`samples.ink_extent`); None
    when blank or a lone rule (no graphic)."""
    box = ink_extent(gray, zoom, region)
    if box is None or box[3] - box[1] < 4 + 1 / zoom or box[2] - box[0] < 4 + 1 / zoom:
        return None
    return tuple(round(float(v), 1) for v in box)


def _widened(gray, zoom: float, box, limits: tuple[float, float], reach: tuple[float, float]):
    """A graphic that touches its column's edge and goes on past it (a figure wider than the text):
    the box grows sideways, up to `reach`, while the next 2 pt beyond it still hold ink in its rows."""
    if box is None:
        return None
    x0, y0, x1, y1 = box
    rows = slice(int(y0 * zoom), int(y1 * zoom))
    step = 2.0

    def inked(a: float, b: float) -> bool:  # ink in 4 % of the rows: a panel or label goes on, not a stray rule
        strip = gray[rows, max(0, int(a * zoom)):int(b * zoom)] < INK_THRESHOLD
        return strip.any(axis=1).sum() >= 0.04 * (y1 - y0) * zoom

    if x1 >= limits[1] - 1:
        while x1 + step < reach[1] and inked(x1, x1 + step):
            x1 += step
    if x0 <= limits[0] + 1:
        while x0 - step > reach[0] and inked(x0 - step, x0):
            x0 -= step
    return _ink_box(gray, zoom, (x0 - 1, y0, x1 + 1, y1)) if (x0, x1) != (box[0], box[2]) else box


def _running(line: _TextLine, repeated: Counter | None, height: float) -> bool:
    """Whether a line is a running head or foot: in the top 14 % or bottom 10 % of the page and, when `repeated`
    is given, printed (digits aside) on 3 or more pages, or a bare page number; with None, whether
    it lies in that band at all."""
    if not (line.box[3] < 0.14 * height or line.box[1] > 0.9 * height):
        return False
    if repeated is None:
        return True
    outer = line.box[3] < 0.075 * height or line.box[1] > 0.925 * height  # a page number; not a figure's tick label
    if re.fullmatch(r"\d{1,4}|[ivxlc]{1,6}", line.text):
        return outer
    return repeated[re.sub(r"\d+", "#", line.text)] >= 3


def _below_head_rule(gray, zoom: float, head: float, width: float) -> float:
    """The top of the page's body: below the running head and the rule some styles draw under it (a
    thin line across most of the page within 14 pt under the head, white below it)."""
    import numpy as np

    top, bottom = int(head * zoom), int((head + 14) * zoom)
    ink = (gray[top:bottom] < INK_THRESHOLD).sum(axis=1) >= 0.5 * width * zoom
    rows = np.flatnonzero(ink)
    if not len(rows):
        return head
    end = rows[0]
    while end + 1 < len(ink) and ink[end + 1]:  # the first run of wide rows only: a figure may start below it
        end += 1
    return head + (end + 1) / zoom + 0.5 if end - rows[0] <= 2.5 * zoom else head


def float_boxes_guess(pdf: Path, figures: list[str], tables: list[str], zoom: float = 2.0) -> list[dict]:
    """Proposed boxes of the graphics of the figures and tables the truth lists, without paperkit's
    parser: the first line that starts with a caption label ("Figure 3:", "TABLE II") names the
    float; its graphic is the non-white pixels between the caption and the nearest barrier (a prose
    line in body type, another caption, the running head or foot band), above the caption for
    figures, and for tables on the side where the nearer ink lies; across the caption's column (or
    its share of a row of side-by-side captions). To be checked by eye: the rules are plain."""
    import pymupdf

    want = {("figure", float_number(n)) for n in figures} | {("table", float_number(n)) for n in tables}
    out: list[dict] = []
    proposals: list[tuple] = []
    with pymupdf.open(pdf) as doc:
        body = _body_size(doc)
        pages = [_text_lines(page) for page in doc]
        repeated = Counter(re.sub(r"\d+", "#", ln.text) for number, lines in enumerate(pages)
                           for ln in {re.sub(r"\d+", "#", ln.text): ln for ln in lines}.values()
                           if _running(ln, None, doc[number].rect.height))
        # each float's caption: its first line that starts with the label, one with a delimiter
        # ("Figure 3:", "Table 2.") before one without ("Figure 3 shows" is a sentence)
        chosen: dict[tuple, tuple] = {}
        for number, lines in enumerate(pages):
            for ln in lines:
                m = CAPTION_NUMBER.match(ln.text)
                if not m or re.match(r"[A-Z][a-z]+ (shows|lists|gives|compares|presents)", ln.text[m.end():]):
                    continue
                key = ("table" if m.group(1).lower().startswith("tab") else "figure", float_number(m.group(2)))
                rank = 2 * (not ln.opens_block) + (not m.group(3).strip())
                if key in want and (key not in chosen or rank < chosen[key][0]):
                    chosen[key] = (rank, number, ln, m.group(2))
        for number, page in enumerate(doc):
            captions = [(key[0], c[3], c[2]) for key, c in chosen.items() if c[1] == number]
            if not captions:
                continue
            lines = pages[number]
            width, height = page.rect.width, page.rect.height
            columns = _columns(lines, body, width)
            gray = page_in_gray(page, zoom)
            extents = [_caption_extent(lines, first) for _, _, first in captions]
            # every line that opens with a caption label bounds the others' graphics
            others = [_caption_extent(lines, ln) for ln in lines if CAPTION_NUMBER.match(ln.text)]
            furniture = [ln for ln in lines if _running(ln, repeated, height)]
            furniture += [ln for ln in lines if ln not in furniture and any(  # the page number beside a running head
                f.box[1] <= (ln.box[1] + ln.box[3]) / 2 <= f.box[3] for f in furniture)]
            head = _below_head_rule(gray, zoom, max([ln.box[3] for ln in furniture if ln.box[3] < 0.5 * height]
                                                    + [0.01 * height]) + 1, width)
            foot = min([ln.box[1] for ln in furniture if ln.box[1] > 0.5 * height] + [0.99 * height]) - 1
            for (kind, label, first), cap in zip(captions, extents):
                # the caption's column: the one it lies in, or the whole width when it spans both
                span = [c for c in columns if cap[0] < c[1] and cap[2] > c[0]]
                x0 = min(c[0] for c in span) if span else cap[0]
                x1 = max(c[1] for c in span) if span else cap[2]
                row = sorted(e for e in others if e[1] < cap[3] and e[3] > cap[1] and e[0] < x1 and e[2] > x0)
                if len(row) > 1 and cap in row:  # side-by-side captions share the column
                    i = row.index(cap)
                    x0 = x0 if i == 0 else (row[i - 1][2] + cap[0]) / 2
                    x1 = x1 if i == len(row) - 1 else (cap[2] + row[i + 1][0]) / 2
                x0, x1 = x0 - FLOAT_SLACK, x1 + FLOAT_SLACK
                barriers = [ln.box for ln in lines if ln.box[0] < x1 and ln.box[2] > x0
                            and (_is_prose_line(ln, body, x1 - x0) or _is_heading_line(ln, body, x0, x1))
                            and not cap[1] - 1 <= ln.box[1] <= cap[3] + 1]
                barriers += [e for e in others if e != cap and e[0] < x1 and e[2] > x0]
                top = max([b[3] for b in barriers if b[3] <= cap[1] + 1] + [head]) + 1.5
                bottom = min([b[1] for b in barriers if b[1] >= cap[3] - 1] + [foot]) - 1.5
                # a graphic may reach into the margins, never into another column's text
                reach = (max([c[1] for c in columns if c[1] < x0] + [10.0]), min([c[0] for c in columns if c[0] > x1]
                                                                                 + [width - 10.0]))
                up = _widened(gray, zoom, _ink_box(gray, zoom, (x0, top, x1, cap[1] - 1.0)), (x0, x1), reach)
                down = _widened(gray, zoom, _ink_box(gray, zoom, (x0, cap[3] + 1.0, x1, bottom)), (x0, x1), reach)
                proposals.append((kind, label, number + 1, cap, up, down))
    # a figure's graphic is above its caption; tables follow the paper's style: the side whose ink
    # starts nearer the caption in most of its tables
    votes = Counter()
    for kind, _, _, cap, up, down in proposals:
        if kind == "table" and (up or down):
            gap_up = cap[1] - up[3] if up else 1e9
            gap_down = down[1] - cap[3] if down else 1e9
            votes["up" if gap_up < gap_down else "down"] += 1
    side = "up" if votes["up"] >= votes["down"] else "down"
    for kind, label, page, cap, up, down in proposals:
        box = up if kind == "figure" else ((up or down) if side == "up" else (down or up))
        if box is not None:
            out.append({"kind": kind, "number": label, "page": page, "box": list(box)})
    order = {("figure", float_number(n)): i for i, n in enumerate(figures)} | \
            {("table", float_number(n)): 1000 + i for i, n in enumerate(tables)}
    return sorted(out, key=lambda b: order.get((b["kind"], float_number(b["number"])), 10 ** 6))


def float_number(number: str) -> str:
    """A figure or table number compared across styles: roman numerals as arabic, no trailing dot."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    number = number.strip().rstrip(".")
    if number and set(number) <= set(values):
        total = 0
        for i, ch in enumerate(number):
            v = values[ch]
            total += -v if i + 1 < len(number) and values[number[i + 1]] > v else v
        return str(total)
    return number


def render_float_boxes(pdf: Path, boxes: list[dict], folder: Path, name: str, per_sheet: int = 2) -> list[Path]:
    """PNGs for checking float boxes by eye: sheets of pages side by side, each box drawn in red 1.5 pt
    outside its edges (ink outside the frame is cut off, white inside it is slack), and each box's
    crop with a 12 pt margin."""
    import pymupdf

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with pymupdf.open(pdf) as doc:
        for b in boxes:
            page = doc[b["page"] - 1]
            rect = pymupdf.Rect(b["box"])
            clip = pymupdf.Rect(rect.x0 - 12, rect.y0 - 12, rect.x1 + 12, rect.y1 + 12) & page.rect
            path = folder / f"{name}-{b['kind']}{b['number']}.png"
            page.get_pixmap(matrix=pymupdf.Matrix(2.5, 2.5), clip=clip, annots=False).save(path)
            written.append(path)
        numbers = sorted({b["page"] for b in boxes})
        for start in range(0, len(numbers), per_sheet):
            group = numbers[start:start + per_sheet]
            # (each page at its own size, side by side: a cover page larger than the paper's pages
            # must not shift the others' boxes)
            rects = [doc[number - 1].rect for number in group]
            sheet = pymupdf.open()
            out = sheet.new_page(width=sum(r.width for r in rects), height=max(r.height for r in rects))
            left = 0.0
            for number, rect in zip(group, rects):
                out.show_pdf_page(pymupdf.Rect(left, 0, left + rect.width, rect.height), doc, number - 1)
                shape = out.new_shape()
                for b in boxes:
                    if b["page"] == number:
                        x0, y0, x1, y1 = b["box"]
                        shape.draw_rect(pymupdf.Rect(left + x0 - 1.5, y0 - 1.5, left + x1 + 1.5, y1 + 1.5))
                        shape.insert_text((left + x0, y0 - 3), f"{b['kind']} {b['number']}", fontsize=7,
                                          color=(1, 0, 0))
                shape.finish(color=(1, 0, 0), width=0.5)
                shape.commit()
                out.insert_text((left + 10, 20), f"page {number}", fontsize=12, color=(0, 0, 1))
                left += rect.width
            path = folder / f"{name}-sheet{start // per_sheet + 1}.png"
            out.get_pixmap(matrix=pymupdf.Matrix(1.4, 1.4)).save(path)
            written.append(path)
    return written


def page_count(pdf: Path) -> int:
    import pymupdf

    with pymupdf.open(pdf) as doc:
        return doc.page_count


def make_truth(pdf: Path, name: str, old: dict | None = None) -> dict:
    """The truth of one paper: sentences measured, the rest proposed; fields named in old["checked"] kept."""
    a, b = pymupdf_pages(pdf), pdftotext_pages(pdf)
    has_abstract, first = abstract_guess(pdf)
    source, sections = sections_guess(pdf)
    bib_source, bib = bibliography_guess(pdf)
    found = floats(pdf)
    truth = {
        "name": name,
        "pages": page_count(pdf),
        "title": title_guess(pdf),
        "abstract": has_abstract,
        "abstract_start": first,
        "sections_source": source,
        "sections": sections,
        "figures": found["figures"],
        "tables": found["tables"],
        "bibliography_source": bib_source,
        "bibliography": bib,
        "sentences": [],
        "sentence_places": [],
        "checked": [],
    }
    sampled = sample_sentences(pdf, name, a, b)
    truth["sentences"] = [s["text"] for s in sampled]
    truth["sentence_places"] = [{"page": s["page"], "where": s["where"]} for s in sampled]
    for key in (old or {}).get("checked", []):
        truth[key] = old[key]
        if f"{key}_source" in old:  # how the person checked it ("34 alpha labels, [ABN92] to [Tsu90]")
            truth[f"{key}_source"] = old[f"{key}_source"]
    if "sentences" in (old or {}).get("checked", []):
        # Checked sentences (some deleted by hand) keep their own places: a fresh sample's places
        # would no longer line up with them.
        truth["sentence_places"] = list(old.get("sentence_places", []))
    for key in ("sections", "figures", "tables", "bibliography"):
        if old is not None and key in old and old[key] is None:  # a titles+abstracts truth: not scored, stays so
            truth[key] = None
    truth["checked"] = list((old or {}).get("checked", []))
    for key in ("float_boxes", "float_boxes_checked"):  # made by --float-boxes and checked by eye: kept
        if key in (old or {}):
            truth[key] = old[key]
    return truth


def load_manifest(path: Path = MANIFEST) -> dict[str, dict]:
    """name -> entry of manifest.toml ([papers.NAME] tables)."""
    import tomllib

    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    return dict(data.get("papers", {}))


def propose_float_boxes(corpus: Path, split: str, names: list[str], render: Path | None = None) -> int:
    """Write proposed `float_boxes` into the truth of the selected papers; boxes marked checked
    (`"float_boxes_checked": true`) are only rendered, never replaced."""
    for name, entry in load_manifest().items():
        if (names and name not in names) or (split != "all" and entry["split"] != split) or entry.get("kind") != "paper":
            continue
        path = TRUTH / f"{name}.json"
        if not path.exists():
            continue
        truth = json.loads(path.read_text(encoding="utf-8"))
        pdf = corpus / entry["split"] / f"{name}.pdf"
        if not truth.get("float_boxes_checked"):
            truth["float_boxes"] = float_boxes_guess(pdf, truth.get("figures") or [], truth.get("tables") or [])
            path.write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        boxes = truth["float_boxes"]
        if render:
            render_float_boxes(pdf, boxes, render, name)
        listed = len(truth.get("figures") or []) + len(truth.get("tables") or [])
        print(f"{name}: {len(boxes)} of {listed} floats boxed"
              f"{' (checked: kept)' if truth.get('float_boxes_checked') else ''}", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.real_truth")
    parser.add_argument("--corpus", required=True, type=Path, help="folder with tune/ and heldout/ PDFs")
    parser.add_argument("--split", default="all", choices=("tune", "heldout", "all"))
    parser.add_argument("--float-boxes", action="store_true",
                        help="only propose float_boxes (from the pages' pixels) for papers whose boxes are not checked")
    parser.add_argument("--render", type=Path, metavar="DIR",
                        help="with --float-boxes: write PNGs of the pages and crops to check the boxes by eye")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args(argv)
    if args.float_boxes:
        return propose_float_boxes(args.corpus, args.split, args.names, args.render)
    if not pdftotext_available():
        print("pdftotext (poppler-utils) is needed to make truth: install it, e.g. apt-get install poppler-utils")
        return 1
    TRUTH.mkdir(parents=True, exist_ok=True)
    for name, entry in load_manifest().items():
        if (args.names and name not in args.names) or (args.split != "all" and entry["split"] != args.split) \
                or entry.get("kind") != "paper":
            continue
        pdf = args.corpus / entry["split"] / f"{name}.pdf"
        out = TRUTH / f"{name}.json"
        old = json.loads(out.read_text(encoding="utf-8")) if out.exists() else None
        truth = make_truth(pdf, name, old)
        out.write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        places = Counter(p["where"] for p in truth["sentence_places"])
        print(f"{name}: {len(truth['sentences'])} sentences {dict(places)}, {len(truth['sections'] or ())} sections "
              f"({truth['sections_source']}), {len(truth['figures'] or ())} figures, {len(truth['tables'] or ())} tables, "
              f"bibliography {truth['bibliography']} ({truth['bibliography_source']})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
