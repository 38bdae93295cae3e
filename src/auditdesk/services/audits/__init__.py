"""Mystery-client audits: the one name other code imports (`services.audits`).

The work is done in modules with one job each; this module re-exports their public names (and the
few helpers other audit services share) so that callers need not know the split:

- `audit_access`: who may see or change an audit, the draft-only lock;
- `audit_scoring`: the form version an audit was filled in and its scores;
- `audit_drafts`: starting a draft, answers (autosave), the header, deleting a draft;
- `audit_evidence`: files attached to an audit, stored by SHA-256;
- `audit_completion`: completing (then locked, an action plan if below threshold), signing;
- `audit_queries`: one audit in full, the paged list, filter choices.
"""

from __future__ import annotations

from auditdesk.services.audits.access import (
    AuditLocked,
    _sees_all,
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
    _header,
    _next_seq,
    _scenario_summary,
    _validate_value,
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
    _evidence_info,
    add_evidence,
    evidence_bytes,
    remove_evidence,
    store_blob,
)
from auditdesk.services.audits.queries import (
    CHANNEL_LABELS,
    SORT_KEYS,
    STATUSES,
    AuditDetail,
    AuditFilter,
    AuditPage,
    AuditSummary,
    Choices,
    _conditions,
    _summary_select,
    audit_choices,
    audit_protocol_data,
    audits_of_employee,
    list_audits,
    load_audit,
    search_text,
)
from auditdesk.services.audits.scoring import (
    FormChoice,
    _apply_score,
    _parse_version,
    _sync_answer_rows,
    answers_of,
    checklist_forms,
    checklist_of,
)

__all__ = [
    "CHANNEL_LABELS",
    "DEFAULT_EVIDENCE_LIMIT",
    "RECORD_PREFIX",
    "SORT_KEYS",
    "STATUSES",
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
    "_apply_score",
    "_conditions",
    "_evidence_info",
    "_header",
    "_next_seq",
    "_parse_version",
    "_scenario_summary",
    "_sees_all",
    "_summary_select",
    "_sync_answer_rows",
    "_validate_value",
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
