"""Training throughput of the runner against the loop official repositories write, and overfit-check time.

Runner: `Runner.fit` on the whole training set held as one uint8 tensor, batches sliced from it
and augmented as batched tensor ops (`paperkit.training.augment.standard_augment`: random crop with 4 px
zero padding, horizontal flip), channels_last, checkpointing each epoch as it always does; on
CUDA it trains under bf16 autocast (its default there), on the CPU in fp32 unless asked for bf16.

Reference (the named alternative): a torchvision-style `Dataset` over an HWC uint8 array (as
`torchvision.datasets.CIFAR10` keeps it) returning PIL images through
`RandomCrop(32, padding=4) + RandomHorizontalFlip + ToTensor + Normalize`, a `DataLoader` with
shuffling, and a plain fp32 SGD loop. Both train the same model on the same images with the same
batch size and optimizer; repeats alternate between the two.

With a CUDA GPU a second section trains the mixup plugin's PreAct ResNet-18 on 50,000 images
(a CIFAR-10 epoch) both ways and reports the fraction of the GPU's bf16 peak the runner reaches:
FLOPs per example counted by `torch.utils.flop_counter` times examples per second, against a
bf16 matrix multiply timed in the same run and the datasheet figure.

The last figure is the wall time of `paperkit reproduce NAME --overfit` on a freshly scaffolded
plugin, in a new Python process (torch import included).

Run: `python -m benchmarks bench_runner` (`--device-only` skips the CPU and overfit parts).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

THREADS = 2  # intra-op threads for both loops on the CPU (the shared machine has 2 cores)
IMAGES = 1536  # training images on the CPU (embedded shapes data, 32 x 32 RGB): 12 steps an epoch
BATCH = 128
EPOCHS = 2  # per timed repeat
REPEATS = 3

GPU_IMAGES = 50_000  # one CIFAR-10-sized epoch
GPU_BATCH = 512
GPU_EPOCHS = 2  # per timed repeat, after one untimed epoch (cuDNN autotuning, allocator warm-up)
GPU_WORKERS = 8  # DataLoader workers for the reference on the GPU machine
# Dense bf16 tensor-core peaks from the vendors' datasheets (FLOP/s), matched on the device name, longest first.
DATASHEET_BF16 = {"H100 PCIe": 756e12, "H100": 989e12, "H200": 989e12, "A100": 312e12}
MEAN, STD = (0.5, 0.5, 0.5), (0.25, 0.25, 0.25)


def small_cnn(classes: int = 10):
    """The size of the CPU-default models of the built-in plugins: two convolutions with batch norm."""
    from torch import nn

    return nn.Sequential(
        nn.Conv2d(3, 16, 3, 1, 1, bias=False), nn.BatchNorm2d(16), nn.ReLU(inplace=True), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, 1, 1, bias=False), nn.BatchNorm2d(32), nn.ReLU(inplace=True),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, classes),
    )


def resnet_ish(width: int = 16, classes: int = 10):
    """A stem, two residual stages (the second strided), global pooling and a linear head."""
    from torch import nn

    class Block(nn.Module):
        def __init__(self, cin: int, cout: int, stride: int):
            super().__init__()
            self.body = nn.Sequential(
                nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
                nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout),
            )
            self.skip = nn.Identity() if stride == 1 and cin == cout else nn.Sequential(
                nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

        def forward(self, x):
            return (self.body(x) + self.skip(x)).relu()

    return nn.Sequential(
        nn.Conv2d(3, width, 3, 1, 1, bias=False), nn.BatchNorm2d(width), nn.ReLU(inplace=True),
        Block(width, width, 1), Block(width, 2 * width, 2),
        nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(2 * width, classes),
    )


class Clock:
    """Wall time, and CPU time of this process plus its reaped children (DataLoader workers).

    CPU time is the steadier figure on a shared machine: other jobs stretch the wall clock, not it.
    """

    def __init__(self, device: str = "cpu"):
        self.device = device

    def __enter__(self) -> "Clock":
        self._sync()
        self.wall, self.cpu = time.perf_counter(), _cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        self._sync()  # queued GPU work counts against the loop that queued it
        self.wall, self.cpu = time.perf_counter() - self.wall, _cpu() - self.cpu

    def _sync(self) -> None:
        if self.device.startswith("cuda"):
            import torch

            torch.cuda.synchronize()


def _cpu() -> float:
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _optimizer(model):
    import torch

    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)


# =====================================================================================
# The runner
# =====================================================================================


def preact_resnet18(classes: int = 10):
    """The mixup plugin's PreAct ResNet-18 at the paper's CIFAR width (11.2 M parameters)."""
    from reproductions.mixup.experiment import preact_resnet18 as build

    return build(classes)


MODELS = {"small CNN": small_cnn, "ResNet-style, width 16": resnet_ish, "PreAct ResNet-18": preact_resnet18}
CPU_MODELS = ("small CNN", "ResNet-style, width 16")


def runner_epochs(images, labels, model_name: str, *, device: str = "cpu", precision: str = "fp32",
                  epochs: int = EPOCHS, batch: int = BATCH) -> Clock:
    """Wall and CPU seconds for `epochs` epochs of `Runner.fit` (a fresh run folder, so nothing is resumed)."""
    import torch
    import torch.nn.functional as F

    from paperkit.training.augment import standard_augment
    from paperkit.config import OptimConfig
    from paperkit.training.plugin import LossOutput, Task
    from paperkit.training.runner import Runner

    torch.manual_seed(0)
    model = MODELS[model_name]()
    mean = torch.tensor(MEAN, device=device).view(1, 3, 1, 1)
    std = torch.tensor(STD, device=device).view(1, 3, 1, 1)

    def loss(x, y):
        logits = model((x - mean) / std)
        return LossOutput(F.cross_entropy(logits, y), logits)

    optim = OptimConfig(optimizer="sgd", lr=0.05, momentum=0.9, weight_decay=5e-4, batch_size=batch,
                        epochs=epochs, schedule="constant")
    images, labels = images.to(device), labels.to(device)  # what `load_data` does with a small dataset
    with tempfile.TemporaryDirectory() as folder:
        ctx = Runner(folder, seed=0, device=device, progress=False, precision=precision)
        with Clock(device) as clock:
            ctx.fit("bench", Task(model, loss), images, labels, optim, augment=standard_augment)
        return clock


# =====================================================================================
# The reference: Dataset + DataLoader + per-image PIL transforms
# =====================================================================================


class ArrayDataset:
    """What torchvision's CIFAR10 does: HWC uint8 array in memory, one PIL image per item."""

    def __init__(self, data, targets, transform):
        self.data, self.targets, self.transform = data, targets, transform

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, index: int):
        from PIL import Image

        return self.transform(Image.fromarray(self.data[index])), self.targets[index]


