"""Batched tensor augmentation (paperkit.training.augment) vs torchvision's per-image transforms.

Both produce one SimCLR/SupCon view (resized crop 0.2-1, flip, colour jitter 0.4/0.4/0.4/0.1
with p = 0.8, grayscale p = 0.2) of a batch of float CIFAR-sized images; torchvision's
transforms are applied image by image, as a Dataset's __getitem__ would. One intra-op thread,
best of a few repeats, CPU time (the machine may be shared).
"""

from __future__ import annotations

import time


def _best_cpu_seconds(fn, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    import torch
    from torchvision.transforms import v2

    from benchmarks._report import update_section
    from paperkit.training import augment

    torch.set_num_threads(1)
    rows = []
    for batch in (128, 512):
        x = torch.rand(batch, 3, 32, 32)
        gen = torch.Generator().manual_seed(0)
        per_image = v2.Compose([
            v2.RandomResizedCrop(32, scale=(0.2, 1.0), antialias=False),
            v2.RandomHorizontalFlip(),
            v2.RandomApply([v2.ColorJitter(0.4, 0.4, 0.4, 0.1)], p=0.8),
            v2.RandomGrayscale(p=0.2),
        ])
        ours = _best_cpu_seconds(lambda: augment.simclr_augment(x, gen))
        theirs = _best_cpu_seconds(lambda: torch.stack([per_image(img) for img in x]))
        rows.append((batch, ours, theirs))
        print(f"batch {batch}: batched {ours * 1e3:.1f} ms, per-image torchvision {theirs * 1e3:.1f} ms, "
              f"x{theirs / ours:.1f}")
    body = "\n".join(
        ["One SimCLR view of a batch of 3x32x32 float images on the CPU, one thread, CPU time (best of 3).",
         "", "| batch | paperkit.training.augment (batched) | torchvision v2, per image | speed-up |", "|---|---|---|---|"]
        + [f"| {b} | {o * 1e3:.1f} ms | {t * 1e3:.1f} ms | x{t / o:.1f} |" for b, o, t in rows]
    )
    title = "Batched augmentation vs per-image torchvision"
    update_section("augment", title, "python -m benchmarks bench_augment", body)


if __name__ == "__main__":
    main()
