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

import bisect
import contextlib
import functools
import gc
import heapq
import itertools
import operator
import os
import re
import statistics
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from paperkit.reading import lexicon
from paperkit.reading.ink import PATHS, page_marks, page_marks_and_text
from paperkit.reading.paper import Figure, Footnote, Paper, Paragraph, Section
from paperkit.reading.pdf import text_flags as _text_flags
from paperkit.reading.patterns import cached, compile_later

# ───────────────────────────── patterns ─────────────────────────────

# (compiled now, not on first use, through the store: a match tells which pattern it came from by
# `match.re is CAPTION`)
# A sentence of the text that opens with a reference to a figure is no caption: "Figs. 11 and 12 show"
# (a letter numbers a float only as a capital), "Figure 2-(a) and (b) show", "Figure 1.c shows" (the
# separator is not followed by a panel's letter or bracket). A report numbers its floats within
# each section with a hyphen ("Figure 5-2: Nhfsstone Benchmark"): the number is "5-2", not "5"
# with "2: Nhfsstone ..." for its caption (two floats of one section were one); and "Figure 5-2
# show results ..." is a sentence of the text, no caption with the separator "-". A caption may name
# its float's parts after the number, before a colon ("Table 1 (a) and (b): Performance of ...",
# ACL 2025: two subtables under one caption); without the colon, "Table 1 (a) shows" is the text's.
# So may a panel's letter glued to the number, its place in brackets, before a colon ("Figure 3a
# (left): Monthly total edits ... 3b (right) ...", a Google Docs paper's one caption under two plots):
# the float is "3"; "Figure 3a shows" stays the text's.
CAPTION = cached(
    r"^(?P<label>fig(?:ure)?\.?|table)\s*(?P<num>(?:[A-Z]\.?)?\d+(?:\.\d+)*(?:-\d+(?=[:.]))?|[IVXL]+|(?-i:[A-Z]))"
    r"(?:(?-i:[a-z])(?:\s*\((?-i:[a-z]+)\))?(?=\s*:)|\s*\((?-i:[a-z])\)(?:\s*(?:,|and|&)\s*\((?-i:[a-z])\))*(?=\s*:))?\s*(?P<sep>:|[.|—–](?-i:(?![a-z(]))|-(?-i:(?![a-z(\d])))\s*",
    re.IGNORECASE,
)
# IEEEtran sets "TABLE II" on a line of its own, the caption below it in small capitals.
# (compiled now: `match.re is CAPTION_LABEL_LINE`)
CAPTION_LABEL_LINE = cached(r"^(?P<label>TABLE|Table)\s+(?P<num>[IVXL]+|[A-Z]?\d+)$")  # (APA's appendices: "Table A1")
HEADING_NUMBER = compile_later(
    r"^(?:(?P<app>appendix)\s+)?(?P<num>(?:\d{1,2}|[A-Z])(?:\.\d{1,2}){0,3})(?:\.|:)?\s+(?P<title>\S.*)$",
    re.IGNORECASE,
)
LETTER_DIGIT_HEADING = compile_later(r"^(?P<app>)(?P<num>[A-Z]\d{1,2}(?:\.\d{1,2}){0,2})\.\s+(?P<title>[A-Z]\S*(?:\s+\S+)*)$")
# IEEEtran and revtex number sections with roman numerals and subsections with letters: "IV. EXPERIMENTS".
# (IEEE's Computer Society sets subsubsections without the period: "6.1.1 Pixel-Level Feature Maps")
# (a title may open on a math variable before a hyphen: "C. k-step prediction: graph diffusion", or
# on a dimension's number: "A. 3-D Log-Mels generation", "B. 2D Pose")
ITALIC_HEADING = compile_later(r"^(?:(?:[A-Z]|\d{1,2}(?:\.\d{1,2})*)\.|\d{1,2}(?:\.\d{1,2}){2,3})\s+(?:[a-z]{0,3}[A-Z]|[a-z]-[a-z]|\d-?D\b)")
# Word's IEEE-like heading styles number their deeper levels "a)", "1)" and "i.", the whole line in italics.
ENUMERATION_LABEL = compile_later(r"(?:\d{1,2}|[a-z])\)|[ivx]{1,4}\.|[A-Z]\.")
ENUMERATED_ITALIC_HEADING = compile_later(r"^(?:(?:[a-z]|\d{1,2})\)|[ivx]{1,4}\.)\s+(?:\d|[a-z]{0,3}[A-Z])")
ROMAN_HEADING = compile_later(r"^(?P<num>[IVX]{1,5})\.\s+(?P<title>\S.*)$")
DASHED_ROMAN_HEADING = compile_later(r"^(?P<num>[IVX]{1,5})\s*[–—]\s*(?P<title>[A-Z][a-z]\S*(?:\s+\S+){0,9})$")
# A footnote mark printed after a heading's last word ("Method∗"), not part of its title. (A raised
# number, "Method¹", is taken off the line as a call, `_footnote_marks`; a digit on the word's
# baseline in its type is the word's own: "Generalizability to Lean4", "Inception-v4", "YOLOv3".)
TRAILING_MARK = compile_later(r"(?<=[a-z\)])[∗*†‡§¶]$")
# "Appendix B", "Appendix A.1. Title" (elsarticle numbers appendix subsections after the letter);
# a dotted number may end at a space ("Appendix B.1 Variable Importance": not "B", "1 Variable ...").
APPENDIX_ONLY = compile_later(r"^appendix\s*(?P<num>[A-Z](?:\.\d{1,2}){0,3}|(?-i:[IVX]{2,4})(?=[.:]|$))?(?:(?:[.:]|(?<=\d)\s)\s*(?P<title>.*))?$",
                              re.IGNORECASE)
UNNUMBERED_HEADINGS = compile_later(
    r"^(abstract|introduction|related work|background|method(s|ology)?|approach|experiments?|results|"
    r"discussion|limitations|conclusions?|concluding remarks|acknowledge?ments?|references|bibliography|"
    r"appendix|appendices|annexe?s?|supplementary material|broader impacts?|ethics statement|reproducibility statement|"
    r"nomenclature)\b",  # (AIAA's and engineering journals' list of symbols, set as a section on page 1)
    re.IGNORECASE,
)
# Labels of the front matter (acmart, IEEEtran, elsarticle), run in or on a line of their own: never
# section headings; they end an abstract.
FRONT_LABEL = compile_later(r"^(?:author |acm classification )?(key\s?words|index terms|ccs concepts|general terms|categories and subject descriptors|"
                            r"acm reference format|additional key words)\b", re.IGNORECASE)
# (LREC's template heads its list "Bibliographical References", numbered as a section: "6.
# Bibliographical References")
REFERENCE_HEADINGS = compile_later(r"^((bibliographic(al)? |select(ed)? )?references?( and notes| cited)?|(selected )?bibliography|"
                                r"literature( cited)?|works cited|reference list|cited literature)$", re.IGNORECASE)
# A heading over other matter and then the references ("Acknowledgements and References").
REFERENCES_LAST = compile_later(r"^(acknowledge?ments?|notes)\s+(and|&)\s+(references|bibliography)$", re.IGNORECASE)
# (alpha labels: accented initials, "[Číž08]", and none for a year when the entry has none, "[WYS+]";
# a key of the first author's whole name and the full year, "[Bayes1763]", "[ForemanMackey2013]")
REFERENCE_START = compile_later(r"^\s*(\[\d{1,3}\]|\d{1,3}\.\s|\[[A-ZÀ-ÖØ-ÞĀ-ſ](?:[^\W\d_]|[+\-]){0,8}\s?\d{2}[a-z]?\]|"
                             r"\[[A-ZÀ-ÖØ-ÞĀ-ſ][^\W\d_]{1,19}(?:1[6-9]|20)\d\d[a-z]?\]|"
                             r"\[(?!PDF|URL|DOI|HTML)[A-Z]{2,6}\+?\])")
PAGE_NUMBER = compile_later(r"^(page\s+)?(\d{1,4}|[ivxlc]{1,6})(\s+of\s+\d+)?$", re.IGNORECASE)
AFFILIATION = compile_later(
    r"@|universit|institut|college|school|department|dept\.|laborator|\blab\b|research|inc\.|corp|google|"
    r"microsoft|meta\b(?![-‐])|openai|deepmind|academy|centre|center|\.edu|\.com|\.org",
    re.IGNORECASE,
)
# Lines under the names that are neither names nor caught by AFFILIATION: a postal address ("405
# North Mathews Ave.", "650 Harry Road, San Jose, CA 95120"), a country ("New Delhi, India"), a
# campus ("UC Berkeley", "ETH Zürich"), a review's "Paper ID", JMLR's "Editor: ...".
ADDRESS = compile_later(
    r"\b(?:road|avenue|ave|street|boulevard|blvd)\b|\b\d{5}\b|\b(?-i:UC|ETH)\b|^editors?:|^paper id\b|"
    r"\b(?:india|china|japan|korea|germany|france|italy|spain|canada|australia|israel|switzerland|netherlands|"
    r"ireland|singapore|slovenia|usa|united kingdom|united states)\b",
    re.IGNORECASE,
)
# Small-capitals fonts: Computer Modern's cmcsc, Latin Modern "Caps", "...-SC" cuts of Times and others.
SMALL_CAPS_FONT = compile_later(r"(?i:csc\d|smallcap|caps)|(?<=[a-z0-9_-])SC(?![a-z])")
# A section number standing alone on its line piece: "3", "2.1", "A.2".
BARE_NUMBER = compile_later(r"^(?:\d{1,2}|[A-Z])(?:\.\d{1,2}){0,3}\.?$")
# A line opening with a section number: "2.1 Early-stopping", "4 Experiments" (a lone capital letter
# is left out: "A Twist" may be a heading's second line).
NUMBERED_LINE = compile_later(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}|[A-Z](?:\.\d{1,2}){1,3})\.?\s+[A-Z]")
WRAPPED_HEADING = compile_later(r"^(?:\d{1,2}|[A-Z])(?:\.\d{1,2}){0,3}\.?\s+[A-Z]")
# A row that opens on a subsection's dotted number and a capital ("4.2.1 Latency evaluation").
DOTTED_NUMBER_LINE = compile_later(r"\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[A-Z]")
# A run-in heading's number has a dot in it ("2.1.", "A.3"): a lone "1." opens a list item instead.
RUN_IN_NUMBER = compile_later(r"^(?:[A-Z]|\d{1,2})(?:\.\d{1,2}){1,3}\.?$")
# Bold lead-ins of theorem-like paragraphs ("2.3. Lemma." with amsthm's \swapnumbers) are not headings.
THEOREM_WORDS = compile_later(
    r"^(theorem|lemma|proposition|corollary|definition|remark|example|assumption|conjecture|claim|proof|"
    r"note|observation|fact|algorithm|exercise|problem)(\s+[\dA-Z.]+)?(\s*\(.*\))?$", re.IGNORECASE)
# STIX names its math faces apart (STIXMath, STIXSizeOneSym, STIXNonUnicode, STIXIntegrals...): its
# General and TwoText faces are text fonts, Elsevier's cas-sc sets whole papers in STIXGeneral, and
# AAAI's its prose: their math symbols still count one by one, as any text font's do.
MATH_FONT = compile_later(r"cmmi|cmsy|cmex|msbm|msam|math|symbol|stix(?!general|twotext)|cmbsy|rsfs|eufm|esint", re.IGNORECASE)
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


_ASCII_MATH = compile_later(r"[=<>^_{}|]")


# (what `_is_math_char` takes of ASCII: "+" and "~" too, the symbols of category Sm)
_ASCII_MATH_CHARS = compile_later(r"[=<>^_{}|+~]")
_NON_ASCII = compile_later(r"[^\x00-\x7f]")
_MATH_CHARS: dict[str, bool] = {}  # a non-ASCII character -> `_is_math_char`


def _math_count(text: str) -> int:
    """How many characters of `text` are math symbols (plain ASCII text is counted in C)."""
    if text.isascii():
        return len(_ASCII_MATH.findall(text))  # (a fifth of the time of counting each symbol in turn)
    # Text with a quote, a dash or an accent: its ASCII characters counted in C as `_is_math_char`
    # takes them, the others each looked up once per process (a call each was most of a line's cost)
    count = len(_ASCII_MATH_CHARS.findall(text))
    known = _MATH_CHARS
    for ch in _NON_ASCII.findall(text):
        math = known.get(ch)
        if math is None:
            if len(known) >= 65536:  # (a bound for a long-lived process)
                known.clear()
            math = known[ch] = _is_math_char(ch)
        count += math
    return count


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
    scripts: int = 0  # runs set as sub- or superscripts (smaller, off the baseline): flat in `text`
    face: str = ""  # the typeface's family when every worded span of a bold line is set in one ("Helvetica")
    color: int = 0  # the sRGB colour of its first span with letters (of its first span when none has)
    underlined: bool = False  # its words underlined by a hairline of their own (a word processor's heading)

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def __reduce__(self):
        # Pickled as its field values, remade by `__init__`: a forked page reader sends its pages'
        # lines back pickled (`paperkit.reading.forked`), and so they take a seventh fewer bytes and
        # load in about half the time of an instance's dict, its field names and the dict's merge.
        return Line, _line_values(self)


_line_values = operator.attrgetter(*Line.__dataclass_fields__)  # (in field order, as `__init__` takes them)


@dataclass
class Block:
    """A paragraph-like run of lines in reading order."""

    lines: list[Line]
    kind: str = "text"  # text, heading, caption, graphic-text, furniture
    run_in: bool = False  # the lead phrase of a paragraph split off as its heading ("2.1. Notation.")
    words: Counter | None = field(default=None, repr=False, compare=False)  # the paper's, for line-end hyphens

    @property
    def text(self) -> str:
        # Asked for again and again while the parse weighs a block: kept until a line or its text
        # changes (the paper's words are made once, never changed).
        texts = [ln.text for ln in self.lines]
        kept = self.__dict__.get("_text")
        if kept is not None and kept[0] == texts and kept[1] is self.words:
            return kept[2]
        text = _join_lines(texts, self.words)
        self.__dict__["_text"] = (texts, self.words, text)
        return text

    @property
    def page(self) -> int:
        return self.lines[0].page

    # (asked again and again while the parse weighs a block: the lines' values mapped in C, no generator)
    @property
    def size(self) -> float:
        return max(map(_SIZE, self.lines))

    @property
    def bold(self) -> bool:
        return all(map(_BOLD, self.lines))

    @property
    def italic(self) -> bool:
        return all(map(_ITALIC, self.lines))

    @property
    def smallcaps(self) -> bool:
        return all(map(_SMALLCAPS, self.lines))


_SIZE, _BOLD, _ITALIC, _SMALLCAPS = (operator.attrgetter(name) for name in ("size", "bold", "italic", "smallcaps"))


_LINE_END_HYPHENS = ("-", "\xad", "\u2010")  # (the ends of a line that `_join_lines` may join to the next)


def _join_lines(texts: list[str], words: Counter | None = None) -> str:
    """Lines of one paragraph as one string; a line-end hyphen is undone unless the hyphen is part
    of the word (see `_keeps_hyphen`), which needs the document's `words` as evidence."""
    # (most paragraphs break no line on a hyphen: their lines' words, one space apart)
    if not any(text.rstrip().endswith(_LINE_END_HYPHENS) for text in texts[:-1]):
        return " ".join(" ".join(texts).split())
    out = ""
    for text in texts:
        text = text.strip()
        if not text:
            continue
        if out.endswith(("\xad", "\u2010")):  # a soft hyphen's code for the break's hyphen (UAI 1999: "ma\xad" /
            out = out[:-1] + "-"  # "chine"), or Unicode's HYPHEN (Springer's InDesign: "combi\u2010" / "nation")
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and text[:1].islower():
            if words is not None and _suspended_hyphen(out, text):
                out += " " + text
            elif words is not None and _keeps_hyphen(out, text, words):
                out += text
            else:
                out = out[:-1] + text  # undo end-of-line hyphenation
        elif words is not None and out.endswith("-") and len(out) > 1 and out[-2].isalpha() and text[:1].isupper():
            # A name broken before a capital: "SupCon-" + "Lite" is the paper's "SupConLite" when it
            # prints that elsewhere, and more often than with the hyphen ("R-" + "CNN": "R-CNN" 30
            # times, "RCNN" twice); otherwise a compound such as "Fisher-Rao" keeps its hyphen.
            head = cached(r"[^\W\d_]+-$").search(out)
            tail = cached(r"[^\W\d_]+").match(text)
            joined = (head.group(0)[:-1] + tail.group(0)).lower() if head and tail else ""
            hyphened = (head.group(0) + tail.group(0)).lower() if head and tail else ""
            if head and tail and len(head.group(0)) > 4 and len(tail.group(0)) > 1 and tail.group(0).isupper() and \
                    not any(ch.islower() for ch in out):
                # A heading in capitals broken as its words are ("DISCUS-" / "SION"): the hyphen is
                # the break's, as in lower case, unless the paper's words show a compound.
                out = (out if _keeps_hyphen(out, text, words) else out[:-1]) + text
                continue
            out = (out[:-1] if joined and words.get(joined, 0) > words.get(hyphened, 0) else out) + text
        elif out:
            out += " " + text
        else:
            out = text
    return " ".join(out.split())


_WORD = compile_later(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# (`_WORD` on lower-case ASCII text: its letters are a-z; the class of Unicode letters takes twice as long)
_ASCII_WORD = compile_later(r"[a-z]+(?:-[a-z]+)*")


def _document_words(lines) -> Counter:
    """How often each word (lower case, hyphenated compounds whole) occurs away from a line's ends:
    the evidence for line-end hyphens. (The first word of a line under one that ends in a hyphen is
    the rest of a word, "creasing" after "in-": no evidence.)"""
    lines = list(lines)
    broken: dict[int, list[Line]] = {}  # per page, the lines that end in a hyphen
    for ln in lines:
        if ln.text.endswith("-"):
            broken.setdefault(ln.page, []).append(ln)
    # Per page, the broken lines by their tops and how far above a line one can be: a line looks at
    # only those just above it (a bisection), not at every broken line of its page.
    above: dict[int, tuple[list[float], list[Line], float]] = {}
    for page, found in broken.items():
        found.sort(key=lambda b: b.y0)
        reach = 2 * max(0.0, max(b.height for b in found)) + 1.0
        above[page] = ([b.y0 for b in found], found, reach)
    ascii_findall, findall = _ASCII_WORD.findall, _WORD.findall
    out: list[str] = []  # every word in order, counted at the end (as many updates of one Counter)
    extend = out.extend
    for ln in lines:
        text = ln.text
        lower = text.lower()
        found = ascii_findall(lower) if lower.isascii() else findall(lower)
        if not found:
            continue
        if text[-1] == "-":
            found.pop()
            if not found:
                continue
        if text[:1].islower() and ln.page in above:
            tops, found_above, reach = above[ln.page]
            y0, x0 = ln.y0, ln.x0
            lo, hi = bisect.bisect_left(tops, y0 - reach), bisect.bisect_left(tops, y0)
            if lo < hi and any(abs(b.x0 - x0) < 20 and 0 < y0 - b.y0 < 2 * b.height for b in found_above[lo:hi]):
                del found[0]  # the rest of a word hyphenated on the line above ("in-" / "creasing")
        extend(found)
        if "-" in text:
            for w in found:
                if "-" in w:
                    extend(w.split("-"))
    return Counter(out)


def _keeps_hyphen(before: str, after: str, words: Counter) -> bool:
    """Whether "user-" + "specified" is the compound "user-specified" rather than a hyphenated word:
    the compound is printed elsewhere and the joined word is not, or the fragment before already
    holds a hyphen ("state-of-the-" + "art"), or both halves are words of the paper and their join
    is not."""
    last = before.rsplit(None, 1)[-1] if before.strip() else ""  # the match holds no space: search the last word only
    head_match = cached(r"([^\W\d_]+(?:-[^\W\d_]+)*)-$").search(last)
    tail_match = cached(r"[^\W\d_]+").match(after)
    if not head_match or not tail_match:
        return False
    compound = head_match.group(1).lower()
    head, tail = compound.split("-")[-1], tail_match.group(0).lower()
    joined = head + tail
    if words.get(f"{head}-{tail}", 0) > words.get(joined, 0):
        return True
    if words.get(joined, 0):
        return False
    kin = _kin_printed(head, tail, words)
    if kin is not None:
        return kin
    if "-" in compound or "-" in after.split()[0].strip(".,;:)"):  # "state-of-the-" + "art", "state-" + "of-the-art"
        return True
    if not lexicon.available():
        return len(head) >= 3 and len(tail) >= 3 and words.get(head, 0) > 0 and words.get(tail, 0) > 0
    printed = head_match.group(1).split("-")[-1]
    return _listed_compound(head, tail, words, name_like=printed[:1].isupper() and not printed.isupper())


def _kin_printed(head: str, tail: str, words: Counter) -> bool | None:
    """Whether the paper writes the word's kin with the hyphen (True) or closed (False), None when it
    prints neither: "post-" + "processing" is "postprocessing" in a paper that prints "postprocess"
    and never "post-process"; "pre-" + "trained" keeps its hyphen beside "pre-training". Kin share
    the head and four or more letters of the tail ("postprocess" is "postprocessing" cut, or the
    other way round)."""
    joined = head + tail
    stem = len(head) + min(4, len(tail))
    if len(head) < 2 or len(tail) < 4:
        return None
    # (the paper's words in order, kept with them while they stay as many: each look-up a bisection)
    ordered = getattr(words, "_ordered", None)
    if ordered is None or len(ordered) != len(words):
        ordered = sorted(words)
        words._ordered = ordered
    closed = hyphened = 0
    at = bisect.bisect_left(ordered, head)
    while at < len(ordered) and ordered[at].startswith(head):
        word = ordered[at]
        at += 1
        if word[len(head):len(head) + 1] == "-":
            bare = head + word[len(head) + 1:]
            if len(bare) >= stem and (joined.startswith(bare) or bare.startswith(joined)):
                hyphened += words[word]
        elif len(word) >= stem and (joined.startswith(word) or word.startswith(joined)):
            closed += words[word]
    if closed == hyphened:
        return None
    return hyphened > closed


# Heads that take a hyphen before a word even where English also writes the word closed
# ("non-trivial" beside "nontrivial"): kept when the closed word is rarer than RARE_CLOSED in the
# list; an ordinary word such as "nonlinear", "selfish" or "multitude" is above it, or its tail is
# no word ("multi" + "ple").
HYPHEN_PREFIXES = ("non", "self", "multi")
RARE_CLOSED = 1_000_000  # Google Books count: "nontrivial" 290,630, "multilayer" 565,457, "nonlinear" 3,725,269
# Prefixes the list lacks or that stand before a word only with a hyphen ("pre-trained", "tri-factorization").
WORD_PREFIXES = ("pre", "post", "co", "re", "non", "self", "multi", "semi", "sub", "inter", "intra", "uni", "bi",
                 "tri", "meta", "hyper", "anti", "quasi", "pseudo", "cross")
# Second halves that make a compound of any first half, a name or an acronym ("RNN-based", "SQL-like").
COMPOUND_TAILS = ("based", "like", "specific", "wise", "free", "aware", "level", "driven", "style", "oriented",
                  "friendly", "agnostic", "efficient", "dependent", "independent", "invariant", "sized", "scale",
                  "grained", "only", "less")
# Word endings, never a compound's second half ("neighbor-hood", "equal-ing"): some the list holds as
# words, others a paper prints where a line starting with the rest of a broken word went unnoticed.
SUFFIX_TAILS = ("hood", "ness", "able", "ably", "ally", "ing", "ings", "ment", "ments", "ity", "ities", "tion", "tions")


def _listed_compound(head: str, tail: str, words: Counter, name_like: bool = False) -> bool:
    """Whether "head-" + "tail" keeps its hyphen when the paper prints neither the compound nor
    the closed word: decided by the English word list (`paperkit.reading.lexicon`).

    Measured on line-end hyphens of 110 real papers (benchmarks/bench_hyphens.py): a closed word
    the list knows is a hyphenated word ("algo-rithm", "over-come", "develop-ment"), except after
    a hyphen-taking prefix when the closed form is rare ("non-trivial"). A closed word it does not
    know is a compound when both halves are words of the list or of the paper ("data-driven",
    "short-circuit", "user-specified"), or the head a prefix ("pre-trained"), or a single letter
    ("n-gram", "p-values"), or the tail a compound maker ("RNN-based"); otherwise a broken word
    the list lacks ("convo-lutional") or a name ("Ghahra-mani"). A capitalised head is mostly a
    name broken at a syllable ("Had-" + "sell", "Kings-" + "bury", "Cloud-" + "era"), a title's
    compound having a longer second half ("Domain-" + "adaptive"): after a head such as "Had" (a
    capital, not an acronym nor a prefix such as "Multi") the tail must have six letters
    ("Morgen-" + "stern" is a name)."""
    # (Each look-up the list misses reads all of it, a few tenths of a millisecond: the cheap tests go first.)
    closed = lexicon.frequency(head + tail)
    if closed and (head not in HYPHEN_PREFIXES or closed >= RARE_CLOSED):
        return False
    tail_word = tail in COMPOUND_TAILS or (
        len(tail) >= (6 if name_like and head not in WORD_PREFIXES else 2) and tail not in SUFFIX_TAILS
        and ((len(tail) >= 3 and words.get(tail, 0) > 0) or lexicon.frequency(tail) > 0))
    if closed or not tail_word:
        return tail_word
    return (len(head) == 1 or head in WORD_PREFIXES or tail in COMPOUND_TAILS
            or (len(head) >= 3 and words.get(head, 0) > 0) or lexicon.frequency(head) > 0)


def _suspended_hyphen(before: str, after: str) -> bool:
    """A hyphen left hanging before "and"/"or" ("inter- and intra-hemispheric", "low- or high-level"):
    the line break falls after it, and the space stays. (TeX never breaks a word before a last
    syllable of two letters, and "-and" ending a broken word is rarer than this.)"""
    return bool(cached(r"(?:and|or)\s+[^\W\d_]").match(after)) and bool(cached(r"[^\W\d_]{2,}-$").search(before[-40:]))


@functools.lru_cache(maxsize=512)
def _font_traits(font: str) -> tuple[bool, bool, bool, bool, bool]:
    """(bold, italic, small caps, math, monospace) as the font's name says: a paper uses a few dozen
    fonts over thousands of spans, so each name is read once."""
    # (Elsevier's typesetting names its weights by a suffix: AdvTimes-b, AdvTimes-i, AdvTimes-bi;
    # Springer's older one by a capital glued to the family's name: AdvPTimes, AdvPTimesB)
    return (bool(cached(r"bold|black|heavy|semibold|medi|-b$|-bi$|cmbx|cmmib|cmssbx|cmbsy|(?-i:[a-z]B$)",
                        re.IGNORECASE).search(font)),
            bool(cached(r"ital|obliq|-it\b|cmti|cmsl|-i$|-bi$", re.IGNORECASE).search(font)),
            bool(SMALL_CAPS_FONT.search(font)), bool(MATH_FONT.search(font)), bool(MONOSPACE_FONT.search(font)))


@functools.lru_cache(maxsize=512)
@functools.lru_cache(maxsize=512)
def _font_family(font: str) -> str:
    """The family part of a font's name: "ABCDEF+Helvetica-Bold" → "helvetica", "Arial,Bold" →
    "arial", "CMBX12" → "cmbx" (the design size is no other face). (Asked for every bold line: each
    name is read once.)"""
    name = cached(r"\+[A-Z]{1,6}$").sub("", _base_font_name(font))  # (a subset's tag, before or after)
    name = cached(r"[-,]").split(name, maxsplit=1)[0]
    # ("Times New Roman Bold", "Swis721 Cn BT Bold Ita": the weight and slope in words)
    name = cached(r"(?i)\s+(?:bold|italic|ita|oblique|semibold|demi|medium|black|heavy|light|regular)\b.*$").sub("", name)
    return name.rstrip("0123456789").strip().lower()


def _is_italic(span: dict) -> bool:
    return _span_traits(span)[1]


def _is_bold(span: dict) -> bool:
    return _span_traits(span)[0]


def _style(bold: bool, italic: bool, caps: bool) -> str:
    """A span's style as `Line.spans` keeps it: "b" bold, "i" italic, "c" small capitals."""
    return ("b" if bold else "") + ("i" if italic else "") + ("c" if caps else "")


# (`_style` of each span's traits, made once)
_STYLES = {(b, i, c): _style(b, i, c) for b in (False, True) for i in (False, True) for c in (False, True)}


# A caption's label with nothing after it: "Fig. 1", "Table 2". Springer (and other journals) print
# it in bold before the caption ("Fig. 1 An automatic ..."): the label gets the separator the other
# styles print.
_BARE_LABEL = compile_later(r"^(?:fig(?:ure)?\.?|table)\s*(?:[A-Z]\.?)?\d+(?:\.\d+)*$", re.IGNORECASE)


# A caption's label in capitals, then its number and a title opening with a capital.
_CAPS_LABEL = compile_later(r"^(?:FIGURE|FIG\.|TABLE)\s*(?:[A-Z]\.?)?\d+(?:\.\d+)*(?=\s+[A-Z\u201c\"(])")


def _bold_caption_label(spans: list[dict], text: str) -> str:
    if not text[:1] in "FfTt" or CAPTION.match(text):
        return text
    lead = ""
    for n, span in enumerate(spans):
        if span["text"].strip() and not _is_bold(span):
            break
        lead += span["text"]
    else:
        # All bold: a heading or a bold paragraph, not a caption; unless the label is set in
        # capitals ("FIGURE 5 Adding the Expected ...", Wiley's APSR/AJPS style: the whole caption
        # bold, the label in small capitals, no separator): running text never names a float so.
        caps = _CAPS_LABEL.match(text)
        return f"{caps[0]}. {text[caps.end():].lstrip()}" if caps else text
    rest = "".join(span["text"] for span in spans[n:])
    if not _BARE_LABEL.fullmatch(lead.strip()) or not rest.strip()[:1].isalpha():
        return text
    return f"{lead.strip()}. {rest.lstrip()}"


def _to_shown_page(blocks: list[dict], matrix) -> None:
    """Move a rotated page's text into the page as shown (PyMuPDF gives it in the unrotated page):
    a landscape page set with /Rotate 90 (pdflscape's wide table, a PDF saved sideways) has its
    lines running up the unrotated page, and read there they were all rotated text, skipped.
    (`matrix` turns by quarter turns: a box's two corners, turned, are its new box's corners; worked
    out here, a page of a sideways table's hundreds of spans took a twentieth of a second through
    PyMuPDF's Rect and Point.)"""
    a, b, c, d, e, f = tuple(matrix)

    def box(r) -> tuple:
        x0, y0, x1, y1 = r
        p0, q0, p1, q1 = a * x0 + c * y0 + e, b * x0 + d * y0 + f, a * x1 + c * y1 + e, b * x1 + d * y1 + f
        return (min(p0, p1), min(q0, q1), max(p0, p1), max(q0, q1))

    for block in blocks:
        block["bbox"] = box(block["bbox"])
        for raw in block.get("lines", ()):
            raw["bbox"] = box(raw["bbox"])
            dx, dy = raw.get("dir", (1, 0))
            raw["dir"] = (dx * a + dy * c, dx * b + dy * d)
            for span in raw["spans"]:
                span["bbox"] = box(span["bbox"])
                x, y = span["origin"]
                span["origin"] = (a * x + c * y + e, b * x + d * y + f)


# A float's caption opening, as a sideways page's rotated lines are weighed by (`_sideways_turn`):
# its label and number, with or without a separator (Springer: "Table 1 Overview of ...").
_FLOAT_LABEL = compile_later(r"^(?:fig(?:ure)?\.?|table)\s*(?:[A-Z]\.?)?\d+\b", re.IGNORECASE)


def _sideways_turn(blocks: list[dict], rect) -> tuple | None:
    """The turn (a matrix's six numbers) that sets a sideways page upright: a float set sideways on
    an upright page (LaTeX's `sidewaystable`, `landscape` without /Rotate) runs its text up the
    page (or down it), caption included, and read as it stands every line was rotated text, skipped.
    The page turns when lines running one way a quarter turn off hold two thirds or more of its
    letters and one of them opens a float's caption ("Table 8: ..."): a plot's rotated tick labels
    or axis title never open with a float's label and number, and a page's arXiv stamp down the
    margin holds a small part of a page of text. None for a page read as it stands. The turn is the
    one a /Rotate of 90 (text running up) or 270 (running down) would make: the page as shown."""
    # (the lines a quarter turn off first, and their captions: most pages have none, and no more is
    # read of them)
    turned = [raw for block in blocks for raw in block.get("lines", ()) if abs(raw.get("dir", (1, 0))[1]) > 0.9]
    captioned = {raw["dir"][1] > 0 for raw in turned
                 if _FLOAT_LABEL.match("".join(span["text"] for span in raw["spans"]).lstrip())}
    if not captioned:
        return None
    counts = Counter()
    for block in blocks:
        for raw in block.get("lines", ()):
            dy = raw.get("dir", (1, 0))[1]
            counts["up" if dy < -0.9 else "down" if dy > 0.9 else "other"] += \
                sum(len(span["text"].strip()) for span in raw["spans"])
    way = "up" if counts["up"] >= counts["down"] else "down"
    if (way == "down") not in captioned or counts[way] < 2 * sum(counts.values()) / 3:
        return None
    width, height = rect.width, rect.height
    # (x, y) -> (height - y, x) for text running up; (y, width - x) for text running down
    return (0.0, 1.0, -1.0, 0.0, height, 0.0) if way == "up" else (0.0, -1.0, 1.0, 0.0, 0.0, width)


def _page_lines(page, page_index: int, rotated: list | None = None, textpage=None, turn: list | None = None,
                blank_ink: list | None = None, sideways: list | None = None) -> list[Line]:
    """(`textpage`: the page's text layer already made with `_text_flags()`, or None to make it here;
    `turn`, when given, gets the turn of a sideways page read upright, `_sideways_turn`; `blank_ink`,
    when given, the boxes of the page's drawn words that its text layer reads as blanks, `_blank_ink`;
    `sideways`, when given, the lines of floats set sideways among the upright text, `_sideways_lines`)"""
    import pymupdf

    if textpage is None:  # (made here, as get_text would, to read rows letter by letter from)
        textpage = page.get_textpage(flags=_text_flags())
    data = page.get_text("dict", flags=_text_flags(), textpage=textpage)
    if _CIPHER_KEYS:  # (fonts whose codes were solved as a cipher: their words read by the key)
        from paperkit.reading.unnamed_fonts import deciphered

        deciphered(page, data["blocks"], _CIPHER_KEYS, textpage)
    fonts: set[str] = set()  # (the fonts of the page's spans, as the repairs' walk finds them)
    if coded := _repair_text_layer(page, data["blocks"], fonts):
        # (a page whose simple fonts name none of their glyphs is read again by character code)
        textpage = page.get_textpage(flags=_text_flags() | pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE)
        data = page.get_text("dict", flags=_text_flags(), textpage=textpage)
        _standard_codes(data["blocks"], coded)
        fonts = set()
        _repair_text_layer(page, data["blocks"], fonts)
    width, height = page.rect.width, page.rect.height
    turned = None
    if page.rotation:
        _to_shown_page(data["blocks"], page.rotation_matrix)
    elif (turned := _sideways_turn(data["blocks"], page.rect)) is not None:
        # A sideways page is read in its own frame, turned upright as a /Rotate would show it; the
        # lines that stood upright on it (its running head, its page number, set in the margins
        # above and below the turned float) are the page's, not the float's: no axis titles of it.
        rows = [raw["bbox"] for block in data["blocks"] for raw in block.get("lines", ())
                if abs(raw.get("dir", (1, 0))[1]) > 0.9]
        top, bottom = min(b[1] for b in rows), max(b[3] for b in rows)
        for block in data["blocks"]:
            block["lines"] = [raw for raw in block.get("lines", ())
                              if not (raw.get("dir", (1, 0))[0] > 0.9 and (raw["bbox"][3] < top or raw["bbox"][1] > bottom))]
        _to_shown_page(data["blocks"], pymupdf.Matrix(*turned))
        width, height = height, width
        if turn is not None:
            turn.append(turned)
    lines: list[Line] = []
    split = {}  # rows whose text hints at letters split by a misfit font (`_join_split_letters`)
    blanks = False  # (rows of three blanks or more: words whose font maps every letter to a space?)
    # (the page's fonts asked once whether one is a picture font: most pages set none, and their
    # rows are spared the question span by span)
    pictured = blank_ink is not None and any(map(_picture_font, fonts))
    for block in data["blocks"]:
        for k, raw in enumerate(block.get("lines", ())):
            if pictured and any(_picture_font(span["font"]) for span in raw["spans"]):
                # (LaTeX's picture mode draws its slanted lines and arrowheads, its circles, with
                # glyphs of the line and circle fonts: a drawing's ink, no words; TODS 2006's message
                # flows, arrows of LINEW10 glyphs between three rules, had no graphic and no crop)
                blank_ink.extend(tuple(span["bbox"]) for span in raw["spans"] if _picture_font(span["font"]))
                raw = dict(raw, spans=[span for span in raw["spans"] if not _picture_font(span["font"])])
                if not raw["spans"]:
                    continue
                raw["bbox"] = (min(sp["bbox"][0] for sp in raw["spans"]), min(sp["bbox"][1] for sp in raw["spans"]),
                               max(sp["bbox"][2] for sp in raw["spans"]), max(sp["bbox"][3] for sp in raw["spans"]))
            if blank_ink is not None and not blanks and len(raw["spans"]) == 1 and \
                    len(text := raw["spans"][0]["text"]) >= 3 and text.isspace():
                blanks = True
            if raw.get("dir", (1, 0))[0] < 0.9:  # rotated text (arXiv stamps in the margin, y-axis titles)
                if rotated is not None:
                    rotated.append(tuple(raw["bbox"]))
                continue
            line = _one_span_line(raw, page_index) if len(raw["spans"]) == 1 else _spans_line(raw, page_index)
            if line is not None:
                if _SPLIT_CUE.search(line.text) and _SPLIT_HINT.search(line.text):
                    split[block.get("number"), k] = (raw, len(lines))
                lines.append(line)
    if split and not page.rotation and turned is None:  # (the text layer's letters stand on the page as stored)
        for raw, at in _join_split_letters(textpage, split):
            line = _one_span_line(raw, page_index) if len(raw["spans"]) == 1 else _spans_line(raw, page_index)
            if line is not None:
                lines[at] = line
    if blanks and not page.rotation and turned is None:
        blank_ink.extend(_blank_ink(page, textpage))
    if sideways is not None and rotated and not page.rotation and turned is None:
        sideways.extend(_sideways_lines(data["blocks"], page.rect, page_index))
    worded = _worded_lines(lines)  # (both gutters are looked for among the same lines of words)
    lines = _with_stray_subscripts(_merge_same_baseline(lines, _gutter(lines, width, worded), _gutters(lines, worded)))
    return _rows_parted_by_fractions(_join_row_pieces(_attach_lead_marks(lines, height)))


def _sideways_lines(blocks: list[dict], rect, page_index: int) -> list[tuple[tuple, list[Line]]]:
    """The floats set sideways on a page of upright text (a table or a figure turned a quarter turn
    with its caption by \\rotatebox, set in the text's flow; too few of the page's letters to turn
    the page, `_sideways_turn`): for each way such a caption runs (up the page or down it), the
    turn that sets it upright and the page's lines running that way, read in the turned frame.
    Read as they stand they were rotated text, skipped: no float, its caption and cells lost."""
    import copy

    turned = [raw for block in blocks for raw in block.get("lines", ()) if abs(raw.get("dir", (1, 0))[1]) > 0.9]
    ways = {raw["dir"][1] > 0 for raw in turned
            if _FLOAT_LABEL.match("".join(span["text"] for span in raw["spans"]).lstrip())}
    out = []
    for down in sorted(ways):
        turn = (0.0, -1.0, 1.0, 0.0, 0.0, rect.width) if down else (0.0, 1.0, -1.0, 0.0, rect.height, 0.0)
        picked = [copy.deepcopy(raw) for raw in turned if (raw["dir"][1] > 0) == down]
        _to_shown_page([{"bbox": (0.0, 0.0, 0.0, 0.0), "lines": picked}], turn)
        lines = [line for raw in picked
                 if (line := _one_span_line(raw, page_index) if len(raw["spans"]) == 1 else _spans_line(raw, page_index))]
        worded = _worded_lines(lines)
        lines = _merge_same_baseline(lines, _gutter(lines, rect.height, worded), _gutters(lines, worded))  # (as `_page_lines`)
        out.append((turn, sorted(lines, key=lambda ln: (ln.y0, ln.x0))))
    return out


def _sideways_floats(sideways: list[tuple[tuple, list[Line]]], boxes: list[tuple], marks: list) -> list[tuple]:
    """The floats of `_sideways_lines`, read in their upright frame: each caption ("Table 2: ...",
    its lines under it at the caption's pitch) and its graphic, the page's drawings and the lines
    running its way nearest the caption on its kind's usual side (a table's under its caption, a
    figure's over it; the other side when none), grown over what comes within 10 pt above or below
    and 30 pt beside (a table's next column) and never over a caption. A table's rules, upright on
    the page, each alone, are no graphic of the page's: its marks give them (`marks`). Returns (kind,
    number, caption, box, caption's box) with the boxes on the page as printed."""
    import pymupdf

    out = []
    for turn, lines in sideways:
        matrix = pymupdf.Matrix(*turn)
        drawn = [tuple(pymupdf.Rect(b[:4]) * matrix) for b in boxes]
        for kind, box, clip, white in _turned_marks(
                [m for m in marks if m[0] in PATHS and not m[3] and m[1][2] - m[1][0] < 2 < m[1][3] - m[1][1] - 28], turn):
            box = _clipped(box, clip)
            if box[3] - box[1] < 2 and box[2] - box[0] > 30:
                drawn.append(box)
        groups: list[tuple[re.Match, list[Line]]] = []
        taken: set[int] = set()
        for ln in lines:
            match = CAPTION.match(ln.text)
            if not match or id(ln) in taken:
                continue
            group = [ln]
            for other in lines:
                last = group[-1]
                if other.y0 > last.y0 and -0.3 * last.height < other.y0 - last.y1 < 0.6 * last.height and \
                        abs(other.size - last.size) < 0.6 and other.x0 < last.x1 and other.x1 > last.x0 and \
                        not CAPTION.match(other.text):
                    group.append(other)
            taken.update(id(g) for g in group)
            groups.append((match, group))
        caption_boxes = [(min(g.x0 for g in group), min(g.y0 for g in group), max(g.x1 for g in group),
                          max(g.y1 for g in group)) for _, group in groups]
        items = drawn + [(ln.x0, ln.y0, ln.x1, ln.y1) for ln in lines if id(ln) not in taken]
        for (match, group), cap in zip(groups, caption_boxes):
            kind = "table" if match["label"].lower().startswith("tab") else "figure"
            reach = (cap[0] - 0.25 * (cap[2] - cap[0]), cap[2] + 0.25 * (cap[2] - cap[0]))

            def side_gap(item, below: bool) -> float | None:
                if min(item[2], reach[1]) - max(item[0], reach[0]) <= 0:
                    return None
                gap = item[1] - cap[3] if below else cap[1] - item[3]
                return gap if -2 < gap < 30 else None

            seed = None
            for below in ((True, False) if kind == "table" else (False, True)):
                near = [(gap, item) for item in items if (gap := side_gap(item, below)) is not None]
                if near:
                    seed = (below, min(near)[1])
                    break
            if seed is None:
                continue
            below, box = seed
            others = [c for c in caption_boxes if c != cap]
            for _ in range(50):
                grown = box
                for item in items:
                    if (item[1] < cap[3] - 1 if below else item[3] > cap[1] + 1) or \
                            any(c[0] < item[2] and item[0] < c[2] and c[1] < item[3] and item[1] < c[3] for c in others):
                        continue
                    if item[0] - 30 < grown[2] and grown[0] < item[2] + 30 and item[1] - 10 < grown[3] and grown[1] < item[3] + 10:
                        grown = (min(grown[0], item[0]), min(grown[1], item[1]), max(grown[2], item[2]), max(grown[3], item[3]))
                if grown == box:
                    break
                box = grown
            text = _join_lines([g.text for g in group])[match.end():].strip()
            out.append((kind, match["num"], text, _turned_back(box, turn), _turned_back(cap, turn)))
    return out


@functools.lru_cache(maxsize=512)
def _picture_font(font: str) -> bool:
    """Whether a font is one of LaTeX's picture-mode fonts, whose glyphs are pieces of lines and
    circles (line10, linew10, lcircle10, lcirclew10), under a subset prefix or none."""
    return cached(r"(?:[A-Z]{6}\+)?l(?:ine|circle)w?10", re.IGNORECASE).fullmatch(font) is not None


def _blank_ink(page, textpage) -> list[tuple]:
    """The boxes of the words a page draws that its text layer reads as blanks: a font whose map
    to Unicode sends every glyph to a space (Word's figure labels in a subset of Arial, MICCAI 2022:
    "H, W, D, 16" over each block of a network's diagram, read as twelve spaces). A row of true
    spaces advances by one width, the font's space's; a row of drawn letters, commas and digits by
    as many widths as it has letters. Left out of the lines (they have no words), such labels are
    ink all the same: the figure's crop holds them."""
    boxes = []
    data = page.get_text("rawdict", flags=_text_flags(), textpage=textpage)
    for block in data["blocks"]:
        for raw in block.get("lines", ()):
            for span in raw["spans"]:
                chars = span["chars"]
                if len(chars) < 3 or not all(c["c"].isspace() for c in chars):
                    continue
                widths = [c["bbox"][2] - c["bbox"][0] for c in chars]
                if max(widths) > 1.3 * min(widths) and max(widths) > 0:
                    boxes.append(tuple(span["bbox"]))
    return boxes


def _worded_lines(lines: list[Line]) -> list[Line]:
    """The lines of words among `lines` (four words or more, half their characters letters), which
    tell where columns part (`_gutter`, `_gutters`): a table's cells of numbers do not."""
    return [ln for ln in lines if len(ln.text.split()) >= 4 and _letter_count(ln.text) >= 0.5 * len(ln.text)]


# The ASCII characters that are no letters: an ASCII text's letters are what deleting them leaves.
_ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


def _letter_count(text: str) -> int:
    """`sum(map(str.isalpha, text))`: the text's letters (for ASCII text, counted as the bytes left
    once the others are deleted, a third of the time)."""
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_NON_LETTERS))
    return sum(map(str.isalpha, text))


def _gutter(lines: list[Line], width: float, worded: list[Line] | None = None) -> float:
    """The x of the gap between two columns: the middle of the emptiest vertical strip in the
    middle third of the page, which a scanned or badly centred page moves off the page's middle
    (a 1994 scan: columns 73-298 and 306-531 on a 618 pt page). The page's middle when no strip is
    nearly free of text (one column). Only lines of words count when there are enough of them."""
    lo, hi = int(width * 0.35), int(width * 0.65)
    # Lines of words tell the columns; a table's cells of numbers across the page leave gaps of
    # their own between its columns (TPAMI: two wide tables over the text put the "gutter" in one).
    if worded is None:
        worded = _worded_lines(lines)
    every = lines
    lines = worded if len(worded) >= 8 else lines
    if hi - lo < 4 or len(lines) < 8:
        return width / 2

    def coverage(lines: list[Line]) -> list[int]:  # (how many lines cross each point of the middle third)
        diff = [0] * (hi - lo + 2)
        for ln in lines:
            a, b = max(lo, int(ln.x0)), min(hi, int(ln.x1))
            if a <= b:
                diff[a - lo] += 1
                diff[b - lo + 1] -= 1
        return list(itertools.accumulate(diff[:-1]))
    cover = coverage(lines)
    least = min(cover)
    if least > 0.1 * len(lines):
        # Lines set across both columns (a first page's title and abstract over the right column
        # and the middle, Word's ASME journal: 16 of 92 lines) leave no strip nearly free: the
        # columns' own lines, none wider than three fifths of the text, may still part at one,
        # with a column of them on either side (the page's middle, 306 pt, fell inside the left
        # column's lines, justified to 307 pt: its rows ran on into the right column's).
        left_edge, right_edge = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
        narrow = [ln for ln in lines if ln.x1 - ln.x0 < 0.6 * (right_edge - left_edge)]
        if len(narrow) < 0.6 * len(lines):
            return width / 2
        cover = coverage(narrow)
        least = min(cover)
        free = [x for x, n in enumerate(cover) if n == least]
        middle = lo + min(free, key=lambda x: abs(lo + x - width / 2))
        if least > 0.1 * len(narrow) or \
                sum(1 for ln in narrow if ln.x1 <= middle) < 0.25 * len(narrow) or \
                sum(1 for ln in narrow if ln.x0 >= middle) < 0.25 * len(narrow):
            return width / 2
        lines = every = narrow
    # the free strip nearest the middle, and its centre
    free = [x for x, n in enumerate(cover) if n == least]
    nearest = min(free, key=lambda x: abs(lo + x - width / 2))
    start = end = nearest
    while start - 1 >= 0 and cover[start - 1] == least:
        start -= 1
    while end + 1 < len(cover) and cover[end + 1] == least:
        end += 1
    if lines is not every:
        # The strip free of lines of words may hold the right column's hanging labels ("[24]" of a
        # numbered bibliography, set out left of its entries' text): the gutter is the part of it
        # that no line at all crosses, when there is one, else a label is read across it and the
        # left column's line runs on into the right column's entry.
        # (A line alone on its row, a running head, a page number or a licence note in the foot set
        # across both columns, stands on no column's row: it says nothing of where they part, and
        # counted, it took the whole strip and the gutter fell among the labels.)
        tops = sorted(ln.y0 for ln in every)
        taken = [False] * (end - start + 1)
        for ln in every:
            if ln.x1 - lo < start or ln.x0 - lo > end:
                continue
            reach = 0.5 * (ln.y1 - ln.y0)
            if bisect.bisect_right(tops, ln.y0 + reach) - bisect.bisect_left(tops, ln.y0 - reach) < 2:
                continue
            for x in range(max(start, int(ln.x0) - lo), min(end, int(ln.x1) - lo) + 1):
                taken[x - start] = True
        if any(taken) and not all(taken):
            runs, first = [], None
            for k, busy in enumerate(taken + [True]):
                if not busy and first is None:
                    first = k
                elif busy and first is not None:
                    runs.append((first, k - 1))
                    first = None
            # (the labels hang left of their column's text: the gutter is the free run left of them)
            a, b = next((r for r in runs if r[1] - r[0] >= 3), max(runs, key=lambda r: r[1] - r[0]))
            start, end = start + a, start + b
    return lo + (start + end) / 2 + 0.5


def _one_span_line(raw: dict, page_index: int) -> Line | None:
    """`_spans_line` for a line of one span, the common case (a word placed on its own by
    Ghostscript, a heading, a number): nothing to weigh, no marks to call, no small capitals to
    fake, no scripts; each span fact is read once."""
    s = raw["spans"][0]
    text = s["text"]
    # (a line of nothing but zero-width spaces, a word processor's empty paragraph, prints nothing:
    # Google Docs sets one over each page's foot, where it stood between a sentence and its
    # continuation overleaf)
    visible = len(text.strip().strip("\u200b\u200c\u200d\u2060\ufeff"))
    if not visible:
        return None
    bold, italic_font, caps_font, math_font, mono = _SPAN_TRAITS.get((s.get("font", ""), s.get("flags", 0))) or _span_traits(s)
    letters = sum(map(str.isalpha, text))  # map: counted in C
    caps_letters = letters if caps_font else 0
    x0, y0, x1, y1 = raw["bbox"]
    return Line(
        page=page_index, x0=x0, y0=y0, x1=x1, y1=y1, text=_compose_accents(" ".join(_named_ligatures(text).split())),
        size=round(s["size"] * 2) / 2, bold=bold, italic=italic_font and letters > 0,
        math_chars=visible if math_font and not _worded_span(text) else _math_count(text),
        spans=[(s["bbox"][0], s["bbox"][2], text, _STYLES[bold, italic_font, caps_font])],
        smallcaps=caps_letters >= 3 and caps_letters >= 0.75 * letters,
        code=mono, base=s["origin"][1], face=_font_family(s.get("font", "")) if bold and letters else "",
        color=s.get("color", 0),
    )


# Two words of letters apart, each of three or more ("Supervised learning"): set in a font whose name
# says math, they are a text face's words all the same (Nature sets its coloured subheads in
# GlosaMath-Bold), not a formula's symbols; math mode sets its letters with no space between them.
_WORDED = compile_later(r"[^\W\d_]{3,}\s+[^\W\d_]{3,}")


def _worded_span(text: str) -> bool:
    """Whether a span in a math-named font sets words of prose (`_WORDED`): its characters count as
    math one by one, as any text font's do."""
    return " " in text.strip() and _WORDED.search(text) is not None


def _span_traits(span: dict) -> tuple[bool, bool, bool, bool, bool]:
    """(bold, italic, small caps, math, monospace) of a span: `_is_bold`, `_is_italic` and the font
    name's traits in one call."""
    key = (span.get("font", ""), span.get("flags", 0))
    traits = _SPAN_TRAITS.get(key)
    if traits is None:
        if len(_SPAN_TRAITS) >= 4096:  # (a bound for a long-lived process reading many papers)
            _SPAN_TRAITS.clear()
        bold, italic, caps, math, mono = _font_traits(key[0])
        flags = key[1]
        traits = _SPAN_TRAITS[key] = (bool(flags & 16) or bold, bool(flags & 2) or italic, caps, math, mono)
    return traits


# (font name, flags) -> `_span_traits`: a page's thousands of spans come in a few fonts and flags
_SPAN_TRAITS: dict[tuple[str, int], tuple[bool, bool, bool, bool, bool]] = {}


def _spaced_after_scripts(spans: list[dict], texts: list[str]) -> list[str]:
    """The spans' texts with a space put after a sub- or superscript that a word follows a word
    space off, on the line's baseline again ("Dust R_V Population": the subscript V 3.4 pt before
    "Population" at 9 pt, no space character between them). A script touching the next span
    ("σ_R," or "x_i=") is left as it is."""
    largest = max((s["size"] for s in spans if s["text"].strip()), default=0.0)
    for i in range(len(spans) - 1):
        a, b = spans[i], spans[i + 1]
        if a["size"] < 0.85 * largest <= b["size"] and texts[i].strip() and not texts[i][-1].isspace() and \
                b["text"][:1].isalpha() and b["bbox"][0] - a["bbox"][2] >= 0.2 * b["size"]:
            texts[i] += " "
    return texts


def _spans_text(spans: list[dict], scripted: bool = False, blanks: bool = True) -> str:
    """The row's text from its spans. A glyph the text layer cannot name (U+FFFD, private use),
    set in a span of its own, in a font other than the text's before it and with a gap on both
    sides, is a symbol between two words or numbers (a CMSY "×" in "3×3 conv. layers"): it is
    dropped later as unexpressed, and spaces keep its neighbours apart ("3 3", not "33"). A
    ligature the layer cannot name sits inside its word's span, in the word's font, without gaps.
    (`blanks`: False when the caller knows no span is blank: no space set in a span of its own.)"""
    if blanks and len(spans) > 2:
        spans = _without_glued_spaces(spans)
    text = "".join(s["text"] for s in spans)
    if not UNEXPRESSED.search(text):
        return text if not scripted else "".join(_spaced_after_scripts(spans, [s["text"] for s in spans]))
    texts = _spaced_after_scripts(spans, [s["text"] for s in spans]) if scripted else [s["text"] for s in spans]
    for i in range(1, len(spans) - 1):
        glyph, before, after = spans[i], spans[i - 1], spans[i + 1]
        core = glyph["text"].strip()
        if not core or UNEXPRESSED.sub("", core) or not before["text"].strip() or not after["text"].strip() or \
                glyph["font"] == before["font"]:
            continue
        # TeX sets a binary operator or a relation with 4/18 em or more on each side (a page printed
        # from a browser squeezes it to 0.04 em); a prime or an accent touches its letter
        least = 0.03 * glyph["size"]
        # (a space the span or its neighbour already holds is a gap too)
        if (glyph["bbox"][0] - before["bbox"][2] >= least or glyph["text"][0].isspace() or before["text"][-1].isspace()) and \
                (after["bbox"][0] - glyph["bbox"][2] >= least or glyph["text"][-1].isspace() or after["text"][0].isspace()):
            texts[i] = f" {texts[i]} "
    return "".join(texts)


def _without_glued_spaces(spans: list[dict]) -> list[dict]:
    """The row's spans less a space set in a span of its own between two pieces of text that touch
    (Elsevier's "dummy-space" font: a space glyph written inside a word, "emb" | " " | "e" | " " |
    "dding", the next piece starting where the one before it ends): no gap on the page, no word
    space. A word space leaves a gap of a sixth of the type's size or more (a thin space)."""
    drop = None
    for i in range(1, len(spans) - 1):
        if not spans[i]["text"].isspace():
            continue
        before, after = spans[i - 1], spans[i + 1]
        if before["font"] != after["font"] or abs(before["size"] - after["size"]) > 0.3:
            continue  # (a piece in another font or size, a subscript after its letter, "H" + "in", stays apart)
        # (inside a word: a letter, then lower case; a heading's number hung tight, "VIII." | "REFERENCES",
        # stays apart; so does a piece ending or opening in a space, or a blank one)
        b, a = before["text"], after["text"]
        if not (b and a and b[-1].isalpha() and a[0].islower()):
            continue
        gap = after["bbox"][0] - before["bbox"][2]
        if -0.05 * before["size"] < gap < 0.08 * before["size"]:
            drop = drop or set()
            drop.add(i)
    return [s for i, s in enumerate(spans) if i not in drop] if drop else spans


def _recased_small_caps(spans: list[dict]) -> list[dict]:
    """The spans of a row set in small capitals faked at two sizes of one font (each word's initial
    large, the rest about 80 % of it) with their letters' case as the sizes tell it, where the text
    layer garbles it: a font that maps some of its capitals to lower-case codes and some of its small
    capitals to upper-case ones (IEEE magazines' "steP f" + "rAMework" for STEP Framework, "c" +
    "onclusIon"). The large letters are capitals, the small ones lower case (short words, "of",
    wholly small). The case is read anew only where it is garbled (a small run's word in both cases
    with a capital past its first letter); a row whose case reads right is left as it is."""
    lettered = [s for s in spans if any(map(str.isalpha, s["text"]))]
    if len(lettered) < 2 or len({s["font"] for s in lettered}) != 1:
        return spans
    big = max(s["size"] for s in lettered)
    small = [s["size"] for s in lettered if s["size"] < big - 0.5]
    if not small or max(small) - min(small) > 0.5 or not 0.65 * big <= min(small) <= 0.9 * big:
        return spans
    if lettered[0]["size"] < big - 0.5:  # (the row opens on a large initial)
        return spans
    # (most letters small: initials and an acronym's capitals large, not a line of prose with a few
    # words set smaller)
    large = sum(sum(map(str.isalpha, s["text"])) for s in lettered if s["size"] >= big - 0.5)
    if 2 * large >= sum(sum(map(str.isalpha, s["text"])) for s in lettered):
        return spans
    # (a word of a small run in both cases with a capital past its first letter: "rAMework", "AYer";
    # a word in capitals alone is an acronym's, "VSTORE" in a line of prose)
    if not any(any(map(str.islower, word)) and any(map(str.isupper, word[1:]))
               for s in lettered if s["size"] < big - 0.5 for word in cached(r"[^\W\d_]+").findall(s["text"])):
        return spans
    return [dict(s, text=s["text"].upper() if s["size"] >= big - 0.5 else s["text"].lower())
            if any(map(str.isalpha, s["text"])) else s for s in spans]


def _spans_line(raw: dict, page_index: int) -> Line | None:
    """The `Line` of one line of PyMuPDF's page dict, or None when it shows nothing."""
    spans = [s for s in raw["spans"] if s["text"].strip()]
    if not spans:
        return None
    sizes = [s["size"] for s in spans]
    smallest, largest = min(sizes), max(sizes)
    # A raised mark is set at most 0.8 of the line's largest type, a sub- or superscript under 0.85 of
    # it: a line in one size (most of them) has neither, and is spared the search.
    given = raw["spans"]
    if smallest < 0.9 * largest and (recased := _recased_small_caps(given)) is not given:
        given = recased
        spans = [s for s in given if s["text"].strip()]
    if smallest > 0.8 * largest:
        lead_mark, calls, raw_spans = None, [], given
    else:
        lead_mark, calls, raw_spans = _footnote_marks(given)
    # (every span of the row shows something: no space set in a span of its own to take out)
    text = _bold_caption_label(raw_spans, _spans_text(raw_spans, scripted=smallest < 0.85 * largest,
                                                      blanks=raw_spans is not given or len(spans) != len(given)))
    size_weight: dict[float, int] = {}
    # The row's type is its prose's: math and program text may be set in fonts scaled apart from the
    # text's (Elsevier's 8.85 pt math beside 7.97 pt words; a 9 pt typewriter face among 10 pt words),
    # and a row dense with them would read as a line in another size, a paragraph's end. In a row
    # holding such spans, the characters of the others, not scripts (under 0.75 of the row's largest
    # type: the "max" of "h_max"), weigh the size; a row with few such letters (a display's piece,
    # "W_yi y^(l−1)") falls back on all its characters, as every other row does.
    prose_weight: dict[float, int] = {}
    set_apart = False  # a span of math or program text in the row
    prose_letters = 0
    math = letters = caps_letters = 0
    bold = code = symbol_bold = True
    texted = False  # a span that is more than symbol glyphs in the row
    worded = italic = False  # a line of spans without letters ("1." or "(3)") says nothing: not italic
    italic_words = False  # a span of letters in italics (a line of upright Greek alone is not italic)
    all_italic = True
    styles = []
    lowercase = False  # in a span with letters: no faked small capitals then
    # Words in capitals set smaller on the baseline of a line of lower-case prose are the prose's, in
    # small capitals faked by a font that has none (USENIX: "The VSTORE and VRETRIEVE RPCs are like
    # STORE" in 8 pt among 10 pt words): they weigh at the prose's size, or a line dense with them
    # reads as type of another size, a paragraph of its own.
    capitals_base = None
    if smallest < 0.9 * largest:
        top = max(spans, key=lambda s: s["size"])
        if any(_RUNNING_WORD.search(s["text"]) for s in spans if s["size"] > 0.9 * largest):
            capitals_base = top["origin"][1]
    for s in spans:
        span_text = s["text"]
        core = span_text.strip()
        visible = len(core)
        # (`_span_traits`, its kept answer looked up here: a call per span was a tenth of a line's cost)
        is_bold, is_italic, caps_font, math_font, mono = \
            _SPAN_TRAITS.get((s.get("font", ""), s.get("flags", 0))) or _span_traits(s)
        size = round(s["size"] * 2) / 2
        if capitals_base is not None and 0.65 * largest <= s["size"] <= 0.9 * largest and \
                abs(s["origin"][1] - capitals_base) < 0.5 and not math_font and not mono and \
                sum(map(str.isupper, span_text)) >= 2 and not any(map(str.islower, span_text)):
            size = round(largest * 2) / 2
        size_weight[size] = size_weight.get(size, 0) + visible
        span_math = visible if math_font and not _worded_span(span_text) else _math_count(span_text)
        math += span_math
        span_letters = sum(map(str.isalpha, span_text))  # map: counted in C
        letters += span_letters
        if not span_math and not mono and s["size"] >= 0.75 * largest:
            prose_weight[size] = prose_weight.get(size, 0) + visible
            prose_letters += span_letters
        set_apart = set_apart or bool(span_math) or mono
        if caps_font:
            caps_letters += span_letters
        if span_letters:
            worded = True
            # (nor does a subscript in a math font unitalicise an italic heading: IEEE's "A. A bound on
            # the largest eigenvalue of the matrix A_δ", the δ upright in Symbol at 7.4 pt)
            # (nor does a capital Greek letter, which TeX sets upright in italic text: "set of Φ is
            # unbounded." in a theorem's italics, the Φ from CMR10; its letters are all math symbols)
            all_italic = all_italic and (is_italic or (math_font and s["size"] < 0.85 * largest) or
                                         span_math >= span_letters)
            italic_words = italic_words or is_italic
            lowercase = lowercase or any(map(str.islower, span_text))
        # (a sub- or superscript in a math font does not unbold a bold heading: "2.1 M² (Dahlmeier ...)";
        # nor does a glyph that is no letter, digit or mark of punctuation, a box or a check mark set
        # from a symbol font in a bold line: "B □✓ Did you use or create scientific artifacts?")
        # (`_symbol_glyphs`, its answer for a span opening with printable ASCII or a letter given here)
        if core and not (" " < core[0] < "\x7f" or core[0].isalpha()) and _symbol_glyphs(span_text):
            symbol_bold = symbol_bold and is_bold
        else:
            bold = bold and (is_bold or (s["size"] < 0.85 * largest and not span_letters))
            texted = True
        code = code and mono
        styles.append(_STYLES[is_bold, is_italic, caps_font])
    italic = worded and all_italic and italic_words
    bold = bold and (texted or symbol_bold)  # (a row of symbol glyphs alone: bold when they are)
    face = ""
    if bold and worded:
        families = {_font_family(s.get("font", "")) for s in spans if any(map(str.isalpha, s["text"]))}
        if len(families) > 1:
            # (a variable set from a math font among the words is no other face: "REGULAR
            # PERTURBATION OF V-GEOMETRICALLY", the V in MathTime's bold italic among Times-Bold)
            worded_families = {_font_family(s.get("font", "")) for s in spans
                               if sum(map(str.isalpha, s["text"])) >= 2 and not _span_traits(s)[3]}
            families = worded_families or families
        face = families.pop() if len(families) == 1 else ""
    x0, y0, x1, y1 = raw["bbox"]
    if calls:  # a raised call mark must not make the line look taller (and the gap above it wider)
        y0 = min(s["bbox"][1] for s in raw_spans if s["text"].strip())
    faked = _faked_small_caps(spans) if letters and not lowercase else None
    if faked:
        caps_letters = letters
    weights = prose_weight if set_apart and prose_letters >= 4 else size_weight
    return Line(
        page=page_index, x0=x0, y0=y0, x1=x1, y1=y1, text=_compose_accents(" ".join(_named_ligatures(text).split())),
        size=faked or max(weights.items(), key=lambda kv: kv[1])[0],  # the first of the heaviest, as Counter's
        bold=bold, italic=italic, math_chars=math,
        spans=[(s["bbox"][0], s["bbox"][2], s["text"], style) for s, style in zip(spans, styles)],
        smallcaps=caps_letters >= 3 and caps_letters >= 0.75 * letters,
        lead_mark=lead_mark, calls=calls, code=code,
        base=_text_base(spans),
        scripts=0 if smallest >= 0.85 * largest else _script_runs(spans), face=face,
        color=next((s for s in spans if any(map(str.isalpha, s["text"]))), spans[0]).get("color", 0),
    )


def _text_base(spans: list[dict]) -> float:
    """The baseline of a row's text: its largest span's, or, where that is a symbol glyph set larger
    and raised (a 12 pt check mark 2 pt over 11 pt words), the largest of the others'."""
    def key(s: dict) -> tuple[float, int]:
        return s["size"], len(s["text"])

    top = max(spans, key=key)
    if _symbol_glyphs(top["text"]):
        top = max((s for s in spans if not _symbol_glyphs(s["text"])), key=key, default=top)
    return top["origin"][1]


def _symbol_glyphs(text: str) -> bool:
    """Whether a span shows only symbol glyphs, no letter, digit or punctuation: a box or a check
    mark (Unicode's symbols "So", or a control or private-use code a symbol font's glyph is stored
    under). Such a glyph says nothing of the line's weight or baseline."""
    core = text.strip()
    if not core or " " < core[0] < "\x7f" or core[0].isalpha():
        return False  # (a printable ASCII character or a letter first, as in most spans: no symbol glyph)
    return all(unicodedata.category(ch)[0] == "C" or unicodedata.category(ch) == "So" for ch in core)


def _repair_text_layer(page, blocks: list[dict], fonts: set[str] | None = None) -> frozenset[str]:
    """Mend what the text layer gets wrong (the `_repair_*` functions and `_mark_drawn_bold`), each
    given only the spans it could change, as found in one walk over the page's spans: most pages
    have none for most repairs, and each repair's own walk over every span was a few tenths of a
    millisecond a page, seven times over. (In the order the repairs build on: sizes first, whose
    boxes the deep-box cut reads; characters named before the lone-glyph and bold checks.)
    Where the page's text is mostly unnamed in fonts that name none of their glyphs
    (`_unnamed_by_code`), those fonts (by `_font_key`), and nothing is mended: the caller reads
    the page again by character code; else an empty set. (`fonts`, when given, gets the fonts of
    the page's spans: no span's font is changed by a repair.)"""
    degenerate: list[dict] = []
    unnamed: list[dict] = []  # spans with U+FFFD or a control character
    short: list[dict] = []  # spans of at most two characters
    if fonts is None:
        fonts = set()
    flagged_bold = False
    # font -> [horizontal spans, those reaching deeper than `_DEEPEST_DESCENT`, higher than `_HIGHEST_ASCENT`]
    counts: dict[str, list[int]] = {}
    deepest, highest = _DEEPEST_DESCENT, _CAIRO_ASCENT if _printed_by_cairo(page.parent) else _HIGHEST_ASCENT
    for b in blocks:
        for ln in b.get("lines", ()):
            level = tuple(ln.get("dir", (1, 0))) == (1.0, 0.0)
            for s in ln["spans"]:
                text, size, font = s["text"], s["size"], s["font"]
                fonts.add(font)
                if s["flags"] & 16:
                    flagged_bold = True
                if "\ufffd" in text or not text.isprintable():
                    unnamed.append(s)
                if len(text) <= 2:
                    short.append(s)
                if size < 1.0:
                    if text.strip():
                        degenerate.append(s)
                elif level:
                    count = counts.get(font)
                    if count is None:
                        count = counts[font] = [0, 0, 0]
                    count[0] += 1
                    _, top, _, bottom = s["bbox"]
                    base = s["origin"][1]
                    if bottom - base > deepest * size - 1e-6:  # (a margin for rounding)
                        count[1] += 1
                    if base - top > highest * size + 1e-6:
                        count[2] += 1
    if degenerate:
        from paperkit.reading.glyph_repairs import repair_degenerate_sizes

        repair_degenerate_sizes(blocks)
    if unnamed:
        if coded := _unnamed_by_code(page, blocks, unnamed):
            return coded
        if sum(s["text"].count("\ufffd") for s in unnamed) >= _UNNAMED_PAGE_CHARS and \
                (composite := {f[3] for f in page.get_fonts() if f[2] == "Type0"}):
            # (a page of unnamed glyphs in composite fonts: codes that are glyph indices, named 29 off?)
            from paperkit.reading.shifted_codes import repair_glyph_indices

            keys = {_font_key(name) for name in composite}
            if repair_glyph_indices(page, blocks, unnamed, {s["font"] for s in unnamed if _font_key(s["font"]) in keys}):
                unnamed = [s for s in unnamed if "\ufffd" in s["text"] or not s["text"].isprintable()]
        _repair_type3_text(page, blocks, unnamed)
        unnamed = [s for s in unnamed if "\ufffd" in s["text"]]
        if unnamed:
            _repair_extension_glyphs(page, blocks, unnamed)
            _repair_windows_codes(page, blocks, [s for s in unnamed if "\ufffd" in s["text"]])
            _repair_glyph_names(page, blocks, [s for s in unnamed if "\ufffd" in s["text"]])
    if short and any(_box_font(font) for font in fonts):
        _repair_box_glyphs(blocks, [s for s in short if _box_font(s["font"])])
    if not flagged_bold and not any(_font_traits(font)[0] for font in fonts):
        _mark_drawn_bold(page, blocks, weights_named=False)
    elif any(_weightless_font(font) for font in fonts):
        _mark_drawn_bold(page, blocks, weights_named=True)
    # (the median depth of a font's spans is above the limit only where at least about half of
    # them reach below it: only then are they all measured; after a size repair, all are)
    if degenerate:
        _repair_deep_boxes(blocks, highest=highest)
    else:
        deep_fonts = {font for font, (total, deep, _) in counts.items() if 2 * deep >= total - 1}
        tall_fonts = {font for font, (total, _, tall) in counts.items() if 2 * tall >= total - 1}
        if deep_fonts or tall_fonts:
            _repair_deep_boxes(blocks, deep_fonts, tall_fonts, highest=highest)
    return frozenset()


# A page's text whose fonts name none of their glyphs: at least this many unnamed characters, and
# at least this share of its characters that are not spaces.
_UNNAMED_PAGE_CHARS = 100
_UNNAMED_PAGE_SHARE = 0.5


def _unnamed_by_code(page, blocks: list[dict], unnamed: list[dict]) -> frozenset[str]:
    """The fonts (by `_font_key`) by whose character codes the page is to be read again: a page whose running text is set in
    simple fonts (Type 1, TrueType) that carry no map to Unicode and whose glyphs have no names the
    text layer knows (3B2's "AdvP6EC0" fonts of IEEE's 2000 journals) reads as U+FFFD throughout,
    every word lost. Their codes are the text's bytes, as PyMuPDF's plain text and pdftotext read
    them. Only where the unnamed characters of such fonts are many (`_UNNAMED_PAGE_CHARS`) and
    most of the page's characters (`_UNNAMED_PAGE_SHARE`): a math font's unnamed symbols among
    named prose keep their U+FFFD, and a composite font's codes, which are glyph numbers, are
    never read as text. An empty set for every other page."""
    key = _font_key
    count = sum(s["text"].count("\ufffd") for s in unnamed)
    if count < _UNNAMED_PAGE_CHARS:
        return frozenset()
    simple = {key(f[3]) for f in page.get_fonts() if f[2] in ("Type1", "MMType1", "TrueType")}
    fonts = frozenset(key(s["font"]) for s in unnamed if "\ufffd" in s["text"] and key(s["font"]) in simple)
    count = sum(s["text"].count("\ufffd") for s in unnamed if key(s["font"]) in fonts)
    if count < _UNNAMED_PAGE_CHARS:
        return frozenset()
    total = sum(len(s["text"]) - s["text"].count(" ") for b in blocks for ln in b.get("lines", ()) for s in ln["spans"])
    return fonts if count >= _UNNAMED_PAGE_SHARE * total else frozenset()


# Adobe's StandardEncoding above ASCII, the encoding a Type 1 text font's codes follow when nothing
# names its glyphs: its quotes, dashes, ligatures and accents (codes it leaves empty are read as
# Latin-1, as the text layer reads them).
_STANDARD_HIGH = dict(zip(
    range(0xA1, 0x100),
    "¡¢£⁄¥ƒ§¤'“«‹›\ufb01\ufb02\0–†‡·\0¶•‚„”»…‰\0¿\0`´ˆ˜¯˘˙¨\0˚¸\0˝˛ˇ—\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
    "\0Æ\0ª\0\0\0\0ŁØŒº\0\0\0\0\0æ\0\0\0ı\0\0łøœß\0\0\0\0"))


_STANDARD_LIGATURES = {"\ufb01": "fi", "\ufb02": "fl"}


def _standard_codes(blocks: list[dict], fonts: frozenset[str]) -> None:
    """The characters of `fonts` read by code (`_unnamed_by_code`) as StandardEncoding names them
    above ASCII: 3B2's fonts set the em dash at 0xD0 and the double quotes at 0xAA and 0xBA
    ("AbstractÐA new method", "ªcostº" read as Latin-1), as a Type 1 font's standard encoding
    does. Ligatures come out as their letters."""
    for b in blocks:
        for ln in b.get("lines", ()):
            for span in ln["spans"]:
                text = span["text"]
                if text.isascii() or _font_key(span["font"]) not in fonts:
                    continue
                out = []
                for ch in text:
                    named = _STANDARD_HIGH.get(ord(ch), "\0")
                    out.append(ch if named == "\0" else _STANDARD_LIGATURES.get(named, named))
                span["text"] = "".join(out)


# No glyph of running text reaches an em below its baseline (descenders: a quarter em; a
# parenthesis or a brace, 0.35), but a span's box takes the font's declared descent: a font re-embedded
# by another library (cairo's subsets of CMSY, CMEX) may declare the whole font box, an em or more
# below the baseline, and a table's row of "91.97 ± 0.04" then reaches over the next row.
_DEEPEST_DESCENT = 0.4  # of the size
# Nor does a span's box reach more than 1.1 em above its baseline, even in MuPDF's own fonts
# for the standard 14 (Helvetica's declared box: 1.075 em), but a library that embeds a font again
# (cairo, as a browser's print to PDF) may declare the font's whole box as its ascent (CharisSIL
# 1.27 em, STIX 1.45, Libertine 1.11, where the original's said 0.7): a 7 pt line's box then stood
# 12 pt tall over a 9 pt pitch, reached over the line above and across a table's rule under its
# caption. Such a font's spans get the ascent MuPDF gives a font that declares none.
_HIGHEST_ASCENT = 1.1  # of the size
_ASCENT = 0.8  # of the size
# cairo declares every font's ascent as the top of its whole box (the descriptor's Ascent, CapHeight
# and FontBBox's top alike), whatever the original said: Linux Biolinum Bold 1.02 em where the
# original said 0.69, and a bold run-in heading's box then touched the line under it and was read
# as the paragraph's first line. In a copy written by cairo a font whose boxes reach more than 0.9
# em above their baselines (no font's letters do: Times 0.68-0.7, CM 0.68-0.75 with accents, the
# box tops of Times and Helvetica 0.9-0.93) gets `_ASCENT`.
_CAIRO_ASCENT = 0.9  # of the size


# A scanned page: an image covering this much of the page (a scan's margins are trimmed unevenly: a
# 1996 journal page scanned to 93 % of its width), under a text layer mostly invisible (the OCR's
# words, set in render mode 3 over the scan where the reader's eye sees the scan's own ink).
SCAN_AREA = 0.8


def _scan_in_strips(marks: list, width: float, height: float) -> bool:
    """Whether images as wide as the page tile most of it, band under band: a scan stored as strips
    (ACM TOPLAS 1990: 23 images 32 pt high, one under another). Each strip is too small to be the
    page's scan on its own; clustered, they made the whole page a figure and its text was lost."""
    known = getattr(marks, "_paperkit_strips", None)
    if known is None:
        covered = 0.0
        for kind, b, clip, _ in marks:
            if kind in ("fill-image", "fill-imgmask") and b[2] - b[0] >= 0.95 * width:
                covered += max(0.0, min(b[3], height) - max(b[1], 0.0))
        known = covered >= SCAN_AREA * height
        with contextlib.suppress(Exception):
            marks._paperkit_strips = known
    return known


def _scanned_page(page) -> bool:
    """Whether most of the page's characters are invisible text (render mode 3, neither filled nor
    stroked): an OCR layer laid over a scan. (Kept on the page: read once, only for a page with an
    image nearly as large as itself.)"""
    known = getattr(page, "_paperkit_scanned", None)
    if known is None:
        hidden = shown = 0
        with contextlib.suppress(Exception):
            for trace in page.get_texttrace():
                if trace["type"] == 3:
                    hidden += len(trace["chars"])
                else:
                    shown += len(trace["chars"])
        known = hidden >= 200 and hidden > 4 * shown
        with contextlib.suppress(Exception):
            page._paperkit_scanned = known
    return known


def _printed_by_cairo(doc) -> bool:
    """Whether the document's producer is cairo (kept on the document)."""
    known = getattr(doc, "_paperkit_cairo", None)
    if known is None:
        known = False
        with contextlib.suppress(Exception):
            known = "cairo" in (doc.metadata or {}).get("producer", "").lower()
        with contextlib.suppress(Exception):
            doc._paperkit_cairo = known
    return known


# A row whose text shows a capital or two standing alone beside capitals, a capital alone before
# small letters or a stop, or capitals on both sides of a space ("T HE", "LOBA L", "LS M-tree",
# "S ection", "V .", "PROBA BILITIES"): the rows that `_join_split_letters` reads letter by letter
# (a lone "A" or "I" before a word in small letters is an English word, a capital after a word in
# small letters an initial, one after a slash the end of "I/O", all too common to read again).
_SPLIT_CUE = compile_later(r"[A-Z] [A-Za-z.,;:-]")  # (what each hint holds, found faster: most rows have none)
_SPLIT_HINT = compile_later(r"(?<![^\W\d_])(?<!/)(?:[A-Z]{1,2} [A-Z]{2}|[A-Z]{1,4} [A-Z](?![^\W\d_])|[B-HJ-Z] [a-z]{2}|[A-Z] [a-z] [a-z]|[A-Z]{1,4} [-.,;:])|[A-Z]{2} [A-Z]{2}")


def _join_split_letters(textpage, wanted: dict) -> list:
    """Spaces inside words taken out again. A page printed anew with another font than the one
    its letters were placed for (a reprint that substitutes a font it lacks) draws each letter at
    its old place but with the new font's widths: the letters of one word then no longer touch
    but stand apart by a point or overlap by one, and where the old letter was wider by enough
    the text layer reads a space inside the word ("T HE N-INTERTW INED", "S ection"). Such a gap
    is told from a word space by its size: under a quarter of an em, and under 0.7 of the row's
    narrowest word space (a space the page drew, or a gap that keeps the old font's space: 0.3
    em or more, on a row without gaps between), or, on a row of a few words, whose spaces are
    whole, under 0.2 em; it is never a space the page drew; and it is trusted only on a row
    whose letters show the misfit (a third or more of its pairs of neighbouring letters, and of
    its first dozen, apart or overlapping by 0.01 em or more, where a row in its own font has
    letters that touch but for a few kerned pairs). Only rows `_SPLIT_HINT` names are read
    letter by letter, from the text layer already made. `wanted`: (the row's block number, its
    place in the block) -> (its row of `get_text("dict")`, anything); the rows changed are given
    back, as their (row, anything)."""
    import pymupdf

    text_block = pymupdf.mupdf.FZ_STEXT_BLOCK_TEXT
    numbers = {number for number, _ in wanted}
    last = max(numbers)
    changed = []
    for number, stext_block in enumerate(textpage.this):
        if number > last:
            break
        if number not in numbers or stext_block.m_internal.type != text_block:
            continue
        for k, stext_line in enumerate(stext_block):
            row = wanted.get((number, k))
            if row is not None and _join_line_letters(stext_line, row[0]):
                changed.append(row)
    return changed


def _join_line_letters(stext_line, raw: dict) -> bool:
    """`_join_split_letters` for one row: `stext_line` its letters in the text layer, `raw` its
    row of `get_text("dict")`, whose spans' text loses the spaces found inside words. Whether
    it lost any."""
    import pymupdf

    synthetic = pymupdf.mupdf.FZ_STEXT_SYNTHETIC
    chars = []
    pairs = loose = 0
    for ch in stext_line:
        m = ch.m_internal
        q = m.quad  # (of a row read left to right: its lower corners are its ends)
        c, x0, x1 = chr(m.c), q.ll.x, q.lr.x
        if pairs < 12 and chars and c.isalpha() and chars[-1][0].isalpha():
            # (most rows read are in their own font: their first dozen pairs of letters show it,
            # and the rest of the row is not read)
            pairs += 1
            loose += abs(x0 - chars[-1][2]) >= 0.01 * min(m.size, chars[-1][3])
            if pairs == 12 and loose < 4:
                return False
        if "\ufb00" <= c <= "\ufb06":  # a ligature, which the row's text has as its letters
            c = unicodedata.normalize("NFKC", c)
            step = (x1 - x0) / len(c)
            chars.extend((part, x0 + n * step, x0 + (n + 1) * step, m.size, False) for n, part in enumerate(c))
            continue
        # (a space the text layer put in for a gap, not one the page drew: only such a space
        # can stand inside a word, where the drawn space of a word processor cannot)
        chars.append((c, x0, x1, m.size, c == " " and bool(m.flags & synthetic)))
    texts = [s["text"] for s in raw["spans"]]
    if "".join(texts) != "".join(ch[0] for ch in chars):  # (not the row read)
        return False
    pairs = loose = 0
    gaps = []  # (first space, past the last, the gap, the smaller size, whether it may go, whether put in)
    i = 0
    while i < len(chars) - 1:
        c, _, x1, size, _ = chars[i]
        if c.isspace():
            i += 1
            continue
        j = i + 1
        while j < len(chars) and chars[j][0].isspace():
            j += 1
        if j == len(chars):
            break
        nxt = chars[j]
        gap = nxt[1] - x1
        small = min(size, nxt[3])
        if j == i + 1:
            if c.isalpha() and nxt[0].isalpha():
                pairs += 1
                loose += abs(gap) >= 0.01 * small
        else:
            put_in = all(ch[4] for ch in chars[i + 1:j])
            gaps.append((i + 1, j, gap, small, put_in and c.isalnum() and (nxt[0].isalpha() or nxt[0] in "-.,;:"),
                         put_in))
        i = j
    if pairs < 6 or loose < 0.33 * pairs:
        return False
    # The misfit moves a word space too, by up to a twentieth of an em either way: the row's word
    # spaces are its drawn spaces and its gaps of 0.3 em or more, and a row with a gap between a
    # quarter of an em and that, no space drawn in it (a word space shrunk to fit the line, or a
    # gap too wide to tell), is left as it is. A gap
    # under a quarter of an em is the misfit's when under 0.7 of the narrowest word space, or, on
    # a row of a few words (a heading, a paragraph's last line: set with the font's whole space,
    # never shrunk to fit), under 0.2 em.
    if any(put_in and 0.25 * size <= gap < 0.3 * size for _, _, gap, size, _, put_in in gaps):
        return False
    narrowest = min((gap for _, _, gap, size, _, put_in in gaps if gap >= 0.3 * size or not put_in), default=0.0)
    drop = set()
    for a, b, gap, size, letters, _ in gaps:
        if letters and gap < 0.25 * size and (gap < 0.7 * narrowest or len(gaps) <= 3 and gap < 0.2 * size):
            drop.update(range(a, b))
    if not drop:
        return False
    at = 0
    for span, text in zip(raw["spans"], texts):
        span["text"] = "".join(c for k, c in enumerate(text, at) if k not in drop)
        at += len(text)
    return True


def _repair_deep_boxes(blocks: list[dict], fonts: set[str] | None = None, tall_fonts: set[str] | None = None,
                       highest: float = _HIGHEST_ASCENT) -> None:
    """Cut the boxes of horizontal spans in a font whose boxes reach more than `_DEEPEST_DESCENT`
    ems below their baselines (the median of the page's spans in it: a property of the font, not
    of a span that MuPDF ran on from a raised piece onto a lower baseline, whose box reaches below
    its first character's) to that depth, and the tops of those in a font whose boxes reach more
    than `_HIGHEST_ASCENT` ems above their baselines (by the same median) to `_ASCENT`; their lines'
    boxes then to their spans'. (`fonts`, `tall_fonts`: only these fonts may be deep, or tall, when
    the caller knows; `highest`: the limit of a tall font, lower in a copy written by cairo.)"""
    depths: dict[str, list[float]] = {}
    heights: dict[str, list[float]] = {}
    for b in blocks:
        for ln in b.get("lines", ()):
            if tuple(ln.get("dir", (1, 0))) == (1.0, 0.0):
                for s in ln["spans"]:
                    if s["size"] >= 1.0:
                        if fonts is None or s["font"] in fonts:
                            depths.setdefault(s["font"], []).append((s["bbox"][3] - s["origin"][1]) / s["size"])
                        if tall_fonts is None or s["font"] in tall_fonts:
                            heights.setdefault(s["font"], []).append((s["origin"][1] - s["bbox"][1]) / s["size"])
    deep = {font for font, found in depths.items() if statistics.median(found) > _DEEPEST_DESCENT}
    tall = {font for font, found in heights.items() if statistics.median(found) > highest}
    if not deep and not tall:
        return
    for b in blocks:
        for ln in b.get("lines", ()):
            if tuple(ln.get("dir", (1, 0))) != (1.0, 0.0):
                continue
            cut = False
            for s in ln["spans"]:
                if s["size"] < 1.0:
                    continue
                x0, y0, x1, y1 = s["bbox"]
                if s["font"] in deep:
                    floor = s["origin"][1] + _DEEPEST_DESCENT * s["size"]
                    if y1 > floor > y0:
                        # (a box that begins at the baseline, all of it under it, is the font's
                        # height turned upside down, its letters over the baseline: dvips's Type 3
                        # "Freebase" in a figure, EMNLP 2015, its box 63 pt down from its baseline;
                        # cut to the depth alone it sat under its letters and the crop lost them)
                        if y0 >= s["origin"][1] - 0.05 * s["size"] and any(map(str.isalnum, s["text"])):
                            y0 = s["origin"][1] - _ASCENT * s["size"]
                        s["bbox"] = (x0, y0, x1, floor)
                        y1 = floor
                        cut = True
                if s["font"] in tall:
                    ceiling = s["origin"][1] - _ASCENT * s["size"]
                    if y0 < ceiling < y1:
                        s["bbox"] = (x0, ceiling, x1, y1)
                        cut = True
            if cut:
                x0, _, x1, _ = ln["bbox"]
                ln["bbox"] = (x0, min(s["bbox"][1] for s in ln["spans"]), x1, max(s["bbox"][3] for s in ln["spans"]))


# TeX's OT1 positions of the ligatures: a Type 3 font from dvips keeps them as its character codes.
_OT1_LIGATURES = {11: "ff", 12: "fi", 13: "fl", 14: "ffi", 15: "ffl"}
# TeX's T1 (Cork) positions of the ligatures, which a font without a map to Unicode gives as control
# characters; from U+001C on, str.split() takes them for spaces ("o\x1ecial" would read "o cial").
# The same fonts (dvips's bitmap fonts) give T1's curly double quotes, en and em dashes by their
# positions too: "\x10reasoning errors\x11", "C1\x15C5". Each is named only where it stands as
# one: a quote opening before a word or closing after one, a dash between two words or numbers
# or two spaces (OT1, the older encoding, has accents there, set over a letter, not between).
# And the private-use code points Apple's fonts (Times New Roman among them) keep their fi and fl
# ligatures at, U+F001 and U+F002, which a copy printed anew through cairo maps them to where the
# original's map said U+FB01 ("Ef\uf001cient Approximations": a heading that lost its "fi").
_T1_LIGATURES = {"\x1b": "ff", "\x1c": "fi", "\x1d": "fl", "\x1e": "ffi", "\x1f": "ffl",
                 "\x10": "\u201c", "\x11": "\u201d", "\x15": "\u2013", "\x16": "\u2014", "\uf001": "fi", "\uf002": "fl"}
_T1_LIGATURE = compile_later(r"(?<=[^\W\d_])[\x1b-\x1f\uf001\uf002]|[\x1b-\x1f\uf001\uf002](?=[a-z])|(?<![^\s(\[])\x10(?=\w)|"
                             r"(?<=[\w.,;:!?)])\x11(?![^\s.,;:!?)\]])|(?<=\w)[\x15\x16](?=\w)|(?<= )[\x15\x16](?= )")


def _named_ligatures(text: str) -> str:
    """The text with T1 ligatures given as control characters inside words named ("E\x1bects" reads
    "Effects", "\x1crst" "first"); most text is printable, and passes untouched."""
    return text if text.isprintable() else _T1_LIGATURE.sub(lambda m: _T1_LIGATURES[m.group()], text)


def _unnamed(text: str) -> list[int]:
    """Positions of the characters a text layer could not name: U+FFFD and control characters."""
    return [i for i, ch in enumerate(text) if ch == "\ufffd" or ch < "\x10"]


def _repair_type3_text(page, blocks: list[dict], candidates: list[dict] | None = None) -> None:
    """Name the characters of Type 3 fonts (Ghostscript's and dvips's bitmap fonts of 1990s papers)
    that the text layer leaves unnamed, by their character code: digits whose glyphs are named "/1"
    ... "/9" come out as U+0001 ... U+0009 ("\\x06\\x050 Harry Road" for "650 Harry Road"), TeX's
    ligatures at codes 11-15 as U+FFFD ("di\\ufffderent" for "different"). The codes are read from
    the page's text trace, only on a page that has such characters."""
    spans = [s for s in (candidates if candidates is not None else _all_spans(blocks))
             if s["font"].startswith("Type3") and ("\ufffd" in s["text"] or not s["text"].isprintable()) and
             _unnamed(s["text"])]  # (a printable text without U+FFFD has none: told in C, for every span)
    if not spans:
        return
    codes: dict[int, list[tuple[float, int]]] = {}  # baseline -> (x, code) of every unnamed character
    for trace in page.get_texttrace():
        for ucs, code, origin, _ in trace["chars"]:
            if ucs == 0xFFFD or ucs < 16:
                codes.setdefault(round(origin[1]), []).append((origin[0], code))
    for span in spans:
        x0, _, x1, _ = span["bbox"]
        found = sorted(c for c in codes.get(round(span["origin"][1]), ()) if x0 - 1 <= c[0] <= x1 + 1)
        where = _unnamed(span["text"])
        if len(found) != len(where):
            continue  # not the same characters: leave them unnamed
        text = list(span["text"])
        for i, (_, code) in zip(where, found):
            if 48 <= code <= 57:
                text[i] = chr(code)
            elif code in _OT1_LIGATURES:
                text[i] = _OT1_LIGATURES[code]
        span["text"] = "".join(text)


# A map to Unicode entry "<0001> <0092>": the font names its glyph by a byte of the Windows code page
# (0x92, the right quote), written as the C1 control character of that number.
_WINDOWS_ENTRY = compile_later(r"<([0-9a-fA-F]{4})>\s*<00([89][0-9a-fA-F])>")


def _to_unicode_map(doc, xref: int) -> str:
    """The text of the font's map to Unicode (its ToUnicode CMap); "" when it has none or the stream
    is broken (its characters then stay unnamed)."""
    found = cached(r"/ToUnicode\s+(\d+)\s+0\s+R").search(doc.xref_object(xref))
    try:
        return doc.xref_stream(int(found[1])).decode("latin-1") if found is not None else ""
    except Exception:
        return ""


def _repair_windows_codes(page, blocks: list[dict], candidates: list[dict] | None = None) -> None:
    """Name the characters whose font maps them to Unicode as bytes of the Windows code page (cp1252):
    a document printed anew through cairo maps its apostrophes to U+0092 where the original font had
    byte 0x92 ("Amazon’s" in Arial), which the text layer takes for no name (U+FFFD). Only the
    two-byte codes of a composite font (Identity-H: the code is the glyph the page's trace gives)
    are named, from the fonts of the unnamed characters' spans' names, only on a page that has
    such characters, the trace read only when a map has such entries for more than one character."""
    spans = [s for s in (candidates if candidates is not None else _all_spans(blocks)) if "\ufffd" in s["text"]]
    if not spans:
        return
    doc = page.parent
    key = _font_key  # (the text layer names a font as its program does: "Nimbus Roman Bold" is "NimbusRoman-Bold")
    wanted = {key(s["font"]) for s in spans}
    fonts = page.get_fonts()
    # (only names with a composite font: a math font's unnamed symbols, most pages' U+FFFD, pass by)
    wanted &= {key(f[3]) for f in fonts if f[2] == "Type0" and f[5] == "Identity-H"}
    if not wanted:
        return
    names: dict[str, dict[int, str | None]] = {}  # font name -> glyph -> its Windows character
    # (a name whose every unnamed character is one of its Windows entries, all one character: the
    # map of its composite font holds nothing else, its other fonts' maps leave nothing unnamed.
    # There the characters are named without the page's trace, a second pass over its text.)
    plain: dict[str, bool] = {}
    for xref, _, kind, base, _, encoding in fonts:
        name = key(base)
        if name not in wanted:
            continue
        cmap = _to_unicode_map(doc, xref)
        entries = _WINDOWS_ENTRY.findall(cmap)
        if kind != "Type0" or encoding != "Identity-H" or not entries:
            plain[name] = plain.get(name, True) and bool(cmap) and "fffd" not in cmap.lower() and not entries
            continue
        plain[name] = plain.get(name, True) and "bfrange" not in cmap and \
            len(cached(r"<[0-9a-fA-F]+>\s*<[0-9a-fA-F]+>").findall(cmap.rpartition("endcodespacerange")[2])) == len(entries)
        table = names.setdefault(name, {})
        for code, byte in entries:
            named = bytes([int(byte, 16)]).decode("cp1252", errors="replace")
            # (two fonts of one name that name a code apart: neither is trusted)
            glyph = int(code, 16)
            table[glyph] = named if table.get(glyph, named) == named and named != "\ufffd" else None
    if not any(names.values()):
        return
    spans = [s for s in spans if names.get(key(s["font"]))]
    alone = {name: next(iter(set(table.values()))) for name, table in names.items()
             if plain.get(name) and len(set(table.values())) == 1 and None not in table.values()}
    for span in [s for s in spans if key(s["font"]) in alone]:
        span["text"] = span["text"].replace("\ufffd", alone[key(span["font"])])
    spans = [s for s in spans if key(s["font"]) not in alone]
    if not spans:
        return
    codes: dict[int, list[tuple[float, int, str]]] = {}  # baseline -> (x, glyph, font) of every unnamed character
    for trace in page.get_texttrace():
        if names.get(key(trace["font"])):
            for ucs, glyph, origin, _ in trace["chars"]:
                if ucs == 0xFFFD:
                    codes.setdefault(round(origin[1]), []).append((origin[0], glyph, key(trace["font"])))
    for span in spans:
        x0, _, x1, _ = span["bbox"]
        found = sorted(c for c in codes.get(round(span["origin"][1]), ()) if x0 - 1 <= c[0] <= x1 + 1 and c[2] == key(span["font"]))
        where = [i for i, ch in enumerate(span["text"]) if ch == "\ufffd"]
        if len(found) != len(where):
            continue  # not the same characters: leave them unnamed
        text = list(span["text"])
        for i, (_, glyph, _) in zip(where, found):
            text[i] = names[key(span["font"])].get(glyph) or text[i]
        span["text"] = "".join(text)


def _repair_glyph_names(page, blocks: list[dict], candidates: list[dict] | None = None) -> None:
    """Name the characters that a font's map to Unicode gives as U+FFFD by the names its program
    gives their glyphs. A document printed anew through cairo (poppler's `pdftocairo`, a browser's
    print to PDF) embeds a font's ligatures apart, in a subset whose map to Unicode names every
    glyph U+FFFD, though the glyphs keep their names ("f_i", "f_f_i", "T_h"): the words lost their
    letters ("Speci cally", " is is"). Only a font whose map names some glyph U+FFFD is read; each
    unnamed character's glyph is read from the page's text trace, which names its font without
    the subset's tag (a copy holds several subsets of one name): a glyph is named only by the fonts
    of its name whose glyph of that number advances as far as the character is wide, and only
    where they name it alike; else it stays unnamed."""
    spans = [s for s in (candidates if candidates is not None else _all_spans(blocks))
             if "\ufffd" in s["text"] and not s["font"].startswith("Type3")]
    if not spans:
        return
    doc = page.parent
    key = _font_key
    wanted = {key(s["font"]) for s in spans}
    fonts: dict[str, list[tuple[dict[int, str], dict[int, float]]]] = {}
    for xref, _, kind, base, _, _ in page.get_fonts():
        name = key(base)
        if name not in wanted or kind == "Type3":
            continue
        if "fffd" not in _to_unicode_map(doc, xref).lower():
            continue
        from paperkit.reading.glyph_repairs import named_glyphs

        named = named_glyphs(doc, xref)
        if named is not None:
            fonts.setdefault(name, []).append(named)
    if not fonts:
        return
    codes: dict[int, list[tuple[float, str, str]]] = {}  # baseline -> (x, text, font) of each character named
    for trace in page.get_texttrace():
        name = key(trace["font"])
        if name not in fonts:
            continue
        size = trace["size"]
        for ucs, glyph, origin, box in trace["chars"]:
            if ucs != 0xFFFD or glyph < 0:
                continue
            width = (box[2] - box[0]) / size if size > 0 else 0.0
            texts = {texts[glyph] for texts, advances in fonts[name]
                     if glyph in texts and abs(advances[glyph] - width) <= 0.02}
            if len(texts) == 1:
                codes.setdefault(round(origin[1]), []).append((origin[0], texts.pop(), name))
            else:
                codes.setdefault(round(origin[1]), []).append((origin[0], "\ufffd", name))
    for span in spans:
        name = key(span["font"])
        if name not in fonts:
            continue
        x0, _, x1, _ = span["bbox"]
        found = sorted(c for c in codes.get(round(span["origin"][1]), ()) if x0 - 1 <= c[0] <= x1 + 1 and c[2] == name)
        where = [i for i, ch in enumerate(span["text"]) if ch == "\ufffd"]
        if len(found) != len(where):
            continue  # not the same characters: leave them unnamed
        text = list(span["text"])
        for i, (_, named, _) in zip(where, found):
            text[i] = named
        span["text"] = "".join(text)


# TeX's math extension fonts (cmex, Latin Modern's lmex) name their glyphs in TeX's OMX encoding
# ("summationtext", "radicalbig"), which the text layer cannot turn into Unicode: PyMuPDF gives
# U+FFFD for every sum, product, integral, root and big bracket. The character code names them.
_EXTENSION_FONT = compile_later(r"cmex|lmmathextension|lmex\d", re.IGNORECASE)
# OMX codes 0x00-0x7F, sixteen a row; "" for the pieces that only draw an extensible glyph's middle
# (a root's vertical bar, a horizontal brace's tips). The wide accents (0x62-0x67) are set before
# the letter they stand over, as spacing accents that `_compose_accents` puts on it.
_OMX = ("()[]⌊⌋⌈⌉{}⟨⟩|‖/\\" "()()[]⌊⌋⌈⌉{}⟨⟩/\\" "()[]⌊⌋⌈⌉{}⟨⟩/\\/\\" "⎛⎞⎡⎤⎣⎦⎢⎥⎧⎫⎩⎭⎨⎬⎪⏐"
        "⎝⎠⎜⎟⟨⟩⨆⨆∮∮⨀⨀⨁⨁⨂⨂" "∑∏∫⋃⋂⨄⋀⋁∑∏∫⋃⋂⨄⋀⋁" "∐∐ˆˆˆ˜˜˜[]⌊⌋⌈⌉{}" "√√√√√\0\0‖↑↓\0\0\0\0⇑⇓")
_EXTENSION_CHARS = frozenset(_OMX.replace("\0", "").replace("ˆ", "").replace("˜", ""))
_BIG_OPERATORS = frozenset("∑∏∐∫∮⋃⋂⨆⨀⨁⨂⨄⋀⋁\ufffd")  # (an unnamed glyph: most often one of them)


def _repair_extension_glyphs(page, blocks: list[dict], candidates: list[dict] | None = None) -> None:
    """Name the glyphs of math extension fonts that the text layer leaves as U+FFFD (∑, √, ∫, big
    brackets) by their OMX character code, which the page's text gives in their place when asked
    to. Only glyphs in a row of prose are named (read again only over them, only on a page that
    has them): in a display equation, which is shown from the page, they would cost a second read
    of most pages of a paper full of math."""
    import pymupdf

    spans = [s for s in (candidates if candidates is not None else _all_spans(blocks))
             if "\ufffd" in s["text"] and _EXTENSION_FONT.search(s["font"])]
    if not spans:
        return
    rows = sorted(((ln["bbox"], ln) for b in blocks for ln in b.get("lines", ())), key=lambda r: r[0][1])
    # (the rows by their tops: a glyph is weighed against the rows level with it alone, found by
    # bisection, not against every row of its page; a page of math has hundreds of glyphs and rows)
    tops = [row[1] for row, _ in rows]
    tallest = max((row[3] - row[1] for row, _ in rows), default=0.0)
    if any(row[1] != row[1] or row[3] != row[3] for row, _ in rows):  # (a NaN edge sorts nowhere: every row is looked at)
        tops = None
    prose: dict[int, bool] = {}

    def in_prose(line: dict) -> bool:
        # (the letters counted only on the rows a glyph stands in, once each, not on every line of
        # a page of math; map: counted in C)
        found = prose.get(id(line))
        if found is None:
            found = prose[id(line)] = sum(sum(map(str.isalpha, s["text"])) for s in line["spans"]
                                          if not MATH_FONT.search(s["font"])) >= 6
        return found

    def in_prose_row(span: dict) -> bool:
        # (a page of math has hundreds of such glyphs and rows: the span's box read once, and the
        # rows it does not start in passed over by their sides first, without a call)
        x0, y0, _, y1 = span["bbox"]
        # (a row that reaches below y0 has its top above y0 - tallest, a point given for rounding;
        # one that meets the glyph has its top above y1)
        level = rows if tops is None else rows[bisect.bisect_right(tops, y0 - tallest - 1.0):bisect.bisect_left(tops, y1)]
        return any(row[0] <= x0 <= row[2] and min(y1, row[3]) > max(y0, row[1]) and in_prose(line) for row, line in level)

    spans = [s for s in spans if in_prose_row(s)]
    if not spans:
        return
    clip = pymupdf.Rect(spans[0]["bbox"])
    for s in spans[1:]:
        clip |= s["bbox"]
    again = page.get_text("dict", flags=_text_flags() | pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE,
                          clip=clip + (-1, -1, 1, 1))
    coded = {(s["font"], round(s["origin"][0], 1), round(s["origin"][1], 1)): s["text"]
             for b in again["blocks"] for ln in b.get("lines", ()) for s in ln["spans"]}
    for span in spans:
        codes = coded.get((span["font"], round(span["origin"][0], 1), round(span["origin"][1], 1)))
        if codes is None or len(codes) != len(span["text"]):
            continue  # not the same characters: leave them unnamed
        span["text"] = "".join(_OMX[ord(code)].strip("\0") if ch == "\ufffd" and ord(code) < 128 else ch
                               for ch, code in zip(span["text"], codes))


# latexsym's and wasysym's fonts (lasy, wasy) set the square \\Box, TeX's end-of-proof mark, at
# code 0x32 and \\Diamond at 0x33, and carry no Unicode names: the text layer reads the codes as the
# digits "2" and "3", a stray "2" after a proof's last word. Only a span of one such glyph is named.
_BOX_FONT = compile_later(r"wasy|lasy", re.IGNORECASE)
_BOX_CODES = {"2": "□", "3": "◇"}
_QED_MARKS = frozenset("□■∎")


# A font's weight as its glyphs draw it. A copy printed through another library (cairo, as browsers
# print to PDF) renames every font it re-embeds ("CairoFont-6-0") and clears the descriptor's bold
# flag, so neither says that a heading is bold; the outlines still are. (Only in a document whose
# names and flags say no weight anywhere: `_mark_drawn_bold`.) A bold face's vertical stems
# are wider than a tenth of the em (Times Bold, CM bold extended, Libertine Bold: 0.11-0.15 em), a
# regular face's narrower (Times, CM Roman, Helvetica, Verdana: 0.065-0.10 em).
_STEM_LETTERS = "lIihnmudbpqrHLNEFT1"
_BOLD_STEM = 0.107  # of the em
# A face drawn bold beside the page's running text has stems this much wider than the text's, or more
# (regular text faces and their bold: 1.3 to 2.2 times over the tune papers).
_BODY_STEM_RATIO = 1.2


def _stem_width(font_buffer: bytes) -> float | None:
    """The median width, in ems, of the ink runs across a few upright letters of the font drawn at
    100 pt (its vertical stems), or None when the font has fewer than three of them."""
    return _stems_and_slant(font_buffer)[0]


# Letters whose left edge is a stem from the baseline to the x-height: upright in a roman face
# (Times, Helvetica, Courier: 0.0; their bold faces 0.0 to -0.06, a serif's foot), leaning right
# by the face's slope in an italic or oblique one (Times Italic 0.34, Helvetica Oblique 0.21,
# CM text italic 0.19, Times Bold Italic 0.19: 11 to 19 degrees).
_SLANT_LETTERS = "lIihnmbprHLNEF"
_ITALIC_SLANT = 0.12  # run over rise, about 7 degrees


def _stems_and_slant(font_buffer: bytes) -> tuple[float | None, float | None]:
    """`_stem_width`, and the font's slant: the median run over rise of the left edges of a few
    letters (`_SLANT_LETTERS`) from near the baseline to near the x-height, drawn in one go; None
    for either when the font has fewer than three of its letters or cannot be drawn."""
    import pymupdf

    try:
        font = pymupdf.Font(fontbuffer=font_buffer)
        letters = [c for c in _STEM_LETTERS if font.has_glyph(ord(c))][:6]
        leaning = [c for c in _SLANT_LETTERS if font.has_glyph(ord(c))][:6]
        if len(letters) < 3 and len(leaning) < 3:
            return None, None
        shown = letters + leaning
        doc = pymupdf.open()
        page = doc.new_page(width=110 * len(shown) + 20, height=140)
        writer = pymupdf.TextWriter(page.rect)
        for i, c in enumerate(shown):
            writer.append((10 + 110 * i, 110), c, font=font, fontsize=100)
        writer.write_text(page)
        pix = page.get_pixmap(colorspace=pymupdf.csGRAY, alpha=False)
    except Exception:  # a font program FreeType cannot read: its weight and slope stay unknown
        return None, None
    width, samples, runs = pix.width, pix.samples, []
    stems_end = 110 * len(letters) + 10
    for y in range(62, 106, 4):  # rows between the x-height and the baseline
        run = 0.0
        for v in samples[y * width:y * width + stems_end]:
            if v < 250:
                run += (255 - v) / 255  # partly inked pixels count in part: widths finer than a pixel
            elif run:
                runs.append(run)
                run = 0.0
    stem = statistics.median(runs) / 100 if len(letters) >= 3 and len(runs) >= 3 else None
    slopes = []
    for i in range(len(letters), len(shown)):
        edges = []
        for y in (100, 66):  # 10 pt over the baseline (above a serif's foot), and near the x-height
            row = samples[y * width + 110 * i:y * width + 110 * (i + 1) + 10]
            edges.append(next((k for k, v in enumerate(row) if v < 128), None))
        if None not in edges:
            slopes.append((edges[1] - edges[0]) / 34)
    return stem, statistics.median(slopes) if len(slopes) >= 3 else None


def _drawn_bold_fonts(page) -> frozenset:
    """The names (`_font_key`) of the page's fonts whose glyphs are drawn bold though neither
    the name nor the flags say so; each font of the document is measured once."""
    return _drawn_faces(page)[0]


def _drawn_faces(page, only=None, body: str | None = None) -> tuple[frozenset, frozenset]:
    """`_drawn_bold_fonts`, and the names of the page's fonts whose glyphs lean as italic ones do
    (`_ITALIC_SLANT`) though the name does not say so; each font of the document is measured once.
    (`only`: a test of a font's name, the fonts it refuses left unmeasured. `body`: the key of the
    font the page's running text is set in, where the caller knows it: see `_BODY_STEM_RATIO`.)"""
    doc = page.parent
    cache = getattr(doc, "_paperkit_stems", None)
    if cache is None:
        cache = {}
        with contextlib.suppress(Exception):
            doc._paperkit_stems = cache
    heavy: dict[str, bool] = {}
    leaning: dict[str, bool] = {}
    stems: dict[str, float] = {}
    body_stem: dict[str, float] = {}
    for xref, ext, _kind, basefont, *_ in page.get_fonts():
        name = _base_font_name(basefont)
        traits = _font_traits(name)
        if ext not in ("cff", "pfa", "ttf", "otf", "cid") or traits[0] or traits[3] or (only is not None and not only(name)):
            continue
        if xref not in cache:
            found = (None, None)
            with contextlib.suppress(Exception):
                buffer = doc.extract_font(xref)[3]
                found = _stems_and_slant(buffer) if buffer else (None, None)
            cache[xref] = found
        stem, slant = cache[xref]
        key = _font_key(name)
        if stem is not None:
            heavy[key] = heavy.get(key, True) and stem >= _BOLD_STEM
            stems[key] = min(stems.get(key, stem), stem)
            if key == body:
                body_stem[key] = stems[key]
        if slant is not None and not traits[1]:
            leaning[key] = leaning.get(key, True) and slant >= _ITALIC_SLANT
    if body is not None and body_stem.get(body):
        # The running text's face is the page's regular one: it is not bold, and a face is bold
        # beside it only when its stems are clearly wider (Nature Communications' text face, hashed
        # "AdvOTdd63dae3", draws stems of 0.109 em, over `_BOLD_STEM`; its bold subheads 0.153 em).
        least = _BODY_STEM_RATIO * body_stem[body]
        heavy = {key: bold and key != body and stems[key] >= least for key, bold in heavy.items()}
    return (frozenset(key for key, bold in heavy.items() if bold),
            frozenset(key for key, italic in leaning.items() if italic))


def _first_page_names_weights(doc) -> bool:
    """Whether a font of the document's first page is bold by its name (kept on the document)."""
    return _first_page_fonts(doc)[0]


def _first_page_fonts(doc) -> tuple[bool, frozenset]:
    """Whether a font of the document's first page is bold by its name, and the keys (`_font_key`)
    of that page's fonts (kept on the document)."""
    known = getattr(doc, "_paperkit_first_fonts", None)
    if known is None:
        named, keys = False, frozenset()
        with contextlib.suppress(Exception):
            names = [_base_font_name(font[3]) for font in doc.get_page_fonts(0)]
            named = any(_font_traits(name)[0] for name in names)
            keys = frozenset(_font_key(name) for name in names)
        known = (named, keys)
        with contextlib.suppress(Exception):
            doc._paperkit_first_fonts = known
    return known


def _base_font_name(basefont: str) -> str:
    """The font's name without a subset's tag ("ABCDEF+Times-Bold": "Times-Bold")."""
    return basefont.split("+", 1)[-1] if cached(r"[A-Z]{6}\+").match(basefont) else basefont


@functools.lru_cache(maxsize=512)
def _font_key(name: str) -> str:
    """A font's name without a subset's tag, its spaces and hyphens: a composite font's name as the
    page lists it ("ABCDEF+Nimbus Roman Bold") and as its spans give it ("NimbusRoman-Bold") meet."""
    return cached(r"[\W_]").sub("", _base_font_name(name)).lower()


# A font's name that is a hash, eight hexadecimal digits and more with both digits and letters among
# them ("AdvOTcb88df00", "font000000001dda7218"), no family's or weight's name.
_OPAQUE_FONT = compile_later(r"(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{8,}(?![.][BI])")


# The name cairo gives a font it embeds anew without the original's name ("CairoFont-9-0"), which
# says nothing of its weight or slope, whatever the names of the fonts it kept say.
_CAIRO_FONT = compile_later(r"(?:[A-Z]{6}\+)?CairoFont-\d+-\d+$")


@functools.lru_cache(maxsize=512)
def _weightless_font(font: str) -> bool:
    """Whether a font's name says nothing of its weight or slope, whatever the other fonts' names
    say: a name cairo gave it (`_CAIRO_FONT`) or a hash (`_OPAQUE_FONT`). Its glyphs tell."""
    return bool(_CAIRO_FONT.match(font) or _OPAQUE_FONT.search(_base_font_name(font)))


def _mark_drawn_bold(page, blocks: list[dict], weights_named: bool | None = None) -> None:
    """Give the bold flag to spans in a font `_drawn_bold_fonts` finds bold, on a page whose
    names and flags tell no weight: where the first page's fonts or this page's spans are bold by
    name or flags, the document names its weights, and no font is loaded and drawn (a few
    milliseconds each). (Asked of the first page and this one only, not of the pages read before:
    pages read in other processes, or in another order, must come out the same.)
    (`weights_named`: whether this page's spans are bold by name or flags, when the caller knows.)
    A font whose name says nothing of its weight (`_weightless_font`: a hash, "AdvOTcb88df00", as a
    typesetter that renames its fonts gives; or the name cairo gives a font it embeds anew) is
    measured whatever the other fonts' names say, on any page: its glyphs tell (Springer Nature's
    section headings, bold only in their glyphs beside an "Arial-BoldMT" banner on page 1; Nature
    Communications' subheads, hashed, on a page whose figure labels are in "Arial-BoldMT"; a copy
    printed anew through cairo keeps "MyriadPro-Bold" and renames MyriadPro-BoldIt "CairoFont-9-0",
    a journal's subsection headings)."""
    spans = _all_spans(blocks)
    only = None
    named_here = weights_named if weights_named is not None else any(
        s["flags"] & 16 or _font_traits(s["font"])[0] for s in spans)
    if named_here:
        if not any(_weightless_font(s["font"]) for s in spans):
            return
        only = _weightless_font
    else:
        # A first page that names its weights speaks for the pages set in its fonts, not for a page
        # set in none of them: a part printed apart and joined on (a supplement after the references,
        # its fonts embedded again under names that say no weight, "CairoFont-16-0" for CM bold
        # extended, while the paper's own pages kept "Times-Bold") shows its weights only in its glyphs.
        named, first = _first_page_fonts(page.parent)
        if named and (not first or any(_font_key(s["font"]) in first for s in spans)):
            if not any(_weightless_font(s["font"]) for s in spans):
                return
            only = _weightless_font
    # (the page's running text: the font most of its characters are set in)
    weight: dict[str, int] = {}
    for s in spans:
        key = _font_key(s["font"])
        weight[key] = weight.get(key, 0) + len(s["text"])
    bold, italic = _drawn_faces(page, only, max(weight, key=weight.get) if weight else None)
    # (the italic flag too, where the page's spans name no slope: a copy that clears the bold flag
    # clears the italic one, "CairoFont-7-0" for CM text italic, and the italic headings were lost;
    # on a page whose spans name their weights, the slope of a font cairo renamed is its glyphs')
    cairo = named_here and any(_CAIRO_FONT.match(s["font"]) for s in spans)
    if italic and not cairo and any(s["flags"] & 2 or _font_traits(s["font"])[1] for s in spans):
        italic = frozenset()
    _apply_faces(blocks, bold, italic)


def _apply_faces(blocks: list[dict], bold: frozenset, italic: frozenset) -> None:
    """Give the bold flag to the spans in a font of `bold` (`_font_key`), the italic one to those
    in a font of `italic`."""
    if not bold and not italic:
        return
    for block in blocks:
        for line in block.get("lines", ()):
            for span in line["spans"]:
                key = _font_key(span["font"])
                if key in bold:
                    span["flags"] |= 16
                if key in italic:
                    span["flags"] |= 2


@functools.lru_cache(maxsize=512)
def _box_font(font: str) -> bool:
    return bool(_BOX_FONT.search(font))


def _repair_box_glyphs(blocks: list[dict], candidates: list[dict] | None = None) -> None:
    """Name a lone square or diamond of a latexsym/wasysym font (see `_BOX_FONT`)."""
    for s in candidates if candidates is not None else _all_spans(blocks):
        text = s["text"]
        if len(text) <= 2 and text.strip() in _BOX_CODES and _BOX_FONT.search(s["font"]):
            s["text"] = text.replace(text.strip(), _BOX_CODES[text.strip()])


def _all_spans(blocks: list[dict]) -> list[dict]:
    return [s for b in blocks for ln in b.get("lines", ()) for s in ln["spans"]]


FOOTNOTE_MARK = compile_later(r"^(?:\d{1,2}|[∗*†‡§¶♯♮⋆]{1,2})$")
# Raised numbers called inside a line: a footnote's mark, or citations as Nature and physics journals
# print them ("networks¹²", "shown²,³", "before⁴⁻⁶"); parse_document tells the two apart.
CALL_MARK = compile_later(r"^(?:[∗*†‡§¶♯♮⋆]{1,2}|\d{1,3}(?:\s?[,–\-]\s?\d{1,3})*)$")


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

    def small_and_high(s: dict) -> bool:
        return s["size"] <= 0.8 * size and s["origin"][1] < baseline - 0.15 * size

    def raised(s: dict) -> bool:
        return bool(FOOTNOTE_MARK.match(s["text"].strip())) and small_and_high(s)

    def variable(s: dict) -> bool:
        # A lone italic letter is a math variable in a text font (mathptmx, newtxmath): "c⁰", "l²";
        # a lone capital raised to a power names a measure or a space ("M²", "R²", "L²").
        lone = cached(r"(?:^|[^\w])([A-Za-z])$").search(s["text"].rstrip())
        return bool(lone) and (_is_italic(s) or lone.group(1).isupper())

    def symbol_glyph(s: dict, before: dict) -> bool:
        # A mark drawn from a symbol font of its own (a star or dagger) that the text layer names by
        # the glyph's code, a letter ("assessment" + raised "q" for ☆ over Elsevier's title): one
        # lower-case letter, upright, in a family other than the word's before it and no math font.
        # (A letter raised as an affiliation's mark is set in the names' own font; a math variable
        # is italic or in a math font, and a power's letter follows a symbol or a short name, "h^p",
        # "R^d", "log^n", not a word of four letters or more.)
        text = s["text"].strip()
        return len(text) == 1 and "a" <= text <= "z" and not _is_italic(s) and \
            not MATH_FONT.search(s["font"]) and _font_family(s["font"]) != _font_family(before["font"]) and \
            bool(cached(r"[A-Za-z]{4,}[.,;:)]?$").search(before["text"].rstrip()))

    def raised_with_space(s: dict, after: dict) -> bool:
        # A mark raised by the text's rise with the space after it, the line's words set back on the
        # baseline in that span (Google Docs' notes, "⁷ https://..."): the span takes the raised
        # space's origin, the mark's, though its box reaches a line's depth under the mark's.
        return bool(FOOTNOTE_MARK.match(s["text"].strip())) and s["size"] <= 0.8 * after["size"] and \
            after["text"][:1].isspace() and abs(after["origin"][1] - s["origin"][1]) < 0.5 and \
            after["bbox"][3] - s["bbox"][3] > 0.3 * after["size"] and abs(after["size"] - size) < 0.3

    def inside_word(i: int, end: int) -> bool:
        # A raised digit between two letters of a word, touching both, is the word's own: a name
        # that raises a numeral in it (NAACL 2022's title "Re²G: Retrieve, Rerank, Generate"), no
        # note's call; a call is followed by a space, a gap or punctuation.
        if end >= len(spans) or not spans[i]["text"].strip().isdigit():
            return False
        after = spans[end]
        return after["text"][:1].isalpha() and not spans[i - 1]["text"][-1:].isspace() and \
            after["bbox"][0] - spans[end - 1]["bbox"][2] < 0.1 * after["size"] and \
            spans[i]["bbox"][0] - spans[i - 1]["bbox"][2] < 0.1 * after["size"]

    lead = visible[0]["text"].strip() if raised(visible[0]) or raised_with_space(visible[0], visible[1]) else None
    calls: list[str] = []
    kept: list[dict] = []
    taken_to = None  # (the right edge of a call just taken out, while no span has followed it)
    i = 0
    while i < len(spans):
        s = spans[i]
        if taken_to is not None and s["text"][:1].isalnum() and kept and not kept[-1]["text"][-1:].isspace() and \
                s["bbox"][0] - taken_to >= 0.2 * s["size"]:
            # A word a word space past the mark taken out, no space character between them (acmart's
            # names: "Chang Ge" + raised "§∗" + "Yinan Li", the gap drawn, no space glyph): the space
            # stays, or the names ran together, "Chang GeYinan Li".
            s = dict(s, text=" " + s["text"])
        taken_to = None
        # A call may come in pieces, each character a span of its own (Nature's "²,⁹⁻¹¹": "2", ",",
        # "9", "–", "11" on one raised baseline): the run of raised spans on that baseline is one mark,
        # or "9" alone was taken and ",–11" stayed in the sentence.
        end = i + 1
        if s["text"].strip() and small_and_high(s):
            while end < len(spans) and spans[end]["text"].strip() and small_and_high(spans[end]) and \
                    abs(spans[end]["origin"][1] - s["origin"][1]) < 0.5 and abs(spans[end]["size"] - s["size"]) < 0.5:
                end += 1
        run = "".join(t["text"] for t in spans[i:end]).strip() if end > i + 1 else s["text"].strip()
        if end > i + 1 and not CALL_MARK.match(run):  # (no one mark: each piece is weighed alone)
            end, run = i + 1, s["text"].strip()
        before = kept[-1] if kept else None
        if before is not None and not before["text"].strip() and len(kept) >= 2 and kept[-2]["text"].strip() and \
                before["font"] == s["font"] and not CALL_MARK.match(run) and symbol_glyph(s, kept[-2]):
            before = kept[-2]  # (the space before the glyph set in the glyph's font: the word before it)
        if i > 0 and run and small_and_high(s) and before is not None and before["text"].strip() and \
                (CALL_MARK.match(run) or symbol_glyph(s, before)) and \
                not MATH_FONT.search(before["font"]) and cached(r"[A-Za-z.,;:)\]]$").search(before["text"].rstrip()) and \
                not variable(before) and not inside_word(i, end):
            calls.append(run)
            taken_to = spans[end - 1]["bbox"][2]
            i = end
            continue
        kept.append(s)
        i += 1
    return lead, calls, kept


_WORD_START = compile_later(r"[A-Za-z(“\"]")  # (a line that opens with a word, a parenthesis or a quote)


def _attach_lead_marks(lines: list[Line], height: float) -> list[Line]:
    """A footnote's raised mark that the text layer gives as a line of its own (ACL 2018: "2" in
    6 pt, then 17 pt on, "https://www.kaggle.com/c/" in 9 pt a little lower) opens the line of words
    to its right in the lower part of the page, as a mark inside one line does (`_footnote_marks`);
    alone, neither line was a footnote's and the note was read into the body text. (A raised digit
    before a formula's next piece is an exponent: a formula's pieces are no line of words.)"""
    marks = [ln for ln in lines if FOOTNOTE_MARK.match(ln.text) and ln.base is not None and ln.y0 > 0.6 * height]
    if not marks:
        return lines
    taken: set[int] = set()
    # (a page of tables holds many lone numbers low on the page: each mark looks only at the lines
    # whose right edge is near it, found by bisection, and at the lines of words, picked once)
    by_right = sorted(lines, key=lambda ln: ln.x1)
    rights = [ln.x1 for ln in by_right]
    worded = [ln for ln in lines if ln.base is not None and len(ln.text) >= 15 and _WORD_START.match(ln.text) and
              not ln.math_chars > 0.2 * len(ln.text)]
    for mark in marks:
        # Something just left of it (within two of its sizes): an exponent ("E{...}²"), not a note's
        # mark; the last line of the column to its left stands a gutter off (ACL: 17 pt, 6 pt marks).
        near = by_right[bisect.bisect_left(rights, mark.x0 - 2 * mark.size):bisect.bisect_right(rights, mark.x0 + 0.5)]
        if any(other is not mark and mark.x0 - 2 * mark.size <= other.x1 <= mark.x0 + 0.5 and
               other.y0 < mark.y1 and mark.y0 < other.y1 for other in near):
            continue
        for ln in worded:
            if ln is mark or ln.lead_mark or id(ln) in taken:
                continue
            if -0.5 <= ln.x0 - mark.x1 <= 3 * ln.size and mark.size <= 0.8 * ln.size and \
                    ln.y0 - 0.4 * ln.size <= mark.y0 and mark.y1 <= ln.y1 + 1 and mark.base < ln.base - 0.15 * ln.size:
                ln.lead_mark = mark.text
                ln.text = mark.text + ln.text
                ln.x0 = mark.x0
                ln.spans[:0] = mark.spans
                taken.add(id(mark))
                break
    return [ln for ln in lines if id(ln) not in taken]


# pdfLaTeX without T1 fonts sets an accented letter as two glyphs, the spacing accent first
# ("Sch¨utt", "´ecole"); the cedilla comes after its letter ("c¸a"). Math sets its accents so too,
# over Greek letters as well ("ˆµ", a wide tilde from the extension font before "σ").
_SPACING_ACCENTS = {"¨": "\u0308", "´": "\u0301", "ˆ": "\u0302", "˜": "\u0303", "ˇ": "\u030c", "˘": "\u0306",
                    "˚": "\u030a", "˝": "\u030b"}
_ACCENT_BEFORE = compile_later(r"([¨´ˆ˜ˇ˘˚˝]) ?([A-Za-zıα-ωΑ-Ωµ])")
_CEDILLA_AFTER = compile_later(r"([CcSsTt]) ?¸")
_GRAVE_INSIDE = compile_later(r"(?<=[A-Za-z])`([AEIOUaeiouNn])(?=[a-z]|[\s.,;:)]|$)")
_ACCENT_CHARS = frozenset("¨´ˆ˜ˇ˘˚˝¸")


def _compose_accents(text: str) -> str:
    if "↵" in text:
        # Some Type 1 fonts map their "ff" ligature to U+21B5 ("E↵ect", "di↵erent" in JMLR papers).
        text = cached(r"(?<=[A-Za-z])↵").sub("ff", text)
    if "`" in text:
        # TeX's grave accent, a spacing glyph read as a backtick, stands before the letter it goes
        # over inside a word ("Yor`ubá"): a backtick between letters is no quotation mark.
        text = _GRAVE_INSIDE.sub(lambda m: unicodedata.normalize("NFC", m.group(1) + "\u0300"), text)
    if text.isascii() or _ACCENT_CHARS.isdisjoint(text):  # (isascii: a flag of the string, no scan)
        return text
    text = _ACCENT_BEFORE.sub(lambda m: unicodedata.normalize("NFC", m.group(2).replace("ı", "i") +
                                                              _SPACING_ACCENTS[m.group(1)]), text)
    return _CEDILLA_AFTER.sub(lambda m: unicodedata.normalize("NFC", m.group(1) + "\u0327"), text)


def _faked_small_caps(spans: list[dict]) -> float | None:
    """The size of a line set in faked small capitals, else None. A font without a small-caps
    shape (Times) gives `\\scshape` as capitals in two sizes: each word's first letter at the
    text size, the rest about 80 % of it ("E" + "XPERT USAGE" in ICLR's subsubsections). The line
    counts at the larger size, so the heading's number beside it joins it."""
    sized = [(round(s["size"], 1), s["text"].strip()) for s in spans if any(map(str.isalpha, s["text"]))]
    if not sized or any(ch.islower() for _, text in sized for ch in text):
        return None
    big = max(size for size, _ in sized)
    small = [size for size, _ in sized if size < big - 0.5]
    if not small or not all(0.65 * big <= size <= 0.9 * big for size in small):
        return None
    # A small run set against a large one goes on the large one's word, which must be an initial (a
    # single capital, or a hyphenated word's): "E" + "XPERT", "VTAB B" + "REAKDOWN". A large run
    # followed by a space is a word of its own, an acronym typed in capitals ("SGD" + " VS"); "MAC"
    # + "S" is ordinary capitals at two sizes, not small capitals.
    runs = [(round(s["size"], 1), s["text"].strip(), s["bbox"][0], s["bbox"][2]) for s in spans
            if any(ch.isalpha() for ch in s["text"])]
    # (a sentence ending after the first word, a heading's number "II." aside)
    sentences = cached(r"[A-Za-z]{2} ?\. ").search(" ".join(s["text"].strip() for s in spans).split(None, 1)[-1])
    initials = camel = 0
    for k, ((size, text, _, end), (after, rest, start, _)) in enumerate(zip(runs, runs[1:])):
        if size >= big - 0.5 and after < big - 0.5 and start - end < 0.15 * big:
            if rest == "S" and k + 2 == len(runs) or rest.split()[0] == "S" and not sentences:
                # An acronym's plural in small capitals ending a heading whose other words have
                # initials: "R" + "ECOMMENDATIONS WITH" + " RNN" + "S" (ICLR), or inside one that
                # ends no sentence: "II. U" + "NDERSTANDING" + " SNN" + "S" + " AS" (IEEE SPM). (Inside
                # a caption's sentences, as in IEEE's "... M" + "IXTURES. MAC" + "S" + " ARE", it still
                # tells ordinary capitals.)
                continue
            if len(text.split()[-1].split("-")[-1]) > 2:  # ("K-N" + "EAREST": the hyphenated word's)
                # A name in capitals and lower case ("TSFlow": "TSF" + "LOW") among words with
                # initials of one letter ("T" + "RAINING A" + "LGORITHMS FOR TSF" + "LOW") is small
                # capitals too; alone, it is capitals at two sizes.
                camel += 1
                continue
            initials += 1
    return round(big * 2) / 2 if initials and initials >= camel else None


def _with_stray_subscripts(lines: list[Line]) -> list[Line]:
    """The lines with each subscript that the text layer gives as a line of its own put back into the
    line of words it belongs to, flat, as subscripts inside a line are (ICML: the "i" of "Y^(Sim)_i"
    set under the line that ends "... := ρSim(ZCode). Opera-"; alone, it was read as the next line
    and made "Operai" of the broken word). A subscript is a piece of one to three characters in
    smaller type, inside the line's width, its baseline lowered by a tenth to a half of the line's
    size. `lines` are sorted by rounded baseline, as `_merge_same_baseline` leaves them."""
    pieces = [ln for ln in lines if len(ln.text) <= 3 and ln.base is not None and " " not in ln.text]
    if not pieces:
        return lines
    # Only a line of four words or more takes a subscript: those are searched, by baseline. (A line
    # of fewer words takes none, so it never gains any; a piece, one word, is never such a line.
    # On a page whose text layer gives letters apart, thousands of pieces each went through the
    # hundreds of lines near its baseline.)
    keys = [round(ln.y1 if ln.base is None else ln.base) for ln in lines]
    hosts = lines
    if all(map(operator.le, keys, itertools.islice(keys, 1, None))):
        hosts = [ln for ln in lines if ln.base is not None and len(ln.text.split()) >= 4]
        keys = [round(ln.base) for ln in hosts]
    # (else, lines a join of row pieces moved off their order: all of them, as bisected before)
    taken: set[int] = set()
    for piece in pieces:
        lo, hi = bisect.bisect_left(keys, round(piece.base) - 7), bisect.bisect_right(keys, round(piece.base))
        for ln in hosts[lo:hi]:
            if ln is piece or ln.base is None or id(ln) in taken or piece.size > 0.8 * ln.size or \
                    not (ln.x0 < piece.x0 and piece.x1 < ln.x1) or not 0.1 * ln.size < piece.base - ln.base < 0.5 * ln.size \
                    or len(ln.text.split()) < 4:
                continue
            at = _text_offset_at(ln, piece.x0 - 1.0)
            if at is None:
                break
            ln.text = ln.text[:at] + piece.text + ln.text[at:]
            ln.spans = sorted(ln.spans + piece.spans, key=lambda span: span[0])
            ln.scripts += 1
            taken.add(id(piece))
            break
    return [ln for ln in lines if id(ln) not in taken] if taken else lines


def _join_row_pieces(lines: list[Line]) -> list[Line]:
    """The pieces of one printed row that the text layer gives as lines of their own off the row's
    baseline, joined to it left to right: inline math drawn taller than its row (a fraction's
    numerator and denominator, a sum sign with its limits, a stacked "Θ^g_0") has its pieces'
    baselines raised or lowered, and by baseline they were read before or after the row they
    belong to (NeurIPS: "... with d layers and w hidden s=1 ∈Rdin ×R, and the parameters units per
    layer."). A piece that holds math joins the line to its left when their boxes share at least
    half of the lower one's height and it starts within 0.6 of the type size after that line's end,
    or over its last half-em or its last short span (a script stacked over another: "K" over
    "k=1"). Two lines of one column overlap across, and two columns stand a gutter apart, so neither
    is joined; nor is a piece that starts flush with other lines (the next column's line, beside a
    display equation run into the gutter), nor the pieces of a display equation, which hold no
    words of prose (`_blocks` keeps those together). A raised footnote mark after words is a call
    of the line, as inside one (`_footnote_marks`). `lines` are sorted by rounded baseline."""
    if len(lines) < 2:
        return lines
    keys = [round(ln.y1 if ln.base is None else ln.base) for ln in lines]
    reach = 1.5 * max(ln.size for ln in lines) + 2
    edges = Counter(round(ln.x0) for ln in lines)
    taken: set[int] = set()
    # (a big operator drawn apart first: the limits stacked on it are then placed by it)
    pending = sorted(lines, key=lambda ln: (not _BIG_OPERATORS.issuperset(ln.text.replace(" ", "")), ln.x0))
    # A piece that, with the piece to its left, held no words of prose may get them from a piece
    # to its right, joined to it later in the pass ("{v¹" / "ᵢ, v²" / "ᵢ, . . . }. Our model is an
    # end-to-end", a set whose stacked scripts part the row three times): such pieces are tried
    # once more at the end.
    first = len(pending)
    for at, piece in enumerate(pending):  # (the list grows by the pieces tried again, after the rest)
        if id(piece) in taken:
            continue
        x = round(piece.x0)
        if edges[x - 1] + edges[x] + edges[x + 1] >= 4 or \
                not (piece.math_chars or piece.scripts or UNEXPRESSED.search(piece.text)) or \
                CAPTION.match(piece.text) or piece.height > 2.5 * piece.size:
            continue  # it starts where a column's lines start, or holds no math: a line of its own
        base = piece.y1 if piece.base is None else piece.base
        lo, hi = bisect.bisect_left(keys, base - reach), bisect.bisect_right(keys, base + reach)
        for ln in lines[lo:hi]:
            if ln is piece or id(ln) in taken or not ln.x0 < piece.x0 or \
                    piece.size < 0.4 * ln.size or ln.height > 2.5 * ln.size:
                continue  # (a rule drawn as a tiny glyph; boxes far taller than their type say nothing)
            # Limits set over and under a big operator of the row ("$\\sum\\limits_{i=1}^{M}$", which TeX
            # sets apart from the rows around it) stand in the gap right above or below the row,
            # centred on the operator: they go with that row, not into a display between rows.
            overlap = min(ln.y1, piece.y1) - max(ln.y0, piece.y0)
            limits = len(piece.text) <= 6 and piece.size <= 0.8 * ln.size and \
                piece.math_chars >= 0.5 * len(piece.text.replace(" ", ""))
            stacked = limits and overlap > -0.5 * ln.size and any(
                x0 - 2 <= (piece.x0 + piece.x1) / 2 <= x1 + 2 and text.strip() and _BIG_OPERATORS.issuperset(text.strip())
                for x0, x1, text, _ in ln.spans)
            if not ln.x1 < piece.x1:
                # A glyph the text layer cannot name, or names only by the extension font's code (a
                # radical, a big operator), drawn over a row of words, "of order O(√1/n) [41]": it goes
                # in the row at its place, not into a display.
                # (Its top stands above the row's baseline: the row above ends in a deep descender.)
                glyph = len(piece.text) <= 4 and (UNEXPRESSED.search(piece.text) or
                                                  _EXTENSION_CHARS.issuperset(piece.text.replace(" ", ""))) and \
                    ln.base is not None and piece.y0 < ln.base - 0.3 * ln.size
                # So do the limits of a sum in running text, or a fraction's small numerator, in smaller
                # type under or over the row ("... ≤ ∑M σ2/|Si|. The next theorem shows that the" /
                # "i=1" / "same upper bound holds ..."), which would stand as a display between its rows.
                # And a fraction's denominator in script size inside the row ("We use ∥H(C(X)−X)∥2" over
                # "∥C(X)−X∥2" in a line of words), its top within the row's box.
                fraction = piece.size <= 0.8 * ln.size and len(piece.text) <= 16 and \
                    piece.math_chars >= 0.5 * len(piece.text.replace(" ", ""))
                if (glyph or limits or fraction) and piece.x1 < ln.x1 and ln.base is not None and \
                        (overlap >= 0.5 * piece.height or stacked) and \
                        len(_RUNNING_WORD.findall(ln.text)) >= 4 and \
                        (at := _text_offset_at(ln, piece.x0 if glyph or limits else piece.x1)) is not None:
                    # (a denominator reads after its numerator, the spans over it)
                    ln.text = f"{ln.text[:at]} {piece.text} {ln.text[at:]}".replace("  ", " ").strip()
                    ln.spans = sorted(ln.spans + piece.spans, key=lambda span: span[0])
                    ln.math_chars += piece.math_chars
                    ln.y0, ln.y1 = min(ln.y0, piece.y0), max(ln.y1, piece.y1)
                    taken.add(id(piece))
                    break
                continue
            size = max(ln.size, piece.size)
            gap = piece.x0 - ln.x1
            if gap >= 0.6 * size or overlap < 0.5 * min(ln.height, piece.height) and not stacked:
                continue
            if gap < -0.6 * size and not stacked:
                # The line's last few characters may come as spans of one or two each (a superscript
                # "(i)" as "(", "i", ")" over the subscript "Q" of "b_Q^(i)"): the script stacked
                # under or over them starts within the last four characters.
                tail, shown = None, 0
                for x0, _, text, _ in sorted(ln.spans, key=lambda span: -span[0]):
                    shown += len(text.strip())
                    if shown > 4:
                        break
                    tail = x0
                if tail is None or tail - 1 > piece.x0:
                    continue  # (not a script stacked over the line's last short span)
            if len(_RUNNING_WORD.findall(f"{ln.text} {piece.text}")) < 2:
                if at < first:
                    pending.append(piece)
                break  # pieces of a display equation (a fraction's denominator beside its row): left as they are
            if ln.base is not None and piece.base is not None and abs(ln.base - piece.base) < 1.5 and \
                    gap >= -max(1.0, 0.15 * size) and abs(ln.size - piece.size) >= 1.0:
                break  # on the row's baseline in another size, not stacked: `_merge_same_baseline` left it apart
            if CALL_MARK.match(piece.text) and piece.size <= 0.8 * ln.size and piece.base is not None and \
                    ln.base is not None and piece.base < ln.base - 0.15 * ln.size and gap >= -0.5 and \
                    cached(r"[A-Za-z.,;:)\]]$").search(ln.text):
                ln.calls.append(piece.text)
            else:
                # The row's size and baseline are those of its larger type, unless the larger piece
                # has fewer letters: math set in a font scaled above the text's ("= g(tL)" in 8.85 pt
                # after a row of 7.97 pt words) is not the row's type.
                lettered, ln_letters = sum(map(str.isalpha, piece.text)), sum(map(str.isalpha, ln.text))
                larger = piece.size > ln.size + 0.25 and lettered >= min(ln_letters, 4)
                # A subscript stacked under the row's last script, starting where it starts or left of
                # it ("σ" with "2" over "H": the text layer gives the "H" apart, a little wider), reads
                # before it, as inside a row ("σH2", `_text_offset_at`): not after it, "σ2 H".
                # (a script set on its letter, the span before ending where it starts: a fraction's
                # numerator stands a space off the word before it, and reads before its denominator)
                last = ln.spans[-1] if len(ln.spans) >= 2 and -0.5 < ln.spans[-1][0] - ln.spans[-2][1] < 1.0 and \
                    ln.spans[-2][2][-1:].strip() else None
                under = last is not None and len(last[2].strip()) <= 3 and piece.size < 0.85 * ln.size and \
                    piece.x0 <= last[0] + 0.5 and last[0] - piece.x0 < ln.size and ln.base is not None and \
                    piece.base is not None and piece.base > ln.base + 0.1 * ln.size and \
                    (cut := _text_offset_at(ln, last[0])) is not None and ln.text[cut:].strip() == last[2].strip()
                ln.text = f"{ln.text[:cut]}{piece.text}{ln.text[cut:]}" if under else f"{ln.text} {piece.text}"
                ln.spans.extend(piece.spans)
                if under:
                    ln.spans.sort(key=lambda span: span[0])
                ln.math_chars += piece.math_chars
                ln.scripts += piece.scripts + (piece.size < 0.85 * ln.size)
                worded = any(ch.isalpha() for ch in piece.text)  # (a number says nothing of the face)
                ln.bold = ln.bold and (piece.bold or not worded)
                ln.italic = ln.italic and (piece.italic or not worded)
                ln.code = ln.code and piece.code
                if larger:
                    ln.base, ln.size = piece.base, piece.size  # the row's baseline is its larger type's
                elif lettered and not ln_letters and piece.base is not None:
                    ln.base = piece.base  # (a glyph without letters, a radical drawn above the row, does not set it)
            ln.calls.extend(piece.calls)
            ln.x1 = piece.x1
            ln.y0, ln.y1 = min(ln.y0, piece.y0), max(ln.y1, piece.y1)
            taken.add(id(piece))
            break
    # (a subscript under the joined row's last piece now lies inside the row: "sprepare" over "i,g")
    return _with_stray_subscripts([ln for ln in lines if id(ln) not in taken]) if taken else lines


def _rows_parted_by_fractions(lines: list[Line]) -> list[Line]:
    """A row of text that a fraction in script size parts in two (TMLR: "... (2018): FWT =", then
    "1" over "T −1", then "∑ ... . For all experiments,"): the numerator and the denominator come as
    lines of their own, raised and lowered off the row's baseline, and the row's two halves stand too
    far apart to be one line. The halves (one baseline, one size) and the pieces in smaller type that
    fill the gap between them, within the row's height, are one line, read left to right and each
    stack top to bottom ("... FWT = 1 T −1 ∑ ... For all experiments,"): else the pieces were read
    after the row, inside the sentence that goes on under it."""
    pieces = [ln for ln in lines if len(ln.text) <= 16 and ln.base is not None and not ln.code]
    if not pieces or len(lines) < 3:
        return lines
    rows = sorted((ln for ln in lines if ln.base is not None and not ln.code), key=lambda ln: ln.base)
    keys = [ln.base for ln in rows]
    # (a piece no larger type stands beside, 1.25 times its size, parts no row: most pieces of most
    # pages, a table's cells, a plot's labels, are passed over before their neighbours are gathered)
    largest = max(ln.size for ln in rows)
    taken: set[int] = set()
    # The rows large enough to be a half beside a piece of each size (by baseline, as `rows`): a plot's
    # labels, hundreds of small pieces a page, are each weighed against these few, not every row near.
    larger: dict[float, tuple[list[Line], list[float]]] = {}
    for piece in pieces:
        if piece.size > 0.8 * largest or id(piece) in taken:
            continue
        lo, hi = bisect.bisect_left(keys, piece.base - 8.0), bisect.bisect_right(keys, piece.base + 8.0)
        halves = larger.get(piece.size)
        if halves is None:
            big = [ln for ln in rows if not piece.size > 0.8 * ln.size]
            halves = larger[piece.size] = (big, [ln.base for ln in big])
        big, big_keys = halves
        near = None  # the rows near the piece not yet taken, gathered once a row could be its left half
        for a in big[bisect.bisect_left(big_keys, piece.base - 8.0):bisect.bisect_right(big_keys, piece.base + 8.0)]:
            size = a.size
            if a is piece or piece.size > 0.8 * size or not (piece.y0 < a.y1 and piece.y1 > a.y0) or a.x1 > piece.x0 + 1.0 or \
                    id(a) in taken:
                continue
            if near is None:
                near = [ln for ln in rows[lo:hi] if id(ln) not in taken]
            b = next((ln for ln in near if ln is not a and ln is not piece and abs(ln.base - a.base) < 1.5 and abs(ln.size - size) < 0.6 and
                      ln.x0 >= piece.x1 - 1.0 and a.x1 < ln.x0 <= a.x1 + 4.0 * size and
                      not any(o is not a and o is not ln and o.size > 0.8 * size and a.x1 < o.x0 < ln.x0 and
                              abs(o.base - a.base) < 1.5 for o in near)), None)
            if b is None or len(_RUNNING_WORD.findall(f"{a.text} {b.text}")) < 3:
                continue  # (a display's rows, no words of prose in them, `_blocks` keeps together as they are)
            # (every piece in the gap, in smaller type and within the row's height)
            inside = [ln for ln in near if ln is not a and ln is not b and ln.size <= 0.8 * size and
                      ln.x0 >= a.x1 - 1.0 and ln.x1 <= b.x0 + 1.0 and ln.y0 < a.y1 and ln.y1 > a.y0]
            if not inside or min(ln.x0 for ln in inside) - a.x1 > 0.6 * size or b.x0 - max(ln.x1 for ln in inside) > 0.6 * size:
                continue
            _join_row_halves(a, inside, b, taken)
            break
    _rows_parted_by_formulas(rows, keys, taken)
    return [ln for ln in lines if id(ln) not in taken] if taken else lines


def _join_row_halves(a: Line, inside: list[Line], b: Line, taken: set[int]) -> None:
    """Row `a` joined with the pieces between it and its other half `b`, and `b`: the pieces that
    overlap across are a stack, read top to bottom."""
    # (the pieces that overlap across are a stack: read top to bottom)
    inside.sort(key=lambda ln: ln.x0)
    stacks: list[list[Line]] = []
    for ln in inside:
        if stacks and ln.x0 < max(x.x1 for x in stacks[-1]):
            stacks[-1].append(ln)
        else:
            stacks.append([ln])
    order = [ln for stack in stacks for ln in sorted(stack, key=lambda ln: ln.y0)]
    a.text = " ".join([a.text] + [ln.text for ln in order] + [b.text])
    for ln in order + [b]:
        a.spans.extend(ln.spans)
        a.calls.extend(ln.calls)
        a.math_chars += ln.math_chars
        a.scripts += ln.scripts + (ln is not b)
        taken.add(id(ln))
    a.bold, a.italic = a.bold and b.bold, a.italic and b.italic
    a.x1 = b.x1
    a.y0, a.y1 = min([a.y0] + [ln.y0 for ln in order + [b]]), max([a.y1] + [ln.y1 for ln in order + [b]])


def _rows_parted_by_formulas(rows: list[Line], keys: list[float], taken: set[int]) -> None:
    """A row of prose that an inline formula in the text's size and larger parts in two, its halves
    four to eight sizes apart (STOC 1996: "age is", then "1/N ∑_{i=1}^{N} α_i" as six lines of their
    own, the fraction's digits and the α in the text's size, the sum in 18 pt, its limits in 8 pt
    over and under the row, then ". As a result of the operation D, the"): the short pieces in the
    gap, within a size over or under the row's height, script pieces among them, that fill the gap
    from one half to the other, are read in the row between them."""
    for a in rows:
        if id(a) in taken or a.base is None:
            continue
        size = a.size
        # (the other half first, among the rows on the baseline: most rows have none, and a page of
        # formula pieces holds hundreds of lines within the wider band gathered for the gap's pieces)
        lo, hi = bisect.bisect_left(keys, a.base - 1.5), bisect.bisect_right(keys, a.base + 1.5)
        left, right = a.x1 + 4.0 * size, a.x1 + 8.0 * size
        level = [ln for ln in rows[lo:hi] if left < ln.x0 <= right and abs(ln.base - a.base) < 1.5 and
                 abs(ln.base - a.base) <= 2.5 * size and abs(ln.size - size) < 0.6 and ln is not a and id(ln) not in taken]
        if not level:
            continue
        b = min(level, key=lambda ln: ln.x0)
        if len(_RUNNING_WORD.findall(f"{a.text} {b.text}")) < 3:
            continue  # (asked before the rows near are gathered: a page of a display's pieces has hundreds)
        lo, hi = bisect.bisect_left(keys, a.base - 2.5 * size), bisect.bisect_right(keys, a.base + 2.5 * size)
        near = [ln for ln in rows[lo:hi] if ln is not a and id(ln) not in taken]
        if any(o is not b and o.size > 0.8 * size and a.x1 < o.x0 < b.x0 and abs(o.base - a.base) < 1.5 for o in near):
            continue
        inside = [ln for ln in near if ln is not b and len(ln.text) <= 16 and ln.x0 >= a.x1 - 1.0 and
                  ln.x1 <= b.x0 + 1.0 and ln.y0 < a.y1 + 0.6 * size and ln.y1 > a.y0 - 0.6 * size]
        if not any(ln.size <= 0.8 * size for ln in inside):
            continue
        reach = a.x1
        for x0, x1 in sorted((ln.x0, ln.x1) for ln in inside):
            if x0 - reach > 0.8 * size:
                break
            reach = max(reach, x1)
        if b.x0 - reach > 0.8 * size:
            continue
        _join_row_halves(a, inside, b, taken)


def _text_offset_at(line: Line, x: float) -> int | None:
    """Where in the line's text the point `x` across the page falls: after the spans that start left
    of it (found in the text one after the other), so a subscript goes before a superscript stacked
    over it ("yG(m)"); None when a span is not found as printed. A spacing accent of a span is on the
    letter after it in the line's text ("ˆ" + "µ" is "µ̂", `_compose_accents`): found without it, and
    never parted from its letter; a mark or script of a character or two that a stacked piece put
    ahead of a span starting at the same x ("µ̂∗DE") is passed over."""
    at = 0
    for x0, _, text, _ in line.spans:
        if x0 >= x:
            break
        piece = " ".join(text.split())
        found = line.text.find(piece, at) if piece else at
        if found < 0 and not _ACCENT_CHARS.isdisjoint(piece):
            piece = " ".join("".join(ch for ch in piece if ch not in _ACCENT_CHARS).split())
            found = line.text.find(piece, at) if piece else at
        if found < 0 and len(piece) <= 2:
            continue
        if found < 0:
            return None
        at = found + len(piece)
        while at < len(line.text) and unicodedata.combining(line.text[at]):
            at += 1
    return at


def _merge_same_baseline(lines: list[Line], mid: float, gutters: list[float] = ()) -> list[Line]:
    """PyMuPDF may split one printed line into pieces (e.g. an equation and its number); rejoin
    pieces on the same baseline that are close horizontally — but not two columns' lines across
    the gutter in the middle, which in LaTeX's two-column classes is barely wider than a space, nor
    across the `gutters` of three or more columns (`_gutters`)."""
    # By baseline, not by box: a subscript lowers the box of one piece of a printed line ("F(x, {Wi})
    # represents" beside "ers considered.") and would part it from the rest.
    lines.sort(key=lambda ln: (round(ln.y1 if ln.base is None else ln.base), ln.x0))
    merged: list[Line] = []
    beside: list[tuple[float, float]] = []  # (left edge, baseline) of caption lines kept apart
    paired: list[tuple[float, float]] = []  # the same, of a caption beside another caption
    caption = CAPTION.match
    # (the last kept line and its baseline, which joining a piece to it leaves as it was: a page of
    # Ghostscript's Type 3 text comes as hundreds of word pieces, each weighed here)
    prev: Line | None = None
    prev_base = 0.0
    stretched = _stretched_words(lines)
    pieces: list[tuple] | None = None  # (the pieces as they came, for `_gutter_beside`; made when first asked)
    for at, ln in enumerate(lines):
        ln_base = ln.y1 if ln.base is None else ln.base
        if prev is None or not abs(prev_base - ln_base) < 1.5:
            # On a baseline of its own (most lines): nothing to join, only a caption to note.
            if caption(ln.text):
                beside.append((ln.x0, ln_base))
            merged.append(ln)
            prev, prev_base = ln, ln_base
            continue
        gap = ln.x0 - prev.x1
        size = ln.size if ln.size > prev.size else prev.size  # (max's, without the call)
        gutter = prev.x1 < mid < ln.x0 and gap > 0.7 * size or bool(gutters) and any(prev.x1 < x < ln.x0 for x in gutters)
        # A caption set beside the text (a wrapfigure's, or the right one of two captions on one
        # baseline, the left one justified past the page's middle) starts a column gap (0.8 em or more) after the
        # text's line, not a word space; its next lines start at its left edge, one line below.
        apart = gap > 0.8 * size
        # Two captions side by side on one baseline (minipages: "Table 4: (SC09) ... on" then, 4 pt
        # on, "Table 5: (SC09 Model Ablations) ..."; Mamba, arXiv 2023) stand apart by more than a
        # word space, and so do the lines under the right one, at its left edge.
        wide = gap > 0.3 * size
        pair = wide and caption(prev.text) is not None and (
            caption(ln.text) is not None or
            # (its label's word and number may come as pieces of their own, a justified space
            # apart: "Table" then "4:" then "Quantita-", ICCV 2023, beside "Table 3: Comparing ...")
            (_BARE_LABEL_WORD.fullmatch(ln.text) is not None and at + 1 < len(lines) and
             abs((lines[at + 1].y1 if lines[at + 1].base is None else lines[at + 1].base) - ln_base) < 1.5 and
             caption(f"{ln.text} {lines[at + 1].text}") is not None))
        under = wide and any(abs(ln.x0 - x) < 1 and 0 < ln_base - b < 2 * ln.size for x, b in paired)
        if pair or under:
            paired.append((ln.x0, ln_base))
            gutter = True
        if not gutter and gap > 0.7 * size and _worded_piece(prev.text):
            # Two columns whose gutter is off the page's middle (under a sidebar set in three
            # columns across the page's top, which takes the strip the middle's gutter is sought
            # in), a justified line's last word a column gap from the next column's first.
            if pieces is None:
                pieces = sorted(((p.y1 if p.base is None else p.base, p.x0, p.x1, _worded_piece(p.text))
                                 for p in lines if p is not ln), key=lambda t: t[0])
            gutter = _gutter_beside(pieces, prev.x1, ln.x0, ln_base, size)
        if caption(ln.text) or apart and any(abs(ln.x0 - x) < 1 and 0 < ln_base - b < 2 * ln.size for x, b in beside):
            beside.append((ln.x0, ln_base))
            gutter = gutter or apart
        # A proof's end-of-proof box (TeX's \\qed: a quad after the last word, in the text's size) is
        # that line's last mark: it joins it across a gutter the line's end reaches, and in the
        # text's size when the line is a piece of math whose scripts made it read smaller.
        qed = ln.text in _QED_MARKS
        if qed:
            gutter = False
        # Scripts stacked one over the other ("{w_{i,j}}_{j=1}^{s}": the superscript "s" right over the
        # subscript "j=1") start at one x: the piece that opens with the lower one overlaps the piece
        # that ends with the upper one by that script's width, and goes on with it.
        stacked = gap < 0 and bool(prev.spans) and abs(ln.x0 - prev.spans[-1][0]) < 1.0 and \
            prev.spans[-1][1] - prev.spans[-1][0] < 0.6 * size and (prev.math_chars > 0 or ln.math_chars > 0)
        if not gutter and gap < -1.0 and not stacked and _inset_piece(prev, ln):
            continue
        if not gutter and (gap >= -1.0 or gap >= -0.15 * size or stacked):  # (-max(1.0, 0.15 * size) <= gap)
            # A heading's number may be set larger than its title (IEEEtran compsoc: "1" in 14 pt, then
            # "INTRODUCTION" in 11 pt small capitals): a bare bold number joins the bold words after it.
            # So does a number in the text's regular type before a title in small capitals a size
            # below it (ICLR: "2.2", then "TIRGEN: TIR DATA GENERATION PIPELINE" at 8 pt, whose
            # few full-size capitals leave it read in its small ones' size).
            number_first = bool(BARE_NUMBER.match(prev.text)) and (
                (prev.bold and ln.bold) or
                (prev.size > ln.size and not any(map(str.islower, ln.text)) and sum(map(str.isupper, ln.text)) >= 4))
            # A bare caption label ("Figure 1:") starting a justified line is followed by the widest
            # of its spaces (ACL's captions: 14 pt before "Comparison of ..."), and may be set a size
            # apart from it (IEEE's "Fig. 5." in 8 pt before 9 pt text): its caption goes on.
            label = (found := caption(prev.text)) is not None and not prev.text[found.end():].strip()
            # A bold label without punctuation (Elsevier's "Fig. 1" or "Table 2", a wide space, then the
            # caption in roman) is one too; it gets the separator other styles print, as `_bold_caption_label`
            # gives it when label and caption come as one line.
            bare = prev.bold and not ln.bold and bool(_BARE_LABEL.fullmatch(prev.text))
            label = label or bare
            # Word sets a heading's enumeration ("A.", "1)", "ii.") in italics and tabs to its italic title
            # ("1st Generation TPU"), four or more ems on: one row.
            enumerated = ln.italic and bool(ENUMERATION_LABEL.fullmatch(prev.text.strip())) and \
                all("i" in style for *_, style in prev.spans)
            # Word tabs from a heading's number to its title in capitals ("I." then "INTRODUCTION"
            # 1.2 em on, its first letter in full size, the rest in small capitals): one row.
            numbered = not enumerated and cached(r"(?:[IVX]{1,5}|\d{1,2})\.").fullmatch(prev.text.strip()) is not None and \
                _is_caps(ln.text) and ln.text[:1].isupper()
            reach = 4.0 if label else 5.0 if enumerated else 2.5 if id(ln) in stretched or numbered else 1.2
            # A row may open on inline math whose scripts outweigh its symbols ("𝟙ᵒᵇʲ is set to 0",
            # "t_abs(eᶜᵒᵐᵐⁱᵗ). The implementation"): the piece reads as smaller type, but its symbol
            # stands on the row's baseline and the words follow within a math space: one row, in the
            # words' size.
            math_led = prev.math_chars > 0 and prev.size < ln.size and \
                gap < 0.6 * size and sum(map(str.isalpha, ln.text)) > sum(map(str.isalpha, prev.text))
            math_led = math_led or qed and prev.math_chars > 0 and prev.size < ln.size
            # A reader's note typed on the page in a colour of its own (blue, in a typewriter face) may
            # stand on a bold heading's baseline a gap wider than a word space after its last word:
            # no part of the heading.
            noted = prev.bold and not ln.bold and ln.color != prev.color and gap > 0.5 * size and not (number_first or label)
            # A symbol's glyph alone, a size off the words on its row and close to them (ICCV 1999:
            # "values in", a 9 pt "ω" read as "!", then "(p) are known" in 10 pt), is the row's
            # inline math: one row, in the words' size. Apart, it was read after the row.
            # (beside words of prose, not a display's pieces)
            glyph = gap < 0.5 * size and min(prev.size, ln.size) >= 0.85 * size and any(
                len(piece.text.strip()) <= 2 and not any(map(str.isalnum, piece.text)) for piece in (prev, ln)) and \
                any(_RUNNING_WORD.search(piece.text) for piece in (prev, ln))
            # A title or heading in small capitals faked by a font without them (each word's initial
            # at the full size, the rest about 80 % of it) is cut at its justified spaces into pieces,
            # and a piece of words without an initial ("EXPLORATION" between "M" + "ULTI-AGENT" and
            # "THROUGH I" + "NTRINSIC") reads in the small size alone: one row, in the large size.
            capitals = False
            if gap < size * reach and (abs(prev.size - ln.size) < 1.0 or number_first or label or math_led or glyph or
                                       (capitals := _faked_caps_piece(prev, ln, size))) and not noted:
                # Pieces that touch are one word cut at a kern (Ghostscript's Type 3 text: "Asso" +
                # "ciation", "F" + "ast"); a word space is wider than a tenth of the type size.
                glue = "" if gap < 0.1 * size and prev.text[-1:].isalpha() and ln.text[:1].isalpha() else " "
                glue = ". " if bare else glue
                # A piece without letters (a heading's number, "6.1.1") says nothing of italics: the
                # words after it do (IEEE's italic subsubsections).
                unworded = not (prev.text[:1].isalpha() or any(map(str.isalpha, prev.text)))
                prev.text = f"{prev.text}{glue}{ln.text}"
                if label or math_led:
                    prev.size = ln.size  # the caption's own size, not its label's; the words', not the math's
                elif glyph and ln.size > prev.size:
                    prev.size = ln.size  # (the words' size, not the glyph's)
                elif capitals:
                    prev.size, prev.smallcaps = size, True  # (the initials' size, as `_faked_small_caps` gives)
                    ln.smallcaps = True
                if ln.x1 > prev.x1:  # (max's and min's choices, without the calls)
                    prev.x1 = ln.x1
                if ln.y0 < prev.y0:
                    prev.y0 = ln.y0
                prev.bold = prev.bold and ln.bold
                prev.italic = (prev.italic or unworded) and ln.italic
                prev.smallcaps = (prev.smallcaps or unworded) and ln.smallcaps  # ("1." before "Introduction" in small capitals)
                prev.math_chars += ln.math_chars
                prev.spans.extend(ln.spans)
                prev.calls.extend(ln.calls)
                prev.code = prev.code and ln.code
                prev.scripts += ln.scripts
                continue
        merged.append(ln)
        prev, prev_base = ln, ln_base
    return merged


def _faked_caps_piece(prev: Line, ln: Line, size: float) -> bool:
    """Whether two pieces of one row, one read as faked small capitals (`_faked_small_caps`: its
    size the initials') and the other in capitals alone at 65 to 90 % of that size, are pieces of
    one line in faked small capitals."""
    if abs(prev.size - ln.size) < 1.0:
        return False
    big, small = (prev, ln) if prev.size > ln.size else (ln, prev)
    return big.smallcaps and 0.65 * big.size <= small.size <= 0.9 * big.size and \
        sum(map(str.isupper, small.text)) >= 2 and not any(map(str.islower, small.text)) and \
        not any(map(str.islower, big.text)) and not big.math_chars and not small.math_chars


_BARE_LABEL_WORD = compile_later(r"(?:Fig\.|Figure|FIG\.|FIGURE|Table|TABLE)")


def _worded_piece(text: str) -> bool:
    """A piece of a row that reads as prose: three words or more, mostly letters."""
    return len(text.split()) >= 3 and sum(map(str.isalpha, text)) >= 0.6 * len(text)


def _gutter_beside(pieces: list[tuple], left: float, right: float, base: float, size: float) -> bool:
    """Whether the gap from `left` to `right` on the row at baseline `base` is a gutter between two
    columns: on the rows within five lines above and below, at least two part at it as this one
    does (a line of words ending within two ems before its middle, the next piece starting within
    two ems after it), and more than twice as many part as have a line across it. `pieces`:
    (baseline, x0, x1, worded) of the page's pieces as they came, by baseline."""
    middle = (left + right) / 2
    reach = 5 * 1.2 * size
    lo = bisect.bisect_left(pieces, base - reach, key=lambda t: t[0])
    hi = bisect.bisect_right(pieces, base + reach, key=lambda t: t[0])
    rows: dict[int, list[bool]] = {}  # (a row's: a worded piece ends before the middle, one starts after it, one crosses it)
    for b, x0, x1, worded in pieces[lo:hi]:
        if abs(b - base) < 1.5:
            continue
        row = rows.setdefault(round(b), [False, False, False])
        if x0 < middle < x1:
            row[2] = True
        elif worded and middle - 2 * size < x1 <= middle:
            row[0] = True
        elif middle <= x0 < middle + 2 * size:
            row[1] = True
    parted = sum(1 for a, b, across in rows.values() if a and b and not across)
    crossed = sum(1 for *_, across in rows.values() if across)
    return parted >= 2 and parted > 2 * crossed


def _inked(span: tuple) -> list[tuple[float, float]]:
    """Where a span of a row puts ink, left to right: its box, or, for a span with blanks inside it
    (a formula's "(      )" leaving room for its letters), each run of characters' share of the box
    by its count of characters."""
    x0, x1, text, _ = span
    core = text.strip()
    if " " not in core:
        return [(x0, x1)] if core else []
    step = (x1 - x0) / max(1, len(text))
    return [(x0 + step * m.start(), x0 + step * m.end()) for m in cached(r"\S+").finditer(text)]


def _inset_piece(prev: Line, ln: Line) -> bool:
    """Join a piece of a row that stands inside the row read so far (its pieces on one baseline)
    at its place by x: a formula's letters drawn into the room its brackets leave (Nature: "with
    baseline v(s_t^i) for" drawn as "with baseline ( ) i for" and then "v", "s", "t" between the
    brackets, which appended after the row's last word cut the next sentence's first word off its
    own). The piece lies within the extent of a row of prose, in its type's size, after a span of the row that
    ends where it starts, and overlaps the row's other spans by little (a subscript under the
    superscript over it); the row's text gets the piece's after that span's. False, the row as it was,
    when the piece is no such inset."""
    if not prev.spans or not ln.spans or ln.x0 < prev.x0 or ln.x1 > prev.x1 + 0.5 or abs(prev.size - ln.size) >= 1.0 or \
            len(_RUNNING_WORD.findall(prev.text)) < 3:
        return False  # (a row of prose: a display's pieces stack in rows of their own)
    inked = [piece for span in prev.spans for piece in _inked(span)]
    overlap = sum(max(0.0, min(b, y) - max(a, x)) for x, y, text, _ in ln.spans if text.strip() for a, b in inked)
    if overlap > 0.3 * (ln.x1 - ln.x0):
        return False
    before = [k for k, span in enumerate(prev.spans) if span[2].strip() and min(_inked(span))[1] <= ln.x0 + 1.0]
    if not before:
        return False
    last = max(before, key=lambda k: min(_inked(prev.spans[k]))[1])
    if any(max(0.0, min(b, ln.spans[0][1]) - max(a, ln.spans[0][0])) > 1.0 for a, b in inked):
        return False  # (its first letter on one of the row's: no room was left for it there)
    cursor, at = 0, None
    for k, (_, _, text, _) in enumerate(prev.spans):
        words = " ".join(text.split())  # (the row's text has its blanks run together)
        found = prev.text.find(words, cursor) if words else -1
        if found >= 0:
            cursor = found + len(words)
            if k == last:
                at = cursor
                break
    if at is None:
        return False
    prev.text = f"{prev.text[:at]} {ln.text} {prev.text[at:].lstrip()}".rstrip()
    prev.y0 = min(prev.y0, ln.y0)
    prev.italic = prev.italic and ln.italic
    prev.bold = prev.bold and ln.bold
    prev.math_chars += ln.math_chars
    prev.spans[last + 1:last + 1] = ln.spans
    prev.calls.extend(ln.calls)
    prev.scripts += ln.scripts
    return True


# ───────────────────────────── graphics ─────────────────────────────


_STRETCHED_WORD = compile_later(r"[(\[]?[^\W\d_]+(?:-[^\W\d_]+)*-?[.,;:)\]]?")


def _stretched_words(lines: list[Line]) -> set[int]:
    """The pieces (ids) that go on a justified row stretched wide: a short line of a narrow column
    justified to its width spreads its few words apart by more than an em ("Binary Classification
    We  compare  FTRL-" under a bold run-in head, each word a piece of its own), and PyMuPDF reads
    each word as a line. TeX stretches every space of a row by one amount: three or more single
    words on one baseline, apart by one gap within half a point (a table's cells stand as far apart
    as their columns fall), one of them in lower case, are one row. (`lines` sorted by baseline,
    then left edge.)"""
    out: set[int] = set()
    run: list[Line] = []

    def close() -> None:
        # (a run-in head before them stands its own distance off: the row's equal gaps are looked for
        # among its pieces, two or more gaps in a row)
        if len(run) < 3:
            return  # (fewer than three pieces hold no two gaps: most rows, each closed at once)
        gaps = [b.x0 - a.x1 for a, b in zip(run, run[1:])]
        i = 0
        while i < len(gaps):
            j = i + 1
            while j < len(gaps) and max(gaps[i:j + 1]) - min(gaps[i:j + 1]) < 0.5:
                j += 1
            pieces = run[i:j + 1]
            size = max(x.size for x in pieces)
            if j - i >= 2 and 0.3 * size < min(gaps[i:j]) and max(gaps[i:j]) < 2.5 * size and \
                    any(x.text[:1].islower() for x in pieces):
                out.update(id(x) for x in pieces[1:])
            i = j

    base = None
    for ln in lines:
        ln_base = ln.y1 if ln.base is None else ln.base
        word = _STRETCHED_WORD.fullmatch(ln.text) is not None
        if word and run and base is not None and abs(ln_base - base) < 1.5 and abs(ln.size - run[-1].size) < 0.3 \
                and ln.x0 > run[-1].x1:
            run.append(ln)
            continue
        close()
        run, base = ([ln], ln_base) if word else ([], None)
    close()
    return out


def _highlight(box: tuple, level: list[Line]) -> bool:
    """Whether a filled box is a reader's highlight over words of one line: a copy printed anew
    (cairo, a browser's print to PDF) paints the annotations of the copy it printed into the page
    (a highlighted heading, a yellow box as tall as the words and no wider than their line, but
    for the 1 to 3 points a highlight reaches past its words), and the box, taken for a drawing,
    swallowed the heading as a figure's label."""
    x0, y0, x1, y1 = box
    if y1 - y0 < 3 or x1 - x0 < 3:
        return False
    return any(ln.x0 - 3 <= x0 and x1 <= ln.x1 + 3 and ln.y0 - 1.5 <= y0 and y1 <= ln.y1 + 1.5 and
               y1 - y0 >= 0.5 * (ln.y1 - ln.y0) for ln in level)


def _frames_the_text(box: tuple, lines: list[Line]) -> bool:
    """Whether a stroked path's box holds the page's running text: the middles of most of its lines
    (four in five), ten of them and more long lines of prose. Two rules stroked as one path (JOT's
    Word pages: the rule under the journal's name at the head and the one over the citation at the
    foot, one path bounded from the first to the second) draw no figure."""
    if len(lines) < 12:
        return False
    x0, y0, x1, y1 = box
    inside = [ln for ln in lines if x0 < (ln.x0 + ln.x1) / 2 < x1 and y0 < (ln.y0 + ln.y1) / 2 < y1]
    return len(inside) >= 0.8 * len(lines) and sum(len(ln.text) >= 40 for ln in inside) >= 10


def _rules_only_path(page, box: tuple) -> bool:
    """Whether the stroked path bounded by `box` draws horizontal rules only (a frame round a box
    of text, its sides drawn, is a figure: a boxed worked example with its caption under it). Asked
    only of a path whose box holds the page's text (see `_frames_the_text`): the page's drawings
    are read then."""
    x0, y0, x1, y1 = box
    for drawing in page.get_cdrawings():
        r = drawing.get("rect")
        if drawing.get("type") != "s" or r is None or abs(r[0] - x0) > 10 or abs(r[1] - y0) > 10 or \
                abs(r[2] - x1) > 10 or abs(r[3] - y1) > 10:
            continue
        items = drawing.get("items") or ()
        return bool(items) and all(it[0] == "l" and abs(it[1][1] - it[2][1]) < 1.0 for it in items)
    return False


def _graphic_boxes(page, lines: list[Line] = (), marks: list | None = None,
                   seen: list | None = None, margin_notes: list | None = None,
                   size: tuple[float, float] | None = None) -> list[tuple[float, float, float, float]]:
    """Bounding boxes of vector drawings and images on the page, clustered into regions (`lines`,
    the page's text, tells a long table's rules from unrelated ones: see `_stack_rules`; `marks`,
    the page's ink from `ink.page_marks`, is read here when not given). A mark counts as far as its
    clip reaches. `seen`, when given, gets the boxes of the page's white marks and of its other
    marks, as a pair (see `_trim_to_seen`); `margin_notes` the boxes of the notes in the page's
    margin (see `_margin_notes`), which are left out of the graphics. `size`: the page's width and
    height as its `marks` and `lines` stand (a sideways page turned upright), else the page's own."""
    width, height = size or (page.rect.width, page.rect.height)
    rects = []
    grounds, ink = [], []  # white paint (unseen on a white page) and the rest
    painted: set[int] = set()  # (ids of the white marks' rects)
    underlines: list[tuple] = []  # hairlines just under a line's words, within them
    if marks is None:
        marks = page_marks(page)
    # (the page's measures worked out once: a page of plots has tens of thousands of marks; a clip
    # is met by comparisons, each taking the value max() or min() would)
    background_w, background_h, bar_h, bar_w, bar_left, bar_right = \
        width * 0.95, height * 0.95, height * 0.5, width * 0.06, width * 0.1, width * 0.9
    head_w, head_y, column_h, area = 0.5 * width, 0.12 * height, height * 0.2, width * height
    foot_y = 0.88 * height
    # (a white box is weighed against the lines level with it alone, found by bisection on their
    # tops: a page of plots paints a white ground under each panel and legend)
    by_top = sorted(lines, key=lambda ln: ln.y0)
    tops = [ln.y0 for ln in by_top]
    tallest = max((ln.y1 - ln.y0 for ln in by_top), default=0.0)
    cairo = _printed_by_cairo(page.parent)
    wide = None  # (the marks over 10 pt wide, for `_column_rule`)
    drawn = _level_rules_apart(page, marks, width, head_y, foot_y) if size is None and not page.rotation else marks
    for kind, (x0, y0, x1, y1), clip, white in drawn:
        if clip is not None:
            if clip[0] > x0:
                x0 = clip[0]
            if clip[1] > y0:
                y0 = clip[1]
            if clip[2] < x1:
                x1 = clip[2]
            if clip[3] < y1:
                y1 = clip[3]
            if x1 < x0 or y1 < y0:
                continue  # clipped away entirely
        if white and (level := by_top[bisect.bisect_left(tops, y0 - tallest - 1.0):bisect.bisect_left(tops, y1)]) and \
                (_behind_text((x0, y0, x1, y1), level, area) or _across_text((x0, y0, x1, y1), level) or
                 _line_ground((x0, y0, x1, y1), level) or _blank_row_ground((x0, y0, x1, y1), level)):
            continue  # white paint behind a caption or running text: not drawn ink
        if cairo and kind == "fill-path" and not white and \
                (level := by_top[bisect.bisect_left(tops, y0 - tallest - 1.0):bisect.bisect_left(tops, y1)]) and \
                _highlight((x0, y0, x1, y1), level):
            continue  # a reader's highlight, printed into the page with its annotations
        w, h = x1 - x0, y1 - y0
        if w > background_w and h > background_h:
            continue  # page background
        # (two fifths of the page: an A4 page's text block between wide margins, its rules under the
        # running head and over the footnotes, is under half of it, as JKSPE 2004's Word pages')
        if kind == "stroke-path" and w * h >= 0.4 * area and _frames_the_text((x0, y0, x1, y1), lines) and \
                _rules_only_path(page, (x0, y0, x1, y1)):
            continue  # rules far apart stroked as one path round the page's text, no figure
        if kind in ("fill-image", "fill-imgmask") and w * h >= SCAN_AREA * area and _scanned_page(page):
            continue  # the page's scan, under the text layer its OCR made: the page, no figure
        if kind in ("fill-image", "fill-imgmask") and w >= background_w and _scan_in_strips(marks, width, height) and \
                _scanned_page(page):
            continue  # a band of the page's scan, stored as strips across the page (ACM TOPLAS 1990)
        if h > bar_h and w < bar_w and (x1 < bar_left or x0 > bar_right):
            continue  # a bar down the page's outer margin (NIH author manuscripts): joined with a banner, it made the page a figure
        if h > background_h and w < head_w and (x0 < bar_left or x1 > bar_right):
            # A band down the page's whole height from its side (a magazine's opening page: a colour
            # band 180 pt wide, bleeding off the top and bottom edges, the authors' names printed on
            # it): the page's decoration. No float reaches past both margins; taken as a drawing, it
            # grew over the title beside it and took the page's text in as its labels.
            continue
        if w < 2 and h > column_h and (y1 >= height - 0.5 or y0 <= 0.5):
            # A hairline down the page that runs off its top or foot edge (a magazine's rule beside
            # the text column, bleeding off the foot of every page): the page's decoration. No
            # float's line reaches past the page's edge; joined with a figure beside it, it made the
            # figure's box reach up over the column's text, which left the paper's text.
            continue
        if h < 2 and not (w < head_w or y0 > head_y) and _running_head_rule((x0, y0, x1, y1), lines, width, height):
            continue
        if h < 2.5 and w >= head_w and y0 > foot_y and _running_foot_rule((x0, y0, x1, y1), lines):
            continue
        # (a rule may be set as a stencil image whose box is wider than the hairline it paints:
        # Science's column rules, 1-bit masks 12 pt wide down the gutters)
        if (w < 2 or w < 15 and kind == "fill-imgmask") and h > column_h:
            if wide is None:  # (the marks `_column_rule` looks at, found once: a plot's axes are such rules)
                wide = [m for m in marks if m[1][2] - m[1][0] > 10]
            if _column_rule((x0, y0, x1, y1), lines, wide):
                continue
        if w < 0.5 and h < 0.5:
            continue
        if white:
            grounds.append((x0, y0, x1, y1))
            rects.append([x0, y0, x1, y1])
            painted.add(id(rects[-1]))
        elif h < 1.5 and w > 2:
            # A hairline just under words may be a link's underline (a word processor underlines
            # every URL): weighed once all the page's marks are known (see below).
            if (level := by_top[bisect.bisect_left(tops, y0 - tallest - 1.0):bisect.bisect_left(tops, y1)]) and \
                    _underlines_text((x0, y0, x1, y1), level):
                underlines.append((x0, y0, x1, y1))
            else:
                ink.append((x0, y0, x1, y1))
                rects.append([x0, y0, x1, y1])
        else:
            # (a stroked outline says so: a frame drawn round a float, see `_inside_frame`)
            ink.append((x0, y0, x1, y1, True) if kind == "stroke-path" else (x0, y0, x1, y1))
            rects.append([x0, y0, x1, y1])
    # An underline stands alone: a hairline under words that another mark comes within 3 pt of is
    # part of a drawing (the lower edge of a coloured frame round a word, a plot's grid line), kept.
    # (each weighed against the marks of its own bands of the page alone, 4 pt high: a page of
    # examples framing words in colour has hundreds of such hairlines, and thousands of marks)
    bands: dict[int, list[list[float]]] = {}
    wanted = {band for u in underlines for band in range(int((u[1] - 3) // 4.0), int((u[3] + 3) // 4.0) + 1)}
    for r in rects if underlines else ():
        for band in range(int(r[1] // 4.0), int(r[3] // 4.0) + 1):
            if band in wanted:
                bands.setdefault(band, []).append(r)
    alone: list[tuple] = []
    for u in underlines:
        near = (r for band in range(int((u[1] - 3) // 4.0), int((u[3] + 3) // 4.0) + 1) for r in bands.get(band, ()))
        if any(r[0] - 3 <= u[2] and u[0] <= r[2] + 3 and r[1] - 3 <= u[3] and u[1] <= r[3] + 3 for r in near):
            ink.append(u)
            rects.append(list(u))
        else:
            alone.append(u)
    if alone:
        _mark_underlined(alone, by_top, tops, tallest)
    notes, note_boxes = _margin_notes(rects, lines)
    if notes:
        rects = [r for r in rects if id(r) not in notes]
        grounds = [g for g in grounds if not any(n[0] <= g[0] and g[2] <= n[2] and n[1] <= g[1] and g[3] <= n[3]
                                                 for n in notes.values())]
        ink = [m for m in ink if not any(n[0] <= m[0] and m[2] <= n[2] and n[1] <= m[1] and m[3] <= n[3]
                                         for n in notes.values())]
    if seen is not None:
        seen.append((grounds, ink))
    others, tables = _stack_rules(rects, lines, painted)
    # A table's rules join a drawing only where they touch it: 8 pt apart, a table and the algorithm
    # frame under it are two floats. White paint joins only what it touches, within a stroke's
    # width: unseen, it is no ink 8 pt from a table's last rule (ICML 2009: the white ground of the
    # images 7.6 pt under Table 2 made table and figure one drawing), while the grounds of a plot's
    # panels 1 pt apart still tile one figure.
    if margin_notes is not None:
        margin_notes.extend(note_boxes)
    if not painted:
        boxes = _cluster(_cluster(_cluster(others, gap=8.0, keys=True), gap=2.0) + tables, gap=0.5)
    else:
        drawn = _cluster([o for o in others if id(o) not in painted], gap=8.0, keys=True)
        boxes = _cluster(_cluster(drawn + [o for o in others if id(o) in painted], gap=2.0) + tables, gap=0.5)
    openings = [ln for ln in lines if CAPTION.match(ln.text)]
    if openings and any(_caption_in_the_open(ln, box, ()) for box in boxes for ln in openings):
        return [part for box in boxes for part in _split_at_captions(box, others + tables, openings)]
    return boxes


def _level_rules_apart(page, marks: list, width: float, head_y: float, foot_y: float) -> list:
    """The page's marks, a stroke that draws level rules alone from the running head's band to the
    foot's (a word processor draws the rule under the running head and the one over the foot as one
    path: Journal of Object Technology) set apart into one mark per rule. As one mark its box was
    the whole text area: every line on the page fell inside a "figure" and left the text."""
    if not any(kind == "stroke-path" and b[2] - b[0] >= 0.5 * width and b[1] < head_y and b[3] > foot_y
               for kind, b, _, _ in marks):
        return marks
    out = []
    drawings = None
    for mark in marks:
        kind, b, clip, white = mark
        if kind == "stroke-path" and b[2] - b[0] >= 0.5 * width and b[1] < head_y and b[3] > foot_y:
            if drawings is None:
                drawings = page.get_cdrawings()
            path = next((d for d in drawings if d.get("type") == "s" and
                         all(abs(u - v) <= 1.5 for u, v in zip(d["rect"], b))), None)
            items = path["items"] if path is not None else ()
            if len(items) >= 2 and all(item[0] == "l" and abs(item[1][1] - item[2][1]) < 0.01 for item in items):
                half = max(path.get("width") or 0.0, 0.5) / 2
                out.extend((kind, (min(item[1][0], item[2][0]), item[1][1] - half, max(item[1][0], item[2][0]),
                                   item[1][1] + half), clip, white) for item in items)
                continue
        out.append(mark)
    return out


def _caption_in_the_open(line: Line, box: tuple, marks: list) -> bool:
    """Whether a caption's opening line stands inside a drawing's box with no mark under its middle
    (`marks`; none given: whether it stands in the box at all). A caption under a frame or a ground
    drawn round its float lies on that mark: the frame's, taken in with it (see `_inside_frame`)."""
    mx, my = (line.x0 + line.x1) / 2, (line.y0 + line.y1) / 2
    if not (box[0] < mx < box[2] and box[1] < my < box[3]):
        return False
    return not any(m[0] <= mx <= m[2] and m[1] <= my <= m[3] for m in marks)


def _split_at_captions(box: tuple, marks: list, openings: list[Line]) -> list[tuple]:
    """A drawing's box that holds another float's caption, in the open between its marks, cut apart
    where its marks leave a band of white across it (the widest, down or across, again in each part
    while a caption stands in it): floats set close together were clustered into one when one came
    within the clusters' reach of another and the box so grown took in a third (ICML 2018: a ruled
    table spanning the page 6 pt over a plot in the left column, and the images of the right
    column's figure, its caption under them, level with the plot: one box held all three floats and
    the caption of the third, two floats lost their crops). Parts too small to be a drawing (a lone
    hairline) are dropped, as clustering drops them."""
    inside = [m for m in marks if box[0] - 0.5 <= m[0] and m[2] <= box[2] + 0.5 and box[1] - 0.5 <= m[1] and m[3] <= box[3] + 0.5]
    held = [ln for ln in openings if _caption_in_the_open(ln, box, inside)]
    if not held:
        return [box]
    # A float ruled round with its caption (rules over and under both, or a frame's sides) is one
    # float: its caption stands in the open between the rules (see `_inside_frame`).
    width, height = box[2] - box[0], box[3] - box[1]
    if (any(m[1] < box[1] + 2 and m[2] - m[0] >= 0.9 * width for m in inside) and
            any(m[3] > box[3] - 2 and m[2] - m[0] >= 0.9 * width for m in inside)) or \
            (any(m[0] < box[0] + 2 and m[3] - m[1] >= 0.9 * height for m in inside) and
             any(m[2] > box[2] - 2 and m[3] - m[1] >= 0.9 * height for m in inside)):
        return [box]
    best = None  # (width of the band, axis, where it is cut)
    for axis in (0, 1):
        spans = sorted((m[axis], m[axis + 2]) for m in inside)
        reach = spans[0][1]
        for low, high in spans[1:]:
            cut = (low + reach) / 2
            # (never through a caption's line: a band of white beside a caption, under the drawing
            # beside it, is no cut between two floats, the one across the caption's column is)
            if low > reach and (best is None or low - reach > best[0]) and not any(
                    ((ln.x0 < cut < ln.x1) if axis == 0 else (ln.y0 < cut < ln.y1)) for ln in held):
                best = (low - reach, axis, cut)
            reach = max(reach, high)
    if best is None:
        return [box]
    _, axis, cut = best
    parts = []
    for group in ([m for m in inside if m[axis + 2] <= cut], [m for m in inside if m[axis] >= cut]):
        part = (min(m[0] for m in group), min(m[1] for m in group), max(m[2] for m in group), max(m[3] for m in group))
        if (part[2] - part[0]) * (part[3] - part[1]) > 200 or (part[3] - part[1] > 8 and part[2] - part[0] > 8):
            parts += _split_at_captions(part, group, openings)
    return parts


def _mark_underlined(underlines: list[tuple], by_top: list[Line], tops: list[float], tallest: float) -> None:
    """Mark the lines whose words hairlines standing alone underline (`Line.underlined`): a word
    processor's heading set in the text's own type, only underlined ("1. Autonomous Learning of
    Attacks", its number left out of the rule). The rules under a line cover most of it, up to its
    end; a link's underline in a line of prose covers a few of its words."""
    covered: dict[int, list] = {}
    for u in underlines:
        level = by_top[bisect.bisect_left(tops, u[1] - tallest - 1.0):bisect.bisect_left(tops, u[3])]
        middle = (u[1] + u[3]) / 2
        for ln in level:
            base = ln.base if ln.base is not None else ln.y1 - 0.2 * ln.size
            if base - 0.5 <= middle <= base + 0.3 * ln.size and ln.x0 - 1.5 <= u[0] and u[2] <= ln.x1 + 1.5:
                covered.setdefault(id(ln), [ln, 0.0, -1.0e9])
                entry = covered[id(ln)]
                entry[1] += u[2] - u[0]
                entry[2] = max(entry[2], u[2])
    for ln, width, end in covered.values():
        if width >= 0.6 * (ln.x1 - ln.x0) and end >= ln.x1 - ln.size:
            ln.underlined = True


def _underlines_text(box: tuple, lines: list[Line]) -> bool:
    """Whether a hairline is the underline of words (Word underlines every URL it links): it lies
    just under a line's baseline, within the line's descenders, and no wider than the words. A
    table's rule is set below the row's descenders (a strut's depth, 3 pt under the baseline or
    more) and runs past its cells' text by the column padding; alone and stacked with the next
    link's underline as a table's rules, the underlines made a "table" of the references between
    them, whose entries left the text."""
    middle = (box[1] + box[3]) / 2
    for ln in lines:
        base = ln.base if ln.base is not None else ln.y1 - 0.2 * ln.size
        if base - 0.5 <= middle <= base + 0.3 * ln.size and ln.x0 - 1.5 <= box[0] and box[2] <= ln.x1 + 1.5 and \
                ln.text.strip():
            return True
    return False


def _margin_notes(rects: list[list[float]], lines: list[Line]) -> tuple[dict[int, tuple], list[tuple]]:
    """The marks of notes set in the page's side margin with a leader line into the text (a
    reviewer's or author's margin comments, todonotes' boxed "hVoC - W4/Q2" in the right margin, a
    line drawn from the words it remarks on across the column to it): {id of each mark: the box it
    falls in, or its own for a leader}, and the notes' boxes. Joined with a figure the leader
    crosses, they made its crop reach into the margin (and the note's words, the figure's, left
    the text; they are no running text either: `_read_page` drops them). The margin is past
    the page's lines of running text; a note is marks wholly in it round words, and its leader a
    stroke from inside the text to the note's edge. A figure set in the margin (Tufte's margin
    figures) has no such leader and stays."""
    prose = [ln for ln in lines if len(ln.text) >= 40 and _is_prose(ln)]
    if len(prose) < 5:
        return {}, []
    left, right = min(ln.x0 for ln in prose), max(ln.x1 for ln in prose)
    outside = [r for r in rects if r[0] > right + 2 or r[2] < left - 2]
    if not outside:
        return {}, []
    out: dict[int, tuple] = {}
    kept: list[tuple] = []
    for note in _cluster([list(r) for r in outside], gap=2.0):
        if note[2] - note[0] < 8 or note[3] - note[1] < 8 or not any(_inside(ln, note, 0.0) for ln in lines):
            continue  # a note holds its words (a wide table's side rule past the text holds none)
        # (a leader bends down to a note set lower, clear of the one over it: its box is then taller)
        leaders = [r for r in rects if r[3] - r[1] < 40 and r[3] > note[1] and r[1] < note[3] and
                   ((note[0] > right and note[0] - 2 <= r[2] <= note[0] + 8 and r[0] < right - 20) or
                    (note[2] < left and note[2] - 8 <= r[0] <= note[2] + 2 and r[2] > left + 20))]
        if not leaders:
            continue
        for r in outside + leaders:
            if r in leaders or (note[0] <= r[0] and r[2] <= note[2] and note[1] <= r[1] and r[3] <= note[3]):
                out[id(r)] = note if r not in leaders else tuple(r)
        kept.append(note)
    return out, kept


def _behind_text(box: tuple, lines: list[Line], page_area: float) -> bool:
    """Whether a white box lies behind a caption (a word processor's white frame around a figure and
    its caption) or is a panel behind the page's running text (a proceedings' white panel under the
    whole text area of every page: as a graphic it made each page one figure). A plot's white
    background holds tick labels and legends, no caption; a figure's white box may hold a few lines
    of example text, not half a page of prose."""
    # (or behind one column of it, the page's height: FrameMaker's white frame under each column)
    large = (box[2] - box[0]) * (box[3] - box[1]) > 0.4 * page_area or \
        (box[3] - box[1]) > 0.8 * page_area ** 0.5 and (box[2] - box[0]) > 0.3 * page_area ** 0.5
    prose = 0
    for ln in lines:
        if ln.x1 <= box[0] or ln.x0 >= box[2] or ln.y1 <= box[1] or ln.y0 >= box[3]:
            continue  # apart from the box (as _inside would say, without the call for most lines)
        if _inside(ln, box, 0.0):
            # (or a caption whose label has no separator, its title opening with a capital: "Figure
            # 6 Taxonomies created by Cascade", CHI 2013's Word caption in a white frame of its own;
            # or IEEE's "TABLE I" on a line of its own over its title, a Word letter's table and
            # caption in one white frame)
            if CAPTION.match(ln.text) or UNSEPARATED_CAPTION.match(ln.text) or CAPTION_LABEL_LINE.match(ln.text):
                return True
            # (a page of references has few lines of prose but many full ones: "J. Baker, C. Bond, ...")
            # (a smaller white panel may lie behind a block of running text all the same, Science's
            # title and abstract on white panels: ten lines of 60 characters or more are text)
            prose += (_is_prose(ln) or len(ln.text) >= 40) if large else len(ln.text) >= 60
            if prose >= 10:
                return True
    return False


def _line_ground(box: tuple, lines: list[Line]) -> bool:
    """Whether a white box lies within one line's box (a point of play): the white shading a word
    processor paints behind a field's text, line by line (a Word paper's references, each line
    of an entry holding a URL on a white strip from its hanging indent to its last word). Unseen on
    the page, it holds nothing but the line's words: no drawing, and no figure of its lines. So does a
    strip one line high that runs from the column's edge to edge under a line, past its words (a Word
    paper's references shaded white line by line across the column's width)."""
    x0, y0, x1, y1 = box
    return any(ln.y0 - 1 <= y0 and y1 <= ln.y1 + 1 and (ln.x0 - 1 <= x0 and x1 <= ln.x1 + 1 or
                                                        x0 <= ln.x0 and ln.x1 <= x1 and ln.x1 - ln.x0 >= 0.15 * (x1 - x0))
               for ln in lines)


def _blank_row_ground(box: tuple, lines: list[Line]) -> bool:
    """Whether a white box is a strip one row high, many times wider than high, with no line in it:
    the white shading a word processor paints over a blank row between paragraphs (CHI 2013: a strip
    across the column between the introduction's last line and "RELATED WORK"). Unseen and empty,
    it is no drawing; as one it took the heading under it in as its label. (`lines`: those level
    with it.)"""
    x0, y0, x1, y1 = box
    rows = [ln.y1 - ln.y0 for ln in lines if ln.x0 < x1 and ln.x1 > x0]
    if not rows or x1 - x0 < 10 * (y1 - y0) or y1 - y0 > 1.5 * statistics.median(rows):
        return False
    # (a line's box reaches a little above its capitals: a row under the strip may touch it)
    return not any(ln.x0 < x1 - 1 and ln.x1 > x0 + 1 and min(ln.y1, y1) - max(ln.y0, y0) > 0.3 * (ln.y1 - ln.y0)
                   for ln in lines)


def _across_text(box: tuple, lines: list[Line]) -> bool:
    """Whether a white box runs under part of a line of running text, or under most of two: white
    paint reaching from a figure into the next column (a white stroke 149 pt wide behind a piano
    roll, Springer; an image's white ground running on past the figure, off the page's edge and
    down over the next column's heading and first paragraph, KDD 2010) is no part of the figure,
    whose visible ink stops at its column. A figure of text on a white ground (sample sentences, an
    algorithm's steps) holds its lines whole."""
    cut = 0
    bx0, by0, bx1, by1 = box
    for ln in lines:
        if ln.y1 <= by0 or ln.y0 >= by1 or ln.x1 <= bx0 + 10 or ln.x0 >= bx1 - 10:
            continue  # apart from the box, or beside it by 10 pt at most (most lines of the page)
        ix = min(ln.x1, bx1) - max(ln.x0, bx0)
        iy = min(ln.y1, by1) - max(ln.y0, by0)
        # (where the line lies first)
        if ix > 10 and iy > 0.5 * ln.height and len(ln.text) >= 40 and _is_prose(ln):
            cut += ix < ln.x1 - ln.x0 - 10
            if ix < 0.6 * (ln.x1 - ln.x0) or cut >= 2:
                return True
    return False


def _column_rule(rule: tuple, lines: list[Line], marks: list = ()) -> bool:
    """A hairline down the gutter between two columns of running text (CACM sets one between its
    columns): page furniture. Joined with the figures and tables it passes, it made a column-high
    float of them, or hid the page's graphics (running text in their box). (Of `marks`, the page's,
    only those over 10 pt wide are looked at: the caller may give those alone.)"""
    x0, y0, x1, y1 = rule

    def near(ln: Line) -> bool:
        return ln.y0 < y1 and ln.y1 > y0 and len(ln.text) >= 30 and _is_prose(ln)

    # (a gutter may be wide, the rule in its middle: a journal's 36 pt gutter sets its rule 17 pt
    # from the text on either side)
    left = [ln for ln in lines if near(ln) and 0 <= x0 - ln.x1 < 22]
    right = [ln for ln in lines if near(ln) and 0 <= ln.x0 - x1 < 22]
    if left and right:
        return True
    # A rule down the whole of a column of running text, nothing but a pull quote on its other side
    # (CACM: the column beside it left empty under the quote) is the gutter's rule all the same: the
    # column's lines stand beside most of its length. (A drawing's line has no column of prose a
    # few points off it down its whole length; a frame's side drawn on its own meets the frame's top
    # and foot at its ends, `marks`: ACL 2017's example of an article and its summaries, framed
    # by four lines, is a figure. A rule that meets a mark at one end only is no frame's side: IEEE
    # Computer's margin rule down the left column runs on from the edge of the section banner over
    # it, and nothing closes it at its foot.)
    across = [m[1] for m in marks if m[1][0] - 1 <= x1 and x0 <= m[1][2] + 1 and m[1][2] - m[1][0] > 10]
    if any(abs(b[1] - y0) < 2 or abs(b[3] - y0) < 2 for b in across) and \
            any(abs(b[3] - y1) < 2 or abs(b[1] - y1) < 2 for b in across):
        return False
    # (a narrow column's lines, six words or so, fail the test of prose one in two: cited numbers,
    # a broken word: the lines of words beside the rule are counted, prose a third of them or more)
    # (each line counts down to the next one's top, its leading, where that is less than a line's
    # height away: a column of 9.5 pt lines at a 12 pt pitch, a pull quote 70 pt high in it, leaves
    # its lines' own boxes under 0.6 of a rule 670 pt long, IEEE Computer's outer margin rule)
    for side in (lambda ln: 0 <= x0 - ln.x1 < 22, lambda ln: 0 <= ln.x0 - x1 < 22):
        column = sorted((ln for ln in lines if ln.y0 < y1 and ln.y1 > y0 and len(ln.text) >= 25 and side(ln)),
                        key=lambda ln: ln.y0)
        if len(column) < 10 or 3 * sum(1 for ln in column if _is_prose(ln)) < len(column):
            continue
        rows = sum(min(max(ln.y1, min(after.y0, ln.y1 + ln.height)), y1) - max(ln.y0, y0)
                   for ln, after in zip(column, column[1:] + [column[-1]]))
        if rows > 0.6 * (y1 - y0):
            return True
    return False


def _running_head_rule(rule: tuple, lines: list[Line], width: float, height: float) -> bool:
    """The rule under a running head (ICML, ICLR, Springer journals): a hairline across the text
    width near the top of the page, right under the head's one row of text, with nothing else
    above it. It is page furniture; joined with the figure or the table rules under it, it made
    their box reach up to the head."""
    x0, y0, x1, _ = rule
    if x1 - x0 < 0.5 * width or y0 > 0.12 * height:
        return False
    above = [ln for ln in lines if ln.y1 <= y0 + 1]
    # (a table's header row over its first rule at the top of a page stands in three pieces or more,
    # one per column: COLING 2018's "word | context | selected nearest neighbors"; a running head
    # is one piece or two, its title and the page number)
    if len(above) >= 3:
        return False
    # (a one-line caption over a table at the top of a page is no running head)
    return bool(above) and all(y0 - ln.y1 < 0.75 * ln.height and not CAPTION.match(ln.text) and
                               not CAPTION_LABEL_LINE.match(ln.text) for ln in above)


def _running_foot_rule(rule: tuple, lines: list[Line]) -> bool:
    """The rule over a running foot (Elsevier's cas-dc class: "Name et al.: Preprint submitted to
    Elsevier" and "Page 7 of 14" under a hairline across the text width): near the bottom of the page,
    right over the foot's one row of text, with nothing else below it. It is page furniture; joined
    with a table at the foot of the page, it made the table's box reach down over the two columns of
    text between them, and that text was lost to the table."""
    _, _, _, y1 = rule
    below = [ln for ln in lines if ln.y0 >= y1 - 1]
    # (a row of one piece or two, the foot's words and its page number, level with each other; or
    # three, one of them the page number: Cell Press sets its logo's letters "ll" at the row's left
    # end, the journal's line and the page number at its right)
    if not below or len(below) > 3 or max(ln.y0 for ln in below) - min(ln.y0 for ln in below) > 2 or \
            len(below) == 3 and not any(ln.text.strip().isdigit() for ln in below):
        return False
    # (Nature Communications sets its rule a line's height over the foot's row, 8 pt over 7-pt
    # type: with the rule over the figure's caption, it closed a "table" over the two columns of
    # text between them, and four pages of text were lost to it)
    return all(ln.y0 - y1 < 1.5 * ln.height and not CAPTION.match(ln.text) and
               not CAPTION_LABEL_LINE.match(ln.text) for ln in below)


PROSE_WORD = compile_later(r"^[a-z]{2,}[,.;:]?$")
WORD = compile_later(r"^[(“\"]?[A-Za-z][A-Za-z'’\-]*[)”\"]?[,.;:!?]?$")


def _is_prose(line: Line) -> bool:
    """A line of running text (seven in ten of its words lower-case words), as opposed to a table row
    (a question and its answer in a table of examples has about half)."""
    return _prose_text(line.text)


# `PROSE_WORD`'s words of a text found in one search: a run of letters (and its stop) that is a
# whole word, between whitespace (as `str.split` parts words: `\s` is its whitespace) or the ends
_PROSE_WORDS = compile_later(r"(?<!\S)[a-z]{2,}[,.;:]?(?!\S)")


@functools.lru_cache(maxsize=8192)
def _prose_text(text: str) -> bool:
    # (each white box of a page asks it of every line of the page again: a page of a hundred
    # white-filled marks split the same words a hundred times)
    # (the words matched in one search of the text, not one match call per word: every line of
    # every page is asked, once, by `_margin_notes`)
    prose = len(_PROSE_WORDS.findall(text))
    return prose >= 5 and prose >= 0.7 * len(text.split())


_BAND = 16.0  # points: the height of the page's bands in which _stack_rules looks for strokes a rule touches


def _stack_rules(rects: list[list[float]], lines: list[Line] = (), unseen: set[int] = frozenset()
                 ) -> tuple[list[list[float]], list[list[float]]]:
    """Join the horizontal rules of a table (\\hline, booktabs' top, mid and bottom rules, and the
    shorter \\cmidrule pieces between them) into one box; alone, each rule would be dropped as a
    hairline. A rule joins the table above it when it lies within that table's width, no prose line
    (wider than a table cell) or caption stands between them, and it is less than 60 pt below the
    table's last rule, or any distance for a rule of the same width: a long table's body has no rules
    (up to 500 pt; a page's length, 700 pt, with the table's caption at either end). White paint
    (the ids of its rects, `unseen`) is no stroke a rule touches: Elsevier paints a white band
    right over a table's top rule, and the rule so touched was taken for a drawing's edge, the
    table's other rules left lone hairlines. Returns the other paths and the tables."""
    rects = _join_rule_pieces(rects)
    tables: list[tuple[list[float], list[tuple[float, float]]]] = []  # each table's box and its rules' ends
    # A table's cells are set at the text's size or smaller; a line in larger type between two rules
    # is a heading or a title (a supplement's title between rules, its first section heading, then a
    # table as wide as those rules).
    rules = [r for r in rects if r[3] - r[1] < 2 and r[2] - r[0] > 30]
    sizes = Counter()
    for ln in lines if rules else ():
        sizes[ln.size] += len(ln.text)
    large = 1.15 * max(sizes.most_common(1)[0][0], max((ln.size for ln in lines if _is_prose(ln)), default=0.0)) \
        if sizes else float("inf")
    # A bold numbered heading a size over the body ("B COALESCEDA KERNEL" in 10 pt over 9 pt text)
    # between the rules closing one framed listing and opening the next: two floats, not one table.
    body = sizes.most_common(1)[0][0] if sizes else float("inf")

    def heading(ln: Line) -> bool:
        return ln.bold and ln.size > 1.05 * body and len(ln.text) < 80 and HEADING_NUMBER.match(ln.text) is not None
    others = [r for r in rects if not (r[3] - r[1] < 2 and r[2] - r[0] > 30)]
    # The other strokes by the bands of the page they reach (a scatter plot has tens of thousands;
    # a rule is only compared with those in its own band).
    bands: dict[int, list[list[float]]] = {}

    def file(o: list[float]) -> None:
        for band in range(int(o[1] // _BAND), int(o[3] // _BAND) + 1):
            bands.setdefault(band, []).append(o)

    # Only the bands a rule looks in are filled: a rule is compared with the strokes of its own
    # bands alone, and a page of plots has thousands of strokes far from any rule.
    wanted = {band for r in rules for band in range(int((r[1] - 1) // _BAND), int((r[3] + 1) // _BAND) + 1)}
    for o in others if rules else ():
        if unseen and id(o) in unseen:
            continue
        low, high = int(o[1] // _BAND), int(o[3] // _BAND)
        if low == high:
            if low in wanted:
                bands.setdefault(low, []).append(o)
        else:
            for band in range(low, high + 1):
                if band in wanted:
                    bands.setdefault(band, []).append(o)
    # An "Algorithm 1: ..." line right under a rule: the rule opens an algorithm float, never the
    # rest of a table above it (ICLR 2020: 53 pt under Table 4, as wide as its rules).
    algorithms = [ln for ln in lines if ALGORITHM.match(ln.text)] if rules else []
    # The abstract's heading ("ABSTRACT", "a b s t r a c t") between a band's rules: Elsevier's front
    # matter, ruled across the text width over "ARTICLE INFO" and "ABSTRACT", each heading's rule
    # under it, the abstract beside the keywords' column and a rule across under both. Its lines
    # are the paper's abstract, never a table cell's wrapped lines, however far down they stand
    # level with the column of keywords (printed anew, with the fonts' whole boxes for their lines'
    # heights, they all did, and the abstract was taken into a table).
    abstract_heads = [ln for ln in lines if _ABSTRACT_HEADING.match(ln.text)] if rules else []

    def abstract_band(box: list[float], line: Line) -> bool:
        return any(box[1] - 1 <= h.y0 and h.y1 < line.y0 and h.x0 > box[0] - 3 and h.x1 < box[2] + 3 and
                   h.x0 < line.x1 and line.x0 < h.x1 for h in abstract_heads)

    def captioned(box: list[float], foot: list[float]) -> bool:
        # A table filling a page (IEEE: 76 features, its foot's rule 608 pt under its head's) has its
        # caption right over its head or under its foot; a page's head and foot rules, as far apart
        # and as wide (PLOS: over a page of references), have none.
        return any((0 <= box[1] - ln.y1 < 30 or 0 <= ln.y0 - foot[3] < 30) and ln.x1 > box[0] and ln.x0 < box[2] and
                   (CAPTION.match(ln.text) or CAPTION_LABEL_LINE.match(ln.text)) for ln in lines)
    for r in sorted(rules, key=lambda r: r[1]):
        near = (o for band in range(int((r[1] - 1) // _BAND), int((r[3] + 1) // _BAND) + 1) for o in bands.get(band, ()))
        if any(o[0] <= r[2] + 1 and r[0] - 1 <= o[2] and o[1] <= r[3] + 1 and r[1] - 1 <= o[3] for o in near):
            others.append(r)  # it touches other strokes: a plot's grid line or axis, a drawing's edge
            file(r)
            continue
        if any(-1 < ln.y0 - r[3] < ln.height and ln.x0 > r[0] - 3 and ln.x1 < r[2] + 3 for ln in algorithms):
            tables.append((list(r), [(r[0], r[2])]))
            continue
        for box, ends in reversed(tables):
            gap = r[1] - box[3]
            # A float ruled above and below, its caption right over its top rule ("Table 1. The
            # algorithm E." over a ruled algorithm of numbered steps), holds prose between its two
            # rules: the second closes it, whatever lines of words stand between. (Rules read from a
            # scan's pixels end where its ink does: a few points apart, 4 % of their length.)
            tolerance = max(3.0, 0.04 * (box[2] - box[0]))
            framed = len(ends) == 1 and gap < 400 and abs(r[0] - box[0]) < tolerance and abs(r[2] - box[2]) < tolerance \
                and any(0 <= box[1] - ln.y1 < 30 and ln.x1 > box[0] and ln.x0 < box[2] and
                        (CAPTION.match(ln.text) or CAPTION_LABEL_LINE.match(ln.text)) for ln in lines)
            if not framed and not (r[0] > box[0] - 3 and r[2] < box[2] + 3):
                continue  # a wider rule is another float's (an algorithm's frame under a table)
            same = framed or any(abs(r[0] - e0) < 3 and abs(r[2] - e1) < 3 for e0, e1 in ends)
            if (gap < 60 or (gap < 500 and same) or (gap < 700 and same and captioned(box, r))) and not any(
                    box[3] < (ln.y0 + ln.y1) / 2 < r[1] and ln.x1 > box[0] and ln.x0 < box[2] and
                    ((not framed and _is_prose(ln) and ln.x1 - ln.x0 > 0.4 * (r[2] - r[0]) and
                      # (prose wholly beside the rule, in the other column, is no cell of the table
                      # the rule closes, whatever stands level with it: AJPS, a column's table under
                      # one across the page, the text beside it level with its rows)
                      (not _in_table_cell(ln, lines, box, r[1]) or ln.x0 >= r[2] or ln.x1 <= r[0] or
                       abstract_band(box, ln))) or
                     CAPTION.match(ln.text) or
                     CAPTION_LABEL_LINE.match(ln.text) or ln.size > large or heading(ln) or
                     # a line across the table's side is running text, whatever its symbols (NIPS
                     # 2017: two like fraction bars 260 pt apart were joined over a derivation)
                     ln.x0 < box[0] - 10 < box[0] + 10 < ln.x1 or ln.x0 < box[2] - 10 < box[2] + 10 < ln.x1)
                    for ln in lines):
                box[0], box[1], box[2], box[3] = min(box[0], r[0]), min(box[1], r[1]), max(box[2], r[2]), max(box[3], r[3])
                ends.append((r[0], r[2]))
                break
        else:
            tables.append((list(r), [(r[0], r[2])]))
    # A lone rule is a line of a drawing (or a hairline, dropped later), not a table.
    return others + [box for box, ends in tables if len(ends) == 1], [box for box, ends in tables if len(ends) > 1]


def _join_rule_pieces(rects: list[list[float]]) -> list[list[float]]:
    """A table's rule drawn in pieces joined into one: a word processor draws each cell's border on
    its own, with a small square where a column's border meets it, end to end at the same height
    and of the same thickness. Touching one another, the pieces were taken for a drawing's strokes
    and the table's rows for running text. Only hairlines (under 2 pt) of one thickness, level
    with each other and touching end to end (within 0.5 pt) are joined; a plot's grid line meets
    its axis across it, not end to end, and stays as it is; so does a flat stretch of a curve drawn
    in short strokes, none of them a cell's width."""
    thin = [r for r in rects if r[3] - r[1] < 2 and r[2] - r[0] > 0.5]
    if len(thin) < 2:
        return rects
    thin.sort(key=lambda r: r[0])
    joined: dict[int, list[float]] = {}  # id of a piece -> the rule it is part of
    chains: list[list[list[float]]] = []
    firsts: list[list[float]] = []  # each chain's first piece
    ends: list[float] = []  # each chain's right end
    wide: list[bool] = []  # whether a piece of the chain is as long as a cell's border (over 30 pt)
    level: dict[int, list[int]] = {}  # the chains by the height of their first piece, in 0.3 pt steps
    for r in thin:  # (left to right: a piece touches a chain's right end, or overlaps it)
        key = int(r[1] / 0.3)
        # The last 16 chains of the piece's step and the steps either side, in that order: the
        # first it touches takes it. (A plot's curve in short strokes leaves hundreds of chains
        # ended left of the piece: their end is looked at first, the cheapest test that fails.)
        x0, found = r[0], -1
        for near in (key - 1, key, key + 1):
            for k in level.get(near, ())[-16:]:
                if x0 <= ends[k] + 0.5:
                    first = firsts[k]
                    if abs(first[1] - r[1]) < 0.3 and abs(first[3] - r[3]) < 0.3:
                        found = k
                        break
            if found >= 0:
                break
        if found >= 0:
            chains[found].append(r)
            if r[2] > ends[found]:
                ends[found] = r[2]
            wide[found] = wide[found] or r[2] - r[0] > 30
        else:
            level.setdefault(key, []).append(len(chains))
            chains.append([r])
            firsts.append(r)
            ends.append(r[2])
            wide.append(r[2] - r[0] > 30)
    for chain, has_wide in zip(chains, wide):
        # (a rule's pieces include at least one cell's border, itself as long as a rule: a flat
        # stretch of a plot's curve, drawn as many short strokes, is no rule)
        if len(chain) > 1 and has_wide:
            rule = [min(c[0] for c in chain), min(c[1] for c in chain), max(c[2] for c in chain), max(c[3] for c in chain)]
            for c in chain:
                joined[id(c)] = rule
    if not joined:
        return rects
    out, added = [], set()
    for r in rects:
        rule = joined.get(id(r))
        if rule is None:
            out.append(r)
        elif id(rule) not in added:
            added.add(id(rule))
            out.append(rule)
    return out


def _in_table_row(line: Line, lines: list[Line], box: list[float]) -> bool:
    """Whether a line of words is a table's cell: other cells stand level with it, apart from it,
    within the table's width (IJCAI 2021: "price, wifi, quality, motel, gym" beside "Hotel" and
    "Value", a table of keyphrases whose rules were cut apart at it). A line of running text
    between two rules stands alone in its row (or beside its equation's number)."""
    return any(other is not line and other.page == line.page and abs(other.y0 - line.y0) < 0.5 * line.height and
               (other.x1 < line.x0 - 3 or other.x0 > line.x1 + 3) and other.x1 > box[0] - 3 and other.x0 < box[2] + 3
               and not EQUATION_NUMBER.fullmatch(other.text.strip()) for other in lines)


def _in_table_cell(line: Line, lines: list[Line], box: list[float], rule: float) -> bool:
    """Whether a line of words is a table's cell (`_in_table_row`) or a cell's wrapped line: alone
    in its row under the cell it goes on, flush left with it at a line's pitch (ACL 2016: a
    passage's "doctrine , ideology and an emphasis ..." under "clear @entity0 is leaning toward ...",
    beside its question's last line; TACL 2017: a cell of examples five lines long beside "Croatian"),
    the other cells of its row ended: nothing stands beside it down to the `rule` under it.
    Running text between two rules has no cell over its lines: it stands alone in every row; a
    paragraph beside a column of short lines (Elsevier's abstract beside "Article history:" and
    the keywords) goes on level with more of them under it. A cell of prose in every row (Journal of
    Intelligent Manufacturing 2019: a class's name, and beside it a paragraph of up to eleven
    lines describing it, row after row down a page) ends where the row does, its lines at a line's
    pitch: nothing beside it down to its last line, the next row's name level with the next cell's
    first line, after a row's gap."""
    if _in_table_row(line, lines, box):
        return True

    def flush_at_pitch(upper: Line, lower: Line) -> bool:
        return abs(upper.x0 - lower.x0) < 1.5 and abs(upper.size - lower.size) < 0.5 and \
            0 < lower.y0 - upper.y0 < 1.6 * lower.height

    same_page = [o for o in lines if o.page == line.page]
    last, under = line, 0  # the cell's last line: its lines go on flush left at a line's pitch
    for _ in range(60):
        below = next((o for o in same_page if o is not last and flush_at_pitch(last, o) and o.y1 < rule + 1), None)
        if below is None:
            break
        last, under = below, under + 1
    if any(line.y0 < o.y0 and o.y1 < last.y1 + 1 and (o.x1 < line.x0 - 3 or o.x0 > line.x1 + 3) and
           o.x1 > box[0] - 3 and o.x0 < box[2] + 3 for o in same_page):
        return False
    climbed = [line]  # up to the cell's first line
    for _ in range(60):
        above = next((o for o in same_page if o is not climbed[-1] and flush_at_pitch(o, climbed[-1]) and o.y0 > box[3]), None)
        if above is None:
            break
        climbed.append(above)
    # (a cell of prose is a dozen lines at most: a longer paragraph at a line's pitch, level at its
    # first line with a note beside it, is running text: Nature Communications' abstract, over a
    # dozen lines beside the journal's side column, between its rules)
    if len(climbed) + under > 12:
        return False
    return any(_in_table_row(ln, lines, box) for ln in climbed)


def _cluster(rects: list[list[float]], gap: float, keys: bool = False) -> list[tuple[float, float, float, float]]:
    """The rects merged into clusters: boxes that come within `gap` of each other are one, until no
    two clusters do; each merge moves the grown cluster to the end of the list. With `keys`, the
    clusters too small to keep join a plot beside them (`_join_legend_keys`)."""
    clusters: list[list[float]] = []
    for r in _top_left_sorted(rects):
        if clusters:
            last = clusters[-1]
            if last[0] <= r[0] and last[1] <= r[1] and r[2] <= last[2] and r[3] <= last[3]:
                continue  # inside the cluster merged last (a plot's marks): it would change nothing
            # Inside another cluster (a mark of one of the plots side by side whose marks come in
            # turn, from the top down), the rect would be merged into that one alone (which clears
            # all others, so the rect does too) and move it to the end: it is moved there. Only the
            # clusters merged most lately are looked at, the rest merge as any rect does.
            holder = next((j for j in range(len(clusters) - 2, max(len(clusters) - _RECENT, 0) - 1, -1)
                           if clusters[j][0] <= r[0] and clusters[j][1] <= r[1] and r[2] <= clusters[j][2] and
                           r[3] <= clusters[j][3]), None)
            if holder is not None:
                clusters.append(clusters.pop(holder))
                continue
        clusters.append(list(r))
        merged = True
        while merged and len(clusters) > 1:
            merged = False
            last = clusters[-1]
            # The cluster merged last comes first: a plot's thousands of marks fall inside it.
            for i in itertools.chain((len(clusters) - 2,), range(len(clusters) - 2)):
                c = clusters[i]
                if c[0] - gap <= last[2] and last[0] - gap <= c[2] and c[1] - gap <= last[3] and last[1] - gap <= c[3]:
                    c[0], c[1] = min(c[0], last[0]), min(c[1], last[1])
                    c[2], c[3] = max(c[2], last[2]), max(c[3], last[3])
                    clusters.pop()
                    clusters.append(clusters.pop(i))
                    merged = True
                    break
    # Lone hairlines (footnote rules, header rules) are not graphics.
    kept = [c for c in clusters if (c[2] - c[0]) * (c[3] - c[1]) > 200 or (c[3] - c[1] > 8 and c[2] - c[0] > 8)]
    if keys and len(kept) < len(clusters):
        _join_legend_keys([c for c in clusters if (c[2] - c[0]) * (c[3] - c[1]) <= 200 and
                           (c[3] - c[1] <= 8 or c[2] - c[0] <= 8)], kept)
    return [tuple(c) for c in kept]


_KEY_REACH = 12.0  # points: how far beside a plot a legend's keys may stand


def _join_legend_keys(small: list[list[float]], kept: list[list[float]]) -> None:
    """Join to a plot the marks too small to be a graphic alone that stand beside it, level with
    it and a little further off than the clusters' gap: a legend's keys set outside the plot's
    frame (IEEE, ggplot: two triangles 8.4 pt right of the panel, "Attribute SBM" and "Regular
    SBM" beside them), dropped, had left the legend's words out of the crop. So do such marks
    under or over a plot, within its width: an axis's name drawn as a glyph's outline (matplotlib's
    mathtext "β" under a plot's tick labels, 10 pt under its frame, CVPR 2019) is no text to grow
    the box over. A hairline (a rule) joins nothing, and only a plot at least 40 pt each way takes
    keys beside it or single marks over or under it."""
    # (a plot under 40 pt high, at least 20, takes marks over or under it that stand in a row, two
    # or more level with each other: a legend's keys in a strip over a short plot, Interspeech
    # 2015's six colour keys 10 pt over a 39 pt panel, their words left out of the crop; the last
    # key of the row may stand a little past the plot's side)
    plots = [c for c in kept if c[2] - c[0] >= 40 and c[3] - c[1] >= 20]
    keys = [r for r in small if r[2] - r[0] >= 2 and r[3] - r[1] >= 2] if plots else []
    joined: list[list[float]] = []

    def off(r: list[float], c: list[float]) -> float:
        return max(c[1] - r[3], r[1] - c[3])

    def in_row(r: list[float], c: list[float]) -> bool:
        # (a key of the row may stand farther off than the reach when another of the row is within
        # it: a legend's columns of keys of unequal length, the row's top keys level)
        return any(k is not r and min(k[3], r[3]) - max(k[1], r[1]) > 0.5 * min(k[3] - k[1], r[3] - r[1]) and
                   c[0] - _KEY_REACH <= k[0] and k[2] <= c[2] + _KEY_REACH and
                   min(off(r, c), off(k, c)) <= _KEY_REACH for k in keys)

    for r in keys:
        for c in plots:
            tall = c[3] - c[1] >= 40
            if (tall and c[1] - 2 <= r[1] and r[3] <= c[3] + 2 and 0 <= max(c[0] - r[2], r[0] - c[2]) <= _KEY_REACH) or \
                    (tall and c[0] - 2 <= r[0] and r[2] <= c[2] + 2 and 0 <= off(r, c) <= _KEY_REACH) or \
                    (min(r[2], c[2]) - max(r[0], c[0]) > 0 and c[0] - _KEY_REACH <= r[0] and
                     r[2] <= c[2] + _KEY_REACH and 0 <= off(r, c) <= 2 * _KEY_REACH and in_row(r, c)):
                c[0], c[1], c[2], c[3] = min(c[0], r[0]), min(c[1], r[1]), max(c[2], r[2]), max(c[3], r[3])
                joined.append(r)
                break
    # A legend's keys in a row under (or over) a row of panels, one key or so to a panel (COLING
    # 2025: five keys under four panels, 12 pt under their frames, the first 18 pt left of the first
    # panel's frame, over its y-axis's labels): each key level with two others or more joins the
    # plot nearest it, within twice the reach each way.
    for r in keys:
        if any(r is k for k in joined) or sum(k is not r and min(k[3], r[3]) - max(k[1], r[1]) > 0.5 * min(k[3] - k[1], r[3] - r[1])
                                             for k in keys) < 2:
            continue
        near = [c for c in plots if 0 <= off(r, c) <= 2 * _KEY_REACH and max(c[0] - r[2], r[0] - c[2]) <= 2 * _KEY_REACH]
        if near:
            c = min(near, key=lambda c: max(c[0] - r[2], r[0] - c[2]))
            c[0], c[1], c[2], c[3] = min(c[0], r[0]), min(c[1], r[1]), max(c[2], r[2]), max(c[3], r[3])


_TOP_LEFT = operator.itemgetter(1, 0)
_LEFT, _TOP, _RIGHT, _BOTTOM = (operator.itemgetter(k) for k in range(4))  # (a box's edges)


def _top_left_sorted(rects: list) -> list:
    """`sorted(rects, key=_TOP_LEFT)`: top down, then left to right, ties in their order. Many
    rects (a scatter plot's tens of thousands of marks) are sorted by their left edge and then,
    stably, by their top: the same order, at a third of the cost of a key pair made for each
    rect. Not where an edge is NaN (a sum of NaN, or of infinities either way, is NaN): NaN orders
    nothing, and the two ways could part."""
    if len(rects) < 256 or (total := sum(map(_TOP, rects)) + sum(map(_LEFT, rects))) != total:
        return sorted(rects, key=_TOP_LEFT)
    out = sorted(rects, key=_LEFT)
    out.sort(key=_TOP)
    return out
_RECENT = 8  # clusters looked at for a rect inside one, the cluster merged last among them


def _without_highlights(marks: list, boxes: list[tuple], lines: list[Line], page_width: float | None = None) -> list[tuple]:
    """Drop the boxes that are the colour behind text, not a drawing: a reader's highlights baked
    into the page (a student's annotated copy), a shaded paragraph. Lines of prose run across such
    a box from edge to edge, one under the other with no empty band between them (the line
    spacing, however wide, counts as the lines'); a figure or table leaves most of its box to the
    drawing, or its cells leave gaps across a row. A text figure in a frame (a sample summary in a
    ruled box) is text edge to edge too, but rules run down both its sides (measured within their
    clip: EMNLP 2004's framed abstract, its frame stroked 2 pt past the clip that cut its box).
    A ground painted across the whole page (`page_width`), edge to edge, with nothing drawn on it
    but text (Annual Reviews' tinted band behind page 1's abstract and its margin notes, two
    columns of text that leave its middle and sides bare) is a band of colour too, however little
    of its width each row of text fills (`_text_band`)."""
    out = []
    rules: list | None = None
    for box in boxes:
        width, height = box[2] - box[0], box[3] - box[1]
        crossing = [ln for ln in lines if min(ln.x1, box[2]) - max(ln.x0, box[0]) > 0 and
                    min(ln.y1, box[3]) - max(ln.y0, box[1]) > 0.5 * ln.height]
        # (a reader's notes in another script written between the lines, "诊断" over "diagnostic" in
        # an abstract in English, are no rows of the text)
        crossing = _without_script_notes(crossing)
        if width <= 0 or height <= 0 or not any(len(ln.text.split()) >= 4 for ln in crossing):
            out.append(box)
            continue
        whole = box
        ground = _ground_under(marks, box, crossing)
        if ground is not None:
            # (the box a shaded paragraph's ground made with marks beside it, a page's coloured tabs
            # down its margin a few points off: the text is weighed on its own ground)
            box = ground
            width, height = box[2] - box[0], box[3] - box[1]
            crossing = [ln for ln in crossing if min(ln.x1, box[2]) - max(ln.x0, box[0]) > 0 and
                        min(ln.y1, box[3]) - max(ln.y0, box[1]) > 0.5 * ln.height]
        # Highlighted text is words; a table of results whose rows PyMuPDF reads as lines across
        # it ("baseline+++ ResNet-101 COCO+07++12 83.8 92.1 88.4 ...") is mostly numbers.
        text = " ".join(ln.text for ln in crossing)
        if sum(len(w) for w in text.split() if WORD.match(w)) < 0.5 * len(text.replace(" ", "")):
            out.append(whole)
            continue
        spans: dict[int, float] = {}  # pieces of one row (split by an inline icon) count once
        for ln in crossing:
            spans[round(ln.y0 / 3)] = spans.get(round(ln.y0 / 3), 0.0) + min(ln.x1, box[2]) - max(ln.x0, box[0])
        rows = len(spans)
        across = sum(spans.values()) / (width * rows)
        # A shaded box of several paragraphs under headings of their own (PLOS's "Author summary":
        # bold questions over bulleted paragraphs) leaves each paragraph's short last line and each
        # heading's short line: most of its rows still run edge to edge.
        full = sorted(spans.values())[rows // 2] / width
        covered, reach = 0.0, box[1]
        body = statistics.median(ln.size for ln in crossing)
        for ln in sorted(crossing, key=lambda ln: ln.y0):
            # (the space over a heading, a bold line larger than the text, is the heading's)
            above = 2.5 if ln.bold and ln.size > body + 0.5 else 0.5
            top, bottom = max(box[1], ln.y0 - above * ln.height), min(box[3], ln.y1 + 0.5 * ln.height)
            covered += max(0.0, bottom - max(top, reach))
            reach = max(reach, bottom)
        # (its headings tell it from a table of word lists, EMNLP 1997's rows of words filling their
        # columns, short last rows under each head: no line of such a table is bold, or larger than
        # the rest; PLOS sets its "Author summary" in 12 pt regular Arial over 10 pt text, and the box
        # at a page's foot that holds it and three lines of the summary leaves the heading's row short)
        headed = any(ln.bold or ln.size > body + 1.0 for ln in crossing)
        if not ((across >= 0.75 or (across >= 0.6 and full >= 0.85 and headed and not _inner_ground(marks, whole)) or
                 _text_band(marks, whole, page_width)) and covered >= 0.8 * height):
            out.append(whole)
            continue
        # Colour behind text is painted as areas, a line's height at least; a box of hairlines
        # alone is the rules of a table of text (TACL 2017: examples in a cell five lines long under
        # a rule across the page, each row's label beside it), no highlight.
        if not any(b[3] - b[1] >= 3 and b[2] > box[0] and b[0] < box[2] and b[3] > box[1] and b[1] < box[3] and
                   (clip is None or (clip[3] - clip[1] >= 3 and clip[2] > box[0] and clip[0] < box[2] and
                                     clip[3] > box[1] and clip[1] < box[3]))
                   for _, b, clip, _ in marks):
            out.append(whole)
            continue
        if rules is None:  # (each as far as its clip reaches, as the boxes were made)
            rules = [b if clip is None else (max(b[0], clip[0]), max(b[1], clip[1]), min(b[2], clip[2]), min(b[3], clip[3]))
                     for kind, b, clip, _ in marks if kind == "stroke-path" or (kind == "fill-path" and 0.05 < b[2] - b[0] < 2)]
            # (a fill of no width paints nothing: PLOS traces its shaded box's edges so, in the
            # ground's own grey, and that is no frame)
        # (a frame is looked for round the whole box: one drawn round the ground stands a point out)
        within = [r for r in rules if r[1] >= whole[1] - 2 and r[3] <= whole[3] + 2]
        if (_bordered_fill(marks, whole) or _ruled_down(within, whole[0], whole[3] - whole[1], 0) and
                _ruled_down(within, whole[2], whole[3] - whole[1], 2)) and \
                not _ABSTRACT_ON_TOP.match(min(crossing, key=lambda ln: ln.y0).text) and \
                not _abstract_label_over(whole, lines):
            # its frame: a stroked rectangle, or rules down both sides. (A frame whose first line is
            # the label "Abstract" is the abstract's box, no float: BMC frames its abstract, label,
            # run-in heads and keywords, on page 1; as a figure, the abstract left the text.)
            out.append(whole)
    return out


def _ground_under(marks: list, box: tuple, crossing: list[Line]) -> tuple | None:
    """The one filled area inside the box, a part of it, that every line of the text across the
    box lies on (PIJ's abstract on its tinted ground, clustered with the coloured tabs down the
    page's margin 5 pt to its left, the notes at the page's foot across the box too: four in five of
    its lines); None when the box is that area or no one area holds the text."""
    worded = [ln for ln in crossing if len(ln.text.split()) >= 4]
    if len(worded) < 8:
        return None  # (a paragraph's lines, not a figure's few labels or a framed note in it)
    best = None
    for kind, b, _, _ in marks:
        if kind != "fill-path" or b[0] < box[0] - 1 or b[1] < box[1] - 1 or b[2] > box[2] + 1 or b[3] > box[3] + 1:
            continue
        if b[2] - b[0] > 0.9 * (box[2] - box[0]) and b[3] - b[1] > 0.9 * (box[3] - box[1]):
            return None  # (the box is one ground's, or a frame's round it)
        inside = sum(ln.x0 >= b[0] - 1 and ln.x1 <= b[2] + 1 and ln.y0 >= b[1] - 1 and ln.y1 <= b[3] + 1 for ln in worded)
        if 5 * inside >= 4 * len(worded) and inside >= 8 and \
                (best is None or (b[2] - b[0]) * (b[3] - b[1]) > (best[2] - best[0]) * (best[3] - best[1])):
            best = tuple(b)
    return best


def _bordered_fill(marks: list, box: tuple) -> bool:
    """Whether a box holds a frame painted as two fills, one a little inside the other (tcolorbox:
    a dark area and, 0.5 to 3 pt inside it on every side, the box's lighter ground; arXiv 2023's
    three framed lists of names, each a paragraph of prose edge to edge). A reader's highlight or a
    shaded paragraph is one area, no border round it."""
    fills = [b for kind, b, _, _ in marks if kind == "fill-path" and b[0] >= box[0] - 1 and b[1] >= box[1] - 1 and
             b[2] <= box[2] + 1 and b[3] <= box[3] + 1 and b[2] - b[0] > 20 and b[3] - b[1] > 20]
    return any(a is not b and all(0.5 <= d <= 3 for d in (b[0] - a[0], b[1] - a[1], a[2] - b[2], a[3] - b[3]))
               for a in fills for b in fills)


def _text_band(marks: list, box: tuple, page_width: float | None) -> bool:
    """Whether the box is a ground filled across the page from one side to the other (to within a
    point of each) with nothing else drawn over it: one fill covers it, and no other mark (a path,
    an image) meets it. A figure drawn on a tinted ground has its drawing on it."""
    if page_width is None or box[0] > 1.0 or box[2] < page_width - 1.0:
        return False
    grounds = 0
    for kind, b, _, _ in marks:
        if b[2] <= box[0] or b[0] >= box[2] or b[3] <= box[1] or b[1] >= box[3]:
            continue
        if kind == "fill-path" and b[0] <= box[0] + 1 and b[1] <= box[1] + 1 and b[2] >= box[2] - 1 and b[3] >= box[3] - 1:
            grounds += 1
        else:
            return False
    return grounds == 1


def _without_script_notes(lines: list[Line]) -> list[Line]:
    """The lines less those mostly in a CJK script among lines of Latin text (twenty Latin letters
    or more for each of their characters): a reader's notes written into an English page."""
    if not _notes_in_another_script(lines):
        return lines
    return [ln for ln in lines if not _mostly_cjk(ln)]


def _abstract_label_over(box: tuple, lines: list[Line]) -> bool:
    """Whether the abstract's heading stands alone on its line right over the box (within two of its
    lines' heights, over the box's left part): a frame round the abstract's paragraph with its label
    "ABSTRACT" set above it, outside the frame, is the abstract's box, no float (a journal's page 1
    printed from a word processor)."""
    return any(_ABSTRACT_HEADING.match(ln.text) and 0 <= box[1] - ln.y1 < 2 * ln.height and
               box[0] - 2 * ln.height <= ln.x0 < (box[0] + box[2]) / 2 for ln in lines)


def _inner_ground(marks: list, box: tuple) -> bool:
    """Whether a second ground is filled inside the box a point or so in from three of its sides or
    all four: a darker ground under a lighter one that leaves a border round it is a frame (tcolorbox's
    prompt and guideline boxes, their title on the top band), not a shaded paragraph."""
    for kind, b, _, _ in marks:
        if kind != "fill-path" or b[2] - b[0] < 0.5 * (box[2] - box[0]) or b[3] - b[1] < 0.5 * (box[3] - box[1]):
            continue
        insets = (b[0] - box[0], b[1] - box[1], box[2] - b[2], box[3] - b[3])
        if min(insets) >= -0.1 and sum(0.3 < d <= 3.0 for d in insets) >= 3:
            return True
    return False


_ABSTRACT_ON_TOP = compile_later(r"^\s*abstract\b", re.IGNORECASE)
# The abstract's heading alone on its line, its letters perhaps spaced out ("A B S T R A C T").
_ABSTRACT_HEADING = compile_later(r"^\s*a\s?b\s?s\s?t\s?r\s?a\s?c\s?t\s*[.:]?\s*$", re.IGNORECASE)


def _ruled_down(rules: list, x: float, height: float, edge: int) -> bool:
    """Whether rules at `x` (their left edge for edge=0, right for 2) run down at least 8/10 of
    `height`: one rule, or a table's side drawn a row at a time (\\tabular's | between \\hline), its
    pieces end to end."""
    spans = sorted((r[1], r[3]) for r in rules if abs(r[edge] - x) < 2)
    covered, reach = 0.0, float("-inf")
    for top, bottom in spans:
        covered += max(0.0, bottom - max(top, reach))
        reach = max(reach, bottom)
    return covered >= 0.8 * height


def _inside(line: Line, box, margin: float) -> bool:
    # (min and max written out as they choose, `b if b < a else a`: a call each was a third of the
    # time of this test, asked of every line near every float's box)
    x1, lx1 = box[2] + margin, line.x1
    x0, lx0 = box[0] - margin, line.x0
    ix = (x1 if x1 < lx1 else lx1) - (x0 if x0 > lx0 else lx0)
    if ix <= 0:
        return False  # (most lines asked lie apart from the box: no overlap to weigh)
    y0, y1 = box[1] - margin, box[3] + margin
    iy = max(0.0, min(line.y1, y1) - max(line.y0, y0))
    area = max(1e-6, (line.x1 - line.x0) * (line.y1 - line.y0))
    return ix * iy / area > 0.6


# ───────────────────────────── line numbers ─────────────────────────────

_DIGITS = compile_later(r"^\d{1,5}$")


class _Rows:
    """A page's lines, found by height: `across(y)` gives those whose top and bottom (widened by
    `slack`) hold y, in the order they were given, without going through all of them (a review
    copy's margin numbers each looked through every line of their page)."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.order = sorted(range(len(lines)), key=lambda i: lines[i].y0)
        self.tops = [lines[i].y0 for i in self.order]
        self.tallest = max((ln.y1 - ln.y0 for ln in lines), default=0.0)

    def across(self, y: float, slack: float = 0.0) -> list[Line]:
        lo = bisect.bisect_left(self.tops, y - slack - self.tallest)
        hi = bisect.bisect_right(self.tops, y + slack)
        found = sorted(i for i in self.order[lo:hi] if self.lines[i].y0 - slack <= y <= self.lines[i].y1 + slack)
        return [self.lines[i] for i in found]


def _strip_line_numbers(pages_lines: list[list[Line]]) -> bool:
    """Remove the review line numbers of a submission (the `lineno` package, ICML/ICLR/NeurIPS styles)
    and note each number on the text line beside it (`Line.lineno`). Returns whether any were found.

    A margin number is a line holding only digits; the numbers of one column stand in a vertical
    file at one x position, increase downwards in small steps (1, or 5 with modulo numbering), and
    sit level with text lines, in smaller type. A figure's axis ticks or a table's column of counts
    do not form such a file: ticks share a row, table counts are set in the table's type."""
    found = False
    known: list[tuple[float, float]] = []  # (right edge, size) of each file of numbers found
    for index, lines in enumerate(pages_lines):
        files: dict[int, list[Line]] = {}
        # Numbers right-aligned at one x, within a point or two: a file. (Grouped by nearness, not
        # by rounding: 97.9 and 98.04 fall either side of a rounding step, which cut one file in two.)
        last = None
        for ln in sorted((ln for ln in lines if _DIGITS.match(ln.text) and ln.x1 - ln.x0 < 30), key=lambda ln: ln.x1):
            if last is None or ln.x1 - last > 1.5:
                key = round(ln.x1 * 4)
            files.setdefault(key, []).append(ln)
            last = ln.x1
        if not any(len(file) >= 6 for file in files.values()):
            continue  # (no file long enough to weigh: no numbers on this page, nothing more to read of it)
        numbers: list[Line] = []
        files_kept: list[list[Line]] = []
        worded = _Rows([ln for ln in lines if not _DIGITS.match(ln.text)]) if files else None
        prose = [ln for ln in lines if len(ln.text.split()) >= 4]
        # A line that hangs into the margin (an opening quotation mark) may have its number joined to
        # it ("535 'Pause Giant ..."): its left edge is the number's, not the text block's.
        text_left = min((ln.x0 for ln in prose if _joined_margin_number(ln) is None), default=0.0)
        text_right = max((ln.x1 for ln in prose), default=0.0)
        for file in files.values():
            file.sort(key=lambda ln: ln.y0)
            if len(file) < 6:
                continue
            steps = [int(b.text) - int(a.text) for a, b in zip(file, file[1:])]
            # Margin numbers are set smaller than the text beside them (lineno: \tiny), or, in the
            # text's own size (ICML 2021), outside the text block in the page's margin; a column of
            # counts in a table without rules is set in the table's own type, inside the text block.
            level = [ln.size for n in file for ln in worded.across((n.y0 + n.y1) / 2)]
            smaller = bool(level) and statistics.median(n.size for n in file) < 0.9 * statistics.median(level)
            margin = bool(prose) and (max(n.x1 for n in file) < text_left - 2 or min(n.x0 for n in file) > text_right + 2)
            if not margin and level and (main := [ln for ln in prose if ln.size >= 0.8 * statistics.median(level)]):
                # A stamp in small type across the page's top or foot (bioRxiv's licence lines in 8 pt
                # over 11 pt text) may reach into the margin the numbers stand in: the text block's
                # edges are its lines in the type of the lines the numbers stand beside.
                left = min((ln.x0 for ln in main if _joined_margin_number(ln) is None), default=0.0)
                right = max(ln.x1 for ln in main)
                margin = max(n.x1 for n in file) < left - 2 or min(n.x0 for n in file) > right + 2
            if not margin and len(prose) >= 20:
                # One overfull line (a footnote's long URL) may run out into the margin under the
                # numbers: the file is still outside the text block if nearly no prose line reaches it.
                x0, x1 = min(n.x0 for n in file), max(n.x1 for n in file)
                margin = sum(1 for ln in prose if ln.x0 < x1 + 2 and ln.x1 > x0 - 2 and
                             _joined_margin_number(ln) is None) <= max(1.0, 0.03 * len(prose))
            # (a file inside the text block that counts from 1 on a page past the first, most of its
            # numbers left of lines of no prose, numbers a listing's lines as part of its figure:
            # SIGMOD 2014's "1" to "12" in 5 pt left of the code of Figure 7, at the right column's
            # edge. A review copy's numbers stand in the margins, or in the gutter left of the right
            # column's prose, and count on from page to page)
            inside = bool(prose) and min(n.x0 for n in file) > text_left + 2 and max(n.x1 for n in file) < text_right - 2
            if inside and not margin and index > 0 and int(file[0].text) <= 1:
                coded = [not _is_prose(min(beside, key=lambda ln: ln.x0)) for n in file
                         if (beside := [ln for ln in worded.across((n.y0 + n.y1) / 2) if ln.x0 >= n.x1 - 1])]
                inside = bool(coded) and sum(coded) >= 0.6 * len(file)
            else:
                inside = False
            if (smaller or margin) and sum(1 for d in steps if 0 < d <= 10) >= 0.8 * len(steps) and \
                    not inside and not _list_labels(file, lines):
                numbers.extend(file)
                files_kept.append(file)
        if not numbers:
            continue
        found = True
        drop = {id(n) for n in numbers}
        text = [ln for ln in lines if id(ln) not in drop]
        for file in files_kept:
            _unjoin_margin_numbers(text, file)
        rows = _Rows(text)
        for number in numbers:
            middle = (number.y0 + number.y1) / 2
            beside = [ln for ln in rows.across(middle, slack=1.0) if ln.lineno is None]
            if beside:
                nearest = min(beside, key=lambda ln: min(abs(ln.x0 - number.x1), abs(number.x0 - ln.x1)))
                nearest.lineno = int(number.text)
        pages_lines[index] = text
        known.extend((statistics.median(n.x1 for n in file), statistics.median(n.size for n in file)) for file in files_kept)
    if known:
        # A page with few numbered lines (a page of figures under a two-line heading: "B Temperature
        # Scaling Experiments -" / "788" / "Line Plots") has too short a file to tell itself: numbers
        # where the other pages' files stand, in their type, are line numbers too, not the text's.
        for index, lines in enumerate(pages_lines):
            prose = [ln for ln in lines if len(ln.text.split()) >= 4]
            strays = [ln for ln in lines if _DIGITS.match(ln.text) and ln.x1 - ln.x0 < 30 and
                      any(abs(ln.x1 - x1) < 1.5 and abs(ln.size - size) < 0.3 for x1, size in known) and
                      not any(p.x0 < ln.x1 + 2 and p.x1 > ln.x0 - 2 for p in prose)]  # (in the margin)
            if not strays:
                continue
            drop = {id(n) for n in strays}
            text = [ln for ln in lines if id(ln) not in drop]
            rows = _Rows(text)
            for number in strays:
                beside = [ln for ln in rows.across((number.y0 + number.y1) / 2, slack=1.0) if ln.lineno is None]
                if beside:
                    min(beside, key=lambda ln: min(abs(ln.x0 - number.x1), abs(number.x0 - ln.x1))).lineno = int(number.text)
            pages_lines[index] = text
    return found


def _list_labels(file: list[Line], lines: list[Line]) -> bool:
    """Whether a file of numbers in the margin labels the entries of a list (a Word bibliography's
    "1", "2", "3" in a column of their own left of the entries), not the lines: line numbers count
    the lines beside them, each step of the numbers as many rows of text down as it counts (one
    line's pitch from 7 to 8, five from 5 to 10; more only where a figure or a display stands),
    evenly, while most entries of a list run over several lines, their labels further apart and
    unevenly so."""
    # (lines of words: a table's cells beside line numbers, set tighter than the text, give no pitch)
    near = sorted((ln.y0 + ln.y1) / 2 for ln in lines if len(ln.text.split()) >= 3 and
                  file[0].y0 - 2 < (ln.y0 + ln.y1) / 2 < file[-1].y1 + 2 and
                  (0 <= ln.x0 - file[0].x1 < 40 or 0 <= file[0].x0 - ln.x1 < 40))
    rows = [mid for k, mid in enumerate(near) if k == 0 or mid - near[k - 1] > 3.0]
    steps = [b - a for a, b in zip(rows, rows[1:])]
    if len(steps) < 3:
        return False
    pitch = statistics.median(steps)
    # (per number counted: line numbers step evenly, one line's pitch, the entries' labels as unevenly
    # as the entries run long)
    per = [((b.y0 + b.y1) / 2 - (a.y0 + a.y1) / 2) / max(1, int(b.text) - int(a.text)) for a, b in zip(file, file[1:])]
    even = max(sum(1 for q in per if abs(q - p) < 0.5) for p in per)
    apart = sum(1 for a, b in zip(file, file[1:]) if
                (b.y0 + b.y1) / 2 - (a.y0 + a.y1) / 2 >= (int(b.text) - int(a.text) + 0.5) * pitch)
    return apart >= 0.7 * (len(file) - 1) and even < 0.5 * len(per)


def _unjoin_margin_numbers(lines: list[Line], file: list[Line]) -> None:
    """Take out of a text line the margin number that was joined to its front: its first span a
    number standing in the file of margin numbers, at the height where the file puts that number
    (the file's numbers go down at one pitch); note it as the line's number."""
    left, right = min(n.x0 for n in file), max(n.x1 for n in file)
    first, last = int(file[0].text), int(file[-1].text)
    if last <= first:
        return
    pitch = (file[-1].y0 - file[0].y0) / (last - first)  # points per number
    for ln in lines:
        if ln.x0 > right or (number := _joined_margin_number(ln)) is None:
            continue
        if ln.spans[0][0] >= left - 1 and ln.spans[0][1] <= right + 1 and \
                abs(file[0].y0 + (int(number) - first) * pitch - ln.y0) < 0.3 * ln.height:
            ln.text = ln.text[len(number):].lstrip()
            ln.spans = ln.spans[1:]
            ln.x0 = ln.spans[0][0]
            ln.lineno = int(number)


def _joined_margin_number(line: Line) -> str | None:
    """The bare number that opens the line a margin's width (most of an em) before its words, as a
    margin number joined to a line that hangs into the margin does; None for a line that opens with
    a number at a word space (an algorithm's step, a heading's number)."""
    if len(line.spans) < 2 or not _DIGITS.match(number := line.spans[0][2].strip()) or not line.text.startswith(number):
        return None
    return number if line.spans[1][0] - line.spans[0][1] > 0.6 * line.size else None


# ───────────────────────────── code and algorithms ─────────────────────────────

ALGORITHM = compile_later(r"^Algorithm\s+\d+[.:]?(?:\s|$)")
# (TeX's short names end the family's name or run into its size, "CMTT10", "lmtt10", "TXTT": a
# subset prefix of random letters glued to the name without its "+", "TxttpkKtrpqxNimbusRomNo9",
# may hold the same letters with more lower-case ones after them; txfonts' T1 typewriter is "t1xtt")
MONOSPACE_FONT = compile_later(r"mono|courier|(?:cmtt|lmtt|t1xtt|txtt|sfmtt)(?-i:(?![a-z]))|typewriter|inconsolata|consol|menlo|\btt\d",
                               re.IGNORECASE)


def _mark_algorithms(rules: list, lines: list[Line]) -> None:
    """Mark the lines of each algorithm float on the page as code (`Line.code`).

    An algorithm float ("Algorithm 1 Training ..." between horizontal rules, as the algorithm and
    algorithm2e packages set it) runs from its caption down to the second rule below the caption:
    the first rule underlines the caption, the second closes the float."""
    for caption in [ln for ln in lines if ALGORITHM.match(ln.text)]:
        below = [r for r in rules if r[1] > caption.y1 - 1 and r[0] < caption.x0 + 10 and r[2] > caption.x1 - 10]
        if len(below) < 2:
            continue
        bottom = below[1][1]
        left, right = below[1][0], below[1][2]
        for ln in lines:
            if caption.y0 - 1 <= ln.y0 and ln.y1 <= bottom + 1 and ln.x0 >= left - 20 and ln.x1 <= right + 20:
                ln.code = True


NAMED_ALGORITHM = compile_later(r"^Algorithm\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?[.:]?$")


def _mark_ruled_algorithm_labels(rules: list, lines: list[Line]) -> None:
    """Mark as code the label of an algorithm named, not numbered ("Algorithm Adsorption-LS"), in
    bold right under the rule that opens its box: the float's label, no heading, where the box runs
    on past the page and no closing rule makes it a drawing."""
    for ln in lines:
        if not (ln.bold and NAMED_ALGORITHM.match(ln.text.strip())):
            continue
        base = ln.base if ln.base is not None else ln.y1 - 0.2 * ln.size
        if any(r[0] <= ln.x0 + 2 and r[2] >= ln.x1 - 2 and 0.5 * ln.size <= base - r[1] <= 1.6 * ln.size for r in rules):
            ln.code = True


def _horizontal_rules(marks: list) -> list[tuple[float, float, float, float]]:
    """The page's horizontal rules, top to bottom; a path filled and stroked (two marks, the stroke's
    box a little taller) is one rule. A stencil mask a hairline high paints a rule too (AISTATS 2005,
    dvips: each table's rule an image mask 0.4 pt high)."""
    rules: list[tuple[float, float, float, float]] = []
    for r in sorted((b for kind, b, _, _ in marks if (kind in PATHS or kind == "fill-imgmask") and
                     b[3] - b[1] < 2 and b[2] - b[0] > 50),
                    key=lambda r: r[1]):
        if rules and r[1] - rules[-1][1] < 1 and r[0] < rules[-1][2] and rules[-1][0] < r[2]:
            continue
        rules.append(r)
    return rules


# ───────────────────────────── footnotes ─────────────────────────────

# (and a journal's ISSN with the article's fee, its "©" often a glyph with no text: IEEE's
# "0018-9219/$26.00 ©2010 IEEE", Elsevier's "0306-4379/$ - see front matter")
COPYRIGHT = compile_later(r"copyright|©|c\u20dd|permission to make|licen[cs]e|proceedings of|preprint|under review|"
                       r"workshop on|conference on|all rights reserved|published (?:in|by)|doi\.org|"
                       # (LaTeX's \\copyright drawn as "c" in a circle: "c\u20dd2003 Kobus Barnard, ..."; IEEE's
                       # magazines: "Digital Object Identifier 10.1109/MSP.2012.2205597" / "Date
                       # of publication: 15 October 2012" under a short rule at the left column's foot)
                       r"digital object identifier|date of publication|\b10\.\d{4,9}/\S|"
                       # (IEEE's conferences: the authors' note without a mark, "The authors are with
                       # the ARC Centre ..." / "email: name@host.org", at the left column's foot)
                       r"\bauthors? (?:is|are) with\b|\be-?mail\b|\b[\w.+-]+@[\w-]+\.[\w.-]+|"
                       r"\b\d{4}-\d{3}[\dX]/\$", re.IGNORECASE)


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
    # A page set in one column is one column at its foot too: a note's line set justified with wide
    # spaces comes as words, and its words past the middle had made a "right column" with no mark,
    # read as body text (NeurIPS: "are available at https://github.com/" spliced into a sentence).
    worded = Counter(key for key, column in columns.items() for ln in column
                     if ln.size >= body - 0.6 and len(ln.text.split()) >= 4)
    if worded[0] > 3 * (worded[1] + worded[2]) and (1 in columns or 2 in columns):
        columns = {0: list(lines)}
    drop: set[int] = set()
    notes: list[tuple[str | None, list[Line]]] = []
    for key in sorted(columns):
        column = sorted(columns[key], key=lambda ln: ln.y0)
        body_lines = [ln for ln in column if ln.size >= body - 0.6]
        last = max((ln.y1 for ln in body_lines), default=None)
        foot = [ln for ln in column if last is None or ln.y0 > last - 1]
        if last is not None:
            _bracketed_marks(foot, body)
        foot = _below_widest_gap(foot)
        # A float set under the column's notes (IJCAI: a chart at the foot, under the footnote rule's
        # note) ends the foot: its caption, a graphic's height under the notes, is no note's line.
        under = next((k for k in range(1, len(foot)) if CAPTION.match(foot[k].text) and
                      foot[k].y0 - foot[k - 1].y1 > 4 * foot[k].size), None)
        if under is not None:
            foot = foot[:under]
        if not foot or len(foot) > 30 or any(ln.size >= body - 0.6 for ln in foot) or CAPTION.match(foot[0].text):
            continue
        if foot[0].y0 < 0.5 * page_height:
            continue  # small type high on the page: affiliations and an abstract, not a foot
        marked = any(ln.lead_mark for ln in foot)
        if not marked and first_page and len(foot) >= 3 and not COPYRIGHT.search(" ".join(ln.text for ln in foot[:3])):
            # A first page's abstract set a size under the text runs down to the copyright block at
            # the foot (JMLR: the abstract in 10 pt over the text's 11, then "c\u20dd2003 Kobus Barnard,
            # ..." in 8 pt): the foot is the part under the widest gap, twice the others, when it says so.
            base = [ln.y1 if ln.base is None else ln.base for ln in foot]
            gaps = [b - a for a, b in zip(base, base[1:])]
            k = max(range(len(gaps)), key=gaps.__getitem__)
            if gaps[k] > 1.5 * statistics.median(gaps) and COPYRIGHT.search(" ".join(ln.text for ln in foot[k + 1:k + 4])):
                foot = foot[k + 1:]
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


# Wiley's notes at a page's foot open with their symbol in brackets, in the notes' own type and not
# raised: "[*] Prof. A. R. Wheeler / Department of Chemistry ...", "[**] We thank George Ye ...".
BRACKETED_MARK = compile_later(r"\[([∗*†‡§¶]{1,3})\]\s")


def _bracketed_marks(foot: list[Line], body: float) -> None:
    """Mark the foot's lines that open with a bracketed symbol (`BRACKETED_MARK`) as notes' first
    lines (`Line.lead_mark`): in type smaller than the body's, the note's other lines indented past
    the mark (its hanging indent) or the mark alone in the foot. Unraised, the marks were no notes'
    and the notes were lost with the front matter."""
    for k, ln in enumerate(foot):
        m = BRACKETED_MARK.match(ln.text)
        if not m or ln.lead_mark or ln.size >= body - 0.6:
            continue
        nxt = foot[k + 1] if k + 1 < len(foot) else None
        if nxt is not None and not BRACKETED_MARK.match(nxt.text) and nxt.x0 < ln.x0 + 3 and nxt.y0 - ln.y1 < ln.height:
            continue  # (a bracketed mark in the flow of a paragraph of small type, no hanging indent)
        ln.lead_mark = m.group(1)


def _below_widest_gap(foot: list[Line]) -> list[Line]:
    """The foot proper: when small type runs far up the column (a bibliography above a footnote),
    only the lines below the last wide gap before the first footnote mark, which the footnote rule
    leaves. Notes are set tight, so a foot without such a gap is kept whole. A gap is read from the
    baselines, less the lower line's size: the lines' boxes take the heights their fonts declare,
    which a re-embedding library may make the whole font box (cairo: boxes 1.2 em high, and the
    footnote rule's gap under a bibliography shrank below the bar: the bibliography's column was
    taken for a footnote)."""
    first_mark = next((k for k, ln in enumerate(foot) if ln.lead_mark), None)
    if len(foot) < 3 or not first_mark:
        return foot
    base = [ln.y1 if ln.base is None else ln.base for ln in foot]
    gaps = [b - a - ln.size for a, b, ln in zip(base, base[1:], foot[1:])]
    # (each gap against the usual of the others: in a foot of three lines, one gap in the note and
    # the rule's, the median of the two was half the rule's own gap: an ACL paper's last reference over
    # a footnote was taken into it)
    wide = [k for k in range(1, first_mark + 1)
            if gaps[k - 1] > max(2 * statistics.median(gaps[:k - 1] + gaps[k:]), 0.8 * foot[k].size)]
    return foot[wide[-1]:] if wide else foot


# ───────────────────────────── furniture ─────────────────────────────


def _mask(text: str) -> str:
    return cached(r"\d+").sub("#", text.lower()).strip()


def _furniture(pages_lines: list[list[Line]], page_graphics: list[list[tuple]] | None = None) -> set[int]:
    """ids of lines that are running headers/footers or page numbers. A line that reaches into a
    drawing's box on its page (`page_graphics`) is the drawing's label, however often the same
    word stands at that height (LNCS: term trees topped by a node
    "SubClassOf" at the top of several pages, 5 pt over the tree's lines; read as a running head,
    the label was dropped and the crop cut under it)."""
    n_pages = len(pages_lines)
    edge: list[Line] = []
    counts: Counter = Counter()
    inner: set[int] = set()  # the next lines in from the edge: furniture only when repeated on 3+ pages
    deep: Counter = Counter()
    # A long line that is the last of page after page is furniture at whatever height (IRJET's foot
    # "© 2020, IRJET | Impact Factor value: 7.529 | ... | Page 159" stands 11 pt lower on the first
    # page than on the others, and was read into the paragraph going on overleaf). (Not so the first
    # line: a running head that repeats the title stands elsewhere than the title on page 1.)
    outermost: set[int] = set()
    anywhere: Counter = Counter()
    page_of: dict[int, list[Line]] = {}  # id of an edge line -> its page's lines, top to bottom
    for lines in pages_lines:
        ordered = sorted(lines, key=lambda ln: ln.y0)
        # A review copy stacks its furniture: "CVPR" over "#****" in both top corners, over a
        # "Submission #****. CONFIDENTIAL REVIEW COPY." line: more than two lines deep.
        more = ordered[2:6] + ordered[-4:-2] if len(ordered) > 12 else []
        outer = {id(ln): ln for ln in ordered[:2] + ordered[-2:]}
        more = [ln for ln in more if id(ln) not in outer]
        inner.update(id(ln) for ln in more)
        edge.extend(list(outer.values()) + more)
        page_of.update((id(ln), ordered) for ln in list(outer.values()) + more)
        counts.update({(_mask(ln.text), round(ln.y0 / 4)) for ln in outer.values()})  # once per page
        deep.update({(_mask(ln.text), round(ln.y0 / 4)) for ln in list(outer.values()) + more})
        if ordered:
            outermost.add(id(ordered[-1]))
            anywhere[_mask(ordered[-1].text)] += 1
    needed = 2 if n_pages <= 4 else max(2, n_pages // 5)
    out = set()
    # (each text's heights and counts apart: summing over every key of the paper for each edge line
    # took a quadratic time in its pages, 20 ms on a paper of 105)
    deep_of, counts_of = _heights_of(deep), _heights_of(counts)
    # A plot's title right over its frame, centred on it (`_plot_title`), is the plot's, however
    # often the same title stands at that height, when it stands so over a plot wherever it is
    # printed: two plots made by one script atop two pages (Asilomar 2012: "Average err² vs.
    # iteration" in 8 pt, 11 pt over each plot's axes, over its top tick label, at one height on
    # pages 3 and 4, read as a running head and cut off both crops). A running head centred over
    # the page stands so over a wide figure atop one page (ICML 2017) and over text on the others.
    titled: dict[str, list[bool]] = {}
    if page_graphics:
        for ln in edge:
            titled.setdefault(_mask(ln.text), []).append(
                any(b[2] - b[0] >= 40 and b[3] - b[1] >= 40 and _plot_title(ln, b, 2 * ln.height)
                    for b in page_graphics[ln.page]))
    for ln in edge:
        if all(titled.get(_mask(ln.text), [False])):
            continue
        if page_graphics and any(b[0] < ln.x1 and b[2] > ln.x0 and b[1] + 1 < ln.y1 and ln.y0 < b[3] - 1
                                 and b[2] - b[0] >= 20 and b[3] - b[1] >= 20 for b in page_graphics[ln.page]):
            continue
        if page_graphics and _panel_letter_at(ln, page_graphics[ln.page]):
            continue  # (Nature: "a" over the first panel at the top of every page of figures)
        key = (_mask(ln.text), round(ln.y0 / 4))
        repeated = sum(c for y, c in (deep_of if id(ln) in inner else counts_of).get(key[0], ())
                       if abs(y - key[1]) <= 1)
        if id(ln) in outermost and len(ln.text) >= 30 and anywhere[key[0]] >= max(3, needed):
            repeated = max(repeated, anywhere[key[0]])
        if id(ln) in inner:
            # (a table's label set at the top of several pages, "Table 1", "Table 2", is no furniture)
            if repeated >= max(3, needed) and len(ln.text) < 150 and not CAPTION.match(ln.text) and \
                    not CAPTION_LABEL_LINE.match(ln.text) and not _BARE_LABEL.fullmatch(ln.text) and \
                    not _in_footnote(ln, page_of[id(ln)]):
                out.add(id(ln))
        elif PAGE_NUMBER.match(ln.text.strip()) or (repeated >= needed and len(ln.text) < 150 and not CAPTION.match(ln.text)
                                                    and not CAPTION_LABEL_LINE.match(ln.text) and
                                                    not _BARE_LABEL.fullmatch(ln.text)
                                                    and not _in_footnote(ln, page_of[id(ln)])):
            # (tables set at the top of two pages under captions that differ only in their numbers,
            # "Table 2. Validation accuracy on CIFAR-10 ..." and "Table 3. ...", are no running head;
            # nor are IEEE's labels on lines of their own, "TABLE 1" and "TABLE 8" atop two pages)
            out.add(id(ln))
    # A line on the page's last row, level with its page number and in its type, is of the page's foot
    # too, though printed on that page alone (INTERSPEECH: "Copyright © 2019 ISCA" left of page 1's
    # number "1143", read as a heading at the foot of the column).
    for lines in pages_lines:
        folios = [ln for ln in lines if id(ln) in out and PAGE_NUMBER.match(ln.text.strip())]
        for folio in folios:
            row = [ln for ln in lines if abs(ln.y1 - folio.y1) < 2 and abs(ln.size - folio.size) < 0.6]
            # (set apart from the text over it: a subscript "2" on a display's last row, level with
            # a paragraph's last line, is no page number)
            top = min(ln.y0 for ln in row)
            over = [ln.y1 for ln in lines if ln.y1 <= top + 1 and all(ln is not r for r in row)]
            if over and top - max(over) < folio.height:
                continue
            if row and not any(ln.y0 > folio.y0 + 1 and not any(abs(ln.y1 - r.y1) < 2 for r in row) and
                               ln.x0 < max(r.x1 for r in row) and min(r.x0 for r in row) < ln.x1 for ln in lines):
                out.update(id(ln) for ln in row if len(ln.text) < 100)
    # A line on the page's first row, level with a running head in its type, is of the head too,
    # though printed on that page alone (acmart: the short title left of "ISSTA '20, July 18-22,
    # 2020, ..." on the one odd page after the first, read into the sentence the page break cut).
    for lines in pages_lines:
        # (a head of words: a number at one height on page after page, "2." beside "Transactions"
        # atop a page, may be a heading's)
        heads = [ln for ln in lines if id(ln) in out and sum(map(str.isalpha, ln.text)) >= 3]
        if not heads:
            continue
        top = min(ln.y0 for ln in lines)
        for head in heads:
            if head.y0 > top + 1:
                continue
            # (set apart from the text under it by its height at least: a row of panel captions atop
            # a page, one of them read as furniture, has its captions' next row right under it)
            under = [ln.y0 for ln in lines if ln.y0 > head.y0 + 1]
            if under and min(under) - head.y1 < 0.6 * (head.y1 - head.y0):
                continue
            for ln in lines:
                if id(ln) not in out and abs(ln.y1 - head.y1) < 1 and abs(ln.y0 - head.y0) < 1 and \
                        abs(ln.size - head.size) < 0.3 and ln.bold == head.bold and len(ln.text) < 150 and \
                        (ln.x1 < head.x0 or ln.x0 > head.x1):
                    out.add(id(ln))
    out |= _stepping_folios(pages_lines)
    # A lone number at the top of a page in bold, level with a bold line of the same size right beside
    # it that is no furniture, is that heading's section number ("2" then "The Vision of Unified
    # Objects" atop a page, two pieces on one row): no page number. (With its full stop too: "2."
    # then "Transactions", a word processor's numbered heading atop page after page.)
    for ln in edge:
        if id(ln) in out and ln.bold and cached(r"\d{1,2}\.?").fullmatch(ln.text.strip()):
            row = page_of[id(ln)]
            if any(o is not ln and id(o) not in out and o.bold and abs(o.y1 - ln.y1) < 1.5 and abs(o.size - ln.size) < 0.3
                   and 0 < o.x0 - ln.x1 < 4 * ln.size and any(ch.isalpha() for ch in o.text) for o in row):
                out.discard(id(ln))
    return out


def _stepping_folios(pages_lines: list[list[Line]]) -> set[int]:
    """ids of the page numbers printed down a page's side, among its lines rather than above or under
    them (Emerald: "278" in the outer margin 150 pt down the page, level with the text's seventh
    line, read into the sentence beside it): a bare number, at about one height on a third of the
    pages or more (three at least), that goes up by one from page to page. Nothing else on a page
    counts its pages so."""
    least = max(3, len(pages_lines) // 3)
    if len(pages_lines) < least:
        return set()
    found: dict[int, list[Line]] = {}  # the number less the page's index -> the lines that print it
    for index, lines in enumerate(pages_lines):
        for ln in lines:
            text = ln.text.strip()
            if len(text) <= 4 and text.isascii() and text.isdigit():  # (not a circled "①")
                found.setdefault(int(text) - index, []).append(ln)
    out: set[int] = set()
    for folios in found.values():
        if len({ln.page for ln in folios}) < least:
            continue
        tops = sorted(ln.y0 for ln in folios)
        middle = tops[len(tops) // 2]
        level = [ln for ln in folios if abs(ln.y0 - middle) < 8.0]
        if len({ln.page for ln in level}) >= least:
            out.update(id(ln) for ln in level)
    return out


def _heights_of(counts: Counter) -> dict[str, list[tuple[int, int]]]:
    """{text: [(height, count), ...]} of a Counter of (text, height) keys."""
    heights: dict[str, list[tuple[int, int]]] = {}
    for (text, y), n in counts.items():
        heights.setdefault(text, []).append((y, n))
    return heights


def _in_footnote(line: Line, ordered: list[Line]) -> bool:
    """Whether the line opens a footnote (a raised mark leads it) or goes on one: the lines above it,
    each a line's pitch over the next, in its type and overlapping it, reach a line so led. A note
    printed alike on two pages (one URL given twice, broken after a hyphen: "Question-Pairs") sits
    at the same place on both, as a running foot does."""
    for _ in range(8):
        if line.lead_mark:
            return True
        at = bisect.bisect_left([ln.y0 for ln in ordered], line.y0)
        above = [ln for ln in ordered[max(0, at - 6):at] if 0.5 * line.height < line.y0 - ln.y0 < 2 * line.height
                 and abs(ln.size - line.size) < 0.6 and ln.x0 < line.x1 and line.x0 < ln.x1]
        if not above:
            return False
        line = max(above, key=lambda ln: ln.y0)
    return False


def _foot_stamps(lines: list[Line], page_height: float, body: float, graphics: list[tuple] = ()) -> set[int]:
    """ids of short lines in body type or larger at the very foot of a page, far below the text of
    their column: a venue or ISBN stamp printed on one page only ("978-1-5090-4117-6/17/$31.00
    ©2017 IEEE", "ICASSP 2017"), which no running-foot rule finds. Footnotes are set smaller and
    a paragraph's last line stands at the usual pitch, so neither is taken; nor is a line right
    under one of the page's drawings (`graphics`): that is the drawing's caption, set at the foot
    of its column (IFAC: "Fig. 2. Position Error ..." under its plot, level with the other
    column's last line; as a stamp the figure was lost)."""
    out: set[int] = set()
    foot = [ln for ln in lines if ln.y0 > 0.9 * page_height and ln.size >= body - 0.6 and len(ln.text) < 60
            and not EQUATION_NUMBER.fullmatch(ln.text.strip()) and not ln.math_chars and any(ch.isalnum() for ch in ln.text)]
    for ln in foot:
        above = [o for o in lines if o.y1 <= ln.y0 and o.x0 < ln.x1 and o.x1 > ln.x0 and id(o) != id(ln)]
        if above and ln.y0 - max(o.y1 for o in above) > 2.5 * ln.height and \
                not any(b[0] < ln.x1 and b[2] > ln.x0 and -2 < ln.y0 - b[3] < 2.5 * ln.height for b in graphics):
            out.add(id(ln))
    return out


# A character of a CJK script: ideographs, kana, hangul, their punctuation and full-width forms.
_IDEOGRAPHIC = compile_later("[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")


def _notes_in_another_script(lines: list[Line]) -> bool:
    """Whether the lines hold CJK characters among Latin text, twenty Latin letters or more for each
    of them (a reader's notes written into an English page), not a page written in a CJK script."""
    if not any(not ln.text.isascii() and _IDEOGRAPHIC.search(ln.text) for ln in lines):
        return False  # (almost every page: no CJK character at all)
    latin = sum(sum(ch.isascii() and ch.isalpha() for ch in ln.text) for ln in lines)
    return latin >= 20 * sum(len(_IDEOGRAPHIC.findall(ln.text)) for ln in lines)


def _mostly_cjk(line: Line) -> bool:
    """Whether half a line's visible characters or more are of a CJK script."""
    visible = "".join(line.text.split())
    return bool(visible) and 2 * len(_IDEOGRAPHIC.findall(visible)) >= len(visible)


def _margin_script_notes(lines: list[Line], body: float) -> set[int]:
    """ids of notes in another script written into a page's margin ("主要是因" in red left of a
    column of English prose: a reader's annotation flattened into the page): lines mostly of CJK
    characters lying wholly outside the horizontal span of the page's prose, on a page whose text is
    Latin. A CJK example inside a paragraph or a table stays within the text's span."""
    if not _notes_in_another_script(lines):
        return set()  # (no CJK character at all, almost every page; or a page written in a CJK script)
    prose = [ln for ln in lines if abs(ln.size - body) < 0.6 and sum(ch.isascii() and ch.isalpha() for ch in ln.text) >= 30]
    if len(prose) < 5:
        return set()
    left, right = min(ln.x0 for ln in prose), max(ln.x1 for ln in prose)
    # (or in the margin above or below the prose: "PCA 与协方差" boxed in red over a column's top)
    top, bottom = min(ln.y0 for ln in prose), max(ln.y1 for ln in prose)
    return {id(ln) for ln in lines if _mostly_cjk(ln) and (ln.x1 <= left + 1 or ln.x0 >= right - 1 or
                                                           ln.y1 <= top + 1 or ln.y0 >= bottom - 1)}


def _interlinear_notes(lines: list[Line], body: float) -> set[int]:
    """ids of notes written between the lines of a paragraph: a reader's free-text annotations
    printed into the page ("ordinary or standard" in 8 pt SimSun, grey-blue, between "... allows for
    learning" and "high-capacity models ..."; glosses of English words in Chinese). Such a line, in
    type smaller than the text and in a colour of its own, reaches into a line of prose above it and
    into one below it, both level with it: typesetting never sets a line into the space between two
    others (a sub- or superscript is the line's own, in its colour)."""
    small = [ln for ln in lines if ln.size <= 0.9 * body and ln.x1 - ln.x0 > 0]
    if not small:
        return set()
    prose = sorted((ln for ln in lines if abs(ln.size - body) < 0.6 and len(ln.text) >= 20), key=lambda ln: ln.y0)
    tops = [ln.y0 for ln in prose]
    reach = max((ln.y1 - ln.y0 for ln in prose), default=0.0)
    out: set[int] = set()
    for note in small:
        if _letter_count(note.text) < 2:
            continue
        above, below = [], []  # the foot of each line above it that it reaches into, the top of each below
        for ln in prose[bisect.bisect_left(tops, note.y0 - reach):bisect.bisect_right(tops, note.y1)]:
            if ln.color == note.color or ln.x1 <= note.x0 or ln.x0 >= note.x1 or ln.page != note.page:
                continue
            if ln.y0 < note.y0 and note.y0 + 0.5 < ln.y1 < note.y1:
                above.append(ln.y1)
            elif note.y0 + 0.5 < ln.y0 <= note.y1 + 0.5 and ln.y1 > note.y1:  # (or touching its foot)
                below.append(ln.y0)
        # (it stands in the space between them, reaching less than half its height into the line
        # under it: a superscript split off its line sits on that line, its foot deep in it)
        height = note.y1 - note.y0
        if above and below and note.y1 - min(below) < 0.5 * height and max(above) - note.y0 < 0.75 * height:
            out.add(id(note))
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
    two_columns = right >= 4 and left >= 4 and (left + right) > full * 0.5 and right >= 0.2 * (left + right) and \
        right_chars >= 120
    # The last page of a two-column paper: a full left column and a few lines on the right (the end of
    # the bibliography). With no line across the gutter it is still two columns, read left then right.
    # So is a page whose text is a few lines in each column over floats across the page (Elsevier:
    # "5. Examples" and two lines beside "5.1. Collapse of ..." and two, over two figures): no line but
    # the floats' captions crosses the gutter, and each column holds a line of prose.
    # (the end of the bibliography may be as short as two lines, a last entry's: beside a full left
    # column of prose with no line across the gutter, they are still a column of their own)
    return two_columns or (right >= 4 and left >= 4 and full <= 0.05 * (left + right) and right_chars >= 120) or \
        (right >= 2 and left >= 10 and not full and right_chars >= 100 and
         sum(1 for ln in lines if ln.column == 1 and _prose_text(ln.text)) >= 5) or \
        (right >= 2 and left >= 2 and right_chars >= 120 and
         not any(ln.column == 0 and not CAPTION.match(ln.text) for ln in lines) and
         all(any(ln.column == c and _prose_text(ln.text) for ln in lines) for c in (1, 2)))


def _overfull_lines_in_column(lines: list[Line]) -> None:
    """A left column's line set past its measure (an overfull line: "We start with simulations, in
    which we evaluate *CostAware*" 16 pt into the gutter) is the column's, not a line across both:
    flush with the column's left edge or indented as a paragraph's first line, no wider than its
    measure and a tenth, ending short of the
    right column's edge and of every line of it on its row. Read as across the page, it parted the
    columns into bands, and the right column's heading beside it was read into its paragraph."""
    across = [ln for ln in lines if ln.column == 0]
    if not across:
        return
    left = [ln for ln in lines if ln.column == 1 and len(ln.text.split()) >= 5]
    right = [ln for ln in lines if ln.column == 2 and len(ln.text.split()) >= 5]
    if len(left) < 4 or len(right) < 4:
        return
    edge, other = _common_left(left), _common_left(right)
    measure = max(ln.x1 for ln in left) - edge
    for ln in across:
        if -2 < ln.x0 - edge < 2 * ln.size and ln.x1 <= other + 1.5 and ln.x1 - edge <= 1.1 * measure and \
                not any(m.column == 2 and m.x0 < ln.x1 - 1.5 and min(m.y1, ln.y1) - max(m.y0, ln.y0) > 0 for m in lines):
            ln.column = 1


def _side_split(lines: list[Line], page_width: float) -> float | None:
    """Where a text column beside another one starts when it is not at the middle of the page: a
    figure and its caption set beside the text in a one-column paper (wrapfigure), whose text
    lines run past the middle. The split is the left edge shared by several lines (flush left, as
    a column is) that leaves the most lines wholly on one side of it."""
    best, split = 0, None
    flush = _flush_edges(lines, page_width)
    # (and, once a split is found, the left edges of any three lines or more a little left of it,
    # past the lines left of it: a bibliography's column, its labels set apart at the column's
    # edge and its entries' lines hung at 45 pt, whose long lines of prose all start at the hang)
    # (each such label beside its entry's first line, which starts at the hang on its row)
    starts: Counter = Counter()
    for ln in lines:
        if flush and 0.3 * page_width < ln.x0 < 0.75 * page_width and round(ln.x0) not in flush:
            hang = next((f for f in flush if 0 < f - ln.x0 <= 0.1 * page_width), None)
            if hang is not None and ln.x1 <= hang and \
                    any(abs(m.x0 - hang) < 2 and abs(m.y0 - ln.y0) < 0.5 * ln.height for m in lines):
                starts[round(ln.x0)] += 1
    extra = [float(edge) for edge, n in starts.items() if n >= 3]
    for edge in flush + extra:
        sides = sum(1 for ln in lines if ln.x1 <= edge - 3 or ln.x0 >= edge - 1.5)
        # (such an edge left of the split, leaving as many lines whole, is the column's own edge:
        # the labels standing at it are the column's, not lines of the text beside it)
        if sides > best or sides == best and split is not None and edge in extra and edge < split:
            best, split = sides, float(edge)
    return split


def _flush_edges(lines: list[Line], page_width: float) -> list[float]:
    """The left edges in the middle part of the page that three lines of prose or more start at."""
    edges = Counter(round(ln.x0) for ln in lines if 0.3 * page_width < ln.x0 < 0.75 * page_width and
                    len(ln.text.split()) >= 5 and ln.math_chars < 0.2 * len(ln.text))  # prose, not an equation's right side
    return [float(edge) for edge, flush in edges.items() if flush >= 3]


def _band_over_columns(lines: list[Line], page_width: float, split: float) -> float | None:
    """Where a band split off the middle ends over two columns split at the middle: Elsevier's page 1
    sets the article's info in a narrow column beside the abstract (split a third of the way in),
    then the text in two even columns under it. Read by one split, either band's lines run across
    the other's, and a short first column of text is read before the abstract. The band's lines
    keep to the side split and cross the middle (the abstract's), the columns' keep to the middle
    and cross the side split (the left column's), all of these under all of those; the cut is the
    widest gap between, and every line under it keeps to a side of the middle. None when the page
    is not so stacked."""
    mid = page_width / 2
    if split >= mid - 4:
        return None

    def by_side(ln: Line) -> bool:
        return ln.x1 <= split - 3 or ln.x0 >= split - 1.5

    def by_middle(ln: Line) -> bool:
        return ln.x1 <= mid + 4 or ln.x0 >= mid - 4

    band = [ln for ln in lines if by_side(ln) and not by_middle(ln)]
    if len(band) < 3:
        return None
    top = max(ln.y1 for ln in band)
    # (a short line of the front matter above the band, an affiliation, keeps to the middle too)
    columns = [ln for ln in lines if by_middle(ln) and not by_side(ln) and ln.y0 >= top]
    if len(columns) < 3:
        return None
    bottom = min(ln.y0 for ln in columns)
    edge, widest, cut = top, -1.0, None
    for ln in sorted((ln for ln in lines if ln.y1 > top and ln.y0 < bottom), key=lambda ln: ln.y0):
        if ln.y0 - edge > widest:
            widest, cut = ln.y0 - edge, ln.y0
        edge = max(edge, ln.y1)
    if bottom - edge > widest:
        cut = bottom
    under = [ln for ln in lines if ln.y0 >= cut]
    # (a note across the page's foot in smaller type than the columns' text, Elsevier's "Received
    # ...; Accepted ..." and copyright lines, stands under the columns, not across them)
    text_size = statistics.median(ln.size for ln in columns)
    if not all(by_middle(ln) or ln.size < 0.95 * text_size and not any(c.y0 > ln.y1 for c in columns) for ln in under) or \
            sum(1 for ln in under if ln.x0 >= mid - 4) < 3 or sum(1 for ln in under if ln.x1 <= mid + 4) < 3:
        return None
    return cut


def _beside_in_band(lines: list[Line], captions_only: bool = False) -> bool:
    """Whether the lines put on the right of a split stand beside the text only over their own
    height, on a page otherwise set in one column (a figure and its caption wrapped into a paragraph
    of a one-column paper), with no line running across that height. The right-hand lines are a
    caption's (its first line and those close under it, a hanging indent allowed) or, unless
    `captions_only`, four or more flush with one left edge. When they stand beside the text, every
    line above and below their band is read as one column. With `captions_only`, the caption may
    stand on the left instead, under its figure, the text wrapped on its right (LNCS): the band then
    runs over the right-hand lines beside the caption and those set tight above and below them."""
    def caption_run(column: list[Line]) -> list[Line] | None:
        start = next((k for k, ln in enumerate(column) if CAPTION.match(ln.text)), None)
        if start is None:
            return None
        run = [column[start]]
        for ln in column[start + 1:]:
            if ln.y0 - run[-1].y1 >= run[-1].height:
                break
            run.append(ln)
        return run

    right = sorted((ln for ln in lines if ln.column == 2), key=lambda ln: ln.y0)
    beside = 1  # the column that stands beside the group
    group = caption_run(right)
    if group is None and captions_only:
        group = caption_run(sorted((ln for ln in lines if ln.column == 1), key=lambda ln: ln.y0))
        if group is None:
            return False
        beside = 2
    elif group is None:
        if not right:
            return False
        edge = min(ln.x0 for ln in right)
        group = [ln for ln in right if ln.x0 - edge < 2]
        if len(group) < 4:
            return False
    top, bottom = min(ln.y0 for ln in group), max(ln.y1 for ln in group)
    if beside == 2:
        for ln in reversed([ln for ln in right if ln.y0 < top]):
            if top - ln.y1 >= ln.height:
                break
            top = min(top, ln.y0)
        for ln in (ln for ln in right if ln.y1 > bottom):
            if ln.y0 - bottom >= ln.height:
                break
            bottom = max(bottom, ln.y1)
    band = [ln for ln in lines if ln.y0 < bottom and ln.y1 > top]
    if not any(ln.column == beside for ln in band) or any(ln.column == 0 for ln in band):
        return False
    # The column beside the group may go on below it, in lines that keep to their side (the last page
    # of a two-column paper whose right column ends early, under a float across the page): the band
    # reaches down through them. Below a wrapped figure the paragraph runs across the page again.
    end = bottom
    for ln in sorted((ln for ln in lines if ln.y0 >= bottom), key=lambda ln: ln.y0):
        if ln.column != beside:
            break
        end = ln.y1
    for ln in lines:
        if not (ln.y0 < bottom and ln.y1 > top) and not (ln.column == beside and bottom <= ln.y0 and ln.y1 <= end):
            ln.column = 0
    return True


def _in_rows(lines: list[Line]) -> list[Line]:
    """Lines top to bottom, and pieces of one printed row (same baseline) left to right: by the top
    of their boxes a piece raised by a bold run-in head or an exponent would come first."""
    out: list[Line] = []
    row: list[Line] = []
    bases = {id(ln): ln.y1 if ln.base is None else ln.base for ln in lines}
    # An inline fraction's numerator, set smaller and beside a line of text, within that line's
    # height (its top level with the text's top), stands on no baseline of its own: it is read in
    # the text's row, after the words before it (ICML 2017: "Formally f(x1)−f(x0) / g(x1)−g(x0)" at
    # a column's top, the numerator read before the line, cutting a hyphenated word carried over).
    # (the lines of words that may hold one, by their tops: a page of plots has hundreds of labels)
    hosts = sorted((o for o in lines if len(o.text) > 20), key=lambda o: o.y0)
    tops = [o.y0 for o in hosts]
    by_top = sorted(lines, key=lambda o: o.y0) if hosts else []
    all_tops = [o.y0 for o in by_top]
    for ln in lines if hosts else ():
        if len(ln.text) < 40:
            for o in hosts[bisect.bisect_left(tops, ln.y0 - 1.0):bisect.bisect_right(tops, ln.y0 + 1.0)]:
                # (raised above the text's baseline; and beside the words, not over a line of them
                # cut apart from the text's: an exponent over its own words belongs to those)
                if o.size >= 1.25 * ln.size and ln.y1 < o.y1 and 0 < ln.x0 - o.x1 < 30 and \
                        bases[id(ln)] < bases[id(o)] - 2.0 and not any(
                            m is not ln and m.x0 < ln.x0 < m.x1 and m.y1 > ln.y0
                            for m in by_top[bisect.bisect_left(all_tops, ln.y0 - 2 * o.size):
                                            bisect.bisect_right(all_tops, ln.y1)]):
                    bases[id(ln)] = bases[id(o)]
                    break
    # (by baseline, then left edge, then as given: the order of a stable sort by the first two, its
    # keys made without a call per line)
    row_base = 0.0
    for base, _, k in sorted(zip([bases[id(ln)] for ln in lines], map(_X0, lines), range(len(lines)))):
        if row and base - row_base >= 1.5:
            out.extend(sorted(row, key=_X0))
            row = []
        if not row:
            row_base = base
        row.append(lines[k])
    out.extend(sorted(row, key=_X0))
    return out


_X0 = operator.attrgetter("x0")


def _prose_like_line(ln: Line) -> bool:
    """A line of three or more words, mostly letters (prose or a reference's, not a table's cells)."""
    return len(ln.text.split()) >= 3 and _letter_count(ln.text) >= 0.5 * len(ln.text)


def _side_by_side(a: Line, b: Line) -> bool:
    """Whether two lines stand on one row, apart: most of the shorter one's height level with the
    other's, and no overlap across."""
    return min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 * min(a.height, b.height) and (a.x1 < b.x0 or b.x1 < a.x0)


def _in_sub_columns(lines: list[Line]) -> list[Line]:
    """A column's lines in reading order where part of it is set in two narrower columns side by side
    (CACM: the right column's references in two columns of 6.5 pt under the text's last paragraph):
    the lines above the narrow columns, the left one top to bottom, the right one, then the lines
    under them, each read row by row. Two narrow columns: a strip a little wider than a word space
    that no line of theirs crosses, both holding six or more lines of words, side by side on at least
    three rows; they end at a line across the strip (the text's paragraph above them). So is a pull
    quote set beside a column (IEEE Wireless Communications: a quote's ragged lines in a face of
    its own right of the right column): read after the column's text, not into its rows. Lines read
    row by row (`_in_rows`) when the column is not so set."""
    rows = _in_rows(lines)
    if len(lines) < 16:
        return rows
    lo, hi = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    width = hi - lo
    inner = [ln for ln in lines if lo + 0.3 * width < ln.x0 < lo + 0.85 * width]
    if width < 120 or len(inner) < 6:
        return rows
    by_top = sorted(lines, key=lambda ln: ln.y0)
    if sum(1 for a, b in zip(by_top, by_top[1:]) if _side_by_side(a, b)) < 3:
        return rows
    best: tuple[int, int, int, float] | None = None  # (lines in the narrow columns, first, last, x)
    for x in sorted({round(ln.x0) - 0.5 for ln in inner}):
        crossing = [k for k, ln in enumerate(by_top) if ln.x0 < x < ln.x1]
        for first, last in zip([-1, *crossing], [*crossing, len(by_top)]):
            run = by_top[first + 1:last]
            left = [ln for ln in run if ln.x1 <= x]
            right = [ln for ln in run if ln.x0 >= x]
            if len(left) < 6 or len(right) < 6 or (best is not None and len(run) <= best[0]):
                continue
            size = statistics.median(ln.size for ln in run)
            if min(ln.x0 for ln in right) - max(ln.x1 for ln in left) < 0.6 * size or \
                    sum(map(_prose_like_line, left)) < 0.5 * len(left) or sum(map(_prose_like_line, right)) < 0.5 * len(right):
                continue
            if sum(1 for ln in right if any(_side_by_side(ln, other) for other in left)) < 3:
                continue
            best = (len(run), first + 1, last, x)
    if best is None:
        return rows
    _, first, last, x = best
    run = by_top[first:last]
    left = _in_sub_columns([ln for ln in run if ln.x1 <= x])
    right = _in_sub_columns([ln for ln in run if ln.x0 >= x])
    if max(ln.x1 for ln in right) - min(ln.x0 for ln in right) < 0.5 * (max(ln.x1 for ln in left) - min(ln.x0 for ln in left)):
        # A column half as wide as the text beside it or less is an aside (a pull quote): read
        # where it stands, after the first of the text's lines level with its top or under it that
        # ends a sentence, not after the text's last line, whose sentence may go on over the page.
        top = min(ln.y0 for ln in right)
        at = next((k + 1 for k, ln in enumerate(left) if ln.y1 > top and ln.text.rstrip().endswith(_SENTENCE_END)), len(left))
        left, right = left[:at] + right, left[at:]
    return _in_rows(by_top[:first]) + left + right + _in_sub_columns(by_top[last:])


def _gutters(lines: list[Line], worded: list[Line] | None = None) -> list[float]:
    """The gaps between three or more columns of text set side by side (a magazine's page, CACM:
    three columns a few points apart, where the middle of the page falls inside the middle column),
    left to right; [] for a page of one or two columns. A gap is a strip at least 4 pt wide that
    (almost) no line of words crosses; each column it leaves is wide (a fifth of the text's width)
    and holds lines of words of its own."""
    if worded is None:
        worded = _worded_lines(lines)
    if len(worded) < 15:
        return []
    left, right = int(min(ln.x0 for ln in worded)), int(max(ln.x1 for ln in worded)) + 1
    # A line half as wide again as most is set across columns, not in one: a float's caption or a
    # boxed sidebar's text over two of three columns (CACM: a sidebar's 20 lines across the right
    # gap, the columns under it). It crosses a gap without closing it.
    widths = sorted(ln.x1 - ln.x0 for ln in worded)
    across = 1.5 * widths[len(widths) // 2]
    # How many lines cover each point from the left edge on changes only where a line starts or
    # ends: the points between are passed over (a page's width is some 500 points, its lines' ends
    # far fewer), which leaves the gaps found the same.
    diff: dict[int, int] = {0: 0}
    for ln in worded:
        if ln.x1 - ln.x0 <= across:
            enters, leaves = int(ln.x0) - left, int(ln.x1) - left + 1
            diff[enters] = diff.get(enters, 0) + 1
            diff[leaves] = diff.get(leaves, 0) - 1
    allowed = 0.1 * len(worded)  # (a title, a float's or a boxed sidebar's lines across some columns)
    gaps, start, covered = [], None, False
    cover = 0
    for x in sorted(diff):
        cover += diff[x]
        if cover <= allowed and covered:
            # (A gap lies between columns: a strip at the text's left edge is none, though only a
            # few rows cover it, those of a short first column that start left of its indented
            # first lines: CACM's ten rows over a figure, three of them a list's items set in.)
            start = x if start is None else start
        elif cover > allowed:
            covered = True
            if start is not None and x - start >= 4:
                gaps.append(left + (start + x) / 2)
            start = None
    if len(gaps) < 2:
        return []
    edges = [left, *gaps, right]
    for lo, hi in zip(edges, edges[1:]):
        if hi - lo < 0.2 * (right - left) or sum(1 for ln in worded if lo <= ln.x0 and ln.x1 <= hi) < 5:
            return []
    return gaps


def _common_left(lines: list[Line]) -> float:
    """The left edge most of the lines of some length start at (the leftmost of those that tie)."""
    starts = Counter(round(ln.x0) for ln in lines if len(ln.text) > 30)
    if not starts:
        return min(ln.x0 for ln in lines)
    most = max(starts.values())
    edge = min(x for x, n in starts.items() if n == most)
    return min(ln.x0 for ln in lines if len(ln.text) > 30 and round(ln.x0) == edge)


def _gap_edges(lines: list[Line], gutters: list[float]) -> list[tuple[float, float]]:
    """Each gap's edges: where the text left of its middle ends, and where the text right of it starts.
    A line set in a gap's right half (a list's label hanging left of its entries' lines, over the
    middle of the gap the entries leave) still starts right of the text before the gap."""
    edges = []
    for g in gutters:
        left = max((ln.x1 for ln in lines if ln.x1 <= g), default=g)
        right = min((ln.x0 for ln in lines if ln.x0 >= g), default=g)
        edges.append((left, right))
    return edges


def _band_over_gutters(lines: list[Line], gutters: list[float]) -> tuple[list[Line], list[Line]] | None:
    """Where a band set in fewer columns ends above (or begins below) three or more columns: a
    journal's last page sets its text in two columns, then its references in three under it. The
    band's lines of words cross some of the gaps between the three but not all (each of its two
    columns crosses one); read by the three, its columns' lines are set apart and read row by row,
    across both. The band holds nothing but such lines (a short last line of a paragraph aside), the
    columns none of them: a boxed sidebar over two of three columns has the third column beside it,
    and stays read with the columns. The lines above the cut and those under it; None when the page is
    not so stacked."""
    worded = [ln for ln in lines if len(ln.text.split()) >= 4 and _letter_count(ln.text) >= 0.5 * len(ln.text)]

    gaps = _gap_edges(lines, gutters)

    def partial(ln: Line) -> bool:
        crossed = sum(1 for left, right in gaps if ln.x0 < left and ln.x1 > right)
        return 0 < crossed < len(gutters)

    band = [ln for ln in worded if partial(ln)]
    if len(band) < 5:
        return None
    worded_ids = {id(ln) for ln in worded}
    top, bottom = max(ln.y1 for ln in band), min(ln.y0 for ln in band)
    for inside, rest, above in (([ln for ln in lines if ln.y0 < top], [ln for ln in lines if ln.y0 >= top], True),
                                ([ln for ln in lines if ln.y1 > bottom], [ln for ln in lines if ln.y1 <= bottom], False)):
        if len(band) >= 0.7 * sum(1 for ln in inside if id(ln) in worded_ids) and len(rest) >= 15 and _gutters(rest):
            return (inside, rest) if above else (rest, inside)
    return None


def _band_under_balanced_columns(lines: list[Line]) -> float | None:
    """Where a band of two new columns starts under a heading in the left column, on a two-column
    page whose columns end level above it (PLOS: the back matter's two columns end balanced, then
    "References" in the left column over the bibliography's two columns, both starting on one
    line): the columns above are read before the heading, the ones under it after. The heading, in
    larger or bold type, stands alone on its row, apart from the line above it; the right column has
    no line beside it; the two columns above it end within a line and a half of each other, and the
    two under it start within a point and a half, both in the same type, smaller than the columns'
    above. (A heading in the flow of a column, with the other column's text running on beside it,
    has lines beside it; two columns of one text that happen to break level, on a grid, go on in
    one type.) None when the page is not so set."""
    left = sorted((ln for ln in lines if ln.column == 1), key=lambda ln: ln.y0)
    right = [ln for ln in lines if ln.column == 2]
    if len(left) < 4 or len(right) < 4 or any(ln.column == 0 for ln in lines):
        return None
    for k in range(1, len(left) - 2):
        head, before, after = left[k], left[k - 1], left[k + 1]
        if len(head.text) > 60 or head.y0 - before.y1 < 0.5 * head.height or after.y0 < head.y1 or not (
                head.bold or head.size >= 1.08 * after.size):
            continue
        above = [ln for ln in right if ln.y1 <= head.y0]
        under = [ln for ln in right if ln.y0 >= head.y1]
        if not above or not under or len(above) + len(under) != len(right):
            continue
        last, first = max(above, key=lambda ln: ln.y1), min(under, key=lambda ln: ln.y0)
        # (the band under is set in smaller type than the columns above it, in both columns)
        if abs(first.y0 - after.y0) <= 1.5 and abs(last.y1 - before.y1) <= 1.5 * max(last.height, before.height) and \
                sum(1 for ln in under if ln.y0 < first.y0 + 4 * first.height) >= 2 and \
                abs(first.size - after.size) < 0.3 and after.size <= 0.92 * min(before.size, last.size):
            return head.y0 - 0.5
    return None


def _reading_order(lines: list[Line], page_width: float, first_page: bool = False) -> list[Line]:
    if (gutters := _gutters(lines)) and (stacked := _band_over_gutters(lines, gutters)) is not None:
        upper, lower = stacked
        return _reading_order(upper, page_width, first_page) + _reading_order(lower, page_width)
    if gutters:
        # Three or more columns: each read top to bottom in turn, down to a line across all of them.
        # Lines across only some (a boxed sidebar over two of three columns, a float's) stand apart
        # from the columns that run on beside them: read after the columns, before that line.
        # (a line belongs to a column when it starts past the text before the gap on its left and
        # ends before the text after the gap on its right: a list's label hanging into a gap is its
        # column's)
        gaps = _gap_edges(lines, gutters)
        starts = [-1.0, *(left for left, _ in gaps)]
        ends = [*(right for _, right in gaps), page_width + 1]
        for ln in lines:
            ln.column = next((k for k, (lo, hi) in enumerate(zip(starts, ends), 1) if lo <= ln.x0 and ln.x1 <= hi), 0)
        out: list[Line] = []
        bands: dict[int, list[Line]] = {}
        apart: list[Line] = []
        for ln in _in_rows(lines):
            if ln.column == 0 and ln.x0 < gutters[0] and ln.x1 > gutters[-1]:
                for column in sorted(bands):
                    out.extend(_in_rows(bands[column]))
                out.extend(apart)
                bands, apart = {}, []
                out.append(ln)
            elif ln.column == 0:
                apart.append(ln)
            elif apart and abs(ln.x0 - apart[-1].x0) < 2 and 0 < ln.y0 - apart[-1].y0 < 1.6 * ln.height and \
                    abs(ln.size - apart[-1].size) < 0.3:
                # The short last line of a sidebar's or a caption's paragraph, flush under its lines
                # across the gap, in their type, fits inside one column: it ends their text.
                apart.append(ln)
            else:
                bands.setdefault(ln.column, []).append(ln)
        for column in sorted(bands):
            out.extend(_in_rows(bands[column]))
        return out + apart
    mid = page_width / 2
    off_middle = False  # (read by a split off the middle)
    split = _side_split(lines, page_width)
    # (on page 1, the band's own edge may be fewer lines' than the right column's: Elsevier's
    # abstract of 15 lines beside the article info, over two long columns of text)
    tries = [split] + ([e for e in _flush_edges(lines, page_width) if e != split] if first_page and split is not None else [])
    for edge in tries:
        if edge is not None and (cut := _band_over_columns(lines, page_width, edge)) is not None:
            return _reading_order([ln for ln in lines if ln.y0 < cut], page_width, first_page) + \
                _reading_order([ln for ln in lines if ln.y0 >= cut], page_width)
    two_columns = _assign_columns(lines, mid + 4, mid - 4)
    if two_columns:
        _overfull_lines_in_column(lines)
    if split is not None:
        # A text column beside another one off the middle (a wrapped figure's caption): read by that
        # split when it leaves fewer lines across it than the middle does.
        by_middle = [ln.column for ln in lines]
        # (the left column's full lines, flush with its right edge, the one most of its lines end at:
        # prose the split would cut across. An Elsevier first page sets its abstract off the middle,
        # beside the article-info sidebar, over two columns split at the middle: the split off the
        # middle is the abstract's only, and the left column's lines under it stay whole.)
        ends = Counter(round(ln.x1) for ln, column in zip(lines, by_middle) if column == 1 and len(ln.text.split()) >= 5)
        measure = ends.most_common(1)[0][0] if ends else None
        full_left = [ln for ln, column in zip(lines, by_middle) if column == 1 and measure is not None and
                     abs(ln.x1 - measure) < 2 and ln.x0 < split - 3 and len(ln.text.split()) >= 5] if two_columns else []
        side = _assign_columns(lines, split - 3, split - 1.5)
        cut = sum(1 for ln in full_left if ln.column == 0)
        if (not two_columns or sum(1 for ln in lines if ln.column == 0) < by_middle.count(0)) and \
                (side or _beside_in_band(lines)) and cut < 3:
            two_columns = True
            off_middle = True
        else:
            for ln, column in zip(lines, by_middle):
                ln.column = column
    if not two_columns:
        two_columns = _beside_in_band(lines, captions_only=True)
    if not two_columns:
        for ln in lines:
            ln.column = 0
        return _in_rows(lines)
    if first_page:
        # Author blocks set side by side above the columns (IEEEtran) are front matter, read top to
        # bottom: the columns begin at the first line flush with a column's left edge.
        # (The edge where most lines of some length start: an e-mail address may stand out left of it.)
        edges = {c: _common_left([ln for ln in lines if ln.column == c]) for c in (1, 2)}
        # A flush line with another flush one under it: a paragraph's, not a centred affiliation that
        # happens to reach the edge.
        flush = [ln.y0 for ln in lines if ln.column and abs(ln.x0 - edges[ln.column]) < 2 and len(ln.text) > 30 and
                 any(m.column == ln.column and 0 < m.y0 - ln.y0 < 2 * ln.height and abs(m.x0 - edges[m.column]) < 2
                     for m in lines)]
        if flush:
            # (A line level with the other column's text, beside it, is its own column's however far
            # above its own column's first flush lines: ACL's figure set as rows of text, no
            # drawing, atop the right column beside the abstract, over its caption, the column's
            # first flush lines; the abstract's label beside the figure's first row. Each column's
            # top is found again from the other's until neither moves.)
            def column_top(column: int, other_top: float | None, revert: bool = False) -> float:
                top = min(flush)  # then up through lines set tight above it (an indented first line)
                other = [m for m in lines if m.column == 3 - column and other_top is not None and m.y0 >= other_top]
                for ln in sorted((ln for ln in lines if ln.column == column and ln.y0 < top), key=lambda ln: -ln.y0):
                    # A heading flush with the column's edge ("3 Setup" at the top of the right column,
                    # beside the abstract) begins the column too; centred author names never are flush.
                    if top - ln.y1 < ln.height * 0.8 or abs(ln.x0 - edges[ln.column]) < 2 or \
                            any(min(m.y1, ln.y1) - max(m.y0, ln.y0) > 0.3 * min(m.height, ln.height) for m in other):
                        top = ln.y0
                    elif ln.y1 < top - 2 and revert:
                        ln.column = 0
                return top

            tops = {1: column_top(1, None), 2: column_top(2, None)}
            for _ in range(3):
                again = {1: column_top(1, tops[2]), 2: column_top(2, tops[1])}
                if again == tops:
                    break
                tops = again
            for column in (1, 2):
                column_top(column, tops[3 - column], revert=True)
    if not off_middle and (cut := _band_under_balanced_columns(lines)) is not None:
        return _reading_order([ln for ln in lines if ln.y0 < cut], page_width, first_page) + \
            _reading_order([ln for ln in lines if ln.y0 >= cut], page_width)
    out: list[Line] = []
    band_left: list[Line] = []
    band_right: list[Line] = []
    for ln in _in_rows(lines):
        if ln.column == 0:
            after: list[Line] = []
            if first_page and off_middle and band_left and band_right:
                # On page 1, a narrow column beside the abstract (Elsevier's article info) ends
                # over the text set across the page; a line under both, apart from the column's
                # lines (the text's "1. Introduction"), is the text's and is read after the abstract.
                bottom = max(r.y1 for r in band_right)
                rows = sorted(band_left, key=lambda r: r.y0)
                for k in range(1, len(rows)):
                    if rows[k].y0 > bottom and rows[k].y0 - rows[k - 1].y1 > 2 * rows[k].height:
                        band_left, after = rows[:k], rows[k:]
                        break
            out.extend(_in_sub_columns(band_left))
            out.extend(_in_sub_columns(band_right))
            out.extend(after)
            band_left, band_right = [], []
            out.append(ln)
        else:
            (band_left if ln.column == 1 else band_right).append(ln)
    out.extend(_in_sub_columns(band_left))
    out.extend(_in_sub_columns(band_right))
    return out


# ───────────────────────────── paragraphs ─────────────────────────────


def _headingish(line: Line, body: float) -> bool:
    return line.size >= body * 1.08 or line.bold or _bold_but_math(line)


ITALIC_APPENDIX_HEADING = compile_later(r"^Appendix\s+[A-Z](?:\.\d{1,2}){1,3}\.?\s+[A-Z]")


def _italic_but_acronyms(line: Line) -> bool:
    """A line in italics but for acronyms set upright ("4.5.2 Application of MGI", the acronym a
    macro's upright bold): its words in lower case are all italic."""
    if not _any_style("i", line.spans):  # (most lines: no italic at all)
        return False
    # (a spacing accent drawn apart over a math letter, "ˆ" of "Ŝ", is a letter to Unicode but no word)
    worded = [(text, style) for _, _, text, style in line.spans
              if any(ch.isalpha() and ch not in _ACCENT_CHARS for ch in text)]
    return any("i" in style for _, style in worded) and \
        all("i" in style or all(w.isupper() and len(w) <= 6 for w in text.split()) for text, style in worded)


def _italic_heading_line(line: Line) -> bool:
    """A numbered heading set in italics at body size, as IEEEtran sets "A. Problem Setting" and
    elsarticle "Appendix A.1. Hyperparameters". A bold italic line is a bold heading, which may wrap
    onto a second line ("2. Inductive Biases, ... and" / "Probe Datasets"): the bold rules keep its
    lines together."""
    return (line.italic or _italic_but_acronyms(line)) and not line.bold and len(line.text) < 80 and bool(ITALIC_HEADING.match(line.text) or ENUMERATED_ITALIC_HEADING.match(line.text) or
                                                                          ITALIC_APPENDIX_HEADING.match(line.text))


# A heading's line that ends on a word needing the next ("... Learning Requirements and"): wrapped.
JOINING_WORD_END = compile_later(r"\b(?:and|or|of|the|a|an|for|in|on|to|with|by|from|via|vs)$", re.IGNORECASE)


def _italic_heading_wraps(prev: Line, line: Line, right: float, body: float) -> bool:
    """A numbered italic heading too long for its column goes on, in italics, on the next line: the
    first fills the column (or ends on a joining word: "and", "of", "in"), the second is short, starts
    at the same left edge, and is no heading or sentence of its own."""
    # (its second line starts under the first's, under the title past its number, or, in a Word
    # paper's hanging style, back at the column's left edge: "i) Advanced Technologies - ... and" /
    # "In-memory Computing")
    # (under the words past the number: a span of the line above starts where this line does)
    span_hung = any(abs(line.x0 - _span_start(span, prev.size)) < 2.0 for span in prev.spans[1:] if span[2].strip())
    title_hung = _under_title(prev, line)
    under = abs(line.x0 - prev.x0) < 2.0 or title_hung or (
        ENUMERATED_ITALIC_HEADING.match(prev.text) is not None and (prev.x0 - 3 * body < line.x0 < prev.x0 or span_hung))
    if not (line.italic and not line.bold and abs(line.size - prev.size) < 0.3 and (under or span_hung)):
        return False
    full = prev.x1 >= right - body * 5.0  # (ragged: IEEEtran breaks a heading a word early)
    if len(line.text) >= 60 or _italic_heading_line(line):
        return False
    if line.text.rstrip().endswith(_SENTENCE_END) or not under:
        # A heading's line never ends a sentence; an enumerated statement in italics does, its item
        # wrapped under the words after its number ("2. Every non-empty connected component of every
        # level" / "set of Φ is unbounded."): the first line, full to the column's edge, goes on in
        # lower case.
        return span_hung and prev.x1 >= right - 1.5 * prev.size and line.text[:1].islower() and \
            not prev.text.rstrip().endswith(_SENTENCE_END)
    # (a second line hung under the title, past the number, is the title's however short the first
    # line: the 3B2 typesetting of IEEE's journals breaks "3.2.2 Cost-Sensitive Dataspace Weighting" /
    # "with Adaptive Boosting" by hand, well short of the column's edge)
    return full or JOINING_WORD_END.search(prev.text.rstrip()) is not None or title_hung


_NUMBER_ALONE = compile_later(r"(?:[A-Z]|\d{1,2}(?:\.\d{1,2}){0,3})\.?")


def _under_title(prev: Line, line: Line) -> bool:
    """Whether `line` starts right under the title of the numbered heading `prev`, past its number
    (a hanging indent): the number a piece of its own ("3.2.2", then "Cost-Sensitive ..."), the line
    level with the piece after it."""
    spans = prev.spans
    return len(spans) >= 2 and _NUMBER_ALONE.fullmatch(spans[0][2].strip()) is not None and \
        spans[1][0] - spans[0][1] < 1.5 * prev.size and abs(line.x0 - _span_start(spans[1], prev.size)) < 1.0 and \
        line.x0 - prev.x0 > prev.size


def _span_start(span: tuple, size: float) -> float:
    """Where a span's first letter stands: past the word space it may open with (" Do" after "10."),
    about a quarter of its type's size wide."""
    return span[0] + 0.25 * size if span[2][:1].isspace() else span[0]


def _italic_lead_goes_on(prev: Line, line: Line) -> bool:
    """Whether a numbered line in italics that looks like a heading ("4. Should there be confidence
    intervals or p values for") is an item's italic lead that runs on: the next line, set under the
    words past its number in the same size, goes on in the same italics and ends them in the
    paragraph's roman on the same row ("decision curves? Statistical significance and ..."). A
    heading's wrapped line is italics to its end; a paragraph under a heading starts in roman."""
    if abs(line.size - prev.size) >= 0.3 or line.italic or line.bold or len(line.spans) < 2 or \
            "i" not in line.spans[0][3] or prev.text.rstrip().endswith(_SENTENCE_END + (":",)):
        return False
    return _under_title(prev, line) or any(abs(line.x0 - _span_start(span, prev.size)) < 2.0 for span in prev.spans[1:] if span[2].strip())


def _italic_sentence_goes_on(prev: Line, line: Line, right: float) -> bool:
    """Whether a line that opens like a numbered italic heading ("1. Let U, V be ...") goes on with
    the italic sentence above it: the line above, in the same italics and size, runs to the column's
    right edge without ending its sentence, as a justified line of a statement does. (A heading
    follows a finished paragraph, or a heading.)"""
    return prev.italic and not prev.bold and abs(prev.size - line.size) < 0.3 and \
        prev.x1 >= right - 1.5 * prev.size and not prev.text.rstrip().endswith(_SENTENCE_END)


def _small_caps_edge(prev: Line, line: Line) -> bool:
    """One of two lines is a short line in small capitals and the other is not: a heading at body
    size (amsart) set tight against its text."""
    return prev.smallcaps != line.smallcaps and len((prev if prev.smallcaps else line).text) < 80


def _size_scale(prev: Line, line: Line, body: float) -> float:
    """Lines in larger type sit further apart: a heading wrapped over two lines in 13 pt type
    (baselines 18 pt apart) is one paragraph, not two, beside 11 pt text set 13.6 pt apart."""
    if abs(prev.size - line.size) >= 0.6 or not (_headingish(prev, body) and _headingish(line, body)) or body <= 0:
        return 1.0  # (a body size of 0: fonts scaled by the text matrix report sizes near zero)
    return max(1.0, min(prev.size, line.size) / body)


EQUATION_NUMBER = compile_later(r"\((\d{1,3}(?:\.\d{1,3})?[a-z]?)\)$")


def _display_math(line: Line) -> bool:
    """A piece of a display equation: mostly math, a short piece with math in it, a glyph the text
    layer cannot name (U+FFFD), or an equation number standing alone."""
    visible = len(line.text) - line.text.count(" ")
    if not visible or line.code:
        return False
    # (an unnamed glyph inside a line of running words, "predict a function X \ufffd yG(X), where we
    # assume that ...", is an inline symbol, not a display)
    # (an unnamed glyph between two letters is a ligature the layer cannot name, "over\ufffdt the
    # dataset" in a heading's second line: a word's, no symbol)
    return line.math_chars >= 0.5 * visible or (visible <= 15 and line.math_chars >= min(2, visible)) or \
        "\ufffd" in line.text and "\ufffd" in _LIGATURE_GAP.sub("", line.text) and len(_RUNNING_WORD.findall(line.text)) < 4 or \
        line.text.rstrip().endswith(")") and bool(EQUATION_NUMBER.fullmatch(line.text.strip()))  # (asked of most lines: a number closes it)


_RUNNING_WORD = compile_later(r"\b[a-z]{3,}\b")
# A line that opens on two words of prose in lower case ("model of Eqn. (4)"): a sentence going on.
_PROSE_LEAD = compile_later(r"[a-z]{2,}\s+[a-z]{2,}\b")
_LIGATURE_GAP = compile_later(r"(?<=[a-z])\ufffd(?=[a-z])")
# A row that ends in two words of prose, the next sentence begun after its math ("∈Rdt∗(n+2). To
# achieve"): a display's piece never ends so.
PROSE_TAIL = compile_later(r"(?<![\w.])[A-Za-z][a-z]*\s+[a-z]{3,}$")
# Or one that ends on the next sentence's first word after the full stop that closed its inline math
# ("CrossEntropy(o) + Regularization. However,"), or on its first few words ("..., j ∈ [1, N]}. This
# masking is"): a display never opens a sentence.
SENTENCE_OPENS_TAIL = compile_later(r"[.?!]\s+[A-Z][a-z]{2,}(?:\s+[a-z]{2,}){0,3},?$")
# A word broken at a line's end ("represen-" / "tation"): lower-case letters before the hyphen, and after it.
BROKEN_WORD_END = compile_later(r"(?<![^\W\d_])[a-z]{2,}-$")
BROKEN_WORD_START = compile_later(r"[a-z]{2,}\b")


def _subheading_under_heading(current: list[Line], ln: Line) -> bool:
    """Whether `ln` opens a subsection of the numbered heading `current` is made of, right under it:
    "2. FAST ℓ1-MIN ALGORITHMS" centred in bold capitals (bold but for the math ℓ) over "2.1.
    Gradient Projection (GP) Methods" in bold (IEEE ICIP): the subsection's number goes on from the
    heading's, so it is a heading of its own, not the heading's wrapped title."""
    first = current[0]
    if not (ln.bold and (first.bold or _bold_but_math(first)) and ln.page == first.page and len(current) <= 2 and
            NUMBERED_LINE.match(ln.text)):
        return False
    above, under = HEADING_NUMBER.match(first.text), HEADING_NUMBER.match(ln.text)
    return bool(above and under and not above.group("app") and under.group("num").startswith(above.group("num") + "."))


def _blocks(lines: list[Line], body: float, pitch: float) -> list[Block]:
    blocks: list[Block] = []
    current: list[Line] = []
    col_left: dict[tuple[int, int], float] = {}
    col_right: dict[tuple[int, int], float] = {}
    tails: set[int] = set()  # ids of short math lines that ended a caption's or paragraph's sentence
    lead: Line | None = None  # the current block's first line, and its CAPTION match
    lead_caption = None
    asked, shown = None, False  # the last line asked whether it is a display's piece (`_display_math`), and its answer
    for ln in lines:
        key = (ln.page, ln.column)
        col_left[key] = min(col_left.get(key, ln.x0), ln.x0)
        col_right[key] = max(col_right.get(key, ln.x1), ln.x1)
    for ln in lines:
        if not current:
            current = [ln]
            continue
        prev = current[-1]
        if lead is not current[0]:  # (whether the block opens as a caption: asked again and again below)
            lead = current[0]
            lead_caption = CAPTION.match(lead.text)
        same_place = prev.page == ln.page and prev.column == ln.column
        # Baseline to baseline: pieces of one row read left to right may have their tops in any order.
        by_base = prev.base is not None and ln.base is not None
        gap = ln.base - prev.base if by_base else ln.y0 - prev.y0
        if by_base and prev.scripts and same_place and prev.y1 - prev.base > 0.6 * prev.size and \
                abs(ln.size - prev.size) < 0.6 and prev.y1 - 0.5 * ln.size < ln.y0 < prev.y1 + ln.size:
            # A row whose inline formula reaches down past its text (a sum's lower limit under
            # "1/N ∑ α_i" in a line of prose) sets the next row that much lower: the step is read
            # from the formula's foot to the next row's.
            gap = min(gap, ln.y1 - prev.y1)
        new = False
        # (a wrapped row short enough to fit a column's width may be taken as a column's, under the
        # heading across the page: "orem 5)" under "D Proof of ... (Theorem 4 and The-")
        if len(current) == 1 and (same_place or prev.page == ln.page and prev.column == 0 and
                                  prev.x0 <= ln.x0 and ln.x1 <= prev.x1) and \
                _heading_wraps_past_number(prev, ln, gap, pitch):
            ln.bold, ln.code = True, False  # the heading's last words, in its weight
        elif _subheading_under_heading(current, ln):
            new = True
        elif prev.code or ln.code:
            new = prev.code != ln.code or not same_place or not -1 < gap < pitch * 2.5
        elif CAPTION_LABEL_LINE.match(current[0].text) and len(current) >= 2 and prev.page == ln.page and \
                -1.5 < gap < pitch * 1.5 and _in_capitals(ln.text) and _in_capitals(prev.text) and \
                ln.x0 < max(x.x1 for x in current) and ln.x1 > min(x.x0 for x in current):
            # IEEEtran's caption under its "TABLE II", in capitals, goes on over rows whose math sets
            # pieces in other sizes ("SIM-TO-SIM TRACKING OF VELOCITY COMMAND v*" / "b,x = 0.5 m/s
            # WITH" at 6.5 pt, "DIFFERENT OBSERVATION SPACES ..." at 8): it was cut at the first
            # change of size, and the next table's caption took the table under the rest.
            new = False
        elif _math_tail(current, ln, gap, pitch):
            new = False  # a sentence ends on a short line of math ("... for various values of" / "α.")
            tails.add(id(ln))
        elif (prev_shown := shown if asked is prev else _display_math(prev)) | (shown := _display_math(asked := ln)):
            # A display equation is one block: its pieces (a fraction's rows, limits of a sum, the
            # number at the margin) stay together, and prose above or below it is another block.
            # (whether each of the two is a display's piece is asked once: not at every rule below,
            # nor of the line above when it was asked as the line before)
            other = ln if prev_shown else prev
            level = min(prev.y1, ln.y1) - max(prev.y0, ln.y0) > 0  # side by side ("log" between two pieces)
            together = (prev_shown and shown) or level or other.math_chars >= max(2.0, 0.15 * len(other.text))
            # (a display right after the short math line that ended a sentence is a block of its own)
            new = not together or not same_place or not -pitch * 3 < gap < pitch * 1.5 or id(prev) in tails
            # A word broken at the line's end goes on, however much math the line holds ("Let hi ∈Rl×1
            # and hi,d ∈Rq×1, d = 1, . . . , D de-" / "note the general representation ..."): a display
            # breaks no word.
            new = new and not (same_place and 0 < gap < pitch * 1.5 and abs(ln.size - prev.size) < 0.6 and
                               BROKEN_WORD_END.search(prev.text) is not None and BROKEN_WORD_START.match(ln.text) is not None)
            # Nor does a line of prose that fills the column without ending its sentence go on in a
            # display: the next line, flush left at the usual pitch with words of its own among its
            # math, is the sentence's ("... each message is ultimately represented" / "as a vector
            # ⟨x1, . . . , xm⟩, where x1, . . . , xm are the values of ...").
            # (or, with fewer words, when it too fills the measure flush on both sides and opens on two
            # words of prose: "... i.e., taking the recursive" / "model of Eqn. (4)∼(5), for ∀i = 1,
            # · · · , d, j = 1, · · · , n," in a proposition set in italics; a display is centred or
            # indented, never justified from a lower-case word)
            # (or, shorter, when it ends its sentence and opens the next one, as a display never does:
            # "... applying f to each cell of" / "T . Let Tk ∈ Tk. Then", the display under it; ACM TODS)
            new = new and not (same_place and not prev_shown and 0 < gap < pitch * 1.15 and
                               abs(ln.size - prev.size) < 0.3 and abs(ln.x0 - col_left[(ln.page, ln.column)]) < 2 and
                               prev.x1 >= col_right[(ln.page, ln.column)] - 1.5 * prev.size and
                               not prev.text.rstrip().endswith(_SENTENCE_END) and
                               (len(_RUNNING_WORD.findall(ln.text)) >= 4 or
                                ln.x1 >= col_right[(ln.page, ln.column)] - 0.5 * ln.size and
                                _PROSE_LEAD.match(ln.text) is not None or
                                SENTENCE_OPENS_TAIL.search(ln.text.rstrip()) is not None))
            # Nor is a row of prose dense with inline math ("{v1 i , v2 i , . . . , vi|vi| }. Our model
            # is an end-to-end") a display when it fills the column from its left edge, words in it:
            # the line of prose under it, flush left at the usual pitch, goes on with it.
            new = new and not (same_place and prev_shown and not shown and 0 < gap < pitch * 1.15 and
                               abs(ln.size - prev.size) < 0.3 and abs(prev.x0 - col_left[(ln.page, ln.column)]) < 2 and
                               abs(ln.x0 - prev.x0) < 2 and prev.x1 >= col_right[(ln.page, ln.column)] - 1.5 * prev.size and
                               (len(_RUNNING_WORD.findall(prev.text)) >= 2 or PROSE_TAIL.search(prev.text) is not None or
                                SENTENCE_OPENS_TAIL.search(prev.text.rstrip()) is not None) and
                               not EQUATION_NUMBER.search(prev.text.strip()))
        elif by_base and same_place and abs(gap) < 1.5 and ln.x0 > prev.x1 and (prev.bold or prev.italic or prev.smallcaps) \
                and ln.x0 - prev.x1 < 4 * max(prev.size, ln.size) and not CAPTION.match(ln.text):
            # The rest of the row after a bold run-in head ("Worker Failure.   The master ..."); not a
            # caption or text far off on the same baseline (a table's caption beside the column).
            new = False
            if len(current) >= 2 and prev.bold and not ln.bold and all(x.bold for x in current) and \
                    NUMBERED_LINE.match(current[0].text) and _headingish(current[0], body):
                # A numbered heading with the next paragraph's bold lead right under it ("4.3.1 Data
                # Augmentation" / "Trajectory-Instruction Augmentation  Augmenting the ..."): the
                # heading is its own block, the lead opens the paragraph.
                blocks.append(Block(current[:-1]))
                current = [prev]
        elif CAPTION_LABEL_LINE.match(prev.text) and len(current) == 1 and 0 < gap < pitch * 2 and \
                (same_place or (prev.page == ln.page and abs(ln.x0 - prev.x0) < 3)):
            new = False  # "TABLE II" and its caption on the next line (a short label may count as a column's, its caption not)
        elif len(current) == 1 and prev.bold and not ln.bold and BARE_FIGURE_CAPTION.match(prev.text) and \
                same_place and 0 < gap < pitch * 1.5 and abs(ln.x0 - prev.x0) < 2 and abs(ln.size - prev.size) < 0.6 and \
                ln.size < body * 0.95:
            # A figure's label set in bold on a line of its own, its caption on the lines under it in
            # the captions' smaller type, flush with it (MIT Press: "Figure 1" over "Trend in the
            # meaning of cell, ..."): one caption.
            new = False
        elif BARE_FIGURE_CAPTION.match(ln.text) or BARE_FIGURE_CAPTION.match(prev.text):
            new = True  # a figure's label alone on its line ("Figure 13", no full stop): a caption of its own
        elif CAPTION_LABEL_LINE.match(ln.text) or (
                CAPTION.match(ln.text) and (not same_place or gap > pitch * 1.05 or ln.x0 - prev.x0 > 2 or
                                            _under_label_row(prev, ln) or _under_row_of_cells(current, prev, ln))
                and not _mention_goes_on(prev, ln, gap, pitch)):
            new = True
        elif prev.page == ln.page and lead_caption and ln.x0 < current[0].x0 - 3:
            # A caption's lines never start left of its first: the body text after a centred caption.
            # But a caption whose first line is indented as a paragraph's (Technometrics: "Figure 4.
            # Sensitivity analysis ... from" / "a TGP fit to ...", an em further left) goes on in
            # the next line at its pitch, the sentence unended, in its type.
            new = not (len(current) == 1 and same_place and 0 < gap < pitch * 1.3 and abs(ln.size - prev.size) < 0.3 and
                       current[0].x0 - ln.x0 <= 2.5 * ln.size and prev.x1 >= ln.x1 - 1 and ln.text[:1].islower() and
                       not prev.text.rstrip().endswith(_SENTENCE_END))
            # Nor does a caption set centred all in bold end where its next line, longer, starts left of
            # its first: a line in its bold type at its pitch, centred on the same axis, goes on
            # with it (ICMI 2008: "Figure 2: Screenshot of the VoiceLabel labeling tool. ... the sensor
            # data" over "recorded during the data collection phase, ...", 8 pt further left; the
            # caption's last lines were read as the text's, into the sentence the page had broken).
            new = new and not (same_place and 0 < gap < pitch * 1.3 and abs(ln.size - prev.size) < 0.3 and
                               prev.bold and ln.bold and abs((ln.x0 + ln.x1) - (prev.x0 + prev.x1)) < 4.0)
        elif prev.page != ln.page and lead_caption:
            new = True  # a float and its caption stay on one page: the next page's text is not the caption's
        elif lead_caption and prev.column and ln.column and prev.column != ln.column and ln.y0 < prev.y0:
            # Nor does a caption go on up into the next column: "TABLE II: Time Complexities of
            # Algorithms" at the foot of the left column (its table under it), no full stop, and the
            # right column's first paragraph are two blocks.
            new = True
        elif lead_caption and prev.page == ln.page and ln.size < prev.size - 0.3 and \
                _head_row_cell(ln, lines):
            new = True  # a table's head row right under its caption, in smaller type (PNAS)
        elif lead_caption and same_place and prev.bold and not ln.bold and not ln.italic and \
                pitch * 1.2 < gap < pitch * 1.5 and abs(ln.size - prev.size) <= 0.6 and \
                len(_RUNNING_WORD.findall(ln.text)) >= 3:
            # A caption set all in bold ends where a line of prose in the plain face stands further
            # under it than the text's lines stand apart (SIGMOD 2015: "Figure 2: Common admin
            # operation execution time by size" in bold, the next paragraph 4 pt under it, in the
            # caption's size, was taken into the caption).
            new = True
        elif lead_caption and prev.page == ln.page and 0 < gap < pitch * 1.5 and \
                (abs(ln.size - prev.size) <= 0.6 or _smaller_rest_of_caption(current, ln)) and \
                ln.x0 >= current[0].x0 - 3 and ln.x0 < prev.x1 and \
                not NUMBERED_LINE.match(ln.text) and not prev.text.rstrip().endswith(_SENTENCE_END):
            # A caption's sentence goes on over a phrase it sets in bold ("... are more / **accurate on
            # the good samples.**"), and onto a short last line that alone counts as a column's (ACM).
            new = False
        elif lead_caption and prev.page == ln.page and 0 < gap < pitch * 1.3 and \
                abs(ln.size - prev.size) <= 0.6 and abs(ln.x0 - current[0].x0) < 2 and NOTE_MARK_LEAD.match(ln.text):
            # A note on the float set as the caption's last line, opening on its mark ("*denotes our
            # re-evaluation." flush under a table's caption that ended its sentence): the caption's,
            # not a paragraph between the text before the float and the text after it.
            new = False
        elif lead_caption and len(current) >= 2 and same_place and by_base and \
                current[-2].base is not None and prev.text.rstrip().endswith(_SENTENCE_END) and \
                abs(prev.size - body) < 0.3 and abs(ln.size - body) < 0.3 and \
                0 < prev.base - current[-2].base < gap / 1.3:
            # A caption in the text's type set tighter than the text (single-spaced in a double-spaced
            # manuscript) ends where the next line stands further below its last than its lines stand
            # apart. (A journal's small caption ends on its DOI line, set a little further down.)
            new = True
        elif not same_place and prev.page == ln.page and by_base and 0 < gap < 1.5 * ln.size and \
                abs(ln.x0 - prev.x0) < 2 and abs(ln.size - prev.size) < 0.3 and ln.bold == prev.bold and \
                ln.x1 < prev.x1 - 0.5 * (prev.x1 - prev.x0) and ln.text[:1].islower() and \
                not prev.text.rstrip().endswith(_SENTENCE_END + (":",)):
            # A paragraph set across the page over two columns ends on a short line that falls in the
            # left column: flush with the line above, at its pitch, in its type, the sentence going on
            # in lower case (Word: a white paper's bold summary "... a secure solution for 5G" /
            # "networks."), the line is the paragraph's, however the columns part.
            new = False
        elif not same_place:
            # (a line set well below the last, across it: a column's line and a full-width one on the
            # same page, a heading's and its paragraph's, are two blocks whatever the columns say)
            new = prev.text.rstrip().endswith(_SENTENCE_END) or bool(_MARKED_END.search(prev.text)) or \
                (bool(_QUOTED_END.search(prev.text.rstrip())) and _title_cased(ln.text)) or \
                _headingish(prev, body) or _headingish(ln, body) or \
                abs(ln.size - prev.size) > 0.6 or _italic_heading_line(prev) or _italic_heading_line(ln) or \
                _small_caps_edge(prev, ln) or (prev.page == ln.page and by_base and gap > pitch * 1.6 and
                                               ln.x0 < prev.x1 and prev.x0 < ln.x1) or \
                (len(current) == 1 and _italic_line_apart(prev, ln, col_left[(prev.page, prev.column)],
                                                          col_right[(prev.page, prev.column)], body))
        elif (gap if by_base else min(gap, ln.y1 - prev.y1)) > pitch * 1.3 * _size_scale(prev, ln, body) or gap < -1:
            # (without baselines: a superscript raises a line's top, a subscript lowers its bottom;
            # a paragraph's gap widens both distances, a tall line in it only one)
            new = not (same_place and gap < pitch * 1.8 and _runs_on_below(prev, ln, col_left, col_right))
        elif len(current) == 1 and prev.bold and ln.bold and prev.face and ln.face and prev.face != ln.face and \
                abs(prev.size - ln.size) < 0.3 and same_place and abs(prev.x0 - ln.x0) < 2 and \
                not prev.text.rstrip().endswith(("-", ",")) and not JOINING_WORD_END.search(prev.text.rstrip()):
            # Two bold lines in one size, each in a typeface of its own: a section's name in the sans
            # over its first subsection's in the serif (PLOS: "Methods" in Helvetica Bold 12 pt over
            # "Design of the intervention study" in Minion Bold 12 pt), two headings. A heading
            # wrapped onto a second line keeps its face.
            new = True
        elif prev.bold and ln.bold and (NUMBERED_LINE.match(ln.text) or ROMAN_HEADING.match(prev.text) and
                                        cached(r"^[A-Z]\.\s+[A-Z]").match(ln.text)) and _headingish(ln, body):
            new = True  # a heading right under another ("2 BACKGROUND" / "2.1 Early-stopping", "IV. RESULT" / "A. QUESTION")
        elif prev.bold and prev.text.endswith("-") and ln.spans and "b" in ln.spans[0][3] and \
                ln.text[:1].islower() and abs(ln.size - prev.size) <= 0.6:
            new = False  # a bold lead broken across lines, the paragraph going on beside its end ("Text Su-" / "pervision Visual ...")
        elif _bold_prose_goes_on(prev, ln, col_right[(ln.page, ln.column)]):
            new = False
        elif same_place and 0 < gap < pitch * 1.15 and _face_goes_on(
                prev, ln, col_right[(ln.page, ln.column)],
                item=len(current) >= 2 and abs(ln.x0 - current[1].x0) < 2 and
                _hangs_under_label(current[0], current[1]) and _label_in_own_face(current[0])):
            new = False
        elif same_place and 0 < gap < pitch * 1.15 and _capitals_go_on(prev, ln, col_left[(ln.page, ln.column)],
                                                                        col_right[(ln.page, ln.column)]):
            new = False
        elif same_place and 0 < gap < pitch * 1.15 and _size_slip_goes_on(prev, ln, col_left[(ln.page, ln.column)],
                                                                          col_right[(ln.page, ln.column)],
                                                                          level=abs(gap - pitch) <= 0.05 * pitch and
                                                                          max(prev.size, ln.size) <= body + 0.3 and
                                                                          len(current) >= 2):
            new = False
        elif abs(ln.size - prev.size) > 0.6 or _headingish(prev, body) != _headingish(ln, body) or _bold_over_smaller(prev, ln):
            new = True
        elif len(current) == 2 and _italic_heading_line(current[0]) and current[-1] is prev and prev.italic and \
                not ln.italic and _italic_heading_wraps(current[0], prev, col_right[(prev.page, prev.column)], body):
            new = True  # the paragraph under a wrapped italic heading
        elif _italic_heading_line(prev) and _italic_heading_wraps(prev, ln, col_right[(prev.page, prev.column)], body):
            new = False  # "B. Consequences on Learning Requirements and" / "Model Complexity" (IEEEtran)
        elif same_place and 0 < gap < pitch * 1.15 and _italic_heading_line(prev) and _italic_lead_goes_on(prev, ln):
            new = False  # "4. Should there be confidence intervals or p values for" / "decision curves? Statistical ..."
        elif _italic_heading_line(ln) and _italic_sentence_goes_on(prev, ln, col_right[(ln.page, ln.column)]):
            new = False  # "... with Ai(ω) =" / "1. Let U, V be two random variables. Then" (a lemma in italics)
        elif _italic_heading_line(prev) or _italic_heading_line(ln):
            new = True
        elif _small_caps_edge(prev, ln):
            new = True
        elif len(current) == 1 and _italic_line_apart(prev, ln, col_left[(prev.page, prev.column)],
                                                      col_right[(prev.page, prev.column)], body):
            new = True
        elif prev.bold and ln.bold and len(current) >= 2 and NUMBERED_LINE.match(current[0].text) and \
                all(x.x0 - current[0].x0 > 0.5 * current[0].size for x in current[1:]) and \
                ln.x0 < current[1].x0 - 0.5 * current[0].size:
            # A numbered heading wrapped under its title, past its number ("4.1 Meta-evaluation of
            # reference-based" / "human annotation"), then a bold line back at the number's edge: the
            # next paragraph's bold lead, not the heading's third line.
            new = True
        elif prev.bold and ln.bold:
            new = False
        elif ln.x0 - prev.x0 > body * 0.6 and prev.x0 - col_left[(prev.page, prev.column)] < 2 and \
                ln.x0 - col_left[(ln.page, ln.column)] < body * 2.5 and prev.text.rstrip().endswith(_SENTENCE_END):
            new = True  # first-line indent of the next paragraph
        elif len(current) == 1 and same_place and 0 < gap < pitch * 1.3 and \
                _plain_title_row(prev, col_left[(prev.page, prev.column)], col_right[(prev.page, prev.column)]) and \
                abs(ln.size - prev.size) < 0.3 and 0.6 * body < ln.x0 - col_left[(ln.page, ln.column)] < 4 * body and \
                (not blocks or blocks[-1].page != prev.page or blocks[-1].lines[-1].y1 < prev.y0 - 0.6 * prev.height):
            # A heading in the text's own type (Word: "Precision is Nice but Oomph is the Bomb", a blank
            # line over it, flush left over the next paragraph's indented first line): its own block.
            new = True
        elif same_place and by_base and _plain_heading_over_paragraph(
                current, ln, gap, pitch, col_left[(ln.page, ln.column)], col_right[(ln.page, ln.column)], body):
            new = True
        elif len(current) == 1 and same_place and DOTTED_NUMBER_LINE.match(prev.text) and \
                not prev.text.rstrip().endswith(_SENTENCE_END + (",", ";")) and abs(ln.size - prev.size) < 0.3 and \
                prev.x1 < col_right[(prev.page, prev.column)] - 5 * prev.size and ln.x0 - prev.x0 > body * 0.6 and \
                prev.x0 - col_left[(prev.page, prev.column)] < 2 and ln.x0 - col_left[(ln.page, ln.column)] < body * 2.5 and \
                not ln.text[:1].islower() and not any(abs(ln.x0 - x0) < 2 for x0, *_ in prev.spans[1:]):
            # A short row that opens on a subsection's dotted number, in the text's own type, over a
            # paragraph's indented first line (Word: "4.2.1 Latency evaluation with different prompt
            # lengths" / "   Firstly, we perform ...", set tight): a heading of its own. (A heading
            # wrapped under its title, past its number, goes on: "by Tempered Expectation ...")
            new = True
        elif lead_caption is None and ln.x0 - prev.x0 > body * 0.6 and len(current) == 1 and \
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


# A heading's number in roman numerals or a capital letter, a full stop after it, then its title
# ("IV. Dataset and Simulation Parameters", "B. Relationship to Prior Papers").
LETTERED_HEADING_LINE = compile_later(r"^(?:[IVX]{1,5}|[A-Z])\.\s+[A-Z]")


def _title_cased(text: str) -> bool:
    """Whether a line reads as a title: two or more words of four letters or more, each opening with
    a capital ("“Significance” and Merck", "How the Journals, Textbooks, and Grantors Enforce the
    Sizeless Stare"), no digits, sixteen words or fewer, ending no sentence or clause."""
    text = text.strip()
    words = text.split()
    long_words = [w.strip("“”‘’\"'(),:;") for w in words]
    long_words = [w for w in long_words if sum(ch.isalpha() for ch in w) >= 4]
    return 2 <= len(words) <= 16 and len(long_words) >= 2 and all(w[:1].isupper() for w in long_words) and \
        not any(ch.isdigit() for ch in text) and not text.endswith(_SENTENCE_END + (",", ";", "-")) and \
        text.lstrip("“\"‘'")[:1].isupper()


def _plain_title_row(line: Line, left: float, right: float) -> bool:
    """Whether a row in plain upright type reads as a heading set in the text's own type: flush with
    its column's left edge, ending short of its right one, title-cased (`_title_cased`)."""
    return not (line.bold or line.italic or line.code or line.math_chars) and abs(line.x0 - left) < 2 and \
        line.x1 < right - line.size and _title_cased(line.text)


def _plain_heading_over_paragraph(current: list[Line], ln: Line, gap: float, pitch: float, left: float,
                                  right: float, body: float) -> bool:
    """Whether the block so far is a heading in the text's own upright type, numbered in roman
    numerals or lettered, and `ln` the paragraph under it (an IEEEtran preprint that sets "I.
    Introduction" centred and "B. Relationship to Prior Papers" flush left in plain 10 pt, nothing
    but space to set them apart): the number opens a row that stops well short of the column's
    right edge, flush left or centred in the column, ending no sentence (or wrapped once onto a
    short row at its left edge, "A. Rolling Maintenance Windows in Enterprise Opera-" / "tions");
    more space stands under it than between a paragraph's lines, and the line under it opens a
    paragraph, indented, or is a lettered heading of its own right under a centred one ("II.
    Background" / "A. Rolling ..."). A list's lettered item fills its first row before its
    hanging indent, and ends its sentence on its last."""
    if not (pitch * 1.1 < gap < pitch * 1.8) or len(current) > 2:
        return False
    head, last = current[0], current[-1]
    text = " ".join(x.text.strip() for x in current)
    if not LETTERED_HEADING_LINE.match(head.text) or text.endswith(_SENTENCE_END + (",", ";", ":")) or \
            len(text.split()) > 16 or any(abs(x.size - ln.size) > 0.3 for x in current):
        return False
    if len(current) == 2 and not (abs(last.x0 - head.x0) < 2 and head.x1 > right - 1.5 * head.size and
                                  not head.text.rstrip().endswith(_SENTENCE_END)):
        return False
    flush = abs(head.x0 - left) < 2 and last.x1 < right - 4 * last.size
    # (a long one nearly fills the column, set in from both edges alike: "III. A BRIEF HISTORY OF
    # RELIABLE COMPUTING", 11 pt in from the left and 10 from the right)
    centred = len(current) == 1 and head.x0 - left > 0.5 * head.size and right - head.x1 > 0.5 * head.size and \
        abs((head.x0 + head.x1) / 2 - (left + right) / 2) < 0.5 * head.size
    if not (flush or centred):
        return False
    indented = 0.6 * body < ln.x0 - left < 2.5 * body
    return indented or (centred and abs(ln.x0 - left) < 2 and LETTERED_HEADING_LINE.match(ln.text) is not None and
                        not ROMAN_HEADING.match(ln.text))


# A line that opens on a note's mark, no space or one after it ("*denotes", "† indicates").
NOTE_MARK_LEAD = compile_later(r"[*†‡§¶]\s?[^\W\d_]")


def _head_row_cell(ln: Line, lines: list[Line]) -> bool:
    """Whether `ln` is a cell of a table's row: another piece stands on its baseline in its column,
    more than two of its heights apart (PNAS: "Look-up source" and "Matched, %", the head row of a
    table right under its caption, in type a little smaller, no rule between; read as the caption's
    last line, it hid the table from its caption). A caption's wrapped line is one piece."""
    return any(o is not ln and o.page == ln.page and o.column == ln.column and abs(o.y1 - ln.y1) < 1.0 and
               max(o.x0 - ln.x1, ln.x0 - o.x1) > 2 * ln.height for o in lines)


def _smaller_rest_of_caption(current: list[Line], ln: Line) -> bool:
    """Whether `ln` goes on a caption's first line in smaller type: the label and the caption's
    title set in the text's size and the sentences after them in the captions' smaller one, from
    the first line on (ICLR: "Table 2: **Test results across all tasks and methods.** For tasks
    T1-T5 results are given in the standard" at 10 pt over "setup and the out-of-vocabulary ..." at
    9 pt). Most of the first line is in the larger size, so its size was the text's and the rest of
    the caption a block apart: the caption read as its first line alone, 86 pt over its table, which
    lost its box. The lines are one paragraph's: both fill the same measure, flush left and right,
    and the next line is running text (a table's row under a one-line caption is not)."""
    first = current[0]
    return len(current) == 1 and ln.size < first.size and abs(ln.x0 - first.x0) < 2 and \
        abs(ln.x1 - first.x1) < 2 and _is_prose(ln)


def _italic_line_apart(prev: Line, ln: Line, left: float, right: float, body: float) -> bool:
    """Whether `prev`, a short line wholly in italics alone at its column's left edge, stands apart
    from `ln` under it: an unnumbered heading in italics at the text's size (a Word preprint's
    "Background" under its bold "Introduction"), over its paragraph's first line, indented in roman,
    or over another such heading flush under it ("Analysis" / "Event-Related Potential Analysis").
    Its words open with a capital and end on none of a sentence's stops, far short of the column's
    right edge, where an italic line of a paragraph runs on to it."""
    text = prev.text.strip()
    if not (prev.italic and not prev.bold and text[:1].isupper() and len(text.split()) <= 10) or \
            text.endswith(_SENTENCE_END + (",", ";")) or abs(prev.x0 - left) > 2 or \
            prev.x1 > right - 5 * prev.size:
        return False
    if not ln.italic and not ln.bold and 0.4 <= ln.size - prev.size <= 1.0 and abs(ln.size - body) < 0.3:
        # In italics a little smaller than the text under it (a Word preprint's "Basic Bayes" in 8.5 pt
        # oblique sans over 9 pt serif, flush left, set tight): a heading in a type of its own.
        return True
    if abs(ln.size - prev.size) > 0.3:
        return False
    if not ln.italic:
        return 0.6 * body < ln.x0 - prev.x0 < 4 * body  # (the paragraph's first line, indented)
    after = ln.text.strip()
    return not ln.bold and abs(ln.x0 - prev.x0) < 2 and after[:1].isupper() and len(after.split()) <= 10 and \
        not after.endswith(_SENTENCE_END + (",", ";")) and ln.x1 < right - 5 * ln.size


def _bold_over_smaller(prev: Line, ln: Line) -> bool:
    """Whether `prev`, a line wholly in bold, stands over `ln`, a roman line in type a little smaller:
    a heading over its paragraph, whatever size counts as the body's. (Nature sets its methods and
    references in 7.5 pt, more of them than its 9.5 pt main text, which then reads as large as the
    10 pt bold "Results" over it: both "headingish", the heading ran into its paragraph.)"""
    return prev.bold and not ln.bold and not _bold_but_math(ln) and prev.size - ln.size >= 0.3


def _in_capitals(text: str) -> bool:
    """Whether a line is set in capitals (small capitals read as such): three in four of its words
    of two letters or more; a line without such words only when it is a short piece of math ("v*")."""
    words = cached(r"[^\W\d_]{2,}").findall(text)
    return sum(w.isupper() for w in words) >= 0.75 * len(words) if words else len(text.strip()) <= 3


def _heading_wraps_past_number(prev: Line, ln: Line, gap: float, pitch: float) -> bool:
    """Whether `ln` ends the bold numbered heading `prev` (bold but for its math variables: "A.2 If
    g(X) = E[Y|X] + c, then ..." / "provided c ≠ 0"), wrapped under its title past its number
    in another face (EMNLP: "4.7 Model Analysis: Comparison with" / "word2vec" in the typewriter
    face, at the text's size): a few words at the next line's distance, no sentence ended. (An
    appendix's letter numbers it too: "C Results of temperature scaling for" / "LLaMA2-13B".) The
    distance is the heading's own: in 14 pt over 10 pt text, "D Proof of the convergence rate of MSPD
    (Theorem 4 and The-" / "orem 5)" stand 18 pt apart."""
    pitch = max(pitch, 1.2 * prev.size)
    return (prev.bold or _bold_but_math(prev)) and WRAPPED_HEADING.match(prev.text) is not None and 0 < gap < pitch * 1.5 and \
        abs(ln.size - prev.size) < 0.6 and len(ln.text) <= 30 and not ln.text.endswith(_SENTENCE_END) and \
        0.5 * prev.size < ln.x0 - prev.x0 < 4 * prev.size


def _math_tail(current: list[Line], ln: Line, gap: float, pitch: float) -> bool:
    """Whether `ln` is the short last line of the caption or paragraph being read, which its math
    alone would make a display equation ("α.", "p."): it finishes the sentence the line above left
    open, in the same type, within the caption's left edge, or flush with the paragraph's line above
    at the usual pitch (a display stands indented or centred, with room around it). A longer one
    holds a word of prose after its math ("y, z coordinates." under "... in texture map by x,")."""
    short = len(ln.text.strip()) <= 15 or len(ln.text.strip()) <= 30 and ln.math_chars >= 1 and \
        _RUNNING_WORD.search(ln.text) is not None
    if not short or not ln.text.rstrip().endswith(_SENTENCE_END):
        return False  # (what most lines fail, asked first)
    prev = current[-1]
    if CAPTION.match(current[0].text) is not None:
        placed = 0 < gap < pitch * 1.5 and current[0].x0 - 3 <= ln.x0 < prev.x1
    else:
        # (or centred in the paragraph's lines under a line cut short before it: "... implying a
        # storage lower bound of" / "Ω(N)." in the middle of the column, the sentence's end)
        left, right = min(x.x0 for x in current), max(x.x1 for x in current)
        centred = len(current) >= 2 and prev.x1 < ln.x0 and abs(ln.x0 + ln.x1 - left - right) < 0.1 * (right - left) and \
            0 < gap < pitch * 1.5 and _is_prose(current[-2]) and _RUNNING_WORD.search(prev.text) is not None
        placed = (0 < gap < pitch * 1.2 and abs(ln.x0 - prev.x0) < 2 and _is_prose(prev) or centred) and \
            prev.column == ln.column and not _display_math(prev) and any(ch.isalpha() for ch in ln.text)
    return placed and prev.page == ln.page and abs(ln.size - prev.size) <= 0.6 and \
        ln.text.rstrip().endswith(_SENTENCE_END) and not prev.text.rstrip().endswith(_SENTENCE_END) and \
        not EQUATION_NUMBER.fullmatch(ln.text.strip())


def _under_label_row(prev: Line, ln: Line) -> bool:
    """Whether a caption's opening line sits under a line that starts well right of it and stops
    well short of its end: the row of labels under a figure's panels ("Mar. 14   June 25   Aug.
    12" under three photographs, BMVC) at the body's pitch over "Figure 1: Examples of ...". A line
    of prose the caption's words went on from fills the column; a paragraph's indented first line
    starts a few points in, and runs to the column's end."""
    return prev.page == ln.page and prev.x0 - ln.x0 > 3 * ln.size and prev.x1 < ln.x1 - 3 * ln.size


def _under_row_of_cells(current: list[Line], prev: Line, ln: Line) -> bool:
    """Whether a caption's opening line sits under a table's last row: the line above is a cell
    starting well right of the caption, another cell on its baseline an em or more to its left
    ("Training Throughput (Mops/s)   0.02   N/A   N/A" over "Table 1: Experimental comparison
    ...", ACM's captions under tables, the caption shorter than the rows). Prose that a caption-like
    mention goes on from is one run of words, never cells set apart on one baseline."""
    if prev.page != ln.page or prev.x0 - ln.x0 <= 3 * ln.size or prev.base is None:
        return False
    return any(x is not prev and x.page == prev.page and x.base is not None and abs(x.base - prev.base) < 1.5
               and x.x1 < prev.x0 - ln.size for x in current[-8:])


def _mention_goes_on(prev: Line, ln: Line, gap: float, pitch: float) -> bool:
    """Whether a line opening like a caption ("Table 2.") ends the sentence of the line right above
    it: the same page and left edge, the usual line pitch, in the same type, and the line above has
    not ended its sentence ("... as can be seen in Appendix" / "Table 2."). The short last line of a
    page-wide paragraph may be put in a column of its own, so columns are not compared."""
    return prev.page == ln.page and abs(ln.x0 - prev.x0) <= 2 and 0 < gap <= pitch * 1.05 and \
        abs(ln.size - prev.size) < 0.6 and not prev.text.rstrip().endswith(_SENTENCE_END) and not prev.bold


def _runs_on_below(prev: Line, ln: Line, col_left: dict, col_right: dict) -> bool:
    """Whether `ln`, set lower than the usual pitch, still goes on with `prev`'s sentence: an inline
    icon or a tall symbol in a row pushes the next row down (Plan4MC's "In combat [icon], we"). The
    row above fills the column to its right edge without ending a sentence, and the next opens in
    lower case at the column's left edge, in the same type."""
    key = (ln.page, ln.column)
    # (or it opens on math, a capital with its bracket: "C(X) − X. We use ∥H(C(X)−X)∥2 / ∥C(X)−X∥2",
    # the fraction's height setting the row lower)
    first = ln.text.split(" ", 1)[0]
    # (or on a bracketed name that the sentence goes on after, in lower case: "... we propose the Soft
    # Thresholding Projection" / "(SOTOPO) algorithm in Alg. 1 to obtain θ̃", the accent over θ setting
    # the row lower; an enumeration's "(a)" or "(ii)" opens an item instead)
    named = (lead := _BRACKETED_LEAD.match(ln.text)) is not None and not cached(r"[ivx]+|\d+").fullmatch(lead.group(1))
    # (the column's right edge is its widest row's, which a display's number or a row of math may
    # overhang by a few points: a justified row ends within half an em of it)
    return prev.x1 >= col_right[key] - max(3.0, 0.5 * prev.size) and ln.x0 - col_left[key] < 2 and \
        abs(prev.size - ln.size) < 0.6 and not prev.text.rstrip().endswith(_SENTENCE_END) and not prev.bold and \
        (ln.text[:1].islower() or named or len(first) > 1 and (first[1:2] in "([{|∥" or _math_count(first) > 0))


_BRACKETED_LEAD = compile_later(r"\(([^\s()]{2,})\)[,;:]?\s+[a-z]")


def _bold_but_emphasis(line: Line) -> bool:
    """A line of bold prose with a word or two stressed in roman italics (IEEE's bold abstract: "are
    considered as *actions*; and the improvement of the population"): every piece with letters is
    bold or italic, and at least four in five letters are bold. A bold run-in label before roman
    text is not one."""
    if line.bold or len(line.spans) < 2 or not _any_style("b", line.spans):
        return False  # (most lines: no bold at all)
    bold = letters = 0
    for _, _, text, style in line.spans:
        count = sum(ch.isalpha() for ch in text)
        if count and "b" not in style and "i" not in style:
            return False
        letters += count
        bold += count if "b" in style else 0
    return letters >= 20 and bold >= 0.8 * letters


def _bold_prose_goes_on(prev: Line, line: Line, right: float) -> bool:
    """Whether `line` goes on with the bold paragraph of `prev` where one of them stresses a word in
    roman italics: both are of the paragraph's face (bold, or bold but that word), the same size and
    left edge, and `prev` runs to the column's right edge, as a justified line whose sentence goes on
    does; a heading's line never does."""
    if prev.bold == line.bold:
        return False  # (both bold, or neither: one face, no boundary to mend)
    return _bold_but_emphasis(line if prev.bold else prev) and abs(prev.size - line.size) < 0.3 and \
        abs(prev.x0 - line.x0) < 2 and prev.x1 >= right - 1.5 * prev.size


def _hangs_under_label(prev: Line, line: Line) -> bool:
    """Whether `line` starts under the text after a list label that opens `prev` ("c) **Signatures
    over IR-based document**" / "**vectors**: Charikar's simhash ...": a hanging indent)."""
    if len(prev.spans) < 2 or not cached(r"\(?[a-z0-9]{1,3}[.)]").fullmatch(prev.spans[0][2].strip()):
        return False
    after = next((x0 + (len(text) - len(text.lstrip())) * 0.25 * prev.size for x0, _, text, _ in prev.spans[1:]
                  if text.strip()), None)
    return after is not None and abs(line.x0 - after) < 0.5 * prev.size


def _label_in_own_face(line: Line) -> bool:
    """Whether a line opens with a list's label ("1.", "b)") set in another face than the words after
    it: a Word list numbers its items in roman before a sentence stressed in bold ("1. **The taxonomy
    grows quickly, making the tasks**"). A numbered heading sets its number in its title's face."""
    if len(line.spans) < 2 or not cached(r"\(?[a-z0-9]{1,3}[.)]").fullmatch(line.spans[0][2].strip()):
        return False
    after = next((span for span in line.spans[1:] if span[2].strip()), None)
    return after is not None and ("b" in line.spans[0][3]) != ("b" in after[3])


def _face_goes_on(prev: Line, line: Line, right: float, item: bool = False) -> bool:
    """Whether `line` goes on with the sentence of `prev` across a change between bold and roman
    inside the paragraph: `prev` runs to the column's right edge without ending its sentence, as a
    justified line does, `line` is in the same size and not indented from it, and the face at the
    break is one (a bold phrase going on: "C2: the reported magnitude of the entropy" / "and
    acceptance correlation." then roman; or roman on both sides of it, the bold lead left behind:
    "BMM performance under low levels of label noise We" / "seek robust ..."). A heading's line
    does not reach the right edge, changes face at the break (a bold heading, a roman paragraph), or
    opens with its number ("2.4 Multi-dimensional Graph Convolutional" / "**Networks** In this ...",
    "III. CONSEQUENCES OF ..." in faked small capitals). A colon at the line's end leaves the
    sentence open for a list in bold that goes on in lower case ("... using three standard metrics:"
    / "**accuracy (ACC), area under the precision-recall**"): no heading opens in lower case."""
    ended = prev.text.rstrip().endswith(_SENTENCE_END) and not (prev.text.rstrip().endswith(":") and line.text[:1].islower())
    if abs(prev.size - line.size) >= 0.3 or prev.smallcaps or ended:
        return False  # (the tests below that need no label looked for, first: most lines end so)
    if prev.bold and not line.bold and abs(line.x0 - prev.x0) < 2 and line.text[:1].islower() and \
            _bold_sentence_then_roman(line):
        # In ragged-right type (Google Docs) a line ends short of the edge mid-sentence: a bold
        # sentence going on in lower case onto a line where it ends and roman text follows ("... do
        # not validate the password" / "**provided during authentication.** For example, ...") is a
        # paragraph's bold lead; a heading's line holds no roman sentence after its words.
        return True
    hangs = _hangs_under_label(prev, line)  # (a bold label's line wraps short of the edge: more slack)
    # (a list's item whose label stands in a face of its own, its lines hung under the text after
    # the label, is no numbered heading, however its first line opens: "1. The taxonomy ...")
    item = item or (hangs and _label_in_own_face(prev))
    if abs(prev.size - line.size) >= 0.3 or (line.x0 > prev.x0 + 2 and not hangs) or \
            prev.x1 < right - (2.5 if hangs or item else 1.5) * prev.size or ended or prev.smallcaps or \
            (WRAPPED_HEADING.match(prev.text) and not item) or ROMAN_HEADING.match(prev.text):
        return False
    last = next((span for span in reversed(prev.spans) if span[2].strip()), None)
    first = next((span for span in line.spans if span[2].strip()), None)
    if last is None or first is None:
        return False
    # A stressed phrase set in bold from the start of a line ("... these approaches assume that" /
    # "**the latent's activation based on input reflects a**" / "causal influence ..."): the face
    # changes at the break, but a line that opens in lower case goes on with a sentence; a heading
    # opens with a capital or its number.
    return ("b" in last[3]) == ("b" in first[3]) or line.text[:1].islower()


def _bold_sentence_then_roman(line: Line) -> bool:
    """Whether the line opens in bold up to a sentence's end and goes on in roman words after it."""
    spans = [span for span in line.spans if span[2].strip()]
    cut = next((k for k, span in enumerate(spans) if "b" not in span[3]), 0)
    return cut > 0 and "".join(span[2] for span in spans[:cut]).rstrip().endswith((".", "?", "!")) and \
        any(ch.isalpha() for span in spans[cut:] for ch in span[2])


def _size_slip_goes_on(prev: Line, line: Line, left: float, right: float, level: bool = False) -> bool:
    """Whether `line`, a point smaller or larger than `prev`, goes on with its sentence all the same:
    a word processor's paragraph with one line set a point off ("... That is due" in 10 pt / "to the
    extra vesselness feature ... which" in 9 pt / "lead to better result." in 10 pt). `prev` runs to
    the column's right edge without ending its sentence, as a justified line whose sentence goes on
    does, `line` starts flush at the column's left edge in lower case, at the usual pitch, both in
    roman: a footnote opens on its mark, a caption on its label, a heading in bold or a capital.
    A capital or a parenthesis may open it too where its baseline stands exactly the text's pitch
    under `prev`, neither is larger than the text and `prev` is not its block's first line (`level`):
    a term set a point smaller in another face weighs the line's size ("... lies between READ" /
    "COMMITTED and REPEATABLE READ. A new formalism" / "(available in ...", Word's Arial 9 pt terms
    among Times 10 pt), and type that is really smaller sits closer; a heading is larger, opens on
    its number, or stands apart from the text above it (ACM's 9 pt subsubsection heading over its
    10 pt paragraph at the text's pitch)."""
    opens = line.text[:1]
    return 0.6 < abs(prev.size - line.size) <= 1.2 and not (prev.bold or line.bold) and \
        prev.x1 >= right - 1.5 * prev.size and abs(line.x0 - left) < 2 and \
        (opens.islower() or (level and (opens.isupper() or opens == "(") and line.lead_mark is None and
                             not CAPTION.match(line.text) and not NUMBERED_LINE.match(line.text) and
                             not NUMBERED_LINE.match(prev.text))) and \
        not prev.text.rstrip().endswith(_SENTENCE_END) and not _MARKED_END.search(prev.text)


def _capitals_go_on(prev: Line, line: Line, left: float, right: float) -> bool:
    """Whether `line`, a short row of capitals in smaller type (a system's name in small capitals,
    "QANTA.", alone on a paragraph's last row), ends the sentence `prev` left open: `prev` runs to
    the column's right edge, as a justified line whose sentence goes on does, and `line` starts at
    the column's left edge. A heading in small capitals stands apart, or follows an ended sentence."""
    letters = [ch for ch in line.text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters) and len(line.text) <= 40 and \
        0.6 * prev.size <= line.size < prev.size and line.x0 - left < 2 and prev.x1 >= right - 1.5 * prev.size and \
        not prev.text.rstrip().endswith(_SENTENCE_END) and not prev.bold


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
    if i < len(words) and words[i][1] == words[i - 1][1]:
        # The words after the stop are emphasised alike: one heading with a colon or an abbreviation
        # in it ("4.6 Handling Failures: Hinted Handoff", "6.5 Balancing background vs. foreground").
        return None
    if i < len(words) and all(style or not any(ch.isalpha() for ch in w) for w, style in words[i:]):
        # No word of the paragraph's plain type follows the stop: the heading goes on after an
        # abbreviation, in another face ("A.4 The ablation study *w.r.t.* M₀", M in math italics).
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
            heading_text, rest = lead or (None, None)
            if lead is not None and not rest and not current and ln.bold and j + 1 < len(block.lines) and \
                    block.lines[j + 1].bold:
                # The whole line is the phrase, and the next goes on in bold: a heading wrapped after its
                # colon ("2.1 Online Learning on an Infinite Dataset:" / "Shapeset-3 × 2"), no run-in label.
                lead = None
            if lead is None:
                current.append(ln)
                continue
            if current:
                out.append(Block(current))
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
    visible = len(text) - sum(map(str.isspace, text))  # (counted in C)
    if visible == 0:
        return False
    math = sum(ln.math_chars for ln in block.lines)
    if math / visible >= 0.06:
        return True
    # A short display equation typeset with ordinary fonts: "= ... (3)".
    return len(text) < 160 and "=" in text and bool(cached(r"\(\d{1,3}\)\s*$").search(text))


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
    if "\ufffd" in title:
        title = _LIGATURE_WORD.sub(_named_ligature_word, title)
    title = title.strip()
    # (the mark can only be the last character: the pattern is tried only then, not at every
    # character of a paragraph's text asked whether it opens with a number)
    last = title[-1:]
    if last in "∗*†‡§¶" or last.isdecimal():
        title = TRAILING_MARK.sub("", title)
    return _expressed(title)


_LIGATURE_WORD = compile_later(r"[A-Za-z]*[a-z]\ufffd[a-z][A-Za-z]*|[A-Za-z]*\ufffd[a-z]+")
_LIGATURES = ("fi", "fl", "ff", "ffi", "ffl")


def _named_ligature_word(found: re.Match) -> str:
    """A word with a ligature glyph the text layer cannot name ("over\ufffdt", a font without a
    ToUnicode entry for "fi"): spelt with the ligature the English word list knows best, or with
    "fi", by far the commonest, when it knows none ("overfit" is not listed)."""
    word = found.group(0)
    return _spelt_with_ligature(word, word.replace("\ufffd", "fi"))


def _spelt_with_ligature(word: str, unknown: str) -> str:
    """The word with its unnamed glyph as the ligature the English word list knows best; `unknown`
    when it knows none."""
    best, count = unknown, 0
    for ligature in _LIGATURES:
        candidate = word.replace("\ufffd", ligature)
        frequency = lexicon.frequency(candidate.lower())
        if frequency > count:
            best, count = candidate, frequency
    return best


def _known_ligature_word(found: re.Match) -> str:
    """`_named_ligature_word` for running text, where an unnamed glyph touching a word may as well be
    a math symbol set against it ("the choice of \ufffdaffects", "\ufffdx"): the word spelt with the
    ligature only when the English word list knows that spelling, and the glyph has three letters or
    more after it when it opens the word ("\ufffdllers", not "\ufffdx"); else as it was."""
    word = found.group(0)
    return word if word.startswith("\ufffd") and len(word) < 4 else _spelt_with_ligature(word, word)


def _known_ligature_word_among_ligatures(found: re.Match) -> str:
    """`_known_ligature_word` in a text whose unnamed glyph stands inside words too ("di\ufffderent"):
    a ligature's, so one opening a word with two letters after it is one as well ("to \ufffdnd
    the", "find"; a 2003 Elsevier journal whose fonts name their fi, fl and ff nothing)."""
    word = found.group(0)
    return word if word.startswith("\ufffd") and len(word) < 3 else _spelt_with_ligature(word, word)


def _mend_unnamed_ligatures(text: str) -> str:
    """The text's words with an unnamed glyph spelt with the ligature the word list knows."""
    known = _known_ligature_word_among_ligatures if _LIGATURE_GAP.search(text) else _known_ligature_word
    return _LIGATURE_WORD.sub(known, text)


# A word with U+FFFF in it, no character at all, which some fonts' ToUnicode gives every glyph it
# cannot name (ACM's Linux Libertine re-saved: "di\uffffcult", "so\uffffware", "\uffffe" opening a
# sentence, and its old-style digits and small capitals too, "[\uffff\uffff]"): a ligature's when
# the English word list knows the word spelt with one.
_UNNAMED_FFFF_WORD = compile_later(r"[A-Za-z]*\uffff[a-z]+")
_FFFF_LIGATURES = _LIGATURES + ("ft",)


def _ffff_ligature_word(found: re.Match) -> str:
    """The word of `_UNNAMED_FFFF_WORD` spelt with the ligature the word list knows best ("ft" and,
    opening a word, Libertine's "Th" too: "\uffffe" reads "The"); as it was when it knows none."""
    word = found.group(0)
    best, count = word, 0
    for ligature in _FFFF_LIGATURES + (("Th",) if word.startswith("\uffff") else ()):
        candidate = word.replace("\uffff", ligature)
        frequency = lexicon.frequency(candidate.lower())
        if frequency > count:
            best, count = candidate, frequency
    return best


# A word that ends in such a glyph right before a capital, the space after it not written
# (Libertine's bold "ft" in a title, "Redshi\uffffRe-invented" for "Redshift Re-invented").
_FFFF_BEFORE_CAPITAL = compile_later(r"[A-Za-z]+\uffff(?=[A-Z])")


def _ffff_word_before_capital(found: re.Match) -> str:
    """The word of `_FFFF_BEFORE_CAPITAL` spelt with the ligature the word list knows best, and the
    space a capital after it opens; as it was when the list knows none."""
    word = found.group(0)
    best, count = word, 0
    for ligature in _FFFF_LIGATURES:
        candidate = word.replace("\uffff", ligature)
        frequency = lexicon.frequency(candidate.lower())
        if frequency > count:
            best, count = candidate + " ", frequency
    return best


def _mend_ffff(text: str) -> str:
    """The text with the ligatures it gives as U+FFFF spelt out (`_ffff_ligature_word`)."""
    if "\uffff" not in text:
        return text
    return _UNNAMED_FFFF_WORD.sub(_ffff_ligature_word, _FFFF_BEFORE_CAPITAL.sub(_ffff_word_before_capital, text))


def _expressed(text: str) -> str:
    """The text without what its text layer cannot name (U+FFFD, private-use code points: a ligature
    or symbol glyph without a Unicode mapping), spaces tidied; never shown to a reader."""
    return " ".join(UNEXPRESSED.sub("", text).split()) if UNEXPRESSED.search(text) else text.strip()


def _more_rows(block: Block, most: int) -> bool:
    """Whether the block's lines make more than `most` rows: a scan's text layer may give the words
    of one row as pieces ("111. SIMPLE", "RECURRENT", "NETWORK"), each a line of its own."""
    if len(block.lines) <= most:
        return False
    rows = 1
    for a, b in zip(block.lines, block.lines[1:]):
        rows += abs(b.y1 - a.y1) > 0.5 * a.height
        if rows > most:
            return True
    return False


def uses_roman_sections(blocks: list[Block]) -> bool:
    """IEEEtran/revtex style: headings "II. ..." and "III. ..." both present, or four numerals of
    them in all (a scan whose text layer lost one of the two)."""
    # (Headings numbered in digits other than ones, "2. DURABILITY AT SCALE", "3. THE LOG IS THE
    # DATABASE", tell a paper numbered in arabic: its "1. INTRODUCTION" and "11. REFERENCES" are
    # no numerals a scan misread, and only numerals printed as such count.)
    arabic = {m[1] for b in blocks if len(b.lines) == 1 and (m := _ARABIC_CAPS_HEADING.match(b.text)) and
              _is_caps(m[2]) and set(m[1]) != {"1"}}
    read = ROMAN_HEADING.match if len(arabic) >= 2 else _roman_heading
    seen = {m["num"] for b in blocks if not _more_rows(b, 2) and (m := read(b.text))}
    if {"II", "III"} <= seen or len(seen) >= 4:
        return True
    # A short paper of two numbered sections and unnumbered back matter ("I. INTRODUCTION", "II.
    # TECHNOLOGY", "CONCLUSION"): both a line of its own in bold or small capitals, its title in capitals.
    styled = {m["num"] for b in blocks if len(b.lines) == 1 and (b.bold or b.smallcaps) and
              (m := read(b.text)) and _is_caps(m["title"])}
    return {"I", "II"} <= styled


_ARABIC_CAPS_HEADING = compile_later(r"^(\d{1,2})\.\s+(\S.*)$")


AUTHORS_HEADING = compile_later(r"^authors?$", re.IGNORECASE)
# A numbered display's caption in the caption's form ("Example 1: ...", "Listing 2. ..."): no heading.
EXAMPLE_CAPTION = compile_later(r"^(?:example|listing)\s+\d{1,3}\s*[:.]\s+\S", re.IGNORECASE)
DATE_LINE = compile_later(r"^\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}$", re.IGNORECASE)
# "1) Setup", and in a Word paper's italic headings "a) Advent of ..." and "ii. Systolic Arrays" too.
PAREN_HEADING = compile_later(r"^(?P<num>(?:\d{1,2}|[a-z])\)|[ivx]{1,4}\.)\s+(?P<title>\S.*)$")
_OCR_ROMAN = compile_later(r"^(?P<num>[IVX1l]{1,5})\.\s+(?P<title>\S.*)$")
_ROMAN_NUMERAL = compile_later(r"^X{0,3}(?:IX|IV|V?I{0,3})$")


def _roman_heading(text: str) -> dict[str, str] | None:
    """{"num", "title"} of a heading numbered in roman numerals ("IV. EXPERIMENTS"). A scan's text
    layer may read "II." as "11." and "III." as "111." (OCR): before a title in capitals, ones and
    ells that make a numeral are read as I."""
    found = ROMAN_HEADING.match(text)
    if found:
        return {"num": found["num"], "title": found["title"]}
    found = _OCR_ROMAN.match(text)
    if found is None or not _is_caps(found["title"]):
        return None
    num = found["num"].translate(str.maketrans("1l", "II"))
    return {"num": num, "title": found["title"]} if num and _ROMAN_NUMERAL.match(num) else None


def _heading(block: Block, body: float, after_references: bool, roman: bool = False) -> _Heading | None:
    text = block.text
    if block.run_in:  # split off by _split_run_in: number and title are known to be there
        found = HEADING_NUMBER.match(text)
        number = found["num"].rstrip(".")
        return _Heading(number, _clean_title(found["title"]), number.count(".") + 1, block.page + 1, block.size)
    # A numbered bold heading may wrap over three lines in a narrow column (twocol-sans).
    boldish = block.bold or all(ln.bold or _bold_but_math(ln) for ln in block.lines)  # (math variables in it)
    most_lines = 3 if boldish and WRAPPED_HEADING.match(text) else 2
    if _more_rows(block, most_lines) or len(text) > 120 or len(text) < 2 or any(ln.code for ln in block.lines):
        return None
    if CAPTION.match(text) or CAPTION_LABEL_LINE.match(block.lines[0].text) or text.endswith((",", ";")) or \
            "@" in text or ("=" in text and not _worded_heading(block, boldish, body)) or FRONT_LABEL.match(text):
        return None
    if any(abs(a.y1 - b.y1) < 2 and b.x0 - a.x1 > 4 * block.size for a, b in zip(block.lines, block.lines[1:])):
        return None  # pieces far apart on one row: titles over a figure's panels, a table's column heads
    if block.size < 0.7 * body and not REFERENCE_HEADINGS.match(text):
        # a plot's legend or axis title in bold 5 pt type ("I Sequence Presentations"), no heading
        # (CACM sets its "References" in 6.5 pt beside 9.5 pt text)
        return None
    if DATE_LINE.match(text):
        return None  # a date under the title ("01 Nov 2001"): a day's number is no section's
    if EXAMPLE_CAPTION.match(text):
        return None  # "Example 1: Possible projections for EMP and DEPT" under its display: a caption
    larger = block.size >= body * 1.08
    paren = PAREN_HEADING.match(text) if roman else None
    # (Word's IEEE template ends an italic one on a line of its own with a full stop: "1) Asynchronous
    # model." over its paragraph; a run-in head has its paragraph beside it on the line)
    stop = text.endswith(".") and block.italic and len(block.lines) == 1 and len(text.split()) <= 6 and \
        not text.endswith("..")
    if paren and not _more_rows(block, 2 if block.italic else 1) and (_is_caps(paren["title"]) or block.italic) and \
            (stop or not text.endswith((".", ":", ",", ";"))) and (paren["num"][0].isdigit() or block.italic):
        # IEEE's journals set a subsubsection on a line of its own, "1) E2 SUBSCRIPTION ISSUES", under
        # "A. THREATS" under "IV. RESULTS" (its conference papers run "1) Setup:" into the paragraph).
        # Word's headings in that style go deeper in italics ("a) Advent of Neural networks", "ii.
        # Systolic Arrays"), wrapped onto a second line when long.
        return _Heading(paren["num"][:-1], _clean_title(paren["title"].rstrip(".") if stop else paren["title"]), 3,
                        block.page + 1, block.size)
    found_roman = _roman_heading(text) if roman else None
    dashed = DASHED_ROMAN_HEADING.match(text)
    if dashed and len(block.lines) == 1 and (boldish or larger) and not text.endswith((".", ":")):
        # A roman number set off by a dash, bold on a line of its own ("I –Language Competence",
        # "II – Bibliographic Research": a Word report's form in its appendix): a heading, under
        # the paper's own arabic-numbered sections when the paper's numbers are no roman ones.
        return _Heading(dashed["num"], _clean_title(dashed["title"]), 1 if roman else 2, block.page + 1, block.size)
    found = HEADING_NUMBER.match(text)
    if found is None and after_references:
        # An appendix numbered by its letter and a digit, no dot between ("A1. Backprop and Brownian
        # Motion", "A3.2. Gradients are path-sums": ICML's arXiv appendices)
        found = LETTER_DIGIT_HEADING.match(text)
    if found and _symbol_glyphs(found["title"][:1]):
        # a box and a check mark between the number and the title (ACL's checklist: "B □✓ Did you use
        # or create scientific artifacts?"): glyphs of the form, not the title's
        title = found["title"]
        while title and (_symbol_glyphs(title[:1]) or title[0].isspace()):
            title = title[1:]
        text = text[:found.start("title")] + title
        found = HEADING_NUMBER.match(text)
    bold = boldish
    if not (larger or bold):
        # IEEEtran and revtex set headings in small capitals or italics at or below body size; without
        # bold or size to go by, only a number in front plus that styling makes a heading.
        # amsart sets section headings in small capitals, which the text layer gives in mixed case:
        # the font says so.
        numbered = found_roman or (found and not found["num"][0].isdigit()) or (found and "." in text[:4])
        title = (found_roman or found)["title"] if numbered else ""
        caps = block.smallcaps and block.size >= body * 0.95
        # (a word processor's heading in the text's type may be marked by an underline alone)
        # (a link's underline is no heading's: "3. World Health Organization. https://..." in a list)
        underlined = len(block.lines) == 1 and block.lines[0].underlined and not _URL_IN_LINE.search(text) and "@" not in text
        named = len(block.lines) == 1 and len(text.split()) <= 4 and (_is_caps(text) or caps or underlined) and \
            UNNUMBERED_HEADINGS.match(text)
        if not ((numbered and (block.italic or caps or _is_caps(title) or underlined or
                          (len(block.lines) == 1 and _italic_but_acronyms(block.lines[0])))) or named):
            return None
        if numbered and block.italic and not (caps or _is_caps(title) or underlined) and len(title.split()) > 14:
            # (a statement's enumerated item in a theorem's italics, two rows of it: "3. Spread: If
            # the number of views ... for some constant ..., then ... is": no heading is so long)
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
        elif letter and not (found["app"] or after_references or "." in number):
            found = None  # "A Twist" is a title; "A.1 Network Size" is an appendix's subsection anywhere
        elif letter and not found["app"] and "." not in number and not (bold or larger) and \
                (block.size < 0.9 * body or cached(r"\d+(\s*[–-]\s*|[,.:]?\s+)\d+$").search(title)):
            # A letter before a title in plain type smaller than the text, after the references: a
            # journal's abbreviated name in an entry's italics ("J. Am. Stat. Assoc. 90, 773–795"),
            # no appendix (those are set at the text's size or larger). At whatever size, plain
            # type ending in its pages ("J. Risk 57–69") or a volume and pages ("J. Econometrics 73
            # 185–216", "J. Empirical Finance 1 83") is an entry's last line, and so is one whose
            # pages are followed by the page of the text that cites it (a back-reference, "61(2):
            # 287–307. 466": Bayesian Analysis).
            found = None
        if found is None:
            pass
        elif len(title) < 2 or not (title[0].isupper() or title[0].isdigit() or cached(r"[a-z]{1,3}[A-Z]").match(title) or  # ("kNN-Based")
                                    _greek(title[0]) or ((block.italic or bold) and cached(r"[a-z]-[a-zA-Z]").match(title)) or  # ("k-step", bold "n-view", "t-SNE")
                                    ((bold or larger) and _named_section(title)) or  # (SIAM's "1 introduction")
                                    (title[0] in "(“\"'#" and title[1].isupper()) or  # ("#Extracted Sentences")
                                    (bold and "." in number and _named_in_italics(block))) or \
                (title.endswith(".") and (THEOREM_WORDS.match(title[:-1]) or
                                          not ((larger and len(block.lines) == 1) or (bold and "." in number) or
                                               # (a subsection in small capitals on a row of its own,
                                               # "E.1 TIR DATA CONSTRUCTION & COLD START.")
                                               (_is_caps(title) and "." in number and len(block.lines) == 1) or
                                               # (an IEEE subsection lettered under roman sections, in
                                               # italics on a line of its own, its paragraph under it:
                                               # Word's "A. Transactions and related technologies.";
                                               # not a journal's name in an entry's italics, "J. Micro
                                               # Air Vehicles, 2018.", after the references)
                                               (roman and letter and block.italic and len(block.lines) == 1 and
                                                not after_references and not any(ch.isdigit() for ch in title))))):
            # A period ends a run-in paragraph head ("2.1. Setup." before its text) or a bold list
            # item ("1. Use dropout."); a run-in head split off its text came in above, so a
            # numbered line of its own in larger type ("7. A. Proof of Theorem 1.") or a bold
            # subsection number's ("B.1 Detailed Descriptions for the GLUE" / "Benchmark
            # Experiments.") is a heading however it ends, unless it names a theorem ("2.3. Lemma.").
            found = None
        elif not letter and int(number.split(".")[0]) > 30:
            found = None
        elif letter and "." not in number and not cached(r"[A-Za-zÀ-ɏ]{3}").search(title):
            found = None  # a formula's pieces after a variable ("T 1−ρa2ρa+ 7"), no appendix's title
        elif title.endswith("."):
            title = title[:-1].rstrip()
        if found:
            return _Heading(number, title, level, block.page + 1, block.size)
    appendix = APPENDIX_ONLY.match(text)
    if appendix and (appendix["num"] or appendix["title"] is not None or text.lower().startswith("appendi")):
        title = _clean_title(appendix["title"] or "") or "Appendix"
        if appendix["num"] is None and appendix["title"]:
            # "Appendix: Bounding lemmas", no letter: "Appendix" is no number but the title's first word
            title = _clean_title(text)
        return _Heading(appendix["num"], title, 1, block.page + 1, block.size)
    if text.endswith((".", ":")):  # a run-in paragraph head ("Worker Failure.", "Count of URL Access:")
        if text.endswith(":") and block.bold and len(block.lines) == 1 and block.size >= body * 0.98 and \
                _named_section(text[:-1]):
            # A section's usual name in bold on a line of its own, with a colon ("Conclusions:",
            # "Methods:" in a manuscript typed in a word processor): its heading, its text below.
            return _Heading(None, _clean_title(text[:-1]), 0, block.page + 1, block.size)
        if _titled_line_alone(block, body) or _italic_line_alone(block, body):
            return _Heading(None, _clean_title(text[:-1]), 0, block.page + 1, block.size)
        return None
    words = text.split()
    text = _clean_title(text)
    if not text:  # nothing the text layer can name (glyphs read as U+FFFD): no title to show
        return None
    if UNNUMBERED_HEADINGS.match(text) and len(words) <= 6:
        return _Heading(None, text, 0, block.page + 1, block.size)
    if larger and len(words) <= 10 and (text[0].isupper()):
        return _Heading(None, text, 0, block.page + 1, block.size)
    if larger and block.italic and not block.bold and len(words) <= 16 and text[0].isupper() and text.endswith("?") and \
            not any(ln.math_chars for ln in block.lines):
        # A question asked as a heading in larger italics, on a line or two of its own (sig-alternate's
        # \subsubsection: "What if there were no table available to set the phone" / "down?" in 11 pt
        # italics over 9 pt text): longer than a title's words run, it is set as the headings are.
        return _Heading(None, text, 0, block.page + 1, block.size)
    # A lone bold line at body size: an unnumbered subsection heading (\subsubsection*, \textbf on a
    # line of its own). Bold lines in smaller type are table heads, figure text or footnotes.
    if block.bold and len(block.lines) == 1 and len(words) <= 8 and text[0].isupper() and block.size >= body * 0.98:
        return _Heading(None, text, 0, block.page + 1, block.size)
    # The same heading wrapped onto a second line in a narrow column (CACM: "Understanding What" /
    # "Serverless Is Today"): two short bold lines from one left edge (or centred on one middle), the
    # first not ending a phrase. (A second line set in further is a heading of its own under it.)
    first, second = block.lines[0], block.lines[-1]
    if block.bold and len(block.lines) == 2 and not _more_rows(block, 2) and len(words) <= 8 and \
            text[0].isupper() and block.size >= body * 0.98 and not first.text.rstrip().endswith((".", ":", "-")) and \
            (abs(first.x0 - second.x0) < 1.5 or abs(first.x0 + first.x1 - second.x0 - second.x1) < 3):
        return _Heading(None, text, 0, block.page + 1, block.size)
    return None


def _titled_line_alone(block: Block, body: float) -> bool:
    """Whether a bold line of its own at the text's size that ends in a period is still a heading:
    a title in title case, every longer word capitalised ("B-tree Insert Cost Formula.", Acta
    Informatica's subsubsections, their paragraphs starting on the next line). A run-in head has
    its paragraph beside it on its line; a bold sentence has words in lower case."""
    text = block.text.strip()
    if not (block.bold and len(block.lines) == 1 and block.size >= body * 0.98 and text.endswith(".")) or \
            text.endswith("..") or THEOREM_WORDS.match(text[:-1]):
        return False
    words = text[:-1].split()
    long_words = [w for w in words if sum(ch.isalpha() for ch in w) >= 4]
    return 3 <= len(words) <= 8 and len(long_words) >= 2 and all(w[:1].isupper() for w in long_words) and \
        not any(ch.isdigit() for ch in text)


def _italic_line_alone(block: Block, body: float) -> bool:
    """Whether an italic line of its own in type larger than the text's, ending in a period, is a
    heading: a few words opening with a capital (sig-alternate's \\paragraph, "Query Patterns." /
    "Multitenancy." in 11 pt italics over 9 pt text, its paragraph on the next line). A run-in head
    has its paragraph beside it on its line."""
    text = block.text.strip()
    if not (block.italic and not block.bold and len(block.lines) == 1 and block.size >= body * 1.08 and
            text.endswith(".")) or text.endswith("..") or THEOREM_WORDS.match(text[:-1]):
        return False
    words = text[:-1].split()
    # (in words, not math: a scan's italic "C in I." between displays names no heading)
    worded = sum(sum(ch.isalpha() for ch in w) >= 4 for w in words)
    return 1 <= len(words) <= 6 and text[:1].isupper() and not any(ch.isdigit() for ch in text) and \
        worded >= 1 and 2 * worded >= len(words) and not block.lines[0].math_chars


def _named_in_italics(block: Block) -> bool:
    """Whether a one-line numbered heading's title is all in italics after its upright number: a
    program's name, written as the paper writes it in lower case ("7.2.1 *bstor*", SUNDR's block
    server), where a title would open with a capital."""
    if len(block.lines) != 1:
        return False
    worded = [style for _, _, text, style in block.lines[0].spans if any(ch.isalpha() for ch in text)]
    return bool(worded) and all("i" in style for style in worded) and \
        not all("i" in style for _, _, text, style in block.lines[0].spans if any(ch.isdigit() for ch in text))


def _worded_heading(block: Block, boldish: bool, body: float) -> bool:
    """Whether a line with an equals sign in it is still a heading: one line in bold or larger type
    (or two, wrapped under its title: "A.2 If g(X) = E[Y|X] + c, then ..." / "provided c ≠ 0"),
    numbered, its title in words ("5. The Case π = 0 and a Hybrid Method", JMLR), not a formula."""
    found = HEADING_NUMBER.match(block.text)
    return len(block.lines) <= 2 and (boldish or block.size >= body * 1.08) and found is not None and \
        found["title"][:1].isupper() and len(cached(r"[A-Za-z]{3,}").findall(found["title"])) >= 2


MATH_OPERATOR_NAMES = frozenset(("log", "exp", "ln", "sin", "cos", "tan", "max", "min", "arg", "det", "lim", "sup",
                                 "inf", "Pr", "var", "Var", "cov", "Cov", "tr", "diag", "sgn", "mod"))


def _any_style(mark: str, spans: list[tuple]) -> bool:
    """Whether a span's style holds `mark` ("b" bold, "i" italic): `any(mark in style for *_, style
    in spans)`, asked of most lines by the heading rules, without a generator's cost."""
    for span in spans:
        if mark in span[-1]:
            return True
    return False


def _bold_but_math(line: Line) -> bool:
    """A bold line with math variables in it ("4.1 The case of fixed depth m"): the variables are set
    in the math italic, every other word in bold."""
    spans = line.spans
    if len(spans) < 2 or not _any_style("b", spans):  # most lines: no bold at all
        return False
    plain = [text for _, _, text, style in spans if "b" not in style and any(ch.isalpha() for ch in text)]
    # (an operator's name is set upright in a formula too: "A.1 Computing E[log(θi|α)]")
    if not plain or len(plain) == len(spans) or \
            not all(len(text.strip()) <= 2 or text.strip() in MATH_OPERATOR_NAMES for text in plain):
        return False
    # A bold run-in label ending in a full stop or colon, then the paragraph's first word, is no
    # heading: "Regularizer of shortness and coherence. To".
    return not (_bold_lead(line).rstrip().endswith((".", ":")) and "b" not in spans[-1][3])


def _bold_lead(line: Line) -> str:
    """The line's text up to its first word in another face than bold (a run-in label, a caption's
    bold label); a piece without letters (a full stop set in roman) does not end it."""
    lead = ""
    for _, _, text, style in line.spans:
        if "b" not in style and any(ch.isalpha() for ch in text):
            break
        lead += text
    return lead


def _assign_unnumbered_levels(headings: list[_Heading], bold: dict[int, bool] | None = None,
                              boxed: set[int] = frozenset()) -> None:
    """Numbered headings know their level; unnumbered ones get it from their size rank, bold above
    roman at one size (`bold`: by id of the heading; PLOS sets sections and subsections in 12 pt,
    sections bold). `boxed`: ids of headings over a box of smaller text (a magazine's sidebar), which
    nest nothing: without numbers they are sections, and their size ranks no other heading."""
    numbered_sizes: dict[int, list[float]] = {}
    for h in headings:
        if h.number is not None:
            numbered_sizes.setdefault(h.level, []).append(h.size)
    ref = {lvl: statistics.median(sizes) for lvl, sizes in numbered_sizes.items()}
    bold = bold or {}

    def rank(h: _Heading) -> tuple[float, bool]:
        return round(h.size * 2) / 2, bold.get(id(h), False)

    if not ref:
        for h in headings:
            if id(h) in boxed and not h.level:
                h.level = 1
    sizes = sorted({rank(h) for h in headings if h.number is None and not (not ref and id(h) in boxed)}, reverse=True)
    smallest = min((size for sizes_ in numbered_sizes.values() for size in sizes_), default=None)
    parent: _Heading | None = None  # the numbered heading above, in reading order
    # Headings smaller than every numbered one, by their type: the deepest numbered level any of
    # that type stands under. One type is one level: a bold line at body size under "3.2.2" and
    # another under "4.2" (a Word paper's "Important Observations") both head paragraphs.
    under: dict[tuple[float, bool], int] = {}
    # Where sections and subsections share one type (OSDI's 12 pt bold "5 Implementation" and "5.1
    # Tablet Location"), a heading in smaller type ("Rows" in 10 pt bold under "2 Data Model") is
    # below them both: a paragraph's heading, under the deepest level set in that type.
    # (Where each level has a type of its own, CVPR's 12 pt sections over 11 pt subsections, such a
    # heading under a section without subsections, "PASCAL VOC" under "A Object Detection
    # Baselines", is the section's own subsection.)
    shared = [lvl for lvl, sizes_ in numbered_sizes.items()
              if smallest is not None and statistics.median(sizes_) - smallest < 0.3]
    floor = max(shared) if len(shared) >= 2 else 0
    for h in headings:
        if h.number is not None:
            parent = h
        elif not h.level and parent is not None and smallest is not None and h.size < smallest - 0.5:
            under[rank(h)] = max(under.get(rank(h), 0), parent.level)
    parent = None
    by_type: set[int] = set()
    # (the level of the next numbered heading after each: a section's next one, or a subsection's)
    following: dict[int, int] = {}
    upcoming = 0
    for h in reversed(headings):
        following[id(h)] = upcoming
        if h.number is not None and h.level:
            upcoming = h.level
    for h in headings:
        if h.number is not None:
            parent = h
        if h.level:
            continue
        if parent is not None and smallest is not None and h.size < smallest - 0.5:
            # Smaller than every numbered heading (a bold line at body size under "3.3 Fault
            # Tolerance"): a paragraph-level heading inside the section above it.
            h.level = max(parent.level, under.get(rank(h), 0), floor) + 1
        elif ref:
            h.level = min(ref, key=lambda lvl: (abs(ref[lvl] - h.size), lvl))
            # (Where the sections too are set in that type, acmart's 10.9 pt bold "7 Enforcement
            # Semantics" and "7.1 Authorization Decision Space", the type says no level: a heading in
            # it without a number, "Threats to Validity" after "6.6 Threat Model", with the next
            # section "7" after it, no subsection, is a \section*. One with a subsection of the same
            # section after it, "RLE" between "3.1" and "3.2", is the subsection's.)
            if parent is not None and parent.level >= 2 and h.level <= parent.level and abs(h.size - parent.size) < 0.3 \
                    and abs(ref[h.level] - parent.size) < 0.3 and not (h.level == 1 and 1 in ref and 2 in ref and
                                                                        abs(ref[1] - ref[2]) < 0.3 and parent.level == 2
                                                                        and following[id(h)] == 1):
                # In the type of the numbered subsection above it (ACL's unnumbered subsubsections,
                # "Supervised Learning" under "3.2 Learning of Evaluator"): a level below it. When
                # subsections and subsubsections share one type (NeurIPS: 10 pt bold both), a heading
                # in it under "3.2.2 Encoder" ("Tokenization") is below 3.2.2, not a subsection.
                h.level = parent.level + 1
        else:
            h.level = sizes.index(rank(h)) + 1 if sizes else 1
            by_type.add(id(h))
        if REFERENCE_HEADINGS.match(h.title) or (TOP_LEVEL_HEADINGS if not ref else UNNUMBERED_HEADINGS).match(h.title):
            # (without numbers to go by, "Results" or "Experiments" may be a subsection: AAAI, PLOS)
            h.level = 1 if not ref else min(ref)
    # A heading ranked by its type alone stands at most one level under the heading before it: a
    # type used only in a box before the first section (PLOS's "Author summary" in 12 pt regular
    # over its questions in 11.5 pt bold, both ranked under the sections' 12 pt bold) heads a
    # section and its subsections, not levels 2 and 3 under no section.
    # (its later headings in that type stand where the first stood: one type is one level)
    above, capped = 0, {}
    for h in headings:
        if id(h) in by_type and h.level > min(above + 1, capped.get(rank(h), h.level)):
            h.level = capped[rank(h)] = min(above + 1, capped.get(rank(h), h.level))
        above = h.level or above
    # A heading right over a numbering that starts again ("ACL 2023 Responsible NLP Checklist" over
    # its own "A For every submission:", "B Did you use ...", after the appendix's "A.3") heads that
    # new series: it stands no deeper than the headings it numbers, whatever its type says.
    last: dict[int, str] = {}  # level -> the number of the last numbered heading at that level
    for h, after in zip(headings, headings[1:]):
        if h.number is not None:
            last[h.level] = h.number
        if h.number is None and after.number is not None and after.level and h.level > after.level and \
                _restarts_numbering(after, last):
            h.level = after.level


def _restarts_numbering(heading: _Heading, last: dict[int, str]) -> bool:
    """Whether a numbered heading is the first of a series that starts over: numbered 1, A or I
    where its level had numbers before, and not the first child of the heading above it ("4.1"
    under "4")."""
    parts = heading.number.rstrip(".").split(".")
    if parts[-1] not in ("1", "A", "I", "a") or heading.level not in last:
        return False
    return heading.level == 1 or last.get(heading.level - 1) != ".".join(parts[:-1])


# Unnumbered headings that are sections whatever their type.
TOP_LEVEL_HEADINGS = compile_later(r"^(abstract|introduction|conclusions?|concluding remarks|acknowledge?ments?|references|"
                                r"bibliography|appendix|appendices|supplementary material)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=16384)
def _norm(text: str) -> str:
    """A heading's or a line's comparison key: lower-case letters and digits only. Memoised: placing
    an outline's entries compares each entry with every line on its pages (an IEEE CD's outline of
    several hundred entries normalised the same lines tens of thousands of times)."""
    return cached(r"[^a-z0-9]").sub("", text.lower())


def _greek(ch: str) -> bool:
    """A Greek letter: a math variable that may open a heading's title ("A.1 β-DPO Implementation")."""
    return "\u0370" <= ch <= "\u03ff"


@functools.lru_cache(maxsize=16384)
def _split_heading_number(text: str) -> tuple[str | None, str]:
    """"3.2 Title", "IV. TITLE", "Appendix A: Title", "Appendix B. Title" → (number, title); else (None, text).
    Memoised, as `_norm`: placing an outline's entries splits every block on their pages again for
    each entry (an IEEE CD's outline of several hundred entries: ten thousand splits, most of whole
    paragraphs)."""
    text = text.strip()
    appendix = APPENDIX_ONLY.match(text)
    if appendix and appendix["num"]:
        return appendix["num"], _clean_title(appendix["title"] or "") or "Appendix"
    for pattern in (ROMAN_HEADING, HEADING_NUMBER):
        match = pattern.match(text)
        # (a number of two parts or more may come before a lower-case word: "3.1.1 tanh Unit", an
        # appendix's too, "A.1. t-SNE visualization", or before a sign: "C.0.1 #Extracted Sentences")
        if match and (match["title"][:1].isupper() or match["title"][:1].isdigit() or _greek(match["title"][:1]) or
                      (pattern is HEADING_NUMBER and "." in match["num"].strip(".") and
                       (match["num"][0].isdigit() or match["num"][0].isupper()))):
            return match["num"].rstrip("."), _clean_title(match["title"])
    return None, _clean_title(text)


def _layout_headings(blocks: list[Block], body: float, skip: set[int] = frozenset()) -> dict[int, _Heading]:
    """Headings found from numbers, fonts and sizes alone: {block index: heading}."""
    headings: dict[int, _Heading] = {}
    after_refs = False
    roman = uses_roman_sections(blocks)
    chapter: tuple[int, str] | None = None  # (block index, number) of a "Chapter 3" line over its title
    opening: dict[int, _Heading] = {}  # unnumbered headings on page 1 under its first paragraphs, held
    outline = _plain_outline(blocks, body)
    for i, block in enumerate(blocks):
        if i in skip:
            continue
        if _subheading_stacked_under(block):
            # "III. STATE OF THE ART AND" / "CHALLENGES" in 11 pt bold right over "A. Frequency
            # Definition" in 10.5 pt bold, read as one block: the subsection's heading is its own.
            blocks.insert(i + 1, Block([block.lines.pop()], words=block.words))
        if _caps_over_subheading(block) or _question_over_subheading(block, body):
            # "USABILITY EVALUATION" right over "Participants", both bold (CHI): a section in
            # capitals and its first subsection in upper and lower case, read as one block.
            blocks.insert(i + 1, Block([block.lines.pop()], words=block.words))
        label = _appendix_label_over_title(block, body)
        if label is not None:
            # "APPENDIX" on a line of its own over "A. PRPD PROOF OF CORRECTNESS" (ACM), or letter-
            # spaced over "RANDOM PROCESSES: BASIC CONCEPTS": the label heads the appendices, the
            # title under it is a heading of its own.
            blocks.insert(i + 1, Block(block.lines[1:], words=block.words))
            block.lines[1:] = []
            block.lines[0] = replace(block.lines[0], text=label)
        found = _heading(block, body, after_refs, roman) or _plain_numbered_heading(blocks, i, headings, outline) or \
            _back_matter_label(blocks, i, body) or _named_in_section_type(blocks, i, headings, body)
        if found is None or not _reads_as_title(found) or _goes_back(found, block, headings, body) or \
                _numbered_behind_in_smaller_type(found, block, headings):
            continue
        label = CHAPTER_LABEL.match(found.title) if found.number is None else None
        if label:
            word = label["num"].lower()
            chapter = (i, str(CHAPTER_WORDS.index(word) + 1) if word in CHAPTER_WORDS else label["num"])
            continue
        if chapter is not None and chapter[0] == i - 1 and found.number is None:
            found = replace(found, number=chapter[1], level=1)  # "Chapter 3" / "Join Algorithms"
        chapter = None
        held = False
        if block.page == 0 and not headings and not UNNUMBERED_HEADINGS.match(found.title) and found.number is None and \
                not (AUTHORS_HEADING.match(found.title) and block.bold and block.size >= body * 1.08):
            # Title-block lines (title, names) are not headings. (A manuscript printed from its web
            # page lists its authors under a heading of their own, "Authors" in the sections' type.)
            # Unless paragraphs of the text stand above it on the page: a heading under an opening
            # without one (a post's first paragraphs, then "Cryptographic Hashes, ..." in the bold
            # 12 pt of every later section's heading), held until a later heading shows its type.
            if not _under_prose_on_first_page(blocks, i, body):
                continue
            held = True
        top = next((blocks[k].lines[0].y0 for k in headings if blocks[k].page == 0), None)
        if block.page == 0 and top is not None and block.lines[-1].y1 < top and found.number is None and \
                not UNNUMBERED_HEADINGS.match(found.title):
            # Above the first heading of page 1, read after it: the title block's right half (the
            # second group of authors, AAAI), which the reading order put in the right column.
            continue
        if found.number is None and (_over_caption(blocks, i, body) or _at_page_foot(blocks, i) or
                                     block.bold and len(block.lines) == 1 and abs(block.size - body) < 0.5 and
                                     _over_quotation(blocks, i, body)):
            continue  # an axis title right above its figure's caption; a venue line at the foot of a page
        if found.number is None and _runs_on(blocks, i):
            continue  # a paragraph's lead set in bold, its text going on beside it or on the next line
        if found.number is None and _bold_wrapped_from_above(blocks, i):
            continue  # the end of a bold phrase wrapped from the line above ("15. Institutional ..." / "Subjects")
        if found.number is None and _lead_over_paragraph(blocks, i, i - 1 in headings, headings):
            block.lines.extend(blocks.pop(i + 1).lines)  # the lead opens its paragraph
            continue
        if found.number is not None and _caps_heading_goes_on(blocks, i):
            # IEEEtran's "V. MANAGING A NETWORK BY CONSTRAINING THE" over "INFECTION PROBABILITIES",
            # centred in small capitals alone (no larger initial): its size sets it apart as a block.
            block.lines.extend(blocks.pop(i + 1).lines)
            found = _heading(block, body, after_refs, roman) or found
        if found.number is not None and len(block.lines) == 2 and i + 1 < len(blocks) and \
                _level_beside(block.lines[-1], blocks[i + 1].lines[0]):
            # "4.3.1 Data Augmentation" over the next paragraph's bold lead, "Trajectory-Instruction
            # Augmentation" + "Aug-...": the lead goes back to its paragraph.
            blocks[i + 1].lines.insert(0, block.lines.pop())
            found = _heading(block, body, after_refs, roman) or found
        if found.number is not None and len(block.lines) == 2 and all(ln.bold for ln in block.lines) and \
                _room_for_more(blocks, i):
            # "3.3 Training Techniques" over "Reward Shaping": the second bold line is a heading of
            # its own under it, not the first one's wrapped end.
            blocks.insert(i + 1, Block([block.lines.pop()], words=block.words))
            found = _heading(block, body, after_refs, roman) or found
        if found.number is not None and len(block.lines) == 2 and _stacked_heading(block.lines[1].text):
            # "VII. IMPLEMENTATION" right over "VIII. APPLICATION: ..." (an empty section), or over
            # "REFERENCES": two headings, not one wrapped.
            blocks.insert(i + 1, Block([block.lines.pop()], words=block.words))
            found = _heading(block, body, after_refs, roman) or found
        if held:
            opening[i] = found
            continue
        headings[i] = found
        if REFERENCE_HEADINGS.match(found.title) or cached(r"(?i)appendix|appendices").fullmatch(found.title):
            after_refs = True  # (under the appendices' own label too, "A. Proof" is an appendix's number)
    if opening and headings:
        # (a held line is a heading when a heading found after it on a later page is in its type)
        for k, h in opening.items():
            if any(j > k and blocks[j].page > 0 and abs(blocks[j].size - blocks[k].size) < 0.3 and
                   blocks[j].bold == blocks[k].bold and blocks[j].italic == blocks[k].italic for j in headings):
                headings[k] = h
        headings = dict(sorted(headings.items()))
    if not headings:
        headings = _plain_headings_apart(blocks, body)
    elif len(headings) >= 2 and all(h.number is None and blocks[k].bold and abs(blocks[k].size - body) < 0.3
                                    for k, h in headings.items()):
        # Sections in bold at the text's size, none numbered, and subsections in its plain type, a
        # blank line over and under each (Springer's journals: "Testing the REH" in bold over "The
        # Moving-Window Method" in roman): the plain ones found so, two or more, head subsections.
        for k, h in _plain_headings_apart(blocks, body).items():
            headings.setdefault(k, h)
        headings = dict(sorted(headings.items()))
    _add_headings_in_found_type(blocks, headings, body)
    _add_unnumbered_in_numbered_caps(blocks, headings, body)
    _long_headings_in_found_type(blocks, headings, body)
    if headings:
        _headings_in_found_face(blocks, headings, body)
    headings = _back_matter_in_found_type(blocks, headings)
    _lettered_appendices(blocks, headings)
    headings = {k: h for k, h in headings.items() if not _over_address(blocks, k, headings)}
    for k in _labels_in_a_row(headings, blocks):
        headings.pop(k)
    return _without_contents_and_running_heads(headings, blocks)


def _plain_headings_apart(blocks: list[Block], body: float) -> dict[int, _Heading]:
    """Headings in the text's own plain type, in a paper whose layout shows none by weight, size,
    slant or number (a Word manuscript: "Precision is Nice but Oomph is the Bomb", "What the Sizeless
    Scientists Say in Defense" in 11 pt roman like its text): a line of its own, title-cased, flush
    with its column's left edge and ending short of its right one (`_plain_title_row`), a blank line
    over it (or the page's top), and a paragraph of prose under it on its page, opening indented or
    after another blank line. Two such lines or more make them the paper's headings; the lines of
    page 1 above its first paragraph are its title block."""
    left: dict[tuple[int, int], float] = {}
    right: dict[tuple[int, int], float] = {}
    for block in blocks:
        for ln in block.lines:
            key = (ln.page, ln.column)
            left[key] = min(left.get(key, ln.x0), ln.x0)
            right[key] = max(right.get(key, ln.x1), ln.x1)
    opening = next((k for k, b in enumerate(blocks) if b.kind == "text" and _prose_block(b)), len(blocks))
    found: dict[int, _Heading] = {}
    for i in range(opening + 1, len(blocks) - 1):
        block, below, above = blocks[i], blocks[i + 1], blocks[i - 1]
        if block.kind != "text" or len(block.lines) != 1 or abs(block.size - body) >= 0.3 or block.smallcaps:
            continue
        line = block.lines[0]
        key = (line.page, line.column)
        if not _plain_title_row(line, left[key], right[key]) or REFERENCE_START.match(line.text):
            continue
        if above.page == block.page and not above.lines[-1].y1 < line.y0 - 0.6 * line.height:
            continue
        if below.kind != "text" or below.page != block.page or not _prose_block(below) or \
                abs(below.size - body) >= 0.3:
            continue
        first = below.lines[0]
        indented = 0.6 * body < first.x0 - left[(first.page, first.column)] < 4 * body
        if not (indented or first.y0 - line.y1 > 0.6 * line.height) or first.y0 - line.y1 > 3 * line.height:
            continue
        found[i] = _Heading(None, _clean_title(line.text), 0, block.page + 1, block.size)
    return found if len(found) >= 2 else {}


def _under_prose_on_first_page(blocks: list[Block], i: int, body: float) -> bool:
    """Whether paragraphs of running text in the text's type stand above block `i` on page 1: three
    or more, with ten lines or more among them (a title block's names and affiliations are short
    lines; an abstract alone is one paragraph)."""
    above = [b for b in blocks[:i] if b.page == 0 and b.kind == "text" and abs(b.size - body) < 0.5 and
             len(b.lines) >= 2 and _prose_block(b)]
    return len(above) >= 3 and sum(len(b.lines) for b in above) >= 10


def _labels_in_a_row(headings: dict[int, _Heading], blocks: list[Block]) -> list[int]:
    """Unnumbered one-line headings three or more of which stand level on one row of a page, apart:
    a figure's labels across the page ("Intimate / Private", "Personal", "Social" over a scale's
    arrow), no headings. (Two columns may each open a heading on one row; never three.)"""
    rows: dict[int, list[int]] = {}
    for k, h in headings.items():
        if h.number is None and len(blocks[k].lines) == 1:
            rows.setdefault(blocks[k].page, []).append(k)
    out: list[int] = []
    for keys in rows.values():
        if len(keys) < 3:
            continue
        keys.sort(key=lambda k: blocks[k].lines[0].y1)
        for k in keys:
            line = blocks[k].lines[0]
            row = [j for j in keys if abs(blocks[j].lines[0].y1 - line.y1) < 1.5 and abs(blocks[j].size - line.size) < 0.3]
            if len(row) >= 3:
                out.append(k)
    return out


# A person's name as printed over an address: two to four capitalised names or initials ("Henry A.
# Rowley"), none of them a label's word ("Corresponding Author", "Postal Address").
PERSON_NAME = compile_later(r"^(?!.*\b(?:[Aa]uthors?|[Cc]ontact|[Aa]ddress|[Cc]orrespond\w*|[Ii]nformation)\b)"
                            r"(?:[A-Z](?:\.|[a-z'’-]+)\s+){1,3}[A-Z][a-z'’-]+$")
# An address block's lines: a mail address, a telephone or fax number.
ADDRESS_LINE = compile_later(r"[\w.+-]+@[\w-]+\.[\w.-]+|^\s*(?:phone|tel(?:ephone)?|fax)\b", re.IGNORECASE)


def _over_address(blocks: list[Block], i: int, headings: dict[int, _Heading]) -> bool:
    """Whether the unnumbered heading at `i` is a person's name over an address (a contact page's
    "Henry A. Rowley" in the subsections' bold type over the department, street, "Phone:" and
    "E-mail:" lines): everything up to the next heading is short lines, one of them a mail address or
    a telephone number, none of them prose. A section holds sentences."""
    if headings[i].number is not None or not PERSON_NAME.match(headings[i].title.strip()):
        return False
    end = min((k for k in headings if k > i), default=len(blocks))
    lines = [ln for block in blocks[i + 1:end] if block.kind == "text" for ln in block.lines]
    if not lines or len(lines) > 12 or any(blocks[k].page != blocks[i].page for k in range(i + 1, end)):
        return False
    return any(ADDRESS_LINE.search(ln.text) for ln in lines) and \
        all(len(ln.text.split()) <= 6 and not ln.text.rstrip().endswith(".") for ln in lines)


def _add_headings_in_found_type(blocks: list[Block], headings: dict[int, _Heading], body: float) -> None:
    """Unnumbered headings in the type of the section names found, where that type is no larger
    than the text: lines of their own, wholly bold or wholly italic, over a paragraph. ACM's SIGCHI
    template in Word sets "INTRODUCTION" in 9 pt bold beside 10 pt text, its subsections ("Sensing
    Muscles with EMG") in the same 9 pt bold and its subsubsections in 9 pt italics; a Word preprint
    its sections in bold at the text's size and subsections in italics. Neither bold at the text's
    size nor larger, they were no headings. Two section names found in the line's size show it is
    the papers' heading size (in a paper whose headings are larger, an italic line at the text's
    size is a phrase set apart), and the paragraph under it, in the text's size, that it heads one."""
    named = [(k, h) for k, h in headings.items() if h.number is None and h.size and h.size <= body * 1.08]
    if len(named) < 2 or any(h.number is not None for h in headings.values()):
        return
    first = min(headings)
    end = min((k for k, h in headings.items() if REFERENCE_HEADINGS.match(h.title)), default=len(blocks))
    # Section names all in capitals: a line in their type in mixed case is a subsection (SIGCHI's
    # "BACKGROUND AND RELATED WORK" / "Sensing Muscles with EMG"), and italics a level below that.
    caps = sum(_is_caps(h.title) for _, h in named)
    capitals = caps >= 3 and caps >= 0.75 * len(named)
    # (or most of them, every usual section name among them in capitals too: ACM's preprint with
    # twelve sections in capitals, "INTRODUCTION" ... "CONCLUSION AND FUTURE WORK", and seven
    # subsections in its bold at the paragraph indent, "Network Architectures")
    tops = [h for _, h in named if TOP_LEVEL_HEADINGS.match(h.title) and not REFERENCE_HEADINGS.match(h.title)]
    capitals = capitals or caps >= 3 and caps > 0.5 * len(named) and len(tops) >= 2 and all(_is_caps(h.title) for h in tops)
    added: list[int] = []
    for i in range(first + 1, end):
        if i in headings or not _headed_in_type(blocks, i, [h.size for _, h in named], body):
            continue
        below = blocks[i + 1] if i + 1 < len(blocks) else None
        if below is None or not (_paragraph_under(blocks[i], below, body) or
                                 (i + 2 < len(blocks) and _headed_in_type(blocks, i + 1, [h.size for _, h in named], body) and
                                  _paragraph_under(below, blocks[i + 2], body))):
            continue
        above = blocks[i - 1]
        if i - 1 not in headings and above.page == blocks[i].page and above.lines[-1].column == blocks[i].lines[0].column and \
                abs(above.size - body) < 0.3 and cached(r"[a-z,;]$").search(above.text.rstrip()):
            continue  # (a line set apart inside a paragraph whose sentence goes on past it)
        text = blocks[i].text.strip()
        headings[i] = _Heading(None, _clean_title(text), 0, blocks[i].page + 1, blocks[i].size)
        added.append(i)
    # Steps of one series, each a label word and its number ("Step 1. Intentional Category
    # Over-Generation", "Step 2. ..."): two or more found in the heading type make the others in
    # that type and series headings too, whatever stands under them (a short "HIT primitives: none"
    # / "Output: ..." pair over the paragraph).
    label = cached(r"^([A-Z][a-z]+)\s+\d{1,2}[.:]?\s+[A-Z]")
    series = Counter(found[1] for k in added if (found := label.match(headings[k].title)))
    for i in range(first + 1, end):
        found = label.match(blocks[i].text.strip())
        if i in headings or found is None or series[found[1]] < 2 or \
                not _headed_in_type(blocks, i, [h.size for _, h in named], body) or \
                not any(k in added and abs(blocks[k].size - blocks[i].size) < 0.3 and blocks[k].italic == blocks[i].italic
                        and blocks[k].bold == blocks[i].bold and label.match(headings[k].title)[1] == found[1] for k in added):
            continue
        headings[i] = _Heading(None, _clean_title(blocks[i].text.strip()), 0, blocks[i].page + 1, blocks[i].size)
        added.append(i)
    if capitals:
        # (a name found in mixed case among them, SIGCHI's "Discussion" under "EXPERIMENT", too)
        mixed = [i for i in sorted(added + [k for k, _ in named]) if not _is_caps(headings[i].title) and
                 not (REFERENCE_HEADINGS.match(headings[i].title) or TOP_LEVEL_HEADINGS.match(headings[i].title))]
        under = any(blocks[i].bold for i in mixed)
        for i in mixed:
            headings[i].level = 2 if blocks[i].bold else 3 if under else 2


def _add_unnumbered_in_numbered_caps(blocks: list[Block], headings: dict[int, _Heading], body: float) -> None:
    """Unnumbered headings in the small capitals of the numbered headings of one level: ICLR sets
    "3.1 THE PREDICTION TASKS" in regular small capitals at the text's size, and an appendix's
    unnumbered subsections ("ENCODER DECODER", \\subsection*) in the same type on lines of their
    own, over a paragraph; without bookmarks nothing else tells them from a phrase set apart. Two
    numbered headings of one level in that type (small capitals, not bold, in one size) show it is
    the headings' type; a line in it with no number, a few words in capitals, standing over a
    paragraph and under no sentence that goes on, heads a section at that level."""
    kinds: dict[tuple[float, int], int] = Counter()
    for k, h in headings.items():
        block = blocks[k]
        if h.number is not None and len(block.lines) == 1 and block.smallcaps and not block.bold:
            kinds[(round(block.size, 1), h.level)] += 1
    # (a size that numbered headings of two levels share tells no level)
    levels: dict[float, set[int]] = {}
    for size, level in kinds:
        levels.setdefault(size, set()).add(level)
    types = {size: level for (size, level), n in kinds.items() if n >= 2 and len(levels[size]) == 1}
    if not types:
        return
    first = min(headings)
    for i in range(first + 1, len(blocks) - 1):
        block = blocks[i]
        level = types.get(round(block.size, 1))
        if level is None or i in headings or len(block.lines) != 1 or not block.smallcaps or block.bold:
            continue
        text = block.text.strip()
        if not _is_caps(text) or len(text.split()) > 6 or HEADING_NUMBER.match(text) or not text[:1].isalpha() or \
                text.rstrip()[-1:] in ".,;:":
            continue
        if not _paragraph_under(block, blocks[i + 1], body):
            continue
        above = blocks[i - 1]
        if i - 1 not in headings and above.page == block.page and above.lines[-1].column == block.lines[0].column and \
                cached(r"[a-z,;]$").search(above.text.rstrip()):
            continue  # (a line set apart inside a paragraph whose sentence goes on past it)
        headings[i] = _Heading(None, _clean_title(text), level, block.page + 1, block.size)


def _long_headings_in_found_type(blocks: list[Block], headings: dict[int, _Heading], body: float) -> None:
    """A long unnumbered heading wrapped over two lines, in the bold type, larger than the text, of
    at least two unnumbered headings found on lines of their own (PLOS sets a subsection's sentence-
    long title, "Identification of dmCpGs in cord blood associated with maternal GDM" / "and
    dysglycaemia", in the 12 pt bold of "Statistical analysis"): its words run past the count a
    short heading keeps to. Its first line starts at the second's left edge and ends no sentence,
    the last ends on none either, and a paragraph in the text's type follows it."""
    found = [h.size for k, h in headings.items() if h.number is None and blocks[k].bold and len(blocks[k].lines) == 1 and
             h.size >= body * 1.08]
    if len(found) < 2:
        return
    for i, block in enumerate(blocks[:-1]):
        if i in headings or len(block.lines) != 2 or not block.bold or block.kind != "text" or block.size < body * 1.08 or \
                sum(abs(size - block.size) < 0.3 for size in found) < 2 or _more_rows(block, 2):
            continue
        first, second = block.lines
        text = block.text.strip()
        if not text[:1].isupper() or len(text.split()) > 30 or text.endswith(_SENTENCE_END + (",", ";")) or \
                first.text.rstrip().endswith(_SENTENCE_END + (",", ";")) or abs(first.x0 - second.x0) > 2 or \
                abs(first.size - second.size) > 0.3 or CAPTION.match(text) or second.x1 > first.x1 + 2 or \
                not _paragraph_under(block, blocks[i + 1], body):
            continue
        headings[i] = _Heading(None, _clean_title(text), 0, block.page + 1, block.size)


def _headings_in_found_face(blocks: list[Block], headings: dict[int, _Heading], body: float) -> None:
    """Unnumbered subheadings in the bold face of the headings found, too long or too small for the
    rules of a lone bold line: BMC sets its sections in 10.5 pt Myriad semibold and its subsections,
    "Generating classification thresholds for smoking status" / "classification", in 9.2 pt beside
    the 9.8 pt Warnock text; acmart its subsections in Biolinum bold at the text's size, "Using Shared
    Memory to store Tiles of Matrix B" nine words long. Three headings found in one bold face
    (`Line.face`, the family of a bold line's type) show it is the headings' face: a line of
    its own in it (or two from one left edge, the first ending no phrase), bold, no smaller than
    0.85 of the text's size nor larger than those headings, a phrase opening with a capital and
    ending no sentence, over a paragraph and under no sentence that goes on, heads a subsection. (A
    line the usual rules read as a heading was weighed by the layout's pass already: a bold lead it
    left in its paragraph stays there.)"""
    faces: Counter = Counter()
    sizes: dict[str, list[float]] = {}
    for k, h in headings.items():
        block = blocks[k]
        face = block.lines[0].face
        if face and block.bold and all(ln.face == face for ln in block.lines):
            faces[face] += 1
            sizes.setdefault(face, []).append(block.size)
    found = {face for face, n in faces.items() if n >= 3}
    if not found:
        return
    first = min(headings)
    end = min((k for k, h in headings.items() if REFERENCE_HEADINGS.match(h.title)), default=len(blocks))
    for i in range(first + 1, min(end, len(blocks) - 1)):
        block = blocks[i]
        if i in headings or block.kind != "text" or not block.bold or len(block.lines) > 2 or _more_rows(block, 2) or \
                block.lines[0].face not in found or any(ln.face != block.lines[0].face for ln in block.lines):
            continue
        face = block.lines[0].face
        if not 0.85 * body <= block.size <= max(sizes[face]) + 0.3 or any(ln.code for ln in block.lines):
            continue
        text = block.text.strip().rstrip("\u00ad")  # (a soft hyphen ends a broken word too)
        if not text[:1].isupper() or not 2 <= len(text.split()) <= 16 or text.endswith(_SENTENCE_END + (",", ";", "-")) or \
                CAPTION.match(text) or EXAMPLE_CAPTION.match(text) or CAPTION_LABEL_LINE.match(text) or FRONT_LABEL.match(text) or "@" in text or \
                HEADING_NUMBER.match(text):
            continue
        if len(block.lines) == 2:
            top, second = block.lines
            if abs(top.x0 - second.x0) > 2 or abs(top.size - second.size) > 0.3 or second.x1 > top.x1 + 2 or \
                    top.text.rstrip().endswith(_SENTENCE_END + (",", ";")):
                continue
        if _heading(block, body, False) is not None or _runs_on(blocks, i) or _bold_wrapped_from_above(blocks, i):
            continue  # (a heading by the usual rules, left out by the layout's pass for a reason of its own;
            # a paragraph's bold lead filling its line, its text going on under it)
        below = blocks[i + 1]
        if not _paragraph_under(block, below, body) or below.text[:1].islower() and \
                (below.page != block.page or below.lines[0].column != block.lines[0].column):
            continue  # (a bold lead at a column's foot going on in lower case atop the next: no heading)
        above = blocks[i - 1]
        if i - 1 not in headings and above.page == block.page and above.lines[-1].column == block.lines[0].column and \
                not above.text.rstrip().endswith(_SENTENCE_END + (")", "”", "\"")):
            continue  # (a line set apart inside a paragraph whose sentence goes on past it)
        headings[i] = _Heading(None, _clean_title(text), 0, block.page + 1, block.size)


def _back_matter_in_found_type(blocks: list[Block], headings: dict[int, _Heading]) -> dict[int, _Heading]:
    """The back matter's other labels, in the bold type of its "Acknowledgements" found before the
    references: a journal sets "Funding", "Authors' contributions" and "Competing interests" each
    in that type on a line of its own over its text (BMC: 7.5 pt semibold beside 10 pt text, too
    small for a heading by size), and a group's label over them a little larger ("Declarations").
    A label with its text right under it in one block ("Ethics approval and consent to
    participate" / "Not applicable.") is split from it. Returns the headings, re-keyed."""
    anchor = next((k for k, h in sorted(headings.items()) if h.number is None and blocks[k].bold and
                   len(blocks[k].lines) == 1 and cached(r"(?i)acknowledge?ments?$").match(h.title.strip())), None)
    if anchor is None:
        return headings
    label = blocks[anchor].lines[0]
    end = min((k for k, h in headings.items() if k > anchor and REFERENCE_HEADINGS.match(h.title)), default=None)
    if end is None:
        return headings

    def in_type(line: Line) -> bool:
        text = line.text.strip()
        return line.bold and line.face == label.face and -0.3 < line.size - label.size < 2.5 and \
            text[:1].isupper() and len(text.split()) <= 8 and not text.endswith(_SENTENCE_END + (",", ";")) and \
            not CAPTION.match(text)

    i = anchor + 1
    while i < end:
        block = blocks[i]
        if block.page > label.page + 1:
            break
        if i not in headings and block.kind == "text" and in_type(block.lines[0]) and \
                not _more_rows(Block(block.lines[:1]), 1) and i + 1 < len(blocks):
            if len(block.lines) > 1 and not any(ln.bold for ln in block.lines[1:]):
                # (the label's text under it in one block: parted)
                blocks.insert(i + 1, Block(block.lines[1:], words=block.words))
                del block.lines[1:]
                headings = {k + 1 if k > i else k: h for k, h in headings.items()}
                end += 1
            if len(block.lines) == 1 and not blocks[i + 1].bold:
                headings[i] = _Heading(None, _clean_title(block.text), 0, block.page + 1, block.size)
        i += 1
    return dict(sorted(headings.items()))


def _headed_in_type(blocks: list[Block], i: int, sizes: list[float], body: float) -> bool:
    """Whether block `i` is a line of its own in the heading type: wholly bold or italic, in the size
    of at least two named headings, a short phrase opening with a capital, no sentence or caption."""
    block = blocks[i]
    # (a question set as a subsection's heading may wrap in italics: "Do the leaf transcriptomes of
    # ... on the" / "contrary, reveal genotype specific genes?", the second line under the first)
    wrapped = len(block.lines) == 2 and block.italic and not block.bold and not _more_rows(block, 2) and \
        abs(block.lines[0].x0 - block.lines[1].x0) < 2 and block.lines[1].x1 < block.lines[0].x1 and \
        not block.lines[0].text.rstrip().endswith(_SENTENCE_END + (";",)) and block.text.rstrip().endswith("?")
    # (and a subsection's long heading in bold, broken by hand after its colon or wrapped: "Selecting
    # a user interface to build:" / "The potential of a low-performing classifier", SIGCHI in Word)
    wrapped = wrapped or len(block.lines) == 2 and block.bold and not _more_rows(block, 2) and \
        abs(block.lines[0].x0 - block.lines[1].x0) < 2 and abs(block.lines[0].size - block.lines[1].size) < 0.3 and \
        not block.lines[0].text.rstrip().endswith((".", "?", "!", ";", ",")) and \
        block.lines[1].text.strip()[:1].isalpha() and len(block.text.split()) <= 16
    if not (len(block.lines) == 1 or wrapped) or not (block.bold or block.italic) or block.size < 0.8 * body or \
            sum(abs(size - block.size) < 0.3 for size in sizes) < 2:
        return False
    text = block.text.strip()
    # (a question is a longer heading than a name: "Is the transcriptional response to ozone similar
    # among all 5 temperate genotypes?")
    return 1 <= len(text.split()) <= (30 if wrapped else 16 if text.endswith("?") else 10) and text[:1].isupper() and not text.endswith(_SENTENCE_END[:1] + (",", ";", ":")) and \
        not CAPTION.match(text) and not CAPTION_LABEL_LINE.match(text) and not FRONT_LABEL.match(text) and "@" not in text


def _paragraph_under(head: Block, below: Block, body: float) -> bool:
    """Whether `below` is a paragraph right under the heading line `head`: prose in the text's size,
    on its page (or opening the next one), starting at the heading's left edge or indented from it."""
    first = below.lines[0]
    same = below.page == head.page and first.column == head.lines[0].column
    return (same or below.page == head.page + 1) and abs(below.size - body) < 0.3 and not below.bold and \
        not CAPTION.match(below.text) and sum(1 for w in below.text.split() if any(ch.isalpha() for ch in w)) >= 12 and \
        (not same or (-2 < first.x0 - head.lines[0].x0 < 4 * body and first.y0 > head.lines[0].y0))


def _lettered_appendices(blocks: list[Block], headings: dict[int, _Heading]) -> None:
    """An appendix lettered like the sections before it are numbered: "A Derivation of Kernel
    Function" (or "A. Hardware Configuration") after "5 Conclusion", in the type of "5 Conclusion" (size and weight). A capital before a
    title may open it ("A Twist"), so the letters must run in turn from A, after the last numbered
    section, in that section's type."""
    tops = [i for i, h in headings.items() if h.number and h.number.isdigit() and h.level == 1]
    if len(tops) < 2:
        return
    last = max(tops)
    size = statistics.median(blocks[i].size for i in tops)
    def boldish(block: Block) -> bool:  # (a math variable in it is set in the math italic: "C *k*-means")
        return all(ln.bold or _bold_but_math(ln) for ln in block.lines)

    bold = sum(boldish(blocks[i]) for i in tops) * 2 > len(tops)
    expected = "A"
    for i in sorted(headings):
        h = headings[i]
        if i < last:
            continue
        if h.number is not None:
            if cached(r"[A-Z]").fullmatch(h.number):  # (lettered already: "B" follows it)
                expected = chr(ord(h.number) + 1)
            continue
        # (with a full stop after the letter too: "A. Hardware Configuration" after "2. Concepts")
        found = cached(r"^(?P<num>[A-Z])\.?\s+(?P<title>\S.*)$").match(h.title)
        if found is None or found["num"] != expected or abs(blocks[i].size - size) > 0.3 or \
                boldish(blocks[i]) != bold or len(found["title"]) < 2:
            continue
        headings[i] = replace(h, number=found["num"], title=found["title"], level=1)
        expected = chr(ord(expected) + 1)


def _caps_heading_goes_on(blocks: list[Block], i: int) -> bool:
    """Whether block `i`, a numbered heading in capitals on one line that ends on a word needing the
    next ("... BY CONSTRAINING THE"), goes on in the one-line block right under it: capitals too, no
    number of its own, on the same page and column within two of the heading's lines."""
    block = blocks[i]
    if len(block.lines) != 1 or i + 1 >= len(blocks) or not _is_caps(block.text):
        return False
    first, nxt = block.lines[0], blocks[i + 1]
    if len(nxt.lines) != 1 or nxt.kind != "text" or not _is_caps(nxt.text) or _stacked_heading(nxt.text):
        return False
    second = nxt.lines[0]
    # The first line ends on a word needing the next, or on a word broken at the line's end
    # ("3 THE TRADITIONAL CLASSIFICATION PR-" / "OBLEM"), or both lines are centred on one middle,
    # neither flush left ("IV. USING THE FITTED ATTRIBUTED SBM FOR LINK" / "PREDICTION AND ...").
    text = block.text.rstrip()
    centred = abs(first.x0 + first.x1 - second.x0 - second.x1) < 4 and abs(first.x0 - second.x0) > 3
    if not (JOINING_WORD_END.search(text) or cached(r"[A-Z]-$").search(text) or centred):
        return False
    return second.page == first.page and second.column == first.column and \
        0 < second.y0 - first.y0 < 2 * first.size and len(nxt.text) < 60


def _subheading_stacked_under(block: Block) -> bool:
    """Whether a bold block of two or three lines that opens with a section's number ends in a line of
    another size opening with a number or letter of its own ("A. Frequency Definition" under a
    section's heading in a larger size): two headings read as one block."""
    lines = block.lines
    if not 2 <= len(lines) <= 3 or not all(ln.bold for ln in lines):
        return False
    first, last = lines[0], lines[-1]
    return bool(ROMAN_HEADING.match(first.text.strip()) or cached(r"^\d{1,2}(\.\d{1,2})*\.?\s+[A-Z]").match(first.text.strip())) and \
        bool(cached(r"^(?:[A-Z]\.|\d{1,2}(?:\.\d{1,2})+\.?)\s+[A-Z][a-z]").match(last.text.strip())) and \
        abs(last.size - first.size) >= 0.3 and all(abs(ln.size - first.size) < 0.3 for ln in lines[:-1])


def _caps_over_subheading(block: Block) -> bool:
    """Whether a block of two short bold lines in one size, unnumbered, is a heading in capitals
    over one in upper and lower case: a heading keeps its case when it wraps, so the second line is
    a heading of its own."""
    if len(block.lines) != 2 or not all(ln.bold for ln in block.lines):
        return False
    first, second = block.lines
    top, under = first.text.strip(), second.text.strip()
    return abs(first.size - second.size) < 0.3 and _is_caps(top) and sum(ch.isalpha() for ch in top) >= 4 and \
        not _is_caps(under) and any(ch.islower() for ch in under) and under[:1].isupper() and \
        len(top.split()) <= 8 and len(under.split()) <= 8 and not under.endswith((".", ":", ",")) and \
        HEADING_NUMBER.match(top) is None and HEADING_NUMBER.match(under) is None and \
        not JOINING_WORD_END.search(top) and not top.endswith(("-", ",")) and second.y0 - first.y0 >= 0.5 * first.size


def _question_over_subheading(block: Block, body: float) -> bool:
    """Whether a block of two short bold lines from one left edge, in one size no larger than the
    text's, is a heading that asks a question over the heading of a subsection: its question mark
    ends the first line, and the second opens with a capital and ends on no punctuation (SIGCHI's
    "What can we say absent a user interface?" right over "Selecting an objective function", both
    in 9 pt bold, read as one block). A heading wrapped onto a second line ends no phrase on its
    first."""
    if len(block.lines) != 2 or not all(ln.bold for ln in block.lines):
        return False
    first, second = block.lines
    top, under = first.text.strip(), second.text.strip()
    return top.endswith("?") and abs(first.size - second.size) < 0.3 and first.size <= body + 0.3 and \
        abs(first.x0 - second.x0) < 2 and under[:1].isupper() and under[-1:].isalnum() and \
        2 <= len(top.split()) <= 10 and 2 <= len(under.split()) <= 8 and HEADING_NUMBER.match(under) is None and \
        first.size <= second.y0 - first.y0 < 2 * first.size


def _appendix_label_over_title(block: Block, body: float) -> str | None:
    """The label "Appendix" ("APPENDIX", "Appendices", or letter-spaced "A P P E N D I X"), as printed
    with its letters closed up, when it is the first line of a block of two or three heading lines
    in bold or larger type, the title of an appendix under it; else None."""
    lines = block.lines
    if not 2 <= len(lines) <= 3 or not all(ln.bold or ln.size >= body * 1.08 for ln in lines):
        return None
    text = lines[0].text.strip()
    if cached(r"(?:[A-Za-z] ){3,}[A-Za-z]").fullmatch(text):
        text = text.replace(" ", "")
    if not cached(r"(?i)appendix|appendices").fullmatch(text) or lines[1].y0 - lines[0].y0 < 0.5 * lines[0].size:
        return None
    return text


def _stacked_heading(text: str) -> bool:
    """Whether a heading's second line opens a heading of its own: its own section number ("VIII. "),
    or the whole line the bibliography's heading."""
    text = text.strip()
    return bool(ROMAN_HEADING.match(text) or cached(r"^\d{1,2}\.?\s+[A-Z]").match(text) or REFERENCE_HEADINGS.match(text))


def _named_in_section_type(blocks: list[Block], i: int, found: dict[int, _Heading], body: float) -> _Heading | None:
    """A usual section name ("Acknowledgments") on a line of its own in the type of the numbered
    sections found above it, which is neither bold nor larger than the text: UAI 1999 sets its
    headings in 8.5 pt beside 10 pt text, and only numbers mark the others."""
    block = blocks[i]
    text = block.text.strip()
    if len(block.lines) != 1 or not (_named_section(text) or STARRED_HEADINGS.match(text)) or abs(block.size - body) < 0.5:
        return None
    sections = [k for k, h in found.items() if h.number is not None and h.level == 1]
    if len(sections) < 2 or abs(block.size - statistics.median(found[k].size for k in sections)) > 0.3 or \
            any(blocks[k].bold != block.bold or blocks[k].italic != block.italic for k in sections):
        return None
    return _Heading(None, _clean_title(text), 0, block.page + 1, block.size)


def _back_matter_label(blocks: list[Block], i: int, body: float) -> _Heading | None:
    """"Acknowledgments." in bold on a line of its own over its paragraph (NeurIPS 2018): the back
    matter's heading, however it ends. A run-in label has its text on its own line; a label over
    no paragraph (an empty skeleton's "Limitations." over "Conclusion.") heads nothing."""
    block = blocks[i]
    if len(block.lines) != 1 or not (block.bold or block.size >= body * 1.08):
        return None
    text = block.text
    if not (text.endswith(".") and len(text.split()) <= 6 and STARRED_HEADINGS.match(text[:-1])):
        return None
    after = blocks[i + 1] if i + 1 < len(blocks) else None
    if after is None or after.kind != "text" or after.bold or len(after.text.split()) < 6:
        return None
    return _Heading(None, _clean_title(text[:-1]), 0, block.page + 1, block.size)


def _room_for_more(blocks: list[Block], i: int) -> bool:
    """Whether the first line of block `i`, a numbered title set flush left, ends short of its
    column's right edge (the longest line of the blocks beside it in that column) by more than the
    second line's first word, with more than a title's leading below it: the second line was not
    wrapped from the first. (A centred heading, or a label over its title, "APPENDIX A" / "TRAINING
    DETAILS", is one heading.)"""
    first, second = blocks[i].lines[0], blocks[i].lines[1]
    numbered = HEADING_NUMBER.match(first.text)
    beside = [ln for b in blocks[max(0, i - 1):i + 2] if b is not blocks[i] and b.page == first.page
              for ln in b.lines if ln.column == first.column]
    if not beside or not numbered or numbered["app"] or abs(first.x0 - second.x0) > 2 or \
            first.x0 - min(ln.x0 for ln in beside) > 2:
        return False
    # (a wrapped title's lines sit at its own leading, about 1.2 sizes apart, and its first line may
    # end on a word that needs the next: "Divergent Versions: When and" / "How Many?")
    if first.base is None or second.base is None or second.base - first.base < 1.45 * first.size or \
            JOINING_WORD_END.search(first.text.strip()) or cached(r"[:,–-]$").search(first.text.strip()):
        return False
    word = second.text.split()[0] if second.text.split() else ""
    return first.x1 + (len(word) + 1) * 0.5 * second.size < max(ln.x1 for ln in beside) - 2


def _reads_as_title(heading: _Heading) -> bool:
    """Whether a heading's title reads as one: it has a word (two letters or more, not "C C" or
    "2 m", the pieces of a formula set large), its brackets close ("ABCD is large.)", "(see" end a
    sentence's fragment), and it does not open a theorem ("Lemma 2 ..." is the statement's head)."""
    title = heading.title
    # (a subsection may be named by a symbol alone, a letter and its index: ICCV's "3.1. K3", the
    # complete graph on three vertices, under "3. Compatibility for Complete Graphs")
    symbol = heading.number is not None and "." in heading.number and cached(r"[A-Z]\d{1,2}").fullmatch(title)
    if not (cached(r"[^\W\d_]{2}").search(title) or symbol) or title.count("(") != title.count(")"):
        return False
    if _CITED_PAGES.search(title):
        return False  # a journal's volume and pages close an entry's line ("J." + "Am. Stat. Assoc. 90, 773–795")
    return heading.number is not None or not cached(r"(theorem|lemma|proposition|corollary|definition)\s+\d",
                                                             re.IGNORECASE).match(title)


# A volume and its pages at the end of a line: "Psychol. Rev. 90, 773–795", "45:296–315".
_CITED_PAGES = compile_later(r"\b\d{1,4}(?:\s*\(\d{1,3}\))?\s*[,:]\s*\d{1,5}\s*[–-]\s*\d{1,5}\.?$")


# A thesis or manual sets "Chapter 3" (Sphinx: "CHAPTER THREE") on a line over the chapter's title.
CHAPTER_LABEL = compile_later(r"^chapter\s+(?P<num>\d{1,2}|[IVXL]{1,5}|one|two|three|four|five|six|seven|eight|nine|"
                           r"ten|eleven|twelve)$", re.IGNORECASE)
CHAPTER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
CONTENTS_HEADINGS = compile_later(r"^(table of )?contents$|^list of (figures|tables|algorithms|abbreviations|symbols)$",
                               re.IGNORECASE)
# An entry of a printed table of contents: a title, maybe dot leaders, then its page number.
CONTENTS_ENTRY = compile_later(r"\S(?:\s*\.){0,200}\s+(?:\d{1,4}|[ivxlc]{1,6})$")


def _over_quotation(blocks: list[Block], i: int, body: float) -> bool:
    """Whether the block after `i` is a quotation: lines of the text's size set in from both edges
    of their column (where most of the paper's paragraphs in that column start and end) by more
    than one and a half ems each. A bold label at the text's size over it ("Example:" over ACL's
    \\begin{quote} "Sentence 1: ..." in the appendix of examples, pages of them) introduces the
    quotation; a heading's paragraph fills the column's measure, and a list's items reach its right
    edge. (A heading in larger type, "NeurIPS Paper Checklist" over its numbered questions, is one
    whatever follows it.)"""
    if i + 1 >= len(blocks):
        return False
    quote = blocks[i + 1]
    if quote.kind != "text" or len(quote.lines) < 2 or abs(quote.size - body) > 0.5 or \
            blocks[i].page != quote.page and blocks[i].page + 1 != quote.page:
        return False
    column = quote.lines[0].column
    lefts, rights = Counter(), Counter()
    for b in blocks:
        if b.kind == "text" and len(b.lines) >= 3 and abs(b.size - body) < 0.5 and b.lines[0].column == column:
            lefts[round(min(ln.x0 for ln in b.lines))] += 1
            rights[round(max(ln.x1 for ln in b.lines))] += 1
    if not lefts:
        return False
    left, right = lefts.most_common(1)[0][0], rights.most_common(1)[0][0]
    inside = [ln for ln in quote.lines if ln.column == column and ln.page == quote.page]  # (it may go on in the next column)
    return min(ln.x0 for ln in inside) - left > 1.5 * body and right - max(ln.x1 for ln in inside) > 1.5 * body


def _over_caption(blocks: list[Block], i: int, body: float) -> bool:
    """Whether the next block on the page, close below, is a figure or table caption: nothing but
    the float's own text stands between a caption and the drawing it belongs to."""
    if i + 1 >= len(blocks):
        return False
    block, after = blocks[i], blocks[i + 1]
    found = CAPTION.match(after.text)
    return bool(found) and found["sep"] in ":." and after.page == block.page and \
        0 <= after.lines[0].y0 - block.lines[-1].y1 < 3 * body


def _plain_numbered_heading(blocks: list[Block], i: int, found: dict[int, _Heading],
                            outline: set[int] = frozenset()) -> _Heading | None:
    """A heading set in the text's own upright type (Springer's svjour: "2.1 Multi-pitch detection"; a
    scan's text layer, which names no bold face: "2 Latent Semantic Analysis"): a row on its own with
    space above and below it, whose number continues a heading already found ("2.1" after "2", "4.3"
    after "4.2", "3" after "2"), or opens the paper ("1 Introduction")."""
    block = blocks[i]
    line = block.lines[0]
    text = block.text  # (a scan's row may come in pieces: the number and the title apart)
    # (a title in a type of its own, apart from the text's beside it, may wrap onto a second row)
    own_size = any(abs(b.size - block.size) > 0.5 for b in blocks[max(0, i - 1):i + 2])
    rows = 2 if own_size else 1
    if _more_rows(block, rows) or len(text) > 90 or text.endswith((".", ":", ",", ";")):
        return None
    match = HEADING_NUMBER.match(text)
    # (an appendix's subsection is lettered: "A.1" under "A", "B.2.1" under "B.2")
    # (a subsection's title may open on a function's name in lower case before capitals: "3.1.1.
    # tanh UNIT")
    words = match["title"].split() if match else []
    if not match or match["app"] or not (match["num"][0].isdigit() or "." in match["num"]) or \
            not (match["title"][:1].isupper() or "." in match["num"].rstrip(".") and len(words) >= 2 and
                 all(w[:1].isupper() for w in words[1:])):
        return None
    if any(ln.math_chars for ln in block.lines) and \
            (len(cached(r"[A-Za-z]{3,}").findall(match["title"])) < 2 or
             sum(ln.math_chars for ln in block.lines) > 0.15 * len(match["title"])):
        # (a title may hold a symbol or two among its words, "5.2 PREVIEW→COMMIT and Accept
        # Predicate", "B.2.1 PIR Leakage L_PIR"; a numbered line of math is an equation)
        return None
    number = match["num"].rstrip(".")
    parent, _, last = number.rpartition(".")
    earlier = {h.number for h in found.values()}
    if not parent:
        # (a section's number set in the paragraph's own type and size is a list's item: "3. State
        # Update" after "2. Input transform" under section 2; unless the paper's whole outline is
        # so set, `_plain_outline`)
        if not (own_size or id(block) in outline) or len(match["title"].split()) > 10 or \
                not _opens_or_continues(int(number), match["title"], block.size, found):
            return None
    elif parent not in earlier and f"{parent}.{int(last) - 1}" not in earlier:
        return None
    if not _row_set_apart(blocks, i, found):
        return None
    return _Heading(number, _clean_title(match["title"]), number.count(".") + 1, block.page + 1, block.size)


def _row_set_apart(blocks: list[Block], i: int, found: dict[int, _Heading]) -> bool:
    """Whether block `i` stands apart from the blocks of its column above and below it: space over it
    and under it wider than between a paragraph's lines."""
    block = blocks[i]
    line = block.lines[0]
    top, bottom = min(ln.y0 for ln in block.lines), max(ln.y1 for ln in block.lines)
    near = [b for b in (blocks[i - 1] if i else None, blocks[i + 1] if i + 1 < len(blocks) else None)
            if b is not None and b.page == block.page and b.lines[0].column == line.column]
    # (set tight, Word's way: the heading of its parent right above it, or a paragraph's indented
    # first line right under it, "4.2.1 Latency evaluation ..." / "   Firstly, we perform ...")
    above = [b.lines[-1] for b in near if b.lines[-1].y1 <= top and not (b is blocks[i - 1] and i - 1 in found)]
    below = [b.lines[0] for b in near if b.lines[0].y0 >= bottom and not b.lines[0].x0 - line.x0 > 0.6 * line.size]
    return all(abs(b.y0 - bottom) > 0.6 * line.size for b in below) and \
        all(top - a.y1 > 0.6 * line.size for a in above)


def _plain_outline(blocks: list[Block], body: float) -> set[int]:
    """The ids of the blocks that print a whole numbered outline in the text's own upright type (a
    Word paper that sets "1. Introduction", "2.1. Recursion Rate Calculation" in plain 10 pt like its
    paragraphs, nothing but space to set them apart): one-line rows set apart, their numbers running
    in an outline's order from "1" under a section's usual name ("1" / "2" / "2.1" / "2.2" / "3"),
    three sections or more. A list's items set so ("1. Compute the costs" under section 2) break
    that order and are left out of it."""
    rows: list[tuple[int, tuple[int, ...], str]] = []
    for i, block in enumerate(blocks):
        if block.kind != "text" or len(block.lines) != 1 or abs(block.size - body) >= 0.3 or block.bold or \
                block.italic or block.smallcaps or block.lines[0].math_chars:
            continue
        text = block.text.strip()
        match = HEADING_NUMBER.match(text)
        if match is None or match["app"] or not match["num"][0].isdigit() or len(text) > 90 or \
                text.endswith((".", ":", ",", ";")) or not match["title"][:1].isupper() or \
                len(match["title"].split()) > 10 or not _row_set_apart(blocks, i, {}):
            continue
        rows.append((i, tuple(int(part) for part in match["num"].rstrip(".").split(".")), match["title"]))
    kept: list[tuple[int, tuple[int, ...]]] = []
    for i, number, title in rows:
        if not kept:
            if number == (1,) and _named_section(title):
                kept.append((i, number))
            continue
        last = kept[-1][1]
        if number == last + (1,) or any(number == last[:d] + (last[d] + 1,) for d in range(len(last))):
            kept.append((i, number))
    if sum(len(number) == 1 for _, number in kept) < 3:
        return set()
    return {id(blocks[i]) for i, _ in kept}


def _opens_or_continues(number: int, title: str, size: float, found: dict[int, _Heading]) -> bool:
    """Whether a section number in plain type follows the numbered sections found before it: the next
    after the last ("3" after "2"), or "1" before any, opening the paper under a usual name
    ("1 Introduction"). A number that goes back ("1. FORWARD PHASE", a step of an algorithm under
    section 3) or jumps ahead is a list's item."""
    tops = [h for h in found.values() if h.number and h.number.isdigit()]
    if not tops:
        return number == 1 and _named_section(title)
    last = max(tops, key=lambda h: int(h.number))
    return number == int(last.number) + 1 and abs(size - last.size) < 0.3  # (and in the same type)


def _goes_back(heading: _Heading, block: Block, found: dict[int, _Heading], body: float) -> bool:
    """Whether a section number set in plain type (neither bold nor larger than the text: capitals or
    small capitals only) goes back behind the sections found before it: "1. FORWARD PHASE", a step
    of an algorithm printed under section 3, is no section."""
    if not (heading.number and heading.number.isdigit()) or block.size >= body * 1.08 or \
            block.bold or all(ln.bold or _bold_but_math(ln) for ln in block.lines):
        return False
    if heading.level >= 3:
        # A subsubsection's "1)" counts anew under each subsection ("B." then "1) 1st Generation
        # TPU", "D." then "1) Precision Reduction"): it goes back only behind its own level's
        # numbers since the last heading above that level.
        tops = []
        for h in found.values():
            if h.level and h.level < heading.level:
                tops = []
            elif h.level == heading.level and h.number and h.number.isdigit():
                tops.append(int(h.number))
    else:
        tops = [int(h.number) for h in found.values() if h.number and h.number.isdigit()]
    return bool(tops) and int(heading.number) <= max(tops)


def _numbered_behind_in_smaller_type(heading: _Heading, block: Block, found: dict[int, _Heading]) -> bool:
    """Whether a numbered line in bold goes back behind the numbered headings found before it, set
    in type smaller than every heading of its level found so far: an outline's items printed in a
    section (a Word report's example protocol under "6. An Example ...": "1. Question
    Formularization", "1.1. Question Focus: ...", "2. Sources Selection" in bold at the text's
    12 pt, its sections and subsections in 14 pt). A numbering that starts again in the headings'
    own type (a supplement's "1 Introduction") is left alone."""
    if not heading.number or not cached(r"\d{1,2}(?:\.\d{1,2}){0,3}").fullmatch(heading.number):
        return False
    numbers = [tuple(map(int, h.number.split("."))) for h in found.values()
               if h.number and cached(r"\d{1,2}(?:\.\d{1,2}){0,3}").fullmatch(h.number)]
    if not numbers or tuple(map(int, heading.number.split("."))) > max(numbers):
        return False
    same = [h.size for h in found.values() if h.number and h.level == heading.level and h.size]
    return bool(same) and block.size < min(same) - 0.5


def _at_page_foot(blocks: list[Block], i: int) -> bool:
    """The last block of its page, low on it: no text follows it there, as it follows every heading
    (LaTeX never leaves a heading at the foot of a column)."""
    block = blocks[i]
    after = blocks[i + 1] if i + 1 < len(blocks) else None
    lowest = max(b.lines[-1].y1 for b in blocks[max(0, i - 40):i + 1] if b.page == block.page)
    return (after is None or after.page != block.page) and block.lines[-1].y1 >= lowest - 1 and \
        not UNNUMBERED_HEADINGS.match(block.text)


def _runs_on(blocks: list[Block], i: int) -> bool:
    """Whether a heading-like block is the bold lead of a paragraph: its last line ends in a broken
    word ("Text Su-" / "pervision ..."), or the paragraph's text starts level with it on its right
    ("Goal-oriented Metrics" + "mainly consider the", set apart by a justified line's wide space)."""
    block = blocks[i]
    last = block.lines[-1]
    if last.text.endswith("-"):
        return True
    # (the text beside it may come just before it in reading order: its line box starts a hair higher)
    beside = [blocks[j].lines[0 if j > i else -1] for j in (i - 1, i + 1)
              if 0 <= j < len(blocks) and blocks[j].page == block.page]
    if any(_level_beside(last, ln) for ln in beside):
        return True
    # A lead that fills its line to the right margin, the text going on at the next line's usual
    # distance ("Task #2: Next Sentence Prediction (NSP)" justified across the column).
    after = blocks[i + 1] if i + 1 < len(blocks) else None
    if after is None or after.page != block.page or after.lines[0].column != last.column or len(after.lines) < 2:
        return False
    # (its lines beside the lead's: a paragraph carried over to the next page or column sets its
    # lines at another margin)
    right = max(ln.x1 for ln in after.lines if ln.page == last.page and ln.column == last.column)
    left = min(ln.x0 for ln in after.lines if ln.page == last.page and ln.column == last.column)
    # (or short of the margin by less than the paragraph's first word would take: the text had no
    # room on the lead's line, "Dexterous Manipulation via Human Demonstration" 17 pt short of the
    # margin over "Learning manipulation skills ...")
    first = after.lines[0]
    word = first.text.split(" ", 1)[0]
    # (in the paragraph's own size: a heading in larger type over tight text, AAAI's 11 pt
    # "Approaches based on Evolutionary Algorithms" over 10 pt, stands on its own line)
    no_room = abs(last.size - first.size) < 0.3 and \
        right - last.x1 < (first.x1 - first.x0) / max(1, len(first.text)) * (len(word) + 1)
    return (abs(last.x1 - right) < 2 or no_room) and last.x1 - last.x0 > 0.85 * (right - left) and \
        -0.3 * last.size <= after.lines[0].y0 - last.y1 < 0.5 * last.size


def _bold_wrapped_from_above(blocks: list[Block], i: int) -> bool:
    """Whether a one-line bold block goes on from the line right above it: that line ends in bold
    without ending a sentence, and this one follows at the text's leading, with none of the space a
    heading has above it (NeurIPS's checklist: "15. Institutional Review Board (IRB) Approvals or
    Equivalent for Research" / "Subjects")."""
    if i == 0 or len(blocks[i].lines) != 1:
        return False
    prev, line = blocks[i - 1].lines[-1], blocks[i].lines[0]
    if prev.page != line.page or prev.column != line.column or not -0.5 * line.size < line.y0 - prev.y1 < 0.4 * line.size or \
            line.x0 < prev.x0 - 1 or prev.text.rstrip().endswith(_SENTENCE_END):
        return False
    # (the line above opens in another face, its item's number: a line wholly bold over this one is
    # a heading over a heading)
    worded = [style for _, _, text, style in prev.spans if any(ch.isalpha() for ch in text)]
    return bool(worded) and "b" in worded[-1] and not all("b" in style for _, _, text, style in prev.spans if text.strip())


def _lead_over_paragraph(blocks: list[Block], i: int, under_heading: bool = False,
                         found: dict[int, _Heading] | None = None) -> bool:
    """Whether a heading-like block of one line is a paragraph's lead set on a line of its own at
    the paragraph's indent: the paragraph's first line right under it at the same indent, its next
    line a paragraph indent to their left (AAAI: "Monolingual Setting" / "DNN-ED is the basic ..." /
    "proposed in ..."). A heading stands flush with the column or centred, or apart from the text
    above it: a lead follows the paragraph before at the text's own leading, where a heading set
    at the indent has space above it or opens its column (ACM's "Network Architectures" under a
    paragraph, 8 pt below its last line at 12 pt leading). Right under a heading (`under_heading`),
    the space is that heading's: IEEE's "Motivation" lead under "A. Microbiome Subject Similarity"."""
    block = blocks[i]
    after = blocks[i + 1] if i + 1 < len(blocks) else None
    if len(block.lines) != 1 or after is None or after.page != block.page or len(after.lines) < 2:
        return False
    lead, first, second = block.lines[0], after.lines[0], after.lines[1]
    above = blocks[i - 1].lines[-1] if i > 0 else None
    if above is None or above.page != lead.page or above.column != lead.column or \
            not (under_heading or -0.2 * lead.size < lead.y0 - above.y1 < 0.5 * lead.size):
        return False
    if not (first.column == lead.column and abs(lead.x0 - first.x0) < 1 and
            0.6 * lead.size < first.x0 - second.x0 < 2.5 * lead.size and abs(second.x0 - min(ln.x0 for ln in after.lines)) < 1
            and -0.2 * lead.size < first.y0 - lead.y1 < 0.5 * lead.size and not lead.text.rstrip().endswith(_SENTENCE_END)):
        return False
    # Right under a heading, a line in the type and at the indent of the unnumbered headings found
    # before it, each over its own paragraph, is one more of them (a paper that sets its subsections
    # at the paragraphs' indent: "LPDNN" right under "DEPLOYMENT OPTIMIZATION", as "Training
    # Configurations" stood over its text).
    indent = lead.x0 - min(ln.x0 for ln in after.lines)
    return not (under_heading and found and any(
        h.number is None and k + 1 < len(blocks) and len(blocks[k].lines) == 1 and len(blocks[k + 1].lines) >= 2 and
        blocks[k].bold == block.bold and abs(blocks[k].size - block.size) < 0.3 and
        abs(blocks[k].lines[0].x0 - min(ln.x0 for ln in blocks[k + 1].lines) - indent) < 1
        for k, h in found.items() if 0 <= k < i - 1))


def _level_beside(line: Line, other: Line) -> bool:
    """`other` starts on `line`'s baseline, a little to its right in the same column."""
    return abs(other.y1 - line.y1) < 1.5 and other.x0 > line.x1 and other.column == line.column and \
        other.x0 - line.x1 < 4 * line.size and other.page == line.page


def _without_contents_and_running_heads(headings: dict[int, _Heading], blocks: list[Block]) -> dict[int, _Heading]:
    """Drop what reads as headings but is not a section of the text: the lines of a printed table of
    contents (every heading of a page where two or more end in a page number and name headings
    printed elsewhere, and a "Contents" heading), a heading printed again under the same number (a running head), and an unnumbered
    heading repeated at the top of later pages (a chapter's name as its running head)."""
    titles = {_norm(h.title) for h in headings.values()}
    # An entry names a heading printed elsewhere once its page number is taken off.
    entries = Counter(blocks[i].page for i, h in headings.items() if CONTENTS_ENTRY.search(h.title) and
                      _norm(cached(r"(?:\s*\.)*\s+\S+$").sub("", h.title)) in titles)
    tops: dict[int, float] = {}
    for block in blocks:
        tops[block.page] = min(tops.get(block.page, block.lines[0].y0), block.lines[0].y0)
    deepest = max((block.lines[-1].y1 for block in blocks), default=0.0)  # (about the page's height)
    # A printed table of contents whose page numbers stand apart from its titles (each a line of its
    # own at the right): under its "Contents" heading, a heading with no paragraph of text after it
    # on the page, before the next heading, is one of its entries.
    listed: set[int] = set()
    for c, block in enumerate(blocks):
        if CONTENTS_HEADINGS.match(block.text.strip()):
            under = [i for i in headings if i > c and blocks[i].page == blocks[c].page]
            for i, j in zip(under, under[1:] + [len(blocks)]):
                if not any(_prose_block(b) for b in blocks[i + 1:j] if b.page == blocks[c].page):
                    listed.add(i)
    out: dict[int, _Heading] = {}
    seen: set[tuple[str | None, str]] = set()
    for i, h in headings.items():
        page = blocks[i].page
        if CONTENTS_HEADINGS.match(h.title) or entries[page] >= 2 or i in listed:
            continue
        key = (h.number, _norm(h.title))
        # (a running head stands in the page's top margin: a heading that is the first text of its
        # page halfway down, under a figure, is no running head; PLOS's "Conclusions" under a plot,
        # whose name the structured abstract's head used before)
        at_top = blocks[i].lines[0].y0 <= tops[page] + 1 and blocks[i].lines[0].y0 < 0.25 * deepest
        if key in seen and (h.number is not None or at_top):
            continue
        seen.add(key)
        out[i] = h
    return out


def _prose_block(block: Block) -> bool:
    """A paragraph of running text: twenty words or more, no dot leaders (". . . . 6")."""
    return sum(1 for w in block.text.split() if any(ch.isalpha() for ch in w)) >= 20 and \
        not cached(r"(?:\.\s*){4}").search(block.text)


def _outline_is_usable(from_outline: dict[int, _Heading], from_layout: dict[int, _Heading]) -> bool:
    """Trust the outline only when it reads as the paper's list of headings: most of its entries are
    found on their pages, and it is not much shorter than what the layout shows. Some classes write
    bookmarks that are not sections (llncs with hyperref bookmarks only the title), and an outline
    whose entries cannot be placed would give sections without text or numbers."""
    placed = sum(1 for i in from_outline if i >= 0)
    if placed < 2 or placed < 0.5 * len(from_outline):
        return False
    return placed >= 0.5 * len(from_layout)


def _levels_unlike_print(outline: dict[int, _Heading], blocks: list[Block]) -> bool:
    """Whether an outline without numbers files headings printed alike at different levels: three or
    more of its placed entries in one type (size, weight, slant, capitals or not) and at one left
    edge, two levels or more
    among them each held by two entries or more (a preprint whose bookmarks put "INTRODUCTION" at
    level 1, "KEYWORD SPOTTING PIPELINE" at 2 and "AI DATASET COLLECTION" at 3, all three printed in
    the same 10 pt bold capitals). Its levels are not the paper's: the page's are."""
    placed = {k: h for k, h in outline.items() if k >= 0}
    if any(h.number for h in placed.values()):
        return False
    kinds: dict[tuple, Counter] = {}
    for k, h in placed.items():
        block = blocks[k]
        # (where it starts on the line too: APA centres its level-1 headings and sets its level-2
        # ones flush left, both in the same bold)
        kind = (round(block.size * 2) / 2, block.bold, block.italic, _is_caps(block.text), round(block.lines[0].x0 / 3))
        kinds.setdefault(kind, Counter())[h.level] += 1
    return any(sum(1 for n in levels.values() if n >= 2) >= 2 for levels in kinds.values())


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


# Unnumbered sections of the back matter, set with \section* (so left out of the bookmarks).
STARRED_HEADINGS = compile_later(r"^(acknowledge?ments?\b.*|broader impacts?|(broader )?impact statement|ethics statement|"
                              r"reproducibility statement|limitations|author contributions|funding|appendix|appendices|"
                              r"supplementary (?:materials?|information|data)|(?:neurips |nips )?(?:paper )?checklist)$", re.IGNORECASE)


def _named_section(title: str) -> bool:
    """Whether the whole title is one of the usual names of a section ("Conclusions", "Discussion"),
    other than the abstract's and the bibliography's (found on their own)."""
    found = UNNUMBERED_HEADINGS.match(title.strip())
    return found is not None and found.end() == len(title.strip()) and \
        not REFERENCE_HEADINGS.match(title.strip()) and _norm(title) != "abstract"


def _keep_unbookmarked_headings(headings: dict[int, _Heading], layout: dict[int, _Heading],
                                body: float = 0.0, blocks: list[Block] | None = None) -> dict[int, _Heading]:
    """The printed unnumbered headings of the back matter ("Acknowledgements", "Broader Impact"),
    added when the outline lacks them: hyperref bookmarks \\section but not \\section*, so an outline
    stops short of them and their paragraphs would be read as the section before's. (The
    bibliography's heading is `_keep_reference_heading`'s.)"""
    titles = {_norm(h.title) for h in headings.values()}
    # A section's usual name ("Conclusions") set with \section* too: kept where it is printed in the
    # type of the outline's top-level headings.
    section_size = min((h.size for k, h in headings.items() if k >= 0 and h.level == 1 and h.size), default=None)
    printed = {k: h for k, h in layout.items() if k not in headings and h.number is None and _norm(h.title) not in titles
               and (STARRED_HEADINGS.match(h.title.strip()) or section_size is not None and h.size >= section_size - 0.3
                    and _named_section(h.title))}
    # Any \section* is printed in the type of the bookmarked sections, whatever it is called ("Ethic
    # Statement", "The Use of Large Language Models", "Appendix Summary", ICLR): an unnumbered heading
    # in their size, larger than the text, in capitals where they are, after the first of them.
    top = [k for k, h in headings.items() if k >= 0 and h.level == 1 and h.size]
    if section_size is not None and body and section_size >= body * 1.08 and top:
        # (as printed: a bookmark names an ICLR heading in mixed case)
        caps = sum(_is_caps(layout[k].title if k in layout else headings[k].title) for k in top) * 2 > len(top)
        first = min(top)
        # (an appendix numbered in its heading, "APPENDIX II: TECHNICAL DETAILS" set with \section*, too)
        printed.update({k: h for k, h in layout.items() if k > first and k not in headings and (
                            h.number is None or blocks is not None and APPENDIX_ONLY.match(blocks[k].text.strip())) and
                        _norm(h.title) not in titles and abs(h.size - section_size) < 0.3 and _is_caps(h.title) == caps
                        and not REFERENCE_HEADINGS.match(h.title.strip()) and _norm(h.title) != "abstract" and
                        len(h.title.split()) <= 8})
    # The back matter's labels in the type of its "Acknowledgements" (`_back_matter_in_found_type`),
    # which the outline bookmarks and the others it leaves out (BMC's "Funding", "Declarations").
    thanks = next((k for k in sorted(k for k in {**headings, **printed} if k >= 0)
                   if cached(r"(?i)acknowledge?ments?$").match((headings.get(k) or printed[k]).title.strip())), None)
    if thanks is not None and thanks in layout:
        size = layout[thanks].size
        refs = min((k for k, h in layout.items() if k > thanks and REFERENCE_HEADINGS.match(h.title)), default=None)
        if refs is not None:
            printed.update({k: h for k, h in layout.items() if thanks < k < refs and k not in headings and
                            h.number is None and -0.3 < h.size - size < 2.5 and _norm(h.title) not in titles})
    # (the last words of a bookmarked heading wrapped onto a block of their own, "WORK" under "2.
    # BACKGROUND AND RELATED", are that heading's)
    printed = {k: h for k, h in printed.items() if not (
        k - 1 in headings and blocks is not None and blocks[k - 1].page == blocks[k].page and
        len(_norm(headings[k - 1].title)) > len(_norm(h.title)) and _norm(headings[k - 1].title).endswith(_norm(h.title)))}
    return dict(sorted({**headings, **printed}.items(), key=lambda item: (item[0] < 0, item[0])))


# An identifier's member or a call: "Reporter.incrementCounter(", "load_data(".
CODE_LIKE_TITLE = compile_later(r"[a-z]\.[A-Za-z]|[A-Za-z_]\(")


def _keep_unbookmarked_subheadings(headings: dict[int, _Heading], layout: dict[int, _Heading], blocks: list[Block],
                                   body: float) -> dict[int, _Heading]:
    """Unnumbered headings set on a line of their own in bold at the text's size ("LSTM Preprocessing
    Layer" under "2.3 Our Method": \\subsubsection*), printed between two of the outline's entries:
    hyperref bookmarks no starred heading, so the outline lacks them. Each is followed by a paragraph
    of prose (a bold label over code or an API's signature is none), and sits a level below every
    heading the paper numbers or bookmarks."""
    placed = [k for k in headings if k >= 0]
    if len(placed) < 2:
        return headings
    deepest = max([h.level for h in headings.values()] + [h.level for h in layout.values() if h.number is not None])
    # (and under the last entry, when that is a section with text of its own, up to the bibliography
    # after it: NeurIPS's last appendix, "D Information sharing ...", over "Global averaging cells")
    last = max(placed)
    end = last if REFERENCE_HEADINGS.match(headings[last].title) else \
        min((k for k, h in layout.items() if k > last and REFERENCE_HEADINGS.match(h.title)), default=len(blocks))
    added: dict[int, _Heading] = {}

    def look(k: int) -> tuple:
        block = blocks[k]
        return round(block.size * 2), block.bold, block.italic, _is_caps(_split_heading_number(block.text)[1])

    # A heading in the very type of the outline's top-level headings, which no deeper one shares (Taylor
    # & Francis's "BIOGRAPHIE" in bold capitals at the text's size, as its "APPENDIX" over it, its
    # subsections in bold upper and lower case), stands at their level.
    top_level = min(headings[k].level for k in placed)
    tops = {look(k) for k in placed if headings[k].level == top_level}
    tops = tops if len(tops) == 1 and not tops & {look(k) for k in placed if headings[k].level > top_level} else set()
    # Headings in small capitals at the text's size, not bold (ICLR's "6.1 LENGTH EXPERIMENTS"), when
    # every bookmarked heading at one level, and none at another, is so set: an unnumbered line in
    # that type over a paragraph ("ENCODER DECODER", \subsection*) is a heading at that level.
    looks: dict[int, set] = {}
    for k in placed:
        looks.setdefault(headings[k].level, set()).add(look(k))
    caps = {next(iter(seen)): level for level, seen in looks.items() if len(seen) == 1 and
            sum(seen <= other for other in looks.values()) == 1 and next(iter(seen))[3] and not next(iter(seen))[1]}
    # Headings in italics larger than the text, not bold (sig-alternate's subsubsections, "3.1.1
    # Availability and Scalability" in 11 pt italics over 9 pt text), when every bookmarked heading at
    # one level, and none at another, is so set: an unnumbered italic line of its own in that type
    # ("Query Patterns.", \paragraph, which hyperref does not bookmark) is a heading at that level.
    italics = {next(iter(seen)): level for level, seen in looks.items() if len(seen) == 1 and
               sum(seen <= other for other in looks.values()) == 1 and next(iter(seen))[2] and not next(iter(seen))[1] and
               next(iter(seen))[0] >= round(body * 1.08 * 2)}
    # (bold in the larger type of the bookmarked subsections, and theirs alone: article's 12 pt
    # \subsection* over 11 pt text, "The Dirichlet process" under an appendix past the outline's end)
    larger = {next(iter(seen)) for level, seen in looks.items() if level >= 2 and len(seen) == 1 and
              sum(seen <= other for other in looks.values()) == 1 and next(iter(seen))[1] and
              next(iter(seen))[0] >= round(body * 1.08 * 2)}
    candidates = dict(layout)
    if caps:
        for k in range(min(placed) + 1, min(max(last, end), len(blocks))):
            if k not in layout and len(blocks[k].lines) == 1 and look(k) in caps and len(blocks[k].text.split()) <= 8 and \
                    not blocks[k].text.rstrip().endswith((".", ":")):
                candidates[k] = _Heading(None, _clean_title(blocks[k].text), caps[look(k)], blocks[k].page + 1, blocks[k].size)
    for k, h in sorted(candidates.items()):
        block = blocks[k]
        if k in headings or h.number is not None or not min(placed) < k < max(last, end) or \
                not (block.bold or look(k) in caps or look(k) in italics) or len(block.lines) != 1 or \
                abs(block.size - body) > 0.5 and look(k) not in italics and look(k) not in larger or \
                REFERENCE_HEADINGS.match(h.title) or \
                STARRED_HEADINGS.match(h.title) or _named_section(h.title):
            continue
        if CODE_LIKE_TITLE.search(h.title):
            continue  # a line of code in bold ("Reporter.incrementCounter(NumType.EVEN, 1)")
        # (a display's pieces may stand between the heading and its paragraph in reading order)
        after = [b for b in blocks[k + 1:k + 4] if b.page == block.page and not _is_math(b)]
        if len(after) >= 2 and not _prose_block(after[0]) and after[0].text.rstrip().endswith((",", ":")):
            # (a paragraph's first line, "... to the model above Antoniak (1974),", goes on past the
            # display under it: one paragraph)
            on = next((joined for b in after[1:] if _prose_block(joined := Block(after[0].lines + b.lines, words=b.words))),
                      None)
            after = [on] if on is not None else after
        if after and _prose_block(after[0]) and not after[0].bold and not any(ln.code for ln in after[0].lines) and \
                abs(min(ln.x0 for ln in after[0].lines) - block.lines[0].x0) < 2:
            # (flush with its paragraph: the label of a field list, "Parameters" over its entries
            # set in further, heads no section)
            # (in the very type of the outline's entries a level under the entry it follows, it is one
            # of them: "Local recalibration" in the bold 10 pt of the subsubsections under "3.2 Local
            # recalibration" (NeurIPS), "Global averaging cells" in the subsections' bold under the
            # last appendix, "D Information sharing ...", past the references. Under a section of the
            # body, a bold line in the subsections' type may be a paragraph's lead.)
            above = max((j for j in placed if j < k), default=None)
            level = deepest + 1
            # (or under an appendix lettered "B": MIDL 2026's "Comparison of Different Threshold
            # Values" in the subsections' bold under "Appendix B. Ablation study", appendix C after it)
            if above is not None and headings[above].level and \
                    (headings[above].level >= 2 or k > last or re.fullmatch(r"[A-Z]", headings[above].number or "")) and \
                    look(k) in looks.get(headings[above].level + 1, ()):
                level = min(level, headings[above].level + 1)
            elif above is not None and headings[above].level == 1 and look(k) in looks.get(2, ()) and \
                    not any(headings[j].level >= 2 for j in placed if above < j < min(
                        (i for i in placed if i > above and headings[i].level == 1), default=len(blocks))):
                # (in the bookmarked subsections' type under a section that has none of its own: a
                # \subsection*, CoRL's "Results on the LASA-Dataset" under "5 Learning nonlinear ...",
                # NeurIPS's "The algorithm" under "2 Algorithm: Clustered UCB")
                level = 2
            added[k] = replace(h, level=caps[look(k)] if look(k) in caps else italics[look(k)] if look(k) in italics else
                               top_level if look(k) in tops else level)
    return dict(sorted({**headings, **added}.items(), key=lambda item: (item[0] < 0, item[0])))


SUPPLEMENT_LABEL = compile_later(r"(?:supplementa(?:l|ry)|appendi(?:x|ces))\b", re.IGNORECASE)


def _keep_headings_past_the_outline(headings: dict[int, _Heading], outline: dict[int, _Heading],
                                    layout: dict[int, _Heading], blocks: list[Block], body: float) -> dict[int, _Heading]:
    """The printed headings of a supplement bound after the bibliography, added when the outline
    stops before it (a supplement compiled on its own and appended: ICML's "Text Generation" and
    its "Sample #1" ... "Sample #10"). They count from a heading in larger type than the body that
    opens a page after the references, so that bold labels after them (an IEEE biography's name, a
    journal's colophon) stay text."""
    last = max((k for k in outline if k >= 0), default=None)
    refs = min((k for k, h in layout.items() if last is not None and k > last and REFERENCE_HEADINGS.match(h.title)),
               default=None)
    if refs is None:
        return headings
    # (the first may be kept already, a section's usual name: "Supplementary material" over "Proof of
    # Lemma 4" in the subsections' bold)
    after = sorted(k for k in layout if k > refs and (k not in headings or SUPPLEMENT_LABEL.match(layout[k].title)))
    first = next((k for k in after if layout[k].size >= body * 1.08 and blocks[k - 1].page < blocks[k].page), None)
    if first is None:
        return headings
    added = {k: layout[k] for k in after if k >= first and k not in headings}
    return dict(sorted({**headings, **added}.items(), key=lambda item: (item[0] < 0, item[0])))


def _supplement_title(headings: dict[int, _Heading], blocks: list[Block], title: str) -> set[int]:
    """The title block of a supplement bound after the paper: the paper's title printed again on a
    later page ("Supplementary Material for <title>", "Appendix for “<title>”", or only its part
    before the colon), with an unnumbered line set right above it ("Supplementary Material"). It
    names the supplement; it is no section of it. Returns the headings' block indices."""
    found: set[int] = set()
    references = [k for k, h in headings.items() if k >= 0 and REFERENCE_HEADINGS.match(h.title)]
    for i, h in headings.items():
        if i < 0 or h.number is not None or blocks[i].page == 0 or not _repeats_title(blocks[i].text, title):
            continue
        if references and i < min(references) and blocks[i - 1].page == blocks[i].page and \
                blocks[i - 1].kind == "text" and _prose_block(blocks[i - 1]):
            # Before the bibliography, under the paper's own text on its page: a section named as
            # the paper's title before its colon (AJPS: "The Separation Plot" in "The Separation
            # Plot: A New Visual Method ..."), not a supplement's title page.
            continue
        found.add(i)
        above = headings.get(i - 1)
        if above is not None and above.number is None and blocks[i - 1].page == blocks[i].page:
            found.add(i - 1)
    for i, h in headings.items():
        # A label over the title printed again, the title read as no heading (too long for one, or
        # in quotes): "Appendix for" in 12 pt italics over "“Retroformer: Retrospective Large ...”"
        # in 12 pt bold. The label names the supplement; it is no section of it.
        if not 0 <= i < len(blocks) - 1 or h.number is not None or blocks[i].page == 0 or i in found or i + 1 in headings or \
                not _over_reprinted_title(blocks, i, title):
            continue
        found.add(i)
    return found


def _over_reprinted_title(blocks: list[Block], i: int, title: str) -> bool:
    """Whether block `i` is a label over the paper's title printed again right under it on its page,
    in large or bold type and no prose ("Appendix for" in italics over "“Retroformer: ...”" in bold):
    a supplement's title, no section of it."""
    below = blocks[i + 1] if i + 1 < len(blocks) else None
    return below is not None and below.page == blocks[i].page and below.kind == "text" and \
        not _prose_block(below) and (below.bold or below.size >= blocks[i].size - 0.3) and \
        _repeats_title(below.text, title)


def _title_after_cover(headings: dict[int, _Heading], blocks: list[Block], title: str, authors) -> set[int]:
    """The title printed again atop the article's first page after a cover page (Taylor & Francis's
    download sheet: title, author, "To cite this article" on page 1, then the journal's page with
    the title in 22 pt over two lines and the author under it): blocks in a row on page 2, before
    any paragraph of prose there, that together spell the whole title, and a line of the paper's
    authors' names right under them. Those read as headings are front matter, no sections."""
    key = _norm(title)
    if len(key) < 12:
        return set()
    on_page = [i for i in range(len(blocks)) if blocks[i].page == 1]
    if not on_page or not any(k in headings for k in on_page):
        return set()
    prose = next((i for i in on_page if i not in headings and _prose_block(blocks[i])), len(blocks))
    for start in on_page:
        if start >= prose:
            break
        run, spelled = [start], _norm(blocks[start].text)
        while key.startswith(spelled) and spelled != key and run[-1] + 1 < prose:
            run.append(run[-1] + 1)
            spelled += _norm(blocks[run[-1]].text)
        if spelled != key or any(headings[k].number is not None for k in run if k in headings):
            continue
        names = {_norm(name) for name in authors}
        after = run[-1] + 1
        if after in headings and after < prose and names and \
                all(_norm(name) in names for name in _author_names(blocks[after].lines[0]) or [blocks[after].text]):
            run.append(after)
        # Under the title the page prints its front matter as page 1 of a paper does: the names in
        # full ("Rama Cont" under a cover's "R. Cont"), an affiliation, a date ("Received 28 October
        # 2000") before its abstract. Unnumbered lines between the title and the abstract (or the
        # first numbered heading, or the first paragraph) are front matter too.
        for k in range(run[-1] + 1, prose):
            heading = headings.get(k)
            if heading is None:
                continue
            if heading.number is not None or _norm(heading.title) == "abstract" or \
                    UNNUMBERED_HEADINGS.match(heading.title.strip()) or FRONT_LABEL.match(heading.title.strip()):
                break
            run.append(k)
        return {k for k in run if k in headings}
    return set()


def _repeats_title(text: str, title: str) -> bool:
    """Whether `text` holds the paper's title, whole or its part before the colon."""
    names = {name for name in (_norm(title), _norm(title.split(":")[0])) if len(name) >= 12}
    return any(name in _norm(text) for name in names)

# An image in a heading ("Obtain Stone Pickaxe [icon] with Bare Hands"): hyperref writes the
# \includegraphics arguments into the bookmark, "[scale=0.4,align=c]minecraft/stonepickaxe.png".
BOOKMARKED_GRAPHIC = compile_later(r"(?:\[[^\]]*\])?[\w./\-]+\.(?:png|pdf|jpe?g|eps|svg)\b", re.IGNORECASE)


# BibTeX keys: "dahlmeier-ng-2012-better", "bryant-etal-2017-automatic", "napoles2016gleu", "he2016deep".
BOOKMARKED_KEYS = compile_later(r"(?<![\w-])(?:[a-z]+(?:-[a-z0-9]+){2,}|[a-z]+\d{4}[a-z]+)(?![\w-])")


def _run_in_line(text: str, title: str) -> bool:
    """Whether the line opens with the title as a run-in label: the title, a full stop or colon,
    then the paragraph's text on the same line ("Funding. This work was ...")."""
    head = _run_in_head(text)
    return head is not None and head == _norm(title) and bool(head)


def _bookmarks_paragraph(text: str, title: str) -> bool:
    """Whether the bookmark names a paragraph's run-in label together with the paragraph's words after
    it, cut off where the outline's entry ends (PLOS: "Classification of demyelinating lesions.
    Immunohistochemical analysis was employed to identify ..."): the line opens with the same label,
    its text going on after it, and the bookmark goes on for a sentence's worth of words past the
    label. A heading with a colon in it ("Step 1: Data collection") has a few words after it."""
    label = _bookmarked_label(title)
    return label is not None and _run_in_head(text) == label


def _bookmarked_label(title: str) -> str | None:
    """The comparison key of the run-in label that opens a bookmark holding a paragraph's words (the
    label, a full stop or colon, ten words or more after it); None for any other bookmark."""
    found = cached(r"^(.{2,80}?)[.:]\s+(\S.*)$", re.DOTALL).match(title.strip())
    return _norm(found.group(1)) or None if found is not None and len(found.group(2).split()) >= 10 else None


@functools.lru_cache(maxsize=16384)
def _run_in_head(text: str) -> str | None:
    """The comparison key of the words before a line's first stop or colon that the text goes on
    after (what `_run_in_line` compares with a title); None without one. Memoised: an outline's
    entries not found as headings ask it of every line on their pages."""
    head = cached(r"^(.{2,80}?)[.:]\s+\S").match(text)
    return _norm(head.group(1)) if head else None


def _opens_plain_paragraph(block: Block, title: str) -> bool:
    """Whether the bookmarked words only open a paragraph, in its own plain type, the text going on
    after them on the same line with nothing to set them apart: no stop, no bold or italics, no
    line of their own (Springer bookmarks its licence note, "Open Access This article is
    distributed under ...", as a section)."""
    if len(block.lines) < 2 or block.bold or block.italic:
        return False
    first = block.lines[0]
    name = _norm(title)
    # (or a list item's, after its label: "1. MLE-bench – a benchmark of 75 offline Kaggle
    # competitions ..." in the contributions' list, above the section "2 MLE-BENCH")
    item = cached(r"^(?:\d{1,2}[.)]|[•·▪◦‣])\s+(?=\S)").match(first.text)
    text = first.text[item.end():] if item else first.text
    words = text.split()
    if not (bool(name) and _norm(text).startswith(name) and len(words) >= len(title.split()) + 3):
        return False
    if all(not style for *_, style in first.spans):
        return True
    if item:
        return False
    # (or the words in bold, a run-in label, the paragraph going on in its plain type on the same line:
    # Springer's "**Open Access** This article is distributed under ...")
    said, k = "", 0
    while k < len(first.spans) and len(_norm(said)) < len(name):
        said += " " + first.spans[k][2]
        k += 1
    rest = first.spans[k:]
    return _norm(said) == name and all("b" in sp[3] for sp in first.spans[:k] if sp[2].strip()) and \
        bool(rest) and all(not sp[3] for sp in rest if sp[2].strip()) and len(" ".join(sp[2] for sp in rest).split()) >= 3


def _run_in_on_page(blocks: list[Block], title: str, low: int, high: int) -> bool:
    """Whether a line on pages low..high (1-based, one either side) opens with the title followed by
    a full stop or colon and goes on with the paragraph's text: a run-in label that an outline lists
    (the Royal Society's "Ethics.", "Funding.", "Competing interests.")."""
    label = _bookmarked_label(title)  # (or one that holds the paragraph's words after the label, PLOS)
    return any(_run_in_line(ln.text, title) or label is not None and _run_in_head(ln.text) == label
               for block in blocks if low - 2 <= block.page <= high for ln in block.lines)


def _prints_entry(blocks: list[Block], i: int, page: int, targets: set[str]) -> tuple[int, str | None, str] | None:
    """(i, number, title) when block `i`, a line or two on `page`, prints one of the entry's `targets`
    whole, after its number or not; else None."""
    if i >= len(blocks) or blocks[i].page != page or len(blocks[i].lines) > 2:
        return None
    number, printed = _split_heading_number(blocks[i].text)
    loose = HEADING_NUMBER.match(blocks[i].text.strip()) if number is None else None
    if loose and _norm(loose["title"]) in targets:
        number, printed = loose["num"].rstrip("."), _clean_title(loose["title"])
    return (i, number, printed) if targets & {_norm(blocks[i].text), _norm(printed)} else None


def _heading_at_destination(blocks: list[Block], start: int, where: tuple[int, float] | None) -> int | None:
    """The block from `start` on that a bookmark's destination `where` (page index, y down the page)
    points at: a heading of a line or two, bold or numbered and not a sentence, whose top stands
    within two and a half of its lines under the point (hyperref sets the point a baseline above
    the heading). None when no such block is there."""
    if where is None:
        return None
    page, y = where
    for i in range(start, len(blocks)):
        block = blocks[i]
        if block.page < page:
            continue
        if block.page > page:
            return None
        top = block.lines[0].y0
        if top < y - 2.0 or block.kind != "text":
            continue
        if top - y > 2.5 * block.size:
            return None
        number, _ = _split_heading_number(block.text)
        if len(block.lines) <= 2 and (block.bold or number is not None) and not block.text.rstrip().endswith("."):
            return i
        return None
    return None


def _bookmarked_lines_apart(blocks: list[Block], toc: list, destination) -> list[Block]:
    """Blocks cut at the lines an outline entry points at and prints whole: a heading set in the
    text's size and weight (no bold: the bold rules part those), told by a face of its own alone (Typst's APA manuscript: "Theoretical
    Background" in Roboto among Times, double-spaced at the text's step), read into the paragraph
    around it, is a block of its own when its line (or its lines, wrapped: up to four) spell the
    entry's title and the first of them stands right under the point the entry links to (within
    two and a half of its sizes)."""
    for entry in toc:
        where = destination(entry)
        key = _norm(entry[1])
        if where is None or len(key) < 3:
            continue
        page, y = where
        for i, block in enumerate(blocks):
            if block.page > page:
                break
            if block.lines[-1].page < page or block.kind != "text" or len(block.lines) < 2:
                continue
            cut = None
            for j, ln in enumerate(block.lines):
                if ln.page != page or ln.bold or not (y - 2.0 <= ln.y0 <= y + 2.5 * ln.size) or \
                        not key.startswith(_norm(ln.text)) or not _norm(ln.text):
                    continue
                for m in range(1, 5):
                    if j + m > len(block.lines):
                        break
                    if block.lines[j + m - 1].bold:
                        break
                    have = _norm(" ".join(x.text for x in block.lines[j:j + m]))
                    if have == key:
                        cut = (j, j + m)
                        break
                    if not key.startswith(have):
                        break
                if cut:
                    break
            if cut is None or cut == (0, len(block.lines)):
                continue
            parts = [Block(part) for part in (block.lines[:cut[0]], block.lines[cut[0]:cut[1]], block.lines[cut[1]:]) if part]
            for part in parts:
                part.words = block.words
            blocks[i:i + 1] = parts
            break
    return blocks


# A sub- or superscript in TeX's markup after a letter or digit: "R_0", "x^2", "P_{D}"
_TEX_SCRIPT = compile_later(r"(?<=[A-Za-z0-9)])[_^](?:\{[^{}\s]{1,12}\}|[A-Za-z0-9])")


def _toc_headings(toc: list, blocks: list[Block], destination=None) -> dict[int, _Heading]:
    """Place the PDF outline's entries on the blocks that print them: {block index: heading}.

    The outline gives titles, levels and pages; the number is read from the printed heading, since
    hyperref's bookmarks leave it out by default. Entries not found on their page are kept at a
    negative key, without text."""
    placed: dict[int, _Heading] = {}
    unplaced = 0
    start = 0
    last_page = 1  # the page of the last entry placed
    previous: dict[int, str] = {}  # the number of the last entry at each level
    biographies: int | None = None  # the level of an IEEE "Biographies" bookmark being passed over
    listed = _printed_contents(toc, blocks)
    # An outline none of whose entries is numbered but by a bare "A" before a title ("A Simple Example:
    # Photon Flux Measurements", "A Bayesian Approach"): that "A" is the title's article, no letter of
    # an appendix (those come with numbered sections, or in turn with a "B").
    unnumbered = all(entry[1].strip()[:2] in ("A", "A ") or _split_heading_number(entry[1])[0] is None
                     for entry in toc)
    # Per block, read once: what every entry whose pages hold it compares with (its number and title
    # as split, the loose number's match, their keys), not again for each entry.
    read: dict[int, tuple] = {}
    for k, entry in enumerate(toc):
        level, title, page = entry[0], entry[1], entry[2]
        title = " ".join(BOOKMARKED_GRAPHIC.sub(" ", title).split())
        # CVPR's "\thesection." comes into the bookmark as the number, a space, then its full stop
        # ("1 . Introduction", "3.1 . Overview"): the stop is the number's, not the title's.
        title = SPACED_NUMBER_STOP.sub(r"\1 ", title)
        # A class that writes "\thesection." with no space after it bookmarks "1.Introduction",
        # "4.1.Seasonal ARIMA Models" (Taylor & Francis): the stop ends the number, a title follows.
        title = GLUED_NUMBER_STOP.sub(r"\1 ", title)
        if biographies is not None and level > biographies:
            continue
        biographies = None
        if BIOGRAPHIES.match(title):
            # IEEEtran bookmarks the authors' biographies after the references, a name each: text, no sections.
            biographies = level
            continue
        # A \citep in a section title leaves its BibTeX keys in the bookmark ("ERRANT
        # bryant-etal-2017-automatic"): match without them, and name the heading as printed.
        keyed = bool(BOOKMARKED_KEYS.search(title))
        if keyed:
            title = " ".join(BOOKMARKED_KEYS.sub(" ", title).replace(" ,", " ").split()).strip(" ,")
        number, name = _bookmark_number(title) or _split_heading_number(title)
        article = unnumbered and title.startswith("A ")
        if article and number == "A":
            number, name = None, _clean_title(title)
        if number is None:
            # (the next entry at this level, when it follows the next one in turn, "B coalescedA
            # kernel" after "A simple kernel": the first appendix's letter opened the run)
            after = next((later[1] for later in toc[k + 1:] if later[0] <= level), None)
            after = after if after is not None and next((later[0] for later in toc[k + 1:] if later[0] <= level)) == level else None
            number, name = _numbered_in_turn(title, previous.get(level), after)
        # (and with the number as printed: "B. k-step prediction" for IEEE's "VI-B k-step prediction")
        targets = {_norm(title), _norm(name), _norm(f"{number or ''} {name}")}
        low = high = page
        heading: _Heading | None = None
        if page < last_page:
            # A destination behind the entry placed before it (JMLR's appendix bookmarks point at
            # pages 1 and 4): the heading stands after that entry, before the next entry whose page
            # is not behind it.
            low = last_page
            high = next((later[2] for later in toc[k + 1:] if later[2] >= last_page), blocks[-1].page + 1 if blocks else page)
        # The first block that prints the entry, unless it reads as a list item or a sentence (in plain
        # type, led by a bullet or ended by a full stop) and a heading (bold or numbered) that prints
        # it follows in reach: "• Column headers are values, not variable names." in the text above
        # "3.1. Column headers are values, not variable names" (JSS).
        # "Proof of Lemma ??" is no prefix to match by: "Proof of Lemma 3. Let ..." would be found.
        unresolved = BROKEN_BOOKMARK.search(title) is not None
        # A destination ahead of the next entry's page (Ghostscript's rewrite of a preprint resolved
        # "Background" and "Problem statement" to the appendix's pages 14 and 15, between entries on
        # pages 2 and 5): not printed there, the heading stands after the entry placed before it and
        # no later than the next entry's page.
        following = toc[k + 1][2] if k + 1 < len(toc) else None
        windows = [(low, high)]
        if following is not None and last_page <= following < page:
            windows.append((last_page, following))
        for low, high in windows:
            matches = []
            by_number = None  # the first short block in reach that prints the entry's number
            past = False  # the search went past the pages in reach (an entry not found there is dropped)
            for i in range(start, len(blocks)):
                block = blocks[i]
                if block.page + 1 < low - 1 or i in listed:
                    continue
                if block.page + 1 > high + 1:
                    past = True
                    break
                known = read.get(i)
                if known is None:
                    text = block.text
                    split = _split_heading_number(text)
                    loose = HEADING_NUMBER.match(text.strip()) if split[0] is None else None
                    known = read[i] = (split, loose, _norm(loose["title"]) if loose else None, _norm(text))
                (printed_number, printed), loose, loose_key, text_key = known
                if loose and loose_key in targets:
                    # A title in lower case after its number, as the bookmark names it: "C k-means
                    # Precision-Recall" bookmarked "k-means Precision-Recall".
                    printed_number, printed = loose["num"].rstrip("."), _clean_title(loose["title"])
                if by_number is None and number is not None and printed_number == number and len(block.lines) <= 2 and \
                        printed[:1].isupper() and not block.text.rstrip().endswith("."):
                    by_number = (i, printed_number, printed)
                got = {text_key, _norm(printed)}
                # (rows, not lines: a justified heading's row may come in pieces, "2." "BACKGROUND"
                # "AND" "RELATED" over "WORK")
                if not targets & got and not _more_rows(block, 2) and i + 1 < len(blocks) and blocks[i + 1].page == block.page and \
                        not _more_rows(blocks[i + 1], 2) and len(_norm(printed)) >= 8 and \
                        _norm(printed + " " + blocks[i + 1].text) in targets:
                    # A heading wrapped onto a second line set apart as a block of its own (IEEEtran's
                    # "IV. USING THE FITTED ATTRIBUTED SBM FOR LINK" in 10 pt capitals over "PREDICTION AND
                    # COLLABORATIVE FILTERING" all in 8 pt small capitals): the two print the entry.
                    got.add(_norm(printed + " " + blocks[i + 1].text))
                if targets & got or (len(block.lines) <= 3 and not unresolved and any(len(t) > (1 if keyed else 3) and g.startswith(t)
                                                                     for t in targets for g in got)
                                     and not _run_in_line(block.lines[0].text, name) and not _opens_plain_paragraph(block, name)
                                     and not _bookmarks_paragraph(block.lines[0].text, name)):
                    matches.append((i, printed_number, printed))
                    if not targets & got and (exact := _prints_entry(blocks, i + 1, block.page, targets)) is not None:
                        # A heading that only begins with the entry's words, right over one that prints them
                        # whole ("Proofs of Theoretical Results" over "A Proofs", bookmarked "Proofs"): the
                        # entry is the one under it; the one above is a heading the outline left out.
                        matches[-1] = exact
                        break
                    text = block.text.rstrip()
                    if block.bold or printed_number is not None or not (text.endswith(".") or not text[:1].isalnum()):
                        break
            if matches or by_number is not None:
                break
        mangled = unresolved
        if not matches and by_number is not None:
            # A bookmark that does not print as the heading does (LaTeX's "??" for a reference not yet
            # resolved, a word broken at its hyphen, math glyphs dropped: "Estimating PD(|X)" for
            # "Estimating P_D(Ŷ|X)") is found by its number, and named as printed.
            matches, mangled = [by_number], True
        if matches:
            i, printed_number, printed = next((m for m in matches if blocks[m[0]].bold or m[1] is not None), matches[0])
            block = blocks[i]
            rejoined = _rejoined(title, _split_heading_number(block.lines[0].text)[1])
            if rejoined:
                name = _clean_title(rejoined)
            elif mangled and printed and len(block.lines) <= 2:
                name = _clean_title(printed)
            if article and printed_number == "A" and _norm(block.text) == _norm(title):
                printed_number = None  # (the page prints the title's "A" too, and nothing more)
            if printed_number is not None and number is None and \
                    (led := cached(r"^(\S+?)\.?\s+(\S.*)$").match(title)) and led[1] == printed_number and \
                    _norm(led[2]) == _norm(printed):
                # A bookmark that keeps the number before a title in lower case ("1 introduction" for
                # ACM's "1 INTRODUCTION" in small capitals): the number as printed, the title without it.
                number, name, title = printed_number, _clean_title(led[2]), led[2]
            if printed_number is not None and _norm(printed) == _norm(title):
                # The bookmark is the printed title without its number, and that title starts
                # with a letter of its own ("Appendix A. A Practical Guide" bookmarked as
                # "A Practical Guide"): the "A" is the title's.
                number, name = printed_number, _clean_title(title)
            if printed and len(block.lines) <= 2 and _norm(printed) == _norm(name) and \
                    sum(map(_is_math_char, printed)) > sum(map(_is_math_char, name)):
                # hyperref drops math from a bookmark ("-DPO Implementation Details" for "β-DPO ...",
                # "Estimating PD(|X)" for "Estimating P_Dρ(Ŷ|X)": the bar is kept, ρ and Ŷ are not):
                # the heading is named as printed.
                name = _clean_title(printed)
            elif printed and len(block.lines) <= 2 and _norm(printed) == _norm(name) and \
                    _TEX_SCRIPT.search(name) and not _TEX_SCRIPT.search(printed):
                # A bookmark that keeps the source's script markup ("bring R_0 to less than one?",
                # written in a word processor's markdown or by hand) for a heading that prints the
                # script (R₀ as "R0" in the text layer): the heading is named as printed.
                name = _clean_title(printed)
            if printed and len(block.lines) == 1 and _norm(printed) != _norm(name) and \
                    _norm(printed).startswith(_norm(name)) and len(_norm(printed)) - len(_norm(name)) <= 3 and \
                    (block.lines[0].math_chars or block.lines[0].scripts):
                # hyperref drops math at a bookmark's end too ("Null-hypothesis" for "Null-hypothesis,
                # H₀"): a line with math in it that prints a symbol or two past the bookmark's words
                # is named as printed.
                name = _clean_title(printed)
            if printed and len(block.lines) <= 2 and _math_left_out(name, printed, sum(ln.math_chars for ln in block.lines)):
                # hyperref drops math inside a bookmark as well ("Known :" for "3.1 Known p, q :"): the
                # bookmark's words, in order, with the line's math words between them; named as printed.
                name = _clean_title(printed)
            if keyed and printed and len(block.lines) <= 2:
                name = _clean_title(printed)
            if printed and len(block.lines) <= 2 and _spaced_better(printed, name):
                # A bookmark that glued two words the page prints apart ("in acohort study" for "in a
                # cohort study", Taylor & Francis): the heading is named as printed.
                name = _clean_title(printed)
            if printed and len(block.lines) <= 2 and _norm(printed) != _norm(name) and \
                    _norm(printed).startswith(_norm(name)) and len(_norm(printed)) - len(_norm(name)) <= 2 and \
                    any(word.islower() and word.upper() in printed.split()[-1] for word in name.split()[-1:]):
                # The acronym package's bookmark: an acronym in lower case, its plural dropped
                # ("Guaranteed prb" for "Guaranteed PRBs"): the heading is named as printed.
                name = _clean_title(printed)
            placed[i] = heading = _Heading(number or printed_number, name, level, block.page + 1, block.size)
            start = i + 1
            last_page = block.page + 1
        elif (under := _heading_at_destination(blocks, start, destination(entry) if destination else None)) is not None and \
                under not in listed:
            # An entry whose words the page does not print (hyperref writes a \ref's label into the
            # bookmark: "Proof of lem:upperweight" for "A.1 Proof of Lemma 10") is the heading printed
            # right under the point it links to, named and numbered as printed.
            i = under
            printed_number, printed = _split_heading_number(blocks[i].text)
            placed[i] = heading = _Heading(number or printed_number, printed, level, blocks[i].page + 1, blocks[i].size)
            start = i + 1
            last_page = blocks[i].page + 1
        elif not past and not (page < last_page and windows[0][1] > blocks[-1].page):
            # (an entry whose destination stands behind the one placed before it, printed nowhere
            # from there to the end, is left from a longer document: NeurIPS's proceedings copy keeps
            # the bookmarks of its supplement's appendices, all pointing at page 1)
            if _run_in_on_page(blocks, name, low, high) or \
                    any(_opens_plain_paragraph(block, name) for block in blocks if low - 2 <= block.page <= high):
                continue  # a paragraph's run-in label ("Funding. This work was ..."), bookmarked: no section
            if number is None and cached(r"(?i)appendix|appendices").fullmatch(name.strip()) and \
                    k + 1 < len(toc) and toc[k + 1][0] > level:
                # An "Appendix" entry over the appendices' own ("A Nimda Example", ...) that no page
                # prints (LNCS: \addcontentsline over \section's lettered "A"): the bookmarks' folder,
                # no heading.
                continue
            unplaced += 1
            placed[-unplaced] = heading = _Heading(number, name, level, max(1, page), 0.0)
        if heading is not None and heading.number:
            previous[level] = heading.number
    return placed


def _math_left_out(bookmark: str, printed: str, math: int) -> bool:
    """Whether the printed heading is the bookmark with math words put back in: the bookmark's
    words, in order, are the printed words less a few short ones: variables of a letter or two, or
    no more characters than the line's math (hyperref leaves math out of a bookmark: "Known :" for
    "Known p, q :")."""
    words = cached(r"[a-z0-9]+").findall(bookmark.lower())
    seen = cached(r"[a-z0-9]+").findall(printed.lower())
    if not words or len(seen) <= len(words):
        return False
    extra, k = [], 0
    for word in seen:
        if k < len(words) and word == words[k]:
            k += 1
        else:
            extra.append(word)
    # (variables of a letter or two, however the line's fonts were counted: "p, q"; a number is no
    # variable but a contents line's page, "More Generalizability Experiments 22")
    return k == len(words) and (all(len(word) <= 2 and word.isalpha() for word in extra) or
                                all(len(word) <= 3 for word in extra) and sum(map(len, extra)) <= math)


def _spaced_better(printed: str, bookmark: str) -> bool:
    """Whether the printed title and the bookmark differ only in where their spaces fall and the
    printed one has fewer words the word list does not know: the bookmark glued words together."""
    if printed.split() == bookmark.split() or "".join(printed.split()) != "".join(bookmark.split()):
        return False

    def unknown(text: str) -> int:
        return sum(lexicon.frequency(word.lower()) == 0 for word in _WORD.findall(text))

    return unknown(printed) < unknown(bookmark)


def _printed_contents(toc: list, blocks: list[Block], later: bool = False) -> set[int]:
    """The blocks of a table of contents printed on a page (Taylor & Francis's "CONTENTS" box on
    page 1, beside the abstract: "1. Introduction", "2. Description of Data Sets", ...): three
    blocks or more in a row on one page, a line or two each, each printing an outline entry whole,
    the entries in the outline's order, three of them at one level. Sections at one level stand
    over text of their own; a list of them does not. Its "Contents" label over it goes too.
    `later`: the entries are the layout's headings, each with its block index last; a block of
    the list prints one printed after it."""
    names: dict[str, list[tuple[int, int]]] = {}
    for k, entry in enumerate(toc):
        title = GLUED_NUMBER_STOP.sub(r"\1 ", SPACED_NUMBER_STOP.sub(r"\1 ", entry[1]))
        for key in {_norm(title), _norm(_split_heading_number(title)[1])}:
            if key:
                names.setdefault(key, []).append((k, entry[0]))
    found: set[int] = set()
    run: list[tuple[int, int, int]] = []  # (block index, entry index, level)

    def close() -> None:
        levels = Counter(level for *_, level in run)
        if len(run) >= 3 and levels and levels.most_common(1)[0][1] >= 3:
            found.update(i for i, *_ in run)
            # (the list runs on over the blocks right after it in its type, a line or few each: its
            # last entries, which no heading after it prints or which the page set in one block)
            last = blocks[run[-1][0]]
            for j in range(run[-1][0] + 1, min(len(blocks), run[-1][0] + 4)):
                if blocks[j].page != last.page or len(blocks[j].lines) > 4 or abs(blocks[j].size - last.size) > 0.3 or \
                        blocks[j].bold != last.bold or not HEADING_NUMBER.match(blocks[j].text.strip()):
                    break
                found.add(j)
            label = run[0][0] - 1
            if label >= 0 and blocks[label].page == blocks[run[0][0]].page and \
                    _norm(blocks[label].text) in ("contents", "tableofcontents"):
                found.add(label)

    for i, block in enumerate(blocks):
        hit = None
        if len(block.lines) <= 2:
            after = run[-1][1] if run and blocks[run[-1][0]].page == block.page and run[-1][0] == i - 1 else -1
            hit = next(((k, level) for k, level in names.get(_norm(block.text), [])
                        if k > after and (not later or toc[k][2] > i)), None)
        if hit is None or not (run and run[-1][0] == i - 1 and blocks[run[-1][0]].page == block.page and hit[0] > run[-1][1]):
            close()
            run = []
        if hit is not None:
            run.append((i, *hit))
    close()
    return found


SPACED_NUMBER_STOP = compile_later(r"^((?:\d{1,2}|[A-Z])(?:\.\d{1,2}){0,3}) \. ")
GLUED_NUMBER_STOP = compile_later(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.(?=[A-Z][a-z])")
# IEEEtran's bookmarks: "II Recurrent Neural Networks", "II-A Graph data", "VI-B-2 Setup" (no full stop).
IEEE_BOOKMARK = compile_later(r"^(?P<num>[IVX]{1,5}(?:-[A-Z](?:-\d{1,2})?)?)\s+(?P<title>\S.*)$")


def _lift_under_title(headings: dict[int, _Heading], toc: list, title: str, outline: dict[int, _Heading],
                      move: bool = True) -> None:
    """An outline entry that names the paper's title with every entry after it filed under it (a
    manuscript class's bookmarks: the title again over the first page of text, "Introduction" and
    "Methods" a level down; Springer's: the title over "Background" and "Methods") is the document,
    no section: its heading goes, and the entries under it move up to the level it held. (Headings
    the outline left out, "Publisher's Note" at the top level, or numbered "3.2.1" at the level its
    number gives, are no entries of it and stay.) (`move`: False where the levels were moved up before.)"""
    wanted = _norm(title)
    if len(wanted) < 12:
        return
    at = next((k for k, (_, name, *_) in enumerate(toc) if _norm(name) == wanted), None)
    if at is None or at + 1 >= len(toc):
        return
    level = toc[at][0]
    under = [entry[0] for entry in toc[at + 1:]]
    if min(under) <= level:
        return
    shift = min(under) - level
    for k in [k for k, h in headings.items() if h.number is None and _norm(h.title) == wanted]:
        headings.pop(k)
    for k, h in headings.items():
        if move and h.level > level and k in outline:
            h.level -= shift


def _bookmark_number(title: str) -> tuple[str, str] | None:
    """(number as printed, title) of an IEEEtran bookmark: its section's roman numeral ("II") or,
    for a subsection, the part after the last hyphen ("II-A" prints "A."); None for any other."""
    found = IEEE_BOOKMARK.match(title.strip())
    # (a lower-case title after a lone numeral reads as a sentence; after "VI-A" it is the title's:
    # "VI-A k-step prediction")
    if found is None or not _ROMAN_NUMERAL.match(found["num"].split("-")[0]) or \
            not (found["title"][:1].isupper() or "-" in found["num"]):
        return None
    return found["num"].split("-")[-1], _clean_title(found["title"])


def _rejoined(bookmark: str, printed: str) -> str | None:
    """A heading printed over two lines broken at a hyphen ("THE TRADITIONAL CLASSIFICATION PR-"), whose
    bookmark keeps the break ("The Traditional Classification Pr-oblem"): the bookmark's title without
    that hyphen. None when the printed heading is not so broken."""
    if not printed.rstrip().endswith("-"):
        return None
    _, name = _split_heading_number(bookmark)
    head = _norm(printed)
    if not head or not _norm(name).startswith(head):
        return None
    seen = 0
    for k, ch in enumerate(name):
        seen += bool(cached(r"[a-z0-9]").match(ch.lower()))
        if seen == len(head):
            return name[:k + 1] + name[k + 2:] if name[k + 1:k + 2] == "-" else None
    return None


BIOGRAPHIES = compile_later(r"^(?:author\s+)?biograph(?:y|ies)$", re.IGNORECASE)


# What LaTeX writes into a bookmark for a \ref it could not resolve yet.
BROKEN_BOOKMARK = compile_later(r"\?\?")


def _numbered_in_turn(title: str, previous: str | None, following: str | None = None) -> tuple[str | None, str]:
    """"B wevi: Word Embedding ..." after appendix A → ("B", "wevi: Word Embedding ..."): a letter or
    number before a lower-case word reads as an article ("A new method"), unless it is the one that
    follows the entry before at its level, or the first appendix's "A" that the `following` entry at
    its level ("B coalescedA kernel") follows in turn."""
    found = cached(r"^(?P<num>[A-Z]|\d{1,2})\s+(?P<title>\S.*)$").match(title.strip())
    if found is not None and found["num"] == "A" and following is not None and \
            cached(r"^B\s+\S").match(following.strip()):
        return "A", _clean_title(found["title"])
    if found is None or not previous:
        return None, _clean_title(title)
    last = previous.split(".")[0]
    after = str(int(last) + 1) if last.isdigit() else chr(ord(last[0]) + 1) if len(last) == 1 and last.isalpha() else None
    if found["num"] != after:
        return None, _clean_title(title)
    return found["num"], _clean_title(found["title"])


# ───────────────────────────── references ─────────────────────────────


def _entries_follow(blocks: list[Block], i: int) -> bool:
    """Whether the first text block after block i opens as a bibliography's entry does: a label
    ("[1]", "1. ", "[Smi03]") or an author's name and initials ("Smith, J.")."""
    after = next((b for b in blocks[i + 1:] if b.kind == "text"), None)
    if after is None:
        return False
    first = after.lines[0].text
    return bool(REFERENCE_START.match(first) or _label_number(first) is not None or _AUTHOR_ENTRY.match(first))


def _keep_reference_heading(headings: dict[int, _Heading], layout: dict[int, _Heading]) -> dict[int, _Heading]:
    """The bibliography's printed heading, added when the outline lacks it: hyperref bookmarks leave out
    the unnumbered heading of \\bibliography in most classes (NeurIPS, ICLR), and without it the entries
    would be read as the last section's paragraphs."""
    placed = [k for k, h in headings.items() if k >= 0 and REFERENCE_HEADINGS.match(h.title)]
    if placed:
        # The outline's only such heading may be a section of the body named like the list (a
        # Word paper's subsection "Reference", on artifacts used as references): a printed
        # "REFERENCES" after it, past another section's heading, is the bibliography's.
        later = {k: h for k, h in layout.items() if REFERENCE_HEADINGS.match(h.title) and k not in headings and
                 any(max(placed) < j < k and not REFERENCE_HEADINGS.match(o.title) for j, o in headings.items())}
        if not later:
            return headings
        return dict(sorted({**headings, **later}.items(), key=lambda item: (item[0] < 0, item[0])))
    if any(REFERENCE_HEADINGS.match(h.title) for h in headings.values()):
        return headings
    # Every one: a supplement may print a bibliography of its own after the appendix.
    printed = {k: h for k, h in layout.items() if REFERENCE_HEADINGS.match(h.title) and k not in headings}
    return dict(sorted({**headings, **printed}.items(), key=lambda item: (item[0] < 0, item[0])))


# An author's biography after an IEEE journal's references: "Pengkai Zhu is a PhD candidate in ...",
# "Paolo Frasconi (S '91) received the degree ...". The name may stand twice, once in bold before it.
# A title's wrapped line is none: "What is the best multi-stage architecture ...".
_BIOGRAPHY = compile_later(r"^(?!(?:What|Which|Who|How|Why|When|Where|The|This|That|There|It|A|An)\s)(?:[A-Z][\w.'’\-]*\s+){2,4}(?:\([^)]{1,20}\)\s+)?(?:received|is (?:a|an|currently|now|with|the)|was born|"
                        r"joined|has been)\b")
# A manuscript's history line: "Received November 2000, in final form September 2001", "Received
# 12 March 1998; revised 3 May 1999".
_HISTORY_LINE = compile_later(r"^\s*received:?\s+(?:(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+)?"
                              r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?\d{4}\b",
                              re.IGNORECASE)
# A label as a scan's text layer reads it: "[lo]" is [10], "[I31" is [13].
_OCR_DIGITS = str.maketrans("lIoO", "1100")


# How an author-year entry opens: a name, a rule standing for the authors before ("——."), or a quoted
# title (no authors).
_ENTRY_OPENING = compile_later(r"\s*(?:[A-ZÀ-ÖØ-ÞĀ-ſ]|(?:van|von|de|der|den|da|di|du|dos|del|la|le)\s+[A-Z]|[a-z]’[A-Z]|"
                            r"[—–_\-]{2}|[“\"]|"
                            # an author-year label in brackets (IJCAI): "[van den Oord et al., 2013]",
                            # its year in parentheses (ACM's natbib keys: "[Allodi and Massacci(2012b)]")
                            r"\[[^\]]{2,80}\b(?:19|20)\d{2}[a-z]?\)?\])")
YEAR_IN_TEXT = compile_later(r"\b(?:19|20)\d{2}[a-z]?\b")
_NUMBER_LABEL = compile_later(r"^\s*(?:\[(?P<bracket>[\dlIoO]{1,3})\]|\[(?P<scan>[\dlIoO]{1,2})[1lI](?=\s|[A-Z])|(?P<dot>\d{1,3})\.\s)")


def _label_number(text: str) -> int | None:
    """The number of a numbered entry's label ("[12]", "12."), None when the line opens without one."""
    found = _NUMBER_LABEL.match(text)
    if not found:
        return None
    digits = next(g for g in found.groups() if g).translate(_OCR_DIGITS)
    return int(digits) if digits.isdigit() else None


# An author-year entry's opening: "Ahn, S., and ...", "Ainsworth, E. A., P. Lemonnier ...".
_AUTHOR_ENTRY = compile_later(r"^\s*[A-ZÀ-Þ][^\s,]{1,30}(?: [A-ZÀ-Þ][^\s,]{1,30}){0,2},\s+(?:[A-ZÀ-Þ]\.\s?-?){1,3}")


def _unheaded_author_year(blocks: list[Block], start: int) -> int | None:
    """Where an author-year bibliography printed without a heading begins, after block `start` (the
    last heading): the first block opening with an entry ("Ahn, S., and S. D. Tanksley, 1993 ...")
    from which on to the end of the paper the lines at the margin open entries, eight or more, nearly
    all with a year, and the rest hang set in under them."""
    for i in range(start, len(blocks)):
        if blocks[i].kind != "text" or not _AUTHOR_ENTRY.match(blocks[i].lines[0].text):
            continue
        lines = [ln for b in blocks[i:] if b.kind == "text" for ln in b.lines]
        left: dict[tuple[int, int], float] = {}
        for ln in lines:
            left[(ln.page, ln.column)] = min(left.get((ln.page, ln.column), ln.x0), ln.x0)
        margin = [ln for ln in lines if ln.x0 - left[(ln.page, ln.column)] < 2.0]
        hung = sum(1 for ln in lines if 3.0 < ln.x0 - left[(ln.page, ln.column)] < 40.0)
        entries = [ln for ln in margin if _AUTHOR_ENTRY.match(ln.text)]
        dated = sum(1 for ln in entries if YEAR_IN_TEXT.search(ln.text))
        if len(entries) >= 8 and len(entries) >= 0.85 * len(margin) and dated >= 0.8 * len(entries) and \
                hung >= 0.3 * len(lines):
            return i
        return None  # (the first entry-like paragraph decides: a list opens there or nowhere)
    return None


def _unheaded_references(blocks: list[Block], least: int = 5, body: float | None = None) -> int | None:
    """Where a bibliography printed without a heading begins (revtex sets it after a rule): the last
    block opening with the label 1 after which the labels run on to at least `least` (5; fewer when
    the PDF's outline lists a bibliography that no printed heading opens), entries with years.
    With `body`, a short list of two or more entries is one too when it closes the paper in type
    smaller than the text's, its labels bracketed ("[1]", "[2]"), every text block after it an entry:
    revtex's short letters print four or so entries at the foot of the last page, no heading over them."""
    for i in range(len(blocks) - 1, -1, -1):
        if blocks[i].kind != "text":
            continue
        # (a heading set in the entries' small type, not read as a heading, may open the list's
        # block: Science's 6 pt "REFERENCES AND NOTES" over "1. B. Landau, ...": it goes, and the
        # list opens at the label under it)
        headed = len(blocks[i].lines) > 1 and REFERENCE_HEADINGS.match(blocks[i].lines[0].text.strip()) is not None and \
            _label_number(blocks[i].lines[1].text) == 1
        if _label_number(blocks[i].lines[0].text) != 1 and not headed:
            continue
        lines = [ln for b in blocks[i:i + 60] if b.kind == "text" for ln in b.lines][1 if headed else 0:]
        years = len(YEAR_IN_TEXT.findall(" ".join(ln.text for ln in lines[:20])))
        if _labels_after(lines, None) > least and years >= min(3, least):
            if headed:
                blocks[i].lines = blocks[i].lines[1:]
            return i
        if body is not None and _labels_after(lines, None) > 2 and years >= 2 and \
                blocks[i].size <= body - 0.5 and blocks[i].lines[0].text.lstrip().startswith("[1]") and \
                _closes_the_paper(blocks, i, body):
            return i
    return None


def _prose_paragraph(lines: list[Line]) -> bool:
    """Whether lines that follow numbered entries with no label of their own are a paragraph of
    running text rather than the rest of an entry broken at a column or page: five lines or more,
    two in three of them prose (an entry's rest is a line or three of names, titles and numbers; a
    magazine's appendix after its unheaded list, its heading set in the text's size and read into
    its first paragraph, is pages of prose)."""
    return len(lines) >= 5 and 3 * sum(1 for ln in lines if _is_prose(ln)) >= 2 * len(lines)


def _closes_the_paper(blocks: list[Block], i: int, body: float) -> bool:
    """Whether the list that block `i` opens stands at the foot of the paper's last page of text:
    every text block after it is on its page, and either in the list's smaller type or above the
    list's first line (the other column's text, read after the list's first half)."""
    page, top = blocks[i].page, blocks[i].lines[0].y0
    for b in blocks[i + 1:]:
        if b.kind != "text":
            continue
        if b.page != page or (b.lines[-1].y1 > top + 1 and b.size > body - 0.5):
            return False
    return True


def _labels_after(lines: list[Line], expected: int | None) -> int | None:
    """The label expected after `lines` when numbered entries run 1, 2, 3 through them (a few may
    be skipped, as a scan loses some)."""
    for ln in lines:
        number = _label_number(ln.text)
        if number is not None and (expected is None or expected <= number <= expected + 3):
            expected = number + 1
    return expected


def _across_after_columns(ref_lines: list[Line], blocks: list[Block], start: int) -> bool:
    """Whether the text of the page that block `start` opens, from there on, runs across the page
    while the reference lines so far stood in a column: most of its width is in lines half as wide
    again as the list's lines (nine in ten of them no wider)."""
    if len(ref_lines) < 10:
        return False
    widths = sorted(ln.x1 - ln.x0 for ln in ref_lines)
    column = widths[int(0.9 * (len(widths) - 1))]
    page = blocks[start].page
    rest = [ln.x1 - ln.x0 for b in itertools.takewhile(lambda b: b.page == page, blocks[start:])
            if b.kind == "text" for ln in b.lines]
    # (weighed by width: an equation's pieces are many short lines between a few across the page)
    return len(rest) >= 5 and sum(w for w in rest if w > 1.5 * column) > 0.5 * sum(rest)


_EMAIL = compile_later(r"[\w.}-]@[\w-]+\.[\w.]+")


def _byline_over_address(blocks: list[Block], i: int) -> bool:
    """Whether block `i`, one line, stands right over a line giving an e-mail address (the next
    block's first, in its column, a line's pitch below): the names of people over their address."""
    if len(blocks[i].lines) != 1 or i + 1 >= len(blocks) or not blocks[i + 1].lines:
        return False
    line, below = blocks[i].lines[0], blocks[i + 1].lines[0]
    return below.page == line.page and abs(below.x0 - line.x0) < 2 and -0.5 * line.height <= below.y0 - line.y1 < line.height and \
        _EMAIL.search(below.text) is not None


def _ends_references(block: Block, heading: _Heading | None, body: float, ref_head: Line | None = None) -> bool:
    """A block among the entries that is no entry but the heading of what follows them: a heading,
    a short bold block in large type, or one set as the references' own heading is (`ref_head`,
    `_in_reference_heading_type`)."""
    if heading is not None or _in_reference_heading_type(block, ref_head):
        return True
    first = block.lines[0]
    return len(block.lines) <= 3 and len(block.text) < 200 and first.size >= body * 1.08 and first.bold and \
        REFERENCE_START.match(first.text) is None


def _in_reference_heading_type(block: Block, ref_head: Line | None) -> bool:
    """Whether the block is a line of a few words in the type of the references' own heading
    (`ref_head`, its first line): IEEE's "ABOUT THE AUTHORS" in the 8 pt bold capitals of its
    "REFERENCES", smaller than the text, over the authors' biographies."""
    if ref_head is None or len(block.lines) != 1:
        return False
    first = block.lines[0]
    return first.bold and ref_head.bold and abs(first.size - ref_head.size) < 0.3 and first.face == ref_head.face and \
        _is_caps(first.text) == _is_caps(ref_head.text) and len(first.text.split()) <= 6 and \
        not any(ch.isdigit() or ch in ",.;:" for ch in first.text) and REFERENCE_START.match(first.text) is None


def _supplement_title_page(blocks: list[Block], i: int, title: str) -> bool:
    """Whether the block, among the entries, is the title of a supplement compiled on its own and
    bound after them: the paper's title printed again in bold, a few lines, first on its page but
    for lines in smaller type over it (a journal's "Submitted to ..." note). It may be set no larger
    than the text (AoAS: "SUPPLEMENTARY INFORMATION FOR “<TITLE>”" in 10.9 pt bold capitals over
    text of the same size), so `_ends_references`'s larger type does not find it."""
    block = blocks[i]
    if not block.bold or len(block.lines) > 4 or len(block.text) > 250 or not _repeats_title(block.text, title):
        return False
    j = i - 1
    while j >= 0 and blocks[j].page == block.page:
        if blocks[j].size >= 0.85 * block.size:
            return False
        j -= 1
    return True


# A bracketed key opening a line, of any letters and digits: "[H] The Honeynet Project", "[J105] ...".
_HANDMADE_KEY = compile_later(r"^\s*\[[A-Z][A-Za-z0-9+\-]{0,9}\]\s+\S")
# A label alone on its line piece: "12.", "[12]", "[ZIS16]".
_LONE_LABEL = compile_later(r"^\s*(?:\[[^\]\s]{1,20}\]|\d{1,3}\.?)\s*$")


def _labels_joined(lines: list[Line]) -> list[Line]:
    """Each entry's label set apart from its first line (PLOS: a bold "12." well left of the text) is
    a line of its own, and the reading order takes the labels as a narrow column before the entries:
    each goes back to the front of the line beside it."""
    lone = [ln for ln in lines if _LONE_LABEL.match(ln.text)]
    if not lone:
        return lines
    # (keys of names and years, "[Bayes1763]" and "[VanderPlas2014]", set flush left in a column as
    # wide as the widest of them: the entries' text stands past it, further from a short key)
    widest = max(ln.x1 - ln.x0 for ln in lone)
    taken: dict[int, Line] = {}  # id of an entry's first line -> its label
    for label in lone:
        base = label.base if label.base is not None else label.y1
        beside = [ln for ln in lines if ln.page == label.page and ln is not label and id(ln) not in taken and
                  0 <= ln.x0 - label.x1 and ln.x0 - label.x0 < widest + 3 * label.size and
                  abs((ln.base if ln.base is not None else ln.y1) - base) < 0.3 * label.size]
        if beside:
            taken[id(min(beside, key=lambda ln: ln.x0))] = label
    labels = {id(label) for label in taken.values()}
    return [replace(ln, text=f"{taken[id(ln)].text.strip()} {ln.text}", x0=taken[id(ln)].x0) if id(ln) in taken else ln
            for ln in lines if id(ln) not in labels]


def _overfull_lines_placed(lines: list[Line]) -> list[Line]:
    """A line that runs past its column into the gutter (a long URL in typewriter type) was read as one
    across the page, between the halves of both columns: on a page whose entries stand in two
    columns it goes back to the column it starts in, and the page's entries are read column by column."""
    out: list[Line] = []
    for _, group in itertools.groupby(lines, key=lambda ln: ln.page):
        page = list(group)
        starts = {c: min((ln.x0 for ln in page if ln.column == c), default=None) for c in (1, 2)}
        if None in starts.values() or all(ln.column for ln in page):
            out.extend(page)
            continue
        split = (starts[1] + starts[2]) / 2
        placed = [replace(ln, column=1 if ln.x0 < split else 2) if ln.column == 0 else ln for ln in page]
        out.extend(sorted(placed, key=lambda ln: ln.column))  # (stable: each column keeps its order)
    return out


_URL_IN_LINE = compile_later(r"https?://|www\.|doi:", re.IGNORECASE)
# A label raised and set close against the entry's first word (AIAA: a superscript "12" before "Nelson, R.,"),
# read as "12Nelson, R., ...".
# (or a bare number set apart in a column of its own before the entry, "1   T. Bayes (1763) ...": a
# Word list's labels, no bracket, no full stop)
_GLUED_LABEL = compile_later(r"^\s*(\d{1,3})(?:(?=[A-ZÀ-Þ][a-zß-ÿ])|\s+(?=[A-ZÀ-Þ][a-zß-ÿ]*[.,]?\s))")


def _glued_label(text: str) -> int | None:
    found = _GLUED_LABEL.match(text)
    return int(found.group(1)) if found else None


def _glued_labels(lines: list[Line]) -> bool:
    """Whether the entries open with raised labels set against their first words, running 1, 2, 3...
    (a few may be missing) through at least a sixth of the lines."""
    expected, run = None, 0
    for ln in lines:
        number = _glued_label(ln.text)
        if number is not None and (expected is None and number <= 2 or expected is not None and expected <= number <= expected + 3):
            expected, run = number + 1, run + 1
    return run >= max(3, len(lines) // 6)


def _note_before_entries_dropped(lines: list[Line], left: dict[tuple[int, int], float]) -> list[Line]:
    """A list whose entries hang may open with a note in prose under its heading (a template's
    instructions left in: several lines of sentences, none set in, no year), set apart from the first
    entry by a wider space: the note is no entry."""
    for n in range(2, min(8, len(lines) - 2)):
        ln, prev = lines[n], lines[n - 1]
        if ln.x0 - left[(ln.page, ln.column)] > 2.0 or prev.x0 - left[(prev.page, prev.column)] > 2.0:
            return lines  # a hanging line: the lines so far were an entry
        if ln.page == prev.page and ln.y0 - prev.y1 > 1.5 * ln.height:
            note = " ".join(x.text for x in lines[:n])
            if YEAR_IN_TEXT.search(note) or not note.rstrip().endswith(".") or \
                    not all(x.page == ln.page and x.column == ln.column for x in lines[:n]):
                return lines
            return lines[n:]
    return lines


def _hanging_list(lines: list[Line]) -> bool:
    """Whether a list's entries hang: a quarter of its lines or more set in from their column's
    margin, by less than 30 pt."""
    left: dict[tuple[int, int], float] = {}
    for ln in lines:
        left[(ln.page, ln.column)] = min(left.get((ln.page, ln.column), ln.x0), ln.x0)
    return sum(1 for ln in lines if 3.0 < ln.x0 - left[(ln.page, ln.column)] < 30.0) >= 0.25 * len(lines)


def _small_capitals(line: Line, size: float) -> bool:
    """Whether a line a little smaller than the list's type is its words in small capitals: capital
    letters only (two or more), at 0.7 of the list's size or more."""
    letters = [ch for ch in line.text if ch.isalpha()]
    return line.size >= 0.7 * size and len(letters) >= 2 and all(ch.isupper() for ch in letters)


# A rule typed as a row of underscores (a word processor's footnote separator, printed as text).
_TYPED_RULE = compile_later(r"_{10,}")


def _without_typed_rule_feet(lines: list[Line], size: float) -> list[Line]:
    """The list's lines less a rule typed as underscores across them and the note in smaller type
    under it on its page: a word processor's page foot (a licence, "© 2021 ... distributed under
    the terms of the Creative Commons Attribution License (http://...)"), which its URL kept among
    the entries, and the rule an entry of its own."""
    rules = [ln for ln in lines if _TYPED_RULE.fullmatch(ln.text.strip())]
    if not rules:
        return lines
    drop = {id(ln) for ln in rules}
    for rule in rules:
        drop.update(id(ln) for ln in lines if ln.page == rule.page and ln.y0 >= rule.y1 - 1 and
                    ln.size <= size - 0.8 and ln.x0 < rule.x1 and ln.x1 > rule.x0)
    return [ln for ln in lines if id(ln) not in drop]


# The widest hanging indent of a list's later lines: half an inch and a little (Word's default
# hanging indent, AASTeX's preprint style: 35 pt under 12 pt type), wider than the 30 pt of a
# typeset journal's.
_HANG_LIMIT = 37.0


def _hangs(lines: list[Line], left: dict[tuple[int, int], float], limit: float) -> bool:
    """Whether a list without labels hangs its entries, its later lines set in from the column's
    margin by more than 3 pt and less than `limit`."""
    # A hanging indent (every line after an entry's first set in a little): a line at the margin opens
    # an entry whatever the line before ends with ("[PubMed: 3192766]", a URL).
    if sum(1 for ln in lines if 3.0 < ln.x0 - left[(ln.page, ln.column)] < limit) >= 0.25 * len(lines):
        return True
    # Short entries, most of one line each (an astronomy journal's "Aleo P. D., et al., 2023, ApJS,
    # 266, 9"), leave few lines set in, but each of those is the wrap of a full line above it: an
    # entry's second line, so the list hangs its entries all the same. (A list that indents its
    # entries' first lines sets them in under the short last line of the entry before.)
    right: dict[tuple[int, int], float] = {}
    for ln in lines:
        right[(ln.page, ln.column)] = max(right.get((ln.page, ln.column), ln.x1), ln.x1)
    # (a justified line read as pieces, word by word: a piece beside the one before is no line under it)
    set_in = [(a, b) for a, b in zip(lines, lines[1:]) if 3.0 < b.x0 - left[(b.page, b.column)] < limit and
              not (a.page == b.page and b.y0 < a.y1 - 0.5 * a.height)]
    wraps = sum(1 for a, b in set_in if a.page == b.page and a.column == b.column and
                a.x1 >= right[(a.page, a.column)] - 4 * a.size)
    return len(set_in) >= 3 and wraps >= 0.8 * len(set_in)


def _set_in_columns(lines: list[Line], left: dict[tuple[int, int], float], limit: float) -> None:
    """A column of a hanging list whose lines all start at one edge, the very edge where the same
    column of another page of the list sets in its entries' later lines, holds only the end of an
    entry carried over (ACL: the last entry's "In Proceedings of the 2020 Conference ..." alone atop
    the right column, 11 pt in from that column's margin): its margin is the other page's, so its
    lines go on the entry. Where the pages have another column of the list each, it starts at one
    edge on both: they share their layout."""
    edges: dict[tuple[int, int], set[int]] = {}
    for ln in lines:
        edges.setdefault((ln.page, ln.column), set()).add(round(ln.x0))
    for (page, column), x in list(left.items()):
        if len(edges[(page, column)]) != 1 and max(edges[(page, column)]) - min(edges[(page, column)]) > 3:
            continue  # (its own lines start at two edges: its margin is its own)
        for (other, same), margin in left.items():
            if same != column or other == page or not 3.0 < x - margin < limit or \
                    not any(abs(e - x) <= 1 for e in edges[(other, same)]):
                continue
            shared = [c for (p, c) in left if p == page and c != column and (other, c) in left]
            if all(abs(left[(page, c)] - left[(other, c)]) < 1.0 for c in shared):
                left[(page, column)] = margin
                break


def _split_references(lines: list[Line], words: Counter | None = None) -> list[str]:
    if not lines:
        return []
    lines = _overfull_lines_placed(_labels_joined(lines))
    for k, ln in enumerate(lines):
        if k >= len(lines) // 2 and _HISTORY_LINE.match(ln.text):
            # The paper's history under the list ("Received November 2000, in final form September
            # 2001": a statistics journal's), the authors' addresses after it: no entries.
            lines = lines[:k]
            break
        if k >= len(lines) // 2 and _BIOGRAPHY.match(ln.text) and not REFERENCE_START.match(ln.text):
            # Everything from the first biography on is not bibliography; a bold name line right before
            # it (the biography's own heading) goes too.
            lines = lines[:k - 1] if lines[k - 1].text.strip() in ln.text[:len(lines[k - 1].text) + 1] else lines[:k]
            break
    # A line in smaller type among the entries is a table's or figure's text the page set beside them;
    # lines in larger type after the last entry are a caption's text set under its label (an author
    # manuscript's figures on pages of their own after the references).
    # (Weighted by the lines' letters: a figure's many short labels on a page of the list, "Koch C", are
    # no more of its text than the few entries beside them.)
    size = statistics.median_low([ln.size for ln in lines for _ in range(max(1, len(ln.text) // 8))])
    lines = _without_typed_rule_feet(lines, size)
    if not lines:
        return []
    last = max(k for k, ln in enumerate(lines) if abs(ln.size - size) < 0.8)
    # (A URL in typewriter type makes its line smaller: "London, 2007. URL http://www.cs.rhul.ac.uk/".)
    # (Nor are names set in small capitals, "LAN, S." or "[27] ORACLE.COM.", a line of them alone
    # measured at the small capitals' size, among the entries: a journal's "RECEIVED OCTOBER 1997"
    # after the last is none.)
    lines = [ln for k, ln in enumerate(lines) if (ln.size > size - 0.8 or _URL_IN_LINE.search(ln.text) or
                                                 k < last and _small_capitals(ln, size)) and
             (k <= last or ln.size < size + 0.8)]
    entries: list[list[str]] = []
    numeric = sum(1 for ln in lines if REFERENCE_START.match(ln.text) or _label_number(ln.text) is not None) >= \
        max(2, len(lines) // 6)
    glued = not numeric and _glued_labels(lines)
    numeric = numeric or glued
    left: dict[tuple[int, int], float] = {}
    for ln in lines:
        key = (ln.page, ln.column)
        left[key] = min(left.get(key, ln.x0), ln.x0)
    prev: Line | None = None
    expected = None  # the label the next entry should carry
    labelled = False  # a labelled entry has been seen
    # The usual baseline-to-baseline step inside the list: a wider one parts two entries. (Boxes
    # mislead here: a URL in typewriter type has a lower box than the line above it.)
    steps = [b.base - a.base for a, b in zip(lines, lines[1:]) if a.base is not None and b.base is not None and
             a.page == b.page and a.column == b.column and 0 < b.base - a.base < 2.5 * a.size]
    step = statistics.median(steps) if len(steps) >= 5 else None
    # Entries set flush left, without a hanging indent, with space between them (AAAI): a line at
    # the margin opening with a capital ("In AAAI, ...", "The MIT Press.") is no new entry there;
    # only the space is.
    flush = sum(1 for ln in lines if ln.x0 - left[(ln.page, ln.column)] < 2.0) >= 0.9 * len(lines) and step is not None and \
        sum(1 for a, b in zip(lines, lines[1:]) if a.base is not None and b.base is not None and a.page == b.page and
            a.column == b.column and step * 1.15 < b.base - a.base < 2.5 * a.size) >= max(3, len(lines) // 8)
    # Whether the list hangs its entries (`_hangs`). (Not in a numbered list whose first labels a scan
    # lost: there the labels made the indent.) An indent up to half an inch only where none hangs by
    # 30 pt or less: such a list is read as before.
    hanging, limit = False, 30.0
    if not numeric:
        hanging = _hangs(lines, left, 30.0)
        if not hanging and _hangs(lines, left, _HANG_LIMIT):
            hanging, limit = True, _HANG_LIMIT
    # A column of the list with no line set in at all, though the list hangs its entries, may be the
    # middle of one long entry (hundreds of authors filling a column): there its margin is the indent,
    # and only a line after one that ends an entry opens a new one.
    if hanging:
        _set_in_columns(lines, left, limit)
        lines = _note_before_entries_dropped(lines, left)
    indented = {(ln.page, ln.column) for ln in lines if 3.0 < ln.x0 - left[(ln.page, ln.column)] < limit}
    flat = {key for key in left if key not in indented and sum(1 for ln in lines if (ln.page, ln.column) == key) >= 4}
    bracketed = None  # whether the list's labels are set in brackets ("[12]"), told by its first one
    for ln in lines:
        number = _glued_label(ln.text) if glued else _label_number(ln.text)
        bare = False
        if number is not None and not glued:
            # A list labelled "[12]" has no label "26.": that is a wrapped line that opens with a number
            # ("26. 2019." ending a date cut at "Accessed: 2019-11-").
            in_brackets = ln.text.lstrip().startswith("[")
            bracketed = in_brackets if bracketed is None else bracketed
            bare = bracketed and not in_brackets
        labelled = labelled or number is not None or bool(REFERENCE_START.match(ln.text))
        if numeric and labelled:
            # Labels run 1, 2, 3...: "317. Springer, 2020." wrapped from the entry before is no label.
            # A few may be lost (a scan), so a small step ahead is still a new entry.
            if bare:
                start = False
            elif number is None:
                start = bool(REFERENCE_START.match(ln.text))  # alpha labels, "[ZIS16]"
                # A key of the author's own making ("[H]", "[J105]", "[M311]": a Word paper's labels
                # typed by hand) at the margin of a column whose entries hang their later lines: the
                # label of a new entry all the same.
                start = start or (ln.page, ln.column) in indented and ln.x0 - left[(ln.page, ln.column)] < 2.0 and \
                    _HANDMADE_KEY.match(ln.text) is not None
                # So is one at the margin of a list that parts its entries by space, where the
                # line stands a wider step below the one before than the lines of an entry do ("[ORM9]"
                # and "[IBG8]" among "[ORM10]" and "[BE03]": keys of a name and a version).
                start = start or step is not None and ln.x0 - left[(ln.page, ln.column)] < 2.0 and \
                    _HANDMADE_KEY.match(ln.text) is not None and prev is not None and prev.page == ln.page and \
                    prev.column == ln.column and ln.base is not None and prev.base is not None and \
                    ln.base - prev.base > step * 1.15
            else:
                start = expected is None or expected <= number <= expected + 3
                expected = number + 1 if start else expected
        else:  # author-year, or the first entries of a numbered list whose labels a scan lost
            at_margin = ln.x0 - left[(ln.page, ln.column)] < 2.0
            gap = prev is not None and prev.page == ln.page and ln.y0 - prev.y1 > ln.height * 0.45
            if gap and step is not None and prev.base is not None and ln.base is not None and \
                    ln.base - prev.base <= step * 1.15:
                gap = False  # the boxes' gap is the type's (a URL's low box), not space between entries
            start = at_margin or gap or prev is None
            if flush and prev is not None and prev.page == ln.page and prev.column == ln.column:
                start = ln.base - prev.base > step * 1.15 if ln.base is not None and prev.base is not None else gap
            elif at_margin and prev is not None and not prev.text.rstrip().endswith(".") and not gap and \
                    (not hanging or (ln.page, ln.column) in flat):
                start = False  # a wrapped line that happens to sit at the margin
            if start and prev is not None and not gap and not _ENTRY_OPENING.match(ln.text) and \
                    not (at_margin and (ln.page, ln.column) in indented):
                # "2019. In Proceedings ...", "pages 1–9.": an entry opens with a name. (Where the
                # column's entries hang, the margin tells: ACM's entries without authors open with
                # their year at the margin, "2018. Caffe. (2018). http://caffe.berkeleyvision.org/".)
                start = False
        text = ln.text
        if glued and start and number is not None:
            text = _GLUED_LABEL.sub(lambda found: f"[{found[1]}] ", text, count=1)  # the label as a label
        if start or not entries:
            entries.append([text])
        else:
            entries[-1].append(text)
        prev = ln
    return [text for e in entries if (text := _join_lines(e, words))]


# ───────────────────────────── front matter ─────────────────────────────


# (NIH author manuscripts: "NIH Public Access" in large type over "Author Manuscript", "Published in
# final edited form as:" and the journal's reference, all above the title; the Journal of Statistical
# Software: its name in large script over "August 2014, Volume 59, Issue 10."; Elsevier's address of the
# journal on a line of its own, "www.elsevier.com/locate/acha", without "journal homepage:")
MASTHEAD = compile_later(r"journal homepage|contents lists available at|^author manuscript\b|elsevier\.com/locate/|"
                      r"^published in final edited form as|\bvolume\s+\d+,?\s+issue\s+\d+|"
                      # (JOT: "Vol. 4, No. 2, March - April 2005" under its name in 30 pt)
                      r"\bvol\.\s*\d+,\s+no\.\s*\d+,\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE)


COVER_SHEET = compile_later(r"^see discussions, stats,? and author profiles for this publication|"
                            r"^all content following this page was uploaded by|"
                            # (a publisher's download cover: AIP's "View Table of Contents: ..." and
                            # "Articles you may be interested in" over a list of related papers)
                            r"^view table of contents:|^articles you may be interested in$|"
                            # (a publisher's download sheet: Taylor & Francis's "To cite this article:",
                            # "To link to this article:", "Full Terms & Conditions of access and use
                            # can be found at ..."; Elsevier's journal pre-proof, which says so: "This
                            # is a PDF file of an article that has undergone enhancements after
                            # acceptance, such as the addition of a cover page")
                            r"^to cite this article:|^to link to this article:|"
                            r"^full terms & conditions of access and use can be found|"
                            r"^this is a pdf file of an article that has undergone enhancements|"
                            # (an archive's or a repository's record sheet, its fields labelled:
                            # JSTOR's "Stable URL: https://www.jstor.org/stable/...", an institutional
                            # repository's "Persistent URL: http://hdl.handle.net/..." and its "The
                            # MIT Faculty has made this article openly available.")
                            r"^(?:stable|persistent)\s+url:\s*\S|"
                            r"^the .{1,40} has made this article openly available|"
                            # (a HighWire journal's download cover, SAGE's: "The online version of this
                            # article can be found at: ...", "Additional services and information for
                            # Educational Researcher can be found at:")
                            r"^the online version of this article can be found at:|"
                            r"^additional services and information for .{1,80} can be found at:", re.IGNORECASE)
# An institutional repository's cover sheet (EPrints: "Copyright © and Moral Rights for the papers on
# this site are retained by the individual authors and/or other copyright owners"), read across its
# lines: a page of a few lines that says it (a paper's own page of text has many more). QUT's ePrints
# sheet: "This is the author's version of a work that was submitted/accepted for publication in the
# following source:", the citation, "This file was downloaded from: ...", and "Notice: Changes
# introduced as a result of publishing processes such as copy-editing and formatting may not be
# reflected in this document".
REPOSITORY_SHEET = compile_later(r"moral rights for the papers on this site are retained|"
                                 r"this is the author['’]s version of a work that was (?:submitted|accepted)|"
                                 r"changes introduced as a result of publishing processes such as copy-?\s?editing",
                                 re.IGNORECASE)


def _cover_sheet(lines: list[Line]) -> bool:
    """Whether page 1 is a repository's cover sheet set before the paper (ResearchGate's: "See
    discussions, stats, and author profiles for this publication at: ..." at its head, "All content
    following this page was uploaded by ..." at its foot)."""
    if any(COVER_SHEET.match(ln.text) for ln in lines):
        return True
    if 3 <= len(lines) < 30:
        # A proceedings volume's cover before the paper (USENIX: "Proceedings of" / "FAST '03:" /
        # "2nd USENIX Conference on File and Storage Technologies" in 24 pt, the place and dates,
        # the association's notice): a page of a few lines whose largest type opens naming the
        # volume, no article.
        biggest = max(ln.size for ln in lines)
        top = min((ln for ln in lines if ln.size > biggest - 0.6 and any(ch.isalpha() for ch in ln.text)),
                  key=lambda ln: ln.y0, default=None)
        rest = [ln.size for ln in lines if ln.size <= biggest - 0.6]
        if top is not None and rest and biggest >= 1.3 * statistics.median(rest) and \
                cached(r"^proceedings\s+of\b", re.IGNORECASE).match(top.text.strip()):
            return True
    return len(lines) < 45 and REPOSITORY_SHEET.search(" ".join(" ".join(ln.text.split()) for ln in lines)) is not None


# A line that only names the document's kind ("Technical Report", "Extended version", "Preprint").
DOCUMENT_KIND = compile_later(r"^[(\[]?(?:an?\s+)?(?:tech(?:nical)?\.?\s+report|extended\s+(?:version|abstract)|"
                              r"full\s+version|long\s+version|preprint|draft|working\s+paper|white\s?paper)[)\]]?\.?$",
                              re.IGNORECASE)
# A line that only dates the document or names its revision ("Revision 3, June 5, 2009", "Version
# 1.2", "November 2003"), set smaller under the title: no subtitle either.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DOCUMENT_DATE = compile_later(rf"^(?:(?:revision|rev\.|version|draft|release)\s+\d+(?:\.\d+)*[a-z]?"
                              rf"(?:\s*[,;:–—-]?\s*(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?\d{{4}})?|"
                              rf"(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?\d{{4}})\.?$", re.IGNORECASE)


# A labelled field of an archive's record sheet, set under the title in its type (JSTOR's cover:
# "Author(s): ...", "Source: ...", "Published by: ...", "Stable URL: ..."): no line of the title.
RECORD_FIELD = compile_later(r"^(?:author\(s\)|source|published\s+by|stable\s+url|persistent\s+url|"
                             r"as\s+published|citation):\s", re.IGNORECASE)


_BYLINE_WORD = compile_later(r"^\s*by:?\s*$", re.IGNORECASE)


def _front_matter(first_page: list[Line], body: float, stop_y: float,
                  words: Counter | None = None, page_width: float | None = None) -> tuple[str, list[str]]:
    """Title (largest type in the top part of page 1) and author names below it."""
    # (a lone "by" over the names, a scan's OCR reading it a size larger than the title's capitals
    # over it, is the byline's word, no title: SIGFIDET 1974's "by" over "Donald D. Chamberlin")
    lettered = [ln for ln in first_page if sum(ch.isalpha() for ch in ln.text) >= 2 and not _BYLINE_WORD.match(ln.text)]
    lettered = _without_backdrop(lettered)
    # A journal's masthead (Elsevier: "Contents lists available at ScienceDirect", the journal's name
    # in large type, "journal homepage: ..."; an NIH author manuscript's banner; a journal's name over
    # its volume and issue) stands above the title: the title is looked for under it.
    masthead = max((ln.y1 for ln in lettered if MASTHEAD.search(ln.text) and ln.y1 < stop_y), default=None)
    under = [ln for ln in lettered if masthead is not None and ln.y0 > masthead]
    if any(ln.size >= body * 1.15 and ln.y0 < stop_y for ln in under):  # (a title is left under it)
        lettered = under
    elif masthead is not None and (lead := _bold_lead_under(under, body, stop_y, words)):
        # (no large type under it: the title is its first line, in bold of the text's size, over
        # smaller type: JIPAM's "LOWER BOUNDS FOR THE SPECTRAL NORM" in 12 pt bold under the journal's
        # name in 14.5 pt and "Volume 6, Issue 4, Article 124, 2005", over the names in 10 pt)
        return lead, []
    candidates = [ln for ln in lettered if ln.y0 < stop_y]
    if not candidates:
        return "", []
    candidates = _without_kind_banner(_without_column_label(_without_journal_name(candidates, body), body), body)
    # (`ln in candidates` with the dataclass's field-by-field comparison only where a text is one of theirs)
    kept_ids, kept_texts = {id(ln) for ln in candidates}, {ln.text for ln in candidates}
    lettered = [ln for ln in lettered if id(ln) in kept_ids or (ln.text in kept_texts and ln in candidates) or
                ln.y0 >= stop_y]
    biggest = max(ln.size for ln in candidates)
    if biggest < body * 1.15:
        return "", []
    title_lines = [ln for ln in candidates if abs(ln.size - biggest) < 0.6]
    title_lines.sort(key=lambda ln: ln.y0)
    # Keep the first contiguous run of the biggest lines; a long title may run on below the point
    # where the front matter was thought to end (half the page when page 1 has no heading).
    # (a title's row may come in pieces: justified with wide word spaces, ICLR's small-capitals
    # "EMERDIFF:" "EMERGING" "PIXEL-LEVEL SEMANTIC", or a scan's words read apart: the pieces on
    # the row in its size and weight, each near the one beside it, are the title's)
    run = _row_pieces(title_lines[0], lettered, biggest)
    for ln in sorted((ln for ln in lettered if abs(ln.size - biggest) < 0.6 and ln.y0 > run[0].y0),
                     key=lambda ln: ln.y0):
        if any(ln is r for r in run):
            continue
        if RECORD_FIELD.match(ln.text):
            break  # (a record sheet's labelled field under the title: "Author(s): ...", "Source: ...")
        # (the boxes' gap, and the baselines' step too: a font's declared box, as a reprint through
        # cairo writes it, reaches further down and up than its letters, closing the boxes' gap
        # between the title and the names under it while their baselines stand as far apart)
        # (A title's own lines may be set double-spaced, a Word report's "Sequential Minimal
        # Optimization:" 2.2 sizes over "A Fast Algorithm for ...": a line in the same bold face,
        # italic or upright alike and of one family, no names, is the title's up to 2.6 sizes
        # down, its box up to 1.5 sizes off (reprinted through cairo in a stand-in face, read at
        # 12.5 pt: 2.5 sizes, boxes 1.2 sizes apart); names so far under a title are set in a face
        # of their own, ICASSP's italic under its bold, and so are a cover page's labelled fields
        # in roman.)
        same = ln.bold and run[-1].bold and ln.italic == run[-1].italic and ln.face == run[-1].face != "" and \
            len(_author_names(ln)) < 2
        if ln.y0 - run[-1].y1 < (1.5 if same else 1) * biggest and (
                ln.base is None or run[-1].base is None or ln.base - run[-1].base < (2.6 if same else 2) * biggest) or \
                _wrapped_on(run[-1], ln, page_width) or same and _wraps_full_measure(run[-1], ln, lettered):
            run.extend(_row_pieces(ln, lettered, biggest))
        else:
            break
    run = _title_run(run, lettered, body)
    subtitle = _subtitle_apart(run, lettered, body)
    if subtitle is not None:
        run = run + [subtitle]
    if len(run) > 1 and run[-1].size < biggest - 1.5 and (DOCUMENT_KIND.match(run[-1].text.strip()) or
                                                          DOCUMENT_DATE.match(run[-1].text.strip())):
        # (a line under the title, set smaller, that only names the document's kind, "Tech report"
        # under "Deformable Part Models are Convolutional Neural Networks", is no subtitle)
        run = run[:-1]
    title = _join_lines([ln.text for ln in run], words)
    if len(run) > 1 and run[-1].size < biggest - 1.5 and run[-2].size >= biggest - 0.6 and \
            not run[-2].text.rstrip().endswith((":", "-", "—", ",")):
        # A subtitle set a size smaller under the title: "Survey on ... of music" / "Historical overview"
        title = _join_lines([ln.text for ln in run[:-1]], words) + ": " + run[-1].text.strip()
    elif len(run) > 1 and all(ln.bold for ln in run[:-1]) and _roman_subtitle(run[-2], run[-1]):
        # A subtitle in the title's size set in roman under its bold lines (USENIX 2009: "Object
        # Storage on CRAQ" in 17 pt bold over "High-throughput chain replication for read-mostly
        # workloads" in 17 pt roman)
        title = _join_lines([ln.text for ln in run[:-1]], words) + ": " + run[-1].text.strip()
    title = _ocr_words_rejoined(_capitals_rejoined(title, words), run, words)
    mark = _title_note_call(run)
    if mark and title.endswith(mark) and len(title) > len(mark):
        title = title[:-len(mark)].rstrip()
    beside = _title_beside(run, lettered, body)
    if beside:
        title = title + ": " + _join_lines([ln.text for ln in beside], words)
    authors: list[str] = []
    below = sorted((ln for ln in candidates if ln.y0 > run[-1].y1 - 1), key=lambda ln: (ln.y0, ln.x0))
    for ln in below[:8]:
        if AFFILIATION.search(ln.text) or ADDRESS.search(ln.text):
            continue
        for name in _author_names(ln):
            if name not in authors:
                authors.append(name)
        if authors and len(below) and ln is not below[0] and not _author_names(ln):
            break
    return title, authors


def _pale(color: int) -> bool:
    """Whether an sRGB colour is a pale tint, near the paper's white: every channel 0xC0 or more."""
    return min((color >> 16) & 255, (color >> 8) & 255, color & 255) >= 0xC0


def _without_backdrop(lines: list[Line]) -> list[Line]:
    """The lines less those printed as a backdrop: a pale tint with a line in dark ink printed over
    its box (;login:'s department name, "SECURITY" in 150 pt light grey behind the 24 pt title): a
    decoration, never the title, however large."""
    if not any(_pale(ln.color) for ln in lines):
        return lines
    inked = [ln for ln in lines if not _pale(ln.color)]
    return [ln for ln in lines if not _pale(ln.color) or not any(
        o.x0 < ln.x1 and ln.x0 < o.x1 and o.y0 < ln.y1 and ln.y0 < o.y1 and o.size < ln.size for o in inked)]


def _front_lines(lines: list[Line], furniture: set[int], body: float, pages: list[list[Line]] | None = None,
                 head: bool = False) -> list[Line]:
    """Page 1's lines less its furniture, where the title is looked for. A line in large type taken
    for a running head is the title's when a line in its size and face, no furniture, stands right
    under or over it: a running head is a line alone (Cell Press's The Innovation prints the title
    at the head of a graphical abstract's page and again at the head of the article's page: its
    first line, the outermost, read as repeated at that height, its second line kept). So is one
    that the paper's other `pages` print again on page 2 alone, in its size (a report's cover page
    over the paper's own first page, both headed by the title in 16 pt bold: a running head goes on
    to the later pages). With `head`, asked when page 1 shows no title otherwise: a line of page 1's
    head set larger than the text, printed smaller wherever it repeats (a Word paper's title in its
    page header, 14 pt on page 1 and 10 pt on the others, every page's head)."""
    if not any(id(ln) in furniture for ln in lines):
        return lines
    kept = [ln for ln in lines if id(ln) not in furniture]
    large = [ln for ln in kept if ln.size >= 1.5 * body]
    back = {id(ln) for ln in lines if id(ln) in furniture and ln.size >= 1.5 * body and len(ln.text.split()) >= 2 and any(
        abs(o.size - ln.size) < 0.3 and o.bold == ln.bold and o.italic == ln.italic and o.face == ln.face and
        o.x0 < ln.x1 and ln.x0 < o.x1 and (-0.3 * ln.size < o.y0 - ln.y1 < 0.6 * ln.size or -0.3 * ln.size < ln.y0 - o.y1 < 0.6 * ln.size)
        for o in large)}
    if pages is not None and len(pages) >= 4:
        for ln in lines:
            if id(ln) not in furniture or id(ln) in back or len(ln.text.split()) < 2 or \
                    ln.size < (1.15 if head else 1.5) * body:
                continue
            key = _mask(ln.text)
            again = [(k, o) for k, page in enumerate(pages[1:], 1) for o in page if _mask(o.text) == key]
            if not again:
                continue
            if head and all(o.size < ln.size - 1.0 for _, o in again) or \
                    ln.size >= 1.5 * body and all(k == 1 and abs(o.size - ln.size) < 0.3 for k, o in again):
                back.add(id(ln))
    return [ln for ln in lines if id(ln) not in furniture or id(ln) in back] if back else kept


def _title_key(text: str) -> str:
    return " ".join(cached(r"[\W_]+").sub(" ", text.lower()).split())


def _without_label_line(title: str, known: str, lines: list[Line]) -> str:
    """The title less a line over it in its type that the document's own record leaves out: a
    journal's section name set as large as the title (Science in Context's "Classical Text in
    Translation" in 15.9 pt over "An Example of Statistical Investigation of the Text ..."), where
    the PDF's metadata names the title as the lines under it. The line is one printed on the page
    by itself, of two words or more (a one-word name over its subtitle, "BBR", is the title's)."""
    if not known or JUNK_TITLE.match(known) or len(known.split()) < 3:
        return title
    have, want = _title_key(title), _title_key(known)
    if have == want or not have.endswith(" " + want):
        return title
    prefix = have[:-len(want) - 1]
    if len(prefix.split()) < 2 or not any(_title_key(ln.text) == prefix for ln in lines):
        return title
    # (the title's own words after the prefix's, as printed: its case and punctuation kept)
    tokens = title.split()
    return next((" ".join(tokens[i:]) for i in range(1, len(tokens)) if _title_key(" ".join(tokens[i:])) == want), title)


def _title_note_call(run: list[Line]) -> str:
    """A note's mark raised after the title's last word, set in type too large for a footnote call
    (the Institute of Mathematical Statistics' "Flight AF 447" + "1" in 20.7 pt after 24.8 pt
    words: a script size of a large size is more than 0.8 of it): the last piece of the last line,
    one or two digits or a mark, touching the word before it, the line's box reaching higher over
    its baseline than the title's other lines do."""
    last = run[-1]
    if last.scripts < 1 or len(last.spans) < 2 or len(run) < 2 or last.base is None:
        return ""
    mark, before = last.spans[-1], last.spans[-2]
    text = mark[2].strip()
    if not cached(r"\d{1,2}|[∗*†‡§¶]").fullmatch(text) or not -0.05 * last.size < mark[0] - before[1] < 0.1 * last.size:
        return ""
    others = [ln for ln in run[:-1] if ln.base is not None and abs(ln.size - last.size) < 0.6]
    if not others or (last.base - last.y0) - max(ln.base - ln.y0 for ln in others) <= 0.15 * last.size:
        return ""
    return text


def _title_beside(run: list[Line], lines: list[Line], body: float) -> list[Line]:
    """The lines of a subtitle set beside a title of one line in display type, right after its last
    letter and within its height (ACM Queue: "BBR" in 104 pt, "Congestion-Based" over "Congestion
    Control" in 20 pt to its right): one to three lines, each at least 1.5 times the text's size and
    well under the title's, flush left with one another, a line's step apart."""
    if len(run) != 1 or not run[0].spans:
        return []
    big = run[0]
    end = max(span[1] for span in big.spans)
    near = sorted((ln for ln in lines if ln is not big and 1.5 * body <= ln.size < 0.5 * big.size and
                   0 <= ln.x0 - end < 0.3 * big.size and ln.y0 >= big.y0 and ln.y1 <= big.y1), key=lambda ln: ln.y0)
    if not near or len(near) > 3 or any(abs(ln.x0 - near[0].x0) > 1 or abs(ln.size - near[0].size) > 0.3 for ln in near) or \
            any(not 0 < b.y0 - a.y0 < 1.6 * a.size for a, b in zip(near, near[1:])):
        return []
    return near


def _title_lower_down(lines: list[Line], body: float, words: Counter | None,
                      page_width: float | None) -> tuple[str, list[str]]:
    """The title of an article that starts part way down page 1, under the end of the one before it
    (Science's "Reducing the Dimensionality of Data with Neural Networks" in 22 pt under the last
    column of another report's references, over its own opening with a drop cap): the front matter
    under the page's largest line of several words, set at least 1.8 times the text's size, when
    nothing above the first heading is large enough to be a title."""
    if not lines or max((ln.size for ln in lines if len(ln.text.split()) >= 2), default=0) < 1.8 * body:
        return "", []
    return _front_matter(lines, body, max(ln.y1 for ln in lines) + 1, words, page_width)


def _subtitle_apart(run: list[Line], lines: list[Line], body: float) -> Line | None:
    """A subtitle set a line apart under the title in smaller type, no bold (sig-alternate's
    \\subtitle: "A Real-time Analytical Data Store" in 14 pt under "Druid" in 18 pt bold, a size
    further down than `_title_run` reaches): one line centred under the title, between two thirds
    and most of its size and well over the text's, in words that name no one and end no sentence,
    over lines smaller still (the names)."""
    biggest = max(ln.size for ln in run)
    left, right = min(ln.x0 for ln in run), max(ln.x1 for ln in run)
    # (a line set tight under it may reach into its box, a face's tall box: its baseline a line's
    # step under the title's tells it)
    under = sorted((ln for ln in lines if (ln.y0 > run[-1].y1 - 1 or ln.y0 > run[-1].y0 and ln.base is not None and
                                           run[-1].base is not None and ln.base - run[-1].base > 0.6 * biggest) and
                    ln.x0 < right and ln.x1 > left and all(ln is not r for r in run)), key=lambda ln: (ln.y0, ln.x0))
    if not under:
        return None
    ln = under[0]
    text = ln.text.strip()
    after = [other for other in under[1:] if other.y0 > ln.y1 - 1]
    # (or one in the title's own bold face, set tight under it and flush with it: ;login:'s 16 pt
    # "Design to Deployment at Google" under its 24 pt "BeyondCorp", both in Sentinel Semibold)
    tight = ln.bold and run[-1].bold and ln.face == run[-1].face != "" and ln.italic == run[-1].italic and \
        ln.y0 - run[-1].y1 < 0.5 * biggest and abs(ln.x0 - left) < 1
    if not (ln.y0 - run[-1].y1 < 1.5 * biggest and 0.65 * biggest <= ln.size <= biggest - 1.5 and
            ln.size >= body * 1.3 and (not ln.bold or tight) and len(text.split()) >= 2 and text[:1].isupper() and
            not text.endswith((".", ",", ";")) and (abs((ln.x0 + ln.x1) - (left + right)) < 4 * biggest or tight)):
        return None
    # (a company's name in a subtitle in the title's own face names no affiliation: "... at Google")
    if AFFILIATION.search(text) and not tight or ADDRESS.search(text) or _author_names(ln) or DOCUMENT_KIND.match(text) or \
            DOCUMENT_DATE.match(text) or "@" in text:
        return None
    # (the names under it smaller still: a line of names in the subtitle's size would be the names')
    return ln if after and after[0].size < ln.size - 1 else None


def _row_pieces(line: Line, lines: list[Line], size: float) -> list[Line]:
    """`line` with the pieces of its row the text layer read apart (a justified title's wide word
    spaces, a scan's words), left to right: lines on its baseline in its size, weight and slope,
    each under three sizes from the one beside it."""
    def base(ln: Line) -> float:
        return ln.base if ln.base is not None else ln.y1

    row = sorted((ln for ln in lines if ln is line or abs(ln.size - line.size) < 0.6 and ln.bold == line.bold and
                  ln.italic == line.italic and abs(base(ln) - base(line)) < 0.3 * size), key=lambda ln: ln.x0)
    at = next(k for k, ln in enumerate(row) if ln is line)

    def near(a: Line, b: Line) -> bool:
        # (two single words a little further apart: a scan's OCR sets each word in a stand-in face
        # narrower than the scan's letters, its box short of the word's ink, "Implementing" 46 pt
        # short of "Data" in 13 pt where the page shows a word space)
        gap = b.x0 - a.x1
        return 0 <= gap < (4.5 if len(a.text.split()) == 1 and len(b.text.split()) == 1 else 3) * size

    left = at
    while left > 0 and near(row[left - 1], row[left]):
        left -= 1
    right = at
    while right + 1 < len(row) and near(row[right], row[right + 1]):
        right += 1
    return row[left:right + 1]


def _capitals_rejoined(title: str, words: Counter | None) -> str:
    """A title set in capitals with a space read inside one of its words ("BAY ESIANISM AND
    CAUSALITY": a reprint's text layer parts a word where its letters are kerned, "AY", apart):
    two neighbouring words of capitals joined where one of them is no English word and together they
    spell a word the paper prints."""
    if not words or not any(ch.isupper() for ch in title):
        return title
    tokens = title.split(" ")

    # (No word: one the English list lacks; the running heads may repeat the parted word all through
    # the paper, so its count there tells nothing. Without the list, one printed nowhere else.)
    def no_word(part: str) -> bool:
        low = part.lower()
        return lexicon.frequency(low) == 0 if lexicon.available() else words.get(low, 0) <= 1

    out: list[str] = []
    for token in tokens:
        core = token.rstrip(",.:;")  # (the second part may carry the word's punctuation)
        if out and out[-1].isalpha() and out[-1].isupper() and core.isalpha() and core.isupper() and \
                len(out[-1]) >= 2 and len(core) >= 2 and words.get((out[-1] + core).lower(), 0) >= 1 and \
                (no_word(out[-1]) or no_word(core)):
            out[-1] += token
        else:
            out.append(token)
    return " ".join(out)


def _printed_spelling(word: str, words: Counter) -> str | None:
    """`word` as the paper prints it: itself where the paper prints it elsewhere, else the one word
    of its length printed three times or more that differs from it in a single letter past its
    first (an OCR layer's misread letter, "Probabitistic" for the "probabilistic" of the text),
    in `word`'s case; None where there is no such word."""
    low = word.lower()
    if words.get(low, 0) >= 1:
        return word
    near = [w for w, n in words.items() if n >= 3 and len(w) == len(low) and w[0] == low[0] and
            sum(x != y for x, y in zip(w, low)) == 1]
    if len(near) != 1:
        return None
    return "".join(c.upper() if w.isupper() else c for c, w in zip(near[0], word))


def _ocr_words_rejoined(title: str, run: list[Line], words: Counter | None) -> str:
    """A title whose OCR text layer parts words where no space is seen ("Pro ba bit istic Cou nting
    Algorithms": each piece a span of its own, in a size of its own, ending in a space character
    that the next piece's first letter is set inside). An OCR layer places each word it reads at its
    letters on the scan and writes a space after it: where the next piece starts more than a tenth
    of the type's size before that space ends, the page shows no gap between them. Such pieces are
    joined where together they spell a word the paper prints elsewhere."""
    if not words:
        return title
    for ln in run:
        spans = ln.spans

        group: list[str] = []
        for a, b in zip(spans, spans[1:] + [None]):
            text_a, text_b = a[2], (b[2] if b is not None else "")
            joined = b is not None and text_a[-1:].isspace() and text_a.rstrip()[-1:].isalpha() and \
                text_b[:1].isalpha() and b[0] < a[1] - 0.1 * ln.size
            if joined:
                if not group:
                    group = [text_a.split()[-1]]
                group.append(text_b.split()[0])
                if len(text_b.split()) == 1 and text_b[-1:].isspace():
                    continue  # (the next piece may be joined on in turn)
            if len(group) > 1:
                whole = "".join(group).rstrip(",.:;")
                spelt = _printed_spelling(whole, words) if whole.isalpha() else None
                if spelt is not None:
                    title = title.replace(" ".join(group), spelt + "".join(group)[len(whole):], 1)
            group = []
    return title


def _roman_subtitle(line: Line, after: Line) -> bool:
    """Whether `after`, the last line of a title whose `line` over it is bold, is its subtitle set
    in roman in the same size: no bold word in it, no math, opening with a capital, `line` ending
    in no punctuation."""
    return abs(after.size - line.size) < 0.6 and not any("b" in span[3] for span in after.spans) and \
        not after.bold and after.math_chars == 0 and after.italic == line.italic and after.text[:1].isupper() and \
        not line.text.rstrip().endswith((":", "-", "—", ",", ".", ";"))


def _title_goes_on(line: Line, after: Line) -> bool:
    """Whether `after` is the next line of the title `line` opens, set single-spaced: the same type
    (size, weight, slope and face), at the same left edge or centred on the same axis, a line's step
    below (its baseline under 1.6 sizes down), `line` ending no sentence, no names nor an address
    in it. (A journal's title set barely larger than its text, "Class Noise vs. Attribute Noise: A
    Quantitative Study" over "of Their Impacts", both in 12 pt bold over 11 pt text.)"""
    if line.base is None or after.base is None:
        return False
    return abs(after.size - line.size) < 0.3 and after.bold == line.bold and after.italic == line.italic and \
        after.face == line.face and (abs(after.x0 - line.x0) < 2.0 or abs(after.x0 + after.x1 - line.x0 - line.x1) < line.size) and \
        0 < after.base - line.base < 1.6 * line.size and not line.text.rstrip().endswith((".", "!", "?")) and \
        len(_author_names(after)) < 2 and not AFFILIATION.search(after.text)


def _glued_unprinted(title: str, first_page: list[Line]) -> bool:
    """Whether the metadata's title is words run together with no space ("ConfusionOver": Word's
    document property, left from a draft) that page 1 does not print: no title the paper shows."""
    return not any(ch.isspace() for ch in title.strip()) and cached(r"[a-z][A-Z]").search(title) is not None and \
        _norm(title) not in _norm(" ".join(ln.text for ln in first_page))


def _metadata_title_printed(title: str, first_page: list[Line], words: Counter | None) -> str:
    """The metadata's title, or the printed title it opens: a title cut short in the metadata (a
    typesetter's tool keeps the first line of two, "Class Noise vs. Attribute Noise: A Quantitative
    Study" of a title that goes on "of Their Impacts") goes on over the printed lines after those
    that spell it, in their type (`_title_goes_on`). Only lines in the top half of page 1 are read."""
    key = _norm(title)
    if len(key) < 10 or not first_page:
        return title
    half = 0.5 * max(ln.y1 for ln in first_page)
    top = sorted((ln for ln in first_page if ln.y0 < half), key=lambda ln: (ln.y0, ln.x0))
    for k, ln in enumerate(top):
        have = _norm(ln.text)
        if not have or not key.startswith(have):
            continue
        run = [ln]
        for after in top[k + 1:]:
            if have == key:
                break
            if not _title_goes_on(run[-1], after):
                continue
            more = have + _norm(after.text)
            if not key.startswith(more):
                break
            run.append(after)
            have = more
        if have != key:
            continue
        grew = False
        for after in top[top.index(run[-1]) + 1:]:
            if len(run) >= 4:
                break
            if _title_goes_on(run[-1], after):
                run.append(after)
                grew = True
            elif after.y0 > run[-1].y1 + 2 * run[-1].size:
                break
        return _join_lines([ln.text for ln in run], words) if grew else title
    return title


def _wraps_full_measure(line: Line, after: Line, lines: list[Line]) -> bool:
    """Whether `after` is the next line of a title whose line `line` fills the text's whole measure
    (as wide as the widest line of the page, within a size), however far apart the two are set (a
    Word report's 14 pt title double-spaced in a face of tall line height, its lines 2.7 sizes
    apart): a line broken there because it was full goes on, in the same size, centred on the same
    axis, with nothing set between them, ending no sentence, its next line no list of names. Up
    to 3.5 sizes down."""
    if line.base is None or after.base is None or line.text.rstrip().endswith((".", "!", "?")):
        return False
    widest = max(ln.x1 - ln.x0 for ln in lines)
    return line.x1 - line.x0 >= widest - line.size and abs(after.size - line.size) < 0.3 and \
        abs(after.x0 + after.x1 - line.x0 - line.x1) < line.size and 0 < after.base - line.base < 3.5 * line.size and \
        not _author_names(after) and not AFFILIATION.search(after.text) and \
        not any(line.y1 <= ln.y0 and ln.y1 <= after.y0 and ln.x0 < after.x1 and ln.x1 > after.x0 for ln in lines)


def _wrapped_on(line: Line, after: Line, page_width: float | None) -> bool:
    """Whether `after` is the next line of `line`'s paragraph in a manuscript set double-spaced (a
    title's lines two sizes and more apart): `line` fills the measure, from the left margin to the
    right one as far in (the margins of a manuscript's page are even), ends no sentence, and
    `after` starts at the same margin, or is centred under it (papaja), in the same type, at most a
    double-spaced line's step below."""
    if not page_width or line.base is None or after.base is None:
        return False
    # (A title centred on its own axis, off the page's middle when the margins are not even, set
    # double-spaced (a Springer Nature preprint: four lines 2.15 sizes apart, each centred on one
    # axis): a line centred under a line that ends no sentence, in its type, no names, at most a
    # double-spaced line's step below, goes on with it. The step stays under 2.3 sizes.)
    if abs(after.x0 + after.x1 - line.x0 - line.x1) < 0.5 * line.size and line.x1 - line.x0 > 0.3 * page_width and \
            abs(after.size - line.size) < 0.3 and after.bold == line.bold and after.italic == line.italic and \
            0 < after.base - line.base < 2.3 * line.size and not line.text.rstrip().endswith((".", "!", "?")) and \
            len(_author_names(after)) < 2:
        return True
    return line.x1 - line.x0 > 0.6 * page_width and abs(line.x0 + line.x1 - page_width) < 0.03 * page_width and \
        (abs(after.x0 - line.x0) < 2.0 or abs(after.x0 + after.x1 - page_width) < 0.03 * page_width) and \
        abs(after.size - line.size) < 0.3 and after.bold == line.bold and \
        after.italic == line.italic and 0 < after.base - line.base < 2.3 * line.size and \
        not line.text.rstrip().endswith((".", "!", "?"))


def _bold_lead_under(under: list[Line], body: float, stop_y: float, words: Counter | None) -> str:
    """The title in bold of the text's size heading the lines under a masthead: the first of them,
    of two words and more, over lines a size step smaller (its own next lines go on with it)."""
    lines = sorted((ln for ln in under if ln.y0 < stop_y), key=lambda ln: ln.y0)
    if len(lines) < 2 or not lines[0].bold or lines[0].size < body - 0.3 or len(lines[0].text.split()) < 2:
        return ""
    run = [lines[0]]
    for ln in lines[1:]:
        if _title_goes_on(run[-1], ln):
            run.append(ln)
            continue
        break
    rest = lines[len(run):len(run) + 3]
    if not rest or any(ln.size > run[0].size - 0.6 for ln in rest):
        return ""
    return _join_lines([ln.text for ln in run], words)


def _without_journal_name(lines: list[Line], body: float) -> list[Line]:
    """Page 1's lines less a journal's name printed in large type at the head of the page (PLOS
    Medicine's 20 pt "PLOS MEDICINE" over an 18 pt title; Procedia's "ScienceDirect" in 16.5 pt over
    a 17 pt one): a line of three words or fewer, the topmost of the large type, standing well apart
    (more than twice the title's size) above a line of four words or more in type near its size,
    no author names. A short title has no such line under it: its authors and affiliations are set
    smaller."""
    large = sorted((ln for ln in lines if ln.size >= body * 1.3), key=lambda ln: ln.y0)
    if len(large) < 2 or len(large[0].text.split()) > 3:
        return lines
    top = large[0]
    if any(ln.size > top.size + 0.6 for ln in large):
        return lines  # (larger type below it: that is the title, it is left to win anyway)
    # (a logo of two words may stack them, MDPI's "applied" over "sciences" in 19 pt bold italic:
    # the lines in its size and face set tight under it, three words in all, are the name's)
    logo = [top]
    for ln in large[1:]:
        if abs(ln.size - top.size) < 0.3 and ln.italic == top.italic and ln.bold == top.bold and \
                ln.face == top.face and abs(ln.x0 - top.x0) < 0.5 * top.size and \
                0 < ln.y0 - logo[-1].y0 < 1.4 * top.size and ln.y0 > logo[-1].y1 - 0.5 * top.height and \
                sum(len(g.text.split()) for g in logo) + len(ln.text.split()) <= 3:
            logo.append(ln)
        elif ln.y0 > logo[-1].y0 + 0.5 * top.height:
            break
    if len(logo) > 1:
        top = replace(logo[-1], y0=top.y0, text=" ".join(g.text for g in logo))
        large = [top] + [ln for ln in large if all(ln is not g for g in logo)]
    # (A journal's name may be its logo, set far larger than the title in a face of its own: MDPI's
    # 25 pt bold italic "sensors" over an 18 pt bold upright title in another family.)
    near = [ln for ln in large[1:] if abs(ln.y0 - top.y0) > 0.5 * top.height and (
        ln.size >= 0.85 * top.size or ln.size >= 0.6 * top.size and (ln.italic != top.italic or ln.face != top.face))]
    if not near:
        return lines
    under = near[0]
    # (Apart: more than twice the title's size between their boxes, or more than once with a line of
    # small type set between them, MDPI's "Article" under its logo: a cairo reprint's boxes reach
    # further up and down than the letters, closing the gap by a few points.)
    between = any(top.y1 - 0.2 * top.height <= ln.y0 and ln.y1 <= under.y0 + 0.2 * under.height and
                  ln.size < under.size - 0.6 for ln in lines if ln is not top and ln is not under)
    if under.y0 - top.y1 <= (1 if between else 2) * under.size or len(under.text.split()) < 4 or \
            len(_author_names(under)) >= 2 or \
            AFFILIATION.search(under.text):
        return lines
    return [ln for ln in lines if not (abs(ln.y0 - top.y0) < 0.5 * top.height and abs(ln.size - top.size) < 0.6)
            and all(ln is not g for g in logo[1:])]


# The names of an article's kind that a journal prints over the title.
ARTICLE_KIND = compile_later(r"^(?:research\s+|feature\s+)?(?:articles?|reviews?|letters?|communications?|perspectives?|"
                             r"reports?|editorials?|commentary|correspondence)$", re.IGNORECASE)


def _without_kind_banner(lines: list[Line], body: float) -> list[Line]:
    """Page 1's lines less a banner naming the article's kind over the title, set larger than it
    (Nature: "REVIEW" in 38 pt roman capitals over the 28 pt bold "Deep learning"): the topmost
    line of large type, one word of four capitals or more (or a kind's name read in lower case),
    over a line in large type of another weight with words in lower case, no names."""
    large = sorted((ln for ln in lines if ln.size >= body * 1.3), key=lambda ln: ln.y0)
    if len(large) < 2:
        return lines
    if len(large) >= 3 and len(large[0].text.split()) == len(large[1].text.split()) == 1 and \
            abs(large[0].size - large[1].size) < 0.6 and large[1].y0 - large[0].y1 < 0.5 * large[0].size and \
            ARTICLE_KIND.match(f"{large[0].text.strip()} {large[1].text.strip()}"):
        # (the kind's name stacked a word a line: Educational Researcher's 24 pt bold "Feature" over
        # "Articles" at the page's head, over its 20 pt title)
        under = large[2]
        if under.size < large[0].size - 0.6 and any(ch.islower() for ch in under.text) and \
                len(_author_names(under)) < 2:
            return [ln for ln in lines if ln is not large[0] and ln is not large[1]]
    top = large[0]
    word = top.text.strip()
    # (a word that names an article's kind may read in lower case where its font draws capitals for
    # lower-case codes: Nature 2017's "LETTER" reads "letter")
    # (and in mixed case where a reprint read some of those codes back as capitals: "lETTEr")
    if len(word.split()) != 1 or sum(ch.isalpha() for ch in word) < 4 or \
            not word.isupper() and not ARTICLE_KIND.match(word):
        return lines
    if not ARTICLE_KIND.match(word):  # (any other word of capitals only when set far larger than the text)
        large = [ln for ln in large if ln.size >= body * 1.5]
        if not large or large[0] is not top:
            return lines
    under = next((ln for ln in large[1:] if ln.y0 >= top.y1 - 0.2 * top.height), None)
    # (a word that names an article's kind, "ARTICLES", may head the title in its own type: the
    # Journal of Chemical Physics's 14 pt bold "ARTICLES" over its 14 pt bold title)
    kind = ARTICLE_KIND.match(word) is not None and under is not None and under.size >= top.size - 0.6 and \
        under.y0 - top.y1 < 3 * top.size
    if under is None or (under.size >= top.size - 0.6 or under.bold == top.bold) and not kind or \
            not any(ch.islower() for ch in under.text) or len(_author_names(under)) >= 2:
        return lines
    return [ln for ln in lines if ln is not top]


def _without_column_label(lines: list[Line], body: float) -> list[Line]:
    """Page 1's lines less a column's label set over the title a size larger (MIT Press's
    Computational Linguistics: "Last Words" in 17 pt bold over a 16 pt title of two lines): a line
    of three words or fewer, the topmost of the large type, over a title of two lines or more in
    type a little smaller (within 15 %) and of more words, standing further above it than its own
    lines stand apart (half a step more). A title's first line is set at its own step over the
    next."""
    large = sorted((ln for ln in lines if ln.size >= body * 1.3), key=lambda ln: ln.y0)
    if len(large) < 3 or len(large[0].text.split()) > 3:
        return lines
    top = large[0]
    under = [ln for ln in large[1:] if 0.85 * top.size <= ln.size < top.size - 0.6]
    if len(under) < 2 or any(ln.size > top.size + 0.6 for ln in large) or \
            abs(under[0].size - under[1].size) >= 0.3 or len(_author_names(under[0])) >= 2:
        return lines
    if any(top.y0 < ln.y0 < under[0].y0 for ln in lines if ln is not top):
        return lines  # (nothing between the label and the title)
    step, own = under[0].y0 - top.y0, under[1].y0 - under[0].y0
    if not (0 < own < 2 * under[0].size and step > 1.5 * own) or \
            len(under[0].text.split()) + len(under[1].text.split()) < 4:
        return lines
    return [ln for ln in lines if ln is not top]


def _in_row_of_entries(line: Line, lines: list[Line]) -> bool:
    """Whether `line` stands in a row of separate entries: another line on its baseline, set apart
    from it by a gap wider than two of its sizes (a grid of authors' names under a title, one name
    each, STOC 1997's "David Karger   Eric Lehman   Tom Leighton ..." in 11 pt under a 14.5 pt
    title). A title's line is the only one on its row."""
    if line.base is None:
        return False
    return any(other is not line and other.base is not None and abs(other.base - line.base) < 0.3 * line.size and
               abs(other.size - line.size) < 0.6 and (other.x0 - line.x1 > 2 * line.size or line.x0 - other.x1 > 2 * line.size)
               for other in lines)


def _lone_author_line(line: Line, lines: list[Line]) -> bool:
    """Whether `line`, under a title and set smaller, is the line of one author's name: the line is
    the name alone (a given name and a surname or two, capitalised) and either calls a note or an
    affiliation (Elsevier's "Ezra Hauer*", EMNLP's "Robert Litschko1,3*", names spread over a row) or
    stands right over an affiliation or address (Neural Networks' "Auke Jan Ijspeert" over "School of
    Computer and Communication Sciences, EPFL ..."). A subtitle a size smaller, "Historical
    overview", reads as no name, or has neither."""
    names = _author_names(line)
    text = cached(r"[\d*†‡§¶∗⋆,]+$").sub("", line.text.strip()).strip()
    if line.scripts:
        # (the affiliations' letters raised after the name, read flat into the line: Elsevier's
        # "Martin Drechsler a,b")
        text = cached(r"\s+[a-z](?:\s*,\s*[a-z\d*†‡§¶∗⋆])*[\d*†‡§¶∗⋆,]*$").sub("", text).strip()
    if len(names) != 1 or names[0] != text.strip(" ."):
        return False
    if line.calls or text != line.text.strip():
        return True
    under = min((ln for ln in lines if ln is not line and ln.y0 >= line.y1 - 0.3 * line.height and
                 ln.y0 - line.y1 < line.size and ln.x0 < line.x1 and ln.x1 > line.x0), key=lambda ln: ln.y0, default=None)
    return under is not None and (AFFILIATION.search(under.text) is not None or ADDRESS.search(under.text) is not None)


def _title_run(run: list[Line], lines: list[Line], body: float) -> list[Line]:
    """The title's lines grown by lines set tight above or below it in the same face at a somewhat
    smaller size: a title in two sizes ("AN IMAGE IS WORTH 16X16 WORDS:" over a larger second
    line, or a colon-ended prefix). A subtitle in another face (italic "Release 0.4", author names
    in roman under a bold title) or body-sized type is not part of it."""
    biggest = max(ln.size for ln in run)

    def akin(ln: Line, at_top: bool) -> bool:
        # (A subtitle under the title may be set barely larger than the body, when the body's size is
        # read from a column of larger type: a line of words, some in lower case, not a name.)
        larger = ln.size >= body * 1.15 or not at_top and ln.size > body * 1.05 and len(ln.text.split()) >= 4 and \
            any(w[:1].islower() for w in ln.text.split()[1:])
        # A prefix ending in a colon may be set much smaller over the title's main line (CACM: 26 pt
        # "Is and Should Become:" over 40 pt "The Next Phase of"), its lines over it in its size too.
        prefix = at_top and ln.size >= 0.5 * biggest and (ln.text.rstrip().endswith(":") or (
            run[0].size < 0.75 * biggest and abs(ln.size - run[0].size) < 0.6))
        # (A single word set smaller over the title, no colon after it, names the article's kind or
        # its column: Accident Analysis and Prevention's 13 pt "Viewpoint" over its 17 pt title.)
        label = at_top and ln.size < run[0].size - 0.6 and len(ln.text.split()) == 1 and not ln.text.rstrip().endswith(":")
        return ln.bold == run[0].bold and ln.italic == run[0].italic and (ln.size >= 0.75 * biggest or prefix) and \
            larger and not AFFILIATION.search(ln.text) and len(ln.text) < 120 and not label and \
            not RECORD_FIELD.match(ln.text) and \
            len(_author_names(ln)) < 2 and \
            not _in_row_of_entries(ln, lines) and \
            not (not at_top and ln.size < biggest - 0.6 and _lone_author_line(ln, lines))  # the authors' line in the title's face (Elsevier)

    # (only lines across the title's own span: a column of text beside it, on page 1 of a magazine
    # whose title stands in the left part, is none of it)
    others = sorted((ln for ln in lines if all(ln is not r for r in run) and
                     ln.x0 < max(r.x1 for r in run) and ln.x1 > min(r.x0 for r in run)), key=lambda ln: ln.y0)
    grew = True
    while grew:
        grew = False
        # (line boxes of large type overlap a little: the ascenders of one reach into the one above)
        above = [ln for ln in others if ln.y1 <= run[0].y0 + 0.4 * run[0].height and ln.y0 < run[0].y0 and
                 run[0].y0 - ln.y1 < 0.6 * biggest]
        # (a subtitle in the title's face a size smaller may stand a little further down: Springer)
        below = [ln for ln in others if ln.y0 >= run[-1].y1 - 0.4 * run[-1].height and ln.y1 > run[-1].y1 and
                 ln.y0 - run[-1].y1 < (0.6 if ln.size > biggest - 1.5 else 0.8) * biggest]
        for near, at_top in ((above[-1:], True), (below[:1], False)):
            if near and akin(near[0], at_top) and (at_top or not run[-1].text.rstrip().endswith(".")):
                run = [near[0]] + run if at_top else run + [near[0]]
                others.remove(near[0])
                grew = True
    return run


# PDF metadata titles that are not titles: tool defaults and file names.
TITLE_LABEL = compile_later(r"^(?:paper\s+|manuscript\s+)?title\s*[:：]\s*", re.IGNORECASE)
# (a Publisher Item Identifier, "PII: 0378-4371(88)90263-4", names the record, never the paper)
JUNK_TITLE = compile_later(r"^(no title given|untitled\b.*|title|none|document\d*|microsoft (word|powerpoint)\b.*|"
                        r"pii:?\s*S?[\d-]{9,}\S*|"
                        # (a typesetter's record of pages without a letter: 3B2's "504 504..507")
                        r"[^A-Za-z]*|"
                        r".*\.(dvi|pdf|tex|docx?|pptx?|key|odt|odp|ps|eps|indd|qxd))$", re.IGNORECASE)


def _largest_top_line(first_page: list[Line], page_width: float | None = None, words: Counter | None = None,
                      furniture: set[int] | frozenset = frozenset()) -> str:
    """The printed title when it is not set larger than the body: the largest line of several words in
    the top third of page 1 (bold wins a tie). A running head that every page repeats (`furniture`:
    an APA manuscript's, in capitals over the title in the text's type) is passed over where another
    line is there to take."""
    if not first_page:
        return ""
    top = [ln for ln in first_page if ln.y0 < 0.35 * max(ln.y1 for ln in first_page) and len(ln.text.split()) >= 2
           and not AFFILIATION.search(ln.text) and not PAGE_NUMBER.match(ln.text) and not NUMBERED_LINE.match(ln.text)]
    if not top:
        return ""
    if furniture and (unrepeated := [ln for ln in top if id(ln) not in furniture]):
        top = unrepeated
    best = max(top, key=lambda ln: (ln.size, ln.bold, -ln.y0))
    row = _row_pieces(best, first_page, best.size)  # (a scan's OCR may read the row in pieces)
    opening = " ".join(ln.text for ln in row)
    if not TITLE_LABEL.match(best.text) and not best.bold:
        # A row that ends on a word no title ends on ("... A New Primary Copy Method to") goes on in
        # the row under it, a line's step down in its type, centred on its axis or from its left edge.
        rows = [row]
        # (or a row that fills the page's measure, wrapped onto a row centred under it at a
        # double-spaced line's step, `_wrapped_on`: Typst's APA manuscript sets its title in the
        # text's size in a face of its own, "... of Latent Variables" over "with Gold-Standard Items")
        measure = max(ln.x1 - ln.x0 for ln in first_page)
        while len(rows) < 4:
            last = rows[-1]
            x0, x1, base = last[0].x0, last[-1].x1, last[0].base
            under = min((ln for ln in first_page if ln.y0 > last[0].y0 + 0.3 * best.size), key=lambda ln: ln.y0, default=None)
            if under is None or base is None or under.base is None:
                break
            # (a row ending on a colon goes on too: "DATA ANALYSIS RECIPES:" over "USING MARKOV CHAIN
            # MONTE CARLO", AASTeX's title in capitals in the text's size)
            if not _OPEN_END.search(last[-1].text) and not last[-1].text.rstrip().endswith(":"):
                if len(last) == 1 and x1 - x0 > 0.85 * measure and _wrapped_on(last[0], under, page_width) and \
                        not _author_names(under):
                    rows.append([under])
                    continue
                break
            nxt = _row_pieces(under, first_page, under.size)
            if not (abs(under.size - best.size) < 0.3 and under.bold == best.bold and 0 < under.base - base < 1.6 * best.size and
                    (abs(nxt[0].x0 - x0) < 2.0 or abs(nxt[0].x0 + nxt[-1].x1 - x0 - x1) < best.size)):
                break
            rows.append(nxt)
        return _TITLE_NOTE_MARK.sub("", _join_lines([" ".join(ln.text for ln in r) for r in rows], words))
    # A title after its label ("Title: Variation in leaf transcriptome ...", a manuscript's cover
    # in the text's type), or in bold (an APA manuscript's, centred over a second line), runs on
    # over the lines its first one wraps onto.
    run = [best]
    below = sorted((ln for ln in first_page if ln.y0 > best.y0 and not any(ln is piece for piece in row)),
                   key=lambda ln: ln.y0)
    for k, ln in enumerate(below):
        if len(run) >= 2 and _small_caps_joint(run[-2], run[-1], ln):
            run.append(ln)  # (the title's line after the connective, checked with it)
            continue
        if not (_wrapped_on(run[-1], ln, page_width) or best.bold and _title_goes_on(run[-1], ln)):
            if best.bold and k + 1 < len(below) and _small_caps_joint(run[-1], ln, below[k + 1]):
                # (a connective in small capitals between two lines of a title in capitals: a Tandem
                # report's "THE 5 MINUTE RULE ..." over "AND" in 9.5 pt over "THE 5 BYTE RULE ...")
                run.append(ln)
                continue
            break
        # A title's lines are set at one step: a line further down than half a step more than its
        # lines stand apart is the next thing under it (a print-to-PDF preprint's author "Suyash
        # Saxena" in the title's 12 pt bold, centred, two steps under the title's two lines).
        if len(run) >= 2 and run[-1].base is not None and run[-2].base is not None and ln.base is not None and \
                ln.base - run[-1].base > 1.5 * (run[-1].base - run[-2].base):
            break
        run.append(ln)
    return _TITLE_NOTE_MARK.sub("", _join_lines([opening] + [ln.text for ln in run[1:]], words))


# A title's row that ends on an article, a preposition or a conjunction goes on in the next.
_OPEN_END = compile_later(r"\b(?:a|an|the|of|to|for|and|or|in|on|with|by|from|via|towards?)$", re.IGNORECASE)

# A note's mark after a title's last word ("ANNEALED RANDOM FIELDS*"): no part of the title.
_TITLE_NOTE_MARK = compile_later(r"(?<=[A-Za-z\)])[∗*†‡§¶]{1,2}$")


def _small_caps_joint(line: Line, joint: Line, after: Line) -> bool:
    """Whether `joint` is a connective word set in small capitals between two lines of a title set
    in capitals, `line` and `after`: those two in one type (size, weight, slope, face), `joint` of
    one or two words in capitals in their weight and face, smaller (small capitals: 60 to 95 % of
    their size), between them, its middle over both, the three at most two steps of 1.75 sizes apart."""
    if line.base is None or joint.base is None or after.base is None:
        return False
    mid = (joint.x0 + joint.x1) / 2
    return line.text.isupper() and after.text.isupper() and joint.text.isupper() and len(joint.text.split()) <= 2 and \
        abs(after.size - line.size) < 0.3 and after.bold == line.bold == joint.bold and \
        after.italic == line.italic == joint.italic and after.face == line.face == joint.face and \
        0.6 * line.size <= joint.size <= 0.95 * line.size and line.base < joint.base < after.base and \
        after.base - line.base < 3.5 * line.size and line.x0 < mid < line.x1 and after.x0 < mid < after.x1 and \
        len(_author_names(after)) < 2 and not AFFILIATION.search(after.text)


def _unlabelled_abstract(blocks: list[Block], first_heading: int, words: Counter | None = None,
                         page: int = 0, body: float | None = None) -> str | None:
    """An abstract printed without an "Abstract" heading (revtex, Quantum, ACM small): the first long
    paragraph of page 1 (or `page`, the paper's own first page after a cover) before the first
    heading, below the title and names; or a magazine's standfirst right under the title
    (`_standfirst`, given the body's type size `body`)."""
    # (Text above the title, the largest type of page 1, is no abstract: a template's notice printed
    # under the running head, INFORMS's "Authors are encouraged to submit new papers ...")
    # (the title is over the page's middle: a line in larger type at its foot, a scan's publisher's
    # line read a size up, "0370-2693/87/$ 03.50 © Elsevier Science Publishers B.V.", is none)
    on_page = [b for b in blocks[:first_heading] if b.page == page]
    middle = (min((b.lines[0].y0 for b in on_page), default=0.0) + max((b.lines[-1].y1 for b in on_page), default=0.0)) / 2
    title = max((b for b in on_page if b.lines[0].y0 < middle), key=lambda b: b.size, default=None)
    under_title = blocks[blocks.index(title) + 1] if body is not None and title is not None and \
        blocks.index(title) + 1 < len(blocks) else None
    for block in blocks[:first_heading]:
        if block.page != page or CAPTION.match(block.text):
            continue
        if title is not None and block.size < title.size and block.lines[-1].y1 <= title.lines[0].y0:
            continue
        if 2 * sum(bool(AFFILIATION.search(ln.text)) for ln in block.lines) >= len(block.lines):
            continue  # the affiliations, one long line each ("a College of Computer Science ..., China")
        lines = list(block.lines)
        # Names, affiliations and a date set tight above it may share its block: they go first.
        while lines and ((AFFILIATION.search(lines[0].text) and len(lines[0].text.split()) <= 10) or len(lines[0].text) < 40 or
                         cached(r"^\(.*\)$").match(lines[0].text)):
            lines.pop(0)
        end = next((i for i, ln in enumerate(lines) if FRONT_LABEL.match(ln.text)), len(lines))
        text = _join_lines([ln.text for ln in lines[:end]], words)
        if block is under_title and len(lines) == len(block.lines) and _standfirst(block, title, body, text):
            block.kind = "abstract"
            return text
        if len(text.split()) >= 40 and not _names_list(text):
            block.kind = "abstract"
            # (set in a type of its own: paragraphs in the text's type under the first may be the text's)
            after = _abstract_paragraphs_below(blocks, blocks.index(block), first_heading, page) \
                if end == len(lines) and body is not None and abs(block.size - body) >= 0.5 else []
            for k in after:
                blocks[k].kind = "abstract"
            if after:
                # (its closing paragraphs, ACM's journals: "In this paper, we frame ..." under the
                # long one, the first heading right under them)
                lines = lines + [ln for k in after for ln in blocks[k].lines]
                end = len(lines)
                text = _join_lines([ln.text for ln in lines], words)
            if lines and lines[0] is block.lines[0]:
                above = _abstract_opening_apart(blocks, blocks.index(block))
                if above is not None:
                    above.kind = "abstract"
                    return _join_lines([ln.text for ln in above.lines] + [ln.text for ln in lines[:end]], words)
                opening = _abstract_paragraphs_above(blocks, blocks.index(block))
                if opening:
                    for b in opening:
                        b.kind = "abstract"
                    return _join_lines([ln.text for b in opening for ln in b.lines] + [ln.text for ln in lines[:end]], words)
            return text
        if end == len(lines) and lines and all(ln.italic for ln in lines):
            # An abstract set in paragraphs, none 40 words long (ASME 1960: "The classical filtering
            # and prediction problem is re-examined ... New results are:" over "(1) ...", "(2) ...",
            # each in the abstract's italic): the paragraphs right under one another in its type.
            run = _paragraphs_in_type(blocks, blocks.index(block), first_heading, page)
            joined = _join_lines([text] + [blocks[k].text for k in run], words)
            if run and len(joined.split()) >= 40:
                for k in [blocks.index(block)] + run:
                    blocks[k].kind = "abstract"
                return joined
    return None


def _text_goes_on_under(block: Block, blocks: list[Block]) -> bool:
    """Whether the paragraph is the text's first, not an abstract: the next block goes on right under
    it in its column at the pitch of its lines (a new paragraph told only by its indent), in its
    type and face and its measure, and the first paragraph's own first line is indented as the
    next one's (Advanced Materials' communications: no abstract, the text from the title down; its
    first paragraph was taken for one)."""
    k = blocks.index(block) + 1
    if k >= len(blocks) or len(block.lines) < 3:
        return False
    nxt = blocks[k]
    if nxt.page != block.page or nxt.kind != "text" or len(nxt.lines) < 2:
        return False
    last, first = block.lines[-1], nxt.lines[0]
    pitches = [b.y0 - a.y0 for a, b in zip(block.lines, block.lines[1:])]
    pitch = statistics.median(pitches)
    width = max(ln.x1 for ln in block.lines) - min(ln.x0 for ln in block.lines)
    return abs(nxt.size - block.size) < 0.3 and nxt.lines[1].bold == block.lines[1].bold and \
        nxt.lines[1].italic == block.lines[1].italic and 0 < first.y0 - last.y0 < pitch + 1 and \
        abs(min(ln.x0 for ln in nxt.lines) - min(ln.x0 for ln in block.lines)) < 2 and \
        abs((max(ln.x1 for ln in nxt.lines) - min(ln.x0 for ln in nxt.lines)) - width) < 3 and \
        first.x0 - nxt.lines[1].x0 > 0.5 * first.size and \
        abs((block.lines[0].x0 - block.lines[1].x0) - (first.x0 - nxt.lines[1].x0)) < 1.5
    # (both first lines indented alike: an abstract's first line is set flush, its next
    # paragraphs indented, STOC 1997's and ACM TIST's of two paragraphs, no label)


def _paragraphs_over_front_label(blocks: list[Block], at: int, first_heading: int) -> list[int] | None:
    """The paragraphs after the unlabelled abstract's first (`at`) down to a keywords line before the
    first heading, each in its type, when there is one (TAS's supplement: two paragraphs, both first
    lines indented, then "KEY WORDS: ...", then "Introduction"); None when the text goes on instead: a
    keywords line closes the front matter, and the text never comes before it. ([] when the keywords
    line comes right under the first paragraph.)"""
    run = []
    for k in range(at + 1, first_heading):
        block = blocks[k]
        if block.page != blocks[at].page:
            return None
        if FRONT_LABEL.match(block.text):
            return run
        if block.kind != "text" or abs(block.size - blocks[at].size) >= 0.3 or CAPTION.match(block.text):
            return None
        run.append(k)
    return None


def _standfirst(block: Block, title: Block, body: float, text: str) -> bool:
    """Whether a block right under the title is a magazine's standfirst, its abstract without a
    label (IEEE Pervasive Computing: "The MSP is a small wearable device designed for embedded
    activity recognition ..." in bold italic 10.5 pt over the names and the 9.5 pt text): two to five
    lines of prose all in one type set apart from the text's (bold, italic or larger), no smaller
    than it and smaller than the title, a sentence or two of fifteen words or more, ended."""
    lines = block.lines
    first = lines[0]
    tokens = text.split()
    return 2 <= len(lines) <= 5 and \
        all(abs(ln.size - first.size) < 0.3 and ln.bold == first.bold and ln.italic == first.italic for ln in lines) and \
        (first.bold or first.italic or first.size >= body + 0.5) and body - 0.3 <= first.size < title.size - 0.5 and \
        0 <= first.y0 - title.lines[-1].y1 < 6 * first.size and 15 <= len(tokens) < 40 and \
        text.rstrip().endswith((".", "?", "!")) and 2 * sum(token[:1].islower() for token in tokens) >= len(tokens)


def _title_under_headings(blocks: list[Block], first_heading: int, body: float) -> int | None:
    """The index of page 1's title when it comes after a heading on page 1 (an article printed under
    the end of the one before it, whose "References and Notes" heads page 1 first): page 1's
    largest type, 1.8 times the text's or more, in a block of three lines at most, after the first
    heading, which is on page 1 too."""
    if first_heading >= len(blocks) or blocks[first_heading].page != 0:
        return None
    top = max(itertools.takewhile(lambda k: blocks[k].page == 0, range(len(blocks))), key=lambda k: blocks[k].size)
    return top if top > first_heading and blocks[top].size >= 1.8 * body and len(blocks[top].lines) <= 3 else None


def _title_again_overleaf(blocks: list[Block], first_heading: int) -> bool:
    """Whether page 2, before the first heading, prints page 1's title again: the block in page 1's
    largest type, of a line or two, in the same type and words on page 2."""
    first = [b for b in blocks[:first_heading] if b.page == 0]
    title = max(first, key=lambda b: b.size, default=None)
    if title is None or len(title.lines) > 2:
        return False
    key = _norm(title.text)
    return any(b.page == 1 and abs(b.size - title.size) < 0.6 and _norm(b.text) == key
               for b in blocks[len(first):first_heading])


def _names_list(text: str) -> bool:
    """Whether a paragraph's text is a list of names, no prose: a comma every few words and hardly a
    word in lower case (ACM's journals: the many authors in capitals above an abstract without a
    label, "SIYING DONG, SHIVA SHANKAR P, SATADRU PAN, ..., and OMKAR GAWDE, Meta, USA")."""
    tokens = text.split()
    lower = sum(token[:1].islower() for token in tokens)
    # (or names in capitals spaced out letter by letter, read a letter a word: ;login:'s byline
    # "B A R C L AY O S B O R N , J U S T I N M C W I L L I A M S ," under its title)
    return 5 * text.count(",") >= len(tokens) and 10 * lower < len(tokens) or \
        10 * lower < len(tokens) and 3 * sum(len(token) == 1 for token in tokens) >= 2 * len(tokens)


def _abstract_opening_apart(blocks: list[Block], i: int) -> Block | None:
    """The abstract's opening line read as a block of its own, before block `i` (the rest of the
    abstract): a line of a column of notes beside it (Nature Communications' "Check for updates"
    left of the abstract, level with its second line) came between them in the reading order.
    The block right over block `i`'s first line, a line's step up, in its type, at its left edge
    and filling most of its measure (set ragged right), ending no sentence; blocks wholly beside
    the measure are passed over."""
    block = blocks[i]
    first = block.lines[0]
    x0, x1 = min(ln.x0 for ln in block.lines), max(ln.x1 for ln in block.lines)
    for j in range(i - 1, max(-1, i - 4), -1):
        other = blocks[j]
        if other.page != block.page or other.kind != "text":
            return None
        if all(ln.x1 <= x0 or ln.x0 >= x1 for ln in other.lines):
            continue  # (the column beside it)
        last = other.lines[-1]
        if len(other.lines) <= 2 and all(abs(ln.size - first.size) < 0.3 and ln.italic == first.italic and
                                         abs(ln.x0 - x0) < 1.0 and ln.x1 - x0 > 0.85 * (x1 - x0) for ln in other.lines) and \
                0 <= first.y0 - last.y1 < 0.6 * first.height and not last.text.rstrip().endswith(_SENTENCE_END):
            return other
        return None
    return None


def _abstract_paragraphs_above(blocks: list[Block], i: int) -> list[Block]:
    """The abstract's opening paragraphs, too short to be taken for it, right over block `i` (its
    first long paragraph): ACM's journals set an abstract without a label in paragraphs, the first
    a sentence or two ("Publish/subscribe is a distributed interaction paradigm well adapted to the
    deployment of scalable and loosely coupled systems."). Each in the abstract's type and measure
    (left edges within an indent, every line but its last reaching the right edge), a line's step
    over the next, a paragraph of prose: eight words or more, most in lower case, a sentence ended,
    no names and no addresses."""
    block = blocks[i]
    size, italic = block.lines[0].size, block.lines[0].italic
    x0, x1 = min(ln.x0 for ln in block.lines), max(ln.x1 for ln in block.lines)
    out: list[Block] = []
    below = block
    for k in range(i - 1, max(-1, i - 4), -1):
        b = blocks[k]
        tokens = b.text.split()
        if b.page != block.page or b.kind != "text" or len(b.lines) > 4 or len(tokens) < 8 or \
                not all(abs(ln.size - size) < 0.3 and ln.italic == italic for ln in b.lines) or \
                not all(-2.0 <= ln.x0 - x0 < 2 * size for ln in b.lines) or \
                not all(abs(ln.x1 - x1) < size for ln in b.lines[:-1]) or b.lines[-1].x1 > x1 + size or \
                not -0.3 * b.lines[-1].height <= below.lines[0].y0 - b.lines[-1].y1 < 1.5 * b.lines[-1].height or \
                not b.text.rstrip().endswith(_SENTENCE_END) or 2 * sum(t[:1].islower() for t in tokens) < len(tokens) or \
                "@" in b.text or _names_list(b.text) or \
                any(AFFILIATION.search(ln.text) or ADDRESS.search(ln.text) for ln in b.lines):
            break
        out.insert(0, b)
        below = b
    return out


def _abstract_paragraphs_below(blocks: list[Block], i: int, end: int, page: int) -> list[int]:
    """The paragraphs of an abstract without a label after its first long one (block `i`): one to
    three blocks going on right under it in its type and measure (`_paragraphs_in_type`), each a
    paragraph of prose ended, the last right over the first heading (block `end`, on its page).
    Anything else between (a list of terms, a note) leaves them out."""
    if end >= len(blocks) or blocks[end].page != page:
        return []
    run = _paragraphs_in_type(blocks, i, end, page)
    if not run or len(run) > 3 or run[-1] != end - 1 or run != list(range(i + 1, end)):
        return []
    for k in run:
        tokens = blocks[k].text.split()
        if len(tokens) < 8 or not blocks[k].text.rstrip().endswith(_SENTENCE_END) or \
                2 * sum(t[:1].islower() for t in tokens) < len(tokens) or "@" in blocks[k].text:
            return []
    return run


def _paragraphs_in_type(blocks: list[Block], i: int, end: int, page: int) -> list[int]:
    """The blocks after block `i` (before `end`, on `page`) that go on right under it in its type
    (size and slope of every line, the same measure: left edges within an indent, right edges
    within a size), each under the one before by at most a line's step. A block beside the
    measure (the authors' column to the left, read between) is passed over."""
    first = blocks[i]
    size, italic = first.lines[-1].size, first.lines[-1].italic
    x0 = min(ln.x0 for ln in first.lines)
    x1 = max(ln.x1 for ln in first.lines)
    if not all(abs(ln.size - size) < 0.3 and ln.italic == italic for ln in first.lines):
        return []
    run, last = [], first
    for k in range(i + 1, min(end, len(blocks))):
        b = blocks[k]
        if b.page != page or b.kind != "text" or CAPTION.match(b.text) or FRONT_LABEL.match(b.text):
            break
        if all(ln.x1 <= x0 or ln.x0 >= x1 for ln in b.lines):
            continue
        if not all(abs(ln.size - size) < 0.3 and ln.italic == italic for ln in b.lines) or \
                abs(min(ln.x0 for ln in b.lines) - x0) > 2 * size or abs(max(ln.x1 for ln in b.lines) - x1) > size or \
                not -0.3 * last.lines[-1].height <= b.lines[0].y0 - last.lines[-1].y1 < 1.5 * last.lines[-1].height:
            break
        run.append(k)
        last = b
    return run


def _block_type_size(block: Block) -> float:
    """The size of the type most of a block's characters are set in."""
    sizes: Counter = Counter()
    for ln in block.lines:
        sizes[ln.size] += len(ln.text)
    return sizes.most_common(1)[0][0]


def _under_front_label(blocks: list[Block], i: int) -> bool:
    """Whether block `i` is the list under a front-matter label on a line of its own (ACM's
    "Categories and Subject Descriptors", "General Terms", "Keywords" over their terms)."""
    label = blocks[i - 1] if i > 0 else None
    found = FRONT_LABEL.match(label.text) if label is not None and len(label.lines) == 1 else None
    # (a label with its terms on its own line, "Keywords: metacognition, domestication", has no list
    # under it: the paragraph below is the text, APA's introduction set without a heading)
    return found is not None and len(label.text.split()) <= 5 and not cached(r"\w").search(label.text[found.end():])


def _abstract_continued(blocks: list[Block], i: int, *, overleaf: bool = False) -> list[int]:
    """Where an abstract (block `i`) that ends mid-sentence goes on: the blocks between, then the one
    that goes on in the abstract's type in lower case, in another column or on the next page. Empty
    when it does not go on.
    A run-in abstract (Springer: "Abstract" fills page 1 down to the authors' affiliations) may go on
    past any blocks in small print (the affiliations). One without a label (`overleaf`) goes on only
    at the top of the next page, past the notes in small print under it on its own page: anything
    larger there, or a caption, ends it on its page."""
    block = blocks[i]
    if block.text.rstrip().endswith(_SENTENCE_END):
        return []
    between = []
    for j in range(i + 1, min(len(blocks), i + 12)):
        other = blocks[j]
        if other.kind != "text" or other.page > block.page + 1:
            break
        small = other.size < block.size - 0.6
        if (other.page == block.page) if overleaf else small:
            if overleaf and (not small or CAPTION.match(other.text)):
                break  # more on the abstract's page than its notes: it ends there
            between.append(j)
            continue
        moved = other.page != block.page or other.lines[0].column != block.lines[-1].column
        return between + [j] if moved and abs(other.size - block.size) <= 0.6 and other.text[:1].islower() else []
    return []


def _with_drop_caps(lines: list[Line], body: float) -> list[Line]:
    """The page's lines with a drop capital put back at the start of its word: a single capital
    letter set two or more lines tall (IEEE's introduction: "C" in 28 pt beside "ONSTRAINED
    multi-objective ..."), read by itself, goes in front of the line that starts just right of it at
    its top."""
    caps = [ln for ln in lines if len(ln.text) == 1 and ln.text.isupper() and ln.size >= 2 * body]
    for cap in caps:
        # (the capital's box may reach a little over the line beside it: a font's declared box wider
        # than its glyph, IEEE Signal Processing Magazine's 78 pt "M" 3.6 pt into "ost current ...")
        beside = [ln for ln in lines if ln is not cap and -max(1.0, 0.06 * cap.size) <= ln.x0 - cap.x1 <= 0.5 * cap.size and
                  abs(ln.y0 - cap.y0) < ln.height and ln.size < 0.6 * cap.size]
        if not beside:
            # A capital whose font box reaches well over its letter (ACM Queue: "W" in 93 pt, its
            # box's top 20 pt over the first of the five lines it stands beside), or past its ink
            # under the lines beside it (IEEE Signal Processing Magazine: "M" in 78 pt, its box 3.6
            # pt into "ost current speech ..."): the top line of those beside it, two or more,
            # starting in the box's upper third.
            beside = [ln for ln in lines if ln is not cap and -0.1 * cap.size <= ln.x0 - cap.x1 <= 0.5 * cap.size and
                      cap.y0 - ln.height < ln.y0 and ln.y1 < cap.y1 and ln.size < 0.6 * cap.size]
            if len(beside) < 2 or min(ln.y0 for ln in beside) > cap.y0 + (cap.y1 - cap.y0) / 3:
                continue
        first = min(beside, key=lambda ln: ln.y0)
        first.text = cap.text + first.text
        first.x0 = cap.x0
        first.spans.insert(0, (cap.x0, cap.x1, cap.text, first.spans[0][3] if first.spans else ""))
        lines = [ln for ln in lines if ln is not cap]
    return lines


def _caption_second_columns(blocks: list[Block], page_graphics: list[list[tuple]], body: float) -> list[Block]:
    """A caption set in two columns under a figure across the page (Nature's journals: "Fig. 3 |
    ..." in the left column, its rest in the right one, both in the captions' small type under the
    panels, the text's two columns starting under both) is one caption: the right column's part,
    level with the caption's opening line, in its size, smaller than the text's, no taller than the
    left part and under the same figure, joins the caption's block. Read as text, it ran into the
    paragraph that the page's right column goes on with."""
    joined: set[int] = set()
    for c in blocks:
        if not c.lines or id(c) in joined or c.kind != "text" or not CAPTION.match(c.lines[0].text):
            continue
        first = c.lines[0]
        if first.size > body - 0.3 or any(abs(ln.size - first.size) > 0.3 for ln in c.lines):
            continue
        graphics = page_graphics[first.page] if first.page < len(page_graphics) else ()
        c_x0, c_x1, c_y1 = min(ln.x0 for ln in c.lines), max(ln.x1 for ln in c.lines), max(ln.y1 for ln in c.lines)

        def under_figure(x0: float, x1: float) -> bool:
            return any(g[3] <= first.y0 + 1 and first.y0 - g[3] < 4 * first.height and g[0] < x1 and x0 < g[2]
                       for g in graphics)
        if not under_figure(c_x0, c_x1):
            continue
        for r in blocks:
            if r is c or not r.lines or id(r) in joined or r.kind != "text" or r.page != c.page:
                continue
            top = r.lines[0]
            if top.column == first.column or top.x0 <= c_x1 or abs(top.y0 - first.y0) > 0.5 * first.height:
                continue
            if CAPTION.match(top.text) or CAPTION_LABEL_LINE.match(top.text) or \
                    any(abs(ln.size - first.size) > 0.3 for ln in r.lines) or \
                    max(ln.y1 for ln in r.lines) > c_y1 + 1 or \
                    not under_figure(min(ln.x0 for ln in r.lines), max(ln.x1 for ln in r.lines)):
                continue
            c.lines.extend(r.lines)
            joined.add(id(r))
            # (and the blocks that part was cut into, one right under the other in its column)
            for more in blocks:
                last = c.lines[-1]
                if more.lines and id(more) not in joined and more is not c and more.page == c.page and \
                        more.kind == "text" and more.lines[0].column == top.column and \
                        -1 < more.lines[0].y0 - last.y1 < 1.5 * last.height and \
                        more.lines[0].x0 < last.x1 and last.x0 < more.lines[0].x1 and \
                        all(abs(ln.size - first.size) <= 0.3 for ln in more.lines) and \
                        max(ln.y1 for ln in more.lines) <= c_y1 + 1 and not CAPTION.match(more.lines[0].text):
                    c.lines.extend(more.lines)
                    joined.add(id(more))
            break
    return [b for b in blocks if id(b) not in joined] if joined else blocks


def _note_under_text(part: Block, before: list[Block], main: float) -> bool:
    """Whether `part`, in type smaller than `main`, stands under every block of the text in `main`
    type read before it on its page, across their column: a note at the page's foot under them,
    not a column of its own beside them."""
    text = [p for p in before if p.page == part.page and abs(p.size - main) < 0.3]
    return part.size < main - 0.5 and bool(text) and all(
        p.lines[-1].y1 < part.lines[0].y0 and min(ln.x0 for ln in p.lines) < part.lines[0].x1 and
        part.lines[0].x0 < max(ln.x1 for ln in p.lines) for p in text)


def _split_at_abstract_label(blocks: list[Block]) -> list[Block]:
    """An abstract whose label, "Abstract" in bold, opens a line inside a block of front matter (a
    boxed abstract beside the keywords, read in one run with the dates above it: Elsevier): the
    block is cut at the label, so that the abstract is a block of its own."""
    for i, block in enumerate(blocks):
        if block.page > 2 or i >= 60 and block.page > 0:  # (all of page 1's, as the abstract's search)
            break
        cut = block.page <= 1 and next((k for k, ln in enumerate(block.lines) if k and (
            _bold_abstract_label(ln) or (ln.bold and _norm(ln.text) == "abstract"))), None)
        if cut:
            blocks[i:i + 1] = [Block(block.lines[:cut]), Block(block.lines[cut:])]
            break
        cut = next((k for k, ln in enumerate(block.lines) if k and _centred_abstract_label(block.lines, k)), None)
        if cut:
            # (the label alone, as a heading: the abstract's text is the block under it)
            blocks[i:i + 1] = [Block(block.lines[:cut]), Block(block.lines[cut:cut + 1]), Block(block.lines[cut + 1:])]
            break
        # A run-in label in capitals opening a line under the front matter's last line, read in one
        # block with it (a scan's OCR: "IBM Research Division, San Jose, California 95193" over
        # "ABSTRACT: In a high level query ..."): the abstract starts at that line.
        cut = block.page <= 1 and next((k for k, ln in enumerate(block.lines) if k and
                                        _CAPITALS_ABSTRACT_LABEL.match(ln.text) and
                                        not block.lines[k - 1].text.rstrip().endswith("-")), None)
        if cut:
            blocks[i:i + 1] = [Block(block.lines[:cut]), Block(block.lines[cut:])]
            break
    return blocks


_CAPITALS_ABSTRACT_LABEL = compile_later(r"^ABSTRACT\s*[:.—–-]\s*\S")


def _centred_abstract_label(lines: list[Line], k: int) -> bool:
    """Whether the k-th of a block's lines is the label "Abstract" on a line of its own, centred over
    the full lines of text under it, in their type: a manuscript's abstract headed as its sections
    are, in the text's size (Typst's APA manuscript: "Abstract" centred atop page 3 in the headings'
    sans face, not bold, read in one run with the author note ending on page 2 above it)."""
    label = lines[k]
    if _norm(label.text) != "abstract" or k + 1 >= len(lines):
        return False
    under = lines[k + 1:k + 4]
    left, right = min(ln.x0 for ln in under), max(ln.x1 for ln in under)
    return all(abs(ln.size - label.size) < 0.3 and ln.page == label.page and ln.y0 > label.y0 for ln in under) and \
        right - left > 6 * (label.x1 - label.x0) and abs(label.x0 + label.x1 - left - right) < label.size


def _bold_abstract_label(line: Line) -> bool:
    """The line opens with the word "Abstract" alone in bold and goes on in another face."""
    return len(line.spans) > 1 and line.spans[0][2].strip().lower() == "abstract" and "b" in line.spans[0][3] and \
        "b" not in line.spans[-1][3]


def _abstract_label_by_side_label(block: Block) -> bool:
    """The block is the label "Abstract" on a line of its own, in bold or capitals, read together
    with a side column's label in its type level with it far to its right (Taylor & Francis:
    "ABSTRACT" over the abstract's column, "ARTICLE HISTORY" over the dates in the margin column),
    no text of the abstract on its row: the abstract's heading. (A reprint keeps no bookmark
    "Abstract" to tell it.)"""
    if len(block.lines) < 2:
        return False
    label = block.lines[0]
    if _norm(label.text) != "abstract" or not (label.bold or label.text.strip().isupper()):
        return False
    # (not a heading of the next column level with it, "1 INTRODUCTION", nor a front label, "KEYWORDS")
    return all(ln.bold == label.bold and abs(ln.size - label.size) < 0.6 and abs(ln.y0 - label.y0) < 0.6 * label.height and
               ln.x0 > label.x1 + 4 * label.size and len(ln.text.split()) <= 3 and
               not any(ch.isdigit() for ch in ln.text) and not _named_section(ln.text) and
               not FRONT_LABEL.match(ln.text) for ln in block.lines[1:])


def _abstract_label_beside(block: Block) -> bool:
    """The block opens with the word "Abstract" in bold, read as a line of its own, and its text
    starts on the label's baseline right of it in another face: a label set out in the margin
    beside the abstract's first line (IEEE's open journals: "ABSTRACT" in bold sans over none of
    the text, the paragraph indented beside it), a run-in label all the same."""
    if len(block.lines) < 2:
        return False
    label, first = block.lines[0], block.lines[1]
    return label.bold and _norm(label.text) == "abstract" and not first.bold and first.x0 > label.x1 and \
        abs((label.base if label.base is not None else label.y1) - (first.base if first.base is not None else first.y1)) < 1.5


def _author_names(line: Line) -> list[str]:
    text = line.text
    if len(line.spans) > 1:
        # Names set apart by wide spaces and nothing else ("Ross Girshick   Jeff Donahue", CVPR):
        # a gap between two pieces wider than 0.6 em parts them. The pieces give how many words
        # each group holds; the words are the line's (accents composed, ligatures mended).
        # A raised mark taken out of the text as a call ends a name too: names parted by their
        # affiliations' marks and a word space ("Chang Ge§∗ Yinan Li† Eric Eilebrecht†", acmart).
        called = {mark.strip() for mark in line.calls}
        groups = [line.spans[0][2]]
        after_mark = False
        for (_, end, _, _), (start, _, piece, _) in zip(line.spans, line.spans[1:]):
            gap = start - end
            if called and piece.strip() in called:
                after_mark = bool(groups[-1].strip())  # (the mark is no word of the text)
                continue
            if gap > 0.6 * line.size or after_mark and gap > 0.15 * line.size:
                groups.append(piece)
            else:
                groups[-1] += ("" if gap < 0.1 * line.size else " ") + piece
            after_mark = False
        counts = [len(group.split()) for group in groups]
        words = text.split()
        if len(groups) > 1 and sum(counts) == len(words):
            bounds = list(itertools.accumulate(counts))
            text = ", ".join(" ".join(words[a:b]) for a, b in zip([0] + bounds[:-1], bounds))
    text = cached(r"[\d*†‡§¶∗⋆♮♯,]+(?=\s|,|$)").sub(",", text)
    parts = cached(r",|\band\b|·|&|;|\s{3,}").split(text)
    names = []
    for part in parts:
        # affiliation letters and marks after a name (Elsevier: "Haytham M. Fayek a,⇤")
        kept = [w for w in part.split() if not (len(w) == 1 and (w.islower() or not w.isalnum()))]
        name = " ".join(kept).strip(" .")
        words = name.split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not AFFILIATION.search(name) and \
                not MEMBER_GRADE.match(name):
            names.append(name)
    return names


# IEEE's membership grades after the authors' names: "Paolo Frasconi, Student Member, IEEE".
MEMBER_GRADE = compile_later(r"^(?:(?:student|senior|life)\s+)?(?:member|fellow)(?:\s+ieee)?$", re.IGNORECASE)


# ───────────────────────────── the parser ─────────────────────────────


@dataclass
class _Parsed:
    """Intermediate results kept for tests and benchmarks (reading order, block kinds)."""

    blocks: list[Block]
    body_size: float


# Front matter printed between the abstract and the first heading: keywords and classification.
# The keywords or index terms run on after the abstract's last sentence, in its paragraph ("... on
# established benchmarks. Keywords: data cleaning, ...", "Index Terms— ...", "General Terms ...").
TRAILING_FRONT_LABEL = compile_later(r"(?<=[.!?])\s+(?:Key\s?[Ww]ords|KEYWORDS|Index Terms|INDEX TERMS|General Terms|"
                                  r"Categories and Subject Descriptors|CCS Concepts|ACM Classification|Author Keywords)"
                                  r"\b.*$", re.DOTALL)


def _glued_words(text: str, words: Counter) -> int:
    """How many words of `text` read as two of the paper's words run together ("wouldprovide",
    "userswith"): each printed once, both halves printed three times or more. A text layer that
    lost the spaces of tightly justified rows (Ghostscript 6 leaves a gap of 0.13 em and no space
    character) gives several; a paper's own rare compounds, hardly ever two."""
    found = 0
    get = words.get
    glued: dict[str, bool] = {}  # (a token's answer, kept for its other printings)
    for token in cached(r"(?<![\w-])[a-z]{5,}(?![\w-])").findall(text):
        if get(token, 0) > 1:
            continue
        if (two := glued.get(token)) is None:
            two = glued[token] = False
            for k in range(2, len(token) - 1):  # (a loop, not a generator: each of a paper's rare words is tried)
                if get(token[:k], 0) >= 3 and get(token[k:], 0) >= 3:
                    two = glued[token] = True
                    break
        found += two
    return found


# Glued words (`_glued_words`) in the paper's lines before its letters' gaps are read again: this
# many, and this many per word of its text (a paper's own compounds, "wouldbe" here and there, come
# to under 1.8 in a thousand words; a text layer that lost its narrow word gaps, to 2-11).
LOST_SPACE_GLUED = 3
LOST_SPACE_GLUED_RATE = 0.0018
# Then first the pages with the most glued words, this many, read by themselves (`_respace_lines`).
LOST_SPACE_FIRST_PAGES = 2
LOST_SPACE_RUN = 20


def _lost_spaces(doc, pages: list[int], reopen=None, read: dict | None = None) -> dict[str, str]:
    """The words of `pages` that their letters' gaps part ("aboutone": "about one"), read again
    letter by letter (`paperkit.reading.lost_spaces`, imported only for a paper that needs it)."""
    from paperkit.reading.lost_spaces import lost_spaces

    return lost_spaces(doc, pages, reopen, read)


def _respace_lines(pages_lines: list[list[Line]], turns: list, doc, words: Counter, reopen=None) -> bool:
    """Put back the word spaces the paper's text layer lost (`_lost_spaces`) in its lines, when its
    lines show them lost: `LOST_SPACE_GLUED` words or more read as two of the paper's words run
    together (then its upright pages are read again letter by letter). A word is parted only where
    the paper prints it nowhere else and it is no English word, into parts the paper prints twice
    or more or that are English words. Whether any line changed."""
    text = " ".join(ln.text for lines in pages_lines for ln in lines).lower()
    glued = _glued_words(text, words)
    if glued < LOST_SPACE_GLUED or glued < LOST_SPACE_GLUED_RATE * len(text.split()):
        return False
    glued_pages = [k for k, lines in enumerate(pages_lines) if turns[k] is None and lines]

    def worded(token: str) -> str:
        return "".join(filter(str.isalpha, token.lower()))  # (filtered in C)

    def word(w: str) -> bool:  # (printed twice or more by the paper, or an English word)
        return words.get(w, 0) >= 2 or lexicon.frequency(w) > 0

    # (only a word the paper prints nowhere else and no English word, parted into words of two
    # letters or more, or "a": a heading's capitals or a pair of letters kerned apart, "INT
    # RODUCT ION", "sy mmetric", and a roman numeral's letters, "V III", stay)
    letters: dict = {}  # (each page's letters read once)

    def fixes_of(pages: list[int], reopen=None) -> dict[str, str]:
        return {token: parted for token, parted in _lost_spaces(doc, pages, reopen, letters).items()
                if words.get(worded(token), 0) <= 1 and not lexicon.frequency(worded(token)) and
                all(not (w := worded(part)) or (len(w) > 1 or part == "a") and word(w) for part in parted.split())}

    # The pages with the most glued words are read first, by themselves, with any page that has a
    # row run together whole (a word of 20 letters or more the paper prints nowhere else): a paper
    # that merely prints many rare compounds has none of them parted there, and its other pages are
    # not read at all (a text layer that lost its word gaps loses them on every page, these first).
    if len(glued_pages) > LOST_SPACE_FIRST_PAGES:
        per_page = {k: _glued_words(" ".join(ln.text for ln in pages_lines[k]).lower(), words) for k in glued_pages}
        first = set(sorted(glued_pages, key=lambda k: -per_page[k])[:LOST_SPACE_FIRST_PAGES])
        # (a token has no more letters than characters: only one of LOST_SPACE_RUN characters or
        # more is looked into, not every word of every page)
        first.update(k for k in glued_pages if any(len(token) >= LOST_SPACE_RUN and len(w := worded(token)) >= LOST_SPACE_RUN and
                                                   words.get(w, 0) <= 1 for ln in pages_lines[k] for token in ln.text.split()))
        if len(first) < len(glued_pages) and not fixes_of(sorted(first)):
            return False
    fixes = fixes_of(glued_pages, reopen)
    if not fixes:
        return False
    pattern = re.compile(r"(?<!\S)(" + "|".join(map(re.escape, sorted(fixes, key=len, reverse=True))) + r")(?!\S)")
    changed = False
    for k in glued_pages:
        for ln in pages_lines[k]:
            text = pattern.sub(lambda m: fixes[m.group(1)], ln.text)
            if text != ln.text:
                ln.text = text
                ln.spans = [(x0, x1, pattern.sub(lambda m: fixes[m.group(1)], t), style) for x0, x1, t, style in ln.spans]
                changed = True
    return changed


# lines, graphic boxes, rotated lines, rules, (white marks, other marks, images), the turn of a
# sideways page read upright (`_sideways_turn`) or None
# ..., and the boxes of its large paths with text over them (`_watermark_candidates`)
PageReading = tuple[list[Line], list[tuple], list[tuple], list[tuple], tuple, tuple | None, list[tuple], frozenset]
# A watermark ("UNCORRECTED PROOF", "DRAFT") drawn as shapes: one large path, the same on page
# after page, with the running text set over it. At least this many pages, and half the paper's,
# carry the same path's box before it is taken for one.
WATERMARK_PAGES = 3
WATERMARK_AREA = 0.1  # of the page's: a path smaller than this is never taken for a watermark
WATERMARK_LINES = 3  # lines of text wholly inside the path's box


def _watermark_candidates(marks, lines: list[Line], width: float, height: float) -> frozenset:
    """(rounded box, whether a few lines of text lie wholly inside it) of each of the page's large
    non-white filled paths (as far as their clips reach): the marks a watermark may be, weighed
    across the paper (`_watermark_boxes`)."""
    out = set()
    least = WATERMARK_AREA * width * height
    for kind, box, clip, white in marks:
        if kind != "fill-path" or white:
            continue
        if clip is None:
            b = box
        else:  # (`_clipped` written out: a page of plots has tens of thousands of filled paths)
            x0, y0, x1, y1 = box
            c0, c1, c2, c3 = clip
            b = (c0 if c0 > x0 else x0, c1 if c1 > y0 else y0, c2 if c2 < x1 else x1, c3 if c3 < y1 else y1)
        if (b[2] - b[0]) * (b[3] - b[1]) < least:
            continue
        inside = 0
        for ln in lines:
            if ln.x0 >= b[0] and ln.x1 <= b[2] and ln.y0 >= b[1] and ln.y1 <= b[3]:
                inside += 1
                if inside >= WATERMARK_LINES:
                    break
        out.add((tuple(round(v) for v in b), inside >= WATERMARK_LINES))
    return frozenset(out)


def _watermark_boxes(candidates: list[frozenset]) -> frozenset:
    """The boxes of the candidates (`_watermark_candidates`) found on `WATERMARK_PAGES` pages or
    more, and on at least half the paper's, with text over them on `WATERMARK_PAGES` pages or more:
    a mark repeated behind the text of page after page is no figure of any."""
    count, over = Counter(), Counter()
    for boxes in candidates:
        for b, texted in boxes:
            count[b] += 1
            over[b] += texted
    least = max(WATERMARK_PAGES, (len(candidates) + 1) // 2)
    return frozenset(b for b, n in count.items() if n >= least and over[b] >= WATERMARK_PAGES)


def _turned_marks(marks, turn: tuple):
    """The page's marks (`ink.page_marks`) turned as its sideways text was (`_sideways_turn`)."""
    from paperkit.reading.ink import Marks

    a, b, c, d, e, f = turn

    def turned(r) -> tuple:  # (a quarter turn: the box's corners, turned, are the new box's; as `_to_shown_page`)
        x0, y0, x1, y1 = r
        if x1 < x0 or y1 < y0:
            return r  # (an empty clip stays empty: what is drawn under it is never seen)
        p0, q0, p1, q1 = a * x0 + c * y0 + e, b * x0 + d * y0 + f, a * x1 + c * y1 + e, b * x1 + d * y1 + f
        return (min(p0, p1), min(q0, q1), max(p0, p1), max(q0, q1))

    out = Marks()
    for kind, box, clip, white in marks:
        out.append((kind, turned(box), None if clip is None else turned(clip), white))
    out.image_pixels = list(getattr(marks, "image_pixels", ()))
    return out


def _boxes_turned_back(floats: list[Figure], turns: list) -> list[Figure]:
    return [replace(f, bbox=_turned_back(f.bbox, turns[f.page - 1]), caption_bbox=_turned_back(f.caption_bbox, turns[f.page - 1]))
            if f.page and turns[f.page - 1] is not None else f for f in floats]


def _turned_back(box: tuple | None, turn: tuple | None) -> tuple | None:
    """A box of a sideways page read upright (`_sideways_turn`) on the page as printed."""
    if box is None or turn is None:
        return box
    import pymupdf

    return tuple(round(v, 1) for v in pymupdf.Rect(box) * ~pymupdf.Matrix(*turn))


# Fonts solved as ciphers (`unnamed_fonts.cipher_keys`) while their pages are read again: font -> (space code, key).
_CIPHER_KEYS: dict[str, tuple[str | None, dict[str, str]]] = {}
# A paper whose lines hold this many U+FFFD or more (and a page of them a fifth of its letters or
# more) has its unnamed fonts' codes solved as ciphers (`paperkit.reading.cipher`).
CIPHER_LEAST_UNNAMED = 300
CIPHER_PAGE_SHARE = 0.2


def _unnamed_pages(readings) -> list[int]:
    """The pages to solve ciphers on (`unnamed_fonts.cipher_keys`): none unless the paper's lines hold
    `CIPHER_LEAST_UNNAMED` U+FFFD or more; then those whose lines are a `CIPHER_PAGE_SHARE` or more
    U+FFFD."""
    counts = []
    for reading in readings:
        text = "".join(ln.text for ln in reading[0])
        counts.append((text.count("\ufffd"), len(text) - text.count(" ")))
    if sum(n for n, _ in counts) < CIPHER_LEAST_UNNAMED:
        return []
    return [k for k, (n, total) in enumerate(counts) if n and n >= CIPHER_PAGE_SHARE * total]


def _read_again(page, index: int, *, again: list[bool], watermarks: frozenset) -> PageReading | None:
    """A page read again without the `watermarks` behind its text where `again[index]`; None for
    the others (their first reading stands)."""
    return _read_page(page, index, watermarks) if again[index] else None

def _read_page(page, index: int, watermarks: frozenset = frozenset()) -> PageReading:
    """What the parse needs of one page, read from that page alone: its lines, the boxes of its
    graphics, the boxes of its rotated lines (axis titles, margin stamps) and its horizontal rules
    (for algorithm floats); a sideways page all in its upright frame, and its turn. `watermarks`:
    the rounded boxes of paths left out as the paper's watermark (`_watermark_boxes`)."""
    from paperkit.reading.ink import Marks

    rotated: list[tuple] = []
    marks, textpage = page_marks_and_text(page, _text_flags())  # one run over the page for both
    turn: list[tuple] = []
    blank_ink: list[tuple] = []
    sideways: list = []
    lines = _page_lines(page, index, rotated, textpage, turn, blank_ink, sideways)
    if not turn and not page.rotation and page.first_annot is not None:
        lines = _without_note_text(page, lines)
    candidates = frozenset() if page.rotation else \
        _watermark_candidates(marks, lines, page.rect.width, page.rect.height)
    if watermarks and any(b in watermarks for b, _ in candidates):
        kept = Marks()
        kept.extend(m for m in marks if not (m[0] == "fill-path" and not m[3] and tuple(
            round(v) for v in (_clipped(m[1], m[2]) if m[2] is not None else m[1])) in watermarks))
        kept.image_pixels = marks.image_pixels  # (no image is left out)
        marks = kept
    if blank_ink:  # (drawn words read as blanks: ink as a drawing's is, `_blank_ink`)
        marks.extend(("fill-path", box, None, False) for box in blank_ink)
    size = None
    if turn:
        marks = _turned_marks(marks, turn[0])
        size = (page.rect.height, page.rect.width)
    if not turn and not page.rotation:
        marks = _with_scanned_rules(page, marks, lines)
    seen: list = []
    notes: list = []
    boxes = _without_highlights(marks, _graphic_boxes(page, lines, marks, seen, notes, size), lines,
                                (size[0] if size else page.rect.width))
    if index <= 2:
        boxes = _without_label_bands(boxes, lines)
    if len(boxes) > 1:
        boxes = _with_pull_quotes(boxes, lines)
    if notes:  # a margin note's words are a reader's, no part of the paper's text
        lines = [ln for ln in lines if not any(_inside(ln, note, 0.0) for note in notes)]
    grounds, ink = seen[0]
    # the other marks serve only to trim white grounds (`_trim_to_seen`): not carried without any
    # (a forked helper pickles what it returns); the images' boxes, to trim their white margins
    # (`_trim_white_margins`)
    images = [_clipped(box, clip) + (pixels,) for (box, clip), pixels in
              zip(((box, clip) for kind, box, clip, _ in marks if kind == "fill-image"), marks.image_pixels)]
    # (and to find what a frame round a float and its caption holds, `_inside_frame`: carried when a
    # caption's opening line lies in a graphic's box)
    framed = not grounds and any(CAPTION.match(ln.text) and any(_inside(ln, b, 2.0) for b in boxes) for ln in lines)
    # (and to cut a figure ruled over and under across the text to what lies between its rules,
    # `_between_frame_rules`: carried when a graphic's top and bottom edges are hairlines across it)
    if not grounds and not framed and boxes:
        framed = _ruled_over_and_under(boxes, marks)
    return lines, boxes, rotated, _horizontal_rules(marks), (grounds, ink if grounds or framed else [], images), \
        (turn[0] if turn else None), (_sideways_floats(sideways, boxes, marks) if sideways else []), candidates


def _without_note_text(page, lines: list[Line]) -> list[Line]:
    """The page's lines less the words of a reader's typed notes: the text of its FreeText
    annotations, which the text layer reads with the page's own (a reader's notes in Chinese round
    Fast R-CNN's Figure 1, taken for the figure's labels, stretched its crop 70 pt past the page's
    text). A line goes when it lies on a line of a note and its words are that note's: the paper's
    text a note is laid over stays."""
    import pymupdf

    notes = []
    for annot in page.annots(types=[pymupdf.PDF_ANNOT_FREE_TEXT]):
        for block in annot.get_textpage().extractDICT()["blocks"]:
            for line in block.get("lines", ()):
                notes.append((line["bbox"], "".join("".join(s["text"] for s in line["spans"]).split())))
    if not notes:
        return lines
    kept = [ln for ln in lines if not any(_inside(ln, box, 1.0) and "".join(ln.text.split()) in text
                                          for box, text in notes)]
    return [_without_note_runs(ln, notes) for ln in kept]


def _without_note_runs(line: Line, notes: list[tuple]) -> Line:
    """The line less a note's words read into its row: a run at either end that lies on a note's
    line and spells its words (a reader's "易于|倾向于" typed right after "are prone" at the end of a
    column's row: read as one line with it, the row crossed the gutter and the page's columns were
    read out of order)."""

    def noted(span: tuple) -> bool:
        mid = (line.y0 + line.y1) / 2
        return any(box[0] - 1 <= span[0] and span[1] <= box[2] + 1 and box[1] <= mid <= box[3] and
                   "".join(span[2].split()) in text for box, text in notes)

    spans = line.spans
    first, last = 0, len(spans)
    while last > first and noted(spans[last - 1]):
        last -= 1
    while first < last and noted(spans[first]):
        first += 1
    if (first, last) == (0, len(spans)) or first == last:
        return line
    head = " ".join(s[2] for s in spans[:first]).strip()
    tail = " ".join(s[2] for s in spans[last:]).strip()
    text = line.text
    if tail and text.endswith(tail):
        text = text[:-len(tail)].rstrip()
    if head and text.startswith(head):
        text = text[len(head):].lstrip()
    if text == line.text or not text:
        return line
    return replace(line, text=text, x0=spans[first][0], x1=spans[last - 1][1], spans=spans[first:last])


def _with_pull_quotes(boxes: list[tuple], lines: list[Line]) -> list[tuple]:
    """A pull quote, a few words of the text printed again in large type between two bars (CACM: 18 pt
    bold between grey bars 36 pt thick, over and under it), is one drawing with its bars: no running
    text, no heading (its first line, alone in 18 pt, was taken for a section's). Two drawings of
    one width, the first over the second, less than 60 pt high each, and between them only lines
    in one type larger than the page's most common by a third, flush left with the bars, the
    first and last less than 12 pt off them."""
    sizes = Counter()
    for ln in lines:
        sizes[round(ln.size, 1)] += len(ln.text)
    if not sizes:
        return boxes
    common = sizes.most_common(1)[0][0]
    out = list(boxes)
    for a in boxes:
        if a[3] - a[1] > 60:
            continue
        for b in boxes:
            if b is a or b[3] - b[1] > 60 or abs(a[0] - b[0]) > 2 or abs(a[2] - b[2]) > 2 or not 0 < b[1] - a[3] < 400:
                continue
            between = [ln for ln in lines if ln.y0 < b[1] and ln.y1 > a[3] and ln.x0 < a[2] and ln.x1 > a[0]]
            if len(between) < 2 or any(abs(ln.x0 - a[0]) > 3 or ln.size < 1.3 * common or ln.y0 < a[3] - 1 or
                                       ln.y1 > b[1] + 1 or abs(ln.size - between[0].size) > 0.5 for ln in between):
                continue
            if min(ln.y0 for ln in between) - a[3] > 12 or b[1] - max(ln.y1 for ln in between) > 12:
                continue
            joined = (a[0], a[1], max([a[2], b[2]] + [ln.x1 for ln in between]), b[3])
            if a in out and b in out:
                out = [box for box in out if box is not a and box is not b] + [joined]
    return out


def _with_scanned_rules(page, marks: list, lines: list[Line]) -> list:
    """A scanned page's marks with the rules printed in its scan: a page that is one image (a scan,
    its text layer the OCR's, unseen) draws no rule a float's box could be found from, so a boxed
    table or algorithm ("Table 1. The algorithm E." over its two rules) went without a crop. Where
    the page is one image and a line of it opens a float's caption, the page is rendered in grey at
    a pixel a point and each row of pixels dark for a run of a fifth of the page's width or more, at
    most 3 pixels thick (grey under 192: a thin rule shared by two rows of pixels is grey in both),
    is read as a filled rule (a row of letters is never dark that long). The
    marks as they were on any other page."""
    area = page.rect.width * page.rect.height
    images = [box for kind, box, _, _ in marks if kind == "fill-image"]
    if len(images) != 1 or any(kind in PATHS for kind, *_ in marks) or area <= 0:
        return marks
    box = images[0]
    if (min(box[2], page.rect.x1) - max(box[0], page.rect.x0)) * (min(box[3], page.rect.y1) - max(box[1], page.rect.y0)) < 0.85 * area:
        return marks
    if not any(_FLOAT_LABEL.match(ln.text) for ln in lines):
        return marks
    import pymupdf

    pix = page.get_pixmap(colorspace=pymupdf.csGRAY, alpha=False, annots=False)
    dark = pix.samples.translate(_DARK_PIXELS)
    least = 0.2 * pix.width
    found: list[list[int]] = []  # [x0, y0, x1, y1] in pixels
    for y in range(pix.height):
        row = dark[y * pix.stride:y * pix.stride + pix.width]
        if row.count(1) < least:
            continue
        x = 0
        for run in row.split(b"\x00"):
            if len(run) >= least:
                last = next((r for r in found if r[3] == y and abs(r[0] - x) <= 2 and abs(r[2] - x - len(run)) <= 2), None)
                if last is not None:
                    last[3] = y + 1
                else:
                    found.append([x, y, x + len(run), y + 1])
            x += len(run) + 1
    rules = [r for r in found if r[3] - r[1] <= 3]
    if not rules:
        return marks
    scale_x, scale_y = page.rect.width / pix.width, page.rect.height / pix.height
    out = type(marks)() if hasattr(marks, "image_pixels") else []
    out.extend(marks)
    if hasattr(marks, "image_pixels"):
        out.image_pixels = list(marks.image_pixels)
    # (each a point thick about its middle, as a table's rules are drawn: a rule shared by two rows of
    # pixels is no thicker for it)
    out.extend(("fill-path", (page.rect.x0 + r[0] * scale_x, page.rect.y0 + (r[1] + r[3]) / 2 * scale_y - 0.5,
                              page.rect.x0 + r[2] * scale_x, page.rect.y0 + (r[1] + r[3]) / 2 * scale_y + 0.5), None, False)
               for r in rules)
    return out


_DARK_PIXELS = bytes(1 if v < 192 else 0 for v in range(256))


# The labels of a journal's front-matter panels, as printed between two rules (Elsevier: "a r t i c l e
# i n f o" over the history and keywords, "a b s t r a c t" over the abstract, "h i g h l i g h t s").
PANEL_LABEL = compile_later(r"^(?:article\s*info(?:rmation)?|abstract|highlights|keywords|article\s*history|summary|"
                            r"graphical\s*abstract|article|info)$", re.IGNORECASE)


def _without_label_bands(boxes: list[tuple], lines: list[Line]) -> list[tuple]:
    """Drop the boxes that are a band between two rules holding only the front matter's panel labels
    (Elsevier's ruled "a r t i c l e  i n f o" and "a b s t r a c t" over the two columns of page 1,
    "h i g h l i g h t s" over the highlights): no graphic, and taken for one it swallowed the lines
    set at its edges (the abstract's first lines, the history's), leaving the abstract unfound."""
    out = []
    for box in boxes:
        inside = [ln for ln in lines if _inside(ln, box, 1.0)]
        if inside and box[3] - box[1] < 8 * max(ln.height for ln in inside) and \
                all(PANEL_LABEL.match(" ".join(ln.text.replace(" ", "").split())) for ln in inside):
            continue
        out.append(box)
    return out


def _clipped(box: tuple, clip: tuple | None) -> tuple:
    if clip is None:
        return tuple(box)
    return (max(box[0], clip[0]), max(box[1], clip[1]), min(box[2], clip[2]), min(box[3], clip[3]))


def _repeated_boxes(pages_boxes: list[list[tuple]]) -> set[tuple]:
    """The boxes (rounded to a point) that stand at the same place on several pages, at least two
    and a third of them: page furniture, such as a journal's stamp down the margin in rotated
    pieces ("rsif.royalsocietypublishing.org", "J R Soc Interface 13: 20160296") or the tab holding
    the page number. As an axis title or a panel, each stretched the figures near the margin over
    to it."""
    seen = Counter(key for boxes in pages_boxes for key in {_rounded(b) for b in boxes})
    least = max(2, -(-len(pages_boxes) // 3))
    return {key for key, n in seen.items() if n >= least}


def _without_repeated_images(page_graphics: list[list[tuple]], pages_images: list[list[tuple]]) -> list[list[tuple]]:
    """Each page's graphics less the images of page furniture that touch a figure's image: an
    image at the same place on a third of the pages or more (a proceedings' logo in the top
    corner of every page, QSARC 2024) clustered into one graphic with a figure's image set right
    under it, and the figure's crop took the logo and the white beside it. A graphic made of
    images alone, the furniture among them, is cut to the union of its other images."""
    keys = [[_rounded(i[:4]) for i in images] for images in pages_images]
    seen = Counter(key for page in keys for key in set(page))
    least = max(2, -(-len(pages_images) // 3))
    if not any(n >= least for n in seen.values()):
        return page_graphics
    out = []
    for graphics, images, page in zip(page_graphics, pages_images, keys):
        if not any(seen[k] >= least for k in page) or len(images) < 2:
            out.append(graphics)
            continue
        cut = []
        for g in graphics:
            inside = [(i[:4], seen[k] >= least) for i, k in zip(images, page)
                      if g[0] - 1 <= i[0] and g[1] - 1 <= i[1] and i[2] <= g[2] + 1 and i[3] <= g[3] + 1]
            kept = [i for i, furniture in inside if not furniture]
            if kept and len(kept) < len(inside) and \
                    all(abs(a - b) <= 2 for a, b in zip(g, (min(i[0] for i, _ in inside), min(i[1] for i, _ in inside),
                                                        max(i[2] for i, _ in inside), max(i[3] for i, _ in inside)))):
                g = (min(i[0] for i in kept), min(i[1] for i in kept), max(i[2] for i in kept), max(i[3] for i in kept))
            cut.append(g)
        out.append(cut)
    return out


def _rounded(box: tuple) -> tuple:
    return tuple(round(v) for v in box)


def parse_document(doc, *, source: str | None = None, use_outline: bool = True, reopen=None) -> Paper:
    """Parse an opened PyMuPDF document into a `Paper`. `reopen()`, when given, opens the same
    document again: its pages may then be read in forked processes (`paperkit.reading.forked`).

    The text boxes are measured the same way whatever else is installed: importing PyMuPDF's
    optional `pymupdf.layout` or `pymupdf4llm` turns MuPDF's quad corrections off for the whole
    process, which moves line boxes by tenths of a point and changed the parse of most papers. The
    parse turns them off itself (the setting it was tuned with) and gives the caller's back."""
    import pymupdf

    before = pymupdf.TOOLS.unset_quad_corrections()
    pymupdf.TOOLS.unset_quad_corrections(True)
    ahead: list = []  # (work begun in a forked helper, `_trims_ahead`: stopped however the parse ends)
    try:
        with cycle_collector_paused():
            return _parse_document(doc, source=source, use_outline=use_outline, reopen=reopen, ahead=ahead)
    finally:
        for helper in ahead:
            helper.stop()
        if reopen is not None:
            from paperkit.reading.forked import release

            release(reopen)  # (a page helper left lingering by a parse that failed)
        pymupdf.TOOLS.unset_quad_corrections(before)


_GC_LOCK = threading.Lock()
_gc_pauses = [0, False]  # parses under way, and whether the collector ran before the first of them


@contextlib.contextmanager
def cycle_collector_paused():
    """Python's cycle collector off while a paper is parsed. The parse makes hundreds of thousands
    of objects that live until it ends (span dicts, lines, blocks) and almost no cycles, so each
    collection walks ever more live objects and finds nothing (about a twentieth of the parse's CPU time).
    Reference counting still frees everything else; a count keeps parses in several threads (the
    reader's workers) from turning the collector back on under one another or leaving it off."""
    with _GC_LOCK:
        if not _gc_pauses[0]:
            _gc_pauses[1] = gc.isenabled()
            gc.disable()
        _gc_pauses[0] += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_pauses[0] -= 1
            if not _gc_pauses[0] and _gc_pauses[1]:
                gc.enable()


# The heads of a structured abstract (medical journals: "Background", "Methods and findings",
# "Conclusions", "Trial registration").
ABSTRACT_HEAD = compile_later(r"^(background|objectives?|aims?|purpose|context|design|setting|participants|"
                              r"interventions?|methods?|methods and findings|findings|results|conclusions?|"
                              r"interpretation|trial registration|main outcome measures?)$", re.IGNORECASE)


def _structured_abstract(blocks: list[Block], headings: dict, i: int) -> list[int]:
    """The indices of a structured abstract's heads under the heading "Abstract" (block `i`): set as
    headings of their own, all in one size (PLOS: 11.5 pt "Background", "Methods and findings",
    "Conclusions" under 14.5 pt "Abstract"), each over its paragraphs, the first right under the
    label. The first heading of another size, or one that is no such head or repeats one (the
    body's own "Background"), ends it; so does the page after the next. Empty when the block under
    the label is no such head."""
    first = headings.get(i + 1)
    if first is None or not ABSTRACT_HEAD.match(first.title.strip().rstrip(":")):
        return []
    size, page, heads, seen = blocks[i + 1].size, blocks[i].page, [], set()
    for k in range(i + 1, len(blocks)):
        if blocks[k].page > page + 1:
            break
        if k in headings:
            name = _norm(headings[k].title)
            if abs(blocks[k].size - size) > 0.3 or name in seen or \
                    not ABSTRACT_HEAD.match(headings[k].title.strip().rstrip(":")):
                break
            seen.add(name)
            heads.append(k)
    # (each head stands over text of its own)
    return heads if len(heads) >= 2 and all(k + 1 < len(blocks) and k + 1 not in headings for k in heads) else []


def _outline_with_points(doc) -> list:
    """The outline as `get_toc(simple=True)` gives it, each entry with the point it links to added:
    (page index, y down the page) or None. (The outline's items hold the point MuPDF resolved;
    `get_toc(simple=False)` would resolve every named destination again, a fifth of a page pass.)"""
    toc = doc.get_toc(simple=True)
    if not toc:
        return toc
    points: list = []

    def walk(item) -> None:
        # (an empty item wraps no outline: reading it would crash MuPDF, as `get_toc` knows)
        while item is not None and getattr(getattr(item, "this", None), "m_internal", None):
            try:
                page, y = item.page, item.y
                points.append((page, y) if isinstance(page, int) and page >= 0 and y == y and y > 0 else None)
            except Exception:  # (an item without a destination)
                points.append(None)
            if item.down:
                walk(item.down)
            item = item.next

    try:
        walk(doc.outline)
    except Exception:
        return toc
    if len(points) != len(toc):
        return toc
    return [list(entry) + [point] for entry, point in zip(toc, points)]


def _destination(doc, entry: list, turned: frozenset = frozenset()) -> tuple[int, float] | None:
    """(page index, y down the shown page) of the point an outline entry (`_outline_with_points`)
    links to; None without one, or on a rotated page (the point is the unrotated page's), or on a
    sideways page read upright (the indices in `turned`: its lines stand in the turned frame)."""
    point = entry[3] if len(entry) > 3 else None
    if point is None or not point[0] < doc.page_count or point[0] in turned or doc[point[0]].rotation:
        return None
    return point


def _without_abstract_heads(toc: list) -> list:
    """The outline less its front matter's labels ("Keywords") and a structured abstract's heads filed
    under its "Abstract" entry (BMC's bookmarks: "Abstract" > "Background:", "Results:",
    "Conclusions:") are the abstract's, no sections, and matched to the body's own "Background" and
    "Results" they took those headings' places and levels."""
    out, under = [], None  # (the "Abstract" entry's level and page)
    for entry in toc:
        level, title = entry[0], entry[1]
        if under is not None and level > under[0]:
            # (only a structured abstract's own heads, on its page: pandoc files the whole paper
            # under "Abstract")
            if ABSTRACT_HEAD.match(title.strip().rstrip(":")) and entry[2] <= under[1] + 1:
                continue
        elif under is not None:
            under = None
        if (label := FRONT_LABEL.match(title.strip())) and not title.strip()[label.end():].strip(" :.-—"):
            # A front matter label bookmarked as a heading (Word's PDFMaker: SIGCHI's "Author Keywords",
            # "ACM Classification Keywords", "General Terms", each an entry of its own): a label, no section.
            continue
        if _norm(title) == "abstract":
            under = (level, entry[2])
        out.append(entry)
    return out


def _parse_document(doc, *, source: str | None, use_outline: bool, reopen, ahead: list) -> Paper:
    import pymupdf

    from paperkit.reading.forked import map_pages, release
    from paperkit.reading.pdf import text_layer_warning

    pages_lines: list[list[Line]] = []
    page_graphics: list[list[tuple]] = []
    pages_rotated: list[list[tuple]] = []
    pages_rules: list[list[tuple]] = []
    pages_ink: list[tuple] = []
    turns: list[tuple | None] = []  # (a sideways page's turn: its boxes are the upright frame's)
    pages_sideways: list[list[tuple]] = []  # (floats set sideways among upright text, `_sideways_floats`)
    # (one page helper lingers, its pages sent: it works out the trims ahead, `_trims_ahead`, with
    # its copy of the document open, where a fork of its own would cost more than they gain)
    readings = map_pages(doc, _read_page, reopen, linger=True)
    # Pages whose fonts name no glyph, not even by a code the text layer knows (a paper printed
    # anew from one read by its codes): their fonts' codes solved as ciphers, the pages read again.
    if unnamed := _unnamed_pages(readings):
        from paperkit.reading.unnamed_fonts import cipher_keys

        if keys := cipher_keys(doc, unnamed):
            _CIPHER_KEYS.update(keys)
            try:
                readings = [_read_page(doc[k], k) if k in unnamed else reading for k, reading in enumerate(readings)]
            finally:
                _CIPHER_KEYS.clear()
    # A watermark drawn as paths behind page after page's text: those pages are read again without it.
    watermarks = _watermark_boxes([reading[7] for reading in readings])
    # (read as the pages were, in forked helpers when cores are idle: a paper marked on every page
    # is read twice over)
    if watermarks:
        again = [any(b in watermarks for b, _ in reading[7]) for reading in readings]
        fresh = map_pages(doc, functools.partial(_read_again, again=again, watermarks=watermarks), reopen)
        readings = [new if redo else old for old, new, redo in zip(readings, fresh, again)]
    for lines, graphics, rotated, rules, ink, turn, sideways, _ in readings:
        turns.append(turn)
        pages_sideways.append(sideways)
        pages_ink.append(ink)
        pages_lines.append(lines)
        page_graphics.append(graphics)
        pages_rotated.append(rotated)
        pages_rules.append(rules)
    page_graphics = _without_repeated_images(page_graphics, [images for _, _, images in pages_ink])
    repeated = _repeated_boxes(page_graphics) | _repeated_boxes(pages_rotated)  # page furniture
    pages_titles = [[r for r in rotated if _rounded(r) not in repeated] for rotated in pages_rotated]
    page_graphics = [_with_axis_titles([b for b in graphics if _rounded(b) not in repeated], titles)
                     for graphics, titles in zip(page_graphics, pages_titles)]
    trims = _trims_ahead(doc, page_graphics, [images for _, _, images in pages_ink], turns, reopen)
    if trims is not None:
        ahead.append(trims)
    release(reopen)  # (the page helper that lingers, when no trims were asked of it: it leaves now)
    rects = [page.rect if turn is None else page.rect * pymupdf.Matrix(*turn)  # (each `doc[i]` loads its page again)
             for page, turn in zip(doc, turns)]
    widths = [rect.width for rect in rects]
    # A page with lines has text: only pages without any (or with rotated text only) are read again.
    no_text = text_layer_warning(doc, known_text=[bool(lines) for lines in pages_lines])
    warnings: list[str] = [no_text] if no_text else []
    _strip_line_numbers(pages_lines)
    words = _document_words(ln for lines in pages_lines for ln in lines)
    if _respace_lines(pages_lines, turns, doc, words, reopen):
        words = _document_words(ln for lines in pages_lines for ln in lines)

    furniture = _furniture(pages_lines, page_graphics)
    sizes = Counter()
    typed = 0  # characters of lines in a typewriter face
    for lines in pages_lines:
        for ln in lines:
            if id(ln) not in furniture:
                sizes[ln.size] += len(ln.text)
                if ln.code:
                    typed += len(ln.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    if typed >= 2000 and typed > 0.9 * sum(sizes.values()):
        # A paper typed in a typewriter face throughout (a 1974 report scanned, its OCR layer set in
        # Courier, 99 % of its text): the monospaced lines are its prose, not code kept line by line.
        # (A page or two of listing alone stays code.)
        for lines in pages_lines:
            for ln in lines:
                ln.code = False

    # A repository's cover sheet before the paper (ResearchGate's "See discussions, stats, and author
    # profiles for this publication at: ...", "All content following this page was uploaded by ...")
    # prints the record's title, which may not be the paper's: the paper's first page is the next.
    # (A repository may set two such sheets, its own and the author's version's: the paper starts
    # after every one of them.)
    front = 0
    while front < min(3, len(pages_lines) - 1) and _cover_sheet(pages_lines[front]):
        front += 1
    # Captions first: they are never graphic text, and they locate the figures.
    ordered: list[Line] = []
    pages_drawn: list[list[tuple]] = []
    footnotes: list[Footnote] = []
    for index, lines in enumerate(pages_lines):
        kept = []
        label_line = None
        panel_labels: list[Line] = []  # bare "(a)" labels taken into a figure on this page
        subcaptions: list[Line] = []  # the lines of panels' own captions taken into a figure on this page
        caption_lines: list[Line] = []
        if any(ALGORITHM.match(ln.text) for ln in lines):
            _mark_algorithms(pages_rules[index], lines)
        if pages_rules[index] and any(ln.text.startswith("Algorithm ") for ln in lines):
            _mark_ruled_algorithm_labels(pages_rules[index], lines)
        stamps = _foot_stamps(lines, rects[index].height, body, page_graphics[index]) | \
            _margin_script_notes(lines, body) | _interlinear_notes(lines, body)
        lines = _with_drop_caps(lines, body)
        labels = _plot_labels(lines, page_graphics[index], body)
        in_caption_row = _caption_row_pieces(lines)
        drawn = list(page_graphics[index])  # the drawings' boxes before the labels at their edges grow them
        pages_drawn.append(drawn)
        beside = _column_text_beside(lines, drawn) if drawn else set()
        grown_into: list[Line] = []  # long lines of prose taken only by a box so grown
        for ln in sorted(lines, key=lambda ln: (ln.y0, ln.x0)):
            if id(ln) in furniture or id(ln) in stamps:
                continue
            if ln.code:
                # (a label in typewriter type set right beside a diagram, "Start epoch e+1" by its
                # timeline, is the diagram's: its box grows over it; code set in a frame stays text)
                if id(ln) in beside or _under_caption(ln, caption_lines) or \
                        not (_take_at_edge(ln, drawn, page_graphics[index]) or
                             _code_row_on_listing(ln, drawn, page_graphics[index], lines)):
                    kept.append(ln)
                continue
            # The line under an IEEE "TABLE II" label is the caption, however close to the table it sits.
            # (boxes of small type set tight may overlap by a point: Elsevier's 6.5 pt "Table 1" over its caption)
            under_label = label_line is not None and -0.3 * label_line.height < ln.y0 - label_line.y1 < label_line.height * 1.5 and \
                ln.x0 < label_line.x1 and ln.x1 > label_line.x0
            # (the label waits for the next line of its own column: a line of the column beside it
            # may come between, its top a few points under the label's: Elsevier's "Table 4" over
            # "Parameter setting for BO training." in the right column, level with the left one's text)
            is_label = bool(CAPTION_LABEL_LINE.match(ln.text))
            if is_label:
                label_line = ln
            elif label_line is not None and ln.x0 < label_line.x1 and ln.x1 > label_line.x0:
                label_line = None
            # A caption set above a table wraps onto lines that sit within the table's margin
            # (revtex: "TABLE I. ... con-" / "figurations."); they stay caption while not inside the
            # table's own box. A box round the line's words alone, less than two of its lines high and
            # no wider than the line and a little, is a coloured key behind a word, no float (ICML
            # 2025: the caption's last line "top3 ." on the key shaded behind "top3"). A line holding
            # tall math (primes, a matrix's brackets) rises into the line over it by a point or two:
            # still the caption's next line, not a panel's own caption (ICML 2021: "(a) sphere, (b)
            # cuboid and (c) ellipsoid. w = (1, 1) and w′ =" 1.5 pt into "Figure 1. Loss contours
            # ...", taken as a subcaption, grew the figure's box over its caption). A caption set
            # inside the frame round its float (BMC) goes on inside it.
            over = [c for c in caption_lines if -0.3 * c.height < ln.y0 - c.y1 < c.height * 1.5 and
                    ln.x0 < c.x1 and ln.x1 > c.x0 and abs(ln.size - c.size) < 0.6]
            continued = bool(over) and \
                not any(_inside(ln, box, 0.0) and not (box[3] - box[1] < 2 * ln.height and
                                                      box[2] - box[0] < ln.x1 - ln.x0 + 2 * ln.height) and
                        not any(_inside(c, box, 0.0) and 0 <= box[3] + 1 - ln.y1 < 3 * ln.height for c in over)
                        for box in page_graphics[index])
            # (a caption all bold whose label has no separator is a caption inside a drawing too: BISE's
            # "Tab. 1 Evaluation of maturity models ..." on the shaded band heading its table)
            if CAPTION.match(ln.text) or is_label or under_label or continued or id(ln) in in_caption_row or \
                    (ln.bold and UNSEPARATED_CAPTION.match(ln.text)) or \
                    _bare_figure_label(ln, page_graphics[index]) or _bold_label_caption(ln, body):
                caption_lines.append(ln)
            elif id(ln) in beside:
                pass  # a line of a column of text beside a drawing (`_column_text_beside`) is text
            elif _near_a_box(ln, page_graphics[index]) and not _goes_on(ln, kept, caption_lines, lines) and \
                    not _heads_paragraph_under(ln, lines, page_graphics[index]) and \
                    not _beside_inline_graphic(ln, lines, drawn) and \
                    not _past_closing_caption(ln, caption_lines, drawn) and (
                    _absorb(ln, page_graphics[index], 8.0, lines=lines) or
                    (not _under_caption(ln, caption_lines) and _take_at_edge(ln, drawn, page_graphics[index]))):
                if len(ln.text) > 40 and _is_prose(ln) and not any(_inside(ln, box, 2.0) for box in drawn):
                    grown_into.append(ln)
                elif subcaptions and _subcaption_goes_on(ln, subcaptions, page_graphics[index]):
                    subcaptions.append(ln)  # (a short row of a panel's caption: the next may go on from it)
                continue  # text inside a figure or table (its box grows to hold the labels at its edge)
            elif SUBCAPTION.match(ln.text) and (_below_graphic(ln, page_graphics[index], lines) or _in_label_row(ln, panel_labels)):
                if BARE_PANEL_LABEL.match(ln.text):
                    panel_labels.append(ln)
                else:
                    subcaptions.append(ln)
                continue  # a panel's own caption, "(a) Positive pairs", under its drawing
            elif _subcaption_goes_on(ln, subcaptions, page_graphics[index]):
                subcaptions.append(ln)
                continue  # the line a panel's caption wraps onto
            elif TICK_LABELS.match(ln.text) and not (ln.bold and _heads_paragraph_under(ln, lines, page_graphics[index])) and \
                    _absorb(ln, page_graphics[index], 30.0, min_height=20.0):
                continue  # axis tick labels just outside a plot's frame (a heading's bare number is none)
            elif _panel_names_row(ln, lines, drawn, page_graphics[index]):
                continue  # a row of panels' names, one under each drawing ("Mar. 14", "June 25", "Aug. 12")
            elif id(ln) in labels and not _goes_on(ln, kept, caption_lines, lines) and \
                    not _heads_paragraph_under(ln, lines, page_graphics[index]) and \
                    not _past_closing_caption(ln, caption_lines, drawn) and \
                    not _beside_inline_graphic(ln, lines, drawn, edges=True):
                _take_label(ln, page_graphics[index])
                continue  # a panel's or an axis's title a little off its drawing
            kept.append(ln)
        if grown_into:
            kept = _with_paragraph_openings(grown_into, kept)
        if any(b[1] < d[1] - 0.5 for b, d in zip(page_graphics[index], drawn)):
            kept = _labels_over_raised(kept, page_graphics[index], drawn, caption_lines, body, lines)
        if pages_titles[index]:
            # The labels have grown the drawings over their tick labels: a y-axis title farther off
            # the plot's frame than `_with_axis_titles` reaches stands beside them (LNCS: "Number of
            # Axioms" 40 pt left of the frame, left of tick labels "1 × 10^6" 28 pt wide).
            page_graphics[index] = _with_axis_titles(page_graphics[index], pages_titles[index])
        kept, notes = _split_footnotes(kept, body, widths[index], rects[index].height, first_page=index == front)
        for mark, note_lines in notes:
            text = _join_lines([ln.text for ln in note_lines], words)
            if mark:
                text = text[len(mark):].lstrip() if text.startswith(mark) else \
                    text[len(mark) + 2:].lstrip() if text.startswith(f"[{mark}]") else text
                footnotes.append(Footnote(mark=mark, text=text, page=index + 1))
            elif mark == "" and footnotes and footnotes[-1].page >= index:  # continued from the column before
                footnotes[-1] = replace(footnotes[-1], text=_join_lines([footnotes[-1].text, text], words))
        ordered.extend(_reading_order(kept, widths[index], first_page=index == front))

    pitches = [b.y0 - a.y0 for a, b in zip(ordered, ordered[1:])
               if a.page == b.page and a.column == b.column and abs(a.size - body) < 0.3 and 0 < b.y0 - a.y0 < body * 2.6]
    pitch = statistics.median(pitches) if pitches else body * 1.2
    blocks = _split_at_abstract_label(_split_run_in(_blocks(ordered, body, pitch)))
    blocks = _caption_second_columns(blocks, page_graphics, body)
    for block in blocks:  # abstracts and captions resolve their line-end hyphens as paragraphs do
        block.words = words

    # Front matter: everything on page 1 above the abstract or first heading.
    # (with each entry's destination: where it points on its page, `_destination`)
    toc = _without_abstract_heads(_outline_with_points(doc)) if use_outline else []
    if toc:
        blocks = _bookmarked_lines_apart(blocks, toc, functools.partial(
            _destination, doc, turned=frozenset(i for i, turn in enumerate(turns) if turn is not None)))
    headings = layout = _layout_headings(blocks, body)
    if not toc:
        # (without an outline, the sections are the layout's headings: a list of them printed on a
        # page, matched to the headings printed after it, holds none)
        listed = _printed_contents([[h.level, f"{h.number or ''} {h.title}", k] for k, h in sorted(layout.items())],
                                   blocks, later=True)
        if listed:
            # (read again without it: its numbers made the sections' own read as going back)
            headings = layout = _layout_headings(blocks, body, skip=listed)
    from_outline: dict[int, _Heading] = {}
    if toc:
        turned = frozenset(i for i, turn in enumerate(turns) if turn is not None)
        from_outline = _toc_headings(toc, blocks, functools.partial(_destination, doc, turned=turned))
        if _outline_is_usable(from_outline, headings) and not _levels_unlike_print(from_outline, blocks):
            headings = _keep_reference_heading(_keep_unbookmarked_headings(_reconcile_outline(from_outline, headings), layout, body, blocks),
                                               layout)
            headings = _keep_headings_past_the_outline(headings, from_outline, layout, blocks, body)
            headings = _keep_unbookmarked_subheadings(headings, layout, blocks, body)
    # Abstract: a heading "Abstract" or a paragraph that starts with "Abstract".
    abstract = None
    text_start = None  # the index of the text's first paragraph when page 1 has no abstract before it (`_text_goes_on_under`)
    abstract_index = None
    for i, block in enumerate(blocks):
        # (the first 60 blocks, and all of page 1's: a title page of many authors, each name,
        # affiliation and address a block of its own, runs past 60 before its abstract)
        if i >= 60 and block.page > 0:
            break
        h = headings.get(i)
        if (h and _norm(h.title) == "abstract") or (_norm(block.text) == "abstract" and len(block.lines) == 1) or \
                _abstract_label_by_side_label(block):
            parts = []
            heads = _structured_abstract(blocks, headings, i)
            for k in heads:
                headings.pop(k, None)
                blocks[k].kind = "front"
            for j in range(i + 1, len(blocks)):
                if heads and j <= heads[-1] + 1:
                    if j not in heads and abs(blocks[j].size - blocks[heads[0] + 1].size) <= 0.6:
                        parts.append(blocks[j])
                    elif j not in heads:
                        blocks[j].kind = "front"  # beside it, a sidebar's notes in small type are not of it
                    continue
                if j in headings or blocks[j].page > block.page + 1:
                    break
                # (its last part in its first's type: notes in smaller type at the page's foot come after
                # it, and may end in a full stop where it goes on overleaf)
                last = parts[-1] if parts else None
                if last is not None and _note_under_text(last, parts[:-1], parts[0].size):
                    last = next(part for part in reversed(parts) if abs(part.size - parts[0].size) < 0.3)
                if last is not None and blocks[j].page > last.page and last.text.rstrip().endswith((".", "!", "?")) and \
                        sum(len(part.text) for part in parts) >= 600:
                    # A whole abstract, its last sentence ended at the foot of its page: the next page
                    # opens the paper's text, however it is headed (Nature Portfolio: the introduction
                    # under no heading at the top of page 2, after the abstract and its plain language
                    # summary on page 1).
                    break
                if FRONT_LABEL.match(blocks[j].text):
                    # The keywords under it end it (a page whose introduction has no heading): the
                    # label and a short list after it on a line or two of their own are front matter.
                    blocks[j].kind = "front"
                    after = blocks[j + 1] if j + 1 < len(blocks) and j + 1 not in headings else None
                    if len(blocks[j].lines) == 1 and after is not None and len(after.lines) <= 2 and \
                            after.page == blocks[j].page:
                        after.kind = "front"
                    break
                parts.append(blocks[j])
            # A plot's legend or tick label beside the abstract ("56-layer" in small type) is not of it.
            sizes = Counter()
            for part in parts:
                sizes[part.size] += len(part.text)
            main = sizes.most_common(1)[0][0] if sizes else body
            parts = [part for part in parts if part.size >= 0.8 * main or len(part.text) >= 60]
            # Nor are the notes at the foot of its page, in smaller type under its lines there, where
            # it goes on overleaf (Elsevier: the corresponding author's note, its mark a glyph the
            # text layer cannot name, and the journal's line under it, between "... using this
            # application as the" and "basis of ..." at the top of page 2).
            foot = [part for k, part in enumerate(parts) if _note_under_text(part, parts[:k], main) and
                    any(p.page > part.page and abs(p.size - main) < 0.3 for p in parts[k + 1:])]
            # So are such notes after its last sentence, under it on its page (a 1993 proceedings' scan:
            # the grant's note and the copyright notice in 7.5 pt at the foot of the abstract's column)
            last = max((k for k, part in enumerate(parts) if abs(part.size - main) < 0.3), default=None)
            if last is not None and parts[last].text.rstrip().endswith((".", "!", "?")):
                foot += [part for part in parts[last + 1:] if part.size < 0.92 * main and part.page == parts[last].page and
                         part.lines[0].y0 > parts[last].lines[-1].y1]
            for part in foot:
                part.kind = "front"
            parts = [part for part in parts if not any(part is b for b in foot)]
            # Nor is a sidebar's note in smaller type beside it, in a margin column of its own that no
            # line of the abstract's type shares (PLOS: the funding statement's rest atop page 2's
            # left margin, above the abstract's last lines in the main column).
            spans = [(ln.x0, ln.x1) for part in parts if abs(part.size - main) < 0.3 for ln in part.lines]
            beside = [part for part in parts if part.size < 0.9 * main and spans and
                      all(ln.x1 < x0 or ln.x0 > x1 for ln in part.lines for x0, x1 in spans)]
            for part in beside:
                part.kind = "front"  # (the sidebar's, as on page 1)
            parts = [part for part in parts if not any(part is b for b in beside)]
            for part in parts:
                part.kind = "abstract"
            abstract = " ".join(part.text for part in parts) or None
            abstract_index = i
            headings.pop(i, None)
            block.kind = "front"
            break
        run_in = cached(r"^abstract\s*[.:—–-]\s*(.+)$", re.IGNORECASE | re.DOTALL).match(block.text)
        if run_in is None and (_bold_abstract_label(block.lines[0]) or _abstract_label_beside(block)):
            run_in = cached(r"^abstract\s+(.+)$", re.IGNORECASE | re.DOTALL).match(block.text)  # Springer: **Abstract** Text
        # (a report's covers may stand before the paper's first page, an archive's and the institute's,
        # and a blank page: its "Abstract:" on page 4 still opens the paper when no section's heading,
        # numbered or of a usual name, comes before it)
        if run_in and (block.page <= 1 or block.page <= 3 and not any(
                0 <= k < i and (h.number is not None or _named_section(h.title)) for k, h in headings.items())):
            abstract, abstract_index = run_in.group(1).strip(), i
            block.kind = "abstract"
            *between, rest = _abstract_continued(blocks, i) or [None]
            if rest is not None:
                for j in between:
                    blocks[j].kind = "front"
                blocks[rest].kind = "abstract"
                abstract = _join_lines([abstract, blocks[rest].text], words)
            break
    for k in [k for k, h in headings.items() if k >= 0 and h.number is None and _norm(h.title) == "abstract" and
              k != abstract_index and (abstract_index is not None and k > abstract_index)]:
        # An abstract's label past the paper's own (a supplement's "Abstract" under its "Supplementary
        # Material" heading): an abstract, no section.
        headings.pop(k)
    first_heading = min([i for i in headings if i >= 0] + [abstract_index if abstract_index is not None else len(blocks)])
    opening = headings.get(first_heading)
    lifted = False  # the outline's entries were moved up from under a title entry

    def unnumbered(heading: _Heading) -> bool:
        # (a title that opens with the article "A", "A Hierarchical Feature Selection Method for",
        # reads as a heading lettered A; nothing lettered stands above the first section)
        return heading.number is None or heading.number == "A" and heading.title[:1].isupper()

    if opening is not None and unnumbered(opening) and blocks[first_heading].page == 0 and \
            not REFERENCE_HEADINGS.match(opening.title) and not UNNUMBERED_HEADINGS.match(opening.title):
        # An outline that opens with the paper's title (Springer's bookmarks): the largest type at the
        # top of page 1 is the title, not a section.
        # Its subtitle may follow at the next level, in large type too: part of the title as well.
        top = blocks[first_heading].lines[0]
        # (a banner naming the article's kind over the title, set larger than it, is no title: Nature's
        # 38 pt "ARTICLE" over the 28 pt title its outline opens with)
        biggest = max((ln.size for ln in _without_kind_banner(pages_lines[0], body)
                       if sum(ch.isalpha() for ch in ln.text) >= 2), default=0.0)
        if top.size >= biggest - 0.5 and biggest >= body * 1.15:
            title_level = opening.level
            while opening is not None and unnumbered(opening) and blocks[first_heading].page == 0 and \
                    not UNNUMBERED_HEADINGS.match(opening.title) and blocks[first_heading].size >= body * 1.15:
                headings.pop(first_heading)
                first_heading = min([i for i in headings if i >= 0] +
                                    [abstract_index if abstract_index is not None else len(blocks)])
                opening = headings.get(first_heading)
            # Every other entry filed under the title (APA's bookmarks: the title, then "Study 1" a level
            # down, its "Method" two down) stands a level too deep: the title is the document, no section,
            # so its entries move up to the level it held.
            rest = [h.level for h in headings.values() if h.level]
            if title_level and rest and min(rest) > title_level:
                shift = min(rest) - title_level
                lifted = True
                for h in headings.values():
                    if h.level:
                        h.level -= shift
    # The outline's levels start at 1: entries filed under ones that are no sections (the paper's
    # title, which matched no printed line when a drawing took it in; "Abstract") move up as far. The
    # title's entry, left unplaced on page 1 above every placed one, goes.
    levels = [h.level for k, h in headings.items() if k >= 0]
    moved_up = False
    if levels and all(levels) and min(levels) > 1:
        for k in [k for k, h in headings.items() if k < 0 and h.page == 1 and h.level < min(levels)]:
            headings.pop(k)
        for h in headings.values():
            h.level = max(1, h.level - (min(levels) - 1))
        moved_up = True  # (the entries under a title's stand at its level already: `_lift_under_title` moves them no more)
    if abstract_index is not None:
        # Nothing above the abstract is a section: a line of the front matter read as a heading (an
        # affiliations' line led by its raised mark, "1 Ajou University 2 KAIST"; a cover page's date,
        # "1 January 2004", and report number) on the abstract's page or the page before it. (A usual
        # section's name, "1 Introduction", read before an abstract set beside it, stays.)
        for k in [k for k, h in headings.items() if 0 <= k < abstract_index and
                  blocks[k].page >= blocks[abstract_index].page - 1 and not _named_section(h.title) and
                  not REFERENCE_HEADINGS.match(h.title)]:
            headings.pop(k)
        first_heading = min([i for i in headings if i >= 0] + [abstract_index])
    stop_y = blocks[first_heading].lines[0].y0 if first_heading < len(blocks) and blocks[first_heading].page == 0 else rects[0].height * 0.5
    # A running head is never the title, however large: CACM sets its section label ("contributed
    # articles") in 46 pt over page 1's title and again, smaller, at the top of every page.
    title, authors = _front_matter(_front_lines(pages_lines[0], furniture, body, pages_lines) if pages_lines else [],
                                   body, stop_y, words, widths[0] if widths else None)
    if not title and pages_lines and \
            len(headed := _front_lines(pages_lines[0], furniture, body, pages_lines, head=True)) > \
            len(_front_lines(pages_lines[0], furniture, body, pages_lines)):
        # (no title in large type under page 1's head: the head itself, set larger there than on
        # the other pages, is it)
        title, authors = _front_matter(headed, body, stop_y, words, widths[0] if widths else None)
    if not title and first_heading < len(blocks) and blocks[first_heading].page == 0 and stop_y < rects[0].height * 0.5 and \
            any(b.page == 0 and b.lines[0].y0 > stop_y for b in blocks[:first_heading]):
        # The first heading heads the right column at the top of the page, beside the title, names
        # and abstract in the left one, read before it (CACM 1974: "1. Introduction" level with the
        # page's head): the front matter is looked for down to the middle of the page.
        title, authors = _front_matter(_front_lines(pages_lines[0], furniture, body, pages_lines),
                                       body, rects[0].height * 0.5, words, widths[0] if widths else None)
    if front:
        # (after a cover sheet, the title the paper's own first page prints, when it sets one)
        # (down to its abstract or first numbered heading: the title itself may be read as a heading)
        under = next((b.lines[0].y0 for k, b in enumerate(blocks) if b.page == front and
                      (k == abstract_index or k in headings and headings[k].number is not None)), rects[front].height * 0.5)
        printed, names = _front_matter([ln for ln in pages_lines[front] if id(ln) not in furniture], body, under, words,
                                       widths[front])
        if printed:
            title, authors = printed, names
    elif title and abstract_index is not None and 1 <= blocks[abstract_index].page <= 2 and pages_lines:
        # A designed cover before the paper (a whitepaper's: "Blockstack Technical Whitepaper" in 28 pt,
        # the article's own title in small bold among its names and dates): the page the abstract
        # opens prints the title over it, and the cover names that one too, on a line of its own.
        page = blocks[abstract_index].page
        printed, names = _front_matter([ln for ln in pages_lines[page] if id(ln) not in furniture], body,
                                       blocks[abstract_index].lines[0].y0, words, widths[page])
        if printed and _norm(printed) != _norm(title) and len(printed.split()) >= 3 and \
                any(_norm(ln.text) == _norm(printed) for ln in pages_lines[0]):
            title, authors = printed, names
    if title:
        title = _without_label_line(title, (doc.metadata or {}).get("title", "").strip(),
                                    pages_lines[front] if pages_lines else [])
    if not title:
        printed = (doc.metadata or {}).get("title", "").strip()
        first_lines = [ln for ln in pages_lines[0] if id(ln) not in furniture] if pages_lines else []
        if printed and not JUNK_TITLE.match(printed) and not _glued_unprinted(printed, first_lines):
            title = _metadata_title_printed(printed, first_lines, words)
        else:
            # (a page that opens with the end of the article before it, Science's: the title in
            # far larger type under its references, past where the front matter was looked for)
            title, names = _title_lower_down(first_lines, body, words, widths[0] if widths else None)
            authors = names if title else authors
            title = title or _largest_top_line(pages_lines[0] if pages_lines else [], widths[0] if widths else None, words,
                                               furniture)
        title = title or Path(source or "untitled").stem
    if abstract is None and not front:  # (a cover sheet's notice is no abstract: its paper's page is read below)
        late = _title_under_headings(blocks, first_heading, body)
        if late is not None:
            # The paper starts under the end of another article on its page (Science's reports):
            # page 1's largest type, the title, comes after that article's headings ("References
            # and Notes"); the abstract is under the title, before the next heading (the names right
            # under the title, bold on a line of their own, may read as one).
            end = min([k for k in headings if k > late + 1] + [len(blocks)])
            abstract = _unlabelled_abstract(blocks[late:end], end - late, words, body=body)
        if abstract is None:
            abstract = _unlabelled_abstract(blocks, first_heading, words, body=body)
            at = next((i for i in range(first_heading) if blocks[i].kind == "abstract"), None) if abstract else None
            if at is not None and _text_goes_on_under(blocks[at], blocks):
                closed = _paragraphs_over_front_label(blocks, at, first_heading)
                if closed is not None:
                    # (paragraphs in the abstract's type down to a keywords line, before the first
                    # heading: an abstract of paragraphs indented alike, no text's opening)
                    for k in closed:
                        blocks[k].kind = "abstract"
                    abstract = _join_lines([abstract] + [blocks[k].text for k in closed], words)
                else:
                    blocks[at].kind = "text"  # (the text's first paragraph: no abstract, the text begins there)
                    abstract, text_start = None, at
        if abstract is None and _title_again_overleaf(blocks, first_heading):
            # Page 1 a summary page before the paper (Cell Press: title, names, graphical abstract and
            # highlights), the paper's own first page printing its title again: the abstract is there.
            abstract = _unlabelled_abstract(blocks, first_heading, words, page=1)
        # An abstract without a label that fills page 1 down to its notes goes on at the top of page 2,
        # in its own type, mid-word or mid-sentence (IJHCI: "... field trials of other tech-" | notes
        # | "nology, applications, ..."), as a labelled one does.
        at = next((i for i in range(first_heading) if blocks[i].kind == "abstract"), None) if abstract else None
        *between, rest = (_abstract_continued(blocks, at, overleaf=True) if at is not None else []) or [None]
        if rest is not None:
            for j in between:
                blocks[j].kind = "front"
            blocks[rest].kind = "abstract"
            abstract = _join_lines([abstract, blocks[rest].text], words)
    if abstract is None and front:
        # After a cover page the abstract without a label is on the paper's own first page, above its
        # first numbered heading (a journal's label over the title, AIP's "ARTICLES", may read as an
        # unnumbered heading before it; one that names a usual section, "Introduction", ends it).
        end = next((k for k, b in enumerate(blocks) if b.page > front or
                    b.page == front and k in headings and (headings[k].number is not None or
                                                           _named_section(headings[k].title))), len(blocks))
        abstract = _unlabelled_abstract(blocks, end, words, page=front)
    if abstract:
        abstract = TRAILING_FRONT_LABEL.sub("", abstract) or abstract
        # A structured abstract keeps its run-in heads, its first one included ("Background: DNA
        # methylation ..."), as printed: the reader shows what the page says, and its "Results:" and
        # "Conclusions:" heads stay in the text anyway.
    # (or a run of letters longer than any word: a whole row run together, Springer's tight first
    # line "Today,dataisgeneratedandconsumedatunprece-", whose words are printed nowhere else)
    if abstract and (_glued_words(abstract, words) >= 2 or cached(r"[a-z]{25,}").search(abstract)):
        from paperkit.reading.lost_spaces import respaced

        abstract = respaced(doc, [b for b in blocks if b.kind == "abstract" and turns[b.page] is None], abstract)
    if "\ufffd" in title:  # (a ligature the text layer cannot name, spelt out as a heading's is: "simpli\ufffded")
        title = _LIGATURE_WORD.sub(_named_ligature_word, title)
    title = _mend_ffff(title)  # (and one the font names U+FFFF: "Redshi\uffffRe-invented")
    title = " ".join(UNEXPRESSED.sub("", title).split())
    # A preprint's cover page that labels its fields ("Title: Speaker-induced suppression in EEG ...",
    # "Authors: ..."): the label is no part of the title.
    if TITLE_LABEL.match(title) and len(TITLE_LABEL.sub("", title, count=1).split()) >= 2:
        title = TITLE_LABEL.sub("", title, count=1)
    if abstract and "\ufffd" in abstract:
        abstract = _mend_unnamed_ligatures(abstract)  # (as a paragraph's: "speci\ufffdc")
    if abstract:
        abstract = _mend_ffff(abstract)
    abstract = " ".join(UNEXPRESSED.sub("", abstract).split()) if abstract else abstract
    if toc and not lifted and from_outline and headings is not layout:  # (the outline's headings in use)
        _lift_under_title(headings, toc, title, from_outline, move=not moved_up)
    # (under a cover page, the paper's first page prints title and names again above the abstract)
    front_page = min(blocks[abstract_index].page, 1) if abstract_index is not None and abstract_index <= first_heading else 0
    # An abstract set apart without a label (APA: indented in small type under the names) may be
    # followed on page 1 by the introduction, which bears no heading: paragraphs below the abstract in
    # the body's type are the paper's text, not front matter (notes on the authors at the page's foot
    # are set smaller).
    unlabelled = next((i for i in range(first_heading) if blocks[i].kind == "abstract"), None) \
        if abstract_index is None else None
    # The running text's type is the body's, or the type most of the paragraphs of the page after the
    # abstract's are set in: a journal that sets its methods and references smaller (Nature: 9.3 pt
    # text, 7.5 pt methods) has more characters in the small type, the body's size by count.
    text_sizes = {body}
    if unlabelled is not None:
        next_page = Counter()
        for b in blocks[unlabelled + 1:]:
            if b.page > blocks[unlabelled].page + 1:
                break
            if b.page > blocks[unlabelled].page and b.kind == "text" and len(b.lines) >= 2 and \
                    not CAPTION.match(b.text) and _prose_block(b):
                next_page[b.size] += len(b.text)
        if next_page:
            text_sizes.add(next_page.most_common(1)[0][0])
        # An opening set in type larger than the body's (CACM's review articles: the first paragraphs
        # in 12 pt down the left column, under the title, over 9.5 pt columns) goes on in paragraphs
        # of its own type: the paper's text, read after the first of them as its abstract.
        if blocks[unlabelled].size > body * 1.1:
            text_sizes.add(_block_type_size(blocks[unlabelled]))
    for i in range(first_heading):
        # A caption above the abstract (a teaser figure across both columns, `\captionof` inside
        # `\twocolumn[...]`) is found by its "Figure N:" label, wherever it stands.
        caption = CAPTION.match(blocks[i].text)
        # (a paragraph's type is that of most of its characters: a heading read into its block,
        # Nature's 10 pt "Supervised learning of policy networks" over 9.5 pt text, makes it no
        # front matter; nor does the end of a paragraph carried over from the column before, in
        # lower case, "policies or value functions based on a linear combination of input features.")
        # (or in the abstract's own type, within half a point of the body's: a scan's text layer
        # gives each page's type its own size, EMNLP 1996's 9.3 pt on page 1 and 9.1 pt after it)
        if unlabelled is not None and i > unlabelled and blocks[i].page == blocks[unlabelled].page and \
                (any(abs(_block_type_size(blocks[i]) - size) < 0.3 for size in text_sizes) or
                 abs(_block_type_size(blocks[i]) - body) < 0.6 and
                 abs(_block_type_size(blocks[i]) - _block_type_size(blocks[unlabelled])) < 0.3) and len(blocks[i].lines) >= 2 and \
                (_prose_block(blocks[i]) or blocks[i].text[:1].islower()) and not FRONT_LABEL.match(blocks[i].text):
            continue
        if text_start is not None and i >= text_start and blocks[i].page == blocks[text_start].page and \
                abs(_block_type_size(blocks[i]) - body) < 0.6 and len(blocks[i].lines) >= 2 and \
                (_prose_block(blocks[i]) or blocks[i].text[:1].islower()):
            continue  # (the text from its first paragraph on, a paper with no abstract)
        if blocks[i].page <= front_page and blocks[i].kind == "text" and not (caption and caption["sep"] in ":."):
            blocks[i].kind = "front"
    if unlabelled is not None:
        # A sentence on a line of its own between two of those paragraphs, in their type, is the
        # text's too: a list's last item (a troff essay: "3. An auditor can efficiently iterate over
        # the records in the log." under two items of two lines, over the paragraph that goes on).
        for i in range(unlabelled + 2, first_heading - 1):
            line, before, after = blocks[i], blocks[i - 1], blocks[i + 1]
            if line.kind == "front" and len(line.lines) == 1 and before.kind == after.kind == "text" and \
                    before.page == line.page == after.page and len(line.text.split()) >= 6 and \
                    line.text.rstrip().endswith((".", "!", "?")) and not FRONT_LABEL.match(line.text) and \
                    all(abs(_block_type_size(line) - _block_type_size(b)) < 0.3 for b in (before, after)):
                line.kind = "text"

    # Figures and tables.
    figures, tables = _floats(blocks, page_graphics, widths, pages_rules, pages_drawn=pages_drawn, body=body,
                              page_ink=[(g, ink, lines, rotated) for (g, ink, _), lines, rotated in zip(pages_ink, pages_lines, pages_rotated)])
    known = {(f.kind, f.number) for f in figures + tables}
    for index, sideways in enumerate(pages_sideways):
        for kind, number, caption, box, caption_box in sideways:
            if (kind, number) not in known:
                known.add((kind, number))
                (tables if kind == "table" else figures).append(
                    Figure(kind=kind, number=number, caption=_expressed(caption), page=index + 1,
                           bbox=box, caption_bbox=caption_box))
    if any(pages_sideways):
        figures.sort(key=lambda f: f.page)
        tables.sort(key=lambda f: f.page)
    figures, tables = _trim_white_margins(doc, [figures, tables], [images for _, _, images in pages_ink], turns, reopen,
                                          ahead=ahead[0] if ahead else None)
    for k in _headings_in_floats(headings, blocks, figures + tables):
        headings.pop(k)
        blocks[k].kind = "float"  # a panel's title in large type ("RecNN" over its tree): the figure's, not text
    for k in _headings_in_ruled_rows(headings, blocks, pages_rules):
        headings.pop(k)
        blocks[k].kind = "float"  # a table's column heads in large type, its crop cut short of them
    for k in [k for k, h in headings.items() if 0 <= k < len(blocks) and h.number is None and blocks[k].kind == "caption"]:
        headings.pop(k)  # a caption all bold without separator ("Figure 6 Table Entity Throughput ..."): no heading
    # A heading in large type over prose in type smaller than the body heads a box beside the text (a
    # magazine's sidebar, CACM's 26 pt "The Cost of Serverless" over 8 pt text), not the sections.
    boxed = {id(h) for k, h in headings.items() if 0 <= k < len(blocks) - 1 and h.number is None and
             h.size >= body * 1.15 and blocks[k + 1].kind == "text" and blocks[k + 1].size < 0.9 * body and
             len(blocks[k + 1].lines) >= 3 and _prose_block(blocks[k + 1]) and not REFERENCE_HEADINGS.match(h.title)}
    _assign_unnumbered_levels([h for h in headings.values() if h.size],
                              {id(h): blocks[k].bold for k, h in headings.items() if k >= 0}, boxed)
    for h in headings.values():
        if not h.level:
            h.level = 1
    # A heading whose text layer lost its word spaces (VLDB's "LOOKAHEADINFORMATIONPASSING": the
    # words set apart by 0.15 em of positioning, no space character) has a run of letters longer
    # than any word: its row is read again by the gaps between its letters (`lost_spaces.respaced`).
    for k, h in headings.items():
        if 0 <= k < len(blocks) and cached(r"[^\W\d_]{20,}").search(h.title) and turns[blocks[k].page] is None:
            from paperkit.reading.lost_spaces import respaced

            spaced = respaced(doc, [blocks[k]], h.title)
            if max(map(len, spaced.split()), default=0) < 20 and all(len(w) > 1 for w in spaced.split() if w not in h.title.split()):
                h.title = spaced

    # Sections in reading order, with their paragraphs.
    sections: list[Section] = []
    references: list[str] = []
    current: _Heading | None = None
    pending: list[list[Line]] = []  # the section's paragraphs as lines, made into Paragraphs at close()
    ref_lines: list[Line] = []
    in_refs = False
    ref_head: Line | None = None  # the first line of the references' heading, once found
    deferred: Block | None = None  # a heading in the references' type read before entries set above it
    refs_after = False  # under a heading that names the references after other matter
    calls: list[tuple[str, int, int, int]] = []  # (mark, page, section index, paragraph index)
    interrupted = False  # a float, caption or code block stood between the last paragraph and this one

    # A boxed sidebar (a heading in `boxed`) stands apart from the text's flow, as a float does: the
    # section it cut stays open while the sidebar is read, and text in the body's type on a page after
    # the sidebar's goes on with that section (CACM: a paragraph from the third column runs on over
    # the page, and the sidebar across the columns above it is read after the columns). The sidebar's
    # section is closed after the one it cut.
    stashed: list[tuple[_Heading, list[list[Line]]]] = []  # the section a sidebar cut, while it is read
    held: list[tuple[_Heading, list[list[Line]]]] = []  # sidebars read, closed after the section they cut

    def close_one(heading: _Heading | None, lines_list: list[list[Line]]) -> None:
        if heading is not None:
            paragraphs = []
            for index, lines in enumerate(lines_list):
                for ln in lines:
                    calls.extend((mark, ln.page + 1, len(sections), index) for mark in ln.calls)
                paragraphs.append(_paragraph(lines, words))
            sections.append(Section(heading.number, heading.title, heading.level, heading.page, tuple(paragraphs)))

    def close() -> None:
        if stashed:
            close_one(*stashed.pop())
        close_one(current, pending)
        while held:
            close_one(*held.pop(0))

    unplaced = sorted((k, h) for k, h in headings.items() if k < 0)
    supplement = _supplement_title(headings, blocks, title)
    for i in supplement:
        headings.pop(i)
    for i in _title_after_cover(headings, blocks, title, authors):
        headings.pop(i)
        blocks[i].kind = "front"  # (the title and names, as on page 1)
    # The text under a supplement's title, for its first section: read as an unheaded section's (a
    # sentence carried over a page joins up), which the supplement's first heading takes over, or
    # which stays one of its own when the supplement prints no heading the parse finds.
    carrier: _Heading | None = None
    # No "References" heading: entries labelled 1, 2, 3... from the block with label 1 on are the
    # bibliography, wherever the reading order puts them among the last sections' paragraphs.
    # An outline's "References" that points at no printed line (revtex's bookmark) places nothing, but
    # says a short list of entries is one.
    bookmarked = any(k < 0 and REFERENCE_HEADINGS.match(h.title) for k, h in headings.items())
    unheaded = None if any(k >= 0 and REFERENCE_HEADINGS.match(h.title) for k, h in headings.items()) else \
        _unheaded_references(blocks, 2 if bookmarked else 5, body)
    # A heading named like the bibliography with another such heading after it, past a section of
    # another name, is a section of the body ("Reference", a kind of artifact in a study's results):
    # the list starts at the last one, or at one whose first lines read as entries (a supplement's
    # own list after the paper's).
    named = sorted(k for k, h in headings.items() if k >= 0 and REFERENCE_HEADINGS.match(h.title))
    body_named = {k for k in named if any(k < j < named[-1] and not REFERENCE_HEADINGS.match(headings[j].title)
                                          for j in headings if j >= 0)}
    next_label: int | None = None  # the label the next unheaded entry carries, while taking them
    # Nor a numbered list: an author-year list that closes the paper under no heading of its own (a
    # manuscript's list after its author contributions, set off by a blank line only).
    author_year = _unheaded_author_year(blocks, max((k for k in headings if k >= 0), default=0)) \
        if unheaded is None and not bookmarked and \
        not any(k >= 0 and REFERENCE_HEADINGS.match(h.title) for k, h in headings.items()) else None
    for i, block in enumerate(blocks):
        if i == author_year:
            close()
            current, pending, in_refs = None, [], True
        if unheaded is not None and i >= unheaded and block.kind == "text" and i not in headings:
            number = _label_number(block.lines[0].text)
            # (an entry's rest is in the entries' type: text set larger, read after them, is the end
            # of the other column's paragraph, "remove such cases." atop revtex's right column)
            entry_type = block.size <= blocks[unheaded].size + 0.3
            if number is not None and (next_label is None or next_label <= number <= next_label + 3) or \
                    number is None and next_label is not None and entry_type and ref_lines and \
                    ref_lines[-1] is blocks[i - 1].lines[-1] and not _prose_paragraph(block.lines) or \
                    number is None and next_label is not None and _labels_after(block.lines, next_label) != next_label:
                # (the last: the rest of an entry broken at the column, read after the text beside the
                # list, with the next entries' labels in it)
                ref_lines.extend(block.lines)
                next_label = _labels_after(block.lines, next_label)
                continue
        if i in headings:
            taken: list[list[Line]] = []
            if current is not None and current is carrier:
                taken = pending
            elif id(headings[i]) in boxed and current is not None and not in_refs and not stashed and pending:
                stashed.append((current, pending))  # (a sidebar: the section it cut stays open)
            else:
                close()
            current, pending, interrupted = headings[i], taken, False
            if in_refs and not REFERENCE_HEADINGS.match(current.title):
                in_refs = False
            if REFERENCE_HEADINGS.match(current.title) and (i not in body_named or _entries_follow(blocks, i)):
                in_refs = True
                ref_head = blocks[i].lines[0]
            refs_after = bool(REFERENCES_LAST.match(current.title))
            continue
        if refs_after and block.kind == "text" and REFERENCE_START.match(block.lines[0].text):
            # Under "Acknowledgements and References" the thanks come first, then the list: its first
            # labelled entry ("[ADDA04] ...") opens the bibliography.
            in_refs, refs_after = True, False
        if i in supplement:
            # The supplement's title ends the bibliography before it; the text under it (what the
            # supplement holds) opens its first section.
            close()
            carrier = _Heading(None, "", 1, block.page + 1, block.size)
            current, pending, interrupted, in_refs = carrier, [], False, False
            continue
        if stashed and block.kind == "text" and block.page + 1 > current.page and block.size >= 0.9 * body and \
                _continues(stashed[-1][1][-1], block.lines, True):
            # text in the body's type on a page after the sidebar's that goes on with the sentence the
            # sidebar cut: the flow goes on, and what follows it is the flow's too
            held.append((current, pending))
            current, pending = stashed.pop()
            interrupted = True
        if block.kind == "text" and current is None and not in_refs:
            if FRONT_LABEL.match(block.text) or len(block.text.split()) < 6 or _under_front_label(blocks, i):
                continue  # keywords, index terms, an ornament after the abstract, a "Chapter 1" label
            # Body text after the abstract before the first heading found (a scan's "I. INTRODUCTION"
            # not read as one): a section without a heading, never dropped.
            current, pending, interrupted = _Heading(None, "", 1, block.page + 1, block.size), [], False
        if block.kind != "text":
            interrupted = True
            continue
        if in_refs and deferred is not None and block.lines[0].y0 > deferred.lines[0].y0 - 1 or \
                deferred is not None and block.page > deferred.page:
            # The first block under the heading held back below: its section opens there.
            if in_refs:
                close()
                current, pending, interrupted, in_refs = \
                    _Heading(None, _clean_title(deferred.text), 1, deferred.page + 1, deferred.size), [], False, False
            deferred = None
        if in_refs and layout.get(i) is None and _in_reference_heading_type(block, ref_head):
            after = next((b for b in blocks[i + 1:] if b.kind == "text"), None)
            if after is not None and after.page == block.page and after.lines[0].y0 < block.lines[0].y0 and \
                    REFERENCE_START.match(after.lines[0].text):
                # The heading stands under a rule across the page, below the list's columns, and was
                # read with the first column: the entries of the next columns, above it, come after
                # it in reading order (Proceedings of the IEEE: "ABOUT THE AUTHORS" under three
                # columns of references). The list goes on; the heading's section opens at the
                # first block under it.
                deferred = block
                continue
        if in_refs and (_ends_references(block, layout.get(i), body, ref_head) or _supplement_title_page(blocks, i, title)):
            # The appendix's own heading, which the outline left out, or a title in large or bold type
            # ("Appendix for “BERT: ...”"): the bibliography ends there.
            close()
            if _repeats_title(block.text, title) or _over_reprinted_title(blocks, i, title):
                # the supplement's title, as above (or a label over it, the title in large or bold type
                # on the lines under it: "Appendix for" in italics over "“Retroformer: ...”" in bold)
                carrier = _Heading(None, "", 1, block.page + 1, block.size)
                current, pending, interrupted, in_refs = carrier, [], False, False
                continue
            if layout.get(i) is None and (block.text.rstrip().endswith(":") or _byline_over_address(blocks, i)):
                # A label in bold over what follows ("Affiliation:" over the author's address, JSS):
                # the text after the bibliography, under no heading; the label stays its first line.
                # So do the authors' names over their e-mail addresses (CACM's biographies, in the
                # bold type of its "References"): a byline, no heading.
                current, pending, interrupted, in_refs = _Heading(None, "", 1, block.page + 1, block.size), \
                    [list(block.lines)], False, False
                continue
            found = layout.get(i) or _Heading(None, _clean_title(block.text), 1, block.page + 1, block.size)
            current, pending, interrupted, in_refs = found, [], False, False
            current.level = current.level or 1
            continue
        if in_refs and ref_lines and block.page > ref_lines[-1].page and _across_after_columns(ref_lines, blocks, i):
            # The list stood in columns; the text of the page after it runs across the page (a
            # two-column paper's appendix in one column, opened by a paragraph before its first
            # heading): the bibliography ended with the page before, and that text is no entry.
            close()
            current, pending, interrupted, in_refs = _Heading(None, "", 1, block.page + 1, block.size), \
                [list(block.lines)], False, False
            continue
        if in_refs and ref_lines and block.page > ref_lines[-1].page and len(block.lines) >= 2 and \
                block.lines[0].x0 - block.lines[1].x0 > 5.0 and _hanging_list(ref_lines) and \
                not any(REFERENCE_START.match(ln.text) or _label_number(ln.text) is not None or
                        _AUTHOR_ENTRY.match(ln.text) for ln in block.lines[:2]):
            # A paragraph set in at its first line (the text's indent) on a page after the list, whose
            # entries hang the other way (first line at the margin, the rest set in), is no entry: the
            # note on supplementary material after a manuscript's figure pages. (An entry carried over
            # the page, set in, over the next entry at the margin, is the list's.)
            close()
            current, pending, interrupted, in_refs = _Heading(None, "", 1, block.page + 1, block.size), \
                [list(block.lines)], False, False
            continue
        if in_refs and ref_lines and block.lines[0].lead_mark and block.lines[0].lead_mark.isdigit() and \
                sum(1 for ln in block.lines if ln.lead_mark and ln.lead_mark.isdigit()) >= 2 and \
                not any(ln.lead_mark for ln in ref_lines):
            # Notes after the list, each opening on its raised number (a Word manuscript's endnotes,
            # "¹“The Cult of Statistical Significance” was presented ...", "² New York Times ...", in
            # the entries' type under a short rule): no entries, where the entries open on their
            # line (AIAA's open on a raised number of their own).
            close()
            current, pending, interrupted, in_refs = _Heading(None, "", 1, block.page + 1, block.size), \
                [list(block.lines)], False, False
            continue
        if in_refs:
            ref_lines.extend(block.lines)
            continue
        code = block.lines[0].code
        # The paragraph a float or code block cut off: the last prose one, with only code after it.
        last = next((j for j in range(len(pending) - 1, -1, -1) if not pending[j][0].code), None)
        if last is not None and not code and _aside(pending[last], body) and not _aside(block.lines, body):
            # A note in small print that no mark calls (an affiliation or copyright block at the foot
            # of a column), or a boxed aside, stood between a sentence and its continuation: the
            # sentence goes on over it.
            before = next((j for j in range(last - 1, -1, -1) if not pending[j][0].code and not _aside(pending[j], body)), None)
            if before is not None and _continues(pending[before], block.lines, True):
                last = before
        # A block in small print never goes on with a sentence set in the body's type: a float's link
        # under its table (PLOS: "https://doi.org/10.1371/journal.pcbi.1011832.t001" in 8 pt, at the
        # top of the page where the sentence cut by the page break goes on under the table) is the
        # float's, and the sentence goes on past it as past any aside.
        if last is not None and not code and not (_small_print(block.lines, body) and not _aside(pending[last], body)) and \
                _continues(pending[last], block.lines, interrupted or last < len(pending) - 1 or
                           _graphic_between(pending[last][-1], block.lines[0], page_graphics)):
            pending[last] = pending[last] + block.lines  # a sentence cut by a page, column, float or footnote
        else:
            pending.append(list(block.lines))
        interrupted = code
    close()
    for _, h in unplaced:  # outline entries we could not find on the page: keep them, without text
        sections.append(Section(h.number, h.title, h.level, h.page, ()))
    if unplaced:
        sections.sort(key=lambda s: s.page)
    references = [_expressed(entry) for entry in _split_references(ref_lines, words)]
    footnotes = _attach_footnotes(footnotes, calls)
    from paperkit.reading.bibliography import link_citations, link_raised_citations, parse_bibliography

    bibliography = parse_bibliography(references)
    # A footnote's citations ("as argued in [47]" at the foot of the page) stand with the paragraph that
    # calls the footnote.
    citations = link_citations([(si, pi, p.page, p.text) for si, s in enumerate(sections)
                                for pi, p in enumerate(s.paragraphs)] +
                               [(f.section, f.paragraph, f.page, f.text) for f in footnotes if f.section is not None
                                and f.paragraph is not None], bibliography)
    citations = sorted(citations, key=lambda c: (c.section, c.paragraph))
    # A paper that cites without brackets prints its citations raised: there a raised number that no
    # footnote on its page (or the next) carries is a citation. Where brackets cite, raised digits
    # are footnote calls whose notes were not found, or squares ("ℓ2").
    raised = [call for call in calls if not any(f.mark == call[0] and f.page - 1 <= call[1] <= f.page for f in footnotes)]
    if len(raised) >= 2 and len(citations) < 3:
        citations = sorted(citations + link_raised_citations(raised, bibliography), key=lambda c: (c.section, c.paragraph))
    if not no_text and not sections:
        warnings.append("no section headings found: the outline shows the text as one block")
    if any(turns):  # a sideways page's boxes back on the page as printed
        figures, tables, sections = _boxes_turned_back(figures, turns), _boxes_turned_back(tables, turns), \
            [replace(s, paragraphs=tuple(replace(p, bbox=_turned_back(p.bbox, turns[p.page - 1])) if p.bbox else p
                                         for p in s.paragraphs)) for s in sections]
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
    if not text or text.endswith(_SENTENCE_END) or _is_display(before):
        return False
    # A capital may go on with the sentence too ("The Street View House Numbers (SVHN)" | float |
    # "Data Set (Netzer et al., 2011) consists of"): when the line before is a full one (it reaches
    # as far right as the continuation's first line, from the same left edge), which a paragraph's
    # last line is not.
    # In another column or on another page, a full line is as wide as the justified line that goes on
    # ("... We also fine-tune the" | Table 2, Table 3 | "Seq2Seq baseline models with Adam optimizer").
    moved = (last.page, last.column) != (first.page, first.column)
    full = (last.x1 >= first.x1 - 2 and abs(last.x0 - first.x0) < 2) or \
        (moved and last.x1 - last.x0 > 100 and abs((last.x1 - last.x0) - (first.x1 - first.x0)) < 2 and
         not _MARKED_END.search(text))
    # An acronym goes on with a sentence cut after a word, no comma nor stop ("... Of the GDM-associated"
    # | a page of figures | "DMRs, 20 of the 47 DMRs ..."), in ragged-right type whose lines differ in width.
    acronym = text[-1:].isalpha() and moved and _ACRONYM_LEAD.match(first.text) is not None
    if not first.text[:1].islower() and not _CITATION_LEAD.match(first.text) and not _PARENTHESIS_LEAD.match(first.text) \
            and not full and not acronym:
        return False
    return moved or interrupted


# A continuation may open with a parenthesis in lower-case words, the cut-off phrase's gloss: "... with
# the corresponding posterior probabilities" | a figure and the page break | "(violin plots). Notice".
# (Not an enumeration's label, "(ii)", which may open a list item of its own.)
_PARENTHESIS_LEAD = compile_later(r"\((?![ivxl]+\))[a-z]{3,}")
_ACRONYM_LEAD = compile_later(r"[A-Z]{2,}[a-z]?s?[,;:]?\s+[a-z0-9(]")


# A sentence ended inside its closing quote ("... They may be trying to think.”"): over a title-cased
# row atop the next page ("Select References"), the paragraph ends (an entry's quoted title goes on
# over the page into its journal's name and pages).
_QUOTED_END = compile_later(r"[.?!][\"”’]$")
# A sentence that ends with a footnote's call mark ("... to both QA and NLI. 6").
_MARKED_END = compile_later(r"[.?!:][\"”’)]?\s*(?:\d{1,2}|[∗*†‡§¶]{1,2})$")
# A continuation may open with the citation that closed the cut-off phrase: "like Faster-RCNN | [9], are based".
_CITATION_LEAD = compile_later(r"\[\d+(?:[,\u2013-]\s*\d+)*\][,;]?\s+[a-z]")


def _graphic_between(last: Line, first: Line, page_graphics: list[list[tuple]]) -> bool:
    """Whether a drawing or an image with no text of its own stands between a paragraph's last line
    and the next block's first, down the same column of the same page (IEEE Access: a sentence cut
    at "a value-at-risk" over a plot set in the column, going on under it "approach. ...")."""
    if last.page != first.page or last.column != first.column or first.y0 <= last.y1:
        return False
    return any(box[1] >= last.y1 - 1 and box[3] <= first.y0 + 1 and box[0] < min(last.x1, first.x1) and
               box[2] > max(last.x0, first.x0) and box[3] - box[1] > 2 * last.height for box in page_graphics[last.page])


def _aside(lines: list[Line], body: float) -> bool:
    """Small print (`_small_print`), or a boxed aside's title: "Box 1 DNAm classification score
    generation ..." over a box of small print at the foot of a BMC page, "Box 2. Bayesian networks"
    in a review (the box's text runs apart from the paper's; a sentence cut above it goes on past it).
    So is a row of panel captions in a smaller type than the text's ("(a) A contract with an echidna
    property." in 8 pt bold over 9 pt text, under a code listing atop the page, acmart's subfigure:
    the sentence the page break cut goes on under the figure); not captions that wrap onto a second
    row ("(a) Heat map of mutual informations between field" / "pairs and labels.")."""
    return _small_print(lines, body) or (_BOX_LABEL.match(lines[0].text) is not None and lines[0].size < body + 2) or \
        (all(abs(ln.y1 - lines[0].y1) < 1 and ln.size < body - 0.5 for ln in lines) and
         _PANEL_CAPTION.match(lines[0].text) is not None)


_BOX_LABEL = compile_later(r"Box\s+\d{1,2}[.:]?\s+[A-Z]")
_PANEL_CAPTION = compile_later(r"\([a-h]\)\s+[A-Z]")


def _small_print(lines: list[Line], body: float) -> bool:
    """Lines set clearly smaller than the body text: a note, not the prose it interrupts."""
    return max(ln.size for ln in lines) < body - 1


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
    numbered = [row[1] if len(row) > 1 and cached(r"\d{1,3}:?").fullmatch(row[0].text) else row[0] for row in starts]
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
    if prose:
        return False
    if pieces >= max(1, len(lines) / 2):
        return True
    # Set in the text face's italic (mathptmx, newtx), an equation's letters are no math font; it is
    # still short pieces in italics or around "=" with its number alone at the right margin.
    numbers = [ln for ln in lines if EQUATION_NUMBER.fullmatch(ln.text.strip())]
    rest = [ln for ln in lines if ln not in numbers]
    return bool(numbers and rest) and all(len(ln.text) <= 40 and ("=" in ln.text or ln.italic or ln.math_chars)
                                          for ln in rest)


# Glyphs the text layer cannot name: U+FFFD, private-use code points (Symbol-font pieces of big
# brackets, "≤" in some Type 1 fonts), and control characters, C0 and C1, left once the T1 ligatures
# and Windows bytes among them are named: a font whose own codes stand for its glyphs, no map to
# Unicode (a Dingbats check mark read "\x13", a bullet "\x88", quotes "\x10...\x11", a whole
# formula of them). They are never shown; the block they stand in is drawn instead. (U+001C to
# U+001F and the tab to carriage return are spaces to str.split(), which the lines are made with.)
UNEXPRESSED = compile_later(r"[\ufffd\ue000-\uf8ff\x00-\x08\x0e-\x1b\x7f-\x9f]")


def _script_runs(spans: list[dict]) -> int:
    """How many runs of the line are sub- or superscripts: in smaller type than the line's main run,
    with their baseline shifted off its baseline ("w" + "ij", "x" + "2")."""
    if len(spans) < 2:
        return 0
    main = max(spans, key=lambda s: (s["size"], len(s["text"])))
    baseline, size = main["origin"][1], main["size"]
    return sum(1 for s in spans if s["size"] < 0.85 * size and abs(s["origin"][1] - baseline) > 0.12 * size and
               any(ch.isalnum() for ch in s["text"]))


def _box(lines: list[Line]) -> tuple[float, float, float, float]:
    """The lines' box on the page of the first of them, in PDF points rounded to 0.1."""
    on_page = [ln for ln in lines if ln.page == lines[0].page]
    box = (min(ln.x0 for ln in on_page), min(ln.y0 for ln in on_page), max(ln.x1 for ln in on_page),
           max(ln.y1 for ln in on_page))
    return tuple(round(v, 1) for v in box)


def _paragraph(lines: list[Line], words: Counter) -> Paragraph:
    numbered = [ln.lineno for ln in lines if ln.lineno is not None]
    line_numbers = (min(numbered), max(numbered)) if numbered else None
    if lines[0].code:
        text = _preformatted(lines)
        # An algorithm whose symbols have no names (a sum sign as U+FFFD) is shown from the page.
        unexpressed = bool(UNEXPRESSED.search(text))
        return Paragraph(text=UNEXPRESSED.sub("", text), page=lines[0].page + 1, code=True, line_numbers=line_numbers,
                         bbox=_box(lines) if unexpressed else None, render_as_image=unexpressed)
    block = Block(lines)
    text = _join_lines([ln.text for ln in lines], words)
    unexpressed = bool(UNEXPRESSED.search(text))
    if _is_display(lines):
        # A display equation: its number, its box, and whether the text layer can say it at all
        # (unnamed glyphs; rows stacked as in fractions and limits, read as a jumble in one line; sub-
        # and superscripts, which the text gives flat: "wij").
        number = next((m.group(1) for ln in lines if (m := EQUATION_NUMBER.search(ln.text.strip()))), None)
        rows = len({round((ln.y1 + ln.y0) / 2 / max(1.0, ln.size * 0.6)) for ln in lines if not EQUATION_NUMBER.fullmatch(ln.text.strip())})
        unreadable = unexpressed or rows > 1 or any(ln.scripts for ln in lines)
        return Paragraph(text=" ".join(UNEXPRESSED.sub("", text).split()), page=lines[0].page + 1, math=True,
                         line_numbers=line_numbers, equation=number, bbox=_box(lines), render_as_image=unreadable)
    math = _is_math(block)
    if unexpressed and not math and "\ufffd" in text:
        # A ligature the text layer cannot name, inside a word of prose ("speci\ufffdc", a font that
        # maps its "fi" to nothing): the word spelt with it, as a title's is, not "specic".
        text = _mend_unnamed_ligatures(text)
        unexpressed = bool(UNEXPRESSED.search(text))
    if "\uffff" in text and not math:
        text = _mend_ffff(text)  # (and one the font names U+FFFF: "di\uffffcult")
    # Math in running text with unnamed glyphs (a big bracket's pieces) is shown from the page too.
    image = unexpressed and math
    return Paragraph(text=" ".join(UNEXPRESSED.sub("", text).split()) if unexpressed else text, page=lines[0].page + 1,
                     math=math, line_numbers=line_numbers, bbox=_box(lines) if image else None, render_as_image=image)


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


def _other_caption(first: str, second: str) -> bool:
    """Whether two captions under one label say different things: neither opens the other (a
    float carried over to the next page repeats its caption, or its caption's opening)."""
    a, b = (" ".join(cached(r"\w+").findall(text.lower())) for text in (first, second))
    return bool(a and b) and not a.startswith(b[:40]) and not b.startswith(a[:40])


# A float split over pages repeats its caption with a note: "(continued)", "(cont.)", "continued from previous page".
CONTINUED = compile_later(r"\(\s*cont(?:inued|'d|\.)|continued (?:from|on) (?:the )?(?:previous|next|last) page", re.IGNORECASE)


def _floats(blocks: list[Block], page_graphics: list[list[tuple]],
            widths: list[float] | None = None, pages_rules: list[list[tuple]] | None = None,
            page_ink: list[tuple] | None = None, pages_drawn: list[list[tuple]] | None = None,
            body: float | None = None) -> tuple[list[Figure], list[Figure]]:
    """Figures and tables from their captions, each with the box of its graphic and of its caption.

    A graphic belongs to one float only. Captions and graphics are paired nearest first (a caption
    on the side its kind's captions are usually set on is 15 pt nearer):
    when two captions reach for the same graphic (a plot above a "Figure 4" caption, a table right
    under it whose caption is below), the nearer pair is made first and the other caption takes its
    next nearest graphic that is still free. Each box is then grown to the whole float
    (`_whole_float`, told which graphics are drawn of flat rules alone by `pages_drawn`, each page's
    drawings before the text at their edges grew them) and over the short lines between it and its caption (axis titles), and
    finally cut to what is seen in it (`_trim_to_seen`, with each page's marks and lines, `page_ink`)."""
    found: list[tuple[Block, str, re.Match, list]] = []
    seen: dict[tuple[str, str], int] = {}  # (kind, number) -> index in `found`
    last: dict[str, str] = {}  # kind -> the number of its last caption met
    for index, block in enumerate(blocks):
        match = CAPTION.match(block.text)
        if not match and block.kind == "text":
            _caption_line_first(block)
            match = CAPTION.match(block.text)
        if CAPTION_LABEL_LINE.match(block.lines[0].text) and len(block.lines) == 1 and block.kind == "text" and \
                index + 1 < len(blocks) and _centred_title_under(block, blocks[index + 1]):
            # (IEEE: "Table I" centred on a line of its own, its one-line title in small capitals
            # centred under it read as a block apart: the label alone was no caption, the table lost)
            block.lines = block.lines + blocks[index + 1].lines
            blocks[index + 1].kind = "caption"
        if CAPTION_LABEL_LINE.match(block.lines[0].text) and len(block.lines) > 1:
            match = CAPTION_LABEL_LINE.match(block.lines[0].text)
        if not match and block.text[:1] in "Ff" and (len(block.lines) == 1 or block.lines[0].bold):
            # (taken only by a graphic: see `candidates`; a bold label over its caption's lines, as
            # `_blocks` keeps them, leads them)
            match = BARE_FIGURE_CAPTION.match(block.lines[0].text)
        if not match and body and block.kind == "text" and block.text[:1] in "FT" and \
                (block.size < body - 0.5 or all(ln.bold for ln in block.lines)):
            # A label with no separator, its title opening with a capital ("Fig. 1 National-level
            # comparison ...", Nature Portfolio: the label in a bold face the font does not name),
            # in type smaller than the body's, or the whole caption bold (a Word paper's "Figure 6
            # Table Entity Throughput for 1-16 VMs", its other captions "Figure 7: ..."), and right by
            # a graphic: a caption (running text names a float in the body's type and face, and
            # never before a capitalised word).
            match = UNSEPARATED_CAPTION.match(block.text)
            if match and not any(distance <= 30 and side is not None
                                 for distance, side, _ in _graphic_candidates(block, page_graphics[block.page])):
                match = None
        if not match or block.kind not in ("text", "abstract"):
            continue
        _without_cells_in_graphic(block, page_graphics[block.page])
        if pages_rules:
            _without_cells_under_rule(block, pages_rules[block.page])
        bold_label = bool(_BARE_LABEL.fullmatch(_bold_lead(block.lines[0]).strip()))
        kind = "table" if match["label"].lower().startswith("tab") else "figure"
        candidates = _graphic_candidates(block, page_graphics[block.page])
        if widths and candidates:
            candidates = _within_column(candidates, block, widths[block.page] / 2, blocks)
        if block.kind == "abstract" and not (match.re is CAPTION and match["sep"] == ":" and candidates) and \
                not (match.re is CAPTION and match["sep"] == "." and
                     any(distance <= 15 and side is not None for distance, side, _ in candidates)):
            continue
        # (a caption read into the abstract: AAAI 2023's "Figure 1: In the boundary detection task
        # ..." under its image in the first page's other column, the abstract run on over it; set
        # like a caption, by its graphic, it is the figure's; so is CVPR's "Figure 1. Predicted
        # ...", its full stop a mention's too, but 9 pt under its image)
        if match.re is CAPTION and match["sep"] == "." and block.text[match.end():match.end() + 1].isdigit() and \
                not bold_label and not (block.text[match.end("sep")].isspace() and
                                        any(distance <= 40 for distance, _, _ in candidates)):
            # "Figure 2." ending a line of "… in Figure 2.4 shows …": a mention, not a caption (a
            # caption's bold label may be followed by a digit: "**Fig. 14** 4-Gram emails' results.",
            # and so may a caption right under its graphic: "Figure 2. 5-step prediction using …")
            continue
        if match.re is CAPTION and not block.text[match.end():].strip() and _ends_sentence_above(blocks, index):
            continue  # "… as can be seen in Appendix" / "Table 2.": the end of a sentence, not a caption
        # In-text mentions ("Table 2. shows") are not captions: a caption is set apart (bold label,
        # smaller type, or next to a graphic).
        if not candidates and match.re is not CAPTION_LABEL_LINE and match["sep"] not in (":", "."):
            continue
        key = (kind, match["num"])
        follows_twin, last[kind] = last.get(kind) == match["num"], match["num"]
        if key in seen:
            # The same label twice: an in-text mention set like a caption ("Table 2. Mean and ...")
            # before the real one; the one beside a graphic is the caption.
            if candidates and not found[seen[key]][3]:
                found[seen[key]] = (block, kind, match, candidates)
            elif block.text[match.end():].strip() and _bare_label_in_graphic(found[seen[key]], page_graphics):
                # A bare label printed inside a drawing ("Table 2" over a small table drawn in
                # VLDB 2022's Figure 1 on page 1) names no float: the worded caption later is its own.
                found[seen[key]][0].kind = "caption"
                found[seen[key]] = (block, kind, match, candidates)
            elif CONTINUED.search(block.text):
                block.kind = "caption"  # "Table 1: ... (continued from previous page)": the float's rest, not text
            elif follows_twin and candidates and found[seen[key]][3] and block.page != found[seen[key]][0].page and \
                    _other_caption(found[seen[key]][0].text[found[seen[key]][2].end():], block.text[match.end():]):
                # A number printed twice (ACM TODS preprint: "Figure 3.1. Graph of cost ..." on page
                # 11, "Figure 3.1. An LSM-tree of K+1 components" on page 15), each caption by its
                # own graphic and worded otherwise, the second right after the first in its kind's
                # run: two floats, a slip in the numbering. (Numbers begun again, an appendix's or a
                # supplement's "Figure 1" after "Figure 5", stay one float each.)
                found.append((block, kind, match, candidates))
            continue
        seen[key] = len(found)
        found.append((block, kind, match, candidates))
    order = {id(block): i for i, block in enumerate(blocks)}
    found.sort(key=lambda f: order[id(f[0])])
    # Which side of its graphic a kind's caption is set on is the paper's habit: the side most
    # captions of that kind find their nearest graphic on (figures below, tables above by default).
    # A caption with graphics on both sides (a table between two tables' captions) votes only when
    # no caption of its kind has graphics on one side alone: those say the habit without doubt.
    votes = Counter((kind, candidates[0][1]) for _, kind, _, candidates in found
                    if candidates and len({c[1] for c in candidates}) == 1)
    # (a caption whose graphics over and under it stand about as far, within 3 pt, says nothing of
    # the habit: IEEE S&P, the paper's one figure 29 pt over its caption across the page and a
    # framed listing 28.7 pt under it in a column took it, voting the figure's side under)
    def _nearest_side(candidates: list) -> bool | None:
        near = min(candidates, key=lambda c: c[0])
        other = [c[0] for c in candidates if c[1] is not None and near[1] is not None and c[1] != near[1]]
        return None if other and min(other) - near[0] < 3 else near[1]

    for kind in ("figure", "table"):
        if not votes[(kind, True)] + votes[(kind, False)]:
            votes.update((k, _nearest_side(candidates))
                         for _, k, _, candidates in found if candidates and k == kind)
    above = {kind: votes[(kind, True)] > votes[(kind, False)] or
             (votes[(kind, True)] == votes[(kind, False)] and kind == "figure") for kind in ("figure", "table")}
    chosen: dict[int, tuple] = {}  # index in `found` -> its graphic
    taken: set[tuple] = set()  # (page, graphic)
    # A graphic on the unusual side of a caption that is the top (or bottom) panel of a stack whose
    # next panel another caption holds on its usual side is that float's (SIGMOD: Figure 15's caption
    # under its plots, 16 pt over the first of Figure 16's two stacked panels, its caption below them).
    held = {(found[j][0].page, box) for j, (_, kind, _, candidates) in enumerate(found)
            for _, side, box in candidates if side == above[kind]}

    def stacked_on(page: int, box: tuple, down: bool) -> bool:
        return any((page, other) in held and other != box and
                   min(box[2], other[2]) - max(box[0], other[0]) > 0.5 * min(box[2] - box[0], other[2] - other[0]) and
                   0 <= ((other[1] - box[3]) if down else (box[1] - other[3])) < 25
                   for other in page_graphics[page])

    rows: dict[tuple, set] = {}  # (page, graphic) -> the graphics of its row
    holders: dict[tuple, set] = {}  # (page, graphic) -> the captions that reach it on their usual side
    for j, (block, kind, _, candidates) in enumerate(found):
        for _, side, box in candidates:
            if side == above[kind]:
                holders.setdefault((block.page, box), set()).add(j)

    def in_anothers_row(i: int, page: int, box: tuple, mine: set) -> bool:
        # A panel of a row of panels (level, a gutter apart) that another caption reaches on its
        # usual side along with panels of the row out of this caption's reach: the row is that
        # float's (NIPS 2016: Table 1's caption under its table, over two of Figure 3's four
        # images, whose caption runs under the whole row).
        others = holders.get((page, box), set()) - {i}
        if not others:
            return False
        row = rows.get((page, box))
        if row is None:
            row, todo = {box}, [box]
            while todo:
                here = todo.pop()
                for other in page_graphics[page]:
                    if other not in row and \
                            min(here[3], other[3]) - max(here[1], other[1]) > 0.5 * min(here[3] - here[1], other[3] - other[1]) and \
                            0 <= max(other[0] - here[2], here[0] - other[2]) < 25:
                        row.add(other)
                        todo.append(other)
            for other in row:
                rows[(page, other)] = row
        return any(other not in mine and others & holders.get((page, other), set()) for other in row)

    # (a kind whose captions all stand on one side, three or more of them, is set so throughout:
    # a graphic on the other side of its caption is that much less likely its own; ACL: a table's
    # caption under it, 58 pt under its ruled rows and 26 pt over boxed prompts in the column below)
    unusual = {kind: 40 if votes[(kind, above[kind])] >= 3 and not votes[(kind, not above[kind])] else 15
               for kind in ("figure", "table")}
    pairs = sorted((distance + (0 if side == above[kind] else
                                80 if side is not None and stacked_on(block.page, box, not side) else unusual[kind]) +
                    (80 if in_anothers_row(i, block.page, box, {c[2] for c in candidates}) else 0), i, box)
                   for i, (block, kind, _, candidates) in enumerate(found) for distance, side, box in candidates)
    for _, i, box in pairs:
        if i not in chosen and (found[i][0].page, box) not in taken:
            chosen[i] = box
            taken.add((found[i][0].page, box))
    # A caption left without a graphic takes its nearest one from the caption that holds it when
    # that caption has another graphic still free (arXiv acmart: Table 4's caption over its small
    # table took the wide Table 3 above it, 3 pt nearer than its own; Table 3's caption over that
    # table had nothing else).
    holder = {(found[i][0].page, box): i for i, box in chosen.items()}
    given_up: set[int] = set()  # captions that gave their graphic up for rows ruled on their other side
    for i, (block, _, _, candidates) in enumerate(found):
        if i in chosen or not candidates:
            continue
        for _, _, box in sorted(candidates, key=lambda c: c[0]):
            j = holder.get((block.page, box))
            if j is None:
                continue
            spare = next((c[2] for c in sorted(found[j][3], key=lambda c: c[0])
                          if (block.page, c[2]) not in taken and c[2] != box), None)
            if spare is not None:
                chosen[i], chosen[j] = box, spare
                holder[(block.page, box)], holder[(block.page, spare)] = i, j
                taken.add((block.page, spare))
                break
            if found[i][1] == found[j][1] == "table" and pages_rules and \
                    (box[1] > found[j][0].lines[-1].y1) != (box[1] > block.lines[-1].y1):
                # (or rows ruled once on its other side, no graphic: LREC 2020's Table 2 caption under
                # its rows, 13 pt over Table 3's drawn rules, whose caption is under them; Table 2
                # took them and Table 3 had none)
                mine = [b for b in blocks if b.page == block.page or any(ln.page == block.page for ln in b.lines)]
                # (LREC 2020 sets its captions 22 pt under the table, 2.5 lines of its 10 pt type)
                rows = _rows_on_a_rule(found[j][0], pages_rules[block.page], mine,
                                       [f[0] for f in found if f[0].page == block.page and f[0] is not found[j][0]],
                                       reach=2.6)
                if rows is not None and (rows[3] <= box[1] or rows[1] >= box[3]):
                    chosen[i] = box
                    del chosen[j]
                    holder[(block.page, box)] = i
                    given_up.add(j)
                    break
    # Two captions side by side under one drawing (two tables set in one float with shared rules):
    # each takes the part of it on its own side.
    owner = {(found[i][0].page, box): i for i, box in chosen.items()}
    for i, (block, _, _, candidates) in enumerate(found):
        if i in chosen or not candidates:
            continue
        box = min(candidates, key=lambda c: c[0])[2]
        j = owner.get((block.page, box))
        if j is not None and chosen[j] != box:
            # (a third caption beside two that parted the drawing already, ICCV 2023's Tables 2, 3
            # and 4 in one row of minipages, their rules one drawing: the part over this caption
            # is parted again)
            cx0, cx1 = min(ln.x0 for ln in block.lines), max(ln.x1 for ln in block.lines)
            j = next((k for k, b in chosen.items() if found[k][0].page == block.page and k != i and
                      abs(b[1] - box[1]) < 0.01 and abs(b[3] - box[3]) < 0.01 and b[0] >= box[0] - 0.01 and
                      b[2] <= box[2] + 0.01 and b != box and b[0] < cx1 and b[2] > cx0), None)
            if j is not None:
                box = chosen[j]
        other = found[j][0] if j is not None else None
        if other is None or chosen[j] != box:
            continue
        # (captions level with each other, or one over the box and one under it: NIPS 2005's Table 1
        # captioned over its rules, right of Figure 3's plot captioned under it, the two touching)
        if min(block.lines[-1].y1, other.lines[-1].y1) - max(block.lines[0].y0, other.lines[0].y0) <= 0 and \
                not _on_both_sides(block, other, box):
            continue
        left, right = (block, other) if block.lines[0].x0 < other.lines[0].x0 else (other, block)
        gap_left, gap_right = max(ln.x1 for ln in left.lines), min(ln.x0 for ln in right.lines)
        if gap_left >= gap_right:
            continue
        middle = _tables_gutter(box, (gap_left + gap_right) / 2, pages_rules[block.page] if pages_rules else [])
        halves = {id(left): (box[0], box[1], middle, box[3]), id(right): (middle, box[1], box[2], box[3])}
        chosen[i], chosen[j] = halves[id(block)], halves[id(other)]
    figures: list[Figure] = []
    tables: list[Figure] = []
    page_blocks: dict[int, list[Block]] = {}
    for block in blocks:
        page_blocks.setdefault(block.page, []).append(block)
        # (and on each other page it holds lines of: a paragraph run on over a page break may have
        # read a table's rows at the next page's top into itself, AISTATS 2005's Table 1 under
        # "... as already shown in" overleaf; filed under the first page alone, its rows were
        # nowhere near the caption and the table had no crop)
        for page in {ln.page for ln in block.lines} - {block.page}:
            page_blocks.setdefault(page, []).append(block)

    def grown_over_pieces(box: tuple, block: Block) -> tuple:
        """A table's box grown over the free drawings and rules of its own width (`_same_width_pieces`)."""
        page = block.page
        return _same_width_pieces(box, block, [b for b in page_graphics[page] if (page, b) not in taken] +
                                  [tuple(r) for r in (pages_rules[page] if pages_rules else ())],
                                  page_blocks.get(page, []), body,
                                  [f[0] for f in found if f[0].page == page and f[0] is not block])

    def part_of(b: tuple, h: tuple) -> bool:
        # (overlapping it by a quarter of the smaller, or of one width with it, stacked on it less
        # than 16 pt off: a table drawn in two parts, see `_whole_float`)
        if min(b[2], h[2]) > max(b[0], h[0]) and min(b[3], h[3]) > max(b[1], h[1]) and \
                (min(b[2], h[2]) - max(b[0], h[0])) * (min(b[3], h[3]) - max(b[1], h[1])) > \
                0.25 * min((b[2] - b[0]) * (b[3] - b[1]), (h[2] - h[0]) * (h[3] - h[1])):
            return True
        return abs(b[0] - h[0]) < 1.5 and abs(b[2] - h[2]) < 1.5 and max(b[1] - h[3], h[1] - b[3]) < 16

    def free_graphics(i: int, page: int) -> list[tuple]:
        # A free graphic that is a part of a graphic another caption holds is that float's (ICCV
        # 2023: Table 3, its column rules drawn a row's piece at a time, found as two drawings of
        # one width, its caption holding the lower; Table 2 beside it took the upper and was
        # cropped over both tables).
        held = [b for j, b in chosen.items() if j != i and found[j][0].page == page]
        return [b for b in page_graphics[page] if (page, b) not in taken and not any(part_of(b, h) for h in held)]

    for i, (block, kind, match, _) in enumerate(found):
        box = chosen.get(i)
        if box is not None:
            box = _whole_float(box, free_graphics(i, block.page), block,
                               stacked=kind == "figure", middle=widths[block.page] / 2 if widths else None,
                               flat=_flat_graphics(page_graphics[block.page], pages_drawn[block.page]) if pages_drawn else (),
                               captions=[f[0] for f in found if f[0].page == block.page and f[0] is not block] +
                               [b for b in page_blocks.get(block.page, []) if b.lines and ALGORITHM.match(b.lines[0].text)],
                               lines=_lines_by(block, page_blocks.get(block.page, [])) if kind == "figure" else (),
                               small=0.85 * block.size)
            if kind == "table" and body:
                box = grown_over_pieces(box, block)
            box = _reach_caption(box, block, page_blocks.get(block.page, []))
            if kind == "figure":
                box = _subcaptions_past(box, block, page_blocks.get(block.page, []))
                box = _text_panel_beside(box, block, page_blocks.get(block.page, []))
                box = _small_type_beside(box, block, page_blocks.get(block.page, []))
                box = _annotated_line(box, block, page_blocks.get(block.page, []))
                box = _title_over(box, block, page_blocks.get(block.page, []))
            elif pages_rules:
                box = _table_head(box, block, pages_rules[block.page], page_blocks.get(block.page, []),
                                  page_ink[block.page][2] if page_ink else None,
                                  page_ink[block.page][1] if page_ink else ())
                if page_ink:
                    box = _stacked_subtables(box, block, [b for b in page_graphics[block.page]
                                                          if (block.page, b) not in taken], page_ink[block.page][2])
                    box = _part_over(box, block, [b for b in page_graphics[block.page]
                                                  if (block.page, b) not in taken], page_ink[block.page][2])
                    box = _subtables_over_their_captions(box, block, [b for b in page_graphics[block.page]
                                                                      if (block.page, b) not in taken],
                                                         page_ink[block.page][2])
            if page_ink:
                box = _trim_to_seen(box, *page_ink[block.page])
                box = _inside_frame(box, block, *page_ink[block.page])
                if kind == "figure":
                    box = _between_frame_rules(box, *page_ink[block.page][1:])
                if kind == "figure" and widths:
                    box = _out_of_the_other_column(box, block, widths[block.page] / 2, *page_ink[block.page])
                if kind == "figure":
                    box = _labels_across_edge(box, block, page_ink[block.page][2])
                    box = _small_titles_over(box, block, page_ink[block.page][2], page_graphics[block.page])
                    box = _labels_over_beside_caption(box, block, page_ink[block.page][2])
                box = _row_labels_left(box, block, page_ink[block.page][1], page_ink[block.page][2],
                                       widths[block.page] / 2 if widths else None)
            box = _without_own_caption(box, block)
            if kind == "figure" and pages_rules:
                box = _down_to_caption_rule(box, block, pages_rules[block.page], page_blocks.get(block.page, []))
                box = _text_over_caption_rule(block, pages_rules[block.page], page_blocks.get(block.page, []), box) or box
            if kind == "figure":
                box = _line_atop(box, block, _lines_by(block, page_blocks.get(block.page, [])))
                if body:
                    box = _large_row_into_top(box, block, _lines_by(block, page_blocks.get(block.page, [])), body)
        elif kind == "figure":
            box = _listing(block, page_blocks.get(block.page, []),
                           [b for b in page_graphics[block.page] if (block.page, b) not in taken])
            # (a figure of text over its caption rule holds any listing or formulas found in it)
            ruled = _text_over_caption_rule(block, pages_rules[block.page], page_blocks.get(block.page, [])) \
                if pages_rules else None
            if ruled and (box is None or (ruled[0] <= box[0] + 1 and ruled[1] <= box[1] + 1 and
                                          ruled[2] >= box[2] - 1 and ruled[3] >= box[3] - 1)):
                box = ruled
            if box is None and pages_rules:
                # (a table set as a figure, ruled once under its head: NAACL 2016's "Figure 3:
                # Transition sequence for ...", a head row, a rule, six rows of cells)
                box = _rows_on_a_rule(block, pages_rules[block.page], page_blocks.get(block.page, []),
                                      [f[0] for f in found if f[0].page == block.page and f[0] is not block])
            if box is None:
                box = _text_atop_column(block, page_blocks.get(block.page, []))
            if box is not None:
                box = _line_atop(box, block, _lines_by(block, page_blocks.get(block.page, [])))
        elif pages_rules:
            box = _rows_on_a_rule(block, pages_rules[block.page], page_blocks.get(block.page, []),
                                  [f[0] for f in found if f[0].page == block.page and f[0] is not block],
                                  reach=2.6 if i in given_up else 2.0) or \
                _columns_under_head_rules(block, pages_rules[block.page], page_blocks.get(block.page, [])) or \
                _text_between_rules(block, pages_rules[block.page], page_blocks.get(block.page, [])) or \
                _unruled_rows(block, pages_rules[block.page], page_blocks.get(block.page, [])) or \
                _small_type_over(block, pages_rules[block.page], page_blocks.get(block.page, []), body)
            if box and kind == "table" and body:
                box = grown_over_pieces(box, block)
            if box and kind == "table" and page_ink and block.lines[0].y0 > box[3]:
                # (and over its head, as a drawn table's: the spanning labels over the head's rules,
                # put aside at the page's top with its running heads, EMNLP 2022's "ACL", "GENIA",
                # "ScienceIE", are found among all the page's lines)
                box = _table_head(box, block, pages_rules[block.page], page_blocks.get(block.page, []),
                                  page_ink[block.page][2], page_ink[block.page][1])
        block.kind = "caption"
        # (a label on a line of its own, matched there: "TABLE II", a bold "Figure 1", its caption under it)
        labelled = len(block.lines) > 1 and match.string is block.lines[0].text
        caption = _join_lines([ln.text for ln in block.lines[1:]]) if labelled else \
            block.text[match.end():].strip()
        caption_box = (min(ln.x0 for ln in block.lines), min(ln.y0 for ln in block.lines),
                       max(ln.x1 for ln in block.lines), max(ln.y1 for ln in block.lines))
        record = Figure(kind=kind, number=match["num"], caption=_expressed(caption), page=block.lines[0].page + 1,
                        bbox=tuple(round(v, 1) for v in box) if box else None,
                        caption_bbox=tuple(round(v, 1) for v in caption_box))
        (tables if kind == "table" else figures).append(record)
    return figures, tables


def _centred_title_under(label: Block, title: Block) -> bool:
    """Whether the block is the title of the table label over it ("Table I" over "WINDOWS NATIVE AND
    VBSCRIPT API MAPPING ..."): on its page right under it (within a line), both centred on one
    axis, in the label's size or smaller, three lines at most, no caption of its own."""
    ln = label.lines[0]
    if title.kind != "text" or title.page != label.page or len(title.lines) > 3 or CAPTION.match(title.text):
        return False
    first = title.lines[0]
    middle = (ln.x0 + ln.x1) / 2
    return -0.2 * ln.height <= first.y0 - ln.y1 < ln.height and title.size <= ln.size + 0.3 and \
        all(abs((t.x0 + t.x1) / 2 - middle) < 0.5 * ln.size for t in title.lines[:-1] or title.lines) and \
        abs((title.lines[-1].x0 + title.lines[-1].x1) / 2 - middle) < 0.5 * ln.size


def _bare_label_in_graphic(first: tuple, page_graphics: list[list[tuple]]) -> bool:
    """Whether a caption found earlier is a bare label alone on its line ("Table 2", no words after
    it) inside a graphic's box on its page: a label drawn in a figure, no float's caption."""
    block, _, match, _ = first
    if block.text[match.end():].strip() or len(block.lines) != 1:
        return False
    ln = block.lines[0]
    return any(b[0] - 1 <= ln.x0 and ln.x1 <= b[2] + 1 and b[1] - 1 <= ln.y0 and ln.y1 <= b[3] + 1 and
               (b[2] - b[0]) * (b[3] - b[1]) > 9 * (ln.x1 - ln.x0) * (ln.y1 - ln.y0)
               for b in page_graphics[block.page])


def _within_column(candidates: list[tuple], caption: Block, middle: float, blocks: list[Block]) -> list[tuple]:
    """A caption in one column of the page, the other column's text level with it, is a column's
    float's: a graphic across the gutter (a wide table's shaded rows, 25 pt over it) is another
    float's (ICML: Table 3's caption in the left column under Table 2's last rows across the page,
    its own rows under it; it took Table 2's, and Table 2 lost them)."""
    x0, x1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    across = [c for c in candidates if c[2][0] < middle - 20 and c[2][2] > middle + 20]
    if not across or not (x1 <= middle + 5 or x0 >= middle - 5):
        return candidates
    top, bottom = caption.lines[0].y0, caption.lines[-1].y1
    left = x1 <= middle + 5
    beside = [ln for b in blocks if b is not caption and b.page == caption.page and b.kind == "text"
              for ln in b.lines if ln.y0 < bottom and ln.y1 > top and
              (ln.x0 >= middle - 5 if left else ln.x1 <= middle + 5) and _is_prose(ln)]
    if not beside:
        return candidates
    # (only a graphic reaching over that text: a wide column's panel beside a narrow sidebar of
    # text, CACM's, is the caption's)
    edge = min(ln.x0 for ln in beside) if left else max(ln.x1 for ln in beside)
    return [c for c in candidates if c not in across or (c[2][2] <= edge + 5 if left else c[2][0] >= edge - 5)]


def _without_cells_in_graphic(caption: Block, graphics: list[tuple]) -> None:
    """Drop a caption's last lines that are a table's cells: in type smaller than its first line's,
    inside a graphic's box (PNAS: the table's head row "Look-up source ... Matched, %" under the
    caption in 7.5 pt, over its rule, the rest of the row taken into the table's box; read as the
    caption's last line, the caption stood inside its table and found no graphic)."""
    first = caption.lines[0]
    for k, ln in enumerate(caption.lines[1:], start=1):
        if ln.size < first.size - 0.3 and any(g[1] - 1 <= ln.y0 and _inside(ln, g, 1.0) for g in graphics):
            del caption.lines[k:]
            return


def _without_cells_under_rule(caption: Block, rules: list[tuple]) -> None:
    """Drop a caption's last lines that stand under a rule drawn across it, each short and no prose:
    a table's head under its top rule, which runs right under the caption (CVPR workshop, Word: the
    head "Average Disp. Error  Middlebury-1 ..." in the caption's own 9 pt, 1.5 pt under the rule
    under "Table 4: The Average disparity errors ...", read as the caption's second line; the
    crop began at the next rule and lost the head). A caption's own lines are never parted by a
    rule as wide as most of them."""
    width = max(ln.x1 for ln in caption.lines) - min(ln.x0 for ln in caption.lines)
    for k in range(1, len(caption.lines)):
        over, under = caption.lines[:k], caption.lines[k:]
        bottom, top = max(ln.y1 for ln in over), min(ln.y0 for ln in under)
        if top < bottom - 1:
            continue
        if not any(r[3] - r[1] < 2 and bottom - 1 <= r[1] and r[3] <= top + 1 and r[2] - r[0] >= 0.8 * width and
                   r[0] < min(ln.x0 for ln in under) + 3 and r[2] > max(ln.x1 for ln in under) - 3 for r in rules):
            continue
        if all(len(ln.text) <= 40 and not _is_prose(ln) and not CAPTION.match(ln.text) for ln in under):
            del caption.lines[k:]
        return


def _same_width_pieces(box: tuple, caption: Block, graphics: list[tuple], page_blocks: list[Block], body: float,
                       captions: list[Block]) -> tuple:
    """A table's box grown over the pieces of the same table: drawings and rules of exactly its
    width (its rules, its shaded rows), farther from the caption or between it and the caption, with
    nothing between but lines in type smaller than the body's (its cells) and no other caption (ACL:
    a table of examples ruled between its rows of prose in 7.5 pt, the rules too far apart to be
    joined; the crop held two rows of it)."""
    down = caption.lines[-1].y1 <= box[1] + 2  # (the caption over the table)
    edge = caption.lines[-1].y1 if down else caption.lines[0].y0
    lines = _lines_by(caption, page_blocks)
    pieces = [g for g in graphics if abs(g[0] - box[0]) <= 2 and abs(g[2] - box[2]) <= 2]

    def cell(ln: Line, between: list[Line], span: float) -> bool:
        # A table set in the text's own type (ACL 2024: "Attention | 151 880 448" alone between two
        # full rules, in 10.9 pt as the text): a short line of no prose and no sentence, with another
        # level with it (a row of cells) or alone in a band between rules less than three of its
        # lines high (a row whose cells were read as one line).
        # (or a head's spanning label set half a row higher than the row of labels beside it, over
        # its own sub-columns' labels: AAAI's "COMA" over "mean best", 6.7 pt over "IAC-V cnt-V";
        # a single word with its full stop is an abbreviated label, "heur.", no sentence's end)
        if len(ln.text) > 40 or _is_prose(ln) or ln.text.rstrip().endswith(_SENTENCE_END) and len(ln.text.split()) > 1:
            return False
        return span < 3 * ln.height or any(
            o is not ln and (abs(o.y0 - ln.y0) < 0.5 * ln.height or
                             min(o.y1, ln.y1) - max(o.y0, ln.y0) > 0.3 * min(o.height, ln.height) and
                             not _is_prose(o) and len(o.text) <= 40) and
            (o.x0 > ln.x1 or o.x1 < ln.x0) for o in between)

    def clear(top: float, bottom: float) -> bool:
        between = [ln for ln in lines if ln.y1 > top + 1 and ln.y0 < bottom - 1 and ln.x1 > box[0] and ln.x0 < box[2]]
        return not any(ln.size > body - 0.5 and not cell(ln, between, bottom - top) for ln in between) and \
            not any(c.lines[0].y0 < bottom and c.lines[-1].y1 > top for c in captions)

    for away in (True, False):
        while True:
            if away == down:  # (below the box)
                near = min((g for g in pieces if g[1] >= box[3] - 1 and g[3] > box[3] + 0.5 and (away or g[3] <= edge + 1)),
                           key=lambda g: g[1], default=None)
                span = (box[3], near[1]) if near else None
            else:
                near = max((g for g in pieces if g[3] <= box[1] + 1 and g[1] < box[1] - 0.5 and (away or g[1] >= edge - 1)),
                           key=lambda g: g[3], default=None)
                span = (near[3], box[1]) if near else None
            if near is None or not clear(*span):
                break
            box = (min(box[0], near[0]), min(box[1], near[1]), max(box[2], near[2]), max(box[3], near[3]))
    return box


def _caption_line_first(block: Block) -> None:
    """Put a caption's first line back at the head of its block when the pieces of a formula set
    in that line (a two-row "{ ... x ≦ 1 / ... x > 1" inline, Pattern Recognition 2024's Figure 4)
    reach above it and were read first: pieces right of the line's start and level with the
    formula around it, each short and mathematical, the line itself a caption's opening ("Fig. 4.
    Left: ..."). As read, the block began "{ λ ∥ ..." and was no caption: the figure was lost.
    Or drop a plot's axis title read in over the caption's first line (see below)."""
    for k, line in enumerate(block.lines[1:8], start=1):
        if not CAPTION.match(line.text) and not (k == 1 and UNSEPARATED_CAPTION.match(line.text)):
            continue
        before = block.lines[:k]
        # (or level with the line by half its height: a square root's sign and bar, "pffiffiffi" as
        # the text layer names them, set over "h0=g" in "Fig. 7. Collapse of ... Dt= √(h0/g)")
        if CAPTION.match(line.text) and all(
                ln.x0 > line.x0 + 10 and ((len(ln.text) <= 30 and ln.math_chars and ln.y1 > line.y0 - 2 * line.height) or
                                          min(ln.y1, line.y1) - max(ln.y0, line.y0) >= 0.5 * min(ln.height, line.height))
                for ln in before):
            block.lines = [line] + sorted(before, key=lambda ln: ln.x0) + block.lines[k + 1:]
        elif all(len(ln.text) <= 40 and ln.size < line.size - 0.3 and ln.x0 > line.x0 + 10 and ln.x1 <= line.x1 + 2
                 and not ln.text.rstrip().endswith(".") for ln in before) and line.y0 - before[-1].y1 < line.height:
            # A plot's axis title in type smaller than the caption's, set just over the caption's
            # first line and read into its block (IEEE CS: "Query time, ms" 1.3 pt over "Fig. 15
            # Results of comparison ..."): the figure's label, no part of the caption; the block is
            # the caption from its label on.
            block.lines = block.lines[k:]
        return


def _caption_rule(caption: Block, rules: list[tuple]) -> tuple | None:
    """A rule right over a caption, as wide as its lines or wider (a float's graphic set apart from
    its caption by a hairline across the column, EuroSys 2012's figures): within 8 pt of its first
    line."""
    x0, x1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    top = caption.lines[0].y0
    near = [r for r in rules if -1 <= top - r[3] <= 8 and r[0] <= x0 + 2 and r[2] >= x1 - 2]
    return max(near, key=lambda r: r[3]) if near else None


def _down_to_caption_rule(box, caption: Block, rules: list[tuple], page_blocks: list[Block]) -> tuple:
    """A figure's box grown down over the rule that sets it apart from its caption under it (EuroSys
    2012: a hairline across the column 4 pt over each caption, 4 to 10 pt under the plot; a lone
    hairline, it was no part of any drawing, and the crop stopped short of it): no line of text
    between the graphic and the rule."""
    if box is None:
        return box
    rule = _caption_rule(caption, rules)
    if rule is None:
        # (or the rule that closes a listing's frame, between the listing and its caption: SIGMOD
        # 2014's lstlisting ruled over and under, the lower rule 4.5 pt under the last line of code
        # and 8.5 pt over the caption)
        top = caption.lines[0].y0
        rule = min((r for r in rules if box[3] - 2 <= r[1] and r[3] <= top + 1 and r[1] - box[3] <= 6), default=None,
                   key=lambda r: r[1])
    if rule is None or not -2 <= rule[1] - box[3] <= 15 or \
            min(rule[2], box[2]) - max(rule[0], box[0]) < 0.8 * (box[2] - box[0]):
        return box
    if any(ln.y0 > box[3] - 1 and ln.y1 < rule[1] + 1 and ln.x1 > rule[0] and ln.x0 < rule[2]
           for ln in _lines_by(caption, page_blocks)):
        return box
    return (min(box[0], rule[0]), box[1], max(box[2], rule[2]), max(box[3], rule[3]))


def _lines_over_caption_rule(caption: Block, rule: tuple, page_blocks: list[Block]) -> list[Line]:
    """The lines within a caption rule's width right over it (`_caption_rule`), each within 14 pt of
    the next, up to a caption, a line wider than the rule, a line of prose across the rule's width
    (the running text over the float) or a wider gap."""
    lines = sorted((ln for b in page_blocks if b is not caption for ln in b.lines
                    if ln.page == caption.page and ln.y1 <= rule[1] + 1 and ln.x1 > rule[0] and ln.x0 < rule[2]),
                   key=lambda ln: -ln.y1)
    caption_lines = {id(ln) for b in page_blocks if b is not caption and b.kind == "caption" for ln in b.lines}
    taken: list[Line] = []
    edge = rule[1]
    for ln in lines:
        if ln.y0 >= edge:
            taken.append(ln)  # (level with a line taken: a row's other piece)
            continue
        if edge - ln.y1 > 14 or id(ln) in caption_lines or ln.x0 < rule[0] - 3 or ln.x1 > rule[2] + 3 or \
                (ln.x1 - ln.x0 > 0.9 * (rule[2] - rule[0]) and _is_prose(ln)):
            break
        taken.append(ln)
        edge = ln.y0
    return taken


def _text_over_caption_rule(caption: Block, rules: list[tuple], page_blocks: list[Block], box=None) -> tuple | None:
    """The box of a figure made of text (EuroSys 2012: pseudocode and C structs in the body's faces,
    set as figures at a column's top) over the rule that sets it apart from its caption: the lines
    over the rule (`_lines_over_caption_rule`), three or more, with the rule. With a graphic's
    `box` (a few arrows drawn in the pseudocode), only where three of those lines lie outside it."""
    rule = _caption_rule(caption, rules)
    if rule is None:
        return None
    taken = _lines_over_caption_rule(caption, rule, page_blocks)
    if box is not None:
        taken_out = [ln for ln in taken if not (ln.x0 >= box[0] - 1 and ln.x1 <= box[2] + 1 and
                                                ln.y0 >= box[1] - 1 and ln.y1 <= box[3] + 1)]
        if len(taken_out) < 3:
            return None
    elif len(taken) < 3:
        return None
    out = (min(rule[0], min(ln.x0 for ln in taken)), min(ln.y0 for ln in taken),
           max(rule[2], max(ln.x1 for ln in taken)), rule[3])
    if box is not None:
        if not (out[0] <= box[0] + 1 and out[2] >= box[2] - 1 and out[1] <= box[1] and out[3] >= box[3] - 1):
            return None
    return out


def _lines_by(caption: Block, page_blocks: list[Block]) -> list[Line]:
    """The lines of the caption's page outside the caption, which the float's box is measured
    against. Only that page's: a paragraph run on to the next page (or from the page before) is
    filed under one page but holds the other's lines too, at heights unrelated to this one."""
    return [ln for block in page_blocks if block is not caption for ln in block.lines if ln.page == caption.page]


def _table_head(box: tuple, caption: Block, rules: list[tuple], page_blocks: list[Block],
                page_lines: list[Line] | None = None, ink: list[tuple] = ()) -> tuple:
    """A table's box grown up over the head its rules leave out: a \\cmidrule under spanning
    labels, with no \\toprule over them, a header row above the table's first full rule (ACL 2023:
    "Intent Accuracy" over "Model # Param. EN ES ...", a cmidrule between; the rule stood 15 pt off
    the table's rules, a lone hairline, and the crop began at the header row). The rules taken lie
    within the table's width, less than a line's height over its top; the lines taken stand right
    over such a rule, within the table's width, short, and neither prose nor the caption. Labels
    over rules shorter than the table at its top are looked for among all the page's lines
    (`page_lines`, when given)."""
    x0, y0, x1, y1 = box
    lines = _lines_by(caption, page_blocks)
    over = [r for r in rules if r[0] > x0 - 3 and r[2] < x1 + 3 and 0 < y0 - r[3] < 8]

    def same(a: Line, b: Line) -> bool:
        return abs(a.x0 - b.x0) < 0.5 and abs(a.y0 - b.y0) < 0.5 and a.text == b.text

    if not over:
        # A top rule over a head of a row or two that the drawing left out (ICML 2025: the \toprule
        # 19 pt over the \midrule, "Row Methods Unsup. Array Agnostic ..." in two rows between; the
        # rule touched the coloured keys in the caption's last line and was drawn with them): the
        # nearest rule over the box across most of its width, only head cells between, short and
        # no prose, within the table's width, the caption over the rule (a rule over a table
        # captioned under it may be the running head's).
        for r in sorted((r for r in rules if r[0] > x0 - 3 and r[2] < x1 + 3 and r[2] - r[0] > 0.8 * (x1 - x0) and
                         0 < y0 - r[3] < 40), key=lambda r: -r[3]):
            cells = [ln for ln in lines if ln.y0 > r[3] - 1 and ln.y1 < y0 + 2 and ln.x1 > x0 and ln.x0 < x1]
            # (the head's lines may have been taken in with the rule's drawing: none left between)
            if all(ln.x0 > x0 - 3 and ln.x1 < x1 + 3 and len(ln.text) <= 40 and not _is_prose(ln) and
                   not CAPTION.match(ln.text) for ln in cells) and \
                    caption.lines[-1].y1 <= r[1] + 1 and \
                    not any(ln.y1 > r[1] and ln.y0 < r[1] for ln in lines if ln.x1 > x0 and ln.x0 < x1):
                over = [r]
            break
    if over:
        top = min(r[1] for r in over)
        head = [ln for ln in lines
                if ln.x0 > x0 - 3 and ln.x1 < x1 + 3 and -1 < top - ln.y1 < 0.6 * ln.height and
                len(ln.text) <= 40 and not _is_prose(ln)]
        y0 = min([top] + [ln.y0 for ln in head])
    # A head with no rule over it, the table's column rules running up through it from the full
    # rule under it (ICCV 2023: "Method Dataset Arch. | IN1k | iNat18" over "1-shot 5-shot ...", the
    # column rules drawn row by row, those of the head's rows left out of the drawing): up to the
    # top of those rules, each over a column rule of the box at its x, when all the lines there are
    # short head cells within the table's width.
    full = [r for r in rules if abs(r[1] - y0) < 1.5 and r[2] > x0 and r[0] < x1 and r[2] - r[0] >= 0.8 * (x1 - x0)]
    bars = [m for m in ink if m[2] - m[0] < 1.5 and m[3] - m[1] >= 3 and x0 - 1 <= m[0] and m[2] <= x1 + 1] if full else []
    ups = []
    for bar in bars:
        if not (-1.5 <= y0 - bar[3] < 2.5 and bar[1] < y0 - 3 and
                any(abs(n[0] - bar[0]) < 1 and n[1] > y0 - 1 and n[3] < y1 + 1 for n in bars)):
            continue
        top = bar[1]
        while True:
            above = [n for n in bars if abs(n[0] - bar[0]) < 1 and -1.5 <= top - n[3] < 2.5 and n[1] < top - 1]
            if not above:
                break
            top = min(n[1] for n in above)
        ups.append(top)
    if ups:
        top = min(ups)
        head = [ln for ln in lines if ln.y1 > top and ln.y0 < y0 and ln.x1 > x0 and ln.x0 < x1]
        if head and all(ln.x0 > x0 - 3 and ln.x1 < x1 + 3 and ln.y0 > top - 0.6 * ln.height and len(ln.text) <= 60 and
                        not _is_prose(ln) and not CAPTION.match(ln.text) for ln in head):
            y0 = min([top] + [ln.y0 for ln in head])
    # A head of two rows over the first rule (COLING 2018: "NER-English NER-German ..." over
    # "Approach F1-score F1-score ..."): the row next to the rule joined the drawing as its labels,
    # the one over it, farther than a label may stand off the rule, stayed out. While the box's top
    # is such a row of cells (no rule: the row's lines, taken into the drawing, are no text here),
    # the row stacked right over it joins too: two cells or more within the table's width, short,
    # no prose, less than 0.6 of a line's height over it.
    # A spanning label over the head's columns, alone on its row and in bold (ICLR 2016: "CIFAR Test
    # Error (and Std.)" over "Standard Dropout" and "MC Dropout") is such a row too; set a size
    # under the head's type (9 pt over 10 pt), it stands off by the head's spacing, more than 0.6
    # of its own height (4.9 pt under an 8 pt line).
    for _ in range(4):
        at_top = [r for r in rules if abs(r[1] - y0) < 1.5 and r[2] > x0 and r[0] < x1]
        if at_top and any(r[2] - r[0] >= 0.8 * (x1 - x0) for r in at_top):
            # A label spanning the whole table, alone and centred right over its top rule (CVPR:
            # "# groups (G)" over Table 3's head row "64 32 16 8 4 2 1 (=LN)", the rule between):
            # its head's.
            row = [ln for ln in lines if ln.x1 > x0 and ln.x0 < x1 and -1 < y0 - ln.y1 < 0.6 * ln.height and
                   not any(same(ln, c) for c in caption.lines)]
            if len(row) == 1 and len(row[0].text) <= 40 and not _is_prose(row[0]) and not CAPTION.match(row[0].text) and \
                    row[0].x1 - row[0].x0 < 0.6 * (x1 - x0) and \
                    abs((row[0].x0 + row[0].x1) / 2 - (x0 + x1) / 2) < 0.05 * (x1 - x0):
                y0 = row[0].y0
            break
        if at_top:
            # Only rules shorter than the table at its top (booktabs' \cmidrule pieces under spanning
            # labels, ACL 2023: "Original", "Reconstr.", "Context." each over its own piece, under
            # "Correlation" over a rule of its own): the labels over them are the table's head. Each
            # stands over a piece, short, no prose, less than 0.6 of its height over it.
            # (of all the page's lines, `page_lines` when given: a spanning label at the top of
            # the page was put aside with the running heads)
            row = [ln for ln in (lines if page_lines is None else page_lines) if
                   ln.x0 > x0 - 3 and ln.x1 < x1 + 3 and not any(same(ln, c) for c in caption.lines) and
                   -1 < min(r[1] for r in at_top) - ln.y1 < 0.6 * ln.height]
            if not row or any(len(ln.text) > 40 or _is_prose(ln) or CAPTION.match(ln.text) or
                              not any(r[0] - 2 <= (ln.x0 + ln.x1) / 2 <= r[2] + 2 for r in at_top) for ln in row):
                break
            y0 = min(ln.y0 for ln in row)
            # (and the rule over them, a line's height at most: a \toprule, or the piece under a
            # label spanning theirs)
            y0 = min([y0] + [r[1] for r in rules if r[0] > x0 - 3 and r[2] < x1 + 3 and
                             0 <= y0 - r[3] < max(ln.height for ln in row)])
            continue
        row = [ln for ln in lines if ln.x0 > x0 - 3 and ln.x1 < x1 + 3 and -1 < y0 - ln.y1 < 0.75 * ln.height]
        label = len(row) == 1 and row[0].bold and not HEADING_NUMBER.match(row[0].text) and \
            not row[0].text.rstrip().endswith(_SENTENCE_END)
        if not label:
            row = [ln for ln in row if y0 - ln.y1 < 0.6 * ln.height]
        if (len(row) < 2 and not label) or any(len(ln.text) > 40 or _is_prose(ln) or CAPTION.match(ln.text) for ln in row):
            break
        y0 = min(ln.y0 for ln in row)
    return (x0, y0, x1, y1)


def _rows_on_a_rule(caption: Block, rules: list[tuple], page_blocks: list[Block],
                    others: list[Block] = (), reach: float = 2.0) -> tuple | None:
    """The box of a table ruled only once, under its header row (AAAI 2020, ACL 2023: "Datasets
    #Users #Items", a rule, two rows of numbers; a lone rule is no graphic, so the table had no
    box): the rule nearest the caption, over or under it within 80 pt and across most of its
    width, and the rows of cells set on it, up and down, each a row of two cells or more within the
    rule's width and less than a row's height off the one before; the caption and a note under
    the table (one line alone in its row) end them. With no rule so near, the nearest rule over
    the caption whose rows run on down to it; and so it is too when the near rule, under the
    caption, has no rows of cells on it (a drawn table's), or when its rows under the caption run down to another caption
    of `others` (less than three of that caption's lines under their last row, no rule under it):
    those rows are that caption's table (SIGCOMM: Table 2's caption under its rows, 27 pt over
    the head rule of Table 3, whose caption is under it; Table 2 took Table 3's rows)."""
    x0, x1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    top, bottom = caption.lines[0].y0, caption.lines[-1].y1
    across = [r for r in rules if min(r[2], x1) - max(r[0], x0) > 0.5 * min(r[2] - r[0], x1 - x0)]
    near = [r for r in across if 0 < top - r[3] < 80 or 0 < r[1] - bottom < 80]
    if near:
        box = _rows_on_near_rule(near, caption, page_blocks)
        if box is None and min(near, key=lambda r: min(abs(top - r[3]), abs(r[1] - bottom)))[1] < bottom:
            return None  # (the nearest rule over the caption, no rows on it: not a table ruled once)
        if box is not None and box[1] < bottom or box is not None and not any(
                min(box[2], max(ln.x1 for ln in o.lines)) > max(box[0], min(ln.x0 for ln in o.lines)) and
                -2.0 <= o.lines[0].y0 - box[3] <= 3 * o.lines[0].height and
                not any(min(r[2], box[2]) - max(r[0], box[0]) > 0.5 * (r[2] - r[0]) and
                        0 < r[1] - o.lines[-1].y1 < 80 for r in rules) for o in others):
            return box
    return _rows_over(caption, across, page_blocks, reach)


def _rows_on_near_rule(near: list[tuple], caption: Block, page_blocks: list[Block]) -> tuple | None:
    """The box of the rows on the rule of `near` nearest the caption (see `_rows_on_a_rule`)."""
    top, bottom = caption.lines[0].y0, caption.lines[-1].y1
    if near:
        rule = min(near, key=lambda r: min(abs(top - r[3]), abs(r[1] - bottom)))
        # Subtables side by side under one caption, each ruled under its own head (EMNLP 2022: "ACL",
        # "GENIA", "ScienceIE", three rules on one level 13 pt apart, the caption across all three):
        # the rules a gutter apart on the nearest one's level, each over or under the caption, are one.
        x0, x1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
        level = [r for r in near if abs(r[1] - rule[1]) < 1.0 and r[0] < x1 and r[2] > x0]
        joined = True
        while joined:
            joined = False
            for r in level:
                if r[0] < rule[0] and 0 <= rule[0] - r[2] < 30 or r[2] > rule[2] and 0 <= r[0] - rule[2] < 30:
                    rule = (min(rule[0], r[0]), min(rule[1], r[1]), max(rule[2], r[2]), max(rule[3], r[3]))
                    joined = True
        # A rule under a head that spans some columns (booktabs' \cmidrule under "N / N×K"), a
        # row over the rule across the whole table: the table's rows stand on the whole one, and
        # the spanning head over the short one is theirs too (ICML 2024: the short rule nearest
        # the caption cut the table to the columns under it, its row names and head left out).
        whole = max((r for r in near if r[0] <= rule[0] + 1 and r[2] >= rule[2] - 1 and
                     r[2] - r[0] > rule[2] - rule[0] + 20 and 0 < abs(r[1] - rule[1]) < 30 and
                     (r[1] > bottom) == (rule[1] > bottom)), key=lambda r: r[2] - r[0], default=None)
        box = _rows_on(whole, caption, page_blocks) if whole is not None else None
        if box is None:
            return _rows_on(rule, caption, page_blocks)
        if box[1] - 12 <= rule[1] <= box[3] + 12:
            head = [ln for ln in _lines_by(caption, page_blocks) if ln.x0 > rule[0] - 3 and ln.x1 < rule[2] + 3 and
                    0 <= rule[1] - ln.y1 < ln.height and not _is_prose(ln)]
            box = (box[0], min([box[1], rule[1]] + [ln.y0 for ln in head]), box[2], max(box[3], rule[3]))
        return box


def _rows_over(caption: Block, across: list[tuple], page_blocks: list[Block], reach: float = 2.0) -> tuple | None:
    """A longer table (ACL-style arXiv 2015: ten rows of numbers under the head's rule, the caption 144 pt
    under it): the nearest rule over the caption whose rows run on down to the caption, its
    last row less than `reach` rows' height over it (see `_rows_on_a_rule`)."""
    top = caption.lines[0].y0
    far = [r for r in across if 0 < top - r[3] < 400]
    if not far:
        return None
    rule = max(far, key=lambda r: r[3])
    box = _rows_on(rule, caption, page_blocks)
    if box is None or not 0 <= top - box[3] <= reach * caption.lines[0].height:
        return None
    return box


def _rows_on(rule: tuple, caption: Block, page_blocks: list[Block]) -> tuple | None:
    """The box of the rows of cells set on a rule, up and down from it (see `_rows_on_a_rule`)."""
    cells = [ln for ln in _lines_by(caption, page_blocks)
             if ln.x0 > rule[0] - 3 and ln.x1 < rule[2] + 3 and not _is_prose(ln)]
    rows: dict[float, list[Line]] = {}
    for ln in cells:
        key = next((k for k in rows if abs(k - ln.y0) < 0.5 * ln.height), ln.y0)
        rows.setdefault(key, []).append(ln)
    taken: list[Line] = []
    # (a row is over the rule or under it as its middle is: the box of a line in tall type reaches
    # past the hairline a row sits close under, AISTATS 2005's rows 1.7 pt under their head's rule
    # with their tops 1.7 pt over it)
    over = {k for k, row in rows.items() if sum(ln.y0 + ln.y1 for ln in row) / (2 * len(row)) < rule[1]}
    for side in (-1, 1):
        edge = rule[1] if side < 0 else rule[3]
        keys = sorted((k for k in rows if (k in over) == (side < 0)), key=lambda k: -k if side < 0 else k)
        last: list[Line] = []
        for n, key in enumerate(keys):
            row = rows[key]
            gap = edge - max(ln.y1 for ln in row) if side < 0 else min(ln.y0 for ln in row) - edge
            # (the first row may stand an empty row's height off the rule: AISTATS 2010's Table 1,
            # "Softsign 16.27 ..." 11 pt under the head's rule in 7.5 pt high type, the rows after
            # it 2.5 pt apart)
            if gap > max(ln.height for ln in row) * (1.75 if n == 0 else 1.0):
                break
            if sum(map(_cells_in, row)) < 2:
                # (a cell wrapped onto a line of its own, at the left edge of a cell of the row before,
                # a row of cells right after it: SIGCOMM's "bytes_acked," / "packets_acked" in the
                # first column; a note under the table has no row after it)
                after = rows[keys[n + 1]] if n + 1 < len(keys) else []
                if not (last and len(row) == 1 and any(abs(row[0].x0 - ln.x0) < 2.0 for ln in last) and
                        sum(map(_cells_in, after)) >= 2 and
                        (min(ln.y0 for ln in after) - row[0].y1 if side > 0 else row[0].y0 - max(ln.y1 for ln in after))
                        <= row[0].height):
                    break
            else:
                last = row
            taken.extend(row)
            edge = min(ln.y0 for ln in row) if side < 0 else max(ln.y1 for ln in row)
    if not taken or not any((ln.y0 + ln.y1) / 2 > rule[3] for ln in taken):
        return None
    return (min(rule[0], *(ln.x0 for ln in taken)), min(rule[1], *(ln.y0 for ln in taken)),
            max(rule[2], *(ln.x1 for ln in taken)), max(rule[3], *(ln.y1 for ln in taken)))


def _cells_in(line: Line) -> int:
    """How many cells of a table's row a line holds: its pieces a wide space apart (more than the
    type's size), which the text layer may read as one line (AISTATS 2005's head "Time per" and
    "speed-up", 12 pt apart in 10 pt type)."""
    return 1 + sum(1 for a, b in zip(line.spans, line.spans[1:]) if b[0] - a[1] > line.size)


def _text_between_rules(caption: Block, rules: list[tuple], page_blocks: list[Block]) -> tuple | None:
    """The box of a table of prose set between a top and a bottom rule of one width, the caption
    right under the bottom one or right over the top one (NAACL 2022's Table 3: the wordings of
    three instructions, paragraphs of 9 pt text between two rules across the column; no cells in
    rows, so neither other reading found it). Every line between the rules lies within their
    width: a rule pair round text of the page's own would have its neighbours reach past it."""
    x0, x1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    top, bottom, pitch = caption.lines[0].y0, caption.lines[-1].y1, caption.lines[0].height
    across = [r for r in rules if min(r[2], x1) - max(r[0], x0) > 0.8 * min(r[2] - r[0], x1 - x0)]
    for near in sorted((r for r in across if 0 <= top - r[3] < 1.5 * pitch or 0 <= r[1] - bottom < 1.5 * pitch),
                       key=lambda r: min(abs(top - r[3]), abs(r[1] - bottom))):
        over = near[3] <= top
        pairs = [r for r in across if r is not near and abs(r[0] - near[0]) < 3 and abs(r[2] - near[2]) < 3 and
                 (r[3] < near[1] - pitch if over else r[1] > near[3] + pitch)]
        if not pairs:
            continue
        far = max(pairs, key=lambda r: r[3]) if over else min(pairs, key=lambda r: r[1])
        upper, lower = (far[3], near[1]) if over else (near[3], far[1])
        inside = [ln for ln in _lines_by(caption, page_blocks) if ln.y0 >= upper - 1 and ln.y1 <= lower + 1 and
                  ln.x1 > near[0] and ln.x0 < near[2]]
        if len(inside) < 2 or any(ln.x0 < near[0] - 3 or ln.x1 > near[2] + 3 for ln in inside) or \
                any(ln.y0 < upper - 1 < ln.y1 or ln.y0 < lower + 1 < ln.y1 for ln in _lines_by(caption, page_blocks)
                    if ln.x1 > near[0] and ln.x0 < near[2]):
            continue
        return (min(near[0], far[0]), min(far[1], near[1]), max(near[2], far[2]), max(far[3], near[3]))
    return None


def _small_type_over(caption: Block, rules: list[tuple], page_blocks: list[Block], body: float | None) -> tuple | None:
    """The box of a table of text set in type smaller than its caption's and the body's, its caption
    under it, no drawing round it (EMNLP 2018's Table 1: example outputs in 9 pt, a bold label over
    each group of sentences, over "Table 1: Some Example Output" in 10 pt, the body in 11 pt; its
    Table 2, rows of a term and its gloss with one rule between two groups): the lines over the
    caption within its column, the lowest within 25 pt of it, each within two lines' height of the
    one under it, up to a line in the caption's type or larger, a caption, or a wider gap; three
    lines at least. The rules among them are the table's."""
    if not body or not caption.lines:
        return None
    small = min(caption.size, body) - 0.5
    top = caption.lines[0].y0
    x0, x1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    # (the caption's column: a caption centred under a table across the page is narrower than it)
    # (a line of the table counts once it overlaps the lines taken: a group's short label at the
    # table's left edge, left of a caption centred under it)
    column = [ln for ln in _lines_by(caption, page_blocks) if ln.y1 <= top + 1]
    captions = {id(ln) for b in page_blocks if b.kind == "caption" or CAPTION.match(b.text) for ln in b.lines}
    taken: list[Line] = []
    edge = top
    for ln in sorted(column, key=lambda ln: -ln.y1):
        if not (ln.x1 > x0 and ln.x0 < x1):
            continue
        if taken and ln.y0 >= edge - 1:
            if ln.size > small:
                return None  # (a line in the text's type level with the rows: no table of small type)
            taken.append(ln)
            continue
        if edge - ln.y1 > (25 if not taken else 2 * ln.height) or ln.size > small or id(ln) in captions:
            break
        taken.append(ln)
        edge = min(edge, ln.y0)
        x0, x1 = min(x0, ln.x0), max(x1, ln.x1)
    if len(taken) < 3:
        return None
    # (and the lines passed over before the table's width was known: a group's short last line)
    taken = [ln for ln in column if ln.y0 >= edge - 1 and ln.x1 > x0 and ln.x0 < x1 and ln.size <= small]
    box = (min(ln.x0 for ln in taken), min(ln.y0 for ln in taken), max(ln.x1 for ln in taken), max(ln.y1 for ln in taken))
    for r in rules:
        if r[1] >= box[1] - 1 and r[3] <= box[3] + 1 and r[0] < box[2] and r[2] > box[0]:
            box = (min(box[0], r[0]), box[1], max(box[2], r[2]), box[3])
    return box


def _unruled_rows(caption: Block, rules: list[tuple], page_blocks: list[Block]) -> tuple | None:
    """The box of a table set with no rule and no drawing (AISTATS 2011's Table 1: a head row "(A)
    (B) (C)" over four rows of formulas in columns, "FOBOS  x_t+1 = arg min_x ..."): the rows of
    cells right under its caption (or right over it), each two pieces or more within the
    caption's width, none of them running text or wider than half that width, each row less than a
    row's height off the one before, three rows at least. Text after the table ends them: a line
    of prose, a row of one piece (a paragraph's line), a piece reaching past the caption's edges
    (the other column's text), or the white a float leaves before the text. Rows are made of the
    pieces in the cells' type; the small ones (a sum's limits, a fraction's digits, scripts) stand
    between rows and would chain them all into one: they join the box where they lie within it.
    A rule across the rows or a row's height past them says the table is ruled: the readers of
    ruled tables did not find it, and its rows alone would be a part of it (JMLR 2013: a head
    rule over two tables' columns side by side, the rows of the left one taken alone)."""
    x0, x1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    top, bottom = caption.lines[0].y0, caption.lines[-1].y1
    near = [ln for ln in _lines_by(caption, page_blocks) if ln.x1 > x0 and ln.x0 < x1]
    for below in (True, False):
        side = sorted((ln for ln in near if ln.y0 >= bottom - 1), key=lambda ln: ln.y0) if below else \
            sorted((ln for ln in near if ln.y1 <= top + 1), key=lambda ln: -ln.y1)
        if not side:
            continue
        typical = statistics.median(ln.height for ln in side[:40])
        rows: list[list[Line]] = []  # from the caption outwards; a row is the pieces of its band
        for ln in side:
            if ln.height < 0.75 * typical:
                continue
            if rows:
                b0, b1 = min(x.y0 for x in rows[-1]), max(x.y1 for x in rows[-1])
                if min(ln.y1, b1) - max(ln.y0, b0) > 0.5 * min(ln.height, b1 - b0):
                    rows[-1].append(ln)
                    continue
            rows.append([ln])
        taken: list[Line] = []
        count, edge = 0, bottom if below else top
        for row in rows:
            height = max(ln.height for ln in row)
            gap = min(ln.y0 for ln in row) - edge if below else edge - max(ln.y1 for ln in row)
            if gap > height * (1.5 if not taken else 1.0) or len(row) < 2 or \
                    any(_is_prose(ln) or CAPTION.match(ln.text) or ln.x0 < x0 - 3 or ln.x1 > x1 + 3 for ln in row):
                break
            if any(ln.x1 - ln.x0 > 0.5 * (x1 - x0) for ln in row):
                # (a wide piece of no prose in a row of cells: a head spanning columns, "cumulative
                # distribution function" over "all failures  catastrophic" (OSDI 2014); the rows
                # stop short of the table's head, and a part of the table is no crop of it)
                count = 0
                break
            taken.extend(row)
            count += 1
            edge = max(ln.y1 for ln in row) if below else min(ln.y0 for ln in row)
        if count >= 3:
            y0, y1 = min(ln.y0 for ln in taken), max(ln.y1 for ln in taken)
            if any(r[0] < x1 and r[2] > x0 and y0 - 2 * typical < r[1] and r[3] < y1 + 2 * typical for r in rules):
                return None
            if any((ln.x1 > x1 + 3 or ln.x0 < x0 - 3) and ln.y0 < y1 and ln.y1 > y0 and not _is_prose(ln)
                   for ln in _lines_by(caption, page_blocks)):
                return None  # (cells past the caption's ends, a table wider than its caption: a part is no crop)
            taken += [ln for ln in side if ln.height < 0.75 * typical and y0 <= (ln.y0 + ln.y1) / 2 <= y1 and
                      ln.x0 >= x0 - 3 and ln.x1 <= x1 + 3]
            return (min(ln.x0 for ln in taken), min(ln.y0 for ln in taken),
                    max(ln.x1 for ln in taken), max(ln.y1 for ln in taken))
    return None


def _columns_under_head_rules(caption: Block, rules: list[tuple], page_blocks: list[Block]) -> tuple | None:
    """The box of a table of text in columns captioned under it, ruled only under each column's
    head (EACL 2023: "Cherry tomato confit (base recipe)", "BART", "RecipeCrit (Ours)", each
    underlined by a rule of its own, over three columns of recipe steps; no rule joined another,
    and the table had no box). The head rules stand side by side on one height, apart, over most of
    the caption's width and centred over it, nearest over the caption; the table is the head's line
    over them and every line between them and the caption, none of whose pieces (spans) reaches
    across a gap between two head rules: a column's words stay in their column, running text would
    cross."""
    cx0, cx1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    top, slack = caption.lines[0].y0, max(10.0, 0.25 * (cx1 - cx0))  # (a short caption centred under a wide table)
    rows: dict[float, list[tuple]] = {}
    for r in rules:
        if r[3] < top and top - r[3] < 300 and r[2] > cx0 - slack and r[0] < cx1 + slack:
            key = next((k for k in rows if abs(k - r[1]) < 1.5), r[1])
            rows.setdefault(key, []).append(r)
    for y in sorted(rows, reverse=True):  # nearest the caption first
        row = sorted(rows[y], key=lambda r: r[0])
        gaps = [(a[2], b[0]) for a, b in zip(row, row[1:])]
        if len(row) < 2 or any(b - a < 4 for a, b in gaps) or row[-1][2] - row[0][0] < 0.6 * (cx1 - cx0) or \
                abs(row[0][0] + row[-1][2] - cx0 - cx1) / 2 > 0.15 * (row[-1][2] - row[0][0]):
            continue  # (the caption is centred under its table: a row off its middle is another column's)
        x0, x1, bottom = row[0][0], row[-1][2], max(r[3] for r in row)
        lines = [ln for ln in _lines_by(caption, page_blocks)
                 if ln.x1 > x0 - 5 and ln.x0 < x1 + 5 and
                 ln.y0 > y - 3 * ln.height and ln.y1 <= top + 1]
        body = [ln for ln in lines if ln.y0 >= bottom - 1]
        head = [ln for ln in lines if ln.y0 < bottom - 1 and y - ln.y1 < 0.6 * ln.height]
        if len(body) < 2 or not head or any(CAPTION.match(ln.text) or any(
                a < g0 and b > g1 for a, b, _, _ in ln.spans for g0, g1 in gaps) for ln in body + head):
            return None
        taken = head + body
        return (min(x0, *(ln.x0 for ln in taken)), min(ln.y0 for ln in taken),
                max(x1, *(ln.x1 for ln in taken)), max(ln.y1 for ln in taken))
    return None


def _subtable_letter(line: Line) -> str | None:
    """The letter of a sub-table's own caption ("(b) Row-wise reading"): short, on a line of its own."""
    text = line.text.strip()
    return text[1] if len(text) <= 60 and SUBCAPTION.match(text) and text[0] == "(" else None


def _stacked_subtables(box: tuple, caption: Block, free: list[tuple], lines: list[Line]) -> tuple:
    """A table of sub-tables stacked under one caption, each under its own caption ("TABLE I:
    Interfaces of RCFile.Reader", then "(a) Common Utilities", its rules and rows, "(b) Row-wise
    reading", ..., ICDE 2011): the box of the first, or of the first two, grown down over the next
    while the next is a graphic no caption took, within the box's width, less than 60 pt under it,
    its own caption "(c)" at its top or right over it, the letter after the one over it, and only
    the rows of the sub-table over it between (no caption, no line past the table's sides). The
    first sub-table's caption, right under the table's caption and read with it as its last line,
    is the table's: the box grows up over it, and the caption ends before it. (`lines`: all the
    page's lines, the labels taken into the drawings too.)"""
    x0, y0, x1, y1 = box
    beside = _subtables_beside(box, caption, free, lines)
    if beside != box:
        return beside
    column = [ln for ln in lines if ln.page == caption.page and ln.x0 > x0 - 3 and ln.x1 < x1 + 3]
    lettered = [(ln, letter) for ln in column if (letter := _subtable_letter(ln)) is not None]
    if len(lettered) < 2 or caption.lines[-1].y1 > y0 + 1:
        return box
    grown = False
    for _ in range(8):
        below = sorted((g for g in free if y1 - 1 < g[1] < y1 + 60 and
                        min(g[2], x1) - max(g[0], x0) > 0.8 * min(g[2] - g[0], x1 - x0)), key=lambda g: g[1])
        if not below:
            break
        g = below[0]
        heads = [(ln, letter) for ln, letter in lettered if g[1] - 1.5 * ln.height < ln.y0 < g[1] + 2 * ln.height]
        over = [letter for ln, letter in lettered if y0 - 2 * ln.height < ln.y0 < y1]
        if not heads or not over or ord(heads[0][1]) != ord(max(over)) + 1:
            break
        if any(y1 < (ln.y0 + ln.y1) / 2 < g[1] and ln.x1 > x0 - 3 and ln.x0 < x1 + 3 and
               (ln.x0 < x0 - 3 or ln.x1 > x1 + 3 or CAPTION.match(ln.text)) for ln in lines if ln.page == caption.page):
            break
        x0, y0, x1, y1 = min(x0, g[0]), min(y0, g[1], heads[0][0].y0), max(x1, g[2]), max(y1, g[3])
        free = [f for f in free if f != g]
        grown = True
    # (the box may hold the later sub-tables already, grown over pieces of the table's own width)
    holds_next = any(letter == "b" and y0 < ln.y0 < y1 for ln, letter in lettered)
    last = caption.lines[-1]
    if (grown or holds_next) and len(caption.lines) > 1 and (letter := _subtable_letter(last)) == "a" and \
            y0 - last.y1 < 2 * last.height:
        caption.lines = caption.lines[:-1]
        y0 = min(y0, last.y0)
        grown = True
    return (x0, y0, x1, y1) if grown else box


def _part_over(box: tuple, caption: Block, free: list[tuple], lines: list[Line]) -> tuple:
    """A table captioned under it grown up over a drawing no caption took, right over it (less than
    15 pt, white between) and within its width: a table in two parts, a small one (its parameters'
    names and meanings, EDBT 2016) ruled over the main one, 10 pt apart, under the one caption; the
    crop held the lower part alone. (`lines`: all the page's lines.)"""
    x0, y0, x1, y1 = box
    if caption.lines[0].y0 < y1:
        return box
    over = [g for g in free if 0 < y0 - g[3] < 15 and g[0] > x0 - 3 and g[2] < x1 + 3 and g[2] - g[0] > 0.5 * (x1 - x0)]
    if len(over) != 1:
        return box
    g = over[0]
    if any(ln.page == caption.page and g[3] - 1 < (ln.y0 + ln.y1) / 2 < y0 + 1 and ln.x1 > x0 and ln.x0 < x1
           for ln in lines):
        return box
    return (x0, g[1], x1, y1)


def _subtables_over_their_captions(box: tuple, caption: Block, free: list[tuple], lines: list[Line]) -> tuple:
    """A table of sub-tables in rows under one caption, each over its own caption ("(a)
    Effectiveness of SAFA." and "(b) Various combinations ..." under two tables side by side, over
    a row of three more, "Table 6: Ablations ..." under all, ICCV 2023): the box, its caption under
    it, grown up over the drawings no caption took that stand right over the row of sub-captions
    at its top (less than two of their lines' height) or hold them at their foot, each over one of
    them, within the box's
    width; row by row, three at most. The crop held the lowest row alone. (`lines`: all the
    page's lines, the labels taken into the drawings too.)"""
    x0, y0, x1, y1 = box
    if caption.lines[0].y0 < y1 - 2:
        return box
    subs = [ln for ln in lines if ln.page == caption.page and ln.x0 > x0 - 3 and ln.x1 < x1 + 3 and
            _subtable_letter(ln) is not None and ln.y1 < y1 + 1]
    for _ in range(3):
        row = [ln for ln in subs if ln.y0 >= y0 - 2 and ln.y0 < y0 + 40]
        if not row:
            break
        top = min(ln.y0 for ln in row)
        row = [ln for ln in row if ln.y0 < top + 2]
        height = max(ln.height for ln in row)
        # (each over its sub-caption, or holding it at its foot, the labels at its edge taken in)
        over = [g for g in free if g[3] <= max(ln.y1 for ln in row) + 1 and g[1] < top - height and
                top - g[3] < 2 * height and g[0] > x0 - 3 and g[2] < x1 + 3 and
                any(min(g[2], ln.x1) - max(g[0], ln.x0) > 0.5 * (ln.x1 - ln.x0) for ln in row)]
        if not over:
            break
        y0 = min(g[1] for g in over)
        free = [g for g in free if g not in over]
    return (x0, y0, x1, y1)


def _subtables_beside(box: tuple, caption: Block, free: list[tuple], lines: list[Line]) -> tuple:
    """A table of sub-tables set side by side under one caption, each with its own lettered caption
    right over or right under it ("(a) Train", "(b) Test"): the box of the one its caption took,
    grown over the graphics no caption took level with it (half their heights or more), less than
    80 pt beside it, whose own captions go on the letters (the next right, the one before left),
    and over those captions."""
    page_lines = [(ln, letter) for ln in lines if ln.page == caption.page and (letter := _subtable_letter(ln))]
    if len(page_lines) < 2:
        return box

    def own(g: tuple) -> tuple[Line, str] | None:
        return next(((ln, letter) for ln, letter in page_lines if ln.x0 > g[0] - 3 and ln.x1 < g[2] + 3 and
                     (g[1] - 2 * ln.height < ln.y1 and ln.y0 < g[1] + ln.height or
                      g[3] - 2 * ln.height < ln.y0 and ln.y1 < g[3] + 2 * ln.height)),
                    None)

    first = own(box)
    if first is None:
        return box
    x0, y0, x1, y1 = box
    y0, y1 = min(y0, first[0].y0), max(y1, first[0].y1)
    low = high = first[1]
    grown = False
    for _ in range(6):
        step = None
        for g in free:
            if min(g[3], y1) - max(g[1], y0) <= 0.5 * min(g[3] - g[1], y1 - y0):
                continue
            label = own(g)
            if label is None:
                continue
            if 0 <= g[0] - x1 < 80 and ord(label[1]) == ord(high) + 1 or 0 <= x0 - g[2] < 80 and ord(label[1]) == ord(low) - 1:
                step = (g, label)
                break
        if step is None:
            break
        (g, (ln, letter)) = step
        x0, y0, x1, y1 = min(x0, g[0], ln.x0), min(y0, g[1], ln.y0), max(x1, g[2], ln.x1), max(y1, g[3], ln.y1)
        low, high = min(low, letter), max(high, letter)
        free = [f for f in free if f != g]
        grown = True
    return (x0, y0, x1, y1) if grown else box


def _without_own_caption(box: tuple, caption: Block) -> tuple:
    """A float's box that holds its own caption at its top or foot (a tinted panel that holds the
    caption, CACM's and Elsevier's) cut to the part past the caption: the caption has a box of its
    own, and the crop is the float's (CACM's Table 1 panel, caption over a note over the table, was
    126 pt tall for a 60 pt table)."""
    x0, x1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    top, bottom = caption.lines[0].y0, max(ln.y1 for ln in caption.lines)
    line = caption.lines[0].height
    if box[0] - 2 <= x0 and x1 <= box[2] + 2 and top + 0.5 * line < box[3] < caption.lines[0].y1 and \
            top - box[1] > 2 * line:
        # (a drawing over the caption, ending in the lower half of its first line: its white ground
        # under the letters; one that ends a little into the line's box may end with its ink there)
        return (box[0], box[1], box[2], top)
    if not (box[0] - 2 <= x0 and x1 <= box[2] + 2 and box[1] - 2 <= top and bottom <= box[3] + 2):
        return box
    if top - box[1] < 2 * line and box[3] - bottom > 2 * line:
        return (box[0], bottom, box[2], box[3])
    if box[3] - bottom < 2 * line and top - box[1] > 2 * line:
        return (box[0], box[1], box[2], top)
    return box


def _out_of_the_other_column(box: tuple, caption: Block, middle: float, grounds: list[tuple], ink: list[tuple],
                             lines: list[Line], rotated: list[tuple]) -> tuple:
    """A column's figure (its caption within one half of the page) whose box reaches across the
    middle into the other column's running text, cutting through its lines of prose, cut back to
    what is seen on its own side (`ink`, the lines and rotated lines in it): EMNLP 2025's heat map
    in the right column, its white ground 18 pt off a formula's fraction bars at the left column's
    edge, the two clustered into one drawing and the crop 49 pt into the left column's text."""
    cx0, cx1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    x0, y0, x1, y1 = box
    if cx0 >= middle - 5 and x0 < middle - 20:
        def other(ln: Line) -> bool:
            return ln.x0 < x0 - 5 and x0 < ln.x1 < middle
        def own(r: tuple) -> bool:
            return r[0] >= middle - 5
    elif cx1 <= middle + 5 and x1 > middle + 20:
        def other(ln: Line) -> bool:
            return ln.x1 > x1 + 5 and middle < ln.x0 < x1
        def own(r: tuple) -> bool:
            return r[2] <= middle + 5
    else:
        return box
    if not ink or not any(other(ln) and y0 < (ln.y0 + ln.y1) / 2 < y1 and _is_prose(ln) and ln.size >= 0.9 * caption.size
                          for ln in lines):
        return box  # (the page's marks are carried only where they are needed: without them, nothing to cut to)
    parts = [m[:4] for m in ink if m[0] < x1 and m[2] > x0 and m[1] < y1 and m[3] > y0 and own(m)]
    parts += [(ln.x0, ln.y0, ln.x1, ln.y1) for ln in lines if _inside(ln, box, 0.0) and own((ln.x0, ln.y0, ln.x1, ln.y1))]
    parts += [r for r in rotated if r[0] >= x0 - 1 and r[1] >= y0 - 1 and r[2] <= x1 + 1 and r[3] <= y1 + 1 and own(r)]
    if not parts:
        return box
    return (max(x0, min(r[0] for r in parts)), max(y0, min(r[1] for r in parts)),
            min(x1, max(r[2] for r in parts)), min(y1, max(r[3] for r in parts)))


def _labels_across_edge(box: tuple, caption: Block, lines: list[Line]) -> tuple:
    """A figure's box grown over the short lines its top or foot cuts through: a label reaching
    past the drawing's edge, within the figure's width, part of its height inside the box and part
    outside (SIGGRAPH 1993: "Vector field" beside the top plane of a stack of drawings, its words
    4 pt over the drawing's top; JMLR: the title "Normalized score vs refuse to predict level" over
    each plot, 6 pt of its 8.6 over the axes). A crop never cuts a line of words in two; a line of
    prose (in type over 0.8 of the caption's: a plot's title in small type may read as prose), a
    caption's line and a line wider than the figure are left as they are."""
    x0, y0, x1, y1 = box
    own = [(c.x0, c.y0, c.text) for c in caption.lines]
    for ln in lines:
        height = ln.y1 - ln.y0
        if height <= 0 or ln.x0 < x0 - 2 or ln.x1 > x1 + 2 or len(ln.text) > 60 or \
                (_is_prose(ln) and ln.size > 0.8 * caption.size) or \
                CAPTION.match(ln.text) or any(abs(ln.x0 - a) < 0.5 and abs(ln.y0 - b) < 0.5 and ln.text == t for a, b, t in own):
            continue
        top = ln.y0 < y0 and 0.15 * height <= ln.y1 - y0 <= 0.85 * height
        foot = ln.y1 > y1 and 0.15 * height <= y1 - ln.y0 <= 0.85 * height
        if top:
            y0 = ln.y0
        if foot:
            y1 = ln.y1
    return (x0, y0, x1, y1)


def _row_labels_left(box: tuple, caption: Block, ink: list[tuple], lines: list[Line],
                     middle: float | None = None) -> tuple:
    """A float's box grown left over the column of row labels set left of its drawing: short lines
    level with the drawing's rows, the nearest of them close to its left edge, nothing drawn between
    (a table drawn as a grid, its row names "Message Delays", "no co-location" 6 pt left of the
    grid's frame, LaTeX tech report; a lattice's "Tops" and "Roots" 18 pt left of its nodes, SIGMOD
    2001). Two or more of the labels stand level with a line in the box (the row they name); every
    line in that band, between the box and the column's edge (never across the gutter), is short and
    no prose, none a caption's: a line of running text beside the box means the box stands beside
    text, not beside its own labels."""
    x0, y0, x1, y1 = box
    own = {id(ln) for ln in caption.lines}
    level = [ln for ln in lines if y0 - 1 <= (ln.y0 + ln.y1) / 2 <= y1 + 1 and ln.text.strip() and id(ln) not in own
             and not (middle and x0 >= middle and ln.x1 <= middle)]
    band = [ln for ln in level if ln.x1 <= x0 + 0.5]
    if len(band) < 2 or any(len(ln.text) > 40 or _is_prose(ln) or CAPTION.match(ln.text) or
                            ln.size > caption.size + 1.5 for ln in band):
        return (x0, y0, x1, y1)
    near = max(band, key=lambda ln: ln.x1)
    if x0 - near.x1 > max(2.5 * (near.y1 - near.y0), 12.0):
        return (x0, y0, x1, y1)
    inside = [ln for ln in lines if _inside(ln, box, 1.0)]
    named = [ln for ln in band if any(min(ln.y1, o.y1) - max(ln.y0, o.y0) >= 0.5 * min(ln.y1 - ln.y0, o.y1 - o.y0)
                                      for o in inside)]
    if len(named) < 2:
        return (x0, y0, x1, y1)
    left = min(ln.x0 for ln in band)
    if any(m[0] < x0 - 0.5 and m[2] > left and m[1] < y1 and m[3] > y0 for m in ink):
        return (x0, y0, x1, y1)  # (something drawn among the labels: another drawing's, not this float's row names)
    # (row names stand within the text's measure: lines out in the margin, left of where the page's
    # running text begins, are notes beside the float, a reader's "单语" by a table's rows)
    margin = min((ln.x0 for ln in lines if ln.x0 < x0 and _is_prose(ln)), default=left)
    if left < margin - 2:
        return (x0, y0, x1, y1)
    return (left, min([y0] + [ln.y0 for ln in band]), x1, max([y1] + [ln.y1 for ln in band]))


def _small_titles_over(box: tuple, caption: Block, lines: list[Line], graphics: list[tuple] = ()) -> tuple:
    """A figure's box, its caption under it, grown up over the rows of titles in small type set
    right over it (JMLR 2003: "Performance vs iterations on three data sets / for model I-0 with
    four inference strategies" in 7.3 pt over each of two plots, 6 pt over their axes; ACL 2023:
    "(a) great park job !" and "(b) thanks for the awesome ..." in 8.2 pt over two grids of
    images). Each row: lines in type under 0.85 of the caption's, within the figure's width, less
    than a line's height over it, none of them a caption; a line in larger type in the row (the
    text over the figure) stops it. Rows stacked so are taken one by one, three at most."""
    x0, y0, x1, y1 = box
    if caption.lines[0].y0 < y1 - 2:
        return box
    small = 0.85 * caption.size

    def over_panel(ln: Line) -> bool:
        # (a title centred on a drawing of the float whose top stands less than two of its lines'
        # height under it, with nothing over it for a line and a half: no row of a table's cells)
        height = ln.y1 - ln.y0
        return any(g[0] >= x0 - 2 and g[2] <= x1 + 2 and g[1] >= y0 - 2 and 0 <= g[1] - ln.y1 < 2 * height and
                   ln.x1 - ln.x0 < g[2] - g[0] and abs((ln.x0 + ln.x1) / 2 - (g[0] + g[2]) / 2) <= 0.1 * (g[2] - g[0])
                   for g in graphics) and \
            not any(o is not ln and o.x1 > ln.x0 and o.x0 < ln.x1 and o.y1 <= ln.y0 + 1 and ln.y0 - o.y1 < 1.5 * height
                    for o in lines)

    for k in range(3):
        row = [ln for ln in lines if ln.y1 <= y0 + 0.5 * (ln.y1 - ln.y0) and y0 - ln.y1 < ln.y1 - ln.y0 and
               ln.x1 > x0 and ln.x0 < x1 and ln.text.strip()]
        if not row and not k and graphics:
            # (the first row may stand up to two lines' height over the drawing when each of its
            # lines is a title centred on a drawing of the float: R's plot titles, 10 pt over each
            # of two plots' frames in 6.4 pt, WSDM 2010)
            row = [ln for ln in lines if ln.y1 <= y0 + 0.5 * (ln.y1 - ln.y0) and y0 - ln.y1 < 2 * (ln.y1 - ln.y0) and
                   ln.x1 > x0 and ln.x0 < x1 and ln.text.strip()]
            if not all(over_panel(ln) for ln in row):
                break
        if not row or any(ln.size > small or ln.x0 < x0 - 3 or ln.x1 > x1 + 3 or CAPTION.match(ln.text) for ln in row):
            break
        x0, y0, x1 = min([x0] + [ln.x0 for ln in row]), min(ln.y0 for ln in row), max([x1] + [ln.x1 for ln in row])
    return (x0, y0, x1, y1)


def _labels_over_beside_caption(box: tuple, caption: Block, lines: list[Line]) -> tuple:
    """A figure's box, its caption beside it (a minipage to its right or left), grown up over the
    rows of short labels right over its drawing (TODS 2006: "RM1", "Other RMs", "TM" over the
    lifelines of a message flow, the caption 60 pt to its right): each row less than a line's
    height over the last, within the drawing's width and 20 pt past it, of no prose or caption;
    a row with anything else in it (the text over the figure) stops them. Three rows at most."""
    x0, y0, x1, y1 = box
    cx0, cx1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    if not (cx0 >= x1 - 2 or cx1 <= x0 + 2) or caption.lines[0].y0 < y0 - 2:
        return box
    for _ in range(3):
        band = [ln for ln in lines if ln.y1 <= y0 + 0.5 * ln.height and y0 - ln.y1 < ln.height and ln.text.strip() and
                not any(ln is c for c in caption.lines)]
        if not band or any(ln.x0 < x0 - 20 or ln.x1 > x1 + 20 or len(ln.text) > 24 or _is_prose(ln) or
                           CAPTION.match(ln.text) for ln in band):
            break
        x0, y0, x1 = min([x0] + [ln.x0 for ln in band]), min(ln.y0 for ln in band), max([x1] + [ln.x1 for ln in band])
    return (x0, y0, x1, y1)


def _inside_frame(box: tuple, caption: Block, grounds: list[tuple], ink: list[tuple], lines: list[Line],
                  rotated: list[tuple]) -> tuple:
    """A float ruled round together with its caption (a review journal's figure in a box with its
    legend under the drawing, BMC's grey frame round figure and caption, or rules over and under
    both) cut to what the frame holds on the far side of the caption: the drawing and its labels.
    The frame's rules are the float's setting, not the figure, and the frame may be the text's
    width round a drawing half as wide. The frame is a mark the box's size (its outline) or thin
    rules along the box's edges, at least 90 % of a side long; what is left of the frame's ink,
    with the lines in it, must lie on one side of the caption's opening line (the caption's own
    lines run on below it), else the box is left as it is. White paint is no ink."""
    first = caption.lines[0]
    x0, y0, x1, y1 = box
    if not (x0 - 2 <= first.x0 and first.x1 <= x1 + 2 and y0 - 2 <= first.y0 and first.y1 <= y1 + 2):
        return box
    width, height = x1 - x0, y1 - y0

    def frame(m: tuple) -> bool:
        if len(m) > 4 and all(abs(a - b) <= 2 for a, b in zip(m, box)):
            return True  # the outline stroked round it all (a tinted panel is seen: no frame)
        # (a rule along an edge, whole or in pieces: a word processor draws a frame's sides one
        # piece per line of the caption inside it)
        across = m[3] - m[1] <= 2 and (m[1] - y0 <= 2 or y1 - m[3] <= 2)
        down = m[2] - m[0] <= 2 and (m[0] - x0 <= 2 or x1 - m[2] <= 2)
        return across or down

    hit = [m for m in ink if m[0] >= x0 - 1 and m[1] >= y0 - 1 and m[2] <= x1 + 1 and m[3] <= y1 + 1]
    rules = [m for m in hit if frame(m)]
    if not any(m[2] - m[0] >= 0.9 * width or m[3] - m[1] >= 0.9 * height for m in rules):
        return box  # (no rule along a whole edge, or no outline: no frame)
    drawn = [m for m in hit if not frame(m)]
    own = {id(ln) for ln in caption.lines}
    texts = [(ln.x0, ln.y0, ln.x1, ln.y1) for ln in lines if id(ln) not in own and _inside(ln, box, 0.0)]
    texts += [r for r in rotated if r[0] >= x0 - 1 and r[1] >= y0 - 1 and r[2] <= x1 + 1 and r[3] <= y1 + 1]
    if any(m[1] < first.y0 - 1 for m in drawn) and not any(m[3] > first.y1 + 1 for m in drawn):
        parts = drawn + [t for t in texts if t[3] <= first.y0 + 1]
    elif any(m[3] > first.y1 + 1 for m in drawn) and not any(m[1] < first.y0 - 1 for m in drawn):
        parts = drawn + [t for t in texts if t[1] >= caption.lines[-1].y1 - 1]
    else:
        return box
    return (max(x0, min(r[0] for r in parts)), max(y0, min(r[1] for r in parts)),
            min(x1, max(r[2] for r in parts)), min(y1, max(r[3] for r in parts)))


def _headings_in_floats(headings: dict[int, _Heading], blocks: list[Block], floats: list[Figure]) -> list[int]:
    """The unnumbered headings printed inside a float's box: a panel's title in large bold type over
    its drawing (ACL 2015's "RecNN" over a tree, read as a section), never a section of the text."""
    out = []
    for k, h in headings.items():
        if k < 0 or h.number is not None:
            continue
        block = blocks[k]
        if any(f.bbox is not None and f.page == block.page + 1 and
               all(f.bbox[0] - 1 <= ln.x0 and ln.x1 <= f.bbox[2] + 1 and f.bbox[1] - 1 <= ln.y0 and ln.y1 <= f.bbox[3] + 1
                   for ln in block.lines) for f in floats):
            out.append(k)
    return out


def _headings_in_ruled_rows(headings: dict[int, _Heading], blocks: list[Block], pages_rules: list[list[tuple]]) -> list[int]:
    """The unnumbered one-line headings that stand in a table's row: between two horizontal rules
    over and under it, each within two lines of it and reaching across it, with other text on its
    row between the same rules, apart from it (AAAI: the column heads "Local Field of View (FoV)"
    and "Full FoV, Central Control" in 12 pt over 10 pt text, between booktabs rules, read as
    sections where the table's crop missed them). A heading has no cell beside it."""
    out = []
    by_page: dict[int, list[Line]] = {}
    for k, h in headings.items():
        if k < 0 or h.number is not None or len(blocks[k].lines) > 4:
            continue
        own = blocks[k].lines
        page = own[0].page
        x0, y0, x1, y1 = min(ln.x0 for ln in own), min(ln.y0 for ln in own), max(ln.x1 for ln in own), max(ln.y1 for ln in own)
        height = max(ln.height for ln in own)
        if y1 - y0 > 1.8 * height:
            continue  # (its pieces on one row, as cells are: "IAC-V IAC-Q cnt-V")
        rules = pages_rules[page] if page < len(pages_rules) else []
        # (a rule across it, or rules side by side at one height across most of it: booktabs's
        # \cmidrule under each group of columns, "mean best" under the left one, "DQN" the right)
        near = [r for r in rules if y0 - 2 * height <= r[3] <= y0 + 1 or y1 - 1 <= r[1] <= y1 + 2 * height]
        across = [r for r in near if sum(max(0.0, min(o[2], x1) - max(o[0], x0)) for o in near
                                         if abs(o[1] - r[1]) < 1) >= 0.8 * (x1 - x0)]
        over, under = [r for r in across if r[3] <= y0 + 1], [r for r in across if r[1] >= y1 - 1]
        if not over or not under:
            continue
        top, bottom = max(r[3] for r in over), min(r[1] for r in under)
        if page not in by_page:
            by_page[page] = [other for b in blocks if b.page == page for other in b.lines]
        if any(all(other is not ln for ln in own) and top <= other.y0 and other.y1 <= bottom and other.y0 < y1 and
               y0 < other.y1 and (other.x0 - x1 > h.size or x0 - other.x1 > h.size) for other in by_page[page]):
            out.append(k)
    return out


def _ruled_over_and_under(boxes: list[tuple], marks: list) -> bool:
    """Whether a graphic's box has a hairline across its whole width at its top and another at its
    bottom (see `_between_frame_rules`)."""
    hairlines = [b for _, b, _, _ in marks if b[3] - b[1] < 1.5 and b[2] - b[0] > 100]
    return len(hairlines) > 1 and any(
        any(abs(h[1] - box[1]) < 2 and h[0] < box[0] + 2 and h[2] > box[2] - 2 for h in hairlines) and
        any(abs(h[3] - box[3]) < 2 and h[0] < box[0] + 2 and h[2] > box[2] - 2 for h in hairlines) for box in boxes)


def _between_frame_rules(box: tuple, ink: list[tuple], lines: list[Line], rotated: list[tuple]) -> tuple:
    """A figure's box whose top and bottom edges are two hairlines across it, the graphic between
    them narrower than they are by 10 pt or more on both sides, cut to what lies between: a float
    style that rules across the text over and under each figure (ACM 2004, Ghostscript: 1-pixel
    images stretched 500 pt wide over the caption's graphic and under its subcaptions) frames the
    graphic, as a frame drawn round it does, and the rules are no part of it (the crop was 28 pt
    too wide on each side)."""
    x0, y0, x1, y1 = box
    across = [m for m in ink if m[3] - m[1] < 1.5 and m[0] < x0 + 2 and m[2] > x1 - 2]
    top = [m for m in across if m[1] < y0 + 2]
    bottom = [m for m in across if m[3] > y1 - 2]
    if not top or not bottom:
        return box
    over, under = max(m[3] for m in top), min(m[1] for m in bottom)
    if under - over < 20:
        return box
    parts = [m for m in ink if m[0] < x1 and m[2] > x0 and m[1] >= over - 0.5 and m[3] <= under + 0.5 and
             not (m[3] - m[1] < 1.5 and m[0] < x0 + 2 and m[2] > x1 - 2)]
    parts += [(ln.x0, ln.y0, ln.x1, ln.y1) for ln in lines if _inside(ln, (x0, over, x1, under), 0.0)]
    parts += [r for r in rotated if r[0] >= x0 - 1 and r[1] >= over - 1 and r[2] <= x1 + 1 and r[3] <= under + 1]
    if not parts:
        return box
    inner = (max(x0, min(r[0] for r in parts)), max(over, min(r[1] for r in parts)),
             min(x1, max(r[2] for r in parts)), min(under, max(r[3] for r in parts)))
    if inner[0] - x0 < 10 or x1 - inner[2] < 10:
        return box
    return inner


def _trim_to_seen(box: tuple, grounds: list[tuple], ink: list[tuple], lines: list[Line], rotated: list[tuple]) -> tuple:
    """A float's box that holds white paint (`grounds`) cut down to what is seen in it: the other
    ink (`ink`), the text lines over it and the rotated lines in it. White paint on a white page is
    invisible; a plotting program's white ground reaches well past the plot (MATLAB: 20 pt past the
    axes and tick labels on every side) and made the crop that much wider. The grounds have done
    their work by then: they joined the panels they tile into one graphic."""
    x0, y0, x1, y1 = box
    if not any(x0 - 1 <= g[0] and y0 - 1 <= g[1] and g[2] <= x1 + 1 and g[3] <= y1 + 1 for g in grounds):
        return box
    # (a loop, not numpy: importing numpy cost the command more than the loop over a plot's marks)
    hit = [m for m in ink if m[0] < x1 and m[2] > x0 and m[1] < y1 and m[3] > y0]
    # (each edge's extreme over the marks by `map`, in C: a plot's thousands of marks)
    parts = [(float(min(map(_LEFT, hit))), float(min(map(_TOP, hit))), float(max(map(_RIGHT, hit))),
              float(max(map(_BOTTOM, hit))))] if hit else []
    parts += [(ln.x0, ln.y0, ln.x1, ln.y1) for ln in lines if _inside(ln, box, 0.0)]
    parts += [r for r in rotated if r[0] >= x0 - 1 and r[1] >= y0 - 1 and r[2] <= x1 + 1 and r[3] <= y1 + 1]
    if not parts:
        return box
    return (max(x0, min(r[0] for r in parts)), max(y0, min(r[1] for r in parts)),
            min(x1, max(r[2] for r in parts)), min(y1, max(r[3] for r in parts)))


def _trim_white_margins(doc, groups: list[list[Figure]], pages_images: list[list[tuple]],
                        turns: list | None = None, reopen=None, ahead=None) -> list[list[Figure]]:
    """Each list of floats in `groups` (the figures, the tables) with each float's box cut down to
    the ink seen in it on the sides where an image's edge is the box's edge: a raster plot or
    drawing is often saved with a white border (matplotlib's padding round the axes, a screenshot's
    blank margin) that the crop swallowed, up to 20 pt a side. The pixels say what the image's box
    cannot: the float's region is rendered once, at one pixel a point, in grey, and the rows and
    columns of near-white pixels at its edges are dropped (the text and drawings over the image are
    rendered with it, so nothing seen is cut). Only floats with such a side, whose images fill half
    their box or more, pay for the rendering, and only while their images hold at most
    `_TRIM_PIXELS` pixels: decoding them is most of its cost (25 to 50 ms a million pixels, whatever
    the zoom: MuPDF decodes the whole image). The bare `get_text("dict")` pass that the command's
    speed is measured against decodes every image too, and spends about four times as long on the
    same pixels (it keeps them), so a float of up to 12 million pixels (iGPT's figure 1 of one 6542
    x 1606 image with a white border) is trimmed; past that (a SIGMOD paper's 17-megapixel plot, a
    66-megapixel photograph) the box stays as drawn. A turned page is left as it is.

    A page is rendered from its display list, made once for all the floats on it, figures and
    tables: making it runs the page's whole content stream again, a tenth of a second on a page of
    dense plots. Each page's floats need nothing of the other pages, so the pages with floats to
    trim are read as the parse reads its pages (`paperkit.reading.forked.map_pages`, `reopen()`
    opening the document again): in forked processes when cores are idle and the images to decode
    are worth a fork (`_TRIM_FORK_PIXELS`), a paper of many raster plots being the slowest to trim.
    `ahead`: the trims a forked helper worked out while the parse went on (`_trims_ahead`), the
    same `_trimmed_box` of the same box: those floats are not trimmed again."""
    from paperkit.reading.forked import map_pages, usable_processes

    todo: dict[int, list[tuple[int, int, list[bool]]]] = {}  # page index -> (group, float, sides to trim)
    pixels = 0  # (of the images to decode)
    kept = [list(floats) for floats in groups]
    jobs = [(g, k, record, plan) for g, floats in enumerate(groups) for k, record in enumerate(floats)
            if (plan := _trim_plan(record, pages_images)) is not None]
    done: dict = {}
    if ahead is not None and jobs:
        planned = set(ahead.keys)
        trim = _trim_by_key(turns)
        done = ahead.take([key for _, _, record, plan in jobs if (key := (record.page - 1, record.bbox, tuple(plan[0])))
                           in planned], lambda key: trim(doc, key))
    if ahead is not None:
        ahead.stop()  # (its work is taken, or none of it is needed: the helper leaves the core)
    for g, k, record, plan in jobs:
        key = (record.page - 1, record.bbox, tuple(plan[0]))
        if key in done and done[key] != _SAID:
            if done[key] is not None:
                kept[g][k] = replace(kept[g][k], bbox=done[key])
            continue
        todo.setdefault(record.page - 1, []).append((g, k, plan[0]))
        pixels += plan[1]
    if not todo:
        return kept

    def read(page, index: int) -> list | None:
        jobs = todo.get(index)
        if not jobs or page.rotation:
            return None
        listed = page.get_displaylist(annots=False)
        turn = turns[index] if turns is not None else None
        return [(g, k, _trimmed_box(listed, groups[g][k].bbox, sides, turn)) for g, k, sides in jobs]

    processes = 1
    if reopen is not None and len(todo) >= 2 and pixels >= _TRIM_FORK_PIXELS:
        processes = min(usable_processes(doc.page_count), len(todo))
    for found in map_pages(doc, read, reopen, processes=processes):
        for g, k, box in found or ():
            if box is not None:
                kept[g][k] = replace(kept[g][k], bbox=box)
    return kept


_TRIM_AHEAD_PIXELS = 250_000  # (of the images under the drawings whose trims a helper works out ahead: a fork's worth)


def _trims_ahead(doc, page_graphics: list[list[tuple]], pages_images: list[list[tuple]], turns: list, reopen):
    """A forked helper (`paperkit.reading.forked.speculate`) that trims, while the parse goes on
    with the whole document's structure on its own core, the drawings that are likeliest floats'
    boxes: each graphic of a page that `_trim_plan` would trim, at its box as a float takes it
    (rounded to a tenth of a point). `_trim_white_margins` takes the trims of its floats that
    stand at such a box, and trims the others itself. None where no core is idle, the document
    cannot be opened again, or there are too few pixels to decode to repay a fork. A page's trims
    need only the page, so the results are the same wherever they are worked out."""
    import pymupdf

    from paperkit.reading.forked import PAGES_PER_PROCESS, speculate, usable_processes

    # (nor once MuPDF has complained, of this document or another the process read: its messages,
    # printed where a trim meets the damage, are the parent's to print, as the serial path prints them;
    # a helper's go with it, and a helper's copy of the document may meet the damage elsewhere first)
    if reopen is None or getattr(pymupdf, "JM_mupdf_warnings_store", None):
        return None
    keys: dict[tuple, int] = {}  # (page index, box, sides) -> pixels of its images
    for index, graphics in enumerate(page_graphics):
        for b in graphics:
            box = tuple(round(v, 1) for v in b[:4])
            if (plan := _box_trim_plan(box, index, pages_images)) is not None:
                keys[(index, box, tuple(plan[0]))] = plan[1]
    # (whether a core is idle, whatever the document's length: the helper's work is the trims)
    if sum(keys.values()) < _TRIM_AHEAD_PIXELS or usable_processes(2 * PAGES_PER_PROCESS) < 2:
        return None
    # The most pixels first: the helper starts on the slowest (decoding the images is most of a trim's
    # cost), and the parent, when it comes to need them, works the quickest from the other end.
    return speculate(reopen, sorted(keys, key=lambda key: -keys[key]), _trim_by_key(turns, quiet=True),
                     recipe=(_trim_by_key, (turns, True)))


_SAID = "MuPDF said something"  # (a trim a helper leaves to the parent, `_trim_by_key`)


def _trim_by_key(turns: list | None, quiet: bool = False):
    """`trim(doc, (page index, box, sides))`: `_trimmed_box` of a float's box on its page (None
    where it stays as it is, and on a page turned by /Rotate), each page's display list made once.
    `quiet` (a helper's): `_SAID` where MuPDF reported a warning or error on the way, which only the
    parent's output shows: that trim is then the parent's."""
    import pymupdf

    listed: dict = {}
    said = getattr(pymupdf, "JM_mupdf_warnings_store", [])

    def trim(doc, key) -> tuple | None:
        index, box, sides = key
        before = len(said)
        if index not in listed:
            page = doc[index]
            listed[index] = None if page.rotation else page.get_displaylist(annots=False)
        if listed[index] is None:
            return None
        out = _trimmed_box(listed[index], box, list(sides), turns[index] if turns is not None else None)
        return _SAID if quiet and len(said) != before else out
    return trim


def _trim_plan(record: Figure, pages_images: list[list[tuple]]) -> tuple[list[bool], int] | None:
    """Whether a float's white margins are looked for (`_trim_white_margins`): the sides of its box
    that an image's edge makes (left, top, right, bottom) and the pixels of its images, or None."""
    return _box_trim_plan(record.bbox, record.page - 1, pages_images)


def _box_trim_plan(box: tuple | None, index: int, pages_images: list[list[tuple]]) -> tuple[list[bool], int] | None:
    """`_trim_plan` of a box on the page of index `index`."""
    if box is None or index >= len(pages_images):
        return None
    images = [im for im in pages_images[index]
              if im[0] < box[2] and im[2] > box[0] and im[1] < box[3] and im[3] > box[1]]
    sides = [any(abs(im[k] - box[k]) <= 0.6 for im in images) for k in range(4)]
    pixels = sum(im[4] for im in images)
    if not any(sides) or pixels > _TRIM_PIXELS:
        return None
    area = (box[2] - box[0]) * (box[3] - box[1])
    if sum((min(im[2], box[2]) - max(im[0], box[0])) * (min(im[3], box[3]) - max(im[1], box[1]))
           for im in images) < 0.5 * area:
        return None  # the images are a part of a drawing (icons in a diagram): its ink is drawn
    return sides, pixels


def _trimmed_box(listed, box: tuple, sides: list[bool], turn) -> tuple | None:
    """A float's box (`_trim_white_margins`) cut to the ink its page's display list `listed` shows
    in it on `sides`; None where it stays as it is."""
    import pymupdf

    # (a sideways page's float stands in its upright frame: its pixels are looked up on the page
    # as printed, and the ink found there turned as the page was, `_sideways_turn`)
    clip = pymupdf.Rect(box) if turn is None else pymupdf.Rect(box) * ~pymupdf.Matrix(*turn)
    ink = _ink_box(listed, clip, 1.0)
    if ink is None:
        return None
    # The margins so found white are read again at two pixels a point: at one, a hairline of
    # dots drawn in an image, light grey, blends into white (NAACL 2024's dotted rule between a
    # figure's rows of plots, reaching 10 pt past them on the right, was cut off). Only the
    # margins: the whole box at two pixels a point cost two thirds more.
    # (each strip half a point past the box's edge: an image's frame one of its pixels wide, a
    # sixth of a point at its edge, falls astride the grid's pixels and blends into white there:
    # AAAI 2020's plots framed in light grey were cut to their axes, 16 pt off the top; a margin of a
    # point or less is not read again, as before: each strip is a render of the page's display list,
    # and ink touching the box's edge leaves nothing to trim there)
    for margin, strip in ((ink[0] - clip.x0, pymupdf.Rect(clip.x0 - 0.5, clip.y0, ink[0], clip.y1)),
                          (clip.x1 - ink[2], pymupdf.Rect(ink[2], clip.y0, clip.x1 + 0.5, clip.y1)),
                          (ink[1] - clip.y0, pymupdf.Rect(clip.x0, clip.y0 - 0.5, clip.x1, ink[1])),
                          (clip.y1 - ink[3], pymupdf.Rect(clip.x0, ink[3], clip.x1, clip.y1 + 0.5))):
        if margin > 1 and strip.width > 1 and strip.height > 1 and (faint := _ink_box(listed, strip, 2.0)) is not None:
            ink = (min(ink[0], faint[0]), min(ink[1], faint[1]), max(ink[2], faint[2]), max(ink[3], faint[3]))
    if turn is not None:
        ink = tuple(pymupdf.Rect(ink) * pymupdf.Matrix(*turn))
    trimmed = tuple(round(max(box[k], ink[k]) if k < 2 else min(box[k], ink[k]), 1) if sides[k] else box[k]
                    for k in range(4))
    return trimmed if trimmed[0] < trimmed[2] and trimmed[1] < trimmed[3] else None


_INK_PIXELS = bytes(1 if v < 245 else 0 for v in range(256))
_TRIM_PIXELS = 12_000_000
_TRIM_FORK_PIXELS = 1_000_000  # (25 to 50 ms of decoding at one pixel a point, and again for the margins: a fork's worth)


def _ink_box(listed, clip, zoom: float) -> tuple | None:
    """The box, in points, of the ink (pixels darker than 245 of 255) that a page's display list
    `listed` shows in `clip`, rendered at `zoom` pixels a point in grey; None where there is none.
    (what `page.get_pixmap(clip=..., annots=False)` does, its display list kept)"""
    import pymupdf

    pix = listed.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY, alpha=False, clip=clip)
    # (one byte a pixel: 1 where it is ink, else 0)
    seen = pix.samples.translate(_INK_PIXELS)
    stride, width = pix.stride, pix.width
    rows = [seen[r * stride:r * stride + width] for r in range(pix.height)]
    inked = [r for r, row in enumerate(rows) if 1 in row]
    if not inked:
        return None
    left = min(rows[r].find(1) for r in inked)
    right = max(rows[r].rfind(1) for r in inked) + 1
    return tuple(v / zoom for v in (pix.x + left, pix.y + inked[0], pix.x + right, pix.y + inked[-1] + 1))


def _on_both_sides(a: Block, b: Block, box: tuple) -> bool:
    """Whether of two captions inside a drawing's width one stands over its middle and the other
    under it, their columns apart (a table's caption over its half, a figure's under its own)."""
    mid = (box[1] + box[3]) / 2
    ends = sorted(((a.lines[0].y0, a.lines[-1].y1), (b.lines[0].y0, b.lines[-1].y1)))
    return ends[0][1] < mid < ends[1][0] and all(box[0] - 2 <= ln.x0 and ln.x1 <= box[2] + 2 for ln in a.lines + b.lines)


def _tables_gutter(box: tuple, middle: float, rules: list[tuple]) -> float:
    """Where two tables side by side in one drawing part: the gap between their horizontal rules
    (`rules`, the page's) nearest `middle`, the middle of the gap between their captions; a table
    wider than its column reaches past that middle (KDD 2016: Table 2's rules run 16 pt into the
    right column, up to 6 pt short of Table 3's). `middle` itself where no rule gap is found."""
    spans = sorted((max(r[0], box[0]), min(r[2], box[2])) for r in rules
                   if r[1] >= box[1] - 2 and r[3] <= box[3] + 2 and r[2] > box[0] and r[0] < box[2])
    gaps, reach = [], box[0]
    for x0, x1 in spans:
        if x0 > reach + 1:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    inner = [(a + b) / 2 for a, b in gaps if a > box[0] + 1]
    return min(inner, key=lambda x: abs(x - middle)) if inner else middle


def _ends_sentence_above(blocks: list[Block], i: int) -> bool:
    """Whether block `i` (one line) finishes the sentence of the block right above it: that block
    stops mid-sentence a line's height over it, flush with it on the left."""
    if i == 0 or len(blocks[i].lines) != 1:
        return False
    line, above = blocks[i].lines[0], blocks[i - 1].lines[-1]
    return above.page == line.page and abs(above.x0 - line.x0) < 2 and -0.5 * line.height < line.y0 - above.y1 < line.height and \
        not above.text.rstrip().endswith(_SENTENCE_END)


# (A number closed by a full stop, "44.", is a list's label or the end of a wrapped line, "pp. 737–" /
# "743.": near a page's header band it was taken for a tick label, and the band grew over the page.)
TICK_LABELS = compile_later(r"^[−\-+]?\d[\d.,%]*(?:\s+[−\-+]?\d[\d.,%]*)*(?<!\.)$")
# A panel's caption under its drawing: "(a) Positive pairs", or the bare "(a)" of a row of panels.
SUBCAPTION = compile_later(r"^\(?[a-h]\)(?:\s+\S|$)")


def _with_axis_titles(boxes: list[tuple], rotated: list[tuple]) -> list[tuple]:
    """Grow each drawing's box over the rotated text beside it (a plot's y-axis title) or under it
    (date ticks set upright), which the text lines leave out. Each rotated line joins one drawing
    only: the one it is a left-hand title of when there is one (panels side by side: the title
    between two panels is the right one's), else the nearest. A rotated line taller than the
    drawing (an arXiv stamp down the margin) or more than 35 pt from it stays out."""
    grown = [list(box) for box in boxes]
    for r in rotated:
        if any(r[0] >= b[0] - 1 and r[1] >= b[1] - 1 and r[2] <= b[2] + 1 and r[3] <= b[3] + 1 for b in boxes):
            continue  # inside a drawing already (a bar's value label)
        best = None
        for i, box in enumerate(boxes):
            # (or a short one centred on a point of the drawing's side: a tick label set upright
            # along the y axis, centred on the axis's end tick, reaches past the drawing's top by
            # half its length: NSDI 2013's "1e−03", 10.2 pt over the plot, was cut off its crop)
            level = (r[1] >= box[1] - 10 and r[3] <= box[3] + 10) or \
                (r[3] - r[1] < 0.5 * (box[3] - box[1]) and box[1] - 2 <= (r[1] + r[3]) / 2 <= box[3] + 2)
            # (rotated tick labels are short: a line down the page's margin over a strip at its foot,
            # IEEE Xplore's stamp "978-1-6654-... ©2022 IEEE | DOI: ..." 630 pt long over a white box
            # under the download notice, is no label of it; taken in, it made a figure of the column)
            across = r[0] >= box[0] - 10 and r[2] <= box[2] + 10 and r[3] - r[1] <= max(box[3] - box[1], 150.0)
            if level and -35 < box[0] - r[2] < 35 and r[0] < box[0]:
                rank = (0, box[0] - r[2])  # a y-axis title left of its plot
            elif level and -35 < r[0] - box[2] < 35 and r[2] > box[2]:
                rank = (1, r[0] - box[2])  # a right-hand axis title
            elif across and (-5 < r[1] - box[3] < 35 or -5 < box[1] - r[3] < 35):
                rank = (1, max(r[1] - box[3], box[1] - r[3]))  # rotated tick labels under (or over) it
            else:
                continue
            if best is None or rank < best[0]:
                best = (rank, i)
        if best is not None:
            g = grown[best[1]]
            g[0], g[1], g[2], g[3] = min(g[0], r[0]), min(g[1], r[1]), max(g[2], r[2]), max(g[3], r[3])
    return [tuple(g) for g in grown]


def _absorb(line: Line, boxes: list[tuple], margin: float, min_height: float = 0.0, lines: list[Line] = ()) -> bool:
    """Whether the line lies inside a drawing's box (grown by `margin`); a short one (a tick label, an
    axis title) then grows the box to hold it, so a plot's crop keeps the labels set just outside its
    frame. Long lines never grow it: the box must not creep down into the text after the figure.
    Nor does a drawing lower than the line take a long line in: a reader's underline or squiggle
    under a sentence (a tick label under an axis, short, still goes with its axis). The margin is for
    such short labels: a long line is taken in only inside the drawing itself, so the body text right
    under a rule drawn across the page (a running head's underline) stays text, and a line of prose
    only when the drawing holds it top to bottom: the body text under a screenshot whose image
    reaches a few points past its caption stays text (a table's last row across its rule does not). Boxes lower than
    `min_height` are passed over (a rule is no plot whose tick labels stand off its frame). With the
    page's `lines`, a title of a row of titles (`_titles_row`) is taken over its drawing too."""
    for i, box in enumerate(boxes):
        if (len(line.text) > 40 and box[3] - box[1] < line.height) or box[3] - box[1] < min_height:
            continue
        if len(line.text) > 40 and (line.y1 > box[3] + 2.0 or line.y0 < box[1] - 2.0) and _is_prose(line):
            continue  # prose across the drawing's edge (an image reaching under its caption) is text
        if _inside(line, box, margin if len(line.text) <= 40 else min(margin, 2.0)):
            if len(line.text) <= 40:
                boxes[i] = (min(box[0], line.x0), min(box[1], line.y0), max(box[2], line.x1), max(box[3], line.y1))
            elif box[1] - 1.0 <= line.y0 and line.y1 <= box[3] + 1.0:
                # (a long label within the drawing's height, running a little past its side: the box
                # grows sideways to hold it, never down, "Results: Emotion Probability Distributions"
                # under a diagram's last shape in IEEE SPL)
                boxes[i] = (min(box[0], line.x0), box[1], max(box[2], line.x1), box[3])
            return True
        if _plot_title(line, box, margin):
            boxes[i] = (box[0], line.y0, box[2], box[3])
            return True
    i = _titles_row(line, lines, boxes, margin) if lines else None
    if i is not None:
        boxes[i] = (boxes[i][0], line.y0, boxes[i][2], boxes[i][3])
        return True
    return False


def _beside_inline_graphic(line: Line, lines: list[Line], drawn: list[tuple], edges: bool = False) -> bool:
    """Whether the line is a piece of a row of prose that a small drawing interrupts: a formula
    placed as a picture in the running text (IEEE's "dard normal distribution [w] . The components
    of the vector" with w an image 2 pt off both pieces), the row's words on both sides of it on one
    baseline. A label at a diagram's edge has no prose going on past the diagram's other side."""
    for box in drawn:
        if box[3] - box[1] >= 3 * line.height or not (box[1] < line.y1 and box[3] > line.y0):
            continue
        gap = 0.8 * line.height
        if -1 < line.x0 - box[2] < gap:
            other = next((o for o in lines if o is not line and -1 < box[0] - o.x1 < gap and abs(o.y0 - line.y0) < 0.3 * line.height
                          and abs(o.size - line.size) < 0.6), None)
        elif -1 < box[0] - line.x1 < gap:
            other = next((o for o in lines if o is not line and -1 < o.x0 - box[2] < gap and abs(o.y0 - line.y0) < 0.3 * line.height
                          and abs(o.size - line.size) < 0.6), None)
        elif box[0] < line.x0 < box[2] < line.x1:
            # (the pictures of two rows' formulas clustered into one drawing: the piece after the
            # upper row's picture starts inside the drawing's box, its row's words left of it, as in
            # a scan whose OCR left the math as pictures, IEEE 1997: "sequence of classes of length
            # [T] using all available input" over "information [i.e., compute [Pr(c1, ..., cT|x)]]. In")
            other = next((o for o in lines if o is not line and box[0] - gap < o.x1 <= line.x0 and
                          line.x0 - o.x1 < 2 * line.height and abs(o.y0 - line.y0) < 0.3 * line.height
                          and abs(o.size - line.size) < 0.6), None)
        else:
            continue
        if other is None:
            continue
        left, right = (other, line) if other.x0 < line.x0 else (line, other)
        if (not edges and len(_RUNNING_WORD.findall(f"{other.text} {line.text}")) >= 4) or any(
                k is not line and k is not other and abs(k.x0 - left.x0) < 2 and abs(k.x1 - right.x1) < 2 and
                0 < abs(k.y0 - line.y0) < 2.5 * line.height and abs(k.size - line.size) < 0.6 and _is_prose(k)
                for k in lines):
            # (a short piece, "]. In", is the row's when the row runs from edge to edge of the
            # column as the prose over or under it does; with `edges`, only then: a plot's legend
            # sets words level on both sides of a key's swatch too)
            return True
    return False


# A subsection's number alone ("3.3"), its title set apart on the same baseline.
BARE_SUBSECTION_NUMBER = compile_later(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?$")


def _heads_paragraph_under(line: Line, lines: list[Line], boxes: list[tuple]) -> bool:
    """Whether a short line outside every drawing is a heading over the paragraph right under it:
    in italic or bold, a few words with no sentence's end, over a line of prose in the text's type at
    its left edge, a line's pitch under it (Trends in Cognitive Sciences: "Basic Bayes" in 8.5 pt sans
    oblique 6 pt under a boxed sidebar, its paragraph at once under it). An axis title is no
    paragraph's head: a caption, a gap or the plot's tick labels come under it."""
    if not (line.italic or line.bold) or len(line.text.split()) > 8 or line.text.rstrip().endswith((".", ":", ",")) or \
            any(_inside(line, box, 0.0) for box in boxes):
        return False
    if line.bold and BARE_SUBSECTION_NUMBER.match(line.text.strip()) and line.base is not None:
        # A subsection's number set apart from its title by a tab (Word: "3.3" and "Testing protocols"
        # in bold on one baseline, indented, right under a table), its paragraph under the two,
        # starting at the margin left of them, the space after a heading above it: the number heads
        # the paragraph too.
        title = next((o for o in lines if o is not line and o.bold and o.base is not None and abs(o.base - line.base) < 1.0
                      and 0 < o.x0 - line.x1 < 4 * line.size and o.text[:1].isupper()), None)
        if title is not None and any(len(o.text) > 40 and _is_prose(o) and o.x0 <= line.x0 + 2.0 and o.x1 > title.x1 and
                                     -0.2 * line.height <= o.y0 - line.y1 < 1.2 * line.height and not o.bold
                                     for o in lines):
            return True
    return any(len(o.text) > 40 and _is_prose(o) and abs(o.x0 - line.x0) < 2.0 and o.size >= line.size - 1.0 and
               -0.2 * line.height <= o.y0 - line.y1 < 0.6 * line.height and not o.italic and not o.bold
               for o in lines)


def _titles_row(line: Line, lines: list[Line], boxes: list[tuple], margin: float) -> int | None:
    """The drawing (its index in `boxes`) the line is the title of as one of a row of titles, each
    over a drawing of its own on one baseline (CVPR 2023: "(GT) − (FAO prediction)" over its map,
    level with "Ground Truth (GT)" over the one beside it; COLING 2025: "% of Citations to Works
    Older Than 10 years" over each of three plots): a title of the row may be as wide as its drawing,
    where a lone line that wide over a drawing may be the body text over a figure as wide as its
    column (`_plot_title`). None when it is none."""
    own = next((i for i, b in enumerate(boxes) if _plot_title(line, b, margin, wide=True)), None)
    if own is None or line.base is None:
        return None
    for other in lines:
        if other is line or other.base is None or abs(other.base - line.base) >= 1.0 or \
                abs(other.size - line.size) >= 0.5 or max(other.x0 - line.x1, line.x0 - other.x1) < 0:
            continue
        if any(i != own and _plot_title(other, b, margin, wide=True) for i, b in enumerate(boxes)):
            return own
    return None


def _under_caption(line: Line, captions: list[Line]) -> bool:
    """Whether a line stands right under a caption's line, across it, in its type: the caption's
    next line (a caption over a table wraps onto a last line that sits at the table's edge)."""
    # (line boxes set at the type's pitch touch or overlap a little)
    return any(line.y0 > c.y0 + 0.5 * c.height and line.y0 - c.y1 < c.height * 1.5 and line.x0 < c.x1 and line.x1 > c.x0 and
               abs(line.size - c.size) < 0.6 for c in captions)


def _panel_names_row(line: Line, lines: list[Line], drawn: list[tuple], boxes: list[tuple]) -> bool:
    """Whether a short line names the drawing right over it, one of a row of such names: each under
    its own drawing of a row of them, within its width, less than a line's height under it, on one
    baseline (BMVC: the dates "Mar. 14", "June 25", "Aug. 12" under three photographs, in the text's
    type, 5 pt under them). The drawing's box grows to hold it. A name is a few words, no sentence."""
    def under(ln: Line) -> int | None:
        if len(ln.text) > 24 or len(ln.text.split()) > 3 or ln.text.rstrip().endswith((":", ";", ",")) or ln.bold:
            return None
        return next((k for k, b in enumerate(drawn) if b[2] - b[0] >= 20 and b[3] - b[1] >= 20 and
                     b[0] - 1 <= ln.x0 and ln.x1 <= b[2] + 1 and 0 <= ln.y0 - b[3] < ln.height), None)

    own = under(line)
    if own is None or line.base is None:
        return False
    if not any(other is not line and other.base is not None and abs(other.base - line.base) < 1.0 and
               under(other) not in (None, own) for other in lines):
        return False
    b = drawn[own]
    for k, box in enumerate(boxes):  # (the box as grown so far that holds the drawing)
        if box[0] <= b[0] + 0.5 and box[2] >= b[2] - 0.5 and box[1] <= b[1] + 0.5 and box[3] >= b[3] - 0.5:
            boxes[k] = (min(box[0], line.x0), min(box[1], line.y0), max(box[2], line.x1), max(box[3], line.y1))
            break
    return True


def _column_text_beside(lines: list[Line], drawn: list[tuple]) -> set[int]:
    """The ids of the lines of a column of running text set beside a drawing: the drawing's box ends
    short of the column (its white ground reaching into the gutter), three full lines of prose or more
    level with it wholly on one side, sharing the column's left edge and filling it; a line standing at
    that left edge (a heading, a paragraph's short last line), and the other pieces of its row on
    that side (a justified line the text layer reads as several, "managers" and
    "("Scripting.FileSystemObject")" a wide space apart), are the column's text, no label of the
    drawing, however near its box (IEEE: a figure's ground 2.4 pt off the next column, whose heading
    "B. Robotic Arm Simulation" and the pieces of its justified lines grew the figure across the
    gutter, where the column's own caption under it then had no graphic)."""
    out: set[int] = set()
    for box in drawn:
        if box[3] - box[1] < 20:
            continue
        for right in (True, False):
            side = [ln for ln in lines if (ln.x0 >= box[2] - 1.0 if right else ln.x1 <= box[0] + 1.0) and
                    ln.y1 > box[1] - 10 and ln.y0 < box[3] + 10]
            full = [ln for ln in side if len(ln.text) > 40 and ln.y1 > box[1] and ln.y0 < box[3] and _is_prose(ln)]
            if len(full) < 3:
                continue
            left = min(ln.x0 for ln in full)
            edge = max(ln.x1 for ln in full)
            column = [ln for ln in full if ln.x0 < left + 2.0 and ln.x1 > edge - 0.2 * (edge - left)]
            if len(column) < 3:
                continue
            for ln in side:
                if abs(ln.x0 - left) < 2.0 and ln.x1 <= edge + 2.0:
                    out.update(id(o) for o in side if abs(o.y0 - ln.y0) < 0.5 * ln.height and
                               o.x0 > left - 2.0 and o.x1 <= edge + 2.0)
    return out


def _code_row_on_listing(line: Line, drawn: list[tuple], boxes: list[tuple], lines: list[Line]) -> bool:
    """Whether a line of code, however long, stands right on (or under) a drawing, less than half its
    height off it and within its width, that holds lines of code of its size: the listing's first
    row over the rule or shading drawn under it (SIGMOD 2019: "Ambiguous CSV Chunk: lice,..." 2 pt
    over the rule, the two rows of interpretations shaded under it); then grow that drawing's box
    (`boxes`, in `drawn`'s order) over it."""
    if CAPTION.match(line.text):
        return False  # (a caption over its table's top rule, its lines marked an algorithm's, is no row)
    gap = 0.5 * line.height
    for i, d in enumerate(drawn):
        if line.x0 < d[0] - 1 or line.x1 > d[2] + 1 or not (-1 < d[1] - line.y1 < gap or -1 < line.y0 - d[3] < gap):
            continue
        if any(o is not line and o.code and abs(o.size - line.size) < 0.5 and _inside(o, d, 0.0) for o in lines):
            b = boxes[i]
            boxes[i] = (min(b[0], line.x0), min(b[1], line.y0), max(b[2], line.x1), max(b[3], line.y1))
            return True
    return False


def _take_at_edge(line: Line, drawn: list[tuple], boxes: list[tuple]) -> bool:
    """Whether a short line in words stands at the edge of a drawing as drawn (`drawn`, the boxes
    before any label grew them: a label taken brings no other within reach, as the pieces of a
    formula beside a figure or the text run round it would come one by one), and then grow that
    drawing's box (`boxes`, in the same order) over it."""
    if len(line.text) > 40 or line.math_chars or CAPTION.match(line.text):
        return False  # (a caption right over its table is no label, in typewriter type or not)
    for i, box in enumerate(drawn):
        if _at_edge(line, box):
            b = boxes[i]
            boxes[i] = (min(b[0], line.x0), min(b[1], line.y0), max(b[2], line.x1), max(b[3], line.y1))
            return True
    return False


def _at_edge(line: Line, box: tuple) -> bool:
    """Whether a line stands right at a drawing's edge, less than half its own height off it, over
    or under it across most of its width or beside it level with most of its height: a diagram's
    label set just outside its lines ("OLD MASTER" 3.5 pt left of the timelines it names, "5
    servers of a Chubby cell" 1 pt over the servers' frame). A whole line's height fits in the 8 pt
    margin only when it reaches into the drawing; the text beside a figure stands a gutter off it,
    and the text over or under it a line's spacing at least."""
    gap = 0.5 * line.height
    width, height = line.x1 - line.x0, line.y1 - line.y0
    if box[3] - box[1] >= 3 * height and box[2] - box[0] < 1.5 * height and line.x0 <= box[0] and box[2] <= line.x1 and \
            not line.bold and len(line.text) <= 20:
        # An axis drawn alone as an arrow down (or up) the page, its name set over (or under) its
        # end across it (DSN 2002: "TIME" 3 pt over a timeline's arrow, left of the messages'
        # diagram): the label of a drawing, however thin. (A rule under a heading lies flat.)
        return -gap < box[1] - line.y1 < gap or -gap < line.y0 - box[3] < gap
    if max(box[2] - box[0], box[3] - box[1]) < 3 * height or min(box[2] - box[0], box[3] - box[1]) < 1.5 * height:
        return False  # a rule (under a heading), an icon by a name: no diagram
    if (line.bold and not line.code) or NUMBERED_LINE.match(line.text):
        # a heading set tight under a table ("4.2 Choices of ..." 1 pt under it); a heading is
        # never set in bold typewriter type, a diagram's name may be ("/c1/c2/c3(…)/cn", ANCS 2013)
        return False
    # (or reaching into it as far: a line's box holds its descenders)
    if min(line.x1, box[2]) - max(line.x0, box[0]) >= 0.6 * min(width, box[2] - box[0]):  # (or across it)
        return -gap < box[1] - line.y1 < gap or -gap < line.y0 - box[3] < gap
    # (beside it, closer still: the text run round a figure set in the column stands 6 pt off it,
    # its lines 13 pt high)
    if min(line.y1, box[3]) - max(line.y0, box[1]) >= 0.6 * height:
        if cached(r"(?:[A-Z]|[IVX]{1,5})\.\s+[A-Z][A-Za-z-]+\s+\S").match(line.text):
            # IEEE's lettered subsection ("B. Robotic Arm Simulation") opening the next column 2 pt
            # past the white ground a plot lays behind itself across the gutter: a heading.
            return False
        return -gap < box[0] - line.x1 < 0.8 * gap or -gap < line.x0 - box[2] < 0.8 * gap
    return False


def _plot_title(line: Line, box: tuple, margin: float, wide: bool = False) -> bool:
    """Whether a line is the title set over a drawing (TextRank's "Convergence curves (250 vertices,
    250 edges)", Royal Society Interface's "aggregated kernels (trial II day 7)" in the text's own
    type over each of four plots): just above it, centred on it, inside its width and well narrower
    than it (a line of the body text over a figure as wide as its column spans it; `wide`: as wide
    as it, for one of a row of titles, see `_titles_row`), no prose and no sentence ending."""
    width = box[2] - box[0]
    # (its descenders may reach a little into the drawing's box: matplotlib sets a title's box on
    # the axes' top, "Long-Tailed CIFAR-10 (Imbalance Factor = 50)" 0.3 pt into it, CVPR 2019, and
    # 3 pt into the box that a rotated y-axis title longer than the axes grew)
    return 12 <= len(line.text) <= 80 and -0.4 * line.height <= box[1] - line.y1 <= margin and line.x0 >= box[0] - 2 and \
        line.x1 <= box[2] + 2 and line.x1 - line.x0 <= (1.0 if wide else 0.8) * width and \
        abs((line.x0 + line.x1) / 2 - (box[0] + box[2]) / 2) <= 0.1 * width and \
        not _is_prose(line) and not line.text.rstrip().endswith(_SENTENCE_END)


def _continues_prose(line: Line, kept: list[Line], captions: list[Line] = ()) -> bool:
    """Whether the line goes on a paragraph kept as text just above it (a line of prose with the same
    left edge and type, one line up). A drawing's box grown by short lines beside the paragraph
    (Elsevier's keywords column beside the boxed abstract, under the band ruled round "ARTICLE INFO /
    ABSTRACT") must not take the paragraph's lines in one by one, nor its short last line. With
    `captions`, a caption's lines are no such paragraph (see `_goes_on`).
    The paragraph is prose when one of its last three lines is: a line dense with citations and
    compounds ("a comparison to a transformer-based neural network in" under "boosted trees [Chen and
    Guestrin(2016)]. We also provide") is still the paragraph's, and so is the short line under it
    ("subsection 6.1.", over a box framed round the next paragraph)."""
    chain: list[Line] = []
    below = line
    for _ in range(3):
        above = next((k for k in reversed(kept[-6:]) if k.page == line.page and abs(k.x0 - below.x0) < 2.0 and
                      abs(k.size - line.size) < 0.3 and 0 < below.y0 - k.y0 < 2.0 * line.height and
                      not any(k is c for c in captions)), None)
        if above is None:
            break
        chain.append(above)
        below = above
    # (or the line itself is prose under such a line: a paragraph dense with math, CCS 2019's
    # "function abstraction, the abstract property becomes ϕabs ≡ out =" over "G(F (x1,x2), F
    # (y1,y2)). Furthermore, the abstract counterpart of", ends in "the above program becomes the
    # following." right over a framed listing, whose box took it as a label)
    if any(_is_prose(k) for k in chain) or bool(chain) and _is_prose(line):
        return True
    # (or it ends the sentence of the line over it, which runs to it without a stop and reads as
    # words, if too dense with names for prose: SIGMOD 2007's "the join and Table B(ii) shows the
    # updated Orders table (join keys" over "are bold).", right over the table it speaks of)
    if not chain or not line.text[:1].islower() or not line.text.rstrip().endswith(_SENTENCE_END + (".)", ").")):
        return False
    # (a line of words that names things, "SVM and a Naïve Bayesian classifier to exploit" over
    # "unlabeled data." at the top of COLING 2008's page 3, right over its figure: half its words
    # lower-case, all of them words, is the sentence's too)
    words = chain[0].text.split()
    if len(words) < 8 or chain[0].text.rstrip().endswith(_SENTENCE_END):
        return False
    prose = sum(1 for w in words if PROSE_WORD.match(w.strip("()")))
    return prose >= 0.6 * len(words) or \
        prose >= 0.4 * len(words) and sum(1 for w in words if w.strip("(),;:").isalpha()) >= 0.9 * len(words)


def _labels_over_raised(kept: list[Line], boxes: list[tuple], drawn: list[tuple], captions: list[Line],
                        body: float, lines: list[Line] = ()) -> list[Line]:
    """The kept lines less the short labels stacked over a drawing whose box its labels have grown
    up (`boxes`, against `drawn`, the boxes before): the lines are met top down, so a label over
    another label was weighed against the drawing's box before the one under it raised the box
    (SUNDR: "user u2's" over "i-handle", "inode i4" over "(maps offset→data)", all over a diagram
    of boxes; the upper labels stayed text and the crop lost its top row of words). Bottom up, each
    short line that is no prose, no caption, no numbered heading and goes on no paragraph is
    weighed again against the raised boxes, which it may raise in turn (a line in typewriter type
    only at a box's very edge, see `_take_at_edge`); so is a longer one of a row
    of titles over them (`_titles_row`, against the page's `lines`: COLING 2025's plot titles over
    the legends that raised their plots)."""
    raised = [i for i, (b, d) in enumerate(zip(boxes, drawn)) if b[1] < d[1] - 0.5]
    low = max(drawn[i][1] for i in raised)
    out = list(kept)
    for ln in sorted(kept, key=lambda ln: -ln.y0):
        if ln.y0 >= low or len(ln.text) > 80 or _is_prose(ln) or any(ln is c for c in captions) or \
                CAPTION.match(ln.text) or (_headingish(ln, body) and HEADING_NUMBER.match(ln.text)):
            continue
        grown = [boxes[i] for i in raised]
        if len(ln.text) > 40 and _titles_row(ln, lines, grown, 8.0) is None:
            continue
        at = _line_index(out, ln)
        if _continues_prose(ln, out[:at], captions):
            continue
        if ln.code:
            # A label in typewriter type is taken as in the first pass, at the raised box's very
            # edge only (ANCS 2013: a name "/c1/c2/c3(…)/cn" over the top left corner of a diagram
            # of hash buckets, whose box its labels "Compute_hash", "Hn" and "HT Index" grew left
            # and up under it; the crop lost the name). Code set in a frame stays text.
            if _take_at_edge(ln, grown, grown):
                for i, box in zip(raised, grown):
                    boxes[i] = box
                del out[at]
            continue
        if _absorb(ln, grown, 8.0, lines=lines):
            for i, box in zip(raised, grown):
                boxes[i] = box
            del out[at]
    return out


def _line_index(lines: list[Line], line: Line) -> int:
    """`lines.index(line)`, the first line that is `line` or equal to it, with the dataclass's
    comparison (every field, as a tuple) only where the texts are the same: a list's own `index`
    compared every line before the one sought field by field."""
    text = line.text
    for at, other in enumerate(lines):
        if other is line or (other.text == text and other == line):
            return at
    raise ValueError(f"{line!r} is not in list")


def _past_closing_caption(line: Line, captions: list[Line], drawn: list[tuple]) -> bool:
    """Whether a line stands right under a caption that closes the drawing over it: the caption's
    line across it, less than a line and a half above it, and every drawing in reach of the line
    ending above its middle (a Word paper's "Figure 12: Zero-Downtime Patching" on the strip of its
    picture's frame, its next section's "8. RELATED WORK" under it, touching that strip's box). A
    float's caption under its drawing ends the float: what follows is text, however near the
    drawing's box. (A caption over a table has its drawing under it, and its rows stay the table's.)"""
    middle = 0.5 * (line.y0 + line.y1)
    if not any(c.y1 <= line.y0 + 0.3 * line.height and line.y0 - c.y1 < 1.5 * line.height and
               line.x0 < c.x1 and line.x1 > c.x0 for c in captions if c.page == line.page):
        return False
    reach = max(8.0, line.height) + 1.0
    near = [b for b in drawn if line.x1 > b[0] - reach and line.x0 < b[2] + reach and
            line.y1 > b[1] - reach and line.y0 < b[3] + reach]
    return bool(near) and all(b[3] < middle for b in near)


def _near_a_box(line: Line, boxes: list[tuple]) -> bool:
    """Whether the line comes within reach of any drawing's box: what `_absorb` (8 pt round the box),
    `_plot_title` (8 pt over it) and `_at_edge` (half a line's height) need before they can take a
    line in. Most lines of a page are far from every drawing, and asking whether they go on a
    paragraph first (`_goes_on`) is the dearer question."""
    reach = max(8.0, line.height) + 1.0
    return any(line.x1 > b[0] - reach and line.x0 < b[2] + reach and line.y1 > b[1] - reach and line.y0 < b[3] + reach
               for b in boxes)


def _goes_on(line: Line, kept: list[Line], captions: list[Line], lines: list[Line]) -> bool:
    """Whether the line goes on a paragraph kept as text just above it (`_continues_prose`), a
    caption's lines counted only while the line stands alone in its row: a cell of a table's row,
    other cells level with it, is the table's, however flush it stands under the caption (Elsevier:
    "Method", the first head cell under "Comparison of different space ...", went on the caption and
    the table was lost); the caption's own last line runs on alone ("color-coded as top1 , top2 ."
    over a table, on the coloured keys of its words, ICML 2025)."""
    if not _continues_prose(line, kept):
        return False
    return _continues_prose(line, kept, captions) or not any(
        other is not line and abs(other.y0 - line.y0) < 0.5 * line.height and
        (other.x0 > line.x1 + 3 or other.x1 < line.x0 - 3) for other in lines)


def _with_paragraph_openings(taken: list[Line], kept: list[Line]) -> list[Line]:
    """The kept lines with those of `taken` (long lines of prose that a drawing's box took in only
    after labels at its edge grew it) that open a paragraph kept as text: the line under one, at its
    left edge, in its type and at a line's pitch, stayed text. Elsevier's "Article history:" labels
    grow the ruled "ARTICLE INFO / ABSTRACT" band down level with the abstract's first line, which the
    box then took while the rest of the abstract stayed text. The rows of a table of examples
    (questions in a column, their answers growing the box) go on in the box and stay in it."""
    released = []
    for line in sorted(taken, key=lambda ln: -ln.y0):  # bottom up: an opening may open one released below it
        if any(abs(k.x0 - line.x0) < 2.0 and abs(k.size - line.size) < 0.3 and 0 < k.y0 - line.y0 < 2.0 * line.height
               and k.page == line.page for k in kept + released):
            released.append(line)
    return sorted(kept + released, key=lambda ln: (ln.y0, ln.x0)) if released else kept


def _below_graphic(line: Line, boxes: list[tuple], lines: list[Line] = ()) -> bool:
    """Whether the line sits just under a drawing (within two lines), overlapping it horizontally
    or centred under the gap beside it (a label under a pair of panels); the drawing's box grows to
    hold it, so the figure's crop keeps its panel captions. Not under a float's caption that stands
    between it and the drawing (of the page's `lines`): a panel's caption is set over the float's,
    and a lettered heading right under it ("Fig.4. Central processing Unit" / "b) Graphics
    Processing Unit", Word) is the text's."""
    captions = [c for c in lines if CAPTION.match(c.text)] if lines else []
    for i, box in enumerate(boxes):
        if 0 <= line.y0 - box[3] < 2.5 * line.height and line.x1 > box[0] - 5 and line.x0 < box[2] + 5 and \
                not any(box[3] - 2 <= c.y0 and c.y1 <= line.y0 + 1 and c.x1 > box[0] and c.x0 < box[2] for c in captions):
            boxes[i] = (min(box[0], line.x0), box[1], max(box[2], line.x1), max(box[3], line.y1))
            return True
    return False


def _label_gap(line: Line, box: tuple, beside: bool = True) -> float:
    """How far a line stands off a drawing's box (negative: it reaches in): over or under it when it
    lies across the box by half its width, else (`beside`) beside it when level with it by half
    its height, counted a third further there (the next column's text stands a gutter off a
    figure); inf when neither."""
    if min(line.x1, box[2]) - max(line.x0, box[0]) >= 0.5 * (line.x1 - line.x0):
        return max(box[1] - line.y1, line.y0 - box[3])
    if beside and min(line.y1, box[3]) - max(line.y0, box[1]) >= 0.5 * line.height:
        return max(box[0] - line.x1, line.x0 - box[2]) * 4 / 3
    return float("inf")


def _caption_takes(c: Line, ln: Line) -> bool:
    """Whether the caption's line `c` takes `ln` (`_plot_labels`): a piece level with it, closer
    than its height, or the line it wraps onto, in its type."""
    return (c.y0 < (ln.y0 + ln.y1) / 2 < c.y1 and max(ln.x0 - c.x1, c.x0 - ln.x1) < c.height) or \
        (-0.5 * c.height < ln.y0 - c.y1 < c.height and ln.x0 < c.x1 and ln.x1 > c.x0 and abs(ln.size - c.size) < 0.6)


def _grow_captions(captions: list[Line], lines: list[Line]) -> None:
    """Append to `captions` each of `lines`, top to bottom, that a line among them takes
    (`_caption_takes`), as it is reached (a line already among them is appended again)."""
    by_top = sorted(lines, key=lambda ln: ln.y0)
    if not all(ln.y0 <= ln.y1 for ln in lines):  # (a box upside down: every caption's line asked each time)
        for ln in by_top:
            if any(_caption_takes(c, ln) for c in captions):
                captions.append(ln)
        return
    # A caption's line takes no line whose top is a point or more below its bottom and its height
    # (nor the middle of it, under the top): the lines coming top to bottom, each caption's line is
    # left out from the first line so far down, instead of being asked of every line of the page.
    ends = [(c.y1 + c.height + 1.0, k) for k, c in enumerate(captions)]
    heapq.heapify(ends)
    live = dict(enumerate(captions))
    for ln in by_top:
        while ends and ends[0][0] < ln.y0:
            del live[heapq.heappop(ends)[1]]
        if any(_caption_takes(c, ln) for c in live.values()):
            k = len(captions)
            captions.append(ln)
            live[k] = ln
            heapq.heappush(ends, (ln.y1 + ln.height + 1.0, k))


def _plot_labels(lines: list[Line], boxes: list[tuple], body: float) -> set[int]:
    """The short lines (ids) that label a drawing from a little farther off than the 8 pt `_absorb`
    allows for a line's whole height. Seeds: the lines `_absorb` takes, and a line in type smaller
    than the text's, less than its height over, under or beside a drawing that holds no line in
    the text's type (a heat map's "y0 y1 y2 y3" 3 pt over it and "x1" beside it, ACL 2019; a
    formula's fraction bars hold its lines). From the seeds: the other titles of a row of titles
    over or under drawings (Royal Society Interface: "synthetic ground-truth" 11 pt over its
    network, level with "cross-correlation" 5 pt over the next; "(a)" in larger type at the left
    end of "day 1 ... day 18"), and a line stacked right over or under a seed, within its width or
    flush left with it ("time (s)" 3.5 pt under its tick labels, "correlation" over "index" by a
    colour bar). Those are in plain words, never in bold (a heading) nor in mathematics (the parts
    of a display)."""
    plots = [b for b in boxes if b[2] - b[0] >= 20 and b[3] - b[1] >= 20]
    if not plots:
        return set()
    # A caption's lines are no labels: its first line, the pieces level with it (cut by a subscript:
    # closer than a line's height, never across the gutter: INLG 2024's "Correction C" 17 pt left of
    # the other column's caption) and the lines it wraps onto, whose boxes may overlap (a caption
    # over a table ends close to it).
    captions = [ln for ln in lines if CAPTION.match(ln.text) or CAPTION_LABEL_LINE.match(ln.text)]
    if captions:
        _grow_captions(captions, lines)
    held = {id(c) for c in captions}
    between = _rows_over_caption(lines, plots, [c for c in captions if CAPTION.match(c.text)], body)
    short = sorted((ln for ln in lines if len(ln.text) <= 40 and not _is_prose(ln) and id(ln) not in held),
                   key=lambda ln: ln.y0)
    labels = {id(ln) for ln in short if any(_inside(ln, b, 8.0) for b in plots)} | between
    for b in plots:
        # (a few lines: a column of text beside a column's rule, each line reaching a few points
        # past it, is no axis's title)
        across = [ln for ln in short if _across_side(ln, b)]
        if len(across) <= 5:
            labels |= {id(ln) for ln in across}
    small = [ln for ln in short if ln.size < body - 0.4 and not ln.bold and id(ln) not in labels and
             any(ch.isalnum() for ch in ln.text)]  # (a lone brace is a formula's)
    if small:
        # (a bracket alone is no text: a Venn diagram's tall "(" around "Over- Delete", INLG 2024)
        text = [ln for ln in lines if ln.size >= body - 0.4 and any(ch.isalnum() for ch in ln.text)]
        # (a flowchart's own words in its boxes, "Threshold" and "Error Filter" in the text's size,
        # are short lines of no prose: it holds no text for them)
        boxed = [ln for ln in text if len(ln.text) > 40 or _is_prose(ln) or len(ln.text.split()) > 3]
        framed = [b for b in plots if b[2] - b[0] >= 40 and b[3] - b[1] >= 40 and
                  not any(_inside(ln, b, 0.0) for ln in boxed)]
        labels |= {id(ln) for ln in small if any(_label_gap(ln, b) < ln.height or _panel_title(ln, b) or
                                                 _axis_title_beside(ln, b) for b in framed)}
        labels |= _row_key(short, [b for b in plots if b in framed or not any(_inside(ln, b, 0.0) for ln in text)], body)
    # A panel's letter in bold set beside its top corner (APA, Nature: "a" 9 pt left of the first
    # of four panels, level with its top): a label, however far a label may stand off otherwise.
    labels |= {id(ln) for ln in short if _panel_letter_at(ln, plots)}
    # So is a letter in a regular face over a panel's corner, one of a row of such letters on one
    # baseline, each at a panel of its own (MICCAI 2015: "a" to "d" in sans serif 8.6 pt over four
    # images, the first two images lower than the others): a row of single letters is no text.
    row = [ln for ln in short if not ln.bold and PANEL_LETTER.fullmatch(ln.text)]
    if len(row) >= 2:
        at = [ln for ln in row if _panel_letter_at(ln, plots, bold=False)]
        labels |= {id(ln) for ln in at if sum(abs(o.y1 - ln.y1) < 1.0 for o in row) >= 2}
    # And a column of panel labels down a figure's left side, "i)", "ii)", "iii)" at one left edge,
    # each level with a drawing and less than two of its heights left of it (Science: "iii)" 8.3 pt
    # off its panel, past the reach of a label, read into the next column's first line).
    marks = [ln for ln in short if _PANEL_MARK.fullmatch(ln.text.strip())]
    labels |= {id(ln) for ln in marks if sum(abs(o.x0 - ln.x0) < 1.5 for o in marks) >= 2 and
               any(b[1] - ln.height <= ln.y0 and ln.y1 <= b[3] and 0 <= b[0] - ln.x1 < 2 * ln.height for b in plots)}
    if not labels:
        return labels
    tops = [ln.y0 for ln in short]

    def near(ln: Line, reach: float) -> list[Line]:
        return short[bisect.bisect_left(tops, ln.y0 - reach):bisect.bisect_right(tops, ln.y0 + reach)]

    # A row's title in small type set beside a label already taken, less than its own height off it
    # and level with it (NeurIPS 2020: "representations" 5.7 pt left of the "Q" that names a row of
    # a diagram, the symbol itself 6 pt off the drawing): the title labels the row too. A title is
    # in words, no mathematics (a display's scripts stand beside its symbols: "T", "k=1").
    labels |= {id(ln) for ln in small if id(ln) not in labels and not ln.math_chars and
               cached(r"[^\W\d_]{3}").search(ln.text) and any(
        id(o) in labels and min(ln.y1, o.y1) - max(ln.y0, o.y0) >= 0.5 * ln.height and
        0 <= max(o.x0 - ln.x1, ln.x0 - o.x1) < ln.height for o in near(ln, 2 * ln.height))}
    plain = [ln for ln in short if id(ln) not in labels and not ln.bold and not ln.math_chars]
    row = {id(ln) for ln in plain if any(_label_gap(ln, b, beside=False) < 2.5 * ln.height for b in plots) and
           any(id(o) in labels and abs(o.y0 + o.y1 - ln.y0 - ln.y1) < 2 and abs(o.size - ln.size) < 1.5 and
               max(o.x0 - ln.x1, ln.x0 - o.x1) < 6 * ln.height for o in near(ln, 2))}
    labels |= row
    stacked = {id(ln) for ln in plain if id(ln) not in labels and
               any(id(o) in labels and abs(o.size - ln.size) < 1 and
                   abs(max(o.y0 - ln.y1, ln.y0 - o.y1)) < 0.5 * ln.height and
                   (abs(o.x0 - ln.x0) < 1 or o.x0 - 1 <= ln.x0 <= ln.x1 <= o.x1 + 1) for o in near(ln, 2 * ln.height))}
    return labels | stacked


# A figure's caption that is its label alone, "Figure 13" centred under the figure.
# (the title may open with a panel's letter: Springer's "Fig. 1 a Simplified conceptual model ... b
# ...", each panel's letter in bold before its part of the caption)
UNSEPARATED_CAPTION = compile_later(r"^(?P<label>Fig\.|Figure|FIG\.|FIGURE|Tab\.|Table|TABLE)\s?(?P<num>\d{1,3})(?P<sep>)\s+(?=[A-Z]|[a-h]\s+[A-Z])")
BARE_FIGURE_CAPTION = compile_later(r"^(?P<label>fig(?:ure)?\.?)\s*(?P<num>\d+)(?P<sep>)$", re.IGNORECASE)


def _bold_label_caption(line: Line, body: float) -> bool:
    """Whether a line opens a caption with no separator after its label ("Figure 1 The ...", a
    capital after the number) in type smaller than the text's (BMC: "**Figure 1** The distance
    between ...", "**Table 1** Information of the ten datasets" set inside the frame of rules round
    the float, the label in a bold face the font's name does not always tell): a caption, never a
    label of the drawing it stands in (taken into the drawing, the float was lost). Running text
    names a float in the text's type."""
    return line.text[:1] in "FT" and line.size < body - 0.5 and UNSEPARATED_CAPTION.match(line.text) is not None


def _bare_figure_label(line: Line, boxes: list[tuple]) -> bool:
    """Whether a line is a figure's label alone ("Figure 13", NeurIPS 2023 submission) centred
    just under a drawing: the caption, with no words. Running text never leaves a label alone on
    its line without the full stop that ends the sentence naming it."""
    if line.text[:1] not in "Ff" or not BARE_FIGURE_CAPTION.match(line.text):
        return False
    return any(0 <= line.y0 - b[3] < 2 * line.height and b[2] - b[0] >= 20 and b[3] - b[1] >= 20 and
               abs((line.x0 + line.x1) / 2 - (b[0] + b[2]) / 2) < 0.1 * (b[2] - b[0]) for b in boxes)


def _caption_row_pieces(lines: list[Line]) -> set[int]:
    """The lines (ids) that go on a caption's first line in its own row: pieces level with it, over
    its words or each less than the caption's line height right of the one before. A formula in the caption
    comes in pieces, some set a little higher (Elsevier: a square root's sign and bar over
    "h0=g" in "Fig. 7. Collapse of granular column (... Dt= √(h0/g) ¼ 0:04 ...)"); they are met
    before the caption's line, top down, and were taken into the figure over it, whose box then
    reached over the caption: the figure took the next drawing, under its caption."""
    out: set[int] = set()
    for c in lines:
        if c.text[:1] not in "FfTt" or not CAPTION.match(c.text):
            continue
        level = sorted((ln for ln in lines if ln is not c and ln.x0 > c.x0 and
                        min(ln.y1, c.y1) - max(ln.y0, c.y0) >= 0.5 * min(ln.height, c.height)),
                       key=lambda ln: ln.x0)
        right = c.x1
        for ln in level:
            if ln.x0 - right >= c.height:
                break
            out.add(id(ln))
            right = max(right, ln.x1)
    return out


def _row_key(short: list[Line], framed: list[tuple], body: float) -> set[int]:
    """The lines (ids) of a heat map's row names: three or more short lines in type smaller than the
    text's, flush right with one another against the drawing's left side (or flush left against its
    right side), within two of their heights of it and level with it (NAACL 2022: "Baseline",
    "%, Not Shown", ..., "Zaidan, No Dragging, Words Only" 6 pt left of a grid of counts, rows
    4 pt apart: farther off than a label may stand, and not stacked close enough to go with one)."""
    out: set[int] = set()
    for b in framed:
        for side in (0, 2):
            near = [ln for ln in short if ln.size < body - 0.4 and ln.y0 >= b[1] - 1 and ln.y1 <= b[3] + 1 and
                    0 <= (b[0] - ln.x1 if side == 0 else ln.x0 - b[2]) < 2 * ln.height]
            edges = Counter(round(ln.x1 if side == 0 else ln.x0) for ln in near)
            for edge, count in edges.items():
                if count + edges.get(edge - 1, 0) + edges.get(edge + 1, 0) >= 3:
                    out |= {id(ln) for ln in near if abs((ln.x1 if side == 0 else ln.x0) - edge) <= 1.5}
    return out


def _across_side(line: Line, box: tuple) -> bool:
    """Whether a short line runs out of a drawing across its right side, level with it top to
    bottom, most of it outside: an axis's title set at the end of its arrow ("Temperature H/S" over
    "(accesses/sec/Mbyte)", begun 8 pt inside a hand-drawn plot, ACM TODS preprint 1996). Text
    beside a figure stands a gutter off it; none reaches into the drawing."""
    return line.y0 >= box[1] - 1 and line.y1 <= box[3] + 1 and line.x0 < box[2] - 2 < box[2] + 2 < line.x1 and \
        box[2] - line.x0 < 0.5 * (line.x1 - line.x0)


def _panel_letter_at(line: Line, boxes: list[tuple], bold: bool = True) -> bool:
    """Whether a line is a panel's letter in bold set beside a drawing's top left corner (APA,
    Nature: "a" 9 pt left of the first of four panels, level with its top) or over it (Nature
    Machine Intelligence: "a" and "b" 11 pt over their diagrams, flush with their left edges).
    `bold=False`: in any face (the caller has other evidence, a row of such letters)."""
    return (line.bold or not bold) and bool(PANEL_LETTER.fullmatch(line.text)) and any(
        b[2] - b[0] >= 20 and b[3] - b[1] >= 20 and (
            (abs(line.y0 - b[1]) < line.height and 0 <= b[0] - line.x1 < 1.5 * line.height) or
            (0 <= b[1] - line.y1 < 1.5 * line.height and abs(line.x0 - b[0]) < 1.5 * line.height)) for b in boxes)


def _axis_title_beside(line: Line, box: tuple) -> bool:
    """Whether a short line is the title of a plot's vertical axis set level across it: beside the
    framed plot, centred on its height, standing off it by up to one and a half of its own height,
    past the few points a label may (ICML 2017: "ρ(λ)" 7.4 pt left of the first of three panels,
    whose axis runs down their middle, the tick labels beside it). A line's height counts as its
    type's: a row of display math is drawn taller than its type (a sum's limits, big brackets), and
    the next column's formula 27 pt across the gutter from a framed figure is no axis's title
    (BMC: "Feature 1 = (x − µ)ᵀ(x − µ)", 21 pt tall in 10 pt type, took the figure over the column)."""
    gap = max(box[0] - line.x1, line.x0 - box[2])
    return 0 <= gap < 1.5 * min(line.height, 1.3 * line.size) and \
        abs((line.y0 + line.y1) / 2 - (box[1] + box[3]) / 2) < 0.15 * (box[3] - box[1])


PANEL_LETTER = compile_later(r"[a-hA-H]")
_PANEL_MARK = compile_later(r"\(?(?:[ivx]{1,4}|[a-h])\)")


def _panel_title(line: Line, box: tuple) -> bool:
    """Whether a short line is the title centred over a framed plot, standing off it by up to half a
    line more than a label may (pdqsort's "uniform" 6.4 pt over its frame in 6.3 pt high type, level
    with the top tick labels beside the frame)."""
    if line.math_chars or line.height > 1.5 * line.size or not cached(r"[^\W\d_]{3}").search(line.text) or \
            line.text.rstrip().endswith(_SENTENCE_END):
        return False  # (a piece of a formula over the figure, "n |en" 21 pt tall; a caption's last line)
    middle, width = (box[0] + box[2]) / 2, box[2] - box[0]
    return 0 <= box[1] - line.y1 < 1.5 * line.height and abs((line.x0 + line.x1) / 2 - middle) < 0.1 * width and \
        line.x1 - line.x0 < 0.8 * width


def _rows_over_caption(lines: list[Line], plots: list[tuple], captions: list[Line], body: float) -> set[int]:
    """The lines (ids) between a drawing and the caption right under it, when they are all short
    words, no prose and no heading: rows of a figure set as text under its diagram ("Source S:
    What is you ?", INLG 2024), which `_reach_caption` would put in the crop only later, after they
    had run into the text."""
    out: set[int] = set()
    for c in captions:
        above = [b for b in plots if b[3] <= c.y0 + 2 and c.y0 - b[3] < 80 and min(b[2], c.x1) - max(b[0], c.x0) > 0]
        if not above:
            continue
        box = max(above, key=lambda b: b[3])  # the nearest drawing over the caption
        left, right = max(box[0], c.x0), min(box[2], c.x1)
        rows = [ln for ln in lines if ln is not c and ln.y0 >= box[3] - 2 and ln.y1 <= c.y0 + 1 and
                ln.x1 > left and ln.x0 < right]
        if rows and not any(_is_prose(ln) or _headingish(ln, body) or CAPTION.match(ln.text) or
                            ln.x0 < min(box[0], c.x0) - 10 or ln.x1 > max(box[2], c.x1) + 10 for ln in rows):
            out |= {id(ln) for ln in rows}
    return out


def _take_label(line: Line, boxes: list[tuple]) -> None:
    """Grow the drawing the label stands nearest to (corners included: "(a)" left of a row of heat
    maps) over it."""
    i = min((i for i, b in enumerate(boxes) if b[2] - b[0] >= 20 and b[3] - b[1] >= 20),
            key=lambda i: max(boxes[i][0] - line.x1, line.x0 - boxes[i][2],
                              boxes[i][1] - line.y1, line.y0 - boxes[i][3]),
            default=None)
    if i is not None:
        b = boxes[i]
        boxes[i] = (min(b[0], line.x0), min(b[1], line.y0), max(b[2], line.x1), max(b[3], line.y1))


BARE_PANEL_LABEL = compile_later(r"^\(?[a-h]\)$")


def _subcaption_goes_on(line: Line, subcaptions: list[Line], boxes: list[tuple]) -> bool:
    """Whether a line is the next one of a panel's own caption taken into its figure ("(d) InfoGAN:
    Continuous variable controlling" over "gender.", a line's step under it): in its type, not bold
    unless the caption is,
    a line's step below it (baseline to baseline), within its width (flush left under it, or
    centred), the line above ending no sentence. The box that holds the caption's line grows over
    it: a short last line a little farther under the drawing than a label's reach stayed text,
    and a sentence cut at the foot of the page before went on with it ("Consequently, gender.")."""
    for c in subcaptions:
        # (bold only under a caption all bold: acmart sets its panels' captions in bold 8 pt, "(c)
        # Heat map of ... of" over "FFMs. Pearson correlation ... in-", and the rest stayed text)
        if line.bold and not c.bold or abs(line.size - c.size) >= 0.3:
            continue
        # A justified row may come in pieces, its words spread wide (DSN 2002: "group in SWIM+Inf."
        # and "and SWIM+Inf.+Susp." 11 pt apart): the row is measured whole, its pieces within the
        # drawing's box that holds the caption (a caption level with it under the next panel is
        # that panel's). A sentence ended on a row that fills the caption's measure, the row above
        # it as wide, is not its end: the caption's next sentence opens the line under it ("...
        # SWIM+Inf.+Susp. / Points shown correspond to ..."), flush with its left edge.
        for i, box in enumerate(boxes):
            if box[1] <= c.y0 + 0.5 and box[3] >= c.y1 - 0.5 and box[0] <= c.x0 + 0.5 and box[2] >= c.x1 - 0.5:
                break
        else:
            continue
        row = [o for o in subcaptions if abs(o.y0 - c.y0) < 1.0 and abs(o.size - c.size) < 0.3 and
               box[0] <= o.x0 + 0.5 and o.x1 - 0.5 <= box[2]]
        x0, x1 = min(o.x0 for o in row), max(o.x1 for o in row)
        if c.x1 < x1:
            continue  # (the row's last piece speaks for it)
        if c.text.rstrip().endswith(_SENTENCE_END) and not (
                abs(line.x0 - x0) < 2 and any(o.y1 <= c.y0 and abs(o.x0 - x0) < 2 and abs(o.x1 - x1) < 2 for o in subcaptions)):
            continue
        step = line.base - c.base if line.base is not None and c.base is not None else line.y0 - c.y0
        # (or within 1.4 of the row's height: a reprint's fonts may tell a size under the type's,
        # 7 pt for 8 pt type set 12 pt apart, its rows 9.2 pt high)
        if not (0.5 * c.size < step < max(1.6 * c.size, 1.4 * c.height) and line.x0 >= x0 - 2 and line.x1 <= x1 + 2):
            continue
        boxes[i] = (box[0], box[1], box[2], max(box[3], line.y1))
        return True
    return False


def _in_label_row(line: Line, labels: list[Line]) -> bool:
    """Whether a bare panel label ("(b)") stands on the baseline of one already taken into a figure
    ("(a)"): the labels of a row of panels go together, however far the shorter panel ends above."""
    return bool(BARE_PANEL_LABEL.match(line.text)) and \
        any(abs(line.y0 - other.y0) < 1.0 and abs(line.size - other.size) < 0.3 for other in labels)


def _flat_graphics(graphics: list[tuple], drawn: list[tuple]) -> set[tuple]:
    """The graphics whose drawn ink is flat rules alone (each drawing in them under 3 pt tall):
    the text they were grown over is what is seen (a display formula's fraction bars with its
    numerators and denominators)."""
    return {g for g in graphics
            if all(d[3] - d[1] < 3 for d in drawn if g[0] - 1 <= d[0] and d[2] <= g[2] + 1 and g[1] - 1 <= d[1] and d[3] <= g[3] + 1)}


def _whole_float(box, boxes: list[tuple], caption: Block, stacked: bool = True, middle: float | None = None,
                 captions: list[Block] = (), flat: set[tuple] = (), lines: list[Line] = (), small: float = 0.0) -> tuple:
    """The caption's graphic grown to the whole float: panels set side by side (subfigures, a grid
    of plots) are separate drawings level with the one found, within the caption's width or close
    beside it; panels stacked in rows sit just above or below it, on its side of the caption.
    `boxes` are the page's graphics that no other caption owns. Rows are looked for under figures
    only (`stacked`): what sits right under a table is another float, such as an algorithm's frame.
    A float whose caption and graphic keep to one half of the page (`middle` is the page's middle)
    takes nothing from the other half: there stands the other column's float (ICCV: Algorithm 1's
    frame 10 pt left of Table 1, level with it, was cropped with the table). Nor does it grow over
    another float's caption (`captions`, the page's others): the panels past it are that float's
    (two figures of two panels each, one over the other), an algorithm's caption included: its
    frame of rules is a float of its own (NeurIPS 2019: Algorithm 1's frame 13 pt over a figure).
    Nor is a graphic of flat rules alone (`flat`) a row of panels: it is a display formula's
    fraction bars with the text round them (NeurIPS: "g(α) = 2(α+1)² / ..." 19 pt over a plot).
    Rows stand apart by the white between them: the page's short labels between two rows (`lines`,
    the page's text outside the caption: an x-axis title under a row of plots, a panel's title over
    the next) are the panels', not white (`_white_between`)."""
    left = min(min(ln.x0 for ln in caption.lines), box[0]) - 20
    right = max(max(ln.x1 for ln in caption.lines), box[2]) + 20
    top, bottom = caption.lines[0].y0, caption.lines[-1].y1
    # the caption is under the graphic (its first line's middle under the graphic's foot: a plot's
    # axis title may reach a few points into the caption's first line box)
    below = top >= box[3] - 2 or (top + caption.lines[0].y1) / 2 >= box[3]
    aside = not below and bottom > box[1] + 2  # ... or beside it (a side caption)
    cx0, cx1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    x0, y0, x1, y1 = box
    rest = [b for b in boxes if b != box]
    if middle is not None and max(cx1, x1) <= middle + 5:
        rest = [b for b in rest if b[0] < middle - 5]  # a left column's float
    elif middle is not None and min(cx0, x0) >= middle - 5:
        rest = [b for b in rest if b[2] > middle + 5]  # a right column's float
    grew = True
    while grew:
        grew = False
        for other in rest:
            ox0, oy0, ox1, oy1 = other
            if aside and ox1 > cx0 and ox0 < cx1:
                continue  # over or under a side caption: another float's
            if not aside and ((below and oy1 > top + 2) or (not below and oy0 < bottom - 2)):
                continue  # across the caption: another float's
            if not aside and min(cx1, ox1) <= max(cx0, ox0) and _over_anothers_caption(other, captions, below):
                continue  # a panel right over (or under) another caption, none of this one's: that float's
            level = min(y1, oy1) - max(y0, oy0) > 0.5 * min(y1 - y0, oy1 - oy0)
            # (or the two centred on the caption together: LNCS's two term trees 89 pt apart, under
            # a caption shorter than the pair)
            # (or the caption runs on under (or over) a good part of it too: SPIE's "Figure 13. (a) ...
            # (b) ..." under a flowchart and, 80 pt right of it, a filter's grid reaching past the
            # caption's end)
            beside = (ox0 >= left and ox1 <= right) or max(ox0 - x1, x0 - ox1) < 30 or \
                abs((min(x0, ox0) + max(x1, ox1)) / 2 - (cx0 + cx1) / 2) < 0.03 * (max(x1, ox1) - min(x0, ox0)) or \
                (not aside and min(cx1, ox1) - max(cx0, ox0) > 0.3 * (ox1 - ox0)) or \
                (level and _mirrored_row((x0, y0, x1, y1), other, rest, (cx0 + cx1) / 2))
            # a panel row under (or over) it is no wider than the float (an algorithm's frame under a table is)
            # (a figure's rows may be wider than the one found, within its caption's width: "(a) Main
            # structure" above "(b) Similarity calculator")
            # (a legend set alone in a strip under a grid of plots wider than it and its caption
            # takes the grid: arXiv, pgfplots' legend row under six panels; a framed legend of two
            # rows, 38 pt high, under a bar chart across the page, acmart)
            # (or overlapping it, no white between the two: a dvips figure's plot over the tree drawn
            # under it, their boxes 3 pt into each other, the plot's tick labels past the caption's ends)
            aligned = min(x1, ox1) - max(x0, ox0) > 0.5 * min(x1 - x0, ox1 - ox0) and \
                ((ox0 >= x0 - 10 and ox1 <= x1 + 10) or (stacked and ox0 >= left and ox1 <= right) or
                 (stacked and y1 - y0 < 40 and oy1 - oy0 > 3 * (y1 - y0)) or
                 (stacked and max(oy0 - y1, y0 - oy1) < 0))
            # (a row of panels over or under it, level and a gutter apart, is weighed whole: JMLR
            # 2003's third plot centred under two, each of those overlapping it by just under half)
            mates = [o for o in rest if o != other and stacked and not aligned and
                     min(oy1, o[3]) - max(oy0, o[1]) > 0.5 * min(oy1 - oy0, o[3] - o[1]) and
                     max(o[0] - ox1, ox0 - o[2]) < 30]
            if mates:
                ux0, ux1 = min([ox0] + [o[0] for o in mates]), max([ox1] + [o[2] for o in mates])
                aligned = ux0 >= left and ux1 <= right and min(x1, ux1) - max(x0, ux0) > 0.5 * min(x1 - x0, ux1 - ux0)
                if aligned:
                    mates = [other] + mates
                    other = (ux0, min([oy0] + [o[1] for o in mates]), ux1, max([oy1] + [o[3] for o in mates]))
                    ox0, oy0, ox1, oy1 = other
                else:
                    mates = []
            # (a strip of one width with the drawing, a legend or a title saved as an image of its
            # own, may stand farther off: 41 pt over a column of plots, the white of both images
            # between them)
            strip = abs(ox0 - x0) < 2 and abs(ox1 - x1) < 2 and min(y1 - y0, oy1 - oy0) < 0.25 * max(y1 - y0, oy1 - oy0)
            row = stacked and aligned and other not in flat and \
                _white_between((x0, y0, x1, y1), other, lines, small) < (50 if strip else 25)
            # A table drawn in two parts edge to edge, of one width (CVPR 2023: the column rules
            # broken at the double rule over "RL Expert", 1.7 pt under the part above), is one
            # table; another float under a table stands a float's separation off.
            # (or a row of cells between the parts, a line or so high, that no rule holds: booktabs'
            # rules drawn as image masks, a cell's wrapped second line under the \midrule's part, too
            # long to grow it, and the \bottomrule's part 14 pt under it; USENIX ATC 2014's Table 1
            # was cropped to its last two rows. No caption stands between, see below.)
            part = not stacked and abs(ox0 - x0) < 1.5 and abs(ox1 - x1) < 1.5 and max(oy0 - y1, y0 - oy1) < 16
            if ((level and beside) or (aligned and row) or part) and not any(
                    _inside(ln, (min(x0, ox0), min(y0, oy0), max(x1, ox1), max(y1, oy1)), 0.0) or
                    _caption_between((x0, y0, x1, y1), other, ln)
                    for c in captions for ln in c.lines[:1]):
                x0, y0, x1, y1 = min(x0, ox0), min(y0, oy0), max(x1, ox1), max(y1, oy1)
                for o in mates or [other]:
                    rest.remove(o)
                grew = True
                break
    return (x0, y0, x1, y1)


def _over_anothers_caption(other: tuple, captions: list[Block], below: bool) -> bool:
    """Whether a graphic stands right over another float's caption (or right under it, for captions
    set over their floats: `below` false), that caption's line across most of its width: two
    figures side by side, their captions side by side under them (PVLDB 2016: Figure 2's two plots
    left, Figure 3's two right, one gutter between each two), the panel over Figure 2's caption is
    Figure 2's, however close it stands to Figure 3's first plot; Figure 3 took it beside its own."""
    x0, y0, x1, y1 = other
    for c in captions:
        ln = c.lines[0] if below else c.lines[-1]
        if min(ln.x1, x1) - max(ln.x0, x0) > 0.5 * (x1 - x0) and \
                (-2 <= ln.y0 - y1 < 25 if below else -2 <= y0 - ln.y1 < 25):
            return True
    return False


def _line_atop(box: tuple, caption: Block, lines: list[Line]) -> tuple:
    """A figure's box, its caption under it, grown up over the one line that stands on it, less than
    half a line's height over it, inside its width and starting well in from its left edge (two
    ems or more), with no text over it for two lines' height: a table set as a figure, its spanning
    head "Throughput (req/sec, millions, and as % of Masstree)" 3 pt over the row of column heads
    where the drawing began (EuroSys 2012). Running text keeps a float's separation off a float and
    starts its lines at the column's edge; a display formula is no head (math)."""
    x0, y0, x1, y1 = box
    if caption.lines[0].y0 < y1 - 2:
        return box
    atop = [ln for ln in lines if ln.x1 > x0 and ln.x0 < x1 and ln.y1 <= y0 + 1 and y0 - ln.y1 < 0.5 * ln.height]
    if not atop or any(ln.x1 > x1 + 1 or ln.x0 < x0 - 1 or _is_prose(ln) or ln.math_chars > 0.1 * len(ln.text) or
                       CAPTION.match(ln.text) or HEADING_NUMBER.match(ln.text) or
                       any(o is not ln and o.x1 > x0 and o.x0 < x1 and o.y1 <= ln.y0 + 1 and ln.y0 - o.y1 < 2 * ln.height
                           for o in lines) for ln in atop):
        return box
    if len(atop) == 1:
        if atop[0].x0 < x0 + 2 * atop[0].size or atop[0].bold:
            return box
    else:
        # (or a row of column heads, each piece starting where a column of lines in the box starts,
        # in whatever weight: SOSP 2013's "Thread 1" and "Thread 2" in bold over two columns of
        # steps set as a figure)
        inside = [o for o in lines if o.x0 >= x0 - 1 and o.x1 <= x1 + 1 and o.y0 >= y0 - 1 and o.y1 <= y1 + 1]
        if not all(sum(1 for o in inside if abs(o.x0 - ln.x0) < 2) >= 2 for ln in atop):
            return box
    return (x0, min(ln.y0 for ln in atop), x1, y1)


def _large_row_into_top(box: tuple, caption: Block, lines: list[Line], body: float) -> tuple:
    """A figure's box, its caption under it, grown up over a line that its drawing's top edge runs
    through, within its width, in type 2 pt or more larger than the text's: a figure of words
    annotated by drawings, the arcs and underlines under each row (CIKM 2013: "information
    retrieval is the activity of obtaining" in 12 pt over the 9 pt text, its underlines 8 pt under
    its top, where the drawing began; the crop lost the row's upper half). Running text reaches
    into no drawing, and stands in the text's type."""
    x0, y0, x1, y1 = box
    if caption.lines[0].y0 < y1 - 2:
        return box
    into = [ln for ln in lines if ln.y0 < y0 - 0.5 and ln.y1 - y0 > 0.3 * ln.height and ln.y1 < y1 and
            ln.x0 > x0 - 3 and ln.x1 < x1 + 3 and ln.size >= body + 2 and not CAPTION.match(ln.text)]
    return (x0, min([y0] + [ln.y0 for ln in into]), x1, y1)


def _caption_between(box: tuple, other: tuple, line: Line) -> bool:
    """Whether another float's caption line stands in the white between two graphics one over the
    other, across both of them: the graphic past it is that float's, however the caption sits
    off to one side of the two (EMNLP 2018: Figure 4's plot in the right column under the last of
    Figure 3's three panels across the page, Figure 3's caption centred between them, more of it
    left of the two than over them; the plot took the panel and was cropped 140 pt too tall)."""
    top, bottom = (box[3], other[1]) if other[1] >= box[3] else (other[3], box[1])
    return top - 1 <= line.y0 and line.y1 <= bottom + 1 and \
        min(line.x1, box[2]) - max(line.x0, box[0]) > 0 and min(line.x1, other[2]) - max(line.x0, other[0]) > 0


def _mirrored_row(box: tuple, other: tuple, rest: list[tuple], middle: float) -> bool:
    """Whether `other`, level with the box on one side of it, has a twin on the other side, level
    too, as far off within 3 pt and the three centred together on the caption's `middle` (KDD
    2018: a row of three plots, the caption under it centred and shorter than the row, 34 pt
    from the middle plot to each of the others: only the middle plot was cropped)."""
    x0, y0, x1, y1 = box
    left = other[2] <= x0
    gap = x0 - other[2] if left else other[0] - x1
    for t in rest:
        if t is other or min(y1, t[3]) - max(y0, t[1]) <= 0.5 * min(y1 - y0, t[3] - t[1]):
            continue
        twin = (t[0] - x1) if left else (x0 - t[2])
        if twin >= 0 and abs(twin - gap) < 3:
            lo, hi = min(other[0], t[0]), max(other[2], t[2])
            if abs((lo + hi) / 2 - middle) < 0.03 * (hi - lo):
                return True
    return False


def _white_between(box: tuple, other: tuple, lines: list[Line], small: float = 0.0) -> float:
    """The height of the widest empty band between two boxes one over the other (their gap, or a
    negative overlap), where the short labels (`lines` across them: an axis title, a panel's title,
    no prose, no heading) fill the bands they stand in. A line of any other kind between them
    leaves the gap as it is: text between two drawings sets them apart however close. A bold line
    is a heading between them, unless in type under `small` (a plot's title in its plotting
    program's small bold type: WSDM 2010's "Last.fm" in 6.4 pt over the second of three plots
    stacked over a 9 pt caption)."""
    gap = max(other[1] - box[3], box[1] - other[3])
    if gap <= 0 or not lines:
        return gap
    top, bottom = (box[3], other[1]) if other[1] >= box[3] else (other[3], box[1])
    left, right = min(box[0], other[0]), max(box[2], other[2])
    inside = sorted((ln for ln in lines if ln.y1 > top and ln.y0 < bottom and ln.x1 > left and ln.x0 < right),
                    key=lambda ln: ln.y0)
    if not inside or any(len(ln.text) > 40 or _is_prose(ln) or (ln.bold and ln.size >= small) or HEADING_NUMBER.match(ln.text) or
                         CAPTION.match(ln.text) for ln in inside):
        return gap
    widest, reach = 0.0, top
    for ln in inside:
        widest = max(widest, ln.y0 - reach)
        reach = max(reach, ln.y1)
    return max(widest, bottom - reach)


_LETTER_WORD = compile_later(r"[^\W\d_]{2,}")


def _title_over(box, caption: Block, page_blocks: list[Block]) -> tuple:
    """Grow a figure's box, its caption under it, over the title centred over the whole float, a
    line of its own just above it (CHI 2008: "Training Set Size vs. Classification Accuracy" 7 pt
    over the titles of four plots in a row, centred on the row, wider than any one plot: no
    single drawing's title, so it stayed text and the crop lost it). Held to `_plot_title`'s
    shape: short, narrower than the float, no prose, no sentence's end; and no numbered heading."""
    if caption.lines[0].y0 < box[3] - 2:
        return box
    for block in page_blocks:
        if block is caption or len(block.lines) != 1 or block.page != caption.page:
            continue
        ln = block.lines[0]
        if _plot_title(ln, box, 1.5 * ln.height) and not HEADING_NUMBER.match(ln.text):
            return (min(box[0], ln.x0), ln.y0, max(box[2], ln.x1), box[3])
    return box


def _reach_caption(box, caption: Block, page_blocks: list[Block]) -> tuple:
    """Grow the float's box over the short lines between it and its caption (an x-axis title, a
    legend or panel captions set under the plots) when no prose stands there, and over a line
    that the box's edge cuts, when it is no such prose either (a note in small type at the foot of
    a screenshot, half on the image: EMNLP 2022's "Click on Remove to delete ...")."""
    x0, y0, x1, y1 = box
    left = min(x0, min(ln.x0 for ln in caption.lines))
    right = max(x1, max(ln.x1 for ln in caption.lines))
    if caption.lines[0].y0 >= y1 - 2:
        gap = (y1 - 1, caption.lines[0].y0)
        cut = (y0, y1 - 1)  # (where a line cut by the box's edge begins)
    elif caption.lines[-1].y1 <= y0 + 2:
        gap = (caption.lines[-1].y1, y0 + 1)
        cut = (y0 + 1, y1)  # (where it ends)
    else:
        return box
    near = [ln for ln in _lines_by(caption, page_blocks) if ln.x0 < right and ln.x1 > left]
    between = [ln for ln in near if ln.y0 >= gap[0] and ln.y1 <= gap[1] + 1]
    # A long line across the float is prose, unless set all in bold: panel captions under a row of
    # plots, read as one line across their columns (SIGMOD: "(a) Random forest … (b) Median …").
    # Most of its words are words of letters: "Integrated gradients x1 = 1.5, x2 = −0.5", a row of
    # a table of values set as text between a diagram and its caption (ICML 2017), has eight pieces
    # but two words.
    # (nor is a line in type smaller than the caption's between the float and the caption under it:
    # a plot's axis title in its own small type, wrapped to a second line of eight words,
    # "(modulated by choices of activation and prefactor value)" in 8 pt over a 9 pt caption, CVPR
    # 2024; prose between a float and its caption is the text's, never smaller than a caption. A
    # note in small type under a caption over its table is the caption's: "Note b, S and δS are
    # dimensionless, while ...", IFAC)
    caption_size = sorted(ln.size for ln in caption.lines)[len(caption.lines) // 2] if gap[0] > cut[0] else 0.0

    def prose(ln: Line) -> bool:
        return len(ln.text.split()) >= 8 and len(_LETTER_WORD.findall(ln.text)) >= 6 and \
            ln.x1 - ln.x0 > 0.5 * (right - left) and not ln.bold and ln.size > caption_size - 0.6

    if any(prose(ln) for ln in between):
        return box
    between += [ln for ln in near if not prose(ln) and (
        cut[0] <= ln.y0 < cut[1] < ln.y1 <= gap[1] + 1 if gap[0] > cut[0] else gap[0] <= ln.y0 < cut[0] < ln.y1 <= cut[1])]
    if not between:
        return box
    return (min(x0, *(ln.x0 for ln in between)), min(y0, *(ln.y0 for ln in between)),
            max(x1, *(ln.x1 for ln in between)), max(y1, *(ln.y1 for ln in between)))


def _subcaptions_past(box, caption: Block, page_blocks: list[Block]) -> tuple:
    """A figure captioned above its graphic grown down over the panel captions under it ("(a)
    CIFAR-100") and the short lines between (axis titles): rows of short lines, each within the
    graphic's width and closer under the one before than one and a half of its height, up to the
    last row holding a panel caption (NeurIPS 2022: caption above, "Label percentage (%)" and
    "(a) CIFAR-100" under the plots were cut off). Without a panel caption nothing is taken:
    a short line under the graphic may be the text's."""
    x0, y0, x1, y1 = box
    if caption.lines[-1].y1 > y0 + 2:
        return box  # the caption is not above
    under = sorted((ln for ln in _lines_by(caption, page_blocks)
                    if ln.y0 >= y1 - 1 and ln.x1 > x0 and ln.x0 < x1), key=lambda ln: ln.y0)
    bottom, taken = y1, 0
    rows: list[list[Line]] = []
    for ln in under:
        if rows and ln.y0 < rows[-1][0].y1 - 1:
            rows[-1].append(ln)  # level with the row before
        else:
            rows.append([ln])
    for k, row in enumerate(rows):
        height = max(ln.height for ln in row)
        if row[0].y0 - bottom > 1.5 * height or any(
                ln.x0 < x0 - 10 or ln.x1 > x1 + 10 or len(ln.text) > 60 or _is_prose(ln) for ln in row):
            break
        bottom = max(ln.y1 for ln in row)
        if any(SUBCAPTION.match(ln.text) for ln in row):
            taken = k + 1
    lines = [ln for row in rows[:taken] for ln in row]
    if not lines:
        return box
    return (min(x0, *(ln.x0 for ln in lines)), y0, max(x1, *(ln.x1 for ln in lines)), max(y1, *(ln.y1 for ln in lines)))


def _text_panel_beside(box, caption: Block, page_blocks: list[Block]) -> tuple:
    """A figure grown over a panel of text set beside its graphic, in a minipage of its own: the
    caption under the graphic only, and level with graphic and caption, on a page whose text runs
    in one column across them both, lines that are no prose (COLING 2016: the LSTM's gate
    equations, "1. Gates" / "i_t = σ(...)" ..., left of the cell's diagram captioned "Figure 2:
    LSTM cell"). Running text wrapped round a figure is prose and goes on above or below it; text
    beside a figure in a page of two columns is the other column's (no line crosses the gutter)."""
    x0, y0, x1, y1 = box
    cx0, cx1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    top, bottom = y0, caption.lines[-1].y1
    if caption.lines[0].y0 < y1 - 2 or cx0 < x0 - 25 or cx1 > x1 + 25:
        return box
    lines = _lines_by(caption, page_blocks)
    # (another float's caption level with this one is no panel of it: ECCV's Figures 7 and 8 side by
    # side, each image over its own caption; the first took the second's caption as a panel of text)
    captioned = {id(ln) for b in page_blocks if b is not caption and b.page == caption.page and CAPTION.match(b.text)
                 for ln in b.lines}
    for side in (-1, 1):
        outside = [ln for ln in lines if (ln.x1 < min(x0, cx0) - 10 if side < 0 else ln.x0 > max(x1, cx1) + 10)]
        panel = [ln for ln in outside if ln.y1 > top and ln.y0 < bottom]
        if any(id(ln) in captioned for ln in panel):
            continue
        # (narrow lines of wrapped prose have too few words to read as prose one by one: four words
        # in a row tell a sentence from a formula's words, "find that model family is the")
        if len(panel) < 2 or any(ln.y0 < top - 2 or ln.y1 > bottom + 2 or _is_prose(ln) or
                                 PROSE_WORD_RUN.search(ln.text) for ln in panel):
            continue
        px0, py0, px1, py1 = (min(ln.x0 for ln in panel), min(ln.y0 for ln in panel),
                              max(ln.x1 for ln in panel), max(ln.y1 for ln in panel))
        height, held = max(ln.height for ln in panel), {id(ln) for ln in panel}
        if any(id(ln) not in held and ln.x1 > px0 and ln.x0 < px1 and
               (0 <= py0 - ln.y1 < 1.5 * height or 0 <= ln.y0 - py1 < 1.5 * height) for ln in lines):
            continue  # text going on right above or below: the column's own, wrapped round the figure
        gap = (px1, min(x0, cx0)) if side < 0 else (max(x1, cx1), px0)
        if not any(ln.x0 < gap[0] and ln.x1 > gap[1] and _is_prose(ln) for ln in lines):
            continue  # no line runs across the two: they stand in two columns
        return (min(x0, px0), min(y0, py0), max(x1, px1), max(y1, py1))
    return box


def _small_type_beside(box, caption: Block, page_blocks: list[Block]) -> tuple:
    """A figure grown over the words set in it as text, in type well under its caption's (at most
    0.7 of it), beside its graphic within the caption's width, level with the graphic or in a row
    just over (or under) it, between it and nothing but the caption: NIPS 2013's grid of images,
    each with two lists of predicted labels in 4.6 pt typewriter type right of it and "Our model",
    "Softmax over ImageNet 1K" over the lists; the crop held the images and the lists between
    them, not the last column's. No prose is taken, and nothing past the caption."""
    x0, y0, x1, y1 = box
    cx0, cx1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    below = caption.lines[0].y0 >= y1 - 2
    if not below and caption.lines[-1].y1 > y0 + 2:
        return box
    small = 0.7 * caption.size
    lines = [ln for ln in _lines_by(caption, page_blocks)
             if ln.size <= small and ln.x0 >= cx0 - 2 and ln.x1 <= cx1 + 2 and not _is_prose(ln) and
             (ln.y1 <= caption.lines[0].y0 + 1 if below else ln.y0 >= caption.lines[-1].y1 - 1)]
    level = [ln for ln in lines if min(ln.y1, y1) - max(ln.y0, y0) > 0.5 * ln.height]
    if len(level) < 2:
        return box
    x0, y0, x1, y1 = min(x0, *(ln.x0 for ln in level)), min(y0, *(ln.y0 for ln in level)), \
        max(x1, *(ln.x1 for ln in level)), max(y1, *(ln.y1 for ln in level))
    # (the row over the lists: their heads)
    ends = [ln for ln in lines if ln.x1 > x0 and ln.x0 < x1 and 0 <= y0 - ln.y1 < 1.5 * ln.height]
    if ends:
        x0, y0, x1, y1 = min(x0, *(ln.x0 for ln in ends)), min(y0, *(ln.y0 for ln in ends)), \
            max(x1, *(ln.x1 for ln in ends)), max(y1, *(ln.y1 for ln in ends))
    return (x0, y0, x1, y1)


def _annotated_line(box, caption: Block, page_blocks: list[Block]) -> tuple:
    """A figure grown over the line its drawing annotates: braces or brackets hung under (or over)
    parts of one line of text, a sample set as the figure's matter (CCS 2003: a web server's log
    entry in small monospaced type, brackets under its path and attributes naming them, the caption
    under the brackets; the crop held the brackets alone). The line stands on the side of the
    drawing away from the caption, less than half its height off it, spans the whole drawing, is
    set smaller than the caption and is no prose."""
    x0, y0, x1, y1 = box
    below = caption.lines[0].y0 >= y1 - 2  # the caption is under the drawing: the line is over it
    if not below and caption.lines[-1].y1 > y0 + 2:
        return box
    for ln in _lines_by(caption, page_blocks):
        gap = y0 - ln.y1 if below else ln.y0 - y1
        if 0 <= gap < 0.5 * ln.height and ln.x0 <= x0 + 2 and ln.x1 >= x1 - 2 and \
                ln.size < caption.size - 1 and not _is_prose(ln):
            return (min(x0, ln.x0), min(y0, ln.y0), max(x1, ln.x1), max(y1, ln.y1))
    return box


def _listing(caption: Block, page_blocks: list[Block], graphics: list[tuple] = ()) -> tuple | None:
    """The box of a code listing set as a figure ("Figure 2: One training step in Python."): the
    monospaced lines right above or below its caption, which draw nothing a graphic box would hold."""
    x0, x1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    for side in (-1, 1):
        edge = caption.lines[0].y0 if side < 0 else caption.lines[-1].y1
        code = []
        for block in page_blocks:
            if not block.lines[0].code or not any(ln.x1 > x0 and ln.x0 < x1 for ln in block.lines):
                continue
            gap = edge - block.lines[-1].y1 if side < 0 else block.lines[0].y0 - edge
            if -2 < gap < 25:
                code = block.lines
                break
        if code:
            code = _listing_run(code, side, x0, x1, caption, page_blocks)
            box = (min(ln.x0 for ln in code), min(ln.y0 for ln in code),
                   max(ln.x1 for ln in code), max(ln.y1 for ln in code))
            # (a drawing right past the listing's far end, out of the caption's reach, is the
            # float's too: SIGMOD's pipeline diagram over the code that builds it, one caption)
            for g in graphics:
                gap = box[1] - g[3] if side < 0 else g[1] - box[3]
                if -2 < gap < 15 and min(g[2], box[2]) - max(g[0], box[0]) > 0.5 * min(g[2] - g[0], box[2] - box[0]):
                    box = (min(box[0], g[0]), min(box[1], g[1]), max(box[2], g[2]), max(box[3], g[3]))
                    break
            return box
    return _numbered_steps(caption, page_blocks) or _formulas_over(caption, page_blocks)


def _listing_run(code: list[Line], side: int, x0: float, x1: float, caption: Block, page_blocks: list[Block]) -> list[Line]:
    """The listing's lines from its block nearest the caption on outwards: the blocks right past it
    (each within 0.6 of a line of the last), inside the caption's width, in monospaced type or of
    no prose, are its too (arXiv 2009: three statements in typewriter type, each opened by "(i)",
    "(ii)", "(iii)" in italics, which made each opening line a block apart, no code; the crop held
    the last line alone)."""
    lines = list(code)
    edge = min(ln.y0 for ln in lines) if side < 0 else max(ln.y1 for ln in lines)
    past = [b for b in page_blocks if b is not caption and all(ln.page == caption.page for ln in b.lines) and
            any(ln.x1 > x0 and ln.x0 < x1 for ln in b.lines) and
            (b.lines[-1].y1 <= edge + 1 if side < 0 else b.lines[0].y0 >= edge - 1) and
            not any(ln in lines for ln in b.lines)]
    past.sort(key=lambda b: -b.lines[-1].y1 if side < 0 else b.lines[0].y0)
    for block in past:
        near = block.lines[-1] if side < 0 else block.lines[0]
        gap = edge - near.y1 if side < 0 else near.y0 - edge
        if gap > 0.6 * near.height or \
                any(ln.x0 < x0 - 3 or ln.x1 > x1 + 3 or (not ln.code and _is_prose(ln)) or CAPTION.match(ln.text)
                    for ln in block.lines):
            break
        lines.extend(block.lines)
        edge = min(ln.y0 for ln in block.lines) if side < 0 else max(ln.y1 for ln in block.lines)
    return lines


# An algorithm's step number as the algorithmic package sets it, in front of the step: "7:", "12:".
_STEP_NUMBER = compile_later(r"(\d{1,3}):(?:\s|$)")


def _numbered_steps(caption: Block, page_blocks: list[Block]) -> tuple | None:
    """The box of an algorithm set as a figure in the text's own faces, its steps numbered "1:",
    "2:", ... down its left edge and nothing drawn (WSDM 2010: "1: procedure LearnBPR(DS, Θ)" to
    "8: end procedure" over "Figure 3: Optimizing tag recommender models ..."; no monospaced
    type, no rule: the figure had no crop). The steps count up one by one from 1 to the last,
    which stands right over the caption (within 25 pt), each number under the one before, at most
    four lines' height down (a step of tall math), their left edges within a line's height of
    each other (the numbers set flush right: "9:" over "10:"). The box holds every line of the
    caption's width from the first step's top to the caption."""
    x0, x1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    top = caption.lines[0].y0
    near = [ln for ln in _lines_by(caption, page_blocks) if ln.x0 >= x0 - 10 and ln.x1 <= x1 + 10 and ln.y1 <= top + 1]
    steps = sorted(((int(m.group(1)), ln) for ln in near if (m := _STEP_NUMBER.match(ln.text))), key=lambda s: -s[1].y1)
    if not steps or top - steps[0][1].y1 > 25:
        return None
    number, last = steps[0]
    run = [last]
    for n, ln in steps[1:]:
        if number == 1:
            break
        prev = run[-1]
        if n != number - 1 or not 0 < prev.y0 - ln.y0 <= 4 * prev.height or abs(ln.x0 - prev.x0) > prev.height:
            if ln.y1 > prev.y0 - 4 * prev.height:
                continue  # (a number in a step's text, "x: y", level with a step)
            break
        number = n
        run.append(ln)
    if number != 1 or len(run) < 3:
        return None
    first = run[-1]
    # (no line of prose across the run's width between the steps: a paragraph's "1: ..." list is
    # the text's)
    body = [ln for ln in near if ln.y0 >= first.y0 - 0.5 * first.height]
    if any(_is_prose(ln) and len(ln.text) > 60 and not _STEP_NUMBER.match(ln.text) for ln in body):
        return None
    return (min(ln.x0 for ln in body), min(ln.y0 for ln in body), max(ln.x1 for ln in body), max(ln.y1 for ln in body))


# Four words of running text in a row ("the output of neuron"): a sentence, not a formula's words.
PROSE_WORD_RUN = compile_later(r"\b[a-z]{2,}(?:\s+[a-z]{2,}){3}\b")


def _formulas_over(caption: Block, page_blocks: list[Block]) -> tuple | None:
    """The box of a figure made of display mathematics alone (INLG 2024's "Figure 2: Reformulation
    of GLEU.": formulas and their fraction bars, no drawing): the run of mathematical blocks right
    over its caption, each within a few lines of the one below it, up to the text above them."""
    x0, x1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    top = caption.lines[0].y0
    above = sorted((b for b in page_blocks if b.kind == "text" and b is not caption and
                    max(ln.y1 for ln in b.lines) <= top + 1 and any(ln.x1 > x0 and ln.x0 < x1 for ln in b.lines)),
                   key=lambda b: -max(ln.y1 for ln in b.lines))
    taken: list[Line] = []
    for block in above:
        if max(ln.y1 for ln in block.lines) < top - 3 * caption.size:
            break  # a gap: the text over the figure is not reached
        if not (_is_math(block) or all(_display_math(ln) for ln in block.lines)) or \
                any(PROSE_WORD_RUN.search(ln.text) for ln in block.lines):
            break  # (a sentence of the text with its symbols: "with β = exp(−∆/τ). In discrete time, ...")
        taken.extend(block.lines)
        top = min(top, min(ln.y0 for ln in block.lines))
    if len(taken) < 3:
        return None  # (one display over a caption is the text's equation, not the figure)
    return (min(ln.x0 for ln in taken), min(ln.y0 for ln in taken), max(ln.x1 for ln in taken), max(ln.y1 for ln in taken))


def _text_atop_column(caption: Block, page_blocks: list[Block]) -> tuple | None:
    """The box of a figure made of text alone at the top of its column, nothing drawn (SOSP 2013:
    "Figure 2: Commit protocol ..." under an algorithm set in the text's faces without step
    numbers; "Figure 10: Evaluation of ..." under a small table of three rows, no rule): the lines
    right over the caption, each within a line and a half of the next, up to the column's top (no
    line over them across the caption's width). Running text is none of it: no line of prose as
    wide as most of the caption, and prose-like lines ("for node, version in N do") a third at most."""
    x0, x1 = min(ln.x0 for ln in caption.lines), max(ln.x1 for ln in caption.lines)
    top = caption.lines[0].y0
    near = sorted((ln for ln in _lines_by(caption, page_blocks) if ln.x1 > x0 + 2 and ln.x0 < x1 - 2 and ln.y1 <= top + 1),
                  key=lambda ln: -ln.y1)
    taken: list[Line] = []
    edge = top
    for ln in near:
        if edge - ln.y1 > (2.0 if not taken else 1.6) * ln.height:
            return None  # (a gap before the column's top: text over the float, or a paragraph)
        taken.append(ln)
        edge = min(edge, ln.y0)
    rows = len({round(ln.y0) for ln in taken})
    if rows < 2 or any(ln.x0 < x0 - 10 or ln.x1 > x1 + 10 for ln in taken):
        return None
    prose = [ln for ln in taken if _is_prose(ln)]
    if len(prose) * 3 > len(taken) or any(ln.x1 - ln.x0 > 0.8 * (x1 - x0) for ln in prose):
        return None
    return (min(ln.x0 for ln in taken), min(ln.y0 for ln in taken), max(ln.x1 for ln in taken), max(ln.y1 for ln in taken))


def _graphic_candidates(block: Block, boxes: list[tuple]) -> list[tuple[float, bool | None, tuple]]:
    """(distance, above, box) for each graphic the caption may belong to: overlapping it
    horizontally, within 80 pt above or below it; else one the caption lies inside; else beside it
    (above None)."""
    x0 = min(ln.x0 for ln in block.lines)
    x1 = max(ln.x1 for ln in block.lines)
    top = block.lines[0].y0
    bottom = block.lines[-1].y1
    out = []
    for box in boxes:
        overlap = min(x1, box[2]) - max(x0, box[0])
        if overlap < 0.3 * min(x1 - x0, box[2] - box[0]):
            continue
        # A line's box reaches above its letters (room for accents) and below them: a drawing may
        # end a few points inside the first caption line's box, and start inside the last one's.
        if box[3] <= top + max(2.0, 0.4 * block.lines[0].height) or \
                (box[3] <= top + 0.6 * block.lines[0].height and box[1] < top - 3 * block.lines[0].height):
            # (a plot's white ground may reach half a line into the caption under it: NeurIPS 2023's
            # two plots side by side, each over its own caption, their grounds over the captions'
            # first lines; taken for side captions, each caption got the other's plot)
            distance, above = top - box[3], True
        elif box[3] < block.lines[0].y1 and box[1] < top - 3 * block.lines[0].height:
            # (a drawing ending inside the caption's first line, standing well over it: a Word chart
            # whose white chart area runs 7 pt into "Figure 3. Average effort time ...", one of its
            # category labels printed over the caption's line, is the caption's figure over it)
            distance, above = 0.0, True
        elif box[1] >= bottom - max(2.0, 0.4 * block.lines[-1].height):
            distance, above = box[1] - bottom, False
        else:
            continue
        if distance <= 80:
            out.append((distance, above, box))
    # A rule drawn along the caption, within a few points of it and as wide as it or wider, while a
    # graphic stands close on the caption's other side, is the caption's own rule, no float (Nature
    # Communications: a rule across the page under each figure's caption, 4 pt off, the figure 9
    # pt over it; CACM: a rule over each caption, its figure under it): a rule alone is never the
    # graphic of a float whose graphic is right across its caption.
    if len(out) > 1:
        def hugging(c: tuple) -> bool:
            b = c[2]
            return b[3] - b[1] <= 3.5 and c[0] <= 5 and b[0] <= x0 + 3 and b[2] >= x1 - 3
        out = [c for c in out if not (hugging(c) and any(
            o[1] is not None and o[1] != c[1] and o[0] <= 20 and o[2][3] - o[2][1] > 10 for o in out))]
    # A caption set inside its float's own box: on an Elsevier table's shaded panel, over the
    # foot of a screenshot whose image runs under it. The box is the float's, on the side of the
    # caption where most of it lies. A caption that opens or closes its panel (CACM: "Figure 2."
    # at the top of the tinted panel of its diagram, right under Figure 1's panel) is its panel's
    # before any graphic's a little off it.
    edge = 2 * block.lines[0].height
    for box in boxes:
        if box[0] - 2 <= x0 and x1 <= box[2] + 2 and box[1] - 2 <= top and bottom <= box[3] + 2 and \
                (not out or min(top - box[1], box[3] - bottom) < edge):
            out.append((0.0, top - box[1] > box[3] - bottom, box))
    if not out:
        # A side caption (a caption set in a minipage beside its figure): the graphic is level with
        # the caption's first line, a column gap to its left or right; Springer's \sidecaption
        # sets the caption's top level with the figure's, the figure further off in the space left.
        line = block.lines[0].height
        for box in boxes:
            gap = max(box[0] - x1, x0 - box[2])
            level = box[1] - line <= top < box[3] and bottom - top < box[3] - box[1] + 20
            # (or its last line's foot level with the figure's: LaTeX's minipages side by side on one
            # baseline, TODS 2006's five-line caption 60 pt right of its message flow, both ending
            # at 657 pt)
            if level and (0 <= gap <= 30 or (0 <= gap <= 100 and (abs(top - box[1]) <= line or
                                                                 abs(bottom - box[3]) <= 0.5 * line))):
                out.append((gap, None, box))
    return out


def parse_pdf(path: str | os.PathLike, *, password: str | None = None) -> Paper:
    """Parse the PDF at `path`; raises a one-line PaperkitError for unusable files."""
    from paperkit.reading.pdf import open_pdf

    doc = open_pdf(path, password=password)
    try:
        return parse_document(doc, source=str(path), reopen=lambda: open_pdf(path, password=password))
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
        clip = page.rect
        if figure.bbox:  # the whole float: its graphic and its caption
            clip = pymupdf.Rect(figure.bbox) | pymupdf.Rect(figure.caption_bbox) if figure.caption_bbox else \
                pymupdf.Rect(figure.bbox)
            clip = clip + (-4, -4, 4, 4)
        clip &= page.rect
        matrix = pymupdf.Matrix(zoom, zoom)
        if figure.bbox and not page.rotation:
            # A float set sideways on an upright page is shown upright, as the parse read it
            # (`_sideways_turn`: its lines, caption included, run a quarter turn off the page).
            turn = _sideways_turn(page.get_text("dict", clip=clip, flags=_text_flags())["blocks"], page.rect)
            if turn is not None:
                matrix = pymupdf.Matrix(*turn) * matrix
        pix = page.get_pixmap(matrix=matrix, clip=clip)
        atomic_write_bytes(out_png, pix.tobytes("png"))
    finally:
        doc.close()
    return Path(out_png)
