"""Benchmark of the EZD case register: importing a year of 50,000 cases and the reports.

    python benchmarks/bench_cases.py [--cases 50000] [--db FILE]

Builds the demo office, writes a Windows-1250 CSV export of `--cases` cases across its units
(all categories, dates dd.mm.yyyy, some EZD due dates and suspensions, a tenth still open), and
times, through the same services the window and `auditdesk cases` use:
- the first import (reading, parsing, deadlines, bulk insert, one transaction);
- importing the same file again (found by its sha256: nothing to do);
- a newer export in which 2,000 open cases got settled (updates by sign);
- the per-unit × month timeliness report for the year, by JRWA class, the overdue list and
  the summary (each the median of 5 runs after one warm-up).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from auditdesk.services.context import Actor, AppContext
from auditdesk.services.demo import create_demo
from auditdesk.services.monitoring.cases import imports as cases_import
from auditdesk.services.monitoring.cases import reports as cases_reports
from auditdesk.store.migrate import open_database

UNITS = ["WKS", "WKS-DO", "WPN", "WAB", "USC", "BOK"]
KINDS = [
    ("5430", "bez zwłoki"),
    ("5311", "1 miesiąc"),
    ("6730", "2 miesiące"),
    ("3121", "odwołanie"),
    ("1510", "skarga"),
    ("6740", "szczególny"),
]
HEADER = [
    "Lp.",
    "Znak sprawy",
    "Tytuł sprawy",
    "Data wszczęcia",
    "Data zakończenia",
    "Kategoria",
    "Termin",
    "Zawieszona od",
    "Zawieszona do",
    "Prowadzący",
    "Uwagi",
]


def write_export(path: Path, n: int, settle_open: int = 0, seed: int = 7) -> None:
    """A register export of n cases in 2025; with settle_open, that many open cases settled."""
    rng = random.Random(seed)
    lines = [";".join(HEADER)]
    settled_now = 0
    for i in range(1, n + 1):
        unit = UNITS[i % len(UNITS)]
        jrwa, category = KINDS[rng.randrange(len(KINDS))]
        start = date(2025, 1, 1) + timedelta(days=rng.randrange(330))
        due = start + timedelta(days=45) if category == "szczególny" else None
        susp_from = susp_to = None
        if rng.random() < 0.03:
            susp_from = start + timedelta(days=5)
            susp_to = susp_from + timedelta(days=rng.randint(5, 40))
        settled: date | None = start + timedelta(days=rng.choice([0, 1, 3, 10, 20, 28, 35, 60, 75]))
        if rng.random() < 0.1:
            settled = None
            if settled_now < settle_open:
                settled = start + timedelta(days=40)
                settled_now += 1
        fields = [
            str(i),
            f"{unit}.{jrwa}.{i}.2025",
            f"Sprawa nr {i} – wniosek o wydanie zaświadczenia",
            start.strftime("%d.%m.%Y"),
            settled.strftime("%d.%m.%Y") if settled else "",
            category,
            due.strftime("%d.%m.%Y") if due else "",
            susp_from.strftime("%d.%m.%Y") if susp_from else "",
            susp_to.strftime("%d.%m.%Y") if susp_to else "",
            rng.choice(["Łucja Wiśniewska", "Paweł Kozłowski", "Żaneta Jabłońska"]),
            "załatwiono decyzją" if settled else "",
        ]
        lines.append(";".join(fields))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1250"))


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def median_of(fn: Callable[[], Any], runs: int = 5) -> float:
    fn()
    return statistics.median(timed(fn)[0] for _ in range(runs))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-cases-"))
    db_path = args.db or folder / "bench.sqlite"
    ctx = AppContext(open_database(str(db_path)), Actor.system())
    create_demo(ctx)
    first = folder / "spis-2025.csv"
    newer = folder / "spis-2025-nowszy.csv"
    write_export(first, args.cases)
    write_export(newer, args.cases, settle_open=2_000)
    figures: dict[str, Any] = {"cases": args.cases, "file_mb": round(first.stat().st_size / 1e6, 1)}
    seconds, result = timed(lambda: cases_import.import_cases(ctx, first, as_of=date(2025, 12, 31)))
    figures["import_s"] = round(seconds, 2)
    figures["import_created"] = result.created
    seconds, result = timed(lambda: cases_import.import_cases(ctx, first, as_of=date(2025, 12, 31)))
    figures["reimport_same_s"] = round(seconds, 2)
    seconds, result = timed(lambda: cases_import.import_cases(ctx, newer, as_of=date(2025, 12, 31)))
    figures["import_newer_s"] = round(seconds, 2)
    figures["newer_updated"] = result.updated
    figures["newer_created"] = result.created
    start, end = date(2025, 1, 1), date(2025, 12, 31)
    figures["report_unit_month_ms"] = round(
        1000 * median_of(lambda: cases_reports.timeliness(ctx, date_from=start, date_to=end)), 1
    )
    figures["report_jrwa_ms"] = round(
        1000
        * median_of(lambda: cases_reports.timeliness(ctx, by="jrwa", date_from=start, date_to=end)),
        1,
    )
    figures["overdue_ms"] = round(
        1000 * median_of(lambda: cases_reports.overdue(ctx, as_of=date(2025, 12, 31))), 1
    )
    figures["overdue_rows"] = len(cases_reports.overdue(ctx, as_of=date(2025, 12, 31)))
    figures["summary_ms"] = round(1000 * median_of(lambda: cases_reports.summary(ctx)), 1)
    json.dump(figures, sys.stdout, indent=2, ensure_ascii=False)
    print()
    ctx.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
