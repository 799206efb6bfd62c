"""mixup: the loss against independent references, λ's distribution, ECE, the plugin's contract."""

from __future__ import annotations

import math

import pytest

torch = pytest.importorskip("torch")

from reproductions.mixup.experiment import PreActResNet, expected_calibration_error  # noqa: E402
from reproductions.mixup.method import (  # noqa: E402
    MixedBatch,
    expected_binary_entropy,
    mix,
    mix_batch,
    mixed_loss_floor,
    mixup_cross_entropy,
    sample_lambda,
    sample_lambdas,
)


def _soft_target_ce_loop(logits, labels_a, labels_b, lam):
    """Cross-entropy with explicit soft targets ỹ = λ·onehot(a) + (1 − λ)·onehot(b), one number at a time."""
    total = 0.0
    batch, classes = logits.shape
    for i in range(batch):
        row = [float(v) for v in logits[i]]
        top = max(row)
        log_norm = top + math.log(sum(math.exp(v - top) for v in row))
        for c in range(classes):
            target = lam * (c == int(labels_a[i])) + (1 - lam) * (c == int(labels_b[i]))
            total -= target * (row[c] - log_norm)
    return total / batch


def _small_model(classes=5):
    torch.manual_seed(0)
    return PreActResNet((8, 16), (1, 1), classes, 3).eval()  # eval: batch statistics play no part


def test_alpha_zero_is_exactly_the_erm_loss():
    model = _small_model()
    x = torch.rand(16, 3, 16, 16)
    y = torch.randint(0, 5, (16,))
    batch = mix_batch(x, y, alpha=0.0)
    assert batch.lam == 1.0 and torch.equal(batch.inputs, x)
    erm = torch.nn.functional.cross_entropy(model(x), y)
    assert torch.equal(mixup_cross_entropy(model(batch.inputs), batch), erm)


def test_alpha_to_zero_tends_to_the_erm_loss():
    # Beta(α, α) with tiny α puts λ at ≈0 or ≈1: the batch, or the same batch permuted, whose mean CE is the same
    model = _small_model()
    x = torch.rand(16, 3, 16, 16)
    y = torch.randint(0, 5, (16,))
    with torch.no_grad():
        erm = float(torch.nn.functional.cross_entropy(model(x), y))
    torch.manual_seed(1)
    for _ in range(10):
        batch = mix_batch(x, y, alpha=1e-3)
        assert min(batch.lam, 1 - batch.lam) < 1e-3
        with torch.no_grad():
            mixed = float(mixup_cross_entropy(model(batch.inputs), batch))
        assert mixed == pytest.approx(erm, abs=1e-3)


@pytest.mark.parametrize("lam", [0.0, 0.13, 0.5, 0.91])
def test_mixed_loss_equals_cross_entropy_with_soft_mixed_targets(lam):
    gen = torch.Generator().manual_seed(3)
    logits = torch.randn(12, 7, generator=gen, dtype=torch.float64) * 3
    y = torch.randint(0, 7, (12,), generator=gen)
    perm = torch.randperm(12, generator=gen)
    batch = MixedBatch(torch.zeros(12), y, y[perm], lam)
    reference = _soft_target_ce_loop(logits, y, y[perm], lam)
    assert float(mixup_cross_entropy(logits, batch)) == pytest.approx(reference, rel=1e-10, abs=1e-12)


def test_mix_is_a_convex_combination_with_a_permutation_of_the_batch():
    x = torch.rand(10, 3, 4, 4, dtype=torch.float64)
    y = torch.arange(10)
    perm = torch.randperm(10)
    batch = mix(x, y, 0.3, perm)
    for i in range(10):
        assert torch.allclose(batch.inputs[i], 0.3 * x[i] + 0.7 * x[perm[i]])
    assert torch.equal(batch.targets_b, y[perm])
    assert torch.equal(batch.dominant_targets, y[perm])  # λ < 1/2: the partner dominates
    assert sorted(perm.tolist()) == list(range(10))


