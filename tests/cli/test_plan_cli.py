"""`auditdesk plan create|show|export|import` on the demo office (issue 18): HR plans a quarter,
shows it, exports the sheet and an auditor's PDF and imports the sheet back; an auditor sees
their own visits only; a supervisor is refused every plan command."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from auditdesk.cli import main
from auditdesk.services.admin.users import demo_password
from protocol_helpers import pdftotext

DAY = date(2026, 12, 4)
pytestmark = pytest.mark.parametrize("today", [DAY], ids=str)


@pytest.fixture
def demo_db(tmp_path: Path, copy_demo: Callable[[Path], Path]) -> Path:
    return copy_demo(tmp_path / "demo.sqlite")


def sign_in(monkeypatch: pytest.MonkeyPatch, db: Path, login: str) -> list[str]:
    monkeypatch.setenv("AUDITDESK_PASSWORD", demo_password(login))
    return ["--lang", "en", "--db", str(db), "--user", login]


CREATE = [
    "plan",
    "create",
    "--name",
    "TK I kw. 2027",
    "--from",
    "01.01.2027",
    "--to",
    "31.03.2027",
    "--margin",
    "30",
    "--channel",
    "visit=2",
    "--channel",
    "phone",
    "--unit",
    "BOK=mon 08:00-17:00; tue-fri 08:00-15:30",
    "--unit",
    "USC",
    "--scenario",
    "DO:visit:Wymiana dowodu osobistego",
    "--scenario",
    "TEL:phone:Godziny pracy urzędu",
]


def test_hr_plans_shows_exports_and_imports(
    demo_db: Path,
    today: date,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hr = sign_in(monkeypatch, demo_db, "kadry")
    capsys.readouterr()
    assert main([*hr, "plan", "exclude", "audytor2", "BOK", "--note", "pracował w BOK"]) == 0
    assert "audytor2 may not audit: BOK" in capsys.readouterr().out
    assert main([*hr, "plan", "exclude", "audytor2", "NOPE"]) == 1
    assert main([*hr, *CREATE]) == 0
    shown = capsys.readouterr().out
    assert "programme #1: TK I kw. 2027" in shown
    planned = int(shown.split("TK I kw. 2027, ")[1].split(" visits planned")[0])
    assert planned >= 4  # two units, two channels
    assert "BOK" in shown and "USC" in shown and "WKS" not in shown
    assert main([*hr, "plan", "show"]) == 0
    assert "TK I kw. 2027" in capsys.readouterr().out
    polish = ["--lang", "pl", *hr[2:]]
    assert main([*polish, "plan", "show", "1"]) == 0
    shown_pl = capsys.readouterr().out
    assert "komórka" in shown_pl and "dokładność" in shown_pl and "(etap: assigned)" in shown_pl
    assert main([*hr, "plan", "show", "1", "--visits"]) == 0
    listing = capsys.readouterr().out
    assert "precision" in listing
    assert sum(1 for line in listing.splitlines() if line.startswith("#")) == planned
    sheet = tmp_path / "plan.xlsx"
    assert main([*hr, "plan", "export", "1", "--out", str(sheet)]) == 0
    assert sheet.exists()
    assert main([*hr, "plan", "import", "1", str(sheet)]) == 0
    assert "0 visits added" in capsys.readouterr().out
    assert main([*hr, "plan", "show", "1", "--visits"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("#")]
    assert not any(" BOK " in r and "Tajemniczy klient 2" in r for r in rows)  # barred
    pdf = tmp_path / "audytor1.pdf"
    assert main([*hr, "plan", "export", "1", "--out", str(pdf), "--auditor", "audytor1"]) == 0
    assert "Harmonogram wizyt" in pdftotext(pdf)


def test_auditor_sees_own_visits_and_supervisor_nothing(
    demo_db: Path,
    today: date,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main([*sign_in(monkeypatch, demo_db, "kadry"), *CREATE]) == 0
    capsys.readouterr()
    auditor = sign_in(monkeypatch, demo_db, "audytor1")
    assert main([*auditor, "plan", "show", "1"]) == 0
    own = capsys.readouterr().out
    assert own.strip()
    assert "Tajemniczy klient 2" not in own  # the other auditor's visits are not listed
    assert main([*auditor, "plan", "export", "1", "--out", str(tmp_path / "me.pdf")]) == 0
    assert main([*auditor, "plan", "export", "1", "--out", str(tmp_path / "p.xlsx")]) == 1
    capsys.readouterr()
    boss = sign_in(monkeypatch, demo_db, "kierownik.bok")
    for command in (
        ["plan", "show"],
        ["plan", "show", "1"],
        ["plan", "export", "1", "--out", str(tmp_path / "b.xlsx")],
        ["plan", "export", "1", "--out", str(tmp_path / "b.pdf"), "--auditor", "audytor1"],
        ["plan", "import", "1", str(tmp_path / "b.xlsx")],
        CREATE,
    ):
        assert main([*boss, *command]) == 1, command
        err = capsys.readouterr()
        assert "may not" in err.err and err.out == ""
    assert not (tmp_path / "b.xlsx").exists() and not (tmp_path / "b.pdf").exists()
