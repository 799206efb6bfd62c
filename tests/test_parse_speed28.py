"""Speed of `paperkit outline` without a change of its output (issue 14's speed aim), session 28.

- A `Line` pickles as its field values and is remade by `__init__` (a forked page reader sends its
  pages' lines back pickled): the same line comes back, every field, and no field's name is sent.
- The parser's and the bibliography reader's patterns written at their call sites are compiled
  through the store of compiled patterns (`paperkit.reading.patterns`), not by `re` itself in each
  command: parsing a paper compiles none of them with `re`.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from dataclasses import fields

import pymupdf

from paperkit.reading.parse import Line, _read_page


def _every_field_set() -> Line:
    return Line(page=3, x0=72.5, y0=100.25, x1=300.0, y1=110.75, text="¹The effect of x₂", size=9.5, bold=True,
                italic=True, math_chars=2, spans=[(72.5, 80.0, "¹", "b"), (80.0, 300.0, "The effect of x₂", "bi")],
                column=2, smallcaps=True, lineno=17, lead_mark="1", calls=["*", "†"], code=True, base=108.5,
                scripts=1, face="times", color=0xFF0000, underlined=True)


def test_a_line_pickles_as_its_field_values_and_comes_back_the_same():
    line = _every_field_set()
    line.text += " (read again)"  # (a field changed after the line was made: sent as it now is)
    data = pickle.dumps(line, protocol=pickle.HIGHEST_PROTOCOL)
    back = pickle.loads(data)
    assert type(back) is Line and back == line
    assert [getattr(back, f.name) for f in fields(Line)] == [getattr(line, f.name) for f in fields(Line)]
    assert back.spans is not line.spans and back.calls == ["*", "†"]
    assert b"math_chars" not in data and b"smallcaps" not in data  # (no field's name is sent)
    default = Line(page=0, x0=0.0, y0=0.0, x1=1.0, y1=1.0, text="a", size=10.0, bold=False, italic=False, math_chars=0)
    assert pickle.loads(pickle.dumps(default, protocol=2)) == default


def test_a_pages_reading_comes_back_from_a_pickle_the_same(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 90), "A heading", fontsize=14, fontname="hebo")
    page.insert_text((72, 120), "Running text of the page, in words and x", fontsize=10)
    page.insert_text((270, 123), "2", fontsize=6)
    page.draw_rect(pymupdf.Rect(72, 200, 300, 320), color=(0, 0, 0), fill=(0.8, 0.8, 0.8))
    page.insert_text((72, 340), "Figure 1: A grey box.", fontsize=9)
    path = tmp_path / "page.pdf"
    doc.save(path)
    with pymupdf.open(path) as doc:
        reading = _read_page(doc[0], 0)
    assert reading[0] and reading[1]  # (lines and a graphic's box: a page with both)
    assert pickle.loads(pickle.dumps(reading, protocol=pickle.HIGHEST_PROTOCOL)) == reading


_COMPILED_BY_RE = """
import json, sys
sys.modules['pymupdf.layout'] = None
sys.modules['pymupdf4llm'] = None
import re._compiler
real = re._compiler.compile
callers = []
def compile(pattern, flags=0):
    frame = sys._getframe(1)
    while frame is not None and (frame.f_code.co_filename.endswith(('re/__init__.py', 'patterns.py'))):
        frame = frame.f_back
    if frame is not None:
        callers.append(frame.f_code.co_filename.replace(chr(92), '/') + ':' + str(frame.f_lineno))
    return real(pattern, flags)
re._compiler.compile = compile
from paperkit.reading.demo import DEMO_PDF
from paperkit.reading.parse import parse_pdf
paper = parse_pdf(DEMO_PDF)
print(json.dumps({'callers': callers, 'references': len(paper.bibliography)}))
"""


def test_parsing_a_paper_compiles_none_of_the_parsers_patterns_with_re():
    done = subprocess.run([sys.executable, "-c", _COMPILED_BY_RE], capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path), PAPERKIT_PROCESSES="1"))
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got["references"] > 0  # (the bibliography reader ran too)
    assert [c for c in got["callers"] if "paperkit/reading/" in c] == []
