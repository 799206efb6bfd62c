"""Reading colours out of the trained networks and scoring them (Zhang et al. 2016 § 3.1).

Predictions are made at a quarter of the input resolution, decoded to ab (annealed mean for
the classifier, the output itself for the L2 regressor), upsampled bilinearly to full size and
recombined with the input's own L, as the paper does; the AuC is computed at full resolution.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from reproductions.colorization.encoding import annealed_mean
from reproductions.colorization.lab import rgb_to_lab
from reproductions.colorization.metrics import raw_accuracy_auc
from reproductions.colorization.models import normalised_lightness
from reproductions.colorization.objectives import AB_SCALE


def as_float(images: torch.Tensor) -> torch.Tensor:
    return images.float() / 255.0 if images.dtype == torch.uint8 else images.float()


@torch.no_grad()
def predict_ab(model, rgb: torch.Tensor, bins: torch.Tensor | None, temperature: float) -> torch.Tensor:
    """Full-resolution ab [B, 2, H, W] for images in [0, 1]; `bins` None means an L2 regressor."""
    out = model(normalised_lightness(rgb))
    ab = AB_SCALE * out if bins is None else annealed_mean(out, bins, temperature)
    return F.interpolate(ab, size=rgb.shape[-2:], mode="bilinear", align_corners=False)


@torch.no_grad()
def evaluate_colorization(
    model, images: torch.Tensor, bins_for_decoding: torch.Tensor | None, bins: torch.Tensor,
    temperature: float, batch_size: int = 256,
) -> dict[str, float]:
    """AuC (plain and rebalanced) and mean chroma of predictions vs truth on uint8 or float images."""
    was_training = model.training
    model.eval()
    predicted, truth = [], []
    for start in range(0, len(images), batch_size):
        rgb = as_float(images[start : start + batch_size])
        predicted.append(predict_ab(model, rgb, bins_for_decoding, temperature).cpu())
        truth.append(rgb_to_lab(rgb)[:, 1:].cpu())
    model.train(was_training)
    ab_pred, ab_true = torch.cat(predicted), torch.cat(truth)
    scores = raw_accuracy_auc(ab_pred, ab_true, bins.cpu())
    # Mean chroma |ab|: how saturated the colours are; L2's averaging shows up as a low value.
    scores["chroma"] = float(ab_pred.norm(dim=1).mean())
    scores["chroma_truth"] = float(ab_true.norm(dim=1).mean())
    return scores


@torch.no_grad()
def accuracy(model, images: torch.Tensor, labels: torch.Tensor, batch_size: int = 512) -> float:
    """Top-1 accuracy in % of a classifier taking RGB images."""
    was_training = model.training
    model.eval()
    correct = 0
    for start in range(0, len(images), batch_size):
        logits = model(as_float(images[start : start + batch_size]))
        correct += int((logits.argmax(dim=1) == labels[start : start + batch_size]).sum())
    model.train(was_training)
    return 100.0 * correct / max(1, len(images))
