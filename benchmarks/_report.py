"""Write a benchmark's latest figures into its own section of docs/BENCHMARKS.md."""

from __future__ import annotations

import datetime as _dt
import platform
import re
from pathlib import Path

BENCHMARKS_MD = Path(__file__).resolve().parent.parent / "docs" / "BENCHMARKS.md"
HEADER = "# Benchmarks\n\nLatest figures, one section per benchmark, each written by the command shown in it.\n"


def machine() -> str:
    import os

    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def update_section(key: str, title: str, command: str, body: str) -> Path:
    """Replace (or append) the section `key` of docs/BENCHMARKS.md."""
    from paperkit.files import atomic_write_text, locked

    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    section = (
        f"<!-- section:{key} -->\n## {title}\n\n"
        f"Command: `{command}`  \nMeasured: {stamp} on {machine()}\n\n{body.strip()}\n"
        f"<!-- /section:{key} -->\n"
    )
    with locked(BENCHMARKS_MD):
        text = BENCHMARKS_MD.read_text(encoding="utf-8") if BENCHMARKS_MD.exists() else HEADER
        pattern = re.compile(rf"<!-- section:{re.escape(key)} -->.*?<!-- /section:{re.escape(key)} -->\n", re.DOTALL)
        if pattern.search(text):
            text = pattern.sub(lambda _: section, text)
        else:
            text = text.rstrip("\n") + "\n\n" + section
        atomic_write_text(BENCHMARKS_MD, text)
    return BENCHMARKS_MD
