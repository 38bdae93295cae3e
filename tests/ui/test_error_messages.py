"""Service errors in the window's language: the template is translated, then its fields are
filled in; English (the source) and the command line keep the English sentence."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from auditdesk.domain.errors import AuditDeskError, Localized, NotFound, ValidationFailed
from auditdesk.services.audits.access import AuditLocked
from auditdesk.ui.errors import error_text
from auditdesk.ui.i18n import install_language


@pytest.fixture
def polish(qapp: QApplication) -> Iterator[None]:
    assert "errors_pl.qm" in install_language(qapp, "pl")
    yield
    install_language(qapp, "en")


def test_plain_message_is_translated(polish: None) -> None:
    exc = ValidationFailed("--from is after --to; swap the dates")
    assert str(exc) == "--from is after --to; swap the dates"
    shown = error_text(exc)
    assert shown != str(exc) and "--from" in shown and "--to" in shown


def test_fields_are_filled_into_the_translation(polish: None) -> None:
    exc = ValidationFailed(
        "unit #{unit_id} does not exist; choose a unit from the list", unit_id=4711
    )
    assert str(exc) == "unit #4711 does not exist; choose a unit from the list"
    shown = error_text(exc)
    assert "4711" in shown and "komórk" in shown.lower()  # Polish, with the number in it


def test_english_and_untranslated_messages_stay_as_they_are(qapp: QApplication) -> None:
    install_language(qapp, "en")
    exc = AuditLocked("audit {record} is {status}", record="TK/2025/0001", status="signed")
    assert error_text(exc) == str(exc) == "audit TK/2025/0001 is signed"
    unknown = NotFound("a message no translator has seen: {what}", what="x")
    assert error_text(unknown) == "a message no translator has seen: x"
    assert error_text(OSError("disk full")) == "disk full"


def test_a_translation_with_a_wrong_field_falls_back_to_english(
    polish: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "auditdesk.ui.errors.QCoreApplication.translate", lambda _c, _t: "zła {pole}"
    )
    exc = AuditDeskError("bad {field}", field="x")
    assert error_text(exc) == "bad x"


def test_a_deadline_rule_is_shown_in_polish(polish: None) -> None:
    """The sentence of the rule a date followed exists in both languages; the Polish message
    takes the Polish one, the command line the English one."""
    from datetime import date

    from auditdesk.domain.appraisal import check_objection_date
    from auditdesk.domain.forms.appraisal_sheet import AppraisalSheet
    from auditdesk.domain.forms.loader import load_form
    from auditdesk.resources import data_dir

    form = load_form(data_dir("forms") / "appraisal" / "sc-pozostali.yaml")
    assert isinstance(form.definition, AppraisalSheet)
    read = date(2025, 12, 23)  # seven days run over Christmas
    with pytest.raises(ValidationFailed) as raised:
        check_objection_date(form.definition, read, date(2026, 1, 30))
    caught = raised.value
    assert isinstance(caught.fields["rule"], Localized)
    assert caught.fields["rule"].en in str(caught)
    shown = error_text(caught)
    assert caught.fields["rule"].pl in shown and caught.fields["rule"].en not in shown


def test_a_role_is_named_in_polish(polish: None) -> None:
    from auditdesk.domain.errors import PermissionDenied

    exc = PermissionDenied(
        "{login} ({role}) may not {action}; ask an administrator for the right role.",
        login="ewa",
        role="hr",
        action="manage users",
    )
    assert "(hr)" in str(exc)
    shown = error_text(exc)
    assert "ewa (kadry)" in shown and "(hr)" not in shown


def test_a_status_is_named_in_polish(polish: None) -> None:
    exc = AuditLocked(
        "audit {record} is {status}; only a completed audit can be signed",
        record="TK/2026/0007",
        status="draft",
    )
    shown = error_text(exc)
    assert "TK/2026/0007" in shown and "„wersja robocza”" in shown and "draft" not in shown
