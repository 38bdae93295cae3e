"""Importing survey responses from CSV or XLSX (a kiosk or an online-form export, or a sheet
typed by a clerk) on the import framework (services/monitoring/importing): encoding detected
(UTF-8 with or without BOM, Windows-1250), delimiter sniffed, dates as dd.mm.yyyy or ISO,
columns mapped to question ids once and remembered by the file's header row (per form) when an
import is stored. The whole file or nothing: every value that cannot be read is reported (line,
column, value, what is wrong) and nothing is stored. Importing the same file again adds nothing:
a response's natural key is its questionnaire number, or else a hash of the row's content.

The fields are the form's questions (by id) and the questionnaire number, date and unit."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.forms.survey import SurveyForm
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
    check_mapping,
    header_key,
    normalise_header,
)
from auditdesk.domain.importing import guess_mapping as guess_columns
from auditdesk.domain.survey_results import allowed_values, parse_answer, questions
from auditdesk.reports.tabular import Table as Table
from auditdesk.reports.tabular import parse_date as parse_date
from auditdesk.reports.tabular import read_table as read_table
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring import importing
from auditdesk.services.monitoring.importing import ImportRejected, ImportSource
from auditdesk.services.monitoring.importing.files import stored_mapping, write_mapping_file
from auditdesk.services.monitoring.surveys import (
    bulk_insert_responses,
    form_of,
    next_seq,
    visible_campaign,
)
from auditdesk.store.base import utcnow
from auditdesk.store.models import OrgUnit, SurveyImportMapping, SurveyResponse

__all__ = [
    "ImportRejected",
    "ImportReport",
    "Preview",
    "RowProblem",
    "import_responses",
    "mapping_for",
    "preview",
]

# mapping targets other than question ids
NUMBER = "@no"
DATE = "@date"
UNIT = "@unit"
SPECIAL_TARGETS = (NUMBER, DATE, UNIT)
SPECIAL_LABELS = {NUMBER: "Questionnaire number", DATE: "Date", UNIT: "Unit code"}
HEADER_HINTS = {
    NUMBER: (
        "nr",
        "numer",
        "nr ankiety",
        "numer ankiety",
        "no",
        "response no",
        "id",
        "identyfikator",  # Microsoft Forms
        "id odpowiedzi",  # LimeSurvey, full texts
        "response id",
    ),
    DATE: (
        "data",
        "date",
        "data wypełnienia",
        "data ankiety",
        "sygnatura czasowa",  # Google Forms (Polish)
        "timestamp",
        "godzina ukończenia",  # Microsoft Forms (Polish)
        "completion time",
        "data wysłania",  # LimeSurvey, full texts
        "submitdate",  # LimeSurvey, codes
        "date submitted",
    ),
    UNIT: ("komórka", "wydział", "unit", "jednostka", "kod komórki"),
}
# columns the survey tools add that AuditDesk leaves out on purpose: when a response was begun,
# who answered (surveys are anonymous), the tools' own bookkeeping
IGNORED_HEADERS = frozenset(
    normalise_header(h)
    for h in (
        "Godzina rozpoczęcia",
        "Start time",
        "Adres e-mail",
        "E-mail",
        "Email",
        "Nazwa",
        "Name",
        "Czas ostatniej modyfikacji",
        "Last modified time",
        "Data rozpoczęcia",
        "Data ostatniej akcji",
        "Ostatnia strona",
        "Język początkowy",
        "Ziarno",
        "startdate",
        "datestamp",
        "lastpage",
        "startlanguage",
        "seed",
        "token",
        "refurl",
        "ipaddr",
    )
)


@dataclass
class ImportReport:
    file: str
    rows: int = 0
    added: int = 0
    already: int = 0  # rows whose response was imported before
    problems: list[RowProblem] = field(default_factory=list)
    dated: int = 0  # responses with a date from the file (the others: the campaign's start)
    linked: int = 0  # responses linked to a unit (from the file or the campaign's)
    not_imported: list[str] = field(default_factory=list)  # unknown columns holding data
    header_line: int = 1
    skipped: tuple[str, ...] = ()  # title lines above the header


def legacy_header_hash(header: list[str]) -> str:
    """How mappings saved before the import framework were found (kept so they still are)."""
    return hashlib.sha256("\x1f".join(h.strip().lower() for h in header).encode()).hexdigest()


def survey_fields(form: SurveyForm) -> tuple[Field, ...]:
    """The fields of a survey import: the questionnaire number, date and unit, then the form's
    questions, each known by its id and its Polish and English text."""
    special = tuple(
        Field(t, SPECIAL_LABELS[t], False, HEADER_HINTS[t], 40 if t == NUMBER else None)
        for t in SPECIAL_TARGETS
    )
    asked = tuple(
        Field(q.id, q.text.en or q.text.pl, False, (q.id, q.text.pl, q.text.en or ""))
        for q, _profile in questions(form)
    )
    return special + asked


def suggest_mapping(form: SurveyForm, header: list[str]) -> dict[str, str]:
    """A first guess: a column named like a question id or its Polish/English text, or like a
    questionnaire number, date or unit. Columns not recognised are left out (ignored)."""
    return ColumnMapping(guess_columns(survey_fields(form), header)).by_column(header)


def _stored(session: Session, form_id: str, header: Sequence[str]) -> SurveyImportMapping | None:
    keys = (header_key(header), legacy_header_hash(list(header)))
    return session.scalars(
        select(SurveyImportMapping)
        .where(SurveyImportMapping.form_id == form_id, SurveyImportMapping.header_hash.in_(keys))
        .order_by(SurveyImportMapping.updated_at.desc())
    ).first()


def mapping_for(ctx: AppContext, campaign_id: int, header: list[str]) -> dict[str, str]:
    """The mapping remembered for this header row (and the campaign's form), else a guess."""
    require(ctx.actor, Permission.MANAGE_SURVEYS)
    with ctx.db.session() as s:
        form = form_of(s, visible_campaign(s, ctx.actor, campaign_id).form_version_id)
        remembered = _stored(s, form.id, header)
        if remembered is not None:
            return split_stored(json.loads(remembered.mapping_json))[0]
    return suggest_mapping(form, header)


@dataclass(frozen=True)
class Preview:
    """What the mapping dialog shows (issue 13): every column as mapped, left out on purpose
    or unknown, the unknown ones named like a field, and the lines skipped above the header."""

    header: list[str]
    rows: list[list[str]]  # the first rows of the file
    row_count: int
    encoding: str
    mapping: dict[str, int]  # field → column: the remembered mapping, else a guess
    remembered: bool
    ignored: tuple[int, ...] = ()  # columns left out on purpose (a known layout's)
    looks_like: dict[int, str] = field(default_factory=dict)  # unknown column → field named
    skipped: tuple[str, ...] = ()  # title or blank lines above the header, skipped
    distinct: dict[int, tuple[str, ...]] = field(default_factory=dict)  # column → its words
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)  # question → answers
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # remembered value words


