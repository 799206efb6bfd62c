"""Networks of § 3.1: an encoder Enc(·), a projection head Proj(·), and the classifiers on top.

The paper's encoder is a ResNet-50 whose 2048-d pooled output is the representation r; the
projection network is an MLP with one hidden layer of 2048 units and a 128-d output, L2-normalised
so that z lies on the unit sphere and z_i · z_j is a cosine similarity. After pretraining the
projection head is discarded and a linear classifier is trained on r with the encoder frozen.
For CIFAR the ResNet takes the usual small-image stem (3x3 convolution, stride 1, no max-pool), as
in the authors' released code.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn


class TinyResNet(nn.Module):
    """A small CIFAR ResNet (one basic block per stage) for the CPU-sized default runs."""

    def __init__(self, in_channels: int = 3, width: int = 16):
        super().__init__()
        widths = (width, 2 * width, 4 * width)
        self.stem = nn.Sequential(
            nn.Conv2d(in_channels, widths[0], 3, padding=1, bias=False), nn.BatchNorm2d(widths[0]), nn.ReLU()
        )
        blocks = []
        previous = widths[0]
        for index, channels in enumerate(widths):
            blocks.append(_BasicBlock(previous, channels, stride=1 if index == 0 else 2))
            previous = channels
        self.blocks = nn.Sequential(*blocks)
        self.out_dim = previous

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.adaptive_avg_pool2d(self.blocks(self.stem(x)), 1).flatten(1)


class _BasicBlock(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Identity()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(out)) + self.shortcut(x))


def _cifar_resnet(name: str, in_channels: int) -> nn.Module:
    """torchvision's ResNet-18/50 with the small-image stem and no classifier (r = pooled features)."""
    import torchvision

    net = getattr(torchvision.models, name)(weights=None)
    net.conv1 = nn.Conv2d(in_channels, 64, 3, 1, 1, bias=False)
    net.maxpool = nn.Identity()
    net.out_dim = net.fc.in_features
    net.fc = nn.Identity()
    return net


def build_encoder(name: str, in_channels: int, width: int) -> nn.Module:
    if name == "tiny":
        return TinyResNet(in_channels, width)
    if name in ("resnet18", "resnet50"):
        return _cifar_resnet(name, in_channels)
    from paperkit.errors import UsageError

    raise UsageError(f"model.encoder must be tiny, resnet18 or resnet50, got {name!r}")


class ProjectionHead(nn.Module):
    """Proj(·), § 3.1: MLP (one hidden layer as wide as r) to `dim`, then L2 normalisation."""

    def __init__(self, in_dim: int, dim: int = 128, kind: str = "mlp"):
        super().__init__()
        if kind == "mlp":
            self.net = nn.Sequential(nn.Linear(in_dim, in_dim), nn.ReLU(), nn.Linear(in_dim, dim))
        elif kind == "linear":
            self.net = nn.Linear(in_dim, dim)
        else:
            from paperkit.errors import UsageError

            raise UsageError(f"model.head must be mlp or linear, got {kind!r}")

    def forward(self, r: torch.Tensor) -> torch.Tensor:
        return F.normalize(self.net(r), dim=1)


class ContrastiveNet(nn.Module):
    """Enc then Proj: images to unit-norm embeddings z (stage 1)."""

    def __init__(self, encoder: nn.Module, head: ProjectionHead):
        super().__init__()
        self.encoder = encoder
        self.head = head

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(x))


class Classifier(nn.Module):
    """Enc then a linear layer: the cross-entropy baseline (trained end to end) and the linear probe."""

    def __init__(self, encoder: nn.Module, num_classes: int, *, frozen: bool = False):
        super().__init__()
        self.encoder = encoder
        self.frozen = frozen
        self.fc = nn.Linear(encoder.out_dim, num_classes)
        if frozen:
            for p in self.encoder.parameters():
                p.requires_grad_(False)

    def train(self, mode: bool = True) -> "Classifier":
        super().train(mode)
        if self.frozen:
            # Linear evaluation: the encoder is a fixed feature map, BatchNorm statistics included.
            self.encoder.eval()
        return self

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.frozen:
            with torch.no_grad():
                r = self.encoder(x)
            return self.fc(r)
        return self.fc(self.encoder(x))
