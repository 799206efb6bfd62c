"""The training runner: checkpoints, exact resume on the CPU, Ctrl-C, finished stages, NaN, schedules."""

from __future__ import annotations

import json
import math
import os
import signal
from pathlib import Path

import pytest
import torch

from paperkit.config import OptimConfig, apply_overrides
from paperkit.training.plugin import LossOutput, Task
from _plugins import plugins_folder
from paperkit.training.registry import discover
from paperkit.errors import Interrupted, NonFiniteLoss
from paperkit.training.runner import Runner, choose_device, lr_factor

torch.set_num_threads(1)


@pytest.fixture(scope="module")
def registry(tmp_path_factory):
    return discover(plugins_folder(tmp_path_factory.mktemp("plugins")), entry_points=False)


def _epochs(run_dir: Path) -> list[dict]:
    lines = (run_dir / "metrics.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines]


# 100 images in batches of 25: 4 steps per epoch, 2 epochs per arm.
SMALL = {"data.train_size": 100, "data.test_size": 40, "train.batch_size": 25}


def _run(plugin, run_dir, interrupt_at=None, seed=0):
    ctx = Runner(run_dir, seed=seed, device="cpu", progress=False)
    config = apply_overrides(plugin.default_config(), SMALL)
    if interrupt_at is not None:
        make_task = plugin.task
        calls = [0]

        def task(config, arm, num_classes, ctx):
            inner = make_task(config, arm, num_classes, ctx)

            def loss(x, y):
                calls[0] += 1
                if calls[0] == interrupt_at:
                    os.kill(os.getpid(), signal.SIGINT)  # what Ctrl-C sends
                return inner.loss(x, y)

            return Task(inner.model, loss, inner.expected_initial_loss)

        plugin.task = task
    try:
        return plugin.run(config, ctx, ("baseline", "method"))
    finally:
        plugin.__dict__.pop("task", None)


@pytest.mark.slow
def test_interrupt_then_resume_matches_an_uninterrupted_run(registry, tmp_path):
    plugin = registry.create("tiny")
    straight = _run(plugin, tmp_path / "a")
    # 4 steps per epoch, 2 epochs per arm: step 11 is in the method arm's first epoch.
    with pytest.raises(Interrupted) as info:
        _run(plugin, tmp_path / "b", interrupt_at=11)
    assert "checkpoint saved" in str(info.value) and "--resume" in str(info.value)
    assert (tmp_path / "b" / "checkpoints" / "baseline.done.pt").exists()
    assert (tmp_path / "b" / "checkpoints" / "method.pt").exists()
    resumed = _run(plugin, tmp_path / "b")
    assert resumed == straight
    assert _epochs(tmp_path / "b") == _epochs(tmp_path / "a")
    a = torch.load(tmp_path / "a" / "checkpoints" / "method.done.pt", weights_only=False)["model"]
    b = torch.load(tmp_path / "b" / "checkpoints" / "method.done.pt", weights_only=False)["model"]
    assert all(torch.equal(a[k], b[k]) for k in a)


def test_a_finished_stage_is_loaded_not_retrained(registry, tmp_path):
    plugin = registry.create("tiny")
    first = _run(plugin, tmp_path / "a")
    lines = len(_epochs(tmp_path / "a"))
    again = _run(plugin, tmp_path / "a")
    assert again == first
    assert len(_epochs(tmp_path / "a")) == lines  # nothing trained, nothing logged


def test_seeds_change_the_run_and_repeat_exactly(registry, tmp_path):
    plugin = registry.create("tiny")
    assert _run(plugin, tmp_path / "a", seed=1) == _run(plugin, tmp_path / "b", seed=1)
    assert _run(plugin, tmp_path / "c", seed=2) != _run(plugin, tmp_path / "d", seed=1)


def test_nan_loss_stops_with_the_step_and_a_diagnosis(registry, tmp_path):
    plugin = registry.create("tiny_nan")
    with pytest.raises(NonFiniteLoss) as info:
        _run(plugin, tmp_path / "n")
    text = str(info.value)
    assert "nan" in text and "stage baseline, epoch 1, step 3 (global step 4)" in text
    assert "after 3 finite steps" in text and "\n" not in text


def test_augment_with_generator_and_after_step(tmp_path):
    model = torch.nn.Linear(12, 3)
    seen = []

    def augment(x, gen):
        seen.append(gen)
        return x + 0.01 * torch.rand(x.shape, generator=gen)

    steps = []
    task = Task(model, lambda x, y: LossOutput(torch.nn.functional.cross_entropy(model(x.flatten(1)), y), model(x.flatten(1))),
                after_step=lambda: steps.append(1))
    images = torch.randint(0, 255, (20, 3, 2, 2), dtype=torch.uint8)
    labels = torch.arange(20) % 3
    ctx = Runner(tmp_path, seed=0, device="cpu", progress=False)
    history = ctx.fit("s", task, images, labels, OptimConfig(batch_size=10, epochs=3), augment=augment)
    assert len(steps) == 6 and isinstance(seen[0], torch.Generator)
    assert len(history["loss"]) == 3 and all(0 <= a <= 1 for a in history["train_accuracy"])


def test_lr_schedules_against_closed_forms():
    cosine = OptimConfig(epochs=4, schedule="cosine")
    assert lr_factor(0, 10, cosine) == 1.0
    assert lr_factor(20, 10, cosine) == pytest.approx(0.5)
    warm = OptimConfig(epochs=4, schedule="constant", warmup_epochs=1)
    assert [lr_factor(s, 10, warm) for s in (0, 4, 9, 30)] == pytest.approx([0.1, 0.5, 1.0, 1.0])
    step = OptimConfig(epochs=4, schedule="step", milestones=(2, 3))
    assert [lr_factor(s, 10, step) for s in (19, 20, 30)] == pytest.approx([1.0, 0.1, 0.01])
    cosine_warm = OptimConfig(epochs=3, schedule="cosine", warmup_epochs=1)
    assert lr_factor(20, 10, cosine_warm) == pytest.approx(0.5 * (1 + math.cos(math.pi * 10 / 20)))


def test_device_choice():
    assert choose_device("cpu").type == "cpu"
    if not torch.cuda.is_available():
        from paperkit.errors import UsageError

        with pytest.raises(UsageError, match="CUDA"):
            choose_device("cuda")


def test_a_stage_trains_the_same_whether_or_not_stages_ran_before_it(tmp_path):
    """`--method-only` must reproduce the method arm of a full run: global randomness is per stage."""
    import torch

    from paperkit.config import OptimConfig
    from paperkit.training.plugin import LossOutput, Task
    from paperkit.training.runner import Runner

    def train(folder, stages):
        ctx = Runner(folder, seed=3, device="cpu", progress=False)
        images = torch.randint(0, 256, (32, 3, 8, 8), dtype=torch.uint8)
        labels = torch.arange(32) % 4
        weights = {}
        for stage in stages:
            with torch.random.fork_rng():  # same initial weights, global stream left where it was
                torch.manual_seed(0)
                model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(192, 4))

            def loss(x, y, model=model):
                noise = torch.rand(())  # global randomness inside the objective, like mixup's λ
                logits = model(x * noise)
                return LossOutput(torch.nn.functional.cross_entropy(logits, y), logits)

            ctx.fit(stage, Task(model=model, loss=loss), images, labels,
                    OptimConfig(optimizer="sgd", lr=0.1, batch_size=8, epochs=2))
            weights[stage] = [p.detach().clone() for p in model.parameters()]
        return weights

    full = train(tmp_path / "full", ["baseline", "method"])
    alone = train(tmp_path / "alone", ["method"])
    assert all(torch.equal(a, b) for a, b in zip(full["method"], alone["method"]))


