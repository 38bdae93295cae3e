"""The overview's summaries (issue 17): settled cases per unit and day (case_settled_day) and
survey answers per unit, form version, question, answer and month (survey_*_month). The overview
read from them gives exactly the figures of the old counts over the rows, on the demo office for
every month, quarter, year and random dates; an import that moves a settlement and a survey
response entered, corrected and deleted keep them right; and `auditdesk check` names a summary
row that differs from a recount."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import case, func, select, text
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from auditdesk.domain.forms.survey import SurveyForm
from auditdesk.domain.survey_results import compute_results
from auditdesk.services.context import AppContext
from auditdesk.services.forms import load_version
from auditdesk.services.integrity import check
from auditdesk.services.monitoring import surveys
from auditdesk.services.monitoring.cases import imports as cases_import
from auditdesk.services.overview import Period, overview, period_of
from auditdesk.services.overview.sources import cases as cases_source
from auditdesk.services.overview.sources import surveys as surveys_source
from auditdesk.services.overview.sources.common import Counts, grouped
from auditdesk.store.models import (
    CaseRecord,
    CaseSettledDay,
    OrgUnit,
    SurveyAnswer,
    SurveyAnswerMonth,
    SurveyCampaign,
    SurveyResponse,
    SurveyResponseMonth,
)
from migration_steps import downgrade, upgrade_to_heads

HEADER = "Znak sprawy;Wydział;Tytuł;Data wszczęcia;Data zakończenia;Kategoria;Termin;Prowadzący"


def old_cases(s: Session, p: Period, units: set[int] | None) -> Counts:
    """The overview's count of cases before the summary (kept here to compare against)."""
    c = CaseRecord
    settled = grouped(
        s,
        select(
            c.unit_id,
            func.count(c.days_late),
            func.sum(case((c.days_late == 0, 1), else_=0)),
            func.sum(case((c.due_on.is_(None), 1), else_=0)),
        ).where(c.settled_on.between(p.start, p.end)),
        units,
        c.unit_id,
    )
    still_open = grouped(
        s,
        select(
            c.unit_id,
            func.sum(case((c.due_on < p.end, 1), else_=0)),
            func.sum(case((c.due_on.is_(None), 1), else_=0)),
        ).where(c.settled_on.is_(None), c.started_on <= p.end),
        units,
        c.unit_id,
    )
    out: Counts = {}
    for uid in set(settled) | set(still_open):
        judged, on_time, unknown_settled = settled.get(uid, [0.0, 0.0, 0.0])
        overdue, unknown_open = still_open.get(uid, [0.0, 0.0])
        out[uid] = [judged, on_time, overdue, unknown_settled + unknown_open]
    return out


def old_surveys(s: Session, p: Period, units: set[int] | None) -> dict[int, list[float]]:
    """The overview's count of survey answers before the summary (kept here to compare)."""
    r, a = SurveyResponse, SurveyAnswer
    version = SurveyCampaign.form_version_id
    in_period = r.answered_on.between(p.start, p.end)
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
    counted = {
        (int(u), int(v)): int(n) for u, v, n in s.execute(responses.group_by(r.unit_id, version))
    }
    if not counted:
        return {}
    values: dict[tuple[int, int], dict[str, dict[str, int]]] = {}
    for u, v, qid, value, n in s.execute(
        answers.group_by(r.unit_id, version, a.question_id, a.value)
    ):
        values.setdefault((int(u), int(v)), {}).setdefault(qid, {})[value] = int(n)
    out: dict[int, list[float]] = {}
    for (uid, vid), n in sorted(counted.items()):
        form = load_version(s, vid).definition
        if not isinstance(form, SurveyForm):
            continue
        result = compute_results(form, values.get((uid, vid), {}), {}, n)
        positive = [q.positive for q in result.all_questions if q.scored and q.positive]
        sums = out.setdefault(uid, [0.0, 0.0, 0.0, 0.0, 0.0])
        if result.index is not None:
            sums[0] += result.index * n
            sums[1] += n
        sums[2] += n
        sums[3] += sum(pr.successes for pr in positive)
        sums[4] += sum(pr.n for pr in positive)
    return out


