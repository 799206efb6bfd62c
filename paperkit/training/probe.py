"""An encoder followed by one linear layer: the frozen-encoder linear probe, or fine-tuning.

Self-supervised and contrastive papers judge a representation by a linear classifier trained on
the frozen encoder's features (colorization: Zhang et al. 2016 § 3.2, Larsson et al. 2017 § 4;
SupCon: Khosla et al. 2020 § 3, stage 2). Frozen means a fixed feature map: no gradient into the
encoder and its batch-norm statistics kept as pretrained, even while the linear layer trains on
few labels. Unfrozen, the same module is fine-tuning or a supervised end-to-end baseline.

Plugins reach this through the contract (`LinearClassifier`, `linear_classifier_task` in
`paperkit.training.plugin`). Imports torch at module level; imports nothing from paperkit.
"""

from __future__ import annotations

from typing import Callable

import torch
from torch import nn


class LinearClassifier(nn.Module):
    """images -> [prepare] -> encoder -> [global average pool] -> linear layer -> logits.

    The encoder returns features [B, features] or a feature map [B, features, H, W], which is
    averaged over H and W. `prepare` maps the images to the encoder's input (e.g. to lightness).
    """

    def __init__(
        self,
        encoder: nn.Module,
        num_classes: int,
        *,
        features: int,
        frozen: bool = False,
        prepare: Callable[[torch.Tensor], torch.Tensor] | None = None,
    ) -> None:
        super().__init__()
        self.encoder = encoder
        self.frozen = frozen
        self.prepare = prepare
        self.fc = nn.Linear(features, num_classes)
        if frozen:
            encoder.requires_grad_(False)

    def train(self, mode: bool = True) -> "LinearClassifier":
        super().train(mode)
        if self.frozen:
            self.encoder.eval()  # the pretrained batch-norm statistics, not ones re-estimated on few labels
        return self

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.prepare is not None:
            x = self.prepare(x)
        if self.frozen:
            with torch.no_grad():
                r = self.encoder(x)
        else:
            r = self.encoder(x)
        if r.dim() == 4:
            r = r.mean(dim=(2, 3))
        return self.fc(r)
