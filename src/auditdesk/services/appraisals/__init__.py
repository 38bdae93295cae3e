"""Periodic appraisals: the five steps, objections, development actions, feedback notes and
absences. Team views, due lists, reminders and exports are in `appraisal_overview`.

The steps: (1) agree criteria and expectations → (2) rate each criterion with a justification →
(3) development areas for the IPRZ → (4) the appraisal conversation (the sheet is made; status
"discussed") → (5) the employee reads it ("acknowledged") or objects within the objection period
("objected"), decided within the decision period: rejected → "final"; upheld → the appraisal is
"superseded" (kept as it was) and a new one, changed or redone, replaces it.

The code lives in the modules below; this one re-exports their public names so that
`from auditdesk.services import appraisals` keeps working. A name's module is imported when the
name is first used (`services.lazy`, issue 14), so a caller pays only for the modules it uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditdesk.services.lazy import lazy_names

if TYPE_CHECKING:
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
    from auditdesk.services.appraisals.periods import (
        proposed_period,
    )
    from auditdesk.services.appraisals.protocol_data import (
        appraisal_protocol_data,
    )

# each public name and the module it lives in (imported when the name is first used)
_HOME: dict[str, str] = {
    "IN_PROGRESS": "auditdesk.services.appraisals.common",
    "ActionInput": "auditdesk.services.appraisals.feedback",
    "ActionView": "auditdesk.services.appraisals.detail",
    "AppraisalView": "auditdesk.services.appraisals.detail",
    "AreaView": "auditdesk.services.appraisals.detail",
    "ConversationNoteView": "auditdesk.services.appraisals.conversation",
    "CriterionView": "auditdesk.services.appraisals.detail",
    "DeadlineView": "auditdesk.services.appraisals.detail",
    "EvidenceItem": "auditdesk.services.appraisals.detail",
    "FeedbackView": "auditdesk.services.appraisals.feedback",
    "ObjectionView": "auditdesk.services.appraisals.detail",
    "ProvisionalResult": "auditdesk.services.appraisals.detail",
    "SheetChoice": "auditdesk.services.appraisals.common",
    "absences_of": "auditdesk.services.appraisals.feedback",
    "acknowledge": "auditdesk.services.appraisals.flow",
    "add_absence": "auditdesk.services.appraisals.feedback",
    "add_conversation_note": "auditdesk.services.appraisals.conversation",
    "add_development_area": "auditdesk.services.appraisals.feedback",
    "add_feedback": "auditdesk.services.appraisals.feedback",
    "appraisal_detail": "auditdesk.services.appraisals.detail",
    "appraisal_protocol_data": "auditdesk.services.appraisals.protocol_data",
    "close_appraisal": "auditdesk.services.appraisals.objections",
    "decide_objection": "auditdesk.services.appraisals.objections",
    "employee_audit_evidence": "auditdesk.services.appraisals.detail",
    "feedback_of": "auditdesk.services.appraisals.feedback",
    "file_objection": "auditdesk.services.appraisals.objections",
    "made_history": "auditdesk.services.appraisals.common",
    "mark_action_done": "auditdesk.services.appraisals.feedback",
    "proposed_period": "auditdesk.services.appraisals.periods",
    "rate": "auditdesk.services.appraisals.flow",
    "record_conversation": "auditdesk.services.appraisals.flow",
    "remove_conversation_note": "auditdesk.services.appraisals.conversation",
    "remove_development_area": "auditdesk.services.appraisals.feedback",
    "set_criteria": "auditdesk.services.appraisals.flow",
    "sheet_choices": "auditdesk.services.appraisals.common",
    "sheet_of": "auditdesk.services.appraisals.common",
    "spans": "auditdesk.services.appraisals.common",
    "start_appraisal": "auditdesk.services.appraisals.flow",
    "suggest_sheet": "auditdesk.services.appraisals.common",
    "update_development_area": "auditdesk.services.appraisals.feedback",
}

if not TYPE_CHECKING:  # hidden from mypy, which would take any unknown name as Any
    __getattr__, __dir__ = lazy_names(__name__, _HOME, globals())

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
