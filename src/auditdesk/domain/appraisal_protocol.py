"""What the signed PDF protocol of an appraisal shows: a plain snapshot, built by
`services.appraisals.appraisal_protocol_data(ctx, appraisal_id)` and read by the protocol builder.

Everything is already formatted for print (labels in Polish, as stored in the sheet version the
appraisal was made on); dates stay `date` objects so that the builder chooses their format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ProtocolCriterion:
    """One rated criterion as it stands on the sheet."""

    code: str
    name: str
    mandatory: bool  # False: an additional criterion chosen for this post
    expectations: str  # what was agreed in step 1 ("" when nothing beyond the sheet)
    rating_label: str  # e.g. "powyżej oczekiwań"
    rating_points: float
    weight: float
    justification: str


@dataclass(frozen=True)
class ProtocolAction:
    """One action of the individual development programme (IPRZ)."""

    kind: str  # training, mentoring, shadowing, … (label in Polish)
    description: str
    deadline: date | None
    done_on: date | None = None


@dataclass(frozen=True)
class ProtocolDevelopmentArea:
    area: str
    expected_change: str
    support: str  # what the office provides
    deadline: date | None
    actions: tuple[ProtocolAction, ...] = ()


@dataclass(frozen=True)
class ProtocolConversationNote:
    """A note of the appraisal conversation, as the appraiser wrote it (issue 15)."""

    noted_on: date
    text: str


@dataclass(frozen=True)
class ProtocolAcknowledgement:
    read_on: date
    comment: str


@dataclass(frozen=True)
class ProtocolObjection:
    filed_on: date
    reason: str
    decision: str | None  # "upheld" / "rejected" as a Polish label; None while undecided
    decided_on: date | None
    decision_reason: str = ""


@dataclass(frozen=True)
class AppraisalProtocolData:
    """The whole appraisal as its protocol prints it."""

    appraisal_id: int
    record_number: str  # e.g. "OC/2026/0007"
    office: str
    unit: str
    employee: str
    position: str
    appraiser: str
    appraiser_position: str
    sheet_name: str
    sheet_version_hash: str  # sha256 of the stored sheet version (FormVersion.content_hash)
    kind: str  # "okresowa" / "kolejna po ocenie negatywnej" (Polish label)
    period_start: date
    period_end: date
    criteria: tuple[ProtocolCriterion, ...]
    overall_score: float | None
    overall_level: str | None  # label of the overall level
    positive: bool | None  # None while the appraisal is not rated
    development_areas: tuple[ProtocolDevelopmentArea, ...]
    conversation_on: date | None
    acknowledgement: ProtocolAcknowledgement | None
    objection: ProtocolObjection | None
    status: str  # draft, discussed, acknowledged, objected, final, superseded
    made_on: date | None  # the date the appraisal was made (written sheet)
    next_due: date | None
    next_due_rule: str  # the sentence naming the rule the next due date followed
    supersedes_record: str | None = None  # record number of the original when this redoes one
    notes: tuple[str, ...] = field(default_factory=tuple)
    conversation_notes: tuple[ProtocolConversationNote, ...] = ()
