"""benchmarks/speed_ab.py: two trees' outline commands timed against a bare PyMuPDF pass."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from benchmarks import speed_ab

ROOT = Path(__file__).resolve().parent.parent


def test_prints_each_pdf_and_the_medians(tmp_path, capsys):
    pdf = tmp_path / "one.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "A page of text for the timing.", fontsize=11)
    doc.save(pdf)
    assert speed_ab.main([str(ROOT), str(ROOT), "1", str(pdf)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("one.pdf") and " old " in out[0] and " new " in out[0]
    assert out[-1].startswith("median old ") and "of 1" in out[-1]


def test_too_few_arguments_say_how_to_run(capsys):
    assert speed_ab.main(["only-one"]) == 2
    assert "python -m benchmarks.speed_ab" in capsys.readouterr().out
