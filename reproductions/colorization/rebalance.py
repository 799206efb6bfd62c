"""Class rebalancing (Zhang et al. 2016 § 2.2, Eq. 3-4).

Natural images are dominated by low-saturation ab values, so the plain cross-entropy learns to
paint everything grey-brown. Each pixel's loss is weighted by w_{q*} for its closest bin q*:

    w ∝ ((1 - λ) p̃ + λ / Q)^-1,   E_p̃[w] = Σ_q p̃_q w_q = 1                         (Eq. 4)

where p̃ is the empirical distribution of the training set's ab bins smoothed with a Gaussian
(σ = 5) over the ab plane, and λ = 0.5 mixes it with the uniform distribution.
"""

from __future__ import annotations

import torch

from reproductions.colorization.method import nearest_bin


def empirical_prior(ab: torch.Tensor, bins: torch.Tensor) -> torch.Tensor:
    """p: the fraction of ab pixels (any shape [..., 2]) whose nearest bin is each q, [Q]."""
    counts = torch.bincount(nearest_bin(ab, bins).reshape(-1), minlength=bins.shape[0]).to(torch.float64)
    return counts / counts.sum()


def smooth_prior(prior: torch.Tensor, bins: torch.Tensor, sigma: float = 5.0) -> torch.Tensor:
    """p̃ = G_σ * p: the prior blurred by a Gaussian on the ab plane, renormalised over the in-gamut bins."""
    d2 = torch.cdist(bins.double(), bins.double()) ** 2
    blurred = torch.exp(-d2 / (2.0 * sigma**2)) @ prior.double()
    return blurred / blurred.sum()


def rebalancing_weights(smoothed_prior: torch.Tensor, lam: float = 0.5) -> torch.Tensor:
    """Eq. 4: w_q ∝ ((1 - λ) p̃_q + λ / Q)^-1, scaled so that Σ_q p̃_q w_q = 1."""
    q = smoothed_prior.numel()
    w = 1.0 / ((1.0 - lam) * smoothed_prior + lam / q)
    return w / (smoothed_prior * w).sum()


def pixel_weights(targets: torch.Tensor, weights: torch.Tensor, dim: int = 1) -> torch.Tensor:
    """Eq. 3's v(Z_{h,w}) = w_{q*}, q* = argmax_q Z_{h,w,q}: one weight per pixel."""
    return weights.to(targets.dtype)[targets.argmax(dim=dim)]
