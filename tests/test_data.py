"""The embedded shapes data, label noise, subsets, and the real torchvision loaders on format-true files."""

from __future__ import annotations

import pickle
import struct

import numpy as np
import pytest
import torch

from paperkit.config import DataConfig
from paperkit.training.data import SHAPE_CLASSES, load_data, make_shapes, noisy_labels
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


def test_colour_is_independent_of_the_class():
    """At difficulty 0 each class's objects come in every hue (matplotlib's HSV as reference): colour gives no label away."""
    from matplotlib.colors import rgb_to_hsv

    images, labels = make_shapes(300, difficulty=0.0, seed=1)
    hsv = rgb_to_hsv(images.permute(0, 2, 3, 1).numpy() / 255.0)
    object_hue = np.array([np.angle(np.exp(2j * np.pi * image[..., 0][image[..., 1] > 0.6]).mean()) for image in hsv])
    for label in range(10):
        hues = object_hue[labels.numpy() == label]
        # Mean resultant length of the class's hues: 1 if they shared one hue, about 1/sqrt(30) if uniform.
        assert abs(np.exp(1j * hues).mean()) < 0.5, label
        assert len(np.unique(np.floor((hues % (2 * np.pi)) / (2 * np.pi) * 6))) >= 5  # at least five of six hue sectors


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


# ---- real images bundled with scikit-learn and scikit-image ---------------------------------


def test_digits_are_sklearns_images_in_a_fixed_stratified_split():
    from sklearn.datasets import load_digits

    bundle = load_data(DataConfig(dataset="digits", image_size=8), "cpu", seed=0)
    assert bundle.train_images.shape == (1257, 1, 8, 8) and bundle.test_images.shape == (540, 1, 8, 8)
    assert bundle.train_images.dtype == torch.uint8 and bundle.class_names == tuple("0123456789")
    counts = torch.bincount(bundle.test_labels, minlength=10)
    assert counts.min() >= 52 and counts.max() <= 56  # stratified: 30 % of each digit's ~180
    # Every image is one of scikit-learn's, with its label, scaled from 0..16 to 0..255; none in both splits.
    reference = load_digits()
    known = {(bytes(np.round(img * 255 / 16).astype(np.uint8).ravel()), int(y)) for img, y in zip(reference.images, reference.target)}
    train = {(bytes(x.numpy().ravel()), int(y)) for x, y in zip(bundle.train_images, bundle.train_labels)}
    test = {(bytes(x.numpy().ravel()), int(y)) for x, y in zip(bundle.test_images, bundle.test_labels)}
    assert train <= known and test <= known and len(train) + len(test) >= 1790  # a few digits are duplicates
    again = load_data(DataConfig(dataset="digits", image_size=16, label_noise=0.2), "cpu", seed=3)
    assert again.test_images.shape == (540, 1, 16, 16)  # upscaled to the config's size
    assert torch.equal(again.test_labels, bundle.test_labels) and again.noisy_mask.sum() == round(0.2 * 1257)


def test_photo_patches_are_labelled_by_photograph_and_test_pixels_never_train():
    bundle = load_data(DataConfig(dataset="photos", image_size=32), "cpu", seed=0)
    assert bundle.channels == 3 and bundle.image_size == 32 and bundle.num_classes == 8
    assert "astronaut" in bundle.class_names and "china" in bundle.class_names
    assert set(bundle.train_labels.tolist()) == set(bundle.test_labels.tolist()) == set(range(8))
    assert len(bundle.test_images) > 0.2 * (len(bundle.train_images) + len(bundle.test_images))
    assert torch.equal(load_data(DataConfig(dataset="photos", image_size=32), "cpu", seed=4).test_images, bundle.test_images)


def test_photo_blocks_keep_test_pixels_out_of_training():
    """A "photograph" whose pixels hold their own coordinates: the pixels test patches show, no training patch shows."""
    from paperkit.training.bundled import _blocks

    rows, cols = torch.meshgrid(torch.arange(72), torch.arange(100), indexing="ij")
    photo = torch.stack([rows, cols, torch.zeros_like(rows)]).to(torch.uint8)
    train, test = _blocks(photo, 8, torch.Generator().manual_seed(0))
    assert len(train) + len(test) == 4 * (72 // 16) * (100 // 16) and len(test) == 4 * round(0.25 * 24)

    def seen(patches):
        return {(int(r), int(c)) for p in patches for r, c in zip(p[0].ravel(), p[1].ravel())}

    assert seen(test) and not seen(test) & seen(train)
    assert all(p.shape == (3, 8, 8) for p in train + test)


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


def test_every_declared_dataset_has_a_loader():
    from paperkit.config import DATASET_NAMES
    from paperkit.training.data import BUNDLED_DATASETS, REAL_DATASETS

    assert set(DATASET_NAMES) == {"shapes", *BUNDLED_DATASETS, *REAL_DATASETS}
