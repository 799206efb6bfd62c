"""The embedded shapes data, label noise, subsets, and the real torchvision loaders on format-true files."""

from __future__ import annotations

import pickle
import struct

import numpy as np
import pytest
import torch

from paperkit.config import DataConfig
from paperkit.training.data import SHAPE_CLASSES, class_hue, load_data, make_shapes, noisy_labels
from paperkit.errors import NotFoundError, UsageError

torch.set_num_threads(1)
SMALL = DataConfig(train_size=200, test_size=100)


def test_shapes_are_uint8_balanced_and_deterministic():
    a_x, a_y = make_shapes(60, size=24, difficulty=0.7, seed=3)
    b_x, b_y = make_shapes(60, size=24, difficulty=0.7, seed=3)
    assert a_x.dtype == torch.uint8 and a_x.shape == (60, 3, 24, 24)
    assert torch.equal(a_x, b_x) and torch.equal(a_y, b_y)
    assert torch.bincount(a_y, minlength=10).tolist() == [6] * 10
    other, _ = make_shapes(60, size=24, difficulty=0.7, seed=4)
    assert not torch.equal(a_x, other)


def test_difficulty_adds_clutter_and_is_range_checked():
    easy, _ = make_shapes(100, difficulty=0.0, seed=0)
    hard, _ = make_shapes(100, difficulty=1.0, seed=0)
    # Neighbouring-pixel differences measure texture, noise and clutter.
    def roughness(x):
        x = x.float()
        return (x[..., 1:] - x[..., :-1]).abs().mean().item()

    assert roughness(hard) > 1.5 * roughness(easy)
    with pytest.raises(UsageError, match="difficulty"):
        make_shapes(10, difficulty=1.5)


def test_colour_is_predictable_from_the_class():
    """At difficulty 0 the saturated pixels (the object) have the class's hue (matplotlib's HSV as reference)."""
    from matplotlib.colors import rgb_to_hsv

    images, labels = make_shapes(50, difficulty=0.0, seed=1)
    hsv = rgb_to_hsv(images.permute(0, 2, 3, 1).numpy() / 255.0)
    for image, label in zip(hsv, labels.tolist()):
        object_hues = image[..., 0][image[..., 1] > 0.6]
        assert len(object_hues) > 10
        angle = np.angle(np.exp(2j * np.pi * object_hues).mean()) / (2 * np.pi) % 1.0
        distance = min(abs(angle - class_hue(label)), 1 - abs(angle - class_hue(label)))
        assert distance < 0.05, (label, angle)


def test_load_data_bundle_on_device_with_class_names():
    bundle = load_data(SMALL, "cpu", seed=0)
    assert bundle.train_images.shape == (200, 3, 32, 32) and bundle.test_images.shape == (100, 3, 32, 32)
    assert bundle.class_names == SHAPE_CLASSES and bundle.num_classes == 10 and bundle.channels == 3
    assert bundle.train_labels.dtype == torch.int64
    # The images do not depend on the run's seed: seeds share their test set.
    assert torch.equal(load_data(SMALL, "cpu", seed=5).test_images, bundle.test_images)


def test_label_noise_is_exact_fixed_per_seed_and_keeps_clean_labels():
    cfg = DataConfig(train_size=200, test_size=100, label_noise=0.4)
    a = load_data(cfg, "cpu", seed=1)
    b = load_data(cfg, "cpu", seed=1)
    c = load_data(cfg, "cpu", seed=2)
    changed = (a.train_labels != a.clean_train_labels).sum().item()
    assert changed == 80
    assert torch.equal(a.noisy_mask, a.train_labels != a.clean_train_labels)
    assert torch.equal(a.train_labels, b.train_labels)
    assert not torch.equal(a.train_labels, c.train_labels)
    assert torch.equal(a.test_labels, load_data(SMALL, "cpu", 0).test_labels)  # test labels stay clean


def test_noisy_labels_against_a_plain_loop():
    labels = torch.arange(50) % 5
    noisy = noisy_labels(labels, 0.3, 5, seed=9)
    moved = [i for i in range(50) if noisy[i] != labels[i]]
    assert len(moved) == 15
    assert all(0 <= int(noisy[i]) < 5 for i in range(50))


