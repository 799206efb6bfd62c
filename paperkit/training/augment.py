"""Batched image augmentation as tensor ops on the device.

Every op takes float images `[B, C, H, W]` in [0, 1] (C = 1 or 3) and a `torch.Generator`, draws
one set of random parameters *per image* from that generator, and transforms the whole batch with
a handful of tensor ops: no per-image Python or PIL loop in the hot path, so the same code runs on
a GPU at full speed and on a CPU without a data-loader process. The semantics follow torchvision's
per-image transforms (the names say which); where they differ it is written beside the code.

The generator may live on the CPU while the images are on a GPU: parameters are drawn on the
generator's device and moved, so a run is repeatable from one seed whatever the device.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import torch
import torch.nn.functional as F

if TYPE_CHECKING:  # pragma: no cover
    from torch import Generator, Tensor

# ITU-R 601-2 luma, the weights torchvision's rgb_to_grayscale uses.
_LUMA = (0.2989, 0.587, 0.114)


# ---------------------------------------------------------------------------------------------
# Random parameters: drawn on the generator's device, moved to the images' device.
# ---------------------------------------------------------------------------------------------


def _rand(gen: "Generator | None", shape: tuple[int, ...], device: torch.device) -> "Tensor":
    draw_on = gen.device if gen is not None else device
    return torch.rand(shape, generator=gen, device=draw_on).to(device)


def _uniform(gen: "Generator | None", shape: tuple[int, ...], low: float, high: float, device) -> "Tensor":
    return low + (high - low) * _rand(gen, shape, device)


def _bernoulli(gen: "Generator | None", n: int, p: float, device) -> "Tensor":
    return _rand(gen, (n,), device) < p


def _check(x: "Tensor") -> None:
    if x.dim() != 4 or not x.is_floating_point():
        raise TypeError(f"augment ops take float images [B, C, H, W] in [0, 1]; got {x.dtype} {tuple(x.shape)}")


# ---------------------------------------------------------------------------------------------
# Geometry
# ---------------------------------------------------------------------------------------------


def random_resized_crop(
    x: "Tensor",
    size: int | tuple[int, int] | None = None,
    scale: tuple[float, float] = (0.2, 1.0),
    ratio: tuple[float, float] = (3 / 4, 4 / 3),
    gen: "Generator | None" = None,
    *,
    attempts: int = 10,
) -> "Tensor":
    """torchvision's RandomResizedCrop, one box per image, resampled with one `grid_sample`.

    The box is chosen as torchvision does: area ~ U(scale) x H x W, log aspect ratio ~ U(log ratio),
    integer sides, up to `attempts` tries per image (all drawn at once), the first that fits wins,
    else a centred crop clamped to `ratio`. The box is then resized bilinearly with half-pixel
    centres (`align_corners=False`); torchvision additionally antialiases when shrinking, which we
    do not (crops here are usually enlarged, where the two agree).
    """
    _check(x)
    b, _, height, width = x.shape
    out_h, out_w = (height, width) if size is None else ((size, size) if isinstance(size, int) else size)
    device = x.device
    area = height * width
    log_lo, log_hi = math.log(ratio[0]), math.log(ratio[1])

    target_area = area * _uniform(gen, (b, attempts), scale[0], scale[1], device)
    aspect = torch.exp(_uniform(gen, (b, attempts), log_lo, log_hi, device))
    w = torch.round(torch.sqrt(target_area * aspect))
    h = torch.round(torch.sqrt(target_area / aspect))
    fits = (w > 0) & (w <= width) & (h > 0) & (h <= height)
    # Index of the first attempt that fits (argmax of a bool picks the first True).
    first = fits.to(torch.int8).argmax(dim=1, keepdim=True)
    any_fit = fits.any(dim=1)
    w = w.gather(1, first).squeeze(1)
    h = h.gather(1, first).squeeze(1)

    # torchvision's fallback: the largest centred box whose ratio lies within `ratio`.
    in_ratio = width / height
    if in_ratio < min(ratio):
        fb_w, fb_h = width, round(width / min(ratio))
    elif in_ratio > max(ratio):
        fb_h, fb_w = height, round(height * max(ratio))
    else:
        fb_w, fb_h = width, height
    w = torch.where(any_fit, w, torch.full_like(w, fb_w))
    h = torch.where(any_fit, h, torch.full_like(h, fb_h))

    # Top-left corner: integer, uniform over the positions that keep the box inside the image.
    top = torch.floor(_rand(gen, (b,), device) * (height - h + 1))
    left = torch.floor(_rand(gen, (b,), device) * (width - w + 1))
    top = torch.where(any_fit, top, torch.round((height - h) / 2))
    left = torch.where(any_fit, left, torch.round((width - w) / 2))
    return resized_crop(x, top, left, h, w, (out_h, out_w))


def resized_crop(x: "Tensor", top, left, h, w, size: tuple[int, int]) -> "Tensor":
    """Each image's box (top, left, h, w), in pixels, resized bilinearly to `size` = (height, width).

    Matches torchvision's `resized_crop(..., antialias=False)` for integer boxes. The box values
    are tensors [B] or numbers shared by the batch.
    """
    _check(x)
    out_h, out_w = size
    b, _, height, width = x.shape
    top, left, h, w = (torch.as_tensor(v, dtype=x.dtype, device=x.device).expand(b) for v in (top, left, h, w))
    # Source pixel of each output pixel with half-pixel centres, clamped to the box as
    # `interpolate` clamps to the cropped image's border (so no colour leaks in from outside).
    def source(start, length, out, full):
        k = torch.arange(out, dtype=x.dtype, device=x.device) + 0.5
        pixel = start[:, None] + k * (length / out)[:, None] - 0.5
        pixel = torch.minimum(torch.maximum(pixel, start[:, None]), (start + length - 1)[:, None])
        return (2 * pixel + 1) / full - 1  # grid_sample's coordinates with align_corners=False

    gx = source(left, w, out_w, width)  # [B, out_w]
    gy = source(top, h, out_h, height)  # [B, out_h]
    grid = torch.stack((gx[:, None, :].expand(b, out_h, out_w), gy[:, :, None].expand(b, out_h, out_w)), dim=-1)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)


def random_crop_with_padding(x: "Tensor", padding: int = 4, gen: "Generator | None" = None) -> "Tensor":
    """torchvision's RandomCrop(size=H, padding=p): zero-pad by p, cut an H x W window at random.

    Pixels are copied, not interpolated (a gather with per-image offsets), so the result is exact.
    """
    _check(x)
    b, c, height, width = x.shape
    device = x.device
    padded = F.pad(x, (padding, padding, padding, padding))
    dy = torch.floor(_rand(gen, (b,), device) * (2 * padding + 1)).long()
    dx = torch.floor(_rand(gen, (b,), device) * (2 * padding + 1)).long()
    rows = dy[:, None] + torch.arange(height, device=device)  # [B, H]
    cols = dx[:, None] + torch.arange(width, device=device)  # [B, W]
    batch = torch.arange(b, device=device)[:, None, None, None]
    chan = torch.arange(c, device=device)[None, :, None, None]
    return padded[batch, chan, rows[:, None, :, None], cols[:, None, None, :]]


def horizontal_flip(x: "Tensor", p: float = 0.5, gen: "Generator | None" = None) -> "Tensor":
    """torchvision's RandomHorizontalFlip(p): each image mirrored left-right with probability p."""
    _check(x)
    flip = _bernoulli(gen, x.shape[0], p, x.device)
    return torch.where(flip[:, None, None, None], x.flip(-1), x)


