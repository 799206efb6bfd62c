"""The runner benchmark's measuring code, run small on the CPU so its GPU section works the first time it meets a GPU.

No timing is asserted: only that every loop trains and the FLOP count matches the closed form.
"""

from __future__ import annotations

from benchmarks import bench_runner as bench


def test_flops_per_example_match_the_closed_form_of_the_small_cnn():
    conv1 = 2 * 3 * 16 * 9 * 32 * 32  # multiply-adds of a 3x3 convolution, 3 -> 16 channels at 32 x 32
    conv2 = 2 * 16 * 32 * 9 * 16 * 16  # after 2x2 max pooling
    head = 2 * 32 * 10
    # Backward costs two forwards (input and weight gradients), one for the first layer: its input needs none.
    assert bench.flops_per_example("small CNN", "cpu", batch=4) == 2 * conv1 + 3 * (conv2 + head)


def test_every_loop_of_the_device_comparison_trains():
    from paperkit.training.data import make_shapes

    images, labels = make_shapes(64, size=32, seed=0)
    rates = bench.device_rows("cpu", images, labels, model_name="small CNN", batch=16, epochs=1, repeats=1, workers=0)
    assert set(rates) == {"runner", "runner, fp32", "reference"}
    assert all(rate > 0 for rate in rates.values())


def test_the_datasheet_peak_is_found_by_device_name():
    assert bench.datasheet_bf16("NVIDIA H100 PCIe") == 756e12
    assert bench.datasheet_bf16("NVIDIA H200") == bench.datasheet_bf16("NVIDIA H100 80GB HBM3") == 989e12
    assert bench.datasheet_bf16("NVIDIA GeForce GTX 1080") is None
