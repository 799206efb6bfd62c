"""The mixup reproduction, declared: config, claims, paper configs.

ERM versus mixup on the same network and schedule. The method is in method.py; the network,
each arm's task (`build_task`) and the experiment (`run_experiment`) in experiment.py, which the
`Reproduction` base class finds. No torch here: the registry lists this plugin without it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from paperkit.training.plugin import Claim, DataConfig, OptimConfig, Reproduction

PAPER = "Zhang et al. 2018, mixup (arXiv 1710.09412)"
SMALL = "small-scale proxy: PreAct ResNet (32/64/128, one block per stage) on 600 embedded shapes images"


@dataclass(frozen=True)
class MixupConfig:
    """The method's own knob (§ 2, Eq. 1)."""

    alpha: float = 1.0  # λ ~ Beta(α, α) per minibatch; 0 = no mixing (ERM). Paper: 1.0 CIFAR, 0.2 ImageNet


@dataclass(frozen=True)
class ModelConfig:
    """A pre-activation ResNet; PreAct ResNet-18 is widths 64,128,256,512 and blocks 2,2,2,2."""

    widths: tuple[int, ...] = (32, 64, 128)  # channels of each stage (stage k > 0 halves the resolution)
    blocks: tuple[int, ...] = (1, 1, 1)  # pre-activation basic blocks per stage


@dataclass(frozen=True)
class Config:
    # The embedded default shows the paper's robust small-scale effect (Table 2, § 3.4): with 40 %
    # of the training labels replaced at random, ERM memorises the noise and mixup does not.
    # A small training set (600 images at 16 px) lets ERM memorise within a CPU-sized budget.
    data: DataConfig = field(default_factory=lambda: DataConfig(label_noise=0.4, train_size=600, image_size=16))
    # No weight decay and a high rate before the decays, so ERM does fit the corrupted labels.
    train: OptimConfig = field(
        default_factory=lambda: OptimConfig(
            optimizer="sgd", lr=0.05, momentum=0.9, weight_decay=0.0, batch_size=64, epochs=30,
            schedule="step", milestones=(20, 26),
        )
    )
    # Table 2 uses α = 8 at 20 % and α = 32 at 50 % and 80 % corruption; at α = 1 (the clean-label
    # setting) this small network memorised the noise as fully as ERM did (see the README).
    mixup: MixupConfig = field(default_factory=lambda: MixupConfig(alpha=32.0))
    model: ModelConfig = field(default_factory=ModelConfig)
    augment: bool = False  # random crop (4-pixel padding) + horizontal flip, the paper's CIFAR augmentation
    ece_bins: int = 15  # equal-width confidence bins of the expected calibration error


def _cifar(dataset: str, **extra: Any) -> dict[str, Any]:
    """§ 3.2: PreAct ResNet-18, SGD 0.1 / momentum 0.9 / wd 1e-4, batch 128, 200 epochs, ÷10 at 100 and 150."""
    overrides: dict[str, Any] = {
        "data.dataset": dataset,
        "data.label_noise": 0.0,
        "model.widths": (64, 128, 256, 512),
        "model.blocks": (2, 2, 2, 2),
        "train.optimizer": "sgd",
        "train.lr": 0.1,
        "train.momentum": 0.9,
        "train.weight_decay": 1e-4,
        "train.batch_size": 128,
        "train.epochs": 200,
        "train.schedule": "step",
        "train.milestones": (100, 150),
        "augment": True,
        "mixup.alpha": 1.0,
    }
    overrides.update(extra)
    return overrides


class MixupReproduction(Reproduction):
    name = "mixup"
    papers = ("1710.09412",)
    title = "mixup: Beyond Empirical Risk Minimization"
    summary = (
        "mixup trains on convex combinations of pairs of examples and of their one-hot labels, "
        "λ ~ Beta(α, α) per minibatch (Eq. 1). The reproduction trains the same pre-activation "
        "ResNet with ERM and with mixup and compares final and best test error, the memorisation "
        "of corrupted training labels, and expected calibration error."
    )
    baseline = "ERM: the same network, data and schedule with mixing off (α = 0)"
    config_class = Config
    claims = (
        Claim("CIFAR-10, PreAct ResNet-18, clean labels, 200 epochs", "test_error_clean", 5.6, 4.2, False,
              "Fig. 3a", note=f"filled only when data.label_noise = 0; {SMALL} unless a paper config is used; "
              "unverified: no reachable copy of the CIFAR table (Table 1 is ImageNet)"),
        Claim("CIFAR-100, PreAct ResNet-18, clean labels, 200 epochs", "test_error_clean", 25.6, 21.1, False,
              "Fig. 3a", note="filled only when data.label_noise = 0; measured on the run's dataset; "
              "unverified: no reachable copy of the CIFAR table (Table 1 is ImageNet)"),
        Claim("CIFAR-10, 20 % corrupted labels, last epoch (mixup α = 8)", "test_error_noise20", 16.6, 6.4, False,
              "Table 2", note="filled only when data.label_noise = 0.2"),
        Claim("CIFAR-10, 50 % corrupted labels, last epoch (mixup α = 32)", "test_error_noise50", 44.6, 12.7, False,
              "Table 2", note="filled only when data.label_noise = 0.5"),
        Claim("CIFAR-10, 80 % corrupted labels, last epoch (mixup α = 32)", "test_error_noise80", 73.9, 30.9, False,
              "Table 2", note="filled only when data.label_noise = 0.8"),
        Claim("Corrupted labels (any rate): ERM memorises the noise, mixup far less", "test_error_noisy", None, None,
              False, "Table 2, § 3.4", note=f"final test error whenever data.label_noise > 0; {SMALL}"),
        Claim("Calibration: mixup is less over-confident", "ece", None, None, False,
              "Thulasidasan et al. 2019 (arXiv 1905.11001)", note="expected calibration error on the test set, %"),
    )
    paper_configs = {
        "cifar10": _cifar("cifar10"),
        "cifar100": _cifar("cifar100"),
        "cifar10-corrupt20": _cifar("cifar10", **{"data.label_noise": 0.2, "mixup.alpha": 8.0}),
        "cifar10-corrupt50": _cifar("cifar10", **{"data.label_noise": 0.5, "mixup.alpha": 32.0}),
        "cifar10-corrupt80": _cifar("cifar10", **{"data.label_noise": 0.8, "mixup.alpha": 32.0}),
    }

    def overfit_config(self, config: Config) -> Config:
        import dataclasses

        return dataclasses.replace(config, augment=False, train=dataclasses.replace(config.train, weight_decay=0.0))
