"""The mixup experiment, top to bottom: the network, each arm's task, training, evaluation, plots.

Both arms train the same pre-activation ResNet from the same weights on the same data and
schedule; only the objective differs ("baseline" = ERM, "method" = mixup, `method.py`). Each is
scored per epoch by test error and expected calibration error, and, with corrupted labels, by how
much of the noise it has memorised (§ 3.4).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import torch
import torch.nn.functional as F
from torch import nn

from paperkit.training.plugin import LossOutput, Task, classification_task
from reproductions.mixup.method import mix_batch, mixed_loss_floor, mixup_cross_entropy

if TYPE_CHECKING:  # pragma: no cover
    from reproductions.mixup.plugin import Config

GRAYSCALE = ("mnist", "fashion-mnist")


# =====================================================================================
# The network: pre-activation ResNets (He, Zhang, Ren, Sun, ECCV 2016, arXiv 1603.05027)
# =====================================================================================
# The mixup paper's CIFAR experiments (§ 3.2, Fig. 3a) use PreAct ResNet-18: a 3×3 stem, four
# stages of two pre-activation basic blocks with 64/128/256/512 channels (strides 1, 2, 2, 2),
# BN-ReLU, global average pooling and a linear classifier. `PreActResNet(widths, blocks)` is that
# family, so the embedded-data default is the same design scaled down.


class PreActBlock(nn.Module):
    """BN-ReLU-conv3×3-BN-ReLU-conv3×3 plus the shortcut (Fig. 4(e) of the PreAct paper)."""

    def __init__(self, in_channels: int, channels: int, stride: int) -> None:
        super().__init__()
        self.bn1 = nn.BatchNorm2d(in_channels)
        self.conv1 = nn.Conv2d(in_channels, channels, 3, stride=stride, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, stride=1, padding=1, bias=False)
        self.shortcut = None
        if stride != 1 or in_channels != channels:
            self.shortcut = nn.Conv2d(in_channels, channels, 1, stride=stride, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = F.relu(self.bn1(x))
        # the projection shortcut takes the pre-activated input, as in the identity-mappings paper
        shortcut = self.shortcut(out) if self.shortcut is not None else x
        out = self.conv1(out)
        out = self.conv2(F.relu(self.bn2(out)))
        return out + shortcut


class PreActResNet(nn.Module):
    def __init__(self, widths: tuple[int, ...], blocks: tuple[int, ...], num_classes: int, in_channels: int = 3) -> None:
        super().__init__()
        if len(widths) != len(blocks):
            raise ValueError("widths and blocks need one entry per stage")
        self.stem = nn.Conv2d(in_channels, widths[0], 3, stride=1, padding=1, bias=False)
        layers: list[nn.Module] = []
        channels = widths[0]
        for stage, (width, count) in enumerate(zip(widths, blocks)):
            for index in range(count):
                stride = 2 if stage > 0 and index == 0 else 1
                layers.append(PreActBlock(channels, width, stride))
                channels = width
        self.blocks = nn.Sequential(*layers)
        self.bn = nn.BatchNorm2d(channels)
        self.fc = nn.Linear(channels, num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = self.blocks(self.stem(x))
        out = F.relu(self.bn(out))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(out, 1), 1))


def preact_resnet18(num_classes: int, in_channels: int = 3) -> PreActResNet:
    return PreActResNet((64, 128, 256, 512), (2, 2, 2, 2), num_classes, in_channels)


# =====================================================================================
# Each arm's task: the same network, ERM or mixup
# =====================================================================================


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
    # CE against any target at a uniform prediction is ln C, the initial loss classification_task declares.
    return classification_task(model, num_classes, loss=loss, loss_floor=mixed_loss_floor(alpha, balanced))


# =====================================================================================
# Evaluation: test error, calibration, memorised noise
# =====================================================================================

EVAL_BATCH = 500  # examples per forward pass when evaluating (bounds memory, not results)


# Expected calibration error (Guo et al., ICML 2017, arXiv 1706.04599, § 2 "Expected Calibration
# Error"). Predictions are grouped into M equal-width confidence bins (lo, hi]; ECE is the
# example-weighted mean gap between accuracy and mean confidence per bin:
# Σ_m |B_m|/n · |acc(B_m) − conf(B_m)|. mixup is reported to reduce it (Thulasidasan et al.,
# NeurIPS 2019, arXiv 1905.11001).


def expected_calibration_error(logits: torch.Tensor, labels: torch.Tensor, bins: int = 15) -> float:
    """ECE of softmax(logits) against integer labels, as a fraction in [0, 1]."""
    probs = torch.softmax(logits.double(), dim=1)
    confidence, predicted = probs.max(dim=1)
    correct = (predicted == labels).double()
    edges = torch.linspace(0.0, 1.0, bins + 1, dtype=torch.float64, device=logits.device)
    # bucketize with right=False puts c in bin m when edges[m] < c <= edges[m+1]; clamp keeps c = 0 in bin 0
    which = (torch.bucketize(confidence, edges, right=False) - 1).clamp(0, bins - 1)
    count = torch.zeros(bins, dtype=torch.float64, device=logits.device).index_add_(0, which, torch.ones_like(confidence))
    conf_sum = torch.zeros_like(count).index_add_(0, which, confidence)
    acc_sum = torch.zeros_like(count).index_add_(0, which, correct)
    return float((acc_sum - conf_sum).abs().sum() / confidence.numel())


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


# =====================================================================================
# The experiment: both arms, then the curves
# =====================================================================================


def run_experiment(config: "Config", ctx: Any, arms: tuple[str, ...]) -> dict[str, dict[str, float]]:
    data = ctx.data(config.data)
    augment = None
    if config.augment:
        from paperkit.training.plugin import standard_augment

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