def test_train_fraction_is_class_balanced():
    bundle = load_data(DataConfig(train_size=200, test_size=50, train_fraction=0.1), "cpu", seed=0)
    assert torch.bincount(bundle.train_labels, minlength=10).tolist() == [2] * 10
    with pytest.raises(UsageError, match="train_fraction"):
        load_data(DataConfig(train_size=200, test_size=50, train_fraction=0.0), "cpu", seed=0)


# ---- real datasets, through the torchvision loaders, on files written here ------------------


def _write_cifar10(root, n=20):
    folder = root / "cifar-10-batches-py"
    folder.mkdir(parents=True)
    rng = np.random.default_rng(0)
    names = [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]
    for name in names:
        entry = {"data": rng.integers(0, 256, (n, 3072), dtype=np.uint8), "labels": list(rng.integers(0, 10, n))}
        (folder / name).write_bytes(pickle.dumps(entry))
    meta = {"label_names": ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]}
    (folder / "batches.meta").write_bytes(pickle.dumps(meta))
    return folder


def _idx(array: np.ndarray) -> bytes:
    codes = {1: 0x0801, 3: 0x0803}
    header = struct.pack(">I", codes[array.ndim]) + b"".join(struct.pack(">I", d) for d in array.shape)
    return header + array.astype(np.uint8).tobytes()


def test_cifar10_pickle_batches_load(tmp_path):
    folder = _write_cifar10(tmp_path)
    first = pickle.loads((folder / "data_batch_1").read_bytes())
    bundle = load_data(DataConfig(dataset="cifar10", data_dir=str(tmp_path)), "cpu", seed=0)
    assert bundle.train_images.shape == (100, 3, 32, 32) and bundle.test_images.shape == (20, 3, 32, 32)
    assert bundle.class_names[0] == "airplane"
    # CIFAR rows are channel-major 32x32 planes.
    assert torch.equal(bundle.train_images[0], torch.from_numpy(first["data"][0].reshape(3, 32, 32)))
    assert bundle.train_labels[:20].tolist() == [int(v) for v in first["labels"]]


def test_mnist_idx_files_load_and_resize(tmp_path):
    raw = tmp_path / "MNIST" / "raw"
    raw.mkdir(parents=True)
    rng = np.random.default_rng(1)
    for prefix, n in (("train", 30), ("t10k", 10)):
        (raw / f"{prefix}-images-idx3-ubyte").write_bytes(_idx(rng.integers(0, 256, (n, 28, 28))))
        (raw / f"{prefix}-labels-idx1-ubyte").write_bytes(_idx(np.arange(n) % 10))
    bundle = load_data(DataConfig(dataset="mnist", data_dir=str(tmp_path), image_size=28), "cpu", seed=0)
    assert bundle.train_images.shape == (30, 1, 28, 28) and bundle.channels == 1
    assert bundle.test_labels.tolist() == list(range(10))
    resized = load_data(DataConfig(dataset="mnist", data_dir=str(tmp_path)), "cpu", seed=0)
    assert resized.train_images.shape == (30, 1, 32, 32) and resized.train_images.dtype == torch.uint8


def test_imagefolder_of_pngs(tmp_path):
    from PIL import Image

    for split, n in (("train", 3), ("test", 2)):
        for cls, colour in (("cats", (255, 0, 0)), ("dogs", (0, 0, 255))):
            folder = tmp_path / split / cls
            folder.mkdir(parents=True)
            for i in range(n):
                Image.new("RGB", (40, 48), colour).save(folder / f"{i}.png")
    bundle = load_data(DataConfig(dataset="imagefolder", data_dir=str(tmp_path), image_size=16), "cpu", seed=0)
    assert bundle.class_names == ("cats", "dogs")
    assert bundle.train_images.shape == (6, 3, 16, 16)
    assert bundle.train_images[bundle.train_labels == 0][:, 0].float().mean() == 255


@pytest.mark.parametrize("dataset", ["cifar10", "cifar100", "mnist", "fashion-mnist", "stl10", "pets", "imagefolder"])
def test_missing_dataset_is_one_clear_line(tmp_path, dataset):
    with pytest.raises(NotFoundError) as info:
        load_data(DataConfig(dataset=dataset, data_dir=str(tmp_path)), "cpu", seed=0)
    text = str(info.value)
    assert "\n" not in text and str(tmp_path) in text and dataset in text


def test_unknown_dataset():
    with pytest.raises(UsageError, match="unknown dataset"):
        load_data(DataConfig(dataset="imagenet"), "cpu", 0)
