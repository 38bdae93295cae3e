"""Periodic appraisals: the five steps, objections, development actions, feedback notes and
absences. Team views, due lists, reminders and exports are in `appraisal_overview`.

The steps: (1) agree criteria and expectations → (2) rate each criterion with a justification →
(3) development areas for the IPRZ → (4) the appraisal conversation (the sheet is made; status
"discussed") → (5) the employee reads it ("acknowledged") or objects within the objection period
("objected"), decided within the decision period: rejected → "final"; upheld → the appraisal is
"superseded" (kept as it was) and a new one, changed or redone, replaces it.

The code lives in the modules below; this one re-exports their public names so that
`from auditdesk.services import appraisals` keeps working.
"""

from __future__ import annotations

from auditdesk.services.appraisals.common import (
    IN_PROGRESS,
    SheetChoice,
    made_history,
    sheet_choices,
    sheet_of,
    spans,
    suggest_sheet,
)
from auditdesk.services.appraisals.conversation import (
    ConversationNoteView,
    add_conversation_note,
    remove_conversation_note,
)
from auditdesk.services.appraisals.detail import (
    ActionView,
    AppraisalView,
    AreaView,
    CriterionView,
    DeadlineView,
    EvidenceItem,
    ObjectionView,
    ProvisionalResult,
    appraisal_detail,
    employee_audit_evidence,
)
from auditdesk.services.appraisals.feedback import (
    ActionInput,
    FeedbackView,
    absences_of,
    add_absence,
    add_development_area,
    add_feedback,
    feedback_of,
    mark_action_done,
    remove_development_area,
    update_development_area,
)
from auditdesk.services.appraisals.flow import (
    acknowledge,
    rate,
    record_conversation,
    set_criteria,
    start_appraisal,
)
from auditdesk.services.appraisals.objections import (
    close_appraisal,
    decide_objection,
    file_objection,
)
from auditdesk.services.appraisals.periods import proposed_period
from auditdesk.services.appraisals.protocol_data import (
    appraisal_protocol_data,
)

__all__ = [
    "IN_PROGRESS",
    "ActionInput",
    "ActionView",
    "AppraisalView",
    "AreaView",
    "ConversationNoteView",
    "CriterionView",
    "DeadlineView",
    "EvidenceItem",
    "FeedbackView",
    "ObjectionView",
    "ProvisionalResult",
    "SheetChoice",
    "absences_of",
    "acknowledge",
    "add_absence",
    "add_conversation_note",
    "add_development_area",
    "add_feedback",
    "appraisal_detail",
    "appraisal_protocol_data",
    "close_appraisal",
    "decide_objection",
    "employee_audit_evidence",
    "feedback_of",
    "file_objection",
    "made_history",
    "mark_action_done",
    "proposed_period",
    "rate",
    "record_conversation",
    "remove_conversation_note",
    "remove_development_area",
    "set_criteria",
    "sheet_choices",
    "sheet_of",
    "spans",
    "start_appraisal",
    "suggest_sheet",
    "update_development_area",
]
