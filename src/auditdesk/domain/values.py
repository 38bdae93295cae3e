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
