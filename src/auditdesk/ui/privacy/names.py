"""The window's names of the register's values (domain.retention): record types, end actions,
request kinds, and each type's purpose, legal basis and start of its period, translated in
context "Privacy". The English equals the domain's (tests/ui/test_privacy_panel.py checks it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Privacy", text)


def record_type_name(value: str) -> str:
    names = {
        "appraisal": _t("Periodic appraisals"),
        "feedback_note": _t("Feedback notes"),
        "audit_evidence": _t("Audit photos and recordings"),
        "audit_official": _t("Observed official in audits"),
        "complaint": _t("Complaints and opinions"),
        "read_log": _t("Log of appraisal reads"),
    }
    return names.get(value, value)


def end_action_name(value: str) -> str:
    names = {
        "delete": _t("delete"),
        "anonymise": _t("anonymise"),
        "archive": _t("hand over to the archive"),
    }
    return names.get(value, value)


def request_kind_name(value: str) -> str:
    names = {
        "access": _t("access (export)"),
        "rectification": _t("rectification"),
        "restriction": _t("restriction of processing"),
        "restriction_lifted": _t("restriction lifted"),
    }
    return names.get(value, value)


def held_reason(value: str) -> str:
    names = {
        "processing restricted": _t("processing restricted"),
        "no archive folder given": _t("no archive folder given"),
    }
    return names.get(value, value)


def purpose(value: str) -> str:
    names = {
        "appraisal": _t("periodic appraisal of staff and their development programme"),
        "feedback_note": _t("preparing the next periodic appraisal"),
        "audit_evidence": _t("proof of the audit's findings while they can be disputed"),
        "audit_official": _t("feedback to the official and their next appraisal"),
        "complaint": _t("the hard indicators of contentment (deadlines, counts per unit)"),
        "read_log": _t("accountability for reading personal data (RODO art. 5(2), art. 32)"),
    }
    return names.get(value, value)


def legal_basis(value: str) -> str:
    names = {
        "appraisal": _t(
            "RODO art. 6(1)(c) with the Civil Service Act art. 81 / the Local Government "
            "Employees Act art. 28 and Labour Code art. 22(1)"
        ),
        "feedback_note": _t("RODO art. 6(1)(c) with the appraisal provisions (as for appraisals)"),
        "audit_evidence": _t(
            "RODO art. 6(1)(e) (the office's task of measuring its service standards) with "
            "art. 6(1)(c) for the appraisal that may cite the audit"
        ),
        "audit_official": _t("RODO art. 6(1)(e) with art. 6(1)(c) (appraisal provisions)"),
        "complaint": _t(
            "RODO art. 6(1)(c) with the Code of Administrative Procedure section VIII (art. "
            "221-256) and the office's filing plan (JRWA)"
        ),
        "read_log": _t("RODO art. 6(1)(c) with art. 32"),
    }
    return names.get(value, value)


def starts(value: str) -> str:
    names = {
        "appraisal": _t("the end of the employment (recorded by HR)"),
        "feedback_note": _t(
            "the day of the note; a note taken into an appraisal follows the appraisal"
        ),
        "audit_evidence": _t("the completion of the audit; never while a dispute of it is open"),
        "audit_official": _t("the day of the visit; never while a dispute of it is open"),
        "complaint": _t(
            "1 January of the year after the entry was settled (as the filing plan counts)"
        ),
        "read_log": _t("the day of the reading"),
    }
    return names.get(value, value)
