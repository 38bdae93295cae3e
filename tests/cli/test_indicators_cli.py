"""`auditdesk indicators import|report|overdue` on a demo database."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from auditdesk.cli import main
from dates import TEST_DATES


@pytest.fixture
def demo_db(db_path: Path, copy_demo: Callable[[Path], Path]) -> str:
    """The demo office for the test's day (built once per session, tests/conftest.py)."""
    return str(copy_demo(db_path))


@pytest.mark.parametrize("today", TEST_DATES, ids=str)
def test_import_then_again_then_broken(
    demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], today: date
) -> None:
    day = (date.today() - timedelta(days=3)).strftime("%d.%m.%Y")
    path = tmp_path / "rejestr.csv"
    path.write_bytes(
        (
            "Nr rejestru;Data wpływu;Jednostka;Treść\n"
            f"SKG/77/1;{day};BOK;Skarga na obsługę\n"
            f"SKG/77/2;{day};USC;Skarga na termin ślubu\n"
        ).encode("cp1250")
    )
    assert main(["--db", demo_db, "indicators", "import", str(path)]) == 0
    assert "2 row(s) read (cp1250), 2 added, 0 already" in capsys.readouterr().out
    assert main(["--db", demo_db, "indicators", "import", str(path)]) == 0
    assert "0 added, 2 already in the register" in capsys.readouterr().out

    broken = tmp_path / "zly.csv"
    broken.write_text("Znak,Data,Komórka\nA/1,wczoraj,BOK\n", encoding="utf-8")
    mapping = "Znak=reference,Data=received_on,Komórka=unit"
    assert main(["--db", demo_db, "indicators", "import", str(broken), "--mapping", mapping]) == 1
    err = capsys.readouterr().err
    assert "1 value(s) in 1 row(s) could not be read; nothing was imported" in err
    assert "line 2, Data: 'wczoraj': not a date" in err
    # a refused import changes nothing, its mapping included (issue 11): without --mapping the
    # corrected file is still not mapped; with it, it imports and the mapping is remembered
    broken.write_text("Znak,Data,Komórka\nA/1,2025-01-02,BOK\n", encoding="utf-8")
    assert main(["--db", demo_db, "indicators", "import", str(broken)]) == 1
    assert "no column is mapped to" in capsys.readouterr().err
    assert main(["--db", demo_db, "indicators", "import", str(broken), "--mapping", mapping]) == 0
    assert "1 added" in capsys.readouterr().out
    again = tmp_path / "nowy.csv"
    again.write_text("Znak,Data,Komórka\nA/2,2025-01-03,BOK\n", encoding="utf-8")
    assert main(["--db", demo_db, "indicators", "import", str(again)]) == 0
    assert "1 added" in capsys.readouterr().out


@pytest.mark.parametrize("today", TEST_DATES, ids=str)
def test_report_and_overdue(demo_db: str, capsys: pytest.CaptureFixture[str], today: date) -> None:
    assert main(["--db", demo_db, "indicators", "report", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sum(int(r["received"]) for r in rows) >= 40
    assert {r["kind"] for r in rows} >= {"complaint", "praise"}
    assert main(["--db", demo_db, "indicators", "report", "--unit", "wks"]) == 0
    text = capsys.readouterr().out
    assert "settled on time:" in text and "95% CI" in text
    assert all(line.split()[1] == "WKS" for line in text.splitlines()[1:] if line[:2] == "20")
    assert main(["--db", demo_db, "indicators", "report", "--unit", "NOPE"]) == 1
    assert "no such unit" in capsys.readouterr().err
    start = date.today().replace(day=1).isoformat()
    assert main(["--db", demo_db, "indicators", "report", "--from", start, "--format", "csv"]) == 0
    months = {r["month"] for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert months <= {start[:7]}
    assert main(["--db", demo_db, "indicators", "overdue"]) == 0
    assert "day(s) overdue" in capsys.readouterr().out