def _conv_task(seen: list):
    """A conv net whose loss records the layout the batch arrives in and the dtype the convolution computes in."""
    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3, padding=1), torch.nn.ReLU(),
                                torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten(), torch.nn.Linear(4, 3))

    def loss(x, y):
        features = model[0](x)
        seen.append((x.is_contiguous(memory_format=torch.channels_last), features.dtype))
        logits = model[1:](features)
        return LossOutput(torch.nn.functional.cross_entropy(logits, y), logits)

    return Task(model, loss)


def _fit_conv(folder: Path, precision=None, augment=None, device="cpu") -> tuple[list, dict, torch.nn.Module]:
    seen: list = []
    task = _conv_task(seen)
    images = torch.randint(0, 256, (24, 3, 8, 8), dtype=torch.uint8).to(device)
    labels = (torch.arange(24) % 3).to(device)
    ctx = Runner(folder, seed=0, device=device, progress=False, precision=precision)
    history = ctx.fit("s", task, images, labels, OptimConfig(optimizer="sgd", lr=0.1, batch_size=8, epochs=2),
                      augment=augment)
    return seen, history, task.model


def test_cpu_training_is_channels_last_and_fp32_unless_bf16_is_asked_for(tmp_path):
    from paperkit.training.augment import standard_augment

    seen, history, model = _fit_conv(tmp_path / "auto", augment=lambda x: standard_augment(x.contiguous()))
    assert seen and all(layout and dtype == torch.float32 for layout, dtype in seen)
    assert model[0].weight.is_contiguous(memory_format=torch.channels_last)
    bf16, bf16_history, _ = _fit_conv(tmp_path / "bf16", precision="bf16")
    assert all(dtype == torch.bfloat16 for _, dtype in bf16)
    # The same run in bf16 arithmetic: close to fp32, not equal to it.
    fp32, fp32_history, _ = _fit_conv(tmp_path / "fp32", precision="fp32")
    assert bf16_history["loss"] == pytest.approx(fp32_history["loss"], rel=0.05)
    assert bf16_history["loss"] != fp32_history["loss"]
    from paperkit.errors import UsageError

    with pytest.raises(UsageError, match="--precision must be one of auto, fp32, bf16"):
        Runner(tmp_path / "bad", device="cpu", progress=False, precision="fp16")


