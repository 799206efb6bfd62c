"""Broken on purpose: the first convolution is frozen by mistake (and not declared exempt)."""

from __future__ import annotations

from typing import Any

from paperkit.training.plugin import Task
from reproductions.tiny.plugin import TinyReproduction


class FrozenReproduction(TinyReproduction):
    name = "tiny_frozen"

    def task(self, config: Any, arm: Any, num_classes: int, ctx: Any) -> Task:
        task = super().task(config, "method", num_classes, ctx)
        task.model[0].weight.requires_grad_(False)  # the bug
        return task
