"""Reading a register exported as CSV or XLSX into a header row and plain text rows: the encoding
detected (UTF-8 with or without BOM, Windows-1250), the delimiter sniffed, XLSX through openpyxl.
Dates are parsed as dd.mm.yyyy or ISO."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from charset_normalizer import from_bytes

from auditdesk.domain.errors import ValidationFailed

# the encodings registers come in; charset-normalizer chooses among them when UTF-8 fails
CANDIDATE_ENCODINGS = ["cp1250", "iso8859_2", "utf_8"]


@dataclass(frozen=True)
class Sheet:
    """A header row and the data rows, each with its line number in the file (1 = header)."""

    path: str
    header: list[str]
    rows: list[tuple[int, list[str]]]
    encoding: str  # "xlsx" for a workbook


def decode(data: bytes, path: str) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with."""
    if b"\x00" in data[:4096]:
        raise ValidationFailed(
            "{file}: not a text file in UTF-8 or Windows-1250; export the register as CSV or XLSX",
            file=path,
        )
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None or best.encoding not in ("cp1250", "iso8859_2"):
        raise ValidationFailed(
            "{file}: not a text file in UTF-8 or Windows-1250; export the register as CSV or XLSX",
            file=path,
        )
    # Windows-1250 is what Polish Windows exports use; ISO-8859-2 differs from it in ą ś ź
    try:
        return data.decode("cp1250"), "cp1250"
    except UnicodeDecodeError as exc:
        raise ValidationFailed(
            "{file}: not a text file in UTF-8 or Windows-1250; export the register as CSV or XLSX",
            file=path,
        ) from exc


class _Semicolon(csv.excel):
    delimiter = ";"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (
            value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_sheet(path: Path) -> Sheet:
    """Reads a CSV or XLSX register; blank lines are skipped."""
    if not path.exists():
        raise ValidationFailed("{file}: no such file", file=str(path))
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    data = path.read_bytes()
    text, encoding = decode(data, str(path))
    sample = text[:8192]
    dialect: type[csv.Dialect]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
    except csv.Error:  # one column, or too little text to tell: semicolons win a tie
        dialect = _Semicolon if sample.count(";") >= sample.count(",") else csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    lines: list[tuple[int, list[str]]] = []
    for row in reader:  # line_num: the physical line where the row ends (quoted newlines)
        lines.append((reader.line_num, [c.strip() for c in row]))
    return _sheet(str(path), lines, encoding)


def _read_xlsx(path: Path) -> Sheet:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationFailed(
            "{file}: cannot read the workbook ({detail})", file=str(path), detail=str(exc)
        ) from exc
    try:
        sheet = book.worksheets[0]
        lines = [
            (n, [_cell(v) for v in row])
            for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()
    return _sheet(str(path), lines, "xlsx")


def _sheet(path: str, lines: list[tuple[int, list[str]]], encoding: str) -> Sheet:
    lines = [(n, row) for n, row in lines if any(cell for cell in row)]
    if not lines:
        raise ValidationFailed("{file}: the file is empty", file=path)
    header = lines[0][1]
    while header and not header[-1]:
        header = header[:-1]
    return Sheet(path, header, lines[1:], encoding)


def parse_date(text: str) -> date | None:
    """dd.mm.yyyy or YYYY-MM-DD (an XLSX date arrives as ISO); None when it is neither."""
    text = text.strip()
    for fmt in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    if len(text) > 10 and text[10] == "T":  # an XLSX datetime with a time
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            return None
    return None
