"""Benchmark of the office-wide picture (issue 17): on the demo office with a year of
100,000 audits, 1,000,000 EZD cases, 50,000 complaints and 20,000 survey responses (--scale
shrinks every count):

- importing the 1,000,000-case register through AuditDesk's import (reading, parsing, KPA
  deadlines, bulk insert) side by side with a bare script that reads the same CSV with the csv
  module and inserts the same columns with sqlite3 executemany (target: ≤ 2×);
  and SQLite's share of that import alone (the stored rows inserted again as they are, the
  indexes built, committed: what no reading or row rule can go below);
- opening the overview for a year and all units, warm (median of 5; target ≤ 300 ms);
- rendering the monitoring report PDF and the XLSX workbook (target ≤ 10 s).

and 20,000 survey responses (copies of the demo's, with their answers, spread over 2025).
Usage: python benchmarks/bench_overview.py [--scale 0.1] [--db FILE [--reuse]] [--import-only]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, insert, select

from auditdesk.services.context import Actor, AppContext
from auditdesk.services.demo import create_demo
from auditdesk.services.monitoring.cases import imports as cases_import
from auditdesk.services.monitoring.cases import summary as case_summary
from auditdesk.services.monitoring.surveys import summary as survey_summary
from auditdesk.services.overview import Period, overview, previous_period
from auditdesk.services.overview.report import write_report
from auditdesk.services.overview.sources import (
    appraisals,
    audits,
    cases,
    complaints,
    research,
    surveys,
)
from auditdesk.store.migrate import open_database
from auditdesk.store.models import (
    Audit,
    CaseRecord,
    IndicatorEntry,
    OrgUnit,
    SurveyAnswer,
    SurveyResponse,
)

sys.path.insert(0, str(Path(__file__).parent))
from bench_cases import HEADER, write_export

# the overview's counts before the summaries (issue 17), kept by the test that compares them
sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))  # their helpers
sys.path.insert(0, str(Path(__file__).parents[1] / "tests" / "services" / "overview"))
from test_overview_indexes import INDEXES, _rounded, old_audits, old_complaints
from test_overview_summaries import old_cases, old_surveys

YEAR = Period(date(2025, 1, 1), date(2025, 12, 31))
# migration 0019_overview_indexes: the audits' and complaints' covering indexes
OVERVIEW_INDEXES = [
    index
    for table in (cast(Table, Audit.__table__), cast(Table, IndicatorEntry.__table__))
    for index in table.indexes
    if index.name in INDEXES.values()
]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def bare_import(csv_path: Path, db_path: Path) -> int:
    """What a person would write without AuditDesk: csv module, sqlite3 executemany."""
    con = sqlite3.connect(db_path)
    con.execute(
        "CREATE TABLE cases (sign TEXT PRIMARY KEY, title TEXT, started_on TEXT, settled_on TEXT,"
        " category TEXT, due_on TEXT, suspended_from TEXT, suspended_to TEXT, handler TEXT,"
        " remarks TEXT)"
    )
    with csv_path.open(encoding="cp1250", newline="") as f:
        rows = csv.reader(f, delimiter=";")
        next(rows)
        con.executemany("INSERT INTO cases VALUES (?,?,?,?,?,?,?,?,?,?)", (r[1:] for r in rows))
    con.commit()
    n = int(con.execute("SELECT count(*) FROM cases").fetchone()[0])
    con.close()
    return n


def sqlite_share(source: Path, db_path: Path) -> float:
    """What SQLite alone takes to store what AuditDesk's import stored: the rows of
    case_record, read back as stored (bound values), inserted with executemany into an empty
    copy of its table (the same definition, the unique sign kept), its secondary indexes built
    from the same SQL afterwards with the sorter's threads as the import sets them, committed;
    the connection set as the store sets its own (WAL, synchronous NORMAL, foreign-key checks
    off as on the bulk path). No reading of the file, no row rule, no checks: the floor of an
    import that stores these columns and keeps these indexes."""
    with sqlite3.connect(source) as old:
        table_sql = old.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'case_record'"
        ).fetchone()[0]
        index_sql = [
            str(sql)
            for (sql,) in old.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND "
                "tbl_name = 'case_record' AND sql IS NOT NULL"
            )
        ]
        columns = [r[1] for r in old.execute("PRAGMA table_info(case_record)") if r[1] != "id"]
        listed = ", ".join(columns)
        rows = old.execute(f"SELECT {listed} FROM case_record ORDER BY id").fetchall()
    # the references (units, batch, sentences) point nowhere here: the checks are off, as on
    # the import's bulk path, which checks them once before its commit
    con = sqlite3.connect(db_path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute(table_sql)
    marks = ", ".join("?" * len(columns))
    start = time.perf_counter()
    con.execute("BEGIN")
    con.executemany(f"INSERT INTO case_record ({listed}) VALUES ({marks})", rows)
    con.execute(f"PRAGMA threads = {min(4, os.cpu_count() or 1)}")
    for sql in index_sql:
        con.execute(sql)
    con.execute("COMMIT")
    con.close()
    return time.perf_counter() - start


def add_audits(ctx: AppContext, n: int) -> None:
    """n completed audits in 2025, copies of the demo's completed ones with new numbers."""
    rng = random.Random(3)
    table = cast(Table, Audit.__table__)
    with ctx.db.session() as s:
        samples = [
            dict(r._mapping)
            for r in s.execute(select(table).where(table.c.status.in_(("completed", "signed"))))
        ]
        rows = []
        for i in range(n):
            row = dict(samples[i % len(samples)])
            row.pop("id")
            when = datetime(2025, 1, 1, 9) + timedelta(days=rng.randrange(365))
            row.update(
                uid=str(uuid.uuid4()),
                year=2025,
                seq=900_000 + i,
                record_no=f"B/2025/{i:07d}",
                visited_at=when,
                period=f"{when:%Y-%m}",
                original_id=None,
                superseded=False,
                passed=rng.random() < 0.8,
                score=rng.uniform(40, 100),
            )
            rows.append(row)
        for start in range(0, n, 10_000):
            s.execute(insert(table), rows[start : start + 10_000])


