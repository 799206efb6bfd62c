"""Reproduction commands: reproductions, new-reproduction, reproduce, runs, ablate.

`reproductions`, `new-reproduction` and `runs` never import torch; `reproduce` and `ablate`
import it only once they train.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from paperkit.errors import NotFoundError, PaperkitError, UsageError
from paperkit.training.runner import PRECISIONS  # torch is imported only inside its functions


def _console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def _workspace_root() -> Path:
    """The workspace's root, or the current folder outside any workspace (runs/ goes there)."""
    from paperkit.workspace import find_workspace

    workspace = find_workspace()
    return workspace.root if workspace else Path.cwd()


def _registry():
    from paperkit.training.registry import workspace_registry

    return workspace_registry()


# =====================================================================================
# reproductions / new-reproduction
# =====================================================================================


@click.command()
@click.option("--claims/--no-claims", default=True, help="Also list each plugin's claims.")
def reproductions(claims: bool) -> None:
    """List the reproduction plugins: name, paper, claims."""
    registry = _registry()
    console = _console()
    if not registry.plugins:
        console.print("no reproductions found")
    for name in registry.names():
        info = registry.plugins[name]
        console.print(f"[bold]{name}[/bold]  arXiv {', '.join(info.papers)}  {info.title}")
        if claims:
            for claim in info.claims:
                paper = f"{claim.paper_baseline if claim.paper_baseline is not None else '—'} → " \
                        f"{claim.paper_method if claim.paper_method is not None else '—'}"
                arrow = "↑" if claim.higher_is_better else "↓"
                console.print(f"    {claim.source}: {claim.setting}: {claim.metric} {arrow} {paper}")
    for problem in registry.problems:
        click.echo(f"paperkit: warning: plugin {problem}", err=True)


@click.command("new-reproduction")
@click.argument("name")
@click.option("--paper", "paper", required=True, help="The paper's arXiv id.")
@click.option("--title", default=None, help="The paper's title.")
def new_reproduction(name: str, paper: str, title: str | None) -> None:
    """Scaffold reproductions/NAME/ in the workspace: a working plugin to edit."""
    from paperkit.training.registry import discover
    from paperkit.training.scaffold import scaffold
    from paperkit.workspace import require_workspace

    workspace = require_workspace()
    if name in discover(workspace.reproductions_dir, entry_points=True).plugins:
        raise PaperkitError(f"a reproduction named {name!r} already exists", hint="choose another name")
    folder = scaffold(workspace.reproductions_dir, name, paper, title)
    click.echo(f"created {folder}")
    click.echo(f"check it: paperkit reproduce {name} --overfit --controls")


# =====================================================================================
# reproduce
# =====================================================================================


def _progress_wanted() -> bool:
    return sys.stderr.isatty()


def _print_claims(result: dict, run_dir: Path) -> None:
    from paperkit.training.records import claims_table

    console = _console()
    if result.get("claims"):
        console.print(claims_table(result["claims"]))
    seeds = len(result.get("seeds", [result.get("seed")]))
    for arm, metrics in result.get("arms", {}).items():
        shown = ", ".join(f"{k} {v:.4g}" if isinstance(v, float) else f"{k} {v}" for k, v in metrics.items())
        console.print(f"{arm}{f' (mean of {seeds} seeds)' if seeds > 1 else ''}: {shown}")
    console.print(f"run recorded in {run_dir}")


def _overfit(plugin, config, arms, *, seed, device, examples, controls, root: Path) -> None:
    from paperkit.training.overfit import ascii_curve, run_overfit, save_plot, summary_lines
    from paperkit.training.records import utc_now
    from paperkit.training.runner import Runner

    out_dir = root / "runs" / plugin.name / f"overfit-{utc_now().replace(':', '').replace('-', '')}"
    ctx = Runner(out_dir, seed=seed, device=device, progress=False)
    failed = None
    for arm in arms:
        report = run_overfit(plugin, config, arm, ctx, examples=examples, controls=controls)
        if report.curves.get("train"):
            click.echo(f"loss on {report.examples} examples [{arm}]:")
            click.echo(ascii_curve(report.curves["train"]))
            plot = out_dir / f"overfit-{arm}.png"
            save_plot(report, plot)
            click.echo(f"loss curve: {plot}")
        for line in summary_lines(report):
            click.echo(line)
        if not report.passed and failed is None:
            failed = (arm, report.failure)
    if failed:
        arm, check = failed
        raise PaperkitError(f"overfit check failed [{arm}] at '{check.name}': {check.detail}")


