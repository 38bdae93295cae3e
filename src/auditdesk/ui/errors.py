"""Error messages in the window's language: a service's error carries an English template and
its fields (domain/errors.py); this translates the template and then fills the fields in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from auditdesk.domain.errors import AuditDeskError, Localized
from auditdesk.ui.labels import role_name, status_name

CONTEXT = "Errors"


def error_text(exc: BaseException) -> str:
    """What to show for `exc`: the translated message of an AuditDesk error, else str(exc)."""
    if not isinstance(exc, AuditDeskError) or not getattr(exc, "template", ""):
        return str(exc)
    translated = QCoreApplication.translate(CONTEXT, exc.template)
    if translated == exc.template:
        return str(exc)
    # translated means Polish (the one translation shipped): bilingual values give their Polish,
    # and a role is named as the window names it ("kadry", not "hr")
    fields = {k: v.pl if isinstance(v, Localized) else v for k, v in exc.fields.items()}
    if isinstance(fields.get("role"), str):
        fields["role"] = role_name(str(fields["role"]))
    if isinstance(fields.get("status"), str):
        fields["status"] = status_name(str(fields["status"]))
    try:
        return translated.format(**fields) if fields else translated
    except (KeyError, IndexError, ValueError):  # a translation naming a field that is not there
        return str(exc)
