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
