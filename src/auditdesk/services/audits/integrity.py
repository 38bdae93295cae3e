"""`auditdesk check` of mystery-client audits: every completed or signed audit's content seal
recomputed, and its answers valid under the completion rules of its own form version (the
editor's rule, not a copy). Records are read a few hundred at a time with plain column queries,
so 100,000 audits are checked in seconds, not minutes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from auditdesk.domain.errors import AuditDeskError
from auditdesk.domain.scoring import Answer
from auditdesk.domain.sealing import AUDIT_SEALED_STATUSES, audit_digest
from auditdesk.services.audits.scoring import checklist_of
from auditdesk.services.audits.validity import CheckedForm, completion_problems
from auditdesk.store.db import Database
from auditdesk.store.integrity import CheckReport
from auditdesk.store.models import Audit
from auditdesk.store.seals import audit_contents


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
    report.add_listed(altered, "audits altered")
    report.add_listed(unsealed, "audits without a seal")
    report.add_listed(invalid, "invalid completed audits")
