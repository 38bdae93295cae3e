"""Satisfaction surveys: campaigns, typing in paper questionnaires, editing and deleting them
(each step on the trail), and results per campaign, unit and period, compared between periods.

Answers are validated against the form version the campaign was created with; results are
counted in SQL (question, value, count) and turned into shares, means and indexes by
domain.survey_results."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, func, insert, select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import NotFound, PermissionDenied, ValidationFailed
from auditdesk.domain.forms.survey import SurveyForm
from auditdesk.domain.survey_results import (
    SOURCES,
    QuestionComparison,
    SurveyResults,
    check_response,
    compare_results,
    compute_results,
)
from auditdesk.services import trail
from auditdesk.services.access import Permission, require
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.forms import latest_versions, load_version
from auditdesk.services.monitoring.surveys import summary
from auditdesk.services.unit_scope import sees_every_unit, visible_unit_ids
from auditdesk.store.models import (
    FormVersion,
    OrgUnit,
    SurveyAnswer,
    SurveyCampaign,
    SurveyResponse,
)

_S = TypeVar("_S", bound=Select)  # type: ignore[type-arg]

TEXT_ANSWERS_LIMIT = 500  # free-text answers listed in a report (the newest first)


@dataclass(frozen=True)
class SurveyFormChoice:
    version_id: int
    form_id: str
    title: str
    edition: str


@dataclass(frozen=True)
class NewCampaign:
    form_version_id: int
    title: str
    period_from: date
    period_to: date
    unit_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class CampaignRow:
    id: int
    title: str
    form_version_id: int
    form_title: str
    unit_id: int | None
    unit_code: str
    unit_name: str
    period_from: date
    period_to: date
    notes: str
    responses: int


@dataclass(frozen=True)
class ResponseRow:
    id: int
    campaign_id: int
    seq: int
    response_no: str | None
    unit_id: int | None
    answered_on: date
    source: str
    entered_by: str
    answers: dict[str, str]


@dataclass(frozen=True)
class UnitChoice:
    id: int
    code: str
    name: str


def _sees_all(actor: Actor) -> bool:
    return sees_every_unit(actor)


def _visible_units(session: Session, actor: Actor) -> set[int] | None:
    """None: every unit; else the supervisor's units."""
    return visible_unit_ids(session, actor)


def survey_forms(ctx: AppContext) -> list[SurveyFormChoice]:
    require(ctx.actor, Permission.VIEW_SURVEYS)
    with ctx.db.session() as s:
        return [
            SurveyFormChoice(v.id, v.form_id, v.title, v.edition)
            for v in latest_versions(s, "survey")
        ]


def units(ctx: AppContext) -> list[UnitChoice]:
    require(ctx.actor, Permission.VIEW_SURVEYS)
    with ctx.db.session() as s:
        rows = s.execute(select(OrgUnit.id, OrgUnit.code, OrgUnit.name).order_by(OrgUnit.code))
        return [UnitChoice(i, c, n) for i, c, n in rows]


def form_of(session: Session, version_id: int) -> SurveyForm:
    definition = load_version(session, version_id).definition
    if not isinstance(definition, SurveyForm):
        raise ValidationFailed("form version #{version} is not a survey form", version=version_id)
    return definition


