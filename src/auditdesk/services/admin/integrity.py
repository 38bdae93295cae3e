"""`auditdesk check` of the audit trail: its chain, its head record and the head sealed in this
computer's settings. The checks of the records themselves live with their areas
(audits/integrity.py, appraisals/integrity.py, protocols/integrity.py); services.integrity runs
them all.
"""

from __future__ import annotations

from auditdesk.services.admin import trail_seal
from auditdesk.services.clock import SYSTEM_CLOCK, local_now
from auditdesk.services.trail import GENESIS, entry_hash, trail_head, trail_problems
from auditdesk.store.db import Database
from auditdesk.store.integrity import CheckReport


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
