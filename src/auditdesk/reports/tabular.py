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
Dates in the cells are read with `parse_date` (domain/dates.py, re-exported here).

A file costs time and memory in proportion to the bounds in domain/limits.py, however it was
made (issue 11): its size is checked before reading (and the read stops past it), a workbook's
unzipped size and the size of its zip directory before anything is unzipped; the encoding and
the delimiter are told from a sample of the start; the rows are counted as they are read and
the reading stops at the limit; a row's columns and a cell's characters are checked as it is
read. Over a bound: InputRefused, one line naming the file, the limit and what to do."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
import os
import struct
import zipfile
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NamedTuple, NoReturn

from charset_normalizer import from_bytes

from auditdesk.domain.dates import NotADate, parse_date
from auditdesk.domain.errors import AuditDeskError, ValidationFailed
from auditdesk.domain.limits import (
    MAX_CSV_BYTES,
    MAX_TABLE_CELL,
    MAX_TABLE_COLUMNS,
    MAX_TABLE_ROWS,
    MAX_WORKBOOK_BYTES,
    MAX_WORKBOOK_UNPACKED,
    MAX_ZIP_DIRECTORY,
    MB,
    InputRefused,
    size_text,
)

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = ["NotADate", "Row", "Table", "parse_date", "read_table"]

# when a file is not UTF-8, charset-normalizer chooses among the Polish code pages
LEGACY_ENCODINGS = ["cp1250", "iso8859_2"]
SNIFF_CHARS = 8192
SAMPLE_BYTES = 256 * 1024  # of a CSV's start, from which its encoding is told
CHUNK_BYTES = 1 * MB  # a CSV is read in pieces of this size
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
    header_line: int = 1  # where the header row is (lines above it: blank, or a title skipped)
    skipped: tuple[str, ...] = ()  # the title lines above the header, as read (issue 13)


def read_table(path: Path, encoding: str = "auto") -> Table:
    """The header and rows of a CSV or XLSX file. `encoding` other than "auto" is used as given
    (a CSV file only). ValidationFailed, naming the file, for anything that cannot be read;
    InputRefused for a file over a bound of domain/limits.py."""
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            workbook = handle.read(2) == b"PK" or path.suffix.lower() in (".xlsx", ".xlsm")
            handle.seek(0)
            if not workbook:
                return find_header(_read_csv(path.name, handle, size, encoding))
            _check_size(path.name, size, MAX_WORKBOOK_BYTES)
            data = handle.read(MAX_WORKBOOK_BYTES + 1)
    except OSError as exc:
        raise ValidationFailed(
            "{file}: cannot be read ({detail}); check the path.",
            file=str(path),
            detail=exc.strerror or str(exc),
        ) from None
    if len(data) > MAX_WORKBOOK_BYTES:  # it grew while read, or claims no size
        _over_size(path.name, MAX_WORKBOOK_BYTES)
    header, rows = _xlsx_rows(path.name, data)
    table = Table(path.name, "xlsx", "", header, rows, hashlib.sha256(data).hexdigest())
    return find_header(table)


def _check_size(file: str, size: int, limit: int) -> None:
    if size > limit:
        raise InputRefused(
            "{file}: the file is {size}, above the limit of {limit} for a register; split it "
            "into smaller files and import them one by one; nothing was read",
            file=file,
            size=size_text(size),
            limit=size_text(limit),
        )


def _over_size(file: str, limit: int) -> NoReturn:
    raise InputRefused(
        "{file}: the file is larger than the limit of {limit} for a register; split it into "
        "smaller files and import them one by one; nothing was read",
        file=file,
        limit=size_text(limit),
    )


def _too_many_rows(file: str) -> NoReturn:
    raise InputRefused(
        "{file}: more rows than the limit of {limit:,}; split the register into files of at "
        "most {limit:,} rows and import them one by one; nothing was read",
        file=file,
        limit=MAX_TABLE_ROWS,
    )


