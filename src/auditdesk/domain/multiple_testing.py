"""Corrections for many comparisons made at once (docs/monitoring.md): a view that tests every
unit × method, or every standard, against the previous period would mark about one cell in
twenty as changed by chance alone. Holm (family-wise error, the default) and Benjamini–Hochberg
(false discovery rate) adjust the p-values; a change is flagged when its adjusted p < alpha."""

from __future__ import annotations

import enum
from collections.abc import Sequence


class Correction(enum.StrEnum):
    HOLM = "holm"
    BH = "bh"  # Benjamini–Hochberg
    NONE = "none"


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm–Bonferroni step-down adjusted p-values, in the input's order."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i])
    adjusted = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted


def benjamini_hochberg(p_values: Sequence[float]) -> list[float]:
    """Benjamini–Hochberg step-up adjusted p-values (q-values), in the input's order."""
    m = len(p_values)
    order = sorted(range(m), key=lambda i: p_values[i], reverse=True)
    adjusted = [0.0] * m
    running = 1.0
    for position, i in enumerate(order):
        rank = m - position  # 1-based rank in ascending order
        running = min(running, p_values[i] * m / rank)
        adjusted[i] = min(1.0, running)
    return adjusted


def adjust_p_values(p_values: Sequence[float], method: Correction = Correction.HOLM) -> list[float]:
    if method == Correction.HOLM:
        return holm(p_values)
    if method == Correction.BH:
        return benjamini_hochberg(p_values)
    return list(p_values)


def significant_after_correction(
    p_values: Sequence[float | None],
    method: Correction = Correction.HOLM,
    alpha: float = 0.05,
    eligible: Sequence[bool] | None = None,
) -> list[bool]:
    """Which comparisons stay significant once corrected for all the comparisons made (None:
    not tested, e.g. an empty sample; `eligible` False: too small to be flagged at all, though
    it still counts as a comparison made)."""
    tested = [i for i, p in enumerate(p_values) if p is not None]
    adjusted = adjust_p_values([float(p_values[i]) for i in tested], method)  # type: ignore[arg-type]
    out = [False] * len(p_values)
    for i, q in zip(tested, adjusted, strict=True):
        out[i] = q < alpha and (eligible is None or eligible[i])
    return out
