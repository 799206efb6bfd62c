"""The reproduction plugin contract: the one module a plugin imports from.

A reproduction is a folder `reproductions/<name>/` of three files (and a README.md):

* `plugin.py`: the declaration. Config dataclasses, the paper's claims, paper-scale configs and
  one subclass of `Reproduction`. No torch here, at module level or in the class body, so
  `paperkit reproductions` lists every plugin without importing torch;
* `method.py`: the paper's method, top to bottom in the order of the paper, each section or
  equation named beside the code that implements it;
* `experiment.py`: the experiment. Models, data, training stages, evaluation and figures, and the
  two functions the base class looks up there:
  `build_task(config, arm, num_classes, ctx) -> Task` (one arm's model and objective, the unit the
  overfit check trains) and `run_experiment(config, ctx, arms) -> {arm: {metric: value}}`.

`paperkit new-reproduction NAME --paper ID` writes a working plugin to start from.

What the runner, the overfit check and the ablation tool speak to (a `Reproduction`):

* metadata (`name`, `papers`, `title`, `summary`, `baseline`) and the paper's `claims`, as class
  attributes;
* `config_class`, a frozen dataclass whose defaults are the embedded-data run (fields may be
  nested dataclasses such as `data: DataConfig` and `train: OptimConfig`); `paper_configs`
  names paper-scale variants as dotted overrides;
* `task(config, arm, num_classes, ctx) -> Task` and `run(config, ctx, arms)`: by default the
  sibling `experiment` module's `build_task` and `run_experiment`; override them for a
  single-file plugin;
* `overfit_config(config)`: the config of the overfit check (augmentation, regularisation off).

What a plugin imports from here, and nothing else from paperkit:

* the contract's types: `Reproduction`, `Claim`, `Task`, `LossOutput`, `RunContext`, `Arm`;
* config: `DataConfig`, `OptimConfig`, and the declared ranges of a config field
  (`Annotated[float, Positive]`, `NonNegative`, `Fraction`, `Allowed(ge=..., lt=...)`, `one_of(...)`);
  errors for people: `UsageError`, `PaperkitError`;
  atomic writes: `atomic_write_text`, `atomic_write_bytes`, `atomic_open`;
* helpers: `steps_per_epoch`, `to_float`, `classification_task` (cross-entropy, initial loss
  ln C), `linear_classifier_task` with `LinearClassifier` (an encoder + a linear layer: the
  frozen-encoder linear probe, or fine-tuning);
* batched augmentations on the device: `random_crop_with_padding`, `horizontal_flip`,
  `random_resized_crop`, `color_jitter`, `random_grayscale`, `standard_augment`,
  `simclr_augment`. These and `LinearClassifier` need torch and are imported on first use
  (PEP 562), so importing this module stays torch-free. `ctx.fit(..., augment=f)` calls `f(x)`
  or `f(x, generator)`; with the second form the runner owns and checkpoints the generator, so
  an augmented run resumes exactly.

Torch is imported only inside functions here.
"""

from __future__ import annotations

import importlib
import math
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Iterable, Literal, Protocol

from paperkit.config import Allowed, DataConfig, Fraction, NonNegative, OptimConfig, Positive, one_of
from paperkit.errors import PaperkitError, UsageError
from paperkit.files import atomic_open, atomic_write_bytes, atomic_write_text

if TYPE_CHECKING:  # pragma: no cover - typing only
    from pathlib import Path

    import torch

    from paperkit.training.augment import (
        color_jitter,
        horizontal_flip,
        random_crop_with_padding,
        random_grayscale,
        random_resized_crop,
        simclr_augment,
        standard_augment,
    )
    from paperkit.training.probe import LinearClassifier

__all__ = [
    "ARMS", "Allowed", "Arm", "Claim", "DataConfig", "Fraction", "LinearClassifier", "LossOutput", "NonNegative",
    "OptimConfig", "PaperkitError", "Positive", "one_of",
    "PluginInfo", "Reproduction", "RunContext", "Task", "UsageError", "atomic_open", "atomic_write_bytes",
    "atomic_write_text", "classification_task", "color_jitter", "horizontal_flip", "linear_classifier_task",
    "random_crop_with_padding", "random_grayscale", "random_resized_crop", "simclr_augment", "standard_augment",
    "steps_per_epoch", "to_float",
]

AUGMENTATIONS = (
    "random_crop_with_padding", "horizontal_flip", "random_resized_crop", "color_jitter", "random_grayscale",
    "standard_augment", "simclr_augment",
)


