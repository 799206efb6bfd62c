"""sRGB <-> CIE L*a*b* (D65 white, 2° observer) on batches of torch tensors.

Zhang et al. 2016 § 2 work in CIE Lab: the network sees the lightness L and predicts the two
colour channels ab. Doing the conversion in torch keeps it on the run's device, so whole
batches are converted inside the training step instead of image by image with PIL.

Images are float tensors [B, 3, H, W] with sRGB values in [0, 1]; Lab tensors are [B, 3, H, W]
with L in [0, 100] and a, b roughly in [-110, 110].
"""

from __future__ import annotations

import torch

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
