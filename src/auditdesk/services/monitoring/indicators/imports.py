"""Importing a complaint register (CSV or XLSX) into the indicator entries.

The columns are mapped to fields once per header row; the mapping is remembered by the header's
digest. The whole file is read and checked before anything is written: either every row goes
in, or nothing does and the report names every row that could not be read (line, column, value,
what is wrong). A row whose reference number is already in the register is skipped, so importing
the same file twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import AuditDeskError, ValidationFailed
from auditdesk.domain.indicators import Channel, IndicatorKind, Outcome
from auditdesk.reports.tabular import NotADate, Table, parse_date, read_table
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring.indicators import EntryInput, _check, add_checked_entries
from auditdesk.store.base import utcnow
from auditdesk.store.models import Employee, IndicatorEntry, IndicatorImportMapping, OrgUnit

FIELDS = [
    "reference",
    "kind",
    "received_on",
    "channel",
    "unit",
    "employee",
    "summary",
    "from_representative",
    "settled_on",
    "outcome",
]
REQUIRED = ("reference", "received_on", "unit")
CHUNK = 500  # rows written between two looks at the cancel button

# header names seen in registers (compared without case, diacritics and punctuation)
HEADER_GUESSES: dict[str, tuple[str, ...]] = {
    "reference": ("znak", "znak sprawy", "nr", "numer", "nr rejestru", "sygnatura", "reference"),
    "kind": ("rodzaj", "typ", "rodzaj sprawy", "kind"),
    "received_on": ("data wplywu", "data otrzymania", "data wpływu", "wplynelo", "received on"),
    "channel": ("sposob wplywu", "kanal", "forma wplywu", "forma", "channel"),
    "unit": ("jednostka", "wydzial", "komorka", "komorka organizacyjna", "unit"),
    "employee": ("pracownik", "dotyczy pracownika", "employee"),
    "summary": ("tresc", "przedmiot", "opis", "przedmiot skargi", "summary"),
    "from_representative": (
        "posel senator radny",
        "od posla senatora radnego",
        "parlamentarzysta radny",
        "posel radny",
        "from representative",
    ),
    "settled_on": ("data zalatwienia", "data rozpatrzenia", "zalatwiono", "settled on"),
    "outcome": ("sposob zalatwienia", "rozstrzygniecie", "wynik", "outcome"),
}

KIND_WORDS = {
    "skarga": IndicatorKind.COMPLAINT,
    "zazalenie": IndicatorKind.GRIEVANCE,
    "opinia negatywna": IndicatorKind.NEGATIVE_OPINION,
    "negatywna opinia": IndicatorKind.NEGATIVE_OPINION,
    "opinia": IndicatorKind.NEGATIVE_OPINION,
    "pochwala": IndicatorKind.PRAISE,
    "podziekowanie": IndicatorKind.PRAISE,
}
CHANNEL_WORDS = {
    "list": Channel.LETTER,
    "pismo": Channel.LETTER,
    "poczta": Channel.LETTER,
    "listownie": Channel.LETTER,
    "e mail": Channel.EMAIL,
    "mail": Channel.EMAIL,
    "poczta elektroniczna": Channel.EMAIL,
    "e puap": Channel.EPUAP,
    "osobiscie": Channel.IN_PERSON,
    "ustnie": Channel.IN_PERSON,
    "ustnie do protokolu": Channel.IN_PERSON,
    "telefon": Channel.PHONE,
    "telefonicznie": Channel.PHONE,
}
OUTCOME_WORDS = {
    "zasadna": Outcome.JUSTIFIED,
    "zasadne": Outcome.JUSTIFIED,
    "czesciowo zasadna": Outcome.PARTLY,
    "czesciowo": Outcome.PARTLY,
    "bezzasadna": Outcome.UNJUSTIFIED,
    "niezasadna": Outcome.UNJUSTIFIED,
    "przekazana": Outcome.PASSED_ON,
    "przekazano": Outcome.PASSED_ON,
    "przekazana wg wlasciwosci": Outcome.PASSED_ON,
}
YES = {"tak", "t", "x", "1", "yes", "y", "true"}
NO = {"", "nie", "n", "0", "no", "false", "-"}


def norm(text: str) -> str:
    """Lower case, no diacritics (ł too), punctuation as spaces: 'Data wpływu:' → 'data wplywu'."""
    text = text.lower().replace("ł", "l")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = "".join(c if c.isalnum() else " " for c in text)
    return " ".join(text.split())


class ImportRejected(AuditDeskError):
    """The file had rows that could not be read; nothing was imported. `problems` lists them."""

    def __init__(self, message: str, problems: list[RowProblem], /, **fields: object) -> None:
        super().__init__(message, **fields)
        self.problems = problems

    def report(self) -> str:
        return "\n".join([str(self), *(f"  {p}" for p in self.problems)])


class ImportCancelled(AuditDeskError):
    """The person cancelled the import; nothing was written."""


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str
    value: str
    error: ValidationFailed

    def __str__(self) -> str:
        return f"line {self.line}, {self.column}: {self.value!r}: {self.error}"


@dataclass
class ImportReport:
    file: str
    encoding: str
    rows: int
    added: int
    already_present: int
    mapping: dict[str, str] = field(default_factory=dict)  # header → field


def header_key(header: list[str]) -> str:
    return hashlib.sha256("\x1f".join(norm(h) for h in header).encode("utf-8")).hexdigest()


def guess_mapping(header: list[str]) -> dict[str, str]:
    """header → field for the headers that look like a known column name."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in header:
        key = norm(name)
        for fld, guesses in HEADER_GUESSES.items():
            if fld not in taken and key in {norm(g) for g in guesses}:
                out[name] = fld
                taken.add(fld)
                break
    return out


