"""The reproduction plugin contract.

A reproduction is a folder `reproductions/<name>/` whose `plugin.py` defines one subclass of
`Reproduction`. The runner, the overfit check and the ablation tool speak only to this contract:

* metadata (`name`, `papers`, `title`, `summary`, `baseline`) and the paper's `claims`, as class
  attributes, so `paperkit reproductions` lists plugins without importing torch;
* `config_class`, a frozen dataclass whose defaults are the embedded-data run (fields may be
  nested dataclasses such as `data: DataConfig`); `paper_configs` names paper-scale variants;
* `task(config, arm, data, ctx)`: one arm's model and objective on given examples, the unit the
  overfit check trains and inspects;
* `run(config, ctx, arms)`: the full experiment (all stages, evaluation, plots) for the arms.

Plugin modules must not import torch at module level: import it inside methods or from
sibling modules that only the methods import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable, Literal, Protocol

if TYPE_CHECKING:  # pragma: no cover - typing only
    from pathlib import Path

    import torch

Arm = Literal["baseline", "method"]
ARMS: tuple[Arm, ...] = ("baseline", "method")


@dataclass(frozen=True)
class Claim:
    """One number (or one direction) the paper reports, and how to compare a measurement with it.

    A claim about a dataset names it in `datasets`: a run on other data leaves its row "not
    measured here", so a digits result is never printed under a CIFAR-10 number. A claim with no
    `datasets` is about the method on any data; its row is a proxy, shown beside the setting
    actually measured (dataset, model, epochs, noise).
    """

    setting: str  # the paper's setting, e.g. "CIFAR-10, PreAct ResNet-18, 200 epochs"
    metric: str  # key in the arms' measured metrics, e.g. "test_error"
    paper_baseline: float | None  # the paper's value for the baseline arm (None if not reported)
    paper_method: float | None  # the paper's value for the method arm
    higher_is_better: bool
    source: str  # where in the paper: "Table 1", "Fig. 4", "§ 4.2"
    note: str = ""  # e.g. "unverified: Table 1 not reachable"
    datasets: tuple[str, ...] = ()  # `DataConfig.dataset` names whose runs measure this claim; () = any data

    def applies_to(self, datasets: "Iterable[str]") -> bool:
        """Whether a run on `datasets` measures this claim (a claim with no datasets: any run)."""
        return not self.datasets or any(d in self.datasets for d in datasets)

    def direction_held(self, baseline: float | None, method: float | None) -> bool | None:
        """Whether the measured method beats the measured baseline the way the paper says (means, no margin)."""
        if baseline is None or method is None:
            return None
        return method > baseline if self.higher_is_better else method < baseline


@dataclass
class LossOutput:
    loss: "torch.Tensor"  # scalar
    logits: "torch.Tensor | None" = None  # [B, C] when train accuracy applies
    targets: "torch.Tensor | None" = None  # [B] class ids matching `logits` (defaults to the batch labels)


@dataclass
class Task:
    """One arm's model and objective: what the overfit check and the training loop drive.

    `loss(x, y)` receives a batch of images as float tensors in [0, 1], shape [B, C, H, W], on the
    model's device, and int64 labels [B]; it returns the loss (and logits when accuracy applies).
    """

    model: "torch.nn.Module"
    loss: Callable[["torch.Tensor", "torch.Tensor"], LossOutput]
    # e.g. ln(C) for C balanced classes; or, where it depends on the data, a function of the batch
    # (x, y) giving the loss of a know-nothing prediction (uniform bins, zero output); None skips the check.
    expected_initial_loss: float | Callable[["torch.Tensor", "torch.Tensor"], float] | None = None
    initial_loss_tolerance: float = 0.25  # relative tolerance of that check
    loss_floor: float = 0.0  # the lowest loss reachable (soft, mixed or contrastive targets are > 0)
    has_accuracy: bool = True  # whether "train accuracy reaches 100 %" applies
    exempt_parameters: frozenset[str] = frozenset()  # names exempt from the gradient check (frozen, masked)
    after_step: Callable[[], None] | None = None  # called after each optimizer step (e.g. re-apply masks)
    parameters: Callable[[], Any] | None = None  # what to optimize; default model.parameters()


class RunContext(Protocol):
    """What the framework hands a plugin's `run`. Implemented by `paperkit.training.runner`."""

    device: "torch.device"
    seed: int
    run_dir: "Path"

    def data(self, config: Any) -> Any:
        """The `DataBundle` for a `DataConfig` (uint8 images on the device, labels, classes)."""

    def fit(
        self,
        stage: str,
        task: Task,
        images: "torch.Tensor",
        labels: "torch.Tensor",
        optim: Any,
        *,
        augment: Callable[["torch.Tensor"], "torch.Tensor"] | None = None,
        evaluate: Callable[[], dict[str, float]] | None = None,
        eval_every: int = 1,
    ) -> dict[str, Any]:
        """Train `task` on uint8 `images` with `optim` (an `OptimConfig`), checkpointed per epoch.

        A stage already finished in this run's folder is loaded, not retrained, so `--resume`
        continues where a run stopped. Returns the stage's history (losses, evaluations).
        """

    def log(self, stage: str, **metrics: float) -> None:
        """Append one line to metrics.jsonl."""

    def artifact(self, name: str) -> "Path":
        """A path in the run folder for a plot or table."""


