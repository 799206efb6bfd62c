"""The mixup experiment: build each arm's task, train both arms, evaluate, plot."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import torch
import torch.nn.functional as F

from paperkit.plugin import LossOutput, Task
from reproductions.mixup.calibration import expected_calibration_error
from reproductions.mixup.mixup import mix_batch, mixed_loss_floor, mixup_cross_entropy
from reproductions.mixup.model import PreActResNet

if TYPE_CHECKING:  # pragma: no cover
    from reproductions.mixup.plugin import Config

GRAYSCALE = ("mnist", "fashion-mnist")


def in_channels(dataset: str) -> int:
    return 1 if dataset in GRAYSCALE else 3


def arm_alpha(config: "Config", arm: str) -> float:
    """The baseline is ERM: the same loss with mixing off."""
    return config.mixup.alpha if arm == "method" else 0.0


def make_model(config: "Config", num_classes: int, device: torch.device) -> PreActResNet:
    model = PreActResNet(config.model.widths, config.model.blocks, num_classes, in_channels(config.data.dataset))
    return model.to(device)


def build_task(config: "Config", arm: str, num_classes: int, ctx: Any, model: PreActResNet | None = None) -> Task:
    device = getattr(ctx, "device", torch.device("cpu"))
    model = model if model is not None else make_model(config, num_classes, device)
    alpha = arm_alpha(config, arm)

    def loss(x: torch.Tensor, y: torch.Tensor) -> LossOutput:
        batch = mix_batch(x, y, alpha)
        logits = model(batch.inputs)
        # Train accuracy is scored against the mixed target's argmax, the label with weight ≥ 1/2.
        return LossOutput(mixup_cross_entropy(logits, batch), logits, batch.dominant_targets)

    # A balanced K-example set has P(partner's label differs) ≈ 1 − 1/C; the framework's overfit
    # check draws K examples, so the floor is stated for balanced labels (exact for the K it uses
    # when they are balanced, a slight over-estimate of the floor otherwise).
    balanced = torch.arange(num_classes)
    return Task(
        model=model,
        loss=loss,
        expected_initial_loss=math.log(num_classes),  # CE against any target at uniform prediction is ln C
        loss_floor=mixed_loss_floor(alpha, balanced),
    )
