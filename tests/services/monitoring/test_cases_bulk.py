"""The bulk path of the EZD case import (issue 17): a large register (at least as many rows as
the case table holds) is written by the driver's executemany from the compiled Core insert and,
on SQLite, without the table's secondary indexes, which are built again in the same
transaction. The stored values, the indexes and all-or-nothing must be exactly as on the
ordinary path."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, event, func, inspect, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from auditdesk.domain.errors import ValidationFailed
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring.cases import imports as cases_import
from auditdesk.store.models import (
    AuditLogEntry,
    CaseDueRule,
    CaseImportBatch,
    CaseRecord,
    CaseSettledDay,
)

HEADER = "Znak sprawy;Tytuł;Data wszczęcia;Data zakończenia;Kategoria;Termin;Prowadzący"


def rows(n: int) -> list[str]:
    kinds = ["bez zwłoki", "1 miesiąc", "2 miesiące", ""]
    out = []
    for i in range(1, n + 1):
        settled = "" if i % 5 == 0 else f"{1 + i % 27:02d}.04.2025"
        due = "30.06.2025" if i % 7 == 0 else ""
        out.append(
            f"WKS.5430.{i}.2025;Sprawa {i} – źrebię;03.03.2025;{settled};{kinds[i % 4]};{due};"
            "Łucja Żółćńska"
        )
    return out


def write(path: Path, lines: list[str]) -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1250"))
    return path


def indexes(ctx: AppContext) -> list[tuple[Any, ...]]:
    """Name, columns, uniqueness and (on SQLite) the whole definition, partial ones' condition
    included (0021_case_partial_indexes)."""
    with ctx.db.session() as s:
        conn = s.connection()
        found = inspect(conn).get_indexes("case_record")
        sql = {}
        if conn.dialect.name == "sqlite":
            sql = dict(
                conn.exec_driver_sql(
                    "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'case_record'"
                ).all()
            )
    return sorted(
        (i["name"], tuple(i["column_names"]), bool(i["unique"]), sql.get(i["name"])) for i in found
    )


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.psycopg.dialect()])
def test_the_derived_values_are_bound_as_the_dialect_binds_them(dialect: Dialect) -> None:
    """Each distinct value is converted once (the processors remembered, issue 17), to what the
    dialect's own processor gives, the second time as the first."""
    writer = cases_import._Inserts(dialect)
    table = CaseRecord.__table__
    names = cases_import._BOUND
    values = (
        date(2025, 3, 3),
        date(2025, 4, 1),
        "one_month",
        None,
        date(2025, 4, 3),
        date(2025, 4, 3),
        "Termin: 3 kwietnia",
        0,
        True,
        None,
        None,
        29,
        0,
    )
    expected = []
    for name, value in zip(names, values, strict=True):
        column = "due_rule_id" if name == "due_rule_id" else name
        process = table.c[column].type.dialect_impl(dialect).bind_processor(dialect)
        expected.append(value if process is None or value is None else process(value))
    assert writer.bind(values) == expected
    assert writer.bind(values) == expected  # remembered
    for value, process in zip(values, writer.derived, strict=True):
        if process is not None and value is not None:  # converted once, then remembered
            info = process.cache_info()  # type: ignore[attr-defined]
            assert (info.misses, info.hits) == (1, 1)


COMPARED = [c for c in CaseRecord.__table__.c if c.name not in ("id", "batch_id")]
AT = [c.name for c in COMPARED].index("updated_at")


