"""The fixed choices the parser offers, written out so that building the parser (`--help`,
`--version`) imports nothing of the application (issue 14). Each tuple equals its source of
truth (named beside it); tests/cli/test_startup_imports.py checks that they stay equal."""

from __future__ import annotations

# auditdesk.domain.values.Role, in its order
ROLES = ("auditor", "supervisor", "hr", "admin")
# auditdesk.services.protocols.KINDS
PROTOCOL_KINDS = ("audit", "appraisal")
# auditdesk.reports.certs.KEY_TYPES
KEY_TYPES = ("rsa", "ec", "ed25519")
# auditdesk.services.monitoring.indicators.imports.FIELDS
INDICATOR_FIELDS = (
    "reference",
    "kind",
    "received_on",
    "channel",
    "unit",
    "employee",
    "summary",
    "from_representative",
    "settled_on",
    "outcome",
)
