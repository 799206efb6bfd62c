"""Opening a PDF file, with one clear line for every way a file can fail to be a usable PDF.

The checks run from cheapest to dearest: does the file exist, is it empty, does it start like a
PDF (an HTML error page saved as .pdf is the classic failed download), does it end like one (a
download cut short has no `%%EOF`), can PyMuPDF open it, is it encrypted. A PDF without a text
layer (a scan) opens fine; `text_layer_warning` says so, because nothing can be parsed from it.
Nothing here writes to disk.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from paperkit.errors import InvalidInputError, NotFoundError, UsageError

_HEAD_BYTES = 1024  # the PDF spec lets `%PDF-` appear anywhere in the first 1024 bytes
_TAIL_BYTES = 4096  # writers may append a little after %%EOF; a truncated file has none near the end
NO_TEXT_WARNING = "no text layer: this looks like a scanned PDF, so paperkit cannot read its text (run OCR on it first)"


class PasswordRequired(UsageError):
    """The PDF is encrypted and no password was given."""


def _looks_like_html(head: bytes) -> bool:
    lowered = head.lstrip().lower()
    return lowered.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")) or b"<html" in lowered[:512]


def check_pdf_file(path: str | os.PathLike) -> Path:
    """Raise a one-line PaperkitError unless `path` is plausibly a complete PDF file."""
    target = Path(path)
    name = str(target)
    if not target.exists():
        raise NotFoundError(f"{name}: no such file", hint="check the path, or give an arXiv id instead")
    if target.is_dir():
        raise InvalidInputError(f"{name} is a folder, not a PDF file")
    size = target.stat().st_size
    if size == 0:
        raise InvalidInputError(f"{name} is empty (0 bytes)", hint="download it again")
    with open(target, "rb") as handle:
        head = handle.read(_HEAD_BYTES)
        handle.seek(max(0, size - _TAIL_BYTES))
        tail = handle.read()
    if b"%PDF-" not in head:
        if _looks_like_html(head):
            raise InvalidInputError(
                f"{name} is an HTML page, not a PDF",
                hint="the download probably returned an error or login page; fetch the PDF again",
            )
        raise InvalidInputError(f"{name} is not a PDF (no %PDF- header)", hint="check that this is the file you meant")
    if b"%%EOF" not in tail:
        raise InvalidInputError(
            f"{name} is a truncated PDF (no end-of-file marker)",
            hint="the download was probably interrupted; fetch it again",
        )
    return target


class _StandardError:
    """MuPDF's messages ("MuPDF error: format error: cannot find object in xref") go to the standard
    error of the moment: PyMuPDF prints them on standard output by default, into the middle of
    `outline --json`'s JSON."""

    def write(self, text: str) -> None:
        sys.stderr.write(text)

    def flush(self) -> None:
        sys.stderr.flush()


def messages_to_stderr(pymupdf) -> None:
    """Send PyMuPDF's messages to standard error (once per process)."""
    global _MESSAGES_ROUTED
    if not _MESSAGES_ROUTED:
        pymupdf.set_messages(stream=_StandardError())
        _MESSAGES_ROUTED = True


_MESSAGES_ROUTED = False


