"""The training runner: the `RunContext` a plugin's `run` receives.

Whole datasets sit on the device as uint8 tensors; a batch is an index into them, converted to
float in [0, 1] and augmented as batched tensor ops. Image batches and convolution weights are
channels_last on the CPU and on CUDA (the layout oneDNN's and cuDNN's fastest kernels use), and
the training forward pass runs under bf16 autocast on CUDA, or wherever `precision="bf16"` asks.

Every epoch ends with an atomic checkpoint of everything that decides what happens next (model,
optimizer, schedule, and all random states), so `--resume` continues a run and ends with the same
numbers as an uninterrupted one on the CPU. A stage that finished is loaded, not retrained.
Ctrl-C stops at the next step boundary, checkpoints mid-epoch and says how to resume.

The last two checkpoints of a stage are kept (`<stage>.pt` and `<stage>.prev.pt`): a damaged one
(a disk that filled up, a file copied half-way) is one warning line, and the run resumes from the
other. A loss or an evaluation metric that is NaN or infinite ends the stage as diverged, naming
the stage, epoch and step. A metric row logged again after a resume replaces the earlier one.
"""

from __future__ import annotations

import inspect
import json
import math
import os
import random
import signal
import sys
import time
import zlib
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from paperkit.config import DataConfig, OptimConfig
from paperkit.errors import Interrupted, InvalidInputError, NonFiniteLoss, PaperkitError, UsageError
from paperkit.files import atomic_open, atomic_write_text
from paperkit.training.plugin import Task, steps_per_epoch, to_float

if TYPE_CHECKING:  # pragma: no cover
    import torch

    from paperkit.training.data import DataBundle


# =====================================================================================
# Device and seeding
# =====================================================================================


def choose_device(requested: str | None = None) -> "torch.device":
    """`requested` ("cpu", "cuda", "cuda:1", "mps") or the best available: cuda > mps > cpu."""
    import torch

    if requested:
        kind = requested.split(":")[0]
        if kind == "cuda" and not torch.cuda.is_available():
            raise UsageError("--device cuda asked for, but torch sees no CUDA GPU", hint="use --device cpu")
        if kind == "mps" and not (hasattr(torch.backends, "mps") and torch.backends.mps.is_available()):
            raise UsageError("--device mps asked for, but MPS is not available", hint="use --device cpu")
        if kind not in ("cpu", "cuda", "mps"):
            raise UsageError(f"--device must be cpu, cuda or mps, got {requested!r}")
        return torch.device(requested)
    if torch.cuda.is_available():
        return torch.device("cuda")
    if hasattr(torch.backends, "mps") and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


PRECISIONS = ("auto", "fp32", "bf16")  # also the CLI's --precision choices


def resolve_precision(requested: str | None, device: "torch.device") -> str:
    """The arithmetic to train in, "fp32" or "bf16": `auto` (the default) is bf16 on CUDA, fp32 elsewhere.

    bf16 on the CPU is opt-in: faster where the processor has bf16 instructions (AVX512-BF16,
    AMX; about 1.5x for a small ResNet in docs/BENCHMARKS.md), slower where it has not, and the
    CPU results in the plugins' READMEs were all measured in fp32.
    """
    precision = requested or "auto"
    if precision not in PRECISIONS:
        raise UsageError(f"--precision must be one of {', '.join(PRECISIONS)}, got {precision!r}")
    if precision == "auto":
        return "bf16" if device.type == "cuda" else "fp32"
    if precision == "bf16" and device.type not in ("cpu", "cuda"):
        raise UsageError(f"--precision bf16 runs on cpu or cuda, not {device.type}", hint="use --precision fp32")
    return precision


def memory_format(device: "torch.device") -> "torch.memory_format":
    """channels_last where convolution kernels are fastest in it (oneDNN on the CPU, cuDNN on CUDA)."""
    import torch

    return torch.channels_last if device.type in ("cpu", "cuda") else torch.contiguous_format


