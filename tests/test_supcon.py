"""SupCon (2004.11362): the vectorised losses against plain per-anchor loops written here."""

from __future__ import annotations

import math

import pytest

torch = pytest.importorskip("torch")

from reproductions.supcon.method import collapsed_loss, loss_floor, supcon_loss  # noqa: E402


def random_features(n, views, dim=8, seed=0):
    gen = torch.Generator().manual_seed(seed)
    z = torch.randn(n, views, dim, generator=gen, dtype=torch.float64)
    return torch.nn.functional.normalize(z, dim=-1)


def flatten(features, labels):
    """A list of (vector, label, image id) per view, in no particular order."""
    n, v, _ = features.shape
    items = []
    for image in range(n):
        for view in range(v):
            label = None if labels is None else int(labels[image])
            items.append((features[image, view], label, image))
    return items


def reference_loss(features, labels, tau, variant):
    """Eq. 2 / Eq. 3 anchor by anchor, averaged over anchors that have a positive."""
    items = flatten(features, labels)
    per_anchor = []
    for i, (zi, yi, ii) in enumerate(items):
        others = [j for j in range(len(items)) if j != i]
        denominator = sum(math.exp(float(zi @ items[a][0]) / tau) for a in others)
        if labels is None:
            positives = [p for p in others if items[p][2] == ii]
        else:
            positives = [p for p in others if items[p][1] == yi]
        if not positives:
            continue
        probs = [math.exp(float(zi @ items[p][0]) / tau) / denominator for p in positives]
        if variant == "out":
            per_anchor.append(-sum(math.log(q) for q in probs) / len(positives))
        else:
            per_anchor.append(-math.log(sum(probs) / len(positives)))
    return sum(per_anchor) / len(per_anchor) if per_anchor else 0.0


def nt_xent(features, tau):
    """SimCLR's NT-Xent (its Eq. 1) for two views: cross-entropy of each view against its twin."""
    n = features.shape[0]
    z = torch.cat([features[:, 0], features[:, 1]])  # 2N, image k's twin at k±N
    sim = z @ z.T / tau
    sim.fill_diagonal_(-float("inf"))
    twin = torch.cat([torch.arange(n, 2 * n), torch.arange(n)])
    return torch.nn.functional.cross_entropy(sim, twin)


@pytest.mark.parametrize("variant", ["out", "in"])
@pytest.mark.parametrize("tau", [0.1, 0.5])
def test_vectorised_loss_equals_the_per_anchor_loop(variant, tau):
    features = random_features(9, 2, seed=1)
    labels = torch.tensor([0, 1, 2, 0, 1, 0, 3, 3, 4])  # class 2 and 4 have one image (two views)
    got = supcon_loss(features, labels, temperature=tau, variant=variant)
    assert float(got) == pytest.approx(reference_loss(features, labels, tau, variant), rel=1e-10)


@pytest.mark.parametrize("variant", ["out", "in"])
def test_single_view_classes_have_no_positive_and_give_no_nan(variant):
    features = random_features(7, 1, seed=2).requires_grad_()
    labels = torch.tensor([0, 0, 1, 2, 3, 3, 3])  # classes 1 and 2 appear once: anchors without positives
    loss = supcon_loss(features, labels, temperature=0.1, variant=variant)
    assert loss.item() == pytest.approx(reference_loss(features.detach(), labels, 0.1, variant), rel=1e-10)
    loss.backward()
    assert torch.isfinite(features.grad).all()


@pytest.mark.parametrize("variant", ["out", "in"])
def test_a_batch_without_any_positive_gives_zero_loss_and_zero_gradient(variant):
    features = random_features(4, 1, seed=3).requires_grad_()
    loss = supcon_loss(features, torch.arange(4), variant=variant)
    loss.backward()
    assert loss.item() == 0.0
    assert torch.equal(features.grad, torch.zeros_like(features))


def test_without_labels_it_is_simclr_nt_xent():
    features = random_features(6, 2, seed=4)
    for tau in (0.1, 0.5):
        got = supcon_loss(features, None, temperature=tau)
        assert float(got) == pytest.approx(float(nt_xent(features, tau)), rel=1e-10)
        assert float(got) == pytest.approx(reference_loss(features, None, tau, "out"), rel=1e-10)


def test_with_all_labels_distinct_supcon_equals_simclr():
    features = random_features(5, 2, seed=5)
    assert float(supcon_loss(features, torch.arange(5))) == pytest.approx(float(supcon_loss(features, None)))


def test_l_in_is_at_most_l_out_by_jensen():
    # log of a mean >= mean of logs, so L_in <= L_out, equal when positives are equally likely.
    features = random_features(10, 2, seed=6)
    labels = torch.tensor([0, 1, 0, 1, 0, 1, 2, 2, 2, 0])
    l_in = supcon_loss(features, labels, variant="in")
    l_out = supcon_loss(features, labels, variant="out")
    assert float(l_in) < float(l_out)