class _Rows:
    """The rows of a file as they are read, each checked against the bounds before it is kept:
    the count (the reading stops at the limit), the columns, the characters of a cell."""

    def __init__(self, file: str, sheet: bool) -> None:
        self.file = file
        self.sheet = sheet  # the numbers are a sheet's rows, not a text file's lines
        self.seen = 0  # rows read, empty ones and the header too
        self.header: list[str] | None = None
        self.rows: list[Row] = []
        self.header_line = 1

    def count(self) -> None:
        self.seen += 1
        if self.seen > MAX_TABLE_ROWS + 1:
            _too_many_rows(self.file)

    def check_width(self, line: int, width: int) -> None:
        if width <= MAX_TABLE_COLUMNS:
            return
        if self.sheet:
            raise InputRefused(
                "{file}: row {line} reaches column {count:,}, beyond the limit of {limit:,} "
                "columns; delete the columns after the data (empty but formatted ones too) or "
                "leave out the columns not needed; nothing was read",
                file=self.file,
                line=line,
                count=width,
                limit=MAX_TABLE_COLUMNS,
            )
        raise InputRefused(
            "{file}: line {line} has {count:,} columns, more than the limit of {limit:,}; leave "
            "out the columns not needed and export the register again; nothing was read",
            file=self.file,
            line=line,
            count=width,
            limit=MAX_TABLE_COLUMNS,
        )

    def check_cells(self, line: int, cells: list[str]) -> None:
        if not cells or max(map(len, cells)) <= MAX_TABLE_CELL:
            return
        column, value = next((n, c) for n, c in enumerate(cells, 1) if len(c) > MAX_TABLE_CELL)
        if self.sheet:
            raise InputRefused(
                "{file}: row {line}, column {column}: a value of {length:,} characters is "
                "longer than the limit of {limit:,}; shorten it or leave the column out; "
                "nothing was read",
                file=self.file,
                line=line,
                column=column,
                length=len(value),
                limit=MAX_TABLE_CELL,
            )
        raise InputRefused(
            "{file}: line {line}, column {column}: a value of {length:,} characters is longer "
            "than the limit of {limit:,}; shorten it or leave the column out of the export; "
            "nothing was read",
            file=self.file,
            line=line,
            column=column,
            length=len(value),
            limit=MAX_TABLE_CELL,
        )

    def keep(self, line: int, cells: list[str]) -> None:
        if not any(cells):
            return
        if self.header is None:
            header = list(cells)
            while header and not header[-1]:
                header.pop()
            self.header = header
            self.header_line = line
        else:
            self.rows.append(Row(line, cells))

    def result(self) -> tuple[list[str], list[Row]]:
        if self.header is None:
            raise ValidationFailed("{file}: the file is empty", file=self.file)
        return self.header, self.rows


# --- the header row below a title (issue 13) ---------------------------------------------------

HEADER_SEARCH = 10  # rows looked at for the header


def _filled(cells: list[str]) -> int:
    return sum(1 for c in cells if c)