def _strided_shortcut_net() -> torch.nn.Module:
    """A stem of 4 channels, then a 1x1 stride-2 projection (a narrow ResNet shortcut)."""
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3, padding=1), torch.nn.ReLU(), torch.nn.Conv2d(4, 8, 1, stride=2),
                               torch.nn.AdaptiveAvgPool2d(1), torch.nn.Flatten(), torch.nn.Linear(8, 3))


def test_channels_last_is_refused_only_where_onednn_avx2_breaks_on_the_model():
    from paperkit.training.runner import channels_last_breaks

    cpu = torch.device("cpu")
    reason = channels_last_breaks(_strided_shortcut_net(), cpu, capability="AVX2")
    assert reason is not None and "layer 2" in reason and "stride 2" in reason and "4 input channels" in reason
    assert channels_last_breaks(_strided_shortcut_net(), cpu, capability="DEFAULT") is not None
    assert channels_last_breaks(_strided_shortcut_net(), cpu, capability="AVX512") is None
    assert channels_last_breaks(_strided_shortcut_net(), torch.device("cuda"), capability="AVX2") is None
    wide = torch.nn.Sequential(torch.nn.Conv2d(8, 16, 1, stride=2), torch.nn.Conv2d(16, 16, 1), torch.nn.Conv2d(3, 8, 3, 2))
    assert channels_last_breaks(wide, cpu, capability="AVX2") is None


def test_a_model_with_a_narrow_strided_1x1_convolution_trains_on_this_cpu(tmp_path, capsys):
    # On an AVX2-only CPU this model in channels_last killed the process (heap corruption in oneDNN's
    # weight gradient); the runner trains it in the contiguous layout there and says so.
    from paperkit.training.runner import channels_last_breaks

    model = _strided_shortcut_net()
    task = Task(model, lambda x, y: (lambda logits: LossOutput(torch.nn.functional.cross_entropy(logits, y), logits))(model(x)))
    images = torch.randint(0, 256, (64, 3, 16, 16), dtype=torch.uint8)
    labels = torch.arange(64) % 3
    ctx = Runner(tmp_path, seed=0, device="cpu", progress=False)
    history = ctx.fit("s", task, images, labels, OptimConfig(optimizer="sgd", lr=0.1, batch_size=64, epochs=20))
    assert len(history["loss"]) == 20 and all(math.isfinite(v) for v in history["loss"])
    if channels_last_breaks(model, torch.device("cpu")) is None:
        assert ctx.memory_format == torch.channels_last
    else:
        assert ctx.memory_format == torch.contiguous_format
        assert model[2].weight.is_contiguous()
        assert "training in the contiguous layout instead" in capsys.readouterr().err


@pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU")
def test_cuda_training_is_channels_last_and_bf16_by_default(tmp_path):
    seen, history, model = _fit_conv(tmp_path / "auto", device="cuda")
    assert seen and all(layout and dtype == torch.bfloat16 for layout, dtype in seen)
    assert model[0].weight.is_contiguous(memory_format=torch.channels_last)
    fp32, fp32_history, _ = _fit_conv(tmp_path / "fp32", device="cuda", precision="fp32")
    assert all(dtype == torch.float32 for _, dtype in fp32)
    assert history["loss"] == pytest.approx(fp32_history["loss"], rel=0.05)


# ---- exact resume of a plugin random everywhere (tests/plugins/tiny_random) ----------------------


def _weights(run_dir: Path, stage: str) -> dict:
    return torch.load(run_dir / "checkpoints" / f"{stage}.done.pt", weights_only=False)["model"]