_precision_option = click.option(
    "--precision", type=click.Choice(PRECISIONS), default="auto", show_default=True,
    help="Training arithmetic: auto is bf16 autocast on CUDA and fp32 elsewhere.",
)


@click.command()
@click.argument("name")
@click.option("--overfit", is_flag=True, help="Run the overfit check on K examples instead of the experiment.")
@click.option("--examples", "examples", type=int, default=32, show_default=True, help="K, for --overfit.")
@click.option("--controls", is_flag=True, help="With --overfit: also the zeroed-input and random-label controls.")
@click.option("--baseline-only", is_flag=True, help="Run only the baseline arm.")
@click.option("--method-only", is_flag=True, help="Run only the method arm.")
@click.option("--dataset", default=None, help="digits, photos (bundled, offline), shapes (generated), cifar10, cifar100, mnist, fashion-mnist, stl10, pets, imagefolder.")
@click.option("--data-dir", default=None, type=click.Path(file_okay=False), help="Where real datasets are (or go, with --download).")
@click.option("--download", is_flag=True, default=None, help="Allow torchvision to download the dataset.")
@click.option("--epochs", type=int, default=None, help="Set the epochs of every training stage.")
@click.option("--seed", type=int, default=0, show_default=True, help="The first seed.")
@click.option("--seeds", "n_seeds", type=int, default=None,
              help="Seeds per arm: SEED, SEED+1, ... (default 3; verdicts need at least 2).")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help="Override a config field (dotted key); repeatable.")
@click.option("--config", "config_file", default=None, type=click.Path(dir_okay=False), help="A TOML file of overrides.")
@click.option("--paper-config", default=None, help="A paper-scale config the plugin names (e.g. cifar10).")
@click.option("--device", default=None, help="cpu, cuda or mps (default: the best available).")
@_precision_option
@click.option("--resume", "resume", default=None, metavar="RUN", help="Continue an interrupted run (folder or name).")
@click.option("--nproc", type=int, default=1, show_default=True, help="Data-parallel processes (torchrun, DDP).")
def reproduce(
    name, overfit, examples, controls, baseline_only, method_only, dataset, data_dir, download, epochs, seed,
    n_seeds, sets, config_file, paper_config, device, precision, resume, nproc,
) -> None:
    """Run reproduction NAME (baseline and method, 3 seeds each), or its overfit check with --overfit.

    Each claim's verdict (held, not held, inconclusive) weighs the gap between the arms against the
    seeds' spread with Welch's t-test at 5 %. The overfit check trains on the generated shapes
    unless --dataset names other data.
    """
    from paperkit.training.experiment import (
        DEFAULT_SEEDS, ConfigRequest, arms_for, build_config, config_from_record, execute, overfit_data,
    )
    from paperkit.training.records import find_run, new_run_dir

    if n_seeds is not None and n_seeds < 1:
        raise UsageError("--seeds must be at least 1")
    if n_seeds is not None and (overfit or resume):
        raise UsageError("--seeds applies to a new run", hint="drop --seeds" + (" (a resumed run keeps its seeds)" if resume else ""))
    seeds = tuple(range(seed, seed + (n_seeds or DEFAULT_SEEDS)))

    registry = _registry()
    plugin = registry.create(name)
    arms = arms_for(plugin, baseline_only, method_only)
    root = _workspace_root()
    runs_root = root / "runs"
    request = ConfigRequest(paper_config, config_file, dataset, data_dir, download, epochs, tuple(sets))

    if nproc != 1:
        if overfit:
            raise UsageError("the overfit check runs in one process", hint="drop --nproc")
        from paperkit.training.launch import check_nproc

        device_kind = check_nproc(nproc, device)  # before a run folder exists

    if overfit:
        config = build_config(plugin, request)
        if dataset is None:  # the check's K examples come from the generated shapes: no data to load
            config = overfit_data(config, examples)
        _overfit(plugin, config, arms, seed=seed, device=device, examples=examples, controls=controls, root=root)
        return

    record = None
    if resume:
        record = find_run(runs_root, resume)  # a missing run is an error, never a fresh start
        if record.plugin != name:
            raise UsageError(f"run {record.name} is a {record.plugin} run, not {name}")
        if record.status == "finished":
            raise PaperkitError(f"run {record.path} already finished", hint=f"see `paperkit runs show {record.name}`")
        config = config_from_record(plugin, record.config)
        seed, seeds = record.seed, tuple(record.seeds)
        precision = record.extra.get("precision", precision)  # a continued run keeps its arithmetic
        arms = tuple(record.extra.get("arms", arms))
        run_dir = record.path
    else:
        config = build_config(plugin, request)
    if nproc > 1:
        from paperkit.training.launch import check_batches

        check_batches(config, nproc)
    if record is None:
        run_dir = new_run_dir(runs_root, name, config)
    hint = f"resume with `paperkit reproduce {name} --resume {run_dir.name}`"

    if nproc > 1:
        _launch_ddp(name, config, seed=seed, seeds=seeds, arms=arms, run_dir=run_dir, device=device_kind, nproc=nproc,
                    resume_hint=hint, resuming=record is not None, root=root, precision=precision)
        return

    record, result = execute(
        plugin, config, seed=seed, seeds=seeds, arms=arms, run_dir=run_dir, device=device, progress=_progress_wanted(),
        resume_hint=hint, record=record, git_path=root, precision=precision, announce=_console().print,
    )
    _print_claims(result, run_dir)


