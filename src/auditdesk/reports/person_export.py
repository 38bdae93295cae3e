"""The answer to an employee's access request (issue 19, RODO art. 15) as one PDF: who the
person is in AuditDesk, then each kind of record held about them, the trail entries about
them, who read their appraisals and their earlier requests. It is given plain data
(services.privacy.PersonData); the JSON beside it is that data as it is."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any, Protocol
from xml.sax.saxutils import escape


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


def _text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    return escape(str(value))


def person_pdf(data: PersonRecord) -> bytes:
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

    def table(
        header: Sequence[str], rows: Iterable[Sequence[Any]], widths: Sequence[float]
    ) -> None:
        cells = [[Paragraph(f"<b>{escape(h)}</b>", small) for h in header]]
        cells += [[Paragraph(_text(v), small) for v in row] for row in rows]
        if len(cells) == 1:
            story.append(Paragraph("None held.", body))
            return
        t = Table(cells, colWidths=[w * mm for w in widths], repeatRows=1)
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

    def part(title: str) -> None:
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(escape(title), section))

    story.append(Paragraph(f"Personal data held about {escape(data.name)}", head))
    story.append(
        Paragraph(
            f"Answer to an access request (RODO art. 15), made on {_text(data.made_on)}. "
            "The same data is in the JSON file given with this document.",
            body,
        )
    )
    part("The person")
    table(
        ("Field", "Value"),
        [
            ("Employee number", data.employee_id),
            ("Name", data.name),
            ("Position", data.position),
            ("Unit", data.unit),
            ("Badge", data.badge),
            ("E-mail", data.email),
            ("Employed since", data.employed_since),
            ("Employment ended", data.employment_ended_on),
            ("Processing restricted", "yes" if data.restricted else "no"),
        ],
        (50, 120),
    )
    part(f"Appraisals ({len(data.appraisals)})")
    for a in data.appraisals:
        story.append(
            Paragraph(
                f"<b>{_text(a['record_number'])}</b>, {_text(a['period'])}, status "
                f"{_text(a['status'])}, appraiser {_text(a['appraiser'])}, result "
                f"{_text(a['overall_level'])} ({_text(a['overall_score'])}), made "
                f"{_text(a['made_on'])}, read {_text(a['read_on'])}",
                body,
            )
        )
        table(
            ("Criterion", "Level", "Points", "Justification"),
            [(r["criterion"], r["level"], r["points"], r["justification"]) for r in a["ratings"]],
            (40, 25, 15, 90),
        )
        if a["objection"]:
            o = a["objection"]
            story.append(
                Paragraph(
                    f"Objection of {_text(o['filed_on'])}: {_text(o['reason'])}. Decision: "
                    f"{_text(o['decision'])} {_text(o['decision_reason'])}",
                    body,
                )
            )
    if not data.appraisals:
        story.append(Paragraph("None held.", body))
    part(f"Development areas ({len(data.development_areas)})")
    table(
        ("Appraisal", "Area", "Expected change", "Support", "Deadline"),
        [
            (d["appraisal"], d["area"], d["expected_change"], d["support"], d["deadline"])
            for d in data.development_areas
        ],
        (25, 40, 45, 40, 20),
    )
    part(f"Feedback notes ({len(data.feedback_notes)})")
    table(
        ("Date", "Author", "Kind", "Topic", "Text"),
        [
            (n["noted_on"], n["author"], n["kind"], n["topic"], n["text"])
            for n in data.feedback_notes
        ],
        (20, 22, 20, 40, 68),
    )
    part(
        f"Mystery-client audits in which the person was the observed official ({len(data.audits)})"
    )
    table(
        ("Number", "Channel", "Visit", "Status", "Score", "Result", "Evidence"),
        [
            (
                a["record_no"],
                a["channel"],
                a["visited_at"],
                a["status"],
                a["score"],
                a["verdict"],
                ", ".join(a["evidence_files"]),
            )
            for a in data.audits
        ],
        (24, 18, 28, 18, 14, 30, 38),
    )
    part(f"Complaints and opinions naming the person ({len(data.complaints)})")
    table(
        ("Reference", "Kind", "Received", "Settled", "Outcome", "Summary"),
        [
            (
                c["reference"],
                c["kind"],
                c["received_on"],
                c["settled_on"],
                c["outcome"],
                c["summary"],
            )
            for c in data.complaints
        ],
        (28, 20, 20, 20, 20, 62),
    )
    part(f"Audit trail entries about the person's records ({len(data.trail)})")
    table(
        ("#", "When", "Who", "What", "Record", "After"),
        [
            (t["entry"], t["at"], t["actor"], t["action"], t["record"], (t["after"] or "")[:300])
            for t in data.trail
        ],
        (10, 28, 18, 20, 28, 66),
    )
    part(f"Who read the person's appraisals ({len(data.reads)})")
    table(
        ("When", "Who", "Record"),
        [(r.at, r.reader, f"{r.entity} #{r.entity_id}") for r in data.reads],
        (45, 45, 80),
    )
    part(f"Requests about the person's data ({len(data.requests)})")
    table(
        ("Date", "Request", "Note", "Recorded by"),
        [(r.noted_on, r.kind, r.note, r.noted_by) for r in data.requests],
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
        title=f"Personal data: {data.name}",
        author="AuditDesk",
    )
    doc.build(story)
    return out.getvalue()
