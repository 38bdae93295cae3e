"""Satisfaction-survey forms: blocks of questions on a 1–5 scale, the four-point
tak / raczej tak / raczej nie / nie scale, choice lists or free text."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from auditdesk.domain.forms.base import FormBase, Identifier, LocalizedText, StrictModel
from auditdesk.domain.forms.loader import register_kind


class SurveyOption(StrictModel):
    value: Identifier
    label: LocalizedText


class SurveyQuestion(StrictModel):
    id: Identifier
    text: LocalizedText
    type: Literal["scale", "agree4", "choice", "text"]
    scale_min: int = 1
    scale_max: int = 5
    options: list[SurveyOption] = Field(default_factory=list)
    required: bool = False

    @model_validator(mode="after")
    def _check_type(self) -> SurveyQuestion:
        if self.type == "scale" and not self.scale_min < self.scale_max:
            raise ValueError("scale_min must be below scale_max")
        if self.type == "choice" and len(self.options) < 2:
            raise ValueError("a choice question needs at least two options")
        if self.type != "choice" and self.options:
            raise ValueError("options are allowed only on a choice question")
        return self


class SurveyBlock(StrictModel):
    id: Identifier
    title: LocalizedText
    questions: list[SurveyQuestion] = Field(min_length=1)
    profile: bool = Field(default=False, description="respondent profile, never scored")


class SurveyForm(FormBase):
    kind: Literal["survey"]
    anonymous: bool = True
    blocks: list[SurveyBlock] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> SurveyForm:
        seen: set[str] = set()
        for block in self.blocks:
            for q in block.questions:
                if q.id in seen:
                    raise ValueError(f"duplicate question id {q.id!r}")
                seen.add(q.id)
        blocks = [b.id for b in self.blocks]
        dupes = {b for b in blocks if blocks.count(b) > 1}
        if dupes:
            raise ValueError(f"duplicate block id(s): {', '.join(sorted(dupes))}")
        return self


register_kind("survey", SurveyForm)
