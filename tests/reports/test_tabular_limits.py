"""The bounds of the register reader (reports.tabular, issue 11) at their edges, with the limits
made small: a file at a limit is read, one past it is refused with one line naming the file,
the limit and what to do. The encoding is told from a sample of the start, not the whole file.
(test_tabular_bounds.py reads files over the real limits in a child held to a memory bound.)"""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from auditdesk.domain.errors import ValidationFailed
from auditdesk.domain.limits import InputRefused
from auditdesk.reports import tabular
from auditdesk.reports.tabular import Row, read_table

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _csv(path: Path, lines: list[str], encoding: str = "utf-8") -> Path:
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _with_sheet(path: Path, sheet_data: str, dimension: str = "") -> Path:
    """A workbook (saved by openpyxl) whose sheet is replaced by the given <sheetData> content."""
    _xlsx(path.with_suffix(".tmp.xlsx"), [["x"]])
    with (
        zipfile.ZipFile(path.with_suffix(".tmp.xlsx")) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = (
                    f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
                    f"{dimension}<sheetData>{sheet_data}</sheetData></worksheet>"
                ).encode()
            target.writestr(item, data)
    return path


def _refused(path: Path, *parts: str) -> str:
    with pytest.raises(InputRefused) as caught:
        read_table(path)
    said = str(caught.value)
    assert said.startswith(f"{path.name}: ") and "\n" not in said, said
    for part in parts:
        assert part in said, said
    return said


# --- rows -------------------------------------------------------------------------------------


def test_csv_rows_up_to_the_limit_are_read_one_more_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tabular, "MAX_TABLE_ROWS", 5)
    at = _csv(tmp_path / "pelny.csv", ["Znak;Data", *(f"SK.{n};1" for n in range(5))])
    assert len(read_table(at).rows) == 5
    over = _csv(tmp_path / "za_duzy.csv", ["Znak;Data", *(f"SK.{n};1" for n in range(6))])
    said = _refused(over, "more rows than the limit of 5", "split the register")
    assert said.endswith("nothing was read")


def test_empty_lines_count_as_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file of blank lines costs time too: they count, or 500 MB of line ends would be read
    at the speed of the csv module."""
    monkeypatch.setattr(tabular, "MAX_TABLE_ROWS", 5)
    path = _csv(tmp_path / "puste.csv", ["Znak;Data", "SK.1;1", *[""] * 10])
    _refused(path, "more rows than the limit of 5")


def test_xlsx_rows_up_to_the_limit_are_read_one_more_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tabular, "MAX_TABLE_ROWS", 5)
    at = _xlsx(tmp_path / "pelny.xlsx", [["Znak"], *([f"SK.{n}"] for n in range(5))])
    assert len(read_table(at).rows) == 5
    over = _xlsx(tmp_path / "za_duzy.xlsx", [["Znak"], *([f"SK.{n}"] for n in range(6))])
    _refused(over, "more rows than the limit of 5")


def test_a_far_row_number_is_refused_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl gives every missing row before row r="N": they count, so a sheet of two rows
    numbered 1 and 1,000,000,000 does not take a billion steps."""
    monkeypatch.setattr(tabular, "MAX_TABLE_ROWS", 1000)
    sheet = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Znak</t></is></c></row>'
        '<row r="1000000000"><c r="A1000000000"><v>1</v></c></row>'
    )
    _refused(_with_sheet(tmp_path / "daleki.xlsx", sheet), "more rows than the limit of 1,000")


def test_many_row_tags_are_counted_before_openpyxl_reads_the_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tabular, "MAX_TABLE_ROWS", 1000)
    sheet = "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, 1503))
    path = _with_sheet(tmp_path / "wiersze.xlsx", sheet)

    def not_reached(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("openpyxl was asked to read a workbook over the row limit")

    monkeypatch.setattr("openpyxl.load_workbook", not_reached)
    _refused(path, "more rows than the limit of 1,000")


# --- size -------------------------------------------------------------------------------------


def test_the_size_is_checked_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tabular, "MAX_CSV_BYTES", 100)
    monkeypatch.setattr(tabular, "MAX_WORKBOOK_BYTES", 1000)
    path = tmp_path / "rejestr.csv"
    path.write_bytes(b"a;b\n" + b"1;2\n" * 24)  # 100 bytes
    assert len(read_table(path).rows) == 24
    path.write_bytes(b"a;b\n" + b"1;2\n" * 24 + b"3")
    _refused(path, "the file is 101 bytes, above the limit of 100 bytes", "split it")
    book = _xlsx(tmp_path / "rejestr.xlsx", [["Znak"], ["SK.1"]])
    assert book.stat().st_size > 1000
    _refused(book, "above the limit of 1000 bytes", "nothing was read")


