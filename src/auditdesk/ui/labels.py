"""Names shown for values of the domain, in the current language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from auditdesk.domain import numbers
from auditdesk.domain.values import AUDIT_STATUSES, DISPUTE_STATUSES, PLAN_STATUSES


def role_name(value: str) -> str:
    """The role as people call it ("kadry", "audytor"), for tables and the status bar."""
    names = {
        "auditor": QCoreApplication.translate("AdminModels", "auditor"),
        "supervisor": QCoreApplication.translate("AdminModels", "supervisor"),
        "hr": QCoreApplication.translate("AdminModels", "HR"),
        "admin": QCoreApplication.translate("AdminModels", "administrator"),
    }
    return names.get(value, value)


def status_name(value: str) -> str:
    """The status of an audit, a dispute or an action plan as an error message names it: the
    names below, in lower case (an error's `status` field; appraisals have `appraisal_status`)."""
    names = {
        **{v: dispute_status_name(v) for v in DISPUTE_STATUSES},
        **{v: plan_status_name(v) for v in PLAN_STATUSES},
        **{v: _lower_first(audit_status_name(v)) for v in AUDIT_STATUSES},
    }
    return names.get(value, value)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def channel_name(value: str) -> str:
    """The channel of a mystery-client audit (domain.forms.checklist.CHANNELS)."""
    names = {
        "visit": QCoreApplication.translate("Labels", "Visit"),
        "phone": QCoreApplication.translate("Labels", "Phone"),
        "email": QCoreApplication.translate("Labels", "E-mail"),
        "eservice": QCoreApplication.translate("Labels", "E-service"),
    }
    return names.get(value, value)


def audit_status_name(value: str) -> str:
    """The status of an audit in lists (domain.values.AUDIT_STATUSES)."""
    names = {
        "draft": QCoreApplication.translate("Labels", "Draft"),
        "completed": QCoreApplication.translate("Labels", "Completed"),
        "signed": QCoreApplication.translate("Labels", "Signed"),
    }
    return names.get(value, value)


def action_status_name(value: str) -> str:
    """The status of one action of an audit's action plan (domain.values.ACTION_STATUSES)."""
    names = {
        "planned": QCoreApplication.translate("Labels", "planned"),
        "in_progress": QCoreApplication.translate("Labels", "in progress"),
        "done": QCoreApplication.translate("Labels", "done"),
    }
    return names.get(value, value)


def trail_action_name(value: str) -> str:
    """What an audit-trail entry records (the services' `trail.record` actions); an action not
    listed here yet reads as its words ("sign_in" → "sign in"), never as a raw code."""
    names = {
        "acknowledge": QCoreApplication.translate("Labels", "acknowledgement"),
        "answer": QCoreApplication.translate("Labels", "answer"),
        "attach": QCoreApplication.translate("Labels", "file attached"),
        "backup": QCoreApplication.translate("Labels", "backup"),
        "change": QCoreApplication.translate("Labels", "change"),
        "change_password": QCoreApplication.translate("Labels", "password change"),
        "complete": QCoreApplication.translate("Labels", "completion"),
        "correct": QCoreApplication.translate("Labels", "correction"),
        "create": QCoreApplication.translate("Labels", "creation"),
        "create_demo": QCoreApplication.translate("Labels", "demo data"),
        "deactivate": QCoreApplication.translate("Labels", "deactivation"),
        "decide": QCoreApplication.translate("Labels", "decision"),
        "delete": QCoreApplication.translate("Labels", "deletion"),
        "detach": QCoreApplication.translate("Labels", "file removed"),
        "dispute": QCoreApplication.translate("Labels", "dispute"),
        "draw": QCoreApplication.translate("Labels", "drawn signature"),
        "exclude": QCoreApplication.translate("Labels", "units excluded"),
        "export": QCoreApplication.translate("Labels", "export"),
        "import": QCoreApplication.translate("Labels", "import"),
        "object": QCoreApplication.translate("Labels", "objection"),
        "print": QCoreApplication.translate("Labels", "printout"),
        "reactivate": QCoreApplication.translate("Labels", "reactivation"),
        "recount": QCoreApplication.translate("Labels", "recount"),
        "reopen": QCoreApplication.translate("Labels", "reopening"),
        "replace": QCoreApplication.translate("Labels", "replacement"),
        "reset_password": QCoreApplication.translate("Labels", "password reset"),
        "resolve": QCoreApplication.translate("Labels", "conflict resolution"),
        "restore": QCoreApplication.translate("Labels", "restore"),
        "save": QCoreApplication.translate("Labels", "save"),
        "sign": QCoreApplication.translate("Labels", "signature"),
        "sign_in": QCoreApplication.translate("Labels", "sign-in"),
        "start": QCoreApplication.translate("Labels", "start"),
        "sync": QCoreApplication.translate("Labels", "synchronisation"),
        "update": QCoreApplication.translate("Labels", "update"),
    }
    return names.get(value, value.replace("_", " "))


def trail_entity_name(value: str) -> str:
    """The kind of record an audit-trail entry is about (the services' `trail.record` entity);
    one not listed here yet reads as its words ("case_record" → "case record")."""
    names = {
        "absence": QCoreApplication.translate("Labels", "absence"),
        "action_plan": QCoreApplication.translate("Labels", "action plan"),
        "appraisal": QCoreApplication.translate("Labels", "appraisal"),
        "appraisal_rating": QCoreApplication.translate("Labels", "appraisal rating"),
        "audit": QCoreApplication.translate("Labels", "audit"),
        "audit_dispute": QCoreApplication.translate("Labels", "audit dispute"),
        "audit_standard_count": QCoreApplication.translate("Labels", "audit standard counts"),
        "auditor": QCoreApplication.translate("Labels", "auditor"),
        "case_column_mapping": QCoreApplication.translate("Labels", "case register column mapping"),
        "case_import_batch": QCoreApplication.translate("Labels", "case register import"),
        "case_record": QCoreApplication.translate("Labels", "case"),
        "database": QCoreApplication.translate("Labels", "database"),
        "development_action": QCoreApplication.translate("Labels", "development action"),
        "development_area": QCoreApplication.translate("Labels", "development area"),
        "drawn_signature": QCoreApplication.translate("Labels", "drawn signature"),
        "feedback_note": QCoreApplication.translate("Labels", "feedback note"),
        "form_version": QCoreApplication.translate("Labels", "form version"),
        "improvement_action": QCoreApplication.translate("Labels", "improvement action"),
        "indicator_entry": QCoreApplication.translate("Labels", "complaint register entry"),
        "indicator_register": QCoreApplication.translate("Labels", "complaint register"),
        "laptop": QCoreApplication.translate("Labels", "laptop"),
        "monitoring_target": QCoreApplication.translate("Labels", "monitoring target"),
        "office": QCoreApplication.translate("Labels", "office"),
        "office_setting": QCoreApplication.translate("Labels", "office setting"),
        "person": QCoreApplication.translate("Labels", "person"),
        "plan_programme": QCoreApplication.translate("Labels", "audit programme"),
        "planned_visit": QCoreApplication.translate("Labels", "planned visit"),
        "protocol": QCoreApplication.translate("Labels", "protocol"),
        "protocols": QCoreApplication.translate("Labels", "protocols"),
        "reference": QCoreApplication.translate("Labels", "reference data"),
        "research_action": QCoreApplication.translate("Labels", "research action"),
        "retention_rule": QCoreApplication.translate("Labels", "retention rule"),
        "survey_campaign": QCoreApplication.translate("Labels", "survey campaign"),
        "survey_response": QCoreApplication.translate("Labels", "survey response"),
        "sync_conflict": QCoreApplication.translate("Labels", "synchronisation conflict"),
        "user": QCoreApplication.translate("Labels", "user account"),
    }
    return names.get(value, value.replace("_", " "))


def trail_actor_name(login: str) -> str:
    """Who made an audit-trail entry: a user's login, or the program itself ("system")."""
    if login == "system":
        return QCoreApplication.translate("Labels", "AuditDesk (automatic)")
    return login


def permission_name(value: str) -> str:
    """What a permission lets one do (services.access.Permission; "export_protocols" or, as a
    refusal names it, "export protocols"), as the window says it; any other text as it is."""
    names = {
        "view org": QCoreApplication.translate("Labels", "view the office's units"),
        "manage org": QCoreApplication.translate("Labels", "manage the office's units"),
        "manage users": QCoreApplication.translate("Labels", "manage user accounts"),
        "manage forms": QCoreApplication.translate("Labels", "manage forms"),
        "backup": QCoreApplication.translate("Labels", "back up the database"),
        "check": QCoreApplication.translate("Labels", "check the database"),
        "create demo": QCoreApplication.translate("Labels", "create demo data"),
        "view trail": QCoreApplication.translate("Labels", "view the audit trail"),
        "export protocols": QCoreApplication.translate("Labels", "export protocols"),
        "restore backup": QCoreApplication.translate("Labels", "restore a backup"),
        "manage cases": QCoreApplication.translate("Labels", "manage the case register"),
        "view cases": QCoreApplication.translate("Labels", "view the timeliness of cases"),
        "manage surveys": QCoreApplication.translate("Labels", "manage satisfaction surveys"),
        "view surveys": QCoreApplication.translate("Labels", "view satisfaction surveys"),
        "manage indicators": QCoreApplication.translate("Labels", "manage the complaints register"),
        "view indicators": QCoreApplication.translate("Labels", "view the complaints register"),
    }
    return names.get(value.replace("_", " "), value)


def dispute_status_name(value: str) -> str:
    """An audit dispute's status (domain.values.DISPUTE_STATUSES), in lower case."""
    names = {
        "open": QCoreApplication.translate("Labels", "awaiting decision"),
        "upheld": QCoreApplication.translate("Labels", "upheld"),
        "rejected": QCoreApplication.translate("Labels", "rejected"),
    }
    return names.get(value, value)


def plan_status_name(value: str) -> str:
    """An audit's action plan status (domain.values.PLAN_STATUSES), in lower case."""
    names = {
        "open": QCoreApplication.translate("Labels", "being prepared"),
        "submitted": QCoreApplication.translate("Labels", "submitted to the manager"),
        "accepted": QCoreApplication.translate("Labels", "accepted"),
        "returned": QCoreApplication.translate("Labels", "returned for correction"),
    }
    return names.get(value, value)


def appraisal_status_name(value: str) -> str:
    """Where an appraisal is in its procedure (domain.values.AppraisalStatus), in lower case."""
    names = {
        "draft": QCoreApplication.translate("Labels", "in preparation"),
        "discussed": QCoreApplication.translate("Labels", "after the conversation"),
        "acknowledged": QCoreApplication.translate("Labels", "read by the employee"),
        "objected": QCoreApplication.translate("Labels", "objection pending"),
        "final": QCoreApplication.translate("Labels", "final"),
        "superseded": QCoreApplication.translate("Labels", "superseded after an objection"),
    }
    return names.get(value, value)


def appraisal_kind_name(value: str) -> str:
    """Why an appraisal is made (domain.values.AppraisalKind; also a due date's reason)."""
    names = {
        "periodic": QCoreApplication.translate("Labels", "periodic"),
        "follow_up": QCoreApplication.translate("Labels", "follow-up after a negative appraisal"),
    }
    return names.get(value, value)


def objection_decision_name(value: str) -> str:
    """The decision on an objection to an appraisal (domain.values.ObjectionDecision)."""
    names = {
        "upheld": QCoreApplication.translate("Labels", "objection upheld"),
        "rejected": QCoreApplication.translate("Labels", "objection rejected"),
    }
    return names.get(value, value)


def feedback_kind_name(value: str) -> str:
    """A note of ongoing feedback (domain.values.FeedbackKind), in lower case."""
    names = {
        "positive": QCoreApplication.translate("Labels", "positive"),
        "corrective": QCoreApplication.translate("Labels", "corrective"),
    }
    return names.get(value, value)


def due_status_name(value: str) -> str:
    """How near an employee's next appraisal is (domain.appraisal.DueStatus)."""
    names = {
        "overdue": QCoreApplication.translate("Labels", "overdue"),
        "due_30": QCoreApplication.translate("Labels", "due within 30 days"),
        "due_60": QCoreApplication.translate("Labels", "due within 60 days"),
        "in_progress": QCoreApplication.translate("Labels", "in progress"),
        "not_due": QCoreApplication.translate("Labels", "not due"),
        "unknown": QCoreApplication.translate("Labels", "no start date"),
    }
    return names.get(value, value)


def indicator_kind_name(value: str) -> str:
    """A complaint-register entry's kind (domain.indicators.IndicatorKind)."""
    names = {
        "complaint": QCoreApplication.translate("Labels", "Complaint"),
        "grievance": QCoreApplication.translate("Labels", "Grievance"),
        "negative_opinion": QCoreApplication.translate("Labels", "Negative opinion"),
        "praise": QCoreApplication.translate("Labels", "Praise"),
        "request": QCoreApplication.translate("Labels", "Request"),
    }
    return names.get(value, value)


def indicator_channel_name(value: str) -> str:
    """How a complaint-register entry arrived (domain.indicators.Channel)."""
    names = {
        "letter": QCoreApplication.translate("Labels", "Letter"),
        "email": QCoreApplication.translate("Labels", "E-mail"),
        "epuap": QCoreApplication.translate("Labels", "ePUAP"),
        "in_person": QCoreApplication.translate("Labels", "In person"),
        "phone": QCoreApplication.translate("Labels", "By phone"),
    }
    return names.get(value, value)


def indicator_outcome_name(value: str | None) -> str:
    """How a complaint-register entry was settled (domain.indicators.Outcome); "" if not yet."""
    if not value:
        return ""
    names = {
        "justified": QCoreApplication.translate("Labels", "Justified"),
        "partly": QCoreApplication.translate("Labels", "Partly justified"),
        "unjustified": QCoreApplication.translate("Labels", "Unjustified"),
        "passed_on": QCoreApplication.translate("Labels", "Passed on"),
        "left_unexamined": QCoreApplication.translate("Labels", "Left unexamined"),
    }
    return names.get(value, value)


def verdict_name(value: str, form_label: str = "") -> str:
    """A mystery-client audit's verdict (the score bands of the shipped forms); a verdict the
    shipped forms do not name reads as the Polish name its form gave it (`form_label`)."""
    names = {
        "excellent": QCoreApplication.translate("Labels", "Excellent"),
        "good": QCoreApplication.translate("Labels", "Good"),
        "subpar": QCoreApplication.translate("Labels", "Needs improvement"),
        "fail": QCoreApplication.translate("Labels", "Unsatisfactory"),
    }
    return names.get(value, form_label or value)


def language() -> str:
    """The window's language ("pl" or "en"), as ui.i18n.install_language set the locale."""
    return "pl" if QLocale().language() == QLocale.Language.Polish else "en"


def number(value: float | None, digits: int = 1, *, trim: bool = False) -> str:
    """A number in the window's language: 87,4 (pl) / 87.4 (en); None → "—"."""
    return numbers.format_number(value, digits, language(), trim=trim)


def percent(value: float | None, digits: int = 1) -> str:
    """A per cent (87.4 means 87.4 %) in the window's language: "87,4 %" / "87.4%"."""
    return numbers.format_percent(value, digits, language())


def signed(value: float, digits: int = 0) -> str:
    """A difference with its sign in the window's language: +3, −2,5 / -2.5."""
    return numbers.format_signed(value, digits, language())


def percent_range(low: float, high: float, digits: int = 1) -> str:
    """An interval of per cents in the window's language: "80,1–90,3 %" / "80.1–90.3%"."""
    return numbers.format_percent_range(low, high, digits, language())


def value_range(low: float, high: float, digits: int = 1) -> str:
    """An interval in the window's language: 80,1–90,3 / 80.1–90.3."""
    return numbers.format_range(low, high, digits, language())
