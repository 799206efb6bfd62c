"""Colorful Image Colorization (Zhang, Isola, Efros 2016, arXiv 1603.08511), § 2, the method.

Read top to bottom, in the paper's order:

* § 2, CIE Lab: the network sees the lightness L and predicts the colour channels ab;
* § 2.1, Eq. 1: L2 regression on ab, the baseline the paper argues against;
* § 2.1, the quantized ab output space: bins of side 10 that the sRGB gamut reaches (Q classes);
* § 2.1, soft-encoding: each pixel's target Z is its true ab spread over the nearest bins;
* § 2.2, Eq. 3-4, class rebalancing: a per-pixel weight from the smoothed empirical ab prior;
* § 2.1, Eq. 2: the class-rebalanced multinomial cross-entropy (with the § 2.2 weights);
* § 2.3, Eq. 5: the annealed mean, from a predicted distribution back to one colour.

Everything here is a pure function of torch tensors. The network, the training stages and the
evaluation (the raw-accuracy AuC of § 3.1) are in experiment.py.
"""

from __future__ import annotations

import functools

import torch


# =============================================================================================
# § 2 CIE Lab: sRGB <-> L*a*b* (D65 white, 2° observer) on batches of tensors
# =============================================================================================
# The conversion runs in torch, on the run's device, so whole batches are converted inside the
# training step instead of image by image with PIL. Images are float tensors [B, 3, H, W] with
# sRGB values in [0, 1]; Lab tensors are [B, 3, H, W] with L in [0, 100] and a, b roughly in
# [-110, 110].

# IEC 61966-2-1 (sRGB) primaries to CIE XYZ for the D65 white point.
_RGB_TO_XYZ = (
    (0.4124564, 0.3575761, 0.1804375),
    (0.2126729, 0.7151522, 0.0721750),
    (0.0193339, 0.1191920, 0.9503041),
)
# Reference white D65 (Y normalised to 1): sRGB (1, 1, 1) maps to it, so white has a = b = 0.
D65 = (0.95047, 1.0, 1.08883)
# CIE 1976 constants: f(t) is a cube root above (6/29)^3 and a line below it (continuous at the joint).
_DELTA = 6.0 / 29.0


def _matrix(rows, like: torch.Tensor) -> torch.Tensor:
    return torch.tensor(rows, dtype=like.dtype, device=like.device)


def srgb_to_linear(rgb: torch.Tensor) -> torch.Tensor:
    """Undo the sRGB transfer curve (a 2.4 power with a linear toe)."""
    return torch.where(rgb <= 0.04045, rgb / 12.92, ((rgb.clamp(min=0.0) + 0.055) / 1.055) ** 2.4)


def linear_to_srgb(linear: torch.Tensor) -> torch.Tensor:
    return torch.where(linear <= 0.0031308, linear * 12.92, 1.055 * linear.clamp(min=0.0) ** (1.0 / 2.4) - 0.055)


def rgb_to_lab(rgb: torch.Tensor) -> torch.Tensor:
    """sRGB [B, 3, H, W] in [0, 1] -> Lab [B, 3, H, W]."""
    linear = srgb_to_linear(rgb)
    xyz = torch.einsum("ij,bjhw->bihw", _matrix(_RGB_TO_XYZ, rgb), linear)
    xyz = xyz / _matrix(D65, rgb).view(1, 3, 1, 1)
    f = torch.where(xyz > _DELTA**3, xyz.clamp(min=_DELTA**3) ** (1.0 / 3.0), xyz / (3 * _DELTA**2) + 4.0 / 29.0)
    fx, fy, fz = f[:, 0], f[:, 1], f[:, 2]
    return torch.stack((116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)), dim=1)


def lab_to_xyz(lab: torch.Tensor) -> torch.Tensor:
    """Lab -> XYZ relative to D65 (not clipped: out-of-gamut colours come out as they are)."""
    fy = (lab[:, 0] + 16.0) / 116.0
    fx = fy + lab[:, 1] / 500.0
    fz = fy - lab[:, 2] / 200.0
    f = torch.stack((fx, fy, fz), dim=1)
    xyz = torch.where(f > _DELTA, f**3, 3 * _DELTA**2 * (f - 4.0 / 29.0))
    return xyz * _matrix(D65, lab).view(1, 3, 1, 1)


