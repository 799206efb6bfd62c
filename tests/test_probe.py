"""The engine's linear probe and classification tasks, against plain per-example loops."""

from __future__ import annotations

import math

import pytest

torch = pytest.importorskip("torch")
from torch import nn  # noqa: E402

from paperkit.training.overfit import check_gradients  # noqa: E402
from paperkit.training.plugin import LinearClassifier, classification_task, linear_classifier_task  # noqa: E402

FEATURES, CLASSES = 4, 3


def _encoder() -> nn.Module:
    """A feature map [B, 4, 4, 4] with batch norm, whose running statistics a frozen probe must keep."""
    torch.manual_seed(0)
    return nn.Sequential(nn.Conv2d(3, FEATURES, 3, stride=2, padding=1), nn.BatchNorm2d(FEATURES), nn.ReLU())


def _batch(n: int = 6):
    generator = torch.Generator().manual_seed(1)
    return torch.rand(n, 3, 8, 8, generator=generator), torch.randint(0, CLASSES, (n,), generator=generator)


def _logits_by_hand(encoder: nn.Module, fc: nn.Linear, x) -> list[list[float]]:
    """Image by image: the feature map averaged by a loop over positions, then Σ_j W_cj f_j + b_c."""
    rows = []
    with torch.no_grad():
        for i in range(len(x)):
            fmap = encoder(x[i : i + 1])[0]
            pooled = [sum(float(fmap[j, h, w]) for h in range(fmap.shape[1]) for w in range(fmap.shape[2]))
                      / (fmap.shape[1] * fmap.shape[2]) for j in range(fmap.shape[0])]
            rows.append([float(fc.bias[c]) + sum(float(fc.weight[c, j]) * pooled[j] for j in range(len(pooled)))
                         for c in range(fc.out_features)])
    return rows


def _cross_entropy_by_hand(logits: list[list[float]], labels) -> float:
    total = 0.0
    for row, label in zip(logits, labels.tolist()):
        total += math.log(sum(math.exp(v) for v in row)) - row[label]
    return total / len(logits)


def test_frozen_probe_keeps_the_encoders_statistics_and_matches_a_per_example_loop():
    encoder = _encoder()
    probe = LinearClassifier(encoder, CLASSES, features=FEATURES, frozen=True)
    before = {k: v.clone() for k, v in encoder.state_dict().items()}
    x, _ = _batch()
    probe.train()
    logits = probe(x)
    assert not encoder.training  # frozen: the encoder stays in eval mode while the probe trains
    for key, value in encoder.state_dict().items():
        assert torch.equal(value, before[key]), key  # batch-norm running statistics untouched
    encoder.eval()
    expected = _logits_by_hand(encoder, probe.fc, x)
    torch.testing.assert_close(logits.detach(), torch.tensor(expected), atol=1e-5, rtol=0)
    assert not logits.requires_grad or all(not p.requires_grad for p in encoder.parameters())


def test_probe_task_trains_only_the_linear_layer_with_the_closed_form_gradient():
    encoder = _encoder()
    task = linear_classifier_task(encoder, CLASSES, frozen=True, features=FEATURES, device="cpu")
    assert task.expected_initial_loss == pytest.approx(math.log(CLASSES))
    x, y = _batch()
    task.model.train()
    out = task.loss(x, y)
    encoder.eval()
    logits = _logits_by_hand(encoder, task.model.fc, x)
    assert float(out.loss.detach()) == pytest.approx(_cross_entropy_by_hand(logits, y), rel=1e-5)
    out.loss.backward()
    # d loss / d W_cj = (1/B) Σ_i (softmax_c(i) - [y_i = c]) f_j(i), with f(i) the pooled features.
    with torch.no_grad():
        pooled = encoder(x).mean(dim=(2, 3)).tolist()
    grad = [[0.0] * FEATURES for _ in range(CLASSES)]
    for row, feats, label in zip(logits, pooled, y.tolist()):
        norm = sum(math.exp(v) for v in row)
        for c in range(CLASSES):
            delta = math.exp(row[c]) / norm - (1.0 if c == label else 0.0)
            for j in range(FEATURES):
                grad[c][j] += delta * feats[j] / len(logits)
    torch.testing.assert_close(task.model.fc.weight.grad, torch.tensor(grad), atol=1e-6, rtol=0)
    assert all(p.grad is None for p in encoder.parameters())
    trained = {id(p) for p in task.parameters()}
    assert trained == {id(task.model.fc.weight), id(task.model.fc.bias)}
    assert check_gradients(task, x, y).passed  # the frozen encoder is declared exempt


def test_unfrozen_classifier_trains_the_encoder_too():
    encoder = _encoder()
    task = linear_classifier_task(encoder, CLASSES, frozen=False, features=FEATURES, device="cpu")
    assert task.parameters is None and not task.exempt_parameters
    x, y = _batch()
    task.model.train()
    task.loss(x, y).loss.backward()
    assert all(p.grad is not None and bool(p.grad.abs().sum() > 0) for p in encoder.parameters())
    assert encoder.training


def test_classification_task_is_cross_entropy_of_forward_with_initial_loss_ln_c():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 8 * 8, CLASSES))
    x, y = _batch()
    task = classification_task(model, CLASSES, forward=lambda images: model(2 * images - 1), has_accuracy=True)
    out = task.loss(x, y)
    with torch.no_grad():
        logits = model(2 * x - 1).tolist()
    torch.testing.assert_close(out.logits.detach(), torch.tensor(logits), atol=1e-6, rtol=0)
    assert float(out.loss.detach()) == pytest.approx(_cross_entropy_by_hand(logits, y), rel=1e-6)
    assert task.expected_initial_loss == pytest.approx(math.log(CLASSES))
