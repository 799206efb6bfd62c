"""Real images that ship inside scikit-learn and scikit-image: usable offline, no download.

* `digits`: scikit-learn's 1,797 handwritten digits (8×8 gray, 16 levels, 10 classes, from the
  UCI optdigits test set), split once into a stratified train/test split fixed by `SPLIT_SEED`.
* `photos`: eight colour photographs bundled with scikit-image (`skimage.data`) and scikit-learn
  (`load_sample_images`), cut into square patches. The label of a patch is the photograph it
  comes from. Each photograph is tiled into blocks of twice the patch side, a fixed quarter of
  each photograph's blocks is the test set, and each block is cut into its four quarters, so no
  test pixel is ever seen in training. Patches come at two scales (the photograph as is, and halved),
  so some show texture and some whole objects.

Both return the images at their native size as uint8 [N, C, H, W] with int64 labels; `data.py`
resizes digits to the config's image size. scikit-learn and scikit-image are imported only
inside the loaders, so no command but a training run pays for them. Results are memoised per
process: three seeds of one experiment decode the photographs once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    import torch

SPLIT_SEED = 20_240_603  # fixed: the split is part of the dataset's definition, not of a run
DIGITS_TEST_FRACTION = 0.3  # 1,257 training and 540 test images
PHOTOS_TEST_FRACTION = 0.25  # of each photograph's blocks (per scale)
PHOTO_SCALES = (1.0, 0.5)

Split = tuple["torch.Tensor", "torch.Tensor", "torch.Tensor", "torch.Tensor", tuple[str, ...]]


def _skimage(name: str) -> Callable[[], "np.ndarray"]:
    def load() -> "np.ndarray":
        import skimage.data

        image = getattr(skimage.data, name)()
        return image[0] if isinstance(image, tuple) else image  # stereo_motorcycle: the left view

    return load


def _sklearn(filename: str) -> Callable[[], "np.ndarray"]:
    def load() -> "np.ndarray":
        from sklearn.datasets import load_sample_image

        return load_sample_image(filename)

    return load


# Photographs of real scenes, and one of stained tissue, whose colours follow its texture. Left
# out: skimage's `cat` (`chelsea` again), `logo` and `colorwheel` (drawings), `retina` and
# `hubble_deep_field` (mostly black), and files that skimage downloads on first use.
PHOTOS: dict[str, Callable[[], "np.ndarray"]] = {
    "astronaut": _skimage("astronaut"),
    "coffee": _skimage("coffee"),
    "chelsea": _skimage("chelsea"),
    "rocket": _skimage("rocket"),
    "motorcycle": _skimage("stereo_motorcycle"),
    "immunohistochemistry": _skimage("immunohistochemistry"),
    "china": _sklearn("china.jpg"),
    "flower": _sklearn("flower.jpg"),
}


@lru_cache(maxsize=1)
def digits() -> Split:
    """(train images, train labels, test images, test labels, class names); images uint8 [N, 1, 8, 8]."""
    import numpy as np
    import torch
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    bunch = load_digits()
    images = np.round(bunch.images * (255.0 / 16.0)).astype(np.uint8)[:, None]  # 0..16 -> 0..255
    labels = bunch.target.astype(np.int64)
    train, test = train_test_split(
        np.arange(len(labels)), test_size=DIGITS_TEST_FRACTION, stratify=labels, random_state=SPLIT_SEED
    )
    train, test = np.sort(train), np.sort(test)

    def pick(idx: "np.ndarray") -> tuple["torch.Tensor", "torch.Tensor"]:
        return torch.from_numpy(np.ascontiguousarray(images[idx])), torch.from_numpy(labels[idx])

    return (*pick(train), *pick(test), tuple(str(d) for d in range(10)))


def _blocks(photo: "torch.Tensor", size: int, generator: "torch.Generator") -> tuple[list, list]:
    """The four patches of side `size` of each block of side 2·`size` tiling `photo` [3, H, W]: (train, test) lists."""
    import torch

    block = 2 * size
    rows, cols = photo.shape[1] // block, photo.shape[2] // block
    count = rows * cols
    if count == 0:
        return [], []
    test_blocks = set(torch.randperm(count, generator=generator)[: max(1, round(PHOTOS_TEST_FRACTION * count))].tolist())
    offsets = (0, size)  # the block's four quarters
    train, test = [], []
    for b in range(count):
        top, left = (b // cols) * block, (b % cols) * block
        patches = [photo[:, top + dy : top + dy + size, left + dx : left + dx + size] for dy in offsets for dx in offsets]
        (test if b in test_blocks else train).extend(patches)
    return train, test


@lru_cache(maxsize=2)
def photos(size: int) -> Split:
    """Patches of side `size` from the bundled photographs, labelled by photograph; uint8 [N, 3, size, size]."""
    import numpy as np
    import torch
    import torch.nn.functional as F

    from paperkit.errors import UsageError

    if size < 8:
        raise UsageError(f"data.image_size must be at least 8 for the photos dataset, got {size}")
    generator = torch.Generator().manual_seed(SPLIT_SEED)
    splits: dict[str, tuple[list, list]] = {"train": ([], []), "test": ([], [])}
    for label, load in enumerate(PHOTOS.values()):
        rgb = torch.from_numpy(np.array(load()[..., :3], dtype=np.uint8)).permute(2, 0, 1)  # a writable copy
        for scale in PHOTO_SCALES:
            if scale == 1.0:
                scaled = rgb
            else:
                shape = (round(rgb.shape[1] * scale), round(rgb.shape[2] * scale))
                smooth = F.interpolate(rgb[None].float(), size=shape, mode="bilinear", antialias=True, align_corners=False)
                scaled = smooth[0].round().clamp(0, 255).to(torch.uint8)
            train, test = _blocks(scaled, size, generator)
            for name, patches in (("train", train), ("test", test)):
                splits[name][0].extend(patches)
                splits[name][1].extend([label] * len(patches))
    if not splits["test"][0]:
        raise UsageError(f"data.image_size {size} is too large to cut the photographs into patches", hint="use at most 128")
    out = []
    for name in ("train", "test"):
        images, labels = splits[name]
        out += [torch.stack(images).contiguous(), torch.tensor(labels, dtype=torch.int64)]
    return (*out, tuple(PHOTOS))
