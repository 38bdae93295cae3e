"""Integrity checks: SQLite's own check and the stored form versions against their hashes."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from auditdesk.store.db import Database
from auditdesk.store.models import FormVersion


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # parts that do not apply to this store

    @property
    def ok(self) -> bool:
        return not self.problems

    def add_listed(self, problems: list[str], what: str, listed: int = 20) -> None:
        """The first `listed` problems one by one, the rest counted."""
        self.problems += problems[:listed]
        if len(problems) > listed:
            self.problems.append(f"{what}: {len(problems) - listed} more like the above")


Check = Callable[[Database, "CheckReport"], None]
"""One area's check: reads the database, adds its problems and counts to the report."""


def check_database(db: Database, checks: Sequence[Check] = ()) -> CheckReport:
    """SQLite's own check (on a file), the form versions, then `checks` in order. The list is
    explicit (services.integrity composes it), so no check depends on what happened to be
    imported before."""
    report = CheckReport()
    if db.path is not None:
        with db.engine.connect() as conn:
            rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check")).all()]
            fk = conn.execute(text("PRAGMA foreign_key_check")).all()
            pages = int(conn.execute(text("PRAGMA page_count")).scalar_one())
        if rows != ["ok"]:
            report.problems += [f"SQLite integrity: {r}" for r in rows[:20]]
        for table, rowid, parent, _ in fk[:20]:
            report.problems.append(f"foreign key: {table} row {rowid} points to missing {parent}")
        report.checked["sqlite pages"] = pages  # what integrity_check read, every page
    else:
        report.skipped.append(
            f"SQLite's page and foreign-key checks (PRAGMA): the store is {db.engine.dialect.name}"
            ", which keeps its pages and foreign keys itself"
        )
    for part in (_check_schema, _check_form_versions, *checks):
        # A file whose schema text was damaged inside a stored value still opens, and a check
        # that reads a table whose column names no longer parse fails with SQL's own error:
        # that is a finding about the file, named as one, and the other checks still run.
        try:
            part(db, report)
        except DBAPIError as exc:
            reason = str(exc.orig).splitlines()[0] if exc.orig is not None else type(exc).__name__
            name = getattr(part, "__name__", "check").lstrip("_").replace("_", " ")
            report.problems.append(
                f"{name}: the database could not be read ({reason}); the file is damaged: "
                "restore the latest backup"
            )
    return report


def _check_form_versions(db: Database, report: CheckReport) -> None:
    """Every stored form version against its content hash."""
    with db.session() as s:
        versions = s.scalars(select(FormVersion)).all()
        for v in versions:
            digest = hashlib.sha256(v.definition_json.encode("utf-8")).hexdigest()
            if digest != v.content_hash:
                report.problems.append(
                    f"form version {v.form_id} #{v.id}: content does not match its hash "
                    f"{v.content_hash[:12]}… (it was altered after it was stored)"
                )
        report.checked["form versions"] = len(versions)


def _check_schema(db: Database, report: CheckReport) -> None:
    """The schema revisions the database records against the ones this AuditDesk writes."""
    from auditdesk.store.schema_heads import HEADS

    with db.engine.connect() as conn:
        stored = set(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    if stored != HEADS:
        report.problems.append(
            f"schema revision: the database records {', '.join(sorted(stored)) or 'none'}, this "
            f"AuditDesk writes {', '.join(sorted(HEADS))} (open it once to migrate, or update)"
        )
    report.checked["schema revisions"] = len(stored)