def _same_weights(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(torch.equal(a[k], b[k]) for k in a)


@pytest.fixture(scope="module")
def straight_random(registry, tmp_path_factory):
    run_dir = tmp_path_factory.mktemp("straight")
    return run_dir, _run(registry.create("tiny_random"), run_dir)


def test_resume_in_the_middle_of_epoch_2_is_bit_for_bit(registry, tmp_path, straight_random):
    """Shuffle order, augmentation generator and global RNGs are all restored (each matters here)."""
    straight_dir, straight = straight_random
    plugin = registry.create("tiny_random")
    # 4 steps per epoch: loss call 6 is epoch 2, step 2 of the baseline stage.
    with pytest.raises(Interrupted, match="stage baseline, epoch 2, step 2"):
        _run(plugin, tmp_path, interrupt_at=6)
    resumed = _run(plugin, tmp_path)
    assert resumed == straight
    for stage in ("baseline", "method"):
        assert _same_weights(_weights(tmp_path, stage), _weights(straight_dir, stage))
    assert _epochs(tmp_path) == _epochs(straight_dir)  # and no row twice


def test_a_damaged_checkpoint_is_one_line_and_resume_uses_the_one_before(registry, tmp_path, straight_random, capsys):
    straight_dir, straight = straight_random
    plugin = registry.create("tiny_random")
    with pytest.raises(Interrupted):
        _run(plugin, tmp_path, interrupt_at=6)
    live = tmp_path / "checkpoints" / "baseline.pt"
    assert (tmp_path / "checkpoints" / "baseline.prev.pt").exists()  # the end of epoch 1
    live.write_bytes(live.read_bytes()[:500])  # a checkpoint cut short
    capsys.readouterr()
    resumed = _run(plugin, tmp_path)
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "baseline.pt is damaged" in err and "resuming from the one before it (epoch 2, step 0)" in err
    assert resumed == straight
    assert _same_weights(_weights(tmp_path, "method"), _weights(straight_dir, "method"))
    assert _epochs(tmp_path) == _epochs(straight_dir)
    assert not list((tmp_path / "checkpoints").glob("*prev*"))  # a finished stage keeps only its result


def test_every_checkpoint_damaged_is_one_line_naming_the_stage(registry, tmp_path):
    from paperkit.errors import InvalidInputError

    plugin = registry.create("tiny_random")
    with pytest.raises(Interrupted):
        _run(plugin, tmp_path, interrupt_at=6)
    for name in ("baseline.pt", "baseline.prev.pt"):
        (tmp_path / "checkpoints" / name).write_bytes(b"PK\x03\x04 not a checkpoint")
    with pytest.raises(InvalidInputError) as info:
        _run(plugin, tmp_path)
    assert "every checkpoint of stage baseline is damaged" in str(info.value) and "\n" not in str(info.value)


def test_a_damaged_finished_stage_is_trained_again(registry, tmp_path, straight_random, capsys):
    straight_dir, straight = straight_random
    plugin = registry.create("tiny_random")
    _run(plugin, tmp_path)
    (tmp_path / "checkpoints" / "method.done.pt").write_bytes(b"")
    capsys.readouterr()
    assert _run(plugin, tmp_path) == straight
    assert "method.done.pt is damaged" in capsys.readouterr().err
    assert _epochs(tmp_path) == _epochs(straight_dir)


def test_a_row_logged_again_replaces_the_first(tmp_path):
    ctx = Runner(tmp_path, seed=0, device="cpu", progress=False)
    ctx.log("s", epoch=1, loss=2.0)
    ctx.log("s", epoch=2, loss=1.0)
    ctx.log("summary", accuracy=0.5)
    ctx.log("s", epoch=2, loss=0.5)
    ctx.log("summary", accuracy=0.75)
    assert _epochs(tmp_path) == [
        {"stage": "s", "epoch": 1, "loss": 2.0}, {"stage": "s", "epoch": 2, "loss": 0.5}, {"stage": "summary", "accuracy": 0.75}]


def test_a_non_finite_evaluation_ends_the_stage_as_diverged(tmp_path):
    model = torch.nn.Linear(12, 3)
    task = Task(model, lambda x, y: LossOutput(torch.nn.functional.cross_entropy(model(x.flatten(1)), y), model(x.flatten(1))))
    images = torch.randint(0, 255, (20, 3, 2, 2), dtype=torch.uint8)
    labels = torch.arange(20) % 3
    scores = iter([{"test_loss": 1.0}, {"test_loss": float("nan"), "ece": float("inf")}])
    ctx = Runner(tmp_path, seed=0, device="cpu", progress=False)
    with pytest.raises(NonFiniteLoss) as info:
        ctx.fit("s", task, images, labels, OptimConfig(batch_size=10, epochs=3), evaluate=lambda: next(scores))
    text = str(info.value)
    assert "training diverged: test_loss = nan, ece = inf in stage s, evaluation after epoch 2 (global step 4)" in text
    assert "\n" not in text
    assert [row["epoch"] for row in _epochs(tmp_path)] == [1]  # the diverged epoch is not recorded as a result
