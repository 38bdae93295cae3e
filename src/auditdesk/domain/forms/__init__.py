"""Form definitions (checklists, appraisal sheets, surveys): schema, loading and hashing."""

from auditdesk.domain.forms.base import FormBase, LocalizedText, StrictModel
from auditdesk.domain.forms.loader import LoadedForm, load_form, load_form_text, register_kind

__all__ = [
    "FormBase",
    "LoadedForm",
    "LocalizedText",
    "StrictModel",
    "load_form",
    "load_form_text",
    "register_kind",
]
