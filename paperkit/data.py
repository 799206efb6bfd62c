"""Datasets for reproductions.

`load_data(DataConfig, device)` returns a `DataBundle`: whole datasets as uint8 tensors on the
device (small image datasets fit), so batches are sliced and augmented as tensor ops with no
per-image PIL work in the hot loop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

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

    @property
    def num_classes(self) -> int:
        return len(self.class_names)

    @property
    def channels(self) -> int:
        return int(self.train_images.shape[1])

    @property
    def image_size(self) -> int:
        return int(self.train_images.shape[-1])