def add_survey_responses(ctx: AppContext, n: int) -> None:
    """n survey responses in 2025: copies of the demo's, answers and all, on random days."""
    rng = random.Random(7)
    responses = cast(Table, SurveyResponse.__table__)
    answers = cast(Table, SurveyAnswer.__table__)
    with ctx.db.session() as s:
        samples = [dict(r._mapping) for r in s.execute(select(responses))]
        given: dict[int, list[tuple[str, str]]] = {}
        for rid, qid, value in s.execute(
            select(answers.c.response_id, answers.c.question_id, answers.c.value)
        ):
            given.setdefault(rid, []).append((qid, value))
        first = int(s.scalar(select(func.max(responses.c.id))) or 0) + 1
        for start in range(0, n, 5_000):
            rows, answer_rows = [], []
            for i in range(start, min(n, start + 5_000)):
                sample = samples[i % len(samples)]
                rid = first + i
                rows.append(
                    {
                        **sample,
                        "id": rid,
                        "seq": 900_000 + i,
                        "response_no": None,
                        "natural_key": f"bench-{i}",
                        "answered_on": date(2025, 1, 1) + timedelta(days=rng.randrange(365)),
                    }
                )
                answer_rows += [
                    {"response_id": rid, "question_id": q, "value": v}
                    for q, v in given.get(sample["id"], [])
                ]
            s.execute(insert(responses), rows)
            s.execute(insert(answers), answer_rows)
            # a bulk writer keeps the overview's monthly summary, as the import does (issue 17)
            touched = ((r["campaign_id"], r["unit_id"], r["answered_on"]) for r in rows)
            survey_summary.refresh(s, survey_summary.keys_of(s, touched))


def add_complaints(ctx: AppContext, n: int) -> None:
    rng = random.Random(5)
    with ctx.db.session() as s:
        units = list(s.scalars(select(OrgUnit.id)))
        rows = []
        for i in range(n):
            received = date(2025, 1, 1) + timedelta(days=rng.randrange(365))
            settled = received + timedelta(days=rng.randint(3, 45)) if rng.random() < 0.9 else None
            rows.append(
                {
                    "reference": f"B.1510.{i}.2025",
                    "kind": rng.choice(("complaint", "complaint", "grievance")),
                    "received_on": received,
                    "channel": "letter",
                    "unit_id": rng.choice(units),
                    "summary": "",
                    "from_representative": False,
                    "due_on": received + timedelta(days=30),
                    "due_rule": "",
                    "settled_on": settled,
                    "outcome": rng.choice(("justified", "unjustified", "partly"))
                    if settled
                    else None,
                    "created_by": "bench",
                    "created_at": datetime(2025, 1, 1),
                    "updated_at": datetime(2025, 1, 1),
                }
            )
        for start in range(0, n, 10_000):
            s.execute(insert(cast(Table, IndicatorEntry.__table__)), rows[start : start + 10_000])


