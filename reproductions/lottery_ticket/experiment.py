"""The lottery ticket experiment, top to bottom: the networks, the tasks, rounds of train → prune →
reset with the paper's controls, the table and the plots.

Each training is one `ctx.fit` stage named after its round and variant ("round3-ticket"), so a
resumed run loads the rounds it finished and continues with the round it stopped in; the masks
are recomputed from the loaded weights, so they match the interrupted run exactly.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import torch
import torch.nn.functional as F
from torch import nn

from paperkit.training.plugin import Task, atomic_open, atomic_write_text, classification_task, steps_per_epoch
from reproductions.lottery_ticket.method import (
    Mask,
    MaskedTraining,
    dense_mask,
    layer_rates,
    prune_global,
    prune_layerwise,
    random_mask_like,
    reset_to,
    snapshot,
    sparsity_report,
)

if TYPE_CHECKING:  # pragma: no cover
    from reproductions.lottery_ticket.plugin import Config

GRAYSCALE = ("mnist", "fashion-mnist")
VARIANTS = ("ticket", "reinit", "random_mask")
NAMES = {"ticket": "winning ticket (reset to θ₀)", "reinit": "same mask, random re-init", "random_mask": "random mask, θ₀"}
EVAL_BATCH = 1000


# =====================================================================================
# The networks of Fig. 2
# =====================================================================================
# LeNet-300-100: fully connected 300, 100, then the output layer (MNIST).
# Conv-2 / Conv-4 / Conv-6: VGG-like stacks of 3×3 convolutions in pairs of 64, 128, 256 channels,
# each pair followed by 2×2 max-pooling, then fully connected 256, 256 and the output (CIFAR-10).
# Weights use Gaussian Glorot initialisation as in Fig. 2; biases start at zero.


CONV_PAIRS = {"conv2": (64,), "conv4": (64, 128), "conv6": (64, 128, 256)}
ARCHITECTURES = ("lenet300_100", *CONV_PAIRS)


def _glorot(model: nn.Module) -> nn.Module:
    for module in model.modules():
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            nn.init.xavier_normal_(module.weight)
            nn.init.zeros_(module.bias)
    return model


class LeNet300100(nn.Module):
    def __init__(self, in_features: int, num_classes: int, hidden: tuple[int, ...] = (300, 100)) -> None:
        super().__init__()
        sizes = (in_features, *hidden)
        self.hidden = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        self.output = nn.Linear(sizes[-1], num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.flatten(x, 1)
        for layer in self.hidden:
            x = torch.relu(layer(x))
        return self.output(x)


class ConvNet(nn.Module):
    """Conv-2/4/6: `pairs` gives the channels of each pair of convolutions."""

    def __init__(self, in_channels: int, image_size: int, num_classes: int, pairs: tuple[int, ...],
                 hidden: tuple[int, ...] = (256, 256)) -> None:
        super().__init__()
        layers: list[nn.Module] = []
        channels = in_channels
        for width in pairs:
            layers += [nn.Conv2d(channels, width, 3, padding=1), nn.ReLU(),
                       nn.Conv2d(width, width, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
            channels = width
        self.features = nn.Sequential(*layers)
        side = image_size // 2 ** len(pairs)
        sizes = (channels * side * side, *hidden)
        self.hidden = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        self.output = nn.Linear(sizes[-1], num_classes)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.flatten(self.features(x), 1)
        for layer in self.hidden:
            x = torch.relu(layer(x))
        return self.output(x)


def build_model(arch: str, in_channels: int, image_size: int, num_classes: int,
                hidden: tuple[int, ...] | None = None) -> nn.Module:
    """A freshly Glorot-initialised network; `hidden` overrides the fully connected widths."""
    if arch == "lenet300_100":
        model = LeNet300100(in_channels * image_size * image_size, num_classes, hidden or (300, 100))
    elif arch in CONV_PAIRS:
        model = ConvNet(in_channels, image_size, num_classes, CONV_PAIRS[arch], hidden or (256, 256))
    else:
        raise ValueError(f"unknown architecture {arch!r}; choose from {', '.join(ARCHITECTURES)}")
    return _glorot(model)


# =====================================================================================
# Tasks: a masked network with cross-entropy
# =====================================================================================


def new_model(config: "Config", num_classes: int, device: torch.device) -> torch.nn.Module:
    channels = 1 if config.data.dataset in GRAYSCALE else 3
    return build_model(config.model.arch, channels, config.data.image_size, num_classes, config.model.hidden or None).to(device)


def prune(config: "Config", model: torch.nn.Module, mask: Mask) -> Mask:
    """One round of step 3: layer-wise at the paper's per-layer rates, or one global threshold."""
    weights = dict(model.named_parameters())
    p = config.pruning
    if p.strategy == "layerwise":
        return prune_layerwise(weights, mask, layer_rates(model, fc=p.fc_rate, conv=p.conv_rate, output=p.output_rate))
    if p.strategy == "global":
        return prune_global(weights, mask, p.global_rate)
    raise ValueError(f"pruning.strategy must be layerwise or global, got {p.strategy!r}")