def open_pdf(path: str | os.PathLike, *, password: str | None = None):
    """Open a PDF with PyMuPDF, or raise a one-line PaperkitError saying what is wrong with it."""
    import pymupdf

    messages_to_stderr(pymupdf)
    target = check_pdf_file(path)
    name = str(target)
    try:
        doc = pymupdf.open(target, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises several types for damaged files
        raise InvalidInputError(f"{name} is damaged and cannot be opened ({_short(exc)})",
                                hint="fetch or export the PDF again") from exc
    if doc.needs_pass:
        if password is None:
            doc.close()
            raise PasswordRequired(f"{name} is encrypted", hint="give its password with --password")
        if not doc.authenticate(password):
            doc.close()
            raise InvalidInputError(f"wrong password for {name}", hint="check the password given with --password")
    if doc.page_count == 0:
        doc.close()
        raise InvalidInputError(f"{name} has no pages", hint="fetch or export the PDF again")
    repair_wrapped_widths(doc)
    return doc


def page_fonts(page) -> list:
    """`page.get_fonts()`, looked up once a page for its document: the readers that ask for a page's
    fonts (its repairs of unnamed glyphs, its drawn bold faces) ask for the same page's several
    times, and each asking walks the page's whole resources, every image among them (USENIX ATC
    2013's TAO: 14,000 image masks on a page, a third of a second an asking). The list is shared:
    read it, never change it."""
    doc = page.parent
    cache = getattr(doc, "_paperkit_fonts", None)
    if cache is None:
        cache = {}
        try:
            doc._paperkit_fonts = cache
        except Exception:  # (a document that takes no attribute: every asking walks the resources)
            return page.get_fonts()
    found = cache.get(page.number)
    if found is None:
        found = cache[page.number] = page.get_fonts()
    return found


def coded_text(page, kind: str = "dict") -> dict:
    """`page.get_text(kind, flags=text_flags(), textpage=...)` ("dict" or "rawdict") of the page's
    text layer read by character code (`TEXT_CID_FOR_UNKNOWN_UNICODE`: an unnamed glyph gives its
    code, not U+FFFD), that layer made once a page for its document: the readers of a page whose
    fonts name no glyphs (glyph indices read as text, `shifted_codes`; fonts solved as ciphers,
    `unnamed_fonts`) each asked for it, and each making ran the page's whole content stream again
    (a page of a P2P 2010 paper three times over, a tenth of a second each). Only its blocks are
    the same as get_text's: the dict is made anew at each call, its page's width and height those
    of the page's crop box, as get_text gives them."""
    import pymupdf

    doc = page.parent
    cache = getattr(doc, "_paperkit_coded_text", None)
    if cache is None:
        cache = {}
        with contextlib.suppress(Exception):  # (a document that takes no attribute: made at every asking)
            doc._paperkit_coded_text = cache
    textpage = cache.get(page.number)
    if textpage is None:
        textpage = cache[page.number] = page.get_textpage(flags=text_flags() | pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE)
    return textpage.extractRAWDICT(cb=page.cropbox) if kind == "rawdict" else textpage.extractDICT(cb=page.cropbox)


def plain_text(page, kept: dict | None = None) -> dict:
    """`page.get_text("dict", flags=text_flags())`, from the page's text layer the parse kept (`kept`:
    page index -> TextPage as `page.get_textpage(flags=text_flags())` makes it, the one run over the
    page that made it with the page's marks, `paperkit.reading.ink.page_marks_and_text`) where it
    has it: no second run of the page's content stream. Only its blocks are read."""
    textpage = (kept or {}).get(page.number)
    if textpage is None:
        return page.get_text("dict", flags=text_flags())
    return textpage.extractDICT(cb=page.cropbox)


# cairo (poppler's `pdftocairo -pdf`, a browser's print to PDF) may write a re-embedded font's
# widths 65536 units too wide, a 16-bit wrap of its advances ("/Widths [0 65824 ...]" for 288):
# every letter then stands 65 ems after the one before, and the text layer breaks each word of the
# line apart (a line read as its first letter). A font whose every width is that far off (no
# glyph advances beyond 60 ems) gets its widths back, in memory, before any page is read.
_WRAP = 65536
_WRAPPED = 60000


def repair_wrapped_widths(doc) -> int:
    """Undo the 16-bit wrap of the widths of a copy written by cairo (only a document whose producer
    says cairo is looked at); returns how many fonts were repaired."""
    try:
        if "cairo" not in (doc.metadata or {}).get("producer", "").lower():
            return 0
    except Exception:
        return 0
    seen: set[int] = set()
    repaired = 0
    for index in range(doc.page_count):
        try:
            fonts = doc.get_page_fonts(index)
        except Exception:
            continue
        for font in fonts:
            xref = font[0]
            if xref in seen or xref <= 0:
                continue
            seen.add(xref)
            repaired += _unwrap_widths(doc, xref, "Widths")
            try:
                kind, value = doc.xref_get_key(xref, "DescendantFonts")
            except Exception:
                continue
            found = re.match(r"\[?\s*(\d+) 0 R", value) if kind in ("array", "xref") else None
            if found is not None:
                repaired += _unwrap_widths(doc, int(found[1]), "W")
    return repaired


def _unwrap_widths(doc, xref: int, key: str) -> int:
    """1 after taking 65536 off every width of the font's `key` array (Widths of a simple font, W
    of a composite one: codes, and runs of widths in brackets or one width for a range of codes)
    when every one that is not 0 is that far off; else 0, the array left as it was."""
    try:
        kind, value = doc.xref_get_key(xref, key)
    except Exception:
        return 0
    if kind != "array":
        return 0
    tokens = re.findall(r"\[|\]|[^\s\[\]]+", value.strip()[1:-1])
    if "R" in tokens:
        return 0  # an array holding references: left as it is
    try:
        numbers = [None if t in "[]" else float(t) for t in tokens]
    except ValueError:
        return 0
    widths, depth, run = set(), 0, []  # the places of the widths among the tokens
    for i, t in enumerate(tokens):
        if key == "Widths":
            widths.add(i)
        elif t == "[":
            depth, run = 1, []
        elif t == "]":
            depth = 0
        elif depth:
            widths.add(i)
        else:
            run.append(i)
            if len(run) == 3:  # first code, last code, their one width
                widths.add(i)
                run = []
    wide = [numbers[i] for i in widths if numbers[i]]
    if not wide or min(wide) < _WRAPPED:
        return 0
    fixed = [f"{numbers[i] - _WRAP:g}" if i in widths and numbers[i] else t for i, t in enumerate(tokens)]
    doc.xref_set_key(xref, key, "[" + " ".join(fixed) + "]")
    return 1


def text_layer_warning(doc, sample_pages: int = 5, *, known_text: Sequence[bool] = ()) -> str | None:
    """A warning when the first pages carry no extractable text (a scan without OCR).

    `known_text[i]` true says page i is already known to hold text (a caller that extracted its
    lines), so that page's text is not extracted a second time."""
    for index in range(min(sample_pages, doc.page_count)):
        if (index < len(known_text) and known_text[index]) or doc[index].get_text("text").strip():
            return None
    return NO_TEXT_WARNING


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:80] or type(exc).__name__


def text_flags() -> int:
    """The flags every reading of a page's text layer is made with (the parse's and its re-reads')."""
    import pymupdf

    # Ligatures are expanded ("ﬁ" → "fi") so that titles and captions read and compare as typed.
    return pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
