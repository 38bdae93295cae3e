"""Importing an EZD case register export (CSV or XLSX) on the import framework
(services/monitoring/importing): the fields and the row rule are in domain/case_rows.py, the
columns mapped once and remembered under a name by the header row, the whole file or nothing,
and cases updated by their sign, so the same or a newer export adds no duplicates."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table as SqlTable
from sqlalchemy import func, insert, select, text, update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from auditdesk.domain.case_deadlines import CaseTerms, suspended_without_dates, timeliness
from auditdesk.domain.case_rows import (
    CASE_FIELDS,
    IGNORED_HEADERS,
    SIGN,
    CaseRowReader,
    ParsedCase,
    legacy_header_key,
    read_case,
)
from auditdesk.domain.errors import NotFound, ValidationFailed
from auditdesk.domain.import_plan import MappingSpec, not_imported, whole
from auditdesk.domain.importing import (
    ColumnMapping,
    Field,
    RowProblem,
    SourceRow,
    check_mapping,
    header_key,
    normalise_header,
)
from auditdesk.reports.tabular import Table, read_table
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring import importing
from auditdesk.services.monitoring.cases import sentences, summary
from auditdesk.services.monitoring.cases.rules import load_rules
from auditdesk.services.monitoring.importing import ImportRejected, ImportSource
from auditdesk.services.monitoring.importing.files import write_mapping_file
from auditdesk.store.base import utcnow
from auditdesk.store.db import foreign_key_violations, foreign_keys_off
from auditdesk.store.models import (
    AuditLogEntry,
    CaseColumnMapping,
    CaseDueRule,
    CaseImportBatch,
    CaseRecord,
    CaseSettledDay,
    OrgUnit,
    TrailHead,
)

__all__ = ["ImportRejected", "ImportResult", "Preview", "import_cases", "preview"]

PREVIEW_ROWS = importing.PREVIEW_ROWS
CHUNK = importing.CHUNK


@dataclass(frozen=True)
class Preview:
    header: list[str]
    rows: list[list[str]]
    encoding: str
    delimiter: str
    mapping: dict[str, int]  # the remembered one for this header, else a guess from the names
    mapping_name: str | None  # the remembered mapping's name, None for a guess
    row_count: int = 0  # rows of the file (the preview shows the first ones)
    ignored: tuple[int, ...] = ()  # columns left out on purpose (a known layout's)
    looks_like: dict[int, str] = field(default_factory=dict)  # unknown column → field named
    skipped: tuple[str, ...] = ()  # title or blank lines above the header, skipped
    distinct: dict[int, tuple[str, ...]] = field(default_factory=dict)  # column → its words
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field → its values
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # remembered value words


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
    linked: int = 0  # cases linked to a unit of the organisation
    settled_from_file: int = 0  # cases with a date of settlement read from the file
    not_imported: list[str] = field(default_factory=list)  # unknown columns holding data
    header_line: int = 1
    skipped: tuple[str, ...] = ()  # title lines above the header


def _encoding_label(table: Table) -> str:
    """How a batch names the encoding: Windows-1250 as Windows and EZD call it."""
    return "windows-1250" if table.encoding == "cp1250" else table.encoding


def _find_mapping(session: Session, header: Sequence[str]) -> CaseColumnMapping | None:
    keys = (header_key(header), legacy_header_key(header))
    return session.scalars(
        select(CaseColumnMapping)
        .where(CaseColumnMapping.header_key.in_(keys))
        .order_by(CaseColumnMapping.updated_at.desc())
    ).first()


def remembered_mapping(ctx: AppContext, header: Sequence[str]) -> CaseColumnMapping | None:
    with ctx.db.session() as s:
        found = _find_mapping(s, header)
        if found is not None:
            s.expunge(found)
        return found


def mapping_names(ctx: AppContext) -> list[str]:
    with ctx.db.session() as s:
        return list(s.scalars(select(CaseColumnMapping.name).order_by(CaseColumnMapping.name)))


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


def _days_late(case: ParsedCase) -> int | None:
    """Settled cases judged against a known deadline only: none is known without a category,
    and a case marked suspended without its dates waits for a person to complete them."""
    settled = case.settled_on
    if settled is None or case.due_on is None:
        return None
    if suspended_without_dates(case.suspended, _terms(case)):
        return None
    return timeliness(case.due_on, settled, settled).days_late


def _terms(case: ParsedCase) -> CaseTerms:
    return CaseTerms(
        case.started_on,
        case.category,
        suspension_days=case.suspension_days,
        suspended_from=case.suspended_from,
        suspended_to=case.suspended_to,
    )


# the stored values that follow from a case's dates, category and suspension (the import
# works them out once per distinct combination: CaseRowReader), in this order
_DERIVED = (
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
    "days_to_settle",
    "days_late",
)
# the rule sentence is stored once per distinct text (case_due_rule, 0020_case_rules): the
# case holds its id. The derived values as bound are a list shared by every row of the same
# combination, its sentence replaced by the sentence's id once, before the first row is written
_RULE = _DERIVED.index("due_rule")
_BOUND = tuple("due_rule_id" if name == "due_rule" else name for name in _DERIVED)
# an item of the import: these, then (the derived values, the same as the driver takes them)
_HEAD = ("sign", "unit_code", "unit_id", "jrwa", "title", "handler", "remarks")
_INSERTED = (*_HEAD, *_BOUND, "batch_id", "updated_at")
assert set(_INSERTED) == {*_COMPARED, "sign", "batch_id", "updated_at", "due_rule_id"} - {
    "due_rule"
}
Derived = tuple[tuple[Any, ...], list[Any]]  # as read, as bound (see _BOUND)
CaseItem = tuple[str, str, int | None, str, str, str, str, Derived]


def _derived(case: ParsedCase) -> tuple[Any, ...]:
    settled = case.settled_on
    return (
        case.started_on,
        settled,
        case.category.value,
        case.ezd_due,
        case.computed_due,
        case.due_on,
        case.due_rule,
        case.suspension_days,
        case.suspended,
        case.suspended_from,
        case.suspended_to,
        (settled - case.started_on).days if settled else None,
        _days_late(case),
    )


def _values(item: CaseItem) -> dict[str, Any]:
    """The stored values of an item by column (an update compares them with the stored)."""
    values = dict(zip(_HEAD, item[:7], strict=True))
    values.update(zip(_DERIVED, item[7][0], strict=True))
    return values


BULK_ROWS = 20_000  # a register this large loads into an empty table without its indexes
# every table an import writes: on the bulk path they are written with SQLite's foreign-key
# checks off and checked once before the commit (CaseSource.prepare, _check_references)
_WRITTEN = tuple(
    str(model.__tablename__)
    for model in (
        CaseRecord,
        CaseImportBatch,
        CaseDueRule,
        CaseSettledDay,
        CaseColumnMapping,
        AuditLogEntry,
        TrailHead,
    )
)


def _remembered(process: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    """A bind processor that converts each distinct value once (values are hashable: dates,
    numbers, text)."""
    return None if process is None else lru_cache(maxsize=8192)(process)


class _Inserts:
    """The Core insert of case_record compiled once for the store's dialect and run as the
    driver's executemany (sqlite3; psycopg 3 pipelines it) on rows of plain values (issue 17:
    SQLAlchemy's per-row parameter handling was a tenth of the import). Each value is
    converted by its column type's bind processor: the derived values once per distinct
    combination (`bind`), the others (text, ids: none has a processor in SQLite or psycopg)
    per row only where one has."""

    def __init__(self, dialect: Dialect) -> None:
        table = cast(SqlTable, CaseRecord.__table__)
        compiled = insert(table).compile(dialect=dialect, column_keys=list(_INSERTED))
        self.sql = compiled.string
        self.positional = bool(compiled.positional)
        order = list(compiled.positiontup or ()) if self.positional else list(_INSERTED)
        self.order = order
        self.arrange: Callable[[tuple[Any, ...]], tuple[Any, ...]] | None = None
        if order != list(_INSERTED):
            self.arrange = cast(
                Callable[[tuple[Any, ...]], tuple[Any, ...]],
                itemgetter(*(_INSERTED.index(name) for name in order)),
            )
        processors = {
            name: table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
            for name in _INSERTED
        }
        # once per distinct value: a register's combinations repeat the same few hundred
        # dates (the dialect's own processor, kept; 300,000 calls at a million cases)
        self.derived = [_remembered(processors[name]) for name in _BOUND]
        self.others = [
            (n, processors[name]) for n, name in enumerate(_HEAD) if processors[name] is not None
        ]
        self.tail_processors = [processors["batch_id"], processors["updated_at"]]
        assert processors["due_rule_id"] is None, "an integer id is bound as it is"
        self.rule_ids: dict[str, int | None] = {"": None}  # sentence → id (sentences.rule_ids)

    def tail(self, batch_id: int, now: datetime) -> tuple[Any, ...]:
        """The values every row of an import shares, bound: its batch, the time of the change."""
        return tuple(
            value if process is None else process(value)
            for value, process in zip((batch_id, now), self.tail_processors, strict=True)
        )

    def bind(self, values: tuple[Any, ...]) -> list[Any]:
        """The derived values as the driver takes them, the sentence still as text (`identify`
        puts its id in its place)."""
        return [
            value if process is None or value is None else process(value)
            for value, process in zip(values, self.derived, strict=True)
        ]

    def identify(self, session: Session, bound: list[list[Any]]) -> None:
        """Each of these bound lists (made by `bind`, not given here before) gets its
        sentence's id, the sentences not stored yet stored (once per distinct text)."""
        self.rule_ids = sentences.rule_ids(session, {b[_RULE] for b in bound}, self.rule_ids)
        ids = self.rule_ids
        for values in bound:
            values[_RULE] = ids[values[_RULE]]

    def row(self, item: CaseItem, tail: tuple[Any, ...]) -> tuple[Any, ...]:
        """The insert's parameters for an item; `tail`: batch id, time of the change."""
        out = (*item[:7], *item[7][1], *tail)
        if self.others:
            listed = list(out)
            for n, process in self.others:
                if listed[n] is not None:
                    listed[n] = cast(Callable[[Any], Any], process)(listed[n])
            out = tuple(listed)
        return out if self.arrange is None else self.arrange(out)

    def insert(self, session: Session, rows: list[tuple[Any, ...]]) -> None:
        connection = session.connection()
        if self.positional:
            connection.exec_driver_sql(self.sql, rows)
        else:
            connection.exec_driver_sql(
                self.sql, [dict(zip(self.order, r, strict=True)) for r in rows]
            )


