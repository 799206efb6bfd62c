"""A small test reproduction: does a two-layer CNN beat a linear classifier on the shapes data?

The framework's tests drive the runner, the overfit check, run records and ablations through it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from paperkit.config import DataConfig, OptimConfig
from paperkit.plugin import Arm, Claim, LossOutput, Reproduction, Task


@dataclass(frozen=True)
class Config:
    data: DataConfig = field(default_factory=lambda: DataConfig(train_size=200, test_size=100, difficulty=0.2))
    train: OptimConfig = field(
        default_factory=lambda: OptimConfig(optimizer="adam", lr=3e-3, weight_decay=0.0, batch_size=50, epochs=2)
    )
    width: int = 8  # channels of the first convolution


def build_model(config: Config, arm: Arm, num_classes: int, channels: int = 3) -> Any:
    from torch import nn

    if arm == "baseline":
        return nn.Sequential(nn.AvgPool2d(4), nn.Flatten(), nn.Linear(channels * 64, num_classes))
    w = config.width
    return nn.Sequential(
        nn.Conv2d(channels, w, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(w, 2 * w, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        nn.Linear(2 * w, num_classes),
    )


def logits_of(model: Any, x: Any) -> Any:
    return model(x * 2 - 1)  # centred inputs keep the initial logits near 0


def accuracy(model: Any, images: Any, labels: Any) -> float:
    from paperkit.runner import to_float

    return float((logits_of(model, to_float(images)).argmax(1) == labels).float().mean())


class TinyReproduction(Reproduction):
    name = "tiny"
    papers = ("1234.56789",)
    title = "A tiny test reproduction"
    summary = "A small CNN against a linear classifier on the embedded shapes data."
    baseline = "a linear classifier on 8x8 average-pooled pixels"
    config_class = Config
    claims = (Claim("shapes, 2 epochs", "test_accuracy", 0.5, 0.9, True, "Table 1", note="made-up paper values"),)

    def task(self, config: Config, arm: Arm, num_classes: int, ctx: Any) -> Task:
        import math

        import torch.nn.functional as F

        model = build_model(config, arm, num_classes).to(ctx.device)

        def loss(x: Any, y: Any) -> LossOutput:
            logits = logits_of(model, x)
            return LossOutput(F.cross_entropy(logits, y), logits)

        return Task(model, loss, expected_initial_loss=math.log(num_classes))

    def run(self, config: Config, ctx: Any, arms: tuple[Arm, ...]) -> dict[str, dict[str, float]]:
        data = ctx.data(config.data)
        results = {}
        for arm in arms:
            task = self.task(config, arm, data.num_classes, ctx)
            history = ctx.fit(
                arm, task, data.train_images, data.train_labels, config.train,
                evaluate=lambda: {"test_accuracy": accuracy(task.model, data.test_images, data.test_labels)},
            )
            results[arm] = {"test_accuracy": history["final"]["test_accuracy"], "train_loss": history["loss"][-1]}
        return results
