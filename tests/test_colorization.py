"""The colorization reproduction: colour science and objectives against independent references."""

from __future__ import annotations

import math

import pytest

torch = pytest.importorskip("torch")

from reproductions.colorization import experiment, method  # noqa: E402


@pytest.fixture(autouse=True)
def _few_threads():
    # One thread: on a shared, oversubscribed CPU two threads per process ran several times slower.
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)


def _pixels(rgb):
    return torch.tensor(rgb, dtype=torch.float64).view(-1, 3, 1, 1)


# ----------------------------------------------------------------------------- Lab


def test_lab_matches_published_reference_values():
    # CIE L*a*b* (D65) of the sRGB primaries, as tabulated by colour-science references.
    rgb = _pixels([[1, 1, 1], [0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [0.5, 0.5, 0.5]])
    expected = torch.tensor(
        [
            [100.0, 0.0, 0.0],
            [0.0, 0.0, 0.0],
            [53.24, 80.09, 67.20],
            [87.73, -86.18, 83.18],
            [32.30, 79.19, -107.86],
            [53.39, 0.0, 0.0],
        ],
        dtype=torch.float64,
    )
    got = method.rgb_to_lab(rgb)[:, :, 0, 0]
    assert torch.allclose(got, expected, atol=0.01)


def test_lab_round_trip_on_a_batch():
    gen = torch.Generator().manual_seed(0)
    rgb = torch.rand(4, 3, 8, 8, generator=gen)
    back = method.lab_to_rgb(method.rgb_to_lab(rgb))
    assert back.shape == rgb.shape
    assert (back - rgb).abs().max() < 1e-4
    # Dark colours go through the linear toe of both curves.
    dark = torch.rand(2, 3, 4, 4, generator=gen, dtype=torch.float64) * 0.03
    assert (method.lab_to_rgb(method.rgb_to_lab(dark)) - dark).abs().max() < 1e-10


def test_out_of_gamut_lab_is_clipped_for_display():
    rgb = method.lab_to_rgb(torch.tensor([[[[50.0]], [[120.0]], [[-120.0]]]]))
    assert rgb.min() >= 0.0 and rgb.max() <= 1.0


# ----------------------------------------------------------------------------- ab bins


def test_in_gamut_bins_hold_every_srgb_colour_and_only_reachable_bins():
    bins = method.in_gamut_bins(10.0)
    assert 200 < len(bins) < 400  # the paper's own procedure gives 313
    assert torch.equal(bins, torch.round(bins / 10.0) * 10.0)
    # Independent check 1: random sRGB colours all quantize into a kept bin.
    gen = torch.Generator().manual_seed(1)
    colours = torch.rand(20000, 3, 1, 1, generator=gen, dtype=torch.float64)
    cells = {tuple(c) for c in (torch.round(method.rgb_to_lab(colours)[:, 1:, 0, 0] / 10.0) * 10.0).tolist()}
    kept = {tuple(c) for c in bins.double().tolist()}
    assert cells <= kept
    # Independent check 2: a bin whose centre is itself an sRGB colour must be kept.
    centres = {tuple(c) for c in method.bin_centres_in_gamut(10.0).double().tolist()}
    assert centres <= kept
    # Grey (a = b = 0) is in, a far corner of the ab square is not.
    assert (0.0, 0.0) in kept and (-110.0, -110.0) not in kept


def test_a_margin_keeps_more_bins():
    assert len(method.in_gamut_bins(10.0, margin=5.0)) > len(method.in_gamut_bins(10.0))


def test_nearest_bin_matches_a_loop():
    bins = method.in_gamut_bins(10.0)
    gen = torch.Generator().manual_seed(2)
    ab = torch.randn(50, 2, generator=gen) * 40
    got = method.nearest_bin(ab, bins)
    for i in range(50):
        distances = [math.dist(ab[i].tolist(), b) for b in bins.tolist()]
        assert math.isclose(distances[int(got[i])], min(distances), rel_tol=1e-5)


# ----------------------------------------------------------------------------- soft encoding


@pytest.mark.parametrize("neighbours", [5, 10])
def test_soft_encoding_sums_to_one_on_the_nearest_bins(neighbours):
    bins = method.in_gamut_bins(10.0)
    gen = torch.Generator().manual_seed(3)
    ab = torch.randn(40, 2, generator=gen) * 30
    z = method.soft_encode(ab, bins, neighbours=neighbours, sigma=5.0)
    assert torch.allclose(z.sum(dim=1), torch.ones(40), atol=1e-6)
    for i in range(40):
        distances = sorted((math.dist(ab[i].tolist(), b), q) for q, b in enumerate(bins.tolist()))
        nearest = [q for _, q in distances[:neighbours]]
        assert set(torch.nonzero(z[i]).squeeze(1).tolist()) <= set(nearest)
        kernel = [math.exp(-(d**2) / (2 * 25.0)) for d, _ in distances[:neighbours]]
        for (d, q), k in zip(distances[:neighbours], kernel):
            assert math.isclose(float(z[i, q]), k / sum(kernel), abs_tol=1e-5)


def test_soft_encoding_keeps_the_batch_shape():
    bins = method.in_gamut_bins(10.0)
    z = method.soft_encode(torch.zeros(2, 3, 4, 2), bins)
    assert z.shape == (2, 3, 4, len(bins))


# ----------------------------------------------------------------------------- rebalancing


def _loop_smoothed(prior, bins, sigma):
    q = len(bins)
    out = []
    for i in range(q):
        out.append(sum(prior[j] * math.exp(-math.dist(bins[i], bins[j]) ** 2 / (2 * sigma**2)) for j in range(q)))
    total = sum(out)
    return [x / total for x in out]


def test_rebalancing_weights_have_unit_expectation_under_the_smoothed_prior():
    bins = method.in_gamut_bins(10.0)
    gen = torch.Generator().manual_seed(4)
    ab = torch.randn(3000, 2, generator=gen) * torch.tensor([8.0, 20.0])  # mostly greys, some colour
    p = method.empirical_prior(ab, bins)
    smoothed = method.smooth_prior(p, bins, sigma=5.0)
    expected = _loop_smoothed(p.tolist(), bins.tolist(), 5.0)
    assert torch.allclose(smoothed, torch.tensor(expected, dtype=torch.float64), atol=1e-9)
    w = method.rebalancing_weights(smoothed, lam=0.5)
    assert math.isclose(sum(pq * wq for pq, wq in zip(smoothed.tolist(), w.tolist())), 1.0, rel_tol=1e-9)
    # Rare colours weigh more than common ones.
    assert w[smoothed.argmin()] > w[smoothed.argmax()]
    # λ = 1 is the plain loss (all weights 1); λ = 0 is full inverse-frequency weighting.
    assert torch.allclose(method.rebalancing_weights(smoothed, lam=1.0), torch.ones_like(smoothed))
    inverse = method.rebalancing_weights(smoothed, lam=0.0)
    assert torch.allclose(inverse * smoothed, torch.full_like(smoothed, 1.0 / len(bins)))


def test_pixel_weight_is_the_weight_of_the_most_likely_bin():
    z = torch.tensor([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]]).T.unsqueeze(0)  # [1, Q=3, 2 pixels]
    v = method.pixel_weights(z, torch.tensor([1.0, 2.0, 3.0]), dim=1)
    assert v.tolist() == [[2.0, 1.0]]


