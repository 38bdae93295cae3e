"""Importing a complaint register (CSV or XLSX) into the indicator entries, on the import
framework (services/monitoring/importing).

The columns are mapped to fields once per header row; the mapping is remembered by the header's
digest when an import is stored (a refused one changes nothing). The whole file is read and
checked before anything is written: either every row goes in, or nothing does and the report
names every value that could not be read (line, column, value, what is wrong). A row whose
reference number is already in the register is skipped, so importing the same file twice adds
nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.import_plan import (
    MappingSpec,
    not_imported,
    split_stored,
    stored_json,
)
from auditdesk.domain.importing import (
    ColumnMapping,
    Field,
    RowProblem,
    SourceRow,
    header_key,
    normalise_header,
)
from auditdesk.domain.importing import (
    guess_mapping as guess_columns,
)
from auditdesk.domain.indicators import Channel, IndicatorKind, Outcome
from auditdesk.reports.tabular import NotADate, Table, parse_date, read_table
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring import importing
from auditdesk.services.monitoring.importing import ImportCancelled, ImportRejected, ImportSource
from auditdesk.services.monitoring.importing.files import stored_mapping, write_mapping_file
from auditdesk.services.monitoring.indicators import (
    NEEDS_OUTCOME,
    EntryInput,
    _check,
    add_checked_entries,
)
from auditdesk.store.base import utcnow
from auditdesk.store.models import Employee, IndicatorEntry, IndicatorImportMapping, OrgUnit

__all__ = [
    "ImportCancelled",
    "ImportRejected",
    "ImportReport",
    "RowProblem",
    "header_key",
    "import_register",
    "preview",
]

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
CHUNK = importing.CHUNK  # rows written between two looks at the cancel button

# header names seen in registers (compared without case, diacritics and punctuation)
HEADER_GUESSES: dict[str, tuple[str, ...]] = {
    "reference": (
        "znak",
        "znak sprawy",
        "nr",
        "numer",
        "nr rejestru",
        "sygnatura",
        "reference",
        "nr sprawy",
        "numer sprawy",
        "znak pisma",
        "nr rej",
    ),
    "kind": (
        "rodzaj",
        "typ",
        "rodzaj sprawy",
        "kind",
        "skarga wniosek",
        "rodzaj pisma",
        "rodzaj skarga wniosek",
    ),
    "received_on": (
        "data wplywu",
        "data otrzymania",
        "data wpływu",
        "wplynelo",
        "received on",
        "data wplywu skargi wniosku",
        "data wplywu do urzedu",
    ),
    "channel": (
        "sposob wplywu",
        "kanal",
        "forma wplywu",
        "forma",
        "channel",
        "forma wniesienia",
        "sposob wniesienia",
        "forma zlozenia",
    ),
    "unit": (
        "jednostka",
        "wydzial",
        "komorka",
        "komorka organizacyjna",
        "unit",
        "komu zlecono zalatwienie",
        "komorka merytoryczna",
        "komorka wlasciwa",
        "wydzial wlasciwy",
    ),
    "employee": ("pracownik", "dotyczy pracownika", "employee"),
    "summary": (
        "tresc",
        "przedmiot",
        "opis",
        "przedmiot skargi",
        "summary",
        "przedmiot skargi wniosku",
        "przedmiot sprawy",
        "czego dotyczy",
    ),
    "from_representative": (
        "posel senator radny",
        "od posla senatora radnego",
        "parlamentarzysta radny",
        "posel radny",
        "from representative",
    ),
    "settled_on": (
        "data zalatwienia",
        "data rozpatrzenia",
        "zalatwiono",
        "settled on",
        "data zalatwienia sprawy",
        "data udzielenia odpowiedzi",
    ),
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
    "wniosek": IndicatorKind.REQUEST,
    "wnioski": IndicatorKind.REQUEST,
    "skargi": IndicatorKind.COMPLAINT,
    "w": IndicatorKind.REQUEST,  # the one-letter kind of many registers (S / W)
    "s": IndicatorKind.COMPLAINT,
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
    "pisemnie": Channel.LETTER,
    "pismo pisemnie": Channel.LETTER,
    "poczta tradycyjna": Channel.LETTER,
    "elektronicznie": Channel.EMAIL,
    "email": Channel.EMAIL,
    "epuap": Channel.EPUAP,
    "przez epuap": Channel.EPUAP,
    "ustnie do protokolu osobiscie": Channel.IN_PERSON,
    "faks": Channel.LETTER,
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
    "przekazana zgodnie z wlasciwoscia": Outcome.PASSED_ON,
    "przekazano zgodnie z wlasciwoscia": Outcome.PASSED_ON,
    "przekazany zgodnie z wlasciwoscia": Outcome.PASSED_ON,
    "przekazana wedlug wlasciwosci": Outcome.PASSED_ON,
    "przekazana do organu wlasciwego": Outcome.PASSED_ON,
    "pozostawiona bez rozpatrzenia": Outcome.LEFT_UNEXAMINED,
    "pozostawiony bez rozpatrzenia": Outcome.LEFT_UNEXAMINED,
    "pozostawiono bez rozpatrzenia": Outcome.LEFT_UNEXAMINED,
    "bez rozpatrzenia": Outcome.LEFT_UNEXAMINED,
    "uwzgledniony": Outcome.JUSTIFIED,  # a request granted
    "uwzgledniona": Outcome.JUSTIFIED,
    "czesciowo uwzgledniony": Outcome.PARTLY,
    "nieuwzgledniony": Outcome.UNJUSTIFIED,
    "nie uwzgledniono": Outcome.UNJUSTIFIED,
    "nieuwzgledniona": Outcome.UNJUSTIFIED,
    "bezzasadne": Outcome.UNJUSTIFIED,
    "niezasadne": Outcome.UNJUSTIFIED,
}
YES = {"tak", "t", "x", "1", "yes", "y", "true"}
NO = {"", "nie", "n", "0", "no", "false", "-"}


norm = normalise_header  # lower case, no diacritics, punctuation as spaces

LABELS = {
    "reference": "Reference",
    "kind": "Kind",
    "received_on": "Received",
    "channel": "Channel",
    "unit": "Unit",
    "employee": "Employee",
    "summary": "Summary",
    "from_representative": "From an MP, senator or councillor",
    "settled_on": "Settled",
    "outcome": "Outcome",
}
_VOCABULARIES: dict[str, Mapping[str, str]] = {
    "kind": {norm(k): v.value for k, v in KIND_WORDS.items()},
    "channel": {norm(k): v.value for k, v in CHANNEL_WORDS.items()},
    "outcome": {norm(k): v.value for k, v in OUTCOME_WORDS.items()},
}
REGISTER_FIELDS: tuple[Field, ...] = tuple(
    Field(
        name,
        LABELS[name],
        name in REQUIRED,
        HEADER_GUESSES[name],
        60 if name == "reference" else None,
        _VOCABULARIES.get(name, {}),
    )
    for name in FIELDS
)


# columns of the classic register (rejestr skarg i wniosków, as published on BIP pages) that
# AuditDesk leaves out on purpose: the row number, the sender (personal data it does not keep),
# the deadline it computes itself, and when the answer was posted
IGNORED_HEADERS = frozenset(
    norm(h)
    for h in (
        "Lp.",
        "L.p.",
        "Od kogo wpłynęła",
        "Od kogo wpłynęła (imię i nazwisko, adres)",
        "Skarżący / wnioskodawca",
        "Wnoszący",
        "Termin załatwienia",
        "Termin",
        "Data wysłania odpowiedzi",
    )
)


@dataclass
class ImportReport:
    file: str
    encoding: str
    rows: int
    added: int
    already_present: int
    mapping: dict[str, str] = field(default_factory=dict)  # header → field
    not_imported: list[str] = field(default_factory=list)  # unknown columns holding data
    header_line: int = 1
    skipped: tuple[str, ...] = ()  # title lines above the header
    settled_from_file: int = 0  # rows with a date of settlement
    linked: int = 0  # rows added, linked to a unit of the organisation


def guess_mapping(header: list[str]) -> dict[str, str]:
    """header → field for the headers that look like a known column name."""
    return ColumnMapping(guess_columns(REGISTER_FIELDS, header)).by_column(header)


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


def _stored(session: Session, header: Sequence[str]) -> IndicatorImportMapping | None:
    return session.scalar(
        select(IndicatorImportMapping).where(
            IndicatorImportMapping.header_key == header_key(header)
        )
    )


def remembered_mapping(ctx: AppContext, header: list[str]) -> dict[str, str] | None:
    with ctx.db.session() as s:
        row = _stored(s, header)
        return split_stored(json.loads(row.mapping_json))[0] if row else None


@dataclass(frozen=True)
class Preview:
    header: list[str]
    mapping: dict[str, str]
    remembered: bool
    rows: int
    encoding: str
    sample: list[list[str]] = field(default_factory=list)  # the first rows of the file
    ignored: tuple[int, ...] = ()  # columns left out on purpose (a known layout's)
    looks_like: dict[int, str] = field(default_factory=dict)  # unknown column → field named
    skipped: tuple[str, ...] = ()  # title or blank lines above the header, skipped
    columns: dict[str, int] = field(default_factory=dict)  # field → column index
    distinct: dict[int, tuple[str, ...]] = field(default_factory=dict)  # column → its words
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field → its values
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # remembered value words

    @property
    def stops(self) -> bool:
        """A column named like a field is neither mapped nor left out: a person decides."""
        return bool(self.looks_like)


def preview(ctx: AppContext, path: Path) -> Preview:
    """The file's header and the mapping that would be used (remembered, else guessed)."""
    require(ctx.actor, Permission.MANAGE_INDICATORS)
    sheet = read_table(path)
    shown = importing.preview(ctx, RegisterSource(ctx, ctx.clock.today()), sheet)
    return Preview(
        sheet.header,
        shown.mapping.by_column(sheet.header),
        shown.remembered,
        len(sheet.rows),
        sheet.encoding,
        shown.rows,
        tuple(sorted(shown.mapping.ignored)),
        {c.index: c.looks_like for c in shown.columns if c.looks_like and c.filled},
        shown.skipped,
        dict(shown.mapping.columns),
        shown.distinct,
        shown.choices,
        {f: dict(w) for f, w in shown.mapping.values.items() if w},
    )


