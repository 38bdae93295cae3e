"""Demo indicators: half a year of complaints, grievances, negative opinions and praise across the
customer-facing units (most settled on time, a few late, a few open and past the deadline, two
from councillors), and two research notes with follow-up actions. Idempotent: the references are
fixed, and a second run finds the first one and adds nothing."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.indicators import Channel, IndicatorKind, Outcome, ResearchMethod
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring.indicators import EntryInput, add_entry
from auditdesk.store.models import (
    Employee,
    IndicatorEntry,
    Office,
    OrgUnit,
    ResearchAction,
    ResearchNote,
)

MONTHS = 6
UNITS = ["BOK", "USC", "WKS", "WKS-DO", "WPN", "WAB"]

SUMMARIES: dict[IndicatorKind, list[str]] = {
    IndicatorKind.COMPLAINT: [
        "Skarga na przewlekłość postępowania w sprawie pozwolenia na budowę.",
        "Skarga na niegrzeczne zachowanie pracownika przy stanowisku obsługi.",
        "Skarga na brak odpowiedzi na pismo z ubiegłego miesiąca.",
        "Skarga na długi czas oczekiwania w kolejce do okienka.",
        "Skarga na błędne naliczenie podatku od nieruchomości.",
        "Skarga na odmowę przyjęcia wniosku bez kompletu załączników.",
        "Skarga na niepełną informację o wymaganych dokumentach.",
    ],
    IndicatorKind.GRIEVANCE: [
        "Zażalenie na postanowienie o odmowie wydania zaświadczenia.",
        "Zażalenie na postanowienie o wysokości kosztów postępowania.",
    ],
    IndicatorKind.NEGATIVE_OPINION: [
        "Negatywna opinia w książce skarg i wniosków: nieczytelne oznakowanie stanowisk.",
        "Opinia w ankiecie elektronicznej: strona urzędu nie podaje godzin pracy kasy.",
        "Uwaga klienta: brak miejsca do wypełniania formularzy.",
    ],
    IndicatorKind.PRAISE: [
        "Podziękowanie za sprawne wydanie dowodu osobistego.",
        "Pochwała pracownicy za cierpliwość i pomoc w wypełnieniu wniosku.",
        "Podziękowanie za szybką odpowiedź na e-mail.",
    ],
}
PREFIX = {
    IndicatorKind.COMPLAINT: "SKG",
    IndicatorKind.GRIEVANCE: "ZAZ",
    IndicatorKind.NEGATIVE_OPINION: "OPN",
    IndicatorKind.PRAISE: "POC",
}
KIND_WEIGHTS = [
    (IndicatorKind.COMPLAINT, 5),
    (IndicatorKind.GRIEVANCE, 2),
    (IndicatorKind.NEGATIVE_OPINION, 2),
    (IndicatorKind.PRAISE, 3),
]
CHANNELS = [Channel.LETTER, Channel.EMAIL, Channel.EPUAP, Channel.IN_PERSON, Channel.PHONE]
REPRESENTATIVE = (4, 30)  # complaints filed by a councillor


def seed_demo(session: Session, ctx: AppContext, office: Office) -> dict[str, int]:
    if session.scalar(select(IndicatorEntry.id).where(IndicatorEntry.reference.like("DEMO/%"))):
        return {"indicator_entries": 0, "research_notes": 0}
    units = {
        u.code: u
        for u in session.scalars(select(OrgUnit).where(OrgUnit.office_id == office.id))
        if u.code in UNITS
    }
    if not units:
        return {"indicator_entries": 0, "research_notes": 0}
    staff: dict[int, list[int]] = {}
    for e in session.scalars(select(Employee).where(Employee.is_manager.is_(False))):
        staff.setdefault(e.unit_id, []).append(e.id)
    rng = random.Random(20261127)
    today = ctx.clock.today()  # the demo is the same for the same reference day
    start = today - timedelta(days=30 * MONTHS)
    kinds = [k for k, w in KIND_WEIGHTS for _ in range(w)]
    numbers: dict[IndicatorKind, int] = {}
    added = 0
    for n in range(54):
        kind = IndicatorKind.COMPLAINT if n in REPRESENTATIVE or n == 0 else rng.choice(kinds)
        received = start + timedelta(days=rng.randint(0, (today - start).days - 1))
        while received.weekday() >= 5:
            received -= timedelta(days=1)
        unit = units[rng.choice(sorted(units))]
        representative = n in REPRESENTATIVE
        settled, outcome = _settlement(rng, kind, received, today, n)
        numbers[kind] = numbers.get(kind, 0) + 1
        people = staff.get(unit.id, [])
        data = EntryInput(
            reference=f"DEMO/{PREFIX[kind]}.1510.{numbers[kind]}",
            kind=kind.value,
            received_on=received,
            channel=rng.choice(CHANNELS).value,
            unit_id=unit.id,
            employee_id=rng.choice(people) if people and rng.random() < 0.4 else None,
            summary=rng.choice(SUMMARIES[kind]),
            from_representative=representative,
            settled_on=settled,
            outcome=outcome,
        )
        add_entry(session, ctx.actor, data, today)
        added += 1
    notes = _research(session, units, today)
    return {"indicator_entries": added, "research_notes": notes}


def _settlement(
    rng: random.Random, kind: IndicatorKind, received: date, today: date, n: int
) -> tuple[date | None, str | None]:
    """Most settled within 2–4 weeks; every 9th late; recent ones and every 11th still open."""
    age = (today - received).days
    if age < 20 or n % 11 == 7:
        return None, None  # open (past the deadline when old)
    days = rng.randint(45, 60) if n % 9 == 5 else rng.randint(3, 26)
    if n in REPRESENTATIVE:  # decided within the 14 days
        days = rng.randint(4, 12)
    settled = min(received + timedelta(days=days), today)
    if kind in (IndicatorKind.COMPLAINT, IndicatorKind.GRIEVANCE):
        outcome = rng.choice(
            [Outcome.UNJUSTIFIED] * 4
            + [Outcome.JUSTIFIED] * 2
            + [Outcome.PARTLY, Outcome.PASSED_ON]
        )
        if outcome == Outcome.PASSED_ON:  # passed on within the 7 days of KPA art. 231
            settled = min(received + timedelta(days=rng.randint(1, 6)), today)
        return settled, outcome.value
    return settled, None


def _research(session: Session, units: dict[str, OrgUnit], today: date) -> int:
    held1 = today - timedelta(days=120)
    held2 = today - timedelta(days=40)
    fgi = ResearchNote(
        method=ResearchMethod.FOCUS_GROUP.value,
        held_on=held1,
        topic="Obsługa klientów w Wydziale Komunikacji: rejestracja pojazdów i prawa jazdy",
        participants=8,
        findings="Uczestnicy chwalą uprzejmość pracowników, ale krytykują system kolejkowy "
        "i brak informacji o przewidywanym czasie oczekiwania.",
        recommendations="Wyświetlać szacowany czas oczekiwania; umożliwić rezerwację wizyty "
        "przez internet.",
        created_by="system",
    )
    fgi.units = [u for code, u in units.items() if code in ("WKS", "WKS-DO")]
    fgi.actions = [
        ResearchAction(
            description="Uruchomić internetową rezerwację wizyt",
            owner="Naczelnik WKS",
            due_on=held1 + timedelta(days=90),
            done_on=held1 + timedelta(days=75),
        ),
        ResearchAction(
            description="Wyświetlać szacowany czas oczekiwania na monitorze w poczekalni",
            owner="Informatyk urzędu",
            due_on=held1 + timedelta(days=100),
        ),
    ]
    survey = ResearchNote(
        method=ResearchMethod.QUESTIONNAIRE_INTERVIEW.value,
        held_on=held2,
        topic="Wywiady kwestionariuszowe z klientami Biura Obsługi Klienta",
        participants=64,
        findings="87% klientów ocenia obsługę dobrze lub bardzo dobrze; najczęstsza uwaga: "
        "formularze są trudne do zrozumienia.",
        recommendations="Uprościć formularze najczęściej składanych wniosków; przygotować "
        "wzory wypełnienia.",
        created_by="system",
    )
    survey.units = [u for code, u in units.items() if code == "BOK"]
    survey.actions = [
        ResearchAction(
            description="Przygotować wzory wypełnienia pięciu najczęstszych wniosków",
            owner="Kierownik BOK",
            due_on=held2 + timedelta(days=60),
        ),
    ]
    session.add_all([fgi, survey])
    session.flush()
    return 2
