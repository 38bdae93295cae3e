"""Load on the office store (issue 16): many people at once on one PostgreSQL database.

    python benchmarks/bench_office.py [--clients 20] [--seconds 60] [--url URL] [--keep]

Without --url (or AUDITDESK_TEST_PG) it runs itself under scripts/test-postgres.sh, which starts
a throwaway local cluster and deletes it afterwards. A database of its own is made on the server
and filled with the demo office; then `--clients` processes (spawned, each with its own
connection pool, as separate computers would be) work through the services for `--seconds`:

- auditors (half of the clients, as audytor1/audytor2): start a visit audit, answer every item
  (autosave, one call per answer), attach a photo, complete it; in the first and every third
  audit after it a second "window" saves an answer with the version it saw before the last save
  (a stale edit, on purpose), which must be refused and leave nothing behind;
- supervisors (a quarter, as kierownik.bok/kierownik.wks): rate the criteria of their team's
  draft appraisals (each client its own appraisals; each rating with the version its window
  holds) and read one back now and then; in the first and every third round over an appraisal
  a second window rates its last criterion with the version it saw before the last save (a
  stale edit, on purpose), which must be refused and leave nothing behind;
- HR (a quarter, as kadry/jakosc): the audit list (first page and count), the per-standard report
  of the last twelve months, and a CSV export of every audit.

At the end: operations per second, the 95th-percentile latency of each operation, refused stale
edits, and the checks: every write a client says it made is in the store (completed audits with
their answers and evidence, the last rating of every criterion), nothing of a refused stale edit
is, the trail is one intact chain, and `auditdesk check` is clean.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PG_VAR = "AUDITDESK_TEST_PG"
STALE_MARK = "stale-window"  # the comment of a stale edit: must never reach the store
PHOTO = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c"
    "1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0"
    "000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bff"
    "da0008010100003f00d2cf20ffd9"
)


@dataclass
class Work:
    """What one client process is to do."""

    index: int
    role: str  # "auditor", "supervisor", "hr"
    login: str
    url: str
    seconds: float
    folder: str
    appraisals: list[int] = field(default_factory=list)


@dataclass
class Outcome:
    """What one client did: latencies per operation, and what it says it wrote."""

    index: int
    role: str
    login: str
    latencies: dict[str, list[float]] = field(default_factory=dict)
    stale_refused: int = 0
    stale_accepted: int = 0  # a stale edit that was not refused: a failure
    stale_refused_appraisals: int = 0  # of stale_refused, those on appraisals
    errors: list[str] = field(default_factory=list)
    # auditors: audit id -> (answers saved, evidence files); only completed audits
    audits: dict[int, tuple[int, int]] = field(default_factory=dict)
    # supervisors: "appraisal:criterion" -> (level, justification) last written
    ratings: dict[str, tuple[str, str]] = field(default_factory=dict)
    cpu_s: float = 0.0  # CPU time of the client process while it worked


def _timed(out: Outcome, name: str, fn: Any, *args: Any, **kwargs: Any) -> Any:
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    out.latencies.setdefault(name, []).append(time.perf_counter() - started)
    return result


def _context(url: str, login: str) -> Any:
    from sqlalchemy import select

    from auditdesk.services.context import Actor, AppContext
    from auditdesk.store.db import Database
    from auditdesk.store.models import User

    db = Database(url)
    with db.session() as s:
        user = s.scalar(select(User).where(User.login == login))
        assert user is not None, login
        return AppContext(db, Actor.of(user))


def _answer(item: Any, visited: datetime) -> str | None:
    if item.type == "number":
        return "3"
    if item.type == "text":
        return "Obsługa: pani Żółkiewska-Gęślą"
    if item.type == "datetime":
        return visited.strftime("%Y-%m-%d %H:%M")
    options = item.answer_options()
    return max(options, key=lambda o: o.points).value if options else None


def _auditor(work: Work, out: Outcome, ctx: Any, deadline: float) -> None:
    from sqlalchemy import select

    from auditdesk.domain.errors import StaleRecord
    from auditdesk.services import audits
    from auditdesk.store.models import OrgUnit

    form = next(f for f in audits.checklist_forms(ctx) if f.form_id == "tk-wizyta")
    with ctx.db.session() as s:
        checklist = audits.checklist_of(s, form.version_id)
        units = list(s.scalars(select(OrgUnit.id).where(OrgUnit.code.in_(["BOK", "WKS", "USC"]))))
    photo = Path(work.folder) / f"photo-{work.index}.jpg"
    photo.write_bytes(PHOTO)
    n = 0
    while time.monotonic() < deadline:
        n += 1
        visited = datetime.now().replace(microsecond=0, second=0) - timedelta(days=1 + n % 20)
        new = audits.NewAudit(
            form_version_id=form.version_id,
            channel="visit",
            unit_id=units[n % len(units)],
            visited_at=visited,
            scenario={f.id: f"klient {work.index}-{n}" for f in checklist.scenario_fields},
        )
        audit_id = _timed(out, "auditor: start audit", audits.start_audit, ctx, new)
        saved = 0
        seen_before: int | None = None
        last_item, last_value = "", ""
        for item in checklist.items():
            value = _answer(item, visited)
            if value is None:
                continue
            result = _timed(
                out, "auditor: save answer", audits.save_answer, ctx, audit_id, item.id, value
            )
            if seen_before is None:
                seen_before = result.version
            saved += 1
            last_item, last_value = item.id, value
        if n % 3 == 1 and seen_before is not None:  # a second window, opened earlier
            try:
                audits.save_answer(
                    ctx,
                    audit_id,
                    last_item,
                    last_value,
                    na=False,
                    comment=STALE_MARK,
                    expected_version=seen_before,
                )
                out.stale_accepted += 1
            except StaleRecord:
                out.stale_refused += 1
        _timed(
            out, "auditor: add evidence", audits.add_evidence, ctx, audit_id, photo, caption="sala"
        )
        _timed(out, "auditor: complete audit", audits.complete_audit, ctx, audit_id)
        out.audits[audit_id] = (saved, 1)


def _supervisor(work: Work, out: Outcome, ctx: Any, deadline: float) -> None:
    from auditdesk.domain.errors import StaleRecord
    from auditdesk.services import appraisals

    views = {a: appraisals.appraisal_detail(ctx, a) for a in work.appraisals}
    versions = {a: view.version for a, view in views.items()}  # what the window holds
    n = rounds = 0
    while time.monotonic() < deadline:
        rounds += 1
        for appraisal_id, view in views.items():
            levels = [code for code, _label, _points in view.scale]
            seen_before = versions[appraisal_id]
            last = ""
            for criterion in (c for c in view.criteria if c.selected):
                n += 1
                level = levels[n % len(levels)]
                text = f"uzasadnienie {work.index}-{n}: rozmowa, przykłady z kwartału"
                seen_before = versions[appraisal_id]
                versions[appraisal_id] = _timed(
                    out,
                    "supervisor: rate criterion",
                    appraisals.rate,
                    ctx,
                    appraisal_id,
                    criterion.code,
                    level,
                    text,
                    expected_version=versions[appraisal_id],
                )
                out.ratings[f"{appraisal_id}:{criterion.code}"] = (level, text)
                last = criterion.code
                if time.monotonic() >= deadline:
                    return
            if rounds % 3 == 1 and last:  # a second window, opened before the last save
                try:
                    appraisals.rate(
                        ctx,
                        appraisal_id,
                        last,
                        levels[0],
                        STALE_MARK,
                        expected_version=seen_before,
                    )
                    out.stale_accepted += 1
                except StaleRecord:
                    out.stale_refused += 1
                    out.stale_refused_appraisals += 1
            opened = _timed(
                out, "supervisor: open appraisal", appraisals.appraisal_detail, ctx, appraisal_id
            )
            versions[appraisal_id] = opened.version


def _hr(work: Work, out: Outcome, ctx: Any, deadline: float) -> None:
    from auditdesk.services import audits
    from auditdesk.services.audits.results import ResultsQuery, standard_results
    from auditdesk.services.audits.transfer import export_audits

    target = Path(work.folder) / f"export-{work.index}.csv"
    today = ctx.clock.today()
    query = ResultsQuery("tk-wizyta", today - timedelta(days=365), today)
    n = 0
    while time.monotonic() < deadline:
        n += 1
        _timed(out, "hr: list audits", audits.list_audits, ctx)
        _timed(out, "hr: standard report", standard_results, ctx, query)
        if n % 2 == 0:
            _timed(out, "hr: export audits (csv)", export_audits, ctx, target, "csv")


def client(work: Work, start: Any, results: Any) -> None:
    """One person at their computer; runs in its own process."""
    out = Outcome(work.index, work.role, work.login)
    try:
        ctx = _context(work.url, work.login)
        results.put(("ready", work.index))
        start.wait()
        cpu0 = time.process_time()
        deadline = time.monotonic() + work.seconds
        {"auditor": _auditor, "supervisor": _supervisor, "hr": _hr}[work.role](
            work, out, ctx, deadline
        )
        out.cpu_s = time.process_time() - cpu0
        ctx.db.dispose()
    except Exception as exc:  # reported by the parent: the run failed
        import traceback

        out.errors.append(f"{exc!r}\n{traceback.format_exc()}")
    results.put(out)


def _setup(url: str, clients: int) -> list[tuple[str, str, list[int]]]:
    """The demo office, draft appraisals for the supervisors' teams; the plan of each client."""
    from sqlalchemy import select

    from auditdesk.services import appraisals
    from auditdesk.services.context import Actor, AppContext
    from auditdesk.services.demo import create_demo
    from auditdesk.store.migrate import open_database
    from auditdesk.store.models import Appraisal, Employee, User

    db = open_database(url)
    create_demo(AppContext(db, Actor.system()))
    teams: dict[str, list[int]] = {}
    for login in ("kierownik.bok", "kierownik.wks"):
        ctx = _context(url, login)
        sheet = next(c for c in appraisals.sheet_choices(ctx) if c.form_id == "jst-pracownicy")
        with db.session() as s:
            me = s.scalar(select(User.employee_id).where(User.login == login))
            team = list(s.scalars(select(Employee.id).where(Employee.supervisor_id == me)))
            busy = set(s.scalars(select(Appraisal.employee_id).where(Appraisal.status == "draft")))
        teams[login] = []
        for emp in team:
            if emp in busy:
                continue
            appraisal_id = appraisals.start_appraisal(ctx, emp, sheet.version_id)
            extra = [c.code for c in appraisals.appraisal_detail(ctx, appraisal_id).criteria]
            optional = [
                c.code
                for c in appraisals.appraisal_detail(ctx, appraisal_id).criteria
                if not c.required
            ]
            appraisals.set_criteria(ctx, appraisal_id, optional[:1] if optional else extra[:0])
            teams[login].append(appraisal_id)
        ctx.db.dispose()
    db.dispose()
    supervisors = [i for i in range(clients) if i % 4 == 2]
    shares = {"kierownik.bok": supervisors[0::2], "kierownik.wks": supervisors[1::2]}
    plan: list[tuple[str, str, list[int]]] = []
    for i in range(clients):
        if i % 4 in (0, 1):
            plan.append(("auditor", "audytor1" if i % 8 < 4 else "audytor2", []))
        elif i % 4 == 2:
            login = next(k for k, v in shares.items() if i in v)
            mine = shares[login]
            plan.append(("supervisor", login, teams[login][mine.index(i) :: len(mine)]))
        else:
            plan.append(("hr", "kadry" if i % 8 < 4 else "jakosc", []))
    return plan