def _launch_ddp(name, config, *, seed, seeds, arms, run_dir: Path, device, nproc, resume_hint, resuming, root: Path,
                precision: str) -> None:
    from paperkit.config import to_dict
    from paperkit.training.launch import launch
    from paperkit.training.records import load_run

    spec = {
        "plugin": name, "config": to_dict(config), "seed": seed, "seeds": list(seeds), "arms": list(arms), "run_dir": str(run_dir),
        "device": device, "progress": _progress_wanted(), "resume_hint": resume_hint, "argv": sys.argv[1:],
        "resume": resuming, "git_path": str(root), "precision": precision,
    }
    launch(spec, run_dir, nproc)
    _print_claims(load_run(run_dir).result or {}, run_dir)


# =====================================================================================
# runs
# =====================================================================================


@click.group()
def runs() -> None:
    """Recorded runs: list, show, compare."""


def _runs_root() -> Path:
    return _workspace_root() / "runs"


def _headline(record) -> str:
    parts = []
    for arm, metrics in record.arms.items():
        first = next(iter(metrics.items()), None)
        if first:
            parts.append(f"{arm} {first[0]} {first[1]:.4g}" if isinstance(first[1], float) else f"{arm} {first[0]} {first[1]}")
    return "; ".join(parts)


@runs.command("list")
@click.argument("plugin", required=False)
def runs_list(plugin: str | None) -> None:
    """List runs (of PLUGIN): name, status, seed, headline metric."""
    from rich.table import Table

    from paperkit.training.records import list_runs

    records = list_runs(_runs_root(), plugin)
    if not records:
        click.echo("no runs yet (start one with `paperkit reproduce NAME`)")
        return
    table = Table()
    for column in ("run", "status", "seed", "device", "result"):
        table.add_column(column)
    for r in records:
        table.add_row(f"{r.plugin}/{r.name}", r.status, ",".join(map(str, r.seeds)), r.device, _headline(r))
    _console().print(table)


@runs.command("show")
@click.argument("run")
def runs_show(run: str) -> None:
    """Show one run: command, config, git state, results and claims."""
    from paperkit.training.records import claims_table, find_run

    record = find_run(_runs_root(), run)
    console = _console()
    console.print(f"[bold]{record.plugin}/{record.name}[/bold]  {record.status}")
    console.print(f"command: {record.command}")
    arithmetic = " ".join(str(record.extra[k]) for k in ("precision", "memory_format") if k in record.extra)
    seeds = record.seeds
    console.print(f"seed{'s' if len(seeds) > 1 else ''} {', '.join(map(str, seeds))}, device {record.device}{', ' + arithmetic if arithmetic else ''}, {record.determinism}")
    console.print(f"started {record.started}, finished {record.finished or '—'}")
    git = record.git
    if git.get("in_repo"):
        console.print(f"git {git.get('commit', '')[:12]} on {git.get('branch')}{' (dirty)' if git.get('dirty') else ''}")
    else:
        console.print("git: not a git repository")
    from paperkit.training.experiment import flatten

    for key, value in flatten(record.config).items():
        console.print(f"  {key} = {value}")
    if record.result:
        _print_claims(record.result, record.path)


