"""MuPDF's complaints about a damaged file go to standard error, never into `outline --json`'s JSON."""
import json
import os
import subprocess
import sys

import pymupdf


def _damaged(path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "The method is described here. It reads a damaged file.")
    contents = page.get_contents()[0]
    # (a page's content list names an object the file does not hold as a stream)
    doc.xref_set_key(page.xref, "Contents", f"[{contents} 0 R 999 0 R]")
    doc.save(path)
    doc.close()


def test_mupdf_messages_go_to_stderr_and_json_stays_valid(tmp_path):
    pdf = tmp_path / "damaged.pdf"
    _damaged(pdf)
    env = dict(os.environ, PAPERKIT_CACHE=str(tmp_path / "cache"))
    done = subprocess.run([sys.executable, "-m", "paperkit", "outline", str(pdf), "--json"],
                          capture_output=True, text=True, env=env, check=True)
    assert "MuPDF error" not in done.stdout
    assert "MuPDF error" in done.stderr
    assert json.loads(done.stdout)["pages"] == 1