def reference_epochs(images, labels, model_name: str, workers: int, *, device: str = "cpu",
                     epochs: int = EPOCHS, batch: int = BATCH) -> Clock:
    import torch
    import torch.nn.functional as F
    from torch.utils.data import DataLoader
    from torchvision import transforms

    torch.manual_seed(0)
    model = MODELS[model_name]().to(device)
    optimizer = _optimizer(model)
    transform = transforms.Compose([
        transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip(),
        transforms.ToTensor(), transforms.Normalize(MEAN, STD),
    ])
    dataset = ArrayDataset(images.permute(0, 2, 3, 1).numpy(), labels.tolist(), transform)
    on_gpu = device.startswith("cuda")
    loader = DataLoader(dataset, batch_size=batch, shuffle=True, num_workers=workers, drop_last=True,
                        pin_memory=on_gpu, persistent_workers=False)
    model.train()
    with Clock(device) as clock:
        for _ in range(epochs):
            for x, y in loader:
                x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)
                loss = F.cross_entropy(model(x), y)
                optimizer.zero_grad(set_to_none=True)
                loss.backward()
                optimizer.step()
    return clock


# =====================================================================================
# Fraction of the GPU's peak
# =====================================================================================


def flops_per_example(model_name: str, device: str, batch: int = 64) -> float:
    """Forward + backward FLOPs of one training example, counted by torch's FLOP counter (convs, matmuls)."""
    import torch
    import torch.nn.functional as F
    from torch.utils.flop_counter import FlopCounterMode

    model = MODELS[model_name]().to(device)
    x = torch.rand(batch, 3, 32, 32, device=device)
    y = torch.zeros(batch, dtype=torch.long, device=device)
    with FlopCounterMode(display=False) as counter:
        F.cross_entropy(model(x), y).backward()
    return counter.get_total_flops() / batch