def parse_mapping(text: str) -> dict[str, str]:
    """`Znak=reference,Data wpływu=received_on` → {header: field}."""
    out: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        column, sep, fld = part.partition("=")
        if not sep or not column.strip() or not fld.strip():
            raise ValidationFailed(
                "mapping {part!r}: write COLUMN=FIELD, e.g. 'Data wpływu=received_on'", part=part
            )
        out[column.strip()] = fld.strip()
    return out


def remembered_mapping(ctx: AppContext, header: list[str]) -> dict[str, str] | None:
    with ctx.db.session() as s:
        row = s.scalar(
            select(IndicatorImportMapping).where(
                IndicatorImportMapping.header_key == header_key(header)
            )
        )
        return dict(json.loads(row.mapping_json)) if row else None


@dataclass(frozen=True)
class Preview:
    header: list[str]
    mapping: dict[str, str]
    remembered: bool
    rows: int
    encoding: str


def preview(ctx: AppContext, path: Path) -> Preview:
    """The file's header and the mapping that would be used (remembered, else guessed)."""
    require(ctx.actor, Permission.MANAGE_INDICATORS)
    sheet = read_table(path)
    known = remembered_mapping(ctx, sheet.header)
    mapping = known if known is not None else guess_mapping(sheet.header)
    return Preview(sheet.header, mapping, known is not None, len(sheet.rows), sheet.encoding)


def _check_mapping(sheet: Table, mapping: dict[str, str], file: str) -> None:
    for column, fld in mapping.items():
        if column not in sheet.header:
            raise ValidationFailed(
                "{file}: the mapping names column {column!r}, which the file does not have "
                "(it has: {columns})",
                file=file,
                column=column,
                columns=", ".join(sheet.header),
            )
        if fld not in FIELDS:
            raise ValidationFailed(
                "mapping of column {column!r}: {field!r} is not a field; fields: {fields}",
                column=column,
                field=fld,
                fields=", ".join(FIELDS),
            )
    fields = list(mapping.values())
    for fld in set(fields):
        if fields.count(fld) > 1:
            raise ValidationFailed(
                "{file}: two columns are mapped to {field}; map each field once",
                file=file,
                field=fld,
            )
    for fld in REQUIRED:
        if fld not in fields:
            raise ValidationFailed(
                "{file}: no column is mapped to {field}; map one, e.g. --mapping 'COLUMN={field}'",
                file=file,
                field=fld,
            )


