"""Scoring of a mystery-client checklist, the way the industry counts.

Score % = points earned ÷ points possible over the applicable items (a sum, not an average of
section percentages). N/A and unanswered optional items leave both numerator and denominator.
Weights multiply an item's points. A failed critical item makes the verdict the lowest band's
(fail) whatever the %, and by its policy also zeroes its section or the whole audit. Values are
kept exact (floats of the sums); rounding happens only when a value is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from auditdesk.domain import numbers
from auditdesk.domain.forms.checklist import ChecklistForm, ChecklistItem


@dataclass(frozen=True)
class Answer:
    """What an auditor recorded for one item: a value (text form), or N/A, and a comment."""

    value: str | None = None
    na: bool = False
    comment: str = ""

    @property
    def answered(self) -> bool:
        return self.na or (self.value is not None and self.value.strip() != "")


@dataclass(frozen=True)
class ItemResult:
    item_id: str
    applicable: bool  # counts in the score (scored, answered, not N/A)
    earned: float  # weighted
    possible: float  # weighted
    met: bool | None  # earned the item's full points; None when not applicable
    critical_failed: bool


@dataclass(frozen=True)
class SectionScore:
    section_id: str
    earned: float
    possible: float
    zeroed: bool

    @property
    def percent(self) -> float | None:
        return None if self.possible == 0 else 100.0 * self.earned / self.possible


@dataclass(frozen=True)
class ScoreResult:
    earned: float
    possible: float
    percent: float | None  # None when no scored item applied
    verdict: str
    verdict_label_pl: str
    verdict_label_en: str
    passed: bool
    critical_failure: bool
    critical_items: list[str]
    sections: list[SectionScore]
    items: dict[str, ItemResult] = field(default_factory=dict)
    missing_required: list[str] = field(default_factory=list)

    def section(self, section_id: str) -> SectionScore | None:
        return next((s for s in self.sections if s.section_id == section_id), None)


def item_result(item: ChecklistItem, answer: Answer | None) -> ItemResult:
    """One item's contribution; an invalid value counts as unanswered."""
    if not item.scored or answer is None or answer.na or not answer.answered:
        return ItemResult(item.id, False, 0.0, 0.0, None, False)
    assert answer.value is not None
    points = item.points_for(answer.value)
    if points is None:
        return ItemResult(item.id, False, 0.0, 0.0, None, False)
    best = item.best_points()
    failed = item.critical is not None and points == 0
    return ItemResult(
        item.id, True, points * item.weight, best * item.weight, points >= best, failed
    )


def missing_required(form: ChecklistForm, answers: Mapping[str, Answer]) -> list[str]:
    """Ids of required items with no answer (N/A counts as an answer where it is allowed)."""
    out: list[str] = []
    for item in form.items():
        answer = answers.get(item.id)
        if not item.required:
            continue
        if (
            answer is None
            or not answer.answered
            or (answer.na and not item.na_allowed)
            or (not answer.na and item.scored and item.points_for(answer.value or "") is None)
        ):
            out.append(item.id)
    return out


def score(form: ChecklistForm, answers: Mapping[str, Answer]) -> ScoreResult:
    """Scores the answers against the form version they were filled in."""
    items: dict[str, ItemResult] = {}
    sections: list[SectionScore] = []
    critical: list[str] = []
    zero_audit = False
    for section in form.sections:
        earned = possible = 0.0
        zero_section = False
        for item in section.items:
            result = item_result(item, answers.get(item.id))
            items[item.id] = result
            earned += result.earned
            possible += result.possible
            if result.critical_failed:
                critical.append(item.id)
                zero_section |= item.critical == "zero_section"
                zero_audit |= item.critical == "zero_audit"
        sections.append(
            SectionScore(section.id, 0.0 if zero_section else earned, possible, zero_section)
        )
    if zero_audit:
        sections = [SectionScore(s.section_id, 0.0, s.possible, True) for s in sections]
    earned = sum(s.earned for s in sections)
    possible = sum(s.possible for s in sections)
    percent = None if possible == 0 else 100.0 * earned / possible
    band = form.lowest_band() if critical else form.band_for(percent or 0.0)
    return ScoreResult(
        earned=earned,
        possible=possible,
        percent=percent,
        verdict=band.verdict,
        verdict_label_pl=band.label.pl,
        verdict_label_en=band.label.en or band.label.pl,
        passed=band.passed and not critical,
        critical_failure=bool(critical),
        critical_items=critical,
        sections=sections,
        items=items,
        missing_required=missing_required(form, answers),
    )


def needs_action_plan(form: ChecklistForm, result: ScoreResult) -> bool:
    """Completing below the form's threshold (or with a critical failure) opens an action plan."""
    if form.action_plan_below is None:
        return False
    return result.critical_failure or (
        result.percent is not None and result.percent < form.action_plan_below
    )


def format_percent(value: float | None, digits: int = 1, language: str = "pl") -> str:
    """For display only: the stored value stays exact. Polish unless `language` says "en"."""
    return numbers.format_percent(value, digits, language)
