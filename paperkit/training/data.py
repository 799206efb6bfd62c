"""Datasets for reproductions.

`load_data(DataConfig, device, seed)` returns a `DataBundle`: whole datasets as uint8 tensors on the
device (small image datasets fit), so batches are sliced and augmented as tensor ops with no
per-image PIL work in the hot loop.

"shapes" is generated here from a fixed seed: no files, no network; the overfit check and the
tests use it. Each of its ten classes is one shape; its colour is drawn independently of the
class, so colour never gives the label away (a colorization network cannot learn a class's
colour from its shape). Position, scale, rotation, a textured background, pixel noise and
smaller distractor shapes make it harder as `DataConfig.difficulty` goes from 0 to 1.

"digits" and "photos" are real images that ship inside scikit-learn and scikit-image (see
`paperkit.training.bundled`): offline like the shapes, and the default data of the plugins.

The images depend only on the `DataConfig`; the run's seed picks the label noise and the subset,
so different seeds of one experiment share their test set.

Real datasets come through torchvision (CIFAR-10/100, MNIST, Fashion-MNIST, STL-10, Oxford-IIIT
Pet) or any ImageFolder tree; they are decoded once into uint8 tensors at load time.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from paperkit.config import DATASET_NAMES, DataConfig
from paperkit.errors import InvalidInputError, NetworkError, NotFoundError, UsageError

if TYPE_CHECKING:  # pragma: no cover
    import torch


@dataclass
class DataBundle:
    train_images: "torch.Tensor"  # uint8 [N, C, H, W] on the run's device
    train_labels: "torch.Tensor"  # int64 [N]; label noise, if asked for, is already applied
    test_images: "torch.Tensor"  # uint8 [M, C, H, W]
    test_labels: "torch.Tensor"  # int64 [M]
    class_names: tuple[str, ...]
    clean_train_labels: "torch.Tensor | None" = None  # the labels before noise was applied
    name: str = "shapes"
    noisy_mask: "torch.Tensor | None" = None  # bool [N]: which training labels the noise changed

    @property
    def num_classes(self) -> int:
        return len(self.class_names)

    @property
    def channels(self) -> int:
        return int(self.train_images.shape[1])

    @property
    def image_size(self) -> int:
        return int(self.train_images.shape[-1])


# =====================================================================================
# The embedded "shapes" dataset
# =====================================================================================

SHAPES = ("disk", "ring", "square", "frame", "triangle", "plus", "bar", "star", "crescent", "dumbbell")
SHAPE_CLASSES = SHAPES

_TRAIN_SEED = 20_240_601  # fixed: the images are part of the dataset's definition, not of a run
_TEST_SEED = 20_240_602
_SUPERSAMPLE = 2  # 2x2 samples per pixel smooth the shapes' edges
_CHUNK = 1024  # images generated at once (bounds memory; output does not depend on it)


def _shape_mask(kind: int, u: "torch.Tensor", v: "torch.Tensor") -> "torch.Tensor":
    """Which points (u, v), in units of the shape's radius, lie inside shape `kind`."""
    import torch

    r2 = u * u + v * v
    au, av = u.abs(), v.abs()
    if kind == 0:  # disk
        return r2 <= 1.0
    if kind == 1:  # ring
        return (r2 <= 1.0) & (r2 >= 0.55**2)
    if kind == 2:  # square
        return torch.maximum(au, av) <= 0.8
    if kind == 3:  # frame: a square outline
        side = torch.maximum(au, av)
        return (side <= 0.85) & (side >= 0.45)
    if kind == 4:  # equilateral triangle inscribed in the unit circle
        s3 = math.sqrt(3.0)
        return (v >= -0.5) & (s3 * u + v <= 1.0) & (-s3 * u + v <= 1.0)
    if kind == 5:  # plus
        return ((au <= 0.3) & (av <= 0.95)) | ((av <= 0.3) & (au <= 0.95))
    if kind == 6:  # bar: long and thin
        return (au <= 1.0) & (av <= 0.3)
    if kind == 7:  # five-pointed star, in polar form
        theta = torch.atan2(v, u)
        return r2.sqrt() <= 0.55 + 0.4 * torch.cos(5 * theta)
    if kind == 8:  # crescent: a disk minus an offset disk
        return (r2 <= 1.0) & ((u - 0.45) ** 2 + v * v >= 0.8**2)
    if kind == 9:  # dumbbell: two disks and a thin bridge
        left = (u + 0.55) ** 2 + v * v <= 0.42**2
        right = (u - 0.55) ** 2 + v * v <= 0.42**2
        return left | right | ((au <= 0.55) & (av <= 0.12))
    raise ValueError(f"unknown shape {kind}")