def masked_task(model: torch.nn.Module, mask: Mask, num_classes: int, on_step: Any = None) -> Task:
    """Cross-entropy on a masked network; pruned weights are held at exactly zero."""
    masking = MaskedTraining(model, mask)

    def after_step() -> None:
        masking.after_step()
        if on_step is not None:
            on_step()

    return classification_task(
        model,
        num_classes,
        exempt_parameters=masking.masked_names(),  # pruned entries get zero gradient by design
        after_step=after_step,
    )


def build_task(config: "Config", arm: str, num_classes: int, ctx: Any) -> Task:
    """Baseline: the dense network. Method: a sparse network at the claims' target sparsity.

    Without training there is no trained magnitude to prune, so the method's mask prunes the
    initial weights by magnitude, round after round, to the target: the same masking machinery
    (gradient hooks, re-applied mask) that a winning ticket trains under.
    """
    device = getattr(ctx, "device", torch.device("cpu"))
    model = new_model(config, num_classes, device)
    mask = dense_mask(model)
    if arm == "method":
        while sparsity_report(mask).percent_remaining > config.pruning.target_percent:
            mask = prune(config, model, mask)
    return masked_task(model, mask, num_classes)


# =====================================================================================
# One run: all rounds
# =====================================================================================


@dataclass(frozen=True)
class RoundResult:
    round: int
    variant: str  # "dense", "ticket", "reinit", "random_mask"
    percent_remaining: float
    test_accuracy: float  # at the end of training, %
    test_accuracy_early_stop: float  # at the evaluation with minimum validation loss, %
    early_stop_iteration: int  # optimizer steps to that evaluation


def predict(model: torch.nn.Module, images: torch.Tensor) -> torch.Tensor:
    return torch.cat([model(images[i : i + EVAL_BATCH].float().div(255.0)) for i in range(0, len(images), EVAL_BATCH)])


def evaluation(model: torch.nn.Module, val: tuple[torch.Tensor, torch.Tensor], test: tuple[torch.Tensor, torch.Tensor]) -> dict[str, float]:
    val_logits, test_logits = predict(model, val[0]), predict(model, test[0])
    return {
        "val_loss": float(F.cross_entropy(val_logits, val[1])),
        "val_accuracy": 100.0 * float((val_logits.argmax(1) == val[1]).float().mean()),
        "test_accuracy": 100.0 * float((test_logits.argmax(1) == test[1]).float().mean()),
    }


def summarise(history: dict[str, Any], steps_per_epoch: int, round_: int, variant: str, percent: float) -> RoundResult:
    """End-of-training accuracy, and early stopping at the minimum validation loss (§ 2, Fig. 3)."""
    evaluations = history["evaluations"]
    best = min(evaluations, key=lambda e: (e["val_loss"], e["epoch"]))
    return RoundResult(round_, variant, percent, evaluations[-1]["test_accuracy"], best["test_accuracy"],
                       best["epoch"] * steps_per_epoch)