def matmul_bf16_flops(device: str, n: int = 8192, repeats: int = 20) -> float:
    """FLOP/s of an n x n x n bf16 matrix multiply: the ceiling this GPU reaches in practice."""
    import torch

    a = torch.randn(n, n, device=device, dtype=torch.bfloat16)
    b = torch.randn(n, n, device=device, dtype=torch.bfloat16)
    for _ in range(3):
        a @ b
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    start.record()
    for _ in range(repeats):
        a @ b
    end.record()
    torch.cuda.synchronize()
    return 2 * n**3 * repeats / (start.elapsed_time(end) / 1000)


def datasheet_bf16(name: str) -> float | None:
    for key in sorted(DATASHEET_BF16, key=len, reverse=True):
        if key in name:
            return DATASHEET_BF16[key]
    return None


def device_rows(device: str, images, labels, *, model_name: str = "PreAct ResNet-18", batch: int = GPU_BATCH,
                epochs: int = GPU_EPOCHS, repeats: int = REPEATS, workers: int = GPU_WORKERS) -> dict[str, float]:
    """Examples/s of the runner (its default precision on `device`, and fp32) and of the reference."""
    from functools import partial

    common = {"device": device, "batch": batch}
    runs = {
        "runner": partial(runner_epochs, images, labels, model_name, precision="auto", **common),
        "runner, fp32": partial(runner_epochs, images, labels, model_name, precision="fp32", **common),
        "reference": partial(reference_epochs, images, labels, model_name, workers, **common),
    }
    for run in runs.values():
        run(epochs=1)  # untimed
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            times[name].append(run(epochs=epochs).wall)
    examples = epochs * (len(images) // batch) * batch
    return {name: examples / statistics.median(ts) for name, ts in times.items()}


def device_section(device: str = "cuda") -> list[str]:
    import torch

    from paperkit.training.data import make_shapes

    name = torch.cuda.get_device_name(device)
    images, labels = make_shapes(GPU_IMAGES, size=32, difficulty=0.5, seed=1)
    rate = device_rows(device, images, labels)
    flops = flops_per_example("PreAct ResNet-18", device)
    measured_peak = matmul_bf16_flops(device)
    sheet = datasheet_bf16(name)
    achieved = flops * rate["runner"]
    lines = [
        f"### On the GPU: {name}",
        "",
        f"PreAct ResNet-18 (the mixup plugin's CIFAR model), {GPU_IMAGES:,} embedded-shapes images (32 x 32), batch "
        f"{GPU_BATCH}, SGD with momentum; median of {REPEATS} alternating repeats of {GPU_EPOCHS} epochs after one "
        f"untimed epoch. The reference uses {GPU_WORKERS} DataLoader workers, pinned memory and fp32.",
        "",
        "| loop | examples/s | vs reference |",
        "|---|---:|---:|",
        f"| runner (data on the GPU as uint8, batched augmentation, channels_last, bf16 autocast) | "
        f"{rate['runner']:,.0f} | {rate['runner'] / rate['reference']:.2f}x |",
        f"| runner, `--precision fp32` | {rate['runner, fp32']:,.0f} | {rate['runner, fp32'] / rate['reference']:.2f}x |",
        f"| reference (DataLoader + per-image PIL transforms, fp32) | {rate['reference']:,.0f} | 1.00x |",
        "",
        f"Work per training example (forward + backward, torch.utils.flop_counter): {flops / 1e9:.2f} GFLOP. "
        f"The runner sustains {achieved / 1e12:.1f} TFLOP/s: {achieved / measured_peak:.1%} of a bf16 "
        f"8192 x 8192 matrix multiply timed in the same run ({measured_peak / 1e12:.0f} TFLOP/s)"
        + (f" and {achieved / sheet:.1%} of the datasheet's dense bf16 peak ({sheet / 1e12:.0f} TFLOP/s)." if sheet
           else "; no datasheet peak is known for this device."),
    ]
    return lines


# =====================================================================================
# Overfit check, torch import included
# =====================================================================================


def overfit_seconds(extra: list[str]) -> float:
    """Wall time of `paperkit reproduce bench_plugin --overfit ...` in a new process."""
    from paperkit.training.scaffold import scaffold
    from paperkit.workspace import init_workspace

    with tempfile.TemporaryDirectory() as folder:
        workspace = init_workspace(Path(folder) / "ws")
        scaffold(workspace.reproductions_dir, "bench_plugin", "0000.00000")
        env = {**os.environ, "OMP_NUM_THREADS": str(THREADS)}
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "paperkit", "reproduce", "bench_plugin", "--overfit", *extra],
            cwd=workspace.root, env=env, capture_output=True, text=True,
        )
        elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"overfit check failed: {done.stderr.strip()[-500:]}")
    return elapsed


