"""Personal data (issue 19): the register of what AuditDesk holds and for how long, the
retention run, an employee's access request, rectification and restriction, and the read log."""

from __future__ import annotations

from auditdesk.services.privacy.person import (
    PersonData,
    ReadView,
    RequestView,
    export_person,
    find_employee,
    person_data,
    reads_of_person,
    record_request,
    set_employment_end,
)
from auditdesk.services.privacy.register import retention_register, set_retention
from auditdesk.services.privacy.retention import (
    DueItem,
    RetentionResult,
    due_for_retention,
    run_retention,
)

__all__ = [
    "DueItem",
    "PersonData",
    "ReadView",
    "RequestView",
    "RetentionResult",
    "due_for_retention",
    "export_person",
    "find_employee",
    "person_data",
    "reads_of_person",
    "record_request",
    "retention_register",
    "run_retention",
    "set_employment_end",
    "set_retention",
]
