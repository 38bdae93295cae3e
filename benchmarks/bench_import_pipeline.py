"""What a two-process case import would gain (issue 17): a measured prototype, not the product.

The import's row rule (CaseRowReader through CaseSource.fast_reader, the same derived values
and bound parameters) runs in a forked second process over the rows already read, and sends
compact chunks: per row its seven texts and the number of its combination of derived values,
each new combination once. The first process turns them into the insert's parameters
(`_Inserts.row`), stores the rule sentences (`_Inserts.identify`) and writes them with the
driver's executemany while the second reads on; the bulk steps (indexes dropped and built
again, the summary, the foreign-key check, the commit) are the import's own. No fallback rows,
no progress, no cancel: the register the benchmarks write has none.

Side by side in one run with the bare script of bench_overview.py (csv module + sqlite3
executemany). Usage: python benchmarks/bench_import_pipeline.py [--cases 1000000] [--runs 2]
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import pickle
import sys
import tempfile
import time
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from auditdesk.domain.importing import ColumnMapping
from auditdesk.reports.batch import can_fork
from auditdesk.reports.tabular import Row, read_table
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.demo import create_demo
from auditdesk.services.monitoring import importing
from auditdesk.services.monitoring.cases import imports as cases_import
from auditdesk.services.monitoring.cases import summary
from auditdesk.store.migrate import open_database

sys.path.insert(0, str(Path(__file__).parent))
from bench_cases import write_export
from bench_overview import bare_import

CHUNK = 20_000
AS_OF = date(2025, 12, 31)


def read_in_second_process(
    conn: Connection,
    source: cases_import.CaseSource,
    columns: ColumnMapping,
    rows: list[Row],
) -> None:
    """The row rule over every row; each chunk sent as (new combinations, compact rows)."""
    gc.disable()
    numbers: dict[int, int] = {}  # id of a combination's bound values → its number
    new: list[list[Any]] = []
    writer = source.writer
    assert writer is not None

    def derive(case: Any) -> cases_import.Derived:
        values = cases_import._derived(case)
        bound = writer.bind(values)
        numbers[id(bound)] = len(numbers)
        new.append(bound)
        return values, bound

    source._bound = derive  # type: ignore[method-assign]
    fast = source.fast_reader(columns)
    out: list[tuple[Any, ...]] = []
    for line, cells in rows:
        item = fast(line, cells)
        if item is None:
            raise SystemExit(f"line {line}: a row for read_row, which this prototype leaves out")
        out.append((*item[:7], numbers[id(item[7][1])]))
        if len(out) == CHUNK:
            conn.send_bytes(pickle.dumps((new, out), protocol=5))
            new.clear()
            out = []
    conn.send_bytes(pickle.dumps((new, out), protocol=5))
    conn.send_bytes(pickle.dumps(None))
    conn.close()


def pipeline_import(ctx: AppContext, csv_path: Path) -> tuple[float, dict[str, float]]:
    """The prototype's import of the register: seconds in all, and its steps."""
    steps: dict[str, float] = {}
    start = time.perf_counter()
    with importing.collector_paused():
        table = read_table(csv_path)
        found = cases_import._resolve(ctx, table, "auto")
        source = cases_import.CaseSource(ctx, table, AS_OF, found, "auto")
        columns = importing.with_spec(source, table, source.complete(table.header, found), None)
        source.columns = dict(columns.columns)
        steps["reading the file"] = time.perf_counter() - start
        with ctx.db.session() as s:
            source.prepare(s)
            assert source.batch is not None and source.writer is not None
            s.add(source.batch)
            s.flush()
            source._start_bulk(s)
            writer = source.writer
            tail = writer.tail(source.batch.id, source.now)
            context = multiprocessing.get_context("fork")
            mine, theirs = context.Pipe(duplex=False)
            reader = context.Process(
                target=read_in_second_process, args=(theirs, source, columns, table.rows)
            )
            overlap = time.perf_counter()
            reader.start()
            theirs.close()
            waited = 0.0
            bound: list[list[Any]] = []
            make = writer.row
            try:
                while True:
                    asked = time.perf_counter()
                    data = pickle.loads(mine.recv_bytes())
                    waited += time.perf_counter() - asked
                    if data is None:
                        break
                    new, compact = data
                    writer.identify(s, new)
                    bound.extend(new)
                    made = [make((*r[:7], (None, bound[r[7]])), tail) for r in compact]
                    if made:
                        writer.insert(s, made)
            finally:
                reader.kill()
                reader.join()
            steps["row rule (second process) and writing, overlapped"] = (
                time.perf_counter() - overlap
            )
            steps["of which the writer waited for rows"] = waited
            after = time.perf_counter()
            source._end_bulk(s)
            summary.refresh_case_summary(s)
            source._check_references(s)
            steps["indexes, summary, foreign-key check"] = time.perf_counter() - after
            committing = time.perf_counter()
        steps["commit"] = time.perf_counter() - committing
    return time.perf_counter() - start, steps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    if not can_fork():
        print("this prototype forks its second process: POSIX only")
        return 2
    folder = Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    export = folder / "rejestr.csv"
    write_export(export, args.cases)
    for run in range(1, args.runs + 1):
        bare_db = folder / f"bare-{run}.sqlite"
        started = time.perf_counter()
        bare_import(export, bare_db)
        bare = time.perf_counter() - started
        db = open_database(str(folder / f"office-{run}.sqlite"))
        ctx = AppContext(db, Actor.system())
        create_demo(ctx)
        seconds, steps = pipeline_import(ctx, export)
        db.dispose()
        listed = ", ".join(f"{name} {value:.1f}" for name, value in steps.items())
        print(
            f"run {run}: bare csv + sqlite3 executemany {bare:.1f} s; two-process prototype "
            f"{seconds:.1f} s = {seconds / bare:.2f}x ({listed}); load average "
            f"{Path('/proc/loadavg').read_text().split()[0]}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