@runs.command("compare")
@click.argument("refs", nargs=-1)
@click.option("--plugin", default=None, help="Compare every run of this plugin.")
def runs_compare(refs: tuple[str, ...], plugin: str | None) -> None:
    """Compare runs: runs with the same config are grouped, metrics shown as mean ± std over seeds."""
    from rich.table import Table

    from paperkit.config import config_hash
    from paperkit.training.records import find_run, format_mean_std, list_runs

    root = _runs_root()
    if refs:
        records = [find_run(root, ref) for ref in refs]
    elif plugin:
        records = list_runs(root, plugin)
    else:
        raise UsageError("give runs to compare, or --plugin NAME")
    records = [r for r in records if r.result]
    if not records:
        raise NotFoundError("none of those runs has finished (no result.json)")
    groups: dict[tuple[str, str], list] = {}
    for r in records:
        key = (r.plugin, _config_key(r.config))
        groups.setdefault(key, []).append(r)
    columns: list[str] = []
    for r in records:
        for arm, metrics in r.arms.items():
            columns.extend(f"{arm}/{m}" for m in metrics if f"{arm}/{m}" not in columns)
    table = Table(title="runs compared (mean ± std over seeds)")
    for column in ("plugin", "config", "runs", "seeds", *columns):
        table.add_column(column)
    for (name, key), members in groups.items():
        cells = []
        for column in columns:
            arm, metric = column.split("/", 1)
            values = [v for m in members for v in _seed_values(m, arm, metric)]
            cells.append(format_mean_std([float(v) for v in values if isinstance(v, (int, float))]))
        seeds = ",".join(str(s) for m in members for s in m.seeds)
        table.add_row(name, key, str(len(members)), seeds, *cells)
    _console().print(table)


def _seed_values(record, arm: str, metric: str) -> list:
    """A run's value of `metric` for `arm`, once per seed (runs of several seeds keep each seed's)."""
    per_seed = (record.result or {}).get("per_seed")
    if per_seed:
        return [arms.get(arm, {}).get(metric) for arms in per_seed.values()]
    return [record.arms.get(arm, {}).get(metric)]


def _config_key(config: dict) -> str:
    import hashlib
    import json

    return hashlib.sha256(json.dumps(config, sort_keys=True, default=str).encode()).hexdigest()[:8]


# =====================================================================================
# ablate
# =====================================================================================


@click.command()
@click.argument("name")
@click.option("--vary", "vary", multiple=True, required=True, metavar="KEY=V1,V2", help="A key and its values; repeatable.")
@click.option("--seeds", type=int, default=1, show_default=True, help="Seeds per variation (0, 1, ...).")
@click.option("--epochs", type=int, default=None, help="Set the epochs of every training stage.")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help="Change the base config; repeatable.")
@click.option("--baseline-only", is_flag=True)
@click.option("--method-only", is_flag=True)
@click.option("--device", default=None)
@_precision_option
def ablate(name, vary, seeds, epochs, sets, baseline_only, method_only, device, precision) -> None:
    """Vary one config key at a time from the default config and tabulate the results."""
    from paperkit.training.ablate import ablate as run_ablation
    from paperkit.training.ablate import markdown_table, variations
    from paperkit.training.experiment import ConfigRequest, arms_for, build_config, execute
    from paperkit.files import atomic_write_text
    from paperkit.training.records import new_run_dir, utc_now

    if seeds < 1:
        raise UsageError("--seeds must be at least 1")
    plugin = _registry().create(name)
    arms = arms_for(plugin, baseline_only, method_only)
    base = build_config(plugin, ConfigRequest(epochs=epochs, sets=tuple(sets)))
    rows = variations(base, list(vary))
    root = _workspace_root()
    runs_root = root / "runs"
    console = _console()

    def run_one(config, seed, row):
        run_dir = new_run_dir(runs_root, name, config)
        console.print(f"[bold]{row.label}[/bold], seed {seed}: {run_dir.name}")
        _, result = execute(plugin, config, seed=seed, arms=arms, run_dir=run_dir, device=device,
                            progress=_progress_wanted(), git_path=root, precision=precision,
                            argv=["ablate", name, *sum((["--vary", v] for v in vary), [])])
        return result["arms"]

    table = run_ablation(base, rows, list(range(seeds)), run_one)
    markdown = markdown_table(table, title=f"Ablation of {name} ({seeds} seed{'s' if seeds > 1 else ''}, mean ± std)")
    path = runs_root / name / f"ablation-{utc_now().replace(':', '').replace('-', '')}.md"
    atomic_write_text(path, markdown)
    click.echo(markdown)
    click.echo(f"table written to {path}")