# ---------------------------------------------------------------------------------------------
# Colour (torchvision's functional adjust_* on float tensors, with per-image factors)
# ---------------------------------------------------------------------------------------------


def grayscale(x: "Tensor") -> "Tensor":
    """Luma `[B, 1, H, W]` of RGB images (grey images are returned as they are)."""
    if x.shape[1] == 1:
        return x
    r, g, b = x.unbind(1)
    return (_LUMA[0] * r + _LUMA[1] * g + _LUMA[2] * b).unsqueeze(1)


def _blend(x: "Tensor", other: "Tensor", factor: "Tensor") -> "Tensor":
    factor = factor.view(-1, 1, 1, 1)
    return (factor * x + (1 - factor) * other).clamp(0, 1)


def adjust_brightness(x: "Tensor", factor: "Tensor") -> "Tensor":
    """Blend with black: factor 0 gives black, 1 the image."""
    return _blend(x, torch.zeros_like(x), factor)


def adjust_contrast(x: "Tensor", factor: "Tensor") -> "Tensor":
    """Blend with the image's mean luma: factor 0 gives flat grey, 1 the image."""
    mean = grayscale(x).mean(dim=(1, 2, 3), keepdim=True)
    return _blend(x, mean, factor)


def adjust_saturation(x: "Tensor", factor: "Tensor") -> "Tensor":
    """Blend with the image's luma: factor 0 gives grey, 1 the image."""
    if x.shape[1] == 1:
        return x
    return _blend(x, grayscale(x), factor)


def adjust_hue(x: "Tensor", shift: "Tensor") -> "Tensor":
    """Rotate the hue by `shift` turns (in [-0.5, 0.5]) in HSV space; grey images are unchanged."""
    if x.shape[1] == 1:
        return x
    h, s, v = rgb_to_hsv(x).unbind(1)
    h = torch.remainder(h + shift.view(-1, 1, 1), 1.0)
    return hsv_to_rgb(torch.stack((h, s, v), dim=1))


def rgb_to_hsv(x: "Tensor") -> "Tensor":
    """RGB in [0, 1] to HSV with hue in turns [0, 1) (the `colorsys` convention)."""
    r, g, b = x.unbind(1)
    maxc, _ = x.max(dim=1)
    minc, _ = x.min(dim=1)
    chroma = maxc - minc
    grey = chroma == 0
    safe_chroma = torch.where(grey, torch.ones_like(chroma), chroma)
    s = chroma / torch.where(maxc == 0, torch.ones_like(maxc), maxc)
    rc = (maxc - r) / safe_chroma
    gc = (maxc - g) / safe_chroma
    bc = (maxc - b) / safe_chroma
    # Which channel is the maximum decides the hue sector; ties resolve red, then green.
    h = torch.where(r == maxc, bc - gc, torch.where(g == maxc, 2.0 + rc - bc, 4.0 + gc - rc))
    h = torch.where(grey, torch.zeros_like(h), torch.remainder(h / 6.0, 1.0))
    return torch.stack((h, s, maxc), dim=1)


