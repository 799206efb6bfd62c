"""Lottery tickets: pruning rates, masks that stay exactly zero, reset bit for bit, sparsity bookkeeping."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

from reproductions.lottery_ticket.experiment import build_model  # noqa: E402
from reproductions.lottery_ticket.method import (  # noqa: E402
    MaskedTraining,
    apply_mask,
    dense_mask,
    layer_rates,
    prunable_names,
    prune_global,
    prune_layerwise,
    random_mask_like,
    reset_to,
    snapshot,
    sparsity_report,
)


def _lenet(seed=0, classes=10):
    torch.manual_seed(seed)
    return build_model("lenet300_100", 1, 8, classes, hidden=(40, 20))


def _conv(seed=0):
    torch.manual_seed(seed)
    return build_model("conv2", 3, 8, 5, hidden=(16, 16))


def test_prunable_layers_are_conv_and_linear_weights_and_the_last_is_the_output():
    model = _conv()
    assert prunable_names(model) == [
        "features.0.weight", "features.2.weight", "hidden.0.weight", "hidden.1.weight", "output.weight"
    ]
    rates = layer_rates(model, fc=0.2, conv=0.15, output=0.1)
    assert rates == {"features.0.weight": 0.15, "features.2.weight": 0.15, "hidden.0.weight": 0.2,
                     "hidden.1.weight": 0.2, "output.weight": 0.1}


def test_layerwise_pruning_removes_exact_fractions_of_remaining_weights_over_rounds():
    model = _lenet()
    weights = dict(model.named_parameters())
    rates = layer_rates(model, fc=0.2, conv=0.1, output=0.1)
    mask = dense_mask(model)
    for _ in range(5):
        before = {n: int(m.sum()) for n, m in mask.items()}
        new = prune_layerwise(weights, mask, rates)
        for name, kept in new.items():
            assert int(kept.sum()) == before[name] - round(rates[name] * before[name])
            assert not bool((kept & ~mask[name]).any())  # a pruned weight never comes back
        mask = new


def test_layerwise_pruning_removes_the_smallest_magnitudes_among_survivors():
    w = torch.tensor([[0.5, -0.1, 0.3], [-0.05, 0.9, -0.7]])
    mask = {"w": torch.tensor([[True, True, True], [False, True, True]])}
    new = prune_layerwise({"w": w}, mask, {"w": 0.4})  # 5 remaining → remove 2: |-0.1| and |0.3|
    assert new["w"].tolist() == [[True, False, False], [False, True, True]]


def test_global_pruning_uses_one_threshold_across_layers():
    weights = {"a": torch.tensor([0.1, 0.2, 0.9]), "b": torch.tensor([0.05, 0.8, 0.85, 0.3])}
    mask = {k: torch.ones_like(v, dtype=torch.bool) for k, v in weights.items()}
    new = prune_global(weights, mask, 3 / 7)
    assert new["a"].tolist() == [False, False, True]
    assert new["b"].tolist() == [False, True, True, True]


def test_random_mask_keeps_each_layers_count():
    model = _lenet()
    mask = prune_layerwise(dict(model.named_parameters()), dense_mask(model), layer_rates(model, fc=0.5, conv=0.1, output=0.3))
    rand = random_mask_like(mask, torch.Generator().manual_seed(1))
    for name in mask:
        assert int(rand[name].sum()) == int(mask[name].sum())
        assert not torch.equal(rand[name], mask[name])


def test_sparsity_report_sums_correctly():
    model = _conv()
    mask = dense_mask(model)
    for _ in range(3):
        mask = prune_layerwise(dict(model.named_parameters()), mask, layer_rates(model, fc=0.2, conv=0.1, output=0.1))
    report = sparsity_report(mask)
    params = dict(model.named_parameters())
    assert report.total == sum(params[n].numel() for n in prunable_names(model))
    assert report.remaining == sum(int(m.sum()) for m in mask.values())
    assert report.remaining == sum(layer.remaining for layer in report.layers)
    assert report.percent_remaining == pytest.approx(100 * report.remaining / report.total)
    assert report.layers[0].percent_remaining == pytest.approx(100 * 0.9**3, abs=0.5)


@pytest.mark.parametrize("optimizer", ["adam", "sgd-momentum", "adamw"])
def test_masked_weights_stay_exactly_zero_through_many_optimizer_steps(optimizer):
    model = _conv(seed=3)
    mask = prune_layerwise(dict(model.named_parameters()), dense_mask(model), layer_rates(model, fc=0.6, conv=0.5, output=0.4))
    masked = MaskedTraining(model, mask)
    if optimizer == "adam":
        opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    elif optimizer == "adamw":
        opt = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=0.1)
    else:
        opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
    gen = torch.Generator().manual_seed(0)
    params = dict(model.named_parameters())
    for _ in range(60):
        x = torch.randn(16, 3, 8, 8, generator=gen)
        y = torch.randint(0, 5, (16,), generator=gen)
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        opt.step()
        masked.after_step()
    for name, kept in mask.items():
        assert torch.count_nonzero(params[name][~kept]) == 0
        assert torch.count_nonzero(params[name][kept]) == int(kept.sum())  # survivors still train
        for value in opt.state[params[name]].values():  # momentum / Adam moments never hold pruned mass
            if torch.is_tensor(value) and value.shape == kept.shape:
                assert torch.count_nonzero(value[~kept]) == 0


def test_reset_restores_the_initial_values_bit_for_bit():
    model = _lenet(seed=4)
    theta0 = snapshot(model)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(5):
        opt.zero_grad()
        model(torch.randn(8, 1, 8, 8)).square().mean().backward()
        opt.step()
    mask = prune_layerwise(dict(model.named_parameters()), dense_mask(model), layer_rates(model, fc=0.2, conv=0.1, output=0.1))
    reset_to(model, theta0, mask)
    for name, value in model.state_dict().items():
        if name in mask:
            assert torch.equal(value, torch.where(mask[name], theta0[name], torch.zeros_like(value)))
        else:
            assert torch.equal(value, theta0[name])


def test_snapshot_is_a_copy_not_a_view():
    model = _lenet()
    saved = snapshot(model)
    apply_mask(model, {n: torch.zeros_like(m) for n, m in dense_mask(model).items()})
    assert any(torch.count_nonzero(v) for k, v in saved.items() if k.endswith("weight"))


def test_paper_architectures_have_the_paper_sizes():
    lenet = build_model("lenet300_100", 1, 28, 10)
    assert sum(p.numel() for n, p in lenet.named_parameters() if n in prunable_names(lenet)) == 266_200
    conv2 = build_model("conv2", 3, 32, 10)
    # Fig. 2: Conv-2 has 4.3 M weights (38 K convolutional)
    weights = {n: p.numel() for n, p in conv2.named_parameters() if n in prunable_names(conv2)}
    assert sum(v for n, v in weights.items() if n.startswith("features")) == 38_592
    assert 4.2e6 < sum(weights.values()) < 4.4e6


# ---- the plugin ---------------------------------------------------------------------------------

TINY = {"data.train_size": 150, "data.test_size": 60, "data.image_size": 8, "model.hidden": (32, 16),
        "train.epochs": 2, "pruning.rounds": 2, "pruning.fc_rate": 0.5, "pruning.output_rate": 0.25,
        "pruning.target_percent": 50.0, "validation_size": 30}


def _plugin():
    from reproductions.lottery_ticket.plugin import LotteryTicketReproduction

    return LotteryTicketReproduction()


def _config(**extra):
    from paperkit.config import apply_overrides

    return apply_overrides(_plugin().default_config(), {**TINY, **extra})


def test_the_sparse_build_task_masks_exactly_and_declares_masked_layers_exempt():
    from reproductions.lottery_ticket.experiment import build_task

    torch.manual_seed(0)
    task = build_task(_config(), "method", 10, None)
    assert task.exempt_parameters == {"hidden.0.weight", "hidden.1.weight", "output.weight"}
    x, y = torch.rand(8, 3, 8, 8), torch.randint(0, 10, (8,))
    task.loss(x, y).loss.backward()
    mask = {n: p != 0 for n, p in task.model.named_parameters() if n in task.exempt_parameters}
    for name, param in task.model.named_parameters():
        if name in mask:
            assert torch.count_nonzero(param.grad[~mask[name]]) == 0  # pruned: zero gradient
            assert torch.count_nonzero(param.grad[mask[name]]) > 0  # survivors: still learning
    assert build_task(_config(), "baseline", 10, None).exempt_parameters == frozenset()


@pytest.mark.slow
@pytest.mark.parametrize("arm", ["baseline", "method"])
def test_overfit_check_passes_dense_and_sparse(arm, tmp_path):
    from paperkit.training.overfit import run_overfit
    from paperkit.training.runner import Runner

    report = run_overfit(_plugin(), _config(**{"data.image_size": 16, "model.hidden": ()}), arm,
                         Runner(tmp_path, seed=0, device="cpu", progress=False))
    assert report.passed, report.failure


@pytest.mark.slow
def test_a_run_reports_rounds_and_resumes_from_its_saved_rounds(tmp_path):
    import json

    from paperkit.training.runner import Runner

    plugin, config = _plugin(), _config()
    first = plugin.run(config, Runner(tmp_path, seed=1, device="cpu", progress=False), ("baseline", "method"))
    rows = json.loads((tmp_path / "rounds.json").read_text())
    assert [(r["round"], r["variant"]) for r in rows] == [
        (0, "dense"), (1, "ticket"), (1, "reinit"), (1, "random_mask"), (2, "ticket"), (2, "reinit"), (2, "random_mask")]
    # 192·32, 32·16 and 16·10 weights; fully connected layers lose 1/2 per round, the output 1/4
    kept = [(3072 + 256 + 120), (1536 + 128 + 90)]
    assert [r["percent_remaining"] for r in rows if r["variant"] == "ticket"] == pytest.approx([100 * k / 6816 for k in kept])
    assert first["method"]["percent_remaining"] == rows[1]["percent_remaining"]  # nearest the 50 % target
    assert first["baseline"]["sparsest_test_accuracy"] == rows[5]["test_accuracy"]  # re-init at the sparsest round
    assert (tmp_path / "accuracy_vs_sparsity.png").stat().st_size > 0
    # A second pass over the same run folder loads every finished round instead of retraining it.
    (tmp_path / "checkpoints" / "round2-random_mask.done.pt").unlink()
    again = plugin.run(config, Runner(tmp_path, seed=1, device="cpu", progress=False), ("baseline", "method"))
    assert again == first


@pytest.mark.slow
def test_rewinding_to_iteration_k_trains(tmp_path):
    from paperkit.training.runner import Runner

    config = _config(**{"pruning.rewind_iteration": 2, "pruning.controls": False, "pruning.rounds": 1})
    result = _plugin().run(config, Runner(tmp_path, seed=0, device="cpu", progress=False), ("baseline", "method"))
    assert (tmp_path / "rewind_state.pt").exists() and "reinit_test_accuracy_at_target" not in result["method"]