UNIT_CODE_LENGTH = 40  # what case_record.unit_code holds
_SIGN_OF = itemgetter(0)  # an item's sign


class CaseSource(ImportSource[CaseItem]):
    """The EZD case register: one case per row, keyed by its sign (updated in place)."""

    ignored_headers = IGNORED_HEADERS

    def __init__(
        self, ctx: AppContext, table: Table, as_of: date, mapping: ColumnMapping, name: str
    ) -> None:
        self.ctx = ctx
        self.table = table
        self.as_of = as_of
        self.columns = dict(mapping.columns)
        self.mapping_name = name
        self.result = ImportResult(
            table.file, rows=len(table.rows), encoding=_encoding_label(table)
        )
        self.units: dict[str, int] = {}
        self.unit_names: dict[str, tuple[str, int]] = {}
        self.unmatched: set[str] = set()
        self.batch: CaseImportBatch | None = None
        self.now = utcnow()
        self.stored = 0  # cases stored before this import (prepare tells)
        self.empty = False  # none
        self.bulk = False  # a large register loaded the fast way (prepare decides)
        self.checks_off = False  # SQLite's foreign-key checks off for this import's transaction
        self.known: set[str] | None = None  # every stored sign, on the bulk path
        self.dropped: list[tuple[str, str]] = []  # indexes dropped for a bulk load: name, SQL
        self.writer: _Inserts | None = None
        self.found_units: dict[tuple[str, str], tuple[str, int] | None] = {}
        self.unidentified: list[list[Any]] = []  # bound values still holding their sentence
        with ctx.db.session() as s:
            self.rules = load_rules(s)

    @property
    def fields(self) -> Sequence[Field]:
        return CASE_FIELDS

    def unit_of(self, case: ParsedCase) -> tuple[str, int] | None:
        match = SIGN.match(case.sign)
        return self._unit(case.unit_code, match.group("unit") if match is not None else "")

    def _unit(self, text: str, sign_unit: str) -> tuple[str, int] | None:
        """The unit (code as the organisation has it, id) a case belongs to: its unit column
        as a code or a unit's name, else the unit code in its sign, whole or before its '-'
        (WKS-I → WKS). Each (text, sign's unit) is looked up once."""
        key = (text, sign_unit)
        if key in self.found_units:
            return self.found_units[key]
        found = self.found_units[key] = self._find_unit(text, sign_unit)
        return found

    def _find_unit(self, text: str, sign_unit: str) -> tuple[str, int] | None:
        candidates = [text]
        if sign_unit:
            candidates.append(sign_unit)
        for candidate in candidates:
            if not candidate:
                continue
            uid = self.units.get(candidate.upper())
            if uid is not None:
                return candidate.upper(), uid
            named = self.unit_names.get(normalise_header(candidate))
            if named is not None:
                return named
        for candidate in candidates[1:]:
            head = candidate.split("-")[0].upper()
            if head in self.units:
                return head, self.units[head]
        return None

    def _bound(self, case: ParsedCase) -> Derived:
        writer = self.writer
        assert writer is not None
        values = _derived(case)
        bound = writer.bind(values)
        self.unidentified.append(bound)
        return values, bound

    def _item(
        self,
        sign: str,
        unit_code: str,
        sign_unit: str,
        jrwa: str,
        title: str,
        handler: str,
        remarks: str,
        derived: Derived,
    ) -> CaseItem | None:
        """The item of a case read (None: its unit is unknown and too long to keep)."""
        found = self._unit(unit_code, sign_unit)
        if found is None and len(unit_code) > UNIT_CODE_LENGTH:
            return None
        result = self.result
        if derived[0][1] is not None:
            result.settled_from_file += 1
        if found is None:
            if unit_code:
                self.unmatched.add(unit_code)
            return sign, unit_code, None, jrwa, title, handler, remarks, derived
        result.linked += 1
        return sign, found[0], found[1], jrwa, title, handler, remarks, derived

    def read_row(self, row: SourceRow) -> CaseItem | None:
        case = read_case(row, self.as_of, self.rules)
        if case is None:
            return None
        match = SIGN.match(case.sign)
        sign_unit = match.group("unit") if match is not None else ""
        item = self._item(
            case.sign,
            case.unit_code,
            sign_unit,
            case.jrwa,
            case.title,
            case.handler,
            case.remarks,
            self._bound(case),
        )
        if item is None:
            row.problem(
                "unit",
                ValidationFailed(
                    "no unit has this code or name; correct it, add the unit, or map the "
                    "name to a unit code in the values of a mapping file"
                ),
            )
        return item

    def fast_reader(self, mapping: ColumnMapping) -> Callable[[int, list[str]], CaseItem | None]:
        """Each row to its item in a few microseconds (issue 17): CaseRowReader, the units
        looked up once per distinct text; None leaves the row to read_row."""
        reader = CaseRowReader(mapping.columns, mapping.values, self.as_of, self.rules, self._bound)
        read, item = reader.read, self._item

        def fast(line: int, cells: list[str]) -> CaseItem | None:
            case = read(line, cells)
            return None if case is None else item(*case)

        return fast

    def check_rows(
        self, items: list[tuple[int, CaseItem]], problems: list[RowProblem]
    ) -> list[CaseItem]:
        kept = [item for _line, item in items]
        if len(set(map(_SIGN_OF, kept))) == len(kept):
            # every sign once (the usual register): told by a set built in C, ~0.1 s at a
            # million rows against 0.65 s for the loop below, which names the repeats
            problems.sort(key=lambda p: p.line)
            return kept
        seen: dict[str, int] = {}
        column = self.table.header[self.columns["sign"]]
        for line, item in items:
            sign = item[0]
            first = seen.get(sign)
            if first is not None:
                problems.append(
                    RowProblem(
                        line,
                        column,
                        sign,
                        ValidationFailed("the same case sign as line {first}", first=first),
                    )
                )
            seen[sign] = line
        problems.sort(key=lambda p: p.line)
        return kept

    def _start_bulk(self, session: Session) -> None:
        """A large register (BULK_ROWS or more, and at least as many rows as the SQLite case
        table holds): the table's secondary indexes are dropped for the writing and built
        again, from the same SQL, at the end of the same transaction (a failed or cancelled
        import rolls both back). Built once from sorted keys they cost a fraction of keeping
        six B-trees up to date row by row; the unique index on the sign stays, for the
        look-ups by sign."""
        if not self.bulk:
            return
        # no more signs than the file's rows: a chunk of new cases needs no look-up
        self.known = set(session.scalars(select(CaseRecord.sign)))
        self.dropped = [
            (str(name), str(sql))
            for name, sql in session.execute(
                text(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                    "tbl_name = 'case_record' AND sql IS NOT NULL"
                )
            )
        ]
        for name, _sql in self.dropped:
            session.execute(text(f'DROP INDEX "{name}"'))

    def _end_bulk(self, session: Session) -> None:
        """The dropped indexes built again. SQLite's sorter may use a helper thread per
        statement meanwhile (`PRAGMA threads`, off by default; a setting of the connection,
        not of the file, set back afterwards): the five indexes of a million cases took
        4.3 s, 3.2-3.6 s with two threads (issue 17)."""
        if not self.dropped:
            return
        session.execute(text(f"PRAGMA threads = {min(4, os.cpu_count() or 1)}"))
        try:
            for _name, sql in self.dropped:
                session.execute(text(sql))
        finally:
            session.execute(text("PRAGMA threads = 0"))
        self.dropped = []

    def _check_references(self, session: Session) -> None:
        """The one check of every reference this import wrote with the checks off (issue 17):
        a case whose unit, batch or rule sentence is not stored (a unit deleted by another user
        while the file was read) refuses the import, and the rollback leaves nothing of it."""
        if not self.checks_off:
            return
        found = foreign_key_violations(session.connection(), _WRITTEN)
        if not found:
            return
        first = found[0]
        where = f"{first.table}.{first.column} = {first.value}"
        if first.table == CaseRecord.__tablename__ and first.column != "rowid":
            sign = session.scalar(
                select(CaseRecord.sign)
                .where(CaseRecord.__table__.c[first.column] == first.value)
                .order_by(CaseRecord.id)
                .limit(1)
            )
            where = f"{where}, case {sign}"
        raise ValidationFailed(
            "{file}: the import would store a reference to a row of {parent} that does not "
            "exist ({where}); it may have been deleted while the file was imported. Nothing "
            "was imported; import the file again.",
            file=self.table.file,
            parent=first.parent,
            where=where,
        )

    def prepare(self, session: Session) -> None:
        self.stored = int(session.scalar(select(func.count()).select_from(CaseRecord)) or 0)
        self.empty = self.stored == 0
        rows = len(self.table.rows)
        sqlite = session.get_bind().dialect.name == "sqlite"
        self.bulk = sqlite and rows >= BULK_ROWS and rows >= self.stored
        if self.bulk:
            # Issue 17: with SQLite's foreign-key checks on, the driver's executemany looked up
            # each case's unit, batch and rule sentence (1,000,000 rows: 9.3 s, 5.2 s without).
            # Off here, before the transaction's first write (SQLite ignores the pragma inside
            # one), checked once before the commit (_check_references, in finish), and on again
            # when the pool takes the connection back, whatever ends the transaction.
            self.checks_off = foreign_keys_off(session.connection())
        self.writer = _Inserts(session.get_bind().dialect)
        known = session.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name)).all()
        self.units = {code.upper(): uid for uid, code, _name in known}
        self.unit_names = {normalise_header(name): (code, uid) for uid, code, name in known}
        self.batch = CaseImportBatch(
            file_name=self.table.file[:300],
            sha256=self.table.sha256,
            encoding=_encoding_label(self.table),
            delimiter=self.table.delimiter,
            mapping={"name": self.mapping_name, "columns": dict(self.columns)},
            imported_by=self.ctx.actor.login,
        )

    def write(self, session: Session, chunk: Sequence[CaseItem]) -> None:
        batch = self.batch
        assert batch is not None
        if batch.id is None:
            session.add(batch)
            session.flush()
            self._start_bulk(session)
        writer = self.writer
        assert writer is not None
        result = self.result
        existing = {}
        signs: list[str] = []
        if not self.empty:  # only cases that may be stored are looked up
            signs = [item[0] for item in chunk]
            if self.known is not None:  # the bulk path knows every stored sign
                signs = [sign for sign in signs if sign in self.known]
        if signs:
            existing = {
                row.sign: row
                for row in session.execute(
                    select(
                        CaseRecord.id,
                        CaseRecord.sign,
                        *(
                            sentences.rule_text() if c == "due_rule" else getattr(CaseRecord, c)
                            for c in _COMPARED
                        ),
                    )
                    .outerjoin(CaseDueRule, CaseDueRule.id == CaseRecord.due_rule_id)
                    .where(CaseRecord.sign.in_(signs))
                )
            }
        if self.unidentified:  # the file's sentences, stored once, their ids in the rows
            writer.identify(session, self.unidentified)
            self.unidentified = []
        tail = writer.tail(batch.id, self.now)
        make = writer.row
        if not existing:  # all new: the whole chunk in one executemany
            inserts = [make(item, tail) for item in chunk]
            updates: list[dict[str, Any]] = []
        else:
            inserts = []
            updates = []
            for item in chunk:
                old = existing.get(item[0])
                if old is None:
                    inserts.append(make(item, tail))
                    continue
                values = _values(item)
                if any(getattr(old, c) != values[c] for c in _COMPARED):
                    values["due_rule_id"] = writer.rule_ids[values.pop("due_rule")]
                    updates.append(
                        {**values, "id": old.id, "batch_id": batch.id, "updated_at": self.now}
                    )
                else:
                    result.unchanged += 1
        if inserts:
            # the Core insert compiled once, the driver's executemany per chunk (issue 17)
            writer.insert(session, inserts)
        if updates:
            session.execute(update(CaseRecord), updates)
        result.created += len(inserts)
        result.updated += len(updates)

    def finish(self, session: Session, table: Table, mapping: ColumnMapping) -> None:
        batch, result = self.batch, self.result
        assert batch is not None
        if batch.id is None:
            session.add(batch)
            session.flush()
        batch.rows = result.created + result.updated + result.unchanged
        batch.created, batch.updated, batch.unchanged = (
            result.created,
            result.updated,
            result.unchanged,
        )
        result.unmatched_units = sorted(self.unmatched)
        result.batch_id = batch.id
        self._end_bulk(session)  # before the summary, which reads through the indexes
        summary.refresh_case_summary(session)  # the overview's sums (issue 17)
        trail.record(
            session,
            self.ctx.actor,
            "import",
            "case_import_batch",
            batch.id,
            after={
                "file": table.file,
                "sha256": table.sha256,
                "rows": batch.rows,
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
            },
        )
        self._check_references(session)  # the last write is done: the commit follows

    def load_mapping(self, session: Session, header: Sequence[str]) -> ColumnMapping | None:
        found = _find_mapping(session, header)
        if found is None:
            return None
        return _stored_columns(found.columns, found.name)

    def save_mapping(self, session: Session, header: Sequence[str], mapping: ColumnMapping) -> None:
        """Stores (or replaces) the mapping under its name, found again by the header row."""
        name = mapping.name
        if not name:
            return
        row = session.scalars(
            select(CaseColumnMapping).where(CaseColumnMapping.name == name)
        ).first()
        if row is None:
            row = CaseColumnMapping(name=name, header_key="", columns={})
            session.add(row)
        row.header_key = header_key(header)
        row.columns = _columns_json(mapping)
        row.updated_at = utcnow()
        session.flush()
        trail.record(
            session, self.ctx.actor, "save", "case_column_mapping", row.id, after=row.columns
        )