def channels_last_breaks(model: "torch.nn.Module", device: "torch.device", capability: str | None = None) -> str | None:
    """Why channels_last must not be used for `model` here, or None where it is safe.

    oneDNN 3.12's AVX2 kernel for the weight gradient of a 1x1 convolution with stride > 1 and fewer
    than 8 input channels, in channels_last, writes past its buffer: the process dies with "double
    free or corruption" (torch 2.14.1 on an AVX2-only CPU; on AVX-512 another kernel runs). Such
    layers are common (a ResNet shortcut after a narrow stem), so on a CPU without AVX-512 a model
    holding one trains in the contiguous layout, which runs a different kernel.
    """
    import torch

    if device.type != "cpu":
        return None
    if capability is None:
        capability = torch.backends.cpu.get_cpu_capability()
    if capability.startswith("AVX512"):
        return None
    for name, module in model.named_modules():
        if (isinstance(module, torch.nn.Conv2d) and tuple(module.kernel_size) == (1, 1)
                and max(module.stride) > 1 and module.in_channels < 8):
            return (f"layer {name or 'model'} (1x1, stride {max(module.stride)}, {module.in_channels} input channels) "
                    f"crashes oneDNN's {capability} kernel in channels_last")
    return None


def seed_everything(seed: int, device: "torch.device") -> str:
    """Seed Python, NumPy and torch; returns the determinism mode, for the run record.

    On the CPU every kernel is deterministic, so a run is exactly repeatable. On CUDA cuDNN picks
    the fastest (non-deterministic) kernels: the seed fixes data order, initialisation and
    augmentation, not the last bits of the results.
    """
    import torch

    seed_globals(seed)
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True
        return "seeded; cudnn.benchmark (fast, not bitwise repeatable)"
    return "seeded; deterministic (CPU kernels)"


def seed_globals(seed: int) -> None:
    """Seed Python's, NumPy's and torch's global generators (all devices) without touching the determinism mode."""
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)


def seed_worker(worker_id: int) -> None:
    """`worker_init_fn` for a DataLoader: each worker's NumPy/Python RNGs follow torch's per-worker seed."""
    import numpy as np
    import torch

    worker_seed = torch.initial_seed() % 2**32
    np.random.seed(worker_seed)
    random.seed(worker_seed)


def stage_seed(seed: int, stage: str) -> int:
    """A seed per stage, so each stage's data order does not depend on how many stages ran before."""
    return (seed * 1_000_003 + zlib.crc32(stage.encode())) % 2**63


# =====================================================================================
# Optimizer and schedule
# =====================================================================================


def make_optimizer(params: Any, optim: OptimConfig) -> "torch.optim.Optimizer":
    import torch

    params = [p for p in params if p.requires_grad]
    name = optim.optimizer.lower()
    if name == "sgd":
        return torch.optim.SGD(params, lr=optim.lr, momentum=optim.momentum, weight_decay=optim.weight_decay)
    if name == "adam":
        return torch.optim.Adam(params, lr=optim.lr, weight_decay=optim.weight_decay)
    if name == "adamw":
        return torch.optim.AdamW(params, lr=optim.lr, weight_decay=optim.weight_decay)
    raise UsageError(f"optimizer must be sgd, adam or adamw, got {optim.optimizer!r}")


def lr_factor(step: int, steps_per_epoch: int, optim: OptimConfig) -> float:
    """The learning-rate multiplier at optimizer step `step` (0-based): warm-up, then the schedule."""
    total = max(1, optim.epochs * steps_per_epoch)
    warmup = optim.warmup_epochs * steps_per_epoch
    if warmup > 0 and step < warmup:
        return (step + 1) / warmup
    if optim.schedule == "constant":
        return 1.0
    if optim.schedule == "cosine":
        progress = (step - warmup) / max(1.0, total - warmup)
        return 0.5 * (1.0 + math.cos(math.pi * min(1.0, progress)))
    if optim.schedule == "step":
        epoch = step // steps_per_epoch
        return 0.1 ** sum(1 for m in optim.milestones if epoch >= m)
    raise UsageError(f"schedule must be cosine, step or constant, got {optim.schedule!r}")


def make_schedule(optimizer: Any, optim: OptimConfig, steps_per_epoch: int) -> Any:
    import torch

    lr_factor(0, steps_per_epoch, optim)  # reject a bad schedule name before training starts
    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: lr_factor(step, steps_per_epoch, optim))


# =====================================================================================
# Checkpoints
# =====================================================================================


