"""Broken on purpose: the loss looks up each image's label in the dataset instead of using the
labels it is given. Real labels are memorised; only the random-label control can tell.
"""

from __future__ import annotations

from typing import Any

from paperkit.training.plugin import LossOutput, Task
from reproductions.tiny.plugin import TinyReproduction, logits_of


class TrueLabelsReproduction(TinyReproduction):
    name = "tiny_true_labels"

    def task(self, config: Any, arm: Any, num_classes: int, ctx: Any) -> Task:
        import torch
        import torch.nn.functional as F

        base = super().task(config, "method", num_classes, ctx)
        data = ctx.data(config.data)
        known = {bytes(img.flatten().tolist()): int(label) for img, label in zip(data.train_images.cpu(), data.train_labels.cpu())}

        def loss(x: Any, y: Any) -> LossOutput:
            pixels = (x * 255).round().to(torch.uint8).flatten(1).cpu()
            truth = torch.tensor([known.get(bytes(row.tolist()), 0) for row in pixels], device=y.device)  # the bug
            logits = logits_of(base.model, x)
            return LossOutput(F.cross_entropy(logits, truth), logits)

        return Task(base.model, loss, expected_initial_loss=base.expected_initial_loss)
