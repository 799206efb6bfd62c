"""Batched augmentations: shapes, per-image statistics, and torchvision's semantics on simple cases."""

from __future__ import annotations

import colorsys

import pytest

torch = pytest.importorskip("torch")
TF = pytest.importorskip("torchvision.transforms.functional")

from paperkit.training import augment  # noqa: E402


def images(n=64, c=3, size=16, seed=0, dtype=torch.float32):
    gen = torch.Generator().manual_seed(seed)
    return torch.rand(n, c, size, size, generator=gen, dtype=dtype)


def gen(seed=1):
    return torch.Generator().manual_seed(seed)


# --- geometry -------------------------------------------------------------------------------


def test_flip_is_exact_and_happens_with_probability_p():
    x = images(2000, size=4)
    y = augment.horizontal_flip(x, 0.3, gen())
    flipped = (y == x.flip(-1)).flatten(1).all(1)
    kept = (y == x).flatten(1).all(1)
    assert bool((flipped | kept).all())
    assert abs(flipped.float().mean().item() - 0.3) < 0.04
    assert torch.equal(augment.horizontal_flip(x, 1.0, gen()), x.flip(-1))
    assert torch.equal(augment.horizontal_flip(x, 0.0, gen()), x)


def test_crop_with_padding_copies_a_window_of_the_zero_padded_image():
    x = images(200, size=8)
    y = augment.random_crop_with_padding(x, 2, gen())
    assert y.shape == x.shape
    padded = torch.nn.functional.pad(x, (2, 2, 2, 2))
    offsets = set()
    for i in range(len(x)):
        matches = [
            (dy, dx) for dy in range(5) for dx in range(5) if torch.equal(y[i], padded[i, :, dy : dy + 8, dx : dx + 8])
        ]
        assert matches, f"image {i} is not a window of its padded image"
        offsets.add(matches[0])
    assert len(offsets) > 20  # all 25 offsets are drawn; most appear in 200 draws


def test_resized_crop_matches_torchvision_without_antialias():
    x = images(3, size=16, dtype=torch.float64)
    boxes = [(2, 3, 8, 10), (0, 0, 16, 16), (5, 1, 11, 7)]
    top, left, h, w = (torch.tensor(col, dtype=torch.float64) for col in zip(*boxes))
    ours = augment.resized_crop(x, top, left, h, w, (24, 24))
    for i, (t, l, hh, ww) in enumerate(boxes):
        ref = TF.resized_crop(x[i], t, l, hh, ww, [24, 24], antialias=False)
        torch.testing.assert_close(ours[i], ref, atol=1e-6, rtol=0)


def test_resized_crop_of_the_whole_image_at_its_size_is_identity():
    x = images(4, size=12)
    whole = augment.resized_crop(x, 0, 0, 12, 12, (12, 12))
    torch.testing.assert_close(whole, x, atol=1e-6, rtol=0)


def test_random_resized_crop_boxes_respect_scale_and_shape():
    # A horizontal ramp: the output's first and last column values reveal the crop's left/right edges.
    n, size = 500, 32
    ramp = (torch.arange(size, dtype=torch.float64) + 0.5) / size
    x = ramp.expand(n, 3, size, size).clone()
    y = augment.random_resized_crop(x, 20, scale=(0.2, 1.0), gen=gen())
    assert y.shape == (n, 3, 20, 20)
    assert float(y.min()) >= 0 and float(y.max()) <= 1
    width_fraction = (y[:, 0, 0, -1] - y[:, 0, 0, 0]) * 20 / 19  # crop width / image width
    assert float(width_fraction.min()) > 0.2 * 3 / 4 - 0.05  # area >= 0.2 with ratio >= 3/4
    assert float(width_fraction.max()) <= 1 + 1e-6
    assert 0.4 < float(width_fraction.mean()) < 0.9
    # Same generator seed, same crops; another seed, other crops.
    assert torch.equal(y, augment.random_resized_crop(x, 20, gen=gen()))
    assert not torch.equal(y, augment.random_resized_crop(x, 20, gen=gen(2)))


def test_random_resized_crop_falls_back_to_a_centre_crop_when_nothing_fits():
    x = images(8, size=8)
    # An area larger than the image never fits: every image takes torchvision's fallback box.
    y = augment.random_resized_crop(x, 8, scale=(1.5, 2.0), gen=gen())
    torch.testing.assert_close(y, x, atol=1e-6, rtol=0)


# --- colour ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "ours, theirs, factor",
    [
        (augment.adjust_brightness, TF.adjust_brightness, 1.3),
        (augment.adjust_brightness, TF.adjust_brightness, 0.6),
        (augment.adjust_contrast, TF.adjust_contrast, 1.4),
        (augment.adjust_contrast, TF.adjust_contrast, 0.7),
        (augment.adjust_saturation, TF.adjust_saturation, 1.4),
        (augment.adjust_saturation, TF.adjust_saturation, 0.0),
        (augment.adjust_hue, TF.adjust_hue, 0.1),
        (augment.adjust_hue, TF.adjust_hue, -0.37),
    ],
)
def test_colour_ops_match_torchvision(ours, theirs, factor):
    x = images(3, size=8, dtype=torch.float64)
    out = ours(x, torch.full((3,), factor, dtype=torch.float64))
    for i in range(3):
        torch.testing.assert_close(out[i], theirs(x[i], factor), atol=1e-5, rtol=0)