def create_campaign(ctx: AppContext, new: NewCampaign) -> int:
    require(ctx.actor, Permission.MANAGE_SURVEYS)
    title = new.title.strip()
    if not title:
        raise ValidationFailed("a survey campaign needs a title")
    if new.period_to < new.period_from:
        raise ValidationFailed(
            "the campaign ends ({end}) before it starts ({start})",
            start=new.period_from.isoformat(),
            end=new.period_to.isoformat(),
        )
    with ctx.db.session() as s:
        version = s.get(FormVersion, new.form_version_id)
        if version is None or version.kind != "survey":
            raise NotFound(
                "survey form version #{version} does not exist", version=new.form_version_id
            )
        if new.unit_id is not None and s.get(OrgUnit, new.unit_id) is None:
            raise NotFound("unit #{unit} does not exist", unit=new.unit_id)
        campaign = SurveyCampaign(
            form_version_id=version.id,
            unit_id=new.unit_id,
            title=title,
            period_from=new.period_from,
            period_to=new.period_to,
            notes=new.notes.strip(),
            created_by=ctx.actor.login,
        )
        s.add(campaign)
        s.flush()
        trail.record(
            s,
            ctx.actor,
            "create",
            "survey_campaign",
            campaign.id,
            after={
                "title": title,
                "form": version.form_id,
                "edition": version.edition,
                "unit_id": new.unit_id,
                "from": new.period_from.isoformat(),
                "to": new.period_to.isoformat(),
            },
        )
        return campaign.id


def _campaign_rows(session: Session, stmt: Select[Any]) -> list[CampaignRow]:
    counts = (
        select(SurveyResponse.campaign_id, func.count().label("n"))
        .group_by(SurveyResponse.campaign_id)
        .subquery()
    )
    full = (
        stmt.add_columns(
            FormVersion.title,
            OrgUnit.code,
            OrgUnit.name,
            func.coalesce(counts.c.n, 0),
        )
        .join(FormVersion, FormVersion.id == SurveyCampaign.form_version_id)
        .outerjoin(OrgUnit, OrgUnit.id == SurveyCampaign.unit_id)
        .outerjoin(counts, counts.c.campaign_id == SurveyCampaign.id)
        .order_by(SurveyCampaign.period_from.desc(), SurveyCampaign.id.desc())
    )
    return [
        CampaignRow(
            c.id,
            c.title,
            c.form_version_id,
            form_title,
            c.unit_id,
            code or "",
            name or "",
            c.period_from,
            c.period_to,
            c.notes,
            int(n),
        )
        for c, form_title, code, name, n in session.execute(full)
    ]


def list_campaigns(ctx: AppContext) -> list[CampaignRow]:
    """Every campaign the actor may see, the newest first, with its number of responses.
    A supervisor sees the campaigns of the units under them and the office-wide ones."""
    require(ctx.actor, Permission.VIEW_SURVEYS)
    with ctx.db.session() as s:
        stmt = select(SurveyCampaign)
        visible = _visible_units(s, ctx.actor)
        if visible is not None:
            stmt = stmt.where(
                SurveyCampaign.unit_id.is_(None) | SurveyCampaign.unit_id.in_(visible)
            )
        return _campaign_rows(s, stmt)


def visible_campaign(session: Session, actor: Actor, campaign_id: int) -> SurveyCampaign:
    """The campaign, if the actor may see it (a supervisor: their units or office-wide)."""
    campaign = session.get(SurveyCampaign, campaign_id)
    if campaign is None:
        raise NotFound("survey campaign #{campaign} does not exist", campaign=campaign_id)
    visible = _visible_units(session, actor)
    if visible is not None and campaign.unit_id is not None and campaign.unit_id not in visible:
        raise PermissionDenied(
            "{login} may not see survey campaign #{campaign}: it is not in their units",
            login=actor.login,
            campaign=campaign_id,
        )
    return campaign


def get_campaign(ctx: AppContext, campaign_id: int) -> tuple[CampaignRow, SurveyForm]:
    """The campaign and the exact form version its questionnaires are entered in."""
    require(ctx.actor, Permission.VIEW_SURVEYS)
    with ctx.db.session() as s:
        campaign = visible_campaign(s, ctx.actor, campaign_id)
        row = _campaign_rows(s, select(SurveyCampaign).where(SurveyCampaign.id == campaign.id))[0]
        return row, form_of(s, campaign.form_version_id)


