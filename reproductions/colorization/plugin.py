"""Colorization as a self-supervised pretext task.

Zhang, Isola, Efros, "Colorful Image Colorization" (1603.08511): predict the ab channels of CIE
Lab from the lightness L as a classification over Q quantized ab bins, with soft targets, class
rebalancing and annealed-mean decoding, against plain L2 regression on ab.
Larsson, Maire, Shakhnarovich, "Colorization as a Proxy Task for Visual Understanding"
(1703.04044): the colorization network's encoder as a replacement for supervised pretraining,
judged by a classifier trained on few labels (linear probe and fine-tuning) against random
initialisation and supervised pretraining.

Arms: "method" is the classification loss with rebalancing (and, downstream, its pretrained
encoder); "baseline" is the L2 regressor (and, downstream, the same network from random
initialisation, the papers' comparison). Supervised pretraining is the upper reference.

This file is the declaration: config, claims, paper configs. The method (Zhang et al. § 2) is in
method.py; the networks, tasks (`build_task`) and the experiment (`run_experiment`) in
experiment.py, which the `Reproduction` base class finds. No torch here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from paperkit.training.plugin import Claim, DataConfig, OptimConfig, Reproduction

EMBEDDED_NOTE = "small-scale proxy: embedded shapes data, 32×32, a 6-layer CNN, minutes on a CPU"


@dataclass(frozen=True)
class ColorizationConfig:
    """The embedded-data run; `paper_configs` scale it up."""

    # Images. The pretext task and the supervised reference use every training image (the
    # pretext ignores labels); downstream classifiers see only `train_fraction` of the labels.
    data: DataConfig = DataConfig(train_size=2000, test_size=500, train_fraction=0.1)
    # Colorization pretraining (both arms' pretext networks).
    pretext: OptimConfig = OptimConfig(optimizer="adam", lr=2e-3, weight_decay=0.0, batch_size=64, epochs=8)
    # Supervised pretraining on all labels: the upper reference (ImageNet labels in the papers).
    supervised: OptimConfig = OptimConfig(optimizer="adam", lr=2e-3, weight_decay=0.0, batch_size=64, epochs=4)
    # Linear probe on the frozen encoder, few labels.
    probe: OptimConfig = OptimConfig(optimizer="adam", lr=1e-2, weight_decay=0.0, batch_size=50, epochs=15)
    # Fine-tuning the whole classifier, few labels.
    finetune: OptimConfig = OptimConfig(optimizer="adam", lr=1e-3, weight_decay=5e-4, batch_size=50, epochs=15)
    width: int = 16  # encoder channels in its first stage (x2, x4 after each downsampling)
    grid: float = 10.0  # ab bin side (§ 2.1: 10)
    gamut_margin: float = 0.0  # extra ab distance within which a bin counts as reached by the sRGB gamut
    neighbours: int = 5  # bins each soft target spreads over (§ 2.1: 5; the authors' code: 10)
    sigma: float = 5.0  # width of the soft-encoding Gaussian, in ab units (§ 2.1: 5)
    prior_sigma: float = 5.0  # width of the Gaussian smoothing the empirical ab prior (§ 2.2: 5)
    rebalance_lambda: float = 0.5  # λ mixing the prior with the uniform distribution (§ 2.2: 0.5)
    rebalance: bool = True  # False ablates class rebalancing (Table 1's "Ours (class)")
    temperature: float = 0.38  # annealed-mean temperature T (§ 2.3: 0.38)
    examples: int = 8  # images in the PNG grid
    augment: bool = True  # horizontal flips (pretext) and padded crops + flips (classifiers)


# Zhang et al. 2016 evaluate on 10k ImageNet validation images with a VGG-style network
# (Table 1's caption, § 3.1); Larsson et al. 2017 transfer a VGG-16 pretrained on ImageNet
# without labels to PASCAL VOC. Numbers are those printed in the papers' tables.
CLAIMS = (
    Claim(
        setting="ImageNet val, VGG-style net; AuC of ab error thresholds 0-150, class-rebalanced",
        metric="auc_rebal",
        paper_baseline=64.4,  # "Ours (L2)"
        paper_method=67.3,  # "Ours (full)": classification + rebalancing
        higher_is_better=True,
        source="Zhang et al. 2016, Table 1 (AuC rebal)",
        note=EMBEDDED_NOTE + "; on plain AuC the paper's L2 (91.2) beats the full method (89.5); "
        "unverified: Table 1 is only an image in the copies reachable here",
    ),
    Claim(
        setting="mean chroma |ab| of the predicted colours",
        metric="chroma",
        paper_baseline=None,
        paper_method=None,
        higher_is_better=True,
        source="Zhang et al. 2016, § 2.1 and Fig. 2 (L2 regression gives desaturated colours)",
        note=EMBEDDED_NOTE + "; the paper shows this qualitatively",
    ),
    Claim(
        setting="classifier fine-tuned from colorization pretraining vs random initialisation",
        metric="finetune_acc",
        paper_baseline=53.3,  # random init (Krähenbühl et al. rescaling), AlexNet
        paper_method=77.2,  # colorization-pretrained VGG-16
        higher_is_better=True,
        source="Larsson et al. 2017, Table 1 (VOC 2007 classification, mAP)",
        note=EMBEDDED_NOTE + "; 10 % of the labels, accuracy not mAP; paper's ImageNet-supervised reference 79.9 (AlexNet); "
        "unverified: no reachable copy of the paper's tables",
    ),
    Claim(
        setting="linear probe on the frozen encoder: colorization pretraining vs random initialisation",
        metric="probe_acc",
        paper_baseline=None,
        paper_method=None,
        higher_is_better=True,
        source="Larsson et al. 2017, § 4 and Zhang et al. 2016, § 3.2 (linear classifiers on frozen features)",
        note=EMBEDDED_NOTE + "; 10 % of the labels",
    ),
)


class Colorization(Reproduction):
    name = "colorization"
    papers = ("1603.08511", "1703.04044")
    title = "Colorful Image Colorization / Colorization as a Proxy Task for Visual Understanding"
    summary = (
        "Predict the ab colour channels from lightness as classification over the in-gamut ab bins "
        "(soft targets, class rebalancing, annealed-mean decoding), compare with L2 regression on "
        "the rebalanced raw-accuracy AuC, then reuse the encoder for classification with few "
        "labels (linear probe and fine-tuning) against random init and supervised pretraining."
    )
    baseline = "L2 regression on ab (pretext); the same network from random initialisation (downstream)"
    claims = CLAIMS
    config_class = ColorizationConfig
    paper_configs = {
        # STL-10: 100k unlabelled + 5k labelled 96×96 images. About 2 GPU-hours on one modern GPU.
        "stl10": {
            "data.dataset": "stl10",
            "data.image_size": 96,
            "data.train_fraction": 1.0,
            "width": 64,
            "pretext.epochs": 60,
            "pretext.batch_size": 128,
            "supervised.epochs": 60,
            "probe.epochs": 50,
            "finetune.epochs": 50,
        },
        # ImageNet-style folder (train/<class>/, test/<class>/), 128² inputs, 10 % of labels.
        # Roughly 1-2 GPU-days at ImageNet scale; the papers train for weeks on 224² crops.
        "imagenet": {
            "data.dataset": "imagefolder",
            "data.image_size": 128,
            "data.train_fraction": 0.1,
            "width": 64,
            "pretext.epochs": 30,
            "pretext.batch_size": 128,
            "supervised.epochs": 30,
            "supervised.batch_size": 128,
            "probe.epochs": 20,
            "finetune.epochs": 20,
            "probe.batch_size": 256,
            "finetune.batch_size": 128,
        },
    }

    def overfit_config(self, config: ColorizationConfig) -> ColorizationConfig:
        # The check uses 32 images: generating (and taking the ab prior of) a small set keeps it fast.
        data = config.data
        small = replace(data, train_size=min(data.train_size, 320), test_size=min(data.test_size, 100), train_fraction=1.0)
        return replace(config, augment=False, data=small)
