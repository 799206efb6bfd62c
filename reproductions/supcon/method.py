"""Supervised Contrastive Learning (Khosla et al. 2020, arXiv 2004.11362), § 3, the method.

§ 3.1, the representation learning framework: each image gives V augmented views (the
"multiviewed batch"), an encoder Enc(·) maps a view to a representation r, and a projection
network Proj(·) maps r to an L2-normalised embedding z on the unit sphere. After pretraining Proj
is discarded and a linear classifier is trained on the frozen Enc (experiment.py; the engine's
linear probe). The encoders themselves (ResNets) are in experiment.py.

§ 3.2, the losses. Features come as `[N, V, D]`: N images, V views of each, embeddings z of
dimension D. The 2N (= N·V) views are all anchors. For an anchor i,

* A(i) is every other view in the batch (i itself is never its own contrast),
* P(i) ⊂ A(i) are the views with i's label (supervised) or the views of i's own image (SimCLR),

and with logits s_ia = z_i · z_a / τ:

* L_out^sup (Eq. 2): for each anchor, -1/|P(i)| Σ_{p∈P(i)} log( exp(s_ip) / Σ_{a∈A(i)} exp(s_ia) );
* L_in^sup  (Eq. 3): for each anchor, -log( 1/|P(i)| Σ_{p∈P(i)} exp(s_ip) / Σ_{a∈A(i)} exp(s_ia) ).

The paper sums over anchors; we average (as the authors' code does), which only rescales the
learning rate. Anchors with no positive (a class present once in a one-view batch) have an empty
inner mean: they are left out of the average instead of contributing 0/0 = NaN, and a batch with
no positive at all gives a zero loss that still has a gradient graph.

Without labels, P(i) is the other views of the same image and L_out^sup is SimCLR's NT-Xent
(Eq. 1). The authors' released code further multiplies the loss by τ / base_τ (base_τ = 0.07):
a constant factor, i.e. a learning-rate change, which the paper does not mention; it is applied
only when `base_temperature` is given.
"""

from __future__ import annotations

import math
from typing import Callable, Literal

import torch
import torch.nn.functional as F
from torch import nn

from paperkit.training.plugin import UsageError, color_jitter, random_resized_crop, simclr_augment

Variant = Literal["out", "in"]


def as_float(x: torch.Tensor) -> torch.Tensor:
    return x.float().div_(255) if x.dtype == torch.uint8 else x


# =====================================================================================
# § 3.1 The representation learning framework: Aug(·), Enc(·), Proj(·)
# =====================================================================================


