"""The window's names of the register's values (domain.retention): record types, end actions,
request kinds, and each type's purpose, legal basis and start of its period, translated in
context "Privacy". The English equals the domain's (tests/ui/test_privacy_panel.py checks it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def record_type_name(value: str) -> str:
    names = {
        "appraisal": QCoreApplication.translate("Privacy", "Periodic appraisals"),
        "feedback_note": QCoreApplication.translate("Privacy", "Feedback notes"),
        "audit_evidence": QCoreApplication.translate("Privacy", "Audit photos and recordings"),
        "audit_official": QCoreApplication.translate("Privacy", "Observed official in audits"),
        "complaint": QCoreApplication.translate("Privacy", "Complaints and opinions"),
        "read_log": QCoreApplication.translate("Privacy", "Log of appraisal reads"),
    }
    return names.get(value, value)


def end_action_name(value: str) -> str:
    names = {
        "delete": QCoreApplication.translate("Privacy", "delete"),
        "anonymise": QCoreApplication.translate("Privacy", "anonymise"),
        "archive": QCoreApplication.translate("Privacy", "hand over to the archive"),
    }
    return names.get(value, value)


def request_kind_name(value: str) -> str:
    names = {
        "access": QCoreApplication.translate("Privacy", "access (export)"),
        "rectification": QCoreApplication.translate("Privacy", "rectification"),
        "restriction": QCoreApplication.translate("Privacy", "restriction of processing"),
        "restriction_lifted": QCoreApplication.translate("Privacy", "restriction lifted"),
    }
    return names.get(value, value)


def held_reason(value: str) -> str:
    names = {
        "processing restricted": QCoreApplication.translate("Privacy", "processing restricted"),
        "no archive folder given": QCoreApplication.translate("Privacy", "no archive folder given"),
    }
    return names.get(value, value)


def purpose(value: str) -> str:
    names = {
        "appraisal": QCoreApplication.translate(
            "Privacy", "periodic appraisal of staff and their development programme"
        ),
        "feedback_note": QCoreApplication.translate(
            "Privacy", "preparing the next periodic appraisal"
        ),
        "audit_evidence": QCoreApplication.translate(
            "Privacy", "proof of the audit's findings while they can be disputed"
        ),
        "audit_official": QCoreApplication.translate(
            "Privacy", "feedback to the official and their next appraisal"
        ),
        "complaint": QCoreApplication.translate(
            "Privacy", "the hard indicators of contentment (deadlines, counts per unit)"
        ),
        "read_log": QCoreApplication.translate(
            "Privacy", "accountability for reading personal data (RODO art. 5(2), art. 32)"
        ),
    }
    return names.get(value, value)


def legal_basis(value: str) -> str:
    names = {
        "appraisal": QCoreApplication.translate(
            "Privacy",
            "RODO art. 6(1)(c) with the Civil Service Act art. 81 / the Local Government "
            "Employees Act art. 28 and the Labour Code art. 94(4) (personnel files)",
        ),
        "feedback_note": QCoreApplication.translate(
            "Privacy", "RODO art. 6(1)(c) with the appraisal provisions (as for appraisals)"
        ),
        "audit_evidence": QCoreApplication.translate(
            "Privacy",
            "RODO art. 6(1)(e) (the office's task of measuring its service standards) with "
            "art. 6(1)(c) for the appraisal that may cite the audit",
        ),
        "audit_official": QCoreApplication.translate(
            "Privacy", "RODO art. 6(1)(e) with art. 6(1)(c) (appraisal provisions)"
        ),
        "complaint": QCoreApplication.translate(
            "Privacy",
            "RODO art. 6(1)(c) with the Code of Administrative Procedure section VIII (art. "
            "221-256) and the office's filing plan (JRWA)",
        ),
        "read_log": QCoreApplication.translate("Privacy", "RODO art. 6(1)(c) with art. 32"),
    }
    return names.get(value, value)


def starts(value: str) -> str:
    names = {
        "appraisal": QCoreApplication.translate(
            "Privacy",
            "1 January of the year after the employment ended (the day recorded by HR)",
        ),
        "feedback_note": QCoreApplication.translate(
            "Privacy", "the day of the note; a note taken into an appraisal follows the appraisal"
        ),
        "audit_evidence": QCoreApplication.translate(
            "Privacy", "the completion of the audit; never while a dispute of it is open"
        ),
        "audit_official": QCoreApplication.translate(
            "Privacy", "the day of the visit; never while a dispute of it is open"
        ),
        "complaint": QCoreApplication.translate(
            "Privacy",
            "1 January of the year after the entry was settled (as the filing plan counts)",
        ),
        "read_log": QCoreApplication.translate("Privacy", "the day of the reading"),
    }
    return names.get(value, value)