def _remember(s: Session, header: list[str], mapping: dict[str, str]) -> None:
    key = header_key(header)
    row = s.scalar(select(IndicatorImportMapping).where(IndicatorImportMapping.header_key == key))
    if row is None:
        row = IndicatorImportMapping(header_key=key, header_text="\x1f".join(header))
        s.add(row)
    row.mapping_json = json.dumps(mapping, ensure_ascii=False, sort_keys=True)
    row.updated_at = utcnow()


class _RowReader:
    """Turns one row's texts into an EntryInput, collecting a problem per unreadable cell."""

    def __init__(self, s: Session, sheet: Table, mapping: dict[str, str]) -> None:
        self.columns = {fld: sheet.header.index(col) for col, fld in mapping.items()}
        self.names = {fld: col for col, fld in mapping.items()}
        units = s.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name)).all()
        self.units = {norm(c): i for i, c, _n in units} | {norm(n): i for i, _c, n in units}
        self.unit_ids = {int(i) for i, _c, _n in units}
        self.people: dict[tuple[int, str], int] = {}
        self.employee_ids: set[int] = set()
        for e in s.execute(
            select(
                Employee.id,
                Employee.unit_id,
                Employee.first_name,
                Employee.last_name,
                Employee.badge,
            )
        ).all():
            self.employee_ids.add(e.id)
            self.people[(e.unit_id, norm(f"{e.first_name} {e.last_name}"))] = e.id
            self.people[(e.unit_id, norm(f"{e.last_name} {e.first_name}"))] = e.id
            if e.badge:
                self.people[(e.unit_id, norm(e.badge))] = e.id

    def text(self, row: list[str], fld: str) -> str:
        i = self.columns.get(fld)
        return row[i].strip() if i is not None and i < len(row) else ""

    def read(self, line: int, row: list[str], problems: list[RowProblem]) -> EntryInput | None:
        before = len(problems)

        def bad(fld: str, value: str, error: ValidationFailed) -> None:
            problems.append(RowProblem(line, self.names.get(fld, fld), value, error))

        def a_date(fld: str, required: bool) -> date | None:
            value = self.text(row, fld)
            if not value:
                if required:
                    bad(fld, value, ValidationFailed("a date is required here"))
                return None
            try:
                return parse_date(value)
            except NotADate:
                bad(fld, value, ValidationFailed("not a date (dd.mm.yyyy or YYYY-MM-DD)"))
                return None

        def word(
            fld: str, words: Mapping[str, str], enum_values: list[str], default: str | None
        ) -> str | None:
            value = self.text(row, fld)
            if not value:
                return default
            key = norm(value)
            if key in words:
                return words[key]
            for v in enum_values:
                if key == norm(v):
                    return v
            bad(
                fld,
                value,
                ValidationFailed("not one of: {allowed}", allowed=", ".join(words)),
            )
            return None

        reference = self.text(row, "reference")
        if not reference:
            bad("reference", reference, ValidationFailed("a reference number is required here"))
        received = a_date("received_on", True)
        settled = a_date("settled_on", False)
        kind = word("kind", KIND_WORDS, list(IndicatorKind), IndicatorKind.COMPLAINT.value)
        channel = word("channel", CHANNEL_WORDS, list(Channel), Channel.LETTER.value)
        outcome = word("outcome", OUTCOME_WORDS, list(Outcome), None)
        unit_text = self.text(row, "unit")
        unit_id = self.units.get(norm(unit_text))
        if unit_id is None:
            bad("unit", unit_text, ValidationFailed("no unit has this code or name"))
        rep_text = norm(self.text(row, "from_representative"))
        representative = rep_text in YES
        if rep_text not in YES and rep_text not in NO:
            bad(
                "from_representative",
                self.text(row, "from_representative"),
                ValidationFailed("write tak or nie"),
            )
        employee_id: int | None = None
        person = self.text(row, "employee")
        if person and unit_id is not None:
            employee_id = self.people.get((unit_id, norm(person)))
            if employee_id is None:
                bad(
                    "employee",
                    person,
                    ValidationFailed("no employee of this unit has this name or badge"),
                )
        if len(problems) > before or received is None or unit_id is None:
            return None
        return EntryInput(
            reference=reference,
            kind=str(kind),
            received_on=received,
            channel=str(channel),
            unit_id=unit_id,
            employee_id=employee_id,
            summary=self.text(row, "summary"),
            from_representative=representative,
            settled_on=settled,
            outcome=outcome,
        )


