"""Healthy, but random everywhere: augmentation from the runner's generator, and a mixup-like λ,
a dropout mask and a Python-random choice drawn from the global generators at every step.

An exact resume needs the runner to restore all three random states (shuffle order, augmentation
generator, global RNGs); the resume tests interrupt it mid-epoch and compare bit for bit.
"""

from __future__ import annotations

import random
from typing import Any

from paperkit.training.plugin import LossOutput, Task
from reproductions.tiny.plugin import TinyReproduction, accuracy


def augment(x: Any, gen: Any) -> Any:
    import torch

    flip = torch.rand(len(x), generator=gen, device=gen.device) < 0.5
    noise = 0.05 * torch.rand(x.shape, generator=gen, device=gen.device)
    return torch.where(flip[:, None, None, None], x.flip(3), x) + noise


class RandomReproduction(TinyReproduction):
    name = "tiny_random"

    def task(self, config: Any, arm: Any, num_classes: int, ctx: Any) -> Task:
        import torch
        import torch.nn.functional as F

        base = super().task(config, arm, num_classes, ctx)

        def loss(x: Any, y: Any) -> LossOutput:
            lam = float(torch.rand(()))  # torch's global generator, like mixup's λ
            keep = random.random() < 0.9  # Python's, like a random choice of views
            mixed = lam * x + (1 - lam) * x.flip(0) if keep else x
            logits = base.model(F.dropout(mixed * 2 - 1, 0.1, training=True))
            return LossOutput(lam * F.cross_entropy(logits, y) + (1 - lam) * F.cross_entropy(logits, y.flip(0)), logits)

        return Task(base.model, loss, expected_initial_loss=None)

    def run(self, config: Any, ctx: Any, arms: tuple) -> dict:
        data = ctx.data(config.data)
        results = {}
        for arm in arms:
            task = self.task(config, arm, data.num_classes, ctx)
            history = ctx.fit(
                arm, task, data.train_images, data.train_labels, config.train, augment=augment,
                evaluate=lambda: {"test_accuracy": accuracy(task.model, data.test_images, data.test_labels)},
            )
            results[arm] = {"test_accuracy": history["final"]["test_accuracy"], "train_loss": history["loss"][-1]}
            ctx.log(f"{arm}-final", **results[arm])  # a plugin's own row, logged again on resume
        return results