def without_time(found: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [r[:AT] + r[AT + 1 :] for r in found]


def stored(ctx: AppContext) -> list[tuple[Any, ...]]:
    columns = COMPARED
    with ctx.db.session() as s:
        return [tuple(r) for r in s.execute(select(*columns).order_by(CaseRecord.sign))]


def test_the_bulk_path_stores_what_the_ordinary_path_stores(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = indexes(ctx)
    path = write(tmp_path / "spis.csv", [HEADER, *rows(700)])
    monkeypatch.setattr(cases_import, "BULK_ROWS", 10**9)  # the ordinary path first
    ordinary = cases_import.import_cases(ctx, path, as_of=date(2025, 5, 1))
    expected = stored(ctx)
    with ctx.db.session() as s:  # an empty store again
        s.execute(delete(CaseRecord))
    monkeypatch.setattr(cases_import, "BULK_ROWS", 100)
    path = write(tmp_path / "spis-2.csv", [HEADER, *rows(700), ""])  # another file, same rows
    bulk = cases_import.import_cases(ctx, path, as_of=date(2025, 5, 1))
    assert (bulk.created, bulk.updated, bulk.unchanged) == (700, 0, 0) == (ordinary.created, 0, 0)
    assert without_time(stored(ctx)) == without_time(expected)
    assert indexes(ctx) == before  # every index back, as it was
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(CaseImportBatch)) == 2
        logged = s.scalars(
            select(AuditLogEntry).where(AuditLogEntry.entity == "case_import_batch")
        ).all()
        assert len(logged) == 2  # one entry per import, with its counts
        assert json.loads(logged[-1].after_json or "{}")["created"] == 700


def test_a_cancelled_bulk_import_leaves_nothing_and_the_indexes(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cases_import, "BULK_ROWS", 100)
    before = indexes(ctx)
    path = write(tmp_path / "spis.csv", [HEADER, *rows(1200)])
    calls: list[int] = []

    class Stop(Exception):
        pass

    def check() -> None:
        calls.append(1)
        if len(calls) == 8:  # 6 looks while reading, then one before each chunk: mid-writing
            raise Stop()

    with pytest.raises(Stop):
        cases_import.import_cases(ctx, path, check=check)
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(CaseRecord)) == 0
        assert s.scalar(select(func.count()).select_from(CaseImportBatch)) == 0
    assert indexes(ctx) == before
    result = cases_import.import_cases(ctx, path)
    assert result.created == 1200
    assert indexes(ctx) == before


def test_a_newer_export_after_a_bulk_load_updates_by_sign(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cases_import, "BULK_ROWS", 100)
    before = indexes(ctx)
    first = rows(300)
    cases_import.import_cases(ctx, write(tmp_path / "a.csv", [HEADER, *first]))
    newer = [r.replace(";03.03.2025;;", ";03.03.2025;28.04.2025;") for r in first]
    newer.append("WKS.5430.301.2025;Nowa;03.03.2025;;1 miesiąc;;Paweł Kozłowski")
    result = cases_import.import_cases(ctx, write(tmp_path / "b.csv", [HEADER, *newer]))
    # 301 rows against 300 stored: the bulk path again, with updates
    assert (result.created, result.updated, result.unchanged) == (1, 60, 240)
    assert indexes(ctx) == before
    with ctx.db.session() as s:
        assert s.scalar(select(func.count()).where(CaseRecord.settled_on.is_(None))) == 1


def mixed_rows() -> list[str]:
    """Every kind of row the fast reader meets: categories (the office's words too), no
    category with and without an EZD date, suspensions by days and by dates, units by code, by
    name and unknown, a sign with no unit and a unit column."""
    header = (
        "Znak sprawy;Komórka;JRWA;Tytuł;Data wszczęcia;Data zakończenia;Kategoria;Termin;"
        "Dni zawieszenia;Zawieszona;Zawieszona od;Zawieszona do;Prowadzący"
    )
    kinds = ["bez zwłoki", "1 miesiąc", "2 miesiące", "odwołanie", "skarga", "", "Odwołanie"]
    units = ["", "WKS", "XYZ", "Nieznana komórka"]
    out = [header]
    for i in range(1, 401):
        kind = kinds[i % len(kinds)]
        due = "30.06.2025" if i % 11 == 0 or (kind == "" and i % 2) else ""
        susp = (
            ("3", "", "", "")
            if i % 13 == 0
            else ("", "tak", "10.03.2025", "")
            if i % 17 == 0
            else ("", "", "", "")
        )
        settled = "" if i % 6 == 0 else f"{1 + i % 28:02d}.04.2025"
        sign = f"WKS.5430.{i}.2025" if i % 9 else f"sprawa-{i}"
        unit = units[i % len(units)] if i % 9 else "WKS"
        out.append(
            f"{sign};{unit};;Sprawa {i};{1 + i % 20:02d}.03.2025;{settled};{kind};{due};"
            f"{';'.join(susp)};Łucja"
        )
    return out


