"""`auditdesk surveys list|import|report`: importing a file once, refusing a broken one with
every problem named, and the results as a table or CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from auditdesk.cli import main
from auditdesk.services.context import Actor, AppContext
from auditdesk.services.monitoring import surveys as svc
from auditdesk.store.migrate import open_database
from demo_office import DemoTemplates


@pytest.fixture(scope="module")
def demo_db(demo_template: DemoTemplates, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_template.copy_to(tmp_path_factory.mktemp("surveys-cli") / "demo.sqlite")


def campaign(path: Path, title_part: str) -> svc.CampaignRow:
    db = open_database(str(path))
    try:
        rows = svc.list_campaigns(AppContext(db, Actor.system()))
    finally:
        db.dispose()
    return next(r for r in rows if title_part in r.title)


def test_list_shows_the_demo_campaigns(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(demo_db), "surveys", "list"]) == 0
    text = capsys.readouterr().out
    assert "Badanie satysfakcji klientów urzędu" in text and "360" in text
    assert "Ankieta w kiosku" in text and "BOK" in text


def test_import_then_again_then_broken(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kiosk = campaign(demo_db, "kiosku")
    day = kiosk.period_to.strftime("%d.%m.%Y")
    good = tmp_path / "kiosk.csv"
    good.write_bytes(
        (
            f"Numer;Kiedy;A;B;C;D\nK-1;{day};5;5;4;5\nK-2;{kiosk.period_to.isoformat()};2;3;2;2\n"
        ).encode("cp1250")
    )
    args = ["--db", str(demo_db), "surveys", "import", str(good), "--campaign", str(kiosk.id)]
    mapping = [
        "--mapping=Numer=@no",
        "--mapping=Kiedy=@date",
        "--mapping=A=wiedza",
        "--mapping=B=informacja",
        "--mapping=C=uprzejmosc",
        "--mapping=D=ogolna_ocena",
    ]
    assert main(args + mapping) == 0
    assert "2 imported, 0 already" in capsys.readouterr().out
    assert main(args) == 0  # mapping remembered by the header row
    assert "0 imported, 2 already" in capsys.readouterr().out
    broken = tmp_path / "broken.csv"
    broken.write_text(f"Numer;Kiedy;A;B;C;D\nK-3;{day};5;5;4;5\nK-4;{day};9;5;4;\n")
    code = main(
        ["--db", str(demo_db), "surveys", "import", str(broken), "--campaign", str(kiosk.id)]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "line 3, A: '9'" in err and "nothing was imported" in err
    assert campaign(demo_db, "kiosku").responses == kiosk.responses + 2


def test_report_table_and_csv(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office = campaign(demo_db, "urzędu")
    assert main(["--db", str(demo_db), "surveys", "report", "--campaign", str(office.id)]) == 0
    text = capsys.readouterr().out
    assert "360 response(s); satisfaction index" in text and "ogolna_ocena" in text
    assert (
        main(
            [
                "--db",
                str(demo_db),
                "surveys",
                "report",
                "--campaign",
                str(office.id),
                "--unit",
                "USC",
                "--format",
                "csv",
            ]
        )
        == 0
    )
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    overall = next(r for r in rows if r["question"] == "ogolna_ocena")
    assert 0 < int(overall["n"]) < 360
    assert float(overall["ci_low_%"]) <= float(overall["positive_%"]) <= float(overall["ci_high_%"])
    assert main(["--db", str(demo_db), "surveys", "report", "--campaign", "999"]) == 1
