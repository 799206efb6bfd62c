"""Broken on purpose: the loss becomes NaN after a few steps (the runner must stop and say where)."""

from __future__ import annotations

from typing import Any

from paperkit.training.plugin import LossOutput, Task
from reproductions.tiny.plugin import TinyReproduction


class NanReproduction(TinyReproduction):
    name = "tiny_nan"

    def task(self, config: Any, arm: Any, num_classes: int, ctx: Any) -> Task:
        base = super().task(config, arm, num_classes, ctx)
        calls = [0]

        def loss(x: Any, y: Any) -> LossOutput:
            calls[0] += 1
            out = base.loss(x, y)
            return LossOutput(out.loss * float("nan") if calls[0] > 3 else out.loss, out.logits)

        return Task(base.model, loss, expected_initial_loss=base.expected_initial_loss)
