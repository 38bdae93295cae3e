"""Holm and Benjamini–Hochberg against known adjusted p-values (R: p.adjust(p, "holm"/"BH"))."""

from __future__ import annotations

import pytest

from auditdesk.domain.multiple_testing import (
    Correction,
    benjamini_hochberg,
    holm,
    significant_after_correction,
)

# the example of R's p.adjust help page, rounded as R prints them
P: list[float] = [0.01, 0.02, 0.03, 0.04, 0.05]


def test_holm_matches_known_values() -> None:
    # p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "holm") = 0.05 0.08 0.09 0.09 0.09
    assert holm(P) == pytest.approx([0.05, 0.08, 0.09, 0.09, 0.09])
    # order kept: p.adjust(c(0.04, 0.001, 0.03), "holm") = 0.06 0.003 0.06
    assert holm([0.04, 0.001, 0.03]) == pytest.approx([0.06, 0.003, 0.06])


def test_benjamini_hochberg_matches_known_values() -> None:
    # p.adjust(c(0.01, 0.02, 0.03, 0.04, 0.05), "BH") = 0.05 0.05 0.05 0.05 0.05
    assert benjamini_hochberg(P) == pytest.approx([0.05] * 5)
    # p.adjust(c(0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205), "BH")
    p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205]
    assert benjamini_hochberg(p) == pytest.approx(
        [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.08457143, 0.205]
    )


def test_twenty_cells_at_004_are_not_twenty_changes() -> None:
    p: list[float | None] = [*([0.04] * 20), 0.0001, None]
    alone = [x is not None and x < 0.05 for x in p]
    assert sum(alone) == 21  # each tested alone at 5 %
    assert significant_after_correction(p, Correction.HOLM) == [False] * 20 + [True, False]
    # BH controls the share of false flags: twenty cells all at 0.04 do stay (q = 0.04), but
    # one 0.03 among nineteen unchanged cells does not (q = 0.03 · 21 / 2)
    assert significant_after_correction(p, Correction.BH) == [True] * 21 + [False]
    scattered: list[float | None] = [0.03, *([0.5] * 19), 0.0001]
    assert significant_after_correction(scattered, Correction.BH) == [False] * 20 + [True]
    eligible = [True] * 20 + [False, True]  # too small a sample is never flagged
    assert not any(significant_after_correction(p, Correction.HOLM, eligible=eligible))
