"""The answer to an employee's access request (issue 19, RODO art. 15) as one PDF: who the
person is in AuditDesk, then each kind of record held about them, the trail entries about
them, who read their appraisals and their earlier requests. It is given plain data
(services.privacy.PersonData); the JSON beside it is that data as it is."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any, Protocol
from xml.sax.saxutils import escape

from auditdesk.reports.labels import (
    AUDIT_STATUS_NAMES,
    CHANNEL_NAMES,
    OBJECTION_DECISION_NAMES,
)


class PersonRecord(Protocol):
    employee_id: int
    name: str
    position: str
    unit: str
    badge: str
    email: str
    employed_since: Any
    employment_ended_on: Any
    restricted: bool
    made_on: Any
    appraisals: list[dict[str, Any]]
    development_areas: list[dict[str, Any]]
    feedback_notes: list[dict[str, Any]]
    audits: list[dict[str, Any]]
    complaints: list[dict[str, Any]]
    trail: list[dict[str, Any]]
    reads: list[Any]
    requests: list[Any]


# every printed phrase: (Polish, English); the answer goes out in the person's language
WORDS: dict[str, tuple[str, str]] = {
    "title": ("Dane osobowe dotyczące: {name}", "Personal data held about {name}"),
    "intro": (
        "Odpowiedź na żądanie dostępu do danych (RODO art. 15), sporządzona {day}. Te same "
        "dane zawiera plik JSON przekazany wraz z tym dokumentem.",
        "Answer to an access request (RODO art. 15), made on {day}. The same data is in the "
        "JSON file given with this document.",
    ),
    "none": ("Brak danych.", "None held."),
    "person": ("Osoba", "The person"),
    "field": ("Pole", "Field"),
    "value": ("Wartość", "Value"),
    "number": ("Numer pracownika", "Employee number"),
    "name": ("Imię i nazwisko", "Name"),
    "position": ("Stanowisko", "Position"),
    "unit": ("Komórka", "Unit"),
    "badge": ("Identyfikator", "Badge"),
    "email": ("E-mail", "E-mail"),
    "since": ("Zatrudniony od", "Employed since"),
    "ended": ("Zatrudnienie zakończone", "Employment ended"),
    "restricted": ("Ograniczenie przetwarzania", "Processing restricted"),
    "yes": ("tak", "yes"),
    "no": ("nie", "no"),
    "appraisals": ("Oceny okresowe ({n})", "Appraisals ({n})"),
    "appraisal_line": (
        "<b>{number}</b>, {period}, status {status}, oceniający {appraiser}, wynik {level} "
        "({score}), sporządzona {made}, zapoznanie {read}",
        "<b>{number}</b>, {period}, status {status}, appraiser {appraiser}, result {level} "
        "({score}), made {made}, read {read}",
    ),
    "criterion": ("Kryterium", "Criterion"),
    "level": ("Poziom", "Level"),
    "points": ("Punkty", "Points"),
    "justification": ("Uzasadnienie", "Justification"),
    "objection": (
        "Odwołanie z {filed}: {reason}. Rozstrzygnięcie: {decision} {why}",
        "Objection of {filed}: {reason}. Decision: {decision} {why}",
    ),
    "areas": ("Obszary do rozwoju ({n})", "Development areas ({n})"),
    "appraisal": ("Ocena", "Appraisal"),
    "area": ("Obszar", "Area"),
    "change": ("Oczekiwana zmiana", "Expected change"),
    "support": ("Wsparcie", "Support"),
    "deadline": ("Termin", "Deadline"),
    "notes": ("Notatki z bieżącej informacji zwrotnej ({n})", "Feedback notes ({n})"),
    "date": ("Data", "Date"),
    "author": ("Autor", "Author"),
    "kind": ("Rodzaj", "Kind"),
    "topic": ("Temat", "Topic"),
    "text": ("Treść", "Text"),
    "audits": (
        "Badania tajemniczego klienta, w których osoba była obserwowanym urzędnikiem ({n})",
        "Mystery-client audits in which the person was the observed official ({n})",
    ),
    "record_no": ("Numer", "Number"),
    "channel": ("Kanał", "Channel"),
    "visit": ("Wizyta", "Visit"),
    "status": ("Status", "Status"),
    "score": ("Wynik", "Score"),
    "result": ("Ocena", "Result"),
    "evidence": ("Dowody", "Evidence"),
    "complaints": (
        "Skargi, wnioski i opinie wskazujące osobę ({n})",
        "Complaints and opinions naming the person ({n})",
    ),
    "reference": ("Znak", "Reference"),
    "received": ("Wpływ", "Received"),
    "settled": ("Załatwiono", "Settled"),
    "outcome": ("Rozstrzygnięcie", "Outcome"),
    "summary": ("Streszczenie", "Summary"),
    "trail": (
        "Wpisy dziennika zdarzeń o rekordach osoby ({n})",
        "Audit trail entries about the person's records ({n})",
    ),
    "when": ("Kiedy", "When"),
    "who": ("Kto", "Who"),
    "what": ("Co", "What"),
    "record": ("Rekord", "Record"),
    "after": ("Treść wpisu", "After"),
    "reads": ("Kto odczytał oceny osoby ({n})", "Who read the person's appraisals ({n})"),
    "requests": ("Żądania dotyczące danych osoby ({n})", "Requests about the person's data ({n})"),
    "request": ("Żądanie", "Request"),
    "note": ("Uwagi", "Note"),
    "by": ("Zapisał", "Recorded by"),
    "doc_title": ("Dane osobowe: {name}", "Personal data: {name}"),
}


# stored codes printed by name: (Polish, English); a code not listed is printed as it is
CODES: dict[str, tuple[str, str]] = {
    # domain.values.AppraisalStatus
    "draft": ("w przygotowaniu", "in preparation"),
    "discussed": ("po rozmowie", "after the conversation"),
    "acknowledged": ("przyjęta do wiadomości przez pracownika", "read by the employee"),
    "objected": ("odwołanie w toku", "objection pending"),
    "final": ("ostateczna", "final"),
    "superseded": ("zastąpiona po odwołaniu", "superseded after an objection"),
    # domain.values.FeedbackKind
    "positive": ("pozytywna", "positive"),
    "corrective": ("korygująca", "corrective"),
    # domain.indicators: kinds and outcomes of a complaint-register entry
    "complaint": ("skarga", "complaint"),
    "grievance": ("zażalenie", "grievance"),
    "negative_opinion": ("opinia negatywna", "negative opinion"),
    "praise": ("pochwała", "praise"),
    "request": ("wniosek", "request"),
    "justified": ("zasadna", "justified"),
    "partly": ("częściowo zasadna", "partly justified"),
    "unjustified": ("bezzasadna", "unjustified"),
    "passed_on": ("przekazana wg właściwości", "passed on"),
    "left_unexamined": ("pozostawiona bez rozpoznania", "left unexamined"),
    # domain.retention.RequestKind
    "access": ("dostęp (eksport)", "access (export)"),
    "rectification": ("sprostowanie", "rectification"),
    "restriction": ("ograniczenie przetwarzania", "restriction of processing"),
    "restriction_lifted": ("zniesienie ograniczenia", "restriction lifted"),
}


def _text(value: Any, language: str = "en") -> str:
    if value is None or value == "":
        return "—"
    if language == "pl":
        if isinstance(value, datetime):
            return escape(f"{value:%d.%m.%Y %H:%M}")
        if isinstance(value, date):
            return escape(f"{value:%d.%m.%Y}")
    return escape(str(value))


def _local(moment: Any) -> Any:
    """A stored UTC moment in this computer's time zone (the trail stores UTC)."""
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)
    return moment


