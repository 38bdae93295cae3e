"""Proportions with honest uncertainty: Wilson score intervals and the two-proportion z-test,
so that a result from three visits is not read like one from three hundred."""

from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959963984540054  # two-sided 95 %


@dataclass(frozen=True)
class Proportion:
    successes: int
    n: int

    @property
    def value(self) -> float | None:
        return None if self.n == 0 else self.successes / self.n

    @property
    def percent(self) -> float | None:
        v = self.value
        return None if v is None else 100.0 * v

    def wilson(self, z: float = Z95) -> tuple[float, float] | None:
        return wilson_interval(self.successes, self.n, z)


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """Wilson score interval (as fractions 0–1); None for n = 0."""
    if n <= 0:
        return None
    if not 0 <= successes <= n:
        raise ValueError(f"successes {successes} outside 0..{n}")
    p = successes / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    # exact ends: no successes means the lower bound is 0 (not 1e-18 from rounding), and so on
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


def _normal_sf(x: float) -> float:
    return 0.5 * math.erfc(x / math.sqrt(2))


@dataclass(frozen=True)
class Comparison:
    difference: float  # p_a − p_b as a fraction
    z: float
    p_value: float
    significant: bool


def two_proportion_test(a: Proportion, b: Proportion, alpha: float = 0.05) -> Comparison | None:
    """Pooled two-sided z-test of p_a = p_b. None when either sample is empty. Samples too small
    for the normal approximation (fewer than 5 expected successes or failures in either group)
    are never marked significant."""
    if a.n == 0 or b.n == 0:
        return None
    pa, pb = a.successes / a.n, b.successes / b.n
    pooled = (a.successes + b.successes) / (a.n + b.n)
    se = math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n))
    if se == 0:
        return Comparison(pa - pb, 0.0, 1.0, False)
    z = (pa - pb) / se
    p_value = 2 * _normal_sf(abs(z))
    large_enough = all(
        expected >= 5
        for expected in (a.n * pooled, a.n * (1 - pooled), b.n * pooled, b.n * (1 - pooled))
    )
    return Comparison(pa - pb, z, p_value, large_enough and p_value < alpha)
