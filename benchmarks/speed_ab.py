"""Two parsers' `paperkit outline --json` against one bare PyMuPDF pass, interleaved on the same PDFs.

For speed work: a whole timed bench_real run takes long on a shared 2-core machine, and its ratios
move with the load. This runs, per PDF and per repeat, the bare process (open the PDF, get_text("dict")
on every page), the OLD tree's command and the NEW tree's command one after another, each a fresh
process with a cold paperkit cache, and prints the best of the repeats as ratios to the bare time.
Both sides leave out pymupdf.layout and pymupdf4llm, as bench_outline's timing does.

Run: python -m benchmarks.speed_ab OLD_TREE NEW_TREE REPEATS PDF [PDF ...]
(a tree is a checkout of this repository, e.g. `git worktree add --detach OLD COMMIT`; the
interpreter is this one.)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

_NO_LAYOUT = "import sys\nsys.modules['pymupdf.layout'] = None\nsys.modules['pymupdf4llm'] = None\n"
BARE = _NO_LAYOUT + "import pymupdf\nfor page in pymupdf.open(sys.argv[1]):\n    page.get_text('dict')\n"
OURS = _NO_LAYOUT + "from paperkit.cli import main\nsys.argv = ['paperkit', 'outline', '--json', sys.argv[1]]\nmain()\n"


def _seconds(script: str, pdf: str, tree: str) -> float:
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, PAPERKIT_CACHE=cache, PYTHONPATH=tree)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", script, pdf], cwd=tree, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 4:
        print(__doc__.strip().splitlines()[-3])
        return 2
    old, new, repeats, pdfs = args[0], args[1], int(args[2]), args[3:]
    ratios = []
    for pdf in pdfs:
        bare, before, after = [], [], []
        for _ in range(repeats):
            bare.append(_seconds(BARE, pdf, new))
            before.append(_seconds(OURS, pdf, old))
            after.append(_seconds(OURS, pdf, new))
        ratios.append((min(before) / min(bare), min(after) / min(bare)))
        print(f"{os.path.basename(pdf)[:50]:50s} bare {min(bare):.3f} s  old {ratios[-1][0]:.2f}x  "
              f"new {ratios[-1][1]:.2f}x  load {os.getloadavg()[0]:.1f}", flush=True)
    print(f"median old {statistics.median(r[0] for r in ratios):.2f}x, new {statistics.median(r[1] for r in ratios):.2f}x; "
          f"over 1.5x: old {sum(r[0] > 1.5 for r in ratios)}, new {sum(r[1] > 1.5 for r in ratios)} of {len(ratios)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
