"""One recorded run of a plugin: build its config, make the run folder, run, write the results.

The `reproduce` and `ablate` commands and the DDP workers all go through `execute`, so every run
has the same record whichever way it was started.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from paperkit.config import DataConfig, OptimConfig, apply_overrides, check_config, load_toml_overrides, parse_assignments
from paperkit.errors import PaperkitError, UsageError
from paperkit.files import atomic_write_text
from paperkit.training.plugin import ARMS, Arm, Reproduction


SEED_ARMS_FILE = "arms.json"  # in seed-<s>/: that seed's measured arms, written when it finished
DEFAULT_SEEDS = 3  # seeds per arm of a `paperkit reproduce` run: enough for a t-test against seed noise


@dataclass(frozen=True)
class ConfigRequest:
    """What the command line asked for, applied in this order (later wins)."""

    paper_config: str | None = None
    config_file: str | None = None
    dataset: str | None = None
    data_dir: str | None = None
    download: bool | None = None
    epochs: int | None = None
    sets: tuple[str, ...] = ()


def typed_fields(config: Any, cls: type, prefix: str = "") -> list[str]:
    """Dotted names of every field of type `cls` inside `config` (nested dataclasses included)."""
    found = []
    for f in dataclasses.fields(config):
        value = getattr(config, f.name)
        if isinstance(value, cls):
            found.append(prefix + f.name)
        elif dataclasses.is_dataclass(value):
            found.extend(typed_fields(value, cls, f"{prefix}{f.name}."))
    return found


def build_config(plugin: Reproduction, request: ConfigRequest) -> Any:
    config = plugin.default_config()
    if request.paper_config:
        if request.paper_config not in plugin.paper_configs:
            known = ", ".join(plugin.paper_configs) or "none"
            raise UsageError(f"{plugin.name} has no paper config {request.paper_config!r}", hint=f"known: {known}")
        config = apply_overrides(config, plugin.paper_configs[request.paper_config])
    if request.config_file:
        config = apply_overrides(config, load_toml_overrides(request.config_file))
    data_overrides: dict[str, Any] = {}
    if request.dataset is not None:
        from paperkit.training.data import DATASETS

        if request.dataset not in DATASETS:
            raise UsageError(f"unknown dataset {request.dataset!r}", hint=f"choose one of: {', '.join(DATASETS)}")
        data_overrides["dataset"] = request.dataset
    if request.data_dir is not None:
        data_overrides["data_dir"] = request.data_dir
    if request.download:
        data_overrides["download"] = True
    if data_overrides:
        fields = typed_fields(config, DataConfig)
        if not fields:
            raise UsageError(f"{plugin.name}'s config has no DataConfig field for --dataset/--data-dir")
        config = apply_overrides(config, {f"{f}.{k}": v for f in fields for k, v in data_overrides.items()})
    if request.epochs is not None:
        fields = typed_fields(config, OptimConfig)
        if not fields:
            raise UsageError(f"{plugin.name}'s config has no OptimConfig field for --epochs", hint="use --set")
        config = apply_overrides(config, {f"{f}.epochs": request.epochs for f in fields})
    if request.sets:
        config = apply_overrides(config, parse_assignments(list(request.sets)))
    check_config(config)  # the plugin's own defaults meet the same declarations
    return config


def overfit_data(config: Any, examples: int) -> Any:
    """`config` with every `DataConfig` on the generated shapes, few enough to draw in a moment.

    The overfit check needs K examples, not a dataset: the shapes cost nothing to load and keep the
    check offline and fast whatever data the plugin's default run uses.
    """
    overrides: dict[str, Any] = {}
    for name in typed_fields(config, DataConfig):
        overrides.update({f"{name}.dataset": "shapes", f"{name}.train_size": max(10 * examples, 320),
                          f"{name}.test_size": 100})
    return apply_overrides(config, overrides)


def flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def config_from_record(plugin: Reproduction, recorded: Mapping[str, Any]) -> Any:
    """The config a run recorded, rebuilt on the plugin's config class (for --resume)."""
    return apply_overrides(plugin.default_config(), flatten(recorded))


def arms_for(plugin: Reproduction, baseline_only: bool = False, method_only: bool = False) -> tuple[Arm, ...]:
    if baseline_only and method_only:
        raise UsageError("--baseline-only and --method-only exclude each other")
    arms = tuple(plugin.arms) if plugin.arms else ARMS
    if baseline_only:
        return tuple(a for a in arms if a == "baseline")
    if method_only:
        return tuple(a for a in arms if a == "method")
    return arms