def label_keeping_augment(x: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    """Views that keep a digit's label: a mild resized crop (0.6-1 of the area, so the stroke stays
    in view) and brightness/contrast jitter; no flip (a mirrored 2 or 5 is another symbol) and no
    hue (grey images carry none). The paper's CIFAR recipe assumes classes that survive both."""
    x = random_resized_crop(as_float(x), scale=(0.6, 1.0), gen=gen)
    return color_jitter(x, brightness=0.4, contrast=0.4, saturation=0.0, hue=0.0, p=0.8, gen=gen)


RECIPES = {"paper": simclr_augment, "label-keeping": label_keeping_augment}


def contrastive_views(views: int, recipe: str = "paper") -> Callable[[torch.Tensor, torch.Generator], torch.Tensor]:
    """The multiviewed batch (§ 3.1): `views` independent augmentations of each image, stacked
    view-major as [V·B, C, H, W]. `recipe` "paper" is the SupCon CIFAR recipe (crop 0.2-1, flip,
    colour jitter (0.4, 0.4, 0.4, 0.1) p=0.8, grayscale p=0.2); "label-keeping" is
    `label_keeping_augment`. The runner owns and checkpoints the generator.
    """
    one = RECIPES[recipe]

    def augment(x: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
        return torch.cat([one(as_float(x), gen) for _ in range(views)])

    return augment


class ProjectionHead(nn.Module):
    """Proj(·), § 3.1: MLP (one hidden layer as wide as r) to `dim`, then L2 normalisation."""

    def __init__(self, in_dim: int, dim: int = 128, kind: str = "mlp"):
        super().__init__()
        if kind == "mlp":
            self.net = nn.Sequential(nn.Linear(in_dim, in_dim), nn.ReLU(), nn.Linear(in_dim, dim))
        elif kind == "linear":
            self.net = nn.Linear(in_dim, dim)
        else:
            raise UsageError(f"model.head must be mlp or linear, got {kind!r}")

    def forward(self, r: torch.Tensor) -> torch.Tensor:
        return F.normalize(self.net(r), dim=1)


class ContrastiveNet(nn.Module):
    """Enc then Proj: images to unit-norm embeddings z (stage 1)."""

    def __init__(self, encoder: nn.Module, head: ProjectionHead):
        super().__init__()
        self.encoder = encoder
        self.head = head

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(x))


# =====================================================================================
# § 3.2 Contrastive losses: L_out^sup (Eq. 2), L_in^sup (Eq. 3), SimCLR (Eq. 1)
# =====================================================================================




def positive_mask(labels: torch.Tensor | None, n_images: int, n_views: int, device) -> torch.Tensor:
    """Boolean [NV, NV]: j is a positive of anchor i (same label, or same image without labels), j != i.

    Views are ordered view-major: row v*N + n is view v of image n.
    """
    if labels is None:
        group = torch.arange(n_images, device=device)
    else:
        if labels.shape != (n_images,):
            raise ValueError(f"labels must have shape [{n_images}], got {tuple(labels.shape)}")
        group = labels.to(device)
    group = group.repeat(n_views)
    same = group[:, None] == group[None, :]
    return same & ~torch.eye(len(group), dtype=torch.bool, device=device)


def contrastive_log_probs(features: torch.Tensor, temperature: float) -> torch.Tensor:
    """log( exp(s_ia) / Σ_{a∈A(i)} exp(s_ia) ) for all pairs [NV, NV]; the diagonal is -inf."""
    n_images, n_views, dim = features.shape
    z = features.transpose(0, 1).reshape(n_images * n_views, dim)  # view-major, as positive_mask
    logits = z @ z.T / temperature
    # A(i) excludes the anchor itself: mask it before the normaliser (log-sum-exp is stable).
    self_mask = torch.eye(len(z), dtype=torch.bool, device=z.device)
    logits = logits.masked_fill(self_mask, float("-inf"))
    return logits - torch.logsumexp(logits, dim=1, keepdim=True)


def supcon_loss(
    features: torch.Tensor,
    labels: torch.Tensor | None = None,
    *,
    temperature: float = 0.1,
    variant: Variant = "out",
    base_temperature: float | None = None,
) -> torch.Tensor:
    """SupCon loss (L_out^sup, Eq. 2, or L_in^sup, Eq. 3) of features [N, V, D]; SimCLR if labels is None."""
    if features.dim() != 3:
        raise ValueError(f"features must be [N, V, D], got {tuple(features.shape)}")
    n_images, n_views, _ = features.shape
    log_prob = contrastive_log_probs(features, temperature)
    positives = positive_mask(labels, n_images, n_views, features.device)
    count = positives.sum(dim=1)
    has_positive = count > 0
    safe_count = count.clamp(min=1).to(log_prob.dtype)
    # -inf on the diagonal never meets a positive; zero it so 0 * -inf does not make NaN.
    masked = torch.where(positives, log_prob, torch.zeros_like(log_prob))
    if variant == "out":
        # Eq. 2: the mean over positives sits outside the log.
        per_anchor = -masked.sum(dim=1) / safe_count
    elif variant == "in":
        # Eq. 3: the mean over positives sits inside the log.
        inside = torch.where(positives, log_prob, torch.full_like(log_prob, float("-inf")))
        # A row of only -inf would give a NaN gradient even if the row is discarded later.
        inside = torch.where(has_positive[:, None], inside, torch.zeros_like(inside))
        per_anchor = -(torch.logsumexp(inside, dim=1) - torch.log(safe_count))
        per_anchor = torch.where(has_positive, per_anchor, torch.zeros_like(per_anchor))
    else:
        raise ValueError(f"variant must be 'out' or 'in', got {variant!r}")
    n_anchors = has_positive.sum()
    loss = (per_anchor * has_positive).sum() / n_anchors.clamp(min=1)
    if base_temperature is not None:
        loss = loss * (temperature / base_temperature)
    return loss


def loss_floor(
    labels: torch.Tensor | None, n_views: int, *, temperature: float = 0.1, base_temperature: float | None = None
) -> float:
    """The infimum of either loss for this batch's labels: the mean over anchors of log|P(i)|.

    It is reached when every anchor's positives coincide with it and all negatives are far
    away: each positive then takes 1/|P(i)| of the softmax mass (Eq. 2 and Eq. 3 agree there).
    With augmentation off both views are identical, so an overfit model can get there.
    """
    if labels is None:  # SimCLR: the other V-1 views of the anchor's image
        floor = math.log(n_views - 1) if n_views > 1 else 0.0
    else:
        count = positive_mask(labels.cpu(), len(labels), n_views, "cpu").sum(dim=1)
        count = count[count > 0].double()
        floor = float(torch.log(count).mean()) if len(count) else 0.0
    if base_temperature is not None:
        floor *= temperature / base_temperature
    return floor


def collapsed_loss(n_anchors: int, *, temperature: float = 0.1, base_temperature: float | None = None) -> float:
    """The loss when all embeddings coincide: every anchor's softmax is uniform over 2N-1 others.

    An untrained encoder maps images to nearly the same direction, so this is the loss to
    expect at initialisation: log(NV - 1) for either variant, whatever the labels.
    """
    value = math.log(n_anchors - 1)
    if base_temperature is not None:
        value *= temperature / base_temperature
    return value
