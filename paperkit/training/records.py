"""Run records: everything needed to repeat a run, and its results, in one folder.

    runs/<plugin>/<UTC time>-<config hash>/
        run.toml       [run] plugin, command, seed, started, finished, status, device, determinism
                       [config] the full config   [git] commit, branch, dirty, untracked
                       [versions] python, torch, torchvision, numpy, paperkit
        diff.patch     `git diff HEAD` when the working tree was dirty
        metrics.jsonl  one line per epoch (and whatever the plugin logs)
        result.json    {"plugin", "arms": {arm: {metric: value}}, "claims": [...], "config", "seed"}
        *.png          plots
        checkpoints/   per-stage checkpoints (what --resume continues from)

`load_run(path)` reads one back; `claims_rows` turns a plugin's claims and measured arms into the
claims table printed after a run.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import json
import platform
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from paperkit.config import config_hash, to_dict
from paperkit.errors import InvalidInputError, NotFoundError
from paperkit.files import atomic_write_text
from paperkit.training.plugin import Claim

RUN_FILE = "run.toml"
RESULT_FILE = "result.json"
METRICS_FILE = "metrics.jsonl"
NONE = "none"  # TOML has no null; config readers map "none" back to None for optional fields


def utc_now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_run_dir(runs_root: Path, plugin: str, config: Any, now: str | None = None) -> Path:
    """A fresh folder runs/<plugin>/<UTC time>-<config hash>/ (suffixed if two start in one second)."""
    stamp = (now or utc_now()).replace(":", "").replace("-", "")
    base = runs_root / plugin / f"{stamp}-{config_hash(config)}"
    path, n = base, 1
    while path.exists():
        n += 1
        path = base.with_name(f"{base.name}-{n}")
    path.mkdir(parents=True)
    return path


def library_versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    versions = {"python": platform.python_version()}
    for name in ("paperkit", "torch", "torchvision", "numpy"):
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = "absent"
    return versions


def _toml_ready(value: Any) -> Any:
    if value is None:
        return NONE
    if isinstance(value, dict):
        return {k: _toml_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_toml_ready(v) for v in value]
    return value


@dataclass
class RunRecord:
    path: Path
    plugin: str
    seed: int
    status: str  # running, finished, interrupted, failed, diverged (a NaN or infinite loss or metric)
    command: str = ""
    started: str = ""
    finished: str = ""
    device: str = ""
    determinism: str = ""
    config: dict[str, Any] = field(default_factory=dict)
    git: dict[str, Any] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)
    result: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # other [run] keys (e.g. arms, overrides)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def arms(self) -> dict[str, dict[str, float]]:
        return (self.result or {}).get("arms", {})

    @property
    def claims(self) -> list[dict[str, Any]]:
        """The claims table of a finished run (empty before it finished)."""
        return [c for c in (self.result or {}).get("claims", ()) if isinstance(c, dict)]

    @property
    def flat_config(self) -> list[tuple[str, Any]]:
        """The nested config as sorted ("optim.lr", 0.1) pairs."""
        pairs: list[tuple[str, Any]] = []

        def walk(prefix: str, value: Any) -> None:
            if isinstance(value, dict):
                for key in sorted(value):
                    walk(f"{prefix}.{key}" if prefix else str(key), value[key])
            else:
                pairs.append((prefix, value))

        walk("", self.config)
        return pairs

    def metrics(self) -> list[dict[str, Any]]:
        path = self.path / METRICS_FILE
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def save(self) -> None:
        import tomlkit

        document = tomlkit.document()
        run = {
            "plugin": self.plugin, "command": self.command, "seed": self.seed, "started": self.started,
            "finished": self.finished, "status": self.status, "device": self.device,
            "determinism": self.determinism, **self.extra,
        }
        document["run"] = _toml_ready(run)
        document["config"] = _toml_ready(self.config)
        document["git"] = _toml_ready(self.git)
        document["versions"] = self.versions
        atomic_write_text(self.path / RUN_FILE, tomlkit.dumps(document))


def start_run(
    run_dir: Path,
    plugin: str,
    config: Any,
    seed: int,
    *,
    device: str,
    determinism: str,
    argv: Iterable[str] | None = None,
    extra: dict[str, Any] | None = None,
    git_path: Path | None = None,
) -> RunRecord:
    """Write run.toml (status "running") and diff.patch when the working tree is dirty."""
    from paperkit.vcs import git_state

    state = git_state(git_path or run_dir)
    git = state.to_json() if state.in_repo else {"in_repo": False, "note": "the workspace is not inside a git repository"}
    record = RunRecord(
        path=run_dir, plugin=plugin, seed=seed, status="running",
        command=shlex.join(["paperkit", *(sys.argv[1:] if argv is None else argv)]),
        started=utc_now(), device=device, determinism=determinism,
        config=to_dict(config) if dataclasses.is_dataclass(config) else dict(config),
        git=git, versions=library_versions(), extra=dict(extra or {}),
    )
    record.save()
    if state.in_repo and state.dirty and state.diff:
        atomic_write_text(run_dir / "diff.patch", state.diff + "\n")
    return record


def claims_rows(claims: Iterable[Claim], arms: dict[str, dict[str, float]]) -> list[dict[str, Any]]:
    """The claims table: each paper claim beside the measured baseline and method."""
    rows = []
    for claim in claims:
        measured_b = arms.get("baseline", {}).get(claim.metric)
        measured_m = arms.get("method", {}).get(claim.metric)
        rows.append({
            "setting": claim.setting, "metric": claim.metric, "source": claim.source, "note": claim.note,
            "higher_is_better": claim.higher_is_better,
            "paper_baseline": claim.paper_baseline, "paper_method": claim.paper_method,
            "measured_baseline": measured_b, "measured_method": measured_m,
            "direction_held": claim.direction_held(measured_b, measured_m),
        })
    return rows


def finish_run(record: RunRecord, arms: dict[str, dict[str, float]], claims: Iterable[Claim], config: Any) -> dict:
    """Write result.json and mark the run finished."""
    result = {
        "plugin": record.plugin,
        "arms": arms,
        "claims": claims_rows(claims, arms),
        "config": to_dict(config) if dataclasses.is_dataclass(config) else config,
        "seed": record.seed,
    }
    atomic_write_text(record.path / RESULT_FILE, json.dumps(result, indent=2, default=str) + "\n")
    record.result = result
    record.status = "finished"
    record.finished = utc_now()
    record.save()
    return result


def mark(record: RunRecord, status: str) -> None:
    record.status = status
    record.finished = utc_now()
    record.save()


def _from_toml(value: Any) -> Any:
    if value == NONE:
        return None
    if isinstance(value, dict):
        return {k: _from_toml(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_from_toml(v) for v in value]
    return value


def load_run(path: str | Path) -> RunRecord:
    """Read a run folder (run.toml, and result.json when the run finished)."""
    import tomllib

    folder = Path(path)
    run_file = folder / RUN_FILE
    if not run_file.is_file():
        raise NotFoundError(f"{folder} is not a run folder (no {RUN_FILE})", hint="see `paperkit runs list`")
    try:
        data = tomllib.loads(run_file.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInputError(f"{run_file}: {exc}") from None
    run = dict(data.get("run", {}))
    known = {"plugin", "command", "seed", "started", "finished", "status", "device", "determinism"}
    result = None
    if (folder / RESULT_FILE).is_file():
        try:
            result = json.loads((folder / RESULT_FILE).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InvalidInputError(f"{folder / RESULT_FILE}: {exc}") from None
    return RunRecord(
        path=folder, plugin=run.get("plugin", ""), seed=int(run.get("seed", 0)), status=run.get("status", "?"),
        command=run.get("command", ""), started=run.get("started", ""), finished=run.get("finished", ""),
        device=run.get("device", ""), determinism=run.get("determinism", ""),
        config=_from_toml(data.get("config", {})), git=_from_toml(data.get("git", {})),
        versions=data.get("versions", {}), result=result,
        extra={k: _from_toml(v) for k, v in run.items() if k not in known},
    )


def list_runs(runs_root: Path, plugin: str | None = None) -> list[RunRecord]:
    """Every readable run under runs_root (oldest first)."""
    if not runs_root.is_dir():
        return []
    folders = sorted(runs_root.glob(f"{plugin or '*'}/*/{RUN_FILE}"))
    records = []
    for run_file in folders:
        try:
            records.append(load_run(run_file.parent))
        except (NotFoundError, InvalidInputError):
            continue
    return sorted(records, key=lambda r: (r.started, r.name))


def find_run(runs_root: Path, ref: str) -> RunRecord:
    """A run by path, by `<plugin>/<run>`, or by a unique prefix of its folder name."""
    direct = Path(ref)
    if (direct / RUN_FILE).is_file():
        return load_run(direct)
    if (runs_root / ref / RUN_FILE).is_file():
        return load_run(runs_root / ref)
    runs = list_runs(runs_root)
    # A whole name wins over longer names it begins: `X` must not be ambiguous beside its same-second twin `X-2`.
    matches = [r for r in runs if ref in (r.name, f"{r.plugin}/{r.name}")] or [
        r for r in runs if r.name.startswith(ref) or f"{r.plugin}/{r.name}".startswith(ref)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError(f"no run {ref!r} (looked for a folder, and under {runs_root})", hint="see `paperkit runs list`")
    names = ", ".join(f"{r.plugin}/{r.name}" for r in matches[:5])
    raise NotFoundError(f"{ref!r} matches {len(matches)} runs: {names}", hint="give more of the name")


# ---- tables ----------------------------------------------------------------------------------


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def claims_table(rows: list[dict[str, Any]]) -> Any:
    """A rich Table of the claims rows; numbers never wrap, the setting text takes what is left."""
    from rich.table import Table

    table = Table(title="Claims: the paper's numbers beside ours (baseline → method)", show_lines=True)
    table.add_column("setting", ratio=1, min_width=14, overflow="fold")
    table.add_column("metric", no_wrap=True)
    table.add_column("paper", no_wrap=True, justify="right")
    table.add_column("measured", no_wrap=True, justify="right")
    table.add_column("held", no_wrap=True, justify="center")
    held_style = {True: "[green]yes[/]", False: "[red]no[/]", None: "—"}
    for row in rows:
        arrow = "↑" if row["higher_is_better"] else "↓"
        table.add_row(
            row["setting"],
            f"{row['metric']} {arrow}",
            f"{_fmt(row['paper_baseline'])} → {_fmt(row['paper_method'])}",
            f"{_fmt(row['measured_baseline'])} → {_fmt(row['measured_method'])}",
            held_style.get(row["direction_held"], _fmt(row["direction_held"])),
        )
    return table


def mean_std(values: list[float]) -> tuple[float, float]:
    """Mean and sample standard deviation (0 for one value)."""
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, 0.0
    return mean, (sum((v - mean) ** 2 for v in values) / (n - 1)) ** 0.5


def format_mean_std(values: list[float]) -> str:
    if not values:
        return "—"
    mean, std = mean_std(values)
    return f"{mean:.4g}" if len(values) == 1 else f"{mean:.4g} ± {std:.2g}"