# ----------------------------------------------------------------------------- decoding


def test_annealed_mean_interpolates_between_mode_and_mean():
    bins = method.in_gamut_bins(10.0)
    gen = torch.Generator().manual_seed(5)
    logits = torch.randn(3, len(bins), 2, 2, generator=gen) * 3
    mode = bins[logits.argmax(dim=1)].movedim(-1, 1)
    assert torch.allclose(method.annealed_mean(logits, bins, temperature=1e-4), mode, atol=1e-3)
    probs = torch.softmax(logits, dim=1)
    for b in range(3):
        for h in range(2):
            for w in range(2):
                mean = [sum(float(probs[b, q, h, w]) * bins[q, k].item() for q in range(len(bins))) for k in (0, 1)]
                got = method.annealed_mean(logits, bins, temperature=1.0)[b, :, h, w]
                assert torch.allclose(got, torch.tensor(mean), atol=1e-4)
    # T = 0.38 lies in between: further from the mean than T = 1, closer than the mode.
    annealed = method.annealed_mean(logits, bins, temperature=0.38)
    mean = method.annealed_mean(logits, bins, temperature=1.0)
    assert (annealed - mean).norm() < (mode - mean).norm()


# ----------------------------------------------------------------------------- AuC


def _loop_auc(distances, weights, max_t=150):
    total = sum(weights)
    curve = [sum(w for d, w in zip(distances, weights) if d <= t) / total for t in range(max_t + 1)]
    return sum((curve[t] + curve[t + 1]) / 2 for t in range(max_t)) / max_t