def test_a_file_larger_than_it_claims_stops_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A device or a file growing while read: the read itself stops past the limit."""
    monkeypatch.setattr(tabular, "MAX_CSV_BYTES", 100)
    path = tmp_path / "rosnie.csv"
    path.write_bytes(b"a;b\n" + b"1;2\n" * 100)
    real_fstat = os.fstat

    def claims_nothing(fd: int) -> os.stat_result:
        found = list(real_fstat(fd))
        found[6] = 0  # st_size
        return os.stat_result(found)

    monkeypatch.setattr(os, "fstat", claims_nothing)
    _refused(path, "larger than the limit of 100 bytes", "split it")


# --- columns and cells -------------------------------------------------------------------------


def test_a_cell_over_the_limit_is_named_with_line_and_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tabular, "MAX_TABLE_CELL", 10)
    at = _csv(tmp_path / "opis.csv", ["Znak;Opis", "SK.1;" + "x" * 10])
    assert read_table(at).rows == [Row(2, ["SK.1", "x" * 10])]
    over = _csv(tmp_path / "opis.csv", ["Znak;Opis", "SK.1;krótki", 'SK.2;"ab\ncdefghij"'])
    _refused(
        over,
        "line 4, column 2: a value of 11 characters is longer than the limit of 10",
        "shorten it",
    )
    book = _xlsx(tmp_path / "opis.xlsx", [["Znak", "Opis"], ["SK.1", "y" * 11]])
    _refused(book, "row 2, column 2: a value of 11 characters is longer than the limit of 10")


# Issue 17: only rows spanning lines, or any row once a line longer than the limit has been
# read, have their cells measured; every piece size the reading may see must still find each
# long cell, in UTF-8 and in Windows-1250, at the line's start, middle or end, in a row of one
# line or of several, in the last line without its line end.
LONG_CELL_FILES = {
    "first row": (["Znak;Opis", "SK.1;" + "x" * 11, "SK.2;b"], "line 2, column 2"),
    "middle row": (["Znak;Opis", "SK.1;a", "SK.2;" + "ż" * 11, "SK.3;c"], "line 3, column 2"),
    "first column": (["Znak;Opis", "SK.1;a", "x" * 11 + ";b"], "line 3, column 1"),
    "last row, no line end": (["Znak;Opis", "SK.1;a", "SK.2;" + "y" * 11], "line 3, column 2"),
    "across lines": (["Znak;Opis", "SK.1;a", 'SK.2;"abcde\nfghij"'], "line 4, column 2"),
    "across short lines": (["Znak;Opis", "SK.1;a", '"abcde\nfghij";b'], "line 4, column 1"),
    "across three lines": (["Znak;Opis", 'SK.1;"ab\ncd\nefghi"', "SK.2;b"], "line 4, column 2"),
}


@pytest.mark.parametrize("piece", [1, 2, 3, 5, 8, 13, 64, 1024 * 1024])
@pytest.mark.parametrize("encoding", ["utf-8", "cp1250"])
@pytest.mark.parametrize("case", sorted(LONG_CELL_FILES))
def test_every_long_cell_is_found_whatever_the_pieces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, piece: int, encoding: str, case: str
) -> None:
    monkeypatch.setattr(tabular, "MAX_TABLE_CELL", 10)
    monkeypatch.setattr(tabular, "CHUNK_BYTES", piece)
    lines, where = LONG_CELL_FILES[case]
    path = tmp_path / "opis.csv"
    text = "\r\n".join(lines) + ("" if case.endswith("no line end") else "\r\n")
    path.write_bytes(text.encode(encoding))
    _refused(path, f"{where}: a value of 11 characters is longer than the limit of 10")
    # the same file with that cell one character shorter is read whole
    short = text.replace("x" * 11, "x" * 10).replace("ż" * 11, "ż" * 10)
    short = short.replace("y" * 11, "y" * 10).replace("fghij", "fghi").replace("efghi", "efgh")
    path.write_bytes(short.encode(encoding))
    assert len(read_table(path).rows) == len(lines) - 1


def test_a_row_wider_than_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tabular, "MAX_TABLE_COLUMNS", 5)
    assert read_table(_csv(tmp_path / "a.csv", ["a;b;c;d;e", "1;2;3;4;5"])).header[-1] == "e"
    _refused(
        _csv(tmp_path / "b.csv", ["a;b", "1;2;3;4;5;6"]),
        "line 2 has 6 columns, more than the limit of 5",
    )
    sheet = '<row r="1"><c r="A1"><v>1</v></c><c r="F1"><v>2</v></c></row>'
    _refused(_with_sheet(tmp_path / "c.xlsx", sheet), "row 1 reaches column 6, beyond the limit")


def test_rows_are_as_wide_as_their_cells_not_as_the_dimension_claims(tmp_path: Path) -> None:
    """<dimension ref="A1:XFD3"/> would make openpyxl give 16,384 cells a row."""
    sheet = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Znak</t></is></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>SK.1</t></is></c></row>'
    )
    path = _with_sheet(tmp_path / "wymiar.xlsx", sheet, '<dimension ref="A1:XFD3"/>')
    table = read_table(path)
    assert (table.header, table.rows) == (["Znak"], [Row(3, ["SK.1"])])


# --- zip -------------------------------------------------------------------------------------


def test_a_workbook_whose_directory_claims_gigabytes_is_refused_unzipped(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "bomba.xlsx", [["Znak"], ["SK.1"]])
    data = bytearray(path.read_bytes())
    entry = data.find(b"PK\x01\x02")  # the central directory's entries: the size at +24
    while entry >= 0:
        struct.pack_into("<L", data, entry + 24, 0xF000_0000)
        entry = data.find(b"PK\x01\x02", entry + 4)
    path.write_bytes(bytes(data))
    _refused(path, "the workbook unzips to", "above the limit of 2048 MB")


def test_a_workbook_of_many_parts_is_refused_before_they_are_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """zipfile makes an object of each part its directory lists: a small file could list
    millions. The directory's size is read from the end record first."""
    monkeypatch.setattr(tabular, "MAX_ZIP_DIRECTORY", 64 * 1024)
    path = _xlsx(tmp_path / "czesci.xlsx", [["Znak"], ["SK.1"]])
    assert len(read_table(path).rows) == 1
    with zipfile.ZipFile(path, "a") as archive:
        for n in range(1500):
            archive.writestr(f"xl/media/obraz{n:05}.bin", b"")
    _refused(path, "the workbook's list of parts is", "above the limit of 64 KB")