def periods(today: date) -> list[Period]:
    """Every month, quarter and year of the demo's span and 40 random ranges in it."""
    found: set[Period] = set()
    day = date(today.year - 2, 1, 1)
    while day <= today + timedelta(days=62):
        for kind in ("month", "quarter", "half", "year"):
            found.add(period_of(kind, day))
        day += timedelta(days=27)
    rng = random.Random(17)
    for _ in range(40):
        start = today - timedelta(days=rng.randrange(800))
        found.add(Period(start, start + timedelta(days=rng.randrange(400))))
    return sorted(found, key=lambda p: (p.start, p.end))


def compare_surveys(ctx: AppContext, today: date) -> int:
    compared = 0
    with ctx.db.session() as s:
        unit_ids = sorted(s.scalars(select(OrgUnit.id)))
        for p in periods(today):
            for units in (None, set(unit_ids[1::2])):
                new = surveys_source.survey_counts(s, p, units)
                assert new == old_surveys(s, p, units), p
                compared += bool(new)
    return compared


def compare_cases(ctx: AppContext, today: date) -> int:
    compared = 0
    with ctx.db.session() as s:
        unit_ids = sorted(s.scalars(select(OrgUnit.id)))
        for p in periods(today):
            for units in (None, set(unit_ids[::2])):
                assert cases_source.case_counts(s, p, units) == old_cases(s, p, units), p
                compared += 1
    return compared


def rows_of(result: Any) -> list[Any]:
    return [(r.unit_id, r.cells, r.overdue_cases, r.no_deadline_cases) for r in result.rows]


def test_the_summary_gives_the_old_figures_on_the_demo_office(
    demo_ctx: AppContext, today: date
) -> None:
    with demo_ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(CaseSettledDay))
    assert compare_cases(demo_ctx, today) > 100
    with demo_ctx.db.session() as s:
        assert s.scalar(select(func.count()).select_from(SurveyAnswerMonth))
    assert compare_surveys(demo_ctx, today) > 20  # periods with responses in them


def _rounded(value: object) -> str:
    import re

    return re.sub(r"\d+\.\d{9,}", lambda m: f"{float(m.group()):.9f}", repr(value))


