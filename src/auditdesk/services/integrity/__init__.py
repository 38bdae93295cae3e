"""`auditdesk check`: the whole database, every area's own check in one explicit list.

It composes the areas (like `demo`), so it sits above them; the areas know nothing of each other.
SQLite's page check and the form versions run first (store.integrity), then the trail, then the
records. A new area with something to verify adds its check function to CHECKS.
"""

from __future__ import annotations

from auditdesk.services.access import Permission, require
from auditdesk.services.admin.integrity import check_trail
from auditdesk.services.appraisals.integrity import check_appraisals
from auditdesk.services.audits.counts import check_counts
from auditdesk.services.audits.integrity import check_audits
from auditdesk.services.context import AppContext
from auditdesk.services.monitoring.cases.summary import check_case_summary
from auditdesk.services.monitoring.surveys.summary import check_survey_summary
from auditdesk.services.protocols.integrity import check_protocols
from auditdesk.store.integrity import Check, CheckReport, check_database

CHECKS: tuple[Check, ...] = (
    check_trail,
    check_counts,
    check_audits,
    check_appraisals,
    check_protocols,
    check_case_summary,
    check_survey_summary,
)


def check(ctx: AppContext) -> CheckReport:
    """The integrity check (administrators and HR): every problem named by record number."""
    require(ctx.actor, Permission.CHECK)
    return check_database(ctx.db, CHECKS)


__all__ = ["CHECKS", "CheckReport", "check"]  # CheckReport: what the window shows of a check