def test_a_damaged_workbook_is_still_named_as_damaged(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "zepsuty.xlsx", [["Znak"], ["SK.1"]])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValidationFailed, match=r"zepsuty.xlsx: not a readable XLSX workbook"):
        read_table(path)


# --- encoding from a sample -------------------------------------------------------------------


def test_the_encoding_is_told_from_a_sample_not_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    real = tabular.from_bytes

    def recording(data: bytes, **kwargs: Any) -> Any:
        seen.append(len(data))
        return real(data, **kwargs)

    monkeypatch.setattr(tabular, "from_bytes", recording)
    row = "SK.{};Skarga na opieszałość – źle;03.11.2025;Łucja Żółćńska"
    path = _csv(
        tmp_path / "duzy.csv",
        ["Znak;Tytuł;Data;Prowadzący", *map(row.format, range(50_000))],
        "cp1250",
    )
    assert path.stat().st_size > 4 * tabular.SAMPLE_BYTES
    table = read_table(path)
    assert (table.encoding, table.rows[-1].cells[3]) == ("cp1250", "Łucja Żółćńska")
    assert seen and max(seen) <= tabular.SAMPLE_BYTES


def test_polish_letters_after_an_ascii_sample(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sample was plain ASCII (UTF-8 as much as Windows-1250): the first letter that is not
    UTF-8 makes the reader look again, at the text around it, and read the file anew."""
    monkeypatch.setattr(tabular, "SAMPLE_BYTES", 64)
    lines = ["Znak;Uwagi", *(f"SK.{n};bez uwag" for n in range(20)), "SK.99;Zażółć gęślą jaźń"]
    cp = read_table(_csv(tmp_path / "cp.csv", lines, "cp1250"))
    assert (cp.encoding, cp.rows[-1]) == ("cp1250", Row(22, ["SK.99", "Zażółć gęślą jaźń"]))
    utf = read_table(_csv(tmp_path / "utf.csv", lines, "utf-8"))
    assert (utf.encoding, utf.rows[-1].cells[1]) == ("utf-8", "Zażółć gęślą jaźń")
    with pytest.raises(ValidationFailed, match="not in the utf-8 encoding"):
        read_table(tmp_path / "cp.csv", "utf-8")


def test_a_nul_byte_after_the_sample_is_named_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tabular, "SAMPLE_BYTES", 64)
    monkeypatch.setattr(tabular, "CHUNK_BYTES", 128)
    lines = ["Znak;Uwagi", *(f"SK.{n};bez uwag" for n in range(40)), "SK.99;a\x00b", "SK.100;c"]
    with pytest.raises(ValidationFailed) as caught:
        read_table(_csv(tmp_path / "nul.csv", lines))
    assert caught.value.fields == {"file": "nul.csv", "line": 42}


def _as_zip64(data: bytes, directory: int | None = None) -> bytes:
    """The same zip with a ZIP64 end record (as a writer of large files leaves it), the old
    end record's fields full; `directory` is the directory size the ZIP64 record claims."""
    at = data.rfind(b"PK\x05\x06")
    entries, size, offset = struct.unpack_from("<2HLL", data, at + 8)[1:]
    record = struct.pack(
        "<4sQ2H2L4Q",
        b"PK\x06\x06",
        44,
        45,
        45,
        0,
        0,
        entries,
        entries,
        size if directory is None else directory,
        offset,
    )
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, at, 1)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFF_FFFF, 0xFFFF_FFFF, 0)
    return data[:at] + record + locator + end


def test_a_zip64_workbook_is_read_and_its_directory_claim_checked(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "zip64.xlsx", [["Znak"], ["SK.1"]])
    data = path.read_bytes()
    path.write_bytes(_as_zip64(data))
    assert read_table(path).rows == [Row(2, ["SK.1"])]
    path.write_bytes(_as_zip64(data, directory=2 * 1024 * 1024))
    _refused(path, "the workbook's list of parts is 2 MB, above the limit of 1 MB")