def import_register(
    ctx: AppContext,
    path: Path,
    mapping: dict[str, str] | None = None,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> ImportReport:
    """Imports the whole file or nothing (ImportRejected lists every unreadable row)."""
    require(ctx.actor, Permission.MANAGE_INDICATORS)
    day = today or ctx.clock.today()
    sheet = read_table(path)
    if mapping is None:
        mapping = remembered_mapping(ctx, sheet.header) or guess_mapping(sheet.header)
    _check_mapping(sheet, mapping, str(path))
    report = ImportReport(str(path), sheet.encoding, len(sheet.rows), 0, 0, dict(mapping))
    progress = on_progress or (lambda _d, _t: None)
    stop = cancelled or (lambda: False)
    total = len(sheet.rows)
    with ctx.db.session() as s:  # kept even when the rows are rejected: map once, fix, retry
        _remember(s, sheet.header, mapping)
    with ctx.db.session() as s:
        reader = _RowReader(s, sheet, mapping)
        existing = set(s.scalars(select(IndicatorEntry.reference)))
        problems: list[RowProblem] = []
        seen: dict[str, int] = {}
        todo: list[EntryInput] = []
        for n, (line, row) in enumerate(sheet.rows, start=1):
            if n % 200 == 0:
                if stop():
                    raise ImportCancelled("import cancelled; nothing was imported")
                progress(n, 2 * total)
            data = reader.read(line, row, problems)
            if data is None:
                continue
            if data.reference in seen:
                problems.append(
                    RowProblem(
                        line,
                        reader.names["reference"],
                        data.reference,
                        ValidationFailed(
                            "the same reference number is on line {first}",
                            first=seen[data.reference],
                        ),
                    )
                )
                continue
            seen[data.reference] = line
            if data.reference in existing:
                report.already_present += 1
                continue
            try:
                todo.append(_check(s, data, day, reader.unit_ids, reader.employee_ids))
            except ValidationFailed as exc:
                problems.append(RowProblem(line, "", data.reference, exc))
        if problems:
            raise ImportRejected(
                "{file}: {count} row(s) could not be read; nothing was imported. "
                "Correct them and import the file again.",
                problems,
                file=str(path),
                count=len(problems),
            )
        for start in range(0, len(todo), CHUNK):
            if stop():
                raise ImportCancelled("import cancelled; nothing was imported")
            add_checked_entries(s, ctx.actor, todo[start : start + CHUNK])
            done = min(len(todo), start + CHUNK)
            progress(total + done * total // max(1, len(todo)), 2 * total)
        report.added = len(todo)
        trail.record(
            s,
            ctx.actor,
            "import",
            "indicator_register",
            path.name,
            after={
                "rows": report.rows,
                "added": report.added,
                "already_present": report.already_present,
                "encoding": report.encoding,
            },
        )
        progress(2 * total, 2 * total)
    return report
