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
