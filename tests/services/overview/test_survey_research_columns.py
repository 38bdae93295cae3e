"""The overview's survey and research columns (issue 17): the satisfaction index and the share
of positive answers per unit are what the surveys' own results give for the same responses
(every campaign of the period, each form's rules); research counts each study once for the
office however many units it concerns, and the share of its recommended actions done by the
period's end."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from auditdesk.services.context import AppContext
from auditdesk.services.monitoring.surveys import ResultsQuery, results
from auditdesk.services.overview import Period, overview
from auditdesk.store.models import (
    Office,
    OrgUnit,
    ResearchAction,
    ResearchNote,
    SurveyCampaign,
    SurveyResponse,
)


def test_survey_columns_match_the_surveys_results(demo_ctx: AppContext, today: date) -> None:
    period = Period(today - timedelta(days=365), today)
    rows = {row.unit_id: row for row in overview(demo_ctx, period).rows}
    with demo_ctx.db.session() as s:
        pairs = s.execute(
            select(SurveyResponse.unit_id, SurveyCampaign.form_version_id)
            .join(SurveyCampaign, SurveyCampaign.id == SurveyResponse.campaign_id)
            .where(SurveyResponse.answered_on.between(period.start, period.end))
            .distinct()
        ).all()
    assert pairs, "the demo office has survey responses in the last year"
    checked = 0
    for unit_id in {u for u, _v in pairs if u is not None}:
        positive = answers = 0
        weighted = responses = 0.0
        for u, version in pairs:
            if u != unit_id:
                continue
            found = results(
                demo_ctx,
                ResultsQuery(
                    form_version_id=version,
                    unit_id=unit_id,
                    date_from=period.start,
                    date_to=period.end,
                ),
            )
            for q in found.all_questions:
                if q.scored and q.positive is not None:
                    positive += q.positive.successes
                    answers += q.positive.n
            if found.index is not None:
                weighted += found.index * found.responses
                responses += found.responses
        cells = rows[unit_id].cells
        assert cells["surveys_positive"].n == answers
        assert cells["surveys_positive"].value == pytest.approx(100 * positive / answers)
        assert cells["surveys_positive"].interval is not None
        assert cells["surveys_index"].value == pytest.approx(weighted / responses)
        assert cells["surveys_index"].n == responses
        checked += 1
    office = rows[None].cells
    assert office["surveys_positive"].n == sum(
        r.cells["surveys_positive"].n for uid, r in rows.items() if uid is not None
    )
    assert checked


def test_research_counts_each_study_once_for_the_office(ctx: AppContext) -> None:
    start, end = date(2026, 1, 1), date(2026, 6, 30)
    with ctx.db.session() as s:
        office = Office(name="Urząd Gminy Próbna", short_name="UG")
        wks = OrgUnit(office=office, code="WKS", name="Wydział Komunikacji")
        bok = OrgUnit(office=office, code="BOK", name="Biuro Obsługi Klienta")
        both = ResearchNote(method="focus_group", held_on=date(2026, 3, 1), topic="a")
        both.units = [wks, bok]
        both.actions = [
            ResearchAction(description="x", owner="o", done_on=date(2026, 5, 1)),
            ResearchAction(description="y", owner="o", done_on=date(2026, 7, 5)),  # after end
        ]
        office_wide = ResearchNote(method="interview", held_on=date(2026, 4, 1), topic="b")
        office_wide.actions = [ResearchAction(description="z", owner="o", done_on=date(2026, 4, 2))]
        earlier = ResearchNote(method="interview", held_on=date(2025, 12, 1), topic="c")
        earlier.units = [wks]
        s.add_all([office, wks, bok, both, office_wide, earlier])
    rows = {row.unit_code: row for row in overview(ctx, Period(start, end)).rows}
    for code in ("WKS", "BOK"):
        cells = rows[code].cells
        assert (cells["research_studies"].value, cells["research_actions_done"].n) == (1, 2)
        assert cells["research_actions_done"].value == pytest.approx(50.0)
    whole = rows[""].cells
    assert whole["research_studies"].value == 2  # the study of two units counted once
    assert whole["research_actions_done"].n == 3
    assert whole["research_actions_done"].value == pytest.approx(100 * 2 / 3)
    assert rows["WKS"].cells["research_studies"].previous == 1  # the study of December
