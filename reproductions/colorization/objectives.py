"""The two colorization objectives compared by Zhang et al. 2016 (§ 2.1, Eq. 1-3).

Both take the network's output for the lightness L and the ground-truth ab at the output
resolution; both average over pixels (the paper sums, which only rescales the learning rate).
"""

from __future__ import annotations

import torch

from reproductions.colorization.encoding import soft_encode
from reproductions.colorization.rebalance import pixel_weights

# The regressor predicts ab / 10 and Eq. 1 is measured in those units: outputs are of order 1, and the
# overfit target (loss 0.05) means an RMS error of about 3 ab units, near the just-noticeable
# colour difference (ΔE ≈ 2.3), rather than a bound the untrained network already meets.
AB_SCALE = 10.0


def l2_loss(prediction: torch.Tensor, ab_true: torch.Tensor) -> torch.Tensor:
    """Eq. 1, the regression baseline: L_2(Ŷ, Y) = ½ Σ_{h,w} ||Y_{h,w} - Ŷ_{h,w}||², on ab / AB_SCALE.

    The mean under L2 of a multimodal colour distribution is a grey in between: the desaturated
    results the paper argues against.
    """
    return 0.5 * ((prediction - ab_true / AB_SCALE) ** 2).sum(dim=1).mean()


def classification_loss(
    logits: torch.Tensor,
    ab_true: torch.Tensor,
    bins: torch.Tensor,
    weights: torch.Tensor | None,
    *,
    neighbours: int = 5,
    sigma: float = 5.0,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Eq. 2-3, class-rebalanced multinomial cross-entropy, returned in its KL form.

    L_cl(Ẑ, Z) = -Σ_{h,w} v(Z_{h,w}) Σ_q Z_{h,w,q} log Ẑ_{h,w,q}. The soft target Z has entropy
    H(Z) > 0, so the cross-entropy cannot reach 0; subtracting the (constant) weighted entropy
    gives Σ v(Z) KL(Z || Ẑ), which has the same gradient and a floor of exactly 0 — what the
    overfit check needs. Returns (loss, the weighted target entropy that was subtracted).

    `logits` [B, Q, h, w], `ab_true` [B, 2, h, w]; `weights` None means no rebalancing (v = 1).
    """
    targets = soft_encode(ab_true.movedim(1, -1), bins, neighbours, sigma).movedim(-1, 1)  # [B, Q, h, w]
    v = torch.ones_like(targets[:, 0]) if weights is None else pixel_weights(targets, weights, dim=1)
    log_pred = torch.log_softmax(logits, dim=1)
    cross_entropy = -(targets * log_pred).sum(dim=1)
    entropy = -(targets * torch.log(targets.clamp(min=1e-30))).sum(dim=1)
    return (v * (cross_entropy - entropy)).mean(), (v * entropy).mean()
