"""Hostile registers (issue 11): the reader of monitoring imports (reports.tabular.read_table)
must refuse, naming the file and the limit, a file with a huge row count or a huge size, in
bounded time and memory. Each case runs in a child process held to 1.5 GB of memory and 30 s,
so that a reader without bounds fails the test instead of the machine.

The bounds are those of domain/limits.py: MAX_TABLE_ROWS rows besides the header (the files
here have more, and are refused quickly because the reading stops at the limit), MAX_CSV_BYTES
and MAX_WORKBOOK_BYTES checked before reading, a cell of at most MAX_TABLE_CELL characters."""

from __future__ import annotations

import resource
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from auditdesk.domain.limits import MAX_TABLE_CELL, MAX_TABLE_ROWS

MEMORY = 1536 * 1024 * 1024
SECONDS = 30

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from auditdesk.domain.errors import AuditDeskError
    from auditdesk.reports.tabular import read_table
    try:
        table = read_table(Path(sys.argv[1]))
    except AuditDeskError as exc:
        print("REFUSED", exc)
    else:
        print("READ", len(table.rows))
    """
)


def _limit_child() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def read_in_child(path: Path) -> str:
    """What read_table said of `path` ("REFUSED …" / "READ n"), read in a bounded child."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)],
            capture_output=True,
            text=True,
            timeout=SECONDS,
            preexec_fn=_limit_child,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"read_table still reading {path.name} after {SECONDS} s")
    assert "Traceback" not in done.stderr, done.stderr[-2000:]
    return done.stdout.strip()


def _refused_naming(path: Path, said: str) -> None:
    assert said.startswith("REFUSED"), said[:300]
    assert path.name in said and "limit" in said, said[:300]


def test_csv_with_more_rows_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "rejestr.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("znak;data\n")
        handle.writelines("1;2\n" for _ in range(MAX_TABLE_ROWS + 100_000))
    said = read_in_child(path)
    _refused_naming(path, said)
    assert f"more rows than the limit of {MAX_TABLE_ROWS:,}" in said and "split" in said, said


def test_csv_of_three_gigabytes_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "rejestr.csv"
    with path.open("wb") as handle:  # sparse: 3 GB claimed, nothing on the disk
        handle.truncate(3 * 1024**3)
    _refused_naming(path, read_in_child(path))


def _xlsx_with_rows(path: Path, rows: int) -> None:
    """A minimal workbook whose one sheet has `rows` rows (a few MB zipped)."""
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        "<sheetData>"
        + "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(1, rows + 1))
        + "</sheetData></worksheet>"
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    ct = "http://schemas.openxmlformats.org/package/2006/content-types"
    ooxml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            f'<?xml version="1.0"?><Types xmlns="{ct}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ooxml}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" '
            f'ContentType="{ooxml}.worksheet+xml"/></Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'<?xml version="1.0"?><Relationships xmlns="{pkg}"><Relationship Id="rId1" '
            f'Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="Arkusz1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0"?><Relationships xmlns="{pkg}"><Relationship Id="rId1" '
            f'Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        )
        z.writestr("xl/worksheets/sheet1.xml", sheet)


def test_the_handmade_workbook_is_a_workbook(tmp_path: Path) -> None:
    """The xfail below is about its size: the same workbook with three rows reads."""
    path = tmp_path / "rejestr.xlsx"
    _xlsx_with_rows(path, 3)
    assert read_in_child(path) == "READ 2"  # a header and two rows


@pytest.mark.slow  # ~10 s: writing the workbook takes most of it
def test_xlsx_with_more_rows_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "rejestr.xlsx"
    _xlsx_with_rows(path, MAX_TABLE_ROWS + 100_000)
    said = read_in_child(path)
    _refused_naming(path, said)
    assert f"more rows than the limit of {MAX_TABLE_ROWS:,}" in said, said


def test_csv_with_a_50_mb_cell_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "rejestr.csv"
    path.write_text("znak;opis\n1;" + "x" * (50 * 1024 * 1024) + "\n", encoding="utf-8")
    said = read_in_child(path)
    _refused_naming(path, said)
    assert (
        f"line 2, column 2: a value of {50 * 1024 * 1024:,} characters is longer than the "
        f"limit of {MAX_TABLE_CELL:,}" in said
    ), said[:300]