def rng_states(device: "torch.device") -> dict[str, Any]:
    import numpy as np
    import torch

    states = {"python": random.getstate(), "numpy": np.random.get_state(), "torch": torch.get_rng_state()}
    if device.type == "cuda":
        states["cuda"] = torch.cuda.get_rng_state_all()
    return states


def set_rng_states(states: dict[str, Any]) -> None:
    import numpy as np
    import torch

    random.setstate(states["python"])
    np.random.set_state(states["numpy"])
    torch.set_rng_state(states["torch"])
    if "cuda" in states and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(states["cuda"])


def previous_checkpoint(path: Path) -> Path:
    """Where the checkpoint before `path` is kept: `<stage>.prev.pt`."""
    return path.with_name(path.name.removesuffix(".pt") + ".prev.pt")


def save_checkpoint(path: Path, state: dict[str, Any], *, keep_previous: bool = False) -> None:
    import torch

    if keep_previous and path.exists():
        os.replace(path, previous_checkpoint(path))
    with atomic_open(path, "wb") as handle:
        torch.save(state, handle)


def load_checkpoint(path: Path, required: tuple[str, ...] = ()) -> dict[str, Any]:
    """The checkpoint at `path`; a damaged or incomplete one is an `InvalidInputError`, one line."""
    import torch

    try:
        # The file is ours (RNG states hold NumPy objects), so full unpickling is intended.
        state = torch.load(path, map_location="cpu", weights_only=False)
    except Exception as exc:  # torch raises RuntimeError, EOFError, UnpicklingError... for a damaged file
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise InvalidInputError(f"checkpoint {path} is damaged ({first[:100]})",
                                hint="delete it to train that stage again") from exc
    missing = [key for key in required if not isinstance(state, dict) or key not in state]
    if missing:
        raise InvalidInputError(f"checkpoint {path} is incomplete (no {', '.join(missing)})",
                                hint="delete it to train that stage again")
    return state


_LIVE_KEYS = ("model", "optimizer", "schedule", "shuffle_at_epoch_start", "augment_generator", "rng", "history",
              "epoch", "step", "sums")
_DONE_KEYS = ("model", "history", "rng")


def load_latest_checkpoint(path: Path, warn: bool = True) -> dict[str, Any] | None:
    """The newest intact checkpoint of a stage (`path`, else the one before it); None if there is none.

    A damaged one is a warning line and the previous is used; both damaged is an error.
    """
    candidates = [p for p in (path, previous_checkpoint(path)) if p.exists()]
    failures = []
    for candidate in candidates:
        try:
            state = load_checkpoint(candidate, _LIVE_KEYS)
        except InvalidInputError as exc:
            failures.append(exc)
            continue
        if failures and warn:
            _warn(f"{failures[0].message}; resuming from the one before it (epoch {state['epoch'] + 1}, step {state['step']})")
        return state
    if failures:
        raise InvalidInputError(
            f"every checkpoint of stage {path.stem} is damaged ({failures[-1].message})",
            hint=f"delete {path.parent / path.stem}*.pt to train that stage again",
        )
    return None


def _warn(message: str) -> None:
    print(f"paperkit: warning: {message}", file=sys.stderr, flush=True)


def _accepts_generator(augment: Callable) -> bool:
    try:
        params = [
            p for p in inspect.signature(augment).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD, p.VAR_POSITIONAL)
        ]
    except (TypeError, ValueError):
        return False
    return len(params) >= 2 or any(p.kind == p.VAR_POSITIONAL for p in params)


# =====================================================================================
# The RunContext
# =====================================================================================


