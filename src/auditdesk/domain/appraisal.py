"""Appraisal rules: choosing criteria, the overall result, due dates and streaks.

Pure functions over an `AppraisalSheet` (the stored version an appraisal was made on) and plain
values, so that every rule can be tested without a database or a window.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from auditdesk.domain.errors import Localized, ValidationFailed
from auditdesk.domain.forms.appraisal_sheet import AppraisalSheet, OverallLevel
from auditdesk.domain.periods import (
    ComputedDate,
    Span,
    days_after,
    fmt,
    months_after,
    postpone_by_absences,
    shift_to_working_day,
)
from auditdesk.domain.values import AppraisalKind as AppraisalKind
from auditdesk.domain.values import AppraisalStatus as AppraisalStatus

MADE_STATUSES = frozenset(
    {
        AppraisalStatus.DISCUSSED,
        AppraisalStatus.ACKNOWLEDGED,
        AppraisalStatus.OBJECTED,
        AppraisalStatus.FINAL,
    }
)


def required_criteria(sheet: AppraisalSheet, customer_facing: bool) -> list[str]:
    return [
        c.code
        for c in sheet.criteria
        if c.mandatory or (customer_facing and c.mandatory_if_customer_facing)
    ]


def optional_criteria(sheet: AppraisalSheet, customer_facing: bool) -> list[str]:
    required = set(required_criteria(sheet, customer_facing))
    return [c.code for c in sheet.criteria if c.code not in required]


def select_criteria(
    sheet: AppraisalSheet, customer_facing: bool, additional: Iterable[str]
) -> list[str]:
    """The criteria of one appraisal: every mandatory one plus the chosen additional ones, in
    the sheet's order. Raises ValidationFailed naming what to change."""
    chosen = list(dict.fromkeys(additional))
    required = required_criteria(sheet, customer_facing)
    optional = optional_criteria(sheet, customer_facing)
    unknown = [c for c in chosen if c not in optional and c not in required]
    if unknown:
        raise ValidationFailed(
            "criteria {criteria} are not on the sheet {sheet}; choose among {choices}",
            criteria=", ".join(unknown),
            sheet=sheet.id,
            choices=", ".join(optional) or "(none)",
        )
    extra = [c for c in chosen if c in optional]
    lo, hi = sheet.additional.min, min(sheet.additional.max, len(optional))
    if not lo <= len(extra) <= hi:
        raise ValidationFailed(
            "sheet {sheet}: choose {low}–{high} additional criteria (chosen: {chosen})",
            sheet=sheet.id,
            low=lo,
            high=hi,
            chosen=len(extra),
        )
    selected = set(required) | set(extra)
    return [c.code for c in sheet.criteria if c.code in selected]


@dataclass(frozen=True)
class OverallResult:
    score: float
    level: OverallLevel
    positive: bool


def level_for(sheet: AppraisalSheet, score: float) -> OverallLevel:
    """The overall level whose cut-off (min) the score reaches; levels are listed from the top."""
    for level in sheet.overall.levels:
        if score >= level.min:
            return level
    return sheet.overall.levels[-1]


def overall_result(sheet: AppraisalSheet, ratings: Mapping[str, str]) -> OverallResult:
    """The (optionally weighted) mean of the criterion ratings, rounded as the sheet says, and
    the level it maps to. `ratings` maps criterion code -> scale level code; all must be rated."""
    if not ratings:
        raise ValidationFailed("no criterion is rated; rate every chosen criterion first")
    total = 0.0
    weights = 0.0
    for code, level_code in ratings.items():
        try:
            criterion = sheet.criterion(code)
        except KeyError:
            raise ValidationFailed(
                "criterion {criterion!r} is not on the sheet {sheet}",
                criterion=code,
                sheet=sheet.id,
            ) from None
        try:
            points = sheet.scale_level(level_code).points
        except KeyError:
            raise ValidationFailed(
                "criterion {criterion}: {level!r} is not a level of the scale of {sheet}",
                criterion=code,
                level=level_code,
                sheet=sheet.id,
            ) from None
        weight = criterion.weight if sheet.overall.method == "weighted_mean" else 1.0
        total += points * weight
        weights += weight
    score = round(total / weights, sheet.overall.decimals)
    level = level_for(sheet, score)
    return OverallResult(score, level, level.positive)


# --- dates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PastAppraisal:
    """What the due-date and streak rules need to know of an appraisal already made."""

    made_on: date
    positive: bool
    level_code: str
    read_on: date | None
    kind: AppraisalKind = AppraisalKind.PERIODIC


@dataclass(frozen=True)
class DueDate:
    reason: AppraisalKind
    date: ComputedDate
    first: bool = False  # no appraisal yet: counted from the day the duty began


def objection_deadline(sheet: AppraisalSheet, read_on: date) -> ComputedDate:
    return days_after(
        read_on,
        sheet.objection_days,
        "Termin na odwołanie od oceny",
        "The period for an objection",
    )


def decision_deadline(sheet: AppraisalSheet, filed_on: date) -> ComputedDate:
    return days_after(
        filed_on,
        sheet.decision_days,
        "Termin na rozpatrzenie odwołania",
        "The period for deciding the objection",
    )


def follow_up_due(sheet: AppraisalSheet, read_on: date) -> ComputedDate:
    due = months_after(
        read_on,
        sheet.follow_up_months,
        "Kolejna ocena po ocenie negatywnej (od dnia zapoznania się z nią)",
        "The follow-up after a negative appraisal (from the day it was read)",
    )
    return due


