"""The models, each area's module imported when one of its names is first used (issue 14).

`from auditdesk.store.models import Audit` imports `store/models/audits.py` only (and, before the
mappers are configured, the modules of the tables its foreign keys name): a command that reads
cases does not declare the appraisal, survey or audit classes (~2-3 ms each, 60 of them).
`load_all()` imports every module; whatever needs the whole schema (Alembic, a comparison of
the models with the migrations) calls it first.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sqlalchemy import event
from sqlalchemy.orm import Mapper
from sqlalchemy.orm.mapper import _CONFIGURE_MUTEX

from auditdesk.store.base import Base

if TYPE_CHECKING:
    from auditdesk.store.models.actions import ImprovementAction
    from auditdesk.store.models.appraisals import (
        Absence,
        Appraisal,
        AppraisalRating,
        ConversationNote,
        DevelopmentAction,
        DevelopmentArea,
        FeedbackNote,
        Objection,
    )
    from auditdesk.store.models.audits import (
        ActionItem,
        ActionPlan,
        Audit,
        AuditAnswer,
        AuditDispute,
        AuditStandardCount,
        Evidence,
        EvidenceBlob,
    )
    from auditdesk.store.models.cases import (
        CaseColumnMapping,
        CaseDueRule,
        CaseImportBatch,
        CaseRecord,
    )
    from auditdesk.store.models.forms import FormVersion
    from auditdesk.store.models.indicators import (
        IndicatorCorrection,
        IndicatorEntry,
        IndicatorImportMapping,
        ResearchAction,
        ResearchNote,
        research_note_unit,
    )
    from auditdesk.store.models.office import MonitoringTarget, OfficeSetting
    from auditdesk.store.models.org import Employee, Office, OrgUnit, Role, User
    from auditdesk.store.models.planning import (
        AuditorExclusion,
        PlanAuditor,
        PlannedVisit,
        PlanProgramme,
        PlanScenario,
        PlanUnit,
    )
    from auditdesk.store.models.privacy import (
        PersonRequest,
        PersonStatus,
        RecordRead,
        RetentionRule,
    )
    from auditdesk.store.models.protocols import DrawnSignature, Protocol
    from auditdesk.store.models.security import LoginAttempt
    from auditdesk.store.models.summaries import (
        CaseSettledDay,
        SurveyAnswerMonth,
        SurveyResponseMonth,
    )
    from auditdesk.store.models.surveys import (
        SurveyAnswer,
        SurveyCampaign,
        SurveyImportMapping,
        SurveyResponse,
    )
    from auditdesk.store.models.sync import (
        SyncConflict,
        SyncNode,
        SyncPeer,
        SyncRecord,
        SyncTombstone,
    )
    from auditdesk.store.models.trail import AuditLogEntry, TrailHead

# Every model module, in the order load_all() imports them.
MODULES = (
    "actions",
    "appraisals",
    "audits",
    "cases",
    "forms",
    "indicators",
    "office",
    "org",
    "planning",
    "privacy",
    "protocols",
    "security",
    "summaries",
    "surveys",
    "sync",
    "trail",
)

# Where each public name lives: a module of this package, or a full module path.
_HOME: dict[str, str] = {
    "Absence": "appraisals",
    "ActionItem": "audits",
    "ActionPlan": "audits",
    "Appraisal": "appraisals",
    "AppraisalRating": "appraisals",
    "Audit": "audits",
    "AuditAnswer": "audits",
    "AuditDispute": "audits",
    "AuditLogEntry": "trail",
    "AuditStandardCount": "audits",
    "AuditorExclusion": "planning",
    "CaseColumnMapping": "cases",
    "CaseDueRule": "cases",
    "CaseImportBatch": "cases",
    "CaseRecord": "cases",
    "CaseSettledDay": "summaries",
    "ConversationNote": "appraisals",
    "DevelopmentAction": "appraisals",
    "DevelopmentArea": "appraisals",
    "DrawnSignature": "protocols",
    "Employee": "org",
    "Evidence": "audits",
    "EvidenceBlob": "audits",
    "FeedbackNote": "appraisals",
    "FormVersion": "forms",
    "ImprovementAction": "actions",
    "IndicatorCorrection": "indicators",
    "IndicatorEntry": "indicators",
    "IndicatorImportMapping": "indicators",
    "LoginAttempt": "security",
    "MonitoringTarget": "office",
    "Objection": "appraisals",
    "Office": "org",
    "OfficeSetting": "office",
    "OrgUnit": "org",
    "PersonRequest": "privacy",
    "PersonStatus": "privacy",
    "PlanAuditor": "planning",
    "PlanProgramme": "planning",
    "PlanScenario": "planning",
    "PlanUnit": "planning",
    "PlannedVisit": "planning",
    "Protocol": "protocols",
    "RecordRead": "privacy",
    "ResearchAction": "indicators",
    "ResearchNote": "indicators",
    "research_note_unit": "indicators",
    "RetentionRule": "privacy",
    "Role": "auditdesk.domain.values",
    "SurveyAnswer": "surveys",
    "SurveyAnswerMonth": "summaries",
    "SurveyCampaign": "surveys",
    "SurveyImportMapping": "surveys",
    "SurveyResponse": "surveys",
    "SurveyResponseMonth": "summaries",
    "SyncConflict": "sync",
    "SyncNode": "sync",
    "SyncPeer": "sync",
    "SyncRecord": "sync",
    "SyncTombstone": "sync",
    "TrailHead": "trail",
    "User": "org",
}

# Which module declares each table (the foreign keys name tables, not classes).
TABLE_MODULES: dict[str, str] = {
    "absence": "appraisals",
    "action_item": "audits",
    "action_plan": "audits",
    "app_user": "org",
    "appraisal": "appraisals",
    "appraisal_conversation_note": "appraisals",
    "appraisal_objection": "appraisals",
    "appraisal_rating": "appraisals",
    "audit": "audits",
    "audit_answer": "audits",
    "audit_dispute": "audits",
    "audit_log": "trail",
    "audit_standard_count": "audits",
    "auditor_exclusion": "planning",
    "case_column_mapping": "cases",
    "case_due_rule": "cases",
    "case_import_batch": "cases",
    "case_record": "cases",
    "case_settled_day": "summaries",
    "development_action": "appraisals",
    "development_area": "appraisals",
    "drawn_signature": "protocols",
    "employee": "org",
    "evidence": "audits",
    "evidence_blob": "audits",
    "feedback_note": "appraisals",
    "form_version": "forms",
    "improvement_action": "actions",
    "indicator_correction": "indicators",
    "indicator_entry": "indicators",
    "indicator_import_mapping": "indicators",
    "login_attempt": "security",
    "monitoring_target": "office",
    "office": "org",
    "office_setting": "office",
    "org_unit": "org",
    "person_request": "privacy",
    "person_status": "privacy",
    "plan_auditor": "planning",
    "plan_programme": "planning",
    "plan_scenario": "planning",
    "plan_unit": "planning",
    "planned_visit": "planning",
    "protocol": "protocols",
    "record_read": "privacy",
    "research_action": "indicators",
    "research_note": "indicators",
    "research_note_unit": "indicators",
    "retention_rule": "privacy",
    "survey_answer": "surveys",
    "survey_answer_month": "summaries",
    "survey_campaign": "surveys",
    "survey_import_mapping": "surveys",
    "survey_response": "surveys",
    "survey_response_month": "summaries",
    "sync_conflict": "sync",
    "sync_node": "sync",
    "sync_peer": "sync",
    "sync_record": "sync",
    "sync_tombstone": "sync",
    "trail_head": "trail",
}


def _module(name: str) -> Any:
    """A model module, imported while holding SQLAlchemy's configure lock.

    Threads (the window's workers) import model modules and run queries at the same time. A
    query configures new mappers holding `_CONFIGURE_MUTEX` and, in `load_referred_tables`,
    imports modules; a module being imported declares classes, which takes the same lock. With
    the module's import lock taken first on one thread and the configure lock first on the
    other, the two waited for each other for ever (seen once at the window's start), and a
    query configuring mappers half-way through another thread's import of a module met a
    relationship to a class not declared yet ("ResearchAction is not defined"). Taking the
    configure lock before the import puts both in one order and makes a module's declarations
    whole before any configuration sees them. The lock is an internal of SQLAlchemy (an RLock,
    re-entered when one model module imports another); tests/store/test_model_imports.py
    checks it is the lock SQLAlchemy's own declarations and configuration take."""
    with _CONFIGURE_MUTEX:
        return importlib.import_module(name if "." in name else f"{__name__}.{name}")


def _resolve(name: str) -> Any:
    """A model's name resolved through its module (the package's `__getattr__`, PEP 562)."""
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_module(home), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


if not TYPE_CHECKING:  # hidden from mypy, which would take any unknown name as Any
    __getattr__ = _resolve


def load_all() -> None:
    """Every model module imported: Base.metadata holds the whole schema."""
    for module in MODULES:
        _module(module)


def load_referred_tables() -> None:
    """The module of every table a loaded table's foreign key names, imported (repeatedly, for
    what those refer to in turn): a flush orders tables by their foreign keys and a join finds
    its condition through them, and both fail on a table the metadata does not hold. Runs
    before SQLAlchemy configures new mappers, i.e. before a loaded class is first used."""
    tables = Base.metadata.tables
    missing = True
    while missing:
        missing = False
        for table in list(tables.values()):
            for fk in table.foreign_keys:
                target = fk.target_fullname.split(".")[0]
                if target not in tables:
                    _module(TABLE_MODULES[target])
                    missing = True


event.listen(Mapper, "before_configured", load_referred_tables)

__all__ = [
    "Absence",
    "ActionItem",
    "ActionPlan",
    "Appraisal",
    "AppraisalRating",
    "Audit",
    "AuditAnswer",
    "AuditDispute",
    "AuditLogEntry",
    "AuditStandardCount",
    "AuditorExclusion",
    "CaseColumnMapping",
    "CaseDueRule",
    "CaseImportBatch",
    "CaseRecord",
    "CaseSettledDay",
    "ConversationNote",
    "DevelopmentAction",
    "DevelopmentArea",
    "DrawnSignature",
    "Employee",
    "Evidence",
    "EvidenceBlob",
    "FeedbackNote",
    "FormVersion",
    "ImprovementAction",
    "IndicatorCorrection",
    "IndicatorEntry",
    "IndicatorImportMapping",
    "LoginAttempt",
    "MonitoringTarget",
    "Objection",
    "Office",
    "OfficeSetting",
    "OrgUnit",
    "PersonRequest",
    "PersonStatus",
    "PlanAuditor",
    "PlanProgramme",
    "PlanScenario",
    "PlanUnit",
    "PlannedVisit",
    "Protocol",
    "RecordRead",
    "ResearchAction",
    "ResearchNote",
    "RetentionRule",
    "Role",
    "SurveyAnswer",
    "SurveyAnswerMonth",
    "SurveyCampaign",
    "SurveyImportMapping",
    "SurveyResponse",
    "SurveyResponseMonth",
    "SyncConflict",
    "SyncNode",
    "SyncPeer",
    "SyncRecord",
    "SyncTombstone",
    "TrailHead",
    "User",
    "research_note_unit",
]