class Runner:
    """The framework side of a run: data, training stages, metrics and artifacts in `run_dir`.

    `progress=False` silences the progress bar (tests, non-terminals). `distributed` is set by
    `paperkit.training.distributed` when several processes train one model; only rank 0 writes. `precision` is
    "auto", "fp32" or "bf16" (see `resolve_precision`).
    """

    def __init__(
        self,
        run_dir: str | Path,
        *,
        seed: int = 0,
        device: "torch.device | str | None" = None,
        progress: bool = True,
        resume_hint: str | None = None,
        distributed: Any = None,
        precision: str | None = None,
    ):
        import torch

        self.run_dir = Path(run_dir)
        self.seed = seed
        self.device = device if isinstance(device, torch.device) else choose_device(device)
        self.precision = resolve_precision(precision, self.device)
        self.memory_format = memory_format(self.device)
        self.determinism = seed_everything(seed, self.device)
        self.progress = progress
        self.resume_hint = resume_hint
        self.distributed = distributed
        self.stop_requested = False
        self.histories: dict[str, dict[str, Any]] = {}
        self._data: dict[Any, Any] = {}
        if self.is_main:
            self.run_dir.mkdir(parents=True, exist_ok=True)

    # ---- small services --------------------------------------------------------------

    @property
    def is_main(self) -> bool:
        return self.distributed is None or self.distributed.rank == 0

    @property
    def checkpoint_dir(self) -> Path:
        return self.run_dir / "checkpoints"

    def data(self, config: DataConfig) -> "DataBundle":
        from paperkit.training.data import load_data

        if config not in self._data:
            self._data[config] = load_data(config, self.device, self.seed)
        return self._data[config]

    def log(self, stage: str, **metrics: Any) -> None:
        if not self.is_main:
            return
        from paperkit.files import locked

        record = {"stage": stage, **{k: _plain(v) for k, v in metrics.items()}}
        path = self.run_dir / "metrics.jsonl"
        with locked(path):
            rows = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
            key = _row_key(record)
            same = [i for i, line in enumerate(rows) if _row_key(_json_or_none(line)) == key]
            if not same:
                with open(path, "a", encoding="utf-8") as handle:
                    handle.write(json.dumps(record) + "\n")
                return
            # Logged again (a resumed run redoing an epoch, or re-running a plugin's summary
            # lines): the new row takes the old one's place, and there is still one row.
            rows[same[0]] = json.dumps(record)
            rows = [line for i, line in enumerate(rows) if i not in same[1:]]
            atomic_write_text(path, "".join(line + "\n" for line in rows))

    def artifact(self, name: str) -> Path:
        # Other ranks draw the same plots; they go to a private scratch folder, not the run's.
        path = (self.run_dir if self.is_main else self.distributed.scratch) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    # ---- Ctrl-C -------------------------------------------------------------------------

    @contextmanager
    def _graceful_interrupt(self) -> Iterator[None]:
        """The first Ctrl-C asks to stop at the next step boundary; a second one stops at once.

        A DDP worker treats SIGTERM the same way: torchrun's launcher answers Ctrl-C by sending
        it to the workers, and gives them time to checkpoint before it kills them.
        """
        import threading

        if threading.current_thread() is not threading.main_thread():
            yield
            return
        signals = [signal.SIGINT] + ([signal.SIGTERM] if self.distributed is not None else [])
        previous = {s: signal.getsignal(s) for s in signals}

        def request_stop(signum: int, frame: Any) -> None:
            self.stop_requested = True
            signal.signal(signal.SIGINT, signal.default_int_handler)

        for s in signals:
            signal.signal(s, request_stop)
        try:
            yield
        finally:
            for s, handler in previous.items():
                signal.signal(s, handler)

    # ---- training -------------------------------------------------------------------------

    def fit(
        self,
        stage: str,
        task: Task,
        images: "torch.Tensor",
        labels: "torch.Tensor",
        optim: OptimConfig,
        *,
        augment: Callable[..., "torch.Tensor"] | None = None,
        evaluate: Callable[[], dict[str, float]] | None = None,
        eval_every: int = 1,
    ) -> dict[str, Any]:
        """Train `task` on uint8 `images` for `optim.epochs` epochs; see `paperkit.training.plugin.RunContext.fit`.

        `augment(x)` or `augment(x, generator)` receives the float batch; with the second form the
        runner owns (and checkpoints) the generator. Returns the history: per-epoch `loss`,
        `train_accuracy`, `lr`, `evaluations` ({"epoch", **metrics}) and `final` (the last evaluation).
        """
        import torch

        if "/" in stage or not stage:
            raise UsageError(f"stage names must be non-empty and free of '/', got {stage!r}")
        done_path = self.checkpoint_dir / f"{stage}.done.pt"
        live_path = self.checkpoint_dir / f"{stage}.pt"
        if self.memory_format == torch.channels_last:
            reason = channels_last_breaks(task.model, self.device)
            if reason is not None:
                self.memory_format = torch.contiguous_format
                if self.is_main:
                    _warn(f"{reason}; training in the contiguous layout instead")
        model = task.model.to(self.device, memory_format=self.memory_format)

        if done_path.exists():  # finished earlier in this run: load, do not retrain
            try:
                state = load_checkpoint(done_path, _DONE_KEYS)
            except InvalidInputError as exc:
                if self.is_main:
                    _warn(f"{exc.message}; training stage {stage} again")
                state = None
            if state is not None:
                model.load_state_dict(state["model"])
                set_rng_states(state["rng"])
                self.histories[stage] = state["history"]
                return state["history"]

        n = len(images)
        world = self.distributed.world_size if self.distributed else 1
        rank = self.distributed.rank if self.distributed else 0
        if optim.batch_size % world:
            raise UsageError(f"batch_size {optim.batch_size} does not split over {world} processes")
        per_epoch = steps_per_epoch(n, optim.batch_size)
        params = list(task.parameters() if task.parameters else model.parameters())
        optimizer = make_optimizer(params, optim)
        schedule = make_schedule(optimizer, optim, per_epoch)
        shuffle = torch.Generator().manual_seed(stage_seed(self.seed, stage))
        gen_device = self.device if self.device.type == "cuda" else torch.device("cpu")
        aug_gen = torch.Generator(device=gen_device).manual_seed(stage_seed(self.seed, stage) + 1)
        pass_gen = augment is not None and _accepts_generator(augment)
        history: dict[str, Any] = {"stage": stage, "loss": [], "train_accuracy": [], "lr": [], "evaluations": [], "final": {}}
        epoch, first_step, sums = 0, 0, [0.0, 0, 0]  # loss sum, correct, counted

        state = load_latest_checkpoint(live_path, warn=self.is_main)
        if state is not None:  # resume: everything that decides the rest of the stage
            model.load_state_dict(state["model"])
            optimizer.load_state_dict(state["optimizer"])
            schedule.load_state_dict(state["schedule"])
            shuffle.set_state(state["shuffle_at_epoch_start"])
            aug_gen.set_state(state["augment_generator"].to(aug_gen.get_state().device))
            set_rng_states(state["rng"])
            history, epoch, first_step, sums = state["history"], state["epoch"], state["step"], state["sums"]
        else:
            # A fresh stage draws its global randomness (mixup's λ, dropout, ...) from its own seed,
            # so `--method-only` trains the method arm exactly as a full run does.
            seed_globals(stage_seed(self.seed, stage) + 2)

        sync = None
        if self.distributed is not None:
            # Every trainable parameter gets a gradient (the overfit check's second test), unless
            # the plugin trains a chosen subset; only then must DDP look for unused ones each step.
            sync = self.distributed.wrap(model, find_unused=task.parameters is not None)
        autocast = (
            torch.autocast(self.device.type, dtype=torch.bfloat16) if self.precision == "bf16" else nullcontext()
        )

        def checkpoint(step_in_epoch: int, shuffle_state: Any) -> None:
            if not self.is_main:
                return
            save_checkpoint(live_path, {
                "model": model.state_dict(), "optimizer": optimizer.state_dict(), "schedule": schedule.state_dict(),
                "shuffle_at_epoch_start": shuffle_state, "augment_generator": aug_gen.get_state(),
                "rng": rng_states(self.device), "history": history, "epoch": epoch, "step": step_in_epoch,
                "sums": list(sums),
            }, keep_previous=True)

        global_step = epoch * per_epoch + first_step
        bar = _Progress(stage, optim.epochs, per_epoch, global_step, enabled=self.progress and self.is_main)
        with self._graceful_interrupt(), bar:
            while epoch < optim.epochs:
                shuffle_state = shuffle.get_state()
                order = torch.randperm(n, generator=shuffle).to(self.device)
                model.train()
                started = time.perf_counter()
                seen = 0
                for step in range(first_step, per_epoch):
                    if self.stop_requested and world == 1:
                        checkpoint(step, shuffle_state)
                        raise self._interrupted(stage, epoch, step)
                    idx = order[step * optim.batch_size:(step + 1) * optim.batch_size]
                    x = to_float(images[idx])
                    y = labels[idx]
                    if augment is not None:
                        # The whole global batch, on every rank: the augmentation stream then does
                        # not depend on the number of processes, and rank 0's generator state is
                        # everyone's (one checkpoint resumes any --nproc).
                        x = augment(x, aug_gen) if pass_gen else augment(x)
                    if world > 1:  # DistributedSampler's split: rank r takes examples r, r + world, ...
                        x, y = x[rank::world], y[rank::world]
                    if isinstance(x, torch.Tensor) and x.dim() == 4:  # after augmentation, which may not keep it
                        x = x.contiguous(memory_format=self.memory_format)
                    if sync is not None:
                        sync.arm()
                    with autocast:
                        out = task.loss(x, y)
                    loss = out.loss
                    # loss sum, correct, counted, stop asked: summed over ranks, one sync per step.
                    stats = torch.stack([
                        loss.detach().float() * len(y),
                        _correct(out, y),
                        torch.tensor(float(len(y)), device=loss.device),
                        torch.tensor(float(self.stop_requested), device=loss.device),
                    ])
                    if world > 1:
                        self.distributed.all_reduce_sum(stats)
                    step_loss_sum, step_correct, step_count, stop = stats.tolist()
                    if not math.isfinite(step_loss_sum):
                        raise _non_finite(stage, epoch, step, global_step, step_loss_sum / step_count, optimizer)
                    optimizer.zero_grad(set_to_none=True)
                    loss.backward()
                    if sync is not None:
                        sync.after_backward()
                    optimizer.step()
                    schedule.step()
                    if task.after_step is not None:
                        task.after_step()
                    global_step += 1
                    seen += int(step_count)
                    sums[0] += step_loss_sum
                    sums[1] += int(step_correct)
                    sums[2] += int(step_count)
                    bar.step(epoch, sums[0] / max(1, sums[2]), seen / max(1e-9, time.perf_counter() - started))
                    if world > 1 and stop > 0:  # every rank saw the same sum, so all stop here
                        checkpoint(step + 1, shuffle_state)
                        raise self._interrupted(stage, epoch, step + 1)
                # ---- end of epoch: record, evaluate, checkpoint ----
                epoch_loss = sums[0] / max(1, sums[2])
                accuracy = sums[1] / max(1, sums[2]) if task.has_accuracy else None
                history["loss"].append(epoch_loss)
                history["train_accuracy"].append(accuracy)
                history["lr"].append(optimizer.param_groups[0]["lr"])
                metrics: dict[str, float] = {}
                if evaluate is not None and ((epoch + 1) % max(1, eval_every) == 0 or epoch + 1 == optim.epochs):
                    model.eval()
                    with torch.no_grad():
                        metrics = {k: _plain(v) for k, v in dict(evaluate()).items()}
                    model.train()
                    diverged = non_finite_metrics(metrics)
                    if diverged:
                        raise _diverged(stage, epoch, global_step, diverged, optimizer)
                    history["evaluations"].append({"epoch": epoch + 1, **metrics})
                    history["final"] = metrics
                bar.epoch_done(epoch, epoch_loss, metrics)
                self.log(stage, epoch=epoch + 1, loss=epoch_loss, train_accuracy=accuracy,
                         lr=history["lr"][-1], **metrics)
                epoch, first_step, sums = epoch + 1, 0, [0.0, 0, 0]
                checkpoint(0, shuffle.get_state())
        if sync is not None:
            sync.release()
            history["ranks"] = self._check_ranks_agree(stage, model)
        if self.is_main:
            save_checkpoint(done_path, {"model": model.state_dict(), "history": history, "rng": rng_states(self.device)})
            live_path.unlink(missing_ok=True)
            previous_checkpoint(live_path).unlink(missing_ok=True)
        self.histories[stage] = history
        return history

    def _check_ranks_agree(self, stage: str, model: Any) -> dict[str, Any]:
        """Every rank's weight digest; a stage whose ranks disagree is a bug, never a result."""
        from paperkit.training.distributed import weights_digest

        digests = self.distributed.gather_objects(weights_digest(model))
        if len(set(digests)) != 1:
            raise PaperkitError(
                f"after stage {stage} the {len(digests)} processes hold different weights ({', '.join(digests)})",
                hint="a plugin step that is not the same on every rank (e.g. a random mask drawn per process)",
            )
        return {"world_size": len(digests), "weights_digests": digests}

    def _interrupted(self, stage: str, epoch: int, step: int) -> Interrupted:
        hint = self.resume_hint or f"resume with --resume {self.run_dir}"
        return Interrupted(f"interrupted in stage {stage}, epoch {epoch + 1}, step {step}; checkpoint saved", hint=hint)


