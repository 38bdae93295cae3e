"""Maps a mystery-client audit (AuditProtocolData) onto the generic protocol document."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from auditdesk.domain.protocol_data import AuditProtocolData, ProtocolItem, ProtocolSection
from auditdesk.reports.formatting import day, moment, number, percent
from auditdesk.reports.labels import AUDIT_KIND_NAMES, AUDIT_STATUS_NAMES
from auditdesk.reports.protocol_model import (
    Align,
    Column,
    Evidence,
    Field,
    IndexEntry,
    ProtocolDocument,
    Row,
    Section,
    SignatureBlock,
    TextBlock,
)

TITLE = "Protokół z badania metodą „Tajemniczy Klient”"
LONG_ANSWER = 24  # characters; longer answers are printed under the row
IMAGE_MIMES = ("image/jpeg", "image/png", "image/gif", "image/bmp", "image/webp", "image/tiff")

COLUMNS = (
    Column("Lp.", 0.07, Align.CENTER),
    Column("Pytanie", 0.42),
    Column("Odpowiedź", 0.17),
    Column("Pkt", 0.08, Align.RIGHT),
    Column("Waga", 0.08, Align.RIGHT),
    Column("Maks.", 0.09, Align.RIGHT),
    Column("N/D", 0.09, Align.CENTER),
)


def _item_row(number_label: str, item: ProtocolItem) -> Row:
    text = item.text
    if item.critical:
        text += " [wymaganie krytyczne]"
    if item.integrity:
        text += " [pytanie kontrolne, nie punktowane]"
    scored = item.scored and not item.integrity
    answer = item.answer_label or "—"
    notes = []
    if len(answer) > LONG_ANSWER:  # free text: across the whole row, not in a narrow cell
        notes.append(f"Odpowiedź: {answer}")
        answer = "zob. niżej"
    if item.comment:
        notes.append(f"Uwagi: {item.comment}")
    return Row(
        (
            number_label,
            text,
            answer,
            number(item.points) if scored and not item.not_applicable else "—",
            number(item.weight) if scored else "—",
            number(item.max_points) if scored and not item.not_applicable else "—",
            "tak" if item.not_applicable else "",
        ),
        highlight=item.critical_failed,
        note="\n".join(notes),
    )


def _section(index: int, section: ProtocolSection) -> Section:
    rows = tuple(_item_row(f"{index}.{i}", item) for i, item in enumerate(section.items, start=1))
    if section.possible == 0 and section.score is None and not section.zeroed:
        summary = "Sekcja niepunktowana"
    else:
        summary = (
            f"Wynik sekcji: {number(section.earned)} z {number(section.possible)} pkt "
            f"({percent(section.score)})"
        )
    if section.zeroed:
        summary += " — sekcja wyzerowana z powodu niespełnionego wymagania krytycznego"
    return Section(f"{index}. {section.title}", COLUMNS, rows, summary=summary)


def _created(data: AuditProtocolData) -> datetime:
    return data.completed_at or data.visited_at or data.created_at


def audit_document(
    data: AuditProtocolData,
    drawn: Mapping[str, bytes] | None = None,
    images: Mapping[str, bytes] | None = None,
) -> ProtocolDocument:
    """drawn: PNG signatures by role ("auditor"); images: evidence photos by their SHA-256."""
    drawn = drawn or {}
    images = images or {}
    observed = data.observed_employee or "nieustalony"
    if data.observed_note:
        observed += f" ({data.observed_note})"
    kind = AUDIT_KIND_NAMES.get(data.kind, data.kind)
    if data.original_record_no:
        kind += f" do protokołu nr {data.original_record_no}"
    header = [
        Field("Kanał", data.channel_label),
        Field("Data i godzina", moment(data.visited_at)),
        Field("Audytor", data.auditor_name),
        Field("Pracownik", observed),
        Field("Rodzaj", kind),
        Field("Status", AUDIT_STATUS_NAMES.get(data.status, data.status)),
        *(Field(label, value) for label, value in data.scenario),
    ]
    sections = [_section(i, s) for i, s in enumerate(data.sections, start=1)]
    if data.answer_key:
        sections.insert(
            0,
            Section(
                "Klucz odpowiedzi scenariusza",
                (Column("Element", 0.35), Column("Poprawna odpowiedź zawiera", 0.65)),
                tuple(Row((label, text)) for label, text in data.answer_key),
            ),
        )
    evidence = tuple(
        Evidence(
            name=e.file_name,
            sha256=e.sha256,
            caption=(e.caption + (f" (pozycja {e.item_id})" if e.item_id else "")).strip(),
            image=images.get(e.sha256) if e.mime.lower() in IMAGE_MIMES else None,
        )
        for e in data.evidence
    )
    created = _created(data)
    result = f"{percent(data.score)} — {data.verdict_label}"
    verdict = f"Wynik: {result}"
    if data.critical_failure:
        verdict += " (niespełnione wymaganie krytyczne)"
    return ProtocolDocument(
        kind="audit",
        record_id=data.audit_id,
        record_number=data.record_no,
        title=TITLE,
        office=data.office_name,
        unit=f"{data.unit_code} — {data.unit_name}",
        form_name=data.form_title,
        form_version=f"{data.form_edition} · {data.form_version_hash[:12]}",
        created=created,
        author=data.auditor_name,
        index=IndexEntry(data.unit_code, data.observed_employee, data.visited_at.date(), result),
        header=tuple(header),
        sections=tuple(sections),
        totals=(
            Field("Punkty", f"{number(data.earned)} z {number(data.possible)}"),
            Field("Wynik", percent(data.score)),
            Field("Ocena", data.verdict_label),
            Field("Zakończono", moment(data.completed_at)),
        ),
        verdict=verdict,
        verdict_ok=False if data.critical_failure else data.passed,
        critical_failures=tuple(data.critical_items),
        blocks=(TextBlock("Adres urzędu", data.office_address),) if data.office_address else (),
        evidence=evidence,
        signatures=(
            SignatureBlock(
                "Audytor",
                data.auditor_name,
                day(data.completed_at) if data.completed_at else "",
                drawn.get("auditor"),
            ),
            SignatureBlock("Kierownik komórki (zapoznałem się)", "", ""),
        ),
        keywords=(
            "tajemniczy klient",
            "protokół",
            data.unit_code,
            data.form_id,
            f"auditdesk:audit:{data.uid}",
        ),
        subject=f"{data.form_title} — {data.unit_name}",
    )
