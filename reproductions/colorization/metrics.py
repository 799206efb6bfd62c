"""The raw-accuracy AuC of Zhang et al. 2016 § 3.1 (Table 1, "AuC" columns).

"We compute the percentage of predicted pixel colors within a thresholded L2 distance of the
ground truth in ab color space. We then sweep across thresholds from 0 to 150 to produce a
cumulative mass function, integrate the area under the curve (AuC), and normalize." The
class-rebalanced variant re-weights pixels by the inverse probability of their colour class, so
rare saturated colours count as much as the common greys.
"""

from __future__ import annotations

import torch

from reproductions.colorization.method import nearest_bin


def accuracy_curve(distance: torch.Tensor, thresholds: torch.Tensor, weight: torch.Tensor | None = None) -> torch.Tensor:
    """Weighted fraction of pixels with ab error <= t, for each threshold t."""
    d = distance.reshape(-1).double()
    w = torch.ones_like(d) if weight is None else weight.reshape(-1).double()
    order = d.argsort()
    cumulative = torch.cat((torch.zeros(1, dtype=torch.float64), w[order].cumsum(0)))
    below = torch.searchsorted(d[order], thresholds.double(), right=True)
    return cumulative[below] / w.sum()


def auc(distance: torch.Tensor, weight: torch.Tensor | None = None, max_threshold: float = 150.0, steps: int = 151) -> float:
    """Area under the accuracy-vs-threshold curve on [0, max_threshold], normalised to [0, 1]."""
    thresholds = torch.linspace(0.0, max_threshold, steps, dtype=torch.float64)
    curve = accuracy_curve(distance, thresholds, weight)
    return float(torch.trapezoid(curve, thresholds) / max_threshold)


def class_balance_weights(ab_true: torch.Tensor, bins: torch.Tensor) -> torch.Tensor:
    """Per-pixel weight 1 / p(q*) for ab [..., 2], with p the frequency of the pixel's bin among these pixels.

    Estimating p on the evaluated pixels themselves makes every colour class present count
    equally and avoids dividing by a training prior that is zero for a colour never seen there.
    """
    q = nearest_bin(ab_true, bins).reshape(-1)
    counts = torch.bincount(q, minlength=bins.shape[0]).double()
    return (1.0 / counts[q]).reshape(ab_true.shape[:-1])


def raw_accuracy_auc(
    ab_pred: torch.Tensor, ab_true: torch.Tensor, bins: torch.Tensor, max_threshold: float = 150.0
) -> dict[str, float]:
    """Plain and class-rebalanced AuC (in %) for predicted and true ab, both [B, 2, H, W]."""
    distance = (ab_pred.double() - ab_true.double()).norm(dim=1)
    pixels_ab = ab_true.movedim(1, -1).float()
    return {
        "auc": 100.0 * auc(distance, None, max_threshold),
        "auc_rebal": 100.0 * auc(distance, class_balance_weights(pixels_ab, bins), max_threshold),
    }
