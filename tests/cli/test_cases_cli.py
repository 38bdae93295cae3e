"""`auditdesk cases import|report|overdue` on a temporary database."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditdesk.cli import main

HEADER = "Znak sprawy;Tytuł;Data wszczęcia;Data zakończenia;Kategoria;Termin;Prowadzący"
ROWS = [
    "WKS.5430.1.2025;Rejestracja pojazdu;03.03.2025;04.03.2025;bez zwłoki;;Łucja Wiśniewska",
    "WKS.5430.2.2025;Wyrejestrowanie;2025-03-03;2025-04-08;1 miesiąc;;Paweł Kozłowski",
    "WPN.3120.3.2025;Ulga w podatku;03.03.2025;;2 miesiące;;Grzegorz Szymański",
]


def test_import_report_overdue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "c.sqlite")
    path = tmp_path / "spis.csv"
    path.write_bytes(("\n".join([HEADER, *ROWS]) + "\n").encode("cp1250"))
    assert main(["--db", db, "cases", "import", str(path), "--mapping", "auto"]) == 0
    assert "3 case(s): 3 new, 0 updated" in capsys.readouterr().out
    assert main(["--db", db, "cases", "import", str(path)]) == 0
    assert "imported before; nothing changed" in capsys.readouterr().out
    report = ["cases", "report", "--format", "csv", "--unit", "WKS", "--dialect", "pl"]
    assert main(["--db", db, *report]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("unit;month;jrwa;settled;on_time;late;on_time_pct")
    assert lines[1].startswith("WKS;2025-03;;1;1;0;100,0")  # a decimal comma (issue 15)
    assert lines[2].startswith("WKS;2025-04;;1;0;1;0,0")
    assert main(["--db", db, "cases", "report", "--from", "01.04.2025", "--to", "2025-04-30"]) == 0
    table = capsys.readouterr().out
    assert "2025-04" in table and "2025-03" not in table
    assert "first working day after it started" in table  # the "without delay" rule is shown
    assert main(["--db", db, "cases", "overdue", "--as-of", "2025-06-10"]) == 0
    shown = capsys.readouterr().out
    assert "WPN.3120.3.2025" in shown and "1 open case(s) past their due date" in shown


def test_a_broken_row_fails_naming_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "c.sqlite")
    path = tmp_path / "spis.csv"
    path.write_text("\n".join([HEADER, ROWS[0], "X.1.1.2025;T;2025-13-01;;;;"]) + "\n", "utf-8")
    assert main(["--db", db, "cases", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "line 3, Data wszczęcia: '2025-13-01': not a date" in err
    assert main(["--db", db, "cases", "report"]) == 0
    assert "WKS" not in capsys.readouterr().out  # nothing was imported
    assert main(["--db", db, "cases", "import", str(path), "--mapping", "missing"]) == 1
    assert "no column mapping named 'missing'" in capsys.readouterr().err
