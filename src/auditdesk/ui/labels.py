"""Names shown for values of the domain, in the current language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


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
    """The status of an audit, a dispute or an action plan as an error message names it."""
    names = {
        "draft": QCoreApplication.translate("Errors", "draft"),
        "completed": QCoreApplication.translate("Errors", "completed"),
        "signed": QCoreApplication.translate("Errors", "signed"),
        "open": QCoreApplication.translate("Errors", "open"),
        "submitted": QCoreApplication.translate("Errors", "submitted to the manager"),
        "accepted": QCoreApplication.translate("Errors", "accepted"),
        "returned": QCoreApplication.translate("Errors", "returned"),
        "upheld": QCoreApplication.translate("Errors", "upheld"),
        "rejected": QCoreApplication.translate("Errors", "rejected"),
    }
    return names.get(value, value)


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
        "export": QCoreApplication.translate("Labels", "export"),
        "import": QCoreApplication.translate("Labels", "import"),
        "object": QCoreApplication.translate("Labels", "objection"),
        "reactivate": QCoreApplication.translate("Labels", "reactivation"),
        "recount": QCoreApplication.translate("Labels", "recount"),
        "reopen": QCoreApplication.translate("Labels", "reopening"),
        "reset_password": QCoreApplication.translate("Labels", "password reset"),
        "restore": QCoreApplication.translate("Labels", "restore"),
        "save": QCoreApplication.translate("Labels", "save"),
        "sign": QCoreApplication.translate("Labels", "signature"),
        "sign_in": QCoreApplication.translate("Labels", "sign-in"),
        "update": QCoreApplication.translate("Labels", "update"),
    }
    return names.get(value, value.replace("_", " "))
