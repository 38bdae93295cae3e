"""Any table the window shows, written as XLSX or CSV (issue 15): the shared table view reads
the rows it shows (values read back as numbers, per cents and dates by
`domain.numbers.shown_value`) and hands them here; this module writes them with no Qt.

XLSX: row 1 the headers in bold, data from row 2, dates as dates (DD.MM.YYYY [HH:MM]), per
cents as fractions shown 0.0%. CSV in one of the two dialects of docs/exports.md: ``pl``
(semicolons, decimal comma, 15.07.2026, UTF-8 with a BOM) or ``intl`` (commas, point, ISO dates).
Written to a hidden part file first, then renamed, so a failed write leaves no half file."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from auditdesk.domain.dialects import check_dialect
from auditdesk.domain.numbers import Percent
from auditdesk.files import create_private, open_private, replace_file

Cell = str | int | float | date | datetime | None
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
PERCENT_FORMAT = "0.0%"
_SHEET_TITLE_MAX = 31  # Excel's limit
_SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def _part(path: Path) -> Path:
    return path.with_name(f".{path.name}.part")


def write_table(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    title: str = "",
    dialect: str = "pl",
) -> None:
    """`rows` under `headers` to `path`: XLSX when it ends in .xlsx, CSV in `dialect` otherwise."""
    if path.suffix.lower() == ".xlsx":
        write_xlsx(path, headers, rows, title=title)
    else:
        write_csv(path, headers, rows, dialect=dialect)


def csv_text(value: Cell, dialect: str) -> str:
    """A cell as the dialect writes it."""
    polish = dialect == "pl"
    if value is None:
        return ""
    if isinstance(value, Percent):
        text = f"{100 * value:.1f}%"
        return text.replace(".", ",") if polish else text
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        text = f"{value:g}" if abs(value) < 1e15 else f"{value:.0f}"
        return text.replace(".", ",") if polish else text
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y %H:%M" if polish else "%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y") if polish else value.isoformat()
    return str(value)


def write_csv(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]], *, dialect: str = "pl"
) -> None:
    check_dialect(dialect)
    polish = dialect == "pl"
    part = _part(path)
    with open_private(part, "w", encoding="utf-8-sig" if polish else "utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=";" if polish else ",")
        writer.writerow(list(headers))
        for row in rows:
            writer.writerow([csv_text(v, dialect) for v in row])
    replace_file(part, path)  # tried again while Windows has the file open


def sheet_title(title: str) -> str:
    """A title Excel accepts for a sheet: no []:*?/\\, at most 31 characters, never empty."""
    cleaned = " ".join(title.translate(_SHEET_FORBIDDEN).split())[:_SHEET_TITLE_MAX]
    return cleaned or "Sheet1"


def write_xlsx(
    path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]], *, title: str = ""
) -> None:
    from openpyxl import Workbook  # heavy: loaded when a table is exported
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet_title(title))
    # a write-only sheet writes its column widths before the first row
    for i, width in enumerate(column_widths(headers, rows), 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    bold = Font(bold=True)
    header_cells = []
    for name in headers:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        header_cells.append(cell)
    ws.append(header_cells)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(ws, value=float(value) if isinstance(value, Percent) else value)
            if isinstance(value, Percent):
                cell.number_format = PERCENT_FORMAT
            elif isinstance(value, datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(value, date):
                cell.number_format = DATE_FORMAT
            cells.append(cell)
        ws.append(cells)
    part = create_private(_part(path))
    wb.save(part)
    replace_file(part, path)  # tried again while Windows has the file open


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> list[int]:
    """Each column as wide as its longest header or text (8 to 60 characters)."""
    widths = [max(8, min(60, len(h) + 2)) for h in headers]
    for row in rows:
        for i, value in enumerate(row[: len(widths)]):
            if isinstance(value, str):
                widths[i] = max(widths[i], min(60, len(value) + 2))
            elif isinstance(value, datetime):
                widths[i] = max(widths[i], 18)
            elif isinstance(value, date):
                widths[i] = max(widths[i], 12)
    return widths