def _check_meta(
    session: Session, campaign: SurveyCampaign, answered_on: date, unit_id: int | None, source: str
) -> None:
    if source not in SOURCES:
        raise ValidationFailed(
            "source {source!r} is not one of: {allowed}", source=source, allowed=", ".join(SOURCES)
        )
    if not campaign.period_from <= answered_on <= campaign.period_to:
        raise ValidationFailed(
            "the date {value} is outside the campaign period {start} – {end}",
            value=answered_on.isoformat(),
            start=campaign.period_from.isoformat(),
            end=campaign.period_to.isoformat(),
        )
    if unit_id is not None and session.get(OrgUnit, unit_id) is None:
        raise NotFound("unit #{unit} does not exist", unit=unit_id)


def next_seq(session: Session, campaign_id: int) -> int:
    last = session.scalar(
        select(func.max(SurveyResponse.seq)).where(SurveyResponse.campaign_id == campaign_id)
    )
    return int(last or 0) + 1


def add_response(
    ctx: AppContext,
    campaign_id: int,
    answers: dict[str, object],
    *,
    answered_on: date | None = None,
    response_no: str | None = None,
    unit_id: int | None = None,
    source: str = "paper",
) -> int:
    """Stores one questionnaire, checked against the campaign's form version. A questionnaire
    number (printed on the paper) may be given once per campaign."""
    require(ctx.actor, Permission.MANAGE_SURVEYS)
    with ctx.db.session() as s:
        campaign = visible_campaign(s, ctx.actor, campaign_id)
        form = form_of(s, campaign.form_version_id)
        clean = check_response(form, answers)
        day = answered_on or min(max(ctx.clock.today(), campaign.period_from), campaign.period_to)
        unit = unit_id if unit_id is not None else campaign.unit_id
        _check_meta(s, campaign, day, unit, source)
        number = (response_no or "").strip() or None
        seq = next_seq(s, campaign.id)
        key = f"no:{number}" if number else f"seq:{seq}"
        if number and s.scalar(
            select(SurveyResponse.id).where(
                SurveyResponse.campaign_id == campaign.id, SurveyResponse.natural_key == key
            )
        ):
            raise ValidationFailed(
                "questionnaire no. {number} is already entered in this campaign", number=number
            )
        response = SurveyResponse(
            campaign_id=campaign.id,
            seq=seq,
            response_no=number,
            natural_key=key,
            unit_id=unit,
            answered_on=day,
            source=source,
            entered_by=ctx.actor.login,
        )
        response.answers = [SurveyAnswer(question_id=q, value=v) for q, v in clean.items()]
        s.add(response)
        s.flush()
        summary.refresh(s, summary.key_of(s, response))  # the overview's counts (issue 17)
        trail.record(
            s,
            ctx.actor,
            "create",
            "survey_response",
            response.id,
            after=_snapshot(response, clean),
        )
        return response.id


def _snapshot(response: SurveyResponse, answers: dict[str, str]) -> dict[str, object]:
    return {
        "campaign": response.campaign_id,
        "seq": response.seq,
        "no": response.response_no,
        "unit_id": response.unit_id,
        "answered_on": response.answered_on.isoformat(),
        "source": response.source,
        "answers": answers,
    }


def _answers(response: SurveyResponse) -> dict[str, str]:
    return {a.question_id: a.value for a in response.answers}


def _response(session: Session, actor: Actor, response_id: int) -> SurveyResponse:
    response = session.get(SurveyResponse, response_id)
    if response is None:
        raise NotFound("survey response #{response} does not exist", response=response_id)
    visible_campaign(session, actor, response.campaign_id)
    return response


def get_response(ctx: AppContext, response_id: int) -> ResponseRow:
    require(ctx.actor, Permission.MANAGE_SURVEYS)
    with ctx.db.session() as s:
        r = _response(s, ctx.actor, response_id)
        return ResponseRow(
            r.id,
            r.campaign_id,
            r.seq,
            r.response_no,
            r.unit_id,
            r.answered_on,
            r.source,
            r.entered_by,
            _answers(r),
        )


