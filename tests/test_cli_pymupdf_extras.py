"""`paperkit outline` in its own process leaves PyMuPDF 2's optional layout analysis unloaded."""

import importlib.metadata
import subprocess
import sys

import pytest

pymupdf = pytest.importorskip("pymupdf")


def _installed(dist: str) -> bool:
    try:
        importlib.metadata.distribution(dist)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


@pytest.mark.skipif(not _installed("pymupdf_layout"), reason="pymupdf_layout is not installed: nothing to leave out")
def test_outline_command_does_not_load_pymupdf_layout(tmp_path):
    pdf = tmp_path / "one.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "A Title of a Paper", fontsize=16)
    doc.save(pdf)
    # (looked at when the process ends: `main` ends the process of an outline itself, cli._end_now)
    code = ("import atexit, sys\nfrom paperkit.cli import main\n"
            "atexit.register(lambda: print('LOADED' if any(m == 'onnxruntime' or m.startswith('pymupdf.layout.') "
            "for m in sys.modules) else 'ABSENT'))\n"
            f"sys.argv = ['paperkit', 'outline', '--json', {str(pdf)!r}]\n"
            "main()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**__import__("os").environ, "PAPERKIT_CACHE": str(tmp_path / "cache")})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "ABSENT"
    assert '"title"' in done.stdout  # the outline itself was written
