"""Broken on purpose: the labels are shuffled against the images at every step."""

from __future__ import annotations

from typing import Any

from paperkit.training.plugin import LossOutput, Task
from reproductions.tiny.plugin import TinyReproduction


class ShuffleReproduction(TinyReproduction):
    name = "tiny_shuffle"

    def task(self, config: Any, arm: Any, num_classes: int, ctx: Any) -> Task:
        import torch

        base = super().task(config, "method", num_classes, ctx)

        def loss(x: Any, y: Any) -> LossOutput:
            return base.loss(x, y[torch.randperm(len(y))])  # the bug

        return Task(base.model, loss, expected_initial_loss=base.expected_initial_loss)