def test_the_fast_reader_stores_and_refuses_what_the_row_rule_does(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: the import reads rows through CaseRowReader; with it switched off (every row
    through read_case) the same file stores the same values, counts the same, and a file with
    bad rows is refused with the very same problems."""
    lines = mixed_rows()
    fast = cases_import.import_cases(ctx, write(tmp_path / "a.csv", lines), as_of=date(2025, 5, 1))
    expected = without_time(stored(ctx))
    with ctx.db.session() as s:
        s.execute(delete(CaseRecord))
    monkeypatch.setattr(cases_import.CaseSource, "fast_reader", lambda self, mapping: None)
    slow = cases_import.import_cases(
        ctx, write(tmp_path / "b.csv", [*lines, ""]), as_of=date(2025, 5, 1)
    )
    assert without_time(stored(ctx)) == expected
    assert len(expected) == 400
    counts = ("created", "linked", "settled_from_file", "unmatched_units")
    assert [getattr(fast, c) for c in counts] == [getattr(slow, c) for c in counts]
    assert fast.unmatched_units  # the unknown units are named
    bad = list(lines)
    bad[5] = bad[5].replace("Sprawa 5", "T" * 501)
    bad[40] = bad[40].replace(";Łucja", ";" + "H" * 201)
    bad[77] = bad[77].replace(".03.2025;", ".13.2025;", 1)
    bad[100] = bad[100].replace("WKS.5430.100.2025;", "zły znak;", 1)
    bad.append(bad[3])  # the same sign twice
    problems = []
    for reader in (None, "fast"):
        if reader:
            monkeypatch.undo()
        with pytest.raises(cases_import.ImportRejected) as refused:
            cases_import.import_cases(ctx, write(tmp_path / f"bad-{reader}.csv", bad))
        problems.append([str(p) for p in refused.value.problems])
    assert problems[0] == problems[1]
    assert len(problems[0]) == 5


def refuses_a_missing_unit(ctx: AppContext) -> None:
    """A new session on the same engine still enforces foreign keys: pointing a stored case at
    a unit that does not exist fails."""
    with pytest.raises(IntegrityError), ctx.db.session() as s:
        s.execute(
            update(CaseRecord)
            .where(CaseRecord.id == select(func.min(CaseRecord.id)).scalar_subquery())
            .values(unit_id=987_654)
        )


def test_foreign_key_checks_are_off_only_for_the_bulk_load_and_on_again_after_it(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: the bulk path writes with SQLite's foreign-key checks off; whatever ends its
    transaction (stored, refused, cancelled), the next session's connection has them on."""
    monkeypatch.setattr(cases_import, "BULK_ROWS", 100)
    sqlite = ctx.db.engine.dialect.name == "sqlite"
    seen: list[Any] = []
    insert_rows = cases_import._Inserts.insert

    def spy(self: Any, session: Session, rows: list[tuple[Any, ...]]) -> None:
        if sqlite:
            seen.append(session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar())
        insert_rows(self, session, rows)

    monkeypatch.setattr(cases_import._Inserts, "insert", spy)
    result = cases_import.import_cases(ctx, write(tmp_path / "a.csv", [HEADER, *rows(300)]))
    assert result.created == 300
    assert set(seen) == ({0} if sqlite else set())  # the bulk load ran without the checks
    refuses_a_missing_unit(ctx)

    bad = [HEADER, *rows(600)]
    bad[7] = bad[7].replace(";03.03.2025;", ";33.03.2025;")  # refused after prepare
    with pytest.raises(cases_import.ImportRejected):
        cases_import.import_cases(ctx, write(tmp_path / "bad.csv", bad))
    refuses_a_missing_unit(ctx)

    class Stop(Exception):
        pass

    calls: list[int] = []

    def check() -> None:
        calls.append(1)
        if len(calls) == 8:  # mid-writing
            raise Stop()

    with pytest.raises(Stop):
        cases_import.import_cases(
            ctx, write(tmp_path / "b.csv", [HEADER, *rows(1200)]), check=check
        )
    refuses_a_missing_unit(ctx)
    seen.clear()
    monkeypatch.setattr(cases_import, "BULK_ROWS", 10**9)  # the ordinary path keeps the checks
    cases_import.import_cases(ctx, write(tmp_path / "c.csv", [HEADER, *rows(301)]))
    assert set(seen) == ({1} if sqlite else set())
    refuses_a_missing_unit(ctx)


@pytest.mark.sqlite_only  # the checks are turned off on SQLite only
def test_a_bulk_load_referring_to_a_missing_unit_is_refused_and_stores_nothing(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: the one foreign_key_check before the commit finds what the checks, off for the
    load, would have refused row by row (here a unit deleted while the file was read)."""
    monkeypatch.setattr(cases_import, "BULK_ROWS", 100)
    before = indexes(ctx)
    monkeypatch.setattr(
        cases_import.CaseSource, "_find_unit", lambda self, text, sign_unit: ("WKS", 987_654)
    )
    with pytest.raises(ValidationFailed) as refused:
        cases_import.import_cases(ctx, write(tmp_path / "spis.csv", [HEADER, *rows(500)]))
    message = str(refused.value)
    assert "spis.csv: the import would store a reference to a row of org_unit" in message
    assert "(case_record.unit_id = 987654, case WKS.5430.1.2025)" in message
    assert "Nothing was imported" in message
    with ctx.db.session() as s:
        for model in (CaseRecord, CaseImportBatch, CaseDueRule, CaseSettledDay):
            assert s.scalar(select(func.count()).select_from(model)) == 0
        assert not s.scalars(
            select(AuditLogEntry).where(AuditLogEntry.entity == "case_import_batch")
        ).all()
    assert indexes(ctx) == before
    monkeypatch.undo()
    monkeypatch.setattr(cases_import, "BULK_ROWS", 100)
    path = write(tmp_path / "spis.csv", [HEADER, *rows(500)])
    assert cases_import.import_cases(ctx, path).created == 500  # the same file, units as found
    refuses_a_missing_unit(ctx)


def test_the_indexes_are_rebuilt_with_sorter_threads_set_back_after(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17: SQLite's sorter may use helper threads while the bulk load builds the dropped
    indexes again; the connection's setting is back to none afterwards."""
    if ctx.db.engine.dialect.name != "sqlite":
        pytest.skip("the bulk path drops and rebuilds indexes on SQLite only")
    monkeypatch.setattr(cases_import, "BULK_ROWS", 100)
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(" ".join(statement.split()).upper())

    event.listen(ctx.db.engine, "before_cursor_execute", seen)
    try:
        result = cases_import.import_cases(ctx, write(tmp_path / "a.csv", [HEADER, *rows(300)]))
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", seen)
    assert result.created == 300
    built = [n for n, s in enumerate(statements) if s.startswith("CREATE INDEX")]
    on = [n for n, s in enumerate(statements) if s.startswith("PRAGMA THREADS = ")]
    assert built and len(on) == 2
    assert statements[on[0]] != "PRAGMA THREADS = 0" and on[0] < built[0]
    assert statements[on[1]] == "PRAGMA THREADS = 0" and built[-1] < on[1]
    with ctx.db.session() as s:
        assert s.connection().exec_driver_sql("PRAGMA threads").scalar() == 0