def _stored_columns(data: Mapping[str, Any], name: str | None) -> ColumnMapping:
    """A remembered case mapping: {field: index}, with '@ignore' (indexes) and '@values'."""
    columns = {k: int(v) for k, v in data.items() if not k.startswith("@")}
    ignored = frozenset(int(i) for i in data.get("@ignore", []))
    values = {str(f): dict(w) for f, w in data.get("@values", {}).items()}
    return ColumnMapping(columns, name, ignored, values)


def _columns_json(mapping: ColumnMapping) -> dict[str, Any]:
    data: dict[str, Any] = dict(mapping.columns)
    if mapping.ignored:
        data["@ignore"] = sorted(mapping.ignored)
    if any(mapping.values.values()):
        data["@values"] = {f: dict(w) for f, w in mapping.values.items() if w}
    return data


def preview(ctx: AppContext, path: Path, encoding: str = "auto") -> Preview:
    """The first rows and the mapping to preselect, for the mapping dialog."""
    require(ctx.actor, Permission.MANAGE_CASES)
    table = read_table(path, encoding)
    source = CaseSource(ctx, table, ctx.clock.today(), ColumnMapping({}), "")
    shown = importing.preview(ctx, source, table)
    return Preview(
        shown.header,
        shown.rows,
        _encoding_label(table),
        table.delimiter,
        dict(shown.mapping.columns),
        shown.mapping.name if shown.remembered else None,
        shown.row_count,
        tuple(sorted(shown.mapping.ignored)),
        {c.index: c.looks_like for c in shown.columns if c.looks_like and c.filled},
        shown.skipped,
        shown.distinct,
        shown.choices,
        {f: dict(w) for f, w in shown.mapping.values.items() if w},
    )


