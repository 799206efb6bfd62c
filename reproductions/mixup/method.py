"""mixup (Zhang, Cisse, Dauphin, Lopez-Paz, ICLR 2018, arXiv 1710.09412), the algorithm.

§ 2, Eq. (1): train on virtual examples

    x̃ = λ·x_i + (1 − λ)·x_j,    ỹ = λ·y_i + (1 − λ)·y_j,    λ ~ Beta(α, α),

where y are one-hot targets. As in the paper's Figure 1a, (x_j, y_j) is the same minibatch in a
shuffled order and one λ is drawn per minibatch. Cross-entropy is linear in the target, so the
loss on ỹ is λ·CE(f(x̃), y_i) + (1 − λ)·CE(f(x̃), y_j): no soft-target tensor is needed.
α → 0 recovers ERM (§ 2: "ERM is the α = 0 limit"); the paper uses α = 1 on CIFAR, 0.2 on ImageNet.

Randomness (λ and the permutation) comes from torch's global generator, which the framework
seeds and checkpoints, so a resumed run draws the same λ sequence as an uninterrupted one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F


@dataclass
class MixedBatch:
    inputs: torch.Tensor  # x̃ = λ·x + (1 − λ)·x[perm]
    targets_a: torch.Tensor  # y, int64 [B]
    targets_b: torch.Tensor  # y[perm]
    lam: float

    @property
    def dominant_targets(self) -> torch.Tensor:
        """The label carrying the larger weight: the argmax of the mixed target ỹ."""
        return self.targets_a if self.lam >= 0.5 else self.targets_b


def sample_lambdas(alpha: float, count: int) -> torch.Tensor:
    """`count` independent draws of λ ~ Beta(α, α) (Eq. 1), float64; α = 0 gives λ = 1 (no mixing)."""
    if alpha < 0:
        raise ValueError(f"mixup alpha must be >= 0, got {alpha}")
    if alpha == 0:  # the authors' code: no mixing at α = 0
        return torch.ones(count, dtype=torch.float64)
    # λ = G₁ / (G₁ + G₂) with G ~ Gamma(α), computed in log space: for small α the gamma draws
    # underflow to 0 (torch's own Beta then returns 0.5, which is wrong). log G = log G' + log(U)/α
    # with G' ~ Gamma(α + 1), U ~ U(0, 1) is an exact identity (Marsaglia & Tsang 2000, § 6).
    shape = torch.full((2, count), float(alpha) + 1.0, dtype=torch.float64)
    log_gamma = torch.distributions.Gamma(shape, 1.0).sample().log() + torch.rand(2, count, dtype=torch.float64).log() / alpha
    return torch.sigmoid(log_gamma[0] - log_gamma[1])


def sample_lambda(alpha: float) -> float:
    """One λ ~ Beta(α, α) for a minibatch."""
    return float(sample_lambdas(alpha, 1)[0])


def mix(x: torch.Tensor, y: torch.Tensor, lam: float, perm: torch.Tensor) -> MixedBatch:
    """Eq. (1) with x_j = x[perm]: a convex combination of each example with its partner."""
    if lam == 1.0:  # exact ERM: no arithmetic that could perturb the inputs' bits
        return MixedBatch(x, y, y[perm], 1.0)
    return MixedBatch(lam * x + (1.0 - lam) * x[perm], y, y[perm], lam)


def mix_batch(x: torch.Tensor, y: torch.Tensor, alpha: float) -> MixedBatch:
    """Draw λ and a permutation of the batch, and mix (the per-minibatch recipe of Fig. 1a)."""
    lam = sample_lambda(alpha)
    perm = torch.randperm(x.shape[0], device=x.device)
    return mix(x, y, lam, perm)


def mixup_cross_entropy(logits: torch.Tensor, batch: MixedBatch) -> torch.Tensor:
    """CE against ỹ = λ·y_a + (1 − λ)·y_b, written as λ·CE(y_a) + (1 − λ)·CE(y_b)."""
    loss_a = F.cross_entropy(logits, batch.targets_a)
    if batch.lam == 1.0:
        return loss_a
    return batch.lam * loss_a + (1.0 - batch.lam) * F.cross_entropy(logits, batch.targets_b)


def binary_entropy(lam: float) -> float:
    """H(λ) in nats: the cross-entropy floor of one example mixed from two different labels."""
    if lam <= 0.0 or lam >= 1.0:
        return 0.0
    return -(lam * math.log(lam) + (1.0 - lam) * math.log(1.0 - lam))


def expected_binary_entropy(alpha: float) -> float:
    """E[H(λ)] for λ ~ Beta(α, α), in nats.

    For Beta(a, b), E[−λ ln λ] = (a / (a + b))·(ψ(a + b + 1) − ψ(a + 1)); by symmetry the two
    terms of H are equal, so E[H] = ψ(2α + 1) − ψ(α + 1). α = 1 gives 1/2 nat; α → 0 gives 0.
    """
    if alpha <= 0:
        return 0.0
    return float(torch.special.digamma(torch.tensor(2 * alpha + 1.0, dtype=torch.float64))
                 - torch.special.digamma(torch.tensor(alpha + 1.0, dtype=torch.float64)))


def mixed_loss_floor(alpha: float, labels: torch.Tensor) -> float:
    """The lowest expected mixup loss on a fixed set of examples: E[H(λ)]·P(partner's label differs).

    The minimum over predictions of λ·CE(a) + (1 − λ)·CE(b) is H(λ) when a ≠ b and 0 when a = b.
    With a uniform random permutation the partner of any example is uniform over the set (itself
    included), so P(differ) = 1 − Σ_c (n_c / n)².
    """
    counts = torch.bincount(labels.flatten().long()).double()
    p_same = float(((counts / counts.sum()) ** 2).sum())
    return expected_binary_entropy(alpha) * (1.0 - p_same)
