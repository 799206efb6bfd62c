"""The SupCon experiment, top to bottom: encoders, augmentation, each arm's task, evaluation, stages.

Method (§ 3): stage 1 trains Enc + Proj with the supervised contrastive loss on two augmented
views per image; stage 2 trains a linear classifier on the frozen Enc (Proj is discarded) and
its test accuracy is the method's number. Baseline: Enc + a linear layer trained end to end with
cross-entropy for as many epochs as stage 1. SimCLR (labels dropped) and the L_in^sup variant
are extra pretraining runs scored the same way when the config asks for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import torch
import torch.nn.functional as F
from torch import nn

from paperkit.training.plugin import (
    LossOutput, Task, UsageError, horizontal_flip, linear_classifier_task, random_resized_crop,
)
from reproductions.supcon.method import (
    ContrastiveNet, ProjectionHead, as_float, collapsed_loss, contrastive_views, loss_floor, supcon_loss,
)

if TYPE_CHECKING:  # pragma: no cover
    from reproductions.supcon.plugin import Config

GRAYSCALE = ("mnist", "fashion-mnist", "digits")
# The framework's overfit check trains on this many examples in one batch; the loss floor and
# the expected initial loss of the contrastive task are stated for it (balanced classes).
OVERFIT_EXAMPLES = 32


def in_channels(dataset: str) -> int:
    return 1 if dataset in GRAYSCALE else 3


# ---------------------------------------------------------------------------------------------
# The encoders Enc(·): the paper's ResNets, and a tiny one for CPU-sized runs
# ---------------------------------------------------------------------------------------------
# The paper's encoder is a ResNet-50 whose 2048-d pooled output is the representation r. For CIFAR
# the ResNet takes the usual small-image stem (3x3 convolution, stride 1, no max-pool), as in the
# authors' released code.


class TinyResNet(nn.Module):
    """A small CIFAR ResNet (one basic block per stage) for the CPU-sized default runs."""

    def __init__(self, in_channels: int = 3, width: int = 16):
        super().__init__()
        widths = (width, 2 * width, 4 * width)
        self.stem = nn.Sequential(
            nn.Conv2d(in_channels, widths[0], 3, padding=1, bias=False), nn.BatchNorm2d(widths[0]), nn.ReLU()
        )
        blocks = []
        previous = widths[0]
        for index, channels in enumerate(widths):
            blocks.append(_BasicBlock(previous, channels, stride=1 if index == 0 else 2))
            previous = channels
        self.blocks = nn.Sequential(*blocks)
        self.out_dim = previous

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.adaptive_avg_pool2d(self.blocks(self.stem(x)), 1).flatten(1)


class _BasicBlock(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Identity()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        out = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(out)) + self.shortcut(x))


def _cifar_resnet(name: str, in_channels: int) -> nn.Module:
    """torchvision's ResNet-18/50 with the small-image stem and no classifier (r = pooled features)."""
    import torchvision

    net = getattr(torchvision.models, name)(weights=None)
    net.conv1 = nn.Conv2d(in_channels, 64, 3, 1, 1, bias=False)
    net.maxpool = nn.Identity()
    net.out_dim = net.fc.in_features
    net.fc = nn.Identity()
    return net


def build_encoder(name: str, in_channels: int, width: int) -> nn.Module:
    if name == "tiny":
        return TinyResNet(in_channels, width)
    if name in ("resnet18", "resnet50"):
        return _cifar_resnet(name, in_channels)
    raise UsageError(f"model.encoder must be tiny, resnet18 or resnet50, got {name!r}")


# ---------------------------------------------------------------------------------------------
# Augmentation of the classifiers (the contrastive views are § 3.1, in method.py)
# ---------------------------------------------------------------------------------------------


def crop_flip(x: torch.Tensor, gen: torch.Generator) -> torch.Tensor:
    """What the authors' CE and linear-evaluation scripts use: resized crop (0.2-1) and flip."""
    return horizontal_flip(random_resized_crop(as_float(x), gen=gen), 0.5, gen)


def classifier_augment(config: "Config"):
    """The CE arm's and the probes' augmentation: the authors' crop and flip with the paper's
    recipe; a mild crop without flip with the label-keeping one (the same views every arm sees)."""
    if not config.augment:
        return None
    if config.views_recipe == "label-keeping":
        return lambda x, gen: random_resized_crop(as_float(x), scale=(0.6, 1.0), gen=gen)
    return crop_flip


# ---------------------------------------------------------------------------------------------
# Tasks
# ---------------------------------------------------------------------------------------------


