"""Expected calibration error (Guo et al., ICML 2017, arXiv 1706.04599, § 2 "Expected Calibration Error").

Predictions are grouped into M equal-width confidence bins (lo, hi]; ECE is the example-weighted
mean gap between accuracy and mean confidence per bin: Σ_m |B_m|/n · |acc(B_m) − conf(B_m)|.
mixup is reported to reduce it (Thulasidasan et al., NeurIPS 2019, arXiv 1905.11001).
"""

from __future__ import annotations

import torch


def expected_calibration_error(logits: torch.Tensor, labels: torch.Tensor, bins: int = 15) -> float:
    """ECE of softmax(logits) against integer labels, as a fraction in [0, 1]."""
    probs = torch.softmax(logits.double(), dim=1)
    confidence, predicted = probs.max(dim=1)
    correct = (predicted == labels).double()
    edges = torch.linspace(0.0, 1.0, bins + 1, dtype=torch.float64, device=logits.device)
    # bucketize with right=False puts c in bin m when edges[m] < c <= edges[m+1]; clamp keeps c = 0 in bin 0
    which = (torch.bucketize(confidence, edges, right=False) - 1).clamp(0, bins - 1)
    count = torch.zeros(bins, dtype=torch.float64, device=logits.device).index_add_(0, which, torch.ones_like(confidence))
    conf_sum = torch.zeros_like(count).index_add_(0, which, confidence)
    acc_sum = torch.zeros_like(count).index_add_(0, which, correct)
    return float((acc_sum - conf_sum).abs().sum() / confidence.numel())
