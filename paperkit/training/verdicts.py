"""A claim's verdict from per-seed measurements: held, not held, or inconclusive.

The gap between the arms is judged against the seed-to-seed noise with Welch's two-sided t-test
(unequal variances) at 5 %: a significant gap in the paper's direction is **held**, a
significant gap the other way is **not held**, anything else is **inconclusive**. One seed gives
no estimate of the noise, so it can only be "inconclusive (1 seed)". A claim that the run did
not measure (another dataset, a metric this setting does not produce) is "not measured".

Pure functions on lists of floats; scipy is imported inside `judge`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

ALPHA = 0.05  # two-sided significance level of the t-test
HELD, NOT_HELD, INCONCLUSIVE, NOT_MEASURED = "held", "not held", "inconclusive", "not measured"


@dataclass(frozen=True)
class Verdict:
    verdict: str  # HELD, NOT_HELD, INCONCLUSIVE or NOT_MEASURED
    reason: str  # one line: the test and its numbers, or why there is none
    t: float | None = None  # Welch's t of method − baseline
    p_value: float | None = None


def mean_std(values: list[float]) -> tuple[float, float]:
    """Mean and sample standard deviation (n − 1 in the denominator; 0 for one value)."""
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, 0.0
    return mean, math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))


def judge(baseline: list[float], method: list[float], higher_is_better: bool, alpha: float = ALPHA) -> Verdict:
    """The verdict on "method beats baseline" (higher or lower, as the paper says) from per-seed values."""
    if not baseline or not method:
        return Verdict(NOT_MEASURED, "this run did not measure it")
    if min(len(baseline), len(method)) < 2:
        return Verdict(INCONCLUSIVE, "1 seed: no estimate of seed noise")
    mean_b, sd_b = mean_std(baseline)
    mean_m, sd_m = mean_std(method)
    better = (mean_m > mean_b) if higher_is_better else (mean_m < mean_b)
    if sd_b == 0 and sd_m == 0:  # no seed noise at all (a deterministic metric): the gap decides alone
        if mean_m == mean_b:
            return Verdict(INCONCLUSIVE, "no gap, and no seed noise", 0.0, 1.0)
        t = math.copysign(math.inf, mean_m - mean_b)
        return Verdict(HELD if better else NOT_HELD, "a gap with no seed noise", t, 0.0)
    import warnings

    from scipy.stats import ttest_ind

    with warnings.catch_warnings():  # scipy warns when one arm's seeds agree exactly; its sd of 0 is right
        warnings.simplefilter("ignore", RuntimeWarning)
        test = ttest_ind(method, baseline, equal_var=False)
    t, p = float(test.statistic), float(test.pvalue)
    seeds = f"{len(baseline)} + {len(method)} seeds"
    if p >= alpha:
        return Verdict(INCONCLUSIVE, f"gap within seed noise (Welch t = {t:.2f}, p = {p:.2g}, {seeds})", t, p)
    reason = f"Welch t = {t:.2f}, p = {p:.2g}, {seeds}"
    return Verdict(HELD if better else NOT_HELD, reason, t, p)