def follow_up_earliest(sheet: AppraisalSheet, read_on: date) -> ComputedDate | None:
    if sheet.follow_up_earliest_months is None:
        return None
    return months_after(
        read_on,
        sheet.follow_up_earliest_months,
        "Kolejna ocena po negatywnej nie wcześniej niż",
        "The follow-up after a negative appraisal no sooner than",
        shift=False,
    )


def periodic_due(
    sheet: AppraisalSheet, start: date, absences: Iterable[Span], first: bool
) -> ComputedDate:
    """`cycle_months` from the day the previous appraisal was made (or the duty began), moved by
    absences longer than a month, then off a Saturday or a day off."""
    if first:
        what_pl, what_en = (
            "Pierwsza ocena (od dnia rozpoczęcia pracy)",
            "The first appraisal (from the day the duty began)",
        )
    else:
        what_pl = "Ocena okresowa (od dnia sporządzenia poprzedniej)"
        what_en = "The periodic appraisal (from the day the previous one was made)"
    due = months_after(start, sheet.cycle_months, what_pl, what_en, shift=False)
    due = postpone_by_absences(due, start, absences)
    return shift_to_working_day(due)


def next_due(
    sheet: AppraisalSheet,
    history: Sequence[PastAppraisal],
    employed_since: date | None,
    absences: Iterable[Span] = (),
) -> DueDate | None:
    """The next appraisal due: a follow-up after a negative one that was read, else the periodic
    one. None when there is neither a previous appraisal nor a start of duty to count from."""
    spans = list(absences)
    if history:
        last = max(history, key=lambda a: a.made_on)
        if not last.positive and last.read_on is not None:
            return DueDate(AppraisalKind.FOLLOW_UP, follow_up_due(sheet, last.read_on))
        return DueDate(AppraisalKind.PERIODIC, periodic_due(sheet, last.made_on, spans, False))
    if employed_since is None:
        return None
    return DueDate(
        AppraisalKind.PERIODIC, periodic_due(sheet, employed_since, spans, True), first=True
    )


class DueStatus(enum.StrEnum):
    OVERDUE = "overdue"
    DUE_30 = "due_30"
    DUE_60 = "due_60"
    IN_PROGRESS = "in_progress"
    NOT_DUE = "not_due"
    UNKNOWN = "unknown"  # no start of duty recorded


def due_status(due: date | None, today: date, in_progress: bool) -> DueStatus:
    if in_progress:
        return DueStatus.IN_PROGRESS
    if due is None:
        return DueStatus.UNKNOWN
    left = (due - today).days
    if left < 0:
        return DueStatus.OVERDUE
    if left <= 30:
        return DueStatus.DUE_30
    if left <= 60:
        return DueStatus.DUE_60
    return DueStatus.NOT_DUE


def check_objection_date(sheet: AppraisalSheet, read_on: date, filed_on: date) -> None:
    deadline = objection_deadline(sheet, read_on)
    if filed_on < read_on:
        raise ValidationFailed(
            "objection date {filed} is before the appraisal was read ({read})",
            filed=fmt(filed_on),
            read=fmt(read_on),
        )
    if filed_on > deadline.value:
        raise ValidationFailed(
            "objection date {filed} is too late: {rule}",
            filed=fmt(filed_on),
            rule=Localized(deadline.rule("en"), deadline.rule("pl")),
        )


def check_decision_date(sheet: AppraisalSheet, filed_on: date, decided_on: date) -> None:
    deadline = decision_deadline(sheet, filed_on)
    if decided_on < filed_on:
        raise ValidationFailed(
            "decision date {decided} is before the objection ({filed})",
            decided=fmt(decided_on),
            filed=fmt(filed_on),
        )
    if decided_on > deadline.value:
        raise ValidationFailed(
            "decision date {decided} is too late: {rule}",
            decided=fmt(decided_on),
            rule=Localized(deadline.rule("en"), deadline.rule("pl")),
        )


# --- streaks -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Streaks:
    top_positive_run: int  # consecutive latest appraisals positive at a promotion level
    negative_run: int  # consecutive latest negative appraisals
    promotion: bool  # two in a row at one of the two highest levels
    hr_warning: bool  # two negative in a row: grounds to end employment

    def sentence(self, language: str = "pl") -> str:
        if self.hr_warning:
            return (
                "Two negative appraisals in a row: the law provides for ending employment."
                if language == "en"
                else "Dwie kolejne oceny negatywne: ustawa przewiduje rozwiązanie stosunku pracy."
            )
        if self.promotion:
            return (
                "Two appraisals in a row at one of the two highest levels: promotion in grade."
                if language == "en"
                else "Dwie kolejne oceny na jednym z dwóch najwyższych poziomów: podstawa do "
                "przeniesienia na wyższy stopień."
            )
        return ""


def streaks(history: Sequence[PastAppraisal], promotion_levels: Iterable[str]) -> Streaks:
    """Runs counted back from the latest appraisal made (superseded ones are not passed in)."""
    top = set(promotion_levels)
    ordered = sorted(history, key=lambda a: a.made_on, reverse=True)
    top_run = 0
    for a in ordered:
        if a.positive and a.level_code in top:
            top_run += 1
        else:
            break
    neg_run = 0
    for a in ordered:
        if not a.positive:
            neg_run += 1
        else:
            break
    return Streaks(top_run, neg_run, top_run >= 2, neg_run >= 2)
