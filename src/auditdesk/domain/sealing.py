"""Content seals of locked records: the SHA-256 of a canonical JSON of what a completed audit or
a made appraisal says, taken when it is locked and recomputed by `auditdesk check`.

One digest per record kind, over the fields named here (the header and the result, then the
answers or ratings in a fixed order). Values are normalised so that the same content gives the
same digest whether it comes from objects in memory or from rows read back from SQLite or
PostgreSQL: numbers as floats, dates and times in ISO form, booleans as booleans.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

# what a completed audit says: who was audited where and when, on which form, with what result
AUDIT_FIELDS: tuple[str, ...] = (
    "uid",
    "record_no",
    "form_version_id",
    "channel",
    "unit_id",
    "employee_id",
    "observed_note",
    "auditor_id",
    "auditor_name",
    "scenario_json",
    "visited_at",
    "kind",
    "original_id",
    "earned",
    "possible",
    "score",
    "verdict",
    "passed",
    "critical_failure",
    "section_scores_json",
    "completed_at",
)
AUDIT_ANSWER_FIELDS: tuple[str, ...] = (
    "item_id",
    "value",
    "na",
    "comment",
    "points",
    "max_points",
    "met",
)

# what a made appraisal says (fixed at the conversation): the sheet, the period, the ratings
# with their justification and the overall result. The reading, objections and the tracking of
# development actions are recorded beside it later and are not part of the seal.
APPRAISAL_FIELDS: tuple[str, ...] = (
    "record_number",
    "employee_id",
    "appraiser_id",
    "form_version_id",
    "kind",
    "period_start",
    "period_end",
    "overall_score",
    "overall_level",
    "positive",
    "conversation_on",
    "made_on",
    "supersedes_id",
)
APPRAISAL_RATING_FIELDS: tuple[str, ...] = (
    "criterion_code",
    "position",
    "mandatory",
    "expectations",
    "level_code",
    "points",
    "justification",
)

AUDIT_SEALED_STATUSES = ("completed", "signed")
APPRAISAL_UNSEALED_STATUSES = ("draft",)  # every other status was made at the conversation


def _plain(value: Any) -> Any:
    kind = type(value)
    if value is None or kind is str or kind is float or kind is bool:
        return value
    if kind is int:
        return float(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _digest(
    kind: str, width: int, record: Sequence[Any], part_width: int, parts: Iterable[Sequence[Any]]
) -> str:
    # the first part field (item id, criterion code) is unique within a record
    rows = sorted(([_plain(v) for v in p[:part_width]] for p in parts), key=lambda r: str(r[0]))
    body = [kind, [_plain(v) for v in record[:width]], rows]
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def audit_digest(audit: Sequence[Any], answers: Iterable[Sequence[Any]]) -> str:
    """The seal of a completed audit: `audit` starts with the values of AUDIT_FIELDS and each
    answer with those of AUDIT_ANSWER_FIELDS, in that order (further values are ignored)."""
    return _digest("audit/1", len(AUDIT_FIELDS), audit, len(AUDIT_ANSWER_FIELDS), answers)


def appraisal_digest(appraisal: Sequence[Any], ratings: Iterable[Sequence[Any]]) -> str:
    """The seal of a made appraisal: `appraisal` starts with the values of APPRAISAL_FIELDS and
    each rating with those of APPRAISAL_RATING_FIELDS, in that order."""
    return _digest(
        "appraisal/1", len(APPRAISAL_FIELDS), appraisal, len(APPRAISAL_RATING_FIELDS), ratings
    )
