"""Run records: everything needed to repeat a run, and its results, in one folder.

    runs/<plugin>/<UTC time>-<config hash>/
        run.toml       [run] plugin, command, seed (the first), seeds, started, finished, status, device,
                       determinism   [config] the full config   [git] commit, branch, dirty, untracked
                       [versions] python, torch, torchvision, numpy, paperkit
        diff.patch     `git diff HEAD` when the working tree was dirty
        result.json    {"plugin", "arms": {arm: {metric: mean over seeds}}, "seeds", "per_seed":
                       {seed: {arm: {metric: value}}}, "setting", "claims": [...], "config", "seed"}
        metrics.jsonl  one line per epoch (and whatever the plugin logs)
        *.png          plots
        checkpoints/   per-stage checkpoints (what --resume continues from)

A run of several seeds keeps the last three per seed, in seed-<s>/, beside that seed's arms.json
(written when the seed finished, so --resume skips it); a one-seed run keeps them at the top.

`load_run(path)` reads one back; `claims_rows` turns a plugin's claims and the measured arms of
each seed into the claims table printed after a run, with each claim's verdict.
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
from typing import Any, Iterable, Mapping

from paperkit.config import config_hash, to_dict
from paperkit.errors import InvalidInputError, NotFoundError
from paperkit.files import atomic_write_text
from paperkit.training.plugin import Claim
from paperkit.training.verdicts import NOT_MEASURED, Verdict, judge, mean_std

RUN_FILE = "run.toml"
RESULT_FILE = "result.json"
METRICS_FILE = "metrics.jsonl"
NONE = "none"  # TOML has no null; config readers map "none" back to None for optional fields


def seed_dir(run_dir: Path, seed: int) -> Path:
    """Where one seed of a run of several seeds keeps its checkpoints, metrics and plots."""
    return run_dir / f"seed-{seed}"


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


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

    @property
    def seeds(self) -> list[int]:
        return [int(s) for s in self.extra.get("seeds", [self.seed])]

    def metrics(self) -> list[dict[str, Any]]:
        """metrics.jsonl's lines; a run of several seeds gives each seed's, each line with its "seed"."""
        if len(self.seeds) == 1:
            return _read_jsonl(self.path / METRICS_FILE)
        return [{"seed": seed, **line} for seed in self.seeds for line in _read_jsonl(seed_dir(self.path, seed) / METRICS_FILE)]

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


def _numbers(per_seed: Iterable[Mapping[str, Mapping[str, Any]]], arm: str, metric: str) -> list[float]:
    values = (arms.get(arm, {}).get(metric) for arms in per_seed)
    return [float(v) for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]


def claims_rows(
    claims: Iterable[Claim],
    per_seed: Iterable[Mapping[str, Mapping[str, Any]]] | Mapping[str, Mapping[str, Any]],
    *,
    datasets: Iterable[str] = (),
    setting: str = "",
) -> list[dict[str, Any]]:
    """The claims table: each paper claim beside the measured arms (mean ± sd over seeds) and its verdict.

    `per_seed` holds one {arm: {metric: value}} per seed (a single mapping is one seed). A claim
    about a dataset the run did not use (`datasets`) is "not measured", its numbers left empty.
    """
    seeds = [per_seed] if isinstance(per_seed, Mapping) else list(per_seed)
    used = tuple(datasets)
    rows = []
    for claim in claims:
        applies = claim.applies_to(used) if used else True
        base = _numbers(seeds, "baseline", claim.metric) if applies else []
        meth = _numbers(seeds, "method", claim.metric) if applies else []
        verdict = judge(base, meth, claim.higher_is_better)
        if not applies:
            verdict = Verdict(NOT_MEASURED, f"the paper's data is {', '.join(claim.datasets)}; this run used {', '.join(used)}")
        mean_b, sd_b = mean_std(base) if base else (None, None)
        mean_m, sd_m = mean_std(meth) if meth else (None, None)
        rows.append({
            "setting": claim.setting, "measured_setting": setting if applies else "",
            "datasets": list(claim.datasets), "metric": claim.metric, "source": claim.source, "note": claim.note,
            "higher_is_better": claim.higher_is_better,
            "paper_baseline": claim.paper_baseline, "paper_method": claim.paper_method,
            "measured_baseline": mean_b, "measured_method": mean_m, "baseline_sd": sd_b, "method_sd": sd_m,
            "baseline_values": base, "method_values": meth,
            "measured": f"{_measured_text(mean_b, sd_b, len(base))} → {_measured_text(mean_m, sd_m, len(meth))}"
            + (f" ({max(len(base), len(meth))} seeds)" if max(len(base), len(meth)) > 1 else ""),
            "direction_held": claim.direction_held(mean_b, mean_m),
            "verdict": verdict.verdict, "verdict_reason": verdict.reason, "t": verdict.t, "p_value": verdict.p_value,
        })
    return rows


def _measured_text(mean: float | None, sd: float | None, n: int) -> str:
    if mean is None:
        return "—"
    return f"{_fmt(mean)} ± {sd:.2g}" if n > 1 and sd is not None else _fmt(mean)


def mean_arms(per_seed: list[Mapping[str, Mapping[str, Any]]]) -> dict[str, dict[str, Any]]:
    """{arm: {metric: mean over the seeds}}; a value that is not a number is the first seed's."""
    arms: dict[str, dict[str, Any]] = {}
    for seed_arms in per_seed:
        for arm, metrics in seed_arms.items():
            for metric, value in metrics.items():
                arms.setdefault(arm, {}).setdefault(metric, value)
    for arm, metrics in arms.items():
        for metric, first in metrics.items():
            values = _numbers(per_seed, arm, metric)
            if values and isinstance(first, (int, float)) and not isinstance(first, bool):
                metrics[metric] = mean_std(values)[0]
    return arms