def list_responses(
    ctx: AppContext, campaign_id: int, offset: int = 0, limit: int = 200
) -> list[ResponseRow]:
    """One page of a campaign's responses, the newest first, answers fetched in one query."""
    require(ctx.actor, Permission.MANAGE_SURVEYS)
    with ctx.db.session() as s:
        visible_campaign(s, ctx.actor, campaign_id)
        rows = s.scalars(
            select(SurveyResponse)
            .where(SurveyResponse.campaign_id == campaign_id)
            .order_by(SurveyResponse.seq.desc())
            .offset(offset)
            .limit(limit)
        ).all()
        answers: dict[int, dict[str, str]] = defaultdict(dict)
        ids = [r.id for r in rows]
        if ids:
            for rid, q, v in s.execute(
                select(
                    SurveyAnswer.response_id, SurveyAnswer.question_id, SurveyAnswer.value
                ).where(SurveyAnswer.response_id.in_(ids))
            ):
                answers[rid][q] = v
        return [
            ResponseRow(
                r.id,
                r.campaign_id,
                r.seq,
                r.response_no,
                r.unit_id,
                r.answered_on,
                r.source,
                r.entered_by,
                answers[r.id],
            )
            for r in rows
        ]


def update_response(
    ctx: AppContext,
    response_id: int,
    answers: dict[str, object],
    *,
    answered_on: date | None = None,
    unit_id: int | None = None,
) -> None:
    """Replaces the answers of a questionnaire (a typing mistake); the trail keeps both."""
    require(ctx.actor, Permission.MANAGE_SURVEYS)
    with ctx.db.session() as s:
        r = _response(s, ctx.actor, response_id)
        campaign = s.get(SurveyCampaign, r.campaign_id)
        assert campaign is not None
        clean = check_response(form_of(s, campaign.form_version_id), answers)
        before = _snapshot(r, _answers(r))
        touched = summary.key_of(s, r)  # the overview's counts before and after (issue 17)
        day = answered_on or r.answered_on
        unit = unit_id if unit_id is not None else r.unit_id
        _check_meta(s, campaign, day, unit, r.source)
        r.answered_on = day
        r.unit_id = unit
        current = {a.question_id: a for a in r.answers}
        for qid, answer in current.items():
            if qid not in clean:
                r.answers.remove(answer)
            else:
                answer.value = clean[qid]
        r.answers.extend(
            SurveyAnswer(question_id=q, value=v) for q, v in clean.items() if q not in current
        )
        s.flush()
        summary.refresh(s, touched | summary.key_of(s, r))
        trail.record(
            s,
            ctx.actor,
            "update",
            "survey_response",
            r.id,
            before=before,
            after=_snapshot(r, clean),
        )


def delete_response(ctx: AppContext, response_id: int) -> None:
    require(ctx.actor, Permission.MANAGE_SURVEYS)
    with ctx.db.session() as s:
        r = _response(s, ctx.actor, response_id)
        before = _snapshot(r, _answers(r))
        touched = summary.key_of(s, r)
        s.delete(r)  # its answers go with it (cascade)
        s.flush()
        summary.refresh(s, touched)  # the overview's counts (issue 17)
        trail.record(s, ctx.actor, "delete", "survey_response", response_id, before=before)


@dataclass(frozen=True)
class ResultsQuery:
    """Which responses: of one campaign, or of every campaign of a form version; optionally one
    unit and a period of answer dates."""

    campaign_id: int | None = None
    form_version_id: int | None = None
    unit_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None


def _form_version_of(session: Session, actor: Actor, query: ResultsQuery) -> int:
    if query.campaign_id is not None:
        return visible_campaign(session, actor, query.campaign_id).form_version_id
    if query.form_version_id is None:
        raise ValidationFailed("name a campaign or a survey form version for the results")
    return query.form_version_id


