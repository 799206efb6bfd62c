"""The networks: one encoder shared by the pretext and the downstream tasks.

The encoder sees only the lightness L (Zhang et al. 2016 § 3.2 and Larsson et al. 2017 § 4 feed
grayscale input downstream too, a handicap they note), so every downstream arm — colorization
pretrained, random init, supervised — classifies from L alone and the comparison stays fair.
A small VGG-style stack (the papers use VGG-16 on 224² ImageNet crops) keeps the embedded run
to minutes on a CPU; it downsamples by 4, the resolution at which Zhang et al. predict colours.
"""

from __future__ import annotations

import torch
from torch import nn

from reproductions.colorization.lab import rgb_to_lab


def normalised_lightness(rgb: torch.Tensor) -> torch.Tensor:
    """The network input: L rescaled from [0, 100] to [-1, 1]; 1-channel images count as gray."""
    if rgb.shape[1] == 1:
        rgb = rgb.expand(-1, 3, -1, -1)
    return rgb_to_lab(rgb)[:, :1] / 50.0 - 1.0


def _block(cin: int, cout: int, stride: int = 1) -> list[nn.Module]:
    return [nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]


class Encoder(nn.Module):
    """L [B, 1, H, W] -> features [B, 4·width, H/4, W/4]."""

    def __init__(self, width: int = 16):
        super().__init__()
        w = width
        self.out_channels = 4 * w
        # As in Zhang et al.'s VGG-style network, the last conv of a block is the one that strides.
        self.layers = nn.Sequential(
            *_block(1, w), *_block(w, w, stride=2),
            *_block(w, 2 * w), *_block(2 * w, 2 * w, stride=2),
            *_block(2 * w, 4 * w), *_block(4 * w, 4 * w),
        )  # fmt: skip

    def forward(self, lightness: torch.Tensor) -> torch.Tensor:
        return self.layers(lightness)


class ColorizationNet(nn.Module):
    """Encoder + colour head: Q bin logits (classification) or 2 ab values (L2 regression) per output pixel."""

    def __init__(self, encoder: Encoder, outputs: int):
        super().__init__()
        self.encoder = encoder
        c = encoder.out_channels
        self.head = nn.Sequential(*_block(c, c), nn.Conv2d(c, outputs, 1))

    def forward(self, lightness: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(lightness))


class Classifier(nn.Module):
    """Downstream classifier from RGB: L -> encoder -> global average pool -> linear.

    With `frozen` (the linear probe) the encoder stays in eval mode even while the classifier
    trains, so its batch-norm statistics are the pretrained ones, not re-estimated on few labels.
    """

    def __init__(self, encoder: Encoder, num_classes: int, frozen: bool = False):
        super().__init__()
        self.encoder = encoder
        self.frozen = frozen
        self.fc = nn.Linear(encoder.out_channels, num_classes)
        if frozen:
            encoder.requires_grad_(False)

    def train(self, mode: bool = True) -> "Classifier":
        super().train(mode)
        if self.frozen:
            self.encoder.eval()
        return self

    def forward(self, rgb: torch.Tensor) -> torch.Tensor:
        features = self.encoder(normalised_lightness(rgb))
        return self.fc(features.mean(dim=(2, 3)))


@torch.no_grad()
def calibrate_batch_norm(encoder: Encoder, images: torch.Tensor, batch_size: int = 256) -> Encoder:
    """Set the batch-norm statistics of `encoder` to their values on `images` (no labels, no training).

    A randomly initialised encoder's running statistics are the defaults (mean 0, variance 1), so
    frozen in eval mode it would feed a linear probe badly scaled features. The papers' random
    baseline uses Krähenbühl et al.'s data-dependent rescaling for the same reason; measuring the
    statistics on the unlabelled images is its batch-norm equivalent.
    """
    from reproductions.colorization.evaluation import as_float

    norms = [m for m in encoder.modules() if isinstance(m, nn.BatchNorm2d)]
    for m in norms:
        m.reset_running_stats()
        m.momentum = None  # cumulative average over all batches
    encoder.train()
    for start in range(0, len(images), batch_size):
        encoder(normalised_lightness(as_float(images[start : start + batch_size])))
    for m in norms:
        m.momentum = 0.1
    return encoder
