"""Helpers for protocol tests: real completed audits through the audits service, a test
certificate, and PDF tools (pdftotext, pdfsig, qpdf) from poppler-utils and qpdf."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from auditdesk.services.context import Actor, AppContext
from auditdesk.store.models import OrgUnit, User

PASSWORD = "Hasło-testowe-1"


@dataclass(frozen=True)
class SignerCert:
    p12: Path
    pem: Path
    password: bytes
    name: str


def need(tool: str) -> str:
    # Skip justified: poppler-utils and qpdf are installed by scripts/setup.sh and in CI; a
    # developer machine without them skips only the external-tool cross-checks.
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (Debian package: poppler-utils / qpdf)")
    return path


def pdftotext(pdf: Path) -> str:
    return subprocess.run(
        [need("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdfsig(pdf: Path) -> str:
    """pdfsig exits 0 whether or not the signature is valid: the output says which."""
    done = subprocess.run([need("pdfsig"), str(pdf)], capture_output=True, text=True)
    return done.stdout + done.stderr


def qpdf_check(pdf: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([need("qpdf"), "--check", str(pdf)], capture_output=True, text=True)


def as_user(ctx: AppContext, login: str) -> AppContext:
    with ctx.db.session() as s:
        user = s.scalar(select(User).where(User.login == login))
        assert user is not None, login
        return AppContext(ctx.db, Actor.of(user))


def _answer(item: object) -> str | None:
    kind = item.type
    if kind == "number":
        return "3"
    if kind == "text":
        return "Obsługa: pani Żółkiewska-Gęślą, źdźbło"
    if kind == "datetime":
        return "2026-03-04 10:30"
    options = item.answer_options()  # type: ignore[attr-defined]
    return max(options, key=lambda o: o.points).value if options else None


def completed_audit(
    ctx: AppContext,
    *,
    unit: str = "BOK",
    day: int = 4,
    year: int = 2031,
    fail_item: bool = False,
    evidence: Path | None = None,
) -> int:
    """A completed mystery-client visit, every item answered at its best (one 'no' when
    fail_item), made by the demo auditor."""
    from auditdesk.services import audits

    auditor = as_user(ctx, "audytor1")
    form = next(f for f in audits.checklist_forms(auditor) if "visit" in f.channels)
    with ctx.db.session() as s:
        unit_id = s.scalar(select(OrgUnit.id).where(OrgUnit.code == unit))
        checklist = audits.checklist_of(s, form.version_id)
    assert unit_id is not None
    audit_id = audits.start_audit(
        auditor,
        audits.NewAudit(
            form_version_id=form.version_id,
            channel="visit",
            unit_id=unit_id,
            visited_at=datetime(year, 3, day, 10, 30),
            scenario={f.id: "Wymiana dowodu — Łódź" for f in checklist.scenario_fields},
        ),
    )
    failed = False
    for item in checklist.items():
        value = _answer(item)
        if fail_item and not failed and item.type in ("yesno", "yes_partly_no"):
            value, failed = "no", True
        if value is not None:
            audits.save_answer(auditor, audit_id, item.id, value)
    if evidence is not None:
        audits.add_evidence(auditor, audit_id, evidence, caption="Stanowisko — Żółkiewka")
    audits.complete_audit(auditor, audit_id)
    return audit_id