def answer_choices(form: SurveyForm) -> dict[str, tuple[str, ...]]:
    """What each closed question stores (a scale's numbers, the options' values): the answers
    a word of the file can be mapped to in the window."""
    found: dict[str, tuple[str, ...]] = {}
    for question, _in_block in questions(form):
        if question.type == "text":
            continue
        if question.type == "scale":
            found[question.id] = tuple(
                str(n) for n in range(question.scale_min, question.scale_max + 1)
            )
        else:
            found[question.id] = tuple(allowed_values(question))
    return found


def preview(ctx: AppContext, campaign_id: int, path: Path) -> Preview:
    """The first rows and the mapping to preselect for the campaign's form, for the dialog."""
    require(ctx.actor, Permission.MANAGE_SURVEYS)
    table = read_table(path)
    with ctx.db.session() as s:
        found = visible_campaign(s, ctx.actor, campaign_id)
        campaign = _Campaign(found.id, found.period_from, found.period_to, found.unit_id)
        form = form_of(s, found.form_version_id)
    shown = importing.preview(ctx, SurveySource(ctx, campaign, form, "import"), table)
    return Preview(
        shown.header,
        shown.rows,
        shown.row_count,
        shown.encoding,
        dict(shown.mapping.columns),
        shown.remembered,
        tuple(sorted(shown.mapping.ignored)),
        {c.index: c.looks_like for c in shown.columns if c.looks_like and c.filled},
        shown.skipped,
        shown.distinct,
        answer_choices(form),
        {f: dict(w) for f, w in shown.mapping.values.items() if w},
    )