def _non_finite(stage: str, epoch: int, step: int, global_step: int, value: float, optimizer: Any) -> NonFiniteLoss:
    lr = optimizer.param_groups[0]["lr"]
    if global_step == 0:
        diagnosis = "already at the first step: check the model's output and the loss inputs (log of 0, division by 0)"
    else:
        diagnosis = f"after {global_step} finite steps: training diverged; lower the learning rate (now {lr:.3g}) or add warm-up"
    return NonFiniteLoss(
        f"loss is {value} in stage {stage}, epoch {epoch + 1}, step {step} (global step {global_step + 1})",
        hint=diagnosis,
    )


def non_finite_metrics(metrics: dict[str, Any]) -> dict[str, float]:
    """The metrics that are NaN or infinite (numbers only; other values are not judged)."""
    return {k: v for k, v in metrics.items()
            if isinstance(v, (int, float)) and not isinstance(v, bool) and not math.isfinite(v)}


def _diverged(stage: str, epoch: int, global_step: int, bad: dict[str, float], optimizer: Any) -> NonFiniteLoss:
    lr = optimizer.param_groups[0]["lr"]
    which = ", ".join(f"{k} = {v}" for k, v in bad.items())
    return NonFiniteLoss(
        f"training diverged: {which} in stage {stage}, evaluation after epoch {epoch + 1} (global step {global_step})",
        hint=f"lower the learning rate (now {lr:.3g}) or add warm-up",
    )


