"""Error messages in the window's language: a service's error carries an English template and
its fields (domain/errors.py); this translates the template and then fills the fields in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from auditdesk.domain.errors import AuditDeskError, Localized
from auditdesk.ui.labels import (
    appraisal_status_name,
    permission_name,
    role_name,
    status_name,
    trail_entity_name,
)

CONTEXT = "Errors"

# fields that carry a stored value's code: the window names the value, never shows the code
NAMED_FIELDS: dict[str, Callable[[str], str]] = {
    "role": role_name,  # "kadry" / "HR", not "hr"
    "status": status_name,  # an audit's, a dispute's or an action plan's
    "appraisal_status": appraisal_status_name,
    "action": permission_name,  # a refusal's "may not {action}"; other actions pass unchanged
    "entity": trail_entity_name,  # a stale edit's record kind: "audyt", "ocena okresowa"
}


def error_text(exc: BaseException) -> str:
    """What to show for `exc`: the translated message of an AuditDesk error, else str(exc).

    The template is translated, bilingual values give the window's language, and a field
    holding a code (NAMED_FIELDS) is named as the window names it, in Polish and English alike."""
    if not isinstance(exc, AuditDeskError) or not getattr(exc, "template", ""):
        return str(exc)
    translated = QCoreApplication.translate(CONTEXT, exc.template)
    polish = translated != exc.template  # translated means Polish (the one translation shipped)
    if not exc.fields:
        return translated if polish else str(exc)
    fields = {
        k: (v.pl if polish else v.en) if isinstance(v, Localized) else v
        for k, v in exc.fields.items()
    }
    named = False
    for name, label in NAMED_FIELDS.items():
        if isinstance(fields.get(name), str):
            fields[name] = label(str(fields[name]))
            named = True
    if not polish and not named:
        return str(exc)
    try:
        return translated.format(**fields)
    except (KeyError, IndexError, ValueError):  # a translation naming a field that is not there
        return str(exc)