def test_auc_matches_a_plain_loop():
    gen = torch.Generator().manual_seed(6)
    pred = torch.randn(2, 2, 5, 5, generator=gen) * 40
    true = torch.randn(2, 2, 5, 5, generator=gen) * 40
    bins = method.in_gamut_bins(10.0)
    got = experiment.raw_accuracy_auc(pred, true, bins)
    distances = (pred - true).norm(dim=1).reshape(-1).tolist()
    assert math.isclose(got["auc"], 100 * _loop_auc(distances, [1.0] * len(distances)), rel_tol=1e-9)
    classes = method.nearest_bin(true.movedim(1, -1), bins).reshape(-1).tolist()
    weights = [1.0 / classes.count(c) for c in classes]
    assert math.isclose(got["auc_rebal"], 100 * _loop_auc(distances, weights), rel_tol=1e-9)


def test_perfect_prediction_has_full_auc():
    true = torch.randn(1, 2, 4, 4) * 30
    got = experiment.raw_accuracy_auc(true.clone(), true, method.in_gamut_bins(10.0))
    assert got["auc"] == pytest.approx(100.0) and got["auc_rebal"] == pytest.approx(100.0)


# ----------------------------------------------------------------------------- objectives


def test_classification_loss_matches_a_slow_reference():
    bins = method.in_gamut_bins(10.0)
    gen = torch.Generator().manual_seed(7)
    logits = torch.randn(2, len(bins), 3, 3, generator=gen)
    ab = torch.randn(2, 2, 3, 3, generator=gen) * 30
    weights = torch.rand(len(bins), generator=gen, dtype=torch.float64) + 0.5
    loss, entropy = method.classification_loss(logits, ab, bins, weights, neighbours=5, sigma=5.0)
    total_ce, total_h = 0.0, 0.0
    for b in range(2):
        for h in range(3):
            for w in range(3):
                point = ab[b, :, h, w].tolist()
                ranked = sorted((math.dist(point, c), q) for q, c in enumerate(bins.tolist()))[:5]
                kernel = [math.exp(-(d**2) / 50.0) for d, _ in ranked]
                z = {q: k / sum(kernel) for (_, q), k in zip(ranked, kernel)}
                v = float(weights[max(z, key=z.get)])
                log_norm = math.log(sum(math.exp(x) for x in logits[b, :, h, w].tolist()))
                total_ce += -v * sum(zq * (float(logits[b, q, h, w]) - log_norm) for q, zq in z.items())
                total_h += -v * sum(zq * math.log(zq) for zq in z.values())
    assert math.isclose(float(loss), (total_ce - total_h) / 18, rel_tol=1e-4)
    assert math.isclose(float(entropy), total_h / 18, rel_tol=1e-4)


def test_classification_loss_reaches_zero_at_the_target():
    bins = method.in_gamut_bins(10.0)
    ab = torch.randn(1, 2, 2, 2) * 30
    target = method.soft_encode(ab.movedim(1, -1), bins).movedim(-1, 1)
    loss, _ = method.classification_loss(torch.log(target.clamp(min=1e-12)), ab, bins, None)
    assert float(loss) == pytest.approx(0.0, abs=1e-6)


def test_l2_loss_matches_a_loop():
    gen = torch.Generator().manual_seed(8)
    pred = torch.randn(2, 2, 3, 3, generator=gen)
    ab = torch.randn(2, 2, 3, 3, generator=gen) * 50
    reference = sum(
        0.5 * sum((float(ab[b, k, h, w]) / method.AB_SCALE - float(pred[b, k, h, w])) ** 2 for k in (0, 1))
        for b in range(2)
        for h in range(3)
        for w in range(3)
    )
    assert math.isclose(float(method.l2_loss(pred, ab)), reference / 18, rel_tol=1e-5)


# ----------------------------------------------------------------------------- through the framework


@pytest.fixture
def runner(tmp_path):
    from paperkit.training.runner import Runner

    return Runner(tmp_path / "run", seed=0, device="cpu", progress=False)


