"""Pre-activation ResNets (He, Zhang, Ren, Sun, ECCV 2016, arXiv 1603.05027), CIFAR layout.

The mixup paper's CIFAR experiments (§ 3.2, Fig. 3a) use PreAct ResNet-18: a 3×3 stem, four
stages of two pre-activation basic blocks with 64/128/256/512 channels (strides 1, 2, 2, 2),
BN-ReLU, global average pooling and a linear classifier. `PreActResNet(widths, blocks)` is that
family, so the embedded-data default is the same design scaled down.
"""

from __future__ import annotations

import torch
from torch import nn
import torch.nn.functional as F


class PreActBlock(nn.Module):
    """BN-ReLU-conv3×3-BN-ReLU-conv3×3 plus the shortcut (Fig. 4(e) of the PreAct paper)."""

    def __init__(self, in_channels: int, channels: int, stride: int) -> None:
        super().__init__()
        self.bn1 = nn.BatchNorm2d(in_channels)
        self.conv1 = nn.Conv2d(in_channels, channels, 3, stride=stride, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, stride=1, padding=1, bias=False)
        self.shortcut = None
        if stride != 1 or in_channels != channels:
            self.shortcut = nn.Conv2d(in_channels, channels, 1, stride=stride, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = F.relu(self.bn1(x))
        # the projection shortcut takes the pre-activated input, as in the identity-mappings paper
        shortcut = self.shortcut(out) if self.shortcut is not None else x
        out = self.conv1(out)
        out = self.conv2(F.relu(self.bn2(out)))
        return out + shortcut


class PreActResNet(nn.Module):
    def __init__(self, widths: tuple[int, ...], blocks: tuple[int, ...], num_classes: int, in_channels: int = 3) -> None:
        super().__init__()
        if len(widths) != len(blocks):
            raise ValueError("widths and blocks need one entry per stage")
        self.stem = nn.Conv2d(in_channels, widths[0], 3, stride=1, padding=1, bias=False)
        layers: list[nn.Module] = []
        channels = widths[0]
        for stage, (width, count) in enumerate(zip(widths, blocks)):
            for index in range(count):
                stride = 2 if stage > 0 and index == 0 else 1
                layers.append(PreActBlock(channels, width, stride))
                channels = width
        self.blocks = nn.Sequential(*layers)
        self.bn = nn.BatchNorm2d(channels)
        self.fc = nn.Linear(channels, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.blocks(self.stem(x))
        out = F.relu(self.bn(out))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(out, 1), 1))


def preact_resnet18(num_classes: int, in_channels: int = 3) -> PreActResNet:
    return PreActResNet((64, 128, 256, 512), (2, 2, 2, 2), num_classes, in_channels)