@pytest.mark.parametrize("alpha", [0.2, 1.0, 4.0])
def test_sampled_lambda_matches_beta_moments(alpha):
    torch.manual_seed(11)
    n = 20000
    draws = sample_lambdas(alpha, n)
    assert 0.0 <= sample_lambda(alpha) <= 1.0
    variance = 1.0 / (4.0 * (2.0 * alpha + 1.0))  # Var Beta(α, α) = α² / ((2α)²(2α + 1))
    assert float(draws.min()) >= 0.0 and float(draws.max()) <= 1.0
    assert abs(float(draws.mean()) - 0.5) < 5 * math.sqrt(variance / n)
    assert float(draws.var()) == pytest.approx(variance, rel=0.05)


def test_negative_alpha_is_rejected():
    with pytest.raises(ValueError, match="alpha"):
        sample_lambda(-0.1)
    assert sample_lambda(0.0) == 1.0


@pytest.mark.parametrize("alpha", [0.2, 1.0, 4.0])
def test_expected_binary_entropy_matches_numerical_integration(alpha):
    # midpoint rule on H(λ)·Beta(α, α) density, written out from the definitions
    steps = 20000
    log_norm = 2 * math.lgamma(alpha) - math.lgamma(2 * alpha)
    total = 0.0
    for k in range(steps):
        lam = (k + 0.5) / steps
        density = math.exp((alpha - 1) * (math.log(lam) + math.log(1 - lam)) - log_norm)
        entropy = -(lam * math.log(lam) + (1 - lam) * math.log(1 - lam))
        total += entropy * density / steps
    assert expected_binary_entropy(alpha) == pytest.approx(total, rel=2e-3)
    assert expected_binary_entropy(1.0) == pytest.approx(0.5)


def test_loss_floor_is_the_mean_entropy_of_the_mixed_targets():
    # The best any model can do on a mixed batch is predict ỹ itself; its CE is then H(ỹ).
    labels = torch.tensor([0, 0, 1, 1, 1, 2, 3, 3])
    alpha = 1.0
    torch.manual_seed(5)
    draws = []
    for _ in range(4000):
        batch = mix_batch(torch.zeros(8, 1), labels, alpha)
        optimum = torch.zeros(8, 4, dtype=torch.float64)
        optimum[torch.arange(8), batch.targets_a] += batch.lam
        optimum[torch.arange(8), batch.targets_b] += 1 - batch.lam
        draws.append(_soft_target_ce_loop(optimum.clamp_min(1e-300).log(), batch.targets_a, batch.targets_b, batch.lam))
    simulated = sum(draws) / len(draws)
    assert mixed_loss_floor(alpha, labels) == pytest.approx(simulated, rel=0.05)
    assert mixed_loss_floor(0.0, labels) == 0.0


def _ece_loop(logits, labels, bins):
    probs = torch.softmax(logits.double(), 1).tolist()
    groups = [[] for _ in range(bins)]
    for row, label in zip(probs, labels.tolist()):
        confidence = max(row)
        predicted = row.index(confidence)
        for m in range(bins):
            lo, hi = m / bins, (m + 1) / bins
            if lo < confidence <= hi:
                groups[m].append((confidence, predicted == label))
                break
    n = len(probs)
    return sum(
        len(g) / n * abs(sum(c for _, c in g) / len(g) - sum(p for p, _ in g) / len(g)) for g in groups if g
    )


@pytest.mark.parametrize("bins", [1, 10, 15])
def test_ece_matches_a_plain_loop(bins):
    gen = torch.Generator().manual_seed(7)
    logits = torch.randn(500, 6, generator=gen) * 2.5
    labels = torch.randint(0, 6, (500,), generator=gen)
    assert expected_calibration_error(logits, labels, bins) == pytest.approx(_ece_loop(logits, labels, bins), abs=1e-12)


def test_ece_of_confident_correct_predictions_is_zero_and_of_confident_wrong_ones_is_one():
    logits = torch.tensor([[50.0, 0.0], [0.0, 50.0]])
    assert expected_calibration_error(logits, torch.tensor([0, 1])) == pytest.approx(0.0, abs=1e-12)
    assert expected_calibration_error(logits, torch.tensor([1, 0])) == pytest.approx(1.0, abs=1e-12)