def _filtered(stmt: _S, session: Session, actor: Actor, query: ResultsQuery, version: int) -> _S:
    if query.campaign_id is not None:
        stmt = stmt.where(SurveyResponse.campaign_id == query.campaign_id)
    else:
        stmt = stmt.where(
            SurveyResponse.campaign_id.in_(
                select(SurveyCampaign.id).where(SurveyCampaign.form_version_id == version)
            )
        )
    if query.unit_id is not None:
        stmt = stmt.where(SurveyResponse.unit_id == query.unit_id)
    if query.date_from is not None:
        stmt = stmt.where(SurveyResponse.answered_on >= query.date_from)
    if query.date_to is not None:
        stmt = stmt.where(SurveyResponse.answered_on <= query.date_to)
    visible = _visible_units(session, actor)
    if visible is not None:
        stmt = stmt.where(SurveyResponse.unit_id.in_(visible))
    return stmt


def _results(session: Session, actor: Actor, query: ResultsQuery) -> SurveyResults:
    version = _form_version_of(session, actor, query)
    form = form_of(session, version)
    responses = session.scalar(
        _filtered(select(func.count(SurveyResponse.id)), session, actor, query, version)
    )
    text_ids = [q.id for b in form.blocks for q in b.questions if q.type == "text"]
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    stmt = (
        select(SurveyAnswer.question_id, SurveyAnswer.value, func.count())
        .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
        .group_by(SurveyAnswer.question_id, SurveyAnswer.value)
    )
    if text_ids:
        stmt = stmt.where(SurveyAnswer.question_id.not_in(text_ids))
    for qid, value, n in session.execute(_filtered(stmt, session, actor, query, version)):
        counts[qid][value] = int(n)
    texts: dict[str, list[str]] = defaultdict(list)
    if text_ids:
        text_stmt = (
            select(SurveyAnswer.question_id, SurveyAnswer.value)
            .join(SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id)
            .where(SurveyAnswer.question_id.in_(text_ids))
            .order_by(SurveyResponse.answered_on.desc(), SurveyResponse.id.desc())
            .limit(TEXT_ANSWERS_LIMIT)
        )
        for qid, value in session.execute(_filtered(text_stmt, session, actor, query, version)):
            texts[qid].append(value)
    return compute_results(form, counts, texts, int(responses or 0))


def results(ctx: AppContext, query: ResultsQuery) -> SurveyResults:
    require(ctx.actor, Permission.VIEW_SURVEYS)
    with ctx.db.session() as s:
        return _results(s, ctx.actor, query)


def compare_periods(
    ctx: AppContext,
    query: ResultsQuery,
    period_a: tuple[date, date],
    period_b: tuple[date, date],
) -> tuple[SurveyResults, SurveyResults, list[QuestionComparison]]:
    """The same campaign / form (and unit) in two periods; per question the positive share of A
    against B, marked significant only when the two-proportion test says so."""
    require(ctx.actor, Permission.VIEW_SURVEYS)
    with ctx.db.session() as s:
        a = _results(
            s,
            ctx.actor,
            ResultsQuery(query.campaign_id, query.form_version_id, query.unit_id, *period_a),
        )
        b = _results(
            s,
            ctx.actor,
            ResultsQuery(query.campaign_id, query.form_version_id, query.unit_id, *period_b),
        )
    return a, b, compare_results(a, b)


def bulk_insert_responses(
    session: Session, responses: list[SurveyResponse], answers: list[dict[str, str]]
) -> None:
    """Adds many responses and their answers in a few statements (imports, demo data)."""
    session.add_all(responses)
    session.flush()
    rows = [
        {"response_id": r.id, "question_id": q, "value": v}
        for r, given in zip(responses, answers, strict=True)
        for q, v in given.items()
    ]
    if rows:
        session.execute(insert(SurveyAnswer), rows)
    # the overview's counts (issue 17)
    given = ((r.campaign_id, r.unit_id, r.answered_on) for r in responses)
    summary.refresh(session, summary.keys_of(session, given))