class RewindPoint:
    """Captures θ_k during the dense training when rewinding to iteration k > 0, and keeps it on disk."""

    def __init__(self, model: torch.nn.Module, iteration: int, path: Any) -> None:
        self.model, self.iteration, self.path = model, iteration, path
        self.steps = 0
        self.state: dict[str, torch.Tensor] | None = None

    def on_step(self) -> None:
        self.steps += 1
        if self.steps == self.iteration:
            self.state = snapshot(self.model)
            with atomic_open(self.path, "wb") as handle:
                torch.save(self.state, handle)

    def load(self) -> dict[str, torch.Tensor]:
        if self.state is None:  # the dense stage was loaded from an earlier, interrupted run
            if not self.path.exists():
                raise ValueError(f"rewind_iteration {self.iteration} is beyond the dense training's steps")
            self.state = torch.load(self.path, map_location="cpu")
        return self.state


def run_experiment(config: "Config", ctx: Any, arms: tuple[str, ...]) -> dict[str, dict[str, float]]:
    data = ctx.data(config.data)
    classes = data.num_classes
    # Validation examples for early stopping come out of the training set (§ 2: 5,000 of MNIST's).
    split = torch.randperm(len(data.train_labels), generator=torch.Generator().manual_seed(ctx.seed)).to(data.train_labels.device)
    val_idx, train_idx = split[: config.validation_size], split[config.validation_size :]
    train_images, train_labels = data.train_images[train_idx], data.train_labels[train_idx]
    val = (data.train_images[val_idx], data.train_labels[val_idx])
    test = (data.test_images, data.test_labels)
    per_epoch = steps_per_epoch(len(train_idx), config.train.batch_size)

    def fit(stage: str, model: torch.nn.Module, mask: Mask, on_step: Any = None) -> dict[str, Any]:
        task = masked_task(model, mask, classes, on_step)
        return ctx.fit(stage, task, train_images, train_labels, config.train,
                       evaluate=lambda: evaluation(model, val, test))

    def fresh(offset: int) -> torch.nn.Module:
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(ctx.seed + offset)
            return new_model(config, classes, ctx.device)

    # Step 1: θ₀. Step 2 for round 0: the dense network, the baseline.
    model = fresh(0)
    theta0 = snapshot(model)
    mask = dense_mask(model)
    rewind = None
    if config.pruning.rewind_iteration > 0:
        rewind = RewindPoint(model, config.pruning.rewind_iteration, ctx.artifact("rewind_state.pt"))
    history = fit("round0-dense", model, mask, rewind.on_step if rewind else None)
    results = [summarise(history, per_epoch, 0, "dense", 100.0)]
    start = rewind.load() if rewind else theta0

    rounds = config.pruning.rounds if "method" in arms else 0
    for round_ in range(1, rounds + 1):
        mask = prune(config, model, mask)  # step 3, from the previous round's trained ticket
        percent = sparsity_report(mask).percent_remaining
        model = fresh(0)
        reset_to(model, start, mask)  # step 4: the winning ticket f(x; m ⊙ θ₀)
        history = fit(f"round{round_}-ticket", model, mask)
        results.append(summarise(history, per_epoch, round_, "ticket", percent))
        if config.pruning.controls:
            reinit = fresh(1000 * round_)  # a new draw from θ₀'s initialisation distribution (Fig. 4); masked in fit
            results.append(summarise(fit(f"round{round_}-reinit", reinit, mask), per_epoch, round_, "reinit", percent))
            random_mask = random_mask_like(mask, torch.Generator().manual_seed(ctx.seed + round_))
            randomly_pruned = fresh(0)
            reset_to(randomly_pruned, start, random_mask)
            results.append(summarise(fit(f"round{round_}-random_mask", randomly_pruned, random_mask), per_epoch,
                                     round_, "random_mask", percent))
        # the next round prunes the ticket's trained weights: `model` holds them after fit
        ctx.log("round", round=round_, percent_remaining=percent,
                **{f"{r.variant}_{k}": getattr(r, k) for r in results if r.round == round_
                   for k in ("test_accuracy", "test_accuracy_early_stop", "early_stop_iteration")})

    write_table(results, ctx)
    if rounds:
        plot_rounds(results, ctx.artifact("accuracy_vs_sparsity.png"), config)
    return arm_metrics(results, config, arms)