def _yes_no(text: str) -> bool | None:
    word = norm(text)
    return True if word in YES else False if word in NO else None


class RegisterSource(ImportSource[EntryInput]):
    """The complaint register: one entry per row, keyed by its reference number (a reference
    already in the register is skipped)."""

    ignored_headers = IGNORED_HEADERS

    def __init__(self, ctx: AppContext, today: date) -> None:
        self.ctx = ctx
        self.today = today
        self.already_present = 0
        self.added = 0
        self.session: Session | None = None
        self.units: dict[str, int] = {}
        self.unit_ids: set[int] = set()
        self.people: dict[tuple[int, str], int] = {}
        self.employee_ids: set[int] = set()
        self.existing: set[str] = set()
        self.seen: dict[str, int] = {}
        self.settled = 0
        self.linked = 0  # rows added, linked to a unit of the organisation

    @property
    def fields(self) -> Sequence[Field]:
        return REGISTER_FIELDS

    def prepare(self, session: Session) -> None:
        self.session = session
        units = session.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name)).all()
        self.units = {norm(c): i for i, c, _n in units} | {norm(n): i for i, _c, n in units}
        self.unit_ids = {int(i) for i, _c, _n in units}
        for e in session.execute(
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
        self.existing = set(session.scalars(select(IndicatorEntry.reference)))

    def _date(self, row: SourceRow, fld: str, required: bool) -> date | None:
        value = row.text(fld)
        if not value:
            if required:
                row.problem(fld, ValidationFailed("a date is required here"))
            return None
        try:
            return parse_date(value)
        except NotADate:
            row.problem(fld, ValidationFailed("not a date (dd.mm.yyyy or YYYY-MM-DD)"))
            return None

    def _word(self, row: SourceRow, fld: str, values: list[str], default: str | None) -> str | None:
        value = row.text(fld)
        if not value:
            return default
        key = norm(value)
        words = _VOCABULARIES[fld]
        if key in words:
            return words[key]
        for v in values:
            if key == norm(v):
                return v
        row.problem(fld, ValidationFailed("not one of: {allowed}", allowed=", ".join(words)))
        return None

    def read_row(self, row: SourceRow) -> EntryInput | None:
        before = len(row.problems)
        reference = row.text("reference")
        if not reference:
            row.problem("reference", ValidationFailed("a reference number is required here"))
        received = self._date(row, "received_on", True)
        settled = self._date(row, "settled_on", False)
        kind = self._word(row, "kind", list(IndicatorKind), IndicatorKind.COMPLAINT.value)
        channel = self._word(row, "channel", list(Channel), Channel.LETTER.value)
        outcome = self._word(row, "outcome", list(Outcome), None)
        unit_id = self.units.get(norm(row.text("unit")))
        if unit_id is None:
            row.problem("unit", ValidationFailed("no unit has this code or name"))
        representative = _yes_no(row.text("from_representative"))
        if representative is None:
            row.problem("from_representative", ValidationFailed("write tak or nie"))
        employee_id: int | None = None
        person = row.text("employee")
        if person and unit_id is not None:
            employee_id = self.people.get((unit_id, norm(person)))
            if employee_id is None:
                row.problem(
                    "employee", ValidationFailed("no employee of this unit has this name or badge")
                )
        if settled is not None and outcome is None and kind in NEEDS_OUTCOME:
            row.problem(
                "outcome",
                ValidationFailed(
                    "a settled complaint or grievance needs an outcome ({allowed}); write it in "
                    "this column, or map the column that holds it",
                    allowed="zasadna, częściowo zasadna, bezzasadna, przekazana zgodnie z "
                    "właściwością, pozostawiona bez rozpatrzenia",
                ),
            )
        if len(row.problems) > before or received is None or unit_id is None:
            return None
        if reference in self.seen:
            row.problem(
                "reference",
                ValidationFailed(
                    "the same reference number is on line {first}", first=self.seen[reference]
                ),
            )
            return None
        self.seen[reference] = row.line
        if reference in self.existing:
            self.already_present += 1
            return None
        data = EntryInput(
            reference=reference,
            kind=str(kind),
            received_on=received,
            channel=str(channel),
            unit_id=unit_id,
            employee_id=employee_id,
            summary=row.text("summary"),
            from_representative=bool(representative),
            settled_on=settled,
            outcome=outcome,
        )
        assert self.session is not None
        try:
            checked = _check(self.session, data, self.today, self.unit_ids, self.employee_ids)
        except ValidationFailed as exc:
            row.problem("reference", exc)
            return None
        if checked.settled_on is not None:
            self.settled += 1
        self.linked += checked.unit_id is not None
        return checked

    def write(self, session: Session, chunk: Sequence[EntryInput]) -> None:
        add_checked_entries(session, self.ctx.actor, list(chunk))
        self.added += len(chunk)

    def finish(self, session: Session, table: Table, mapping: ColumnMapping) -> None:
        trail.record(
            session,
            self.ctx.actor,
            "import",
            "indicator_register",
            # the file's name: the trail's entity id holds 60 characters (PostgreSQL enforces
            # it), a path may be longer; the whole path goes with the values
            Path(table.file).name[-60:],
            after={
                "file": table.file,
                "rows": len(table.rows),
                "added": self.added,
                "already_present": self.already_present,
                "encoding": table.encoding,
            },
        )

    def load_mapping(self, session: Session, header: Sequence[str]) -> ColumnMapping | None:
        row = _stored(session, header)
        if row is None:
            return None
        return stored_mapping(row.mapping_json, header, REGISTER_FIELDS)

    def save_mapping(self, session: Session, header: Sequence[str], mapping: ColumnMapping) -> None:
        row = _stored(session, header)
        if row is None:
            row = IndicatorImportMapping(
                header_key=header_key(header), header_text="\x1f".join(header)
            )
            session.add(row)
        row.mapping_json = stored_json(mapping, header)
        row.updated_at = utcnow()


def import_register(
    ctx: AppContext,
    path: Path,
    mapping: dict[str, str] | None = None,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
    spec: MappingSpec | None = None,
    mapping_out: Path | None = None,
) -> ImportReport:
    """Imports the whole file or nothing (ImportRejected lists every unreadable value); the
    mapping (header → field; default: the remembered one, else a guess) is remembered for this
    header row when the import is stored. `spec` (--map, a mapping file) is applied on top of
    it; `mapping_out` receives the mapping used as a mapping file before any row is read."""
    require(ctx.actor, Permission.MANAGE_INDICATORS)
    source = RegisterSource(ctx, today or ctx.clock.today())
    sheet = read_table(path)
    file = str(path)
    if mapping is None:
        columns, _remembered = importing.resolve_mapping(ctx, source, sheet.header)
    else:
        columns = importing.given_mapping(ctx, source, sheet.header, mapping, file)
    named_sheet = replace(sheet, file=file)
    columns = importing.with_spec(source, named_sheet, columns, spec)
    if mapping_out is not None:
        write_mapping_file(mapping_out, columns, sheet.header, "indicators")
    stop = cancelled or (lambda: False)

    def check() -> None:
        if stop():
            raise ImportCancelled("import cancelled; nothing was imported")

    importing.run_import(ctx, source, named_sheet, columns, on_progress=on_progress, check=check)
    return ImportReport(
        file,
        sheet.encoding,
        len(sheet.rows),
        source.added,
        source.already_present,
        columns.by_column(sheet.header),
        not_imported(importing.statuses(source, named_sheet, columns)),
        sheet.header_line,
        sheet.skipped,
        source.settled,
        source.linked,
    )