def test_the_whole_overview_is_the_old_one(
    demo_ctx: AppContext, today: date, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = [period_of(kind, today) for kind in ("month", "quarter", "year")]
    chosen.append(Period(today - timedelta(days=100), today - timedelta(days=3)))
    new = [rows_of(overview(demo_ctx, p)) for p in chosen]
    monkeypatch.setattr(cases_source, "case_counts", old_cases)
    monkeypatch.setattr(surveys_source, "survey_counts", old_surveys)
    old = [rows_of(overview(demo_ctx, p)) for p in chosen]
    # repr rounded: PostgreSQL may add the same scores in another order (last binary digit)
    assert _rounded(new) == _rounded(old)
    assert any(r[1]["timeliness"].n for rows in new for r in rows)
    assert any(r[1]["surveys_positive"].n for rows in new for r in rows)


def write(path: Path, lines: list[str]) -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def test_an_import_that_moves_settlements_keeps_the_summary_right(
    demo_ctx: AppContext, today: date, tmp_path: Path
) -> None:
    year = today.year
    rows = [
        f"WKS.5430.1.{year};WKS;Rejestracja;03.01.{year};04.01.{year};bez zwłoki;;Ewa Nowak",
        f"WKS.5430.2.{year};WKS;Wyrejestrowanie;03.01.{year};20.03.{year};1 miesiąc;;Ewa Nowak",
        f"WPN.3120.3.{year};WPN;Ulga;03.01.{year};10.02.{year};;;Jan Kowalski",
        f"WAB.6740.4.{year};WAB;Budowa;02.01.{year};;szczególny;06.03.{year};Ewa Nowak",
    ]
    first = cases_import.import_cases(demo_ctx, write(tmp_path / "a.csv", [HEADER, *rows]))
    assert first.created == 4
    assert check(demo_ctx).ok
    compare_cases(demo_ctx, today)
    # a newer export: one settlement moves to another day, one to another unit, one reopens
    moved = [
        rows[0].replace(f"04.01.{year}", f"05.01.{year}"),
        rows[1].replace(";WKS;", ";USC;"),
        rows[2].replace(f"10.02.{year}", ""),
        rows[3].replace(f"02.01.{year};;", f"02.01.{year};01.03.{year};"),
    ]
    second = cases_import.import_cases(demo_ctx, write(tmp_path / "b.csv", [HEADER, *moved]))
    assert second.updated == 4
    report = check(demo_ctx)
    assert not [p for p in report.problems if "summary" in p], report.problems
    assert report.checked["overview case summary rows"] > 0
    compare_cases(demo_ctx, today)


def test_check_names_a_summary_row_that_differs_from_a_recount(demo_ctx: AppContext) -> None:
    with demo_ctx.db.session() as s:
        row = s.scalars(select(CaseSettledDay).order_by(CaseSettledDay.settled_on)).first()
        assert row is not None
        day, uid, judged = row.settled_on, row.unit_id, row.judged
        s.execute(
            text(
                "UPDATE case_settled_day SET judged = judged + 5"
                " WHERE settled_on = :d AND unit_id = :u"
            ),
            {"d": day, "u": uid},
        )
    problems = [p for p in check(demo_ctx).problems if "overview summary of cases" in p]
    assert len(problems) == 1
    assert f"unit {uid} settled on {day:%Y-%m-%d}" in problems[0]
    assert f"holds {judged + 5} judged" in problems[0]
    assert f"the cases give {judged} judged" in problems[0]


def survey_problems(ctx: AppContext) -> list[str]:
    report = check(ctx)
    assert report.checked["overview survey summary rows"] > 0
    return [p for p in report.problems if "overview summary of surveys" in p]


def test_entering_correcting_and_deleting_a_response_keeps_the_summary_right(
    demo_ctx: AppContext, today: date
) -> None:
    with demo_ctx.db.session() as s:
        campaign = s.scalars(
            select(SurveyCampaign)
            .where(SurveyCampaign.unit_id.is_(None))
            .order_by(SurveyCampaign.period_to - SurveyCampaign.period_from)
        ).all()[-1]
        start, end, cid = campaign.period_from, campaign.period_to, campaign.id
        sample = s.scalars(select(SurveyResponse).where(SurveyResponse.campaign_id == cid)).first()
        assert sample is not None and sample.unit_id is not None
        answers: dict[str, object] = {a.question_id: a.value for a in sample.answers}
        unit = sample.unit_id
        other = s.scalars(select(OrgUnit.id).where(OrgUnit.id != unit)).first()
    assert start.month != end.month or start.year != end.year
    new_id = surveys.add_response(demo_ctx, cid, answers, answered_on=start, unit_id=unit)
    assert survey_problems(demo_ctx) == []
    compare_surveys(demo_ctx, today)
    changed = dict(answers)
    first_question = sorted(changed)[0]
    del changed[first_question]  # a correction that drops an answer, moves month and unit
    surveys.update_response(demo_ctx, new_id, changed, answered_on=end, unit_id=other)
    assert survey_problems(demo_ctx) == []
    compare_surveys(demo_ctx, today)
    surveys.delete_response(demo_ctx, new_id)
    assert survey_problems(demo_ctx) == []
    compare_surveys(demo_ctx, today)


def test_check_names_a_survey_summary_row_that_differs(demo_ctx: AppContext) -> None:
    with demo_ctx.db.session() as s:
        row = s.scalars(select(SurveyAnswerMonth).order_by(SurveyAnswerMonth.month)).first()
        assert row is not None
        month, uid, version = row.month, row.unit_id, row.form_version_id
        s.execute(
            text(
                "UPDATE survey_answer_month SET n = n + 1 WHERE month = :m AND unit_id = :u"
                " AND form_version_id = :v AND question_id = :q AND value = :a"
            ),
            {"m": month, "u": uid, "v": version, "q": row.question_id, "a": row.value},
        )
    problems = survey_problems(demo_ctx)
    assert len(problems) == 1
    assert f"unit {uid}, form version {version}, {month:%Y-%m}" in problems[0]


def test_the_migration_fills_the_summaries_from_the_rows_already_stored(
    demo_ctx: AppContext, today: date
) -> None:
    def counts() -> list[int]:
        with demo_ctx.db.session() as s:
            return [
                int(s.scalar(select(func.count()).select_from(t)) or 0)
                for t in (CaseSettledDay, SurveyResponseMonth, SurveyAnswerMonth)
            ]

    built = counts()
    assert all(built)
    downgrade(demo_ctx.db, "overview_summaries@-1")  # back to before 0018, then up again
    with demo_ctx.db.engine.connect() as conn:
        assert not sa_inspect(conn).has_table("case_settled_day")
    upgrade_to_heads(demo_ctx.db)
    assert counts() == built
    report = check(demo_ctx)
    assert not [p for p in report.problems if "overview summary" in p], report.problems
    compare_cases(demo_ctx, today)
    compare_surveys(demo_ctx, today)
