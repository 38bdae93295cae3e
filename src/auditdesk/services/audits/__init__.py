"""Mystery-client audits: the one name other code imports (`services.audits`).

The work is done in modules with one job each; this package re-exports their public names so
that callers need not know the split (underscore names stay inside the package). A name's
module is imported when the name is first used (`services.lazy`, issue 14), so a caller pays
only for the modules it uses:

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

from typing import TYPE_CHECKING

from auditdesk.services.lazy import lazy_names

if TYPE_CHECKING:
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
    from auditdesk.services.audits.protocol_data import (
        audit_protocol_data,
    )
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

# each public name and the module it lives in (imported when the name is first used)
_HOME: dict[str, str] = {
    "DEFAULT_EVIDENCE_LIMIT": "auditdesk.services.audits.evidence",
    "RECORD_PREFIX": "auditdesk.services.audits.drafts",
    "SORT_KEYS": "auditdesk.services.audits.queries",
    "AuditDetail": "auditdesk.services.audits.queries",
    "AuditFilter": "auditdesk.services.audits.queries",
    "AuditLocked": "auditdesk.services.audits.access",
    "AuditPage": "auditdesk.services.audits.queries",
    "AuditSummary": "auditdesk.services.audits.queries",
    "Choices": "auditdesk.services.audits.queries",
    "Completion": "auditdesk.services.audits.completion",
    "EvidenceCorrupt": "auditdesk.services.audits.evidence",
    "EvidenceInfo": "auditdesk.services.audits.evidence",
    "EvidenceTooLarge": "auditdesk.services.audits.evidence",
    "FormChoice": "auditdesk.services.audits.scoring",
    "HeaderChange": "auditdesk.services.audits.drafts",
    "IncompleteAudit": "auditdesk.services.audits.completion",
    "NewAudit": "auditdesk.services.audits.drafts",
    "SavedAnswer": "auditdesk.services.audits.drafts",
    "add_evidence": "auditdesk.services.audits.evidence",
    "answers_of": "auditdesk.services.audits.scoring",
    "audit_choices": "auditdesk.services.audits.queries",
    "audit_protocol_data": "auditdesk.services.audits.protocol_data",
    "audits_of_employee": "auditdesk.services.audits.queries",
    "can_edit": "auditdesk.services.audits.access",
    "can_view": "auditdesk.services.audits.access",
    "checklist_forms": "auditdesk.services.audits.scoring",
    "checklist_of": "auditdesk.services.audits.scoring",
    "complete_audit": "auditdesk.services.audits.completion",
    "create_audit_row": "auditdesk.services.audits.drafts",
    "delete_draft": "auditdesk.services.audits.drafts",
    "ensure_editable": "auditdesk.services.audits.access",
    "evidence_bytes": "auditdesk.services.audits.evidence",
    "get_editable": "auditdesk.services.audits.access",
    "get_visible": "auditdesk.services.audits.access",
    "is_locked": "auditdesk.services.audits.access",
    "list_audits": "auditdesk.services.audits.queries",
    "load_audit": "auditdesk.services.audits.queries",
    "mark_signed": "auditdesk.services.audits.completion",
    "record_number": "auditdesk.services.audits.drafts",
    "remove_evidence": "auditdesk.services.audits.evidence",
    "require_editable": "auditdesk.services.audits.drafts",
    "save_answer": "auditdesk.services.audits.drafts",
    "save_header": "auditdesk.services.audits.drafts",
    "scope": "auditdesk.services.audits.access",
    "search_text": "auditdesk.services.audits.queries",
    "start_audit": "auditdesk.services.audits.drafts",
    "store_blob": "auditdesk.services.audits.evidence",
}

if not TYPE_CHECKING:  # hidden from mypy, which would take any unknown name as Any
    __getattr__, __dir__ = lazy_names(__name__, _HOME, globals())

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
