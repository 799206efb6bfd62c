"""The lottery ticket reproduction, declared: config, claims, paper configs.

Iterative magnitude pruning with reset to initialisation. The method (§ 1-2, § 4) is in
method.py; the networks, tasks (`build_task`) and the rounds (`run_experiment`) in experiment.py,
which the `Reproduction` base class finds. No torch here: the registry lists this plugin without it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from paperkit.training.plugin import Claim, DataConfig, OptimConfig, Reproduction

SMALL = "small-scale proxy: LeNet-300-100 on the embedded shapes data (16 px, difficulty 0.8)"


@dataclass(frozen=True)
class PruningConfig:
    """How each round prunes and what the surviving weights restart from (§ 1, § 2)."""

    rounds: int = 6  # R: rounds of train → prune → reset after the dense network
    strategy: str = "layerwise"  # "layerwise" (each layer loses its own rate, the paper's MNIST/CIFAR nets) or "global" (§ 4)
    fc_rate: float = 0.3  # fraction of a fully connected layer's remaining weights pruned per round (Fig. 2: 20 %)
    conv_rate: float = 0.1  # same for convolutions (Fig. 2: 10 % Conv-2/4, 15 % Conv-6)
    output_rate: float = 0.15  # same for the output layer (Fig. 2: half the fully connected rate)
    global_rate: float = 0.2  # fraction of all remaining weights pruned per round when strategy = "global"
    rewind_iteration: int = 0  # 0 resets survivors to θ₀ (the paper); k > 0 rewinds them to θ_k (Frankle et al. 2019, 1903.01611)
    controls: bool = True  # also train the paper's controls each round: random re-init, and a random mask
    target_percent: float = 20.0  # % of weights remaining at which the claims are read (nearest round)


@dataclass(frozen=True)
class ModelConfig:
    arch: str = "lenet300_100"  # "lenet300_100", "conv2", "conv4", "conv6" (Fig. 2)
    hidden: tuple[int, ...] = ()  # widths of the fully connected hidden layers; empty = the paper's


@dataclass(frozen=True)
class Config:
    # At difficulty 0.5 the dense network and every sparse variant land within test-set noise of
    # each other (README); 0.8 leaves room for a difference, and 2,000 test images shrink the noise.
    # The default prunes 30 % / 15 % per round (paper: 20 % / 10 %) to reach ≈ 12 % in 6 rounds.
    data: DataConfig = field(default_factory=lambda: DataConfig(image_size=16, difficulty=0.8, test_size=2000))
    # Fig. 2, LeNet: Adam 1.2e-3, batch 60, no weight decay, constant rate (epochs replace iterations).
    train: OptimConfig = field(
        default_factory=lambda: OptimConfig(
            optimizer="adam", lr=1.2e-3, momentum=0.0, weight_decay=0.0, batch_size=60, epochs=15, schedule="constant"
        )
    )
    model: ModelConfig = field(default_factory=ModelConfig)
    pruning: PruningConfig = field(default_factory=PruningConfig)
    validation_size: int = 200  # training examples held out for early stopping (the paper holds out 5,000)


def _paper(dataset: str, arch: str, lr: float, iterations: int, train_examples: int, conv_rate: float) -> dict[str, Any]:
    """Fig. 2's hyperparameters; its iteration budgets are turned into whole epochs of batch 60."""
    return {
        "data.dataset": dataset,
        "data.image_size": 28 if dataset == "mnist" else 32,
        "data.difficulty": 0.5,
        "model.arch": arch,
        "model.hidden": (),
        "train.optimizer": "adam",
        "train.lr": lr,
        "train.momentum": 0.0,
        "train.weight_decay": 0.0,
        "train.batch_size": 60,
        "train.epochs": round(iterations * 60 / train_examples),
        "train.schedule": "constant",
        "pruning.strategy": "layerwise",
        "pruning.fc_rate": 0.2,
        "pruning.conv_rate": conv_rate,
        "pruning.output_rate": 0.1,
        "pruning.rounds": 15,
        "pruning.target_percent": 20.0,
        "validation_size": 5000,
    }


class LotteryTicketReproduction(Reproduction):
    name = "lottery_ticket"
    papers = ("1803.03635",)
    title = "The Lottery Ticket Hypothesis: Finding Sparse, Trainable Neural Networks"
    summary = (
        "Iterative magnitude pruning: train, prune the smallest-magnitude weights of each layer, reset "
        "the survivors to their initial values, repeat. The reproduction measures, per round, the % of "
        "weights remaining and test accuracy at the end of training and at early stopping for the "
        "winning ticket and the paper's controls (same mask with random re-initialisation; random mask "
        "of the same sparsity), and plots accuracy and early-stopping iteration against sparsity."
    )
    baseline = "the dense network (round 0); for the sparsity claim, the same mask randomly re-initialised"
    config_class = Config
    claims = (
        Claim("Winning ticket at ≈ 20 % of the weights vs the dense network", "test_accuracy_early_stop", None, None,
              True, "Fig. 3, Fig. 5; abstract (tickets at 10–20 % match or beat the original)",
              note=f"accuracy at the iteration of minimum validation loss; {SMALL}"),
        Claim("Winning ticket at ≈ 20 % of the weights vs the dense network", "test_accuracy", None, None,
              True, "Fig. 3 (accuracy at the end of training)", note=SMALL),
        Claim("Winning tickets learn faster: early-stopping iteration", "early_stop_iteration", None, None,
              False, "Fig. 3, Fig. 5 (early-stop iteration falls as pruning proceeds, down to ≈ 20 %)", note=SMALL),
        Claim("Sparsest round: random re-initialisation (baseline column) vs the ticket", "sparsest_test_accuracy",
              None, None, True, "Fig. 4 (random reinit learns slower and worse as sparsity grows)",
              note="baseline column is the randomly re-initialised ticket, not the dense network"),
    )
    paper_configs = {
        # 55,000 MNIST training images after the 5,000 validation hold-out; CIFAR-10: 45,000.
        "lenet-mnist": _paper("mnist", "lenet300_100", 1.2e-3, 50_000, 55_000, 0.1),
        "conv2-cifar10": _paper("cifar10", "conv2", 2e-4, 20_000, 45_000, 0.1),
        "conv4-cifar10": _paper("cifar10", "conv4", 3e-4, 25_000, 45_000, 0.1),
        "conv6-cifar10": _paper("cifar10", "conv6", 3e-4, 30_000, 45_000, 0.15),
    }

    def overfit_config(self, config: Config) -> Config:
        return dataclasses.replace(config, train=dataclasses.replace(config.train, weight_decay=0.0))