def _hsv_to_rgb(h: "torch.Tensor", s: "torch.Tensor", v: "torch.Tensor") -> "torch.Tensor":
    """[N] hue, saturation, value in [0, 1] -> [N, 3] RGB in [0, 1]."""
    import torch

    k = torch.stack([(5 + h * 6) % 6, (3 + h * 6) % 6, (1 + h * 6) % 6], dim=1)
    ramp = torch.clamp(torch.minimum(k, 4 - k), 0, 1)
    return v[:, None] - v[:, None] * s[:, None] * ramp


def _uniform(gen: "torch.Generator", n: int, low: float, high: float) -> "torch.Tensor":
    import torch

    return low + (high - low) * torch.rand(n, generator=gen)


def _draw(
    canvas: "torch.Tensor",
    kinds: "torch.Tensor",
    cx: "torch.Tensor",
    cy: "torch.Tensor",
    radius: "torch.Tensor",
    angle: "torch.Tensor",
    rgb: "torch.Tensor",
    active: "torch.Tensor",
    grid: "torch.Tensor",
) -> None:
    """Paint one shape per image (where `active`) onto `canvas` [N, 3, S, S] in place.

    Shapes are sampled on the finer `grid` and averaged down to a soft alpha, which anti-aliases
    their edges while the canvas itself stays at the output size.
    """
    import torch
    import torch.nn.functional as F

    cos, sin = angle.cos(), angle.sin()
    alpha = torch.zeros(canvas.shape[0], 1, len(grid), len(grid), dtype=canvas.dtype)
    for kind in kinds[active].unique().tolist():
        idx = ((kinds == kind) & active).nonzero().squeeze(1)
        dx = grid[None, None, :] - cx[idx, None, None]  # x varies along the last axis
        dy = grid[None, :, None] - cy[idx, None, None]
        c, s, r = cos[idx, None, None], sin[idx, None, None], radius[idx, None, None]
        u = (dx * c + dy * s) / r
        v = (-dx * s + dy * c) / r
        alpha[idx, 0] = _shape_mask(kind, u, v).to(canvas.dtype)
    alpha = F.avg_pool2d(alpha, _SUPERSAMPLE)
    canvas.lerp_(rgb[:, :, None, None].expand_as(canvas), alpha.expand_as(canvas))


def make_shapes(
    n: int, *, size: int = 32, difficulty: float = 0.5, seed: int = 0
) -> tuple["torch.Tensor", "torch.Tensor"]:
    """`n` balanced images of the shapes dataset: (uint8 [n, 3, size, size], int64 labels [n]), on the CPU.

    Deterministic in (n, size, difficulty, seed).
    """
    import torch
    import torch.nn.functional as F

    if not 0.0 <= difficulty <= 1.0:
        raise UsageError(f"data.difficulty must be in [0, 1], got {difficulty}")
    d = float(difficulty)
    classes = len(SHAPES)
    gen = torch.Generator().manual_seed(seed)
    labels = (torch.arange(n) % classes)[torch.randperm(n, generator=gen)]

    # Main object: one shape per class in a vivid colour drawn independently of the class; harder = smaller.
    radius = size * _uniform(gen, n, 0.30 - 0.12 * d, 0.40)
    margin = radius * 0.8  # let shapes touch the border a little, never leave the image
    cx = margin + (size - 2 * margin) * torch.rand(n, generator=gen)
    cy = margin + (size - 2 * margin) * torch.rand(n, generator=gen)
    angle = _uniform(gen, n, 0.0, 2 * math.pi)
    rgb = _hsv_to_rgb(torch.rand(n, generator=gen), _uniform(gen, n, 0.65, 1.0), _uniform(gen, n, 0.65, 1.0))

    # Background: a dull base colour with a smooth texture whose contrast grows with difficulty.
    bg_rgb = _hsv_to_rgb(torch.rand(n, generator=gen), _uniform(gen, n, 0.0, 0.25), _uniform(gen, n, 0.15, 0.55))

    # Distractors: smaller shapes of any class in any hue, behind the main object.
    max_distractors = round(6 * d)
    counts = torch.randint(0, max_distractors + 1, (n,), generator=gen)
    distractors = []
    for slot in range(max_distractors):
        r = radius * _uniform(gen, n, 0.3, 0.5)
        distractors.append(
            dict(
                kinds=torch.randint(0, classes, (n,), generator=gen),
                cx=_uniform(gen, n, 0, size),
                cy=_uniform(gen, n, 0, size),
                radius=r,
                angle=_uniform(gen, n, 0.0, 2 * math.pi),
                rgb=_hsv_to_rgb(torch.rand(n, generator=gen), _uniform(gen, n, 0.3, 1.0), _uniform(gen, n, 0.4, 1.0)),
                active=counts > slot,
            )
        )

    side = size * _SUPERSAMPLE
    grid = (torch.arange(side, dtype=torch.float32) + 0.5) / _SUPERSAMPLE
    out = torch.empty(n, 3, size, size, dtype=torch.uint8)
    for start in range(0, n, _CHUNK):
        sl = slice(start, min(n, start + _CHUNK))
        m = sl.stop - sl.start
        texture = F.interpolate(torch.rand(m, 3, 4, 4, generator=gen) - 0.5, size=(size, size), mode="bilinear")
        canvas = texture.mul_(0.5 * d).add_(bg_rgb[sl, :, None, None])
        for dist in distractors:
            _draw(canvas, *(dist[k][sl] for k in ("kinds", "cx", "cy", "radius", "angle", "rgb", "active")), grid=grid)
        _draw(canvas, labels[sl], cx[sl], cy[sl], radius[sl], angle[sl], rgb[sl], torch.ones(m, dtype=torch.bool), grid)
        canvas += 0.08 * d * torch.randn(canvas.shape, generator=gen)
        out[sl] = (canvas.clamp_(0, 1) * 255).round_().to(torch.uint8)
    return out, labels