def arm_metrics(results: list[RoundResult], config: "Config", arms: tuple[str, ...]) -> dict[str, dict[str, float]]:
    """Baseline: the dense network; method: the ticket at the round nearest the target sparsity."""
    keys = ("test_accuracy", "test_accuracy_early_stop", "early_stop_iteration", "percent_remaining")

    def pick(result: RoundResult) -> dict[str, float]:
        return {k: float(getattr(result, k)) for k in keys}

    by = {(r.round, r.variant): r for r in results}
    out: dict[str, dict[str, float]] = {}
    if "baseline" in arms:
        out["baseline"] = pick(by[(0, "dense")])
    tickets = [r for r in results if r.variant == "ticket"]
    if "method" in arms and tickets:
        target = min(tickets, key=lambda r: abs(r.percent_remaining - config.pruning.target_percent))
        sparsest = tickets[-1]
        method = pick(target)
        method["sparsest_percent_remaining"] = sparsest.percent_remaining
        method["sparsest_test_accuracy"] = sparsest.test_accuracy
        for variant in ("reinit", "random_mask"):
            if (target.round, variant) in by:
                method[f"{variant}_test_accuracy_at_target"] = by[(target.round, variant)].test_accuracy
                method[f"{variant}_test_accuracy_early_stop_at_target"] = by[(target.round, variant)].test_accuracy_early_stop
        out["method"] = method
        if (sparsest.round, "reinit") in by:  # the re-init claim's baseline column
            out.setdefault("baseline", {})["sparsest_test_accuracy"] = by[(sparsest.round, "reinit")].test_accuracy
    return out


def write_table(results: list[RoundResult], ctx: Any) -> None:
    atomic_write_text(ctx.artifact("rounds.json"), json.dumps([asdict(r) for r in results], indent=2) + "\n")
    lines = ["| round | variant | % weights remaining | test acc. (end) | test acc. (early stop) | early-stop iteration |",
             "|---:|---|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r.round} | {r.variant} | {r.percent_remaining:.1f} | {r.test_accuracy:.2f} | "
                     f"{r.test_accuracy_early_stop:.2f} | {r.early_stop_iteration} |")
    atomic_write_text(ctx.artifact("rounds.md"), "\n".join(lines) + "\n")


def plot_rounds(results: list[RoundResult], path: Any, config: "Config") -> None:
    """The paper's Fig. 3/4 panels: accuracy and early-stop iteration against % weights remaining."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    dense = next(r for r in results if r.variant == "dense")
    fig, axes = plt.subplots(1, 3, figsize=(14, 3.8))
    panels = (("test_accuracy_early_stop", "test accuracy at early stop (%)"),
              ("test_accuracy", "test accuracy at end of training (%)"),
              ("early_stop_iteration", "early-stop iteration"))
    for axis, (key, title) in zip(axes, panels):
        for variant in VARIANTS:
            rows = [dense] + [r for r in results if r.variant == variant]
            if len(rows) > 1:
                axis.plot([r.percent_remaining for r in rows], [getattr(r, key) for r in rows], marker="o", label=NAMES[variant])
        axis.set_xscale("log")
        axis.invert_xaxis()  # sparser to the right, as in the paper
        axis.set_xlabel("% of weights remaining")
        axis.set_title(title)
        axis.grid(alpha=0.3)
    axes[0].legend(fontsize=8)
    fig.suptitle(f"{config.model.arch} on {config.data.dataset}: iterative magnitude pruning")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