def person_pdf(data: PersonRecord, language: str = "pl") -> bytes:
    """The answer as a PDF, in Polish (the default) or English (`language` "en")."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from auditdesk.reports.fonts import register_fonts

    regular, bold = register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9, leading=11.5)
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5)
    head = ParagraphStyle("head", parent=body, fontName=bold, fontSize=14, leading=18)
    section = ParagraphStyle("section", parent=body, fontName=bold, fontSize=11, leading=15)
    story: list[Any] = []
    k = 0 if language == "pl" else 1

    def w(key: str, **fields: Any) -> str:
        return WORDS[key][k].format(**fields)

    def v(value: Any) -> str:
        return _text(value, language)

    def code(value: str | None) -> str | None:
        return CODES[value][k] if value in CODES else value

    def channel(code: str) -> str:
        return CHANNEL_NAMES.get(code, (code, code))[k]

    def audit_status(code: str) -> str:
        return AUDIT_STATUS_NAMES.get(code, code) if k == 0 else code

    def decision(code: str | None) -> str | None:
        return OBJECTION_DECISION_NAMES.get(code or "", code) if k == 0 else code

    def table(
        header: Sequence[str], rows: Iterable[Sequence[Any]], widths: Sequence[float]
    ) -> None:
        cells = [[Paragraph(f"<b>{escape(w(h))}</b>", small) for h in header]]
        cells += [[Paragraph(v(x), small) for x in row] for row in rows]
        if len(cells) == 1:
            story.append(Paragraph(w("none"), body))
            return
        t = Table(cells, colWidths=[x * mm for x in widths], repeatRows=1)
        t.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(t)

    def part(key: str, n: int | None = None) -> None:
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(escape(w(key, n=n)), section))

    story.append(Paragraph(w("title", name=escape(data.name)), head))
    story.append(Paragraph(w("intro", day=v(data.made_on)), body))
    part("person")
    table(
        ("field", "value"),
        [
            (w("number"), data.employee_id),
            (w("name"), data.name),
            (w("position"), data.position),
            (w("unit"), data.unit),
            (w("badge"), data.badge),
            (w("email"), data.email),
            (w("since"), data.employed_since),
            (w("ended"), data.employment_ended_on),
            (w("restricted"), w("yes") if data.restricted else w("no")),
        ],
        (50, 120),
    )
    part("appraisals", len(data.appraisals))
    for a in data.appraisals:
        line = w(
            "appraisal_line",
            number=v(a["record_number"]),
            period=v(a["period"]),
            status=v(code(a["status"])),
            appraiser=v(a["appraiser"]),
            level=v(a["overall_level"]),
            score=v(a["overall_score"]),
            made=v(a["made_on"]),
            read=v(a["read_on"]),
        )
        story.append(Paragraph(line, body))
        table(
            ("criterion", "level", "points", "justification"),
            [(r["criterion"], r["level"], r["points"], r["justification"]) for r in a["ratings"]],
            (40, 25, 15, 90),
        )
        if a["objection"]:
            o = a["objection"]
            story.append(
                Paragraph(
                    w(
                        "objection",
                        filed=v(o["filed_on"]),
                        reason=v(o["reason"]),
                        decision=v(decision(o["decision"])),
                        why=v(o["decision_reason"]),
                    ),
                    body,
                )
            )
    if not data.appraisals:
        story.append(Paragraph(w("none"), body))
    part("areas", len(data.development_areas))
    table(
        ("appraisal", "area", "change", "support", "deadline"),
        [
            (d["appraisal"], d["area"], d["expected_change"], d["support"], d["deadline"])
            for d in data.development_areas
        ],
        (25, 40, 45, 40, 20),
    )
    part("notes", len(data.feedback_notes))
    table(
        ("date", "author", "kind", "topic", "text"),
        [
            (n["noted_on"], n["author"], code(n["kind"]), n["topic"], n["text"])
            for n in data.feedback_notes
        ],
        (20, 22, 20, 40, 68),
    )
    part("audits", len(data.audits))
    table(
        ("record_no", "channel", "visit", "status", "score", "result", "evidence"),
        [
            (
                a["record_no"],
                channel(a["channel"]),
                a["visited_at"],
                audit_status(a["status"]),
                a["score"],
                a["verdict"],
                ", ".join(a["evidence_files"]),
            )
            for a in data.audits
        ],
        (24, 18, 28, 18, 14, 30, 38),
    )
    part("complaints", len(data.complaints))
    table(
        ("reference", "kind", "received", "settled", "outcome", "summary"),
        [
            (
                c["reference"],
                code(c["kind"]),
                c["received_on"],
                c["settled_on"],
                code(c["outcome"]),
                c["summary"],
            )
            for c in data.complaints
        ],
        (28, 20, 20, 20, 20, 62),
    )
    part("trail", len(data.trail))
    table(
        ("record_no", "when", "who", "what", "record", "after"),
        [
            (
                t["entry"],
                _local(t["at"]),
                t["actor"],
                t["action"],
                t["record"],
                (t["after"] or "")[:300],
            )
            for t in data.trail
        ],
        (10, 28, 18, 20, 28, 66),
    )
    part("reads", len(data.reads))
    table(
        ("when", "who", "record"),
        [(r.local_at, r.reader, r.record or f"#{r.entity_id}") for r in data.reads],
        (45, 45, 80),
    )
    part("requests", len(data.requests))
    table(
        ("date", "request", "note", "by"),
        [(r.noted_on, code(r.kind), r.note, r.noted_by) for r in data.requests],
        (22, 30, 90, 28),
    )
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=w("doc_title", name=data.name),
        author="AuditDesk",
    )
    doc.build(story)
    return out.getvalue()
