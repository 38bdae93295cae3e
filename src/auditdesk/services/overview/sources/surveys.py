"""Satisfaction surveys for the overview: the responses answered in the period."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from auditdesk.domain.forms.survey import SurveyForm
from auditdesk.domain.survey_results import compute_results
from auditdesk.services.forms import load_version
from auditdesk.services.overview.period import Period
from auditdesk.store.models import (
    SurveyAnswer,
    SurveyAnswerMonth,
    SurveyCampaign,
    SurveyResponse,
    SurveyResponseMonth,
)


def month_split(p: Period) -> tuple[Period | None, list[Period]]:
    """The period's whole months (read from the monthly summary) and the days at its edges
    outside them (counted from the responses)."""
    first = p.start if p.start.day == 1 else _next_month(p.start)
    last = p.end if (p.end + timedelta(days=1)).day == 1 else p.end.replace(day=1) - timedelta(1)
    if first > last:
        return None, [p]
    edges = []
    if p.start < first:
        edges.append(Period(p.start, first - timedelta(days=1)))
    if last < p.end:
        edges.append(Period(last + timedelta(days=1), p.end))
    return Period(first, last), edges


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def survey_counts(s: Session, p: Period, units: set[int] | None) -> dict[int, list[float]]:
    """Per unit, over the responses answered in the period (every campaign): the satisfaction
    index (each form's index, weighted by its responses), the responses, and the positive
    answers among the answers to scored questions (positive per scale, domain.survey_results).
    Counted per (unit, form, question, answer): whole months from the monthly summary
    (survey_answer_month, services/monitoring/surveys/summary.py), the days at the period's
    edges from the responses; the forms' rules applied to the counts."""
    r, a = SurveyResponse, SurveyAnswer
    version = SurveyCampaign.form_version_id
    counted: dict[tuple[int, int], int] = defaultdict(int)
    values: dict[tuple[int, int], dict[str, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    months, edges = month_split(p)
    if months is not None:
        rm, am = SurveyResponseMonth, SurveyAnswerMonth
        month_responses = select(rm.unit_id, rm.form_version_id, func.sum(rm.responses)).where(
            rm.month.between(months.start, months.end)
        )
        month_answers = select(
            am.unit_id, am.form_version_id, am.question_id, am.value, func.sum(am.n)
        ).where(am.month.between(months.start, months.end))
        if units is not None:
            month_responses = month_responses.where(rm.unit_id.in_(units))
            month_answers = month_answers.where(am.unit_id.in_(units))
        for u, v, n in s.execute(month_responses.group_by(rm.unit_id, rm.form_version_id)):
            counted[(int(u), int(v))] += int(n)
        for u, v, qid, value, n in s.execute(
            month_answers.group_by(am.unit_id, am.form_version_id, am.question_id, am.value)
        ):
            values[(int(u), int(v))][qid][value] += int(n)
    for edge in edges:
        in_period = r.answered_on.between(edge.start, edge.end)
        base = select(r.unit_id, version).join(SurveyCampaign, SurveyCampaign.id == r.campaign_id)
        responses = base.add_columns(func.count(r.id)).where(in_period, r.unit_id.is_not(None))
        answers = (
            select(r.unit_id, version, a.question_id, a.value, func.count())
            .select_from(a)
            .join(r, r.id == a.response_id)
            .join(SurveyCampaign, SurveyCampaign.id == r.campaign_id)
            .where(in_period, r.unit_id.is_not(None))
        )
        if units is not None:
            responses = responses.where(r.unit_id.in_(units))
            answers = answers.where(r.unit_id.in_(units))
        for row in s.execute(responses.group_by(r.unit_id, version)):
            counted[(int(row[0] or 0), int(row[1]))] += int(row[2])
        for row in s.execute(answers.group_by(r.unit_id, version, a.question_id, a.value)):
            values[(int(row[0] or 0), int(row[1]))][row[2]][row[3]] += int(row[4])
    if not counted:
        return {}
    forms: dict[int, SurveyForm] = {}
    out: dict[int, list[float]] = {}
    for (uid, vid), n in sorted(counted.items()):
        if vid not in forms:
            definition = load_version(s, vid).definition
            if not isinstance(definition, SurveyForm):
                continue
            forms[vid] = definition
        given = {qid: dict(found) for qid, found in values.get((uid, vid), {}).items()}
        result = compute_results(forms[vid], given, {}, n)
        positive = [q.positive for q in result.all_questions if q.scored and q.positive]
        sums = out.setdefault(uid, [0.0, 0.0, 0.0, 0.0, 0.0])
        if result.index is not None:
            sums[0] += result.index * n
            sums[1] += n
        sums[2] += n
        sums[3] += sum(pr.successes for pr in positive)
        sums[4] += sum(pr.n for pr in positive)
    return out