def finish_run(
    record: RunRecord,
    per_seed: Mapping[int, Mapping[str, Mapping[str, Any]]],
    claims: Iterable[Claim],
    config: Any,
    *,
    datasets: Iterable[str] = (),
    setting: str = "",
) -> dict:
    """Write result.json (arms as means over seeds, each seed's arms, the claims and their verdicts); mark the run finished."""
    seeds = list(per_seed.values())
    result = {
        "plugin": record.plugin,
        "arms": mean_arms(seeds),
        "seeds": list(per_seed),
        "per_seed": {str(seed): arms for seed, arms in per_seed.items()},
        "setting": setting,
        "claims": claims_rows(claims, seeds, datasets=datasets, setting=setting),
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


def _measured(row: dict[str, Any], arm: str) -> str:
    return _measured_text(row.get(f"measured_{arm}"), row.get(f"{arm}_sd"), len(row.get(f"{arm}_values") or []))


def _verdict_text(row: dict[str, Any]) -> tuple[str, str]:
    """(verdict, a short reason) of a claims row; rows written before verdicts existed show their direction."""
    verdict = row.get("verdict")
    if verdict is None:
        held = row.get("direction_held")
        return ("—" if held is None else "direction held" if held else "direction not held"), "1 seed, no margin"
    if verdict == "not measured":
        datasets = row.get("datasets") or []
        return verdict, (f"paper's data: {', '.join(datasets)}" if row.get("measured_setting") == "" and datasets
                         else "not in this setting")
    if row.get("p_value") is not None and row.get("t") not in (None, 0.0):
        return verdict, f"p = {row['p_value']:.2g}"
    return verdict, row.get("verdict_reason", "").split(":")[0]


def claims_table(rows: list[dict[str, Any]]) -> Any:
    """A rich Table of the claims rows: the paper's setting and numbers beside the measured ones and the verdict."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(
        title="Claims: the paper's numbers beside ours (baseline → method; mean ± sd over seeds; Welch's t-test, 5 %)",
        show_lines=True,
    )
    table.add_column("claim: the paper's setting, metric, and the setting measured here", ratio=1, min_width=20, overflow="fold")
    table.add_column("paper", no_wrap=True, justify="right")
    table.add_column("measured", no_wrap=True, justify="right")
    table.add_column("verdict", max_width=16, justify="center")
    colours = {"held": "green", "not held": "red", "inconclusive": "yellow"}
    for row in rows:
        arrow = "↑" if row["higher_is_better"] else "↓"
        verdict, reason = _verdict_text(row)
        claim = f"{escape(row['setting'])}\n[bold]{escape(row['metric'])} {arrow}[/]"
        here = row.get("measured_setting") or ""
        if verdict == "not measured" or not here:
            measured = "—"
        else:
            claim += f"\n[dim]here: {escape(here)}[/]"
            seeds = len(row.get("baseline_values") or row.get("method_values") or [])
            measured = f"{_measured(row, 'baseline')}\n→ {_measured(row, 'method')}"
            if seeds:
                measured += f"\n({seeds} seed{'s' if seeds != 1 else ''})"
        if row.get("verdict") is None:  # a row written before measured settings and verdicts
            measured = f"{_fmt(row['measured_baseline'])}\n→ {_fmt(row['measured_method'])}"
        colour = colours.get(verdict)
        shown = f"[{colour}]{verdict}[/]" if colour else verdict
        table.add_row(
            claim,
            f"{_fmt(row['paper_baseline'])}\n→ {_fmt(row['paper_method'])}",
            measured,
            f"{shown}\n[dim]{escape(reason)}[/]" if reason else shown,
        )
    return table


def format_mean_std(values: list[float]) -> str:
    if not values:
        return "—"
    mean, std = mean_std(values)
    return f"{mean:.4g}" if len(values) == 1 else f"{mean:.4g} ± {std:.2g}"