@dataclass(frozen=True)
class _Campaign:
    id: int
    period_from: date
    period_to: date
    unit_id: int | None


class SurveySource(ImportSource[tuple[SurveyResponse, dict[str, str]]]):
    """Responses of one campaign: one per row, keyed by the questionnaire number or else a
    hash of the row's content (the n-th equal row being the n-th respondent)."""

    ignored_headers = IGNORED_HEADERS

    def __init__(self, ctx: AppContext, campaign: _Campaign, form: SurveyForm, source: str) -> None:
        self.ctx = ctx
        self.campaign = campaign
        self.form = form
        self.source = source
        self._fields = survey_fields(form)
        self.by_id = {q.id: q for q, _p in questions(form)}
        self.required = [q.id for q, _p in questions(form) if q.required]
        self.unit_codes: dict[str, int] = {}
        self.existing: set[str] = set()
        self.seen: dict[str, int] = {}
        self.seq = 0
        self.added = 0
        self.already = 0
        self.dated = 0
        self.linked = 0

    @property
    def fields(self) -> Sequence[Field]:
        return self._fields

    def prepare(self, session: Session) -> None:
        self.unit_codes = {
            code.lower(): uid for uid, code in session.execute(select(OrgUnit.id, OrgUnit.code))
        }
        self.existing = set(
            session.scalars(
                select(SurveyResponse.natural_key).where(
                    SurveyResponse.campaign_id == self.campaign.id
                )
            )
        )
        self.seq = next_seq(session, self.campaign.id)

    def read_row(self, row: SourceRow) -> tuple[SurveyResponse, dict[str, str]] | None:
        campaign = self.campaign
        before = len(row.problems)
        answers: dict[str, str] = {}
        number = row.text(NUMBER) or None
        day = campaign.period_from
        unit = campaign.unit_id
        dated = False
        if row.mapped(DATE):
            try:
                found_day = parse_date(row.text(DATE))
                dated = found_day is not None
                day = found_day or day
                if not campaign.period_from <= day <= campaign.period_to:
                    raise ValidationFailed(
                        "the date {value} is outside the campaign period {start} – {end}",
                        value=day.isoformat(),
                        start=campaign.period_from.isoformat(),
                        end=campaign.period_to.isoformat(),
                    )
            except ValidationFailed as exc:
                row.problem(DATE, exc)
        text = row.text(UNIT)
        if text:
            found = self.unit_codes.get(text.lower())
            if found is None:
                row.problem(
                    UNIT, ValidationFailed("{value!r} is not the code of a unit", value=text)
                )
            unit = found
        for qid, question in self.by_id.items():
            if not row.mapped(qid):
                continue
            try:
                parsed = parse_answer(question, row.text(qid))
            except ValidationFailed as exc:
                row.problem(qid, exc)
                continue
            if parsed is not None:
                answers[qid] = parsed
        if len(row.problems) > before:
            return None
        for qid in self.required:
            if qid not in answers:
                row.problem(
                    qid,
                    ValidationFailed("required question {question} is not answered", question=qid),
                    "",
                )
                return None
        if number:
            key = f"no:{number}"
        else:
            content = json.dumps(
                [answers, day.isoformat(), unit], sort_keys=True, ensure_ascii=False
            )
            digest = hashlib.sha256(content.encode()).hexdigest()[:40]
            self.seen[digest] = self.seen.get(digest, 0) + 1
            key = f"h:{digest}:{self.seen[digest]}"
        if key in self.existing:
            self.already += 1
            return None
        self.existing.add(key)
        self.dated += dated
        self.linked += unit is not None
        response = SurveyResponse(
            campaign_id=campaign.id,
            seq=self.seq,
            response_no=number,
            natural_key=key,
            unit_id=unit,
            answered_on=day,
            source=self.source,
            entered_by=self.ctx.actor.login,
        )
        self.seq += 1
        return response, answers

    def write(
        self, session: Session, chunk: Sequence[tuple[SurveyResponse, dict[str, str]]]
    ) -> None:
        bulk_insert_responses(session, [r for r, _a in chunk], [a for _r, a in chunk])
        self.added += len(chunk)

    def finish(self, session: Session, table: Table, mapping: ColumnMapping) -> None:
        trail.record(
            session,
            self.ctx.actor,
            "import",
            "survey_campaign",
            self.campaign.id,
            after={
                "file": table.file,
                "rows": len(table.rows),
                "added": self.added,
                "already": self.already,
                "encoding": table.encoding,
            },
        )

    def load_mapping(self, session: Session, header: Sequence[str]) -> ColumnMapping | None:
        row = _stored(session, self.form.id, header)
        if row is None:
            return None
        return stored_mapping(row.mapping_json, header, self.fields)

    def save_mapping(self, session: Session, header: Sequence[str], mapping: ColumnMapping) -> None:
        row = _stored(session, self.form.id, header)
        text = stored_json(mapping, header)
        if row is None:
            session.add(
                SurveyImportMapping(
                    form_id=self.form.id, header_hash=header_key(header), mapping_json=text
                )
            )
        else:
            row.header_hash = header_key(header)
            row.mapping_json = text
            row.updated_at = utcnow()


