"""Mystery-client audits: the one name other code imports (`services.audits`).

The work is done in modules with one job each; this package re-exports their public names so
that callers need not know the split (underscore names stay inside the package):

- `access`: who may see or change an audit, the draft-only lock;
- `scoring`: the form version an audit was filled in and its scores;
- `drafts`: starting a draft, answers (autosave), the header, deleting a draft;
- `evidence`: files attached to an audit, stored by SHA-256;
- `completion`: completing (then locked, an action plan if below threshold), signing;
- `queries`: one audit in full, the paged list, filter choices;
- `protocol_data`: what the protocol of one audit prints;
- `followup`, `results`, `transfer`, `demo`: action plans, standard results, export and import,
  the demo's audits (imported by their own module name).
"""

from __future__ import annotations

from auditdesk.services.audits.access import (
    AuditLocked,
    can_edit,
    can_view,
    ensure_editable,
    get_editable,
    get_visible,
    is_locked,
    scope,
)
from auditdesk.services.audits.completion import (
    Completion,
    IncompleteAudit,
    complete_audit,
    mark_signed,
)
from auditdesk.services.audits.drafts import (
    RECORD_PREFIX,
    HeaderChange,
    NewAudit,
    SavedAnswer,
    create_audit_row,
    delete_draft,
    record_number,
    require_editable,
    save_answer,
    save_header,
    start_audit,
)
from auditdesk.services.audits.evidence import (
    DEFAULT_EVIDENCE_LIMIT,
    EvidenceCorrupt,
    EvidenceInfo,
    EvidenceTooLarge,
    add_evidence,
    evidence_bytes,
    remove_evidence,
    store_blob,
)
from auditdesk.services.audits.protocol_data import audit_protocol_data
from auditdesk.services.audits.queries import (
    SORT_KEYS,
    AuditDetail,
    AuditFilter,
    AuditPage,
    AuditSummary,
    Choices,
    audit_choices,
    audits_of_employee,
    list_audits,
    load_audit,
    search_text,
)
from auditdesk.services.audits.scoring import (
    FormChoice,
    answers_of,
    checklist_forms,
    checklist_of,
)

__all__ = [
    "DEFAULT_EVIDENCE_LIMIT",
    "RECORD_PREFIX",
    "SORT_KEYS",
    "AuditDetail",
    "AuditFilter",
    "AuditLocked",
    "AuditPage",
    "AuditSummary",
    "Choices",
    "Completion",
    "EvidenceCorrupt",
    "EvidenceInfo",
    "EvidenceTooLarge",
    "FormChoice",
    "HeaderChange",
    "IncompleteAudit",
    "NewAudit",
    "SavedAnswer",
    "add_evidence",
    "answers_of",
    "audit_choices",
    "audit_protocol_data",
    "audits_of_employee",
    "can_edit",
    "can_view",
    "checklist_forms",
    "checklist_of",
    "complete_audit",
    "create_audit_row",
    "delete_draft",
    "ensure_editable",
    "evidence_bytes",
    "get_editable",
    "get_visible",
    "is_locked",
    "list_audits",
    "load_audit",
    "mark_signed",
    "record_number",
    "remove_evidence",
    "require_editable",
    "save_answer",
    "save_header",
    "scope",
    "search_text",
    "start_audit",
    "store_blob",
]