def execute(
    plugin: Reproduction,
    config: Any,
    *,
    seed: int,
    arms: tuple[Arm, ...],
    run_dir: Path,
    seeds: tuple[int, ...] | None = None,
    device: str | None = None,
    progress: bool = True,
    resume_hint: str | None = None,
    argv: list[str] | None = None,
    record: Any = None,
    distributed: Any = None,
    git_path: Path | None = None,
    precision: str | None = None,
    announce: Callable[[str], None] | None = None,
) -> tuple[Any, dict[str, Any]]:
    """Run `plugin` once per seed in `run_dir` and record it; returns (RunRecord, result). `record` continues a run.

    `seeds` defaults to (`seed`,). With several, each seed trains in its own folder `seed-<s>/`
    and leaves its arms in `seed-<s>/arms.json` when done, so a resumed run skips finished seeds;
    the result holds each seed's arms, their means and each claim's verdict over the seeds.
    """
    from paperkit.errors import Interrupted, NonFiniteLoss
    from paperkit.training.records import finish_run, mark, seed_dir, start_run
    from paperkit.training.runner import Runner, non_finite_metrics

    seeds = tuple(seeds) if seeds else (seed,)
    if len(set(seeds)) != len(seeds):
        raise UsageError(f"seeds must differ, got {', '.join(map(str, seeds))}")
    per_seed: dict[int, dict[str, dict[str, Any]]] = {}
    main = distributed is None or distributed.rank == 0
    for index, current in enumerate(seeds):
        folder = run_dir if len(seeds) == 1 else seed_dir(run_dir, current)
        done = folder / SEED_ARMS_FILE
        if len(seeds) > 1 and done.is_file():  # finished before this run was interrupted
            per_seed[current] = json.loads(done.read_text(encoding="utf-8"))
            continue
        if announce is not None and len(seeds) > 1 and main:
            announce(f"seed {current} ({index + 1} of {len(seeds)})")
        ctx = Runner(folder, seed=current, device=device, progress=progress, resume_hint=resume_hint,
                     distributed=distributed, precision=precision)
        if record is None and main:
            extra = {"arms": list(arms), "seeds": list(seeds), "nproc": distributed.world_size if distributed else 1,
                     "precision": ctx.precision, "memory_format": str(ctx.memory_format).removeprefix("torch.")}
            record = start_run(
                run_dir, plugin.name, config, seeds[0], device=str(ctx.device), determinism=ctx.determinism,
                argv=argv, extra=extra, git_path=git_path,
            )
        elif record is not None and main and record.status != "running":
            record.status, record.device = "running", str(ctx.device)
            record.save()
        try:
            measured = _plain_arms(plugin.run(config, ctx, arms))
            if main:  # the runner may have left channels_last for a model it breaks (runner.channels_last_breaks)
                record.extra["memory_format"] = str(ctx.memory_format).removeprefix("torch.")
            if main:
                for arm, metrics in measured.items():
                    bad = non_finite_metrics(metrics)
                    if bad:
                        which = ", ".join(f"{k} = {v}" for k, v in bad.items())
                        raise NonFiniteLoss(
                            f"training diverged: {which} for arm {arm} (seed {current}) in the final evaluation",
                            hint="lower the learning rate or add warm-up; the run is marked diverged",
                        )
        except Interrupted:
            if main:
                mark(record, "interrupted")
            raise
        except NonFiniteLoss:
            if main:
                mark(record, "diverged")
            raise
        except BaseException:
            if main:
                mark(record, "failed")
            raise
        per_seed[current] = measured
        if main and len(seeds) > 1:
            atomic_write_text(done, json.dumps(measured, indent=2, default=str) + "\n")
    if not main:
        return record, {}
    datasets = [d.dataset for d in _data_configs(config)]
    result = finish_run(record, per_seed, plugin.claims, config, datasets=datasets, setting=plugin.describe(config))
    return record, result


def _data_configs(config: Any) -> list[DataConfig]:
    found = []
    for name in typed_fields(config, DataConfig):
        value = config
        for part in name.split("."):
            value = getattr(value, part)
        found.append(value)
    return found


def _plain_arms(measured: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    if not isinstance(measured, Mapping):
        raise PaperkitError("the plugin's run() must return {arm: {metric: value}}")
    plain: dict[str, dict[str, Any]] = {}
    for arm, metrics in measured.items():
        plain[arm] = {k: (v.item() if hasattr(v, "item") else v) for k, v in dict(metrics).items()}
    return plain
