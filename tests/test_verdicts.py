"""Claim verdicts: Welch's t-test against an independent slow computation, and the verdict rules."""

from __future__ import annotations

import math
import random

import pytest

from paperkit.training.verdicts import judge


def _welch_reference(a: list[float], b: list[float]) -> tuple[float, float]:
    """Welch's t of a − b and its two-sided p: Welch–Satterthwaite df, Student's t density integrated by Simpson's rule."""
    na, nb = len(a), len(b)
    ma, mb = sum(a) / na, sum(b) / nb
    va = sum((x - ma) ** 2 for x in a) / (na - 1)
    vb = sum((x - mb) ** 2 for x in b) / (nb - 1)
    se2 = va / na + vb / nb
    t = (ma - mb) / math.sqrt(se2)
    df = se2**2 / ((va / na) ** 2 / (na - 1) + (vb / nb) ** 2 / (nb - 1))
    const = math.gamma((df + 1) / 2) / (math.sqrt(df * math.pi) * math.gamma(df / 2))

    def density(x: float) -> float:
        return const * (1 + x * x / df) ** (-(df + 1) / 2)

    # P(|T| > |t|) = 1 - 2 * integral_0^|t| density; Simpson on a fine grid.
    steps = 20_000
    h = abs(t) / steps
    total = density(0) + density(abs(t)) + sum((4 if i % 2 else 2) * density(i * h) for i in range(1, steps))
    return t, 1 - 2 * total * h / 3


def test_welch_p_values_match_an_independent_computation():
    rng = random.Random(3)
    for _ in range(12):
        na, nb = rng.randint(2, 6), rng.randint(2, 6)
        method = [rng.gauss(1.0, rng.uniform(0.2, 2)) for _ in range(na)]
        baseline = [rng.gauss(0.0, rng.uniform(0.2, 2)) for _ in range(nb)]
        verdict = judge(baseline, method, higher_is_better=True)
        t, p = _welch_reference(method, baseline)
        assert verdict.t == pytest.approx(t, rel=1e-9)
        assert verdict.p_value == pytest.approx(p, abs=1e-6)
        expected = ("held" if t > 0 else "not held") if p < 0.05 else "inconclusive"
        assert verdict.verdict == expected


def test_the_verdict_rules():
    apart_low, apart_high = [1.0, 1.2, 0.9], [5.0, 5.3, 4.8]
    assert judge(apart_low, apart_high, higher_is_better=True).verdict == "held"
    assert judge(apart_low, apart_high, higher_is_better=False).verdict == "not held"  # a clear gap the wrong way
    assert judge(apart_high, apart_low, higher_is_better=False).verdict == "held"  # lower is better: an error falls
    noisy = judge([1.0, 3.0, 2.0], [2.5, 1.5, 3.5], higher_is_better=True)
    assert noisy.verdict == "inconclusive" and "within seed noise" in noisy.reason and noisy.p_value > 0.05
    one = judge([1.0], [9.0], higher_is_better=True)  # a huge gap, but one seed says nothing of the noise
    assert one.verdict == "inconclusive" and one.reason.startswith("1 seed") and one.p_value is None
    assert judge([], [1.0, 2.0], higher_is_better=True).verdict == "not measured"
    assert judge([2.0, 2.0], [3.0, 3.0], higher_is_better=True).verdict == "held"  # no noise at all: the gap decides
    assert judge([2.0, 2.0], [2.0, 2.0], higher_is_better=True).verdict == "inconclusive"
