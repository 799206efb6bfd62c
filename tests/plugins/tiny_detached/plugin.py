"""Broken on purpose: the convolutional features are detached, so the convolutions never learn."""

from __future__ import annotations

from typing import Any

from paperkit.training.plugin import LossOutput, Task
from reproductions.tiny.plugin import TinyReproduction


class DetachedReproduction(TinyReproduction):
    name = "tiny_detached"

    def task(self, config: Any, arm: Any, num_classes: int, ctx: Any) -> Task:
        import torch.nn.functional as F

        base = super().task(config, "method", num_classes, ctx)
        body, head = base.model[:-1], base.model[-1]

        def loss(x: Any, y: Any) -> LossOutput:
            logits = head(body(x * 2 - 1).detach())  # the bug
            return LossOutput(F.cross_entropy(logits, y), logits)

        return Task(base.model, loss, expected_initial_loss=base.expected_initial_loss)