class Reproduction:
    """Base class of every reproduction plugin."""

    name: ClassVar[str]
    papers: ClassVar[tuple[str, ...]]  # arXiv ids
    title: ClassVar[str]
    summary: ClassVar[str]  # one paragraph: the method and what the reproduction checks
    baseline: ClassVar[str]  # one line: what the method is compared against
    claims: ClassVar[tuple[Claim, ...]] = ()
    config_class: ClassVar[type]
    paper_configs: ClassVar[dict[str, dict[str, Any]]] = {}  # name -> overrides, e.g. {"cifar10": {...}}
    arms: ClassVar[tuple[Arm, ...]] = ARMS

    def default_config(self) -> Any:
        return self.config_class()

    def overfit_config(self, config: Any) -> Any:
        """The config the overfit check uses: augmentation and regularization off. Override to adjust."""
        return config

    def task(self, config: Any, arm: Arm, num_classes: int, ctx: RunContext) -> Task:
        raise NotImplementedError

    def run(self, config: Any, ctx: RunContext, arms: tuple[Arm, ...]) -> dict[str, dict[str, float]]:
        """Run the experiment for `arms`; returns measured metrics per arm (keys match `claims`)."""
        raise NotImplementedError

    def describe(self, config: Any) -> str:
        """The measured setting, shown beside the paper's in the claims table. Override to say more."""
        return describe_config(config)


def describe_config(config: Any) -> str:
    """"digits 16 px, 40 % label noise; model widths (32, 64, 128), blocks (1, 1, 1); train 30 epochs".

    Read from the config's fields: each `DataConfig`, a `model` section (or a top-level `width`),
    and the epochs of each `OptimConfig` stage.
    """
    import dataclasses

    from paperkit.config import DataConfig, OptimConfig

    data, stages = [], []
    model = ""
    for f in dataclasses.fields(config):
        value = getattr(config, f.name)
        if isinstance(value, DataConfig):
            text = f"{value.dataset} {value.image_size} px"
            if value.dataset == "shapes":
                text += f" ({value.train_size} train images, difficulty {value.difficulty:g})"
            if value.label_noise:
                text += f", {value.label_noise:.0%} label noise"
            if value.train_fraction < 1:
                text += f", {value.train_fraction:.0%} of the labels"
            data.append(text.replace("%", " %"))
        elif isinstance(value, OptimConfig):
            stages.append(f"{f.name} {value.epochs} epoch{'s' if value.epochs != 1 else ''}")
        elif f.name == "model" and dataclasses.is_dataclass(value):
            parts = [f"{k.name} {getattr(value, k.name)}" for k in dataclasses.fields(value) if getattr(value, k.name) not in ((), "", None)]
            model = "model " + ", ".join(parts)
        elif f.name == "width" and isinstance(value, int):
            model = model or f"width {value}"
    return "; ".join(part for part in ("; ".join(data), model, ", ".join(stages)) if part)


@dataclass(frozen=True)
class PluginInfo:
    """What the registry knows about a plugin without importing torch."""

    name: str
    papers: tuple[str, ...]
    title: str
    summary: str
    claims: tuple[Claim, ...]
    source: str  # folder or entry point it came from
    cls: type[Reproduction] | None = field(default=None, compare=False)
