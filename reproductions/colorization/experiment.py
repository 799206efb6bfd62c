"""The whole experiment, top to bottom: pretext training, colour evaluation, downstream transfer.

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
from typing import Any

import torch

from reproductions.colorization.evaluation import accuracy, as_float, evaluate_colorization, predict_ab
from reproductions.colorization.figures import downstream_table, example_grid
from reproductions.colorization.models import Encoder, calibrate_batch_norm

PRETEXT_NAMES = {"method": "classification + rebalancing", "baseline": "L2 regression"}


def run_experiment(plugin, config, ctx, arms: tuple[str, ...]) -> dict[str, dict[str, float]]:
    from paperkit.training.augment import horizontal_flip, standard_augment
    from paperkit.files import atomic_write_text

    unlabelled = ctx.data(plugin.pretext_data(config))
    labelled = ctx.data(config.data)
    bins = plugin.bins(config)
    _, weights = plugin.rebalancing(config, unlabelled.train_images)
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
        task = plugin.colorization_task(config, arm, weights, ctx.device)
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
    supervised = plugin.classifier_task(Encoder(config.width), classes, frozen=False, device=ctx.device)
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
            task = plugin.classifier_task(copy.deepcopy(encoder).to(ctx.device), classes, frozen=mode == "probe", device=ctx.device)
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
