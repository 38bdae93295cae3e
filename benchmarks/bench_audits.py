"""Benchmark of the audit list and the per-standard report on 100,000 audits.

    python benchmarks/bench_audits.py [--audits 100000] [--db FILE]

Builds the demo office, then 100,000 completed audits over two years (visits, calls, e-mails,
about 28 answers each: ~2.6 million answer rows), bulk-inserted with realistic answers scored
by the real scoring code. Then it times, through the same services the window uses:
opening the audit list (first page + count), filtering (unit + channel + period, and a text
search), a supervisor's scoped list, and the per-standard report for one year. Each timing is
the median of 5 runs after one warm-up. Targets: list and filters < 300 ms, report < 1 s.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text

from auditdesk.domain.forms.checklist import ChecklistForm
from auditdesk.domain.scoring import Answer, score
from auditdesk.domain.sealing import audit_digest
from auditdesk.services import audits, integrity
from auditdesk.services.audits import counts as audit_counts
from auditdesk.services.audits import results as audit_results
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.demo import create_demo
from auditdesk.services.forms import latest_versions
from auditdesk.store.migrate import open_database
from auditdesk.store.models import Audit, AuditAnswer, Employee, OrgUnit, User
from auditdesk.store.seals import audit_contents

FORMS = [("tk-wizyta", "visit", 0.6), ("tk-telefon", "phone", 0.25), ("tk-e-mail", "email", 0.15)]
YEARS = (2025, 2026)
SUMMARIES = ["Dowód osobisty", "Zameldowanie", "Podatek", "Akt urodzenia", "Warunki zabudowy"]


def answer_sets(form: ChecklistForm, rng: random.Random, n: int) -> list[tuple[Any, ...]]:
    """n plausible answer sets with their scores: (answers, result)."""
    out = []
    for _ in range(n):
        quality = rng.uniform(0.6, 0.98)
        answers: dict[str, Answer] = {}
        for item in form.items():
            if item.na_allowed and rng.random() < 0.1:
                answers[item.id] = Answer(None, True)
                continue
            if item.type == "number":
                first = item.bands[0].up_to or 1
                value = rng.uniform(0, first) if rng.random() < quality else first * 2
                answers[item.id] = Answer(str(round(value)))
            elif item.type in ("text", "datetime"):
                if item.required:  # the editor completes nothing without them
                    stamp = "2026-01-05 09:30" if item.type == "datetime" else "-"
                    answers[item.id] = Answer(stamp)
                continue
            else:
                options = item.answer_options()
                best = max(options, key=lambda o: o.points)
                pick = best if rng.random() < quality else rng.choice(options)
                answers[item.id] = Answer(pick.value)
        out.append((answers, score(form, answers)))
    return out


def generate(ctx: AppContext, count: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    with ctx.db.session() as s:
        forms = {
            v.form_id: (v.id, audits.checklist_of(s, v.id)) for v in latest_versions(s, "checklist")
        }
        facing = list(s.scalars(select(OrgUnit).where(OrgUnit.customer_facing)))
        units = [u.id for u in facing]
        unit_search = {u.id: f"{u.code} {u.name}".lower() for u in facing}
        staff: dict[int, list[int]] = {}
        for e in s.scalars(select(Employee)):
            staff.setdefault(e.unit_id, []).append(e.id)
        auditors = [
            (u.id, u.display_name)
            for u in s.scalars(select(User).where(User.login.in_(["audytor1", "audytor2"])))
        ]
        next_id = (s.scalar(select(Audit.id).order_by(Audit.id.desc()).limit(1)) or 0) + 1
    pools = {fid: answer_sets(forms[fid][1], rng, 300) for fid, _c, _w in FORMS}
    start = datetime(YEARS[0], 1, 1, 8)
    span_days = 365 * len(YEARS) - 1
    seq: dict[int, int] = {}
    batch_a: list[dict[str, Any]] = []
    batch_x: list[dict[str, Any]] = []
    weights = [w for _f, _c, w in FORMS]

    def flush() -> None:
        with ctx.db.engine.begin() as conn:
            conn.execute(insert(Audit.__table__), batch_a)
            conn.execute(insert(AuditAnswer.__table__), batch_x)
        batch_a.clear()
        batch_x.clear()

    for n in range(count):
        form_id, channel, _w = rng.choices(FORMS, weights)[0]
        version_id, _form = forms[form_id]
        answers, result = rng.choice(pools[form_id])
        visited = start + timedelta(days=rng.randint(0, span_days), minutes=rng.randint(0, 480))
        seq[visited.year] = seq.get(visited.year, 0) + 1
        unit = rng.choice(units)
        auditor = rng.choice(auditors)
        audit_id = next_id + n
        record_no = f"TK/{visited.year}/{seq[visited.year] + 5000:06d}"
        note = f"stanowisko {rng.randint(1, 12)}"
        summary = rng.choice(SUMMARIES)
        batch_a.append(
            {
                "id": audit_id,
                "uid": str(uuid.UUID(int=rng.getrandbits(128))),
                "year": visited.year,
                "seq": seq[visited.year] + 5000,
                "record_no": record_no,
                "origin_record_no": None,
                "form_version_id": version_id,
                "form_id": form_id,
                "channel": channel,
                "unit_id": unit,
                "employee_id": rng.choice(staff[unit]) if staff.get(unit) else None,
                "observed_note": note,
                "auditor_id": auditor[0],
                "auditor_name": auditor[1],
                "scenario_json": "{}",
                "scenario_summary": summary,
                "search_text": f"{record_no.lower()} | {unit_search[unit]} | {note} | "
                f"{auditor[1].lower()} | {summary.lower()}",
                "visited_at": visited,
                "period": f"{visited:%Y-%m}",
                "status": "completed",
                "kind": "original",
                "original_id": None,
                "superseded": False,
                "earned": result.earned,
                "possible": result.possible,
                "score": result.percent,
                "verdict": result.verdict,
                "verdict_label": result.verdict_label_pl,
                "passed": result.passed,
                "critical_failure": result.critical_failure,
                "section_scores_json": json.dumps(
                    [[x.section_id, x.earned, x.possible, x.zeroed] for x in result.sections]
                ),
                "created_at": visited,
                "updated_at": visited,
                "completed_at": visited,
                "signed_at": None,
                "version": 1,
            }
        )
        for item_id, ans in answers.items():
            r = result.items[item_id]
            batch_x.append(
                {
                    "audit_id": audit_id,
                    "item_id": item_id,
                    "value": ans.value,
                    "na": ans.na,
                    "comment": "",
                    "points": r.earned if r.applicable else None,
                    "max_points": r.possible if r.applicable else None,
                    "met": r.met,
                    "updated_at": visited,
                }
            )
        if len(batch_a) >= 5000:
            flush()
            print(f"  {n + 1:,} audits", file=sys.stderr, end="\r")
    if batch_a:
        flush()
    with ctx.db.session() as s:
        audit_counts.recount(s)  # the running totals the services keep on completion
    seal(ctx)
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")


def seal(ctx: AppContext) -> None:
    """The content seals the services store on completion (the inserts above bypass them)."""
    with ctx.db.engine.begin() as conn:
        ids = list(
            conn.scalars(
                select(Audit.id).where(Audit.content_sha256.is_(None), Audit.status != "draft")
            )
        )
        sealed = [{"i": h.id, "h": audit_digest(h, a)} for h, a in audit_contents(conn, ids)]
        conn.execute(text("UPDATE audit SET content_sha256 = :h WHERE id = :i"), sealed)


def timed(fn: Callable[[], Any], runs: int = 5) -> tuple[float, Any]:
    fn()  # warm-up: caches, SQLite pages
    times = []
    result = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--audits", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="reuse or create this database file")
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="auditdesk-bench-")) / "bench.sqlite"
    fresh = not path.exists()
    db = open_database(str(path))
    ctx = AppContext(db, Actor.system())
    if fresh:
        t0 = time.perf_counter()
        create_demo(ctx)
        generate(ctx, args.audits)
        print(
            f"generated {args.audits:,} audits in {time.perf_counter() - t0:.1f} s "
            f"({path}, {path.stat().st_size / 1e6:.0f} MB)"
        )
    with db.session() as s:
        n_audits = s.query(Audit).count()
        n_answers = s.query(AuditAnswer).count()
        unit = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "BOK"))
        boss = s.scalar(select(User).where(User.login == "kierownik.wks"))
        assert boss is not None and unit is not None
        boss_ctx = AppContext(db, Actor.of(boss))
    print(f"database: {n_audits:,} audits, {n_answers:,} answers")
    year = YEARS[-1]
    rows: list[tuple[str, float, str]] = []

    ms, page = timed(lambda: audits.list_audits(ctx))
    rows.append(("open the audit list (first 500 rows + count)", ms, f"{page.total:,} audits"))
    f = audits.AuditFilter(
        unit_ids=(unit,), channel="visit", start=date(year, 1, 1), end=date(year, 12, 31)
    )
    ms, page = timed(lambda: audits.list_audits(ctx, f))
    rows.append(("filter: unit + channel + year", ms, f"{page.total:,} audits"))
    f2 = audits.AuditFilter(status="completed", verdict="fail")
    ms, page = timed(lambda: audits.list_audits(ctx, f2, sort="score", descending=False))
    rows.append(("filter: verdict fail, sorted by score", ms, f"{page.total:,} audits"))
    ms, page = timed(lambda: audits.list_audits(ctx, audits.AuditFilter(text="zameld")))
    rows.append(("text search 'zameld'", ms, f"{page.total:,} audits"))
    ms, page = timed(lambda: audits.list_audits(ctx, offset=50_000))
    rows.append(("scroll: page at row 50,000", ms, f"{len(page.rows)} rows"))
    ms, page = timed(lambda: audits.list_audits(boss_ctx))
    rows.append(("supervisor's list (own units only)", ms, f"{page.total:,} audits"))
    q = audit_results.ResultsQuery("tk-wizyta", date(year, 1, 1), date(year, 12, 31))
    ms, report = timed(lambda: audit_results.standard_results(ctx, q), runs=3)
    rows.append(
        (
            f"per-standard report, visits {year} (whole months: running totals)",
            ms,
            f"{report.audits:,} audits, {len(report.rows)} rows, {len(report.months)} months",
        )
    )
    q2 = audit_results.ResultsQuery("tk-wizyta", date(year, 1, 15), date(year, 12, 14))
    ms, report = timed(lambda: audit_results.standard_results(ctx, q2), runs=3)
    rows.append(
        ("same report, arbitrary dates (counted from answers)", ms, f"{report.audits:,} audits")
    )
    t0 = time.perf_counter()
    checked = integrity.check(ctx)
    rows.append(
        (
            "integrity check (`auditdesk check`: seals, form rules, totals, trail), one run",
            (time.perf_counter() - t0) * 1000,
            f"{checked.checked.get('sealed audits', 0):,} audits, {len(checked.problems)} problems",
        )
    )
    print()
    print("| operation | median ms | result |")
    print("|---|---:|---|")
    for name, value, note in rows:
        print(f"| {name} | {value:.0f} | {note} |")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
