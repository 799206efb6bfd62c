"""`reproduce --nproc 2`: two gloo processes through torchrun train the tiny plugin like one process does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from click.testing import CliRunner

from _plugins import add_broken, add_tiny
from paperkit.cli import cli
from paperkit.training.records import load_run

# 100 images in batches of 20: 5 steps per epoch, 2 epochs, both arms.
SMALL = ["--set", "data.train_size=100", "--set", "data.test_size=50", "--set", "train.batch_size=20"]


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


def _only_run(root: Path) -> Path:
    (run_dir,) = [p for p in root.iterdir() if p.is_dir()]
    return run_dir


def _done(run_dir: Path, stage: str) -> dict:
    return torch.load(run_dir / "checkpoints" / f"{stage}.done.pt", weights_only=False)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The same experiment with --nproc 2 and with one process, in two workspaces."""
    import os

    from paperkit.workspace import init_workspace

    made = {}
    old = Path.cwd()
    try:
        for nproc in ("2", "1"):
            ws = init_workspace(tmp_path_factory.mktemp(f"ddp{nproc}") / "ws")
            add_tiny(ws.reproductions_dir)
            os.chdir(ws.root)
            result = invoke("reproduce", "tiny", "--nproc", nproc, "--seed", "1", "--seeds", "1", *SMALL)
            assert result.exit_code == 0, (result.output, result.exception)
            made[nproc] = _only_run(ws.runs_root / "tiny")
    finally:
        os.chdir(old)
    return made


@pytest.mark.slow
def test_both_ranks_end_with_identical_weights(runs):
    for stage in ("baseline", "method"):
        ranks = _done(runs["2"], stage)["history"]["ranks"]
        assert ranks["world_size"] == 2
        assert ranks["weights_digests"][0] == ranks["weights_digests"][1]


@pytest.mark.slow
def test_two_processes_follow_the_one_process_loss_curve(runs):
    two, one = load_run(runs["2"]), load_run(runs["1"])
    assert two.status == one.status == "finished"
    assert two.extra["nproc"] == 2 and one.extra["nproc"] == 1
    curve_two = [(m["stage"], m["epoch"], m["loss"]) for m in two.metrics()]
    curve_one = [(m["stage"], m["epoch"], m["loss"]) for m in one.metrics()]
    # Only rank 0 writes: one line per epoch and stage, as in the one-process run.
    assert [c[:2] for c in curve_two] == [c[:2] for c in curve_one] == [
        ("baseline", 1), ("baseline", 2), ("method", 1), ("method", 2)]
    # Same global batches; only the order of floating-point sums differs.
    assert [c[2] for c in curve_two] == pytest.approx([c[2] for c in curve_one], rel=1e-4)
    for stage in ("baseline", "method"):
        a, b = _done(runs["2"], stage)["model"], _done(runs["1"], stage)["model"]
        for key in a:
            torch.testing.assert_close(a[key], b[key], rtol=1e-4, atol=1e-5)
    assert not (runs["2"] / "ddp-errors").exists()
    assert json.loads((runs["2"] / "ddp-launch.json").read_text())["plugin"] == "tiny"


def test_a_worker_error_reaches_the_command_as_one_line(workspace, monkeypatch):
    """A worker (here in this process, in a group of one) records its error; the launcher raises it."""
    import socket

    from paperkit.config import apply_overrides, to_dict
    from paperkit.training.launch import ERROR_DIR, _worker_error, worker_main
    from paperkit.errors import PaperkitError
    from paperkit.training.registry import discover
    from paperkit.errors import NonFiniteLoss

    add_tiny(workspace.reproductions_dir)
    add_broken(workspace.reproductions_dir, "tiny_nan")
    plugin = discover(workspace.reproductions_dir, entry_points=False).create("tiny_nan")
    config = apply_overrides(plugin.default_config(), {"data.train_size": 100, "data.test_size": 20})
    run_dir = workspace.runs_root / "tiny_nan" / "r"
    run_dir.mkdir(parents=True)
    spec = {"plugin": "tiny_nan", "config": to_dict(config), "seed": 0, "arms": ["baseline"], "run_dir": str(run_dir),
            "device": "cpu", "progress": False, "resume_hint": "h", "argv": ["reproduce"], "resume": False,
            "git_path": str(workspace.root)}
    (run_dir / "spec.json").write_text(json.dumps(spec))
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    for key, value in {"RANK": "0", "WORLD_SIZE": "1", "LOCAL_RANK": "0", "MASTER_ADDR": "127.0.0.1",
                       "MASTER_PORT": str(port)}.items():
        monkeypatch.setenv(key, value)
    assert worker_main(str(run_dir / "spec.json")) == 1
    assert load_run(run_dir).status == "diverged"  # a NaN loss, not a crash
    error = _worker_error(run_dir / ERROR_DIR, RuntimeError("worker 0 failed"))
    assert isinstance(error, NonFiniteLoss) and "\n" not in str(error)
    assert "loss is nan in stage baseline, epoch 2, step 1 (global step 4)" in str(error)  # 2 steps per epoch
    generic = _worker_error(run_dir / "nothing-here", RuntimeError("killed"))
    assert type(generic) is PaperkitError and "worker failed" in str(generic)


