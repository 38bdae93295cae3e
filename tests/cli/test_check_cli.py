"""`auditdesk check` in a process of its own runs every area's check.

The checks used to register themselves when their module was imported; once the command line
imported services lazily, a check whose module nothing had imported yet would silently not run.
Here a fresh process must still find altered audit totals and an altered completed audit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from auditdesk.services import integrity
from auditdesk.services.context import AppContext


def _check(db_file: Path | str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AUDITDESK_DB": "", "AUDITDESK_PASSWORD": ""}
    return subprocess.run(
        [sys.executable, "-m", "auditdesk", "--db", str(db_file), "check"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def test_every_area_check_is_in_the_one_list() -> None:
    names = {c.__module__ + "." + c.__name__ for c in integrity.CHECKS}
    assert names == {
        "auditdesk.services.admin.integrity.check_trail",
        "auditdesk.services.audits.counts.check_counts",
        "auditdesk.services.audits.integrity.check_audits",
        "auditdesk.services.appraisals.integrity.check_appraisals",
        "auditdesk.services.protocols.integrity.check_protocols",
        "auditdesk.services.monitoring.cases.summary.check_case_summary",
        "auditdesk.services.monitoring.surveys.summary.check_survey_summary",
    }


def test_a_fresh_process_finds_altered_totals_and_an_altered_audit(demo_ctx: AppContext) -> None:
    db_file = demo_ctx.db.path or demo_ctx.db.url  # the file, or the server's URL (issue 16)
    clean = _check(db_file)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "checked audit result totals" in clean.stdout
    assert "checked sealed audits" in clean.stdout
    with demo_ctx.db.session() as s:
        s.execute(text("UPDATE audit_standard_count SET met = met + 1 WHERE n > 0"))
        audit_id = s.execute(
            text("SELECT id FROM audit WHERE status = 'completed' ORDER BY id LIMIT 1")
        ).scalar_one()
        s.execute(
            text(
                "UPDATE audit_answer SET comment = 'changed in the file' "
                "WHERE id = (SELECT min(id) FROM audit_answer WHERE audit_id = :a)"
            ),
            {"a": audit_id},
        )
    broken = _check(db_file)
    assert broken.returncode == 1
    assert "audit result totals" in broken.stdout and "differ from the answers" in broken.stdout
    assert "content differs from its hash sealed at completion" in broken.stdout
    assert "Traceback" not in broken.stderr


def test_a_fresh_process_finds_an_altered_overview_summary(demo_ctx: AppContext) -> None:
    """The overview's summaries (issue 17): a row changed in the file is named."""
    db_file = demo_ctx.db.path or demo_ctx.db.url
    with demo_ctx.db.session() as s:
        s.execute(
            text(
                "UPDATE case_settled_day SET on_time = on_time + 1 WHERE settled_on ="
                " (SELECT min(settled_on) FROM case_settled_day)"
            )
        )
    broken = _check(db_file)
    assert broken.returncode == 1
    assert "overview summary of cases" in broken.stdout
    assert "Traceback" not in broken.stderr
