"""The shared part of every form kind: strict pydantic models and bilingual text."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Identifier = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", min_length=1, max_length=64)
]


class StrictModel(BaseModel):
    """Unknown keys are errors, values are not coerced silently, and loaded forms are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class LocalizedText(StrictModel):
    """Text in Polish (required, the office's language) and English (optional)."""

    pl: str = Field(min_length=1)
    en: str | None = None

    def get(self, language: str) -> str:
        if language == "en" and self.en:
            return self.en
        return self.pl


class FormBase(StrictModel):
    """Keys every form kind has. `kind` picks the schema; `id` + content hash identify a version."""

    kind: str
    id: Identifier
    title: LocalizedText
    description: LocalizedText | None = None
    edition: str = Field(
        default="1", description="Human label of the edition, e.g. '2026.1'; the hash is the id"
    )