def test_base_temperature_rescales_by_tau_over_base():
    features = random_features(6, 2, seed=7)
    labels = torch.tensor([0, 1, 0, 1, 2, 2])
    plain = supcon_loss(features, labels, temperature=0.1)
    scaled = supcon_loss(features, labels, temperature=0.1, base_temperature=0.07)
    assert float(scaled) == pytest.approx(float(plain) * 0.1 / 0.07)


@pytest.mark.parametrize("variant", ["out", "in"])
@pytest.mark.parametrize("with_labels", [True, False])
def test_gradients_pass_gradcheck(variant, with_labels):
    raw = torch.randn(5, 2, 4, dtype=torch.float64, generator=torch.Generator().manual_seed(8), requires_grad=True)
    labels = torch.tensor([0, 1, 0, 2, 1]) if with_labels else None

    def f(x):
        # Normalisation inside, as the projection head does, so the check covers the sphere too.
        return supcon_loss(torch.nn.functional.normalize(x, dim=-1), labels, temperature=0.5, variant=variant)

    assert torch.autograd.gradcheck(f, (raw,))


def test_floor_is_reached_by_identical_views_with_far_apart_classes():
    # Two classes at opposite poles, every view of a class on its pole: only log|P(i)| is left.
    labels = torch.tensor([0, 0, 0, 1, 1])
    pole = torch.tensor([1.0, 0.0], dtype=torch.float64)
    features = torch.stack([pole if y == 0 else -pole for y in labels])[:, None, :].expand(5, 2, 2)
    expected = (6 * math.log(5) + 4 * math.log(3)) / 10
    assert loss_floor(labels, 2) == pytest.approx(expected)
    for variant in ("out", "in"):
        got = supcon_loss(features, labels, temperature=0.05, variant=variant)
        assert float(got) == pytest.approx(expected, abs=1e-9)
    assert loss_floor(labels, 2, temperature=0.1, base_temperature=0.07) == pytest.approx(expected / 0.7)
    assert loss_floor(None, 2) == 0.0


def test_collapsed_embeddings_give_log_of_the_other_anchors():
    features = torch.nn.functional.normalize(torch.ones(8, 2, 3, dtype=torch.float64), dim=-1)
    labels = torch.tensor([0, 1, 2, 3, 0, 1, 2, 3])
    for variant in ("out", "in"):
        assert float(supcon_loss(features, labels, variant=variant)) == pytest.approx(collapsed_loss(16))


# --- the plugin through the framework --------------------------------------------------------


