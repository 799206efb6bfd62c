"""The whole experiment, top to bottom: networks, tasks, evaluation, figures, then the three stages.

The method (Lab, bins, soft-encoding, rebalancing, the losses, the annealed mean) is in method.py.

1. Pretext (Zhang et al. 2016): each arm's colorization network on all training images, labels
   unused — "method" = classification with rebalancing, "baseline" = L2 regression. Scored by
   the raw-accuracy AuC (§ 3.1) on the test images; a PNG shows the colours.
2. Supervised reference (Larsson et al. 2017's ImageNet pretraining): the same encoder trained
   on every training label.
3. Downstream (Larsson et al. 2017 § 4): with `data.train_fraction` of the labels, a linear
   probe on the frozen encoder and full fine-tuning, from each initialisation — random,
   colorization (each pretext arm), supervised. Scored by test accuracy.
"""

from __future__ import annotations

import copy
import io
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch
import torch.nn.functional as F
from torch import nn

from paperkit.training.plugin import (
    Arm, DataConfig, LossOutput, Task, UsageError, atomic_write_bytes, atomic_write_text, horizontal_flip,
    linear_classifier_task, standard_augment,
)
from reproductions.colorization.method import (
    AB_SCALE, annealed_mean, classification_loss, empirical_prior, in_gamut_bins, l2_loss, lab_to_rgb,
    nearest_bin, rebalancing_weights, rgb_to_lab, smooth_prior,
)

if TYPE_CHECKING:  # pragma: no cover
    from reproductions.colorization.plugin import ColorizationConfig

PRETEXT_NAMES = {"method": "classification + rebalancing", "baseline": "L2 regression"}


# =============================================================================================
# The networks: one encoder shared by the pretext and the downstream tasks
# =============================================================================================
# The encoder sees only the lightness L (Zhang et al. 2016 § 3.2 and Larsson et al. 2017 § 4 feed
# grayscale input downstream too, a handicap they note), so every downstream arm — colorization
# pretrained, random init, supervised — classifies from L alone and the comparison stays fair.
# A small VGG-style stack (the papers use VGG-16 on 224² ImageNet crops) keeps the embedded run
# to minutes on a CPU; it downsamples by 4, the resolution at which Zhang et al. predict colours.


def normalised_lightness(rgb: torch.Tensor) -> torch.Tensor:
    """The network input: L rescaled from [0, 100] to [-1, 1]; 1-channel images count as gray."""
    if rgb.shape[1] == 1:
        rgb = rgb.expand(-1, 3, -1, -1)
    return rgb_to_lab(rgb)[:, :1] / 50.0 - 1.0


def _block(cin: int, cout: int, stride: int = 1) -> list[nn.Module]:
    return [nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]


class Encoder(nn.Module):
    """L [B, 1, H, W] -> features [B, 4·width, H/4, W/4]."""

    def __init__(self, width: int = 16):
        super().__init__()
        w = width
        self.out_channels = 4 * w
        # As in Zhang et al.'s VGG-style network, the last conv of a block is the one that strides.
        self.layers = nn.Sequential(
            *_block(1, w), *_block(w, w, stride=2),
            *_block(w, 2 * w), *_block(2 * w, 2 * w, stride=2),
            *_block(2 * w, 4 * w), *_block(4 * w, 4 * w),
        )  # fmt: skip

    def forward(self, lightness: torch.Tensor) -> torch.Tensor:
        return self.layers(lightness)


class ColorizationNet(nn.Module):
    """Encoder + colour head: Q bin logits (classification) or 2 ab values (L2 regression) per output pixel."""

    def __init__(self, encoder: Encoder, outputs: int):
        super().__init__()
        self.encoder = encoder
        c = encoder.out_channels
        self.head = nn.Sequential(*_block(c, c), nn.Conv2d(c, outputs, 1))

    def forward(self, lightness: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(lightness))