# =====================================================================================
# Label noise and subsets (chosen by the run's seed)
# =====================================================================================


def balanced_subset(labels: "torch.Tensor", fraction: float, seed: int) -> "torch.Tensor":
    """Sorted indices of a class-balanced random subset holding `fraction` of each class (at least one)."""
    import torch

    if not 0.0 < fraction <= 1.0:
        raise UsageError(f"data.train_fraction must be in (0, 1], got {fraction}")
    if fraction == 1.0:
        return torch.arange(len(labels))
    gen = torch.Generator().manual_seed(seed + 1)
    keep = []
    for cls in labels.unique().tolist():
        members = (labels == cls).nonzero().squeeze(1)
        count = max(1, round(fraction * len(members)))
        keep.append(members[torch.randperm(len(members), generator=gen)[:count]])
    return torch.cat(keep).sort().values


def noisy_labels(labels: "torch.Tensor", rate: float, num_classes: int, seed: int) -> "torch.Tensor":
    """A copy of `labels` where exactly round(rate * N) labels, chosen by `seed`, move to another class.

    Moving to a *different* class (uniform over the others) makes `rate` the true noise rate.
    """
    import torch

    if not 0.0 <= rate <= 1.0:
        raise UsageError(f"data.label_noise must be in [0, 1], got {rate}")
    noisy = labels.clone()
    count = round(rate * len(labels))
    if count == 0 or num_classes < 2:
        return noisy
    gen = torch.Generator().manual_seed(seed + 2)
    idx = torch.randperm(len(labels), generator=gen)[:count]
    shift = torch.randint(1, num_classes, (count,), generator=gen)
    noisy[idx] = (labels[idx] + shift) % num_classes
    return noisy


# =====================================================================================
# Real datasets through torchvision
# =====================================================================================

# name -> (what to put in data_dir, torchvision class name, how users usually get it)
REAL_DATASETS: dict[str, tuple[str, str]] = {
    "cifar10": ("cifar-10-batches-py/", "CIFAR10"),
    "cifar100": ("cifar-100-python/", "CIFAR100"),
    "mnist": ("MNIST/raw/ (idx files)", "MNIST"),
    "fashion-mnist": ("FashionMNIST/raw/ (idx files)", "FashionMNIST"),
    "stl10": ("stl10_binary/", "STL10"),
    "pets": ("oxford-iiit-pet/ (images/, annotations/)", "OxfordIIITPet"),
    "imagefolder": ("train/<class>/*.png and test/<class>/*.png", "ImageFolder"),
}
BUNDLED_DATASETS = ("digits", "photos")  # real images inside scikit-learn / scikit-image: offline
DATASETS = DATASET_NAMES  # declared with the config, so `--set data.dataset` is checked where it is declared
GRAYSCALE_DATASETS = ("digits", "mnist", "fashion-mnist")  # one channel; the others have three


