"""Every kind of unusable input gives one line, a non-zero exit, and nothing written."""

from __future__ import annotations

import os

import pytest

from paperkit.cli import main
from paperkit.errors import InvalidInputError, NotFoundError
from paperkit.reading.parse import parse_pdf
from paperkit.reading.pdf import NO_TEXT_WARNING, PasswordRequired, open_pdf


def _small_pdf() -> bytes:
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "1 Introduction", fontname="tibo", fontsize=12)
    page.insert_text((72, 90), "A small paper about colorization as a pretext task.", fontname="tiro", fontsize=10)
    data = doc.tobytes()
    doc.close()
    return data


@pytest.fixture
def files(tmp_path):
    import random

    import pymupdf

    out = {}
    out["empty"] = tmp_path / "empty.pdf"
    out["empty"].write_bytes(b"")
    out["random"] = tmp_path / "random.pdf"
    out["random"].write_bytes(random.Random(3).randbytes(5000))
    out["html"] = tmp_path / "page.pdf"
    out["html"].write_text("<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head><body>captcha</body></html>")
    full = _small_pdf()
    out["truncated"] = tmp_path / "truncated.pdf"
    out["truncated"].write_bytes(full[: len(full) // 2])
    doc = pymupdf.open(stream=full, filetype="pdf")
    out["encrypted"] = tmp_path / "encrypted.pdf"
    doc.save(out["encrypted"], encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="s3cret", owner_pw="owner-pw")
    doc.close()
    # A "scan": the page is only an image, there is no text layer.
    scan = pymupdf.open()
    page = scan.new_page()
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 200, 260), False)
    pix.set_rect(pix.irect, (235,))
    pix.set_rect(pymupdf.IRect(20, 20, 180, 30), (20,))
    page.insert_image(page.rect, pixmap=pix)
    out["scan"] = tmp_path / "scan.pdf"
    scan.save(out["scan"])
    scan.close()
    return out


def _listing(folder) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.mark.parametrize(
    "name, error, words",
    [
        ("empty", InvalidInputError, "empty"),
        ("random", InvalidInputError, "not a PDF"),
        ("html", InvalidInputError, "HTML page"),
        ("truncated", InvalidInputError, "truncated"),
        ("encrypted", PasswordRequired, "encrypted"),
    ],
)
def test_bad_files_raise_one_line_errors(files, name, error, words):
    with pytest.raises(error) as info:
        open_pdf(files[name])
    message = str(info.value)
    assert words in message and "\n" not in message
    assert info.value.hint  # always says what to do


def test_missing_file(tmp_path):
    with pytest.raises(NotFoundError, match="no such file"):
        parse_pdf(tmp_path / "nope.pdf")


def test_folder_is_not_a_pdf(tmp_path):
    with pytest.raises(InvalidInputError, match="folder"):
        open_pdf(tmp_path)


def test_encrypted_pdf_needs_the_right_password(files):
    with pytest.raises(InvalidInputError, match="wrong password"):
        open_pdf(files["encrypted"], password="guess")
    paper = parse_pdf(files["encrypted"], password="s3cret")
    assert paper.pages == 1
    assert paper.sections and paper.sections[0].title == "Introduction"


def test_scanned_pdf_opens_with_a_warning(files):
    paper = parse_pdf(files["scan"])
    assert paper.pages == 1
    assert NO_TEXT_WARNING in paper.warnings
    assert paper.sections == () and paper.references == ()


@pytest.mark.parametrize("name, code", [("empty", 1), ("random", 1), ("html", 1), ("truncated", 1), ("encrypted", 2)])
def test_cli_prints_one_line_and_writes_nothing(files, name, code, capsys, tmp_path):
    cache = os.environ["PAPERKIT_CACHE"]
    from pathlib import Path

    before_cache, before_files = _listing(Path(cache)), _listing(tmp_path)
    with pytest.raises(SystemExit) as exited:
        main(["outline", str(files[name])])
    assert exited.value.code == code
    err = capsys.readouterr().err.strip()
    assert err.startswith("paperkit: error:") and len(err.splitlines()) == 1
    assert _listing(Path(cache)) == before_cache and _listing(tmp_path) == before_files


def test_cli_missing_file_exit_code(tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["outline", str(tmp_path / "missing.pdf")])
    assert exited.value.code == 1
    assert "no such file" in capsys.readouterr().err


def test_cli_wrong_password(files, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["outline", str(files["encrypted"]), "--password", "guess"])
    assert exited.value.code == 1
    assert "wrong password" in capsys.readouterr().err


def test_cli_scan_warns_and_succeeds(files, capsys):
    main(["outline", str(files["scan"])])
    captured = capsys.readouterr()
    assert "warning: no text layer" in captured.err
    assert "1 pages" in captured.out
