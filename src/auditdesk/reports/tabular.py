"""Reading an imported register (survey responses, the EZD case register, the complaint
register) from CSV or XLSX into a header row and text rows, the one reader every import uses.

CSV: the encoding is UTF-8 (with or without BOM) or, failing that, what charset-normalizer
finds among Windows-1250 and ISO-8859-2; a UTF-16 file is refused with a message naming the
file, one with a NUL byte with a message naming the line it is on. The delimiter (`;`, `,` or
tab) is sniffed. XLSX (or any ZIP, whatever its name says): the first sheet through openpyxl, a
date cell given as ISO text (with its time after a space when it has one), a whole number
without `.0`.

Every cell is text, trimmed; rows whose cells are all empty are left out; the header is the
first row that is not, without its empty trailing cells. A row keeps its line number: for CSV
the physical line where it ends (a quoted cell may span lines), for XLSX the sheet's row number.
Dates in the cells are read with `parse_date` (domain/dates.py, re-exported here)."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import NamedTuple, NoReturn

from charset_normalizer import from_bytes

from auditdesk.domain.dates import NotADate, parse_date
from auditdesk.domain.errors import ValidationFailed

__all__ = ["NotADate", "Row", "Table", "parse_date", "read_table"]

# when a file is not UTF-8, charset-normalizer chooses among the Polish code pages
LEGACY_ENCODINGS = ["cp1250", "iso8859_2"]
SNIFF_CHARS = 8192
_UNICODE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)


class Row(NamedTuple):
    line: int  # in the file (CSV) or the sheet (XLSX), 1 = the first
    cells: list[str]


@dataclass(frozen=True)
class Table:
    """A register file read into text cells, with how it was read."""

    file: str  # the file's name
    encoding: str  # Python's name of the codec ("utf-8", "cp1250", "iso8859-2"), or "xlsx"
    delimiter: str  # "" for XLSX
    header: list[str]
    rows: list[Row]
    sha256: str  # of the file's bytes


def read_table(path: Path, encoding: str = "auto") -> Table:
    """The header and rows of a CSV or XLSX file. `encoding` other than "auto" is used as given
    (a CSV file only). ValidationFailed, naming the file, for anything that cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationFailed(
            "{file}: cannot be read ({detail}); check the path.",
            file=str(path),
            detail=exc.strerror or str(exc),
        ) from None
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(b"PK") or path.suffix.lower() in (".xlsx", ".xlsm"):
        header, rows = _xlsx_rows(path.name, data)
        return Table(path.name, "xlsx", "", header, rows, digest)
    text, used = _decode(path.name, data, encoding)
    sample = text[:SNIFF_CHARS]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t").delimiter
    except csv.Error:  # one column, or too little text to tell: semicolons win a tie
        delimiter = ";" if sample.count(";") >= sample.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        lines = [Row(reader.line_num, [c.strip() for c in cells]) for cells in reader]
    except csv.Error:  # a cell longer than the csv module takes: not a register
        raise ValidationFailed(
            "{file}: not a text file in UTF-8 or Windows-1250; export the register as CSV or XLSX",
            file=path.name,
        ) from None
    header, rows = _split(path.name, lines)
    return Table(path.name, used, delimiter, header, rows, digest)


def _decode(file: str, data: bytes, encoding: str) -> tuple[str, str]:
    """The text of a CSV file and the codec it was read with."""
    if encoding not in ("auto", ""):
        try:
            text = data.decode(encoding)
            used = codecs.lookup(encoding).name
        except (UnicodeDecodeError, LookupError):
            raise ValidationFailed(
                "{file}: the text is not in the {encoding} encoding; use --encoding auto or the "
                "right one (utf-8, cp1250).",
                file=file,
                encoding=encoding,
            ) from None
        text = text.removeprefix("\ufeff")
        if "\x00" in text:
            _nul_byte(file, text.count("\n", 0, text.index("\x00")) + 1)
        return text, "utf-8" if used == "utf-8-sig" else used
    if data.startswith(_UNICODE_BOMS):  # text, but in UTF-16 or UTF-32
        raise ValidationFailed(
            "{file}: not a text file in UTF-8 or Windows-1250; export the register as CSV or XLSX",
            file=file,
        )
    if b"\x00" in data:  # no register text holds NUL: a picture, a PDF, an XLS workbook…
        _nul_byte(file, data.count(b"\n", 0, data.index(b"\x00")) + 1)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    # measured: a short ISO-8859-2 file may come back as Windows-1250 (ą read as ±) or as None
    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None or best.encoding is None:
        _unrecognised(file)
    used = codecs.lookup(best.encoding).name
    try:
        return data.decode(used), used
    except UnicodeDecodeError:
        _unrecognised(file)


def _nul_byte(file: str, line: int) -> NoReturn:
    """A zero byte is in no text export (it is in a picture, a PDF, an XLS workbook, a UTF-16
    text without its mark): the real cause, not "the encoding", and where it is."""
    raise ValidationFailed(
        "{file}: line {line} contains a NUL byte (a zero byte, which no CSV export holds): the "
        "file is probably not a text export; save it as CSV UTF-8 or XLSX",
        file=file,
        line=line,
    )


def _unrecognised(file: str) -> NoReturn:
    raise ValidationFailed(
        "{file}: the text encoding cannot be recognised; save the file as UTF-8 or "
        "Windows-1250 CSV",
        file=file,
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_rows(file: str, data: bytes) -> tuple[list[str], list[Row]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _unreadable_workbook(file, exc) from None
    try:
        sheets = book.worksheets
        lines = (
            [
                Row(n, [_cell(v) for v in values])
                for n, values in enumerate(sheets[0].iter_rows(values_only=True), start=1)
            ]
            if sheets
            else []
        )
    except Exception as exc:  # a damaged sheet fails only while it is read
        raise _unreadable_workbook(file, exc) from None
    finally:
        book.close()
    return _split(file, lines)


def _unreadable_workbook(file: str, exc: Exception) -> ValidationFailed:
    return ValidationFailed(
        "{file}: not a readable XLSX workbook ({detail}).",
        file=file,
        detail=str(exc) or type(exc).__name__,
    )


def _split(file: str, lines: list[Row]) -> tuple[list[str], list[Row]]:
    """The header (the first row with a value) and the rows after it that have one."""
    kept = [row for row in lines if any(row.cells)]
    if not kept:
        raise ValidationFailed("{file}: the file is empty", file=file)
    header = list(kept[0].cells)
    while header and not header[-1]:
        header.pop()
    return header, kept[1:]