def cpu_has_bf16() -> bool:
    """Whether the processor has bf16 dot-product instructions (what makes CPU bf16 autocast pay)."""
    try:
        flags = Path("/proc/cpuinfo").read_text().split()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


def cpu_section() -> list[str]:
    import torch

    from paperkit.training.data import make_shapes

    load_before = os.getloadavg()[0]  # the benchmark loads the cores itself; what ran before it is what counts
    torch.set_num_threads(THREADS)
    images, labels = make_shapes(IMAGES, size=32, difficulty=0.5, seed=1)
    examples = EPOCHS * (IMAGES // BATCH) * BATCH
    loops = {
        "runner": lambda m: runner_epochs(images, labels, m),
        "runner, bf16": lambda m: runner_epochs(images, labels, m, precision="bf16"),
        "reference, 0 workers": lambda m: reference_epochs(images, labels, m, 0),
        "reference, 2 workers": lambda m: reference_epochs(images, labels, m, 2),
    }
    rows = []
    for model_name in CPU_MODELS:
        for loop in loops.values():  # untimed: one-time kernel set-up and imports
            loop(model_name)
        times: dict[str, list[Clock]] = {name: [] for name in loops}
        for _ in range(REPEATS):  # alternate, so load on the shared machine hits all alike
            for name, loop in loops.items():
                times[name].append(loop(model_name))
        rate = {name: examples / statistics.median(c.wall for c in ts) for name, ts in times.items()}
        cpu = {name: 1000 * statistics.median(c.cpu for c in ts) / examples for name, ts in times.items()}
        rows.append((model_name, rate, cpu))
        print(f"{model_name}: " + ", ".join(f"{k} {v:,.0f} ex/s, {cpu[k]:.2f} CPU-s/1000 ex" for k, v in rate.items()),
              flush=True)

    overfit = [overfit_seconds([]) for _ in range(REPEATS)]
    controls = [overfit_seconds(["--controls"]) for _ in range(REPEATS)]

    def best(values: dict[str, float], pick=max) -> float:
        return pick(values["reference, 0 workers"], values["reference, 2 workers"])

    lines = [
        f"CPU only, {THREADS} threads; median of {REPEATS} alternating repeats of {EPOCHS} epochs over "
        f"{IMAGES} embedded-shapes images (32 x 32), batch {BATCH}, SGD with momentum, the same model in every "
        "loop (a two-convolution CNN the size of the plugins' CPU defaults, and a ResNet-style CNN: stem and two "
        "residual stages with batch norm). The runner trains in fp32 by default on the CPU; the bf16 row is "
        f"`--precision bf16` (this processor {'has' if cpu_has_bf16() else 'lacks'} AVX512-BF16 or AMX instructions). "
        f"1-minute load average just before the run: {load_before:.1f} on {os.cpu_count()} cores "
        "(above ~0.5 other work was still running and timings are noisy).",
        "",
        "Throughput (wall clock):",
        "",
        "| model | runner (uint8 tensor, batched augmentation, channels_last, fp32) | runner, bf16 | "
        "reference, DataLoader 0 workers | reference, DataLoader 2 workers | runner / best reference | "
        "runner bf16 / best reference |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for model_name, rate, cpu in rows:
        n = sum(p.numel() for p in MODELS[model_name]().parameters())
        lines.append(
            f"| {model_name} ({n / 1e3:.1f} k parameters) | {rate['runner']:,.0f} ex/s | {rate['runner, bf16']:,.0f} ex/s | "
            f"{rate['reference, 0 workers']:,.0f} ex/s | {rate['reference, 2 workers']:,.0f} ex/s | "
            f"**{rate['runner'] / best(rate):.2f}x** | {rate['runner, bf16'] / best(rate):.2f}x |"
        )
    lines += [
        "",
        "CPU time (this process plus DataLoader workers; steadier than the wall clock on a shared machine):",
        "",
        "| model | runner | runner, bf16 | reference, 0 workers | reference, 2 workers | least reference CPU / runner CPU |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for model_name, rate, cpu in rows:
        lines.append(
            f"| {model_name} | {cpu['runner']:.2f} CPU-s / 1000 ex | {cpu['runner, bf16']:.2f} | "
            f"{cpu['reference, 0 workers']:.2f} | {cpu['reference, 2 workers']:.2f} | {best(cpu, min) / cpu['runner']:.2f}x |"
        )
    lines += [
        "",
        "The reference is `Dataset.__getitem__` → `PIL.Image.fromarray` → `RandomCrop(32, padding=4)` → "
        "`RandomHorizontalFlip` → `ToTensor` → `Normalize`, batched by a shuffling `DataLoader`, as the "
        "official CIFAR training scripts do, with contiguous (NCHW) tensors. The runner's time includes its "
        "per-epoch checkpoint. Its gain has two sources: the data path (no per-image work), which matters "
        "most for small models, and channels_last, in which oneDNN's convolutions are faster, which matters "
        "as the model's own compute grows.",
        "",
        "| overfit check of a freshly scaffolded plugin (new process, torch import included) | median wall time |",
        "|---|---:|",
        f"| `paperkit reproduce NAME --overfit` (both arms, K = 32) | {statistics.median(overfit):.1f} s |",
        f"| `paperkit reproduce NAME --overfit --controls` | {statistics.median(controls):.1f} s |",
        "",
        "On a CUDA machine `python -m benchmarks bench_runner --device-only` writes the GPU section "
        "(throughput and fraction of peak); until a session with a GPU runs it, there is none.",
    ]
    return lines


def main() -> None:
    import torch

    from benchmarks._report import update_section

    if "--device-only" not in sys.argv:
        body = "\n".join(cpu_section())
        print(body)
        update_section("runner", "Reproduction runner: training throughput and overfit-check time",
                       "python -m benchmarks bench_runner", body)
    if torch.cuda.is_available():
        body = "\n".join(device_section("cuda"))
        print(body)
        update_section("runner-gpu", "Reproduction runner on a GPU: throughput and fraction of peak",
                       "python -m benchmarks bench_runner --device-only", body)
    else:
        print("no CUDA GPU: the GPU section of docs/BENCHMARKS.md is left as it was")


if __name__ == "__main__":
    main()
