"""Ablations: vary one config key at a time from the default, over seeds, and tabulate like a paper.

`paperkit ablate NAME --vary train.lr=0.01,0.1 --vary data.label_noise=0,0.4 --seeds 3` runs the
default config and each single change (never two at once) for every seed, then writes a Markdown
table: rows are variations, columns are the measured metrics (arm/metric) as mean ± std.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from paperkit.config import apply_overrides
from paperkit.errors import NonFiniteLoss, UsageError
from paperkit.training.records import format_mean_std

DIVERGED = "diverged"  # the cell key listing the seeds of a variation whose run diverged


@dataclass(frozen=True)
class Variation:
    label: str  # "default" or "key=value"
    overrides: dict[str, str] = field(default_factory=dict)


def parse_vary(spec: str) -> tuple[str, list[str]]:
    """`key=v1,v2` -> (key, [v1, v2]); `;` separates values that themselves hold commas (tuples)."""
    key, sep, values = spec.partition("=")
    if not sep or not key.strip() or not values.strip():
        raise UsageError(f"--vary expects key=v1,v2,..., got {spec!r}")
    separator = ";" if ";" in values else ","
    return key.strip(), [v.strip() for v in values.split(separator) if v.strip()]


def variations(base: Any, specs: list[str]) -> list[Variation]:
    """The default, then one variation per (key, value); each value is type-checked against `base`."""
    if not specs:
        raise UsageError("ablate needs at least one --vary key=v1,v2")
    rows = [Variation("default")]
    seen: set[str] = set()
    for spec in specs:
        key, values = parse_vary(spec)
        if key in seen:
            raise UsageError(f"--vary {key} given twice", hint="list all its values in one --vary")
        seen.add(key)
        for value in values:
            apply_overrides(base, {key: value})  # reject unknown keys and bad values before any run
            rows.append(Variation(f"{key}={value}", {key: value}))
    return rows


def ablate(
    base: Any,
    rows: list[Variation],
    seeds: list[int],
    run_one: Callable[[Any, int, Variation], dict[str, dict[str, float]]],
) -> dict[str, dict[str, list[float]]]:
    """Run every variation for every seed; returns {row label: {"arm/metric": [value per seed]}}.

    A variation whose run diverges (NaN or inf) lists that seed under `DIVERGED` instead of
    stopping the ablation: a learning rate too large is a finding, not a crash.
    """
    table: dict[str, dict[str, list[float]]] = {}
    for row in rows:
        config = apply_overrides(base, row.overrides)
        cells: dict[str, list[float]] = {}
        for seed in seeds:
            try:
                measured = run_one(config, seed, row)
            except NonFiniteLoss:  # this variation diverged (its run is marked so); the others go on
                cells.setdefault(DIVERGED, []).append(float(seed))
                continue
            for arm, metrics in measured.items():
                for metric, value in metrics.items():
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        cells.setdefault(f"{arm}/{metric}", []).append(float(value))
        table[row.label] = cells
    return table


def markdown_table(table: dict[str, dict[str, list[float]]], title: str = "") -> str:
    columns: list[str] = []
    for cells in table.values():
        columns.extend(c for c in cells if c not in columns and c != DIVERGED)
    diverged = any(DIVERGED in cells for cells in table.values())
    lines = [f"### {title}", ""] if title else []
    notes = ["diverged"] if diverged else []
    lines.append("| variation | " + " | ".join(columns + notes) + " |")
    lines.append("|---|" + "---|" * (len(columns) + len(notes)))
    for label, cells in table.items():
        row = [format_mean_std(cells.get(c, [])) for c in columns]
        if diverged:
            seeds = cells.get(DIVERGED, [])
            row.append(f"seeds {', '.join(str(int(s)) for s in seeds)}" if seeds else "")
        lines.append(f"| {label} | " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n"