@torch.no_grad()
def calibrate_batch_norm(encoder: Encoder, images: torch.Tensor, batch_size: int = 256) -> Encoder:
    """Set the batch-norm statistics of `encoder` to their values on `images` (no labels, no training).

    A randomly initialised encoder's running statistics are the defaults (mean 0, variance 1), so
    frozen in eval mode it would feed a linear probe badly scaled features. The papers' random
    baseline uses Krähenbühl et al.'s data-dependent rescaling for the same reason; measuring the
    statistics on the unlabelled images is its batch-norm equivalent.
    """
    norms = [m for m in encoder.modules() if isinstance(m, nn.BatchNorm2d)]
    for m in norms:
        m.reset_running_stats()
        m.momentum = None  # cumulative average over all batches
    encoder.train()
    for start in range(0, len(images), batch_size):
        encoder(normalised_lightness(as_float(images[start : start + batch_size])))
    for m in norms:
        m.momentum = 0.1
    return encoder


# =============================================================================================
# The pretext data, the bins and the prior, and each stage's task
# =============================================================================================


def pretext_data(config: "ColorizationConfig") -> DataConfig:
    """All training images, labels unused: self-supervision needs no labels, so it takes them all."""
    return replace(config.data, train_fraction=1.0, label_noise=0.0)


def ab_bins(config: "ColorizationConfig") -> torch.Tensor:
    """The Q in-gamut ab bins of § 2.1 for this config's grid."""
    return in_gamut_bins(config.grid, config.gamut_margin)


