"""The stored values that windows, protocols and the command line name: one home for each set.

Only the values live here (what the database holds); their names for people live once per
layer: `ui.labels` (translated, for the window) and, where a protocol or the command line needs
them in plain text, beside that output (`reports/`, `cli/`).
"""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    """What a user may do (services.access maps each role to its permissions)."""

    AUDITOR = "auditor"
    SUPERVISOR = "supervisor"
    HR = "hr"
    ADMIN = "admin"


AUDIT_STATUSES: tuple[str, ...] = ("draft", "completed", "signed")
"""An audit: being filled in, completed (locked), its protocol signed."""

ACTION_STATUSES: tuple[str, ...] = ("planned", "in_progress", "done")
"""One action of an audit's action plan."""

DISPUTE_STATUSES: tuple[str, ...] = ("open", "upheld", "rejected")
"""An auditee's dispute of an audit: awaiting the decision, then upheld or rejected."""

PLAN_STATUSES: tuple[str, ...] = ("open", "submitted", "accepted", "returned")
"""An audit's action plan: being written, submitted to the manager, accepted or returned."""


class AppraisalStatus(enum.StrEnum):
    """Where a periodic appraisal is in its procedure (domain.appraisal holds the rules)."""

    DRAFT = "draft"  # steps 1–3: criteria, ratings, development areas
    DISCUSSED = "discussed"  # step 4: the conversation took place; the sheet is made
    ACKNOWLEDGED = "acknowledged"  # step 5: the employee read it
    OBJECTED = "objected"  # step 5: an objection awaits its decision
    FINAL = "final"  # no objection in time, or the objection was rejected
    SUPERSEDED = "superseded"  # an upheld objection: changed or redone; kept as it was


class AppraisalKind(enum.StrEnum):
    """Why an appraisal is made: the periodic one, or the follow-up after a negative one."""

    PERIODIC = "periodic"
    FOLLOW_UP = "follow_up"  # after a negative appraisal


class ObjectionDecision(enum.StrEnum):
    """The decision on an employee's objection to an appraisal."""

    UPHELD = "upheld"
    REJECTED = "rejected"


class FeedbackKind(enum.StrEnum):
    """A note of ongoing feedback between appraisals."""

    POSITIVE = "positive"
    CORRECTIVE = "corrective"