def default_data_dir() -> Path:
    from paperkit.cache import cache_dir

    return cache_dir() / "datasets"


def _missing(name: str, root: Path) -> NotFoundError:
    layout, _ = REAL_DATASETS[name]
    if name == "imagefolder":
        hint = f"point --data-dir at a folder holding {layout}"
    else:
        hint = f"pass --download to fetch it into {root}, or --data-dir to a folder holding {layout}"
    return NotFoundError(f"dataset {name} not found in {root} (looked for {layout})", hint=hint)


def _present_only(cls: type) -> type:
    """A torchvision CIFAR/STL class that checks its files are there instead of their MD5 sums.

    The MD5 check rejects re-packed or test-written files of the true format and costs a full read
    of the archive on every load; a truncated or corrupt file still fails when it is parsed.
    torchvision's `check_integrity(path, None)` tests existence only.
    """
    attributes = {
        "train_list": [[name, None] for name, _ in cls.train_list],
        "test_list": [[name, None] for name, _ in cls.test_list],
    }
    if isinstance(getattr(cls, "meta", None), dict):
        attributes["meta"] = {**cls.meta, "md5": None}
    return type(f"Present{cls.__name__}", (cls,), attributes)


def _hwc(array: Any) -> "torch.Tensor":
    import numpy as np
    import torch

    tensor = torch.from_numpy(np.ascontiguousarray(array))
    return tensor.permute(0, 3, 1, 2).contiguous()


def _from_pil_dataset(dataset: Any, size: int) -> tuple["torch.Tensor", "torch.Tensor"]:
    """Decode a dataset of (PIL image, label) once: resize the short side, centre-crop to `size`."""
    import torch
    from torchvision.transforms import v2

    transform = v2.Compose([v2.Resize(size), v2.CenterCrop(size), v2.PILToTensor()])
    images, labels = [], []
    for image, label in dataset:
        images.append(transform(image.convert("RGB")))
        labels.append(int(label))
    if not images:
        raise InvalidInputError("the dataset holds no images", hint="check --data-dir")
    return torch.stack(images), torch.tensor(labels, dtype=torch.int64)


def _real_split(name: str, root: Path, train: bool, download: bool, size: int) -> tuple[Any, Any, tuple[str, ...]]:
    import torch
    from torchvision import datasets

    split = "train" if train else "test"
    if name in ("cifar10", "cifar100"):
        cls = _present_only(datasets.CIFAR10 if name == "cifar10" else datasets.CIFAR100)
        ds = cls(str(root), train=train, download=download)
        return _hwc(ds.data), torch.tensor(ds.targets, dtype=torch.int64), tuple(ds.classes)
    if name in ("mnist", "fashion-mnist"):
        cls = datasets.MNIST if name == "mnist" else datasets.FashionMNIST
        ds = cls(str(root), train=train, download=download)
        return ds.data[:, None].contiguous(), ds.targets.long(), tuple(ds.classes)
    if name == "stl10":
        ds = _present_only(datasets.STL10)(str(root), split=split, download=download)
        return torch.from_numpy(ds.data), torch.from_numpy(ds.labels).long(), tuple(ds.classes)
    if name == "pets":
        ds = datasets.OxfordIIITPet(str(root), split="trainval" if train else "test", download=download)
        images, labels = _from_pil_dataset(ds, size)
        return images, labels, tuple(ds.classes)
    if name == "imagefolder":
        folder = root / split
        if not folder.is_dir() and not train and (root / "val").is_dir():
            folder = root / "val"
        if not folder.is_dir():
            raise _missing(name, root)
        ds = datasets.ImageFolder(str(folder))
        images, labels = _from_pil_dataset(ds, size)
        return images, labels, tuple(ds.classes)
    raise UsageError(f"unknown dataset {name!r}", hint=f"choose one of: {', '.join(DATASETS)}")