@pytest.fixture
def one_thread():
    """Small convolutions on a shared CPU run faster on one intra-op thread than on two."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def _small_config(**changes):
    import dataclasses

    from reproductions.supcon.plugin import Config, SupConReproduction

    config = SupConReproduction().default_config()
    assert isinstance(config, Config)
    tiny = {"epochs": 1, "batch_size": 32, "warmup_epochs": 0.0}
    return dataclasses.replace(
        config,
        data=dataclasses.replace(config.data, dataset="shapes", train_size=64, test_size=40, image_size=16),
        pretrain=dataclasses.replace(config.pretrain, **tiny),
        linear=dataclasses.replace(config.linear, **tiny),
        ce=dataclasses.replace(config.ce, **tiny),
        model=dataclasses.replace(config.model, width=4),
        plot_points=40,
        **changes,
    )


def test_plugin_metadata_lists_without_torch_and_declares_the_paper():
    from reproductions.supcon.plugin import SupConReproduction

    assert SupConReproduction.name == "supcon" and SupConReproduction.papers == ("2004.11362",)
    metrics = {claim.metric for claim in SupConReproduction.claims}
    assert {"test_accuracy", "variant_accuracy", "simclr_vs_supcon_accuracy"} <= metrics
    cifar = SupConReproduction.paper_configs["cifar10"]
    assert cifar["pretrain.batch_size"] == 1024 and cifar["loss.temperature"] == 0.1
    assert cifar["model.encoder"] == "resnet50" and cifar["pretrain.epochs"] == 1000


def test_paper_configs_apply_cleanly():
    from paperkit.config import apply_overrides
    from reproductions.supcon.plugin import SupConReproduction

    plugin = SupConReproduction()
    for name, overrides in plugin.paper_configs.items():
        config = apply_overrides(plugin.default_config(), overrides)
        assert config.data.dataset.startswith("cifar"), name


def test_contrastive_task_accepts_stacked_views_and_plain_batches():
    from reproductions.supcon.experiment import build_task
    from reproductions.supcon.method import contrastive_views

    config = _small_config()

    class Ctx:
        device = torch.device("cpu")
        seed = 0

    torch.manual_seed(0)
    task = build_task(config, "method", 10, Ctx())
    x = torch.rand(6, 3, 16, 16)
    y = torch.tensor([0, 1, 0, 1, 2, 2])
    views = contrastive_views(2)(x, torch.Generator().manual_seed(0))
    assert views.shape == (12, 3, 16, 16)
    assert torch.isfinite(task.loss(views, y).loss)
    assert torch.isfinite(task.loss(x, y).loss)
    with pytest.raises(ValueError, match="expected 6 or 12 images"):
        task.loss(x[:5], y)
    assert not task.has_accuracy


def test_contrastive_floor_is_the_balanced_one_until_a_batch_tells_the_real_counts():
    from reproductions.supcon.experiment import build_task

    class Ctx:
        device = torch.device("cpu")
        seed = 0

    task = build_task(_small_config(), "method", 10, Ctx())
    assert task.loss_floor == pytest.approx(loss_floor(torch.arange(32) % 10, 2))
    unbalanced = torch.tensor([0, 0, 0, 0, 1, 2])
    task.loss(torch.rand(6, 3, 16, 16), unbalanced)
    assert task.loss_floor == pytest.approx(loss_floor(unbalanced, 2))
    assert task.loss_floor > loss_floor(torch.tensor([0, 0, 1, 1, 2, 2]), 2)  # balanced batches have the lowest floor


@pytest.mark.slow
def test_overfit_check_passes_for_both_arms(tmp_path, one_thread):
    import dataclasses

    from paperkit.training.overfit import run_overfit
    from paperkit.training.runner import Runner
    from reproductions.supcon.plugin import SupConReproduction

    plugin = SupConReproduction()
    config = plugin.default_config()
    # A narrower encoder on 16-pixel images: the check's logic is the same, at an eighth of the cost.
    config = dataclasses.replace(
        config,
        data=dataclasses.replace(config.data, dataset="shapes", train_size=100, test_size=20, image_size=16),
        model=dataclasses.replace(config.model, width=8),
    )
    ctx = Runner(tmp_path, seed=0, device="cpu", progress=False)
    for arm in ("method", "baseline"):
        # With controls: zeroed inputs must not be fitted, random labels must (their floor is higher).
        report = run_overfit(plugin, config, arm, ctx, examples=32, controls=True)
        assert report.passed, (arm, [c.detail for c in report.checks])


@pytest.mark.slow
def test_run_reports_accuracies_for_every_requested_comparison_and_a_plot(tmp_path, one_thread):
    from paperkit.training.runner import Runner
    from reproductions.supcon.plugin import SupConReproduction

    ctx = Runner(tmp_path, seed=0, device="cpu", progress=False)
    results = SupConReproduction().run(_small_config(simclr=True, compare_variants=True), ctx, ("baseline", "method"))
    for arm in ("baseline", "method"):
        for metric in ("test_accuracy", "probe_accuracy", "variant_accuracy", "simclr_vs_supcon_accuracy"):
            assert 0.0 <= results[arm][metric] <= 100.0, (arm, metric)
    # Method = SupCon everywhere it appears: the same probe accuracy under each comparison.
    assert results["method"]["variant_accuracy"] == results["method"]["test_accuracy"]
    assert results["method"]["simclr_vs_supcon_accuracy"] == results["method"]["test_accuracy"]
    assert (tmp_path / "embeddings_pca.png").read_bytes()[:4] == b"\x89PNG"
    import json

    stages = {json.loads(line)["stage"] for line in (tmp_path / "metrics.jsonl").read_text().splitlines()}
    assert {"supcon-pretrain", "supcon-linear", "supcon-in-pretrain", "simclr-pretrain", "ce", "ce-linear"} <= stages


def test_data_parallel_slicing_of_the_contrastive_batch_is_refused():
    from types import SimpleNamespace

    from paperkit.errors import UsageError
    from reproductions.supcon.experiment import run_experiment

    ctx = SimpleNamespace(distributed=SimpleNamespace(world_size=2, rank=0), device=torch.device("cpu"), seed=0)
    with pytest.raises(UsageError, match="whole batch"):
        run_experiment(_small_config(), ctx, ("baseline", "method"))


def test_label_keeping_views_never_mirror_a_digit_while_the_paper_recipe_does():
    from reproductions.supcon.method import contrastive_views

    x = torch.zeros(64, 1, 16, 16)
    x[..., :8] = 1.0  # bright left half: a flip puts it on the right
    gen = torch.Generator().manual_seed(0)

    def mirrored(views):
        return (views[..., 8:].mean(dim=(1, 2, 3)) > views[..., :8].mean(dim=(1, 2, 3))).sum().item()

    assert mirrored(contrastive_views(2, "label-keeping")(x, gen)) == 0
    assert mirrored(contrastive_views(2, "paper")(x, torch.Generator().manual_seed(0))) > 20
