"""Every area's commands work in a fresh interpreter, which imports only the model modules the
command names (issue 14: `store.models` imports each area's module when first used), and a
`cases report` does not import the audit, appraisal, survey or plan models at all.

Each command runs in its own interpreter (in this one every model is long imported, so a
command that forgot a model would pass here and fail for the user)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

# Runs one command through cli.main in a fresh interpreter; the last line says how it ended
# and which model modules it imported.
PROBE = """
import json, sys
import auditdesk.cli as cli
code = cli.main(json.loads(sys.argv[1]))
print(json.dumps({"code": code, "models": sorted(
    m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("auditdesk.store.models.")
)}))
"""

CASES_CSV = (
    "Znak sprawy;Tytuł;Data wszczęcia;Data zakończenia;Kategoria;Termin;Prowadzący\n"
    "USC.5360.901.2026;Odpis aktu;02.03.2026;03.03.2026;bez zwłoki;;Anna Nowak\n"
)

# (user, command); OUT is replaced by a path in the test's folder, CSV by a register file,
# START and END by today and half a year on (the subprocess runs on the real clock).
COMMANDS: list[tuple[str, list[str]]] = [
    ("admin", ["check"]),
    ("admin", ["users", "list"]),
    ("admin", ["users", "add", "nowy", "--role", "auditor", "--no-password"]),
    ("admin", ["backups", "list"]),
    ("admin", ["backup", "--out", "OUT/kopia.sqlite"]),
    ("kadry", ["appraisals", "due"]),
    ("kadry", ["appraisals", "export", "--format", "csv", "--out", "OUT/oceny.csv"]),
    ("kadry", ["protocols", "export", "--unit", "USC", "--out", "OUT/protokoly"]),
    ("kadry", ["protocols", "pdf", "audit", "1", "--out", "OUT/audyt.pdf"]),
    ("jakosc", ["audits", "export", "--format", "csv", "--out", "OUT/audyty.csv"]),
    ("jakosc", ["audits", "recount"]),
    ("jakosc", ["indicators", "report"]),
    ("jakosc", ["indicators", "overdue"]),
    ("jakosc", ["surveys", "list"]),
    ("jakosc", ["cases", "import", "CSV", "--mapping", "auto"]),
    ("jakosc", ["cases", "report"]),
    ("jakosc", ["cases", "overdue"]),
    ("jakosc", ["report", "--from", "START", "--to", "END", "--out", "OUT/r.pdf"]),
    ("admin", ["sync", "conflicts"]),
    ("admin", ["retention", "rules", "show"]),
    ("admin", ["retention", "run", "--dry-run"]),
    ("admin", ["person", "reads", "kierownik.bok"]),
    (
        "jakosc",
        [
            "plan",
            "create",
            "--name",
            "Plan",
            "--from",
            "START",
            "--to",
            "END",
            "--budget",
            "20",
        ],
    ),
]


def run_fresh(argv: list[str], timeout: float = 180) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(argv)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert lines, done.stderr[-3000:]
    result: dict[str, object] = json.loads(lines[-1])
    result["stderr"] = done.stderr
    return result


@pytest.fixture
def demo_file(tmp_path: Path, copy_demo: Callable[[Path], Path]) -> Path:
    return copy_demo(tmp_path / "demo.sqlite")


@pytest.mark.parametrize(("user", "command"), COMMANDS, ids=[" ".join(c[:2]) for _, c in COMMANDS])
def test_a_command_works_in_a_fresh_interpreter(
    user: str,
    command: list[str],
    demo_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    register = tmp_path / "spis.csv"
    register.write_bytes(CASES_CSV.encode("cp1250"))
    # a fixed half-year: the fresh interpreter reads the machine's clock, which time-machine
    # cannot move, and a plan is made for any period, past or future
    words = {"CSV": str(register), "START": "03.03.2031", "END": "29.08.2031"}
    argv = [a.replace("OUT", str(out)) if a.startswith("OUT") else words.get(a, a) for a in command]
    monkeypatch.setenv("AUDITDESK_PASSWORD", f"{user}-demo")
    result = run_fresh(["--db", str(demo_file), "--user", user, *argv])
    assert result["code"] == 0, result["stderr"]


def test_cases_report_imports_only_the_models_it_reads(
    demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDITDESK_PASSWORD", "jakosc-demo")
    result = run_fresh(["--db", str(demo_file), "--user", "jakosc", "cases", "report"])
    assert result["code"] == 0, result["stderr"]
    models = result["models"]
    assert isinstance(models, list)
    assert "cases" in models and "org" in models
    for other in ("audits", "appraisals", "surveys", "planning", "indicators", "protocols"):
        assert other not in models, models


def test_the_protocol_export_imports_neither_the_survey_nor_the_case_models(
    demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AUDITDESK_PASSWORD", "kadry-demo")
    argv = ["protocols", "export", "--unit", "USC", "--out", str(tmp_path / "p")]
    result = run_fresh(["--db", str(demo_file), "--user", "kadry", *argv])
    assert result["code"] == 0, result["stderr"]
    models = result["models"]
    assert isinstance(models, list)
    assert {"audits", "appraisals", "protocols"} <= set(models)
    for other in ("surveys", "cases", "indicators", "summaries", "sync"):
        assert other not in models, models


# the process's own command (`auditdesk …`: main() with the arguments in sys.argv), saying
# whether the collector was held when the command signed in, and how it is left
COLLECTOR = """
import gc, json, sys
import auditdesk.cli.common as common
seen = []
real = common.release_collector
def release_collector():
    seen.append(gc.isenabled())
    real()
common.release_collector = release_collector
sys.argv = ["auditdesk", *json.loads(sys.argv[1])]
import auditdesk.cli as cli
code = cli.main()
print(json.dumps({"code": code, "held": seen[:1] == [False], "on": gc.isenabled(),
                  "frozen": gc.get_freeze_count()}))
"""


def _collector(argv: list[str]) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", COLLECTOR, json.dumps(argv)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.stdout.strip(), done.stderr[-3000:]
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_a_command_holds_the_collector_until_it_has_signed_in(
    demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # issue 14: its imports and sign-in are frozen out of the collector's reach, which runs
    # again for the command itself, also when the sign-in is refused
    monkeypatch.setenv("AUDITDESK_PASSWORD", "jakosc-demo")
    found = _collector(["--db", str(demo_file), "--user", "jakosc", "cases", "report"])
    assert found["code"] == 0 and found["held"] is True and found["on"] is True
    assert isinstance(found["frozen"], int) and found["frozen"] > 20_000
    monkeypatch.setenv("AUDITDESK_PASSWORD", "not-the-password")
    found = _collector(["--db", str(demo_file), "--user", "jakosc", "cases", "report"])
    assert found["code"] != 0 and found["held"] is True and found["on"] is True