def remember_mapping(
    ctx: AppContext, name: str, header: Sequence[str], columns: Mapping[str, int]
) -> None:
    """Stores (or replaces) a mapping under its name, found again by the header row."""
    require(ctx.actor, Permission.MANAGE_CASES)
    check_mapping(CASE_FIELDS, header, columns, name)
    with ctx.db.session() as s:
        table = Table(name, "", "", list(header), [], "")
        source = CaseSource(ctx, table, date.min, ColumnMapping(dict(columns)), name)
        source.save_mapping(s, header, ColumnMapping(dict(columns), name))


def _resolve(
    ctx: AppContext, table: Table, mapping: Mapping[str, int] | str | None
) -> ColumnMapping:
    if isinstance(mapping, Mapping):  # from the window, which showed every column
        return whole(ColumnMapping({k: int(v) for k, v in mapping.items()}), table.header)
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
            return _stored_columns(row.columns, row.name)
    known = remembered_mapping(ctx, table.header)
    if known is not None:
        return _stored_columns(known.columns, known.name)
    return CaseSource(ctx, table, date.min, ColumnMapping({}), "").guess(table.header)


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
    spec: MappingSpec | None = None,
    mapping_out: Path | None = None,
) -> ImportResult:
    """Imports the register: every row read or nothing stored (ImportRejected names each
    unreadable row). Cases are matched by sign: new ones added, changed ones updated. The
    mapping is remembered under `remember_as` only when the import is stored."""
    require(ctx.actor, Permission.MANAGE_CASES)
    with importing.collector_paused():  # a million rows: see collector_paused
        table = read_table(path, encoding)
        columns = _resolve(ctx, table, mapping)
        name = columns.name or ("given" if isinstance(mapping, Mapping) else "auto")
        source = CaseSource(ctx, table, as_of or ctx.clock.today(), columns, name)
        columns = importing.with_spec(source, table, source.complete(table.header, columns), spec)
        source.columns = dict(columns.columns)
        if mapping_out is not None:
            write_mapping_file(mapping_out, columns, table.header, "cases")
        check_mapping(CASE_FIELDS, table.header, columns.columns, table.file)
        with ctx.db.session() as s:
            if s.scalar(select(CaseImportBatch.id).where(CaseImportBatch.sha256 == table.sha256)):
                source.result.already_imported = True
                source.result.unchanged = len(table.rows)
                return source.result
        used = ColumnMapping(columns.columns, remember_as, columns.ignored, columns.values)
        source.result.header_line = table.header_line
        source.result.skipped = table.skipped
        # one pass over the cells, not two, and over the unknown columns' only (issue 17)
        found = importing.statuses(source, table, used, count_known=False)
        importing.run_import(
            ctx,
            source,
            table,
            used,
            remember=bool(remember_as),
            on_progress=on_progress,
            check=check,
            columns=found,
        )
        source.result.not_imported = not_imported(found)
        return source.result
