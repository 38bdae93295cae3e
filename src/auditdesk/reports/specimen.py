"""A specimen protocol full of Polish names, for layout previews, tests and benchmarks."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime

from PIL import Image, ImageDraw

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

POLISH_NAMES = (
    "Łukasz Źdźbło",
    "Józefa Ćwiąkała-Żółtowska",
    "Małgorzata Ślęzak",
    "Grzegorz Jaśń",
    "Bożęna Ąńska",
)


def specimen_photo(seed: int = 0, size: tuple[int, int] = (800, 600)) -> bytes:
    img = Image.new("RGB", size, (200 - seed % 50, 210, 190 + seed % 40))
    draw = ImageDraw.Draw(img)
    for i in range(0, size[0], 40):
        draw.line([(i, 0), (size[0] - i, size[1])], fill=(60, 90 + seed % 100, 140), width=3)
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=85)
    return buf.getvalue()


def specimen_signature(seed: int = 0) -> bytes:
    img = Image.new("RGBA", (400, 140), (255, 255, 255, 0))
    draw = ImageDraw.Draw(img)
    points = [(20 + i * 18, 70 + ((i * 37 + seed) % 50) - 25) for i in range(20)]
    draw.line(points, fill=(10, 30, 120, 255), width=4, joint="curve")
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def specimen_document(
    record_id: int = 1, items_per_section: int = 6, with_images: bool = True
) -> ProtocolDocument:
    auditor, employee = POLISH_NAMES[0], POLISH_NAMES[1]
    columns = (
        Column("Lp.", 0.06, Align.CENTER),
        Column("Pytanie", 0.43),
        Column("Odpowiedź", 0.2),
        Column("Pkt", 0.1, Align.RIGHT),
        Column("Waga", 0.08, Align.RIGHT),
        Column("N/D", 0.06, Align.CENTER),
        Column("Maks.", 0.07, Align.RIGHT),
    )
    parts = (
        "Zachowanie urzędnika wobec klienta",
        "Sposób obsługi",
        "Sposób załatwienia sprawy",
        "Końcowy rezultat",
    )
    sections = []
    for s, part in enumerate(parts, start=1):
        rows = []
        for i in range(1, items_per_section + 1):
            critical = s == 3 and i == 2
            rows.append(
                Row(
                    (
                        f"{s}.{i}",
                        f"Czy urzędnik zachował się właściwie — pytanie {i} (żółć, gęślą)",
                        "nie" if critical else "tak",
                        "0" if critical else "2",
                        "1",
                        "",
                        "2",
                    ),
                    highlight=critical,
                    note="Klientka czekała 12 minut; urzędnik nie przedstawił się."
                    if i == 1
                    else "",
                )
            )
        sections.append(
            Section(
                f"{s}. {part}",
                columns,
                tuple(rows),
                summary=f"Wynik sekcji: {2 * items_per_section - 2} z {2 * items_per_section} pkt",
            )
        )
    evidence = tuple(
        Evidence(
            f"zdjęcie-{n}.jpg",
            hashlib.sha256(specimen_photo(n)).hexdigest(),
            f"Stanowisko obsługi nr {n}, Łódź",
            specimen_photo(n) if with_images else None,
        )
        for n in range(1, 3)
    )
    created = datetime(2025, 3, 14, 10, 30)
    return ProtocolDocument(
        kind="audit",
        record_id=record_id,
        record_number=f"TK/2025/{record_id:04d}",
        title="Protokół z badania metodą „Tajemniczy Klient”",
        office="Urząd Miasta Żółkiewka Śląska",
        unit="Wydział Spraw Obywatelskich — Biuro Obsługi Mieszkańców",
        form_name="Wizyta osobista — standardy obsługi",
        form_version="2025.1 · 3fa9c0d1e2b4",
        created=created,
        author=auditor,
        index=IndexEntry("WSO", employee, created.date(), "81,3% — dobry"),
        header=(
            Field("Kanał", "wizyta osobista"),
            Field("Data wizyty", "14.03.2025 10:05"),
            Field("Audytor", auditor),
            Field("Pracownik", employee),
            Field("Scenariusz", "Wymiana dowodu osobistego"),
            Field("Czas oczekiwania", "12 min"),
        ),
        sections=tuple(sections),
        totals=(
            Field("Punkty", "39 z 48"),
            Field("Wynik", "81,3%"),
            Field("Pozycje N/D", "1"),
            Field("Wersja formularza", "2025.1"),
        ),
        verdict="Ocena: NEGATYWNA (niespełnione wymaganie krytyczne)",
        verdict_ok=False,
        critical_failures=("3.2 Informacja o opłatach — odpowiedź „nie”",),
        blocks=(
            TextBlock(
                "Uwagi audytora",
                "Obsługa uprzejma; brak identyfikatora. "
                f"Rozmowę prowadziła {POLISH_NAMES[2]}, wsparcie {POLISH_NAMES[3]}.",
            ),
        ),
        evidence=evidence,
        signatures=(
            SignatureBlock(
                "Audytor", auditor, "14.03.2025", specimen_signature(1) if with_images else None
            ),
            SignatureBlock("Kierownik komórki", POLISH_NAMES[4], ""),
        ),
        keywords=("tajemniczy klient", "protokół", "WSO"),
        subject="Badanie standardów obsługi klienta",
    )