def test_what_cannot_be_split_is_refused_before_a_run_starts(workspace):
    add_tiny(workspace.reproductions_dir)
    uneven = invoke("reproduce", "tiny", "--nproc", "2", "--set", "train.batch_size=25")
    assert uneven.exit_code != 0 and "train.batch_size 25 does not split over 2" in str(uneven.exception)
    overfit = invoke("reproduce", "tiny", "--nproc", "2", "--overfit")
    assert overfit.exit_code != 0 and "one process" in str(overfit.exception)
    assert "at least 1" in str(invoke("reproduce", "tiny", "--nproc", "0").exception)
    assert not workspace.runs_root.exists() or not any(workspace.runs_root.rglob("run.toml"))


# 1000 images in batches of 20: 50 steps per epoch, 8 epochs, baseline arm only.
LONGER = ["--baseline-only", "--seed", "2", "--seeds", "1", "--set", "data.train_size=1000", "--set", "data.test_size=50",
          "--set", "train.batch_size=20", "--set", "train.epochs=8"]


def _epoch_losses(run_dir: Path) -> list[tuple[str, int, float]]:
    return [(m["stage"], m["epoch"], m["loss"]) for m in load_run(run_dir).metrics()]


@pytest.mark.slow
def test_ctrl_c_stops_both_workers_at_one_step_and_resume_ends_as_an_uninterrupted_run(workspace):
    """Ctrl-C in the terminal: SIGINT to the command's process group, once the first epoch is logged."""
    import os
    import signal
    import subprocess
    import sys
    import time

    add_tiny(workspace.reproductions_dir)
    command = [sys.executable, "-m", "paperkit", "reproduce", "tiny", "--nproc", "2", *LONGER]
    proc = subprocess.Popen(command, cwd=workspace.root, start_new_session=True, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    root = workspace.runs_root / "tiny"
    deadline = time.monotonic() + 120
    while not any(root.glob("*/metrics.jsonl")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    (message,) = [line for line in stderr.splitlines() if line.startswith("paperkit:")]
    assert "interrupted in stage baseline" in message and "checkpoint saved" in message
    run_dir = _only_run(root)
    assert load_run(run_dir).status == "interrupted"
    assert (run_dir / "checkpoints" / "baseline.pt").exists()
    stopped_at = len(_epoch_losses(run_dir))
    assert 1 <= stopped_at < 8

    resumed = invoke("reproduce", "tiny", "--nproc", "2", "--resume", run_dir.name)
    assert resumed.exit_code == 0, (resumed.output, resumed.exception)
    fresh = invoke("reproduce", "tiny", "--nproc", "2", *LONGER)
    assert fresh.exit_code == 0, (fresh.output, fresh.exception)
    (reference,) = [p for p in root.iterdir() if p.is_dir() and p != run_dir]
    # Gloo sums two ranks' numbers in a fixed order, so the split run repeats the uninterrupted one exactly.
    assert _epoch_losses(run_dir) == _epoch_losses(reference)
    assert load_run(run_dir).result["arms"] == load_run(reference).result["arms"]
    assert _done(run_dir, "baseline")["history"]["ranks"]["weights_digests"] == \
        _done(reference, "baseline")["history"]["ranks"]["weights_digests"]
