"""The one reader of imported registers: CSV in UTF-8 (with or without BOM) or Windows-1250 with
`;`, `,` or tab, XLSX with date cells, line numbers as a person finds them, and a message naming
the file for an empty, binary, UTF-16, undecodable, damaged or missing one. The shared dates."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from auditdesk.domain.errors import ValidationFailed
from auditdesk.reports.tabular import NotADate, Row, parse_date, read_table

HEADER = "Znak;Tytuł;Data wpływu;Prowadzący"
LINES = [
    "SK.1.2025;Skarga na opieszałość – źle;03.11.2025;Łucja Żółćńska",
    "SK.2.2025;Wniosek o ścieżkę;2025-11-04;Paweł Kozłowski",
]
CELLS = [
    ["SK.1.2025", "Skarga na opieszałość – źle", "03.11.2025", "Łucja Żółćńska"],
    ["SK.2.2025", "Wniosek o ścieżkę", "2025-11-04", "Paweł Kozłowski"],
]


def write(path: Path, lines: list[str], encoding: str, newline: str = "\r\n") -> Path:
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


@pytest.mark.parametrize(
    ("encoding", "read_as"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8"), ("cp1250", "cp1250")],
)
def test_csv_in_every_office_encoding(tmp_path: Path, encoding: str, read_as: str) -> None:
    path = write(tmp_path / "rejestr.csv", [HEADER, *LINES], encoding)
    table = read_table(path)
    assert (table.file, table.encoding, table.delimiter) == ("rejestr.csv", read_as, ";")
    assert table.header == ["Znak", "Tytuł", "Data wpływu", "Prowadzący"]  # no BOM in "Znak"
    assert table.rows == [Row(2, CELLS[0]), Row(3, CELLS[1])]
    assert table.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_comma_and_tab_quoted_cells_blank_lines_and_trimming(tmp_path: Path) -> None:
    lines = [
        "",
        " Znak , Tytuł ,Data,,",  # the empty trailing header cells are dropped
        'SK.1.2025,"Skarga, długa\nna dwie linie", 03.11.2025 ',
        ",,,",  # empty: left out, the line still counted
        "SK.2.2025,Krótka,04.11.2025",
    ]
    table = read_table(write(tmp_path / "a.csv", lines, "utf-8", "\n"))
    assert (table.delimiter, table.header) == (",", ["Znak", "Tytuł", "Data"])
    # a row's line is where it ends in the file: the quoted cell spans lines 3 and 4
    assert table.rows == [
        Row(4, ["SK.1.2025", "Skarga, długa\nna dwie linie", "03.11.2025"]),
        Row(6, ["SK.2.2025", "Krótka", "04.11.2025"]),
    ]
    tabbed = read_table(write(tmp_path / "b.csv", ["a\tb", "1\t2"], "utf-8"))
    assert (tabbed.delimiter, tabbed.header, tabbed.rows) == (
        "\t",
        ["a", "b"],
        [Row(2, ["1", "2"])],
    )


def test_a_single_column_and_a_header_only_file(tmp_path: Path) -> None:
    table = read_table(write(tmp_path / "a.csv", ["Znak", "SK.1", "SK.2"], "utf-8"))
    assert (table.header, [r.cells for r in table.rows]) == (["Znak"], [["SK.1"], ["SK.2"]])
    assert read_table(write(tmp_path / "b.csv", [HEADER], "utf-8")).rows == []


def test_every_polish_letter_in_windows_1250(tmp_path: Path) -> None:
    # Ą ą Ś ś Ź ź are where ISO-8859-2 has other letters; „ ” – only Windows-1250 has
    letters = "Zażółć gęślą jaźń. Śląsk, Źródło, Ąb – „cytat”"
    table = read_table(write(tmp_path / "a.csv", ["Nr;Uwagi", f"1;{letters}"], "cp1250"))
    assert (table.encoding, table.rows[0].cells) == ("cp1250", ["1", letters])


def test_xlsx_with_date_cells(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([])  # a title row left empty: the header is on row 2, the rows keep their number
    sheet.append(["Znak", " Data wpływu ", "Godzina", "Liczba", "Ocena", None, None])
    sheet.append(["SK.1", date(2025, 11, 3), datetime(2025, 11, 3, 10, 30), 5, 4.0, None])
    sheet.append([None, None, None])
    sheet.append(["SK.2", datetime(2025, 11, 4), "03.11.2025", 2.5, " tak ", None])
    path = tmp_path / "rejestr.xlsx"
    book.save(path)
    table = read_table(path)
    assert (table.file, table.encoding, table.delimiter) == ("rejestr.xlsx", "xlsx", "")
    assert table.header == ["Znak", "Data wpływu", "Godzina", "Liczba", "Ocena"]
    assert [r.line for r in table.rows] == [3, 5]
    assert table.rows[0].cells[:5] == ["SK.1", "2025-11-03", "2025-11-03 10:30:00", "5", "4"]
    assert table.rows[1].cells[:5] == ["SK.2", "2025-11-04", "03.11.2025", "2.5", "tak"]
    assert [parse_date(r.cells[1]) for r in table.rows] == [date(2025, 11, 3), date(2025, 11, 4)]
    assert parse_date(table.rows[0].cells[2]) == date(2025, 11, 3)


def test_a_workbook_under_a_csv_name_is_read_as_one(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Znak"])
    sheet.append(["SK.1"])
    path = tmp_path / "eksport.csv"
    book.save(path)
    assert read_table(path).encoding == "xlsx"


@pytest.mark.parametrize(
    "content", [b"", b"\r\n\r\n", b";;;\r\n ; \r\n", "\ufeff".encode()], ids=repr
)
def test_an_empty_file_is_named(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "pusty.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationFailed, match=r"^pusty\.csv: the file is empty$"):
        read_table(path)


def test_an_empty_workbook_is_named(tmp_path: Path) -> None:
    path = tmp_path / "pusty.xlsx"
    Workbook().save(path)
    with pytest.raises(ValidationFailed, match=r"pusty.xlsx: the file is empty"):
        read_table(path)


def test_a_binary_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "zdjęcie.csv"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(ValidationFailed) as caught:
        read_table(path)
    assert str(caught.value) == (
        "zdjęcie.csv: line 1 contains a NUL byte (a zero byte, which no CSV export holds): the "
        "file is probably not a text export; save it as CSV UTF-8 or XLSX"
    )
    assert caught.value.fields == {"file": "zdjęcie.csv", "line": 1}


@pytest.mark.parametrize(
    ("written", "given"),
    [("utf-8", "auto"), ("utf-8", "utf-8"), ("cp1250", "auto"), ("cp1250", "cp1250")],
)
def test_a_nul_byte_is_named_with_its_line_not_as_an_encoding(
    tmp_path: Path, written: str, given: str
) -> None:
    path = write(tmp_path / "spis.csv", [HEADER, *LINES, "X;1\x00;2", "Y;3;4"], written)
    with pytest.raises(ValidationFailed) as caught:
        read_table(path, given)
    assert caught.value.fields == {"file": "spis.csv", "line": len(LINES) + 2}
    assert "contains a NUL byte" in str(caught.value) and "encoding" not in str(caught.value)


def test_utf16_text_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "unicode.csv", [HEADER, *LINES], "utf-16")
    with pytest.raises(ValidationFailed, match=r"unicode.csv: not a text file in UTF-8 or Windows"):
        read_table(path)


def test_undecodable_text_is_named(tmp_path: Path) -> None:
    # not UTF-8, and no Polish code page makes sense of it
    path = tmp_path / "zly.csv"
    path.write_bytes(b"a;b\r\n" + bytes(range(0x80, 0x100)) * 4 + b"\r\n")
    with pytest.raises(ValidationFailed, match=r"zly.csv: the text encoding cannot be recognised"):
        read_table(path)


def test_an_encoding_given_must_fit(tmp_path: Path) -> None:
    path = write(tmp_path / "spis.csv", [HEADER, *LINES], "cp1250")
    with pytest.raises(ValidationFailed, match=r"spis.csv: the text is not in the utf-8 encoding"):
        read_table(path, "utf-8")
    with pytest.raises(ValidationFailed, match="not in the klingon encoding"):
        read_table(path, "klingon")
    assert read_table(path, "windows-1250").rows[0].cells == CELLS[0]
    bom = write(tmp_path / "bom.csv", [HEADER, *LINES], "utf-8-sig")
    assert read_table(bom, "utf-8").header[0] == "Znak"


def test_a_damaged_workbook_and_a_missing_file_are_named(tmp_path: Path) -> None:
    damaged = tmp_path / "rejestr.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ValidationFailed, match=r"rejestr.xlsx: not a readable XLSX workbook \("):
        read_table(damaged)
    missing = tmp_path / "brak.csv"
    with pytest.raises(ValidationFailed, match=r"brak.csv: cannot be read .*; check the path"):
        read_table(missing)
    with pytest.raises(ValidationFailed, match="cannot be read"):
        read_table(tmp_path)  # a folder


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("05.03.2025", date(2025, 3, 5)),
        ("5.3.2025", date(2025, 3, 5)),
        (" 2025-03-05 ", date(2025, 3, 5)),
        ("2025-3-5", date(2025, 3, 5)),
        ("2025-03-05 10:30:00", date(2025, 3, 5)),
        ("2025-03-05T10:30:00", date(2025, 3, 5)),
        ("05-03-2025", date(2025, 3, 5)),
        ("05/03/2025", date(2025, 3, 5)),
        ("", None),
        ("   ", None),
    ],
)
def test_dates_in_every_accepted_form(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31.02.2025", "2025-13-01", "3 marca", "jutro", "05.03.25"])
def test_a_text_that_is_not_a_date(text: str) -> None:
    with pytest.raises(NotADate) as caught:
        parse_date(text)
    assert isinstance(caught.value, ValidationFailed) and isinstance(caught.value, ValueError)
    assert str(caught.value) == f"{text!r} is not a date (dd.mm.yyyy or YYYY-MM-DD)"
    assert caught.value.template == "{value!r} is not a date (dd.mm.yyyy or YYYY-MM-DD)"