def _load_real(cfg: DataConfig) -> tuple[Any, Any, Any, Any, tuple[str, ...]]:
    root = Path(cfg.data_dir).expanduser() if cfg.data_dir else default_data_dir()
    try:
        train_x, train_y, classes = _real_split(cfg.dataset, root, True, cfg.download, cfg.image_size)
        test_x, test_y, _ = _real_split(cfg.dataset, root, False, cfg.download, cfg.image_size)
    except RuntimeError as exc:
        text = str(exc).lower()
        if "not found" in text or "corrupted" in text or "download" in text:
            raise _missing(cfg.dataset, root) from None
        raise
    except FileNotFoundError:
        raise _missing(cfg.dataset, root) from None
    except OSError as exc:  # urllib errors during --download when offline
        if cfg.download:
            raise NetworkError(
                f"could not download {cfg.dataset}: {exc}",
                hint=f"download it elsewhere and copy it into {root}",
            ) from None
        raise InvalidInputError(f"could not read {cfg.dataset} in {root}: {exc}") from None
    except (EOFError, ValueError, KeyError) as exc:  # truncated pickle / idx file
        raise InvalidInputError(f"{cfg.dataset} files in {root} are unreadable: {exc}", hint="delete and fetch them again") from None
    return train_x, train_y, test_x, test_y, classes


def _resize(images: "torch.Tensor", size: int) -> "torch.Tensor":
    """Resize uint8 images to `size` once at load time (e.g. MNIST's 28 px to the models' 32 px)."""
    import torch.nn.functional as F

    if images.shape[-1] == size and images.shape[-2] == size:
        return images
    resized = F.interpolate(images.float(), size=(size, size), mode="bilinear", antialias=True, align_corners=False)
    return resized.round().clamp(0, 255).to(images.dtype)


# =====================================================================================
# Entry point
# =====================================================================================

_SHAPES_MEMO: dict[tuple, tuple] = {}


def _shapes_split(cfg: DataConfig) -> tuple:
    key = (cfg.train_size, cfg.test_size, cfg.image_size, cfg.difficulty)
    if key not in _SHAPES_MEMO:
        _SHAPES_MEMO.clear()  # keep one dataset: a process runs one experiment
        train = make_shapes(cfg.train_size, size=cfg.image_size, difficulty=cfg.difficulty, seed=_TRAIN_SEED)
        test = make_shapes(cfg.test_size, size=cfg.image_size, difficulty=cfg.difficulty, seed=_TEST_SEED)
        _SHAPES_MEMO[key] = (*train, *test)
    return _SHAPES_MEMO[key]


def load_data(cfg: DataConfig, device: Any = "cpu", seed: int = 0) -> DataBundle:
    """The train and test sets `cfg` describes, as uint8 tensors on `device`.

    `seed` picks the class-balanced `train_fraction` subset and the `label_noise` (clean labels
    are kept in `clean_train_labels`); the images themselves depend only on `cfg`.
    """
    if cfg.dataset == "shapes":
        train_x, train_y, test_x, test_y = _shapes_split(cfg)
        classes = SHAPE_CLASSES
    elif cfg.dataset in BUNDLED_DATASETS:
        from paperkit.training import bundled

        if cfg.dataset == "digits":
            train_x, train_y, test_x, test_y, classes = bundled.digits()
            train_x, test_x = _resize(train_x, cfg.image_size), _resize(test_x, cfg.image_size)
        else:
            train_x, train_y, test_x, test_y, classes = bundled.photos(cfg.image_size)
    elif cfg.dataset in REAL_DATASETS:
        train_x, train_y, test_x, test_y, classes = _load_real(cfg)
        train_x, test_x = _resize(train_x, cfg.image_size), _resize(test_x, cfg.image_size)
    else:
        raise UsageError(f"unknown dataset {cfg.dataset!r}", hint=f"choose one of: {', '.join(DATASETS)}")

    keep = balanced_subset(train_y, cfg.train_fraction, seed)
    train_x, clean = train_x[keep], train_y[keep]
    labels = noisy_labels(clean, cfg.label_noise, len(classes), seed)
    return DataBundle(
        train_images=train_x.to(device),
        train_labels=labels.to(device),
        test_images=test_x.to(device),
        test_labels=test_y.to(device),
        class_names=tuple(classes),
        clean_train_labels=clean.to(device),
        name=cfg.dataset,
        noisy_mask=(labels != clean).to(device),
    )


def with_dataset(cfg: DataConfig, dataset: str | None = None, data_dir: str | None = None, download: bool | None = None) -> DataConfig:
    """`cfg` with the command line's --dataset/--data-dir/--download applied."""
    changes: dict[str, Any] = {}
    if dataset is not None:
        if dataset not in DATASETS:
            raise UsageError(f"unknown dataset {dataset!r}", hint=f"choose one of: {', '.join(DATASETS)}")
        changes["dataset"] = dataset
    if data_dir is not None:
        changes["data_dir"] = data_dir
    if download is not None:
        changes["download"] = download
    return replace(cfg, **changes)
