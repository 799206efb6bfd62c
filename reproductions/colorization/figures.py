"""What a run writes for people to look at: an example grid and the downstream table."""

from __future__ import annotations

import io
from pathlib import Path

import torch
import torch.nn.functional as F

from paperkit.files import atomic_write_bytes
from reproductions.colorization.lab import lab_to_rgb, rgb_to_lab


def colorized(rgb: torch.Tensor, ab: torch.Tensor) -> torch.Tensor:
    """The images' own L with predicted ab, back in sRGB."""
    lab = rgb_to_lab(rgb)
    return lab_to_rgb(torch.cat((lab[:, :1], ab.to(lab.dtype)), dim=1))


def example_grid(path: Path, rgb: torch.Tensor, predictions: dict[str, torch.Tensor], scale: int = 4) -> list[str]:
    """Save a PNG: one row per image, columns grayscale input | each prediction | ground truth.

    Returns the column titles (the PNG has none; the README and the run log name them).
    """
    from torchvision.utils import save_image

    gray = lab_to_rgb(torch.cat((rgb_to_lab(rgb)[:, :1], torch.zeros_like(rgb[:, :2])), dim=1))
    columns = [gray, *(colorized(rgb, ab) for ab in predictions.values()), rgb]
    tiles = torch.stack(columns, dim=1).flatten(0, 1)  # row-major: image by image
    tiles = F.interpolate(tiles, scale_factor=scale, mode="nearest")
    buffer = io.BytesIO()
    save_image(tiles.cpu(), buffer, format="png", nrow=len(columns), padding=2, pad_value=1.0)
    atomic_write_bytes(path, buffer.getvalue())
    return ["grayscale input", *predictions, "ground truth"]


def downstream_table(rows: dict[str, dict[str, float]], label_fraction: float, labelled: int) -> str:
    """Markdown: linear-probe and fine-tune test accuracy per initialisation."""
    lines = [
        f"Downstream classification with {label_fraction:.0%} of the training labels ({labelled} images), "
        "test accuracy in %, input lightness only.",
        "",
        "| initialisation | linear probe | fine-tune |",
        "|---|---:|---:|",
    ]
    for name, row in rows.items():
        probe, tune = row.get("probe"), row.get("finetune")
        lines.append(f"| {name} | {_cell(probe)} | {_cell(tune)} |")
    return "\n".join(lines) + "\n"


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"