def test_neutral_factors_are_identity():
    x = images(5, size=8, dtype=torch.float64)
    ones, zeros = torch.ones(5, dtype=torch.float64), torch.zeros(5, dtype=torch.float64)
    assert torch.equal(augment.adjust_brightness(x, ones), x)
    torch.testing.assert_close(augment.adjust_contrast(x, ones), x)
    torch.testing.assert_close(augment.adjust_saturation(x, ones), x)
    torch.testing.assert_close(augment.adjust_hue(x, zeros), x)


def test_hsv_conversion_agrees_with_colorsys_and_round_trips():
    x = images(2, size=6, dtype=torch.float64)
    x[0, :, 0, 0] = torch.tensor([0.5, 0.5, 0.5])  # grey: hue 0, saturation 0
    x[0, :, 0, 1] = 0.0  # black
    hsv = augment.rgb_to_hsv(x)
    for b, i, j in [(0, 0, 0), (0, 0, 1), (0, 3, 2), (1, 5, 5), (1, 2, 4)]:
        expected = colorsys.rgb_to_hsv(*x[b, :, i, j].tolist())
        assert hsv[b, :, i, j].tolist() == pytest.approx(expected, abs=1e-12)
    torch.testing.assert_close(augment.hsv_to_rgb(hsv), x)


def test_color_jitter_applies_with_probability_p_and_stays_in_range():
    x = images(1000, size=4)
    y = augment.color_jitter(x, 0.4, 0.4, 0.4, 0.1, p=0.8, gen=gen())
    changed = (y - x).abs().flatten(1).amax(1) > 1e-6
    assert abs(changed.float().mean().item() - 0.8) < 0.05
    assert float(y.min()) >= 0 and float(y.max()) <= 1
    assert torch.equal(augment.color_jitter(x, 0.4, 0.4, 0.4, 0.1, p=0.0, gen=gen()), x)


def test_color_jitter_brightness_only_draws_factors_from_the_torchvision_range():
    x = torch.full((2000, 3, 2, 2), 0.5)
    y = augment.color_jitter(x, brightness=0.4, contrast=0, saturation=0, hue=0, p=1.0, gen=gen())
    factor = y[:, 0, 0, 0] / 0.5
    assert float(factor.min()) >= 0.6 - 1e-6 and float(factor.max()) <= 1.4 + 1e-6
    assert abs(factor.mean().item() - 1.0) < 0.02
    assert abs(factor.std().item() - 0.8 / 12**0.5) < 0.02  # uniform on [0.6, 1.4]


def test_color_jitter_order_is_random_per_image():
    # Brightness then contrast differs from contrast then brightness once clamping bites,
    # so with per-image random order identical images with identical factors can differ.
    x = images(1, size=8).expand(400, -1, -1, -1).contiguous()
    y = augment.color_jitter(x, brightness=0.9, contrast=0.9, saturation=0, hue=0, p=1.0, gen=gen())
    assert y.shape == x.shape
    assert len({tuple(v) for v in y.flatten(1)[:, :4].tolist()}) > 300


def test_random_grayscale_copies_luma_to_every_channel():
    x = images(2000, size=4)
    y = augment.random_grayscale(x, 0.2, gen())
    grey = (y[:, 0] == y[:, 1]).flatten(1).all(1) & (y[:, 1] == y[:, 2]).flatten(1).all(1)
    assert abs(grey.float().mean().item() - 0.2) < 0.03
    i = int(torch.nonzero(grey)[0])
    torch.testing.assert_close(y[i], TF.rgb_to_grayscale(x[i], 3))
    assert torch.equal(y[~grey], x[~grey])


def test_single_channel_images_pass_through_colour_ops():
    x = images(8, c=1, size=8)
    y = augment.simclr_augment(x, gen(), size=8)
    assert y.shape == x.shape
    assert float(y.min()) >= 0 and float(y.max()) <= 1


# --- recipes ---------------------------------------------------------------------------------


def test_recipes_are_repeatable_from_the_generator_and_keep_shape():
    x = images(16, size=16)
    a = augment.simclr_augment(x, gen(5))
    b = augment.simclr_augment(x, gen(5))
    assert a.shape == x.shape and torch.equal(a, b)
    assert not torch.equal(a, augment.simclr_augment(x, gen(6)))
    s = augment.standard_augment(x, gen(5))
    assert s.shape == x.shape and torch.equal(s, augment.standard_augment(x, gen(5)))


def test_ops_refuse_uint8_images_with_a_clear_message():
    with pytest.raises(TypeError, match="float images"):
        augment.horizontal_flip(torch.zeros(2, 3, 4, 4, dtype=torch.uint8), 0.5, gen())