def lab_to_linear_rgb(lab: torch.Tensor) -> torch.Tensor:
    """Lab -> linear RGB, unclipped; a channel outside [0, 1] means the colour is outside sRGB."""
    inverse = torch.linalg.inv(_matrix(_RGB_TO_XYZ, lab).double()).to(lab.dtype)
    return torch.einsum("ij,bjhw->bihw", inverse, lab_to_xyz(lab))


def lab_to_rgb(lab: torch.Tensor) -> torch.Tensor:
    """Lab [B, 3, H, W] -> sRGB in [0, 1] (clipped to the gamut for display)."""
    return linear_to_srgb(lab_to_linear_rgb(lab).clamp(0.0, 1.0)).clamp(0.0, 1.0)


def lightness(rgb: torch.Tensor) -> torch.Tensor:
    """The L channel [B, 1, H, W] of sRGB images: the colorization network's input."""
    return rgb_to_lab(rgb)[:, :1]


# =============================================================================================
# § 2.1, Eq. 1: L2 regression on ab, the baseline
# =============================================================================================
# The regressor predicts ab / 10 and Eq. 1 is measured in those units: outputs are of order 1, and
# the overfit target (loss 0.05) means an RMS error of about 3 ab units, near the just-noticeable
# colour difference (ΔE ≈ 2.3), rather than a bound the untrained network already meets.
AB_SCALE = 10.0


def l2_loss(prediction: torch.Tensor, ab_true: torch.Tensor) -> torch.Tensor:
    """Eq. 1, the regression baseline: L_2(Ŷ, Y) = ½ Σ_{h,w} ||Y_{h,w} - Ŷ_{h,w}||², on ab / AB_SCALE.

    The mean under L2 of a multimodal colour distribution is a grey in between: the desaturated
    results the paper argues against.
    """
    return 0.5 * ((prediction - ab_true / AB_SCALE) ** 2).sum(dim=1).mean()


# =============================================================================================
# § 2.1 The quantized ab output space: the in-gamut bins
# =============================================================================================
# The ab plane is divided into square bins of side `grid` (10 in the paper) and only the bins the
# sRGB gamut reaches are kept: Q = 313 in the paper. The set is computed here from the gamut
# itself: every sRGB colour on a fine lattice of the RGB cube is converted to Lab and its ab pair
# is assigned to the nearest grid point; a bin is in gamut when at least one colour lands in it.


def _cube_lattice(steps: int) -> torch.Tensor:
    """All RGB colours on a `steps`^3 lattice of the unit cube, as a [N, 3, 1, 1] batch."""
    axis = torch.linspace(0.0, 1.0, steps, dtype=torch.float64)
    r, g, b = torch.meshgrid(axis, axis, axis, indexing="ij")
    return torch.stack((r, g, b), dim=-1).reshape(-1, 3, 1, 1)


def _cube_surface(steps: int) -> torch.Tensor:
    """Colours on the six faces of the RGB cube at `steps` per side: the most saturated ones."""
    axis = torch.linspace(0.0, 1.0, steps, dtype=torch.float64)
    u, v = torch.meshgrid(axis, axis, indexing="ij")
    u, v = u.reshape(-1), v.reshape(-1)
    faces = []
    for fixed in (0.0, 1.0):
        w = torch.full_like(u, fixed)
        faces += [torch.stack(c, dim=-1) for c in ((w, u, v), (u, w, v), (u, v, w))]
    return torch.cat(faces).reshape(-1, 3, 1, 1)


@functools.lru_cache(maxsize=8)
def in_gamut_bins(
    grid: float = 10.0, margin: float = 0.0, surface_steps: int = 256, interior_steps: int = 32
) -> torch.Tensor:
    """Centres [Q, 2] (a, b) of the ab bins the sRGB gamut reaches, sorted by (a, b).

    A bin is kept when some sRGB colour lies within `grid / 2 + margin` of its centre in both a
    and b (Chebyshev distance): with margin 0 that is "some colour quantizes into this bin". The
    ab extent of the gamut is reached on the cube's surface, which is sampled at every 8-bit
    level; the interior is sampled more coarsely for completeness.
    """
    colours = torch.cat((_cube_surface(surface_steps), _cube_lattice(interior_steps)))
    ab = rgb_to_lab(colours)[:, 1:, 0, 0]
    reach = grid / 2.0 + margin
    # The grid points within `reach` of a colour, per axis: first..last index of the box around it.
    first = torch.ceil((ab - reach) / grid - 1e-9).to(torch.int64)
    last = torch.floor((ab + reach) / grid + 1e-9).to(torch.int64)
    span = int((last - first).max().item())
    reached = []
    for da in range(span + 1):
        for db in range(span + 1):
            cell = first + torch.tensor([da, db])
            reached.append(cell[(cell <= last).all(dim=1)])
    cells = torch.unique(torch.cat(reached), dim=0)  # sorted lexicographically: by a, then b
    return (cells.to(torch.float32) * grid).contiguous()


