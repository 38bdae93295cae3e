"""The appraisal as the window shows it: criteria, IPRZ, open actions of earlier appraisals,
evidence (audits and feedback notes), deadlines and the objection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.appraisal import (
    AppraisalStatus,
    decision_deadline,
    follow_up_due,
    follow_up_earliest,
    objection_deadline,
    optional_criteria,
    overall_result,
    required_criteria,
)
from auditdesk.domain.errors import PermissionDenied, ValidationFailed
from auditdesk.domain.forms.appraisal_sheet import AppraisalSheet
from auditdesk.domain.periods import ComputedDate
from auditdesk.services.appraisals.access import (
    is_system,
    require_read,
)
from auditdesk.services.appraisals.common import (
    _employee,
    _load,
    sheet_of,
)
from auditdesk.services.appraisals.conversation import ConversationNoteView, note_view
from auditdesk.services.appraisals.feedback import _feedback_rows
from auditdesk.services.audits import AuditSummary, audits_of_employee
from auditdesk.services.context import AppContext
from auditdesk.services.signatures import is_locked
from auditdesk.store.models import (
    Appraisal,
    DevelopmentAction,
    DevelopmentArea,
    FormVersion,
    RecordRead,
)

# --- the appraisal as the window shows it ------------------------------------------------------


@dataclass(frozen=True)
class CriterionView:
    code: str
    name: str
    description: str
    required: bool
    selected: bool
    expectations: str
    level_code: str | None
    points: float | None
    justification: str
    weight: float
    indicators: tuple[tuple[str, str], ...]  # (level label, what it looks like)


@dataclass(frozen=True)
class ActionView:
    id: int
    kind: str
    description: str
    deadline: date | None
    done_on: date | None
    area: str
    record_number: str
    # the version of the appraisal the action belongs to, as read (mark_action_done checks it)
    appraisal_version: int | None = None


@dataclass(frozen=True)
class AreaView:
    id: int
    area: str
    expected_change: str
    support: str
    deadline: date | None
    actions: tuple[ActionView, ...]


@dataclass(frozen=True)
class EvidenceItem:
    """An audit or a feedback note of the period. Values are codes (channel, verdict, the
    note's kind): the window names them in its language (ui.appraisals.evidence)."""

    kind: str  # "audit" or "feedback"
    on: date | None
    title: str
    detail: str  # an audit's scenario, a note's text
    ref_id: int | None
    cites: int | None = None  # a feedback note's cited audit
    cites_record: str = ""  # ... its record number, or "#id" when it is not in the list
    note_kind: str = ""  # a note's domain.values.FeedbackKind
    channel: str = ""  # an audit's channel (domain.forms.checklist.CHANNELS)
    score: float | None = None  # an audit's score, per cent
    verdict: str = ""  # an audit's verdict code ...
    verdict_label: str = ""  # ... and the Polish name its form gave it


@dataclass(frozen=True)
class DeadlineView:
    what: str  # objection, decision, follow_up, follow_up_earliest
    value: date
    rule_pl: str
    rule_en: str

    @classmethod
    def of(cls, what: str, computed: ComputedDate) -> DeadlineView:
        return cls(what, computed.value, computed.rule("pl"), computed.rule("en"))


@dataclass(frozen=True)
class ObjectionView:
    filed_on: date
    reason: str
    decision: str | None
    decided_on: date | None
    decision_reason: str
    resolution: str | None
    replacement_id: int | None


@dataclass(frozen=True)
class ProvisionalResult:
    """The overall result of the ratings given so far, by the sheet's own rule; final only
    when `rated == chosen` and the conversation is recorded."""

    score: float
    level: str  # the level's label in the view's language
    positive: bool
    rated: int  # chosen criteria with a rating
    chosen: int  # chosen criteria


@dataclass(frozen=True)
class AppraisalView:
    id: int
    record_number: str
    employee_id: int
    employee: str
    position: str
    unit: str
    appraiser: str
    sheet_title: str
    sheet_hash: str
    kind: str
    status: str
    period_start: date
    period_end: date
    scale: tuple[tuple[str, str, float], ...]  # code, label, points
    criteria: tuple[CriterionView, ...]
    additional_min: int
    additional_max: int
    overall_score: float | None
    overall_level: str | None
    positive: bool | None
    areas: tuple[AreaView, ...]
    open_actions: tuple[ActionView, ...]  # from earlier appraisals, not done yet
    evidence: tuple[EvidenceItem, ...]
    conversation_on: date | None
    read_on: date | None
    read_comment: str
    objection: ObjectionView | None
    deadlines: tuple[DeadlineView, ...]
    supersedes_record: str | None
    action_kinds: tuple[str, ...]
    conversation_notes: tuple[ConversationNoteView, ...] = ()
    # before the conversation is recorded: the result the ratings given so far would make
    # (issue 15: the window shows it live as ratings change); None until something is rated
    provisional: ProvisionalResult | None = None
    signed: bool = False  # its protocol is signed: steps 1-5 cannot change (services.signatures)
    # the optimistic version read (issue 16): a change passes it back as expected_version
    version: int = 1


def appraisal_detail(ctx: AppContext, appraisal_id: int, language: str = "pl") -> AppraisalView:
    with ctx.db.session() as s:
        a = _load(s, appraisal_id)
        require_read(s, ctx.actor, a.employee_id, a.appraiser_id)
        view = _detail(s, a, language)
        if not is_system(ctx.actor):  # reading is logged, not only changing (issue 19)
            s.add(
                RecordRead(
                    at=ctx.clock.now().replace(tzinfo=None),
                    reader=ctx.actor.login,
                    entity="appraisal",
                    entity_id=str(a.id),
                    employee_id=a.employee_id,
                )
            )
    audits = employee_audit_evidence(ctx, view.employee_id, view.period_start, view.period_end)
    return _with_evidence(view, audits)


def _with_evidence(view: AppraisalView, audits: list[EvidenceItem]) -> AppraisalView:
    """Audits first, then feedback notes; a note citing an audit names it (the audit id is
    resolved through the audit service's list, so appraisals need no audit tables)."""
    from dataclasses import replace

    names = {x.ref_id: x.title for x in audits if x.ref_id is not None}
    notes = tuple(
        replace(e, cites_record=names.get(e.cites, f"#{e.cites}")) if e.cites is not None else e
        for e in view.evidence
    )
    return replace(view, evidence=tuple(audits) + notes)


def _detail(s: Session, a: Appraisal, language: str) -> AppraisalView:
    sheet = sheet_of(s, a.form_version_id)
    version = s.get(FormVersion, a.form_version_id)
    emp = _employee(s, a.employee_id)
    appraiser = _employee(s, a.appraiser_id)
    rows = {r.criterion_code: r for r in a.ratings}
    required = set(required_criteria(sheet, emp.customer_facing))
    scale = tuple((lv.code, lv.label.get(language), lv.points) for lv in sheet.scale)
    labels = {code: label for code, label, _ in scale}
    criteria = []
    for c in sheet.criteria:
        r = rows.get(c.code)
        criteria.append(
            CriterionView(
                c.code,
                c.name.get(language),
                c.description.get(language) if c.description else "",
                c.code in required,
                r is not None,
                r.expectations if r else "",
                r.level_code if r else None,
                r.points if r else None,
                r.justification if r else "",
                c.weight,
                tuple((labels.get(k, k), v.get(language)) for k, v in c.indicators.items()),
            )
        )
    areas = tuple(_area_view(x, a.record_number, a.version) for x in a.areas)
    open_actions = _open_actions(s, a)
    evidence = tuple(
        EvidenceItem(
            "feedback",
            f.noted_on,
            f.topic,
            f.text,
            f.id,
            f.audit_id,
            note_kind=f.kind,
        )
        for f in _feedback_rows(s, a.employee_id, a)
    )
    deadlines: list[DeadlineView] = []
    if a.read_on:
        deadlines.append(DeadlineView.of("objection", objection_deadline(sheet, a.read_on)))
        if a.positive is False:
            deadlines.append(DeadlineView.of("follow_up", follow_up_due(sheet, a.read_on)))
            earliest = follow_up_earliest(sheet, a.read_on)
            if earliest:
                deadlines.append(DeadlineView.of("follow_up_earliest", earliest))
    objection = None
    if a.objection is not None:
        o = a.objection
        deadlines.append(DeadlineView.of("decision", decision_deadline(sheet, o.filed_on)))
        objection = ObjectionView(
            o.filed_on,
            o.reason,
            o.decision,
            o.decided_on,
            o.decision_reason,
            o.resolution,
            o.replacement_id,
        )
    supersedes = s.get(Appraisal, a.supersedes_id) if a.supersedes_id else None
    level_label = (
        sheet.overall_level(a.overall_level).label.get(language) if a.overall_level else None
    )
    return AppraisalView(
        a.id,
        a.record_number,
        emp.id,
        emp.full_name,
        emp.position,
        emp.unit.name,
        appraiser.full_name,
        sheet.title.get(language),
        version.content_hash if version else "",
        a.kind,
        a.status,
        a.period_start,
        a.period_end,
        scale,
        tuple(criteria),
        sheet.additional.min,
        min(sheet.additional.max, len(optional_criteria(sheet, emp.customer_facing))),
        a.overall_score,
        level_label,
        a.positive,
        areas,
        open_actions,
        evidence,
        a.conversation_on,
        a.read_on,
        a.read_comment,
        objection,
        tuple(deadlines),
        supersedes.record_number if supersedes else None,
        tuple(k.get(language) for k in sheet.development_action_kinds),
        conversation_notes=tuple(note_view(n) for n in a.conversation_notes),
        provisional=_provisional(sheet, a, language),
        signed=is_locked(s, "appraisal", a.id),
        version=a.version,
    )


def _provisional(sheet: AppraisalSheet, a: Appraisal, language: str) -> ProvisionalResult | None:
    if a.overall_score is not None:
        return None  # the recorded result is the one that counts
    rated = {r.criterion_code: r.level_code for r in a.ratings if r.level_code}
    if not rated:
        return None
    try:
        result = overall_result(sheet, rated)
    except ValidationFailed:  # a rating the sheet no longer knows: no guess
        return None
    return ProvisionalResult(
        result.score, result.level.label.get(language), result.positive, len(rated), len(a.ratings)
    )


def _area_view(x: DevelopmentArea, record: str, appraisal_version: int | None = None) -> AreaView:
    return AreaView(
        x.id,
        x.area,
        x.expected_change,
        x.support,
        x.deadline,
        tuple(
            ActionView(
                act.id,
                act.kind,
                act.description,
                act.deadline,
                act.done_on,
                x.area,
                record,
                appraisal_version,
            )
            for act in x.actions
        ),
    )


def _open_actions(s: Session, a: Appraisal) -> tuple[ActionView, ...]:
    rows = s.execute(
        select(DevelopmentAction, DevelopmentArea, Appraisal)
        .join(DevelopmentArea, DevelopmentAction.area_id == DevelopmentArea.id)
        .join(Appraisal, DevelopmentArea.appraisal_id == Appraisal.id)
        .where(
            Appraisal.employee_id == a.employee_id,
            Appraisal.id != a.id,
            Appraisal.status != AppraisalStatus.SUPERSEDED.value,
            DevelopmentAction.done_on.is_(None),
        )
        .order_by(DevelopmentAction.deadline)
    )
    return tuple(
        ActionView(
            act.id,
            act.kind,
            act.description,
            act.deadline,
            None,
            area.area,
            prev.record_number,
            prev.version,
        )
        for act, area, prev in rows
    )


def employee_audit_evidence(
    ctx: AppContext, employee_id: int, start: date, end: date
) -> list[EvidenceItem]:
    """The employee's mystery-client audits of the period (appraisals build on audits: the
    one dependency between the two areas); an actor who may not see audits simply gets none."""
    try:
        found = audits_of_employee(ctx, employee_id, start, end)
    except PermissionDenied:
        return []
    return [_audit_item(x) for x in found if not x.superseded]


def _audit_item(x: AuditSummary) -> EvidenceItem:
    return EvidenceItem(
        "audit",
        x.visited_at.date(),
        x.record_no,
        x.scenario_summary,
        x.id,
        channel=x.channel,
        score=x.score,
        verdict=x.verdict,
        verdict_label=x.verdict_label,
    )
