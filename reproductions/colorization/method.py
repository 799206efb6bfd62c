"""The quantized ab output space (Zhang et al. 2016 § 2.1).

The ab plane is divided into square bins of side `grid` (10 in the paper) and only the bins the
sRGB gamut reaches are kept: Q = 313 in the paper. The set is computed here from the gamut
itself: every sRGB colour on a fine lattice of the RGB cube is converted to Lab and its ab pair
is assigned to the nearest grid point; a bin is in gamut when at least one colour lands in it.
"""

from __future__ import annotations

import functools

import torch

from reproductions.colorization.lab import rgb_to_lab


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
    from reproductions.colorization.lab import lab_to_linear_rgb

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
