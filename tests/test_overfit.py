"""The overfit check: a healthy plugin passes; each deliberately broken one fails the matching check."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import torch

from paperkit.training.overfit import ascii_curve, pick_examples, run_overfit, save_plot, summary_lines
from paperkit.training.plugin import LossOutput, Task
from _plugins import plugins_folder
from paperkit.training.registry import discover
from paperkit.training.runner import Runner

torch.set_num_threads(1)


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    return discover(plugins_folder(tmp_path_factory.mktemp("plugins")), entry_points=False)


def _check(registry, name, tmp_path, **kwargs):
    plugin = registry.create(name)
    ctx = Runner(tmp_path, seed=0, device="cpu", progress=False)
    return run_overfit(plugin, plugin.default_config(), "method", ctx, lr=1e-2, **kwargs)


@pytest.mark.slow
def test_healthy_plugin_passes_with_controls(registry, tmp_path):
    # K = 16 keeps it quick; the command test runs the default K = 32 on the same plugin.
    report = _check(registry, "tiny", tmp_path, controls=True, examples=16)
    assert report.passed, summary_lines(report)
    assert [c.name for c in report.checks] == [
        "initial loss", "gradients", "memorisation", "control: zeroed inputs", "control: random labels"]
    assert report.examples == 16 and set(report.curves) == {"train", "zeroed inputs", "random labels"}
    assert report.curves["train"][-1] <= 0.05
    save_plot(report, tmp_path / "loss.png")
    assert (tmp_path / "loss.png").read_bytes()[:4] == b"\x89PNG"


def test_detached_graph_fails_the_gradient_check(registry, tmp_path):
    report = _check(registry, "tiny_detached", tmp_path)
    assert report.failure.name == "gradients"
    assert "parameter 0.weight gets no gradient at step 1" in report.failure.detail


def test_frozen_layer_fails_the_gradient_check(registry, tmp_path):
    report = _check(registry, "tiny_frozen", tmp_path)
    assert report.failure.name == "gradients"
    assert "0.weight is frozen" in report.failure.detail


def test_label_shuffle_fails_memorisation(registry, tmp_path):
    # The healthy plugin memorises these 16 examples in about 45 steps; shuffled labels get 100.
    report = _check(registry, "tiny_shuffle", tmp_path, max_steps=100, examples=16)
    assert report.failure.name == "memorisation"
    assert "after 100 steps" in report.failure.detail


def test_wrong_initial_loss_and_zero_input_leak(tmp_path):
    """A hand-made task whose logits start huge fails check 1; one that reads labels from elsewhere fails control 1."""
    from paperkit.training.overfit import check_initial_loss, memorise

    x = torch.rand(8, 3, 4, 4)
    y = torch.arange(8) % 4
    model = torch.nn.Linear(48, 4)
    loud = Task(model, lambda a, b: LossOutput(torch.nn.functional.cross_entropy(100 * model(a.flatten(1)), b)),
                expected_initial_loss=math.log(4))
    assert not check_initial_loss(loud, x, y).passed

    # Leak: the loss sees the labels directly, so even zeroed inputs are "learned".
    table = torch.nn.Embedding(4, 4)
    leak = Task(table, lambda a, b: LossOutput(torch.nn.functional.cross_entropy(table(b) + 0 * a.sum(), b), table(b)))
    reached, _, _ = memorise(leak, torch.zeros_like(x), y, 300, lr=0.1)
    assert reached is not None


def test_examples_are_class_balanced():
    labels = torch.tensor([0] * 10 + [1] * 10 + [2] * 2)
    picked = pick_examples(labels, 9, 3)
    assert torch.bincount(labels[picked], minlength=3).tolist() == [4, 3, 2]


def test_ascii_curve_draws_the_range():
    text = ascii_curve([2.3 * 0.9**i for i in range(100)], width=40, height=6)
    lines = text.splitlines()
    assert lines[0].strip().startswith("2.3") and "•" in lines[0] and "(log scale)" in lines[-1]
    assert len(lines) == 8


def test_labels_leaking_past_the_image_fail_the_zeroed_input_control(registry, tmp_path):
    report = _check(registry, "tiny_leak", tmp_path, controls=True, examples=16)
    assert [c.name for c in report.checks[:3]] == ["initial loss", "gradients", "memorisation"]
    assert all(c.passed for c in report.checks[:3])
    assert report.failure is not None and report.failure.name == "control: zeroed inputs", summary_lines(report)
    assert "labels leak" in report.failure.detail


def test_a_loss_that_ignores_the_given_labels_fails_the_random_label_control(registry, tmp_path):
    report = _check(registry, "tiny_true_labels", tmp_path, controls=True, examples=16, max_steps=200)
    assert all(c.passed for c in report.checks[:4]), summary_lines(report)
    assert report.failure is not None and report.failure.name == "control: random labels", summary_lines(report)


def test_memorisation_needs_full_train_accuracy_not_only_a_low_loss():
    """A loss that reaches its floor while the predictions stay wrong has not memorised anything."""
    from paperkit.training.overfit import memorise

    weight = torch.nn.Parameter(torch.ones(3))
    model = torch.nn.Module()
    model.weight = weight
    y = torch.arange(8) % 4
    wrong = torch.nn.functional.one_hot((y + 1) % 4, 4).float()  # always predicts the next class
    task = Task(model, lambda a, b: LossOutput((weight**2).sum(), wrong))
    reached, losses, accuracy = memorise(task, torch.rand(8, 3, 4, 4), y, 300, lr=0.1)
    assert losses[-1] <= 0.05 and accuracy == 0.0
    assert reached is None


def test_an_all_zero_gradient_fails_the_gradient_check():
    from paperkit.training.overfit import check_gradients

    x = torch.rand(8, 3, 4, 4)
    y = torch.arange(8) % 4
    model = torch.nn.ModuleDict({"head": torch.nn.Linear(48, 4), "dead": torch.nn.Linear(48, 4)})

    def loss(a, b):
        logits = model["head"](a.flatten(1)) + 0 * model["dead"](a.flatten(1))  # connected, but gets zeros
        return LossOutput(torch.nn.functional.cross_entropy(logits, b), logits)

    check = check_gradients(Task(model, loss), x, y)
    assert not check.passed
    assert "dead.weight has an all-zero gradient" in check.detail

    def connected(a, b):
        logits = model["head"](a.flatten(1)) + model["dead"](a.flatten(1))
        return LossOutput(torch.nn.functional.cross_entropy(logits, b), logits)

    assert check_gradients(Task(model, connected), x, y).passed


@pytest.mark.parametrize("k", [0, -3])
def test_no_examples_is_one_line(registry, tmp_path, k):
    from paperkit.errors import UsageError

    with pytest.raises(UsageError, match=f"--examples must be at least 1, got {k}"):
        _check(registry, "tiny", tmp_path, examples=k)
