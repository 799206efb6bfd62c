"""The overfit check: Karpathy's first rule ("overfit one batch") as a command.

On K fixed, class-balanced training examples, with the plugin's `overfit_config` (augmentation and
regularisation off), one arm's `Task` must pass, in order:

1. initial loss   — the loss at initialisation is near `Task.expected_initial_loss` (ln C for C
                    balanced classes), else the output scale or the loss is wrong;
2. gradients      — on the first step every trainable, non-exempt parameter gets a finite,
                    non-zero gradient (a detached branch or an accidentally frozen layer fails here);
3. memorisation   — full-batch Adam drives the loss to `loss_floor + ε` and train accuracy to
                    100 % (where accuracy applies) within a step budget;
4. controls       — (optional) zeroed inputs must *not* reach that target (labels must not leak
                    through anything but the image), and random labels on the same K examples
                    must still be memorised (capacity; Zhang et al., arXiv 1611.03530).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from paperkit.training.plugin import Arm, Reproduction, Task

LR = 5e-3  # Adam, full batch: fast and reliable for memorising a few examples across architectures
MAX_STEPS = 600
EPSILON = 0.05  # absolute slack above the loss floor
WINDOW = 10  # steps averaged before judging the loss: a stochastic objective (mixup's λ) must stay low, not dip once


@dataclass
class Check:
    name: str  # "initial loss", "gradients", "memorisation", "control: zeroed inputs", ...
    passed: bool
    detail: str


@dataclass
class OverfitReport:
    plugin: str
    arm: str
    examples: int
    checks: list[Check] = field(default_factory=list)
    curves: dict[str, list[float]] = field(default_factory=dict)  # name -> loss per step

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)

    @property
    def failure(self) -> Check | None:
        return next((c for c in self.checks if not c.passed), None)


def pick_examples(labels: Any, k: int, num_classes: int) -> Any:
    """Indices of `k` examples taken round-robin over the classes (balanced, deterministic)."""
    import torch

    per_class = [(labels == c).nonzero().squeeze(1).tolist() for c in range(num_classes)]
    chosen: list[int] = []
    depth = 0
    while len(chosen) < k and any(depth < len(p) for p in per_class):
        chosen.extend(p[depth] for p in per_class if depth < len(p))
        depth += 1
    return torch.tensor(sorted(chosen[:k]))


def _is_exempt(name: str, exempt: frozenset[str]) -> bool:
    return any(name == e or name.startswith(e + ".") for e in exempt)


def check_initial_loss(task: Task, x: Any, y: Any) -> Check:
    import torch

    with torch.no_grad():
        value = float(task.loss(x, y).loss)
        expected = task.expected_initial_loss
        if callable(expected):
            expected = float(expected(x, y))
    if expected is None:
        return Check("initial loss", True, f"{value:.4f} (no expected value declared)")
    tolerance = task.initial_loss_tolerance * abs(expected)
    ok = math.isfinite(value) and abs(value - expected) <= tolerance
    detail = f"{value:.4f}, expected {expected:.4f} ± {tolerance:.3g}"
    if not ok:
        detail += ": the output layer's scale or the loss is off (e.g. logits too large, wrong reduction)"
    return Check("initial loss", ok, detail)


def check_gradients(task: Task, x: Any, y: Any) -> Check:
    import torch

    out = task.loss(x, y)
    if not out.loss.requires_grad:
        return Check("gradients", False, "the loss does not depend on any parameter (the graph is detached) at step 1")
    task.model.zero_grad(set_to_none=True)
    out.loss.backward()
    for name, param in task.model.named_parameters():
        if _is_exempt(name, task.exempt_parameters):
            continue
        if not param.requires_grad:
            return Check("gradients", False, f"parameter {name} is frozen (requires_grad=False) but not declared exempt")
        if param.grad is None:
            return Check("gradients", False, f"parameter {name} gets no gradient at step 1 (detached from the loss?)")
        if not torch.isfinite(param.grad).all():
            return Check("gradients", False, f"parameter {name} has a non-finite gradient at step 1")
        if not param.grad.abs().sum() > 0:
            return Check("gradients", False, f"parameter {name} has an all-zero gradient at step 1 (dead or disconnected)")
    task.model.zero_grad(set_to_none=True)
    return Check("gradients", True, "every trainable parameter has a finite, non-zero gradient")


def memorise(task: Task, x: Any, y: Any, max_steps: int, lr: float = LR) -> tuple[int | None, list[float], float | None]:
    """Full-batch Adam until the mean loss of the last `WINDOW` steps is ≤ floor + ε (and accuracy is 100 %).

    Returns (step reached or None, losses, last accuracy).
    """
    import torch

    params = [p for p in (task.parameters() if task.parameters else task.model.parameters()) if p.requires_grad]
    optimizer = torch.optim.Adam(params, lr=lr)
    target = task.loss_floor + max(EPSILON, EPSILON * task.loss_floor)
    losses: list[float] = []
    accuracy = None
    task.model.train()
    for step in range(1, max_steps + 1):
        out = task.loss(x, y)
        # Read after the loss: a task whose floor depends on the batch's labels (contrastive
        # losses: log|P(i)|) updates it there, e.g. for the random-label control.
        target = task.loss_floor + max(EPSILON, EPSILON * task.loss_floor)
        value = float(out.loss.detach())
        losses.append(value)
        if not math.isfinite(value):
            return None, losses, accuracy
        if task.has_accuracy and out.logits is not None:
            targets = out.targets if out.targets is not None else y
            accuracy = float((out.logits.detach().argmax(1) == targets).float().mean())
        recent = losses[-WINDOW:]
        if sum(recent) / len(recent) <= target and (not task.has_accuracy or accuracy == 1.0):
            return step, losses, accuracy
        optimizer.zero_grad(set_to_none=True)
        out.loss.backward()
        optimizer.step()
        if task.after_step is not None:
            task.after_step()
    return None, losses, accuracy


def run_overfit(
    plugin: Reproduction,
    config: Any,
    arm: Arm,
    ctx: Any,
    *,
    examples: int = 32,
    controls: bool = False,
    max_steps: int = MAX_STEPS,
    lr: float = LR,
) -> OverfitReport:
    """Run the checks for one arm; stops at the first failing check (later ones would mislead)."""
    import torch

    from paperkit.errors import UsageError

    if examples < 1:
        raise UsageError(f"--examples must be at least 1, got {examples}", hint="the check memorises K examples, e.g. --examples 32")
    config = plugin.overfit_config(config)
    data = ctx.data(config.data)
    labels = data.clean_train_labels if data.clean_train_labels is not None else data.train_labels
    idx = pick_examples(labels.cpu(), examples, data.num_classes).to(data.train_images.device)
    x = data.train_images[idx].float().div(255.0)
    y = labels[idx]
    report = OverfitReport(plugin.name, arm, len(idx))
    target_text = f"mean loss of the last {WINDOW} steps ≤ floor + ε"

    def fresh_task() -> Task:
        torch.manual_seed(ctx.seed)
        return plugin.task(config, arm, data.num_classes, ctx)

    task = fresh_task()
    task.model.train()
    report.checks.append(check_initial_loss(task, x, y))
    if not report.passed:
        return report
    report.checks.append(check_gradients(task, x, y))
    if not report.passed:
        return report
    reached, losses, accuracy = memorise(task, x, y, max_steps, lr)
    report.curves["train"] = losses
    floor = task.loss_floor
    acc_text = f", train accuracy {accuracy:.0%}" if accuracy is not None else ""
    if reached is not None:
        report.checks.append(Check("memorisation", True, f"{target_text} ({floor + EPSILON:.3g}) at step {reached}{acc_text}"))
    else:
        last = losses[-1] if losses else float("nan")
        report.checks.append(Check(
            "memorisation", False,
            f"after {len(losses)} steps the loss is {last:.4f} (target {floor + EPSILON:.3g}){acc_text}: "
            "the model cannot fit K examples — check the labels reach the loss, the learning signal, capacity",
        ))
        return report
    if not controls:
        return report

    # Budgets relative to what the real examples needed: a fair comparison, and quick when they were quick.
    needed = reached

    # Control 1: with the images zeroed the labels must not be learnable (given twice the steps).
    task = fresh_task()
    reached, losses, accuracy = memorise(task, torch.zeros_like(x), y, min(max_steps, max(50, 2 * needed)), lr)
    report.curves["zeroed inputs"] = losses
    if reached is None:
        report.checks.append(Check("control: zeroed inputs", True, f"not learned (loss {losses[-1]:.4f} after {len(losses)} steps)"))
    else:
        report.checks.append(Check(
            "control: zeroed inputs", False,
            f"the labels were learned from zeroed inputs at step {reached}: labels leak into the model another way",
        ))
        return report

    # Control 2: random labels on the same examples must still be memorised.
    gen = torch.Generator().manual_seed(ctx.seed + 7)
    random_labels = torch.randint(0, data.num_classes, (len(y),), generator=gen).to(y.device)
    task = fresh_task()
    reached, losses, accuracy = memorise(task, x, random_labels, max(max_steps, 4 * needed), lr)
    report.curves["random labels"] = losses
    if reached is not None:
        report.checks.append(Check("control: random labels", True, f"memorised at step {reached}"))
    else:
        report.checks.append(Check(
            "control: random labels", False,
            f"random labels not memorised in {len(losses)} steps (loss {losses[-1]:.4f}): too little capacity or a bug",
        ))
    return report


# =====================================================================================
# Presentation
# =====================================================================================


def ascii_curve(losses: list[float], width: int = 60, height: int = 10) -> str:
    """A terminal plot of a loss curve (log scale when it spans more than a decade)."""
    values = [v for v in losses if math.isfinite(v)]
    if not values:
        return "(no finite losses)"
    positive = min(values) > 0
    use_log = positive and max(values) / min(values) > 10
    ys = [math.log10(v) if use_log else v for v in values]
    lo, hi = min(ys), max(ys)
    span = hi - lo or 1.0
    columns = min(width, len(ys))
    grid = [[" "] * columns for _ in range(height)]
    for col in range(columns):
        chunk = ys[col * len(ys) // columns:max(col * len(ys) // columns + 1, (col + 1) * len(ys) // columns)]
        value = sum(chunk) / len(chunk)
        row = round((hi - value) / span * (height - 1))
        grid[row][col] = "•"
    top = f"{10**hi if use_log else hi:.3g}"
    bottom = f"{10**lo if use_log else lo:.3g}"
    pad = max(len(top), len(bottom))
    lines = []
    for i, row in enumerate(grid):
        label = top if i == 0 else bottom if i == height - 1 else ""
        lines.append(f"{label:>{pad}} │{''.join(row)}")
    lines.append(" " * pad + " └" + "─" * columns)
    lines.append(" " * pad + f"  step 1 … {len(values)}" + ("  (log scale)" if use_log else ""))
    return "\n".join(lines)


def save_plot(report: OverfitReport, path: Any) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from paperkit.files import atomic_open

    fig, ax = plt.subplots(figsize=(6, 3.5))
    for name, losses in report.curves.items():
        ax.plot(range(1, len(losses) + 1), losses, label=name)
    ax.set_yscale("log" if all(v > 0 for c in report.curves.values() for v in c) else "linear")
    ax.set_xlabel("step")
    ax.set_ylabel("loss")
    ax.set_title(f"overfit check: {report.plugin} ({report.arm}, K={report.examples})")
    ax.legend()
    fig.tight_layout()
    with atomic_open(path, "wb") as handle:
        fig.savefig(handle, format="png", dpi=100)
    plt.close(fig)


def summary_lines(report: OverfitReport) -> list[str]:
    lines = []
    for check in report.checks:
        lines.append(f"  {'ok  ' if check.passed else 'FAIL'} {check.name}: {check.detail}")
    verdict = "PASS" if report.passed else f"FAIL ({report.failure.name})"
    lines.append(f"{verdict}: overfit check of {report.plugin} [{report.arm}] on {report.examples} examples")
    return lines