def contrastive_task(
    config: "Config", encoder: torch.nn.Module, num_classes: int, *, supervised: bool, variant: str
) -> Task:
    """Stage 1: Enc + Proj trained with L_out^sup / L_in^sup (or SimCLR when not supervised).

    `loss(x, y)` takes either V stacked views per image ([V·B, ...], from `contrastive_views`) or
    the plain batch ([B, ...]), whose V views are then the image itself: augmentation off, as in
    the overfit check.
    """
    head = ProjectionHead(encoder.out_dim, config.model.projection_dim, config.model.head)
    model = ContrastiveNet(encoder, head).to(next(encoder.parameters()).device)
    views = config.loss.views
    tau, base = config.loss.temperature, config.loss.base_temperature

    def loss(x: torch.Tensor, y: torch.Tensor) -> LossOutput:
        n = len(y)
        if len(x) == n:
            x = x.repeat(views, 1, 1, 1)
        elif len(x) != views * n:
            raise ValueError(f"expected {n} or {views * n} images for {n} labels, got {len(x)}")
        # All N·V views in one forward pass (shared BatchNorm statistics); the loss in float32
        # even under autocast, since exp(z·z/τ) with τ = 0.1 is sensitive to bf16 rounding.
        z = model(x).float().view(views, n, -1).transpose(0, 1)  # [N, V, D]
        labels = y if supervised else None
        # The floor depends on the batch's class counts: keep it exact for the labels last seen
        # (the overfit check's random-label control draws unbalanced labels).
        task.loss_floor = loss_floor(labels, views, temperature=tau, base_temperature=base)
        value = supcon_loss(z, labels, temperature=tau, variant=variant, base_temperature=base)
        return LossOutput(value)

    n = OVERFIT_EXAMPLES
    balanced = torch.arange(n) % num_classes if supervised else None
    task = Task(
        model=model,
        loss=loss,
        # An untrained encoder maps all images to nearly one direction: uniform softmax over NV-1.
        expected_initial_loss=collapsed_loss(n * views, temperature=tau, base_temperature=base),
        # Before any batch: exact for the overfit check's K class-balanced examples (round-robin).
        loss_floor=loss_floor(balanced, views, temperature=tau, base_temperature=base),
        has_accuracy=False,
    )
    return task


def ce_task(encoder: torch.nn.Module, num_classes: int, *, frozen: bool = False) -> Task:
    """The cross-entropy baseline (end to end), or the linear probe (frozen encoder, § 3 stage 2)."""
    return linear_classifier_task(encoder, num_classes, frozen=frozen, features=encoder.out_dim)


def make_encoder(config: "Config", device: Any) -> torch.nn.Module:
    encoder = build_encoder(config.model.encoder, in_channels(config.data.dataset), config.model.width)
    return encoder.to(device)


def build_task(config: "Config", arm: str, num_classes: int, ctx: Any) -> Task:
    """The overfit check's unit: "method" = SupCon pretraining, "baseline" = CE end to end."""
    device = getattr(ctx, "device", torch.device("cpu"))
    encoder = make_encoder(config, device)
    if arm == "method":
        return contrastive_task(config, encoder, num_classes, supervised=True, variant=config.loss.variant)
    return ce_task(encoder, num_classes)


# ---------------------------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------------------------


@torch.no_grad()
def predict(model: torch.nn.Module, images: torch.Tensor, batch: int = 500) -> torch.Tensor:
    was_training = model.training
    model.eval()
    out = torch.cat([model(as_float(images[i : i + batch])) for i in range(0, len(images), batch)])
    model.train(was_training)
    return out


def accuracy(model: torch.nn.Module, images: torch.Tensor, labels: torch.Tensor) -> float:
    """Top-1 accuracy in %."""
    return 100.0 * float((predict(model, images).argmax(1) == labels).float().mean())


def pca_2d(features: torch.Tensor) -> torch.Tensor:
    """Projection on the two leading principal components."""
    centred = features.double() - features.double().mean(0)
    _, _, v = torch.linalg.svd(centred, full_matrices=False)
    return (centred @ v[:2].T).float()