def bin_centres_in_gamut(grid: float = 10.0, lightness_steps: int = 101) -> torch.Tensor:
    """The stricter alternative: bins whose *centre* is an sRGB colour at some lightness.

    Only for comparison in the README; the model uses `in_gamut_bins`.
    """
    span = torch.arange(-120.0, 121.0, grid, dtype=torch.float64)
    a, b = torch.meshgrid(span, span, indexing="ij")
    a, b = a.reshape(-1), b.reshape(-1)
    levels = torch.linspace(0.0, 100.0, lightness_steps, dtype=torch.float64)
    lab = torch.stack(
        (levels.view(-1, 1).expand(-1, a.numel()), a.expand(len(levels), -1), b.expand(len(levels), -1)), dim=1
    ).unsqueeze(-1)  # [L, 3, bins, 1]
    rgb = lab_to_linear_rgb(lab)
    inside = ((rgb >= 0.0) & (rgb <= 1.0)).all(dim=1).any(dim=0).squeeze(-1)
    return torch.stack((a[inside], b[inside]), dim=-1).to(torch.float32)


def nearest_bin(ab: torch.Tensor, bins: torch.Tensor) -> torch.Tensor:
    """Index of the nearest bin centre for each ab pair: [..., 2] -> [...] int64."""
    flat = ab.reshape(-1, 2).to(bins.dtype)
    # In chunks: a whole test set's pixels against Q bins would not fit in memory at once.
    index = [torch.cdist(chunk, bins).argmin(dim=1) for chunk in flat.split(65536)]
    return torch.cat(index).reshape(ab.shape[:-1]) if index else torch.zeros(ab.shape[:-1], dtype=torch.int64)


# =============================================================================================
# § 2.1 Soft-encoding: the target distribution Z
# =============================================================================================
# The network predicts a distribution Ẑ over the Q in-gamut ab bins for each pixel. Its target Z
# is the ground-truth ab softly encoded over the nearest bins.


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


# =============================================================================================
# § 2.2, Eq. 3-4: class rebalancing
# =============================================================================================
# Natural images are dominated by low-saturation ab values, so the plain cross-entropy learns to
# paint everything grey-brown. Each pixel's loss is weighted by w_{q*} for its closest bin q*:
#
#     w ∝ ((1 - λ) p̃ + λ / Q)^-1,   E_p̃[w] = Σ_q p̃_q w_q = 1                         (Eq. 4)
#
# where p̃ is the empirical distribution of the training set's ab bins smoothed with a Gaussian
# (σ = 5) over the ab plane, and λ = 0.5 mixes it with the uniform distribution.


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


# =============================================================================================
# § 2.1, Eq. 2: the class-rebalanced multinomial cross-entropy
# =============================================================================================
# Both objectives (Eq. 1 above, Eq. 2 here) take the network's output for the lightness L and the
# ground-truth ab at the output resolution; both average over pixels (the paper sums, which only
# rescales the learning rate).


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


# =============================================================================================
# § 2.3, Eq. 5: the annealed mean, from Ẑ back to a colour
# =============================================================================================
# The annealed mean interpolates between the mode of Ẑ (vivid, patchy) and its mean (smooth,
# desaturated).


def annealed_mean(logits: torch.Tensor, bins: torch.Tensor, temperature: float = 0.38, dim: int = 1) -> torch.Tensor:
    """Eq. 5: H(Z) = E[f_T(Z)], f_T(z) = exp(log z / T) / Σ_q exp(log z_q / T).

    `logits` hold the Q bin scores along `dim`; the result has 2 (a, b) along `dim`. With
    log z = logits - logsumexp, f_T(z) = softmax(logits / T): the normaliser cancels. T = 1 is the
    mean of the predicted distribution, T -> 0 its mode; the paper picks T = 0.38.
    """
    probs = torch.softmax(logits / temperature, dim=dim)
    moved = probs.movedim(dim, -1)
    return (moved @ bins.to(moved.dtype)).movedim(-1, dim)