def _backend_cpu(database: str, seen: dict[int, float]) -> None:
    """Linux: the CPU seconds so far of each server process working for `database` (its
    backends), the highest seen per process kept in `seen` (a backend's time goes when it ends)."""
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if f" {database} ".encode() not in (entry / "cmdline").read_bytes().replace(
                b"\0", b" "
            ):
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        cpu = (int(fields[11]) + int(fields[12])) / tick
        seen[int(entry.name)] = max(seen.get(int(entry.name), 0.0), cpu)


def _p95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def _verify(url: str, outcomes: list[Outcome]) -> list[str]:
    """Every write the clients report is in the store; nothing of a refused stale edit is."""
    from sqlalchemy import func, select

    from auditdesk.services.trail import verify_chain
    from auditdesk.store.db import Database
    from auditdesk.store.models import AppraisalRating, Audit, AuditAnswer, Evidence

    problems: list[str] = []
    db = Database(url)
    with db.session() as s:
        for out in outcomes:
            for audit_id, (answers, evidence) in out.audits.items():
                audit = s.get(Audit, audit_id)
                if audit is None:
                    problems.append(f"client {out.index}: audit #{audit_id} is missing")
                    continue
                if audit.status != "completed":
                    problems.append(f"client {out.index}: audit #{audit_id} is {audit.status}")
                stored = s.scalar(
                    select(func.count())
                    .select_from(AuditAnswer)
                    .where(AuditAnswer.audit_id == audit_id)
                )
                if stored != answers:
                    problems.append(f"audit #{audit_id}: {stored} answers stored, {answers} saved")
                files = s.scalar(
                    select(func.count()).select_from(Evidence).where(Evidence.audit_id == audit_id)
                )
                if files != evidence:
                    problems.append(f"audit #{audit_id}: {files} evidence files, {evidence} added")
            for key, (level, text) in out.ratings.items():
                appraisal_id, code = key.split(":", 1)
                row = s.scalar(
                    select(AppraisalRating).where(
                        AppraisalRating.appraisal_id == int(appraisal_id),
                        AppraisalRating.criterion_code == code,
                    )
                )
                if row is None or (row.level_code, row.justification) != (level, text):
                    got = None if row is None else (row.level_code, row.justification)
                    problems.append(f"appraisal {key}: stored {got}, last written {(level, text)}")
        stale = s.scalar(
            select(func.count()).select_from(AuditAnswer).where(AuditAnswer.comment == STALE_MARK)
        )
        if stale:
            problems.append(f"{stale} answer(s) of refused stale edits reached the store")
        stale = s.scalar(
            select(func.count())
            .select_from(AppraisalRating)
            .where(AppraisalRating.justification == STALE_MARK)
        )
        if stale:
            problems.append(f"{stale} rating(s) of refused stale edits reached the store")
        chain = verify_chain(s)
        if chain is not None:
            problems.append(f"trail: {chain}")
    db.dispose()
    return problems