def find_header(table: Table) -> Table:
    """The table with its header row found below a title: registers published on BIP pages and
    exports of EZD start with a line or two ('Rejestr skarg i wniosków 2026') above the header.
    The header is the first of the first rows to fill at least half as many cells as the
    fullest of them (and two or more); the lines above it are kept in `skipped` so that the
    import can say so."""
    candidates = [Row(table.header_line, table.header), *table.rows[: HEADER_SEARCH - 1]]
    widest = max(_filled(cells) for _line, cells in candidates)
    need = max(2, (widest + 1) // 2)
    at = next((n for n, (_l, cells) in enumerate(candidates) if _filled(cells) >= need), 0)
    if at == 0:
        return table
    header = list(candidates[at].cells)
    while header and not header[-1]:
        header.pop()
    skipped = tuple(" ".join(c for c in cells if c) for _l, cells in candidates[:at])
    return replace(
        table,
        header=header,
        rows=table.rows[at:],
        header_line=candidates[at].line,
        skipped=skipped,
    )


# --- CSV ---------------------------------------------------------------------------------------


class _Source(io.RawIOBase):
    """A CSV file's bytes as the text reader takes them: hashed, counted against the size limit
    (a file that grows while read, or claims no size, stops there), a NUL byte named with its
    line before it is decoded, the last piece kept for a second look at the encoding."""

    def __init__(self, handle: BinaryIO, file: str, find_nul: bool) -> None:
        super().__init__()
        self.handle = handle
        self.file = file
        self.find_nul = find_nul
        self.sha256 = hashlib.sha256()
        self.size = 0
        self.lines = 0  # line ends before the last piece
        self.last = b""
        # Whether a line of more bytes than a cell may hold characters has been read: until
        # one has, a row read from one line cannot hold a cell over the limit, and _parse_csv
        # measures only the cells of rows spanning lines (issue 17: measuring every cell of a
        # million rows took 0.6 s). Known for codecs where NUL and line ends are single bytes
        # (find_nul), in which every character takes at least one byte; never else.
        self.long_line = not find_nul
        self.run = 0  # bytes of the line being read, before this piece

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        piece = self.handle.read(len(view))
        self.size += len(piece)
        if self.size > MAX_CSV_BYTES:
            _over_size(self.file, MAX_CSV_BYTES)
        self.sha256.update(piece)
        if self.find_nul:
            at = piece.find(b"\x00")
            if at >= 0:
                _nul_byte(self.file, self.lines + piece.count(b"\n", 0, at) + 1)
            self.lines += piece.count(b"\n")
            if not self.long_line:
                self._measure_lines(piece)
        self.last = piece
        view[: len(piece)] = piece
        return len(piece)

    def _measure_lines(self, piece: bytes) -> None:
        limit = MAX_TABLE_CELL
        first = piece.find(b"\n")
        if first < 0:
            self.run += len(piece)
        else:
            last = piece.rfind(b"\n")
            inside = len(piece) > limit and any(
                len(line) > limit for line in piece[first + 1 : last].split(b"\n")
            )
            if self.run + first > limit or inside:
                self.long_line = True
            self.run = len(piece) - last - 1
        if self.run > limit:
            self.long_line = True


def _read_csv(file: str, handle: BinaryIO, size: int, encoding: str) -> Table:
    _check_size(file, size, MAX_CSV_BYTES)
    # the module's own limit (process-wide, so only ever raised) gives way to the file's: a
    # long cell is refused below with its line and column, not as an unreadable file
    if csv.field_size_limit() < MAX_CSV_BYTES:
        csv.field_size_limit(MAX_CSV_BYTES)
    sample = handle.read(SAMPLE_BYTES)
    given = encoding not in ("auto", "")
    codec, used = _choose_codec(file, sample, len(sample) < SAMPLE_BYTES, encoding)
    while True:
        handle.seek(0)
        source = _Source(handle, file, find_nul=_ascii_compatible(codec))
        try:
            delimiter, rows = _parse_csv(file, source, sample, codec)
        except UnicodeDecodeError:
            if given:
                _not_in_encoding(file, encoding)
            if codec != "utf-8-sig":
                _unrecognised(file)
            # the sample was UTF-8 (plain ASCII, most likely) and the text after it is not
            codec = used = _legacy_codec(file, source.last)
            continue
        header, kept = rows.result()
        table = Table(file, used, delimiter, header, kept, source.sha256.hexdigest())
        return replace(table, header_line=rows.header_line)


def _parse_csv(file: str, source: _Source, sample: bytes, codec: str) -> tuple[str, _Rows]:
    start = sample[: SNIFF_CHARS * 4].decode(codec, errors="replace")
    start = start.removeprefix("\ufeff")[:SNIFF_CHARS]
    try:
        delimiter = csv.Sniffer().sniff(start, delimiters=";,\t").delimiter
    except csv.Error:  # one column, or too little text to tell: semicolons win a tie
        delimiter = ";" if start.count(";") >= start.count(",") else ","
    text = io.TextIOWrapper(
        io.BufferedReader(source, CHUNK_BYTES), encoding=codec, errors="strict", newline=""
    )
    first = text.readline().removeprefix("\ufeff")
    reader = csv.reader(itertools.chain((first,), text), delimiter=delimiter)
    rows = _Rows(file, sheet=False)
    kept = rows.rows
    strip = str.strip
    try:
        # the checks of _Rows, inlined: a register has a million rows
        read_to = 0  # the line the row before ended on
        make = Row._make
        for seen, cells in enumerate(reader, start=1):
            if seen > MAX_TABLE_ROWS + 1:
                _too_many_rows(file)
            line = reader.line_num
            if len(cells) > MAX_TABLE_COLUMNS:
                rows.check_width(line, len(cells))
            # a row of one line holds no cell longer than its line (source.long_line)
            if (
                (line - read_to != 1 or source.long_line)
                and cells
                and max(map(len, cells)) > MAX_TABLE_CELL
            ):
                rows.check_cells(line, cells)
            read_to = line
            values = list(map(strip, cells))
            if not any(values):
                continue
            if rows.header is None:
                rows.keep(line, values)
            else:
                kept.append(make((line, values)))
    except csv.Error as exc:
        raise ValidationFailed(
            "{file}: line {line} cannot be read as CSV ({detail}); export the register again "
            "as CSV or XLSX",
            file=file,
            line=reader.line_num,
            detail=str(exc),
        ) from None
    return delimiter, rows


def _choose_codec(file: str, sample: bytes, whole: bool, encoding: str) -> tuple[str, str]:
    """The codec to read a CSV file with and the name to report, from the sample of its start
    (`whole` when that is all of it)."""
    if encoding not in ("auto", ""):
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            _not_in_encoding(file, encoding)
        return name, "utf-8" if name == "utf-8-sig" else name
    if sample.startswith(_UNICODE_BOMS):  # text, but in UTF-16 or UTF-32
        raise ValidationFailed(
            "{file}: not a text file in UTF-8 or Windows-1250; export the register as CSV or XLSX",
            file=file,
        )
    if b"\x00" in sample:  # no register text holds NUL: a picture, a PDF, an XLS workbook…
        _nul_byte(file, sample.count(b"\n", 0, sample.index(b"\x00")) + 1)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=whole)
    except UnicodeDecodeError:
        used = _legacy_codec(file, sample)
        return used, used
    return "utf-8-sig", "utf-8"