def plot_embeddings(path, panels: dict[str, torch.Tensor], labels: torch.Tensor, class_names) -> None:
    """One PCA scatter per representation, points coloured by class."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(panels), figsize=(5 * len(panels), 4.5), squeeze=False)
    cmap = plt.get_cmap("tab10" if len(class_names) <= 10 else "tab20")
    for ax, (title, feats) in zip(axes[0], panels.items()):
        xy = pca_2d(feats).cpu().numpy()
        for c in range(len(class_names)):
            keep = (labels == c).cpu().numpy()
            ax.scatter(xy[keep, 0], xy[keep, 1], s=6, color=cmap(c % cmap.N), label=str(class_names[c]))
        ax.set_title(title)
        ax.set_xlabel("PC 1")
        ax.set_ylabel("PC 2")
    if len(class_names) <= 10:
        axes[0][-1].legend(fontsize=7, markerscale=2, loc="best")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


# ---------------------------------------------------------------------------------------------
# The experiment
# ---------------------------------------------------------------------------------------------


def _pretrain_and_probe(config: "Config", ctx: Any, data: Any, name: str, *, supervised: bool, variant: str,
                        offset: int) -> tuple[float, torch.nn.Module]:
    """Stage 1 then stage 2 for one contrastive objective; returns (probe accuracy %, encoder)."""
    torch.manual_seed(int(getattr(ctx, "seed", 0)) * 1000 + offset)
    encoder = make_encoder(config, ctx.device)
    task = contrastive_task(config, encoder, data.num_classes, supervised=supervised, variant=variant)
    views = contrastive_views(config.loss.views, config.views_recipe) if config.augment else None
    history = ctx.fit(f"{name}-pretrain", task, data.train_images, data.train_labels, config.pretrain, augment=views)
    probe = ce_task(encoder, data.num_classes, frozen=True)
    probe_aug = classifier_augment(config)
    ctx.fit(f"{name}-linear", probe, data.train_images, data.train_labels, config.linear, augment=probe_aug,
            evaluate=lambda: {"test_accuracy": accuracy(probe.model, data.test_images, data.test_labels)})
    acc = accuracy(probe.model, data.test_images, data.test_labels)
    final = _last_loss(history)
    ctx.log(f"{name}-result", probe_accuracy=acc, **({"final_pretrain_loss": final} if final is not None else {}))
    return acc, encoder


def _last_loss(history: dict[str, Any]) -> float | None:
    losses = history.get("loss")
    return float(losses[-1]) if losses else None


def run_experiment(config: "Config", ctx: Any, arms: tuple[str, ...]) -> dict[str, dict[str, float]]:
    distributed = getattr(ctx, "distributed", None)
    if "method" in arms and distributed is not None and distributed.world_size > 1:
        # Each data-parallel worker would contrast only its slice of the batch: fewer negatives
        # and positives than the configured batch, i.e. a different loss. Gathering the
        # embeddings across workers (with gradients) is what the paper's large batches need.
        raise UsageError(
            "supcon's contrastive stage needs the whole batch in one loss; data-parallel slicing would change it",
            hint="run with --nproc 1 (or --baseline-only for the cross-entropy arm)",
        )
    data = ctx.data(config.data)
    results: dict[str, dict[str, float]] = {"baseline": {}, "method": {}}
    encoders: dict[str, torch.nn.Module] = {}

    if "method" in arms:
        acc, encoders["SupCon"] = _pretrain_and_probe(
            config, ctx, data, "supcon", supervised=True, variant=config.loss.variant, offset=10
        )
        results["method"].update(test_accuracy=acc, probe_accuracy=acc)
        # Table 1: L_out (method) vs L_in (baseline), each scored by its linear probe.
        variant_role = "method" if config.loss.variant == "out" else "baseline"
        if config.compare_variants:
            other = "in" if config.loss.variant == "out" else "out"
            other_acc, _ = _pretrain_and_probe(config, ctx, data, f"supcon-{other}", supervised=True,
                                               variant=other, offset=20)
            results[variant_role]["variant_accuracy"] = acc
            results["baseline" if variant_role == "method" else "method"]["variant_accuracy"] = other_acc
        if config.simclr:
            simclr_acc, encoders["SimCLR"] = _pretrain_and_probe(
                config, ctx, data, "simclr", supervised=False, variant="out", offset=30
            )
            results["method"]["simclr_vs_supcon_accuracy"] = acc
            results["baseline"]["simclr_vs_supcon_accuracy"] = simclr_acc

    if "baseline" in arms:
        torch.manual_seed(int(getattr(ctx, "seed", 0)) * 1000 + 40)
        encoder = make_encoder(config, ctx.device)
        task = ce_task(encoder, data.num_classes)
        ce_aug = classifier_augment(config)
        ctx.fit("ce", task, data.train_images, data.train_labels, config.ce, augment=ce_aug,
                evaluate=lambda: {"test_accuracy": accuracy(task.model, data.test_images, data.test_labels)})
        results["baseline"]["test_accuracy"] = accuracy(task.model, data.test_images, data.test_labels)
        encoders["cross-entropy"] = encoder
        if config.probe_baseline:
            # A linear probe on the CE encoder too: the same read-out protocol for both representations.
            probe = ce_task(encoder, data.num_classes, frozen=True)
            probe_aug = classifier_augment(config)
            ctx.fit("ce-linear", probe, data.train_images, data.train_labels, config.linear, augment=probe_aug)
            results["baseline"]["probe_accuracy"] = accuracy(probe.model, data.test_images, data.test_labels)

    if encoders and config.plot_points > 0:
        n = min(config.plot_points, len(data.test_images))
        panels = {f"{name} (encoder output, PCA)": predict(enc, data.test_images[:n]) for name, enc in encoders.items()}
        plot_embeddings(ctx.artifact("embeddings_pca.png"), panels, data.test_labels[:n], data.class_names)
    return {arm: metrics for arm, metrics in results.items() if metrics}
