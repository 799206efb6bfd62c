"""Data-parallel training (`paperkit reproduce NAME --nproc N`) through torchrun and DDP.

The command's process launches torch's own elastic launcher (`torch.distributed.run`, what the
`torchrun` command runs) with N worker processes on this machine. Each worker runs this module:
it joins the process group (gloo on the CPU, NCCL on CUDA, one GPU per worker), builds the same
plugin and config from a launch file in the run folder, and runs the experiment through
`paperkit.training.experiment.execute` with a `Distributed` handle. `Runner.fit` then

* wraps the task's model in `DistributedDataParallel`, which averages gradients over the workers;
* gives each worker a disjoint slice of every global batch (DistributedSampler's rank::world
  striding), so the global batch size stays what the config says;
* lets only rank 0 write the run record, checkpoints, metrics and the progress bar;
* checks at the end of every stage that all workers hold bit-identical weights.

A worker that fails with a `PaperkitError` writes it to the run folder before exiting, so the
command still prints one line, not torchrun's report.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from paperkit.errors import Interrupted, PaperkitError, UsageError
from paperkit.training.distributed import Distributed

LAUNCH_FILE = "ddp-launch.json"
ERROR_DIR = "ddp-errors"


# =====================================================================================
# The command's side: launch the workers
# =====================================================================================


def check_nproc(nproc: int, device: str | None) -> str:
    """The device kind the workers use ("cpu" or "cuda"); refuses what DDP cannot do here."""
    if nproc < 1:
        raise UsageError(f"--nproc must be at least 1, got {nproc}")
    from paperkit.training.runner import choose_device

    kind = choose_device(device).type
    if kind == "mps":
        raise UsageError("--nproc > 1 needs CPU or CUDA devices; MPS has no DDP backend", hint="add --device cpu")
    if kind == "cuda":
        import torch

        if nproc > torch.cuda.device_count():
            raise UsageError(f"--nproc {nproc} asks for more GPUs than the {torch.cuda.device_count()} visible")
    return kind


def check_batches(config: Any, nproc: int) -> None:
    """Every training stage's batch must split evenly over the processes (checked before launching)."""
    from paperkit.config import OptimConfig
    from paperkit.training.experiment import typed_fields

    for name in typed_fields(config, OptimConfig):
        batch = _get(config, name).batch_size
        if batch % nproc:
            raise UsageError(
                f"{name}.batch_size {batch} does not split over {nproc} processes",
                hint=f"use a multiple of {nproc}, e.g. --set {name}.batch_size={batch - batch % nproc or nproc}",
            )


def _get(config: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        config = getattr(config, part)
    return config


def launch(spec: dict[str, Any], run_dir: Path, nproc: int) -> None:
    """Run the experiment described by `spec` in `nproc` workers started by torch.distributed.run."""
    from torch.distributed.elastic.multiprocessing.api import SignalException
    from torch.distributed.elastic.multiprocessing.errors import ChildFailedError
    from torch.distributed.run import parse_args, run

    from paperkit.files import atomic_write_text

    spec_path = run_dir / LAUNCH_FILE
    atomic_write_text(spec_path, json.dumps(spec, indent=2) + "\n")
    errors = run_dir / ERROR_DIR
    # One intra-op thread pool per worker sized to its share of the cores (torchrun would pick 1 and warn).
    os.environ.setdefault("OMP_NUM_THREADS", str(max(1, (os.cpu_count() or 1) // nproc)))
    args = parse_args([
        "--standalone", f"--nproc-per-node={nproc}", "--max-restarts=0", "--monitor-interval=0.2",
        "-m", "paperkit.training.launch", str(spec_path),
    ])
    for stale in errors.glob("rank*.json") if errors.is_dir() else []:  # from an earlier, failed launch
        stale.unlink()
    try:
        run(args)
    except ChildFailedError as exc:
        raise _worker_error(errors, exc) from None
    except SignalException as exc:
        # Ctrl-C (or a SIGTERM) reached the launcher. The workers run in sessions of their own, so
        # only the launcher's forwarded signal reaches them; by now it has waited for them to stop
        # at a common step and checkpoint (each wrote an Interrupted report), or killed them.
        # No report means no worker got as far as one (stopped in start-up, or killed): the last epoch's checkpoint stands.
        unreported = Interrupted(f"interrupted ({exc}) before the workers checkpointed", hint=spec["resume_hint"])
        raise _worker_error(errors, exc, fallback=unreported) from None


def _worker_error(errors: Path, exc: Exception, fallback: PaperkitError | None = None) -> PaperkitError:
    """The first worker's recorded error; else `fallback`, or a generic one naming the exit code."""
    reports = sorted(errors.glob("rank*.json")) if errors.is_dir() else []
    for path in reports:
        data = json.loads(path.read_text(encoding="utf-8"))
        error = _error_classes().get(data["kind"], PaperkitError)(data["message"], hint=data.get("hint"))
        error.exit_code = data.get("exit_code", error.exit_code)
        return error
    if fallback is not None:
        return fallback
    first = next(iter(getattr(exc, "failures", {}).values()), None)
    code = getattr(first, "exitcode", "?")
    return PaperkitError(f"a training worker failed (exit code {code})", hint="its traceback is printed above")


def _error_classes() -> dict[str, type[PaperkitError]]:
    from paperkit import errors

    return {c.__name__: c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, PaperkitError)}


# =====================================================================================
# The worker's entry point: python -m paperkit.training.launch LAUNCH_FILE
# =====================================================================================


def worker_main(spec_path: str) -> int:
    import torch
    import torch.distributed as dist

    spec = json.loads(Path(spec_path).read_text(encoding="utf-8"))
    rank, world = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])
    local_rank = int(os.environ.get("LOCAL_RANK", rank))
    run_dir = Path(spec["run_dir"])
    if spec["device"] == "cuda":
        device = torch.device("cuda", local_rank)
        torch.cuda.set_device(device)
        dist.init_process_group("nccl", device_id=device)
    else:
        device = torch.device("cpu")
        dist.init_process_group("gloo")
    code = 0
    try:
        from paperkit.training.experiment import config_from_record, execute
        from paperkit.training.records import load_run
        from paperkit.training.registry import workspace_registry

        plugin = workspace_registry().create(spec["plugin"])
        config = config_from_record(plugin, spec["config"])
        record = load_run(run_dir) if spec["resume"] and rank == 0 else None
        execute(
            plugin, config, seed=spec["seed"], seeds=tuple(spec.get("seeds", [spec["seed"]])), arms=tuple(spec["arms"]),
            run_dir=run_dir, device=str(device),
            progress=spec["progress"], resume_hint=spec["resume_hint"], argv=spec["argv"], record=record,
            distributed=Distributed(rank, world, device), git_path=Path(spec["git_path"]),
            precision=spec.get("precision"),
        )
    except PaperkitError as exc:
        from paperkit.files import atomic_write_text

        code = exc.exit_code
        report = {"kind": type(exc).__name__, "message": exc.message, "hint": exc.hint, "exit_code": code}
        atomic_write_text(run_dir / ERROR_DIR / f"rank{rank}.json", json.dumps(report) + "\n")
    finally:
        dist.destroy_process_group()
    return code


if __name__ == "__main__":
    # (the worker's work is written and its process group destroyed: it leaves without the
    # interpreter's teardown, in which torch 2.14's Gloo threads, still joinable, sometimes abort
    # the process, "terminate called without an active exception", exit code -6, after a run that
    # finished: tests/test_ddp.py failed so about one run in four on a quiet 2-core machine, none in
    # ten this way)
    code = worker_main(sys.argv[1])
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
