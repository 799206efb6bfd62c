"""The command writes paperkit's bytecode cache itself where Python writes none (PYTHONDONTWRITEBYTECODE)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import paperkit


def _copy(tmp_path: Path) -> Path:
    """paperkit's package copied without any bytecode, as a fresh editable checkout has it."""
    shutil.copytree(Path(paperkit.__file__).parent, tmp_path / "paperkit",
                    ignore=shutil.ignore_patterns("*.pyc", "*.marshal"))
    return tmp_path / "paperkit" / "reading" / "parse.py"


def _run(tmp_path: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(tmp_path), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-m", "paperkit", "--version"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)


def test_a_command_compiles_the_package_where_python_writes_no_bytecode(tmp_path):
    source = _copy(tmp_path)
    cached = Path(importlib.util.cache_from_source(str(source)))
    assert not cached.exists()
    done = _run(tmp_path)
    assert done.returncode == 0, done.stderr
    assert cached.exists()
    # (what Python itself would load: the header names this source's size)
    assert int.from_bytes(cached.read_bytes()[12:16], "little") == source.stat().st_size


def test_a_stale_cache_is_compiled_again(tmp_path):
    source = _copy(tmp_path)
    assert _run(tmp_path).returncode == 0
    source.write_text(source.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert _run(tmp_path).returncode == 0
    cached = Path(importlib.util.cache_from_source(str(source)))
    assert int.from_bytes(cached.read_bytes()[12:16], "little") == source.stat().st_size


def test_a_package_folder_it_may_not_write_is_left_alone(monkeypatch, tmp_path):
    # (as root every folder is writable: the folder's answer is stood in for)
    import compileall
    import importlib.util

    from paperkit import cli

    compiled = []
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(importlib.util, "cache_from_source", lambda source: str(tmp_path / "absent.pyc"))
    monkeypatch.setattr(compileall, "compile_dir", lambda *args, **kwargs: compiled.append(args))
    monkeypatch.setattr(cli.os, "access", lambda path, mode: False)
    cli._own_bytecode()
    assert compiled == []
    monkeypatch.setattr(cli.os, "access", lambda path, mode: True)
    cli._own_bytecode()
    assert len(compiled) == 1