def __getattr__(name: str) -> Any:
    """The names that need torch, imported when first used (PEP 562)."""
    if name in AUGMENTATIONS:
        from paperkit.training import augment

        return getattr(augment, name)
    if name == "LinearClassifier":
        from paperkit.training.probe import LinearClassifier

        return LinearClassifier
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


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
        """One arm's model and objective: `build_task` of the plugin's sibling module `experiment`."""
        return self.experiment().build_task(config, arm, num_classes, ctx)

    def run(self, config: Any, ctx: RunContext, arms: tuple[Arm, ...]) -> dict[str, dict[str, float]]:
        """Run the experiment for `arms`; returns measured metrics per arm (keys match `claims`).

        By default `run_experiment(config, ctx, arms)` of the plugin's sibling module `experiment`.
        """
        return self.experiment().run_experiment(config, ctx, arms)

    @classmethod
    def experiment_defines(cls, function: str) -> bool:
        """Whether the `experiment.py` that `experiment()` would import defines `function`.

        Read, not imported, so the registry can check the contract without importing torch.
        """
        import sys
        from pathlib import Path

        where = getattr(sys.modules.get(cls.__module__), "__file__", None)
        if not where:
            return False
        try:
            return f"def {function}(" in Path(where).with_name("experiment.py").read_text(encoding="utf-8")
        except OSError:
            return False

    @classmethod
    def experiment(cls) -> ModuleType:
        """The module `experiment` beside the one defining this class (imported on first use: torch)."""
        import sys

        module = sys.modules.get(cls.__module__)
        # A class in a package's __init__ has its siblings inside that package, not beside it.
        package = cls.__module__ if hasattr(module, "__path__") else cls.__module__.rpartition(".")[0]
        name = f"{package}.experiment" if package else "experiment"
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            raise NotImplementedError(
                f"{cls.__name__} overrides neither task() nor run(), and there is no module {name} to find them in"
            ) from None

    def describe(self, config: Any) -> str:
        """The measured setting, shown beside the paper's in the claims table. Override to say more."""
        return describe_config(config)


# =====================================================================================
# Helpers every plugin needs: batches, classification tasks, the linear probe
# =====================================================================================


def steps_per_epoch(n: int, batch_size: int) -> int:
    """Full batches only (a last batch of a few examples would be noisy and upset batch norm)."""
    return max(1, n // batch_size)


def to_float(images: "torch.Tensor") -> "torch.Tensor":
    """uint8 [B, C, H, W] -> float in [0, 1]."""
    return images.float().div_(255.0)


def classification_task(
    model: "torch.nn.Module",
    num_classes: int,
    *,
    forward: Callable[["torch.Tensor"], "torch.Tensor"] | None = None,
    loss: Callable[["torch.Tensor", "torch.Tensor"], LossOutput] | None = None,
    **task_fields: Any,
) -> Task:
    """A classifier's Task: cross-entropy of `forward(x)` (default `model(x)`) against the labels.

    A know-nothing classifier predicts the C classes uniformly, so the overfit check expects an
    initial loss of ln C. `loss` replaces the cross-entropy where the objective is another one on
    the same logits (mixup's mixed targets); `task_fields` are the other `Task` fields.
    """
    if loss is None:
        import torch.nn.functional as F

        logits_of = forward if forward is not None else model

        def loss(x: "torch.Tensor", y: "torch.Tensor") -> LossOutput:
            logits = logits_of(x)
            return LossOutput(F.cross_entropy(logits, y), logits)

    return Task(model=model, loss=loss, expected_initial_loss=math.log(num_classes), **task_fields)


def linear_classifier_task(
    encoder: "torch.nn.Module",
    num_classes: int,
    *,
    frozen: bool,
    features: int,
    prepare: Callable[["torch.Tensor"], "torch.Tensor"] | None = None,
    device: Any = None,
    **task_fields: Any,
) -> Task:
    """`encoder` + a linear layer over its `features` outputs, as a classification Task.

    With `frozen` it is the linear probe of self-supervised and contrastive papers: the encoder
    is a fixed feature map (its batch-norm statistics included), only the linear layer trains and
    the encoder is exempt from the overfit check's gradient test. Otherwise everything trains
    (fine-tuning, or a supervised baseline). `prepare` maps the images to the encoder's input;
    `device` defaults to the encoder's.
    """
    from paperkit.training.probe import LinearClassifier

    model = LinearClassifier(encoder, num_classes, features=features, frozen=frozen, prepare=prepare)
    model = model.to(device if device is not None else next(encoder.parameters()).device)
    if frozen:
        task_fields.setdefault("exempt_parameters", frozenset({"encoder"}))
        task_fields.setdefault("parameters", model.fc.parameters)
    return classification_task(model, num_classes, **task_fields)


def describe_config(config: Any) -> str:
    """"digits 16 px, 40 % label noise; model widths (32, 64, 128), blocks (1, 1, 1); train 30 epochs".

    Read from the config's fields: each `DataConfig`, a `model` section (or a top-level `width`),
    and the epochs of each `OptimConfig` stage.
    """
    import dataclasses

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
