"""The mixup experiment: build each arm's task, train both arms, evaluate, plot."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import torch
import torch.nn.functional as F

from paperkit.training.plugin import LossOutput, Task
from reproductions.mixup.calibration import expected_calibration_error
from reproductions.mixup.method import mix_batch, mixed_loss_floor, mixup_cross_entropy
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


# =====================================================================================
# The experiment
# =====================================================================================

EVAL_BATCH = 500  # examples per forward pass when evaluating (bounds memory, not results)


def predict(model: torch.nn.Module, images: torch.Tensor) -> torch.Tensor:
    """Logits for uint8 images, in eval mode (the runner's evaluate hook already sets it)."""
    return torch.cat([model(images[i : i + EVAL_BATCH].float().div(255.0)) for i in range(0, len(images), EVAL_BATCH)])


def evaluation(model: torch.nn.Module, data: Any, bins: int) -> dict[str, float]:
    """Test error and ECE, and how much of the label noise the network has memorised (§ 3.4)."""
    logits = predict(model, data.test_images)
    metrics = {
        "test_error": 100.0 * float((logits.argmax(1) != data.test_labels).float().mean()),
        "ece": 100.0 * expected_calibration_error(logits, data.test_labels, bins),
        "test_loss": float(F.cross_entropy(logits, data.test_labels)),
    }
    if data.noisy_mask is not None and bool(data.noisy_mask.any()):
        noisy = data.noisy_mask
        train_pred = predict(model, data.train_images[noisy]).argmax(1)
        # share of corrupted training examples predicted with their *corrupted* label: memorisation
        metrics["noisy_memorised"] = 100.0 * float((train_pred == data.train_labels[noisy]).float().mean())
    return metrics


def setting_metrics(config: "Config", final: dict[str, float]) -> dict[str, float]:
    """Copies of the final test error under the claim keys this run's label noise answers."""
    noise = config.data.label_noise
    if noise == 0:
        return {"test_error_clean": final["test_error"]}
    keyed = {"test_error_noisy": final["test_error"]}
    percent = round(100 * noise)
    if percent in (20, 50, 80) and abs(100 * noise - percent) < 1e-9:
        keyed[f"test_error_noise{percent}"] = final["test_error"]
    return keyed


def run_experiment(config: "Config", ctx: Any, arms: tuple[str, ...]) -> dict[str, dict[str, float]]:
    data = ctx.data(config.data)
    augment = None
    if config.augment:
        from paperkit.training.augment import standard_augment

        augment = standard_augment
    results: dict[str, dict[str, float]] = {}
    histories: dict[str, dict[str, Any]] = {}
    for arm in arms:
        # Both arms start from the same weights: only the objective differs.
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(ctx.seed)
            model = make_model(config, data.num_classes, ctx.device)
        task = build_task(config, arm, data.num_classes, ctx, model=model)
        history = ctx.fit(
            arm, task, data.train_images, data.train_labels, config.train,
            augment=augment, evaluate=lambda model=model: evaluation(model, data, config.ece_bins),
        )
        histories[arm] = history
        final = dict(history["final"])
        metrics = {
            **final,
            "test_accuracy": 100.0 - final["test_error"],
            "test_error_best": min(e["test_error"] for e in history["evaluations"]),
            "train_loss": history["loss"][-1],
            **setting_metrics(config, final),
        }
        results[arm] = metrics
        ctx.log(f"{arm}-final", **metrics)
    plot_curves(histories, ctx.artifact("test_error.png"), config)
    return results


def plot_curves(histories: dict[str, dict[str, Any]], path: Any, config: "Config") -> None:
    """Test error and memorised noise per epoch, ERM vs mixup (the paper's Fig. 2-style curves)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = {"baseline": "ERM", "method": f"mixup (α = {config.mixup.alpha:g})"}
    panels = ["test_error", "ece"] + (["noisy_memorised"] if config.data.label_noise > 0 else [])
    titles = {"test_error": "test error (%)", "ece": "expected calibration error (%)",
              "noisy_memorised": "corrupted training labels fitted (%)"}
    fig, axes = plt.subplots(1, len(panels), figsize=(4.2 * len(panels), 3.4))
    for axis, key in zip(axes, panels):
        for arm, history in histories.items():
            points = [(e["epoch"], e[key]) for e in history["evaluations"] if key in e]
            axis.plot(*zip(*points), label=names.get(arm, arm))
        axis.set_xlabel("epoch")
        axis.set_title(titles[key])
        axis.grid(alpha=0.3)
    axes[0].legend()
    fig.suptitle(f"{config.data.dataset}, label noise {config.data.label_noise:.0%}")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
