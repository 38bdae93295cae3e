"""Benchmark of the complaint register: importing a register and the reports of the Indicators tab.

    python benchmarks/bench_indicators.py [--entries 20000] [--db FILE]

Builds the demo office (without the other areas' demo records), writes a Windows-1250 CSV
register of `--entries` complaints across its units (dates dd.mm.yyyy, a tenth still open) and
times, through the same services the window and `auditdesk indicators` use:
- the first import (read, check, deadlines with holidays, chunked insert, a trail entry per row);
- importing the same file again (every reference number already present: nothing added);
- the monthly summary, one page of the register and the deadline watch (median of 5 runs).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from auditdesk.services import demo
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.monitoring import indicators
from auditdesk.services.monitoring.indicators import imports as indicator_import
from auditdesk.store.migrate import open_database

UNITS = ["BOK", "USC", "WKS", "WKS-DO", "WPN", "WAB"]
TODAY = date(2026, 1, 15)


def write_register(path: Path, entries: int) -> None:
    rng = random.Random(1)
    lines = [
        "Znak;Rodzaj;Data wpływu;Sposób wpływu;Jednostka;Treść;Data załatwienia;Sposób załatwienia"
    ]
    start = date(2025, 1, 2)
    for n in range(entries):
        received = start + timedelta(days=rng.randint(0, 320))
        settled = received + timedelta(days=rng.randint(3, 45)) if rng.random() < 0.9 else None
        lines.append(
            f"SKG.1510.{n}.2025;skarga;{received:%d.%m.%Y};pismo;{rng.choice(UNITS)};"
            f"Skarga nr {n} na obsługę;{settled.strftime('%d.%m.%Y') if settled else ''};"
            f"{'bezzasadna' if settled else ''}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="cp1250")


def timed(fn: Callable[[], Any], runs: int = 1) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=20_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-indicators-"))
    db = open_database(str(args.db or folder / "bench.sqlite"))
    ctx = AppContext(db, Actor.system())
    demo.DEMO_SEEDER_MODULES[:] = []  # the office only: the register is what is measured
    demo.create_demo(ctx)
    register = folder / "rejestr.csv"
    write_register(register, args.entries)
    first = timed(lambda: indicator_import.import_register(ctx, register, today=TODAY))
    again = timed(lambda: indicator_import.import_register(ctx, register, today=TODAY))
    summary = timed(lambda: indicators.monthly_summary(ctx, today=TODAY), runs=5)
    page = timed(lambda: indicators.list_entries(ctx, today=TODAY, limit=500), runs=5)
    watch = timed(lambda: indicators.deadline_watch(ctx, TODAY), runs=5)
    print(f"entries: {args.entries:,}")
    print(f"first import:        {first:6.1f} s")
    print(f"same file again:     {again:6.1f} s")
    print(f"monthly summary:     {summary:6.2f} s")
    print(f"one page (500 rows): {page:6.2f} s")
    print(f"deadline watch:      {watch:6.2f} s")
    db.dispose()


if __name__ == "__main__":
    main()
