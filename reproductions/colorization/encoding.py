"""Soft encoding of ab targets and annealed-mean decoding (Zhang et al. 2016 § 2.1, § 2.3).

The network predicts a distribution Ẑ over the Q in-gamut ab bins for each pixel. Its target Z
is the ground-truth ab softly encoded over the nearest bins; a colour is read back out of Ẑ with
the annealed mean, which interpolates between the mode (vivid, patchy) and the mean (smooth,
desaturated).
"""

from __future__ import annotations

import torch


def soft_encode(ab: torch.Tensor, bins: torch.Tensor, neighbours: int = 5, sigma: float = 5.0) -> torch.Tensor:
    """Soft targets Z for ab values: [..., 2] -> [..., Q], each row summing to 1.

    § 2.1: "we find the 5-nearest neighbors to Y_{h,w} in the output space and weight them
    proportionally to their distance from the ground truth using a Gaussian kernel with σ = 5".
    The authors' released code uses 10 neighbours; `neighbours` chooses.
    """
    flat = ab.reshape(-1, 2).to(bins.dtype)
    dist = torch.cdist(flat, bins)  # [N, Q]
    nearest, index = dist.topk(min(neighbours, bins.shape[0]), dim=1, largest=False)
    # Softmax of -d²/2σ² is the normalised Gaussian kernel, computed without underflow far from a bin.
    weight = torch.softmax(-(nearest**2) / (2.0 * sigma**2), dim=1)
    target = torch.zeros_like(dist).scatter_(1, index, weight)
    return target.reshape(*ab.shape[:-1], bins.shape[0])


def annealed_mean(logits: torch.Tensor, bins: torch.Tensor, temperature: float = 0.38, dim: int = 1) -> torch.Tensor:
    """Eq. 5: H(Z) = E[f_T(Z)], f_T(z) = exp(log z / T) / Σ_q exp(log z_q / T).

    `logits` hold the Q bin scores along `dim`; the result has 2 (a, b) along `dim`. With
    log z = logits - logsumexp, f_T(z) = softmax(logits / T): the normaliser cancels. T = 1 is the
    mean of the predicted distribution, T -> 0 its mode; the paper picks T = 0.38.
    """
    probs = torch.softmax(logits / temperature, dim=dim)
    moved = probs.movedim(dim, -1)
    return (moved @ bins.to(moved.dtype)).movedim(-1, dim)
