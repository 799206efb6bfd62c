"""The framework tests' plugins: "tiny" is what `paperkit new-reproduction` writes, the rest break it.

tests/plugins/ holds the deliberately broken variants (each a subclass of the scaffolded plugin
overriding one thing) and tiny_random (healthy, random everywhere, for the exact-resume tests);
`plugins_folder` lays them out beside a freshly scaffolded "tiny" so the scaffold template is the
single copy of the healthy plugin.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from paperkit.training.scaffold import scaffold

BROKEN = Path(__file__).parent / "plugins"
TINY_PAPER = "1234.56789"
TINY_TITLE = "A tiny test reproduction"


def add_tiny(reproductions_dir: Path) -> Path:
    return scaffold(reproductions_dir, "tiny", TINY_PAPER, TINY_TITLE)


def add_broken(reproductions_dir: Path, name: str) -> Path:
    """Copy tests/plugins/<name> (it imports the tiny plugin, which must be there too)."""
    return Path(shutil.copytree(BROKEN / name, reproductions_dir / name))


def plugins_folder(dest: Path) -> Path:
    """`dest` holding tiny and every broken variant, ready for `registry.discover(dest)`."""
    dest.mkdir(parents=True, exist_ok=True)
    add_tiny(dest)
    for folder in sorted(BROKEN.iterdir()):
        if (folder / "plugin.py").is_file():
            add_broken(dest, folder.name)
    return dest