def import_responses(
    ctx: AppContext,
    campaign_id: int,
    path: Path,
    mapping: dict[str, str] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[], None] | None = None,
    source: str = "import",
    spec: MappingSpec | None = None,
    mapping_out: Path | None = None,
) -> ImportReport:
    """Imports every row of the file into the campaign, or nothing (raises ImportRejected with
    every problem). `mapping` (column → question id or @no/@date/@unit) defaults to the
    remembered one for this header row, else the suggestion; the mapping used is remembered when
    the import is stored. `check` is called between rows and may raise to cancel (nothing is
    kept)."""
    require(ctx.actor, Permission.MANAGE_SURVEYS)
    table = read_table(path)
    with ctx.db.session() as s:
        found = visible_campaign(s, ctx.actor, campaign_id)
        campaign = _Campaign(found.id, found.period_from, found.period_to, found.unit_id)
        form = form_of(s, found.form_version_id)
    importer = SurveySource(ctx, campaign, form, source)
    if mapping is None:
        columns, _remembered = importing.resolve_mapping(ctx, importer, table.header)
    else:
        columns = importing.given_mapping(ctx, importer, table.header, mapping, path.name)
    columns = importing.with_spec(importer, table, columns, spec)
    if mapping_out is not None:
        write_mapping_file(mapping_out, columns, table.header, "surveys")
    check_mapping(importer.fields, table.header, columns.columns, path.name)
    if not any(t not in SPECIAL_TARGETS for t in columns.columns):
        raise ValidationFailed("{file}: no column is mapped to a question", file=path.name)
    importing.run_import(ctx, importer, table, columns, on_progress=progress, check=check)
    return ImportReport(
        path.name,
        len(table.rows),
        importer.added,
        importer.already,
        [],
        importer.dated,
        importer.linked,
        not_imported(importing.statuses(importer, table, columns)),
        table.header_line,
        table.skipped,
    )
