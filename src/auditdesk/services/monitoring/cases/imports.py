"""Importing an EZD case register export (CSV or XLSX): encoding and delimiter found out, the
columns mapped once and remembered by the header row, the whole file or nothing, and cases
updated by their sign, so the same or a newer export adds no duplicates."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table as SqlTable
from sqlalchemy import insert, select, update

from auditdesk.domain.case_deadlines import timeliness
from auditdesk.domain.case_rows import (
    FIELDS,
    REQUIRED,
    ParsedCase,
    RowProblem,
    auto_mapping,
    header_key,
    parse_row,
)
from auditdesk.domain.errors import NotFound, ValidationFailed
from auditdesk.reports.tabular import Table, read_table
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.store.base import utcnow
from auditdesk.store.models import CaseColumnMapping, CaseImportBatch, CaseRecord, OrgUnit

PREVIEW_ROWS = 10
CHUNK = 500
MAX_LISTED = 200  # problems named in the message; the exception carries all of them


class ImportRejected(ValidationFailed):
    """Some rows could not be read: nothing was imported. `problems` names every one."""

    def __init__(self, message: str, problems: list[RowProblem], /, **fields: object) -> None:
        super().__init__(message, **fields)
        self.problems = problems


@dataclass(frozen=True)
class Preview:
    header: list[str]
    rows: list[list[str]]
    encoding: str
    delimiter: str
    mapping: dict[str, int]  # the remembered one for this header, else a guess from the names
    mapping_name: str | None  # the remembered mapping's name, None for a guess


@dataclass
class ImportResult:
    file_name: str
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    unmatched_units: list[str] = field(default_factory=list)
    batch_id: int | None = None
    already_imported: bool = False
    encoding: str = ""


def _encoding_label(table: Table) -> str:
    """How a batch names the encoding: Windows-1250 as Windows and EZD call it."""
    return "windows-1250" if table.encoding == "cp1250" else table.encoding


def remembered_mapping(ctx: AppContext, header: Sequence[str]) -> CaseColumnMapping | None:
    with ctx.db.session() as s:
        found = s.scalars(
            select(CaseColumnMapping)
            .where(CaseColumnMapping.header_key == header_key(header))
            .order_by(CaseColumnMapping.updated_at.desc())
        ).first()
        if found is not None:
            s.expunge(found)
        return found


def mapping_names(ctx: AppContext) -> list[str]:
    with ctx.db.session() as s:
        return list(s.scalars(select(CaseColumnMapping.name).order_by(CaseColumnMapping.name)))


def preview(ctx: AppContext, path: Path, encoding: str = "auto") -> Preview:
    """The first rows and the mapping to preselect, for the mapping dialog."""
    require(ctx.actor, Permission.MANAGE_CASES)
    table = read_table(path, encoding)
    known = remembered_mapping(ctx, table.header)
    mapping = {k: int(v) for k, v in known.columns.items()} if known else auto_mapping(table.header)
    return Preview(
        table.header,
        [cells for _, cells in table.rows[:PREVIEW_ROWS]],
        _encoding_label(table),
        table.delimiter,
        mapping,
        known.name if known else None,
    )


def remember_mapping(
    ctx: AppContext, name: str, header: Sequence[str], columns: Mapping[str, int]
) -> None:
    """Stores (or replaces) a mapping under its name, found again by the header row."""
    require(ctx.actor, Permission.MANAGE_CASES)
    _check_mapping(columns, header, name)
    with ctx.db.session() as s:
        row = s.scalars(select(CaseColumnMapping).where(CaseColumnMapping.name == name)).first()
        if row is None:
            row = CaseColumnMapping(name=name, header_key="", columns={})
            s.add(row)
        row.header_key = header_key(header)
        row.columns = dict(columns)
        row.updated_at = utcnow()
        s.flush()
        trail.record(s, ctx.actor, "save", "case_column_mapping", row.id, after=dict(columns))


def _check_mapping(columns: Mapping[str, int], header: Sequence[str], name: str) -> None:
    missing = [FIELDS[f] for f in REQUIRED if f not in columns]
    if missing:
        raise ValidationFailed(
            "mapping {name!r} does not say which column holds: {fields}; map them and try again.",
            name=name,
            fields=", ".join(missing),
        )
    for field_name, index in columns.items():
        if field_name not in FIELDS or not 0 <= int(index) < len(header):
            raise ValidationFailed(
                "mapping {name!r}: field {field!r} points to column {index}, which the file "
                "does not have; map the columns again.",
                name=name,
                field=field_name,
                index=index,
            )


def _resolve(
    ctx: AppContext, table: Table, mapping: Mapping[str, int] | str | None
) -> tuple[dict[str, int], str]:
    if isinstance(mapping, Mapping):
        return {k: int(v) for k, v in mapping.items()}, "given"
    if mapping and mapping != "auto":
        with ctx.db.session() as s:
            row = s.scalars(
                select(CaseColumnMapping).where(CaseColumnMapping.name == mapping)
            ).first()
            if row is None:
                raise NotFound(
                    "there is no column mapping named {name!r}; use --mapping auto or map the "
                    "columns in the window first.",
                    name=mapping,
                )
            return {k: int(v) for k, v in row.columns.items()}, row.name
    known = remembered_mapping(ctx, table.header)
    if known is not None:
        return {k: int(v) for k, v in known.columns.items()}, known.name
    return auto_mapping(table.header), "auto"


Progress = Callable[[int, int], None]


def import_cases(
    ctx: AppContext,
    path: Path,
    mapping: Mapping[str, int] | str | None = "auto",
    *,
    encoding: str = "auto",
    remember_as: str | None = None,
    as_of: date | None = None,
    on_progress: Progress | None = None,
    check: Callable[[], None] | None = None,
) -> ImportResult:
    """Imports the register: every row read or nothing stored (ImportRejected names each
    unreadable row). Cases are matched by sign: new ones added, changed ones updated."""
    require(ctx.actor, Permission.MANAGE_CASES)
    as_of = as_of or date.today()
    report = on_progress or (lambda _d, _t: None)
    table = read_table(path, encoding)
    columns, mapping_name = _resolve(ctx, table, mapping)
    _check_mapping(columns, table.header, mapping_name)
    result = ImportResult(path.name, rows=len(table.rows), encoding=_encoding_label(table))
    with ctx.db.session() as s:
        if s.scalar(select(CaseImportBatch.id).where(CaseImportBatch.sha256 == table.sha256)):
            result.already_imported = True
            result.unchanged = len(table.rows)
            return result
    total = len(table.rows)
    parsed: list[ParsedCase] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    for n, (line, cells) in enumerate(table.rows, start=1):
        case, found = parse_row(line, cells, columns, table.header, as_of)
        problems += found
        if case is not None:
            if case.sign in seen:
                problems.append(
                    RowProblem(
                        line,
                        table.header[columns["sign"]],
                        case.sign,
                        f"the same case sign as line {seen[case.sign]}",
                    )
                )
            seen[case.sign] = line
            parsed.append(case)
        if n % 2000 == 0:
            report(n, total * 2)
            if check:
                check()
    if problems:
        listed = "\n".join(f"  {p}" for p in problems[:MAX_LISTED])
        more = len(problems) - MAX_LISTED
        raise ImportRejected(
            "{file}: {count} value(s) could not be read, so nothing was imported; correct them "
            "and import the file again:\n{problems}{more}",
            problems,
            file=path.name,
            count=len(problems),
            problems=listed,
            more=f"\n  … and {more} more" if more > 0 else "",
        )
    if remember_as:
        remember_mapping(ctx, remember_as, table.header, columns)
    _store(ctx, table, path.name, columns, mapping_name, parsed, result, report, check)
    report(total * 2, total * 2)
    return result


_COMPARED = (
    "unit_code",
    "unit_id",
    "jrwa",
    "title",
    "started_on",
    "settled_on",
    "category",
    "ezd_due_on",
    "computed_due_on",
    "due_on",
    "due_rule",
    "suspension_days",
    "suspended",
    "suspended_from",
    "suspended_to",
    "handler",
    "remarks",
    "days_to_settle",
    "days_late",
)


def _values(case: ParsedCase, units: Mapping[str, int]) -> dict[str, Any]:
    settled = case.settled_on
    return {
        "sign": case.sign,
        "unit_code": case.unit_code,
        "unit_id": units.get(case.unit_code.upper()),
        "jrwa": case.jrwa,
        "title": case.title[:500],
        "started_on": case.started_on,
        "settled_on": settled,
        "category": case.category.value,
        "ezd_due_on": case.ezd_due,
        "computed_due_on": case.computed_due,
        "due_on": case.due_on,
        "due_rule": case.due_rule,
        "suspension_days": case.suspension_days,
        "suspended": case.suspended,
        "suspended_from": case.suspended_from,
        "suspended_to": case.suspended_to,
        "handler": case.handler[:200],
        "remarks": case.remarks,
        "days_to_settle": (settled - case.started_on).days if settled else None,
        "days_late": timeliness(case.due_on, settled, settled).days_late if settled else None,
    }


def _store(
    ctx: AppContext,
    table: Table,
    file_name: str,
    columns: Mapping[str, int],
    mapping_name: str,
    parsed: list[ParsedCase],
    result: ImportResult,
    report: Progress,
    check: Callable[[], None] | None,
) -> None:
    total = len(parsed)
    with ctx.db.session() as s:
        units = {code.upper(): uid for uid, code in s.execute(select(OrgUnit.id, OrgUnit.code))}
        batch = CaseImportBatch(
            file_name=file_name[:300],
            sha256=table.sha256,
            encoding=_encoding_label(table),
            delimiter=table.delimiter,
            mapping={"name": mapping_name, "columns": dict(columns)},
            imported_by=ctx.actor.login,
        )
        s.add(batch)
        s.flush()
        now = utcnow()
        unmatched: set[str] = set()
        for start in range(0, total, CHUNK):
            chunk = parsed[start : start + CHUNK]
            existing = {
                row.sign: row
                for row in s.execute(
                    select(
                        CaseRecord.id, CaseRecord.sign, *(getattr(CaseRecord, c) for c in _COMPARED)
                    ).where(CaseRecord.sign.in_([c.sign for c in chunk]))
                )
            }
            inserts: list[dict[str, Any]] = []
            updates: list[dict[str, Any]] = []
            for case in chunk:
                values = _values(case, units)
                if values["unit_id"] is None and case.unit_code:
                    unmatched.add(case.unit_code)
                old = existing.get(case.sign)
                if old is None:
                    inserts.append({**values, "batch_id": batch.id, "updated_at": now})
                elif any(getattr(old, c) != values[c] for c in _COMPARED):
                    updates.append(
                        {**values, "id": old.id, "batch_id": batch.id, "updated_at": now}
                    )
                else:
                    result.unchanged += 1
            if inserts:
                # Core executemany: one statement per chunk (the ORM's bulk insert splits rows
                # by which values are None, thousands of statements for a year's register)
                s.execute(insert(cast(SqlTable, CaseRecord.__table__)), inserts)
            if updates:
                s.execute(update(CaseRecord), updates)
            result.created += len(inserts)
            result.updated += len(updates)
            report(total + start + len(chunk), total * 2)
            if check:
                check()
        batch.rows = len(parsed)
        batch.created, batch.updated, batch.unchanged = (
            result.created,
            result.updated,
            result.unchanged,
        )
        result.unmatched_units = sorted(unmatched)
        result.batch_id = batch.id
        trail.record(
            s,
            ctx.actor,
            "import",
            "case_import_batch",
            batch.id,
            after={
                "file": file_name,
                "sha256": table.sha256,
                "rows": len(parsed),
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
            },
        )