def test_preact_resnet18_has_the_paper_shape():
    from reproductions.mixup.experiment import preact_resnet18

    model = preact_resnet18(10)
    params = sum(p.numel() for p in model.parameters())
    assert 11.0e6 < params < 11.3e6  # PreAct ResNet-18 for CIFAR: ≈ 11.2 M parameters
    assert model(torch.zeros(2, 3, 32, 32)).shape == (2, 10)


# ---- the plugin ---------------------------------------------------------------------------------

TINY = {"data.train_size": 120, "data.test_size": 60, "data.image_size": 8, "model.widths": (4, 8),
        "model.blocks": (1, 1), "train.epochs": 2, "train.batch_size": 32, "train.milestones": (1,)}


def _plugin():
    from reproductions.mixup.plugin import MixupReproduction

    return MixupReproduction()


def test_config_has_a_mixup_alpha_and_the_paper_configs_apply():
    from paperkit.config import apply_overrides

    plugin = _plugin()
    config = apply_overrides(plugin.default_config(), {"mixup.alpha": "0.2"})
    assert config.mixup.alpha == 0.2
    cifar = apply_overrides(plugin.default_config(), plugin.paper_configs["cifar10"])
    assert (cifar.model.widths, cifar.model.blocks) == ((64, 128, 256, 512), (2, 2, 2, 2))
    assert (cifar.train.lr, cifar.train.weight_decay, cifar.train.epochs, cifar.train.milestones) == (0.1, 1e-4, 200, (100, 150))
    for overrides in plugin.paper_configs.values():
        apply_overrides(plugin.default_config(), overrides)


def test_the_baseline_arm_is_erm_and_the_method_declares_the_mixed_floor():
    from paperkit.config import apply_overrides
    from reproductions.mixup.experiment import build_task

    config = apply_overrides(_plugin().default_config(), {**TINY, "mixup.alpha": 1.0})
    torch.manual_seed(0)
    erm = build_task(config, "baseline", 10, None)
    erm.model.eval()
    x, y = torch.rand(6, 3, 8, 8), torch.randint(0, 10, (6,))
    assert torch.equal(erm.loss(x, y).loss, torch.nn.functional.cross_entropy(erm.model(x), y))
    assert erm.loss_floor == 0.0
    mixed = build_task(config, "method", 10, None)
    assert mixed.loss_floor == pytest.approx(0.5 * 0.9)  # E[H(λ)] = 1/2 nat at α = 1, labels differ w.p. 9/10


@pytest.mark.slow
@pytest.mark.parametrize("arm", ["baseline", "method"])
def test_overfit_check_passes_with_mixing_off_and_on(arm, tmp_path):
    from paperkit.config import apply_overrides
    from paperkit.training.overfit import run_overfit
    from paperkit.training.runner import Runner

    plugin = _plugin()
    config = apply_overrides(plugin.default_config(), {"data.train_size": 200, "data.test_size": 50})
    report = run_overfit(plugin, config, arm, Runner(tmp_path, seed=0, device="cpu", progress=False))
    assert report.passed, report.failure


@pytest.mark.slow
def test_a_tiny_run_reports_both_arms_and_the_noise_claim_keys(tmp_path):
    from paperkit.config import apply_overrides
    from paperkit.training.runner import Runner

    plugin = _plugin()
    config = apply_overrides(plugin.default_config(), TINY)
    results = plugin.run(config, Runner(tmp_path, seed=0, device="cpu", progress=False), ("baseline", "method"))
    for arm in ("baseline", "method"):
        metrics = results[arm]
        assert metrics["test_error"] == pytest.approx(100 - metrics["test_accuracy"])
        assert metrics["test_error_noisy"] == metrics["test_error"]  # default: 40 % label noise
        assert "test_error_clean" not in metrics and 0 <= metrics["ece"] <= 100
        assert 0 <= metrics["noisy_memorised"] <= 100
    assert (tmp_path / "test_error.png").stat().st_size > 0
