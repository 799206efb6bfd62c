"""Scaffolding a new reproduction plugin (`paperkit new-reproduction NAME --paper ID`).

The template is a complete, working plugin: a small CNN (method) against a linear classifier
(baseline) on the embedded shapes data, which passes its own overfit check, so a new
reproduction starts from something that runs and is changed one piece at a time.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

from paperkit.errors import PaperkitError, UsageError
from paperkit.files import atomic_write_text

NAME_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")

PLUGIN_TEMPLATE = Template(r"""'''$title (arXiv $paper) as a paperkit reproduction.

Scaffolded by `paperkit new-reproduction`: a small CNN (the method) against a linear classifier
(the baseline) on the embedded shapes data. Replace the models, the objective and the claims with
the paper's, keeping torch imports inside functions so `paperkit reproductions` stays fast.
Check it with `paperkit reproduce $name --overfit --controls`.

Everything a plugin needs from paperkit comes from `paperkit.training.plugin`; its docstring is
the contract. As the plugin grows, keep this file the declaration (config, claims, paper
configs, the class) and move the paper's method to method.py and the models, stages and
evaluation to experiment.py, whose `build_task` and `run_experiment` then replace `task` and
`run` below.
'''

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Any

from paperkit.training.plugin import (
    Arm, Claim, DataConfig, OptimConfig, Positive, Reproduction, Task, classification_task, to_float,
)


@dataclass(frozen=True)
class Config:
    data: DataConfig = field(default_factory=lambda: DataConfig(train_size=200, test_size=100, difficulty=0.2))
    train: OptimConfig = field(
        default_factory=lambda: OptimConfig(optimizer="adam", lr=3e-3, weight_decay=0.0, batch_size=50, epochs=2)
    )
    # A field's allowed values are declared on it (Positive, NonNegative, Fraction, Allowed(ge=..., lt=...),
    # one_of(...)): --set, TOML and ablate --vary are checked against them, one line naming the key.
    width: Annotated[int, Positive] = 8  # channels of the first convolution


def build_model(config: Config, arm: Arm, num_classes: int, channels: int = 3) -> Any:
    from torch import nn

    if arm == "baseline":
        return nn.Sequential(nn.AvgPool2d(4), nn.Flatten(), nn.Linear(channels * 64, num_classes))
    w = config.width
    return nn.Sequential(
        nn.Conv2d(channels, w, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(w, 2 * w, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
        nn.Linear(2 * w, num_classes),
    )


def logits_of(model: Any, x: Any) -> Any:
    return model(x * 2 - 1)  # centred inputs keep the initial logits near 0


def accuracy(model: Any, images: Any, labels: Any) -> float:
    return float((logits_of(model, to_float(images)).argmax(1) == labels).float().mean())


class $classname(Reproduction):
    name = "$name"
    papers = ("$paper",)
    title = "$title"
    summary = "TODO: one paragraph: the method, and what this reproduction checks."
    baseline = "a linear classifier on 8x8 average-pooled pixels"
    config_class = Config
    # One Claim per number the paper reports; `metric` is a key of what run() returns per arm.
    claims = (Claim("embedded shapes, 2 epochs", "test_accuracy", None, None, True, "TODO: Table/Figure", note="placeholder"),)

    def task(self, config: Config, arm: Arm, num_classes: int, ctx: Any) -> Task:
        model = build_model(config, arm, num_classes).to(ctx.device)
        # Cross-entropy on the logits; the overfit check expects ln(num_classes) at initialisation.
        return classification_task(model, num_classes, forward=lambda x: logits_of(model, x))

    def run(self, config: Config, ctx: Any, arms: tuple[Arm, ...]) -> dict[str, dict[str, float]]:
        data = ctx.data(config.data)
        results = {}
        for arm in arms:
            task = self.task(config, arm, data.num_classes, ctx)
            history = ctx.fit(
                arm, task, data.train_images, data.train_labels, config.train,
                evaluate=lambda: {"test_accuracy": accuracy(task.model, data.test_images, data.test_labels)},
            )
            results[arm] = {"test_accuracy": history["final"]["test_accuracy"], "train_loss": history["loss"][-1]}
        return results
""")

INIT_TEMPLATE = Template('"""$title (arXiv $paper) as a paperkit reproduction."""\n')


def class_name(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_")) + "Reproduction"


def scaffold(reproductions_dir: Path, name: str, paper: str, title: str | None = None) -> Path:
    """Write reproductions_dir/<name>/ (plugin.py, __init__.py); refuses to overwrite a folder."""
    if not NAME_PATTERN.match(name):
        raise UsageError(f"reproduction names are lowercase letters, digits and _, starting with a letter; got {name!r}")
    folder = reproductions_dir / name
    if folder.exists():
        raise PaperkitError(f"{folder} already exists", hint="choose another name or remove the folder")
    values = {
        "name": name,
        "paper": paper,
        "title": (title or "TODO: the paper's title").replace('"', "'"),
        "classname": class_name(name),
    }
    atomic_write_text(folder / "plugin.py", PLUGIN_TEMPLATE.substitute(values))
    atomic_write_text(folder / "__init__.py", INIT_TEMPLATE.substitute(values))
    return folder