def _rebuild_case_summary(ctx: AppContext) -> None:
    """What the import's last step costs: the per-unit, per-day summary recounted."""
    with ctx.db.session() as s:
        case_summary.refresh_case_summary(s)


def _median_ms(fn: Callable[[], Any]) -> float:
    fn()  # warm
    return 1000 * statistics.median(timed(fn)[0] for _ in range(5))


def _old_indexes(ctx: AppContext, present: bool) -> None:
    """Takes migration 0019's indexes away (the store as before it) or puts them back."""
    with ctx.db.engine.begin() as conn:
        for index in OVERVIEW_INDEXES:
            if present:
                index.create(conn, checkfirst=True)
            else:
                index.drop(conn, checkfirst=True)


def compare_sources(ctx: AppContext) -> None:
    """Each source's time for the year and the year before (as the overview computes both),
    before (the old counts over the rows, and the audits and complaints without migration
    0019's indexes, dropped for the measurement and built again) and after, side by side in
    one run, and the whole overview both ways (issue 17)."""
    before_year = previous_period(YEAR)
    sources: list[tuple[str, Callable[..., Any], Callable[..., Any]]] = [
        ("cases", old_cases, cases.case_counts),
        ("complaints", old_complaints, complaints.complaint_counts),
        ("audits", old_audits, audits.audit_counts),
        ("appraisals", appraisals.appraisal_counts, appraisals.appraisal_counts),
        ("surveys", old_surveys, surveys.survey_counts),
        ("research", research.research_counts, research.research_counts),
    ]
    olds = {name: old for name, old, _new in sources}
    patched = [(audits, "audit_counts"), (complaints, "complaint_counts")]
    patched += [(cases, "case_counts"), (surveys, "survey_counts")]
    saved = [getattr(module, name) for module, name in patched]
    was: dict[str, float] = {}
    found: dict[str, Any] = {}
    _old_indexes(ctx, present=False)
    try:
        with ctx.db.session() as s:
            for name, old, _new in sources:
                found[name] = old(s, YEAR, None)
                was[name] = _median_ms(
                    lambda old=old: (old(s, YEAR, None), old(s, before_year, None))
                )
        for step, (module, name) in enumerate(patched):
            setattr(module, name, olds[module.__name__.rsplit(".", 1)[1]])
            if step == 1:  # the summaries, not yet the indexes (the overview before 0019)
                before_indexes = _median_ms(lambda: overview(ctx, YEAR))
        before = _median_ms(lambda: overview(ctx, YEAR))
    finally:
        for (module, name), fn in zip(patched, saved, strict=True):
            setattr(module, name, fn)
        seconds, _ = timed(lambda: _old_indexes(ctx, present=True))
    print(f"migration 0019's indexes built again: {seconds:.2f} s")
    print("source (the year and the year before), warm median of 5: before → after")
    with ctx.db.session() as s:
        for name, _old, new in sources:
            assert _rounded(found[name]) == _rounded(new(s, YEAR, None)), name
            now = _median_ms(lambda new=new: (new(s, YEAR, None), new(s, before_year, None)))
            print(f"  {name:<11} {was[name]:8.0f} ms → {now:6.0f} ms")
    after = _median_ms(lambda: overview(ctx, YEAR))
    load = Path("/proc/loadavg").read_text().split()[0]
    print(
        f"overview, a year: {before:.0f} ms before the summaries and indexes, "
        f"{before_indexes:.0f} ms with the summaries before the indexes → {after:.0f} ms "
        f"after both (load average {load})"
    )


def _has_data(ctx: AppContext, audits_n: int, complaints_n: int, cases_n: int) -> bool:
    """An earlier run's database (--reuse): the demo office with this scale's rows added."""
    with ctx.db.session() as s:
        added = [
            s.scalar(select(func.count()).where(Audit.record_no.like("B/2025/%"))),
            s.scalar(select(func.count()).where(IndicatorEntry.reference.like("B.1510.%"))),
            s.scalar(select(func.count()).select_from(CaseRecord)),
        ]
    return [int(n or 0) for n in added] >= [audits_n, complaints_n, cases_n] and all(added)


