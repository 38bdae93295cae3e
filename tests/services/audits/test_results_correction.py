"""The audit results view corrects its ▲/▼ for the number of comparisons shown at once (issue
17): twenty standards each barely different between two units are no longer twenty changes."""

from __future__ import annotations

from datetime import date

from auditdesk.domain.statistics import Proportion, two_proportion_test
from auditdesk.services.audits.results import ResultsQuery, ResultsReport, StandardRow


def report(rows: list[StandardRow], months: list[str] | None = None) -> ResultsReport:
    query = ResultsQuery("tk", date(2026, 1, 1), date(2026, 12, 31))
    return ResultsReport(query, "TK", 0, None, [], months or [], rows)


def test_barely_different_standards_are_not_flagged_after_holm() -> None:
    weak = {1: Proportion(60, 100), 2: Proportion(45, 100)}  # p ≈ 0.034 alone
    assert two_proportion_test(weak[1], weak[2]).significant  # type: ignore[union-attr]
    strong = {1: Proportion(90, 100), 2: Proportion(40, 100)}
    rows = [
        StandardRow(f"i{n}", "item", "s", f"item {n}", Proportion(105, 200), by_unit=dict(weak))
        for n in range(20)
    ]
    rows.append(StandardRow("x", "item", "s", "x", Proportion(130, 200), by_unit=strong))
    tests = report(rows).unit_comparisons(1, 2)
    assert [k for k, t in tests.items() if t is not None and t.significant] == ["x"]
    assert all(t is not None and not t.significant for k, t in tests.items() if k != "x")


def test_month_changes_are_corrected_together() -> None:
    by_month = {"2026-01": Proportion(45, 100), "2026-02": Proportion(60, 100)}
    rows = [
        StandardRow(f"s{n}", "section", f"s{n}", f"s{n}", Proportion(105, 200), by_month=by_month)
        for n in range(10)
    ]
    changes = report(rows, ["2026-01", "2026-02"]).month_changes()
    assert changes[("s0", "2026-01")] is None
    assert not any(c is not None and c.significant for c in changes.values())