def _legacy_codec(file: str, sample: bytes) -> str:
    # measured: a short ISO-8859-2 file may come back as Windows-1250 (ą read as ±) or as None
    best = from_bytes(sample, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None or best.encoding is None:
        _unrecognised(file)
    return codecs.lookup(best.encoding).name


def _ascii_compatible(codec: str) -> bool:
    """Whether NUL and line ends are the bytes 0 and 10 in `codec` (not in UTF-16 given)."""
    try:
        return "a\x00\n".encode(codec).endswith(b"a\x00\n")  # after a BOM, if any
    except (UnicodeError, LookupError):
        return False


def _not_in_encoding(file: str, encoding: str) -> NoReturn:
    raise ValidationFailed(
        "{file}: the text is not in the {encoding} encoding; use --encoding auto or the "
        "right one (utf-8, cp1250).",
        file=file,
        encoding=encoding,
    )


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


# --- XLSX --------------------------------------------------------------------------------------


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

    _check_workbook(file, data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise _unreadable_workbook(file, exc) from None
    rows = _Rows(file, sheet=True)
    try:
        sheets = book.worksheets
        if sheets:
            sheet = sheets[0]
            # rows as wide as their cells, not padded to what the sheet's <dimension> claims
            sheet.reset_dimensions()
            for n, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                rows.count()
                rows.check_width(n, len(values))
                cells = [_cell(v) for v in values]
                rows.check_cells(n, cells)
                rows.keep(n, cells)
    except AuditDeskError:
        raise
    except Exception as exc:  # a damaged sheet fails only while it is read
        raise _unreadable_workbook(file, exc) from None
    finally:
        book.close()
    return rows.result()


def _check_workbook(file: str, data: bytes) -> None:
    """The bounds a workbook's zip directory tells before anything is unzipped: the size of the
    directory itself, of all the parts unzipped (zipfile stops a part at the size the directory
    gives it), and a count of the row tags of each large XML part, unzipped and counted at
    the speed of zlib (openpyxl reads ~30,000 rows a second: the row limit is told in
    seconds, not minutes)."""
    directory = _zip_directory_size(data)
    if directory > MAX_ZIP_DIRECTORY:
        raise InputRefused(
            "{file}: the workbook's list of parts is {size}, above the limit of {limit}: not "
            "a register workbook; save it again as XLSX; nothing was read",
            file=file,
            size=size_text(directory),
            limit=size_text(MAX_ZIP_DIRECTORY),
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            unpacked = sum(part.file_size for part in parts)
            if unpacked > MAX_WORKBOOK_UNPACKED:
                raise InputRefused(
                    "{file}: the workbook unzips to {size}, above the limit of {limit}; split "
                    "the register into smaller files and import them one by one; nothing was "
                    "read",
                    file=file,
                    size=size_text(unpacked),
                    limit=size_text(MAX_WORKBOOK_UNPACKED),
                )
            # a row tag takes 4 bytes or more: a smaller part cannot hold too many
            large = [
                part
                for part in parts
                if part.filename.lower().endswith(".xml")
                and part.file_size > 4 * (MAX_TABLE_ROWS + 1)
            ]
            if any(_row_tags(archive, part) > MAX_TABLE_ROWS + 1 for part in large):
                _too_many_rows(file)
    except AuditDeskError:
        raise
    except Exception as exc:  # zipfile and zlib raise several kinds for a damaged file
        raise _unreadable_workbook(file, exc) from None


def _row_tags(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> int:
    """How many row tags (`<row`, `<x:row`) an XML part has at most (`<rowBreaks` counts too:
    an overcount of a few)."""
    count = 0
    tail = b""
    with archive.open(part) as stream:
        while piece := stream.read(CHUNK_BYTES):
            piece = tail + piece
            count += piece.count(b"<row") + piece.count(b":row")
            tail = piece[-3:]  # shorter than a tag: nothing in it is counted twice
    return count


_END = struct.Struct("<4s4H2LH")  # a zip's end record
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")


def _zip_directory_size(data: bytes) -> int:
    """The bytes of zip directory that zipfile would read and turn into one object per part
    (so a tiny file may claim millions of parts): from the end record, or the ZIP64 one where
    zipfile looks for it. 0 when there is no end record (zipfile then says it is not a zip)."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - _END.size - 0xFFFF))
    if at < 0 or len(data) - at < _END.size:
        return 0
    size: int = _END.unpack_from(data, at)[5]
    locator = at - _END64_LOCATOR.size
    record = locator - _END64.size
    if (
        record >= 0
        and data[locator : locator + 4] == b"PK\x06\x07"
        and data[record : record + 4] == b"PK\x06\x06"
    ):
        size = _END64.unpack_from(data, record)[8]  # as zipfile takes it
    return size


def _unreadable_workbook(file: str, exc: Exception) -> ValidationFailed:
    return ValidationFailed(
        "{file}: not a readable XLSX workbook ({detail}).",
        file=file,
        detail=str(exc) or type(exc).__name__,
    )
