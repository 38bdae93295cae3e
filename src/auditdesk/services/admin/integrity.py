"""`auditdesk check` beyond SQLite and the form versions: the audit trail (its chain, its head
record and the head sealed in this computer's settings), the content seals of completed audits
and made appraisals, the stored bytes of protocols against their SHA-256, and every completed
audit against the rules of its form version. Registered in `store.integrity.EXTRA_CHECKS`.

Each problem names the record by its number. Records are read a few hundred at a time with
plain column queries, so a database of 100,000 audits is checked in seconds, not minutes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.scoring import Answer
from auditdesk.domain.sealing import (
    APPRAISAL_UNSEALED_STATUSES,
    AUDIT_SEALED_STATUSES,
    appraisal_digest,
    audit_digest,
)
from auditdesk.services.admin import trail_seal
from auditdesk.services.audits.scoring import checklist_of
from auditdesk.services.audits.validity import CheckedForm, completion_problems
from auditdesk.services.clock import SYSTEM_CLOCK, local_now
from auditdesk.services.trail import GENESIS, entry_hash, trail_head, trail_problems
from auditdesk.store.db import Database
from auditdesk.store.integrity import EXTRA_CHECKS, CheckReport
from auditdesk.store.models import Appraisal, Audit, Protocol
from auditdesk.store.seals import appraisal_contents, audit_contents

LISTED = 20  # problems of one kind listed one by one; the rest are counted


def _listed(report: CheckReport, problems: list[str], what: str) -> None:
    report.problems += problems[:LISTED]
    if len(problems) > LISTED:
        report.problems.append(f"{what}: {len(problems) - LISTED} more like the above")


def check_trail(db: Database, report: CheckReport) -> None:
    """The chain, the head record, and the head against the seal kept in the settings; an
    intact trail moves the seal forward."""
    with db.session() as s:
        problems = trail_problems(s)
        head = trail_head(s) or (0, GENESIS)
        problems += trail_seal.seal_problems(db, head, lambda n: entry_hash(s, n))
        report.checked["audit trail head"] = head[0]
    report.problems += problems
    if not problems:
        trail_seal.remember(db, head, local_now(SYSTEM_CLOCK))


def _form(s: Session, version_id: int, problems: list[str]) -> CheckedForm | None:
    """The checklist of a stored form version; None (and a problem) when it cannot be read
    (its hash check names the altered version)."""
    try:
        return CheckedForm(checklist_of(s, version_id))
    except (ValueError, AuditDeskError) as exc:
        problems.append(
            f"form version #{version_id} cannot be read ({str(exc)[:200]}); the audits filled "
            "in it were not re-validated"
        )
        return None


def check_audits(db: Database, report: CheckReport) -> None:
    """Every completed or signed audit: its seal recomputed, and its answers valid under the
    completion rules of its own form version."""
    altered: list[str] = []
    unsealed: list[str] = []
    invalid: list[str] = []
    with db.session() as s:
        ids = list(
            s.scalars(
                select(Audit.id).where(Audit.status.in_(AUDIT_SEALED_STATUSES)).order_by(Audit.id)
            )
        )
        forms: dict[int, CheckedForm | None] = {}
        for head, answers in audit_contents(s.connection(), ids):
            number = head.record_no
            stored = head.content_sha256
            if stored is None:
                unsealed.append(
                    f"audit {number}: {head.status} but it carries no content seal "
                    "(it was written outside AuditDesk)"
                )
            elif audit_digest(head, answers) != stored:
                altered.append(
                    f"audit {number}: content differs from its hash sealed at completion"
                )
            version = head.form_version_id
            if version not in forms:
                forms[version] = _form(s, version, invalid)
            form = forms[version]
            if form is None:
                continue
            given = {a.item_id: Answer(a.value, bool(a.na)) for a in answers}
            wrong = completion_problems(form, given)
            if wrong:
                more = f" (and {len(wrong) - 3} more)" if len(wrong) > 3 else ""
                invalid.append(
                    f"audit {number}: {head.status} but not valid under its form version: "
                    + "; ".join(wrong[:3])
                    + more
                )
    report.checked["sealed audits"] = len(ids)
    _listed(report, altered, "audits altered")
    _listed(report, unsealed, "audits without a seal")
    _listed(report, invalid, "invalid completed audits")


def check_appraisals(db: Database, report: CheckReport) -> None:
    """Every appraisal made at its conversation: its seal recomputed."""
    problems: list[str] = []
    with db.session() as s:
        ids = list(
            s.scalars(
                select(Appraisal.id)
                .where(Appraisal.status.not_in(APPRAISAL_UNSEALED_STATUSES))
                .order_by(Appraisal.id)
            )
        )
        for head, ratings in appraisal_contents(s.connection(), ids):
            number, stored = head.record_number, head.content_sha256
            if stored is None:
                problems.append(
                    f"appraisal {number}: {head.status} but it carries no content seal "
                    "(it was written outside AuditDesk)"
                )
            elif appraisal_digest(head, ratings) != stored:
                problems.append(
                    f"appraisal {number}: content differs from its hash sealed at the conversation"
                )
    report.checked["sealed appraisals"] = len(ids)
    _listed(report, problems, "appraisals altered")


def _protocol_rows(db: Database) -> Iterable[tuple[str, str, bool, bytes | None, str | None]]:
    with db.session() as s:
        stmt = select(
            Protocol.record_kind,
            Protocol.record_number,
            Protocol.signed,
            Protocol.pdf,
            Protocol.sha256,
        ).execution_options(yield_per=50)
        for row in s.execute(stmt):
            yield row[0], row[1], bool(row[2]), row[3], row[4]


def check_protocols(db: Database, report: CheckReport) -> None:
    """Every stored protocol's bytes against the SHA-256 stored with them."""
    problems: list[str] = []
    count = 0
    for kind, number, signed, pdf, sha in _protocol_rows(db):
        count += 1
        if signed and (pdf is None or sha is None):
            problems.append(f"{kind} {number}: signed, but its signed protocol is not stored")
        elif pdf is not None and sha is not None and hashlib.sha256(pdf).hexdigest() != sha:
            problems.append(
                f"{kind} {number}: the stored {'signed ' if signed else ''}protocol differs "
                "from its SHA-256"
            )
    report.checked["protocols"] = count
    _listed(report, problems, "protocols altered")


for _check in (check_trail, check_audits, check_appraisals, check_protocols):
    if _check not in EXTRA_CHECKS:
        EXTRA_CHECKS.append(_check)