def rebalancing(config: "ColorizationConfig", train_images: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """§ 2.2: (p̃, w) from the smoothed ab prior of the training images (at the output resolution)."""
    bins = ab_bins(config)
    ab = []
    for start in range(0, len(train_images), 512):
        lab = rgb_to_lab(as_float(train_images[start : start + 512]).cpu())
        ab.append(F.avg_pool2d(lab[:, 1:], 4).movedim(1, -1).reshape(-1, 2))
    prior = smooth_prior(empirical_prior(torch.cat(ab), bins), bins, config.prior_sigma)
    return prior, rebalancing_weights(prior, config.rebalance_lambda).float()


def colorization_task(config: "ColorizationConfig", arm: Arm, weights: torch.Tensor, device: Any) -> Task:
    """One arm's colorization network and objective on batches of RGB images."""
    bins = ab_bins(config).to(device)
    classify = arm == "method"
    model = ColorizationNet(Encoder(config.width), len(bins) if classify else 2).to(device)
    w = weights.to(device) if (classify and config.rebalance) else None

    def input_and_target(x):
        if x.shape[1] != 3:
            raise UsageError("colorization needs colour images", hint="pick a dataset with RGB images")
        lab = rgb_to_lab(x)
        lightness = lab[:, :1] / 50.0 - 1.0
        ab = F.avg_pool2d(lab[:, 1:], 4)  # targets at the output resolution (a quarter, as in § 3)
        return lightness, ab

    def objective(out, ab):
        if classify:
            # Zhang et al. 2016, Eq. 2-4: rebalanced multinomial cross-entropy (KL form, floor 0).
            value, _ = classification_loss(out, ab, bins, w, neighbours=config.neighbours, sigma=config.sigma)
            return value
        return l2_loss(out, ab)  # Zhang et al. 2016, Eq. 1

    def loss(x, _labels) -> LossOutput:
        lightness, ab = input_and_target(x)
        return LossOutput(loss=objective(model(lightness), ab))

    def know_nothing_loss(x, _labels) -> float:
        # An untrained head's outputs are small: all bins about equally likely, or ab about 0 (grey).
        _, ab = input_and_target(x)
        out = torch.zeros(len(ab), model.head[-1].out_channels, *ab.shape[2:], device=ab.device)
        return float(objective(out, ab))

    return Task(model=model, loss=loss, expected_initial_loss=know_nothing_loss, initial_loss_tolerance=0.1,
                loss_floor=0.0, has_accuracy=False)


def classifier_task(encoder: Encoder, num_classes: int, *, frozen: bool, device: Any) -> Task:
    """A downstream classifier on `encoder` (Larsson et al. 2017 § 4): linear probe if `frozen`."""
    return linear_classifier_task(
        encoder, num_classes, frozen=frozen, features=encoder.out_channels, prepare=normalised_lightness,
        device=device,
        # A random or pretrained encoder's features make the initial logits less uniform than ln C.
        initial_loss_tolerance=0.5,
    )


def build_task(config: "ColorizationConfig", arm: Arm, num_classes: int, ctx: Any) -> Task:
    """The overfit check's unit: each arm's pretext network, rebalanced by its training images' prior."""
    bundle = ctx.data(pretext_data(config))
    _, weights = rebalancing(config, bundle.train_images)
    return colorization_task(config, arm, weights, ctx.device)


# =============================================================================================
# Evaluation (§ 3.1): the raw-accuracy AuC, and reading colours out of the networks
# =============================================================================================
# The raw-accuracy AuC of Zhang et al. 2016 § 3.1 (Table 1, "AuC" columns).
#
# "We compute the percentage of predicted pixel colors within a thresholded L2 distance of the
# ground truth in ab color space. We then sweep across thresholds from 0 to 150 to produce a
# cumulative mass function, integrate the area under the curve (AuC), and normalize." The
# class-rebalanced variant re-weights pixels by the inverse probability of their colour class, so
# rare saturated colours count as much as the common greys.


def accuracy_curve(distance: torch.Tensor, thresholds: torch.Tensor, weight: torch.Tensor | None = None) -> torch.Tensor:
    """Weighted fraction of pixels with ab error <= t, for each threshold t."""
    d = distance.reshape(-1).double()
    w = torch.ones_like(d) if weight is None else weight.reshape(-1).double()
    order = d.argsort()
    cumulative = torch.cat((torch.zeros(1, dtype=torch.float64), w[order].cumsum(0)))
    below = torch.searchsorted(d[order], thresholds.double(), right=True)
    return cumulative[below] / w.sum()


def auc(distance: torch.Tensor, weight: torch.Tensor | None = None, max_threshold: float = 150.0, steps: int = 151) -> float:
    """Area under the accuracy-vs-threshold curve on [0, max_threshold], normalised to [0, 1]."""
    thresholds = torch.linspace(0.0, max_threshold, steps, dtype=torch.float64)
    curve = accuracy_curve(distance, thresholds, weight)
    return float(torch.trapezoid(curve, thresholds) / max_threshold)


def class_balance_weights(ab_true: torch.Tensor, bins: torch.Tensor) -> torch.Tensor:
    """Per-pixel weight 1 / p(q*) for ab [..., 2], with p the frequency of the pixel's bin among these pixels.

    Estimating p on the evaluated pixels themselves makes every colour class present count
    equally and avoids dividing by a training prior that is zero for a colour never seen there.
    """
    q = nearest_bin(ab_true, bins).reshape(-1)
    counts = torch.bincount(q, minlength=bins.shape[0]).double()
    return (1.0 / counts[q]).reshape(ab_true.shape[:-1])


def raw_accuracy_auc(
    ab_pred: torch.Tensor, ab_true: torch.Tensor, bins: torch.Tensor, max_threshold: float = 150.0
) -> dict[str, float]:
    """Plain and class-rebalanced AuC (in %) for predicted and true ab, both [B, 2, H, W]."""
    distance = (ab_pred.double() - ab_true.double()).norm(dim=1)
    pixels_ab = ab_true.movedim(1, -1).float()
    return {
        "auc": 100.0 * auc(distance, None, max_threshold),
        "auc_rebal": 100.0 * auc(distance, class_balance_weights(pixels_ab, bins), max_threshold),
    }


# Predictions are made at a quarter of the input resolution, decoded to ab (annealed mean for
# the classifier, the output itself for the L2 regressor), upsampled bilinearly to full size and
# recombined with the input's own L, as the paper does; the AuC is computed at full resolution.


def as_float(images: torch.Tensor) -> torch.Tensor:
    return images.float() / 255.0 if images.dtype == torch.uint8 else images.float()


@torch.no_grad()
def predict_ab(model, rgb: torch.Tensor, bins: torch.Tensor | None, temperature: float) -> torch.Tensor:
    """Full-resolution ab [B, 2, H, W] for images in [0, 1]; `bins` None means an L2 regressor."""
    out = model(normalised_lightness(rgb))
    ab = AB_SCALE * out if bins is None else annealed_mean(out, bins, temperature)
    return F.interpolate(ab, size=rgb.shape[-2:], mode="bilinear", align_corners=False)


@torch.no_grad()
def evaluate_colorization(
    model, images: torch.Tensor, bins_for_decoding: torch.Tensor | None, bins: torch.Tensor,
    temperature: float, batch_size: int = 256,
) -> dict[str, float]:
    """AuC (plain and rebalanced) and mean chroma of predictions vs truth on uint8 or float images."""
    was_training = model.training
    model.eval()
    predicted, truth = [], []
    for start in range(0, len(images), batch_size):
        rgb = as_float(images[start : start + batch_size])
        predicted.append(predict_ab(model, rgb, bins_for_decoding, temperature).cpu())
        truth.append(rgb_to_lab(rgb)[:, 1:].cpu())
    model.train(was_training)
    ab_pred, ab_true = torch.cat(predicted), torch.cat(truth)
    scores = raw_accuracy_auc(ab_pred, ab_true, bins.cpu())
    # Mean chroma |ab|: how saturated the colours are; L2's averaging shows up as a low value.
    scores["chroma"] = float(ab_pred.norm(dim=1).mean())
    scores["chroma_truth"] = float(ab_true.norm(dim=1).mean())
    return scores


@torch.no_grad()
def accuracy(model, images: torch.Tensor, labels: torch.Tensor, batch_size: int = 512) -> float:
    """Top-1 accuracy in % of a classifier taking RGB images."""
    was_training = model.training
    model.eval()
    correct = 0
    for start in range(0, len(images), batch_size):
        logits = model(as_float(images[start : start + batch_size]))
        correct += int((logits.argmax(dim=1) == labels[start : start + batch_size]).sum())
    model.train(was_training)
    return 100.0 * correct / max(1, len(images))


# =============================================================================================
# What a run writes for people to look at: an example grid and the downstream table
# =============================================================================================


def colorized(rgb: torch.Tensor, ab: torch.Tensor) -> torch.Tensor:
    """The images' own L with predicted ab, back in sRGB."""
    lab = rgb_to_lab(rgb)
    return lab_to_rgb(torch.cat((lab[:, :1], ab.to(lab.dtype)), dim=1))


def example_grid(path: Path, rgb: torch.Tensor, predictions: dict[str, torch.Tensor], scale: int = 4) -> list[str]:
    """Save a PNG: one row per image, columns grayscale input | each prediction | ground truth.

    Returns the column titles (the PNG has none; the README and the run log name them).
    """
    from torchvision.utils import save_image

    gray = lab_to_rgb(torch.cat((rgb_to_lab(rgb)[:, :1], torch.zeros_like(rgb[:, :2])), dim=1))
    columns = [gray, *(colorized(rgb, ab) for ab in predictions.values()), rgb]
    tiles = torch.stack(columns, dim=1).flatten(0, 1)  # row-major: image by image
    tiles = F.interpolate(tiles, scale_factor=scale, mode="nearest")
    buffer = io.BytesIO()
    save_image(tiles.cpu(), buffer, format="png", nrow=len(columns), padding=2, pad_value=1.0)
    atomic_write_bytes(path, buffer.getvalue())
    return ["grayscale input", *predictions, "ground truth"]


def downstream_table(rows: dict[str, dict[str, float]], label_fraction: float, labelled: int) -> str:
    """Markdown: linear-probe and fine-tune test accuracy per initialisation."""
    lines = [
        f"Downstream classification with {label_fraction:.0%} of the training labels ({labelled} images), "
        "test accuracy in %, input lightness only.",
        "",
        "| initialisation | linear probe | fine-tune |",
        "|---|---:|---:|",
    ]
    for name, row in rows.items():
        probe, tune = row.get("probe"), row.get("finetune")
        lines.append(f"| {name} | {_cell(probe)} | {_cell(tune)} |")
    return "\n".join(lines) + "\n"


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


# =============================================================================================
# The experiment: 1. pretext, 2. supervised reference, 3. downstream with few labels
# =============================================================================================


def run_experiment(config: "ColorizationConfig", ctx: Any, arms: tuple[str, ...]) -> dict[str, dict[str, float]]:
    unlabelled = ctx.data(pretext_data(config))
    labelled = ctx.data(config.data)
    bins = ab_bins(config)
    _, weights = rebalancing(config, unlabelled.train_images)
    ctx.log("bins", in_gamut_bins=float(len(bins)))

    # Two-argument augmentations: the runner owns (and checkpoints) the generator, so resuming repeats them.
    flip = (lambda x, gen: horizontal_flip(x, 0.5, gen)) if config.augment else None
    crop_flip = (lambda x, gen: standard_augment(x, gen)) if config.augment else None

    results: dict[str, dict[str, float]] = {arm: {} for arm in arms}
    encoders: dict[str, Any] = {}
    shown = labelled.test_images[: config.examples]
    grid: dict[str, torch.Tensor] = {}

    # ---------------------------------------------------------------- 1. pretext
    for arm in ("method", "baseline"):
        if arm not in arms:
            continue
        torch.manual_seed(ctx.seed)
        task = colorization_task(config, arm, weights, ctx.device)
        ctx.fit(f"pretext-{arm}", task, unlabelled.train_images, unlabelled.train_labels, config.pretext, augment=flip)
        decode_bins = bins.to(ctx.device) if arm == "method" else None
        scores = evaluate_colorization(task.model, unlabelled.test_images, decode_bins, bins, config.temperature)
        ctx.log(f"pretext-{arm}", **scores)
        results[arm].update(scores)
        encoders[arm] = task.model.encoder
        task.model.eval()
        grid[PRETEXT_NAMES[arm]] = predict_ab(task.model, as_float(shown), decode_bins, config.temperature).cpu()

    if grid:
        columns = example_grid(ctx.artifact("colorizations.png"), as_float(shown).cpu(), grid)
        ctx.log("figure", columns=float(len(columns)))

    # ---------------------------------------------------------------- 2. supervised reference
    classes = labelled.num_classes
    torch.manual_seed(ctx.seed)
    supervised = classifier_task(Encoder(config.width), classes, frozen=False, device=ctx.device)
    ctx.fit("supervised", supervised, unlabelled.train_images, unlabelled.train_labels, config.supervised, augment=crop_flip)
    encoders["supervised"] = supervised.model.encoder

    # ---------------------------------------------------------------- 3. downstream, few labels
    torch.manual_seed(ctx.seed + 1)
    inits = {}
    if "baseline" in arms:
        random_encoder = calibrate_batch_norm(Encoder(config.width).to(ctx.device), unlabelled.train_images)
        inits["random"] = ("random initialisation", random_encoder)
    if "method" in arms:
        inits["class"] = ("colorization: classification + rebalancing", encoders["method"])
    if "baseline" in arms:
        inits["l2"] = ("colorization: L2 regression", encoders["baseline"])
    inits["supervised"] = ("supervised, all labels (upper reference)", encoders["supervised"])

    table: dict[str, dict[str, float]] = {}
    scores: dict[str, dict[str, float]] = {}
    for key, (title, encoder) in inits.items():
        row = {}
        for mode, optim in (("probe", config.probe), ("finetune", config.finetune)):
            torch.manual_seed(ctx.seed + 2)
            task = classifier_task(copy.deepcopy(encoder).to(ctx.device), classes, frozen=mode == "probe", device=ctx.device)
            ctx.fit(f"{mode}-{key}", task, labelled.train_images, labelled.train_labels, optim, augment=crop_flip)
            row[mode] = accuracy(task.model, labelled.test_images, labelled.test_labels)
            ctx.log(f"{mode}-{key}", test_accuracy=row[mode])
        table[title], scores[key] = row, row

    text = downstream_table(table, config.data.train_fraction, len(labelled.train_labels))
    atomic_write_text(ctx.artifact("downstream.md"), text)

    # ---------------------------------------------------------------- metrics per arm (keys of `claims`)
    ours = {"baseline": "random", "method": "class"}
    for arm in arms:
        results[arm]["probe_acc"] = scores[ours[arm]]["probe"]
        results[arm]["finetune_acc"] = scores[ours[arm]]["finetune"]
        results[arm]["supervised_probe_acc"] = scores["supervised"]["probe"]
        results[arm]["supervised_finetune_acc"] = scores["supervised"]["finetune"]
    if "baseline" in arms:
        results["baseline"]["l2_probe_acc"] = scores["l2"]["probe"]
        results["baseline"]["l2_finetune_acc"] = scores["l2"]["finetune"]
    return results
