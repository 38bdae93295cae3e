"""`--dialect pl|intl` on every command writing CSV and `--lang pl|en` for the command line's
messages and files (issue 15): the defaults follow the chosen language or the environment."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from auditdesk.cli import main
from auditdesk.cli.lang import DIALECTS, dialect_cell, environment_language
from auditdesk.domain.dialects import CSV_DIALECTS, check_dialect, default_dialect
from auditdesk.domain.errors import ValidationFailed
from auditdesk.reports.audit_export import human
from auditdesk.reports.index_files import IndexRow, csv_bytes

BOM = b"\xef\xbb\xbf"


@pytest.fixture
def demo_db(tmp_path: Path, copy_demo: Callable[[Path], Path]) -> Path:
    return copy_demo(tmp_path / "demo.sqlite")


@pytest.fixture(autouse=True)
def _c_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """No language in the environment unless a test sets one."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def test_the_environment_names_the_language() -> None:
    assert environment_language({"LANG": "pl_PL.UTF-8"}) == "pl"
    assert environment_language({"LANG": "en_GB.UTF-8"}) == "en"
    assert environment_language({"LC_ALL": "en_US.UTF-8", "LANG": "pl_PL.UTF-8"}) == "en"
    assert environment_language({"LC_MESSAGES": "pl_PL", "LANG": "en_US"}) == "pl"
    assert environment_language({"LANG": "C.UTF-8"}) is None
    assert environment_language({"LANG": "de_DE.UTF-8"}) is None
    assert environment_language({}) is None


def test_one_set_of_dialects() -> None:
    assert DIALECTS == CSV_DIALECTS == ("pl", "intl")
    assert default_dialect("pl") == "pl" and default_dialect("en") == "intl"
    with pytest.raises(ValidationFailed, match="use pl or intl"):
        check_dialect("excel")
    assert dialect_cell("12.5", "pl") == "12,5" and dialect_cell("2026-07-15", "pl") == "15.07.2026"
    assert (
        dialect_cell("12.5", "intl") == "12.5"
        and dialect_cell("TK/2026/1.2", "pl") == "TK/2026/1.2"
    )


def _export(db: Path, out: Path, *extra: str) -> str:
    code = main(
        [
            "--db",
            str(db),
            *extra[:2],
            "audits",
            "export",
            "--format",
            "csv",
            "--out",
            str(out),
            *extra[2:],
        ]
    )
    assert code == 0
    return out.read_bytes().decode("utf-8")


def test_audit_export_dialects_and_languages(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # no language anywhere: the office's Polish dialect, Polish headers, English messages
    polish = _export(demo_db, tmp_path / "pl.csv")
    assert polish.startswith("\ufeff") and polish.splitlines()[0].count(";") > 10
    assert re.search(r";\d+,\d;", polish) and "Wynik" in polish.splitlines()[0]
    assert "Exported " in capsys.readouterr().out
    # --dialect intl: commas, points, ISO dates, no BOM
    intl = _export(demo_db, tmp_path / "intl.csv", "--lang", "pl", "--dialect", "intl")
    rows = list(csv.reader(io.StringIO(intl)))
    assert not intl.startswith("\ufeff") and len(rows[0]) > 10
    assert any(re.fullmatch(r"\d+\.\d", c) for r in rows[1:] for c in r)
    assert any(re.match(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", c) for c in rows[1])
    assert "Wyeksportowano audyty" in capsys.readouterr().out  # --lang pl: Polish messages
    # --lang en: the international dialect and English headers by default
    english = _export(demo_db, tmp_path / "en.csv", "--lang", "en")
    assert not english.startswith("\ufeff")
    header = next(csv.reader(io.StringIO(english)))
    assert human("visited_at", "en") in header and human("visited_at", "pl") not in header


def test_appraisal_export_and_due_list(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "oceny.csv"
    args = ["--db", str(demo_db), "appraisals", "export", "--format", "csv", "--out", str(out)]
    assert main([*args, "--dialect", "intl"]) == 0
    assert not out.read_bytes().startswith(BOM)
    assert "," in out.read_text("utf-8").splitlines()[0]
    assert main([*args, "--dialect", "pl"]) == 0
    assert out.read_bytes().startswith(BOM) and ";" in out.read_text("utf-8-sig").splitlines()[0]
    capsys.readouterr()
    due = ["--db", str(demo_db), "appraisals", "due", "--within", "400", "--format", "csv"]
    assert main(due) == 0  # English messages: commas and ISO dates, as scripts read them
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and date.fromisoformat(rows[0]["due"])
    assert main(["--lang", "pl", *due]) == 0  # Polish: semicolons and 15.07.2026
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out), delimiter=";"))
    assert rows and re.fullmatch(r"\d{2}\.\d{2}\.\d{4}", rows[0]["due"])
    assert main([*due, "--dialect", "pl"]) == 0
    assert capsys.readouterr().out.startswith("due;employee;")


def test_messages_and_errors_follow_lang_and_the_environment(
    demo_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = ["--db", str(demo_db), "appraisals", "due", "--within", "-1"]
    assert main(bad) == 1
    assert (
        capsys.readouterr().err.strip() == "auditdesk: --within: give a number of days, 0 or more"
    )
    assert main(["--lang", "pl", *bad]) == 1
    assert capsys.readouterr().err.strip() == "auditdesk: --within: podaj liczbę dni, 0 lub więcej."
    monkeypatch.setenv("LANG", "pl_PL.UTF-8")
    assert main(bad) == 1
    assert "podaj liczbę dni" in capsys.readouterr().err
    assert main(["--lang", "en", *bad]) == 1
    assert "give a number of days" in capsys.readouterr().err
    ok = ["--db", str(demo_db), "appraisals", "due", "--within", "0"]
    assert main(ok) == 0
    assert "Pracownicy z oceną przypadającą w ciągu 0 dni lub zaległą" in capsys.readouterr().out


def test_protocol_index_in_both_dialects() -> None:
    row = IndexRow(
        "TK/2026/000001",
        "audit",
        "WKS",
        "Anna Nowak",
        date(2026, 7, 15),
        "87,5 %",
        "ab" * 32,
        "",
        "TK-2026-000001.pdf",
    )
    polish = csv_bytes([row])
    assert polish.startswith(BOM)
    assert "TK/2026/000001;" in polish.decode("utf-8-sig") and ";15.07.2026;" in polish.decode()
    intl = csv_bytes([row], "intl").decode("utf-8")
    assert not intl.startswith("\ufeff") and ",2026-07-15," in intl
    assert next(csv.reader(io.StringIO(intl)))[0] == "Numer"


def test_every_message_of_the_command_line_is_translated() -> None:
    import importlib.util
    import xml.etree.ElementTree as ET

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("i18n_tool", root / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    done = {
        m.findtext("source")
        for m in ET.parse(root / "resources" / "i18n" / "cli_pl.ts").iter("message")
        if (m.findtext("translation") or "").strip()
        and m.find("translation").get("type") != "unfinished"  # type: ignore[union-attr]
    }
    messages = tool.cli_messages()
    assert "Exported {audits} audit(s) to {path}" in messages
    assert set(messages) <= done, "run tools/i18n.py update and translate cli_pl.ts"
