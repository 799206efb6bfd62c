"""Opening a PDF file, with one clear line for every way a file can fail to be a usable PDF.

The checks run from cheapest to dearest: does the file exist, is it empty, does it start like a
PDF (an HTML error page saved as .pdf is the classic failed download), does it end like one (a
download cut short has no `%%EOF`), can PyMuPDF open it, is it encrypted. A PDF without a text
layer (a scan) opens fine; `text_layer_warning` says so, because nothing can be parsed from it.
Nothing here writes to disk.
"""

from __future__ import annotations

import os
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


def open_pdf(path: str | os.PathLike, *, password: str | None = None):
    """Open a PDF with PyMuPDF, or raise a one-line PaperkitError saying what is wrong with it."""
    import pymupdf

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
    return doc


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
