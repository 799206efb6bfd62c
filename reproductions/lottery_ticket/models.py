"""The networks of Frankle & Carbin (arXiv 1803.03635, Fig. 2).

LeNet-300-100: fully connected 300, 100, then the output layer (MNIST).
Conv-2 / Conv-4 / Conv-6: VGG-like stacks of 3×3 convolutions in pairs of 64, 128, 256 channels,
each pair followed by 2×2 max-pooling, then fully connected 256, 256 and the output (CIFAR-10).
Weights use Gaussian Glorot initialisation as in Fig. 2; biases start at zero.
"""

from __future__ import annotations

import torch
from torch import nn

CONV_PAIRS = {"conv2": (64,), "conv4": (64, 128), "conv6": (64, 128, 256)}
ARCHITECTURES = ("lenet300_100", *CONV_PAIRS)


def _glorot(model: nn.Module) -> nn.Module:
    for module in model.modules():
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_normal_(module.weight)
            nn.init.zeros_(module.bias)
    return model


class LeNet300100(nn.Module):
    def __init__(self, in_features: int, num_classes: int, hidden: tuple[int, ...] = (300, 100)) -> None:
        super().__init__()
        sizes = (in_features, *hidden)
        self.hidden = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        self.output = nn.Linear(sizes[-1], num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.flatten(x, 1)
        for layer in self.hidden:
            x = torch.relu(layer(x))
        return self.output(x)


class ConvNet(nn.Module):
    """Conv-2/4/6: `pairs` gives the channels of each pair of convolutions."""

    def __init__(self, in_channels: int, image_size: int, num_classes: int, pairs: tuple[int, ...],
                 hidden: tuple[int, ...] = (256, 256)) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        channels = in_channels
        for width in pairs:
            layers += [nn.Conv2d(channels, width, 3, padding=1), nn.ReLU(),
                       nn.Conv2d(width, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
            channels = width
        self.features = nn.Sequential(*layers)
        side = image_size // 2 ** len(pairs)
        sizes = (channels * side * side, *hidden)
        self.hidden = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        self.output = nn.Linear(sizes[-1], num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.flatten(self.features(x), 1)
        for layer in self.hidden:
            x = torch.relu(layer(x))
        return self.output(x)


def build_model(arch: str, in_channels: int, image_size: int, num_classes: int,
                hidden: tuple[int, ...] | None = None) -> nn.Module:
    """A freshly Glorot-initialised network; `hidden` overrides the fully connected widths."""
    if arch == "lenet300_100":
        model = LeNet300100(in_channels * image_size * image_size, num_classes, hidden or (300, 100))
    elif arch in CONV_PAIRS:
        model = ConvNet(in_channels, image_size, num_classes, CONV_PAIRS[arch], hidden or (256, 256))
    else:
        raise ValueError(f"unknown architecture {arch!r}; choose from {', '.join(ARCHITECTURES)}")
    return _glorot(model)
