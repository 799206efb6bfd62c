"""Generated sample papers for tests and benchmarks (never imported by the runtime package).

`samples` typesets papers of many styles with PyMuPDF and records their truth (sections,
captions, sentences) for the parser's tests and `benchmarks/bench_outline.py`; the LaTeX corpus
with truth from TeX lives in `tests/fixtures/latex/`. `make_demo` writes the demo paper that
`paperkit read --demo` opens, shipped as package data.
"""
