"""`auditdesk appraisals due|export` on the demo office."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from auditdesk.cli import main
from auditdesk.domain.periods import add_months
from dates import TEST_DATES


@pytest.fixture
def demo_db(tmp_path: Path, copy_demo: Callable[[Path], Path]) -> Path:
    """The demo office for the test's day (built once per session, tests/conftest.py)."""
    return copy_demo(tmp_path / "demo.sqlite")


@pytest.mark.parametrize("today", TEST_DATES, ids=str)
def test_due_table_and_csv(demo_db: Path, capsys: pytest.CaptureFixture[str], today: date) -> None:
    capsys.readouterr()
    assert main(["--db", str(demo_db), "appraisals", "due", "--within", "60"]) == 0
    text = capsys.readouterr().out
    assert "overdue" in text and "Civil Code art. 112" in text
    assert "employee(s) due within 60 days or overdue" in text

    assert date.today() == today
    assert (
        main(["--db", str(demo_db), "appraisals", "due", "--within", "200", "--format", "csv"]) == 0
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and {"due", "employee", "reason", "status", "rule"} <= set(rows[0])
    dues = [date.fromisoformat(r["due"]) for r in rows]
    assert dues == sorted(dues) and max(dues).toordinal() - today.toordinal() <= 200
    follow = [r for r in rows if r["reason"].startswith("follow-up")]
    assert len(follow) == 1  # the demo's negative result, read four months ago
    assert date.fromisoformat(follow[0]["due"]) >= add_months(today, 2)
    assert (
        main(["--db", str(demo_db), "appraisals", "due", "--within", "0", "--format", "csv"]) == 0
    )
    narrow = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert all(date.fromisoformat(r["due"]) <= today for r in narrow)
    assert len(narrow) < len(rows)


def test_due_rejects_negative_days(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo_db), "appraisals", "due", "--within", "-5"]) == 1
    assert "--within" in capsys.readouterr().err


def test_export_formats(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "oceny.json"
    assert (
        main(["--db", str(demo_db), "appraisals", "export", "--format", "json", "--out", str(out)])
        == 0
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data) >= 40 and all(r["record_number"].startswith("OC/") for r in data)
    assert sum(1 for r in data if r["objection_filed_on"]) == 1
    assert any(r["positive"] is False for r in data)
    assert f"Exported {len(data)} appraisal(s)" in capsys.readouterr().out
    xlsx = tmp_path / "oceny.xlsx"
    assert (
        main(["--db", str(demo_db), "appraisals", "export", "--format", "xlsx", "--out", str(xlsx)])
        == 0
    )
    ws = load_workbook(xlsx)["Oceny"]
    # row 1 human names, row 2 machine names, data from row 3 (docs/exports.md)
    assert ws.max_row == len(data) + 2 and ws["A2"].value == "record_number"
    csv_out = tmp_path / "oceny.csv"
    assert (
        main(
            ["--db", str(demo_db), "appraisals", "export", "--format", "csv", "--out", str(csv_out)]
        )
        == 0
    )
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel opens UTF-8 with a BOM
    missing = tmp_path / "no" / "such" / "dir" / "x.json"
    assert (
        main(
            [
                "--db",
                str(demo_db),
                "appraisals",
                "export",
                "--format",
                "json",
                "--out",
                str(missing),
            ]
        )
        == 1
    )
    assert "cannot write" in capsys.readouterr().err
