"""Importing survey responses from CSV or XLSX (a kiosk or an online-form export, or a sheet
typed by a clerk): encoding detected (UTF-8 with or without BOM, Windows-1250), delimiter
sniffed, dates as dd.mm.yyyy or ISO, columns mapped to question ids once and remembered by the
file's header row. The whole file or nothing: every row that cannot be read is reported (line,
column, value, what is wrong) and nothing is stored. Importing the same file again adds nothing:
a response's natural key is its questionnaire number, or else a hash of the row's content."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.forms.survey import SurveyForm
from auditdesk.domain.survey_results import parse_answer, questions
from auditdesk.reports.tabular import Table as Table
from auditdesk.reports.tabular import parse_date as parse_date
from auditdesk.reports.tabular import read_table as read_table
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring.surveys import (
    bulk_insert_responses,
    form_of,
    next_seq,
    visible_campaign,
)
from auditdesk.store.base import utcnow
from auditdesk.store.models import OrgUnit, SurveyImportMapping, SurveyResponse

# mapping targets other than question ids
NUMBER = "@no"
DATE = "@date"
UNIT = "@unit"
SPECIAL_TARGETS = (NUMBER, DATE, UNIT)
HEADER_HINTS = {
    NUMBER: ("nr", "numer", "nr ankiety", "numer ankiety", "no", "response no", "id"),
    DATE: ("data", "date", "data wypełnienia", "data ankiety"),
    UNIT: ("komórka", "wydział", "unit", "jednostka", "kod komórki"),
}


@dataclass(frozen=True)
class RowProblem:
    line: int
    column: str
    value: str
    problem: ValidationFailed

    def __str__(self) -> str:
        return f"line {self.line}, {self.column}: {self.problem}"


@dataclass
class ImportReport:
    file: str
    rows: int = 0
    added: int = 0
    already: int = 0  # rows whose response was imported before
    problems: list[RowProblem] = field(default_factory=list)


class ImportRejected(ValidationFailed):
    """Some rows could not be read; nothing was imported. `report.problems` lists them."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__(
            "{file}: {count} problem(s) in the file; nothing was imported",
            file=report.file,
            count=len(report.problems),
        )
        self.report = report


def header_hash(header: list[str]) -> str:
    return hashlib.sha256("\x1f".join(h.strip().lower() for h in header).encode()).hexdigest()


def _fold(text: str) -> str:
    return " ".join(text.strip().lower().replace("_", " ").split())


def suggest_mapping(form: SurveyForm, header: list[str]) -> dict[str, str]:
    """A first guess: a column named like a question id or its Polish/English text, or like a
    questionnaire number, date or unit. Columns not recognised are left out (ignored)."""
    names: dict[str, str] = {}
    for q, _profile in questions(form):
        names[_fold(q.id)] = q.id
        names[_fold(q.text.pl)] = q.id
        if q.text.en:
            names[_fold(q.text.en)] = q.id
    for target, hints in HEADER_HINTS.items():
        for hint in hints:
            names[_fold(hint)] = target
    out: dict[str, str] = {}
    for column in header:
        found = names.get(_fold(column))
        if found and found not in out.values():
            out[column] = found
    return out


def _stored_mapping(session: Session, form_id: str, header: list[str]) -> dict[str, str] | None:
    stored = session.scalar(
        select(SurveyImportMapping.mapping_json).where(
            SurveyImportMapping.form_id == form_id,
            SurveyImportMapping.header_hash == header_hash(header),
        )
    )
    return None if stored is None else dict(json.loads(stored))


def mapping_for(ctx: AppContext, campaign_id: int, header: list[str]) -> dict[str, str]:
    """The mapping remembered for this header row (and the campaign's form), else a guess."""
    require(ctx.actor, Permission.MANAGE_SURVEYS)
    with ctx.db.session() as s:
        form = form_of(s, visible_campaign(s, ctx.actor, campaign_id).form_version_id)
        remembered = _stored_mapping(s, form.id, header)
    return remembered if remembered is not None else suggest_mapping(form, header)


def _check_mapping(form: SurveyForm, header: list[str], mapping: dict[str, str], file: str) -> None:
    known = {q.id for q, _p in questions(form)} | set(SPECIAL_TARGETS)
    for column, target in mapping.items():
        if column not in header:
            raise ValidationFailed(
                "{file}: the mapping names a column {column!r} the file does not have",
                file=file,
                column=column,
            )
        if target not in known:
            raise ValidationFailed(
                "{file}: column {column!r} is mapped to {target!r}, which is not a question "
                "of the form",
                file=file,
                column=column,
                target=target,
            )
    targets = [t for t in mapping.values() if t]
    twice = sorted({t for t in targets if targets.count(t) > 1})
    if twice:
        raise ValidationFailed(
            "{file}: more than one column is mapped to {targets}",
            file=file,
            targets=", ".join(twice),
        )
    if len(set(header)) != len(header):
        raise ValidationFailed(
            "{file}: two columns have the same name in the header row", file=file
        )
    if not any(t not in SPECIAL_TARGETS for t in targets):
        raise ValidationFailed("{file}: no column is mapped to a question", file=file)