def fill(
    ctx: AppContext, folder: Path, cases_n: int, audits_n: int, complaints_n: int, responses_n: int
) -> None:
    """The demo office, the register imported both ways (timed side by side), the audits,
    complaints and survey responses added."""
    seconds, _ = timed(lambda: create_demo(ctx))
    print(f"demo office: {seconds:.1f} s")
    import_side_by_side(ctx, folder, cases_n)

    seconds, _ = timed(lambda: _rebuild_case_summary(ctx))
    print(f"the import's last step alone, the overview's case summary rebuilt: {seconds:.2f} s")

    seconds, _ = timed(lambda: add_audits(ctx, audits_n))
    print(f"{audits_n:,} audits added: {seconds:.1f} s")
    seconds, _ = timed(lambda: add_complaints(ctx, complaints_n))
    print(f"{complaints_n:,} complaints added: {seconds:.1f} s")
    seconds, _ = timed(lambda: add_survey_responses(ctx, responses_n))
    print(f"{responses_n:,} survey responses added: {seconds:.1f} s")


def import_side_by_side(ctx: AppContext, folder: Path, cases_n: int) -> None:
    """The register written, then imported by the bare script and by AuditDesk one after the
    other in the same run (issue 17: AuditDesk's import ≤ 2x the bare script's)."""
    export = folder / "rejestr.csv"
    seconds, _ = timed(lambda: write_export(export, cases_n))
    print(
        f"register of {cases_n:,} cases written ({export.stat().st_size / 1e6:.0f} MB, "
        f"{len(HEADER)} columns): {seconds:.1f} s"
    )
    bare_s, bare_n = timed(lambda: bare_import(export, folder / "bare.sqlite"))
    ours_s, result = timed(
        lambda: cases_import.import_cases(ctx, export, "auto", as_of=date(2025, 12, 31))
    )
    print(f"import, bare csv + sqlite3 executemany: {bare_s:.1f} s ({bare_n:,} rows)")
    print(
        f"import, AuditDesk: {ours_s:.1f} s ({result.created:,} new) = "
        f"{ours_s / bare_s:.2f}x the bare script (target ≤ 2x)"
    )
    store = ctx.db.engine.url.database
    if ctx.db.engine.dialect.name == "sqlite" and store:
        floor_s = sqlite_share(Path(store), folder / "share.sqlite")
        print(
            f"SQLite's share of it (AuditDesk's stored rows inserted as they are, its indexes "
            f"built, committed): {floor_s:.1f} s = {floor_s / bare_s:.2f}x the bare script"
        )
    print(f"load average: {Path('/proc/loadavg').read_text().strip()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--db", type=Path)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --db: a file filled by an earlier run of this scale is measured, not refilled",
    )
    parser.add_argument(
        "--import-only",
        action="store_true",
        help="only the demo office and the register's import, both ways side by side",
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-overview-"))
    db_path = args.db or folder / "office.sqlite"
    cases_n = int(1_000_000 * args.scale)
    audits_n = int(100_000 * args.scale)
    complaints_n = int(50_000 * args.scale)
    responses_n = int(20_000 * args.scale)
    db = open_database(str(db_path))
    ctx = AppContext(db, Actor.system())
    if args.import_only:
        create_demo(ctx)
        import_side_by_side(ctx, folder, cases_n)
        db.dispose()
        return 0
    if args.reuse and _has_data(ctx, audits_n, complaints_n, cases_n):
        print(f"{db_path}: reused, filled by an earlier run of this scale")
    else:
        if args.reuse:
            print(f"{db_path}: no earlier run of this scale in it, filled now")
        fill(ctx, folder, cases_n, audits_n, complaints_n, responses_n)

    overview(ctx, YEAR)  # warm
    runs = [timed(lambda: overview(ctx, YEAR))[0] for _ in range(5)]
    result_rows = overview(ctx, YEAR).rows
    print(
        f"overview, a year, all units ({len(result_rows)} rows), warm median of 5: "
        f"{1000 * statistics.median(runs):.0f} ms (target ≤ 300 ms)"
    )
    compare_sources(ctx)
    seconds, _ = timed(lambda: write_report(ctx, YEAR, folder / "raport.pdf"))
    print(f"report PDF: {seconds:.2f} s (target ≤ 10 s)")
    seconds, _ = timed(lambda: write_report(ctx, YEAR, folder / "raport.xlsx"))
    print(f"report XLSX: {seconds:.2f} s")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