@pytest.mark.slow
@pytest.mark.parametrize("arm", ["method", "baseline"])
def test_overfit_check_passes_on_32_examples(arm, runner):
    from paperkit.training.overfit import run_overfit
    from reproductions.colorization.plugin import Colorization

    plugin = Colorization()
    report = run_overfit(plugin, plugin.default_config(), arm, runner, examples=32)
    assert report.examples == 32
    assert report.passed, report.failure
    assert report.curves["train"][-1] <= 0.05 < report.curves["train"][0]


@pytest.mark.parametrize("arm", ["method", "baseline"])
def test_initial_loss_is_checked_against_a_know_nothing_prediction_and_a_loud_head_fails(arm, runner):
    import math

    import torch
    import torch.nn.functional as F

    from paperkit.training.overfit import check_initial_loss
    from reproductions.colorization.method import AB_SCALE, pixel_weights, rgb_to_lab, soft_encode
    from reproductions.colorization.plugin import Colorization

    plugin = Colorization()
    config = plugin.overfit_config(plugin.default_config())
    data = runner.data(config.data)
    x, y = data.train_images[:8].float().div(255.0), data.train_labels[:8]
    torch.manual_seed(0)
    task = plugin.task(config, arm, data.num_classes, runner)
    ab = F.avg_pool2d(rgb_to_lab(x)[:, 1:], 4)
    pixels = [(i, h, w) for i in range(ab.shape[0]) for h in range(ab.shape[2]) for w in range(ab.shape[3])]
    if arm == "baseline":  # predicting grey (ab = 0): half the squared ab / AB_SCALE, pixel by pixel
        by_hand = sum(0.5 * float(((ab[i, :, h, w] / AB_SCALE) ** 2).sum()) for i, h, w in pixels) / len(pixels)
    else:  # uniform bins: v · (ln Q - H(Z)) at every pixel
        bins = experiment.ab_bins(config)
        _, weights = experiment.rebalancing(config, runner.data(experiment.pretext_data(config)).train_images)
        z = soft_encode(ab.movedim(1, -1), bins, config.neighbours, config.sigma)  # [B, h, w, Q]
        v = pixel_weights(z, weights, dim=-1)
        total = 0.0
        for i, h, w in pixels:
            p = z[i, h, w]
            entropy = -float(sum(q * math.log(q) for q in p.tolist() if q > 0))
            total += float(v[i, h, w]) * (math.log(len(bins)) - entropy)
        by_hand = total / len(pixels)
    assert task.expected_initial_loss(x, y) == pytest.approx(by_hand, rel=1e-4)
    healthy = check_initial_loss(task, x, y)
    assert healthy.passed and "expected" in healthy.detail
    with torch.no_grad():
        task.model.head[-1].weight.mul_(20)  # an output layer initialised far too large
    loud = check_initial_loss(task, x, y)
    assert not loud.passed and "output layer's scale" in loud.detail


def test_overfit_config_keeps_colour_images_and_drops_augmentation():
    from reproductions.colorization.plugin import Colorization

    plugin = Colorization()
    config = plugin.overfit_config(plugin.default_config())
    assert config.augment is False and config.data.train_fraction == 1.0


@pytest.mark.slow
def test_a_tiny_run_writes_the_grid_the_table_and_every_claimed_metric(runner):
    from paperkit.config import apply_overrides
    from reproductions.colorization.plugin import Colorization

    plugin = Colorization()
    tiny = {
        "data.train_size": 100, "data.test_size": 40, "data.train_fraction": 0.2, "width": 4, "examples": 3,
        "pretext.epochs": 1, "supervised.epochs": 1, "probe.epochs": 1, "finetune.epochs": 1,
        "probe.batch_size": 10, "finetune.batch_size": 10,
    }
    config = apply_overrides(plugin.default_config(), tiny)
    results = plugin.run(config, runner, ("baseline", "method"))
    for claim in plugin.claims:
        assert claim.metric in results["baseline"] and claim.metric in results["method"]
    assert 0.0 <= results["method"]["auc_rebal"] <= 100.0
    png = runner.run_dir / "colorizations.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    width, height = Image.open(png).size
    assert width > height / 3 * 4 * 0.9  # 4 columns (gray, two predictions, truth) for 3 rows
    table = (runner.run_dir / "downstream.md").read_text()
    assert "random initialisation" in table and "supervised" in table and "| colorization" in table
