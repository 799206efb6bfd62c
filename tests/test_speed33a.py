"""Speed of `paperkit outline` without a change of its output (issue 14's speed aim, session 33, a):

- the readers few papers need live in their own modules, imported only by a paper that needs
  them: `paperkit.reading.lost_spaces` (a text layer that lost its word spaces, read again letter
  by letter), `paperkit.reading.unnamed_fonts` (fonts whose glyphs no text layer names, solved as
  ciphers) and `paperkit.reading.glyph_repairs` (spans of degenerate size, glyphs named only by
  their font program). `paperkit outline` on a plain paper loads none of them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pymupdf

from pdf_pages import prose
from tests.test_parse_spaces30 import _reprinted_page

ROOT = Path(__file__).resolve().parents[1]
RARE = ("paperkit.reading.lost_spaces", "paperkit.reading.unnamed_fonts", "paperkit.reading.glyph_repairs")

# `paperkit outline --json PDF` in a fresh process; its loaded modules written to stderr as JSON.
_OUTLINE = """
import json, sys
from paperkit.cli import main
main(["outline", "--json", sys.argv[1]])
sys.stderr.write(json.dumps(sorted(sys.modules)))
"""


def _outline_modules(pdf: Path, cache: Path) -> tuple[dict, set[str]]:
    env = dict(os.environ, PAPERKIT_CACHE=str(cache), PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", _OUTLINE, str(pdf)], capture_output=True, text=True,
                          check=True, env=env, cwd=ROOT)
    return json.loads(done.stdout), set(json.loads(done.stderr.strip().splitlines()[-1]))


def _plain_paper(path: Path) -> None:
    doc = pymupdf.open()
    for k in range(4):
        page = doc.new_page(width=612, height=792)
        if k == 0:
            page.insert_text((72, 60), "Reading Plain Pages", fontname="hebo", fontsize=16)
            page.insert_text((72, 130), "1 Introduction", fontname="hebo", fontsize=12)
        prose(page, 72, 540, 140 if k == 0 else 72, 720)
    doc.save(path)


def test_a_plain_papers_outline_loads_none_of_the_readers_few_papers_need(tmp_path):
    _plain_paper(tmp_path / "plain.pdf")
    outline, modules = _outline_modules(tmp_path / "plain.pdf", tmp_path / "cache")
    assert outline["title"] == "Reading Plain Pages"
    assert "paperkit.reading.parse" in modules  # (the premise: the parse ran in that process)
    assert not modules & set(RARE), modules & set(RARE)


def test_a_paper_that_lost_its_spaces_loads_the_lost_space_reader_and_reads_them(tmp_path):
    (tmp_path / "reprinted.pdf").write_bytes(_reprinted_page(narrow_every=5))
    outline, modules = _outline_modules(tmp_path / "reprinted.pdf", tmp_path / "cache")
    assert "paperkit.reading.lost_spaces" in modules
    text = json.dumps(outline)
    assert "kept track of every task" in text
