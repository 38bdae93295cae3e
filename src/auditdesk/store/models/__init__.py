"""Every model module is imported here so that Base.metadata knows all tables."""

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
from auditdesk.store.models.cases import CaseColumnMapping, CaseImportBatch, CaseRecord
from auditdesk.store.models.forms import FormVersion
from auditdesk.store.models.indicators import (
    IndicatorCorrection,
    IndicatorEntry,
    IndicatorImportMapping,
    ResearchAction,
    ResearchNote,
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
from auditdesk.store.models.privacy import PersonRequest, PersonStatus, RecordRead, RetentionRule
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
]