def import_responses(
    ctx: AppContext,
    campaign_id: int,
    path: Path,
    mapping: dict[str, str] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    check: Callable[[], None] | None = None,
    source: str = "import",
) -> ImportReport:
    """Imports every row of the file into the campaign, or nothing (raises ImportRejected with
    the report of every problem). `mapping` (column → question id or @no/@date/@unit) defaults
    to the remembered one for this header row, else the suggestion; the mapping used is
    remembered. `check` is called between rows and may raise to cancel (nothing is kept)."""
    require(ctx.actor, Permission.MANAGE_SURVEYS)
    table = read_table(path)
    report = ImportReport(path.name, rows=len(table.rows))
    notify = progress or (lambda _d, _t: None)
    stop = check or (lambda: None)
    with ctx.db.session() as s:
        campaign = visible_campaign(s, ctx.actor, campaign_id)
        form = form_of(s, campaign.form_version_id)
        if mapping is None:
            mapping = _stored_mapping(s, form.id, table.header) or suggest_mapping(
                form, table.header
            )
        mapping = {c: t for c, t in mapping.items() if t}
        _check_mapping(form, table.header, mapping, path.name)
        by_id = {q.id: q for q, _p in questions(form)}
        required = [q.id for q, _p in questions(form) if q.required]
        unit_codes = {
            code.lower(): uid for uid, code in s.execute(select(OrgUnit.id, OrgUnit.code))
        }
        existing = set(
            s.scalars(
                select(SurveyResponse.natural_key).where(SurveyResponse.campaign_id == campaign.id)
            )
        )
        columns = [(table.header.index(c), c, t) for c, t in mapping.items()]
        seen: dict[str, int] = {}
        new: list[SurveyResponse] = []
        new_answers: list[dict[str, str]] = []
        seq = next_seq(s, campaign.id)
        total = len(table.rows)
        for done, (line, cells) in enumerate(table.rows, start=1):
            if done % 200 == 0 or done == total:
                stop()
                notify(done, total)
            answers: dict[str, str] = {}
            number: str | None = None
            day = campaign.period_from
            unit = campaign.unit_id
            bad = False

            for index, column, target in columns:
                text = cells[index] if index < len(cells) else ""
                try:
                    if target == NUMBER:
                        number = text or None
                    elif target == DATE:
                        day = parse_date(text) or day
                        if not campaign.period_from <= day <= campaign.period_to:
                            raise ValidationFailed(
                                "the date {value} is outside the campaign period {start} – {end}",
                                value=day.isoformat(),
                                start=campaign.period_from.isoformat(),
                                end=campaign.period_to.isoformat(),
                            )
                    elif target == UNIT:
                        if text:
                            found = unit_codes.get(text.lower())
                            if found is None:
                                raise ValidationFailed(
                                    "{value!r} is not the code of a unit", value=text
                                )
                            unit = found
                    else:
                        parsed = parse_answer(by_id[target], text)
                        if parsed is not None:
                            answers[target] = parsed
                except ValidationFailed as exc:
                    report.problems.append(RowProblem(line, column, text, exc))
                    bad = True
            for qid in required:
                if qid not in answers and not bad:
                    mapped = [c for _i, c, t in columns if t == qid]
                    report.problems.append(
                        RowProblem(
                            line,
                            mapped[0] if mapped else qid,
                            "",
                            ValidationFailed(
                                "required question {question} is not answered", question=qid
                            ),
                        )
                    )
                    bad = True
            if bad:
                continue
            if number:
                key = f"no:{number}"
            else:
                content = json.dumps(
                    [answers, day.isoformat(), unit], sort_keys=True, ensure_ascii=False
                )
                digest = hashlib.sha256(content.encode()).hexdigest()[:40]
                seen[digest] = seen.get(digest, 0) + 1
                key = f"h:{digest}:{seen[digest]}"
            if key in existing:
                report.already += 1
                continue
            existing.add(key)
            new.append(
                SurveyResponse(
                    campaign_id=campaign.id,
                    seq=seq,
                    response_no=number,
                    natural_key=key,
                    unit_id=unit,
                    answered_on=day,
                    source=source,
                    entered_by=ctx.actor.login,
                )
            )
            new_answers.append(answers)
            seq += 1
        if report.problems:
            raise ImportRejected(report)
        stop()
        bulk_insert_responses(s, new, new_answers)
        report.added = len(new)
        _remember(s, form.id, table.header, mapping)
        trail.record(
            s,
            ctx.actor,
            "import",
            "survey_campaign",
            campaign.id,
            after={
                "file": path.name,
                "rows": report.rows,
                "added": report.added,
                "already": report.already,
                "encoding": table.encoding,
            },
        )
    return report


def _remember(session: Session, form_id: str, header: list[str], mapping: dict[str, str]) -> None:
    digest = header_hash(header)
    row = session.scalar(
        select(SurveyImportMapping).where(
            SurveyImportMapping.form_id == form_id, SurveyImportMapping.header_hash == digest
        )
    )
    text = json.dumps(mapping, ensure_ascii=False, sort_keys=True)
    if row is None:
        session.add(SurveyImportMapping(form_id=form_id, header_hash=digest, mapping_json=text))
    else:
        row.mapping_json = text
        row.updated_at = utcnow()
