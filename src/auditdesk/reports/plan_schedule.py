"""An auditor's schedule of planned visits as a PDF (issue 18): one page or more per auditor,
the visits by date with the unit, channel, scenario and its brief, in Polish (DejaVu Sans, as
the protocols). Given plain data; no session, no Qt."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from auditdesk.reports.labels import CHANNEL_NAMES


@dataclass(frozen=True)
class ScheduleLine:
    at: datetime
    unit: str  # code and name
    channel: str
    scenario: str  # the case to present
    brief: str


WEEKDAYS_PL = ("pon.", "wt.", "śr.", "czw.", "pt.", "sob.", "niedz.")


def schedule_pdf(
    programme: str,
    period: tuple[date, date],
    auditor: str,
    lines: Sequence[ScheduleLine],
    made_on: date,
) -> bytes:
    """The schedule of one auditor's planned visits, marked confidential."""
    import io

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from auditdesk.reports.fonts import register_fonts

    regular, bold = register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9, leading=11.5)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10)
    head = ParagraphStyle("head", parent=body, fontName=bold, fontSize=14, leading=18)
    story: list[Any] = [
        Paragraph(escape(f"Harmonogram wizyt: {auditor}"), head),
        Paragraph(
            escape(
                f"Program: {programme}, okres {period[0]:%d.%m.%Y}–{period[1]:%d.%m.%Y}. "
                f"Sporządzono {made_on:%d.%m.%Y}."
            ),
            body,
        ),
        Paragraph(
            "<b>Poufne</b>: terminy wizyt zna tylko zespół ds. jakości i audytor; nie "
            "przekazuj ich pracownikom badanych komórek.",
            body,
        ),
        Spacer(1, 4 * mm),
    ]
    header = ["Lp.", "Data", "Godz.", "Komórka", "Kanał", "Sprawa (scenariusz)"]
    cells: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", small) for h in header]]
    for n, line in enumerate(sorted(lines, key=lambda x: x.at), 1):
        scenario = escape(line.scenario)
        if line.brief:
            scenario += f"<br/><i>{escape(line.brief)}</i>"
        cells.append(
            [
                Paragraph(str(n), small),
                Paragraph(f"{line.at:%d.%m.%Y} {WEEKDAYS_PL[line.at.weekday()]}", small),
                Paragraph(f"{line.at:%H:%M}", small),
                Paragraph(escape(line.unit), small),
                Paragraph(escape(CHANNEL_NAMES.get(line.channel, (line.channel,))[0]), small),
                Paragraph(scenario, small),
            ]
        )
    if len(cells) == 1:
        story.append(Paragraph("Brak zaplanowanych wizyt.", body))
    else:
        table = Table(cells, colWidths=[x * mm for x in (10, 25, 14, 43, 27, 61)], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"Harmonogram wizyt: {auditor}",
        author="AuditDesk",
    )
    doc.build(story)
    return out.getvalue()
