"""Shared test set-up: no network, a private cache and no inherited workspace for every test."""

from __future__ import annotations

import gc
import os
import socket
from pathlib import Path

import pytest

# Two xdist workers share two cores: one intra-op thread each avoids oversubscription.
if os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("MKL_NUM_THREADS", "1")

FIXTURES = Path(__file__).parent / "fixtures"


class NetworkBlocked(RuntimeError):
    pass


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """Tests never touch the network: any connection outside loopback fails loudly."""
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and (host.startswith("127.") or host in ("localhost", "::1") or host.startswith("/")):
            return real_connect(self, address)
        raise NetworkBlocked(f"test tried to reach the network: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(autouse=True)
def _unfrozen():
    """`paperkit outline` freezes the objects its process made (it ends right after); tests run many
    commands in one process, so each test's frozen objects are handed back to the collector."""
    yield
    gc.unfreeze()


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path_factory):
    monkeypatch.setenv("PAPERKIT_CACHE", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("PAPERKIT_WORKSPACE", raising=False)


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """An empty workspace in a temporary folder, made the current directory."""
    from paperkit.workspace import init_workspace

    ws = init_workspace(tmp_path / "ws")
    monkeypatch.chdir(ws.root)
    return ws


@pytest.fixture
def run(capsys):
    """Invoke the `paperkit` CLI in-process: `run("papers", "list")` -> (exit code, stdout, stderr)."""
    from paperkit.cli import main

    def invoke(*argv: str) -> tuple[int, str, str]:
        try:
            main(list(argv))
            code = 0
        except SystemExit as exc:
            code = exc.code or 0
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke
