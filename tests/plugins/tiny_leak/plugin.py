"""Broken on purpose: the labels reach the logits through a learnable table, not only the image.

The model still memorises its examples; only the overfit check's zeroed-input control can tell.
"""

from __future__ import annotations

from typing import Any

from paperkit.training.plugin import LossOutput, Task
from reproductions.tiny.plugin import TinyReproduction, logits_of


class LeakReproduction(TinyReproduction):
    name = "tiny_leak"

    def task(self, config: Any, arm: Any, num_classes: int, ctx: Any) -> Task:
        import torch
        import torch.nn.functional as F

        base = super().task(config, "method", num_classes, ctx)
        table = torch.nn.Embedding(num_classes, num_classes)
        torch.nn.init.zeros_(table.weight)  # no effect on the initial loss
        model = torch.nn.ModuleDict({"net": base.model, "table": table})

        def loss(x: Any, y: Any) -> LossOutput:
            logits = logits_of(model["net"], x) + 10 * model["table"](y)  # the bug
            return LossOutput(F.cross_entropy(logits, y), logits)

        return Task(model, loss, expected_initial_loss=base.expected_initial_loss)
