"""Mystery-client checklists: sections of scored items, score bands, channels, scenario fields
and the answer key a correct answer is checked against. See docs/forms-checklist.md."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Literal

from pydantic import Field, model_validator

from auditdesk.domain.forms.base import FormBase, Identifier, LocalizedText, StrictModel
from auditdesk.domain.forms.loader import register_kind

Channel = Literal["visit", "phone", "email", "eservice"]
ItemType = Literal["yesno", "yes_partly_no", "scale", "number", "choice", "text", "datetime"]
CriticalPolicy = Literal["fail", "zero_section", "zero_audit"]

CHANNELS: tuple[str, ...] = ("visit", "phone", "email", "eservice")
SCORED_TYPES: frozenset[str] = frozenset({"yesno", "yes_partly_no", "scale", "number", "choice"})

_YES = LocalizedText(pl="Tak", en="Yes")
_NO = LocalizedText(pl="Nie", en="No")
_PARTLY = LocalizedText(pl="Częściowo", en="Partly")


class Option(StrictModel):
    """One possible answer of a choice item (or an override of a yes/no item's points)."""

    value: Identifier
    label: LocalizedText
    points: float = Field(default=0, ge=0)


class NumberBand(StrictModel):
    """Points for a number up to `up_to` inclusive; the last band has no `up_to` (anything more)."""

    up_to: float | None = None
    points: float = Field(ge=0)
    label: LocalizedText | None = None


class ChecklistItem(StrictModel):
    id: Identifier
    text: LocalizedText
    type: ItemType
    guidance: LocalizedText | None = None
    max_points: float = Field(default=1, gt=0, description="points of the best yes/no answer")
    options: list[Option] = Field(default_factory=list)
    scale_min: int = 1
    scale_max: int = 5
    bands: list[NumberBand] = Field(default_factory=list)
    unit: LocalizedText | None = None  # of a number, e.g. "min"
    max_value: float | None = Field(default=None, gt=0, description="largest number accepted")
    weight: float = Field(default=1, gt=0)
    na_allowed: bool = False
    required: bool = True
    critical: CriticalPolicy | None = None
    integrity: bool = Field(default=False, description="recorded, never scored")

    @model_validator(mode="after")
    def _check_type(self) -> ChecklistItem:
        if self.type == "choice" and len(self.options) < 2:
            raise ValueError("a choice item needs at least two options")
        if self.type in ("yesno", "yes_partly_no") and self.options:
            wanted = {"yesno": {"yes", "no"}, "yes_partly_no": {"yes", "partly", "no"}}[self.type]
            if {o.value for o in self.options} != wanted:
                raise ValueError(
                    f"options of a {self.type} item must be exactly {', '.join(sorted(wanted))}"
                )
        if self.type not in ("choice", "yesno", "yes_partly_no") and self.options:
            raise ValueError("options are allowed only on choice, yesno and yes_partly_no items")
        if self.type == "scale" and not self.scale_min < self.scale_max:
            raise ValueError("scale_min must be below scale_max")
        if self.type == "number":
            self._check_bands()
        elif self.bands:
            raise ValueError("bands are allowed only on a number item")
        if self.max_value is not None and self.type != "number":
            raise ValueError("max_value is allowed only on a number item")
        if self.type in ("text", "datetime") and self.critical:
            raise ValueError(f"a {self.type} item is never scored, so it cannot be critical")
        if self.integrity and self.critical:
            raise ValueError("an integrity item is never scored, so it cannot be critical")
        values = [o.value for o in self.options]
        if len(set(values)) != len(values):
            raise ValueError("option values must be unique")
        return self

    def _check_bands(self) -> None:
        if not self.bands:
            raise ValueError("a number item needs bands (e.g. up_to: 5 → 2 points, then 0)")
        if self.bands[-1].up_to is not None:
            raise ValueError("the last band must have no up_to: it scores any larger number")
        limits = [b.up_to for b in self.bands[:-1] if b.up_to is not None]
        if len(limits) != len(self.bands) - 1:
            raise ValueError("only the last band may omit up_to")
        if limits != sorted(limits) or len(set(limits)) != len(limits):
            raise ValueError("band limits (up_to) must rise from band to band")

    # --- what the scoring needs -------------------------------------------------------------

    @property
    def scored(self) -> bool:
        return self.type in SCORED_TYPES and not self.integrity

    def answer_options(self) -> list[Option]:
        """The fixed answers (in the order of digit keys 1, 2, …); empty for free input."""
        if self.type == "choice":
            return list(self.options)
        if self.type in ("yesno", "yes_partly_no"):
            if self.options:
                order = ["yes", "partly", "no"]
                return sorted(self.options, key=lambda o: order.index(o.value))
            out = [Option(value="yes", label=_YES, points=self.max_points)]
            if self.type == "yes_partly_no":
                out.append(Option(value="partly", label=_PARTLY, points=self.max_points / 2))
            out.append(Option(value="no", label=_NO, points=0))
            return out
        if self.type == "scale":
            return [
                Option(
                    value=str(v),
                    label=LocalizedText(pl=str(v), en=str(v)),
                    points=float(v - self.scale_min),
                )
                for v in range(self.scale_min, self.scale_max + 1)
            ]
        return []

    def number_range(self) -> tuple[float, float]:
        """The numbers a `number` item accepts: from 0 to the form's `max_value`, or, where the
        form gives none, to a hundred times its highest band limit (at least 1000): room for
        any real observation, not for a slip of the keyboard (issue 15: "11111111111111111111"
        minutes)."""
        if self.max_value is not None:
            return 0.0, self.max_value
        limits = [b.up_to for b in self.bands if b.up_to is not None]
        return 0.0, max(1000.0, 100 * max(limits, default=0.0))

    def best_points(self) -> float:
        """The item's maximum before weighting: its best answer's points."""
        if self.type == "number":
            return max(b.points for b in self.bands)
        opts = self.answer_options()
        return max(o.points for o in opts) if opts else 0.0

    def points_for(self, value: str) -> float | None:
        """Points (before weighting) of a stored answer value; None if the value is not valid."""
        if self.type == "number":
            try:
                number = float(value.replace(",", "."))
            except ValueError:
                return None
            for band in self.bands:
                if band.up_to is None or number <= band.up_to:
                    return band.points
            return None
        for option in self.answer_options():
            if option.value == value:
                return option.points
        return None


class ChecklistSection(StrictModel):
    id: Identifier
    title: LocalizedText
    items: list[ChecklistItem] = Field(min_length=1)


class ScoreBand(StrictModel):
    """A verdict for scores from `from` (inclusive) to `to` (exclusive; 100 inclusive)."""

    from_: float = Field(alias="from", ge=0, le=100)
    to: float = Field(ge=0, le=100)
    verdict: Identifier
    label: LocalizedText
    passed: bool = True


class ScenarioField(StrictModel):
    id: Identifier
    label: LocalizedText
    hint: LocalizedText | None = None
    required: bool = False


class AnswerKeyEntry(StrictModel):
    id: Identifier
    label: LocalizedText
    text: LocalizedText


class ChecklistForm(FormBase):
    kind: Literal["checklist"]
    channels: list[Channel] = Field(min_length=1)
    bands: list[ScoreBand] = Field(min_length=1)
    action_plan_below: float | None = Field(
        default=None, ge=0, le=100, description="completing below this % opens an action plan"
    )
    scenario_fields: list[ScenarioField] = Field(default_factory=list)
    answer_key: list[AnswerKeyEntry] = Field(default_factory=list)
    sections: list[ChecklistSection] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_form(self) -> ChecklistForm:
        ids: set[str] = set()
        for item in self.items():
            if item.id in ids:
                raise ValueError(f"duplicate item id {item.id!r}; every item needs its own id")
            ids.add(item.id)
        sections = [s.id for s in self.sections]
        if len(set(sections)) != len(sections):
            raise ValueError("section ids must be unique")
        if not any(item.scored for item in self.items()):
            raise ValueError("the form has no scored item")
        self._check_bands()
        return self

    def _check_bands(self) -> None:
        bands = sorted(self.bands, key=lambda b: b.from_)
        if bands[0].from_ != 0:
            raise ValueError(f"score bands must start at 0 (the lowest starts at {bands[0].from_})")
        for band in bands:
            if band.to <= band.from_:
                raise ValueError(f"band {band.verdict!r}: 'to' must be above 'from'")
        for lower, upper in itertools.pairwise(bands):
            if upper.from_ > lower.to:
                raise ValueError(
                    f"score bands leave a gap between {lower.to} and {upper.from_} "
                    f"({lower.verdict!r} → {upper.verdict!r})"
                )
            if upper.from_ < lower.to:
                raise ValueError(
                    f"score bands {lower.verdict!r} and {upper.verdict!r} overlap "
                    f"({upper.from_} < {lower.to})"
                )
        if bands[-1].to != 100:
            raise ValueError(f"score bands must end at 100 (the highest ends at {bands[-1].to})")
        verdicts = [b.verdict for b in bands]
        if len(set(verdicts)) != len(verdicts):
            raise ValueError("band verdicts must be unique")

    def items(self) -> Iterator[ChecklistItem]:
        for section in self.sections:
            yield from section.items

    def item(self, item_id: str) -> ChecklistItem | None:
        return next((i for i in self.items() if i.id == item_id), None)

    def sorted_bands(self) -> list[ScoreBand]:
        return sorted(self.bands, key=lambda b: b.from_)

    def band_for(self, score: float) -> ScoreBand:
        bands = self.sorted_bands()
        for band in bands:
            if band.from_ <= score < band.to:
                return band
        return bands[-1]

    def lowest_band(self) -> ScoreBand:
        return self.sorted_bands()[0]


register_kind("checklist", ChecklistForm)
