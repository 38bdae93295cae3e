"""The register of personal data AuditDesk holds (issue 19, RODO art. 30): per record type its
purpose, legal basis, who may read it, how long it is kept and what happens at the end. The
defaults are argued in docs/personal-data.md; an administrator may change the period and the
end action of each type (services.privacy.register), within the actions the type allows.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import date

from auditdesk.domain.errors import ValidationFailed


class EndAction(enum.StrEnum):
    """What happens to a record at the end of its retention period."""

    DELETE = "delete"  # removed; the trail keeps only hashes of what it said
    ANONYMISE = "anonymise"  # the person is removed from it; the counts it feeds stay
    ARCHIVE = "archive"  # written to a hand-over file for the archive, then removed


class RecordType(enum.StrEnum):
    APPRAISAL = "appraisal"
    FEEDBACK_NOTE = "feedback_note"
    AUDIT_EVIDENCE = "audit_evidence"
    AUDIT_OFFICIAL = "audit_official"
    COMPLAINT = "complaint"
    READ_LOG = "read_log"


class RequestKind(enum.StrEnum):
    """A person's request about their data, recorded with what was done (RODO art. 15-18)."""

    ACCESS = "access"
    RECTIFICATION = "rectification"
    RESTRICTION = "restriction"
    RESTRICTION_LIFTED = "restriction_lifted"


@dataclass(frozen=True)
class RetentionRule:
    record_type: RecordType
    holds: str  # what the record says about whom
    purpose: str
    legal_basis: str
    readers: str
    starts: str  # the day the period is counted from
    months: int
    action: EndAction
    allowed: tuple[EndAction, ...]
    from_next_year: bool = False  # counted from 1 January of the following year (JRWA)
    changed_by: str | None = None  # None: the default

    @property
    def period_text(self) -> str:
        years, months = divmod(self.months, 12)
        if months == 0:
            return f"{years} years" if years != 1 else "1 year"
        return f"{self.months} months"


DEFAULTS: dict[RecordType, RetentionRule] = {
    r.record_type: r
    for r in (
        RetentionRule(
            RecordType.APPRAISAL,
            holds="the periodic appraisal of an employee: ratings, justification, development "
            "areas (IPRZ), the objection and its decision",
            purpose="periodic appraisal of staff and their development programme",
            legal_basis="RODO art. 6(1)(c) with the Civil Service Act art. 81 / the Local "
            "Government Employees Act art. 28 and the Labour Code art. 94(4) (personnel files)",
            readers="HR, the appraiser (the employee's supervisor), the employee",
            starts="1 January of the year after the employment ended (the day recorded by HR)",
            months=120,
            action=EndAction.DELETE,
            allowed=(EndAction.DELETE, EndAction.ARCHIVE),
            from_next_year=True,  # Labour Code art. 94(4): from the end of that calendar year
        ),
        RetentionRule(
            RecordType.FEEDBACK_NOTE,
            holds="ongoing feedback to an employee between appraisals",
            purpose="preparing the next periodic appraisal",
            legal_basis="RODO art. 6(1)(c) with the appraisal provisions (as for appraisals)",
            readers="HR, the author (the supervisor), the employee",
            starts="the day of the note; a note taken into an appraisal follows the appraisal",
            months=36,
            action=EndAction.DELETE,
            allowed=(EndAction.DELETE, EndAction.ARCHIVE),
        ),
        RetentionRule(
            RecordType.AUDIT_EVIDENCE,
            holds="photos, recordings and files attached to a mystery-client audit, which may "
            "show or record the observed official",
            purpose="proof of the audit's findings while they can be disputed",
            legal_basis="RODO art. 6(1)(e) (the office's task of measuring its service "
            "standards) with art. 6(1)(c) for the appraisal that may cite the audit",
            readers="the auditor, HR, the unit's manager",
            starts="the completion of the audit; never while a dispute of it is open",
            months=3,
            action=EndAction.DELETE,
            allowed=(EndAction.DELETE,),
        ),
        RetentionRule(
            RecordType.AUDIT_OFFICIAL,
            holds="who was the observed official in a mystery-client audit (the employee, the "
            "badge or desk note) and the protocol that names them",
            purpose="feedback to the official and their next appraisal",
            legal_basis="RODO art. 6(1)(e) with art. 6(1)(c) (appraisal provisions)",
            readers="the auditor, HR, the unit's manager, the official",
            starts="the day of the visit; never while a dispute of it is open",
            months=24,
            action=EndAction.ANONYMISE,
            allowed=(EndAction.ANONYMISE,),
        ),
        RetentionRule(
            RecordType.COMPLAINT,
            holds="complaints, grievances and opinions: what the client wrote (which may name "
            "them) and the official it concerns",
            purpose="the hard indicators of contentment (deadlines, counts per unit)",
            legal_basis="RODO art. 6(1)(c) with the Code of Administrative Procedure section "
            "VIII (art. 221-256) and the office's filing plan (JRWA)",
            readers="HR and quality staff, supervisors of the unit",
            starts="1 January of the year after the entry was settled (as the filing plan counts)",
            months=60,
            action=EndAction.ANONYMISE,
            allowed=(EndAction.ANONYMISE, EndAction.DELETE),
            from_next_year=True,
        ),
        RetentionRule(
            RecordType.READ_LOG,
            holds="who opened a person's appraisal, and when",
            purpose="accountability for reading personal data (RODO art. 5(2), art. 32)",
            legal_basis="RODO art. 6(1)(c) with art. 32",
            readers="HR, administrators, the person concerned",
            starts="the day of the reading",
            months=24,
            action=EndAction.DELETE,
            allowed=(EndAction.DELETE,),
        ),
    )
}

MAX_MONTHS = 12 * 100


def rule_with(
    record_type: str, months: int, action: str, changed_by: str | None = None
) -> RetentionRule:
    """The default rule of `record_type` with an administrator's period and end action,
    checked: a known type, 1 to 1200 months, an action the type allows."""
    try:
        kind = RecordType(record_type)
    except ValueError:
        raise ValidationFailed(
            "unknown record type {record_type}; use one of {known}",
            record_type=record_type,
            known=", ".join(t.value for t in RecordType),
        ) from None
    base = DEFAULTS[kind]
    if not 1 <= months <= MAX_MONTHS:
        raise ValidationFailed(
            "retention of {record_type}: {months} months is out of range; give 1 to {most}",
            record_type=kind.value,
            months=months,
            most=MAX_MONTHS,
        )
    try:
        end = EndAction(action)
    except ValueError:
        end = None
    if end is None or end not in base.allowed:
        raise ValidationFailed(
            "retention of {record_type}: the end action {action} is not allowed; use one of "
            "{allowed}",
            record_type=kind.value,
            action=action,
            allowed=", ".join(a.value for a in base.allowed),
        )
    return replace(base, months=months, action=end, changed_by=changed_by)


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months; the 31st becomes the month's last day where it has none."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def due_on(rule: RetentionRule, start: date) -> date:
    """The first day the record is due for its end action: the period counted from `start`
    (from 1 January of the following year where the rule counts as the filing plan does)."""
    if rule.from_next_year:
        start = date(start.year + 1, 1, 1)
    return add_months(start, rule.months)


def is_due(rule: RetentionRule, start: date, today: date) -> bool:
    return due_on(rule, start) <= today