def hsv_to_rgb(x: "Tensor") -> "Tensor":
    h, s, v = x.unbind(1)
    sector = torch.floor(h * 6.0)
    f = h * 6.0 - sector
    sector = sector.long() % 6
    p = v * (1 - s)
    q = v * (1 - s * f)
    t = v * (1 - s * (1 - f))
    # Per sector, which of (v, t, p, q) each of r, g, b takes.
    candidates = torch.stack((v, q, p, t), dim=1)  # [B, 4, H, W]
    table = torch.tensor(
        [[0, 3, 2], [1, 0, 2], [2, 0, 3], [2, 1, 0], [3, 2, 0], [0, 2, 1]], device=x.device
    )  # sector -> index into candidates for r, g, b
    pick = table[sector].permute(0, 3, 1, 2)  # [B, 3, H, W]
    return candidates.gather(1, pick)


def color_jitter(
    x: "Tensor",
    brightness: float = 0.4,
    contrast: float = 0.4,
    saturation: float = 0.4,
    hue: float = 0.1,
    p: float = 0.8,
    gen: "Generator | None" = None,
) -> "Tensor":
    """`RandomApply([ColorJitter(b, c, s, h)], p)` with torchvision's per-image semantics.

    Each selected image gets factors brightness ~ U[max(0, 1-b), 1+b] (likewise contrast and
    saturation) and a hue shift ~ U[-h, h], applied in a random order drawn per image, as
    torchvision draws a fresh order for every image. The batch is processed in four rounds; in
    round k each op runs once on the images whose k-th op it is, so every image passes through
    each op exactly once and the cost is that of four batched ops.
    """
    _check(x)
    n, device = x.shape[0], x.device
    apply = _bernoulli(gen, n, p, device)
    factors = {
        "brightness": _uniform(gen, (n,), max(0.0, 1 - brightness), 1 + brightness, device),
        "contrast": _uniform(gen, (n,), max(0.0, 1 - contrast), 1 + contrast, device),
        "saturation": _uniform(gen, (n,), max(0.0, 1 - saturation), 1 + saturation, device),
        "hue": _uniform(gen, (n,), -hue, hue, device),
    }
    ops = {
        "brightness": adjust_brightness,
        "contrast": adjust_contrast,
        "saturation": adjust_saturation,
        "hue": adjust_hue,
    }
    names = [name for name, strength in zip(ops, (brightness, contrast, saturation, hue)) if strength > 0]
    if not names:
        return x
    # A random permutation per image: argsort of uniform keys.
    order = _rand(gen, (n, len(names)), device).argsort(dim=1)
    out = x.clone()
    for position in range(len(names)):
        for op_index, name in enumerate(names):
            chosen = torch.nonzero(apply & (order[:, position] == op_index)).squeeze(1)
            if chosen.numel():
                out[chosen] = ops[name](out[chosen], factors[name][chosen]).to(out.dtype)
    return out


def random_grayscale(x: "Tensor", p: float = 0.2, gen: "Generator | None" = None) -> "Tensor":
    """torchvision's RandomGrayscale(p): luma copied to every channel, with probability p."""
    _check(x)
    grey = _bernoulli(gen, x.shape[0], p, x.device)
    return torch.where(grey[:, None, None, None], grayscale(x).expand_as(x), x)


# ---------------------------------------------------------------------------------------------
# Recipes
# ---------------------------------------------------------------------------------------------


def simclr_augment(
    x: "Tensor",
    gen: "Generator | None" = None,
    *,
    size: int | None = None,
    scale: tuple[float, float] = (0.2, 1.0),
    jitter: tuple[float, float, float, float] = (0.4, 0.4, 0.4, 0.1),
    jitter_p: float = 0.8,
    grayscale_p: float = 0.2,
) -> "Tensor":
    """The SimCLR / SupCon CIFAR recipe: resized crop, flip, colour jitter (p=0.8), grayscale (p=0.2).

    The defaults are the SupCon authors' CIFAR settings (crop scale 0.2-1, jitter 0.4/0.4/0.4/0.1).
    """
    x = random_resized_crop(x, size, scale=scale, gen=gen)
    x = horizontal_flip(x, 0.5, gen)
    x = color_jitter(x, *jitter, p=jitter_p, gen=gen)
    return random_grayscale(x, grayscale_p, gen)


def standard_augment(x: "Tensor", gen: "Generator | None" = None, *, padding: int = 4) -> "Tensor":
    """The standard CIFAR recipe: random crop with zero padding, then horizontal flip."""
    return horizontal_flip(random_crop_with_padding(x, padding, gen), 0.5, gen)
