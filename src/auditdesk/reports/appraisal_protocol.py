"""Maps an appraisal (AppraisalProtocolData) onto the generic protocol document."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time

from auditdesk.domain.appraisal_protocol import AppraisalProtocolData
from auditdesk.reports.formatting import day, number
from auditdesk.reports.protocol_model import (
    Align,
    Column,
    Field,
    IndexEntry,
    ProtocolDocument,
    Row,
    Section,
    SignatureBlock,
    TextBlock,
)

TITLE = "Arkusz oceny okresowej pracownika"


def _criteria(data: AppraisalProtocolData) -> Section:
    columns = (
        Column("Lp.", 0.06, Align.CENTER),
        Column("Kryterium", 0.34),
        Column("Rodzaj", 0.14),
        Column("Ocena", 0.26),
        Column("Pkt", 0.1, Align.RIGHT),
        Column("Waga", 0.1, Align.RIGHT),
    )
    rows = []
    for i, c in enumerate(data.criteria, start=1):
        note = f"Uzasadnienie: {c.justification}" if c.justification else "Uzasadnienie: —"
        if c.expectations:
            note = f"Oczekiwania: {c.expectations}\n{note}"
        rows.append(
            Row(
                (
                    str(i),
                    c.name,
                    "obowiązkowe" if c.mandatory else "dodatkowe",
                    c.rating_label,
                    number(c.rating_points),
                    number(c.weight),
                ),
                note=note,
            )
        )
    return Section("Ocena spełniania kryteriów", columns, tuple(rows))


def _development(data: AppraisalProtocolData) -> Section:
    columns = (
        Column("Obszar", 0.22),
        Column("Oczekiwana zmiana", 0.26),
        Column("Działania", 0.32),
        Column("Wsparcie", 0.12),
        Column("Termin", 0.08),
    )
    rows = []
    for area in data.development_areas:
        actions = "\n".join(
            f"• {a.kind}: {a.description}"
            + (f" (do {day(a.deadline)})" if a.deadline else "")
            + (f", wykonano {day(a.done_on)}" if a.done_on else "")
            for a in area.actions
        )
        rows.append(
            Row(
                (
                    area.area,
                    area.expected_change,
                    actions or "—",
                    area.support or "—",
                    day(area.deadline) if area.deadline else "—",
                )
            )
        )
    return Section(
        "Wnioski do indywidualnego programu rozwoju zawodowego (IPRZ)",
        columns,
        tuple(rows),
        empty_text="nie wskazano obszarów rozwoju",
    )


def _conversation(data: AppraisalProtocolData) -> Section:
    """What the appraiser noted of the conversation, dated (issue 15)."""
    columns = (Column("Data", 0.14), Column("Notatka z rozmowy", 0.86))
    rows = tuple(Row((day(n.noted_on), n.text)) for n in data.conversation_notes)
    return Section("Przebieg rozmowy oceniającej", columns, rows)


def _blocks(data: AppraisalProtocolData) -> tuple[TextBlock, ...]:
    blocks = []
    if data.acknowledgement is not None:
        ack = data.acknowledgement
        text = f"Pracownik zapoznał się z oceną dnia {day(ack.read_on)}."
        if ack.comment:
            text += f" Uwagi pracownika: {ack.comment}"
        blocks.append(TextBlock("Zapoznanie się z oceną", text))
    if data.objection is not None:
        obj = data.objection
        text = f"Wniesiono dnia {day(obj.filed_on)}. Uzasadnienie: {obj.reason}"
        if obj.decision:
            text += f"\nRozstrzygnięcie ({day(obj.decided_on)}): {obj.decision}"
            if obj.decision_reason:
                text += f". {obj.decision_reason}"
        else:
            text += "\nOdwołanie nie zostało jeszcze rozpatrzone."
        blocks.append(TextBlock("Odwołanie od oceny", text, highlight=True))
    if data.next_due:
        blocks.append(
            TextBlock(
                "Termin następnej oceny", f"{day(data.next_due)}. {data.next_due_rule}".strip()
            )
        )
    for note in data.notes:
        blocks.append(TextBlock("Uwagi", note))
    return tuple(blocks)


def appraisal_document(
    data: AppraisalProtocolData, drawn: Mapping[str, bytes] | None = None
) -> ProtocolDocument:
    """drawn: PNG signatures by role ("appraiser", "employee")."""
    drawn = drawn or {}
    made = data.made_on or data.conversation_on or data.period_end
    created = datetime.combine(made, time(12, 0))
    level = data.overall_level or "nie oceniono"
    result_word = "" if data.positive is None else "pozytywna" if data.positive else "negatywna"
    result = f"{level} ({result_word})" if result_word else level
    ack_date = day(data.acknowledgement.read_on) if data.acknowledgement else ""
    header = (
        Field("Oceniany", data.employee),
        Field("Stanowisko", data.position),
        Field("Oceniający", data.appraiser),
        Field("Stanowisko oceniającego", data.appraiser_position),
        Field("Rodzaj oceny", data.kind),
        Field("Okres oceny", f"{day(data.period_start)} – {day(data.period_end)}"),
        Field("Rozmowa oceniająca", day(data.conversation_on)),
        Field("Data sporządzenia", day(data.made_on)),
        *((Field("Dotyczy oceny nr", data.supersedes_record),) if data.supersedes_record else ()),
    )
    return ProtocolDocument(
        kind="appraisal",
        record_id=data.appraisal_id,
        record_number=data.record_number,
        title=TITLE,
        office=data.office,
        unit=data.unit,
        form_name=data.sheet_name,
        form_version=data.sheet_version_hash[:12],
        created=created,
        author=data.appraiser,
        index=IndexEntry(data.unit, data.employee, made, result),
        header=header,
        sections=(
            _criteria(data),
            _development(data),
            *((_conversation(data),) if data.conversation_notes else ()),
        ),
        totals=(
            Field("Średnia ocen", number(data.overall_score)),
            Field("Poziom", level),
            Field("Wynik oceny", result_word or "—"),
            Field("Następna ocena", day(data.next_due)),
        ),
        verdict=f"Ocena {result_word}: {level}" if result_word else f"Poziom: {level}",
        verdict_ok=data.positive,
        blocks=_blocks(data),
        signatures=(
            SignatureBlock(
                "Oceniający",
                data.appraiser,
                day(data.made_on) if data.made_on else "",
                drawn.get("appraiser"),
            ),
            SignatureBlock(
                "Oceniany (zapoznałem/am się z oceną)",
                data.employee,
                ack_date,
                drawn.get("employee"),
            ),
        ),
        keywords=("ocena okresowa", "arkusz oceny", data.unit, data.record_number),
        subject=f"Ocena okresowa — {data.employee}",
    )
