"""The HR index of an export: index.csv (in the Polish dialect by default: UTF-8 with BOM,
semicolons, as Polish Excel expects) and index.xlsx, both written under temporary names and
renamed when complete."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from auditdesk.reports.labels import RECORD_KIND_NAMES

HEADERS = (
    "Numer",
    "Rodzaj",
    "Komórka",
    "Pracownik",
    "Data",
    "Wynik lub poziom",
    "SHA-256",
    "Podpisał",
    "Plik",
)


@dataclass(frozen=True)
class IndexRow:
    record_number: str
    kind: str
    unit: str
    employee: str
    record_date: date | None
    result: str
    sha256: str
    signer: str
    file_name: str

    def cells(self) -> list[object]:
        return [
            self.record_number,
            RECORD_KIND_NAMES.get(self.kind, self.kind),
            self.unit,
            self.employee,
            self.record_date,
            self.result,
            self.sha256,
            self.signer,
            self.file_name,
        ]


def csv_bytes(rows: Sequence[IndexRow], dialect: str = "pl") -> bytes:
    """index.csv in the `dialect` (domain.dialects): "pl" with semicolons, dates 15.07.2026 and
    a BOM; "intl" with commas, ISO dates and no BOM."""
    polish = dialect == "pl"
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";" if polish else ",", lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        cells = row.cells()
        day = row.record_date
        cells[4] = "" if day is None else day.strftime("%d.%m.%Y") if polish else day.isoformat()
        writer.writerow(cells)
    return (("\ufeff" if polish else "") + buf.getvalue()).encode("utf-8")


def load_xlsx_writer() -> None:
    """openpyxl imported (~0.06 s), so that `xlsx_bytes` does not wait for it. An export calls
    this while its drawing workers finish the last protocols and this process would only wait
    for them (issue 14); nothing else imports openpyxl before the index is written."""
    import openpyxl.styles  # noqa: F401  (what xlsx_bytes uses: the package with its Workbook)


def xlsx_bytes(rows: Sequence[IndexRow]) -> bytes:
    # openpyxl (~0.06 s to import) when the index is written, at the end of an export (issue
    # 14), or before, while the workers draw (load_xlsx_writer)
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Protokoły"
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row.cells())
    for r in range(2, len(rows) + 2):
        sheet.cell(row=r, column=5).number_format = "DD.MM.YYYY"
    widths = (16, 14, 12, 28, 12, 28, 66, 28, 24)
    for i, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + i)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:I{len(rows) + 1}"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
