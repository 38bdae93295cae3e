"""The overview's summary of survey answers (issue 17): responses per (month, unit, form
version) and answers per (month, unit, form version, question, answer), so that a year's
satisfaction figures are read from a few thousand rows instead of every answer.

Kept provably right the simple way: every writer of survey_response / survey_answer collects
the keys it touched (the month, unit and form version of each response before and after the
change) and calls `refresh` at the end of its writing transaction, which recounts exactly those
keys from the responses. `check_survey_summary` (run by `auditdesk check`) names every key
whose stored counts differ from a recount.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from auditdesk.store.db import Database
from auditdesk.store.integrity import CheckReport
from auditdesk.store.models import (
    SurveyAnswer,
    SurveyAnswerMonth,
    SurveyCampaign,
    SurveyResponse,
    SurveyResponseMonth,
)

Key = tuple[date, int, int]  # (first day of the month, unit id, form version id)


def month_of(day: date) -> date:
    return day.replace(day=1)


def month_end(month: date) -> date:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following - timedelta(days=1)


def keys_of(session: Session, responses: Iterable[tuple[int, int | None, date]]) -> set[Key]:
    """The keys of responses given as (campaign id, unit id, answered on)."""
    given = [(c, u, d) for c, u, d in responses if u is not None]
    campaigns = {c for c, _u, _d in given}
    if not campaigns:
        return set()
    version = {
        int(cid): int(vid)
        for cid, vid in session.execute(
            select(SurveyCampaign.id, SurveyCampaign.form_version_id).where(
                SurveyCampaign.id.in_(campaigns)
            )
        )
    }
    return {(month_of(d), int(u), version[c]) for c, u, d in given if u is not None}


def key_of(session: Session, response: SurveyResponse) -> set[Key]:
    return keys_of(session, [(response.campaign_id, response.unit_id, response.answered_on)])


def refresh(session: Session, keys: Iterable[Key]) -> None:
    """Recounts the summary of `keys` from the responses, inside the caller's transaction. On
    PostgreSQL the tables are locked first, so two writers of one key never both insert it."""
    wanted = sorted(set(keys))
    if not wanted:
        return
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("LOCK TABLE survey_response_month, survey_answer_month IN EXCLUSIVE MODE")
        )
    r, a, c = SurveyResponse, SurveyAnswer, SurveyCampaign
    for month, unit, version in wanted:
        for table in (SurveyResponseMonth, SurveyAnswerMonth):
            session.execute(
                delete(table).where(
                    table.month == month, table.unit_id == unit, table.form_version_id == version
                )
            )
        where = (
            r.unit_id == unit,
            r.answered_on.between(month, month_end(month)),
            r.campaign_id.in_(select(c.id).where(c.form_version_id == version)),
        )
        n = session.scalar(select(func.count(r.id)).where(*where)) or 0
        if not n:
            continue
        session.add(
            SurveyResponseMonth(month=month, unit_id=unit, form_version_id=version, responses=n)
        )
        counted = session.execute(
            select(a.question_id, a.value, func.count())
            .join(r, r.id == a.response_id)
            .where(*where)
            .group_by(a.question_id, a.value)
        )
        session.add_all(
            SurveyAnswerMonth(
                month=month,
                unit_id=unit,
                form_version_id=version,
                question_id=question,
                value=value,
                n=int(count),
            )
            for question, value, count in counted
        )
    session.flush()


def recount(session: Session) -> tuple[Counter[Key], Counter[tuple[date, int, int, str, str]]]:
    """The whole summary counted afresh (per day in SQL, folded into months here)."""
    r, a, c = SurveyResponse, SurveyAnswer, SurveyCampaign
    responses: Counter[Key] = Counter()
    for day, unit, version, n in session.execute(
        select(r.answered_on, r.unit_id, c.form_version_id, func.count(r.id))
        .join(c, c.id == r.campaign_id)
        .where(r.unit_id.is_not(None))
        .group_by(r.answered_on, r.unit_id, c.form_version_id)
    ):
        responses[(month_of(day), int(unit or 0), int(version))] += int(n)
    answers: Counter[tuple[date, int, int, str, str]] = Counter()
    for day, unit, version, question, value, n in session.execute(
        select(r.answered_on, r.unit_id, c.form_version_id, a.question_id, a.value, func.count())
        .select_from(a)
        .join(r, r.id == a.response_id)
        .join(c, c.id == r.campaign_id)
        .where(r.unit_id.is_not(None))
        .group_by(r.answered_on, r.unit_id, c.form_version_id, a.question_id, a.value)
    ):
        answers[(month_of(day), int(unit or 0), int(version), question, value)] += int(n)
    return responses, answers


def check_survey_summary(db: Database, report: CheckReport) -> None:
    """Every (month, unit, form version) whose stored counts differ from a recount, named."""
    with db.session() as s:
        responses, answers = recount(s)
        stored_responses = Counter(
            {
                (row.month, row.unit_id, row.form_version_id): row.responses
                for row in s.scalars(select(SurveyResponseMonth))
            }
        )
        stored_answers = Counter(
            {
                (row.month, row.unit_id, row.form_version_id, row.question_id, row.value): row.n
                for row in s.scalars(select(SurveyAnswerMonth))
            }
        )
    wrong: set[Key] = {
        k for k in set(responses) | set(stored_responses) if responses[k] != stored_responses[k]
    }
    wrong |= {k[:3] for k in set(answers) | set(stored_answers) if answers[k] != stored_answers[k]}
    problems = [
        f"overview summary of surveys: unit {unit}, form version {version}, {month:%Y-%m} holds "
        f"{stored_responses[(month, unit, version)]} responses but the survey gives "
        f"{responses[(month, unit, version)]} (or its answers differ); enter or correct any "
        "response of that month again, which recounts it"
        for month, unit, version in sorted(wrong)
    ]
    report.add_listed(problems, "overview summary of surveys")
    report.checked["overview survey summary rows"] = len(stored_responses) + len(stored_answers)
