"""Find the reproduction plugin for a paper, so pass 3 can offer `paperkit reproduce <name> --overfit`.

The plugin registry lists plugins without importing torch; when it is not available this falls
back to reading `reproductions/*/plugin.py` as text and looking for the paper's id.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from paperkit.tui.reading_list import is_arxiv_id
from paperkit.workspace import Workspace

_NAME = re.compile(r"""\bname\s*(?::\s*\w+\s*)?=\s*["']([\w.-]+)["']""")


def overfit_command(name: str) -> str:
    return f"paperkit reproduce {name} --overfit"


def reproduction_for(paper_id: str, workspace: Workspace | None = None) -> str | None:
    base = re.sub(r"v\d+$", "", paper_id)
    found = _from_registry(base, workspace)
    if found is not None:
        return found
    if not is_arxiv_id(base):
        return None  # a file-name id ("paper", "draft") would match any plugin that happens to contain the word
    cited = re.compile(rf"(?<![\w.]){re.escape(base)}(?![\d])")
    for folder in _plugin_folders(workspace):
        for plugin in sorted(folder.glob("*/plugin.py")):
            text = plugin.read_text(encoding="utf-8", errors="replace")
            if cited.search(text):
                match = _NAME.search(text)
                return match.group(1) if match else plugin.parent.name
    return None


def _from_registry(base: str, workspace: Workspace | None) -> str | None:
    try:
        from paperkit import registry
    except ImportError:
        return None
    try:
        found = registry.discover(workspace.reproductions_dir if workspace is not None else None)
    except Exception:  # a broken plugin folder must not keep the reader from opening; the text scan still runs
        return None
    for info in found.plugins.values():
        if base in (re.sub(r"v\d+$", "", str(p)) for p in info.papers):
            return info.name
    return None


def _plugin_folders(workspace: Workspace | None) -> list[Path]:
    folders = []
    if workspace is not None and workspace.reproductions_dir.is_dir():
        folders.append(workspace.reproductions_dir)
    spec = importlib.util.find_spec("reproductions")
    if spec is not None and spec.submodule_search_locations:
        folders += [Path(p) for p in spec.submodule_search_locations if Path(p).is_dir()]
    return folders