def _correct(out: Any, y: "torch.Tensor") -> "torch.Tensor":
    """How many of the batch's predictions are right (0 when the objective has no logits)."""
    import torch

    if out.logits is None:
        return torch.zeros((), device=out.loss.device)
    targets = out.targets if out.targets is not None else y
    return (out.logits.detach().argmax(1) == targets).sum().float()


_POSITION_KEYS = ("epoch", "round", "step")  # what tells two rows of one stage apart


def _row_key(row: Any) -> tuple | None:
    if not isinstance(row, dict):
        return None
    return (row.get("stage"), *(row.get(k) for k in _POSITION_KEYS))


def _json_or_none(line: str) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        return None


def _plain(value: Any) -> Any:
    """JSON-friendly: tensors and NumPy scalars become Python numbers."""
    if hasattr(value, "item") and getattr(value, "ndim", 0) == 0:
        return value.item()
    return value


class _Progress:
    """A rich progress bar over a stage's steps: epoch, loss, last metric, examples/s."""

    def __init__(self, stage: str, epochs: int, per_epoch: int, completed: int, enabled: bool):
        self.enabled = enabled
        self.stage, self.epochs, self.per_epoch = stage, epochs, per_epoch
        self.metric = ""
        self._last = 0.0
        if enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[info]}"), TimeRemainingColumn(),
            )
            self.task = self.bar.add_task(stage, total=epochs * per_epoch, completed=completed, info="")

    def __enter__(self) -> "_Progress":
        if self.enabled:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.enabled:
            self.bar.__exit__(*exc)

    def step(self, epoch: int, loss: float, rate: float) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self._last < 0.1:  # redrawing every step costs more than small steps
            self.bar.advance(self.task)
            return
        self._last = now
        info = f"epoch {epoch + 1}/{self.epochs}  loss {loss:.4f}  {self.metric}  {rate:,.0f} ex/s"
        self.bar.update(self.task, advance=1, info=info)

    def epoch_done(self, epoch: int, loss: float, metrics: dict[str, float]) -> None:
        if metrics:
            key, value = next(iter(metrics.items()))
            self.metric = f"{key} {value:.4g}"
