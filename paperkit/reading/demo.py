"""The demo paper `paperkit read --demo` opens: a PDF shipped as package data.

It is written once by `python -m corpus.make_demo` (a generated colorization study, ours to
ship) and opened like any cached paper: nothing is generated at run time.
"""

from __future__ import annotations

from pathlib import Path

DEMO_PDF = Path(__file__).with_name("demo") / "colorization-demo.pdf"
