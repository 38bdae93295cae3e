"""Appraisal sheets (kind "appraisal"): criteria with behaviour indicators per level, which are
mandatory and how many additional ones may be chosen, the rating scale, how the overall result is
computed and mapped to overall levels by cut-offs, which levels are positive, and the periods
(cycle, follow-up after a negative result, objection and decision). All of it is data, because
the civil-service regulation changed them between versions and every local-government office sets
its own by internal order."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from auditdesk.domain.forms.base import FormBase, Identifier, LocalizedText, StrictModel
from auditdesk.domain.forms.loader import register_kind


class ScaleLevel(StrictModel):
    """One rating a criterion can get, e.g. 4 points = "powyżej oczekiwań"."""

    code: Identifier
    points: float
    label: LocalizedText


class Criterion(StrictModel):
    code: Identifier
    name: LocalizedText
    description: LocalizedText | None = None
    mandatory: bool = False
    # mandatory for customer-facing posts (client orientation), additional for the others
    mandatory_if_customer_facing: bool = False
    weight: float = Field(default=1.0, gt=0)
    # behaviour indicators: scale level code -> what that rating looks like in practice
    indicators: dict[str, LocalizedText] = Field(default_factory=dict)


class AdditionalCount(StrictModel):
    min: int = Field(default=0, ge=0)
    max: int = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _order(self) -> AdditionalCount:
        if self.min > self.max:
            raise ValueError("additional.min must not exceed additional.max")
        return self


class OverallLevel(StrictModel):
    """An overall result: every score from `min` (inclusive) up to the next level's min."""

    code: Identifier
    label: LocalizedText
    min: float
    positive: bool


class Overall(StrictModel):
    method: Literal["mean", "weighted_mean"] = "mean"
    decimals: int = Field(default=2, ge=0, le=4)
    levels: list[OverallLevel] = Field(min_length=2)
    # levels whose two-in-a-row leads to promotion in grade; default: the two highest
    promotion_levels: list[Identifier] = Field(default_factory=list)


class AppraisalSheet(FormBase):
    kind: Literal["appraisal"]
    sector: Literal["civil_service", "local_government"]
    applies_to: Literal["head_of_office", "manager", "staff", "any"] = "any"
    legal_basis: LocalizedText | None = None
    scale: list[ScaleLevel] = Field(min_length=2)
    criteria: list[Criterion] = Field(min_length=1)
    additional: AdditionalCount = AdditionalCount()
    overall: Overall
    cycle_months: int = Field(default=24, ge=1)
    follow_up_months: int = Field(default=6, ge=1)
    follow_up_earliest_months: int | None = Field(default=None, ge=1)
    objection_days: int = Field(default=7, ge=1)
    decision_days: int = Field(default=14, ge=1)
    development_action_kinds: list[LocalizedText] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> AppraisalSheet:
        codes = [level.code for level in self.scale]
        if len(set(codes)) != len(codes):
            raise ValueError("scale: level codes must be unique")
        points = [level.points for level in self.scale]
        if len(set(points)) != len(points):
            raise ValueError("scale: two levels have the same points")
        crit = [c.code for c in self.criteria]
        dupes = sorted({c for c in crit if crit.count(c) > 1})
        if dupes:
            raise ValueError(f"criteria: duplicate code(s) {', '.join(dupes)}")
        for c in self.criteria:
            unknown = sorted(set(c.indicators) - set(codes))
            if unknown:
                raise ValueError(
                    f"criteria {c.code}: indicators name unknown scale level(s) "
                    f"{', '.join(unknown)}; use one of {', '.join(codes)}"
                )
            if c.mandatory and c.mandatory_if_customer_facing:
                raise ValueError(
                    f"criteria {c.code}: set either mandatory or mandatory_if_customer_facing"
                )
        optional = [c for c in self.criteria if not c.mandatory]
        if self.additional.min > len(optional):
            raise ValueError(
                f"additional.min is {self.additional.min} but only {len(optional)} criteria "
                "are not mandatory"
            )
        mins = [lv.min for lv in self.overall.levels]
        if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
            raise ValueError("overall.levels: list them from the highest to the lowest min")
        low, high = min(points), max(points)
        if mins[-1] > low:
            raise ValueError(
                f"overall.levels: the lowest level must start at or below {low} "
                "(the lowest possible score), or some results would have no level"
            )
        if mins[0] > high:
            raise ValueError(f"overall.levels: {self.overall.levels[0].code} starts above {high}")
        level_codes = [lv.code for lv in self.overall.levels]
        if len(set(level_codes)) != len(level_codes):
            raise ValueError("overall.levels: codes must be unique")
        unknown = sorted(set(self.overall.promotion_levels) - set(level_codes))
        if unknown:
            raise ValueError(f"overall.promotion_levels: unknown level(s) {', '.join(unknown)}")
        if not any(lv.positive for lv in self.overall.levels):
            raise ValueError("overall.levels: at least one level must be positive")
        if (
            self.follow_up_earliest_months is not None
            and self.follow_up_earliest_months > self.follow_up_months
        ):
            raise ValueError("follow_up_earliest_months must not exceed follow_up_months")
        return self

    def criterion(self, code: str) -> Criterion:
        for c in self.criteria:
            if c.code == code:
                return c
        raise KeyError(code)

    def scale_level(self, code: str) -> ScaleLevel:
        for level in self.scale:
            if level.code == code:
                return level
        raise KeyError(code)

    def overall_level(self, code: str) -> OverallLevel:
        for level in self.overall.levels:
            if level.code == code:
                return level
        raise KeyError(code)

    def promotion_level_codes(self) -> list[str]:
        return list(self.overall.promotion_levels) or [
            lv.code for lv in self.overall.levels[:2] if lv.positive
        ]


register_kind("appraisal", AppraisalSheet)
