"""Demo satisfaction surveys: an office-wide campaign over the demo's six months with a few
hundred paper questionnaires from the customer-facing units, and a kiosk campaign in the
Customer Service Office (BOK) over the last two months. Idempotent: found by title."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.demo_calendar import DemoCalendar
from auditdesk.domain.forms.survey import SurveyForm
from auditdesk.domain.survey_results import AGREE4, questions
from auditdesk.services import trail
from auditdesk.services.context import AppContext
from auditdesk.services.forms import latest_versions
from auditdesk.services.monitoring.surveys import bulk_insert_responses, form_of
from auditdesk.store.models import Office, OrgUnit, SurveyCampaign, SurveyResponse

MONTHS = 6
FORM_ID = "satysfakcja-klienta"
OFFICE_WIDE = "Badanie satysfakcji klientów urzędu"
KIOSK = "Ankieta w kiosku Biura Obsługi Klienta"
# how well each unit serves (0–1): drives the answers
QUALITY = {"BOK": 0.78, "USC": 0.85, "WKS": 0.6, "WKS-DO": 0.55, "WPN": 0.68, "WAB": 0.5}
COMMENTS = [
    "Za długo czekałem w kolejce.",
    "Bardzo miła i kompetentna obsługa, dziękuję.",
    "Brakuje miejsc siedzących w poczekalni.",
    "Prosiłbym o możliwość umówienia wizyty przez internet.",
    "Formularze są niezrozumiałe, potrzebna pomoc przy wypełnianiu.",
    "Pani w okienku wszystko dokładnie wyjaśniła.",
    "Automat z numerkami nie działał.",
    "Dłuższe godziny otwarcia w czwartki byłyby pomocne.",
    "Oznakowanie pokoi na piętrze jest mylące.",
    "Sprawa załatwiona szybciej, niż się spodziewałam.",
]


def _answer(form: SurveyForm, rng: random.Random, quality: float) -> dict[str, str]:
    out: dict[str, str] = {}
    for q, _profile in questions(form):
        if not q.required and rng.random() < 0.08:
            continue  # left blank on the paper
        if q.type == "scale":
            span = q.scale_max - q.scale_min
            value = q.scale_min + round(span * min(1.0, max(0.0, rng.gauss(quality, 0.22))))
            out[q.id] = str(value)
        elif q.type == "agree4":
            pos = min(3, max(0, round(3 * (1 - rng.gauss(quality, 0.25)))))
            out[q.id] = AGREE4[pos]
        elif q.type == "choice":
            out[q.id] = rng.choice(q.options).value
        elif rng.random() < 0.15:
            out[q.id] = rng.choice(COMMENTS)
    return out


def seed_demo(session: Session, ctx: AppContext, office: Office) -> dict[str, int]:
    versions = [v for v in latest_versions(session, "survey") if v.form_id == FORM_ID]
    if not versions:
        return {"survey_responses": 0}
    version = versions[0]
    form = form_of(session, version.id)
    units = {
        u.code: u
        for u in session.scalars(select(OrgUnit).where(OrgUnit.office_id == office.id))
        if u.code in QUALITY
    }
    if not units:
        return {"survey_responses": 0}
    rng = random.Random(20261127 + 6)
    today = ctx.clock.today()  # the demo is the same for the same reference day
    first = DemoCalendar(today, MONTHS).first
    added = campaigns = 0
    plans = [
        (
            OFFICE_WIDE,
            None,
            first,
            today,
            "paper",
            360,
            "Ankiety papierowe z urn w punktach obsługi.",
        ),
        (
            KIOSK,
            units.get("BOK"),
            today - timedelta(days=60),
            today,
            "kiosk",
            120,
            "Kiosk przy wejściu.",
        ),
    ]
    for title, unit, start, end, source, count, notes in plans:
        if session.scalar(select(SurveyCampaign.id).where(SurveyCampaign.title == title)):
            continue
        campaign = SurveyCampaign(
            form_version_id=version.id,
            unit_id=unit.id if unit else None,
            title=title,
            period_from=start,
            period_to=end,
            notes=notes,
            created_by=ctx.actor.login,
        )
        session.add(campaign)
        session.flush()
        campaigns += 1
        span = (end - start).days
        responses: list[SurveyResponse] = []
        answers: list[dict[str, str]] = []
        for seq in range(1, count + 1):
            day = start + timedelta(days=rng.randint(0, span))
            where = unit or units[rng.choice(sorted(units))]
            # service improves over the half-year (a later period is visibly better)
            quality = QUALITY[where.code] + 0.12 * ((day - start).days / max(span, 1) - 0.5)
            responses.append(
                SurveyResponse(
                    campaign_id=campaign.id,
                    seq=seq,
                    response_no=f"{seq:04d}" if source == "paper" else None,
                    natural_key=f"no:{seq:04d}" if source == "paper" else f"seq:{seq}",
                    unit_id=where.id,
                    answered_on=day,
                    source=source,
                    entered_by="kadry",
                )
            )
            answers.append(_answer(form, rng, quality))
        bulk_insert_responses(session, responses, answers)
        added += count
        trail.record(
            session,
            ctx.actor,
            "create",
            "survey_campaign",
            campaign.id,
            after={"title": title, "demo": True, "responses": count},
        )
    return {"survey_campaigns": campaigns, "survey_responses": added}