def _server_url(given: str | None) -> str | None:
    import re

    value = given or os.environ.get(PG_VAR, "").strip()
    if not value:
        return None
    return re.sub(r"^postgres(ql)?(\+\w+)?://", "postgresql+psycopg://", value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--url", help="a PostgreSQL server (default: $AUDITDESK_TEST_PG, else a throwaway one)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the benchmark's database")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    base = _server_url(args.url)
    if base is None:  # start a throwaway cluster the way the PostgreSQL tests do
        script = ROOT / "scripts" / "test-postgres.sh"
        return subprocess.call(["bash", str(script), sys.executable, __file__, *sys.argv[1:]])

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"bench_office_{os.getpid()}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
        version = conn.execute(text("SHOW server_version")).scalar()
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    print(
        f"PostgreSQL {version}, database {name}; {args.clients} clients for "
        f"{args.seconds:.0f} s on {os.cpu_count()} cores"
    )
    try:
        t0 = time.perf_counter()
        plan = _setup(url, args.clients)
        print(
            f"set up (demo office, {sum(len(p[2]) for p in plan)} draft appraisals) "
            f"in {time.perf_counter() - t0:.1f} s"
        )
        spawn = multiprocessing.get_context("spawn")
        start = spawn.Event()
        results = spawn.Queue()
        with tempfile.TemporaryDirectory() as folder:
            procs = []
            for i, (role, login, share) in enumerate(plan):
                work = Work(i, role, login, url, args.seconds, folder, share)
                p = spawn.Process(target=client, args=(work, start, results))
                p.start()
                procs.append(p)
            ready = 0
            early: list[Outcome] = []  # a client that failed before it was ready
            while ready + len(early) < len(procs):  # every client imported and connected
                got = results.get(timeout=600)
                if isinstance(got, Outcome):
                    early.append(got)
                else:
                    ready += 1
            began = time.perf_counter()
            start.set()
            outcomes = list(early)
            backends: dict[int, float] = {}
            # per second: (running a query, waiting for a lock, idle in a transaction)
            activity: list[tuple[int, int, int]] = []
            with admin.connect() as watch:
                while len(outcomes) < len(procs):
                    _backend_cpu(name, backends)
                    activity.append(
                        tuple(  # type: ignore[arg-type]
                            watch.execute(
                                text(
                                    "SELECT count(*) FILTER (WHERE state = 'active'), "
                                    "count(*) FILTER (WHERE wait_event_type = 'Lock'), "
                                    "count(*) FILTER (WHERE state = 'idle in transaction') "
                                    "FROM pg_stat_activity WHERE datname = :n"
                                ),
                                {"n": name},
                            ).one()
                        )
                    )
                    try:
                        outcomes.append(results.get(timeout=1))
                    except queue.Empty:
                        if time.perf_counter() - began > args.seconds + 900:
                            raise
            elapsed = time.perf_counter() - began
            for p in procs:
                p.join()
        outcomes.sort(key=lambda o: o.index)
        errors = [f"client {o.index} ({o.login}): {e}" for o in outcomes for e in o.errors]
        per_op: dict[str, list[float]] = defaultdict(list)
        for o in outcomes:
            for op, values in o.latencies.items():
                per_op[op].extend(values)
        total = sum(len(v) for v in per_op.values())
        print(f"\n{total} operations in {elapsed:.1f} s: {total / elapsed:.1f} ops/s")
        print(f"{'operation':34} {'count':>7} {'ops/s':>7} {'median ms':>10} {'p95 ms':>8}")
        figures: dict[str, Any] = {
            "clients": args.clients,
            "seconds": elapsed,
            "ops_per_s": total / elapsed,
            "operations": {},
        }
        for op in sorted(per_op):
            values = per_op[op]
            row = {
                "count": len(values),
                "ops_per_s": len(values) / elapsed,
                "median_ms": statistics.median(values) * 1000,
                "p95_ms": _p95(values) * 1000,
            }
            figures["operations"][op] = row
            print(
                f"{op:34} {row['count']:7d} {row['ops_per_s']:7.1f} "
                f"{row['median_ms']:10.0f} {row['p95_ms']:8.0f}"
            )
        refused = sum(o.stale_refused for o in outcomes)
        on_appraisals = sum(o.stale_refused_appraisals for o in outcomes)
        accepted = sum(o.stale_accepted for o in outcomes)
        completed = sum(len(o.audits) for o in outcomes)
        ratings = sum(len(o.latencies.get("supervisor: rate criterion", [])) for o in outcomes)
        client_cpu = sum(o.cpu_s for o in outcomes)
        server_cpu = sum(backends.values())
        print(
            f"\nCPU: clients {client_cpu:.1f} s, server backends {server_cpu:.1f} s "
            f"(of {elapsed * (os.cpu_count() or 1):.0f} core-seconds; the rest went to other "
            "programs on the machine)"
        )
        busy = statistics.mean(a[0] for a in activity) if activity else 0.0
        locked = statistics.mean(a[1] for a in activity) if activity else 0.0
        idle = statistics.mean(a[2] for a in activity) if activity else 0.0
        print(
            f"server, sampled each second: {busy:.1f} queries running on average, "
            f"{locked:.1f} of them waiting for a lock (the trail's, or a row's); "
            f"{idle:.1f} connections idle inside a transaction (the client's Python at work)"
        )
        figures.update(
            client_cpu_s=client_cpu,
            server_cpu_s=server_cpu,
            active=busy,
            lock_waits=locked,
            idle_in_transaction=idle,
        )
        print(f"audits completed: {completed}; ratings written: {ratings}")
        print(
            f"stale edits: {refused} refused ({refused - on_appraisals} on audits, "
            f"{on_appraisals} on appraisals), {accepted} accepted (must be 0)"
        )
        problems = _verify(url, outcomes)
        checked = subprocess.run(
            [str(Path(sys.executable).with_name("auditdesk")), "--db", url, "check"],
            capture_output=True,
            text=True,
        )
        last = (checked.stdout.strip().splitlines() or [""])[-1]
        lost = len([p for p in problems if not p.startswith("trail")])
        compared = sum(len(o.ratings) for o in outcomes)
        print(
            f"lost writes: {lost} ({completed} audits and {compared} last ratings "
            "compared with the store)"
        )
        print(f"trail: {'intact' if not any('trail' in p for p in problems) else 'BROKEN'}")
        print(f"auditdesk check: exit {checked.returncode}, {last}")
        for problem in problems[:20] + errors[:5]:
            print("  PROBLEM:", problem)
        figures.update(
            stale_refused=refused,
            stale_refused_appraisals=on_appraisals,
            stale_accepted=accepted,
            audits_completed=completed,
            ratings=ratings,
            problems=problems,
            errors=errors,
            check_exit=checked.returncode,
        )
        if args.json:
            args.json.write_text(
                json.dumps(figures, indent=1, ensure_ascii=False), encoding="utf-8"
            )
        ok = not problems and not errors and accepted == 0 and checked.returncode == 0
        return 0 if ok else 1
    finally:
        if not args.keep:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    sys.exit(main())
